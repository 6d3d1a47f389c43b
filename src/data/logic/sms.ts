/**
 * SMS history: the advanced filter, period summaries against the same range one month earlier,
 * and the carrier-blocking detector, over a plain list of messages (each call indexes the list with
 * `buildSmsIndex` and reads the index: the counting rules live in `sms-index.ts`). The provider
 * error taxonomy is in `sms-errors.ts` (re-exported here).
 */
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
import { checkDateRange, dayNumberOf, isoDateOfDay } from './calendar.js';
import { previousPeriod } from './calendar-zones.js';
import { CARRIER_FILTERING_ADVICE } from './sms-error-texts.js';
import { smsErrorCategoryOf } from './sms-error-titles.js';
import { blockingFlags, buildSmsIndex, filterSmsIndex, summarizeSmsIndex, summarizeSmsPeriodIndex, type SenderShare } from './sms-index.js';

export { CARRIER_FILTERING_ADVICE, SMS_ERROR_CODES, classifySmsError, smsErrorCategoryOf } from './sms-errors.js';
export type { SmsErrorInfo } from './sms-errors.js';
export { BLOCKING_MIN_SENT, BLOCKING_MIN_SHARE, BLOCKING_RISE_FACTOR } from './sms-index.js';
export { smsTrend } from './sms-trend.js';
export type { SmsTrend, SmsTrendDay } from './sms-trend.js';

/**
 * The messages matching the SMS history's advanced filter, in their original order.
 * @param messages All messages.
 * @param filter Date range (calendar days of `sentAt` in `zone`, inclusive), direction, status,
 *   error category, error code, employee, customer and free text (case-insensitive over body, numbers, names).
 * @param zone IANA zone the calendar days are taken in.
 * @returns The matching messages.
 * @example filterSms(messages, { from: '2026-03-01', to: '2026-03-31', errorCategory: 'carrier-filtered' }, 'America/Chicago')
 */
export function filterSms(messages: readonly SmsMessage[], filter: SmsFilter, zone = 'UTC'): SmsMessage[] {
  const index = buildSmsIndex(messages, zone);
  const rows = filterSmsIndex(index, filter);
  if (!index.position) return Array.from(rows, (r) => messages[r]!);
  const positions = Int32Array.from(rows, (r) => index.position![r]!).sort();
  return Array.from(positions, (i) => messages[i]!);
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
  return summarizeSmsPeriodIndex(buildSmsIndex(messages, zone), range);
}

/** Every calendar day of a range, in order. */
function rangeDates(range: DateRange): IsoDate[] {
  const first = dayNumberOf(range.from);
  return Array.from({ length: dayNumberOf(range.to) - first + 1 }, (_, i) => isoDateOfDay(first + i) as IsoDate);
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
 * {@link summarizePeriod} over counted groups of messages (a daily rollup): the same figures.
 * @param counts Groups of the period (already filtered); days outside the range are ignored.
 * @param range The period.
 * @returns The period summary.
 * @example summarizePeriodCounts([{ date: '2026-03-02', from: '+1312', direction: 'outbound', status: 'delivered', category: null, messages: 4 }], march).delivered // 4
 */
export function summarizePeriodCounts(counts: readonly SmsDayCount[], range: DateRange): SmsPeriodSummary {
  checkDateRange(range);
  const dates = rangeDates(range);
  const index = new Map(dates.map((date, i) => [date, i]));
  const tally = periodTally(range, dates);
  for (const c of counts) {
    const i = index.get(c.date);
    if (i !== undefined) tally.add(i, c.direction, c.status, c.category, c.messages);
  }
  return tally.result();
}

/** What the store should do about a flagged number: the deck's advice. */
export const CARRIER_BLOCKING_ADVICE = CARRIER_FILTERING_ADVICE;

function filteredShares(messages: readonly SmsMessage[]): Shares {
  const byNumber: Shares = new Map();
  for (const m of messages) if (m.direction === 'outbound') addShare(byNumber, m.from, smsErrorCategoryOf(m), 1);
  return byNumber;
}

/**
 * Sending numbers that carriers may be blocking: their share of carrier-filtered/blocked outbound
 * messages is at least {@link BLOCKING_MIN_SHARE} over at least {@link BLOCKING_MIN_SENT} sent, and
 * at least {@link BLOCKING_RISE_FACTOR} times the previous period's share (`blockingFlags`).
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

/**
 * The SMS history's summary: the filtered range, the same range one month earlier under the same
 * non-date filters, and carrier-blocking flags. Builds the log's index (`buildSmsIndex`) and reads
 * it once; a caller that keeps the index asks `summarizeSmsIndex` instead.
 * @param messages All messages.
 * @param filter The advanced filter (its range is the current period).
 * @param zone IANA zone the calendar days are taken in.
 * @returns Current and previous summaries and blocking flags.
 * @example summarizeSms(messages, { from: '2026-03-01', to: '2026-03-31' }, 'America/Chicago').previous.range // { from: '2026-02-01', to: '2026-02-28' }
 */
export function summarizeSms(messages: readonly SmsMessage[], filter: SmsFilter, zone = 'UTC'): SmsSummary {
  checkDateRange(filter);
  return summarizeSmsIndex(buildSmsIndex(messages, zone), filter);
}

type Shares = Map<string, SenderShare>;

function addShare(byNumber: Shares, from: string, category: SmsErrorCategory | null, n: number): void {
  let counts = byNumber.get(from);
  if (!counts) byNumber.set(from, (counts = { sent: 0, filtered: 0 }));
  counts.sent += n;
  if (category === 'carrier-filtered') counts.filtered += n;
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
