import { z } from 'zod';
import { foldAddress } from './address-rules.js';

/** An email address, compared case-insensitively, so stored folded (`foldAddress`): ASCII only. */
export const Email = z
  .string()
  .transform(foldAddress)
  .pipe(z.email({ error: 'must be an email address' }).max(320));

/** An instant in UTC, ISO 8601 with `Z` (what `Date.prototype.toISOString` writes). */
export const Instant = z.iso.datetime({
  error: 'must be a UTC ISO 8601 date-time like 2026-03-02T09:00:00Z',
});

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.iso.date({ error: 'must be a date like 2026-03-20' });

/** An IANA time zone name such as `Europe/Berlin`. */
export const TimeZone = z
  .string()
  .refine(isTimeZone, { error: 'must be an IANA time zone like Europe/Berlin' });

// Control characters other than tab and newline never belong in what a person types.
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/;

// Invisible characters that make a line read as another on a card: bidi embeddings, overrides and
// isolates (U+202A–202E, U+2066–2069) and zero-width spaces (U+200B, U+2060 word joiner, U+FEFF). The
// zero-width (non-)joiners U+200C/U+200D and the marks U+200E/U+200F stay: emoji and scripts need them,
// and they reorder nothing on their own.
const invisibleFormatting = /[\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069]/;

/**
 * Text a person wrote: trimmed, not empty, bounded, free of control characters and of the invisible
 * characters that reorder or hide text (refused, not removed: what is stored is what was typed).
 */
export const UserText = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` })
    .refine((value) => !controlCharacters.test(value), { error: 'must not contain control characters' })
    .refine((value) => !invisibleFormatting.test(value), {
      error:
        'must not contain invisible characters that reorder or hide text (bidi controls, zero-width spaces)',
    });

/**
 * Text Steady did not ask a person to type (a name from the Teams roster): the characters `UserText`
 * refuses are removed instead, since there is no one to ask.
 */
export const plainText = (value: string): string =>
  value.replace(new RegExp(`${controlCharacters.source}|${invisibleFormatting.source}`, 'g'), '').trim();

/** Fields every stored document has. `id` is unique within its partition. */
export const DocBase = z.object({
  id: z.string().min(1).max(255),
  createdAt: Instant,
  updatedAt: Instant,
});

/** Zones found valid: building a formatter to check one costs ~50 µs, and every stored doc names one. */
const validTimeZones = new Set<string>();

function isTimeZone(value: string): boolean {
  if (validTimeZones.has(value)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
  } catch {
    return false;
  }
  if (validTimeZones.size < 1000) validTimeZones.add(value); // IANA has about 600 names
  return true;
}
