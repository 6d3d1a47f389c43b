/**
 * The one CSV writer behind every export (SMS history, store traffic, needed vehicles). A
 * spreadsheet runs a cell that starts like a formula, so every text cell is neutralised by the
 * OWASP CSV-injection rule before it is written: a cell beginning with `=`, `+`, `-`, `@`, tab,
 * carriage return or NUL (ASVS 1.2.10), or with the full-width `＝ ＋ － ＠` some spreadsheets
 * also accept, gets a leading apostrophe and is kept as text. Only a valid E.164 phone number
 * (`+15125550100`) keeps its `+`.
 *
 * The API leaves no way around the rule: a cell is text (always neutralised), a number the export
 * computed (written as a number), a {@link csvFixed} number, or empty. Anything else, such as an
 * object a server sent where text was expected, is written as neutralised text. Papaparse writes
 * the file (RFC 4180 quoting); this module decides what each cell says.
 */
import Papa from 'papaparse';

/** A number written with a fixed count of decimals (a price: `24500.50`). Made by {@link csvFixed}. */
class FixedNumber {
  constructor(
    readonly value: number,
    readonly decimals: number,
  ) {}
}

/** A number written with a fixed count of decimals; see {@link csvFixed}. */
export type CsvFixed = FixedNumber;

/**
 * One cell: text (neutralised), a number the export computed, a fixed-decimal number, or empty
 * (`null`, `undefined`). A non-finite number is written empty.
 */
export type CsvCell = string | number | CsvFixed | null | undefined;

/** One line of cells. */
export type CsvRow = readonly CsvCell[];

/** First characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A valid E.164 number: `+`, then 8 to 15 digits, the first not 0. */
const E164 = /^\+[1-9]\d{7,14}$/;
/**
 * Quoted besides what papaparse quotes (comma, quote, line breaks, a leading or trailing space):
 * a neutralised cell, as OWASP advises, and any cell holding `;` or tab, the field separators of
 * other locales, so that no part of a cell can become a cell of its own in a spreadsheet that
 * splits on them.
 */
const ALSO_QUOTED = /^'|[;\t]/;

/**
 * Whether a text is a valid E.164 phone number: `+`, then 8 to 15 digits, the first 1–9.
 * @param value Any text.
 * @returns True for `+15125550100`; false for `+1 512 555 0100`, `+0…`, `+abc`.
 * @example isE164('+15125550100') // true
 */
export function isE164(value: string): boolean {
  return E164.test(value);
}

/**
 * A text cell as a spreadsheet will read it as text: a leading apostrophe when it starts like a
 * formula (`=`, `+`, `-`, `@`, tab, carriage return, NUL, `＝`, `＋`, `－`, `＠`), unless it is a
 * valid E.164 phone number.
 * @param value The cell's text.
 * @returns The text to write.
 * @example csvText('=1+1') // "'=1+1"
 */
export function csvText(value: string): string {
  return FORMULA_START.test(value) && !E164.test(value) ? `'${value}` : value;
}

/**
 * A number written with exactly `decimals` decimals, as a number cell.
 * @param value The number (empty when not finite).
 * @param decimals Digits after the point (0–20).
 * @returns The cell.
 * @example formatCsv([[csvFixed(24500.5, 2)]]) // '24500.50\r\n'
 */
export function csvFixed(value: number, decimals: number): CsvFixed {
  return new FixedNumber(value, Math.min(20, Math.max(0, Math.trunc(decimals) || 0)));
}

function cellValue(cell: unknown): string | number {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : '';
  if (cell instanceof FixedNumber) return typeof cell.value === 'number' && Number.isFinite(cell.value) ? cell.value.toFixed(cell.decimals) : '';
  return csvText(typeof cell === 'string' ? cell : String(cell));
}

/** Options of {@link formatCsv}. */
export interface CsvOptions {
  /** End the last line with a line break too, so chunks concatenate. Default true. */
  finalLineBreak?: boolean;
}

/**
 * Rows as CSV (RFC 4180, CRLF line breaks), every text cell neutralised against formula
 * injection (see {@link csvText}), numbers written as numbers.
 * @param rows The lines, a header line first if the file has one.
 * @param options Whether the last line ends with a line break (default true).
 * @returns The CSV text ('' for no rows).
 * @example formatCsv([['Name', 'Ups'], ['=1+1', 4]]) // 'Name,Ups\r\n"\'=1+1",4\r\n'
 */
export function formatCsv(rows: readonly CsvRow[], options: CsvOptions = {}): string {
  if (!rows.length) return '';
  const data = rows.map((row) => Array.from(row, cellValue));
  const text = Papa.unparse(data, { newline: '\r\n', quotes: (value: unknown) => typeof value === 'string' && ALSO_QUOTED.test(value) });
  return options.finalLineBreak === false ? text : `${text}\r\n`;
}
