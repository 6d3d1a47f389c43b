/**
 * Every custom property a widget reads is one it defines or one that is public API (after
 * Material's `createTokenTests`): a private `--_x` used in a widget's styles or read by its script
 * is defined by a rule of that widget (or set by its script; the design tokens' resolved `--_fc-*`
 * values are defined by the `tokens` styles every widget adopts), and every `--fc-*` it reads is a
 * token of `tokens.ts` or one of its own `@cssproperty` knobs in `custom-elements.json`.
 */
import { expect } from '@open-wc/testing';
import type { CSSResultGroup } from 'lit';
import { FcCustomerList } from '../../src/components/customer-list/customer-list.element.js';
import { FcDataProvider } from '../../src/components/data-provider/data-provider.element.js';
import { FcDeletedCustomers } from '../../src/components/deleted-customers/deleted-customers.element.js';
import { FcLeadClock } from '../../src/components/lead-clock/lead-clock.element.js';
import { FcLeadQueue } from '../../src/components/lead-queue/lead-queue.element.js';
import { FcLeadResponseReport } from '../../src/components/lead-response-report/lead-response-report.element.js';
import { FcMappingWarning } from '../../src/components/mapping-warning/mapping-warning.element.js';
import { FcNeededVehicles } from '../../src/components/needed-vehicles/needed-vehicles.element.js';
import { FcSmsHistory } from '../../src/components/sms-history/sms-history.element.js';
import { FcSmsImport } from '../../src/components/sms-import/sms-import.element.js';
import { FcSmsSummary } from '../../src/components/sms-summary/sms-summary.element.js';
import { FcSourceMappingEditor } from '../../src/components/source-mapping-editor/source-mapping-editor.element.js';
import { FcSourceReport } from '../../src/components/source-report/source-report.element.js';
import { FcStoreTraffic } from '../../src/components/store-traffic/store-traffic.element.js';
import { FcTradeInAlert } from '../../src/components/trade-in-alert/trade-in-alert.element.js';
import { TOKENS, tokens } from '../../src/styles/tokens.js';

interface ElementClass {
  name: string;
  styles?: CSSResultGroup;
}

/** Every element class by tag; the first test fails when the manifest has one that is not here. */
const ELEMENTS: Record<string, ElementClass> = {
  'fc-customer-list': FcCustomerList,
  'fc-data-provider': FcDataProvider,
  'fc-deleted-customers': FcDeletedCustomers,
  'fc-lead-clock': FcLeadClock,
  'fc-lead-queue': FcLeadQueue,
  'fc-lead-response-report': FcLeadResponseReport,
  'fc-mapping-warning': FcMappingWarning,
  'fc-needed-vehicles': FcNeededVehicles,
  'fc-sms-history': FcSmsHistory,
  'fc-sms-import': FcSmsImport,
  'fc-sms-summary': FcSmsSummary,
  'fc-source-mapping-editor': FcSourceMappingEditor,
  'fc-source-report': FcSourceReport,
  'fc-store-traffic': FcStoreTraffic,
  'fc-trade-in-alert': FcTradeInAlert,
};

interface ManifestElement {
  name: string;
  tagName: string;
  path: string;
  cssProperties?: { name: string; default?: string }[];
}

async function manifestElements(): Promise<ManifestElement[]> {
  const manifest = (await (await fetch('/custom-elements.json')).json()) as {
    modules: { path: string; declarations?: { kind: string; name: string; tagName?: string; cssProperties?: ManifestElement['cssProperties'] }[] }[];
  };
  return manifest.modules.flatMap((mod) =>
    (mod.declarations ?? [])
      .filter((decl) => decl.kind === 'class' && decl.tagName)
      .map((decl) => ({ name: decl.name, tagName: decl.tagName!, path: mod.path, cssProperties: decl.cssProperties })),
  );
}

