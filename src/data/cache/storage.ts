/**
 * Where the cache keeps its records (cached reads, the outbox, the user's preferences): one
 * IndexedDB database per tenant and user, or, when IndexedDB is missing, does not open, is full
 * or fails, memory (network-only reads, an outbox and preferences that live as long as the page). Switching to memory happens once and is reported through
 * `onFallback`; no method here throws because storage failed, and none waits forever on an open
 * that never completes.
 *
 * The database's name is a hash of tenant and user (`cacheDatabaseName`), so the list of an
 * origin's databases names nobody. Only storing something creates the database: reading,
 * deleting and clearing never do, so a cleared cache leaves no empty database behind.
 */
import { deleteDB, openDB } from 'idb';
import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { AdapterDomain } from '../adapter.js';
import type { OutboxRecord } from './outbox.js';

/** One cached read: the answer to one method with one set of arguments (one page of a list). */
export interface ReadRecord {
  key: string;
  domain: AdapterDomain;
  value: unknown;
  /** When the request that produced `value` started; older than a domain's invalidation means stale. */
  asOf: number;
  /** Last time a reader was given this record; the least recently used records are pruned. */
  accessedAt: number;
  /**
   * When a confirmed write's answer was applied to `value` (`patchReads`): an answer to a
   * request started before then is older than this record and does not replace it.
   */
  patchedAt?: number;
}

/** An outbox entry as stored: `seq` keeps the order writes were made in. */
export interface StoredEntry extends OutboxRecord {
  seq: number;
}

export interface Schema extends DBSchema {
  reads: { key: string; value: ReadRecord; indexes: { accessedAt: number; domain: string } };
  outbox: { key: number; value: StoredEntry; indexes: { key: string } };
  /** `invalidated:<domain>` → time of the last confirmed write that affected the domain. */
  meta: { key: string; value: number };
  /** The user's preferences, by name (since version 2). */
  prefs: { key: string; value: unknown };
}

/** 1: reads, outbox, meta. 2: prefs. 3: reads by domain. */
const VERSION = 3;
const STORES = ['reads', 'outbox', 'meta', 'prefs'] as const;

/** Starts every cache database's name; the rest is a hash of tenant and user. */
export const CACHE_DATABASE_PREFIX = 'forecourt-cache-';

/**
 * The name of the cache database of a tenant and user: a fixed prefix and 32 hex digits of the
 * SHA-256 of both, so the names of an origin's databases spell out no shop and no user, and two
 * identities never share one (each is encoded whole, whatever characters it holds). Where
 * `crypto.subtle` is missing (a page served over plain HTTP from a shop's own network), the 32 hex
 * digits come from a non-cryptographic 128-bit hash instead: the name still spells out no one, and
 * an origin is either secure or not, so one origin always uses the same kind of name.
 * @example
 * await cacheDatabaseName('demo-shop', 'advisor-1'); // 'forecourt-cache-' + 32 hex digits
 */
