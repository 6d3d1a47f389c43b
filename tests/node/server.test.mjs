/**
 * The reference server (server/) in process on a random port: on PGlite in memory, and on the
 * PostgreSQL server at DATABASE_URL (else postgres://postgres@127.0.0.1:5432/test) when it
 * answers, in a database of its own that is dropped afterwards. Each runs the conformance suite
 * with two tenants' tokens, and the tenant-isolation, idempotency and rollup checks below.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ownPostgresDatabase } from './postgres-database.mjs';
import { createMemoryAdapter, generateDataset } from '../../src/data/index.ts';
import { runConformance, formatOutcomes } from '../../src/conformance/suite.ts';
import { signToken } from '../../server/auth.ts';
import { loadTenant } from '../../server/load.ts';
import { MIGRATIONS, migrate } from '../../server/migrate.ts';
import { createRateLimiter } from '../../server/rate-limit.ts';
import { startServer } from '../../server/server.ts';

const TODAY = '2026-11-23';
const SECRET = 'forecourt-test-secret-0123456789abcdef';
const RANGE = { from: '2026-01-01', to: TODAY };
const datasetA = generateDataset({ size: 'small', today: TODAY, seed: 1 });
const datasetB = generateDataset({ size: 'small', today: TODAY, seed: 2 });
/** A customer only tenant B has. */
const ONLY_B = { ...datasetB.customers[0], id: 'only-in-b', firstName: 'Bea', lastName: 'Bonly' };
datasetB.customers.push(ONLY_B);

/** Writes of unexpected failures, which the tests require to be none. */
const failures = [];
const log = (message, error) => failures.push(`${message} ${error?.stack ?? error}`);

async function get(server, token, path) {
  const response = await fetch(server.baseUrl + path, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.json() };
}

