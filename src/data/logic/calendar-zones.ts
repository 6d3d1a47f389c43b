/**
 * The calendar's zone arithmetic, the half of the calendar that needs luxon: the UTC offset of a
 * zone at an instant (cached per zone and UTC day), zone-local days and wall times, the instants a
 * date range covers in a zone, and the previous period. Civil dates, instants and zone checks
 * without luxon are in `calendar.ts`.
 */
import { DateTime, IANAZone } from 'luxon';
import { AdapterError } from '../errors.js';
import type { DateRange } from '../model.js';
import { DAY_MS, addDays, checkDateRange, checkZone, civilFromDays, dayNumberOf, daysFromCivil, isValidZone, isoDateOfDay, rangeSoFar } from './calendar.js';

const MINUTE_MS = 60_000;

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
  const first = dayNumberOf(range?.from);
  const last = dayNumberOf(range?.to);
  if (!Number.isFinite(first) || !Number.isFinite(last) || !isValidZone(zone)) {
    checkDateRange(range);
    checkZone(zone);
    throw new AdapterError({ kind: 'rejected', status: 400, message: `Invalid date range ${range.from} to ${range.to} in ${zone}.` });
  }
  // Each day starts at its first local time: the first of two midnights when the clocks go back at
  // midnight, the end of the gap when they skip it (America/Havana).
  return [localTimeToInstant(zone, first * DAY_MS), localTimeToInstant(zone, (last + 1) * DAY_MS)];
}

/**
 * The first instant of a zone-local day (DST-exact; a day whose midnight does not exist starts at
 * its first local time).
 * @param zone A valid IANA zone.
 * @param day Epoch-day number of the local date.
 * @returns Epoch milliseconds.
 * @example zoneDayStart('America/Chicago', 20513) // Date.parse('2026-03-01T06:00:00Z')
 */
export function zoneDayStart(zone: string, day: number): number {
  const [year, month, d] = civilFromDays(day);
  return DateTime.fromObject({ year, month, day: d }, { zone }).toMillis();
}

/** One UTC day of a zone: its offset (ms) at the start, and when (if at all) it changes. */
interface OffsetDay {
  start: number;
  change: number;
  after: number;
}
/** Per zone: per UTC day number, its offsets. */
const offsetDays = new Map<string, Map<number, OffsetDay>>();
const ianaZones = new Map<string, IANAZone>();

function luxonOffsetMs(zone: string, ms: number): number {
  let z = ianaZones.get(zone);
  if (!z) ianaZones.set(zone, (z = IANAZone.create(zone)));
  return z.offset(ms) * MINUTE_MS;
}

function computeOffsetDay(zone: string, day: number): OffsetDay {
  const first = day * DAY_MS;
  const last = first + DAY_MS - 1;
  const start = luxonOffsetMs(zone, first);
  const end = luxonOffsetMs(zone, last);
  if (start === end) return { start, change: Infinity, after: start };
  // One change per day at most: find its first millisecond.
  let lo = first;
  let hi = last;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (luxonOffsetMs(zone, mid) === start) lo = mid;
    else hi = mid;
  }
  return { start, change: hi, after: end };
}

/** The last day looked up, so a run of instants on one day costs no map lookup. */
let lastZone = '';
let lastDay = NaN;
let lastEntry: OffsetDay | undefined;

function offsetDay(zone: string, day: number): OffsetDay {
  let entry = lastEntry;
  if (day !== lastDay || zone !== lastZone || !entry) {
    let byDay = offsetDays.get(zone);
    if (!byDay) offsetDays.set(zone, (byDay = new Map()));
    entry = byDay.get(day);
    if (!entry) byDay.set(day, (entry = computeOffsetDay(zone, day)));
    lastZone = zone;
    lastDay = day;
    lastEntry = entry;
  }
  return entry;
}

/**
 * A zone's UTC offset at an instant, in milliseconds. Luxon is asked twice per zone and UTC day
 * (plus a bisection on the days the offset changes), then every answer is a lookup.
 * @param zone A valid IANA zone.
 * @param ms Epoch milliseconds.
 * @returns The offset in milliseconds (−18,000,000 for CDT).
 * @example zoneOffsetMs('America/New_York', Date.parse('2026-03-08T07:00:00Z')) // -14400000 (EDT from 07:00Z)
 */
export function zoneOffsetMs(zone: string, ms: number): number {
  const entry = offsetDay(zone, Math.floor(ms / DAY_MS));
  return ms < entry.change ? entry.start : entry.after;
}

/**
 * The UTC offset of a zone at an instant, in minutes.
 * @param zone A valid IANA zone.
 * @param ms Epoch milliseconds.
 * @returns The offset in minutes (−300 for CDT).
 * @example zoneOffsetMinutes('America/Chicago', Date.parse('2026-07-01T12:00:00Z')) // -300
 */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  return zoneOffsetMs(zone, ms) / MINUTE_MS;
}

/**
 * The zone-local calendar day of an instant as an epoch-day number (days since 1970-01-01).
 * @param zone A valid IANA zone.
 * @param ms Epoch milliseconds.
 * @returns The local day number; `(day + 3) mod 7` is the weekday with Monday = 0.
 * @example localDayNumber('America/Chicago', Date.parse('2026-03-02T03:00:00Z')) // 20513 (2026-03-01)
 */
export function localDayNumber(zone: string, ms: number): number {
  return Math.floor((ms + zoneOffsetMs(zone, ms)) / DAY_MS);
}

/**
 * The instant of a zone-local wall time. An ambiguous time (fall-back) is its first occurrence; a
 * time that does not exist (inside a spring-forward gap) is the end of the gap, the first instant
 * that exists after it.
 * @param zone A valid IANA zone.
 * @param local The wall time as epoch milliseconds read as UTC (`daysFromCivil(...) * DAY_MS + ...`).
 * @returns Epoch milliseconds.
 * @example localTimeToInstant('America/New_York', Date.parse('2026-03-08T02:30:00Z')) // Date.parse('2026-03-08T07:00:00Z'), 3:00 EDT
 */
export function localTimeToInstant(zone: string, local: number): number {
  const early = zoneOffsetMs(zone, local - DAY_MS);
  const late = zoneOffsetMs(zone, local + DAY_MS);
  const t1 = local - early;
  if (early === late) return t1;
  const t2 = local - late;
  const ok1 = zoneOffsetMs(zone, t1) === early;
  const ok2 = zoneOffsetMs(zone, t2) === late;
  if (ok1 && ok2) return Math.min(t1, t2);
  if (ok2) return t2;
  // In the gap: t2 < change <= t1, and the change is on the UTC day of one of them.
  for (const t of [t2, t1]) {
    const entry = offsetDay(zone, Math.floor(t / DAY_MS));
    if (entry.change > t2 && entry.change <= t1) return entry.change;
  }
  return t1;
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
