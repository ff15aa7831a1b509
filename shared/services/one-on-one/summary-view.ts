import {
  canSee,
  type Viewer,
  canSeeFeedback,
  growthPlanIdOf,
  isBefore,
  isLive,
  type ActionItem,
  type ConversationPlan,
  type Feedback,
  type Note,
  type Occurrence,
  type Pair,
  type Topic,
} from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { isMember } from '../people.js';
import { pairDocs } from '../pair-docs.js';
import { pairTopics } from './open-items.js';
import { pairOccurrences } from './occurrences.js';
import { conversationOf } from './plan-conversation.js';

/** A topic that was on the occurrence's agenda. */
export type SummaryTopic = Topic & {
  /** It came from an earlier occurrence, unfinished. */
  readonly carriedIn: boolean;
  /** Covered at this occurrence; otherwise it carries over to the next. */
  readonly covered: boolean;
};

/** What a summary shows one viewer, before any presentation. */
export interface SummaryView {
  readonly pair: Pair;
  readonly occurrence: Occurrence;
  /** The occurrence's agenda in the agenda card's order: the report's topics, then the manager's. */
  readonly topics: readonly SummaryTopic[];
  readonly covered: readonly SummaryTopic[];
  readonly carriedOver: readonly SummaryTopic[];
  /** This occurrence's notes the viewer may see: shared ones and the viewer's own private ones. */
  readonly notes: readonly Note[];
  /** Feedback shared on this occurrence, either way. Drafts are never in a summary. */
  readonly feedback: readonly Feedback[];
  /** Every open action item, numbered as `done <n>` counts, then those agreed here and already done. */
  readonly actionItems: readonly ActionItem[];
  /** The pair's next live occurrence after this one. */
  readonly next: Occurrence | undefined;
  /**
   * When this 1:1 was a planned career or promotion conversation: the plan, and the goal the pair wrote
   * in its growth plan for the 1:1's quarter (the guide's "one goal for this quarter"), if any.
   */
  readonly conversation?: {
    readonly plan: ConversationPlan;
    readonly quarter: string;
    readonly goal: string | undefined;
  };
}

/**
 * The summary of one occurrence for one of its two people. A topic counts as covered at the last
 * occurrence that had started when it was marked done (at the earliest its own), so each covered
 * topic is in exactly one summary however late a summary is built.
 */
export async function summaryView(
  store: Store,
  pair: Pair,
  occurrence: Occurrence,
  viewer: Viewer,
  /** The quarter of the 1:1 in the pair's time zone: the growth plan a career conversation records its goal in. */
  quarter: string,
): Promise<SummaryView> {
  const viewerEmail = viewer.email;
  // Callers check membership first; a summary for anyone else would be a leak, so it is a bug.
  if (!isMember(pair, viewerEmail)) throw new Error('summaryView: the viewer is not one of the pair');
  const next = (await pairOccurrences(store, pair.pairId)).find(
    (o) => isLive(o) && o.id !== occurrence.id && isBefore(occurrence.start, o.start),
  );
  const topics = (await pairTopics(store, pair.pairId))
    .filter((t) => t.occurrenceId === occurrence.id || (isEarlier(t, occurrence) && openAt(t, occurrence)))
    .map((t) => ({
      ...t,
      carriedIn: t.occurrenceId !== occurrence.id,
      covered: t.done && (next === undefined || isBefore(doneAt(t), next.start)),
    }));
  const agenda = [
    ...topics.filter((t) => t.authorEmail === pair.reportEmail),
    ...topics.filter((t) => t.authorEmail === pair.managerEmail),
  ];
  const notes = (await pairDocs(store, pair.pairId, 'note'))
    .filter((n) => n.occurrenceId === occurrence.id && canSee(n, viewer))
    .sort(byCreation);
  const actionItems = (await pairDocs(store, pair.pairId, 'actionItem')).sort(byCreation);
  const feedback = (await pairDocs(store, pair.pairId, 'feedback'))
    .filter((f) => f.occurrenceId === occurrence.id && f.state === 'shared' && canSeeFeedback(f, viewer))
    .sort(byCreation);
  const plan = await conversationOf(store, pair.pairId, occurrence);
  const growth = plan && (await store.pairs.get(pair.pairId, growthPlanIdOf(quarter)));
  return {
    pair,
    occurrence,
    topics: agenda,
    covered: agenda.filter((t) => t.covered),
    carriedOver: agenda.filter((t) => !t.covered),
    notes,
    feedback,
    actionItems: [
      ...actionItems.filter((a) => !a.done),
      ...actionItems.filter((a) => a.done && a.occurrenceId === occurrence.id),
    ],
    next,
    ...(plan === undefined
      ? {}
      : {
          conversation: {
            plan,
            quarter,
            goal: growth?.doc.type === 'growthPlan' ? growth.doc.goal : undefined,
          },
        }),
  };
}

const isEarlier = (topic: Topic, occurrence: Occurrence): boolean =>
  topic.occurrenceStart < occurrence.originalStart;

/** Still open when the occurrence started, so it was on that agenda (the agenda drops done ones). */
const openAt = (topic: Topic, occurrence: Occurrence): boolean =>
  !topic.done || !isBefore(doneAt(topic), occurrence.start);

// A topic changes only when it is marked covered, so its last update is when that happened.
const doneAt = (topic: Topic): string => topic.updatedAt;

const byCreation = (a: { createdAt: string; id: string }, b: { createdAt: string; id: string }) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
