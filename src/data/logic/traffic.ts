/**
 * Store traffic: drill-down aggregation by any dimension, closing ratio, be-back share, steps
 * reached, and the weekday × hour heatmap.
 *
 * Built for a million events per query. {@link buildTrafficIndex} turns the events once into
 * columns (typed arrays in time order: the instant, the zone-local day, hour, weekday and UTC
 * offset, a small-int code per dimension value with its dictionary, and one byte holding the steps,
 * be-back and sold as bits); a query then binary-searches its date range (and any time filter) to
 * a slice and makes one pass over it, counting into a typed array per (bucket, flag byte). The
 * plain-array functions build an index and query it, so both ways give the same answers.
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
  TrafficTimeGrain,
} from '../model.js';
import { TRAFFIC_STEPS } from '../model.js';
import { AdapterError } from '../errors.js';
import { DAY_MS, HOUR_MS, checkDateRange, checkZone, civilFromDays, dayNumberOf, daysFromCivil, isoDateOfDay, isoWeekKey, isoWeekMonday, parseInstant, weekdayOfDay } from './calendar.js';
import { zoneDayStart, zoneOffsetMinutes } from './calendar-zones.js';

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

/** The dimensions that are a value of the event itself (not of its time). */
export const TRAFFIC_VALUE_DIMENSIONS = ['upType', 'department', 'salesperson', 'sourceCategory', 'source', 'outcome'] as const;
export type TrafficValueDimension = (typeof TRAFFIC_VALUE_DIMENSIONS)[number];

/** The bit of a step (its place in TRAFFIC_STEPS), 0 for an unknown one. */
function stepBit(step: string): number {
  switch (step) {
    case 'demo':
      return 1;
    case 'write-up':
      return 2;
    case 'trade-appraisal':
      return 4;
    case 'desk':
      return 8;
    case 'finance':
      return 16;
    default:
      return 0;
  }
}
/** Flag byte: bits 0-4 the steps (in TRAFFIC_STEPS order), then be-back, then sold. */
const BE_BACK_BIT = 1 << 5;
const SOLD_BIT = 1 << 6;
/** Distinct flag bytes: every bucket counts ups per flag byte. */
const FLAGS = 128;
const FLAG_MASK = FLAGS - 1;

/** What decides how an event counts (its steps, be-back, sold): the fields of its flag byte. */
export type TrafficFlagFields = Partial<Pick<TrafficEvent, 'upType' | 'outcome'>> & { steps?: readonly string[] | null };

/**
 * An event's flag byte: bits 0-4 the steps it reached (in TRAFFIC_STEPS order), bit 5 be-back,
 * bit 6 sold. A server stores it with the event and groups by it; {@link aggregateTrafficCounts}
 * reads it back, so the rule stays here.
 * @param event Up type, outcome and steps (unknown steps count for nothing).
 * @returns 0..127.
 * @example trafficFlags({ upType: 'be-back', outcome: 'sold', steps: ['demo'] }) // 97
 */
export function trafficFlags(event: TrafficFlagFields): number {
  let f = 0;
  const steps = event.steps;
  if (steps) for (let s = 0; s < steps.length; s++) f |= stepBit(steps[s]!);
  if (event.upType === 'be-back') f |= BE_BACK_BIT;
  if (event.outcome === 'sold') f |= SOLD_BIT;
  return f;
}

/** A value's label: the salesperson's name (the key when blank), else the fixed vocabulary's. */
function valueLabel(dimension: TrafficValueDimension, value: string, salespersonName: string | null | undefined): string {
  return dimension === 'salesperson' ? salespersonName || value : (LABELS[value] ?? value);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function rejected(message: string): AdapterError {
  return new AdapterError({ kind: 'rejected', status: 400, message });
}

// ───────────────────────────── day labels ─────────────────────────────

function dayLabel(day: number): string {
  const [y, m, d] = civilFromDays(day);
  return `${WEEKDAY_NAMES[weekdayOfDay(day)]!.slice(0, 3)} ${MONTH_NAMES[m - 1]!.slice(0, 3)} ${d}, ${y}`;
}

function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}


// ───────────────────────────── the index ─────────────────────────────

/** Values of one dimension: code → key and label; key → code. */
export interface TrafficDictionary {
  keys: string[];
  labels: string[];
  codes: Map<string, number>;
}

/**
 * Events as columns, in time order, for one zone. Build it once per dataset and zone with
 * {@link buildTrafficIndex}; query it with {@link aggregateTrafficIndex}, {@link trafficHeatmapIndex}
 * and {@link filterTrafficIndex}. Events whose time does not parse are left out.
 */
