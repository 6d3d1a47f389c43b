/**
 * When a Chart.js chart has drawn something and that frame is on screen, for the chart benches.
 *
 * Bench pages get Chart.js the way the widgets do: from the chart engine, the lazily loaded chunk
 * (`loadChartEngine()`), so the peers' `Chart` is the widgets' `Chart` (one module instance, the
 * same registered parts and defaults) and `Chart.getChart(canvas)` finds a widget's chart. No bench
 * module imports `chart.js` itself: that would move Chart.js out of the chunk into the bench's
 * first load, and the chunk would no longer be what a host fetches.
 *
 * A draw is seen by a plugin registered on that `Chart` ({@link chartEngine}), or, for a chart made
 * before the bench could register it, by wrapping that chart's `draw` ({@link watchDraws}). A draw
 * is painted by the frame that renders it:
 * - inside an animation frame callback (Chart.js animates in `requestAnimationFrame`), that same
 *   frame: painted when a task queued from the draw runs, after the frame's style, layout and paint;
 * - anywhere else (an update without animation draws at once, in whatever task made it), the next
 *   frame: painted after that frame's callbacks and then a task.
 *
 * Which of the two a draw is needs to know whether an animation frame callback is running, so this
 * module wraps `window.requestAnimationFrame` when it is evaluated (a counter around each callback,
 * microseconds). `bench/pages/main.ts` imports it first, before anything could capture the
 * original: Chart.js keeps the `requestAnimationFrame` it finds when its module is evaluated, and
 * the engine chunk is evaluated later, on demand.
 */
import type { Chart } from 'chart.js';
import { loadChartEngine } from '../../src/components/shared/charts/chart-controller.js';
import { nextFrame, nextTask } from './render.js';

let frameDepth = 0;
const nativeFrame = window.requestAnimationFrame.bind(window);
window.requestAnimationFrame = (callback: FrameRequestCallback): number =>
  nativeFrame((time) => {
    frameDepth++;
    try {
      callback(time);
    } finally {
      frameDepth--;
    }
  });

/** A draw of a chart: when, and when the frame that shows it was painted. */
export interface ChartPaint {
  chart: Chart;
  /** `performance.now()` at the end of the draw (the plugin's `afterDraw`). */
  drawnAt: number;
  /** `performance.now()` once the frame that renders that draw has been painted. */
  paintedAt: number;
  /** The draw ran in an animation frame (an animation step), not at once in a task. */
  inFrame: boolean;
  /** When Chart.js began the update this draw shows (`beforeUpdate`: a new chart's first, or an `update()` call). */
  updatedAt: number;
  /** When Chart.js began making the chart (`beforeInit`), if the bench's plugin saw it. */
  createdAt?: number;
}

interface Waiter {
  match: (chart: Chart) => boolean;
  resolve: (paint: ChartPaint) => void;
}
const waiters = new Set<Waiter>();
/** Every draw's time, per chart, for figures taken after the fact (the last step of an animation). */
const lastDraw = new WeakMap<Chart, number>();
/** When each chart's latest update began, and when it was made. */
const lastUpdate = new WeakMap<Chart, number>();
const created = new WeakMap<Chart, number>();

/**
 * The frame being rendered is painted: a task queued now runs after it, and so does the next
 * frame's first callback (whichever comes first: a busy scheduler may run the next frame before
 * the task).
 */
const frameDone = (): Promise<void> => Promise.race([nextTask(), nextFrame().then(() => undefined)]);

function painted(inFrame: boolean): Promise<number> {
  return (inFrame ? frameDone() : nextFrame().then(frameDone)).then(() => performance.now());
}

