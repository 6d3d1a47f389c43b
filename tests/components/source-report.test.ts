import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { Chart } from 'chart.js';
import '../../src/components/source-report/fc-source-report.js';
import type { FcSourceReport } from '../../src/components/source-report/fc-source-report.js';
import { setLocale } from '../../src/components/shared/messages.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { AdapterError } from '../../src/data/errors.js';
import { DEFAULT_CATEGORIES } from '../../src/data/logic/sources.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { Customer, Dataset, Invoice, MarketingSpend, PosSource } from '../../src/data/model.js';
import { clickChart, drawnChart } from './chart-rig.js';
import { closeClients, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';

const XSS = '<img src=x onerror=alert(1)>';
const JS = 'javascript:alert(1)';
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

/**
 * A tiny shop, March 2026. Figures by hand (March range):
 *   Internet: c1, c2 (Google), c3 (Yelp) = 3 new; revenue 200 + 100 + 50 = $350; spend $300 on the
 *     category + $200 on Google = $500; cost 500/3 = $166.67; ROI (350 − 500)/500 = −30%.
 *     Google: 2 new, $200 spend, $300 revenue, $100.00 each, ROI 50%. Yelp: 1 new, no spend, $50.
 *   Referral: c4 = 1 new, $300 revenue, no spend: cost $0.00, ROI none.
 *   Drive-by/Signage: nothing: cost none, ROI none.
 *   Advertising: c5 = 1 new, $150 revenue, $600 spend (Radio): cost $600.00, ROI −75%.
 *   Fleet/Commercial: no customers, $250 spend: cost none, ROI −100%.
 *   Unknown: c6 (unmapped WALKIN, $40), c7 (no source, $10) = 2 new, $50 revenue.
 *   Total: 7 new, spend $1,350, revenue $850, cost 1350/7 = $192.86, ROI −37%.
 * Left out by the range: c8 (first visit in February), an April invoice of c1, February spend.
 */
function shopDataset(): Dataset {
  const base = generateDataset({ size: 'small', today: '2026-03-17' });
  const at = '2026-01-01T00:00:00.000Z';
  const source = (id: string, name: string, categoryId: string | null): PosSource => ({
    id,
    code: name.toUpperCase(),
    categoryId,
    name,
    origin: 'pos',
    deleted: false,
    customerCount: 0,
    version: 1,
    updatedAt: at,
  });
  const customer = (id: string, sourceId: string | null, firstVisit = '2026-03-05'): Customer => ({
    id,
    firstName: `First ${id}`,
    lastName: `Last ${id}`,
    phone: null,
    email: null,
    sourceId,
    status: 'active',
    firstVisit,
    version: 1,
    updatedAt: at,
  });
  const invoice = (id: string, customerId: string, amount: number, date = '2026-03-10'): Invoice => ({ id, customerId, date, amount });
  const spend = (id: string, month: string, categoryId: string, sourceId: string | null, amount: number): MarketingSpend => ({
    id,
    month,
    categoryId,
    sourceId,
    amount,
    version: 1,
  });
  return {
    ...base,
    today: '2026-03-17',
    categories: DEFAULT_CATEGORIES.map((c) => ({ ...c })),
    sources: [
      source('s-goog', 'Google', 'internet'),
      source('s-yelp', 'Yelp', 'internet'),
      source('s-ref', XSS, 'referral'),
      source('s-js', JS, 'drive-by'),
      source('s-radio', 'Radio KJZ', 'advertising'),
      source('s-fleet', 'City fleet', 'fleet'),
      source('s-walk', 'WALKIN', null),
    ],
    customers: [
      customer('c1', 's-goog'),
      customer('c2', 's-goog'),
      customer('c3', 's-yelp'),
      customer('c4', 's-ref'),
      customer('c5', 's-radio'),
      customer('c6', 's-walk'),
      customer('c7', null),
      customer('c8', 's-goog', '2026-02-10'),
    ],
    invoices: [
      invoice('i1', 'c1', 20000),
      invoice('i2', 'c2', 10000),
      invoice('i3', 'c3', 5000),
      invoice('i4', 'c4', 30000),
      invoice('i5', 'c5', 15000),
      invoice('i6', 'c6', 4000),
      invoice('i7', 'c7', 1000),
      invoice('i8', 'c8', 50000, '2026-03-03'),
      invoice('i9', 'c1', 99900, '2026-04-02'),
    ],
    spend: [
      spend('sp1', '2026-03', 'internet', null, 30000),
      spend('sp2', '2026-03', 'internet', 's-goog', 20000),
      spend('sp3', '2026-03', 'advertising', 's-radio', 60000),
      spend('sp4', '2026-03', 'fleet', null, 25000),
      spend('sp5', '2026-02', 'internet', null, 99999),
    ],
    board: [],
  };
}

const root = (el: FcSourceReport) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const toggles = (el: FcSourceReport) => [...root(el).querySelectorAll<HTMLButtonElement>('button.toggle')];
const toggle = (el: FcSourceReport, name: string) => toggles(el).find((b) => text(b) === name)!;
const cellsOf = (row: Element | null | undefined) => [...(row?.querySelectorAll('td') ?? [])].map((td) => text(td));
const categoryCells = (el: FcSourceReport, name: string) => cellsOf(toggle(el, name)?.closest('tr'));
const subRow = (el: FcSourceReport, name: string) =>
  [...root(el).querySelectorAll<HTMLTableRowElement>('tr.sub')].find((tr) => text(tr.querySelector('th')) === name);
const buttonNamed = (el: FcSourceReport, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
const spendInput = (el: FcSourceReport, label: string) => root(el).querySelector<HTMLInputElement>(`input[aria-label="${label}"]`);
/** A name as the user reads it: the chart draws it in lines, each in a bidi isolate (U+2068 … U+2069), which draws nothing. */
const unisolated = (name: unknown) => [name].flat().join(' ').replace(/[\u2068\u2069]/g, '');
/** The chart's names, values and fills, dataset by dataset. */
const labelsOf = (chart: Chart) => (chart.data.labels ?? []).map(unisolated);
const valuesOf = (chart: Chart, dataset = 0) => chart.data.datasets[dataset]!.data;
const fillsOf = (chart: Chart, dataset = 0) => [chart.data.datasets[dataset]!.backgroundColor].flat(1) as unknown[];
const hatched = (chart: Chart) => fillsOf(chart).map((fill) => fill instanceof CanvasPattern);
/** The chart once drawn with `labels`. */
const chartWith = (el: FcSourceReport, labels: string[], ready: (chart: Chart) => boolean = () => true) =>
  drawnChart(root(el), 'canvas', (chart) => labelsOf(chart).join('|') === labels.join('|') && ready(chart));
const canvasLabel = (el: FcSourceReport) => unisolated(root(el).querySelector('[part="chart"] canvas')!.getAttribute('aria-label'));
const CATEGORIES = ['Internet', 'Referral', 'Drive-by/Signage', 'Advertising', 'Fleet/Commercial', 'Repeat/Existing', 'Other New Customers', 'Unknown'];
const loaded = (el: FcSourceReport) => waitUntil(() => root(el).querySelector('table.fc-table'), 'the report did not load');

async function openEditor(el: FcSourceReport): Promise<void> {
  buttonNamed(el, 'Edit spend')!.click();
  await waitUntil(() => spendInput(el, 'Referral, whole category spend, March 2026'), 'the spend editor did not load');
}

/** Types into a spend cell like a user: select, type, leave the field. */
async function typeAmount(input: HTMLInputElement, value: string): Promise<void> {
  input.focus();
  input.select();
  await sendKeys({ type: value });
  await sendKeys({ press: 'Tab' });
}

async function serverSpend(server: DemoServer, categoryId: string, sourceId: string | null) {
  const rows = await server.backend.sources!.spend(MARCH);
  return rows.find((r) => r.month === '2026-03' && r.categoryId === categoryId && r.sourceId === sourceId);
}

describe('fc-source-report', () => {
  let server: DemoServer;

  beforeEach(async () => {
    server = await startDemoServer(shopDataset());
  });
  afterEach(async () => {
    server.faults.offline = false;
    server.faults.failing = false;
    server.faults.latencyMs = 0;
    await closeClients();
  });

  async function report(adapter: ForecourtAdapter = server.client()): Promise<FcSourceReport> {
    const el = await fixture<FcSourceReport>(html`<fc-source-report .adapter=${adapter} today="2026-03-17"></fc-source-report>`);
    await loaded(el);
    return el;
  }

  it('shows the hand-computed figures for this month, with a dash and words where a figure does not exist', async () => {
    const el = await report();
    expect(text(root(el).querySelector('caption'))).to.equal('New customers by source, Mar 1, 2026 – Mar 31, 2026');
    expect(toggles(el).map(text)).to.deep.equal([
      'Internet',
      'Referral',
      'Drive-by/Signage',
      'Advertising',
      'Fleet/Commercial',
      'Repeat/Existing',
      'Other New Customers',
      'Unknown',
    ]);
    const none = '—no new customers';
    const noSpend = '—no spend';
    expect(categoryCells(el, 'Internet')).to.deep.equal(['3', '42.9%', '$500.00', '$166.67', '$350.00', '-30%']);
    expect(categoryCells(el, 'Referral')).to.deep.equal(['1', '14.3%', '$0.00', '$0.00', '$300.00', noSpend]);
    expect(categoryCells(el, 'Drive-by/Signage')).to.deep.equal(['0', '0%', '$0.00', none, '$0.00', noSpend]);
    expect(categoryCells(el, 'Advertising')).to.deep.equal(['1', '14.3%', '$600.00', '$600.00', '$150.00', '-75%']);
    expect(categoryCells(el, 'Fleet/Commercial')).to.deep.equal(['0', '0%', '$250.00', none, '$0.00', '-100%']);
    expect(categoryCells(el, 'Unknown')).to.deep.equal(['2', '28.6%', '$0.00', '$0.00', '$50.00', noSpend]);
    expect(cellsOf(root(el).querySelector('tfoot tr'))).to.deep.equal(['7', '100%', '$1,350.00', '$192.86', '$850.00', '-37%']);
    expect(shadowText(el)).not.to.match(/NaN|Infinity|undefined|null/);
    // The dash is for the eye only; a screen reader hears the words.
    const dash = toggle(el, 'Fleet/Commercial').closest('tr')!.querySelectorAll('td')[3]!;
    expect(dash.querySelector('[aria-hidden="true"]')!.textContent).to.equal('—');
    expect(dash.querySelector('.fc-visually-hidden')!.textContent).to.equal('no new customers');
    await expect(el).to.be.accessible();
  });

  it('calls out the unknown customers and asks for the mapping with a cancelable event', async () => {
    const el = await report();
    const notice = root(el).querySelector('[part="notice"]')!;
    expect(text(notice.querySelector('p'))).to.equal('2 new customers have no known source.');
    const button = buttonNamed(el, 'Fix source mapping')!;
    setTimeout(() => button.click());
    const event = await oneEvent(el, 'fc-request-mapping');
    expect(event.detail).to.deep.equal({ unknownCustomers: 2, unmapped: 1, total: 7 });
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('links "Fix source mapping" to editor-href only on the page\'s origin or one in editor-origins, never a script URL', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(String(args[0]));
    const fix = (el: FcSourceReport) => [...root(el).querySelectorAll<HTMLElement>('[part="notice"] a, [part="notice"] button')].find((b) => text(b) === 'Fix source mapping')!;
    const linked = async (href: string, origins = '') => {
      const el = await fixture<FcSourceReport>(
        html`<fc-source-report .adapter=${server.client()} today="2026-03-17" editor-href=${href} editor-origins=${origins}></fc-source-report>`,
      );
      await loaded(el);
      const control = fix(el);
      // Rendered again: a refused address warns once, not on every render.
      el.requestUpdate();
      await el.updateComplete;
      el.remove();
      return control.localName === 'a' ? (control as HTMLAnchorElement).href : null;
    };
    try {
      expect(await linked('/settings/sources')).to.equal(new URL('/settings/sources', document.baseURI).href);
      expect(await linked('sources?tab=1')).to.equal(new URL('sources?tab=1', document.baseURI).href);
      expect(await linked(`${location.origin}/settings`)).to.equal(`${location.origin}/settings`);
      expect(warnings, 'same-origin addresses are not warned about').to.deep.equal([]);

      expect(await linked('https://crm.example.com/sources')).to.equal(null);
      expect(await linked('//crm.example.com/sources')).to.equal(null);
      expect(await linked('https://crm.example.com/sources', 'https://other.example')).to.equal(null);
      expect(await linked('https://crm.example.com/sources', 'https://other.example https://crm.example.com/')).to.equal('https://crm.example.com/sources');
      for (const href of [JS, ' JaVa\nScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
        expect(await linked(href, `${location.origin} javascript:alert(1) data:text/html,x`), href).to.equal(null);
      }
    } finally {
      console.warn = warn;
    }
    const refused = warnings.filter((w) => /editor-href/.test(w));
    expect(refused, 'one warning per refused address').to.have.length(6);
    expect(refused.filter((w) => /editor-origins/.test(w))).to.have.length(3);
  });

  it('expands and collapses a category from the keyboard, and names in the data stay text', async () => {
    const el = await report();
    const selects: { categoryId: string; expanded: boolean }[] = [];
    el.addEventListener('fc-source-select', (e) => selects.push(e.detail));
    expect(subRow(el, 'Google')).to.equal(undefined, 'a closed category shows no source rows');
    expect(toggle(el, 'Internet').hasAttribute('aria-controls')).to.equal(false);

    toggle(el, 'Internet').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle(el, 'Internet').getAttribute('aria-expanded')).to.equal('true');
    expect(subRow(el, 'Google')!.hidden).to.equal(false);
    expect(cellsOf(subRow(el, 'Google'))).to.deep.equal(['2', '28.6%', '$200.00', '$100.00', '$300.00', '50%']);
    expect(cellsOf(subRow(el, 'Yelp'))).to.deep.equal(['1', '14.3%', '$0.00', '$0.00', '$50.00', '—no spend']);
    for (const id of toggle(el, 'Internet').getAttribute('aria-controls')!.split(' ')) expect(root(el).getElementById(id)).to.exist;

    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(toggle(el, 'Internet').getAttribute('aria-expanded')).to.equal('false');
    expect(subRow(el, 'Google')).to.equal(undefined, 'collapsed again');

    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle(el, 'Referral').getAttribute('aria-expanded')).to.equal('true');
    const xss = subRow(el, XSS)!;
    expect(xss.hidden).to.equal(false);
    expect(root(el).querySelectorAll('img').length).to.equal(0);

    toggle(el, 'Unknown').click();
    await el.updateComplete;
    expect(subRow(el, 'WALKIN')).to.exist;
    expect(cellsOf(subRow(el, 'No source'))).to.deep.equal(['1', '14.3%', '$0.00', '$0.00', '$10.00', '—no spend']);

    toggle(el, 'Drive-by/Signage').click();
    await el.updateComplete;
    expect(shadowText(el)).to.include('No sources with new customers or spend in this range.');

    expect(selects).to.deep.equal([
      { categoryId: 'internet', expanded: true },
      { categoryId: 'internet', expanded: false },
      { categoryId: 'referral', expanded: true },
      { categoryId: 'unknown', expanded: true },
      { categoryId: 'drive-by', expanded: true },
    ]);
    await expect(el).to.be.accessible();
  });

  it('draws new customers per category as horizontal bars that agree with the table, unknown hatched, in the theme\'s colours', async () => {
    const el = await report();
    const names = toggles(el).map(text);
    const counts = toggles(el).map((b) => cellsOf(b.closest('tr'))[0]!);
    expect(counts).to.deep.equal(['3', '1', '0', '1', '0', '0', '0', '2']);
    const chart = await chartWith(el, names);
    expect(chart.options.indexAxis).to.equal('y');
    expect(labelsOf(chart)).to.deep.equal(CATEGORIES);
    expect(valuesOf(chart).map(String)).to.deep.equal(counts);
    // Unknown is marked by a pattern, not by colour alone; the other bars take the theme's accent.
    expect(hatched(chart)).to.deep.equal([false, false, false, false, false, false, false, true]);
    expect(fillsOf(chart).slice(0, 7)).to.deep.equal(Array(7).fill('#0b5cad'));
    expect(canvasLabel(el)).to.include('Internet 3, Referral 1, Drive-by/Signage 0, Advertising 1');
    expect(canvasLabel(el)).to.include('Unknown 2. The table below has every figure.');
    expect(root(el).querySelector('[part="chart"] canvas')!.getAttribute('role')).to.equal('img');
    // Nothing of the widget's own is set through style attributes (a strict CSP page); Chart.js sizes its canvas through the CSSOM.
    expect([...root(el).querySelectorAll('[style]')].map((e) => e.localName).filter((n) => n !== 'canvas')).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Dark: the same figures in the dark theme's colours, redrawn in place.
    const light = chart.options.color;
    el.setAttribute('theme', 'dark');
    const dark = await chartWith(el, names, (c) => c.options.color !== light);
    expect(dark).to.equal(chart);
    expect(fillsOf(dark)[0]).to.equal('#4493f8');
    expect(hatched(dark)[7]).to.equal(true);
    // The buttons ease into their dark colours: check contrast once they are there.
    await Promise.all(root(el).getAnimations().map((a) => a.finished));
    await expect(el).to.be.accessible();
  });

  it('draws with system colours in forced-colors mode, unknown still hatched', async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      const el = await report();
      const chart = await chartWith(el, CATEGORIES);
      expect(chart.options.color).to.equal('CanvasText');
      expect(fillsOf(chart)[0]).to.equal('Highlight');
      expect(hatched(chart)).to.deep.equal([false, false, false, false, false, false, false, true]);
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('drills into a category clicked in the chart, even one with no bar, and goes back up', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const el = await report();
      const chart = await chartWith(el, CATEGORIES);
      const selected = oneEvent(el, 'fc-source-select');
      await clickChart(chart, 0, 3);
      expect((await selected).detail).to.deep.equal({ categoryId: 'advertising', expanded: true });
      await el.updateComplete;
      const button = toggle(el, 'Advertising');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      expect(root(el).activeElement === button, 'focus is not on the Advertising row').to.equal(true);
      expect(cellsOf(subRow(el, 'Radio KJZ'))).to.deep.equal(['1', '14.3%', '$600.00', '$600.00', '$150.00', '-75%']);
      // The same chart now shows Advertising's sources, and says where it is.
      const drilled = await chartWith(el, ['Radio KJZ']);
      expect(drilled).to.equal(chart);
      expect(valuesOf(drilled)).to.deep.equal([1]);
      expect(canvasLabel(el)).to.include('new customers per source in Advertising: Radio KJZ 1.');
      const crumbs = root(el).querySelector('nav.crumbs')!;
      expect(text(crumbs)).to.equal('All categories Advertising');
      expect(text(crumbs.querySelector('[aria-current]'))).to.equal('Advertising');
      await expect(el).to.be.accessible();

      // Back up: the categories again, Advertising closed, and the focus on its row.
      const up = oneEvent(el, 'fc-source-select');
      buttonNamed(el, 'All categories')!.click();
      expect((await up).detail).to.deep.equal({ categoryId: 'advertising', expanded: false });
      await chartWith(el, CATEGORIES);
      await el.updateComplete;
      expect(toggle(el, 'Advertising').getAttribute('aria-expanded')).to.equal('false');
      expect(root(el).activeElement === toggle(el, 'Advertising'), 'focus is not on the Advertising row').to.equal(true);
      expect(root(el).querySelector('nav.crumbs')).to.equal(null);

      // Fleet has no new customers: a click in its band, where a bar would be, still chooses it.
      const fleet = oneEvent(el, 'fc-source-select');
      await clickChart(chart, 0, 4);
      expect((await fleet).detail).to.deep.equal({ categoryId: 'fleet', expanded: true });
      await el.updateComplete;
      expect(toggle(el, 'Fleet/Commercial').getAttribute('aria-expanded')).to.equal('true');
      // Its spend is on the whole category: no source to chart, and the chart says so.
      expect(text(root(el).querySelector('[part="chart"] .chart-empty'))).to.equal('No sources with new customers or spend in this range.');
      expect(text(root(el).querySelector('nav.crumbs [aria-current]'))).to.equal('Fleet/Commercial');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('drills into a category on Enter on its table row, as a click on its bar does', async () => {
    const el = await report();
    await chartWith(el, CATEGORIES);
    const selected = oneEvent(el, 'fc-source-select');
    toggle(el, 'Internet').focus();
    await sendKeys({ press: 'Enter' });
    expect((await selected).detail).to.deep.equal({ categoryId: 'internet', expanded: true });
    expect(toggle(el, 'Internet').getAttribute('aria-expanded')).to.equal('true');
    const chart = await chartWith(el, ['Google', 'Yelp']);
    expect(valuesOf(chart)).to.deep.equal([2, 1]);
    expect(hatched(chart)).to.deep.equal([false, false]);
    await expect(el).to.be.accessible();
    // Every source of the unknown category is unknown: all hatched.
    toggle(el, 'Unknown').focus();
    await sendKeys({ press: 'Enter' });
    const unknown = await chartWith(el, ['WALKIN', 'No source']);
    expect(valuesOf(unknown)).to.deep.equal([1, 1]);
    expect(hatched(unknown)).to.deep.equal([true, true]);
    // Closing the category shown goes back up to the categories.
    await sendKeys({ press: 'Enter' });
    await chartWith(el, CATEGORIES);
    // A category without sources says so in place of a chart.
    toggle(el, 'Drive-by/Signage').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(root(el).querySelector('[part="chart"] canvas')).to.equal(null);
    expect(text(root(el).querySelector('[part="chart"] .chart-empty'))).to.equal('No sources with new customers or spend in this range.');
    await expect(el).to.be.accessible();
  });

  it('shows spend against revenue per category on demand, with a legend that names and toggles each', async () => {
    const el = await report();
    await chartWith(el, CATEGORIES);
    const button = buttonNamed(el, 'Spend and revenue')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.click();
    const chart = await chartWith(el, CATEGORIES, (c) => c.data.datasets.length === 2);
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(chart.data.datasets.map((d) => d.label)).to.deep.equal(['Marketing spend', 'Revenue']);
    // Dollars, as the table's Marketing spend and Revenue columns say.
    expect(valuesOf(chart, 0)).to.deep.equal([500, 0, 0, 600, 250, 0, 0, 0]);
    expect(valuesOf(chart, 1)).to.deep.equal([350, 300, 0, 150, 0, 0, 0, 50]);
    expect(fillsOf(chart, 0)[0]).not.to.equal(fillsOf(chart, 1)[0]);
    expect(canvasLabel(el)).to.include('Internet spend $500.00, revenue $350.00; Referral spend $0.00, revenue $300.00');
    await waitUntil(() => root(el).querySelectorAll('.fc-chart-legend button').length === 2, 'no legend');
    const legend = [...root(el).querySelectorAll<HTMLButtonElement>('.fc-chart-legend button')];
    expect(legend.map(text)).to.deep.equal(['Marketing spend', 'Revenue']);
    expect(legend.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'true']);
    await expect(el).to.be.accessible();
    legend[1]!.click();
    await el.updateComplete;
    expect(chart.isDatasetVisible(1)).to.equal(false);
    expect(root(el).querySelectorAll<HTMLButtonElement>('.fc-chart-legend button')[1]!.getAttribute('aria-pressed')).to.equal('false');

    // Drilled, the same measure per source.
    toggle(el, 'Internet').click();
    const sources = await chartWith(el, ['Google', 'Yelp'], (c) => c.data.datasets.length === 2);
    expect(valuesOf(sources, 0)).to.deep.equal([200, 0]);
    expect(valuesOf(sources, 1)).to.deep.equal([300, 50]);
    await expect(el).to.be.accessible();

    button.click();
    const counts = await chartWith(el, ['Google', 'Yelp'], (c) => c.data.datasets.length === 1);
    expect(counts.data.datasets[0]!.label).to.equal('New customers');
    await el.updateComplete;
    expect(root(el).querySelector('.fc-chart-legend')).to.equal(null);
  });

  it('shows a category\'s bar tooltip while its table row has the keyboard focus', async () => {
    const el = await report();
    const chart = await chartWith(el, CATEGORIES);
    toggle(el, 'Referral').focus();
    expect(chart.tooltip!.getActiveElements().map((a) => a.index)).to.deep.equal([1]);
    expect(chart.tooltip!.title.map(unisolated)).to.deep.equal(['Referral']);
    expect(chart.tooltip!.body.flatMap((b) => b.lines)).to.deep.equal(['New customers: 1']);
    await sendKeys({ press: 'Tab' });
    expect(chart.tooltip!.getActiveElements().map((a) => a.index)).to.deep.equal([2]);
    toggle(el, 'Drive-by/Signage').blur();
    expect(chart.tooltip!.getActiveElements()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('saves spend typed in dollars to the server and shows the new figures', async () => {
    const el = await report();
    await openEditor(el);
    await expect(el).to.be.accessible();
    expect(spendInput(el, 'Google (Internet) spend, March 2026')!.value).to.equal('200.00');
    expect(spendInput(el, `${JS} (Drive-by/Signage) spend, March 2026`)).to.exist;
    expect(root(el).querySelectorAll('a').length).to.equal(0);

    const input = spendInput(el, 'Referral, whole category spend, March 2026')!;
    await typeAmount(input, '1,250.50');
    await waitUntil(async () => (await serverSpend(server, 'referral', null))?.amount === 125050, 'the spend did not reach the server');
    await waitUntil(() => categoryCells(el, 'Referral')[2] === '$1,250.50', 'the report did not re-read');
    // (300.00 − 1,250.50) / 1,250.50 = −76%; total spend 1,350 + 1,250.50.
    expect(categoryCells(el, 'Referral')).to.deep.equal(['1', '14.3%', '$1,250.50', '$1,250.50', '$300.00', '-76%']);
    expect(cellsOf(root(el).querySelector('tfoot tr'))[2]).to.equal('$2,600.50');
    expect(spendInput(el, 'Referral, whole category spend, March 2026')!.value).to.equal('1,250.50');
    await expect(el).to.be.accessible();
  });

  it('refuses an amount it cannot read, says why, and sends nothing', async () => {
    const el = await report();
    await openEditor(el);
    const input = spendInput(el, 'Fleet/Commercial, whole category spend, March 2026')!;
    await typeAmount(input, '12.345');
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(text(root(el).getElementById(input.getAttribute('aria-describedby')!))).to.equal('Use at most two decimals (cents).');
    expect(input.value).to.equal('12.345');
    expect((await serverSpend(server, 'fleet', null))!.amount).to.equal(25000);
    await expect(el).to.be.accessible();
  });

  it('shows a spend change made offline as pending, keeps the typed value, and confirms it once online', async () => {
    const adapter = server.client();
    const el = await report(adapter);
    await openEditor(el);
    server.faults.offline = true;
    const input = spendInput(el, 'Fleet/Commercial, whole category spend, March 2026')!;
    await typeAmount(input, '300');
    await waitUntil(() => /Waiting to send|Saving…|Not sent yet/.test(shadowText(el)), 'the change is not shown as pending');
    expect(spendInput(el, 'Fleet/Commercial, whole category spend, March 2026')!.value).to.equal('300');
    await expect(el).to.be.accessible();

    server.faults.offline = false;
    await adapter.outbox.flush();
    await waitUntil(async () => (await serverSpend(server, 'fleet', null))?.amount === 30000, 'the change did not reach the server');
    await waitUntil(() => !/Waiting to send|Saving…|Not sent yet/.test(shadowText(el)), 'still shown as pending');
    await waitUntil(() => categoryCells(el, 'Fleet/Commercial')[2] === '$300.00', 'the report did not re-read');
    expect((await serverSpend(server, 'fleet', null))!.version).to.equal(2);
  });

  it('keeps a spend change the failing server refused, says why, and sends it again on request', async () => {
    const adapter = server.client();
    const el = await report(adapter);
    await openEditor(el);
    server.faults.failing = true;
    await typeAmount(spendInput(el, 'Google (Internet) spend, March 2026')!, '275.25');
    await waitUntil(() => shadowText(el).includes('Not sent yet: The server had a problem (HTTP 503).'), 'no error shown');
    expect(spendInput(el, 'Google (Internet) spend, March 2026')!.value).to.equal('275.25');
    await expect(el).to.be.accessible();

    server.faults.failing = false;
    buttonNamed(el, 'Send now')!.click();
    await waitUntil(async () => (await serverSpend(server, 'internet', 's-goog'))?.amount === 27525, 'not sent again');
    await waitUntil(() => !shadowText(el).includes('Not sent yet'), 'the error stayed');
  });

  it('shows a conflicting spend change with the current amount and lets the user keep theirs', async () => {
    const el = await report();
    await openEditor(el);
    // Someone else changes the radio spend behind the widget's back.
    await server.backend.sources!.saveSpend({ month: '2026-03', categoryId: 'advertising', sourceId: 's-radio', amount: 70000, expectedVersion: 1 });
    await typeAmount(spendInput(el, 'Radio KJZ (Advertising) spend, March 2026')!, '650');
    await waitUntil(() => shadowText(el).includes('Someone else set this to $700.00.'), 'the conflict is not shown');
    expect(spendInput(el, 'Radio KJZ (Advertising) spend, March 2026')!.value).to.equal('650');
    expect((await serverSpend(server, 'advertising', 's-radio'))!.amount).to.equal(70000);
    await expect(el).to.be.accessible();

    buttonNamed(el, 'Keep mine')!.click();
    await waitUntil(async () => (await serverSpend(server, 'advertising', 's-radio'))?.amount === 65000, 'mine was not saved');
    await waitUntil(() => !shadowText(el).includes('Someone else'), 'the conflict stayed');
  });

  it('saves a new amount typed after a conflict over the current one', async () => {
    const el = await report();
    await openEditor(el);
    await server.backend.sources!.saveSpend({ month: '2026-03', categoryId: 'fleet', sourceId: null, amount: 26000, expectedVersion: 1 });
    const label = 'Fleet/Commercial, whole category spend, March 2026';
    await typeAmount(spendInput(el, label)!, '270');
    await waitUntil(() => shadowText(el).includes('Someone else set this to $260.00.'), 'the conflict is not shown');
    await typeAmount(spendInput(el, label)!, '280');
    await waitUntil(async () => (await serverSpend(server, 'fleet', null))?.amount === 28000, 'the new amount was not saved');
    await waitUntil(() => !shadowText(el).includes('Someone else'), 'the conflict stayed');
    expect((await serverSpend(server, 'fleet', null))!.version).to.equal(3);
  });

  it('works over an adapter without an outbox: a failed save keeps the typed value and Retry sends it', async () => {
    const backend = server.backend;
    const el = await report(backend);
    await openEditor(el);
    const original = backend.sources!.saveSpend;
    let failNext = true;
    backend.sources!.saveSpend = (...args) => {
      if (!failNext) return original(...args);
      failNext = false;
      return Promise.reject(new AdapterError({ kind: 'server', status: 500, message: 'boom' }));
    };
    try {
      await typeAmount(spendInput(el, 'City fleet (Fleet/Commercial) spend, March 2026')!, '80');
      await waitUntil(() => shadowText(el).includes('Not saved: The server had a problem (HTTP 500).'), 'the failure is not shown');
      expect(spendInput(el, 'City fleet (Fleet/Commercial) spend, March 2026')!.value).to.equal('80');
      await expect(el).to.be.accessible();
      buttonNamed(el, 'Retry')!.click();
      await waitUntil(async () => (await serverSpend(server, 'fleet', 's-fleet'))?.amount === 8000, 'the retry did not save');
      await waitUntil(() => !shadowText(el).includes('Not saved'), 'the failure stayed');
      expect(spendInput(el, 'City fleet (Fleet/Commercial) spend, March 2026')!.value).to.equal('80.00');
    } finally {
      backend.sources!.saveSpend = original;
    }
  });

  it('speaks Spanish: text, money, percentages and typed amounts', async () => {
    setLocale('es');
    try {
      const el = await report();
      expect(toggles(el).at(-1)!.textContent!.trim()).to.equal('Desconocido');
      expect(text(root(el).querySelector('thead'))).to.include('Clientes nuevos');
      const [count, share, spend] = categoryCells(el, 'Internet');
      expect(count).to.equal('3');
      expect(share).to.match(/^42,9\s%$/);
      expect(spend).to.match(/^500,00\s?US\$$/);
      buttonNamed(el, 'Editar gasto')!.click();
      const label = 'Gasto de Referral, toda la categoría, marzo de 2026';
      await waitUntil(() => spendInput(el, label), 'no Spanish spend editor');
      await typeAmount(spendInput(el, label)!, '1.250,50');
      await waitUntil(async () => (await serverSpend(server, 'referral', null))?.amount === 125050, 'the Spanish amount was not saved');
    } finally {
      setLocale(null);
    }
  });

  it('names the chart\'s bars and series in the widget\'s own language', async () => {
    const el = await fixture<FcSourceReport>(html`<fc-source-report .adapter=${server.client()} today="2026-03-17" locale="es"></fc-source-report>`);
    await loaded(el);
    const chart = await chartWith(el, [...CATEGORIES.slice(0, -1), 'Desconocido']);
    expect(chart.data.datasets[0]!.label).to.equal('Clientes nuevos');
    buttonNamed(el, 'Gasto e ingresos')!.click();
    const money = await chartWith(el, [...CATEGORIES.slice(0, -1), 'Desconocido'], (c) => c.data.datasets.length === 2);
    expect(money.data.datasets.map((d) => d.label)).to.deep.equal(['Gasto en marketing', 'Ingresos']);
    await expect(el).to.be.accessible();
  });

  it('shows a load failure with Retry, then the report', async () => {
    server.faults.failing = true;
    const el = await fixture<FcSourceReport>(html`<fc-source-report .adapter=${server.client()} today="2026-03-17"></fc-source-report>`);
    await waitUntil(() => shadowText(el).includes('The server had a problem (HTTP 503).'), 'no error shown');
    await expect(el).to.be.accessible();
    server.faults.failing = false;
    root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await loaded(el);
    expect(categoryCells(el, 'Internet')[0]).to.equal('3');
  });

  it('shows loading, then an empty month with its categories', async () => {
    server.faults.latencyMs = 300;
    const el = await fixture<FcSourceReport>(
      html`<fc-source-report .adapter=${server.client()} today="2026-03-17" from="2026-05-01" to="2026-05-31"></fc-source-report>`,
    );
    expect(shadowText(el)).to.include('Loading…');
    await expect(el).to.be.accessible();
    await loaded(el);
    expect(shadowText(el)).to.include('No new customers in this range.');
    expect(root(el).querySelectorAll('[part="chart"]').length).to.equal(0);
    expect(categoryCells(el, 'Internet')).to.deep.equal(['0', '0%', '$0.00', '—no new customers', '$0.00', '—no spend']);
    expect(shadowText(el)).not.to.match(/NaN|Infinity/);
    await expect(el).to.be.accessible();
  });

  it('says so when the host does not provide customer sources', async () => {
    const el = await fixture<FcSourceReport>(html`<fc-source-report .adapter=${server.client({ parts: ['customers'] })}></fc-source-report>`);
    expect(shadowText(el)).to.include('This host does not provide customer sources.');
    expect(buttonNamed(el, 'Edit spend') === undefined, 'Edit spend is offered').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('refuses a reversed date range without asking the server, and reads a valid one', async () => {
    const adapter = server.client();
    const el = await report(adapter);
    let calls = 0;
    const original = adapter.sources!.report;
    adapter.sources!.report = (...args) => (calls++, original(...args));
    const from = root(el).querySelector<HTMLInputElement>('input[name="from"]')!;
    const to = root(el).querySelector<HTMLInputElement>('input[name="to"]')!;
    from.value = '2026-03-20';
    to.value = '2026-03-10';
    to.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(root(el).querySelector('[role="alert"]'))).to.equal('The start date is after the end date.');
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    expect(calls).to.equal(0);
    expect(el.from).to.equal('');
    await expect(el).to.be.accessible();

    to.value = '2026-03-31';
    const changed = oneEvent(el, 'fc-range-change');
    to.dispatchEvent(new Event('change'));
    expect((await changed).detail).to.deep.equal({ from: '2026-03-20', to: '2026-03-31' });
    await waitUntil(() => text(root(el).querySelector('caption')).includes('Mar 20, 2026'), 'the new range was not read');
    expect(calls).to.be.greaterThan(0);
    expect(root(el).querySelectorAll('[role="alert"]').length).to.equal(0);
    // Customers c1..c7 first came on March 5, before the range.
    expect(shadowText(el)).to.include('No new customers in this range.');
  });
});
