/**
 * What the store-traffic widget draws, as templates of plain data (no state): the toolbar, the
 * breadcrumb, the totals against the previous period, the figures table and the weekday × hour
 * table, and the formatters and names they use. The figures are lined up in `store-traffic.model.ts`.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { compareToPrevious } from '../../data/logic/period-change.js';
import { TRAFFIC_STEPS } from '../../data/model.js';
import type { DateRange, TrafficDimension, TrafficRow, TrafficStep } from '../../data/model.js';
import type { Formats } from '../shared/formats.js';
import { msg } from '../shared/messages.js';
import { isolateIn } from '../shared/bidi.js';
import { errorView } from '../shared/states.js';
import { HOURS, isTimeGrouping } from './store-traffic.model.js';
import { freeDimensions } from './store-traffic.path.js';
import type { DrillPath } from './store-traffic.path.js';
import type { LevelModel, ModelRow } from './store-traffic.model.js';
import { t } from './store-traffic.messages.js';

// ───────────── formats and names ─────────────

/** The shared formats (`makeFormats(locale)` of `../shared/formats.ts`); shares always with one decimal (`percentFixed`). */
export type { Formats };

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "Mar 1 – Mar 31, 2026"; both years when the range spans two. */
export function rangeName(f: Formats, range: DateRange): string {
  const sameYear = range.from.slice(0, 4) === range.to.slice(0, 4);
  return `${(sameYear ? f.day : f.dayYear).format(utc(range.from))} – ${f.dayYear.format(utc(range.to))}`;
}

const DIMENSION_TEXT: Record<string, Parameters<typeof t>[0]> = {
  month: 'dimMonth',
  day: 'dimDay',
  hour: 'dimHour',
  weekday: 'dimWeekday',
  upType: 'dimUpType',
  department: 'dimDepartment',
  salesperson: 'dimSalesperson',
  sourceCategory: 'dimSourceCategory',
  source: 'dimSource',
  outcome: 'dimOutcome',
};

/** A dimension's name in the current locale. */
export function dimensionName(dimension: TrafficDimension): string {
  const key = DIMENSION_TEXT[dimension];
  return key ? (t(key as 'dimDay') as string) : dimension;
}

const STEP_TEXT: Record<string, Parameters<typeof t>[0]> = {
  demo: 'stepDemo',
  'write-up': 'stepWriteUp',
  'trade-appraisal': 'stepTradeAppraisal',
  desk: 'stepDesk',
  finance: 'stepFinance',
};

export function stepName(step: TrafficStep): string {
  const key = STEP_TEXT[step];
  return key ? (t(key as 'stepDemo') as string) : step;
}

/** Weekday 0 (Monday) .. 6 (Sunday). */
export function weekdayName(weekday: number): string {
  return t(`weekday${weekday + 1}` as 'weekday1');
}

// ───────────── text of figures ─────────────

export function ratioText(f: Formats, ratio: number | null): string {
  return ratio === null ? t('noRatio') : f.percentFixed.format(ratio);
}

/** "▲" and "3 more (50.0%)", "▼" and "2 fewer (−40.0%)", or no arrow and "no change". */
export function changeText(f: Formats, now: number, before: number | null): { glyph: string; text: string; tone: string } {
  if (before === null) return { glyph: '', text: t('noComparison'), tone: 'neutral' };
  const change = compareToPrevious(now, before);
  const n = f.count.format(Math.abs(change.difference));
  if (change.direction === 'same') return { glyph: '', text: t('same'), tone: 'neutral' };
  if (change.direction === 'up')
    return { glyph: '▲', text: change.ratio === null ? t('moreFromNone', n) : t('more', n, f.percentFixed.format(change.ratio)), tone: 'up' };
  return { glyph: '▼', text: t('fewer', n, f.percentFixed.format(Math.abs(change.ratio ?? 1))), tone: 'down' };
}

/** The change of a ratio in percentage points. */
export function pointsText(f: Formats, now: number | null, before: number | null): { glyph: string; text: string; tone: string } {
  if (now === null || before === null) return { glyph: '', text: t('noComparison'), tone: 'neutral' };
  const points = Math.round((now - before) * 1000) / 10;
  if (points === 0) return { glyph: '', text: t('same'), tone: 'neutral' };
  const p = f.points.format(Math.abs(points));
  return points > 0 ? { glyph: '▲', text: t('pointsUp', p), tone: 'up' } : { glyph: '▼', text: t('pointsDown', p), tone: 'down' };
}

