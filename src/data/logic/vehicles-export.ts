/**
 * The needed-vehicles report as CSV, apart from the matching rules so that a widget that only
 * matches (the trade-in alert) does not load the writer.
 */
import { csvFixed, formatCsv } from './csv.js';
import type { CsvRow } from './csv.js';
import type { WantGroup } from './vehicles.js';

/**
 * The needed-vehicles report as CSV: one row per want, in report order, with the group's number
 * of waiting buyers on each row. Prices in dollars. Every text cell goes through the shared writer
 * ({@link formatCsv}): one that a spreadsheet would run as a formula starts with `'`.
 * @param groups From {@link groupWants}.
 * @returns CSV text (RFC 4180, CRLF line breaks), ending with a line break.
 * @example formatWantsCsv(groupWants(wants));
 */
export function formatWantsCsv(groups: readonly WantGroup[]): string {
  const fields = ['Make', 'Model', 'Waiting buyers', 'Customer', 'Year from', 'Year to', 'Trim', 'Colour', 'Max mileage', 'Max price', 'Salesperson', 'Wanted since'];
  const data = groups.flatMap((g) =>
    g.wants.map(
      (w): CsvRow => [
        g.make,
        g.model,
        g.buyers,
        w.customerName,
        w.yearFrom,
        w.yearTo,
        w.trim,
        w.color,
        w.maxMileage,
        w.maxPrice === null ? null : csvFixed(w.maxPrice / 100, 2),
        w.salespersonName,
        String(w.createdAt ?? '').slice(0, 10),
      ],
    ),
  );
  return formatCsv([fields, ...data]);
}
