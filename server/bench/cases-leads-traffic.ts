/**
 * The traffic and lead cases: a traffic aggregate of one level over a quarter, and the lead
 * response summary of a month. Their tables come with migration 004 (the server applies it when it
 * starts); a database whose traffic or leads were not loaded has the cases skipped, saying so.
 */
import type postgres from 'postgres';
import { isoDateOfDay } from '../../src/data/logic/calendar.js';
import { calendarRangeBounds, localDayNumber } from '../../src/data/logic/calendar-zones.js';
import rangeSql from '../sql/leads/range.sql';
import rulesSql from '../sql/leads/rules.sql';
import levelDimSql from '../sql/traffic/level-dim.sql';
import salespeopleSql from '../sql/traffic/salespeople.sql';
import type { BenchTenant } from './data.js';
import type { BenchCase } from './measure.js';

const QUARTER = { from: '2026-07-01', to: '2026-09-30' };
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

/** Whether `table` exists and has a row. */
async function loaded(sql: postgres.Sql, table: string): Promise<boolean> {
  const [{ found }] = (await sql.unsafe(`SELECT to_regclass($1) IS NOT NULL AS found`, [table])) as unknown as [{ found: boolean }];
  if (!found) return false;
  return (await sql.unsafe(`SELECT 1 FROM ${table} LIMIT 1`)).length > 0;
}

export async function benchCases(sql: postgres.Sql, tenants: readonly BenchTenant[]): Promise<BenchCase[]> {
  const largest = tenants.reduce((a, b) => (b.share > a.share ? b : a));
  const [start, end] = calendarRangeBounds(QUARTER, largest.zone);
  // As routes/traffic.ts reads a level by value with no filter: the per-dimension rollup over the range's local days.
  const days = [isoDateOfDay(localDayNumber(largest.zone, start)), isoDateOfDay(localDayNumber(largest.zone, end - 1))];
  const traffic: BenchCase = {
    name: 'traffic aggregate, one level (salesperson), a quarter',
    budget: 150,
    requests: tenants.map((_, i) => ({ tenant: i, path: `/traffic/aggregate?${new URLSearchParams({ ...QUARTER, groupBy: 'salesperson' })}` })),
    plan: [
      { label: 'traffic/level-dim.sql', sql: levelDimSql, params: [...days, 'salesperson', null, null, 'value'] },
      { label: 'traffic/salespeople.sql', sql: salespeopleSql, params: [] },
    ],
  };
  if (!(await loaded(sql, 'traffic'))) traffic.skipped = 'no traffic loaded: npm run bench:server -- --load traffic';

  const [from, to] = calendarRangeBounds(OCTOBER, largest.zone).map((ms) => new Date(ms).toISOString());
  const leads: BenchCase = {
    name: 'lead response summary of a month',
    budget: 200,
    requests: tenants.map((_, i) => ({ tenant: i, path: `/leads/response-summary?${new URLSearchParams(OCTOBER)}` })),
    plan: [
      { label: 'leads/range.sql', sql: rangeSql, params: [from, to] },
      { label: 'leads/rules.sql', sql: rulesSql, params: [] },
    ],
  };
  if (!(await loaded(sql, 'leads'))) leads.skipped = 'no leads loaded: npm run bench:server -- --load leads';
  return [traffic, leads];
}
