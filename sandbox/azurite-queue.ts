import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** Azurite's well-known development account (public, the same in every install). */
const ACCOUNT = 'devstoreaccount1';
const KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

// Resolved through the package, so it works from the sources (tsx) and from dist/ alike.
const BIN = createRequire(import.meta.url).resolve('azurite/dist/src/queue/main.js');
const flags = (location: string | undefined) => [
  '--queueHost',
  '127.0.0.1',
  '--queuePort',
  '0',
  ...(location === undefined ? ['--inMemoryPersistence'] : ['--location', location]),
  '--disableTelemetry',
  '--skipApiVersionCheck',
  '--loose',
];
// Preloaded into Azurite: it exits when its stdin closes, which happens when this process dies in any
// way (even SIGKILL of a test worker), so no Azurite outlives the run. Unref'd so that a SIGTERM can
// still end it the normal way.
const WATCHDOG = `data:text/javascript,process.stdin.on('end',()=>process.exit(1)).on('error',()=>process.exit(1)).resume().unref()`;
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;

/**
 * The Azurite queue service in a child process on 127.0.0.1 (a free port; in memory, or persisted
 * under `location`), and the connection string of its development account. `stop()` ends it and
 * waits for it to exit.
 */
export async function startAzuriteQueue(location?: string): Promise<{
  connectionString: string;
  queueUrl: string;
  stop(): Promise<void>;
}> {
  const child = spawn(process.execPath, ['--import', WATCHDOG, BIN, ...flags(location)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Both streams are read to the end (Azurite logs every request; a full pipe would stall it), but
  // kept only until it listens, for the error of a failed start.
  let output = '';
  let listening = false;
  const keep = (chunk: string) => {
    if (!listening) output += chunk;
  };
  child.stderr.setEncoding('utf8').on('data', keep);

  const stop = async (): Promise<void> => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  };

  let timer: NodeJS.Timeout | undefined;
  try {
    const url = await new Promise<string>((resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Azurite did not start in ${START_TIMEOUT_MS} ms:\n${output}`)),
        START_TIMEOUT_MS,
      );
      child.once('error', reject);
      child.once('exit', (code, signal) =>
        reject(new Error(`Azurite exited before listening (${signal ?? code}):\n${output}`)),
      );
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        keep(chunk);
        const url = /successfully listens on (http:\/\/\S+)/.exec(output)?.[1];
        if (listening || url === undefined) return;
        listening = true;
        resolve(url);
      });
    });
    const queueUrl = `http://127.0.0.1:${new URL(url).port}/${ACCOUNT}`;
    const connectionString = `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${KEY};QueueEndpoint=${queueUrl};`;
    return { connectionString, queueUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
