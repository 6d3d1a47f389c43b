/**
 * The part of the scroll hint that loads after the first render with a box (see `scroll-hint.ts`):
 * the signs' styles, adopted into the widget's shadow root, the hint lines and what sets the
 * boxes' marks. Apart so the six widgets with a wide table do not carry it in their first load;
 * until it arrives a wide table still scrolls inside its box. It is handed `defineMessages` rather
 * than importing it: its chunk then shares no module with the widget's first load (a shared module
 * would split the first load into one more file, gzipped apart).
 */
import { css } from 'lit';
import type { FcElement } from '../fc-element.js';
import type { defineMessages } from '../messages.js';

const en = { more: 'More columns →' };
const es: typeof en = { more: 'Más columnas →' };

/**
 * The box and its signs. The box is the containing block of what is positioned inside it
 * (visually hidden text), so it clips that too. Its far edge fades while columns are hidden there
 * (not while focused, so the focus ring shows whole). The row headers stay in view: the first
 * column, or the first two in a box marked \`fc-scroll--two\` (after a narrow column of check
 * boxes or ranks, whose width the widget gives in \`--_sticky-start\`); they draw an edge while
 * the box overflows, and a shadow once the rest has scrolled under them. These rules are no more
 * specific than a class, so a widget's row colours (a checked row, the row being edited) win.
 */
const styles = css`
  .fc-scroll[data-more]:not(:focus-visible) {
    mask-image: linear-gradient(to left, transparent, #000 2rem);
  }
  :where(.fc-scroll > table > * > tr) > :first-child,
  :where(.fc-scroll--two > table > * > tr) > :nth-child(2) {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--_fc-color-surface);
  }
  :where(.fc-scroll--two > table > * > tr) > :nth-child(2) {
    inset-inline-start: var(--_sticky-start, 0);
  }
  :where(.fc-scroll:not(.fc-scroll--two)[data-overflow] > table > * > tr) > :first-child,
  :where(.fc-scroll--two[data-overflow] > table > * > tr) > :nth-child(2) {
    border-inline-end: var(--_fc-border-width) solid var(--_fc-color-border);
  }
  :where(.fc-scroll:not(.fc-scroll--two)[data-scrolled] > table > * > tr) > :first-child,
  :where(.fc-scroll--two[data-scrolled] > table > * > tr) > :nth-child(2) {
    box-shadow: 0.25rem 0 0.375rem -0.25rem rgb(0 0 0 / 0.35);
  }
  .fc-scroll-hint {
    margin: 0 0 var(--_fc-space-xs);
    text-align: end;
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
  }
  .fc-scroll-hint[data-end] {
    visibility: hidden;
  }
`;

/**
 * Marks each `.fc-scroll` box of a widget: `data-overflow` while its content is wider than the
 * box, `data-more` while columns are hidden past the far edge, `data-scrolled` once it has
 * scrolled from the start; puts a hint line right before it, in the widget's language, shown
 * while it overflows (kept in place, only unseen, at the end, so the table does not jump); makes
 * the box focusable while it scrolls (not a `fc-scroll--grid` box, the scroller of a grid whose
 * cells take focus, whose line goes before the grid). Updates when asked (after each render), on scroll and on
 * resize. The line is a node Lit does not render: it goes when the box's template goes.
 */
export class ScrollMarks {
  readonly #host: FcElement;
  readonly #resize = new ResizeObserver((entries) => {
    for (const e of entries) this.#mark(e.target.closest<HTMLElement>('.fc-scroll'));
  });
  readonly #boxes = new Set<Element>();
  readonly #onScroll = (e: Event) => this.#mark(e.currentTarget as HTMLElement);
  /** The hint's text in the widget's language, as of the last update. */
  #text = '';

  readonly #t: (key: 'more') => string;

  constructor(host: FcElement, define: typeof defineMessages) {
    this.#host = host;
    this.#t = define(en, es);
    const root = host.renderRoot as ShadowRoot;
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, styles.styleSheet!];
  }

  /** Marks every box now, watching the new ones. */
  update(): void {
    this.#text = this.#host.inLocale(() => this.#t('more'));
    for (const box of this.#host.renderRoot.querySelectorAll<HTMLElement>('.fc-scroll')) {
      if (!this.#boxes.has(box)) {
        this.#boxes.add(box);
        box.addEventListener('scroll', this.#onScroll, { passive: true });
        // The box when the widget narrows; its table when rows or columns change.
        this.#resize.observe(box);
        if (box.firstElementChild) this.#resize.observe(box.firstElementChild);
      }
      this.#mark(box);
    }
    for (const box of this.#boxes) if (!box.isConnected) this.#forget(box);
  }

  /** Stops watching (the widget left the page); `update()` starts again. */
  stop(): void {
    this.#resize.disconnect();
    for (const box of this.#boxes) this.#forget(box);
  }

  #forget(box: Element): void {
    box.removeEventListener('scroll', this.#onScroll);
    this.#resize.unobserve(box);
    if (box.firstElementChild) this.#resize.unobserve(box.firstElementChild);
    this.#boxes.delete(box);
  }

  /** Marks one box (a box a re-render has removed is left alone) and puts its hint line before it. */
  #mark(box: HTMLElement | null): void {
    if (!box?.isConnected) return;
    // A grid's scroller sits inside the grid, which holds only rows: the line goes before the grid.
    const outer = box.classList.contains('fc-scroll--grid') ? (box.closest<HTMLElement>('[role="grid"]') ?? box) : box;
    let hint = outer.previousElementSibling as HTMLElement | null;
    if (!hint?.classList.contains('fc-scroll-hint')) {
      hint = document.createElement('p');
      hint.className = 'fc-scroll-hint';
      hint.ariaHidden = 'true';
      outer.before(hint);
    }
    if (hint.textContent !== this.#text) hint.textContent = this.#text;
    mark(box, hint);
  }
}

function mark(box: HTMLElement, hint: HTMLElement): void {
  const room = box.scrollWidth - box.clientWidth;
  const overflow = room > 1;
  // scrollLeft runs negative in right-to-left text.
  const scrolled = Math.abs(box.scrollLeft);
  box.toggleAttribute('data-overflow', overflow);
  box.toggleAttribute('data-more', overflow && scrolled < room - 1);
  box.toggleAttribute('data-scrolled', overflow && scrolled > 0);
  // A grid's cells take focus themselves (its keys scroll it); any other box is a Tab stop while it scrolls.
  if (!box.classList.contains('fc-scroll--grid')) {
    if (overflow) box.tabIndex = 0;
    else box.removeAttribute('tabindex');
  }
  hint.hidden = !overflow;
  hint.toggleAttribute('data-end', !box.hasAttribute('data-more'));
}
