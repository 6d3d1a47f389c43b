/**
 * Names with bidirectional controls: every free-text field of the dataset (names of customers,
 * employees, salespeople, sources and categories, SMS bodies, vehicles, phone numbers ...) starts
 * with U+202E RIGHT-TO-LEFT OVERRIDE, which reverses all the text that follows it up to the end of
 * its paragraph or isolate. Every widget is rendered over that data and opened up; each piece of
 * data it shows must sit in its own isolate (a `<bdi>`, or `unicode-bidi: isolate`, `isolate-override`
 * or `plaintext`) or alone at the end of its own block (a cell, a button, a list item: bidi
 * controls end with the block's paragraph), so no text after it, the next field or the
 * widget's own words, falls inside the override.
 */
import { expect, fixture, html as testHtml } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { Payload } from './corpus.js';
import { injectCorpus } from './inject.js';
import { WIDGETS, expandAll, mountWidget, settled, widgetTags } from './widgets.js';
import type { FcTag, WidgetInput } from './widgets.js';

const RLO = '\u202E';
/** One payload: an override, then a word that names the instance. */
const OVERRIDES: readonly Payload[] = [(n) => `${RLO}name${n}`];
// Texts dense enough that this month's filtered texts flag the blocked number: the SMS summary then shows a number from the data.
const injected = injectCorpus(generateDataset({ size: 'small', smsCount: 4_000 }), { corpus: OVERRIDES, keep: ['zone', 'errorCode'] });

function input(): WidgetInput {
  const { dataset } = injected;
  const want = dataset.wants.find((w) => w.customerStatus === 'need-car-locate') ?? dataset.wants[0]!;
  return {
    adapter: createMemoryAdapter(dataset),
    today: dataset.today,
    leadId: dataset.leads[0]!.id,
    vehicle: { vin: null, year: want.yearFrom, make: want.make, model: want.model, trim: want.trim, color: want.color, mileage: null },
    sms: dataset.sms.slice(0, 40),
    fileName: `${RLO}name0.csv`,
  };
}

const ISOLATING = new Set(['isolate', 'isolate-override', 'plaintext']);

/** The element whose end also ends an override inside it: an isolate, or a box with its own paragraph (not inline). */
function boundaryOf(node: Node): Element {
  let at: Node | null = node.parentNode;
  for (;;) {
    if (at instanceof ShadowRoot) at = at.host;
    if (!(at instanceof Element)) throw new Error('text outside any element');
    if (at instanceof SVGTitleElement) return at;
    const style = getComputedStyle(at);
    if (at.localName === 'bdi' || ISOLATING.has(style.unicodeBidi) || (style.display !== 'inline' && style.display !== 'contents')) return at;
    at = at.parentNode;
  }
}

/** Whether `el` starts a paragraph of its own: a block-level box (not inline, not an atomic inline). */
const isBlock = (style: CSSStyleDeclaration) => style.display !== 'inline' && style.display !== 'contents' && !style.display.startsWith('inline-');

/**
 * The paragraphs of `boundary`'s own text: its text in document order (through shadow roots),
 * where an isolate or an atomic inline inside it counts as one object character (U+FFFC) and a
 * block inside it ends a paragraph.
 */
function paragraphsOf(boundary: Element): string[] {
  // A hover text: each of its lines a paragraph of its own.
  if (boundary instanceof SVGTitleElement) return (boundary.textContent ?? '').split('\n');
  const paragraphs = [''];
  const walk = (n: Node): void => {
    for (const child of n instanceof Element && n.shadowRoot ? n.shadowRoot.childNodes : n.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) paragraphs[paragraphs.length - 1] += child.textContent;
      if (!(child instanceof Element) || child instanceof HTMLStyleElement || child instanceof HTMLTemplateElement) continue;
      const style = getComputedStyle(child);
      // Not on screen: hidden, or visually hidden for screen readers (which read in logical order).
      if (style.display === 'none' || child.classList.contains('fc-visually-hidden')) continue;
      if (child instanceof SVGTitleElement) continue;
      if (isBlock(style)) paragraphs.push('');
      else if (child.localName === 'bdi' || ISOLATING.has(style.unicodeBidi) || style.display !== 'inline') {
        if (child.textContent?.trim() || child.shadowRoot) paragraphs[paragraphs.length - 1] += '\uFFFC';
      } else walk(child);
    }
  };
  walk(boundary);
  return paragraphs;
}

