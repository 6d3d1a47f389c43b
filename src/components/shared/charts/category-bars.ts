/**
 * A horizontal Chart.js bar chart of categories: one bar per category, in the widget's table
 * order and with its names, each bar's value written at its end (no figure depends on colour or a
 * tooltip), a click anywhere in a category's band choosing it. The data goes in as Chart.js's
 * internal `{x, y}` points with `parsing: false`, so nothing is parsed. Only the Chart.js parts
 * used are registered, so a bundler drops the rest.
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import type { ChartConfiguration, Plugin } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface CategoryBarsColors {
  /** One colour for every bar, or one per bar (e.g. the unknown bucket in its own colour). */
  bars: string | string[];
  text: string;
  grid: string;
  /** Font family of the axis and value labels (the widget's). */
  font: string;
}

export interface CategoryBarsInput {
  /** Category ids, in order: what `onSelect` receives. */
  ids: string[];
  labels: string[];
  values: number[];
  colors: CategoryBarsColors;
  /** Formats a bar's value for the label drawn at its end. */
  format: (value: number) => string;
  animate: boolean;
  onSelect: (id: string) => void;
  /** Break axis names into lines of about this many characters (for narrow charts). */
  wrapLabelsAt?: number;
}

/** A bar in Chart.js's internal form: `x` the value, `y` the category's index. */
export type CategoryPoint = { x: number; y: number };
type BarChart = Chart<'bar', CategoryPoint[], string>;

const points = (values: readonly number[]): CategoryPoint[] => values.map((x, y) => ({ x, y }));
const animation = (animate: boolean): { duration: number } | false => (animate ? { duration: 400 } : false);

/** A category name broken into lines of about `width` characters, so a narrow chart does not cut it off. */
export function wrapLabel(label: string, width = 16): string[] {
  const lines: string[] = [];
  for (const word of label.split(/\s+/).filter(Boolean)) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}

/** Writes each bar's value at its end. */
function valueLabels(input: () => CategoryBarsInput): Plugin<'bar'> {
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

function config(input: CategoryBarsInput, current: () => CategoryBarsInput): ChartConfiguration<'bar', CategoryPoint[], string> {
  const font = { family: input.colors.font };
  return {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: [{ data: points(input.values), backgroundColor: input.colors.bars, borderRadius: 3, maxBarThickness: 22 }],
    },
    options: {
      indexAxis: 'y',
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      // The first frame shows the figures at once (nothing to animate from); later updates may animate.
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
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: {
        x: { type: 'linear', beginAtZero: true, ticks: { precision: 0, color: input.colors.text, font }, grid: { color: input.colors.grid } },
        y: {
          type: 'category',
          ticks: {
            autoSkip: false,
            color: input.colors.text,
            font,
            callback: (_value, index) => {
              const { labels, wrapLabelsAt } = current();
              const label = labels[index] ?? '';
              return wrapLabelsAt ? wrapLabel(label, wrapLabelsAt) : label;
            },
          },
          grid: { display: false },
        },
      },
    },
    plugins: [valueLabels(current)],
  };
}

/** A category bar chart bound to one canvas; `update` takes new figures in place. */
export class CategoryBars {
  readonly chart: BarChart;
  #input: CategoryBarsInput;

  constructor(canvas: HTMLCanvasElement, input: CategoryBarsInput) {
    this.#input = input;
    this.chart = new Chart(canvas, config(input, () => this.#input));
    this.chart.options.animation = animation(input.animate);
  }

  get canvas(): HTMLCanvasElement {
    return this.chart.canvas;
  }

  update(input: CategoryBarsInput): void {
    this.#input = input;
    const { data, options } = this.chart;
    data.labels = input.labels;
    const dataset = data.datasets[0]!;
    dataset.data = points(input.values);
    dataset.backgroundColor = input.colors.bars;
    options.animation = animation(input.animate);
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

/** Reads a chart's colours from the host's resolved `--_*` knobs (one style read), and its font. */
export function chartTokens(host: Element): { read: (name: string, fallback: string) => string; font: string } {
  const style = getComputedStyle(host);
  return { read: (name, fallback) => style.getPropertyValue(name).trim() || fallback, font: style.fontFamily };
}
