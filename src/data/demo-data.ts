/**
 * A deterministic, realistic year of a shop and dealership: messy PoS source codes, customers,
 * invoices, monthly spend, today's board, SMS from Twilio and Bandwidth with their error codes,
 * internet leads across the OEMs, store traffic, deleted and merged customers, and wants.
 *
 * The same seed and options always give the same data (a seeded PRNG, no clock, no Math.random).
 * Objects are kept lean and times are computed with plain epoch arithmetic from a per-day table,
 * so the bench size (a million traffic events) generates in seconds.
 */
import { DateTime } from 'luxon';
import type {
  ActivityKind,
  BoardEntry,
  Customer,
  CustomerStatus,
  Dataset,
  DealerProfile,
  DeletedRecord,
  Department,
  Invoice,
  IsoDate,
  IsoMonth,
  Lead,
  LeadActivity,
  MarketingSpend,
  PosSource,
  SmsMessage,
  SmsProvider,
  SmsStatus,
  TrafficEvent,
  TrafficOutcome,
  TrafficStep,
  UpType,
  VehicleWant,
  Weekday,
} from './model.js';
import { WEEKDAYS } from './model.js';
import { DEFAULT_OEM_RULES } from './logic/leads.js';
import { cleanSourceName, DEFAULT_CATEGORIES, isSourceUnknown, suggestCategory } from './logic/sources.js';
import { mulberry32 } from './demo-random.js';
import { restoreLogOf, snapshotExtras, snapshotRandom } from './demo-snapshots.js';

export type DatasetSize = 'small' | 'demo' | 'bench';

export interface GenerateOptions {
  /** PRNG seed. Default 1. */
  seed?: number;
  /** small: tests (~300 customers, ~500 SMS); demo: the demo page; bench: 100k SMS, 1M traffic events. */
  size?: DatasetSize;
  /** The day the data is "as of", in the dealer's zone. Default 2026-11-23 (the tests' day); the demo passes the real today. */
  today?: IsoDate;
  /**
   * The instant the data is "as of" (epoch ms), on `today` in the dealer's zone; default noon of
   * `today`, with nothing more. When given, nothing is stamped after it, and the shop's day up to
   * it is filled in as a live shop's would be: new customers on today's board, ups logged today
   * (phone and internet ups on a closed day), and the internet leads of the last hours with their
   * clocks running (a few due within minutes of `now`) or just answered. The same seed, `today`
   * and `now` give the same data; a later `now` on the same day keeps every record and moves only
   * the times that would have been after it.
   */
  now?: number;
  /** Overrides the size's number of SMS messages. */
  smsCount?: number;
  /** Overrides the size's number of traffic events. */
  trafficCount?: number;
}

/** Counts per size. */
export const DATASET_SIZES: Record<
  DatasetSize,
  { customers: number; sms: number; traffic: number; leads: number; deleted: number; wants: number }
> = {
  small: { customers: 300, sms: 500, traffic: 2_000, leads: 120, deleted: 24, wants: 20 },
  demo: { customers: 3_000, sms: 20_000, traffic: 50_000, leads: 1_500, deleted: 80, wants: 60 },
  bench: { customers: 20_000, sms: 100_000, traffic: 1_000_000, leads: 10_000, deleted: 300, wants: 300 },
};

/** The sending number whose messages carriers start filtering in the current month. */
export const BLOCKED_SENDER = '+15125550177';

export { mulberry32 } from './demo-random.js';

// ───────────────────────────── reference data ─────────────────────────────

/** The demo dealer's IANA zone: its today is the day the demo page's data is anchored on. */
export const DEMO_ZONE = 'America/Chicago';
const ZONE = DEMO_ZONE;

const HOURS: DealerProfile['hours'] = {
  mon: [['08:00', '19:00']],
  tue: [['08:00', '19:00']],
  wed: [['08:00', '19:00']],
  thu: [['08:00', '19:00']],
  fri: [['08:00', '19:00']],
  sat: [['09:00', '17:00']],
};

/** [code, state, weight, monthly spend in cents, category when the code suggests none]. m = mapped, u = unmapped, d = deleted. */
const SOURCE_CODES: [string, 'm' | 'u' | 'd', number, number?, string?][] = [
  ['GOOG', 'm', 30, 80_000],
  ['google ads', 'm', 20, 120_000],
  ['Google Maps', 'u', 6],
  ['GOOGLE', 'm', 8],
  ['Yelp!', 'm', 12, 30_000],
  ['YELP', 'u', 5],
  ['yelp.com', 'u', 2],
  ['ＹＥＬＰ', 'u', 1],
  ['FB', 'm', 8, 25_000],
  ['Facebook', 'm', 6],
  ['facebook ad', 'u', 3],
  ['INSTA', 'm', 4, 15_000],
  ['Instagram', 'u', 2],
  ['WEBSITE', 'm', 14, 20_000],
  ['web', 'm', 3],
  ['WEB FORM', 'm', 4],
  ['BING', 'u', 2],
  ['RADIO-KJZ', 'm', 6, 150_000],
  ['RADIO KWTX', 'u', 2],
  ['TV', 'm', 4, 300_000],
  ['TV-CH8', 'u', 1],
  ['MAILER 03/26', 'm', 6, 240_000],
  ['MAILER 09/26', 'm', 5, 240_000],
  ['DIRECT MAIL', 'u', 2],
  ['VALPAK', 'm', 7, 60_000],
  ['NEWSPAPER', 'm', 3, 40_000],
  ['COUPON', 'm', 4],
  ['Coupon Book', 'u', 1],
  ['BILLBOARD I-35', 'm', 3, 90_000],
  ['DRIVE BY', 'm', 10],
  ['DRIVEBY', 'm', 6],
  ['drive-by', 'u', 2],
  ['SIGN', 'm', 4],
  ['SIGNAGE', 'm', 1],
  ['REF-FRIEND', 'm', 10],
  ['REFERRAL', 'm', 8],
  ['REF-FAMILY', 'm', 4],
  ['REF CUST', 'u', 3],
  ['FRIEND', 'u', 2],
  ['DEALER REF', 'm', 2],
  ['FLEET-ACME', 'm', 4],
  ['FLEET-CITY', 'm', 3],
  ['COMMERCIAL', 'u', 2],
  ['REPEAT', 'm', 12],
  ['EXISTING', 'm', 6],
  ['RETURNING', 'u', 3],
  ['', 'u', 6],
  ['<b>WALK</b>', 'u', 4],
  ['WALK IN', 'm', 5, undefined, 'other-new'],
  ['Café flyer', 'm', 1, undefined, 'advertising'],
  ['Groupon', 'm', 2, 10_000, 'internet'],
  ['CARFAX', 'm', 3, undefined, 'internet'],
  ['AAA', 'u', 2],
  ['CHAMBER', 'm', 1, undefined, 'other-new'],
  ['UNKNOWN', 'u', 3],
  ['???', 'd', 1],
  ['TEST', 'd', 1],
  ['x', 'd', 1],
  ['TIRE RACK', 'u', 2],
  ['NEIGHBOR', 'm', 2, undefined, 'referral'],
  ['EVENT-CARSHOW', 'm', 1, undefined, 'advertising'],
  ['NextDoor', 'u', 2],
];

