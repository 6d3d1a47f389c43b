import { expect, fixture } from '@open-wc/testing';
import { LitElement, html } from 'lit';
import { tokens } from '../../src/styles/tokens.js';

class TokensProbe extends LitElement {
  static override styles = tokens;
  protected override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('tokens-probe', TokensProbe);

const declaredInTs = [...new Set(tokens.cssText.match(/--fc-[a-z0-9-]+(?=\s*:)/g))].sort();

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

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('design tokens', () => {
  let sheet: CSSStyleSheet;
  before(async () => {
    sheet = await pageSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  });
  after(() => {
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  });

  it('tokens.css declares exactly the tokens the widgets declare', () => {
    expect(declaredInTs.length).to.be.greaterThan(30);
    expect(namesOf(ruleFor(sheet, ':root, .fc-light')).sort()).to.deep.equal(declaredInTs);
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`tokens.css and tokens.ts agree on every ${theme} value`, async () => {
      const wrapper = await fixture<HTMLElement>(`<div><div class="fc-${theme}"></div><tokens-probe theme=${theme}></tokens-probe></div>`);
      const [page, widget] = [...wrapper.children] as HTMLElement[];
      for (const name of declaredInTs) {
        expect(read(widget!, name), name).not.to.equal('');
        expect(read(widget!, name), name).to.equal(read(page!, name));
      }
    });

    it(`text colours reach 4.5:1 on every surface in ${theme}`, async () => {
      const el = await fixture<HTMLElement>(`<tokens-probe theme=${theme}></tokens-probe>`);
      const c = (name: string) => read(el, `--fc-color-${name}`);
      const surfaces = ['surface', 'surface-raised'];
      for (const text of ['text', 'text-muted', 'accent', 'good', 'warn', 'bad']) {
        for (const surface of surfaces) expect(contrast(c(text), c(surface)), `${text} on ${surface}`).to.be.at.least(4.5);
      }
      for (const status of ['accent', 'good', 'warn', 'bad']) {
        expect(contrast(c(status), c(`${status}-subtle`)), `${status} on ${status}-subtle`).to.be.at.least(4.5);
      }
      expect(contrast(c('accent-text'), c('accent'))).to.be.at.least(4.5);
    });
  }

  it('switches to dark by attribute or class and pins light with theme="light"', async () => {
    const wrapper = await fixture<HTMLElement>(
      '<div><tokens-probe></tokens-probe><tokens-probe theme="dark"></tokens-probe><tokens-probe class="fc-dark"></tokens-probe><tokens-probe theme="light"></tokens-probe></div>',
    );
    const surfaces = [...wrapper.children].map((el) => read(el, '--fc-color-surface'));
    expect(surfaces).to.deep.equal(['#ffffff', '#0d1117', '#0d1117', '#ffffff']);
  });
});
