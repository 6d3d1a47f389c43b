import { expect } from '@open-wc/testing';
import {
  BLOCKING_MIN_SENT,
  CARRIER_BLOCKING_ADVICE,
  CARRIER_FILTERING_ADVICE,
  SMS_ERROR_CODES,
  classifySmsError,
  detectCarrierBlocking,
  filterSms,
  smsTrend,
  summarizePeriod,
  summarizeSms,
} from '../../src/data/logic/sms.js';
import { compareToPrevious } from '../../src/data/logic/period-change.js';
import { previousPeriod, previousPeriodDetail } from '../../src/data/logic/calendar-zones.js';
import { isAdapterError } from '../../src/data/errors.js';
import type { SmsMessage, SmsProvider } from '../../src/data/model.js';

let seq = 0;
function sms(overrides: Partial<SmsMessage> = {}): SmsMessage {
  seq++;
  return {
    id: `m${seq}`,
    provider: 'twilio',
    direction: 'outbound',
    from: '+13125550100',
    to: '+13125550999',
    body: 'Your car is ready',
    status: 'delivered',
    errorCode: null,
    sentAt: '2026-03-10T15:00:00.000Z',
    segments: 1,
    employeeId: 'e1',
    employeeName: 'Ana Ruiz',
    customerId: 'c1',
    customerName: 'Sam Lee',
    ...overrides,
  };
}

const BANDWIDTH = [
  4406, 4470, 4481, 4482, 4700, 4701, 4702, 4720, 4721, 4730, 4750, 4770, 4771, 4772, 4773, 4775, 4780, 4781, 4785, 4795,
  5600, 5650, 9902, 9999,
];
const TWILIO = [21211, 21610, 21614, 30003, 30004, 30005, 30006, 30007, 30008, 30017, 30022, 30023, 30024, 30027, 30032, 30034, 30450];

