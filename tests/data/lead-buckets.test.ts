import { expect } from '@open-wc/testing';
import {
  LEAD_RESPONSE_BUCKETS,
  NO_RESPONSE_BUCKET,
  bucketLeadResponses,
  dailyLeadResponses,
  responseBucketOf,
} from '../../src/data/logic/lead-buckets.js';
import type { DailyLeadInput } from '../../src/data/logic/lead-buckets.js';
import { AdapterError } from '../../src/data/errors.js';
import * as data from '../../src/data/index.js';

const stop = { kind: 'email-sent' as const, at: '2026-03-02T15:00:00.000Z', by: 'Ana Ruiz' };
const answered = (elapsedMinutes: number) => ({ stoppedBy: stop, elapsedMinutes });
const open = (elapsedMinutes: number) => ({ elapsedMinutes });

describe('lead response buckets', () => {
  it('are half-hour steps to four hours, then 4-8 h, 8-24 h and 24 h+', () => {
    expect(LEAD_RESPONSE_BUCKETS.map((b) => b.id)).to.deep.equal([
      '0-30',
      '30-60',
      '60-90',
      '90-120',
      '120-150',
      '150-180',
      '180-210',
      '210-240',
      '240-480',
      '480-1440',
      '1440+',
    ]);
    // Contiguous: each bucket starts where the one before ends.
    LEAD_RESPONSE_BUCKETS.slice(1).forEach((b, i) => expect(b.fromMinutes).to.equal(LEAD_RESPONSE_BUCKETS[i]!.toMinutes));
    expect(LEAD_RESPONSE_BUCKETS[0]!.fromMinutes).to.equal(0);
    expect(LEAD_RESPONSE_BUCKETS.at(-1)!.toMinutes).to.equal(null);
  });

  it('puts a response in the bucket it starts, boundaries going up', () => {
    const cases: [number, string][] = [
      [0, '0-30'],
      [29.99, '0-30'],
      [30, '30-60'],
      [59.5, '30-60'],
      [60, '60-90'],
      [119, '90-120'],
      [209.9, '180-210'],
      [239.999, '210-240'],
      [240, '240-480'],
      [479, '240-480'],
      [480, '480-1440'],
      [1439.9, '480-1440'],
      [1440, '1440+'],
      [100_000, '1440+'],
      [-3, '0-30'],
      [Number.NaN, '1440+'],
    ];
    for (const [minutes, id] of cases) expect(responseBucketOf(answered(minutes)), `${minutes} min`).to.equal(id);
  });

  it('keeps leads nobody answered apart, however long they have waited', () => {
    expect(responseBucketOf(open(10))).to.equal(NO_RESPONSE_BUCKET);
    expect(responseBucketOf(open(5000))).to.equal(NO_RESPONSE_BUCKET);
  });

  it('counts states and evaluation rows alike', () => {
    const counts = bucketLeadResponses([answered(5), answered(25), answered(30), { state: answered(300) }, open(2), { state: open(9000) }, answered(2000)]);
    expect(counts.answered).to.deep.equal([2, 1, 0, 0, 0, 0, 0, 0, 1, 0, 1]);
    expect(counts.noResponse).to.equal(2);
    expect(counts.total).to.equal(7);
    expect(counts.answered.reduce((s, n) => s + n, 0) + counts.noResponse).to.equal(counts.total);
    expect(bucketLeadResponses([])).to.deep.equal({ answered: LEAD_RESPONSE_BUCKETS.map(() => 0), noResponse: 0, total: 0 });
  });

  it('is exported from the data entry point', () => {
    expect(data.bucketLeadResponses).to.equal(bucketLeadResponses);
    expect(data.dailyLeadResponses).to.equal(dailyLeadResponses);
    expect(data.LEAD_RESPONSE_BUCKETS).to.equal(LEAD_RESPONSE_BUCKETS);
  });
});

