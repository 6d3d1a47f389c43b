import type { ReactiveControllerHost } from 'lit';
import type { GridColumn } from './windowed-grid.js';

export interface GridHeaderOptions {
  /** The columns, in order; a separator's `data-col` is its column's index here. */
  columns: readonly GridColumn[];
  /** Widest a column may be resized to. */
  maxColumnWidth: number;
  /** Pixels a key resizes a column by. */
  resizeStep: number;
  /** The widths changed: give them to the grid. */
  applyWidths: (widths: readonly number[]) => void;
  /** The grid is laid out right to left. */
  rtl: () => boolean;
  /** The grid is narrow: its separators are hidden, and are no stops. */
  narrow: () => boolean;
}

/**
 * The header row of a windowed grid: the column widths, and one Tab stop for the whole row.
 *
 * The row's stops are its buttons (the sort control) and its column separators
 * (`role="separator"`, each with `data-col`), rendered with `tabindex="-1"`: the header takes
 * one of them as the row's Tab stop (roving `tabindex`), so Tab goes from the stop before the grid
 * to the header and on to the rows. In the row:
 * - Left/Right (by reading direction) move between the stops;
 * - on a separator, Up or `+` or Shift+Right widens its column, Down or `-` or Shift+Left narrows
 *   it (by `resizeStep`), Home to its minimum, End to the widest, Enter back to its default;
 * - a separator dragged with the pointer resizes its column.
 *
 * Bind `onKeyDown`, `onFocusIn` and the `onPointer*` handlers to the header row.
 */
export class GridHeader {
  /** Column widths in CSS pixels, in column order. */
  widths: number[];

  readonly #host: ReactiveControllerHost;
  readonly #options: GridHeaderOptions;
  /** Index of the row's Tab stop among its stops. */
  #stop = 0;
  #row: HTMLElement | null = null;
  #drag: { col: number; x: number; width: number; sign: number } | null = null;

  constructor(host: ReactiveControllerHost, options: GridHeaderOptions) {
    this.#host = host;
    this.#options = options;
    this.widths = options.columns.map((c) => c.width);
  }

  /** Gives the row's Tab stop `tabindex="0"` and its other stops `-1` (after each update of the host, and when the grid turns narrow or wide). */
  sync(row: HTMLElement | null): void {
    this.#row = row;
    const stops = this.#stops();
    if (!stops.length) return;
    this.#stop = Math.min(this.#stop, stops.length - 1);
    for (const el of row!.querySelectorAll<HTMLElement>('button, [role="separator"]')) {
      const tab = el === stops[this.#stop] ? 0 : -1;
      if (el.tabIndex !== tab) el.tabIndex = tab;
    }
  }

  /** Sets a column's width (clamped to its minimum and `maxColumnWidth`). */
  setWidth(col: number, width: number): void {
    const column = this.#options.columns[col];
    if (!column) return;
    const next = Math.round(Math.max(column.min, Math.min(this.#options.maxColumnWidth, width)));
    if (next === this.widths[col]) return;
    this.widths = this.widths.map((w, i) => (i === col ? next : w));
    this.#options.applyWidths(this.widths);
    this.#host.requestUpdate();
  }

  /** `keydown` on the header row. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    const stops = this.#stops();
    const target = event.target as HTMLElement;
    const at = stops.indexOf(target);
    if (at < 0) return;
    const rtl = this.#options.rtl();
    const { key, shiftKey } = event;
    const forward = key === (rtl ? 'ArrowLeft' : 'ArrowRight');
    const back = key === (rtl ? 'ArrowRight' : 'ArrowLeft');
    if ((forward || back) && !shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const next = stops[Math.max(0, Math.min(stops.length - 1, at + (forward ? 1 : -1)))]!;
      next.focus();
      return;
    }
    const col = target.getAttribute('role') === 'separator' ? Number(target.dataset['col']) : -1;
    const column = this.#options.columns[col];
    if (!column) return;
    const width = this.widths[col]!;
    const step = this.#options.resizeStep;
    const next =
      key === 'ArrowUp' || key === '+' || (forward && shiftKey)
        ? width + step
        : key === 'ArrowDown' || key === '-' || (back && shiftKey)
          ? width - step
          : key === 'Home'
            ? column.min
            : key === 'End'
              ? this.#options.maxColumnWidth
              : key === 'Enter'
                ? column.width
                : null;
    if (next === null) return;
    event.preventDefault();
    this.setWidth(col, next);
  };

  /** `focusin` on the header row: the focused stop (a click, a drag) becomes the row's Tab stop. */
  readonly onFocusIn = (event: FocusEvent): void => {
    const at = this.#stops().indexOf(event.target as HTMLElement);
    if (at >= 0 && at !== this.#stop) {
      this.#stop = at;
      this.sync(this.#row);
    }
  };

  /** `pointerdown` on the header row: a drag of a separator resizes its column (the separator captures the pointer). */
  readonly onPointerDown = (event: PointerEvent): void => {
    const handle = (event.target as HTMLElement).closest<HTMLElement>('[role="separator"]');
    const col = Number(handle?.dataset['col']);
    if (!handle || event.button !== 0 || !this.#options.columns[col]) return;
    event.preventDefault();
    handle.setPointerCapture(event.pointerId);
    handle.focus({ preventScroll: true });
    this.#drag = { col, x: event.clientX, width: this.widths[col]!, sign: this.#options.rtl() ? -1 : 1 };
  };

  /** `pointermove` on the header row. */
  readonly onPointerMove = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (drag) this.setWidth(drag.col, drag.width + (event.clientX - drag.x) * drag.sign);
  };

  /** `pointerup` and `pointercancel` on the header row. */
  readonly onPointerUp = (): void => {
    this.#drag = null;
  };

  /** The row's stops in order: its buttons and, unless the grid is narrow, its separators. */
  #stops(): HTMLElement[] {
    const row = this.#row;
    if (!row) return [];
    return [...row.querySelectorAll<HTMLElement>(this.#options.narrow() ? 'button' : 'button, [role="separator"]')];
  }
}
