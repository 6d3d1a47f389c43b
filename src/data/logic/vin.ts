/**
 * Reading a Vehicle Identification Number (17 characters, ISO 3779 / 49 CFR 565): the maker from
 * the World Manufacturer Identifier (positions 1-3), the model year (position 10) and the check
 * digit (position 9). Only the makers common on North-American lots are known; anything else is
 * reported as not decodable, with the reason, never guessed.
 */

/** Why (part of) a VIN could not be read. */
export type VinProblem =
  /** Empty input. */
  | 'empty'
  /** Not 17 characters once spaces and dashes are removed. */
  | 'length'
  /** A character a VIN never holds (I, O, Q, punctuation). */
  | 'characters'
  /** Position 10 is not a model-year code (0, U, Z). */
  | 'year-code'
  /** Positions 1-3 are not a maker this table knows. */
  | 'unknown-maker';

/** What a VIN says, as far as it can be read. */
export interface VinDecoding {
  /** The VIN normalised: upper case, no spaces or dashes. */
  vin: string;
  /** Positions 1-3, when the VIN has at least 3 valid characters. */
  wmi: string | null;
  /** The maker's name ("Ford", "General Motors", "Stellantis"), null when unknown. */
  maker: string | null;
  /**
   * The makes (brands) the WMI can stand for, most likely first: one for most WMIs, several when a
   * maker uses one WMI across brands (Stellantis' `1C4` is a Jeep, Dodge or Chrysler). Empty when
   * the maker is unknown.
   */
  makes: string[];
  /** The model year, null when it cannot be read. */
  year: number | null;
  /**
   * `valid` or `invalid` as position 9 agrees with the weighted sum of the other 16 characters;
   * `unchecked` when the VIN is not a well-formed 17 characters.
   */
  checkDigit: 'valid' | 'invalid' | 'unchecked';
  /** The check digit the other 16 characters call for, when computable. */
  expectedCheckDigit: string | null;
  /** Everything that could not be read; empty when year and maker were both decoded. */
  problems: VinProblem[];
}

const VALID = /^[A-HJ-NPR-Z0-9]{17}$/;

/** Transliteration of letters for the check digit (49 CFR 565.15); I, O and Q never occur. */
const LETTER_VALUES: Record<string, number> = {
  A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8,
  J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
  S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/** Position-10 codes in order from 1980 (A) through 2009 (9); the cycle repeats every 30 years. */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY123456789';

/**
 * Makers by WMI, for the makes common on North-American lots. Each entry: maker, then the makes
 * it may stand for (most likely first).
 */
const WMI: Record<string, readonly [maker: string, ...makes: string[]]> = {};
function wmis(codes: string, maker: string, ...makes: string[]): void {
  for (const code of codes.split(' ')) WMI[code] = [maker, ...(makes.length ? makes : [maker])];
}
// Ford Motor Company
wmis('1FA 1FB 1FC 1FD 1FM 1FT 1ZV 2FA 2FM 2FT 3FA 3FM 3FT NM0 WF0', 'Ford');
wmis('1LN 2LM 3LN 5LM', 'Ford', 'Lincoln');
wmis('1ME 2ME 4M2', 'Ford', 'Mercury');
// General Motors
wmis('1G1 1GB 1GC 1GN 2G1 2GC 2GN 3G1 3GC 3GN KL1 KL7 KL8', 'General Motors', 'Chevrolet');
wmis('1GD 1GK 1GT 2GK 2GT 3GK 3GT', 'General Motors', 'GMC');
wmis('1G4 2G4 5GA KL4', 'General Motors', 'Buick');
wmis('1G6 1GY', 'General Motors', 'Cadillac');
wmis('1G2 5Y2', 'General Motors', 'Pontiac');
wmis('1G8 5GZ', 'General Motors', 'Saturn');
wmis('5GR', 'General Motors', 'Hummer');
// Toyota
wmis('2T3 4T1 4T3 4T4 5TB 5TD 5TE 5TF 5YF JT2 JT3 JT4 JTD JTE JTM JTN 3TM 2T1', 'Toyota');
wmis('2T2 58A JTH JTJ JT6 JT8', 'Toyota', 'Lexus');
wmis('JTK JTL', 'Toyota', 'Scion');
// Honda
wmis('1HG 2HG 2HJ 2HK 3HG 5FN 5FP 5J6 19X JHL JHM 7FA 3CZ', 'Honda');
wmis('19U 2HN 5J8 JH4', 'Honda', 'Acura');
// Nissan
wmis('1N4 1N6 3N1 3N6 3N8 5N1 JN1 JN6 JN8', 'Nissan');
wmis('5N3 JNK JNR', 'Nissan', 'Infiniti');
// Hyundai and Kia
wmis('5NM 5NP KM8 KMH', 'Hyundai');
wmis('KMT KMU', 'Hyundai', 'Genesis');
wmis('3KP 5XX 5XY KNA KNC KND', 'Kia');
// Volkswagen group
wmis('1VW 1V2 3VV 3VW WVG WVW WV1 WV2', 'Volkswagen');
wmis('WAU WA1', 'Volkswagen', 'Audi');
wmis('WP0 WP1', 'Porsche');
// Subaru, Mazda, Mitsubishi
wmis('4S3 4S4 JF1 JF2', 'Subaru');
wmis('1YV 3MZ 3MV 7MM JM1 JM3 4F2 4F4', 'Mazda');
wmis('4A3 4A4 JA3 JA4', 'Mitsubishi');
// BMW and Mercedes-Benz
wmis('4US 5UX 5YM WBA WBS WBX WBY', 'BMW');
wmis('WMW', 'BMW', 'MINI');
wmis('4JG 55S W1K W1N W1V WDB WDC WDD WDF', 'Mercedes-Benz');
// Stellantis (Chrysler, Dodge, Jeep, Ram)
wmis('1C3 2C3 2C4', 'Stellantis', 'Chrysler', 'Dodge');
wmis('1C4 3C4', 'Stellantis', 'Jeep', 'Dodge', 'Chrysler');
wmis('1C6 3C6 3C7', 'Stellantis', 'Ram');
wmis('1J4 1J8 ZAC', 'Stellantis', 'Jeep');
wmis('1B3 1B7 1D3 1D7 2B3 2D4 3D7', 'Stellantis', 'Dodge');
// Tesla, Volvo, Land Rover, Jaguar
wmis('5YJ 7SA 7G2', 'Tesla');
wmis('YV1 YV4 7JR', 'Volvo');
wmis('SAL', 'Land Rover');
wmis('SAJ', 'Jaguar');

/**
 * The check digit (position 9) a VIN's other 16 characters call for.
 * @param vin A well-formed 17-character VIN (upper case).
 * @returns `0`-`9` or `X`.
 * @example vinCheckDigit('1M8GDM9AXKP042788'); // 'X'
 */
export function vinCheckDigit(vin: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = vin[i]!;
    const value = c >= '0' && c <= '9' ? c.charCodeAt(0) - 48 : (LETTER_VALUES[c] ?? 0);
    sum += value * WEIGHTS[i]!;
  }
  const rest = sum % 11;
  return rest === 10 ? 'X' : String(rest);
}

