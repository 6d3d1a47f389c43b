/**
 * The needed-vehicles report as CSV, apart from the matching rules so that a widget that only
 * matches (the trade-in alert) does not load papaparse.
 */
import Papa from 'papaparse';
import type { WantGroup } from './vehicles.js';

/** Spreadsheet apps run a cell that starts like a formula; a leading apostrophe keeps it text. */
function safeCell(value: string | null): string {
  const cell = value ?? '';
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * The needed-vehicles report as CSV: one row per want, in report order, with the group's number
 * of waiting buyers on each row. Prices in dollars. Text cells a spreadsheet would run as a
 * formula start with `'`.
 * @param groups From {@link groupWants}.
 * @returns CSV text (RFC 4180, CRLF line breaks), ending with a line break.
 * @example formatWantsCsv(groupWants(wants));
 */
export function formatWantsCsv(groups: readonly WantGroup[]): string {
  const fields = ['Make', 'Model', 'Waiting buyers', 'Customer', 'Year from', 'Year to', 'Trim', 'Colour', 'Max mileage', 'Max price', 'Salesperson', 'Wanted since'];
  const data = groups.flatMap((g) =>
    g.wants.map((w) => [
      safeCell(g.make),
      safeCell(g.model),
      String(g.buyers),
      safeCell(w.customerName),
      String(w.yearFrom),
      String(w.yearTo),
      safeCell(w.trim),
      safeCell(w.color),
      w.maxMileage === null ? '' : String(w.maxMileage),
      w.maxPrice === null ? '' : (w.maxPrice / 100).toFixed(2),
      safeCell(w.salespersonName),
      w.createdAt.slice(0, 10),
    ]),
  );
  return `${Papa.unparse({ fields, data }, { newline: '\r\n' })}\r\n`;
}
