import { expect } from '@open-wc/testing';
import type { Customer, DeletedRecord, VehicleWant } from '../../src/data/model.js';
import { restoreRecords } from '../../src/data/logic/deleted.js';
import { matchTradeIn, vehicleKey } from '../../src/data/logic/vehicles.js';

const now = new Date('2026-11-23T15:00:00.000Z');

const survivor: Customer = {
  id: 'c1',
  firstName: 'Ana',
  lastName: 'López',
  phone: '+15125550001',
  email: null,
  sourceId: 'g',
  status: 'active',
  firstVisit: '2024-05-01',
  version: 4,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const record = (over: Partial<DeletedRecord>): DeletedRecord => ({
  id: 'del-1',
  kind: 'customer',
  customerId: 'c9',
  customerName: 'José Muñoz',
  deletedAt: '2026-10-02T16:00:00.000Z',
  deletedBy: 'Dana Ruiz',
  reason: 'manual',
  mergedIntoId: null,
  mergedIntoName: null,
  fields: {},
  restoredAt: null,
  version: 1,
  ...over,
});

describe('restoreRecords', () => {
  const wholeCustomer = record({
    fields: {
      firstName: 'José',
      lastName: 'Muñoz',
      phone: '+15125550009',
      email: '',
      sourceId: 'y',
      status: 'prospect',
      firstVisit: '2023-07-14',
      version: '3',
    },
  });
  const leftover = record({
    id: 'del-2',
    kind: 'merge-leftover',
    customerId: 'c1',
    customerName: 'Ana López',
    reason: 'merge',
    mergedIntoId: 'c1',
    mergedIntoName: 'Ana López',
    fields: { phone: '+15125550077', email: 'ana@example.com' },
  });
  const deleted = [wholeCustomer, leftover, record({ id: 'del-3', restoredAt: '2026-10-05T10:00:00.000Z' })];

  it('brings a deleted customer back whole', () => {
    const out = restoreRecords(deleted, [survivor], { ids: ['del-1'] }, now);
    expect(out.result).to.deep.equal({ restored: ['del-1'], failed: [] });
    expect(out.customers.find((c) => c.id === 'c9')).to.deep.equal({
      id: 'c9',
      firstName: 'José',
      lastName: 'Muñoz',
      phone: '+15125550009',
      email: null,
      sourceId: 'y',
      status: 'prospect',
      firstVisit: '2023-07-14',
      version: 4,
      updatedAt: '2026-11-23T15:00:00.000Z',
    });
    expect(out.deleted[0]).to.include({ restoredAt: '2026-11-23T15:00:00.000Z', version: 2 });
    expect(deleted[0]!.restoredAt, 'input untouched').to.equal(null);
  });

  it('puts only the chosen merge leftovers back on the surviving customer', () => {
    const out = restoreRecords(deleted, [survivor], { ids: ['del-2'], fields: { 'del-2': ['email'] } }, now);
    expect(out.result.restored).to.deep.equal(['del-2']);
    expect(out.customers[0]).to.include({ phone: '+15125550001', email: 'ana@example.com', version: 5 });
    const all = restoreRecords(deleted, [survivor], { ids: ['del-2'] }, now);
    expect(all.customers[0]).to.include({ phone: '+15125550077', email: 'ana@example.com' });
  });

  it('fails records it cannot restore, with the reason', () => {
    const gone = record({ id: 'del-4', kind: 'merge-leftover', mergedIntoId: 'c404', mergedIntoName: 'Bo Smith', fields: { phone: '1' } });
    const odd = record({ id: 'del-5', kind: 'merge-leftover', mergedIntoId: 'c1', fields: { fax: '555' } });
    const out = restoreRecords([...deleted, gone, odd], [survivor], { ids: ['del-3', 'nope', 'del-4', 'del-5', 'del-2'], fields: { 'del-2': ['address'] } }, now);
    expect(out.result).to.deep.equal({
      restored: [],
      failed: [
        { id: 'del-3', reason: 'José Muñoz was already restored on 2026-10-05.' },
        { id: 'nope', reason: 'No deleted record "nope".' },
        { id: 'del-4', reason: 'Bo Smith no longer exists; restore that customer first.' },
        { id: 'del-5', reason: '"fax" cannot be put back on a customer.' },
        { id: 'del-2', reason: 'The record holds no "address".' },
      ],
    });
    expect(out.customers).to.deep.equal([survivor]);
  });

  it('restores a record only once', () => {
    const first = restoreRecords(deleted, [survivor], { ids: ['del-1'] }, now);
    const second = restoreRecords(first.deleted, first.customers, { ids: ['del-1'] }, now);
    expect(second.result.failed).to.deep.equal([{ id: 'del-1', reason: 'José Muñoz was already restored on 2026-11-23.' }]);
    expect(second.customers.filter((c) => c.id === 'c9')).to.have.length(1);
  });
});

describe('matchTradeIn', () => {
  const want = (id: string, over: Partial<VehicleWant>): VehicleWant => ({
    id,
    customerId: `c-${id}`,
    customerName: `Customer ${id}`,
    customerStatus: 'need-car-locate',
    yearFrom: 2017,
    yearTo: 2021,
    make: 'Honda',
    model: 'CR-V',
    trim: null,
    color: null,
    maxMileage: null,
    maxPrice: null,
    createdAt: '2026-06-01T12:00:00.000Z',
    salespersonName: null,
    ...over,
  });
  const wants = [
    want('plain-old', { createdAt: '2026-01-01T12:00:00.000Z' }),
    want('plain-new', { createdAt: '2026-09-01T12:00:00.000Z', make: ' honda ', model: 'cr v' }),
    want('trim-color', { trim: 'EX-L', color: 'Silver', maxMileage: 60_000 }),
    want('wrong-color', { color: 'Red', maxPrice: 2_500_000 }),
    want('too-far', { maxMileage: 30_000 }),
    want('too-dear', { maxPrice: 1_500_000 }),
    want('years', { yearFrom: 2020, yearTo: 2022 }),
    want('sold', { customerStatus: 'sold' }),
    want('other-model', { model: 'Pilot' }),
  ];
  const tradeIn = { year: 2019, make: 'HONDA', model: 'CR-V', trim: 'ex-l', color: 'silver', mileage: 42_000, price: 2_100_000 };

  it('matches make and model loosely, year in range, within limits, best and newest first', () => {
    const matches = matchTradeIn(wants, tradeIn);
    expect(matches.map((m) => [m.want.id, m.criteriaMet, m.criteriaSet])).to.deep.equal([
      ['trim-color', 3, 3],
      ['wrong-color', 1, 2],
      ['plain-new', 0, 0],
      ['plain-old', 0, 0],
    ]);
  });

  it('does not exclude on a limit it cannot check, but does not count it as met', () => {
    const matches = matchTradeIn(wants, { year: 2019, make: 'Honda', model: 'CRV' });
    expect(matches.find((m) => m.want.id === 'too-far')).to.deep.include({ criteriaMet: 0, criteriaSet: 1 });
    expect(matches.map((m) => m.want.id)).to.include('too-dear');
  });

  it('normalises case, spaces and hyphens', () => {
    expect([vehicleKey(' CR-V '), vehicleKey('cr v'), vehicleKey('F 150')]).to.deep.equal(['crv', 'crv', 'f150']);
  });
});