/**
 * The model year of position 10. The code repeats every 30 years; for cars, MPVs and light
 * trucks built for North America, position 7 tells the cycle: a digit for 1980-2009, a letter
 * for 2010-2039.
 * @param code Position 10.
 * @param position7 Position 7.
 * @returns The year, or null for a character that is not a year code.
 * @example vinModelYear('M', 'T'); // 2021
 */
export function vinModelYear(code: string, position7: string): number | null {
  const index = YEAR_CODES.indexOf(code);
  if (index === -1 || code === '') return null;
  const letter = position7 >= 'A' && position7 <= 'Z';
  return 1980 + index + (letter ? 30 : 0);
}

/**
 * Reads a VIN: maker and makes from the WMI, model year from position 10 (cycle chosen by
 * position 7), and checks position 9. Says what it could not read in `problems`.
 * @param input The VIN as typed (case, spaces and dashes do not matter).
 * @returns The decoding; `problems` is empty when year and maker were read.
 * @example
 * decodeVin('1HGCM82633A004352');
 * // { vin: '1HGCM82633A004352', wmi: '1HG', maker: 'Honda', makes: ['Honda'], year: 2003, checkDigit: 'valid', ... }
 */
export function decodeVin(input: string | null | undefined): VinDecoding {
  const vin = (input ?? '').toUpperCase().replace(/[\s-]+/g, '');
  const result: VinDecoding = { vin, wmi: null, maker: null, makes: [], year: null, checkDigit: 'unchecked', expectedCheckDigit: null, problems: [] };
  if (!vin) {
    result.problems.push('empty');
    return result;
  }
  if (!/^[A-HJ-NPR-Z0-9]*$/.test(vin)) result.problems.push('characters');
  if (vin.length !== 17) result.problems.push('length');
  const head = vin.slice(0, 3);
  if (/^[A-HJ-NPR-Z0-9]{3}$/.test(head)) {
    result.wmi = head;
    const known = WMI[head];
    if (known) {
      result.maker = known[0];
      result.makes = known.slice(1);
    } else result.problems.push('unknown-maker');
  }
  if (VALID.test(vin)) {
    result.expectedCheckDigit = vinCheckDigit(vin);
    result.checkDigit = vin[8] === result.expectedCheckDigit ? 'valid' : 'invalid';
    result.year = vinModelYear(vin[9]!, vin[6]!);
    if (result.year === null) result.problems.push('year-code');
  }
  return result;
}
