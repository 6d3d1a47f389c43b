#!/usr/bin/env node
/**
 * `npm run check:cdn` (after `npm run build`): the CDN build works from markup alone.
 *
 * Serves `dist/cdn/` (the entry `forecourt.js` and its chunks) and plain HTML pages that load the
 * entry with one `<script type="module">`, in headless Chromium (playwright-core, the system
 * Chrome/Chromium as `npm test` uses). The entry defines `<fc-data-provider>` itself and loads each
 * other widget's chunk the first time its tag is in the document (`src/cdn-loader.ts`). Fails unless
 * - the build imports nothing from outside itself: every import of the entry and its chunks, static
 *   or `import()`, is a relative path to one of its own files (esbuild lists them), and no chunk is
 *   left over that nothing imports,
 * - the autoloader's map (`WIDGET_LOADERS` in `src/cdn-loader.ts`) has one line per
 *   `src/components/<widget>/fc-<widget>.ts` but the provider's, each importing its own widget's module,
 * - markup only (`<fc-data-provider api-base="/api">` with a `<fc-source-report>` inside): the provider
 *   is defined with the entry, the report's chunk is loaded and no other widget's, the report
 *   rendered and asked `/api` for its data (the provider built the REST adapter from the markup and
 *   gave it to the widget), and after the entry's `defineAll()` every tag of a
 *   `src/components/<widget>/fc-<widget>.ts` is in `customElements`,
 * - the data API from the entry, as the README's second example: a `<fc-source-report>` given a
 *   memory adapter draws its chart, the Chart.js engine chunk fetched from beside the entry (`chunks/`,
 *   found through the entry's own URL),
 * - a host's script: a `<fc-customer-list>` created, given `.adapter` before its chunk is loaded and
 *   appended inside a new `<section>` (a descendant of the added node) is defined, keeps that adapter
 *   and shows its rows; a `<fc-needed-vehicles>` inside the host's own shadow root is defined by the
 *   entry's `loadWidgets(shadowRoot)` and shows its rows,
 * - a widget chunk that fails once (a 503 on its first request): a `console.error` names the tag,
 *   and the next element of that tag added to the page loads it again and is defined,
 * - no page reported an error (uncaught exception or console error, other than the API's 503s and
 *   the failing chunk's own report).
 */
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, normalize, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS } from './chrome-path.mjs';
import { CDN_DIR, CDN_ENTRY as CDN, cdnFiles } from './cdn-files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const started = Date.now();
const fail = (message) => {
  console.error(`✗ ${message}`);
  process.exitCode = 1;
};

if (!existsSync(CDN)) {
  console.error('✗ dist/cdn/forecourt.js not found: run `npm run build` first');
  process.exit(1);
}
const script = readFileSync(CDN, 'utf8');

