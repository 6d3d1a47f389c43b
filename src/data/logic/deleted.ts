/**
 * Deleted customers and merge leftovers: which records a report lists; what a restore puts back
 * is in `deleted-restore.ts` (re-exported here).
 * Deleting or merging never destroys data, so restoring is always possible unless the record was
 * already restored or its target is gone.
 */
import type { DateRange, DeleteReason, DeletedRecord } from '../model.js';
import { checkDateRange } from './calendar.js';
import { calendarRangeBounds } from './calendar-zones.js';

export {
  RESTORABLE_FIELDS,
  SNAPSHOT_META_FIELDS,
  buildRestoreRequest,
  customerFieldText,
  isRestorableField,
  relatedEntries,
  restoreRecords,
  suggestedRestoreFields,
  survivorValues,
} from './deleted-restore.js';
export type { RestorableField } from './deleted-restore.js';

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
