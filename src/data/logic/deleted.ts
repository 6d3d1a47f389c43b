/**
 * Deleted customers and merge leftovers: which records a report lists, what a restore puts back.
 * Deleting or merging never destroys data, so restoring is always possible unless the record was
 * already restored or its target is gone.
 */
import type {
  Customer,
  CustomerStatus,
  DateRange,
  DeleteReason,
  DeletedRecord,
  IsoDateTime,
  RestoreFailure,
  RestoreRequest,
  RestoreResult,
} from '../model.js';
import { CUSTOMER_STATUSES } from '../model.js';
import { checkDateRange } from './calendar.js';
import { calendarRangeBounds } from './calendar-zones.js';

/** Customer fields a deleted record can carry and a restore can put back. */
export const RESTORABLE_FIELDS = ['firstName', 'lastName', 'phone', 'email', 'sourceId', 'status', 'firstVisit'] as const;
export type RestorableField = (typeof RESTORABLE_FIELDS)[number];

/**
 * True for a field a restore can put back on a customer.
 * @param field A key of `DeletedRecord.fields`.
 * @returns Whether it names a restorable customer field.
 * @example isRestorableField('email') // true; isRestorableField('version') // false
 */
export function isRestorableField(field: string): field is RestorableField {
  return (RESTORABLE_FIELDS as readonly string[]).includes(field);
}

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

/**
 * A customer's value of a restorable field as text, the form `DeletedRecord.fields` uses ('' for none).
 * @param customer The customer.
 * @param field The field.
 * @returns The value as text.
 * @example customerFieldText({ ...customer, email: null }, 'email') // ''
 */
export function customerFieldText(customer: Customer, field: RestorableField): string {
  return customer[field] ?? '';
}

/**
 * The surviving customer's current values of a merge leftover's fields, for comparing before
 * putting any back (`DeletedRecord.mergedIntoCurrent`).
 * @param record A deleted record.
 * @param customers Every customer by id.
 * @returns Field → current value ('' for none, or for a field a customer does not have); null
 *   when the survivor is gone; undefined for a whole customer.
 * @example survivorValues(leftover, new Map([['c1', ana]])) // { phone: '+15125550001', email: '' }
 */
export function survivorValues(record: DeletedRecord, customers: ReadonlyMap<string, Customer>): Record<string, string> | null | undefined {
  if (record.kind !== 'merge-leftover') return undefined;
  const survivor = record.mergedIntoId ? customers.get(record.mergedIntoId) : undefined;
  if (!survivor) return null;
  const values: Record<string, string> = {};
  for (const field of Object.keys(record.fields)) values[field] = isRestorableField(field) ? customerFieldText(survivor, field) : '';
  return values;
}

/**
 * The fields of a merge leftover worth putting back by default: those the surviving customer has
 * no value for (or the same one), so nothing the survivor holds now is overwritten unasked.
 * @param record A merge leftover with `mergedIntoCurrent` (all its restorable fields when absent).
 * @returns Field names, in the record's order.
 * @example suggestedRestoreFields({ ...leftover, fields: { phone: '1', email: 'a@b.c' }, mergedIntoCurrent: { phone: '2', email: '' } }) // ['email']
 */
export function suggestedRestoreFields(record: DeletedRecord): string[] {
  const current = record.mergedIntoCurrent;
  return Object.keys(record.fields).filter(
    (field) => isRestorableField(field) && (!current || !current[field] || current[field] === record.fields[field]),
  );
}

/**
 * The restore request for checked records: whole customers first (a leftover may belong on one
 * of them), then merge leftovers with the fields chosen for each; a leftover with no field
 * chosen is left out (nothing to put back).
 * @param records The checked records, in any order.
 * @param chosen Per merge-leftover id, the fields to put back.
 * @returns The request, or null when it would restore nothing.
 * @example buildRestoreRequest([leftover, customer], { [leftover.id]: ['email'] })
 * // { ids: [customer.id, leftover.id], fields: { [leftover.id]: ['email'] } }
 */
export function buildRestoreRequest(records: readonly DeletedRecord[], chosen: Readonly<Record<string, readonly string[]>>): RestoreRequest | null {
  const ids: string[] = [];
  const fields: Record<string, string[]> = {};
  for (const r of records) if (r.kind === 'customer') ids.push(r.id);
  for (const r of records) {
    if (r.kind !== 'merge-leftover') continue;
    const picked = (chosen[r.id] ?? []).filter((f) => f in r.fields);
    if (!picked.length) continue;
    ids.push(r.id);
    fields[r.id] = [...new Set(picked)];
  }
  if (!ids.length) return null;
  return Object.keys(fields).length ? { ids, fields } : { ids };
}

const digitsOf = (s: string) => s.replace(/\D+/g, '');

/**
 * Whether a deleted record matches what the user typed: name (also the survivor's), email, or
 * phone compared by digits, so "(512) 555-0009" finds "+15125550009".
 * @param record A deleted record.
 * @param search The typed text; blank matches everything.
 * @returns True when it matches.
 * @example matchesDeletedSearch(record, '512 555 0009') // true for fields.phone '+15125550009'
 */
export function matchesDeletedSearch(record: DeletedRecord, search: string | null | undefined): boolean {
  const text = (search ?? '').trim().toLowerCase();
  if (!text) return true;
  const f = record.fields;
  const words = [record.customerName, record.mergedIntoName ?? '', `${f.firstName ?? ''} ${f.lastName ?? ''}`, f.email ?? ''];
  if (words.some((w) => w.toLowerCase().includes(text))) return true;
  const digits = digitsOf(text);
  // Enough digits to mean a phone number, and nothing but phone punctuation around them.
  return digits.length >= 3 && /^[\d\s()+.-]+$/.test(text) && digitsOf(f.phone ?? '').includes(digits);
}

