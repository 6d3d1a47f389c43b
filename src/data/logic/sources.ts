/**
 * Customer sources: cleaning PoS codes, suggesting a main category, mapping completeness and the
 * customer source report.
 */
import type {
  Cents,
  Customer,
  DateRange,
  IsoDateTime,
  MappingStatus,
  MarketingSpend,
  PosSource,
  SourceCategory,
  SourceReport,
  SourceReportCategory,
  SourceReportRow,
} from '../model.js';
import { AdapterError } from '../errors.js';
import { UNKNOWN_CATEGORY_ID } from '../model.js';
import { checkDateRange, dayNumberOf, monthRangeOf } from './calendar.js';

/** The default main categories, in display order. */
export const DEFAULT_CATEGORIES: readonly SourceCategory[] = [
  { id: 'internet', name: 'Internet', order: 1, builtIn: true, version: 1 },
  { id: 'referral', name: 'Referral', order: 2, builtIn: true, version: 1 },
  { id: 'drive-by', name: 'Drive-by/Signage', order: 3, builtIn: true, version: 1 },
  { id: 'advertising', name: 'Advertising', order: 4, builtIn: true, version: 1 },
  { id: 'fleet', name: 'Fleet/Commercial', order: 5, builtIn: true, version: 1 },
  { id: 'repeat', name: 'Repeat/Existing', order: 6, builtIn: true, version: 1 },
  { id: 'other-new', name: 'Other New Customers', order: 7, builtIn: true, version: 1 },
];

/** Where "Mapping done" puts every source still unmapped. */
export const COMPLETE_MAPPING_CATEGORY_ID = 'other-new';

/** Name of the report's bucket for customers whose source is unknown. */
export const UNKNOWN_CATEGORY_NAME = 'Unknown';
/** Row id, under the unknown bucket, of customers with no source at all. */
export const NO_SOURCE_ROW_ID = 'unknown-none';

/** Name a source gets when its PoS code is blank. */
export const BLANK_SOURCE_NAME = '(blank)';

/** Whole codes, or dash-separated parts of codes, with a known clean name; keyed by letters and digits only, lower case. */
const NAME_ALIASES: Record<string, string> = {
  goog: 'Google',
  google: 'Google',
  googleads: 'Google Ads',
  googlemaps: 'Google Maps',
  yelp: 'Yelp',
  yelpcom: 'Yelp',
  fb: 'Facebook',
  facebook: 'Facebook',
  insta: 'Instagram',
  ig: 'Instagram',
  instagram: 'Instagram',
  web: 'Website',
  website: 'Website',
  driveby: 'Drive-by',
  ref: 'Referral',
  referral: 'Referral',
  tv: 'TV',
  valpak: 'Valpak',
  directmail: 'Direct mail',
  walkin: 'Walk-in',
  ads: 'Ads',
  nextdoor: 'Nextdoor',
  angi: 'Angi',
  youtube: 'YouTube',
  tiktok: 'TikTok',
};

