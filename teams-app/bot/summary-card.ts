import type { ActionItem, User } from '../../shared/domain/index.js';
import type { HeldView } from '../../shared/services/delivery/card-renderer.js';
import { otherOf } from '../../shared/services/people.js';
import type { SummaryTopic, SummaryView } from '../../shared/services/one-on-one/summary-view.js';
import type { ActionItemView, SummaryData, TopicView } from '../cards/card-data.js';
import { GROWTH_GOAL_CARD_CHARS, SUMMARY_LIMITS } from '../cards/agenda-limits.js';
import { cut, feedbackView, quarterLabel, when } from './present.js';
import type { Names } from './names.js';

/** The summary card's data with "Did this 1:1 happen?" (`held`), in the viewer's words and zone. */
export function summaryWithHeld(
  view: SummaryView,
  viewer: User,
  held: HeldView | undefined,
  names: Names,
): SummaryData {
  return {
    ...summaryCardData(view, viewer, names),
    ...(held === undefined ? {} : { held: heldData(held, viewer, names) }),
  };
}

function heldData(held: HeldView, viewer: User, names: Names): NonNullable<SummaryData['held']> {
  if (held.state === 'ask') return held;
  const on = new Intl.DateTimeFormat('en-GB', {
    timeZone: viewer.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(new Date(held.at));
  const byName = held.by === viewer.email ? 'you' : (names.get(held.by) ?? held.by);
  return { state: 'notHeld', byName, on };
}

/**
 * The summary card's data for one viewer. Topics keep the numbers the agenda gave them; open action
 * items the numbers `done <n>` takes, and those already done follow. Past `SUMMARY_LIMITS` the rest
 * is counted, covered topics first, so the card stays within Teams' message size.
 */
export function summaryCardData(view: SummaryView, viewer: User, names: Names): SummaryData {
  const { pair } = view;
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
  const action = (a: ActionItem, index: number): ActionItemView => ({
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
