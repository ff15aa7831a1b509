import {
  isDeclined,
  isInDeclinedSeries,
  hasTrustedRoles,
  roleQuestionFor,
  DEEP_DIVE_QUESTIONS,
  coachingTipFor,
  QUESTIONS_THAT_WORK,
  questionIndexFor,
  isBefore,
  isScheduled,
  monthOf,
  canSeeFeedback,
  canSee,
  growthPlanIdOf,
  quarterOf,
  type ActionItem,
  type ConversationPlan,
  type DeepDiveAnswer,
  type Feedback,
  type GrowthPlan,
  type Occurrence,
  type Pair,
  type Topic,
  type Viewer,
} from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { pairDocs } from '../pair-docs.js';
import { openActionItems, pairTopics } from './open-items.js';
import { deepDiveCheckpoint } from './checkpoint-note.js';
import { conversationOf } from './plan-conversation.js';
import { pairOccurrences } from './occurrences.js';
import { seriesDeclines } from './declined-series.js';

/** How many months of shared happiness scores a deep-dive agenda shows: a year. */
export const HAPPINESS_TREND_MONTHS = 12;

/** One month's shared happiness score; `month` is "2026-03" in the manager's time zone. */
export interface HappinessPoint {
  readonly month: string;
  readonly happiness: number;
}

/** The texts of the report's latest deep-dive answers, present only because the report shared them. */
export interface SharedAnswers {
  readonly month: string;
  readonly makeItTen?: string;
  readonly learning?: string;
  readonly career?: string;
}

/** What an agenda shows one viewer, before any presentation. */
export interface AgendaView {
  readonly pair: Pair;
  readonly occurrence: Occurrence;
  readonly viewerRole: 'manager' | 'report';
  /**
   * Whether a trusted source (the directory, or the pair's answer in chat) says who manages whom. Until
   * then `viewerRole` only says who organized the 1:1, and nothing manager-only is in the view.
   */
  readonly trustedRoles: boolean;
  /** The roles question this viewer's agenda carries ("Is X your report?"), if any. */
  readonly roleQuestion?: NonNullable<ReturnType<typeof roleQuestionFor>>;
  /** This occurrence's topics and the unfinished ones of earlier occurrences, by author role. */
  readonly reportTopics: readonly (Topic & { carriedOver: boolean })[];
  readonly managerTopics: readonly (Topic & { carriedOver: boolean })[];
  readonly actionItems: readonly ActionItem[];
  /**
   * The Feedback section: feedback shared on this occurrence (either way), then the viewer's own drafts
   * on it or earlier (a draft waits for its author). Never the other person's drafts.
   */
  readonly feedback: readonly Feedback[];
  /** The Growth section: the pair's plan for the occurrence's quarter (in the pair's zone), the same for both. */
  readonly growthPlan?: GrowthPlan;
  /** A career or promotion conversation the manager planned for this 1:1: both see its frame. */
  readonly conversation?: ConversationPlan;
  /**
   * A deep-dive agenda: the growth checkpoint its deep dive reviews and the progress noted on it, once
   * there is a note (both see it: the plan is the pair's).
   */
  readonly checkpoint?: { readonly date: string; readonly note: string };
  readonly suggestedQuestion: string;
  /** The manager's agenda only: the occurrence's coaching tip (fixed with its question). Never the report's. */
  readonly coachingTip?: string;
  readonly deepDive: boolean;
  readonly deepDiveQuestions: readonly string[];
  /**
   * The manager's deep-dive agenda only: the shared scores of earlier occurrences, one per month,
   * oldest first, at most a year. Empty for the report (they know their answers) and on other agendas.
   */
  readonly happinessTrend: readonly HappinessPoint[];
  /** The manager's deep-dive agenda only: the latest earlier answers, when the report shared them. */
  readonly sharedAnswers: SharedAnswers | undefined;
  /**
   * Declined (not cancelled): by whom, and the original start from which they declined the series when
   * this is one of a declined series (`declinedSeriesOf`).
   */
  readonly declined?: { readonly by: string; readonly seriesFrom?: string };
  /** How many notes this occurrence has that the viewer may see: shared ones, and their own private ones. */
  readonly notes: { readonly shared: number; readonly private: number };
}

