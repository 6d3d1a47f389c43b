#!/usr/bin/env node
/**
 * `npm run check:cdn` (after `npm run build`): the single-file CDN build works from markup alone.
 *
 * Serves `dist/cdn/forecourt.js` and a plain HTML page that loads it with one
 * `<script type="module">` and holds `<fc-data-provider api-base="/api">` with a widget inside, in
 * headless Chromium (playwright-core, the system Chrome/Chromium as `npm test` uses). Fails unless
 * - the file imports nothing (one file, every dependency bundled: esbuild lists its imports),
 * - every tag defined by a `src/components/<widget>/fc-<widget>.ts` is in `customElements`,
 * - the widget inside the provider rendered and asked `/api` for its data (the provider built the
 *   REST adapter from the markup and gave it to the widget),
 * - the page reported no error (uncaught exception or console error, other than the API's 503s).
 */
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS } from './chrome-path.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const CDN = `${root}dist/cdn/forecourt.js`;
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

/** What the file imports, static or dynamic, as esbuild's metafile lists it (nothing is resolved). */
const scan = await esbuild.build({ entryPoints: [CDN], bundle: true, write: false, metafile: true, external: ['*'], logLevel: 'error' });
const imports = Object.values(scan.metafile.inputs).flatMap((input) => input.imports.map((i) => i.path));
if (imports.length) fail(`dist/cdn/forecourt.js is not self-contained; it imports: ${[...new Set(imports)].join(', ')}`);

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

const apiRequests = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
  } else if (url.pathname === '/cdn/forecourt.js') {
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
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
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    // The 503s from the stub API are expected; anything else is not.
    if (/Failed to load resource: the server responded with a status of 503/.test(msg.text())) return;
    errors.push(`console.error: ${msg.text()}${msg.location().url ? ` (${msg.location().url})` : ''}`);
  });
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

  for (const error of errors) fail(error);
  console.log(`CDN file: dist/cdn/forecourt.js, ${(Buffer.byteLength(script) / 1000).toFixed(1)} kB, version ${version}, imports: ${imports.length ? imports.join(', ') : 'none'}`);
  console.log(`defined ${defined.length}/${expected.length} tags: ${defined.join(', ')}`);
  console.log(`markup-only provider: widget rendered ${rendered ? 'yes' : 'NO'}; API requests: ${[...new Set(apiRequests)].join(', ') || 'none'}`);
  console.log(`page errors: ${errors.length}`);
  console.log(`${process.exitCode ? '✗ CDN check failed' : '✓ CDN check passed'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await browser.close();
  server.close();
}
