/**
 * Visual regression: every widget in light and dark, English and Spanish, at a desktop and a
 * phone width, photographed in Chromium and compared with the committed baselines in
 * tests/visual/screenshots/baseline/<tag>/<width>-<theme>-<locale>.png (tolerance in
 * web-test-runner.config.mjs), then checked with axe in that same state. The page is pinned:
 * the dealer's zone, reduced motion, a light system scheme, fixed dates (cases.ts), a fixed lead
 * clock and fonts the project ships (FONTS), so the PNGs are the same on any machine with Chromium. After an intended change of look, run `npm run test:visual:update` and review the
 * new PNGs before committing them; a new widget needs a case in cases.ts and its baselines.
 */
import { aTimeout, expect, fixture, html, nextFrame, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { setLeadClockTime } from '../../src/components/lead-clock/fc-lead-clock.js';
import { Chart } from '../../src/components/shared/charts/chart-engine.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { NOT_DRAWN, NOW, VISUAL_CASES, ZONE, dataset } from './cases.js';
import type { VisualCase, VisualTag } from './cases.js';

/** The widths photographed; a tall widget is cut at `height` so the PNGs stay small. */
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark'] as const;
const LOCALES = ['en', 'es'] as const;

const TAGS = Object.keys(VISUAL_CASES).sort() as VisualTag[];

/**
 * The fonts every screenshot is drawn in, from the Fontsource dev dependencies: the widgets' two
 * font tokens name them, so no text falls to the host's system-ui or monospace font. Each
 * stylesheet declares every subset of one weight (a subset's file loads when its characters show).
 */
const FONTS = {
  sans: { family: 'Roboto', styles: ['400', '400-italic', '600', '700'] },
  mono: { family: 'Roboto Mono', styles: ['400', '600', '700'] },
} as const;

/** The font shorthand of one stylesheet's faces, for `document.fonts.load` (e.g. `italic 400 16px "Roboto"`). */
const faceOf = (family: string, style: string): string => `${style.endsWith('-italic') ? 'italic ' : ''}${style.replace('-italic', '')} 16px "${family}"`;

/** Every face the screenshots use. */
const FACES = Object.values(FONTS).flatMap(({ family, styles }) => styles.map((style) => faceOf(family, style)));

/** Links the font stylesheets and sets the font tokens on every element of the page (a host's setting wins over the widget's own default). */
async function useShippedFonts(): Promise<void> {
  const links = Object.values(FONTS).flatMap(({ family, styles }) =>
    styles.map((style) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `/node_modules/@fontsource/${family.toLowerCase().replace(' ', '-')}/${style}.css`;
      return link;
    }),
  );
  const loaded = links.map((link) => new Promise((resolve, reject) => ((link.onload = resolve), (link.onerror = () => reject(new Error(`${link.href} did not load`))))));
  const tokens = document.createElement('style');
  tokens.textContent = `:root, :root * { --fc-font-family: "${FONTS.sans.family}"; --fc-font-family-mono: "${FONTS.mono.family}"; }`;
  document.head.append(...links, tokens);
  await Promise.all(loaded);
}

/**
 * Sets the font tokens on the `fc-*` elements inside `el`'s shadow trees too (the page's rule
 * does not reach into a shadow root, and a nested widget declares its own defaults).
 */
function pinNestedFonts(el: Element): void {
  const walk = (root: ShadowRoot): void => {
    for (const child of root.querySelectorAll('*')) {
      if (child.localName.startsWith('fc-') && child instanceof HTMLElement) {
        child.style.setProperty('--fc-font-family', `"${FONTS.sans.family}"`);
        child.style.setProperty('--fc-font-family-mono', `"${FONTS.mono.family}"`);
      }
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (el.shadowRoot) walk(el.shadowRoot);
}

/** Loads every face that draws a character of `text`, then waits for any other font still loading. */
async function fontsFor(text: string): Promise<void> {
  await Promise.all(FACES.map((face) => document.fonts.load(face, text)));
  await document.fonts.ready;
}

/** A tag's case, typed for code that handles every tag alike. */
const caseOf = (tag: VisualTag) => VISUAL_CASES[tag] as unknown as VisualCase<VisualTag>;

/** The text a user reads in an element and the shadow roots inside it. */
function readText(node: Node): string {
  let out = '';
  const walk = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) out += n.textContent;
    if (n instanceof HTMLTemplateElement || n instanceof HTMLStyleElement || n instanceof HTMLScriptElement) return;
    if (n instanceof Element && n.shadowRoot) walk(n.shadowRoot);
    for (const child of n.childNodes) walk(child);
  };
  walk(node);
  return out.replace(/\s+/g, ' ').trim();
}

/** The canvases in `el`'s shadow trees. */
function canvasesIn(el: Element): HTMLCanvasElement[] {
  const found: HTMLCanvasElement[] = [];
  const walk = (root: ShadowRoot): void => {
    for (const child of root.querySelectorAll('*')) {
      if (child instanceof HTMLCanvasElement) found.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
    }
  };
  if (el.shadowRoot) walk(el.shadowRoot);
  return found;
}

/** Waits until Chart.js has drawn every canvas in `el` (a chart is drawn after its table has painted), then redraws each in the fonts now loaded. */
async function chartsDrawn(el: Element): Promise<void> {
  await waitUntil(() => canvasesIn(el).every((canvas) => !!Chart.getChart(canvas)?.chartArea), 'a chart was not drawn', { timeout: 10_000 });
  for (const canvas of canvasesIn(el)) Chart.getChart(canvas)?.update('none');
}

