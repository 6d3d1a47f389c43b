/**
 * Calendar dates and instants without a time-zone library: `YYYY-MM-DD` checks for dates and date
 * ranges, ISO instants parsed without allocating, whole-day arithmetic on the calendar, and an
 * instant's date in a zone through `Intl`. A widget that only checks, shifts or shows dates imports
 * this module; arithmetic in a dealer's zone (DST, business hours, previous periods) is in
 * `time.ts`, with luxon.
 */
import { AdapterError } from '../errors.js';
import type { DateRange } from '../model.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

function rejected(message: string): AdapterError {
  return new AdapterError({ kind: 'rejected', status: 400, message });
}

/** Epoch-day number of a civil date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether a value is a real calendar date written `YYYY-MM-DD` (no February 30).
 * @param value Anything.
 * @returns True for a string naming a day that exists.
 * @example isIsoDate('2028-02-29') // true; isIsoDate('2026-02-29') // false
 */
export function isIsoDate(value: unknown): value is string {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (m < 1 || m > 12 || d < 1) return false;
  // The last day of the month: the day before the first of the next one.
  const last = daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - daysFromCivil(y, m, 1);
  return d <= last;
}

/**
 * A calendar date some whole days later (or earlier, for a negative count).
 * @param date A `YYYY-MM-DD` date.
 * @param days Days to add.
 * @returns The shifted `YYYY-MM-DD` date.
 * @throws AdapterError kind `rejected` when `date` is not a date.
 * @example addDays('2026-03-01', -1) // '2026-02-28'
 */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw rejected(`Invalid date: ${JSON.stringify(date ?? null)} must be a date like 2026-03-31.`);
  const day = daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))) + days;
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** What is wrong with a date range: which end is not a real date, or that they are reversed. */
export type RangeProblem = 'from' | 'to' | 'reversed';

/**
 * Checks a range from date inputs without throwing (the inputs give '' for an incomplete date).
 * @param range The typed range.
 * @returns Which end is not a date, `reversed` when `from` is after `to`, or null when it is fine.
 * @example rangeProblem({ from: '2026-03-20', to: '2026-03-10' }); // 'reversed'
 */
export function rangeProblem(range: { from?: string | null; to?: string | null }): RangeProblem | null {
  if (!isIsoDate(range.from)) return 'from';
  if (!isIsoDate(range.to)) return 'to';
  return range.from > range.to ? 'reversed' : null;
}

/**
 * Checks a date range at the boundary: both ends real `YYYY-MM-DD` days, `from` not after `to`.
 * @param range The range to check.
 * @returns The same range.
 * @throws AdapterError kind `rejected` naming the bad end.
 * @example checkDateRange({ from: '2026-03-01', to: '2026-03-31' })
 */
export function checkDateRange<R extends DateRange>(range: R): R {
  const problem = rangeProblem(range ?? {});
  if (problem === 'reversed') throw rejected(`Invalid date range: ${range.from} is after ${range.to}.`);
  if (problem) {
    const value: unknown = range?.[problem];
    throw rejected(`Invalid date range: "${problem}" must be a date like 2026-03-31, got ${JSON.stringify(value ?? null)}.`);
  }
  return range;
}

/** One decimal digit; a non-digit gives a large negative number so every range check fails. */
function digit(s: string, at: number): number {
  const v = s.charCodeAt(at) - 48;
  return v >>> 0 > 9 ? -1e7 : v;
}

