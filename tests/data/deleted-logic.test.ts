import { expect } from '@open-wc/testing';
import type { Customer, DeletedRecord } from '../../src/data/model.js';
import {
  buildRestoreRequest,
  filterDeletedRecords,
  matchesDeletedSearch,
  restoreRecords,
  suggestedRestoreFields,
  survivorValues,
} from '../../src/data/logic/deleted.js';

const now = new Date('2026-11-23T15:00:00.000Z');

const ana: Customer = {
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
  fields: { firstName: 'José', lastName: 'Muñoz', phone: '+15125550009', email: 'jose@example.com' },
  restoredAt: null,
  restoredBy: null,
  version: 1,
  ...over,
});

const leftover = (over: Partial<DeletedRecord> = {}) =>
  record({
    id: 'del-2',
    kind: 'merge-leftover',
    customerId: 'c1',
    customerName: 'Ana López',
    reason: 'merge',
    mergedIntoId: 'c1',
    mergedIntoName: 'Ana López',
    fields: { phone: '+15125550077', email: 'ana@example.com' },
    ...over,
  });

describe('matchesDeletedSearch', () => {
  const r = record({});
  const cases: [string, boolean][] = [
    ['', true],
    ['   ', true],
    ['josé', true],
    ['MUÑOZ', true],
    ['jose@example', true],
    ['(512) 555-0009', true],
    ['512.555.0009', true],
    ['5550009', true],
    ['+1 512 555 0009', true],
    ['555-0001', false],
    ['12', false], // too few digits to mean a phone
    ['ana', false],
    ['Dana', false], // who deleted it is not the customer
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected}`, () => {
      expect(matchesDeletedSearch(r, text)).to.equal(expected);
    });
  }

  it('finds a merge leftover by the survivor name', () => {
    expect(matchesDeletedSearch(leftover({ customerName: 'A. Lopez' }), 'ana lópez')).to.equal(true);
  });
});

describe('filterDeletedRecords', () => {
  const zone = 'America/Chicago';
  const records = [
    // 23:30 on Oct 31 in Chicago (CDT, UTC-5), already Nov 1 in UTC
    record({ id: 'late-oct', deletedAt: '2026-11-01T04:30:00.000Z' }),
    record({ id: 'nov-1', deletedAt: '2026-11-01T05:30:00.000Z' }),
    record({ id: 'nov-30', deletedAt: '2026-11-30T20:00:00.000Z', reason: 'auto-merge' }),
    record({ id: 'dec-1', deletedAt: '2026-12-01T06:30:00.000Z' }), // 00:30 on Dec 1 (CST, UTC-6)
    record({ id: 'restored', deletedAt: '2026-11-10T15:00:00.000Z', restoredAt: '2026-11-11T10:00:00.000Z' }),
    record({ id: 'a-same', deletedAt: '2026-11-10T15:00:00.000Z', customerName: 'Bo Smith', fields: { phone: '+13125550100' } }),
  ];
  const ids = (list: DeletedRecord[]) => list.map((r) => r.id);

  it("takes the range as days in the dealer's zone, newest first, restored ones left out", () => {
    expect(ids(filterDeletedRecords(records, { from: '2026-11-01', to: '2026-11-30' }, zone))).to.deep.equal(['nov-30', 'a-same', 'nov-1']);
  });

  it('includes restored records, filters by reason and search', () => {
    expect(ids(filterDeletedRecords(records, { from: '2026-11-01', to: '2026-11-30', includeRestored: true }, zone))).to.deep.equal([
      'nov-30',
      'a-same',
      'restored',
      'nov-1',
    ]);
    expect(ids(filterDeletedRecords(records, { from: '2026-10-01', to: '2026-12-31', reason: 'auto-merge' }, zone))).to.deep.equal(['nov-30']);
    expect(ids(filterDeletedRecords(records, { from: '2026-10-01', to: '2026-12-31', search: '312 555' }, zone))).to.deep.equal(['a-same']);
  });

  it('refuses a reversed range', () => {
    expect(() => filterDeletedRecords(records, { from: '2026-12-01', to: '2026-11-01' }, zone)).to.throw('Invalid date range');
  });
});

describe('survivorValues and suggestedRestoreFields', () => {
  it("gives the survivor's current values of the leftover's fields", () => {
    const people = new Map([[ana.id, ana]]);
    expect(survivorValues(leftover(), people)).to.deep.equal({ phone: '+15125550001', email: '' });
    expect(survivorValues(leftover({ mergedIntoId: 'gone' }), people)).to.equal(null);
    expect(survivorValues(record({}), people)).to.equal(undefined);
  });

  it('suggests only fields that overwrite nothing the survivor has', () => {
    expect(suggestedRestoreFields(leftover({ mergedIntoCurrent: { phone: '+15125550001', email: '' } }))).to.deep.equal(['email']);
    expect(suggestedRestoreFields(leftover({ mergedIntoCurrent: { phone: '+15125550077', email: 'x@y.z' } }))).to.deep.equal(['phone']);
    // A field with no column (kept in `extra`) can be put back; the row's own version cannot.
    expect(suggestedRestoreFields(leftover({ fields: { fax: '1', version: '3', email: 'a@b.c' } }))).to.deep.equal(['fax', 'email']);
  });
});

describe('buildRestoreRequest', () => {
  it('puts whole customers first and leaves out leftovers with nothing chosen', () => {
    const l1 = leftover();
    const l2 = leftover({ id: 'del-3' });
    const c = record({});
    expect(buildRestoreRequest([l1, c, l2], { 'del-2': ['email', 'email', 'nope'], 'del-3': [] })).to.deep.equal({
      ids: ['del-1', 'del-2'],
      fields: { 'del-2': ['email'] },
    });
    expect(buildRestoreRequest([c], {})).to.deep.equal({ ids: ['del-1'] });
    expect(buildRestoreRequest([l2], {})).to.equal(null);
  });
});

describe('restoreRecords: who, and order', () => {
  it('stamps who restored, and reports it to a later restore of the same record', () => {
    const first = restoreRecords([record({})], [ana], { ids: ['del-1'] }, now, 'Dana Ruiz');
    expect(first.deleted[0]).to.include({ restoredBy: 'Dana Ruiz', restoredAt: '2026-11-23T15:00:00.000Z' });
    const second = restoreRecords(first.deleted, first.customers, { ids: ['del-1'] }, now, 'Mike Chen');
    expect(second.result.failed).to.deep.equal([
      {
        id: 'del-1',
        code: 'already-restored',
        reason: 'José Muñoz was already restored by Dana Ruiz on 2026-11-23.',
        restoredAt: '2026-11-23T15:00:00.000Z',
        restoredBy: 'Dana Ruiz',
      },
    ]);
  });

  it('restores a customer before a leftover that belongs on it, reporting in request order', () => {
    const bo = record({ id: 'del-bo', customerId: 'c7', customerName: 'Bo Smith', fields: { firstName: 'Bo', lastName: 'Smith' } });
    const onBo = leftover({ id: 'del-onbo', mergedIntoId: 'c7', mergedIntoName: 'Bo Smith', fields: { email: 'bo@example.com' } });
    const out = restoreRecords([bo, onBo], [ana], { ids: ['del-onbo', 'del-bo'] }, now);
    expect(out.result.restored).to.deep.equal(['del-onbo', 'del-bo']);
    expect(out.result.failed).to.deep.equal([]);
    expect(out.result.details!.map((d) => [d.id, d.customerId, d.fields])).to.deep.equal([
      ['del-onbo', 'c7', ['email']],
      ['del-bo', 'c7', ['firstName', 'lastName']],
    ]);
    expect(out.customers.find((c) => c.id === 'c7')).to.include({ firstName: 'Bo', email: 'bo@example.com' });
  });

  it('fails a whole customer that already exists', () => {
    const out = restoreRecords([record({ customerId: 'c1' })], [ana], { ids: ['del-1'] }, now);
    expect(out.result.failed.map((f) => f.code)).to.deep.equal(['exists']);
  });
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
  const mergeLeftover = record({
    id: 'del-2',
    kind: 'merge-leftover',
    customerId: 'c1',
    customerName: 'Ana López',
    reason: 'merge',
    mergedIntoId: 'c1',
    mergedIntoName: 'Ana López',
    fields: { phone: '+15125550077', email: 'ana@example.com' },
  });
  const deleted = [wholeCustomer, mergeLeftover, record({ id: 'del-3', restoredAt: '2026-10-05T10:00:00.000Z' })];

  it('brings a deleted customer back whole', () => {
    const out = restoreRecords(deleted, [ana], { ids: ['del-1'] }, now);
    expect(out.result).to.deep.equal({
      restored: ['del-1'],
      failed: [],
      details: [
        {
          id: 'del-1',
          kind: 'customer',
          fromName: 'José Muñoz',
          customerId: 'c9',
          customerName: 'José Muñoz',
          // `version` is the row's, not a value: 7 of the 8 snapshot fields come back.
          fields: ['firstName', 'lastName', 'phone', 'email', 'sourceId', 'status', 'firstVisit'],
          related: { vehicles: [], notes: [], wants: [] },
          skipped: [],
        },
      ],
    });
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
    const out = restoreRecords(deleted, [ana], { ids: ['del-2'], fields: { 'del-2': ['email'] } }, now);
    expect(out.result.restored).to.deep.equal(['del-2']);
    expect(out.customers[0]).to.include({ phone: '+15125550001', email: 'ana@example.com', version: 5 });
    const all = restoreRecords(deleted, [ana], { ids: ['del-2'] }, now);
    expect(all.customers[0]).to.include({ phone: '+15125550077', email: 'ana@example.com' });
  });

  it('fails records it cannot restore, with the reason', () => {
    const gone = record({ id: 'del-4', kind: 'merge-leftover', mergedIntoId: 'c404', mergedIntoName: 'Bo Smith', fields: { phone: '1' } });
    const odd = record({ id: 'del-5', kind: 'merge-leftover', mergedIntoId: 'c1', fields: { version: '555' } });
    const out = restoreRecords([...deleted, gone, odd], [ana], { ids: ['del-3', 'nope', 'del-4', 'del-5', 'del-2'], fields: { 'del-2': ['address'] } }, now);
    expect(out.result).to.deep.equal({
      restored: [],
      details: [],
      failed: [
        {
          id: 'del-3',
          code: 'already-restored',
          reason: 'José Muñoz was already restored on 2026-10-05.',
          restoredAt: '2026-10-05T10:00:00.000Z',
          restoredBy: null,
        },
        { id: 'nope', code: 'not-found', reason: 'No deleted record "nope".' },
        { id: 'del-4', code: 'target-missing', reason: 'Bo Smith no longer exists; restore that customer first.' },
        { id: 'del-5', code: 'invalid-fields', reason: '"version" cannot be put back on a customer.' },
        { id: 'del-2', code: 'invalid-fields', reason: 'The record holds no "address".' },
      ],
    });
    expect(out.customers).to.deep.equal([ana]);
  });

  it('restores a record only once', () => {
    const first = restoreRecords(deleted, [ana], { ids: ['del-1'] }, now);
    const second = restoreRecords(first.deleted, first.customers, { ids: ['del-1'] }, now);
    expect(second.result.failed).to.deep.equal([
      {
        id: 'del-1',
        code: 'already-restored',
        reason: 'José Muñoz was already restored on 2026-11-23.',
        restoredAt: '2026-11-23T15:00:00.000Z',
        restoredBy: null,
      },
    ]);
    expect(second.customers.filter((c) => c.id === 'c9')).to.have.length(1);
  });
});

describe('restoreRecords: the whole snapshot', () => {
  const snapshot = record({
    id: 'del-7',
    customerId: 'c7',
    customerName: 'Mary Ann Smith',
    fields: {
      firstName: 'Mary Ann',
      lastName: 'Smith',
      phone: '+15125550123',
      email: 'maryann@example.org',
      sourceId: 'g',
      status: 'need-car-locate',
      firstVisit: '',
      version: '2',
      address: '12 Elm St',
      city: 'Austin',
      postalCode: '78701',
    },
    related: {
      vehicles: [
        { id: 'v1', year: 2016, make: 'Honda', model: 'Civic', vin: null },
        { id: 'v2', year: 2021, make: 'Kia', model: 'Soul', vin: 'KNDJ23AU1M7000001' },
      ],
      notes: [
        { id: 'n1', at: '2026-01-02T10:00:00.000Z', by: 'Dana Ruiz', text: 'Prefers text.' },
        { id: 'n2', at: '2026-02-02T10:00:00.000Z', by: 'Mike Chen', text: 'Brake quote.' },
        { id: 'n3', at: '2026-03-02T10:00:00.000Z', by: 'Dana Ruiz', text: 'Loaner.' },
      ],
      wants: [
        {
          id: 'w1',
          customerId: 'c7',
          customerName: 'Mary Ann Smith',
          customerStatus: 'need-car-locate',
          yearFrom: 2018,
          yearTo: 2020,
          make: 'Toyota',
          model: 'RAV4',
          trim: null,
          color: null,
          maxMileage: null,
          maxPrice: null,
          createdAt: '2026-09-01T10:00:00.000Z',
          salespersonName: null,
        },
      ],
    },
  });

  it('brings back every field, the name and first visit as stored, and every related record', () => {
    const out = restoreRecords([snapshot], [ana], { ids: ['del-7'] }, now, 'Tom Becker', []);
    const mary = out.customers.find((c) => c.id === 'c7')!;
    expect(mary).to.deep.equal({
      id: 'c7',
      firstName: 'Mary Ann',
      lastName: 'Smith',
      phone: '+15125550123',
      email: 'maryann@example.org',
      sourceId: 'g',
      status: 'need-car-locate',
      firstVisit: null,
      version: 3,
      updatedAt: '2026-11-23T15:00:00.000Z',
      extra: { address: '12 Elm St', city: 'Austin', postalCode: '78701' },
      vehicles: snapshot.related!.vehicles,
      notes: snapshot.related!.notes,
    });
    expect(out.wants).to.deep.equal(snapshot.related!.wants);
    const detail = out.result.details![0]!;
    // 11 snapshot fields less the row's version: 10 fields, 2 vehicles, 3 notes, 1 want.
    expect(detail.fields).to.have.length(10);
    expect(detail.related).to.deep.equal({ vehicles: ['v1', 'v2'], notes: ['n1', 'n2', 'n3'], wants: ['w1'] });
    expect(detail.skipped).to.deep.equal([]);
    expect(out.log).to.deep.equal([
      { ...detail, id: 'del-7@2026-11-23T15:00:00.000Z', recordId: 'del-7', fromCustomerId: 'c7', at: '2026-11-23T15:00:00.000Z', by: 'Tom Becker' },
    ]);
  });

  it('keeps a legacy record\'s whole name as the last name, and gives it no first visit', () => {
    const legacy = record({ id: 'del-8', customerId: 'c8', customerName: 'Mary Ann Smith', fields: { phone: '+15125550124' } });
    const out = restoreRecords([legacy], [], { ids: ['del-8'] }, now);
    expect(out.customers[0]).to.include({ firstName: '', lastName: 'Mary Ann Smith', firstVisit: null, status: 'active' });
  });

  it('says what it could not put back instead of dropping it', () => {
    const odd = record({ id: 'del-9', customerId: 'c9', fields: { firstName: 'José', lastName: 'Muñoz', status: 'vip', firstVisit: 'last spring' } });
    const out = restoreRecords([odd], [], { ids: ['del-9'] }, now);
    expect(out.result.details![0]!.fields).to.deep.equal(['firstName', 'lastName']);
    expect(out.result.details![0]!.skipped).to.deep.equal([
      { kind: 'field', name: 'status', code: 'invalid', reason: '"vip" is not a customer status.' },
      { kind: 'field', name: 'firstVisit', code: 'invalid', reason: '"last spring" is not a date.' },
    ]);
    expect(out.customers[0]).to.include({ status: 'active', firstVisit: null });
  });

  it('puts exactly the chosen fields and related records of a leftover back, listing the rest', () => {
    const left = leftover({
      fields: { phone: '+15125550077', address: '9 Oak Ave' },
      related: { vehicles: [{ id: 'v9', year: 2019, make: 'Ford', model: 'F-150', vin: null }], notes: [{ id: 'n9', at: '2026-01-01T00:00:00.000Z', by: 'Dana Ruiz', text: 'Fleet.' }] },
    });
    const withNote = { ...ana, notes: [{ id: 'n9', at: '2026-01-01T00:00:00.000Z', by: 'Dana Ruiz', text: 'Fleet.' }] };
    const out = restoreRecords([left], [withNote], { ids: ['del-2'], fields: { 'del-2': ['address'] }, related: { 'del-2': ['n9'] } }, now, 'Dana Ruiz');
    expect(out.customers[0]).to.include({ phone: '+15125550001', version: 5 });
    expect(out.customers[0]!.extra).to.deep.equal({ address: '9 Oak Ave' });
    expect(out.customers[0]!.vehicles).to.equal(undefined);
    const detail = out.result.details![0]!;
    expect(detail).to.deep.include({ customerId: 'c1', customerName: 'Ana López', fields: ['address'], related: { vehicles: [], notes: [], wants: [] } });
    expect(detail.skipped).to.deep.equal([
      { kind: 'field', name: 'phone', code: 'not-chosen', reason: 'Not chosen.' },
      { kind: 'vehicles', name: 'v9', code: 'not-chosen', reason: 'Not chosen.' },
      { kind: 'notes', name: 'n9', code: 'duplicate', reason: 'Ana López already has it.' },
    ]);
    const bad = restoreRecords([left], [ana], { ids: ['del-2'], related: { 'del-2': ['zz'] } }, now);
    expect(bad.result.failed).to.deep.equal([{ id: 'del-2', code: 'invalid-fields', reason: 'The record holds no related record "zz".' }]);
  });

  it('builds a request that names the chosen related records of each leftover', () => {
    const left = leftover({ related: { vehicles: [{ id: 'v9', year: null, make: 'Ford', model: 'F-150', vin: null }] } });
    expect(buildRestoreRequest([left], { 'del-2': ['email'] }, {})).to.deep.equal({ ids: ['del-2'], fields: { 'del-2': ['email'] }, related: { 'del-2': [] } });
    expect(buildRestoreRequest([left], {}, { 'del-2': ['v9', 'nope'] })).to.deep.equal({ ids: ['del-2'], fields: { 'del-2': [] }, related: { 'del-2': ['v9'] } });
    expect(buildRestoreRequest([left], {}, {})).to.equal(null);
  });
});
