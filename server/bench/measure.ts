/**
 * The bench's measurements against a loaded database: the reference server in a process of its
 * own on 127.0.0.1, 16 clients over keep-alive connections, each case bounded by a request count
 * and a time, the requests spread over every tenant with that tenant's own token. Then the plan of
 * the SQL behind each case (`EXPLAIN (ANALYZE, BUFFERS)`), run as the server runs it: in a
 * transaction as `forecourt_app` with `app.tenant` set (db.ts, tenantTransaction).
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createInterface } from 'node:readline';
import postgres from 'postgres';
import { calendarRangeBounds } from '../../src/data/logic/calendar-zones.js';
import { signToken } from '../auth.js';
import { APP_ROLE } from '../db.js';
import { encodeKeyCursor } from '../routes/keyset.js';
import countSql from '../sql/sms/count.sql';
import pageDescSql from '../sql/sms/page-desc.sql';
import summaryRollupSql from '../sql/sms/summary-rollup.sql';
import customersPageSql from '../sql/customers/page.sql';
import customersCountSql from '../sql/customers/count.sql';
import type { BenchTenant } from './data.js';
import { benchCases as extraCases } from './cases-leads-traffic.js';

/** One request of a case: whose token, and the path under the base URL. */
export interface BenchRequest {
  tenant: number;
  path: string;
}

/** A statement behind a case, as the route sends it. */
export interface PlanStatement {
  label: string;
  sql: string;
  params: unknown[];
}

export interface BenchCase {
  name: string;
  /** p95 budget in ms, when the issue sets one. */
  budget?: number;
  requests: BenchRequest[];
  /** The SQL behind the case for the plan, for one tenant (the largest). */
  plan: PlanStatement[];
  /** Why the case was left out, when it was. */
  skipped?: string;
}

export interface CaseResult {
  name: string;
  budget?: number;
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  skipped?: string;
  firstError?: string;
}

/** The bench's "today" and the ranges the cases ask for. */
export const RANGES = {
  log: { from: '2024-12-01', to: '2026-11-30' },
  month: { from: '2026-11-01', to: '2026-11-30' },
  quarter: { from: '2026-07-01', to: '2026-09-30' },
  october: { from: '2026-10-01', to: '2026-10-31' },
} as const;

const PAGE = 50;
const KEY_TIME = `to_char(sent_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** sms_matching's arguments for a range with no other filter, as routes/sms.ts builds them. */
function matching(range: { from: string; to: string }, zone: string): unknown[] {
  const [start, end] = calendarRangeBounds(range, zone);
  return [new Date(start).toISOString(), new Date(end).toISOString(), null, null, null, null, null, null, null];
}

const query = (params: Record<string, string | number>) => new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();

/**
 * The SMS and customer cases: the history's page at the newest, middle and oldest position of the
 * whole log (keyset cursors of the rows there, as paging would reach them), its newest page of a
 * month, the summary of a month (the rollup), and the first page of customers.
 */
async function smsCases(sql: postgres.Sql, tenants: readonly BenchTenant[]): Promise<BenchCase[]> {
  const largest = tenants.reduce((a, b) => (b.share > a.share ? b : a));
  const li = tenants.indexOf(largest);
  const positions: Record<'middle' | 'oldest', BenchRequest[]> = { middle: [], oldest: [] };
  const cursors = new Map<string, string>();
  const newest: BenchRequest[] = [];
  const month: BenchRequest[] = [];
  const summary: BenchRequest[] = [];
  const customers: BenchRequest[] = [];
  for (const [i, tenant] of tenants.entries()) {
    const [start, end] = matching(RANGES.log, tenant.zone) as [string, string];
    const [{ n }] = (await sql`SELECT count(*)::int AS n FROM sms WHERE tenant_id = ${tenant.id} AND sent_at >= ${start} AND sent_at < ${end}`) as unknown as [{ n: number }];
    const keyAt = async (offset: number) => {
      const [row] = await sql.unsafe(`SELECT ${KEY_TIME} AS t, id FROM sms WHERE tenant_id = $1 AND sent_at >= $2 AND sent_at < $3 ORDER BY sent_at DESC, id DESC OFFSET $4 LIMIT 1`, [
        tenant.id,
        start,
        end,
        Math.max(0, offset),
      ]);
      return encodeKeyCursor([row!.t as string, row!.id as string]);
    };
    // After the middle row; after the row whose next page is the log's last.
    const middle = await keyAt(Math.floor(n / 2));
    const oldest = await keyAt(n - PAGE - 1);
    cursors.set(`middle:${i}`, middle).set(`oldest:${i}`, oldest);
    positions.middle.push({ tenant: i, path: `/sms?${query({ ...RANGES.log, limit: PAGE, cursor: middle })}` });
    positions.oldest.push({ tenant: i, path: `/sms?${query({ ...RANGES.log, limit: PAGE, cursor: oldest })}` });
    newest.push({ tenant: i, path: `/sms?${query({ ...RANGES.log, limit: PAGE })}` });
    month.push({ tenant: i, path: `/sms?${query({ ...RANGES.month, limit: PAGE })}` });
    summary.push({ tenant: i, path: `/sms/summary?${query(RANGES.october)}` });
    customers.push({ tenant: i, path: `/customers?${query({ limit: PAGE })}` });
  }
  const logParams = matching(RANGES.log, largest.zone);
  const decode = (cursor: string) => JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8').slice(3)) as [string, string];
  const pagePlan = (position: string, cursor: [string, string] | [null, null]): PlanStatement[] => [
    { label: `page-desc.sql (${position})`, sql: pageDescSql, params: [...logParams, ...cursor, PAGE + 1, 0] },
    { label: 'count.sql', sql: countSql, params: logParams },
  ];
  return [
    { name: 'SMS history, newest page (2-year log)', budget: 50, requests: newest, plan: pagePlan('newest', [null, null]) },
    { name: 'SMS history, middle page (2-year log)', budget: 50, requests: positions.middle, plan: pagePlan('middle', decode(cursors.get(`middle:${li}`)!)) },
    { name: 'SMS history, oldest page (2-year log)', budget: 50, requests: positions.oldest, plan: pagePlan('oldest', decode(cursors.get(`oldest:${li}`)!)) },
    {
      name: 'SMS history, newest page (a month)',
      budget: 50,
      requests: month,
      plan: [
        { label: 'page-desc.sql (newest, a month)', sql: pageDescSql, params: [...matching(RANGES.month, largest.zone), null, null, PAGE + 1, 0] },
        { label: 'count.sql (a month)', sql: countSql, params: matching(RANGES.month, largest.zone) },
      ],
    },
    // The summary reads its previous period too: September and October, as routes/sms.ts asks.
    { name: 'SMS summary of a month', budget: 150, requests: summary, plan: [{ label: 'summary-rollup.sql', sql: summaryRollupSql, params: ['2026-09-01', '2026-10-31', null, null, null] }] },
    {
      name: 'customers, first page by name',
      requests: customers,
      plan: [
        { label: 'customers/page.sql', sql: customersPageSql, params: [null, null, null, null, null, PAGE + 1] },
        { label: 'customers/count.sql', sql: customersCountSql, params: [null, null] },
      ],
    },
  ];
}

/** Every case, in the order they run; those whose tables are missing come back skipped. */
export async function benchCases(sql: postgres.Sql, tenants: readonly BenchTenant[]): Promise<BenchCase[]> {
  return [...(await smsCases(sql, tenants)), ...(await extraCases(sql, tenants))];
}

/** The reference server in a child process on the bench database; resolves with its base URL. */
export async function spawnServer(databaseUrl: string, secret: string): Promise<{ baseUrl: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['scripts/run-ts.mjs', 'server/bench/serve.ts'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, FORECOURT_JWT_SECRET: secret, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`The server exited (${code}) before it served.`)));
    lines.on('line', (line) => {
      if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
      else console.log(`  server: ${line}`);
    });
  });
  return { baseUrl, child };
}

function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** One GET over the keep-alive agent: its status and body (read to the end). */
function get(agent: http.Agent, url: URL, token: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers: { Authorization: `Bearer ${token}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

