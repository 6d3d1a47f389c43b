/**
 * `demo-content`: the standalone demo, as `npm start` serves it, from navigation until every widget
 * shows its content. Unlike the other cases this one runs in Node: what it times is a page load, so
 * `bench/run.mjs` drives it through `start()` and `measure()` instead of the bench page.
 *
 * Ours is the production build (`vite.demo.config.ts`, built into `<bench build>-demo/`) served by
 * Vite's preview server, as `npm start` does. The peer is the same page from Vite's dev server
 * (`vite.config.ts`, source modules transformed on request, as `npm run dev` serves it): context,
 * not a competitor, since the dev server is what `npm start` served before.
 *
 * Each measurement is a first visit: a fresh browser context (no service worker, no HTTP cache, no
 * IndexedDB), so the demo server (MSW) installs its worker as a visitor's browser does. A probe added
 * before the page's scripts checks in every animation frame whether every widget shows its content,
 * then waits for that frame to be rendered; `ms` is `performance.now()` then, i.e. from navigation.
 * A widget (every `fc-*` element on the page, through shadow roots, but the provider) shows its
 * content when its shadow root has rendered, holds no `loading`, `empty` or `error` part and nothing
 * `aria-busy` (a skeleton, a placeholder, a stale figure being refreshed), and every chart canvas in
 * it has drawn (a pixel that is not transparent). Every widget `demo/page.ts` puts on the page must
 * be there. A page error or console error fails the run.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { build, createServer, preview } from 'vite';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const PEER = 'dev-server demo (vite, source modules)';
/** The widgets `demo/page.ts` puts on the page; nested `fc-*` elements are checked too. */
const TAGS = [
  'fc-mapping-warning',
  'fc-customer-list',
  'fc-source-report',
  'fc-source-mapping-editor',
  'fc-sms-history',
  'fc-sms-import',
  'fc-lead-queue',
  'fc-lead-clock',
  'fc-lead-response-report',
  'fc-store-traffic',
  'fc-deleted-customers',
  'fc-needed-vehicles',
  'fc-trade-in-alert',
  'fc-demo-overview',
];
// Generous: on a loaded machine a first visit can take many times its budget, and a slow run is a figure, not a failure.
const TIMEOUT_MS = 120_000;

/** Runs in the demo page before its scripts: resolves `window.__demoContent` when every widget shows content. */
function probe({ tags, timeoutMs }) {
  const deep = function* (root) {
    for (const el of root.querySelectorAll('*')) {
      yield el;
      if (el.shadowRoot) yield* deep(el.shadowRoot);
    }
  };
  const drawn = (canvas) => {
    if (!canvas.width || !canvas.height) return false;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
    return false;
  };
  /** The widgets still without content, with why (empty when every widget shows its content). */
  const waiting = () => {
    const widgets = [...deep(document)].filter((el) => el.localName.startsWith('fc-') && el.localName !== 'fc-data-provider');
    const missing = tags.filter((tag) => !widgets.some((el) => el.localName === tag)).map((tag) => `${tag}: not on the page`);
    const states = widgets.flatMap((el) => {
      const root = el.shadowRoot;
      if (!root || root.childElementCount === 0) return [`${el.localName}: not rendered`];
      const state = root.querySelector('[part~="loading"], [part~="empty"], [part~="error"], [aria-busy="true"]');
      return state ? [`${el.localName}: ${state.getAttribute('part') ? `part ${state.getAttribute('part')}` : 'aria-busy'}`] : [];
    });
    if (missing.length || states.length) return [...missing, ...states];
    return widgets.flatMap((el) => [...el.shadowRoot.querySelectorAll('canvas')].filter((c) => !drawn(c)).map(() => `${el.localName}: chart not drawn`));
  };
  window.__demoContent = new Promise((resolve, reject) => {
    let provider = 0;
    const frame = () => {
      if (!provider && document.querySelector('fc-data-provider')) provider = performance.now();
      const left = document.querySelector('fc-data-provider') ? waiting() : ['the demo server has not started'];
      if (left.length === 0) {
        // That frame's style, layout and paint done: a task queued from its animation callbacks runs after them.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ ms: performance.now(), provider });
        channel.port2.postMessage(null);
      } else if (performance.now() > timeoutMs) {
        reject(new Error(`no content after ${timeoutMs} ms: ${left.join('; ')}`));
      } else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export const demoContent = {
  name: 'demo-content',
  description:
    'the demo as `npm start` serves it (production build, Vite preview), first visit: from navigation until every widget shows its content (rendered, no loading/empty/error part or aria-busy, every chart drawn) and that frame is painted; figures: the provider on the page (the demo server started), script files and kB as sent and decoded (budget ≤ 1,500 ms)',
  reload: 'side',
  navigation: true,
  peers: [PEER],
  setup: false,
  figures: {
    provider: {},
    scripts: { unit: '' },
    'script kB sent': { unit: 'kB' },
    'script kB decoded': { unit: 'kB' },
  },
  budgets: [{ figure: 'ms', max: 1500 }],

  /**
   * Builds the demo (unless `reuse` and a build is there) and starts both servers.
   * @returns The URL of each side and what stops the servers.
   */
  async start({ out, reuse }) {
    const outDir = `${out}-demo`;
    const configFile = here('../../vite.demo.config.ts');
    if (!reuse || !existsSync(`${outDir}/index.html`)) await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const served = await preview({ configFile, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, open: false } });
    const dev = await createServer({ configFile: here('../../vite.config.ts'), logLevel: 'warn', server: { host: '127.0.0.1', port: 0, open: false } });
    await dev.listen();
    return {
      urls: { ours: served.resolvedUrls.local[0], [PEER]: dev.resolvedUrls.local[0] },
      async close() {
        await Promise.all([served.close(), dev.close()]);
      },
    };
  },

  /** One first visit of `url` in a fresh context of `browser`. */
  async measure(browser, url) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(new Error(`console error: ${message.text()}`));
      });
      await page.addInitScript(probe, { tags: TAGS, timeoutMs: TIMEOUT_MS });
      await page.goto(url);
      const { ms, provider } = await page.evaluate(() => window.__demoContent);
      const scripts = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.initiatorType === 'script' || /\.(m?js|ts)(\?|$)/.test(new URL(e.name).pathname + new URL(e.name).search))
          .map((e) => ({ sent: e.encodedBodySize, decoded: e.decodedBodySize })),
      );
      if (errors.length) throw errors[0];
      const kB = (key) => scripts.reduce((n, s) => n + s[key], 0) / 1000;
      return { ms, extra: { provider, scripts: scripts.length, 'script kB sent': kB('sent'), 'script kB decoded': kB('decoded') } };
    } finally {
      await context.close();
    }
  },
};
