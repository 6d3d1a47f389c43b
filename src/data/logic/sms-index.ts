/**
 * The SMS log as columns, for summaries and filters that read a slice instead of every message.
 *
 * {@link buildSmsIndex} turns a log once into typed arrays in time order: the instant, the
 * zone-local day, one byte of flags (inbound, outbound, delivered, failed, carrier-filtered), the
 * error category, and a small-int code per filterable value (direction, status, error code,
 * employee, customer, sending number) with its dictionary. A date range is then a binary-searched
 * slice of rows; {@link filterSmsIndex} returns the matching rows as an `Int32Array`, and
 * {@link summarizeSmsIndex} counts both periods of a summary and the carrier-blocking shares in one
 * pass over the slice that covers them. {@link updateSmsIndex} keeps an index current when
 * messages are appended in time order or change without moving in time.
 *
 * The plain-array functions of `sms.ts` build an index and query it, so both ways give the same answers; {@link summarizeSmsCounts} counts a server's daily rollup with the same rule.
 */
import type { CarrierBlockingFlag, DateRange, IsoDate, SmsDirection, SmsErrorCategory, SmsFilter, SmsMessage, SmsPeriodSummary, SmsStatus, SmsSummary } from '../model.js';
import { SMS_ERROR_CATEGORIES } from '../model.js';
import { checkDateRange, checkZone, dayNumberOf, isoDateOfDay, parseInstant } from './calendar.js';
import { calendarRangeBounds, localDayNumber, previousPeriod } from './calendar-zones.js';
import { normalizeCode, smsErrorCategoryOf } from './sms-error-titles.js';

/** Flag bits of a row. */
const INBOUND = 1;
const OUTBOUND = 2;
const DELIVERED = 4;
/** `failed` or `undelivered`. */
const FAILED = 8;
/** Error category `carrier-filtered`. */
const CARRIER_FILTERED = 16;

/** The columns with a dictionary: what the advanced filter matches exactly, and the sending number. */
export const SMS_INDEX_COLUMNS = ['direction', 'status', 'errorCode', 'employeeId', 'customerId', 'from'] as const;
export type SmsIndexColumn = (typeof SMS_INDEX_COLUMNS)[number];

/** Values of one column: code → value, value → code (error codes as `normalizeCode` gives them; null is a value too). */
export interface SmsDictionary {
  keys: (string | null)[];
  codes: Map<string | null, number>;
}

/**
 * A log as columns in time order, for one zone. Build it with {@link buildSmsIndex}; the typed
 * arrays may be longer than `size` (room to append), rows past `size` mean nothing.
 */
export interface SmsIndex {
  zone: string;
  /** The messages it was built from (not copied). */
  messages: readonly SmsMessage[];
  /** Number of indexed messages (those whose `sentAt` is an instant). */
  size: number;
  /** Row → position in `messages`; null when row r is message r (a log in time order, every time valid). */
  position: Int32Array | null;
  /** `sentAt` in epoch milliseconds, ascending. */
  ms: Float64Array;
  /** Zone-local epoch-day number. */
  day: Int32Array;
  /** Inbound 1, outbound 2, delivered 4, failed or undelivered 8, carrier-filtered 16. */
  flags: Uint8Array;
  /** 0 without an error code, else 1 + the category's place in `SMS_ERROR_CATEGORIES`. */
  category: Uint8Array;
  /** Dictionary code per row for each column. */
  codes: Record<SmsIndexColumn, Uint32Array>;
  dictionaries: Record<SmsIndexColumn, SmsDictionary>;
}

const columnValue = (m: SmsMessage, column: SmsIndexColumn): string | null =>
  column === 'errorCode' ? normalizeCode(m.errorCode) : ((m[column] as string | null | undefined) ?? null);

function emptyIndex(messages: readonly SmsMessage[], zone: string, capacity: number): SmsIndex {
  const codes = {} as Record<SmsIndexColumn, Uint32Array>;
  const dictionaries = {} as Record<SmsIndexColumn, SmsDictionary>;
  for (const column of SMS_INDEX_COLUMNS) {
    codes[column] = new Uint32Array(capacity);
    dictionaries[column] = { keys: [], codes: new Map() };
  }
  return {
    zone,
    messages,
    size: 0,
    position: null,
    ms: new Float64Array(capacity),
    day: new Int32Array(capacity),
    flags: new Uint8Array(capacity),
    category: new Uint8Array(capacity),
    codes,
    dictionaries,
  };
}