export interface TrafficIndex {
  zone: string;
  /** The events it was built from (not copied). */
  events: readonly TrafficEvent[];
  /** Number of indexed events. */
  size: number;
  /** Row → position in `events`. */
  position: Uint32Array;
  /** Epoch milliseconds, ascending. */
  ms: Float64Array;
  /** Zone-local epoch-day number. */
  day: Int32Array;
  /** Epoch milliseconds of the start of the event's zone-local hour. */
  hourStart: Float64Array;
  /** True when `day` and `hourStart` never decrease (every zone but those that fall back across midnight). */
  ordered: boolean;
  /** UTC offset in minutes at the event. */
  offset: Int16Array;
  /** Zone-local hour 0..23. */
  hour: Uint16Array;
  /** 0 = Monday .. 6 = Sunday. */
  weekday: Uint16Array;
  /** weekday × 24 + hour, 0..167. */
  weekHour: Uint16Array;
  /** Steps as bits 0-4, be-back bit 5, sold bit 6. */
  flags: Uint8Array;
  /** Dictionary code per event for each value dimension. */
  codes: Record<TrafficValueDimension, Uint16Array | Uint32Array>;
  dictionaries: Record<TrafficValueDimension, TrafficDictionary>;
}

/**
 * Builds the columnar index of a set of events for one zone (zone-local day, hour and weekday
 * taken with the offset at each instant, so DST days are exact).
 * @param events The events (kept by reference: build a new index when they change).
 * @param zone IANA zone of the time buckets.
 * @returns The index.
 * @throws AdapterError kind `rejected` for an unknown zone.
 * @example aggregateTrafficIndex(buildTrafficIndex(events, 'America/Chicago'), { from: '2026-01-01', to: '2026-03-31', groupBy: 'sourceCategory' })
 */
export function buildTrafficIndex(events: readonly TrafficEvent[], zone: string): TrafficIndex {
  checkZone(zone);
  const n = events.length;
  const times = new Float64Array(n);
  let valid = 0;
  let sorted = true;
  let last = -Infinity;
  let lastAt: unknown = null;
  let lastT = NaN;
  for (let i = 0; i < n; i++) {
    const at = events[i]!.at;
    // Neighbours in time often share one string.
    const t = at === lastAt ? lastT : parseInstant(at);
    lastAt = at;
    lastT = t;
    times[i] = t;
    if (Number.isFinite(t)) {
      valid++;
      if (t < last) sorted = false;
      last = t;
    }
  }
  // Row order: by time, ties in data order.
  const position = new Uint32Array(valid);
  for (let i = 0, r = 0; i < n; i++) if (Number.isFinite(times[i]!)) position[r++] = i;
  if (!sorted) position.sort((a, b) => times[a]! - times[b]! || a - b);

  // A log in time order with every time valid: the instants are already the column.
  const ms = sorted && valid === n ? times : new Float64Array(valid);
  const day = new Int32Array(valid);
  const hourStart = new Float64Array(valid);
  let ordered = true;
  const offset = new Int16Array(valid);
  const hour = new Uint16Array(valid);
  const weekday = new Uint16Array(valid);
  const weekHour = new Uint16Array(valid);
  const flags = new Uint8Array(valid);
  const dictionaries = Object.fromEntries(
    TRAFFIC_VALUE_DIMENSIONS.map((d): [string, TrafficDictionary] => [d, { keys: [], labels: [], codes: new Map() }]),
  ) as Record<TrafficValueDimension, TrafficDictionary>;
  // Per dimension, in TRAFFIC_VALUE_DIMENSIONS order (arrays, not keyed lookups, in the hot loop):
  // 16-bit codes, widened to 32 bits for a dimension with more than 65,536 values.
  const columns: (Uint16Array | Uint32Array)[] = TRAFFIC_VALUE_DIMENSIONS.map(() => new Uint16Array(valid));
  const dicts = TRAFFIC_VALUE_DIMENSIONS.map((d) => dictionaries[d]);
  // The last value seen per dimension and its code: neighbours in time often share values.
  const lastValue = TRAFFIC_VALUE_DIMENSIONS.map(() => '\u0000');
  const lastCode = TRAFFIC_VALUE_DIMENSIONS.map(() => 0);
  const encode = (k: number, value: string, event: TrafficEvent, r: number) => {
    if (value !== lastValue[k]) {
      const dictionary = dicts[k]!;
      const keys = dictionary.keys;
      let code: number | undefined;
      // A few values (up type, department, outcome...): a scan costs less than hashing the string.
      if (keys.length <= 16) {
        for (let c = 0; c < keys.length; c++) {
          if (keys[c] === value) {
            code = c;
            break;
          }
        }
      } else code = dictionary.codes.get(value);
      if (code === undefined) {
        code = dictionary.keys.length;
        if (code === 0x10000) columns[k] = Uint32Array.from(columns[k]!);
        dictionary.codes.set(value, code);
        dictionary.keys.push(value);
        dictionary.labels.push(valueLabel(TRAFFIC_VALUE_DIMENSIONS[k]!, value, event.salespersonName));
      }
      lastValue[k] = value;
      lastCode[k] = code;
    }
    columns[k]![r] = lastCode[k]!;
  };

  let lastHour = NaN;
  let lastOffset = 0;
  for (let r = 0; r < valid; r++) {
    const event = events[position[r]!]!;
    const t = times[position[r]!]!;
    ms[r] = t;
    const utcHour = Math.floor(t / HOUR_MS);
    let off: number;
    if (utcHour === lastHour) off = lastOffset;
    else {
      off = zoneOffsetMinutes(zone, t);
      // An hour in which the offset changes is resolved per event: do not reuse it.
      if (zoneOffsetMinutes(zone, utcHour * HOUR_MS) === zoneOffsetMinutes(zone, utcHour * HOUR_MS + HOUR_MS - 1)) {
        lastHour = utcHour;
        lastOffset = off;
      } else lastHour = NaN;
    }
    offset[r] = off;
    const local = t + off * 60_000;
    const d = Math.floor(local / DAY_MS);
    const h = Math.floor((local - d * DAY_MS) / HOUR_MS);
    const w = weekdayOfDay(d);
    day[r] = d;
    hourStart[r] = t - (local - d * DAY_MS - h * HOUR_MS);
    if (r > 0 && (d < day[r - 1]! || hourStart[r]! < hourStart[r - 1]!)) ordered = false;
    hour[r] = h;
    weekday[r] = w;
    weekHour[r] = w * 24 + h;

    flags[r] = trafficFlags(event);

    encode(0, event.upType, event, r);
    encode(1, event.department, event, r);
    encode(2, event.salespersonId, event, r);
    encode(3, event.sourceCategory, event, r);
    encode(4, event.source, event, r);
    encode(5, event.outcome, event, r);
  }
  // Dictionary labels come from the first event in data order that carries the key.
  if (!sorted) {
    const dictionary = dictionaries.salesperson;
    const seen = new Set<string>();
    for (const event of events) {
      if (!Number.isFinite(parseInstant(event.at)) || seen.has(event.salespersonId)) continue;
      seen.add(event.salespersonId);
      dictionary.labels[dictionary.codes.get(event.salespersonId)!] = event.salespersonName || event.salespersonId;
    }
  }
  const codes = Object.fromEntries(TRAFFIC_VALUE_DIMENSIONS.map((d, k) => [d, columns[k]!])) as Record<TrafficValueDimension, Uint16Array | Uint32Array>;
  return { zone, events, size: valid, position, ms, day, hourStart, ordered, offset, hour, weekday, weekHour, flags, codes, dictionaries };
}

