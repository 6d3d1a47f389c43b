/**
 * The traffic and lead cases: a traffic aggregate of one level over a quarter, and the lead
 * response summary of a month. Their tables and SQL come with migration 004 and the leads and
 * traffic routes; on a database or a checkout without them the cases come back skipped, saying
 * so. The SQL behind them is read from server/sql/ at run time for the same reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import type postgres from 'postgres';
import { calendarRangeBounds } from '../../src/data/logic/calendar-zones.js';
import type { BenchTenant } from './data.js';
import type { BenchCase } from './measure.js';

const QUARTER = { from: '2026-07-01', to: '2026-09-30' };
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' };

/** The names of the tables among `tables` the database lacks. */
async function missingTables(sql: postgres.Sql, tables: readonly string[]): Promise<string[]> {
  const rows = await sql.unsafe(`SELECT t, to_regclass(t) IS NULL AS gone FROM unnest($1::text[]) AS t`, [tables as string[]]);
  return rows.filter((r) => r.gone).map((r) => r.t as string);
}

/** A SQL file of the server's, or null when this checkout has none. */
const sqlFile = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : null);

const bounds = (range: { from: string; to: string }, zone: string) => calendarRangeBounds(range, zone).map((ms) => new Date(ms).toISOString());

export async function benchCases(sql: postgres.Sql, tenants: readonly BenchTenant[]): Promise<BenchCase[]> {
  const largest = tenants.reduce((a, b) => (b.share > a.share ? b : a));
  const cases: BenchCase[] = [];

  const traffic: BenchCase = { name: 'traffic aggregate, one level (salesperson), a quarter', budget: 150, requests: [], plan: [] };
  const trafficGone = await missingTables(sql, ['traffic']);
  const [{ n: trafficRows }] = trafficGone.length ? [{ n: 0 }] : ((await sql.unsafe(`SELECT count(*)::int AS n FROM (SELECT 1 FROM traffic LIMIT 1) x`)) as unknown as [{ n: number }]);
  const eventsSql = sqlFile('server/sql/traffic/events.sql');
  if (trafficGone.length || !eventsSql) traffic.skipped = `no table traffic or no server/sql/traffic/events.sql (migration 004 and the traffic routes are not in this checkout or database)`;
  else if (!trafficRows) traffic.skipped = 'the traffic table is empty: load it with --load traffic';
  else {
    const query = new URLSearchParams({ ...QUARTER, groupBy: 'salesperson' }).toString();
    traffic.requests = tenants.map((_, i) => ({ tenant: i, path: `/traffic/aggregate?${query}` }));
    traffic.plan = [{ label: 'traffic/events.sql', sql: eventsSql, params: [...bounds(QUARTER, largest.zone), largest.zone, null, null, null, null, null, null, null, null] }];
  }
  cases.push(traffic);

  const leads: BenchCase = { name: 'lead response summary of a month', budget: 200, requests: [], plan: [] };
  const leadsGone = await missingTables(sql, ['leads', 'oem_rules']);
  const [{ n: leadRows }] = leadsGone.length ? [{ n: 0 }] : ((await sql.unsafe(`SELECT count(*)::int AS n FROM (SELECT 1 FROM leads LIMIT 1) x`)) as unknown as [{ n: number }]);
  const rangeSql = sqlFile('server/sql/leads/range.sql');
  const rulesSql = sqlFile('server/sql/leads/rules.sql');
  if (leadsGone.length || !rangeSql || !rulesSql) leads.skipped = `no table leads or no server/sql/leads/range.sql (migration 004 and the lead routes are not in this checkout or database)`;
  else if (!leadRows) leads.skipped = 'the leads table is empty: load it with --load leads';
  else {
    const query = new URLSearchParams(OCTOBER).toString();
    leads.requests = tenants.map((_, i) => ({ tenant: i, path: `/leads/response-summary?${query}` }));
    leads.plan = [
      { label: 'leads/range.sql', sql: rangeSql, params: bounds(OCTOBER, largest.zone) },
      { label: 'leads/rules.sql', sql: rulesSql, params: [] },
    ];
  }
  cases.push(leads);
  return cases;
}
