/**
 * The migrations of `server/sql/migrations/`, applied in the order of their file names, each in
 * its own transaction and recorded in `schema_migrations`; one already recorded is never run
 * again. A gap in the numbers is no error: a migration added later with a lower number than one
 * already applied is applied at the next start (so two branches may add 004 and 005 in any order).
 */
import type { Db } from './db.js';
import m001 from './sql/migrations/001_tenancy_sms_customers.sql';
import m002 from './sql/migrations/002_source_categories.sql';
import m003 from './sql/migrations/003_board.sql';
import m004 from './sql/migrations/004_leads_traffic.sql';
import m005 from './sql/migrations/005_deleted_vehicles_spend.sql';
import m006 from './sql/migrations/006_sms_daily_sender.sql';

/** Every migration, in the order of its file name: its name and its SQL. */
export const MIGRATIONS: readonly { name: string; sql: string }[] = [
  { name: '001_tenancy_sms_customers.sql', sql: m001 },
  { name: '002_source_categories.sql', sql: m002 },
  { name: '003_board.sql', sql: m003 },
  { name: '004_leads_traffic.sql', sql: m004 },
  { name: '005_deleted_vehicles_spend.sql', sql: m005 },
  { name: '006_sms_daily_sender.sql', sql: m006 },
].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/**
 * Applies the migrations `db` lacks, in the order of their names.
 * @param migrations Default: {@link MIGRATIONS}.
 * @returns The names of the migrations applied now.
 */
export async function migrate(db: Db, migrations: readonly { name: string; sql: string }[] = MIGRATIONS): Promise<string[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  const inOrder = [...migrations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, sql } of inOrder) {
    const done = await db.transaction(async (query) => {
      // Two servers starting at once on one database: the second waits, then finds it done.
      if (db.kind === 'postgres') await query(`SELECT pg_advisory_xact_lock(hashtext('forecourt_migrations'))`);
      const [row] = await query(`SELECT 1 FROM schema_migrations WHERE name = $1`, [name]);
      if (row) return true;
      await runScript(query, sql);
      await query(`INSERT INTO schema_migrations (name) VALUES ($1)`, [name]);
      return false;
    });
    if (!done) applied.push(name);
  }
  return applied;
}

/** The statements of a script one by one (a parameterless multi-statement string is not portable across both clients). */
async function runScript(query: (text: string) => Promise<unknown>, sql: string): Promise<void> {
  for (const statement of splitStatements(sql)) await query(statement);
}

/** The statements of a SQL script: split at `;` outside quotes, comments and `$$` bodies. */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
    } else if (c === "'") {
      i = sql.indexOf("'", i + 1) + 1 || sql.length;
    } else if (c === '$' && sql[i + 1] === '$') {
      i = sql.indexOf('$$', i + 2) + 2 || sql.length;
    } else if (c === ';') {
      statements.push(sql.slice(start, i));
      start = ++i;
    } else i++;
  }
  statements.push(sql.slice(start));
  return statements.map((s) => s.replace(/^(\s|--[^\n]*\n)*/, '').trim()).filter(Boolean);
}