describe('classifySmsError', () => {
  it('classifies every listed code into a known category with text', () => {
    const cases: [SmsProvider, number][] = [
      ...BANDWIDTH.map((c) => ['bandwidth', c] as [SmsProvider, number]),
      ...TWILIO.map((c) => ['twilio', c] as [SmsProvider, number]),
    ];
    for (const [provider, code] of cases) {
      for (const form of [code, String(code), ` ${code} `]) {
        const info = classifySmsError(provider, form);
        expect(info.category, `${provider} ${code}`).to.not.equal('unknown');
        expect(info.code).to.equal(String(code));
        expect(info.provider).to.equal(provider);
        expect(info.title.length && info.definition.length && info.advice.length, `${provider} ${code}`).to.be.greaterThan(0);
      }
    }
    expect(Object.keys(SMS_ERROR_CODES.bandwidth)).to.have.length(BANDWIDTH.length);
    expect(Object.keys(SMS_ERROR_CODES.twilio)).to.have.length(TWILIO.length);
  });

  it('uses the deck definitions for its five errors', () => {
    expect(classifySmsError('bandwidth', 4406).title).to.equal('Rejected - unallocated number');
    expect(classifySmsError('bandwidth', 4406).definition).to.contain('not available for public use in North America');
    expect(classifySmsError('bandwidth', 4720).definition).to.contain('prepaid account');
    expect(classifySmsError('bandwidth', 4750).definition).to.contain('does not have text messaging enabled');
    expect(classifySmsError('bandwidth', 5650).definition).to.contain('General delivery failure');
    expect(classifySmsError('bandwidth', '9902')).to.include({ category: 'receipt-expired', title: 'Delivery receipt expired' });
  });

  it('titles the deck errors with the deck names', () => {
    const titles = [4406, 4720, 4750, 5650, 9902].map((code) => classifySmsError('bandwidth', code).title);
    expect(titles).to.deep.equal([
      'Rejected - unallocated number',
      'Invalid destination address',
      'Destination rejected message',
      'Destination failed',
      'Delivery receipt expired',
    ]);
    expect(classifySmsError('bandwidth', 4720).definition).to.contain('deactivated');
    expect(classifySmsError('bandwidth', 4720).definition).to.contain('moving to another carrier');
    expect(classifySmsError('bandwidth', 9902).definition).to.contain('timed out');
  });

  it('maps carrier filtering to one category with the deck advice', () => {
    for (const [provider, code] of [['twilio', 30007], ['bandwidth', 4470], ['bandwidth', 4770]] as const) {
      const info = classifySmsError(provider, code);
      expect(info.category).to.equal('carrier-filtered');
      expect(info.advice).to.equal(CARRIER_FILTERING_ADVICE);
    }
    expect(CARRIER_FILTERING_ADVICE).to.contain('Update your templates');
  });

  it('says retry later for the temporary causes of 4720 and correct the number only for a deactivated one', () => {
    const info = classifySmsError('bandwidth', 4720);
    // Two of its three causes (no prepaid funds, moving carrier) leave a valid number that cannot be reached for now.
    expect(info.category).to.equal('landline-or-unreachable');
    expect(info.advice).to.match(/^Retry later: a prepaid account without funds, or a number moving to another carrier/);
    expect(info.advice).to.contain('Only if the number has been deactivated');
    expect(info.advice).to.contain('correct the number');
    expect(info.advice.indexOf('Retry later')).to.be.lessThan(info.advice.indexOf('correct the number'));
  });

  it('does not call the valid but unallocated number of 4406 an invalid number', () => {
    const info = classifySmsError('bandwidth', 4406);
    expect(info.category).to.equal('landline-or-unreachable');
    expect(info.definition).to.contain('This number is valid');
    expect(info.advice).to.contain('No carrier serves this number');
  });

  it('classifies the Twilio A2P 10DLC codes, quoting Twilio\'s own definition and page', () => {
    expect(classifySmsError('twilio', 30017)).to.include({
      category: 'carrier-failure',
      title: 'Carrier network congestion',
      source: 'https://www.twilio.com/docs/api/errors/30017',
    });
    expect(classifySmsError('twilio', 30017).providerDefinition).to.contain('experiencing high MMS traffic');
    expect(classifySmsError('twilio', 30022)).to.include({ category: 'volume-limited', source: 'https://www.twilio.com/docs/api/errors/30022' });
    expect(classifySmsError('twilio', 30022).providerDefinition).to.contain('exceeded the rate allowed for your registered campaign');
    expect(classifySmsError('twilio', 30024)).to.include({
      category: 'carrier-filtered',
      providerDefinition: 'The Numeric Sender ID is not currently provisioned with the carrier.',
    });
    // The daily caps: a volume limit that passes by itself the next day, not a bad number or filtering.
    for (const code of [30023, 30027]) {
      const cap = classifySmsError('twilio', code);
      expect(cap.category, String(code)).to.equal('volume-limited');
      expect(cap.advice, String(code)).to.contain('Resend tomorrow');
      expect(cap.providerDefinition, String(code)).to.equal(undefined);
    }
    expect(classifySmsError('twilio', 30027).title).to.equal('T-Mobile daily limit reached');
    expect(classifySmsError('twilio', 30007)).to.include({
      providerDefinition: 'Your message was filtered (blocked) by Twilio or by the carrier.',
      source: 'https://www.twilio.com/docs/api/errors/30007',
    });
    // Every quoted definition names its page on the provider's site, and the plain-language text is not the quote.
    for (const [provider, table] of Object.entries(SMS_ERROR_CODES)) {
      for (const [code, rule] of Object.entries(table as Record<string, { definition: string; providerDefinition?: string; source?: string }>)) {
        if (!rule.providerDefinition) continue;
        expect(rule.source, `${provider} ${code}`).to.equal(`https://www.twilio.com/docs/api/errors/${code}`);
        expect(rule.definition).to.not.equal(rule.providerDefinition);
      }
    }
  });

  it('spot-checks the taxonomy and billable flags', () => {
    expect(classifySmsError('twilio', 21610)).to.include({ category: 'opted-out', billable: false });
    expect(classifySmsError('twilio', 30006).category).to.equal('landline-or-unreachable');
    expect(classifySmsError('twilio', 21211).category).to.equal('invalid-number');
    expect(classifySmsError('bandwidth', 4781).category).to.equal('volume-limited');
    expect(classifySmsError('bandwidth', 4775).category).to.equal('opted-out');
    expect(classifySmsError('bandwidth', 4406).billable).to.equal(false);
    expect(classifySmsError('bandwidth', 4770).billable).to.equal(true);
    // A Twilio code is not a Bandwidth code.
    expect(classifySmsError('bandwidth', 30007).category).to.equal('unknown');
  });

  it('keeps unknown codes raw and never throws', () => {
    expect(classifySmsError('twilio', 'X-17')).to.include({ category: 'unknown', code: 'X-17' });
    expect(classifySmsError('bandwidth', 1234).title).to.equal('Error 1234');
    expect(classifySmsError('twilio', null)).to.include({ category: 'unknown', code: '' });
    expect(classifySmsError('twilio', undefined).category).to.equal('unknown');
    expect(classifySmsError('sinch' as SmsProvider, 30007)).to.include({ category: 'unknown', code: '30007' });
    expect(classifySmsError('twilio', 'constructor').category).to.equal('unknown');
  });
});

