/**
 * The standalone demo: MSW serves the REST contract from the memory adapter over a seeded
 * dataset, and the page embeds Forecourt the way a vendor would, with markup alone.
 */
import { setupWorker } from 'msw/browser';
import { createMemoryAdapter } from '../src/data/memory-adapter.js';
import { generateDataset } from '../src/data/demo-data.js';
import { adfLeadToLead, parseAdf } from '../src/data/logic/adf.js';
import adfLeads from './data/leads.adf.xml?raw';
import type { CachedAdapter } from '../src/data/cache/with-cache.js';
import '../src/components/data-provider/fc-data-provider.js';
import { createApiFaults, createApiHandlers, createChaos } from './api/handlers.js';
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
import './demo-overview.js';
import { tradeInForm } from './trade-in-form.js';

const API_BASE = '/api';
const TENANT = 'demo-shop';
const USER = 'advisor-1';
const dataset = generateDataset({ size: 'demo' });
// Internet leads also arrive as ADF documents: the demo imports one beside the seeded leads.
const imported = parseAdf(adfLeads, { zone: dataset.dealer.zone });
for (const problem of imported.errors) console.warn(`ADF import: ${problem.message}`);
dataset.leads.push(...imported.leads.map((lead, i) => adfLeadToLead(lead, `adf-${i + 1}`)));
dataset.leads.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
const faults = createApiFaults();
const app = document.querySelector<HTMLElement>('#app')!;
const controls = document.querySelector<HTMLFormElement>('#controls')!;

async function start(): Promise<void> {
  // The provider goes on the page only once the worker answers, so its first reads reach the demo server.
  await setupWorker(...createApiHandlers(createMemoryAdapter(dataset), { baseUrl: API_BASE, faults })).start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  const provider = document.createElement('fc-data-provider');
  provider.setAttribute('api-base', API_BASE);
  provider.setAttribute('tenant', TENANT);
  provider.setAttribute('user', USER);

  // The board's prompt, as a shop sees it on entering today's vehicles.
  const warning = document.createElement('fc-mapping-warning');
  warning.editorHref = '#mapping';
  const board = document.createElement('fc-customer-list');
  board.date = dataset.today;
  const report = document.createElement('fc-source-report');
  report.today = dataset.today;
  report.editorHref = '#mapping';
  const editor = document.createElement('fc-source-mapping-editor');

  // The SMS history's filter and the traffic drill path live in the page's address, so a reload
  // (or a shared link) opens the same view.
  const sms = document.createElement('fc-sms-history');
  sms.setAttribute('filter', urlState('sms') ?? `from=${dataset.today.slice(0, 8)}01&to=${dataset.today}`);
  sms.addEventListener('fc-sms-filter-change', (e) => setUrlState('sms', e.detail.filter));
  const smsImport = document.createElement('fc-sms-import');

  const traffic = document.createElement('fc-store-traffic');
  traffic.setAttribute('path', urlState('traffic') ?? 'groupBy=department');
  traffic.addEventListener('fc-traffic-drill', (e) => setUrlState('traffic', e.detail.path));

  // The newest internet leads, each with its OEM's response clock (the ADF import's among them).
  const clocks = document.createElement('div');
  clocks.className = 'demo-clocks';
  for (const lead of dataset.leads.slice(-6).reverse()) {
    const clock = document.createElement('fc-lead-clock');
    clock.lead = lead;
    clocks.append(clock);
  }
  const leads = document.createElement('fc-lead-response-report');

  const deleted = document.createElement('fc-deleted-customers');
  const needed = document.createElement('fc-needed-vehicles');
  const tradeIn = document.createElement('fc-trade-in-alert');
  const overview = document.createElement('fc-demo-overview');
  overview.today = dataset.today;

  provider.append(
    section('board', "Today's vehicles", warning, board),
    section('report', 'Customer source report', report),
    section('mapping', 'Customer source mapping', editor),
    section('sms', 'SMS history', sms, smsImport),
    section('leads', 'Internet lead response', clocks, leads),
    section('traffic', 'Store traffic', traffic),
    section('deleted', 'Deleted customers', deleted),
    section('needed', 'Needed vehicles', needed),
    section('trade-in', 'Trade-in alert', tradeInForm(tradeIn, dataset.wants), tradeIn),
    section('data', 'Data, cache and outbox', overview),
  );
  // The switches kept from the last visit hold before the first request: a demo left offline reloads offline.
  const apply = wireControls(provider);
  app.replaceChildren(provider);
  for (const input of controls.querySelectorAll<HTMLInputElement>('input[name="theme"]')) apply(input);
}

