import type { PosSource, SourceCategory } from '../../data/model.js';
import { newCategoryId } from '../../data/logic/source-mapping.js';
import type { PendingWrite } from '../shared/controllers/pending-writes.js';
import type { FcElement } from '../shared/fc-element.js';
import { FC_SOURCE_MAPPING_CHANGE } from './source-mapping-editor.events.js';
import { t } from './source-mapping-editor.messages.js';
import type { OwnActions, OwnForms } from './source-mapping-editor.own.js';
import type { OtherWrite } from './source-mapping-editor.view.js';
import type { sourceWrites } from './source-mapping-editor.writes.js';

/** The shop's own categories and sources as the editor adds them (see {@link ownAdds}); also what the add forms do. */
export interface OwnAdds extends OwnActions {
  /** What was typed into the add forms, and what is wrong with it. */
  forms: OwnForms;
  /** The new sources' and categories' writes, as the own panel lists them. */
  creating(): OtherWrite[];
}

/**
 * Adding the shop's own categories and sources: the forms' text and checks, the writes, what the
 * status line says while each is sent and once the server has it, and its writes not confirmed
 * yet with Retry and Discard.
 * @param categories The categories shown; `setCategories` replaces them (a new one is added once confirmed).
 * @param patch Shows a confirmed source in the table.
 * @param drop Drops a refused write and reads the list again.
 * @param say Puts a text in the editor's status line.
 */
export function ownAdds(
  host: FcElement,
  writes: ReturnType<typeof sourceWrites>,
  categories: () => SourceCategory[],
  setCategories: (list: SourceCategory[]) => void,
  patch: (source: PosSource) => void,
  drop: (discard: () => Promise<void>) => void,
  say: (text: string) => void,
): OwnAdds {
  const setForms = (change: Partial<OwnForms>): void => {
    adds.forms = { ...adds.forms, ...change };
    host.requestUpdate();
  };

  const createCategory = async (input: { name: string }, sent: Promise<SourceCategory | undefined>): Promise<void> => {
    say(host.inLocale(() => t('adding', input.name)));
    const category = await sent;
    if (!category) return;
    if (adds.forms.categoryName.trim() === input.name) setForms({ categoryName: '' });
    if (!categories().some((c) => c.id === category.id)) setCategories([...categories(), category]);
    say(host.inLocale(() => t('addedCategory', category.name)));
  };

  const createSource = async (input: { name: string }, sent: Promise<PosSource | undefined>): Promise<void> => {
    say(host.inLocale(() => t('adding', input.name)));
    const source = await sent;
    if (!source) return;
    if (adds.forms.sourceName.trim() === input.name) setForms({ sourceName: '' });
    patch(source);
    say(host.inLocale(() => t('addedSource', source.name)));
    host.emit(FC_SOURCE_MAPPING_CHANGE, { source });
  };

  const adds: OwnAdds = {
    forms: { categoryName: '', categoryError: '', sourceName: '', sourceCategory: '', sourceError: '' },
    input: setForms,
    addCategory(event) {
      event.preventDefault();
      const name = adds.forms.categoryName.trim();
      setForms({ categoryError: name ? '' : host.inLocale(() => t('nameRequired')) });
      if (!name) return;
      const input = { id: newCategoryId(name, categories()), name };
      void createCategory(input, writes.categories.save(input));
    },
    addSource(event) {
      event.preventDefault();
      const name = adds.forms.sourceName.trim();
      const categoryId = adds.forms.sourceCategory;
      const error = !name ? 'nameRequired' : !categoryId ? 'categoryRequired' : null;
      setForms({ sourceError: error ? host.inLocale(() => t(error)) : '' });
      if (error) return;
      const input = { categoryId, name };
      void createSource(input, writes.creates.save(input));
    },
    creating() {
      const panel = <A extends { name: string }>(w: PendingWrite<A, unknown>, retry: () => void, discard: () => Promise<void>): OtherWrite => ({
        status: w.status,
        error: w.error,
        pendingText: t('adding', w.args.name),
        retry,
        discard: () => drop(discard),
      });
      return [
        ...[...writes.creates.all().values()].map((w) =>
          panel(w, () => void createSource(w.args, writes.creates.retry(w.id)), () => writes.creates.discard(w.id)),
        ),
        ...[...writes.categories.all().values()].map((w) =>
          panel(w, () => void createCategory(w.args, writes.categories.retry(w.id)), () => writes.categories.discard(w.id)),
        ),
      ];
    },
  };
  return adds;
}
