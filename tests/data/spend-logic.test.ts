import { expect } from '@open-wc/testing';
import type { MarketingSpend, PosSource, SourceCategory } from '../../src/data/model.js';
import {
  monthOf,
  monthsOfRange,
  parseMoney,
  spendCellKey,
  spendEditorRows,
  spendVersionAfter,
} from '../../src/data/logic/spend.js';
import { rangeProblem } from '../../src/data/logic/calendar.js';

describe('parseMoney', () => {
  const cents = (text: string, decimal?: '.' | ',') => {
    const r = parseMoney(text, { decimal });
    return r.ok ? r.cents : r.problem;
  };

  it('parses dollars with grouping, decimals and currency signs to exact cents', () => {
    expect(cents('1,250.50')).to.equal(125050);
    expect(cents('1250.5')).to.equal(125050);
    expect(cents('$ 99')).to.equal(9900);
    expect(cents('US$1,000,000')).to.equal(100000000);
    expect(cents('0.07')).to.equal(7);
    expect(cents('.5')).to.equal(50);
    expect(cents('5.')).to.equal(500);
    expect(cents('  12.10 ')).to.equal(1210);
    expect(cents('12.300')).to.equal(1230);
    expect(cents('0')).to.equal(0);
    // 0.1 + 0.2 style float errors must not appear.
    expect(cents('1234567.89')).to.equal(123456789);
    expect(cents('19.99')).to.equal(1999);
  });

  it('reads a comma decimal locale', () => {
    expect(cents('1.250,50', ',')).to.equal(125050);
    expect(cents('1250,5', ',')).to.equal(125050);
    expect(cents('1,250.50', ',')).to.equal('invalid');
  });

  it('names what is wrong with text it refuses', () => {
    expect(cents('')).to.equal('empty');
    expect(cents('  $ ')).to.equal('empty');
    expect(cents('-5')).to.equal('negative');
    expect(cents('(5.00)')).to.equal('negative');
    expect(cents('12.345')).to.equal('precision');
    expect(cents('1,25')).to.equal('invalid');
    expect(cents('12,3456')).to.equal('invalid');
    expect(cents('1.2.3')).to.equal('invalid');
    expect(cents('abc')).to.equal('invalid');
    expect(cents('1e5')).to.equal('invalid');
    expect(cents('.')).to.equal('invalid');
    expect(cents('99999999999999999999')).to.equal('too-large');
  });
});

describe('spend ranges and months', () => {
  it('gives the calendar month of a day, leap years included', () => {
    expect(monthOf('2026-02-14')).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthOf('2028-02-01')).to.deep.equal({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthOf('2026-12-31')).to.deep.equal({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthOf('2026-13-01')).to.equal(null);
    expect(monthOf('')).to.equal(null);
  });

  it('lists the months a range touches', () => {
    expect(monthsOfRange({ from: '2026-03-01', to: '2026-03-31' })).to.deep.equal(['2026-03']);
    expect(monthsOfRange({ from: '2025-11-20', to: '2026-02-02' })).to.deep.equal(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsOfRange({ from: '2026-03-05', to: '2026-03-01' })).to.deep.equal([]);
  });

  it('says which end of a typed range is wrong', () => {
    expect(rangeProblem({ from: '2026-03-01', to: '2026-03-31' })).to.equal(null);
    expect(rangeProblem({ from: '2026-03-01', to: '2026-03-01' })).to.equal(null);
    expect(rangeProblem({ from: '', to: '2026-03-31' })).to.equal('from');
    expect(rangeProblem({ from: '2026-02-30', to: '2026-03-31' })).to.equal('from');
    expect(rangeProblem({ from: '2026-03-01', to: 'soon' })).to.equal('to');
    expect(rangeProblem({ from: '2026-03-20', to: '2026-03-10' })).to.equal('reversed');
  });

  it('keys cells and predicts versions', () => {
    expect(spendCellKey('2026-03', 'internet', null)).to.equal('2026-03|internet|');
    expect(spendCellKey('2026-03', 'internet', 's1')).to.equal('2026-03|internet|s1');
    expect(spendVersionAfter(undefined)).to.equal(1);
    expect(spendVersionAfter(4)).to.equal(5);
  });
});

describe('spendEditorRows', () => {
  const cat = (id: string, name: string, order: number): SourceCategory => ({ id, name, order, builtIn: true, version: 1 });
  const src = (id: string, name: string, categoryId: string | null, deleted = false): PosSource => ({
    id,
    code: id,
    categoryId,
    name,
    origin: 'pos',
    deleted,
    customerCount: 0,
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
  });
  const spend = (month: string, categoryId: string, sourceId: string | null, amount: number, version = 1): MarketingSpend => ({
    id: `${month}-${categoryId}-${sourceId}`,
    month,
    categoryId,
    sourceId,
    amount,
    version,
  });

  it('lists each category, then its live mapped sources, with the saved amounts per month', () => {
    const rows = spendEditorRows(
      [cat('referral', 'Referral', 2), cat('internet', 'Internet', 1)],
      [src('y', 'Yelp', 'internet'), src('g', 'Google', 'internet'), src('old', 'Old', 'internet', true), src('u', 'Walk', null), src('f', 'Friend', 'referral')],
      [spend('2026-03', 'internet', null, 30000, 2), spend('2026-03', 'internet', 'g', 20000), spend('2026-05', 'internet', 'g', 1)],
      ['2026-03', '2026-04'],
    );
    expect(rows.map((r) => `${r.categoryId}/${r.sourceId ?? '-'}`)).to.deep.equal(['internet/-', 'internet/g', 'internet/y', 'referral/-', 'referral/f']);
    expect(rows[0]!.cells).to.deep.equal({ '2026-03': { amount: 30000, version: 2 }, '2026-04': { amount: 0, version: undefined } });
    expect(rows[1]!.cells['2026-03']).to.deep.equal({ amount: 20000, version: 1 });
    expect(rows[2]!.name).to.equal('Yelp');
    expect(rows.every((r) => r.code === null)).to.equal(true);
  });

  it('names the PoS code of sources whose cleaned names collide', () => {
    const rows = spendEditorRows(
      [cat('internet', 'Internet', 1)],
      [{ ...src('a', 'Facebook', 'internet'), code: 'FB' }, { ...src('b', 'Facebook', 'internet'), code: 'FACEBOOK' }, src('g', 'Google', 'internet')],
      [],
      ['2026-03'],
    );
    expect(rows.map((r) => r.code)).to.deep.equal([null, 'FB', 'FACEBOOK', null]);
  });

  it('keeps a row for spend saved under a source that has since moved or been deleted', () => {
    const rows = spendEditorRows(
      [cat('internet', 'Internet', 1)],
      [src('g', 'Google', 'referral')],
      [spend('2026-03', 'internet', 'g', 500), spend('2026-03', 'internet', 'gone', 700)],
      ['2026-03'],
    );
    expect(rows.map((r) => [r.sourceId, r.name, r.cells['2026-03']!.amount])).to.deep.equal([
      [null, 'Internet', 0],
      ['gone', 'gone', 700],
      ['g', 'Google', 500],
    ]);
  });
});
