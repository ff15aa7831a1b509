import {
  dayOf,
  isMoved,
  nextCheckpoint,
  type ActionItem,
  type ConversationPlan,
  type Feedback,
  type GrowthPlan,
  type Occurrence,
  type Topic,
} from '../../shared/domain/index.js';
import type { AgendaView } from '../../shared/services/one-on-one/agenda-view.js';
import { AGENDA_LIMITS, FEEDBACK_CARD_CHARS, GROWTH_GOAL_CARD_CHARS } from '../cards/agenda-limits.js';
import {
  CHECKPOINT_NOTE_INPUT,
  SHARED_ANSWER_CHARS,
  topicRoomOf,
  type ActionItemView,
  type AgendaData,
  type ConversationView,
  type FeedbackView,
  type GrowthView,
  type SharedAnswersView,
} from '../cards/card-data.js';
import type { Names } from './names.js';

/** How many action items and feedback an agenda card shows (the rest are counted), to stay < 80 KB; topics see `topicRoom`. */
const SHOWN = AGENDA_LIMITS;

/** "Tue, 3 Mar 2026": the day of an instant in `timeZone`. */
export function dayIn(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  }).format(new Date(instant));
}

/** "Tue 3 Mar 2026, 09:00–09:30 (Europe/Berlin)" in the viewer's zone. */
export function when(occurrence: Pick<Occurrence, 'start' | 'end'>, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
  const start = new Date(occurrence.start);
  return `${dayIn(occurrence.start, timeZone)}, ${time.format(start)}–${time.format(new Date(occurrence.end))} (${timeZone})`;
}

/** The agenda card's data for one viewer, numbered as `done <n>` counts; `names` has the pair's two. */
export function agendaCardData(view: AgendaView, names: Names, timeZone: string): AgendaData {
  const { pair, occurrence } = view;
  const other = view.viewerRole === 'manager' ? pair.reportEmail : pair.managerEmail;
  const viewer = view.viewerRole === 'manager' ? pair.managerEmail : pair.reportEmail;
  const nameFor = (email: string) => names.get(email) ?? email;
  // What takes a topic's room comes first: the topics shown are what is left of the budget.
  const beside = {
    ...(view.roleQuestion === undefined
      ? {}
      : { roleQuestion: roleQuestionView(view.roleQuestion, nameFor(other)) }),
    feedback: view.feedback.slice(0, SHOWN.feedback).map((f) => feedbackView(f, names)),
    ...(view.growthPlan === undefined ? {} : { growth: growthView(view.growthPlan, occurrence, timeZone) }),
    ...(view.conversation === undefined ? {} : { conversation: conversationView(view.conversation, names) }),
    ...(view.checkpoint === undefined
      ? {}
      : {
          checkpoint: {
            label: dateLabel(view.checkpoint.date),
            note: cut(view.checkpoint.note, CHECKPOINT_NOTE_INPUT),
          },
        }),
    ...(view.sharedAnswers === undefined ? {} : { sharedAnswers: sharedAnswers(view.sharedAnswers) }),
  };
  const room = topicRoomOf(beside);
  const topics = [...view.reportTopics, ...view.managerTopics];
  const shown = new Set(topics.slice(0, room).map((t) => t.id));
  const numbered = topics.map((t: Topic & { carriedOver: boolean }, index: number) => ({
    id: t.id,
    number: index + 1,
    text: t.text,
    authorName: nameFor(t.authorEmail),
    carriedOver: t.carriedOver,
    covered: t.done,
  }));
  return {
    pairId: pair.pairId,
    occurrenceId: occurrence.id,
    viewerRole: view.viewerRole,
    trustedRoles: view.trustedRoles,
    ...beside,
    otherName: nameFor(other),
    when: when(occurrence, timeZone),
    state:
      occurrence.status === 'cancelled'
        ? 'cancelled'
        : view.declined !== undefined
          ? 'declined'
          : isMoved(occurrence)
            ? 'moved'
            : 'scheduled',
    ...(view.declined === undefined
      ? {}
      : { declined: declinedView(view.declined, viewer, names, timeZone) }),
    ...(occurrence.joinUrl === undefined || occurrence.status === 'cancelled' || view.declined !== undefined
      ? {}
      : { joinUrl: occurrence.joinUrl }),
    reportTopics: numbered.filter((t) => shown.has(t.id) && view.reportTopics.some((r) => r.id === t.id)),
    managerTopics: numbered.filter((t) => shown.has(t.id) && view.managerTopics.some((m) => m.id === t.id)),
    actionItems: view.actionItems.slice(0, SHOWN.actions).map((a, i) => action(a, i, names)),
    suggestedQuestion: view.suggestedQuestion,
    ...(view.coachingTip === undefined ? {} : { coachingTip: view.coachingTip }),
    deepDive: view.deepDive,
    deepDiveQuestions: [...view.deepDiveQuestions],
    happinessTrend: view.happinessTrend.map((point) => ({
      label: monthLabel(point.month),
      happiness: point.happiness,
    })),
    moreTopics: Math.max(0, topics.length - room),
    moreActions: Math.max(0, view.actionItems.length - SHOWN.actions),
    moreFeedback: Math.max(0, view.feedback.length - SHOWN.feedback),
    notes: view.notes,
  };
}

