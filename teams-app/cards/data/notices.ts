import { z } from 'zod';
import { Count, Id, inert, Label, Name } from './parts.js';

/** `welcome`: sent once, when someone installs Steady. */
export const WelcomeData = z.strictObject({ name: Name });
export type WelcomeData = z.infer<typeof WelcomeData>;

/** `help`: the commands; it takes no data. */
export const HelpData = z.strictObject({});
export type HelpData = z.infer<typeof HelpData>;

/** `cadenceAlert`: to the manager, when 1:1s with a report keep being missed. */
export const CadenceAlertData = z
  .strictObject({
    reportName: Name,
    missed: z.number().int().min(1),
    /** How many recent occurrences were looked at (6 for "3 of the last 6"). */
    window: z.number().int().min(1).max(52),
    /** The missed occurrences, formatted, each marked when it is still ahead (cancelled or declined early). */
    dates: z
      .array(z.strictObject({ day: Label, ahead: z.boolean() }))
      .min(1)
      .max(52),
    /** A declined series: who (the manager, or else the report), from which date, how many so far. */
    declined: z
      .strictObject({ byManager: z.boolean(), from: Label, count: z.number().int().min(1).max(366) })
      .optional(),
    pattern: z.enum(['consecutive', 'recent']),
  })
  .refine((data) => data.missed <= data.window, { error: 'missed must not exceed window', path: ['missed'] });
export type CadenceAlertData = z.infer<typeof CadenceAlertData>;

/** `choosePair`: asks which 1:1 a chat command is for. */
export const ChoosePairData = z
  .strictObject({
    /** The command as the user wrote it; it is run again with the chosen pair. */
    command: z.string().min(1).max(4100),
    options: z
      .array(z.strictObject({ pairId: Id, label: Label }))
      .min(1)
      .max(20),
  })
  // The buttons carry the command as typed (button data and a hidden input are never formatted by
  // Teams); only the line that shows it is escaped, so a pick stores exactly what was typed.
  .transform((data) => ({ ...data, shown: inert(data.command) }));
export type ChoosePairData = z.infer<typeof ChoosePairData>;

/** `confirmErase`: what "delete my data" would remove, and the one button that does it. */
export const ConfirmEraseData = z.strictObject({
  /** The other person of each of their 1:1s, by name. */
  others: z.array(z.strictObject({ name: Name })).max(100),
});
export type ConfirmEraseData = z.infer<typeof ConfirmEraseData>;

/** `trustDigest`: the manager's monthly trust signals (only the manager's); counts over the last 8 weeks. */
export const TrustDigestData = z
  .strictObject({
    /** The month it is for, as shown, e.g. "March 2026". */
    month: Label,
    /** The window, as shown, e.g. "6 Jan – 2 Mar 2026". */
    period: Label,
    /** The manager's action items due in the window, and of them done by their due date, late, open. */
    due: Count,
    onTime: Count,
    late: Count,
    open: Count,
    /** `onTime` of `due`, rounded; absent when nothing came due. */
    percent: z.number().int().min(0).max(100).optional(),
    /** Held of scheduled 1:1s, per report. */
    cadence: z.array(z.strictObject({ reportName: Name, held: Count, scheduled: Count })).max(100),
    /** Reports whose latest shared happiness score is lower than their previous shared one. */
    happinessFell: z
      .array(
        z.strictObject({
          reportName: Name,
          previous: z.number().int().min(1).max(10),
          previousMonth: Label,
          latest: z.number().int().min(1).max(10),
          latestMonth: Label,
        }),
      )
      .max(100),
  })
  .refine((data) => data.onTime + data.late + data.open === data.due, {
    error: 'onTime, late and open must add up to due',
    path: ['due'],
  })
  .refine((data) => data.cadence.every((c) => c.held <= c.scheduled), {
    error: 'held must not exceed scheduled',
    path: ['cadence'],
  });
export type TrustDigestData = z.infer<typeof TrustDigestData>;