/** An arrow (hidden from screen readers: the words say the same) and the words. */
export function changeView(change: { glyph: string; text: string; tone: string }): TemplateResult {
  return html`<span class="change ${change.tone}"
    >${change.glyph ? html`<span class="glyph" aria-hidden="true">${change.glyph}</span> ` : nothing}${change.text}</span
  >`;
}

// ───────────── heatmap ─────────────

/** Shade bucket 0..5 of a cell: 0 for no ups, then five equal steps up to the busiest cell. */
export function shadeOf(ups: number, max: number): number {
  if (ups <= 0 || max <= 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil((ups / max) * 5)));
}

// ───────────── templates ─────────────

/** What the toolbar shows, and what its controls do. */
export interface ToolbarOptions {
  /** The date inputs, and what is wrong with the range typed (`DateRangeEditor`). */
  fields: unknown;
  problem: unknown;
  view: 'chart' | 'heatmap';
  drill: DrillPath;
  /** The dimension the bars are stacked by, or '' for none. */
  stack: TrafficDimension | '';
  /** The grouping list's label: "Group by", or "Break down … by" the bucket drilled into. */
  groupLabel: string | TemplateResult;
  /** Whether the figures shown can be exported now. */
  exportable: boolean;
  setView(view: 'chart' | 'heatmap'): void;
  groupBy(event: Event): void;
  stackBy(event: Event): void;
  export(): void;
}

/** The date range, the view switch, the grouping and stacking lists and Export. */
export function toolbarView(o: ToolbarOptions): TemplateResult {
  const free = freeDimensions(o.drill.filters);
  const stackable = free.filter((d) => d !== o.drill.groupBy);
  return html`<div class="toolbar" part="toolbar">
        ${o.fields}
        <div class="views" role="group" aria-label=${t('view')}>
          ${(['chart', 'heatmap'] as const).map(
            (view) => html`<button type="button" class="fc-button" name=${`view-${view}`} aria-pressed=${o.view === view ? 'true' : 'false'}
              @click=${() => o.setView(view)}>${view === 'chart' ? t('viewChart') : t('viewHeatmap')}</button>`,
          )}
        </div>
        <label
          >${o.groupLabel}
          <select name="group-by" @change=${o.groupBy}>
            ${free.map((d) => html`<option value=${d} ?selected=${d === o.drill.groupBy}>${dimensionName(d)}</option>`)}
          </select></label
        >
        ${o.view === 'chart'
          ? html`<label
              >${t('stackBy')}
              <select name="stack-by" @change=${o.stackBy}>
                <option value="" ?selected=${!o.stack}>${t('stackNone')}</option>
                ${stackable.map((d) => html`<option value=${d} ?selected=${d === o.stack}>${dimensionName(d)}</option>`)}
              </select></label
            >`
          : nothing}
        <button type="button" class="fc-button" name="export" ?disabled=${!o.exportable} @click=${o.export}>${t('exportCsv')}</button>
      </div>
      ${o.problem}`;
}

/** The drill path as a trail of levels: each level but the last is a button back to it. */
export function breadcrumbView(names: readonly string[], back: (depth: number) => void): TemplateResult {
  return html`<nav aria-label=${t('breadcrumb')} part="breadcrumb">
      <ol>
        ${names.map((name, depth) =>
          depth === names.length - 1
            ? html`<li><span aria-current="location">${name}</span></li>`
            : html`<li><button type="button" class="crumb" data-depth=${depth} @click=${() => back(depth)}>${name}</button></li>`,
        )}
      </ol>
    </nav>`;
}

/** Scrolls the heatmap's box so that hour `hour`'s column comes right after the sticky weekday column. */
export function scrollToHour(wrap: HTMLElement, hour: number): void {
  const corner = wrap.querySelector('thead th');
  const column = wrap.querySelectorAll('thead th')[hour + 1];
  if (!corner || !column) return;
  const rtl = getComputedStyle(wrap).direction === 'rtl';
  const cell = column.getBoundingClientRect();
  const head = corner.getBoundingClientRect();
  wrap.scrollLeft += rtl ? cell.right - head.left : cell.left - head.right;
}

/** Shown above the last figures while new ones load (they stay readable rather than dimmed). */
export function updatingView(): TemplateResult {
  return html`<p class="hint updating">${msg('loading')}</p>`;
}

export interface SummaryOptions {
  /** The previous period's total, once read. */
  previous: TrafficRow | undefined;
  /** The previous period's read failed: what went wrong, and its Retry. */
  failure: { error: unknown; retry: () => unknown } | null;
}