/** Room for at least `size` rows, doubling. */
function reserve(index: SmsIndex, size: number): void {
  if (size <= index.ms.length) return;
  const capacity = Math.max(size, index.ms.length * 2, 16);
  const grow = <T extends Float64Array | Int32Array | Uint8Array | Uint32Array>(from: T, make: new (n: number) => T): T => {
    const to = new make(capacity);
    to.set(from as never);
    return to;
  };
  index.ms = grow(index.ms, Float64Array);
  index.day = grow(index.day, Int32Array);
  index.flags = grow(index.flags, Uint8Array);
  index.category = grow(index.category, Uint8Array);
  for (const column of SMS_INDEX_COLUMNS) index.codes[column] = grow(index.codes[column], Uint32Array);
}

const CATEGORY_CODES = new Map<SmsErrorCategory, number>(SMS_ERROR_CATEGORIES.map((c, i) => [c, i + 1]));

/** What a summary counts a text of this direction, status and error category as (the flags above). */
function smsFlags(direction: string, status: string, category: SmsErrorCategory | null): number {
  let flags = 0;
  if (direction === 'inbound') flags |= INBOUND;
  else if (direction === 'outbound') flags |= OUTBOUND;
  if (status === 'delivered') flags |= DELIVERED;
  else if (status === 'failed' || status === 'undelivered') flags |= FAILED;
  if (category === 'carrier-filtered') flags |= CARRIER_FILTERED;
  return flags;
}

/** Writes one message into row r (its time already known). */
function encodeRow(index: SmsIndex, r: number, m: SmsMessage, t: number): void {
  index.ms[r] = t;
  index.day[r] = localDayNumber(index.zone, t);
  const category = smsErrorCategoryOf(m);
  index.flags[r] = smsFlags(m.direction, m.status, category);
  index.category[r] = category ? CATEGORY_CODES.get(category)! : 0;
  for (const column of SMS_INDEX_COLUMNS) {
    const value = columnValue(m, column);
    const dictionary = index.dictionaries[column];
    let code = dictionary.codes.get(value);
    if (code === undefined) {
      code = dictionary.keys.length;
      dictionary.codes.set(value, code);
      dictionary.keys.push(value);
    }
    index.codes[column][r] = code;
  }
}

/**
 * Builds the columnar index of a log for one zone (each message's zone-local day taken with the
 * offset at its instant, so DST days are exact).
 * @param messages The log, any order (kept by reference: update or rebuild the index when it changes).
 * @param zone IANA zone of the calendar days.
 * @returns The index; messages whose `sentAt` is not an instant are left out.
 * @throws AdapterError kind `rejected` for an unknown zone.
 * @example summarizeSmsIndex(buildSmsIndex(log, 'America/Chicago'), { from: '2026-03-01', to: '2026-03-31' })
 */
export function buildSmsIndex(messages: readonly SmsMessage[], zone: string): SmsIndex {
  checkZone(zone);
  const n = messages.length;
  const times = new Float64Array(n);
  let valid = 0;
  let sorted = true;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const t = parseInstant(messages[i]!.sentAt);
    times[i] = t;
    if (t === t) {
      valid++;
      if (t < last) sorted = false;
      last = t;
    }
  }
  const index = emptyIndex(messages, zone, valid);
  if (!sorted || valid !== n) {
    // Row order: by time, ties in log order.
    const position = new Int32Array(valid);
    for (let i = 0, r = 0; i < n; i++) if (times[i] === times[i]) position[r++] = i;
    if (!sorted) position.sort((a, b) => times[a]! - times[b]! || a - b);
    index.position = position;
  }
  const position = index.position;
  for (let r = 0; r < valid; r++) {
    const i = position ? position[r]! : r;
    encodeRow(index, r, messages[i]!, times[i]!);
  }
  index.size = valid;
  return index;
}

/**
 * Brings an index up to date after its log changed in place, when that can be done without a
 * rebuild: messages appended at the end no earlier than the last indexed one, and messages that
 * changed without changing `sentAt`.
 * @param index An index with `position` null (a log in time order).
 * @param changed Positions of messages that changed in place (their `sentAt` unchanged).
 * @returns True when the index is current; false when it must be rebuilt with {@link buildSmsIndex}.
 * @example if (!updateSmsIndex(index, updatedRows)) index = buildSmsIndex(log, zone);
 */
