/**
 * What a restore of deleted customers and merge leftovers puts back: a whole customer with every
 * field and related record its deletion snapshot holds, or exactly the fields and related records
 * chosen from a merge leftover. Nothing is dropped without saying so: what is not put back is
 * listed with why (`RestoreDetail.skipped`), and every restore yields a log entry.
 * Re-exported by `deleted.ts`.
 */
import type {
  Customer,
  CustomerStatus,
  DeletedRecord,
  IsoDateTime,
  RelatedIds,
  RelatedKind,
  RestoreDetail,
  RestoreFailure,
  RestoreLogEntry,
  RestoreRequest,
  RestoreResult,
  RestoreSkip,
  VehicleWant,
} from '../model.js';
import { CUSTOMER_STATUSES, RELATED_KINDS } from '../model.js';

/**
 * The customer columns a snapshot field fills. Every other field of a snapshot (address, city,
 * notes text, …) is kept in `Customer.extra`, except the record's own {@link SNAPSHOT_META_FIELDS}.
 */
export const RESTORABLE_FIELDS = ['firstName', 'lastName', 'phone', 'email', 'sourceId', 'status', 'firstVisit'] as const;
export type RestorableField = (typeof RESTORABLE_FIELDS)[number];

/** Snapshot fields that describe the stored row rather than the customer: read, never put back as values. */
export const SNAPSHOT_META_FIELDS = ['id', 'version', 'updatedAt'] as const;

const isColumn = (field: string): field is RestorableField => (RESTORABLE_FIELDS as readonly string[]).includes(field);

/**
 * True for a field a restore can put back on a customer: a column, or any other field the CRM
 * held (kept in `Customer.extra`); false for the row's own id, version and update time.
 * @param field A key of `DeletedRecord.fields`.
 * @returns Whether it can be put back.
 * @example isRestorableField('email') // true; isRestorableField('address') // true; isRestorableField('version') // false
 */
export function isRestorableField(field: string): boolean {
  return !!field && !(SNAPSHOT_META_FIELDS as readonly string[]).includes(field);
}

/**
 * A customer's value of a field as text, the form `DeletedRecord.fields` uses ('' for none);
 * a field that is not a column is read from `Customer.extra`.
 * @param customer The customer.
 * @param field The field.
 * @returns The value as text.
 * @example customerFieldText({ ...customer, email: null }, 'email') // ''
 * customerFieldText({ ...customer, extra: { address: '12 Elm St' } }, 'address') // '12 Elm St'
 */
export function customerFieldText(customer: Customer, field: string): string {
  if (isColumn(field)) return customer[field] ?? '';
  return customer.extra?.[field] ?? '';
}

/**
 * Puts one field's value on a customer (mutating `next`, a copy). Returns why it could not, or null.
 * An empty value means "none": null for the nullable columns, null for the first visit.
 */
function applyField(next: Customer, field: string, value: string): string | null {
  switch (field) {
    case 'phone':
    case 'email':
    case 'sourceId':
      next[field] = value || null;
      return null;
    case 'status':
      if (!(CUSTOMER_STATUSES as readonly string[]).includes(value)) return `"${value}" is not a customer status.`;
      next.status = value as CustomerStatus;
      return null;
    case 'firstVisit':
      if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return `"${value}" is not a date.`;
      next.firstVisit = value || null;
      return null;
    case 'firstName':
    case 'lastName':
      next[field] = value;
      return null;
    default:
      next.extra = { ...next.extra, [field]: value };
      return null;
  }
}

/**
 * The surviving customer's current values of a merge leftover's fields, for comparing before
 * putting any back (`DeletedRecord.mergedIntoCurrent`).
 * @param record A deleted record.
 * @param customers Every customer by id.
 * @returns Field → current value ('' for none); null when the survivor is gone; undefined for a whole customer.
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
 * A record's related records as one list of `[kind, id]`, in kind order (vehicles, notes, wants).
 * @param record A deleted record.
 * @returns The pairs; empty when it holds none.
 * @example relatedEntries({ ...record, related: { notes: [{ id: 'n1', … }], vehicles: [{ id: 'v1', … }] } }) // [['vehicles', 'v1'], ['notes', 'n1']]
 */
export function relatedEntries(record: DeletedRecord): [RelatedKind, string][] {
  return RELATED_KINDS.flatMap((kind) => (record.related?.[kind] ?? []).map((item): [RelatedKind, string] => [kind, item.id]));
}

/**
 * The restore request for checked records: whole customers first (a leftover may belong on one
 * of them), then merge leftovers with the fields and related records chosen for each. A leftover
 * with related records always says which (possibly none), so exactly the chosen ones come back; a
 * leftover with nothing chosen is left out (nothing to put back).
 * @param records The checked records, in any order.
 * @param chosen Per merge-leftover id, the fields to put back.
 * @param chosenRelated Per merge-leftover id, the related records' ids to put back (none when absent).
 * @returns The request, or null when it would restore nothing.
 * @example buildRestoreRequest([leftover, customer], { [leftover.id]: ['email'] })
 * // { ids: [customer.id, leftover.id], fields: { [leftover.id]: ['email'] } }
 */
