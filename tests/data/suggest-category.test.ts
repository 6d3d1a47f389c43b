import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../seed.js';
import * as v from 'valibot';
import type { PosSource } from '../../src/data/model.js';
import { cleanSourceName, suggestCategory } from '../../src/data/logic/sources.js';
import { editableName, filterSources, mappingSuggestions, newCategoryId, posSourceOf } from '../../src/data/logic/source-mapping.js';
import { PosSourceSchema } from '../../src/data/schemas.js';

/** Codes as shops' PoS systems hold them, with the main category a shop owner would pick (null: nothing to go on). */
const CODES: [string, string | null][] = [
  // internet
  ['GOOG', 'internet'],
  ['google ads', 'internet'],
  ['Google My Business', 'internet'],
  ['GOOGLE MAPS', 'internet'],
  ['google.com', 'internet'],
  ['YELP!', 'internet'],
  ['Yelp', 'internet'],
  ['yelp.com', 'internet'],
  ['ＹＥＬＰ', 'internet'],
  ['FB', 'internet'],
  ['Facebook Ads', 'internet'],
  ['FB-ADS', 'internet'],
  ['INSTA', 'internet'],
  ['IG', 'internet'],
  ['WEBSITE', 'internet'],
  ['WEB', 'internet'],
  ['WEB FORM', 'internet'],
  ['INTERNET', 'internet'],
  ['ONLINE', 'internet'],
  ['BING', 'internet'],
  ['YAHOO', 'internet'],
  ['YOUTUBE', 'internet'],
  ['NEXTDOOR', 'internet'],
  ['Next Door', 'internet'],
  ['CARFAX', 'internet'],
  ['ANGI', 'internet'],
  ["Angie's List", 'internet'],
  // referral
  ['REF-FRIEND', 'referral'],
  ['REFERRAL', 'referral'],
  ['REF CUST', 'referral'],
  ['DEALER REF', 'referral'],
  ['Customer Referral', 'referral'],
  ['FRIEND', 'referral'],
  ['FAMILY', 'referral'],
  ['WORD OF MOUTH', 'referral'],
  ['NEIGHBOR', 'referral'],
  // drive-by / signage
  ['DRIVE BY', 'drive-by'],
  ['DRIVEBY', 'drive-by'],
  ['drive-by', 'drive-by'],
  ['SIGN', 'drive-by'],
  ['SIGNAGE', 'drive-by'],
  ['SIGNS', 'drive-by'],
  ['WALK IN', 'drive-by'],
  // advertising
  ['RADIO-KJZ', 'advertising'],
  ['RADIO', 'advertising'],
  ['RADIO 101.5', 'advertising'],
  ['TV', 'advertising'],
  ['TV-CH8', 'advertising'],
  ['MAILER 03/26', 'advertising'],
  ['DIRECT MAIL', 'advertising'],
  ['VALPAK', 'advertising'],
  ['COUPON', 'advertising'],
  ['Coupon Book', 'advertising'],
  ['NEWSPAPER', 'advertising'],
  ['BILLBOARD I-35', 'advertising'],
  ['FLYER', 'advertising'],
  // fleet / commercial
  ['FLEET-ACME', 'fleet'],
  ['FLEET', 'fleet'],
  ['COMMERCIAL', 'fleet'],
  // repeat / existing
  ['REPEAT', 'repeat'],
  ['EXISTING', 'repeat'],
  ['RETURNING', 'repeat'],
  ['Returning Customer', 'repeat'],
  ['PREV CUSTOMER', 'repeat'],
  // nothing to go on
  ['', null],
  ['   ', null],
  ['???', null],
  ['N/A', null],
  ['UNKNOWN', null],
  ['OTHER', null],
  ['MISC', null],
  ['TEST', null],
  ['x', null],
  ['asdf', null],
  ['AAA', null],
  ['CHAMBER', null],
  ['TIRE RACK', null],
  // words that merely contain a keyword
  ['INSTALL', null],
  ['TIRE INSTALL', null],
  ['FBI', null],
  ['<b>WALK</b>', null],
  ['<img src=x onerror=alert(1)>', null],
];

describe('suggestCategory over realistic PoS codes', () => {
  it(`suggests the expected category for each of ${CODES.length} codes`, () => {
    expect(CODES.length).to.be.at.least(40);
    const wrong = CODES.map(([code, expected]) => [code, expected, suggestCategory(code)?.categoryId ?? null] as const).filter(
      ([, expected, got]) => expected !== got,
    );
    expect(wrong, wrong.map(([code, expected, got]) => `${JSON.stringify(code)}: expected ${expected}, got ${got}`).join('; ')).to.deep.equal([]);
  });

  it('gives the clean name with the suggestion', () => {
    expect(suggestCategory('YELP!')).to.deep.equal({ categoryId: 'internet', name: 'Yelp' });
    expect(suggestCategory('google ads')).to.deep.equal({ categoryId: 'internet', name: 'Google Ads' });
    expect(suggestCategory('REF-FRIEND')).to.deep.equal({ categoryId: 'referral', name: 'Referral – Friend' });
    expect(suggestCategory('WALK IN')).to.deep.equal({ categoryId: 'drive-by', name: 'Walk-in' });
  });
});

describe('cleanSourceName on messy codes', () => {
  it('spells codes out readably', () => {
    const cases: [string, string][] = [
      ['GOOG', 'Google'],
      ['YELP!', 'Yelp'],
      ['FB-ADS', 'Facebook – Ads'],
      ['WORD OF MOUTH', 'Word of Mouth'],
      ['Ref by John', 'Referral by John'],
      ['NEXTDOOR', 'Nextdoor'],
      ['YOUTUBE', 'YouTube'],
      ['RADIO 101.5', 'Radio 101.5'],
      ['WALK IN', 'Walk-in'],
      ['<img src=x onerror=alert(1)>', '(blank)'],
      ['  Yelp!!! ', 'Yelp'],
    ];
    expect(cases.map(([code]) => cleanSourceName(code))).to.deep.equal(cases.map(([, name]) => name));
  });
});