/** Campaigns that run only in some months, by code: whether it ran in a month (`YYYY-MM`). */
const SPEND_MONTHS: Record<string, (month: IsoMonth) => boolean> = {
  'RADIO-KJZ': (m) => Number(m.slice(5, 7)) % 3 !== 2,
  TV: (m) => ['12', '05', '06'].includes(m.slice(5, 7)),
  'MAILER 03/26': (m) => m === '2026-03',
  'MAILER 09/26': (m) => m === '2026-09',
};

const FIRST_NAMES = [
  'James', 'Maria', 'Robert', 'Linda', 'Michael', 'Patricia', 'David', 'Jennifer', 'William', 'Elizabeth',
  'José', 'Ana', 'Luis', 'Sofía', 'Carlos', 'Lucía', 'Thanh', 'Mai', 'Wei', 'Priya', 'Aaliyah', 'DeShawn',
  'Emily', 'Jacob', 'Olivia', 'Noah', 'Emma', 'Liam', 'Ava', 'Mason', 'Zoë', 'Chloé', 'Brian', 'Karen',
  'Kevin', 'Nancy', 'Jason', 'Betty', 'Ryan', 'Sandra',
];
const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernández', 'López', 'González', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Pérez', 'Thompson', 'White', 'Harris', 'Nguyen', 'Tran', 'Patel', 'Kim', "O'Brien", 'Muñoz',
  'Schröder', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Hill',
];
const EMPLOYEES = [
  ['emp-1', 'Dana Ruiz'],
  ['emp-2', 'Mike Chen'],
  ['emp-3', 'Priya Patel'],
  ['emp-4', 'Tom Becker'],
  ['emp-5', 'Alicia Moreno'],
  ['emp-6', 'Greg Olsen'],
] as const;
const SALESPEOPLE = [
  ['sp-1', 'Marcus Reed'],
  ['sp-2', 'Jenna Walsh'],
  ['sp-3', 'Omar Haddad'],
  ['sp-4', 'Kelly Tran'],
  ['sp-5', 'Rick Alvarez'],
  ['sp-6', 'Sam Okafor'],
  ['sp-7', 'Brooke Lindqvist'],
  ['sp-8', 'Victor Ramos'],
] as const;
/** The business development centre's agent: answers internet leads for the floor, is assigned none. */
const BDC_AGENT = 'Nadia Brooks';
/** What the customer does: recorded with no one's name (`by: null`). */
const CUSTOMER_KINDS: readonly ActivityKind[] = ['email-received', 'call-incoming', 'text-received'];
const ADVISORS = ['Dana Ruiz', 'Mike Chen', 'Tom Becker'];

/** [make, weight, models]. */
const VEHICLES: [string, number, string[]][] = [
  ['Toyota', 14, ['Camry', 'RAV4', 'Corolla', 'Tacoma', 'Highlander']],
  ['Honda', 12, ['CR-V', 'Civic', 'Accord', 'Pilot']],
  ['Ford', 12, ['F-150', 'Escape', 'Explorer', 'Mustang']],
  ['Chevrolet', 10, ['Silverado 1500', 'Equinox', 'Malibu', 'Tahoe']],
  ['Nissan', 8, ['Rogue', 'Altima', 'Frontier', 'Sentra']],
  ['Hyundai', 8, ['Tucson', 'Elantra', 'Santa Fe', 'Palisade']],
  ['Kia', 7, ['Sorento', 'Telluride', 'Sportage', 'Soul']],
  ['Volkswagen', 5, ['Jetta', 'Tiguan', 'Atlas']],
  ['Mazda', 5, ['CX-5', 'Mazda3', 'CX-50']],
  ['Subaru', 5, ['Outback', 'Forester', 'Crosstrek']],
  ['GMC', 4, ['Sierra 1500', 'Acadia']],
  ['Buick', 2, ['Enclave', 'Encore GX']],
  ['Mitsubishi', 1, ['Outlander']],
];
const TRIMS = ['LX', 'EX', 'EX-L', 'SE', 'XLE', 'Limited', 'Sport', 'Touring', 'SEL', 'LT', 'XLT', 'Premium'];
const COLORS = ['White', 'Black', 'Silver', 'Gray', 'Blue', 'Red', 'Green', 'Pearl White'];
const LEAD_PROVIDERS = ['OEM website', 'Dealer website', 'Autotrader', 'Cars.com', 'TrueCar', 'CarGurus', 'Edmunds'];

