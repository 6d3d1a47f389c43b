/**
 * The reference server's deleted records, restore log, needed vehicles and source writes (report,
 * spend, sources, categories, mapping) on PGlite in memory, and on the PostgreSQL server at
 * DATABASE_URL (else postgres://postgres@127.0.0.1:5432/test) when it answers, in a database of
 * its own dropped afterwards, against the memory adapter over the
 * same demo dataset: the same answers, page by page; writes applied to both give the same result.
 * Every new route keeps to its tenant (crafted ids, cursors, filters, writes aimed at the other
 * tenant's records), refuses bad input with a 4xx naming the field, and a stale version with 409
 * and the current record.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ownPostgresDatabase } from './postgres-database.mjs';
import { createMemoryAdapter, generateDataset } from '../../src/data/index.ts';
import { signToken } from '../../server/auth.ts';
import { openPglite } from '../../server/db.ts';
import { loadTenant } from '../../server/load.ts';
import { MIGRATIONS, migrate } from '../../server/migrate.ts';
import { startServer } from '../../server/server.ts';

const TODAY = '2026-11-23';
const SECRET = 'forecourt-test-secret-records-0123456789';
const YEAR = { from: '2026-01-01', to: TODAY };
const datasetA = generateDataset({ size: 'small', today: TODAY, seed: 1 });
const datasetB = generateDataset({ size: 'small', today: TODAY, seed: 2 });

// Records only tenant B has, for the crafted-id checks.
const wantB = { ...datasetB.wants[0], id: 'want-only-b', customerName: 'Bea Bonly', make: 'Bonlymobile', model: 'Zed' };
const deletedB = { ...datasetB.deleted.find((r) => r.kind === 'customer' && !r.restoredAt), id: 'del-only-b', customerId: 'c-only-b', customerName: 'Bea Bonly' };
const sourceB = { ...datasetB.sources[0], id: 'src-only-b', name: 'Bonly radio' };
const categoryB = { id: 'cat-only-b', name: 'Bonly events', order: 99, builtIn: false, version: 1 };
datasetB.wants.push(wantB);
datasetB.deleted.push(deletedB);
datasetB.sources.push(sourceB);
datasetB.categories.push(categoryB);

const failures = [];
const log = (message, error) => failures.push(`${message} ${error?.stack ?? error}`);

/** The answer without the stamps of the moment a write ran (the server's clock, not the memory adapter's). */
function unstamped(value) {
  if (Array.isArray(value)) return value.map(unstamped);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !['at', 'restoredAt', 'updatedAt', 'lastContactAt'].includes(key))
        .map(([key, v]) => [key, key === 'id' && typeof v === 'string' ? v.replace(/@.*$/, '@') : unstamped(v)]),
    );
  }
  return value;
}

