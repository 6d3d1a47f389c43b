/**
 * `withCache()` wraps any ForecourtAdapter with an offline cache kept in IndexedDB, one database
 * per tenant and user (named by a hash of both, so the device's list of databases names nobody):
 * - reads are stale-while-revalidate: a cached answer comes back at once and is refreshed in the
 *   background; each page of a list is its own record, cached as it is viewed;
 * - writes go through the outbox (./outbox.ts): stored before they are sent, retried, idempotent;
 * - a cached answer is checked against the contract's answer schema before it is used; one that
 *   fails is dropped and read again, never shown;
 * - a confirmed write invalidates the reads it may change, here and, over BroadcastChannel, in
 *   the user's other tabs; its answer (and the current record a conflict sends back) is applied to
 *   the cached reads first (./patch.ts), so a read served from the cache carries the version the
 *   server holds, after a reload and offline too;
 * - the user's preferences (`preferences`, ./preferences.ts) live in the same database;
 * - `clearCache()` removes everything of the user from the device (shared shop computers).
 * When IndexedDB is missing, does not open, is full or fails, the cache says so once and carries
 * on with network-only reads and an in-memory outbox.
 */
import * as v from 'valibot';
import { ADAPTER_DOMAINS } from '../adapter.js';
import { affectedBy, contractRow, takesOptionsOnly } from '../contract.js';
import type { AdapterDomain, ForecourtAdapter, PreferencesApi, ReadOptions, WriteOptions } from '../adapter.js';
import { AdapterError, isAdapterError } from '../errors.js';
import { OutboxQueue } from './outbox.js';
import type { Outbox, OutboxEntry, OutboxMessage, RetryOptions } from './outbox.js';
import { stableJson } from '../logic/stable-json.js';
import { patchRead, recordOf } from './patch.js';
import { cachePreferences } from './preferences.js';
import { CacheStorage, cacheDatabaseName, legacyDatabaseName } from './storage.js';
import type { ReadRecord, StorageFallbackCause } from './storage.js';

export type { StorageFallbackCause } from './storage.js';

export interface CacheOptions {
  /** The shop or dealership; with `user` it names the database (through a hash: the name spells out neither). */
  tenant: string;
  user: string;
  /** A cached read older than this is refreshed in the background when read. Default 30000 ms. */
  revalidateAfterMs?: number;
  /** Backoff for writes that failed on the network, a 5xx or a 429. */
  retry?: RetryOptions;
  /** Most cached reads kept; the least recently read beyond it are dropped. Default 5000. */
  maxEntries?: number;
  /** `null` runs without IndexedDB, as in a browser that has none. */
  indexedDB?: null;
  /** How long opening IndexedDB may take before the cache runs without it. Default 3000 ms. */
  openTimeoutMs?: number;
  /** The clock, in ms. Default `Date.now`. */
  now?: () => number;
}

export const CACHE_CHANGE_EVENT = 'fc-cache-change';
export const OUTBOX_CHANGE_EVENT = 'fc-outbox-change';
export const STORAGE_FALLBACK_EVENT = 'fc-storage-fallback';

export interface CacheChangeDetail {
  domains: AdapterDomain[];
  /** A write confirmed here, in another tab, or a background refresh that found different data. */
  origin: 'local' | 'remote' | 'revalidate';
}
export interface OutboxChangeDetail {
  entries: OutboxEntry[];
}
export interface StorageFallbackDetail {
  /** What failed, in English, for logs. */
  reason: string;
  /**
   * `unavailable`: the browser has no IndexedDB (or forbids it); `blocked`: it did not open in
   * time; `full`: the site's storage is full; `failed`: any other error.
   */
  cause: StorageFallbackCause;
}

export interface CachedAdapterEventMap {
  'fc-cache-change': CustomEvent<CacheChangeDetail>;
  'fc-outbox-change': CustomEvent<OutboxChangeDetail>;
  'fc-storage-fallback': CustomEvent<StorageFallbackDetail>;
}

