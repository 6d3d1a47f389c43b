/**
 * What the editor renders apart from its first load (it loads as the editor is created): the shop's
 * own categories and sources under the table (the categories, the forms that add one, and the
 * additions not confirmed yet), and the confirmation of "Customer source mapping done", which only
 * a click opens.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { SourceCategory } from '../../data/model.js';
import type { t as translate } from './source-mapping-editor.messages.js';
import type { formatCount as count } from '../shared/messages.js';
import type { categoryOptions as options, OtherWrite, writePanel as panel } from './source-mapping-editor.view.js';

/** The two add forms: what was typed, and what is wrong with it. */
export interface OwnForms {
  categoryName: string;
  categoryError: string;
  sourceName: string;
  sourceCategory: string;
  sourceError: string;
}

/** What the add forms do when the user types or submits. */
export interface OwnActions {
  input(change: Partial<Pick<OwnForms, 'categoryName' | 'sourceName' | 'sourceCategory'>>): void;
  addCategory(event: Event): void;
  addSource(event: Event): void;
}

/**
 * What the panel shares with the editor's first load, handed over rather than imported: this module
 * loads on demand, and importing them would split them out of the first load into a chunk of their own.
 */
export interface OwnParts {
  t: typeof translate;
  categoryOptions: typeof options;
  writePanel: typeof panel;
  formatCount: typeof count;
}

/** The shop's own categories and sources: the list of categories, the add forms, and their writes. */
export function ownView(
  categories: readonly SourceCategory[],
  forms: OwnForms,
  creating: readonly OtherWrite[],
  on: OwnActions,
  { t, categoryOptions, writePanel }: OwnParts,
): TemplateResult {
  return html`<section class="own" part="own" aria-labelledby="own-heading">
      <h3 id="own-heading">${t('ownHeading')}</h3>
      <p class="intro">${t('ownIntro')}</p>
      <p id="categories-label" class="label">${t('categories')}</p>
      <ul class="categories" aria-labelledby="categories-label">
        ${categories.map((c) => html`<li>${c.name}${c.builtIn ? nothing : html` <span class="muted">(${t('yours')})</span>`}</li>`)}
      </ul>
      <div class="own__forms">
        <form class="own__form" novalidate @submit=${(e: Event) => on.addCategory(e)}>
          <label class="field">
            <span>${t('newCategory')}</span>
            <input
              class="input"
              name="category-name"
              .value=${forms.categoryName}
              aria-invalid=${forms.categoryError ? 'true' : 'false'}
              aria-describedby="new-category-error"
              @input=${(e: Event) => on.input({ categoryName: (e.target as HTMLInputElement).value })}
            />
          </label>
          <button type="submit" class="fc-button" data-action="add-category">${t('addCategory')}</button>
          <p id="new-category-error" class="field-error">${forms.categoryError}</p>
        </form>
        <form class="own__form" novalidate @submit=${(e: Event) => on.addSource(e)}>
          <label class="field">
            <span>${t('newSource')}</span>
            <input
              class="input"
              name="source-name"
              .value=${forms.sourceName}
              aria-invalid=${forms.sourceError === t('nameRequired') ? 'true' : 'false'}
              aria-describedby="new-source-error"
              @input=${(e: Event) => on.input({ sourceName: (e.target as HTMLInputElement).value })}
            />
          </label>
          <label class="field">
            <span>${t('newSourceCategory')}</span>
            <select
              class="input"
              name="source-category"
              aria-describedby="new-source-error"
              @change=${(e: Event) => on.input({ sourceCategory: (e.target as HTMLSelectElement).value })}
            >
              ${categoryOptions(categories, forms.sourceCategory)}
            </select>
          </label>
          <button type="submit" class="fc-button" data-action="add-source">${t('addSource')}</button>
          <p id="new-source-error" class="field-error">${forms.sourceError}</p>
        </form>
      </div>
      ${creating.length
        ? html`<ul class="creating">
            ${creating.map((w) => html`<li>${writePanel(w)}</li>`)}
          </ul>`
        : nothing}
    </section>`;
}

/** What the confirmation does when the user answers it. */
export interface ConfirmActions {
  /** Send every unmapped source to Other New Customers, suggestions or not. */
  confirm(): void;
  /** Accept the suggestions first, then send only the rest to Other New Customers. */
  acceptFirst(): void;
  cancel(): void;
  /** The dialog closed (Cancel, Escape or after confirming). */
  closed(): void;
}

/** What the confirmation counts: the sources not mapped yet, those with a suggestion, the rest. */
export interface ConfirmCounts {
  unmapped: number;
  suggested: number;
  rest: number;
}

/**
 * The confirmation of "Customer source mapping done": how many sources are not mapped, how many
 * of them have a suggestion, and, when some do, accepting those first as the first (and focused)
 * choice, so a suggestion is never thrown away by default.
 */
export function confirmView(counts: ConfirmCounts, category: string, on: ConfirmActions, { t, formatCount }: Pick<OwnParts, 't' | 'formatCount'>): TemplateResult {
  const n = formatCount(counts.unmapped);
  const suggested = counts.suggested > 0;
  return html`<dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" @close=${() => on.closed()}>
      <h3 id="confirm-title">${t('confirmTitle')}</h3>
      <p id="confirm-text">${t('confirmText', n, formatCount(counts.suggested))}</p>
      <div class="dialog__actions">
        ${suggested
          ? html`<button type="button" class="fc-button fc-button--primary" data-action="accept-then-done" autofocus @click=${() => on.acceptFirst()}>
              ${counts.rest > 0
                ? t('confirmAcceptFirst', formatCount(counts.suggested), formatCount(counts.rest), category)
                : t('acceptAll', formatCount(counts.suggested))}
            </button>`
          : nothing}
        <button type="button" class=${suggested ? 'fc-button' : 'fc-button fc-button--primary'} data-action="confirm-done" @click=${() => on.confirm()}>
          ${t('confirmAllOther', n, category)}
        </button>
        <button type="button" class="fc-button" data-action="cancel-done" ?autofocus=${!suggested} @click=${() => on.cancel()}>${t('cancel')}</button>
      </div>
    </dialog>`;
}
