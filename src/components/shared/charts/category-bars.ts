/**
 * A bar chart of categories drawn by Lit as HTML and SVG: one band per category (a row with a
 * horizontal bar, or an upright column for ordered buckets such as response times), in the
 * widget's table order and with its names. Each bar's value is written at its end as text, so no
 * figure depends on colour or hover; names and values are real text (print, zoom, find in page).
 *
 * Lengths are SVG `width`/`height` percentages of the largest value, so the chart follows its
 * box's size with no script; colours are classes over the widget's `--_*` knobs, so a theme or
 * dark mode applies at once. Nothing goes through `style=`, so the chart works under a strict
 * Content-Security-Policy.
 *
 * To assistive technology the chart is one image (`role="img"`) named with its figures; the table
 * beside it is the accessible and keyboard path. A click in a category's band chooses it when the
 * widget passes `onSelect`.
 */
import { css, html, nothing, svg } from 'lit';
import type { SVGTemplateResult, TemplateResult } from 'lit';

export interface CategoryBarsInput {
  /** Category ids, in order: what `onSelect` receives. */
  ids: readonly string[];
  labels: readonly string[];
  /** One value per category (a stacked bar's total). */
  values: readonly number[];
  /** The chart's accessible name: its figures, and where the table with the same figures is. */
  label: string;
  /** Formats a bar's value for the text at its end. */
  format: (value: number) => string;
  /** Ids of special buckets (unknown, no response yet): class `fc-bars__band--special` (the widget colours it) and a hatch. */
  special?: readonly string[];
  /** Called with the category's id and index when its band is clicked; bands are not clickable without it. */
  onSelect?: (id: string, index: number) => void;
  /** Break names into lines of about this many characters (for narrow charts). */
  wrapLabelsAt?: number;
  /** Upright bars standing on the baseline (default: horizontal bars, names at the start). */
  vertical?: boolean;
  /** Parts of each bar, stacked from its base: `stacks[s][i]` is part `s` of bar `i`, drawn with class `part-{s + 1}`. */
  stacks?: readonly (readonly number[])[];
  /** Hover text of a bar (`part` null) or of one of its parts: the SVG `<title>`. */
  title?: (index: number, part: number | null) => string;
  /** Id of the element that has every figure (`aria-details`). */
  details?: string;
  /** Whether a change of figures grows or shrinks the bars (never under `prefers-reduced-motion`). Default true. */
  animate?: boolean;
}

/** Counts of upright bars above which names stand on their side: always, in a chart under 48rem, under 24rem. */
const SIDEWAYS = [12, 6, 3] as const;
/** Upright bars above which only every n-th name is shown and values are left to the table and hover. */
const CROWDED = 40;
/** The hatch of special buckets, one per shadow root (a chart per widget). */
const HATCH = 'fc-bars-hatch';

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

/** `value` as a percentage of `max` (two decimals), 0 for nothing to measure against. */
export function percentOf(value: number, max: number): number {
  return max > 0 && value > 0 ? Math.round((Math.min(value, max) / max) * 10_000) / 100 : 0;
}

const nameView = (label: string, wrapAt: number | undefined): unknown =>
  wrapAt ? wrapLabel(label, wrapAt).map((line, i) => html`${i ? ' ' : ''}<span class="fc-bars__line">${line}</span>`) : label;

const hatchDefs = svg`<defs>
  <pattern id=${HATCH} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect class="fc-bars__hatch-line" width="2" height="6"></rect>
  </pattern>
</defs>`;

const titleOf = (text: string | undefined): unknown => (text ? svg`<title>${text}</title>` : nothing);

