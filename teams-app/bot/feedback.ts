import type { FeedbackPart, Pair, User } from '../../shared/domain/index.js';
import { otherOf } from '../../shared/services/people.js';
import { saveFeedback } from '../../shared/services/one-on-one/save-feedback.js';
import type { CardAction } from '../cards/card-action.js';
import { FEEDBACK_PART_INPUT } from '../cards/card-data.js';
import { refreshAgendaCards } from '../../shared/services/delivery/cards.js';
import type { BotDeps, Reply } from './bot-deps.js';
import { cut } from './present.js';
import { nameOf } from './names.js';
import { userByEmail } from '../../shared/services/people.js';

type Parts = Partial<Record<FeedbackPart, string | undefined>>;
type SaveFeedbackData = Extract<CardAction, { verb: 'saveFeedback' }>['data'];

/** The SBI card `viewer` fills for the other person of `pair`, with what they typed so far. */
export async function feedbackCard(
  deps: BotDeps,
  pair: Pair,
  viewer: User,
  feedbackId: string,
  options: { readonly state?: 'new' | 'draft'; readonly problem?: string; readonly parts?: Parts } = {},
) {
  const value = (field: FeedbackPart) => cut(options.parts?.[field] ?? '', FEEDBACK_PART_INPUT);
  return deps.renderCard('feedback', {
    pairId: pair.pairId,
    feedbackId,
    viewerRole: pair.managerEmail === viewer.email ? 'manager' : 'report',
    otherName: await nameOf(deps.store, otherOf(pair, viewer.email)),
    state: options.state ?? 'new',
    ...(options.problem === undefined ? {} : { problem: options.problem }),
    situation: value('situation'),
    behavior: value('behavior'),
    impact: value('impact'),
    request: value('request'),
  });
}

/**
 * "Save as draft" or "Share" on the feedback card (the caller checked that the presser is one of the
 * pair). A draft comes back as the card, to edit or share later; a refused text comes back with the
 * reason and nothing stored. Only a share updates the other person's agenda card.
 */
export async function onSaveFeedback(
  deps: BotDeps,
  user: User,
  pair: Pair,
  data: SaveFeedbackData,
): Promise<Reply> {
  const parts = {
    situation: data.situation,
    behavior: data.behavior,
    impact: data.impact,
    request: data.request,
  };
  const saved = await saveFeedback(deps, user, {
    pairId: pair.pairId,
    feedbackId: data.feedbackId,
    parts,
    state: data.state,
  });
  const otherName = await nameOf(deps.store, otherOf(pair, user.email));
  if (!saved.ok) {
    switch (saved.error.code) {
      case 'VAGUE': {
        const draft = await deps.store.pairs.get(pair.pairId, data.feedbackId);
        return {
          card: await feedbackCard(deps, pair, user, data.feedbackId, {
            state: draft?.doc.type === 'feedback' ? 'draft' : 'new',
            problem: saved.error.reason,
            parts,
          }),
        };
      }
      case 'ALREADY_SHARED':
        return {
          text: `You already shared this feedback with ${otherName}; shared feedback stays as it was. Type "feedback" to write more.`,
        };
      case 'NO_UPCOMING_1ON1':
        return {
          text: 'There is no upcoming 1:1 on the calendar for this pair to bring it to. Nothing was saved.',
        };
      case 'NOT_YOURS':
      case 'NOT_MEMBER':
      case 'NO_PAIR':
      case 'AMBIGUOUS_PAIR':
        return { text: 'That feedback is not one of yours. Nothing was changed.' };
    }
  }
  const { feedback, occurrence } = saved.value;
  // A draft changes only its author's agenda: the other person's card is not even touched.
  const recipient = await userByEmail(deps.store, feedback.recipientEmail);
  const except = feedback.state === 'draft' ? recipient?.userId : undefined;
  await refreshAgendaCards(deps, saved.value.pair, occurrence, except);
  if (feedback.state === 'draft')
    return { card: await feedbackCard(deps, pair, user, feedback.id, { state: 'draft', parts: feedback }) };
  return {
    text: `Shared with ${otherName}: it is in the Feedback section of your 1:1 on ${occurrence.start.slice(0, 10)} for you both, and in its summary.`,
  };
}