export function buildRestoreRequest(
  records: readonly DeletedRecord[],
  chosen: Readonly<Record<string, readonly string[]>>,
  chosenRelated: Readonly<Record<string, readonly string[]>> = {},
): RestoreRequest | null {
  const ids: string[] = [];
  const fields: Record<string, string[]> = {};
  const related: Record<string, string[]> = {};
  for (const r of records) if (r.kind === 'customer') ids.push(r.id);
  for (const r of records) {
    if (r.kind !== 'merge-leftover') continue;
    const picked = (chosen[r.id] ?? []).filter((f) => f in r.fields);
    const held = new Set(relatedEntries(r).map(([, id]) => id));
    const pickedRelated = (chosenRelated[r.id] ?? []).filter((id) => held.has(id));
    if (!picked.length && !pickedRelated.length) continue;
    ids.push(r.id);
    fields[r.id] = [...new Set(picked)];
    if (held.size) related[r.id] = [...new Set(pickedRelated)];
  }
  if (!ids.length) return null;
  return {
    ids,
    ...(Object.keys(fields).length && { fields }),
    ...(Object.keys(related).length && { related }),
  };
}

const fullName = (c: Pick<Customer, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`.trim();
const noRelated = (): RelatedIds => ({ vehicles: [], notes: [], wants: [] });

/**
 * The customer a whole-customer snapshot stands for, before its fields are applied. The name is
 * kept as stored: `firstName`/`lastName` as the snapshot holds them; a legacy record with neither
 * keeps its whole `customerName` as the last name (never split at a space). No first visit in the
 * snapshot means none (null), never the deletion day.
 */
function baseCustomer(record: DeletedRecord, at: IsoDateTime): Customer {
  const f = record.fields;
  const named = 'firstName' in f || 'lastName' in f;
  const version = Number(f.version);
  return {
    id: record.customerId,
    firstName: named ? (f.firstName ?? '') : '',
    lastName: named ? (f.lastName ?? '') : record.customerName,
    phone: null,
    email: null,
    sourceId: null,
    status: 'active',
    firstVisit: null,
    version: Number.isInteger(version) && version > 0 ? version + 1 : 1,
    updatedAt: at,
  };
}

/** Puts `fields` of a record on a customer; returns those put back and what was not. */
function applyFields(customer: Customer, record: DeletedRecord, fields: readonly string[]): { customer: Customer; put: string[]; skipped: RestoreSkip[] } {
  const next: Customer = { ...customer };
  const put: string[] = [];
  const skipped: RestoreSkip[] = [];
  for (const field of fields) {
    if (!isRestorableField(field)) continue;
    const why = applyField(next, field, record.fields[field] ?? '');
    if (why) skipped.push({ kind: 'field', name: field, code: 'invalid', reason: why });
    else put.push(field);
  }
  return { customer: next, put, skipped };
}

/** Adds a record's chosen related records to a customer (and its wants to the list); returns what came back and what did not. */
function applyRelated(
  customer: Customer,
  record: DeletedRecord,
  chosen: ReadonlySet<string> | null,
  wants: Map<string, VehicleWant>,
): { customer: Customer; put: RelatedIds; skipped: RestoreSkip[] } {
  const next: Customer = { ...customer };
  const put = noRelated();
  const skipped: RestoreSkip[] = [];
  const name = fullName(next);
  const take = (kind: RelatedKind, id: string, exists: boolean): boolean => {
    if (chosen && !chosen.has(id)) {
      skipped.push({ kind, name: id, code: 'not-chosen', reason: 'Not chosen.' });
      return false;
    }
    if (exists) {
      skipped.push({ kind, name: id, code: 'duplicate', reason: `${name} already has it.` });
      return false;
    }
    put[kind].push(id);
    return true;
  };
  for (const vehicle of record.related?.vehicles ?? []) {
    const list = next.vehicles ?? [];
    if (take('vehicles', vehicle.id, list.some((x) => x.id === vehicle.id))) next.vehicles = [...list, { ...vehicle }];
  }
  for (const note of record.related?.notes ?? []) {
    const list = next.notes ?? [];
    if (take('notes', note.id, list.some((x) => x.id === note.id))) next.notes = [...list, { ...note }];
  }
  for (const want of record.related?.wants ?? []) {
    if (take('wants', want.id, wants.has(want.id))) {
      wants.set(want.id, { ...want, customerId: next.id, customerName: name, customerStatus: next.status });
    }
  }
  return { customer: next, put, skipped };
}

/**
 * Restores deleted records. A `customer` record brings the customer back whole: every field of
 * its snapshot (columns as columns, the others in `Customer.extra`), its vehicles and notes, and
 * its open wants back on the wants list. A `merge-leftover` puts exactly the chosen fields (all
 * when none are chosen) and the chosen related records (all when the request names none for it)
 * onto the customer it was merged into. Whole customers go first, so a leftover can go back onto
 * a customer restored in the same request. Each record either restores or fails with a code and
 * a reason; a restored record is marked `restoredAt`/`restoredBy` (and kept, for the audit trail),
 * says in `details` what came back and what did not (not chosen, an invalid value, already
 * there), and gets a restore-log entry.
 * @param deleted Every deleted record.
 * @param customers Every customer.
 * @param request Record ids, and per merge leftover the fields and related records to put back.
 * @param now When the restore happens.
 * @param by Who restores (null when unknown).
 * @param wants Every open want (restored wants are added).
 * @returns New arrays of records, customers and wants (changed items are new objects), what
 *   restored or failed (each in the request's order, with `details` per restored record), and
 *   the log entries of this restore (id `<record id>@<time>`).
 * @example
 * restoreRecords(deleted, customers, { ids: ['del-1', 'nope'] }, new Date()).result;
 * // { restored: ['del-1'], failed: [{ id: 'nope', code: 'not-found', reason: 'No deleted record "nope".' }], details: [{ id: 'del-1', fields: [...], ... }] }
 */
export function restoreRecords(
  deleted: readonly DeletedRecord[],
  customers: readonly Customer[],
  request: RestoreRequest,
  now: Date,
  by: string | null = null,
  wants: readonly VehicleWant[] = [],
): { deleted: DeletedRecord[]; customers: Customer[]; wants: VehicleWant[]; result: RestoreResult; log: RestoreLogEntry[] } {
  const at = now.toISOString();
  const records = new Map(deleted.map((r) => [r.id, r]));
  const people = new Map(customers.map((c) => [c.id, c]));
  const wanted = new Map(wants.map((w) => [w.id, w]));
  const outcome = new Map<string, RestoreFailure | RestoreDetail>();
  const fail = (id: string, code: RestoreFailure['code'], reason: string, extra: Partial<RestoreFailure> = {}) =>
    outcome.set(id, { id, code, reason, ...extra } as RestoreFailure);

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
    let fields: string[];
    let related: ReadonlySet<string> | null = null;
    let target: Customer;
    const notChosen: RestoreSkip[] = [];
    if (record.kind === 'customer') {
      if (people.has(record.customerId)) {
        fail(id, 'exists', `${record.customerName} already exists as a customer; nothing to restore.`);
        continue;
      }
      target = baseCustomer(record, at);
      fields = Object.keys(record.fields);
    } else {
      const survivor = record.mergedIntoId ? people.get(record.mergedIntoId) : undefined;
      if (!survivor) {
        fail(id, 'target-missing', `${record.mergedIntoName ?? 'The customer it was merged into'} no longer exists; restore that customer first.`);
        continue;
      }
      fields = request.fields?.[id] ?? Object.keys(record.fields);
      const missing = fields.filter((f) => !(f in record.fields));
      if (missing.length) {
        fail(id, 'invalid-fields', `The record holds no ${missing.map((f) => `"${f}"`).join(', ')}.`);
        continue;
      }
      const foreign = fields.filter((f) => !isRestorableField(f));
      if (foreign.length) {
        fail(id, 'invalid-fields', `${foreign.map((f) => `"${f}"`).join(', ')} cannot be put back on a customer.`);
        continue;
      }
      const askedRelated = request.related?.[id];
      if (askedRelated) {
        const held = new Set(relatedEntries(record).map(([, rid]) => rid));
        const unknown = askedRelated.filter((rid) => !held.has(rid));
        if (unknown.length) {
          fail(id, 'invalid-fields', `The record holds no related record ${unknown.map((r) => `"${r}"`).join(', ')}.`);
          continue;
        }
        related = new Set(askedRelated);
      }
      const picked = new Set(fields);
      for (const f of Object.keys(record.fields)) {
        if (!picked.has(f) && isRestorableField(f)) notChosen.push({ kind: 'field', name: f, code: 'not-chosen', reason: 'Not chosen.' });
      }
      target = { ...survivor, version: survivor.version + 1, updatedAt: at };
    }
    const withFields = applyFields(target, record, fields);
    const withRelated = applyRelated(withFields.customer, record, related, wanted);
    const customer = withRelated.customer;
    people.set(customer.id, customer);
    records.set(id, { ...record, restoredAt: at, restoredBy: by, version: record.version + 1 });
    outcome.set(id, {
      id,
      kind: record.kind,
      fromName: record.customerName,
      customerId: customer.id,
      customerName: fullName(customer),
      fields: withFields.put,
      related: withRelated.put,
      skipped: [...notChosen, ...withFields.skipped, ...withRelated.skipped],
    });
  }
  const result: Required<RestoreResult> = { restored: [], failed: [], details: [] };
  const log: RestoreLogEntry[] = [];
  for (const id of ids) {
    const o = outcome.get(id)!;
    if ('code' in o) {
      result.failed.push(o);
      continue;
    }
    result.restored.push(id);
    result.details.push(o);
    log.push({ ...o, id: `${id}@${at}`, recordId: id, fromCustomerId: records.get(id)!.customerId, at, by });
  }
  return { deleted: [...records.values()], customers: [...people.values()], wants: [...wanted.values()], result, log };
}
