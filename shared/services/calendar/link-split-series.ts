import { isBefore, type Series } from '../../domain/index.js';
import type { CalendarDeps } from './deps.js';

/**
 * "This and following" splits one series in two: the old one ends (UNTIL), a new one starts with a
 * new iCalUID. Within a pair, an active series that starts after an ended one continues it.
 */
export async function linkSplitSeries(deps: CalendarDeps, pairIds: ReadonlySet<string>): Promise<void> {
  for (const pairId of pairIds) {
    const page = await deps.store.pairs.list(pairId, { type: 'series', limit: 1000 });
    const series = page.items.map((item) => item.doc);
    for (const next of series) {
      if (next.status !== 'active' || next.continuesSeriesId !== undefined) continue;
      const previous = latestEndedBefore(series, next);
      if (previous === undefined) continue;
      await deps.store.pairs.upsert({ ...next, continuesSeriesId: previous.id });
    }
  }
}

function latestEndedBefore(all: readonly Series[], next: Series): Series | undefined {
  let best: Series | undefined;
  for (const candidate of all) {
    if (candidate.id === next.id || candidate.status !== 'ended' || candidate.endsAt === undefined) continue;
    if (isBefore(next.createdAt, candidate.createdAt)) continue;
    if (best?.endsAt === undefined || isBefore(best.endsAt, candidate.endsAt)) best = candidate;
  }
  return best;
}
