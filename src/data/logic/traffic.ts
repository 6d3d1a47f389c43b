/**
 * Store traffic: drill-down aggregation by any dimension, closing ratio, and the weekday × hour
 * heatmap.
 *
 * Built for a million events per query: zone-local fields come from the epoch plus a UTC offset
 * looked up once per distinct hour (luxon is asked only for hours it has not seen, and an hour
 * in which the offset changes is resolved per event), and ISO instants in the usual
 * `YYYY-MM-DDTHH:mm:ss[.sss](Z|±HH:MM)` form are parsed without allocating.
 */
import type {
  DateRange,
  TrafficAggregate,
  TrafficDimension,
  TrafficEvent,
  TrafficHeatmap,
  TrafficQuery,
  TrafficRow,
  TrafficStep,
} from '../model.js';
import { TRAFFIC_STEPS } from '../model.js';
import { AdapterError } from '../errors.js';
import { DAY_MS, HOUR_MS, checkZone, daysFromCivil, parseInstant, zoneOffsetMinutes } from './time.js';

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Readable labels of the fixed vocabularies. */
const LABELS: Record<string, string> = {
  'walk-in': 'Walk-in',
  'phone-up': 'Phone-up',
  internet: 'Internet',
  'be-back': 'Be-back',
  appointment: 'Appointment',
  'service-drive': 'Service drive',
  new: 'New',
  used: 'Used',
  service: 'Service',
  sold: 'Sold',
  'not-sold': 'Not sold',
  pending: 'Pending',
};

/** Dimensions whose rows are sorted by key (time order) rather than by ups. */
const TIME_DIMENSIONS: ReadonlySet<TrafficDimension> = new Set(['month', 'day', 'hour', 'weekday']);

const STEP_INDEX: Record<string, number> = Object.fromEntries(TRAFFIC_STEPS.map((s, i) => [s, i]));

