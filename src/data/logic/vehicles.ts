/**
 * Vehicles customers are waiting for ("Need Car Locate"): the needed-vehicles report grouped by
 * make and model, and matching a trade-in against the wants. The report's CSV is in
 * `vehicles-export.ts`, apart and not re-exported here, so that grouping or matching wants does
 * not load the CSV writer (papaparse).
 */
import type { CriterionOutcome, MatchReason, TradeInCriterion, TradeInVehicle, VehicleWant, WantMatch } from '../model.js';
import { AdapterError } from '../errors.js';
import { foldMake, makeKey, makeName } from './makes.js';
import { decodeVin } from './vin.js';
import type { VinDecoding } from './vin.js';

/** Only customers with this status are looking for a vehicle. */
export const WANT_STATUS = 'need-car-locate';

const keys = new Map<string, string>();

/**
 * Make, model, trim and colour compare ignoring case, spaces, hyphens and dots ("CR-V" = "cr v" = "CRV").
 * @param text The text to normalise.
 * @returns The comparison key.
 * @example vehicleKey(' CR-V '); // 'crv'
 */
export function vehicleKey(text: string | null | undefined): string {
  if (!text) return '';
  let key = keys.get(text);
  if (key === undefined) {
    key = text.normalize('NFKC').toLowerCase().replace(/[\s\-_.]+/g, '');
    // The same few hundred makes, models and colours come back again and again; bound the memo anyway.
    if (keys.size > 50_000) keys.clear();
    keys.set(text, key);
  }
  return key;
}

// ───────────────────────────── trade-in ─────────────────────────────

/** A trade-in with what the VIN adds to what was typed. */
export interface ResolvedTradeIn {
  /** Model year, typed or from the VIN; null when neither tells. */
  year: number | null;
  yearSource: 'given' | 'vin' | null;
  /** The makes it may be: the typed one, or the VIN's candidates (most likely first). */
  makes: string[];
  makeSource: 'given' | 'vin' | null;
  /** The model as typed; a VIN does not tell it here. */
  model: string | null;
  /** What the VIN says, when one was given. */
  vin: VinDecoding | null;
}

/**
 * Fills a trade-in's year and make from its VIN where they were not typed. What was typed wins.
 * @param vehicle The trade-in as entered.
 * @returns Year and makes with where they came from, and the VIN's decoding.
 * @example resolveTradeIn({ vin: '1HGCM82633A004352' }); // { year: 2003, yearSource: 'vin', makes: ['Honda'], ... }
 */
export function resolveTradeIn(vehicle: TradeInVehicle): ResolvedTradeIn {
  const vin = vehicle.vin?.trim() ? decodeVin(vehicle.vin) : null;
  const typedYear = typeof vehicle.year === 'number' && Number.isInteger(vehicle.year) ? vehicle.year : null;
  const typedMake = vehicle.make?.trim() || null;
  const year = typedYear ?? vin?.year ?? null;
  const makes = typedMake ? [typedMake] : (vin?.makes ?? []);
  return {
    year,
    yearSource: typedYear !== null ? 'given' : year !== null ? 'vin' : null,
    makes,
    makeSource: typedMake ? 'given' : makes.length ? 'vin' : null,
    model: vehicle.model?.trim() || null,
    vin,
  };
}

function textOutcome(wanted: string, given: string): CriterionOutcome {
  if (!wanted) return 'not-stated';
  if (!given) return 'unknown';
  return wanted === given ? 'met' : 'not-met';
}

/** Short forms of trim words, folded into the word ("Ltd" = "Limited"). */
const TRIM_WORDS: Record<string, string> = { ltd: 'limited', plat: 'platinum', prem: 'premium', spt: 'sport', tour: 'touring' };

/** The words of a model or trim, each a {@link vehicleKey} (hyphens inside a word stay joined: "CR-V" is one word). */
function words(text: string | null | undefined, fold?: Record<string, string>): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const part of text.split(/[\s/]+/)) {
    const key = vehicleKey(part);
    if (key) out.push(fold?.[key] ?? key);
  }
  return out;
}

