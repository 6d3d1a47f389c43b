#!/usr/bin/env node
/**
 * `npm run check:package` (after `npm run build`): what a host installing Forecourt gets.
 *
 * - custom-elements.json: `package.json` `customElements` points at it, and the checked-in file
 *   equals the fresh one `npm run build` writes to `dist/` (else it is stale: `npm run manifest`).
 * - Every `fc-*` tag defined in src/components is in `HTMLElementTagNameMap` and in the manifest.
 * - Every event a widget documents with `@fires` is in `HTMLElementEventMap` (the `*.events.ts`
 *   files and shared/events.ts), with its detail type in the manifest; every event it emits or
 *   declares in its own `*.events.ts` is documented with `@fires`.
 * - Every widget class documents `@fires`, `@csspart` and `@cssproperty`, or says it has none
 *   with `@fires-none`, `@csspart-none`, `@cssproperty-none` (tags the analyzer ignores; a
 *   literal `@fires (none)` would put an event named "(none)" in the manifest).
 * - `exports` has `./<widget>` (defines the tag) and `./<widget>/element` (defines nothing) for
 *   every widget folder, with `types`; `sideEffects` matches exactly the defining modules.
 * - `npm pack --dry-run` contents: no tests, demo, bench or scratch files, no source maps of
 *   tests; every export's JS and `.d.ts` present, and every relative import of a packed `.d.ts`
 *   resolves inside the package.
 * - docs/widgets/*.md and docs/theming.md equal what `scripts/docs.mjs` renders from the
 *   checked-in manifest (else they are stale: `npm run docs`), and README.md links every page.
 * - src/styles/tokens.css equals what `scripts/tokens-css.mjs` renders from the token map in
 *   src/styles/tokens.ts (else it is stale: `npm run docs`, which runs scripts/tokens-css.mjs).
 *
 * Prints one line per failure and exits 1, or a summary and exits 0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { THEMING_DOC, WIDGET_DOCS_DIR, renderDocs } from './docs.mjs';
import { TOKENS_CSS, renderTokensCss } from './tokens-css.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const read = (path) => readFileSync(join(root, path), 'utf8');
const failures = [];
const fail = (message) => failures.push(message);

const pkg = JSON.parse(read('package.json'));
const MANIFEST = 'custom-elements.json';
const FRESH_MANIFEST = 'dist/custom-elements.json';

// ---------------------------------------------------------------- sources

const widgets = readdirSync(join(root, 'src/components'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'shared')
  .map((entry) => entry.name)
  .sort();
const filesOf = (dir) =>
  readdirSync(join(root, dir))
    .filter((file) => file.endsWith('.ts'))
    .map((file) => `${dir}/${file}`);
const componentFiles = [...widgets.flatMap((w) => filesOf(`src/components/${w}`)), ...filesOf('src/components/shared')];

/** Keys of every `interface <name> { … }` block (inside `declare global`) in the given files. */
function interfaceKeys(name, files) {
  const keys = new Map();
  for (const file of files) {
    for (const block of read(file).matchAll(new RegExp(`interface ${name}\\s*{([^}]*)}`, 'g'))) {
      for (const [, key, type] of block[1].matchAll(/['"]([\w-]+)['"]\s*:\s*([^;]+);/g)) keys.set(key, { file, type: type.trim() });
    }
  }
  return keys;
}
const tagMap = interfaceKeys('HTMLElementTagNameMap', componentFiles);
const eventFiles = componentFiles.filter((f) => f.endsWith('.events.ts') || f === 'src/components/shared/events.ts');
const eventMap = interfaceKeys('HTMLElementEventMap', eventFiles);

/** `export const FC_X = 'fc-x'` across the event modules. */
const eventConstants = new Map();
for (const file of eventFiles) {
  for (const [, name, value] of read(file).matchAll(/export const (FC_\w+)\s*=\s*['"](fc-[\w-]+)['"]/g)) eventConstants.set(name, value);
}

const DEFINE = /\b(?:defineElement|customElements\.define)\(\s*['"](fc-[\w-]+)['"]/g;
/** A module's code without its comments (a JSDoc `@example defineElement(…)` defines nothing). */
const code = (path) => read(path).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
/** Tag → defining source files. */
const definedTags = new Map();
for (const file of componentFiles) {
  for (const [, tag] of code(file).matchAll(DEFINE)) definedTags.set(tag, [...(definedTags.get(tag) ?? []), file]);
}

// ---------------------------------------------------------------- manifest

if (pkg.customElements !== MANIFEST) fail(`package.json: "customElements" is ${JSON.stringify(pkg.customElements)}, expected "${MANIFEST}"`);
let manifest = { modules: [] };
if (!existsSync(join(root, MANIFEST))) fail(`${MANIFEST} is missing: run \`npm run manifest\``);
else manifest = JSON.parse(read(MANIFEST));
if (!existsSync(join(root, FRESH_MANIFEST))) {
  fail(`${FRESH_MANIFEST} is missing: run \`npm run build\` first (it writes a fresh manifest there)`);
} else if (existsSync(join(root, MANIFEST)) && read(FRESH_MANIFEST) !== read(MANIFEST)) {
  const fresh = JSON.parse(read(FRESH_MANIFEST));
  const changed = new Set();
  const byPath = (m) => new Map(m.modules.map((mod) => [mod.path, JSON.stringify(mod)]));
  const [a, b] = [byPath(manifest), byPath(fresh)];
  for (const path of new Set([...a.keys(), ...b.keys()])) if (a.get(path) !== b.get(path)) changed.add(path);
  fail(`${MANIFEST} is stale (differs from a fresh generation in ${[...changed].join(', ') || 'its header'}): run \`npm run manifest\` and commit it`);
}

/** Class declarations with a tag, by tag: from this build's manifest when there is one (the sources as they are now). */
const current = existsSync(join(root, FRESH_MANIFEST)) ? JSON.parse(read(FRESH_MANIFEST)) : manifest;
const elements = new Map();
for (const mod of current.modules) {
  for (const decl of mod.declarations ?? []) {
    if (decl.kind === 'class' && decl.tagName) elements.set(decl.tagName, { ...decl, path: mod.path });
  }
}

/** The JSDoc block right above `export class <name>`. */
function classDoc(path, name) {
  const text = read(path);
  const at = text.search(new RegExp(`export (?:abstract )?class ${name}\\b`));
  if (at < 0) return '';
  const start = text.lastIndexOf('/**', at);
  return start < 0 ? '' : text.slice(start, at);
}

// ---------------------------------------------------------------- tags

for (const [tag, files] of definedTags) {
  if (!tagMap.has(tag)) fail(`<${tag}> is defined (${files.join(', ')}) but has no HTMLElementTagNameMap entry`);
  if (!elements.has(tag)) fail(`<${tag}> is defined but not in ${MANIFEST} (is its class documented with @customElement ${tag}?)`);
}
for (const tag of elements.keys()) {
  if (!definedTags.has(tag)) fail(`${MANIFEST} has <${tag}> but no module in src/components defines it`);
}
for (const [tag, { file }] of tagMap) {
  if (tag.startsWith('fc-') && !definedTags.has(tag)) fail(`${file}: HTMLElementTagNameMap has '${tag}' but nothing defines it`);
}

// ---------------------------------------------------------------- widgets: JSDoc and events

const JSDOC = [
  ['events', '@fires', '@fires-none'],
  ['cssParts', '@csspart', '@csspart-none'],
  ['cssProperties', '@cssproperty', '@cssproperty-none'],
];
for (const widget of widgets) {
  const tag = `fc-${widget}`;
  const decl = elements.get(tag);
  if (!decl) {
    fail(`src/components/${widget}/: no <${tag}> in ${MANIFEST}`);
    continue;
  }
  const doc = classDoc(decl.path, decl.name);
  for (const [field, tagName, none] of JSDOC) {
    const listed = decl[field]?.length ?? 0;
    const saysNone = new RegExp(`${none}\\b`).test(doc);
    if (!listed && !saysNone) fail(`${decl.path}: ${decl.name} documents no ${tagName} (add them, or \`${none} - why\`)`);
    if (listed && saysNone) fail(`${decl.path}: ${decl.name} has both ${tagName} and ${none}`);
  }
  const fired = new Set((decl.events ?? []).map((event) => event.name));
  for (const event of decl.events ?? []) {
    if (!eventMap.has(event.name)) fail(`<${tag}> @fires ${event.name}, which no HTMLElementEventMap in src/components declares`);
    else if (!event.type?.text) fail(`<${tag}> ${event.name}: no type in ${MANIFEST}`);
    else if (event.type.text !== eventMap.get(event.name).type) fail(`<${tag}> ${event.name}: ${MANIFEST} says ${event.type.text}, HTMLElementEventMap says ${eventMap.get(event.name).type}`);
  }
  for (const file of filesOf(`src/components/${widget}`)) {
    const text = read(file);
    for (const [, arg] of text.matchAll(/\.emit\(\s*(FC_\w+|['"]fc-[\w-]+['"])/g)) {
      const name = eventConstants.get(arg) ?? arg.replace(/['"]/g, '');
      if (!name.startsWith('fc-')) fail(`${file}: emits ${name}, which no event module defines as an fc- event name`);
      else if (!fired.has(name)) fail(`${file}: emits ${name}, which ${decl.name} does not document with @fires`);
    }
    if (file.endsWith('.events.ts')) {
      for (const [event, entry] of eventMap) {
        if (entry.file === file && !fired.has(event)) fail(`${file}: declares ${event}, which ${decl.name} does not document with @fires`);
      }
    }
  }
}

// ---------------------------------------------------------------- exports and sideEffects

const exportsMap = pkg.exports ?? {};
/** Target of an export for a condition ('types' or 'default'), whether given as a string or conditions. */
const target = (entry, condition) => (typeof entry === 'string' ? (condition === 'default' ? entry : undefined) : entry?.[condition] ?? entry?.import);
const expected = { '.': 'data/index', './data': 'data/index' };
for (const widget of widgets) {
  expected[`./${widget}`] = `components/${widget}/fc-${widget}`;
  expected[`./${widget}/element`] = `components/${widget}/${widget}.element`;
}
for (const [key, stem] of Object.entries(expected)) {
  const entry = exportsMap[key];
  if (!entry) {
    fail(`package.json exports: no "${key}"`);
    continue;
  }
  if (target(entry, 'default') !== `./dist/${stem}.js`) fail(`package.json exports["${key}"]: JS should be ./dist/${stem}.js, is ${JSON.stringify(target(entry, 'default'))}`);
  if (target(entry, 'types') !== `./dist/${stem}.d.ts`) fail(`package.json exports["${key}"]: types should be ./dist/${stem}.d.ts, is ${JSON.stringify(target(entry, 'types'))}`);
  if (typeof entry === 'object' && Object.keys(entry)[0] !== 'types') fail(`package.json exports["${key}"]: "types" must be the first condition`);
  const source = `src/${stem}.ts`;
  if (!existsSync(join(root, source))) {
    fail(`package.json exports["${key}"]: no ${source}`);
    continue;
  }
  const defines = [...code(source).matchAll(DEFINE)].map((m) => m[1]);
  if (key.endsWith('/element') && defines.length) fail(`${source} (exports["${key}"]) defines ${defines.join(', ')}: the element module must define nothing`);
  if (/^\.\/[\w-]+$/.test(key) && key !== './data' && !defines.includes(`fc-${key.slice(2)}`)) fail(`${source} (exports["${key}"]) does not define <fc-${key.slice(2)}>`);
}
for (const key of Object.keys(exportsMap)) {
  const widget = key.match(/^\.\/([\w-]+)(?:\/element)?$/)?.[1];
  if (widget && !expected[key] && !['data', 'package.json'].includes(widget) && !existsSync(join(root, 'src/components', widget))) {
    fail(`package.json exports["${key}"]: there is no src/components/${widget}/`);
  }
}
if (pkg.types !== './dist/data/index.d.ts') fail(`package.json "types" should be ./dist/data/index.d.ts (the "." entry), is ${JSON.stringify(pkg.types)}`);

/** The defining modules: each widget's fc-*.ts and the dist file built from it. */
const definingSources = new Set();
for (const files of definedTags.values()) for (const file of files) definingSources.add(file);
for (const file of definingSources) {
  if (!/\/fc-[\w-]+\.ts$/.test(file)) fail(`${file} defines an element: only fc-*.ts modules may (they are the ones sideEffects lists)`);
}
const definingModules = new Set([...definingSources].flatMap((file) => [file, file.replace(/^src\//, 'dist/').replace(/\.ts$/, '.js')]));

function globRegExp(glob) {
  const body = glob
    .replace(/^\.\//, '')
    .split(/(\*\*\/|\*)/)
    .map((part) => (part === '**/' ? '(?:.*/)?' : part === '*' ? '[^/]*' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`);
}

// ---------------------------------------------------------------- npm pack

let packed = [];
try {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  packed = JSON.parse(out)[0].files.map((file) => file.path);
} catch (error) {
  fail(`npm pack --dry-run failed: ${error.stderr || error.message}`);
}
const inPack = new Set(packed);

const FORBIDDEN = [
  [/^(tests|test|demo|bench|dist-demo|node_modules|scripts|\.ci)\//, 'not part of the package'],
  [/(^|\/)[^/]*\.(test|spec)\.[cm]?[jt]sx?(\.map)?$/, 'a test'],
  [/(^|\/)[^/]*test[^/]*\.map$/, 'a source map of a test'],
  [/\.tmp\.[cm]?js$/, 'a scratch file'],
  [/^dist\/custom-elements\.json$/, 'the build\'s copy of the manifest (the package has the root one)'],
  [/^(tsconfig.*\.json|vite\..*|web-test-runner\..*|custom-elements-manifest\.config\.mjs)$/, 'build configuration'],
];
for (const file of packed) {
  for (const [pattern, why] of FORBIDDEN) if (pattern.test(file)) fail(`npm pack includes ${file}: ${why}`);
}
for (const file of packed.filter((f) => f.endsWith('.map'))) {
  const sources = JSON.parse(read(file)).sources ?? [];
  const tests = sources.filter((source) => /(^|\/)(tests|demo|bench)\/|\.test\.[jt]s$/.test(source));
  if (tests.length) fail(`npm pack: ${file} maps test or demo code (${tests.join(', ')})`);
}

if (packed.length) {
  if (!inPack.has(MANIFEST)) fail(`npm pack does not include ${MANIFEST}`);
  for (const mod of manifest.modules) if (!inPack.has(mod.path)) fail(`${MANIFEST} module ${mod.path} is not in the package`);
  for (const [key, entry] of Object.entries(exportsMap)) {
    for (const condition of typeof entry === 'string' ? ['default'] : Object.keys(entry)) {
      const file = (typeof entry === 'string' ? entry : entry[condition]).replace(/^\.\//, '');
      if (!inPack.has(file)) fail(`npm pack does not include ${file} (exports["${key}"].${condition})`);
    }
  }
  if (pkg.types && !inPack.has(pkg.types.replace(/^\.\//, ''))) fail(`npm pack does not include ${pkg.types} ("types")`);
  for (const widget of widgets) {
    const events = `dist/components/${widget}/${widget}.events.d.ts`;
    if (existsSync(join(root, `src/components/${widget}/${widget}.events.ts`)) && !inPack.has(events)) fail(`npm pack does not include ${events}`);
  }
  // Every relative import of a packed declaration file resolves to a packed declaration file.
  for (const file of packed.filter((f) => f.endsWith('.d.ts'))) {
    for (const [, spec] of read(file).matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const resolved = posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '');
      if (!inPack.has(`${resolved}.d.ts`) && !inPack.has(`${resolved}/index.d.ts`) && !inPack.has(resolved)) fail(`${file} imports ${spec}, which the package does not contain`);
    }
  }

  const patterns = pkg.sideEffects;
  if (!Array.isArray(patterns)) fail(`package.json "sideEffects" should list the defining modules, is ${JSON.stringify(patterns)}`);
  else {
    const matched = new Set();
    for (const pattern of patterns) {
      const re = globRegExp(pattern);
      const hits = packed.filter((file) => re.test(file));
      if (!hits.length) fail(`sideEffects "${pattern}" matches no packed file`);
      for (const file of hits) {
        matched.add(file);
        if (!definingModules.has(file)) fail(`sideEffects "${pattern}" matches ${file}, which defines nothing`);
      }
    }
    for (const file of definingModules) if (inPack.has(file) && !matched.has(file)) fail(`sideEffects does not list ${file}, which defines an element`);
  }
}

// ---------------------------------------------------------------- docs

/** The committed widget pages and theming page against a fresh rendering from the checked-in manifest. */
function checkDocs() {
  let pages;
  try {
    pages = renderDocs({ manifest });
  } catch (error) {
    fail(`scripts/docs.mjs cannot render the docs: ${error.message}`);
    return 0;
  }
  const committed = existsSync(join(root, WIDGET_DOCS_DIR))
    ? readdirSync(join(root, WIDGET_DOCS_DIR)).filter((file) => file.endsWith('.md')).map((file) => `${WIDGET_DOCS_DIR}/${file}`)
    : [];
  for (const path of committed) if (!pages.has(path)) fail(`${path} documents no element of ${MANIFEST}: run \`npm run docs\` (it removes it)`);
  for (const [path, text] of pages) {
    if (!existsSync(join(root, path))) fail(`${path} is missing: run \`npm run docs\` and commit it`);
    else if (read(path) !== text) fail(`${path} is stale (differs from what scripts/docs.mjs renders from ${MANIFEST}): run \`npm run docs\` and commit it`);
  }
  const readme = read('README.md');
  for (const path of pages.keys()) if (!readme.includes(`](${path})`)) fail(`README.md does not link ${path}`);
  return pages.size;
}
const docPages = checkDocs();

/** The page stylesheet of tokens against a fresh rendering from tokens.ts. */
try {
  if (read(TOKENS_CSS) !== (await renderTokensCss(root))) fail(`${TOKENS_CSS} is stale (differs from what scripts/tokens-css.mjs renders from src/styles/tokens.ts): run \`npm run docs\` (it runs scripts/tokens-css.mjs first) and commit it`);
} catch (error) {
  fail(`scripts/tokens-css.mjs cannot render ${TOKENS_CSS}: ${error.message}`);
}

// ---------------------------------------------------------------- report

if (failures.length) {
  console.error(`check:package: ${failures.length} problem(s)`);
  for (const message of failures) console.error(`  - ${message}`);
  process.exit(1);
}
const events = [...elements.values()].reduce((n, decl) => n + (decl.events?.length ?? 0), 0);
console.log(
  `check:package: ok. ${MANIFEST} up to date; ${elements.size} elements (${widgets.length} widget folders), ${definedTags.size} tags in HTMLElementTagNameMap, ` +
    `${events} documented events typed in HTMLElementEventMap; ${Object.keys(exportsMap).length} exports (widget and data entries with types); ` +
    `sideEffects = ${definingModules.size} defining modules; npm pack: ${packed.length} files, ${packed.filter((f) => f.endsWith('.d.ts')).length} .d.ts, no tests/demo/bench; ` +
    `${docPages} doc pages (${WIDGET_DOCS_DIR}/, ${THEMING_DOC}) up to date and linked from README.md; ${TOKENS_CSS} up to date.`,
);
