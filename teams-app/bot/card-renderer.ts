import type { User } from '../../shared/domain/index.js';
import type { CardRenderer } from '../../shared/services/delivery/card-renderer.js';
import type { CadenceAlert } from '../../shared/services/one-on-one/cadence.js';
import type { Store } from '../../shared/ports.js';
import type { CardDataOf } from '../cards/card-data.js';
import type { RenderCard } from './bot-deps.js';
import { deepDiveData } from './deep-dive.js';
import { namesOf, pairNames, type Names } from './names.js';
import { agendaCardData, dayIn } from './present.js';
import { summaryWithHeld } from './summary-card.js';
import { trustDigestData } from './trust-digest.js';

/**
 * The core's card renderer port, in Teams' terms: the names a view needs are read first, then a pure
 * presenter makes the card's data (times in the viewer's zone) and the template the Adaptive Card.
 */
export function createCardRenderer(store: Store, renderCard: RenderCard): CardRenderer {
  return {
    agenda: async (view, viewer) =>
      renderCard('agenda', agendaCardData(view, await pairNames(store, view.pair), viewer.timeZone)),
    summary: async (view, viewer, held) => {
      const { managerEmail, reportEmail } = view.pair;
      const names = await namesOf(store, [
        managerEmail,
        reportEmail,
        ...(held?.state === 'notHeld' ? [held.by] : []),
      ]);
      return renderCard('summary', summaryWithHeld(view, viewer, held, names));
    },
    deepDive: async (view) => renderCard('deepDive', deepDiveData(view, await pairNames(store, view.pair))),
    trustDigest: async (digest) => {
      const reports = [...digest.cadence, ...digest.happinessFell].map((line) => line.reportEmail);
      return renderCard('trustDigest', trustDigestData(digest, await namesOf(store, reports)));
    },
    cadenceAlert: async (alert, manager, now) =>
      renderCard(
        'cadenceAlert',
        cadenceAlertData(alert, manager, now, await namesOf(store, [alert.reportEmail])),
      ),
  };
}

/** The alert's data: the report's name, and each missed date in the manager's zone, marked when still ahead. */
function cadenceAlertData(
  alert: CadenceAlert,
  manager: User,
  now: Date,
  names: Names,
): CardDataOf<'cadenceAlert'> {
  const dates = alert.dates.map((date) => ({
    day: dayIn(date, manager.timeZone),
    ahead: new Date(date) > now,
  }));
  return {
    reportName: names.get(alert.reportEmail) ?? alert.reportEmail,
    missed: alert.missed,
    window: alert.window,
    dates,
    ...(alert.declined === undefined
      ? {}
      : {
          declined: {
            byManager: alert.declined.by === alert.managerEmail,
            from: dayIn(alert.declined.from, manager.timeZone),
            count: alert.declined.count,
          },
        }),
    pattern: alert.pattern,
  };
}
