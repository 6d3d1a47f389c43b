import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../seed.js';
import { DateTime } from 'luxon';
import { aggregateTraffic, aggregateTrafficCounts, alignTrafficPeriods, filterTraffic, trafficFlags, trafficHeatmap, trafficHeatmapCounts } from '../../src/data/logic/traffic.js';
import type { TrafficCount } from '../../src/data/logic/traffic.js';
import { parseInstant } from '../../src/data/logic/calendar.js';
import { previousPeriod } from '../../src/data/logic/calendar-zones.js';
import { isAdapterError } from '../../src/data/errors.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { startDemoServer } from '../components/rig.js';
import {
  DEPARTMENTS,
  TRAFFIC_DIMENSIONS,
  TRAFFIC_OUTCOMES,
  TRAFFIC_STEPS,
  TRAFFIC_TIME_GRAINS,
  UP_TYPES,
  type TrafficAggregate,
  type TrafficDimension,
  type TrafficEvent,
  type TrafficQuery,
} from '../../src/data/model.js';

let seq = 0;
function up(at: string, overrides: Partial<TrafficEvent> = {}): TrafficEvent {
  seq++;
  return {
    id: `t${seq}`,
    at,
    upType: 'walk-in',
    department: 'new',
    salespersonId: 's1',
    salespersonName: 'Ana',
    sourceCategory: 'internet',
    source: 'Google',
    steps: [],
    outcome: 'not-sold',
    ...overrides,
  };
}

const zone = 'America/Chicago';
// Local (Chicago) times in the comments; DST starts 2026-03-08 02:00.
const events = [
  up('2026-03-02T16:00:00Z', { steps: ['demo', 'write-up'], outcome: 'sold' }), // Mon Mar 2 10:00 CST
  up('2026-03-02T16:30:00Z', { department: 'used', salespersonId: 's2', salespersonName: 'Ben', sourceCategory: 'drive-by', source: 'Signage', steps: ['demo'] }), // Mon 10:30
  up('2026-03-03T01:00:00Z', { upType: 'phone-up', outcome: 'pending' }), // Mon 19:00 (Tue in UTC)
  up('2026-03-07T17:00:00Z', { sourceCategory: 'referral', source: 'Friend', steps: ['demo', 'write-up', 'desk', 'finance'], outcome: 'sold' }), // Sat 11:00 CST
  up('2026-03-08T16:00:00Z', { upType: 'be-back', salespersonId: 's2', salespersonName: 'Ben', steps: ['demo', 'trade-appraisal'], outcome: 'sold' }), // Sun 11:00 CDT
  up('2026-04-01T15:00:00Z'), // Wed Apr 1 10:00 CDT
  up('2026-02-28T12:00:00Z', { outcome: 'sold' }), // Feb 28: outside the range
];
const range = { from: '2026-03-01', to: '2026-04-30', zone };

