/**
 * Table first: a chart widget's table is painted before the chart module is even fetched, and
 * how long the chart then takes. `<fc-source-report>` over the render benches' fixture (50,000
 * customers, 400 sources, twelve months: `bench/lib/sources-fixture.ts`), whose answers are
 * computed before the clock and handed to the widget by an adapter that resolves at once.
 *
 * Every side runs on a fresh page load, so the chart engine (the lazily loaded chunk with Chart.js)
 * is not in the page: whoever draws a chart fetches it (from the bench's server on 127.0.0.1, or
 * the browser's cache after the first side; either way the page's resource timing records it).
 *
 * Ours: timed from connecting the element. `ms` is the table painted: its eight category rows in
 * the DOM and the frame that shows them painted. Then the case waits for the chart: the widget's
 * `ChartController` waits for that paint, fetches the engine and draws a bar per category; the
 * case sees its draws from the first (it wraps the `draw` of the chart Chart.js makes in the
 * widget's canvas) and waits for the frame that shows the first one. Checked, not timed: the chart
 * chunk's request (its resource timing entry, `chart-engine-*.js`) started after the frame that
 * painted the table had begun rendering, and there was no such request before the element was
 * connected; the bars are the report's new customers per category. Extra figures from the same
 * clock: `fetch`, the chunk's request start; `loaded`, its response end; `chart`, the first draw
 * of the bars painted.
 *
 * Peer: an eager page, the common way: on connect it fetches Chart.js (the same chunk, so the same
 * bytes and parts) and, once it has it, renders the same figures as a plain DOM table (no Lit) and
 * the same bars with raw Chart.js (the widget's animation, 300 ms), in one task. `ms` is its table
 * painted too, which here waits for the chart module. The ratio is the table's arrival, table
 * first against chart module first.
 */
import type { Chart } from 'chart.js';
import '../../src/components/source-report/fc-source-report.js';
import { loadChartEngine } from '../../src/components/shared/charts/chart-controller.js';
import type { BenchCase, SideResult } from '../lib/case.js';
import { check } from '../lib/case.js';
import type { ChartPaint } from '../lib/chart-paint.js';
import { chartChunkEntry, chartEngine, nextPaint, watchDraws } from '../lib/chart-paint.js';
import { marked, nextFrame, nextTask, painted } from '../lib/render.js';
import { loadSourcesFixture, precomputedAdapter } from '../lib/sources-fixture.js';
import { vanillaReport } from './source-report-render.js';

/**
 * The first draw of the chart Chart.js makes in a `.fc-chart canvas` of `root` (a shadow root
 * being rendered), seen from the moment Chart.js takes the canvas's context, and its frame painted.
 */
