/**
 * The reference server's leads and traffic routes (server/routes/leads.ts, traffic.ts), called
 * through the REST adapter, against the memory adapter over the same dataset: the same pages,
 * summary, aggregates and heatmap; tenant isolation (ids, cursors and writes of another tenant);
 * a stale rule version refused with the current rule; bad input refused naming the field. On
 * PGlite in memory, and on PostgreSQL at DATABASE_URL (else postgres://postgres@127.0.0.1:5432/test)
 * when it answers, in a database of its own that is dropped afterwards.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ownPostgresDatabase } from './postgres-database.mjs';
import { createMemoryAdapter, createRestAdapter, generateDataset } from '../../src/data/index.ts';
import { signToken } from '../../server/auth.ts';
import { loadTenant } from '../../server/load.ts';
import { startServer } from '../../server/server.ts';

const TODAY = '2026-11-23';
const NOW = new Date(`${TODAY}T17:00:00Z`);
const SECRET = 'forecourt-test-secret-0123456789abcdef';
const RANGE = { from: '2025-11-01', to: TODAY };
const datasetA = generateDataset({ size: 'small', today: TODAY, seed: 1 });
const datasetB = generateDataset({ size: 'small', today: TODAY, seed: 2 });
/** A lead only tenant B has. */
const ONLY_B = { ...datasetB.leads[0], id: 'lead-only-in-b', customerName: 'Bea Bonly', managerFlag: null };
datasetB.leads.push(ONLY_B);
/** A lead of a make no rule covers. */
datasetA.leads.push({ ...datasetA.leads[3], id: 'lead-fisker', make: 'Fisker', receivedAt: '2026-10-12T15:00:00.000Z' });
datasetA.leads.sort((a, b) => (a.receivedAt < b.receivedAt ? -1 : a.receivedAt > b.receivedAt ? 1 : 0));

const failures = [];
const log = (message, error) => failures.push(`${message} ${error?.stack ?? error}`);