describe('aggregateTraffic', () => {
  it('drills down with two filters and computes the closing ratio and steps', () => {
    const result = aggregateTraffic(events, { ...range, groupBy: 'salesperson', filters: { upType: 'walk-in', department: 'new' } });
    expect(result.rows).to.deep.equal([
      {
        key: 's1',
        label: 'Ana',
        ups: 3,
        sold: 2,
        closingRatio: 2 / 3,
        beBack: 0,
        beBackShare: 0,
        steps: { demo: 2, 'write-up': 2, 'trade-appraisal': 0, desk: 1, finance: 1 },
      },
    ]);
    expect(result.total).to.deep.include({ key: 'total', ups: 3, sold: 2, closingRatio: 2 / 3 });
    expect(result.query.groupBy).to.equal('salesperson');

    const bySource = aggregateTraffic(events, { ...range, groupBy: 'upType', filters: { month: '2026-03', salesperson: 's1' } });
    expect(bySource.rows.map((r) => [r.key, r.label, r.ups, r.sold, r.closingRatio])).to.deep.equal([
      ['walk-in', 'Walk-in', 2, 2, 1],
      ['phone-up', 'Phone-up', 1, 0, 0],
    ]);
  });

  it('sorts non-time rows by ups, then label', () => {
    const result = aggregateTraffic(events, { ...range, groupBy: 'sourceCategory' });
    expect(result.rows.map((r) => [r.key, r.ups])).to.deep.equal([
      ['internet', 4],
      ['drive-by', 1],
      ['referral', 1],
    ]);
    expect(result.total).to.deep.include({ ups: 6, sold: 3, closingRatio: 0.5 });
    const outcome = aggregateTraffic(events, { ...range, groupBy: 'outcome' });
    expect(outcome.rows.map((r) => r.label)).to.deep.equal(['Sold', 'Not sold', 'Pending']);
  });

  it('buckets time in the zone with natural order and readable labels', () => {
    const day = aggregateTraffic(events, { ...range, groupBy: 'day' });
    expect(day.rows.map((r) => [r.key, r.label, r.ups])).to.deep.equal([
      ['2026-03-02', 'Mon Mar 2, 2026', 3],
      ['2026-03-07', 'Sat Mar 7, 2026', 1],
      ['2026-03-08', 'Sun Mar 8, 2026', 1],
      ['2026-04-01', 'Wed Apr 1, 2026', 1],
    ]);
    const utcDays = aggregateTraffic(events, { ...range, zone: 'UTC', groupBy: 'day' });
    expect(utcDays.rows.map((r) => [r.key, r.ups])).to.deep.equal([
      ['2026-03-02', 2],
      ['2026-03-03', 1],
      ['2026-03-07', 1],
      ['2026-03-08', 1],
      ['2026-04-01', 1],
    ]);
    // The Sunday 11:00 CDT up is hour 11, not 10: the offset changed that morning.
    const hour = aggregateTraffic(events, { ...range, groupBy: 'hour' });
    expect(hour.rows.map((r) => [r.key, r.label, r.ups])).to.deep.equal([
      ['10', '10:00', 3],
      ['11', '11:00', 2],
      ['19', '19:00', 1],
    ]);
    const weekday = aggregateTraffic(events, { ...range, groupBy: 'weekday' });
    expect(weekday.rows.map((r) => [r.key, r.label, r.ups])).to.deep.equal([
      ['1', 'Monday', 3],
      ['3', 'Wednesday', 1],
      ['6', 'Saturday', 1],
      ['7', 'Sunday', 1],
    ]);
    const month = aggregateTraffic(events, { ...range, groupBy: 'month' });
    expect(month.rows.map((r) => [r.key, r.label, r.ups, r.sold])).to.deep.equal([
      ['2026-03', 'March 2026', 5, 3],
      ['2026-04', 'April 2026', 1, 0],
    ]);
  });

  it('has 23 hourly buckets on the spring DST day and a double 01 hour in the autumn', () => {
    const hourly = (startIso: string, hours: number) =>
      Array.from({ length: hours }, (_, i) => up(new Date(Date.parse(startIso) + i * 3_600_000).toISOString()));
    const spring = aggregateTraffic(hourly('2026-03-08T06:00:00Z', 23), { from: '2026-03-08', to: '2026-03-08', zone, groupBy: 'hour' });
    expect(spring.rows).to.have.length(23);
    expect(spring.rows.map((r) => r.key)).to.not.include('02');
    expect(spring.total.ups).to.equal(23);
    const autumn = aggregateTraffic(hourly('2026-11-01T05:00:00Z', 25), { from: '2026-11-01', to: '2026-11-01', zone, groupBy: 'hour' });
    expect(autumn.rows).to.have.length(24);
    expect(autumn.rows.find((r) => r.key === '01')?.ups).to.equal(2);
    expect(autumn.total.ups).to.equal(25);
  });

  it('parses offsets and fractions, and skips unparseable times', () => {
    const mixed = [
      up('2026-03-02T10:15:00.5-06:00'), // Mon 10:15 CST
      up('2026-03-02T17:15:00+01:00'), // Mon 10:15 CST
      up('2026-03-02T16:15:00.000Z'),
      up('not a time'),
    ];
    const result = aggregateTraffic(mixed, { from: '2026-03-02', to: '2026-03-02', zone, groupBy: 'hour' });
    expect(result.rows.map((r) => [r.key, r.ups])).to.deep.equal([['10', 3]]);
  });

  it('rejects an unknown zone or a bad range with a specific error', () => {
    for (const query of [
      { from: '2026-03-01', to: '2026-03-31', zone: 'Mars/Olympus' },
      { from: '03/01/2026', to: '2026-03-31', zone },
    ]) {
      let error: unknown;
      try {
        aggregateTraffic(events, { ...query, groupBy: 'day' });
      } catch (e) {
        error = e;
      }
      expect(isAdapterError(error), query.from).to.equal(true);
    }
  });
});

describe('filterTraffic', () => {
  it('returns the events of a drill path in order', () => {
    expect(filterTraffic(events, { ...range, filters: { upType: 'walk-in', department: 'new' } }).map((e) => e.id)).to.deep.equal(
      [events[0], events[3], events[5]].map((e) => e.id),
    );
    expect(filterTraffic(events, { ...range, filters: { weekday: '1', hour: '10' } })).to.deep.equal([events[0], events[1]]);
    expect(filterTraffic(events, { from: '2026-02-28', to: '2026-02-28', zone })).to.deep.equal([events[6]]);
  });
});

