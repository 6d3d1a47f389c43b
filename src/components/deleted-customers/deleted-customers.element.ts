import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import { buildRestoreRequest, suggestedRestoreFields } from '../../data/logic/deleted.js';
import { MAX_PAGE_LIMIT } from '../../data/logic/paging.js';
import { addDays, isIsoDate, isoDateIn, rangeProblem } from '../../data/logic/calendar.js';
import type { DeletedRecord } from '../../data/model.js';
import { adapterContext } from '../shared/adapter-context.js';
import { makeFormats } from '../shared/formats.js';
import { QueryController } from '../shared/controllers/query.js';
import { ScrollHintController, scrollHintStyles } from '../shared/controllers/scroll-hint.js';
import { ShopZoneController, viewerZone } from '../shared/controllers/shop-zone.js';
import { FC_RANGE_CHANGE, dateRangeFields, rangeProblemText } from '../shared/date-range.js';
import type { RangeProblem } from '../shared/date-range.js';
import { FcElement } from '../shared/fc-element.js';
import { defineMessages, formatCount, getLocale } from '../shared/messages.js';
import { emptyView, errorView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { isolateIn } from '../shared/bidi.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { FC_DELETED_RANGE_CHANGE, FC_REQUEST_RESTORE } from './deleted-customers.events.js';
import { DeletedRestores } from './deleted-customers.restore.js';
import { t } from './deleted-customers.messages.js';
import { styles } from './deleted-customers.styles.js';
import { fieldLabel, fieldValue, formatInstant, formatRange, moreView, recordsTable, toolbarView } from './deleted-customers.view.js';
import type { Confirming, Formats } from './deleted-customers.view.js';
import type { LogHelpers, RestoreLog } from './deleted-customers.log.js';
import type { RestoreViewHelpers, RestoreViews } from './deleted-customers.restore-view.js';
import { isRestorableField, relatedEntries } from '../../data/logic/deleted.js';
import { live } from 'lit/directives/live.js';
import { isolate } from '../shared/bidi.js';

const SEARCH_DEBOUNCE_MS = 300;
/** Days the report covers by default, ending today. */
const DEFAULT_DAYS = 30;
/** Whole customers named in the confirmation before "and N more". */
const DIALOG_NAMES = 8;

/** What the restore log (loaded when first opened) formats with: handed to it, not imported by it. */
const LOG_HELPERS: Omit<LogHelpers, 'views'> = {
  QueryController,
  defineMessages,
  isolateIn,
  unsupportedView,
  formatCount,
  formatInstant,
  fieldLabel,
  maxLimit: MAX_PAGE_LIMIT,
};

/** What the restore views (loaded when the confirmation first opens) format with. */
const VIEW_HELPERS: RestoreViewHelpers = { t, defineMessages, isolate, isolateIn, live, formatCount, fieldLabel, fieldValue, isRestorableField, relatedEntries };

let restoreViews: Promise<RestoreViews> | null = null;
/** The restore views, loaded once for every instance; a failed load is tried again next time. */
function loadRestoreViews(): Promise<RestoreViews> {
  restoreViews ??= import('./deleted-customers.restore-view.js').then(
    (module) => module.createRestoreViews(VIEW_HELPERS),
    (error: unknown) => {
      restoreViews = null;
      throw error;
    },
  );
  return restoreViews;
}

interface Query {
  from: string;
  to: string;
  search: string;
}

/** The records read for one query, kept on screen while they are read again. */
interface ListData {
  adapter: ForecourtAdapter;
  key: string;
  items: DeletedRecord[];
  total: number;
  next: string | null;
}

/**
 * Deleted customers report with restore. Choose a date range and Compile: the records deleted in
 * it (whole customers deleted by hand or by an automatic merge, and the fields a merge did not
 * keep) are listed a page at a time with who, when (in the dealer's zone), by whom, why, into whom
 * they were merged and what was removed. Check records (all shown, Shift+click or Shift+Space for
 * a range), then "Restore checked customers": a confirmation says how many, and for each merge
 * leftover lets the user choose which fields go back onto the surviving customer (its current
 * value beside each). Restores go through the adapter (with the offline cache, its outbox: a
 * restore made offline is kept and sent when the server is back); each row says whether it is
 * restoring, restored, already restored elsewhere, or failed and why. A whole customer comes back
 * with every field and related record (vehicles, notes, open wants) the confirmation lists; after
 * a restore, each record says what came back and what did not. "Restore log" shows every restore
 * (who, when, which record, what came back), a page at a time.
 *
 * @customElement fc-deleted-customers
 * @fires fc-range-change - The user compiled a date range. detail: {from, to}
 * @fires fc-deleted-range-change - Deprecated: use fc-range-change.
 * @fires fc-request-restore - The user confirmed a restore (cancelable: cancelling stops it). detail: {request}
 * @fires fc-restore-complete - The server answered a restore made here. detail: {request, result}
 * @csspart range - The date range form.
 * @csspart search - The search field.
 * @csspart toolbar - The checked count and the restore button.
 * @csspart restore-button - "Restore checked customers".
 * @csspart table - The records table.
 * @csspart status - A row's restore state (with `pending`, `restored`, `already`, `failed`).
 * @csspart more - "Show more" and its state.
 * @csspart dialog - The restore confirmation.
 * @csspart outcome - What the last restore brought back per record, and what it did not.
 * @csspart log-button - "Restore log", a toggle button (`aria-pressed="true"` while the log is shown).
 * @csspart log - The restore log.
 * @csspart state - Loading, empty, unsupported and error states (with `loading`, `empty`, `unsupported`, `error`).
 * @csspart retry-button - Retry in the error states.
 * @cssproperty --fc-deleted-customers-restored-color - "Restored" text.
 * @cssproperty --fc-deleted-customers-pending-color - "Restoring…" text.
 * @cssproperty --fc-deleted-customers-error-color - "Not restored" text.
 * @cssproperty --fc-deleted-customers-checked-background - Background of a checked row.
 */
export class FcDeletedCustomers extends FcElement {
  static override styles = [tokens, shared, stateStyles, scrollHintStyles, styles];

  /** The adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** First day of the report, ISO date; empty for 30 days before `to`. Compile sets it. */
  @property() from = '';

  /** Last day of the report, ISO date; empty for today. Compile sets it. */
  @property() to = '';

  /** IANA zone of the dealer, for the days of the range and the times shown; empty for the adapter's dealer (else the browser's). */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** Records per page ("Show more" loads the next). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  @state() private search = '';
  /** What is wrong with the range last compiled, or null. */
  @state() private rangeError: RangeProblem | null = null;
  @state() private confirming: Confirming | null = null;
  @state() private more: { loading: boolean; error: unknown } = { loading: false, error: null };
  /** The restore log is shown. */
  @state() private logOpen = false;
  /** The log's module failed to load (offline, a new deploy). */
  @state() private logError: unknown = null;
  /** The restore views failed to load when the confirmation was asked for. */
  @state() private viewsError: unknown = null;

  /** The records of the query read last, with the pages "Show more" added. */
  #list: ListData | null = null;
  #moreController: AbortController | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #formats: Formats | null = null;
  #log: RestoreLog | null = null;
  #views: RestoreViews | null = null;

  constructor() {
    super();
    // Marks the table's scroll box while columns are hidden past the edge.
    new ScrollHintController(this);
  }

  /** The dealer's zone: `time-zone`, else the adapter's dealer, else the browser's ('' while the dealer's is read). */
  readonly #shopZone = new ShopZoneController(this, { adapter: () => this.adapter, zone: () => this.timeZone });

  /** The records; a re-read (a restore here or in another tab, Compile again) keeps what was paged in. */
  readonly #records = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['deleted'],
    // The zone too: the default range ends on today there.
    args: () => [this.#range.from, this.#range.to, this.search.trim(), this.#shopZone.zone] as const,
    idle: ([from, to, , zone]) => !zone || !!rangeProblem({ from, to }),
    read: async (adapter, [from, to, search], { signal }): Promise<ListData> => {
      const limit = Math.min(MAX_PAGE_LIMIT, Math.max(this.#pageSize, this.#current?.items.length ?? 0));
      const page = await adapter.deleted.list({ from, to, ...(search && { search }), includeRestored: true, limit }, { signal });
      const key = JSON.stringify({ from, to, search } satisfies Query);
      // The host's own adapter: a Retry's read is handed the cache's fresh view of it.
      return { adapter: this.adapter ?? adapter, key, items: Array.isArray(page?.items) ? page.items : [], total: Number(page?.total) || 0, next: page?.nextCursor ?? null };
    },
    onValue: (list) => {
      this.#list = list;
    },
  });

  /** The checked records, their restores and how each ended (`deleted-customers.restore.ts`). */
  readonly #restores = new DeletedRestores(
    this,
    () => this.#formats ?? makeFormats(getLocale(), { zone: this.#zone }),
    () => this.#views,
  );

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
    this.#moreController?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const zone = this.#zone;
    this.#formats = makeFormats(getLocale(), { zone });
    if (changed.has('from') || changed.has('to')) this.rangeError = null;
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (this.confirming && dialog && !dialog.open) {
      dialog.showModal();
      // The first choice to make, else the confirm button: not the dialog's first element by chance.
      (dialog.querySelector<HTMLElement>('.choice input:not(:disabled)') ?? dialog.querySelector<HTMLElement>('button[type="submit"]'))?.focus();
    }
  }

  // ───────────── query ─────────────

  get #pageSize(): number {
    return Number.isInteger(this.pageSize) && this.pageSize > 0 ? Math.min(this.pageSize, MAX_PAGE_LIMIT) : 50;
  }

  /** The dealer's zone, the browser's while the dealer's is read. */
  get #zone(): string {
    return this.#shopZone.zone || viewerZone();
  }

  /** The range in use: the properties, or the last 30 days in the zone. */
  get #range(): { from: string; to: string } {
    const today = isoDateIn(Date.now(), this.#zone);
    const to = this.to || today;
    const from = this.from || addDays(isIsoDate(to) ? to : today, 1 - DEFAULT_DAYS);
    return { from, to };
  }

  #queryKey(): string {
    const range = this.#range;
    if (rangeProblem(range)) return '';
    return JSON.stringify({ from: range.from, to: range.to, search: this.search.trim() } satisfies Query);
  }

  /** The list read for the current query, if any (the previous one stays on screen while it is read again). */
  get #current(): ListData | null {
    const list = this.#list;
    return list && list.adapter === this.adapter && list.key === this.#queryKey() ? list : null;
  }

  #refresh(): void {
    void this.#records.run();
  }

  #onCompile(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const from = (form.elements.namedItem('from') as HTMLInputElement).value;
    const to = (form.elements.namedItem('to') as HTMLInputElement).value;
    const problem = rangeProblem({ from, to });
    if (problem) {
      this.rangeError = problem;
      return;
    }
    this.rangeError = null;
    const same = from === this.#range.from && to === this.#range.to;
    this.from = from;
    this.to = to;
    this.emit(FC_RANGE_CHANGE, { from, to });
    this.emit(FC_DELETED_RANGE_CHANGE, { from, to });
    // Compiling the same range again reads it again (someone may have deleted a customer since).
    if (same) this.#refresh();
  }

  #onSearchInput(event: InputEvent): void {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => (this.search = value), SEARCH_DEBOUNCE_MS);
  }

  #onSearchKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    this.search = (event.target as HTMLInputElement).value;
  }

  async #loadMore(): Promise<void> {
    const list = this.#current;
    const api = this.adapter?.deleted;
    if (!list?.next || !api || this.more.loading) return;
    const query = JSON.parse(list.key) as Query;
    this.#moreController?.abort();
    const controller = (this.#moreController = new AbortController());
    this.more = { loading: true, error: null };
    const before = list.items.length;
    try {
      const page = await api.list(
        { from: query.from, to: query.to, ...(query.search && { search: query.search }), includeRestored: true, cursor: list.next, limit: this.#pageSize },
        { signal: controller.signal },
      );
      if (this.#list !== list) return;
      const seen = new Set(list.items.map((r) => r.id));
      const items = [...list.items, ...(page.items ?? []).filter((r) => !seen.has(r.id))];
      this.#list = { ...list, items, total: Number(page.total) || items.length, next: page.nextCursor ?? null };
      this.more = { loading: false, error: null };
    } catch (error) {
      if (controller.signal.aborted) return;
      this.more = { loading: false, error };
      return;
    }
    await this.updateComplete;
    // The button goes away on the last page: focus moves on to the first row it brought.
    if (!this.#list?.next) this.#boxes()[before]?.focus();
  }

  /** The rows' check boxes, in order. */
  #boxes(): HTMLInputElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLInputElement>('tbody input.check')];
  }

  // ───────────── restore confirmation ─────────────

  async #openConfirm(): Promise<void> {
    if (!this.#restores.checkedRecords().length) return;
    try {
      this.#views ??= await loadRestoreViews();
      this.viewsError = null;
    } catch (error) {
      this.viewsError = error;
      return;
    }
    const records = this.#restores.checkedRecords();
    if (!records.length) return;
    const chosen: Record<string, Set<string>> = {};
    const related: Record<string, Set<string>> = {};
    for (const r of records) {
      if (r.kind !== 'merge-leftover') continue;
      chosen[r.id] = new Set(suggestedRestoreFields(r));
      // Related records are added, never overwrite anything: all start checked.
      related[r.id] = new Set(relatedEntries(r).map(([, id]) => id));
    }
    this.confirming = { records, chosen, related, nothing: false };
  }

  async #closeConfirm(): Promise<void> {
    this.renderRoot.querySelector('dialog')?.close();
    this.confirming = null;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.restore')?.focus();
  }

  #onDialogCancel(event: Event): void {
    event.preventDefault();
    void this.#closeConfirm();
  }

  #onFieldToggle(event: Event, id: string, field: string): void {
    const chosen = this.confirming?.chosen[id];
    if (!chosen) return;
    if ((event.target as HTMLInputElement).checked) chosen.add(field);
    else chosen.delete(field);
    if (this.confirming) this.confirming = { ...this.confirming, nothing: false };
  }

  #onRelatedToggle(event: Event, id: string, relatedId: string): void {
    const chosen = this.confirming?.related[id];
    if (!chosen) return;
    if ((event.target as HTMLInputElement).checked) chosen.add(relatedId);
    else chosen.delete(relatedId);
    if (this.confirming) this.confirming = { ...this.confirming, nothing: false };
  }

  #onConfirm(event: SubmitEvent): void {
    event.preventDefault();
    const confirming = this.confirming;
    if (!confirming) return;
    const chosen = Object.fromEntries(Object.entries(confirming.chosen).map(([id, set]) => [id, [...set]]));
    const related = Object.fromEntries(Object.entries(confirming.related).map(([id, set]) => [id, [...set]]));
    const request = buildRestoreRequest(confirming.records, chosen, related);
    if (!request) {
      this.confirming = { ...confirming, nothing: true };
      return;
    }
    void this.#closeConfirm();
    if (!this.emit(FC_REQUEST_RESTORE, { request }, { cancelable: true })) return;
    void this.#restores.send(request).then(() => this.#log?.reload());
  }

  // ───────────── render ─────────────

  protected override render() {
    if (!this.adapter?.deleted) return unsupportedView('deleted');
    const range = this.#range;
    return html`${this.#rangeForm(range)}
      <div class="fc-visually-hidden" role="status">${this.#restores.announcement}</div>
      ${this.viewsError ? errorView(this.viewsError, () => void this.#openConfirm()) : nothing}
      ${this.#body(range)} ${this.confirming && this.#views
        ? this.#views.confirmDialog(this.confirming, DIALOG_NAMES, {
            cancel: (e: Event) => this.#onDialogCancel(e),
            submit: (e: SubmitEvent) => this.#onConfirm(e),
            close: () => void this.#closeConfirm(),
            toggle: (e: Event, id: string, field: string) => this.#onFieldToggle(e, id, field),
            toggleRelated: (e: Event, id: string, relatedId: string) => this.#onRelatedToggle(e, id, relatedId),
          }, this.#formats!)
        : nothing}
      ${this.#logView()}`;
  }

  // ───────────── restore log ─────────────

  #toggleLog(): void {
    this.logOpen = !this.logOpen;
    if (!this.logOpen || this.#log) return;
    this.logError = null;
    Promise.all([import('./deleted-customers.log.js'), loadRestoreViews()]).then(
      ([m, views]) => {
        this.#views ??= views;
        this.#log ??= m.createRestoreLog(this, { ...LOG_HELPERS, views }, { adapter: () => this.adapter, open: () => this.logOpen, pageSize: () => this.#pageSize });
        this.requestUpdate();
      },
      (error: unknown) => (this.logError = error),
    );
  }

  #logView(): unknown {
    if (!this.logOpen) return nothing;
    if (this.logError) return html`<section class="log" part="log">${errorView(this.logError, () => ((this.logOpen = false), this.#toggleLog()))}</section>`;
    return this.#log ? this.#log.render(this.#formats!) : html`<section class="log" part="log">${loadingView(3)}</section>`;
  }

  #rangeForm(range: { from: string; to: string }): TemplateResult {
    return html`<div class="controls">
      <form class="range" part="range" @submit=${this.#onCompile} novalidate>
        <fieldset>
          <legend class="fc-visually-hidden">${t('rangeLegend')}</legend>
          ${dateRangeFields({ ...range, problem: this.rangeError, describedBy: 'range-error' })}
          <button type="submit" class="fc-button fc-button--primary">${t('compile')}</button>
        </fieldset>
        <p id="range-error" class="range-error" role="alert">${this.rangeError ? rangeProblemText(this.rangeError) : ''}</p>
      </form>
      <label class="search" part="search">
        <span>${t('search')}</span>
        <input type="search" autocomplete="off" @input=${this.#onSearchInput} @keydown=${this.#onSearchKey} />
      </label>
      <button type="button" class="fc-button log-button" part="log-button" aria-pressed=${this.logOpen ? 'true' : 'false'} @click=${this.#toggleLog}>
        ${t('logShow')}
      </button>
    </div>`;
  }

  #body(range: { from: string; to: string }): unknown {
    const problem = rangeProblem(range);
    if (problem) {
      return html`<div class="fc-state fc-state--error" part="state error">
        <p class="fc-state__message" role="status">${rangeProblemText(problem)}</p>
      </div>`;
    }
    if (!this.#shopZone.zone) return loadingView(5);
    return this.#records.render({ complete: () => this.#listView(range), lines: 5 });
  }

  #listView(range: { from: string; to: string }): unknown {
    const list = this.#current;
    if (!list) return nothing;
    const f = this.#formats!;
    const rangeText = formatRange(f, range.from, range.to);
    const search = this.search.trim();
    if (!list.items.length) {
      return html`${this.#toolbar([])}${emptyView(search ? t('emptySearch', search, rangeText) : t('empty', rangeText))}`;
    }
    return html`${this.#toolbar(list.items)}${this.#views?.outcomeView(this.#restores.outcome(f), () => this.#restores.dismissOutcome()) ?? nothing}
      <p class="counts">
        ${search
          ? t('countsSearch', formatCount(list.total), formatCount(list.items.length), search)
          : t('counts', formatCount(list.total), formatCount(list.items.length))}
      </p>
      ${this.#table(list.items, rangeText, f)} ${this.#moreView(list)}`;
  }

  #toolbar(shown: readonly DeletedRecord[]): TemplateResult {
    const selected = this.#restores.selected;
    const shownIds = new Set(shown.map((r) => r.id));
    const hidden = [...selected.keys()].filter((id) => !shownIds.has(id)).length;
    return toolbarView(selected.size, hidden, { clear: () => this.#restores.clear(), restore: () => void this.#openConfirm() });
  }

  #table(items: DeletedRecord[], rangeText: string, f: Formats): TemplateResult {
    const restores = this.#restores;
    return recordsTable(items, rangeText, f, {
      status: (r) => restores.status(r, this.#shopZone.zone, f),
      checked: (r) => restores.selected.has(r.id),
      keydown: restores.onBoxKey,
      click: (e, r) => restores.onBoxClick(e, r, this.#current?.items ?? []),
      all: () => restores.toggleAll(items),
    });
  }

  #moreView(list: ListData): unknown {
    if (!list.next) return nothing;
    const remaining = Math.max(0, list.total - list.items.length);
    return moreView(Math.min(this.#pageSize, remaining || this.#pageSize), this.more, () => void this.#loadMore());
  }
}
