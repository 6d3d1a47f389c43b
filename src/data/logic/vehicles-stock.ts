/**
 * A stock or auction list (CSV) against the wants of "Need Car Locate" customers: "vehicles we can
 * get for waiting buyers". The columns are guessed from the header and confirmed by the user;
 * each row becomes a `TradeInVehicle` (or is skipped, with why) and is matched by
 * {@link matchTradeIn}, the same rule as a trade-in.
 */
import Papa from 'papaparse';
import type { TradeInVehicle, VehicleWant } from '../model.js';
import { matchTradeIn } from './vehicles.js';
import type { RankedWantMatch } from './vehicles.js';

/** The fields a stock list's columns can hold, in the order the mapping step shows them. */
export const STOCK_FIELDS = ['year', 'make', 'model', 'trim', 'color', 'mileage', 'price', 'vin', 'stockNumber'] as const;
export type StockField = (typeof STOCK_FIELDS)[number];

/** Which column (0-based) holds each field; null when none does. */
export type StockMapping = Record<StockField, number | null>;

/** Most data rows read from one list; the rest are left out (and counted). */
export const STOCK_MAX_ROWS = 5000;

/** Header names per field, as {@link headerKey} makes them. */
const HEADERS: Record<StockField, readonly string[]> = {
  year: ['year', 'yr', 'model year', 'modelyear', 'my', 'ano', 'año'],
  make: ['make', 'manufacturer', 'brand', 'mfr', 'marca'],
  model: ['model', 'model name', 'modelo'],
  trim: ['trim', 'trim level', 'series', 'style', 'version', 'versión'],
  color: ['color', 'colour', 'exterior color', 'exterior colour', 'ext color', 'ext colour', 'paint'],
  mileage: ['mileage', 'miles', 'odometer', 'odo', 'millaje', 'kilometraje'],
  price: ['price', 'asking price', 'list price', 'retail price', 'internet price', 'sale price', 'retail', 'buy now', 'precio'],
  vin: ['vin', 'vin number', 'vehicle identification number'],
  stockNumber: ['stock', 'stock no', 'stock number', 'stk', 'stk no', 'stock id', 'lot', 'lot no', 'lot number', 'run number', 'run no'],
};
/** A word that names the field when the header is longer ("Exterior Colour (paint)", "Odometer reading"). */
const WORDS: Record<StockField, readonly string[]> = {
  year: ['year'],
  make: ['make'],
  model: ['model'],
  trim: ['trim'],
  color: ['color', 'colour'],
  mileage: ['mileage', 'miles', 'odometer'],
  price: ['price'],
  vin: ['vin'],
  stockNumber: ['stock', 'stk', 'lot'],
};

/** A header as compared: lower case, punctuation and `#`/`no.` marks as spaces, spaces squeezed. */
function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/#/g, ' no ').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().replace(/\s+/g, ' ');
}

/**
 * Guesses which column holds which field from the header row: a header that is one of the
 * field's names first ("Stock #", "Model Year", "Odometer"), then one with one of its words
 * ("Exterior Colour (paint)"). A column serves one field; a field takes the first column that fits.
 * @param headers The header row.
 * @returns The mapping; null for a field no header names.
 * @example guessStockMapping(['Stock #', 'VIN', 'Year', 'Make', 'Model', 'Odometer', 'Price']);
 * // { stockNumber: 0, vin: 1, year: 2, make: 3, model: 4, mileage: 5, price: 6, trim: null, color: null }
 */
export function guessStockMapping(headers: readonly string[]): StockMapping {
  const keys = headers.map((h) => headerKey(String(h ?? '')));
  const mapping = Object.fromEntries(STOCK_FIELDS.map((f) => [f, null])) as StockMapping;
  const used = new Set<number>();
  const take = (fits: (key: string, field: StockField) => boolean) => {
    for (const field of STOCK_FIELDS) {
      if (mapping[field] !== null) continue;
      const i = keys.findIndex((key, column) => !used.has(column) && key !== '' && fits(key, field));
      if (i >= 0) {
        mapping[field] = i;
        used.add(i);
      }
    }
  };
  take((key, field) => HEADERS[field].includes(key));
  take((key, field) => key.split(' ').some((word) => WORDS[field].includes(word)));
  return mapping;
}

/** Why a cell made its row unusable. */
export type StockProblemCode = 'not-a-year' | 'not-a-number' | 'negative' | 'no-make';

export interface StockProblem {
  field: StockField;
  code: StockProblemCode;
  /** The cell as given (empty for `no-make`). */
  value: string;
}

/** One usable row of the list. */
export interface StockVehicle {
  /** Its row in the file: the header is row 1, blank lines are not counted. */
  line: number;
  vehicle: TradeInVehicle;
  stockNumber: string | null;
}

/** A row left out, and why. */
export interface SkippedStockRow {
  line: number;
  problems: StockProblem[];
}

export interface StockReadResult {
  vehicles: StockVehicle[];
  skipped: SkippedStockRow[];
  /** Data rows past {@link STOCK_MAX_ROWS}, not read. */
  notRead: number;
}

/** A number as a stock list writes it: `45,000`, `45 000 mi`, `$24,500.00`; null when it is not one. */
function numberOf(text: string): number | null {
  const plain = text.replace(/^\$|\s*(?:mi|miles|usd)\.?$/gi, '').replace(/[,\s$]/g, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(plain)) return null;
  return Number(plain);
}

