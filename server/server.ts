/**
 * The reference server as one object: the database (PostgreSQL at `databaseUrl`, else PGlite in
 * `dataDir` or in memory) migrated, the Hono app on a port, and a way to stop both.
 */
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { createVerifier } from './auth.js';
import type { AuthConfig } from './auth.js';
import { openDb } from './db.js';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import type { RateLimit } from './rate-limit.js';

export interface ServerConfig extends AuthConfig {
  /** A PostgreSQL server; without it, PGlite. */
  databaseUrl?: string;
  /** PGlite's folder; without it (and without `databaseUrl`), PGlite in memory. */
  dataDir?: string;
  /** 0 for any free port. */
  port: number;
  /** Default 127.0.0.1. */
  hostname?: string;
  /** Where the API is mounted. Default `/api`. */
  basePath?: string;
  /** Where unexpected failures are written. */
  log?: (message: string, error: unknown) => void;
  /** A request budget per tenant (429 with `Retry-After` past it); none by default. */
  rateLimit?: RateLimit;
  /** The clock (tests fix it). Default the system's. */
  now?: () => Date;
}

export interface RunningServer {
  db: Db;
  /** `http://127.0.0.1:8787` (no base path). */
  origin: string;
  /** The API's base URL: the origin and the base path. */
  baseUrl: string;
  close(): Promise<void>;
}

/** Opens and migrates the database, then serves the API. */
export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const verify = createVerifier(config);
  const db = await openDb(config);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  const basePath = config.basePath ?? '/api';
  const app = createApp({ db, verify, basePath, ...(config.log ? { log: config.log } : {}), ...(config.rateLimit ? { rateLimit: config.rateLimit } : {}), ...(config.now ? { now: config.now } : {}) });
  const hostname = config.hostname ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${hostname}:${port}`;
  return {
    db,
    origin,
    baseUrl: origin + basePath,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
