import { expect } from '@open-wc/testing';
import { aggregateTraffic, filterTraffic, trafficHeatmap } from '../../src/data/logic/traffic.js';
import { parseInstant } from '../../src/data/logic/time.js';
import { isAdapterError } from '../../src/data/errors.js';
import type { TrafficEvent } from '../../src/data/model.js';

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