export interface DeletedFilter extends DateRange {
  reason?: DeleteReason;
  search?: string;
  includeRestored?: boolean;
}

/**
 * The deleted records a report lists: deleted within the calendar range in the dealer's zone,
 * of the reason, matching the search, not restored unless asked; newest first (then by id).
 * @param records Every deleted record.
 * @param filter Range (inclusive days), reason, search text, whether restored ones count.
 * @param zone The dealer's IANA zone, whose days the range means.
 * @returns A new, sorted array.
 * @throws AdapterError kind `rejected` for an invalid range or zone.
 * @example filterDeletedRecords(records, { from: '2026-11-01', to: '2026-11-30', search: 'ana' }, 'America/Chicago')
 */
export function filterDeletedRecords(records: readonly DeletedRecord[], filter: DeletedFilter, zone: string): DeletedRecord[] {
  const [start, end] = calendarRangeBounds(checkDateRange(filter), zone);
  const items = records.filter((r) => {
    const at = Date.parse(r.deletedAt);
    return (
      at >= start &&
      at < end &&
      (!filter.reason || r.reason === filter.reason) &&
      (filter.includeRestored || !r.restoredAt) &&
      matchesDeletedSearch(r, filter.search)
    );
  });
  const time = new Map(items.map((r) => [r, Date.parse(r.deletedAt)]));
  return items.sort((a, b) => time.get(b)! - time.get(a)! || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
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
 * merged into. Whole customers go first, so a leftover can go back onto a customer restored in
 * the same request. Each record either restores completely or fails with a code and a reason; a
 * restored record is marked `restoredAt`/`restoredBy` (and kept, for the audit trail).
 * @param deleted Every deleted record.
 * @param customers Every customer.
 * @param request Record ids, and per merge leftover the fields to put back.
 * @param now When the restore happens.
 * @param by Who restores (null when unknown).
 * @returns New arrays of records and customers (changed items are new objects), and what
 *   restored or failed, each in the request's order.
 * @example
 * restoreRecords(deleted, customers, { ids: ['del-1', 'nope'] }, new Date()).result;
 * // { restored: ['del-1'], failed: [{ id: 'nope', code: 'not-found', reason: 'No deleted record "nope".' }] }
 */
export function restoreRecords(
  deleted: readonly DeletedRecord[],
  customers: readonly Customer[],
  request: RestoreRequest,
  now: Date,
  by: string | null = null,
): { deleted: DeletedRecord[]; customers: Customer[]; result: RestoreResult } {
  const at = now.toISOString();
  const records = new Map(deleted.map((r) => [r.id, r]));
  const people = new Map(customers.map((c) => [c.id, c]));
  const outcome = new Map<string, RestoreFailure | null>();
  const fail = (id: string, code: RestoreFailure['code'], reason: string, extra: Partial<RestoreFailure> = {}) =>
    outcome.set(id, { id, code, reason, ...extra });

  const ids = [...new Set(request.ids)];
  const kindOf = (id: string) => records.get(id)?.kind;
  const ordered = [...ids.filter((id) => kindOf(id) === 'customer'), ...ids.filter((id) => kindOf(id) !== 'customer')];
  for (const id of ordered) {
    const record = records.get(id);
    if (!record) {
      fail(id, 'not-found', `No deleted record "${id}".`);
      continue;
    }
    if (record.restoredAt) {
      const who = record.restoredBy ? ` by ${record.restoredBy}` : '';
      fail(id, 'already-restored', `${record.customerName} was already restored${who} on ${record.restoredAt.slice(0, 10)}.`, {
        restoredAt: record.restoredAt,
        restoredBy: record.restoredBy,
      });
      continue;
    }
    if (record.kind === 'customer') {
      if (people.has(record.customerId)) {
        fail(id, 'exists', `${record.customerName} already exists as a customer; nothing to restore.`);
        continue;
      }
      people.set(record.customerId, rebuildCustomer(record, at));
    } else {
      const target = record.mergedIntoId ? people.get(record.mergedIntoId) : undefined;
      if (!target) {
        fail(id, 'target-missing', `${record.mergedIntoName ?? 'The customer it was merged into'} no longer exists; restore that customer first.`);
        continue;
      }
      const chosen = request.fields?.[id] ?? Object.keys(record.fields);
      const missing = chosen.filter((f) => !(f in record.fields));
      if (missing.length) {
        fail(id, 'invalid-fields', `The record holds no ${missing.map((f) => `"${f}"`).join(', ')}.`);
        continue;
      }
      const foreign = chosen.filter((f) => !isRestorableField(f));
      if (foreign.length) {
        fail(id, 'invalid-fields', `${foreign.map((f) => `"${f}"`).join(', ')} cannot be put back on a customer.`);
        continue;
      }
      people.set(target.id, { ...applyFields(target, record.fields, chosen.filter(isRestorableField)), version: target.version + 1, updatedAt: at });
    }
    records.set(id, { ...record, restoredAt: at, restoredBy: by, version: record.version + 1 });
    outcome.set(id, null);
  }
  const result: RestoreResult = { restored: [], failed: [] };
  for (const id of ids) {
    const failure = outcome.get(id);
    if (failure) result.failed.push(failure);
    else result.restored.push(id);
  }
  return { deleted: [...records.values()], customers: [...people.values()], result };
}
