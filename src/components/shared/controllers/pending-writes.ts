/**
 * One model of optimistic writes for every widget that saves: a write shows at once, keyed by what
 * it is about (a row, a cell), as pending until the server confirms it, and, when the server
 * refuses it, as failed (with the server's message) or as a conflict (with the server's version
 * beside the user's, when the server sent it). Retry sends the same write again under the same
 * idempotency key, so a write the server applied before its answer was lost is not applied twice;
 * discard drops it here and from the outbox.
 *
 * With a cached adapter (`withCache`) the writes live in its outbox: writes an earlier page (or
 * another tab) left unsent or refused show up too. With a plain adapter the writes of this page
 * are tracked in memory.
 */
import type { ReactiveControllerHost } from 'lit';
import type { AdapterDomain, ForecourtAdapter } from '../../../data/adapter.js';
import type { OutboxEntry } from '../../../data/cache/outbox.js';
import { isAdapterError } from '../../../data/errors.js';
import { AdapterEventsController, isCachedAdapter } from './adapter-events.js';

/** How a write stands: on its way (`pending`, `sending`), or refused and waiting for the user. */
export type PendingWriteStatus = 'pending' | 'sending' | 'failed' | 'conflict';

/** What went wrong with a write: the adapter's error, as plain data. */
export interface WriteFailure {
  kind: string;
  message: string;
  status: number;
  /** The server's answer; for a conflict, usually `{ current }`: its version of the record. */
  body?: unknown;
  /**
   * When the server asked us to wait until (epoch ms, from its `Retry-After`): a write waiting to be
   * sent again is held until then, unless the user sends it now. Null or absent when it asked for
   * nothing. Shown with `serverWaitText()` ("The server asked us to wait until 10:42 AM.").
   */
  retryAt?: number | null;
}

/** One unconfirmed write, as a widget shows it. */
export interface PendingWrite<A, C> {
  /** What the write is about (`about(args)`); a write about several things is listed under each. */
  id: string;
  /** The idempotency key it is sent with (the outbox entry's key, for a cached adapter). */
  key: string;
  /** The write's argument, as sent. */
  args: A;
  status: PendingWriteStatus;
  /**
   * Why it failed; while `pending`/`sending`, the last temporary failure (the outbox sends it
   * again by itself: "not sent yet"), or null.
   */
  error: WriteFailure | null;
  /** For a conflict: the server's version, when the server sent it (`theirs(body)`), else null. */
  theirs: C | null;
  /** True when the write was made by an earlier page or another tab (it is in the outbox, not this page's). */
  inherited: boolean;
}

export interface PendingWritesOptions<D extends AdapterDomain, A, R, C> {
  /** The host's current adapter. */
  adapter: () => ForecourtAdapter | undefined;
  /** The domain of the writes. */
  domain: D;
  /**
   * The outbox entries that are this kind of write, narrowed to their argument: narrow the entry
   * union on `domain` and `method` (the outbox has checked `args` against the contract) and return
   * `entry.args`, null for any other entry. Never cast `entry.args`.
   */
  match: (entry: OutboxEntry) => A | null;
  /** What a write is about: a row's or cell's id, or several ids for a write about several rows. */
  about: (args: A) => string | readonly string[];
  /** Sends the write through the adapter with the given idempotency key. */
  send: (adapter: NonNullable<ForecourtAdapter[D]>, args: A, options: { idempotencyKey: string }) => Promise<R>;
  /** The server's version from a conflict's body (`error.body`), or null when it did not send one. */
  theirs?: (body: unknown) => C | null;
  /** The server confirmed a write made by this page. */
  onConfirmed?: (args: A, result: R) => void;
  /**
   * The server refused a write made by this page (after `failed`/`conflict` is shown). Return
   * true to drop it at once (e.g. a conflict that needs no decision); it is then discarded.
   */
  onRefused?: (args: A, failure: WriteFailure) => boolean | void;
}

interface Local<A> {
  key: string;
  args: A;
  ids: readonly string[];
  failure: WriteFailure | null;
}

