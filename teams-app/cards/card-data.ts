import { z } from 'zod';
import { plainText } from '../../shared/domain/index.js';
import {
  AGENDA_LIMITS,
  FEEDBACK_CARD_CHARS,
  GROWTH_GOAL_CARD_CHARS,
  SUMMARY_LIMITS,
} from './agenda-limits.js';

// Bounds match the domain (topic and action text 500, note 4000, names 200); they also bound a card's size.
// A pair id is two email addresses, so ids may be longer than a Cosmos document id.
const Id = z.string().min(1).max(1024);
// Adaptive Cards expand `{{DATE(...)}}` and `{{TIME(...)}}` even inside a TextRun: a zero-width space
// between the braces keeps what a person typed looking exactly as typed, and inert.
// Text stored before the edge refused bidi controls and zero-width spaces loses them here, so no card
// line can read as another (plainText), before the one zero-width space the escaping adds.
const inert = (value: string) => plainText(value).replace(/\{\{/g, '{\u200b{');
const Name = z.string().min(1).max(200).transform(inert);
const Label = z.string().min(1).max(200);
const Text = (max: number) => z.string().min(1).max(max).transform(inert);
const Count = z.number().int().min(0);
/** The SBI inputs' `maxLength` (the domain's `FEEDBACK_PART_MAX`). */
export const FEEDBACK_PART_INPUT = 1000;
/** The growth plan inputs' `maxLength` (the domain's `GROWTH_TEXT_MAX` and `CHECKPOINT_NOTE_MAX`). */
export const GROWTH_TEXT_INPUT = 1000;
export const CHECKPOINT_NOTE_INPUT = 500;

/** A topic as a card shows it; `number` is what chat commands such as `done 2` refer to. */
export const TopicView = z.strictObject({
  id: Id,
  number: z.number().int().positive(),
  text: Text(500),
  authorName: Name,
  carriedOver: z.boolean(),
  covered: z.boolean(),
});
export type TopicView = z.infer<typeof TopicView>;

/** An action item as a card shows it; `due` is already formatted (e.g. "20 Mar 2026"). */
export const ActionItemView = z.strictObject({
  id: Id,
  number: z.number().int().positive(),
  text: Text(500),
  ownerName: Name,
  due: z.string().min(1).max(40).optional(),
  done: z.boolean(),
});
export type ActionItemView = z.infer<typeof ActionItemView>;

/** A note in a summary; the caller has already left out other people's private notes. */
export const NoteView = z.strictObject({ authorName: Name, text: Text(4000), private: z.boolean() });
export type NoteView = z.infer<typeof NoteView>;

/**
 * SBI feedback as an agenda or summary shows it, each part cut to `FEEDBACK_CARD_CHARS`. `draft` is
 * only ever on its author's card: the caller leaves the other person's drafts out.
 */
export const FeedbackView = z.strictObject({
  id: Id,
  /** Who gave it; it is for the other person of the pair. */
  authorName: Name,
  draft: z.boolean(),
  situation: Text(FEEDBACK_CARD_CHARS).optional(),
  behavior: Text(FEEDBACK_CARD_CHARS),
  impact: Text(FEEDBACK_CARD_CHARS).optional(),
  request: Text(FEEDBACK_CARD_CHARS),
});
export type FeedbackView = z.infer<typeof FeedbackView>;

/** The pair's growth plan as an agenda shows it: the quarter's goal (cut) and the next checkpoint, formatted. */
export const GrowthView = z.strictObject({
  /** e.g. "Q2 2026". */
  quarter: z.string().regex(/^Q[1-4] \d{4}$/),
  goal: Text(GROWTH_GOAL_CARD_CHARS),
  /** e.g. "Thu 30 Apr 2026", in the viewer's zone; absent when every checkpoint has passed. */
  nextCheckpoint: z.string().min(1).max(40).optional(),
});
export type GrowthView = z.infer<typeof GrowthView>;

/** The longest a promotion conversation's role is (the domain's `ROLE_MAX`). */
export const ROLE_INPUT = 100;

/** A career or promotion conversation planned for a 1:1, as its agenda shows it to both people. */
export const ConversationView = z.strictObject({
  kind: z.enum(['career', 'promotion']),
  /** The manager who planned it. */
  plannedBy: Name,
  /** The role a promotion conversation is about. */
  role: Text(ROLE_INPUT).optional(),
});
export type ConversationView = z.infer<typeof ConversationView>;

/** `welcome`: sent once, when someone installs Steady. */
export const WelcomeData = z.strictObject({ name: Name });
export type WelcomeData = z.infer<typeof WelcomeData>;

/** `help`: the commands; it takes no data. */
export const HelpData = z.strictObject({});
export type HelpData = z.infer<typeof HelpData>;

/** A month as cards show it, e.g. "Mar 2026". */
const MonthLabel = z.string().regex(/^[A-Z][a-z]{2} \d{4}$/, { error: 'must be a month like "Mar 2026"' });

/** One month's shared happiness score (1–10). */
export const HappinessPointView = z.strictObject({
  label: MonthLabel,
  happiness: z.number().int().min(1).max(10),
});
export type HappinessPointView = z.infer<typeof HappinessPointView>;

/**
 * The longest a shared answer is shown on an agenda (a topic's length; the caller shortens longer ones).
 * Each answer shown takes one topic's room, so the card stays within its size at any length of text.
 */
export const SHARED_ANSWER_CHARS = 500;

/** The report's latest deep-dive answers, only when they shared them; `label` is the month answered. */
export const SharedAnswersView = z.strictObject({
  label: MonthLabel,
  makeItTen: Text(SHARED_ANSWER_CHARS).optional(),
  learning: Text(SHARED_ANSWER_CHARS).optional(),
  career: Text(SHARED_ANSWER_CHARS).optional(),
});
export type SharedAnswersView = z.infer<typeof SharedAnswersView>;

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

/** `agenda`: one participant's agenda for one occurrence, updated in place when anything changes. */
export const AgendaData = z
  .strictObject({
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
  })
  .refine(
    (data) =>
      data.reportTopics.length + data.managerTopics.length <=
      topicRoom({
        answers: data.sharedAnswers,
        feedback: data.feedback.length,
        growth: data.growth !== undefined,
        conversation: data.conversation !== undefined,
        checkpoint: data.checkpoint !== undefined,
        roles: data.roleQuestion !== undefined,
      }),
    {
      error:
        `at most ${AGENDA_LIMITS.topics} topics in both lists together, one fewer per shared answer, ` +
        'per feedback shown, for a growth goal, a planned conversation, a checkpoint note and the roles question (count the rest in moreTopics)',
      path: ['reportTopics'],
    },
  )
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

/** `deepDive`: the report's monthly prompt card. */
export const DeepDiveData = z.strictObject({
  pairId: Id,
  occurrenceId: Id,
  managerName: Name,
  /** Already formatted, e.g. "March 2026". */
  month: Label,
  /**
   * The growth plan checkpoint this deep dive asks about (the end of the month just ended): the goal, cut;
   * the date as shown; which checkpoint it is (sent back with Submit); the note stored so far. Absent
   * when the pair has no plan for that quarter.
   */
  growth: z
    .strictObject({
      goal: Text(GROWTH_GOAL_CARD_CHARS),
      checkpointLabel: z.string().min(1).max(40),
      quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
      index: z.number().int().min(0).max(2),
      note: z.string().max(CHECKPOINT_NOTE_INPUT).default(''),
    })
    .optional(),
});
export type DeepDiveData = z.input<typeof DeepDiveData>;

/** `summary`: sent to each participant after an occurrence; what passes `SUMMARY_LIMITS` is counted. */
export const SummaryData = z
  .strictObject({
    otherName: Name,
    when: Label,
    covered: z.array(TopicView),
    carriedOver: z.array(TopicView),
    notes: z.array(NoteView.extend({ text: Text(SUMMARY_LIMITS.noteChars) })).max(SUMMARY_LIMITS.notes),
    actionItems: z.array(ActionItemView).max(SUMMARY_LIMITS.actions),
    /** Feedback shared at this 1:1, either way; never a draft. */
    feedback: z
      .array(FeedbackView.extend({ draft: z.literal(false) }))
      .max(SUMMARY_LIMITS.feedback)
      .default([]),
    /** The next occurrence, formatted; absent when there is none on the calendar. */
    next: Label.optional(),
    /**
     * When this 1:1 was a planned career or promotion conversation: the goal the pair agreed for the
     * quarter (their growth plan's, cut), or none yet.
     */
    conversation: z
      .strictObject({
        kind: z.enum(['career', 'promotion']),
        role: Text(ROLE_INPUT).optional(),
        /** e.g. "Q2 2026". */
        quarter: z.string().regex(/^Q[1-4] \d{4}$/),
        goal: Text(GROWTH_GOAL_CARD_CHARS).optional(),
      })
      .optional(),
    moreTopics: Count,
    moreNotes: Count,
    moreActions: Count,
    moreFeedback: Count.default(0),
    /**
     * "Did this 1:1 happen?": `ask` while either person may still say it did not (the button carries the
     * 1:1), `notHeld` once one of them did (who, and on which day); absent after the 7 days.
     */
    held: z
      .discriminatedUnion('state', [
        z.strictObject({ state: z.literal('ask'), pairId: Id, occurrenceId: Id }),
        z.strictObject({ state: z.literal('notHeld'), byName: Name, on: Label }),
      ])
      .optional(),
  })
  .refine((data) => data.covered.length + data.carriedOver.length <= SUMMARY_LIMITS.topics, {
    error: `at most ${SUMMARY_LIMITS.topics} topics covered and carried over together (count the rest in moreTopics)`,
    path: ['covered'],
  });
export type SummaryData = z.input<typeof SummaryData>;

/** `cadenceAlert`: to the manager, when 1:1s with a report keep being missed. */
export const CadenceAlertData = z
  .strictObject({
    reportName: Name,
    missed: z.number().int().min(1),
    /** How many recent occurrences were looked at (6 for "3 of the last 6"). */
    window: z.number().int().min(1).max(52),
    /** The missed occurrences, formatted, each marked when it is still ahead (cancelled or declined early). */
    dates: z
      .array(z.strictObject({ day: Label, ahead: z.boolean() }))
      .min(1)
      .max(52),
    /** A declined series: who (the manager, or else the report), from which date, how many so far. */
    declined: z
      .strictObject({ byManager: z.boolean(), from: Label, count: z.number().int().min(1).max(366) })
      .optional(),
    pattern: z.enum(['consecutive', 'recent']),
  })
  .refine((data) => data.missed <= data.window, { error: 'missed must not exceed window', path: ['missed'] });
export type CadenceAlertData = z.infer<typeof CadenceAlertData>;

/** `choosePair`: asks which 1:1 a chat command is for. */
export const ChoosePairData = z
  .strictObject({
    /** The command as the user wrote it; it is run again with the chosen pair. */
    command: z.string().min(1).max(4100),
    options: z
      .array(z.strictObject({ pairId: Id, label: Label }))
      .min(1)
      .max(20),
  })
  // The buttons carry the command as typed (button data and a hidden input are never formatted by
  // Teams); only the line that shows it is escaped, so a pick stores exactly what was typed.
  .transform((data) => ({ ...data, shown: inert(data.command) }));
export type ChoosePairData = z.infer<typeof ChoosePairData>;

/** `confirmErase`: what "delete my data" would remove, and the one button that does it. */
export const ConfirmEraseData = z.strictObject({
  /** The other person of each of their 1:1s, by name. */
  others: z.array(z.strictObject({ name: Name })).max(100),
});
export type ConfirmEraseData = z.infer<typeof ConfirmEraseData>;

/** What one SBI part may hold on the feedback card (what was typed, given back when a submit is refused). */
const FeedbackInput = z.string().max(FEEDBACK_PART_INPUT).default('');

/** `feedback`: the SBI card one of a pair fills for the other, from the `feedback` command. */
export const FeedbackCardData = z.strictObject({
  pairId: Id,
  /** The feedback this card writes: saving again edits the same draft. */
  feedbackId: Id,
  /** The author's role: the report's card asks "What feedback do you have for me?" for their manager. */
  viewerRole: z.enum(['manager', 'report']),
  otherName: Name,
  /** `draft` once saved as a draft (only the author sees it). */
  state: z.enum(['new', 'draft']),
  /** Why the last submit was refused, shown above the inputs; nothing was saved. */
  problem: Text(300).optional(),
  situation: FeedbackInput,
  behavior: FeedbackInput,
  impact: FeedbackInput,
  request: FeedbackInput,
});
export type FeedbackCardData = z.infer<typeof FeedbackCardData>;

/**
 * `planConversation`: the manager plans a career or promotion conversation for the 1:1 after the
 * agenda they pressed it on.
 */
export const PlanConversationData = z.strictObject({
  pairId: Id,
  /** The 1:1 it is for, and when, as shown. */
  occurrenceId: Id,
  when: Label,
  otherName: Name,
  /** What is planned for that 1:1 now (`none`: nothing yet), and the role of a promotion conversation. */
  kind: z.enum(['none', 'career', 'promotion']),
  role: z.string().max(ROLE_INPUT).default(''),
  /** Why the last submit was refused, shown above the inputs; nothing was saved. */
  problem: Text(300).optional(),
});
export type PlanConversationData = z.input<typeof PlanConversationData>;

/** What one growth plan field may hold on its card (what was stored or typed, given back when refused). */
const GrowthInput = z.string().max(GROWTH_TEXT_INPUT).default('');

/** `growthPlan`: the pair's plan for one quarter, from the `growth` command; either person may edit it. */
export const GrowthPlanCardData = z.strictObject({
  pairId: Id,
  /** The quarter the card saves, e.g. "2026-Q2", and as shown, "Q2 2026". */
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/),
  quarterLabel: Label,
  otherName: Name,
  /** `saved` once a plan exists for the quarter; `savedBy` names who saved it last. */
  state: z.enum(['new', 'saved']),
  savedBy: Name.optional(),
  /** Why the last submit was refused, shown above the inputs; nothing was saved. */
  problem: Text(300).optional(),
  goal: GrowthInput,
  support: GrowthInput,
  evidence: GrowthInput,
  /** The three monthly checkpoints: the date as shown, and the progress note so far. */
  checkpoint1Label: Label,
  checkpoint2Label: Label,
  checkpoint3Label: Label,
  checkpoint1: z.string().max(CHECKPOINT_NOTE_INPUT).default(''),
  checkpoint2: z.string().max(CHECKPOINT_NOTE_INPUT).default(''),
  checkpoint3: z.string().max(CHECKPOINT_NOTE_INPUT).default(''),
});
export type GrowthPlanCardData = z.input<typeof GrowthPlanCardData>;

/** `trustDigest`: the manager's monthly trust signals (only the manager's); counts over the last 8 weeks. */
export const TrustDigestData = z
  .strictObject({
    /** The month it is for, as shown, e.g. "March 2026". */
    month: Label,
    /** The window, as shown, e.g. "6 Jan – 2 Mar 2026". */
    period: Label,
    /** The manager's action items due in the window, and of them done by their due date, late, open. */
    due: Count,
    onTime: Count,
    late: Count,
    open: Count,
    /** `onTime` of `due`, rounded; absent when nothing came due. */
    percent: z.number().int().min(0).max(100).optional(),
    /** Held of scheduled 1:1s, per report. */
    cadence: z.array(z.strictObject({ reportName: Name, held: Count, scheduled: Count })).max(100),
    /** Reports whose latest shared happiness score is lower than their previous shared one. */
    happinessFell: z
      .array(
        z.strictObject({
          reportName: Name,
          previous: z.number().int().min(1).max(10),
          previousMonth: Label,
          latest: z.number().int().min(1).max(10),
          latestMonth: Label,
        }),
      )
      .max(100),
  })
  .refine((data) => data.onTime + data.late + data.open === data.due, {
    error: 'onTime, late and open must add up to due',
    path: ['due'],
  })
  .refine((data) => data.cadence.every((c) => c.held <= c.scheduled), {
    error: 'held must not exceed scheduled',
    path: ['cadence'],
  });
export type TrustDigestData = z.infer<typeof TrustDigestData>;

/** Each card's data schema, by card name. */
export const cardData = {
  welcome: WelcomeData,
  help: HelpData,
  agenda: AgendaData,
  deepDive: DeepDiveData,
  summary: SummaryData,
  cadenceAlert: CadenceAlertData,
  choosePair: ChoosePairData,
  confirmErase: ConfirmEraseData,
  feedback: FeedbackCardData,
  growthPlan: GrowthPlanCardData,
  planConversation: PlanConversationData,
  trustDigest: TrustDigestData,
} as const;

/** The name of a card Steady sends. */
export type CardName = keyof typeof cardData;

/** The data `renderCard(name, data)` takes for a card. */
export type CardDataOf<N extends CardName> = z.input<(typeof cardData)[N]>;
