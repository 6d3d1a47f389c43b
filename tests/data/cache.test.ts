import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { HttpResponse, http } from 'msw';
import type { PosSource } from '../../src/data/model.js';
import type { AdapterError } from '../../src/data/errors.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CacheChangeDetail, CachedAdapter, CacheOptions, OutboxChangeDetail } from '../../src/data/cache/with-cache.js';
import { dataset, dbName, nextEvent, startServer, uniqueUser, worker } from './cache-rig.js';
import type { Server } from './cache-rig.js';

const source0 = dataset.sources[0]!;

describe('withCache', () => {
  let server: Server;
  let who: { tenant: string; user: string };
  const open: CachedAdapter[] = [];
  const cache = (options: Partial<CacheOptions> = {}, inner = server.rest) => {
    const adapter = withCache(inner, { ...who, retry: { baseMs: 10, maxMs: 50 }, ...options });
    open.push(adapter);
    return adapter;
  };
  const serverSource = async (id = source0.id) => (await server.backend.sources!.list()).find((s) => s.id === id)!;

  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => worker.stop());
  beforeEach(() => {
    server = startServer();
    who = uniqueUser();
  });
  afterEach(async () => {
    for (const adapter of open.splice(0)) adapter.close();
    await deleteDB(await dbName(who));
  });

  describe('reads', () => {
    it('answers from the cache first, then tells when a background refresh found new data', async () => {
      let clock = 1_000_000;
      const first = cache({ now: () => clock });
      const fromNetwork = await first.sources!.list();
      expect(fromNetwork.find((s) => s.id === source0.id)!.name).to.equal(source0.name);
      first.close();

      // Someone else renames the source on the server; the next page starts from the cache.
      await server.backend.sources!.update({ id: source0.id, expectedVersion: source0.version, name: 'Renamed elsewhere' });
      const second = cache({ now: () => clock });
      const changed = nextEvent<CacheChangeDetail>(second, 'fc-cache-change');
      const cached = await second.sources!.list();
      expect(cached.find((s) => s.id === source0.id)!.name).to.equal(source0.name);
      expect(await changed).to.deep.equal({ domains: ['sources'], origin: 'revalidate' });
      expect((await second.sources!.list()).find((s) => s.id === source0.id)!.name).to.equal('Renamed elsewhere');

      // Refreshed in this session and younger than revalidateAfterMs: no request at all.
      const before = server.requests.length;
      await second.sources!.list();
      expect(server.requests.length).to.equal(before);

      // Older than revalidateAfterMs: refreshed again in the background.
      clock += 31_000;
      await server.backend.sources!.update({ id: source0.id, expectedVersion: source0.version + 1, name: 'Renamed again' });
      const again = nextEvent<CacheChangeDetail>(second, 'fc-cache-change');
      expect((await second.sources!.list()).find((s) => s.id === source0.id)!.name).to.equal('Renamed elsewhere');
      await again;
      expect((await second.sources!.list()).find((s) => s.id === source0.id)!.name).to.equal('Renamed again');
    });

    it('never serves a cached answer that is not what the method answers: it is dropped and read again', async () => {
      const first = cache();
      const served = await first.sources!.list();
      await first.customers!.board({ date: dataset.today });
      first.close();
      const name = await dbName(who);
      const db = await openDB(name);
      const keys = (await db.getAllKeys('reads')) as string[];
      const sourcesKey = keys.find((k) => k.startsWith('sources.list'))!;
      const boardKey = keys.find((k) => k.startsWith('customers.board'))!;
      // Fresh as far as its times go, and in the wrong shape: a number for a name, an object for a list.
      const later = Date.now() + 60_000;
      await db.put('reads', { key: sourcesKey, domain: 'sources', value: served.map((s, i) => (i === 0 ? { ...s, name: 42 } : s)), asOf: later, accessedAt: later });
      await db.put('reads', { key: boardKey, domain: 'customers', value: { rows: 'not a board' }, asOf: later, accessedAt: later });
      db.close();

      const second = cache();
      expect(await second.sources!.list()).to.deep.equal(served);
      expect(await second.customers!.board({ date: dataset.today })).to.deep.equal(await server.backend.customers!.board({ date: dataset.today }));
      const after = await openDB(name);
      const stored = await after.get('reads', sourcesKey);
      const board = await after.get('reads', boardKey);
      after.close();
      expect(stored.value).to.deep.equal(served);
      expect(Array.isArray(board.value)).to.equal(true);
    });

    it('rejects a read whose cached answer is malformed when the server is unreachable, rather than show it', async () => {
      const first = cache();
      const served = await first.sources!.categories();
      first.close();
      const name = await dbName(who);
      const db = await openDB(name);
      const key = ((await db.getAllKeys('reads')) as string[]).find((k) => k.startsWith('sources.categories'))!;
      await db.put('reads', { key, domain: 'sources', value: served.map((c) => ({ ...c, order: '1' })), asOf: 1, accessedAt: 1 });
      db.close();

      server.faults.offline = true;
      const second = cache();
      const failure = await second.sources!.categories().then(() => null, (e: AdapterError) => e);
      expect(failure?.kind).to.equal('network');
      const after = await openDB(name);
      expect(await after.get('reads', key)).to.equal(undefined);
      after.close();
    });

    it('caches each page as its own record and shares identical requests in flight', async () => {
      const adapter = cache();
      const [a, b] = await Promise.all([adapter.customers!.list({ limit: 5 }), adapter.customers!.list({ limit: 5 })]);
      expect(a).to.deep.equal(b);
      expect(server.requests.filter((r) => r === 'GET /customers')).to.have.length(1);
      const page2 = await adapter.customers!.list({ limit: 5, cursor: a.nextCursor });
      expect(page2.items[0]!.id).to.not.equal(a.items[0]!.id);

      const db = await openDB(await dbName(who));
      const keys = (await db.getAllKeys('reads')) as string[];
      db.close();
      expect(keys.filter((k) => k.startsWith('customers.list:'))).to.have.length(2);
    });

    it('keeps at most maxEntries reads, dropping the least recently read', async () => {
      let clock = 1_000_000;
      const options = { maxEntries: 3, revalidateAfterMs: 1e9, now: () => clock };
      const first = cache(options);
      for (const limit of [1, 2, 3, 4, 5]) await first.customers!.list({ limit });
      clock += 61_000;
      await first.customers!.list({ limit: 1 });
      await first.customers!.list({ limit: 2 });
      await first.sources!.categories();
      first.close();
      // Opening prunes to the 3 most recently read.
      const second = cache(options);
      await second.sources!.categories();

      const db = await openDB(await dbName(who));
      const keys = ((await db.getAllKeys('reads')) as string[]).sort();
      db.close();
      expect(keys).to.deep.equal(['customers.list:{"limit":1}', 'customers.list:{"limit":2}', 'sources.categories']);
    });

    it('rejects an aborted read with kind aborted and keeps the shared request for others', async () => {
      const adapter = cache();
      const controller = new AbortController();
      const aborted = adapter.sms!.list({ from: '2026-11-01', to: '2026-11-23', limit: 10 }, { signal: controller.signal });
      const kept = adapter.sms!.list({ from: '2026-11-01', to: '2026-11-23', limit: 10 });
      controller.abort();
      const error = (await aborted.then(() => null, (e: unknown) => e)) as AdapterError;
      expect(error.kind).to.equal('aborted');
      expect((await kept).items).to.have.length(10);
    });

    it('answers a fresh read (a Retry) with a request of its own, not the failing one still on its way', async () => {
      // The first request for the categories reaches a failing server and hangs there until released.
      let arrived!: () => void;
      const reached = new Promise<void>((resolve) => (arrived = resolve));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      worker.use(
        http.get(
          `${server.baseUrl}/sources/categories`,
          async () => {
            arrived();
            await held;
            return HttpResponse.json({ message: 'Service unavailable' }, { status: 503 });
          },
          { once: true },
        ),
      );
      const adapter = cache();
      const first = adapter.sources!.categories().then(
        () => null,
        (e: AdapterError) => e,
      );
      await reached;

      // Retry: the server answers now, while the first request is still on its way.
      const expected = await server.backend.sources!.categories();
      const retried = await adapter.sources!.categories({ fresh: true });
      expect(retried).to.deep.equal(expected);
      // A plain read meanwhile is answered from what the fresh read stored, not by the failing request.
      expect(await adapter.sources!.categories()).to.deep.equal(expected);

      release();
      expect((await first)?.kind).to.equal('server');
      // The failure stored nothing over the fresh answer.
      const db = await openDB(await dbName(who));
      expect((await db.get('reads', 'sources.categories'))?.value).to.deep.equal(expected);
      db.close();
    });

    it('gives a fresh view whose reads are fresh, and whose writes and preferences are the adapter\'s own', async () => {
      const adapter = cache();
      const view = adapter.fresh();
      expect(adapter.fresh()).to.equal(view);
      expect(view.preferences).to.equal(adapter.preferences);
      await adapter.sources!.list();
      const before = server.requests.length;
      // A cached answer would need no request: the view's read asks the server.
      await view.sources!.list();
      expect(server.requests.length).to.equal(before + 1);
      expect(view.sources!.update).to.equal(adapter.sources!.update);
    });

    it('leaves a domain missing when the wrapped adapter lacks it', () => {
      const adapter = cache({}, { sources: server.rest.sources! });
      expect(adapter.sources).to.be.an('object');
      expect('sms' in adapter).to.equal(false);
      expect(adapter.customers).to.equal(undefined);
    });
  });

  describe('writes', () => {
    it('keeps a write made offline pending, then confirms it when the browser comes back online', async () => {
      const adapter = cache();
      server.faults.offline = true;
      const failedOnce = nextEvent<OutboxChangeDetail>(adapter, 'fc-outbox-change', ({ entries }) =>
        entries.some((e) => e.status === 'pending' && e.error?.kind === 'network'),
      );
      const saved = adapter.sources!.update({ id: source0.id, expectedVersion: source0.version, name: 'Typed offline' });
      const { entries } = await failedOnce;
      expect(entries).to.have.length(1);
      expect(entries[0]).to.include({ domain: 'sources', method: 'update', status: 'pending' });
      expect((await serverSource()).name).to.equal(source0.name);

      server.faults.offline = false;
      const changed = nextEvent<CacheChangeDetail>(adapter, 'fc-cache-change');
      window.dispatchEvent(new Event('online'));
      const result = await saved;
      expect(result).to.include({ id: source0.id, name: 'Typed offline', version: source0.version + 1 });
      expect(await changed).to.deep.equal({ domains: ['sources', 'customers'], origin: 'local' });
      expect((await serverSource()).name).to.equal('Typed offline');
      expect(await adapter.outbox.list()).to.deep.equal([]);
      expect([...server.applied.values()]).to.deep.equal([1]);
    });

    it('surfaces a 409 to the caller, parks it and never resends it on its own', async () => {
      const adapter = cache();
      const error = (await adapter.sources!
        .update({ id: source0.id, expectedVersion: source0.version - 1, name: 'Stale' })
        .then(() => null, (e: unknown) => e)) as AdapterError;
      expect(error).to.include({ name: 'AdapterError', kind: 'conflict', status: 409 });
      expect((error.body as { current: PosSource }).current.version).to.equal(source0.version);

      const [entry] = await adapter.outbox.list();
      expect(entry).to.include({ status: 'conflict', attempts: 1 });
      await adapter.outbox.flush();
      expect(server.requests.filter((r) => r.startsWith('PATCH'))).to.have.length(1);

      await adapter.outbox.retry(entry!.key);
      expect(server.requests.filter((r) => r.startsWith('PATCH'))).to.have.length(2);
      expect((await adapter.outbox.list())[0]).to.include({ status: 'conflict', attempts: 2 });
      await adapter.outbox.discard(entry!.key);
      expect(await adapter.outbox.list()).to.deep.equal([]);
      expect((await serverSource()).name).to.equal(source0.name);
    });

    it('marks a write failed after maxAttempts, and sends it again on retry()', async () => {
      const adapter = cache({ retry: { baseMs: 1, maxMs: 5, maxAttempts: 2 } });
      server.faults.failing = true;
      const error = (await adapter.sources!
        .update({ id: source0.id, expectedVersion: source0.version, name: 'After the outage' })
        .then(() => null, (e: unknown) => e)) as AdapterError;
      expect(error).to.include({ kind: 'server', status: 503 });
      const [entry] = await adapter.outbox.list();
      expect(entry).to.include({ status: 'failed', attempts: 2 });

      server.faults.failing = false;
      const confirmed = nextEvent<OutboxChangeDetail>(adapter, 'fc-outbox-change', ({ entries }) => entries.length === 0);
      await adapter.outbox.retry(entry!.key);
      await confirmed;
      expect((await serverSource()).name).to.equal('After the outage');
      expect(server.applied.get(entry!.key)).to.equal(1);
    });

    it('refreshes reads a confirmed write may have changed', async () => {
      const adapter = cache();
      const before = await adapter.sources!.list();
      expect(before.find((s) => s.id === source0.id)!.name).to.equal(source0.name);
      await adapter.sources!.update({ id: source0.id, expectedVersion: source0.version, name: 'After the write' });
      const after = await adapter.sources!.list();
      expect(after.find((s) => s.id === source0.id)!.name).to.equal('After the write');
    });

    it('serves the last cached answer, with the confirmed write applied, when a write made it stale and the server is unreachable', async () => {
      const adapter = cache();
      await adapter.sources!.list();
      const other = (await adapter.sources!.list()).find((s) => s.id !== source0.id)!;
      await adapter.sources!.update({ id: source0.id, expectedVersion: source0.version, name: 'Saved' });
      server.faults.offline = true;
      const list = await adapter.sources!.list();
      expect(list.find((s) => s.id === source0.id)).to.include({ name: 'Saved', version: source0.version + 1 });
      expect(list.find((s) => s.id === other.id)).to.deep.equal(other);
    });

    it('resends what a closed page left pending, under the same key, when the next page opens', async () => {
      const page1 = cache();
      server.faults.offline = true;
      const failed = nextEvent<OutboxChangeDetail>(page1, 'fc-outbox-change', ({ entries }) => entries.some((e) => e.error));
      void page1.sources!.update({ id: source0.id, expectedVersion: source0.version, name: 'Before reload' });
      const [pending] = (await failed).entries;
      page1.close();

      server.faults.offline = false;
      const page2 = cache();
      const drained = nextEvent<OutboxChangeDetail>(page2, 'fc-outbox-change', ({ entries }) => entries.length === 0);
      const changed = nextEvent<CacheChangeDetail>(page2, 'fc-cache-change');
      await drained;
      expect((await changed).origin).to.equal('local');
      expect((await serverSource()).name).to.equal('Before reload');
      expect(server.applied.get(pending!.key)).to.equal(1);
    });
  });

  describe('two tabs', () => {
    it('tells the other tab about a confirmed write and settles a write made in either tab', async () => {
      const tabA = cache();
      const tabB = cache();
      await tabB.sources!.list();
      const remote = nextEvent<CacheChangeDetail>(tabB, 'fc-cache-change', (d) => d.origin === 'remote');
      const fromA = await tabA.sources!.update({ id: source0.id, expectedVersion: source0.version, name: 'From tab A' });
      expect(fromA.name).to.equal('From tab A');
      expect((await remote).domains).to.include('sources');
      expect((await tabB.sources!.list()).find((s) => s.id === source0.id)!.name).to.equal('From tab A');

      const source1 = dataset.sources[1]!;
      const [b1, a1] = await Promise.all([
        tabB.sources!.update({ id: source1.id, expectedVersion: source1.version, name: 'B first' }),
        tabA.sources!.update({ id: source0.id, expectedVersion: source0.version + 1, name: 'A second' }),
      ]);
      expect(b1.name).to.equal('B first');
      expect(a1.name).to.equal('A second');
      expect([...server.applied.values()]).to.deep.equal([1, 1, 1]);
    });

    it('clearCache() deletes the database while another tab holds it open, drops unsent writes, and both keep working', async () => {
      const tabA = cache();
      const tabB = cache();
      await tabA.sources!.list();
      await tabB.customers!.list({ limit: 3 });
      server.faults.offline = true;
      const queued = nextEvent<OutboxChangeDetail>(tabB, 'fc-outbox-change', ({ entries }) => entries.some((e) => e.error));
      const unsent = tabB.sources!.update({ id: source0.id, expectedVersion: source0.version, name: 'Unsent' }).then(
        () => null,
        (e: unknown) => e as AdapterError,
      );
      await queued;
      const emptied = nextEvent<OutboxChangeDetail>(tabB, 'fc-outbox-change', ({ entries }) => entries.length === 0);

      await tabA.clearCache();
      // The caller in the other tab is told, and that tab no longer lists the write as pending.
      expect(await unsent).to.include({ kind: 'aborted' });
      expect((await unsent)!.message).to.contain('cleared');
      await emptied;
      expect(await tabB.outbox.list()).to.deep.equal([]);
      const name = await dbName(who);
      if ((await indexedDB.databases()).some((d) => d.name === name)) {
        const db = await openDB(await dbName(who));
        expect(await db.count('reads')).to.equal(0);
        expect(await db.count('outbox')).to.equal(0);
        db.close();
      }

      server.faults.offline = false;
      const before = server.requests.filter((r) => r === 'GET /customers').length;
      await tabB.customers!.list({ limit: 3 });
      expect(server.requests.filter((r) => r === 'GET /customers').length).to.equal(before + 1);
      await tabA.outbox.flush();
      await tabB.outbox.flush();
      expect((await serverSource()).name).to.equal(source0.name);
      expect(server.applied.size).to.equal(0);
      const saved = await tabA.sources!.update({ id: source0.id, expectedVersion: source0.version, name: 'After the clear' });
      expect(saved.name).to.equal('After the clear');
    });
  });

  describe('without IndexedDB', () => {
    it('falls back to network-only reads and an in-memory outbox, and says so once', async () => {
      const warnings: unknown[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args[0]);
      try {
        const adapter = cache({ indexedDB: null });
        const fallbacks: string[] = [];
        adapter.addEventListener('fc-storage-fallback', (e) => fallbacks.push(e.detail.reason));
        await adapter.sources!.list();
        await adapter.sources!.list();
        expect(server.requests.filter((r) => r === 'GET /sources')).to.have.length(2);
        const saved = await adapter.sources!.update({ id: source0.id, expectedVersion: source0.version, name: 'In memory' });
        expect(saved.name).to.equal('In memory');
        expect(adapter.storage).to.equal('memory');
        expect(fallbacks).to.have.length(1);
        expect(fallbacks[0]).to.match(/IndexedDB is not available/);
        expect(warnings.filter((w) => String(w).startsWith('Forecourt:'))).to.have.length(1);
      } finally {
        console.warn = warn;
      }
    });

    it('falls back when the database cannot be opened (left at a newer version)', async () => {
      const newer = await openDB(await dbName(who), 7);
      newer.close();
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        const adapter = cache();
        const fallback = nextEvent<{ reason: string }>(adapter, 'fc-storage-fallback');
        expect((await adapter.sources!.list()).length).to.equal(dataset.sources.length);
        expect((await fallback).reason).to.match(/VersionError/);
        expect(adapter.storage).to.equal('memory');
      } finally {
        console.warn = warn;
      }
    });
  });
});
