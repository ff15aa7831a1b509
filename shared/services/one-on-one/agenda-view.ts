import {
  DEEP_DIVE_QUESTIONS,
  QUESTIONS_THAT_WORK,
  questionIndexFor,
  isLive,
  type ActionItem,
  type Occurrence,
  type Pair,
  type Topic,
} from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { openActionItems, pairTopics } from './open-items.js';
import { pairOccurrences } from './occurrences.js';

/** What an agenda shows one viewer, before any presentation. */
export interface AgendaView {
  readonly pair: Pair;
  readonly occurrence: Occurrence;
  readonly viewerRole: 'manager' | 'report';
  /** This occurrence's topics and the unfinished ones of earlier occurrences, by author role. */
  readonly reportTopics: readonly (Topic & { carriedOver: boolean })[];
  readonly managerTopics: readonly (Topic & { carriedOver: boolean })[];
  readonly actionItems: readonly ActionItem[];
  readonly suggestedQuestion: string;
  readonly deepDive: boolean;
  readonly deepDiveQuestions: readonly string[];
}

export async function agendaView(
  store: Store,
  pair: Pair,
  occurrence: Occurrence,
  viewerEmail: string,
  timeZone: string,
): Promise<AgendaView> {
  const topics = (await pairTopics(store, pair.pairId))
    .filter(
      (t) => t.occurrenceId === occurrence.id || (!t.done && t.occurrenceStart < occurrence.originalStart),
    )
    .map((t) => ({ ...t, carriedOver: t.occurrenceId !== occurrence.id }));
  const deepDive = await isDeepDive(store, pair.pairId, occurrence, timeZone);
  return {
    pair,
    occurrence,
    viewerRole: pair.managerEmail === viewerEmail.toLowerCase() ? 'manager' : 'report',
    reportTopics: topics.filter((t) => t.authorEmail === pair.reportEmail),
    managerTopics: topics.filter((t) => t.authorEmail === pair.managerEmail),
    actionItems: await openActionItems(store, pair.pairId),
    suggestedQuestion:
      QUESTIONS_THAT_WORK[questionIndexFor(pair.lastQuestion, occurrence.id)] ?? QUESTIONS_THAT_WORK[0],
    deepDive,
    deepDiveQuestions: deepDive ? DEEP_DIVE_QUESTIONS : [],
  };
}

/** The first live occurrence of its calendar month (in the manager's time zone) is the monthly deep dive. */
export async function isDeepDive(
  store: Store,
  pairId: string,
  occurrence: Occurrence,
  timeZone: string,
): Promise<boolean> {
  const month = monthOf(occurrence.start, timeZone);
  const first = (await pairOccurrences(store, pairId)).find(
    (o) => isLive(o) && monthOf(o.start, timeZone) === month,
  );
  return first?.id === occurrence.id;
}

function monthOf(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' }).format(
    new Date(instant),
  );
}