/** The adapter's error as plain data. */
export function failureOf(error: unknown): WriteFailure {
  return isAdapterError(error)
    ? { kind: error.kind, message: error.message, status: error.status, body: error.body, retryAt: error.retryAt ?? null }
    : { kind: 'unknown', message: error instanceof Error ? error.message : String(error), status: 0 };
}

/** An outbox entry's last failure, with the time the server asked to wait until; null when it has none. */
function entryFailure(entry: OutboxEntry | undefined): WriteFailure | null {
  return entry?.error ? { ...entry.error, retryAt: entry.retryAt ?? null } : null;
}

/** The record in a conflict's body (`{ current }`), when it has a `version`; else null. */
export function currentOf<C extends { version: number }>(body: unknown): C | null {
  if (!body || typeof body !== 'object' || !('current' in body)) return null;
  const current: unknown = body.current;
  return current && typeof current === 'object' && 'version' in current && typeof current.version === 'number' ? (current as C) : null;
}

/**
 * Tracks a widget's optimistic writes of one kind (one domain and method).
 *
 * ```ts
 * readonly #writes = new PendingWritesController(this, {
 *   adapter: () => this.adapter,
 *   domain: 'customers',
 *   match: (entry) => (entry.domain === 'customers' && entry.method === 'setSource' ? entry.args : null),
 *   about: (change) => change.customerId,
 *   send: (customers, change, opts) => customers.setSource(change, opts),
 *   theirs: (body) => currentOf<Customer>(body),
 *   onConfirmed: (change, customer) => this.#patch(customer),
 * });
 * // render: const w = this.#writes.get(row.customerId) → w.status 'pending' | 'sending' | 'failed' | 'conflict'
 * // actions: this.#writes.save(change); this.#writes.retry(id); this.#writes.discard(id); this.#writes.replace(id, change)
 * ```
 *
 * The latest write about an id wins: `get(id)` is this page's newest write, or else the newest
 * outbox entry about it. Retry keeps the idempotency key; `replace` (e.g. "keep mine" after a
 * conflict, with the server's version as the expected one) is a new write with a new key.
 */
export class PendingWritesController<D extends AdapterDomain, A, R, C = unknown> {
  readonly #host: ReactiveControllerHost;
  readonly #options: PendingWritesOptions<D, A, R, C>;
  readonly #events: AdapterEventsController;
  /** This page's writes by id, newest last. */
  readonly #local = new Map<string, Local<A>>();

  constructor(host: ReactiveControllerHost, options: PendingWritesOptions<D, A, R, C>) {
    this.#host = host;
    this.#options = options;
    this.#events = new AdapterEventsController(host, { adapter: options.adapter, domains: [options.domain] });
  }

