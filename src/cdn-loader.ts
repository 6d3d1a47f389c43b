/**
 * The CDN build's autoloader (`src/cdn.ts`): every widget tag but `<fc-data-provider>` is defined by
 * a lazy chunk, imported the first time an element of that tag is in the document. At start it looks
 * for undefined `fc-` elements in the document, then a `MutationObserver` on it sees every element
 * added later (with the elements inside it). A host that puts widgets inside its own shadow roots,
 * which the observer does not see into, calls `loadWidgets(shadowRoot)`, or `defineAll()`.
 *
 * A chunk that fails to load is reported with `console.error` naming the tag and is tried again the
 * next time an element of that tag appears (or on the next `loadWidgets`/`defineAll`). The import
 * of the chunk runs the widget's `defineElement`, which leaves a tag another copy of Forecourt has
 * already defined alone.
 */

declare const __FC_VERSION__: string | undefined;
const VERSION = typeof __FC_VERSION__ === 'string' ? __FC_VERSION__ : '0.0.0-dev';

/** What defines a tag: the import of its `src/components/<widget>/fc-<widget>.ts` module. */
type Load = () => Promise<unknown>;

/**
 * The widget tags the autoloader defines: every `fc-` tag of `HTMLElementTagNameMap` but the provider
 * (and the demo page's own `fc-demo-*` elements, which the typecheck also sees).
 */
export type LazyWidgetTag = Exclude<Extract<keyof HTMLElementTagNameMap, `fc-${string}`>, 'fc-data-provider' | `fc-demo-${string}`>;

/**
 * Each widget tag and the chunk that defines it, one line per `src/components/<widget>/fc-<widget>.ts`
 * (`<fc-data-provider>` is imported by the entry itself, before any widget, so that a provider is
 * listening when the first widget asks for its adapter). The typecheck fails when a widget is missing
 * here, and `npm run check:cdn` when a line does not import its own widget's module.
 */
export const WIDGET_LOADERS = {
  'fc-customer-list': () => import('./components/customer-list/fc-customer-list.js'),
  'fc-deleted-customers': () => import('./components/deleted-customers/fc-deleted-customers.js'),
  'fc-lead-clock': () => import('./components/lead-clock/fc-lead-clock.js'),
  'fc-lead-queue': () => import('./components/lead-queue/fc-lead-queue.js'),
  'fc-lead-response-report': () => import('./components/lead-response-report/fc-lead-response-report.js'),
  'fc-mapping-warning': () => import('./components/mapping-warning/fc-mapping-warning.js'),
  'fc-needed-vehicles': () => import('./components/needed-vehicles/fc-needed-vehicles.js'),
  'fc-sms-history': () => import('./components/sms-history/fc-sms-history.js'),
  'fc-sms-import': () => import('./components/sms-import/fc-sms-import.js'),
  'fc-sms-summary': () => import('./components/sms-summary/fc-sms-summary.js'),
  'fc-source-mapping-editor': () => import('./components/source-mapping-editor/fc-source-mapping-editor.js'),
  'fc-source-report': () => import('./components/source-report/fc-source-report.js'),
  'fc-store-traffic': () => import('./components/store-traffic/fc-store-traffic.js'),
  'fc-trade-in-alert': () => import('./components/trade-in-alert/fc-trade-in-alert.js'),
} as const satisfies Record<LazyWidgetTag, Load>;

const loaders: Readonly<Record<string, Load>> = WIDGET_LOADERS;

/** Tags whose chunk is on its way (or loaded); a failed one leaves, so the next appearance tries again. */
const loading = new Map<string, Promise<void>>();
/** `fc-` tags seen that this build has no widget for, warned about once each. */
const unknown = new Set<string>();

/**
 * Imports the chunk that defines `tag` (once; again after a failure) and resolves when the tag is
 * defined, by this copy or another. Rejects, after a `console.error` naming the tag, when the chunk
 * could not be loaded.
 */
function loadTag(tag: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  const load = loaders[tag];
  if (!load) {
    if (!unknown.has(tag)) {
      unknown.add(tag);
      console.warn(`<${tag}> is not a Forecourt widget of this build (${VERSION}); it is left undefined.`);
    }
    return Promise.resolve();
  }
  let pending = loading.get(tag);
  if (!pending) {
    pending = load()
      .then(() => customElements.whenDefined(tag))
      .then(
        () => undefined,
        (error: unknown) => {
          loading.delete(tag);
          const reason = error instanceof Error ? error.message : String(error);
          console.error(`Forecourt could not load <${tag}>: its chunk failed to load (${reason}). It is tried again the next time a <${tag}> is added, or on loadWidgets() or defineAll().`);
          throw new Error(`Forecourt could not load <${tag}>: ${reason}`, { cause: error });
        },
      );
    loading.set(tag, pending);
  }
  return pending;
}

/** The `fc-` tags of the undefined elements at `root` and under it (not inside shadow roots). */
function undefinedTags(root: ParentNode, into = new Set<string>()): Set<string> {
  if (root instanceof Element && root.localName.startsWith('fc-') && !customElements.get(root.localName)) into.add(root.localName);
  for (const el of root.querySelectorAll(':not(:defined)')) {
    if (el.localName.startsWith('fc-')) into.add(el.localName);
  }
  return into;
}

/** Loads `tags`; a failure has been reported by `loadTag` and is retried on the next appearance. */
function loadQuietly(tags: Iterable<string>): void {
  for (const tag of tags) loadTag(tag).catch(() => {});
}

/** Loads `tags`, resolving when all are defined; rejects naming those whose chunk failed. */
async function loadTags(tags: readonly string[]): Promise<void> {
  const results = await Promise.allSettled(tags.map(loadTag));
  const failed = tags.filter((_, i) => results[i].status === 'rejected');
  if (failed.length) throw new Error(`Forecourt could not load ${failed.map((tag) => `<${tag}>`).join(', ')}`);
}

/**
 * Finds the undefined Forecourt widgets in `root` (and under it, not inside nested shadow roots)
 * and loads the chunks that define them. For widgets the autoloader cannot see: inside a host's
 * shadow root, for example.
 * @param root Where to look: a shadow root, an element or a document (the page's by default).
 * @returns Resolves when every widget tag found is defined; rejects, naming the tags, when a chunk
 *   could not be loaded (each failure is also reported with `console.error`, and retried on the next call).
 * @example await loadWidgets(this.shadowRoot);
 */
export function loadWidgets(root: ParentNode = document): Promise<void> {
  return loadTags([...undefinedTags(root)]);
}

/**
 * Loads every widget of this build, whether or not it is on the page yet (a host that creates
 * widgets later and wants them defined at once).
 * @returns Resolves when every widget tag is defined; rejects, naming the tags, when a chunk could
 *   not be loaded (each failure is also reported with `console.error`, and retried on the next call).
 * @example await defineAll();
 */
export function defineAll(): Promise<void> {
  return loadTags(Object.keys(loaders));
}

let started = false;

/** Loads the widgets in the document now and every one added to it later. Starts once per copy. */
export function startAutoloader(): void {
  if (started || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  started = true;
  loadQuietly(undefinedTags(document));
  new MutationObserver((records) => {
    const tags = new Set<string>();
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) undefinedTags(node, tags);
    }
    loadQuietly(tags);
  }).observe(document, { childList: true, subtree: true });
}
