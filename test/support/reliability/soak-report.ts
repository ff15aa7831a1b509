import type { SoakReport } from './soak.js';

const n = (value: number) => value.toLocaleString('en-US');
const list = (record: Readonly<Record<string, number>>) =>
  Object.entries(record)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${n(v)}`)
    .join(', ');
const total = (record: Readonly<Record<string, number>>) => Object.values(record).reduce((a, b) => a + b, 0);

/** The invariants of issue 9 item 2 that the run broke, one line each; empty when all held. */
export function violations(report: SoakReport): string[] {
  const { messages, privacy, topics, system } = report;
  const found: string[] = [];
  const add = (what: string, keys: readonly string[]) => {
    if (keys.length > 0) found.push(`${what} (${keys.length}): ${keys.slice(0, 5).join('; ')}`);
  };
  add('lost', messages.lost);
  const extra = new Map<string, number>();
  for (const key of messages.duplicates) extra.set(key, (extra.get(key) ?? 0) + 1);
  add(
    'duplicates not explained by an injected kill between send and write (or more than one)',
    [...extra].filter(([key, count]) => count > 1 || !messages.killed.includes(key)).map(([key]) => key),
  );
  add('sent but not called for', messages.unexpected);
  add('sent for an occurrence cancelled or declined before its agenda', messages.forMissedOccurrences);
  if (messages.unattributed > 0)
    found.push(`${messages.unattributed} delivered cards no delivery handler sent`);
  add('private notes seen outside their author’s chat', privacy.leaks);
  add('topics missing from a later agenda card', topics.missing);
  if (system.poisoned > 0) found.push(`${system.poisoned} queue messages poisoned`);
  if (system.waiting > 0) found.push(`${system.waiting} queue messages still waiting`);
  return found;
}

/** The figures, as printed by the soak test and `npm run soak`. */
export function formatSoak(report: SoakReport, reproduce: string): string {
  const { organisation: org, messages: m, tally, cadence, privacy, topics, system } = report;
  const byKind = (record: Readonly<Record<string, number>>) =>
    `agenda ${n(record['agenda'] ?? 0)}, summary ${n(record['summary'] ?? 0)}, ` +
    `deep dive ${n(record['deepDive'] ?? 0)}, cadence alert ${n(record['cadenceAlert'] ?? 0)}`;
  const broken = violations(report);
  return [
    `soak, seed ${report.seed}: ${report.period.start.slice(0, 10)} → ${report.period.end.slice(0, 10)} on the ` +
      `simulated clock, ${n(org.pairs)} pairs (${n(org.managers)} managers, ${n(org.people)} people, ` +
      `${n(org.withApp)} with the app)`,
    `  calendars: ${n(org.series)} series, ${n(org.occurrences)} occurrences; ${n(total(tally.changes))} changes ` +
      `(${list(tally.changes)})`,
    `  faults injected: ${n(total(tally.faults))} (${list(tally.faults)}); store conflicts caused ` +
      `${n(report.injected.storeConflicts)}, store calls throttled ${n(report.injected.storeThrottled)}`,
    `  messages due: ${n(m.expected)} (${byKind(m.expectedByKind)})`,
    `  received: ${n(m.delivered)} of them (${byKind(m.receivedByKind)}); lost ${n(m.lost.length)}; ` +
      `duplicates ${n(m.duplicates.length)} (${n(m.killed.length)} sends killed before their write: the known ` +
      `at-least-once limit); not called for ${n(m.unexpected.length)}`,
    `  cancelled or declined before their agenda: ${n(m.missedOccurrences)} occurrences, ` +
      `${n(m.forMissedOccurrences.length)} messages sent for them`,
    `  cadence: ${n(cadence.checks)} checks judged by shared/domain/cadence.ts, ${n(cadence.alerts)} alerts by the ` +
      `rule (${n(m.expectedByKind['cadenceAlert'] ?? 0)} to a manager with the app), ` +
      `${n(m.receivedByKind['cadenceAlert'] ?? 0)} received`,
    `  private notes: ${n(privacy.notes)} written, ${n(privacy.shownToAuthor)} shown to their author, ` +
      `${n(privacy.leaks.length)} seen by anyone else`,
    `  topics: ${n(topics.topics)} added from chat, ${n(topics.checked)} later agendas checked, ` +
      `${n(topics.missing.length)} without them`,
    `  system: ${n(system.stats.ticks)} minutes run, ${n(system.stats.handled.sync)} syncs and ` +
      `${n(system.stats.handled.deliver)} deliveries handled (${n(system.stats.failed.sync + system.stats.failed.deliver)} ` +
      `retried by the queue), ${n(system.poisoned)} poisoned, ${n(system.waiting)} left waiting; ` +
      `${n(system.googleRequests)} Google and ${n(system.teamsRequests)} Teams requests`,
    `  invariants: ${broken.length === 0 ? 'all held' : `${broken.length} broken:\n    ${broken.join('\n    ')}`}`,
    `  wall time ${n(report.wallSeconds)} s; reproduce: ${reproduce}`,
  ].join('\n');
}
