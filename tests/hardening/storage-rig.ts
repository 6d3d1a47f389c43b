/**
 * What the privacy and storage-failure tests stand on: a dataset whose personal data carries
 * markers (names, phone numbers, message bodies), a reader of everything the page's origin keeps
 * (every store of every IndexedDB database, localStorage, sessionStorage), a "second tab" holding
 * a database open, and switches that make IndexedDB fail the way browsers do.
 */
import { http, HttpResponse } from 'msw';
import { cacheDatabaseName } from '../../src/data/cache/storage.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { Dataset, SmsMessage } from '../../src/data/model.js';
import { useHandlers } from '../components/rig.js';

/** In every personal string of `markedDataset()`: names and bodies carry the words, phones the digits. */
export const PERSONAL = /Zqname|Zqbody|Zqpending|1999555/;

const pad = (n: number) => String(n % 10_000).padStart(4, '0');
/** A marked E.164 number. */
export const markedPhone = (n: number) => `+1999555${pad(n)}`;

/**
 * The small seeded dataset with every customer's name, phone and e-mail, every SMS body and
 * customer-side number, and the names in leads, deleted records and vehicle wants replaced by
 * marked ones.
 */
export function markedDataset(): Dataset {
  const data = generateDataset({ size: 'small' });
  const names = new Map<string, string>();
  const phones = new Map<string, string>();
  data.customers = data.customers.map((c, i) => {
    names.set(c.id, `Zqname${i}a Zqname${i}b`);
    phones.set(c.id, markedPhone(i));
    return { ...c, firstName: `Zqname${i}a`, lastName: `Zqname${i}b`, phone: markedPhone(i), email: `zqname${i}@example.test` };
  });
  const nameOf = (id: string | null, fallback: string) => (id && names.get(id)) || fallback;
  data.board = data.board.map((b) => ({ ...b, customerName: nameOf(b.customerId, b.customerName) }));
  data.sms = data.sms.map((m, i) => {
    const phone = (m.customerId && phones.get(m.customerId)) || markedPhone(5000 + i);
    const customerSide = m.direction === 'inbound' ? { from: phone } : { to: phone };
    return { ...m, ...customerSide, body: `Zqbody ${i}: ${m.body}`, customerName: m.customerName === null ? null : nameOf(m.customerId, `Zqname sms ${i}`) };
  });
  data.leads = data.leads.map((l, i) => ({ ...l, customerName: `Zqname lead ${i}`, phone: l.phone === null ? null : markedPhone(7000 + i), email: null }));
  data.deleted = data.deleted.map((d, i) => ({
    ...d,
    customerName: nameOf(d.customerId, `Zqname deleted ${i}`),
    mergedIntoName: d.mergedIntoName === null ? null : nameOf(d.mergedIntoId, `Zqname merged ${i}`),
    fields: Object.fromEntries(Object.keys(d.fields).map((k) => [k, `Zqname ${k} ${i}`])),
  }));
  data.wants = data.wants.map((w) => ({ ...w, customerName: nameOf(w.customerId, w.customerName) }));
  return data;
}

/** A message for `sms.import` made by the test user, marked as theirs. */
export function pendingMessage(tag: string, dataset: Dataset): SmsMessage {
  const base = dataset.sms[0]!;
  return {
    ...base,
    id: `zq-${tag}-${crypto.randomUUID().slice(0, 8)}`,
    direction: 'inbound',
    from: markedPhone(9999),
    body: `Zqpending ${tag}: please call me back`,
    status: 'received',
    errorCode: null,
    customerName: `Zqpending ${tag}`,
  };
}

export interface StoredCopy {
  /** `database/store`, `localStorage/key` or `sessionStorage/key`. */
  where: string;
  /** The keys and values, as JSON. */
  text: string;
}

/** Opens a database that exists, without creating one that was deleted meanwhile; null if gone. */
function openExisting(name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.transaction!.abort();
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => resolve(null);
  });
}

function read<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Reads every store of an open connection. */
export async function storesOf(db: IDBDatabase): Promise<StoredCopy[]> {
  const copies: StoredCopy[] = [];
  for (const store of db.objectStoreNames) {
    const tx = db.transaction(store);
    const [keys, values] = await Promise.all([read(tx.objectStore(store).getAllKeys()), read(tx.objectStore(store).getAll())]);
    copies.push({ where: `${db.name}/${store}`, text: JSON.stringify({ keys, values }) });
  }
  return copies;
}

