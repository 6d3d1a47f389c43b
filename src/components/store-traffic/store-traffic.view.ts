/**
 * The store-traffic figures as the table, the chart and the CSV show them: one model per level
 * (rows, total, stack series, previous period), built from the adapter's aggregates, and the
 * small render and text helpers around it. The figures themselves are the adapter's
 * (`aggregateTraffic`); this only lines them up and formats them.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import Papa from 'papaparse';
import { compareToPrevious } from '../../data/logic/sms.js';
import { TRAFFIC_STEPS } from '../../data/model.js';
import type { DateRange, TrafficAggregate, TrafficDimension, TrafficHeatmap, TrafficRow, TrafficStep } from '../../data/model.js';
import { bucketLabel } from './store-traffic.labels.js';
import type { Formats } from '../shared/formats.js';
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

// ───────────── the level model ─────────────

/** Ups per bucket for one value of the stacking dimension. */
export interface StackSeries {
  key: string;
  label: string;
  /** Row key → ups. */
  ups: Map<string, number>;
}

export interface StackData {
  dimension: TrafficDimension;
  series: StackSeries[];
}

/** What one level needs beyond its own aggregate: the previous period. */
export interface LevelExtras {
  /** The same level one month earlier. */
  previous: TrafficAggregate | null;
  previousRange: DateRange;
}

export interface ModelRow {
  key: string;
  label: string;
  ups: number;
  sold: number;
  closingRatio: number | null;
  beBackShare: number | null;
  steps: Record<TrafficStep, number>;
  /** Ups per stack series (the last is "Other" when `other`). */
  series: number[];
  /** Ups in the previous period, or null when not compared. */
  previousUps: number | null;
}

export interface LevelModel {
  dimension: TrafficDimension;
  range: DateRange;
  rows: ModelRow[];
  total: ModelRow;
  /** Stack series names, "Other" last when some ups fall outside the named series. */
  seriesNames: string[];
  /** Whether rows carry the previous period's ups (not for date buckets). */
  compared: boolean;
  previousRange: DateRange;
}

const DATE_DIMENSIONS: ReadonlySet<string> = new Set(['month', 'day']);

/**
 * Lines up a level's aggregate, its stack series, previous period and be-back counts by row key.
 * @returns The rows in the aggregate's order, the total, and the stack series' names.
 */
export function levelModel(aggregate: TrafficAggregate, stack: StackData | null, extras: LevelExtras | null, range: DateRange): LevelModel {
  const dimension = aggregate.query.groupBy;
  // Dates of two periods never share a key; hours, weekdays and names do.
  const previous = extras?.previous && !DATE_DIMENSIONS.has(dimension) ? extras.previous : null;
  const prevByKey = new Map(previous?.rows.map((r) => [r.key, r.ups]));
  const named = stack?.series ?? [];
  const otherNeeded =
    !!stack && aggregate.rows.some((row) => row.ups > named.reduce((sum, s) => sum + (s.ups.get(row.key) ?? 0), 0));
  const seriesNames = stack ? [...named.map((s) => bucketLabel(stack.dimension, s.key, s.label)), ...(otherNeeded ? [t('other')] : [])] : [];
  const seriesOf = (row: TrafficRow, key: string | null): number[] => {
    if (!stack) return [];
    const values = named.map((s) => (key === null ? [...s.ups.values()].reduce((a, b) => a + b, 0) : (s.ups.get(key) ?? 0)));
    if (otherNeeded) values.push(row.ups - values.reduce((a, b) => a + b, 0));
    return values;
  };
  const toModel = (row: TrafficRow, key: string | null, prev: number | null): ModelRow => ({
    key: row.key,
    label: key === null ? row.label : bucketLabel(dimension, row.key, row.label),
    ups: row.ups,
    sold: row.sold,
    closingRatio: row.closingRatio ?? (row.ups ? row.sold / row.ups : null),
    beBackShare: row.beBackShare,
    steps: Object.fromEntries(TRAFFIC_STEPS.map((s) => [s, row.steps?.[s] ?? 0])) as Record<TrafficStep, number>,
    series: seriesOf(row, key),
    previousUps: prev,
  });
  return {
    dimension,
    range,
    rows: aggregate.rows.map((row) => toModel(row, row.key, previous ? (prevByKey.get(row.key) ?? 0) : null)),
    total: toModel(aggregate.total, null, extras?.previous?.total.ups ?? null),
    seriesNames,
    compared: !!previous,
    previousRange: extras?.previousRange ?? range,
  };
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

/** The 7 × 24 grid of ups, weekday-major (0 = Monday). */
export function heatmapGrid(heatmap: TrafficHeatmap): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const cell of heatmap.cells) {
    if (cell.weekday >= 0 && cell.weekday < 7 && cell.hour >= 0 && cell.hour < 24) grid[cell.weekday]![cell.hour] = cell.ups;
  }
  return grid;
}

export const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));

// ───────────── CSV ─────────────

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

const percentCell = (ratio: number | null) => (ratio === null ? '' : Number((ratio * 100).toFixed(1)));

/** The bars view as CSV: the table's columns, rows and total; ratios in percent. */
export function levelCsv(model: LevelModel, f: Formats): string {
  const header = [
    dimensionName(model.dimension),
    t('colUps'),
    ...model.seriesNames.map((name) => t('colSeries', name)),
    t('colSold'),
    `${t('colClosing')} (%)`,
    `${t('colBeBack')} (%)`,
    ...TRAFFIC_STEPS.map((s) => t('stepsReached', stepName(s))),
    ...(model.compared ? [t('colPrevious', rangeName(f, model.previousRange))] : []),
  ].map(csvText);
  const line = (row: ModelRow, name: string) => [
    csvText(name),
    row.ups,
    ...row.series,
    row.sold,
    percentCell(row.closingRatio),
    percentCell(row.beBackShare),
    ...TRAFFIC_STEPS.map((s) => row.steps[s]),
    ...(model.compared ? [row.previousUps ?? 0] : []),
  ];
  const data = [...model.rows.map((row) => line(row, row.label)), line(model.total, t('total'))];
  return Papa.unparse({ fields: header, data }, { newline: '\r\n' });
}

/** The heatmap as CSV: a weekday per line, an hour per column. */
export function heatmapCsv(heatmap: TrafficHeatmap): string {
  const grid = heatmapGrid(heatmap);
  const header = [t('dimWeekday'), ...HOURS.map((h) => t('hourName', h))].map(csvText);
  return Papa.unparse({ fields: header, data: grid.map((hours, day) => [csvText(weekdayName(day)), ...hours]) }, { newline: '\r\n' });
}
