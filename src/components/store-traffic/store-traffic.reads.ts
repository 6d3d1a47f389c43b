/**
 * The reads of a level: its aggregate and stack, and what it needs beyond them (the previous
 * period, the names of the drilled-into buckets). The adapter's aggregate answers one dimension
 * per call, so a stack and the breadcrumb's names take reads of their own.
 */
import type { LeadsApi, SourcesApi, TrafficApi } from '../../data/adapter.js';
import { comparedPeriods, isValidZone, isoDateIn } from '../../data/logic/calendar.js';
import type { DateRange, TrafficDimension, TrafficRow, WeeklyHours } from '../../data/model.js';
import { DEFAULT_CATEGORY_NAMES, categoryNames } from './store-traffic.labels.js';
import type { CategoryNames } from './store-traffic.labels.js';
import { filterRecord, parsePath, stackFor } from './store-traffic.path.js';
import type { DrillPath } from './store-traffic.path.js';
import { levelInputs, levelKey } from './store-traffic.model.js';
import type { Level, LevelExtras, StackData } from './store-traffic.model.js';

/** The browser's zone (UTC when it does not say). */
export const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The dealer's zone (the browser's when the dealer's is not one or cannot be read) and opening hours. */
export async function readDealer(leads: LeadsApi, signal: AbortSignal): Promise<{ zone: string; hours: WeeklyHours | null }> {
  try {
    const dealer = await leads.dealer({ signal });
    return { zone: isValidZone(dealer.zone) ? dealer.zone : browserZone(), hours: dealer.hours ?? null };
  } catch (error) {
    if (signal.aborted) throw error;
    return { zone: browserZone(), hours: null };
  }
}

/** The shop's source category names by id; the default ones when the host has no categories or their read fails. */
export async function readCategoryNames(sources: SourcesApi | undefined, signal: AbortSignal): Promise<CategoryNames> {
  if (typeof sources?.categories !== 'function') return DEFAULT_CATEGORY_NAMES;
  try {
    const list = await sources.categories({ signal });
    return Array.isArray(list) ? categoryNames(list) : DEFAULT_CATEGORY_NAMES;
  } catch (error) {
    if (signal.aborted) throw error;
    return DEFAULT_CATEGORY_NAMES;
  }
}

/** The key of a bucket's name in the names seen (`BucketLabels`). */
export const labelKey = (dimension: string, key: string) => `${dimension}\u0000${key}`;

/** Names of the buckets seen, by `labelKey`, for the breadcrumb. */
export type BucketLabels = Map<string, string>;

/**
 * A level: its aggregate, and its stack when `stackBy` applies there. The names of its buckets go
 * into `labels`.
 */
export async function readLevel(
  traffic: TrafficApi,
  [zone, from, to, path, stackBy]: readonly [string, string, string, string, string],
  labels: BucketLabels,
  signal: AbortSignal,
): Promise<Level> {
  const drill = parsePath(path)!;
  const base = { from, to, zone, filters: filterRecord(drill.filters) };
  const stackDimension = stackFor(drill, stackBy);
  const [aggregate, stack] = await Promise.all([
    traffic.aggregate({ ...base, groupBy: drill.groupBy }, { signal }),
    stackDimension ? readStack(traffic, base, drill.groupBy, stackDimension, signal) : null,
  ]);
  for (const row of aggregate.rows) labels.set(labelKey(drill.groupBy, row.key), row.label);
  return { aggregate, stack, key: levelKey({ zone, from, to, path, stackBy }) };
}

/**
 * What the level of `key` needs beyond its aggregate: the previous period, and the names of the
 * drilled-into buckets not in `labels` yet (they go into it).
 */
export async function readExtras(traffic: TrafficApi, key: string, labels: BucketLabels, signal: AbortSignal): Promise<LevelExtras> {
  const { zone, from, to, path } = levelInputs(key);
  const drill = parsePath(path)!;
  // A range that runs past today is compared by the days that have happened: December 1–31 on
  // the 7th is December 1–7 against November 1–7 (the totals of the days to come are none yet).
  const { current: comparedRange, previous: previousRange } = comparedPeriods({ from, to }, isoDateIn(Date.now(), zone));
  const known = (dimension: TrafficDimension, bucket: string) => labels.has(labelKey(dimension, bucket));
  const [previous, crumbs] = await Promise.all([
    traffic.aggregate({ ...previousRange, zone, filters: filterRecord(drill.filters), groupBy: drill.groupBy }, { signal }),
    readCrumbRows(traffic, { from, to }, zone, drill, known, signal),
  ]);
  for (const { dimension, rows } of crumbs) for (const row of rows) labels.set(labelKey(dimension, row.key), row.label);
  return { previous, previousRange, comparedRange };
}

/** Most stack values drawn by name; the rest are summed as "Other". */
const MAX_SERIES = 6;

/** A level's query without its grouping. */
export interface LevelBase extends DateRange {
  zone: string;
  filters: Partial<Record<TrafficDimension, string>>;
}

/**
 * The stack of a level: the stack dimension's values first (the `MAX_SERIES` with most ups), then
 * one read per value with that value added to the filters.
 */
export async function readStack(
  traffic: TrafficApi,
  base: LevelBase,
  groupBy: TrafficDimension,
  dimension: TrafficDimension,
  signal: AbortSignal,
): Promise<StackData> {
  const values = await traffic.aggregate({ ...base, groupBy: dimension }, { signal });
  const top = [...values.rows].sort((a, b) => b.ups - a.ups).slice(0, MAX_SERIES);
  const keep = new Set(top.map((r) => r.key));
  const named = values.rows.filter((r) => keep.has(r.key));
  const series = await Promise.all(
    named.map(async (value) => {
      const part = await traffic.aggregate({ ...base, filters: { ...base.filters, [dimension]: value.key }, groupBy }, { signal });
      return { key: value.key, label: value.label, ups: new Map(part.rows.map((r) => [r.key, r.ups])) };
    }),
  );
  return { dimension, series };
}

/**
 * The rows naming the drilled-into buckets whose names are not `known` (after a reload with a
 * path): filter `i`'s level is read once, grouped by its dimension under filters `0..i-1`.
 * @returns Each level read, with the dimension its rows name.
 */
export async function readCrumbRows(
  traffic: TrafficApi,
  range: DateRange,
  zone: string,
  drill: DrillPath,
  known: (dimension: TrafficDimension, key: string) => boolean,
  signal: AbortSignal,
): Promise<{ dimension: TrafficDimension; rows: TrafficRow[] }[]> {
  const missing = drill.filters.map((f, i) => ({ f, i })).filter(({ f }) => !known(f.dimension, f.key));
  return Promise.all(
    missing.map(async ({ f, i }) => {
      const level = await traffic.aggregate({ ...range, zone, filters: filterRecord(drill.filters.slice(0, i)), groupBy: f.dimension }, { signal });
      return { dimension: f.dimension, rows: level.rows };
    }),
  );
}
