import type { CalendarData } from './calendar-data.js';
import { fullSyncRequired, invalidParameter } from './errors.js';
import { decodeToken, type InstancesPageToken, type ListPageToken, type SyncToken } from './tokens.js';

type Kinds = { sync: SyncToken; list: ListPageToken; instances: InstancesPageToken };

/** A token from the query, or the error Google gives: 410 once a full sync was required, 400 for garbage. */
export function readToken<K extends keyof Kinds>(
  calendar: CalendarData,
  value: string,
  kind: K,
  parameter: 'syncToken' | 'pageToken',
): Kinds[K] {
  const token = decodeToken(value);
  const invalid = invalidParameter(
    parameter,
    `Invalid ${parameter === 'syncToken' ? 'sync' : 'page'} token value.`,
  );
  if (!token || token.t !== kind || token.c !== calendar.id) throw invalid;
  if (token.e < calendar.epoch) throw fullSyncRequired();
  if (token.e > calendar.epoch) throw invalid;
  if (token.t !== 'instances' && token.s > calendar.lastSequence) throw invalid;
  return token as Kinds[K];
}
