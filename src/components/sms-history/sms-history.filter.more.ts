/**
 * The filter form's fields behind "More filters" (status, error category, error code, employee,
 * customer): loaded the first time they are shown, not with the grid. It imports nothing of the
 * widget at run time (its words, names, lists and handlers are handed in), so no chunk is shared
 * with the first load.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { SmsErrorCategory, SmsFilter, SmsStatus } from '../../data/model.js';
import type { t as words } from './sms-history.messages.js';

type MoreTextKey = 'errorCode' | 'employeeId' | 'customerId';

/** What the fields are drawn with, from the form. */
export interface MoreFiltersHelpers {
  t: typeof words;
  statuses: readonly SmsStatus[];
  categories: readonly SmsErrorCategory[];
  statusName: (status: SmsStatus) => string;
  categoryName: (category: SmsErrorCategory) => string;
  onSelect: (event: Event, key: 'status' | 'errorCategory') => void;
  onTextInput: (event: Event, key: MoreTextKey) => void;
}

/** The fields behind "More filters", showing `f`. */
export function moreFiltersView(f: SmsFilter, h: MoreFiltersHelpers): TemplateResult {
  const { t } = h;
  const text = (key: MoreTextKey, label: string, hint = '') => html`<div class="field">
    <label for="f-${key}">${label}</label>
    <input
      id="f-${key}"
      name=${key}
      type="text"
      autocomplete="off"
      placeholder=${hint}
      .value=${live(f[key] ?? '')}
      @input=${(e: Event) => h.onTextInput(e, key)}
      @change=${(e: Event) => h.onTextInput(e, key)}
    />
  </div>`;
  return html`<div class="field">
      <label for="f-status">${t('status')}</label>
      <select id="f-status" @change=${(e: Event) => h.onSelect(e, 'status')}>
        <option value="" ?selected=${!f.status}>${t('any')}</option>
        ${h.statuses.map((s) => html`<option value=${s} ?selected=${f.status === s}>${h.statusName(s)}</option>`)}
      </select>
    </div>
    <div class="field">
      <label for="f-category">${t('errorCategory')}</label>
      <select id="f-category" @change=${(e: Event) => h.onSelect(e, 'errorCategory')}>
        <option value="" ?selected=${!f.errorCategory}>${t('any')}</option>
        ${h.categories.map((c) => html`<option value=${c} ?selected=${f.errorCategory === c}>${h.categoryName(c)}</option>`)}
      </select>
    </div>
    ${text('errorCode', t('errorCode'), t('errorCodeHint'))} ${text('employeeId', t('employeeId'))}
    ${text('customerId', t('customerId'))}`;
}