/**
 * The wrapped adapter. A read with `opts.fresh` asks the server now: it neither answers from the
 * cache nor joins a request for the same read on its way, and falls back to the cached answer only
 * when the server cannot be reached. Writes ignore `opts.signal`: once made, a change is the user's and is kept
 * until confirmed or dropped with `outbox.discard()`. A caller's `opts.idempotencyKey` becomes
 * the entry's key.
 */
export interface CachedAdapter extends ForecourtAdapter, EventTarget {
  readonly outbox: Outbox;
  /** 'indexeddb', or 'memory' after falling back (IndexedDB unavailable, blocked or full). */
  readonly storage: 'indexeddb' | 'memory';
  /** Why the cache runs without IndexedDB, once it does (as `fc-storage-fallback` told); null before. */
  readonly storageFallback: StorageFallbackDetail | null;
  /**
   * The same adapter with every read asking the server now (`fresh: true`), for a user's Retry:
   * the code that reads needs no change to pass the option down. Writes and `preferences` are
   * this adapter's own. The same object on every call.
   */
  fresh(): ForecourtAdapter;
  /**
   * This tenant and user's preferences, in the cache's database (in memory while it runs without
   * IndexedDB). The inner adapter's own `preferences`, if any, are not used.
   */
  readonly preferences: PreferencesApi;
  /**
   * Removes everything of this tenant and user from the device, for a shared computer: the
   * database (cached reads, preferences and unsent writes) in every tab, and the unsent writes other tabs
   * keep in memory. Unsent writes are dropped, never sent afterwards (the next request may be
   * made as someone else): their callers get an `aborted` AdapterError. To send them first,
   * `await outbox.flush()` and check `outbox.list()` while the user is still signed in. Works
   * after `close()`.
   */
  clearCache(): Promise<void>;
  /** Stops syncing and closes the database. Unsent writes stay stored for the next page. */
  close(): void;
  addEventListener<K extends keyof CachedAdapterEventMap>(
    type: K,
    listener: (event: CachedAdapterEventMap[K]) => void,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof CachedAdapterEventMap>(
    type: K,
    listener: (event: CachedAdapterEventMap[K]) => void,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}

/** The methods of a domain object, own or inherited (a class instance keeps them on its prototype). */
function methodNames(api: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = api; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name !== 'constructor' && typeof (api as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names];
}

type Message = OutboxMessage | { type: 'change'; domains: AdapterDomain[]; at: number } | { type: 'clear' };

/** What callers of writes dropped by `clearCache()` are told. */
const CLEARED = { kind: 'aborted', status: 0, message: 'The change was not sent: the offline data of this user was cleared.' };

interface Flight {
  promise: Promise<unknown>;
  controller: AbortController;
  domain: AdapterDomain;
  /** Callers that can still abort; the request is aborted when the last of them does. */
  users: number;
  /** Someone (a background refresh, a caller without a signal) wants it whatever happens. */
  pinned: boolean;
  /** A fresh read of the key was sent after it: its answer is not stored over the newer one. */
  superseded: boolean;
}

/** A cached record is touched for LRU at most this often, to keep reads read-only. */
const TOUCH_AFTER_MS = 60_000;
/** Pruning counts the records, so it runs every so many stores rather than on each. */
const PRUNE_EVERY = 100;

function aborted(): AdapterError {
  return new AdapterError({ kind: 'aborted', message: 'The request was cancelled.' });
}

class Cached extends EventTarget {
  readonly outbox: OutboxQueue;
  /** Names the tabs' channel and the outbox's lock: they live only while a page is open and are never stored. */
  readonly #channelName: string;
  readonly #storage: CacheStorage;
  readonly #now: () => number;
  readonly #revalidateAfterMs: number;
  readonly #maxEntries: number;
  readonly #channel: BroadcastChannel | null;
  readonly #ready: Promise<void>;
  /** Per domain, the time of the last confirmed write that may have changed it. */
  readonly #invalidated = new Map<AdapterDomain, number>();
  /** Keys fetched from the network in this session. */
  readonly #revalidated = new Set<string>();
  readonly #inflight = new Map<string, Flight>();
  /** Bumped by clearCache: answers to requests made before it are not stored. */
  #generation = 0;
  #puts = 0;
  #fallback: StorageFallbackDetail | null = null;
  #closed = false;
  #freshView: ForecourtAdapter | null = null;
  readonly #onOnline = () => void this.outbox.resume();

  constructor(inner: ForecourtAdapter, options: CacheOptions) {
    super();
    this.#now = options.now ?? Date.now;
    this.#revalidateAfterMs = options.revalidateAfterMs ?? 30_000;
    this.#maxEntries = options.maxEntries ?? 5000;
    // Encoded, so no ':' inside a tenant or user can make two identities share a channel; the same
    // text named the database in earlier versions, which the storage moves over to the hashed one.
    const name = legacyDatabaseName(options.tenant, options.user);
    this.#channelName = name;
    this.#storage = new CacheStorage(cacheDatabaseName(options.tenant, options.user), {
      indexedDB: options.indexedDB,
      legacyName: name,
      openTimeoutMs: options.openTimeoutMs,
      onFallback: (reason, cause) => this.#fallBack(reason, cause),
      onClosedByOtherTab: () => this.#forget(),
    });
    this.#channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name);
    if (this.#channel) {
      this.#channel.onmessage = (event: MessageEvent<Message>) => this.#receive(event.data);
      // Node keeps its event loop alive for an open channel; a cache must not.
      (this.#channel as { unref?: () => void }).unref?.();
    }
    this.outbox = new OutboxQueue({
      storage: this.#storage,
      inner: this.#learning(inner),
      lockName: `${name}:outbox`,
      now: this.#now,
      retry: options.retry,
      optionsOnly: takesOptionsOnly,
      post: (message) => this.#post(message),
      onConfirmed: (domain, method) => this.#confirmed(domain, method),
      onChange: (entries) => this.#dispatch(OUTBOX_CHANGE_EVENT, { entries }),
    });

    for (const domain of ADAPTER_DOMAINS) {
      const api = inner[domain];
      if (api) Object.defineProperty(this, domain, { value: this.#wrap(domain, api), enumerable: true });
    }

    this.#ready = this.#storage.invalidations().then(async (stored) => {
      for (const [domain, at] of stored) this.#invalidated.set(domain, Math.max(at, this.#invalidated.get(domain) ?? 0));
      await this.#storage.pruneReads(this.#maxEntries);
    });
    void this.#ready.then(() => this.outbox.start());
    if (typeof globalThis.addEventListener === 'function') globalThis.addEventListener('online', this.#onOnline);
  }

  get storage(): 'indexeddb' | 'memory' {
    return this.#storage.kind;
  }

  get storageFallback(): StorageFallbackDetail | null {
    return this.#fallback;
  }

  #preferences: PreferencesApi | null = null;
  get preferences(): PreferencesApi {
    return (this.#preferences ??= cachePreferences(this.#storage));
  }

  fresh(): ForecourtAdapter {
    if (this.#freshView) return this.#freshView;
    const view: Record<string, unknown> = {};
    for (const domain of ADAPTER_DOMAINS) {
      const api = (this as unknown as Record<string, Record<string, (...a: unknown[]) => Promise<unknown>> | undefined>)[domain];
      if (!api) continue;
      const part: Record<string, unknown> = {};
      for (const [method, call] of Object.entries(api)) {
        const at = takesOptionsOnly(domain, method) ? 0 : 1;
        part[method] =
          contractRow(domain, method)?.kind === 'write'
            ? call
            : (...args: unknown[]) => {
                const given = [...args];
                given[at] = { ...(given[at] as ReadOptions | undefined), fresh: true };
                return call(...given);
              };
      }
      view[domain] = part;
    }
    Object.defineProperty(view, 'preferences', { get: () => this.preferences, enumerable: true });
    return (this.#freshView = view as ForecourtAdapter);
  }

  async clearCache(): Promise<void> {
    // Under the outbox's lock: no tab is sending while the queue is dropped.
    const deleted = await this.outbox.exclusive(async () => {
      this.#forget();
      const result = await this.#storage.destroy();
      this.outbox.drop(result.dropped.map((entry) => entry.key), CLEARED);
      return result.deleted;
    });
    // A write this tab stored while the database was being deleted went with it.
    await this.outbox.reconcile(CLEARED, deleted);
    this.#announce({ type: 'clear' });
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.outbox.close();
    this.#channel?.close();
    this.#storage.close();
    for (const flight of this.#inflight.values()) flight.controller.abort();
    this.#inflight.clear();
    if (typeof globalThis.removeEventListener === 'function') globalThis.removeEventListener('online', this.#onOnline);
  }

  // ───────────── domains ─────────────

  #wrap(domain: AdapterDomain, api: object): Record<string, unknown> {
    const wrapped: Record<string, unknown> = {};
    for (const method of methodNames(api)) {
      const noArg = takesOptionsOnly(domain, method);
      wrapped[method] = contractRow(domain, method)?.kind === 'write'
        ? (...args: unknown[]) => {
            const opts = (noArg ? args[0] : args[1]) as WriteOptions | undefined;
            return this.outbox.enqueue(domain, method, noArg ? undefined : args[0], opts?.idempotencyKey);
          }
        : (...args: unknown[]) => this.#read(domain, method, api as Record<string, (...a: unknown[]) => Promise<unknown>>, noArg, args);
    }
    return wrapped;
  }

  async #read(
    domain: AdapterDomain,
    method: string,
    api: Record<string, (...a: unknown[]) => Promise<unknown>>,
    noArg: boolean,
    args: unknown[],
  ): Promise<unknown> {
    const arg = noArg ? undefined : args[0];
    const opts = (noArg ? args[0] : args[1]) as ReadOptions | undefined;
    const signal = opts?.signal;
    const fresh = opts?.fresh === true;
    const call = (s: AbortSignal) => (noArg ? api[method]!({ signal: s }) : api[method]!(arg, { signal: s }));
    const key = noArg ? `${domain}.${method}` : `${domain}.${method}:${stableJson(arg)}`;
    await this.#ready;
    if (this.#storage.kind === 'memory') return this.#fetch(key, domain, call, signal, fresh);

    const record = await this.#cachedRead(key, domain, method);
    if (!fresh && record && record.asOf > (this.#invalidated.get(domain) ?? Number.NEGATIVE_INFINITY)) {
      const now = this.#now();
      if (!this.#revalidated.has(key) || now - record.asOf >= this.#revalidateAfterMs) this.#revalidate(key, domain, call, record);
      else if (now - record.accessedAt >= TOUCH_AFTER_MS) void this.#storage.touchRead(key, now);
      return record.value;
    }
    // Nothing cached, a write has changed it since, or a fresh read: the network first, the old answer if it is unreachable.
    try {
      return await this.#fetch(key, domain, call, signal, fresh);
    } catch (error) {
      if (record && isAdapterError(error) && error.retryable) return record.value;
      throw error;
    }
  }

  /**
   * The cached answer for `key`, if it is one the method gives: checked against the contract's
   * answer schema, as the network's answers are. One that is not (a damaged or foreign record)
   * is dropped, so it is read again and never shown.
   */
  async #cachedRead(key: string, domain: AdapterDomain, method: string): Promise<ReadRecord | undefined> {
    const record: unknown = await this.#storage.getRead(key);
    if (record === undefined) return undefined;
    const answer = contractRow(domain, method)?.answer;
    const valid =
      typeof record === 'object' &&
      record !== null &&
      'value' in record &&
      'asOf' in record &&
      typeof record.asOf === 'number' &&
      'accessedAt' in record &&
      typeof record.accessedAt === 'number' &&
      (!answer || v.safeParse(answer, record.value, { abortEarly: true }).success);
    if (valid) return record as ReadRecord;
    await this.#storage.deleteRead(key).catch(() => undefined);
    return undefined;
  }

  #revalidate(key: string, domain: AdapterDomain, call: (s: AbortSignal) => Promise<unknown>, cached: ReadRecord): void {
    this.#fetch(key, domain, call).then(
      (value) => {
        if (stableJson(value) !== stableJson(cached.value)) this.#dispatch(CACHE_CHANGE_EVENT, { domains: [domain], origin: 'revalidate' });
      },
      () => undefined, // offline: the cached answer stands
    );
  }

  /**
   * One network request per key at a time, joined by whoever reads the key meanwhile, except a
   * fresh read: it sends its own, which later readers join. The answer is stored before anyone gets it.
   */
  #fetch(key: string, domain: AdapterDomain, call: (s: AbortSignal) => Promise<unknown>, signal?: AbortSignal, fresh = false): Promise<unknown> {
    if (signal?.aborted) return Promise.reject(aborted());
    let flight = this.#inflight.get(key);
    if (flight && fresh) {
      flight.superseded = true;
      flight = undefined;
    }
    if (!flight) {
      const controller = new AbortController();
      const asOf = this.#now();
      const generation = this.#generation;
      const created = { controller, domain, users: 0, pinned: false, superseded: false } as Flight;
      const promise = (async () => {
        const value = await call(controller.signal);
        if (generation !== this.#generation || this.#closed || created.superseded) return value;
        this.#revalidated.add(key);
        if (this.#storage.kind === 'indexeddb') {
          try {
            await this.#storage.putRead({ key, domain, value, asOf, accessedAt: this.#now() });
          } catch {
            // An answer that cannot be stored (not cloneable) is still an answer.
          }
          if (++this.#puts % PRUNE_EVERY === 0) void this.#storage.pruneReads(this.#maxEntries);
        }
        return value;
      })();
      created.promise = promise;
      flight = created;
      this.#inflight.set(key, created);
      promise.then(
        () => this.#inflight.get(key) === created && this.#inflight.delete(key),
        () => this.#inflight.get(key) === created && this.#inflight.delete(key),
      );
    }
    if (!signal) {
      flight.pinned = true;
      return flight.promise;
    }
    const joined = flight;
    joined.users++;
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        if (--joined.users === 0 && !joined.pinned) {
          joined.controller.abort();
          if (this.#inflight.get(key) === joined) this.#inflight.delete(key);
        }
        reject(aborted());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      joined.promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  // ───────────── changes ─────────────

  /**
   * The inner adapter as the outbox sends through it: a write's answer, or the current record a
   * conflict carries, is applied to the cached reads before the write counts as confirmed (and
   * before other tabs hear of it), so a read served from the cache afterwards (offline, after a
   * reload, in another tab) carries the version the server holds.
   */
  #learning(inner: ForecourtAdapter): ForecourtAdapter {
    const learning: Record<string, Record<string, unknown>> = {};
    for (const domain of ADAPTER_DOMAINS) {
      const api = inner[domain] as Record<string, unknown> | undefined;
      if (!api) continue;
      const part: Record<string, unknown> = {};
      for (const method of methodNames(api)) {
        const call = (api[method] as (...a: unknown[]) => Promise<unknown>).bind(api);
        part[method] =
          contractRow(domain, method)?.kind === 'write'
            ? async (...args: unknown[]) => {
                try {
                  const result = await call(...args);
                  await this.#learn(domain, method, result);
                  return result;
                } catch (error) {
                  if (isAdapterError(error) && error.kind === 'conflict') await this.#learn(domain, method, error.body);
                  throw error;
                }
              }
            : call;
      }
      learning[domain] = part;
    }
    return learning as ForecourtAdapter;
  }

  /** Applies the record in a write's answer (or a conflict's body) to the cached reads the write affects. */
  async #learn(domain: AdapterDomain, method: string, answer: unknown): Promise<void> {
    const record = recordOf(answer);
    if (!record || this.#closed || this.#storage.kind !== 'indexeddb') return;
    await this.#storage.patchReads(affectedBy(domain, method), (value) => patchRead(value, record), this.#now()).catch(() => undefined);
  }

  #invalidate(domains: readonly AdapterDomain[], at: number): void {
    for (const domain of domains) this.#invalidated.set(domain, Math.max(at, this.#invalidated.get(domain) ?? 0));
    // A request already on its way may have been answered before the write: don't hand it to new readers.
    for (const [key, flight] of this.#inflight) if (domains.includes(flight.domain)) this.#inflight.delete(key);
  }

  #confirmed(domain: AdapterDomain, method: string): void {
    const domains = affectedBy(domain, method);
    const at = this.#now();
    this.#invalidate(domains, at);
    void this.#storage.invalidate(domains, at);
    this.#post({ type: 'change', domains, at });
    this.#dispatch(CACHE_CHANGE_EVENT, { domains, origin: 'local' });
  }

  /** Drops what this tab remembers of the database (it is being deleted). */
  #forget(): void {
    this.#generation++;
    this.#invalidated.clear();
    this.#revalidated.clear();
    this.#inflight.clear();
  }

  #receive(message: Message): void {
    if (this.#closed) return;
    if (message.type === 'outbox') this.outbox.receive(message);
    else if (message.type === 'clear') {
      this.#forget();
      this.#storage.dropMemory();
      void this.outbox.reconcile(CLEARED);
    } else {
      this.#invalidate(message.domains, message.at);
      this.#dispatch(CACHE_CHANGE_EVENT, { domains: message.domains, origin: 'remote' });
    }
  }

  #post(message: Message): void {
    // Memory entries are this page's alone; other tabs must not wait on them.
    if (this.#closed || (message.type === 'outbox' && this.#storage.kind === 'memory')) return;
    try {
      this.#channel?.postMessage(message);
    } catch {
      // An argument that cannot be cloned is still stored and sent; other tabs just hear of it later.
    }
  }

  /** Tells the user's other tabs, even after `close()` (a provider clears the cache of an adapter it let go). */
  #announce(message: Message): void {
    if (!this.#closed) return this.#post(message);
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(this.#channelName);
    channel.postMessage(message);
    channel.close();
  }

  #fallBack(reason: string, cause: StorageFallbackCause): void {
    if (this.#fallback) return;
    this.#fallback = { reason, cause };
    console.warn(`Forecourt: ${reason}. Working without the offline cache: reads go to the network, unsent changes are kept only while this page is open.`);
    this.#dispatch(STORAGE_FALLBACK_EVENT, { ...this.#fallback });
  }

  #dispatch<K extends keyof CachedAdapterEventMap>(type: K, detail: CachedAdapterEventMap[K]['detail']): void {
    if (!this.#closed) this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}

/**
 * Wraps `adapter` with the offline cache and the outbox. Domains the adapter lacks stay missing.
 *
 * @param adapter The adapter that talks to the server (usually `createRestAdapter`).
 * @param options Tenant and user (they name the database), timings, backoff.
 * @returns The same contract, cached, plus the outbox and the cache's events.
 * @example
 * const adapter = withCache(createRestAdapter({ baseUrl: '/api' }), { tenant: 'shop-12', user: 'maria' });
 * adapter.addEventListener('fc-outbox-change', (e) => showPending(e.detail.entries));
 */
export function withCache(adapter: ForecourtAdapter, options: CacheOptions): CachedAdapter {
  return new Cached(adapter, options) as unknown as CachedAdapter;
}
