import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/sms-summary/fc-sms-summary.js';
import '../../src/components/sms-history/fc-sms-history.js';
import type { FcSmsSummary } from '../../src/components/sms-summary/fc-sms-summary.js';
import type { Chart } from '../../src/components/shared/charts/chart-engine.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { clickChart, drawnChart } from './chart-rig.js';
import { setLocale } from '../../src/components/shared/messages.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { TEMPLATE_RISK_ADVICE } from '../../src/data/logic/sms-templates.js';
import type { Dataset, SmsDirection, SmsFilter, SmsMessage, SmsProvider, SmsStatus } from '../../src/data/model.js';
import { closeClients, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';

const XSS = '<img src=x onerror=alert(1)>';
const STORE = '+13125550100';
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

/**
 * One sending number, November 2026 against Oct 1–Oct 31 (America/Chicago; every text at 11:00 local).
 *   November: 10 in; 24 out = 18 delivered + 4 failed 4770 (Bandwidth, carrier-filtered)
 *     + 2 undelivered 30003 (Twilio, landline-or-unreachable). Delivery rate 18/24 = 75%.
 *   October 1–30: 10 in; 20 out = (20 − k) delivered + k failed 4770; rate (20 − k)/20.
 *   December 1: one failed 4770, outside both periods.
 * With k = 1: out +20% (24 vs 20), delivered −5.3% (18 vs 19, worse), failed +500% (6 vs 1, worse),
 *   rate −20 points (75% vs 95%, worse); the number's filtered share 4/24 = 16.7% is over 2 × 5%: flagged.
 * With k = 3: delivered +5.9% (18 vs 17, better), failed +100% (6 vs 3), rate −10 points (75% vs 85%);
 *   16.7% is under 2 × 15%: not flagged.
 */
function smsDataset({ number = STORE, previousFiltered = 1 } = {}): Dataset {
  const base = generateDataset({ size: 'small', today: '2026-11-17', smsCount: 0 });
  let n = 0;
  const sms: SmsMessage[] = [];
  const add = (count: number, day: string, direction: SmsDirection, status: SmsStatus, errorCode: string | null = null, provider: SmsProvider = 'bandwidth') => {
    for (let i = 0; i < count; i++) {
      const outbound = direction === 'outbound';
      sms.push({
        id: `m${++n}`,
        provider,
        direction,
        from: outbound ? number : '+15555550123',
        to: outbound ? '+15555550123' : number,
        body: `Your car is ready ${XSS}`,
        status,
        errorCode,
        sentAt: `${day}T17:00:00.000Z`,
        segments: 1,
        employeeId: null,
        employeeName: null,
        customerId: null,
        customerName: XSS,
      });
    }
  };
  add(10, '2026-10-03', 'inbound', 'received');
  add(20 - previousFiltered, '2026-10-05', 'outbound', 'delivered');
  add(previousFiltered, '2026-10-06', 'outbound', 'failed', '4770');
  add(10, '2026-11-03', 'inbound', 'received');
  add(18, '2026-11-05', 'outbound', 'delivered');
  add(4, '2026-11-06', 'outbound', 'failed', '4770');
  add(2, '2026-11-07', 'outbound', 'undelivered', '30003', 'twilio');
  add(1, '2026-12-01', 'outbound', 'failed', '4770');
  return { ...base, sms };
}

/**
 * A campaign: on Nov 10 from 9:00 to 10:12 AM Chicago (15:00–16:12 UTC), one number sent the same
 * text to 25 customers, one every 3 minutes; 5 of them (every fifth) failed 4770 (carrier-filtered).
 * Also 3 texts of another template: no risk.
 */
function campaignDataset(body = (name: string) => `Hi ${name}, your winter service is due. Book at https://dlr.example.com/book and save $25.`): Dataset {
  const base = generateDataset({ size: 'small', today: '2026-11-17', smsCount: 0 });
  const sms: SmsMessage[] = [];
  const names = ['Ana', 'Ben', 'Cara', 'Dev', 'Eli'];
  for (let i = 0; i < 28; i++) {
    const risky = i < 25;
    const failed = risky && i % 5 === 4;
    const name = `${names[i % 5]} Doe${i}`;
    sms.push({
      id: `c${i + 1}`,
      provider: 'bandwidth',
      direction: 'outbound',
      from: STORE,
      to: `+1555555${String(1000 + i)}`,
      body: risky ? body(names[i % 5]!) : `Thanks ${names[i % 5]}, see you soon at the service desk.`,
      status: failed ? 'failed' : 'delivered',
      errorCode: failed ? '4770' : null,
      sentAt: new Date(Date.parse('2026-11-10T15:00:00Z') + i * 3 * 60_000).toISOString(),
      segments: 1,
      employeeId: null,
      employeeName: null,
      customerId: null,
      customerName: name,
    });
  }
  return { ...base, sms };
}

const root = (el: FcSmsSummary) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const sentences = (el: FcSmsSummary) => [...root(el).querySelectorAll('[part="metric"] .fc-visually-hidden')].map(text);
/** What the eye reads on a tile (the part hidden from screen readers). */
const tile = (el: FcSmsSummary, label: string) =>
  [...root(el).querySelectorAll('[part="metric"]')].find((m) => text(m.querySelector('.label')) === label);
const seen = (el: FcSmsSummary, label: string) => text(tile(el, label)?.querySelector('[aria-hidden="true"]'));
const categoryButtons = (el: FcSmsSummary) => [...root(el).querySelectorAll<HTMLButtonElement>('[part="category-button"]')];
const rowCells = (el: FcSmsSummary) =>
  [...root(el).querySelectorAll('[part="table"] tbody tr')].map((tr) => [text(tr.querySelector('th')), ...[...tr.querySelectorAll('td')].map(text)]);
const barsChart = (el: FcSmsSummary) => drawnChart(root(el), 'canvas.errors-chart');
const trendChart = (el: FcSmsSummary, ready?: (chart: Chart) => boolean) => drawnChart(root(el), 'canvas.trend-chart', ready);
const token = (el: FcSmsSummary, name: string) => getComputedStyle(el).getPropertyValue(name).trim();
/** Dataset `i`'s values, one a day. */
const ys = (chart: Chart, i: number) => (chart.data.datasets[i]!.data as { y: number }[]).map((p) => p.y);
/** A month of zeros with some days set (day of the month → figure). */
const month = (days: Record<number, number>) => Array.from({ length: 30 }, (_, i) => days[i + 1] ?? 0);
const legendButtons = (el: FcSmsSummary) => [...root(el).querySelectorAll<HTMLButtonElement>('[part="trend"] .fc-chart-legend__item')];
const trendRows = (el: FcSmsSummary) => [...root(el).querySelectorAll<HTMLTableRowElement>('[part="trend-table"] tbody tr')];
const cells = (tr: Element) => [text(tr.querySelector('th')), ...[...tr.querySelectorAll('td')].map(text)];
const loaded = (el: FcSmsSummary) => waitUntil(() => root(el).querySelector('[part="metrics"], [part~="empty"]'), 'the summary did not load', { timeout: 10_000 });

/** A client whose `sms.summary` calls are recorded. */
function recorded(server: DemoServer): { client: CachedAdapter; calls: SmsFilter[] } {
  const client = server.client();
  const calls: SmsFilter[] = [];
  const sms = client.sms!;
  const real = sms.summary.bind(sms);
  sms.summary = (filter, opts) => {
    calls.push(filter);
    return real(filter, opts);
  };
  return { client, calls };
}

describe('fc-sms-summary', () => {
  let server: DemoServer;

  afterEach(async () => {
    if (server) {
      server.faults.offline = false;
      server.faults.failing = false;
      server.faults.latencyMs = 0;
    }
    setLocale(null);
    await executeServerCommand('emulate-forced-colors', { active: false });
    await closeClients();
  });

  async function summary(filter: SmsFilter = NOVEMBER, adapter = server.client()): Promise<FcSmsSummary> {
    const el = await fixture<FcSmsSummary>(html`<fc-sms-summary .adapter=${adapter} .filter=${filter} time-zone="America/Chicago"></fc-sms-summary>`);
    await loaded(el);
    return el;
  }

  describe('with a rising filtered share', () => {
    beforeEach(async () => {
      server = await startDemoServer(smsDataset());
    });

    it('compares every figure with the same range a month earlier, in arrows, percentages and words', async () => {
      const el = await summary();
      expect(text(root(el).querySelector('.range'))).to.equal('Nov 1–Nov 30, 2026, compared with all of October 2026');
      expect(sentences(el)).to.deep.equal([
        'Texts in: 10, no change from Oct 1–Oct 31.',
        'Texts out: 24, up 20% from 20 in Oct 1–Oct 31.',
        'Delivered: 18, down 5.3% from 19 in Oct 1–Oct 31 (worse).',
        'Failed: 6, up 500% from 1 in Oct 1–Oct 31 (worse).',
        'Delivery rate: 75%, down 20 percentage points from 95% in Oct 1–Oct 31 (worse).',
      ]);
      expect(seen(el, 'Texts in')).to.equal('Texts in 10 no change Oct 1–Oct 31: 10');
      expect(seen(el, 'Texts out')).to.equal('Texts out 24 ▲ 20% Oct 1–Oct 31: 20');
      expect(seen(el, 'Failed')).to.equal('Failed 6 ▲ 500% worse Oct 1–Oct 31: 1');
      expect(seen(el, 'Delivery rate')).to.equal('Delivery rate 75% ▼ 20 pts worse Oct 1–Oct 31: 95%');
      // Colour repeats the words: worse tiles are marked bad, a rise in texts is neither.
      expect(tile(el, 'Failed')!.classList.contains('bad')).to.equal(true);
      expect(tile(el, 'Texts out')!.classList.contains('neutral')).to.equal(true);
      expect(shadowText(el)).not.to.match(/NaN|Infinity|undefined|null/);
      await expect(el).to.be.accessible();
    });

    it('lists errors by category in a table and a bar chart that agree', async () => {
      const el = await summary();
      expect(text(root(el).querySelector('[part="table"] caption'))).to.equal('Errors by category, Nov 1–Nov 30, 2026 compared with Oct 1–Oct 31');
      expect(rowCells(el)).to.deep.equal([
        ['Filtered or blocked by carrier', '4', '1', '▲ up 300% (worse)'],
        ['Landline or unreachable', '2', '0', '▲ up from 0 (worse)'],
      ]);
      const chart = await barsChart(el);
      expect(chart.options.indexAxis).to.equal('y');
      // The table's names and order; a long name wraps onto lines rather than being cut off.
      expect(chart.data.labels).to.deep.equal([['Filtered or', 'blocked by', 'carrier'], ['Landline or', 'unreachable']]);
      expect(categoryButtons(el).map(text)).to.deep.equal((chart.data.labels as string[][]).map((l) => l.join(' ')));
      expect(chart.data.datasets).to.have.length(1);
      expect(chart.data.datasets[0]!.data).to.deep.equal([4, 2]);
      expect(chart.data.datasets[0]!.backgroundColor).to.equal(token(el, '--_fc-color-accent'));
      const canvas = root(el).querySelector('[part="chart"] canvas')!;
      expect(canvas.getAttribute('role')).to.equal('img');
      expect(canvas.getAttribute('aria-label')).to.equal(
        'Bar chart of errors by category in this period: Filtered or blocked by carrier 4, Landline or unreachable 2. The table “Errors by category” has the same figures.',
      );
      // One series: no legend for the bars.
      expect(root(el).querySelector('[part="errors"] .fc-chart-legend')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('warns about the number carriers may be blocking, as static text under a heading', async () => {
      const el = await summary();
      const warning = root(el).querySelector('[part="blocking"]')!;
      expect(text(warning.querySelector('h3'))).to.equal('Warning: carriers may be blocking texts');
      expect(warning.querySelector('h3 svg')!.getAttribute('aria-hidden')).to.equal('true');
      expect(text(warning.querySelector('li'))).to.equal(
        '+13125550100: 4 of 24 texts sent (16.7%) were filtered or blocked by carriers, up from 5% in Oct 1–Oct 31.',
      );
      expect(text(warning.querySelector('p:not(.blocked-days)'))).to.include('Update your templates regularly and type a different message to each customer');
      expect(root(el).querySelectorAll('[role="alert"], [aria-live="assertive"]').length).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('fires fc-sms-category-select from the table by keyboard', async () => {
      const el = await summary();
      const chosen: string[] = [];
      el.addEventListener('fc-sms-category-select', (e) => chosen.push(e.detail.category));
      categoryButtons(el)[0]!.focus();
      await sendKeys({ press: 'Enter' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Space' });
      categoryButtons(el)[0]!.click();
      expect(chosen).to.deep.equal(['carrier-filtered', 'landline-or-unreachable', 'carrier-filtered']);
      const event = await (async () => {
        setTimeout(() => categoryButtons(el)[1]!.click());
        return oneEvent(el, 'fc-sms-category-select');
      })();
      expect(event.bubbles && event.composed).to.equal(true);
    });

    it('fires fc-sms-category-select from a click on a bar', async () => {
      const el = await summary();
      const chart = await barsChart(el);
      const selected = oneEvent(el, 'fc-sms-category-select');
      await clickChart(chart, 0, 1);
      expect((await selected).detail).to.deep.equal({ category: 'landline-or-unreachable' });
    });

    it('shows a bar’s tooltip while its table row has focus', async () => {
      const el = await summary();
      const chart = await barsChart(el);
      categoryButtons(el)[1]!.focus();
      expect(chart.tooltip!.getActiveElements().map((a) => [a.datasetIndex, a.index])).to.deep.equal([[0, 1]]);
      expect(chart.tooltip!.title).to.deep.equal(['Landline or unreachable']);
      expect(chart.tooltip!.body.flatMap((b) => b.lines)).to.deep.equal(['This period: 2']);
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(chart.tooltip!.getActiveElements().map((a) => a.index)).to.deep.equal([0]);
      categoryButtons(el)[0]!.blur();
      expect(chart.tooltip!.getActiveElements()).to.deep.equal([]);
    });

    it('draws the daily trend: four lines this period, the same four dashed for the same days a month earlier', async () => {
      const el = await summary();
      const chart = await trendChart(el);
      expect(chart.data.datasets.map((d) => d.label)).to.deep.equal([
        'Texts in',
        'Texts out',
        'Delivered',
        'Failed',
        'Texts in, previous period',
        'Texts out, previous period',
        'Delivered, previous period',
        'Failed, previous period',
      ]);
      expect(chart.data.datasets.map((d) => (d as { borderDash?: number[] }).borderDash ?? [])).to.deep.equal([[], [], [], [], [6, 4], [6, 4], [6, 4], [6, 4]]);
      const x = chart.options.scales!.x as { type: string; time: { unit: string } };
      expect([x.type, x.time.unit]).to.deep.equal(['time', 'day']);
      for (const d of chart.data.datasets) expect([(d as { parsing?: boolean }).parsing, (d as { normalized?: boolean }).normalized]).to.deep.equal([false, true]);
      // Every day of November at its UTC midnight, and October's days drawn over the same November days.
      const xs = (i: number) => (chart.data.datasets[i]!.data as { x: number }[]).map((p) => p.x);
      expect(xs(0)).to.deep.equal(Array.from({ length: 30 }, (_, i) => Date.UTC(2026, 10, 1 + i)));
      expect(xs(5)).to.deep.equal(xs(0));
      // By hand from the fixture: Nov 3 10 in; Nov 5 18 delivered; Nov 6 4 failed (4770); Nov 7 2 undelivered (30003).
      expect(ys(chart, 0)).to.deep.equal(month({ 3: 10 }));
      expect(ys(chart, 1)).to.deep.equal(month({ 5: 18, 6: 4, 7: 2 }));
      expect(ys(chart, 2)).to.deep.equal(month({ 5: 18 }));
      expect(ys(chart, 3)).to.deep.equal(month({ 6: 4, 7: 2 }));
      // Oct 3 10 in; Oct 5 19 delivered; Oct 6 1 failed.
      expect(ys(chart, 4)).to.deep.equal(month({ 3: 10 }));
      expect(ys(chart, 5)).to.deep.equal(month({ 5: 19, 6: 1 }));
      expect(ys(chart, 6)).to.deep.equal(month({ 5: 19 }));
      expect(ys(chart, 7)).to.deep.equal(month({ 6: 1 }));
      // Lines differ by their marks too, not by colour alone.
      expect(chart.data.datasets.slice(0, 3).map((d) => (d as { pointStyle?: unknown }).pointStyle)).to.deep.equal(['circle', 'rect', 'triangle']);
      expect(root(el).querySelector('canvas.trend-chart')!.getAttribute('aria-label')).to.equal(
        'Line chart of texts per day, Nov 1–Nov 30, 2026, with the same days of Oct 1–Oct 31 as dashed lines. This period: texts in 10, texts out 24, delivered 18, failed 6. ' +
          'Days marked ✕ on the Failed line, when carriers filtered or blocked texts: Nov 6. The table “Figures per day” has every day’s figures.',
      );
      await expect(el).to.be.accessible();
    });

    it('marks the days carrier blocking names on the failed line, in the warning and in the table', async () => {
      const el = await summary();
      const chart = await trendChart(el);
      const failed = chart.data.datasets[3] as unknown as { pointStyle: string[]; pointRadius: number[] };
      expect(failed.pointStyle.flatMap((style, i) => (style === 'crossRot' ? [i + 1] : []))).to.deep.equal([6]);
      expect(failed.pointStyle[6]).to.equal('rectRot');
      expect(failed.pointRadius[5]! > failed.pointRadius[6]!).to.equal(true);
      expect(text(root(el).querySelector('[part="blocking"] .blocked-days'))).to.equal(
        'Carriers filtered or blocked texts on Nov 6; the daily trend marks these days with ✕ on the Failed line.',
      );
      root(el).querySelector('details')!.open = true;
      await waitUntil(() => trendRows(el).length > 0, 'the table of days did not open');
      const rows = trendRows(el);
      expect(rows).to.have.length(30);
      expect(cells(rows[5]!)).to.deep.equal(['Nov 6 ✕ filtered or blocked by carriers', '0', '4', '0', '4', 'Oct 6', '0', '1', '0', '1']);
      expect(cells(rows[6]!)).to.deep.equal(['Nov 7', '0', '2', '0', '2', 'Oct 7', '0', '0', '0', '0']);
      expect(rows.filter((r) => r.querySelector('.blocked-mark')).length).to.equal(1);
      // The tooltip of a blocked day says so in words.
      rows[5]!.focus();
      expect(chart.tooltip!.body.flatMap((b) => b.lines)).to.include('Failed: 4 (filtered or blocked by carriers)');
      await expect(el).to.be.accessible();
    });

    it('has a table of every day, whose focused row shows the day’s tooltip', async () => {
      const el = await summary();
      const chart = await trendChart(el);
      const details = root(el).querySelector('details')!;
      expect(text(details.querySelector('summary'))).to.equal('Figures per day');
      expect(text(root(el).querySelector('[part="trend-table"] caption'))).to.equal('Texts per day, Nov 1–Nov 30, 2026, and the same days of Oct 1–Oct 31');
      details.querySelector('summary')!.focus();
      // Closed, the table has its headings but no rows: a long range has hundreds of days.
      expect(trendRows(el)).to.have.length(0);
      await sendKeys({ press: 'Enter' });
      expect(details.open).to.equal(true);
      await waitUntil(() => trendRows(el).length === 30, 'the table of days did not open');
      expect(cells(trendRows(el)[4]!)).to.deep.equal(['Nov 5', '0', '18', '18', '0', 'Oct 5', '0', '19', '19', '0']);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement).to.equal(trendRows(el)[1]);
      expect(chart.tooltip!.getActiveElements().map((a) => [a.datasetIndex, a.index])).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7].map((d) => [d, 1]));
      expect(chart.tooltip!.title).to.deep.equal(['Nov 2, 2026']);
      expect(chart.tooltip!.body.flatMap((b) => b.lines)).to.include('Texts out, previous period (Oct 2): 0');
      await expect(el).to.be.accessible();
      trendRows(el)[1]!.blur();
      expect(chart.tooltip!.getActiveElements()).to.deep.equal([]);
    });

    it('toggles a series from its legend button', async () => {
      const el = await summary();
      const chart = await trendChart(el);
      await waitUntil(() => legendButtons(el).length === 8, 'no legend');
      const out = legendButtons(el)[1]!;
      expect(text(out)).to.equal('Texts out');
      expect(out.getAttribute('aria-pressed')).to.equal('true');
      out.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(chart.isDatasetVisible(1)).to.equal(false);
      expect(legendButtons(el)[1]!.getAttribute('aria-pressed')).to.equal('false');
      // The previous period's dashed line has its own button, and stays shown.
      expect(text(legendButtons(el)[5])).to.equal('Texts out, previous period');
      expect(chart.isDatasetVisible(5)).to.equal(true);
      await expect(el).to.be.accessible();
      legendButtons(el)[1]!.click();
      await el.updateComplete;
      expect(chart.isDatasetVisible(1)).to.equal(true);
      expect(legendButtons(el)[1]!.getAttribute('aria-pressed')).to.equal('true');
    });

    it('filters the history when a bar is clicked inside fc-sms-history', async () => {
      const data = smsDataset();
      const history = await fixture<HTMLElement & { rowsReady(): Promise<void>; rowCount: number }>(
        html`<fc-sms-history .adapter=${createMemoryAdapter(data)} filter="from=2026-11-01&to=2026-11-30" time-zone="America/Chicago"></fc-sms-history>`,
      );
      await history.rowsReady();
      const inner = history.shadowRoot!.querySelector('fc-sms-summary')!;
      await loaded(inner);
      const chart = await barsChart(inner);
      const change = oneEvent(history, 'fc-sms-filter-change');
      await clickChart(chart, 0, 0);
      expect((await change).detail.value.errorCategory).to.equal('carrier-filtered');
      await history.rowsReady();
      expect(history.rowCount).to.equal(4);
    });

    it('draws both charts in the dark theme’s colours, and in system colours under forced colours', async () => {
      const el = await summary();
      const light = token(el, '--_fc-color-accent');
      await trendChart(el, (c) => c.data.datasets[1]!.borderColor === light);
      el.setAttribute('theme', 'dark');
      const dark = token(el, '--_fc-color-accent');
      expect(dark).not.to.equal(light);
      const trend = await trendChart(el, (c) => c.data.datasets[1]!.borderColor === dark);
      await barsChart(el).then((c) => waitUntil(() => c.data.datasets[0]!.backgroundColor === dark, 'bars not redrawn dark'));
      expect(trend.data.datasets[3]!.borderColor).to.equal(token(el, '--_fc-color-bad'));
      // Buttons ease into their dark colours: check contrast once they are there.
      await Promise.all(root(el).getAnimations().map((a) => a.finished));
      await expect(el).to.be.accessible();

      el.removeAttribute('theme');
      await executeServerCommand('emulate-forced-colors', { active: true });
      const forced = await trendChart(el, (c) => c.data.datasets[1]!.borderColor === 'Highlight');
      expect(forced.data.datasets.map((d) => d.borderColor)).to.deep.equal(['CanvasText', 'Highlight', 'CanvasText', 'CanvasText', 'CanvasText', 'Highlight', 'CanvasText', 'CanvasText']);
      // Without colour, the marks, the dashes, the ✕ and the legend's names still tell the lines apart.
      expect((forced.data.datasets[7] as { borderDash?: number[] }).borderDash).to.deep.equal([6, 4]);
      expect((forced.data.datasets[3] as unknown as { pointStyle: string[] }).pointStyle[5]).to.equal('crossRot');
      await barsChart(el).then((c) => waitUntil(() => c.data.datasets[0]!.backgroundColor === 'Highlight', 'bars not in system colours'));
      await Promise.all(root(el).getAnimations().map((a) => a.finished));
      await expect(el).to.be.accessible();
    });

    it('reads again when the filter changes and when the cache says SMS data changed', async () => {
      const { client, calls } = recorded(server);
      const el = await summary(NOVEMBER, client);
      expect(calls).to.deep.equal([NOVEMBER]);

      el.filter = { ...NOVEMBER, direction: 'inbound' };
      await waitUntil(() => sentences(el)[3] === 'Failed: 0, no change from Oct 1–Oct 31.', 'the new filter was not shown');
      expect(calls.at(-1)).to.deep.equal({ ...NOVEMBER, direction: 'inbound' });
      expect(sentences(el)[4]).to.equal('Delivery rate: none this period, none in Oct 1–Oct 31.');
      expect(text(root(el).querySelector('.no-errors'))).to.equal('No errors in Nov 1–Nov 30, 2026.');
      expect(root(el).querySelectorAll('[part="chart"]').length).to.equal(0);
      await expect(el).to.be.accessible();

      const before = calls.length;
      client.dispatchEvent(new CustomEvent('fc-cache-change', { detail: { domains: ['leads'], origin: 'revalidate' } }));
      await el.updateComplete;
      expect(calls.length).to.equal(before);
      client.dispatchEvent(new CustomEvent('fc-cache-change', { detail: { domains: ['sms'], origin: 'revalidate' } }));
      await waitUntil(() => calls.length === before + 1, 'no read after the cache change');
    });

    it('takes the range from the from/to attributes, and says when there is no data a month earlier', async () => {
      const el = await fixture<FcSmsSummary>(
        html`<fc-sms-summary .adapter=${server.client()} from="2026-10-01" to="2026-10-30"></fc-sms-summary>`,
      );
      await loaded(el);
      expect(sentences(el)).to.deep.equal([
        'Texts in: 10, no data for Sep 1–Sep 30.',
        'Texts out: 20, no data for Sep 1–Sep 30.',
        'Delivered: 19, no data for Sep 1–Sep 30.',
        'Failed: 1, no data for Sep 1–Sep 30.',
        'Delivery rate: 95%, no data for Sep 1–Sep 30.',
      ]);
      expect(seen(el, 'Failed')).to.equal('Failed 1 no data last period');
      expect(rowCells(el)).to.deep.equal([['Filtered or blocked by carrier', '1', 'none', 'no data last period']]);
      await expect(el).to.be.accessible();
    });

    it('reads this month in its time zone by default, up to today', async () => {
      // Nov 30, 12:00 UTC is already Dec 1 at UTC+14, and still Nov 30 in Chicago.
      const { client, calls } = recorded(server);
      const el = await fixture<FcSmsSummary>(
        html`<fc-sms-summary .adapter=${client} time-zone="Pacific/Kiritimati" now="2026-11-30T12:00:00Z"></fc-sms-summary>`,
      );
      await loaded(el);
      expect(calls).to.deep.equal([{ from: '2026-12-01', to: '2026-12-01' }]);
      el.timeZone = 'America/Chicago';
      await loaded(el);
      await waitUntil(() => calls.length === 2, 'the zone change was not read', { timeout: 5000 });
      expect(calls[1]).to.deep.equal(NOVEMBER);
    });

    it("reads this month and today in the dealer profile's zone, not the viewer's, when no time-zone is set", async () => {
      const before = Intl.DateTimeFormat().resolvedOptions().timeZone;
      await executeServerCommand('emulate-timezone', { timezoneId: 'Asia/Tokyo' });
      // Noon of Dec 1 in Tokyo is 9 PM of Nov 30 in Chicago, the dealer's zone: this month is still November there.
      try {
        expect(server.dataset.dealer.zone).to.equal('America/Chicago');
        const { client, calls } = recorded(server);
        const el = await fixture<FcSmsSummary>(html`<fc-sms-summary .adapter=${client} now="2026-12-01T03:00:00Z"></fc-sms-summary>`);
        await loaded(el);
        expect(calls).to.deep.equal([NOVEMBER]);
        expect(text(root(el).querySelector('.range'))).to.equal('Nov 1–Nov 30, 2026, compared with all of October 2026');
        await expect(el).to.be.accessible();
      } finally {
        await executeServerCommand('emulate-timezone', { timezoneId: before });
      }
    });

    it('compares the days of a range that have happened with the same days a month earlier', async () => {
      // Today is November 20 in Chicago: November 1–30 is November 1–20 against October 1–20.
      const { client, calls } = recorded(server);
      const el = await fixture<FcSmsSummary>(
        html`<fc-sms-summary .adapter=${client} time-zone="America/Chicago" now="2026-11-20T18:00:00Z" .filter=${NOVEMBER}></fc-sms-summary>`,
      );
      await loaded(el);
      expect(calls).to.deep.equal([{ from: '2026-11-01', to: '2026-11-20' }]);
      expect(text(root(el).querySelector('.range'))).to.equal('Nov 1–Nov 20, 2026, compared with Oct 1–Oct 20, 2026');
      await expect(el).to.be.accessible();
    });

    it('shows loading, then an empty range with the range named', async () => {
      server.faults.latencyMs = 400;
      const el = await fixture<FcSmsSummary>(html`<fc-sms-summary .adapter=${server.client()} .filter=${{ from: '2026-01-01', to: '2026-01-31' }}></fc-sms-summary>`);
      expect(root(el).querySelector('[part~="loading"]')).to.exist;
      expect(shadowText(el)).to.include('Loading…');
      await expect(el).to.be.accessible();
      await loaded(el);
      expect(text(root(el).querySelector('[part~="empty"]'))).to.equal('No texts in Jan 1–Jan 31, 2026.');
      expect(root(el).querySelectorAll('[part="metric"], [part="chart"]').length).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('shows a load failure with the reason and Retry, then the summary', async () => {
      server.faults.failing = true;
      const el = await fixture<FcSmsSummary>(html`<fc-sms-summary .adapter=${server.client()} .filter=${NOVEMBER}></fc-sms-summary>`);
      await waitUntil(() => shadowText(el).includes('The server had a problem (HTTP 503).'), 'no error shown');
      await expect(el).to.be.accessible();
      server.faults.failing = false;
      root(el).querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
      await loaded(el);
      expect(sentences(el)[3]).to.equal('Failed: 6, up 500% from 1 in Oct 1–Oct 31 (worse).');
    });

    it('says so when the host does not provide SMS history, or gives no adapter', async () => {
      const el = await fixture<FcSmsSummary>(html`<fc-sms-summary .adapter=${server.client({ parts: ['sources'] })}></fc-sms-summary>`);
      expect(text(root(el).querySelector('[part~="unsupported"]'))).to.equal('This host does not provide SMS history.');
      await expect(el).to.be.accessible();
      const bare = await fixture<FcSmsSummary>(html`<fc-sms-summary></fc-sms-summary>`);
      expect(text(root(bare).querySelector('[part~="unsupported"]'))).to.equal('This host does not provide SMS history.');
    });

    it('refuses a reversed range without asking the server', async () => {
      const { client, calls } = recorded(server);
      const el = await fixture<FcSmsSummary>(html`<fc-sms-summary .adapter=${client} .filter=${{ from: '2026-11-30', to: '2026-11-01' }}></fc-sms-summary>`);
      await el.updateComplete;
      expect(text(root(el).querySelector('[part~="error"]'))).to.equal('The start date is after the end date.');
      expect(calls.length).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('speaks Spanish', async () => {
      setLocale('es');
      const el = await summary();
      expect(sentences(el)[3]).to.equal('Fallidos: 6, sube 500 % desde 1 en 1 oct–31 oct (peor).');
      expect(text(root(el).querySelector('[part="blocking"] h3'))).to.equal('Aviso: es posible que los operadores estén bloqueando mensajes');
      await expect(el).to.be.accessible();
    });
  });

  describe('with a steady filtered share', () => {
    beforeEach(async () => {
      server = await startDemoServer(smsDataset({ previousFiltered: 3 }));
    });

    it('shows no blocking warning, and says when a change is for the better', async () => {
      const el = await summary();
      expect(root(el).querySelector('[part="blocking"]')).to.equal(null);
      expect(sentences(el).slice(2)).to.deep.equal([
        'Delivered: 18, up 5.9% from 17 in Oct 1–Oct 31 (better).',
        'Failed: 6, up 100% from 3 in Oct 1–Oct 31 (worse).',
        'Delivery rate: 75%, down 10 percentage points from 85% in Oct 1–Oct 31 (worse).',
      ]);
      expect(tile(el, 'Delivered')!.classList.contains('good')).to.equal(true);
      expect(rowCells(el)[0]).to.deep.equal(['Filtered or blocked by carrier', '4', '3', '▲ up 33.3% (worse)']);
      // No warning, no marked day: the failed line keeps its one mark, and no row is marked.
      const chart = await trendChart(el);
      expect((chart.data.datasets[3] as { pointStyle?: unknown }).pointStyle).to.equal('rectRot');
      expect(root(el).querySelector('.blocked-mark, .blocked-days')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('with a template sent to many customers in a morning', () => {
    beforeEach(async () => {
      server = await startDemoServer(campaignDataset());
    });

    const panel = (el: FcSmsSummary) => root(el).querySelector('[part~="templates"]');
    const panelLoaded = async (el: FcSmsSummary) => {
      await waitUntil(() => panel(el), 'the template panel did not load');
      return panel(el)!;
    };

    it('names the number, the template, its busiest day and its failures, with examples behind a disclosure and the advice', async () => {
      const el = await summary();
      const section = await panelLoaded(el);
      expect(section.getAttribute('aria-labelledby')).to.equal('templates-heading');
      expect(text(section.querySelector('h3'))).to.equal('Warning: texts that look like bulk messages');
      const items = [...section.querySelectorAll('[part="template"]')];
      expect(items.length).to.equal(1);
      const item = items[0]!;
      expect(text(item.querySelector('.number'))).to.equal(STORE);
      expect(text(item.querySelector('.template-text'))).to.equal('Template: Hi {name}, your winter service is due. Book at {link} and save {amount}.');
      expect(text(item)).to.include('25 customers within a day (Nov 10, 2026, 9:00 – 10:12 AM)');
      expect(text(item)).to.include('25 texts to 25 customers in this period; 5 failed, 5 filtered or blocked by carriers.');
      // Examples are behind a closed disclosure, as sent.
      const details = item.querySelector('details')!;
      expect(details.open).to.equal(false);
      expect(text(details.querySelector('summary'))).to.equal('3 examples as sent');
      expect([...details.querySelectorAll('li')].map(text)[0]).to.equal('Hi Ana, your winter service is due. Book at https://dlr.example.com/book and save $25.');
      expect(text(section.querySelector(':scope > p:last-child'))).to.equal(TEMPLATE_RISK_ADVICE);
      // Said in words and an icon, not colour alone; the other template is not listed.
      expect(text(section)).not.to.include('see you soon');
      await expect(el).to.be.accessible();
      details.querySelector('summary')!.click();
      expect(details.open).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('speaks Spanish', async () => {
      setLocale('es');
      const el = await summary();
      const section = await panelLoaded(el);
      expect(text(section.querySelector('h3'))).to.equal('Aviso: mensajes que parecen envíos masivos');
      expect(text(section)).to.include('25 mensajes a 25 clientes en este periodo; 5 fallidos, 5 filtrados o bloqueados por los operadores.');
      expect(text(section.querySelector(':scope > p:last-child'))).to.include('Actualice sus plantillas con regularidad');
      await expect(el).to.be.accessible();
    });

    it('fits a 320 px wide screen', async () => {
      await setViewport({ width: 320, height: 800 });
      try {
        const box = await fixture<HTMLDivElement>(
          html`<div style="inline-size: 320px"><fc-sms-summary .adapter=${server.client()} .filter=${NOVEMBER} time-zone="America/Chicago"></fc-sms-summary></div>`,
        );
        const el = box.querySelector('fc-sms-summary')!;
        await loaded(el);
        const section = await panelLoaded(el);
        section.querySelector('details')!.open = true;
        expect(section.getBoundingClientRect().right).to.be.at.most(el.getBoundingClientRect().right + 0.5);
        for (const part of section.querySelectorAll('p, li, summary')) {
          expect(part.scrollWidth, text(part).slice(0, 40)).to.be.at.most(part.clientWidth + 1);
        }
        expect(el.getBoundingClientRect().right).to.be.at.most(box.getBoundingClientRect().right + 0.5);
        await expect(el).to.be.accessible();
      } finally {
        await setViewport({ width: 800, height: 600 });
      }
    });

    it('lists the three widest-reaching templates and counts the rest', async () => {
      // Five campaigns in one morning, each its own text to the same 25 customers.
      const one = campaignDataset();
      const topics = ['winter service', 'tire rotation', 'oil change', 'brake check', 'battery test'];
      const sms = topics.flatMap((topic, k) =>
        one.sms.slice(0, 25).map((m) => ({ ...m, id: `${m.id}-${k}`, body: m.body.replace('winter service', topic), sentAt: new Date(Date.parse(m.sentAt) + k * 1000).toISOString() })),
      );
      server = await startDemoServer({ ...one, sms: sms.sort((a, b) => a.sentAt.localeCompare(b.sentAt)) });
      const el = await summary();
      const section = await panelLoaded(el);
      expect(section.querySelectorAll('[part="template"]').length).to.equal(3);
      expect(text(section)).to.include('And 2 more templates like these.');
      await expect(el).to.be.accessible();
    });

    it('renders a template with markup as text', async () => {
      server = await startDemoServer(campaignDataset((name) => `Hi ${name}, ${XSS} your winter service is due now.`));
      const el = await summary();
      const section = await panelLoaded(el);
      expect(text(section.querySelector('.template-text'))).to.include('<img');
      expect(root(el).querySelectorAll('img').length).to.equal(0);
    });

    it('says nothing about templates, or about how the period was chosen, when the server leaves them out', async () => {
      const client = server.client();
      const sms = client.sms!;
      const real = sms.summary.bind(sms);
      sms.summary = async (filter, opts) => {
        const { templates: _templates, compared: _compared, ...rest } = await real(filter, opts);
        return rest;
      };
      const el = await summary(NOVEMBER, client);
      expect(text(root(el).querySelector('.range'))).to.equal('Nov 1–Nov 30, 2026, compared with Oct 1–Oct 31, 2026');
      expect(panel(el)).to.equal(null);
      expect(root(el).querySelector('[part="metrics"]')).to.exist;
    });
  });

  describe('what was compared', () => {
    beforeEach(async () => {
      server = await startDemoServer(smsDataset());
    });

    it('says which days exist a month earlier when some do not (March 29–31 against February 28)', async () => {
      const el = await summary({ from: '2026-03-29', to: '2026-03-31' });
      expect(text(root(el).querySelector('.range'))).to.equal('Mar 29–Mar 31, 2026, compared with Feb 28, 2026, the days that exist in February 2026');
      await expect(el).to.be.accessible();
    });

    it('compares whole months with whole months, in Spanish too', async () => {
      const el = await summary({ from: '2026-07-01', to: '2026-09-30' });
      expect(text(root(el).querySelector('.range'))).to.equal('Jul 1–Sep 30, 2026, compared with all of April – June 2026');
      setLocale('es');
      const es = await summary({ from: '2026-10-01', to: '2026-10-31' });
      expect(text(root(es).querySelector('.range'))).to.equal('1 oct–31 oct 2026, comparado con todo septiembre de 2026');
    });
  });

  describe('with markup in the data', () => {
    beforeEach(async () => {
      server = await startDemoServer(smsDataset({ number: XSS }));
    });

    it('renders a sending number with markup as text', async () => {
      const el = await summary();
      const line = root(el).querySelector('[part="blocking"] li')!;
      expect(text(line).startsWith(`${XSS}: 4 of 24 texts sent`)).to.equal(true);
      expect(root(el).querySelectorAll('img').length).to.equal(0);
      await expect(el).to.be.accessible();
    });
  });
});