/** A bar's parts, each a share of the bar (which is itself a share of the largest). */
function parts(input: CategoryBarsInput, index: number, total: number): SVGTemplateResult[] {
  const vertical = !!input.vertical;
  let start = 0;
  return (input.stacks ?? []).map((series, s) => {
    const size = percentOf(series[index] ?? 0, total);
    const at = start;
    start += size;
    const title = titleOf(input.title?.(index, s));
    return vertical
      ? svg`<rect class="part-${s + 1}" x="0" width="100%" y="${Math.max(0, 100 - at - size)}%" height="${size}%">${title}</rect>`
      : svg`<rect class="part-${s + 1}" y="0" height="100%" x="${at}%" width="${size}%">${title}</rect>`;
  });
}

/** One category's bar: an SVG as long as its share of the largest value. */
function bar(input: CategoryBarsInput, index: number, length: number, special: boolean, defs: boolean): TemplateResult {
  const total = input.values[index] ?? 0;
  const body = input.stacks
    ? parts(input, index, total)
    : svg`<rect class="fc-bars__fill" width="100%" height="100%" rx="3">${titleOf(input.title?.(index, null))}</rect>
        ${special ? svg`${defs ? hatchDefs : nothing}<rect class="fc-bars__hatch" width="100%" height="100%" rx="3" fill="url(#${HATCH})"></rect>` : nothing}`;
  return input.vertical
    ? html`<svg class="fc-bars__bar" height="${length}%" aria-hidden="true">${body}</svg>`
    : html`<svg class="fc-bars__bar" width="${length}%" aria-hidden="true">${body}</svg>`;
}

function classes(input: CategoryBarsInput): string {
  const n = input.ids.length;
  const names = ['fc-bars', input.vertical ? 'fc-bars--vertical' : 'fc-bars--horizontal'];
  if (input.onSelect) names.push('fc-bars--selectable');
  if (input.animate ?? true) names.push('fc-bars--animate');
  if (input.vertical) names.push(...SIDEWAYS.filter((count) => n > count).map((count) => `fc-bars--over-${count}`));
  if (input.vertical && n > CROWDED) names.push('fc-bars--crowded');
  return names.join(' ');
}

/**
 * The chart: a `role="img"` box of bands, one per category. Adopt `categoryBarsStyles` in the
 * widget and define its knobs `--_bar`, `--_chart-text` and `--_chart-grid`; a widget with special
 * buckets colours `.fc-bars__band--special .fc-bars__fill` itself.
 */
export function categoryBars(input: CategoryBarsInput): TemplateResult {
  const { ids, labels, values, format, onSelect } = input;
  const max = Math.max(0, ...values);
  const special = new Set(input.special ?? []);
  const firstSpecial = ids.findIndex((id) => special.has(id));
  // Crowded upright bars keep every n-th name, so the names shown stay apart.
  const step = input.vertical && ids.length > CROWDED ? Math.ceil(ids.length / CROWDED) : 1;
  return html`<div class=${classes(input)} role="img" aria-label=${input.label} aria-details=${input.details ?? nothing}>
    ${ids.map((id, i) => {
      const isSpecial = special.has(id);
      const band = ['fc-bars__band'];
      if (isSpecial) band.push('fc-bars__band--special');
      if (i % step) band.push('fc-bars__band--unnamed');
      return html`<div class=${band.join(' ')} @click=${onSelect ? () => onSelect(id, i) : nothing}>
        <span class="fc-bars__name">${nameView(labels[i] ?? '', input.wrapLabelsAt)}</span>
        <span class="fc-bars__track">
          ${bar(input, i, percentOf(values[i] ?? 0, max), isSpecial, i === firstSpecial)}<span class="fc-bars__value">${format(values[i] ?? 0)}</span>
        </span>
      </div>`;
    })}
  </div>`;
}

/** A name standing on its side, read upwards to the baseline, cut when too long. */
const sideways = css`
  justify-self: center;
  max-block-size: 9em;
  overflow: hidden;
  text-align: end;
  text-overflow: ellipsis;
  white-space: nowrap;
  writing-mode: vertical-rl;
  transform: rotate(180deg);
`;

