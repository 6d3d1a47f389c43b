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
  SmsFilter,
  SmsMessage,
  SmsPeriodSummary,
  SmsSummary,
} from '../model.js';
import { checkDateRange, dayNumberOf } from './calendar.js';
import { CARRIER_FILTERING_ADVICE } from './sms-error-texts.js';
import { smsErrorCategoryOf } from './sms-error-titles.js';
import { blockingFlags, buildSmsIndex, filterSmsIndex, summarizeSmsIndex, summarizeSmsPeriodIndex, type SenderShare } from './sms-index.js';

export { CARRIER_FILTERING_ADVICE, SMS_ERROR_CODES, classifySmsError, smsErrorCategoryOf } from './sms-errors.js';
export type { SmsErrorInfo } from './sms-errors.js';
export { BLOCKING_MIN_SENT, BLOCKING_MIN_SHARE, BLOCKING_RISE_FACTOR } from './sms-index.js';

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

/** The direction and size of a change between two periods, for the summary's arrows. */
export interface PeriodChange {
  direction: 'up' | 'down' | 'same';
  /** current − previous. */
  difference: number;
  /** Relative change (0.25 = +25%), null when the previous value is 0 or missing. */
  ratio: number | null;
}

/**
 * The arrow for one figure of the summary.
 * @param current The figure now (null when it cannot be computed, e.g. a rate with no messages).
 * @param previous The figure in the previous period.
 * @returns Direction, difference and relative change.
 * @example compareToPrevious(120, 100) // { direction: 'up', difference: 20, ratio: 0.2 }
 */
export function compareToPrevious(current: number | null, previous: number | null): PeriodChange {
  const now = current ?? 0;
  const before = previous ?? 0;
  const difference = now - before;
  return {
    direction: difference > 0 ? 'up' : difference < 0 ? 'down' : 'same',
    difference,
    ratio: before !== 0 && current !== null ? difference / before : null,
  };
}

/** One day of the SMS trend: its figures, and where it stands on the trend's time axis. */
export interface SmsTrendDay {
  date: IsoDate;
  /** The position on the axis: UTC midnight of the day this period's axis shows it on (epoch ms). */
  x: number;
  inbound: number;
  outbound: number;
  delivered: number;
  failed: number;
  filtered: number;
}

/** The summary's days on one time axis, for the daily trend and its table. */
export interface SmsTrend {
  /** Every day of the current period. */
  current: SmsTrendDay[];
  /** The previous period's days, each on the axis at the current day it is compared with; days past the current period's end are left off. */
  previous: SmsTrendDay[];
  /** Days of the current period on which carriers filtered or blocked texts, when the summary flags carrier blocking (none otherwise). */
  blockedDays: IsoDate[];
}

const DAY_MS = 86_400_000;

/**
 * The daily trend of a summary: each period's days on this period's axis, so the previous
 * period can be drawn over it. Day i of the previous period (the same range a month earlier) is
 * compared with day i of this one: for a whole month, or any range within one month, that is the
 * same day of the month. The axis is the calendar days as UTC midnights, so every day is as wide
 * as the next whatever the zone's clock changes.
 * @param summary The adapter's summary (both periods' `perDay`, the blocking flags).
 * @returns The current and previous days on one axis, and the days carrier blocking marks.
 * @example smsTrend(summary).previous[4] // { date: '2026-10-05', x: Date.UTC(2026, 10, 5), inbound: 0, outbound: 19, delivered: 19, failed: 0, filtered: 0 }
 */
export function smsTrend(summary: SmsSummary): SmsTrend {
  const current = summary.current.perDay.map((day) => ({ ...day, x: dayNumberOf(day.date) * DAY_MS }));
  const previous = summary.previous.perDay.slice(0, current.length).map((day, i) => ({ ...day, x: current[i]!.x }));
  const blockedDays = summary.blocking.length ? current.filter((day) => day.filtered > 0).map((day) => day.date) : [];
  return { current, previous, blockedDays };
}