describe('trafficHeatmap', () => {
  it('fills all 168 weekday × hour cells', () => {
    const heatmap = trafficHeatmap(events, range);
    expect(heatmap.cells).to.have.length(168);
    expect(heatmap.cells[0]).to.deep.equal({ weekday: 0, hour: 0, ups: 0, sold: 0 });
    const cell = (weekday: number, hour: number) => heatmap.cells[weekday * 24 + hour];
    expect(cell(0, 10)).to.deep.equal({ weekday: 0, hour: 10, ups: 2, sold: 1 });
    expect(cell(0, 19)).to.deep.include({ ups: 1, sold: 0 });
    expect(cell(2, 10)).to.deep.include({ ups: 1 });
    expect(cell(5, 11)).to.deep.include({ ups: 1, sold: 1 });
    expect(cell(6, 11)).to.deep.include({ ups: 1, sold: 1 });
    expect(heatmap.cells.reduce((sum, c) => sum + c.ups, 0)).to.equal(6);
    expect(heatmap.max).to.equal(2);
  });

  it('applies filters', () => {
    const used = trafficHeatmap(events, { ...range, filters: { department: 'used' } });
    expect(used.cells.filter((c) => c.ups > 0)).to.deep.equal([{ weekday: 0, hour: 10, ups: 1, sold: 0 }]);
    expect(trafficHeatmap([], range).max).to.equal(0);
  });
});

describe('parseInstant', () => {
  it('agrees with Date.parse and rejects garbage in the fast layout', () => {
    for (const s of ['2026-03-08T07:59:59.999Z', '1999-12-31T23:00:00.000Z', '2026-03-02T10:15:00-06:00', '2026-03-02T10:15:00.123+05:30', '2026-03-02T16:15:00Z']) {
      expect(parseInstant(s), s).to.equal(Date.parse(s));
    }
    for (const s of ['2026-1/-02T10:15:00.000Z', '2026-02-30T25:00:00.000Z', 'xxxx-xx-xxTxx:xx:xx.xxxZ', '']) {
      expect(parseInstant(s), s).to.be.NaN;
    }
  });
});

// ───────────────────────────── time grains, DST, be-back, the index ─────────────────────────────