const src = (id: string, code: string, categoryId: string | null, extra: Partial<PosSource> = {}): PosSource => ({
  id,
  code,
  categoryId,
  name: cleanSourceName(code),
  origin: 'pos',
  deleted: false,
  customerCount: 0,
  version: 1,
  updatedAt: '2026-03-01T09:00:00.000Z',
  ...extra,
});

describe('filterSources', () => {
  const sources = [
    src('a', 'GOOG', 'internet'),
    src('b', 'YELP!', null),
    src('c', 'RADIO-KJZ', null, { deleted: true }),
    src('d', '', 'referral', { origin: 'shop', name: 'Café Referral' }),
  ];
  const ids = (list: PosSource[]) => list.map((s) => s.id);

  it('leaves deleted sources out unless asked', () => {
    expect(ids(filterSources(sources))).to.deep.equal(['a', 'b', 'd']);
    expect(ids(filterSources(sources, { showDeleted: true }))).to.deep.equal(['a', 'b', 'c', 'd']);
  });

  it('matches every word in the code or the name, ignoring case and accents', () => {
    expect(ids(filterSources(sources, { text: 'goog' }))).to.deep.equal(['a']);
    expect(ids(filterSources(sources, { text: 'google' }))).to.deep.equal(['a']);
    expect(ids(filterSources(sources, { text: 'cafe ref' }))).to.deep.equal(['d']);
    expect(ids(filterSources(sources, { text: 'kjz', showDeleted: true }))).to.deep.equal(['c']);
    expect(ids(filterSources(sources, { text: 'nothing like it' }))).to.deep.equal([]);
  });

  it('keeps only unmapped live sources with unmappedOnly', () => {
    expect(ids(filterSources(sources, { unmappedOnly: true, showDeleted: true }))).to.deep.equal(['b']);
  });
});

describe('mappingSuggestions, editableName, newCategoryId', () => {
  it('suggests for unmapped, live PoS sources only', () => {
    const sources = [src('a', 'GOOG', 'internet'), src('b', 'YELP!', null), src('c', 'TV', null, { deleted: true }), src('d', 'ZZZ', null)];
    expect([...mappingSuggestions(sources)]).to.deep.equal([['b', { categoryId: 'internet', name: 'Yelp' }]]);
  });

  it('edits with the name, or the clean code when the name is blank', () => {
    expect(editableName({ code: 'GOOG', name: 'Google Search' })).to.equal('Google Search');
    expect(editableName({ code: 'GOOG', name: ' ' })).to.equal('Google');
  });

  it('makes unique ids for new categories', () => {
    expect(newCategoryId('Car shows & events', [])).to.equal('shop-car-shows-events');
    expect(newCategoryId('Events', [{ id: 'shop-events' }, { id: 'shop-events-2' }])).to.equal('shop-events-3');
    expect(newCategoryId('!!!', [])).to.equal('shop-category');
  });
});

describe('posSourceOf', () => {
  const good = src('s1', 'GOOG', 'internet', { customerCount: 12, version: 3 });

  it('gives a copy with the known fields of a valid source', () => {
    const read = posSourceOf({ ...good, extra: '<b>x</b>' });
    expect(read).to.deep.equal(good);
    expect(read === good).to.equal(false);
  });

  it('refuses anything that is not a whole source', () => {
    const bad: unknown[] = [
      null,
      'GOOG',
      [],
      { ...good, id: 1 },
      { ...good, categoryId: undefined },
      { ...good, origin: 'crm' },
      { ...good, deleted: 'no' },
      { ...good, customerCount: -1 },
      { ...good, customerCount: 1.5 },
      { ...good, version: Number.NaN },
      { ...good, updatedAt: 'yesterday' },
      { ...good, updatedAt: '2026-03-01' },
    ];
    expect(bad.map((b) => posSourceOf(b))).to.deep.equal(bad.map(() => null));
  });

  it('accepts and refuses exactly what PosSourceSchema does', () => {
    // Mostly valid fields, so that whole valid sources come up as often as broken ones.
    const field = <T>(valid: fc.Arbitrary<T>) =>
      fc.oneof({ arbitrary: valid, weight: 24 }, fc.constant(undefined), fc.constant(null), fc.integer(), fc.string(), fc.boolean());
    const candidate = fc.record({
      id: field(fc.string()),
      code: field(fc.string()),
      categoryId: field(fc.option(fc.string())),
      name: field(fc.string()),
      origin: field(fc.constantFrom('pos', 'shop')),
      deleted: field(fc.boolean()),
      customerCount: field(fc.oneof(fc.nat(), fc.double())),
      version: field(fc.oneof(fc.integer(), fc.double())),
      updatedAt: field(
        fc.oneof(
          fc.date({ noInvalidDate: true, min: new Date('1970-01-01'), max: new Date('2999-12-31') }).map((d) => d.toISOString()),
          fc.constantFrom('2026-03-01T09:00:00-06:00', '2026-03-01 09:00:00+0530', '2026-03-01T09:00Z', '2026-13-01T09:00:00Z'),
        ),
      ),
    });
    let accepted = 0;
    fc.assert(
      fc.property(candidate, (value) => {
        const parsed = v.safeParse(PosSourceSchema, value);
        expect(posSourceOf(value)).to.deep.equal(parsed.success ? parsed.output : null);
        if (parsed.success) accepted++;
      }),
      { numRuns: 500 },
    );
    expect(accepted).to.be.above(20);
  });
});
