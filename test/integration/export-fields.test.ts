import { afterEach, describe, expect, it } from 'vitest';
import { pairIdOf } from '../../shared/domain/index.js';
import { pairOccurrences } from '../../shared/services/one-on-one/occurrences.js';
import { DEV, MARIA, botHarness } from '../support/bot-harness.js';
import { exportFile } from '../support/export-file.js';

type Harness = Awaited<ReturnType<typeof botHarness>>;
let h: Harness;
afterEach(async () => h.stop());

const PAIR = pairIdOf(MARIA, DEV);

/**
 * Every field an export carries, and whose cards show it: `shared` both people's (the 1:1's own
 * data, each document already filtered to what the person may see), `own` the person's own (their
 * profile, their messages, their calendar's event ids), `manager` only the manager's. A field not
 * listed fails the test until someone decides where it belongs.
 */
const FIELDS: Record<string, 'shared' | 'own' | 'manager'> = {
  format: 'own',
  exportedAt: 'own',
  ...fieldsOf('person', 'own', [
    'aadObjectId',
    'addressCheckedAt',
    'calendarId',
    'createdAt',
    'directoryId',
    'email',
    'id',
    'name',
    'reachable',
    'tenantId',
    'timeZone',
    'type',
    'updatedAt',
    'userId',
  ]),
  'pairs[].pairId': 'shared',
  'pairs[].role': 'own',
  ...fieldsOf('pairs[].pair', 'shared', [
    'createdAt',
    'id',
    'lastQuestion.index',
    'lastQuestion.occurrenceId',
    'managerEmail',
    'pairId',
    'questions[].index',
    'questions[].occurrenceId',
    'reportEmail',
    'roles.checkedAt',
    'roles.relation',
    'roles.source',
    'tracking',
    'type',
    'updatedAt',
  ]),
  // the manager's agenda alone carries the tip; the cadence alert goes to the manager alone
  ...fieldsOf('pairs[].pair', 'manager', [
    'coachingTips[].index',
    'coachingTips[].occurrenceId',
    'cadence.alertedFor',
  ]),
  ...fieldsOf('pairs[].series[]', 'shared', [
    'coveredUntil',
    'createdAt',
    'durationMinutes',
    'iCalUID',
    'id',
    'organizerEmail',
    'pairId',
    'recurrence[]',
    'status',
    'timeZone',
    'title',
    'type',
    'updatedAt',
  ]),
  'pairs[].series[].eventIds.<me>': 'own',
  ...fieldsOf('pairs[].occurrences[]', 'shared', [
    'createdAt',
    'end',
    'id',
    'notHeld.at',
    'notHeld.by',
    'originalStart',
    'pairId',
    'seriesId',
    'start',
    'status',
    'type',
    'updatedAt',
  ]),
  ...fieldsOf('pairs[].topics[]', 'shared', [
    'authorEmail',
    'createdAt',
    'done',
    'id',
    'occurrenceId',
    'occurrenceStart',
    'pairId',
    'text',
    'type',
    'updatedAt',
  ]),
  ...fieldsOf('pairs[].notes[]', 'shared', [
    'authorEmail',
    'authorUserId',
    'createdAt',
    'id',
    'occurrenceId',
    'pairId',
    'text',
    'type',
    'updatedAt',
    'visibility',
  ]),
  ...fieldsOf('pairs[].actionItems[]', 'shared', [
    'createdAt',
    'createdBy',
    'done',
    'due',
    'id',
    'occurrenceId',
    'occurrenceStart',
    'ownerEmail',
    'pairId',
    'text',
    'type',
    'updatedAt',
  ]),
  ...fieldsOf('pairs[].deepDiveAnswers[]', 'shared', [
    'authorUserId',
    'createdAt',
    'happiness',
    'id',
    'makeItTen',
    'occurrenceId',
    'pairId',
    'reportEmail',
    'shared',
    'type',
    'updatedAt',
  ]),
  ...fieldsOf('pairs[].messagesToYou[]', 'own', DELIVERY_FIELDS()),
  ...fieldsOf('trustDigests[]', 'own', DELIVERY_FIELDS()),
};

function DELIVERY_FIELDS() {
  return [
    'activityId',
    'attempts',
    'conversationId',
    'createdAt',
    'id',
    'kind',
    'occurrenceId',
    'pairId',
    'recipientUserId',
    'sendingSince',
    'state',
    'type',
    'updatedAt',
  ];
}

function fieldsOf<C extends string>(prefix: string, kind: C, names: string[]): Record<string, C> {
  return Object.fromEntries(names.map((name) => [`${prefix}.${name}`, kind]));
}

/** Every field path of a JSON value, array items as `[]`, the exporter's email as a key `<me>`. */
function pathsOf(value: unknown, me: string, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => pathsOf(item, me, `${prefix}[]`));
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) =>
    pathsOf(inner, me, `${prefix === '' ? '' : `${prefix}.`}${key === me ? '<me>' : key}`),
  );
}

async function exported(email: string): Promise<string[]> {
  return [...new Set(pathsOf((await exportFile(h.teams, email)).json, email))].sort();
}

describe('export fields', () => {
  it("lists every field of both people's files: the report's has nothing only the manager's cards show", async () => {
    h = await botHarness();
    await h.install(MARIA, DEV);
    await h.teams.say(DEV, 'add Career path');
    await h.teams.say(DEV, 'private Thinking about the platform team');
    await h.teams.say(MARIA, 'private Dev seemed tired');
    await h.teams.say(MARIA, 'note Agreed to split the project');
    await h.teams.say(MARIA, 'action @dev Send the design doc by 2026-03-20');
    const [first] = await pairOccurrences(h.store, PAIR);
    await h.teams.invoke(DEV, {
      verb: 'submitDeepDive',
      data: {
        pairId: PAIR,
        occurrenceId: first?.id ?? '',
        happiness: '4',
        makeItTen: 'Less on-call',
        share: 'true',
      },
    });
    await h.at('2026-03-02T09:00:00Z'); // agendas (a coaching tip for Maria) and Maria's trust digest
    await h.at('2026-03-03T08:50:00Z'); // the summaries; Maria says the 1:1 did not happen (both summaries show it)
    await h.teams.invoke(MARIA, { verb: 'notHeld', data: { pairId: PAIR, occurrenceId: first?.id ?? '' } });
    for (const calendar of [MARIA, DEV])
      for (const start of ['2026-03-10T08:00:00Z', '2026-03-17T08:00:00Z'])
        h.calendar.fake.cancelOccurrence(calendar, 'weekly-dev', start);
    await h.calendar.drainSyncs();
    await h.at('2026-03-17T08:05:00Z'); // two missed in a row: Maria's cadence alert

    const manager = await exported(MARIA);
    const report = await exported(DEV);
    expect([...manager, ...report].filter((path) => FIELDS[path] === undefined)).toEqual([]);
    expect(report.filter((path) => FIELDS[path] === 'manager')).toEqual([]);
    // the manager-only fields are there to be left out: the history above makes each of them
    expect(manager.filter((path) => FIELDS[path] === 'manager')).toEqual(
      Object.keys(FIELDS)
        .filter((path) => FIELDS[path] === 'manager')
        .sort(),
    );
    // and the list names nothing neither file has (it is the files' list, not a wish)
    expect(Object.keys(FIELDS).filter((path) => !manager.includes(path) && !report.includes(path))).toEqual(
      [],
    );
  });
});