/** "Dev Patel declined this 1:1" (or "You"), and the day from which the series is declined. */
function declinedView(
  declined: NonNullable<AgendaView['declined']>,
  viewer: string,
  names: Names,
  timeZone: string,
): NonNullable<AgendaData['declined']> {
  return {
    byName: declined.by === viewer ? 'You' : (names.get(declined.by) ?? declined.by),
    ...(declined.seriesFrom === undefined ? {} : { seriesFrom: dayIn(declined.seriesFrom, timeZone) }),
  };
}

/** The roles question as the agenda asks it, `other` being the other person's name. */
function roleQuestionView(
  question: NonNullable<AgendaView['roleQuestion']>,
  other: string,
): NonNullable<AgendaData['roleQuestion']> {
  const until = 'Until then, neither agenda shows what only a manager sees.';
  const said =
    question.current === 'reportsToMe'
      ? 'you manage them'
      : question.current === 'managesMe'
        ? 'they manage you'
        : 'you are peers';
  switch (question.step) {
    case 'ask':
      return { step: question.step, text: `Is ${other} your report? ${until}`, refused: question.refused };
    case 'wait':
      return {
        step: question.step,
        text:
          question.current === undefined
            ? `${other} is asked who manages whom in this 1:1. ${until}`
            : `You said ${said}; ${other} is asked to agree. ${until}`,
      };
    case 'check': {
      return {
        step: question.step,
        text: `${other} said ${said}. Is that right?`,
        ...(question.current === undefined ? {} : { current: question.current }),
        refused: question.refused,
      };
    }
  }
}

/** "2026-Q2" as "Q2 2026". */
export const quarterLabel = (quarter: string): string => `${quarter.slice(5)} ${quarter.slice(0, 4)}`;

/** "2026-04-30" as "Thu 30 Apr 2026" (a calendar date: the same in every zone). */
export function dateLabel(date: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  })
    .format(new Date(`${date}T00:00:00Z`))
    .replace(',', '');
}

/**
 * The Growth section: the quarter's goal, cut to `GROWTH_GOAL_CARD_CHARS`, and the first checkpoint on or
 * after the day of this 1:1 in the viewer's zone.
 */
function growthView(plan: GrowthPlan, occurrence: Occurrence, timeZone: string): GrowthView {
  const next = nextCheckpoint(plan, dayOf(occurrence.start, timeZone));
  return {
    quarter: quarterLabel(plan.quarter),
    goal: cut(plan.goal, GROWTH_GOAL_CARD_CHARS),
    ...(next === undefined ? {} : { nextCheckpoint: dateLabel(next.date) }),
  };
}

/** A planned career or promotion conversation as agendas show it. */
export function conversationView(plan: ConversationPlan, names: Names): ConversationView {
  return {
    kind: plan.kind,
    plannedBy: names.get(plan.plannedByEmail) ?? plan.plannedByEmail,
    ...(plan.role === undefined ? {} : { role: plan.role }),
  };
}

/** "2026-03" as "Mar 2026". */
function monthLabel(month: string): string {
  return new Intl.DateTimeFormat('en-US', { timeZone: 'UTC', month: 'short', year: 'numeric' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** `text` cut to at most `max` characters, marked with "…" when cut (never half a surrogate pair). */
export function cut(text: string, max: number): string {
  return text.length <= max
    ? text
    : `${text
        .slice(0, max - 1)
        .replace(/[\uD800-\uDBFF]$/, '')
        .trimEnd()}…`;
}

/** The answers as the agenda shows them: each cut to `SHARED_ANSWER_CHARS`. */
function sharedAnswers({
  month,
  makeItTen,
  learning,
  career,
}: NonNullable<AgendaView['sharedAnswers']>): SharedAnswersView {
  const short = (text: string) => cut(text, SHARED_ANSWER_CHARS);
  return {
    label: monthLabel(month),
    ...(makeItTen === undefined ? {} : { makeItTen: short(makeItTen) }),
    ...(learning === undefined ? {} : { learning: short(learning) }),
    ...(career === undefined ? {} : { career: short(career) }),
  };
}

/** SBI feedback as agendas and summaries show it: who gave it, each part cut to `FEEDBACK_CARD_CHARS`. */
export function feedbackView(f: Feedback, names: Names): FeedbackView {
  const short = (text: string) => cut(text, FEEDBACK_CARD_CHARS);
  return {
    id: f.id,
    authorName: names.get(f.authorEmail) ?? f.authorEmail,
    draft: f.state === 'draft',
    ...(f.situation === undefined ? {} : { situation: short(f.situation) }),
    behavior: short(f.behavior),
    ...(f.impact === undefined ? {} : { impact: short(f.impact) }),
    request: short(f.request),
  };
}

function action(a: ActionItem, index: number, names: Names): ActionItemView {
  return {
    id: a.id,
    number: index + 1,
    text: a.text,
    ownerName: names.get(a.ownerEmail) ?? a.ownerEmail,
    ...(a.due === undefined ? {} : { due: a.due }),
    done: a.done,
  };
}
