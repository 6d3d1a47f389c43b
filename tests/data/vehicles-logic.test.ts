import { expect } from '@open-wc/testing';
import type { CriterionOutcome, TradeInCriterion, TradeInVehicle, VehicleWant } from '../../src/data/model.js';
import { formatWantsCsv } from '../../src/data/logic/vehicles-export.js';
import {
  groupWants,
  matchTradeIn,
  resolveTradeIn,
  vehicleKey,
} from '../../src/data/logic/vehicles.js';
import { makeKey, makeName } from '../../src/data/logic/makes.js';
import { decodeVin, vinCheckDigit, vinModelYear } from '../../src/data/logic/vin.js';
import * as index from '../../src/data/index.js';
import { want } from './want-rig.js';

const honda: TradeInVehicle = { year: 2019, make: 'Honda', model: 'CR-V', trim: 'EX-L', color: 'Silver', mileage: 42_000, price: 2_100_000 };

type Expected = null | { met: number; set: number; criteria?: Partial<Record<TradeInCriterion, CriterionOutcome>> };

/** One want, one trade-in, and whether (and how) it matches. */
const TABLE: [name: string, vehicle: TradeInVehicle, want: Partial<VehicleWant>, expected: Expected][] = [
  // make and model spelling
  ['same make and model', honda, {}, { met: 2, set: 2, criteria: { model: 'met', year: 'met', trim: 'not-stated', color: 'not-stated', mileage: 'not-stated', price: 'not-stated' } }],
  ['make in another case', { ...honda, make: 'HONDA' }, {}, { met: 2, set: 2 }],
  ['model with spaces instead of a hyphen', { ...honda, model: 'cr v' }, {}, { met: 2, set: 2 }],
  ['model without the hyphen', honda, { model: 'CRV' }, { met: 2, set: 2 }],
  ['surrounding spaces', { ...honda, make: '  honda ', model: ' CR-V  ' }, {}, { met: 2, set: 2 }],
  ['Chevy is Chevrolet', { year: 2018, make: 'Chevy', model: 'Silverado 1500' }, { make: 'Chevrolet', model: 'Silverado 1500' }, { met: 2, set: 2 }],
  ['Chevrolet is Chevy', { year: 2018, make: 'CHEVROLET', model: 'silverado1500' }, { make: 'chevy', model: 'Silverado 1500' }, { met: 2, set: 2 }],
  ['VW is Volkswagen', { year: 2019, make: 'VW', model: 'Jetta' }, { make: 'Volkswagen', model: 'Jetta' }, { met: 2, set: 2 }],
  ['Mercedes is Mercedes-Benz', { year: 2020, make: 'Mercedes', model: 'GLC 300' }, { make: 'Mercedes-Benz', model: 'GLC300' }, { met: 2, set: 2 }],
  ['MB is Mercedes Benz', { year: 2020, make: 'MB', model: 'GLC 300' }, { make: 'Mercedes Benz', model: 'GLC 300' }, { met: 2, set: 2 }],
  ['Caddy is Cadillac', { year: 2019, make: 'Caddy', model: 'Escalade' }, { make: 'Cadillac', model: 'Escalade' }, { met: 2, set: 2 }],
  ['F 150 is F-150', { year: 2019, make: 'Ford', model: 'F 150' }, { make: 'Ford', model: 'F-150' }, { met: 2, set: 2 }],
  ['another make', { ...honda, make: 'Toyota' }, {}, null],
  ['another model', { ...honda, model: 'Pilot' }, {}, null],
  ['a model that only starts the same', { ...honda, model: 'CR' }, {}, null],
  ['Chevy is not Chrysler', { year: 2019, make: 'Chevy', model: 'Pacifica' }, { make: 'Chrysler', model: 'Pacifica' }, null],
  ['Volkswagon is Volkswagen', { year: 2019, make: 'Volkswagon', model: 'Jetta' }, { make: 'VW', model: 'Jetta' }, { met: 2, set: 2 }],
  ['Range Rover is Land Rover', { year: 2019, make: 'Range Rover', model: 'Velar' }, { make: 'Land Rover', model: 'Velar' }, { met: 2, set: 2 }],
  // models by words
  ['Silverado 1500 is a Silverado', { year: 2018, make: 'Chevy', model: 'Silverado 1500' }, { make: 'Chevrolet', model: 'Silverado' }, { met: 2, set: 2, criteria: { model: 'met' } }],
  ['a Silverado may be the Silverado 1500 wanted', { year: 2018, make: 'Chevrolet', model: 'Silverado' }, { make: 'Chevrolet', model: 'Silverado 1500' }, { met: 2, set: 2 }],
  ['F150 is F-150', { year: 2019, make: 'Ford', model: 'F150' }, { make: 'Ford', model: 'F-150' }, { met: 2, set: 2 }],
  ['CR-V is CRV', { ...honda, model: 'CRV' }, { model: 'CR-V' }, { met: 2, set: 2 }],
  ['F 150 XLT is an F-150', { year: 2019, make: 'Ford', model: 'F 150 XLT' }, { make: 'Ford', model: 'F-150' }, { met: 2, set: 2 }],
  ['Silverado 2500 is not a Silverado 1500', { year: 2018, make: 'Chevrolet', model: 'Silverado 2500' }, { make: 'Chevrolet', model: 'Silverado 1500' }, null],
  ['Cherokee is not a Grand Cherokee', { year: 2018, make: 'Jeep', model: 'Cherokee' }, { make: 'Jeep', model: 'Grand Cherokee', yearFrom: 2015 }, null],
  ['a single letter more is another vehicle', { year: 2018, make: 'Jeep', model: 'Grand Cherokee L' }, { make: 'Jeep', model: 'Grand Cherokee', yearFrom: 2015 }, null],
  // trims loosely
  ['a trim among the other’s words', { year: 2019, make: 'Ford', model: 'F-150', trim: 'XLT Sport' }, { make: 'Ford', model: 'F-150', trim: 'XLT' }, { met: 3, set: 3, criteria: { trim: 'met' } }],
  ['Ltd is Limited', { year: 2019, make: 'Toyota', model: 'Highlander', trim: 'Ltd' }, { make: 'Toyota', model: 'Highlander', trim: 'Limited' }, { met: 3, set: 3, criteria: { trim: 'met' } }],
  ['EX is not EX L', { ...honda, trim: 'EX L' }, { trim: 'EX' }, { met: 2, set: 3, criteria: { trim: 'not-met' } }],
  ['the trim in the trade-in’s model', { year: 2018, make: 'Chevrolet', model: 'Silverado 1500 LT' }, { make: 'Chevrolet', model: 'Silverado', trim: 'LT' }, { met: 3, set: 3, criteria: { trim: 'met' } }],
  // years
  ['year at the lower bound', { ...honda, year: 2017 }, {}, { met: 2, set: 2 }],
  ['year at the upper bound', { ...honda, year: 2021 }, {}, { met: 2, set: 2 }],
  ['year one below the range', { ...honda, year: 2016 }, {}, null],
  ['year one above the range', { ...honda, year: 2022 }, {}, null],
  ['a one-year range', { ...honda, year: 2020 }, { yearFrom: 2020, yearTo: 2020 }, { met: 2, set: 2 }],
  ['no year: not excluded, unknown', { ...honda, year: null }, {}, { met: 1, set: 2, criteria: { year: 'unknown' } }],
  // mileage
  ['mileage under the limit', honda, { maxMileage: 60_000 }, { met: 3, set: 3, criteria: { mileage: 'met' } }],
  ['mileage exactly at the limit', { ...honda, mileage: 60_000 }, { maxMileage: 60_000 }, { met: 3, set: 3 }],
  ['mileage one mile over the limit', { ...honda, mileage: 60_001 }, { maxMileage: 60_000 }, null],
  ['mileage not given: unknown, kept', { ...honda, mileage: null }, { maxMileage: 60_000 }, { met: 2, set: 3, criteria: { mileage: 'unknown' } }],
  ['mileage of 0 is a mileage', { ...honda, mileage: 0 }, { maxMileage: 10 }, { met: 3, set: 3 }],
  // price
  ['price under the limit', honda, { maxPrice: 2_500_000 }, { met: 3, set: 3, criteria: { price: 'met' } }],
  ['price over the limit', honda, { maxPrice: 1_500_000 }, null],
  ['price not given: unknown, kept', { ...honda, price: undefined }, { maxPrice: 1_500_000 }, { met: 2, set: 3, criteria: { price: 'unknown' } }],
  // trim and colour
  ['trim and colour the same, spelled differently', honda, { trim: 'ex l', color: 'SILVER' }, { met: 4, set: 4, criteria: { trim: 'met', color: 'met' } }],
  ['another colour: kept, not met', honda, { color: 'Red' }, { met: 2, set: 3, criteria: { color: 'not-met' } }],
  ['another trim: kept, not met', honda, { trim: 'Touring' }, { met: 2, set: 3, criteria: { trim: 'not-met' } }],
  ['trim wanted, none given', { ...honda, trim: null }, { trim: 'EX-L' }, { met: 2, set: 3, criteria: { trim: 'unknown' } }],
  ['colour given, none wanted', honda, { color: null }, { met: 2, set: 2, criteria: { color: 'not-stated' } }],
  ['everything stated and met', honda, { trim: 'EX-L', color: 'Silver', maxMileage: 50_000, maxPrice: 2_200_000 }, { met: 6, set: 6 }],
  // status and missing fields
  ['a customer who bought already', honda, { customerStatus: 'sold' }, null],
  ['a prospect', honda, { customerStatus: 'prospect' }, null],
  ['no make at all', { year: 2019, model: 'CR-V' }, {}, null],
  ['an empty make', { ...honda, make: '  ' }, {}, null],
  ['no model: any model of the make, unknown', { year: 2019, make: 'Honda' }, { model: 'Pilot' }, { met: 1, set: 2, criteria: { model: 'unknown' } }],
  // VIN only
  ['VIN only: year and make from the VIN', { vin: '1HGCM82633A004352' }, { model: 'Accord', yearFrom: 2001, yearTo: 2005 }, { met: 1, set: 2, criteria: { model: 'unknown', year: 'met' } }],
  ['VIN only, year out of range', { vin: '1HGCM82633A004352' }, { model: 'Accord', yearFrom: 2010, yearTo: 2015 }, null],
  ['VIN of another maker', { vin: '1G1ZT53826F109149' }, {}, null],
  ['VIN of an unknown maker matches nothing', { vin: '1M8GDM9AXKP042788' }, { make: 'MCI' }, null],
  ['typed make wins over the VIN', { vin: '1G1ZT53826F109149', make: 'Honda', model: 'CR-V', year: 2019 }, {}, { met: 2, set: 2 }],
  ['VIN of a Stellantis MPV matches a Jeep', { vin: '1C4RJFBG8FC000000', model: 'Grand Cherokee' }, { make: 'Jeep', model: 'Grand Cherokee', yearFrom: 2014, yearTo: 2016 }, { met: 2, set: 2 }],
];