export function updateSmsIndex(index: SmsIndex, changed: Iterable<number> = []): boolean {
  if (index.position) return false;
  const messages = index.messages;
  for (const r of changed) {
    if (r >= index.size) continue;
    const m = messages[r];
    if (!m || parseInstant(m.sentAt) !== index.ms[r]) return false;
  }
  const n = messages.length;
  if (n < index.size) return false;
  let last = index.size ? index.ms[index.size - 1]! : -Infinity;
  const times = new Float64Array(n - index.size);
  for (let i = index.size; i < n; i++) {
    const t = parseInstant(messages[i]!.sentAt);
    if (!(t >= last)) return false;
    times[i - index.size] = last = t;
  }
  for (const r of changed) if (r < index.size) encodeRow(index, r, messages[r]!, index.ms[r]!);
  reserve(index, n);
  for (let i = index.size; i < n; i++) encodeRow(index, i, messages[i]!, times[i - index.size]!);
  index.size = n;
  return true;
}

/** First row at or after `t` (rows ascending by time). */
function firstAtOrAfter(index: SmsIndex, t: number): number {
  const ms = index.ms;
  let lo = 0;
  let hi = index.size;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The message of a row of an index.
 * @param index The index.
 * @param row A row number (from {@link filterSmsIndex}).
 * @returns The message in the index's log.
 * @example Array.from(filterSmsIndex(index, march), (r) => smsAtRow(index, r))
 */
export function smsAtRow(index: SmsIndex, row: number): SmsMessage {
  return index.messages[index.position ? index.position[row]! : row]!;
}

/** Rows match everything (null), nothing (false), or this test. */
type RowTest = ((row: number) => boolean) | null | false;

/**
 * The filter's tests besides the date range, over the columns: each exact value becomes its
 * dictionary code (a value the log never has matches nothing); the free text reads the messages.
 */
function rowTest(index: SmsIndex, filter: SmsFilter): RowTest {
  const exact: [Uint32Array, number][] = [];
  const wanted: [SmsIndexColumn, string | undefined][] = [
    ['direction', filter.direction],
    ['status', filter.status],
    ['errorCode', normalizeCode(filter.errorCode)],
    ['employeeId', filter.employeeId],
    ['customerId', filter.customerId],
  ];
  for (const [column, value] of wanted) {
    if (!value) continue;
    const code = index.dictionaries[column].codes.get(value);
    if (code === undefined) return false;
    exact.push([index.codes[column], code]);
  }
  const category = filter.errorCategory ? CATEGORY_CODES.get(filter.errorCategory) : 0;
  if (category === undefined) return false;
  const text = filter.text?.trim().toLowerCase() ?? '';
  if (!exact.length && !category && !text) return null;
  const has = (value: string | null | undefined) => typeof value === 'string' && value.toLowerCase().includes(text);
  const columns = index.category;
  // The common cases as their own closures: one column, no text.
  if (exact.length === 1 && !category && !text) {
    const [values, code] = exact[0]!;
    return (r) => values[r] === code;
  }
  return (r) => {
    for (let k = 0; k < exact.length; k++) if (exact[k]![0][r] !== exact[k]![1]) return false;
    if (category && columns[r] !== category) return false;
    if (!text) return true;
    const m = smsAtRow(index, r);
    return has(m.body) || has(m.from) || has(m.to) || has(m.customerName) || has(m.employeeName);
  };
}

/**
 * The rows matching the SMS history's advanced filter, in time order (oldest first).
 * @param index The log's index.
 * @param filter Date range (calendar days in the index's zone, inclusive), direction, status,
 *   error category, error code, employee, customer and free text (case-insensitive over body,
 *   numbers, names).
 * @returns Row numbers; {@link smsAtRow} gives each one's message.
 * @throws AdapterError kind `rejected` for an invalid range.
 * @example filterSmsIndex(index, { from: '2026-03-01', to: '2026-03-31', direction: 'outbound' }).length
 */
export function filterSmsIndex(index: SmsIndex, filter: SmsFilter): Int32Array {
  const [start, end] = calendarRangeBounds(checkDateRange(filter), index.zone);
  const first = firstAtOrAfter(index, start);
  const last = firstAtOrAfter(index, end);
  const test = rowTest(index, filter);
  if (test === false || last <= first) return new Int32Array(0);
  const rows = new Int32Array(last - first);
  if (test === null) {
    for (let r = first; r < last; r++) rows[r - first] = r;
    return rows;
  }
  let k = 0;
  for (let r = first; r < last; r++) if (test(r)) rows[k++] = r;
  // A view of the matches, not a copy: the rest of the buffer is a few bytes per row of the range.
  return k === rows.length ? rows : rows.subarray(0, k);
}

/** Counts of one period as the pass adds them up. */
interface PeriodCounts {
  range: DateRange;
  start: number;
  end: number;
  firstDay: number;
  inbound: Int32Array;
  outbound: Int32Array;
  delivered: Int32Array;
  failed: Int32Array;
  filtered: Int32Array;
  errors: Int32Array;
  /** Per sending-number code: outbound texts, and those carriers filtered. */
  sent: Int32Array;
  blocked: Int32Array;
}

function periodCounts(index: SmsIndex, range: DateRange): PeriodCounts {
  const [start, end] = calendarRangeBounds(range, index.zone);
  return { ...emptyCounts(range, index.dictionaries.from.keys.length), start, end };
}

/** A period's counts, all zero, for `senders` sending numbers (its instants left at 0). */
function emptyCounts(range: DateRange, senders: number): PeriodCounts {
  const firstDay = dayNumberOf(range.from);
  const days = dayNumberOf(range.to) - firstDay + 1;
  return {
    range,
    start: 0,
    end: 0,
    firstDay,
    inbound: new Int32Array(days),
    outbound: new Int32Array(days),
    delivered: new Int32Array(days),
    failed: new Int32Array(days),
    filtered: new Int32Array(days),
    errors: new Int32Array(SMS_ERROR_CATEGORIES.length + 1),
    sent: new Int32Array(senders),
    blocked: new Int32Array(senders),
  };
}

/**
 * Adds n texts alike (their flags, error-category code and sending-number code, -1 for none) to
 * day d of a period: the one counting rule of every SMS summary, from the log or from a rollup.
 */
function addCounts(c: PeriodCounts, d: number, flags: number, category: number, sender: number, n: number): void {
  if (flags & INBOUND) c.inbound[d]! += n;
  else {
    // A direction other than inbound counts as sent, as it always has.
    c.outbound[d]! += n;
    if (flags & DELIVERED) c.delivered[d]! += n;
    else if (flags & FAILED) c.failed[d]! += n;
  }
  if (flags & OUTBOUND) {
    c.sent[sender]! += n;
    if (flags & CARRIER_FILTERED) {
      c.filtered[d]! += n;
      c.blocked[sender]! += n;
    }
  }
  c.errors[category]! += n;
}

/** Adds row r to a period's counts. */
function tally(index: SmsIndex, c: PeriodCounts, r: number): void {
  addCounts(c, index.day[r]! - c.firstDay, index.flags[r]!, index.category[r]!, index.codes.from[r]!, 1);
}

const sum = (values: Int32Array) => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
};

