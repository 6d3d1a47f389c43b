/**
 * The demo's own chrome follows its theme switch like the widgets do: the trade-in form (the
 * host's appraisal form) reads the page's tokens, so its labels, fields and button keep their
 * contrast in light and dark, and when the page and the form's section are in different themes.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { generateDataset } from '../../src/data/demo-data.js';
import '../../src/components/trade-in-alert/fc-trade-in-alert.js';
import { tradeInForm } from '../../demo/trade-in-form.js';

function luminance([r, g, b]: number[]): number {
  const [R, G, B] = [r!, g!, b!].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * R! + 0.7152 * G! + 0.0722 * B!;
}
const rgb = (colour: string) => colour.match(/\d+(\.\d+)?/g)!.slice(0, 3).map(Number);
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(rgb(a)), luminance(rgb(b))];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

describe('the demo trade-in form', () => {
  let link: HTMLLinkElement;
  before(async () => {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = '/demo/demo.css';
    const loaded = new Promise((resolve, reject) => {
      link.onload = resolve;
      link.onerror = reject;
    });
    document.head.append(link);
    await loaded;
  });
  after(() => link.remove());

  // [the page's class, the section's theme]: the dark switch, the light switch, and a page in one theme around a form in the other.
  const cases: [string, string][] = [
    ['fc-dark', 'dark'],
    ['fc-light', 'light'],
    ['fc-dark', 'light'],
    ['fc-light', 'dark'],
  ];
  for (const [pageClass, theme] of cases) {
    it(`keeps its text at 4.5:1 and its field edges at 3:1 (page ${pageClass}, section theme ${theme})`, async () => {
      const alert = document.createElement('fc-trade-in-alert');
      const wants = generateDataset({ size: 'small', today: '2026-11-23', seed: 1 }).wants;
      const wrapper = await fixture<HTMLElement>(html`<div class=${pageClass}><section theme=${theme}></section></div>`);
      const form = tradeInForm(alert, wants);
      wrapper.querySelector('section')!.append(form);
      const background = getComputedStyle(form).backgroundColor;
      const labels = [...form.querySelectorAll('label')];
      expect(labels.length).to.be.greaterThan(3);
      for (const label of labels) expect(contrast(getComputedStyle(label).color, background), label.textContent!).to.be.at.least(4.5);
      for (const control of form.querySelectorAll<HTMLElement>('input, button')) {
        const style = getComputedStyle(control);
        expect(contrast(style.color, style.backgroundColor), `${control.localName} text`).to.be.at.least(4.5);
        expect(contrast(style.borderTopColor, background), `${control.localName} edge`).to.be.at.least(3);
      }
    });
  }
});
