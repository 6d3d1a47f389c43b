/**
 * The drill-down path as a URL-safe string, so a host can keep it in its address:
 *
 *   groupBy=department;department=new;groupBy=salesperson
 *
 * Segments are `;`-separated `name=value` pairs. `groupBy=<dimension>` names the dimension a level
 * is grouped by; `<dimension>=<key>` is the bucket picked at that level (a filter). The last
 * `groupBy` is the level shown. Keys are percent-encoded (`encodeURIComponent`), so `;`, `=` and
 * `&` inside a source's name cannot break the string. The empty string is the top level grouped
 * by day.
 */
import { TRAFFIC_DIMENSIONS } from '../../data/model.js';
import type { TrafficDimension } from '../../data/model.js';

export interface DrillFilter {
  dimension: TrafficDimension;
  key: string;
}

export interface DrillPath {
  /** The buckets drilled into, outermost first; each dimension at most once. */
  filters: DrillFilter[];
  /** The dimension the shown level is grouped by (never one of the filters'). */
  groupBy: TrafficDimension;
}

/** The top level: all traffic by day. */
export const ROOT_DIMENSION: TrafficDimension = 'day';

/** Which dimension a drill-down shows next by default (the user can pick any other). */
const NEXT_ORDER: readonly TrafficDimension[] = [
  'upType',
  'department',
  'sourceCategory',
  'source',
  'salesperson',
  'outcome',
  'day',
  'hour',
  'weekday',
  'month',
];

/**
 * The dimensions this widget groups by: time as its month, day and hour dimensions (the generic
 * `time` dimension with a grain is for other callers of the aggregate).
 */
const OFFERED: readonly TrafficDimension[] = TRAFFIC_DIMENSIONS.filter((d) => d !== 'time');

export const isDimension = (value: string): value is TrafficDimension => (OFFERED as readonly string[]).includes(value);

/** The dimensions a level under these filters may be grouped by. */
export function freeDimensions(filters: readonly DrillFilter[]): TrafficDimension[] {
  const used = new Set(filters.map((f) => f.dimension));
  return OFFERED.filter((d) => !used.has(d));
}

/** The default dimension after drilling into these filters, or null when none is left. */
export function nextDimension(filters: readonly DrillFilter[]): TrafficDimension | null {
  const free = new Set(freeDimensions(filters));
  return NEXT_ORDER.find((d) => free.has(d)) ?? [...free][0] ?? null;
}

/**
 * Reads a path string.
 * @returns The path, or null when the string is not a valid path (unknown dimension, a dimension
 *   used twice, a bad escape, no dimension left to group by).
 */
export function parsePath(text: string): DrillPath | null {
  const filters: DrillFilter[] = [];
  let groupBy: TrafficDimension | null = null;
  for (const segment of text.split(';')) {
    if (!segment.trim()) continue;
    const eq = segment.indexOf('=');
    if (eq < 0) return null;
    const name = segment.slice(0, eq).trim();
    let value: string;
    try {
      value = decodeURIComponent(segment.slice(eq + 1));
    } catch {
      return null;
    }
    if (name === 'groupBy') {
      if (!isDimension(value)) return null;
      groupBy = value;
    } else {
      if (!isDimension(name) || filters.some((f) => f.dimension === name)) return null;
      filters.push({ dimension: name, key: value });
      groupBy = null;
    }
  }
  groupBy ??= filters.length ? nextDimension(filters) : ROOT_DIMENSION;
  if (!groupBy || filters.some((f) => f.dimension === groupBy)) return null;
  return { filters, groupBy };
}

/** Writes a path in its canonical form: `groupBy=<d>;<d>=<key>` per filter, then `groupBy=<shown>`. */
export function formatPath(path: DrillPath): string {
  const parts: string[] = [];
  for (const f of path.filters) parts.push(`groupBy=${f.dimension}`, `${f.dimension}=${encodeURIComponent(f.key)}`);
  parts.push(`groupBy=${path.groupBy}`);
  return parts.join(';');
}

/** The path one level down: `key` of the shown dimension becomes a filter. */
export function drillInto(path: DrillPath, key: string): DrillPath | null {
  const filters = [...path.filters, { dimension: path.groupBy, key }];
  const groupBy = nextDimension(filters);
  return groupBy ? { filters, groupBy } : null;
}

/** The path back at level `depth` (0 = the top), grouped as it was when the user drilled from it. */
export function backTo(path: DrillPath, depth: number): DrillPath {
  if (depth >= path.filters.length) return path;
  return { filters: path.filters.slice(0, depth), groupBy: path.filters[depth]!.dimension };
}

/** The filters as the adapter's query takes them. */
export function filterRecord(filters: readonly DrillFilter[]): Partial<Record<TrafficDimension, string>> {
  return Object.fromEntries(filters.map((f) => [f.dimension, f.key]));
}

/** The dimension to stack a level's bars by, when `stackBy` can apply there: a dimension neither grouped by nor drilled into. */
export function stackFor(drill: DrillPath, stackBy: string): TrafficDimension | null {
  if (!isDimension(stackBy) || stackBy === drill.groupBy || drill.filters.some((f) => f.dimension === stackBy)) return null;
  return stackBy;
}