/** Waits until the element's text has stopped changing (data loaded and drawn), then for its fonts, charts and paint. */
async function settled(el: Element): Promise<string> {
  let last = '';
  let same = 0;
  for (let i = 0; i < 200 && same < 3; i++) {
    await aTimeout(50);
    pinNestedFonts(el);
    const now = readText(el);
    same = now === last && now !== '' ? same + 1 : 0;
    last = now;
  }
  await fontsFor(last);
  await chartsDrawn(el);
  await nextFrame();
  await nextFrame();
  return last;
}

/**
 * The `fc-*` tags the package ships: its `src/components/<widget>/fc-<widget>.ts` entries of
 * package.json's `sideEffects` (check:package keeps them exact) and the tags of custom-elements.json.
 */
async function shippedTags(): Promise<string[]> {
  const pkg = (await (await fetch('/package.json')).json()) as { sideEffects: string[] };
  const manifest = (await (await fetch('/custom-elements.json')).json()) as { modules: { declarations?: { tagName?: string }[] }[] };
  const fromEntries = pkg.sideEffects.flatMap((path) => /^\.\/src\/components\/[\w-]+\/(fc-[\w-]+)\.ts$/.exec(path)?.[1] ?? []);
  const fromManifest = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => d.tagName ?? []);
  return [...new Set([...fromEntries, ...fromManifest])].sort();
}

/**
 * Puts `tag` on the page, set up by its case, inside a frame as wide as the page, cut at
 * `maxHeight` and painted with the widget's own surface colour (widgets are transparent; a
 * host page gives them its background).
 */
async function mount(tag: VisualTag, theme: string, locale: string, maxHeight: number): Promise<{ el: HTMLElementTagNameMap[VisualTag]; frame: HTMLDivElement }> {
  const el = document.createElement(tag);
  el.setAttribute('theme', theme);
  el.setAttribute('locale', locale);
  caseOf(tag).setup(el, createMemoryAdapter(dataset, { now: () => new Date(NOW) }));
  const frame = await fixture<HTMLDivElement>(html`<div>${el}</div>`);
  frame.style.maxBlockSize = `${maxHeight}px`;
  frame.style.overflow = 'hidden';
  // The surface the widget resolved for its theme (a widget reads each token through a private `--_fc-*` value).
  frame.style.background = getComputedStyle(el).getPropertyValue('--_fc-color-surface');
  return { el, frame };
}

describe('widget screenshots', function () {
  // Fonts load on the first shots and each widget waits for its data: on a busy machine that takes more than mocha's default.
  this.timeout(60_000);

  before(async () => {
    // Features only: a media type here would make Chromium drop the features (Emulation.setEmulatedMedia).
    await emulateMedia({ reducedMotion: 'reduce', colorScheme: 'light' });
    await executeServerCommand('emulate-timezone', { timezoneId: ZONE });
    setLeadClockTime(() => NOW);
    await useShippedFonts();
    // Loaded before any widget draws: a canvas measures its labels once, in the face loaded at that moment.
    await Promise.all(FACES.map((face) => document.fonts.load(face, 'Aa0')));
  });

  after(() => setLeadClockTime(null));

  it('has a case for every widget the package defines', async () => {
    const drawn = (await shippedTags()).filter((tag) => !NOT_DRAWN.includes(tag));
    expect(drawn.length, 'widgets the package ships').to.be.greaterThan(0);
    expect(TAGS.join(' '), 'widgets with screenshot cases').to.equal(drawn.join(' '));
    expect(TAGS.filter((tag) => !customElements.get(tag)).join(' '), 'cases whose tag is not defined').to.equal('');
  });

  it('runs the page in the dealer zone, without motion, on a light system', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).to.equal(ZONE);
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches, 'reduced motion').to.equal(true);
    expect(matchMedia('(prefers-color-scheme: dark)').matches, 'dark system scheme').to.equal(false);
  });

  it('draws text in the fonts the project ships, not the machine\'s', async () => {
    for (const face of FACES) {
      const faces = await document.fonts.load(face, 'Aa0');
      expect(faces.map((f) => `${f.family} ${f.style} ${f.weight} ${f.status}`).join(', '), face).to.match(/^"?Roboto( Mono)?"? \w+ \d+ loaded$/);
    }
    const probe = await fixture<HTMLElement>(html`<fc-sms-import></fc-sms-import>`);
    const style = getComputedStyle(probe);
    expect(style.getPropertyValue('--fc-font-family').trim(), 'widget text font').to.equal(`"${FONTS.sans.family}"`);
    expect(style.getPropertyValue('--fc-font-family-mono').trim(), 'widget code font').to.equal(`"${FONTS.mono.family}"`);
  });

  for (const size of WIDTHS) {
    describe(`${size.name} (${size.width}×${size.height})`, () => {
      before(() => setViewport({ width: size.width, height: size.height }));

      for (const tag of TAGS) {
        for (const theme of THEMES) {
          for (const locale of LOCALES) {
            it(`<${tag}> ${theme} ${locale}`, async () => {
              const { el, frame } = await mount(tag, theme, locale, size.height);
              const text = await settled(el);
              expect(text, 'the widget shows its data').not.to.equal('');
              expect(el.shadowRoot?.querySelector('[aria-busy="true"]') ? 'loading' : 'loaded').to.equal('loaded');
              const target = caseOf(tag).target?.(el) ?? frame;
              await visualDiff(target, `${tag}/${size.name}-${theme}-${locale}`);
              await expect(el).to.be.accessible();
            });
          }
        }
      }
    });
  }
});