describe('matchTradeIn: the table', () => {
  it(`has at least 30 cases (${TABLE.length})`, () => {
    expect(TABLE.length).to.be.at.least(30);
  });

  for (const [name, vehicle, over, expected] of TABLE) {
    it(name, () => {
      const matches = matchTradeIn(vehicle, [want('w', over)]);
      if (expected === null) {
        expect(matches, 'no match').to.deep.equal([]);
        return;
      }
      expect(matches).to.have.length(1);
      const [m] = matches;
      expect([m!.criteriaMet, m!.criteriaSet], 'met, set').to.deep.equal([expected.met, expected.set]);
      if (expected.criteria) expect(m!.criteria).to.deep.include(expected.criteria);
    });
  }
});

describe('matchTradeIn: why and how close', () => {
  it('says why an exact match matched, with a score of 1', () => {
    const [m] = matchTradeIn(honda, [want('w', { make: 'HONDA', model: 'CRV', trim: 'EX-L' })]);
    expect(m!.score).to.equal(1);
    expect(m!.reasons).to.deep.equal([
      { criterion: 'make', how: 'same', wanted: 'HONDA', given: 'Honda', closeness: 1 },
      { criterion: 'model', how: 'same', wanted: 'CRV', given: 'CR-V', closeness: 1 },
      { criterion: 'trim', how: 'same', wanted: 'EX-L', given: 'EX-L', closeness: 1 },
    ]);
  });

  it('says how a loose match matched and how close it is', () => {
    // Model: 1 of 3 words → 0.5 + 0.5 / 3 = 0.667; trim in the model: 1 of its 2 extra words → 0.75.
    // Score: (model 0.667 + year 1 + trim 0.75) / 3 = 0.806.
    const [m] = matchTradeIn({ year: 2018, make: 'Chevy', model: 'Silverado 1500 LT' }, [want('w', { make: 'Chevrolet', model: 'Silverado', trim: 'LT' })]);
    expect(m!.reasons).to.deep.equal([
      { criterion: 'make', how: 'other-name', wanted: 'Chevrolet', given: 'Chevy', closeness: 1 },
      { criterion: 'model', how: 'words', wanted: 'Silverado', given: 'Silverado 1500 LT', closeness: 0.667 },
      { criterion: 'trim', how: 'in-model', wanted: 'LT', given: 'Silverado 1500 LT', closeness: 0.75 },
    ]);
    expect(m!.score).to.equal(Math.round(((0.667 + 1 + 0.75) / 3) * 1000) / 1000);
  });

  it('gives a half-known match a lower score: a VIN-only trade-in’s model is unknown', () => {
    const [m] = matchTradeIn({ vin: '1HGCM82633A004352' }, [want('w', { model: 'Accord', yearFrom: 2001, yearTo: 2005 })]);
    expect(m!.score).to.equal(0.5);
    expect(m!.reasons).to.deep.equal([{ criterion: 'make', how: 'vin', wanted: 'Honda', given: 'Honda', closeness: 1 }]);
  });

  it('ranks exact models first, even with fewer criteria met; then criteria met, then the newest', () => {
    const silverado = { year: 2018, make: 'Chevrolet', model: 'Silverado 1500', color: 'Black' };
    const ids = matchTradeIn(silverado, [
      want('loose-all-met', { make: 'Chevrolet', model: 'Silverado', color: 'Black', yearFrom: 2015 }),
      want('exact', { make: 'Chevrolet', model: 'Silverado 1500', yearFrom: 2015, createdAt: '2026-09-01T00:00:00.000Z' }),
      want('exact-wrong-color', { make: 'chevy', model: 'silverado1500', color: 'Red', yearFrom: 2015 }),
    ]).map((m) => [m.want.id, m.criteriaMet, m.score]);
    expect(ids).to.deep.equal([
      ['exact', 2, 1],
      ['exact-wrong-color', 2, 0.667],
      ['loose-all-met', 3, 0.917],
    ]);
  });
});

