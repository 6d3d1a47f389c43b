/**
 * The calendar of the domain rules, in one place: civil dates (`YYYY-MM-DD` checks, epoch-day
 * numbers, whole-day arithmetic, ISO weeks), ISO instants parsed without allocating, time zones
 * (validation, the UTC offset of a zone at an instant, zone-local days and wall times), the
 * instants a date range covers in a zone, and periods (the previous period, this month in a zone).
 *
 * This module is plain arithmetic and `Intl`, without luxon. The zone arithmetic that needs
 * luxon (offsets, range bounds, local days and wall times) is its other half,
 * `calendar-zones.ts`: kept apart so a widget whose first load needs a date helper does not pull
 * luxon into a chunk it shares with code it loads later (a bundler splits by module, not by function).
 */
import { AdapterError } from '../errors.js';
import type { DateRange } from '../model.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

function rejected(message: string): AdapterError {
  return new AdapterError({ kind: 'rejected', status: 400, message });
}

/**
 * Epoch-day number of a civil date (Howard Hinnant's days_from_civil).
 * @param y Year.
 * @param m Month, 1-12.
 * @param d Day of the month.
 * @returns Days since 1970-01-01 (negative before it).
 * @example daysFromCivil(2026, 3, 1) // 20513
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}


/**
 * The civil date of an epoch-day number (Howard Hinnant's civil_from_days).
 * @param z Days since 1970-01-01.
 * @returns [year, month 1-12, day of the month].
 * @example civilFromDays(20513) // [2026, 3, 1]
 */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

/**
 * The weekday of an epoch-day number.
 * @param day Days since 1970-01-01.
 * @returns 0 = Monday .. 6 = Sunday.
 * @example weekdayOfDay(20513) // 6 (Sunday 2026-03-01)
 */
