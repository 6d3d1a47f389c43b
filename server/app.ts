/**
 * The reference server's HTTP side, on Hono: one route per row of the contract table
 * (src/data/contract.ts), its request read and checked with the row's schemas (src/data/wire.ts,
 * as the demo's MSW handlers do) and its answer checked with the row's answer schema before it
 * is sent. A row with no handler here answers 501 with the row's `ifMissing` text.
 *
 * Every request is verified (bearer JWT), counted against its tenant's request budget when there
 * is one (429 with `Retry-After` past it), and runs in one transaction that sees only its tenant's
 * rows. A write with an `Idempotency-Key` already seen for the tenant is answered with the first
 * answer, stored in the database, and not applied again.
 */
import { Hono } from 'hono';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import * as v from 'valibot';
import { CONTRACT_ENTRIES } from '../src/data/contract.js';
import type { ContractEntry } from '../src/data/contract.js';
import { AdapterError } from '../src/data/errors.js';
import { describeIssue } from '../src/data/schemas.js';
import { callArgument, errorAnswer, parseBodyText, wireRoute } from '../src/data/wire.js';
import type { Caller, Verifier } from './auth.js';
import type { Db, Query } from './db.js';
import { createRateLimiter } from './rate-limit.js';
import type { RateLimit } from './rate-limit.js';
import { CUSTOMER_ROUTES } from './routes/customers.js';
import { DELETED_ROUTES } from './routes/deleted.js';
import { LEAD_ROUTES } from './routes/leads.js';
import { SMS_ROUTES } from './routes/sms.js';
import { DEALER_ROUTES, SOURCE_ROUTES } from './routes/sources.js';
import { TRAFFIC_ROUTES } from './routes/traffic.js';
import { VEHICLE_ROUTES } from './routes/vehicles.js';

/** What a route handler works with: the tenant's transaction, the caller and the tenant's zone. */
export interface RouteContext {
  query: Query;
  caller: Caller;
  /** The dealer's IANA zone. */
  zone: string;
  /** The server's clock (what a write stamps, what a response clock counts up to). */
  now: () => Date;
}

/** A contract method served from the database. */
export type RouteHandler = (arg: unknown, ctx: RouteContext) => Promise<unknown>;

/** The methods this server provides, by label (`sms.list`). */
export const HANDLERS: Readonly<Record<string, RouteHandler>> = {
  ...SOURCE_ROUTES,
  ...CUSTOMER_ROUTES,
  ...SMS_ROUTES,
  ...DEALER_ROUTES,
  ...DELETED_ROUTES,
  ...VEHICLE_ROUTES,
  ...LEAD_ROUTES,
  ...TRAFFIC_ROUTES,
};

export interface AppOptions {
  db: Db;
  verify: Verifier;
  /** Where the API is mounted. Default `/api`. */
  basePath?: string;
  /** Where unexpected failures are written (never sent to the client). Default `console.error`. */
  log?: (message: string, error: unknown) => void;
  /** A request budget per tenant; none by default. */
  rateLimit?: RateLimit;
  /** The clock. Default the system's. */
  now?: () => Date;
}

/** The largest request body read, in bytes: an SMS import of the largest batch fits. */
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const json = (c: Context, status: number, body: unknown) => c.body(JSON.stringify(body), status as 200, { 'Content-Type': 'application/json' });

