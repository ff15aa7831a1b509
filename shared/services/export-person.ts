import {
  canSee,
  canSeeFeedback,
  gaveAnswers,
  hasTrustedRoles,
  type PairDoc,
  type User,
} from '../domain/index.js';
import type { Store } from '../ports.js';
import { trustDigestPartition } from './one-on-one/trust-digest.js';
import { allDocs, pairDocs } from './pair-docs.js';
import { pairsOf } from './people.js';

/** The export file's format version: a reader can rely on the fields of its version. */
export const EXPORT_FORMAT = 'steady-export/1';

/**
 * Everything Steady keeps that a person may see, as one JSON document: their profile (without the
 * chat address, which is Teams' and not theirs), and for each of their 1:1s the pair, its series and
 * occurrences, topics, action items, the notes they may see (the other person's private notes are not
 * theirs), the feedback they may see (a draft only its author), the pair's growth plans, the deep-dive answers they may see
 * (a manager only what the report shared) and the messages Steady sent them. Nothing of anyone else's 1:1s,
 * nothing of the other person's calendar (their event ids), and for a report not what only the manager's
 * cards show (the coaching tips, the cadence alert's state).
 * A manager's file also has the record of each monthly trust digest sent to them (kept under their own
 * user id, so no one else's file has it; empty for anyone who manages nobody).
 */
export async function exportPerson(store: Store, user: User, exportedAt: string) {
  const { conversation: _chatAddress, ...profile } = user;
  const pairs = [];
  for (const pair of await pairsOf(store, user)) {
    const docs = await allDocs(store.pairs, pair.pairId);
    const of = <K extends PairDoc['type']>(type: K) =>
      docs.filter((doc): doc is Extract<PairDoc, { type: K }> => doc.type === type);
    const me = user.email;
    const role = pair.managerEmail === me ? 'manager' : 'report';
    // The coaching tips and the cadence alert's state are the manager's alone: the report's file leaves them out.
    const { coachingTips: _tips, cadence: _alerted, ...forReport } = pair;
    pairs.push({
      pairId: pair.pairId,
      role,
      // and so does an organizer's file while nobody has said they manage the other
      pair: role === 'manager' && hasTrustedRoles(pair) ? pair : forReport,
      // each person's calendar event ids are their calendar's: the file keeps only the person's own
      series: of('series').map((series) => ({
        ...series,
        eventIds: Object.fromEntries(Object.entries(series.eventIds).filter(([email]) => email === me)),
      })),
      occurrences: of('occurrence').map(({ jobs: _internal, ...occurrence }) => occurrence),
      topics: of('topic'),
      notes: of('note').filter((note) => canSee(note, user)),
      actionItems: of('actionItem'),
      feedback: of('feedback').filter((f) => canSeeFeedback(f, user)),
      growthPlans: of('growthPlan'),
      conversationPlans: of('conversationPlan'),
      deepDiveAnswers: of('deepDiveAnswer').filter((a) => a.shared || gaveAnswers(a, user)),
      messagesToYou: of('delivery').filter((d) => d.recipientUserId === user.userId),
    });
  }
  const trustDigests = await pairDocs(store, trustDigestPartition(user.userId), 'delivery');
  return { format: EXPORT_FORMAT, exportedAt, person: profile, pairs, trustDigests };
}