// ───────────────────────────── queries over the index ─────────────────────────────

interface Slice {
  /** First and past-the-last row. */
  lo: number;
  hi: number;
  /** Column and code per non-time filter. */
  columns: ArrayLike<number>[];
  values: number[];
}

/** A date range with a drill path's filters, in a zone. */
export interface TrafficRangeQuery extends DateRange {
  filters?: Partial<Record<TrafficDimension, string>>;
  zone?: string;
}

/** First row whose time is ≥ `t`. */
function lowerBound(ms: Float64Array, lo: number, hi: number, t: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ms[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The instants [start, end) a time key covers in a zone, or null when it is not a key. */
function timeKeyBounds(key: string, zone: string): [number, number] | null {
  if (typeof key !== 'string') return null;
  let m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const year = +m[1]!;
    const month = +m[2]!;
    if (month < 1 || month > 12) return null;
    return [zoneDayStart(zone, daysFromCivil(year, month, 1)), zoneDayStart(zone, daysFromCivil(year + (month === 12 ? 1 : 0), (month % 12) + 1, 1))];
  }
  m = /^(\d{4})-W(\d{2})$/.exec(key);
  if (m) {
    const year = +m[1]!;
    const week = +m[2]!;
    const monday = isoWeekMonday(year, week);
    if (week < 1 || isoWeekKey(monday) !== key) return null;
    return [zoneDayStart(zone, monday), zoneDayStart(zone, monday + 7)];
  }
  const d = dayNumberOf(key);
  if (Number.isFinite(d)) return [zoneDayStart(zone, d), zoneDayStart(zone, d + 1)];
  m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):00([+-])(\d{2}):(\d{2})$/.exec(key);
  if (m) {
    const localDay = dayNumberOf(m[1]!);
    const h = +m[2]!;
    const off = (m[3] === '-' ? -1 : 1) * (+m[4]! * 60 + +m[5]!);
    if (!Number.isFinite(localDay) || h > 23) return null;
    const start = localDay * DAY_MS + h * HOUR_MS - off * 60_000;
    // The key must name an hour that exists in the zone with that offset.
    if (zoneOffsetMinutes(zone, start) !== off) return null;
    return [start, start + HOUR_MS];
  }
  return null;
}

const EMPTY: Slice = { lo: 0, hi: 0, columns: [], values: [] };

/**
 * The instants [start, end) of a date range narrowed by the time filters of a drill path (`time`,
 * `month`, `day` keys, as in {@link aggregateTraffic} rows), in a zone: what a server reads before
 * it applies the other filters.
 * @param query Range and filters.
 * @param zone IANA zone of the calendar days and time keys.
 * @returns The bounds in epoch milliseconds, or null when nothing can match (an empty range or a
 *   time key outside it or not a key at all).
 * @throws AdapterError kind `rejected` for a date that is not one.
 * @example trafficTimeBounds({ from: '2026-03-01', to: '2026-03-31', filters: { day: '2026-03-08' } }, 'America/Chicago')
 */
