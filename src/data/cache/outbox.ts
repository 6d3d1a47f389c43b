/**
 * The outbox: every write is stored before it is sent, sent in the order it was made with its
 * own idempotency key, retried with backoff while the failure is temporary, and kept until the
 * server confirms it or the user discards it. A conflict or a rejected write is parked for the
 * user to see, never retried blindly. When the server says how long to wait (`Retry-After` on a
 * 429 or 503), the entry is held at least that long, and the time is stored with it, so a reload or
 * another tab holds it too; only the user's "Send now" (`flush()`) sends it earlier.
 *
 * Only one tab sends at a time (a Web Lock per database); it sends every tab's entries, and
 * tells the others over the cache's BroadcastChannel how each entry ended so they can settle
 * their callers.
 */
import * as v from 'valibot';
import { ADAPTER_DOMAINS } from '../adapter.js';
import type { AdapterDomain, ForecourtAdapter, WriteOptions } from '../adapter.js';
import { contractRow } from '../contract.js';
import type { MethodArg, MethodResult, WriteMethod } from '../contract.js';
import { AdapterError, isAdapterError } from '../errors.js';
import type { AdapterErrorKind } from '../errors.js';
import { describeIssue } from '../schemas.js';
import type { CacheStorage, StoredEntry } from './storage.js';

export type OutboxStatus = 'pending' | 'sending' | 'failed' | 'conflict' | 'confirmed';

/** What every outbox entry has, whatever its write. */
export interface OutboxEntryBase {
  /** The idempotency key the write is sent with. */
  key: string;
  status: OutboxStatus;
  /** Times it has been sent. */
  attempts: number;
  createdAt: number;
  /** Not sent again before this time (backoff, or the server's `retryAt` when that is later). */
  nextAttemptAt: number;
  /**
   * The time the server asked the client to wait until (`Retry-After` of the last answer), in epoch
   * ms; absent when it asked for nothing. Only `flush()` ("Send now") sends the entry before it.
   */
  retryAt?: number;
  /** The last failure; `body` is the server's answer (for a conflict, the current record). */
  error?: { kind: string; message: string; status: number; body?: unknown };
  /** Success answers (2xx) that could not be read (cut off, the wrong shape): the write was applied, its answer not received. */
  unreadable?: number;
}

/** The outbox entry of one write method of the contract: `args` is that method's argument. */
export interface OutboxEntryOf<D extends AdapterDomain, M extends WriteMethod<D>> extends OutboxEntryBase {
  domain: D;
  method: M;
  /** The write's argument (undefined for a method that takes none, such as `sources.completeMapping`). */
  args: MethodArg<D, M>;
  /** The server's answer, once confirmed. */
  result?: MethodResult<D, M>;
}

/**
 * One write waiting to be, or being, sent: a union over the write methods of the contract,
 * discriminated by `domain` and `method`, so narrowing on both types `args`:
 * `if (entry.domain === 'customers' && entry.method === 'setSource') entry.args.customerId`.
 * Entries read back from storage are checked against the contract's request schema first.
 */
export type OutboxEntry = { [D in AdapterDomain]: { [M in WriteMethod<D>]: OutboxEntryOf<D, M> }[WriteMethod<D>] }[AdapterDomain];

/** An entry as stored, before it is checked: any domain, method and argument. */
export interface OutboxRecord extends OutboxEntryBase {
  domain: AdapterDomain;
  method: string;
  args: unknown;
  result?: unknown;
}

/**
 * Narrows an outbox entry to one write method, so its `args` has that method's type.
 * @param entry An entry of the outbox (`adapter.outbox.list()`, an `fc-outbox-change` event).
 * @param domain The domain of the write.
 * @param method The write method.
 * @returns True when the entry is a write of `domain.method`.
 * @example
 * const restores = entries.filter((e) => isEntryOf(e, 'deleted', 'restore')).flatMap((e) => e.args.ids);
 */
export function isEntryOf<D extends AdapterDomain, M extends WriteMethod<D>>(
  entry: OutboxEntry,
  domain: D,
  method: M,
): entry is Extract<OutboxEntry, { domain: D; method: M }> {
  return entry.domain === domain && entry.method === method;
}

/**
 * Why a stored write cannot be sent as it is: its domain and method are not a write of the
 * contract, or its argument does not meet the method's request schema. Null when it can.
 * @param entry A write as read back from storage (untrusted).
 * @returns The problem in English, naming the field (`name: expected a non-empty name`), or null.
 * @example outboxEntryProblem({ domain: 'deleted', method: 'restore', args: { ids: 'x' }, ... }) // 'ids: expected Array, received "x"'
 */
