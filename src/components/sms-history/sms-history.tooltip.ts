import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SmsMessage } from '../../data/model.js';
import { ERROR_COLUMN } from './sms-history.columns.js';
import { describeError } from '../shared/states.js';
import { errorInfo, errorTexts, loadErrorTexts } from './sms-history.view.js';

/** The row whose error the tooltip explains. */
export interface ErrorTip {
  index: number;
  message: SmsMessage;
}

export interface ErrorTooltipOptions {
  /** The loaded message of row `index`, if any. */
  row: (index: number) => SmsMessage | undefined;
  /** The cell of a row and column, when its row is in the DOM. */
  cell: (row: number, col: number) => HTMLElement | null;
  /** The container of the window's rows. */
  rows: () => HTMLElement | null;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The error column's tooltip: shown while an error cell is hovered or focused, closed by Escape,
 * a scroll, or the pointer or focus leaving (WCAG 1.4.13: it stays while the pointer is over the
 * tooltip itself). It is a popover, in the top layer: no `overflow`, `transform` or `z-index` of
 * the host's containers clips or covers it. The host renders it (`.tip`, `id="error-tip"`) from
 * {@link tip}.
 * @internal
 */
export class ErrorTooltip implements ReactiveController {
  readonly #host: Host;
  readonly #options: ErrorTooltipOptions;
  #tip: ErrorTip | null = null;
  #problem = '';

  constructor(host: Host, options: ErrorTooltipOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The row the tooltip explains, or null while it is hidden. */
  get tip(): ErrorTip | null {
    return this.#tip;
  }

  hostUpdated(): void {
    this.#place();
  }

  hostDisconnected(): void {
    window.removeEventListener('scroll', this.#onPageScroll, true);
  }

  /** Why the tooltip's texts (loaded on the first error shown) could not be loaded, or ''. */
  get problem(): string {
    return this.#problem;
  }

  /** Hides the tooltip. */
  hide(): void {
    this.#set(null);
  }

  /** Shows the tooltip for the cell of `row` and `col` when it is an error cell with an error; hides it otherwise. */
  showFor(row: number, col: number): void {
    const message = col === ERROR_COLUMN ? this.#options.row(row) : undefined;
    const next = message && errorInfo(message) ? { index: row, message } : null;
    if (next?.index !== this.#tip?.index || next?.message !== this.#tip?.message) this.#set(next);
  }

  /** `pointerover` on the rows. */
  readonly onPointerOver = (event: PointerEvent): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[role="gridcell"]');
    const rowEl = cell?.closest<HTMLElement>('[role="row"]');
    if (!cell || !rowEl || Number(cell.dataset['col']) !== ERROR_COLUMN) return;
    this.showFor(Number(rowEl.dataset['index']), ERROR_COLUMN);
  };

  /** `pointerout` on the rows. */
  readonly onPointerOut = (event: PointerEvent): void => {
    const to = event.relatedTarget as Node | null;
    if (!this.#tip || (to && this.#element()?.contains(to))) return;
    const from = (event.target as HTMLElement).closest('[role="gridcell"]');
    if (from && to && from.contains(to)) return;
    // Keep the tooltip while keyboard focus is on the error cell.
    const focused = (this.#host.renderRoot as ShadowRoot).activeElement;
    if (focused && focused.closest('[role="row"]') && Number((focused as HTMLElement).dataset['col']) === ERROR_COLUMN) return;
    this.#set(null);
  };

  /** `focusout` on the rows. */
  readonly onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (this.#tip && !(next && this.#element()?.contains(next))) this.#set(null);
  };

  #set(tip: ErrorTip | null): void {
    if (tip === this.#tip) return;
    this.#tip = tip;
    this.#problem = '';
    const info = tip && errorInfo(tip.message);
    // The definitions and advice come with the first error shown; a failed load is tried again on the next.
    if (info && !errorTexts(info))
      loadErrorTexts().then(
        () => this.#host.requestUpdate(),
        (error: unknown) => {
          if (this.#tip !== tip) return;
          this.#problem = describeError(error).message;
          this.#host.requestUpdate();
        },
      );
    this.#host.requestUpdate();
  }

  #element(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('.tip');
  }

  /**
   * Shows the tooltip under its error cell, or above it when the viewport has no room below (a
   * layout read, only while the tooltip shows).
   */
  #place(): void {
    const tipEl = this.#element();
    if (!tipEl) return;
    for (const cell of this.#options.rows()?.querySelectorAll('[aria-describedby]') ?? []) cell.removeAttribute('aria-describedby');
    const cell = this.#tip ? this.#options.cell(this.#tip.index, ERROR_COLUMN) : null;
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

  readonly #onPageScroll = (): void => {
    this.hide();
  };
}