/** The text of every stylesheet in `static styles`, nested arrays flattened, comments removed. */
function cssTextOf(styles: CSSResultGroup | undefined): string {
  if (!styles) return '';
  if (Array.isArray(styles)) return styles.map((s) => cssTextOf(s as CSSResultGroup)).join('\n');
  const text = styles instanceof CSSStyleSheet ? [...styles.cssRules].map((rule) => rule.cssText).join('\n') : styles.cssText;
  return text.replace(/\/\*[\s\S]*?\*\//g, '');
}

const namesIn = (text: string, pattern: RegExp) => new Set([...text.matchAll(pattern)].map((m) => m[1]!));
const VAR_USE = /var\(\s*(--[\w-]+)/g;
const PRIVATE_DEFINITION = /(--_[\w-]+)\s*:/g;
/** `el.style.setProperty('--_x', …)` and `styleMap({ '--_x': … })`: private values the script sets. */
const SCRIPT_DEFINITION = /(?:setProperty\(\s*['"](--_[\w-]+)['"])|(?:['"](--_[\w-]+)['"]\s*:)/g;
/** Any other `'--x'` literal in the script is a read (`getPropertyValue('--_bar')`). */
const SCRIPT_LITERAL = /['"](--[\w-]+)['"]/g;

const fetchText = async (path: string) => (await fetch(`/${path}`)).text();

/**
 * The widget's script: its element module and the modules of its own folder that it imports
 * (view, controllers…), where `setProperty`, `styleMap` and `getPropertyValue` calls live. Its
 * styles modules are left out: their CSS is read from `static styles`.
 */
async function scriptOf(element: ManifestElement): Promise<string> {
  const folder = element.path.slice(0, element.path.lastIndexOf('/') + 1);
  const main = await fetchText(element.path);
  const local = [...main.matchAll(/from\s*['"]\.\/([\w.-]+)\.(?:js|ts)['"]/g)].map((m) => `${folder}${m[1]}.ts`).filter((path) => !path.endsWith('.styles.ts'));
  const imported = await Promise.all([...new Set(local)].map(fetchText));
  return [main, ...imported].join('\n');
}

interface Usage {
  css: string;
  /** `--_x` defined by a rule of the widget or set by its script. */
  definedPrivate: Set<string>;
  /** Custom properties read: `var(--x` in its styles, `'--x'` literals its script reads. */
  read: Map<string, 'styles' | 'script'>;
}

async function usageOf(element: ManifestElement): Promise<Usage> {
  const css = cssTextOf(ELEMENTS[element.tagName]!.styles);
  const script = await scriptOf(element);
  const setByScript = new Set([...script.matchAll(SCRIPT_DEFINITION)].map((m) => (m[1] ?? m[2])!));
  const read = new Map<string, 'styles' | 'script'>();
  for (const [, name] of script.matchAll(SCRIPT_LITERAL)) if (!setByScript.has(name!)) read.set(name!, 'script');
  for (const name of namesIn(css, VAR_USE)) read.set(name, 'styles');
  return { css, definedPrivate: new Set([...namesIn(css, PRIVATE_DEFINITION), ...setByScript]), read };
}

/** Each `var(<name>, fallback)` fallback in the text, whitespace normalised. */
function fallbacksOf(css: string, name: string): string[] {
  const found: string[] = [];
  for (const match of css.matchAll(new RegExp(`var\\(\\s*${name}\\s*,`, 'g'))) {
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    while (end < css.length && depth > 0) {
      if (css[end] === '(') depth++;
      else if (css[end] === ')') depth--;
      end++;
    }
    found.push(css.slice(start, end - 1).replace(/\s+/g, ' ').trim());
  }
  return found;
}

const tokenNames = new Set<string>(Object.keys(TOKENS));

describe('custom properties each widget reads', () => {
  let elements: ManifestElement[];
  const usages = new Map<string, Usage>();
  before(async () => {
    elements = await manifestElements();
    for (const element of elements) if (ELEMENTS[element.tagName]) usages.set(element.tagName, await usageOf(element));
  });

  it('covers every element of custom-elements.json, and reads real styles', () => {
    expect(elements.map((e) => e.tagName).sort()).to.deep.equal(Object.keys(ELEMENTS).sort());
    for (const element of elements) expect(ELEMENTS[element.tagName]!.name, element.tagName).to.equal(element.name);
    expect(tokenNames.size).to.be.greaterThan(30);
    const privateReads = [...usages.values()].flatMap((u) => [...u.read.keys()].filter((name) => name.startsWith('--_')));
    expect(privateReads.length, 'private variables read across the widgets').to.be.greaterThan(40);
  });

  for (const tag of Object.keys(ELEMENTS)) {
    it(`<${tag}> defines every --_ variable it reads`, () => {
      const usage = usages.get(tag)!;
      const undefinedVars = [...usage.read]
        .filter(([name]) => name.startsWith('--_') && !usage.definedPrivate.has(name))
        .map(([name, where]) => `<${tag}> reads ${name} (in its ${where}), which none of its rules defines and its script does not set`);
      expect(undefinedVars).to.deep.equal([]);
    });

    it(`<${tag}> reads only tokens of tokens.ts and its own documented knobs`, () => {
      const usage = usages.get(tag)!;
      const knobs = new Set((elements.find((e) => e.tagName === tag)!.cssProperties ?? []).map((p) => p.name));
      const unknown = [...usage.read]
        .filter(([name]) => name.startsWith('--fc-') && !tokenNames.has(name) && !knobs.has(name))
        .map(([name, where]) => `<${tag}> reads ${name} (in its ${where}), which is neither a token in tokens.ts nor one of its @cssproperty knobs in custom-elements.json (npm run manifest)`);
      expect(unknown).to.deep.equal([]);
    });

    it(`<${tag}> reads each design token through its resolved --_fc-* value (never declares or reads a --fc-* token itself)`, () => {
      const styles = ELEMENTS[tag]!.styles;
      const own = cssTextOf((Array.isArray(styles) ? styles : [styles]).filter((s) => s !== tokens) as CSSResultGroup);
      const direct = [...namesIn(own, VAR_USE)].filter((name) => tokenNames.has(name));
      const declared = [...namesIn(own, /(--fc-[\w-]+)\s*:/g)].filter((name) => tokenNames.has(name));
      expect({ direct, declared }, 'use var(--_fc-…) (src/styles/tokens.ts resolves every token on :host)').to.deep.equal({ direct: [], declared: [] });
    });

    it(`<${tag}> reads every knob it documents, with the documented default`, () => {
      const usage = usages.get(tag)!;
      const problems: string[] = [];
      for (const knob of elements.find((e) => e.tagName === tag)!.cssProperties ?? []) {
        if (!usage.read.has(knob.name)) problems.push(`<${tag}> documents @cssproperty ${knob.name} but never reads it`);
        if (knob.default === undefined) continue;
        const fallbacks = fallbacksOf(usage.css, knob.name);
        if (!fallbacks.includes(knob.default)) problems.push(`<${tag}> documents ${knob.name} = ${knob.default}, but its styles fall back to ${fallbacks.join(' / ') || 'nothing'}`);
      }
      expect(problems).to.deep.equal([]);
    });
  }
});
