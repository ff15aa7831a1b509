import type {
  ActionItemView,
  AgendaData,
  CadenceAlertData,
  CardDataOf,
  CardName,
  DeepDiveData,
  FeedbackView,
  TopicView,
} from '../../teams-app/cards/card-data.js';
import { DEEP_DIVE_QUESTIONS } from '../../shared/domain/index.js';

/*
 * Realistic data for every card: the tests expand them, the render test screenshots them for the
 * README, and the card benchmark renders them. A manager, Ana Silva, and her report, Dev Patel.
 */

const topic = (
  number: number,
  text: string,
  authorName: string,
  extra: Partial<TopicView> = {},
): TopicView => ({
  id: `topic-${number}`,
  number,
  text,
  authorName,
  carriedOver: false,
  covered: false,
  ...extra,
});

const actionItem = (number: number, text: string, ownerName: string, due?: string): ActionItemView => ({
  id: `action-${number}`,
  number,
  text,
  ownerName,
  ...(due === undefined ? {} : { due }),
  done: false,
});

const reportView: AgendaData = {
  pairId: 'pair-ana-dev',
  occurrenceId: 'occ-2026-03-03',
  viewerRole: 'report',
  trustedRoles: true,
  otherName: 'Ana Silva',
  when: 'Tue 3 Mar 2026, 09:00–09:30 (Europe/Berlin)',
  state: 'scheduled',
  reportTopics: [
    topic(1, 'Career path for next quarter', 'Dev Patel'),
    topic(2, 'Feeling stuck on the billing migration', 'Dev Patel', { carriedOver: true }),
    topic(3, 'Conference budget', 'Dev Patel', { covered: true }),
  ],
  managerTopics: [topic(4, 'On-call rotation changes in April', 'Ana Silva')],
  actionItems: [
    actionItem(1, 'Draft the design doc for the billing retry queue', 'Dev Patel', '20 Mar 2026'),
    actionItem(2, 'Ask Sarah about the staff engineer expectations', 'Ana Silva'),
  ],
  suggestedQuestion: 'What is the hardest part of your job right now?',
  deepDive: false,
  deepDiveQuestions: [],
  moreTopics: 0,
  moreActions: 0,
};

/** The guide's monthly deep-dive questions, as the caller passes them on a deep-dive agenda. */
const deepDiveQuestions = [...DEEP_DIVE_QUESTIONS];

const managerView: AgendaData = {
  ...reportView,
  viewerRole: 'manager',
  otherName: 'Dev Patel',
  suggestedQuestion: 'What do you need from me this week?',
  coachingTip: 'Open with “What’s on your mind?” and save status for written updates: this time is theirs.',
};

/** The guide's SBI example, as Ana shared it with Dev. */
const sharedFeedback: FeedbackView = {
  id: 'feedback-1',
  authorName: 'Ana Silva',
  draft: false,
  situation: 'During the last release review',
  behavior: 'You summarized the QA concerns before we decided',
  impact: 'The team felt heard, and we caught the rollback gap',
  request: 'Keep doing it in every release review',
};

/** Dev's draft for Ana: only on Dev's own cards. */
const draftFeedback: FeedbackView = {
  id: 'feedback-2',
  authorName: 'Dev Patel',
  draft: true,
  behavior: 'Our 1:1s were moved three times this month',
  request: 'Keep the slot, or tell me a day before',
};