describe('previousPeriod', () => {
  it('compares whole calendar months with as many whole months just before', () => {
    // April 1–30 against all of March, not March 1–30.
    expect(previousPeriod({ from: '2026-04-01', to: '2026-04-30' })).to.deep.equal({ from: '2026-03-01', to: '2026-03-31' });
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2028-03-01', to: '2028-03-31' })).to.deep.equal({ from: '2028-02-01', to: '2028-02-29' });
    expect(previousPeriod({ from: '2026-02-01', to: '2026-02-28' })).to.deep.equal({ from: '2026-01-01', to: '2026-01-31' });
    // Two months against the two before, across a year's end.
    expect(previousPeriod({ from: '2026-01-01', to: '2026-02-28' })).to.deep.equal({ from: '2025-11-01', to: '2025-12-31' });
    expect(previousPeriod({ from: '2026-12-01', to: '2027-01-31' })).to.deep.equal({ from: '2026-10-01', to: '2026-11-30' });
    // A whole year against the year before.
    expect(previousPeriod({ from: '2026-01-01', to: '2026-12-31' })).to.deep.equal({ from: '2025-01-01', to: '2025-12-31' });
    expect(previousPeriodDetail({ from: '2026-04-01', to: '2026-04-30' })).to.deep.equal({ from: '2026-03-01', to: '2026-03-31', basis: 'months', clamped: false });
  });

  it('compares any other range with the same days one month earlier', () => {
    expect(previousPeriod({ from: '2026-01-15', to: '2026-01-20' })).to.deep.equal({ from: '2025-12-15', to: '2025-12-20' });
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-20' })).to.deep.equal({ from: '2026-02-10', to: '2026-02-20' });
    // February 1–28 of a leap year is not the whole month: January 1–28.
    expect(previousPeriod({ from: '2028-02-01', to: '2028-02-28' })).to.deep.equal({ from: '2028-01-01', to: '2028-01-28' });
    // Ending on a month end but not starting on a 1st: the same days.
    expect(previousPeriod({ from: '2026-04-02', to: '2026-04-30' })).to.deep.equal({ from: '2026-03-02', to: '2026-03-30' });
    expect(previousPeriodDetail({ from: '2026-03-10', to: '2026-03-20' })).to.deep.equal({ from: '2026-02-10', to: '2026-02-20', basis: 'days', clamped: false });
  });

  it('says when days of the range do not exist a month earlier, and what was compared instead', () => {
    // March 29–31, 2026: February has 28 days, so all three fall on February 28.
    expect(previousPeriodDetail({ from: '2026-03-29', to: '2026-03-31' })).to.deep.equal({ from: '2026-02-28', to: '2026-02-28', basis: 'days', clamped: true });
    // In a leap year they fall on February 29.
    expect(previousPeriodDetail({ from: '2024-03-30', to: '2024-03-31' })).to.deep.equal({ from: '2024-02-29', to: '2024-02-29', basis: 'days', clamped: true });
    // Only the start is clamped: May 31 is April 30.
    expect(previousPeriodDetail({ from: '2026-05-31', to: '2026-06-30' })).to.deep.equal({ from: '2026-04-30', to: '2026-05-30', basis: 'days', clamped: true });
    // March 28 exists in February: not clamped.
    expect(previousPeriodDetail({ from: '2026-03-28', to: '2026-03-28' }).clamped).to.equal(false);
  });

  it('clamps every single day at a month end, leap years included', () => {
    const cases: [string, string, boolean][] = [
      ['2026-03-31', '2026-02-28', true],
      ['2028-03-31', '2028-02-29', true],
      ['2026-05-31', '2026-04-30', true],
      ['2026-07-31', '2026-06-30', true],
      ['2026-10-31', '2026-09-30', true],
      ['2026-12-31', '2026-11-30', true],
      ['2026-01-31', '2025-12-31', false],
      ['2026-02-28', '2026-01-28', false],
      ['2026-04-30', '2026-03-30', false],
    ];
    for (const [day, before, clamped] of cases) {
      expect(previousPeriodDetail({ from: day, to: day }), day).to.deep.equal({ from: before, to: before, basis: 'days', clamped });
    }
  });

  it('rejects an invalid range with a specific error', () => {
    let error: unknown;
    try {
      previousPeriod({ from: '2026-02-30', to: '2026-03-01' });
    } catch (e) {
      error = e;
    }
    expect(isAdapterError(error)).to.equal(true);
    expect((error as Error).message).to.contain('"from"');
  });
});

