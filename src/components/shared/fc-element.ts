import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { ensureContextRoot } from './adapter-context.js';
import { inLocale, localeOf, pageLocale } from './messages.js';
import type { Locale } from './messages.js';

/** Replaced with the package version at build time; absent when the sources run unbundled (tests). */
declare const __FC_VERSION__: string | undefined;

/** The host of the shadow root `node` is in, or `null`. */
function hostOf(node: Node): Element | null {
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The nearest `lang` attribute from `el` outwards, crossing shadow roots; `''` when none. */
function nearestLang(el: Element | null): string {
  let node = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return found.getAttribute('lang') ?? '';
    node = hostOf(node);
  }
  return '';
}

/** Connected elements, told when a `lang` attribute changes anywhere in the document. */
const connected = new Set<FcElement>();
let langObserver: MutationObserver | null = null;

function watchLang(el: FcElement, on: boolean): void {
  if (on) connected.add(el);
  else connected.delete(el);
  if (on && !langObserver && typeof MutationObserver !== 'undefined') {
    langObserver = new MutationObserver(() => {
      for (const each of connected) each.requestUpdate();
    });
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
}

/**
 * Base class of every Forecourt element: the build's version (so two copies on one page can tell
 * each other apart, see `defineElement`), `emit()` for the suite's event shape, and the element's
 * own language: every update runs in its locale, so widgets in different languages can share a
 * page.
 *
 * @attr locale - The language of this widget's text, dates and numbers (`en` or `es`, or a tag
 *   such as `es-MX`). Without it: the page default set with `setLocale`, else the nearest `lang`
 *   attribute (the widget's own, an ancestor's, through shadow roots, or the document's), else English.
 * @attr lang - The platform's language attribute, watched: the widget re-renders in it when it
 *   changes (it counts only when `locale` and the page default are unset). Written by the widget
 *   itself when `locale` is set, so assistive technology reads its text in that language.
 */
export class FcElement extends LitElement {
  /** The Forecourt version this class was built from. */
  static version: string = typeof __FC_VERSION__ === 'string' ? __FC_VERSION__ : '0.0.0-dev';

  static override get observedAttributes(): string[] {
    // `lang` is the platform's own attribute, not a property: watch it to re-render in the new language.
    return [...super.observedAttributes, 'lang'];
  }

  /**
   * The language of this widget's text, dates and numbers: `en` or `es` (a tag such as `es-MX`
   * uses the Spanish catalog). Unset: the page default (`setLocale`), else the nearest `lang`.
   */
  @property({ reflect: true }) locale?: string;

  /** Whether this element wrote its own `lang` attribute (to mark a `locale` for assistive tech). */
  #ownLang = false;

  constructor() {
    super();
    // Before this element's first context request, so a provider upgraded later still reaches it.
    ensureContextRoot();
  }

  /** The catalog this element speaks now (see `locale`). */
  get resolvedLocale(): Locale {
    // The `lang` this element wrote for its own `locale` is not a source: look from its parent then.
    const langFrom = this.#ownLang ? (this.parentElement ?? hostOf(this)) : this;
    return localeOf(this.locale) ?? pageLocale() ?? localeOf(nearestLang(langFrom)) ?? 'en';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    watchLang(this, true);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watchLang(this, false);
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  /**
   * Runs `work` in this element's locale: for text written outside an update (a scroll frame, a
   * timer, an event handler that sets a message).
   */
  inLocale<T>(work: () => T): T {
    return inLocale(this.resolvedLocale, work);
  }

  protected override performUpdate(): void {
    // Before rendering, so fc elements this one renders inside itself find the language too.
    this.#markLang();
    // willUpdate, render and updated all see this element's locale through getLocale()/msg()/t().
    inLocale(this.resolvedLocale, () => super.performUpdate());
  }

  /** Marks the content's language on the host when `locale` is set, so screen readers pronounce it right. */
  #markLang(): void {
    const own = localeOf(this.locale);
    if (own && (this.#ownLang || !this.hasAttribute('lang'))) {
      this.#ownLang = true;
      if (this.getAttribute('lang') !== own) this.setAttribute('lang', own);
    } else if (!own && this.#ownLang) {
      this.#ownLang = false;
      this.removeAttribute('lang');
    }
  }

  /**
   * Dispatches a Forecourt event: a `CustomEvent` that bubbles out of shadow roots.
   * @param type An `fc-` event name typed in `HTMLElementEventMap`.
   * @param detail The event's detail.
   * @returns False when a listener called `preventDefault()` on a cancelable event.
   */
  emit<K extends keyof HTMLElementEventMap>(
    type: K,
    detail: HTMLElementEventMap[K] extends CustomEvent<infer D> ? D : never,
    options: { cancelable?: boolean } = {},
  ): boolean {
    return this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, cancelable: options.cancelable ?? false, detail }));
  }
}
