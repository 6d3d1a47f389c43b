import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { findChrome, CHROME_ARGS } from './scripts/chrome-path.mjs';

const mswWorker = readFileSync(fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js')), 'utf8');

/** Serves MSW's service worker at the root so `setupWorker().start()` can intercept fetch. */
function mswWorkerMiddleware(ctx, next) {
  if (ctx.path === '/mockServiceWorker.js') {
    ctx.type = 'application/javascript';
    ctx.set('Service-Worker-Allowed', '/');
    ctx.body = mswWorker;
    return undefined;
  }
  return next();
}

/** papaparse ships only a UMD build: serve it to the browser as an ES module with a default export (Vite does this itself). */
const papaparseAsModule = {
  name: 'papaparse-as-module',
  transform(context) {
    if (/\/node_modules\/papaparse\/papaparse(\.min)?\.js$/.test(context.path)) {
      return { body: `const module = { exports: {} }; const exports = module.exports;\n${context.body}\nexport default module.exports;` };
    }
    return undefined;
  },
};

/**
 * `executeServerCommand('print-to-pdf')`: prints the test page with Chromium's print-to-PDF (print
 * media, US Letter) and answers what a test can check of the PDF: its size, page count and
 * how many pictures it holds.
 */
const printToPdf = {
  name: 'print-to-pdf',
  async executeCommand({ command, session }) {
    if (command !== 'print-to-pdf') return undefined;
    const page = session.browser.getPage(session.id);
    const pdf = Buffer.from(await page.pdf({ format: 'letter' }));
    const text = pdf.toString('latin1');
    return {
      header: text.slice(0, 5),
      bytes: pdf.length,
      pages: (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length,
      // Pictures on the pages (a chart's canvas prints as one).
      images: (text.match(/\/Subtype\s*\/Image/g) ?? []).length,
    };
  },
};

/**
 * `executeServerCommand('emulate-timezone', { timezoneId })`: runs the test page's local time in
 * that IANA zone, whatever the machine's (screenshots of times must not depend on where they run).
 */
const emulateTimezone = {
  name: 'emulate-timezone',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-timezone') return undefined;
    await session.browser.getPage(session.id).emulateTimezone(payload.timezoneId);
    return true;
  },
};

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: Windows High Contrast as Chromium
 * emulates it (`forced-colors: active`, system colours), which `emulateMedia` cannot ask of this
 * launcher.
 */
const forcedColorSessions = new WeakMap();
const emulateForcedColors = {
  name: 'emulate-forced-colors',
  async executeCommand({ command, payload, session }) {
    if (command !== 'emulate-forced-colors') return undefined;
    const page = session.browser.getPage(session.id);
    // Emulation lasts as long as the DevTools session that asked for it: keep one per page.
    if (!forcedColorSessions.has(page)) forcedColorSessions.set(page, await page.createCDPSession());
    await forcedColorSessions.get(page).send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload?.active ? 'active' : 'none' }] });
    return true;
  },
};

/**
 * The seed of this run's property tests and fuzzers (tests/seed.ts reads it with
 * `executeServerCommand('fc-seed')`): `FC_SEED=<integer>` replays a run, `FC_SEED=random` draws a
 * fresh one, and without FC_SEED it is fixed, so a run passes or fails the same way on any machine
 * and a failure is in the code under test, not in the draw. Every file prints the seed it ran with.
 */
const FIXED_SEED = 20261123;
function seedOf(value) {
  if (value === undefined || value === '') return FIXED_SEED;
  if (value === 'random') return Math.floor(Math.random() * 2 ** 31);
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value)) || Math.abs(Number(value)) >= 2 ** 31) {
    throw new Error(`FC_SEED must be an integer below 2^31 in size, or "random"; got "${value}"`);
  }
  return Number(value);
}
const SEED = seedOf(process.env.FC_SEED);
const fcSeed = {
  name: 'fc-seed',
  executeCommand({ command }) {
    return command === 'fc-seed' ? SEED : undefined;
  },
};

/**
 * `visualDiff(element, name)`: screenshots compared with tests/visual/screenshots/baseline/<name>.png.
 * The same Chromium draws the same pixels, so the tolerance is small: a pixel differs past a colour
 * distance of 0.05 (pixelmatch's 0.1 lets an accent change from #0b5cad to #00695c through), and at
 * most 0.1% of the pixels may differ (a muted-text colour change is about 0.5%). A failure writes the
 * new screenshot and a diff image to tests/visual/screenshots/failed/ (git-ignored).
 * `--update-visual-baseline` (npm run test:visual:update) rewrites the baselines instead.
 */
const visualRegression = {
  update: process.argv.includes('--update-visual-baseline'),
  baseDir: 'tests/visual/screenshots',
  diffOptions: { threshold: 0.05 },
  failureThreshold: 0.1,
  failureThresholdType: 'percent',
  getBaselineName: ({ name }) => `baseline/${name}`,
  getFailedName: ({ name }) => `failed/${name}`,
  getDiffName: ({ name }) => `failed/${name}-diff`,
};

export default {
  rootDir: '.',
  nodeResolve: true,
  concurrency: 1,
  // A busy machine can take longer than the default 30 s to open a page for a test file.
  browserStartTimeout: 120_000,
  testsFinishTimeout: 20 * 60 * 1000,
  testFramework: { config: { timeout: 20000 } },
  middleware: [mswWorkerMiddleware],
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').startsWith('Lit is in dev mode'),
  plugins: [
    papaparseAsModule,
    printToPdf,
    emulateTimezone,
    emulateForcedColors,
    fcSeed,
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
    visualRegressionPlugin(visualRegression),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChrome(), headless: true, args: CHROME_ARGS },
    }),
  ],
  files: ['tests/**/*.test.ts'],
};