describe('filterSms', () => {
  const lateEvening = sms({ sentAt: '2026-03-02T03:00:00.000Z' }); // Mar 1, 21:00 in Chicago
  const inbound = sms({ direction: 'inbound', status: 'received', body: 'Is my TRUCK done?', employeeId: 'e2', employeeName: 'Bo Park' });
  const filtered = sms({ status: 'undelivered', errorCode: '30007', customerId: 'c2', customerName: 'Jo Diaz', to: '+17735550123' });
  const landline = sms({ provider: 'bandwidth', status: 'failed', errorCode: '4720', sentAt: '2026-03-31T23:30:00.000Z' });
  const all = [lateEvening, inbound, filtered, landline];
  const march = { from: '2026-03-01', to: '2026-03-31' };

  it('takes calendar days in the zone', () => {
    expect(filterSms(all, { from: '2026-03-01', to: '2026-03-01' }, 'America/Chicago')).to.deep.equal([lateEvening]);
    expect(filterSms(all, { from: '2026-03-01', to: '2026-03-01' }, 'UTC')).to.deep.equal([]);
    expect(filterSms(all, { from: '2026-03-02', to: '2026-03-02' })).to.deep.equal([lateEvening]);
    // 23:30 UTC on Mar 31 is still Mar 31 in Chicago and in UTC; Apr 1 in Berlin.
    expect(filterSms(all, march, 'Europe/Berlin')).to.not.include(landline);
    expect(filterSms(all, march, 'America/Chicago')).to.have.length(4);
  });

  it('applies every non-date filter', () => {
    expect(filterSms(all, { ...march, direction: 'inbound' })).to.deep.equal([inbound]);
    expect(filterSms(all, { ...march, status: 'failed' })).to.deep.equal([landline]);
    expect(filterSms(all, { ...march, errorCategory: 'carrier-filtered' })).to.deep.equal([filtered]);
    expect(filterSms(all, { ...march, errorCategory: 'landline-or-unreachable' })).to.deep.equal([landline]);
    expect(filterSms(all, { ...march, errorCategory: 'invalid-number' })).to.deep.equal([]);
    expect(filterSms(all, { ...march, employeeId: 'e2' })).to.deep.equal([inbound]);
    expect(filterSms(all, { ...march, customerId: 'c2' })).to.deep.equal([filtered]);
    expect(filterSms(all, { ...march, text: 'truck' })).to.deep.equal([inbound]);
    expect(filterSms(all, { ...march, text: 'jo d' })).to.deep.equal([filtered]);
    expect(filterSms(all, { ...march, text: '773555' })).to.deep.equal([filtered]);
    expect(filterSms(all, { ...march, text: 'BO PARK', direction: 'outbound' })).to.deep.equal([]);
  });

  it('filters by one provider error code, as sent or trimmed', () => {
    expect(filterSms(all, { ...march, errorCode: '30007' })).to.deep.equal([filtered]);
    expect(filterSms(all, { ...march, errorCode: ' 4720 ' })).to.deep.equal([landline]);
    expect(filterSms(all, { ...march, errorCode: '30006' })).to.deep.equal([]);
    expect(filterSms(all, { ...march, errorCode: '' })).to.have.length(4);
    expect(filterSms(all, { ...march, errorCode: '30007', errorCategory: 'invalid-number' })).to.deep.equal([]);
  });
});

