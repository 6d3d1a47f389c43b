import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { GridHeader } from './grid-header.js';

/** A column's default and smallest width in CSS pixels. */
export interface GridColumn {
  readonly width: number;
  readonly min: number;
}

/**
 * The grid's elements in the host's render root (null while not rendered): the `role="grid"`
 * element (watched for its width, given the column widths), the scroller (`overflow: auto`, the
 * sticky header row first), the header row (one Tab stop over its buttons and separators, see
 * {@link GridHeader}), the body under the header (sized to the rows' height) and the rows'
 * container (moved by `transform`, filled by `renderRows`).
 */
export interface GridParts {
  grid: HTMLElement | null;
  scroller: HTMLElement | null;
  head?: HTMLElement | null;
  body: HTMLElement | null;
  rows: HTMLElement | null;
}

export interface WindowedGridOptions {
  /** Rows in the grid now; 0 or less renders none (unknown or empty). */
  rowCount: () => number;
  /** Height of a row in CSS pixels (the same figure as the styles). */
  rowHeight: number;
  /** Height of the header row above the rows. */
  headerHeight: number;
  /** Height of a row while the grid is narrower than `narrowWidth` (rows stacked as cards). */
  narrowRowHeight?: number;
  /** Grid width under which rows take `narrowRowHeight`; 0 never. */
  narrowWidth?: number;
  /** The columns, in order; a cell's `data-col` is its index here. */
  columns: readonly GridColumn[];
  /** Widest a column may be resized to. */
  maxColumnWidth: number;
  /** Pixels a key resizes a column by. Default 16. */
  resizeStep?: number;
  /** Rows rendered above and below the visible ones. Default 2. */
  overscan?: number;
  /** Most rows in the DOM at once, whatever the height. Default 26. */
  maxRows?: number;
  /**
   * Tallest scroll body; past it the scrollbar is scaled. Default 15,000,000 (Chromium stops
   * growing an element at 33,554,431 px, Firefox near 17.9M).
   */
  maxBodyHeight?: number;
  /** The grid's elements, looked up after each update of the host. */
  parts: () => GridParts;
  /** The window moved (or must render again): rows `start` to `start + count - 1` are about to render. */
  onWindow?: (start: number, count: number) => void;
  /**
   * Brings `container` up to rows `start` to `start + count - 1`, in order. Each row element has
   * `data-index` (its 0-based row), its cells `role="gridcell"` and `data-col`; the cell at `tab`
   * takes `tabindex="0"`, every other `-1`. A row that stays in the window keeps its element, so
   * the focus it holds survives a scroll.
   */
  renderRows: (container: HTMLElement, start: number, count: number, tab: { row: number; col: number }) => void;
  /** Gives the grid element the column widths (as custom properties the styles size the cells by). */
  applyWidths: (grid: HTMLElement, widths: readonly number[]) => void;
  /** A cell became the active one (moved to by keyboard, or focused). */
  onActiveCell?: (row: number, col: number) => void;
  /** A scroll frame is about to move the rows. */
  onScrollFrame?: () => void;
}

const DEFAULTS = { overscan: 2, maxRows: 26, maxBodyHeight: 15_000_000, resizeStep: 16, narrowWidth: 0 };

/**
 * A windowed ARIA grid of rows of one fixed height: only the rows in view (plus a few) are in the
 * DOM, in a pool the host fills by position, so the element count stays bounded at any row count.
 * The controller maps the scroll position to rows (scaled past `maxBodyHeight`), reads `scrollTop`
 * once per frame and only writes after it, switches to the narrow row height from a
 * `ResizeObserver`, and moves a roving cell focus by the APG grid keys. Its `header` makes the
 * header row one Tab stop and resizes columns by keyboard and pointer on their separators.
 *
 * The host renders the grid's shell and binds `onScroll` to the scroller, `onFocusIn` to the
 * rows' container, `handleKey` from its own `keydown` listener, and the `header`'s handlers to
 * the header row. Its pool rows are filled by `renderRows`.
 */