describe('aggregateTraffic by time grain', () => {
  const hourly = (startIso: string, hours: number, overrides: Partial<TrafficEvent> = {}) =>
    Array.from({ length: hours }, (_, i) => up(new Date(Date.parse(startIso) + i * 3_600_000).toISOString(), overrides));

  it('has 23 hourly buckets on the spring-forward day, 25 on the fall-back day (America/Chicago)', () => {
    const spring = aggregateTraffic(hourly('2026-03-08T06:00:00Z', 23), { from: '2026-03-08', to: '2026-03-08', zone, groupBy: 'time', timeGrain: 'hour' });
    expect(spring.rows).to.have.length(23);
    expect(spring.rows.slice(0, 3).map((r) => [r.key, r.label, r.ups])).to.deep.equal([
      ['2026-03-08T00:00-06:00', 'Sun Mar 8, 2026, 00:00', 1],
      ['2026-03-08T01:00-06:00', 'Sun Mar 8, 2026, 01:00', 1],
      ['2026-03-08T03:00-05:00', 'Sun Mar 8, 2026, 03:00', 1],
    ]);
    expect(spring.rows.at(-1)!.key).to.equal('2026-03-08T23:00-05:00');
    expect(spring.total.ups).to.equal(23);

    const autumn = aggregateTraffic(hourly('2026-11-01T05:00:00Z', 25), { from: '2026-11-01', to: '2026-11-01', zone, groupBy: 'time', timeGrain: 'hour' });
    expect(autumn.rows).to.have.length(25);
    expect(autumn.rows.slice(0, 4).map((r) => [r.key, r.label])).to.deep.equal([
      ['2026-11-01T00:00-05:00', 'Sun Nov 1, 2026, 00:00'],
      ['2026-11-01T01:00-05:00', 'Sun Nov 1, 2026, 01:00 (UTC-05:00)'],
      ['2026-11-01T01:00-06:00', 'Sun Nov 1, 2026, 01:00 (UTC-06:00)'],
      ['2026-11-01T02:00-06:00', 'Sun Nov 1, 2026, 02:00'],
    ]);
    expect(autumn.rows.every((r) => r.ups === 1)).to.equal(true);
    // Each hour key drills into exactly its own hour.
    const second = aggregateTraffic(hourly('2026-11-01T05:00:00Z', 25), {
      from: '2026-11-01',
      to: '2026-11-01',
      zone,
      groupBy: 'upType',
      filters: { time: '2026-11-01T01:00-06:00' },
    });
    expect(second.total.ups).to.equal(1);
    // Day buckets of those weeks: 23, 24 and 25 hours.
    const days = aggregateTraffic([...hourly('2026-03-08T06:00:00Z', 47), ...hourly('2026-11-01T05:00:00Z', 25)], {
      from: '2026-03-01',
      to: '2026-11-30',
      zone,
      groupBy: 'time',
      timeGrain: 'day',
    });
    expect(days.rows.map((r) => [r.key, r.ups])).to.deep.equal([
      ['2026-03-08', 23],
      ['2026-03-09', 24],
      ['2026-11-01', 25],
    ]);
  });

  it('buckets by ISO week and month, and `month`/`day` equal the time grains', () => {
    const query = { ...range, zone, groupBy: 'time' as const };
    const weeks = aggregateTraffic(events, { ...query, timeGrain: 'week' });
    // Mon Mar 2 - Sun Mar 8 is ISO week 10 (Sat 7th and Sun 8th included); Wed Apr 1 is in week 14.
    expect(weeks.rows.map((r) => [r.key, r.label, r.ups, r.sold])).to.deep.equal([
      ['2026-W10', 'Week of Mar 2, 2026', 5, 3],
      ['2026-W14', 'Week of Mar 30, 2026', 1, 0],
    ]);
    const months = aggregateTraffic(events, { ...query, timeGrain: 'month' });
    expect(months.rows).to.deep.equal(aggregateTraffic(events, { ...range, zone, groupBy: 'month' }).rows);
    const days = aggregateTraffic(events, { ...query });
    expect(days.rows).to.deep.equal(aggregateTraffic(events, { ...range, zone, groupBy: 'day' }).rows);
    // The year of an ISO week is the year of its Thursday.
    const newYear = aggregateTraffic([up('2027-01-01T18:00:00Z'), up('2026-12-28T18:00:00Z'), up('2027-01-04T18:00:00Z')], {
      from: '2026-12-01',
      to: '2027-01-31',
      zone,
      groupBy: 'time',
      timeGrain: 'week',
    });
    expect(newYear.rows.map((r) => [r.key, r.ups])).to.deep.equal([
      ['2026-W53', 2],
      ['2027-W01', 1],
    ]);
  });

  it('filters by a time key of any grain; a malformed or unknown key matches nothing', () => {
    const q = { ...range, zone, groupBy: 'upType' as const };
    expect(aggregateTraffic(events, { ...q, filters: { time: '2026-03' } }).total.ups).to.equal(5);
    expect(aggregateTraffic(events, { ...q, filters: { time: '2026-W10' } }).total.ups).to.equal(5);
    expect(aggregateTraffic(events, { ...q, filters: { time: '2026-03-02' } }).total.ups).to.equal(3);
    expect(aggregateTraffic(events, { ...q, filters: { time: '2026-03-02T10:00-06:00' } }).total.ups).to.equal(2);
    expect(aggregateTraffic(events, { ...q, filters: { time: '2026-03-08T11:00-05:00' } }).total.ups).to.equal(1);
    for (const bad of ['2026-03-08T11:00-06:00', '2026-13', '2026-W54', '2026-02-30', 'March', '']) {
      expect(aggregateTraffic(events, { ...q, filters: { time: bad } }).total.ups, bad).to.equal(0);
    }
    expect(aggregateTraffic(events, { ...q, filters: { month: '2026-03-02' } }).total.ups).to.equal(0);
    expect(aggregateTraffic(events, { ...q, filters: { hour: '7' } }).total.ups).to.equal(0);
    expect(aggregateTraffic(events, { ...q, filters: { salesperson: 'nobody' } }).rows).to.deep.equal([]);
  });

  it('counts be-backs and gives null ratios with no ups', () => {
    const result = aggregateTraffic(events, { ...range, zone, groupBy: 'salesperson' });
    expect(result.rows.map((r) => [r.key, r.ups, r.beBack, r.beBackShare, r.closingRatio])).to.deep.equal([
      ['s1', 4, 0, 0, 2 / 4],
      ['s2', 2, 1, 0.5, 1 / 2],
    ]);
    expect(result.total).to.deep.include({ ups: 6, beBack: 1, beBackShare: 1 / 6 });
    const none = aggregateTraffic(events, { from: '2025-01-01', to: '2025-01-31', zone, groupBy: 'outcome' });
    expect(none.rows).to.deep.equal([]);
    expect(none.total).to.deep.equal({
      key: 'total',
      label: 'All traffic',
      ups: 0,
      sold: 0,
      closingRatio: null,
      beBack: 0,
      beBackShare: null,
      steps: { demo: 0, 'write-up': 0, 'trade-appraisal': 0, desk: 0, finance: 0 },
    });
  });

  it('gives every dimension a bucket per value, and the same answer for shuffled events', () => {
    const expected: Record<TrafficDimension, string[]> = {
      time: ['2026-03-02', '2026-03-07', '2026-03-08', '2026-04-01'],
      month: ['2026-03', '2026-04'],
      day: ['2026-03-02', '2026-03-07', '2026-03-08', '2026-04-01'],
      hour: ['10', '11', '19'],
      weekday: ['1', '3', '6', '7'],
      upType: ['walk-in', 'be-back', 'phone-up'],
      department: ['new', 'used'],
      salesperson: ['s1', 's2'],
      sourceCategory: ['internet', 'drive-by', 'referral'],
      source: ['Google', 'Friend', 'Signage'],
      outcome: ['sold', 'not-sold', 'pending'],
    };
    const shuffled = [events[4], events[6], events[1], events[5], events[0], events[3], events[2]];
    for (const groupBy of TRAFFIC_DIMENSIONS) {
      const result = aggregateTraffic(events, { ...range, zone, groupBy });
      expect(result.rows.map((r) => r.key), groupBy).to.deep.equal(expected[groupBy]);
      expect(result.rows.reduce((sum, r) => sum + r.ups, 0), groupBy).to.equal(6);
      expect(aggregateTraffic(shuffled, { ...range, zone, groupBy }), groupBy).to.deep.equal(result);
    }
  });

  it('answers the same through the memory adapter, with its index cached per zone', async () => {
    const dataset = generateDataset({ size: 'small' });
    const adapter = createMemoryAdapter(dataset);
    const query = { from: '2026-09-01', to: '2026-11-23', groupBy: 'sourceCategory' as const, filters: { department: 'used' as const } };
    const fromAdapter = await adapter.traffic!.aggregate(query);
    expect(fromAdapter.total.ups).to.be.greaterThan(0);
    expect(fromAdapter).to.deep.equal(aggregateTraffic(dataset.traffic, { ...query, zone: dataset.dealer.zone }));
    const heat = await adapter.traffic!.heatmap({ from: query.from, to: query.to, zone: 'UTC' });
    expect(heat).to.deep.equal(trafficHeatmap(dataset.traffic, { from: query.from, to: query.to, zone: 'UTC' }));
    const page = await adapter.traffic!.list({ from: query.from, to: query.to, filters: { department: 'used' }, limit: 5 });
    expect(page.items.map((e) => e.id)).to.deep.equal(
      filterTraffic(dataset.traffic, { ...query, zone: dataset.dealer.zone }).slice(0, 5).map((e) => e.id),
    );
  });

  it('carries timeGrain, filter.time, be-backs and null ratios over the REST API', async () => {
    const server = await startDemoServer();
    const rest = createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 });
    const weekly = { from: '2026-10-01', to: '2026-11-23', groupBy: 'time' as const, timeGrain: 'week' as const, filters: { upType: 'walk-in' } };
    const weeks = await rest.traffic!.aggregate(weekly);
    expect(weeks.rows.length).to.be.greaterThan(5);
    expect(weeks.rows[0]!.key).to.match(/^2026-W\d\d$/);
    expect(weeks).to.deep.equal(await server.backend.traffic!.aggregate(weekly));
    const hourly = { ...weekly, timeGrain: 'hour' as const, filters: { time: weeks.rows[1]!.key } };
    const hours = await rest.traffic!.aggregate(hourly);
    expect(hours.total.ups).to.equal(weeks.rows[1]!.ups + (await rest.traffic!.aggregate({ ...hourly, groupBy: 'upType' })).rows.filter((r) => r.key !== 'walk-in').reduce((s, r) => s + r.ups, 0));
    expect(hours.rows[0]!.key).to.match(/^2026-\d\d-\d\dT\d\d:00-0[56]:00$/);
    expect(hours.total.beBackShare).to.be.a('number');
    const empty = await rest.traffic!.aggregate({ ...hourly, filters: { time: '2026-13' } });
    expect([empty.rows.length, empty.total.closingRatio, empty.total.beBackShare]).to.deep.equal([0, null, null]);
  });

  it('reuses previousPeriod for the comparison range', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
  });
});