/** A loose match: how close it is, and how many leading words of the longer text it used. */
interface Loose {
  closeness: number;
  /** The longer text's words left over (for a trim found among a model's words). */
  rest: string[];
}

/** Closeness of a loose match: a half for matching at all, the other half by the share of words in common. */
const closenessOf = (shared: number, of: number) => Math.round((0.5 + (0.5 * shared) / of) * 1000) / 1000;

/**
 * Two models match loosely when one is the first words of the other ("Silverado" ~ "Silverado
 * 1500", "F 150" ~ "F150 XLT"), and every word left over has two characters or more ("CR" does
 * not match "CR V", nor "Grand Cherokee" "Grand Cherokee L": those single letters name another
 * vehicle). "Cherokee" never matches "Grand Cherokee": the words must come first.
 */
function looseModel(a: string, b: string): Loose | null {
  const ka = vehicleKey(a);
  const kb = vehicleKey(b);
  if (!ka || !kb || ka === kb) return null;
  const [shortKey, long] = ka.length < kb.length ? [ka, words(b)] : [kb, words(a)];
  let joined = '';
  for (let k = 0; k < long.length - 1; k++) {
    joined += long[k];
    if (joined.length > shortKey.length) return null;
    if (joined === shortKey) {
      const rest = long.slice(k + 1);
      return rest.every((w) => w.length > 1) ? { closeness: closenessOf(k + 1, long.length), rest } : null;
    }
  }
  return null;
}

/**
 * Two trims match loosely when the words of one are all among the other's, in any order, and the
 * other's extra words have two characters or more ("XLT" ~ "XLT Sport", "Ltd" ~ "Limited";
 * "EX" does not match "EX L", which is "EX-L").
 */
function looseTrim(a: string[], b: string[]): number | null {
  if (!a.length || !b.length) return null;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const extra = [...long];
  for (const w of short) {
    const i = extra.indexOf(w);
    if (i < 0) return null;
    extra.splice(i, 1);
  }
  return extra.every((w) => w.length > 1) ? closenessOf(short.length, long.length) : null;
}

/** A want's match as {@link matchTradeIn} gives it: always with its score and reasons. */
export interface RankedWantMatch extends WantMatch {
  score: number;
  reasons: MatchReason[];
}

/**
 * Customers who want the vehicle being taken in on trade, best match first.
 *
 * Only wants of customers whose status is "need-car-locate" count. A want matches when the make
 * matches (`makeKey` of `makes.ts`: case, spacing, other names and common misspellings do not matter), the model
 * matches, the year is within the want's range, the mileage is at most the want's maximum and
 * the price at most its maximum price. Models match when they are the same ({@link vehicleKey}:
 * "F150" = "F-150", "CR-V" = "CRV") or loosely, when one is the first words of the other
 * ("Silverado" ~ "Silverado 1500"; single-letter leftovers do not count). Trim and colour never
 * exclude a want: they are met or not met; a trim is met when the same, when its words are among
 * the other's ("XLT" ~ "XLT Sport"), or when it is a word the trade-in's model adds ("Silverado
 * 1500 LT" has the trim "LT"). A criterion the want does not set is `not-stated`; one the vehicle's
 * data cannot answer (no mileage, no model for a VIN-only trade-in, ...) is `unknown` and does not
 * exclude. With only a VIN, the year and make come from it ({@link resolveTradeIn}); a vehicle
 * whose make is neither typed nor decodable matches nothing.
 *
 * Each match says why the make, model and trim matched (`reasons`) and how close it is (`score`,
 * 0 to 1: each stated criterion 1 when met exactly, its closeness when met loosely, 0 otherwise,
 * over the criteria stated). Ranked: models matching exactly first, then by criteria met, then an
 * exact trim before a loose one, then newest want first. One pass over the wants: each distinct
 * spelling of a make or model is judged once, so 100,000 wants cost a few map lookups each.
 * @param vehicle The trade-in.
 * @param wants Every want (any status; only "need-car-locate" ones count).
 * @returns The matches, with how each criterion matched.
 * @example
 * matchTradeIn({ year: 2019, make: 'Chevy', model: 'Silverado 1500' }, wants)[0];
 * // { want: { make: 'Chevrolet', model: 'Silverado', ... }, criteriaMet: 2, criteriaSet: 2, score: 0.875,
 * //   reasons: [{ criterion: 'make', how: 'other-name', ... }, { criterion: 'model', how: 'words', closeness: 0.75, ... }], ... }
 */
