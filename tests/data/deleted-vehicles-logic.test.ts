import { expect } from '@open-wc/testing';
import type { Customer, DeletedRecord } from '../../src/data/model.js';
import { restoreRecords } from '../../src/data/logic/deleted.js';

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
  restoredBy: null,
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
        {
          id: 'del-3',
          code: 'already-restored',
          reason: 'José Muñoz was already restored on 2026-10-05.',
          restoredAt: '2026-10-05T10:00:00.000Z',
          restoredBy: null,
        },
        { id: 'nope', code: 'not-found', reason: 'No deleted record "nope".' },
        { id: 'del-4', code: 'target-missing', reason: 'Bo Smith no longer exists; restore that customer first.' },
        { id: 'del-5', code: 'invalid-fields', reason: '"fax" cannot be put back on a customer.' },
        { id: 'del-2', code: 'invalid-fields', reason: 'The record holds no "address".' },
      ],
    });
    expect(out.customers).to.deep.equal([survivor]);
  });

  it('restores a record only once', () => {
    const first = restoreRecords(deleted, [survivor], { ids: ['del-1'] }, now);
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