export async function agendaView(
  store: Store,
  pair: Pair,
  occurrence: Occurrence,
  viewer: Viewer,
  /** The pair's time zone (`pairTimeZone`): months, and so the deep dive, are the same for both. */
  timeZone: string,
): Promise<AgendaView> {
  const viewerEmail = viewer.email;
  const topics = (await pairTopics(store, pair.pairId))
    .filter(
      (t) => t.occurrenceId === occurrence.id || (!t.done && t.occurrenceStart < occurrence.originalStart),
    )
    .map((t) => ({ ...t, carriedOver: t.occurrenceId !== occurrence.id }));
  const occurrences = await pairOccurrences(store, pair.pairId);
  const deepDive = firstOfItsMonth(occurrences, occurrence, timeZone);
  const plan = await store.pairs.get(pair.pairId, growthPlanIdOf(quarterOf(occurrence.start, timeZone)));
  const conversation = await conversationOf(store, pair.pairId, occurrence, occurrences);
  const asked = deepDive ? await deepDiveCheckpoint(store, pair.pairId, occurrence, timeZone) : undefined;
  const note = asked?.plan.checkpoints[asked.index]?.note;
  const viewerRole = pair.managerEmail === viewerEmail.toLowerCase() ? 'manager' : 'report';
  const trustedRoles = hasTrustedRoles(pair);
  const roleQuestion = roleQuestionFor(pair, viewerEmail);
  const shared =
    deepDive && viewerRole === 'manager' && trustedRoles
      ? await sharedHistory(store, pair, occurrence, timeZone, occurrences)
      : { happinessTrend: [], sharedAnswers: undefined };
  return {
    pair,
    occurrence,
    viewerRole,
    trustedRoles,
    ...(roleQuestion === undefined ? {} : { roleQuestion }),
    reportTopics: topics.filter((t) => t.authorEmail === pair.reportEmail),
    managerTopics: topics.filter((t) => t.authorEmail === pair.managerEmail),
    actionItems: await openActionItems(store, pair.pairId),
    feedback: await agendaFeedback(store, pair, occurrence, viewer),
    ...(plan?.doc.type === 'growthPlan' ? { growthPlan: plan.doc } : {}),
    ...(conversation === undefined ? {} : { conversation }),
    ...(asked === undefined || note === undefined ? {} : { checkpoint: { date: asked.date, note } }),
    suggestedQuestion:
      QUESTIONS_THAT_WORK[questionIndexFor(pair.lastQuestion, occurrence.id, pair.questions)] ??
      QUESTIONS_THAT_WORK[0],
    ...(viewerRole === 'manager' && trustedRoles
      ? { coachingTip: coachingTipFor(pair.coachingTips, occurrence.id) }
      : {}),
    deepDive,
    deepDiveQuestions: deepDive ? DEEP_DIVE_QUESTIONS : [],
    ...shared,
    ...(await declinedOf(store, pair, occurrence, occurrences)),
    notes: await noteCounts(store, pair.pairId, occurrence, viewer),
  };
}

/** The occurrence's notes the viewer may see, counted: the card says how many, not what. */
async function noteCounts(
  store: Store,
  pairId: string,
  occurrence: Occurrence,
  viewer: Viewer,
): Promise<AgendaView['notes']> {
  const notes = (await pairDocs(store, pairId, 'note')).filter(
    (n) => n.occurrenceId === occurrence.id && canSee(n, viewer),
  );
  return {
    shared: notes.filter((n) => n.visibility === 'shared').length,
    private: notes.filter((n) => n.visibility === 'private').length,
  };
}