export function matchTradeIn(vehicle: TradeInVehicle, wants: readonly VehicleWant[]): RankedWantMatch[] {
  const resolved = resolveTradeIn(vehicle);
  if (!resolved.makes.length) return [];
  const givenModel = resolved.model ?? '';
  const model = givenModel ? vehicleKey(givenModel) : '';
  const year = resolved.year;
  const givenTrim = vehicle.trim?.trim() ?? '';
  const trim = vehicleKey(givenTrim);
  const trimWords = words(givenTrim, TRIM_WORDS);
  const color = vehicleKey(vehicle.color);
  const mileage = typeof vehicle.mileage === 'number' && Number.isFinite(vehicle.mileage) ? vehicle.mileage : null;
  const price = typeof vehicle.price === 'number' && Number.isFinite(vehicle.price) ? vehicle.price : null;

  /** The make's reason, per distinct spelling of a want's make (null: another make). */
  const makeFits = new Map<string, MatchReason | null>();
  const makeReason = (wanted: string): MatchReason | null => {
    const key = makeKey(wanted);
    const given = resolved.makes.find((m) => makeKey(m) === key);
    if (given === undefined) return null;
    const how = resolved.makeSource === 'vin' ? 'vin' : foldMake(given) === foldMake(wanted) ? 'same' : 'other-name';
    return { criterion: 'make', how, wanted: wanted.trim(), given: given.trim(), closeness: 1 };
  };
  /** The model's fit, per distinct spelling of a want's model (null: another model). */
  const modelFits = new Map<string, { reason: MatchReason; rest: string[] } | null>();
  const modelFit = (wanted: string): { reason: MatchReason; rest: string[] } | null => {
    const base = { criterion: 'model' as const, wanted: wanted.trim(), given: givenModel };
    if (vehicleKey(wanted) === model) return { reason: { ...base, how: 'same', closeness: 1 }, rest: [] };
    const loose = looseModel(wanted, givenModel);
    if (!loose) return null;
    // Words the trade-in's model adds after the want's model may name its trim.
    const rest = loose.rest.length && vehicleKey(wanted).length < model.length ? loose.rest : [];
    return { reason: { ...base, how: 'words', closeness: loose.closeness }, rest };
  };

  const ranked: { match: RankedWantMatch; created: number; looseModel: boolean; looseTrim: boolean }[] = [];
  /** A want of the right make and model: the other criteria, then its place in the ranking. */
  const consider = (w: VehicleWant, make: MatchReason, fit: { reason: MatchReason; rest: string[] } | null): void => {
    if (year !== null && (year < w.yearFrom || year > w.yearTo)) return;
    if (w.maxMileage !== null && mileage !== null && mileage > w.maxMileage) return;
    if (w.maxPrice !== null && price !== null && price > w.maxPrice) return;
    const reasons: MatchReason[] = [make];
    if (fit) reasons.push(fit.reason);
    const wantedTrim = vehicleKey(w.trim);
    let trimOutcome = textOutcome(wantedTrim, trim);
    let trimCloseness = 1;
    if (wantedTrim && trimOutcome !== 'met') {
      const wanted = words(w.trim, TRIM_WORDS);
      const loose = trimWords.length ? looseTrim(wanted, trimWords) : null;
      const inModel = loose === null && fit?.rest.length ? looseTrim(wanted, fit.rest) : null;
      if (loose !== null || inModel !== null) {
        trimOutcome = 'met';
        trimCloseness = (loose ?? inModel)!;
        reasons.push({
          criterion: 'trim',
          how: loose !== null ? 'words' : 'in-model',
          wanted: w.trim!.trim(),
          given: loose !== null ? givenTrim : givenModel,
          closeness: trimCloseness,
        });
      }
    } else if (trimOutcome === 'met') {
      reasons.push({ criterion: 'trim', how: 'same', wanted: w.trim!.trim(), given: givenTrim, closeness: 1 });
    }
    const criteria: Record<TradeInCriterion, CriterionOutcome> = {
      model: model ? 'met' : 'unknown',
      year: year === null ? 'unknown' : 'met',
      trim: trimOutcome,
      color: textOutcome(vehicleKey(w.color), color),
      mileage: w.maxMileage === null ? 'not-stated' : mileage === null ? 'unknown' : 'met',
      price: w.maxPrice === null ? 'not-stated' : price === null ? 'unknown' : 'met',
    };
    let met = 0;
    let set = 0;
    let points = 0;
    for (const [criterion, outcome] of Object.entries(criteria) as [TradeInCriterion, CriterionOutcome][]) {
      if (outcome !== 'not-stated') set++;
      if (outcome !== 'met') continue;
      met++;
      points += criterion === 'model' && fit ? fit.reason.closeness : criterion === 'trim' ? trimCloseness : 1;
    }
    const created = Date.parse(w.createdAt);
    ranked.push({
      match: { want: w, criteriaMet: met, criteriaSet: set, criteria, score: set ? Math.round((points / set) * 1000) / 1000 : 1, reasons },
      created: Number.isNaN(created) ? 0 : created,
      looseModel: fit?.reason.how === 'words',
      looseTrim: trimCloseness < 1,
    });
  };

  // One pass over the wants, each distinct spelling of a make or model judged once.
  for (let i = 0; i < wants.length; i++) {
    const w = wants[i]!;
    if (w.customerStatus !== WANT_STATUS) continue;
    let make = makeFits.get(w.make);
    if (make === undefined) makeFits.set(w.make, (make = makeReason(w.make)));
    if (!make) continue;
    let fit: { reason: MatchReason; rest: string[] } | null = null;
    if (model) {
      let found = modelFits.get(w.model);
      if (found === undefined) modelFits.set(w.model, (found = modelFit(w.model)));
      if (!found) continue;
      fit = found;
    }
    consider(w, make, fit);
  }
  ranked.sort(
    (a, b) =>
      Number(a.looseModel) - Number(b.looseModel) ||
      b.match.criteriaMet - a.match.criteriaMet ||
      Number(a.looseTrim) - Number(b.looseTrim) ||
      b.created - a.created ||
      (a.match.want.id < b.match.want.id ? -1 : a.match.want.id > b.match.want.id ? 1 : 0),
  );
  return ranked.map((r) => r.match);
}

