/**
 * Store traffic: a drill-down click to the repainted Chart.js chart, budget 100 ms and 1.3× raw
 * Chart.js fed the same buckets, over 1,000,000 events in the memory adapter.
 *
 * The events (a year of a busy store, `generateDataset({ trafficCount: 1e6 })`, the generator the
 * `traffic-aggregate` cases use) and the memory adapter over them are made once in the page,
 * outside the clock (`reload: 'case'`), and so is the chart engine (`chartEngine()`: the widgets'
 * lazy chunk, with the bench's draw plugin). The adapter builds its columnar index on the first
 * query of a dataset and zone: setup mounts the widget once and waits for its first chart, and
 * reports that time as `first load` (mount to the first chart drawn and painted; index build included;
 * paid once per dataset).
 *
 * Ours: a fresh `<fc-store-traffic path="groupBy=department">` over the whole year, mounted and
 * settled before the clock (bars drawn, their animation ended, previous period read). Timed from
 * `click()` on the drill button of the biggest department's table row until the widget's Chart.js
 * chart has drawn the next level's buckets (its default next grouping, up type: the chart's labels
 * are the level's) and the frame that shows that draw is painted (`nextPaint`). The widget's
 * chart is updated in place (`ChartController` sets the new data and options and calls
 * `chart.update()`), and that update **animates**: the level has a few bars, under the
 * controller's 1,000 points, so it keeps its 300 ms animation (`update()` in the default mode, not
 * `'none'`); the first draw of the new level is the animation's first step, in an animation frame.
 * The case checks that the chart is the same instance after the drill and reports the animation
 * it ran with (`animation`, ms; 0 would mean none). Checked after the clock: the path, the chart's
 * labels and ups against the adapter's own answer, that they add up to the clicked bucket's ups,
 * and the table's rows and total. Extra figures: `query`, the level read inside the drill (call
 * to resolve); `table`, click to the table holding the new level (in the DOM); `chart drawn`,
 * click to the chart's first draw of the new level; `chart`, the chart's own part, from Chart.js
 * beginning the update with the new level (`beforeUpdate`) to that draw painted (the span the peer's
 * `ms` times); `settled`, click to the draw that ends its animation. The widget's read of the previous period waits until the level is painted, so it
 * falls outside `ms`.
 *
 * Peer: raw Chart.js, the same `Chart` as the widget's (the engine chunk: the same registered bar,
 * line, scale and tooltip parts, the same default fonts), in a box the size of the widget's chart,
 * configured as the widget configures its bars: labels and plain numbers with `normalized: true`
 * (`parsing: false` does not apply to plain numbers), responsive without aspect ratio, the widget's
 * own animation setting (read from its chart: 300 ms) and the same update mode. It shows the
 * department level (drawn and settled before the clock), then its data gets the next level's
 * labels and ups (computed outside the clock from the same adapter) and `chart.update()`; timed
 * until its first draw of them is painted. It does no query, no table, no Lit and no new options:
 * the ratio is what the widget's whole drill (query, table, chart through the controller) costs
 * against Chart.js alone drawing the same bars.
 */
import type { Chart } from 'chart.js';
import '../../src/components/store-traffic/fc-store-traffic.js';
import type { FcStoreTraffic } from '../../src/components/store-traffic/fc-store-traffic.js';
import { formatPath, nextDimension } from '../../src/components/store-traffic/store-traffic.path.js';
import type { ForecourtAdapter, TrafficApi } from '../../src/data/adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { TrafficDimension, TrafficQuery } from '../../src/data/model.js';
import type { BenchCase, SideResult } from '../lib/case.js';
import { check } from '../lib/case.js';
import { animationEnd, chartEngine, chartIn, nextPaint } from '../lib/chart-paint.js';
import { marked, painted, whenInDom } from '../lib/render.js';

const EVENTS = 1_000_000;
const ZONE = 'America/Chicago';
/** The dataset's whole year (it ends on `today`, 2026-11-23): every event is in range. */
const RANGE = { from: '2025-11-24', to: '2026-11-23' };
const TOP: TrafficDimension = 'department';
const TOP_PATH = `groupBy=${TOP}`;
/** A first load builds the index (about a second on an idle machine): allow it much longer. */
const FIRST_LOAD_MS = 60_000;

