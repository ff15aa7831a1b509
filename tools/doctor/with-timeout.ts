/** The promise's value, or `onTimeout()` once `ms` have passed (then `abort` is called). */
export async function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  abort: () => void,
  onTimeout: () => T,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T>((resolve) => {
    timer = setTimeout(() => {
      abort();
      resolve(onTimeout());
    }, ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
