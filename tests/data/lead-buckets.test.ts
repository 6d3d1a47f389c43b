import { expect } from '@open-wc/testing';
import {
  LEAD_RESPONSE_BUCKETS,
  NO_RESPONSE_BUCKET,
  bucketLeadResponses,
  responseBucketOf,
} from '../../src/data/logic/lead-buckets.js';
import * as data from '../../src/data/index.js';

const stop = { kind: 'email-sent' as const, at: '2026-03-02T15:00:00.000Z' };
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
    expect(data.LEAD_RESPONSE_BUCKETS).to.equal(LEAD_RESPONSE_BUCKETS);
  });
});
