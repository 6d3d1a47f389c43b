/**
 * Two copies of Forecourt on one page: this page's own (every widget, bundled with the page) and,
 * once its widgets are on the page, the CDN build of another version, as a third-party script
 * would add it. The second copy defines nothing: its `<fc-data-provider>` is skipped with a warning,
 * and neither its autoloader nor its `defineAll()` loads a widget chunk, every widget tag being
 * defined already. It throws nothing, and its data API works with the first copy's widgets.
 */
// Each widget module itself: a bare import of `src/cdn.ts` is dropped (package.json lists the side-effect modules).
import '../../../src/components/customer-list/fc-customer-list.js';
import '../../../src/components/data-provider/fc-data-provider.js';
import '../../../src/components/deleted-customers/fc-deleted-customers.js';
import '../../../src/components/lead-clock/fc-lead-clock.js';
import '../../../src/components/lead-queue/fc-lead-queue.js';
import '../../../src/components/lead-response-report/fc-lead-response-report.js';
import '../../../src/components/mapping-warning/fc-mapping-warning.js';
import '../../../src/components/needed-vehicles/fc-needed-vehicles.js';
import '../../../src/components/sms-history/fc-sms-history.js';
import '../../../src/components/sms-import/fc-sms-import.js';
import '../../../src/components/sms-summary/fc-sms-summary.js';
import '../../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import '../../../src/components/source-report/fc-source-report.js';
import '../../../src/components/store-traffic/fc-store-traffic.js';
import '../../../src/components/trade-in-alert/fc-trade-in-alert.js';
import type { ForecourtAdapter } from '../../../src/data/adapter.js';
import type { Dataset } from '../../../src/data/model.js';
import { createHostFixture, createWidget } from '../shared/fixture.js';
import type { WidgetTag } from '../shared/fixture.js';

/** Where the runner serves the second copy (`scripts/check-hosts.mjs`). */
const SECOND_COPY = '/second/forecourt.js';

const fixture = createHostFixture();
const app = document.querySelector('#app')!;
const status = document.createElement('p');
status.id = 'second-copy';
status.setAttribute('role', 'status');
status.textContent = 'Loading the second copy…';

/** A titled region holding a widget. */
function section(title: string, widget: HTMLElement): HTMLElement {
  const region = document.createElement('section');
  const heading = document.createElement('h2');
  heading.textContent = title;
  region.append(heading, widget);
  return region;
}

const firstTags: WidgetTag[] = ['fc-customer-list', 'fc-needed-vehicles'];
app.append(status, ...firstTags.map((tag) => section(`<${tag}>, first copy`, createWidget(tag, fixture))));

async function loadSecond(): Promise<void> {
  const url = new URL(SECOND_COPY, location.href).href;
  const second = (await import(/* @vite-ignore */ url)) as {
    createMemoryAdapter: (dataset: Dataset) => ForecourtAdapter;
    generateDataset: (options: { size: 'small' }) => Dataset;
    defineAll: () => Promise<void>;
  };
  // A widget added after the second copy ran, fed by the second copy's memory adapter.
  const widget = createWidget('fc-trade-in-alert', fixture);
  Object.assign(widget, { adapter: second.createMemoryAdapter(second.generateDataset({ size: 'small' })) });
  app.append(section('<fc-trade-in-alert>, added after the second copy, with its adapter', widget));
  await second.defineAll();
  // The widget chunks the second copy fetched: none, every tag being defined already.
  const widgetChunks = performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname.match(/^\/second\/chunks\/(fc-[a-z-]+)-[\w-]{8}\.js$/)?.[1])
    .filter((tag) => tag !== undefined && customElements.get(tag) !== undefined);
  status.dataset.widgetChunks = widgetChunks.join(' ');
  status.textContent = 'Second copy loaded.';
}

void loadSecond();
