import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, resetMouse, sendKeys } from '@web/test-runner-commands';
import type { Chart } from 'chart.js';
import '../../src/components/store-traffic/fc-store-traffic.js';
import type { FcStoreTraffic } from '../../src/components/store-traffic/fc-store-traffic.js';
import { formatPath, parsePath } from '../../src/components/store-traffic/store-traffic.path.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { Dataset, TrafficEvent, TrafficStep } from '../../src/data/model.js';
import { clickChart, drawnChart } from './chart-rig.js';
import { closeClients, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';

const XSS = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://x.test","y")';

let serial = 0;
function up(at: string, upType: TrafficEvent['upType'], department: TrafficEvent['department'], sp: 1 | 2 | 3, source: string, steps: TrafficStep[], outcome: TrafficEvent['outcome']): TrafficEvent {
  const names = { 1: 'Ann Lee', 2: XSS, 3: 'Bo Diaz' };
  return {
    id: `e${++serial}`,
    at,
    upType,
    department,
    salespersonId: `sp${sp}`,
    salespersonName: names[sp],
    sourceCategory: source === 'Drive-by' ? 'drive-by' : 'internet',
    source,
    steps,
    outcome,
  };
}

/**
 * March 2026, UTC. Figures by hand:
 *   e1 Mon Mar 2 10:15 walk-in  new  Ann  Drive-by  demo, write-up                        sold
 *   e2 Mon Mar 2 10:45 internet new  XSS  Google    demo                                  not sold
 *   e3 Mon Mar 2 14:00 be-back  used Ann  Drive-by  demo, write-up, desk, finance          sold
 *   e4 Tue Mar 3 11:00 phone-up new  Bo   FORMULA   —                                     pending
 *   e5 Tue Mar 3 11:30 walk-in  used XSS  Drive-by  demo, trade-appraisal                 not sold
 *   e6 Thu Mar 5 16:00 be-back  new  Bo   Google    demo, write-up, trade-appraisal, desk, finance  sold
 * Total: 6 ups, 3 sold (50.0%), be-back 2 (33.3%); steps demo 5, write-up 3, trade 2, desk 2, finance 2.
 * By day: Mar 2 3 ups 2 sold 66.7% be-back 33.3%; Mar 3 2 ups 0 sold; Mar 5 1 up 1 sold 100%.
 * By department: New 4 ups (e1 e2 e4 e6) 2 sold 50.0% be-back 25.0%; Used 2 (e3 e5) 1 sold 50.0% be-back 50.0%.
 * February (the previous period): p1 new, p2 new, p3 used, p4 new = 4 ups, 1 sold (25%): New 3, Used 1.
 * April (out of range): one up.
 */
function trafficDataset(): Dataset {
  const base = generateDataset({ size: 'small', today: '2026-03-17', trafficCount: 0 });
  serial = 0;
  return {
    ...base,
    traffic: [
      up('2026-02-02T10:00:00Z', 'walk-in', 'new', 1, 'Drive-by', [], 'sold'),
      up('2026-02-03T10:00:00Z', 'internet', 'new', 2, 'Google', [], 'not-sold'),
      up('2026-02-10T10:00:00Z', 'walk-in', 'used', 1, 'Drive-by', [], 'not-sold'),
      up('2026-02-11T10:00:00Z', 'internet', 'new', 3, 'Google', [], 'not-sold'),
      up('2026-03-02T10:15:00Z', 'walk-in', 'new', 1, 'Drive-by', ['demo', 'write-up'], 'sold'),
      up('2026-03-02T10:45:00Z', 'internet', 'new', 2, 'Google', ['demo'], 'not-sold'),
      up('2026-03-02T14:00:00Z', 'be-back', 'used', 1, 'Drive-by', ['demo', 'write-up', 'desk', 'finance'], 'sold'),
      up('2026-03-03T11:00:00Z', 'phone-up', 'new', 3, FORMULA, [], 'pending'),
      up('2026-03-03T11:30:00Z', 'walk-in', 'used', 2, 'Drive-by', ['demo', 'trade-appraisal'], 'not-sold'),
      up('2026-03-05T16:00:00Z', 'be-back', 'new', 3, 'Google', ['demo', 'write-up', 'trade-appraisal', 'desk', 'finance'], 'sold'),
      up('2026-04-01T10:00:00Z', 'walk-in', 'new', 1, 'Drive-by', [], 'sold'),
    ],
  };
}

const root = (el: FcStoreTraffic) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const bodyRows = (el: FcStoreTraffic) => [...root(el).querySelectorAll('#traffic-table tbody tr')];
const rowNames = (el: FcStoreTraffic) => bodyRows(el).map((tr) => text(tr.querySelector('th')));
const cellsOf = (row: Element | null | undefined) => [...(row?.querySelectorAll('td') ?? [])].map((td) => text(td));
const rowCells = (el: FcStoreTraffic, name: string) => cellsOf(bodyRows(el).find((tr) => text(tr.querySelector('th')) === name));
const totalCells = (el: FcStoreTraffic) => cellsOf(root(el).querySelector('#traffic-table tfoot tr'));
const headers = (el: FcStoreTraffic) => [...root(el).querySelectorAll('#traffic-table thead th')].map((th) => text(th));
const drillButton = (el: FcStoreTraffic, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button.drill')].find((b) => text(b) === name);
const crumbs = (el: FcStoreTraffic) => [...root(el).querySelectorAll('nav li')].map((li) => text(li));
const groupSelect = (el: FcStoreTraffic) => root(el).querySelector<HTMLSelectElement>('select[name=group-by]')!;
const loadedWith = (el: FcStoreTraffic, name: string) =>
  waitUntil(() => rowNames(el).includes(name), `no row "${name}" (rows: ${rowNames(el).join(', ')})`, { timeout: 5000 });
/** The widget's chart once Chart.js has drawn it with `labels` (any when omitted). */
const chartOf = (el: FcStoreTraffic, labels?: readonly string[]) =>
  drawnChart(root(el), 'canvas.traffic-chart', (c) => !labels || JSON.stringify(c.data.labels) === JSON.stringify(labels));
/** The chart once its datasets are named `names`. */
const chartWith = (el: FcStoreTraffic, names: readonly string[]) =>
  drawnChart(root(el), 'canvas.traffic-chart', (c) => JSON.stringify(c.data.datasets.map((d) => d.label)) === JSON.stringify(names));
/** A line's points as `[day of March, ups]`, from the epoch milliseconds Chart.js was given. */
const marchPoints = (chart: Chart, dataset: number) =>
  (chart.data.datasets[dataset]!.data as { x: number; y: number }[]).map((p) => [new Date(p.x).getUTCDate(), p.y]);
const legendItems = (el: FcStoreTraffic) => [...root(el).querySelectorAll<HTMLButtonElement>('[part="chart"] .fc-chart-legend__item')];
const activeTooltip = (chart: Chart) => chart.tooltip!.getActiveElements().map((a) => [a.datasetIndex, a.index]);
const compared = (el: FcStoreTraffic) => waitUntil(() => root(el).querySelector('.previous'), 'the previous period did not load');

const STEPS_HEAD = ['Demo reached', 'Write-up reached', 'Trade appraisal reached', 'Desk reached', 'Finance reached'];

describe('fc-store-traffic', () => {
  let server: DemoServer;

  beforeEach(async () => {
    server = await startDemoServer(trafficDataset());
  });
  afterEach(async () => {
    server.faults.offline = false;
    server.faults.failing = false;
    server.faults.latencyMs = 0;
    await emulateMedia({ reducedMotion: 'no-preference' });
    await resetMouse();
    await closeClients();
  });

  async function mount(path = '', adapter: ForecourtAdapter = server.client(), extra = {}): Promise<FcStoreTraffic> {
    const el = await fixture<FcStoreTraffic>(
      html`<fc-store-traffic .adapter=${adapter} from="2026-03-01" to="2026-03-31" time-zone="UTC" path=${path}></fc-store-traffic>`,
    );
    Object.assign(el, extra);
    return el;
  }

  it('compares the days of a range that have happened with the same days of the month before', async () => {
    // Today is March 3: March 1–31 is compared by March 1–3 against February 1–3 (p1, p2: 2 ups),
    // not against the whole of February (4 ups).
    const realNow = Date.now;
    Date.now = () => Date.parse('2026-03-03T18:00:00Z');
    try {
      const el = await mount();
      await loadedWith(el, 'Mon, Mar 2, 2026');
      await compared(el);
      const summary = root(el).querySelector('[part=summary]')!;
      expect(text(summary.querySelector('.previous'))).to.equal('Mar 1 – Mar 3, 2026 compared with Feb 1 – Feb 3, 2026: 2 ups');
      expect(summary.getAttribute('aria-label')).to.equal('Totals, compared with Feb 1 – Feb 3, 2026');
      await expect(el).to.be.accessible();
    } finally {
      Date.now = realNow;
    }
  });

  it('names days, months, weekdays and the fixed vocabularies in its own language', async () => {
    const el = await mount();
    el.locale = 'es';
    await loadedWith(el, 'lun, 2 mar 2026');
    expect(rowNames(el)).to.deep.equal(['lun, 2 mar 2026', 'mar, 3 mar 2026', 'jue, 5 mar 2026']);
    // The chart speaks the widget's language too, drawn after its render.
    await chartWith(el, ['Visitas', 'Visitas, periodo anterior']);

    el.path = 'groupBy=upType';
    await loadedWith(el, 'Sin cita');
    expect(rowNames(el).sort()).to.deep.equal(['Internet', 'Llamada', 'Regreso', 'Sin cita']);
    const bars = await chartOf(el, rowNames(el));
    expect(bars.data.datasets[0]!.label).to.equal('Visitas');

    el.path = 'groupBy=weekday';
    await loadedWith(el, 'lunes');
    expect(rowNames(el)).to.deep.equal(['lunes', 'martes', 'jueves']);

    el.path = 'groupBy=month';
    await loadedWith(el, 'marzo de 2026');

    el.locale = 'en';
    await loadedWith(el, 'March 2026');
    el.path = 'groupBy=department';
    await loadedWith(el, 'New');
    // Names the shop chose stay as they are, in either language.
    el.path = 'groupBy=salesperson';
    el.locale = 'es';
    await loadedWith(el, 'Ann Lee');
  });

  it('shows the hand-computed figures by day, the totals against February, and a labelled chart', async () => {
    const el = await mount();
    await loadedWith(el, 'Mon, Mar 2, 2026');
    await compared(el);
    expect(text(root(el).querySelector('caption'))).to.equal('Traffic by day, Mar 1 – Mar 31, 2026');
    expect(headers(el)).to.deep.equal(['Day', 'Ups', 'Sold', 'Closing ratio', 'Be-back share', ...STEPS_HEAD]);
    expect(rowNames(el)).to.deep.equal(['Mon, Mar 2, 2026', 'Tue, Mar 3, 2026', 'Thu, Mar 5, 2026']);
    expect(rowCells(el, 'Mon, Mar 2, 2026')).to.deep.equal(['3', '2', '66.7%', '33.3%', '3', '2', '0', '1', '1']);
    expect(rowCells(el, 'Tue, Mar 3, 2026')).to.deep.equal(['2', '0', '0.0%', '0.0%', '1', '0', '1', '0', '0']);
    expect(rowCells(el, 'Thu, Mar 5, 2026')).to.deep.equal(['1', '1', '100.0%', '100.0%', '1', '1', '1', '1', '1']);
    expect(totalCells(el)).to.deep.equal(['6', '3', '50.0%', '33.3%', '5', '3', '2', '2', '2']);

    const summary = root(el).querySelector('[part=summary]')!;
    const metric = (name: string) => text([...summary.querySelectorAll('.metric')].find((m) => text(m.querySelector('dt')) === name)?.querySelector('dd'));
    expect(metric('Ups')).to.equal('6 ▲ 2 more (50.0%)');
    expect(metric('Sold')).to.equal('3 ▲ 2 more (200.0%)');
    expect(metric('Closing ratio')).to.equal('50.0% ▲ 25 points higher');
    expect(metric('Be-back share')).to.equal('33.3%');
    expect(text(summary.querySelector('.previous'))).to.equal('Feb 1 – Feb 28, 2026: 4 ups');
    // The arrow is for the eye; the words say the same to a screen reader.
    expect(summary.querySelector('.glyph')!.getAttribute('aria-hidden')).to.equal('true');

    // The chart: a line over every day of March on a time axis (days without ups at 0), and
    // February's days laid over March's from the 1st on, dashed.
    const chart = await chartWith(el, ['Ups', 'Ups, previous period']);
    expect((chart.config as { type?: string }).type).to.equal('line');
    const x = chart.options.scales!.x as { type?: string; time?: { unit?: string }; adapters?: { date?: { zone?: string } } };
    expect([x.type, x.time?.unit, x.adapters?.date?.zone]).to.deep.equal(['time', 'day', 'UTC']);
    const march = Array.from({ length: 31 }, (_, i) => [i + 1, ({ 2: 3, 3: 2, 5: 1 } as Record<number, number>)[i + 1] ?? 0]);
    expect(marchPoints(chart, 0)).to.deep.equal(march);
    expect((chart.data.datasets[0]!.data[1] as { x: number }).x).to.equal(Date.UTC(2026, 2, 2));
    const feb = Array.from({ length: 28 }, (_, i) => [i + 1, [2, 3, 10, 11].includes(i + 1) ? 1 : 0]);
    expect(marchPoints(chart, 1)).to.deep.equal(feb);
    const [ups, previous] = chart.data.datasets as { borderDash?: number[]; parsing?: boolean; normalized?: boolean }[];
    expect(ups!.borderDash ?? []).to.deep.equal([]);
    expect(previous!.borderDash).to.deep.equal([6, 4]);
    expect([ups!.parsing, ups!.normalized, previous!.parsing, previous!.normalized]).to.deep.equal([false, true, false, true]);
    // The legend names both lines; the previous period's swatch is dashed too.
    await waitUntil(() => legendItems(el).length === 2, 'no legend');
    expect(legendItems(el).map(text)).to.deep.equal(['Ups', 'Ups, previous period']);
    expect(legendItems(el)[1]!.querySelector('line')!.getAttribute('stroke-dasharray')).to.equal('5 3');
    const canvas = root(el).querySelector('[part="chart"] canvas[role="img"]')!;
    expect(canvas.getAttribute('aria-label')).to.equal('Line chart of ups by day, the previous period dashed. The table below has every figure.');
    expect(canvas.getAttribute('aria-details')).to.equal('traffic-table');
    expect(crumbs(el)).to.deep.equal(['All traffic']);
    expect(root(el).querySelector('nav [aria-current]')!.textContent).to.equal('All traffic');
    expect(shadowText(el)).not.to.match(/NaN|Infinity|undefined|null/);
    await expect(el).to.be.accessible();
  });

  it('compares each department with February and shows the closing ratio in the tooltip', async () => {
    const el = await mount('groupBy=department');
    await loadedWith(el, 'New');
    await compared(el);
    await waitUntil(() => headers(el).length === 11, 'no comparison column');
    expect(headers(el)).to.deep.equal(['Department', 'Ups', 'Sold', 'Closing ratio', 'Be-back share', ...STEPS_HEAD, 'Ups vs Feb 1 – Feb 28, 2026']);
    expect(rowNames(el)).to.deep.equal(['New', 'Used']);
    expect(rowCells(el, 'New')).to.deep.equal(['4', '2', '50.0%', '25.0%', '3', '2', '1', '1', '1', '▲ 1 more (33.3%)']);
    expect(rowCells(el, 'Used')).to.deep.equal(['2', '1', '50.0%', '50.0%', '2', '1', '1', '1', '1', '▲ 1 more (100.0%)']);
    // Bars in the table's order, one dataset, no legend for a single series.
    const chart = await chartOf(el, ['New', 'Used']);
    expect((chart.config as { type?: string }).type).to.equal('bar');
    expect(chart.data.datasets.map((d) => [d.label, d.data])).to.deep.equal([['Ups', [4, 2]]]);
    expect(legendItems(el)).to.have.length(0);
    const canvas = root(el).querySelector('canvas.traffic-chart')!;
    expect(canvas.getAttribute('aria-label')).to.equal('Bar chart of ups by department. The table below has every figure.');

    // Focusing a row (its drill button) shows that bar's tooltip: the bucket, its ups and closing ratio.
    drillButton(el, 'Used')!.focus();
    await waitUntil(() => activeTooltip(chart).length === 1, 'no tooltip on focus');
    expect(activeTooltip(chart)).to.deep.equal([[0, 1]]);
    expect(chart.tooltip!.title).to.deep.equal(['Used']);
    expect(chart.tooltip!.body.map((b) => b.lines.join(' '))).to.deep.equal(['Ups: 2']);
    expect(chart.tooltip!.footer).to.deep.equal(['Closing ratio: 50.0%']);
    await expect(el).to.be.accessible();
    drillButton(el, 'Used')!.blur();
    await waitUntil(() => activeTooltip(chart).length === 0, 'the tooltip stays after blur');
  });

  it('updates the same chart in place for a new range, and draws at once under reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount('groupBy=department');
    await loadedWith(el, 'Used');
    const chart = await chartOf(el, ['New', 'Used']);
    expect(chart.options.animation).to.equal(false);
    el.to = '2026-03-04';
    await waitUntil(() => rowCells(el, 'New')[0] === '3', 'the range did not apply');
    const after = await drawnChart(root(el), 'canvas.traffic-chart', (c) => JSON.stringify(c.data.datasets[0]!.data) === '[3,2]');
    expect(after === chart, 'the same Chart.js instance').to.equal(true);
  });

  it('drills into a bar clicked in the chart, and tells the host the new path', async () => {
    const el = await mount('groupBy=department');
    await loadedWith(el, 'Used');
    const chart = await chartOf(el, ['New', 'Used']);
    const drilled = oneEvent(el, 'fc-traffic-drill');
    await clickChart(chart, 0, 1);
    const event = await drilled;
    expect(event.detail).to.deep.equal({ path: 'groupBy=department;department=used;groupBy=upType' });
    expect(event.bubbles && event.composed).to.equal(true);
    expect(el.getAttribute('path')).to.equal('groupBy=department;department=used;groupBy=upType');
    await loadedWith(el, 'Be-back');
    expect(rowNames(el)).to.deep.equal(['Be-back', 'Walk-in']);
    expect(rowCells(el, 'Be-back').slice(0, 4)).to.deep.equal(['1', '1', '100.0%', '100.0%']);
    // The same chart, updated in place with the next level's bars.
    const next = await chartOf(el, ['Be-back', 'Walk-in']);
    expect(next === chart, 'a drill updates the chart, it does not make a new one').to.equal(true);
    expect(next.data.datasets.map((d) => d.data)).to.deep.equal([[1, 1]]);
    expect(crumbs(el)).to.deep.equal(['All traffic', 'Department: Used']);
    expect(text(groupSelect(el).closest('label'))).to.match(/^Break down Used by/);
    await expect(el).to.be.accessible();
  });

  it('drills into a day clicked on the line, and the breadcrumb goes back up to the line', async () => {
    const el = await mount();
    await loadedWith(el, 'Mon, Mar 2, 2026');
    const line = await chartOf(el);
    await waitUntil(() => line.data.datasets.length === 2, 'no previous period');
    const drilled = oneEvent(el, 'fc-traffic-drill');
    // March 2nd: the second point.
    await clickChart(line, 0, 1);
    expect((await drilled).detail).to.deep.equal({ path: 'groupBy=day;day=2026-03-02;groupBy=upType' });
    await loadedWith(el, 'Be-back');
    expect(rowNames(el)).to.deep.equal(['Be-back', 'Internet', 'Walk-in']);
    const bars = await chartOf(el, ['Be-back', 'Internet', 'Walk-in']);
    expect(bars.data.datasets.map((d) => d.data)).to.deep.equal([[1, 1, 1]]);
    expect(crumbs(el)).to.deep.equal(['All traffic', 'Day: Mon, Mar 2, 2026']);

    const back = oneEvent(el, 'fc-traffic-drill');
    root(el).querySelector<HTMLButtonElement>('button.crumb[data-depth="0"]')!.click();
    expect((await back).detail).to.deep.equal({ path: 'groupBy=day' });
    await loadedWith(el, 'Mon, Mar 2, 2026');
    const again = await drawnChart(root(el), 'canvas.traffic-chart', (c) => (c.config as { type?: string }).type === 'line');
    expect(marchPoints(again, 0).filter(([, ups]) => ups! > 0)).to.deep.equal([[2, 3], [3, 2], [5, 1]]);
    expect(crumbs(el)).to.deep.equal(['All traffic']);
    await expect(el).to.be.accessible();
  });

  it('drills by keyboard from the table, picks the next dimension, and goes back up the breadcrumb by keyboard', async () => {
    const el = await mount('groupBy=department');
    await loadedWith(el, 'New');
    const paths: string[] = [];
    el.addEventListener('fc-traffic-drill', (e) => paths.push(e.detail.path));

    drillButton(el, 'New')!.focus();
    await sendKeys({ press: 'Enter' });
    await loadedWith(el, 'Be-back');
    expect(rowNames(el)).to.deep.equal(['Be-back', 'Internet', 'Phone-up', 'Walk-in']);
    // Focus waits on the list where the next breakdown is chosen.
    expect(root(el).activeElement === groupSelect(el)).to.equal(true);
    expect([...groupSelect(el).options].map((o) => o.value)).not.to.include('department');

    groupSelect(el).value = 'salesperson';
    groupSelect(el).dispatchEvent(new Event('change', { bubbles: true }));
    await loadedWith(el, 'Bo Diaz');
    expect(rowCells(el, 'Bo Diaz').slice(0, 3)).to.deep.equal(['2', '1', '50.0%']);
    expect(rowCells(el, 'Ann Lee').slice(0, 3)).to.deep.equal(['1', '1', '100.0%']);
    // A name with markup is text: no element is made from it.
    expect(rowCells(el, XSS).slice(0, 3)).to.deep.equal(['1', '0', '0.0%']);
    expect(root(el).querySelectorAll('img').length).to.equal(0);

    drillButton(el, 'Bo Diaz')!.focus();
    await sendKeys({ press: 'Enter' });
    await loadedWith(el, 'Be-back');
    expect(crumbs(el)).to.deep.equal(['All traffic', 'Department: New', 'Salesperson: Bo Diaz']);
    expect(root(el).querySelector('nav [aria-current]')!.textContent).to.equal('Salesperson: Bo Diaz');
    expect(root(el).querySelector('nav')!.getAttribute('aria-label')).to.equal('Drill-down path');

    // Back two levels at once.
    const crumbAll = root(el).querySelector<HTMLButtonElement>('button.crumb[data-depth="0"]')!;
    crumbAll.focus();
    await sendKeys({ press: 'Enter' });
    await loadedWith(el, 'Used');
    expect(crumbs(el)).to.deep.equal(['All traffic']);
    expect(rowNames(el)).to.deep.equal(['New', 'Used']);
    expect(paths).to.deep.equal([
      'groupBy=department;department=new;groupBy=upType',
      'groupBy=department;department=new;groupBy=salesperson',
      'groupBy=department;department=new;groupBy=salesperson;salesperson=sp3;groupBy=upType',
      'groupBy=department',
    ]);
    await expect(el).to.be.accessible();
  });

  it('keeps a drill path across a re-mount, naming the levels from the server', async () => {
    const path = 'groupBy=department;department=new;groupBy=salesperson';
    const first = await mount(path);
    await loadedWith(first, 'Bo Diaz');
    first.remove();
    const el = await mount(path, server.client());
    await loadedWith(el, 'Bo Diaz');
    expect(el.getAttribute('path')).to.equal(path);
    await waitUntil(() => crumbs(el).includes('Department: New'), `crumbs: ${crumbs(el).join(' | ')}`);
    expect(text(root(el).querySelector('caption'))).to.equal('Department: New: traffic by salesperson, Mar 1 – Mar 31, 2026');
    expect(groupSelect(el).value).to.equal('salesperson');
    await expect(el).to.be.accessible();
  });

  it('reads and writes paths with any characters in a key, and refuses broken ones', () => {
    const p = { filters: [{ dimension: 'source' as const, key: 'a;b=c&d%' }], groupBy: 'hour' as const };
    const s = formatPath(p);
    expect(s).to.equal('groupBy=source;source=a%3Bb%3Dc%26d%25;groupBy=hour');
    expect(parsePath(s)).to.deep.equal(p);
    expect(parsePath('')).to.deep.equal({ filters: [], groupBy: 'day' });
    expect(parsePath('department=new')).to.deep.equal({ filters: [{ dimension: 'department', key: 'new' }], groupBy: 'upType' });
    expect(parsePath('groupBy=colour')).to.equal(null);
    expect(parsePath('department=new;department=used')).to.equal(null);
    expect(parsePath('department=new;groupBy=department')).to.equal(null);
    expect(parsePath('source=%E0%A4%A')).to.equal(null);
  });

  it('stacks the bars by a second dimension, one read per stack value, with the stack in the table', async () => {
    const el = await mount('groupBy=department', server.client(), { stackBy: 'outcome' });
    await waitUntil(() => headers(el).includes('Sold ups'), `headers: ${headers(el).join(', ')}`);
    expect(headers(el).slice(0, 5)).to.deep.equal(['Department', 'Ups', 'Sold ups', 'Not sold ups', 'Pending ups']);
    expect(rowCells(el, 'New').slice(0, 4)).to.deep.equal(['4', '2', '1', '1']);
    expect(rowCells(el, 'Used').slice(0, 4)).to.deep.equal(['2', '1', '1', '0']);
    // The previous period is read after the level is drawn: let it arrive first.
    await compared(el);
    // One dataset per stack value, on stacked scales, by hand: New 2 sold, 1 not sold, 1 pending; Used 1, 1, 0.
    const chart = await chartWith(el, ['Sold', 'Not sold', 'Pending']);
    expect(chart.data.labels).to.deep.equal(['New', 'Used']);
    expect(chart.data.datasets.map((d) => d.data)).to.deep.equal([[2, 1], [1, 1], [1, 0]]);
    const scales = chart.options.scales as Record<string, { stacked?: boolean }>;
    expect([scales.x!.stacked, scales.y!.stacked]).to.deep.equal([true, true]);
    expect(new Set(chart.data.datasets.map((d) => String(d.backgroundColor))).size, 'a colour per stack value').to.equal(3);
    // Focusing a row shows every part of its bar in the tooltip.
    drillButton(el, 'New')!.focus();
    await waitUntil(() => activeTooltip(chart).length === 3, 'no tooltip on focus');
    expect(chart.tooltip!.body.map((b) => b.lines.join(' '))).to.deep.equal(['Sold: 2', 'Not sold: 1', 'Pending: 1']);
    drillButton(el, 'New')!.blur();

    // The legend names the values and hides or shows each.
    await waitUntil(() => legendItems(el).length === 3, 'no legend');
    expect(legendItems(el).map(text)).to.deep.equal(['Sold', 'Not sold', 'Pending']);
    legendItems(el)[1]!.click();
    await waitUntil(() => legendItems(el)[1]!.getAttribute('aria-pressed') === 'false', 'the legend did not toggle');
    expect(chart.isDatasetVisible(1)).to.equal(false);
    await expect(el).to.be.accessible();
    legendItems(el)[1]!.click();
    await waitUntil(() => chart.isDatasetVisible(1), 'the legend did not toggle back');
    // Only Chart.js writes styles, on its canvas: the templates have no style attribute.
    expect(root(el).querySelectorAll('[style]:not(canvas)').length).to.equal(0);

    // Over time, a line per stack value beside the total and the previous period.
    el.path = 'groupBy=day';
    el.stackBy = 'department';
    const byDay = await chartWith(el, ['Ups', 'New', 'Used', 'Ups, previous period']);
    const nonZero = (i: number) => marchPoints(byDay, i).filter(([, ups]) => ups! > 0);
    expect(nonZero(1)).to.deep.equal([[2, 2], [3, 1], [5, 1]]);
    expect(nonZero(2)).to.deep.equal([[2, 1], [3, 1]]);
    expect(new Set(byDay.data.datasets.slice(1, 3).map((d) => (d as { pointStyle?: string }).pointStyle)).size, 'each value its own mark').to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('draws in the dark theme\'s colours and in forced colours, with hatched stack parts', async () => {
    // Colours change at once (no transition caught half-way by the contrast check).
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount('groupBy=department', server.client(), { stackBy: 'outcome' });
    const light = await chartWith(el, ['Sold', 'Not sold', 'Pending']);
    const lightSold = String(light.data.datasets[0]!.backgroundColor);
    el.setAttribute('theme', 'dark');
    const darkBar = getComputedStyle(el).getPropertyValue('--_bar').trim();
    const dark = await drawnChart(root(el), 'canvas.traffic-chart', (c) => String(c.data.datasets[0]!.backgroundColor) === darkBar);
    expect(darkBar).not.to.equal(lightSold);
    expect(dark === light, 'the same chart, redrawn').to.equal(true);
    await expect(el).to.be.accessible();

    // Forced colours over the light theme (the page's own colours give way to the system's).
    el.removeAttribute('theme');
    await executeServerCommand('emulate-forced-colors', { active: true });
    try {
      const forced = await drawnChart(root(el), 'canvas.traffic-chart', (c) => c.data.datasets[0]!.backgroundColor === 'Highlight');
      // One system colour: the parts alternate solid and hatched, and the legend shows the hatch.
      expect(forced.data.datasets[1]!.backgroundColor instanceof CanvasPattern).to.equal(true);
      expect(forced.data.datasets[2]!.backgroundColor).to.equal('Highlight');
      await waitUntil(() => legendItems(el)[1]?.querySelector('path'), 'no hatched swatch');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-forced-colors', { active: false });
    }
  });

  it('shows the weekday × hour heatmap with counts and shade classes, never a style attribute', async () => {
    const el = await mount();
    await loadedWith(el, 'Mon, Mar 2, 2026');
    root(el).querySelector<HTMLButtonElement>('button[name=view-heatmap]')!.click();
    await waitUntil(() => root(el).querySelector('table.heatmap'), 'no heatmap');
    const table = root(el).querySelector('table.heatmap')!;
    expect(text(table.querySelector('caption'))).to.equal('Ups by weekday and hour of day, Mar 1 – Mar 31, 2026');
    const row = (day: string) => [...table.querySelectorAll('tbody tr')].find((tr) => text(tr.querySelector('th')) === day)!;
    const cell = (day: string, hour: number) => row(day).querySelectorAll('td')[hour]!;
    expect(text(cell('Monday', 10))).to.equal('2');
    expect(cell('Monday', 10).classList.contains('shade-5')).to.equal(true);
    expect(text(cell('Monday', 14))).to.equal('1');
    expect(cell('Monday', 14).classList.contains('shade-3')).to.equal(true);
    expect(text(cell('Tuesday', 11))).to.equal('2');
    expect(text(cell('Thursday', 16))).to.equal('1');
    expect(text(cell('Sunday', 0))).to.equal('0');
    expect(cell('Sunday', 0).classList.contains('shade-0')).to.equal(true);
    const all = [...table.querySelectorAll('tbody td')].reduce((sum, td) => sum + Number(text(td)), 0);
    expect(all).to.equal(6);
    expect(root(el).querySelectorAll('[style]').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('exports the current view as CSV, with formula-like names defused', async () => {
    const el = await mount('groupBy=department');
    await loadedWith(el, 'New');
    await waitUntil(() => headers(el).length === 11, 'no comparison column');
    // The download is the anchor's click: record it instead of saving a file.
    const original = HTMLAnchorElement.prototype.click;
    const clicked: HTMLAnchorElement[] = [];
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this);
    };
    try {
      const exported = oneEvent(el, 'fc-export');
      const alias = oneEvent(el, 'fc-traffic-export');
      root(el).querySelector<HTMLButtonElement>('button[name=export]')!.click();
      const event = await exported;
      expect(event.cancelable, 'fc-export is cancelable').to.equal(true);
      expect(event.detail.format).to.equal('csv');
      expect(event.detail.filename).to.equal('store-traffic-department-2026-03-01-to-2026-03-31.csv');
      expect(event.detail.rows, 'two departments and the total').to.equal(3);
      expect(event.detail.content.split('\r\n')).to.deep.equal([
        'Department,Ups,Sold,Closing ratio (%),Be-back share (%),Demo reached,Write-up reached,Trade appraisal reached,Desk reached,Finance reached,"Ups Feb 1 – Feb 28, 2026"',
        'New,4,2,50,25,3,2,1,1,1,3',
        'Used,2,1,50,50,2,1,1,1,1,1',
        'Total,6,3,50,33.3,5,3,2,2,2,4',
      ]);
      // The deprecated alias still fires, with its old detail.
      const old = await alias;
      expect(old.detail).to.deep.equal({ csv: event.detail.content, filename: event.detail.filename });
      expect(clicked.length).to.equal(1);
      const link = clicked[0]!;
      expect(link.download).to.equal('store-traffic-department-2026-03-01-to-2026-03-31.csv');
      expect(link.href.startsWith('blob:')).to.equal(true);

      // By source: a name that starts like a formula is exported as text.
      groupSelect(el).value = 'source';
      groupSelect(el).dispatchEvent(new Event('change', { bubbles: true }));
      await loadedWith(el, FORMULA);
      el.addEventListener('fc-export', (e) => e.preventDefault(), { once: true });
      const second = oneEvent(el, 'fc-export');
      root(el).querySelector<HTMLButtonElement>('button[name=export]')!.click();
      const csv = (await second).detail.content;
      expect(csv).to.include(`"'=HYPERLINK(""http://x.test"",""y"")",1,0,`);
      expect(clicked.length, 'a cancelled export downloads nothing').to.equal(1);

      // The deprecated alias cancels the download too.
      el.addEventListener('fc-traffic-export', (e) => e.preventDefault(), { once: true });
      const cancelledByAlias = oneEvent(el, 'fc-traffic-export');
      root(el).querySelector<HTMLButtonElement>('button[name=export]')!.click();
      await cancelledByAlias;
      expect(clicked.length, 'cancelling the deprecated alias downloads nothing').to.equal(1);

      // The heatmap view exports the grid.
      root(el).querySelector<HTMLButtonElement>('button[name=view-heatmap]')!.click();
      await waitUntil(() => root(el).querySelector('table.heatmap'), 'no heatmap');
      const third = oneEvent(el, 'fc-export');
      root(el).querySelector<HTMLButtonElement>('button[name=export]')!.click();
      const heatmap = (await third).detail;
      expect(heatmap.rows, 'a line per weekday').to.equal(7);
      const lines = heatmap.content.split('\r\n');
      expect(lines).to.have.length(8);
      expect(lines[0]!.startsWith('Weekday,00:00,01:00')).to.equal(true);
      expect(lines[1]).to.equal(`Monday,${Array.from({ length: 24 }, (_, h) => (h === 10 ? 2 : h === 14 ? 1 : 0)).join(',')}`);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
  });

  it('renders sources and salespeople named with markup as text', async () => {
    const el = await mount('groupBy=salesperson');
    await loadedWith(el, XSS);
    expect(root(el).querySelectorAll('img').length).to.equal(0);
    drillButton(el, XSS)!.click();
    await waitUntil(() => crumbs(el).includes(`Salesperson: ${XSS}`), 'no crumb');
    expect(root(el).querySelectorAll('img').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows loading, then an empty range, an error with Retry, and an unsupported host', async () => {
    server.faults.latencyMs = 400;
    const el = await mount();
    expect(root(el).querySelector('[part~=loading]')).to.exist;
    await expect(el).to.be.accessible();
    await loadedWith(el, 'Mon, Mar 2, 2026');
    server.faults.latencyMs = 0;

    el.from = '2026-01-01';
    el.to = '2026-01-31';
    await waitUntil(() => shadowText(el).includes('No store traffic in this range.'), 'no empty state');
    await expect(el).to.be.accessible();

    server.faults.failing = true;
    const failing = await mount('groupBy=hour', server.client());
    await waitUntil(() => failing.shadowRoot!.querySelector('[part~=error]'), 'no error state');
    expect(shadowText(failing)).to.include('The server had a problem (HTTP 503).');
    await expect(failing).to.be.accessible();
    server.faults.failing = false;
    failing.shadowRoot!.querySelector<HTMLButtonElement>('[part=retry-button]')!.click();
    await loadedWith(failing, '10:00');

    const bare = await mount('', server.client({ parts: ['sources'] }));
    expect(shadowText(bare)).to.include('This host does not provide store traffic.');
    await expect(bare).to.be.accessible();
  });

  it('changes the range from the date inputs, refuses a reversed one, and says which', async () => {
    const el = await mount();
    await loadedWith(el, 'Mon, Mar 2, 2026');
    const input = (name: string) => root(el).querySelector<HTMLInputElement>(`input[name=${name}]`)!;
    const changes: unknown[] = [];
    el.addEventListener('fc-range-change', (e) => changes.push(e.detail));
    input('from').value = '2026-03-03';
    input('from').dispatchEvent(new Event('change'));
    await waitUntil(() => !rowNames(el).includes('Mon, Mar 2, 2026') && rowNames(el).includes('Tue, Mar 3, 2026'), 'the range was not applied', { timeout: 5000 });
    expect(changes).to.deep.equal([{ from: '2026-03-03', to: '2026-03-31' }]);
    // e4, e5 and e6.
    expect(totalCells(el)[0]).to.equal('3');
    input('to').value = '2026-03-01';
    input('to').dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(root(el).querySelector('#range-problem'))).to.equal('The start date is after the end date.');
    expect(input('to').getAttribute('aria-invalid')).to.equal('true');
    expect(changes.length).to.equal(1);
    // Nothing is read for a reversed range: the figures of the last valid one stay.
    expect(totalCells(el)[0]).to.equal('3');
    await expect(el).to.be.accessible();
  });

  it('takes this month in the dealer zone when no range or zone is given', async () => {
    const adapter = server.client();
    const el = await fixture<FcStoreTraffic>(html`<fc-store-traffic .adapter=${adapter}></fc-store-traffic>`);
    await waitUntil(() => root(el).querySelector('input[name=from]') && (root(el).querySelector<HTMLInputElement>('input[name=from]')!.value !== ''), 'no range');
    const dealer = await server.backend.leads!.dealer();
    const now = new Intl.DateTimeFormat('en-CA', { timeZone: dealer.zone, year: 'numeric', month: '2-digit' }).format(new Date());
    await waitUntil(() => root(el).querySelector<HTMLInputElement>('input[name=from]')!.value === `${now.slice(0, 7)}-01`, 'not this month');
    await expect(el).to.be.accessible();
  });
});

describe('fc-store-traffic source categories', () => {
  let server: DemoServer;
  afterEach(() => closeClients());

  /** The March traffic with its events in three categories: a default one, one the shop renamed and one it added. */
  function categorized(): Dataset {
    const data = trafficDataset();
    return {
      ...data,
      categories: [
        ...data.categories.map((c) => (c.id === 'referral' ? { ...c, name: 'Word of mouth' } : c)),
        { id: 'shop-car-shows', name: 'Car shows', order: 8, builtIn: false, version: 1 },
      ],
      traffic: data.traffic.map((e) => ({
        ...e,
        sourceCategory: e.source === 'Google' ? 'internet' : e.source === 'Drive-by' ? 'referral' : e.source === FORMULA ? 'shop-car-shows' : 'other-new',
      })),
    };
  }

  async function mount(adapter: ForecourtAdapter, path = 'groupBy=sourceCategory'): Promise<FcStoreTraffic> {
    return fixture<FcStoreTraffic>(
      html`<fc-store-traffic .adapter=${adapter} from="2026-03-01" to="2026-03-31" time-zone="UTC" path=${path}></fc-store-traffic>`,
    );
  }

  it('names source categories by the shop\'s categories in the table, chart, breadcrumb and CSV, never by their ids', async () => {
    server = await startDemoServer(categorized());
    const el = await mount(server.client());
    await loadedWith(el, 'Car shows');
    expect(rowNames(el)).to.have.members(['Word of mouth', 'Internet', 'Car shows']);
    await chartOf(el, rowNames(el));

    const exported = oneEvent(el, 'fc-export');
    el.addEventListener('fc-export', (e) => e.preventDefault(), { once: true });
    root(el).querySelector<HTMLButtonElement>('button[name=export]')!.click();
    const csv = (await exported).detail.content as string;
    const firstCells = csv.split('\r\n').slice(1).map((line) => line.split(',')[0]);
    expect(firstCells).to.have.members(['Word of mouth', 'Internet', 'Car shows', 'Total']);

    drillButton(el, 'Car shows')!.click();
    await waitUntil(() => crumbs(el).length === 2, 'no breadcrumb');
    expect(crumbs(el)).to.deep.equal(['All traffic', 'Source category: Car shows']);
    expect(shadowText(el)).not.to.match(/shop-car-shows|\breferral\b/);
    await expect(el).to.be.accessible();
  });

  it('names the categories after a reload with a drill path, stacked by category, and with the default names when the host has no customer sources', async () => {
    server = await startDemoServer(categorized());
    const el = await mount(server.client(), 'groupBy=sourceCategory;sourceCategory=shop-car-shows;groupBy=department');
    await loadedWith(el, 'New');
    await waitUntil(() => crumbs(el)[1] === 'Source category: Car shows', `breadcrumb: ${crumbs(el).join(' | ')}`);

    const stacked = await mount(server.client(), 'groupBy=department');
    stacked.stackBy = 'sourceCategory';
    await loadedWith(stacked, 'Used');
    const chart = await drawnChart(root(stacked), 'canvas.traffic-chart', (c) => c.data.datasets.length === 3);
    expect(chart.data.datasets.map((d) => d.label)).to.have.members(['Word of mouth', 'Internet', 'Car shows']);

    // A host that provides traffic but no customer sources: the default categories' names.
    const client = server.client();
    const trafficOnly = await mount({ traffic: client.traffic } as ForecourtAdapter);
    await loadedWith(trafficOnly, 'Referral');
    expect(rowNames(trafficOnly)).to.have.members(['Referral', 'Internet', 'shop-car-shows']);
    await expect(trafficOnly).to.be.accessible();
  });
});

describe('fc-store-traffic heatmap', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await startDemoServer(trafficDataset());
  });
  afterEach(() => closeClients());

  async function heatmapIn(adapter: ForecourtAdapter): Promise<{ el: FcStoreTraffic; wrap: HTMLElement }> {
    const box = await fixture<HTMLDivElement>(html`<div style="inline-size: 480px">
      <fc-store-traffic .adapter=${adapter} from="2026-03-01" to="2026-03-31" time-zone="UTC" view="heatmap"></fc-store-traffic>
    </div>`);
    const el = box.querySelector('fc-store-traffic')!;
    await waitUntil(() => root(el).querySelector('table.heatmap'), 'no heatmap');
    const wrap = root(el).querySelector<HTMLElement>('.heatmap-wrap')!;
    expect(wrap.scrollWidth, 'the hours do not fit: the table scrolls').to.be.greaterThan(wrap.clientWidth);
    return { el, wrap };
  }

  it("opens on the dealer's opening hours, the weekday column kept in view, not on midnight", async () => {
    const dealer = await server.backend.leads!.dealer();
    expect(dealer.hours.mon).to.deep.equal([['08:00', '19:00']]);
    const { el, wrap } = await heatmapIn(server.client());
    await waitUntil(() => wrap.scrollLeft > 0, 'the heatmap opened at midnight');
    const heads = [...wrap.querySelectorAll('thead th')];
    const weekday = heads[0]!.getBoundingClientRect();
    const eight = heads.find((th) => text(th) === '08:00' || text(th) === '08')!;
    expect(eight, `hour headers: ${heads.map((th) => text(th)).join(' ')}`).to.exist;
    // 08 is the first hour in view, right after the weekday column, which stays at the start.
    expect(Math.abs(eight.getBoundingClientRect().left - weekday.right)).to.be.lessThan(2);
    expect(Math.abs(weekday.left - wrap.getBoundingClientRect().left)).to.be.lessThan(2);
    const monday = [...wrap.querySelectorAll('tbody th')].find((th) => text(th) === 'Monday')!;
    expect(Math.abs(monday.getBoundingClientRect().left - wrap.getBoundingClientRect().left)).to.be.lessThan(2);
    // So does the caption, whole.
    const caption = wrap.querySelector('caption .caption-text')!.getBoundingClientRect();
    expect(Math.abs(caption.left - wrap.getBoundingClientRect().left)).to.be.lessThan(2);
    expect(caption.right).to.be.at.most(wrap.getBoundingClientRect().right + 1);
    // The user's own scrolling is kept on a re-render.
    wrap.scrollLeft = 0;
    el.requestUpdate();
    await el.updateComplete;
    expect(wrap.scrollLeft).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('opens at midnight when the host has no dealer calendar', async () => {
    const client = server.client();
    const { wrap } = await heatmapIn({ traffic: client.traffic } as ForecourtAdapter);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(wrap.scrollLeft).to.equal(0);
  });
});
