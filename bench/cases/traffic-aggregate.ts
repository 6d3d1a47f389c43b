/**
 * Store traffic (issue 6): one level of the drill-down over 1,000,000 events, budget 60 ms.
 *
 * The events (a year of a busy store, `generateDataset({ trafficCount: 1e6 })`) and the memory
 * adapter over them are made once in the page, outside the clock (`reload: 'case'`). Ours is
 * `adapter.traffic.aggregate(query)`: its answer as the widget gets it (range check, the pass over
 * the columnar index, rows, structured clone). The adapter builds that index on its first query
 * of a dataset and zone; setup makes that first query and reports how long it took as the extra
 * figure `index build` (paid once per dataset, not per query).
 *
 * The peer is what most code would write: `events.filter` on the range (bounds from luxon, one
 * `Date.parse` per event) and the drill path, then a `Map` group-by with luxon for zone-local keys.
 * Both sides must agree on every bucket (ups, sold, be-backs, steps) and on the total.
 */
import { DateTime } from 'luxon';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { TRAFFIC_STEPS } from '../../src/data/model.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import type { TrafficAggregate, TrafficDimension, TrafficEvent, TrafficQuery } from '../../src/data/model.js';
import type { BenchCase, Side } from '../lib/case.js';
import { check } from '../lib/case.js';

const EVENTS = 1_000_000;
const ZONE = 'America/Chicago';

interface Fixture {
  events: TrafficEvent[];
  adapter: ForecourtAdapter;
  buildMs: number;
}
let fixture: Fixture | null = null;

async function setup(): Promise<void> {
  if (fixture) return;
  const dataset = generateDataset({ size: 'small', trafficCount: EVENTS });
  check(dataset.dealer.zone === ZONE, `expected a ${ZONE} dealer, got ${dataset.dealer.zone}`);
  const adapter = createMemoryAdapter(dataset);
  const start = performance.now();
  await adapter.traffic!.aggregate({ from: '2026-01-01', to: '2026-01-01', groupBy: 'upType' });
  fixture = { events: dataset.traffic, adapter, buildMs: performance.now() - start };
}

/** A bucket as both sides count it. */
type Counts = { ups: number; sold: number; beBack: number; steps: number[] };

/** The straightforward implementation: filter, then a Map group-by, luxon for zone-local keys. */
function peerAggregate(events: readonly TrafficEvent[], query: TrafficQuery): Map<string, Counts> {
  const start = DateTime.fromISO(query.from, { zone: ZONE }).startOf('day').toMillis();
  const end = DateTime.fromISO(query.to, { zone: ZONE }).plus({ days: 1 }).startOf('day').toMillis();
  const filters = Object.entries(query.filters ?? {}) as [TrafficDimension, string][];
  const field = (e: TrafficEvent, dimension: TrafficDimension) =>
    dimension === 'salesperson' ? e.salespersonId : (e[dimension as keyof TrafficEvent] as string);
  const matching = events.filter((e) => {
    const t = Date.parse(e.at);
    return t >= start && t < end && filters.every(([dimension, value]) => field(e, dimension) === value);
  });
  const groups = new Map<string, Counts>();
  for (const e of matching) {
    const key =
      query.groupBy === 'time'
        ? DateTime.fromISO(e.at, { zone: ZONE }).startOf('hour').toFormat("yyyy-MM-dd'T'HH:00ZZ")
        : field(e, query.groupBy);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { ups: 0, sold: 0, beBack: 0, steps: TRAFFIC_STEPS.map(() => 0) }));
    group.ups++;
    if (e.outcome === 'sold') group.sold++;
    if (e.upType === 'be-back') group.beBack++;
    for (const step of e.steps) group.steps[TRAFFIC_STEPS.indexOf(step)]!++;
  }
  return groups;
}

function checkSame(ours: TrafficAggregate, peer: Map<string, Counts>, minRows: number): void {
  check(ours.rows.length >= minRows, `expected at least ${minRows} rows, got ${ours.rows.length}`);
  check(ours.rows.length === peer.size, `ours has ${ours.rows.length} rows, the peer ${peer.size}`);
  let total = 0;
  for (const row of ours.rows) {
    const p = peer.get(row.key);
    const same =
      p && p.ups === row.ups && p.sold === row.sold && p.beBack === row.beBack && TRAFFIC_STEPS.every((s, i) => row.steps[s] === p.steps[i]);
    check(same, `bucket ${row.key}: ours ${JSON.stringify(row)}, peer ${JSON.stringify(p)}`);
    total += row.ups;
  }
  check(total === ours.total.ups, `rows add up to ${total}, total says ${ours.total.ups}`);
}

function makeCase(name: string, description: string, query: TrafficQuery, minRows: number): BenchCase {
  let answer: TrafficAggregate | null = null;
  const ours: Side = async () => {
    const { adapter, buildMs } = fixture!;
    const start = performance.now();
    const result = await adapter.traffic!.aggregate(query);
    const ms = performance.now() - start;
    check(result.total.ups > 10_000, `expected a large slice, got ${result.total.ups} ups`);
    answer ??= result;
    return { ms, extra: { 'index build': buildMs } };
  };
  const peer: Side = async () => {
    const { adapter, events } = fixture!;
    const start = performance.now();
    const result = peerAggregate(events, query);
    const ms = performance.now() - start;
    checkSame(answer ?? (answer = await adapter.traffic!.aggregate(query)), result, minRows);
    return ms;
  };
  return {
    name,
    description,
    reload: 'case',
    setup,
    ours,
    peers: { 'Array.filter + Map group-by (luxon keys)': peer },
    figures: { 'index build': { over: 'max' } },
    budgets: [{ figure: 'ms', max: 60 }],
  };
}

const QUARTER = { from: '2026-07-01', to: '2026-09-30' };

export const trafficAggregate = makeCase(
  'traffic-aggregate',
  `adapter.traffic.aggregate over ${EVENTS.toLocaleString('en')} events: a quarter by source category (memory adapter, index built once)`,
  { ...QUARTER, groupBy: 'sourceCategory' },
  5,
);

export const trafficAggregateDrill = makeCase(
  'traffic-aggregate-drill',
  `adapter.traffic.aggregate over ${EVENTS.toLocaleString('en')} events: a quarter of new-car walk-ins by hour (2-deep path, zone-local hourly buckets)`,
  { ...QUARTER, groupBy: 'time', timeGrain: 'hour', filters: { department: 'new', upType: 'walk-in' } },
  500,
);
