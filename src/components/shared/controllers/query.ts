/**
 * One way for a widget to read its data: a `@lit/task` Task over the host's adapter, read again
 * when the cache says a watched domain changed (a write here or in another tab, a background
 * refresh that found new data), on an optional poll, and on Retry. The last value stays on screen
 * while it is read again, and every state renders the same way in every widget.
 */
import { html, nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import { deepArrayEquals } from '@lit/task/deep-equals.js';
import type { AdapterDomain, ForecourtAdapter } from '../../../data/adapter.js';
import type { CachedAdapter, CachedAdapterEventMap } from '../../../data/cache/with-cache.js';
import { emptyView, errorView, loadingView, unsupportedView } from '../states.js';
import { isCachedAdapter } from './adapter-events.js';

/** An adapter known to provide the domains `D`. */
export type AdapterWith<D extends AdapterDomain> = ForecourtAdapter & { [K in D]-?: NonNullable<ForecourtAdapter[K]> };

export interface QueryOptions<D extends AdapterDomain, A extends readonly unknown[], R> {
  /** The host's current adapter (it may change, e.g. when a provider rebuilds it). */
  adapter: () => ForecourtAdapter | undefined;
  /**
   * The adapter parts the query needs. Without any of them the query does not run and renders
   * "this host does not provide …" (naming the first one missing).
   */
  requires: readonly D[];
  /**
   * The domains whose changes make the query read again (default: `requires`). A change of
   * another domain does nothing.
   */
  domains?: readonly AdapterDomain[];
  /**
   * The query's inputs besides the adapter: primitives, or arrays/objects compared deeply
   * (`deepArrayEquals`). A change of them reads again; the last value is then dropped unless
   * `keepAcrossArgs` is set.
   */
  args?: () => A;
  /**
   * Reads the data. Pass `signal` down to the adapter: it is aborted when a newer read starts
   * or the host leaves the page. After a failed read (a Retry, or any read until one succeeds), a
   * cached adapter comes as its `fresh()` view, whose reads ask the server again rather than
   * join one sent while it was failing: what is kept per adapter is keyed by the host's own
   * adapter, not this one.
   */
  read: (adapter: AdapterWith<D>, args: A, options: { signal: AbortSignal }) => Promise<R>;
  /** Seconds between re-reads; 0 or less turns polling off. Paused while `document.hidden`. */
  poll?: () => number;
  /**
   * True when there is nothing to read for these args (e.g. an invalid range typed, a closed
   * editor): nothing is read, and the last value (if any) stays on screen.
   */
  idle?: (args: A) => boolean;
  /** Keeps the last value on screen while new args are read too, not only while the same args are read again. */
  keepAcrossArgs?: boolean;
  /** Called with each value read (after it is stored). */
  onValue?: (value: R) => void;
  /** Called when a read fails. */
  onError?: (error: unknown) => void;
}

export interface QueryRenderOptions<R> {
  /** Renders the data. */
  complete: (value: R) => unknown;
  /** True when the value has nothing to show. */
  isEmpty?: (value: R) => boolean;
  /** Text of the empty state (the shared "Nothing to show" by default). */
  empty?: string | ((value: R) => string);
  /** Skeleton bars while loading. */
  lines?: number;
  /** Label of the loading state (the shared "Loading…" by default). */
  loading?: string;
}

/**
 * Reads one piece of a widget's data and keeps it current.
 *
 * ```ts
 * readonly #board = new QueryController(this, {
 *   adapter: () => this.adapter,
 *   requires: ['customers'],
 *   args: () => [this.date] as const,
 *   read: (adapter, [date], { signal }) => adapter.customers.board({ date }, { signal }),
 *   poll: () => this.refreshInterval,
 * });
 * render() {
 *   return this.#board.render({ complete: (entries) => boardView(entries), isEmpty: (e) => !e.length, lines: 5 });
 * }
 * ```
 *
 * - Re-reads when the cached adapter (`withCache`) fires `fc-cache-change` for one of `domains`,
 *   here or in another tab; a plain adapter fires nothing and is read when its args change.
 * - While a re-read of the same args runs, `value` keeps the last value and `refreshing` is true,
 *   so nothing flashes back to a skeleton; a failed re-read shows the error above the last value.
 * - `render()` draws loading (a skeleton), empty, error with Retry and "this host does not
 *   provide …" with the shared views of `states.ts`.
 */
export class QueryController<D extends AdapterDomain, A extends readonly unknown[], R> implements ReactiveController {
  readonly #options: QueryOptions<D, A, R>;
  readonly #task: Task<readonly [ForecourtAdapter | undefined, A], R>;
  /** The last value read and the inputs it was read with. */
  #last: { adapter: ForecourtAdapter; args: A; value: R } | null = null;
  #listening: CachedAdapter | null = null;
  #connected = false;
  #timer: ReturnType<typeof setInterval> | undefined;
  #interval = 0;
  #lastRead = 0;
  #runs = 0;

  constructor(host: ReactiveControllerHost, options: QueryOptions<D, A, R>) {
    this.#options = options;
    this.#task = new Task(host, {
      task: async ([adapter, args], { signal }) => {
        if (!adapter || this.#missing(adapter) || options.idle?.(args)) return initialState;
        const run = ++this.#runs;
        // After a failure (the task's `error` is the last finished run's), a cached adapter's `fresh()` view.
        const reader = (this.#task.error !== undefined && (adapter as Partial<CachedAdapter>).fresh?.()) || adapter;
        const value = await options.read(reader as AdapterWith<D>, args, { signal });
        if (run === this.#runs) this.#last = { adapter, args, value };
        return value;
      },
      args: () => this.#currentArgs(),
      argsEqual: (a, b) => a[0] === b[0] && deepArrayEquals(a[1], b[1]),
      onComplete: (value) => {
        this.#lastRead = Date.now();
        options.onValue?.(value);
      },
      onError: (error) => {
        this.#lastRead = Date.now();
        options.onError?.(error);
      },
    });
    host.addController(this);
  }

  /** The value on screen: the latest read, or the last one while the same inputs are read again. */
  get value(): R | undefined {
    const last = this.#last;
    if (!last) return undefined;
    const [adapter, args] = this.#currentArgs();
    if (last.adapter !== adapter) return undefined;
    if (!this.#options.keepAcrossArgs && !this.#idle && !deepArrayEquals(last.args, args)) return undefined;
    return last.value;
  }

  /** The latest read's failure, when it failed. */
  get error(): unknown {
    return this.#task.status === TaskStatus.ERROR ? this.#task.error : undefined;
  }

  /** The task's status; INITIAL while the adapter lacks a required domain. */
  get status(): TaskStatus {
    return this.#task.status;
  }

  /** A read is running while the last value stays on screen. */
  get refreshing(): boolean {
    return this.#task.status === TaskStatus.PENDING && this.value !== undefined;
  }

  /** The first required domain the adapter lacks (all of them without an adapter), or null. */
  get missing(): D | null {
    const adapter = this.#options.adapter();
    return adapter ? this.#missing(adapter) : (this.#options.requires[0] ?? null);
  }

  /**
   * Reads again now (Retry, or after something the host knows changed); resolves when done.
   * After a failed read, the read asks the server again rather than join a cached adapter's
   * request on its way (one sent while the server was failing).
   */
  async run(): Promise<void> {
    await this.#task.run();
  }

  /**
   * Renders the query's state: "does not provide" for a missing domain, the data (or the empty
   * state), an error with Retry (above the last value, when there is one), or a skeleton;
   * nothing while `idle` with no value.
   */
  render(options: QueryRenderOptions<R>): unknown {
    const missing = this.missing;
    if (missing) return unsupportedView(missing);
    const value = this.value;
    const failure = this.errorView();
    if (value === undefined) return failure ?? (this.#idle ? nothing : loadingView(options.lines, options.loading));
    const body = options.isEmpty?.(value)
      ? emptyView(typeof options.empty === 'function' ? options.empty(value) : options.empty)
      : options.complete(value);
    return failure ? html`${failure}${body}` : body;
  }

  /** The error view with Retry, for a host that draws its data itself. */
  errorView(): TemplateResult | null {
    return this.error !== undefined ? errorView(this.error, () => this.run()) : null;
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.hostUpdate();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#follow();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#stopPolling();
  }

  hostUpdate(): void {
    if (!this.#connected) return;
    this.#follow(this.#options.adapter());
    this.#schedule();
  }

  #currentArgs(): readonly [ForecourtAdapter | undefined, A] {
    return [this.#options.adapter(), this.#options.args?.() ?? ([] as unknown as A)];
  }

  get #idle(): boolean {
    return this.#options.idle?.(this.#currentArgs()[1]) ?? false;
  }

  #missing(adapter: ForecourtAdapter): D | null {
    return this.#options.requires.find((d) => !adapter[d]) ?? null;
  }

  #refresh(): void {
    if (!this.#connected || document.hidden || this.#task.status === TaskStatus.PENDING || this.missing || this.#idle) return;
    void this.#task.run();
  }

  // ───────────── cache changes ─────────────

  readonly #onCacheChange = (event: CachedAdapterEventMap['fc-cache-change']) => {
    const watched = this.#options.domains ?? this.#options.requires;
    if (!event.detail.domains.some((d) => watched.includes(d)) || this.missing || this.#idle) return;
    // A change supersedes a read in flight: it may have started before the change.
    void this.#task.run();
  };

  #follow(adapter?: ForecourtAdapter): void {
    const next = isCachedAdapter(adapter) ? adapter : null;
    if (next === this.#listening) return;
    this.#listening?.removeEventListener('fc-cache-change', this.#onCacheChange);
    this.#listening = next;
    next?.addEventListener('fc-cache-change', this.#onCacheChange);
  }

  // ───────────── polling ─────────────

  readonly #onVisibility = () => {
    if (!document.hidden && this.#interval > 0 && Date.now() - this.#lastRead >= this.#interval * 1000) this.#refresh();
  };

  #schedule(): void {
    const seconds = this.#options.poll?.() ?? 0;
    const interval = seconds > 0 ? seconds : 0;
    if (interval === this.#interval && (this.#timer !== undefined) === interval > 0) return;
    this.#stopPolling();
    this.#interval = interval;
    if (interval > 0) this.#timer = setInterval(() => this.#refresh(), interval * 1000);
  }

  #stopPolling(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#interval = 0;
  }
}