export function outboxEntryProblem(entry: Pick<OutboxRecord, 'domain' | 'method' | 'args'>): string | null {
  const label = `${String(entry.domain)}.${String(entry.method)}`;
  const row = (ADAPTER_DOMAINS as readonly unknown[]).includes(entry.domain) ? contractRow(entry.domain, String(entry.method)) : undefined;
  if (!row || row.kind !== 'write') return `${label} is not a write of the adapter contract`;
  if (!row.request) return entry.args === undefined ? null : `${label} takes no argument`;
  const result = v.safeParse(row.request, entry.args, { abortEarly: true });
  return result.success ? null : describeIssue(result.issues[0]);
}

export interface Outbox {
  /** Every entry not yet confirmed and removed, oldest first. */
  list(): Promise<OutboxEntry[]>;
  /**
   * Sends every pending entry now, ignoring backoff and the server's `Retry-After` (the user's "Send
   * now"); resolves when the queue is empty or a send failed again.
   */
  flush(): Promise<void>;
  /** Sends a failed or conflicting entry again, with the same key. */
  retry(key: string): Promise<void>;
  /** Drops an entry; a caller still waiting for it gets an `aborted` AdapterError. */
  discard(key: string): Promise<void>;
}

export interface RetryOptions {
  /** First backoff delay in ms. Default 1000. */
  baseMs?: number;
  /** Longest backoff delay in ms. Default 60000. */
  maxMs?: number;
  /** Sends before a still-failing write is marked failed. Default: no limit (an offline spell never loses a write). */
  maxAttempts?: number;
}

/** What tabs tell each other about the outbox. */
export interface OutboxMessage {
  type: 'outbox';
  entry: StoredEntry;
  /** The entry left the queue (confirmed, or discarded). */
  removed: boolean;
}

export interface OutboxDeps {
  storage: CacheStorage;
  inner: ForecourtAdapter;
  lockName: string;
  now(): number;
  retry?: RetryOptions;
  /** True for write methods that take only options (no argument). */
  optionsOnly(domain: AdapterDomain, method: string): boolean;
  post(message: OutboxMessage): void;
  onConfirmed(domain: AdapterDomain, method: string): void;
  onChange(entries: OutboxEntry[]): void;
}

/** A caller waiting for its write; `seq` is its entry's, once stored (a key queued again is another entry). */
type Waiter = { resolve(value: unknown): void; reject(error: unknown): void; seq?: number };

/** An entry's identity for the contract check: a database deleted and made again reuses `seq`s. */
function checkId(entry: StoredEntry): string {
  return `${entry.seq}:${String(entry.key)}`;
}

/** An entry as callers see it: without its storage order, typed by its (checked) method. */
function publicEntry({ seq: _seq, ...entry }: StoredEntry): OutboxEntry {
  return entry as OutboxEntry;
}

function asAdapterError(cause: unknown): AdapterError {
  if (isAdapterError(cause)) return cause;
  const message = cause instanceof Error ? cause.message : String(cause);
  return new AdapterError({ kind: 'rejected', message: `The change could not be sent: ${message}`, cause });
}

/** Which waits a pass skips: none, the backoff only (`resume`), or also the server's `Retry-After` (`flush`). */
type Force = 'none' | 'backoff' | 'all';

const FORCE_ORDER: Record<Force, number> = { none: 0, backoff: 1, all: 2 };

/** The entry without the server's requested wait (it is being sent, or the user sent it). */
function withoutRetryAt({ retryAt: _retryAt, ...entry }: StoredEntry): StoredEntry {
  return entry;
}

/** Unreadable success answers a write may get before it is parked as failed. */
const UNREADABLE_ANSWERS = 5;

/**
 * A 2xx answer that could not be read (cut off, the wrong shape): the server applied the write,
 * so it is sent again under the same key to get the answer it recorded.
 */
function unreadableSuccess(failure: AdapterError): boolean {
  return failure.kind === 'malformed' && failure.status >= 200 && failure.status < 300;
}

function errorOf(entry: Pick<OutboxRecord, 'error'>): AdapterError {
  const error = entry.error;
  if (!error) return new AdapterError({ kind: 'aborted', message: 'The change was discarded before it was sent.' });
  return new AdapterError({ kind: error.kind as AdapterErrorKind, status: error.status, message: error.message, body: error.body });
}

