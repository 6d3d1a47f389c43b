/**
 * The customer source picker's rules: which sources an advisor may pick for a customer, grouped
 * under their main category, and how a customer's source is named on the board.
 */
import type { PosSource, SourceCategory } from '../model.js';
import { isSourceUnknown } from './sources.js';

/**
 * One entry of the picker: a subcategory as the advisor reads it. Several PoS codes mapped to the
 * same category under the same name (`GOOG` and `GOOGLE`, both "Internet › Google") are one entry.
 */
export interface PickerEntry {
  /** The source saved when this entry is picked: of the codes merged here, the one most customers carry. */
  id: string;
  name: string;
  /** Every source merged into this entry, `id` first: a customer on any of them already has this entry. */
  ids: string[];
}

/** One main category of the picker, with the entries that may be picked under it. */
export interface PickerGroup {
  categoryId: string;
  categoryName: string;
  sources: PickerEntry[];
}

type PickableSource = Pick<PosSource, 'id' | 'name' | 'categoryId' | 'deleted'> & Partial<Pick<PosSource, 'customerCount'>>;

/** One collator for every comparison: `localeCompare` with options builds a new one on each call. */
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const byText = (a: string, b: string) => collator.compare(a, b);

/** The form of a subcategory name two entries are compared in: the same letters read the same, whatever their case, width or spacing. */
const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase();

/**
 * The sources an advisor may pick, grouped by main category: only mapped, non-deleted sources
 * whose category exists (any other would leave the customer unknown). Sources mapped to the same
 * category under the same name (compared without regard to case, width or spacing) are one entry,
 * since the advisor could not tell them apart and the mapping says they mean the same; it saves
 * the source most customers already carry (then the lowest id), so the new customer is counted
 * with the others. Categories come in their display order, entries by name; categories with
 * nothing to pick are left out.
 * @param sources Every source (deleted and unmapped ones are skipped).
 * @param categories The main categories.
 * @returns The picker's groups.
 * @example
 * groupSourcesForPicker(
 *   [
 *     { id: 's1', name: 'Google', categoryId: 'internet', deleted: false, customerCount: 30 },
 *     { id: 's2', name: 'Google', categoryId: 'internet', deleted: false, customerCount: 8 },
 *   ],
 *   DEFAULT_CATEGORIES,
 * );
 * // [{ categoryId: 'internet', categoryName: 'Internet', sources: [{ id: 's1', name: 'Google', ids: ['s1', 's2'] }] }]
 */
export function groupSourcesForPicker(
  sources: readonly PickableSource[],
  categories: readonly Pick<SourceCategory, 'id' | 'name' | 'order'>[],
): PickerGroup[] {
  const byCategory = new Map<string, Map<string, PickableSource[]>>();
  for (const s of sources) {
    if (s.deleted || !s.categoryId) continue;
    let names = byCategory.get(s.categoryId);
    if (!names) byCategory.set(s.categoryId, (names = new Map()));
    const key = nameKey(s.name);
    const same = names.get(key);
    if (same) same.push(s);
    else names.set(key, [s]);
  }
  const entryOf = (same: PickableSource[]): PickerEntry => {
    const ordered = [...same].sort((a, b) => (b.customerCount ?? 0) - (a.customerCount ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const first = ordered[0]!;
    return { id: first.id, name: first.name, ids: ordered.map((s) => s.id) };
  };
  return [...categories]
    .sort((a, b) => a.order - b.order || byText(a.name, b.name))
    .filter((c) => byCategory.has(c.id))
    .map((c) => ({
      categoryId: c.id,
      categoryName: c.name,
      sources: [...byCategory.get(c.id)!.values()].map(entryOf).sort((a, b) => byText(a.name, b.name) || a.id.localeCompare(b.id)),
    }));
}

/**
 * The picker entry a source belongs to (its own, or the one it was merged into).
 * @param groups The picker's groups, from `groupSourcesForPicker`.
 * @param sourceId A source id.
 * @returns The entry, or null when the source cannot be picked (none, unmapped, deleted, unknown).
 * @example
 * pickerEntryOf(groups, 's2'); // { id: 's1', name: 'Google', ids: ['s1', 's2'] }
 */
export function pickerEntryOf(groups: readonly PickerGroup[], sourceId: string | null | undefined): PickerEntry | null {
  if (!sourceId) return null;
  for (const g of groups) for (const e of g.sources) if (e.ids.includes(sourceId)) return e;
  return null;
}

/**
 * A customer's source as the board names it: its main category and subcategory, or null when the
 * source is unknown (none, unmapped, deleted, or pointing at a source or category that does not exist).
 * @param sourceId The customer's source id.
 * @param sources Every source.
 * @param categories The main categories.
 * @returns The category and source names, or null.
 * @example describeSource('s1', sources, DEFAULT_CATEGORIES); // { categoryName: 'Internet', sourceName: 'Google' }
 */
export function describeSource(
  sourceId: string | null | undefined,
  sources: readonly Pick<PosSource, 'id' | 'name' | 'categoryId' | 'deleted'>[],
  categories: readonly Pick<SourceCategory, 'id' | 'name'>[],
): { categoryName: string; sourceName: string } | null {
  return sourceDescriber(sources, categories)(sourceId);
}

/**
 * `describeSource` for many customers over the same sources: the lookups are built once, and
 * the returned function names one customer's source in constant time.
 * @param sources Every source.
 * @param categories The main categories.
 * @returns A function from a source id to its category and source names, or null when unknown.
 * @example
 * const describe = sourceDescriber(sources, DEFAULT_CATEGORIES);
 * describe('s1'); // { categoryName: 'Internet', sourceName: 'Google' }
 */
export function sourceDescriber(
  sources: readonly Pick<PosSource, 'id' | 'name' | 'categoryId' | 'deleted'>[],
  categories: readonly Pick<SourceCategory, 'id' | 'name'>[],
): (sourceId: string | null | undefined) => { categoryName: string; sourceName: string } | null {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const categoryNames = new Map<string, string>();
  // The first category with an id wins, as a search through the list would find it.
  for (const c of categories) if (!categoryNames.has(c.id)) categoryNames.set(c.id, c.name);
  return (sourceId) => {
    if (!sourceId || isSourceUnknown(sourceId, byId)) return null;
    const source = byId.get(sourceId)!;
    const categoryName = source.categoryId ? categoryNames.get(source.categoryId) : undefined;
    return categoryName === undefined ? null : { categoryName, sourceName: source.name };
  };
}
