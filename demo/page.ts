/**
 * The demo page's widgets under one `<fc-data-provider>`, the way a vendor embeds them with markup
 * alone: the board and its prompt, the source report and mapping, the SMS history, the lead clocks
 * and report, store traffic, deleted customers, needed vehicles, the trade-in alert and the data
 * overview. `main.ts` puts it on the page over the demo server; the smoke test opens it at pinned dates.
 */
import type { Dataset, Lead } from '../src/data/model.js';
import '../src/components/data-provider/fc-data-provider.js';
import '../src/components/customer-list/fc-customer-list.js';
import '../src/components/mapping-warning/fc-mapping-warning.js';
import '../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import '../src/components/source-report/fc-source-report.js';
import '../src/components/sms-history/fc-sms-history.js';
import '../src/components/sms-import/fc-sms-import.js';
import '../src/components/store-traffic/fc-store-traffic.js';
import '../src/components/deleted-customers/fc-deleted-customers.js';
import '../src/components/needed-vehicles/fc-needed-vehicles.js';
import '../src/components/trade-in-alert/fc-trade-in-alert.js';
import '../src/components/lead-response-report/fc-lead-response-report.js';
import '../src/components/lead-clock/fc-lead-clock.js';
import '../src/components/lead-queue/fc-lead-queue.js';
// Imported by name, not for its side effect: the package's `sideEffects` names only the widgets, so a
// build drops a bare import of a demo module (and the tag would never be defined).
import { FcDemoOverview } from './demo-overview.js';
import { tradeInForm } from './trade-in-form.js';

/**
 * The theme switch: `value` dark, light or '' (the page's own), on the page and on every widget
 * under the provider in `app`.
 */
export function applyTheme(app: ParentNode, value: string): void {
  document.documentElement.classList.toggle('fc-dark', value === 'dark');
  document.documentElement.classList.toggle('fc-light', value === 'light');
  for (const el of app.querySelectorAll('fc-data-provider *')) {
    if (!el.localName.startsWith('fc-')) continue;
    if (value) el.setAttribute('theme', value);
    else el.removeAttribute('theme');
  }
}

export interface DemoPageOptions {
  /** Where the demo server answers, e.g. `/api`. */
  apiBase: string;
  tenant: string;
  user: string;
  /** The SMS history's filter (from the page address); default this month up to today. */
  smsFilter?: string | null;
  /** The traffic drill path (from the page address); default by department. */
  trafficPath?: string | null;
  /** The theme a widget added later takes ('' for the system's). */
  theme?: () => string;
  /** The imported leads the rules cannot stop, and why (shown above the lead clocks). */
  arrivals?: ReadonlyArray<{ lead: Lead; message: string }>;
}

export interface DemoPage {
  provider: HTMLElementTagNameMap['fc-data-provider'];
  /** Puts a lead's clock first among the clocks (six at most). */
  showClock(leadId: string): void;
}

/** How many lead clocks the page shows. */
const CLOCKS = 6;

/**
 * The demo's widgets over `dataset` as served at `options.apiBase`.
 * @param dataset The data the server holds (its today, its newest leads, its wants).
 * @param options The provider's attributes and the views kept in the page address.
 * @returns The provider holding every section, and what shows a new lead's clock.
 */
