import {
  quarterOf,
  utc,
  type ActionItem,
  type Occurrence,
  type Pair,
  type User,
} from '../../shared/domain/index.js';
import { notHeldRefusal } from '../../shared/services/one-on-one/mark-not-held.js';
import { conversationOccurrences } from '../../shared/services/one-on-one/plan-conversation.js';
import { otherOf, pairTimeZone } from '../../shared/services/people.js';
import {
  summaryView,
  type SummaryTopic,
  type SummaryView,
} from '../../shared/services/one-on-one/summary-view.js';
import type { Store } from '../../shared/ports.js';
import type { SummaryData, TopicView } from '../cards/card-data.js';
import type { BotDeps } from './bot-deps.js';
import { GROWTH_GOAL_CARD_CHARS, SUMMARY_LIMITS } from '../cards/agenda-limits.js';
import { cut, feedbackView, nameOf, quarterLabel, when } from './present.js';
import { updateSentCards } from './sent-cards.js';

/** The summary card of one occurrence as `viewer` sees it: never with the other person's private notes. */
export async function summaryCard(deps: BotDeps, pair: Pair, occurrence: Occurrence, viewer: User) {
  const quarter = quarterOf(occurrence.start, await pairTimeZone(deps.store, pair));
  const view = await summaryView(deps.store, pair, occurrence, viewer, quarter);
  const held = await heldView(deps, pair, occurrence, viewer);
  return deps.renderCard('summary', {
    ...(await summaryCardData(deps.store, view, viewer)),
    ...(held === undefined ? {} : { held }),
  });
}

/**
 * "Did this 1:1 happen?": who said it did not, once said; the "It didn't happen" button while either
 * person may still press it (`markNotHeld`: from its start to 7 days after its end); nothing after.
 */
async function heldView(
  deps: BotDeps,
  pair: Pair,
  occurrence: Occurrence,
  viewer: User,
): Promise<SummaryData['held']> {
  if (occurrence.notHeld !== undefined) {
    const on = new Intl.DateTimeFormat('en-GB', {
      timeZone: viewer.timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
    }).format(new Date(occurrence.notHeld.at));
    const byName =
      occurrence.notHeld.by === viewer.email ? 'you' : await nameOf(deps.store, occurrence.notHeld.by);
    return { state: 'notHeld', byName, on };
  }
  const open = notHeldRefusal(occurrence, utc(deps.clock.now())) === undefined;
  return open ? { state: 'ask', pairId: pair.pairId, occurrenceId: occurrence.id } : undefined;
}

/**
 * After the pair saved its growth plan for `quarter`: the summaries already sent of that quarter's career
 * or promotion conversations are updated in place, so they record the goal even when it was written
 * after the 1:1.
 */
export async function refreshConversationSummaries(deps: BotDeps, pair: Pair, quarter: string) {
  const timeZone = await pairTimeZone(deps.store, pair);
  for (const occurrence of await conversationOccurrences(deps.store, pair.pairId)) {
    if (quarterOf(occurrence.start, timeZone) !== quarter) continue;
    await updateSentCards(deps, pair, 'summary', occurrence, (user) =>
      summaryCard(deps, pair, occurrence, user),
    );
  }
}

/**
 * The summary card's data for one viewer. Topics keep the numbers the agenda gave them; open action
 * items the numbers `done <n>` takes, and those already done follow. Past `SUMMARY_LIMITS` the rest
 * is counted, covered topics first, so the card stays within Teams' message size.
 */
export async function summaryCardData(store: Store, view: SummaryView, viewer: User): Promise<SummaryData> {
  const { pair } = view;
  const names = new Map([
    [pair.managerEmail, await nameOf(store, pair.managerEmail)],
    [pair.reportEmail, await nameOf(store, pair.reportEmail)],
  ]);
  const nameFor = (email: string) => names.get(email) ?? email;
  const other = otherOf(pair, viewer.email);
  const topic = (t: SummaryTopic): TopicView => ({
    id: t.id,
    number: view.topics.indexOf(t) + 1,
    text: t.text,
    authorName: nameFor(t.authorEmail),
    carriedOver: t.carriedIn,
    covered: t.covered,
  });
  const action = (a: ActionItem, index: number) => ({
    id: a.id,
    number: index + 1,
    text: a.text,
    ownerName: nameFor(a.ownerEmail),
    ...(a.due === undefined ? {} : { due: formatDate(a.due) }),
    done: a.done,
  });
  const covered = view.covered.slice(0, SUMMARY_LIMITS.topics);
  const carriedOver = view.carriedOver.slice(0, SUMMARY_LIMITS.topics - covered.length);
  const topics = view.covered.length + view.carriedOver.length;
  return {
    otherName: nameFor(other),
    when: when(view.occurrence, viewer.timeZone),
    covered: covered.map(topic),
    carriedOver: carriedOver.map(topic),
    notes: view.notes.slice(0, SUMMARY_LIMITS.notes).map((n) => ({
      authorName: nameFor(n.authorEmail),
      text: cut(n.text, SUMMARY_LIMITS.noteChars),
      private: n.visibility === 'private',
    })),
    actionItems: view.actionItems.slice(0, SUMMARY_LIMITS.actions).map(action),
    // the view holds shared feedback only; `draft: false` says so to the card data, which refuses a draft
    feedback: view.feedback
      .filter((f) => f.state === 'shared')
      .slice(0, SUMMARY_LIMITS.feedback)
      .map((f) => ({ ...feedbackView(f, names), draft: false as const })),
    ...(view.next === undefined ? {} : { next: when(view.next, viewer.timeZone) }),
    ...(view.conversation === undefined
      ? {}
      : {
          conversation: {
            kind: view.conversation.plan.kind,
            ...(view.conversation.plan.role === undefined ? {} : { role: view.conversation.plan.role }),
            quarter: quarterLabel(view.conversation.quarter),
            ...(view.conversation.goal === undefined
              ? {}
              : { goal: cut(view.conversation.goal, GROWTH_GOAL_CARD_CHARS) }),
          },
        }),
    moreTopics: topics - covered.length - carriedOver.length,
    moreNotes: Math.max(0, view.notes.length - SUMMARY_LIMITS.notes),
    moreActions: Math.max(0, view.actionItems.length - SUMMARY_LIMITS.actions),
    moreFeedback: Math.max(0, view.feedback.length - SUMMARY_LIMITS.feedback),
  };
}

/** "20 Mar 2026" from "2026-03-20": a calendar date, so no time zone moves it. */
const formatDate = (date: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`));