async function send(server, token, method, path, body, key) {
  const response = await fetch(server.baseUrl + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...(key ? { 'Idempotency-Key': key } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

/** The suite on one database; `config()` gives the server's database settings, `cleanup()` drops them. */
function serverSuite(name, config, cleanup = async () => {}) {
  describe(`reference server on ${name}`, () => {
    let server;
    let tokenA;
    let tokenB;
    let settings;

    before(async () => {
      settings = await config();
      server = await startServer({ ...settings, secret: SECRET, port: 0, log });
      assert.equal(await loadTenant(server.db, 'tenant-a', datasetA), true);
      assert.equal(await loadTenant(server.db, 'tenant-b', datasetB), true);
      tokenA = await signToken(SECRET, { tenant: 'tenant-a', user: 'ann' });
      tokenB = await signToken(SECRET, { tenant: 'tenant-b', user: 'bob' });
    });

    after(async () => {
      await server?.close();
      await cleanup();
    });

    it('passes the conformance suite with two tenants', async () => {
      const outcomes = await runConformance({ baseUrl: server.baseUrl, token: tokenA, otherToken: tokenB, ...RANGE });
      const report = formatOutcomes(outcomes);
      assert.deepEqual(outcomes.filter((o) => o.result === 'fail'), [], report);
      const provided = ['sms.list', 'sms.summary', 'sms.import', 'customers.list', 'customers.setSource', 'customers.board', 'sources.list', 'sources.categories', 'sources.mappingStatus', 'leads.dealer', 'sources.report', 'sources.spend', 'sources.update', 'sources.create', 'sources.saveCategory', 'sources.saveSpend', 'deleted.list', 'deleted.restore', 'deleted.log', 'vehicles.wants', 'vehicles.matchTradeIn', 'vehicles.followUp'];
      provided.push('leads.list', 'leads.get', 'leads.rules', 'leads.saveRule', 'leads.responseSummary', 'leads.flag', 'traffic.aggregate', 'traffic.heatmap', 'traffic.list');
      for (const endpoint of provided) {
        assert.ok(outcomes.some((o) => o.endpoint === endpoint && o.result === 'pass'), `${endpoint} checked\n${report}`);
        assert.ok(!outcomes.some((o) => o.endpoint === endpoint && o.result === 'not-provided'), `${endpoint} provided\n${report}`);
      }
      assert.ok(outcomes.filter((o) => o.check.startsWith('isolation')).length >= 5, report);
      assert.deepEqual(outcomes.filter((o) => o.result === 'not-provided'), [], `every route of the contract is provided\n${report}`);
    });

    it('keeps a query that names no tenant to its own rows, and refuses rows written for another', async () => {
      const count = (tenant) => server.db.tenantTransaction(tenant, (q) => q('SELECT count(*)::int AS n FROM customers'));
      assert.equal((await count('tenant-a'))[0].n, datasetA.customers.length);
      assert.equal((await count('tenant-b'))[0].n, datasetB.customers.length);
      assert.equal((await count('nobody'))[0].n, 0);
      await assert.rejects(
        server.db.tenantTransaction('tenant-a', (q) =>
          q(`INSERT INTO customers (tenant_id, id, last_name, first_name, version, doc) VALUES ('tenant-b', 'planted', 'X', 'Y', 1, '{}')`),
        ),
        /row-level security/,
      );
      const [{ rolsuper }] = await server.db.tenantTransaction('tenant-a', (q) => q('SELECT rolsuper FROM pg_roles WHERE rolname = current_user'));
      assert.equal(rolsuper, false, 'requests run as a role that is no superuser');
    });

    it("answers 404 for another tenant's customer, whatever id, and finds none of its rows by filter", async () => {
      const crafted = await send(server, tokenA, 'PUT', `/customers/${ONLY_B.id}/source`, { sourceId: null, expectedVersion: ONLY_B.version }, 'cross-1');
      assert.equal(crafted.status, 404);
      assert.match(crafted.body.message, /only-in-b/);
      const search = await get(server, tokenA, '/customers?search=bonly');
      assert.equal(search.status, 200);
      assert.equal(search.body.total, 0);
      const own = await get(server, tokenB, '/customers?search=bonly');
      assert.equal(own.body.total, 1);
      const [b] = await server.db.tenantTransaction('tenant-b', (q) => q(`SELECT version FROM customers WHERE id = 'only-in-b'`));
      assert.equal(b.version, ONLY_B.version, "tenant B's customer is unchanged");
    });

    it("shows another tenant nothing of a cursor's rows: the cursor only positions the tenant's own list", async () => {
      const pageB = await get(server, tokenB, '/customers?search=bonly&limit=1');
      assert.equal(pageB.body.items[0].id, 'only-in-b');
      // A cursor just before B's customer, crafted from its sort key.
      const first = await get(server, tokenB, '/customers?limit=1');
      const next = await get(server, tokenA, `/customers?limit=1000&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      assert.equal(next.status, 200);
      assert.ok(!next.body.items.some((c) => c.id === 'only-in-b'));
    });

    it('answers a bad query or body with a 400 or 422 naming the field, never a 500', async () => {
      const badLimit = await get(server, tokenA, `/sms?from=${RANGE.from}&to=${RANGE.to}&limit=-3`);
      assert.equal(badLimit.status, 400);
      assert.match(badLimit.body.message, /limit/);
      const badDate = await get(server, tokenA, `/sms?from=2026-02-30&to=${RANGE.to}`);
      assert.equal(badDate.status, 400);
      assert.match(badDate.body.message, /from/);
      const badCursor = await get(server, tokenA, `/sms?from=${RANGE.from}&to=${RANGE.to}&cursor=${Buffer.from('k1:["yesterday","x"]').toString('base64url')}`);
      assert.equal(badCursor.status, 400);
      const badBody = await send(server, tokenA, 'PUT', '/customers/c00001/source', { sourceId: 5, expectedVersion: 1 }, 'bad-body');
      assert.equal(badBody.status, 422);
      assert.match(badBody.body.message, /sourceId/);
      const noTenant = await get(server, await signToken(SECRET, { tenant: 'nobody', user: 'x' }), `/sms?from=${RANGE.from}&to=${RANGE.to}`);
      assert.equal(noTenant.status, 403);
      assert.deepEqual(failures, []);
    });

    it("sums the SMS summary from the daily rollup to the memory adapter's figures, before and after an import", async () => {
      const memory = createMemoryAdapter(datasetA, { now: () => new Date(`${TODAY}T17:00:00Z`) });
      // October: the conformance suite's own messages are on the day before TODAY.
      const month = { from: '2026-10-01', to: '2026-10-31' };
      const withoutTemplates = ({ templates: _templates, ...rest }) => rest;
      for (const filter of [month, { ...month, direction: 'outbound' }, { ...month, text: 'ready' }, { ...month, errorCategory: 'carrier-filtered' }]) {
        const query = new URLSearchParams(filter).toString();
        const served = await get(server, tokenA, `/sms/summary?${query}`);
        assert.equal(served.status, 200);
        assert.deepEqual(withoutTemplates(served.body), withoutTemplates(await memory.sms.summary(filter)), query);
      }
      // A receipt that turns a delivered text into a carrier-filtered failure moves it in the rollup.
      const stored = datasetA.sms.find((m) => m.direction === 'outbound' && m.status === 'delivered' && m.sentAt >= '2026-10-05');
      const receipt = { ...stored, status: 'undelivered', errorCode: '30007', body: '' };
      const answer = await send(server, tokenA, 'POST', '/sms/import', { messages: [receipt] }, 'receipt-1');
      assert.deepEqual(answer.body, { imported: 0, updated: 1 });
      await memory.sms.import([receipt], { idempotencyKey: 'receipt-1' });
      const after = await get(server, tokenA, `/sms/summary?${new URLSearchParams(month)}`);
      assert.deepEqual(withoutTemplates(after.body), withoutTemplates(await memory.sms.summary(month)));
      const listed = await get(server, tokenA, `/sms?from=${month.from}&to=${month.to}&text=${encodeURIComponent(stored.body.slice(0, 30))}`);
      assert.ok(listed.body.items.some((m) => m.id === stored.id && m.body === stored.body && m.status === 'undelivered'), 'the receipt kept the body');
      // The rollup keeps a number for outbound texts only (an inbound text's is the customer's): a few rows a day.
      const keys = await server.db.tenantTransaction('tenant-a', (q) =>
        q(`SELECT direction, count(DISTINCT from_number)::int AS numbers FROM sms_daily GROUP BY direction ORDER BY direction`),
      );
      const senders = new Set(datasetA.sms.filter((m) => m.direction === 'outbound').map((m) => m.from)).size;
      assert.deepEqual(keys.map((k) => ({ ...k })), [{ direction: 'inbound', numbers: 1 }, { direction: 'outbound', numbers: senders }]);
    });

    it('pages the SMS history by (sent_at, id) both ways with the same rows as the memory adapter', async () => {
      const memory = createMemoryAdapter(datasetB, { now: () => new Date(`${TODAY}T17:00:00Z`) });
      const range = { from: RANGE.from, to: '2026-11-20' }; // without the conformance suite's messages
      for (const order of ['desc', 'asc']) {
        const ids = [];
        let cursor = null;
        do {
          const page = await get(server, tokenB, `/sms?from=${range.from}&to=${range.to}&order=${order}&limit=70${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
          ids.push(...page.body.items.map((m) => m.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        const all = await memory.sms.list({ ...range, order, limit: 1000 });
        assert.equal(ids.length, all.total);
        assert.deepEqual([...ids].sort(), all.items.map((m) => m.id).sort());
        const times = ids.map((id) => Date.parse(datasetB.sms.find((m) => m.id === id).sentAt));
        assert.ok(times.every((t, i) => i === 0 || (order === 'asc' ? t >= times[i - 1] : t <= times[i - 1])), `${order} by sent_at`);
      }
    });

    it("gives each history page the memory adapter's total, from the daily rollup or the log", async () => {
      const memory = createMemoryAdapter(datasetB, { now: () => new Date(`${TODAY}T17:00:00Z`) });
      const range = { from: RANGE.from, to: '2026-11-20' };
      const sample = datasetB.sms.find((m) => m.status === 'failed' || m.status === 'undelivered') ?? datasetB.sms[0];
      const filters = [{}, { direction: 'outbound' }, { status: sample.status }, { direction: 'inbound', status: 'received' }, { text: sample.body.slice(0, 6).toLowerCase() }, { employeeId: datasetB.sms.find((m) => m.employeeId)?.employeeId }];
      for (const filter of filters) {
        const query = new URLSearchParams({ ...range, ...filter, limit: '5' });
        const page = await get(server, tokenB, `/sms?${query}`);
        const expected = await memory.sms.list({ ...range, ...filter, limit: 5 });
        assert.equal(page.body.total, expected.total, JSON.stringify(filter));
        assert.ok(filter.text || filter.employeeId || expected.total > 0, `a filter that matches: ${JSON.stringify(filter)}`);
      }
    });

    it("answers the sources, their categories, the mapping status, the dealer and the board as the memory adapter does", async () => {
      const memory = createMemoryAdapter(datasetB, { now: () => new Date(`${TODAY}T17:00:00Z`) });
      const byId = (list) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      assert.deepEqual(byId((await get(server, tokenB, '/sources')).body), byId(await memory.sources.list()));
      assert.deepEqual((await get(server, tokenB, '/sources/categories')).body, await memory.sources.categories());
      assert.deepEqual((await get(server, tokenB, '/sources/mapping-status')).body, await memory.sources.mappingStatus());
      assert.deepEqual((await get(server, tokenB, '/dealer')).body, await memory.leads.dealer());
      const board = (await get(server, tokenB, `/customers/board?date=${TODAY}`)).body;
      assert.ok(board.length > 0);
      assert.deepEqual(board, await memory.customers.board({ date: TODAY }));
    });

    it('applies a write sent five times at once with one key once, and answers all five alike', async () => {
      const customer = datasetA.customers[datasetA.customers.length - 2];
      const change = { sourceId: customer.sourceId, expectedVersion: customer.version };
      const answers = await Promise.all(Array.from({ length: 5 }, () => send(server, tokenA, 'PUT', `/customers/${customer.id}/source`, change, 'burst-1')));
      assert.deepEqual(new Set(answers.map((a) => a.status)), new Set([200]));
      for (const a of answers) assert.deepEqual(a.body, answers[0].body);
      const [row] = await server.db.tenantTransaction('tenant-a', (q) => q('SELECT version FROM customers WHERE id = $1', [customer.id]));
      assert.equal(row.version, customer.version + 1);
    });

    it('puts every table but the migrations record under row-level security on its tenant_id', async () => {
      const tables = await server.db.query(`
        SELECT c.relname AS name, c.relrowsecurity AS rls, c.relforcerowsecurity AS forced,
          EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id') AS tenant
        FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' AND c.relname <> 'schema_migrations'`);
      assert.ok(tables.length >= 8);
      for (const t of tables) assert.deepEqual({ ...t }, { name: t.name, rls: true, forced: true, tenant: true });
    });

    it('applies a migration once, and records it', async () => {
      assert.deepEqual(await migrate(server.db), []);
      const rows = await server.db.query('SELECT name FROM schema_migrations ORDER BY name');
      assert.deepEqual(rows.map((r) => r.name), MIGRATIONS.map((m) => m.name));
      assert.ok(rows.some((r) => r.name === '004_leads_traffic.sql') && rows.some((r) => r.name === '005_deleted_vehicles_spend.sql'));
    });

    it('replays a write resent with its key after a restart: applied once, the first answer', async () => {
      const [customer] = datasetA.customers.slice(-1);
      const change = { sourceId: customer.sourceId, expectedVersion: customer.version };
      const first = await send(server, tokenA, 'PUT', `/customers/${customer.id}/source`, change, 'restart-1');
      assert.equal(first.status, 200);
      assert.equal(first.body.version, customer.version + 1);
      if (!settings.dataDir && !settings.databaseUrl) return; // in memory: nothing outlives the server
      await server.close();
      server = await startServer({ ...settings, secret: SECRET, port: 0, log });
      const again = await send(server, tokenA, 'PUT', `/customers/${customer.id}/source`, change, 'restart-1');
      assert.equal(again.status, 200);
      assert.deepEqual(again.body, first.body);
      const [row] = await server.db.tenantTransaction('tenant-a', (q) => q('SELECT version FROM customers WHERE id = $1', [customer.id]));
      assert.equal(row.version, customer.version + 1, 'applied once');
      const reused = await send(server, tokenA, 'POST', '/sms/import', { messages: [] }, 'restart-1');
      assert.equal(reused.status, 422, 'a key reused for another request is refused');
    });
  });
}

describe('request budget per tenant', () => {
  it('refuses past the burst with 429 and Retry-After, per tenant, and lets requests in again as the budget refills', () => {
    let now = 0;
    const limit = createRateLimiter({ perSecond: 2, burst: 3 }, () => now);
    for (let i = 0; i < 3; i++) limit('a');
    assert.throws(() => limit('a'), (error) => error.status === 429 && error.kind === 'rate-limited' && error.retryAfterMs === 1000);
    limit('b');
    now = 500;
    limit('a');
    assert.throws(() => limit('a'));
  });

  it('answers 429 with Retry-After over HTTP', async () => {
    const server = await startServer({ secret: SECRET, port: 0, log, rateLimit: { perSecond: 0.5, burst: 2 } });
    try {
      await loadTenant(server.db, 't', { ...datasetA, categories: [], sources: [], customers: [], board: [], sms: [] });
      const token = await signToken(SECRET, { tenant: 't', user: 'u' });
      const statuses = [];
      let last;
      for (let i = 0; i < 3; i++) {
        last = await fetch(`${server.baseUrl}/dealer`, { headers: { Authorization: `Bearer ${token}` } });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [200, 200, 429]);
      assert.equal(last.headers.get('Retry-After'), '2');
      assert.match((await last.json()).message, /Too many requests/);
    } finally {
      await server.close();
    }
  });
});

const pgliteDir = mkdtempSync(join(tmpdir(), 'forecourt-pglite-'));
serverSuite('PGlite', async () => ({ dataDir: pgliteDir }), async () => rmSync(pgliteDir, { recursive: true, force: true }));

// ── PostgreSQL, when it answers ──
const pg = await ownPostgresDatabase('forecourt_test');
if (pg) serverSuite('PostgreSQL', async () => ({ databaseUrl: pg.url }), pg.drop);