/**
 * Every store of a database that exists, or null when there is none. A connection closed under
 * the reader (a deletion in progress) is opened again.
 */
async function readDatabase(name: string): Promise<StoredCopy[] | null> {
  for (let attempt = 0; ; attempt++) {
    const db = await openExisting(name);
    if (!db) return null;
    try {
      return await storesOf(db);
    } catch (error) {
      if (attempt > 10 || (error as DOMException).name !== 'InvalidStateError') throw error;
    } finally {
      db.close();
    }
  }
}

/** Everything the origin keeps: every store of every IndexedDB database, and both web storages. */
export async function everythingStored(): Promise<StoredCopy[]> {
  const copies: StoredCopy[] = [];
  for (const { name } of await indexedDB.databases()) copies.push(...((name && (await readDatabase(name))) || []));
  for (const [label, storage] of [
    ['localStorage', localStorage],
    ['sessionStorage', sessionStorage],
  ] as const) {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)!;
      copies.push({ where: `${label}/${key}`, text: `${key} ${storage.getItem(key)}` });
    }
  }
  return copies;
}

/** Where `pattern` occurs in what is stored, as `where: …match…`. */
export function occurrences(copies: readonly StoredCopy[], pattern: RegExp): string[] {
  return copies.flatMap(({ where, text }) => {
    const at = text.search(pattern);
    return at < 0 ? [] : [`${where}: …${text.slice(Math.max(0, at - 30), at + 40)}…`];
  });
}

/** Whether a database of that name exists with anything in it. */
export async function holdsData(name: string): Promise<boolean> {
  if (!(await indexedDB.databases()).some((d) => d.name === name)) return false;
  return ((await readDatabase(name)) ?? []).some(({ text }) => text !== '{"keys":[],"values":[]}');
}

/**
 * Another tab's connection to a database: open until closed, or, with `yields`, until a
 * deletion or upgrade asks it to close (as a well-behaved tab does).
 */
export async function holdOpen(name: string, { yields }: { yields: boolean }): Promise<{ db: IDBDatabase; asked: () => boolean }> {
  let asked = false;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  db.onversionchange = () => {
    asked = true;
    if (yields) db.close();
  };
  return { db, asked: () => asked };
}

/** Deletes every database of the suite (cache and preferences); a blocked deletion is left to finish later. */
export async function deleteForecourtDatabases(): Promise<void> {
  const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('forecourt'));
  await Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = request.onerror = request.onblocked = () => resolve();
        }),
    ),
  );
}

/** The database `withCache` uses for a tenant and user (a hash of both). */
export const cacheDbName = (tenant: string, user: string): Promise<string> => cacheDatabaseName(tenant, user);

/** Requests to the API, seen before the demo server answers; writes can be made to fail as if offline. */
export interface ApiTap {
  /** `METHOD /path` of every request, with its Authorization header when it had one. */
  requests: { line: string; authorization: string | null }[];
  /** While true, every write fails as a network error (reads still work). */
  writesDown: boolean;
}

/** Puts a tap in front of the demo server at `baseUrl` (until the next `startDemoServer`). */
export function tapApi(baseUrl: string): ApiTap {
  const tap: ApiTap = { requests: [], writesDown: false };
  useHandlers(
    http.all(`${baseUrl}/*`, ({ request }) => {
      const path = new URL(request.url).pathname.slice(baseUrl.length);
      tap.requests.push({ line: `${request.method} ${path}`, authorization: request.headers.get('authorization') });
      if (tap.writesDown && request.method !== 'GET') return HttpResponse.error();
      return undefined;
    }),
  );
  return tap;
}

/** Collects `console.warn` calls that start with `prefix` while `work` runs. */
export async function warningsDuring<T>(prefix: string, work: () => Promise<T>): Promise<{ result: T; warnings: string[] }> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (line.startsWith(prefix)) warnings.push(line);
    else original(...args);
  };
  try {
    return { result: await work(), warnings };
  } finally {
    console.warn = original;
  }
}
