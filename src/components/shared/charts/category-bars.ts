/**
 * A Chart.js bar chart of categories: one bar per category (horizontal, or vertical for ordered
 * buckets such as response times), in the widget's table order and with its names, each bar's
 * value written at its end (no figure depends on colour or a tooltip), a click anywhere in a
 * category's band choosing it when the widget listens. The data goes in as Chart.js's internal
 * `{x, y}` points with `parsing: false`, so nothing is parsed. Only the Chart.js parts used are
 * registered, so a bundler drops the rest.
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
  /** Called with the category's id when its bar or band is clicked; bars are not clickable without it. */
  onSelect?: (id: string) => void;
  /** Break axis names into lines of about this many characters (for narrow charts). */
  wrapLabelsAt?: number;
  /** Upright bars along the x axis (default: horizontal bars, names on the y axis). */
  vertical?: boolean;
}

/** A bar in Chart.js's internal form: the value on the value axis, the category's index on the other. */
export type CategoryPoint = { x: number; y: number };
type BarChart = Chart<'bar', CategoryPoint[], string>;

const points = (values: readonly number[], vertical = false): CategoryPoint[] =>
  values.map((value, index) => (vertical ? { x: index, y: value } : { x: value, y: index }));
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
      const { colors, format, values, vertical } = input();
      ctx.save();
      ctx.fillStyle = colors.text;
      ctx.font = `12px ${colors.font || 'sans-serif'}`;
      ctx.textBaseline = vertical ? 'bottom' : 'middle';
      ctx.textAlign = vertical ? 'center' : 'left';
      meta.data.forEach((bar, i) => {
        const { x, y } = bar.getProps(['x', 'y'], true) as { x: number; y: number };
        if (vertical) ctx.fillText(format(values[i] ?? 0), x, y - 2);
        else ctx.fillText(format(values[i] ?? 0), x + 6, y);
      });
      ctx.restore();
    },
  };
}

function config(input: CategoryBarsInput, current: () => CategoryBarsInput): ChartConfiguration<'bar', CategoryPoint[], string> {
  const font = { family: input.colors.font };
  const vertical = input.vertical ?? false;
  const valueAxis = { type: 'linear', beginAtZero: true, ticks: { precision: 0, color: input.colors.text, font }, grid: { color: input.colors.grid } } as const;
  const categoryAxis = {
    type: 'category',
    ticks: {
      autoSkip: false,
      maxRotation: vertical ? 60 : 0,
      color: input.colors.text,
      font,
      callback: (_value: unknown, index: number) => {
        const { labels, wrapLabelsAt } = current();
        const label = labels[index] ?? '';
        return wrapLabelsAt ? wrapLabel(label, wrapLabelsAt) : label;
      },
    },
    grid: { display: false },
  } as const;
  return {
    type: 'bar',
    data: {
      labels: input.labels,
      datasets: [{ data: points(input.values, vertical), backgroundColor: input.colors.bars, borderRadius: 3, maxBarThickness: vertical ? 40 : 22 }],
    },
    options: {
      indexAxis: vertical ? 'x' : 'y',
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      // The first frame shows the figures at once (nothing to animate from); later updates may animate.
      animation: false,
      layout: { padding: vertical ? { top: 18 } : { right: 48 } },
      // A click anywhere in a category's band chooses it, even a bar of zero.
      interaction: { mode: 'nearest', axis: vertical ? 'x' : 'y', intersect: false },
      onClick: (_event, elements) => {
        const { ids, onSelect } = current();
        const index = elements[0]?.index;
        const id = index === undefined ? undefined : ids[index];
        if (id !== undefined) onSelect?.(id);
      },
      onHover: (event, elements) => {
        const canvas = (event.native?.target ?? null) as HTMLCanvasElement | null;
        if (canvas) canvas.style.cursor = elements.length && current().onSelect ? 'pointer' : 'default';
      },
      plugins: { legend: { display: false }, tooltip: { enabled: true } },
      scales: vertical ? { x: categoryAxis, y: valueAxis } : { x: valueAxis, y: categoryAxis },
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
    dataset.data = points(input.values, input.vertical);
    dataset.backgroundColor = input.colors.bars;
    options.animation = animation(input.animate);
    const scales = options.scales as Record<'x' | 'y', { ticks: { color: string }; grid: { color: string; display?: boolean } }>;
    for (const axis of [scales.x, scales.y]) {
      axis.ticks.color = input.colors.text;
      if (axis.grid.display !== false) axis.grid.color = input.colors.grid;
    }
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
