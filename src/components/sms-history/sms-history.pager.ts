import type { Page } from '../../data/adapter.js';
import { AdapterError, isAdapterError } from '../../data/errors.js';
import type { SmsMessage } from '../../data/model.js';

/** Loads one page: `limit` rows from `offset`. */
export type PageLoader = (offset: number, limit: number, signal: AbortSignal) => Promise<Page<SmsMessage>>;

export interface PagerOptions {
  load: PageLoader;
  pageSize: number;
  /** Pages kept in memory, least recently used dropped first. */
  capacity?: number;
  /**
   * A page arrived or failed, or the total became known (`page` is the page's number; none for a
   * change that may touch every row).
   */
  onChange: (page?: number) => void;
}

interface PageEntry {
  items: SmsMessage[] | null;
  error: unknown;
  /** Shown, but read again when next in view (the data changed underneath). */
  stale: boolean;
}

const isAbort = (error: unknown) =>
  (isAdapterError(error) && error.kind === 'aborted') || (error instanceof DOMException && error.name === 'AbortError');

/**
 * Random access to a long server-side list, one page at a time: an LRU of pages, the requests of
 * pages that left the view aborted, and a page's failure kept until it is retried.
 * @internal
 */
export class SmsPager {
  /** Rows in the list, -1 until the first page answers. */
  total = -1;
  /** Why the first page failed while the total is still unknown. */
  firstError: unknown = null;

  readonly pageSize: number;
  readonly #load: PageLoader;
  readonly #capacity: number;
  readonly #onChange: (page?: number) => void;
  /** Pages read ahead that failed: not read ahead again until they are in view (or retried). */
  readonly #aheadFailed = new Set<number>();
  /** Insertion order is recency: the first key is the least recently used. */
  readonly #pages = new Map<number, PageEntry>();
  readonly #inFlight = new Map<number, AbortController>();
  #disposed = false;
  #waiters: (() => void)[] = [];

  constructor(options: PagerOptions) {
    this.pageSize = Math.max(1, Math.floor(options.pageSize) || 100);
    this.#load = options.load;
    this.#capacity = Math.max(4, options.capacity ?? 40);
    this.#onChange = options.onChange;
  }

  /** The row at `index`, or undefined while its page is not loaded. */
  row(index: number): SmsMessage | undefined {
    return this.#pages.get(Math.floor(index / this.pageSize))?.items?.[index % this.pageSize];
  }

  /** Why the row at `index` is missing from its page (it failed, or came short), or null. */
  errorOf(index: number): unknown {
    const page = this.#pages.get(Math.floor(index / this.pageSize));
    if (!page?.error) return null;
    return page.items?.[index % this.pageSize] ? null : page.error;
  }

  /** First row of the page holding `index`. */
  pageStart(index: number): number {
    return Math.floor(index / this.pageSize) * this.pageSize;
  }