function firstChartPaint(root: ParentNode & Node, timeoutMs = 10_000): Promise<ChartPaint> {
  return new Promise<ChartPaint>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no chart drawn in ${timeoutMs} ms`)), timeoutMs);
    const done = (paint: ChartPaint) => {
      clearTimeout(timer);
      resolve(paint);
    };
    const hook = (canvas: HTMLCanvasElement) => {
      const getContext = canvas.getContext;
      let seen = false;
      canvas.getContext = function (this: HTMLCanvasElement, ...args: Parameters<HTMLCanvasElement['getContext']>) {
        const context = (getContext as (...a: unknown[]) => RenderingContext | null).apply(this, args);
        if (!seen) {
          seen = true;
          // Chart.js's constructor is running: once it has returned, the engine is the widget's, already loaded.
          queueMicrotask(() => {
            void loadChartEngine().then(({ Chart }) => {
              const chart = Chart.getChart(canvas);
              if (!chart) return reject(new Error('Chart.js took the canvas but made no chart'));
              watchDraws(chart);
              if ((chart.config.options as { animation?: unknown } | undefined)?.animation === false) {
                // Without animation the constructor has drawn already, in a task: the next frame shows it.
                const drawnAt = performance.now();
                void nextFrame()
                  .then(nextTask)
                  .then(() => done({ chart, drawnAt, paintedAt: performance.now(), inFrame: false, updatedAt: drawnAt }));
              } else nextPaint((c) => c === chart, 'the chart').then(done, reject);
            }, reject);
          });
        }
        return context;
      } as HTMLCanvasElement['getContext'];
    };
    const find = () => {
      const canvas = root.querySelector<HTMLCanvasElement>('.fc-chart canvas');
      if (!canvas) return false;
      hook(canvas);
      return true;
    };
    if (find()) return;
    const observer = new MutationObserver(() => {
      if (find()) observer.disconnect();
    });
    observer.observe(root, { childList: true, subtree: true });
  });
}

/** New customers per category, as the chart draws them. */
const barValues = (chart: Chart) => (chart.data.datasets[0]?.data ?? []).map(Number);

const settle = async () => {
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < 3; i++) await painted();
};

async function ours(): Promise<SideResult> {
  const fixture = await loadSourcesFixture();
  const rows = fixture.report.categories.length;
  const adapter = precomputedAdapter(fixture);
  await settle();
  check(!chartChunkEntry(), 'the chart chunk was in the page before the widget');
  const el = document.createElement('fc-source-report');
  el.today = fixture.today;
  el.from = fixture.range.from;
  el.to = fixture.range.to;
  el.adapter = adapter;
  let tableFrameAt = 0;
  let tableAt = 0;
  const start = performance.now();
  const paint = await marked('chart-table-first:ours', async () => {
    document.body.append(el);
    const chart = firstChartPaint(el.renderRoot);
    await painted(() => {
      const shown = el.renderRoot.querySelectorAll('table tbody tr').length >= rows;
      // The animation callbacks of the frame that paints the table: its style, layout and paint follow.
      if (shown) tableFrameAt = performance.now();
      return shown;
    });
    tableAt = performance.now();
    return chart;
  });
  const entry = chartChunkEntry();
  check(entry, 'the chart chunk was never fetched');
  check(entry.startTime > tableFrameAt, `the chart chunk was requested ${(tableFrameAt - entry.startTime).toFixed(1)} ms before the frame that painted the table`);
  const counts = fixture.report.categories.map((c) => c.newCustomers);
  check(barValues(paint.chart).join('|') === counts.join('|'), `the chart draws ${barValues(paint.chart).join(', ')}, the report ${counts.join(', ')}`);
  el.remove();
  return {
    ms: tableAt - start,
    extra: { fetch: entry.startTime - start, loaded: entry.responseEnd - start, chart: paint.paintedAt - start },
  };
}

async function peer(): Promise<SideResult> {
  const fixture = await loadSourcesFixture();
  const { categories } = fixture.report;
  const host = document.createElement('div');
  const box = document.createElement('div');
  box.style.cssText = 'position: relative; height: 16rem';
  const canvas = document.createElement('canvas');
  box.append(canvas);
  await settle();
  check(!chartChunkEntry(), 'the chart chunk was in the page before the peer');
  document.body.append(host);
  let tableAt = 0;
  const start = performance.now();
  const paint = await marked('chart-table-first:peer', async () => {
    const { Chart } = await chartEngine();
    vanillaReport(host, fixture.report);
    host.append(box);
    const drawn = nextPaint((c) => c.canvas === canvas, 'the peer chart');
    new Chart(canvas, {
      type: 'bar',
      data: { labels: categories.map((c) => c.name), datasets: [{ label: 'New customers', data: categories.map((c) => c.newCustomers), maxBarThickness: 28 }] },
      options: { indexAxis: 'y', responsive: true, maintainAspectRatio: false, animation: { duration: 300 }, scales: { x: { beginAtZero: true } } },
    });
    await painted();
    tableAt = performance.now();
    return drawn;
  });
  const entry = chartChunkEntry();
  check(entry, 'the peer did not fetch the chart chunk');
  check(host.querySelectorAll('tbody tr').length === categories.length, 'the peer table is missing rows');
  const counts = categories.map((c) => c.newCustomers);
  check(barValues(paint.chart).join('|') === counts.join('|'), 'the peer chart draws other figures');
  paint.chart.destroy();
  host.remove();
  return {
    ms: tableAt - start,
    extra: { fetch: entry.startTime - start, loaded: entry.responseEnd - start, chart: paint.paintedAt - start },
  };
}

export const chartTableFirst: BenchCase = {
  name: 'chart-table-first',
  description:
    '<fc-source-report> (50,000 customers, answers ready) on a fresh page: from connecting it to its table painted, checked to come before the chart chunk is requested; the chart painted after it (figure `chart`)',
  ours,
  peers: { 'eager page: Chart.js chunk fetched first, then a plain table and raw Chart.js bars together': peer },
};
