import { z } from 'zod';
import { AGENDA_LIMITS } from '../agenda-limits.js';
import {
  ActionItemView,
  CHECKPOINT_NOTE_INPUT,
  ConversationView,
  FeedbackView,
  GrowthView,
  HappinessPointView,
  Id,
  Label,
  Name,
  SharedAnswersView,
  Text,
  TopicView,
  Count,
} from './parts.js';

/**
 * How many topics an agenda can show beside what else it shows: each shared answer, each feedback, the
 * growth plan's goal, a planned conversation, a checkpoint note and the roles question take one topic's room.
 */
export const topicRoom = (beside: {
  readonly answers?: Partial<Omit<SharedAnswersView, 'label'>> | undefined;
  readonly feedback?: number;
  readonly growth?: boolean;
  readonly conversation?: boolean;
  readonly checkpoint?: boolean;
  /** The roles question ("Is X your report?") with its buttons. */
  readonly roles?: boolean;
}): number =>
  AGENDA_LIMITS.topics -
  (beside.feedback ?? 0) -
  [beside.growth, beside.conversation, beside.checkpoint, beside.roles].filter(Boolean).length -
  [beside.answers?.makeItTen, beside.answers?.learning, beside.answers?.career].filter(
    (text) => text !== undefined,
  ).length;

/** The fields of an agenda's data; `AgendaData` adds the rules between them. */
const AgendaFields = z.strictObject({
  pairId: Id,
  occurrenceId: Id,
  viewerRole: z.enum(['manager', 'report']),
  /**
   * Whether a trusted source says who manages whom. Until then `viewerRole` only says who organized
   * the 1:1, and the card carries nothing only a manager may see (nor "Plan a career talk").
   */
  trustedRoles: z.boolean(),
  /** "Is X your report?": `ask` the organizer, `wait` the other person, `check` the other's word on the answer. */
  roleQuestion: z
    .strictObject({
      step: z.enum(['ask', 'wait', 'check']),
      text: Text(300),
      /** For `check`: the answer given, from the viewer's side (its button is left out). */
      current: z.enum(['reportsToMe', 'managesMe', 'peers']).optional(),
      /** Answers the directory rules out for the viewer (their buttons are left out). */
      refused: z
        .array(z.enum(['reportsToMe', 'managesMe', 'peers']))
        .max(3)
        .default([]),
    })
    .optional(),
  otherName: Name,
  /** Already formatted, e.g. "Tue 3 Mar 2026, 09:00–09:30 (Europe/Berlin)". */
  when: Label,
  state: z.enum(['scheduled', 'moved', 'cancelled', 'declined']),
  /** The event's own video call link (the agenda's Join), on a live agenda only. */
  joinUrl: z
    .url({ protocol: /^https$/ })
    .max(1000)
    .optional(),
  /** `declined`: who declined ("You" for the viewer), and from which day, when the whole series is declined. */
  declined: z.strictObject({ byName: Name, seriesFrom: Label.optional() }).optional(),
  reportTopics: z.array(TopicView),
  managerTopics: z.array(TopicView),
  actionItems: z.array(ActionItemView).max(AGENDA_LIMITS.actions),
  /** The Feedback section: shared feedback of this occurrence, and the viewer's own drafts. */
  feedback: z.array(FeedbackView).max(AGENDA_LIMITS.feedback).default([]),
  /** The Growth section: the pair's plan for this quarter; absent, the section shows the guide's prompt. */
  growth: GrowthView.optional(),
  /** A career or promotion conversation planned for this 1:1: the agenda carries the guide's frame. */
  conversation: ConversationView.optional(),
  /** A deep-dive agenda: the growth checkpoint its deep dive reviews, with the progress noted so far. */
  checkpoint: z
    .strictObject({ label: z.string().min(1).max(40), note: Text(CHECKPOINT_NOTE_INPUT) })
    .optional(),
  suggestedQuestion: Text(500),
  /** The manager's agenda only: one coaching tip, from the guide. */
  coachingTip: Text(300).optional(),
  deepDive: z.boolean(),
  deepDiveQuestions: z.array(Text(500)).max(12),
  /** The manager's deep-dive agenda only: shared scores of earlier months, oldest first. */
  happinessTrend: z.array(HappinessPointView).max(12).optional(),
  /** The manager's deep-dive agenda only, and only what the report shared. */
  sharedAnswers: SharedAnswersView.optional(),
  moreTopics: Count,
  moreActions: Count,
  moreFeedback: Count.default(0),
  /** How many notes this 1:1 has that the viewer may see: shared, and their own private ones. */
  notes: z.strictObject({ shared: Count, private: Count }).default({ shared: 0, private: 0 }),
});

/** What an agenda shows beside its topics that takes a topic's room. */
export type BesideTopics = Pick<
  z.input<typeof AgendaFields>,
  'sharedAnswers' | 'feedback' | 'growth' | 'conversation' | 'checkpoint' | 'roleQuestion'
>;

/**
 * How many topics fit beside the rest of an agenda's data: the one reckoning of the topic budget, which
 * the presenter uses to choose the topics shown and the schema to refuse data with too many.
 */
export const topicRoomOf = (data: BesideTopics): number =>
  topicRoom({
    answers: data.sharedAnswers,
    feedback: data.feedback?.length ?? 0,
    growth: data.growth !== undefined,
    conversation: data.conversation !== undefined,
    checkpoint: data.checkpoint !== undefined,
    roles: data.roleQuestion !== undefined,
  });

/** `agenda`: one participant's agenda for one occurrence, updated in place when anything changes. */
export const AgendaData = AgendaFields.refine(
  (data) => data.reportTopics.length + data.managerTopics.length <= topicRoomOf(data),
  {
    error:
      `at most ${AGENDA_LIMITS.topics} topics in both lists together, one fewer per shared answer, ` +
      'per feedback shown, for a growth goal, a planned conversation, a checkpoint note and the roles question (count the rest in moreTopics)',
    path: ['reportTopics'],
  },
)
  .refine((data) => data.joinUrl === undefined || data.state === 'scheduled' || data.state === 'moved', {
    error: 'Join is for a 1:1 going ahead: a cancelled or declined agenda carries no call link',
    path: ['joinUrl'],
  })
  .refine((data) => data.coachingTip === undefined || data.viewerRole === 'manager', {
    error: 'a coaching tip is for the manager only: the report’s agenda never carries one',
    path: ['coachingTip'],
  })
  .refine(
    (data) =>
      data.trustedRoles ||
      (data.coachingTip === undefined &&
        data.sharedAnswers === undefined &&
        (data.happinessTrend ?? []).length === 0),
    {
      error:
        'nothing manager-only (coaching tip, shared answers, happiness trend) until a trusted source says who manages whom',
      path: ['trustedRoles'],
    },
  );
// Input: `feedback` and `moreFeedback` may be left out (none).
export type AgendaData = z.input<typeof AgendaData>;