/** The totals, each with its change against the same range one month earlier. */
export function summaryView(f: Formats, model: LevelModel, { previous, failure }: SummaryOptions): TemplateResult {
  const total = model.total;
  const prevRatio = previous ? (previous.ups ? previous.sold / previous.ups : null) : null;
  const item = (label: string, value: string, change: TemplateResult | typeof nothing) =>
    html`<div class="metric"><dt>${label}</dt><dd><span class="value">${value}</span> ${change}</dd></div>`;
  const range = rangeName(f, model.previousRange);
  const compared = model.comparedRange ?? model.range;
  const clamped = compared.to !== model.range.to || compared.from !== model.range.from;
  return html`<section class="summary" part="summary" aria-label=${t('summary', range)}>
      <dl>
        ${item(t('colUps'), f.count.format(total.ups), previous ? changeView(changeText(f, total.ups, previous.ups)) : nothing)}
        ${item(t('colSold'), f.count.format(total.sold), previous ? changeView(changeText(f, total.sold, previous.sold)) : nothing)}
        ${item(t('colClosing'), ratioText(f, total.closingRatio), previous ? changeView(pointsText(f, total.closingRatio, prevRatio)) : nothing)}
        ${item(t('colBeBack'), ratioText(f, total.beBackShare), nothing)}
      </dl>
      ${failure
        ? errorView(failure.error, failure.retry, { retryLabel: t('summary', range) })
        : previous
          ? html`<p class="previous">${clamped
              ? t('comparedWas', rangeName(f, compared), range, f.count.format(previous.ups))
              : t('previousWas', range, f.count.format(previous.ups))}</p>`
          : nothing}
    </section>`;
}

export interface TableOptions {
  /** The table's caption (level, path and range), names from the data in `<bdi>`s. */
  caption: string | TemplateResult;
  /** Whether a row's name is a button that drills into it. */
  canDrill: boolean;
  drill: (row: ModelRow) => void;
  /** A row took focus (its index) or lost it (null): the chart shows that bucket's tooltip. */
  focus: (index: number | null) => void;
}