describe('summarizePeriod', () => {
  it('counts a hand-computed fixture, every day of the range', () => {
    const messages = [
      sms({ sentAt: '2026-03-01T12:00:00Z' }),
      sms({ sentAt: '2026-03-01T13:00:00Z', status: 'undelivered', errorCode: '30007' }),
      sms({ sentAt: '2026-03-03T09:00:00Z', direction: 'inbound', status: 'received' }),
      sms({ sentAt: '2026-03-03T10:00:00Z', status: 'failed', errorCode: '30006' }),
      sms({ sentAt: '2026-03-03T11:00:00Z', status: 'sent' }),
      sms({ sentAt: '2026-03-03T12:00:00Z', status: 'failed', errorCode: '99999' }),
      sms({ sentAt: '2026-03-05T12:00:00Z' }), // outside the range: ignored
    ];
    const summary = summarizePeriod(messages, { from: '2026-03-01', to: '2026-03-04' });
    expect(summary).to.deep.include({ inbound: 1, outbound: 5, delivered: 1, failed: 3 });
    expect(summary.deliveryRate).to.equal(1 / 4);
    expect(summary.errorsByCategory).to.deep.equal({ 'carrier-filtered': 1, 'landline-or-unreachable': 1, unknown: 1 });
    expect(summary.perDay).to.deep.equal([
      // 30007 is carrier filtering (filtered); 30006 is not; 'sent' is neither delivered nor failed.
      { date: '2026-03-01', inbound: 0, outbound: 2, delivered: 1, failed: 1, filtered: 1 },
      { date: '2026-03-02', inbound: 0, outbound: 0, delivered: 0, failed: 0, filtered: 0 },
      { date: '2026-03-03', inbound: 1, outbound: 3, delivered: 0, failed: 2, filtered: 0 },
      { date: '2026-03-04', inbound: 0, outbound: 0, delivered: 0, failed: 0, filtered: 0 },
    ]);
  });

  it('buckets days in the zone across a DST change and has no rate without outbound', () => {
    const messages = [
      sms({ sentAt: '2026-03-08T05:59:00Z', direction: 'inbound', status: 'received' }), // Mar 7 23:59 CST
      sms({ sentAt: '2026-03-09T04:59:00Z', direction: 'inbound', status: 'received' }), // Mar 8 23:59 CDT
      sms({ sentAt: '2026-03-09T05:00:00Z', direction: 'inbound', status: 'received' }), // Mar 9 00:00 CDT
    ];
    const summary = summarizePeriod(messages, { from: '2026-03-07', to: '2026-03-09' }, 'America/Chicago');
    expect(summary.perDay.map((d) => d.inbound)).to.deep.equal([1, 1, 1]);
    expect(summary.deliveryRate).to.equal(null);
  });
});

describe('detectCarrierBlocking', () => {
  const batch = (from: string, sent: number, filtered: number, code = '30007', provider: SmsProvider = 'twilio') =>
    Array.from({ length: sent }, (_, i) =>
      i < filtered ? sms({ from, provider, status: 'undelivered', errorCode: code }) : sms({ from, provider }),
    );

  it('flags a number whose filtered share doubled to at least 5% over enough texts', () => {
    const current = [
      ...batch('+1A', 40, 4), // 10% now
      ...batch('+1B', 40, 4), // 10% now, 10% before: no rise
      ...batch('+1C', BLOCKING_MIN_SENT - 1, 10), // too few texts
      ...batch('+1D', 30, 1), // 3.3%: under 5%
      ...batch('+1E', 20, 6, '4770', 'bandwidth'), // new number, 30%
      ...batch('+1F', 20, 5, '30006'), // failures, but not filtering
    ];
    const previous = [...batch('+1A', 20, 1), ...batch('+1B', 20, 2)];
    const flags = detectCarrierBlocking(current, previous);
    expect(flags).to.deep.equal([
      { number: '+1E', share: 0.3, previousShare: 0, filtered: 6, sent: 20 },
      { number: '+1A', share: 0.1, previousShare: 0.05, filtered: 4, sent: 40 },
    ]);
  });

  it('carries the deck advice: vary the templates', () => {
    expect(CARRIER_BLOCKING_ADVICE).to.equal(CARRIER_FILTERING_ADVICE);
    expect(CARRIER_BLOCKING_ADVICE).to.contain('type a different message to each customer');
  });

  it('ignores inbound texts', () => {
    const inbound = Array.from({ length: 30 }, () => sms({ from: '+1X', direction: 'inbound', status: 'failed', errorCode: '30007' }));
    expect(detectCarrierBlocking(inbound, [])).to.deep.equal([]);
  });
});

