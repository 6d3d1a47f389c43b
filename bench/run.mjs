// Builds the bench page with Vite, serves it on 127.0.0.1, drives headless Chromium through every
// case in rotated order and prints medians with the ratio to each named peer from the same run.
//
//   node bench/run.mjs [--runs 15] [--warmup 1] [--case name]... [--no-build]
import { createServer } from 'node:http';
import { readFile, mkdir, writeFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import os from 'node:os';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS } from '../scripts/chrome-path.mjs';
import { demoContent } from './cases/demo-content.mjs';

/** Cases that time a page load, driven from here (`start()` their servers, `measure()` one visit) instead of the bench page. */
const NAVIGATION_CASES = [demoContent];

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const ROOT = here('./pages');
// BENCH_OUT lets two checkouts or two people bench side by side without sharing one build folder.
const OUT = process.env.BENCH_OUT ? resolve(process.env.BENCH_OUT) : here('./.build');
// A bench with its own build folder keeps its results beside it, so it never overwrites another's.
const RESULTS = process.env.BENCH_OUT ? `${OUT}-results` : here('./results');

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '1' },
    case: { type: 'string', multiple: true },
    'no-build': { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const warmup = Number(args.warmup);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${args.runs}`);
if (!Number.isInteger(warmup) || warmup < 0) throw new Error(`--warmup must be 0 or more, got ${args.warmup}`);

// ─── build ───
if (!args['no-build']) {
  const pkg = JSON.parse(await readFile(here('../package.json'), 'utf8'));
  await build({
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    define: { __FC_VERSION__: JSON.stringify(pkg.version) },
    build: { outDir: OUT, emptyOutDir: true, target: 'es2022', reportCompressedSize: false, chunkSizeWarningLimit: 10_000 },
  });
}

// ─── static server ───
// Cross-origin isolation lifts performance.now() from 100 µs to 5 µs resolution.
const ISOLATED = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };
const mswWorker = await readFile(fileURLToPath(import.meta.resolve('msw/mockServiceWorker.js')));
const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (path === '/mockServiceWorker.js') {
    res.writeHead(200, { ...ISOLATED, 'Content-Type': 'text/javascript', 'Service-Worker-Allowed': '/' });
    res.end(mswWorker);
    return;
  }
  const file = normalize(join(OUT, path === '/' ? 'index.html' : path));
  if (!file.startsWith(OUT + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { ...ISOLATED, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${server.address().port}/`;

// ─── run ───
const executablePath = findChrome();
if (!executablePath) throw new Error('No Chrome/Chromium found: set CHROME_PATH');
// `gc` exposed: a case may collect its fixture's garbage before its clock starts (both sides alike).
const browser = await chromium.launch({ executablePath, args: [...CHROME_ARGS, '--js-flags=--expose-gc'], headless: true });
const browserVersion = browser.version();

/** A page on the bench origin with `window.bench` ready; page errors fail the measurement. */
async function openPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  page.on('console', (message) => {
    // Offline cases fail their background requests on purpose; Chromium logs each one.
    if (message.text().startsWith('Failed to load resource')) return;
    process.stderr.write(`\n  [page ${message.type()}] ${message.text()}\n`);
  });
  await page.goto(origin);
  await page.waitForFunction(() => 'bench' in window);
  return { page, errors };
}

