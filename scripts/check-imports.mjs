#!/usr/bin/env node
/**
 * The layer rules of ARCHITECTURE.md, checked over every import in `src/`: static `import` and
 * `import type`, `export … from`, and `import('…')`. Dependency-free: a small scanner drops
 * comments and the text of template literals, then the statements are matched. Prints one line
 * per broken rule (file:line, the rule, the specifier) and exits 1; exits 0 when all hold.
 *
 *   node scripts/check-imports.mjs              check src/
 *   node scripts/check-imports.mjs --self-test  check the checker against small bad and good sources
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// ───────────── scanning ─────────────

/**
 * The source with comments and template-literal text replaced by spaces (line breaks kept, so
 * offsets still give line numbers). Quoted strings stay: they hold the specifiers. A `/` after
 * an operator or at the start of an expression begins a regular expression, which is skipped.
 */
export function stripComments(source) {
  const out = source.split('');
  const blank = (from, to) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' ';
  };
  /** Inside a template literal's `${…}`: the brace depth at which each one opened. */
  const templates = [];
  let depth = 0;
  let last = ''; // the last significant character of code, to tell a regex from a division
  let i = 0;
  const n = source.length;
  const skipString = (quote) => {
    let j = i + 1;
    while (j < n && source[j] !== quote && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
    return j + 1;
  };
  /** From the character after a backtick (or after the `}` closing a `${`): to the closing backtick or the next `${`. */
  const scanTemplate = (from) => {
    let j = from;
    while (j < n) {
      if (source[j] === '\\') j += 2;
      else if (source[j] === '`') {
        blank(from, j);
        return { end: j + 1, opens: false };
      } else if (source[j] === '$' && source[j + 1] === '{') {
        blank(from, j);
        return { end: j + 2, opens: true };
      } else j++;
    }
    blank(from, n);
    return { end: n, opens: false };
  };
  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      blank(i, end === -1 ? n : end);
      i = end === -1 ? n : end;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      blank(i, end === -1 ? n : end + 2);
      i = end === -1 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      i = skipString(c);
      last = c;
    } else if (c === '`') {
      const t = scanTemplate(i + 1);
      if (t.opens) templates.push(depth);
      i = t.end;
      last = t.opens ? '{' : '`';
    } else if (c === '}' && templates.length && templates[templates.length - 1] === depth) {
      templates.pop();
      const t = scanTemplate(i + 1);
      if (t.opens) templates.push(depth);
      i = t.end;
      last = t.opens ? '{' : '`';
    } else if (c === '/' && (last === '' || '(,=:[!&|?{};+-*%<>~^'.includes(last) || /\b(return|typeof|case|do|else|in|of|void|yield|await)\s*$/.test(source.slice(Math.max(0, i - 8), i)))) {
      // A regular expression literal: skip it, classes included.
      let j = i + 1;
      let inClass = false;
      while (j < n && source[j] !== '\n') {
        if (source[j] === '\\') j++;
        else if (source[j] === '[') inClass = true;
        else if (source[j] === ']') inClass = false;
        else if (source[j] === '/' && !inClass) break;
        j++;
      }
      i = j + 1;
      last = '/x';
    } else {
      if (c === '{') depth++;
      else if (c === '}') depth--;
      if (!/\s/.test(c)) last = /[\w$]/.test(c) ? 'w' : c;
      i++;
    }
  }
  return out.join('');
}

