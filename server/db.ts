/**
 * One small query interface over the two databases the server runs on: a PostgreSQL server
 * (`postgres` client, when `DATABASE_URL` is set) and PGlite (PostgreSQL in WASM, embedded, in a
 * folder of its own or in memory). The same SQL runs on both; parameters are `$1, $2, …`.
 *
 * Every request runs in `tenantTransaction`: a transaction that drops to the `forecourt_app` role
 * (no superuser, so row-level security applies) and sets `app.tenant`, which the policies read.
 */
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/** Rows of one statement. */
export type Query = <R = Record<string, unknown>>(text: string, params?: readonly unknown[]) => Promise<R[]>;

export interface Db {
  /** `postgres` or `pglite`. */
  readonly kind: 'postgres' | 'pglite';
  /** One statement outside any tenant, as the connecting user (migrations, tenant setup). */
  query: Query;
  /** Runs `work` in a transaction as the owner (migrations). */
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>;
  /** Runs `work` in a transaction that sees only `tenant`'s rows. */
  tenantTransaction<T>(tenant: string, work: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The role requests run as: it owns nothing and is no superuser, so every policy applies to it. */
export const APP_ROLE = 'forecourt_app';

/** A Db from its client's query and transaction: the tenant's transaction is the same on both. */
function db(kind: Db['kind'], query: Query, transaction: Db['transaction'], close: () => Promise<void>): Db {
  return {
    kind,
    query,
    transaction,
    tenantTransaction: (tenant, work) =>
      transaction(async (q) => {
        await q(`SET LOCAL ROLE ${APP_ROLE}`);
        await q(`SELECT set_config('app.tenant', $1, true)`, [tenant]);
        return work(q);
      }),
    close,
  };
}

/** A PostgreSQL server at `url`. */
export function connectPostgres(url: string, options: { max?: number } = {}): Db {
  const sql = postgres(url, { max: options.max ?? 10, onnotice: () => undefined, idle_timeout: 20 });
  const runner =
    (run: { unsafe: (text: string, params?: never[]) => PromiseLike<unknown> }): Query =>
    async <R>(text: string, params: readonly unknown[] = []) =>
      [...((await run.unsafe(text, params as never[])) as Iterable<R>)];
  const transaction = <T>(work: (query: Query) => Promise<T>) => sql.begin((tx) => work(runner(tx))) as Promise<T>;
  return db('postgres', runner(sql), transaction, () => sql.end({ timeout: 5 }));
}

/** PGlite in `dataDir` (created when missing), or in memory without one. */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  const runner =
    (run: Pick<PGlite, 'query'>): Query =>
    async <R>(text: string, params: readonly unknown[] = []) =>
      (await run.query<R>(text, params as unknown[])).rows;
  const transaction = <T>(work: (query: Query) => Promise<T>) => pg.transaction((tx) => work(runner(tx)));
  return db('pglite', runner(pg), transaction, () => pg.close());
}

/** The database of the configuration: the PostgreSQL server at `databaseUrl`, else PGlite. */
export async function openDb(config: { databaseUrl?: string; dataDir?: string }): Promise<Db> {
  return config.databaseUrl ? connectPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
