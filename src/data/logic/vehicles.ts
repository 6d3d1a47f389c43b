/**
 * Vehicles customers are waiting for ("Need Car Locate"): the needed-vehicles report grouped by
 * make and model, and matching a trade-in against the wants. The report's CSV is in
 * `vehicles-export.ts` (re-exported here).
 */
import type { CriterionOutcome, TradeInCriterion, TradeInVehicle, VehicleWant, WantMatch } from '../model.js';
import { makeKey, makeName } from './makes.js';
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

/**
 * Customers who want the vehicle being taken in on trade, best match first.
 *
 * Only wants of customers whose status is "need-car-locate" count. A want matches when the make
 * matches (`makeKey` of `makes.ts`: case, spacing, other names and common misspellings do not matter), the model
 * matches ({@link vehicleKey}), the year is within the want's range, the mileage is at most the
 * want's maximum and the price at most its maximum price. Trim and colour never exclude a want:
 * they are met or not met. A criterion the want does not set is `not-stated`; one the vehicle's
 * data cannot answer (no mileage, no model for a VIN-only trade-in, ...) is `unknown` and does
 * not exclude. With only a VIN, the year and make come from it ({@link resolveTradeIn}); a
 * vehicle whose make is neither typed nor decodable matches nothing.
 *
 * Ranked by criteria met, then newest want first. One pass over the wants: each distinct
 * spelling of a make or model is normalised once, so 100,000 wants cost a few map lookups each.
 * @param vehicle The trade-in.
 * @param wants Every want (any status; only "need-car-locate" ones count).
 * @returns The matches, with how each criterion matched.
 * @example
 * matchTradeIn({ year: 2019, make: 'Honda', model: 'CR-V', mileage: 42000 }, wants);
 * // [{ want, criteriaMet: 3, criteriaSet: 3, criteria: { model: 'met', year: 'met', trim: 'not-stated', ... } }, ...]
 */
export function matchTradeIn(vehicle: TradeInVehicle, wants: readonly VehicleWant[]): WantMatch[] {
  const resolved = resolveTradeIn(vehicle);
  if (!resolved.makes.length) return [];
  const model = resolved.model ? vehicleKey(resolved.model) : '';
  const makes = [...new Set(resolved.makes.map(makeKey))];
  const year = resolved.year;
  const trim = vehicleKey(vehicle.trim);
  const color = vehicleKey(vehicle.color);
  const mileage = typeof vehicle.mileage === 'number' && Number.isFinite(vehicle.mileage) ? vehicle.mileage : null;
  const price = typeof vehicle.price === 'number' && Number.isFinite(vehicle.price) ? vehicle.price : null;

  const ranked: { match: WantMatch; created: number }[] = [];
  /** A want of the right make and model: the other criteria, then its place in the ranking. */
  const consider = (w: VehicleWant): void => {
    if (year !== null && (year < w.yearFrom || year > w.yearTo)) return;
    if (w.maxMileage !== null && mileage !== null && mileage > w.maxMileage) return;
    if (w.maxPrice !== null && price !== null && price > w.maxPrice) return;
    const criteria: Record<TradeInCriterion, CriterionOutcome> = {
      model: model ? 'met' : 'unknown',
      year: year === null ? 'unknown' : 'met',
      trim: textOutcome(vehicleKey(w.trim), trim),
      color: textOutcome(vehicleKey(w.color), color),
      mileage: w.maxMileage === null ? 'not-stated' : mileage === null ? 'unknown' : 'met',
      price: w.maxPrice === null ? 'not-stated' : price === null ? 'unknown' : 'met',
    };
    let met = 0;
    let set = 0;
    for (const outcome of Object.values(criteria)) {
      if (outcome !== 'not-stated') set++;
      if (outcome === 'met') met++;
    }
    const created = Date.parse(w.createdAt);
    ranked.push({ match: { want: w, criteriaMet: met, criteriaSet: set, criteria }, created: Number.isNaN(created) ? 0 : created });
  };

  // One pass over the wants, each distinct spelling of a make or model judged once.
  const makeFits = new Map<string, boolean>();
  const modelFits = new Map<string, boolean>();
  for (let i = 0; i < wants.length; i++) {
    const w = wants[i]!;
    if (w.customerStatus !== WANT_STATUS) continue;
    let fits = makeFits.get(w.make);
    if (fits === undefined) makeFits.set(w.make, (fits = makes.includes(makeKey(w.make))));
    if (!fits) continue;
    if (model) {
      fits = modelFits.get(w.model);
      if (fits === undefined) modelFits.set(w.model, (fits = vehicleKey(w.model) === model));
      if (!fits) continue;
    }
    consider(w);
  }
  ranked.sort(
    (a, b) =>
      b.match.criteriaMet - a.match.criteriaMet ||
      b.created - a.created ||
      (a.match.want.id < b.match.want.id ? -1 : a.match.want.id > b.match.want.id ? 1 : 0),
  );
  return ranked.map((r) => r.match);
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

export { formatWantsCsv } from './vehicles-export.js';
