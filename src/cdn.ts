/**
 * The CDN build's entry (`dist/cdn/forecourt.js`, `vite.cdn.config.ts`), for a plain
 * `<script type="module" src=".../forecourt.js">`, with Lit and every dependency bundled once.
 *
 * What loads when:
 * - with the entry (its first load): `<fc-data-provider>`, defined at once so that a provider is
 *   listening before any widget asks for its adapter; Lit and the shared element code; and the data
 *   API, re-exported so that a page can `import { createRestAdapter, withCache } from '.../forecourt.js'`
 *   and set `adapter` itself;
 * - the first time an element of a widget's tag is in the document: that widget's chunk, from
 *   `chunks/` beside the entry (`src/cdn-loader.ts`, the autoloader: it looks at the document when the
 *   entry runs and watches it for added elements). A property set on a widget before its chunk
 *   arrives (`adapter`) is kept by Lit for its upgrade;
 * - when a widget needs it: what it loads on demand (the Chart.js engine, dialogs, CSV writers).
 *
 * Widgets inside a host's own shadow roots are out of the autoloader's sight: the host calls
 * `loadWidgets(shadowRoot)`, or `defineAll()` to define every widget at once. A widget missing from
 * the autoloader's map fails the typecheck and `scripts/check-cdn.mjs`, which expects every
 * `src/components/<widget>/fc-<widget>.ts` tag to be defined after `defineAll()`.
 */
import './components/data-provider/fc-data-provider.js';
import { startAutoloader } from './cdn-loader.js';

export { defineAll, loadWidgets } from './cdn-loader.js';
export * from './data/index.js';

startAutoloader();
