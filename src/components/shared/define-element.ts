import type { FcElement } from './fc-element.js';

/**
 * Defines a Forecourt element without ever throwing: a tag already defined (by this copy or by
 * another build on the same page) is left alone, with a warning when the versions differ; a class
 * already registered under another tag is defined through a trivial subclass.
 * @param tag The custom element name.
 * @param ctor The element class.
 * @param registry Where to define it; a host may pass a scoped registry.
 * @example defineElement('fc-source-report', FcSourceReport);
 */
export function defineElement(tag: string, ctor: typeof FcElement, registry: CustomElementRegistry = customElements): void {
  const existing = registry.get(tag) as typeof FcElement | undefined;
  if (existing) {
    if (existing.version !== ctor.version) console.warn(`<${tag}> ${ctor.version} skipped: ${existing.version} already defined`);
    return;
  }
  try {
    registry.define(tag, ctor);
  } catch {
    // A constructor may be registered once per registry; a second name needs its own class.
    registry.define(tag, class extends ctor {});
  }
}
