#!/usr/bin/env node
/**
 * `npm run sizes`: what each widget costs a page, and the CDN file's size.
 *
 * For every `src/components/<widget>/fc-<widget>.ts` it bundles the module with esbuild (minified,
 * es2022, code splitting, everything bundled except Lit: `lit`, `lit-html`, `lit-element`,
 * `@lit/reactive-element` and the `@lit/*` packages) and gzips each output file (zlib level 9):
 * - first load: the entry file and every file it imports statically, what a page fetches when it
 *   imports the widget. Held to its budget in `scripts/size-budgets.json`
 *   (`{ "<widget>": { "kind", "budgetKB", "reason"? } }`, and `"cdn"` for the CDN build; issue 8: simple ≤ 10 kB, table ≤ 20 kB,
 *   chart ≤ 60 kB including its chart code) and to the baseline.
 * - lazy: the files only reached through a dynamic `import()` (loaded when the user does something,
 *   such as exporting), and their own imports. Held to the baseline only.
 * A budget above its kind's in issue 8, or a kind issue 8 does not name, is an exception: it must
 * say why in `reason`, and the reasons are printed under the table.
 * The baseline is `scripts/size-baseline.json`; more than 5% above it fails. The CDN build
 * (`dist/cdn/`, from `npm run build`) is measured as built, gzip per file: its first load (the entry
 * `forecourt.js` and the chunks it imports statically: the data API, Lit and `<fc-data-provider>`)
 * against its budget, the `cdn` entry of `scripts/size-budgets.json` (issue 20: 150 kB), and the 5%
 * rule; its lazy chunks (each widget's, loaded the first time its tag is on the page, and what the
 * widgets load with `import()`, such as the Chart.js engine) are reported apart, largest first, and
 * held to the 5% rule.
 *
 * 1 kB = 1000 bytes. Exits 1 on any failure, listing each failing widget's largest inputs.
 * `npm run sizes -- --update` rewrites the baseline with the current sizes (budgets never change here).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { CDN_ENTRY as CDN, cdnFiles } from './cdn-files.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const path = (p) => `${root}${p}`;
const BUDGETS = path('scripts/size-budgets.json');
const BASELINE = path('scripts/size-baseline.json');
const MAX_RISE = 0.05;
/** Issue 8's budgets by kind, in kB. */
const KIND_BUDGETS = { simple: 10, table: 20, chart: 60 };
const LIT = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].flatMap((p) => [p, `${p}/*`]).concat('@lit/*');

const update = process.argv.includes('--update');
const version = JSON.parse(readFileSync(path('package.json'), 'utf8')).version;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kB = (bytes) => (bytes / 1000).toFixed(1);

/** `text` broken into lines of at most `width` characters, each after `indent`. */
function wrap(text, indent, width = 100) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((l) => `${indent}${l}`).join('\n');
}

