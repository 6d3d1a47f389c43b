/**
 * Store traffic (issue 6): a drill-down click to the repainted chart, budget 100 ms, over 1,000,000
 * events in the memory adapter, with a baseline of raw Chart.js (default parsing, default
 * animation) fed the same buckets.
 *
 * The events (a year of a busy store, `generateDataset({ trafficCount: 1e6 })`, the generator the
 * `traffic-aggregate` cases use) and the memory adapter over them are made once in the page,
 * outside the clock (`reload: 'case'`). The adapter builds its columnar index on the first query
 * of a dataset and zone: setup mounts the widget once and waits for its first chart, and reports
 * that time as `first load` (index build included; paid once per dataset, not per drill).
 *
 * Ours: a fresh `<fc-store-traffic path="groupBy=department">` over the whole year, mounted and
 * settled before the clock (chart drawn, previous period read). Timed from `click()` on the drill
 * button of the biggest department's table row until the chart (SVG bars drawn by Lit) shows the
 * next level's bucket names (its default next grouping, up type) and that frame is painted. The
 * widget's path, chart and table total are then checked against the adapter's own answer: the new
 * level's ups add up to the clicked bucket's. Extra figures: `query`, the level read inside the
 * drill (call to resolve); `chart drawn`, click to the chart's DOM holding the new level; and
 * `frame`, click to the animation callbacks of the frame that paints it (its style, layout and paint
 * follow). The widget's read of the previous period waits until the level is painted
 * (`afterPaint`), after `painted()`'s task.
 *
 * Peer: raw Chart.js (the same registered bar parts, default options, so default parsing and the
 * default 1 s animation), in a box the size of the widget's chart box, showing the department level
 * (drawn and settled before the clock), then fed the next level's buckets (labels and plain
 * numbers, computed outside the clock from the same adapter) with `chart.update()`, timed until
 * its first draw of them is painted. It does no query, no table and no Lit: the ratio is what the
 * widget's whole drill (query, table, chart) costs against Chart.js alone drawing the same bars.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import '../../src/components/store-traffic/fc-store-traffic.js';
import type { FcStoreTraffic } from '../../src/components/store-traffic/fc-store-traffic.js';
import { formatPath, nextDimension } from '../../src/components/store-traffic/store-traffic.path.js';
import type { ForecourtAdapter, TrafficApi } from '../../src/data/adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { TrafficDimension, TrafficQuery } from '../../src/data/model.js';
import type { BenchCase, SideResult } from '../lib/case.js';
import { check } from '../lib/case.js';
import { painted, timed, whenInDom } from '../lib/render.js';

const EVENTS = 1_000_000;
const ZONE = 'America/Chicago';
/** The dataset's whole year (it ends on `today`, 2026-11-23): every event is in range. */
const RANGE = { from: '2025-11-24', to: '2026-11-23' };
const TOP: TrafficDimension = 'department';
const TOP_PATH = `groupBy=${TOP}`;
/** A first load builds the index (about a second, frames stall): allow it many frames. */
const FIRST_LOAD_FRAMES = 1_200;

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** When a labels array was first drawn by a Chart.js chart on the page (the peer sets a new array per level). */
const firstDrawOf = new WeakMap<object, number>();
Chart.register({
  id: 'benchTrafficDrillDraw',
  afterDraw(chart) {
    const labels = chart.data.labels;
    if (labels && !firstDrawOf.has(labels)) firstDrawOf.set(labels, performance.now());
  },
});

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

/** The widget's chart as shown: each bar's name and the ups written on it. */
function chartOf(el: FcStoreTraffic): { labels: string[]; ups: string[] } {
  const bands = [...el.renderRoot.querySelectorAll('[part=chart] .fc-bars__band')];
  const text = (band: Element, part: string) => band.querySelector(`.fc-bars__${part}`)?.textContent?.trim() ?? '';
  return { labels: bands.map((b) => text(b, 'name')), ups: bands.map((b) => text(b, 'value')) };
}

const sameLabels = (a: readonly unknown[] | undefined, b: readonly string[]) => !!a && a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether the widget's chart shows `labels` (any level when null): in the DOM, not yet painted. */
function drawn(el: FcStoreTraffic, labels: readonly string[] | null): boolean {
  const shown = chartOf(el).labels;
  return labels ? sameLabels(shown, labels) : shown.length > 0;
}

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

/** Mounted, top level drawn and painted, previous period read: nothing left running. */
async function settled(el: FcStoreTraffic, labels: readonly string[] | null, frames = 120): Promise<void> {
  await painted(() => drawn(el, labels), frames);
  await whenInDom(el.renderRoot, () => !!el.renderRoot.querySelector('[part=summary] .previous'), 'previous period');
  await painted();
}

async function setup(): Promise<void> {
  if (fixture) return;
  const dataset = generateDataset({ size: 'small', trafficCount: EVENTS });
  check(dataset.dealer.zone === ZONE, `expected a ${ZONE} dealer, got ${dataset.dealer.zone}`);
  check(dataset.today === RANGE.to, `expected data up to ${RANGE.to}, got ${dataset.today}`);
  const memory = createMemoryAdapter(dataset);
  const calls: Call[] = [];
  const adapter = timedAdapter(memory, calls);

  // The first query of this dataset and zone builds the index: the widget's first load pays it.
  const start = performance.now();
  const el = mount(adapter);
  await painted(() => drawn(el, null), FIRST_LOAD_FRAMES);
  const firstLoadMs = performance.now() - start;
  await settled(el, null);
  const chartBox = el.renderRoot.querySelector('[part=chart]')!.getBoundingClientRect();
  const widgetLabels = chartOf(el).labels;
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
  };
}

