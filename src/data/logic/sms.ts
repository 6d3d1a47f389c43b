/**
 * SMS history: the provider error taxonomy, the advanced filter, period summaries against the
 * same range one month earlier, and the carrier-blocking detector.
 *
 * Error definitions: the dealership CRM deck (slide 12) for the five errors it defines, which are
 * Bandwidth's codes; Bandwidth's messaging error table (dev.bandwidth.com, "Messaging Errors")
 * for the other Bandwidth codes and their billable flags; Twilio's error dictionary
 * (twilio.com/docs/api/errors/<code>) for the Twilio codes. `definition` is reworded in plain
 * language for the people reading the SMS history; where an entry has a `providerDefinition`, that
 * is the provider's own sentence, quoted from the page in its `source`.
 */
import { DateTime } from 'luxon';
import type {
  CarrierBlockingFlag,
  DateRange,
  IsoDate,
  SmsErrorCategory,
  SmsFilter,
  SmsMessage,
  SmsPeriodSummary,
  SmsProvider,
  SmsSummary,
} from '../model.js';
import { checkDateRange, dayNumberOf, parseInstant } from './calendar.js';
import { calendarRangeBounds, previousPeriod } from './calendar-zones.js';

/** What an error code means, for the error column and its details panel. */
export interface SmsErrorInfo {
  /** The code as the provider sent it, trimmed (kept as-is for unknown codes). */
  code: string;
  provider: SmsProvider;
  category: SmsErrorCategory;
  /** Short title for the error column. */
  title: string;
  /** What happened, in plain language. */
  definition: string;
  /** What the store can do about it. */
  advice: string;
  /** Whether the provider bills the failed message, where the provider documents it. */
  billable?: boolean;
  /** The provider's own definition, quoted word for word from `source` (only where it was checked there). */
  providerDefinition?: string;
  /** The provider's documentation page that `providerDefinition` quotes. */
  source?: string;
}

/** The deck's advice against carrier filtering (slide 9). */
export const CARRIER_FILTERING_ADVICE =
  'Carriers filter texts that look like bulk spam. Update your templates regularly and type a different message to each customer instead of sending the same text over and over.';

const ADVICE = {
  filtered: CARRIER_FILTERING_ADVICE,
  checkNumber: 'Check the number with the customer and correct it in their record; reach them by phone or email meanwhile.',
  noTexts: 'This number cannot receive texts (often a landline). Call or email the customer, and ask for a mobile number.',
  unreachable: 'The phone was off or out of coverage. Try again later; if it keeps failing, call the customer.',
  optedOut: 'The customer opted out. Do not text this number again unless they text START; call or email instead.',
  slowDown: 'You sent more than the carrier allows. Spread bulk texts over a longer time and try again later.',
  retryOnce: 'A carrier-side problem. Resend once later; if it keeps failing, call or email the customer.',
  registration: 'The sending number is not registered or verified for business texting. Ask your texting provider to complete the registration; until then carriers block its texts.',
  blockedSender: 'Carriers have flagged the sending number. Contact your texting provider, and vary your templates so new texts are not flagged again.',
  shortLinks: 'Do not use public link shorteners (bit.ly and the like); link to the dealership’s own website instead.',
  dailyCap:
    'The business sent as many texts today as the carrier allows. Resend tomorrow (the cap resets at midnight Pacific time), send only what cannot wait, and ask your texting provider about raising the brand’s trust score.',
  congestion: 'The customer’s carrier was too busy to take the text. Resend later, and spread bulk texts over a longer time instead of sending them all at once.',
  // Bandwidth 4720: two of its three causes pass by themselves, one does not.
  retryOrCorrect:
    'Retry later: a prepaid account without funds, or a number moving to another carrier, usually clears within days. Only if the number has been deactivated (it keeps failing) correct the number with the customer. Call or email them meanwhile.',
  unallocated: 'No carrier serves this number, so it cannot receive texts. Ask the customer for the number they use now; call or email them meanwhile.',
} as const;

