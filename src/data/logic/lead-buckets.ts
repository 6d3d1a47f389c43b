/**
 * Response-time buckets of the contact-time report: how long leads waited for their first
 * response that stopped the OEM clock, in half-hour steps up to four hours, then 4-8 h, 8-24 h
 * and beyond, plus the leads nobody has answered yet.
 */
import type { LeadClockState } from '../model.js';

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
