/**
 * What widget tests need of a Chart.js chart: the chart drawn in a widget's canvas, and a real
 * click (the browser's mouse, not a synthetic event) on one of its bars or points, at the position
 * Chart.js reports for it.
 */
import { waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { Chart } from '../../src/components/shared/charts/chart-engine.js';

/** The chart in `root`'s canvas (`selector`), once Chart.js has drawn it and `ready` holds of it. */
export async function drawnChart(root: ParentNode, selector = 'canvas', ready: (chart: Chart) => boolean = () => true): Promise<Chart> {
  let found: Chart | undefined;
  await waitUntil(
    () => {
      const canvas = root.querySelector<HTMLCanvasElement>(selector);
      found = canvas ? Chart.getChart(canvas) : undefined;
      return !!found && !!found.chartArea && ready(found);
    },
    `no chart drawn in ${selector}`,
    { timeout: 5000 },
  );
  return found!;
}

/** Where bar or point `index` of dataset `datasetIndex` is on the page, in CSS pixels. */
export function pointOf(chart: Chart, datasetIndex: number, index: number): [number, number] {
  const element = chart.getDatasetMeta(datasetIndex).data[index];
  if (!element) throw new Error(`no element ${datasetIndex}:${index}`);
  const { x, y } = element.getProps(['x', 'y'], true) as { x: number; y: number };
  const box = chart.canvas.getBoundingClientRect();
  // A horizontal bar's x is its end: click inside it, halfway from its base.
  const base = (element as unknown as { base?: number }).base;
  const horizontal = chart.options.indexAxis === 'y';
  const px = horizontal && typeof base === 'number' ? (x + base) / 2 : x;
  const py = !horizontal && typeof base === 'number' && (chart.config as { type?: string }).type === 'bar' ? (y + base) / 2 : y;
  return [Math.round(box.left + px), Math.round(box.top + py)];
}

/** Clicks bar or point `index` of dataset `datasetIndex` with the mouse, once it stands where it will stay. */
export async function clickChart(chart: Chart, datasetIndex: number, index: number): Promise<void> {
  const element = chart.getDatasetMeta(datasetIndex).data[index];
  if (!element) throw new Error(`no element ${datasetIndex}:${index}`);
  await waitUntil(() => {
    const [now, final] = [element.getProps(['x', 'y'], false), element.getProps(['x', 'y'], true)] as { x: number; y: number }[];
    return now!.x === final!.x && now!.y === final!.y;
  }, 'the chart is still moving', { timeout: 5000 });
  chart.canvas.scrollIntoView({ block: 'center' });
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await sendMouse({ type: 'click', position: pointOf(chart, datasetIndex, index) });
  await resetMouse();
}
