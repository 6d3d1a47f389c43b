import { css, html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import { withCache } from '../../data/cache/with-cache.js';
import type { CachedAdapter, CachedAdapterEventMap, StorageFallbackCause } from '../../data/cache/with-cache.js';
import { createRestAdapter } from '../../data/rest-adapter.js';
import { tokens } from '../../styles/tokens.js';
import { adapterContext } from '../shared/adapter-context.js';
import { isCachedAdapter } from '../shared/controllers/adapter-events.js';
import { FcElement } from '../shared/fc-element.js';
import { t } from './data-provider.messages.js';

const WHY = {
  unavailable: 'storageUnavailable',
  blocked: 'storageBlocked',
  full: 'storageFull',
  failed: 'storageFailed',
} as const satisfies Record<StorageFallbackCause, string>;

/**
 * Provides a data adapter to every Forecourt widget inside it. A host either sets `adapter` to one
 * it built, or embeds with markup alone: `api-base`, `tenant` and `user` make the provider build
 * the REST adapter wrapped in the offline cache (one IndexedDB database per tenant and user), and
 * build it again when they change. When `tenant` or `user` changes (another person signs in on a
 * shared computer, or `user` is emptied on sign-out), the previous adapter stops sending and its
 * cache is cleared: the previous user's cached data and unsent changes are removed from the
 * device, never sent as the next user. When the browser cannot store data for the adapter it
 * provides, it says once, above the widgets, that offline support is off.
 * @customElement fc-data-provider
 * @slot - The widgets that read the adapter.
 * @fires-none - It fires no events: a change of adapter reaches the widgets through context.
 * @csspart storage-notice - The "offline support is off" notice, shown above the widgets when the cache runs without browser storage.
 * @cssproperty-none - It reads only the design tokens (for the notice).
 */
export class FcDataProvider extends FcElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: contents;
      }
      .storage-notice--on {
        display: block;
        margin-block: 0 var(--_fc-space-s);
        padding-block: var(--_fc-space-s);
        padding-inline: var(--_fc-space-m);
        border-inline-start: 4px solid var(--_fc-color-warn);
        background: var(--_fc-color-warn-subtle);
        color: var(--_fc-color-text);
        font-family: var(--_fc-font-family);
        font-size: var(--_fc-font-size-s);
        line-height: var(--_fc-line-height);
      }
      /* Empty, the live region stays in place (so its text is announced when it comes) but takes no room. */
      .storage-notice:not(.storage-notice--on) {
        position: absolute;
        inline-size: 1px;
        block-size: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
    `,
  ];

  /** An adapter built by the host; when set it is provided as is and the attributes are ignored. */
  @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** Base URL of the Forecourt REST API (docs/rest-api.md), e.g. `/api` or `https://pos.example.com/fc/v1`. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The shop or dealership; with `user` it keys the cached data. Changing it clears the previous one's. */
  @property() tenant = '';

  /** The signed-in user; with `tenant` it keys the cached data. Changing or emptying it (sign-out) clears the previous user's. */
  @property() user = '';

  /** Why the provided adapter runs without browser storage ('' while it has it). */
  @state() private storageOff: StorageFallbackCause | '' = '';

  readonly #provider = new ContextProvider(this, { context: adapterContext });
  #built: { key: string; identity: string; adapter: CachedAdapter } | null = null;
  #watched: CachedAdapter | null = null;
  #warned = '';

  /** The adapter the widgets inside receive: `adapter`, or the cached REST adapter built from the attributes. */
  get provided(): ForecourtAdapter | undefined {
    return this.#provider.value;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Before the first update, so children connecting now already receive an adapter.
    this.#sync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move (disconnect then connect in one task) keeps the cache and the outbox's callers.
    queueMicrotask(() => {
      if (!this.isConnected) this.#release(false);
    });
  }

  protected override willUpdate(): void {
    if (this.isConnected) this.#sync();
  }

  protected override render() {
    const cause = this.storageOff;
    const notice = cause ? t('storageOff', t(WHY[cause])) : '';
    return html`<div class="storage-notice ${cause ? 'storage-notice--on' : ''}" part="storage-notice" role="status">${notice}</div>
      <slot></slot>`;
  }

  #sync(): void {
    const identity = JSON.stringify([this.tenant, this.user]);
    if (this.adapter) {
      this.#release(false);
      this.#provide(this.adapter);
      return;
    }
    const key = JSON.stringify([this.apiBase, this.tenant, this.user]);
    if (this.#built?.key === key) {
      this.#provide(this.#built.adapter);
      return;
    }
    // Someone else signs in (or nobody is): what the previous user left on the device goes.
    this.#release(!!this.#built && this.#built.identity !== identity);
    if (!this.apiBase) {
      this.#provide(undefined);
      return;
    }
    if (!this.tenant || !this.user) {
      // Cached personal data must be keyed by who sees it, so no identity means no adapter.
      if (this.#warned !== key) console.warn(`<${this.localName}> needs "tenant" and "user" with "api-base"; no adapter is provided.`);
      this.#warned = key;
      this.#provide(undefined);
      return;
    }
    const adapter = withCache(createRestAdapter({ baseUrl: this.apiBase }), { tenant: this.tenant, user: this.user });
    this.#built = { key, identity, adapter };
    this.#provide(adapter);
  }

  #provide(adapter: ForecourtAdapter | undefined): void {
    this.#provider.setValue(adapter);
    this.#watch(adapter);
  }

  /** Follows the provided adapter's storage, for the notice. */
  #watch(adapter: ForecourtAdapter | undefined): void {
    const next = isCachedAdapter(adapter) ? adapter : null;
    if (next === this.#watched) return;
    this.#watched?.removeEventListener('fc-storage-fallback', this.#onFallback);
    this.#watched = next;
    next?.addEventListener('fc-storage-fallback', this.#onFallback);
    this.storageOff = next?.storage === 'memory' ? (next.storageFallback?.cause ?? 'failed') : '';
  }

  readonly #onFallback = (event: CachedAdapterEventMap['fc-storage-fallback']) => {
    this.storageOff = event.detail.cause;
  };

  /**
   * Lets go of the adapter built from the attributes.
   * @param wipe The user changed: stop sending, then clear the previous user's cache.
   */
  #release(wipe: boolean): void {
    if (!this.#built) return;
    const { adapter } = this.#built;
    adapter.close();
    if (wipe) void adapter.clearCache().catch((error: unknown) => console.warn(`<${this.localName}>: the previous user's offline data could not be cleared.`, error));
    this.#built = null;
    if (!this.isConnected) this.#provide(undefined);
  }
}