function periodSummary(c: PeriodCounts): SmsPeriodSummary {
  const perDay = Array.from(c.inbound, (_, i) => ({
    date: isoDateOfDay(c.firstDay + i) as IsoDate,
    inbound: c.inbound[i]!,
    outbound: c.outbound[i]!,
    delivered: c.delivered[i]!,
    failed: c.failed[i]!,
    filtered: c.filtered[i]!,
  }));
  const errorsByCategory: Partial<Record<SmsErrorCategory, number>> = {};
  SMS_ERROR_CATEGORIES.forEach((category, i) => {
    if (c.errors[i + 1]) errorsByCategory[category] = c.errors[i + 1]!;
  });
  const delivered = sum(c.delivered);
  const failed = sum(c.failed);
  return {
    range: { from: c.range.from, to: c.range.to },
    inbound: sum(c.inbound),
    outbound: sum(c.outbound),
    delivered,
    failed,
    deliveryRate: delivered + failed > 0 ? delivered / (delivered + failed) : null,
    errorsByCategory,
    perDay,
  };
}

/** A sending number is flagged only with at least this many outbound messages in the period. */
export const BLOCKING_MIN_SENT = 20;
/** ...and at least this share of them filtered or blocked by carriers (5%)... */
export const BLOCKING_MIN_SHARE = 0.05;
/** ...and that share at least this many times the previous period's share (a new number counts as 0%). */
export const BLOCKING_RISE_FACTOR = 2;

