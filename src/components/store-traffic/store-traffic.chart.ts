/**
 * The store-traffic bar chart: one upright bar per bucket of the shown level, in the table's
 * order and with the table's names, stacked by a second dimension on demand. It is the shared
 * `categoryBars` (SVG and text drawn by Lit, sized by percentages, coloured by classes): each
 * bar's ups are written on top of it, each bar or stack part names its figures and the bucket's
 * closing ratio in an SVG `<title>` (hover), and a stacked chart has a legend in text beside it.
 * Stack colours are the classes `part-1` … `part-7` over the widget's `--_series-*` knobs.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { categoryBars } from '../shared/charts/category-bars.js';

export interface ChartSeries {
  name: string;
  /** One value per bucket, in bucket order. */
  values: number[];
}

export interface TrafficChartInput {
  labels: string[];
  /** Ups per bucket, in bucket order: each bar's height. */
  ups: number[];
  /** Stack values, or none for one plain bar per bucket. */
  series: ChartSeries[];
  /** Closing ratio per bucket, already formatted, for the hover text. */
  closing: string[];
  /** The chart's accessible name. */
  label: string;
  /** Id of the table with every figure. */
  details: string;
  /** Texts of the hover text and the legend. */
  text: {
    ups: (n: string) => string;
    series: (name: string, n: string) => string;
    closing: (ratio: string) => string;
    legend: string;
  };
  formatCount: (n: number) => string;
  /** Whether the bars grow or shrink to new figures (never under `prefers-reduced-motion`). */
  animate: boolean;
  /** A bar (or its band) was clicked: the bucket's index. */
  onSelect: (index: number) => void;
}

/** The hover text of bucket `index`, or of one of its stack parts. */
function hoverText(input: TrafficChartInput, index: number, part: number | null): string {
  const { text, formatCount } = input;
  const figure =
    part === null
      ? text.ups(formatCount(input.ups[index] ?? 0))
      : text.series(input.series[part]?.name ?? '', formatCount(input.series[part]?.values[index] ?? 0));
  return [input.labels[index] ?? '', figure, text.closing(input.closing[index] ?? '')].join('\n');
}

/** The stack values' names beside their colours: real text, outside the chart's image. */
function legend(input: TrafficChartInput): TemplateResult {
  return html`<ul class="legend" aria-label=${input.text.legend}>
    ${input.series.map(
      (s, i) => html`<li>
        <svg class="swatch" viewBox="0 0 10 10" aria-hidden="true"><rect class="part-${i + 1}" width="10" height="10" rx="2"></rect></svg>${s.name}
      </li>`,
    )}
  </ul>`;
}

/** The chart, and its legend when stacked. */
export function trafficChart(input: TrafficChartInput): TemplateResult {
  const stacked = input.series.length > 0;
  return html`${stacked ? legend(input) : nothing}
    ${categoryBars({
      ids: input.labels.map((_, i) => String(i)),
      labels: input.labels,
      values: input.ups,
      label: input.label,
      details: input.details,
      format: input.formatCount,
      vertical: true,
      ...(stacked && { stacks: input.series.map((s) => s.values) }),
      title: (index, part) => hoverText(input, index, part),
      animate: input.animate,
      onSelect: (_id, index) => input.onSelect(index),
    })}`;
}