/** Agenda variants: the states and views a test should see. */
export const agendaSamples = {
  report: reportView,
  manager: managerView,
  /** Ana's agenda of an event with a Google Meet call: Join. */
  withCall: { ...managerView, joinUrl: 'https://meet.google.com/abc-defg-hij' },
  empty: { ...reportView, reportTopics: [], managerTopics: [], actionItems: [] },
  /** A 1:1 nobody has said the roles of: the organizer is asked, with nothing manager-only on the card. */
  rolesAsked: {
    ...reportView,
    viewerRole: 'manager',
    trustedRoles: false,
    otherName: 'Dev Patel',
    roleQuestion: {
      step: 'ask',
      text: 'Is Dev Patel your report? Until then, neither agenda shows what only a manager sees.',
    },
  },
  /** The other person's check of the organizer's answer, once. */
  rolesCheck: {
    ...reportView,
    trustedRoles: true,
    roleQuestion: {
      step: 'check',
      text: 'Ana Silva said they manage you. Is that right?',
      current: 'managesMe',
    },
  },
  deepDive: { ...reportView, deepDive: true, deepDiveQuestions },
  /** The manager's deep dive: the scores Dev shared (not April's) and February's shared answers. */
  deepDiveManager: {
    ...managerView,
    deepDive: true,
    deepDiveQuestions,
    happinessTrend: [
      { label: 'Nov 2025', happiness: 6 },
      { label: 'Dec 2025', happiness: 6 },
      { label: 'Jan 2026', happiness: 7 },
      { label: 'Feb 2026', happiness: 5 },
    ],
    sharedAnswers: {
      label: 'Feb 2026',
      makeItTen: 'Fewer meetings on Wednesdays, and a clear owner for the billing migration.',
      career: 'I want to lead a small project end to end next quarter.',
    },
  },
  moved: { ...reportView, state: 'moved', when: 'Wed 4 Mar 2026, 14:00–14:30 (Europe/Berlin)' },
  cancelled: { ...reportView, state: 'cancelled' },
  /** Ana's agenda of a 1:1 in a series Dev declined from 10 March on. */
  declinedSeries: {
    ...reportView,
    viewerRole: 'manager',
    otherName: 'Dev Patel',
    state: 'declined',
    declined: { byName: 'Dev Patel', seriesFrom: 'Tue 10 Mar 2026' },
  },
  truncated: { ...reportView, moreTopics: 12, moreActions: 1 },
  /** Dev's agenda: Ana's shared feedback and Dev's own draft for her. */
  feedback: { ...reportView, feedback: [sharedFeedback, draftFeedback] },
  /** Dev's agenda of the career conversation Ana planned. */
  career: { ...reportView, conversation: { kind: 'career', plannedBy: 'Ana Silva' } },
  /** Ana's agenda of a promotion conversation: the guide's frame around the role, and her coaching tip. */
  promotionManager: {
    ...managerView,
    conversation: { kind: 'promotion', plannedBy: 'Ana Silva', role: 'Senior engineer' },
  },
} satisfies Record<string, AgendaData>;

/** Cadence alert variants: two in a row, three of the last six, two cancelled ahead, a declined series. */
export const cadenceAlertSamples = {
  consecutive: {
    reportName: 'Dev Patel',
    missed: 2,
    window: 2,
    dates: [
      { day: 'Tue 17 Feb 2026', ahead: false },
      { day: 'Tue 24 Feb 2026', ahead: false },
    ],
    pattern: 'consecutive',
  },
  recent: {
    reportName: 'Mia Chen',
    missed: 3,
    window: 6,
    dates: [
      { day: 'Thu 22 Jan 2026', ahead: false },
      { day: 'Thu 5 Feb 2026', ahead: false },
      { day: 'Thu 26 Feb 2026', ahead: false },
    ],
    pattern: 'recent',
  },
  ahead: {
    reportName: 'Li Wei',
    missed: 2,
    window: 2,
    dates: [
      { day: 'Mon 14 Dec 2026', ahead: true },
      { day: 'Mon 28 Dec 2026', ahead: true },
    ],
    pattern: 'consecutive',
  },
  declinedSeries: {
    reportName: 'Dev Patel',
    missed: 8,
    window: 8,
    dates: [
      { day: 'Tue 10 Mar 2026', ahead: true },
      { day: 'Tue 17 Mar 2026', ahead: true },
    ],
    declined: { byManager: false, from: 'Tue 10 Mar 2026', count: 8 },
    pattern: 'consecutive',
  },
} satisfies Record<string, CadenceAlertData>;

/** Dev's deep-dive prompt of March: with the checkpoint of February in their growth plan, and without a plan. */
export const deepDiveSamples = {
  withPlan: {
    pairId: 'pair-ana-dev',
    occurrenceId: 'occ-2026-03-03',
    managerName: 'Ana Silva',
    month: 'March 2026',
    growth: {
      goal: 'Lead the design of the billing migration, from the first draft to the review',
      checkpointLabel: 'Sat 28 Feb 2026',
      quarter: '2026-Q1',
      index: 1,
      note: 'First draft of the design doc written; Sam reviews it next week.',
    },
  },
  withoutPlan: {
    pairId: 'pair-ana-dev',
    occurrenceId: 'occ-2026-03-03',
    managerName: 'Ana Silva',
    month: 'March 2026',
  },
} satisfies Record<string, DeepDiveData>;