/** Every page of a list, read with `limit` rows a page. */
async function allPages(read, query, limit) {
  const items = [];
  let cursor = null;
  let total;
  do {
    const page = await read({ ...query, limit, ...(cursor ? { cursor } : {}) });
    total ??= page.total;
    assert.equal(page.total, total, 'the total on every page');
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return { items, total };
}

async function raw(server, token, method, path, body, key) {
  const response = await fetch(server.baseUrl + path, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...(key ? { 'Idempotency-Key': key } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: await response.json() };
}

function suite(name, config, cleanup = async () => {}) {
  describe(`leads and traffic on the reference server (${name})`, () => {
    let server;
    let tokenA;
    let tokenB;
    let restA;
    let restB;
    const memoryA = createMemoryAdapter(datasetA, { now: () => NOW });
    const memoryB = createMemoryAdapter(datasetB, { now: () => NOW });

    before(async () => {
      server = await startServer({ ...(await config()), secret: SECRET, port: 0, log, now: () => NOW });
      assert.equal(await loadTenant(server.db, 'tenant-a', datasetA), true);
      assert.equal(await loadTenant(server.db, 'tenant-b', datasetB), true);
      tokenA = await signToken(SECRET, { tenant: 'tenant-a', user: 'ann' });
      tokenB = await signToken(SECRET, { tenant: 'tenant-b', user: 'bob' });
      restA = createRestAdapter({ baseUrl: server.baseUrl, getToken: () => tokenA });
      restB = createRestAdapter({ baseUrl: server.baseUrl, getToken: () => tokenB });
    });

    after(async () => {
      await server?.close();
      await cleanup();
    });

    it('pages the leads newest first with the memory adapter’s rows, whole and by rule or salesperson', async () => {
      const salespersonId = datasetA.leads.find((l) => l.salespersonId)?.salespersonId;
      for (const filter of [{}, { ruleId: 'toyota' }, { ruleId: 'none' }, { ruleId: 'no-such-rule' }, { salespersonId }, { from: '2026-10-01', to: '2026-10-31' }]) {
        const query = { ...RANGE, ...filter };
        const served = await allPages((q) => restA.leads.list(q), query, 7);
        const expected = await memoryA.leads.list({ ...query, limit: 1000 });
        assert.equal(served.total, expected.total, JSON.stringify(filter));
        assert.deepEqual(served.items, expected.items, JSON.stringify(filter));
      }
      assert.ok((await memoryA.leads.list({ ...RANGE, ruleId: 'none' })).total > 0, 'some leads no rule covers');
    });

    it('answers a lead, the rules and the response summary as the memory adapter does', async () => {
      const lead = datasetA.leads[5];
      assert.deepEqual(await restA.leads.get(lead.id), await memoryA.leads.get(lead.id));
      assert.deepEqual(await restA.leads.rules(), await memoryA.leads.rules());
      for (const range of [RANGE, { from: '2026-10-01', to: '2026-10-31' }, { from: TODAY, to: TODAY }, { from: '2020-01-01', to: '2020-01-31' }]) {
        assert.deepEqual(await restA.leads.responseSummary(range), await memoryA.leads.responseSummary(range), JSON.stringify(range));
      }
    });

    it('aggregates traffic at every level, and answers the heatmap and the list, as the memory adapter does', async () => {
      const quarter = { from: '2026-07-01', to: '2026-09-30' };
      const [anHour] = (await memoryA.traffic.aggregate({ from: '2026-05-12', to: '2026-05-12', groupBy: 'time', timeGrain: 'hour' })).rows;
      const queries = [
        { ...quarter, groupBy: 'sourceCategory' },
        { ...quarter, groupBy: 'salesperson', filters: { upType: 'walk-in' } },
        { ...RANGE, groupBy: 'time', timeGrain: 'month' },
        { ...quarter, groupBy: 'time', timeGrain: 'week', filters: { department: 'used' } },
        { ...quarter, groupBy: 'time', timeGrain: 'hour', filters: { day: '2026-08-14' } },
        { ...RANGE, groupBy: 'day', filters: { month: '2026-03' } },
        { ...quarter, groupBy: 'hour', filters: { weekday: '6' } },
        { ...quarter, groupBy: 'weekday', filters: { hour: '11', outcome: 'sold' } },
        { ...quarter, groupBy: 'source', zone: 'Asia/Kolkata' },
        { ...quarter, groupBy: 'upType', filters: { source: 'no-such-source' } },
        { ...quarter, groupBy: 'weekday', filters: { weekday: '3', sourceCategory: datasetA.traffic[0].sourceCategory } },
        { ...RANGE, groupBy: 'time', timeGrain: 'hour', filters: { day: '2025-11-02' } },
        { from: '2026-03-01', to: '2026-03-10', groupBy: 'time', timeGrain: 'hour', zone: 'Asia/Kolkata' },
        { ...quarter, groupBy: 'time', timeGrain: 'day', zone: 'Pacific/Chatham' },
        { ...RANGE, groupBy: 'salesperson', filters: { time: '2026-W20' } },
        { ...RANGE, groupBy: 'outcome', filters: { time: anHour.key } },
        { ...quarter, groupBy: 'time', timeGrain: 'day', filters: { upType: 'walk-in', outcome: 'sold' } },
        { ...quarter, groupBy: 'source', filters: { source: datasetA.traffic[5].source } },
        { ...quarter, groupBy: 'department', filters: { salesperson: datasetA.traffic[5].salespersonId, weekday: '5' } },
        { ...quarter, groupBy: 'time', timeGrain: 'week', filters: { hour: '11' } },
        { ...quarter, groupBy: 'hour', filters: { month: '2026-08' } },
        { ...quarter, groupBy: 'hour', filters: { outcome: 'sold' } },
        { ...RANGE, groupBy: 'time', timeGrain: 'hour', filters: { upType: 'walk-in', day: '2026-08-14' } },
      ];
      for (const query of queries) {
        const served = await restA.traffic.aggregate(query);
        assert.deepEqual(served, await memoryA.traffic.aggregate(query), JSON.stringify(query));
        assert.ok(served.total.ups > 0 || query.filters?.source || query.filters?.day, JSON.stringify(query));
      }
      for (const query of [quarter, { ...RANGE, filters: { salesperson: datasetA.traffic[0].salespersonId, hour: '14' } }, { ...quarter, zone: 'Pacific/Auckland' }, { ...RANGE, filters: { weekday: '6', hour: '10', day: '2026-03-14' } }]) {
        assert.deepEqual(await restA.traffic.heatmap(query), await memoryA.traffic.heatmap(query), JSON.stringify(query));
      }
      const lists = [quarter, { ...RANGE, filters: { upType: 'be-back', weekday: '2' } }, { ...RANGE, filters: { time: '2026-W10' } }];
      lists.push({ ...RANGE, filters: { hour: '15', source: datasetA.traffic[5].source } }, { ...quarter, filters: { outcome: 'sold', department: 'used' } }, { ...quarter, zone: 'Asia/Kolkata', filters: { hour: '20' } });
      for (const query of lists) {
        const served = await allPages((q) => restA.traffic.list(q), query, 40);
        const expected = await memoryA.traffic.list({ ...query, limit: 1000 });
        assert.equal(served.total, expected.total, JSON.stringify(query));
        assert.deepEqual(served.items, expected.items.slice(0, served.items.length), JSON.stringify(query));
        assert.ok(served.items.length === expected.total, JSON.stringify(query));
      }
    });

    it('saves a rule under its version: a stale one is a 409 with the current rule, an overlapping make a 400', async () => {
      const [rule] = await restA.leads.rules();
      const saved = await restA.leads.saveRule({ ...rule, limitMinutes: rule.limitMinutes + 5 }, { idempotencyKey: 'rule-1' });
      assert.equal(saved.version, rule.version + 1);
      const memorySaved = await memoryA.leads.saveRule({ ...rule, limitMinutes: rule.limitMinutes + 5 }, { idempotencyKey: 'rule-1' });
      assert.deepEqual(saved, memorySaved);
      assert.deepEqual(await restA.leads.rules(), await memoryA.leads.rules());
      const stale = await raw(server, tokenA, 'PUT', `/oem-rules/${rule.id}`, { ...rule, limitMinutes: 1 }, 'rule-stale');
      assert.equal(stale.status, 409);
      assert.deepEqual(stale.body.current, saved);
      const other = (await restA.leads.rules())[1];
      const overlap = await raw(server, tokenA, 'PUT', `/oem-rules/${other.id}`, { ...other, makes: [...other.makes, rule.makes[0]] }, 'rule-overlap');
      assert.equal(overlap.status, 400);
      assert.match(overlap.body.message, new RegExp(`already covered by the rule "${rule.name}"`));
      const created = await restA.leads.saveRule({ ...rule, id: 'rule-new', name: 'Fisker', makes: ['Fisker'], version: 0 }, { idempotencyKey: 'rule-new' });
      assert.equal(created.version, 1);
      assert.equal((await restA.leads.rules()).at(-1).id, 'rule-new', 'a new rule goes last');
      // Tenant B's rule of the same id is its own, untouched.
      const [ruleB] = await restB.leads.rules();
      assert.equal(ruleB.id, rule.id);
      assert.equal(ruleB.version, rule.version);
      assert.ok(!(await restB.leads.rules()).some((r) => r.id === 'rule-new'));
    });

    it('flags a lead for a manager, stamped with the caller, and never another tenant’s', async () => {
      const lead = datasetA.leads[10];
      const flagged = await restA.leads.flag({ leadId: lead.id, flagged: true, note: '  call back today ' }, { idempotencyKey: 'flag-1' });
      assert.deepEqual(flagged.managerFlag, { at: NOW.toISOString(), by: 'ann', note: 'call back today' });
      assert.deepEqual(await restA.leads.get(lead.id), flagged);
      const cross = await raw(server, tokenA, 'POST', `/leads/${ONLY_B.id}/flag`, { flagged: true, note: null }, 'flag-cross');
      assert.equal(cross.status, 404);
      assert.match(cross.body.message, /lead-only-in-b/);
      assert.equal((await restB.leads.get(ONLY_B.id)).managerFlag, null);
      const read = await raw(server, tokenA, 'GET', `/leads/${ONLY_B.id}`);
      assert.equal(read.status, 404);
      const listed = await restA.leads.list({ ...RANGE, limit: 1000 });
      assert.ok(!listed.items.some((l) => l.id === ONLY_B.id));
    });

    it("shows another tenant nothing through a cursor: it only positions the tenant's own list", async () => {
      const pageB = await restB.leads.list({ ...RANGE, limit: 1 });
      const next = await restA.leads.list({ ...RANGE, limit: 1000, cursor: pageB.nextCursor });
      const idsA = new Set(datasetA.leads.map((l) => l.id));
      assert.ok(next.items.every((l) => idsA.has(l.id) && l.customerName === datasetA.leads.find((x) => x.id === l.id).customerName));
      const trafficB = await restB.traffic.list({ ...RANGE, limit: 1 });
      const trafficNext = await restA.traffic.list({ ...RANGE, limit: 1000, cursor: trafficB.nextCursor });
      const eventsA = new Map(datasetA.traffic.map((e) => [e.id, e]));
      assert.ok(trafficNext.items.every((e) => JSON.stringify(eventsA.get(e.id)) === JSON.stringify(e)));
    });

    it('refuses bad input with a 400 or 422 naming the field, never a 500', async () => {
      const cases = [
        ['GET', '/leads?from=2026-02-30&to=2026-03-01', 400, /from/],
        ['GET', `/leads?from=${RANGE.from}&to=${RANGE.to}&limit=many`, 400, /limit/],
        ['GET', `/leads?from=${RANGE.from}&to=${RANGE.to}&cursor=${Buffer.from('k1:["yesterday","1"]').toString('base64url')}`, 400, /cursor/],
        ['GET', `/leads?from=${RANGE.from}&to=${RANGE.to}&cursor=${Buffer.from('k1:["2026-01-01T00:00:00.000000Z","x; drop"]').toString('base64url')}`, 400, /cursor/],
        ['GET', `/leads/response-summary?from=${RANGE.to}&to=${RANGE.from}`, 400, /after/],
        ['GET', `/traffic/aggregate?from=${RANGE.from}&to=${RANGE.to}`, 400, /groupBy/],
        ['GET', `/traffic/aggregate?from=${RANGE.from}&to=${RANGE.to}&groupBy=colour`, 400, /groupBy/],
        ['GET', `/traffic/heatmap?from=${RANGE.from}&to=${RANGE.to}&zone=Mars/Olympus`, 400, /Mars\/Olympus/],
        ['GET', `/traffic?from=${RANGE.from}&to=${RANGE.to}&cursor=nope`, 400, /cursor/],
        ['PUT', '/oem-rules/toyota', 422, /limitMinutes/, { id: 'toyota', name: 'Toyota', makes: ['Toyota'], limitMinutes: 'soon', version: 1 }],
        ['POST', '/leads/lead-00006/flag', 422, /flagged/, { note: 'x' }],
      ];
      for (const [method, path, status, pattern, body] of cases) {
        const answer = await raw(server, tokenA, method, path, body, body ? `bad-${path}` : undefined);
        assert.equal(answer.status, status, `${method} ${path}: ${JSON.stringify(answer.body)}`);
        assert.match(answer.body.message, pattern, `${method} ${path}`);
      }
      const rule = (await restA.leads.rules())[2];
      const badLimit = await raw(server, tokenA, 'PUT', `/oem-rules/${rule.id}`, { ...rule, limitMinutes: -5 }, 'bad-limit');
      assert.ok([400, 422].includes(badLimit.status), JSON.stringify(badLimit));
      assert.match(badLimit.body.message, /limit/);
      const autoStop = await raw(server, tokenA, 'PUT', `/oem-rules/${rule.id}`, { ...rule, stopsClock: ['auto-response'] }, 'bad-stop');
      assert.equal(autoStop.status, 400);
      assert.match(autoStop.body.message, /an auto-response never stops the clock/);
      assert.deepEqual(failures, []);
    });

    it('keeps the traffic rollups equal to the events, on insert and on delete', async () => {
      const totals = () =>
        server.db.tenantTransaction('tenant-a', async (q) => {
          const [row] = await q(`SELECT (SELECT count(*)::int FROM traffic) AS events, (SELECT sum(ups)::int FROM traffic_daily) AS daily,
            (SELECT count(DISTINCT dimension)::int FROM traffic_daily_dim) AS dimensions, (SELECT sum(ups)::int FROM traffic_hourly) AS hourly,
            (SELECT sum(ups)::int FROM traffic_daily_dim WHERE dimension = 'source') AS "bySource"`);
          return { ...row };
        });
      const n = datasetA.traffic.length;
      assert.deepEqual(await totals(), { events: n, daily: n, dimensions: 6, hourly: n, bySource: n });
      const gone = datasetA.traffic.slice(0, 25).map((e) => e.id);
      await server.db.tenantTransaction('tenant-a', (q) => q('DELETE FROM traffic WHERE id = ANY($1::text[])', [gone]));
      assert.deepEqual(await totals(), { events: n - 25, daily: n - 25, dimensions: 6, hourly: n - 25, bySource: n - 25 });
      const memory = createMemoryAdapter({ ...datasetA, traffic: datasetA.traffic.slice(25) }, { now: () => NOW });
      const query = { from: RANGE.from, to: '2025-12-31', groupBy: 'salesperson' };
      assert.deepEqual(await restA.traffic.aggregate(query), await memory.traffic.aggregate(query));
      assert.deepEqual(await restA.traffic.heatmap(query), await memory.traffic.heatmap(query));
    });

    it('tells the two 01:00 hours of a fall-back day apart, from the hourly rollup and from the events', async () => {
      const base = { ...datasetA.traffic[0], steps: [], outcome: 'sold' };
      const events = [
        { ...base, id: 'dst-1', at: '2025-11-02T06:30:00.000Z', upType: 'walk-in' },
        { ...base, id: 'dst-2', at: '2025-11-02T07:30:00.000Z', upType: 'walk-in' },
        { ...base, id: 'dst-3', at: '2025-11-02T07:45:00.000Z', upType: 'phone-up' },
      ];
      const dataset = { ...datasetA, categories: [], sources: [], customers: [], board: [], sms: [], leads: [], rules: [], traffic: events };
      await loadTenant(server.db, 'tenant-dst', dataset);
      const token = await signToken(SECRET, { tenant: 'tenant-dst', user: 'dee' });
      const rest = createRestAdapter({ baseUrl: server.baseUrl, getToken: () => token });
      const memory = createMemoryAdapter(dataset, { now: () => NOW });
      for (const filters of [undefined, { upType: 'walk-in' }]) {
        const query = { from: '2025-11-02', to: '2025-11-02', groupBy: 'time', timeGrain: 'hour', ...(filters ? { filters } : {}) };
        const served = await rest.traffic.aggregate(query);
        assert.deepEqual(served, await memory.traffic.aggregate(query));
        assert.deepEqual(served.rows.map((r) => r.key), ['2025-11-02T01:00-05:00', '2025-11-02T01:00-06:00']);
      }
    });
  });
}

suite('PGlite', async () => ({}));

// ── PostgreSQL, when it answers ──
const pg = await ownPostgresDatabase('forecourt_lt');
if (pg) suite('PostgreSQL', async () => ({ databaseUrl: pg.url }), pg.drop);