function recordsSuite(name, config, cleanup = async () => {}) {
  describe(`reference server on ${name}: deleted records, needed vehicles and source writes`, () => {
    let server;
    let tokenA;
    let tokenB;
    let memoryA;
    let memoryB;

    const request = async (token, method, path, body, key) => {
      const response = await fetch(server.baseUrl + path, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(key ? { 'Idempotency-Key': key } : {}),
        },
        ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
      });
      return { status: response.status, body: await response.json() };
    };
    const get = (token, path) => request(token, 'GET', path);
    const qs = (query) => new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null)).toString();

    /** Every item of a list read page by page (`limit` a page) over HTTP. */
    async function allPages(token, path, query, limit = 4) {
      const items = [];
      let cursor = null;
      let total = null;
      let pages = 0;
      do {
        const page = await get(token, `${path}?${qs({ ...query, limit, cursor })}`);
        assert.equal(page.status, 200, JSON.stringify(page.body));
        items.push(...page.body.items);
        total ??= page.body.total;
        assert.equal(page.body.total, total, 'the total stays the same across pages');
        cursor = page.body.nextCursor;
        assert.ok(++pages < 500);
      } while (cursor);
      return { items, total };
    }

    before(async () => {
      server = await startServer({ ...(await config()), secret: SECRET, port: 0, log });
      assert.equal(await loadTenant(server.db, 'tenant-a', datasetA), true);
      assert.equal(await loadTenant(server.db, 'tenant-b', datasetB), true);
      tokenA = await signToken(SECRET, { tenant: 'tenant-a', user: 'ann' });
      tokenB = await signToken(SECRET, { tenant: 'tenant-b', user: 'bob' });
      memoryA = createMemoryAdapter(datasetA, { user: 'ann' });
      memoryB = createMemoryAdapter(datasetB, { user: 'bob' });
    });

    after(async () => {
      await server?.close();
      await cleanup();
      assert.deepEqual(failures, [], 'no request failed with a 500');
    });

    it('lists deleted records page by page as the memory adapter does, for every filter', async () => {
      const phone = datasetA.deleted.find((r) => r.fields.phone)?.fields.phone;
      const filters = [
        YEAR,
        { ...YEAR, includeRestored: true },
        { ...YEAR, reason: 'merge', includeRestored: true },
        { ...YEAR, search: datasetA.deleted[1].customerName.split(' ')[0].toUpperCase() },
        { ...YEAR, search: `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}`, includeRestored: true },
        { from: '2026-09-01', to: '2026-09-30', includeRestored: true },
      ];
      for (const filter of filters) {
        const served = await allPages(tokenA, '/deleted', filter, 3);
        const memory = await memoryA.deleted.list({ ...filter, limit: 1000 });
        assert.equal(served.total, memory.total, JSON.stringify(filter));
        assert.deepEqual(served.items, memory.items, JSON.stringify(filter));
      }
      assert.ok((await memoryA.deleted.list({ ...YEAR, includeRestored: true, limit: 1000 })).items.some((r) => r.kind === 'merge-leftover' && r.mergedIntoCurrent));
    });

    it('pages the restore log and the needed vehicles as the memory adapter does, and matches trade-ins alike', async () => {
      for (const query of [{}, { recordId: datasetA.restoreLog[0].recordId }, { customerId: datasetA.restoreLog[1].customerId }]) {
        const served = await allPages(tokenA, '/deleted/restores', query, 2);
        const memory = await memoryA.deleted.log({ ...query, limit: 1000 });
        assert.equal(served.total, memory.total);
        assert.deepEqual(served.items, memory.items, JSON.stringify(query));
      }
      for (const query of [{}, { make: 'chevy' }, { search: 'SILVERADO' }, { make: 'Honda', search: 'cr-v' }]) {
        const served = await allPages(tokenA, '/vehicles/wants', query, 3);
        const memory = await memoryA.vehicles.wants({ ...query, limit: 1000 });
        assert.equal(served.total, memory.total, JSON.stringify(query));
        assert.deepEqual(served.items, memory.items, JSON.stringify(query));
      }
      const trades = [
        { year: 2019, make: 'Chevy', model: 'Silverado 1500 LT' },
        { make: 'honda', model: 'CRV', mileage: 40000 },
        { year: 2021, make: 'Ford', model: 'F150', trim: 'XLT' },
        { vin: '1HGCM82633A004352' },
      ];
      for (const vehicle of trades) {
        const served = await request(tokenA, 'POST', '/vehicles/trade-in-matches', vehicle);
        assert.equal(served.status, 200, JSON.stringify(served.body));
        assert.deepEqual(served.body, await memoryA.vehicles.matchTradeIn(vehicle), JSON.stringify(vehicle));
      }
      assert.ok((await memoryA.vehicles.matchTradeIn(trades[0])).length > 0, 'a trade-in that matches');
    });

    it('answers the source report and the spend of a range as the memory adapter does', async () => {
      for (const range of [YEAR, { from: '2026-03-17', to: '2026-04-30' }, { from: TODAY, to: TODAY }]) {
        const report = await get(tokenA, `/sources/report?${qs(range)}`);
        assert.equal(report.status, 200, JSON.stringify(report.body));
        assert.deepEqual(report.body, await memoryA.sources.report(range));
        const spend = await get(tokenA, `/sources/spend?${qs(range)}`);
        assert.deepEqual(spend.body, await memoryA.sources.spend(range));
      }
      assert.ok((await memoryA.sources.report(YEAR)).totals.spend > 0);
    });

    it('restores a customer with its vehicles, notes and wants as the memory adapter does, once per key', async () => {
      const record = datasetA.deleted.find((r) => r.kind === 'customer' && !r.restoredAt && r.related?.wants?.length);
      assert.ok(record, 'a deleted customer with wants');
      const leftover = datasetA.deleted.find((r) => r.kind === 'merge-leftover' && !r.restoredAt);
      const body = { ids: [record.id, leftover.id, 'del-nope'] };
      const first = await request(tokenA, 'POST', '/deleted/restore', body, 'restore-1');
      assert.equal(first.status, 200, JSON.stringify(first.body));
      const memory = await memoryA.deleted.restore(body, { idempotencyKey: 'restore-1' });
      assert.deepEqual(unstamped(first.body), unstamped(memory));
      assert.deepEqual(first.body.restored, [record.id, leftover.id]);
      assert.equal(first.body.failed[0].code, 'not-found');

      const again = await request(tokenA, 'POST', '/deleted/restore', body, 'restore-1');
      assert.deepEqual(again, first, 'the same answer to the same key');
      const log = await get(tokenA, `/deleted/restores?recordId=${record.id}`);
      assert.equal(log.body.total, 1, 'applied once');
      assert.deepEqual(unstamped(log.body.items), unstamped((await memoryA.deleted.log({ recordId: record.id })).items));

      // Restored: the customer with its vehicles and notes, its wants on the list; the record marked.
      const customers = await get(tokenA, `/customers?search=${encodeURIComponent(record.fields.email || record.customerName)}&limit=1000`);
      const back = customers.body.items.find((c) => c.id === record.customerId);
      const mine = (await memoryA.customers.list({ search: record.fields.email || record.customerName, limit: 1000 })).items.find((c) => c.id === record.customerId);
      assert.deepEqual(unstamped(back), unstamped(mine));
      assert.equal(back.vehicles?.length ?? 0, record.related?.vehicles?.length ?? 0);
      const wants = await allPages(tokenA, '/vehicles/wants', {}, 50);
      assert.deepEqual(wants.items, (await memoryA.vehicles.wants({ limit: 1000 })).items);
      assert.ok(record.related.wants.some((w) => wants.items.some((x) => x.id === w.id)) || record.fields.status !== 'need-car-locate');
      const listed = await allPages(tokenA, '/deleted', { ...YEAR, includeRestored: true }, 10);
      assert.deepEqual(unstamped(listed.items), unstamped((await memoryA.deleted.list({ ...YEAR, includeRestored: true, limit: 1000 })).items));

      // Again under another key: already restored, the memory adapter's failure.
      const twice = await request(tokenA, 'POST', '/deleted/restore', { ids: [record.id] }, 'restore-2');
      const memoryTwice = await memoryA.deleted.restore({ ids: [record.id] }, { idempotencyKey: 'restore-2' });
      assert.equal(twice.status, 200);
      assert.deepEqual(unstamped(twice.body), unstamped(memoryTwice));
      assert.equal(twice.body.failed[0].code, 'already-restored');
      assert.equal(twice.body.failed[0].restoredBy, 'ann');
    });

    it('records a follow-up once, refuses a stale version with 409 and the current want', async () => {
      const want = (await memoryA.vehicles.wants({ limit: 1 })).items[0];
      const path = `/vehicles/wants/${want.id}/follow-up`;
      const change = { note: '  Called, will visit Saturday. ', expectedVersion: want.version ?? 0 };
      const done = await request(tokenA, 'POST', path, change, 'follow-1');
      assert.equal(done.status, 200, JSON.stringify(done.body));
      const memory = await memoryA.vehicles.followUp({ wantId: want.id, ...change });
      assert.deepEqual(unstamped(done.body), unstamped(memory));
      assert.equal(done.body.followUpNote, 'Called, will visit Saturday.');
      assert.deepEqual(await request(tokenA, 'POST', path, change, 'follow-1'), done, 'resent: the first answer');
      const stale = await request(tokenA, 'POST', path, change, 'follow-2');
      assert.equal(stale.status, 409);
      assert.equal(stale.body.current.version, done.body.version);
      assert.equal(stale.body.current.followUpNote, 'Called, will visit Saturday.');
      const long = await request(tokenA, 'POST', path, { note: 'x'.repeat(2001), expectedVersion: done.body.version }, 'follow-3');
      assert.ok([400, 422].includes(long.status));
      assert.match(long.body.message, /note/);
      const missing = await request(tokenA, 'POST', '/vehicles/wants/want-nope/follow-up', change, 'follow-4');
      assert.equal(missing.status, 404);
    });

    it('changes, adds and maps sources, saves categories and spend as the memory adapter does, with 409 on a stale version', async () => {
      const source = datasetA.sources.find((s) => !s.deleted && s.categoryId);
      const update = { categoryId: 'internet', name: 'Renamed source', expectedVersion: source.version };
      const updated = await request(tokenA, 'PATCH', `/sources/${source.id}`, update, 'src-1');
      assert.equal(updated.status, 200, JSON.stringify(updated.body));
      assert.deepEqual(unstamped(updated.body), unstamped(await memoryA.sources.update({ id: source.id, ...update })));
      const stale = await request(tokenA, 'PATCH', `/sources/${source.id}`, update, 'src-2');
      assert.equal(stale.status, 409);
      assert.equal(stale.body.current.version, source.version + 1);
      assert.equal(stale.body.current.name, 'Renamed source');
      assert.equal(stale.body.current.customerCount, updated.body.customerCount);

      const created = await request(tokenA, 'POST', '/sources', { categoryId: 'referral', name: ' Car show ' }, 'src-3');
      assert.equal(created.status, 201);
      assert.deepEqual(unstamped(created.body), unstamped(await memoryA.sources.create({ categoryId: 'referral', name: ' Car show ' })));
      const taken = await request(tokenA, 'POST', '/sources', { id: source.id, categoryId: 'referral', name: 'Again' }, 'src-4');
      assert.equal(taken.status, 409);
      assert.equal(taken.body.current.id, source.id);
      const noCategory = await request(tokenA, 'POST', '/sources', { categoryId: 'nope', name: 'X' }, 'src-5');
      assert.equal(noCategory.status, 400);
      assert.match(noCategory.body.message, /nope/);

      const mapped = await request(tokenA, 'POST', '/sources/complete-mapping', undefined, 'map-1');
      assert.deepEqual(mapped.body, await memoryA.sources.completeMapping());
      const byId = (list) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      assert.deepEqual(unstamped(byId((await get(tokenA, '/sources')).body)), unstamped(byId(await memoryA.sources.list())));
      assert.deepEqual((await get(tokenA, '/sources/mapping-status')).body, await memoryA.sources.mappingStatus());

      const category = await request(tokenA, 'PUT', '/sources/categories/shop-shows', { name: 'Shows' }, 'cat-1');
      assert.deepEqual(category.body, await memoryA.sources.saveCategory({ id: 'shop-shows', name: 'Shows' }));
      const renamed = await request(tokenA, 'PUT', '/sources/categories/shop-shows', { name: 'Car shows', expectedVersion: 1 }, 'cat-2');
      assert.equal(renamed.body.version, 2);
      const staleCategory = await request(tokenA, 'PUT', '/sources/categories/shop-shows', { name: 'Late', expectedVersion: 1 }, 'cat-3');
      assert.equal(staleCategory.status, 409);
      assert.equal(staleCategory.body.current.name, 'Car shows');
      await memoryA.sources.saveCategory({ id: 'shop-shows', name: 'Car shows', expectedVersion: 1 });
      const builtIn = datasetA.categories.find((c) => c.builtIn);
      const refused = await request(tokenA, 'PUT', `/sources/categories/${builtIn.id}`, { name: builtIn.name, expectedVersion: builtIn.version, deleted: true }, 'cat-4');
      assert.equal(refused.status, 400);
      assert.deepEqual((await get(tokenA, '/sources/categories')).body, await memoryA.sources.categories());

      const cell = { month: '2026-11', categoryId: 'internet', sourceId: null, amount: 125050 };
      const existing = datasetA.spend.find((s) => s.month === cell.month && s.categoryId === cell.categoryId && s.sourceId === null);
      const spend = await request(tokenA, 'PUT', '/sources/spend', { ...cell, ...(existing ? { expectedVersion: existing.version } : {}) }, 'spend-1');
      assert.equal(spend.status, 200, JSON.stringify(spend.body));
      assert.deepEqual(spend.body, await memoryA.sources.saveSpend({ ...cell, ...(existing ? { expectedVersion: existing.version } : {}) }));
      const fresh = { month: '2027-01', categoryId: 'internet', sourceId: source.id, amount: 900 };
      const added = await request(tokenA, 'PUT', '/sources/spend', fresh, 'spend-2');
      assert.deepEqual(added.body, await memoryA.sources.saveSpend(fresh));
      const staleSpend = await request(tokenA, 'PUT', '/sources/spend', fresh, 'spend-3');
      assert.equal(staleSpend.status, 409);
      assert.deepEqual(staleSpend.body.current, added.body);
      for (const range of [{ from: '2026-11-01', to: '2027-01-31' }]) {
        assert.deepEqual((await get(tokenA, `/sources/spend?${qs(range)}`)).body, await memoryA.sources.spend(range));
        assert.deepEqual((await get(tokenA, `/sources/report?${qs(range)}`)).body, await memoryA.sources.report(range));
      }
    });

    it("keeps every new route to its tenant: crafted ids, filters and cursors find nothing of the other's, and writes aimed at it change nothing", async () => {
      // Filters: tenant B's own records are found by B, never by A.
      const searchB = { ...YEAR, search: 'bonly' };
      assert.equal((await get(tokenB, `/deleted?${qs(searchB)}`)).body.total, 1);
      assert.equal((await get(tokenA, `/deleted?${qs(searchB)}`)).body.total, 0);
      assert.equal((await get(tokenB, '/vehicles/wants?search=bonly')).body.total, 1);
      assert.equal((await get(tokenA, '/vehicles/wants?search=bonly')).body.total, 0);
      assert.deepEqual((await request(tokenA, 'POST', '/vehicles/trade-in-matches', { make: 'Bonlymobile', model: 'Zed' })).body, []);
      assert.equal((await request(tokenB, 'POST', '/vehicles/trade-in-matches', { make: 'Bonlymobile', model: 'Zed' })).body.length, 1);
      assert.equal((await get(tokenA, '/deleted/restores?recordId=' + datasetB.restoreLog[0].recordId)).body.items.every((e) => datasetA.restoreLog.some((a) => a.id === e.id) || e.by === 'ann'), true);
      const reportA = (await get(tokenA, `/sources/report?${qs(YEAR)}`)).body;
      assert.ok(!JSON.stringify(reportA).includes('Bonly'), "tenant B's source is not in A's report");
      assert.ok(!(await get(tokenA, '/sources/categories')).body.some((c) => c.id === categoryB.id));

      // Cursors: B's cursor positions A's own list only.
      for (const [path, query] of [['/deleted', { ...YEAR, includeRestored: true }], ['/vehicles/wants', {}], ['/deleted/restores', {}]]) {
        const pageB = await get(tokenB, `${path}?${qs({ ...query, limit: 1 })}`);
        assert.ok(pageB.body.nextCursor, path);
        const pageA = await get(tokenA, `${path}?${qs({ ...query, limit: 1000, cursor: pageB.body.nextCursor })}`);
        assert.equal(pageA.status, 200, path);
        assert.ok(!pageA.body.items.some((x) => /only-b|Bonly/.test(JSON.stringify(x))), path);
      }

      // Writes at B's records from A: refused or not found, and B's records unchanged.
      const restore = await request(tokenA, 'POST', '/deleted/restore', { ids: [deletedB.id] }, 'cross-restore');
      assert.equal(restore.status, 200);
      assert.deepEqual(restore.body.restored, []);
      assert.equal(restore.body.failed[0].code, 'not-found');
      const follow = await request(tokenA, 'POST', `/vehicles/wants/${wantB.id}/follow-up`, { note: 'x', expectedVersion: wantB.version ?? 0 }, 'cross-follow');
      assert.equal(follow.status, 404);
      const source = await request(tokenA, 'PATCH', `/sources/${sourceB.id}`, { name: 'Taken', expectedVersion: sourceB.version }, 'cross-source');
      assert.equal(source.status, 404);
      const category = await request(tokenA, 'PUT', `/sources/categories/${categoryB.id}`, { name: 'Taken', expectedVersion: 1 }, 'cross-category');
      assert.equal(category.status, 404);
      const spend = await request(tokenA, 'PUT', '/sources/spend', { month: '2026-11', categoryId: 'internet', sourceId: sourceB.id, amount: 1 }, 'cross-spend');
      assert.equal(spend.status, 404);
      const rows = await server.db.tenantTransaction('tenant-b', async (q) => ({
        deleted: (await q(`SELECT doc FROM deleted_records WHERE id = $1`, [deletedB.id]))[0].doc,
        want: (await q(`SELECT doc FROM wants WHERE id = $1`, [wantB.id]))[0].doc,
        source: (await q(`SELECT doc FROM sources WHERE id = $1`, [sourceB.id]))[0].doc,
        category: (await q(`SELECT doc FROM source_categories WHERE id = $1`, [categoryB.id]))[0].doc,
        customer: await q(`SELECT 1 FROM customers WHERE id = $1`, [deletedB.customerId]),
      }));
      assert.equal(rows.deleted.restoredAt, null);
      assert.deepEqual(rows.want, wantB);
      assert.equal(rows.source.name, sourceB.name);
      assert.deepEqual(rows.category, categoryB);
      assert.deepEqual(rows.customer, []);
      // B's own answers still equal its memory adapter's.
      assert.deepEqual((await allPages(tokenB, '/vehicles/wants', {}, 7)).items, (await memoryB.vehicles.wants({ limit: 1000 })).items);
      assert.deepEqual((await allPages(tokenB, '/deleted', YEAR, 7)).items, (await memoryB.deleted.list({ ...YEAR, limit: 1000 })).items);
    });

    it('refuses bad input with a 4xx naming the field, never a 500', async () => {
      const cases = [
        [await get(tokenA, `/deleted?${qs({ ...YEAR, reason: 'boredom' })}`), 400, /reason/],
        [await get(tokenA, `/deleted?${qs({ from: '2026-02-30', to: TODAY })}`), 400, /from/],
        [await get(tokenA, `/deleted?${qs({ ...YEAR, includeRestored: 'maybe' })}`), 400, /includeRestored/],
        [await get(tokenA, `/deleted?${qs({ ...YEAR, cursor: 'not-a-cursor' })}`), 400, /cursor/],
        [await get(tokenA, `/deleted/restores?${qs({ cursor: Buffer.from('k1:["2026-01-01T00:00:00.000000Z","x"]').toString('base64url') })}`), 400, /cursor/],
        [await get(tokenA, '/vehicles/wants?limit=-1'), 400, /limit/],
        [await get(tokenA, `/sources/report?${qs({ from: TODAY, to: '2026-01-01' })}`), 400, /.+/],
        [await get(tokenA, '/sources/spend?from=2026-01-01'), 400, /to/],
        [await request(tokenA, 'POST', '/vehicles/trade-in-matches', { make: 'Ford', year: 'new' }), 422, /year/],
        [await request(tokenA, 'POST', '/vehicles/trade-in-matches', { model: 'F-150' }), 422, /make/],
        [await request(tokenA, 'POST', '/vehicles/trade-in-matches', { make: 'Ford', year: 1492 }), 400, /year/],
        [await request(tokenA, 'POST', '/deleted/restore', { ids: 'del-0001' }, 'bad-1'), 422, /ids/],
        [await request(tokenA, 'POST', '/deleted/restore', { ids: [] }, 'bad-2'), 400, /at least one/],
        [await request(tokenA, 'PUT', '/sources/spend', { month: '2026-13', categoryId: 'internet', sourceId: null, amount: 1 }, 'bad-3'), 422, /month/],
        [await request(tokenA, 'PUT', '/sources/spend', { month: '2026-11', categoryId: 'internet', sourceId: null, amount: -5 }, 'bad-4'), 422, /amount/],
        [await request(tokenA, 'PATCH', '/sources/src-001', { name: 'X' }, 'bad-5'), 422, /expectedVersion/],
        [await request(tokenA, 'POST', '/vehicles/wants/want-0001/follow-up', { note: 5, expectedVersion: 1 }, 'bad-6'), 422, /note/],
      ];
      for (const [answer, status, names] of cases) {
        assert.equal(answer.status, status, JSON.stringify(answer.body));
        assert.match(answer.body.message, names);
      }
      assert.deepEqual(failures, []);
    });
  });
}

