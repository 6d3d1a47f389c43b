/**
 * The shared chart controller over real Chart.js in a real canvas: drawn after the table, updated
 * in place, redrawn in the theme's colours, no motion when asked, forced colours, clicks, the
 * table's keyboard path to a tooltip, print and clean-up.
 */
import { expect, fixture, html as testHtml, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { LitElement, html } from 'lit';
import { ChartController, chartStyles } from '../../src/components/shared/charts/chart-controller.js';
import type { ChartHit } from '../../src/components/shared/charts/chart-controller.js';
import { Chart } from '../../src/components/shared/charts/chart-engine.js';
import { tokens } from '../../src/styles/tokens.js';
import { clickChart, drawnChart } from './chart-rig.js';

interface Row {
  name: string;
  count: number;
}

class ChartProbe extends LitElement {
  static override styles = [tokens, chartStyles];
  static override properties = { rows: { attribute: false }, showChart: { type: Boolean }, compare: { type: Boolean } };
  declare rows: readonly Row[];
  declare showChart: boolean;
  /** A second, dashed series: the previous period. */
  declare compare: boolean;
  picked: ChartHit[] = [];
  readonly chart = new ChartController(this, {
    canvas: () => this.renderRoot.querySelector('canvas'),
    key: () => this.rows,
    config: ({ palette, hatch }) => ({
      type: 'bar',
      data: {
        labels: this.rows.map((r) => r.name),
        datasets: [
          { label: 'Customers', data: this.rows.map((r) => r.count), backgroundColor: this.rows.map((r) => (r.name === 'Unknown' ? hatch(palette.bad) : palette.accent)) },
          ...(this.compare ? [{ type: 'line' as const, label: 'Last month', data: this.rows.map((r) => r.count - 1), borderColor: palette.muted, borderDash: [6, 4] }] : []),
        ],
      },
      options: { indexAxis: 'y' },
    }),
    onSelect: (hit) => this.picked.push(hit),
  });

  constructor() {
    super();
    this.rows = [];
    this.showChart = true;
    this.compare = false;
  }

  protected override render() {
    return html`<table>
        ${this.rows.map((r, i) => html`<tr tabindex="0" @focus=${() => this.chart.highlight(i)} @blur=${() => this.chart.highlight(null)}><th>${r.name}</th><td>${r.count}</td></tr>`)}
      </table>
      ${this.chart.legend()}
      ${this.showChart ? html`<div class="fc-chart"><canvas role="img" aria-label="Customers by source"></canvas></div>` : ''}`;
  }
}
customElements.define('chart-probe', ChartProbe);

const ROWS: Row[] = [
  { name: 'Google', count: 12 },
  { name: 'Drive-by', count: 30 },
  { name: 'Unknown', count: 7 },
];

async function probe(rows: Row[] = ROWS): Promise<ChartProbe> {
  return fixture<ChartProbe>(testHtml`<chart-probe .rows=${rows} style="display:block;inline-size:600px"></chart-probe>`);
}

describe('ChartController', () => {
  afterEach(async () => {
    await executeServerCommand('emulate-forced-colors', { active: false });
    await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', media: 'screen' });
  });

  it('draws the figures after the table, in the widget’s colours, with a hatch for the unknown bucket', async () => {
    const el = await probe();
    // The table is there at once; the chart only after the table has painted.
    expect(el.shadowRoot!.querySelectorAll('tr')).to.have.length(3);
    const chart = await drawnChart(el.shadowRoot!);
    expect(chart.data.labels).to.deep.equal(['Google', 'Drive-by', 'Unknown']);
    expect(chart.data.datasets[0]!.data).to.deep.equal([12, 30, 7]);
    const colours = chart.data.datasets[0]!.backgroundColor as unknown[];
    expect(colours[0]).to.equal('#0b5cad');
    expect(colours[2]).to.be.instanceOf(CanvasPattern);
    expect(chart.options.color).to.equal('#1f2328');
    await expect(el).to.be.accessible();
  });

  it('updates the same chart when the figures change, instead of making a new one', async () => {
    const el = await probe();
    const chart = await drawnChart(el.shadowRoot!);
    el.rows = [{ name: 'Yelp', count: 4 }];
    const after = await drawnChart(el.shadowRoot!, 'canvas', (c) => c.data.labels?.length === 1);
    expect(after).to.equal(chart);
    expect(after.data.labels).to.deep.equal(['Yelp']);
  });

  it('reads the colours again when the theme changes', async () => {
    const el = await probe();
    await drawnChart(el.shadowRoot!);
    el.setAttribute('theme', 'dark');
    const chart = await drawnChart(el.shadowRoot!, 'canvas', (c) => c.options.color === '#e6edf3');
    expect((chart.data.datasets[0]!.backgroundColor as unknown[])[0]).to.equal('#4493f8');
  });

  it('does not animate under reduced motion', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await probe();
    const chart = await drawnChart(el.shadowRoot!);
    expect(chart.options.animation).to.equal(false);
  });

  it('draws with system colours in forced-colors mode', async () => {
    await executeServerCommand('emulate-forced-colors', { active: true });
    expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
    const el = await probe();
    const chart = await drawnChart(el.shadowRoot!);
    expect(chart.options.color).to.equal('CanvasText');
    expect((chart.data.datasets[0]!.backgroundColor as unknown[])[0]).to.equal('Highlight');
  });

  it('tells the widget which bar was clicked', async () => {
    const el = await probe();
    const chart = await drawnChart(el.shadowRoot!);
    await clickChart(chart, 0, 1);
    expect(el.picked).to.deep.equal([{ datasetIndex: 0, index: 1 }]);
  });

  it('shows a bar’s tooltip while its table row has the keyboard focus', async () => {
    const el = await probe();
    const chart = await drawnChart(el.shadowRoot!);
    el.shadowRoot!.querySelectorAll('tr')[2]!.focus();
    expect(chart.tooltip!.getActiveElements().map((a) => a.index)).to.deep.equal([2]);
    expect(chart.tooltip!.title).to.deep.equal(['Unknown']);
    el.shadowRoot!.querySelectorAll('tr')[2]!.blur();
    expect(chart.tooltip!.getActiveElements()).to.deep.equal([]);
  });

  it('keeps the chart within the page when printed', async () => {
    const el = await probe();
    el.style.inlineSize = '1400px';
    const chart = await drawnChart(el.shadowRoot!);
    await waitUntil(() => chart.width > 1000, 'chart not at its wide size');
    await emulateMedia({ media: 'print' });
    await waitUntil(() => chart.canvas.getBoundingClientRect().width <= el.getBoundingClientRect().width, 'canvas wider than its box');
  });

  it('has an HTML legend whose buttons hide and show a series, the previous period drawn dashed', async () => {
    const el = await fixture<ChartProbe>(testHtml`<chart-probe .rows=${ROWS} compare style="display:block;inline-size:600px"></chart-probe>`);
    const chart = await drawnChart(el.shadowRoot!);
    await el.updateComplete;
    const buttons = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.fc-chart-legend button')];
    expect(buttons.map((b) => b.textContent!.trim())).to.deep.equal(['Customers', 'Last month']);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'true']);
    // The previous period's swatch is a dashed line, the bars' a block.
    expect(buttons[1]!.querySelector('line')!.getAttribute('stroke-dasharray')).to.equal('5 3');
    expect(buttons[0]!.querySelector('rect')).to.not.equal(null);
    await expect(el).to.be.accessible();
    buttons[1]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(chart.isDatasetVisible(1)).to.equal(false);
    expect(el.shadowRoot!.querySelectorAll('.fc-chart-legend button')[1]!.getAttribute('aria-pressed')).to.equal('false');
    // New figures keep the series the user hid hidden.
    el.rows = [{ name: 'Yelp', count: 4 }, ...ROWS];
    await drawnChart(el.shadowRoot!, 'canvas', (c) => c.data.labels?.length === 4);
    expect(chart.isDatasetVisible(1)).to.equal(false);
    expect(chart.isDatasetVisible(0)).to.equal(true);
    await el.updateComplete;
    const again = el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.fc-chart-legend button')[1]!;
    expect(again.getAttribute('aria-pressed')).to.equal('false');
    again.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(chart.isDatasetVisible(1)).to.equal(true);
  });

  it('prints: Chromium’s PDF of the page holds the chart, on one page', async () => {
    const print = () => executeServerCommand<{ header: string; pages: number; images: number }, undefined>('print-to-pdf');
    const el = await probe();
    el.style.inlineSize = '1400px';
    await drawnChart(el.shadowRoot!);
    const withChart = await print();
    expect(withChart.header).to.equal('%PDF-');
    expect(withChart.pages).to.equal(1);
    expect(withChart.images).to.be.greaterThan(0);
    el.showChart = false;
    await el.updateComplete;
    expect((await print()).images).to.equal(0);
  });

  it('is destroyed when the canvas goes or the widget leaves the page', async () => {
    const el = await probe();
    const chart = await drawnChart(el.shadowRoot!);
    const canvas = chart.canvas;
    el.showChart = false;
    await el.updateComplete;
    await el.chart.drawn;
    expect(Chart.getChart(canvas)).to.equal(undefined);
    el.showChart = true;
    const again = await drawnChart(el.shadowRoot!);
    el.remove();
    expect(Chart.getChart(again.canvas)).to.equal(undefined);
  });
});