/** Every text node under `root`, through shadow roots. */
function* textNodes(root: Node): Generator<Text> {
  if (root instanceof Text) yield root;
  if (root instanceof HTMLStyleElement || root instanceof HTMLTemplateElement) return;
  if (root instanceof Element && root.shadowRoot) yield* textNodes(root.shadowRoot);
  for (const child of root.childNodes) yield* textNodes(child);
}

/** Where `el` is, through shadow roots: `fc-source-report > table > tbody > tr > th`. */
function pathOf(el: Element): string {
  const parts: string[] = [];
  for (let at: Node | null = el; at instanceof Element; ) {
    parts.unshift(at.localName + (at.getAttribute('part') ? `[part=${at.getAttribute('part')}]` : at.className && typeof at.className === 'string' ? `.${at.className.trim().split(/\s+/)[0]}` : ''));
    const parent: Node | null = at.parentNode;
    at = parent instanceof ShadowRoot ? parent.host : parent;
  }
  return parts.slice(-5).join(' > ');
}

/**
 * Each place under `root` where an override reaches text that is not its own value: the text from
 * each U+202E to the next one, or to the end of its isolate or block, must be one `name<n>`.
 * @returns The offenders (where, and what the override covers), and how many overrides were looked at.
 */
function leaks(root: Element): { leaks: string[]; seen: number } {
  const boundaries = new Set<Element>();
  for (const text of textNodes(root)) {
    if (!text.data.includes(RLO)) continue;
    const boundary = boundaryOf(text);
    if (!boundary.closest('.fc-visually-hidden')) boundaries.add(boundary);
  }
  const found: string[] = [];
  let seen = 0;
  for (const boundary of boundaries) {
    for (const paragraph of paragraphsOf(boundary)) {
      const segments = paragraph.split(RLO).slice(1);
      seen += segments.length;
      segments.forEach((segment, i) => {
        const last = i === segments.length - 1;
        // U+2069 POP DIRECTIONAL ISOLATE right after the value closes the override with the isolate it is in.
        // A value followed by one space and another override is a name the server joined ("first last"): one value.
        // The file name is one value: `name0.csv`.
        if (!/^name\d+(?:\.csv)?\u2069/.test(segment) && !(last ? /^name\d+(?:\.csv)?\s*$/ : /^name\d+ ?$/).test(segment)) found.push(`${pathOf(boundary)}: ${JSON.stringify(segment.slice(0, 60))}`);
      });
    }
  }
  return { leaks: [...new Set(found)], seen };
}

/** Renders `name` with other text after it in one paragraph, isolated or not. */
class BidiProbe extends LitElement {
  static override properties = { name: { attribute: false }, isolated: { type: Boolean } };
  declare name: string;
  declare isolated: boolean;

  protected override render() {
    return this.isolated ? html`<p><bdi>${this.name}</bdi> — 3 vehicles</p>` : html`<p>${this.name} — 3 vehicles</p><span>${this.name}</span><b>next</b>`;
  }
}
customElements.define('bidi-probe', BidiProbe);

describe('names that carry a right-to-left override, across every widget', function () {
  this.timeout(120_000);

  it('the check finds an override that runs into the text after it, and passes an isolated one', async () => {
    const leaking = await fixture<BidiProbe>(testHtml`<bidi-probe .name=${`${RLO}name1`}></bidi-probe>`);
    expect(leaks(leaking).leaks).to.have.length(2);
    const isolated = await fixture<BidiProbe>(testHtml`<bidi-probe isolated .name=${`${RLO}name1`}></bidi-probe>`);
    expect(leaks(isolated)).to.deep.equal({ leaks: [], seen: 1 });
  });

  for (const tag of widgetTags()) {
    it(`<${tag}> isolates every name it shows`, async () => {
      const given = input();
      const el = await mountWidget(tag, given);
      const found = new Set<string>();
      let seen = 0;
      const look = () => {
        const result = leaks(el);
        result.leaks.forEach((l) => found.add(l));
        seen += result.seen;
      };
      look();
      await WIDGETS[tag as FcTag]!.explore?.(el, given, look);
      await expandAll(el);
      await settled(el);
      look();
      expect([...found], 'data whose override reaches text after it').to.deep.equal([]);
      if (WIDGETS[tag]!.showsData) expect(seen, 'names shown').to.be.greaterThan(0);
    });
  }
});
