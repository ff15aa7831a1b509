import { declinedSeriesOf, type DeclinedSeries, type Occurrence } from '../../domain/index.js';
import type { Store } from '../../ports.js';
import { pairDocs } from '../pair-docs.js';

/**
 * The series of a pair someone declined from a date on (`declinedSeriesOf`), among its active series:
 * the declines of an ended, deleted or split series' last occurrences are only declines.
 */
export async function seriesDeclines(
  store: Store,
  pairId: string,
  occurrences: readonly Occurrence[],
): Promise<DeclinedSeries[]> {
  const declines: DeclinedSeries[] = [];
  for (const series of await pairDocs(store, pairId, 'series')) {
    if (series.status !== 'active') continue;
    const declined = declinedSeriesOf(occurrences.filter((o) => o.seriesId === series.id));
    if (declined !== undefined) declines.push(declined);
  }
  return declines;
}