/**
 * Checks a trade-in before matching: a year, when given, is a whole year from 1900 to 2100, and
 * the make is typed or can be read from the VIN.
 * @param vehicle The trade-in as entered.
 * @throws AdapterError kind `rejected` (400) naming what is wrong.
 * @example checkTradeIn({ vin: 'not a vin' }); // throws "The make cannot be read from VIN …; give the make."
 */
export function checkTradeIn(vehicle: TradeInVehicle | null | undefined): void {
  const rejected = (message: string) => new AdapterError({ kind: 'rejected', status: 400, message });
  const year = vehicle?.year;
  if (year != null && (!Number.isInteger(year) || year < 1900 || year > 2100)) {
    throw rejected(`Invalid trade-in year ${JSON.stringify(year)}.`);
  }
  const resolved = resolveTradeIn(vehicle ?? {});
  if (!resolved.makes.length) {
    throw rejected(vehicle?.vin?.trim() ? `The make cannot be read from VIN ${resolved.vin?.vin ?? ''}; give the make.` : 'A trade-in needs a make or a VIN.');
  }
}

// ───────────────────────────── needed-vehicles list ─────────────────────────────

/**
 * The key a make or model sorts by in the needed-vehicles list: accents dropped, lower case,
 * compared by code point, so a database sorting bytes (`COLLATE "C"`) keeps the same order.
 * @example wantSortKey('Škoda') // 'skoda'
 */
