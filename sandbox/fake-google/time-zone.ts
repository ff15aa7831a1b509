/**
 * Wall-clock arithmetic in IANA time zones through `Intl`, independent of the host's own zone.
 * A "floating" time is a number of ms whose UTC fields read as the wall clock of some zone: that is
 * the form rrule computes in, so recurrence expansion never sees a DST offset.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch (error) {
    if (error instanceof RangeError) return false;
    throw error;
  }
}

/** The wall clock of `timeZone` at the instant `ms`, as a floating time (whole seconds). */
export function toFloating(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const field = (name: string): number => parts[name] ?? 0;
  return Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
}

/**
 * The instant at which `timeZone`'s wall clock shows `floating`. As RFC 5545 asks: a wall time that
 * occurs twice (DST ends) is the first one; one skipped (DST starts) takes the offset before the gap.
 */
export function fromFloating(floating: number, timeZone: string): number {
  const day = 86_400_000;
  const before = floating - offsetAt(floating - day, timeZone);
  const after = floating - offsetAt(floating + day, timeZone);
  const valid = [before, after].filter((instant) => toFloating(instant, timeZone) === floating);
  return valid.length > 0 ? Math.min(...valid) : before;
}

function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return toFloating(whole, timeZone) - whole;
}

/** RFC 3339 with the zone's offset at that instant, as Google renders `dateTime` ("Z" for offset 0). */
export function formatInZone(ms: number, timeZone: string): string {
  const floating = toFloating(ms, timeZone);
  const offsetMinutes = Math.round((floating - Math.floor(ms / 1000) * 1000) / 60_000);
  const local = new Date(floating).toISOString().slice(0, 19);
  if (offsetMinutes === 0) return `${local}Z`;
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
