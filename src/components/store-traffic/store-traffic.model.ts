/**
 * The store-traffic figures lined up as the table, the chart and the CSV show them: one model per
 * level (rows, total, stack series, previous period), built from the adapter's aggregates, and the
 * weekday × hour grid. The figures themselves are the adapter's (`aggregateTraffic`); this only
 * lines them up by key.
 */
import { TRAFFIC_STEPS } from '../../data/model.js';
import type { DateRange, TrafficAggregate, TrafficDimension, TrafficHeatmap, TrafficRow, TrafficStep } from '../../data/model.js';
import { DEFAULT_CATEGORY_NAMES, bucketLabel } from './store-traffic.labels.js';
import type { CategoryNames } from './store-traffic.labels.js';
import { t } from './store-traffic.messages.js';
import type { TrafficTimeGrouping } from '../../data/logic/traffic.js';

const TIME_GROUPINGS: ReadonlySet<string> = new Set<TrafficTimeGrouping>(['month', 'day', 'hour']);

/** Whether a dimension is a time grouping (drawn as a line on a time axis, not as bars). */
export const isTimeGrouping = (dimension: TrafficDimension): dimension is TrafficTimeGrouping => TIME_GROUPINGS.has(dimension);

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

/** One level as read: its aggregate and stack series. */
export interface Level {
  aggregate: TrafficAggregate;
  stack: StackData | null;
  /** The inputs it answers, as `levelKey` writes them. */
  key: string;
}

/** What a level was read for. */
export interface LevelInputs {
  zone: string;
  from: string;
  to: string;
  /** The drill path, in the `path` attribute's canonical form. */
  path: string;
  stackBy: string;
}

/** The key of a level's inputs (equal inputs, equal keys). */
export function levelKey(inputs: LevelInputs): string {
  return JSON.stringify([inputs.zone, inputs.from, inputs.to, inputs.path, inputs.stackBy]);
}

/** The inputs a level key was made of. */
export function levelInputs(key: string): LevelInputs {
  const [zone, from, to, path, stackBy] = JSON.parse(key) as string[];
  return { zone: zone!, from: from!, to: to!, path: path!, stackBy: stackBy! };
}

/** What one level needs beyond its own aggregate: the previous period. */
export interface LevelExtras {
  /** The same level one month earlier. */
  previous: TrafficAggregate | null;
  previousRange: DateRange;
  /** The days of the range compared with `previousRange`: the range up to today. */
  comparedRange: DateRange;
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
  /** The days of `range` compared with `previousRange` (the range up to today); absent, the whole range. */
  comparedRange?: DateRange;
}

const DATE_DIMENSIONS: ReadonlySet<string> = new Set(['month', 'day']);

/**
 * Lines up a level's aggregate, its stack series, previous period and be-back counts by row key.
 * @param categories Source category names by id, for rows and series of source categories.
 * @returns The rows in the aggregate's order, the total, and the stack series' names.
 */
export function levelModel(
  aggregate: TrafficAggregate,
  stack: StackData | null,
  extras: LevelExtras | null,
  range: DateRange,
  categories: CategoryNames = DEFAULT_CATEGORY_NAMES,
): LevelModel {
  const dimension = aggregate.query.groupBy;
  // Dates of two periods never share a key; hours, weekdays and names do.
  const previous = extras?.previous && !DATE_DIMENSIONS.has(dimension) ? extras.previous : null;
  const prevByKey = new Map(previous?.rows.map((r) => [r.key, r.ups]));
  const named = stack?.series ?? [];
  const otherNeeded =
    !!stack && aggregate.rows.some((row) => row.ups > named.reduce((sum, s) => sum + (s.ups.get(row.key) ?? 0), 0));
  const seriesNames = stack ? [...named.map((s) => bucketLabel(stack.dimension, s.key, s.label, categories)), ...(otherNeeded ? [t('other')] : [])] : [];
  const seriesOf = (row: TrafficRow, key: string | null): number[] => {
    if (!stack) return [];
    const values = named.map((s) => (key === null ? [...s.ups.values()].reduce((a, b) => a + b, 0) : (s.ups.get(key) ?? 0)));
    if (otherNeeded) values.push(row.ups - values.reduce((a, b) => a + b, 0));
    return values;
  };
  const toModel = (row: TrafficRow, key: string | null, prev: number | null): ModelRow => ({
    key: row.key,
    label: key === null ? row.label : bucketLabel(dimension, row.key, row.label, categories),
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
    comparedRange: extras?.comparedRange ?? range,
  };
}

/** The 7 × 24 grid of ups, weekday-major (0 = Monday). */
export function heatmapGrid(heatmap: TrafficHeatmap): number[][] {
  const grid = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  for (const cell of heatmap.cells) {
    if (cell.weekday >= 0 && cell.weekday < 7 && cell.hour >= 0 && cell.hour < 24) grid[cell.weekday]![cell.hour] = cell.ups;
  }
  return grid;
}

/** The hours of a day as the heatmap's columns name them, `00` … `23`. */
export const HOURS = Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'));
