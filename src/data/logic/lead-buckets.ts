/**
 * Response-time buckets of the contact-time report: how long leads waited for their first
 * response that stopped the OEM clock, in half-hour steps up to four hours, then 4-8 h, 8-24 h
 * and beyond, plus the leads nobody has answered yet; and the same leads per day of a range
 * (median response and share within the limit), for the report's daily trend.
 */
import type { DateRange, LeadClockState } from '../model.js';
import { checkDateRange, dayNumberOf, isoDateOfDay, parseInstant } from './calendar.js';
import { calendarRangeBounds, localDayNumber, zoneDayStart } from './calendar-zones.js';

/** One bucket: elapsed minutes from `fromMinutes` (inclusive) to `toMinutes` (exclusive; null = no end). */
export interface LeadResponseBucket {
  id: string;
  fromMinutes: number;
  toMinutes: number | null;
}

const half = (i: number): LeadResponseBucket => ({ id: `${i * 30}-${i * 30 + 30}`, fromMinutes: i * 30, toMinutes: i * 30 + 30 });

/**
 * The answered-lead buckets, in order: 0-30, 30-60, 60-90, ... 210-240 minutes, 240-480,
 * 480-1440, and 1440 minutes or more. Each is half-open: a response at exactly 30 minutes is in
 * 30-60. The elapsed time is the rule's (business time for business-hour rules, real time else).
 */
export const LEAD_RESPONSE_BUCKETS: readonly LeadResponseBucket[] = Object.freeze([
  ...Array.from({ length: 8 }, (_, i) => half(i)),
  { id: '240-480', fromMinutes: 240, toMinutes: 480 },
  { id: '480-1440', fromMinutes: 480, toMinutes: 1440 },
  { id: '1440+', fromMinutes: 1440, toMinutes: null },
]);

/** The id of the bucket of leads without a response that stopped the clock (running or overdue). */
export const NO_RESPONSE_BUCKET = 'none';

/** Bucket counts: one per {@link LEAD_RESPONSE_BUCKETS} entry, in order, then the unanswered leads. */
export interface LeadBucketCounts {
  /** Answered leads per bucket, in the order of {@link LEAD_RESPONSE_BUCKETS}. */
  answered: number[];
  /** Leads whose clock has not been stopped (running or overdue). */
  noResponse: number;
  /** All leads counted. */
  total: number;
}

/**
 * The bucket of one lead's clock state.
 * @param state The lead's clock (see `evaluateLead`); only `stoppedBy` and `elapsedMinutes` are read.
 * @returns A bucket id of {@link LEAD_RESPONSE_BUCKETS}, or {@link NO_RESPONSE_BUCKET} when the
 *   clock has not been stopped. A negative or non-finite elapsed time counts as 0 / the last bucket.
 * @example responseBucketOf({ stoppedBy: { kind: 'email-sent', at: '…' }, elapsedMinutes: 45 }) // '30-60'
 */
export function responseBucketOf(state: Pick<LeadClockState, 'stoppedBy' | 'elapsedMinutes'>): string {
  if (!state.stoppedBy) return NO_RESPONSE_BUCKET;
  return LEAD_RESPONSE_BUCKETS[bucketIndex(state.elapsedMinutes)]!.id;
}

function bucketIndex(minutes: number): number {
  const m = Number.isNaN(minutes) ? Infinity : Math.max(0, minutes);
  if (m < 240) return Math.floor(m / 30);
  if (m < 480) return 8;
  if (m < 1440) return 9;
  return 10;
}

/**
 * Counts leads per response-time bucket.
 * @param states The leads' clock states (or anything with a `state`, such as `evaluateLeads` rows).
 * @returns The answered counts per bucket, in order, the unanswered count and the total.
 * @example bucketLeadResponses(evaluateLeads(leads, rules, dealer, now)).answered[0] // answered under 30 min
 */
