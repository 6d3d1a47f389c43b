import { expect } from '@open-wc/testing';
import { STOCK_MAX_ROWS, guessStockMapping, matchStockList, parseStockCsv, readStockRows } from '../../src/data/logic/vehicles-stock.js';
import type { StockMapping } from '../../src/data/logic/vehicles-stock.js';
import { matchTradeIn } from '../../src/data/logic/vehicles.js';
import { want } from './want-rig.js';

const ALL_NULL: StockMapping = { year: null, make: null, model: null, trim: null, color: null, mileage: null, price: null, vin: null, stockNumber: null };

describe('stock lists against the wants', () => {
  it('guesses the columns from the header', () => {
    expect(guessStockMapping(['Stock #', 'VIN', 'Year', 'Make', 'Model', 'Odometer', 'Price'])).to.deep.equal({
      ...ALL_NULL,
      stockNumber: 0,
      vin: 1,
      year: 2,
      make: 3,
      model: 4,
      mileage: 5,
      price: 6,
    });
    // "Model Year" is the year, not the model; longer headers by their words; unknown columns stay unmapped.
    expect(guessStockMapping(['Lot No.', 'Model Year', 'MAKE', 'Model', 'Trim Level', 'Exterior Colour (paint)', 'Miles', 'Buy Now', 'Seller'])).to.deep.equal({
      stockNumber: 0,
      year: 1,
      make: 2,
      model: 3,
      trim: 4,
      color: 5,
      mileage: 6,
      price: 7,
      vin: null,
    });
    expect(guessStockMapping(['Seller', 'Notes'])).to.deep.equal(ALL_NULL);
  });

  it('reads rows into vehicles and skips bad ones with the reasons', () => {
    const mapping: StockMapping = { ...ALL_NULL, year: 0, make: 1, model: 2, mileage: 3, price: 4, stockNumber: 5 };
    const result = readStockRows(
      [
        ['2019', 'Honda', 'CR-V', '41,200', '$23,900', 'A1'],
        ['20X9', 'Ford', 'F-150', 'lots', '', 'A2'],
        ['', '', '', '', '', ''],
        ['2018', '', 'Camry', '', '-5', 'A4'],
        ['1899', 'Ford', 'Model T', '45 000 mi', '24500.50', ''],
        ['', 'Toyota', 'RAV4', '', '', ''],
      ],
      mapping,
    );
    expect(result.vehicles).to.deep.equal([
      { line: 2, stockNumber: 'A1', vehicle: { vin: null, year: 2019, make: 'Honda', model: 'CR-V', trim: null, color: null, mileage: 41_200, price: 2_390_000 } },
      { line: 7, stockNumber: null, vehicle: { vin: null, year: null, make: 'Toyota', model: 'RAV4', trim: null, color: null, mileage: null, price: null } },
    ]);
    expect(result.skipped).to.deep.equal([
      {
        line: 3,
        problems: [
          { field: 'year', code: 'not-a-year', value: '20X9' },
          { field: 'mileage', code: 'not-a-number', value: 'lots' },
        ],
      },
      {
        line: 5,
        problems: [
          { field: 'price', code: 'negative', value: '-5' },
          { field: 'make', code: 'no-make', value: '' },
        ],
      },
      { line: 6, problems: [{ field: 'year', code: 'not-a-year', value: '1899' }] },
    ]);
    expect(result.notRead).to.equal(0);
  });

  it('reads a VIN-only row and caps a long list', () => {
    const mapping: StockMapping = { ...ALL_NULL, vin: 0 };
    const { vehicles } = readStockRows([['1HGCM82633A004352']], mapping);
    expect(vehicles[0]!.vehicle.vin).to.equal('1HGCM82633A004352');
    const many = Array.from({ length: STOCK_MAX_ROWS + 3 }, () => ['1HGCM82633A004352']);
    const capped = readStockRows(many, mapping);
    expect(capped.vehicles.length).to.equal(STOCK_MAX_ROWS);
    expect(capped.notRead).to.equal(3);
  });

  it('parses CSV text: BOM, quotes, semicolons, blank lines', () => {
    expect(parseStockCsv('\uFEFFYear,Make,Model\r\n2019,"Honda, Inc.",CR-V\r\n\r\n')).to.deep.equal({ headers: ['Year', 'Make', 'Model'], rows: [['2019', 'Honda, Inc.', 'CR-V']] });
    expect(parseStockCsv('Year;Make\n2019;Honda\n')).to.deep.equal({ headers: ['Year', 'Make'], rows: [['2019', 'Honda']] });
    expect(parseStockCsv('')).to.equal(null);
  });

  it('matches each vehicle as a trade-in would, best first, with the reasons', () => {
    const wants = [
      want('w1', { model: 'CR-V', trim: 'EX', maxPrice: 2_500_000, customerName: 'Ana Ruiz' }),
      want('w2', { make: 'Chevrolet', model: 'Silverado', yearFrom: 2018, yearTo: 2020, customerName: 'Bo Li' }),
      want('w3', { model: 'CR-V', maxMileage: 30_000, customerName: 'Cy Doe' }),
      want('w4', { model: 'Civic', customerStatus: 'sold' }),
    ];
    const vehicles = readStockRows(
      [
        ['2019', 'Honda', 'Civic', 'LX', '10000', '20000'],
        ['2019', 'Chevy', 'Silverado 1500', 'LT', '50000', '30000'],
        ['2019', 'Honda', 'CR-V', 'EX', '41200', '23900'],
      ],
      { ...ALL_NULL, year: 0, make: 1, model: 2, trim: 3, mileage: 4, price: 5 },
    ).vehicles;
    const matched = matchStockList(vehicles, wants);
    // CR-V: w1 (model, year, trim, price met: 4 of 4 → score 1); w3 excluded by mileage 41,200 > 30,000.
    // Silverado 1500: w2 through "Chevy" and the model's first word: model closeness 0.5 + 0.5 × 1/2 = 0.75,
    // year met → (0.75 + 1) / 2 = 0.875. Civic: only a sold customer's want → no match.
    expect(matched.map((m) => [m.line, m.matches.map((x) => [x.want.id, x.score])])).to.deep.equal([
      [4, [['w1', 1]]],
      [3, [['w2', 0.875]]],
      [2, []],
    ]);
    expect(matched[1]!.matches[0]!.reasons.map((r) => [r.criterion, r.how])).to.deep.equal([
      ['make', 'other-name'],
      ['model', 'words'],
    ]);
    // The same rule as a trade-in: one place.
    expect(matched[0]!.matches).to.deep.equal(matchTradeIn(vehicles[2]!.vehicle, wants));
  });
});