/** Styles of `categoryBars`, over the widget's `--_bar`, `--_chart-text` and `--_chart-grid`. */
export const categoryBarsStyles = css`
  .fc-bars {
    display: grid;
    block-size: 100%;
    color: var(--_chart-text);
    font-size: var(--_fc-font-size-s);
    line-height: 1.25;
    font-variant-numeric: tabular-nums;
  }
  .fc-bars--horizontal {
    grid-template-columns: fit-content(40%) minmax(0, 1fr);
    grid-auto-rows: minmax(2rem, 1fr);
  }
  .fc-bars--vertical {
    container: fc-bars / inline-size;
    grid-auto-flow: column;
    grid-auto-columns: minmax(0, 1fr);
    grid-template-rows: minmax(0, 1fr) auto;
  }
  .fc-bars__band {
    display: grid;
  }
  .fc-bars--horizontal .fc-bars__band {
    grid-column: 1 / -1;
    grid-template-columns: subgrid;
  }
  .fc-bars--vertical .fc-bars__band {
    grid-row: 1 / -1;
    grid-template-rows: subgrid;
  }
  .fc-bars--selectable .fc-bars__band {
    cursor: pointer;
  }
  .fc-bars--selectable .fc-bars__band:hover {
    background: var(--_fc-color-surface-raised);
  }
  .fc-bars__name {
    align-self: center;
    min-inline-size: 0;
    padding: var(--_fc-space-xs);
    overflow-wrap: break-word;
  }
  .fc-bars--horizontal .fc-bars__name {
    padding-inline-end: var(--_fc-space-s);
    text-align: end;
  }
  .fc-bars--vertical .fc-bars__name {
    grid-row: 2;
    align-self: start;
    padding-inline: 1px;
    text-align: center;
  }
  .fc-bars__line {
    display: block;
  }
  .fc-bars__track {
    display: flex;
    align-items: center;
    min-inline-size: 0;
    min-block-size: 0;
  }
  .fc-bars--horizontal .fc-bars__track {
    border-inline-start: 1px solid var(--_chart-grid);
    /* Room for the value after the longest bar. */
    padding-inline-end: 4em;
  }
  .fc-bars--vertical .fc-bars__track {
    grid-row: 1;
    flex-direction: column-reverse;
    border-block-end: 1px solid var(--_chart-grid);
    padding-block-start: 1.5em;
  }
  .fc-bars__bar {
    display: block;
    flex: none;
    overflow: visible;
  }
  .fc-bars--horizontal .fc-bars__bar {
    block-size: 1.25rem;
  }
  .fc-bars--vertical .fc-bars__bar {
    inline-size: min(70%, 2.5rem);
  }
  .fc-bars__value {
    flex: none;
    padding: 0 var(--_fc-space-xs);
    white-space: nowrap;
  }
  .fc-bars__fill {
    fill: var(--_bar);
  }
  .fc-bars__hatch-line {
    fill: var(--_fc-color-surface);
    opacity: 0.55;
  }
  .fc-bars--over-12 .fc-bars__name {
    ${sideways}
  }
  .fc-bars--over-12 .fc-bars__value {
    font-size: 0.6875rem;
  }
  @container fc-bars (max-width: 48rem) {
    .fc-bars--over-6 .fc-bars__name {
      ${sideways}
    }
  }
  @container fc-bars (max-width: 24rem) {
    .fc-bars--over-3 .fc-bars__name {
      ${sideways}
    }
  }
  .fc-bars--crowded .fc-bars__value,
  .fc-bars__band--unnamed .fc-bars__name {
    visibility: hidden;
  }
  @media (prefers-reduced-motion: no-preference) {
    .fc-bars--animate .fc-bars__bar,
    .fc-bars--animate .fc-bars__bar rect {
      transition-duration: 300ms;
      transition-property: width, height, x, y;
      transition-timing-function: ease-out;
    }
  }
  @media print {
    .fc-bars {
      break-inside: avoid;
      print-color-adjust: exact;
    }
  }
`;
