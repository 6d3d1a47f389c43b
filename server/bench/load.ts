/**
 * Loads the bench's dealer group into a database of its own on a PostgreSQL server: the database
 * is created (dropped first when it exists: it is the bench's alone), migrated with the server's
 * own migrator, then filled with COPY.
 *
 * How a table is filled: its secondary indexes and primary key are dropped, the rows are copied
 * with triggers off (`session_replication_role = replica`, which also skips the foreign-key
 * checks), then the keys and indexes are built again from the definitions they had, and the SMS
 * rollup is built with one INSERT … SELECT … GROUP BY, the same grouping as the rollup trigger
 * `sms_daily_add` applies to every insert. Afterwards a check holds the rollup to the triggers:
 * one tenant's rows are deleted through them (the rollup must lose exactly its rows) and inserted
 * again through them (the rollup must come back as it was).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { generateDataset } from '../../src/data/demo-data.js';
import { connectPostgres } from '../db.js';
import { migrate } from '../migrate.js';
import { makeKey } from '../../src/data/logic/makes.js';
import { CUSTOMER_COLUMNS, LEAD_VALUES, SMS_COLUMNS, TRAFFIC_VALUES, customerLines, leadLines, smsLines, trafficLines } from './data.js';
import type { BenchTenant } from './data.js';

type Sql = postgres.Sql;

/** A step's name and how long it took. */
export interface Timing {
  step: string;
  rows?: number;
  ms: number;
}

/** The database URL of `database` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.href;
}

async function timed<T>(timings: Timing[], step: string, work: () => Promise<T>, rows?: (result: T) => number): Promise<T> {
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const entry: Timing = { step, ms };
  const n = rows?.(result);
  if (n !== undefined) entry.rows = n;
  timings.push(entry);
  console.log(`  ${step}: ${(ms / 1000).toFixed(1)} s${n !== undefined ? ` (${n.toLocaleString('en-US')} rows, ${Math.round(n / (ms / 1000)).toLocaleString('en-US')}/s)` : ''}`);
  return result;
}

/** The primary key and indexes of `table`, as statements that build them again. */
async function keysOf(sql: Sql, table: string): Promise<{ drop: string[]; build: string[] }> {
  const primary = await sql<{ name: string; def: string }[]>`
    SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = ${table}::regclass AND contype = 'p'`;
  const indexes = await sql<{ name: string; def: string }[]>`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = ${table}::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid)`;
  return {
    drop: [...indexes.map((i) => `DROP INDEX ${i.name}`), ...primary.map((p) => `ALTER TABLE ${table} DROP CONSTRAINT ${p.name}`)],
    build: [...primary.map((p) => `ALTER TABLE ${table} ADD CONSTRAINT ${p.name} ${p.def}`), ...indexes.map((i) => i.def)],
  };
}

/** Copies the lines of `lines` into `table`'s `columns`; the rows copied. */
async function copy(sql: Sql, table: string, columns: readonly string[], lines: Iterable<string>): Promise<number> {
  const stream = await sql.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN`).writable();
  await pipeline(Readable.from(lines, { objectMode: false }), stream);
  return (stream as unknown as { count?: number }).count ?? Number.NaN;
}

/**
 * Fills `table` by COPY with its keys dropped, then builds them again, in one transaction (a load
 * that fails leaves the table as it was, keys and all); the timings of both. With `throughTriggers`
 * the COPY fires the table's own triggers (statement triggers: once, over every row copied) and
 * only the foreign-key checks are off; without, no trigger fires (the session's replica role).
 */
async function bulkLoad(sql: Sql, timings: Timing[], label: string, table: string, columns: readonly string[], lines: Iterable<string>, throughTriggers = false): Promise<number> {
  return sql.begin(async (tx) => {
    const keys = await keysOf(tx as unknown as Sql, table);
    for (const statement of keys.drop) await tx.unsafe(statement);
    if (throughTriggers) {
      await tx.unsafe(`SET LOCAL session_replication_role = origin`);
      await tx.unsafe(`ALTER TABLE ${table} DISABLE TRIGGER ALL`);
      await tx.unsafe(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    }
    const rows = await timed(timings, `${label}: COPY${throughTriggers ? ' through its triggers' : ''}`, () => copy(tx as unknown as Sql, table, columns, lines), (n) => n);
    if (throughTriggers) await tx.unsafe(`ALTER TABLE ${table} ENABLE TRIGGER ALL`);
    await timed(timings, `${label}: primary key and indexes (${keys.build.length})`, async () => {
      for (const statement of keys.build) await tx.unsafe(statement);
    });
    return rows;
  }) as Promise<number>;
}

/**
 * The columns of `table` the bench fills: those of `known` the table has. A column it must fill
 * (no default, not null) that the bench does not know stops the load with its name.
 */
async function copyColumns(sql: Sql, table: string, known: readonly string[]): Promise<string[]> {
  const columns = await sql.unsafe(
    `SELECT column_name AS name, is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' AS required
     FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  const unknown = columns.filter((c) => c.required && !known.includes(c.name as string)).map((c) => c.name as string);
  if (unknown.length) throw new Error(`The bench cannot fill ${table}.${unknown.join(`, ${table}.`)}: the migration has columns server/bench/data.ts does not generate yet.`);
  return columns.map((c) => c.name as string).filter((name) => known.includes(name));
}