export function trafficTimeBounds(query: TrafficRangeQuery, zone: string): [number, number] | null {
  const fromDay = dayNumberOf(query.from);
  const toDay = dayNumberOf(query.to);
  if (!Number.isFinite(fromDay) || !Number.isFinite(toDay)) {
    throw rejected(
      `Invalid date range: use dates like 2026-03-31, got ${JSON.stringify(query.from ?? null)} to ${JSON.stringify(query.to ?? null)}.`,
    );
  }
  if (fromDay > toDay) return null;
  let start = zoneDayStart(zone, fromDay);
  let end = zoneDayStart(zone, toDay + 1);
  for (const [dimension, value] of Object.entries(query.filters ?? {}) as [TrafficDimension, string | undefined][]) {
    if (value === undefined || value === null) continue;
    if (dimension !== 'time' && dimension !== 'month' && dimension !== 'day') continue;
    const bounds =
      dimension === 'time' || (dimension === 'month' ? /^\d{4}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}$/).test(value) ? timeKeyBounds(value, zone) : null;
    if (!bounds) return null;
    start = Math.max(start, bounds[0]);
    end = Math.min(end, bounds[1]);
  }
  return start < end ? [start, end] : null;
}

/** The rows of a date range and drill path: a time slice plus equality tests on code columns. */
function sliceOf(index: TrafficIndex, query: TrafficRangeQuery): Slice {
  if (query.zone !== undefined && query.zone !== index.zone) {
    throw new Error(`The traffic index is for ${index.zone}, the query for ${query.zone}.`);
  }
  const bounds = trafficTimeBounds(query, index.zone);
  if (!bounds) return EMPTY;
  const columns: ArrayLike<number>[] = [];
  const values: number[] = [];
  for (const [dimension, value] of Object.entries(query.filters ?? {}) as [TrafficDimension, string | undefined][]) {
    if (value === undefined || value === null) continue;
    switch (dimension) {
      case 'time':
      case 'month':
      case 'day':
        break;
      case 'hour': {
        const h = /^\d{2}$/.test(value) ? +value : NaN;
        if (!(h <= 23)) return EMPTY;
        columns.push(index.hour);
        values.push(h);
        break;
      }
      case 'weekday': {
        const w = /^[1-7]$/.test(value) ? +value - 1 : NaN;
        if (Number.isNaN(w)) return EMPTY;
        columns.push(index.weekday);
        values.push(w);
        break;
      }
      default: {
        const dictionary = index.dictionaries[dimension];
        if (!dictionary) throw rejected(`Unknown traffic dimension "${dimension}".`);
        const code = dictionary.codes.get(value);
        if (code === undefined) return EMPTY;
        columns.push(index.codes[dimension]);
        values.push(code);
      }
    }
  }
  const lo = lowerBound(index.ms, 0, index.size, bounds[0]);
  const hi = lowerBound(index.ms, lo, index.size, bounds[1]);
  return { lo, hi, columns, values };
}

/** Counts per (code, flag byte) over a slice, for a column of small codes. */
function countByCode(index: TrafficIndex, slice: Slice, column: ArrayLike<number>, size: number): Int32Array {
  const counts = new Int32Array(size * FLAGS);
  const { lo, hi, columns, values } = slice;
  const flags = index.flags;
  const nf = columns.length;
  if (nf === 0) {
    for (let i = lo; i < hi; i++) counts[column[i]! * FLAGS + flags[i]!]!++;
  } else if (nf === 1) {
    const c0 = columns[0]!;
    const v0 = values[0]!;
    for (let i = lo; i < hi; i++) if (c0[i] === v0) counts[column[i]! * FLAGS + flags[i]!]!++;
  } else if (nf === 2) {
    const [c0, c1] = columns as [ArrayLike<number>, ArrayLike<number>];
    const [v0, v1] = values as [number, number];
    for (let i = lo; i < hi; i++) if (c0[i] === v0 && c1[i] === v1) counts[column[i]! * FLAGS + flags[i]!]!++;
  } else {
    outer: for (let i = lo; i < hi; i++) {
      for (let j = 0; j < nf; j++) if (columns[j]![i] !== values[j]) continue outer;
      counts[column[i]! * FLAGS + flags[i]!]!++;
    }
  }
  return counts;
}

/** A time bucket met while scanning. */
interface TimeBucket {
  /** Sort key: the bucket's first local day, or the hour's first instant. */
  order: number;
  key: string;
  label: string;
}

/** Time buckets by their order, each with its flag-byte counts at `index × FLAGS`, grown as met. */
function timeBuckets() {
  const buckets: TimeBucket[] = [];
  const byOrder = new Map<number, number>();
  const set = {
    buckets,
    counts: new Int32Array(64 * FLAGS),
    /** The counts' base of the bucket starting at `order`, made by `make` when new. */
    base(order: number, make: () => { key: string; label: string }): number {
      let b = byOrder.get(order);
      if (b === undefined) {
        b = buckets.length;
        byOrder.set(order, b);
        buckets.push({ order, ...make() });
        if ((b + 1) * FLAGS > set.counts.length) {
          const grown = new Int32Array(set.counts.length * 2);
          grown.set(set.counts);
          set.counts = grown;
        }
      }
      return b * FLAGS;
    },
  };
  return set;
}

/** The zone-local hour starting at instant `start` with UTC offset `off` minutes: its key and label. */
function hourBucket(start: number, off: number): { key: string; label: string } {
  const localStart = start + off * 60_000;
  const d = Math.floor(localStart / DAY_MS);
  const h = Math.floor((localStart - d * DAY_MS) / HOUR_MS);
  return { key: `${isoDateOfDay(d)}T${pad2(h)}:00${offsetText(off)}`, label: `${dayLabel(d)}, ${pad2(h)}:00` };
}

