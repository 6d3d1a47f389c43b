/**
 * The mapping editor's rules over a list of sources: which rows a filter keeps, the suggestions
 * waiting to be accepted, the name a source is edited with, and ids for a shop's own categories.
 */
import type { PosSource, SourceCategory } from '../model.js';
import { cleanSourceName, suggestCategory } from './sources.js';

/** What the editor's filter asks for. */
export interface SourceFilter {
  /** Words to find in the code or the name (case, accents and full-width forms ignored). */
  text?: string;
  /** Keep only sources not mapped to a category yet. */
  unmappedOnly?: boolean;
  /** Keep deleted sources too (they are left out otherwise). */
  showDeleted?: boolean;
}

/** Lower case, accents and full-width forms folded, runs of spaces and punctuation made one space. */
function fold(text: string): string {
  return (text ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The sources a filter keeps, in their order.
 * @param sources Every source.
 * @param filter Text and switches; every word of the text must occur in the code or the name.
 * @returns A new array of the kept sources (the same objects).
 * @example filterSources(sources, { text: 'goog', unmappedOnly: true }); // unmapped sources with "goog" in code or name
 */
export function filterSources(sources: readonly PosSource[], filter: SourceFilter = {}): PosSource[] {
  const words = fold(filter.text ?? '').split(' ').filter(Boolean);
  return sources.filter((s) => {
    if (s.deleted && !filter.showDeleted) return false;
    if (filter.unmappedOnly && (s.categoryId || s.deleted)) return false;
    if (words.length === 0) return true;
    const haystack = `${fold(s.code)} ${fold(s.name)}`;
    return words.every((w) => haystack.includes(w));
  });
}

/**
 * A suggested category for each unmapped, non-deleted source whose code suggests one.
 * @param sources Every source.
 * @returns source id → the suggestion of {@link suggestCategory}, in list order.
 * @example mappingSuggestions([{ id: 's1', code: 'GOOG', categoryId: null, deleted: false, ... }]).get('s1');
 *   // { categoryId: 'internet', name: 'Google' }
 */
export function mappingSuggestions(sources: readonly PosSource[]): Map<string, { categoryId: string; name: string }> {
  const suggestions = new Map<string, { categoryId: string; name: string }>();
  for (const s of sources) {
    if (s.deleted || s.categoryId || s.origin !== 'pos') continue;
    const suggestion = suggestCategory(s.code);
    if (suggestion) suggestions.set(s.id, suggestion);
  }
  return suggestions;
}

/**
 * The subcategory name a source is edited with: its own name, or the clean form of its code
 * when it has none.
 * @param source The source.
 * @returns The name to start the edit with.
 * @example editableName({ code: 'GOOG', name: '' }); // 'Google'
 */
export function editableName(source: Pick<PosSource, 'code' | 'name'>): string {
  return source.name?.trim() ? source.name : cleanSourceName(source.code);
}

/**
 * An id for a category a shop adds: a slug of its name, made unique among the existing ids.
 * @param name The category's name.
 * @param existing The categories there are (their ids are taken).
 * @returns `shop-<slug>`, with `-2`, `-3` ... appended when taken.
 * @example newCategoryId('Car shows & events', []); // 'shop-car-shows-events'
 */
export function newCategoryId(name: string, existing: readonly Pick<SourceCategory, 'id'>[]): string {
  const slug = fold(name).replace(/ /g, '-').slice(0, 40).replace(/-+$/, '') || 'category';
  const taken = new Set(existing.map((c) => c.id));
  const base = `shop-${slug}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The items with each id once, the first occurrence kept, in their order. The editor keys rows,
 * edits and writes by id: a server list that repeats an id would otherwise show one source as
 * many rows, all of them opened by one Edit.
 * @param items Sources or categories as a server listed them.
 * @returns A new array.
 * @example uniqueById([{ id: 'a' }, { id: 'b' }, { id: 'a' }]); // [{ id: 'a' }, { id: 'b' }]
 */
export function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item.id)) return false;
    seen.add(item.id);
    return true;
  });
}

/** An ISO 8601 timestamp as the API writes `updatedAt` (the pattern valibot's `isoTimestamp` checks). */
const ISO_TIMESTAMP = /^\d{4}-(?:0[1-9]|1[0-2])-(?:[12]\d|0[1-9]|3[01])[T ](?:0\d|1\d|2[0-3])(?::[0-5]\d){2}(?:\.\d{1,9})?(?:Z| ?[+-](?:0\d|1\d|2[0-3])(?::?[0-5]\d)?)$/u;

/**
 * A source read from a server's answer outside the adapter's checks (the `current` record in a
 * conflict's body), checked field by field as `PosSourceSchema` checks a listed one, without
 * loading the schema library into the editor.
 * @param value Anything.
 * @returns A new source with only the known fields, or null when a field is missing or wrong.
 * @example posSourceOf(error.body?.current) // the server's version of the source, or null
 */
export function posSourceOf(value: unknown): PosSource | null {
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Record<keyof PosSource, unknown>;
  const isNumber = (n: unknown): n is number => typeof n === 'number' && !Number.isNaN(n);
  if (typeof s.id !== 'string' || typeof s.code !== 'string' || typeof s.name !== 'string') return null;
  if (s.categoryId !== null && typeof s.categoryId !== 'string') return null;
  if (s.origin !== 'pos' && s.origin !== 'shop') return null;
  if (typeof s.deleted !== 'boolean' || !isNumber(s.version)) return null;
  if (!isNumber(s.customerCount) || !Number.isInteger(s.customerCount) || s.customerCount < 0) return null;
  if (typeof s.updatedAt !== 'string' || !ISO_TIMESTAMP.test(s.updatedAt)) return null;
  const { id, code, categoryId, name, origin, deleted, customerCount, version, updatedAt } = s;
  return { id, code, categoryId, name, origin, deleted, customerCount, version, updatedAt } as PosSource;
}

/** What "Customer source mapping done" would do with the sources not mapped yet. */
export interface CompletionPlan {
  /** Ids of the live sources not mapped yet, in list order. */
  unmapped: string[];
  /** Those of them with a suggestion: accepted first when the user agrees. */
  suggested: string[];
  /** Those without one: what goes to Other New Customers after the suggestions are accepted. */
  rest: string[];
}

/**
 * Splits the sources not mapped yet into those with a suggestion and the rest, so "mapping done"
 * can accept the suggestions first and send only the rest to Other New Customers.
 * @param sources Every source, as the user sees it (deleted and mapped ones are left out).
 * @param suggestions Source id → its suggestion ({@link mappingSuggestions}); only the keys count.
 * @returns The three lists of ids, in list order.
 * @example
 * completionPlan(sources, mappingSuggestions(sources));
 * // { unmapped: ['yelp', 'tire'], suggested: ['yelp'], rest: ['tire'] }
 */
export function completionPlan(sources: readonly PosSource[], suggestions: ReadonlyMap<string, unknown>): CompletionPlan {
  const unmapped = sources.filter((s) => !s.deleted && !s.categoryId).map((s) => s.id);
  return {
    unmapped,
    suggested: unmapped.filter((id) => suggestions.has(id)),
    rest: unmapped.filter((id) => !suggestions.has(id)),
  };
}
