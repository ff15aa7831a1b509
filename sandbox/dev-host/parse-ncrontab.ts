import { Cron } from 'croner';

/** A parsed NCRONTAB schedule: its next occurrence strictly after a time (UTC, whole seconds). */
export interface NcrontabSchedule {
  readonly expression: string;
  next(after: Date): Date | undefined;
}

const FIELDS = ['second', 'minute', 'hour', 'day', 'month', 'day of week'] as const;

/**
 * Croner, set to read an expression the way the Functions timer trigger does (NCrontab with seconds):
 * six fields, a `5/20` step counting from 5, and a day that must match both the day and the day of week.
 */
const options = {
  timezone: 'UTC',
  mode: '6-part',
  sloppyRanges: true,
  domAndDow: true,
} as const;

/**
 * Parses an NCRONTAB expression: six fields `{second} {minute} {hour} {day} {month} {day-of-week}`, each
 * `*`, `n`, `a-b`, a list `a,b`, or a step `* /n`, `a-b/n`, `a/n`; months and days may be named (`Jan`,
 * `mon`). Times are UTC (the host's default without WEBSITE_TIME_ZONE). Throws a message naming the
 * field on a bad expression, and on what croner reads but NCrontab does not (`L`, `W`, `#`, `?`, `7`).
 */
export function parseNcrontab(expression: string): NcrontabSchedule {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 6) {
    throw new Error(
      `schedule '${expression}': an NCRONTAB expression has 6 fields ({second} {minute} {hour} {day} {month} {day-of-week}), got ${parts.length}`,
    );
  }
  parts.forEach((text, index) => checkField(expression, index, text));
  const cron = new Cron(parts.join(' '), options);
  return { expression, next: (after) => cron.nextRun(after) ?? undefined };
}

/** One field on its own, so that what is wrong names its field. */
function checkField(expression: string, index: number, text: string): void {
  const fail = (why: string): never => {
    throw new Error(`schedule '${expression}': the ${FIELDS[index]} field '${text}' ${why}`);
  };
  if (/[?#@]/.test(text) || /(^|[^a-z])[lw]($|[^a-z])|\d[lw]/i.test(text)) fail('uses a form NCrontab lacks');
  if (index === 5 && /(^|[,-])7($|[,/-])/.test(text)) fail('has 7, outside 0-6');
  const alone = FIELDS.map((_, i) => (i === index ? text : '*')).join(' ');
  try {
    new Cron(alone, options);
  } catch (error) {
    const why = (error as Error).message
      .replace(/^CronPattern: /, '')
      .replace(/From value is larger than to value/, 'the range runs backwards');
    fail(`is not valid: ${why}`);
  }
}
