import { utc, type User } from '../../shared/domain/index.js';
import { confirmRoles } from '../../shared/services/one-on-one/confirm-roles.js';
import { currentOrNextOccurrence } from '../../shared/services/one-on-one/occurrences.js';
import type { CardAction } from '../cards/card-action.js';
import { agendaCard, refreshAgendaCards } from '../../shared/services/delivery/cards.js';
import type { BotDeps, CardReply } from './bot-deps.js';
import { nameOf } from './names.js';

type RolesData = Extract<CardAction, { verb: 'confirmRoles' }>['data'];

/**
 * "Is X your report?" answered on an agenda: checked on the server (the presser is from the
 * authenticated activity; `confirmRoles` says who may answer what), then both agenda cards show the
 * roles as they now are. A refused press changes nothing and says why.
 */
export async function onConfirmRoles(deps: BotDeps, user: User, data: RolesData): Promise<CardReply> {
  const answered = await confirmRoles(deps, user, data.pairId, data);
  if (!answered.ok) {
    switch (answered.error.code) {
      case 'NOT_YOURS':
        return { text: 'That 1:1 is not one of yours. Nothing was changed.' };
      case 'DIRECTORY_DECIDES':
        return {
          text: 'Your organisation’s directory says who manages whom in this 1:1 (it names the manager of each person it knows, and no answer in chat changes that); ask your admin to correct it there. Nothing was changed.',
        };
      case 'AWAITING_OTHER':
        return {
          text: 'You have answered; the other person agrees or answers otherwise next. Nothing was changed.',
        };
      case 'NOT_ASKED':
        return {
          text: `${await nameOf(deps.store, answered.error.askedEmail)} answers this first; you can correct it afterwards. Nothing was changed.`,
        };
      case 'ALREADY_ANSWERED':
        return { text: 'Who manages whom in this 1:1 is already answered. Nothing was changed.' };
      case 'NOT_YET_ANSWERED':
        return { text: 'Nobody has answered who manages whom in this 1:1 yet. Nothing was changed.' };
    }
  }
  const { pair, changed } = answered.value;
  const occurrence = await currentOrNextOccurrence(deps.store, pair.pairId, utc(deps.clock.now()));
  if (occurrence === undefined) return { text: 'Thanks: saved.' };
  if (changed) await refreshAgendaCards(deps, pair, occurrence, user.userId);
  return { card: await agendaCard(deps, pair, occurrence, user) };
}
