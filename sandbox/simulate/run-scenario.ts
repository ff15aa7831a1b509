import { LOCAL_TENANT } from '../../shared/config.js';
import { parseDomainMap, utc } from '../../shared/domain/index.js';
import { trustDigestPartition } from '../../shared/services/one-on-one/trust-digest.js';
import { pairDocs } from '../../shared/services/pair-docs.js';
import { userByEmail } from '../../shared/services/people.js';
import type { Store } from '../../shared/ports.js';
import { startBotSystem } from '../local/bot-system.js';
import { calendarHarness } from '../local/calendar-system.js';
import { dueTimesAround } from '../local/due-times.js';
import { directoryEntries } from './directory-step.js';
import type { Scenario } from './scenario.js';
import { simulatedFunctions } from './simulated-functions.js';
import { Recorder, type TranscriptLine } from './transcript.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Replays a scenario on the simulated clock through the real code: the fake Google Calendar and
 * the real Google adapter, the function handlers (calendar webhook over HTTP, calendar sync, the
 * hourly calendar channels and every-minute scheduler timers, the deliver queue function), the
 * Teams SDK bot over HTTP and the fake Teams. Queues are in memory. Returns the transcript in time order.
 */
export async function runScenario(scenario: Scenario): Promise<Omit<TranscriptLine, 'activityId'>[]> {
  const managers = Object.fromEntries(
    scenario.people.flatMap((p) => (p.manager ? [[p.email, p.manager]] : [])),
  );
  // The fake Google directory holds whoever has a manager, is one, or has aliases; anyone else is
  // a person the directory does not know, as in production.
  const directory = scenario.people.flatMap((p) =>
    p.aliases
      ? [{ primaryEmail: p.email, aliases: p.aliases, ...(p.manager ? { manager: p.manager } : {}) }]
      : [],
  );
  const domainMap = parseDomainMap(scenario.settings?.domainMap ?? '');
  const addressRules = { domainMap: domainMap.ok ? domainMap.value : {} };
  const calendar = await calendarHarness({
    start: scenario.start,
    managers,
    directory,
    addressRules,
    settings: {
      ...(scenario.settings?.agendaLeadMinutes === undefined
        ? {}
        : { agendaLeadMinutes: scenario.settings.agendaLeadMinutes }),
      ...(scenario.settings?.summaryDelayMinutes === undefined
        ? {}
        : { summaryDelayMinutes: scenario.settings.summaryDelayMinutes }),
    },
  });
  const now = () => calendar.time.clock.now();
  let emailOf: (conversationId: string) => string = () => '';
  const recorder = new Recorder(now, (id) => emailOf(id));
  const system = await startBotSystem(calendar, {
    tenantId: LOCAL_TENANT,
    people: scenario.people.map((p) => ({
      email: p.email,
      name: p.name,
      timeZone: p.timeZone,
      ...(p.teamsEmail === undefined ? {} : { profileEmail: p.teamsEmail }),
    })),
    addressRules,
    rateLimits: false,
    now: () => now().getTime(),
    wrapMessenger: (messenger) => recorder.wrap(messenger),
  });
  emailOf = (id) => system.teams.conversations().find((c) => c.id === id)?.email ?? '';
  const run = simulatedFunctions(system.root, calendar.queued, calendar.logs);
  // A message's kind, pair and occurrence are fixed when it is sent (docs/simulation.md): read from the
  // delivery records after each step and minute that sent something, never again later, since a
  // later erasure removes the records.
  const labels: Labels = new Map();
  const entries = directoryEntries(scenario.people, calendar.fake);
  let labelled = 0;
  const label = async () => {
    if (recorder.lines.length === labelled) return;
    labelled = recorder.lines.length;
    for (const [activityId, known] of await deliveryIndex(calendar.store, scenario.people))
      if (!labels.has(activityId)) labels.set(activityId, known);
  };
  try {
    for (const [email, events] of Object.entries(scenario.calendars)) {
      for (const [i, event] of events.entries())
        await asInput(`calendars.${email}[${i}]`, () => calendar.fake.upsertEvent(email, event));
    }
    for (const person of scenario.people) if (person.teams) await system.teams.install(person.email);
    await calendar.drainSyncs();

    // "in order" of their time; steps at the same time keep the order of the file
    const steps = scenario.steps
      .map((step, index) => ({ step, index }))
      .sort((a, b) => a.step.at.localeCompare(b.step.at) || a.index - b.index);
    const end = new Date(scenario.end).getTime();
    /**
     * The next minute after `t` in which something can happen: a step, the hourly timer, a job due,
     * a delivery to retry. The minutes between would only run a scheduler with nothing due, so the
     * transcript is the same as going minute by minute, in a fraction of the time.
     */
    const nextMinute = async (t: number): Promise<number> => {
      const next = t + MINUTE;
      if (run.waiting() > 0 || calendar.queued.messages.length > 0) return next;
      const candidates = [Math.ceil(next / HOUR) * HOUR];
      if (steps[0] !== undefined) candidates.push(new Date(steps[0].step.at).getTime());
      candidates.push(...(await dueTimesAround(calendar.store, t)));
      return Math.ceil(Math.max(next, Math.min(...candidates)) / MINUTE) * MINUTE;
    };
    for (let t = new Date(scenario.start).getTime(); t <= end; t = await nextMinute(t)) {
      calendar.time.set(new Date(t).toISOString());
      while (steps[0] !== undefined && new Date(steps[0].step.at).getTime() <= t) {
        const next = steps.shift();
        if (next === undefined) break;
        const { step, index } = next;
        calendar.time.set(step.at);
        if ('say' in step) await asInput(`steps[${index}].say`, () => system.teams.say(step.as, step.say));
        else if ('change' in step)
          await asInput(`steps[${index}].change`, () =>
            applyChange(calendar.fake, step.calendar, step.change),
          );
        else if ('directory' in step) entries.change(step.directory, step.set);
        else {
          await label();
          await asInput(`steps[${index}].press`, () => press(system, recorder, labels, step.as, step.press));
        }
        await calendar.drainSyncs();
        await run.deliveries();
        await label();
      }
      calendar.time.set(new Date(t).toISOString());
      if (t % (60 * MINUTE) === 0) {
        await run.calendarChannels();
        await calendar.drainSyncs();
      }
      await run.scheduler();
      await run.deliveries();
      await label();
    }
    await label();
    return finish(recorder.lines, labels);
  } finally {
    await system.stop();
    await calendar.stop();
  }
}

