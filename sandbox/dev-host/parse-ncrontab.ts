/** A parsed NCRONTAB schedule: its next occurrence strictly after a time (UTC, whole seconds). */
export interface NcrontabSchedule {
  readonly expression: string;
  next(after: Date): Date | undefined;
}

interface Field {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september'];
const FIELDS: readonly Field[] = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: [...MONTHS, 'october', 'november', 'december'] },
  {
    name: 'day of week',
    min: 0,
    max: 6,
    names: ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
  },
];

/** How far ahead `next` looks before it calls a schedule impossible (e.g. `0 0 0 30 2 *`). */
const HORIZON_YEARS = 30;

/**
 * Parses an NCRONTAB expression the way the Functions timer trigger does (NCrontab with seconds):
 * six fields `{second} {minute} {hour} {day} {month} {day-of-week}`, each `*`, `n`, `a-b`, a list
 * `a,b`, or a step `* /n`, `a-b/n`, `a/n` (= `a-max/n`); months and days may be named (`Jan`, `mon`).
 * As in NCrontab, a day must match both the day field and the day-of-week field. Times are UTC (the
 * host's default without WEBSITE_TIME_ZONE). Throws a message naming the field on a bad expression.
 */
export function parseNcrontab(expression: string): NcrontabSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new Error(
      `schedule '${expression}': an NCRONTAB expression has 6 fields ({second} {minute} {hour} {day} {month} {day-of-week}), got ${parts.length}`,
    );
  }
  const sets = FIELDS.map((field, i) => parseField(expression, field, parts[i] ?? ''));
  const [seconds, minutes, hours, days, months, weekdays] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];

  const next = (after: Date): Date | undefined => {
    const t = new Date(Math.floor(after.getTime() / 1000) * 1000 + 1000);
    const limit = after.getUTCFullYear() + HORIZON_YEARS;
    while (t.getUTCFullYear() <= limit) {
      if (!months.has(t.getUTCMonth() + 1)) {
        t.setUTCMonth(t.getUTCMonth() + 1, 1);
        t.setUTCHours(0, 0, 0, 0);
      } else if (!days.has(t.getUTCDate()) || !weekdays.has(t.getUTCDay())) {
        t.setUTCDate(t.getUTCDate() + 1);
        t.setUTCHours(0, 0, 0, 0);
      } else if (!hours.has(t.getUTCHours())) {
        t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      } else if (!minutes.has(t.getUTCMinutes())) {
        t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
      } else if (!seconds.has(t.getUTCSeconds())) {
        t.setUTCSeconds(t.getUTCSeconds() + 1, 0);
      } else {
        return t;
      }
    }
    return undefined;
  };
  return { expression, next };
}

function parseField(expression: string, field: Field, text: string): Set<number> {
  const fail = (why: string): never => {
    throw new Error(`schedule '${expression}': the ${field.name} field '${text}' ${why}`);
  };
  const value = (token: string): number => {
    if (/^\d+$/.test(token)) {
      const n = Number(token);
      if (n < field.min || n > field.max) fail(`has ${n}, outside ${field.min}-${field.max}`);
      return n;
    }
    const lower = token.toLowerCase();
    const index = /^[a-z]+$/.test(lower) ? (field.names?.findIndex((n) => n.startsWith(lower)) ?? -1) : -1;
    if (index < 0) return fail(`has '${token}', not a number${field.names ? ' or a name' : ''}`);
    return index + field.min;
  };

  const set = new Set<number>();
  for (const item of text.split(',')) {
    const [range = '', stepText, ...extra] = item.split('/');
    if (extra.length > 0) fail('has more than one /');
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number(stepText) === 0) fail(`has the step '${stepText}'`);
      step = Number(stepText);
    }
    let from: number;
    let to: number;
    if (range === '*') {
      [from, to] = [field.min, field.max];
    } else if (range.includes('-')) {
      const [a = '', b = '', ...more] = range.split('-');
      if (more.length > 0) fail('has a range with more than one -');
      [from, to] = [value(a), value(b)];
      if (from > to) fail(`has the range ${a}-${b}, which runs backwards`);
    } else {
      from = value(range);
      to = stepText === undefined ? from : field.max;
    }
    for (let n = from; n <= to; n += step) set.add(n);
  }
  return set;
}