const SENDERS: { provider: SmsProvider; number: string; weight: number }[] = [
  { provider: 'twilio', number: '+15125550100', weight: 25 },
  { provider: 'twilio', number: '+15125550101', weight: 20 },
  { provider: 'bandwidth', number: '+15125550142', weight: 20 },
  { provider: 'bandwidth', number: BLOCKED_SENDER, weight: 35 },
];
/** [code, weight, rejected at send (status failed) or after (undelivered)]. */
const SMS_ERRORS: Record<SmsProvider, [string, number, SmsStatus][]> = {
  twilio: [
    ['30003', 20, 'undelivered'],
    ['30005', 10, 'undelivered'],
    ['30006', 20, 'undelivered'],
    ['30007', 8, 'undelivered'],
    ['30008', 8, 'undelivered'],
    ['30004', 5, 'undelivered'],
    ['21610', 12, 'failed'],
    ['21211', 8, 'failed'],
    ['30032', 3, 'undelivered'],
    ['30034', 6, 'undelivered'],
  ],
  bandwidth: [
    ['4406', 10, 'failed'],
    ['4720', 15, 'failed'],
    ['4750', 10, 'undelivered'],
    ['5650', 10, 'undelivered'],
    ['9902', 15, 'undelivered'],
    ['4470', 5, 'undelivered'],
    ['4770', 5, 'undelivered'],
  ],
};
/** Carrier spam filtering, what the blocked sender runs into. */
const SPAM_CODES = ['4470', '4770'];
const OUTBOUND_TEXTS = [
  'Hi {first}, your {vehicle} is ready for pickup. We close at 7 PM.',
  'Hi {first}, this is {employee} at Prairie Motors. Your inspection found 2 items; reply YES to approve the estimate.',
  'Reminder: your service appointment is tomorrow at 9:00 AM. Reply C to confirm.',
  '{first}, thanks for visiting! How did we do? Rate us: https://example.com/r',
  'Your {vehicle} is due for an oil change. Book online or reply to this text.',
  "Hi {first}, the part for your {vehicle} arrived. When can you bring it in?",
  'Special this week: $20 off brake service. Reply STOP to opt out.',
];
/** The demo's bulk campaign: one text, the customer's first name in it, to {@link CAMPAIGN_SIZE} customers in a morning. */
const CAMPAIGN_TEXT = 'Hi {first}, winter is coming! Book your seasonal service at Prairie Motors this week and save $25: https://prairiemotors.example/book';
const CAMPAIGN_SIZE = 28;
const INBOUND_TEXTS = ['Thanks!', 'Can I come at 3?', 'YES', 'C', 'STOP', 'What time do you close?', 'On my way', 'How much will it be?', '👍'];

// ───────────────────────────── generator ─────────────────────────────

