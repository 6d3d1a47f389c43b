import { LitElement } from 'lit';
import { ensureContextRoot } from './adapter-context.js';

/** Replaced with the package version at build time; absent when the sources run unbundled (tests). */
declare const __FC_VERSION__: string | undefined;

/**
 * Base class of every Forecourt element: the build's version (so two copies on one page can tell
 * each other apart, see `defineElement`) and `emit()` for the suite's event shape.
 */
export class FcElement extends LitElement {
  /** The Forecourt version this class was built from. */
  static version: string = typeof __FC_VERSION__ === 'string' ? __FC_VERSION__ : '0.0.0-dev';

  constructor() {
    super();
    // Before this element's first context request, so a provider upgraded later still reaches it.
    ensureContextRoot();
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
