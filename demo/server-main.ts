/**
 * The demo page over the reference server (`npm run demo:server`): the same widgets as the MSW
 * demo, through the real REST adapter, its offline cache and outbox, to the server in `server/`
 * on PGlite with the demo data of today, as demo tenant A (its token from the server's
 * `.forecourt/demo-tokens.json`, given to the page by `scripts/demo-server.mjs`). The API is proxied
 * by Vite to keep one origin. Routes the server does not provide yet answer 501, and their widgets
 * say so.
 */
import { DateTime } from 'luxon';
import { createRestAdapter } from '../src/data/rest-adapter.js';
import { withCache } from '../src/data/cache/with-cache.js';
import type { Dataset, VehicleWant } from '../src/data/model.js';
import { applyTheme, buildDemoPage } from './page.js';

declare const __FC_DEMO_SERVER__: { token: string; tenant: string; server: string };

const API_BASE = '/api';
const USER = 'demo';
const { token, tenant, server } = __FC_DEMO_SERVER__;
const app = document.querySelector<HTMLElement>('#app')!;
const controls = document.querySelector<HTMLFormElement>('#controls')!;

async function start(): Promise<void> {
  const rest = createRestAdapter({ baseUrl: API_BASE, getToken: () => token });
  const dealer = await rest.leads!.dealer();
  const today = DateTime.now().setZone(dealer.zone).toISODate()!;
  // The page keeps what it shows beside the widgets: today, and the wants the trade-in form offers.
  let wants: VehicleWant[] = [];
  try {
    wants = (await rest.vehicles!.wants({ limit: 1000 })).items;
  } catch (error) {
    console.warn('The needed vehicles could not be read for the trade-in form.', error);
  }
  const dataset = { today, dealer, leads: [], wants } as unknown as Dataset;
  const theme = () => controls.querySelector<HTMLInputElement>('input[name="theme"]:checked')?.value ?? '';
  const { provider } = buildDemoPage(dataset, { apiBase: API_BASE, tenant, user: USER, theme });
  provider.adapter = withCache(rest, { tenant, user: USER });
  app.replaceChildren(provider);
  wireTheme();
}

/** Only the theme switch applies here: the live day and the simulated trouble belong to the MSW demo. */
function wireTheme(): void {
  for (const fieldset of controls.querySelectorAll('fieldset')) {
    if (!fieldset.querySelector('input[name="theme"]')) fieldset.remove();
  }
  const apply = (input: HTMLInputElement) => {
    if (input.name === 'theme' && input.checked) applyTheme(app, input.value);
  };
  controls.addEventListener('submit', (event) => event.preventDefault());
  controls.addEventListener('change', (event) => apply(event.target as HTMLInputElement));
  for (const input of controls.querySelectorAll('input')) apply(input);
}

const note = document.querySelector<HTMLElement>('#demo-backend');
if (note) note.textContent = `Everything below is read through the REST adapter, its offline cache and outbox, from the reference server at ${server} (PostgreSQL in PGlite, with the demo data of today) as tenant ${tenant}. Routes it does not provide yet answer 501, and their widgets say so.`;

start().catch((error: unknown) => {
  const p = document.createElement('p');
  p.className = 'boot-error';
  p.setAttribute('role', 'alert');
  p.textContent = `The reference server did not answer (${error instanceof Error ? error.message : String(error)}). Is npm run demo:server still running?`;
  app.replaceChildren(p);
});