export class WindowedGridController implements ReactiveController {
  /** The header row: column widths, resizing, its one Tab stop. */
  readonly header: GridHeader;

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #options: WindowedGridOptions & typeof DEFAULTS;
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
  #bodySized: HTMLElement | null = null;
  #bodySize = '';
  #head: HTMLElement | null = null;

  readonly #observer = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => this.#onResize(entries)) : null;

  constructor(host: ReactiveControllerHost & HTMLElement, options: WindowedGridOptions) {
    this.#host = host;
    this.#options = { ...DEFAULTS, ...options };
    this.header = new GridHeader(host, {
      ...this.#options,
      applyWidths: (widths) => this.#grid && this.#options.applyWidths(this.#grid, widths),
      rtl: () => this.#rtl(),
      narrow: () => this.#narrow,
    });
    host.addController(this);
  }

  /** First row in the DOM. */
  get start(): number {
    return this.#start;
  }

  /** Rows in the DOM. */
  get count(): number {
    return this.#count;
  }

  /** Row of the active cell (the one with `tabindex="0"` while its row is in the window). */
  get activeRow(): number {
    return this.#activeRow;
  }

  /** Height of a row now. */
  get rowHeight(): number {
    return this.#narrow ? (this.#options.narrowRowHeight ?? this.#options.rowHeight) : this.#options.rowHeight;
  }

  /** A scroll frame is scheduled and has not run yet. */
  get framePending(): boolean {
    return this.#raf !== 0;
  }

  /** The rows in the DOM are the current window's (none is waiting to render). */
  get windowRendered(): boolean {
    return this.#rendered === this.#windowKey();
  }