recordsSuite('PGlite', async () => ({}));

// ── PostgreSQL, when it answers ──
const pg = await ownPostgresDatabase('forecourt_records');
if (pg) recordsSuite('PostgreSQL', async () => ({ databaseUrl: pg.url }), pg.drop);

describe('migrations', () => {
  it('apply in file-name order over a gap, and one numbered lower added later is applied at the next start', async () => {
    const db = await openPglite();
    try {
      const shuffled = [...MIGRATIONS].reverse();
      assert.deepEqual(await migrate(db, shuffled), MIGRATIONS.map((m) => m.name), 'in name order, whatever the list order');
      const late = { name: '004_zz_late.sql', sql: `CREATE TABLE late_rows (tenant_id text NOT NULL REFERENCES tenants, id text NOT NULL, PRIMARY KEY (tenant_id, id));\nSELECT forecourt_tenant_table('late_rows');` };
      assert.deepEqual(await migrate(db, [...MIGRATIONS, late]), ['004_zz_late.sql']);
      assert.deepEqual(await migrate(db, [...MIGRATIONS, late]), []);
      const [{ forced }] = await db.query(`SELECT relforcerowsecurity AS forced FROM pg_class WHERE relname = 'late_rows'`);
      assert.equal(forced, true);
    } finally {
      await db.close();
    }
  });
});
