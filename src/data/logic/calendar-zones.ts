/**
 * The calendar's zone arithmetic, the half of the calendar that needs luxon: the UTC offset of a
 * zone at an instant (cached per zone and UTC day), zone-local days and wall times, the instants a
 * date range covers in a zone. Civil dates, instants, zone checks and periods (the previous period)
 * without luxon are in `calendar.ts`; the periods are re-exported here for the modules that import
 * them from this one.
 */
import { IANAZone } from 'luxon';
import { AdapterError } from '../errors.js';
import type { DateRange } from '../model.js';
import { DAY_MS, checkDateRange, checkZone, dayNumberOf, isValidZone } from './calendar.js';

export { comparedPeriods, previousPeriod, previousPeriodDetail } from './calendar.js';
export type { PreviousPeriod, PreviousPeriodBasis } from './calendar.js';

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
 * its first local time, and one whose midnight happens twice at the first of them).
 * @param zone A valid IANA zone.
 * @param day Epoch-day number of the local date.
 * @returns Epoch milliseconds.
 * @example zoneDayStart('America/Chicago', 20513) // Date.parse('2026-03-01T06:00:00Z')
 */
export function zoneDayStart(zone: string, day: number): number {
  // A midnight that happens twice (America/Havana falls back from 1:00 to 0:00) starts the day at its first.
  return localTimeToInstant(zone, day * DAY_MS);
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