/**
 * Every provider error code Forecourt explains. Codes not listed here classify as `unknown`.
 * `billable` is set only where the provider documents it.
 */
export const SMS_ERROR_CODES = {
  bandwidth: {
    // Not `invalid-number`: the deck says the number is valid. No carrier holds it, so nothing can
    // reach it, which is what `landline-or-unreachable` means (texts cannot get to this number).
    '4406': {
      category: 'landline-or-unreachable',
      title: 'Rejected - unallocated number',
      definition:
        'This number is valid, but it is not assigned to a carrier because it is not available for public use in North America.',
      advice: ADVICE.unallocated,
      billable: false,
    },
    '4470': {
      category: 'carrier-filtered',
      title: 'Rejected as spam',
      definition: 'The texting provider filtered and blocked this message as spam (volume, content or prohibited topics).',
      advice: ADVICE.filtered,
      billable: true,
    },
    '4481': {
      category: 'carrier-filtered',
      title: 'Sending number blocked',
      definition: 'The sending number is on a block list because of repeated spam reports or violations.',
      advice: ADVICE.blockedSender,
      billable: false,
    },
    '4482': {
      category: 'carrier-filtered',
      title: 'Recipient number blocked',
      definition: 'The customer’s number is on a block list and cannot receive these messages.',
      advice: 'Stop texting this number; call or email the customer instead.',
      billable: false,
    },
    '4700': {
      category: 'landline-or-unreachable',
      title: 'Texting not supported',
      definition: 'The carrier or the phone does not support text messages.',
      advice: ADVICE.noTexts,
      billable: true,
    },
    '4701': {
      category: 'landline-or-unreachable',
      title: 'Destination unreachable',
      definition: 'The carrier reports the number cannot be reached or has no text service.',
      advice: ADVICE.noTexts,
      billable: true,
    },
    '4702': {
      category: 'landline-or-unreachable',
      title: 'Phone unavailable',
      definition: 'The phone is off, out of coverage, busy or its message storage is full.',
      advice: ADVICE.unreachable,
      billable: true,
    },
    // The deck's three causes: two are temporary (no prepaid funds, mid-port) and leave the number
    // valid, one (deactivated) does not. Most often the number is right but cannot be reached for
    // now, so `landline-or-unreachable`, not `invalid-number`; the advice covers the third cause.
    '4720': {
      category: 'landline-or-unreachable',
      title: 'Invalid destination address',
      definition:
        'The customer has a prepaid account without funds to receive the message, the number has been deactivated, or the number is moving to another carrier and the change is not complete yet.',
      advice: ADVICE.retryOrCorrect,
      billable: true,
    },
    '4721': {
      category: 'invalid-number',
      title: 'Number deactivated',
      definition: 'The number is on the deactivation list: it is inactive or no longer with a carrier.',
      advice: ADVICE.checkNumber,
      billable: true,
    },
    '4730': {
      category: 'landline-or-unreachable',
      title: 'No route to carrier',
      definition: 'The carrier has no route to the number, for example while the phone is roaming on an unreachable network.',
      advice: ADVICE.unreachable,
      billable: true,
    },
    '4750': {
      category: 'landline-or-unreachable',
      title: 'Destination rejected message',
      definition:
        'The carrier rejected the message because the number is invalid or the customer does not have text messaging enabled.',
      advice: ADVICE.noTexts,
      billable: true,
    },
    '4770': {
      category: 'carrier-filtered',
      title: 'Carrier rejected as spam',
      definition: 'The customer’s carrier blocked this message as spam, because of its content or because the sending number was flagged.',
      advice: ADVICE.filtered,
      billable: true,
    },
    '4771': {
      category: 'carrier-filtered',
      title: 'Rejected for shortened link',
      definition: 'The carrier blocked the message because of a shortened link in it.',
      advice: ADVICE.shortLinks,
      billable: true,
    },
    '4772': {
      category: 'carrier-filtered',
      title: 'Sender or recipient blocked',
      definition: 'A downstream carrier has blocked the sending or the receiving number.',
      advice: ADVICE.blockedSender,
      billable: true,
    },
    '4773': {
      category: 'carrier-filtered',
      title: 'Campaign inactive',
      definition: 'The business-texting campaign of the sending number is not active (pending, rejected or suspended), so carriers block it.',
      advice: ADVICE.registration,
      billable: true,
    },
    '4775': {
      category: 'opted-out',
      title: 'Customer opted out',
      definition: 'The customer has opted out of texts from this sender.',
      advice: ADVICE.optedOut,
      billable: true,
    },
    '4780': {
      category: 'volume-limited',
      title: 'T-Mobile daily limit exceeded',
      definition: 'T-Mobile rejected the message because the brand sent over its daily limit.',
      advice: ADVICE.slowDown,
      billable: true,
    },
    '4781': {
      category: 'volume-limited',
      title: 'AT&T rate limit exceeded',
      definition: 'AT&T rejected or throttled the message because the campaign sent faster than its limit (or for high spam rates).',
      advice: ADVICE.slowDown,
      billable: true,
    },
    '4785': {
      category: 'volume-limited',
      title: 'Volume limit exceeded',
      definition: 'The carrier rejected the message because more messages were sent than allowed.',
      advice: ADVICE.slowDown,
      billable: true,
    },
    '4795': {
      category: 'carrier-filtered',
      title: 'Toll-free number not verified',
      definition: 'The message was blocked because the toll-free sending number is not verified.',
      advice: ADVICE.registration,
      billable: true,
    },
    '5600': {
      category: 'carrier-failure',
      title: 'Carrier service unavailable',
      definition: 'The carrier could not take the message: network congestion, a full queue or throttling on its side.',
      advice: ADVICE.retryOnce,
      billable: true,
    },
    '5650': {
      category: 'carrier-failure',
      title: 'Destination failed',
      definition:
        'General delivery failure. Something got in the way of delivering this message, usually because the customer’s carrier is having issues.',
      advice: ADVICE.retryOnce,
      billable: true,
    },
    '9902': {
      category: 'receipt-expired',
      title: 'Delivery receipt expired',
      definition:
        'The message was tried and failed; resent several times, it still could not be delivered, so it timed out. This usually happens when the carrier is down or the customer is where messages cannot be received.',
      advice: ADVICE.unreachable,
      billable: true,
    },
    '9999': {
      category: 'carrier-failure',
      title: 'Unknown carrier error',
      definition: 'The carrier reported a failure the texting provider does not recognise.',
      advice: ADVICE.retryOnce,
      billable: true,
    },
  },
  twilio: {
    '21211': {
      category: 'invalid-number',
      title: 'Invalid “To” number',
      definition: 'The customer’s number is not a valid phone number or is badly formatted.',
      advice: ADVICE.checkNumber,
    },
    '21610': {
      category: 'opted-out',
      title: 'Customer unsubscribed',
      definition: 'The customer replied STOP (or a similar word) to this number, so texts to them are not sent.',
      advice: ADVICE.optedOut,
      billable: false,
    },
    '21614': {
      category: 'landline-or-unreachable',
      title: 'Not a mobile number',
      definition: 'The number is not a valid mobile number; it is most likely a landline.',
      advice: ADVICE.noTexts,
    },
    '30003': {
      category: 'landline-or-unreachable',
      title: 'Unreachable handset',
      definition: 'The phone is off, has no signal, is roaming or cannot receive texts.',
      advice: ADVICE.unreachable,
    },
    '30004': {
      category: 'carrier-filtered',
      title: 'Message blocked',
      definition: 'The customer’s number is blocked from receiving this message (a block list, the customer’s own block, or carrier filtering).',
      advice: 'Stop texting this number for now; call or email the customer. If many numbers show this, vary your templates.',
    },
    '30005': {
      category: 'invalid-number',
      title: 'Unknown handset',
      definition: 'The number is unknown to the carrier: it does not exist or is no longer in service.',
      advice: ADVICE.checkNumber,
    },
    '30006': {
      category: 'landline-or-unreachable',
      title: 'Landline or unreachable carrier',
      definition: 'The number cannot receive this message: it is a landline, or the carrier cannot be reached.',
      advice: ADVICE.noTexts,
    },
    '30007': {
      category: 'carrier-filtered',
      title: 'Message filtered',
      definition: 'The carrier filtered this message as spam or unwanted, because of its content, its volume or the sender’s history.',
      advice: ADVICE.filtered,
      providerDefinition: 'Your message was filtered (blocked) by Twilio or by the carrier.',
      source: 'https://www.twilio.com/docs/api/errors/30007',
    },
    '30008': {
      category: 'carrier-failure',
      title: 'Unknown delivery error',
      definition: 'Delivery failed for a reason the carrier did not give.',
      advice: ADVICE.retryOnce,
    },
    '30017': {
      category: 'carrier-failure',
      title: 'Carrier network congestion',
      definition: 'The customer’s carrier was overloaded with picture messages and did not take this one, even when it was tried again.',
      advice: ADVICE.congestion,
      providerDefinition:
        'This error indicates that the downstream carrier is experiencing high MMS traffic and isn\'t accepting the message request.',
      source: 'https://www.twilio.com/docs/api/errors/30017',
    },
    '30022': {
      category: 'volume-limited',
      title: 'Business texting rate limit exceeded',
      definition:
        'Carriers rejected the message because the number sent texts faster than its registered business-texting campaign allows (rarely: too many texts to one customer in a short time).',
      advice: ADVICE.slowDown,
      providerDefinition:
        'This error occurs when a downstream carrier rejects your US A2P 10DLC message because your traffic exceeded the rate allowed for your registered campaign.',
      source: 'https://www.twilio.com/docs/api/errors/30022',
    },
    '30023': {
      category: 'volume-limited',
      title: 'Daily business texting cap reached',
      definition:
        'The carrier refused the message because the business (its registered texting brand) had already sent as many texts today as the carrier allows it per day; the cap depends on the brand’s trust score.',
      advice: ADVICE.dailyCap,
    },
    '30024': {
      category: 'carrier-filtered',
      title: 'Sending number not set up with the carrier',
      definition:
        'The customer’s carrier has not set up the sending number for business texting yet (for example while a new registration is still being provisioned), so it refuses its texts.',
      advice: ADVICE.registration,
      providerDefinition: 'The Numeric Sender ID is not currently provisioned with the carrier.',
      source: 'https://www.twilio.com/docs/api/errors/30024',
    },
    '30027': {
      category: 'volume-limited',
      title: 'T-Mobile daily limit reached',
      definition:
        'T-Mobile refused the message because the business had reached its daily limit of texts to T-Mobile (and Sprint, Metro) customers, set by the brand’s trust score and shared by all its numbers and texting services.',
      advice: ADVICE.dailyCap,
    },
    '30032': {
      category: 'carrier-filtered',
      title: 'Toll-free number not verified',
      definition: 'The message was sent from a toll-free number that is not verified; carriers block such texts.',
      advice: ADVICE.registration,
    },
    '30034': {
      category: 'carrier-filtered',
      title: 'Unregistered sending number',
      definition: 'The message was sent from a number not registered for business texting (A2P 10DLC); carriers block such texts.',
      advice: ADVICE.registration,
    },
    '30450': {
      category: 'carrier-filtered',
      title: 'Delivery temporarily blocked',
      definition: 'Fraud protection temporarily blocked texts to this number (for about 15-30 minutes).',
      advice: 'Wait and resend later; if it keeps happening to a real customer, ask your texting provider to allow the number.',
    },
  },
} as const satisfies Record<SmsProvider, Record<string, ErrorRule & { category: Exclude<SmsErrorCategory, 'unknown'> }>>;