/** A scenario that parsed but cannot be played: the message names the part of the file at fault. */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
}

/** Runs what applies one part of the scenario; its failure is the file's fault, named by `where`. */
async function asInput<T>(where: string, apply: () => T | Promise<T>): Promise<T> {
  try {
    return await apply();
  } catch (error) {
    throw new ScenarioError(`${where}: ${(error as Error).message}`);
  }
}

/**
 * A calendar change as Google would list it. A cancelled occurrence may carry only the fields Google
 * guarantees (`id`, `recurringEventId`, `originalStartTime`); the fake cancels that occurrence.
 */
function applyChange(
  fake: Awaited<ReturnType<typeof calendarHarness>>['fake'],
  calendarId: string,
  change: Record<string, unknown>,
): void {
  const original = (change['originalStartTime'] as { dateTime?: unknown } | undefined)?.dateTime;
  const master = change['recurringEventId'];
  if (
    change['status'] === 'cancelled' &&
    change['start'] === undefined &&
    typeof master === 'string' &&
    typeof original === 'string'
  ) {
    fake.cancelOccurrence(calendarId, master, utc(original));
    return;
  }
  fake.upsertEvent(calendarId, change);
}

/** Presses the action titled `action` on the latest card of `kind` the person received. */
async function press(
  system: Awaited<ReturnType<typeof startBotSystem>>,
  recorder: Recorder,
  index: Map<string, { kind: string }>,
  as: string,
  what: { kind: string; action: string; inputs: Record<string, unknown> },
): Promise<void> {
  const kindOf = (l: TranscriptLine) => index.get(l.activityId)?.kind ?? l.kind;
  const line = [...recorder.lines]
    .reverse()
    .find((l) => l.to === as && kindOf(l) === what.kind && l.card !== undefined);
  const action = line?.card === undefined ? undefined : findAction(line.card, what.action);
  if (line === undefined || action === undefined) {
    throw new Error(`press: ${as} has no ${what.kind} card with an action titled "${what.action}"`);
  }
  const reply = await system.teams.invoke(
    as,
    { verb: action.verb, data: { ...action.data, ...what.inputs } },
    line.activityId,
  );
  const body = reply.body as { type?: string; value?: unknown } | undefined;
  if (body?.type === 'application/vnd.microsoft.card.adaptive') {
    recorder.add(as, 'update', line.activityId, body.value as Record<string, unknown>);
  } else if (typeof body?.value === 'string') {
    // the answer to the press, at the time of the press (not of the card pressed)
    recorder.add(as, 'update', `${line.activityId}-reply`, undefined, body.value);
  }
}

