import { css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { ContextProvider } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import { withCache } from '../../data/cache/with-cache.js';
import type { CachedAdapter } from '../../data/cache/with-cache.js';
import { createRestAdapter } from '../../data/rest-adapter.js';
import { adapterContext } from '../shared/adapter-context.js';
import { FcElement } from '../shared/fc-element.js';

/**
 * Provides a data adapter to every Forecourt widget inside it. A host either sets `adapter` to one
 * it built, or embeds with markup alone: `api-base`, `tenant` and `user` make the provider build
 * the REST adapter wrapped in the offline cache (one IndexedDB database per tenant and user), and
 * build it again when they change.
 * @customElement fc-data-provider
 * @slot - The widgets that read the adapter.
 * @fires-none - It fires no events: a change of adapter reaches the widgets through context.
 * @csspart-none - It renders only its slot (`display: contents`), so there is nothing to style.
 * @cssproperty-none - It reads no custom properties.
 */
export class FcDataProvider extends FcElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** An adapter built by the host; when set it is provided as is and the attributes are ignored. */
  @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** Base URL of the Forecourt REST API (docs/rest-api.md), e.g. `/api` or `https://pos.example.com/fc/v1`. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /** The shop or dealership; with `user` it keys the cached data. */
  @property() tenant = '';

  /** The signed-in user; with `tenant` it keys the cached data. */
  @property() user = '';

  readonly #provider = new ContextProvider(this, { context: adapterContext });
  #built: { key: string; adapter: CachedAdapter } | null = null;
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
      if (!this.isConnected) this.#release();
    });
  }

  protected override willUpdate(): void {
    if (this.isConnected) this.#sync();
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #sync(): void {
    if (this.adapter) {
      this.#release();
      this.#provider.setValue(this.adapter);
      return;
    }
    const key = JSON.stringify([this.apiBase, this.tenant, this.user]);
    if (this.#built?.key === key) {
      this.#provider.setValue(this.#built.adapter);
      return;
    }
    this.#release();
    if (!this.apiBase) {
      this.#provider.setValue(undefined);
      return;
    }
    if (!this.tenant || !this.user) {
      // Cached personal data must be keyed by who sees it, so no identity means no adapter.
      if (this.#warned !== key) console.warn(`<${this.localName}> needs "tenant" and "user" with "api-base"; no adapter is provided.`);
      this.#warned = key;
      this.#provider.setValue(undefined);
      return;
    }
    const adapter = withCache(createRestAdapter({ baseUrl: this.apiBase }), { tenant: this.tenant, user: this.user });
    this.#built = { key, adapter };
    this.#provider.setValue(adapter);
  }

  #release(): void {
    if (!this.#built) return;
    this.#built.adapter.close();
    this.#built = null;
    if (!this.isConnected) this.#provider.setValue(undefined);
  }
}
