/**
 * The traffic and lead cases: a traffic aggregate of one level over a quarter, and the lead
 * response summary of a month. Their tables come with migration 004; on a database without them
 * the cases come back skipped, saying so.
 */
import type postgres from 'postgres';
import type { BenchTenant } from './data.js';
import type { BenchCase } from './measure.js';

/** The names of the tables among `tables` the database lacks. */
export async function missingTables(sql: postgres.Sql, tables: readonly string[]): Promise<string[]> {
  const rows = await sql<{ name: string; found: string | null }[]>`SELECT t AS name, to_regclass(t)::text AS found FROM unnest(${tables as string[]}::text[]) AS t`;
  return rows.filter((r) => !r.found).map((r) => r.name);
}

export async function benchCases(sql: postgres.Sql, _tenants: readonly BenchTenant[]): Promise<BenchCase[]> {
  const skip = async (name: string, budget: number, table: string): Promise<BenchCase> => {
    const missing = await missingTables(sql, [table]);
    return { name, budget, requests: [], plan: [], skipped: missing.length ? `no table ${missing.join(', ')} (migration 004 not applied)` : 'not written yet' };
  };
  return [await skip('traffic aggregate, one level, a quarter', 150, 'traffic'), await skip('lead response summary of a month', 200, 'leads')];
}