/** What the table says of one code: an `SmsErrorInfo` without the code and the provider. */
type ErrorRule = Omit<SmsErrorInfo, 'code' | 'provider'>;

function normalizeCode(code: string | number | null | undefined): string {
  return code === null || code === undefined ? '' : String(code).trim();
}

function ruleFor(provider: SmsProvider, code: string): ErrorRule | undefined {
  const table = SMS_ERROR_CODES[provider] as Record<string, ErrorRule> | undefined;
  return table && Object.hasOwn(table, code) ? table[code] : undefined;
}

/**
 * What a provider error code means, in the shared taxonomy. Never throws: an unknown code (or an
 * unknown provider) is category `unknown` with the raw code kept.
 * @param provider The provider that reported the code.
 * @param code The code as the provider sent it (`30007`, `'4770'`).
 * @returns Category, short title, plain-language definition and advice.
 * @example classifySmsError('twilio', 30007).category // 'carrier-filtered'
 */
export function classifySmsError(provider: SmsProvider, code: string | number | null | undefined): SmsErrorInfo {
  const raw = normalizeCode(code);
  const rule = ruleFor(provider, raw);
  if (rule) return { code: raw, provider, ...rule };
  return {
    code: raw,
    provider,
    category: 'unknown',
    title: raw ? `Error ${raw}` : 'Unknown error',
    definition: raw
      ? `The provider reported error ${raw}, which Forecourt does not know yet.`
      : 'The message failed without an error code.',
    advice: 'Look the code up in your texting provider’s error list; if it keeps happening, contact their support.',
  };
}