describe('matchTradeIn: ranking and wants arrays', () => {
  const wants = [
    want('plain-old', { createdAt: '2026-01-01T12:00:00.000Z' }),
    want('plain-new', { createdAt: '2026-09-01T12:00:00.000Z', make: ' honda ', model: 'cr v' }),
    want('trim-color', { trim: 'EX-L', color: 'Silver', maxMileage: 60_000 }),
    want('wrong-color', { color: 'Red', maxPrice: 2_500_000 }),
    want('too-far', { maxMileage: 30_000 }),
    want('sold', { customerStatus: 'sold' }),
    want('other-model', { model: 'Pilot' }),
    want('offset-time', { createdAt: '2026-09-01T10:00:00.000-05:00' }),
  ];

  it('ranks more criteria met first, then the newest want', () => {
    expect(matchTradeIn(honda, wants).map((m) => [m.want.id, m.criteriaMet])).to.deep.equal([
      ['trim-color', 5],
      ['wrong-color', 3],
      // 15:00Z is after 12:00Z the same day: instants, not strings, are compared.
      ['offset-time', 2],
      ['plain-new', 2],
      ['plain-old', 2],
    ]);
  });

  it('gives the same answer on a second call and on a new array', () => {
    const first = matchTradeIn(honda, wants).map((m) => m.want.id);
    expect(matchTradeIn(honda, wants).map((m) => m.want.id)).to.deep.equal(first);
    expect(matchTradeIn(honda, [...wants]).map((m) => m.want.id)).to.deep.equal(first);
  });

  it('sees wants pushed onto the same array', () => {
    const list = [want('a')];
    expect(matchTradeIn(honda, list)).to.have.length(1);
    list.push(want('b', { createdAt: '2026-12-01T00:00:00.000Z' }));
    expect(matchTradeIn(honda, list).map((m) => m.want.id)).to.deep.equal(['b', 'a']);
  });

  it('finds the wants of one make and model among 100,000', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => want(`w${i}`, { make: i % 50 === 0 ? 'Honda' : 'Toyota', model: i % 50 === 0 ? 'CR-V' : 'RAV4' }));
    expect(matchTradeIn(honda, many)).to.have.length(2000);
  });
});

