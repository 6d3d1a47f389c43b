/**
 * The standalone demo's page, loaded by `main.ts` once it has started the data worker: MSW serves
 * the REST contract from the memory adapter over a seeded dataset, built and kept in a Web Worker
 * (`createWorkerAdapter`), and the page embeds Forecourt the way a vendor would, with markup alone.
 */
import { setupWorker } from 'msw/browser';
import { DateTime } from 'luxon';
import { DEMO_ZONE } from '../src/data/demo-data.js';
import { legacyDatabaseName } from '../src/data/cache/storage.js';
import type { AdapterDomain } from '../src/data/adapter.js';
import { adfLeadToLead, parseAdf } from '../src/data/logic/adf.js';
import adfLeads from './data/leads.adf.xml?raw';
import type { CachedAdapter } from '../src/data/cache/with-cache.js';
import { createApiFaults, createApiHandlers, createChaos } from './api/handlers.js';
import { createLiveDay } from './api/live-day.js';
import type { LiveDay } from './api/live-day.js';
import { applyTheme, buildDemoPage } from './page.js';
// The shop as of the moment the page opened, on today's date in the dealer's zone (the same seed and
// day give the same shop on every reload): `main.ts` has started the data worker generating it
// while this module loaded.
import { backend, today } from './main.js';

const API_BASE = '/api';
const TENANT = 'demo-shop';
const USER = 'advisor-1';
const faults = createApiFaults();
const app = document.querySelector<HTMLElement>('#app')!;
const controls = document.querySelector<HTMLFormElement>('#controls')!;

let live: LiveDay | null = null;

async function start(): Promise<void> {
  // The service worker starts while the data worker builds the data.
  const serving = setupWorker(...createApiHandlers(backend, { baseUrl: API_BASE, faults })).start({
    serviceWorker: { url: '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: true,
  });
  serving.catch(() => undefined); // awaited below, after the data
  // Internet leads also arrive as ADF documents: the demo imports one beside the seeded leads, and
  // says which of them the dealer's rules (the OEM rulebook the shop is seeded with) cannot stop (a
  // Ford lead without an email address). The worker takes them right behind its dataset, before
  // any widget's first read.
  const imported = parseAdf(adfLeads, { zone: DEMO_ZONE });
  for (const problem of imported.errors) console.warn(`ADF import: ${problem.message}`);
  const adfLeadsIn = imported.leads.map((lead, i) => adfLeadToLead(lead, `adf-${i + 1}`));
  const added = Promise.all(adfLeadsIn.map((lead) => backend.feed.addLead(lead)));
  const arrivals = imported.leads.flatMap((adf, i) => (adf.unstoppable ? [{ lead: adfLeadsIn[i]!, message: adf.unstoppable.message }] : []));
  // The page keeps the small parts of the server's data it shows beside the widgets (the board,
  // the leads, the wants), and one text whose sender the live day writes as.
  const data = (async () => {
    const dataset = await backend.dataset({ omit: ['sms', 'traffic', 'invoices'] });
    const month = DateTime.fromISO(today, { zone: DEMO_ZONE }).minus({ months: 1 }).startOf('month').toISODate()!;
    dataset.sms = (await backend.sms.list({ from: month, to: today, direction: 'outbound', limit: 1 })).items;
    await added;
    dataset.leads.push(...adfLeadsIn);
    dataset.leads.sort((a, b) => Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
    return dataset;
  })();
  // While the page loads, the demo server reckons the summary the SMS history's first view asks for
  // (its template scan is the slowest read of a first visit): the worker keeps it until a text
  // changes, so the widget's read, which waits for the rows to be painted, is answered at once.
  if (!urlState('sms')) void backend.sms.summary({ from: `${today.slice(0, 8)}01`, to: today }).catch(() => undefined);
  // The provider goes on the page only once the service worker answers, so its first reads reach the demo server.
  const dataset = await data;
  await serving;
  const { provider, showClock } = buildDemoPage(dataset, {
    apiBase: API_BASE,
    tenant: TENANT,
    user: USER,
    // The SMS history's filter and the traffic drill path live in the page's address, so a reload
    // (or a shared link) opens the same view.
    smsFilter: urlState('sms'),
    trafficPath: urlState('traffic'),
    theme: () => controls.querySelector<HTMLInputElement>('input[name="theme"]:checked')?.value ?? '',
    arrivals,
  });
  provider.addEventListener('fc-sms-filter-change', (e) => setUrlState('sms', e.detail.filter));
  provider.addEventListener('fc-traffic-drill', (e) => setUrlState('traffic', e.detail.path));

  // The day goes on: the server adds vehicles, leads and texts, and tells the page's cached adapter
  // what changed, with the message another tab sends after a confirmed write.
  const channel = new BroadcastChannel(legacyDatabaseName(TENANT, USER));
  live = createLiveDay({
    dataset,
    backend,
    feed: backend.feed,
    announce: (domains: AdapterDomain[]) => channel.postMessage({ type: 'change', domains, at: Date.now() }),
    onLead: (lead) => showClock(lead.id),
  });
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

/**
 * Chaos with the seed in the address (`?chaos-seed=42` replays a run), else a new one; the seed
 * is logged so a run worth repeating can be.
 */
function chaosFromAddress(): ReturnType<typeof createChaos> {
  const seed = Number(urlState('chaos-seed')) || Math.floor(Math.random() * 2 ** 31);
  console.info(`Demo chaos on, seed ${seed} (open the page with ?chaos-seed=${seed} to replay it).`);
  return createChaos({ seed });
}

/** Where the demo keeps its switches (the live day, trouble, latency, theme) across reloads. */
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
    } else if (input.name === 'live') {
      if (input.checked) void live?.start();
      else live?.stop();
    } else if (input.name === 'latency' && input.checked) {
      faults.latencyMs = Number(input.value);
    } else if (input.name === 'theme' && input.checked) {
      applyTheme(app, input.value);
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

/** Starts the demo server and puts the widgets on the page; what stops it is shown in their place. */
export function startDemo(): void {
  start().catch((error: unknown) => {
    const p = document.createElement('p');
    p.className = 'boot-error';
    p.setAttribute('role', 'alert');
    p.textContent = `The demo server could not start (${error instanceof Error ? error.message : String(error)}). Service workers need http://localhost or https, and are off in some private windows.`;
    app.replaceChildren(p);
  });
}
