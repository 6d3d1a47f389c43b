/**
 * The SMS summary's daily trend: 100,000 texts over 90 days, from the data to the trend painted,
 * against raw Chart.js drawing the same series.
 *
 * The texts (`smsRows`, the SMS benches' generator, spread over 2026-03-01 … 2026-05-29 in a
 * Chicago dealer's dataset) are made once in the page, and so is the chart engine (`chartEngine()`:
 * the widgets' lazy chunk, with the bench's draw plugin), outside the clock (`reload: 'case'`).
 * The previous period is the same range a month earlier (2026-02-01 … 2026-04-29): its February
 * has no texts, its March and April the same as this period's.
 *
 * Ours: each run makes a fresh `createMemoryAdapter` over the texts and asks it for the summary
 * the widget will ask for, outside the clock: the adapter computes it once (that time is printed as
 * `summary computed`, 100,000 texts read into both periods' days) and answers the widget's request
 * from its memo, as a server that has the answer ready would. Timed from connecting a new
 * `<fc-sms-summary from=… to=…>` (its `readyWhen` resolves at once: nothing beside it to show
 * first; by default it waits a painted frame before reading) until its trend chart (a Chart.js
 * line chart: texts in, out, delivered and failed, and the previous period's four dashed) has
 * drawn every series and the frame that shows that draw is painted. With 90 days × 8 lines (712
 * points, under the controller's 1,000) the chart animates its first appearance for 300 ms; the
 * first draw is its first step. The widget reads nothing until its tables are painted, so `ms`
 * holds the wait for that frame too; with the engine loaded, the chart is made right after the
 * render that shows its canvas.
 * Extra figures: `table`, connect to the errors-by-category table painted (rows in the DOM, that
 * frame painted); `chart drawn`, connect to the trend's first draw; `chart`, the chart's own part,
 * from Chart.js beginning to make it (`beforeInit`) to that first draw painted (the span the peer's
 * `ms` times); `settled`, connect to the draw that ends its animation; `query`, the widget's summary request (call to answer). Checked: the
 * chart's eight series are the adapter's days, figure by figure, the previous four dashed and
 * shifted onto this period's days.
 *
 * Peer: raw Chart.js, the same `Chart` (the engine chunk: same registered parts, same default
 * fonts), in a box the size of the widget's trend chart, given the same eight series (computed
 * outside the clock from the same adapter's summary: `{ x: UTC midnight of the day, y }` points, the
 * previous period's n-th day on this period's n-th) as lines on a time axis with the widget's
 * options: `parsing: false`, `normalized: true`, day unit in UTC, the same line widths, point
 * marks and dashes, responsive without aspect ratio, and the widget's animation (read from its
 * chart). Timed from `new Chart(…)` to its first draw painted. No adapter, no Lit, no table.
 */
import type { Chart, ChartConfiguration } from 'chart.js';
import '../../src/components/sms-summary/fc-sms-summary.js';
import type { FcSmsSummary } from '../../src/components/sms-summary/fc-sms-summary.js';
import type { ForecourtAdapter, SmsApi } from '../../src/data/adapter.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { Dataset, SmsFilter, SmsSummary } from '../../src/data/model.js';
import type { BenchCase, SideResult } from '../lib/case.js';
import { check } from '../lib/case.js';
import { animationEnd, chartEngine, nextPaint } from '../lib/chart-paint.js';
import { marked, painted } from '../lib/render.js';
import { SMS_ZONE, smsDataset, smsRows } from '../lib/sms-fixture.js';

const TEXTS = 100_000;
/** 90 days: March, April and May but its last two days. */
const RANGE = { from: '2026-03-01', to: '2026-05-29' } as const;
const DAYS = 90;
const FILTER: SmsFilter = { from: RANGE.from, to: RANGE.to };
const FIGURES = ['inbound', 'outbound', 'delivered', 'failed'] as const;

type Animation = false | { duration?: number };
type Point = { x: number; y: number };