describe('lead responses per day', () => {
  const at = (receivedAt: string, status: DailyLeadInput['state']['status'], elapsedMinutes: number): DailyLeadInput => ({
    lead: { receivedAt },
    state: { status, elapsedMinutes },
  });
  const CHICAGO = 'America/Chicago';
  /**
   * Leads around the start of daylight saving time in Chicago (Sunday 8 March 2026, 2:00 CST → 3:00 CDT),
   * each on the local day of its arrival:
   *   Thu 5 Mar 23:59 CST (outside the range), Sat 7 Mar 17:00 met 90 and 23:30 missed 75,
   *   Sun 8 Mar 0:30 CST overdue 200 and 23:59 CDT still running, Mon 9 Mar 0:00 CDT met 10, 9:00 met 30,
   *   10:00 missed 100, 11:00 met 20, Tue 10 Mar 0:00 CDT (outside).
   */
  const leads = [
    at('2026-03-06T05:59:00.000Z', 'met', 1),
    at('2026-03-07T23:00:00.000Z', 'met', 90),
    at('2026-03-08T05:30:00.000Z', 'missed', 75),
    at('2026-03-08T06:30:00.000Z', 'overdue', 200),
    at('2026-03-09T04:59:00.000Z', 'running', 5),
    at('2026-03-09T05:00:00.000Z', 'met', 10),
    at('2026-03-09T14:00:00.000Z', 'met', 30),
    at('2026-03-09T15:00:00.000Z', 'missed', 100),
    at('2026-03-09T16:00:00.000Z', 'met', 20),
    at('2026-03-10T05:00:00.000Z', 'met', 1),
  ];

  it("gives every day of the range, in the dealer's zone, its median and share within the limit", () => {
    expect(dailyLeadResponses(leads, { from: '2026-03-06', to: '2026-03-09' }, CHICAGO)).to.deep.equal([
      // No lead on Friday: no figures, not zeros.
      { date: '2026-03-06', start: Date.parse('2026-03-06T06:00:00Z'), count: 0, known: 0, medianMinutes: null, percentWithinLimit: null },
      // 75 and 90: median 82.5; 1 of 2 within.
      { date: '2026-03-07', start: Date.parse('2026-03-07T06:00:00Z'), count: 2, known: 2, medianMinutes: 82.5, percentWithinLimit: 50 },
      // The running lead counts as received, not in the figures; the overdue one counts (200 so far, not within).
      { date: '2026-03-08', start: Date.parse('2026-03-08T06:00:00Z'), count: 2, known: 1, medianMinutes: 200, percentWithinLimit: 0 },
      // Monday starts at midnight CDT; 10, 20, 30, 100: median 25; 3 of 4 within.
      { date: '2026-03-09', start: Date.parse('2026-03-09T05:00:00Z'), count: 4, known: 4, medianMinutes: 25, percentWithinLimit: 75 },
    ]);
  });

  it('takes the day in the zone given: the same leads by UTC days', () => {
    const days = dailyLeadResponses(leads, { from: '2026-03-08', to: '2026-03-09' }, 'UTC');
    // 8 Mar UTC: 05:30 missed 75, 06:30 overdue 200 → median 137.5, 0 of 2. 9 Mar UTC: the running one and four known.
    expect(days.map((d) => [d.date, d.start, d.count, d.medianMinutes, d.percentWithinLimit])).to.deep.equal([
      ['2026-03-08', Date.parse('2026-03-08T00:00:00Z'), 2, 137.5, 0],
      ['2026-03-09', Date.parse('2026-03-09T00:00:00Z'), 5, 25, 75],
    ]);
  });

  it('gives a range without leads its days, and refuses an invalid range or zone', () => {
    expect(dailyLeadResponses([], { from: '2026-02-28', to: '2026-03-01' }, CHICAGO).map((d) => [d.date, d.count, d.medianMinutes])).to.deep.equal([
      ['2026-02-28', 0, null],
      ['2026-03-01', 0, null],
    ]);
    for (const [range, zone] of [
      [{ from: '2026-03-09', to: '2026-02-30' }, CHICAGO],
      [{ from: '2026-03-09', to: '2026-03-01' }, CHICAGO],
      [{ from: '2026-03-01', to: '2026-03-02' }, 'Mars/Olympus'],
    ] as const) {
      let thrown: unknown;
      try {
        dailyLeadResponses(leads, range, zone);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, `${range.from}–${range.to} in ${zone}`).to.be.instanceOf(AdapterError);
      expect((thrown as AdapterError).kind).to.equal('rejected');
    }
  });
});
