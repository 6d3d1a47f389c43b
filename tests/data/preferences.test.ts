import { expect, waitUntil } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import { cacheDatabaseName } from '../../src/data/cache/storage.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter, CacheOptions } from '../../src/data/cache/with-cache.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';

let seq = 0;
const identity = () => ({ tenant: `prefs-test-${Date.now()}-${++seq}`, user: 'ana' });
const dbName = ({ tenant, user }: { tenant: string; user: string }) => cacheDatabaseName(tenant, user);

/** One store of a database, read back as it is on the device. */
async function raw(name: string | Promise<string>, store: string): Promise<Record<string, unknown>> {
  const db = await openDB(await name);
  try {
    if (!db.objectStoreNames.contains(store)) return {};
    const tx = db.transaction(store);
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    return Object.fromEntries(keys.map((k, i) => [String(k), values[i]]));
  } finally {
    db.close();
  }
}

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);

describe('preferences', () => {
  const opened: { adapter: CachedAdapter; name: Promise<string> }[] = [];
  /** A cache over an adapter with no domains: preferences need no server. */
  const cache = (who: { tenant: string; user: string }, options: Partial<CacheOptions> = {}) => {
    const adapter = withCache({}, { ...who, ...options });
    opened.push({ adapter, name: dbName(who) });
    return adapter;
  };
  afterEach(async () => {
    for (const { adapter, name } of opened.splice(0)) {
      adapter.close();
      await deleteDB(await name);
    }
  });

  describe('in the cache', () => {
    it('sets, gets and deletes values in the user\'s own cache database', async () => {
      const who = identity();
      const prefs = cache(who).preferences;
      expect(await prefs.get('mapping-warning.dismissed')).to.equal(undefined);
      await prefs.set('mapping-warning.dismissed', true);
      await prefs.set('report.range', { from: '2026-01-01', to: '2026-01-31' });
      expect(await raw(dbName(who), 'prefs')).to.deep.equal({
        'mapping-warning.dismissed': true,
        'report.range': { from: '2026-01-01', to: '2026-01-31' },
      });

      // The next visit reads them back.
      const again = cache(who).preferences;
      expect(await again.get('mapping-warning.dismissed')).to.equal(true);
      expect(await again.get('report.range')).to.deep.equal({ from: '2026-01-01', to: '2026-01-31' });
      await again.delete('mapping-warning.dismissed');
      expect(await prefs.get('mapping-warning.dismissed')).to.equal(undefined);
      expect(await raw(dbName(who), 'prefs')).to.deep.equal({ 'report.range': { from: '2026-01-01', to: '2026-01-31' } });
    });

    it('keeps each user and each shop apart', async () => {
      const who = identity();
      const ana = cache(who).preferences;
      const ben = cache({ ...who, user: 'ben' }).preferences;
      const anaElsewhere = cache({ ...who, tenant: `${who.tenant}-2` }).preferences;
      await ana.set('x', 1);
      await ben.set('x', 2);
      expect(await ana.get('x')).to.equal(1);
      expect(await ben.get('x')).to.equal(2);
      expect(await anaElsewhere.get('x')).to.equal(undefined);
    });

    it('a read sees the writes made before it, without waiting for them', async () => {
      const prefs = cache(identity()).preferences;
      void prefs.set('seen', 'yes');
      expect(await prefs.get('seen')).to.equal('yes');
      void prefs.delete('seen');
      expect(await prefs.get('seen')).to.equal(undefined);
    });

    it('clearCache() removes them with the rest of the user\'s data', async () => {
      const who = identity();
      const adapter = cache(who);
      await adapter.preferences.set('mapping-warning.dismissed', true);
      await adapter.clearCache();
      expect(await adapter.preferences.get('mapping-warning.dismissed')).to.equal(undefined);
      expect(await databaseNames()).to.not.include(await dbName(who));
      expect(await cache(who).preferences.get('mapping-warning.dismissed')).to.equal(undefined);
    });

    it('without IndexedDB, keeps them in memory for the page and never throws', async () => {
      const who = identity();
      const warn = console.warn;
      console.warn = () => undefined;
      try {
        const adapter = cache(who, { indexedDB: null });
        await adapter.preferences.set('mapping-warning.dismissed', true);
        expect(await adapter.preferences.get('mapping-warning.dismissed')).to.equal(true);
        expect(adapter.storage).to.equal('memory');
        expect(await databaseNames()).to.not.include(await dbName(who));
        await adapter.preferences.delete('mapping-warning.dismissed');
        expect(await adapter.preferences.get('mapping-warning.dismissed')).to.equal(undefined);
        await adapter.preferences.set('a', 1);
        await adapter.clearCache();
        expect(await adapter.preferences.get('a')).to.equal(undefined);
      } finally {
        console.warn = warn;
      }
    });

    it('keeps a value IndexedDB cannot store for the page, instead of throwing', async () => {
      const who = identity();
      const adapter = cache(who);
      const fn = () => 1;
      await adapter.preferences.set('not-cloneable', fn);
      expect(await adapter.preferences.get('not-cloneable')).to.equal(fn);
      await adapter.preferences.set('stored', true);
      expect(await raw(dbName(who), 'prefs')).to.deep.equal({ stored: true });
      expect(adapter.storage).to.equal('indexeddb');
    });

    it('upgrades a database of the previous version, keeping what it held', async () => {
      const who = identity();
      const v1 = await openDB(await dbName(who), 1, {
        upgrade(db) {
          db.createObjectStore('reads', { keyPath: 'key' }).createIndex('accessedAt', 'accessedAt');
          db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('key', 'key', { unique: true });
          db.createObjectStore('meta');
        },
      });
      await v1.put('meta', 1234, 'invalidated:sources');
      v1.close();

      const adapter = cache(who);
      await adapter.preferences.set('mapping-warning.dismissed', true);
      expect(await raw(dbName(who), 'meta')).to.deep.equal({ 'invalidated:sources': 1234 });
      expect(await raw(dbName(who), 'prefs')).to.deep.equal({ 'mapping-warning.dismissed': true });
      expect(await adapter.outbox.list()).to.deep.equal([]);
    });

    it('deletes the device-wide preference database of earlier versions, which no clearCache() reached', async () => {
      const legacy = await openDB('forecourt-prefs', 1, {
        upgrade(db) {
          db.createObjectStore('prefs');
        },
      });
      await legacy.put('prefs', true, 'shop-1:ana:mapping-warning.dismissed');
      legacy.close();
      expect(await databaseNames()).to.include('forecourt-prefs');

      await cache(identity()).preferences.get('mapping-warning.dismissed');
      await waitUntil(async () => !(await databaseNames()).includes('forecourt-prefs'), 'the old database is still there');
    });
  });

  describe('in the memory adapter', () => {
    it('keeps them as long as the adapter lives, cloned in and out', async () => {
      const prefs = createMemoryAdapter(generateDataset({ size: 'small', seed: 1 })).preferences!;
      const range = { from: '2026-01-01', to: '2026-01-31' };
      await prefs.set('report.range', range);
      range.to = '2026-12-31';
      const read = await prefs.get<typeof range>('report.range');
      expect(read).to.deep.equal({ from: '2026-01-01', to: '2026-01-31' });
      read!.from = 'changed';
      expect(await prefs.get('report.range')).to.deep.equal({ from: '2026-01-01', to: '2026-01-31' });
      await prefs.delete('report.range');
      expect(await prefs.get('report.range')).to.equal(undefined);
      expect(await createMemoryAdapter(generateDataset({ size: 'small', seed: 1 })).preferences!.get('report.range')).to.equal(undefined);
    });
  });
});