/** Outbound texts of one sending number in a period, and how many of them carriers filtered. */
export interface SenderShare {
  sent: number;
  filtered: number;
}

/**
 * The carrier-blocking rule: a number is flagged when its filtered share is at least
 * {@link BLOCKING_MIN_SHARE} over at least {@link BLOCKING_MIN_SENT} sent, and at least
 * {@link BLOCKING_RISE_FACTOR} times its share in the previous period.
 * @param current Per sending number, this period's counts.
 * @param previous Per sending number, the previous period's counts.
 * @returns One flag per suspect number, highest share first.
 * @example blockingFlags(new Map([['+13125550100', { sent: 40, filtered: 12 }]]), new Map()) // [{ number: '+13125550100', share: 0.3, previousShare: 0, filtered: 12, sent: 40 }]
 */
export function blockingFlags(current: ReadonlyMap<string, SenderShare>, previous: ReadonlyMap<string, SenderShare>): CarrierBlockingFlag[] {
  const flags: CarrierBlockingFlag[] = [];
  for (const [number, { sent, filtered }] of current) {
    if (!sent) continue;
    const share = filtered / sent;
    const prior = previous.get(number);
    const previousShare = prior?.sent ? prior.filtered / prior.sent : 0;
    if (sent >= BLOCKING_MIN_SENT && share >= BLOCKING_MIN_SHARE && share >= BLOCKING_RISE_FACTOR * previousShare) {
      flags.push({ number, share, previousShare, filtered, sent });
    }
  }
  return flags.sort((a, b) => b.share - a.share || a.number.localeCompare(b.number));
}

/** Per sending number (`numbers[code]`), a period's outbound texts and those carriers filtered. */
function senderShares(numbers: readonly (string | null)[], c: PeriodCounts): Map<string, SenderShare> {
  const shares = new Map<string, SenderShare>();
  for (let code = 0; code < c.sent.length; code++) {
    if (c.sent[code]) shares.set(numbers[code] ?? '', { sent: c.sent[code]!, filtered: c.blocked[code]! });
  }
  return shares;
}

/**
 * Counts rows of the union of the periods' slices into each period they fall in.
 * @returns The periods' counts, in the order given.
 */
function countPeriods(index: SmsIndex, filter: SmsFilter, ranges: readonly DateRange[]): PeriodCounts[] {
  const periods = ranges.map((range) => periodCounts(index, range));
  const test = rowTest(index, filter);
  if (test === false) return periods;
  const first = Math.min(...periods.map((p) => firstAtOrAfter(index, p.start)));
  const last = Math.max(...periods.map((p) => firstAtOrAfter(index, p.end)));
  const ms = index.ms;
  for (let r = first; r < last; r++) {
    const t = ms[r]!;
    let matched: boolean | null = null;
    for (const p of periods) {
      if (t < p.start || t >= p.end) continue;
      matched ??= test === null || test(r);
      if (!matched) break;
      tally(index, p, r);
    }
  }
  return periods;
}

/**
 * Counts for one period under a filter. `failed` counts outbound `failed` and `undelivered`;
 * errors are counted by category for every message that carries an error code; a day's `filtered`
 * counts its outbound texts that carriers filtered or blocked.
 * @param index The log's index.
 * @param range The period; `perDay` has one entry for every day of it.
 * @param filter The non-date filters (the range's own `from`/`to` are ignored).
 * @returns The period summary; totals always equal the sum of `perDay`.
 * @throws AdapterError kind `rejected` for an invalid range.
 * @example summarizeSmsPeriodIndex(index, { from: '2026-03-01', to: '2026-03-31' }).deliveryRate
 */
export function summarizeSmsPeriodIndex(index: SmsIndex, range: DateRange, filter: Omit<SmsFilter, 'from' | 'to'> = {}): SmsPeriodSummary {
  checkDateRange(range);
  return periodSummary(countPeriods(index, { ...filter, ...range }, [range])[0]!);
}

