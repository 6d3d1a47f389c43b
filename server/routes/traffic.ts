/**
 * Store traffic from PostgreSQL: the list of a range and drill path (keyset paging on the event's
 * time and the order events were added in), the drill-down aggregate and the weekday × hour
 * heatmap.
 *
 * The aggregate is counted in the database. A level by days, weeks, months, weekdays or values in
 * the tenant's zone comes from a daily rollup: the per-dimension one (traffic_daily_dim, a few
 * dozen rows a day) when the drill path has at most one value filter and the level is by time or
 * by that filter's dimension (or by any value without filters), else the one of every dimension
 * together (traffic_daily); a level by time (by the hour too), weekday or hour of day with no
 * value filter, and the heatmap, from the hourly rollup (traffic_hourly). Any other level (another
 * zone, an hour with a value filter) is grouped from the events of the range (traffic_by_time);
 * the list's total is counted the same way. Every group is by the events' stored flag byte
 * (trafficFlags), and the shared logic (aggregateTrafficCounts / trafficHeatmapCounts in
 * src/data/logic/traffic.ts) turns the groups into rows: the flags, time buckets, keys, labels,
 * DST hours and row order stay one rule in one place, the same as the memory adapter's.
 */
import type { TrafficListQuery } from '../../src/data/adapter.js';
import type { TrafficDimension, TrafficEvent, TrafficQuery } from '../../src/data/model.js';
import { DAY_MS, HOUR_MS, checkDateRange, checkZone, dayNumberOf, isoDateOfDay } from '../../src/data/logic/calendar.js';
import { localDayNumber } from '../../src/data/logic/calendar-zones.js';
import { pageLimit } from '../../src/data/logic/paging.js';
import { aggregateTrafficCounts, trafficFlags, trafficHeatmapCounts, trafficTimeBounds } from '../../src/data/logic/traffic.js';
import type { TrafficCount } from '../../src/data/logic/traffic.js';
import type { Query } from '../db.js';
import type { RouteContext, RouteHandler } from '../app.js';
import { decodeKeyCursor, encodeKeyCursor, invalidCursor } from './keyset.js';
import insertSql from '../sql/traffic/insert.sql';
import levelDailySql from '../sql/traffic/level-daily.sql';
import levelDimSql from '../sql/traffic/level-dim.sql';
import levelHourlySql from '../sql/traffic/level-hourly.sql';
import levelEventsSql from '../sql/traffic/level-events.sql';
import pageSql from '../sql/traffic/page.sql';
import salespeopleSql from '../sql/traffic/salespeople.sql';

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
  // The total is the events of the range and path: counted from a rollup where one has them.
  const level = await levelRows({ ...query, groupBy: 'day' }, params, query.zone ?? zone, zone, sql);
  const total = level.rows.reduce((n, r) => n + r.ups, 0);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map((r) => r.doc), total, nextCursor: rows.length > limit && last ? encodeKeyCursor([last.key_time, last.seq]) : null };
}

interface GroupRow {
  g: string;
  off: number;
  flags: number;
  ups: number;
}

/** A level's groups, and whether they are by day (a weekday level read from a rollup is). */
interface Level {
  rows: GroupRow[];
  byDay: boolean;
}

/**
 * The groups of a level (or, for `heatmap`, of weekday × hour), from the smallest source that has
 * them. In the tenant's zone, with no hour key in the drill path: with no value filter, a level
 * by time (by the hour too), weekday or hour of day (and the heatmap) from traffic_hourly; with no
 * hour filter, a level by days or by a value from traffic_daily_dim when at most one value filters
 * it (by time, or by that value's dimension), else from traffic_daily. Anything else from the
 * events (their stored local day, hour and offset in the tenant's zone).
 */
