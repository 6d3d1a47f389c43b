/**
 * The summary's Chart.js bar chart: errors per category in this period, one horizontal bar per
 * category, in the table's order and with the table's names. Only the Chart.js parts used are
 * registered, so a bundler drops the rest; the data is handed over in Chart.js's internal
 * `{x, y}` form with `parsing: false`, so nothing is parsed.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale } from 'chart.js';
import type { ChartConfiguration, Plugin } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale);

export interface ChartColors {
  bar: string;
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
  colors: ChartColors;
  /** Formats a bar's value for the label drawn at its end. */
  format: (value: number) => string;
  animate: boolean;
  onSelect: (id: string) => void;
}

/** A bar in Chart.js's internal form: `x` the value, `y` the category's index. */
type Point = { x: number; y: number };
type BarChart = Chart<'bar', Point[], string>;

const points = (values: readonly number[]): Point[] => values.map((x, y) => ({ x, y }));

/** Category names on the axis, broken into lines of about `width` characters so a narrow chart does not cut them off. */
export function wrapLabel(label: string, width = 16): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

/** Writes each bar's value at its end, so no figure depends on colour or on hovering. */
function valueLabels(input: () => ChartInput): Plugin<'bar'> {
  return {
    id: 'fcSmsValueLabels',
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

function config(input: ChartInput, current: () => ChartInput): ChartConfiguration<'bar', Point[], string> {
  return {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: [{ data: points(input.values), backgroundColor: input.colors.bar, borderRadius: 3, maxBarThickness: 22 }],
    },
    options: {
      indexAxis: 'y',
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      layout: { padding: { right: 48 } },
      // A click anywhere in a category's band chooses it, even a bar of zero.
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
      plugins: { legend: { display: false } },
      scales: {
        x: {
          type: 'linear',
          beginAtZero: true,
          ticks: { precision: 0, color: input.colors.text, font: { family: input.colors.font } },
          grid: { color: input.colors.grid },
        },
        y: {
          type: 'category',
          ticks: { autoSkip: false, color: input.colors.text, font: { family: input.colors.font }, callback: (_value, index) => wrapLabel(current().labels[index] ?? '') },
          grid: { display: false },
        },
      },
    },
    plugins: [valueLabels(current)],
  };
}

/** A category bar chart bound to one canvas; `update` takes new figures in place. */
export class CategoryChart {
  readonly chart: BarChart;
  #input: ChartInput;

  constructor(canvas: HTMLCanvasElement, input: ChartInput) {
    this.#input = input;
    // The first frame shows the figures at once (nothing to animate from); later updates animate.
    this.chart = new Chart(canvas, config(input, () => this.#input));
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
    dataset.data = points(input.values);
    dataset.backgroundColor = input.colors.bar;
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
