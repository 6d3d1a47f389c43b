/**
 * The customer source picker's rules: which sources an advisor may pick for a customer, grouped
 * under their main category, and how a customer's source is named on the board.
 */
import type { PosSource, SourceCategory } from '../model.js';
import { isSourceUnknown } from './sources.js';

/** One main category of the picker, with the sources that may be picked under it. */
export interface PickerGroup {
  categoryId: string;
  categoryName: string;
  sources: { id: string; name: string }[];
}

const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });

/**
 * The sources an advisor may pick, grouped by main category: only mapped, non-deleted sources
 * whose category exists (any other would leave the customer unknown). Categories come in their
 * display order, sources by name; categories with nothing to pick are left out.
 * @param sources Every source (deleted and unmapped ones are skipped).
 * @param categories The main categories.
 * @returns The picker's groups.
 * @example
 * groupSourcesForPicker([{ id: 's1', name: 'Google', categoryId: 'internet', deleted: false }], DEFAULT_CATEGORIES);
 * // [{ categoryId: 'internet', categoryName: 'Internet', sources: [{ id: 's1', name: 'Google' }] }]
 */
export function groupSourcesForPicker(
  sources: readonly Pick<PosSource, 'id' | 'name' | 'categoryId' | 'deleted'>[],
  categories: readonly Pick<SourceCategory, 'id' | 'name' | 'order'>[],
): PickerGroup[] {
  const bySource = new Map<string, { id: string; name: string }[]>();
  for (const s of sources) {
    if (s.deleted || !s.categoryId) continue;
    const list = bySource.get(s.categoryId) ?? [];
    list.push({ id: s.id, name: s.name });
    bySource.set(s.categoryId, list);
  }
  return [...categories]
    .sort((a, b) => a.order - b.order || byText(a.name, b.name))
    .filter((c) => bySource.has(c.id))
    .map((c) => ({
      categoryId: c.id,
      categoryName: c.name,
      sources: bySource.get(c.id)!.sort((a, b) => byText(a.name, b.name) || a.id.localeCompare(b.id)),
    }));
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