  /** First missing row of the page holding `index`: its start, or the end of what a short page sent. */
  missingFrom(index: number): number {
    return this.pageStart(index) + (this.#pages.get(Math.floor(index / this.pageSize))?.items?.length ?? 0);
  }

  /** True while any request is out. */
  get busy(): boolean {
    return this.#inFlight.size > 0;
  }

  /**
   * Makes sure the rows `first..last` are loaded or loading: requests their missing (or stale)
   * pages and aborts requests for pages outside them. Failed pages wait for {@link retry}.
   * Pages holding the `ahead` rows before and after are read ahead, so a scroll finds them
   * loaded; one that fails to read ahead shows its failure only once it is in view.
   */
  ensure(first: number, last: number, ahead = 0): void {
    if (this.#disposed) return;
    const wanted = new Set<number>();
    const early = new Set<number>();
    if (this.total < 0) wanted.add(Math.floor(Math.max(0, first) / this.pageSize));
    else if (this.total > 0) {
      const pageOf = (row: number) => Math.floor(Math.max(0, Math.min(this.total - 1, row)) / this.pageSize);
      const lo = pageOf(first);
      const hi = pageOf(Math.max(first, last));
      for (let p = lo; p <= hi; p++) wanted.add(p);
      for (let p = pageOf(first - ahead); p <= pageOf(Math.max(first, last) + ahead); p++) if (!wanted.has(p)) early.add(p);
    }
    for (const [page, controller] of this.#inFlight) {
      if (!wanted.has(page) && !early.has(page)) {
        controller.abort();
        this.#inFlight.delete(page);
      }
    }
    for (const page of wanted) {
      this.#aheadFailed.delete(page);
      const entry = this.#pages.get(page);
      if (entry) this.#touch(page, entry);
      if (this.#inFlight.has(page)) continue;
      if (entry && entry.items && !entry.stale) continue;
      if (entry && !entry.items) continue;
      if (!entry && this.total < 0 && this.firstError) continue;
      void this.#fetch(page, false);
    }
    for (const page of early) {
      const entry = this.#pages.get(page);
      if (this.#inFlight.has(page) || this.#aheadFailed.has(page) || (entry && !entry.stale)) continue;
      void this.#fetch(page, true);
    }
    this.#settle();
  }

  /** Asks again for the failed page holding `index` (or the first page while the total is unknown). */
  retry(index = 0): void {
    const page = Math.floor(index / this.pageSize);
    const entry = this.#pages.get(page);
    if (entry && (!entry.items || entry.error)) this.#pages.delete(page);
    if (this.total < 0) this.firstError = null;
    this.#aheadFailed.delete(page);
    if (!this.#inFlight.has(page)) void this.#fetch(page, false);
    this.#onChange();
  }

  /** Marks every page stale: still shown, read again when in view. */
  refresh(): void {
    for (const [page, entry] of this.#pages) {
      if (entry.items) entry.stale = true;
      else this.#pages.delete(page);
    }
    if (this.total < 0) this.firstError = null;
    this.#aheadFailed.clear();
  }

  /** Resolves when no request is out. */
  idle(): Promise<void> {
    if (!this.#inFlight.size) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** Aborts everything; the pager answers nothing afterwards. */
  dispose(): void {
    this.#disposed = true;
    for (const controller of this.#inFlight.values()) controller.abort();
    this.#inFlight.clear();
    this.#pages.clear();
    this.#settle(true);
  }

  #touch(page: number, entry: PageEntry): void {
    this.#pages.delete(page);
    this.#pages.set(page, entry);
  }

  async #fetch(page: number, ahead: boolean): Promise<void> {
    const controller = new AbortController();
    this.#inFlight.set(page, controller);
    try {
      const result = await this.#load(page * this.pageSize, this.pageSize, controller.signal);
      if (this.#disposed || this.#inFlight.get(page) !== controller) return;
      const items = Array.isArray(result?.items) ? result.items : [];
      const total = Number.isFinite(result?.total) ? Math.max(0, result.total) : page * this.pageSize + items.length;
      // A page shorter than the total says: its rows are shown, the rest fail (with Retry), never load for ever.
      const expected = Math.max(0, Math.min(this.pageSize, total - page * this.pageSize));
      const short =
        items.length < expected
          ? new AdapterError({ kind: 'malformed', message: `The server counted ${total} texts but sent ${items.length} of the ${expected} on this page.` })
          : null;
      this.#pages.delete(page);
      this.#pages.set(page, { items, error: short, stale: false });
      if (total !== this.total) {
        // The list changed size: pages read before may be shifted, so read them again when shown.
        if (this.total >= 0) for (const [p, e] of this.#pages) if (p !== page && e.items) e.stale = true;
        this.total = total;
      }
      this.firstError = null;
      this.#evict();
    } catch (error) {
      if (this.#disposed || this.#inFlight.get(page) !== controller || isAbort(error)) return;
      if (ahead && this.total >= 0) this.#aheadFailed.add(page);
      else if (this.total < 0) this.firstError = error;
      else {
        const entry = this.#pages.get(page);
        // A stale page stays on screen when its re-read fails; only a missing page shows the error.
        if (!entry?.items) this.#pages.set(page, { items: null, error, stale: false });
      }
    } finally {
      if (this.#inFlight.get(page) === controller) this.#inFlight.delete(page);
      if (!this.#disposed) this.#onChange(page);
      this.#settle();
    }
  }

  #evict(): void {
    for (const page of this.#pages.keys()) {
      if (this.#pages.size <= this.#capacity) break;
      if (!this.#inFlight.has(page)) this.#pages.delete(page);
    }
  }

  #settle(force = false): void {
    if (!force && this.#inFlight.size) return;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }
}
