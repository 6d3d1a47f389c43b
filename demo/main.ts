/**
 * The standalone demo's entry, a small one: it starts the demo server's data worker, and with it
 * the shop's generation, then loads the page (`app.ts`: MSW and every widget), which the page's
 * HTML has already asked for (the build preloads every chunk), so the shop is made while the page's
 * code is fetched and evaluated. `app.ts` takes the worker's adapter from here.
 */
import { createWorkerAdapter } from '../src/data/worker-adapter.js';
import { DEMO_ZONE } from '../src/data/demo-data.js';

/** When the page was opened: the shop's "now". */
export const opened = Date.now();

/** Today in the dealer's zone, as `yyyy-mm-dd`. */
export const today = (() => {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: DEMO_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(opened);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
})();

// The server's data is generated in its worker and stays there: texts, traffic and the rest are
// counted off the page's main thread. The server stamps who made a change (a restore's "restored
// by", the restore log) with the signed-in advisor's name.
export const backend = createWorkerAdapter({ generate: { size: 'demo', today, now: opened } }, { user: 'Dana Ruiz' });

// Imported by name, not for its side effect: the package's `sideEffects` names only the widgets, so a
// build drops a module of the demo that is only evaluated.
import('./app.js').then(({ startDemo }) => startDemo(), (error: unknown) => {
  const p = document.createElement('p');
  p.className = 'boot-error';
  p.setAttribute('role', 'alert');
  p.textContent = `The demo could not load (${error instanceof Error ? error.message : String(error)}). Reload the page to try again.`;
  document.querySelector<HTMLElement>('#app')!.replaceChildren(p);
});