// ───────────────────────────── properties ─────────────────────────────

/** The obvious implementation, with luxon per event: what the index must agree with. */
function naiveAggregate(all: readonly TrafficEvent[], query: TrafficQuery): TrafficAggregate {
  const zone = query.zone ?? 'UTC';
  const grain = query.groupBy === 'time' ? (query.timeGrain ?? 'day') : query.groupBy;
  const timeKey = (dt: DateTime, g: string) =>
    g === 'month'
      ? dt.toFormat('yyyy-MM')
      : g === 'week'
        ? dt.toFormat("kkkk-'W'WW")
        : g === 'day'
          ? dt.toISODate()!
          : dt.startOf('hour').toFormat("yyyy-MM-dd'T'HH:00ZZ");
  const keyOf = (dimension: TrafficDimension, e: TrafficEvent, dt: DateTime, timeGrainOf?: string): string => {
    switch (dimension) {
      case 'time':
        return timeKey(dt, timeGrainOf!);
      case 'month':
        return dt.toFormat('yyyy-MM');
      case 'day':
        return dt.toISODate()!;
      case 'hour':
        return dt.toFormat('HH');
      case 'weekday':
        return String(dt.weekday);
      case 'salesperson':
        return e.salespersonId;
      default:
        return e[dimension];
    }
  };
  const grainOfKey = (key: string) =>
    /^\d{4}-\d{2}$/.test(key) ? 'month' : /W/.test(key) ? 'week' : /T/.test(key) ? 'hour' : 'day';
  const buckets = new Map<string, { first: number; events: TrafficEvent[] }>();
  const total: TrafficEvent[] = [];
  for (const e of all) {
    const dt = DateTime.fromISO(e.at, { zone });
    const day = dt.toISODate()!;
    if (day < query.from || day > query.to) continue;
    const pass = Object.entries(query.filters ?? {}).every(([d, v]) => keyOf(d as TrafficDimension, e, dt, grainOfKey(v!)) === v);
    if (!pass) continue;
    const key = keyOf(query.groupBy, e, dt, grain);
    const bucket = buckets.get(key) ?? { first: dt.toMillis(), events: [] };
    bucket.events.push(e);
    bucket.first = Math.min(bucket.first, dt.toMillis());
    buckets.set(key, bucket);
    total.push(e);
  }
  const row = (key: string, list: TrafficEvent[]) => {
    const ups = list.length;
    const sold = list.filter((e) => e.outcome === 'sold').length;
    const beBack = list.filter((e) => e.upType === 'be-back').length;
    return {
      key,
      ups,
      sold,
      closingRatio: ups ? sold / ups : null,
      beBack,
      beBackShare: ups ? beBack / ups : null,
      steps: Object.fromEntries(TRAFFIC_STEPS.map((s) => [s, list.filter((e) => e.steps.includes(s)).length])),
    };
  };
  const timeLike = ['time', 'month', 'day'].includes(query.groupBy);
  const rows = [...buckets.entries()]
    .sort(([ka, a], [kb, b]) => (timeLike ? a.first - b.first : ka < kb ? -1 : ka > kb ? 1 : 0))
    .map(([key, b]) => row(key, b.events));
  return { query, rows, total: { ...row('total', total), label: 'All traffic' } } as unknown as TrafficAggregate;
}

