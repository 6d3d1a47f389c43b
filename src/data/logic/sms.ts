/**
 * SMS history: the advanced filter, period summaries against the same range one month earlier,
 * and the carrier-blocking detector. The provider error taxonomy is in `sms-errors.ts` (re-exported
 * here), apart from this module's zone arithmetic.
 */
import { DateTime } from 'luxon';
import type {
  CarrierBlockingFlag,
  DateRange,
  IsoDate,
  SmsDirection,
  SmsErrorCategory,
  SmsFilter,
  SmsMessage,
  SmsPeriodSummary,
  SmsStatus,
  SmsSummary,
} from '../model.js';
import { checkDateRange, parseInstant } from './calendar.js';
import { calendarRangeBounds, previousPeriod } from './calendar-zones.js';
import { CARRIER_FILTERING_ADVICE } from './sms-error-texts.js';
import { normalizeCode, smsErrorCategoryOf } from './sms-error-titles.js';

export { CARRIER_FILTERING_ADVICE, SMS_ERROR_CODES, classifySmsError, smsErrorCategoryOf } from './sms-errors.js';
export type { SmsErrorInfo } from './sms-errors.js';
export { smsTrend } from './sms-trend.js';
export type { SmsTrend, SmsTrendDay } from './sms-trend.js';

/** The non-date part of the advanced filter as one predicate. */
/** The filter's tests besides the date range; null when it has none. */
function filterPredicate(filter: SmsFilter): ((m: SmsMessage) => boolean) | null {
  const text = filter.text?.trim().toLowerCase() ?? '';
  const code = normalizeCode(filter.errorCode);
  if (!filter.direction && !filter.status && !code && !filter.employeeId && !filter.customerId && !filter.errorCategory && !text) return null;
  const has = (value: string | null) => value !== null && value.toLowerCase().includes(text);
  return (m) =>
    (!filter.direction || m.direction === filter.direction) &&
    (!filter.status || m.status === filter.status) &&
    (!code || normalizeCode(m.errorCode) === code) &&
    (!filter.employeeId || m.employeeId === filter.employeeId) &&
    (!filter.customerId || m.customerId === filter.customerId) &&
    (!filter.errorCategory || smsErrorCategoryOf(m) === filter.errorCategory) &&
    (!text || has(m.body) || has(m.from) || has(m.to) || has(m.customerName) || has(m.employeeName));
}

/**
 * The instants of a log in time order, for {@link filterSms} to find a date range by binary
 * search instead of reading every message.
 * @param messages A message log.
 * @returns Each message's `sentAt` in epoch ms, or null when one is not an instant or the log is
 *   not in time order.
 * @example const timeline = smsTimeline(log); filterSms(log, march, zone, timeline);
 */
export function smsTimeline(messages: readonly SmsMessage[]): Float64Array | null {
  const times = new Float64Array(messages.length);
  let previous = -Infinity;
  for (let i = 0; i < messages.length; i++) {
    const t = parseInstant(messages[i]!.sentAt);
    // NaN fails this too.
    if (!(t >= previous)) return null;
    times[i] = previous = t;
  }
  return times;
}