  /** Every unconfirmed write, by what it is about. */
  all(): Map<string, PendingWrite<A, C>> {
    const writes = new Map<string, PendingWrite<A, C>>();
    const entries = new Map<string, OutboxEntry>();
    // Oldest first: a later entry about the same id replaces an earlier one.
    for (const entry of this.#events.entries) {
      const args = this.#options.match(entry);
      if (args === null) continue;
      entries.set(entry.key, entry);
      for (const id of this.#ids(args)) writes.set(id, this.#fromEntry(id, entry, args, true));
    }
    for (const [id, local] of this.#local) writes.set(id, this.#fromLocal(id, local, entries.get(local.key)));
    return writes;
  }

  /** The write about `id` that shows now, or undefined. */
  get(id: string): PendingWrite<A, C> | undefined {
    const local = this.#local.get(id);
    if (local) return this.#fromLocal(id, local, this.#events.entries.find((e) => e.key === local.key));
    let found: PendingWrite<A, C> | undefined;
    for (const entry of this.#events.entries) {
      const args = this.#options.match(entry);
      if (args !== null && this.#ids(args).includes(id)) found = this.#fromEntry(id, entry, args, true);
    }
    return found;
  }

  /** True when the adapter keeps writes in an outbox (a cached adapter): `flush()` can send them now. */
  get queued(): boolean {
    return isCachedAdapter(this.#options.adapter());
  }

  /** The cached adapter's outbox sends everything waiting now ("Send now"); nothing for a plain adapter. */
  async flush(): Promise<void> {
    const adapter = this.#options.adapter();
    if (isCachedAdapter(adapter)) await adapter.outbox.flush().catch(() => undefined);
  }

  /**
   * Makes a write: it shows as pending at once and resolves with the server's answer, or with
   * undefined when it was refused (it then shows as failed or conflict), discarded, or the
   * adapter lacks the domain.
   * @param key The idempotency key; a new one by default.
   */
  async save(args: A, key: string = crypto.randomUUID()): Promise<R | undefined> {
    const api = this.#options.adapter()?.[this.#options.domain] as NonNullable<ForecourtAdapter[D]> | undefined;
    if (!api) return undefined;
    const local: Local<A> = { key, args, ids: this.#ids(args), failure: null };
    for (const id of local.ids) {
      this.#local.delete(id); // re-inserted last: the newest write
      this.#local.set(id, local);
    }
    this.#host.requestUpdate();
    const mine = () => local.ids.filter((id) => this.#local.get(id) === local);
    try {
      const result = await this.#options.send(api, args, { idempotencyKey: key });
      for (const id of mine()) this.#local.delete(id);
      this.#host.requestUpdate();
      this.#options.onConfirmed?.(args, result);
      return result;
    } catch (error) {
      if (!mine().length) return undefined;
      if (isAdapterError(error) && error.kind === 'aborted') {
        for (const id of mine()) this.#local.delete(id);
      } else {
        local.failure = failureOf(error);
        if (this.#options.onRefused?.(args, local.failure) === true) await this.#drop(local);
      }
      this.#host.requestUpdate();
      return undefined;
    }
  }

  /** Sends a failed write about `id` again, the same argument under the same idempotency key. */
  async retry(id: string): Promise<R | undefined> {
    const write = this.get(id);
    if (!write) return undefined;
    await this.#discardEntry(write.key);
    return this.save(write.args, write.key);
  }

  /** Drops the write about `id` (and every id it is about) here and from the outbox. */
  async discard(id: string): Promise<void> {
    const write = this.get(id);
    const local = this.#local.get(id);
    if (local) await this.#drop(local);
    else if (write) await this.#discardEntry(write.key);
    this.#host.requestUpdate();
  }

  /** Replaces the write about `id` with a new one (a new key), e.g. "keep mine" after a conflict. */
  async replace(id: string, args: A): Promise<R | undefined> {
    await this.discard(id);
    return this.save(args);
  }

  #ids(args: A): readonly string[] {
    const about = this.#options.about(args);
    return typeof about === 'string' ? [about] : about;
  }

  async #drop(local: Local<A>): Promise<void> {
    for (const id of local.ids) if (this.#local.get(id) === local) this.#local.delete(id);
    await this.#discardEntry(local.key);
  }

  async #discardEntry(key: string): Promise<void> {
    const adapter = this.#options.adapter();
    if (isCachedAdapter(adapter)) await adapter.outbox.discard(key).catch(() => undefined);
  }

  #theirs(status: PendingWriteStatus, failure: WriteFailure | null): C | null {
    return status === 'conflict' && failure && this.#options.theirs ? this.#options.theirs(failure.body) : null;
  }

  #fromLocal(id: string, local: Local<A>, entry: OutboxEntry | undefined): PendingWrite<A, C> {
    const base = { id, key: local.key, args: local.args, inherited: false };
    if (local.failure) {
      const status: PendingWriteStatus = local.failure.kind === 'conflict' ? 'conflict' : 'failed';
      return { ...base, status, error: local.failure, theirs: this.#theirs(status, local.failure) };
    }
    const status = entry?.status === 'sending' ? 'sending' : 'pending';
    return { ...base, status, error: entryFailure(entry), theirs: null };
  }

  #fromEntry(id: string, entry: OutboxEntry, args: A, inherited: boolean): PendingWrite<A, C> {
    const status: PendingWriteStatus = entry.status === 'confirmed' ? 'sending' : entry.status;
    const error = entryFailure(entry) ?? (status === 'failed' || status === 'conflict' ? { kind: status, message: '', status: 0 } : null);
    return { id, key: entry.key, args, status, error, theirs: this.#theirs(status, error), inherited };
  }
}
