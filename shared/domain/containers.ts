import type { z } from 'zod';
import { CalendarState } from './calendar-state.js';
import { JobsDoc } from './job.js';
import { PairDoc } from './pair-doc.js';
import { UsersDoc } from './user.js';

/**
 * The containers of docs/architecture.md §4, the schema of what each holds and its partition key.
 * Both Store adapters read this table, so SQLite and Cosmos DB partition the data the same way.
 */
export const CONTAINERS = {
  pairs: { schema: PairDoc, partitionKey: 'pairId' },
  users: { schema: UsersDoc, partitionKey: 'userId' },
  calendars: { schema: CalendarState, partitionKey: 'calendarId' },
  jobs: { schema: JobsDoc, partitionKey: 'bucket' },
} as const;

export type ContainerName = keyof typeof CONTAINERS;
export type ContainerDoc<C extends ContainerName> = z.infer<(typeof CONTAINERS)[C]['schema']>;
export const CONTAINER_NAMES = Object.keys(CONTAINERS) as ContainerName[];

/** The partition key value of a document of container `name`. */
export function partitionKeyOf<C extends ContainerName>(name: C, doc: ContainerDoc<C>): string {
  const key = CONTAINERS[name].partitionKey;
  return (doc as Record<string, unknown>)[key] as string;
}
