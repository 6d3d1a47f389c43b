#!/usr/bin/env node
/**
 * `npm run sizes`: what each widget costs a page, and the CDN file's size.
 *
 * For every `src/components/<widget>/fc-<widget>.ts` it bundles the module with esbuild (minified,
 * es2022, everything bundled except Lit: `lit`, `lit-html`, `lit-element`, `@lit/reactive-element`
 * and the `@lit/*` packages), gzips it (zlib level 9) and checks it against
 * - its budget in `scripts/size-budgets.json` (`{ "<widget>": { "kind", "budgetKB" } }`; issue 8:
 *   simple ≤ 10 kB, table ≤ 20 kB, chart ≤ 60 kB including Chart.js), and
 * - the committed baseline `scripts/size-baseline.json`: more than 5% above it fails.
 * The CDN file (`dist/cdn/forecourt.js`, from `npm run build`) is measured the same way (min+gz of
 * the built file) and held to the 5% rule only.
 *
 * 1 kB = 1000 bytes. Exits 1 on any failure, listing each over-budget widget's largest inputs.
 * `npm run sizes -- --update` rewrites the baseline with the current sizes (budgets never change here).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const path = (p) => `${root}${p}`;
const BUDGETS = path('scripts/size-budgets.json');
const BASELINE = path('scripts/size-baseline.json');
const CDN = path('dist/cdn/forecourt.js');
const MAX_RISE = 0.05;
const LIT = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].flatMap((p) => [p, `${p}/*`]).concat('@lit/*');

const update = process.argv.includes('--update');
const version = JSON.parse(readFileSync(path('package.json'), 'utf8')).version;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kB = (bytes) => (bytes / 1000).toFixed(1);

/** Widget folder names that have a defining `fc-<widget>.ts`. */
function widgets() {
  return readdirSync(path('src/components'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(path(`src/components/${d.name}/fc-${d.name}.ts`)))
    .map((d) => d.name)
    .sort();
}

/** min+gz of `fc-<widget>.ts` beyond Lit, and its inputs by bytes in the minified output. */
async function measure(widget) {
  const result = await esbuild.build({
    entryPoints: [path(`src/components/${widget}/fc-${widget}.ts`)],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    external: LIT,
    define: { __FC_VERSION__: JSON.stringify(version), 'process.env.NODE_ENV': '"production"' },
    write: false,
    metafile: true,
    logLevel: 'error',
  });
  const code = result.outputFiles[0].contents;
  const inputs = Object.values(result.metafile.outputs)[0].inputs;
  /** Groups node_modules files by package, source files by folder. */
  const groups = new Map();
  for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
    const pkg = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    const key = pkg ? pkg[1] : file.replace(/\/[^/]+$/, '/');
    groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
  }
  const top = [...groups].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { min: code.length, gz: gz(code), top };
}

const budgets = JSON.parse(readFileSync(BUDGETS, 'utf8'));
const baseline = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : { widgets: {}, cdn: undefined };
const failures = [];
const rows = [];
const sizes = {};

for (const widget of widgets()) {
  const { min, gz: size, top } = await measure(widget);
  sizes[widget] = size;
  const budget = budgets[widget];
  const base = baseline.widgets?.[widget];
  const problems = [];
  if (!budget) problems.push(`no budget in scripts/size-budgets.json`);
  else if (size > budget.budgetKB * 1000) problems.push(`over its ${budget.kind} budget of ${budget.budgetKB} kB`);
  if (!update && base !== undefined && size > base * (1 + MAX_RISE))
    problems.push(`${(((size - base) / base) * 100).toFixed(1)}% above its baseline of ${kB(base)} kB`);
  if (!update && base === undefined) problems.push('no baseline (run `npm run sizes -- --update`)');
  rows.push([widget, budget?.kind ?? '?', kB(min), kB(size), budget ? `${budget.budgetKB}` : '?', base === undefined ? '-' : kB(base), problems.length ? 'FAIL' : 'ok']);
  if (problems.length) failures.push({ name: widget, problems, top: size > (budget?.budgetKB ?? 0) * 1000 ? top : undefined });
}

if (existsSync(CDN)) {
  const code = readFileSync(CDN);
  const size = gz(code);
  sizes.cdn = size;
  const base = baseline.cdn;
  const problems = [];
  if (!update && base !== undefined && size > base * (1 + MAX_RISE))
    problems.push(`${(((size - base) / base) * 100).toFixed(1)}% above its baseline of ${kB(base)} kB`);
  rows.push(['CDN dist/cdn/forecourt.js', 'all', kB(code.length), kB(size), '-', base === undefined ? '-' : kB(base), problems.length ? 'FAIL' : 'ok']);
  if (problems.length) failures.push({ name: 'CDN file', problems });
} else {
  failures.push({ name: 'CDN file', problems: ['dist/cdn/forecourt.js not found: run `npm run build` first'] });
}

const header = ['widget', 'kind', 'min kB', 'min+gz kB', 'budget kB', 'baseline kB', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => (i >= 2 && i <= 5 ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ').trimEnd();
console.log('Sizes beyond Lit (esbuild, minified, gzip -9; 1 kB = 1000 B)\n');
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));

if (update) {
  const next = { widgets: Object.fromEntries(Object.entries(sizes).filter(([k]) => k !== 'cdn')), cdn: sizes.cdn };
  writeFileSync(BASELINE, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`\nBaseline written to scripts/size-baseline.json.`);
}

if (failures.length) {
  console.log('');
  for (const { name, problems, top } of failures) {
    console.log(`✗ ${name}: ${problems.join('; ')}`);
    if (top) for (const [input, bytes] of top) console.log(`    ${kB(bytes).padStart(7)} kB min  ${input}`);
  }
  process.exitCode = 1;
} else {
  console.log('\nAll within budget and baseline.');
}