export interface LoopOptions {
  concurrency: number;
  /** Most requests per case. */
  requests: number;
  /** Most seconds per case. */
  seconds: number;
}

/**
 * Runs one case: `concurrency` workers each send the next request of the case's list (round robin
 * over the tenants) as soon as their last answer is read, until `requests` are sent or `seconds`
 * have passed. Latency is from sending to the last byte of the answer.
 */
export async function runCase(baseUrl: string, tokens: readonly string[], bench: BenchCase, options: LoopOptions): Promise<CaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies = new Float64Array(options.requests);
  let next = 0;
  let done = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const worker = async () => {
    while (next < options.requests && performance.now() < deadline) {
      const request = bench.requests[next++ % bench.requests.length]!;
      const t0 = performance.now();
      const { status, body } = await get(agent, new URL(baseUrl + request.path), tokens[request.tenant]!);
      latencies[done++] = performance.now() - t0;
      if (status !== 200) {
        errors++;
        firstError ??= `${status} ${body.slice(0, 200)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  const sorted = latencies.slice(0, done).sort();
  const result: CaseResult = {
    name: bench.name,
    ...(bench.budget !== undefined ? { budget: bench.budget } : {}),
    requests: done,
    errors,
    seconds,
    perSecond: done / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
  if (firstError) result.firstError = firstError;
  return result;
}

/** A token per tenant, signed as the tests sign them (HS256, `tenant` and `sub`). */
export function tenantTokens(secret: string, tenants: readonly BenchTenant[]): Promise<string[]> {
  return Promise.all(tenants.map((t) => signToken(secret, { tenant: t.id, user: 'bench' })));
}

/** The plan of a statement as the server runs it: as forecourt_app with the tenant set. */
export async function explain(sql: postgres.Sql, tenant: string, statement: PlanStatement): Promise<string> {
  return sql.begin(async (tx) => {
    await tx.unsafe(`SET LOCAL ROLE ${APP_ROLE}`);
    await tx.unsafe(`SELECT set_config('app.tenant', $1, true)`, [tenant]);
    const rows = await tx.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql.replace(/^--.*$/gm, '').trim()}`, statement.params as never[]);
    return rows.map((r) => r['QUERY PLAN'] as string).join('\n');
  }) as Promise<string>;
}
