import { html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter, SmsListQuery } from '../../data/adapter.js';
import { isoDateIn } from '../../data/logic/calendar.js';
import { decodeSmsFilter, encodeSmsFilter } from '../../data/logic/sms-filter.js';
import { SMS_ERROR_CATEGORIES } from '../../data/model.js';
import type { SmsErrorCategory, SmsFilter, SmsMessage } from '../../data/model.js';
import { adapterContext } from '../shared/adapter-context.js';
import { afterPaint } from '../shared/after-paint.js';
import { AdapterEventsController } from '../shared/controllers/adapter-events.js';
import { ScrollHintController, scrollHintStyles } from '../shared/controllers/scroll-hint.js';
import { ShopZoneController, isForeignZone, viewerZone } from '../shared/controllers/shop-zone.js';
import { WindowedGridController } from '../shared/controllers/windowed-grid.js';
import { FcElement } from '../shared/fc-element.js';
import { describeError, emptyView, errorView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import {
  applyColumnWidths,
  CARD_HEIGHT,
  COLUMNS,
  HEADER_HEIGHT,
  MAX_BODY_HEIGHT,
  MAX_COLUMN_WIDTH,
  NARROW_WIDTH,
  ROW_HEIGHT,
} from './sms-history.columns.js';
import { SmsDetails } from './sms-history.details.js';
import { FC_SMS_FILTER_CHANGE } from './sms-history.events.js';
import { SmsCsvExport } from './sms-history.export.js';
import { SmsFilterForm } from './sms-history.filter.js';
import type { SmsFilterChange } from './sms-history.filter.js';
import { spanishGate, t } from './sms-history.messages.js';
import { SmsPager } from './sms-history.pager.js';
import { syncRows } from './sms-history.rows.js';
import type { RowState } from './sms-history.rows.js';
import { styles } from './sms-history.styles.js';
import { SmsSummaryLoader } from './sms-history.summary.js';
import { ErrorTooltip } from './sms-history.tooltip.js';
import { gridView, loadErrorTitles, toolbarView } from './sms-history.view.js';

type Order = 'asc' | 'desc';

/**
 * SMS history: every text in and out, paged from the adapter into a windowed ARIA grid that stays
 * fast at a million rows. An advanced filter (reflected in the URL-safe `filter` attribute),
 * the period summary with trends against the previous month (`<fc-sms-summary>`), an error column
 * explained in plain language (tooltip and details panel), resizable columns, stacked cards on a
 * narrow container, and a streamed CSV export.
 *
 * Sorting: only by time (`order`), the order the adapter serves; the other columns are not
 * sortable because `sms.list` has no other order.
 *
 * Keyboard: the header row is one Tab stop, then the rows are one. In the header, Left/Right move
 * between the time sort button and the columns' resize handles; on a handle, Up, `+` or
 * Shift+Right widens its column, Down, `-` or Shift+Left narrows it, Home and End take it to its
 * narrowest and widest, Enter back to its default width. In the rows, the grid keys of the ARIA
 * practices: arrows, PageUp/PageDown, Home/End, Ctrl+Home/Ctrl+End; Enter opens a text's details.
 *
 * Theme: the summary inside follows this element's `theme` attribute (and `fc-dark`/`fc-light`
 * class), `locale` and shop zone.
 *
 * @customElement fc-sms-history
 * @fires fc-sms-filter-change - The user changed the filter. detail: {filter, value}
 * @fires fc-export - The user exported the filtered history as CSV, once every page is read and before the download. Cancelable (cancels the download). detail: {format, filename, content, rows}
 * @csspart filter - The filter form.
 * @csspart summary - The `<fc-sms-summary>` above the table.
 * @csspart grid - The grid.
 * @csspart scroller - The grid's scrolling element.
 * @csspart row - A data row (also the header row and `error-row`).
 * @csspart export - The export button, its progress and Cancel.
 * @csspart tooltip - The error tooltip.
 * @csspart details - The details dialog.
 * @csspart state - Loading, empty, unsupported and error states (with `loading`, `empty`, `unsupported`, `error`).
 * @csspart retry-button - Retry in the error state and in rows that failed to load.
 * @cssproperty --fc-sms-history-height - Height of the scrolling grid (default 30rem).
 * @cssproperty --fc-sms-history-error-color - Error column and failed statuses.
 * @cssproperty --fc-sms-history-delivered-color - The "Delivered" status.
 * @cssproperty --fc-sms-history-stripe - Background of every other row.
 */
export class FcSmsHistory extends FcElement {
  static override styles = [tokens, shared, stateStyles, scrollHintStyles, styles];

  static override get observedAttributes(): string[] {
    // The summary inside takes this element's theme (see render): watched, so it follows a change.
    return [...super.observedAttributes, 'theme', 'class'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if ((name === 'theme' || name === 'class') && old !== value) this.requestUpdate();
  }

  /** The adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The filter, as `encodeSmsFilter` writes it (`from=2026-11-01&to=2026-11-30&direction=outbound`); empty for this month. */
  @property({ reflect: true }) filter = '';

  /** IANA zone the times are shown in and "this month" is taken in; empty for the dealer's (`leads.dealer()`), else the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** Rows per request. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  /** Time order: `desc` (newest first) or `asc`. */
  @property() order: Order = 'desc';

  #decoded: SmsFilter = decodeSmsFilter('', isoDateIn(Date.now()));
  #queryKey = '';
  #pagerApi: unknown = null;
  #pager: SmsPager | null = null;
  #waiters: (() => void)[] = [];
  /** The total the last update rendered (`aria-rowcount`, the body's height). */
  #shownTotal = -1;

  // The order matters: after an update the grid places its rows before the tooltip finds its cell.
  readonly #grid = new WindowedGridController(this, {
    rowCount: () => this.#pager?.total ?? -1,
    rowHeight: ROW_HEIGHT,
    headerHeight: HEADER_HEIGHT,
    narrowRowHeight: CARD_HEIGHT,
    narrowWidth: NARROW_WIDTH,
    columns: COLUMNS,
    maxColumnWidth: MAX_COLUMN_WIDTH,
    maxBodyHeight: MAX_BODY_HEIGHT,
    parts: () => {
      const root = this.renderRoot;
      return {
        grid: root.querySelector<HTMLElement>('.grid'),
        scroller: root.querySelector<HTMLElement>('.scroller'),
        head: root.querySelector<HTMLElement>('.header'),
        body: root.querySelector<HTMLElement>('.body'),
        rows: root.querySelector<HTMLElement>('.rows'),
      };
    },
    // Half a page read ahead both ways: a scroll finds the next rows loaded, not placeholders.
    onWindow: (start, count) => this.#pager?.ensure(start, start + count - 1, this.#pager.pageSize >> 1),
    renderRows: (container, start, count, tab) => this.#renderRows(container, start, count, tab),
    applyWidths: applyColumnWidths,
    onActiveCell: (row, col) => this.#tooltip.showFor(row, col),
    onScrollFrame: () => this.#tooltip.hide(),
  });

  readonly #tooltip = new ErrorTooltip(this, {
    row: (index) => this.#pager?.row(index),
    cell: (row, col) => this.#grid.cell(row, col),
    rows: () => this.renderRoot.querySelector<HTMLElement>('.rows'),
  });
  readonly #summary = new SmsSummaryLoader(this);
  readonly #details = new SmsDetails(this, { restoreFocus: () => this.#grid.focusActive() });

  readonly #form = new SmsFilterForm(this, {
    filter: () => this.#decoded,
    apply: (change) => this.#apply(change),
  });

  readonly #csv = new SmsCsvExport(this, {
    sms: () => this.adapter?.sms,
    query: () => ({ filter: this.#decoded, order: this.#order, zone: this.#zone, total: this.rowCount }),
  });

  constructor() {
    super();
    new ScrollHintController(this); // "More columns →" over the grid while columns are hidden past its edge
    // Imported texts (or any other write to sms) show without a reload: visible pages are read again.
    new AdapterEventsController(this, {
      adapter: () => this.adapter,
      domains: ['sms'],
      onChange: () => {
        this.#pager?.refresh();
        this.requestUpdate();
      },
    });
  }

  /** Total rows of the current filter; -1 while unknown. */
  get rowCount(): number {
    return this.#pager?.total ?? -1;
  }

  /** The decoded filter in use. */
  get filterValue(): SmsFilter {
    return { ...this.#decoded };
  }

  get #order(): Order {
    return this.order === 'asc' ? 'asc' : 'desc';
  }

  readonly #shopZone = new ShopZoneController(this, { adapter: () => this.adapter, zone: () => this.timeZone });

  /** The zone in use ('' while the dealer's is being read), taken once per update (every rendered row asks for it). */
  #zone = '';
  /** The zone is not the viewer's: times carry its name. */
  #named = false;
  /** The zone `#decoded`'s "this month" was taken in. */
  #decodedIn = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pager?.dispose();
    this.#pager = null;
    this.#queryKey = '';
  }

  // ───────────── public API ─────────────

  /**
   * Scrolls so data row `index` (0-based) is at the top (or as near as the end allows).
   * @returns Resolves when that row is rendered and loaded.
   */
  async scrollToRow(index: number): Promise<void> {
    await this.#untilTotal();
    if (!this.#pager || !this.#grid.scrollToRow(index)) return;
    await this.rowsReady();
  }

  /**
   * Resolves when the visible rows are rendered and loaded (after a filter change too); rejects
   * with the adapter's error when a visible page failed to load.
   */
  async rowsReady(): Promise<void> {
    for (let guard = 0; guard < 10_000; guard++) {
      await this.updateComplete;
      if (this.#grid.framePending) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        continue;
      }
      if (this.isUpdatePending) continue;
      const pager = this.#pager;
      if (this.#zoneWait()) {
        await this.#nextChange();
        continue;
      }
      if (!pager || !this.adapter?.sms || !this.isConnected) return;
      if (pager.total < 0) {
        if (pager.firstError) throw pager.firstError;
        await this.#nextChange();
        continue;
      }
      if (pager.total === 0) return;
      let pending = false;
      let failure: unknown = null;
      const { start, count } = this.#grid;
      for (let i = start; i < start + count; i++) {
        if (pager.row(i)) continue;
        const error = pager.errorOf(i);
        if (error) failure ??= error;
        else pending = true;
      }
      if (!pending && this.#grid.windowRendered) {
        if (failure) throw failure;
        return;
      }
      if (!pager.busy) this.#grid.refresh();
      await this.#nextChange();
    }
  }

  // ───────────── lifecycle ─────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    const zone = this.#shopZone.zone;
    if (zone !== this.#zone) {
      this.#zone = zone;
      this.#named = isForeignZone(zone);
    }
    if (changed.has('filter') || (zone && zone !== this.#decodedIn)) {
      this.#decodedIn = zone;
      const today = isoDateIn(Date.now(), zone || viewerZone());
      this.#decoded = decodeSmsFilter(this.filter, today);
      if (changed.has('filter')) this.#form.clearRangeError();
    }
    const api = this.adapter?.sms;
    const order = this.#order;
    const pageSize = Math.max(1, Math.min(1000, Math.floor(this.pageSize) || 100));
    const key = `${encodeSmsFilter(this.#decoded)}|${order}|${pageSize}`;
    // No rows before the shop's zone is known: "this month" and the times depend on it.
    if (!api || !zone) {
      this.#pager?.dispose();
      this.#pager = null;
      this.#queryKey = '';
      return;
    }
    if (key !== this.#queryKey || this.#pagerApi !== api) {
      this.#queryKey = key;
      this.#pagerApi = api;
      this.#pager?.dispose();
      const filter = this.#decoded;
      this.#pager = new SmsPager({
        pageSize,
        // The errors' titles (not in the first load) come with the first page: its rows show them.
        load: (offset, limit, signal) =>
          Promise.all([api.list({ ...filter, order, limit, offset } satisfies SmsListQuery, { signal }), loadErrorTitles()]).then(([page]) => page),
        onChange: (page) => this.#pageChanged(page),
      });
      this.#grid.reset();
      this.#tooltip.hide();
    }
  }

  protected override updated(): void {
    // The grid's rows were placed (its controller runs first); with no total yet, ask for the first page.
    const pager = this.#pager;
    if (pager && pager.total < 0 && !pager.firstError && !pager.busy) pager.ensure(0, 0);
    this.#shownTotal = pager?.total ?? -1;
    this.#wake();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }

  /**
   * A page arrived or failed: re-renders, unless it is a page read ahead of the rows in view and
   * the total stayed the same (nothing on screen changed).
   */
  #pageChanged(page?: number): void {
    const pager = this.#pager;
    const { start, count } = this.#grid;
    if (pager && page !== undefined && count > 0 && pager.total === this.#shownTotal) {
      const first = Math.floor(start / pager.pageSize);
      const last = Math.floor((start + count - 1) / pager.pageSize);
      if (page < first || page > last) {
        this.#wake();
        return;
      }
    }
    this.requestUpdate();
  }

  #nextChange(): Promise<void> {
    return new Promise((resolve) => {
      this.#waiters.push(resolve);
      // A change may never come (nothing in flight): look again shortly instead of waiting forever.
      setTimeout(resolve, 50);
    });
  }

  /** No rows yet because the shop's zone is being read. */
  #zoneWait(): boolean {
    return !this.#pager && !this.#zone && !!this.adapter?.sms && this.isConnected;
  }

  async #untilTotal(): Promise<void> {
    for (let guard = 0; guard < 10_000; guard++) {
      await this.updateComplete;
      const pager = this.#pager;
      if (this.isUpdatePending) continue;
      if (this.#zoneWait()) {
        await this.#nextChange();
        continue;
      }
      if (!pager || pager.total >= 0 || pager.firstError || !this.isConnected) return;
      await this.#nextChange();
    }
  }

  // ───────────── rows ─────────────

  #rowState(pager: SmsPager, index: number, start: number): RowState {
    const message = pager.row(index);
    if (message) return { kind: 'data', index, message };
    const error = pager.errorOf(index);
    if (!error) return { kind: 'busy', index };
    const first = pager.missingFrom(index);
    const last = Math.min(pager.total, pager.pageStart(index) + pager.pageSize) - 1;
    // The first row of the failed page in the window carries the message and Retry.
    return { kind: 'error', index, error, first, last, lead: index === Math.max(first, start) };
  }

  #renderRows(container: HTMLElement, start: number, count: number, tab: { row: number; col: number }): void {
    const pager = this.#pager;
    if (!pager) return;
    const states: RowState[] = [];
    for (let i = start; i < start + count; i++) states.push(this.#rowState(pager, i, start));
    // Scroll frames render outside an update: in this element's locale all the same.
    this.inLocale(() => syncRows(container, states, this.#zone, this.#named, (error) => describeError(error).message, tab));
  }

  readonly #onRowsKeydown = (event: KeyboardEvent): void => {
    if ((event.target as HTMLElement).closest('button')) return;
    const pager = this.#pager;
    if (!pager || pager.total <= 0) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const message = pager.row(this.#grid.activeRow);
      if (message) this.#openDetails(message);
    } else if (event.key === 'Escape') {
      if (this.#tooltip.tip) {
        event.preventDefault();
        this.#tooltip.hide();
      }
    } else this.#grid.handleKey(event);
  };

  readonly #onRowsClick = (event: MouseEvent): void => {
    const target = event.target as HTMLElement;
    const retry = target.closest<HTMLElement>('[data-retry]');
    if (retry) {
      this.#pager?.retry(Number(retry.dataset['retry']));
      return;
    }
    const rowEl = target.closest<HTMLElement>('[role="row"]');
    const message = rowEl ? this.#pager?.row(Number(rowEl.dataset['index'])) : undefined;
    if (message) this.#openDetails(message);
  };

  #openDetails(message: SmsMessage): void {
    this.#tooltip.hide();
    this.#details.open(message);
  }

  // ───────────── filter ─────────────

  /** Applies a change the user made and tells the host. */
  #apply(change: SmsFilterChange): void {
    const next: Record<string, string | undefined> = { ...this.#decoded, ...change };
    for (const [key, value] of Object.entries(next)) if (value === undefined || value === '') delete next[key];
    const encoded = encodeSmsFilter(next as unknown as SmsFilter);
    if (encoded === encodeSmsFilter(this.#decoded)) return;
    this.filter = encoded;
    const today = isoDateIn(Date.now(), this.#zone || viewerZone());
    this.emit(FC_SMS_FILTER_CHANGE, { filter: encoded, value: decodeSmsFilter(encoded, today) });
  }

  #onCategorySelect(event: CustomEvent<{ category: SmsErrorCategory }>): void {
    const category = event.detail?.category;
    if ((SMS_ERROR_CATEGORIES as readonly string[]).includes(category)) this.#apply({ errorCategory: category, errorCode: '' });
  }

  /** The visible rows loaded and painted (or failed): when the summary beside them may start counting. */
  #rowsShown = (): Promise<void> => this.rowsReady().then(() => afterPaint());

  // ───────────── render ─────────────

  protected override render() {
    if (!this.adapter?.sms) return unsupportedView('sms');
    const waiting = spanishGate(this);
    if (waiting) return waiting;
    const themeClass = this.classList.contains('fc-dark') ? 'dark' : this.classList.contains('fc-light') ? 'light' : nothing;
    return html`${this.#form.render()}
      ${this.#summary.render({
        theme: this.getAttribute('theme') ?? themeClass,
        locale: this.locale,
        adapter: this.adapter,
        filter: this.#decoded,
        readyWhen: this.#rowsShown,
        zone: this.#zone,
        onCategorySelect: (event) => this.#onCategorySelect(event),
      })}
      ${toolbarView({
        total: this.rowCount,
        exporting: this.#csv.progress,
        exportMessage: this.#csv.message,
        exportCsv: () => void this.#csv.exportCsv(),
        cancelExport: () => this.#csv.cancelExport(),
      })}
      ${this.#tableView()}
      ${this.#details.render(this.#zone, this.#named, {
        close: () => void this.#details.close(),
        only: (change) => {
          void this.#details.close();
          this.#apply(change);
        },
      })}`;
  }

  #tableView() {
    const pager = this.#pager;
    if (!pager) return this.#zone ? nothing : loadingView(6);
    if (pager.total < 0) {
      if (pager.firstError) return errorView(pager.firstError, () => pager.retry(0));
      return loadingView(6);
    }
    if (pager.total === 0) return emptyView(t('empty'));
    return gridView({
      total: pager.total,
      order: this.#order,
      label: t('gridLabel', this.#decoded.from, this.#decoded.to),
      grid: this.#grid,
      rows: {
        keydown: this.#onRowsKeydown,
        click: this.#onRowsClick,
        pointerover: this.#tooltip.onPointerOver,
        pointerout: this.#tooltip.onPointerOut,
        focusout: this.#tooltip.onFocusOut,
      },
      toggleOrder: () => (this.order = this.#order === 'asc' ? 'desc' : 'asc'),
      tooltip: this.#tooltip.render(),
    });
  }
}
