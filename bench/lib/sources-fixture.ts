/**
 * A large customer-sources shop for the render benches: 50,000 customers and 400 PoS source codes
 * (about a third unmapped, a few deleted), a year of invoices and monthly spend, and a board of
 * 200 vehicles today. Deterministic: the same options always give the same data.
 *
 * `loadSourcesFixture()` also asks a memory adapter over that dataset for everything the widgets
 * read (report, mapping status, sources with counts, categories, today's board), so a bench can
 * hand the widgets these answers through `precomputedAdapter()`, whose methods resolve at once:
 * what is timed is the rendering, not the aggregation.
 */
import type { CustomersApi, ForecourtAdapter, SourcesApi } from '../../src/data/adapter.js';
import { generateDataset, mulberry32 } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type {
  BoardEntry,
  Customer,
  Dataset,
  DateRange,
  Invoice,
  MappingStatus,
  MarketingSpend,
  PosSource,
  SourceCategory,
  SourceReport,
} from '../../src/data/model.js';
import { cleanSourceName, DEFAULT_CATEGORIES, isSourceUnknown, suggestCategory } from '../../src/data/logic/sources.js';

export interface SourcesFixtureOptions {
  customers?: number;
  sources?: number;
  /** Vehicles on today's board. */
  board?: number;
  seed?: number;
}

/** The day the data is "as of". */
export const FIXTURE_TODAY = '2026-11-23';
/** Twelve whole months up to today: every source has activity in it. */
export const FIXTURE_RANGE: DateRange = { from: '2025-12-01', to: FIXTURE_TODAY };

/** Code stems as a PoS holds them; each gets numbered variants ("GOOG 03", "MAILER 07"). */
const STEMS = [
  'GOOG', 'google ads', 'Google Maps', 'YELP', 'Yelp!', 'FB', 'Facebook', 'INSTA', 'WEBSITE', 'WEB FORM',
  'BING', 'CARFAX', 'Groupon', 'RADIO-KJZ', 'TV-CH', 'MAILER', 'DIRECT MAIL', 'VALPAK', 'NEWSPAPER', 'COUPON',
  'BILLBOARD', 'EVENT-CARSHOW', 'DRIVE BY', 'DRIVEBY', 'SIGN', 'REF-FRIEND', 'REFERRAL', 'REF-FAMILY', 'REF CUST', 'DEALER REF',
  'FLEET-ACME', 'COMMERCIAL', 'REPEAT', 'EXISTING', 'RETURNING', 'WALK IN', 'AAA', 'CHAMBER', 'TIRE RACK', 'NextDoor',
];
const FIRST = ['James', 'Maria', 'Robert', 'Linda', 'José', 'Ana', 'Thanh', 'Mai', 'Wei', 'Priya', 'Aaliyah', 'DeShawn', 'Zoë', 'Chloé', 'Noah', 'Emma'];
const LAST = ['Smith', 'Garcia', 'Nguyen', 'Patel', 'Kim', "O'Brien", 'Muñoz', 'Schröder', 'Hernández', 'Johnson', 'Lee', 'Walker', 'Torres', 'Hill'];
const VEHICLES = ['Toyota Camry', 'Honda CR-V', 'Ford F-150', 'Chevrolet Equinox', 'Nissan Rogue', 'Hyundai Tucson', 'Kia Telluride', 'Subaru Outback'];
const ADVISORS = ['Dana Ruiz', 'Mike Chen', 'Tom Becker'];

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The small demo dataset with its customer-sources part replaced by a large shop's.
 * @param options Counts and seed.
 * @returns A dataset for `createMemoryAdapter`.
 */