/**
 * Delay before the next attempt: exponential in the attempts made, capped, with "equal jitter"
 * (half fixed, half random) so tabs and clients coming back online together do not send in step.
 */
export function backoffDelay(attempts: number, baseMs: number, maxMs: number, random = Math.random()): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
  return ceiling / 2 + (random * ceiling) / 2;
}

export class OutboxQueue implements Outbox {
  readonly #d: OutboxDeps;
  readonly #retry: Required<RetryOptions>;
  /** What this tab knows of the queue, for change events without a database read each time. */
  readonly #entries = new Map<string, StoredEntry>();
  readonly #waiters = new Map<string, Waiter>();
  /** Discards in progress, by key. */
  readonly #discarding = new Map<string, Promise<void>>();
  /** Stored entries already checked against the contract, by `checkId`. */
  readonly #checked = new Set<string>();
  /** Stored entries found invalid and being dropped, so a concurrent read drops (and reports) them once. */
  readonly #dropped = new Set<string>();
  #wanted = false;
  /** What the next pass may skip: nothing, the backoff (the connection is back), or every wait ("Send now"). */
  #force: Force = 'none';
  #active: Promise<void> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sending: AbortController | null = null;
  #closed = false;

  constructor(deps: OutboxDeps) {
    this.#d = deps;
    this.#retry = {
      baseMs: deps.retry?.baseMs ?? 1000,
      maxMs: deps.retry?.maxMs ?? 60_000,
      maxAttempts: deps.retry?.maxAttempts ?? Number.POSITIVE_INFINITY,
    };
  }

  /** Loads what an earlier page left in the queue and sends it. */
  async start(): Promise<void> {
    const entries = await this.list();
    if (entries.length > 0) this.#emit();
    await this.#kick('none');
  }

  /**
   * The connection is back: sends now what waits on backoff, but holds what the server asked to
   * hold (`retryAt`) until then.
   */
  resume(): Promise<void> {
    return this.#kick('backoff');
  }

  /** Stores a write and resolves with the server's answer once it is confirmed. */
  async enqueue(domain: AdapterDomain, method: string, args: unknown, key: string = crypto.randomUUID()): Promise<unknown> {
    if (this.#closed) throw new AdapterError({ kind: 'aborted', message: 'The cache was closed; the change was not saved.' });
    // The queue holds only writes the contract accepts, so every entry a widget reads back is typed.
    const problem = outboxEntryProblem({ domain, method, args });
    if (problem !== null) throw new AdapterError({ kind: 'rejected', message: `The change to ${domain}.${method} was not saved: ${problem}.` });
    const now = this.#d.now();
    const entry: OutboxRecord = { key, domain, method, args, status: 'pending', attempts: 0, createdAt: now, nextAttemptAt: now };
    // Queued again under its key (a Retry): the discard of the earlier entry finishes first.
    await this.#discarding.get(key);
    const waiter = {} as Waiter;
    const settled = new Promise((resolve, reject) => Object.assign(waiter, { resolve, reject }));
    this.#waiters.set(key, waiter);
    let stored: StoredEntry;
    try {
      stored = await this.#d.storage.addEntry(entry);
    } catch (cause) {
      if (this.#waiters.get(key) === waiter) this.#waiters.delete(key);
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new AdapterError({ kind: 'rejected', message: `The change could not be saved: ${reason}`, cause });
    }
    waiter.seq = stored.seq;
    this.#checked.add(checkId(stored));
    this.#update(stored, false);
    void this.#kick('none');
    return settled;
  }

  async list(): Promise<OutboxEntry[]> {
    const entries = await this.#load();
    this.#entries.clear();
    for (const entry of entries) this.#entries.set(entry.key, entry);
    return entries.map(publicEntry);
  }

  flush(): Promise<void> {
    return this.#kick('all');
  }

  async retry(key: string): Promise<void> {
    const entry = (await this.#load()).find((e) => e.key === key);
    if (!entry || (entry.status !== 'failed' && entry.status !== 'conflict')) return;
    const { error: _error, ...rest } = withoutRetryAt(entry);
    const again: StoredEntry = { ...rest, status: 'pending', nextAttemptAt: this.#d.now() };
    if (await this.#d.storage.replaceEntry(again)) this.#update(again, false);
    await this.#kick('all');
  }

  discard(key: string): Promise<void> {
    const done = this.#discard(key).finally(() => {
      if (this.#discarding.get(key) === quiet) this.#discarding.delete(key);
    });
    const quiet = done.catch(() => undefined);
    this.#discarding.set(key, quiet);
    return done;
  }

  async #discard(key: string): Promise<void> {
    const entry = (await this.#d.storage.listOutbox()).find((e) => e.key === key);
    if (!entry) return;
    await this.#d.storage.deleteEntry(entry.seq);
    this.#update(entry, true);
  }

  /** Applies another tab's news about an entry. */
  receive(message: OutboxMessage): void {
    if (this.#closed) return;
    if (!message.removed && outboxEntryProblem(message.entry) !== null) return;
    this.#apply(message.entry, message.removed);
    this.#emit();
  }

  /**
   * Settles entries that were removed without being sent (the cache was cleared): each caller
   * still waiting gets `error` as an AdapterError, and the entries stop being listed.
   * @param keys The idempotency keys of the dropped entries.
   * @param error What the callers are told (kind, status, message).
   */
  drop(keys: readonly string[], error: NonNullable<OutboxEntry['error']>): void {
    for (const key of keys) {
      this.#entries.delete(key);
      this.#waiters.get(key)?.reject(errorOf({ error }));
      this.#waiters.delete(key);
    }
    this.#emit();
  }

  /**
   * Reads the queue again and settles, as in `drop`, the entries this tab knew of that are no
   * longer stored (the cache was cleared, here or in another tab).
   * @param error What the callers are told.
   * @param read False when the storage cannot be read now (its deletion is held up): then
   *   nothing known is stored any more.
   */
  async reconcile(error: NonNullable<OutboxEntry['error']>, read = true): Promise<void> {
    const known = [...this.#entries.keys()];
    const stored = new Set(read ? (await this.#d.storage.listOutbox()).map((entry) => entry.key) : []);
    this.drop(known.filter((key) => !stored.has(key)), error);
  }

  /** Runs `fn` while no tab is sending (e.g. to delete the database under the queue). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.#locked(fn);
  }

  /** Stops sending; entries stay stored for the next page. Callers still waiting are left pending. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
    this.#sending?.abort();
  }

  // ───────────── internals ─────────────

  /**
   * The stored queue, oldest first. Storage is untrusted (another version of the page, an edit by
   * hand): each entry is checked once against the contract, and one that fails is dropped with a
   * warning, its caller (if still waiting) told why.
   */
  async #load(): Promise<StoredEntry[]> {
    const valid: StoredEntry[] = [];
    for (const entry of await this.#d.storage.listOutbox()) {
      const id = checkId(entry);
      if (this.#dropped.has(id)) continue;
      const problem = this.#checked.has(id) ? null : outboxEntryProblem(entry);
      if (problem === null) {
        this.#checked.add(id);
        valid.push(entry);
        continue;
      }
      this.#dropped.add(id);
      const message = `A stored change to ${String(entry.domain)}.${String(entry.method)} is not valid and was dropped: ${problem}.`;
      console.warn(`Forecourt: ${message}`);
      await this.#d.storage.deleteEntry(entry.seq);
      this.#update({ ...entry, status: 'failed', error: { kind: 'rejected', status: 0, message } }, true);
    }
    return valid;
  }

  #apply(entry: StoredEntry, removed: boolean): void {
    if (removed) this.#entries.delete(entry.key);
    else this.#entries.set(entry.key, entry);
    const waiter = this.#waiters.get(entry.key);
    // Another entry under the same key (one discarded, one queued again) settles no one's write but its own.
    if (!waiter || waiter.seq !== entry.seq) return;
    if (removed && entry.status === 'confirmed') waiter.resolve(entry.result);
    else if (removed || entry.status === 'conflict' || entry.status === 'failed') waiter.reject(errorOf(entry));
    else return;
    this.#waiters.delete(entry.key);
  }

  #update(entry: StoredEntry, removed: boolean): void {
    this.#apply(entry, removed);
    this.#d.post({ type: 'outbox', entry, removed });
    this.#emit();
  }

  #emit(): void {
    this.#d.onChange([...this.#entries.values()].map(publicEntry));
  }

  #locked<T>(fn: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    // Memory entries belong to this page alone: nothing to share, nothing to lock.
    if (!locks || this.#d.storage.kind === 'memory') return fn();
    return locks.request(this.#d.lockName, fn);
  }

  #kick(force: Force): Promise<void> {
    if (FORCE_ORDER[force] > FORCE_ORDER[this.#force]) this.#force = force;
    this.#wanted = true;
    this.#active ??= this.#drive();
    return this.#active;
  }

  async #drive(): Promise<void> {
    try {
      while (this.#wanted && !this.#closed) {
        this.#wanted = false;
        const force = this.#force;
        this.#force = 'none';
        try {
          await this.#locked(() => this.#pass(force));
        } catch (error) {
          // Storage failures already fell back to memory; anything else must not wedge the queue for good.
          console.warn('Forecourt: sending queued changes failed; they stay queued.', error);
          this.#schedule(this.#d.now() + this.#retry.maxMs);
          return;
        }
      }
    } finally {
      // Cleared in the same step as the last check, so a kick never finds a finished drive.
      this.#active = null;
    }
  }

  #schedule(at: number): void {
    clearTimeout(this.#timer);
    if (!this.#closed) this.#timer = setTimeout(() => void this.#kick('none'), Math.max(0, at - this.#d.now()));
  }

  /**
   * Sends the queue in order. A pending entry not yet due blocks the ones after it (they may
   * depend on it); a parked (failed, conflicting) entry does not. Entries other tabs add during
   * the pass are picked up by listing again at the end.
   */
  async #pass(force: Force): Promise<void> {
    let after = 0;
    for (;;) {
      const queue = (await this.#load()).filter((e) => e.seq > after);
      if (queue.length === 0) return;
      for (const listed of queue) {
        if (this.#closed) return;
        after = listed.seq;
        // Another tab may have sent, discarded or parked it since the list was read.
        const entry = await this.#d.storage.getEntry(listed.seq);
        if (!entry || (entry.status !== 'pending' && entry.status !== 'sending')) continue;
        const now = this.#d.now();
        const due = force === 'all' ? now : force === 'backoff' ? (entry.retryAt ?? now) : entry.nextAttemptAt;
        if (due > now) {
          this.#schedule(due);
          return;
        }
        if (!(await this.#send(entry))) return;
      }
    }
  }

  /** Sends one entry; false when the queue should stop here (retry later, or closed). */
  async #send(entry: StoredEntry): Promise<boolean> {
    const storage = this.#d.storage;
    const sending: StoredEntry = { ...withoutRetryAt(entry), status: 'sending', attempts: entry.attempts + 1 };
    if (!(await storage.replaceEntry(sending))) return true;
    this.#update(sending, false);

    const controller = new AbortController();
    this.#sending = controller;
    let result: unknown;
    let failure: AdapterError | undefined;
    try {
      const api = this.#d.inner[entry.domain] as Record<string, unknown> | undefined;
      const method = api?.[entry.method];
      if (typeof method !== 'function') throw new AdapterError({ kind: 'unsupported', message: `This host does not provide ${entry.domain}.${entry.method}.` });
      const opts: WriteOptions = { idempotencyKey: entry.key, signal: controller.signal };
      result = await (this.#d.optionsOnly(entry.domain, entry.method) ? method.call(api, opts) : method.call(api, entry.args, opts));
    } catch (cause) {
      failure = asAdapterError(cause);
    } finally {
      this.#sending = null;
    }
    // A closed page leaves the entry as 'sending'; the next page resends it under the same key.
    if (this.#closed) return false;

    if (!failure) {
      await storage.deleteEntry(entry.seq);
      this.#update({ ...sending, status: 'confirmed', result }, true);
      this.#d.onConfirmed(entry.domain, entry.method);
      return true;
    }
    const error = { kind: failure.kind, message: failure.message, status: failure.status, body: failure.body };
    const garbled = unreadableSuccess(failure);
    const unreadable = (sending.unreadable ?? 0) + (garbled ? 1 : 0);
    if ((failure.retryable || (garbled && unreadable < UNREADABLE_ANSWERS)) && sending.attempts < this.#retry.maxAttempts) {
      const now = this.#d.now();
      // The server's wait is measured on this queue's clock from now (its answer has just arrived).
      const asked = failure.retryAfterMs ?? 0;
      const delay = Math.max(backoffDelay(sending.attempts, this.#retry.baseMs, this.#retry.maxMs), asked);
      const later: StoredEntry = {
        ...sending,
        status: 'pending',
        error,
        nextAttemptAt: now + delay,
        ...(asked > 0 && { retryAt: now + asked }),
        ...(unreadable > 0 && { unreadable }),
      };
      if (await storage.replaceEntry(later)) this.#update(later, false);
      this.#schedule(later.nextAttemptAt);
      return false;
    }
    const parked: StoredEntry = { ...sending, status: failure.kind === 'conflict' ? 'conflict' : 'failed', error };
    if (await storage.replaceEntry(parked)) this.#update(parked, false);
    return true;
  }
}