const SALESPEOPLE = [
  ['s1', 'Ana'],
  ['s2', 'Ben <img src=x onerror=alert(1)>'],
  ['s3', 'Cruz'],
] as const;
const SOURCES = [
  ['internet', 'Google'],
  ['internet', 'Website'],
  ['referral', 'Friend'],
  ['drive-by', 'Drive-by'],
] as const;
// Two weeks around the fall-back change in Chicago (2026-11-01), any minute of the day.
const WINDOW_START = Date.parse('2026-10-25T00:00:00Z');
const arbEvent = fc
  .record({
    minute: fc.integer({ min: 0, max: 14 * 1440 }),
    upType: fc.constantFrom(...UP_TYPES),
    department: fc.constantFrom(...DEPARTMENTS),
    person: fc.constantFrom(...SALESPEOPLE),
    source: fc.constantFrom(...SOURCES),
    steps: fc.subarray([...TRAFFIC_STEPS]),
    outcome: fc.constantFrom(...TRAFFIC_OUTCOMES),
  })
  .map((r) =>
    up(new Date(WINDOW_START + r.minute * 60_000).toISOString(), {
      upType: r.upType,
      department: r.department,
      salespersonId: r.person[0],
      salespersonName: r.person[1],
      sourceCategory: r.source[0],
      source: r.source[1],
      steps: r.steps,
      outcome: r.outcome,
    }),
  );
const arbGrain = fc.constantFrom(...TRAFFIC_TIME_GRAINS);
const strip = (a: TrafficAggregate, sortKeys: boolean) => {
  const rows = a.rows.map(({ label: _label, ...rest }) => rest);
  if (sortKeys) rows.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const { label: _label, ...total } = a.total;
  return { rows, total };
};

