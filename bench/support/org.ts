/**
 * A synthetic organisation for the benchmarks, written through the Store port as calendar sync and
 * installs would have written it: people who installed Steady (with their Teams chat), 1:1 pairs, their
 * weekly occurrences with jobs, topics and action items. Every document passes the domain schemas.
 */
import {
  addMinutes,
  docId,
  occurrenceIdOf,
  pairIdOf,
  userIdOf,
  type ActionItem,
  type Occurrence,
  type Pair,
  type Topic,
  type User,
} from '../../shared/domain/index.js';
import { cryptoIds } from '../../shared/adapters/crypto-ids.js';
import type { Store } from '../../shared/ports.js';
import { DEFAULT_CALENDAR_SETTINGS, type CalendarDeps } from '../../shared/services/calendar/deps.js';
import { reconcileJobs } from '../../shared/services/calendar/reconcile-jobs.js';
import { saveUser } from '../../shared/services/people.js';

export const TENANT = 'tenant-contoso';
const STAMP = '2026-02-01T00:00:00Z';
const stamps = { createdAt: STAMP, updatedAt: STAMP };

/** Lead time of the agenda and delay of the summary, as configured by default. */
export const SETTINGS = { agendaLeadMinutes: 1440, summaryDelayMinutes: 15 } as const;

export interface Person {
  readonly email: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly userId: string;
}

/** Manager `n` or report `n`: distinct people, so each pair has its own two chats. */
export function person(role: 'manager' | 'report', n: number): Person {
  const handle = `${role === 'manager' ? 'lead' : 'member'}${n}`;
  const aadObjectId = `00000000-0000-4000-${role === 'manager' ? '8' : '9'}000-${String(n).padStart(12, '0')}`;
  return {
    email: `${handle}@contoso.com`,
    name: `${role === 'manager' ? 'Lead' : 'Member'} ${n}`,
    aadObjectId,
    userId: userIdOf(TENANT, aadObjectId),
  };
}

export function userDoc(p: Person, conversation?: User['conversation']): User {
  return {
    type: 'user',
    id: p.userId,
    userId: p.userId,
    tenantId: TENANT,
    aadObjectId: p.aadObjectId,
    email: p.email,
    name: p.name,
    calendarId: p.email,
    timeZone: 'Europe/Berlin',
    ...(conversation === undefined ? {} : { conversation }),
    reachable: true,
    // as identify records it with the directory (`staticDirectory`'s ids): checks need no Teams call
    directoryId: `static:${p.email}`,
    ...stamps,
  };
}

export function pairDoc(manager: Person, report: Person): Pair {
  return {
    type: 'pair',
    id: 'pair',
    pairId: pairIdOf(manager.email, report.email),
    managerEmail: manager.email,
    reportEmail: report.email,
    tracking: 'active',
    ...stamps,
  };
}

/** A confirmed 30-minute occurrence of the pair's weekly series (its jobs: see `saveOccurrence`). */
export function occurrenceDoc(pair: Pair, start: string): Occurrence {
  const seriesId = `weekly-${pair.reportEmail.split('@')[0] ?? ''}`;
  return {
    type: 'occurrence',
    id: occurrenceIdOf(seriesId, start),
    pairId: pair.pairId,
    seriesId,
    originalStart: start,
    start,
    end: addMinutes(start, 30),
    status: 'confirmed',
    declinedBy: [],
    jobs: [],
    ...stamps,
  };
}

/**
 * Saves an occurrence with its jobs (agenda, summary, cadence check) written as calendar sync writes
 * them (`reconcileJobs`, its clock before them all), so job ids and buckets are the app's own.
 */
export async function saveOccurrence(store: Store, occurrence: Occurrence): Promise<Occurrence> {
  const jobs = await reconcileJobs(jobDeps(store), occurrence);
  const saved = { ...occurrence, jobs };
  await store.pairs.upsert(saved);
  return saved;
}

function jobDeps(store: Store): CalendarDeps {
  const unused = () => {
    throw new Error('benchmark seeding: not used by reconcileJobs');
  };
  return {
    store,
    clock: { now: () => new Date(STAMP) },
    settings: {
      ...DEFAULT_CALENDAR_SETTINGS,
      ...SETTINGS,
      webhookUrl: 'https://steady.example/api/calendar/webhook',
    },
    calendar: { listChanges: unused, instances: unused, watch: unused, stopChannel: unused },
    queue: { send: unused },
    ids: cryptoIds,
    directory: { person: unused, managerOf: unused },
  };
}

export function topicDoc(
  pair: Pair,
  occurrence: Occurrence,
  n: number,
  text: string,
  byReport = true,
): Topic {
  return {
    type: 'topic',
    id: docId('topic', String(n).padStart(4, '0')),
    pairId: pair.pairId,
    occurrenceId: occurrence.id,
    occurrenceStart: occurrence.originalStart,
    authorEmail: byReport ? pair.reportEmail : pair.managerEmail,
    text,
    done: false,
    ...stamps,
  };
}

export function actionItemDoc(pair: Pair, occurrence: Occurrence, n: number, text: string): ActionItem {
  return {
    type: 'actionItem',
    id: docId('action', String(n).padStart(4, '0')),
    pairId: pair.pairId,
    occurrenceId: occurrence.id,
    occurrenceStart: occurrence.originalStart,
    ownerEmail: n % 2 === 0 ? pair.reportEmail : pair.managerEmail,
    createdBy: pair.managerEmail,
    text,
    due: '2026-03-20',
    done: false,
    ...stamps,
  };
}

/** Saves both people (with their chats, when given), the pair, and its occurrences with their jobs. */
export async function seedPair(
  store: Store,
  manager: Person,
  report: Person,
  starts: readonly string[],
  chats: (p: Person) => User['conversation'] = () => undefined,
): Promise<{ pair: Pair; occurrences: Occurrence[] }> {
  await saveUser(store, userDoc(manager, chats(manager)));
  await saveUser(store, userDoc(report, chats(report)));
  const pair = pairDoc(manager, report);
  await store.pairs.upsert(pair);
  const occurrences: Occurrence[] = [];
  for (const start of starts) occurrences.push(await saveOccurrence(store, occurrenceDoc(pair, start)));
  return { pair, occurrences };
}