export function sourcesDataset(options: SourcesFixtureOptions = {}): Dataset {
  const { customers: customerCount = 50_000, sources: sourceCount = 400, board: boardCount = 200, seed = 7 } = options;
  const base = generateDataset({ size: 'small', today: FIXTURE_TODAY });
  const rng = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
  const stamp = `${FIXTURE_RANGE.from}T15:00:00.000Z`;

  const categories: SourceCategory[] = DEFAULT_CATEGORIES.map((c) => ({ ...c }));

  // Every third code is unmapped, one in 25 deleted; the others carry the category their text suggests.
  const sources: PosSource[] = [];
  for (let i = 0; i < sourceCount; i++) {
    const code = `${STEMS[i % STEMS.length]} ${String(Math.floor(i / STEMS.length) + 1).padStart(2, '0')}`;
    sources.push({
      id: `bsrc-${String(i + 1).padStart(3, '0')}`,
      code,
      categoryId: i % 3 === 1 ? null : (suggestCategory(code)?.categoryId ?? 'other-new'),
      name: cleanSourceName(code),
      origin: 'pos',
      deleted: i % 25 === 24,
      customerCount: 0,
      version: 1,
      updatedAt: stamp,
    });
  }

  // A long tail: a source's weight falls with its (shuffled) rank.
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < sourceCount; i++) {
    sum += 1 / (1 + ((i * 37) % sourceCount)) ** 0.7;
    cumulative.push(sum);
  }
  const pickSource = (): string => {
    const x = rng() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return sources[lo]!.id;
  };

  const todayMs = Date.parse(`${FIXTURE_TODAY}T00:00:00Z`);
  const windowStart = todayMs - 364 * DAY_MS;
  const historyStart = Date.parse('2019-01-01T00:00:00Z');
  const customers: Customer[] = [];
  const invoices: Invoice[] = [];
  const invoice = (customerId: string, date: string) =>
    invoices.push({ id: `binv-${invoices.length + 1}`, customerId, date, amount: Math.round((45 + rng() ** 2 * 1800) * 100) });
  for (let i = 0; i < customerCount; i++) {
    const isNew = rng() < 0.55;
    const firstMs = isNew ? windowStart + int(0, 364) * DAY_MS : historyStart + Math.floor(rng() * ((windowStart - historyStart) / DAY_MS)) * DAY_MS;
    const firstVisit = isoDay(firstMs);
    const id = `bc${String(i + 1).padStart(6, '0')}`;
    customers.push({
      id,
      firstName: pick(FIRST),
      lastName: pick(LAST),
      phone: null,
      email: null,
      sourceId: rng() < 0.08 ? null : pickSource(),
      status: 'active',
      firstVisit,
      version: 1,
      updatedAt: `${firstVisit}T15:00:00.000Z`,
    });
    if (isNew) invoice(id, firstVisit);
    for (let n = int(0, 2); n > 0; n--) {
      const dayMs = Math.max(firstMs, windowStart) + int(0, 364) * DAY_MS;
      if (dayMs <= todayMs) invoice(id, isoDay(dayMs));
    }
  }

  // Monthly spend on one mapped source in five, and on every category as a whole.
  const months: string[] = [];
  for (let m = 0; m < 12; m++) months.push(isoDay(Date.UTC(2025, 11 + m, 1)).slice(0, 7));
  const spend: MarketingSpend[] = [];
  const addSpend = (month: string, categoryId: string, sourceId: string | null, amount: number) =>
    spend.push({ id: `bspend-${spend.length + 1}`, month, categoryId, sourceId, amount, version: 1 });
  for (const month of months) {
    sources.forEach((s, i) => {
      if (i % 5 === 0 && s.categoryId && !s.deleted) addSpend(month, s.categoryId, s.id, int(100, 3000) * 100);
    });
    for (const c of categories) addSpend(month, c.id, null, int(50, 500) * 100);
  }

  // Today's board: distinct customers, about four in ten with an unknown source.
  const byId = new Map(sources.map((s) => [s.id, s]));
  const chosen = new Set<number>();
  while (chosen.size < Math.min(boardCount, customerCount)) chosen.add(int(0, customerCount - 1));
  const board: BoardEntry[] = [...chosen].map((index, i) => {
    const c = customers[index]!;
    return {
      id: `btvp-${i + 1}`,
      date: FIXTURE_TODAY,
      customerId: c.id,
      customerName: `${c.firstName} ${c.lastName}`,
      vehicle: `${int(2008, 2024)} ${pick(VEHICLES)}`,
      advisor: pick(ADVISORS),
      promisedAt: rng() < 0.6 ? `${FIXTURE_TODAY}T${String(int(20, 23))}:30:00.000Z` : null,
      sourceId: c.sourceId,
      sourceUnknown: isSourceUnknown(c.sourceId, byId),
      customerVersion: c.version,
    };
  });

  return { ...base, today: FIXTURE_TODAY, categories, sources, customers, invoices, spend, board };
}

/** What the widgets read, as a memory adapter over {@link sourcesDataset} answers it. */
export interface SourcesFixture {
  range: DateRange;
  today: string;
  report: SourceReport;
  mapping: MappingStatus;
  /** Every source, with customer counts. */
  sources: PosSource[];
  categories: SourceCategory[];
  board: BoardEntry[];
  customers: number;
}

export async function loadSourcesFixture(options: SourcesFixtureOptions = {}): Promise<SourcesFixture> {
  const dataset = sourcesDataset(options);
  const memory = createMemoryAdapter(dataset);
  const [report, mapping, sources, categories, board] = await Promise.all([
    memory.sources!.report(FIXTURE_RANGE),
    memory.sources!.mappingStatus(),
    memory.sources!.list(),
    memory.sources!.categories(),
    memory.customers!.board({ date: FIXTURE_TODAY }),
  ]);
  return { range: FIXTURE_RANGE, today: FIXTURE_TODAY, report, mapping, sources, categories, board, customers: dataset.customers.length };
}

const refuse = (what: string) => () => Promise.reject(new Error(`precomputedAdapter: ${what} is not part of the bench`));

/**
 * A plain adapter (no cache, no events) whose reads resolve at once with precomputed answers and
 * whose writes reject: a widget given it spends its time rendering.
 */
export function precomputedAdapter(fixture: SourcesFixture): ForecourtAdapter {
  const sources: SourcesApi = {
    categories: () => Promise.resolve(fixture.categories),
    list: () => Promise.resolve(fixture.sources),
    mappingStatus: () => Promise.resolve(fixture.mapping),
    report: () => Promise.resolve(fixture.report),
    spend: () => Promise.resolve([]),
    update: refuse('sources.update'),
    create: refuse('sources.create'),
    completeMapping: refuse('sources.completeMapping'),
    saveCategory: refuse('sources.saveCategory'),
    saveSpend: refuse('sources.saveSpend'),
  };
  const customers: CustomersApi = {
    board: () => Promise.resolve(fixture.board),
    list: refuse('customers.list'),
    setSource: refuse('customers.setSource'),
  };
  return { sources, customers };
}