function findAction(
  node: unknown,
  title: string,
): { verb: string; data: Record<string, unknown> } | undefined {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = findAction(item, title);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof node !== 'object' || node === null) return undefined;
  const record = node as Record<string, unknown>;
  if (
    record['type'] === 'Action.Execute' &&
    record['title'] === title &&
    typeof record['verb'] === 'string'
  ) {
    return { verb: record['verb'], data: (record['data'] as Record<string, unknown> | undefined) ?? {} };
  }
  for (const value of Object.values(record)) {
    const found = findAction(value, title);
    if (found) return found;
  }
  return undefined;
}

/** Every message sent through a delivery record, by its Teams activity id. */
async function deliveryIndex(
  store: Store,
  people: readonly { readonly email: string }[],
): Promise<Map<string, { kind: string; pair: string; occurrence: string }>> {
  const calendars = await store.calendars.scan({ limit: 1000 });
  const pairIds = new Set(calendars.items.flatMap((c) => Object.values(c.doc.tracked).map((t) => t.pairId)));
  const byActivity = new Map<string, { kind: string; pair: string; occurrence: string }>();
  for (const pairId of pairIds) {
    const occurrences = new Map(
      (await pairDocs(store, pairId, 'occurrence')).map((o) => [o.id, o.originalStart]),
    );
    for (const delivery of await pairDocs(store, pairId, 'delivery')) {
      if (delivery.activityId === undefined) continue;
      byActivity.set(delivery.activityId, {
        kind: delivery.kind,
        pair: pairId,
        occurrence: occurrences.get(delivery.occurrenceId) ?? '',
      });
    }
  }
  // a manager's monthly trust digest is kept per manager, not per pair: no pair, no occurrence
  for (const { email } of people) {
    const user = await userByEmail(store, email);
    if (user === undefined) continue;
    const digests = await store.pairs.list(trustDigestPartition(user.userId), {
      type: 'delivery',
      limit: 1000,
    });
    for (const { doc } of digests.items)
      if (doc.type === 'delivery' && doc.activityId !== undefined)
        byActivity.set(doc.activityId, { kind: doc.kind, pair: '', occurrence: '' });
  }
  return byActivity;
}

/** What the delivery records said of each message when it was sent, by its Teams activity id. */
type Labels = Map<string, { kind: string; pair: string; occurrence: string }>;

/** Fills kind, pair and occurrence from the labels taken as messages were sent, and orders the lines by time. */
function finish(lines: TranscriptLine[], byActivity: Labels): Omit<TranscriptLine, 'activityId'>[] {
  return lines
    .map(({ activityId, ...line }) => {
      const known = byActivity.get(activityId);
      const { at, to, op, text, card } = line;
      // the field order of docs/simulation.md
      return {
        at,
        to,
        kind: known?.kind ?? line.kind,
        op,
        ...(known === undefined || known.pair === ''
          ? {}
          : { pair: known.pair, occurrence: known.occurrence }),
        text,
        ...(card === undefined ? {} : { card }),
      };
    })
    .map((line, index) => ({ line, index }))
    .sort((a, b) => a.line.at.localeCompare(b.line.at) || a.index - b.index)
    .map(({ line }) => line);
}
