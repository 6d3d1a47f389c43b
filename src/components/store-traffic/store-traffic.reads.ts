/**
 * The reads a level needs beyond its own aggregate. The adapter's aggregate answers one dimension
 * per call, so a stack and the names of the drilled-into buckets take reads of their own.
 */
import type { TrafficApi } from '../../data/adapter.js';
import type { DateRange, TrafficDimension, TrafficRow } from '../../data/model.js';
import { filterRecord } from './store-traffic.path.js';
import type { DrillPath } from './store-traffic.path.js';
import type { StackData } from './store-traffic.model.js';

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