export function buildDemoPage(dataset: Dataset, options: DemoPageOptions): DemoPage {
  const provider = document.createElement('fc-data-provider');
  provider.setAttribute('api-base', options.apiBase);
  provider.setAttribute('tenant', options.tenant);
  provider.setAttribute('user', options.user);

  // The board's prompt, as a shop sees it on entering today's vehicles.
  const warning = document.createElement('fc-mapping-warning');
  warning.editorHref = '#mapping';
  const board = document.createElement('fc-customer-list');
  board.date = dataset.today;
  const report = document.createElement('fc-source-report');
  report.today = dataset.today;
  report.editorHref = '#mapping';
  const editor = document.createElement('fc-source-mapping-editor');

  const sms = document.createElement('fc-sms-history');
  sms.setAttribute('filter', options.smsFilter ?? `from=${dataset.today.slice(0, 8)}01&to=${dataset.today}`);
  const smsImport = document.createElement('fc-sms-import');

  const traffic = document.createElement('fc-store-traffic');
  traffic.setAttribute('path', options.trafficPath ?? 'groupBy=department');

  // The newest internet leads, newest first, each with its OEM's response clock, read through the
  // adapter so an answer the server records stops it.
  const clocks = document.createElement('div');
  clocks.className = 'demo-clocks';
  const showClock = (leadId: string) => {
    const clock = document.createElement('fc-lead-clock');
    clock.leadId = leadId;
    const theme = options.theme?.() ?? '';
    if (theme) clock.setAttribute('theme', theme);
    clocks.prepend(clock);
    while (clocks.children.length > CLOCKS) clocks.lastElementChild!.remove();
  };
  for (const lead of dataset.leads.slice(-CLOCKS)) showClock(lead.id);
  const leads = document.createElement('fc-lead-response-report');
  // Every running lead of the live day, most urgent first: it announces and alerts before each due time.
  const queue = document.createElement('fc-lead-queue');

  const deleted = document.createElement('fc-deleted-customers');
  const needed = document.createElement('fc-needed-vehicles');
  const tradeIn = document.createElement('fc-trade-in-alert');
  const overview = new FcDemoOverview();
  overview.today = dataset.today;

  provider.append(
    section('board', "Today's vehicles", warning, board),
    section('report', 'Customer source report', report),
    section('mapping', 'Customer source mapping', editor),
    section('sms', 'SMS history', sms, smsImport),
    section('lead-queue', 'Due-next lead queue', queue),
    section('leads', 'Internet lead response', ...arrivalNotes(options.arrivals ?? []), clocks, leads),
    section('traffic', 'Store traffic', traffic),
    section('deleted', 'Deleted customers', deleted),
    section('needed', 'Needed vehicles', needed, stockSample()),
    section('trade-in', 'Trade-in alert', tradeInForm(tradeIn, dataset.wants), tradeIn),
    section('data', 'Data, cache and outbox', overview),
  );
  return { provider, showClock };
}

/** The leads the ADF import flagged on arrival, a line each (none: nothing shown). */
function arrivalNotes(arrivals: NonNullable<DemoPageOptions['arrivals']>): HTMLElement[] {
  if (!arrivals.length) return [];
  const list = document.createElement('ul');
  list.className = 'demo-arrivals';
  list.setAttribute('aria-label', 'Flagged on ADF arrival');
  for (const { lead, message } of arrivals) {
    const item = document.createElement('li');
    item.textContent = `ADF lead ${lead.customerName} (${lead.make}, ${lead.provider}): ${message}.`;
    list.append(item);
  }
  return [list];
}

/** A titled region of the page holding widgets. */
function section(id: string, title: string, ...widgets: HTMLElement[]): HTMLElement {
  const region = document.createElement('section');
  region.id = id;
  region.setAttribute('aria-labelledby', `${id}-title`);
  const heading = document.createElement('h2');
  heading.id = `${id}-title`;
  heading.textContent = title;
  region.append(heading, ...widgets);
  return region;
}

/** A link to a sample auction list, to try "Match a stock list" with (two rows it cannot read, on purpose). */
function stockSample(): HTMLElement {
  const p = document.createElement('p');
  const link = document.createElement('a');
  // `new URL(…, import.meta.url)`: Vite emits the file in a build; the test runner serves it as it is.
  link.href = new URL('./data/stock.csv', import.meta.url).href;
  link.download = 'auction-list.csv';
  link.textContent = 'Download a sample auction list (CSV)';
  p.append(link, ' to try "Match a stock list" above.');
  return p;
}
