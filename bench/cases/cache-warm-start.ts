/**
 * Cache warm start: a widget on a fresh page load, server unreachable, asks for the first page of
 * the SMS history; 10,000 rows were cached by an earlier visit. Only IndexedDB can answer.
 *
 * Setup views the history the way the SMS table does: 100 pages of 100 (the contract's default
 * page size, what a virtualized table asks for while scrolling), all through the cache, so it is
 * filled by viewing and not by a bulk import. The same rows are also written once to a plain
 * object store keyed by [sentAt, id] for the raw IndexedDB peers: all 10,000 rows of the range
 * with `getAll` (what the issue names), and the newest 100 (what the widget gets) with a cursor
 * and with `getAllRecords({ direction: 'prev', count })`, IndexedDB's fastest way to the newest N.
 */
import { openDB, unwrap } from 'idb';
import type { DBSchema } from 'idb';
import { withCache } from '../../src/data/cache/with-cache.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { SmsListQuery } from '../../src/data/adapter.js';
import type { SmsMessage } from '../../src/data/model.js';
import { API_BASE, startApi } from '../lib/api.js';
import { check, elapsed } from '../lib/case.js';
import type { BenchCase } from '../lib/case.js';

const ROWS = 10_000;
const PAGE = 100;
const SCOPE = { tenant: 'bench', user: 'u' };
const PEER_DB = 'bench-peer-sms';
const QUERY_KEY = 'bench:cache-warm-start:query';

interface PeerSchema extends DBSchema {
  sms: { key: [string, string]; value: SmsMessage };
}

/** A fixed "as of" day keeps the rows the same from run to run. */
const dataset = () => generateDataset({ size: 'bench', today: '2026-06-30', smsCount: ROWS, trafficCount: 1000 });

/** The first-page query setup used, so the measured read asks for exactly what is cached. */
function savedQuery(): SmsListQuery {
  const saved = localStorage.getItem(QUERY_KEY);
  check(saved, 'cache-warm-start: setup did not run');
  return JSON.parse(saved) as SmsListQuery;
}

function openPeer() {
  return openDB<PeerSchema>(PEER_DB, 1, {
    upgrade(db) {
      db.createObjectStore('sms', { keyPath: ['sentAt', 'id'] });
    },
  });
}

/** `getAllRecords` (Chromium 141+) is newer than TypeScript's DOM types. */
interface GetAllRecordsStore {
  getAllRecords(options: { query?: IDBKeyRange; count?: number; direction?: IDBCursorDirection }): IDBRequest<{ value: SmsMessage }[]>;
}

/** Every row of the range, newest `sentAt` included: `[from]` sorts before any `[from…, id]`. */
function peerRange({ from, to }: SmsListQuery) {
  return IDBKeyRange.bound([from], [`${to}\uffff`]);
}

export const cacheWarmStart: BenchCase = {
  name: 'cache-warm-start',
  description:
    'fresh page load, API offline: withCache(createRestAdapter()) to the first 100 of 10,000 cached SMS rows (filled by viewing 100 pages of 100)',
  async setup() {
    const data = dataset();
    check(data.sms.length === ROWS, `dataset holds ${data.sms.length} SMS rows, expected ${ROWS}`);
    const days = data.sms.map((m) => m.sentAt.slice(0, 10)).sort();
    const query: SmsListQuery = { from: days[0]!, to: days[days.length - 1]!, limit: PAGE };

    const api = await startApi(data);
    const cached = withCache(createRestAdapter({ baseUrl: API_BASE }), SCOPE);
    check(cached.storage === 'indexeddb', 'the cache fell back to memory');
    let cursor: string | null = null;
    let viewed = 0;
    do {
      // The first page is asked without a cursor, as the widget asks it: it is the record the measured read finds.
      const page = await cached.sms!.list(cursor ? { ...query, cursor } : query);
      viewed += page.items.length;
      cursor = page.nextCursor;
    } while (cursor);
    check(viewed === ROWS, `viewing the history returned ${viewed} rows, expected ${ROWS}`);
    cached.close();
    api.stop();

    const db = await openPeer();
    const tx = db.transaction('sms', 'readwrite');
    await Promise.all([...data.sms.map((m) => tx.store.put(m)), tx.done]);
    db.close();
    localStorage.setItem(QUERY_KEY, JSON.stringify(query));
  },
  async ours() {
    const query = savedQuery();
    // The handlers still run in the worker: offline, every request is a network error.
    await startApi(generateDataset({ size: 'small' }), { offline: true });
    let rows = 0;
    const ms = await elapsed(async () => {
      const cached = withCache(createRestAdapter({ baseUrl: API_BASE }), SCOPE);
      rows = (await cached.sms!.list(query)).items.length;
    });
    check(rows === PAGE, `first page from the cache held ${rows} rows, expected ${PAGE}`);
    return ms;
  },
  peers: {
    async 'idb getAll, all 10,000 rows of the range'() {
      const query = savedQuery();
      let rows = 0;
      let db: Awaited<ReturnType<typeof openPeer>> | undefined;
      const ms = await elapsed(async () => {
        db = await openPeer();
        rows = (await db.getAll('sms', peerRange(query))).length;
      });
      db?.close();
      check(rows === ROWS, `idb getAll read ${rows} rows, expected ${ROWS}`);
      return ms;
    },
    async 'idb cursor, newest 100 rows'() {
      const query = savedQuery();
      const rows: SmsMessage[] = [];
      let db: Awaited<ReturnType<typeof openPeer>> | undefined;
      const ms = await elapsed(async () => {
        db = await openPeer();
        let cursor = await db.transaction('sms').store.openCursor(peerRange(query), 'prev');
        while (cursor && rows.length < PAGE) {
          rows.push(cursor.value);
          cursor = rows.length < PAGE ? await cursor.continue() : null;
        }
      });
      db?.close();
      check(rows.length === PAGE, `idb cursor read ${rows.length} rows, expected ${PAGE}`);
      return ms;
    },
    async 'IndexedDB getAllRecords, newest 100 rows'() {
      const query = savedQuery();
      let rows = 0;
      let db: Awaited<ReturnType<typeof openPeer>> | undefined;
      const ms = await elapsed(async () => {
        db = await openPeer();
        const store = unwrap(db.transaction('sms').store) as unknown as GetAllRecordsStore;
        const request = store.getAllRecords({ query: peerRange(query), count: PAGE, direction: 'prev' });
        rows = await new Promise<number>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result.length);
          request.onerror = () => reject(request.error);
        });
      });
      db?.close();
      check(rows === PAGE, `getAllRecords read ${rows} rows, expected ${PAGE}`);
      return ms;
    },
  },
};
