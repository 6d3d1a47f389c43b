/**
 * Restoring deleted customers and merge leftovers. Deleting or merging never destroys data, so
 * restoring is always possible unless the record was already restored or its target is gone.
 */
import type { Customer, CustomerStatus, DeletedRecord, IsoDateTime, RestoreRequest, RestoreResult } from '../model.js';
import { CUSTOMER_STATUSES } from '../model.js';

/** Customer fields a deleted record can carry and a restore can put back. */
export const RESTORABLE_FIELDS = ['firstName', 'lastName', 'phone', 'email', 'sourceId', 'status', 'firstVisit'] as const;
export type RestorableField = (typeof RESTORABLE_FIELDS)[number];

const isRestorable = (field: string): field is RestorableField => (RESTORABLE_FIELDS as readonly string[]).includes(field);

/** Field values as a customer holds them: an empty string means "none" for the nullable fields. */
function applyFields(customer: Customer, fields: Record<string, string>, names: readonly RestorableField[]): Customer {
  const next = { ...customer };
  for (const name of names) {
    const value = fields[name] ?? '';
    switch (name) {
      case 'phone':
      case 'email':
      case 'sourceId':
        next[name] = value || null;
        break;
      case 'status':
        if ((CUSTOMER_STATUSES as readonly string[]).includes(value)) next.status = value as CustomerStatus;
        break;
      case 'firstVisit':
        if (/^\d{4}-\d{2}-\d{2}$/.test(value)) next.firstVisit = value;
        break;
      default:
        next[name] = value;
    }
  }
  return next;
}

/** The customer a whole-customer record stands for, rebuilt from its fields. */
function rebuildCustomer(record: DeletedRecord, at: IsoDateTime): Customer {
  const [first = '', ...rest] = record.customerName.split(' ');
  const base: Customer = {
    id: record.customerId,
    firstName: first,
    lastName: rest.join(' '),
    phone: null,
    email: null,
    sourceId: null,
    status: 'active',
    firstVisit: record.deletedAt.slice(0, 10),
    version: 1,
    updatedAt: at,
  };
  const version = Number(record.fields.version);
  const customer = applyFields(base, record.fields, RESTORABLE_FIELDS.filter((f) => f in record.fields));
  return { ...customer, version: Number.isInteger(version) && version > 0 ? version + 1 : 1 };
}

/**
 * Restores deleted records. A `customer` record brings the customer back whole from its fields; a
 * `merge-leftover` puts the chosen fields (all when none are chosen) back on the customer it was
 * merged into. Each record either restores completely or fails with a reason; a restored record
 * is marked `restoredAt` (and kept, for the audit trail).
 * @param deleted Every deleted record.
 * @param customers Every customer.
 * @param request Record ids, and per merge leftover the fields to put back.
 * @param now When the restore happens.
 * @returns New arrays of records and customers (changed items are new objects), and what
 *   restored or failed.
 * @example
 * restoreRecords(deleted, customers, { ids: ['del-1', 'nope'] }, new Date()).result;
 * // { restored: ['del-1'], failed: [{ id: 'nope', reason: 'No deleted record "nope".' }] }
 */
export function restoreRecords(
  deleted: readonly DeletedRecord[],
  customers: readonly Customer[],
  request: RestoreRequest,
  now: Date,
): { deleted: DeletedRecord[]; customers: Customer[]; result: RestoreResult } {
  const at = now.toISOString();
  const records = new Map(deleted.map((r) => [r.id, r]));
  const people = new Map(customers.map((c) => [c.id, c]));
  const result: RestoreResult = { restored: [], failed: [] };
  const fail = (id: string, reason: string) => result.failed.push({ id, reason });

  for (const id of new Set(request.ids)) {
    const record = records.get(id);
    if (!record) {
      fail(id, `No deleted record "${id}".`);
      continue;
    }
    if (record.restoredAt) {
      fail(id, `${record.customerName} was already restored on ${record.restoredAt.slice(0, 10)}.`);
      continue;
    }
    if (record.kind === 'customer') {
      if (people.has(record.customerId)) {
        fail(id, `${record.customerName} already exists as a customer; nothing to restore.`);
        continue;
      }
      people.set(record.customerId, rebuildCustomer(record, at));
    } else {
      const target = record.mergedIntoId ? people.get(record.mergedIntoId) : undefined;
      if (!target) {
        fail(id, `${record.mergedIntoName ?? 'The customer it was merged into'} no longer exists; restore that customer first.`);
        continue;
      }
      const chosen = request.fields?.[id] ?? Object.keys(record.fields);
      const missing = chosen.filter((f) => !(f in record.fields));
      if (missing.length) {
        fail(id, `The record holds no ${missing.map((f) => `"${f}"`).join(', ')}.`);
        continue;
      }
      const foreign = chosen.filter((f) => !isRestorable(f));
      if (foreign.length) {
        fail(id, `${foreign.map((f) => `"${f}"`).join(', ')} cannot be put back on a customer.`);
        continue;
      }
      const restoredFields = chosen.filter(isRestorable);
      people.set(target.id, { ...applyFields(target, record.fields, restoredFields), version: target.version + 1, updatedAt: at });
    }
    records.set(id, { ...record, restoredAt: at, version: record.version + 1 });
    result.restored.push(id);
  }
  return { deleted: [...records.values()], customers: [...people.values()], result };
}
