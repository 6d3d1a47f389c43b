/**
 * The server's last word on a record, applied to the answers the cache holds: a confirmed write's
 * answer, or the current record a conflict (409) sent back. Without it a read served from the
 * cache (offline, or before it is read again) still shows the record as it was, and the next
 * write based on that version is refused as "changed elsewhere", after a reload or in another tab
 * as much as in the page that wrote.
 */

/** A record the server versions: what a write answers and a conflict carries. */
export interface VersionedRecord {
  id: string;
  version: number;
  [field: string]: unknown;
}

/**
 * The versioned record in a write's answer or in a conflict's body (`{ current }`), or null.
 * @example
 * recordOf({ id: 'c-1', version: 3, sourceId: 'GOOG' }); // the record
 * recordOf({ current: { id: 'c-1', version: 3 } });       // the current record
 * recordOf({ mapped: 4 });                                // null
 */
export function recordOf(answer: unknown): VersionedRecord | null {
  const candidate = isObject(answer) && 'current' in answer ? answer.current : answer;
  return isObject(candidate) && typeof candidate.id === 'string' && typeof candidate.version === 'number' && Number.isFinite(candidate.version)
    ? (candidate as VersionedRecord)
    : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `value` (a cached answer: a list, a page, a record, nested) with every older copy of `record`
 * replaced: an object with the same `id` and a lower `version` takes the record's fields; a
 * board entry of the customer (`customerId`, `customerVersion`) takes its source and version,
 * and is known once it has a source the user picked (one that was unknown stays so while its
 * source is the same). A copy as new as the record or newer is left alone.
 * @returns The patched value (a copy; `value` is not changed), or `undefined` when nothing in it is older.
 * @example
 * patchRead([{ id: 'c-1', version: 1, sourceId: null }], { id: 'c-1', version: 2, sourceId: 'GOOG' });
 * // → [{ id: 'c-1', version: 2, sourceId: 'GOOG' }]
 * patchRead([{ customerId: 'c-1', customerVersion: 1, sourceId: null, sourceUnknown: true }], { id: 'c-1', version: 2, sourceId: 'GOOG' });
 * // → [{ customerId: 'c-1', customerVersion: 2, sourceId: 'GOOG', sourceUnknown: false }]
 * patchRead({ items: [] }, { id: 'c-1', version: 2 }); // undefined
 */
export function patchRead(value: unknown, record: VersionedRecord): unknown {
  const patched = patch(value, record, 0);
  return patched === value ? undefined : patched;
}

/** Deep enough for any answer of the contract (a page of records with nested parts). */
const MAX_DEPTH = 6;

function patch(value: unknown, record: VersionedRecord, depth: number): unknown {
  if (depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    let changed = false;
    const next = value.map((item) => {
      const patched = patch(item, record, depth + 1);
      if (patched !== item) changed = true;
      return patched;
    });
    return changed ? next : value;
  }
  if (!isObject(value)) return value;
  if (value.id === record.id && typeof value.version === 'number') {
    return value.version < record.version ? { ...value, ...record } : value;
  }
  if (value.customerId === record.id && typeof value.customerVersion === 'number' && 'sourceId' in record) {
    if (value.customerVersion >= record.version) return value;
    const sourceId = (record.sourceId ?? null) as string | null;
    const sourceUnknown = sourceId === null ? true : sourceId === value.sourceId ? value.sourceUnknown : false;
    return { ...value, sourceId, customerVersion: record.version, sourceUnknown };
  }
  let next: Record<string, unknown> | null = null;
  for (const [key, field] of Object.entries(value)) {
    if (typeof field !== 'object' || field === null) continue;
    const patched = patch(field, record, depth + 1);
    if (patched !== field) (next ??= { ...value })[key] = patched;
  }
  return next ?? value;
}