/** Every tag a widget module defines: `defineElement('fc-…'` in `src/components/<widget>/fc-<widget>.ts`. */
const expected = readdirSync(`${root}src/components`, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(`${root}src/components/${d.name}/fc-${d.name}.ts`))
  .flatMap((d) => [...readFileSync(`${root}src/components/${d.name}/fc-${d.name}.ts`, 'utf8').matchAll(/defineElement\(\s*['"](fc-[a-z0-9-]+)['"]/g)].map((m) => m[1]))
  .filter((tag, i, all) => all.indexOf(tag) === i)
  .sort();

/** The autoloader's map: each `'fc-…': () => import('./components/<widget>/fc-<widget>.js')` line of `src/cdn-loader.ts`. */
const loaderSource = readFileSync(`${root}src/cdn-loader.ts`, 'utf8');
const mapped = [...loaderSource.matchAll(/['"](fc-[a-z0-9-]+)['"]\s*:\s*\(\)\s*=>\s*import\(\s*['"]\.\/components\/([a-z0-9-]+)\/fc-([a-z0-9-]+)\.js['"]\s*\)/g)].map(([, tag, folder, file]) => ({ tag, folder, file }));
const EAGER = ['fc-data-provider'];
const unmapped = expected.filter((tag) => !EAGER.includes(tag) && !mapped.some((m) => m.tag === tag));
if (unmapped.length) fail(`src/cdn-loader.ts's WIDGET_LOADERS has no line for ${unmapped.join(', ')}: the CDN build would never load it`);
for (const { tag, folder, file } of mapped) {
  const module = `src/components/${folder}/fc-${file}.ts`;
  const defines = folder === file && existsSync(`${root}${module}`) && new RegExp(`defineElement\\(\\s*['"]${tag}['"]`).test(readFileSync(`${root}${module}`, 'utf8'));
  if (!defines) fail(`src/cdn-loader.ts loads <${tag}> from ${module}, which does not define it`);
}

const files = await cdnFiles();
if (files.outside.length) fail(`the CDN build is not self-contained; it imports: ${files.outside.join(', ')}`);
if (files.orphans.length) fail(`chunks nothing imports: ${files.orphans.map((f) => relative(CDN_DIR, f)).join(', ')}`);

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Forecourt CDN, markup only</title>
    <script type="module" src="/cdn/forecourt.js"></script>
  </head>
  <body>
    <fc-data-provider api-base="/api" tenant="shop-42" user="advisor-7">
      <fc-source-report></fc-source-report>
    </fc-data-provider>
  </body>
</html>
`;

/** The README's second example: the data API from the entry, a memory adapter, a chart. */
const DATA_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Forecourt CDN, data API</title>
    <script type="module">
      import { DEMO_ZONE, createMemoryAdapter, generateDataset, isoDateIn } from '/cdn/forecourt.js';
      const now = Date.now();
      const dataset = generateDataset({ size: 'small', today: isoDateIn(now, DEMO_ZONE), now });
      document.querySelector('fc-data-provider').adapter = createMemoryAdapter(dataset);
    </script>
  </head>
  <body>
    <fc-data-provider>
      <fc-source-report></fc-source-report>
    </fc-data-provider>
  </body>
</html>
`;

/** A host's own script: a widget given its adapter before its chunk arrives, and one inside the host's shadow root. */
const HOST_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Forecourt CDN, a host's script</title>
    <script type="module">
      import { DEMO_ZONE, createMemoryAdapter, generateDataset, isoDateIn, loadWidgets } from '/cdn/forecourt.js';
      const now = Date.now();
      const adapter = createMemoryAdapter(generateDataset({ size: 'small', today: isoDateIn(now, DEMO_ZONE), now }));
      const report = { upgraded: false, keptAdapter: false, shadowDefined: false };
      window.__host = report;

      // Created and given its adapter while its tag is undefined, then added inside a new section.
      const list = document.createElement('fc-customer-list');
      list.adapter = adapter;
      const section = document.createElement('section');
      section.append(list);
      document.body.append(section);
      await customElements.whenDefined('fc-customer-list');
      report.upgraded = list instanceof customElements.get('fc-customer-list');
      // Lit restores a property set before the upgrade in the element's first update.
      await list.updateComplete;
      report.keptAdapter = list.adapter === adapter;

      // Inside the host's own shadow root, where the autoloader does not look.
      const host = document.createElement('div');
      host.id = 'shadow-host';
      document.body.append(host);
      const vehicles = document.createElement('fc-needed-vehicles');
      vehicles.adapter = adapter;
      host.attachShadow({ mode: 'open' }).append(vehicles);
      await loadWidgets(host.shadowRoot);
      report.shadowDefined = customElements.get('fc-needed-vehicles') !== undefined && vehicles instanceof customElements.get('fc-needed-vehicles');
    </script>
  </head>
  <body></body>
</html>
`;

/** The widget whose chunk fails once on the flaky page, and that page (the entry served under `/flaky/`). */
const FLAKY_TAG = 'fc-trade-in-alert';
const FLAKY_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Forecourt CDN, a chunk that fails once</title>
    <script type="module" src="/flaky/forecourt.js"></script>
  </head>
  <body>
    <${FLAKY_TAG}></${FLAKY_TAG}>
  </body>
</html>
`;
const flakyChunk = new RegExp(`^/flaky/chunks/${FLAKY_TAG}-[^/]+\\.js$`);
const flakyRequests = [];

/** The file of the build a `/cdn/…` or `/flaky/…` path names, or null. */
function buildFile(pathname) {
  const prefix = ['/cdn/', '/flaky/'].find((p) => pathname.startsWith(p));
  if (!prefix || !pathname.endsWith('.js')) return null;
  const file = normalize(join(CDN_DIR, decodeURIComponent(pathname.slice(prefix.length))));
  return file.startsWith(CDN_DIR + sep) && existsSync(file) ? file : null;
}

const apiRequests = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  } else if (url.pathname === '/data.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(DATA_PAGE);
  } else if (url.pathname === '/host.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOST_PAGE);
  } else if (url.pathname === '/flaky.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(FLAKY_PAGE);
  } else if (flakyChunk.test(url.pathname) && flakyRequests.push(url.pathname) === 1) {
    // The first request for this widget's chunk fails, as on a network hiccup.
    res.writeHead(503, { 'content-type': 'text/plain' }).end('unavailable');
  } else if (buildFile(url.pathname)) {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(buildFile(url.pathname)));
  } else if (url.pathname.startsWith('/api/')) {
    // No backend here: the check is that the widget got an adapter from the markup and used it.
    apiRequests.push(`${req.method} ${url.pathname}`);
    res.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unavailable', message: 'no backend in check-cdn' }));
  } else if (url.pathname === '/favicon.ico') {
    res.writeHead(204).end();
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());

const executablePath = findChrome();
if (!executablePath) {
  server.close();
  console.error('✗ no Chrome/Chromium found: set CHROME_PATH (see README)');
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
try {
  const errors = [];
  /** A page whose errors fail the check, but for the stub API's 503s and those `allowed` matches. */
  const newPage = async (allowed = []) => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // The 503s from the stub API are expected; anything else is not.
      if (/Failed to load resource: the server responded with a status of 503/.test(msg.text())) return;
      if (allowed.some((pattern) => pattern.test(msg.text()))) return;
      errors.push(`console.error: ${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`);
    });
    return page;
  };
  /** The widget chunks (`chunks/fc-<widget>-<hash>.js`) a page has fetched, as tags. */
  const widgetChunks = (page) =>
    page.evaluate(
      (tags) => tags.filter((tag) => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.startsWith(`/cdn/chunks/${tag}-`) && /^[A-Za-z0-9_-]{8}\.js$/.test(new URL(e.name).pathname.slice(`/cdn/chunks/${tag}-`.length)))),
      expected,
    );

  // Markup only: the provider with the entry, the report's chunk on sight, every widget after defineAll().
  const page = await newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  const reportDefined = await page
    .waitForFunction(() => customElements.get('fc-data-provider') !== undefined && customElements.get('fc-source-report') !== undefined, undefined, { timeout: 10_000 })
    .then(() => true, () => false);
  if (!reportDefined) fail('the markup-only page did not define <fc-data-provider> and the <fc-source-report> in it');

  const rendered = await page
    .waitForFunction(() => (document.querySelector('fc-source-report')?.shadowRoot?.childElementCount ?? 0) > 0, undefined, { timeout: 10_000 })
    .then(() => true, () => false);
  if (!rendered) fail('<fc-source-report> inside <fc-data-provider> did not render');
  const asked = await page
    .waitForFunction(() => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.startsWith('/api/')), undefined, { timeout: 10_000 })
    .then(() => true, () => false);
  if (!asked) fail('the widget never asked /api for data: the provider gave it no adapter from its markup');
  const version = await page.evaluate(() => /** @type {any} */ (customElements.get('fc-source-report'))?.version);
  const onSight = await widgetChunks(page);
  if (onSight.join() !== 'fc-source-report') fail(`the markup-only page loaded the widget chunks ${onSight.join(', ') || '(none)'}; expected only fc-source-report's`);

  const definedAll = await page
    .evaluate(async () => {
      const { defineAll } = await import('/cdn/forecourt.js');
      await defineAll();
      return true;
    })
    .catch((error) => {
      fail(`defineAll() rejected: ${String(error?.message ?? error).split('\n')[0]}`);
      return false;
    });
  const defined = await page.evaluate((tags) => tags.filter((tag) => customElements.get(tag) !== undefined), expected);
  const missing = expected.filter((tag) => !defined.includes(tag));
  if (missing.length) fail(`not defined by the CDN file${definedAll ? ' after defineAll()' : ''}: ${missing.join(', ')}`);

  // The data API from the entry, and the lazy chart engine chunk found beside it.
  const dataPage = await newPage();
  await dataPage.goto(`http://127.0.0.1:${port}/data.html`);
  const drawn = await dataPage
    .waitForFunction(
      () => {
        const canvas = document.querySelector('fc-source-report')?.shadowRoot?.querySelector('canvas');
        if (!canvas?.width || !canvas.height) return false;
        const { data } = /** @type {CanvasRenderingContext2D} */ (canvas.getContext('2d')).getImageData(0, 0, canvas.width, canvas.height);
        return data.some((value, i) => i % 4 === 3 && value > 0);
      },
      undefined,
      { timeout: 20_000, polling: 200 },
    )
    .then(() => true, () => false);
  const engine = await dataPage.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => /^\/cdn\/chunks\/chart-engine-[^/]+\.js$/.test(p)));
  if (!engine.length) fail('the chart engine chunk was not fetched from dist/cdn/chunks/ on the data API page');
  if (!drawn) fail("<fc-source-report>'s chart over the CDN file's memory adapter did not draw");

  // A host's script: the adapter set before the upgrade is kept; a shadow root's widgets through loadWidgets().
  const hostPage = await newPage();
  await hostPage.goto(`http://127.0.0.1:${port}/host.html`);
  /** The host page's report with whether each widget shows rows; with `all` false, false until all is done. */
  const hostState = (all) => {
    const report = /** @type {any} */ (window).__host;
    const hasRows = (root) => (root?.querySelectorAll('tbody tr').length ?? 0) > 0;
    const list = hasRows(document.querySelector('fc-customer-list')?.shadowRoot);
    const vehicles = hasRows(document.querySelector('#shadow-host')?.shadowRoot?.querySelector('fc-needed-vehicles')?.shadowRoot);
    return all || (report?.shadowDefined && list && vehicles) ? { ...report, list, vehicles } : false;
  };
  await hostPage.waitForFunction(hostState, false, { timeout: 10_000, polling: 100 }).catch(() => {});
  const host = await hostPage.evaluate(hostState, true);
  if (!host?.upgraded) fail('a <fc-customer-list> created and appended by a host script was not defined');
  else if (!host.keptAdapter) fail('a <fc-customer-list> given .adapter before its chunk loaded lost it in its upgrade');
  else if (!host.list) fail('a <fc-customer-list> given .adapter before its chunk loaded shows no rows');
  if (!host?.shadowDefined) fail("loadWidgets(shadowRoot) did not define the <fc-needed-vehicles> in a host's shadow root");
  else if (!host.vehicles) fail("the <fc-needed-vehicles> in a host's shadow root shows no rows");

  // A widget chunk that fails once: reported, then loaded again when the next element of its tag is added.
  const flakyPage = await newPage([new RegExp(`could not load <${FLAKY_TAG}>`)]);
  const reported = flakyPage
    .waitForEvent('console', { predicate: (msg) => msg.type() === 'error' && msg.text().includes(`<${FLAKY_TAG}>`), timeout: 10_000 })
    .then((msg) => msg.text(), () => null);
  await flakyPage.goto(`http://127.0.0.1:${port}/flaky.html`);
  const failedOnce = await reported;
  if (!failedOnce) fail(`the failed chunk of <${FLAKY_TAG}> was not reported with console.error naming the tag`);
  const retried = await flakyPage
    .evaluate((tag) => {
      document.body.append(document.createElement(tag));
      const timeout = new Promise((resolve) => setTimeout(() => resolve(false), 10_000));
      return Promise.race([customElements.whenDefined(tag).then(() => true), timeout]);
    }, FLAKY_TAG)
    .catch(() => false);
  if (!retried) fail(`a second <${FLAKY_TAG}> added after its chunk failed did not load it again (requests: ${flakyRequests.length})`);

  for (const error of errors) fail(error);
  const rel = (file) => relative(CDN_DIR, file);
  const kB = (list) => (list.reduce((n, file) => n + readFileSync(file).length, 0) / 1000).toFixed(1);
  console.log(`CDN build: dist/cdn/forecourt.js ${(Buffer.byteLength(script) / 1000).toFixed(1)} kB, version ${version}; first load ${files.first.length} files, ${kB(files.first)} kB (${files.first.map(rel).join(', ')}); ${files.lazy.length} lazy chunks, ${kB(files.lazy)} kB; imports from outside the build: ${files.outside.length ? files.outside.join(', ') : 'none'}`);
  console.log(`markup-only page loaded the widget chunks: ${onSight.join(', ') || 'none'}; defineAll() ${definedAll ? 'resolved' : 'REJECTED'}`);
  console.log(`data API page: chart engine chunk ${engine.join(', ') || 'NOT fetched'}, chart drawn ${drawn ? 'yes' : 'NO'}`);
  console.log(`defined ${defined.length}/${expected.length} tags: ${defined.join(', ')}`);
  console.log(`markup-only provider: widget rendered ${rendered ? 'yes' : 'NO'}; API requests: ${[...new Set(apiRequests)].join(', ') || 'none'}`);
  console.log(`host script: adapter set before the upgrade ${host?.keptAdapter && host.list ? 'kept, rows shown' : 'NOT kept or no rows'}; loadWidgets(shadowRoot) ${host?.shadowDefined && host.vehicles ? 'defined the widget, rows shown' : 'FAILED'}`);
  console.log(`flaky chunk: failure ${failedOnce ? 'reported' : 'NOT reported'}, ${FLAKY_TAG} ${retried ? 'loaded on its next appearance' : 'NOT loaded again'} (${flakyRequests.length} requests)`);
  console.log(`page errors: ${errors.length}`);
  console.log(`${process.exitCode ? '✗ CDN check failed' : '✓ CDN check passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await browser.close();
  server.close();
}