async function evaluate({ page, errors }, fn, arg) {
  const result = await page.evaluate(fn, arg);
  if (errors.length) throw errors[0];
  return result;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Extra figures of one side over the runs: the median, or the worst run for `over: 'max'`. */
function summarize(info, perFigure) {
  return Object.fromEntries(
    Object.entries(perFigure).map(([figure, values]) => [
      figure,
      info.figures[figure]?.over === 'max' ? Math.max(...values) : median(values),
    ]),
  );
}

/** Each budget with the figure it bounds and whether it holds. */
function checkBudgets(budgets, figures) {
  return budgets.map(({ figure, max }) => {
    const value = figures[figure];
    return { figure, max, value: value ?? null, pass: value !== undefined && value <= max };
  });
}

let failed = false;
const results = [];
/** Case name → what the page said about it (figure settings for the table). */
const infoOf = new Map();
try {
  const probe = await openPage(await browser.newContext());
  const available = [
    ...(await evaluate(probe, () => window.bench.cases)),
    ...NAVIGATION_CASES.map(({ name, description, reload, peers, figures, budgets }) => ({ name, description, reload, peers, setup: false, figures, budgets, navigation: true })),
  ];
  await probe.page.context().close();
  const unknown = (args.case ?? []).filter((name) => !available.some((c) => c.name === name));
  if (unknown.length) throw new Error(`Unknown case(s): ${unknown.join(', ')}; known: ${available.map((c) => c.name).join(', ')}`);
  const selected = args.case ? available.filter((c) => args.case.includes(c.name)) : available;

  for (const info of selected) {
    infoOf.set(info.name, info);
    process.stderr.write(`${info.name}: `);
    // A fresh context per case: empty IndexedDB, no service worker, nothing from another case.
    const context = await browser.newContext();
    const navigation = info.navigation ? NAVIGATION_CASES.find((c) => c.name === info.name) : null;
    const servers = navigation ? await navigation.start({ out: OUT, reuse: args['no-build'] }) : null;
    try {
      let shared = null;
      const pageFor = async () => {
        if (info.reload === 'case') return (shared ??= await openPage(context));
        return openPage(context);
      };
      const done = async (p) => {
        if (p !== shared) await p.page.close();
      };

      if (info.setup) {
        const p = await pageFor();
        await evaluate(p, (name) => window.bench.setup(name), info.name);
        await done(p);
      }
      const sides = ['ours', ...info.peers];
      const samples = Object.fromEntries(sides.map((s) => [s, []]));
      // Extra figures per side: name → one value per run.
      const extras = Object.fromEntries(sides.map((s) => [s, {}]));
      for (let i = -warmup; i < runs; i++) {
        // Rotate who goes first so neither side always pays (or profits from) being first.
        const k = ((i % sides.length) + sides.length) % sides.length;
        for (const side of [...sides.slice(k), ...sides.slice(0, k)]) {
          let result;
          if (navigation) result = await navigation.measure(browser, servers.urls[side]);
          else {
            const p = await pageFor();
            result = await evaluate(p, ([name, s, iteration]) => window.bench.run(name, s, { iteration }), [info.name, side, i]);
            await done(p);
          }
          const { ms, extra } = result;
          if (i >= 0) {
            samples[side].push(ms);
            for (const [figure, value] of Object.entries(extra)) (extras[side][figure] ??= []).push(value);
          }
        }
        process.stderr.write('.');
      }
      process.stderr.write('\n');
      const ours = median(samples.ours);
      const oursFigures = summarize(info, extras.ours);
      for (const peer of info.peers) {
        const peerMedian = median(samples[peer]);
        const ratio = ours / peerMedian;
        results.push({
          case: info.name,
          description: info.description,
          oursMedianMs: ours,
          peer,
          peerMedianMs: peerMedian,
          ratio,
          runs,
          ...(Object.keys(oursFigures).length || Object.keys(extras[peer]).length
            ? { oursFigures, peerFigures: summarize(info, extras[peer]) }
            : {}),
          ...(info.budgets.length ? { budgets: checkBudgets(info.budgets, { ms: ours, ratio, ...oursFigures }) } : {}),
          samples: { ours: samples.ours, peer: samples[peer] },
          ...(Object.keys(extras.ours).length || Object.keys(extras[peer]).length
            ? { extraSamples: { ours: extras.ours, peer: extras[peer] } }
            : {}),
        });
      }
    } catch (error) {
      failed = true;
      process.stderr.write(`\n${info.name} failed: ${error?.stack ?? error}\n`);
      results.push({ case: info.name, description: info.description, error: String(error?.message ?? error) });
    } finally {
      await context.close();
      await servers?.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}

// ─── report ───
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));
/** `p95 16.7 ms · elements 212`, units and "worst run" marks from the case's figure settings. */
const fmtFigures = (name, figures = {}) =>
  Object.entries(figures)
    .map(([figure, value]) => {
      const spec = infoOf.get(name)?.figures?.[figure] ?? {};
      const unit = spec.unit ?? 'ms';
      return `${figure} ${Number.isInteger(value) ? value : fmt(value)}${unit ? ` ${unit}` : ''}${spec.over === 'max' ? ' (worst run)' : ''}`;
    })
    .join(' · ');
const fmtBudgets = (budgets = []) =>
  budgets
    .map(({ figure, max, value, pass }) => {
      const shown = value === null ? 'not measured' : figure === 'ratio' ? `${value.toFixed(2)}×` : fmt(value);
      return `${figure} ≤ ${max}${figure === 'ratio' ? '×' : ''}: ${pass ? 'pass' : '**MISS**'} (${shown})`;
    })
    .join('; ');
// Cases with extra figures or budgets add three columns; without any, the table keeps its old shape.
const withFigures = results.some((r) => r.oursFigures || r.budgets);
const head = withFigures
  ? ['case', 'ours median ms', 'peer', 'peer median ms', 'ratio (ours/peer)', 'ours figures', 'peer figures', 'budget', 'runs']
  : ['case', 'ours median ms', 'peer', 'peer median ms', 'ratio (ours/peer)', 'runs'];
const row = (r) => {
  if (r.error) return [r.case, `failed: ${r.error.replaceAll('|', '\\|').split('\n')[0]}`, ...head.slice(2).map(() => '')];
  const figures = withFigures ? [fmtFigures(r.case, r.oursFigures), fmtFigures(r.case, r.peerFigures), fmtBudgets(r.budgets)] : [];
  return [r.case, fmt(r.oursMedianMs), r.peer, fmt(r.peerMedianMs), `${r.ratio.toFixed(2)}×`, ...figures, r.runs];
};
const lines = [
  `| ${head.join(' | ')} |`,
  `|${head.map((h) => (/ms|ratio|runs/.test(h) ? '---:' : '---')).join('|')}|`,
  ...results.map((r) => `| ${row(r).join(' | ')} |`),
];
const notes = [...new Map(results.map((r) => [r.case, r.description])).entries()].map(([c, d]) => `- ${c}: ${d}`);
console.log([...lines, '', ...notes].join('\n'));

await mkdir(RESULTS, { recursive: true });
await writeFile(
  join(RESULTS, 'latest.json'),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      browser: `${executablePath} ${browserVersion}`,
      cpus: os.cpus().length,
      runs,
      warmup,
      results,
    },
    null,
    2,
  ) + '\n',
);
process.exitCode = failed ? 1 : 0;