describe('summarizeSms', () => {
  it('summarizes the range and the same range a month earlier under the same filters', () => {
    const messages = [
      sms({ sentAt: '2026-03-31T12:00:00Z' }),
      sms({ sentAt: '2026-03-31T13:00:00Z', employeeId: 'e2' }),
      sms({ sentAt: '2026-02-28T12:00:00Z' }),
      sms({ sentAt: '2026-02-28T13:00:00Z', status: 'failed', errorCode: '30003' }),
      sms({ sentAt: '2026-02-28T14:00:00Z', employeeId: 'e2' }),
      sms({ sentAt: '2026-02-27T12:00:00Z' }),
    ];
    const summary = summarizeSms(messages, { from: '2026-03-30', to: '2026-03-31', employeeId: 'e1' });
    expect(summary.current.range).to.deep.equal({ from: '2026-03-30', to: '2026-03-31' });
    expect(summary.previous.range).to.deep.equal({ from: '2026-02-28', to: '2026-02-28' });
    expect([summary.current.outbound, summary.current.delivered, summary.current.failed]).to.deep.equal([1, 1, 0]);
    expect([summary.previous.outbound, summary.previous.delivered, summary.previous.failed]).to.deep.equal([2, 1, 1]);
    expect(summary.previous.perDay).to.have.length(1);
    expect(summary.blocking).to.deep.equal([]);
    expect(compareToPrevious(summary.current.deliveryRate, summary.previous.deliveryRate)).to.deep.equal({
      direction: 'up',
      difference: 0.5,
      ratio: 1,
    });
  });

  it('gives every arrow of a hand-computed fixture', () => {
    // March 10-11 against February 10-11, in Chicago.
    const now = [
      sms({ sentAt: '2026-03-10T15:00:00Z' }),
      sms({ sentAt: '2026-03-10T16:00:00Z' }),
      sms({ sentAt: '2026-03-10T17:00:00Z' }),
      sms({ sentAt: '2026-03-11T15:00:00Z', status: 'failed', errorCode: '30003' }),
      sms({ sentAt: '2026-03-11T16:00:00Z', direction: 'inbound', status: 'received' }),
      sms({ sentAt: '2026-03-12T04:59:00Z', direction: 'inbound', status: 'received' }), // Mar 11, 23:59 CDT
    ];
    const before = [
      sms({ sentAt: '2026-02-10T15:00:00Z' }),
      sms({ sentAt: '2026-02-10T16:00:00Z', status: 'undelivered', errorCode: '30007' }),
      sms({ sentAt: '2026-02-11T15:00:00Z', status: 'failed', errorCode: '30006' }),
      sms({ sentAt: '2026-02-11T16:00:00Z', status: 'sent' }),
      sms({ sentAt: '2026-02-11T17:00:00Z', direction: 'inbound', status: 'received' }),
      sms({ sentAt: '2026-02-11T18:00:00Z', direction: 'inbound', status: 'received' }),
      sms({ sentAt: '2026-02-11T19:00:00Z', direction: 'inbound', status: 'received' }),
      sms({ sentAt: '2026-02-12T06:00:00Z', direction: 'inbound', status: 'received' }), // Feb 12, 00:00 CST: outside
    ];
    const summary = summarizeSms([...before, ...now], { from: '2026-03-10', to: '2026-03-11' }, 'America/Chicago');
    const arrow = (key: 'inbound' | 'outbound' | 'delivered' | 'failed' | 'deliveryRate') =>
      compareToPrevious(summary.current[key], summary.previous[key]);
    // now: in 2, out 4, delivered 3, failed 1, rate 3/4; before: in 3, out 4, delivered 1, failed 2, rate 1/3.
    expect(arrow('inbound')).to.deep.equal({ direction: 'down', difference: -1, ratio: -1 / 3 });
    expect(arrow('outbound')).to.deep.equal({ direction: 'same', difference: 0, ratio: 0 });
    expect(arrow('delivered')).to.deep.equal({ direction: 'up', difference: 2, ratio: 2 });
    expect(arrow('failed')).to.deep.equal({ direction: 'down', difference: -1, ratio: -0.5 });
    const rate = arrow('deliveryRate');
    expect(rate.direction).to.equal('up');
    expect(rate.difference).to.be.closeTo(3 / 4 - 1 / 3, 1e-12);
    expect(rate.ratio).to.be.closeTo((3 / 4 - 1 / 3) / (1 / 3), 1e-12);
    expect(summary.current.errorsByCategory).to.deep.equal({ 'landline-or-unreachable': 1 });
    expect(summary.previous.errorsByCategory).to.deep.equal({ 'carrier-filtered': 1, 'landline-or-unreachable': 1 });
    expect(summary.previous.perDay.map((d) => [d.date, d.inbound, d.outbound, d.delivered, d.failed, d.filtered])).to.deep.equal([
      ['2026-02-10', 0, 2, 1, 1, 1],
      ['2026-02-11', 3, 2, 0, 1, 0],
    ]);
  });

  it('reports carrier blocking against last month', () => {
    const now = Array.from({ length: 25 }, (_, i) =>
      sms({ sentAt: '2026-03-10T12:00:00Z', status: i < 5 ? 'undelivered' : 'delivered', errorCode: i < 5 ? '30007' : null }),
    );
    const before = Array.from({ length: 25 }, () => sms({ sentAt: '2026-02-10T12:00:00Z' }));
    const summary = summarizeSms([...now, ...before], { from: '2026-03-01', to: '2026-03-31' });
    expect(summary.blocking).to.deep.equal([{ number: '+13125550100', share: 0.2, previousShare: 0, filtered: 5, sent: 25 }]);
    expect(summary.current.errorsByCategory).to.deep.equal({ 'carrier-filtered': 5 });
    expect(compareToPrevious(0, 0).direction).to.equal('same');
    expect(compareToPrevious(3, 0)).to.deep.equal({ direction: 'up', difference: 3, ratio: null });
  });
});

