/**
 * Where the cache keeps its records: one IndexedDB database per tenant and user, or, when
 * IndexedDB is missing, refuses to open or is full, memory (network-only reads, an outbox that
 * lives as long as the page). Switching to memory happens once and is reported through
 * `onFallback`; no method here throws because storage failed.
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

class Unavailable extends Error {}

function errorName(error: unknown): string {
  return error instanceof Error || error instanceof DOMException ? error.name : '';
}

function describe(error: unknown): string {
  if (errorName(error) === 'QuotaExceededError') return 'the browser storage for this site is full';
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

export interface StorageOptions {
  /** `null` runs without IndexedDB, as in a browser that has none. */
  indexedDB?: null;
  /** Called once, when storage switches to memory. */
  onFallback(reason: string): void;
  /** Called when another tab asked to delete the database and this connection was closed. */
  onClosedByOtherTab?(): void;
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

  #connect(): Promise<IDBPDatabase<Schema>> {
    if (this.#db) return this.#db;
    const attempt = (async () => {
      if (this.#options.indexedDB === null || typeof indexedDB === 'undefined') {
        throw new Unavailable('IndexedDB is not available in this browser');
      }
      const db = await openDB<Schema>(this.#name, VERSION, {
        upgrade(database) {
          database.createObjectStore('reads', { keyPath: 'key' }).createIndex('accessedAt', 'accessedAt');
          database.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('key', 'key', { unique: true });
          database.createObjectStore('meta');
        },
        // Another tab wants to delete or upgrade the database: get out of its way and reopen later.
        blocking: () => {
          db.close();
          if (this.#db === attempt) this.#db = null;
          this.#options.onClosedByOtherTab?.();
        },
        terminated: () => {
          if (this.#db === attempt) this.#db = null;
        },
      });
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

  async #fallBack(reason: string): Promise<void> {
    this.#fallingBack ??= (async () => {
      // Unsent writes already in IndexedDB move along, so they are still sent from this page.
      try {
        if (this.#db) {
          const db = await this.#db;
          for (const entry of await db.getAll('outbox')) {
            if (entry.status !== 'confirmed') this.#memory.set(entry.seq, entry);
            this.#memorySeq = Math.max(this.#memorySeq, entry.seq);
          }
        }
      } catch {
        // Nothing readable: those entries stay in IndexedDB for a later session.
      }
      this.#drop();
      this.kind = 'memory';
      this.#options.onFallback(reason);
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
        await this.#fallBack(error instanceof Unavailable ? error.message : `IndexedDB could not be opened (${describe(error)})`);
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
        await this.#fallBack(`IndexedDB failed: ${describe(error)}`);
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
   * Deletes the database and everything cached in it, except unsent writes, which are put back
   * in a fresh database (in their order) so nothing the user typed is lost. Other tabs'
   * connections close themselves on `versionchange`, so the deletion is not blocked for long.
   */
  async destroy(): Promise<void> {
    if (this.kind === 'memory') return;
    const unsent = (await this.listOutbox()).filter((entry) => entry.status !== 'confirmed');
    if (this.#inMemory()) return;
    this.#drop();
    try {
      await deleteDB(this.#name);
    } catch (error) {
      await this.#fallBack(`IndexedDB could not be deleted (${describe(error)})`);
    }
    for (const { seq: _seq, ...entry } of unsent) await this.addEntry(entry);
  }

  close(): void {
    this.#closed = true;
    this.#drop();
  }
}