/** Little words that stay lower case inside a name ("Word of Mouth"), even when the code shouts them. */
const SMALL_WORDS = new Set(['a', 'an', 'and', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to']);

/**
 * Keywords suggesting a main category, first match wins (so "google ads" is Internet, not
 * Advertising). `keywords` of five letters or more match anywhere in the code's letters
 * ("googleads", "REFFRIEND"), shorter ones only as a whole word ("fb", but not the "fb" inside
 * another word); `words` match only as whole words whatever their length ("insta", not "INSTALL").
 */
export const CATEGORY_KEYWORDS: readonly { categoryId: string; keywords: readonly string[]; words?: readonly string[] }[] = [
  {
    categoryId: 'internet',
    keywords: [
      'google', 'goog', 'yelp', 'facebook', 'fb', 'instagram', 'ig', 'website', 'web', 'online', 'internet', 'bing',
      'yahoo', 'youtube', 'tiktok', 'nextdoor', 'carfax', 'angieslist', 'angie', 'angi', 'seo', 'ppc', 'adwords',
    ],
    words: ['insta'],
  },
  {
    categoryId: 'referral',
    keywords: ['referral', 'referred', 'ref', 'friend', 'family', 'wordofmouth', 'wom', 'neighbor', 'neighbour'],
  },
  { categoryId: 'drive-by', keywords: ['driveby', 'drive', 'signage', 'sign', 'signs', 'walkin'] },
  {
    categoryId: 'advertising',
    keywords: ['radio', 'tv', 'mailer', 'directmail', 'newspaper', 'coupon', 'valpak', 'billboard', 'flyer', 'flier'],
  },
  { categoryId: 'fleet', keywords: ['fleet', 'commercial'] },
  { categoryId: 'repeat', keywords: ['repeat', 'existing', 'returning', 'previous'], words: ['prev', 'prior'] },
];

/** Strips markup, entities and invisible characters, and folds look-alike forms (full-width letters). */
function plainText(code: string): string {
  return (code ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, ' ')
    .normalize('NFKC')
    .replace(/[\u200b-\u200f\u2060\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const compactKey = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function cleanWord(word: string, previous: string | undefined): string {
  // Dates, highway numbers, call signs after "radio"/"tv" and short acronyms keep their form.
  if (/\d/.test(word) || (previous && /^(radio|tv)$/i.test(previous))) return word;
  const alias = NAME_ALIASES[compactKey(word)];
  if (alias) return alias;
  if (previous !== undefined && SMALL_WORDS.has(word.toLowerCase())) return word.toLowerCase();
  if (word.length <= 3 && word === word.toUpperCase()) return word;
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/**
 * A readable subcategory name for a PoS source code: markup and stray punctuation removed, known
 * codes spelled out, words capitalised, dash-separated parts joined with an en dash.
 * @param code The code as the PoS holds it.
 * @returns The clean name; {@link BLANK_SOURCE_NAME} for a blank code.
 * @example
 * cleanSourceName('GOOG'); // 'Google'
 * cleanSourceName('Yelp!'); // 'Yelp'
 * cleanSourceName('REF-FRIEND'); // 'Referral – Friend'
 * cleanSourceName('RADIO-KJZ'); // 'Radio – KJZ'
 */
export function cleanSourceName(code: string): string {
  const text = plainText(code)
    .replace(/[^\p{L}\p{N}\s\-_/&'.+]/gu, '')
    .replace(/^[\s.\-_]+|[\s.\-_]+$/g, '');
  if (!text) return BLANK_SOURCE_NAME;
  const whole = NAME_ALIASES[compactKey(text)];
  if (whole) return whole;
  // Dashes separate parts ("REF-FRIEND") only between words, not inside "I-35".
  const parts = text.split(/(?<=\p{L}{2})\s*[-_–]+\s*(?=\p{L}{2})/u).filter(Boolean);
  let previous: string | undefined;
  return parts
    .map((part) => {
      const alias = NAME_ALIASES[compactKey(part)];
      const words = part.split(' ');
      const clean = alias ?? words.map((w, i) => cleanWord(w, i ? words[i - 1] : previous)).join(' ');
      previous = words[words.length - 1];
      return clean;
    })
    .join(' – ');
}

/**
 * A main category suggested by a code's text, for bulk acceptance in the mapping editor.
 * @param code The PoS code.
 * @returns The suggested category id and the subcategory name the source would get
 *   ({@link cleanSourceName}); null when nothing in the code suggests a category.
 * @example
 * suggestCategory('google ads'); // { categoryId: 'internet', name: 'Google Ads' }
 * suggestCategory('MAILER 03/26'); // { categoryId: 'advertising', name: 'Mailer 03/26' }
 * suggestCategory('<b>WALK</b>'); // null
 */
export function suggestCategory(code: string): { categoryId: string; name: string } | null {
  const words = plainText(code)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const letters = words.join('');
  for (const { categoryId, keywords, words: wholeWords } of CATEGORY_KEYWORDS) {
    const found =
      keywords.some((k) => (k.length >= 5 ? letters.includes(k) : words.includes(k))) || !!wholeWords?.some((w) => words.includes(w));
    if (found) {
      return { categoryId, name: cleanSourceName(code) };
    }
  }
  return null;
}

type SourceLookup =
  | ReadonlyMap<string, Pick<PosSource, 'categoryId' | 'deleted'>>
  | Readonly<Record<string, Pick<PosSource, 'categoryId' | 'deleted'> | undefined>>;

function lookup(sources: SourceLookup, id: string): Pick<PosSource, 'categoryId' | 'deleted'> | undefined {
  return sources instanceof Map ? sources.get(id) : (sources as Record<string, PosSource | undefined>)[id];
}

/**
 * Whether a customer's source is unknown: none, pointing at no source, unmapped, or deleted.
 * @param sourceId The customer's source id.
 * @param sourcesById Sources by id (a Map or a plain object).
 * @returns True when the customer belongs in the unknown bucket (and blinks on the board).
 * @example isSourceUnknown('s1', new Map([['s1', { categoryId: null, deleted: false }]])); // true
 */
export function isSourceUnknown(sourceId: string | null | undefined, sourcesById: SourceLookup): boolean {
  if (!sourceId) return true;
  const source = lookup(sourcesById, sourceId);
  return !source || source.deleted || !source.categoryId;
}

/**
 * Mapping completeness for the board's warning and the editor's progress.
 * @param sources Every source (deleted ones do not count).
 * @param customers Every customer.
 * @returns Counts of sources, mapped sources, customers and customers with an unknown source.
 * @example mappingStatus([], []); // { total: 0, mapped: 0, unknownCustomers: 0, customers: 0 }
 */
export function mappingStatus(sources: readonly PosSource[], customers: readonly Pick<Customer, 'sourceId'>[]): MappingStatus {
  const live = sources.filter((s) => !s.deleted);
  const byId = new Map(sources.map((s) => [s.id, s]));
  return {
    total: live.length,
    mapped: live.filter((s) => s.categoryId).length,
    unknownCustomers: customers.filter((c) => isSourceUnknown(c.sourceId, byId)).length,
    customers: customers.length,
  };
}

/**
 * "Mapping done": every unmapped, non-deleted source goes to Other New Customers.
 * @param sources Every source.
 * @param updatedAt Stamp for the changed sources (their version is bumped too).
 * @returns A new array; changed sources are new objects, the others are the same objects.
 * @example completeMapping([{ ...source, categoryId: null }])[0].categoryId; // 'other-new'
 */
export function completeMapping(sources: readonly PosSource[], updatedAt?: IsoDateTime): PosSource[] {
  return sources.map((s) =>
    s.deleted || s.categoryId
      ? s
      : { ...s, categoryId: COMPLETE_MAPPING_CATEGORY_ID, version: s.version + 1, updatedAt: updatedAt ?? s.updatedAt },
  );
}

/**
 * Customer counts per source id, for `PosSource.customerCount`.
 * @param customers Every customer.
 * @returns source id → number of customers carrying it.
 * @example countCustomersBySource([{ sourceId: 'a' }, { sourceId: 'a' }]).get('a'); // 2
 */
export function countCustomersBySource(customers: readonly Pick<Customer, 'sourceId'>[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of customers) if (c.sourceId) counts.set(c.sourceId, (counts.get(c.sourceId) ?? 0) + 1);
  return counts;
}

/**
 * The part of a month's spend that falls inside a range: amount × days covered / days in month,
 * rounded half up to the cent (once per spend row, so a full month is always exact).
 * @param amount The month's spend in cents.
 * @param month `YYYY-MM`.
 * @param range The report range.
 * @returns Cents attributable to the range.
 * @example proratedSpend(3100, '2026-03', { from: '2026-03-17', to: '2026-04-30' }); // 1500
 */
export function proratedSpend(amount: Cents, month: string, range: DateRange): Cents {
  const whole = monthRangeOf(`${month}-01`);
  if (!whole) return 0;
  const days = dayNumberOf(whole.to) - dayNumberOf(whole.from) + 1;
  const from = range.from > whole.from ? range.from : whole.from;
  const to = range.to < whole.to ? range.to : whole.to;
  if (from > to) return 0;
  const covered = dayNumberOf(to) - dayNumberOf(from) + 1;
  return covered === days ? amount : Math.round((amount * covered) / days);
}

/** What {@link buildSourceReport} reads. */
export interface SourceReportInput {
  categories: readonly SourceCategory[];
  sources: readonly PosSource[];
  customers: readonly Customer[];
  invoices: readonly { customerId: string; date: string; amount: Cents }[];
  spend: readonly MarketingSpend[];
}

interface Tally {
  id: string;
  name: string;
  newCustomers: number;
  spend: Cents;
  revenue: Cents;
}

const tally = (id: string, name: string): Tally => ({ id, name, newCustomers: 0, spend: 0, revenue: 0 });

function toRow(t: Tally, allNew: number): SourceReportRow {
  return {
    id: t.id,
    name: t.name,
    newCustomers: t.newCustomers,
    share: allNew ? t.newCustomers / allNew : 0,
    spend: t.spend,
    costPerNewCustomer: t.newCustomers ? Math.round(t.spend / t.newCustomers) : null,
    revenue: t.revenue,
    roi: t.spend ? (t.revenue - t.spend) / t.spend : null,
  };
}

/**
 * The customer source report for a date range.
 *
 * - A **new customer** in the range is a customer whose `firstVisit` falls in it (never one with no first visit).
 * - **Revenue** is what those new customers were invoiced on days inside the range.
 * - **Spend** is each month's spend pro-rated by the days of the month inside the range
 *   ({@link proratedSpend}: integer cents, rounded half up per spend row). Spend on a category
 *   (`sourceId` null) counts for the category only; spend on a source counts for that source's row
 *   under the spend's category and for the category's total. Spend on a category that no longer
 *   exists lands in the unknown bucket, so totals never lose money.
 * - The **unknown** bucket (id `unknown`, last, present only when it holds something) holds customers with no source, a source id
 *   that points at nothing, or an unmapped, deleted or category-less source. Its rows are the
 *   unmapped/deleted sources, plus `unknown-none` for customers with no source.
 * - `share` = new customers / all new customers in the range (0 when there are none);
 *   `costPerNewCustomer` = spend / new customers rounded to the cent, null with no new customers;
 *   `roi` = (revenue − spend) / spend, null with no spend.
 * - Every category appears, even with no customers and no spend, in category order. Subcategory
 *   rows appear when they have new customers, spend or revenue, largest first.
 *
 * @param input Categories, sources, customers, invoices and spend.
 * @param range The report's date range (inclusive).
 * @returns The report with category rows, their subcategories and totals.
 * @throws AdapterError kind `rejected` for an invalid range.
 * @example
 * buildSourceReport({ categories, sources, customers, invoices, spend }, { from: '2026-03-01', to: '2026-03-31' })
 *   .categories[0]; // { id: 'internet', newCustomers: 12, share: 0.4, ... }
 */
export function buildSourceReport(input: SourceReportInput, range: DateRange): SourceReport {
  checkDateRange(range);
  const { from, to } = range;
  const inRange = (date: string) => date >= from && date <= to;
  const categoryById = new Map(input.categories.map((c) => [c.id, c]));
  const sourceById = new Map(input.sources.map((s) => [s.id, s]));

  const cats = new Map<string, { total: Tally; subs: Map<string, Tally> }>();
  const bucket = (categoryId: string) => {
    let entry = cats.get(categoryId);
    if (!entry) {
      const name = categoryById.get(categoryId)?.name ?? UNKNOWN_CATEGORY_NAME;
      entry = { total: tally(categoryId, name), subs: new Map() };
      cats.set(categoryId, entry);
    }
    return entry;
  };
  const sub = (categoryId: string, id: string, name: string) => {
    const subs = bucket(categoryId).subs;
    let t = subs.get(id);
    if (!t) subs.set(id, (t = tally(id, name)));
    return t;
  };
  for (const c of input.categories) bucket(c.id);

  // Where a customer's numbers go: [categoryId, row id, row name].
  const placeOf = (sourceId: string | null): [string, string, string] => {
    const source = sourceId ? sourceById.get(sourceId) : undefined;
    if (!source) return [UNKNOWN_CATEGORY_ID, NO_SOURCE_ROW_ID, 'No source'];
    const known = !isSourceUnknown(source.id, sourceById) && categoryById.has(source.categoryId!);
    return [known ? source.categoryId! : UNKNOWN_CATEGORY_ID, source.id, source.name];
  };

  const newCustomerPlace = new Map<string, [string, string, string]>();
  for (const c of input.customers) {
    if (!c.firstVisit || !inRange(c.firstVisit)) continue;
    const place = placeOf(c.sourceId);
    newCustomerPlace.set(c.id, place);
    bucket(place[0]).total.newCustomers++;
    sub(...place).newCustomers++;
  }
  for (const inv of input.invoices) {
    const place = inRange(inv.date) ? newCustomerPlace.get(inv.customerId) : undefined;
    if (!place) continue;
    bucket(place[0]).total.revenue += inv.amount;
    sub(...place).revenue += inv.amount;
  }
  for (const s of input.spend) {
    const amount = proratedSpend(s.amount, s.month, range);
    if (!amount) continue;
    const categoryId = categoryById.has(s.categoryId) ? s.categoryId : UNKNOWN_CATEGORY_ID;
    bucket(categoryId).total.spend += amount;
    if (s.sourceId) sub(categoryId, s.sourceId, sourceById.get(s.sourceId)?.name ?? s.sourceId).spend += amount;
  }

  let allNew = 0;
  for (const { total } of cats.values()) allNew += total.newCustomers;
  const order = (id: string) => (id === UNKNOWN_CATEGORY_ID ? Infinity : (categoryById.get(id)?.order ?? Infinity));
  const categories: SourceReportCategory[] = [...cats.values()]
    .filter(({ total, subs }) => total.id !== UNKNOWN_CATEGORY_ID || subs.size > 0 || total.spend > 0)
    .sort((a, b) => order(a.total.id) - order(b.total.id) || a.total.name.localeCompare(b.total.name))
    .map(({ total, subs }) => ({
      ...toRow(total, allNew),
      subcategories: [...subs.values()]
        .sort((a, b) => b.newCustomers - a.newCustomers || b.spend - a.spend || b.revenue - a.revenue || a.name.localeCompare(b.name))
        .map((t) => toRow(t, allNew)),
    }));

  const totals = tally('total', 'Total');
  for (const c of categories) {
    totals.newCustomers += c.newCustomers;
    totals.spend += c.spend;
    totals.revenue += c.revenue;
  }
  return { range: { from, to }, categories, totals: toRow(totals, allNew) };
}

/**
 * The name a source or category is saved under: trimmed.
 * @param name The name as sent.
 * @param what What is named, for the message ("A source", "A category").
 * @returns The trimmed name.
 * @throws AdapterError kind `rejected` (400) when it is not a string with something in it.
 * @example requireName('  Google Ads ', 'A source') // 'Google Ads'
 */
export function requireName(name: unknown, what: string): string {
  if (typeof name !== 'string' || !name.trim()) throw new AdapterError({ kind: 'rejected', status: 400, message: `${what} needs a name.` });
  return name.trim();
}

/**
 * A source after a change (its version already checked): the fields the change names, the version one up.
 * @param source The source as stored.
 * @param change The change: category, name and deleted, each when given.
 * @param updatedAt When it was changed.
 * @returns The changed source.
 * @throws AdapterError kind `rejected` for an empty name.
 */
export function applySourceUpdate(
  source: PosSource,
  change: { categoryId?: string | null; name?: string; deleted?: boolean },
  updatedAt: IsoDateTime,
): PosSource {
  return {
    ...source,
    ...(change.categoryId !== undefined && { categoryId: change.categoryId }),
    ...(change.name !== undefined && { name: requireName(change.name, 'A source') }),
    ...(change.deleted !== undefined && { deleted: Boolean(change.deleted) }),
    version: source.version + 1,
    updatedAt,
  };
}