describe('smsTrend', () => {
  const day = (date: string, outbound: number, filtered = 0) => ({ date, inbound: 1, outbound, delivered: outbound - filtered, failed: filtered, filtered });
  const period = (from: string, to: string, perDay: ReturnType<typeof day>[]) => ({
    range: { from, to },
    inbound: 0,
    outbound: 0,
    delivered: 0,
    failed: 0,
    deliveryRate: null,
    errorsByCategory: {},
    perDay,
  });
  const flag = { number: '+13125550100', share: 0.2, previousShare: 0, filtered: 5, sent: 25 };

  it('puts the previous period’s days on this period’s axis, day for day', () => {
    const summary = {
      current: period('2026-03-01', '2026-03-03', [day('2026-03-01', 2), day('2026-03-02', 4, 1), day('2026-03-03', 0)]),
      previous: period('2026-02-01', '2026-02-03', [day('2026-02-01', 5), day('2026-02-02', 6), day('2026-02-03', 7, 2)]),
      blocking: [],
    };
    const trend = smsTrend(summary);
    expect(trend.current.map((d) => [d.date, d.x, d.outbound])).to.deep.equal([
      ['2026-03-01', Date.UTC(2026, 2, 1), 2],
      ['2026-03-02', Date.UTC(2026, 2, 2), 4],
      ['2026-03-03', Date.UTC(2026, 2, 3), 0],
    ]);
    // Feb 1 is drawn over Mar 1, and keeps its own date and figures.
    expect(trend.previous.map((d) => [d.date, d.x, d.outbound, d.failed])).to.deep.equal([
      ['2026-02-01', Date.UTC(2026, 2, 1), 5, 0],
      ['2026-02-02', Date.UTC(2026, 2, 2), 6, 0],
      ['2026-02-03', Date.UTC(2026, 2, 3), 7, 2],
    ]);
    // No blocking flag: no day is marked, though carriers filtered a text on Mar 2.
    expect(trend.blockedDays).to.deep.equal([]);
  });

  it('marks the days carriers filtered texts when the summary flags blocking, and leaves off previous days past the axis', () => {
    // Feb 28–Mar 1 against Jan 28–Feb 1: five days then, two now.
    const summary = {
      current: period('2026-02-28', '2026-03-01', [day('2026-02-28', 3, 2), day('2026-03-01', 4)]),
      previous: period('2026-01-28', '2026-02-01', ['2026-01-28', '2026-01-29', '2026-01-30', '2026-01-31', '2026-02-01'].map((d) => day(d, 1))),
      blocking: [flag],
    };
    const trend = smsTrend(summary);
    expect(trend.blockedDays).to.deep.equal(['2026-02-28']);
    expect(trend.previous.map((d) => [d.date, d.x])).to.deep.equal([
      ['2026-01-28', Date.UTC(2026, 1, 28)],
      ['2026-01-29', Date.UTC(2026, 2, 1)],
    ]);
    // Calendar days, not zone days: every step is 24 hours, across the March DST change too.
    expect(trend.current[1]!.x - trend.current[0]!.x).to.equal(86_400_000);
  });
});