interface Fixture {
  dataset: Dataset;
  summary: SmsSummary;
  /** The eight series the trend draws: this period's four, then the previous period's four. */
  series: Point[][];
  /** The widget's trend box, for the peer's canvas. */
  box: { width: number; height: number };
  animation: Animation;
}
let fixture: Fixture | null = null;

/** The trend's series from a summary, as anyone would build them: days as UTC midnights, the previous period's n-th day on this one's n-th. */
function seriesOf(summary: SmsSummary): Point[][] {
  const xs = summary.current.perDay.map((d) => Date.parse(`${d.date}T00:00:00Z`));
  const previous = summary.previous.perDay.slice(0, xs.length);
  return [
    ...FIGURES.map((key) => summary.current.perDay.map((d, i) => ({ x: xs[i]!, y: d[key] }))),
    ...FIGURES.map((key) => previous.map((d, i) => ({ x: xs[i]!, y: d[key] }))),
  ];
}

/** The widget's trend: its line chart (the errors chart is bars). */
const isTrendOf = (el: FcSmsSummary) => (chart: Chart) => (chart.config as { type?: string }).type === 'line' && el.renderRoot.contains(chart.canvas) && chart.data.datasets.length === 8 && chart.data.datasets.every((d) => d.data.length > 0);

const animationOf = (chart: Chart): Animation => {
  const animation = (chart.config.options as { animation?: Animation } | undefined)?.animation;
  return animation === false ? false : { duration: animation?.duration ?? 1000 };
};

function mount(adapter: ForecourtAdapter): FcSmsSummary {
  const el = document.createElement('fc-sms-summary');
  el.readyWhen = () => Promise.resolve();
  el.timeZone = SMS_ZONE;
  el.from = RANGE.from;
  el.to = RANGE.to;
  el.adapter = adapter;
  document.body.append(el);
  return el;
}

/** The series a chart draws, as `x:y` text per dataset. */
const drawnSeries = (chart: Chart) => chart.data.datasets.map((d) => (d.data as Point[]).map((p) => `${p.x}:${p.y}`).join(' '));
const textOf = (series: Point[][]) => series.map((points) => points.map((p) => `${p.x}:${p.y}`).join(' '));

/** A garbage collection and a few idle frames: the fixture's garbage is not collected inside the clock. */
const settle = async () => {
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < 3; i++) await painted();
};

async function setup(): Promise<void> {
  if (fixture) return;
  await chartEngine();
  const rows = smsRows(TEXTS, RANGE);
  const dataset = smsDataset(rows);
  const summary = await createMemoryAdapter(dataset).sms!.summary(FILTER);
  check(summary.current.perDay.length === DAYS, `the period has ${summary.current.perDay.length} days, expected ${DAYS}`);
  check(summary.current.inbound + summary.current.outbound === TEXTS, `the period holds ${summary.current.inbound + summary.current.outbound} texts, expected ${TEXTS}`);
  // The widget once: its trend box and animation, for the peer.
  const el = mount(createMemoryAdapter(dataset));
  const paint = await nextPaint(isTrendOf(el), 'the trend');
  await animationEnd(paint.chart);
  const box = paint.chart.canvas.parentElement!.getBoundingClientRect();
  const animation = animationOf(paint.chart);
  el.remove();
  fixture = { dataset, summary, series: seriesOf(summary), box: { width: box.width, height: box.height }, animation };
}

