/**
 * Zone arithmetic shared by the domain rules, with luxon: the instants a date range covers in a
 * zone (DST-correct), fast zone-local arithmetic for hot loops over many rows (UTC offsets looked
 * up once per zone and hour), and the previous period. The date checks and instant parsing that
 * need no zone rules are in `dates.ts`, re-exported here.
 */
import { DateTime } from 'luxon';
import { AdapterError } from '../errors.js';
import type { DateRange } from '../model.js';
import { DAY_MS, HOUR_MS, checkDateRange } from './dates.js';

export * from './dates.js';

function rejected(message: string): AdapterError {
  return new AdapterError({ kind: 'rejected', status: 400, message });
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