export function wantSortKey(text: string | null | undefined): string {
  return (text ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The needed-vehicles list's order: grouped by make and model ({@link wantSortKey}) for the
 * auction run, newest want first within a group, then by id.
 * @example wants.sort(compareWants)
 */
export function compareWants(a: VehicleWant, b: VehicleWant): number {
  return (
    byCodePoint(wantSortKey(a.make), wantSortKey(b.make)) ||
    byCodePoint(wantSortKey(a.model), wantSortKey(b.model)) ||
    byCodePoint(b.createdAt, a.createdAt) ||
    byCodePoint(a.id, b.id)
  );
}

/**
 * The text a search of the needed-vehicles list looks in: customer, make, model, trim and colour,
 * lowercase, one a line. A server stores it with the want.
 * @example wantSearchText(want).includes('cr-v')
 */
export function wantSearchText(want: Pick<VehicleWant, 'customerName' | 'make' | 'model' | 'trim' | 'color'>): string {
  return [want.customerName, want.make, want.model, want.trim ?? '', want.color ?? ''].map((f) => f.toLowerCase()).join('\n');
}

/**
 * Whether a want is listed for a query: its customer is looking ({@link WANT_STATUS}), the make
 * is the asked one ({@link makeKey}), and the search text is in {@link wantSearchText}.
 */
export function wantListed(want: VehicleWant, query: { make?: string | null; search?: string | null }): boolean {
  const make = query.make ? makeKey(query.make) : null;
  const text = query.search?.trim().toLowerCase();
  return want.customerStatus === WANT_STATUS && (!make || makeKey(want.make) === make) && (!text || wantSearchText(want).includes(text));
}

// ───────────────────────────── needed-vehicles report ─────────────────────────────

/** The wants for one make and model: what to look for at the auction, and for how many buyers. */
export interface WantGroup {
  /** Make and model keys, `make|model`. */
  key: string;
  make: string;
  model: string;
  /** Distinct customers waiting. */
  buyers: number;
  /** The wants, newest first. */
  wants: VehicleWant[];
}

/**
 * The needed-vehicles report: "need-car-locate" wants grouped by make and model (spelling, case
 * and the make's other names do not split a group), most-wanted first, then by make and model.
 * @param wants Wants of any status.
 * @returns The groups.
 * @example groupWants(wants)[0]; // { key: 'honda|crv', make: 'Honda', model: 'CR-V', buyers: 3, wants: [...] }
 */
export function groupWants(wants: readonly VehicleWant[]): WantGroup[] {
  const groups = new Map<string, WantGroup & { customers: Set<string>; spellings: Map<string, number> }>();
  for (const want of wants) {
    if (want.customerStatus !== WANT_STATUS) continue;
    const key = `${makeKey(want.make)}|${vehicleKey(want.model)}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, make: makeName(want.make), model: '', buyers: 0, wants: [], customers: new Set(), spellings: new Map() };
      groups.set(key, group);
    }
    group.wants.push(want);
    group.customers.add(want.customerId);
    const model = want.model.trim();
    group.spellings.set(model, (group.spellings.get(model) ?? 0) + 1);
  }
  return [...groups.values()]
    .map(({ customers, spellings, ...group }) => ({
      ...group,
      // The model as most wants spell it (the first such on a tie).
      model: [...spellings].reduce((best, next) => (next[1] > best[1] ? next : best))[0],
      buyers: customers.size,
      wants: group.wants.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? -1 : 1)),
    }))
    .sort((a, b) => b.buyers - a.buyers || a.make.localeCompare(b.make) || a.model.localeCompare(b.model));
}