describe('traffic aggregation properties (fast-check)', () => {
  it('the indexed aggregation equals a naive luxon reference', () => {
    fc.assert(
      fc.property(
        fc.array(arbEvent, { maxLength: 120 }),
        fc.constantFrom(...TRAFFIC_DIMENSIONS),
        arbGrain,
        fc.constantFrom('America/Chicago', 'America/New_York', 'UTC', 'Asia/Kolkata'),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 14 }),
        fc.array(fc.tuple(fc.constantFrom(...TRAFFIC_DIMENSIONS), fc.nat()), { maxLength: 2 }),
        (all, groupBy, timeGrain, z, fromOffset, length, filterPicks) => {
          const day = (n: number) => new Date(WINDOW_START + n * 86_400_000).toISOString().slice(0, 10);
          const query: TrafficQuery = { from: day(fromOffset), to: day(fromOffset + length), zone: z, groupBy, timeGrain };
          // Filters take values that occur (found by a first aggregation), so they select something.
          const filters: Partial<Record<TrafficDimension, string>> = {};
          for (const [dimension, pick] of filterPicks) {
            if (dimension === groupBy) continue;
            const level = naiveAggregate(all, { ...query, groupBy: dimension, filters: {} });
            if (level.rows.length) filters[dimension] = level.rows[pick % level.rows.length]!.key;
          }
          const withFilters = { ...query, filters };
          const ours = aggregateTraffic(all, withFilters);
          const naive = naiveAggregate(all, withFilters);
          const timeLike = ['time', 'month', 'day', 'hour', 'weekday'].includes(groupBy);
          expect(strip(ours, !timeLike)).to.deep.equal(strip(naive, !timeLike));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('drill paths of depth 3 give consistent totals in every order', () => {
    fc.assert(
      fc.property(
        fc.array(arbEvent, { minLength: 1, maxLength: 150 }),
        fc.shuffledSubarray([...TRAFFIC_DIMENSIONS], { minLength: 3, maxLength: 3 }),
        arbGrain,
        fc.nat(),
        (all, dims, timeGrain, seed) => {
          const base = { from: '2026-10-20', to: '2026-11-10', zone: 'America/Chicago', timeGrain };
          const [a, b, c] = dims as [TrafficDimension, TrafficDimension, TrafficDimension];
          const top = aggregateTraffic(all, { ...base, groupBy: a });
          expect(top.rows.reduce((s, r) => s + r.ups, 0)).to.equal(top.total.ups);
          expect(top.rows.reduce((s, r) => s + r.sold, 0)).to.equal(top.total.sold);
          // Walk one path down: every level's rows add up to the bucket it came from.
          const path: Partial<Record<TrafficDimension, string>> = {};
          let parent = top.total;
          let level = top;
          for (const [dimension, next] of [
            [a, b],
            [b, c],
            [c, null],
          ] as const) {
            if (!level.rows.length) return;
            const row = level.rows[seed % level.rows.length]!;
            expect(level.rows.reduce((s, r) => s + r.ups, 0)).to.equal(parent.ups);
            path[dimension] = row.key;
            parent = row;
            if (next) level = aggregateTraffic(all, { ...base, groupBy: next, filters: { ...path } });
          }
          // The same three filters, in every order, select the same ups as the leaf bucket.
          const orders = [
            [a, b, c],
            [a, c, b],
            [b, a, c],
            [b, c, a],
            [c, a, b],
            [c, b, a],
          ];
          for (const order of orders) {
            const filters = Object.fromEntries(order.map((d) => [d, path[d]]));
            const outside = TRAFFIC_DIMENSIONS.find((d) => !order.includes(d))!;
            const result = aggregateTraffic(all, { ...base, groupBy: outside, filters });
            expect(result.total.ups, order.join(' > ')).to.equal(parent.ups);
            expect(result.total.sold, order.join(' > ')).to.equal(parent.sold);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('the heatmap cells add up to the aggregate total and to the hour-of-day rows', () => {
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 150 }), (all) => {
        const query = { from: '2026-10-25', to: '2026-11-07', zone: 'America/Chicago' };
        const heat = trafficHeatmap(all, query);
        const byHour = aggregateTraffic(all, { ...query, groupBy: 'hour' });
        expect(heat.cells.reduce((s, c) => s + c.ups, 0)).to.equal(byHour.total.ups);
        for (const row of byHour.rows) {
          expect(heat.cells.filter((c) => c.hour === +row.key).reduce((s, c) => s + c.sold, 0)).to.equal(row.sold);
        }
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * The groups a server makes of the events of a level (a GROUP BY over the matching events, with
 * luxon standing in for the database's zone arithmetic): the level's field and the flag byte the
 * server stored with each event.
 */
function serverCounts(events: readonly TrafficEvent[], query: TrafficQuery): TrafficCount[] {
  const groups = new Map<string, TrafficCount>();
  const zone = query.zone ?? 'UTC';
  const grain = query.groupBy === 'time' ? (query.timeGrain ?? 'day') : query.groupBy;
  for (const e of filterTraffic(events, { ...query, zone })) {
    const local = DateTime.fromISO(e.at, { zone });
    const day = Math.floor(Date.UTC(local.year, local.month - 1, local.day) / 86_400_000);
    let field: Partial<TrafficCount>;
    if (grain === 'hour' && query.groupBy === 'time') {
      const start = local.startOf('hour');
      field = { hourStart: start.toMillis(), offset: start.offset };
    } else if (query.groupBy === 'hour') field = { hour: local.hour };
    else if (query.groupBy === 'weekday') field = e.id.length % 2 ? { weekday: local.weekday - 1 } : { day };
    else if (['time', 'month', 'day'].includes(query.groupBy)) field = { day };
    else {
      const key = { upType: e.upType, department: e.department, salesperson: e.salespersonId, sourceCategory: e.sourceCategory, source: e.source, outcome: e.outcome };
      field = { value: key[query.groupBy as keyof typeof key] };
    }
    const flags = trafficFlags(e);
    const id = JSON.stringify([field, flags]);
    const group = groups.get(id) ?? { ...field, flags, ups: 0 };
    group.ups++;
    groups.set(id, group);
  }
  return [...groups.values()].reverse();
}

describe("aggregateTrafficCounts and trafficHeatmapCounts (a server's groups)", () => {
  it('reads the flag byte: steps in order, be-back, sold; unknown steps count for nothing', () => {
    expect(trafficFlags({ upType: 'be-back', outcome: 'sold', steps: ['demo'] })).to.equal(97);
    expect(trafficFlags({ upType: 'walk-in', outcome: 'pending', steps: ['finance', 'desk', 'test-drive' as never] })).to.equal(24);
    expect(trafficFlags({})).to.equal(0);
  });

  it('give the same levels and heatmap as the index over the same events', () => {
    fc.assert(
      fc.property(
        fc.array(arbEvent, { maxLength: 120 }),
        fc.constantFrom(...TRAFFIC_DIMENSIONS),
        arbGrain,
        fc.constantFrom('America/Chicago', 'UTC', 'Asia/Kolkata', 'Pacific/Chatham'),
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 14 }),
        (all, groupBy, timeGrain, zone, fromOffset, length) => {
          const day = (n: number) => new Date(WINDOW_START + n * 86_400_000).toISOString().slice(0, 10);
          const query: TrafficQuery = { from: day(fromOffset), to: day(fromOffset + length), zone, groupBy, timeGrain };
          const names = new Map(SALESPEOPLE.map(([id, name]) => [id, name]));
          expect(aggregateTrafficCounts(query, serverCounts(all, query), names)).to.deep.equal(aggregateTraffic(all, query));
          const cells = serverCounts(all, { ...query, groupBy: 'hour' }).map((c) => c);
          const heat = trafficHeatmap(all, query);
          const perCell = new Map<string, TrafficCount>();
          for (const e of filterTraffic(all, query)) {
            const local = DateTime.fromISO(e.at, { zone });
            const id = `${local.weekday - 1}/${local.hour}/${trafficFlags(e)}`;
            const c = perCell.get(id) ?? { weekday: local.weekday - 1, hour: local.hour, flags: trafficFlags(e), ups: 0 };
            c.ups++;
            perCell.set(id, c);
          }
          expect(cells.reduce((s, c) => s + c.ups, 0)).to.equal(heat.cells.reduce((s, c) => s + c.ups, 0));
          expect(trafficHeatmapCounts([...perCell.values()])).to.deep.equal(heat);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('alignTrafficPeriods', () => {
  it('lays the previous period\'s days over this period\'s, from the first day on, every day listed', () => {
    expect(alignTrafficPeriods('day', { from: '2026-03-01', to: '2026-03-03' }, { from: '2026-02-27', to: '2026-02-28' })).to.deep.equal([
      { key: '2026-03-01', previous: '2026-02-27' },
      { key: '2026-03-02', previous: '2026-02-28' },
      { key: '2026-03-03', previous: null },
    ]);
    // March against the clamped February of previousPeriod: 28 days over the first 28 of 31.
    const march = alignTrafficPeriods('day', { from: '2026-03-01', to: '2026-03-31' }, previousPeriod({ from: '2026-03-01', to: '2026-03-31' }));
    expect(march).to.have.length(31);
    expect(march[27]).to.deep.equal({ key: '2026-03-28', previous: '2026-02-28' });
    expect(march.slice(28).map((b) => b.previous)).to.deep.equal([null, null, null]);
    // A longer previous period's extra days are left out; across a year's end.
    expect(alignTrafficPeriods('day', { from: '2026-01-01', to: '2026-01-02' }, { from: '2025-12-30', to: '2026-01-02' })).to.deep.equal([
      { key: '2026-01-01', previous: '2025-12-30' },
      { key: '2026-01-02', previous: '2025-12-31' },
    ]);
  });

  it('lists every month a range touches, and hours of the day over themselves', () => {
    expect(alignTrafficPeriods('month', { from: '2025-11-15', to: '2026-02-10' }, { from: '2025-10-15', to: '2026-01-10' })).to.deep.equal([
      { key: '2025-11', previous: '2025-10' },
      { key: '2025-12', previous: '2025-11' },
      { key: '2026-01', previous: '2025-12' },
      { key: '2026-02', previous: '2026-01' },
    ]);
    const hours = alignTrafficPeriods('hour', { from: '2026-03-01', to: '2026-03-31' }, { from: '2026-02-01', to: '2026-02-28' });
    expect(hours.map((b) => b.key)).to.deep.equal(Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')));
    expect(hours.every((b) => b.previous === b.key)).to.equal(true);
  });

  it('refuses an invalid range', () => {
    expect(() => alignTrafficPeriods('day', { from: '2026-03-31', to: '2026-03-01' }, { from: '2026-02-01', to: '2026-02-28' })).to.throw(/after/);
  });
});
