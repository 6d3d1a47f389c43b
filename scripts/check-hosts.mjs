#!/usr/bin/env node
/**
 * `npm run check:hosts`: the widgets embedded in real host pages, in headless Chromium.
 *
 * Builds the pages in `tests/hosts/` from `src/` with Vite's JS API (no `npm run build` needed; the
 * output goes to a temporary directory), serves them with `node:http` and drives the system
 * Chrome/Chromium with playwright-core, as `npm test` does. Every page gets its data from a
 * memory adapter over the small seeded dataset (`tests/hosts/shared/fixture.ts`), no server.
 *
 * - react: a React 19 page (`createElement`, no JSX) renders three widgets, passes the adapter as a
 *   property and listens to `fc-source-change`; saving a source in the customer list's picker
 *   reaches the React state with the right detail.
 * - vue: the same from a Vue 3 page (`h()`), listening to `fc-deleted-range-change` (Compile).
 * - csp: every widget under `default-src 'self'; script-src 'self'; style-src 'self'` with
 *   Trusted Types required (only the `lit-html` policy allowed), sent as a response header; each
 *   renders its data, every Chart.js chart (source report, SMS summary, store traffic, lead
 *   response) is drawn, and no `securitypolicyviolation` is reported.
 * - double: the page's own copy of the widgets, then the CDN build of another version (its entry
 *   `/second/forecourt.js`, which finds its chunks under `/second/chunks/`), which then calls its
 *   `defineAll()`: no error, one definition per tag (the first copy's), a console warning for the
 *   second copy's `<fc-data-provider>` (the one tag its entry defines itself), and no widget chunk
 *   of the second copy loaded (its autoloader and `defineAll()` leave a defined tag alone).
 * - overflow: widgets inside `overflow: hidden` + `transform` containers; every dialog and popover
 *   they open is fully visible: its box inside the viewport and the element hit at its corners
 *   and centre inside it.
 *
 * Every page fails on an uncaught exception, an unhandled rejection, a console error and a CSP or
 * Trusted Types violation. The markup-only page over the CDN file is `npm run check:cdn`.
 * Exits 1 with a message per failed check; prints a table of pages, checks, results and times.
 */
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS } from './chrome-path.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const hosts = join(root, 'tests/hosts');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const SECOND_VERSION = `${pkg.version}-second`;
const PAGES = ['react', 'vue', 'csp', 'double', 'overflow'];
const CSP = [
  "default-src 'self'",
  // 'report-sample' only puts the start of a blocked script or style in the violation report.
  "script-src 'self' 'report-sample'",
  "style-src 'self' 'report-sample'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');
const TIMEOUT = 15_000;
const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** Every tag a widget module defines: `defineElement('fc-…'` in `src/components/<widget>/fc-<widget>.ts`. */
const expectedTags = readdirSync(join(root, 'src/components'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(root, `src/components/${d.name}/fc-${d.name}.ts`)))
  .flatMap((d) => [...readFileSync(join(root, `src/components/${d.name}/fc-${d.name}.ts`), 'utf8').matchAll(/defineElement\(\s*['"](fc-[a-z0-9-]+)['"]/g)].map((m) => m[1]))
  .filter((tag, i, all) => all.indexOf(tag) === i)
  .sort();

const executablePath = findChrome();
if (!executablePath) {
  console.error('✗ no Chrome/Chromium found: set CHROME_PATH (see README)');
  process.exit(1);
}

// ───────────── build ─────────────

const out = mkdtempSync(join(tmpdir(), 'fc-hosts-'));
const buildStarted = Date.now();
try {
  // The pages, one multi-page app build sharing its chunks (Lit and the widgets built once).
  await build({
    configFile: false,
    root: hosts,
    base: '/',
    publicDir: false,
    logLevel: 'warn',
    define: {
      __FC_VERSION__: JSON.stringify(pkg.version),
      // Vue's compile-time flags, as its bundler build asks: no Options API, no devtools.
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    build: {
      outDir: join(out, 'pages'),
      emptyOutDir: true,
      target: 'es2022',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4000,
      rollupOptions: {
        input: Object.fromEntries(PAGES.map((name) => [name, join(hosts, name, 'index.html')])),
        // The builds are a step of the check, not under study: no note on how long plugins took.
        checks: { bundlerTimings: false },
      },
    },
  });
  // The second copy for the double-load page: the CDN build, under another version.
  await build({
    configFile: join(root, 'vite.cdn.config.ts'),
    logLevel: 'warn',
    define: { __FC_VERSION__: JSON.stringify(SECOND_VERSION) },
    build: {
      outDir: join(out, 'second'),
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: { checks: { bundlerTimings: false } },
    },
  });
} catch (error) {
  rmSync(out, { recursive: true, force: true });
  console.error(`✗ building the host pages failed: ${String(error instanceof Error ? error.message : error).replace(/\x1b\[[0-9;]*m/g, '')}`);
  process.exit(1);
}
console.log(`built ${PAGES.length} host pages and a second copy (${SECOND_VERSION}) in ${seconds(buildStarted)}`);

// ───────────── serve ─────────────

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

/** A built file for a URL path: `/second/…` from the second copy, everything else from the pages. */
function fileFor(pathname) {
  const [dir, rest] = pathname.startsWith('/second/') ? ['second', pathname.slice('/second/'.length)] : ['pages', pathname.slice(1)];
  const base = join(out, dir);
  let file = normalize(join(base, decodeURIComponent(rest)));
  if (!file.startsWith(base)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) ? file : null;
}

const server = createServer((req, res) => {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const file = fileFor(pathname);
  if (!file) {
    res.writeHead(pathname === '/favicon.ico' ? 204 : 404).end();
    return;
  }
  const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
  if (pathname.startsWith('/csp/')) headers['content-security-policy'] = CSP;
  res.writeHead(200, headers).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
const origin = `http://127.0.0.1:${port}`;

// ───────────── in the page ─────────────

/** Reports CSP violations and unhandled rejections to `__hostReport`, before any page script runs. */
function watchPage() {
  const report = (kind, text) => /** @type {any} */ (window).__hostReport?.(kind, text);
  document.addEventListener(
    'securitypolicyviolation',
    (e) => report('violation', `${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'}${e.sample ? `: ${e.sample}` : ''} at ${e.sourceFile}:${e.lineNumber}`),
    true,
  );
  window.addEventListener('unhandledrejection', (e) => report('rejection', String(e.reason?.stack ?? e.reason)));
}

/**
 * Each widget's state on the page: loaded when it rendered (a shadow root with text), shows no
 * loading, error, empty or "not provided" state, and its text holds its `data-expect`. Installed
 * in the page as `__fcHost.widgetStates`.
 */
function widgetStates(tags) {
  const text = (el) => (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return [...document.querySelectorAll(tags.join(','))].map((el) => {
    const root = el.shadowRoot;
    const shown = text(el);
    const state = root?.querySelector('.fc-state--loading, .fc-state--error, .fc-state--unsupported, .fc-state--empty');
    const expect = el.getAttribute('data-expect') ?? '';
    const loaded = Boolean(root) && shown.length > 0 && !state && shown.toLowerCase().includes(expect.toLowerCase());
    return { tag: el.localName, loaded, expect, state: state?.className ?? '', text: shown.slice(0, 160) };
  });
}

/**
 * How much of a popup shows: whether its box is inside the viewport, and which of its corners
 * (5 px in, past a rounded border) and centre hit something other than the popup itself (the
 * topmost element there, through shadow roots). Installed in the page as `__fcHost.visibility`.
 */
function visibility(tag, selector) {
  const el = document.querySelector(tag)?.shadowRoot?.querySelector(selector);
  if (!el) return null;
  const r = el.getBoundingClientRect();
  const vw = document.documentElement.clientWidth;
  const vh = document.documentElement.clientHeight;
  const deepHit = (x, y) => {
    let scope = document;
    let hit = null;
    for (;;) {
      const next = scope.elementFromPoint(x, y);
      if (!next || next === hit) return hit;
      hit = next;
      if (!hit.shadowRoot) return hit;
      scope = hit.shadowRoot;
    }
  };
  const inside = (node) => {
    for (let n = node; n; n = n.parentNode ?? n.host) if (n === el) return true;
    return false;
  };
  const describe = (node) => (node ? `${node.localName}${node.className && typeof node.className === 'string' ? `.${node.className.split(' ')[0]}` : ''}` : 'nothing');
  const points = {
    'top left': [r.left + 5, r.top + 5],
    'top right': [r.right - 5, r.top + 5],
    'bottom left': [r.left + 5, r.bottom - 5],
    'bottom right': [r.right - 5, r.bottom - 5],
    centre: [(r.left + r.right) / 2, (r.top + r.bottom) / 2],
  };
  const covered = Object.entries(points)
    .map(([name, [x, y]]) => ({ name, hit: deepHit(x, y) }))
    .filter(({ hit }) => !inside(hit))
    .map(({ name, hit }) => `${name} shows ${describe(hit)}`);
  const box = `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  return { box, inViewport: r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0 && r.right <= vw && r.bottom <= vh, covered };
}

/**
 * Sets the height of a widget's card (`.clip`) so the lowest of the elements matched sits at its
 * bottom edge: what the element opens must leave the card to show in full.
 */
function placeAtEdge(tag, selectors) {
  const card = document.querySelector(`.clip[data-widget="${tag}"]`);
  const root = document.querySelector(tag)?.shadowRoot;
  const bottoms = selectors.map((s) => root?.querySelector(s)?.getBoundingClientRect().bottom).filter((b) => b !== undefined);
  if (!card || !bottoms.length) return false;
  card.style.blockSize = `${Math.ceil(Math.max(...bottoms) - card.getBoundingClientRect().top + 4)}px`;
  return true;
}

// ───────────── the browser ─────────────

const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });

/**
 * Opens a host page in a fresh context, recording what must never happen there.
 * @returns The page, the problems found so far (appended to as the page runs) and its console warnings.
 */
async function open(name) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  const warnings = [];
  await context.exposeFunction('__hostReport', (kind, text) => problems.push(`${kind}: ${text}`));
  await context.addInitScript(watchPage);
  await context.addInitScript(`window.__fcHost = { widgetStates: ${widgetStates}, visibility: ${visibility}, placeAtEdge: ${placeAtEdge} };`);
  context.on('weberror', (e) => problems.push(`uncaught: ${e.error().message}`));
  context.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console.error: ${msg.text()}`);
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  // A step that cannot happen fails in the check's time, not Playwright's default 30 s.
  context.setDefaultTimeout(TIMEOUT);
  const page = await context.newPage();
  if (name !== 'overflow') await page.goto(`${origin}/${name}/`);
  return { page, context, problems, warnings };
}

/** Waits until every widget on the page is loaded; a problem per one that is not. */
async function waitLoaded(page, tags, problems) {
  const done = await page
    .waitForFunction(
      (t) => {
        const states = /** @type {any} */ (window).__fcHost.widgetStates(t);
        return states.length > 0 && states.every((w) => w.loaded);
      },
      tags,
      { timeout: TIMEOUT, polling: 100 },
    )
    .then(() => true, () => false);
  const states = await page.evaluate((t) => /** @type {any} */ (window).__fcHost.widgetStates(t), tags);
  if (!done) {
    for (const s of states.filter((w) => !w.loaded)) {
      problems.push(`<${s.tag}> did not show its data${s.expect ? ` ("${s.expect}")` : ''}: ${s.state ? `state ${s.state}` : 'no state'}, text "${s.text}"`);
    }
  }
  return states;
}

/** Waits for a popup to be open, then records a problem unless it shows in full. */
async function expectVisible(page, problems, tag, selector, what) {
  const opened = await page.waitForFunction(([t, s]) => /** @type {any} */ (window).__fcHost.visibility(t, s) !== null, [tag, selector], { timeout: TIMEOUT }).then(
    () => true,
    () => false,
  );
  if (!opened) {
    problems.push(`${what} (<${tag}> ${selector}) did not open`);
    return;
  }
  // Two frames: the popup's own placement (a popover positions itself after it opens) has run.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  const seen = await page.evaluate(([t, s]) => /** @type {any} */ (window).__fcHost.visibility(t, s), [tag, selector]);
  if (!seen.inViewport) problems.push(`${what} is not inside the viewport: box ${seen.box}`);
  if (seen.covered.length) problems.push(`${what} is clipped or covered: ${seen.covered.join(', ')} (box ${seen.box})`);
}

/** Records a problem unless every widget holds the same adapter object, set as a property (no `adapter` attribute). */
async function expectAdapterProperty(page, tags, problems) {
  const { wrong, shared } = await page.evaluate((t) => {
    const els = t.map((tag) => /** @type {any} */ (document.querySelector(tag)));
    return {
      wrong: t.filter((tag, i) => !els[i] || typeof els[i].adapter?.sources !== 'object' || els[i].hasAttribute('adapter')),
      shared: new Set(els.map((el) => el?.adapter)).size === 1,
    };
  }, tags);
  if (wrong.length) problems.push(`the adapter is not a property of ${wrong.join(', ')}`);
  else if (!shared) problems.push(`${tags.join(', ')} do not hold the page's one adapter`);
}

/** Waits for the host's `#last-event` status to include `text`. */
async function expectStatus(page, problems, text, message) {
  const seen = await page.waitForFunction((t) => document.querySelector('#last-event')?.textContent?.includes(t), text, { timeout: TIMEOUT }).then(
    () => true,
    () => false,
  );
  if (!seen) problems.push(`${message}: the page says "${await page.locator('#last-event').textContent()}"`);
}

// ───────────── the checks ─────────────

/** The popups of the overflow page, one page load each: how to open them, and what must show. */
const POPUPS = [
  {
    tag: 'fc-customer-list',
    async run(page, problems) {
      await page.evaluate(() => /** @type {any} */ (window).__fcHost.placeAtEdge('fc-customer-list', ['tbody tr button.name']));
      await page.locator('fc-customer-list tbody tr button.name').first().click();
      await expectVisible(page, problems, 'fc-customer-list', 'dialog[open]', 'the source picker');
    },
  },
  {
    tag: 'fc-sms-history',
    async run(page, problems) {
      const row = await page.evaluate(() => {
        const root = document.querySelector('fc-sms-history')?.shadowRoot;
        const cell = [...(root?.querySelectorAll('.rows [role="row"] .c-error') ?? [])].find((c) => c.textContent?.trim());
        const index = cell?.closest('[role="row"]')?.getAttribute('data-index');
        if (!cell || index == null) return null;
        cell.setAttribute('data-host-target', '');
        /** @type {any} */ (window).__fcHost.placeAtEdge('fc-sms-history', ['[data-host-target]']);
        return index;
      });
      if (row === null) {
        problems.push('<fc-sms-history> shows no text with an error code in its first rows');
        return;
      }
      const cell = page.locator('fc-sms-history [data-host-target]');
      // Scrolled to first: a tooltip closes when the page scrolls, as it would under a moving hand.
      await cell.scrollIntoViewIfNeeded();
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      await cell.hover();
      await expectVisible(page, problems, 'fc-sms-history', '.tip:not([hidden])', 'the error code tooltip');
      await cell.click();
      await expectVisible(page, problems, 'fc-sms-history', 'dialog[open]', 'the text details');
    },
  },
  {
    tag: 'fc-deleted-customers',
    async run(page, problems) {
      await page.evaluate(() => /** @type {any} */ (window).__fcHost.placeAtEdge('fc-deleted-customers', ['tbody input[type="checkbox"]', '.restore']));
      await page.locator('fc-deleted-customers tbody input[type="checkbox"]').first().check();
      await page.locator('fc-deleted-customers .restore').click();
      await expectVisible(page, problems, 'fc-deleted-customers', 'dialog[open]', 'the restore confirmation');
    },
  },
  {
    tag: 'fc-mapping-warning',
    async run(page, problems) {
      await expectVisible(page, problems, 'fc-mapping-warning', 'dialog[open]', 'the mapping prompt');
    },
  },
  {
    tag: 'fc-source-mapping-editor',
    async run(page, problems) {
      await page.evaluate(() => /** @type {any} */ (window).__fcHost.placeAtEdge('fc-source-mapping-editor', ['button[data-action="done"]']));
      await page.locator('fc-source-mapping-editor button[data-action="done"]').click();
      await expectVisible(page, problems, 'fc-source-mapping-editor', 'dialog[open]', 'the "mapping done" confirmation');
    },
  },
];

/** The checks, page by page: each gets an opened page and returns the names of what it checked, recording problems. */
const CHECKS = {
  async react({ page, problems }) {
    const tags = ['fc-customer-list', 'fc-needed-vehicles', 'fc-trade-in-alert'];
    await waitLoaded(page, tags, problems);
    await expectAdapterProperty(page, tags, problems);
    const name = page.locator('fc-customer-list tbody tr button.name').first();
    const customerId = await name.getAttribute('data-customer-id');
    await name.click();
    const select = page.locator('fc-customer-list dialog[open] select');
    await select.waitFor({ timeout: TIMEOUT });
    const sourceId = await select.evaluate((s) => [...s.options].find((o) => o.value && !o.disabled && !o.selected)?.value ?? '');
    await select.selectOption(sourceId);
    await page.locator('fc-customer-list dialog[open] button[type="submit"]').click();
    await expectStatus(page, problems, `(${customerId}) → ${sourceId}`, `React's fc-source-change listener did not put {customerId: ${customerId}, sourceId: ${sourceId}} in its state`);
    return ['3 widgets render data', 'adapter set as a property', 'fc-source-change reaches React state'];
  },

  async vue({ page, problems }) {
    const tags = ['fc-deleted-customers', 'fc-source-mapping-editor', 'fc-lead-clock'];
    await waitLoaded(page, tags, problems);
    await expectAdapterProperty(page, tags, problems);
    const to = await page.locator('fc-deleted-customers input[name="to"]').inputValue();
    const from = `${to.slice(0, 8)}01`;
    await page.locator('fc-deleted-customers input[name="from"]').fill(from);
    await page.locator('fc-deleted-customers form.range button[type="submit"]').click();
    await expectStatus(page, problems, `fc-deleted-range-change: ${from} to ${to}`, `Vue's fc-deleted-range-change listener did not put {from: ${from}, to: ${to}} in its ref`);
    return ['3 widgets render data', 'adapter set as a property', 'fc-deleted-range-change reaches a Vue ref'];
  },

  async csp({ page, problems }) {
    const tags = expectedTags.filter((t) => t !== 'fc-data-provider');
    const states = await waitLoaded(page, tags, problems);
    const missing = tags.filter((t) => !states.some((s) => s.tag === t));
    if (missing.length) problems.push(`not on the page: ${missing.join(', ')} (add them to tests/hosts/shared/fixture.ts)`);
    // The policy is in force: an inline style and a string for innerHTML are refused (their own reports are expected).
    const before = problems.length;
    const refused = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.setAttribute('style', 'color: red');
      let html = false;
      try {
        probe.innerHTML = '<b>probe</b>';
      } catch {
        html = true;
      }
      return { style: probe.style.color === '', html };
    });
    await page.waitForTimeout(200);
    problems.splice(before);
    const allowed = [refused.style ? '' : 'an inline style was applied', refused.html ? '' : 'innerHTML took a string'].filter(Boolean);
    if (allowed.length) problems.push(`the policy is not in force: ${allowed.join('; ')}`);
    // The charts are drawn under the policy: every canvas in a widget has pixels (Chart.js loaded lazily, drawn, no violation).
    const charts = await page
      .waitForFunction(
        () => {
          const canvases = [];
          const walk = (root) => {
            for (const el of root.querySelectorAll('*')) {
              if (el instanceof HTMLCanvasElement) canvases.push(el);
              if (el.shadowRoot) walk(el.shadowRoot);
            }
          };
          walk(document);
          const drawn = canvases.filter((c) => c.width > 0 && c.height > 0 && c.getContext('2d').getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0));
          const tagsDrawn = [...new Set(drawn.map((c) => c.getRootNode().host?.localName))].sort();
          return canvases.length > 0 && drawn.length === canvases.length ? { count: drawn.length, tags: tagsDrawn } : false;
        },
        undefined,
        { timeout: TIMEOUT, polling: 200 },
      )
      .then(
        (handle) => handle.jsonValue(),
        () => null,
      );
    if (!charts) problems.push('the charts were not all drawn under the policy');
    else {
      const undrawn = ['fc-lead-response-report', 'fc-sms-summary', 'fc-source-report', 'fc-store-traffic'].filter((tag) => !charts.tags.includes(tag));
      if (undrawn.length) problems.push(`no chart drawn under the policy in ${undrawn.join(', ')}`);
    }
    return [
      `${states.filter((s) => s.loaded).length}/${tags.length} widgets render their data`,
      `${charts?.count ?? 0} charts drawn`,
      'policy in force',
      'no CSP or Trusted Types violation',
    ];
  },

  async double({ page, problems, warnings }) {
    const loaded = await page.waitForFunction(() => document.querySelector('#second-copy')?.textContent === 'Second copy loaded.', undefined, { timeout: TIMEOUT }).then(
      () => true,
      () => false,
    );
    if (!loaded) problems.push('the second copy did not load');
    const loadedChunks = await page.evaluate(() => /** @type {HTMLElement | null} */ (document.querySelector('#second-copy'))?.dataset.widgetChunks ?? '');
    if (loadedChunks) problems.push(`the second copy loaded widget chunks for tags the first copy had defined: ${loadedChunks}`);
    // The one tag the second copy's entry defines itself; its widgets' tags it never tries.
    const skipped = ['fc-data-provider'];
    await waitLoaded(page, ['fc-customer-list', 'fc-needed-vehicles', 'fc-trade-in-alert'], problems);
    const versions = await page.evaluate((tags) => tags.map((tag) => [tag, /** @type {any} */ (customElements.get(tag))?.version]), expectedTags);
    const wrong = versions.filter(([, v]) => v !== pkg.version);
    if (wrong.length) problems.push(`tags not defined by the first copy (${pkg.version}): ${wrong.map(([t, v]) => `${t} ${v ?? 'undefined'}`).join(', ')}`);
    const unwarned = skipped.filter((tag) => !warnings.some((w) => w.includes(`<${tag}> ${SECOND_VERSION} skipped: ${pkg.version} already defined`)));
    if (unwarned.length) problems.push(`no console warning for the second copy's ${unwarned.join(', ')}`);
    return [`${expectedTags.length} tags defined once, by the first copy`, "a warning for the second copy's provider", 'no widget chunk of the second copy loaded, defineAll() too', "widgets render, one fed by the second copy's adapter"];
  },

  async overflow({ context, problems }) {
    for (const popup of POPUPS) {
      const page = await context.newPage();
      await page.goto(`${origin}/overflow/?widget=${popup.tag}`);
      const [state] = await waitLoaded(page, [popup.tag], problems);
      if (state?.loaded) await popup.run(page, problems);
      await page.close();
    }
    return [`${POPUPS.length} widgets' dialogs and popovers show in full from a clipping, transformed card`];
  },
};

// ───────────── run ─────────────

const results = [];
try {
  for (const name of Object.keys(CHECKS)) {
    const since = Date.now();
    const session = await open(name);
    let checks = [];
    try {
      checks = await CHECKS[name](session);
    } catch (error) {
      session.problems.push(`the check stopped: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
    } finally {
      await session.context.close();
    }
    results.push({ name, checks, problems: session.problems, time: seconds(since) });
  }
} finally {
  await browser.close();
  server.close();
  rmSync(out, { recursive: true, force: true });
}

for (const r of results) for (const p of r.problems) console.error(`✗ ${r.name}: ${p}`);
const rows = results.map((r) => [r.name, r.checks.join('; '), r.problems.length ? `FAIL (${r.problems.length})` : 'pass', r.time]);
const head = ['page', 'checks', 'result', 'time'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log([line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n'));
const failed = results.some((r) => r.problems.length);
if (failed) process.exitCode = 1;
console.log(`${failed ? '✗ host checks failed' : '✓ host checks passed'} in ${seconds(started)}`);
