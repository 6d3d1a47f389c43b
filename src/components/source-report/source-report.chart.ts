/**
 * The report's Chart.js bar chart: one horizontal bar per category, new customers, in the
 * table's order and with the table's names. Only the Chart.js parts used are registered, so a
 * bundler drops the rest.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ChartConfiguration, Plugin } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface ChartColors {
  bar: string;
  unknownBar: string;
  text: string;
  grid: string;
  /** Font family of the value labels (the widget's). */
  font: string;
}

export interface ChartInput {
  /** Category ids, in order. */
  ids: string[];
  labels: string[];
  values: number[];
  /** Which bars are the unknown bucket (drawn in their own colour, and named on the axis). */
  unknown: boolean[];
  colors: ChartColors;
  /** Formats a bar's value for the label drawn at its end. */
  format: (value: number) => string;
  animate: boolean;
  onSelect: (categoryId: string) => void;
}

type BarChart = Chart<'bar', number[], string>;

/** Writes each bar's value at its end, so the figures never depend on colour or a tooltip. */
function valueLabels(input: () => ChartInput): Plugin<'bar'> {
  return {
    id: 'fcValueLabels',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      const meta = chart.getDatasetMeta(0);
      const { colors, format, values } = input();
      ctx.save();
      ctx.fillStyle = colors.text;
      ctx.font = `12px ${colors.font || 'sans-serif'}`;
      ctx.textBaseline = 'middle';
      ctx.textAlign = 'left';
      meta.data.forEach((bar, i) => {
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        ctx.fillText(format(values[i] ?? 0), x + 6, y);
      });
      ctx.restore();
    },
  };
}

function config(input: ChartInput, current: () => ChartInput): ChartConfiguration<'bar', number[], string> {
  return {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: [
        {
          data: input.values,
          backgroundColor: input.unknown.map((u) => (u ? input.colors.unknownBar : input.colors.bar)),
          borderRadius: 3,
          maxBarThickness: 22,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: input.animate ? { duration: 400 } : false,
      layout: { padding: { right: 48 } },
      // A click anywhere in a category's band selects it, even a bar of zero.
      interaction: { mode: 'nearest', axis: 'y', intersect: false },
      onClick: (_event, elements) => {
        const index = elements[0]?.index;
        const id = index === undefined ? undefined : current().ids[index];
        if (id !== undefined) current().onSelect(id);
      },
      onHover: (event, elements) => {
        const canvas = (event.native?.target ?? null) as HTMLCanvasElement | null;
        if (canvas) canvas.style.cursor = elements.length ? 'pointer' : 'default';
      },
      plugins: {
        legend: { display: false },
        tooltip: { enabled: true },
      },
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0, color: input.colors.text }, grid: { color: input.colors.grid } },
        y: { ticks: { color: input.colors.text }, grid: { display: false } },
      },
    },
    plugins: [valueLabels(current)],
  };
}

/** A category bar chart bound to one canvas; `update` takes new figures in place. */
export class SourceChart {
  readonly chart: BarChart;
  #input: ChartInput;

  constructor(canvas: HTMLCanvasElement, input: ChartInput) {
    this.#input = input;
    // The first frame shows the figures at once (nothing to animate from); later updates animate.
    this.chart = new Chart(canvas, config({ ...input, animate: false }, () => this.#input));
    this.chart.options.animation = input.animate ? { duration: 400 } : false;
  }

  get canvas(): HTMLCanvasElement {
    return this.chart.canvas;
  }

  update(input: ChartInput): void {
    this.#input = input;
    const { data, options } = this.chart;
    data.labels = input.labels;
    const dataset = data.datasets[0]!;
    dataset.data = input.values;
    dataset.backgroundColor = input.unknown.map((u) => (u ? input.colors.unknownBar : input.colors.bar));
    options.animation = input.animate ? { duration: 400 } : false;
    const scales = options.scales as { x: { ticks: { color: string }; grid: { color: string } }; y: { ticks: { color: string } } };
    scales.x.ticks.color = input.colors.text;
    scales.x.grid.color = input.colors.grid;
    scales.y.ticks.color = input.colors.text;
    this.chart.update();
  }

  destroy(): void {
    this.chart.destroy();
  }
}
