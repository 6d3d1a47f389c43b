import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { consume } from '@lit/context';
import { DateTime } from 'luxon';
import type { ForecourtAdapter, SmsListQuery } from '../../data/adapter.js';
import { decodeSmsFilter, encodeSmsFilter } from '../../data/logic/sms-filter.js';
import { isValidZone, rangeProblem } from '../../data/logic/calendar.js';
import { SMS_DIRECTIONS, SMS_ERROR_CATEGORIES, SMS_STATUSES } from '../../data/model.js';
import type { SmsErrorCategory, SmsFilter, SmsMessage } from '../../data/model.js';
import { adapterContext } from '../shared/adapter-context.js';
import { afterPaint } from '../shared/after-paint.js';
import { AdapterEventsController } from '../shared/controllers/adapter-events.js';
import { FcElement } from '../shared/fc-element.js';
import { formatCount } from '../shared/messages.js';
import { describeError, emptyView, errorView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { FC_SMS_FILTER_CHANGE } from './sms-history.events.js';
import { t } from './sms-history.messages.js';
import { SmsCsvExport } from './sms-history.export.js';
import { SmsPager } from './sms-history.pager.js';
import { styles } from './sms-history.styles.js';
import {
  COLUMNS,
  ERROR_COLUMN,
  MAX_COLUMN_WIDTH,
  categoryName,
  customerPhone,
  directionName,
  errorInfo,
  formatSentAt,
  statusName,
  syncRows,
  WIDTH_PROPERTIES,
} from './sms-history.view.js';
import type { RowState } from './sms-history.view.js';

/** Row, header and card heights in CSS pixels; the same figures as in the styles. */
const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 40;
const CARD_HEIGHT = 168;
/** Container width under which rows are stacked cards (the styles' container query). */
const NARROW_WIDTH = 600;
/**
 * Tallest scroll body. Chromium stops growing an element at 33,554,431 px (Firefox near 17.9M):
 * past this the scrollbar is scaled and scroll positions map to rows proportionally.
 */
export const MAX_BODY_HEIGHT = 15_000_000;
/** Rows rendered above and below the visible ones. */
const OVERSCAN = 2;
/** Most rows in the DOM at once, whatever the height, so the element count stays bounded. */
const MAX_POOL = 26;
const SEARCH_DEBOUNCE_MS = 300;
const RESIZE_STEP = 16;

type Order = 'asc' | 'desc';

const zoneOrLocal = (zone: string) =>
  zone && isValidZone(zone) ? zone : Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

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
  static override styles = [tokens, shared, stateStyles, styles];

  /** The adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The filter, as `encodeSmsFilter` writes it (`from=2026-11-01&to=2026-11-30&direction=outbound`); empty for this month. */
  @property({ reflect: true }) filter = '';

  /** IANA zone the times are shown in and "this month" is taken in; empty for the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** Rows per request. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 100;

  /** Time order: `desc` (newest first) or `asc`. */
  @property() order: Order = 'desc';

  /** Advanced filter fields shown. */
  @state() private advanced = false;
  @state() private rangeError = '';
  @state() private details: SmsMessage | null = null;
  @state() private tip: { index: number; message: SmsMessage } | null = null;

  #decoded: SmsFilter = decodeSmsFilter('', DateTime.now().toISODate()!);
  #queryKey = '';
  #pager: SmsPager | null = null;
  #widths: number[] = COLUMNS.map((c) => c.width);
  #narrow = false;
  /** Height of the scroller's box (from its ResizeObserver, never read in the scroll path). */
  #viewport = 480;
  /** The last scrollTop read (or written). */
  #scrollTop = 0;
  /** A position set by code: the virtual top it stands for, so a rounded scrollTop maps back exactly. */
  #pinned: { s: number; v: number } | null = null;
  #raf = 0;
  #start = 0;
  #count = 0;
  #firstVisible = 0;
  #rendered = '';
  #activeRow = 0;
  #activeCol = 0;
  #scroller: HTMLElement | null = null;
  #body: HTMLElement | null = null;
  #rowsEl: HTMLElement | null = null;
  #grid: HTMLElement | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #waiters: (() => void)[] = [];
  #resize: { col: number; x: number; width: number; sign: number } | null = null;

  readonly #csv = new SmsCsvExport(this, {
    sms: () => this.adapter?.sms,
    query: () => ({ filter: this.#decoded, order: this.order === 'asc' ? 'asc' : 'desc', zone: this.#zone, total: this.rowCount }),
  });

  readonly #observer = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => this.#onResize(entries)) : null;


  constructor() {
    super();
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

  /** The zone in use, resolved once per `time-zone` value (every rendered row asks for it). */
  get #zone(): string {
    if (this.#zoneFor !== this.timeZone) this.#resolvedZone = zoneOrLocal((this.#zoneFor = this.timeZone));
    return this.#resolvedZone;
  }

  #zoneFor: string | null | undefined = null;
  #resolvedZone = '';

  get #rowHeight(): number {
    return this.#narrow ? CARD_HEIGHT : ROW_HEIGHT;
  }

  get #headerHeight(): number {
    return HEADER_HEIGHT;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#scroller = this.#grid = this.#rowsEl = this.#body = null;
    this.#pager?.dispose();
    this.#pager = null;
    this.#queryKey = '';
    cancelAnimationFrame(this.#raf);
    this.#raf = 0;
    window.removeEventListener('scroll', this.#onPageScroll, true);
    clearTimeout(this.#searchTimer);
  }

  // ───────────── public API ─────────────

  /**
   * Scrolls so data row `index` (0-based) is at the top (or as near as the end allows).
   * @returns Resolves when that row is rendered and loaded.
   */
  async scrollToRow(index: number): Promise<void> {
    await this.#untilTotal();
    const pager = this.#pager;
    if (!pager || pager.total <= 0 || !this.#scroller) return;
    const row = Math.max(0, Math.min(pager.total - 1, Math.floor(Number(index) || 0)));
    this.#scrollToVirtual(row * this.#rowHeight);
    await this.rowsReady();
  }

  /**
   * Resolves when the visible rows are rendered and loaded (after a filter change too); rejects
   * with the adapter's error when a visible page failed to load.
   */
  async rowsReady(): Promise<void> {
    for (let guard = 0; guard < 10_000; guard++) {
      await this.updateComplete;
      if (this.#raf) {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        continue;
      }
      if (this.isUpdatePending) continue;
      const pager = this.#pager;
      if (!pager || !this.adapter?.sms || !this.isConnected) return;
      if (pager.total < 0) {
        if (pager.firstError) throw pager.firstError;
        await this.#nextChange();
        continue;
      }
      if (pager.total === 0) return;
      let pending = false;
      let failure: unknown = null;
      for (let i = this.#start; i < this.#start + this.#count; i++) {
        if (pager.row(i)) continue;
        const error = pager.errorOf(i);
        if (error) failure ??= error;
        else pending = true;
      }
      if (!pending && this.#rendered === this.#windowKey()) {
        if (failure) throw failure;
        return;
      }
      if (!pager.busy) this.#place(this.#scrollTop);
      await this.#nextChange();
    }
  }

  // ───────────── lifecycle ─────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('filter') || changed.has('timeZone')) {
      const today = DateTime.now().setZone(this.#zone).toISODate()!;
      this.#decoded = decodeSmsFilter(this.filter, today);
      if (changed.has('filter')) this.rangeError = '';
    }
    const api = this.adapter?.sms;
    const order: Order = this.order === 'asc' ? 'asc' : 'desc';
    const pageSize = Math.max(1, Math.min(1000, Math.floor(this.pageSize) || 100));
    const key = `${encodeSmsFilter(this.#decoded)}|${order}|${pageSize}`;
    if (!api) {
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
        load: (offset, limit, signal) =>
          api.list({ ...filter, order, limit, offset } satisfies SmsListQuery, { signal }),
        onChange: (page) => this.#pageChanged(page),
      });
      this.#start = 0;
      this.#count = 0;
      this.#rendered = '';
      this.#activeRow = 0;
      this.#pinned = null;
      this.#scrollTop = 0;
      if (this.#scroller) this.#scroller.scrollTop = 0;
      this.tip = null;
    }
  }

  #pagerApi: unknown = null;

  protected override updated(): void {
    const root = this.renderRoot;
    const scroller = root.querySelector<HTMLElement>('.scroller');
    if (scroller !== this.#scroller) {
      if (this.#scroller) this.#observer?.unobserve(this.#scroller);
      this.#scroller = scroller;
      // A new scroller is at the top; reading scrollTop would force a layout before the rows exist.
      this.#scrollTop = 0;
      if (scroller) this.#observer?.observe(scroller);
    }
    const grid = root.querySelector<HTMLElement>('.grid');
    if (grid !== this.#grid) {
      if (this.#grid) this.#observer?.unobserve(this.#grid);
      this.#grid = grid;
      if (grid) {
        this.#observer?.observe(grid);
        this.#applyWidths();
      }
    }
    this.#body = root.querySelector<HTMLElement>('.body');
    const rowsEl = root.querySelector<HTMLElement>('.rows');
    if (rowsEl !== this.#rowsEl) {
      this.#rowsEl = rowsEl;
      this.#rendered = '';
    }
    if (this.#pager && this.#pager.total < 0 && !this.#pager.firstError && !this.#pager.busy) this.#pager.ensure(0, 0);
    this.#place(this.#scrollTop);
    this.#updateTip();
    const dialog = root.querySelector('dialog');
    if (this.details && dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>('.close')?.focus();
    }
    this.#shownTotal = this.#pager?.total ?? -1;
    this.#wake();
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }

  /** The total the last update rendered (`aria-rowcount`, the body's height). */
  #shownTotal = -1;

  /**
   * A page arrived or failed: re-renders, unless it is a page read ahead of the rows in view and
   * the total stayed the same (nothing on screen changed).
   */
  #pageChanged(page?: number): void {
    const pager = this.#pager;
    if (pager && page !== undefined && this.#count > 0 && pager.total === this.#shownTotal) {
      const first = Math.floor(this.#start / pager.pageSize);
      const last = Math.floor((this.#start + this.#count - 1) / pager.pageSize);
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

  async #untilTotal(): Promise<void> {
    for (let guard = 0; guard < 10_000; guard++) {
      await this.updateComplete;
      const pager = this.#pager;
      if (this.isUpdatePending) continue;
      if (!pager || pager.total >= 0 || pager.firstError || !this.isConnected) return;
      await this.#nextChange();
    }
  }

  #onResize(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      if (entry.target === this.#grid) {
        const narrow = entry.contentRect.width > 0 && entry.contentRect.width < NARROW_WIDTH;
        if (narrow !== this.#narrow) {
          // Keep the same first row in view across the change of row height.
          const first = this.#firstVisible;
          this.#narrow = narrow;
          changed = true;
          if (this.#pager && this.#pager.total > 0) {
            this.#sizeBody();
            this.#scrollToVirtual(first * this.#rowHeight);
          }
        }
      } else if (entry.target === this.#scroller) {
        const height = entry.contentRect.height;
        if (height > 0 && height !== this.#viewport) {
          this.#viewport = height;
          changed = true;
        }
      }
    }
    if (changed) {
      this.#rendered = '';
      this.#place(this.#scrollTop);
    }
  }

  // ───────────── windowing ─────────────

  /** Rows' height in all, unscaled. */
  #virtualHeight(): number {
    return Math.max(0, this.#pager?.total ?? 0) * this.#rowHeight;
  }

  #bodyHeight(): number {
    return Math.min(this.#virtualHeight(), MAX_BODY_HEIGHT);
  }

  #rowsViewport(): number {
    return Math.max(this.#rowHeight, this.#viewport - this.#headerHeight);
  }

  /** Virtual top (in unscaled row pixels) for a scrollTop. */
  #virtualTop(s: number): number {
    const vh = this.#rowsViewport();
    const maxS = this.#bodyHeight() - vh;
    const maxV = this.#virtualHeight() - vh;
    if (maxS <= 0 || maxV <= 0) return 0;
    const clamped = Math.max(0, Math.min(maxS, s));
    return maxS === maxV ? clamped : (clamped / maxS) * maxV;
  }

  #scrollTopFor(v: number): number {
    const vh = this.#rowsViewport();
    const maxS = this.#bodyHeight() - vh;
    const maxV = this.#virtualHeight() - vh;
    if (maxS <= 0 || maxV <= 0) return 0;
    const clamped = Math.max(0, Math.min(maxV, v));
    return maxS === maxV ? clamped : (clamped / maxV) * maxS;
  }

  #scrollToVirtual(v: number): void {
    const scroller = this.#scroller;
    const vh = this.#rowsViewport();
    const target = Math.max(0, Math.min(this.#virtualHeight() - vh, v));
    const s = this.#scrollTopFor(target);
    this.#pinned = { s, v: target };
    this.#scrollTop = s;
    if (scroller) scroller.scrollTop = s;
    this.#place(s);
  }

  #sizeBody(): void {
    const body = this.#body;
    const height = `${this.#bodyHeight()}px`;
    if (!body || (this.#bodySized === body && this.#bodySize === height)) return;
    body.style.setProperty('block-size', height);
    this.#bodySized = body;
    this.#bodySize = height;
  }

  #bodySized: HTMLElement | null = null;
  #bodySize = '';

  readonly #onScroll = {
    handleEvent: () => {
      if (!this.#raf) this.#raf = requestAnimationFrame(this.#frame);
    },
    passive: true,
  };

  /** One read of scrollTop per frame; everything after it only writes. */
  readonly #frame = () => {
    this.#raf = 0;
    const scroller = this.#scroller;
    if (!scroller) return;
    this.#scrollTop = scroller.scrollTop;
    if (this.tip) this.tip = null;
    this.#place(this.#scrollTop, false);
  };

  #windowKey(): string {
    return `${this.#start}:${this.#count}`;
  }

  /**
   * Positions the window for scrollTop `s` and renders its rows: always when `force` (something
   * besides the position changed), else only when the window moved.
   */
  #place(s: number, force = true): void {
    const pager = this.#pager;
    const rowsEl = this.#rowsEl;
    if (!pager || !rowsEl || pager.total <= 0) return;
    this.#sizeBody();
    let v: number;
    if (this.#pinned && Math.abs(this.#pinned.s - s) <= 1) v = this.#pinned.v;
    else {
      this.#pinned = null;
      v = this.#virtualTop(s);
    }
    const h = this.#rowHeight;
    const total = pager.total;
    const first = Math.min(total - 1, Math.floor(v / h));
    const frac = v - first * h;
    const visible = Math.ceil(this.#rowsViewport() / h) + 1;
    // A jump past the whole window (a fling, a drag of the scrollbar) renders no rows behind it.
    const jumped = this.#count > 0 && (first >= this.#start + this.#count || first + visible <= this.#start);
    const start = Math.max(0, first - (jumped && first > this.#start ? 0 : OVERSCAN));
    const after = jumped && first < this.#start ? 0 : OVERSCAN;
    const count = Math.max(0, Math.min(MAX_POOL, visible + after + (first - start), total - start));
    this.#firstVisible = first;
    // Within the clipped body: the first visible row sits right under the sticky header.
    rowsEl.style.setProperty('transform', `translateY(${Math.max(0, s) - frac - (first - start) * h}px)`);
    if (!force && start === this.#start && count === this.#count && this.#rendered === this.#windowKey()) return;
    this.#start = start;
    this.#count = count;
    // Half a page read ahead both ways: a scroll finds the next rows loaded, not placeholders.
    pager.ensure(start, start + count - 1, pager.pageSize >> 1);
    this.#renderRows();
  }

  #rowState(index: number): RowState {
    const pager = this.#pager!;
    const message = pager.row(index);
    if (message) return { kind: 'data', index, message };
    const error = pager.errorOf(index);
    if (!error) return { kind: 'busy', index };
    const first = pager.missingFrom(index);
    const last = Math.min(pager.total, pager.pageStart(index) + pager.pageSize) - 1;
    // The first row of the failed page in the window carries the message and Retry.
    return { kind: 'error', index, error, first, last, lead: index === Math.max(first, this.#start) };
  }

  #renderRows(): void {
    const rowsEl = this.#rowsEl;
    const pager = this.#pager;
    if (!rowsEl || !pager) return;
    const end = this.#start + this.#count;
    const tabRow = this.#activeRow >= this.#start && this.#activeRow < end ? this.#activeRow : this.#firstVisible;
    const states: RowState[] = [];
    for (let i = this.#start; i < end; i++) states.push(this.#rowState(i));
    // Scroll frames render outside an update: in this element's locale all the same.
    this.inLocale(() => syncRows(rowsEl, states, this.#zone, (error) => describeError(error).message, { row: tabRow, col: this.#activeCol }));
    this.#rendered = this.#windowKey();
  }

  // ───────────── keyboard and pointer on rows ─────────────

  #cellFor(row: number, col: number): HTMLElement | null {
    const rowEl = this.#rowsEl?.children[row - this.#start] as HTMLElement | undefined;
    if (!rowEl) return null;
    const cells = rowEl.querySelectorAll<HTMLElement>('[role="gridcell"]');
    return cells[Math.min(col, cells.length - 1)] ?? null;
  }

  /** Moves the active cell, scrolling just enough to show its row, and focuses it. */
  #moveTo(row: number, col: number): void {
    const pager = this.#pager;
    if (!pager || pager.total <= 0) return;
    row = Math.max(0, Math.min(pager.total - 1, row));
    col = Math.max(0, Math.min(COLUMNS.length - 1, col));
    this.#activeRow = row;
    this.#activeCol = col;
    const h = this.#rowHeight;
    const vh = this.#rowsViewport();
    const v = this.#pinned && Math.abs(this.#pinned.s - this.#scrollTop) <= 1 ? this.#pinned.v : this.#virtualTop(this.#scrollTop);
    if (row * h < v) this.#scrollToVirtual(row * h);
    else if ((row + 1) * h > v + vh) this.#scrollToVirtual((row + 1) * h - vh);
    else this.#renderRows();
    this.#cellFor(row, col)?.focus({ preventScroll: true });
    this.#revealColumn(col);
    this.#showTipFor(row, col);
  }

  /** Scrolls sideways just enough to show a column (wide mode; the widths are known, nothing is measured but the scroller). */
  #revealColumn(col: number): void {
    const scroller = this.#scroller;
    if (!scroller || this.#narrow) return;
    const sign = getComputedStyle(this).direction === 'rtl' ? -1 : 1;
    const start = this.#widths.slice(0, col).reduce((a, b) => a + b, 0);
    const end = start + this.#widths[col]!;
    const x = Math.abs(scroller.scrollLeft);
    const view = scroller.clientWidth;
    if (start < x) scroller.scrollLeft = sign * start;
    else if (end > x + view) scroller.scrollLeft = sign * Math.min(start, end - view);
  }

  readonly #onKeydown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    if (target.closest('button')) return;
    const pager = this.#pager;
    if (!pager || pager.total <= 0) return;
    const rtl = getComputedStyle(this).direction === 'rtl';
    const page = Math.max(1, Math.floor(this.#rowsViewport() / this.#rowHeight) - 1);
    const ctrl = event.ctrlKey || event.metaKey;
    let row = this.#activeRow;
    let col = this.#activeCol;
    switch (event.key) {
      case 'ArrowDown':
        row += 1;
        break;
      case 'ArrowUp':
        row -= 1;
        break;
      case 'PageDown':
        row += page;
        break;
      case 'PageUp':
        row -= page;
        break;
      case 'ArrowRight':
        col += rtl ? -1 : 1;
        break;
      case 'ArrowLeft':
        col += rtl ? 1 : -1;
        break;
      case 'Home':
        col = 0;
        if (ctrl) row = 0;
        break;
      case 'End':
        col = COLUMNS.length - 1;
        if (ctrl) row = pager.total - 1;
        break;
      case 'Enter':
      case ' ': {
        event.preventDefault();
        const message = pager.row(this.#activeRow);
        if (message) this.#openDetails(message);
        return;
      }
      case 'Escape':
        if (this.tip) {
          event.preventDefault();
          this.tip = null;
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    this.#moveTo(row, col);
  };

  readonly #onFocusIn = (event: FocusEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[role="gridcell"]');
    const rowEl = cell?.closest<HTMLElement>('[role="row"]');
    if (!cell || !rowEl) return;
    const row = Number(rowEl.dataset['index']);
    const col = Number(cell.dataset['col']);
    if (!Number.isInteger(row) || !Number.isInteger(col)) return;
    const moved = row !== this.#activeRow || col !== this.#activeCol;
    this.#activeRow = row;
    this.#activeCol = col;
    if (moved) this.#renderRows();
    this.#showTipFor(row, col);
  };

  readonly #onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (this.tip && !(next && this.renderRoot.querySelector('.tip')?.contains(next))) this.tip = null;
  };

  readonly #onClick = (event: MouseEvent) => {
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

  readonly #onPointerOver = (event: PointerEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[role="gridcell"]');
    const rowEl = cell?.closest<HTMLElement>('[role="row"]');
    if (!cell || !rowEl || Number(cell.dataset['col']) !== ERROR_COLUMN) return;
    this.#showTipFor(Number(rowEl.dataset['index']), ERROR_COLUMN);
  };

  readonly #onPointerOut = (event: PointerEvent) => {
    const to = event.relatedTarget as Node | null;
    const tipEl = this.renderRoot.querySelector('.tip');
    if (!this.tip || (to && tipEl?.contains(to))) return;
    const from = (event.target as HTMLElement).closest('[role="gridcell"]');
    if (from && to && from.contains(to)) return;
    // Keep the tooltip while keyboard focus is on the error cell.
    const focused = (this.renderRoot as ShadowRoot).activeElement;
    if (focused && focused.closest('[role="row"]') && Number((focused as HTMLElement).dataset['col']) === ERROR_COLUMN) return;
    this.tip = null;
  };

  #showTipFor(row: number, col: number): void {
    const message = col === ERROR_COLUMN ? this.#pager?.row(row) : undefined;
    const next = message && errorInfo(message) ? { index: row, message } : null;
    if (next?.index !== this.tip?.index || next?.message !== this.tip?.message) this.tip = next;
  }

  /**
   * Shows the tooltip under its error cell, or above it when the viewport has no room below (a
   * layout read, only while the tooltip shows). It is a popover, in the top layer: no `overflow`,
   * `transform` or `z-index` of the host's containers clips or covers it.
   */
  #updateTip(): void {
    const tipEl = this.renderRoot.querySelector<HTMLElement>('.tip');
    if (!tipEl) return;
    for (const cell of this.#rowsEl?.querySelectorAll('[aria-describedby]') ?? []) cell.removeAttribute('aria-describedby');
    const cell = this.tip ? this.#cellFor(this.tip.index, ERROR_COLUMN) : null;
    if (!cell) {
      if (tipEl.matches(':popover-open')) tipEl.hidePopover();
      window.removeEventListener('scroll', this.#onPageScroll, true);
      return;
    }
    cell.setAttribute('aria-describedby', 'error-tip');
    if (!tipEl.matches(':popover-open')) tipEl.showPopover();
    // Placed in the viewport, it would stay behind when the page scrolls: it closes instead.
    window.addEventListener('scroll', this.#onPageScroll, { capture: true, passive: true });
    const at = cell.getBoundingClientRect();
    const view = document.documentElement;
    const below = at.bottom + 2;
    const top = below + tipEl.offsetHeight <= view.clientHeight ? below : Math.max(0, at.top - 2 - tipEl.offsetHeight);
    tipEl.style.setProperty('top', `${top}px`);
    tipEl.style.setProperty('left', `${Math.max(0, Math.min(at.left, view.clientWidth - tipEl.offsetWidth))}px`);
  }

  readonly #onPageScroll = () => {
    if (this.tip) this.tip = null;
  };

  // ───────────── columns ─────────────

  #applyWidths(): void {
    const grid = this.#grid;
    if (!grid) return;
    // Each column's width, read by its cells (a fixed-width flex item lays out faster than a grid track).
    for (const [property, key] of Object.entries(WIDTH_PROPERTIES)) {
      grid.style.setProperty(property, `${this.#widths[COLUMNS.findIndex((c) => c.key === key)]}px`);
    }
    grid.style.setProperty('--_total-w', `${this.#widths.reduce((a, b) => a + b, 0)}px`);
  }

  #setWidth(col: number, width: number): void {
    const column = COLUMNS[col]!;
    const next = Math.round(Math.max(column.min, Math.min(MAX_COLUMN_WIDTH, width)));
    if (next === this.#widths[col]) return;
    this.#widths = this.#widths.map((w, i) => (i === col ? next : w));
    this.#applyWidths();
    this.requestUpdate();
  }

  #onResizerKey(event: KeyboardEvent, col: number): void {
    const rtl = getComputedStyle(this).direction === 'rtl';
    const width = this.#widths[col]!;
    const grow = rtl ? 'ArrowLeft' : 'ArrowRight';
    const shrink = rtl ? 'ArrowRight' : 'ArrowLeft';
    let next: number | null = null;
    if (event.key === grow || event.key === 'ArrowUp') next = width + RESIZE_STEP;
    else if (event.key === shrink || event.key === 'ArrowDown') next = width - RESIZE_STEP;
    else if (event.key === 'Home') next = COLUMNS[col]!.min;
    else if (event.key === 'End') next = MAX_COLUMN_WIDTH;
    else if (event.key === 'Enter') next = COLUMNS[col]!.width;
    if (next === null) return;
    event.preventDefault();
    this.#setWidth(col, next);
  }

  #onResizerDown(event: PointerEvent, col: number): void {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget as HTMLElement;
    handle.setPointerCapture(event.pointerId);
    handle.focus({ preventScroll: true });
    this.#resize = { col, x: event.clientX, width: this.#widths[col]!, sign: getComputedStyle(this).direction === 'rtl' ? -1 : 1 };
  }

  #onResizerMove(event: PointerEvent): void {
    const drag = this.#resize;
    if (!drag) return;
    this.#setWidth(drag.col, drag.width + (event.clientX - drag.x) * drag.sign);
  }

  #onResizerUp(): void {
    this.#resize = null;
  }

  #toggleOrder(): void {
    this.order = this.order === 'asc' ? 'desc' : 'asc';
  }

  // ───────────── filter ─────────────

  /** Applies a change the user made and tells the host. */
  #apply(change: Partial<Record<keyof SmsFilter, string | undefined>>): void {
    const next: Record<string, string | undefined> = { ...this.#decoded, ...change };
    for (const [key, value] of Object.entries(next)) if (value === undefined || value === '') delete next[key];
    const encoded = encodeSmsFilter(next as unknown as SmsFilter);
    if (encoded === encodeSmsFilter(this.#decoded)) return;
    this.filter = encoded;
    const today = DateTime.now().setZone(this.#zone).toISODate()!;
    this.emit(FC_SMS_FILTER_CHANGE, { filter: encoded, value: decodeSmsFilter(encoded, today) });
  }

  #onDateChange(): void {
    const from = this.renderRoot.querySelector<HTMLInputElement>('#f-from')?.value ?? '';
    const to = this.renderRoot.querySelector<HTMLInputElement>('#f-to')?.value ?? '';
    const problem = rangeProblem({ from, to });
    if (problem) {
      this.rangeError = this.inLocale(() => problem === 'reversed' ? t('rangeReversed') : t('rangeInvalid'));
      return;
    }
    this.rangeError = '';
    this.#apply({ from, to });
  }

  #onSelect(event: Event, key: 'direction' | 'status' | 'errorCategory'): void {
    this.#apply({ [key]: (event.target as HTMLSelectElement).value });
  }

  #onTextInput(event: Event, key: 'text' | 'errorCode' | 'employeeId' | 'customerId'): void {
    const input = event.target as HTMLInputElement;
    clearTimeout(this.#searchTimer);
    const commit = () => this.#apply({ [key]: input.value.trim() ? input.value : '' });
    if (event.type === 'change') commit();
    else this.#searchTimer = setTimeout(commit, SEARCH_DEBOUNCE_MS);
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    clearTimeout(this.#searchTimer);
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value;
    const change: Partial<Record<keyof SmsFilter, string>> = {};
    for (const key of ['text', 'errorCode', 'employeeId', 'customerId'] as const) {
      const v = value(key);
      if (v !== undefined) change[key] = v.trim() ? v : '';
    }
    this.#apply(change);
  }

  #clear(): void {
    clearTimeout(this.#searchTimer);
    const { from, to } = this.#decoded;
    this.rangeError = '';
    this.#apply({ from, to, direction: '', status: '', errorCategory: '', errorCode: '', employeeId: '', customerId: '', text: '' });
  }

  #onCategorySelect(event: CustomEvent<{ category: SmsErrorCategory }>): void {
    const category = event.detail?.category;
    if ((SMS_ERROR_CATEGORIES as readonly string[]).includes(category)) this.#apply({ errorCategory: category, errorCode: '' });
  }

  // ───────────── details ─────────────

  #openDetails(message: SmsMessage): void {
    this.tip = null;
    this.details = message;
  }

  async #closeDetails(): Promise<void> {
    this.renderRoot.querySelector('dialog')?.close();
    this.details = null;
    await this.updateComplete;
    this.#cellFor(this.#activeRow, this.#activeCol)?.focus({ preventScroll: true });
  }

  #only(change: Partial<Record<keyof SmsFilter, string>>): void {
    void this.#closeDetails();
    this.#apply(change);
  }

  /** The visible rows loaded and painted (or failed): when the summary beside them may start counting. */
  #rowsShown = (): Promise<void> => this.rowsReady().then(() => afterPaint());

  // ───────────── render ─────────────

  protected override render() {
    if (!this.adapter?.sms) return unsupportedView('sms');
    const pager = this.#pager;
    return html`${this.#filterView()}
      <fc-sms-summary
        part="summary"
        exportparts="state: summary-state"
        .adapter=${this.adapter}
        .filter=${this.#decoded}
        .readyWhen=${this.#rowsShown}
        time-zone=${this.#zone}
        @fc-sms-category-select=${this.#onCategorySelect}
      ></fc-sms-summary>
      ${this.#toolbarView()} ${pager ? this.#tableView() : nothing} ${this.details ? this.#detailsView(this.details) : nothing}`;
  }

  #filterView(): TemplateResult {
    const f = this.#decoded;
    const advanced = this.advanced || !!(f.status || f.errorCategory || f.errorCode || f.employeeId || f.customerId);
    const invalid = this.rangeError ? 'true' : 'false';
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
        <button type="button" class="fc-button" aria-expanded=${advanced ? 'true' : 'false'} @click=${() => (this.advanced = !advanced)}>
          ${t('moreFilters')}
        </button>
        <button type="button" class="fc-button" @click=${() => this.#clear()}>${t('clearFilters')}</button>
      </div>
      ${this.rangeError ? html`<p class="range-error" role="alert">${this.rangeError}</p>` : nothing}
    </form>`;
  }

  #advancedView(f: SmsFilter): TemplateResult {
    const text = (key: 'errorCode' | 'employeeId' | 'customerId', label: string, hint = '') => html`<div class="field">
      <label for="f-${key}">${label}</label>
      <input
        id="f-${key}"
        name=${key}
        type="text"
        autocomplete="off"
        placeholder=${hint}
        .value=${live(f[key] ?? '')}
        @input=${(e: Event) => this.#onTextInput(e, key)}
        @change=${(e: Event) => this.#onTextInput(e, key)}
      />
    </div>`;
    return html`<div class="field">
        <label for="f-status">${t('status')}</label>
        <select id="f-status" @change=${(e: Event) => this.#onSelect(e, 'status')}>
          <option value="" ?selected=${!f.status}>${t('any')}</option>
          ${SMS_STATUSES.map((s) => html`<option value=${s} ?selected=${f.status === s}>${statusName(s)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="f-category">${t('errorCategory')}</label>
        <select id="f-category" @change=${(e: Event) => this.#onSelect(e, 'errorCategory')}>
          <option value="" ?selected=${!f.errorCategory}>${t('any')}</option>
          ${SMS_ERROR_CATEGORIES.map((c) => html`<option value=${c} ?selected=${f.errorCategory === c}>${categoryName(c)}</option>`)}
        </select>
      </div>
      ${text('errorCode', t('errorCode'), t('errorCodeHint'))} ${text('employeeId', t('employeeId'))}
      ${text('customerId', t('customerId'))}`;
  }

  #toolbarView(): TemplateResult {
    const total = this.rowCount;
    const exporting = this.#csv.progress;
    const count = total < 0 ? t('counting') : total === 1 ? t('countOne') : t('count', formatCount(total));
    return html`<div class="toolbar">
      <p class="count" role="status">${count}</p>
      <span class="spacer"></span>
      <div class="export" part="export">
        ${exporting
          ? html`<label for="export-progress">${t('exporting', formatCount(exporting.done), formatCount(exporting.total))}</label>
              <progress id="export-progress" max=${Math.max(1, exporting.total)} .value=${exporting.done}></progress>
              <button type="button" class="fc-button" @click=${() => this.#csv.cancelExport()}>${t('cancelExport')}</button>`
          : html`<button type="button" class="fc-button" ?disabled=${!(total > 0)} @click=${() => void this.#csv.exportCsv()}>
              ${t('exportCsv')}
            </button>`}
        <p class="export-status" role="status">${this.#csv.message}</p>
      </div>
    </div>`;
  }

  #tableView(): TemplateResult {
    const pager = this.#pager!;
    if (pager.total < 0) {
      if (pager.firstError) return errorView(pager.firstError, () => pager.retry(0));
      return loadingView(6);
    }
    if (pager.total === 0) return emptyView(t('empty'));
    const order: Order = this.order === 'asc' ? 'asc' : 'desc';
    const sorted = order === 'asc' ? t('sortedOldest') : t('sortedNewest');
    const tip = this.tip;
    const info = tip ? errorInfo(tip.message) : null;
    return html`<div class="wrap">
      <div
        class="grid"
        part="grid"
        role="grid"
        aria-label=${t('gridLabel', this.#decoded.from, this.#decoded.to)}
        aria-rowcount=${pager.total + 1}
        aria-colcount=${COLUMNS.length}
      >
        <div class="scroller" part="scroller" @scroll=${this.#onScroll}>
          <div class="head" role="rowgroup">
            <div class="row header" part="row header-row" role="row" aria-rowindex="1">
              ${COLUMNS.map(
                (c, col) => html`<div
                  class="cell c-${c.key}"
                  role="columnheader"
                  aria-colindex=${col + 1}
                  aria-sort=${c.key === 'time' ? (order === 'asc' ? 'ascending' : 'descending') : nothing}
                >
                  ${c.key === 'time'
                    ? html`<button type="button" class="sort" title=${t('sortHint', sorted)} @click=${() => this.#toggleOrder()}>
                        ${t('colTime')}<span aria-hidden="true">${order === 'asc' ? '▲' : '▼'}</span>
                      </button>`
                    : t(c.label)}
                  <div
                    class="resizer"
                    role="separator"
                    aria-orientation="vertical"
                    aria-label=${t('resize', t(c.label))}
                    aria-valuenow=${this.#widths[col]!}
                    aria-valuemin=${c.min}
                    aria-valuemax=${MAX_COLUMN_WIDTH}
                    tabindex="0"
                    @keydown=${(e: KeyboardEvent) => this.#onResizerKey(e, col)}
                    @pointerdown=${(e: PointerEvent) => this.#onResizerDown(e, col)}
                    @pointermove=${(e: PointerEvent) => this.#onResizerMove(e)}
                    @pointerup=${() => this.#onResizerUp()}
                    @pointercancel=${() => this.#onResizerUp()}
                  ></div>
                </div>`,
              )}
            </div>
          </div>
          <div
            class="body"
            role="rowgroup"
            @keydown=${this.#onKeydown}
            @focusin=${this.#onFocusIn}
            @focusout=${this.#onFocusOut}
            @click=${this.#onClick}
            @pointerover=${this.#onPointerOver}
            @pointerout=${this.#onPointerOut}
          >
            <div class="rows"></div>
          </div>
        </div>
      </div>
      <div class="tip" part="tooltip" id="error-tip" role="tooltip" popover="manual" ?hidden=${!info}>
        ${info
          ? html`<strong>${info.code} · ${info.title} (${categoryName(info.category)})</strong>
              <p>${info.definition}</p>
              <p>${info.advice}</p>`
          : nothing}
      </div>
    </div>`;
  }

  #detailsView(m: SmsMessage): TemplateResult {
    const zone = this.#zone;
    const time = formatSentAt(m.sentAt, zone);
    const who = m.customerName ?? customerPhone(m) ?? t('noCustomer');
    const info = errorInfo(m);
    const item = (label: string, value: string) => html`<dt>${label}</dt><dd>${value}</dd>`;
    return html`<dialog part="details" aria-labelledby="details-title" @cancel=${(e: Event) => (e.preventDefault(), void this.#closeDetails())}>
      <h2 id="details-title">${t('detailsTitle', who, time)}</h2>
      <dl>
        ${item(t('colDirection'), directionName(m.direction))} ${item(t('colStatus'), statusName(m.status))}
        ${item(t('colCustomer'), m.customerName ?? t('noCustomer'))} ${item(t('fromNumber'), m.from)} ${item(t('toNumber'), m.to)}
        ${item(t('colEmployee'), m.employeeName ?? t('noEmployee'))} ${item(t('provider'), m.provider)}
        ${item(t('colSegments'), formatCount(m.segments))} ${item(t('colBody'), m.body)}
        ${info
          ? html`${item(t('colError'), `${info.code} · ${info.title} (${categoryName(info.category)})`)}
            ${item(t('definition'), info.definition)} ${item(t('advice'), info.advice)}`
          : item(t('colError'), t('noErrorDetails'))}
      </dl>
      ${info && info.billable !== undefined ? html`<p>${info.billable ? t('billable') : t('notBillable')}</p>` : nothing}
      <div class="actions">
        ${m.customerId ? html`<button type="button" class="fc-button" @click=${() => this.#only({ customerId: m.customerId! })}>${t('onlyCustomer')}</button>` : nothing}
        ${m.employeeId ? html`<button type="button" class="fc-button" @click=${() => this.#only({ employeeId: m.employeeId! })}>${t('onlyEmployee')}</button>` : nothing}
        ${info ? html`<button type="button" class="fc-button" @click=${() => this.#only({ errorCode: info.code })}>${t('onlyCode')}</button>` : nothing}
        <button type="button" class="fc-button fc-button--primary close" @click=${() => void this.#closeDetails()}>${t('close')}</button>
      </div>
    </dialog>`;
  }
}