/**
 * The SMS history's summary: the filtered range, the same range one month earlier
 * (`previousPeriod`) under the same non-date filters, and carrier-blocking flags
 * ({@link blockingFlags}). One pass over the slice of rows from the earlier start to the later end.
 * @param index The log's index (its zone is the zone of the calendar days).
 * @param filter The advanced filter (its range is the current period).
 * @returns Current and previous summaries and blocking flags.
 * @throws AdapterError kind `rejected` for an invalid range.
 * @example summarizeSmsIndex(index, { from: '2026-03-01', to: '2026-03-31' }).previous.range // { from: '2026-02-01', to: '2026-02-28' }
 */
export function summarizeSmsIndex(index: SmsIndex, filter: SmsFilter): SmsSummary {
  checkDateRange(filter);
  const prevRange = previousPeriod(filter);
  const [current, previous] = countPeriods(index, filter, [{ from: filter.from, to: filter.to }, prevRange]);
  return {
    current: periodSummary(current!),
    previous: periodSummary(previous!),
    blocking: blockingFlags(senderShares(index.dictionaries.from.keys, current!), senderShares(index.dictionaries.from.keys, previous!)),
  };
}

/**
 * Texts of one day alike in sending number, direction, status and error category, counted: what
 * a server's daily rollup holds, and what {@link summarizeSmsCounts} summarizes.
 */
export interface SmsDayCount {
  /** The calendar day of `sentAt` in the dealer's zone. */
  date: IsoDate;
  from: string;
  direction: SmsDirection;
  status: SmsStatus;
  /** `smsErrorCategoryOf` of the texts. */
  category: SmsErrorCategory | null;
  messages: number;
}

/** Counts groups into a period (groups on days outside it are left out), numbers coded by `senders`. */
function countGroups(groups: readonly SmsDayCount[], range: DateRange, senders: Map<string, number>): PeriodCounts {
  const c = emptyCounts(range, senders.size);
  const days = c.inbound.length;
  for (const g of groups) {
    const d = dayNumberOf(g.date) - c.firstDay;
    if (!(d >= 0 && d < days)) continue;
    const category = g.category ? (CATEGORY_CODES.get(g.category) ?? 0) : 0;
    addCounts(c, d, smsFlags(g.direction, g.status, g.category), category, senders.get(g.from)!, g.messages);
  }
  return c;
}

function senderCodes(...lists: (readonly SmsDayCount[])[]): Map<string, number> {
  const codes = new Map<string, number>();
  for (const list of lists) for (const g of list) if (!codes.has(g.from)) codes.set(g.from, codes.size);
  return codes;
}

/**
 * {@link summarizeSmsPeriodIndex} over counted groups of texts (a daily rollup): the same figures.
 * @param counts Groups of the period (already filtered); days outside the range are ignored.
 * @param range The period.
 * @returns The period summary.
 * @throws AdapterError kind `rejected` for an invalid range.
 * @example summarizePeriodCounts([{ date: '2026-03-02', from: '+1312', direction: 'outbound', status: 'delivered', category: null, messages: 4 }], march).delivered // 4
 */
export function summarizePeriodCounts(counts: readonly SmsDayCount[], range: DateRange): SmsPeriodSummary {
  checkDateRange(range);
  return periodSummary(countGroups(counts, range, senderCodes(counts)));
}

/**
 * {@link summarizeSmsIndex} over counted groups of texts (a daily rollup): the two periods and the
 * carrier-blocking flags, with the same figures as over the texts themselves.
 * @param current Groups of the filter's range, under its other filters.
 * @param previous Groups of `previousPeriod` of the range, under the same filters.
 * @param filter The filter (its range is the current period).
 * @returns Current and previous summaries and blocking flags.
 * @throws AdapterError kind `rejected` for an invalid range.
 * @example summarizeSmsCounts(marchCounts, februaryCounts, { from: '2026-03-01', to: '2026-03-31' }).previous.range // { from: '2026-02-01', to: '2026-02-28' }
 */
export function summarizeSmsCounts(current: readonly SmsDayCount[], previous: readonly SmsDayCount[], filter: SmsFilter): SmsSummary {
  checkDateRange(filter);
  const senders = senderCodes(current, previous);
  const numbers = [...senders.keys()];
  const now = countGroups(current, { from: filter.from, to: filter.to }, senders);
  const before = countGroups(previous, previousPeriod(filter), senders);
  return { current: periodSummary(now), previous: periodSummary(before), blocking: blockingFlags(senderShares(numbers, now), senderShares(numbers, before)) };
}