/**
 * The rows of a stock list as vehicles, through the mapping. A row is skipped, with a reason per
 * bad cell, when its year is not a whole year from 1900 to 2100, its mileage or price is not a
 * number or is below 0, or it has neither a make nor a VIN (the make is read from a VIN). Empty
 * cells are unknown, not wrong; wholly empty rows are left out silently. Prices are dollars, kept
 * as cents.
 * @param rows The data rows (the header row not included).
 * @param mapping From {@link guessStockMapping}, as the user confirmed it.
 * @param firstLine The file line of `rows[0]` (2 after a one-line header).
 * @returns The vehicles, the skipped rows, and how many rows were past the cap.
 * @example
 * readStockRows([['2019', 'Honda', 'CR-V', '41,200', '$23,900'], ['20X9', 'Ford', 'F-150', '', '']],
 *   { year: 0, make: 1, model: 2, mileage: 3, price: 4, trim: null, color: null, vin: null, stockNumber: null });
 * // vehicles: [{ line: 2, vehicle: { year: 2019, make: 'Honda', model: 'CR-V', mileage: 41200, price: 2390000, ... } }]
 * // skipped: [{ line: 3, problems: [{ field: 'year', code: 'not-a-year', value: '20X9' }] }]
 */
export function readStockRows(rows: readonly (readonly string[])[], mapping: StockMapping, firstLine = 2): StockReadResult {
  const vehicles: StockVehicle[] = [];
  const skipped: SkippedStockRow[] = [];
  const limit = Math.min(rows.length, STOCK_MAX_ROWS);
  for (let r = 0; r < limit; r++) {
    const row = rows[r]!;
    if (row.every((cell) => !String(cell ?? '').trim())) continue;
    const cell = (field: StockField) => {
      const column = mapping[field];
      return column === null ? '' : String(row[column] ?? '').trim();
    };
    const problems: StockProblem[] = [];
    const text = (field: StockField) => cell(field) || null;
    const amount = (field: 'mileage' | 'price'): number | null => {
      const value = cell(field);
      if (!value) return null;
      const n = numberOf(value);
      if (n === null) problems.push({ field, code: 'not-a-number', value });
      else if (n < 0) problems.push({ field, code: 'negative', value });
      return n === null || n < 0 ? null : n;
    };
    const yearText = cell('year');
    let year: number | null = null;
    if (yearText) {
      const y = Number(yearText);
      if (/^\d{4}$/.test(yearText) && y >= 1900 && y <= 2100) year = y;
      else problems.push({ field: 'year', code: 'not-a-year', value: yearText });
    }
    const mileage = amount('mileage');
    const price = amount('price');
    const make = text('make');
    const vin = text('vin');
    if (!make && !vin) problems.push({ field: 'make', code: 'no-make', value: '' });
    const line = firstLine + r;
    if (problems.length) {
      skipped.push({ line, problems });
      continue;
    }
    vehicles.push({
      line,
      vehicle: {
        vin,
        year,
        make,
        model: text('model'),
        trim: text('trim'),
        color: text('color'),
        mileage: mileage === null ? null : Math.round(mileage),
        price: price === null ? null : Math.round(price * 100),
      },
      stockNumber: text('stockNumber'),
    });
  }
  return { vehicles, skipped, notRead: rows.length - limit };
}

/** One stock vehicle and the waiting customers it would suit, best first. */
export interface StockMatch extends StockVehicle {
  matches: RankedWantMatch[];
}

/**
 * Each stock vehicle against the wants with {@link matchTradeIn} (only "need-car-locate" wants
 * count; reasons and score as for a trade-in). Vehicles that suit someone come first, the best
 * match's score highest first, then more waiting buyers, then file order; the rest follow in
 * file order with no matches.
 * @param vehicles From {@link readStockRows}.
 * @param wants Every want.
 * @returns One entry per vehicle.
 * @example matchStockList(readStockRows(rows, mapping).vehicles, wants)[0].matches[0].want.customerName; // 'Ana Ruiz'
 */
export function matchStockList(vehicles: readonly StockVehicle[], wants: readonly VehicleWant[]): StockMatch[] {
  const best = (m: StockMatch) => m.matches[0]?.score ?? -1;
  return vehicles
    .map((v) => ({ ...v, matches: matchTradeIn(v.vehicle, wants) }))
    .sort((a, b) => Number(!a.matches.length) - Number(!b.matches.length) || best(b) - best(a) || b.matches.length - a.matches.length || a.line - b.line);
}

/** A CSV file's rows as text cells. */
export interface StockCsv {
  headers: string[];
  rows: string[][];
}

/**
 * Reads a stock list's CSV text (comma, semicolon or tab separated, quoted as RFC 4180): the
 * first non-empty line is the header. Blank lines are dropped.
 * @param text The file's text (a byte-order mark is ignored).
 * @returns The header and the data rows; null when there is no header.
 * @example parseStockCsv('Year,Make\n2019,Honda\n'); // { headers: ['Year', 'Make'], rows: [['2019', 'Honda']] }
 */
export function parseStockCsv(text: string): StockCsv | null {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const [headers, ...rows] = parsed.data.filter((row) => Array.isArray(row));
  if (!headers || headers.every((h) => !h.trim())) return null;
  return { headers: headers.map((h) => h.trim()), rows };
}