/** A value kept in the page address's query (`?sms=…&traffic=…`). */
function urlState(key: string): string | null {
  return new URL(location.href).searchParams.get(key);
}

function setUrlState(key: string, value: string): void {
  const url = new URL(location.href);
  if (value) url.searchParams.set(key, value);
  else url.searchParams.delete(key);
  history.replaceState(history.state, '', url);
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

/**
 * Chaos with the seed in the address (`?chaos-seed=42` replays a run), else a new one; the seed
 * is logged so a run worth repeating can be.
 */
function chaosFromAddress(): ReturnType<typeof createChaos> {
  const seed = Number(urlState('chaos-seed')) || Math.floor(Math.random() * 2 ** 31);
  console.info(`Demo chaos on, seed ${seed} (open the page with ?chaos-seed=${seed} to replay it).`);
  return createChaos({ seed });
}

/** Where the demo keeps its switches (trouble, latency, theme) across reloads. */
const CONTROLS_KEY = 'forecourt-demo:controls';

/** The switches as `{ offline: true, latency: '400', theme: 'dark' }`: each checkbox, and the checked radio of each group. */
function saveControls(): void {
  const inputs = [...controls.querySelectorAll('input')].filter((input) => input.type === 'checkbox' || input.checked);
  const state = Object.fromEntries(inputs.map((input) => [input.name, input.type === 'checkbox' ? input.checked : input.value]));
  try {
    localStorage.setItem(CONTROLS_KEY, JSON.stringify(state));
  } catch {
    // Storage refused (a private window, a full disk): the switches last for this visit.
  }
}

/** Sets the switches as the last visit left them; anything unreadable leaves the page's defaults. */
function restoreControls(): void {
  let saved: unknown;
  try {
    saved = JSON.parse(localStorage.getItem(CONTROLS_KEY) ?? '{}');
  } catch {
    return;
  }
  if (!saved || typeof saved !== 'object') return;
  const state = saved as Record<string, unknown>;
  for (const input of controls.querySelectorAll('input')) {
    if (!(input.name in state)) continue;
    input.checked = input.type === 'checkbox' ? state[input.name] === true : state[input.name] === input.value;
  }
}

/**
 * Restores the switches, applies them (the API's faults, the theme) and keeps them on every change.
 * @returns What applies one switch, for the widgets put on the page afterwards.
 */
function wireControls(provider: HTMLElementTagNameMap['fc-data-provider']): (input: HTMLInputElement) => void {
  const apply = (input: HTMLInputElement) => {
    if (input.name === 'offline' || input.name === 'failing' || input.name === 'chaos') {
      if (input.name === 'chaos') faults.chaos = input.checked ? chaosFromAddress() : null;
      else faults[input.name] = input.checked;
      // A real browser fires `online` and the cache flushes itself; a simulated outage cannot, so flush here.
      if (!faults.offline && !faults.failing && !faults.chaos) void (provider.provided as CachedAdapter | undefined)?.outbox?.flush();
    } else if (input.name === 'latency' && input.checked) {
      faults.latencyMs = Number(input.value);
    } else if (input.name === 'theme' && input.checked) {
      document.documentElement.classList.toggle('fc-dark', input.value === 'dark');
      document.documentElement.classList.toggle('fc-light', input.value === 'light');
      for (const el of app.querySelectorAll('fc-data-provider *')) {
        if (!el.localName.startsWith('fc-')) continue;
        if (input.value) el.setAttribute('theme', input.value);
        else el.removeAttribute('theme');
      }
    }
  };
  controls.addEventListener('submit', (event) => event.preventDefault());
  controls.addEventListener('change', (event) => {
    apply(event.target as HTMLInputElement);
    saveControls();
  });
  restoreControls();
  // The faults must match what is shown, restored from the last visit or by the browser.
  for (const input of controls.querySelectorAll('input')) apply(input);
  return apply;
}

start().catch((error: unknown) => {
  const p = document.createElement('p');
  p.className = 'boot-error';
  p.setAttribute('role', 'alert');
  p.textContent = `The demo server could not start (${error instanceof Error ? error.message : String(error)}). Service workers need http://localhost or https, and are off in some private windows.`;
  app.replaceChildren(p);
});
