import type { z } from 'zod';
import { AgendaData } from './data/agenda.js';
import { FeedbackCardData, GrowthPlanCardData, PlanConversationData } from './data/forms.js';
import {
  CadenceAlertData,
  ChoosePairData,
  ConfirmEraseData,
  HelpData,
  TrustDigestData,
  WelcomeData,
} from './data/notices.js';
import { DeepDiveData, SummaryData } from './data/summary.js';

export * from './data/agenda.js';
export * from './data/forms.js';
export * from './data/notices.js';
export {
  ActionItemView,
  CHECKPOINT_NOTE_INPUT,
  ConversationView,
  FEEDBACK_PART_INPUT,
  FeedbackView,
  GROWTH_TEXT_INPUT,
  GrowthView,
  HappinessPointView,
  NoteView,
  ROLE_INPUT,
  SHARED_ANSWER_CHARS,
  SharedAnswersView,
  TopicView,
} from './data/parts.js';
export * from './data/summary.js';

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
