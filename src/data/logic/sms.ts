/**
 * SMS history: the advanced filter, period summaries against the same range one month earlier,
 * and the carrier-blocking detector, over a plain list of messages (each call indexes the list with
 * `buildSmsIndex` and reads the index: the counting rules live in `sms-index.ts`). The provider
 * error taxonomy is in `sms-errors.ts` (re-exported here).
 */
import type {
  CarrierBlockingFlag,
  DateRange,
  SmsFilter,
  SmsMessage,
  SmsPeriodSummary,
  SmsSummary,
} from '../model.js';
import { checkDateRange } from './calendar.js';
import { CARRIER_FILTERING_ADVICE } from './sms-error-texts.js';
import { smsErrorCategoryOf } from './sms-error-titles.js';
import { blockingFlags, buildSmsIndex, filterSmsIndex, summarizeSmsIndex, summarizeSmsPeriodIndex, type SenderShare } from './sms-index.js';

export { CARRIER_FILTERING_ADVICE, SMS_ERROR_CODES, classifySmsError, smsErrorCategoryOf } from './sms-errors.js';
export type { SmsErrorInfo } from './sms-errors.js';
export { BLOCKING_MIN_SENT, BLOCKING_MIN_SHARE, BLOCKING_RISE_FACTOR, summarizePeriodCounts, summarizeSmsCounts } from './sms-index.js';
export type { SmsDayCount } from './sms-index.js';
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

/** What the store should do about a flagged number: the deck's advice. */
export const CARRIER_BLOCKING_ADVICE = CARRIER_FILTERING_ADVICE;

function filteredShares(messages: readonly SmsMessage[]): Map<string, SenderShare> {
  const byNumber = new Map<string, SenderShare>();
  for (const m of messages) {
    if (m.direction !== 'outbound') continue;
    let counts = byNumber.get(m.from);
    if (!counts) byNumber.set(m.from, (counts = { sent: 0, filtered: 0 }));
    counts.sent++;
    if (smsErrorCategoryOf(m) === 'carrier-filtered') counts.filtered++;
  }
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