/** One `traffic.aggregate` call as the widget made it. */
interface Call {
  query: TrafficQuery;
  start: number;
  end: number;
}

interface Level {
  labels: string[];
  ups: number[];
  total: number;
}

/** A chart's `options.animation` as configured: off, or its duration. */
type Animation = false | { duration?: number };

interface Fixture {
  adapter: ForecourtAdapter;
  calls: Call[];
  /** Mount to first chart painted, index build included. */
  firstLoadMs: number;
  /** The bucket clicked: the biggest department. */
  clicked: { key: string; label: string; ups: number };
  top: Level;
  next: Level;
  nextGroupBy: TrafficDimension;
  /** The widget's chart box, for the peer's canvas. */
  box: { width: number; height: number };
  /** The widget's chart animation, for the peer. */
  animation: Animation;
}
let fixture: Fixture | null = null;

/** The memory adapter with its `traffic.aggregate` calls timed (microseconds of overhead). */
function timedAdapter(memory: ForecourtAdapter, calls: Call[]): ForecourtAdapter {
  const traffic = memory.traffic!;
  const wrapped: TrafficApi = {
    ...traffic,
    async aggregate(query, opts) {
      const start = performance.now();
      const result = await traffic.aggregate(query, opts);
      calls.push({ query, start, end: performance.now() });
      return result;
    },
  };
  return { ...memory, traffic: wrapped };
}

const sameLabels = (a: readonly unknown[] | undefined, b: readonly string[]) => !!a && a.length === b.length && a.every((x, i) => x === b[i]);

const canvasOf = (el: FcStoreTraffic) => el.renderRoot.querySelector<HTMLCanvasElement>('.fc-chart canvas');

/** The widget's chart, once Chart.js has drawn it with `labels` (any when null). */
async function widgetChart(el: FcStoreTraffic, labels: readonly string[] | null, frames = 120): Promise<Chart> {
  const engine = await chartEngine();
  let chart: Chart | undefined;
  await painted(() => {
    chart = chartIn(engine, canvasOf(el));
    return !!chart?.chartArea && (labels ? sameLabels(chart.data.labels, labels) : (chart.data.labels?.length ?? 0) > 0);
  }, frames);
  return chart!;
}

/** The ups the chart draws, bar by bar. */
const upsOf = (chart: Chart) => (chart.data.datasets[0]?.data ?? []).map((v) => (typeof v === 'number' ? v : Number((v as { y?: number } | null)?.y)));

const animationOf = (chart: Chart): Animation => {
  const animation = (chart.config.options as { animation?: Animation } | undefined)?.animation;
  return animation === false ? false : { duration: animation?.duration ?? 1000 };
};

function mount(adapter: ForecourtAdapter): FcStoreTraffic {
  const el = document.createElement('fc-store-traffic');
  el.adapter = adapter;
  el.path = TOP_PATH;
  el.from = RANGE.from;
  el.to = RANGE.to;
  el.timeZone = ZONE;
  document.body.append(el);
  return el;
}

/** Mounted, top level drawn, its animation ended and painted, previous period read: nothing left running. */
async function settled(el: FcStoreTraffic, labels: readonly string[] | null, frames = 120): Promise<Chart> {
  const chart = await widgetChart(el, labels, frames);
  await whenInDom(el.renderRoot, () => !!el.renderRoot.querySelector('[part=summary] .previous'), 'previous period');
  await animationEnd(chart);
  await painted();
  return chart;
}