/** The level's figures: a row per bucket, the total, a column per stack value and the change against the previous period. */
export function tableView(f: Formats, model: LevelModel, { caption, canDrill, drill, focus }: TableOptions): TemplateResult {
  const prevRange = rangeName(f, model.previousRange);
  const cells = (row: ModelRow) => html`<td class="fc-num">${f.count.format(row.ups)}</td>
      ${row.series.map((n) => html`<td class="fc-num">${f.count.format(n)}</td>`)}
      <td class="fc-num">${f.count.format(row.sold)}</td>
      <td class="fc-num">${ratioText(f, row.closingRatio)}</td>
      <td class="fc-num">${ratioText(f, row.beBackShare)}</td>
      ${TRAFFIC_STEPS.map((s) => html`<td class="fc-num">${f.count.format(row.steps[s])}</td>`)}
      ${model.compared ? html`<td>${changeView(changeText(f, row.ups, row.previousUps))}</td>` : nothing}`;
  // Without buttons to tab to, the scrolling box itself takes focus so a keyboard can scroll it.
  return html`<div class="table-wrap" role=${canDrill ? nothing : 'region'} tabindex=${canDrill ? nothing : '0'}
        aria-labelledby=${canDrill ? nothing : 'traffic-caption'}>
      <table class="fc-table" part="table" id="traffic-table" aria-describedby=${canDrill ? 'drill-hint' : nothing}>
        <caption id="traffic-caption">
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${dimensionName(model.dimension)}</th>
            <th scope="col" class="fc-num">${t('colUps')}</th>
            ${model.seriesNames.map((name) => html`<th scope="col" class="fc-num">${t('colSeries', name)}</th>`)}
            <th scope="col" class="fc-num">${t('colSold')}</th>
            <th scope="col" class="fc-num">${t('colClosing')}</th>
            <th scope="col" class="fc-num">${t('colBeBack')}</th>
            ${TRAFFIC_STEPS.map((s) => html`<th scope="col" class="fc-num">${t('stepsReached', stepName(s))}</th>`)}
            ${model.compared ? html`<th scope="col">${t('colChange', prevRange)}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${model.rows.map(
            (row, i) => html`<tr @focusin=${() => focus(i)} @focusout=${() => focus(null)}>
              <th scope="row" tabindex=${canDrill ? nothing : '0'}>
                ${canDrill
                  ? html`<button type="button" class="drill" part="drill-button" data-index=${i} @click=${() => drill(row)}>${row.label}</button>`
                  : row.label}
              </th>
              ${cells(row)}
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${t('total')}</th>
            ${cells(model.total)}
          </tr>
        </tfoot>
      </table></div>
      ${canDrill ? html`<p id="drill-hint" class="hint">${t('drillHint')}</p>` : nothing}`;
}

/** The weekday × hour table: counts in every cell, shaded by a class (never a style attribute). */
export function heatmapView(f: Formats, grid: number[][], caption: string | TemplateResult, busy: boolean): TemplateResult {
  const max = Math.max(0, ...grid.flat());
  return html`${busy ? updatingView() : nothing}
      <div class="table-wrap heatmap-wrap" role="region" tabindex="0" aria-labelledby="heatmap-caption" aria-busy=${busy ? 'true' : 'false'}>
      <table class="fc-table heatmap" part="heatmap" aria-describedby="heatmap-hint">
        <caption id="heatmap-caption"><span class="caption-text">${caption}</span></caption>
        <thead>
          <tr>
            <th scope="col">${t('dimWeekday')}</th>
            ${HOURS.map((h) => html`<th scope="col" class="fc-num">${t('hourName', h)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${grid.map(
            (hours, day) => html`<tr>
              <th scope="row">${weekdayName(day)}</th>
              ${hours.map((ups) => html`<td class="fc-num shade-${shadeOf(ups, max)}">${f.count.format(ups)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
      <p id="heatmap-hint" class="hint">${t('heatmapHint')}</p>`;
}

// ───────────── captions and the export's status ─────────────

/** The figures table's caption: the grouping and range, under the drilled-into trail when there is one (each crumb isolated). */
export function levelCaption(f: Formats, model: LevelModel, crumbs: readonly string[]): string | TemplateResult {
  const range = rangeName(f, model.range);
  if (!crumbs.length) return t('caption', dimensionName(model.dimension), range);
  return isolateIn((...names) => t('captionUnder', names.join(' › '), dimensionName(model.dimension), range), ...crumbs);
}

/** The weekday × hour table's caption, under the drilled-into trail when there is one. */
export function heatmapCaption(f: Formats, range: DateRange, crumbs: readonly string[]): string | TemplateResult {
  const text = t('heatmapCaption', rangeName(f, range));
  return crumbs.length ? isolateIn((...names) => `${names.join(' › ')}: ${text}`, ...crumbs) : text;
}

/** The export's writer while it loads (a status), or why it could not be loaded, with Retry. */
export function exportLoadView(load: { failure: unknown } | null, retry: () => void): TemplateResult | typeof nothing {
  if (!load) return nothing;
  return html`<div class="export-load">${load.failure ? errorView(load.failure, retry) : html`<p role="status">${t('exportPreparing')}</p>`}</div>`;
}

/** What {@link levelView} shows besides the level's figures. */
export interface LevelViewOptions {
  /** The figures are being read again (the last ones stay on screen, marked as updating). */
  busy: boolean;
  /** The previous period's totals, when read. */
  previous: SummaryOptions['previous'];
  /** The previous period's read failed: why, and how to try again. */
  extrasFailure: SummaryOptions['failure'];
  /** The chart's legend. */
  legend: unknown;
  /** The chart's plot is loaded (the chart box is busy until then). */
  plotShown: boolean;
  /** The chart's code could not be loaded: why, and how to try again. */
  plotFailure: { error: unknown; retry: () => void } | null;
  caption: string | TemplateResult;
  canDrill: boolean;
  drill: (row: ModelRow) => void;
  focus: (index: number | null) => void;
}

/** One level: the totals against the previous period, the chart's box and the figures table. */
export function levelView(f: Formats, model: LevelModel, o: LevelViewOptions): TemplateResult {
  const label = isTimeGrouping(model.dimension) ? t('chartLineLabel', dimensionName(model.dimension)) : t('chartLabel', dimensionName(model.dimension));
  return html`<div aria-busy=${o.busy ? 'true' : 'false'}>
    ${o.busy ? updatingView() : nothing} ${summaryView(f, model, { previous: o.previous, failure: o.extrasFailure })}
    <div class="chart" part="chart">
      ${o.legend}
      ${o.plotFailure
        ? errorView(o.plotFailure.error, o.plotFailure.retry)
        : html`<div class="fc-chart" aria-busy=${o.plotShown ? 'false' : 'true'}>
            <canvas class="traffic-chart" role="img" aria-label=${label} aria-details="traffic-table"></canvas>
          </div>`}
    </div>
    ${tableView(f, model, { caption: o.caption, canDrill: o.canDrill, drill: o.drill, focus: o.focus })}
  </div>`;
}
