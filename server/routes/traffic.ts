/**
 * Store traffic from PostgreSQL: the list of a range and drill path (keyset paging on the event's
 * time and the order events were added in), the drill-down aggregate and the weekday × hour
 * heatmap.
 *
 * The aggregate and the heatmap read the fields they count of the matching events, in time order,
 * in one range query over traffic_by_time (the drill path's value, hour and weekday filters
 * applied there), and count them with the memory adapter's own index
 * (aggregateTrafficIndex / trafficHeatmapIndex in src/data/logic/traffic.ts): time buckets in the
 * query's zone, their keys and labels, the DST hours and the row order stay one rule in one place.
 */
import type { TrafficListQuery } from '../../src/data/adapter.js';
import type { TrafficDimension, TrafficEvent, TrafficQuery } from '../../src/data/model.js';
import { checkDateRange, checkZone } from '../../src/data/logic/calendar.js';
import { pageLimit } from '../../src/data/logic/paging.js';
import { aggregateTrafficIndex, buildTrafficIndex, trafficHeatmapIndex, trafficTimeBounds } from '../../src/data/logic/traffic.js';
import type { RouteContext, RouteHandler } from '../app.js';
import { decodeKeyCursor, encodeKeyCursor, invalidCursor } from './keyset.js';
import countSql from '../sql/traffic/count.sql';
import eventsSql from '../sql/traffic/events.sql';
import pageSql from '../sql/traffic/page.sql';

type Scope = Pick<TrafficListQuery, 'from' | 'to' | 'filters' | 'zone'>;

/** The dimensions traffic_matching filters by value, in its parameters' order. */
const VALUE_FILTERS: readonly TrafficDimension[] = ['upType', 'department', 'salesperson', 'sourceCategory', 'source', 'outcome'];

/**
 * The arguments of traffic_matching for a range and drill path in `zone`, or null when nothing can
 * match (an empty range, a time key outside it, an hour or weekday that is not one).
 */
function matchingParams(scope: Scope, zone: string): unknown[] | null {
  checkDateRange(scope);
  checkZone(zone);
  const bounds = trafficTimeBounds(scope, zone);
  if (!bounds) return null;
  const filters = scope.filters ?? {};
  let hour: number | null = null;
  let weekday: number | null = null;
  if (filters.hour != null) {
    hour = /^\d{2}$/.test(filters.hour) ? +filters.hour : NaN;
    if (!(hour <= 23)) return null;
  }
  if (filters.weekday != null) {
    if (!/^[1-7]$/.test(filters.weekday)) return null;
    weekday = +filters.weekday;
  }
  return [
    new Date(bounds[0]).toISOString(),
    new Date(bounds[1]).toISOString(),
    zone,
    ...VALUE_FILTERS.map((d) => filters[d] ?? null),
    hour,
    weekday,
  ];
}

/** The cursor's key time, as page.sql writes it, and its sequence number. */
const KEY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const KEY_SEQ = /^\d{1,18}$/;

async function list(query: TrafficListQuery, { query: sql, zone }: RouteContext) {
  const limit = pageLimit(query.limit);
  let after: string[] = [];
  if (query.cursor) {
    after = decodeKeyCursor(query.cursor, 2);
    if (!KEY_TIME.test(after[0]!) || Number.isNaN(Date.parse(after[0]!)) || !KEY_SEQ.test(after[1]!)) throw invalidCursor(query.cursor);
  }
  const params = matchingParams(query, query.zone ?? zone);
  if (!params) return { items: [], total: 0, nextCursor: null };
  const rows = await sql<{ doc: TrafficEvent; key_time: string; seq: string }>(pageSql, [...params, after[0] ?? null, after[1] ?? null, limit + 1]);
  const [{ total }] = (await sql<{ total: number }>(countSql, params)) as [{ total: number }];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map((r) => r.doc), total, nextCursor: rows.length > limit && last ? encodeKeyCursor([last.key_time, last.seq]) : null };
}

interface EventRow {
  iso: string;
  up_type: TrafficEvent['upType'];
  department: TrafficEvent['department'];
  salesperson_id: string;
  salesperson_name: string;
  source_category: string;
  source: string;
  outcome: TrafficEvent['outcome'];
  steps: TrafficEvent['steps'];
}

/** The matching events as the index reads them (no id: it counts, it does not list). */
async function matchingEvents(scope: Scope, { query: sql }: RouteContext, zone: string): Promise<TrafficEvent[]> {
  const params = matchingParams(scope, zone);
  if (!params) return [];
  const rows = await sql<EventRow>(eventsSql, params);
  return rows.map((r) => ({
    id: '',
    at: r.iso,
    upType: r.up_type,
    department: r.department,
    salespersonId: r.salesperson_id,
    salespersonName: r.salesperson_name,
    sourceCategory: r.source_category,
    source: r.source,
    steps: r.steps,
    outcome: r.outcome,
  }));
}

async function aggregate(query: TrafficQuery, ctx: RouteContext) {
  const zone = query.zone ?? ctx.zone;
  const events = await matchingEvents(query, ctx, zone);
  return aggregateTrafficIndex(buildTrafficIndex(events, zone), { ...checkDateRange(query), zone });
}

async function heatmap(query: Omit<TrafficQuery, 'groupBy'>, ctx: RouteContext) {
  const zone = query.zone ?? ctx.zone;
  const events = await matchingEvents(query, ctx, zone);
  return trafficHeatmapIndex(buildTrafficIndex(events, zone), { ...checkDateRange(query), zone });
}

export const TRAFFIC_ROUTES: Record<string, RouteHandler> = {
  'traffic.list': (arg, ctx) => list(arg as TrafficListQuery, ctx),
  'traffic.aggregate': (arg, ctx) => aggregate(arg as TrafficQuery, ctx),
  'traffic.heatmap': (arg, ctx) => heatmap(arg as Omit<TrafficQuery, 'groupBy'>, ctx),
};
