/**
 * `npm run bench:server`: the reference server at scale on a PostgreSQL server (not part of CI).
 * See server/bench/README.md.
 *
 * @example npm run bench:server -- --scale 0.01          # a small run: load, measure, plans
 * @example npm run bench:server                          # 10M SMS, 1M customers, 50 tenants
 * @example npm run bench:server -- --skip-load           # measure the database already loaded
 * @example npm run bench:server -- --load traffic,leads  # (re)load those parts only, then measure
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { FULL_SIZE, benchTenants } from './data.js';
import { PARTS, databaseUrl, loadBench } from './load.js';
import type { Part, Timing } from './load.js';
import { benchCases, explain, runCase, spawnServer, tenantTokens } from './measure.js';
import type { CaseResult } from './measure.js';

const { values } = parseArgs({
  options: {
    'admin-url': { type: 'string', default: process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres' },
    database: { type: 'string', default: 'forecourt_bench' },
    scale: { type: 'string', default: '1' },
    'skip-load': { type: 'boolean', default: false },
    load: { type: 'string' },
    'skip-measure': { type: 'boolean', default: false },
    concurrency: { type: 'string', default: '16' },
    requests: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '20' },
    case: { type: 'string' },
    'traffic-rows': { type: 'string' },
  },
});

const adminUrl = values['admin-url']!;
const host = new URL(adminUrl).hostname;
if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) throw new Error(`The bench runs against a PostgreSQL server on this machine only, not ${host}.`);
if (!/^[a-z_][a-z0-9_]*$/.test(values.database!)) throw new Error(`--database must be a plain lowercase name, got "${values.database}".`);
const scale = Number(values.scale);
if (!(scale > 0 && scale <= 1)) throw new Error(`--scale must be a number in (0, 1], got "${values.scale}".`);
const sizes = {
  sms: Math.round(FULL_SIZE.sms * scale),
  customers: Math.round(FULL_SIZE.customers * scale),
  // Traffic goes through migration 004's rollup triggers, the slowest load: --traffic-rows can make it smaller.
  traffic: values['traffic-rows'] ? Number(values['traffic-rows']) : Math.round(FULL_SIZE.traffic * scale),
  leads: Math.round(FULL_SIZE.leads * scale),
};
if (!(Number.isInteger(sizes.traffic) && sizes.traffic > 0)) throw new Error(`--traffic-rows must be a whole number above 0, got "${values['traffic-rows']}".`);
const tenants = benchTenants(FULL_SIZE.tenants, sizes.customers);
const url = databaseUrl(adminUrl, values.database!);
const fmt = (n: number) => n.toLocaleString('en-US');

console.log(`Forecourt server bench: ${tenants.length} tenants, ${fmt(sizes.sms)} SMS, ${fmt(sizes.customers)} customers, ${fmt(sizes.traffic)} traffic events, ${fmt(sizes.leads)} leads (scale ${scale}), database ${values.database}`);

let timings: Timing[] = [];
if (!values['skip-load']) {
  console.log('\nLoad');
  const parts = (values.load?.split(',') ?? PARTS) as Part[];
  const unknown = parts.filter((p) => !PARTS.includes(p));
  if (unknown.length) throw new Error(`--load takes ${PARTS.join(', ')}; not ${unknown.join(', ')}.`);
  timings = await loadBench({ adminUrl, database: values.database!, tenants, sizes, parts, fresh: !values.load });
}

if (!values['skip-measure']) {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  const secret = randomBytes(32).toString('base64url');
  const { baseUrl, child } = await spawnServer(url, secret);
  const results: CaseResult[] = [];
  const plans: string[] = [];
  try {
    const tokens = await tenantTokens(secret, tenants);
    const cases = (await benchCases(sql, tenants)).filter((c) => !values.case || c.name.includes(values.case));
    const largest = tenants.reduce((a, b) => (b.share > a.share ? b : a));
    const options = { concurrency: Number(values.concurrency), requests: Number(values.requests), seconds: Number(values.seconds) };
    console.log(`\nMeasure (load average ${loadavg().map((l) => l.toFixed(2)).join(', ')}): ${options.concurrency} clients, each case at most ${fmt(options.requests)} requests or ${options.seconds} s, over ${tenants.length} tenants (server at ${baseUrl})`);
    for (const bench of cases) {
      if (bench.skipped) {
        console.log(`  ${bench.name}: skipped, ${bench.skipped}`);
        results.push({ name: bench.name, ...(bench.budget !== undefined ? { budget: bench.budget } : {}), requests: 0, errors: 0, seconds: 0, perSecond: 0, p50: NaN, p95: NaN, p99: NaN, max: NaN, skipped: bench.skipped });
        continue;
      }
      // One request per tenant first, one client at a time: each tenant's first plan and pages.
      await runCase(baseUrl, tokens, bench, { concurrency: 1, requests: bench.requests.length, seconds: 60 });
      const result = await runCase(baseUrl, tokens, bench, options);
      results.push(result);
      console.log(
        `  ${bench.name}: ${fmt(result.requests)} requests in ${result.seconds.toFixed(1)} s, ${result.perSecond.toFixed(0)}/s; p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(1)} ms; ${bench.budget === undefined ? 'no budget' : `budget p95 ≤ ${bench.budget} ms: ${result.p95 <= bench.budget ? 'met' : 'MISSED'}`}${result.errors ? `; ${result.errors} errors, first: ${result.firstError}` : ''}`,
      );
      for (const statement of bench.plan) plans.push(`── ${bench.name}: ${statement.label}, tenant ${largest.id} (the largest)\n${await explain(sql, largest.id, statement)}`);
    }
  } finally {
    child.kill('SIGTERM');
    await sql.end({ timeout: 2 });
  }

  console.log(`  load average after: ${loadavg().map((l) => l.toFixed(2)).join(', ')}`);
  console.log('\nPlans (EXPLAIN (ANALYZE, BUFFERS), as forecourt_app with app.tenant set)\n');
  console.log(plans.join('\n\n'));

  console.log('\nFigures (markdown)\n');
  if (timings.length) {
    console.log('| load step | rows | time |\n| --- | ---: | ---: |');
    for (const t of timings) console.log(`| ${t.step} | ${t.rows !== undefined ? fmt(t.rows) : ''} | ${(t.ms / 1000).toFixed(1)} s |`);
    console.log('');
  }
  console.log('| case | budget p95 | p50 | p95 | p99 | req/s | requests | errors |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    if (r.skipped) console.log(`| ${r.name} | ${r.budget ?? '–'} ms | skipped: ${r.skipped} | | | | | |`);
    else console.log(`| ${r.name} | ${r.budget === undefined ? '–' : `${r.budget} ms`} | ${r.p50.toFixed(1)} ms | **${r.p95.toFixed(1)} ms** | ${r.p99.toFixed(1)} ms | ${r.perSecond.toFixed(0)} | ${fmt(r.requests)} | ${r.errors} |`);
  }
  if (results.some((r) => r.errors)) process.exitCode = 1;
} else if (timings.length) {
  console.log('\n| load step | rows | time |\n| --- | ---: | ---: |');
  for (const t of timings) console.log(`| ${t.step} | ${t.rows !== undefined ? fmt(t.rows) : ''} | ${(t.ms / 1000).toFixed(1)} s |`);
}