export function bucketLeadResponses(
  states: ReadonlyArray<Pick<LeadClockState, 'stoppedBy' | 'elapsedMinutes'> | { state: Pick<LeadClockState, 'stoppedBy' | 'elapsedMinutes'> }>,
): LeadBucketCounts {
  const answered = LEAD_RESPONSE_BUCKETS.map(() => 0);
  let noResponse = 0;
  for (const item of states) {
    const s = 'state' in item ? item.state : item;
    if (!s.stoppedBy) noResponse++;
    else answered[bucketIndex(s.elapsedMinutes)]!++;
  }
  return { answered, noResponse, total: states.length };
}

// ───────────────────────────── per day ─────────────────────────────

/** One day of the daily response trend. */
export interface LeadResponseDay {
  /** The calendar day in the dealer's zone, `YYYY-MM-DD`. */
  date: string;
  /** The day's first instant in the dealer's zone, epoch milliseconds (a time axis's x). */
  start: number;
  /** Leads received that day. */
  count: number;
  /** Leads of the day whose outcome is known: answered (met or missed) or overdue. */
  known: number;
  /** Median elapsed minutes (each rule's clock) over the known leads; null with none. */
  medianMinutes: number | null;
  /** 0..100: the known leads answered within their limit; null with none. */
  percentWithinLimit: number | null;
}

/** What {@link dailyLeadResponses} reads of an evaluated lead. */
export interface DailyLeadInput {
  lead: { receivedAt: string };
  state: Pick<LeadClockState, 'status' | 'elapsedMinutes'>;
}

/**
 * The response trend per day: for each calendar day of `range` in `zone`, the leads received that
 * day, their median elapsed minutes and the share answered within the limit. The figures follow
 * the summary's Median and Within limit columns: over leads whose outcome is known (answered, or
 * overdue and counted up to now); a lead still running counts on neither, and a day without a
 * known outcome has null figures. Minutes are each rule's (business time for business-hour rules,
 * real time else). Leads received outside the range are left out.
 * @param evaluations Evaluated leads (see `evaluateLeads`): `lead.receivedAt`, `state.status`, `state.elapsedMinutes`.
 * @param range Inclusive calendar dates.
 * @param zone The dealer's IANA zone, in which days begin and end.
 * @returns One entry per day of the range, in order.
 * @throws AdapterError kind `rejected` for an invalid or reversed range, or an invalid zone.
 * @example dailyLeadResponses(evaluateLeads(leads, rules, dealer, now), { from: '2026-03-01', to: '2026-03-31' }, dealer.zone)[1]?.medianMinutes
 */
export function dailyLeadResponses(evaluations: readonly DailyLeadInput[], range: DateRange, zone: string): LeadResponseDay[] {
  checkDateRange(range);
  const [start, end] = calendarRangeBounds(range, zone);
  const first = dayNumberOf(range.from);
  const days = dayNumberOf(range.to) - first + 1;
  const count = new Array<number>(days).fill(0);
  const within = new Array<number>(days).fill(0);
  const known: number[][] = Array.from({ length: days }, () => []);
  for (const { lead, state } of evaluations) {
    const at = parseInstant(lead.receivedAt);
    if (!(at >= start && at < end)) continue;
    const i = localDayNumber(zone, at) - first;
    if (i < 0 || i >= days) continue;
    count[i]!++;
    if (state.status === 'running') continue;
    known[i]!.push(state.elapsedMinutes);
    if (state.status === 'met') within[i]!++;
  }
  return count.map((n, i) => {
    const k = known[i]!.sort((a, b) => a - b);
    const mid = k.length >> 1;
    const day = first + i;
    return {
      date: isoDateOfDay(day),
      start: zoneDayStart(zone, day),
      count: n,
      known: k.length,
      medianMinutes: k.length ? (k.length % 2 ? k[mid]! : (k[mid - 1]! + k[mid]!) / 2) : null,
      percentWithinLimit: k.length ? (within[i]! / k.length) * 100 : null,
    };
  });
}
