/**
 * Dates, instants and zones shared by the domain rules: boundary checks for date ranges, and fast
 * zone-local arithmetic for hot loops over many rows (ISO instants parsed without allocating,
 * UTC offsets looked up once per zone and hour).
 */
import { DateTime, IANAZone } from 'luxon';
import { AdapterError } from '../errors.js';
import type { DateRange } from '../model.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

function rejected(message: string): AdapterError {
  return new AdapterError({ kind: 'rejected', status: 400, message });
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
  const valid = (d: unknown) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && DateTime.fromISO(d).isValid;
  if (!valid(range.from)) return 'from';
  if (!valid(range.to)) return 'to';
  return range.from! > range.to! ? 'reversed' : null;
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

/**
 * The instants a calendar-date range covers in a zone: from the start of its first day to the
 * start of the day after its last (DST-correct), for filtering ISO instants without luxon per row.
 * @param range Inclusive calendar dates.
 * @param zone IANA zone.
 * @returns Epoch milliseconds [start, end).
 * @throws AdapterError kind `rejected` for an invalid range or zone.
 * @example calendarRangeBounds({ from: '2026-03-08', to: '2026-03-08' }, 'America/Chicago') // a 23-hour day
 */
export function calendarRangeBounds(range: DateRange, zone: string): [number, number] {
  const start = DateTime.fromISO(range.from, { zone }).startOf('day');
  const end = DateTime.fromISO(range.to, { zone }).startOf('day').plus({ days: 1 });
  if (!start.isValid || !end.isValid) {
    checkDateRange(range);
    throw rejected(`Unknown time zone "${zone}": use an IANA zone such as America/Chicago.`);
  }
  return [start.toMillis(), end.toMillis()];
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

/** Per zone: UTC offset in minutes per whole UTC hour, NaN for an hour in which the offset changes. */
const hourOffsets = new Map<string, Map<number, number>>();

/**
 * The UTC offset of a zone at an instant, in minutes. Luxon is asked once per zone and UTC hour
 * (twice: both ends of the hour); an hour in which the offset changes is resolved per call.
 * @param zone A valid IANA zone.
 * @param ms Epoch milliseconds.
 * @returns The offset in minutes (−300 for CDT).
 * @example zoneOffsetMinutes('America/Chicago', Date.parse('2026-07-01T12:00:00Z')) // -300
 */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  let byHour = hourOffsets.get(zone);
  if (!byHour) hourOffsets.set(zone, (byHour = new Map()));
  const hour = Math.floor(ms / HOUR_MS);
  let offset = byHour.get(hour);
  if (offset === undefined) {
    const start = DateTime.fromMillis(hour * HOUR_MS, { zone }).offset;
    offset = start === DateTime.fromMillis(hour * HOUR_MS + HOUR_MS - 1, { zone }).offset ? start : NaN;
    byHour.set(hour, offset);
  }
  return Number.isNaN(offset) ? DateTime.fromMillis(ms, { zone }).offset : offset;
}

/**
 * The zone-local calendar day of an instant as an epoch-day number (days since 1970-01-01).
 * @param zone A valid IANA zone.
 * @param ms Epoch milliseconds.
 * @returns The local day number; `(day + 3) mod 7` is the weekday with Monday = 0.
 * @example localDayNumber('America/Chicago', Date.parse('2026-03-02T03:00:00Z')) // 20513 (2026-03-01)
 */
export function localDayNumber(zone: string, ms: number): number {
  return Math.floor((ms + zoneOffsetMinutes(zone, ms) * 60_000) / DAY_MS);
}

export function checkZone(zone: string): void {
  if (!IANAZone.isValidZone(zone)) {
    throw rejected(`Unknown time zone "${zone}": use an IANA zone such as America/Chicago.`);
  }
}

/**
 * The same date range one month earlier ("the arrows compare the same date range from the
 * previous month"). Month ends clamp: March 31 becomes February 28.
 * @param range The current range (ISO dates).
 * @returns The previous period.
 * @throws AdapterError kind `rejected` for an invalid range.
 * @example previousPeriod({ from: '2026-03-01', to: '2026-03-31' }) // { from: '2026-02-01', to: '2026-02-28' }
 */
export function previousPeriod(range: DateRange): DateRange {
  checkDateRange(range);
  const shift = (iso: string) => DateTime.fromISO(iso, { zone: 'UTC' }).minus({ months: 1 }).toISODate() as string;
  return { from: shift(range.from), to: shift(range.to) };
}
