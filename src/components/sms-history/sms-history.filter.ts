import { html, nothing } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { rangeProblem } from '../../data/logic/calendar.js';
import { SMS_DIRECTIONS, SMS_ERROR_CATEGORIES, SMS_STATUSES } from '../../data/model.js';
import type { SmsFilter } from '../../data/model.js';
import { rangeProblemText } from '../shared/date-range.js';
import { lazyModule } from '../shared/lazy.js';
import { errorView, loadingView } from '../shared/states.js';
import type { FcElement } from '../shared/fc-element.js';
import type { MoreFiltersHelpers } from './sms-history.filter.more.js';
import { t } from './sms-history.messages.js';
import { categoryName, directionName, statusName } from './sms-history.view.js';

/** The fields behind "More filters", loaded the first time they are shown (a filter from the URL that uses them: at once). */
const moreFields = lazyModule(() => import('./sms-history.filter.more.js'));

/** Pause after typing before a text field applies. */
export const SEARCH_DEBOUNCE_MS = 300;

/** A change to some fields of the filter; an empty string clears a field. */
export type SmsFilterChange = Partial<Record<keyof SmsFilter, string | undefined>>;

type TextKey = 'text' | 'errorCode' | 'employeeId' | 'customerId';
type SelectKey = 'direction' | 'status' | 'errorCategory';

export interface SmsFilterFormOptions {
  /** The filter in use, which the form shows. */
  filter: () => SmsFilter;
  /** Applies a change the user made. */
  apply: (change: SmsFilterChange) => void;
}

/**
 * The history's filter form: dates, direction and text, and behind "More filters" status, error
 * category, error code, employee and customer. Selects apply at once, text fields
 * {@link SEARCH_DEBOUNCE_MS} after typing stops (or on Enter/blur); a reversed or invalid date
 * range is refused with a message and the filter is kept.
 * @internal
 */
export class SmsFilterForm implements ReactiveController {
  readonly #host: FcElement;
  readonly #options: SmsFilterFormOptions;
  #advanced = false;
  #rangeError = '';
  #moreFailure: unknown = null;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: FcElement, options: SmsFilterFormOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#searchTimer);
  }

  /** Drops the date range's message (the filter was set from outside). Call before the host renders. */
  clearRangeError(): void {
    this.#rangeError = '';
  }

  /** The form. */
  render(): TemplateResult {
    const f = this.#options.filter();
    const advanced = this.#advanced || !!(f.status || f.errorCategory || f.errorCode || f.employeeId || f.customerId);
    const invalid = this.#rangeError ? 'true' : 'false';
    return html`<form class="filter" part="filter" aria-label=${t('filterTitle')} @submit=${this.#onSubmit}>
      <div class="field">
        <label for="f-from">${t('from')}</label>
        <input id="f-from" type="date" .value=${live(f.from)} aria-invalid=${invalid} @change=${this.#onDateChange} />
      </div>
      <div class="field">
        <label for="f-to">${t('to')}</label>
        <input id="f-to" type="date" .value=${live(f.to)} aria-invalid=${invalid} @change=${this.#onDateChange} />
      </div>
      <div class="field">
        <label for="f-direction">${t('direction')}</label>
        <select id="f-direction" @change=${(e: Event) => this.#onSelect(e, 'direction')}>
          <option value="" ?selected=${!f.direction}>${t('any')}</option>
          ${SMS_DIRECTIONS.map((d) => html`<option value=${d} ?selected=${f.direction === d}>${directionName(d)}</option>`)}
        </select>
      </div>
      <div class="field field--wide">
        <label for="f-text">${t('text')}</label>
        <input
          id="f-text"
          name="text"
          type="search"
          placeholder=${t('textHint')}
          .value=${live(f.text ?? '')}
          @input=${(e: Event) => this.#onTextInput(e, 'text')}
          @change=${(e: Event) => this.#onTextInput(e, 'text')}
        />
      </div>
      ${advanced ? this.#advancedView(f) : nothing}
      <div class="filter-actions">
        <button type="button" class="fc-button" aria-expanded=${advanced ? 'true' : 'false'} @click=${() => this.#setAdvanced(!advanced)}>
          ${t('moreFilters')}
        </button>
        <button type="button" class="fc-button" @click=${() => this.#clear()}>${t('clearFilters')}</button>
      </div>
      ${this.#rangeError ? html`<p class="range-error" role="alert">${this.#rangeError}</p>` : nothing}
    </form>`;
  }

  /** The fields behind "More filters" once loaded; meanwhile a skeleton, and the error with Retry if they cannot be. */
  #advancedView(f: SmsFilter): TemplateResult {
    const view = moreFields.value;
    if (view) return view.moreFiltersView(f, this.#moreHelpers);
    if (this.#moreFailure)
      return errorView(this.#moreFailure, () => {
        this.#moreFailure = null;
        this.#host.requestUpdate();
      });
    moreFields.load().then(
      () => this.#host.requestUpdate(),
      (error: unknown) => {
        this.#moreFailure = error;
        this.#host.requestUpdate();
      },
    );
    return loadingView(1);
  }

  readonly #moreHelpers: MoreFiltersHelpers = {
    t,
    statuses: SMS_STATUSES,
    categories: SMS_ERROR_CATEGORIES,
    statusName,
    categoryName,
    onSelect: (event, key) => this.#onSelect(event, key),
    onTextInput: (event, key) => this.#onTextInput(event, key),
  };

  #setAdvanced(advanced: boolean): void {
    this.#advanced = advanced;
    this.#host.requestUpdate();
  }

  #setRangeError(message: string): void {
    if (message === this.#rangeError) return;
    this.#rangeError = message;
    this.#host.requestUpdate();
  }

  readonly #onDateChange = (): void => {
    const root = this.#host.renderRoot;
    const from = root.querySelector<HTMLInputElement>('#f-from')?.value ?? '';
    const to = root.querySelector<HTMLInputElement>('#f-to')?.value ?? '';
    const problem = rangeProblem({ from, to });
    if (problem) {
      this.#setRangeError(this.#host.inLocale(() => rangeProblemText(problem)));
      return;
    }
    this.#setRangeError('');
    this.#options.apply({ from, to });
  };

  #onSelect(event: Event, key: SelectKey): void {
    this.#options.apply({ [key]: (event.target as HTMLSelectElement).value });
  }

  #onTextInput(event: Event, key: TextKey): void {
    const input = event.target as HTMLInputElement;
    clearTimeout(this.#searchTimer);
    const commit = () => this.#options.apply({ [key]: input.value.trim() ? input.value : '' });
    if (event.type === 'change') commit();
    else this.#searchTimer = setTimeout(commit, SEARCH_DEBOUNCE_MS);
  }

  readonly #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value;
    const change: SmsFilterChange = {};
    for (const key of ['text', 'errorCode', 'employeeId', 'customerId'] as const) {
      const v = value(key);
      if (v !== undefined) change[key] = v.trim() ? v : '';
    }
    this.#options.apply(change);
  };

  #clear(): void {
    clearTimeout(this.#searchTimer);
    const { from, to } = this.#options.filter();
    this.#setRangeError('');
    this.#options.apply({ from, to, direction: '', status: '', errorCategory: '', errorCode: '', employeeId: '', customerId: '', text: '' });
  }
}