describe('vehicle keys and makes', () => {
  it('normalises case, spaces, hyphens and dots', () => {
    expect([vehicleKey(' CR-V '), vehicleKey('cr v'), vehicleKey('F 150'), vehicleKey('Mercedes-Benz'), vehicleKey(null)]).to.deep.equal(['crv', 'crv', 'f150', 'mercedesbenz', '']);
  });

  it('folds the common other names of a make', () => {
    expect(makeKey('Chevy')).to.equal(makeKey('Chevrolet'));
    expect(makeKey('vw')).to.equal(makeKey('VOLKSWAGEN'));
    expect(makeKey('MB')).to.equal(makeKey('mercedes-benz'));
    expect(makeKey('Caddy')).to.equal(makeKey('cadillac'));
    expect(makeKey('Ford')).to.not.equal(makeKey('Fiat'));
    expect([makeName('chevy'), makeName('vw'), makeName('mercedes'), makeName(' Honda ')]).to.deep.equal(['Chevrolet', 'Volkswagen', 'Mercedes-Benz', 'Honda']);
  });
});

describe('decodeVin', () => {
  // VINs published as examples (NHTSA vPIC documentation and client libraries, textbook check-digit examples).
  const cases: [vin: string, maker: string | null, makes: string[], year: number | null, check: 'valid' | 'invalid'][] = [
    ['1HGCM82633A004352', 'Honda', ['Honda'], 2003, 'valid'],
    ['1G1ZT53826F109149', 'General Motors', ['Chevrolet'], 2006, 'valid'],
    ['1FTMW1T88MFA00001', 'Ford', ['Ford'], 2021, 'valid'],
    ['JHLRD68404C018253', 'Honda', ['Honda'], 2004, 'valid'],
    ['JH4DA9450MS001229', 'Honda', ['Acura'], 1991, 'valid'],
    ['3C6JR7AT4EG248404', 'Stellantis', ['Ram'], 2014, 'valid'],
    ['1M8GDM9AXKP042788', null, [], 1989, 'valid'],
    ['4V4WDBPFSCN735320', null, [], 2012, 'invalid'],
  ];

  for (const [vin, maker, makes, year, check] of cases) {
    it(`reads ${vin}`, () => {
      const d = decodeVin(vin);
      expect({ maker: d.maker, makes: d.makes, year: d.year, check: d.checkDigit }).to.deep.equal({ maker, makes, year, check });
    });
  }

  it('computes the check digit, X for 10', () => {
    expect(vinCheckDigit('1M8GDM9AXKP042788')).to.equal('X');
    expect(vinCheckDigit('11111111111111111')).to.equal('1');
    const bad = decodeVin('1HGCM82643A004352');
    expect([bad.checkDigit, bad.expectedCheckDigit, bad.maker, bad.year]).to.deep.equal(['invalid', '3', 'Honda', 2003]);
  });

  it('picks the 30-year cycle from position 7', () => {
    expect([vinModelYear('A', '5'), vinModelYear('A', 'C')]).to.deep.equal([1980, 2010]);
    expect([vinModelYear('Y', '1'), vinModelYear('Y', 'Z')]).to.deep.equal([2000, 2030]);
    expect([vinModelYear('9', '0'), vinModelYear('9', 'K')]).to.deep.equal([2009, 2039]);
    expect([vinModelYear('S', 'A'), vinModelYear('T', 'A')]).to.deep.equal([2025, 2026]);
    expect([vinModelYear('0', 'A'), vinModelYear('U', 'A'), vinModelYear('Z', 'A')]).to.deep.equal([null, null, null]);
  });

  it('knows the common North-American makers', () => {
    const makerOf = (wmi: string) => decodeVin(`${wmi}AAAAAA5AAAAAAAA`.slice(0, 17)).makes[0];
    expect(
      ['1FT', '1G1', '1GT', '1G6', 'JTD', '4T1', '2T2', '5FN', '19U', '1N4', 'JNK', '5NP', 'KND', '3VW', 'JF2', 'JM3', 'WBA', '5UX', 'WDD', '4JG', '1J4', '1C6', '5YJ', 'JTH'].map(makerOf),
    ).to.deep.equal([
      'Ford', 'Chevrolet', 'GMC', 'Cadillac', 'Toyota', 'Toyota', 'Lexus', 'Honda', 'Acura', 'Nissan', 'Infiniti', 'Hyundai', 'Kia',
      'Volkswagen', 'Subaru', 'Mazda', 'BMW', 'BMW', 'Mercedes-Benz', 'Mercedes-Benz', 'Jeep', 'Ram', 'Tesla', 'Lexus',
    ]);
    expect(decodeVin('1C4RJFBG8FC000000').makes).to.deep.equal(['Jeep', 'Dodge', 'Chrysler']);
  });

  it('ignores case, spaces and dashes', () => {
    const d = decodeVin(' 1hgcm826-33a004352 ');
    expect([d.vin, d.year, d.checkDigit]).to.deep.equal(['1HGCM82633A004352', 2003, 'valid']);
  });

  it('says plainly what it cannot read', () => {
    expect(decodeVin('').problems).to.deep.equal(['empty']);
    expect(decodeVin('1HGCM8263').problems).to.deep.equal(['length']);
    const short = decodeVin('1HGCM8263');
    expect([short.maker, short.year, short.checkDigit]).to.deep.equal(['Honda', null, 'unchecked']);
    expect(decodeVin('1HGCM82633A00435O').problems).to.deep.equal(['characters']);
    expect(decodeVin('1HGCM8263UA004352').problems).to.deep.equal(['year-code']);
    expect(decodeVin('1M8GDM9AXKP042788').problems).to.deep.equal(['unknown-maker']);
  });
});

