import { nothing } from 'lit';
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { SmsMessage } from '../../data/model.js';
import { ERROR_COLUMN } from './sms-history.columns.js';
import { lazyModule } from '../shared/lazy.js';
import { msg } from '../shared/messages.js';
import { describeError } from '../shared/states.js';
import { categoryName, errorInfo, errorTexts, loadErrorTexts } from './sms-history.view.js';

type TipView = typeof import('./sms-history.tooltip.view.js');
/** The tooltip's part (content, styles, placement), loaded once for every instance; a failed load is tried again on the next error shown. */
const tipModule = lazyModule(() => import('./sms-history.tooltip.view.js'));

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
 * the host's containers clips or covers it. The host renders {@link render} (`.tip`,
 * `id="error-tip"`). Its content, styles and placement (`sms-history.tooltip.view.ts`) load with the
 * first error shown, with the errors' definitions and advice; until they have, the error cell's
 * code and title are all there is, and a failed load is tried again on the next error shown.
 * @internal
 */
export class ErrorTooltip implements ReactiveController {
  readonly #host: Host;
  readonly #options: ErrorTooltipOptions;
  #tip: ErrorTip | null = null;
  #problem = '';
  #adopted = false;

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

  /** The tooltip (empty until its part is loaded). */
  render(): TemplateResult | typeof nothing {
    const tipView = tipModule.value;
    if (!tipView) return nothing;
    this.#adopt(tipView);
    const info = this.#tip ? errorInfo(this.#tip.message) : null;
    return tipView.tipView(info, info && errorTexts(info), { category: (i) => categoryName(i.category), missing: this.#problem || msg('loading') });
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
    // The tooltip's part, the definitions and advice come with the first error shown; a failed load is tried again on the next.
    if (info && (!tipModule.value || !errorTexts(info)))
      Promise.all([tipModule.load(), loadErrorTexts()]).then(
        () => this.#host.requestUpdate(),
        (error: unknown) => {
          if (this.#tip !== tip) return;
          this.#problem = describeError(error).message;
          this.#host.requestUpdate();
        },
      );
    this.#host.requestUpdate();
  }

  /** The tooltip's styles, into the host's shadow root once. */
  #adopt(view: TipView): void {
    if (this.#adopted) return;
    this.#adopted = true;
    const root = this.#host.renderRoot as ShadowRoot;
    const sheet = view.tipStyles.styleSheet;
    if (sheet && root.adoptedStyleSheets && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  #element(): HTMLElement | null {
    return this.#host.renderRoot.querySelector<HTMLElement>('.tip');
  }

  /** Places the tooltip at its cell (hidden without one), once its part is loaded. */
  #place(): void {
    const tipEl = this.#element();
    const tipView = tipModule.value;
    if (!tipEl || !tipView) return;
    for (const cell of this.#options.rows()?.querySelectorAll('[aria-describedby]') ?? []) cell.removeAttribute('aria-describedby');
    const cell = this.#tip ? this.#options.cell(this.#tip.index, ERROR_COLUMN) : null;
    // Placed in the viewport, it would stay behind when the page scrolls: it closes instead.
    if (tipView.placeTip(tipEl, cell)) window.addEventListener('scroll', this.#onPageScroll, { capture: true, passive: true });
    else window.removeEventListener('scroll', this.#onPageScroll, true);
  }

  readonly #onPageScroll = (): void => {
    this.hide();
  };
}
