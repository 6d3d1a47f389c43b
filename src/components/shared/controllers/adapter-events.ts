import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AdapterDomain, ForecourtAdapter } from '../../../data/adapter.js';
import type { CachedAdapter, CachedAdapterEventMap } from '../../../data/cache/with-cache.js';
import type { OutboxEntry } from '../../../data/cache/outbox.js';

/** True for an adapter wrapped by `withCache()` (it has an outbox and events). */
export function isCachedAdapter(adapter: ForecourtAdapter | undefined): adapter is CachedAdapter {
  return !!adapter && 'outbox' in adapter && 'clearCache' in adapter && 'addEventListener' in adapter;
}

export interface AdapterEventsOptions {
  /** The host's current adapter (it may change, e.g. when a provider rebuilds it). */
  adapter: () => ForecourtAdapter | undefined;
  /** The domains the host shows; `onChange` runs when a change touches one of them. */
  domains: readonly AdapterDomain[];
  /** Data of a watched domain changed here, in another tab, or on the server: re-read it. */
  onChange?: (domains: AdapterDomain[]) => void;
}

/**
 * Follows a cached adapter's events for a widget: re-reads on changes to its domains (writes
 * confirmed here or in another tab, background refreshes that found new data), keeps the
 * outbox entries of its domains for "pending" and "conflict" marks, and the storage fallback.
 * A plain adapter has no events: everything stays empty.
 */
export class AdapterEventsController implements ReactiveController {
  /** Unsent, failed or conflicting writes of the watched domains, oldest first. */
  entries: OutboxEntry[] = [];
  /** Why the cache runs without IndexedDB, when it does. */
  fallback = '';

  readonly #host: ReactiveControllerHost;
  readonly #options: AdapterEventsOptions;
  #listening: CachedAdapter | null = null;
  #connected = false;

  constructor(host: ReactiveControllerHost, options: AdapterEventsOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The cached adapter being followed, if the host's adapter is one. */
  get cached(): CachedAdapter | null {
    return this.#listening;
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow(this.#options.adapter());
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#follow(undefined);
  }

  hostUpdate(): void {
    if (this.#connected) this.#follow(this.#options.adapter());
  }

  readonly #onCacheChange = (event: CachedAdapterEventMap['fc-cache-change']) => {
    const touched = event.detail.domains.filter((d) => this.#options.domains.includes(d));
    if (touched.length) this.#options.onChange?.(touched);
  };

  readonly #onOutboxChange = (event: CachedAdapterEventMap['fc-outbox-change']) => {
    this.#setEntries(event.detail.entries);
  };

  readonly #onFallback = (event: CachedAdapterEventMap['fc-storage-fallback']) => {
    this.fallback = event.detail.reason;
    this.#host.requestUpdate();
  };

  #setEntries(entries: OutboxEntry[]): void {
    this.entries = entries.filter((e) => this.#options.domains.includes(e.domain) && e.status !== 'confirmed');
    this.#host.requestUpdate();
  }

  #follow(adapter: ForecourtAdapter | undefined): void {
    const next = isCachedAdapter(adapter) ? adapter : null;
    if (next === this.#listening) return;
    if (this.#listening) {
      this.#listening.removeEventListener('fc-cache-change', this.#onCacheChange);
      this.#listening.removeEventListener('fc-outbox-change', this.#onOutboxChange);
      this.#listening.removeEventListener('fc-storage-fallback', this.#onFallback);
    }
    this.#listening = next;
    this.entries = [];
    this.fallback = next?.storage === 'memory' ? 'IndexedDB is not available' : '';
    if (!next) return;
    next.addEventListener('fc-cache-change', this.#onCacheChange);
    next.addEventListener('fc-outbox-change', this.#onOutboxChange);
    next.addEventListener('fc-storage-fallback', this.#onFallback);
    void next.outbox.list().then((entries) => {
      if (this.#listening === next) this.#setEntries(entries);
    });
  }
}
