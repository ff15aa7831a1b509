/** An instant as UTC ISO without milliseconds: `2026-03-03T09:00:00Z`, the form of keys and transcripts. */
export function utc(instant: string | Date): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) throw new Error(`not a date-time: ${String(instant)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function addMinutes(instant: string, minutes: number): string {
  return utc(new Date(new Date(instant).getTime() + minutes * 60_000));
}

export function minutesBetween(from: string, to: string): number {
  return (new Date(to).getTime() - new Date(from).getTime()) / 60_000;
}

/** The later of two instants. */
export const later = (a: string, b: string): string => (new Date(a) >= new Date(b) ? a : b);

export const isBefore = (a: string, b: string): boolean => new Date(a).getTime() < new Date(b).getTime();

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-03-17": the calendar day of `instant` in `timeZone`. */
export function dayOf(instant: string, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    if (dayFormats.size < 1000) dayFormats.set(timeZone, format); // a formatter is ~50 µs to build
  }
  return format.format(new Date(instant));
}

/** "2026-03": the calendar month of `instant` in `timeZone`. */
export const monthOf = (instant: string, timeZone: string): string => dayOf(instant, timeZone).slice(0, 7);