interface Day {
  date: IsoDate;
  /** Epoch ms of local midnight (from the offset at noon, right for every hour after a DST switch). */
  midnight: number;
  weekday: Weekday;
  /** Opening minutes [open, close) or null when closed (Sundays, holidays). */
  open: [number, number] | null;
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * US holidays a dealership closes for: New Year's Day, Memorial Day, Independence Day, Labor Day,
 * Thanksgiving, Christmas.
 * @param year The calendar year.
 * @returns The holidays as ISO dates, in date order.
 * @example usHolidays(2026); // ['2026-01-01', '2026-05-25', '2026-07-04', '2026-09-07', '2026-11-26', '2026-12-25']
 */
export function usHolidays(year: number): IsoDate[] {
  const nth = (month: number, weekday: number, n: number) => {
    const first = DateTime.utc(year, month, 1);
    return first.plus({ days: ((weekday - first.weekday + 7) % 7) + 7 * (n - 1) });
  };
  const lastMonday = DateTime.utc(year, 5, 31).minus({ days: (DateTime.utc(year, 5, 31).weekday - 1) % 7 });
  return [
    DateTime.utc(year, 1, 1),
    lastMonday,
    DateTime.utc(year, 7, 4),
    nth(9, 1, 1),
    nth(11, 4, 4),
    DateTime.utc(year, 12, 25),
  ].map((d) => d.toISODate()!);
}

/**
 * A deterministic dataset of a shop's and dealership's year.
 * @param options Seed, size, the "as of" day and count overrides.
 * @returns The dataset.
 * @example generateDataset({ seed: 7, size: 'small' }).customers.length; // 300
 */
export function generateDataset(options: GenerateOptions = {}): Dataset {
  const size = DATASET_SIZES[options.size ?? 'demo'];
  const today = options.today ?? '2026-11-23';
  const todayDt = DateTime.fromISO(today, { zone: ZONE });
  if (!todayDt.isValid) throw new RangeError(`Invalid "today": ${today}`);
  const rng = mulberry32(options.seed ?? 1);
  const int = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const chance = (p: number) => rng() < p;
  // A 4096-slot lookup table per distribution: one PRNG draw and one array read per pick (weights
  // are quantised to 1/4096, plenty for synthetic data and what makes a million events cheap).
  const weighted = <T>(items: readonly T[], weightOf: (t: T) => number) => {
    const weights = items.map(weightOf);
    const sum = weights.reduce((a, b) => a + b, 0);
    const table: T[] = new Array(4096);
    let item = 0;
    let upTo = weights[0]!;
    for (let slot = 0; slot < 4096; slot++) {
      while (((slot + 0.5) / 4096) * sum > upTo && item < items.length - 1) upTo += weights[++item]!;
      table[slot] = items[item]!;
    }
    return () => table[(rng() * 4096) | 0]!;
  };

  // The calendar: the year up to and including today, with opening hours per day.
  const holidays = [...usHolidays(todayDt.year - 1), ...usHolidays(todayDt.year)];
  const holidaySet = new Set(holidays);
  const days: Day[] = [];
  for (let d = todayDt.minus({ years: 1 }).plus({ days: 1 }); d <= todayDt; d = d.plus({ days: 1 })) {
    const date = d.toISODate()!;
    const noon = d.set({ hour: 12 });
    const weekday = WEEKDAYS[d.weekday - 1]!;
    const hours = HOURS[weekday]?.[0];
    days.push({
      date,
      midnight: Date.UTC(d.year, d.month - 1, d.day) - noon.offset * 60_000,
      weekday,
      open: hours && !holidaySet.has(date) ? [minutesOf(hours[0]), minutesOf(hours[1])] : null,
    });
  }
  const firstDay = days[0]!.date;
  const openDays = days.filter((d) => d.open);
  const monthStart = `${today.slice(0, 7)}-01`;
  const todayEntry = days[days.length - 1]!;
  const tomorrowMidnight = todayDt.plus({ days: 1 }).startOf('day').toMillis();
  // Nothing is stamped after the "as of" instant: noon by default, the data is "as of" this morning.
  const noon = todayEntry.midnight + 12 * 60 * 60_000;
  const cutoff =
    options.now === undefined || !Number.isFinite(options.now)
      ? todayEntry.midnight + 12 * 60 * 60_000
      : Math.min(Math.max(options.now, todayEntry.midnight + 60_000), tomorrowMidnight - 1);
  // Records pushed back from after the cutoff stay on today (early in the morning, a day is short).
  const beforeCutoff = (minutesBack: number) => Math.max(todayEntry.midnight, cutoff - minutesBack * 60_000);
  const iso = (ms: number) => new Date(ms).toISOString();
  const at = (day: Day, minute: number) => day.midnight + minute * 60_000 + int(0, 59) * 1000;
  const randomDay = () => days[Math.floor(rng() * days.length)]!;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const ascii = (s: string) => s.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase();

  const dealer: DealerProfile = { name: 'Prairie Motors & Service', zone: ZONE, hours: HOURS, holidays };
  const categories = DEFAULT_CATEGORIES.map((c) => ({ ...c }));
  const stamp = iso(days[0]!.midnight + 9 * 3_600_000);

  // ── sources ──
  const sources: PosSource[] = SOURCE_CODES.map(([code, state, , , category], i) => ({
    id: `src-${pad(i + 1, 3)}`,
    code,
    categoryId: state === 'u' ? null : (category ?? suggestCategory(code)?.categoryId ?? 'other-new'),
    name: cleanSourceName(code),
    origin: 'pos',
    deleted: state === 'd',
    customerCount: 0,
    version: 1,
    updatedAt: stamp,
  }));
  const pickSource = weighted(
    sources.map((s, i) => [s, SOURCE_CODES[i]![2]] as const),
    ([, w]) => w,
  );

  // ── customers and invoices ──
  const customers: Customer[] = [];
  const invoices: Invoice[] = [];
  const windowStartMs = Date.parse(`${firstDay}T00:00:00Z`);
  const historyStartMs = Date.parse('2019-01-01T00:00:00Z');
  const amount = () => Math.round((45 + rng() ** 2 * 1800) * 100) + int(0, 99);
  const addInvoice = (customerId: string, date: IsoDate) =>
    invoices.push({ id: `inv-${pad(invoices.length + 1, 6)}`, customerId, date, amount: amount() });
  const pickStatus = weighted<[CustomerStatus, number]>(
    [['active', 80], ['prospect', 6], ['sold', 5], ['inactive', 6], ['need-car-locate', 3]],
    ([, w]) => w,
  );
  const areaCodes = ['512', '737', '254', '210'];
  for (let i = 0; i < size.customers; i++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const isNew = chance(0.55);
    const firstVisit = isNew
      ? randomDay().date
      : new Date(historyStartMs + rng() * (windowStartMs - historyStartMs)).toISOString().slice(0, 10);
    const id = `c${pad(i + 1, 5)}`;
    customers.push({
      id,
      firstName: first,
      lastName: last,
      phone: chance(0.95) ? `+1${areaCodes[i % 4]}${2_000_000 + ((i * 7919) % 7_999_999)}` : null,
      email: chance(0.75) ? `${ascii(first)}.${ascii(last)}${i % 97}@example.com` : null,
      sourceId: chance(0.08) ? null : pickSource()[0].id,
      status: pickStatus()[0],
      firstVisit,
      version: int(1, 3),
      updatedAt: `${firstVisit}T15:00:00.000Z`,
    });
    if (isNew) addInvoice(id, firstVisit);
    for (let n = int(0, isNew ? 2 : 3); n > 0; n--) {
      const day = randomDay().date;
      if (day >= firstVisit) addInvoice(id, day);
    }
  }
  invoices.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  // ── monthly spend ──
  const spend: MarketingSpend[] = [];
  const months: string[] = [];
  for (let m = DateTime.fromISO(firstDay).startOf('month'); m <= todayDt; m = m.plus({ months: 1 })) months.push(m.toFormat('yyyy-MM'));
  const addSpend = (month: string, categoryId: string, sourceId: string | null, base: number) =>
    spend.push({
      id: `spend-${spend.length + 1}`,
      month,
      categoryId,
      sourceId,
      amount: Math.round((base * (0.9 + rng() * 0.2)) / 100) * 100,
      version: 1,
    });
  for (const month of months) {
    sources.forEach((s, i) => {
      const [code, , , monthly] = SOURCE_CODES[i]!;
      if (monthly && s.categoryId && !s.deleted && (SPEND_MONTHS[code]?.(month) ?? true)) {
        addSpend(month, s.categoryId, s.id, monthly);
      }
    });
    addSpend(month, 'referral', null, 20_000); // referral rewards
    addSpend(month, 'drive-by', null, 15_000); // sign upkeep
  }

  // ── today's board ──
  const sourceMap = new Map(sources.map((s) => [s.id, s]));
  const unknown = customers.filter((c) => isSourceUnknown(c.sourceId, sourceMap));
  const known = customers.filter((c) => !isSourceUnknown(c.sourceId, sourceMap));
  const onBoard = new Set<Customer>();
  while (onBoard.size < Math.min(5, unknown.length)) onBoard.add(pick(unknown));
  while (onBoard.size < Math.min(15, customers.length)) onBoard.add(pick(known.length ? known : customers));
  const boardCustomers = [...onBoard];
  const pickVehicle = weighted(VEHICLES, ([, w]) => w);
  const vehicleName = () => {
    const [make, , models] = pickVehicle();
    return `${int(2008, 2024)} ${make} ${pick(models)}`;
  };
  const board: BoardEntry[] = boardCustomers.map((c, i) => ({
    id: `tvp-${today}-${i + 1}`,
    date: today,
    customerId: c.id,
    customerName: `${c.firstName} ${c.lastName}`,
    vehicle: vehicleName(),
    advisor: pick(ADVISORS),
    promisedAt: chance(0.6) ? iso(todayEntry.midnight + (15 * 60 + int(0, 7) * 30) * 60_000) : null,
    sourceId: c.sourceId,
    sourceUnknown: isSourceUnknown(c.sourceId, sourceMap),
    customerVersion: c.version,
  }));

  // ── SMS ──
  const sms: SmsMessage[] = [];
  const reachable = customers.filter((c) => c.phone);
  const errorPickers = {
    twilio: weighted(SMS_ERRORS.twilio, ([, w]) => w),
    bandwidth: weighted(SMS_ERRORS.bandwidth, ([, w]) => w),
  };
  const pickSender = weighted(SENDERS, (s) => s.weight);
  const smsCount = options.smsCount ?? size.sms;
  // Texts are spread over the whole year like the other data, so a range compares like with like
  // with the month before on any date. A day's weight is 1 open, 0.85 closed, each give or take 15%;
  // text i falls at (i + u) / n of the year's weight (one u for all), so every day gets its share
  // (a day of the small dataset too: one text at least) and no day's count depends on the hour.
  const dayWeights = new Float64Array(days.length);
  let yearWeight = 0;
  for (let k = 0; k < days.length; k++) dayWeights[k] = yearWeight += (days[k]!.open ? 1 : 0.85) * (0.85 + 0.3 * rng());
  const offset = rng();
  const smsTimes = new Float64Array(smsCount);
  for (let i = 0, k = 0; i < smsCount; i++) {
    const share = ((i + offset) / smsCount) * yearWeight;
    while (k < days.length - 1 && dayWeights[k]! <= share) k++;
    const minute = chance(0.9) ? int(8 * 60, 19 * 60 - 1) : int(0, 24 * 60 - 1);
    smsTimes[i] = Math.min(at(days[k]!, minute), beforeCutoff(int(1, 600)));
  }
  smsTimes.sort();
  const monthStartMs = days.find((d) => d.date === monthStart)!.midnight;
  for (let i = 0; i < smsCount; i++) {
    const ms = smsTimes[i]!;
    const sender = pickSender();
    const customer = pick(reachable);
    const first = customer.firstName;
    const inbound = chance(0.35);
    const employee = !inbound && chance(0.85) ? pick(EMPLOYEES) : null;
    const body = inbound
      ? pick(INBOUND_TEXTS)
      : pick(OUTBOUND_TEXTS)
          .replace('{first}', first)
          .replace('{vehicle}', vehicleName().split(' ').slice(1).join(' '))
          .replace('{employee}', employee?.[1] ?? 'the service desk');
    let status: SmsStatus = inbound ? 'received' : 'delivered';
    let errorCode: string | null = null;
    if (!inbound) {
      if (sender.number === BLOCKED_SENDER && ms >= monthStartMs && chance(0.4)) {
        status = 'undelivered';
        errorCode = pick(SPAM_CODES);
      } else if (chance(0.09)) {
        const [code, , failStatus] = errorPickers[sender.provider]();
        status = failStatus;
        errorCode = code;
      } else if (noon - ms < 2 * 86_400_000 && chance(0.3)) {
        // Whether this draw happens is measured from today's noon, not from the cutoff: were it the
        // cutoff (the visit's "now"), texts would enter the window as the day went on, and every
        // draw after them (leads, traffic, deleted customers, wants) would differ between two
        // visits of the same day. Still, only texts of the two days before the cutoff are unsent.
        const queued = chance(0.3);
        if (cutoff - ms < 2 * 86_400_000) status = queued ? 'queued' : 'sent';
      }
    }
    // One literal shape for every message: spreading a shared base is several times slower here.
    sms.push({
      id: `sms-${pad(i + 1, 6)}`,
      provider: sender.provider,
      direction: inbound ? 'inbound' : 'outbound',
      from: inbound ? customer.phone! : sender.number,
      to: inbound ? sender.number : customer.phone!,
      body,
      status,
      errorCode,
      sentAt: iso(ms),
      segments: body.length > 160 ? 2 : 1,
      employeeId: employee?.[0] ?? null,
      employeeName: employee?.[1] ?? null,
      customerId: customer.id,
      customerName: `${first} ${customer.lastName}`,
    });
  }

  // A campaign the summary warns about (the template-risk panel): one morning, two days before
  // today, the blocked number sent the same service text to 28 customers. Demo size only (the
  // other sizes keep their exact counts), and built without the random sequence, so every record
  // after it is the same as without it.
  if ((options.size ?? 'demo') === 'demo' && options.smsCount === undefined && days.length > 2) {
    const day = days[days.length - 3]!;
    for (let k = 0; k < CAMPAIGN_SIZE; k++) {
      const customer = reachable[(k * 7919 + 13) % reachable.length]!;
      const ms = day.midnight + (9 * 60 + k * 3) * 60_000 + ((k * 17) % 60) * 1000;
      // Carriers filter a third of it in the month they filter the number's texts.
      const filtered = ms >= monthStartMs && k % 3 === 0;
      const body = CAMPAIGN_TEXT.replace('{first}', customer.firstName);
      sms.push({
        id: `sms-${pad(smsCount + k + 1, 6)}`,
        provider: 'bandwidth',
        direction: 'outbound',
        from: BLOCKED_SENDER,
        to: customer.phone!,
        body,
        status: filtered ? 'undelivered' : 'delivered',
        errorCode: filtered ? SPAM_CODES[k % 2]! : null,
        sentAt: iso(ms),
        segments: body.length > 160 ? 2 : 1,
        employeeId: null,
        employeeName: null,
        customerId: customer.id,
        customerName: `${customer.firstName} ${customer.lastName}`,
      });
    }
    sms.sort((x, y) => (x.sentAt < y.sentAt ? -1 : x.sentAt > y.sentAt ? 1 : 0));
  }

  // ── internet leads ──
  const leads: Lead[] = [];
  const pickResponse = weighted<[ActivityKind, number]>(
    [['email-sent', 35], ['call-completed', 25], ['text-sent', 15], ['text-received', 5], ['ebrochure-sent', 8], ['call-incoming', 5], ['email-received', 7]],
    ([, w]) => w,
  );
  const dayIndex = new Map(days.map((d, i) => [d.date, i]));
  const nextOpening = (ms: number, day: Day) => {
    for (let i = dayIndex.get(day.date)!; i < days.length; i++) {
      const d = days[i]!;
      if (d.open && d.midnight + d.open[1] * 60_000 > ms) return Math.max(ms, d.midnight + d.open[0] * 60_000);
    }
    return ms;
  };
  let activityId = 0;
  for (let i = 0; i < size.leads; i++) {
    const day = randomDay();
    const afterHours = !day.open || chance(0.3);
    const minute = afterHours
      ? pick([int(0, 7 * 60), int(19 * 60, 24 * 60 - 1)])
      : int(day.open![0], day.open![1] - 1);
    const received = Math.min(at(day, minute), beforeCutoff(int(5, 300)));
    const [make, , models] = pickVehicle();
    const salesperson = chance(0.9) ? pick(SALESPEOPLE) : null;
    const activities: LeadActivity[] = [];
    const act = (ms: number, kind: ActivityKind, by: string | null) => {
      if (ms < cutoff) activities.push({ id: `act-${++activityId}`, at: iso(ms), kind, by: CUSTOMER_KINDS.includes(kind) ? null : by });
    };
    // Who answers first, taken from the lead's number so the random stream stays as it was: the
    // BDC for a lead in four and every unassigned one, a colleague for one in nine, else its salesperson.
    const colleague = salesperson && SALESPEOPLE[(SALESPEOPLE.indexOf(salesperson) + 1) % SALESPEOPLE.length]![1];
    const answerer = !salesperson || i % 4 === 1 ? BDC_AGENT : i % 9 === 4 ? colleague : salesperson[1];
    if (chance(0.4)) act(received + int(20, 120) * 1000, 'auto-response', null);
    if (chance(0.87)) {
      const r = rng();
      const delay = r < 0.6 ? int(3, 59) : r < 0.85 ? int(60, 179) : int(180, 900);
      const start = nextOpening(received, day);
      // A text the customer sends first does not stop every OEM's clock (Ford, Kia, Mazda, GM ...).
      if (chance(0.15)) act(start + int(1, delay) * 60_000, 'text-received', null);
      act(start + delay * 60_000, pickResponse()[0], answerer);
      if (chance(0.5)) act(start + (delay + int(30, 2000)) * 60_000, pickResponse()[0], salesperson?.[1] ?? BDC_AGENT);
    }
    activities.sort((a, b) => (a.at < b.at ? -1 : 1));
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    leads.push({
      id: `lead-${pad(i + 1, 5)}`,
      receivedAt: iso(received),
      make,
      model: pick(models),
      year: chance(0.9) ? int(todayDt.year - 1, todayDt.year + 1) : null,
      provider: pick(LEAD_PROVIDERS),
      customerName: `${first} ${last}`,
      email: chance(0.9) ? `${ascii(first)}${i}@example.net` : null,
      phone: chance(0.7) ? `+1${pick(areaCodes)}${3_000_000 + i}` : null,
      salespersonId: salesperson?.[0] ?? null,
      salespersonName: salesperson?.[1] ?? null,
      activities,
    });
  }
  leads.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : 1));

  // ── store traffic ──
  const traffic: TrafficEvent[] = new Array(options.trafficCount ?? size.traffic);
  const pickDay = weighted(openDays, (d) => (d.weekday === 'sat' ? 1.4 : 1));
  const pickUp = weighted<[UpType, number]>(
    [['walk-in', 30], ['phone-up', 15], ['internet', 25], ['be-back', 10], ['appointment', 12], ['service-drive', 8]],
    ([, w]) => w,
  );
  const pickDepartment = weighted<[Department, number]>([['new', 55], ['used', 40], ['service', 5]], ([, w]) => w);
  const TRAFFIC_SOURCES: [string, string, number][] = [
    ['internet', 'Google', 10], ['internet', 'Website', 8], ['internet', 'Cars.com', 5], ['internet', 'Autotrader', 4],
    ['internet', 'Facebook', 3], ['referral', 'Referral – Friend', 6], ['referral', 'Referral', 3],
    ['drive-by', 'Drive-by', 8], ['advertising', 'Radio – KJZ', 4], ['advertising', 'TV', 3],
    ['advertising', 'Mailer', 2], ['fleet', 'Fleet – Acme', 1], ['repeat', 'Repeat', 9], ['other-new', 'Other', 2],
  ];
  const pickTrafficSource = weighted(TRAFFIC_SOURCES, ([, , w]) => w);
  const pickInternetSource = weighted(TRAFFIC_SOURCES.filter(([c]) => c === 'internet'), ([, , w]) => w);
  // Shared, never mutated: a million events need not carry a million arrays.
  const STEP_PATHS: [readonly TrafficStep[], number][] = [
    [[], 25],
    [['demo'], 20],
    [['demo', 'write-up'], 15],
    [['demo', 'write-up', 'trade-appraisal'], 10],
    [['demo', 'write-up', 'desk'], 12],
    [['demo', 'write-up', 'desk', 'finance'], 8],
    [['demo', 'write-up', 'trade-appraisal', 'desk', 'finance'], 10],
  ];
  const pickSteps = weighted(STEP_PATHS, ([, w]) => w);
  const recent = cutoff - 3 * 86_400_000;
  // Times first, sorted as numbers: sorting a million events by their ISO strings is far slower.
  const trafficTimes = new Float64Array(traffic.length);
  for (let i = 0; i < traffic.length; i++) {
    const day = pickDay();
    const [open, close] = day.open!;
    const minute = Math.floor(open + ((rng() + rng()) / 2) * (close - open));
    trafficTimes[i] = Math.min(day.midnight + minute * 60_000, cutoff - 60_000);
  }
  trafficTimes.sort();
  let lastMs = Number.NaN;
  let lastAt = '';
  for (let i = 0; i < traffic.length; i++) {
    const ms = trafficTimes[i]!;
    // Ups are stamped to the minute, so neighbours in time share one string.
    if (ms !== lastMs) [lastMs, lastAt] = [ms, iso(ms)];
    const upType = pickUp()[0];
    const [sourceCategory, source] = upType === 'internet' ? pickInternetSource() : pickTrafficSource();
    const steps = pickSteps()[0] as TrafficStep[];
    const last = steps[steps.length - 1];
    const r = rng();
    let outcome: TrafficOutcome =
      last === 'finance' ? (r < 0.9 ? 'sold' : 'pending') : last === 'desk' ? (r < 0.3 ? 'sold' : r < 0.45 ? 'pending' : 'not-sold') : 'not-sold';
    if (outcome === 'not-sold' && ms > recent && steps.length > 1 && r < 0.4) outcome = 'pending';
    const salesperson = SALESPEOPLE[Math.floor(rng() * SALESPEOPLE.length)]!;
    traffic[i] = {
      id: `t${i.toString(36)}`,
      at: lastAt,
      upType,
      department: pickDepartment()[0],
      salespersonId: salesperson[0],
      salespersonName: salesperson[1],
      sourceCategory,
      source,
      steps,
      outcome,
    };
  }

  // ── wants ──
  const FOLLOW_UP_NOTES = ['Called: still looking, wants to hear first.', 'Left a voicemail.', 'Texted photos of a close match; not quite.', 'Emailed: budget firm, can wait a month.'];
  const wants: VehicleWant[] = [];
  const wanting = [...new Set(Array.from({ length: size.wants }, () => pick(customers)))];
  const POPULAR: [string, string][] = [['Honda', 'CR-V'], ['Toyota', 'RAV4'], ['Ford', 'F-150']];
  wanting.forEach((c, i) => {
    // A few customers have since bought: their wants stay, but no longer count.
    c.status = i % 10 === 9 ? 'sold' : 'need-car-locate';
    for (let n = chance(0.2) ? 2 : 1; n > 0; n--) {
      const [make, , models] = pickVehicle();
      const [wMake, wModel] = chance(0.3) ? pick(POPULAR) : [make, pick(models)];
      const yearFrom = int(2014, 2023);
      const created = days[days.length - 1 - int(0, 180)]!;
      wants.push({
        id: `want-${pad(wants.length + 1, 4)}`,
        customerId: c.id,
        customerName: `${c.firstName} ${c.lastName}`,
        customerStatus: c.status,
        yearFrom,
        yearTo: Math.min(todayDt.year, yearFrom + int(0, 4)),
        make: wMake,
        model: wModel,
        trim: chance(0.4) ? pick(TRIMS) : null,
        color: chance(0.35) ? pick(COLORS) : null,
        maxMileage: chance(0.6) ? int(6, 24) * 5000 : null,
        maxPrice: chance(0.6) ? int(24, 90) * 50_000 : null,
        createdAt: iso(at(created, int(9 * 60, 17 * 60))),
        salespersonName: chance(0.8) ? pick(SALESPEOPLE)[1] : null,
      });
      // Follow-ups, from the want's place in the list (no random draw, so the rest of the data
      // stays as it was): a third never contacted, a third called two days ago, a third 9 to 13
      // days ago (due at the default 7 days), counted from noon so that the day's visits agree.
      // Never before the want was made.
      const w = wants[wants.length - 1]!;
      const k = wants.length;
      const madeMs = Date.parse(w.createdAt);
      const daysAgo = k % 3 === 1 ? 2 : k % 3 === 2 ? 9 + (k % 5) : null;
      w.lastContactAt = daysAgo === null ? null : iso(Math.max(madeMs, noon - daysAgo * 86_400_000 - (k % 7) * 3_600_000));
      w.followUpNote = daysAgo === null ? null : FOLLOW_UP_NOTES[k % FOLLOW_UP_NOTES.length]!;
      w.version = 1;
    }
  });

  // ── deleted customers and merge leftovers ──
  const deleted: DeletedRecord[] = [];
  // Snapshots beyond the columns come from their own stream: the rest of the data does not move.
  const snapRng = snapshotRandom(options.seed ?? 1);
  const employees = EMPLOYEES.map(([, name]) => name);
  let wholeCount = 0;
  const noFirstVisit = (nth: number, day: string) => (nth === 1 ? '' : day);
  for (let i = 0; i < size.deleted; i++) {
    const day = randomDay();
    const deletedMs = Math.min(at(day, int(8 * 60, 18 * 60)), cutoff - 60_000);
    const drawnFirst = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const restored = chance(0.15) ? iso(Math.min(deletedMs + int(1, 20) * 86_400_000, cutoff)) : null;
    const by = pick(EMPLOYEES)[1];
    if (chance(0.6)) {
      const reason = chance(0.6) ? 'manual' : 'auto-merge';
      const source = pickSource()[0];
      const nth = wholeCount++;
      // The first has a two-word first name (kept whole on restore); the second no first visit.
      const first = nth === 0 ? 'Mary Ann' : drawnFirst;
      const key = `del-${pad(i + 1, 4)}`;
      const customerId = `c-del-${pad(i + 1, 4)}`;
      const extras = snapshotExtras(snapRng, key, deletedMs, { id: customerId, name: `${first} ${last}`, employees }, true);
      deleted.push({
        id: key,
        kind: 'customer',
        customerId,
        customerName: `${first} ${last}`,
        deletedAt: iso(deletedMs),
        deletedBy: reason === 'auto-merge' ? 'Automatic merge' : by,
        reason,
        mergedIntoId: null,
        mergedIntoName: null,
        fields: {
          firstName: first,
          lastName: last,
          phone: `+1${pick(areaCodes)}${4_000_000 + i}`,
          email: chance(0.6) ? `${ascii(first)}.${ascii(last)}@example.org` : '',
          sourceId: chance(0.9) ? source.id : '',
          status: extras.related?.wants ? 'need-car-locate' : 'active',
          // Drawn for every record alike, so the draws after it stay where they were.
          firstVisit: noFirstVisit(nth, new Date(historyStartMs + rng() * (deletedMs - historyStartMs)).toISOString().slice(0, 10)),
          version: String(int(1, 4)),
          ...extras.fields,
        },
        ...(extras.related && { related: extras.related }),
        restoredAt: restored,
        restoredBy: restored ? EMPLOYEES[i % EMPLOYEES.length]![1] : null,
        version: restored ? 2 : 1,
      });
    } else {
      const into = pick(customers);
      const fields: Record<string, string> = { phone: `+1${pick(areaCodes)}${5_000_000 + i}` };
      if (chance(0.6)) fields.email = `${ascii(into.firstName)}${int(1, 99)}@example.com`;
      if (chance(0.2)) fields.lastName = `${into.lastName}-${pick(LAST_NAMES)}`;
      const reason = chance(0.3) ? 'auto-merge' : 'merge';
      const key = `del-${pad(i + 1, 4)}`;
      const extras = snapshotExtras(snapRng, key, deletedMs, { id: into.id, name: `${into.firstName} ${into.lastName}`, employees }, false);
      Object.assign(fields, extras.fields);
      deleted.push({
        id: `del-${pad(i + 1, 4)}`,
        kind: 'merge-leftover',
        customerId: into.id,
        customerName: `${into.firstName} ${into.lastName}`,
        deletedAt: iso(deletedMs),
        deletedBy: reason === 'auto-merge' ? 'Automatic merge' : by,
        reason,
        mergedIntoId: into.id,
        mergedIntoName: `${into.firstName} ${into.lastName}`,
        fields,
        ...(extras.related && { related: extras.related }),
        restoredAt: restored,
        restoredBy: restored ? EMPLOYEES[i % EMPLOYEES.length]![1] : null,
        version: restored ? 2 : 1,
      });
    }
  }

  if (options.now !== undefined) {
    fillToday({
      seed: options.seed ?? 1,
      today: todayEntry,
      cutoff,
      customers,
      invoices,
      sources,
      board,
      leads,
      traffic,
      firstLead: size.leads,
    });
  }

  return {
    today,
    dealer,
    categories,
    sources,
    customers,
    invoices,
    spend,
    board,
    sms,
    leads,
    rules: DEFAULT_OEM_RULES.map((rule) => ({ ...structuredClone(rule), version: 1 })),
    traffic,
    deleted,
    wants,
    restoreLog: restoreLogOf(deleted),
  };
}