function rangeDays(range: DateRange): [number, number] {
  const day = (iso: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(iso ?? '') ? daysFromCivil(+iso.slice(0, 4), +iso.slice(5, 7), +iso.slice(8, 10)) : NaN;
  const from = day(range.from);
  const to = day(range.to);
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    throw new AdapterError({
      kind: 'rejected',
      status: 400,
      message: `Invalid date range: use dates like 2026-03-31, got ${JSON.stringify(range.from ?? null)} to ${JSON.stringify(range.to ?? null)}.`,
    });
  }
  return [from, to];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** ISO date of an epoch-day number, cached (a year of events touches ~365 days). */
const dateKeys = new Map<number, string>();
function dateKey(day: number): string {
  let key = dateKeys.get(day);
  if (key === undefined) {
    key = new Date(day * DAY_MS).toISOString().slice(0, 10);
    dateKeys.set(day, key);
  }
  return key;
}

const monthKeys = new Map<number, string>();
function monthKey(day: number): string {
  let key = monthKeys.get(day);
  if (key === undefined) {
    key = dateKey(day).slice(0, 7);
    monthKeys.set(day, key);
  }
  return key;
}

/** Zone-local fields of one event, filled in place to avoid an allocation per event. */
interface LocalTime {
  /** Local epoch-day number. */
  day: number;
  /** 0..23. */
  hour: number;
  /** 0 = Monday .. 6 = Sunday. */
  weekday: number;
}

// ───────────────────────────── dimensions ─────────────────────────────

const HOUR_KEYS = Array.from({ length: 24 }, (_, h) => pad2(h));

function dimensionKey(dimension: TrafficDimension, event: TrafficEvent, local: LocalTime): string {
  switch (dimension) {
    case 'month':
      return monthKey(local.day);
    case 'day':
      return dateKey(local.day);
    case 'hour':
      return HOUR_KEYS[local.hour];
    case 'weekday':
      return String(local.weekday + 1);
    case 'upType':
      return event.upType;
    case 'department':
      return event.department;
    case 'salesperson':
      return event.salespersonId;
    case 'sourceCategory':
      return event.sourceCategory;
    case 'source':
      return event.source;
    case 'outcome':
      return event.outcome;
  }
}

function dimensionLabel(dimension: TrafficDimension, key: string, event: TrafficEvent): string {
  switch (dimension) {
    case 'month':
      return `${MONTH_NAMES[+key.slice(5, 7) - 1]} ${key.slice(0, 4)}`;
    case 'day': {
      const day = daysFromCivil(+key.slice(0, 4), +key.slice(5, 7), +key.slice(8, 10));
      const weekday = WEEKDAY_NAMES[(((day + 3) % 7) + 7) % 7].slice(0, 3);
      return `${weekday} ${MONTH_NAMES[+key.slice(5, 7) - 1].slice(0, 3)} ${+key.slice(8, 10)}, ${key.slice(0, 4)}`;
    }
    case 'hour':
      return `${key}:00`;
    case 'weekday':
      return WEEKDAY_NAMES[+key - 1];
    case 'salesperson':
      return event.salespersonName || key;
    default:
      return LABELS[key] ?? key;
  }
}

// ───────────────────────────── the scan ─────────────────────────────

interface ScanQuery extends DateRange {
  filters?: Partial<Record<TrafficDimension, string>>;
  zone?: string;
}

/** Calls `visit` for every event in the range that passes the filters, with its local time. */
function scan(events: readonly TrafficEvent[], query: ScanQuery, visit: (event: TrafficEvent, local: LocalTime) => void): void {
  const zone = query.zone ?? 'UTC';
  checkZone(zone);
  const [fromDay, toDay] = rangeDays(query);
  const filters = Object.entries(query.filters ?? {}).filter(([, v]) => v !== undefined && v !== null) as [
    TrafficDimension,
    string,
  ][];
  const filterDimensions = filters.map(([dimension]) => dimension);
  const filterValues = filters.map(([, value]) => value);
  const local: LocalTime = { day: 0, hour: 0, weekday: 0 };
  outer: for (const event of events) {
    const t = parseInstant(event.at);
    if (!Number.isFinite(t)) continue;
    const localMs = t + zoneOffsetMinutes(zone, t) * 60_000;
    const day = Math.floor(localMs / DAY_MS);
    if (day < fromDay || day > toDay) continue;
    local.day = day;
    local.hour = Math.floor((localMs - day * DAY_MS) / HOUR_MS);
    local.weekday = (((day + 3) % 7) + 7) % 7;
    for (let i = 0; i < filterDimensions.length; i++) {
      if (dimensionKey(filterDimensions[i], event, local) !== filterValues[i]) continue outer;
    }
    visit(event, local);
  }
}

/**
 * The events in a range that pass a drill-down path.
 * @param events All events.
 * @param query Range (calendar days in `zone`, inclusive), filters (dimension → key, as in
 *   {@link aggregateTraffic} rows) and zone (default UTC).
 * @returns The matching events, in their original order.
 * @throws AdapterError kind `rejected` for an invalid range or zone.
 * @example filterTraffic(events, { from: '2026-03-01', to: '2026-03-31', filters: { upType: 'walk-in', hour: '10' }, zone: 'America/Chicago' })
 */
export function filterTraffic(
  events: readonly TrafficEvent[],
  query: { from: string; to: string; filters?: Partial<Record<TrafficDimension, string>>; zone?: string },
): TrafficEvent[] {
  const out: TrafficEvent[] = [];
  scan(events, query, (event) => out.push(event));
  return out;
}

interface Bucket {
  key: string;
  label: string;
  ups: number;
  sold: number;
  steps: number[];
}

function newBucket(key: string, label: string): Bucket {
  return { key, label, ups: 0, sold: 0, steps: TRAFFIC_STEPS.map(() => 0) };
}

function count(bucket: Bucket, event: TrafficEvent): void {
  bucket.ups++;
  if (event.outcome === 'sold') bucket.sold++;
  const steps = event.steps;
  if (steps) for (let i = 0; i < steps.length; i++) {
    const index = STEP_INDEX[steps[i]];
    if (index !== undefined) bucket.steps[index]++;
  }
}

function toRow(bucket: Bucket): TrafficRow {
  return {
    key: bucket.key,
    label: bucket.label,
    ups: bucket.ups,
    sold: bucket.sold,
    closingRatio: bucket.ups ? bucket.sold / bucket.ups : null,
    steps: Object.fromEntries(TRAFFIC_STEPS.map((s, i) => [s, bucket.steps[i]])) as Record<TrafficStep, number>,
  };
}

/**
 * One level of the store-traffic drill-down: ups, sold, closing ratio (sold / ups) and steps
 * reached, grouped by any dimension after the filters of the path so far. Time keys are
 * zone-local: month `YYYY-MM`, day `YYYY-MM-DD`, hour `00`..`23`, weekday `1`..`7` (ISO,
 * Monday = 1). Time rows are in time order, others most ups first. Only buckets with ups appear.
 * @param events All events.
 * @param query Range, `groupBy`, filters and zone (default UTC).
 * @returns The rows and the total.
 * @throws AdapterError kind `rejected` for an invalid range or zone.
 * @example aggregateTraffic(events, { from: '2026-03-01', to: '2026-03-31', groupBy: 'salesperson', filters: { upType: 'walk-in' } }).total.closingRatio
 */
export function aggregateTraffic(events: readonly TrafficEvent[], query: TrafficQuery): TrafficAggregate {
  const groupBy = query.groupBy;
  const buckets = new Map<string, Bucket>();
  const total = newBucket('total', 'All traffic');
  scan(events, query, (event, local) => {
    const key = dimensionKey(groupBy, event, local);
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = newBucket(key, dimensionLabel(groupBy, key, event))));
    count(bucket, event);
    count(total, event);
  });
  const rows = [...buckets.values()].map(toRow);
  if (TIME_DIMENSIONS.has(groupBy)) rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  else rows.sort((a, b) => b.ups - a.ups || a.label.localeCompare(b.label));
  return { query, rows, total: toRow(total) };
}

/**
 * Ups and sales per weekday (0 = Monday .. 6 = Sunday) and zone-local hour, all 168 cells.
 * @param events All events.
 * @param query Range, filters and zone (default UTC); a `groupBy` is ignored.
 * @returns The cells, weekday-major, and the largest cell's ups.
 * @throws AdapterError kind `rejected` for an invalid range or zone.
 * @example trafficHeatmap(events, { from: '2026-03-01', to: '2026-03-31', zone: 'America/Chicago' }).cells[10] // Monday 10:00
 */
export function trafficHeatmap(events: readonly TrafficEvent[], query: Omit<TrafficQuery, 'groupBy'>): TrafficHeatmap {
  const ups = new Array<number>(168).fill(0);
  const sold = new Array<number>(168).fill(0);
  scan(events, query, (event, local) => {
    const cell = local.weekday * 24 + local.hour;
    ups[cell]++;
    if (event.outcome === 'sold') sold[cell]++;
  });
  const cells = ups.map((u, i) => ({ weekday: Math.floor(i / 24), hour: i % 24, ups: u, sold: sold[i] }));
  return { cells, max: Math.max(0, ...ups) };
}
