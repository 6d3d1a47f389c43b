/**
 * SMS history rows for the table benches: up to 1,000,000 `SmsMessage`s, generated in the page
 * (about a second per million on an idle machine, before any clock starts), deterministic (the
 * same count always gives the same rows), sorted oldest first and spread evenly over the first
 * half of 2026 in the dealer's zone (or another span of days).
 *
 * Every customer name ends in the row's zero-padded number ("Ana Torres 0004213"), unique and of
 * fixed width, so a side can tell from a row's text alone which message it shows.
 *
 * Both libraries show the same six columns from the same formatters (`SMS_COLUMNS`), newest first:
 * display row `i` is `rows[rows.length - 1 - i]` (the adapter's default order).
 */
import { generateDataset, mulberry32 } from '../../src/data/demo-data.js';
import { classifySmsError } from '../../src/data/logic/sms.js';
import type { Dataset, SmsMessage, SmsStatus } from '../../src/data/model.js';

/** The dealer's zone: the widgets show times and filter dates in it. */
export const SMS_ZONE = 'America/Chicago';
/** Every generated message falls in this range (dealer's zone), so the filter below matches all. */
export const SMS_RANGE = { from: '2026-01-01', to: '2026-06-30' } as const;
/** The widget's `filter` string for the whole range (the contract's `encodeSmsFilter` form). */
export const SMS_FILTER_ALL = `from=${SMS_RANGE.from}&to=${SMS_RANGE.to}`;
/** The same range, outbound only: the filter-change cases switch to it. */
export const SMS_FILTER_OUTBOUND = `${SMS_FILTER_ALL}&direction=outbound`;


