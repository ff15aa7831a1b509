import type { AddressRules } from '../../domain/index.js';
import type { Calendar, Clock, Directory, IdGen, Queue, Store } from '../../ports.js';

export interface CalendarSettings {
  readonly agendaLeadMinutes: number;
  readonly summaryDelayMinutes: number;
  /** How far ahead occurrences are read (`events.instances`). */
  readonly horizonDays: number;
  /** A series is read again when fewer days than this are covered. */
  readonly minHorizonDays: number;
  /** The public address of the calendar webhook, given to `events.watch`. */
  readonly webhookUrl: string;
  /** A calendar not synced for this long gets a safety sync (push is not guaranteed). */
  readonly safetySyncHours: number;
  /** A watch channel is renewed this long before it expires. */
  readonly renewBeforeHours: number;
}

export const DEFAULT_CALENDAR_SETTINGS = {
  horizonDays: 56,
  minHorizonDays: 35,
  safetySyncHours: 6,
  renewBeforeHours: 24,
} as const;

/** What the calendar services need, built once by the composition root. */
export interface CalendarDeps {
  readonly store: Store;
  readonly calendar: Calendar;
  readonly queue: Queue;
  readonly clock: Clock;
  readonly ids: IdGen;
  readonly directory: Directory;
  /** `DOMAIN_MAP` (an invitation naming a Teams address); none when absent. */
  readonly addressRules?: AddressRules;
  readonly settings: CalendarSettings;
}