const STATIC = /(?:^|[;}\n])\s*(import|export)\s+(type\s+)?((?:[\w$*{}\s,]|\bas\b)*?)\s*from\s*(['"])([^'"\n]+)\4/g;
const BARE = /(?:^|[;}\n])\s*import\s*(['"])([^'"\n]+)\1/g;
const DYNAMIC = /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g;

/**
 * Every import of a source file.
 * @returns `{ specifier, line, kind }`: kind `import`, `import-type`, `export`, `export-type`, `side-effect` or `dynamic`.
 */
export function importsOf(source) {
  const code = stripComments(source);
  const lineAt = (offset) => code.slice(0, offset).split('\n').length;
  const found = [];
  for (const m of code.matchAll(STATIC)) {
    const at = m.index + m[0].indexOf(m[1]);
    found.push({ specifier: m[5], line: lineAt(at), kind: `${m[1]}${m[2] ? '-type' : ''}` });
  }
  for (const m of code.matchAll(BARE)) found.push({ specifier: m[2], line: lineAt(m.index + m[0].indexOf('import')), kind: 'side-effect' });
  for (const m of code.matchAll(DYNAMIC)) found.push({ specifier: m[2], line: lineAt(m.index), kind: 'dynamic' });
  return found.sort((a, b) => a.line - b.line);
}

// ───────────── rules ─────────────

const isType = (kind) => kind === 'import-type' || kind === 'export-type';
/** `src/components/<widget>/…` → `<widget>`; shared is not a widget. */
const widgetOf = (path) => /^src\/components\/([^/]+)\//.exec(path)?.[1];
const isPackage = (specifier) => !specifier.startsWith('.') && !specifier.startsWith('/');
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
/** A logic module's domain: its file name up to the first `-` (`sms-import` and `sms-export` are both `sms`). */
const logicDomain = (path) => /^src\/data\/logic\/([^/.-]+)/.exec(path)?.[1];

/** Modules of `src/data` that logic may import besides other logic modules. */
const LOGIC_MAY_IMPORT = ['src/data/model.ts', 'src/data/errors.ts'];
/** Lit and its parts: rendering, never in src/data. */
const LIT = /^(lit|lit-html|lit-element|@lit|@lit-labs)(\/|$)/;
/** Packages that do storage, network mocking or boundary validation: not domain rules. */
const LOGIC_FORBIDDEN_PACKAGES = ['idb', 'msw', 'valibot'];

/**
 * The rules. Each takes one import (`from`: the importing file, `to`: the resolved repository
 * path of a relative specifier, or null for a package) and returns a message when it breaks the
 * rule. Paths are repository-relative with `/`, `.js` specifiers mapped to their `.ts` sources.
 */
export const RULES = [
  {
    name: 'data-no-ui',
    text: 'src/data imports no lit or @lit/*, nothing from src/components or src/styles (it runs in Node, without a DOM)',
    check: ({ from, to, specifier }) =>
      from.startsWith('src/data/') &&
      ((to === null && LIT.test(specifier)) ||
        to?.startsWith('src/components/') ||
        to?.startsWith('src/styles/')),
  },
  {
    name: 'logic-pure',
    text: 'src/data/logic imports only other logic modules, model.ts and errors.ts (types too): not the adapters, the cache, the contract or the schemas, and no lit, idb, msw or valibot',
    check: ({ from, to, specifier }) => {
      if (!from.startsWith('src/data/logic/')) return false;
      if (to === null) return LOGIC_FORBIDDEN_PACKAGES.includes(packageName(specifier)) || LIT.test(specifier);
      return !(to.startsWith('src/data/logic/') || LOGIC_MAY_IMPORT.includes(to));
    },
  },
  {
    name: 'cache-only-in-provider',
    text: 'src/components imports src/data/cache at run time only in src/components/data-provider (a widget reads the adapter it is given; `import type` is fine)',
    check: ({ from, to, kind }) =>
      from.startsWith('src/components/') && !from.startsWith('src/components/data-provider/') && !isType(kind) && !!to?.startsWith('src/data/cache/'),
  },
  {
    name: 'no-widget-to-widget',
    text: 'a widget folder imports only its own files, ../shared/, ../../data/ and ../../styles/, never another widget (a define module fc-<widget>.ts may import another widget\'s <x>.element.ts to define a tag it renders)',
    check: ({ from, to }) => {
      const own = widgetOf(from);
      const other = to && widgetOf(to);
      if (!own || own === 'shared' || !other || other === 'shared' || other === own) return false;
      const defines = /\/fc-[^/]+\.ts$/.test(from) && /\.element\.ts$/.test(to);
      return !defines;
    },
  },
  {
    name: 'logic-no-cross-domain-reexport',
    text: 'a src/data/logic module re-exports nothing from a logic module of another domain (import from the module that owns it; src/data/index.ts is the one public face)',
    check: ({ from, to, kind }) =>
      from.startsWith('src/data/logic/') && kind.startsWith('export') && !!to?.startsWith('src/data/logic/') && logicDomain(from) !== logicDomain(to),
  },
  {
    name: 'src-no-dev-code',
    text: 'nothing in src imports from demo/, tests/, bench/ or server/ (the reference server is not part of the package)',
    check: ({ from, to }) => from.startsWith('src/') && /^(demo|tests|bench|server)\//.test(to ?? ''),
  },
  {
    name: 'server-data-only',
    text: 'server/ and src/conformance import from src only src/data, and no lit or @lit/* (they run in Node, without a DOM), and not the cache (a server has no outbox)',
    check: ({ from, to, specifier }) =>
      (from.startsWith('server/') || from.startsWith('src/conformance/')) &&
      (LIT.test(specifier) ||
        (!!to?.startsWith('src/') && !to.startsWith('src/conformance/') && (!to.startsWith('src/data/') || to.startsWith('src/data/cache/')))),
  },
];

/** Grep-style rules over the text (comments dropped), for what is not an import. */
export const TEXT_RULES = [
  {
    name: 'no-outbox-args-cast',
    text: 'src/components casts no outbox entry\'s args (`.args as …`): outbox entries are typed per method, narrow on `entry.method`',
    applies: (path) => path.startsWith('src/components/'),
    pattern: /\.args\s+as\b/g,
  },
];

/** Repository path of a relative specifier from `from`, `.js` mapped to `.ts`; null for a package. */
export function resolveSpecifier(from, specifier) {
  if (isPackage(specifier)) return null;
  const path = join(dirname(from), specifier).split(sep).join('/');
  return path.replace(/\.js$/, '.ts').replace(/\.mjs$/, '.mts');
}

/**
 * Every broken rule in one file.
 * @param path Repository-relative path with `/`.
 * @param source Its text.
 * @returns `{ path, line, rule, text, specifier }` per problem.
 */
export function checkSource(path, source) {
  const problems = [];
  for (const { specifier, line, kind } of importsOf(source)) {
    const to = resolveSpecifier(path, specifier);
    for (const rule of RULES) {
      if (rule.check({ from: path, to, specifier, kind })) problems.push({ path, line, rule: rule.name, text: rule.text, specifier });
    }
  }
  const code = stripComments(source);
  for (const rule of TEXT_RULES) {
    if (!rule.applies(path)) continue;
    for (const m of code.matchAll(rule.pattern)) {
      problems.push({ path, line: code.slice(0, m.index).split('\n').length, rule: rule.name, text: rule.text, specifier: m[0] });
    }
  }
  return problems;
}

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield path;
  }
}

export function checkTree(root = ROOT) {
  const problems = [];
  for (const file of ['src', 'server'].flatMap((dir) => [...sourceFiles(join(root, dir))])) {
    const path = relative(root, file).split(sep).join('/');
    problems.push(...checkSource(path, readFileSync(file, 'utf8')));
  }
  return problems;
}

function report(problems) {
  for (const p of problems) console.error(`${p.path}:${p.line}: [${p.rule}] ${p.specifier}\n    ${p.text}`);
}

// ───────────── self-test ─────────────

/** Sources that must break exactly the named rules, and sources that must pass. */
const SELF_TEST = [
  ['src/data/cache/x.ts', "import { html } from 'lit';", ['data-no-ui']],
  ['src/data/x.ts', "import type { FcElement } from '../components/shared/fc-element.js';", ['data-no-ui']],
  ['src/data/logic/x.ts', "import type { Page } from '../adapter.js';", ['logic-pure']],
  ['src/data/logic/x.ts', "import {\n  withCache,\n} from '../cache/with-cache.js';", ['logic-pure']],
  ['src/data/logic/x.ts', "import * as v from 'valibot';", ['logic-pure']],
  ['src/data/logic/x.ts', "const m = await import('../contract.js');", ['logic-pure']],
  ['src/data/logic/sms.ts', "export { previousPeriod } from './traffic.js';", ['logic-no-cross-domain-reexport']],
  ['src/data/logic/sms.ts', "export * from './calendar.js';", ['logic-no-cross-domain-reexport']],
  ['src/components/customer-list/customer-list.element.ts', "import { preferenceStore } from '../../data/cache/preferences.js';", ['cache-only-in-provider']],
  ['src/components/customer-list/customer-list.element.ts', "import { FcSourceReport } from '../source-report/source-report.element.js';", ['no-widget-to-widget']],
  ['src/components/customer-list/customer-list.element.ts', 'const k = (entry.args as { customerId: string }).customerId;', ['no-outbox-args-cast']],
  ['src/components/shared/x.ts', "import { rig } from '../../../tests/components/rig.js';", ['src-no-dev-code']],
  ['src/data/x.ts', "import '../../demo/main.js';", ['src-no-dev-code']],
  ['src/data/x.ts', "import { startServer } from '../../server/server.js';", ['src-no-dev-code']],
  ['server/routes/x.ts', "import { FcElement } from '../../src/components/shared/fc-element.js';", ['server-data-only']],
  ['server/x.ts', "import { withCache } from '../src/data/cache/with-cache.js';", ['server-data-only']],
  ['src/conformance/x.ts', "import { html } from 'lit';", ['server-data-only']],
  ['server/routes/x.ts', "import { paginate } from '../../src/data/logic/paging.js';\nimport { Hono } from 'hono';\nimport sql from '../sql/x.sql';", []],
  // Allowed.
  ['src/data/logic/x.ts', "import { DateTime } from 'luxon';\nimport type { Page } from '../model.js';\nimport { AdapterError } from '../errors.js';\nimport { paginate } from './paging.js';", []],
  ['src/data/logic/sms-import.ts', "export { formatSmsCsv } from './sms-export.js';", []],
  ['src/components/customer-list/customer-list.element.ts', "import type { CachedAdapter } from '../../data/cache/with-cache.js';\nimport { tokens } from '../../styles/tokens.js';\nimport { FcElement } from '../shared/fc-element.js';", []],
  ['src/components/data-provider/data-provider.element.ts', "import { withCache } from '../../data/cache/with-cache.js';", []],
  ['src/components/sms-history/fc-sms-history.ts', "import { FcSmsSummary } from '../sms-summary/sms-summary.element.js';", []],
  ['src/data/cache/x.ts', "// import { html } from 'lit';\n/* import '../components/x.js' */\nconst s = `import { html } from 'lit'`;\nconst r = /['\"]/;", []],
  ['src/components/x/x.element.ts', "const text = html`<p>the entry.args as typed</p>`;", []],
];

function selfTest() {
  let failed = 0;
  for (const [path, source, expected] of SELF_TEST) {
    const got = [...new Set(checkSource(path, source).map((p) => p.rule))].sort();
    if (JSON.stringify(got) !== JSON.stringify([...expected].sort())) {
      failed++;
      console.error(`self-test: ${path}: expected [${expected.join(', ')}], got [${got.join(', ')}] for:\n${source}\n`);
    }
  }
  const lines = checkSource('src/data/logic/x.ts', "\n\nimport type {\n  Page,\n} from '../adapter.js';");
  if (lines.length !== 1 || lines[0].line !== 3) {
    failed++;
    console.error(`self-test: expected one problem on line 3, got ${JSON.stringify(lines)}`);
  }
  if (failed) {
    console.error(`check-imports self-test: ${failed} of ${SELF_TEST.length + 1} cases failed.`);
    process.exitCode = 1;
  } else console.log(`check-imports self-test: ${SELF_TEST.length + 1} cases pass.`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--self-test')) selfTest();
  else {
    const problems = checkTree();
    if (problems.length) {
      report(problems);
      console.error(`\ncheck-imports: ${problems.length} import rule${problems.length === 1 ? ' is' : 's are'} broken (see ARCHITECTURE.md).`);
      process.exitCode = 1;
    } else console.log('check-imports: every import in src/ and server/ follows the layer rules (ARCHITECTURE.md).');
  }
}