export async function cacheDatabaseName(tenant: string, user: string): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(['forecourt-cache', tenant, user]));
  const subtle = globalThis.crypto?.subtle;
  const digest = subtle ? new Uint8Array(await subtle.digest('SHA-256', bytes)) : hash128(bytes);
  const hex = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${CACHE_DATABASE_PREFIX}${hex.slice(0, 32)}`;
}

/** 128 bits of four interleaved multiplicative hashes (cyrb128): not secret, only unreadable. */
function hash128(bytes: Uint8Array): Uint8Array {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (const k of bytes) {
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  const words = [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
  const out = new DataView(new ArrayBuffer(16));
  words.forEach((word, i) => out.setUint32(i * 4, word));
  return new Uint8Array(out.buffer);
}

/**
 * The readable name earlier versions gave a tenant and user's database. Its unsent writes and
 * preferences move to the hashed database the first time the cache opens, and it is deleted.
 * @example
 * legacyDatabaseName('demo-shop', 'advisor-1'); // 'forecourt:demo-shop:advisor-1'
 */
export function legacyDatabaseName(tenant: string, user: string): string {
  return `forecourt:${encodeURIComponent(tenant)}:${encodeURIComponent(user)}`;
}

/** The device-wide preference database of earlier versions (before preferences moved into each user's cache). */
export const LEGACY_PREFERENCES_DB = 'forecourt-prefs';

/**
 * Deletes the earlier versions' `forecourt-prefs` database, whenever a cache opens its own
 * database or is cleared (asking for a database that is gone costs little). It held every user's
 * preferences on the device, a shared shop computer's included, and `clearCache()` never removed
 * them. It is deleted rather than migrated: moving the signed-in user's "don't show again" would
 * still leave the other users' entries behind, and deleting costs each user at most one more
 * prompt. A deletion held up by an old page's connection completes when that page closes it.
 */
function retireLegacyPreferences(): void {
  if (typeof indexedDB === 'undefined') return;
  try {
    indexedDB.deleteDatabase(LEGACY_PREFERENCES_DB);
  } catch {
    // No storage for this origin: nothing was kept there either.
  }
}

/** Deletes a database without waiting for other pages' connections to let it go. */
function deleteSoon(name: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    deleteDB(name, { blocked: () => resolve(false) }).then(() => resolve(true), reject);
  });
}

/** Errors that mean "this connection was closed under us" (another tab deleting the database). */
const CLOSED = new Set(['InvalidStateError', 'AbortError', 'TransactionInactiveError']);
/** Errors that are about the data, not the storage: the caller gets them. */
const DATA = new Set(['DataCloneError', 'DataError', 'ConstraintError']);

/** Why storage runs in memory: no IndexedDB, an open that did not complete, a full disk, any other failure. */
export type StorageFallbackCause = 'unavailable' | 'blocked' | 'full' | 'failed';

/** The database does not exist and the operation would not create it. */
class Missing extends Error {}

/** IndexedDB could not be opened; `cause` says how. */
class OpenFailure extends Error {
  constructor(
    readonly kind: StorageFallbackCause,
    message: string,
  ) {
    super(message);
  }
}

function errorName(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.name : '';
}

function describe(error: unknown): string {
  if (errorName(error) === 'QuotaExceededError') return 'the browser storage for this site is full';
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Default wait for IndexedDB to open before running without it. */
export const OPEN_TIMEOUT_MS = 3000;

export interface StorageOptions {
  /** `null` runs without IndexedDB, as in a browser that has none. */
  indexedDB?: null;
  /** The database an earlier version kept under a readable name: its unsent writes and preferences move here, then it is deleted. */
  legacyName?: string;
  /** How long an open may take (another tab holding it up, a deletion stuck behind one) before storage falls back. */
  openTimeoutMs?: number;
  /** Called once, when storage switches to memory. */
  onFallback(reason: string, cause: StorageFallbackCause): void;
  /** Called when another tab asked to delete the database and this connection was closed. */
  onClosedByOtherTab?(): void;
}

/** Creates the stores and indexes a database of `oldVersion` lacks: all of them for a new one. */
function createStores(database: IDBPDatabase<Schema>, oldVersion: number, tx: IDBPTransaction<Schema, StoreNames<Schema>[], 'versionchange'>): void {
  if (oldVersion < 1) {
    database.createObjectStore('reads', { keyPath: 'key' }).createIndex('accessedAt', 'accessedAt');
    database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('key', 'key', { unique: true });
    database.createObjectStore('meta');
  }
  if (oldVersion < 2) database.createObjectStore('prefs');
  if (oldVersion < 3) tx.objectStore('reads').createIndex('domain', 'domain');
}

export class CacheStorage {
  kind: 'indexeddb' | 'memory' = 'indexeddb';
  readonly #name: Promise<string>;
  readonly #options: StorageOptions;
  #db: Promise<IDBPDatabase<Schema>> | null = null;
  #adopted: Promise<void> | null = null;
  #fallingBack: Promise<void> | null = null;
  #closed = false;
  // Memory mode keeps only the outbox and the preferences: reads go to the network.
  readonly #memory = new Map<number, StoredEntry>();
  #memorySeq = 0;
  /** The preferences this page read or wrote (all of them, once in memory mode), so they outlive a fall back to memory. */
  readonly #prefs = new Map<string, unknown>();
  /** Preferences IndexedDB cannot clone (a function, a DOM node): kept for the page only. */
  readonly #unstorable = new Map<string, unknown>();

  /**
   * @param name The database's name, or its promise (`cacheDatabaseName` hashes); a name that
   *   cannot be had leaves the storage in memory.
   */
  constructor(name: string | Promise<string>, options: StorageOptions) {
    this.#name = Promise.resolve(name);
    // Known failure, handled where the name is awaited.
    this.#name.catch(() => undefined);
    this.#options = options;
  }

  // A method, not a field test: the kind changes across awaits, which narrowing cannot see.
  #inMemory(): boolean {
    return this.kind === 'memory';
  }

  #available(): boolean {
    return this.#options.indexedDB !== null && typeof indexedDB !== 'undefined';
  }

  async #resolvedName(): Promise<string> {
    try {
      return await this.#name;
    } catch (error) {
      throw new OpenFailure('unavailable', `IndexedDB is not used: ${describe(error)}`);
    }
  }

  /**
   * Opens a connection, or fails with an OpenFailure: no IndexedDB, an error, or no answer
   * within the timeout (an open queued behind a deletion that another tab's connection blocks
   * never completes). A connection that arrives after giving up is closed at once. Without
   * `create`, a database that does not exist is not created: that fails with Missing.
   */
  async #open(create: boolean, onBlocking: () => void, onTerminated: () => void): Promise<IDBPDatabase<Schema>> {
    if (!this.#available()) throw new OpenFailure('unavailable', 'IndexedDB is not available in this browser');
    retireLegacyPreferences();
    const name = await this.#resolvedName();
    let missing = false;
    const opening = openDB<Schema>(name, VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) => {
        if (oldVersion === 0 && !create) {
          // Aborting the upgrade of a database that did not exist leaves no database.
          missing = true;
          tx.done.catch(() => undefined); // the abort below is how the open fails, not an error to report
          tx.abort();
          return;
        }
        createStores(database, oldVersion, tx);
      },
      // Another tab wants to delete or upgrade the database: get out of its way.
      blocking: (_current, _next, event) => {
        (event.target as IDBDatabase).close();
        onBlocking();
      },
      terminated: onTerminated,
    });
    const ms = this.#options.openTimeoutMs ?? OPEN_TIMEOUT_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new OpenFailure('blocked', `IndexedDB did not open within ${ms} ms`)), ms);
    });
    try {
      return await Promise.race([opening, timeout]);
    } catch (error) {
      void opening.then((late) => late.close(), () => undefined);
      if (missing) throw new Missing();
      if (error instanceof OpenFailure) throw error;
      throw new OpenFailure('failed', `IndexedDB could not be opened (${describe(error)})`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** The connection, shared by the operations; an attempt without `create` fails with Missing for an operation that creates too (it opens again). */
  #connect(create: boolean): Promise<IDBPDatabase<Schema>> {
    if (this.#db) return this.#db;
    const attempt = (async () => {
      await (this.#adopted ??= this.#adoptLegacy());
      const db = await this.#open(
        create,
        // Closed for another tab's deletion or upgrade: reopen on the next operation.
        () => {
          if (this.#db === attempt) this.#db = null;
          this.#options.onClosedByOtherTab?.();
        },
        () => {
          if (this.#db === attempt) this.#db = null;
        },
      );
      if (this.#closed) db.close();
      return db;
    })();
    this.#db = attempt;
    attempt.catch(() => {
      if (this.#db === attempt) this.#db = null;
    });
    return attempt;
  }

  /**
   * Moves what an earlier version left under the readable name (unsent writes, in their order,
   * and preferences) into this database, then deletes the old one. Cached reads are not moved:
   * they are read again. Runs once, before the first connection, and gives up after the open
   * timeout; a failure leaves the old database for the next page, nothing is lost.
   */
  async #adoptLegacy(): Promise<void> {
    const legacy = this.#options.legacyName;
    if (!legacy || !this.#available()) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const ms = this.#options.openTimeoutMs ?? OPEN_TIMEOUT_MS;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
    try {
      await Promise.race([this.#moveLegacy(legacy), timeout]);
    } catch {
      // Unreadable or not movable now: it stays for the next page.
    } finally {
      clearTimeout(timer);
    }
  }

  async #moveLegacy(legacy: string): Promise<void> {
    const listed = typeof indexedDB.databases === 'function' ? await indexedDB.databases().catch(() => null) : null;
    if (listed && !listed.some((d) => d.name === legacy)) return;
    // Only a device an earlier version used has one: the move loads when there is something to move.
    const { moveLegacyDatabase } = await import('./legacy.js');
    const target = await this.#resolvedName();
    await moveLegacyDatabase(legacy, () => openDB<Schema>(target, VERSION, { upgrade: (d, v, _n, tx) => createStores(d, v, tx) }));
    await deleteSoon(legacy);
  }

  #drop(): void {
    const db = this.#db;
    this.#db = null;
    db?.then((d) => d.close()).catch(() => undefined);
  }

  /**
   * Switches to memory. Unsent writes already in IndexedDB move along, so they are still sent
   * from this page; after a failed operation (rather than a failed open) a lost connection is
   * opened once more to read them.
   */
  async #fallBack(reason: string, cause: StorageFallbackCause, opened: boolean): Promise<void> {
    this.#fallingBack ??= (async () => {
      try {
        const db = await (this.#db ?? (opened ? this.#connect(false) : null));
        for (const entry of db ? await db.getAll('outbox') : []) {
          if (entry.status !== 'confirmed') this.#memory.set(entry.seq, entry);
          this.#memorySeq = Math.max(this.#memorySeq, entry.seq);
        }
        if (db) {
          const tx = db.transaction('prefs');
          const [names, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
          names.forEach((name, i) => this.#prefs.has(name) || this.#prefs.set(name, values[i]));
        }
      } catch {
        // Nothing readable: those entries stay in IndexedDB for a later session.
      }
      this.#drop();
      this.kind = 'memory';
      this.#options.onFallback(reason, cause);
    })();
    return this.#fallingBack;
  }

  /**
   * Runs `idb` against the database, or `memory` once storage has fallen back. Only an
   * operation that `create`s makes a database that is not there; any other gets `memory()`
   * (nothing is stored yet).
   */
  async #op<T>(idb: (db: IDBPDatabase<Schema>) => Promise<T>, memory: () => T, create = false): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      // A closed storage touches no database; the owner stops using it anyway.
      if (this.kind === 'memory' || this.#closed) return memory();
      let db: IDBPDatabase<Schema>;
      try {
        db = await this.#connect(create);
      } catch (error) {
        if (error instanceof Missing) {
          if (!create) return memory();
          continue; // an attempt that would not create it was under way: open again, creating
        }
        const failure = error instanceof OpenFailure ? error : new OpenFailure('failed', describe(error));
        await this.#fallBack(failure.message, failure.kind, false);
        continue;
      }
      try {
        return await idb(db);
      } catch (error) {
        if (this.#inMemory()) continue;
        const name = errorName(error);
        if (DATA.has(name)) throw error;
        if (CLOSED.has(name) && attempt < 2) {
          this.#drop();
          continue;
        }
        await this.#fallBack(`IndexedDB failed: ${describe(error)}`, name === 'QuotaExceededError' ? 'full' : 'failed', true);
      }
    }
  }

  /** Opens the database now, so a failure to open is known (and reported) early. */
  async open(): Promise<void> {
    await this.#op(async () => undefined, () => undefined);
  }

  // ───────────── reads ─────────────

  getRead(key: string): Promise<ReadRecord | undefined> {
    return this.#op((db) => db.get('reads', key), () => undefined);
  }

  /**
   * Stores an answer, unless the record already holds a newer one: an answer to a request started
   * before the stored one's (or before a confirmed write was applied to it) is older.
   */
  putRead(record: ReadRecord): Promise<void> {
    return this.#op(
      async (db) => {
        const tx = db.transaction('reads', 'readwrite');
        const stored = await tx.store.get(record.key);
        const newer = stored && Math.max(Number(stored.asOf) || 0, Number(stored.patchedAt) || 0) > record.asOf;
        if (!newer) await tx.store.put(record);
        await tx.done;
      },
      () => undefined,
      true,
    );
  }

  /** Drops one cached read (e.g. one that is not what its method answers). */
  deleteRead(key: string): Promise<void> {
    return this.#op((db) => db.delete('reads', key), () => undefined);
  }

  /**
   * Applies a confirmed write's answer to the cached reads of `domains`, in one transaction.
   * @param patch The read's value with the answer applied, or `undefined` when it does not hold the written record.
   * @param at When the write was confirmed: the patched records keep it as `patchedAt`.
   */
  patchReads(domains: readonly AdapterDomain[], patch: (value: unknown) => unknown, at: number): Promise<void> {
    return this.#op(async (db) => {
      const tx = db.transaction('reads', 'readwrite');
      for (const domain of domains) {
        for (let cursor = await tx.store.index('domain').openCursor(domain); cursor; cursor = await cursor.continue()) {
          const value = patch(cursor.value.value);
          if (value !== undefined) await cursor.update({ ...cursor.value, value, patchedAt: at });
        }
      }
      await tx.done;
    }, () => undefined);
  }

  /** Records that `key` was just read, for the least-recently-used pruning. */
  touchRead(key: string, at: number): Promise<void> {
    return this.#op(async (db) => {
      const tx = db.transaction('reads', 'readwrite');
      const record = await tx.store.get(key);
      if (record) await tx.store.put({ ...record, accessedAt: at });
      await tx.done;
    }, () => undefined);
  }

  /** Deletes the least recently used reads beyond `max`. */
  pruneReads(max: number): Promise<void> {
    return this.#op(async (db) => {
      const tx = db.transaction('reads', 'readwrite');
      let excess = (await tx.store.count()) - max;
      for (let cursor = await tx.store.index('accessedAt').openCursor(); cursor && excess > 0; cursor = await cursor.continue()) {
        await cursor.delete();
        excess--;
      }
      await tx.done;
    }, () => undefined);
  }

  /** When each domain was last invalidated by a confirmed write. */
  invalidations(): Promise<Map<AdapterDomain, number>> {
    return this.#op(async (db) => {
      const tx = db.transaction('meta');
      const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
      // A time that is not a number (a damaged record) is read as "invalidated now": what is cached is read again.
      const time = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : Number.POSITIVE_INFINITY);
      return new Map(keys.flatMap((k, i) => (k.startsWith('invalidated:') ? [[k.slice(12) as AdapterDomain, time(values[i])]] : [])));
    }, () => new Map());
  }

  invalidate(domains: readonly AdapterDomain[], at: number): Promise<void> {
    return this.#op(async (db) => {
      const tx = db.transaction('meta', 'readwrite');
      await Promise.all([...domains.map((d) => tx.store.put(at, `invalidated:${d}`)), tx.done]);
    }, () => undefined);
  }

  // ───────────── outbox ─────────────

  listOutbox(): Promise<StoredEntry[]> {
    return this.#op((db) => db.getAll('outbox'), () => [...this.#memory.values()].sort((a, b) => a.seq - b.seq));
  }

  getEntry(seq: number): Promise<StoredEntry | undefined> {
    return this.#op((db) => db.get('outbox', seq), () => this.#memory.get(seq));
  }

  /** Stores a new entry at the end of the queue and returns it with its place in the order. */
  addEntry(entry: OutboxRecord): Promise<StoredEntry> {
    return this.#op(
      async (db) => ({ ...entry, seq: await db.add('outbox', entry as StoredEntry) }),
      () => {
        const stored = { ...entry, seq: ++this.#memorySeq };
        this.#memory.set(stored.seq, stored);
        return stored;
      },
      true,
    );
  }

  putEntry(entry: StoredEntry): Promise<void> {
    return this.#op(async (db) => void (await db.put('outbox', entry)), () => void this.#memory.set(entry.seq, entry), true);
  }

  /** Overwrites an entry only if it is still queued (not discarded meanwhile); false if it was gone. */
  replaceEntry(entry: StoredEntry): Promise<boolean> {
    return this.#op(
      async (db) => {
        const tx = db.transaction('outbox', 'readwrite');
        const present = (await tx.store.getKey(entry.seq)) !== undefined;
        if (present) await tx.store.put(entry);
        await tx.done;
        return present;
      },
      () => this.#memory.has(entry.seq) && !!this.#memory.set(entry.seq, entry),
    );
  }

  deleteEntry(seq: number): Promise<void> {
    return this.#op((db) => db.delete('outbox', seq), () => void this.#memory.delete(seq));
  }

  // ───────────── preferences ─────────────

  getPreference(name: string): Promise<unknown> {
    if (this.#unstorable.has(name)) return Promise.resolve(this.#unstorable.get(name));
    return this.#op(
      async (db) => {
        const value = await db.get('prefs', name);
        if (value === undefined) this.#prefs.delete(name);
        else this.#prefs.set(name, value);
        return value;
      },
      () => this.#prefs.get(name),
    );
  }

  /** Stores a preference; one IndexedDB cannot clone is kept for the page (and not stored). */
  async putPreference(name: string, value: unknown): Promise<void> {
    try {
      await this.#op(
        async (db) => {
          await db.put('prefs', value, name);
          this.#prefs.set(name, value);
        },
        () => void this.#prefs.set(name, value),
        true,
      );
      this.#unstorable.delete(name);
    } catch (error) {
      if (errorName(error) !== 'DataCloneError') throw error;
      this.#unstorable.set(name, value);
    }
  }

  deletePreference(name: string): Promise<void> {
    this.#prefs.delete(name);
    this.#unstorable.delete(name);
    return this.#op((db) => db.delete('prefs', name), () => undefined);
  }

  /**
   * Deletes the database and everything in it, unsent writes included, and this page's memory
   * entries, so nothing of the user stays on the device. The stores are emptied first: the data
   * is gone even while a connection that ignores `versionchange` holds the deletion up (it
   * completes when that connection closes; this does not wait for it, and an open meanwhile
   * waits behind it). Other tabs' connections of this cache close on `versionchange`. A database
   * that is not there is not created to be emptied, and the one an earlier version kept under a
   * readable name goes too. Works after `close()`.
   * @returns The writes that were not confirmed, now dropped, and whether the deletion is done.
   */
  async destroy(): Promise<{ dropped: StoredEntry[]; deleted: boolean }> {
    const dropped = new Map<string, StoredEntry>();
    for (const entry of this.#memory.values()) dropped.set(entry.key, entry);
    this.#memory.clear();
    this.#prefs.clear();
    this.#unstorable.clear();
    this.#drop();
    const unsent = () => [...dropped.values()].filter((entry) => entry.status !== 'confirmed');
    if (!this.#available()) return { dropped: unsent(), deleted: true };
    if (this.#options.legacyName) void deleteSoon(this.#options.legacyName).catch(() => undefined);
    let name: string;
    try {
      name = await this.#resolvedName();
    } catch {
      return { dropped: unsent(), deleted: true }; // without a name nothing was ever stored
    }
    try {
      const db = await this.#open(false, () => undefined, () => undefined);
      try {
        const tx = db.transaction(STORES, 'readwrite');
        for (const entry of await tx.objectStore('outbox').getAll()) if (!dropped.has(entry.key)) dropped.set(entry.key, entry);
        await Promise.all([...STORES.map((store) => tx.objectStore(store).clear()), tx.done]);
      } finally {
        db.close();
      }
    } catch {
      // Not there, not openable or not writable (full, left at another version): the deletion still removes it.
    }
    let deleted = false;
    try {
      deleted = await deleteSoon(name);
    } catch (error) {
      await this.#fallBack(`IndexedDB could not be deleted (${describe(error)})`, 'failed', false);
    }
    return { dropped: unsent(), deleted };
  }

  /** Forgets this page's memory entries and preferences (the user's cache was cleared in another tab). */
  dropMemory(): void {
    this.#memory.clear();
    this.#prefs.clear();
    this.#unstorable.clear();
  }

  close(): void {
    this.#closed = true;
    this.#drop();
  }
}