/** The rollup from the log, grouped as `sms_daily_add` groups every insert. */
const SMS_DAILY_FROM_LOG = `
  SELECT tenant_id, day, CASE WHEN direction = 'outbound' THEN from_number ELSE '' END AS from_number, direction, status,
    coalesce(error_category, '') AS error_category, count(*)::int AS messages
  FROM sms GROUP BY 1, 2, 3, 4, 5, 6`;

/**
 * Holds the rollup to the triggers for one tenant: deleting its messages through the triggers
 * must empty its rollup rows, and inserting them again must bring back exactly the rows built.
 */
async function checkRollup(sql: Sql, tenant: string): Promise<string> {
  return sql.begin(async (tx) => {
    const before = await tx.unsafe(`SELECT day, from_number, direction, status, error_category, messages FROM sms_daily WHERE tenant_id = $1 ORDER BY 1, 2, 3, 4, 5`, [tenant]);
    await tx.unsafe(`CREATE TEMP TABLE bench_sms_check ON COMMIT DROP AS SELECT * FROM sms WHERE tenant_id = $1`, [tenant]);
    await tx.unsafe(`DELETE FROM sms WHERE tenant_id = $1`, [tenant]);
    const [left] = await tx.unsafe(`SELECT count(*)::int AS n FROM sms_daily WHERE tenant_id = $1`, [tenant]);
    await tx.unsafe(`INSERT INTO sms SELECT * FROM bench_sms_check`);
    const after = await tx.unsafe(`SELECT day, from_number, direction, status, error_category, messages FROM sms_daily WHERE tenant_id = $1 ORDER BY 1, 2, 3, 4, 5`, [tenant]);
    const same = JSON.stringify([...before]) === JSON.stringify([...after]);
    if (left!.n !== 0 || !same) throw new Error(`The rollup built for ${tenant} differs from the triggers' (${left!.n} rows left after deleting its log; same after re-inserting: ${same}).`);
    return `${tenant}: ${before.length} rollup rows; deleting its log through the triggers left 0, inserting it again gave the same ${after.length}`;
  });
}

/** What the bench loads: the SMS log (with its rollup) and customers, traffic, leads (with OEM rules). */
export const PARTS = ['customers', 'sms', 'traffic', 'leads'] as const;
export type Part = (typeof PARTS)[number];

export interface LoadOptions {
  adminUrl: string;
  database: string;
  tenants: readonly BenchTenant[];
  sizes: Record<'sms' | 'traffic' | 'leads', number>;
  /** The parts to load; a fresh load (all of them) drops and creates the database first. */
  parts: readonly Part[];
  /** Drop and create the database first (else: migrate it, and replace the parts' rows). */
  fresh: boolean;
}

/** The tables among `tables` the database lacks. */
async function missing(sql: Sql, tables: readonly string[]): Promise<string[]> {
  const rows = await sql.unsafe(`SELECT t, to_regclass(t) IS NULL AS gone FROM unnest($1::text[]) AS t`, [tables as string[]]);
  return rows.filter((r) => r.gone).map((r) => r.t as string);
}