// ───────────────────────────── a live shop's day ─────────────────────────────

interface TodayParts {
  seed: number;
  today: Day;
  /** Nothing is stamped at or after it. */
  cutoff: number;
  customers: Customer[];
  invoices: Invoice[];
  sources: PosSource[];
  board: BoardEntry[];
  leads: Lead[];
  traffic: TrafficEvent[];
  /** How many leads the year has: the day's leads are numbered after them. */
  firstLead: number;
}

/**
 * The internet leads of the last hours: [make, model, minutes before "now", minutes to the answer
 * or null while the clock runs]. GM counts real time (5 h), so its clock runs whenever the page
 * is opened; Ford's and Kia's hour of business time runs out within minutes while the shop is open.
 */
const TODAYS_LEADS: [string, string, number, number | null][] = [
  ['Chevrolet', 'Equinox', 293, null],
  ['Ford', 'Escape', 53, null],
  ['Kia', 'Telluride', 44, null],
  ['Toyota', 'RAV4', 14, null],
  ['Honda', 'CR-V', 96, 38],
  ['Hyundai', 'Tucson', 4, null],
];

/**
 * Fills in the shop's day up to `cutoff` with a PRNG of its own, so the year's records stay what
 * the seed made them: three first-time customers on today's board (one with no source yet), ups
 * logged today (phone and internet ups only when the shop is closed), and the leads of the last
 * hours ({@link TODAYS_LEADS}), each received after midnight.
 */
