import { expect } from '@open-wc/testing';
import { makeFormats } from '../../src/components/shared/formats.js';

describe('makeFormats', () => {
  it('formats numbers, money and days for a locale, and gives the same set back for the same inputs', () => {
    const en = makeFormats('en', { currency: 'USD' });
    expect(en).to.equal(makeFormats('en', { currency: 'USD' }));
    expect(en.count.format(1234)).to.equal('1,234');
    expect(en.percent.format(0.125)).to.equal('12.5%');
    expect(en.percentFixed.format(0.12)).to.equal('12.0%');
    expect(en.percentWhole.format(0.126)).to.equal('13%');
    expect(en.money.format(1234.5)).to.equal('$1,234.50');
    expect(en.amount.format(1234.5)).to.equal('1,234.50');
    expect(en.decimalSeparator).to.equal('.');
    expect(en.date.format(new Date('2026-03-01T00:00:00Z'))).to.equal('Mar 1, 2026');
    expect(en.day.format(new Date('2026-03-01T00:00:00Z'))).to.equal('Mar 1');
    expect(en.month.format(new Date('2026-03-01T00:00:00Z'))).to.equal('March 2026');
    expect(makeFormats('es').decimalSeparator).to.equal(',');
  });

  it('shows instants in the zone, and falls back to UTC and USD for unknown ones', () => {
    const chicago = makeFormats('en', { zone: 'America/Chicago' });
    expect(chicago.instant.format(Date.parse('2026-11-03T22:05:00Z'))).to.equal('Nov 3, 2026, 4:05 PM CST');
    const bad = makeFormats('en', { zone: 'Mars/Olympus', currency: 'XXXX' });
    expect(bad.zone).to.equal('UTC');
    expect(bad.money.format(1)).to.equal('$1.00');
  });
});
