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

/** What a search looks in: the record's words, lowercase, one a line, and its phone's digits. */
export interface DeletedSearchIndex {
  text: string;
  phoneDigits: string;
}

/**
 * The text a search of deleted records looks in: name (also the survivor's), the snapshot's
 * first and last name, email; and the phone's digits. A server stores it with the record.
 * @param record A deleted record.
 * @returns The lowercase words (one a line) and the phone's digits.
 * @example deletedSearchIndex(record).phoneDigits // '15125550009'
 */
export function deletedSearchIndex(record: DeletedRecord): DeletedSearchIndex {
  const f = record.fields;
  const words = [record.customerName, record.mergedIntoName ?? '', `${f.firstName ?? ''} ${f.lastName ?? ''}`, f.email ?? ''];
  return { text: words.map((w) => w.toLowerCase()).join('\n'), phoneDigits: digitsOf(f.phone ?? '') };
}

/**
 * What a typed search looks for: the lowercase text in the words, and, when it is a phone number
 * (3 digits or more and nothing but phone punctuation), its digits in the phone's; both null for a
 * blank search, which matches everything.
 * @example deletedSearchTerms(' (512) 555 ') // { text: '(512) 555', digits: '512555' }
 */
export function deletedSearchTerms(search: string | null | undefined): { text: string | null; digits: string | null } {
  const text = (search ?? '').trim().toLowerCase();
  if (!text) return { text: null, digits: null };
  const digits = digitsOf(text);
  return { text, digits: digits.length >= 3 && /^[\d\s()+.-]+$/.test(text) ? digits : null };
}

/**
 * Whether a deleted record matches what the user typed: name (also the survivor's), email, or
 * phone compared by digits, so "(512) 555-0009" finds "+15125550009".
 * @param record A deleted record.
 * @param search The typed text; blank matches everything.
 * @returns True when it matches.
 * @example matchesDeletedSearch(record, '512 555 0009') // true for fields.phone '+15125550009'
 */
export function matchesDeletedSearch(record: DeletedRecord, search: string | null | undefined): boolean {
  const terms = deletedSearchTerms(search);
  if (terms.text === null) return true;
  const index = deletedSearchIndex(record);
  return index.text.includes(terms.text) || (terms.digits !== null && index.phoneDigits.includes(terms.digits));
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
