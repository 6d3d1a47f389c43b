/**
 * The CDN build's entry (`dist/cdn/forecourt.js`, `vite.cdn.config.ts`): every widget and
 * `<fc-data-provider>` defined, with Lit and every dependency bundled once, for a plain
 * `<script type="module" src=".../forecourt.js">`; what the widgets load on demand (the Chart.js
 * engine, dialogs, CSV writers) stays in lazy chunks beside it. It also re-exports the data API, so a page can
 * `import { createRestAdapter, withCache } from '.../forecourt.js'` and set `adapter` itself.
 * A widget missing here is caught by `scripts/check-cdn.mjs`, which expects every
 * `src/components/<widget>/fc-<widget>.ts` tag to be defined.
 */
import './components/data-provider/fc-data-provider.js';
import './components/customer-list/fc-customer-list.js';
import './components/deleted-customers/fc-deleted-customers.js';
import './components/lead-clock/fc-lead-clock.js';
import './components/lead-queue/fc-lead-queue.js';
import './components/lead-response-report/fc-lead-response-report.js';
import './components/mapping-warning/fc-mapping-warning.js';
import './components/needed-vehicles/fc-needed-vehicles.js';
import './components/sms-history/fc-sms-history.js';
import './components/sms-import/fc-sms-import.js';
import './components/sms-summary/fc-sms-summary.js';
import './components/source-mapping-editor/fc-source-mapping-editor.js';
import './components/source-report/fc-source-report.js';
import './components/store-traffic/fc-store-traffic.js';
import './components/trade-in-alert/fc-trade-in-alert.js';

export * from './data/index.js';