/** Creates (when fresh), migrates and fills the bench database; the timings of each step. */
export async function loadBench(options: LoadOptions): Promise<Timing[]> {
  const { adminUrl, database, tenants, parts } = options;
  const timings: Timing[] = [];
  if (options.fresh) {
    const admin = postgres(adminUrl, { max: 1, onnotice: () => undefined });
    try {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.unsafe(`CREATE DATABASE ${database}`);
    } finally {
      await admin.end({ timeout: 2 });
    }
  }
  const url = databaseUrl(adminUrl, database);
  const db = connectPostgres(url, { max: 1 });
  try {
    await timed(timings, 'migrate (server/migrate.ts)', () => migrate(db));
  } finally {
    await db.close();
  }

  const sql = postgres(url, { max: 1, onnotice: () => undefined, idle_timeout: 0 });
  try {
    await sql.unsafe(`SET maintenance_work_mem = '1GB'`);
    await sql.unsafe(`SET work_mem = '256MB'`);
    await sql.unsafe(`SET session_replication_role = replica`);
    const { dealer, rules } = generateDataset({ size: 'small', seed: 1 });
    if (options.fresh) {
      await sql.unsafe(`INSERT INTO tenants (tenant_id, zone, dealer) SELECT x.id, x.zone, x.dealer FROM jsonb_to_recordset($1::text::jsonb) AS x(id text, zone text, dealer jsonb)`, [
        JSON.stringify(tenants.map((t, i) => ({ id: t.id, zone: t.zone, dealer: { ...dealer, name: `Bench Motors ${i + 1}`, zone: t.zone } }))),
      ]);
      console.log(`  ${tenants.length} tenants`);
    }
    const vacuum: string[] = [];

    if (parts.includes('customers')) {
      if (!options.fresh) await sql.unsafe(`TRUNCATE customers`);
      await bulkLoad(sql, timings, 'customers', 'customers', CUSTOMER_COLUMNS, customerLines(tenants));
      vacuum.push('customers');
    }
    if (parts.includes('sms')) {
      if (!options.fresh) await sql.unsafe(`TRUNCATE sms, sms_daily`);
      await bulkLoad(sql, timings, 'sms', 'sms', SMS_COLUMNS, smsLines(tenants, options.sizes.sms));
      await timed(
        timings,
        'sms_daily: INSERT … SELECT … GROUP BY from sms',
        async () => (await sql.unsafe(`INSERT INTO sms_daily (tenant_id, day, from_number, direction, status, error_category, messages) ${SMS_DAILY_FROM_LOG}`)).count,
        (n) => n,
      );
      vacuum.push('sms', 'sms_daily');
    }
    for (const part of ['traffic', 'leads'] as const) {
      if (!parts.includes(part)) continue;
      const gone = await missing(sql, part === 'leads' ? ['leads', 'oem_rules'] : ['traffic']);
      if (gone.length) {
        console.log(`  ${part}: skipped, the database has no table ${gone.join(', ')} (the server's migrations do not add it yet)`);
        continue;
      }
      if (part === 'traffic') {
        // What the traffic triggers keep (migration 004's rollups), emptied with the log.
        const kept = (await sql.unsafe(`SELECT relname FROM pg_class WHERE relname LIKE 'traffic\\_%' AND relkind = 'r' AND relnamespace = current_schema()::regnamespace`)).map((r) => r.relname as string);
        await sql.unsafe(`TRUNCATE ${['traffic', ...kept].join(', ')} RESTART IDENTITY`);
        // Through the server's own triggers: whatever rollups 004 keeps, the COPY keeps them as an insert would.
        const columns = await copyColumns(sql, 'traffic', TRAFFIC_VALUES);
        await bulkLoad(sql, timings, 'traffic', 'traffic', columns, trafficLines(tenants, options.sizes.traffic, columns), true);
        vacuum.push('traffic', ...kept);
      } else {
        await sql.unsafe(`TRUNCATE leads, oem_rules RESTART IDENTITY`);
        // Every tenant gets the demo's OEM rules, as the demo load gives each tenant its rules.
        await sql.unsafe(
          `INSERT INTO oem_rules (tenant_id, id, position, version, doc)
           SELECT t.tenant_id, x.doc->>'id', x.position::int, (x.doc->>'version')::int, x.doc
           FROM jsonb_array_elements($1::text::jsonb) WITH ORDINALITY AS x(doc, position) CROSS JOIN tenants AS t`,
          [JSON.stringify(rules)],
        );
        // The rules' makes, and two no rule covers (their leads count under "no OEM rule").
        const makes = [...new Set([...rules.flatMap((r) => r.makes), 'Subaru', 'Mitsubishi'])].map((m) => [m, makeKey(m)] as [string, string]);
        const columns = await copyColumns(sql, 'leads', LEAD_VALUES);
        await bulkLoad(sql, timings, 'leads', 'leads', columns, leadLines(tenants, options.sizes.leads, makes, columns), true);
        vacuum.push('leads', 'oem_rules');
      }
    }
    await sql.unsafe(`SET session_replication_role = DEFAULT`);

    // Each table's day column as its insert.sql computes it: the row's calendar day in the tenant's zone.
    for (const [table, time] of [['sms', 'sent_at'], ['traffic', 'at'], ['leads', 'received_at']] as const) {
      if (!vacuum.includes(table)) continue;
      await timed(timings, `check: every ${table}.day is its insert.sql's local day`, async () => {
        const [row] = await sql.unsafe(`SELECT count(*)::int AS n FROM ${table} x JOIN tenants t USING (tenant_id) WHERE x.day <> (x.${time} AT TIME ZONE t.zone)::date`);
        if (row!.n) throw new Error(`${row!.n} rows of ${table} have a day other than insert.sql's.`);
      });
    }
    if (parts.includes('sms')) {
      const smallest = [...tenants].sort((a, b) => a.share - b.share)[0]!;
      await timed(timings, "check: rollup equals the triggers' (one tenant)", async () => console.log(`  ${await checkRollup(sql, smallest.id)}`));
    }
    if (vacuum.length) await timed(timings, `VACUUM (ANALYZE) ${vacuum.join(', ')}`, () => sql.unsafe(`VACUUM (ANALYZE) ${vacuum.join(', ')}, tenants`));
    const sizes = await sql.unsafe(`SELECT relname, pg_size_pretty(pg_total_relation_size(oid)) AS size FROM pg_class WHERE relname = ANY($1::text[]) AND relkind = 'r' ORDER BY relname`, [vacuum]);
    console.log(`  sizes with indexes: ${sizes.map((r) => `${r.relname} ${r.size}`).join(', ')}`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  return timings;
}