async function setup(): Promise<void> {
  if (fixture) return;
  await chartEngine();
  const dataset = generateDataset({ size: 'small', trafficCount: EVENTS });
  check(dataset.dealer.zone === ZONE, `expected a ${ZONE} dealer, got ${dataset.dealer.zone}`);
  check(dataset.today === RANGE.to, `expected data up to ${RANGE.to}, got ${dataset.today}`);
  const memory = createMemoryAdapter(dataset);
  const calls: Call[] = [];
  const adapter = timedAdapter(memory, calls);

  // The first query of this dataset and zone builds the index: the widget's first load pays it.
  let el: FcStoreTraffic | undefined;
  const first = nextPaint((c) => !!el?.renderRoot.contains(c.canvas), 'the first chart', FIRST_LOAD_MS);
  const start = performance.now();
  el = mount(adapter);
  const firstLoadMs = (await first).paintedAt - start;
  const chart = await settled(el, null);
  const chartBox = el.renderRoot.querySelector('.fc-chart')!.getBoundingClientRect();
  const widgetLabels = [...(chart.data.labels as string[])];
  const animation = animationOf(chart);
  el.remove();

  const base = { ...RANGE, zone: ZONE };
  const top = await memory.traffic!.aggregate({ ...base, groupBy: TOP });
  check(sameLabels(widgetLabels, top.rows.map((r) => r.label)), `the widget charts ${widgetLabels.join(', ')}, the adapter answers ${top.rows.map((r) => r.label).join(', ')}`);
  check(top.total.ups === EVENTS, `expected all ${EVENTS} events in range, got ${top.total.ups}`);
  const biggest = top.rows.reduce((a, b) => (b.ups > a.ups ? b : a));
  const nextGroupBy = nextDimension([{ dimension: TOP, key: biggest.key }]);
  check(nextGroupBy, 'nothing to drill into');
  const next = await memory.traffic!.aggregate({ ...base, filters: { [TOP]: biggest.key }, groupBy: nextGroupBy });
  check(next.rows.length > 1, `the next level has ${next.rows.length} buckets`);
  check(next.total.ups === biggest.ups, `the next level has ${next.total.ups} ups, ${biggest.label} ${biggest.ups}`);
  const level = (rows: { label: string; ups: number }[], total: number): Level => ({ labels: rows.map((r) => r.label), ups: rows.map((r) => r.ups), total });
  fixture = {
    adapter,
    calls,
    firstLoadMs,
    clicked: { key: biggest.key, label: biggest.label, ups: biggest.ups },
    top: level(top.rows, top.total.ups),
    next: level(next.rows, next.total.ups),
    nextGroupBy,
    box: { width: chartBox.width, height: chartBox.height },
    animation,
  };
}

async function ours(): Promise<SideResult> {
  const { adapter, calls, firstLoadMs, clicked, top, next, nextGroupBy } = fixture!;
  const el = mount(adapter);
  try {
    const before = await settled(el, top.labels);
    const button = [...el.renderRoot.querySelectorAll<HTMLButtonElement>('button.drill')].find((b) => b.textContent?.trim() === clicked.label);
    check(button, `no drill button for ${clicked.label}`);
    calls.length = 0;
    const rowsShown = () => el.renderRoot.querySelectorAll('#traffic-table tbody tr').length === next.labels.length && el.getAttribute('path') !== TOP_PATH;
    let tableAt = 0;
    const observer = new MutationObserver(() => {
      if (!tableAt && rowsShown()) tableAt = performance.now();
    });
    observer.observe(el.renderRoot, { childList: true, subtree: true, characterData: true });
    const drawn = nextPaint((chart) => chart.canvas === canvasOf(el) && sameLabels(chart.data.labels, next.labels), 'the next level');
    const clickedAt = performance.now();
    const paint = await marked('traffic-drill:ours', async () => {
      button.click();
      return drawn;
    });
    const ms = paint.paintedAt - clickedAt;
    const chart = paint.chart;
    const endedAt = await animationEnd(chart);
    observer.disconnect();

    check(chart === before, 'the drill made a new chart instead of updating the one drawn');
    check(paint.updatedAt >= clickedAt, 'the chart was not seen updating after the click');
    // The bench's own frame detection: an animated update's first draw is an animation step, in a frame.
    check(paint.inFrame === (animationOf(chart) !== false), `the level was drawn ${paint.inFrame ? 'in' : 'outside'} an animation frame`);
    const path = formatPath({ filters: [{ dimension: TOP, key: clicked.key }], groupBy: nextGroupBy });
    check(el.getAttribute('path') === path, `path ${el.getAttribute('path')}, expected ${path}`);
    check(tableAt >= clickedAt, 'the table was not seen showing the new level');
    const ups = upsOf(chart);
    check(ups.join('|') === next.ups.join('|'), `bars ${ups.join(', ')}, expected ${next.ups.join(', ')}`);
    const sum = ups.reduce((a, b) => a + b, 0);
    check(sum === clicked.ups, `the new level's bars add up to ${sum}, ${clicked.label} had ${clicked.ups} ups`);
    const count = new Intl.NumberFormat('en');
    const total = el.renderRoot.querySelector('#traffic-table tfoot td')?.textContent?.trim();
    check(total === count.format(clicked.ups), `table total ${total}, expected ${clicked.ups}`);
    const read = calls.find((c) => c.query.groupBy === nextGroupBy && c.query.from === RANGE.from && c.query.filters?.[TOP] === clicked.key);
    check(read && read.start >= clickedAt, 'the drill did not read its level from the adapter');
    const animation = animationOf(chart);
    return {
      ms,
      extra: {
        query: read.end - read.start,
        table: tableAt - clickedAt,
        'chart drawn': paint.drawnAt - clickedAt,
        chart: paint.paintedAt - paint.updatedAt,
        settled: endedAt - clickedAt,
        animation: animation === false ? 0 : (animation.duration ?? 0),
        'first load': firstLoadMs,
      },
    };
  } finally {
    el.remove();
  }
}

