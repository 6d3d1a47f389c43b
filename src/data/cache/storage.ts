/**
 * Where the cache keeps its records: one IndexedDB database per tenant and user, or, when
 * IndexedDB is missing, does not open, is full or fails, memory (network-only reads, an outbox
 * that lives as long as the page). Switching to memory happens once and is reported through
 * `onFallback`; no method here throws because storage failed, and none waits forever on an open
 * that never completes.
 */
import { deleteDB, openDB } from 'idb';
import type { DBSchema, IDBPDatabase } from 'idb';
import type { AdapterDomain } from '../adapter.js';
import type { OutboxEntry } from './outbox.js';

/** One cached read: the answer to one method with one set of arguments (one page of a list). */
export interface ReadRecord {
  key: string;
  domain: AdapterDomain;
  value: unknown;
  /** When the request that produced `value` started; older than a domain's invalidation means stale. */
  asOf: number;
  /** Last time a reader was given this record; the least recently used records are pruned. */
  accessedAt: number;
}

/** An outbox entry as stored: `seq` keeps the order writes were made in. */
export interface StoredEntry extends OutboxEntry {
  seq: number;
}

interface Schema extends DBSchema {
  reads: { key: string; value: ReadRecord; indexes: { accessedAt: number } };
  outbox: { key: number; value: StoredEntry; indexes: { key: string } };
  /** `invalidated:<domain>` → time of the last confirmed write that affected the domain. */
  meta: { key: string; value: number };
}

const VERSION = 1;

/** Errors that mean "this connection was closed under us" (another tab deleting the database). */
const CLOSED = new Set(['InvalidStateError', 'AbortError', 'TransactionInactiveError']);
/** Errors that are about the data, not the storage: the caller gets them. */
const DATA = new Set(['DataCloneError', 'DataError', 'ConstraintError']);

/** Why storage runs in memory: no IndexedDB, an open that did not complete, a full disk, any other failure. */
export type StorageFallbackCause = 'unavailable' | 'blocked' | 'full' | 'failed';

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
  /** How long an open may take (another tab holding it up, a deletion stuck behind one) before storage falls back. */
  openTimeoutMs?: number;
  /** Called once, when storage switches to memory. */
  onFallback(reason: string, cause: StorageFallbackCause): void;
  /** Called when another tab asked to delete the database and this connection was closed. */
  onClosedByOtherTab?(): void;
}

function createStores(database: IDBPDatabase<Schema>): void {
  database.createObjectStore('reads', { keyPath: 'key' }).createIndex('accessedAt', 'accessedAt');
  database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('key', 'key', { unique: true });
  database.createObjectStore('meta');
}

export class CacheStorage {
  kind: 'indexeddb' | 'memory' = 'indexeddb';
  readonly #name: string;
  readonly #options: StorageOptions;
  #db: Promise<IDBPDatabase<Schema>> | null = null;
  #fallingBack: Promise<void> | null = null;
  #closed = false;
  // Memory mode keeps only the outbox: reads go to the network.
  readonly #memory = new Map<number, StoredEntry>();
  #memorySeq = 0;

  constructor(name: string, options: StorageOptions) {
    this.#name = name;
    this.#options = options;
  }