const FIRST = ['James', 'Maria', 'Robert', 'Linda', 'José', 'Ana', 'Thanh', 'Mai', 'Wei', 'Priya', 'Aaliyah', 'DeShawn', 'Zoë', 'Chloé', 'Noah', 'Emma'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Patel', 'Kim', "O'Brien", 'Muñoz', 'Schröder', 'Hernández', 'Johnson', 'Lee', 'Walker', 'Torres', 'Hill'];
const EMPLOYEES: [string, string][] = [
  ['emp-1', 'Dana Ruiz'],
  ['emp-2', 'Mike Chen'],
  ['emp-3', 'Tom Becker'],
];
const SENDERS = [
  { provider: 'twilio', number: '+15125550100' },
  { provider: 'twilio', number: '+15125550101' },
  { provider: 'bandwidth', number: '+15125550142' },
  { provider: 'bandwidth', number: '+15125550177' },
] as const;
const ERRORS: Record<'twilio' | 'bandwidth', [string, SmsStatus][]> = {
  twilio: [['30003', 'undelivered'], ['30005', 'undelivered'], ['30006', 'undelivered'], ['30007', 'undelivered'], ['21610', 'failed'], ['21211', 'failed']],
  bandwidth: [['4406', 'failed'], ['4720', 'failed'], ['4750', 'undelivered'], ['4770', 'undelivered'], ['5650', 'undelivered'], ['9902', 'undelivered']],
};
const OUTBOUND = [
  'Your vehicle is ready for pickup. We close at 7 PM.',
  'Your inspection found 2 items; reply YES to approve the estimate.',
  'Reminder: your service appointment is tomorrow at 9 AM.',
  'Thanks for visiting Prairie Motors! Reply STOP to opt out.',
];
const INBOUND = ['Yes, approved', 'On my way', 'Can I come at 10 instead?', 'STOP', 'Thanks!'];

const pad7 = (n: number) => String(n).padStart(7, '0');
/** Customers the messages go to and come from (ids and numbers shared by their messages). */
const CUSTOMERS = Array.from({ length: 20_000 }, (_, n) => ({ id: `cust-${n}`, phone: `+1512${2_000_000 + ((n * 7_919) % 7_000_000)}` }));

const DAY_MS = 86_400_000;
const TWO = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
/** `Date#toISOString` for rising instants, ten times faster: the date part is formatted once a day. */
function isoWriter(): (ms: number) => string {
  let day = -1;
  let prefix = '';
  return (ms) => {
    const d = Math.floor(ms / DAY_MS);
    if (d !== day) {
      day = d;
      prefix = new Date(d * DAY_MS).toISOString().slice(0, 11);
    }
    const t = ms - d * DAY_MS;
    return `${prefix}${TWO[Math.floor(t / 3_600_000)]}:${TWO[Math.floor(t / 60_000) % 60]}:${TWO[Math.floor(t / 1000) % 60]}.${THREE[t % 1000]}Z`;
  };
}

const cache = new Map<string, SmsMessage[]>();

/** A span of days, first to last (ISO dates), that generated messages are spread over. */
export interface SmsSpan {
  from: string;
  to: string;
}

/**
 * `count` messages, oldest first; built once per page, count and span.
 * @param count How many.
 * @param span The days they are spread over, evenly (noon UTC on the first day to noon UTC on the
 *   last, so inside both days in Chicago); default {@link SMS_RANGE}.
 * @returns The rows; callers must not change them.
 */
export function smsRows(count: number, span: SmsSpan = SMS_RANGE): SmsMessage[] {
  const key = `${count} ${span.from} ${span.to}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const rng = mulberry32(count);
  // Noon UTC on the first and last day: inside both days in Chicago, whatever the DST offset.
  const first = Date.parse(`${span.from}T12:00:00Z`);
  const last = Date.parse(`${span.to}T12:00:00Z`);
  const step = (last - first) / count;
  const rows: SmsMessage[] = [];
  const iso = isoWriter();
  // Only id, time and name are new strings per row: a million rows are mostly garbage-collector work.
  for (let i = 0; i < count; i++) {
    const sender = SENDERS[(rng() * 4) | 0]!;
    const inbound = rng() < 0.35;
    const customer = CUSTOMERS[(rng() * CUSTOMERS.length) | 0]!;
    let status: SmsStatus = inbound ? 'received' : 'delivered';
    let errorCode: string | null = null;
    if (!inbound && rng() < 0.09) {
      const error = ERRORS[sender.provider][(rng() * 6) | 0]!;
      errorCode = error[0];
      status = error[1];
    }
    const employee = inbound ? null : EMPLOYEES[i % 3]!;
    rows.push({
      id: `sms-${pad7(i)}`,
      provider: sender.provider,
      direction: inbound ? 'inbound' : 'outbound',
      from: inbound ? customer.phone : sender.number,
      to: inbound ? sender.number : customer.phone,
      body: inbound ? INBOUND[i % INBOUND.length]! : OUTBOUND[i % OUTBOUND.length]!,
      status,
      errorCode,
      sentAt: iso(first + Math.floor(i * step + rng() * step * 0.9)),
      segments: 1,
      employeeId: employee ? employee[0] : null,
      employeeName: employee ? employee[1] : null,
      customerId: customer.id,
      customerName: customerNameOf(i),
    });
  }
  cache.set(key, rows);
  return rows;
}

/** The message shown at display row `index` (newest first). */
/** The customer name of message `i` (0 the oldest): it ends in the row's number. */
const customerNameOf = (i: number) => `${FIRST[i % FIRST.length]} ${LAST[(i >> 4) % LAST.length]} ${pad7(i)}`;

/**
 * What the checks read of `smsRows(count)` (its length and each row's customer name) without making
 * the rows on the page: for a side whose rows are made in a worker.
 */
export function smsRowNames(count: number): readonly SmsMessage[] {
  return new Proxy([] as SmsMessage[], {
    get: (target, key) => {
      if (key === 'length') return count;
      if (typeof key === 'string' && /^\d+$/.test(key)) return { customerName: customerNameOf(Number(key)) };
      return Reflect.get(target, key);
    },
  });
}

export const rowAt = (rows: readonly SmsMessage[], index: number): SmsMessage => rows[rows.length - 1 - index]!;

/** A small demo dataset (dealer, zone, sources…) whose SMS history is `rows`, for `createMemoryAdapter`. */
export function smsDataset(rows: SmsMessage[]): Dataset {
  const base = generateDataset({ size: 'small', smsCount: 0 });
  return { ...base, dealer: { ...base.dealer, zone: SMS_ZONE }, sms: rows };
}

const time = new Intl.DateTimeFormat('en-US', { timeZone: SMS_ZONE, dateStyle: 'short', timeStyle: 'short' });

/** The six columns both libraries show: header and the text of a message's cell. */
export const SMS_COLUMNS: { header: string; text: (m: SmsMessage) => string }[] = [
  { header: 'Time', text: (m) => time.format(new Date(m.sentAt)) },
  { header: 'Direction', text: (m) => (m.direction === 'inbound' ? 'In' : 'Out') },
  { header: 'Customer', text: (m) => m.customerName ?? '' },
  { header: 'Phone', text: (m) => (m.direction === 'inbound' ? m.from : m.to) },
  { header: 'Status', text: (m) => m.status },
  {
    header: 'Error',
    text: (m) => (m.errorCode ? `${m.errorCode} ${classifySmsError(m.provider, m.errorCode).title}` : ''),
  },
];