/** Widget folder names that have a defining `fc-<widget>.ts`. */
function widgets() {
  return readdirSync(path('src/components'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name !== 'shared' && existsSync(path(`src/components/${d.name}/fc-${d.name}.ts`)))
    .map((d) => d.name)
    .sort();
}

/** Bytes in the output by package (node_modules) or folder (source), largest first. */
function largestInputs(outputs) {
  const groups = new Map();
  for (const output of outputs) {
    for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
      const key = pkg ? pkg[1] : file.replace(/\/[^/]+$/, '/');
      groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...groups].filter(([, bytes]) => bytes > 0).sort((a, b) => b[1] - a[1]);
}

/** The output files reached from `start` through imports of `kinds`, with `start` itself. */
function reach(outputs, start, kinds) {
  const seen = new Set(start);
  const queue = [...start];
  while (queue.length) {
    for (const { path: file, kind, external } of outputs[queue.shift()].imports) {
      if (external || !kinds.includes(kind) || seen.has(file)) continue;
      seen.add(file);
      queue.push(file);
    }
  }
  return seen;
}

/**
 * Bundles one widget with code splitting and sorts its output files into what the page loads with
 * the widget (entry + static imports) and what it loads later (dynamic imports and theirs).
 */
async function measure(widget) {
  const entry = `src/components/${widget}/fc-${widget}.ts`;
  const result = await esbuild.build({
    entryPoints: [path(entry)],
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    outdir: path('.sizes'),
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
  const outputs = result.metafile.outputs;
  const contents = new Map(result.outputFiles.map((f) => [f.path.slice(root.length), f.contents]));
  const entryFile = Object.keys(outputs).find((file) => outputs[file].entryPoint === entry);
  const first = reach(outputs, [entryFile], ['import-statement']);
  const all = reach(outputs, [entryFile], ['import-statement', 'dynamic-import']);
  const lazy = [...all].filter((file) => !first.has(file));
  const sum = (files) => ({
    min: files.reduce((n, f) => n + contents.get(f).length, 0),
    gz: files.reduce((n, f) => n + gz(contents.get(f)), 0),
    top: largestInputs(files.map((f) => outputs[f])),
  });
  const lazyChunks = [...new Set(lazy)]
    .filter((file) => Object.values(outputs).some((o) => o.imports.some((i) => i.path === file && i.kind === 'dynamic-import')))
    .map((file) => ({ file, ...sum([...reach(outputs, [file], ['import-statement'])].filter((f) => !first.has(f))) }));
  return { first: sum([...first]), lazy: lazy.length ? sum(lazy) : null, lazyChunks };
}

/** Problems with a widget's budget entry itself: missing, or an exception without a reason. */
function budgetProblems(budget) {
  if (!budget) return ['no budget in scripts/size-budgets.json'];
  if (budget.reason?.trim()) return [];
  const standard = KIND_BUDGETS[budget.kind];
  if (standard === undefined) return [`kind "${budget.kind}" is not one of issue 8's (${Object.keys(KIND_BUDGETS).join(', ')}) and gives no "reason"`];
  if (budget.budgetKB > standard) return [`its budget of ${budget.budgetKB} kB is above issue 8's ${budget.kind} budget (${standard} kB) and gives no "reason"`];
  return [];
}

/** "x% above its baseline of y kB" when `size` rose more than 5% over `base`. */
function rise(size, base, what) {
  if (update || base === undefined || base === null || size <= base * (1 + MAX_RISE)) return [];
  return [`${what}${(((size - base) / base) * 100).toFixed(1)}% above its baseline of ${kB(base)} kB`];
}

const { cdn: cdnBudget, ...budgets } = JSON.parse(readFileSync(BUDGETS, 'utf8'));
const baseline = existsSync(BASELINE) ? JSON.parse(readFileSync(BASELINE, 'utf8')) : { widgets: {}, lazy: {}, cdn: undefined };
const failures = [];
const rows = [];
const exceptions = [];
const next = { widgets: {}, lazy: {}, cdn: undefined, cdnLazy: undefined };
const lazyLines = [];

for (const widget of widgets()) {
  const { first, lazy, lazyChunks } = await measure(widget);
  next.widgets[widget] = first.gz;
  if (lazy) next.lazy[widget] = lazy.gz;
  const budget = budgets[widget];
  const base = baseline.widgets?.[widget];
  const lazyBase = baseline.lazy?.[widget];
  const over = budget && first.gz > budget.budgetKB * 1000;
  const problems = [...budgetProblems(budget)];
  if (over) problems.push(`first load over its ${budget.kind} budget of ${budget.budgetKB} kB`);
  problems.push(...rise(first.gz, base, 'first load '));
  if (lazy) problems.push(...rise(lazy.gz, lazyBase, 'lazy chunks '));
  if (!update && base === undefined) problems.push('no baseline (run `npm run sizes -- --update`)');
  if (!update && lazy && lazyBase === undefined) problems.push('lazy chunks have no baseline (run `npm run sizes -- --update`)');
  if (budget?.reason) exceptions.push({ title: `${widget} (${budget.kind}, ${budget.budgetKB} kB)`, reason: budget.reason });
  for (const chunk of lazyChunks) {
    const top = chunk.top.slice(0, 3).map(([input]) => input).join(', ');
    lazyLines.push(`${widget}: ${kB(chunk.gz)} kB min+gz (${top})`);
  }
  rows.push([
    widget,
    budget?.kind ?? '?',
    kB(first.min),
    kB(first.gz),
    budget ? `${budget.budgetKB}` : '?',
    base === undefined ? '-' : kB(base),
    lazy ? kB(lazy.gz) : '-',
    lazyBase === undefined ? '-' : kB(lazyBase),
    problems.length ? 'FAIL' : 'ok',
  ]);
  if (problems.length) {
    const lazyRose = lazy && rise(lazy.gz, lazyBase, '').length > 0;
    failures.push({ name: widget, problems, top: over || rise(first.gz, base, '').length ? first.top : undefined, lazyTop: lazyRose ? lazy.top : undefined });
  }
}

const cdnNotes = [];
if (existsSync(CDN)) {
  const { first, lazy } = await cdnFiles();
  const sum = (files) => files.reduce((n, file) => n + readFileSync(file).length, 0);
  const sumGz = (files) => files.reduce((n, file) => n + gz(readFileSync(file)), 0);
  const size = sumGz(first);
  const lazySize = sumGz(lazy);
  next.cdn = size;
  next.cdnLazy = lazySize;
  const base = baseline.cdn;
  const lazyBase = baseline.cdnLazy;
  const problems = [...rise(size, base, 'first load '), ...rise(lazySize, lazyBase, 'lazy chunks ')];
  if (!cdnBudget?.budgetKB) problems.push('no "cdn" budget in scripts/size-budgets.json');
  else if (size > cdnBudget.budgetKB * 1000) problems.push(`first load over its budget of ${cdnBudget.budgetKB} kB`);
  if (!update && lazyBase === undefined) problems.push('lazy chunks have no baseline (run `npm run sizes -- --update`)');
  rows.push([
    `CDN dist/cdn/ (${first.length} files first, ${lazy.length} lazy)`,
    'cdn',
    kB(sum(first)),
    kB(size),
    cdnBudget?.budgetKB === undefined ? '?' : `${cdnBudget.budgetKB}`,
    base === undefined ? '-' : kB(base),
    kB(lazySize),
    lazyBase === undefined ? '-' : kB(lazyBase),
    problems.length ? 'FAIL' : 'ok',
  ]);
  const byGz = (files) => files.map((file) => [file, gz(readFileSync(file))]).sort((a, b) => b[1] - a[1]);
  const rel = (file) => file.slice(root.length);
  /** A widget's own chunk, `chunks/fc-<widget>-<hash>.js` (Vite names it after `fc-<widget>.ts`). */
  const widgetChunk = (file) => widgets().some((widget) => new RegExp(`/chunks/fc-${widget}-[\\w-]{8}\\.js$`).test(file));
  const widgetChunks = lazy.filter(widgetChunk);
  cdnNotes.push(
    `CDN lazy chunks: ${lazy.length} files, ${kB(lazySize)} kB min+gz, loaded after the first load: ${widgetChunks.length} widget chunks (${kB(sumGz(widgetChunks))} kB, each loaded the first time its tag is on the page), the rest shared by widgets or loaded by them on demand (${kB(lazySize - sumGz(widgetChunks))} kB). Largest:`,
  );
  for (const [file, bytes] of byGz(lazy).slice(0, 6)) cdnNotes.push(`  ${kB(bytes).padStart(6)} kB  ${rel(file)}`);
  if (cdnBudget?.budgetKB && size > cdnBudget.budgetKB * 1000) {
    cdnNotes.push(`CDN first load ${kB(size)} kB is over its ${cdnBudget.budgetKB} kB budget. Largest files:`);
    for (const [file, bytes] of byGz(first).slice(0, 5)) cdnNotes.push(`  ${kB(bytes).padStart(6)} kB  ${rel(file)}`);
  }
  if (problems.length) failures.push({ name: 'CDN build', problems });
} else {
  failures.push({ name: 'CDN build', problems: ['dist/cdn/forecourt.js not found: run `npm run build` first'] });
}

const header = ['widget', 'kind', 'min kB', 'min+gz kB', 'budget kB', 'baseline kB', 'lazy kB', 'lazy baseline kB', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const numeric = (i) => i >= 2 && i <= 7;
const line = (cells) => cells.map((c, i) => (numeric(i) ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i]))).join('  ').trimEnd();
console.log('Sizes beyond Lit (esbuild, minified, gzip -9 per file; 1 kB = 1000 B)');
console.log('min, min+gz: first load (the widget and its static imports); lazy: min+gz of what dynamic import() loads later.\n');
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));

if (lazyLines.length) {
  console.log('\nLoaded on demand (dynamic import), largest inputs first:');
  for (const text of lazyLines) console.log(`  ${text}`);
}
if (cdnNotes.length) console.log(`\n${cdnNotes.join('\n')}`);
if (exceptions.length) {
  console.log("\nBudgets that differ from issue 8's (simple 10, table 20, chart 60 kB):");
  for (const { title, reason } of exceptions) console.log(`  ${title}:\n${wrap(reason, '    ')}`);
}

if (update) {
  writeFileSync(BASELINE, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`\nBaseline written to scripts/size-baseline.json.`);
}

if (failures.length) {
  console.log('');
  for (const { name, problems, top, lazyTop } of failures) {
    console.log(`✗ ${name}: ${problems.join('; ')}`);
    if (top) for (const [input, bytes] of top.slice(0, 8)) console.log(`    ${kB(bytes).padStart(7)} kB min  ${input}`);
    if (lazyTop) {
      console.log('    lazy chunks:');
      for (const [input, bytes] of lazyTop.slice(0, 8)) console.log(`    ${kB(bytes).padStart(7)} kB min  ${input}`);
    }
  }
  process.exitCode = 1;
} else {
  console.log('\nAll within budget and baseline.');
}