/** Index of the first instant of `times` (ascending) at or after `t`. */
function firstAtOrAfter(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The messages matching the SMS history's advanced filter, in their original order.
 * @param messages All messages.
 * @param filter Date range (calendar days of `sentAt` in `zone`, inclusive), direction, status,
 *   error category, error code, employee, customer and free text (case-insensitive over body, numbers, names).
 * @param zone IANA zone the calendar days are taken in.
 * @param timeline The log's {@link smsTimeline}, when it has one: the range is then found by
 *   binary search and only the messages inside it are tested.
 * @returns The matching messages.
 * @example filterSms(messages, { from: '2026-03-01', to: '2026-03-31', errorCategory: 'carrier-filtered' }, 'America/Chicago')
 */
export function filterSms(messages: readonly SmsMessage[], filter: SmsFilter, zone = 'UTC', timeline?: Float64Array | null): SmsMessage[] {
  const [start, end] = calendarRangeBounds(filter, zone);
  const matches = filterPredicate(filter);
  if (timeline && timeline.length === messages.length) {
    const first = firstAtOrAfter(timeline, start);
    const last = firstAtOrAfter(timeline, end);
    if (!matches) return messages.slice(first, last);
    const out: SmsMessage[] = [];
    for (let i = first; i < last; i++) if (matches(messages[i]!)) out.push(messages[i]!);
    return out;
  }
  const out: SmsMessage[] = [];
  for (const m of messages) {
    const t = parseInstant(m.sentAt);
    if (t >= start && t < end && (!matches || matches(m))) out.push(m);
  }
  return out;
}

/**
 * An imported message over the one already stored under its id: what the import knows wins, and
 * what it does not (a delivery receipt carries no body, an export no employee) keeps the stored value.
 * @param stored The message as stored.
 * @param incoming The message as imported.
 * @returns The message to store.
 * @example mergeImportedSms(stored, { ...receipt, body: '' }).body === stored.body // true
 */
export function mergeImportedSms(stored: SmsMessage, incoming: SmsMessage): SmsMessage {
  return {
    ...incoming,
    body: incoming.body || stored.body,
    employeeId: incoming.employeeId ?? stored.employeeId,
    employeeName: incoming.employeeName ?? stored.employeeName,
    customerId: incoming.customerId ?? stored.customerId,
    customerName: incoming.customerName ?? stored.customerName,
  };
}

/** Start instants of every day of the range in the zone, plus the end of the last day. */
function dayStarts(range: DateRange, zone: string): { dates: IsoDate[]; starts: number[] } {
  const dates: IsoDate[] = [];
  const starts: number[] = [];
  let day = DateTime.fromISO(range.from, { zone }).startOf('day');
  const last = DateTime.fromISO(range.to, { zone }).startOf('day');
  while (day <= last) {
    dates.push(day.toISODate() as IsoDate);
    starts.push(day.toMillis());
    day = day.plus({ days: 1 });
  }
  starts.push(day.toMillis());
  return { dates, starts };
}

/** Index of the day containing `t` (binary search over day starts; -1 outside the range). */
function dayIndex(starts: readonly number[], t: number): number {
  if (!(t >= starts[0]) || t >= starts[starts.length - 1]) return -1;
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Statuses that count as a failed outbound message. */
const FAILED_STATUSES: ReadonlySet<string> = new Set(['failed', 'undelivered']);

/**
 * Messages of one day alike in sending number, direction, status and error category, counted: what
 * a server's daily rollup holds, and what {@link summarizeSmsCounts} summarizes.
 */
export interface SmsDayCount {
  /** The calendar day of `sentAt` in the dealer's zone. */
  date: IsoDate;
  from: string;
  direction: SmsDirection;
  status: SmsStatus;
  /** {@link smsErrorCategoryOf} of the messages. */
  category: SmsErrorCategory | null;
  messages: number;
}

/** A period's summary being counted: one call of `add` per message, or per group of alike messages. */
function periodTally(range: DateRange, dates: readonly IsoDate[]) {
  const perDay = dates.map((date) => ({ date, inbound: 0, outbound: 0, delivered: 0, failed: 0, filtered: 0 }));
  const errorsByCategory: Partial<Record<SmsErrorCategory, number>> = {};
  const total = { inbound: 0, outbound: 0, delivered: 0, failed: 0 };
  return {
    add(i: number, direction: SmsDirection, status: SmsStatus, category: SmsErrorCategory | null, n: number): void {
      const day = perDay[i]!;
      if (direction === 'inbound') {
        total.inbound += n;
        day.inbound += n;
      } else {
        total.outbound += n;
        day.outbound += n;
        if (status === 'delivered') {
          total.delivered += n;
          day.delivered += n;
        } else if (FAILED_STATUSES.has(status)) {
          total.failed += n;
          day.failed += n;
        }
      }
      if (category === 'carrier-filtered' && direction === 'outbound') day.filtered += n;
      if (category) errorsByCategory[category] = (errorsByCategory[category] ?? 0) + n;
    },
    result(): SmsPeriodSummary {
      const { inbound, outbound, delivered, failed } = total;
      return {
        range: { from: range.from, to: range.to },
        inbound,
        outbound,
        delivered,
        failed,
        deliveryRate: delivered + failed > 0 ? delivered / (delivered + failed) : null,
        errorsByCategory,
        perDay,
      };
    },
  };
}

/**
 * Counts for one period. Messages outside the range are ignored, so totals always equal the sum
 * of `perDay`. `failed` counts outbound `failed` and `undelivered`; errors are counted by
 * category for every message that carries an error code; a day's `filtered` counts its outbound
 * texts that carriers filtered or blocked, as {@link detectCarrierBlocking} does.
 * @param messages Messages of the period (already filtered).
 * @param range The period; `perDay` has one entry for every day of it.
 * @param zone IANA zone the days are taken in.
 * @returns The period summary.
 * @example summarizePeriod(filtered, { from: '2026-03-01', to: '2026-03-31' }, 'America/Chicago').deliveryRate
 */
export function summarizePeriod(messages: readonly SmsMessage[], range: DateRange, zone = 'UTC'): SmsPeriodSummary {
  checkDateRange(range);
  calendarRangeBounds(range, zone);
  const { dates, starts } = dayStarts(range, zone);
  const tally = periodTally(range, dates);
  for (const m of messages) {
    const i = dayIndex(starts, parseInstant(m.sentAt));
    if (i >= 0) tally.add(i, m.direction, m.status, smsErrorCategoryOf(m), 1);
  }
  return tally.result();
}

/**
 * {@link summarizePeriod} over counted groups of messages (a daily rollup): the same figures.
 * @param counts Groups of the period (already filtered); days outside the range are ignored.
 * @param range The period.
 * @returns The period summary.
 * @example summarizePeriodCounts([{ date: '2026-03-02', from: '+1312', direction: 'outbound', status: 'delivered', category: null, messages: 4 }], march).delivered // 4
 */
export function summarizePeriodCounts(counts: readonly SmsDayCount[], range: DateRange): SmsPeriodSummary {
  checkDateRange(range);
  const { dates } = dayStarts(range, 'UTC');
  const index = new Map(dates.map((date, i) => [date, i]));
  const tally = periodTally(range, dates);
  for (const c of counts) {
    const i = index.get(c.date);
    if (i !== undefined) tally.add(i, c.direction, c.status, c.category, c.messages);
  }
  return tally.result();
}

/** A sending number is flagged only with at least this many outbound messages in the period. */
export const BLOCKING_MIN_SENT = 20;
/** ...and at least this share of them filtered or blocked by carriers (5%)... */
export const BLOCKING_MIN_SHARE = 0.05;
/** ...and that share at least this many times the previous period's share (a new number counts as 0%). */
export const BLOCKING_RISE_FACTOR = 2;
/** What the store should do about a flagged number: the deck's advice. */
export const CARRIER_BLOCKING_ADVICE = CARRIER_FILTERING_ADVICE;

type Shares = Map<string, { sent: number; filtered: number }>;

function addShare(byNumber: Shares, from: string, category: SmsErrorCategory | null, n: number): void {
  let counts = byNumber.get(from);
  if (!counts) byNumber.set(from, (counts = { sent: 0, filtered: 0 }));
  counts.sent += n;
  if (category === 'carrier-filtered') counts.filtered += n;
}

function filteredShares(messages: readonly SmsMessage[]): Shares {
  const byNumber: Shares = new Map();
  for (const m of messages) if (m.direction === 'outbound') addShare(byNumber, m.from, smsErrorCategoryOf(m), 1);
  return byNumber;
}

function blockingFlags(current: Shares, before: Shares): CarrierBlockingFlag[] {
  const flags: CarrierBlockingFlag[] = [];
  for (const [number, { sent, filtered }] of current) {
    const share = filtered / sent;
    const prior = before.get(number);
    const previousShare = prior ? prior.filtered / prior.sent : 0;
    if (sent >= BLOCKING_MIN_SENT && share >= BLOCKING_MIN_SHARE && share >= BLOCKING_RISE_FACTOR * previousShare) {
      flags.push({ number, share, previousShare, filtered, sent });
    }
  }
  return flags.sort((a, b) => b.share - a.share || a.number.localeCompare(b.number));
}

/**
 * Sending numbers that carriers may be blocking: their share of carrier-filtered/blocked outbound
 * messages is at least {@link BLOCKING_MIN_SHARE} over at least {@link BLOCKING_MIN_SENT} sent, and
 * at least {@link BLOCKING_RISE_FACTOR} times the previous period's share.
 * @param current Messages of the current period.
 * @param previous Messages of the previous period.
 * @returns One flag per suspect number, highest share first.
 * @example detectCarrierBlocking(current, previous)[0] // { number: '+13125550100', share: 0.3, previousShare: 0.02, filtered: 12, sent: 40 }
 */
export function detectCarrierBlocking(
  current: readonly SmsMessage[],
  previous: readonly SmsMessage[],
): CarrierBlockingFlag[] {
  return blockingFlags(filteredShares(current), filteredShares(previous));
}

function countedShares(counts: readonly SmsDayCount[]): Shares {
  const byNumber: Shares = new Map();
  for (const c of counts) if (c.direction === 'outbound') addShare(byNumber, c.from, c.category, c.messages);
  return byNumber;
}

/**
 * {@link summarizeSms} over counted groups of messages (a daily rollup): the two periods and the
 * carrier-blocking flags, with the same figures as over the messages themselves.
 * @param current Groups of the filter's range, under its other filters.
 * @param previous Groups of {@link previousPeriod} of the range, under the same filters.
 * @param filter The filter (its range is the current period).
 * @returns Current and previous summaries and blocking flags.
 * @example summarizeSmsCounts(marchCounts, februaryCounts, { from: '2026-03-01', to: '2026-03-31' }).previous.range // { from: '2026-02-01', to: '2026-02-28' }
 */
export function summarizeSmsCounts(current: readonly SmsDayCount[], previous: readonly SmsDayCount[], filter: SmsFilter): SmsSummary {
  return {
    current: summarizePeriodCounts(current, filter),
    previous: summarizePeriodCounts(previous, previousPeriod(filter)),
    blocking: blockingFlags(countedShares(current), countedShares(previous)),
  };
}

/**
 * The SMS history's summary: the filtered range, the same range one month earlier under the same
 * non-date filters, and carrier-blocking flags. One pass over the messages.
 * @param messages All messages.
 * @param filter The advanced filter (its range is the current period).
 * @param zone IANA zone the calendar days are taken in.
 * @param timeline The log's {@link smsTimeline}, when it has one: only the two periods are read.
 * @returns Current and previous summaries and blocking flags.
 * @example summarizeSms(messages, { from: '2026-03-01', to: '2026-03-31' }, 'America/Chicago').previous.range // { from: '2026-02-01', to: '2026-02-28' }
 */
export function summarizeSms(messages: readonly SmsMessage[], filter: SmsFilter, zone = 'UTC', timeline?: Float64Array | null): SmsSummary {
  const prevRange = previousPeriod(filter);
  const [curStart, curEnd] = calendarRangeBounds(filter, zone);
  const [prevStart, prevEnd] = calendarRangeBounds(prevRange, zone);
  const matches = filterPredicate(filter);
  const current: SmsMessage[] = [];
  const previous: SmsMessage[] = [];
  const indexed = timeline && timeline.length === messages.length ? timeline : null;
  // With a timeline, only the messages from the earlier start to the later end are read.
  const first = indexed ? Math.min(firstAtOrAfter(indexed, prevStart), firstAtOrAfter(indexed, curStart)) : 0;
  const last = indexed ? Math.max(firstAtOrAfter(indexed, prevEnd), firstAtOrAfter(indexed, curEnd)) : messages.length;
  for (let i = first; i < last; i++) {
    const m = messages[i]!;
    const t = indexed ? indexed[i]! : parseInstant(m.sentAt);
    const inCurrent = t >= curStart && t < curEnd;
    const inPrevious = t >= prevStart && t < prevEnd;
    if ((inCurrent || inPrevious) && (!matches || matches(m))) {
      if (inCurrent) current.push(m);
      if (inPrevious) previous.push(m);
    }
  }
  return {
    current: summarizePeriod(current, filter, zone),
    previous: summarizePeriod(previous, prevRange, zone),
    blocking: detectCarrierBlocking(current, previous),
  };
}
