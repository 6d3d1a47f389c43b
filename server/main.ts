/**
 * `npm run serve`: the reference server with the demo dataset loaded into two demo tenants, on
 * PGlite in `.forecourt/pgdata` (or the PostgreSQL server at `DATABASE_URL`), on `PORT` (default
 * 8787). Prints its URL and writes a token for each tenant to `.forecourt/demo-tokens.json`.
 *
 * Configuration: `FORECOURT_JWT_SECRET` (HS256; a random one per data folder when unset, kept in
 * `.forecourt/jwt-secret`) or `FORECOURT_JWKS_URL`; `DATABASE_URL`; `PORT`; `FORECOURT_RATE_LIMIT`
 * (requests a second per tenant; none when unset); `FORECOURT_PGDATA` (PGlite's folder, `memory`
 * for none: the data lasts as long as the server); `FORECOURT_DEMO_TODAY` (the day the demo data
 * ends on, `YYYY-MM-DD`, or `today` for today in the demo dealer's zone; default the dataset's own).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { DEMO_ZONE, generateDataset } from '../src/data/demo-data.js';
import { signToken } from './auth.js';
import { loadTenant } from './load.js';
import { startServer } from './server.js';

const DIR = '.forecourt';
/** The two demo tenants: the same demo dealer twice, each with data of its own. */
const TENANTS = { tenantA: { tenant: 'demo-a', seed: 1 }, tenantB: { tenant: 'demo-b', seed: 2 } } as const;

function secretOf(): string {
  if (process.env.FORECOURT_JWT_SECRET) return process.env.FORECOURT_JWT_SECRET;
  const file = join(DIR, 'jwt-secret');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

mkdirSync(DIR, { recursive: true });
const secret = secretOf();
const databaseUrl = process.env.DATABASE_URL || undefined;
const pgdata = process.env.FORECOURT_PGDATA || join(DIR, 'pgdata');
const demoToday = process.env.FORECOURT_DEMO_TODAY === 'today' ? DateTime.now().setZone(DEMO_ZONE).toISODate()! : process.env.FORECOURT_DEMO_TODAY || undefined;
const server = await startServer({
  secret,
  ...(process.env.FORECOURT_JWKS_URL ? { jwksUrl: process.env.FORECOURT_JWKS_URL } : {}),
  ...(databaseUrl ? { databaseUrl } : pgdata === 'memory' ? {} : { dataDir: pgdata }),
  port: Number(process.env.PORT ?? 8787),
  hostname: process.env.HOST ?? '127.0.0.1',
  ...(process.env.FORECOURT_RATE_LIMIT ? { rateLimit: { perSecond: Number(process.env.FORECOURT_RATE_LIMIT) } } : {}),
});

const tokens: Record<string, string> = {};
for (const [name, { tenant, seed }] of Object.entries(TENANTS)) {
  const started = Date.now();
  if (await loadTenant(server.db, tenant, generateDataset({ seed, ...(demoToday ? { today: demoToday } : {}) }))) console.log(`Loaded the demo dataset into tenant ${tenant} in ${Date.now() - started} ms.`);
  tokens[name] = await signToken(secret, { tenant, user: 'demo' });
}
writeFileSync(join(DIR, 'demo-tokens.json'), `${JSON.stringify(tokens, null, 2)}\n`);
console.log(`Forecourt reference server (${server.db.kind}) at ${server.baseUrl}`);
console.log(`Demo tokens: ${join(DIR, 'demo-tokens.json')}`);

const stop = () => {
  server.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