function fillToday(p: TodayParts): void {
  const rng = mulberry32((p.seed ^ 0x5eed_da7e) >>> 0);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const iso = (ms: number) => new Date(ms).toISOString();
  const { today, cutoff } = p;
  const earliest = today.midnight + 60_000;
  const sourceMap = new Map(p.sources.map((s) => [s.id, s]));
  const mapped = p.sources.filter((s) => !s.deleted && s.categoryId);

  // ── first-time customers, on the board ──
  for (let k = 0; k < 3; k++) {
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const id = `c${String(p.customers.length + 1).padStart(5, '0')}`;
    const sourceId = k === 2 ? null : pick(mapped).id;
    const customer: Customer = {
      id,
      firstName: first,
      lastName: last,
      phone: `+1512${6_000_000 + p.customers.length}`,
      email: null,
      sourceId,
      status: 'active',
      firstVisit: today.date,
      version: 1,
      updatedAt: iso(Math.max(earliest, cutoff - (k + 1) * 20 * 60_000)),
    };
    p.customers.push(customer);
    p.invoices.push({ id: `inv-${String(p.invoices.length + 1).padStart(6, '0')}`, customerId: id, date: today.date, amount: 8_900 + Math.floor(rng() * 60_000) });
    const [make, , models] = pick(VEHICLES);
    p.board.push({
      id: `tvp-${today.date}-${p.board.length + 1}`,
      date: today.date,
      customerId: id,
      customerName: `${first} ${last}`,
      vehicle: `${2012 + Math.floor(rng() * 13)} ${make} ${pick(models)}`,
      advisor: pick(ADVISORS),
      promisedAt: null,
      sourceId,
      sourceUnknown: isSourceUnknown(sourceId, sourceMap),
      customerVersion: 1,
    });
  }

  // ── ups logged today ──
  const ups: TrafficEvent[] = [];
  const open = today.open;
  const from = open ? Math.min(today.midnight + open[0] * 60_000, cutoff - 60_000) : earliest;
  const UP_TYPES: UpType[] = open ? ['walk-in', 'phone-up', 'internet', 'appointment', 'service-drive'] : ['phone-up', 'internet'];
  for (let k = 0; k < 5; k++) {
    const ms = Math.max(earliest, Math.floor(from + ((k + rng()) / 5) * Math.max(0, cutoff - 60_000 - from)));
    const upType = pick(UP_TYPES);
    const salesperson = pick(SALESPEOPLE);
    ups.push({
      id: `t-${today.date}-${k + 1}`,
      at: iso(Math.floor(ms / 60_000) * 60_000),
      upType,
      department: rng() < 0.6 ? 'new' : 'used',
      salespersonId: salesperson[0],
      salespersonName: salesperson[1],
      sourceCategory: upType === 'internet' ? 'internet' : pick(['drive-by', 'referral', 'repeat']),
      source: upType === 'internet' ? pick(['Google', 'Website', 'Cars.com']) : pick(['Drive-by', 'Referral', 'Repeat']),
      steps: upType === 'phone-up' ? [] : ['demo'],
      outcome: 'pending',
    });
  }
  // The year's ups are in time order; today's are the last, so only they are sorted again.
  const dayStart = iso(today.midnight);
  let lo = 0;
  let hi = p.traffic.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p.traffic[mid]!.at < dayStart) lo = mid + 1;
    else hi = mid;
  }
  const tail = [...p.traffic.slice(lo), ...ups].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  p.traffic.splice(lo, p.traffic.length - lo, ...tail);

  // ── the leads of the last hours ──
  TODAYS_LEADS.forEach(([make, model, minutesAgo, answeredAfter], k) => {
    const received = Math.max(earliest, cutoff - minutesAgo * 60_000);
    const salesperson = pick(SALESPEOPLE);
    const first = pick(FIRST_NAMES);
    const last = pick(LAST_NAMES);
    const n = p.firstLead + k + 1;
    const activities: LeadActivity[] = [{ id: `act-today-${n}-1`, at: iso(received + 40_000), kind: 'auto-response', by: null }];
    if (answeredAfter !== null && received + answeredAfter * 60_000 < cutoff) {
      // The BDC answers one of them for its salesperson.
      const by = k === 4 ? BDC_AGENT : salesperson[1];
      activities.push({ id: `act-today-${n}-2`, at: iso(received + answeredAfter * 60_000), kind: 'email-sent', by });
    }
    p.leads.push({
      id: `lead-${String(n).padStart(5, '0')}`,
      receivedAt: iso(received),
      make,
      model,
      year: Number(today.date.slice(0, 4)),
      provider: pick(LEAD_PROVIDERS),
      customerName: `${first} ${last}`,
      email: `${first.normalize('NFD').replace(/[^a-zA-Z]/g, '').toLowerCase()}.today${k + 1}@example.net`,
      phone: null,
      salespersonId: salesperson[0],
      salespersonName: salesperson[1],
      activities,
    });
  });
  p.leads.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));
}
