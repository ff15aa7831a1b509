/** `20260310T090000Z`: the UTC form Google puts in instance ids and RRULE `UNTIL`. */
export function basicUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/\.\d{3}/, '')
    .replace(/[-:]/g, '');
}

/** `20260310` from `2026-03-10`: the all-day form of an instance id suffix. */
export function basicDate(date: string): string {
  return date.replace(/-/g, '');
}

/** A floating midnight (ms) back to the `YYYY-MM-DD` of an all-day `date`. */
export function isoDate(floating: number): string {
  return new Date(floating).toISOString().slice(0, 10);
}
