#!/usr/bin/env node
/**
 * `npm run check:cdn` (after `npm run build`): the CDN build works from markup alone.
 *
 * Serves `dist/cdn/` (the entry `forecourt.js` and its chunks) and a plain HTML page that loads the
 * entry with one `<script type="module">` and holds `<fc-data-provider api-base="/api">` with a
 * widget inside, in headless Chromium (playwright-core, the system Chrome/Chromium as `npm test`
 * uses). A second page imports the data API from the entry, as the README's second example does, and
 * gives a `<fc-source-report>` a memory adapter, so its chart loads the lazy Chart.js chunk. Fails unless
 * - the build imports nothing from outside itself: every import of the entry and its chunks, static
 *   or `import()`, is a relative path to one of its own files (esbuild lists them), and no chunk is
 *   left over that nothing imports,
 * - every tag defined by a `src/components/<widget>/fc-<widget>.ts` is in `customElements`,
 * - the widget inside the provider rendered and asked `/api` for its data (the provider built the
 *   REST adapter from the markup and gave it to the widget),
 * - on the second page the chart engine chunk was fetched from beside the entry (`chunks/`, found
 *   through the entry's own URL) and the report's chart drew,
 * - no page reported an error (uncaught exception or console error, other than the API's 503s).
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

const apiRequests = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  } else if (url.pathname === '/data.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(DATA_PAGE);
  } else if (url.pathname.startsWith('/cdn/') && url.pathname.endsWith('.js')) {
    const file = normalize(join(CDN_DIR, decodeURIComponent(url.pathname.slice('/cdn/'.length))));
    if (file.startsWith(CDN_DIR + sep) && existsSync(file)) res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(readFileSync(file));
    else res.writeHead(404).end();
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
  const newPage = async () => {
    const page = await browser.newPage();
    page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // The 503s from the stub API are expected; anything else is not.
      if (/Failed to load resource: the server responded with a status of 503/.test(msg.text())) return;
      errors.push(`console.error: ${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`);
    });
    return page;
  };
  const page = await newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => customElements.get('fc-data-provider') !== undefined, undefined, { timeout: 10_000 }).catch(() => {});

  const defined = await page.evaluate((tags) => tags.filter((tag) => customElements.get(tag) !== undefined), expected);
  const missing = expected.filter((tag) => !defined.includes(tag));
  if (missing.length) fail(`not defined by the CDN file: ${missing.join(', ')}`);

  const rendered = await page
    .waitForFunction(() => (document.querySelector('fc-source-report')?.shadowRoot?.childElementCount ?? 0) > 0, undefined, { timeout: 10_000 })
    .then(() => true, () => false);
  if (!rendered) fail('<fc-source-report> inside <fc-data-provider> did not render');
  const asked = await page
    .waitForFunction(() => performance.getEntriesByType('resource').some((e) => new URL(e.name).pathname.startsWith('/api/')), undefined, { timeout: 10_000 })
    .then(() => true, () => false);
  if (!asked) fail('the widget never asked /api for data: the provider gave it no adapter from its markup');
  const version = await page.evaluate(() => /** @type {any} */ (customElements.get('fc-source-report'))?.version);
  const firstLoad = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => new URL(e.name).pathname.startsWith('/cdn/')).length);

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

  for (const error of errors) fail(error);
  const rel = (file) => relative(CDN_DIR, file);
  const kB = (list) => (list.reduce((n, file) => n + readFileSync(file).length, 0) / 1000).toFixed(1);
  console.log(`CDN build: dist/cdn/forecourt.js ${(Buffer.byteLength(script) / 1000).toFixed(1)} kB, version ${version}; first load ${files.first.length} files, ${kB(files.first)} kB (${files.first.map(rel).join(', ')}); ${files.lazy.length} lazy chunks, ${kB(files.lazy)} kB; imports from outside the build: ${files.outside.length ? files.outside.join(', ') : 'none'}`);
  console.log(`markup-only page fetched ${firstLoad} files of the build before any widget asked for more`);
  console.log(`data API page: chart engine chunk ${engine.join(', ') || 'NOT fetched'}, chart drawn ${drawn ? 'yes' : 'NO'}`);
  console.log(`defined ${defined.length}/${expected.length} tags: ${defined.join(', ')}`);
  console.log(`markup-only provider: widget rendered ${rendered ? 'yes' : 'NO'}; API requests: ${[...new Set(apiRequests)].join(', ') || 'none'}`);
  console.log(`page errors: ${errors.length}`);
  console.log(`${process.exitCode ? '✗ CDN check failed' : '✓ CDN check passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await browser.close();
  server.close();
}
