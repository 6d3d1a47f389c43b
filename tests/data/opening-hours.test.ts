import { expect } from '@open-wc/testing';
import { openingHourSpan } from '../../src/data/logic/opening-hours.js';

describe('openingHourSpan', () => {
  it('spans the earliest opening and the last open hour of any weekday', () => {
    expect(openingHourSpan({ mon: [['08:00', '19:00']], sat: [['09:00', '17:00']] })).to.deep.equal({ first: 8, last: 18 });
    expect(openingHourSpan({ tue: [['07:30', '12:00'], ['13:00', '18:30']] })).to.deep.equal({ first: 7, last: 18 });
    expect(openingHourSpan({ wed: [['10:00', '24:00']] })).to.deep.equal({ first: 10, last: 23 });
  });

  it('opens from midnight when an interval runs past it', () => {
    expect(openingHourSpan({ fri: [['20:00', '02:00']] })).to.deep.equal({ first: 0, last: 23 });
  });

  it('is null for a calendar closed every day, and skips intervals that are not times', () => {
    expect(openingHourSpan({})).to.equal(null);
    expect(openingHourSpan(null)).to.equal(null);
    expect(openingHourSpan({ mon: [] })).to.equal(null);
    expect(openingHourSpan({ mon: [['8am', '5pm']], tue: [['09:00', '17:00']] } as never)).to.deep.equal({ first: 9, last: 16 });
  });
});