function digits(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Epoch milliseconds of an ISO instant, without allocating for the usual
 * `YYYY-MM-DDTHH:mm:ss[.sss](Z|±HH:MM)` layout; anything else goes to `Date.parse`.
 * @param s An ISO 8601 instant.
 * @returns Epoch milliseconds, NaN when invalid.
 * @example parseInstant('2026-03-02T10:15:00-06:00') // 1772468100000
 */
export function parseInstant(s: string): number {
  if (typeof s !== 'string') return NaN;
  // Fast path: `Date#toISOString()` output, the layout adapters and the demo data use.
  if (s.length === 24 && s.charCodeAt(23) === 90 && s.charCodeAt(10) === 84 && s.charCodeAt(19) === 46) {
    const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
    const mo = digit(s, 5) * 10 + digit(s, 6);
    const d = digit(s, 8) * 10 + digit(s, 9);
    const h = digit(s, 11) * 10 + digit(s, 12);
    const mi = digit(s, 14) * 10 + digit(s, 15);
    const sec = digit(s, 17) * 10 + digit(s, 18);
    const ms = digit(s, 20) * 100 + digit(s, 21) * 10 + digit(s, 22);
    if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 23 && mi >= 0 && mi <= 59 && sec >= 0 && sec <= 59 && ms >= 0) {
      return daysFromCivil(y, mo, d) * DAY_MS + h * HOUR_MS + mi * 60_000 + sec * 1000 + ms;
    }
  }
  if (s.length >= 20 && s.charCodeAt(4) === 45 && s.charCodeAt(10) === 84) {
    const y = digits(s, 0, 4);
    const mo = digits(s, 5, 2);
    const d = digits(s, 8, 2);
    const h = digits(s, 11, 2);
    const mi = digits(s, 14, 2);
    const sec = digits(s, 17, 2);
    let i = 19;
    let ms = 0;
    if (s.charCodeAt(i) === 46) {
      let scale = 100;
      i++;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
        ms += (s.charCodeAt(i) - 48) * scale;
        scale /= 10;
        i++;
      }
      ms = Math.floor(ms);
    }
    let offset = NaN;
    const sign = s.charCodeAt(i);
    if (sign === 90 && i === s.length - 1) offset = 0;
    else if ((sign === 43 || sign === 45) && s.length === i + 6 && s.charCodeAt(i + 3) === 58) {
      offset = (digits(s, i + 1, 2) * 60 + digits(s, i + 4, 2)) * (sign === 45 ? -1 : 1);
    }
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 && sec <= 59 && Number.isFinite(offset)) {
      return daysFromCivil(y, mo, d) * DAY_MS + h * HOUR_MS + mi * 60_000 + sec * 1000 + ms - offset * 60_000;
    }
  }
  return Date.parse(s);
}

/** Per zone name: whether `Intl` knows it. */
const knownZones = new Map<string, boolean>();

/**
 * Whether `Intl` knows a time zone (IANA names such as `America/Chicago`, and `UTC`); the same
 * test luxon's `IANAZone.isValidZone` makes.
 * @param zone A zone name, or anything.
 * @returns True when dates can be shown in that zone.
 * @example isValidZone('America/Chicago') // true; isValidZone('Mars/Olympus') // false
 */
export function isValidZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || !zone) return false;
  let known = knownZones.get(zone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone }).format();
      known = true;
    } catch {
      known = false;
    }
    knownZones.set(zone, known);
  }
  return known;
}

/**
 * Throws unless `Intl` knows the zone.
 * @param zone An IANA zone name.
 * @throws AdapterError kind `rejected` for an unknown zone.
 * @example checkZone('America/Chicago')
 */
export function checkZone(zone: string): void {
  if (!isValidZone(zone)) {
    throw rejected(`Unknown time zone "${zone}": use an IANA zone such as America/Chicago.`);
  }
}

/** Per zone ('' for the runtime's own): a formatter of year, month and day in Latin digits. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date of an instant in a zone.
 * @param ms Epoch milliseconds.
 * @param zone IANA zone; omitted, the runtime's own zone (the browser's).
 * @returns `YYYY-MM-DD`.
 * @throws RangeError for an unknown zone (check it with `isValidZone`).
 * @example isoDateIn(Date.parse('2026-03-02T03:00:00Z'), 'America/Chicago') // '2026-03-01'
 */
export function isoDateIn(ms: number, zone?: string): string {
  const key = zone ?? '';
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(key, format);
  }
  let y = '';
  let m = '';
  let d = '';
  for (const part of format.formatToParts(ms)) {
    if (part.type === 'year') y = part.value.padStart(4, '0');
    else if (part.type === 'month') m = part.value;
    else if (part.type === 'day') d = part.value;
  }
  return `${y}-${m}-${d}`;
}