/** The Hono app serving the contract from `db`. */
export function createApp(options: AppOptions): Hono {
  const { db, verify } = options;
  const base = (options.basePath ?? '/api').replace(/\/+$/, '');
  const log = options.log ?? ((message, error) => console.error(message, error));
  const limit = options.rateLimit ? createRateLimiter(options.rateLimit) : () => undefined;
  const now = options.now ?? (() => new Date());
  const app = new Hono();
  app.use('*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => json(c, 413, { message: `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` }) }));

  const fail = (c: Context, error: unknown) => {
    const known = error instanceof AdapterError;
    if (!known) log(`${c.req.method} ${c.req.path} failed:`, error);
    const { status, body } = known ? errorAnswer(error) : { status: 500, body: { message: 'The server failed; the error is in its log.' } };
    if (known && error.retryAfterMs) c.header('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
    return json(c, status, body);
  };

  // Static paths before `{id}` paths on the same prefix.
  const entries = [...CONTRACT_ENTRIES].sort((a, b) => Number(a.row.path.includes('{id}')) - Number(b.row.path.includes('{id}')));
  for (const entry of entries) {
    const route = wireRoute(entry.row);
    const handler = HANDLERS[entry.label];
    app.on(entry.row.http, base + entry.row.path.replace('{id}', ':id'), async (c) => {
      try {
        const caller = await verify(c.req.header('Authorization'));
        limit(caller.tenant);
        if (!handler) {
          throw new AdapterError({ kind: 'unsupported', status: 501, message: entry.row.ifMissing ?? `This server does not provide ${entry.label}.` });
        }
        const url = new URL(c.req.url);
        const body = entry.row.in === 'body' ? parseBodyText(route.body!, await c.req.text()) : undefined;
        const arg = callArgument(route, url.searchParams, c.req.param('id'), body);
        const key = entry.row.kind === 'write' ? c.req.header('Idempotency-Key') : undefined;
        const request = `${c.req.method} ${url.pathname}`;
        const answer = await db.tenantTransaction(caller.tenant, async (query) => {
          const [tenant] = await query<{ zone: string }>(`SELECT zone FROM tenants`);
          if (!tenant) throw new AdapterError({ kind: 'auth', status: 403, message: `This server has no tenant "${caller.tenant}".` });
          const ctx = { query, caller, zone: tenant.zone, now };
          return key ? once(ctx, key, request, () => run(entry, handler, arg, ctx)) : run(entry, handler, arg, ctx);
        });
        return json(c, answer.status, answer.body);
      } catch (error) {
        return fail(c, error);
      }
    });
  }
  app.notFound((c) => json(c, 404, { message: `No route ${c.req.method} ${c.req.path}.` }));
  app.onError((error, c) => fail(c, error));
  return app;
}

interface Answer {
  status: number;
  body: unknown;
}

/** Runs a handler and checks its answer against the row's schema: the server never sends what the contract forbids. */
async function run(entry: ContractEntry, handler: RouteHandler, arg: unknown, ctx: RouteContext): Promise<Answer> {
  const body = await handler(arg, ctx);
  const checked = v.safeParse(entry.row.answer, body, { abortEarly: true });
  if (!checked.success) throw new Error(`${entry.label} built an answer the contract refuses: ${describeIssue(checked.issues[0])}`);
  return { status: entry.row.status ?? 200, body };
}

/**
 * A write under an idempotency key: applied once per tenant and key. The first answer is stored
 * with the change in the same transaction; a request resent with the key gets it back. A key
 * used for another request is refused. Two requests with one key at once: the second waits.
 */
async function once(ctx: RouteContext, key: string, request: string, apply: () => Promise<Answer>): Promise<Answer> {
  const { query } = ctx;
  await query(`SELECT pg_advisory_xact_lock(hashtext(current_setting('app.tenant') || '/' || $1))`, [key]);
  const [seen] = await query<{ request: string; status: number; answer: unknown }>(
    `SELECT request, status, answer FROM idempotency_keys WHERE key = $1`,
    [key],
  );
  if (seen) {
    if (seen.request !== request) {
      throw new AdapterError({ kind: 'rejected', status: 422, message: `The Idempotency-Key "${key}" was used for another request (${seen.request}).` });
    }
    return { status: seen.status, body: seen.answer };
  }
  const answer = await apply();
  await query(`INSERT INTO idempotency_keys (tenant_id, key, request, status, answer) VALUES (current_setting('app.tenant'), $1, $2, $3, $4::text::json)`, [
    key,
    request,
    answer.status,
    JSON.stringify(answer.body),
  ]);
  return answer;
}