async function levelRows(query: Scope & { groupBy: TrafficDimension | 'heatmap'; timeGrain?: TrafficQuery['timeGrain'] }, params: unknown[], zone: string, tenantZone: string, sql: Query): Promise<Level> {
  const filters = query.filters ?? {};
  const groupBy = query.groupBy;
  const byHour = groupBy === 'time' && (query.timeGrain ?? 'day') === 'hour';
  const byTime = !byHour && (groupBy === 'time' || groupBy === 'month' || groupBy === 'day' || groupBy === 'weekday');
  const filtered = VALUE_FILTERS.filter((d) => filters[d] != null);
  const own = zone === tenantZone;
  if (own && !(filters.time != null && filters.time.includes('T'))) {
    const [start, end] = [Date.parse(params[0] as string), Date.parse(params[1] as string)];
    const days = [isoDateOfDay(localDayNumber(zone, start)), isoDateOfDay(localDayNumber(zone, end - 1))];
    const [hour, weekday] = [params[9], params[10]];
    if (filtered.length === 0 && (byTime || byHour || groupBy === 'hour' || groupBy === 'heatmap')) {
      const grouping = byHour ? 'time-hour' : groupBy === 'hour' || groupBy === 'heatmap' ? groupBy : 'day';
      return { rows: await sql<GroupRow>(levelHourlySql, [...days, hour, weekday, grouping]), byDay: byTime };
    }
    if (hour === null && !byHour && groupBy !== 'hour' && groupBy !== 'heatmap') {
      const [only] = filtered;
      // Each event is in the per-dimension rollup once per dimension: any one dimension counts them all.
      if (filtered.length === 0) return { rows: await sql<GroupRow>(levelDimSql, [...days, byTime ? 'upType' : groupBy, null, weekday, byTime ? 'day' : 'value']), byDay: byTime };
      if (filtered.length === 1 && only && (byTime || groupBy === only)) {
        return { rows: await sql<GroupRow>(levelDimSql, [...days, only, filters[only], weekday, byTime ? 'day' : 'value']), byDay: byTime };
      }
      return { rows: await sql<GroupRow>(levelDailySql, [...days, ...params.slice(3, 9), weekday, groupBy]), byDay: byTime };
    }
  }
  return { rows: await sql<GroupRow>(levelEventsSql, [...params, byHour ? 'time-hour' : groupBy, own]), byDay: false };
}

async function aggregate(query: TrafficQuery, { query: sql, zone: tenantZone }: RouteContext) {
  const zone = query.zone ?? tenantZone;
  const echo: TrafficQuery = { ...checkDateRange(query), zone };
  const params = matchingParams(query, zone);
  if (!params) return aggregateTrafficCounts(echo, []);
  const groupBy = query.groupBy;
  const hourly = groupBy === 'time' && (query.timeGrain ?? 'day') === 'hour';
  const { rows, byDay } = await levelRows(query, params, zone, tenantZone, sql);
  const counts: TrafficCount[] = rows.map((r) => {
    const flags = { flags: r.flags, ups: r.ups };
    if (groupBy === 'hour') return { ...flags, hour: +r.g };
    // A rollup groups a weekday level by day: the logic takes the weekday from it.
    if (groupBy === 'weekday') return byDay ? { ...flags, day: dayNumberOf(r.g) } : { ...flags, weekday: +r.g - 1 };
    if (hourly) {
      const localStart = dayNumberOf(r.g.slice(0, 10)) * DAY_MS + +r.g.slice(11, 13) * HOUR_MS;
      return { ...flags, hourStart: localStart - r.off * 60_000, offset: r.off };
    }
    if (groupBy === 'time' || groupBy === 'month' || groupBy === 'day') return { ...flags, day: dayNumberOf(r.g) };
    return { ...flags, value: r.g };
  });
  const salespeople =
    groupBy === 'salesperson' ? new Map((await sql<{ id: string; name: string }>(salespeopleSql)).map((r) => [r.id, r.name])) : undefined;
  return aggregateTrafficCounts(echo, counts, salespeople);
}

async function heatmap(query: Omit<TrafficQuery, 'groupBy'>, { query: sql, zone: tenantZone }: RouteContext) {
  const zone = query.zone ?? tenantZone;
  const params = matchingParams(query, zone);
  if (!params) return trafficHeatmapCounts([]);
  const { rows } = await levelRows({ ...query, groupBy: 'heatmap' }, params, zone, tenantZone, sql);
  // `heatmap` groups are `weekday/hour` (ISO weekday).
  return trafficHeatmapCounts(rows.map((r) => ({ weekday: +r.g.split('/')[0]! - 1, hour: +r.g.split('/')[1]!, flags: r.flags, ups: r.ups })));
}

/** Rows per statement when events are written in bulk. */
const BATCH = 1000;

/** Adds traffic events to the tenant, in their order, each with its flag byte (the demo load). */
export async function insertTraffic(sql: Query, events: readonly TrafficEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += BATCH) {
    await sql(insertSql, [JSON.stringify(events.slice(i, i + BATCH).map((doc) => ({ flags: trafficFlags(doc), doc })))]);
  }
}

export const TRAFFIC_ROUTES: Record<string, RouteHandler> = {
  'traffic.list': (arg, ctx) => list(arg as TrafficListQuery, ctx),
  'traffic.aggregate': (arg, ctx) => aggregate(arg as TrafficQuery, ctx),
  'traffic.heatmap': (arg, ctx) => heatmap(arg as Omit<TrafficQuery, 'groupBy'>, ctx),
};