async function ours(): Promise<SideResult> {
  const { adapter, calls, firstLoadMs, clicked, top, next, nextGroupBy } = fixture!;
  const el = mount(adapter);
  try {
    await settled(el, top.labels);
    const button = [...el.renderRoot.querySelectorAll<HTMLButtonElement>('button.drill')].find((b) => b.textContent?.trim() === clicked.label);
    check(button, `no drill button for ${clicked.label}`);
    calls.length = 0;
    let clickedAt = 0;
    let drawnAt = 0;
    let frameAt = 0;
    // The chart is DOM: it is drawn when Lit's render puts the new level in it (a mutation).
    const observer = new MutationObserver(() => {
      if (!drawnAt && drawn(el, next.labels)) drawnAt = performance.now();
    });
    observer.observe(el.renderRoot, { childList: true, subtree: true, characterData: true });
    const ms = await timed('traffic-drill:ours', async () => {
      clickedAt = performance.now();
      button.click();
      await painted(() => {
        const done = drawn(el, next.labels);
        // The animation callbacks of the frame that paints the new level: its style, layout and paint follow.
        if (done) frameAt = performance.now();
        return done;
      });
    });

    const path = formatPath({ filters: [{ dimension: TOP, key: clicked.key }], groupBy: nextGroupBy });
    check(el.getAttribute('path') === path, `path ${el.getAttribute('path')}, expected ${path}`);
    observer.disconnect();
    check(drawnAt >= clickedAt, 'the chart was not seen drawing the new level');
    const count = new Intl.NumberFormat('en');
    const bars = chartOf(el).ups;
    const expected = next.ups.map((n) => count.format(n));
    check(bars.join('|') === expected.join('|'), `bars ${bars.join(', ')}, expected ${expected.join(', ')}`);
    const sum = next.ups.reduce((a, b) => a + b, 0);
    check(sum === clicked.ups, `the new level's bars add up to ${sum}, ${clicked.label} had ${clicked.ups} ups`);
    const total = el.renderRoot.querySelector('#traffic-table tfoot td')?.textContent?.trim();
    check(total === count.format(clicked.ups), `table total ${total}, expected ${clicked.ups}`);
    const rows = el.renderRoot.querySelectorAll('#traffic-table tbody tr').length;
    check(rows === next.labels.length, `table has ${rows} rows, expected ${next.labels.length}`);
    const read = calls.find((c) => c.query.groupBy === nextGroupBy && c.query.from === RANGE.from && c.query.filters?.[TOP] === clicked.key);
    check(read && read.start >= clickedAt, 'the drill did not read its level from the adapter');
    return { ms, extra: { query: read.end - read.start, 'chart drawn': drawnAt - clickedAt, frame: frameAt - clickedAt, 'first load': firstLoadMs } };
  } finally {
    el.remove();
  }
}

async function peer(): Promise<SideResult> {
  const { clicked, top, next, box } = fixture!;
  const host = document.createElement('div');
  host.style.cssText = `position: relative; width: ${box.width}px; height: ${box.height}px`;
  const canvas = document.createElement('canvas');
  host.append(canvas);
  document.body.append(host);
  // Default options: default parsing (labels + plain numbers), default animation.
  const chart = new Chart(canvas, { type: 'bar', data: { labels: [...top.labels], datasets: [{ label: 'Ups', data: [...top.ups] }] } });
  try {
    // The department level, fully drawn (its opening animation cut short) before the clock.
    chart.stop();
    chart.update('none');
    await painted();
    const labels = [...next.labels];
    const data = [...next.ups];
    let start = 0;
    let frameAt = 0;
    const ms = await timed('traffic-drill:peer', async () => {
      start = performance.now();
      chart.data.labels = labels;
      chart.data.datasets[0]!.data = data;
      chart.update();
      await painted(() => {
        const done = firstDrawOf.has(labels);
        if (done) frameAt = performance.now();
        return done;
      });
    });
    const drawnAt = firstDrawOf.get(labels)!;
    const sum = (chart.data.datasets[0]!.data as number[]).reduce((a, b) => a + b, 0);
    check(sameLabels(chart.data.labels, next.labels) && sum === clicked.ups, `the peer chart shows ${sum} ups, expected ${clicked.ups}`);
    return { ms, extra: { 'chart drawn': drawnAt - start, frame: frameAt - start } };
  } finally {
    chart.destroy();
    host.remove();
  }
}

export const trafficDrill: BenchCase = {
  name: 'traffic-drill',
  description: `<fc-store-traffic> over ${EVENTS.toLocaleString('en')} events (memory adapter, a year): from clicking a department's drill button to the next level's chart drawn and painted (budget 100 ms)`,
  reload: 'case',
  setup,
  ours,
  peers: { 'raw Chart.js, default parsing and animation, chart.update() with the same buckets': peer },
  figures: { 'first load': { over: 'max' } },
  budgets: [{ figure: 'ms', max: 100 }],
};