export function weekdayOfDay(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * An epoch-day number written as a date.
 * @param day Days since 1970-01-01.
 * @returns `YYYY-MM-DD`.
 * @example isoDateOfDay(20513) // '2026-03-01'
 */
export function isoDateOfDay(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/**
 * The ISO week key of the week that starts on a Monday.
 * @param monday Epoch-day number of the week's Monday.
 * @returns `YYYY-Www`, the year being the one of the week's Thursday.
 * @example isoWeekKey(20517) // '2026-W10' (Monday 2026-03-02)
 */
export function isoWeekKey(monday: number): string {
  const thursday = monday + 3;
  const year = civilFromDays(thursday)[0];
  const week = Math.floor((thursday - daysFromCivil(year, 1, 1)) / 7) + 1;
  return `${year}-W${pad2(week)}`;
}

/**
 * The Monday of an ISO week.
 * @param year ISO week-numbering year.
 * @param week Week number, 1-53.
 * @returns Epoch-day number of that Monday.
 * @example isoWeekMonday(2026, 10) // 20517 (2026-03-02)
 */
export function isoWeekMonday(year: number, week: number): number {
  const jan4 = daysFromCivil(year, 1, 4);
  return jan4 - weekdayOfDay(jan4) + (week - 1) * 7;
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
 * The epoch-day number of a date.
 * @param date Anything.
 * @returns Days since 1970-01-01, NaN unless `date` is a real `YYYY-MM-DD` day.
 * @example dayNumberOf('2026-03-01') // 20513; dayNumberOf('2026-02-30') // NaN
 */
export function dayNumberOf(date: unknown): number {
  if (!isIsoDate(date)) return NaN;
  return daysFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
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
  return isoDateOfDay(dayNumberOf(date) + days);
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

// ───────────────────────────── months ─────────────────────────────

/**
 * The calendar month containing a date, as a range.
 * @param date A `YYYY-MM-DD` date.
 * @returns First to last day of its month; null for anything that is not a date.
 * @example monthRangeOf('2028-02-14') // { from: '2028-02-01', to: '2028-02-29' }
 */
export function monthRangeOf(date: string): DateRange | null {
  if (!isIsoDate(date)) return null;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const next = daysFromCivil(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1);
  return { from: `${date.slice(0, 7)}-01`, to: isoDateOfDay(next - 1) };
}

/**
 * "This month in the shop's zone": the default date range of the report widgets, first to last
 * day of the month that an instant falls in, read on the zone's calendar.
 * @param now The instant (epoch milliseconds; a widget passes `Date.now()`).
 * @param zone The shop's IANA zone; omitted, the runtime's own zone (the browser's).
 * @returns `{ from, to }` as `YYYY-MM-DD`.
 * @throws RangeError for an unknown zone (check it with `isValidZone`).
 * @example currentMonthRange(Date.parse('2026-03-01T03:00:00Z'), 'America/Chicago') // { from: '2026-02-01', to: '2026-02-28' }
 */
export function currentMonthRange(now: number, zone?: string): DateRange {
  return monthRangeOf(isoDateIn(now, zone))!;
}

/**
 * The days of a date range that have happened by `today` (the shop's today, in its zone): a range
 * that runs past today ends today. A range that ends by today, or starts after it, is returned as
 * it is. Comparing this with the same days a month earlier compares like with like, never a
 * partial month with a whole one.
 * @param range Inclusive `YYYY-MM-DD` dates.
 * @param today The shop's today, `YYYY-MM-DD` (`isoDateIn(now, zone)`).
 * @returns The range up to today.
 * @example rangeSoFar({ from: '2026-12-01', to: '2026-12-31' }, '2026-12-07') // { from: '2026-12-01', to: '2026-12-07' }
 */
export function rangeSoFar(range: DateRange, today: string): DateRange {
  if (!isIsoDate(today) || range.to <= today || range.from > today) return { from: range.from, to: range.to };
  return { from: range.from, to: today };
}

// ───────────────────────────── periods ─────────────────────────────

/** How {@link previousPeriodDetail} chose the previous period. */
export type PreviousPeriodBasis = 'months' | 'days';

/** The period a range is compared with, and how it was chosen, so a widget can say what it compared. */
export interface PreviousPeriod extends DateRange {
  /**
   * `months`: the range is whole calendar months, compared with as many whole months just before
   * it; `days`: the same days one month earlier.
   */
  basis: PreviousPeriodBasis;
  /**
   * True when a day of the range does not exist one month earlier (March 29–31 before February 28,
   * a 31st before a 30-day month): that end moved back to the month's last day, so `from`/`to`
   * are not the same days of the month. Always false for `months`.
   */
  clamped: boolean;
}

/** Month number (year × 12 + month − 1) of an ISO date's year and month. */
function monthIndexOf(iso: string): number {
  return Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
}

/** The first day of a month number, as an ISO date. */
function firstOfMonth(index: number): string {
  return isoDateOfDay(daysFromCivil(Math.floor(index / 12), (index % 12) + 1, 1));
}

/** The same day one month earlier; a day the earlier month lacks becomes its last day. */
function monthEarlier(iso: string): { date: string; clamped: boolean } {
  const index = monthIndexOf(iso) - 1;
  const day = Number(iso.slice(8, 10));
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = civilFromDays(month === 12 ? daysFromCivil(year + 1, 1, 1) - 1 : daysFromCivil(year, month + 1, 1) - 1)[2];
  return { date: isoDateOfDay(daysFromCivil(year, month, Math.min(day, last))), clamped: day > last };
}

/**
 * The period a range is compared with ("the arrows compare the same date range from the previous
 * month"), and how it was chosen:
 * - a range of whole calendar months (the 1st of a month to the last day of a month) compares with
 *   as many whole months just before it: April 1–30 with March 1–31, January 1–February 28 with
 *   November 1–December 31;
 * - any other range compares with the same days one month earlier: March 10–20 with February
 *   10–20. A day that the earlier month lacks becomes its last day and `clamped` says so: March
 *   29–31, 2026 compares with February 28 alone.
 * @param range The current range (ISO dates).
 * @returns The previous period, its basis, and whether an end was clamped.
 * @throws AdapterError kind `rejected` for an invalid range.
 * @example previousPeriodDetail({ from: '2026-04-01', to: '2026-04-30' }) // { from: '2026-03-01', to: '2026-03-31', basis: 'months', clamped: false }
 * @example previousPeriodDetail({ from: '2026-03-29', to: '2026-03-31' }) // { from: '2026-02-28', to: '2026-02-28', basis: 'days', clamped: true }
 */
export function previousPeriodDetail(range: DateRange): PreviousPeriod {
  checkDateRange(range);
  const { from, to } = range;
  const nextDay = addDays(to, 1);
  if (from.endsWith('-01') && nextDay.endsWith('-01')) {
    const months = monthIndexOf(to) - monthIndexOf(from) + 1;
    return { from: firstOfMonth(monthIndexOf(from) - months), to: addDays(from, -1), basis: 'months', clamped: false };
  }
  const start = monthEarlier(from);
  const end = monthEarlier(to);
  return { from: start.date, to: end.date, basis: 'days', clamped: start.clamped || end.clamped };
}

/**
 * The period a range is compared with, as a plain date range: see {@link previousPeriodDetail}
 * for the rule and for whether the days had to be clamped.
 * @param range The current range (ISO dates).
 * @returns The previous period.
 * @throws AdapterError kind `rejected` for an invalid range.
 * @example previousPeriod({ from: '2026-03-01', to: '2026-03-31' }) // { from: '2026-02-01', to: '2026-02-28' }
 * @example previousPeriod({ from: '2026-03-10', to: '2026-03-20' }) // { from: '2026-02-10', to: '2026-02-20' }
 */
export function previousPeriod(range: DateRange): DateRange {
  const { from, to } = previousPeriodDetail(range);
  return { from, to };
}

/**
 * The two periods a comparison sets side by side: the days of `range` that have happened by
 * `today` (see `rangeSoFar`), and the period they are compared with (`previousPeriod`). When today
 * is December 7, December 1–31 compares December 1–7 with November 1–7; once December has
 * happened, the whole of it compares with the whole of November.
 * @param range The range shown (ISO dates).
 * @param today The shop's today, `YYYY-MM-DD`, in its zone.
 * @returns `current`: the days compared; `previous`: the days they are compared with.
 * @throws AdapterError kind `rejected` for an invalid range.
 * @example comparedPeriods({ from: '2026-12-01', to: '2026-12-31' }, '2026-12-07') // { current: { from: '2026-12-01', to: '2026-12-07' }, previous: { from: '2026-11-01', to: '2026-11-07' } }
 */
export function comparedPeriods(range: DateRange, today: string): { current: DateRange; previous: DateRange } {
  const current = rangeSoFar(checkDateRange(range), today);
  return { current, previous: previousPeriod(current) };
}
