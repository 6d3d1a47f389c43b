/**
 * The report's tables when they are wider than the widget (phones, narrow columns): each sits in
 * a `.scroll` box of its own that scrolls sideways, with signs that it does. While its table
 * overflows, the box is bounded in height (its header row sticky, its horizontal scrollbar in
 * view without scrolling every row), its first column stays in view, it takes focus (so the
 * arrow keys scroll it: axe's scrollable-region-focusable), and the hint line before it says
 * "More columns →" while columns are hidden past the far edge. The hint repeats what the table
 * tells a screen reader anyway, so it is hidden from one.
 *
 * Markup: `${scrollHint()}<div class="scroll" role="region" aria-labelledby=…>${table}</div>`, the
 * caption's text in a `<span class="caption-text">`.
 *
 * The other widgets' wide tables use the shared `ScrollHintController`
 * (`shared/controllers/scroll-hint.ts`), which has the same signs but no height bound, sticky
 * header row or sticky caption; the two are to become one, with those three as options.
 */
import { ReactiveElement, css, html } from 'lit';
import type { ReactiveController, TemplateResult } from 'lit';
import { t } from './lead-response-report.messages.js';

/** The hint line, right before its `.scroll` box: hidden until the box overflows. */
export const scrollHint = (): TemplateResult =>
  html`<p class="scroll-hint" aria-hidden="true" hidden>${t('moreColumns')} <span class="scroll-hint__arrow">→</span></p>`;

export const scrollStyles = css`
  .scroll {
    /* The containing block of what is positioned inside (visually hidden text), so the box clips it. */
    position: relative;
    overflow-x: auto;
    margin-block-end: var(--_fc-space-m);
  }
  /* The caption stays in view and wraps to the box while the table scrolls under it. */
  .scroll {
    container-type: inline-size;
  }
  .scroll[data-overflow] .caption-text {
    display: inline-block;
    position: sticky;
    inset-inline-start: 0;
    max-inline-size: 100cqi;
  }
  .scroll[data-overflow] {
    max-block-size: min(70dvh, 36rem);
    overflow-y: auto;
    overscroll-behavior-inline: contain;
  }
  .scroll[data-overflow] > table > thead th {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    background: var(--_fc-color-surface);
  }
  .scroll[data-overflow] > table > * > tr > :first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--_fc-color-surface);
    border-inline-end: var(--_fc-border-width) solid var(--_fc-color-border);
  }
  .scroll[data-overflow] > table > thead > tr > :first-child {
    z-index: 3;
  }
  .scroll[data-scrolled] > table > * > tr > :first-child {
    box-shadow: 0.25rem 0 0.375rem -0.25rem rgb(0 0 0 / 0.35);
  }
  .scroll[data-scrolled]:dir(rtl) > table > * > tr > :first-child {
    box-shadow: -0.25rem 0 0.375rem -0.25rem rgb(0 0 0 / 0.35);
  }
  .scroll-hint {
    margin: 0 0 var(--_fc-space-xs);
    text-align: end;
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
    font-weight: var(--_fc-font-weight-strong);
  }
  .scroll-hint[data-end] {
    /* Kept in place, only unseen, so the table does not jump when the last column comes in. */
    visibility: hidden;
  }
  .scroll-hint__arrow {
    display: inline-block;
  }
  .scroll-hint__arrow:dir(rtl) {
    transform: scaleX(-1);
  }
`;

/**
 * Marks each `.scroll` box of its host after each render, on scroll and on resize:
 * `data-overflow` while its table is wider than the box, `data-more` while columns are hidden past
 * the far edge, `data-scrolled` once it has left the start; shows the hint line before it while
 * it overflows; makes it focusable while it scrolls.
 */
export class ScrollBoxes implements ReactiveController {
  readonly #host: ReactiveElement;
  #resize?: ResizeObserver;
  readonly #boxes = new Set<HTMLElement>();
  readonly #onScroll = (event: Event): void => mark(event.currentTarget as HTMLElement);
  readonly #later = new Set<HTMLElement>();
  #frame = 0;
  readonly #markLater = (): void => {
    this.#frame = 0;
    for (const box of this.#later) if (box.isConnected) mark(box);
    this.#later.clear();
  };

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // Marking changes sizes (the bounded height, the hint line): it waits for the next frame, so
    // the observer never sees a change it made in its own callback (a ResizeObserver loop).
    this.#resize = new ResizeObserver((entries) => {
      for (const entry of entries) {
        const box = entry.target.closest<HTMLElement>('.scroll');
        if (box) this.#later.add(box);
      }
      if (!this.#frame) this.#frame = requestAnimationFrame(this.#markLater);
    });
    for (const box of this.#boxes) this.#watch(box);
  }

  hostUpdated(): void {
    for (const box of this.#host.renderRoot.querySelectorAll<HTMLElement>('.scroll')) {
      if (!this.#owns(box)) continue;
      if (!this.#boxes.has(box)) {
        this.#boxes.add(box);
        this.#watch(box);
      }
      mark(box);
    }
    for (const box of this.#boxes) if (!box.isConnected) this.#forget(box);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#later.clear();
    this.#resize?.disconnect();
    this.#resize = undefined;
    for (const box of this.#boxes) box.removeEventListener('scroll', this.#onScroll);
  }

  /** A box rendered by an element inside the host's render root belongs to that element's controller. */
  #owns(box: HTMLElement): boolean {
    for (let p = box.parentElement; p && p !== this.#host; p = p.parentElement) if (p instanceof ReactiveElement) return false;
    return true;
  }

  #watch(box: HTMLElement): void {
    box.addEventListener('scroll', this.#onScroll, { passive: true });
    // The box when the widget narrows; its table when rows or columns change.
    this.#resize?.observe(box);
    if (box.firstElementChild) this.#resize?.observe(box.firstElementChild);
  }

  #forget(box: HTMLElement): void {
    box.removeEventListener('scroll', this.#onScroll);
    this.#resize?.unobserve(box);
    this.#boxes.delete(box);
  }
}

function mark(box: HTMLElement): void {
  const room = box.scrollWidth - box.clientWidth;
  const overflow = room > 1;
  // scrollLeft runs negative in right-to-left text.
  const scrolled = Math.abs(box.scrollLeft);
  box.toggleAttribute('data-overflow', overflow);
  box.toggleAttribute('data-more', overflow && scrolled < room - 1);
  box.toggleAttribute('data-scrolled', overflow && scrolled > 1);
  if (overflow) box.tabIndex = 0;
  else box.removeAttribute('tabindex');
  const hint = box.previousElementSibling;
  if (hint instanceof HTMLElement && hint.classList.contains('scroll-hint')) {
    hint.hidden = !overflow;
    hint.toggleAttribute('data-end', !box.hasAttribute('data-more'));
  }
}
