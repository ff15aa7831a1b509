import type { User } from '../../shared/domain/index.js';
import type { CardRenderer } from '../../shared/services/delivery/card-renderer.js';
import type { CadenceAlert } from '../../shared/services/one-on-one/cadence.js';
import type { Store } from '../../shared/ports.js';
import type { CardDataOf } from '../cards/card-data.js';
import type { RenderCard } from './bot-deps.js';
import { deepDiveData } from './deep-dive.js';
import { agendaCardData, dayIn, nameOf } from './present.js';
import { summaryWithHeld } from './summary-card.js';
import { trustDigestData } from './trust-digest.js';

/**
 * The core's card renderer port, in Teams' terms: each view the core decided on becomes its card's data
 * (names looked up, times in the viewer's zone) and then an Adaptive Card from its template.
 */
export function createCardRenderer(store: Store, renderCard: RenderCard): CardRenderer {
  return {
    agenda: async (view, viewer) => renderCard('agenda', await agendaCardData(store, view, viewer.timeZone)),
    summary: async (view, viewer, held) =>
      renderCard('summary', await summaryWithHeld(store, view, viewer, held)),
    deepDive: async (view) => renderCard('deepDive', await deepDiveData(store, view)),
    trustDigest: async (digest) => renderCard('trustDigest', await trustDigestData(store, digest)),
    cadenceAlert: async (alert, manager, now) =>
      renderCard('cadenceAlert', await cadenceAlertData(store, alert, manager, now)),
  };
}

/** The alert's data: the report's name, and each missed date in the manager's zone, marked when still ahead. */
async function cadenceAlertData(
  store: Store,
  alert: CadenceAlert,
  manager: User,
  now: Date,
): Promise<CardDataOf<'cadenceAlert'>> {
  const dates = alert.dates.map((date) => ({
    day: dayIn(date, manager.timeZone),
    ahead: new Date(date) > now,
  }));
  return {
    reportName: await nameOf(store, alert.reportEmail),
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