  hostUpdated(): void {
    const parts = this.#options.parts();
    if (parts.scroller !== this.#scroller) {
      if (this.#scroller) this.#observer?.unobserve(this.#scroller);
      this.#scroller = parts.scroller;
      // A new scroller is at the top; reading scrollTop would force a layout before the rows exist.
      this.#scrollTop = 0;
      if (parts.scroller) this.#observer?.observe(parts.scroller);
    }
    if (parts.grid !== this.#grid) {
      if (this.#grid) this.#observer?.unobserve(this.#grid);
      this.#grid = parts.grid;
      if (parts.grid) {
        this.#observer?.observe(parts.grid);
        this.#options.applyWidths(parts.grid, this.header.widths);
      }
    }
    this.#head = parts.head ?? null;
    this.header.sync(this.#head);
    this.#body = parts.body;
    if (parts.rows !== this.#rowsEl) {
      this.#rowsEl = parts.rows;
      this.#rendered = '';
    }
    this.#place(this.#scrollTop);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#scroller = this.#grid = this.#rowsEl = this.#body = null;
    cancelAnimationFrame(this.#raf);
    this.#raf = 0;
    this.header.onPointerUp();
  }

  /** Back to the top with the first row active: the rows are another list now. */
  reset(): void {
    this.#start = 0;
    this.#count = 0;
    this.#rendered = '';
    this.#activeRow = 0;
    this.#pinned = null;
    this.#scrollTop = 0;
    if (this.#scroller) this.#scroller.scrollTop = 0;
  }

  /** Renders the window's rows again (their data changed), at the current position. */
  refresh(): void {
    this.#place(this.#scrollTop);
  }

  /**
   * Scrolls so row `index` is at the top (or as near as the end allows) and renders it.
   * @returns false when there is nothing to scroll (no rows, or the grid is not rendered).
   */
  scrollToRow(index: number): boolean {
    const total = this.#options.rowCount();
    if (total <= 0 || !this.#scroller) return false;
    const row = Math.max(0, Math.min(total - 1, Math.floor(Number(index) || 0)));
    this.#scrollToVirtual(row * this.rowHeight);
    return true;
  }

  /** The cell of row `row` and column `col` when its row is in the DOM. */
  cell(row: number, col: number): HTMLElement | null {
    const rowEl = this.#rowsEl?.children[row - this.#start] as HTMLElement | undefined;
    if (!rowEl) return null;
    const cells = rowEl.querySelectorAll<HTMLElement>('[role="gridcell"]');
    return cells[Math.min(col, cells.length - 1)] ?? null;
  }

  /** Focuses the active cell, if its row is in the DOM, without scrolling. */
  focusActive(): void {
    this.cell(this.#activeRow, this.#activeCol)?.focus({ preventScroll: true });
  }

  /** Moves the active cell, scrolling just enough to show its row, and focuses it. */
  moveTo(row: number, col: number): void {
    const total = this.#options.rowCount();
    if (total <= 0) return;
    row = Math.max(0, Math.min(total - 1, row));
    col = Math.max(0, Math.min(this.#options.columns.length - 1, col));
    this.#activeRow = row;
    this.#activeCol = col;
    const h = this.rowHeight;
    const vh = this.#rowsViewport();
    const v = this.#pinned && Math.abs(this.#pinned.s - this.#scrollTop) <= 1 ? this.#pinned.v : this.#mapTop(this.#scrollTop);
    if (row * h < v) this.#scrollToVirtual(row * h);
    else if ((row + 1) * h > v + vh) this.#scrollToVirtual((row + 1) * h - vh);
    else this.#renderRows();
    this.cell(row, col)?.focus({ preventScroll: true });
    this.#revealColumn(col);
    this.#options.onActiveCell?.(row, col);
  }

  /**
   * The APG grid keys on a cell: arrows by cell and row, PageUp/PageDown by a screen, Home/End to
   * the row's first/last cell, with Ctrl (or ⌘) to the first/last row. Keys from a button inside
   * a row are left to the button.
   * @returns whether the key moved the active cell (its default is then prevented).
   */
  handleKey(event: KeyboardEvent): boolean {
    if ((event.target as HTMLElement).closest('button')) return false;
    const total = this.#options.rowCount();
    if (total <= 0) return false;
    const rtl = this.#rtl();
    const page = Math.max(1, Math.floor(this.#rowsViewport() / this.rowHeight) - 1);
    const ctrl = event.ctrlKey || event.metaKey;
    const last = this.#options.columns.length - 1;
    const row = this.#activeRow;
    const col = this.#activeCol;
    const moves: Record<string, [number, number]> = {
      ArrowDown: [row + 1, col],
      ArrowUp: [row - 1, col],
      PageDown: [row + page, col],
      PageUp: [row - page, col],
      ArrowRight: [row, col + (rtl ? -1 : 1)],
      ArrowLeft: [row, col + (rtl ? 1 : -1)],
      Home: [ctrl ? 0 : row, 0],
      End: [ctrl ? total - 1 : row, last],
    };
    const move = Object.hasOwn(moves, event.key) ? moves[event.key] : undefined;
    if (!move) return false;
    event.preventDefault();
    this.moveTo(move[0], move[1]);
    return true;
  }

  /** `focusin` on the rows: the focused cell (a click, a screen reader) becomes the active one. */
  readonly onFocusIn = (event: FocusEvent): void => {
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
    this.#options.onActiveCell?.(row, col);
  };

  /** `scroll` on the scroller (passive): schedules one frame, which reads `scrollTop` once. */
  readonly onScroll = {
    handleEvent: (): void => {
      if (!this.#raf) this.#raf = requestAnimationFrame(this.#frame);
    },
    passive: true,
  };

  // ───────────── windowing ─────────────

  #rtl(): boolean {
    return getComputedStyle(this.#host).direction === 'rtl';
  }

  #onResize(entries: ResizeObserverEntry[]): void {
    let changed = false;
    for (const entry of entries) {
      if (entry.target === this.#grid) {
        const narrow = entry.contentRect.width > 0 && entry.contentRect.width < this.#options.narrowWidth;
        if (narrow !== this.#narrow) {
          // Keep the same first row in view across the change of row height.
          const first = this.#firstVisible;
          this.#narrow = narrow;
          this.header.sync(this.#head);
          changed = true;
          if (this.#options.rowCount() > 0) {
            this.#sizeBody();
            this.#scrollToVirtual(first * this.rowHeight);
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

  /** Rows' height in all, unscaled. */
  #virtualHeight(): number {
    return Math.max(0, this.#options.rowCount()) * this.rowHeight;
  }

  #bodyHeight(): number {
    return Math.min(this.#virtualHeight(), this.#options.maxBodyHeight);
  }

  #rowsViewport(): number {
    return Math.max(this.rowHeight, this.#viewport - this.#options.headerHeight);
  }

  /** Virtual top (in unscaled row pixels) for a scrollTop `s`, or (`toScroll`) the scrollTop for a virtual top. */
  #mapTop(value: number, toScroll = false): number {
    const vh = this.#rowsViewport();
    const maxS = this.#bodyHeight() - vh;
    const maxV = this.#virtualHeight() - vh;
    if (maxS <= 0 || maxV <= 0) return 0;
    const from = toScroll ? maxV : maxS;
    const to = toScroll ? maxS : maxV;
    const clamped = Math.max(0, Math.min(from, value));
    return from === to ? clamped : (clamped / from) * to;
  }

  #scrollToVirtual(v: number): void {
    const scroller = this.#scroller;
    const vh = this.#rowsViewport();
    const target = Math.max(0, Math.min(this.#virtualHeight() - vh, v));
    const s = this.#mapTop(target, true);
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

  /** One read of scrollTop per frame; everything after it only writes. */
  readonly #frame = (): void => {
    this.#raf = 0;
    const scroller = this.#scroller;
    if (!scroller) return;
    this.#scrollTop = scroller.scrollTop;
    this.#options.onScrollFrame?.();
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
    const rowsEl = this.#rowsEl;
    const total = this.#options.rowCount();
    if (!rowsEl || total <= 0) return;
    this.#sizeBody();
    let v: number;
    if (this.#pinned && Math.abs(this.#pinned.s - s) <= 1) v = this.#pinned.v;
    else {
      this.#pinned = null;
      v = this.#mapTop(s);
    }
    const h = this.rowHeight;
    const overscan = this.#options.overscan;
    const first = Math.min(total - 1, Math.floor(v / h));
    const frac = v - first * h;
    const visible = Math.ceil(this.#rowsViewport() / h) + 1;
    // A jump past the whole window (a fling, a drag of the scrollbar) renders no rows behind it.
    const jumped = this.#count > 0 && (first >= this.#start + this.#count || first + visible <= this.#start);
    const start = Math.max(0, first - (jumped && first > this.#start ? 0 : overscan));
    const after = jumped && first < this.#start ? 0 : overscan;
    const count = Math.max(0, Math.min(this.#options.maxRows, visible + after + (first - start), total - start));
    this.#firstVisible = first;
    // Within the clipped body: the first visible row sits right under the sticky header.
    rowsEl.style.setProperty('transform', `translateY(${Math.max(0, s) - frac - (first - start) * h}px)`);
    if (!force && start === this.#start && count === this.#count && this.#rendered === this.#windowKey()) return;
    this.#start = start;
    this.#count = count;
    this.#options.onWindow?.(start, count);
    this.#renderRows();
  }

  #renderRows(): void {
    const rowsEl = this.#rowsEl;
    if (!rowsEl) return;
    const end = this.#start + this.#count;
    const tabRow = this.#activeRow >= this.#start && this.#activeRow < end ? this.#activeRow : this.#firstVisible;
    this.#options.renderRows(rowsEl, this.#start, this.#count, { row: tabRow, col: this.#activeCol });
    this.#rendered = this.#windowKey();
  }

  /** Scrolls sideways just enough to show a column (wide rows only; the widths are known, only the scroller is measured). */
  #revealColumn(col: number): void {
    const scroller = this.#scroller;
    if (!scroller || this.#narrow) return;
    const sign = this.#rtl() ? -1 : 1;
    const widths = this.header.widths;
    const start = widths.slice(0, col).reduce((a, b) => a + b, 0);
    const end = start + widths[col]!;
    const x = Math.abs(scroller.scrollLeft);
    const view = scroller.clientWidth;
    if (start < x) scroller.scrollLeft = sign * start;
    else if (end > x + view) scroller.scrollLeft = sign * Math.min(start, end - view);
  }
}
