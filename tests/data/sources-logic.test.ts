import { expect } from '@open-wc/testing';
import { isAdapterError } from '../../src/data/errors.js';
import type { Customer, MarketingSpend, PosSource, SourceCategory } from '../../src/data/model.js';
import {
  buildSourceReport,
  cleanSourceName,
  completeMapping,
  isSourceUnknown,
  mappingStatus,
  proratedSpend,
  suggestCategory,
} from '../../src/data/logic/sources.js';

const category = (id: string, name: string, order: number): SourceCategory => ({ id, name, order, builtIn: true, version: 1 });
const source = (id: string, name: string, categoryId: string | null, deleted = false): PosSource => ({
  id,
  code: name.toUpperCase(),
  categoryId,
  name,
  origin: 'pos',
  deleted,
  customerCount: 0,
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const customer = (id: string, sourceId: string | null, firstVisit: string): Customer => ({
  id,
  firstName: id,
  lastName: 'Test',
  phone: null,
  email: null,
  sourceId,
  status: 'active',
  firstVisit,
  version: 1,
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const spendRow = (id: string, month: string, categoryId: string, sourceId: string | null, amount: number): MarketingSpend => ({
  id,
  month,
  categoryId,
  sourceId,
  amount,
  version: 1,
});

describe('cleanSourceName', () => {
  it('turns messy PoS codes into readable names', () => {
    const cases: [string, string][] = [
      ['GOOG', 'Google'],
      ['Yelp!', 'Yelp'],
      ['ＹＥＬＰ', 'Yelp'],
      ['REF-FRIEND', 'Referral – Friend'],
      ['RADIO-KJZ', 'Radio – KJZ'],
      ['RADIO KWTX', 'Radio KWTX'],
      ['google ads', 'Google Ads'],
      ['DRIVEBY', 'Drive-by'],
      ['DRIVE BY', 'Drive-by'],
      ['MAILER 03/26', 'Mailer 03/26'],
      ['BILLBOARD I-35', 'Billboard I-35'],
      ['<b>WALK</b>', 'Walk'],
      ['FLEET-ACME', 'Fleet – Acme'],
      ['  ', '(blank)'],
      ['', '(blank)'],
      ['Café flyer', 'Café Flyer'],
      ['AAA', 'AAA'],
    ];
    expect(cases.map(([code]) => cleanSourceName(code))).to.deep.equal(cases.map(([, name]) => name));
  });
});

describe('suggestCategory', () => {
  it('suggests a main category from the code text', () => {
    const cases: [string, string | null][] = [
      ['GOOG', 'internet'],
      ['google ads', 'internet'],
      ['Yelp!', 'internet'],
      ['FB', 'internet'],
      ['INSTA', 'internet'],
      ['WEBSITE', 'internet'],
      ['REF-FRIEND', 'referral'],
      ['family', 'referral'],
      ['DRIVE BY', 'drive-by'],
      ['DRIVEBY', 'drive-by'],
      ['SIGN', 'drive-by'],
      ['RADIO-KJZ', 'advertising'],
      ['TV', 'advertising'],
      ['MAILER 03/26', 'advertising'],
      ['direct mail', 'advertising'],
      ['NEWSPAPER', 'advertising'],
      ['COUPON', 'advertising'],
      ['VALPAK', 'advertising'],
      ['FLEET-ACME', 'fleet'],
      ['Commercial', 'fleet'],
      ['REPEAT', 'repeat'],
      ['returning', 'repeat'],
      ['<b>WALK</b>', null],
      ['', null],
      ['FBI', null],
    ];
    expect(cases.map(([code]) => suggestCategory(code)?.categoryId ?? null)).to.deep.equal(cases.map(([, id]) => id));
  });

  it('also gives the clean subcategory name', () => {
    expect(suggestCategory('Yelp!')).to.deep.equal({ categoryId: 'internet', name: 'Yelp' });
  });
});

describe('isSourceUnknown and mappingStatus', () => {
  const sources = [source('a', 'Google', 'internet'), source('b', 'Walk', null), source('c', 'Test', 'internet', true)];
  const byId = new Map(sources.map((s) => [s.id, s]));

  it('treats none, missing, unmapped and deleted sources as unknown', () => {
    expect([null, undefined, '', 'zzz', 'b', 'c', 'a'].map((id) => isSourceUnknown(id, byId))).to.deep.equal([
      true, true, true, true, true, true, false,
    ]);
    expect(isSourceUnknown('a', Object.fromEntries(byId))).to.equal(false);
  });

  it('counts mapped sources without the deleted ones, and unknown customers', () => {
    const customers = [customer('1', 'a', '2026-01-01'), customer('2', 'b', '2026-01-01'), customer('3', null, '2026-01-01'), customer('4', 'c', '2026-01-01')];
    expect(mappingStatus(sources, customers)).to.deep.equal({ total: 2, mapped: 1, unknownCustomers: 3, customers: 4 });
  });

  it('completes the mapping to Other New Customers, leaving mapped and deleted sources alone', () => {
    const next = completeMapping(sources, '2026-11-23T10:00:00.000Z');
    expect(next.map((s) => s.categoryId)).to.deep.equal(['internet', 'other-new', 'internet']);
    expect(next[1]).to.include({ version: 2, updatedAt: '2026-11-23T10:00:00.000Z' });
    expect(next[0]).to.equal(sources[0]);
    expect(sources[1]!.categoryId, 'input untouched').to.equal(null);
  });

  it('leaves a deleted source that was never mapped unmapped', () => {
    const withDeleted = [...sources, source('d', 'Old walk-in', null, true)];
    const next = completeMapping(withDeleted, '2026-11-23T10:00:00.000Z');
    expect(next.map((s) => s.categoryId)).to.deep.equal(['internet', 'other-new', 'internet', null]);
    expect(next[3]).to.equal(withDeleted[3]);
  });
});

describe('proratedSpend', () => {
  it('pro-rates by days covered and rounds half up to the cent', () => {
    expect(proratedSpend(31_000, '2026-03', { from: '2026-03-17', to: '2026-04-15' })).to.equal(15_000);
    expect(proratedSpend(1, '2026-04', { from: '2026-04-16', to: '2026-05-31' })).to.equal(1); // 0.5 → 1
    expect(proratedSpend(10_001, '2026-03', { from: '2026-03-17', to: '2026-03-31' })).to.equal(4839); // 4839.19
    expect(proratedSpend(2_900, '2028-02', { from: '2028-02-01', to: '2028-02-01' })).to.equal(100); // leap February
    expect(proratedSpend(12_345, '2026-03', { from: '2026-01-01', to: '2026-12-31' })).to.equal(12_345);
    expect(proratedSpend(12_345, '2026-05', { from: '2026-03-01', to: '2026-04-30' })).to.equal(0);
  });
});

describe('buildSourceReport', () => {
  const categories = [category('internet', 'Internet', 1), category('referral', 'Referral', 2), category('advertising', 'Advertising', 3)];
  const sources = [
    source('g', 'Google', 'internet'),
    source('y', 'Yelp', 'internet'),
    source('r', 'Radio', 'advertising'),
    source('u', 'Walk', null),
    source('d', 'Old referral', 'referral', true),
  ];
  const customers = [
    customer('c1', 'g', '2026-03-20'),
    customer('c2', 'g', '2026-04-05'),
    customer('c3', 'y', '2026-03-31'),
    customer('c4', 'u', '2026-04-10'),
    customer('c5', null, '2026-02-01'), // before the range: not a new customer
    customer('c6', 'd', '2026-04-01'),
  ];
  const invoices = [
    { customerId: 'c1', date: '2026-03-20', amount: 45_000 },
    { customerId: 'c1', date: '2026-04-20', amount: 10_000 }, // after the range
    { customerId: 'c4', date: '2026-04-10', amount: 12_345 },
    { customerId: 'c5', date: '2026-03-25', amount: 99_999 }, // not a new customer
  ];
  const spend = [
    spendRow('s1', '2026-03', 'internet', 'g', 31_000), // 15 of 31 days → 15,000
    spendRow('s2', '2026-04', 'internet', 'g', 30_000), // 15 of 30 days → 15,000
    spendRow('s3', '2026-03', 'internet', null, 10_001), // → 4,839 (4,839.19)
    spendRow('s4', '2026-04', 'advertising', 'r', 20_000), // → 10,000
    spendRow('s5', '2026-05', 'referral', null, 5_000), // outside
    spendRow('s6', '2026-02', 'advertising', 'r', 7_000), // outside
  ];
  const range = { from: '2026-03-17', to: '2026-04-15' };
  const report = buildSourceReport({ categories, sources, customers, invoices, spend }, range);
  const row = (id: string) => report.categories.find((c) => c.id === id)!;

  it('lists every category in order, the unknown bucket last', () => {
    expect(report.categories.map((c) => c.id)).to.deep.equal(['internet', 'referral', 'advertising', 'unknown']);
    expect(report.range).to.deep.equal(range);
  });

  it('counts new customers, spend across the month boundary, revenue, share, cost and ROI', () => {
    const { subcategories, ...internet } = row('internet');
    expect(internet).to.deep.equal({
      id: 'internet',
      name: 'Internet',
      newCustomers: 3,
      share: 0.6,
      spend: 34_839,
      costPerNewCustomer: 11_613,
      revenue: 45_000,
      roi: (45_000 - 34_839) / 34_839,
    });
    expect(subcategories).to.deep.equal([
      { id: 'g', name: 'Google', newCustomers: 2, share: 0.4, spend: 30_000, costPerNewCustomer: 15_000, revenue: 45_000, roi: 0.5 },
      { id: 'y', name: 'Yelp', newCustomers: 1, share: 0.2, spend: 0, costPerNewCustomer: 0, revenue: 0, roi: null },
    ]);
  });

  it('shows a category with no customers and no spend, and spend with no customers', () => {
    expect(row('referral')).to.deep.equal({
      id: 'referral',
      name: 'Referral',
      newCustomers: 0,
      share: 0,
      spend: 0,
      costPerNewCustomer: null,
      revenue: 0,
      roi: null,
      subcategories: [],
    });
    expect(row('advertising')).to.include({ spend: 10_000, newCustomers: 0, costPerNewCustomer: null, roi: -1 });
    expect(row('advertising').subcategories.map((s) => [s.id, s.spend])).to.deep.equal([['r', 10_000]]);
  });

  it('puts unmapped and deleted sources in the unknown bucket', () => {
    const unknown = row('unknown');
    expect(unknown).to.include({ name: 'Unknown', newCustomers: 2, share: 0.4, revenue: 12_345, spend: 0, roi: null });
    expect(unknown.subcategories.map((s) => [s.id, s.newCustomers, s.revenue])).to.deep.equal([
      ['u', 1, 12_345],
      ['d', 1, 0],
    ]);
  });

  it('totals every row', () => {
    expect(report.totals).to.deep.equal({
      id: 'total',
      name: 'Total',
      newCustomers: 5,
      share: 1,
      spend: 44_839,
      costPerNewCustomer: 8_968,
      revenue: 57_345,
      roi: (57_345 - 44_839) / 44_839,
    });
  });

  it('collects customers with no source under "No source"', () => {
    const r = buildSourceReport({ categories, sources, customers: [customer('x', null, '2026-04-01'), customer('z', 'gone', '2026-04-02')], invoices: [], spend: [] }, range);
    expect(r.categories.at(-1)!.subcategories).to.deep.equal([
      { id: 'unknown-none', name: 'No source', newCustomers: 2, share: 1, spend: 0, costPerNewCustomer: 0, revenue: 0, roi: null },
    ]);
  });

  it('never counts a customer with no first visit as new (a restored customer the CRM had none for)', () => {
    const restored = { ...customer('r', null, '2026-04-01'), firstVisit: null };
    const r = buildSourceReport({ categories, sources, customers: [customer('x', null, '2026-04-01'), restored], invoices: [], spend: [] }, range);
    expect(r.totals.newCustomers).to.equal(1);
  });

  it('rejects an invalid range with a specific message', () => {
    const input = { categories, sources, customers, invoices, spend };
    for (const bad of [{ from: '2026-04-31', to: '2026-05-01' }, { from: '2026-05-02', to: '2026-05-01' }, { from: 'May', to: '2026-05-01' }]) {
      let error: unknown;
      try {
        buildSourceReport(input, bad);
      } catch (e) {
        error = e;
      }
      expect(isAdapterError(error) && error.kind, JSON.stringify(bad)).to.equal('rejected');
      expect((error as Error).message).to.match(/^Invalid date range/);
    }
  });
});