/** Who declined this occurrence (it is not cancelled), and from when, when it is one of a declined series. */
async function declinedOf(
  store: Store,
  pair: Pair,
  occurrence: Occurrence,
  occurrences: readonly Occurrence[],
): Promise<Pick<AgendaView, 'declined'>> {
  const by = occurrence.declinedBy[0];
  if (!isDeclined(occurrence) || by === undefined) return {};
  const series = (await seriesDeclines(store, pair.pairId, occurrences)).find((d) =>
    isInDeclinedSeries(occurrence, d),
  );
  return { declined: { by: series?.by ?? by, ...(series === undefined ? {} : { seriesFrom: series.from }) } };
}

async function agendaFeedback(
  store: Store,
  pair: Pair,
  occurrence: Occurrence,
  viewer: Viewer,
): Promise<Feedback[]> {
  const visible = (await pairDocs(store, pair.pairId, 'feedback'))
    .filter((f) => canSeeFeedback(f, viewer))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return [
    ...visible.filter((f) => f.state === 'shared' && f.occurrenceId === occurrence.id),
    ...visible.filter((f) => f.state === 'draft' && f.occurrenceStart <= occurrence.originalStart),
  ];
}

/** The first live occurrence of its calendar month (in the manager's time zone) is the monthly deep dive. */
export async function isDeepDive(
  store: Store,
  pairId: string,
  occurrence: Occurrence,
  timeZone: string,
): Promise<boolean> {
  return firstOfItsMonth(await pairOccurrences(store, pairId), occurrence, timeZone);
}

/** `isDeepDive` over the pair's occurrences already read, in order of start. */
function firstOfItsMonth(
  occurrences: readonly Occurrence[],
  occurrence: Occurrence,
  timeZone: string,
): boolean {
  const month = monthOf(occurrence.start, timeZone);
  // a 1:1 said afterwards not to have happened keeps its deep dive: its prompt went out and was answered
  return (
    occurrences.find((o) => isScheduled(o) && monthOf(o.start, timeZone) === month)?.id === occurrence.id
  );
}

/**
 * The report's answers up to this occurrence (its own prompt included, answered before the 1:1), as
 * the manager may see them: only shared scores, and the texts only of the latest answers, only when
 * those were shared. An answer whose occurrence is no longer stored cannot be placed in time and is
 * left out.
 */
async function sharedHistory(
  store: Store,
  pair: Pair,
  occurrence: Occurrence,
  timeZone: string,
  occurrences: readonly Occurrence[],
): Promise<Pick<AgendaView, 'happinessTrend' | 'sharedAnswers'>> {
  const starts = new Map(occurrences.map((o) => [o.id, o.start]));
  const earlier = (await pairDocs(store, pair.pairId, 'deepDiveAnswer'))
    .flatMap((answer) => {
      const start = starts.get(answer.occurrenceId);
      return start !== undefined &&
        answer.reportEmail === pair.reportEmail &&
        !isBefore(occurrence.start, start)
        ? [{ answer, start, month: monthOf(start, timeZone) }]
        : [];
    })
    .sort((a, b) => a.start.localeCompare(b.start));
  const byMonth = new Map<string, number>();
  for (const { answer, month } of earlier) if (answer.shared) byMonth.set(month, answer.happiness);
  const latest = earlier.at(-1);
  return {
    happinessTrend: [...byMonth]
      .map(([month, happiness]) => ({ month, happiness }))
      .slice(-HAPPINESS_TREND_MONTHS),
    sharedAnswers: latest?.answer.shared ? answerTexts(latest.answer, latest.month) : undefined,
  };
}

function answerTexts(answer: DeepDiveAnswer, month: string): SharedAnswers | undefined {
  const { makeItTen, learning, career } = answer;
  if (makeItTen === undefined && learning === undefined && career === undefined) return undefined;
  return {
    month,
    ...(makeItTen === undefined ? {} : { makeItTen }),
    ...(learning === undefined ? {} : { learning }),
    ...(career === undefined ? {} : { career }),
  };
}