/** The day, week or month holding local day `d`: its first day, the first day after it, its key and label. */
function dayBucket(grain: Exclude<TrafficTimeGrain, 'hour'>, d: number): { first: number; next: number; make: () => { key: string; label: string } } {
  if (grain === 'day') return { first: d, next: d + 1, make: () => ({ key: isoDateOfDay(d), label: dayLabel(d) }) };
  if (grain === 'week') {
    const monday = d - weekdayOfDay(d);
    return { first: monday, next: monday + 7, make: () => ({ key: isoWeekKey(monday), label: `Week of ${dayLabel(monday).slice(4)}` }) };
  }
  const [y, m] = civilFromDays(d);
  return {
    first: daysFromCivil(y, m, 1),
    next: daysFromCivil(y + (m === 12 ? 1 : 0), (m % 12) + 1, 1),
    make: () => ({ key: `${y}-${pad2(m)}`, label: `${MONTH_NAMES[m - 1]} ${y}` }),
  };
}

/** Adds the rows [lo, hi) that pass the filters to the flag-byte counts at `base`. */
function countRun(counts: Int32Array, base: number, flags: Uint8Array, lo: number, hi: number, columns: ArrayLike<number>[], values: number[]): void {
  const nf = columns.length;
  if (nf === 0) {
    for (let i = lo; i < hi; i++) counts[base + flags[i]!]!++;
    return;
  }
  outer: for (let i = lo; i < hi; i++) {
    for (let j = 0; j < nf; j++) if (columns[j]![i] !== values[j]) continue outer;
    counts[base + flags[i]!]!++;
  }
}