describe('resolveTradeIn', () => {
  it('takes what was typed, and the rest from the VIN', () => {
    expect(resolveTradeIn({ vin: '1HGCM82633A004352' })).to.deep.include({ year: 2003, yearSource: 'vin', makes: ['Honda'], makeSource: 'vin', model: null });
    expect(resolveTradeIn({ vin: '1HGCM82633A004352', year: 2004, make: 'Acura', model: ' TL ' })).to.deep.include({ year: 2004, yearSource: 'given', makes: ['Acura'], makeSource: 'given', model: 'TL' });
    expect(resolveTradeIn({ vin: 'nonsense' })).to.deep.include({ year: null, yearSource: null, makes: [], makeSource: null });
  });
});

describe('groupWants and formatWantsCsv', () => {
  const wants = [
    want('a', { customerId: 'c1', make: 'Chevy', model: 'Tahoe', createdAt: '2026-05-01T00:00:00.000Z' }),
    want('b', { customerId: 'c2', make: 'Chevrolet', model: 'tahoe', createdAt: '2026-07-01T00:00:00.000Z' }),
    want('c', { customerId: 'c2', make: 'CHEVROLET', model: 'Tahoe', yearFrom: 2015, createdAt: '2026-06-01T00:00:00.000Z' }),
    want('d', { customerId: 'c3', make: 'Honda', model: 'CR-V' }),
    want('e', { customerId: 'c4', make: 'Honda', model: 'CRV', customerName: '=HYPERLINK("http://x","y")', trim: '+EX', color: '@red', maxPrice: 2_450_050, maxMileage: 60_000, salespersonName: 'Dana "D" Ruiz' }),
    want('f', { customerId: 'c5', make: 'Audi', model: 'Q5' }),
    want('g', { customerId: 'c6', make: 'Honda', model: 'CR-V', customerStatus: 'sold' }),
  ];

  it('groups by make and model, counts distinct buyers, most wanted first', () => {
    const groups = groupWants(wants);
    expect(groups.map((g) => [g.make, g.model, g.buyers, g.wants.map((w) => w.id)])).to.deep.equal([
      ['Chevrolet', 'Tahoe', 2, ['b', 'c', 'a']],
      ['Honda', 'CR-V', 2, ['d', 'e']],
      ['Audi', 'Q5', 1, ['f']],
    ]);
  });

  it('exports one row per want with formula-looking cells made text', () => {
    const csv = formatWantsCsv(groupWants(wants));
    const lines = csv.trimEnd().split('\r\n');
    expect(csv.endsWith('\r\n')).to.equal(true);
    expect(lines[0]).to.equal('Make,Model,Waiting buyers,Customer,Year from,Year to,Trim,Colour,Max mileage,Max price,Salesperson,Wanted since');
    expect(lines).to.have.length(7);
    expect(lines[1]).to.equal('Chevrolet,Tahoe,2,Buyer b,2017,2021,,,,,,2026-07-01');
    expect(lines[5]).to.equal(`Honda,CR-V,2,"'=HYPERLINK(""http://x"",""y"")",2017,2021,"'+EX","'@red",60000,24500.50,"Dana ""D"" Ruiz",2026-06-01`);
  });
});

describe('the data index', () => {
  it('exports the vehicle and VIN logic', () => {
    expect([typeof index.matchTradeIn, typeof index.decodeVin, typeof index.groupWants, typeof index.formatWantsCsv]).to.deep.equal(['function', 'function', 'function', 'function']);
  });
});
