import { expect, fixture, html as litHtml } from '@open-wc/testing';
import { LitElement, css, html } from 'lit';
import '../../src/components/source-report/fc-source-report.js';
import { formControl, shared } from '../../src/styles/shared.js';
import { TOKENS, resolvedName, tokens } from '../../src/styles/tokens.js';

class TokensProbe extends LitElement {
  static override styles = [tokens, shared, css`input { ${formControl} }`];
  protected override render() {
    return html`<button class="fc-button fc-button--primary">Go</button><input aria-label="Name" /><slot></slot>`;
  }
}
customElements.define('tokens-probe', TokensProbe);

const declaredInTs = Object.keys(TOKENS).sort();

async function pageSheet(): Promise<CSSStyleSheet> {
  const sheet = new CSSStyleSheet();
  await sheet.replace(await (await fetch('/src/styles/tokens.css')).text());
  return sheet;
}

function ruleFor(sheet: CSSStyleSheet, selector: string): CSSStyleRule {
  const rule = [...sheet.cssRules].find((r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText === selector);
  if (!rule) throw new Error(`no rule ${selector} in tokens.css`);
  return rule;
}

const namesOf = (rule: CSSStyleRule) => [...rule.style].filter((name) => name.startsWith('--fc-'));
const read = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();
/** The value a widget uses for a token: its resolved private variable. */
const used = (el: Element, token: string) => read(el, resolvedName(token));
const usedAll = (el: Element) => Object.fromEntries(declaredInTs.map((name) => [name, used(el, name)]));
const probeIn = (root: Element) => root.querySelector('tokens-probe')!;
/** A primary button, whose border is the accent (its background has a transition). */
const accentButton = (el: Element) => el.shadowRoot!.querySelector('button')!;

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
/** `rgb(r, g, b)` as `#rrggbb`, for a computed colour. */
function hexOf(rgb: string): string {
  const parts = rgb.match(/\d+/g)!.slice(0, 3).map(Number);
  return `#${parts.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('design tokens', () => {
  let sheet: CSSStyleSheet;
  before(async () => {
    sheet = await pageSheet();
  });
  const adopt = () => (document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]);
  const drop = () => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet));
  afterEach(() => {
    drop();
    document.documentElement.style.removeProperty('--fc-color-accent');
  });

  it('tokens.css declares exactly the tokens of tokens.ts', () => {
    expect(declaredInTs.length).to.be.greaterThan(30);
    expect(namesOf(ruleFor(sheet, ":root, .fc-light, [theme=\"light\"]")).sort()).to.deep.equal(declaredInTs);
  });

  it('widgets declare no --fc-* token of their own (a declaration would hide the page\'s value)', () => {
    expect(tokens.cssText).not.to.match(/(^|[\s;{])--fc-[\w-]+\s*:/);
    for (const name of declaredInTs) expect(tokens.cssText, name).to.include(`${resolvedName(name)}: var(${name}, `);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`tokens.css and tokens.ts agree on every ${theme} value`, async () => {
      const wrapper = await fixture<HTMLElement>(`<div><div class="fc-${theme}"></div><tokens-probe theme=${theme}></tokens-probe></div>`);
      const [page, widget] = [...wrapper.children] as HTMLElement[];
      // The widget's own defaults, with no page CSS.
      const defaults = usedAll(widget!);
      adopt();
      for (const name of declaredInTs) {
        expect(defaults[name], name).not.to.equal('');
        expect(defaults[name], name).to.equal(read(page!, name));
      }
      // With the page's tokens.css loaded the widget keeps its theme: the page sheet switches it too.
      expect(usedAll(widget!)).to.deep.equal(defaults);
    });

    it(`text colours reach 4.5:1 on every surface in ${theme}`, async () => {
      const el = await fixture<HTMLElement>(`<tokens-probe theme=${theme}></tokens-probe>`);
      const c = (name: string) => used(el, `--fc-color-${name}`);
      const surfaces = ['surface', 'surface-raised'];
      for (const text of ['text', 'text-muted', 'accent', 'good', 'warn', 'bad']) {
        for (const surface of surfaces) expect(contrast(c(text), c(surface)), `${text} on ${surface}`).to.be.at.least(4.5);
      }
      for (const status of ['accent', 'good', 'warn', 'bad']) {
        expect(contrast(c(status), c(`${status}-subtle`)), `${status} on ${status}-subtle`).to.be.at.least(4.5);
      }
      expect(contrast(c('accent-text'), c('accent'))).to.be.at.least(4.5);
    });

    it(`a text field's border reaches 3:1 on every surface in ${theme} (WCAG 1.4.11)`, async () => {
      const el = await fixture<HTMLElement>(`<tokens-probe theme=${theme}></tokens-probe>`);
      const c = (name: string) => used(el, `--fc-color-${name}`);
      for (const surface of ['surface', 'surface-raised']) {
        expect(contrast(c('border-control'), c(surface)), `border-control on ${surface}`).to.be.at.least(3);
      }
      // What the browser draws: the field's edge against the widget behind it.
      const input = el.shadowRoot!.querySelector('input')!;
      const edge = hexOf(getComputedStyle(input).borderTopColor);
      expect(edge).to.equal(c('border-control'));
      expect(contrast(edge, c('surface'))).to.be.at.least(3);
    });
  }

  it('every text field and drop-down of a widget has the control border', async () => {
    const report = await fixture<HTMLElement>(litHtml`<fc-source-report theme="dark"></fc-source-report>`);
    await new Promise((resolve) => setTimeout(resolve, 0));
    const fields = [...report.shadowRoot!.querySelectorAll<HTMLElement>('input:not([type=checkbox]):not([type=radio]), select')];
    expect(fields.length).to.be.greaterThan(0);
    const background = used(report, '--fc-color-surface');
    for (const field of fields) expect(contrast(hexOf(getComputedStyle(field).borderTopColor), background), field.outerHTML).to.be.at.least(3);
  });

  it('switches to dark by attribute or class and pins light with theme="light"', async () => {
    const wrapper = await fixture<HTMLElement>(
      '<div><tokens-probe></tokens-probe><tokens-probe theme="dark"></tokens-probe><tokens-probe class="fc-dark"></tokens-probe><tokens-probe theme="light"></tokens-probe></div>',
    );
    const surfaces = [...wrapper.children].map((el) => used(el, '--fc-color-surface'));
    expect(surfaces).to.deep.equal(['#ffffff', '#0d1117', '#0d1117', '#ffffff']);
    const rings = [...wrapper.children].map((el) => used(el, '--fc-focus-ring'));
    expect(rings).to.deep.equal(['2px solid #0969da', '2px solid #58a6ff', '2px solid #58a6ff', '2px solid #0969da']);
  });

  it('a token set on :root reaches every widget', async () => {
    const wrapper = await fixture<HTMLElement>(litHtml`<div><tokens-probe></tokens-probe><fc-source-report></fc-source-report></div>`);
    const report = wrapper.querySelector('fc-source-report')!;
    expect(getComputedStyle(accentButton(probeIn(wrapper))).borderTopColor).to.equal('rgb(11, 92, 173)');
    document.documentElement.style.setProperty('--fc-color-accent', '#123456');
    expect(getComputedStyle(accentButton(probeIn(wrapper))).borderTopColor, 'a primary button').to.equal('rgb(18, 52, 86)');
    expect(used(report, '--fc-color-accent')).to.equal('#123456');
    expect(read(report, '--_bar'), "the report's bars, which default to the accent").to.equal('#123456');
  });

  it('a token set on a wrapping element reaches the widgets inside it, and only those', async () => {
    const wrapper = await fixture<HTMLElement>(
      litHtml`<div><section style="--fc-color-accent: #654321"><tokens-probe theme="dark"></tokens-probe><fc-source-report></fc-source-report></section><tokens-probe></tokens-probe></div>`,
    );
    const [inside, outside] = [...wrapper.querySelectorAll('tokens-probe')];
    expect(getComputedStyle(accentButton(inside!)).borderTopColor, 'a dark widget too').to.equal('rgb(101, 67, 33)');
    expect(read(wrapper.querySelector('fc-source-report')!, '--_bar')).to.equal('#654321');
    expect(getComputedStyle(accentButton(outside!)).borderTopColor, 'the default outside').to.equal('rgb(11, 92, 173)');
  });

  it('a token the page sets overrides the page stylesheet\'s default', async () => {
    adopt();
    const wrapper = await fixture<HTMLElement>(litHtml`<div style="--fc-radius-s: 0px"><tokens-probe></tokens-probe></div>`);
    expect(getComputedStyle(accentButton(probeIn(wrapper))).borderTopLeftRadius).to.equal('0px');
  });
});