/** First row in [lo, hi) whose value is ≥ `v`, in a non-decreasing column (galloping from `lo`). */
function gallop(column: Int32Array | Float64Array, lo: number, hi: number, v: number): number {
  let step = 1;
  let probe = lo;
  while (probe < hi && column[probe]! < v) {
    lo = probe + 1;
    probe += step;
    step *= 2;
  }
  hi = Math.min(probe, hi);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (column[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Counts per time bucket. Rows are in time order, so a bucket is a run of rows: its end is found
 * by galloping over the day (or hour-start) column, then the run is counted in one tight loop.
 */
function countByTime(index: TrafficIndex, slice: Slice, grain: TrafficTimeGrain): { buckets: TimeBucket[]; counts: Int32Array } {
  const { lo, hi, columns, values } = slice;
  const { day, hourStart, offset, flags } = index;
  const set = timeBuckets();
  let i = lo;
  while (i < hi) {
    let end: number;
    let base: number;
    if (grain === 'hour') {
      const start = hourStart[i]!;
      const off = offset[i]!;
      end = index.ordered ? gallop(hourStart, i, hi, start + 1) : runEnd(hourStart, i, hi);
      base = set.base(start, () => hourBucket(start, off));
    } else {
      const { first, next, make } = dayBucket(grain, day[i]!);
      end = index.ordered ? gallop(day, i, hi, next) : runEnd(day, i, hi, first, next);
      base = set.base(first, make);
    }
    countRun(set.counts, base, flags, i, end, columns, values);
    i = end;
  }
  return { buckets: set.buckets, counts: set.counts };
}

/** End of the run of rows from `lo` with the same value (or a value in [first, next)), scanning. */
function runEnd(column: Int32Array | Float64Array, lo: number, hi: number, first = column[lo]!, next = first + 1): number {
  let i = lo + 1;
  while (i < hi && column[i]! >= first && column[i]! < next) i++;
  return i;
}

/** One row from the per-flag-byte counts of a bucket. */
function rowOf(key: string, label: string, counts: Int32Array, base: number): TrafficRow {
  let ups = 0;
  let sold = 0;
  let beBack = 0;
  const steps = [0, 0, 0, 0, 0];
  for (let f = 0; f < FLAGS; f++) {
    const n = counts[base + f]!;
    if (!n) continue;
    ups += n;
    if (f & SOLD_BIT) sold += n;
    if (f & BE_BACK_BIT) beBack += n;
    for (let s = 0; s < 5; s++) if (f & (1 << s)) steps[s]! += n;
  }
  return {
    key,
    label,
    ups,
    sold,
    closingRatio: ups ? sold / ups : null,
    beBack,
    beBackShare: ups ? beBack / ups : null,
    steps: Object.fromEntries(TRAFFIC_STEPS.map((s, i) => [s, steps[i]])) as Record<TrafficStep, number>,
  };
}

/**
 * One level of the drill-down over an index: see {@link aggregateTraffic}.
 * @param index Built for the query's zone.
 * @param query Range, `groupBy` (with `timeGrain` for `time`), filters.
 * @returns The rows and the total.
 * @throws AdapterError kind `rejected` for an invalid range or dimension.
 * @example aggregateTrafficIndex(index, { from: '2026-01-01', to: '2026-03-31', groupBy: 'time', timeGrain: 'week', filters: { upType: 'walk-in' } })
 */
export function aggregateTrafficIndex(index: TrafficIndex, query: TrafficQuery): TrafficAggregate {
  const slice = sliceOf(index, query);
  const groupBy = query.groupBy;
  const grain = timeGrainOf(query);
  if (grain) {
    const { buckets, counts } = countByTime(index, slice, grain);
    return timeLevel(query, grain, buckets, counts);
  }
  let column: ArrayLike<number>;
  let keys: string[];
  let labels: string[];
  if (groupBy === 'hour') {
    column = index.hour;
    [keys, labels] = HOURS;
  } else if (groupBy === 'weekday') {
    column = index.weekday;
    [keys, labels] = WEEKDAYS;
  } else {
    const dimension = groupBy as TrafficValueDimension;
    const dictionary = index.dictionaries[dimension];
    if (!dictionary) throw rejected(`Unknown traffic dimension "${groupBy}".`);
    column = index.codes[dimension];
    keys = dictionary.keys;
    labels = dictionary.labels;
  }
  return codeLevel(query, keys, labels, countByCode(index, slice, column, keys.length));
}

/** The hour-of-day and weekday rows' keys and labels, by code. */
const HOURS: [string[], string[]] = (() => {
  const keys = Array.from({ length: 24 }, (_, h) => pad2(h));
  return [keys, keys.map((k) => `${k}:00`)];
})();
const WEEKDAYS: [string[], string[]] = [Array.from({ length: 7 }, (_, w) => String(w + 1)), WEEKDAY_NAMES];

/** The time grain a level groups by, or null when it groups by something else. */
function timeGrainOf(query: Pick<TrafficQuery, 'groupBy' | 'timeGrain'>): TrafficTimeGrain | null {
  const groupBy = query.groupBy;
  if (groupBy !== 'time' && groupBy !== 'month' && groupBy !== 'day') return null;
  const grain: TrafficTimeGrain = groupBy === 'time' ? (query.timeGrain ?? 'day') : groupBy;
  if (!['month', 'week', 'day', 'hour'].includes(grain)) throw rejected(`Unknown time grain "${grain}": use month, week, day or hour.`);
  return grain;
}

/** A time level from its buckets' counts: in time order, only buckets with ups, the two 01:00 hours of a fall-back day told apart. */
function timeLevel(query: TrafficQuery, grain: TrafficTimeGrain, buckets: TimeBucket[], counts: Int32Array): TrafficAggregate {
  const totals = new Int32Array(FLAGS);
  const rows: TrafficRow[] = [];
  const order = buckets.map((_, b) => b).sort((a, b) => buckets[a]!.order - buckets[b]!.order);
  for (const b of order) {
    const row = rowOf(buckets[b]!.key, buckets[b]!.label, counts, b * FLAGS);
    if (!row.ups) continue;
    rows.push(row);
    for (let f = 0; f < FLAGS; f++) totals[f]! += counts[b * FLAGS + f]!;
  }
  if (grain === 'hour') {
    const seen = new Map<string, number>();
    for (const row of rows) seen.set(row.label, (seen.get(row.label) ?? 0) + 1);
    for (const row of rows) if (seen.get(row.label)! > 1) row.label += ` (UTC${row.key.slice(-6)})`;
  }
  return { query, rows, total: rowOf('total', 'All traffic', totals, 0) };
}

/** A level of codes (hours, weekdays, values) from their counts: only codes with ups; values most ups first. */
function codeLevel(query: TrafficQuery, keys: string[], labels: string[], counts: Int32Array): TrafficAggregate {
  const totals = new Int32Array(FLAGS);
  const rows: TrafficRow[] = [];
  for (let code = 0; code < keys.length; code++) {
    const row = rowOf(keys[code]!, labels[code]!, counts, code * FLAGS);
    if (!row.ups) continue;
    rows.push(row);
    for (let f = 0; f < FLAGS; f++) totals[f]! += counts[code * FLAGS + f]!;
  }
  if (query.groupBy !== 'hour' && query.groupBy !== 'weekday') rows.sort((a, b) => b.ups - a.ups || a.label.localeCompare(b.label));
  return { query, rows, total: rowOf('total', 'All traffic', totals, 0) };
}

/**
 * Events a server counted together for one level of the drill-down (see
 * {@link aggregateTrafficCounts}): the group they fall in, their flag byte ({@link trafficFlags}),
 * and how many they are.
 */
export interface TrafficCount {
  /** The events' {@link trafficFlags}. */
  flags: number;
  /** Zone-local epoch-day number: for a day, week or month level, and a weekday level without `weekday`. */
  day?: number;
  /** For an hour level (`time` by `hour`): the zone-local hour's first instant (epoch ms) and the UTC offset in minutes there. */
  hourStart?: number;
  offset?: number;
  /** Zone-local hour 0..23, for an hour-of-day level. */
  hour?: number;
  /** 0 = Monday .. 6 = Sunday, for a weekday level (else taken from `day`). */
  weekday?: number;
  /** The value of the level's dimension (up type, salesperson id, source…). */
  value?: string;
  /** Events in the group. */
  ups: number;
}

/**
 * One level of the drill-down from counts a server grouped itself (a rollup, a GROUP BY), already
 * filtered by the drill path: the same rows, keys, labels and order as {@link aggregateTrafficIndex}
 * over the same events.
 * @param query Range (echoed), `groupBy` and `timeGrain`.
 * @param counts The groups, each with the field its level needs (see {@link TrafficCount}).
 * @param salespeople A salesperson id's name, for the labels of a salesperson level (the id when none).
 * @returns The rows and the total.
 * @throws AdapterError kind `rejected` for an unknown time grain or dimension.
 * @example aggregateTrafficCounts({ from, to, groupBy: 'upType' }, [{ value: 'walk-in', flags: trafficFlags({ outcome: 'sold' }), ups: 3 }])
 */
export function aggregateTrafficCounts(query: TrafficQuery, counts: readonly TrafficCount[], salespeople?: ReadonlyMap<string, string>): TrafficAggregate {
  const grain = timeGrainOf(query);
  if (grain) {
    const set = timeBuckets();
    for (const c of counts) {
      let base: number;
      if (grain === 'hour') base = set.base(c.hourStart!, () => hourBucket(c.hourStart!, c.offset!));
      else {
        const { first, make } = dayBucket(grain, c.day!);
        base = set.base(first, make);
      }
      set.counts[base + (c.flags & FLAG_MASK)]! += c.ups;
    }
    return timeLevel(query, grain, set.buckets, set.counts);
  }
  const groupBy = query.groupBy;
  let keys: string[];
  let labels: string[];
  let codeOf: (c: TrafficCount) => number;
  if (groupBy === 'hour') {
    [keys, labels] = HOURS;
    codeOf = (c) => c.hour!;
  } else if (groupBy === 'weekday') {
    [keys, labels] = WEEKDAYS;
    codeOf = (c) => c.weekday ?? weekdayOfDay(c.day!);
  } else {
    if (!(TRAFFIC_VALUE_DIMENSIONS as readonly string[]).includes(groupBy)) throw rejected(`Unknown traffic dimension "${groupBy}".`);
    keys = [];
    labels = [];
    const codes = new Map<string, number>();
    codeOf = (c) => {
      const value = c.value!;
      let code = codes.get(value);
      if (code === undefined) {
        codes.set(value, (code = keys.length));
        keys.push(value);
        labels.push(valueLabel(groupBy as TrafficValueDimension, value, salespeople?.get(value)));
      }
      return code;
    };
  }
  let table = new Int32Array(Math.max(keys.length, 1) * FLAGS);
  for (const c of counts) {
    const code = codeOf(c);
    if ((code + 1) * FLAGS > table.length) {
      const grown = new Int32Array(Math.max(table.length * 2, (code + 1) * FLAGS));
      grown.set(table);
      table = grown;
    }
    table[code * FLAGS + (c.flags & FLAG_MASK)]! += c.ups;
  }
  return codeLevel(query, keys, labels, table);
}

/**
 * The weekday × hour heatmap from counts a server grouped itself, already filtered: as
 * {@link trafficHeatmapIndex} over the same events.
 * @param counts Groups with `weekday` (0 = Monday), `hour`, `flags` and `ups`.
 * @returns All 168 cells, weekday-major, and the largest cell's ups.
 * @example trafficHeatmapCounts([{ weekday: 0, hour: 10, flags: trafficFlags({ outcome: 'sold' }), ups: 2 }]).cells[10].sold // 2
 */
export function trafficHeatmapCounts(counts: readonly TrafficCount[]): TrafficHeatmap {
  const table = new Int32Array(168 * FLAGS);
  for (const c of counts) table[(c.weekday! * 24 + c.hour!) * FLAGS + (c.flags & FLAG_MASK)]! += c.ups;
  return heatmapOf(table);
}

/**
 * The weekday × hour heatmap over an index: see {@link trafficHeatmap}.
 * @param index Built for the query's zone.
 * @param query Range and filters; a `groupBy` is ignored.
 * @returns All 168 cells, weekday-major, and the largest cell's ups.
 * @example trafficHeatmapIndex(index, { from: '2026-03-01', to: '2026-03-31' }).max
 */
export function trafficHeatmapIndex(index: TrafficIndex, query: Omit<TrafficQuery, 'groupBy'>): TrafficHeatmap {
  return heatmapOf(countByCode(index, sliceOf(index, query), index.weekHour, 168));
}

/** The heatmap's cells from counts per (weekday × 24 + hour, flag byte). */
function heatmapOf(counts: Int32Array): TrafficHeatmap {
  const cells: TrafficHeatmap['cells'] = [];
  let max = 0;
  for (let cell = 0; cell < 168; cell++) {
    let ups = 0;
    let sold = 0;
    for (let f = 0; f < FLAGS; f++) {
      const n = counts[cell * FLAGS + f]!;
      ups += n;
      if (f & SOLD_BIT) sold += n;
    }
    if (ups > max) max = ups;
    cells.push({ weekday: Math.floor(cell / 24), hour: cell % 24, ups, sold });
  }
  return { cells, max };
}

/**
 * The events of a range and drill path over an index: see {@link filterTraffic}.
 * @param index Built for the query's zone.
 * @param query Range and filters.
 * @returns The matching events, in their original order.
 * @example filterTrafficIndex(index, { from: '2026-03-01', to: '2026-03-31', filters: { salesperson: 'sp-3' } }).length
 */
export function filterTrafficIndex(index: TrafficIndex, query: TrafficRangeQuery): TrafficEvent[] {
  const { lo, hi, columns, values } = sliceOf(index, query);
  const hits: number[] = [];
  outer: for (let i = lo; i < hi; i++) {
    for (let j = 0; j < columns.length; j++) if (columns[j]![i] !== values[j]) continue outer;
    hits.push(index.position[i]!);
  }
  return Uint32Array.from(hits)
    .sort()
    .reduce<TrafficEvent[]>((out, p) => (out.push(index.events[p]!), out), []);
}

// ───────────────────────────── plain-array forms ─────────────────────────────

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
  return filterTrafficIndex(buildTrafficIndex(events, query.zone ?? 'UTC'), query);
}

/**
 * One level of the store-traffic drill-down: ups, sold, closing ratio (sold / ups), be-back share
 * and steps reached, grouped by any dimension after the filters of the path so far. Time keys are
 * zone-local: `time` by `timeGrain` (month `YYYY-MM`, week `YYYY-Www`, day `YYYY-MM-DD`, hour
 * `YYYY-MM-DDTHH:00±HH:MM`), `month` and `day` as the same grains, hour of day `00`..`23`,
 * weekday `1`..`7` (ISO, Monday = 1). Time rows are in time order, hour and weekday rows in
 * their order, others most ups first. Only buckets with ups appear.
 * For many queries over the same events, build a {@link TrafficIndex} once and use
 * {@link aggregateTrafficIndex}.
 * @param events All events.
 * @param query Range, `groupBy`, `timeGrain`, filters and zone (default UTC).
 * @returns The rows and the total.
 * @throws AdapterError kind `rejected` for an invalid range or zone.
 * @example aggregateTraffic(events, { from: '2026-03-01', to: '2026-03-31', groupBy: 'salesperson', filters: { upType: 'walk-in' } }).total.closingRatio
 */
export function aggregateTraffic(events: readonly TrafficEvent[], query: TrafficQuery): TrafficAggregate {
  return aggregateTrafficIndex(buildTrafficIndex(events, query.zone ?? 'UTC'), query);
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
  return trafficHeatmapIndex(buildTrafficIndex(events, query.zone ?? 'UTC'), query);
}

// ───────────────────────────── periods side by side ─────────────────────────────

/** The groupings whose buckets follow one another in time (hour of day: the hours of one day). */
export type TrafficTimeGrouping = 'month' | 'day' | 'hour';

/** One bucket of a time axis, and the previous period's bucket drawn over it. */
export interface AlignedBucket {
  /** This period's bucket: `YYYY-MM`, `YYYY-MM-DD` or hour of day `00`..`23`. */
  key: string;
  /** The previous period's bucket at the same place, or null past the previous period's end. */
  previous: string | null;
}

const monthKeyOf = (year: number, month: number) => `${year}-${pad2(month)}`;

/** The months a range touches, in order, as `YYYY-MM` keys. */
function monthsOf(range: DateRange): string[] {
  let [year, month] = [Number(range.from.slice(0, 4)), Number(range.from.slice(5, 7))];
  const last = range.to.slice(0, 7);
  const keys: string[] = [];
  for (let key = monthKeyOf(year, month); key <= last; key = monthKeyOf(year, month)) {
    keys.push(key);
    if (month === 12) {
      month = 1;
      year++;
    } else month++;
  }
  return keys;
}

/** The days of a range, in order. */
function daysOf(range: DateRange): string[] {
  const [from, to] = [dayNumberOf(range.from), dayNumberOf(range.to)];
  return Array.from({ length: to - from + 1 }, (_, i) => isoDateOfDay(from + i));
}

/**
 * A time axis for a range, every bucket on it (with traffic or not), with a previous period laid
 * over it: the previous period's n-th bucket over this period's n-th, so both lines start
 * together (the previous period's days shifted forward onto this one's axis). A month-shorter
 * previous period ends early (its buckets past the end are null); a longer one's extra buckets are
 * left out. Hours of the day are the same 24 in any period: each lies over itself.
 * @param grouping `day`, `month` or `hour` (of the day).
 * @param range This period (ISO dates, inclusive).
 * @param previous The period compared with it, e.g. `previousPeriod(range)`.
 * @returns The axis in time order.
 * @throws AdapterError kind `rejected` for an invalid range.
 * @example alignTrafficPeriods('day', { from: '2026-03-01', to: '2026-03-03' }, { from: '2026-02-27', to: '2026-02-28' })
 * // [{ key: '2026-03-01', previous: '2026-02-27' }, { key: '2026-03-02', previous: '2026-02-28' }, { key: '2026-03-03', previous: null }]
 */
export function alignTrafficPeriods(grouping: TrafficTimeGrouping, range: DateRange, previous: DateRange): AlignedBucket[] {
  checkDateRange(range);
  checkDateRange(previous);
  if (grouping === 'hour') return Array.from({ length: 24 }, (_, h) => ({ key: pad2(h), previous: pad2(h) }));
  const [now, before] = grouping === 'month' ? [monthsOf(range), monthsOf(previous)] : [daysOf(range), daysOf(previous)];
  return now.map((key, i) => ({ key, previous: before[i] ?? null }));
}
