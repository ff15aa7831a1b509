import rrule from 'rrule';
import type { Options } from 'rrule';
import { fromFloating, isTimeZone, toFloating } from './time-zone.js';

// rrule ships CommonJS without named exports Node can see; the default import is the module object.
const { RRule } = rrule;

/**
 * An event's `recurrence` lines in floating time of the series' zone. UNTIL and Z-suffixed dates are
 * instants and get converted here, so expansion can run rrule without its `tzid` (whose results depend
 * on the host's zone).
 */
export interface Recurrence {
  rules: Partial<Options>[];
  rdates: number[];
  exdates: number[];
}

const VALUE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/;
const DAY = 86_400_000;

/** Throws on a line it cannot read: recurrence only comes from the control API, so that is a test's bug. */
export function parseRecurrence(lines: readonly string[], timeZone: string): Recurrence {
  const recurrence: Recurrence = { rules: [], rdates: [], exdates: [] };
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) throw new Error(`recurrence line without a value: ${line}`);
    const [rawName = '', ...rawParams] = line.slice(0, colon).split(';');
    const params = new Map(
      rawParams.map((param) => [
        param.slice(0, param.indexOf('=')).toUpperCase(),
        param.slice(param.indexOf('=') + 1),
      ]),
    );
    const value = line.slice(colon + 1);
    switch (rawName.toUpperCase()) {
      case 'RRULE':
        recurrence.rules.push(parseRule(value, timeZone));
        break;
      case 'EXDATE':
      case 'RDATE': {
        if (params.get('VALUE')?.toUpperCase() === 'PERIOD')
          throw new Error(`PERIOD values are not supported: ${line}`);
        const zone = params.get('TZID');
        if (zone !== undefined && !isTimeZone(zone)) throw new Error(`unknown TZID in ${line}`);
        const dates = value.split(',').map((item) => toSeriesFloating(item, zone, timeZone, line));
        (rawName.toUpperCase() === 'EXDATE' ? recurrence.exdates : recurrence.rdates).push(...dates);
        break;
      }
      default:
        throw new Error(`unsupported recurrence line: ${line}`);
    }
  }
  return recurrence;
}

function parseRule(value: string, timeZone: string): Partial<Options> {
  const untilMatch = /(?:^|;)UNTIL=([^;]*)/i.exec(value);
  const withoutUntil = value
    .split(';')
    .filter((part) => !/^UNTIL=/i.test(part))
    .join(';');
  const options = RRule.parseString(withoutUntil);
  if (options.freq === undefined) throw new Error(`RRULE without a valid FREQ: ${value}`);
  if (untilMatch?.[1] !== undefined) {
    const until = toSeriesFloating(untilMatch[1], undefined, timeZone, value);
    // A date-only UNTIL includes that whole day.
    options.until = new Date(/T/.test(untilMatch[1]) ? until : until + DAY - 1000);
  }
  return options;
}

function toSeriesFloating(item: string, zone: string | undefined, timeZone: string, line: string): number {
  const match = VALUE.exec(item.trim());
  if (!match) throw new Error(`unreadable date ${item} in ${line}`);
  const [, y, mo, d, h = '00', mi = '00', s = '00', z] = match;
  const floating = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (z) return toFloating(floating, timeZone);
  if (zone && zone !== timeZone) return toFloating(fromFloating(floating, zone), timeZone);
  return floating;
}
