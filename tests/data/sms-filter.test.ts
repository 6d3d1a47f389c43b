import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../seed.js';
import { decodeSmsFilter, encodeSmsFilter } from '../../src/data/logic/sms-filter.js';
import { SMS_DIRECTIONS, SMS_ERROR_CATEGORIES, SMS_STATUSES } from '../../src/data/model.js';
import type { SmsFilter } from '../../src/data/model.js';

const TODAY = '2026-11-23';
const NOVEMBER = { from: '2026-11-01', to: '2026-11-30' };

describe('encodeSmsFilter', () => {
  it('writes the keys in a stable order, percent-encoded, leaving out empty parts', () => {
    const text = encodeSmsFilter({
      text: 'oil change & tires',
      direction: 'outbound',
      to: '2026-11-30',
      from: '2026-11-01',
      status: undefined,
      employeeId: '',
    });
    expect(text).to.equal('from=2026-11-01&to=2026-11-30&direction=outbound&text=oil%20change%20%26%20tires');
  });

  it('writes every field of the filter', () => {
    const text = encodeSmsFilter({
      ...NOVEMBER,
      direction: 'inbound',
      status: 'failed',
      errorCategory: 'carrier-filtered',
      errorCode: '4470',
      employeeId: 'emp-1',
      customerId: 'c/7?x',
      text: 'hi',
    });
    expect(text).to.equal(
      'from=2026-11-01&to=2026-11-30&direction=inbound&status=failed&errorCategory=carrier-filtered&errorCode=4470&employeeId=emp-1&customerId=c%2F7%3Fx&text=hi',
    );
    expect(/^[A-Za-z0-9%&=._~-]*$/.test(text), 'URL-safe').to.equal(true);
  });
});

describe('decodeSmsFilter', () => {
  it('gives the month of today for an empty string', () => {
    expect(decodeSmsFilter('', TODAY)).to.deep.equal(NOVEMBER);
    expect(decodeSmsFilter('', '2026-02-10')).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('reads what encodeSmsFilter wrote, with or without a leading ?', () => {
    const filter: SmsFilter = { from: '2026-03-01', to: '2026-03-31', errorCategory: 'opted-out', text: 'a=b&c' };
    expect(decodeSmsFilter(encodeSmsFilter(filter), TODAY)).to.deep.equal(filter);
    expect(decodeSmsFilter(`?${encodeSmsFilter(filter)}`, TODAY)).to.deep.equal(filter);
  });

  it('reads + as a space (a form-encoded URL)', () => {
    expect(decodeSmsFilter('text=oil+change', TODAY).text).to.equal('oil change');
  });

  it('drops values outside their lists, unknown keys and malformed escapes, and never throws', () => {
    expect(decodeSmsFilter('direction=sideways&status=lost&errorCategory=bad&colour=red&text=%E0%A4%A', TODAY)).to.deep.equal(NOVEMBER);
    expect(decodeSmsFilter('&&=&direction&%zz=1', TODAY)).to.deep.equal(NOVEMBER);
  });

  it('falls back for a bad date: the other end’s month, or this month when the range is reversed', () => {
    expect(decodeSmsFilter('from=2026-02-30&to=2026-03-10', TODAY)).to.deep.equal({ from: '2026-03-01', to: '2026-03-10' });
    expect(decodeSmsFilter('from=2026-03-05', TODAY)).to.deep.equal({ from: '2026-03-05', to: '2026-03-31' });
    expect(decodeSmsFilter('from=2026-03-20&to=2026-03-10', TODAY)).to.deep.equal(NOVEMBER);
    expect(decodeSmsFilter('from=yesterday&to=tomorrow', TODAY)).to.deep.equal(NOVEMBER);
  });

  it('keeps the first of a repeated key', () => {
    expect(decodeSmsFilter('direction=inbound&direction=outbound', TODAY).direction).to.equal('inbound');
  });

  it('drops ids with control characters and cuts a very long search', () => {
    const filter = decodeSmsFilter(`customerId=a%0Ab&text=${'x'.repeat(500)}`, TODAY);
    expect(filter.customerId).to.equal(undefined);
    expect(filter.text?.length).to.equal(200);
  });

  it('round-trips any valid filter (property)', () => {
    const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const id = fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() === s && s.length > 0 && !/[\u0000-\u001f\u007f]/.test(s));
    const filter = fc.record(
      {
        range: fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a })),
        direction: fc.constantFrom(...SMS_DIRECTIONS),
        status: fc.constantFrom(...SMS_STATUSES),
        errorCategory: fc.constantFrom(...SMS_ERROR_CATEGORIES),
        errorCode: id,
        employeeId: id,
        customerId: id,
        text: fc.string({ minLength: 1, maxLength: 50 }).filter((s) => s.trim().length > 0),
      },
      { requiredKeys: ['range'] },
    );
    fc.assert(
      fc.property(filter, ({ range, ...rest }) => {
        const value: SmsFilter = { ...range, ...rest };
        expect(decodeSmsFilter(encodeSmsFilter(value), TODAY)).to.deep.equal(value);
      }),
    );
  });

  it('never throws on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const filter = decodeSmsFilter(text, TODAY);
        expect(filter.from <= filter.to).to.equal(true);
      }),
    );
  });
});