async function ours(): Promise<SideResult> {
  const { dataset, series } = fixture!;
  const memory = createMemoryAdapter(dataset);
  const computeStart = performance.now();
  await memory.sms!.summary(FILTER);
  const summaryMs = performance.now() - computeStart;
  let query = -1;
  const sms: SmsApi = {
    ...memory.sms!,
    async summary(filter, opts) {
      const start = performance.now();
      const result = await memory.sms!.summary(filter, opts);
      query = performance.now() - start;
      return result;
    },
  };
  const adapter: ForecourtAdapter = { ...memory, sms };
  await settle();

  let el: FcSmsSummary | undefined;
  try {
    let tableAt = 0;
    const trend = nextPaint((chart) => !!el && isTrendOf(el)(chart), 'the trend');
    const start = performance.now();
    const paint = await marked('sms-trend-render:ours', async () => {
      el = mount(adapter);
      const table = painted(() => !!el!.renderRoot.querySelector('[part=table] tbody tr'), 240).then(() => {
        tableAt = performance.now();
      });
      const drawn = await trend;
      await table;
      return drawn;
    });
    const ms = paint.paintedAt - start;
    const endedAt = await animationEnd(paint.chart);

    const chart = paint.chart;
    check(drawnSeries(chart).join('|') === textOf(series).join('|'), 'the trend does not draw the adapter’s days');
    const dashed = chart.data.datasets.map((d) => Array.isArray((d as { borderDash?: unknown }).borderDash) && ((d as { borderDash: number[] }).borderDash.length > 0));
    check(dashed.join() === [false, false, false, false, true, true, true, true].join(), `dashed series: ${dashed.join(', ')}`);
    check(query >= 0, 'the widget did not ask the adapter for its summary');
    check(paint.inFrame === (animationOf(chart) !== false), `the trend was drawn ${paint.inFrame ? 'in' : 'outside'} an animation frame`);
    return {
      ms,
      extra: {
        table: tableAt - start,
        'chart drawn': paint.drawnAt - start,
        chart: paint.paintedAt - (paint.createdAt ?? paint.updatedAt),
        settled: endedAt - start,
        query,
        'summary computed': summaryMs,
      },
    };
  } finally {
    el?.remove();
  }
}

async function peer(): Promise<SideResult> {
  const { series, box, animation } = fixture!;
  const { Chart } = await chartEngine();
  const host = document.createElement('div');
  host.style.cssText = `position: relative; width: ${box.width}px; height: ${box.height}px`;
  const canvas = document.createElement('canvas');
  host.append(canvas);
  document.body.append(host);
  const colours = ['#59636e', '#0b5cad', '#1a7f37', '#c9252d'];
  const marks = ['circle', 'rect', 'triangle', 'rectRot'] as const;
  const config: ChartConfiguration<'line', Point[]> = {
    type: 'line',
    data: {
      datasets: series.map((points, i) => {
        const previous = i >= FIGURES.length;
        const colour = colours[i % 4]!;
        return {
          label: `${FIGURES[i % 4]}${previous ? ', previous period' : ''}`,
          data: points.map((p) => ({ ...p })),
          parsing: false,
          normalized: true,
          borderColor: colour,
          backgroundColor: colour,
          borderWidth: previous ? 1.5 : 2,
          borderDash: previous ? [6, 4] : undefined,
          pointStyle: marks[i % 4],
          pointRadius: previous ? 0 : 3,
          pointHoverRadius: previous ? 4 : 5,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'time', adapters: { date: { zone: 'UTC', locale: 'en' } }, time: { unit: 'day' }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        y: { beginAtZero: true, ticks: { precision: 0 } },
      },
    },
  };
  await settle();
  let chart: Chart | undefined;
  try {
    const drawn = nextPaint((c) => c.canvas === canvas, 'the peer trend');
    const start = performance.now();
    const paint = await marked('sms-trend-render:peer', async () => {
      chart = new Chart(canvas, config as ChartConfiguration);
      return drawn;
    });
    const ms = paint.paintedAt - start;
    const endedAt = await animationEnd(paint.chart);
    check(drawnSeries(paint.chart).join('|') === textOf(series).join('|'), 'the peer does not draw the same days');
    return { ms, extra: { 'chart drawn': paint.drawnAt - start, settled: endedAt - start } };
  } finally {
    chart?.destroy();
    host.remove();
  }
}

export const smsTrendRender: BenchCase = {
  name: 'sms-trend-render',
  description: `<fc-sms-summary> over ${TEXTS.toLocaleString('en')} texts in ${DAYS} days (memory adapter, summary ready): from connecting it to the daily trend (8 lines, previous period dashed) drawn by Chart.js and painted, table first`,
  reload: 'case',
  setup,
  ours,
  peers: { 'raw Chart.js (same engine), the same 8 series as lines on a time axis, same options': peer },
};
