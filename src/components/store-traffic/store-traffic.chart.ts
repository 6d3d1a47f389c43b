/**
 * The store-traffic bar chart: one bar per bucket of the shown level, stacked by a second
 * dimension on demand, in the table's order and with the table's names. As Chart.js's
 * performance guide advises, the figures come aggregated, in the chart's internal `{x, y}` form
 * with `parsing: false` and `normalized: true` (x is the bucket's index), tick rotation is fixed,
 * and animation is off for large updates; only the parts used are registered, so a bundler drops
 * the rest.
 */
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface ChartSeries {
  name: string;
  /** One value per bucket, in bucket order. */
  values: number[];
  color: string;
}

export interface ChartColors {
  text: string;
  grid: string;
  font: string;
}

export interface TrafficChartInput {
  labels: string[];
  /** One series, or one per stack value. */
  series: ChartSeries[];
  /** Closing ratio per bucket, already formatted, for the tooltip. */
  closing: string[];
  colors: ChartColors;
  /** Texts of the tooltip. */
  text: {
    ups: (n: string) => string;
    series: (name: string, n: string) => string;
    closing: (ratio: string) => string;
  };
  formatCount: (n: number) => string;
  animate: boolean;
  /** A bar (or its band) was clicked: the bucket's index. */
  onSelect: (index: number) => void;
}

type Point = { x: number; y: number };
type BarChart = Chart<'bar', Point[], string>;

const points = (values: readonly number[]): Point[] => values.map((y, x) => ({ x, y }));

/** Tick labels are cut rather than rotated, so no rotation has to be measured. */
const shortLabel = (label: string) => (label.length > 16 ? `${label.slice(0, 15)}…` : label);

function datasets(input: TrafficChartInput): ChartDataset<'bar', Point[]>[] {
  return input.series.map((s) => ({
    label: s.name,
    data: points(s.values),
    backgroundColor: s.color,
    borderRadius: input.series.length > 1 ? 0 : 3,
    maxBarThickness: 48,
  }));
}

function config(input: TrafficChartInput, current: () => TrafficChartInput): ChartConfiguration<'bar', Point[], string> {
  const stacked = input.series.length > 1;
  return {
    type: 'bar',
    data: { labels: input.labels, datasets: datasets(input) },
    options: {
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      // A click anywhere in a bucket's band picks it.
      interaction: { mode: 'index', axis: 'x', intersect: false },
      onClick: (_event, elements) => {
        const index = elements[0]?.index;
        if (index !== undefined) current().onSelect(index);
      },
      onHover: (event, elements) => {
        const canvas = (event.native?.target ?? null) as HTMLCanvasElement | null;
        if (canvas) canvas.style.cursor = elements.length ? 'pointer' : 'default';
      },
      plugins: {
        legend: { display: stacked, labels: { color: input.colors.text, font: { family: input.colors.font } } },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar'>) => {
              const c = current();
              const n = c.formatCount((item.raw as Point).y);
              return c.series.length > 1 ? c.text.series(item.dataset.label ?? '', n) : c.text.ups(n);
            },
            footer: (items: TooltipItem<'bar'>[]) => {
              const c = current();
              const index = items[0]?.dataIndex;
              return index === undefined ? '' : c.text.closing(c.closing[index] ?? '');
            },
          },
        },
      },
      scales: {
        x: {
          type: 'category',
          stacked,
          ticks: {
            color: input.colors.text,
            font: { family: input.colors.font },
            minRotation: 0,
            maxRotation: 0,
            autoSkip: true,
            callback: (_value, index) => shortLabel(current().labels[index] ?? ''),
          },
          grid: { display: false },
        },
        y: {
          type: 'linear',
          stacked,
          beginAtZero: true,
          ticks: { precision: 0, color: input.colors.text, font: { family: input.colors.font } },
          grid: { color: input.colors.grid },
        },
      },
    },
  };
}

/** The chart bound to one canvas; `update` takes a new level or new figures in place. */
export class TrafficChart {
  readonly chart: BarChart;
  #input: TrafficChartInput;

  constructor(canvas: HTMLCanvasElement, input: TrafficChartInput) {
    this.#input = input;
    // The first frame shows the figures at once: there is nothing to grow from.
    this.chart = new Chart(canvas, config(input, () => this.#input));
  }

  get canvas(): HTMLCanvasElement {
    return this.chart.canvas;
  }

  update(input: TrafficChartInput): void {
    this.#input = input;
    const stacked = input.series.length > 1;
    const { data, options } = this.chart;
    data.labels = input.labels;
    data.datasets = datasets(input);
    options.animation = input.animate ? { duration: 300 } : false;
    const scales = options.scales as {
      x: { stacked: boolean; ticks: { color: string } };
      y: { stacked: boolean; ticks: { color: string }; grid: { color: string } };
    };
    scales.x.stacked = stacked;
    scales.y.stacked = stacked;
    scales.x.ticks.color = input.colors.text;
    scales.y.ticks.color = input.colors.text;
    scales.y.grid.color = input.colors.grid;
    const legend = options.plugins!.legend!;
    legend.display = stacked;
    legend.labels!.color = input.colors.text;
    this.chart.update();
  }

  destroy(): void {
    this.chart.destroy();
  }
}