/** Called after every draw of every chart the bench can see. */
function drew(chart: Chart): void {
  const drawnAt = performance.now();
  lastDraw.set(chart, drawnAt);
  if (!waiters.size) return;
  const inFrame = frameDepth > 0;
  const updatedAt = lastUpdate.get(chart) ?? drawnAt;
  const createdAt = created.get(chart);
  for (const waiter of [...waiters]) {
    if (!waiter.match(chart)) continue;
    waiters.delete(waiter);
    void painted(inFrame).then((paintedAt) => waiter.resolve({ chart, drawnAt, paintedAt, inFrame, updatedAt, createdAt }));
  }
}

type Engine = Awaited<ReturnType<typeof loadChartEngine>>;
let registered: Promise<Engine> | undefined;

/**
 * The widgets' chart engine, with the bench's draw plugin registered on its `Chart` (so every chart
 * created afterwards reports its draws). Loading it fetches the chunk: call it outside the clock,
 * and never where the widget's own fetch is what is measured.
 */
export function chartEngine(): Promise<Engine> {
  registered ??= loadChartEngine().then((engine) => {
    engine.Chart.register({
      id: 'benchDraws',
      beforeInit: (chart: Chart) => void created.set(chart, performance.now()),
      beforeUpdate: (chart: Chart) => void lastUpdate.set(chart, performance.now()),
      afterDraw: (chart: Chart) => drew(chart),
    });
    return engine;
  });
  return registered;
}

/**
 * Reports the draws of a chart made before the bench's plugin was registered (a widget that loaded
 * the engine itself): its `draw` is wrapped.
 */
export function watchDraws(chart: Chart): void {
  const marked = chart as Chart & { benchWatched?: true };
  if (marked.benchWatched) return;
  marked.benchWatched = true;
  const draw = chart.draw.bind(chart);
  chart.draw = () => {
    draw();
    drew(chart);
  };
}

/**
 * The first draw from now on of a chart for which `match` holds (checked after each draw, so on
 * what it has just drawn), and the time its frame was painted.
 */
export function nextPaint(match: (chart: Chart) => boolean, what: string, timeoutMs = 10_000): Promise<ChartPaint> {
  return new Promise((resolve, reject) => {
    const waiter: Waiter = {
      match,
      resolve: (paint) => {
        clearTimeout(timer);
        resolve(paint);
      },
    };
    const timer = setTimeout(() => {
      waiters.delete(waiter);
      reject(new Error(`${what}: not drawn after ${timeoutMs} ms`));
    }, timeoutMs);
    waiters.add(waiter);
  });
}

/**
 * Whether every bar or point of `chart` stands where it will stay (no animation left to run), as
 * Chart.js reports each element's current and final position.
 */
export function settledChart(chart: Chart): boolean {
  return chart.data.datasets.every((_, d) =>
    chart.getDatasetMeta(d).data.every((element) => {
      const now = element.getProps(['x', 'y'], false) as { x: number; y: number };
      const final = element.getProps(['x', 'y'], true) as { x: number; y: number };
      return now.x === final.x && now.y === final.y;
    }),
  );
}

/**
 * Resolves once `chart` stands still (see {@link settledChart}), checked after each frame; gives
 * the time of its last draw before that, i.e. when its animation ended on screen.
 */
export async function animationEnd(chart: Chart, maxFrames = 240): Promise<number> {
  for (let frame = 0; !settledChart(chart); frame++) {
    if (frame >= maxFrames) throw new Error(`the chart is still moving after ${maxFrames} frames`);
    await nextFrame();
  }
  // One more frame: the step that put the elements in place draws in the frame that ends it.
  await nextFrame();
  return lastDraw.get(chart) ?? performance.now();
}

/** The chart drawn in `canvas`, when there is one (the engine must be loaded). */
export function chartIn(engine: Engine, canvas: HTMLCanvasElement | null | undefined): Chart | undefined {
  return canvas ? engine.Chart.getChart(canvas) : undefined;
}

/** The URL of the chart engine chunk among the page's resource timing entries, once fetched. */
export function chartChunkEntry(): PerformanceResourceTiming | undefined {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => /\/chart-engine[-.][^/]*\.js$/.test(new URL(e.name).pathname));
}