  // A method, not a field test: the kind changes across awaits, which narrowing cannot see.
  #inMemory(): boolean {
    return this.kind === 'memory';
  }

  #available(): boolean {
    return this.#options.indexedDB !== null && typeof indexedDB !== 'undefined';
  }

  /**
   * Opens a connection, or fails with an OpenFailure: no IndexedDB, an error, or no answer
   * within the timeout (an open queued behind a deletion that another tab's connection blocks
   * never completes). A connection that arrives after giving up is closed at once.
   */
  async #open(onBlocking: () => void, onTerminated: () => void): Promise<IDBPDatabase<Schema>> {
    if (!this.#available()) throw new OpenFailure('unavailable', 'IndexedDB is not available in this browser');
    const opening = openDB<Schema>(this.#name, VERSION, {
      upgrade: createStores,
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
      if (error instanceof OpenFailure) throw error;
      throw new OpenFailure('failed', `IndexedDB could not be opened (${describe(error)})`);
    } finally {
      clearTimeout(timer);
    }
  }

  #connect(): Promise<IDBPDatabase<Schema>> {
    if (this.#db) return this.#db;
    const attempt = (async () => {
      const db = await this.#open(
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
        const db = await (this.#db ?? (opened ? this.#connect() : null));
        for (const entry of db ? await db.getAll('outbox') : []) {
          if (entry.status !== 'confirmed') this.#memory.set(entry.seq, entry);
          this.#memorySeq = Math.max(this.#memorySeq, entry.seq);
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

  /** Runs `idb` against the database, or `memory` once storage has fallen back. */
  async #op<T>(idb: (db: IDBPDatabase<Schema>) => Promise<T>, memory: () => T): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      // A closed storage touches no database; the owner stops using it anyway.
      if (this.kind === 'memory' || this.#closed) return memory();
      let db: IDBPDatabase<Schema>;
      try {
        db = await this.#connect();
      } catch (error) {
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

  putRead(record: ReadRecord): Promise<void> {
    return this.#op(async (db) => void (await db.put('reads', record)), () => undefined);
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
      return new Map(keys.flatMap((k, i) => (k.startsWith('invalidated:') ? [[k.slice(12) as AdapterDomain, values[i]!]] : [])));
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
  addEntry(entry: OutboxEntry): Promise<StoredEntry> {
    return this.#op(
      async (db) => ({ ...entry, seq: await db.add('outbox', entry as StoredEntry) }),
      () => {
        const stored = { ...entry, seq: ++this.#memorySeq };
        this.#memory.set(stored.seq, stored);
        return stored;
      },
    );
  }

  putEntry(entry: StoredEntry): Promise<void> {
    return this.#op(async (db) => void (await db.put('outbox', entry)), () => void this.#memory.set(entry.seq, entry));
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

  /**
   * Deletes the database and everything in it, unsent writes included, and this page's memory
   * entries, so nothing of the user stays on the device. The stores are emptied first: the data
   * is gone even while a connection that ignores `versionchange` holds the deletion up (it
   * completes when that connection closes; this does not wait for it, and an open meanwhile
   * waits behind it). Other tabs' connections of this cache close on `versionchange`. Works
   * after `close()`.
   * @returns The writes that were not confirmed, now dropped, and whether the deletion is done.
   */
  async destroy(): Promise<{ dropped: StoredEntry[]; deleted: boolean }> {
    const dropped = new Map<string, StoredEntry>();
    for (const entry of this.#memory.values()) dropped.set(entry.key, entry);
    this.#memory.clear();
    this.#drop();
    const unsent = () => [...dropped.values()].filter((entry) => entry.status !== 'confirmed');
    if (!this.#available()) return { dropped: unsent(), deleted: true };
    try {
      const db = await this.#open(() => undefined, () => undefined);
      try {
        const tx = db.transaction(['reads', 'outbox', 'meta'], 'readwrite');
        for (const entry of await tx.objectStore('outbox').getAll()) if (!dropped.has(entry.key)) dropped.set(entry.key, entry);
        await Promise.all([tx.objectStore('reads').clear(), tx.objectStore('outbox').clear(), tx.objectStore('meta').clear(), tx.done]);
      } finally {
        db.close();
      }
    } catch {
      // Not openable or not writable (full, left at another version): the deletion still removes it.
    }
    let deleted = false;
    try {
      await new Promise<void>((resolve, reject) => {
        deleteDB(this.#name, { blocked: () => resolve() }).then(() => {
          deleted = true;
          resolve();
        }, reject);
      });
    } catch (error) {
      await this.#fallBack(`IndexedDB could not be deleted (${describe(error)})`, 'failed', false);
    }
    return { dropped: unsent(), deleted };
  }

  /** Forgets this page's memory entries (the user's cache was cleared in another tab). */
  dropMemory(): void {
    this.#memory.clear();
  }

  close(): void {
    this.#closed = true;
    this.#drop();
  }
}
