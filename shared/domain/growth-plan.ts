import { z } from 'zod';
import { DocBase, Email, UserText } from './common.js';
import { docId } from './ids.js';
import { err, ok, type Result } from './result.js';
import { monthOf } from './time.js';

/** The longest the goal, the support and the evidence of a growth plan may be. */
export const GROWTH_TEXT_MAX = 1000;
/** The longest one checkpoint's progress note may be. */
export const CHECKPOINT_NOTE_MAX = 500;

/** A calendar quarter, e.g. "2026-Q2". */
export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, { error: 'must be a quarter like 2026-Q2' });

/** The parts of a growth plan a person writes, in the guide's words. */
export const GROWTH_PARTS = ['goal', 'support', 'evidence'] as const;
export type GrowthPart = (typeof GROWTH_PARTS)[number];

const Text = UserText(GROWTH_TEXT_MAX);
const Note = UserText(CHECKPOINT_NOTE_MAX);

/** One monthly checkpoint: the last day of a month of the quarter, and how it went. */
export const Checkpoint = z.object({
  date: z.iso.date(),
  note: Note.optional(),
});
export type Checkpoint = z.infer<typeof Checkpoint>;

/**
 * The pair's growth plan for one quarter (the guide's "map: the next steps and milestones"): one goal,
 * the support the manager gives, the evidence of progress, and three monthly checkpoints. It is the
 * pair's plan: both see it and either may edit it. The quarter is judged in the pair's time zone.
 */
export const GrowthPlan = DocBase.extend({
  type: z.literal('growthPlan'),
  pairId: z.string().min(1),
  quarter: Quarter,
  goal: Text,
  support: Text.optional(),
  evidence: Text.optional(),
  checkpoints: z.array(Checkpoint).length(3),
  /** Who created it, and who saved it last (either person of the pair). */
  authorEmail: Email,
  updatedByEmail: Email,
});
export type GrowthPlan = z.infer<typeof GrowthPlan>;

/** The id of the pair's plan for `quarter`: one a quarter. */
export const growthPlanIdOf = (quarter: string): string => docId('growthPlan', quarter);

