/**
 * Small per-user settings a widget remembers between visits ("don't show again"), in their own
 * IndexedDB database shared by every tenant and user on the device, each value keyed
 * `${tenant}:${user}:${name}`. When IndexedDB is missing or fails, values live in memory for the
 * rest of the page; no method here throws.
 */
import { openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';

/** The database holding every preference. */
export const PREFERENCES_DB = 'forecourt-prefs';
const STORE = 'prefs';

interface Schema extends DBSchema {
  prefs: { key: string; value: unknown };
}

export interface PreferenceOptions {
  /** The shop or dealership. */
  tenant: string;
  /** The signed-in user. */
  user: string;
  /** `null` keeps the values in memory for the page only, as in a browser without IndexedDB. */
  indexedDB?: null;
}

export interface PreferenceStore {
  /** 'indexeddb', or 'memory' when IndexedDB is unavailable or has failed. */
  readonly storage: 'indexeddb' | 'memory';
  /** The value stored under `name`, or undefined. */
  get<T = unknown>(name: string): Promise<T | undefined>;
  /** Stores a structured-cloneable value under `name`. */
  set(name: string, value: unknown): Promise<void>;
  delete(name: string): Promise<void>;
  /** Deletes every preference of this tenant and user. */
  clear(): Promise<void>;
}

/**
 * The key of one preference. Each part is URI-encoded, so a `:` inside a tenant or user name
 * cannot make two identities share a key.
 * @example preferenceKey('shop-1', 'ana', 'mapping-warning.dismissed') // "shop-1:ana:mapping-warning.dismissed"
 */
export function preferenceKey(tenant: string, user: string, name: string): string {
  return [tenant, user, name].map((part) => encodeURIComponent(part)).join(':');
}

// One connection and one memory mirror per page: every store and widget instance sees the same
// values, and a read waits for the writes made before it.
let connection: Promise<IDBPDatabase<Schema>> | null = null;
let unavailable = false;
const memory = new Map<string, unknown>();
let queue: Promise<unknown> = Promise.resolve();

function connect(): Promise<IDBPDatabase<Schema>> {
  connection ??= openDB<Schema>(PREFERENCES_DB, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
    // Another tab deletes or upgrades the database: step aside and reconnect on the next call.
    blocking() {
      void connection?.then((db) => db.close());
      connection = null;
    },
    terminated() {
      connection = null;
    },
  });
  const attempt = connection;
  attempt.catch(() => {
    if (connection === attempt) connection = null;
  });
  return attempt;
}

/** Runs one operation after the ones before it, so a read sees every earlier write. */
function serial<T>(op: () => Promise<T>): Promise<T> {
  const next = queue.then(op, op);
  queue = next.catch(() => undefined);
  return next;
}

/**
 * A preference store for one tenant and user.
 * @param options Who the preferences belong to; `indexedDB: null` keeps them in memory.
 * @returns The store; its methods never throw or reject.
 * @example await preferenceStore({ tenant: 'shop-1', user: 'ana' }).set('mapping-warning.dismissed', true);
 */
export function preferenceStore(options: PreferenceOptions): PreferenceStore {
  const key = (name: string) => preferenceKey(options.tenant, options.user, name);
  const prefix = preferenceKey(options.tenant, options.user, '');
  let inMemory = options.indexedDB === null;

  /** `idb` against the database, or `fallback` when there is none or it failed. */
  async function run<T>(idb: (db: IDBPDatabase<Schema>) => Promise<T>, fallback: () => T): Promise<T> {
    if (inMemory || unavailable || typeof indexedDB === 'undefined') {
      inMemory = true;
      return fallback();
    }
    let db: IDBPDatabase<Schema>;
    try {
      db = await connect();
    } catch {
      // A database that cannot be opened (private mode, blocked by policy) will not open later
      // in this page either.
      unavailable = true;
      return fallback();
    }
    try {
      return await idb(db);
    } catch {
      // A failed operation (full disk, a connection closed under us) leaves this store in memory.
      inMemory = true;
      return fallback();
    }
  }

  return {
    get storage() {
      return inMemory || unavailable ? ('memory' as const) : ('indexeddb' as const);
    },
    get<T>(name: string) {
      const k = key(name);
      return serial(() => run(async (db) => (await db.get(STORE, k)) as T | undefined, () => memory.get(k) as T | undefined));
    },
    set(name, value) {
      const k = key(name);
      // Mirrored in memory, so a later fallback still knows what this page stored.
      memory.set(k, value);
      return serial(() => run(async (db) => void (await db.put(STORE, value, k)), () => undefined));
    },
    delete(name) {
      const k = key(name);
      memory.delete(k);
      return serial(() => run((db) => db.delete(STORE, k), () => undefined));
    },
    clear() {
      for (const k of [...memory.keys()]) if (k.startsWith(prefix)) memory.delete(k);
      // Every key of this identity sorts between the prefix and the prefix followed by U+FFFF.
      return serial(() => run((db) => db.delete(STORE, IDBKeyRange.bound(prefix, `${prefix}\uffff`)), () => undefined));
    },
  };
}
