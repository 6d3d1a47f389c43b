/**
 * The chart engine: Chart.js with only the parts Forecourt's charts use, and the luxon date
 * adapter for time axes. Loaded lazily, once per page, by {@link ChartController} after a widget's
 * table has painted; one chunk shared by every widget.
 *
 * Registered: bar and line charts, category, linear and time scales, and tooltips. Nothing else
 * ships: the legend is HTML (`ChartController.legend`), buttons a keyboard reaches, and series
 * come pre-aggregated into buckets (a day, an hour), so none is long enough to need decimation.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  TimeScale,
  Tooltip,
} from 'chart.js';
import 'chartjs-adapter-luxon';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, TimeScale, Tooltip);

export { Chart };

/** Side of the hatch's tile, in CSS pixels. */
const TILE = 8;

/**
 * A diagonal hatch over `colour`, as a canvas pattern Chart.js can fill a bar with: the mark of a
 * special bucket (unknown source, no response yet) that does not depend on colour.
 * @param colour The bar's colour.
 * @param stripe The stripes' colour (the chart's background reads best).
 * @returns The pattern, or `colour` itself where a canvas cannot be made.
 */
export function hatch(colour: string, stripe: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = tile.height = TILE;
  const ctx = tile.getContext('2d');
  if (!ctx) return colour;
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, TILE, TILE);
  ctx.strokeStyle = stripe;
  ctx.globalAlpha = 0.6;
  ctx.lineWidth = 2;
  ctx.beginPath();
  // One stripe corner to corner, and the two halves that continue it into the next tiles.
  for (const [x0, y0, x1, y1] of [
    [0, TILE, TILE, 0],
    [-TILE / 2, TILE / 2, TILE / 2, -TILE / 2],
    [TILE / 2, TILE * 1.5, TILE * 1.5, TILE / 2],
  ] as const) {
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
  }
  ctx.stroke();
  return ctx.createPattern(tile, 'repeat') ?? colour;
}