/** One realistic data set per card. */
export const cardSamples: { readonly [N in CardName]: CardDataOf<N> } = {
  welcome: { name: 'Dev Patel' },
  help: {},
  agenda: agendaSamples.deepDive,
  deepDive: deepDiveSamples.withPlan,
  summary: {
    otherName: 'Ana Silva',
    when: 'Tue 3 Mar 2026, 09:00–09:30 (Europe/Berlin)',
    covered: [
      topic(1, 'Career path for next quarter', 'Dev Patel', { covered: true }),
      topic(4, 'On-call rotation changes in April', 'Ana Silva', { covered: true }),
    ],
    carriedOver: [topic(2, 'Feeling stuck on the billing migration', 'Dev Patel', { carriedOver: true })],
    notes: [
      {
        authorName: 'Ana Silva',
        text: 'Dev wants to lead a small project end to end next quarter.',
        private: false,
      },
      { authorName: 'Dev Patel', text: 'Ask for pairing time with a senior engineer.', private: true },
    ],
    actionItems: [
      actionItem(1, 'Draft the design doc for the billing retry queue', 'Dev Patel', '20 Mar 2026'),
      actionItem(3, 'Find a senior engineer to pair with Dev', 'Ana Silva', '13 Mar 2026'),
    ],
    feedback: [{ ...sharedFeedback, draft: false }],
    next: 'Tue 10 Mar 2026, 09:00–09:30 (Europe/Berlin)',
    conversation: {
      kind: 'career',
      quarter: 'Q1 2026',
      goal: 'Lead the billing retry queue from design doc to launch',
    },
    moreTopics: 0,
    moreNotes: 0,
    moreActions: 0,
    // within 7 days of the end either person may still say it did not happen
    held: { state: 'ask', pairId: 'pair-ana-dev', occurrenceId: 'occ-2026-03-03' },
  },
  cadenceAlert: cadenceAlertSamples.consecutive,
  confirmErase: { others: [{ name: 'Maria Lopez' }, { name: 'Sam Okafor' }] },
  feedback: {
    pairId: 'pair-ana-dev',
    feedbackId: 'feedback:activity-42',
    viewerRole: 'report',
    otherName: 'Ana Silva',
    state: 'new',
    situation: 'In Monday’s planning',
    behavior: 'You asked me for an estimate before I had read the spec',
    impact: '',
    request: '',
  },
  growthPlan: {
    pairId: 'pair-ana-dev',
    quarter: '2026-Q2',
    quarterLabel: 'Q2 2026',
    otherName: 'Ana Silva',
    state: 'saved',
    savedBy: 'Dev Patel',
    goal: 'Lead the design of the billing migration, from the first draft to the review',
    support: 'A design review with a staff engineer every sprint; Ana clears Friday afternoons',
    evidence: 'The design doc approved by the platform team and the first milestone shipped',
    checkpoint1Label: 'Checkpoint Thu 30 Apr 2026',
    checkpoint2Label: 'Checkpoint Sun 31 May 2026',
    checkpoint3Label: 'Checkpoint Tue 30 Jun 2026',
    checkpoint1: 'First draft written; the data model needs another pass',
    checkpoint2: '',
    checkpoint3: '',
  },
  planConversation: {
    pairId: 'pair-ana-dev',
    occurrenceId: 'occ-2026-03-10',
    when: 'Tue 10 Mar 2026, 09:00–09:30 (Europe/Berlin)',
    otherName: 'Dev Patel',
    kind: 'promotion',
    role: 'Senior engineer',
  },
  trustDigest: {
    month: 'March 2026',
    period: '6 Jan – 2 Mar 2026',
    due: 8,
    onTime: 6,
    late: 1,
    open: 1,
    percent: 75,
    cadence: [
      { reportName: 'Dev Patel', held: 7, scheduled: 8 },
      { reportName: 'Mia Chen', held: 2, scheduled: 4 },
    ],
    happinessFell: [
      { reportName: 'Mia Chen', previous: 8, previousMonth: 'Jan 2026', latest: 5, latestMonth: 'Feb 2026' },
    ],
  },
  choosePair: {
    command: 'add Career path for next quarter',
    options: [
      { pairId: 'pair-ana-dev', label: 'Ana Silva (weekly, Tue 09:00)' },
      { pairId: 'pair-dev-mia', label: 'Mia Chen (fortnightly, Thu 15:00)' },
    ],
  },
};