async function peer(): Promise<SideResult> {
  const { clicked, top, next, box, animation } = fixture!;
  const { Chart } = await chartEngine();
  const host = document.createElement('div');
  host.style.cssText = `position: relative; width: ${box.width}px; height: ${box.height}px`;
  const canvas = document.createElement('canvas');
  host.append(canvas);
  document.body.append(host);
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: [...top.labels], datasets: [{ label: 'Ups', data: [...top.ups], normalized: true }] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation,
      interaction: { mode: 'index', intersect: true },
      scales: { x: { grid: { display: false } }, y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  });
  try {
    // The department level, drawn and its opening animation ended, before the clock.
    await painted(() => !!chart.chartArea);
    await animationEnd(chart);
    await painted();
    const labels = [...next.labels];
    const data = [...next.ups];
    const drawn = nextPaint((c) => c === chart && sameLabels(c.data.labels, labels), 'the peer chart');
    const start = performance.now();
    const paint = await marked('traffic-drill:peer', async () => {
      chart.data.labels = labels;
      chart.data.datasets[0]!.data = data;
      // The controller's update: 'none' only where it turns animation off.
      chart.update(animation === false ? 'none' : undefined);
      return drawn;
    });
    const ms = paint.paintedAt - start;
    check(paint.inFrame === (animation !== false), `the peer drew ${paint.inFrame ? 'in' : 'outside'} an animation frame`);
    const endedAt = await animationEnd(chart);
    const sum = upsOf(chart).reduce((a, b) => a + b, 0);
    check(sameLabels(chart.data.labels, next.labels) && sum === clicked.ups, `the peer chart shows ${sum} ups, expected ${clicked.ups}`);
    return { ms, extra: { 'chart drawn': paint.drawnAt - start, settled: endedAt - start } };
  } finally {
    chart.destroy();
    host.remove();
  }
}

export const trafficDrill: BenchCase = {
  name: 'traffic-drill',
  description: `<fc-store-traffic> over ${EVENTS.toLocaleString('en')} events (memory adapter, a year): from clicking a department's drill button to the next level drawn by its Chart.js chart and painted (budget 100 ms, 1.3× raw Chart.js)`,
  reload: 'case',
  setup,
  ours,
  peers: { 'raw Chart.js (same engine, same bar options and animation), chart.update() with the same buckets': peer },
  figures: { 'first load': { over: 'max' }, animation: { unit: 'ms' } },
  budgets: [
    { figure: 'ms', max: 100 },
    { figure: 'ratio', max: 1.3 },
  ],
};
