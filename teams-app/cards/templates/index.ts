import type { CardName } from '../card-data.js';
import type { CardTemplate } from './card-template.js';
import { agendaTemplate } from './agenda.js';
import { cadenceAlertTemplate } from './cadence-alert.js';
import { choosePairTemplate } from './choose-pair.js';
import { confirmEraseTemplate } from './confirm-erase.js';
import { deepDiveTemplate } from './deep-dive.js';
import { feedbackTemplate } from './feedback.js';
import { growthPlanTemplate } from './growth-plan.js';
import { helpTemplate } from './help.js';
import { planConversationTemplate } from './plan-conversation.js';
import { summaryTemplate } from './summary.js';
import { trustDigestTemplate } from './trust-digest.js';
import { welcomeTemplate } from './welcome.js';

/** The template of each card, by card name. */
export const templates: Readonly<Record<CardName, CardTemplate>> = {
  welcome: welcomeTemplate,
  help: helpTemplate,
  agenda: agendaTemplate,
  deepDive: deepDiveTemplate,
  summary: summaryTemplate,
  cadenceAlert: cadenceAlertTemplate,
  choosePair: choosePairTemplate,
  confirmErase: confirmEraseTemplate,
  feedback: feedbackTemplate,
  growthPlan: growthPlanTemplate,
  planConversation: planConversationTemplate,
  trustDigest: trustDigestTemplate,
};
