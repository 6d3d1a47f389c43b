import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { PosSource, SourceCategory } from '../../data/model.js';
import { formatCount } from '../shared/messages.js';
import { t } from './source-mapping-editor.messages.js';

export type BadgeKind = 'muted' | 'warn' | 'bad' | 'pending' | 'accent';

/** A small text badge; the text carries the meaning, the colour only repeats it. */
export function badge(text: string, kind: BadgeKind): TemplateResult {
  return html`<span class="badge badge--${kind}" part="badge">${text}</span>`;
}

/** How a source is called in labels: its PoS code, or its name when it has no code. */
export function sourceLabel(source: Pick<PosSource, 'code' | 'name'>): string {
  return source.code?.trim() ? source.code : source.name;
}

/** "Internet / Google", "Not mapped / Google", or the category id when the category is gone. */
export function mappingText(
  source: Pick<PosSource, 'categoryId' | 'name'>,
  categoryNames: ReadonlyMap<string, string>,
): string {
  return `${categoryText(source.categoryId, categoryNames)} / ${source.name}`;
}

/** A category's name, "Not mapped" for none, or "Unknown category (id)" for one that no longer exists. */
export function categoryText(categoryId: string | null, categoryNames: ReadonlyMap<string, string>): string {
  if (!categoryId) return t('notMapped');
  return categoryNames.get(categoryId) ?? t('unknownCategory', categoryId);
}

/** The progress line: "n of m mapped" with a labelled progress bar. */
export function progressView(mapped: number, total: number, waiting: number): TemplateResult {
  return html`<div class="progress" part="progress">
    <span id="progress-label" class="progress__label">${t('progressLabel')}</span>
    <progress
      aria-labelledby="progress-label"
      aria-describedby="progress-text"
      value=${mapped}
      max=${Math.max(total, 1)}
    ></progress>
    <span id="progress-text" class="progress__text">${t('progress', formatCount(mapped), formatCount(total))}</span>
    ${waiting ? badge(t('waiting', formatCount(waiting)), 'pending') : nothing}
  </div>`;
}

/** The options of a category picker, in display order, with a first "choose" option. */
export function categoryOptions(categories: readonly SourceCategory[], selected: string): TemplateResult {
  return html`<option value="" ?selected=${selected === ''}>${t('chooseCategory')}</option>
    ${categories.map((c) => html`<option value=${c.id} ?selected=${c.id === selected}>${c.name}</option>`)}`;
}