/** "2026-Q2": the quarter `instant` falls in, in `timeZone`. */
export function quarterOf(instant: string, timeZone: string): string {
  const month = monthOf(instant, timeZone);
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5)) / 3)}`;
}

/** The three checkpoint dates of a quarter: the last day of each of its months ("2026-04-30", …). */
export function checkpointDates(quarter: string): [string, string, string] {
  const year = Number(quarter.slice(0, 4));
  const first = (Number(quarter.slice(-1)) - 1) * 3;
  const last = (month: number) => new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);
  return [last(first), last(first + 1), last(first + 2)];
}

/** The quarter after `quarter`. */
export function nextQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(-1));
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

/** The quarter before `quarter`. */
export function previousQuarter(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const q = Number(quarter.slice(-1));
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** Which plan `growth …` opens: the last or next quarter, a quarter of the year ("Q1"), or one exactly. */
export type QuarterChoice = 'last' | 'next' | `Q${1 | 2 | 3 | 4}` | `${number}-Q${1 | 2 | 3 | 4}`;

/** Reads what follows `growth` (any case): `last`, `next`, `Q1`…`Q4` or `2026-Q1`; anything else is none. */
export function parseQuarterChoice(given: string): QuarterChoice | undefined {
  const word = given.trim().toUpperCase();
  if (word === 'LAST' || word === 'PREVIOUS') return 'last';
  if (word === 'NEXT') return 'next';
  if (/^Q[1-4]$/.test(word)) return word as QuarterChoice;
  if (/^\d{4}-Q[1-4]$/.test(word) && Number(word.slice(0, 4)) >= 2000) return word as QuarterChoice;
  return undefined;
}

/**
 * The quarter a choice names when it is `current` now: "Q1" is the latest Q1 not after now. Planning
 * reaches one quarter ahead at most (`TOO_FAR` beyond it): a plan is for the work in front of you.
 */
export function quarterFor(choice: QuarterChoice | undefined, current: string): Result<string, 'TOO_FAR'> {
  const named =
    choice === undefined
      ? current
      : choice === 'last'
        ? previousQuarter(current)
        : choice === 'next'
          ? nextQuarter(current)
          : choice.length === 2
            ? latestNotAfter(`${current.slice(0, 4)}-${choice}`, current)
            : choice;
  return named > nextQuarter(current) ? err('TOO_FAR') : ok(named);
}

const latestNotAfter = (quarter: string, current: string): string =>
  quarter > current ? `${Number(quarter.slice(0, 4)) - 1}${quarter.slice(4)}` : quarter;

/** What a person typed on the growth plan card, checked. */
export interface GrowthPlanText {
  readonly goal: string;
  readonly support?: string;
  readonly evidence?: string;
  /** The progress note of each checkpoint, in order; undefined where none was written. */
  readonly notes: readonly [string | undefined, string | undefined, string | undefined];
}

/** Why a growth plan was refused: the field, and a reason written for the person who typed it. */
export interface GrowthPlanProblem {
  readonly field: GrowthPart | 'checkpoint1' | 'checkpoint2' | 'checkpoint3';
  readonly reason: string;
}

const titles: Record<GrowthPlanProblem['field'], string> = {
  goal: 'Goal',
  support: 'Support',
  evidence: 'Evidence',
  checkpoint1: 'First checkpoint',
  checkpoint2: 'Second checkpoint',
  checkpoint3: 'Third checkpoint',
};

/**
 * Checks a growth plan as typed. The goal is required (a plan without one is not a plan); support,
 * evidence and the checkpoint notes are optional. The first problem is returned.
 */
export function checkGrowthPlan(input: {
  readonly goal?: string | undefined;
  readonly support?: string | undefined;
  readonly evidence?: string | undefined;
  readonly notes?: readonly (string | undefined)[];
}): Result<GrowthPlanText, GrowthPlanProblem> {
  if ((input.goal ?? '').trim() === '')
    return err({
      field: 'goal',
      reason: 'Goal: write the one thing to grow in this quarter, tied to real work.',
    });
  const checked: Partial<Record<GrowthPart, string>> = {};
  for (const field of GROWTH_PARTS) {
    const given = input[field] ?? '';
    if (given.trim() === '') continue;
    const parsed = Text.safeParse(given);
    if (!parsed.success)
      return err({
        field,
        reason: `${titles[field]}: it ${parsed.error.issues[0]?.message ?? 'is invalid'}.`,
      });
    checked[field] = parsed.data;
  }
  const notes: (string | undefined)[] = [];
  for (const index of [0, 1, 2] as const) {
    const given = input.notes?.[index] ?? '';
    if (given.trim() === '') {
      notes.push(undefined);
      continue;
    }
    const parsed = Note.safeParse(given);
    const field = (['checkpoint1', 'checkpoint2', 'checkpoint3'] as const)[index];
    if (!parsed.success)
      return err({
        field,
        reason: `${titles[field]}: it ${parsed.error.issues[0]?.message ?? 'is invalid'}.`,
      });
    notes.push(parsed.data);
  }
  const { goal = '', support, evidence } = checked;
  return ok({
    goal,
    ...(support === undefined ? {} : { support }),
    ...(evidence === undefined ? {} : { evidence }),
    notes: [notes[0], notes[1], notes[2]],
  });
}

/**
 * The first checkpoint on or after `today` ("2026-05-03"), or none when all of them have passed.
 */
export const nextCheckpoint = (
  plan: Pick<GrowthPlan, 'checkpoints'>,
  today: string,
): Checkpoint | undefined => plan.checkpoints.find((checkpoint) => checkpoint.date >= today);

/** Which checkpoint of which quarter's plan: `index` 0..2 in `checkpointDates(quarter)`. */
export interface CheckpointRef {
  readonly quarter: string;
  readonly index: 0 | 1 | 2;
  /** Its date, e.g. "2026-03-31". */
  readonly date: string;
}

/**
 * The latest checkpoint strictly before `date` ("2026-04-07"): the last day of the month before. The
 * monthly deep dive asks about it, so the first deep dive of a quarter reviews the previous quarter's
 * last checkpoint, in that quarter's plan.
 */
export function checkpointBefore(date: string): CheckpointRef {
  const monthEnd = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, 0));
  const month = monthEnd.getUTCMonth();
  return {
    quarter: `${monthEnd.getUTCFullYear()}-Q${Math.floor(month / 3) + 1}`,
    index: (month % 3) as 0 | 1 | 2,
    date: monthEnd.toISOString().slice(0, 10),
  };
}

/** Checks one checkpoint's progress note as typed (trimmed); the reason is written for the person who typed it. */
export function checkCheckpointNote(note: string): Result<string, string> {
  const parsed = Note.safeParse(note);
  return parsed.success
    ? ok(parsed.data)
    : err(`Checkpoint note: it ${parsed.error.issues[0]?.message ?? 'is invalid'}.`);
}