/**
 * The category of a message's error, or null when it has none: the hot-loop form of
 * {@link classifySmsError}, with no object built per message.
 * @param message A message of the log.
 * @returns Its error's category, `unknown` for a code Forecourt does not list, null without a code.
 * @example smsErrorCategoryOf({ ...message, provider: 'twilio', errorCode: '30007' }) // 'carrier-filtered'
 */
export function smsErrorCategoryOf(message: Pick<SmsMessage, 'provider' | 'errorCode'>): SmsErrorCategory | null {
  const code = normalizeCode(message.errorCode);
  if (!code) return null;
  return ruleFor(message.provider, code)?.category ?? 'unknown';
}

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
  const perDay = dates.map((date) => ({ date, inbound: 0, outbound: 0, delivered: 0, failed: 0, filtered: 0 }));
  const errorsByCategory: Partial<Record<SmsErrorCategory, number>> = {};
  let inbound = 0;
  let outbound = 0;
  let delivered = 0;
  let failed = 0;
  for (const m of messages) {
    const i = dayIndex(starts, parseInstant(m.sentAt));
    if (i < 0) continue;
    const day = perDay[i];
    if (m.direction === 'inbound') {
      inbound++;
      day.inbound++;
    } else {
      outbound++;
      day.outbound++;
      if (m.status === 'delivered') {
        delivered++;
        day.delivered++;
      } else if (FAILED_STATUSES.has(m.status)) {
        failed++;
        day.failed++;
      }
    }
    const category = smsErrorCategoryOf(m);
    if (category === 'carrier-filtered' && m.direction === 'outbound') day.filtered++;
    if (category) errorsByCategory[category] = (errorsByCategory[category] ?? 0) + 1;
  }
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
}

/** A sending number is flagged only with at least this many outbound messages in the period. */
export const BLOCKING_MIN_SENT = 20;
/** ...and at least this share of them filtered or blocked by carriers (5%)... */
export const BLOCKING_MIN_SHARE = 0.05;
/** ...and that share at least this many times the previous period's share (a new number counts as 0%). */
export const BLOCKING_RISE_FACTOR = 2;
/** What the store should do about a flagged number: the deck's advice. */
export const CARRIER_BLOCKING_ADVICE = CARRIER_FILTERING_ADVICE;

function filteredShares(messages: readonly SmsMessage[]): Map<string, { sent: number; filtered: number }> {
  const byNumber = new Map<string, { sent: number; filtered: number }>();
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
  const before = filteredShares(previous);
  const flags: CarrierBlockingFlag[] = [];
  for (const [number, { sent, filtered }] of filteredShares(current)) {
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
