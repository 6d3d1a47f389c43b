/**
 * A table wider than its widget scrolls sideways in a box of its own, with signs that it does
 * (issue 18): the first column stays in view (sticky, on the surface colour, with an edge once the
 * box overflows and a shadow once the rest has scrolled under it), the far edge fades, and a
 * "More columns →" line above the box shows while columns are hidden past the edge. The box is a
 * named region that takes focus while it scrolls, so a keyboard user can scroll it with the arrow
 * keys (axe's scrollable-region-focusable); the hint line repeats what the fading shows, so it is
 * hidden from screen readers.
 *
 * Only the widgets with such a table import this module (the board, the source report and editor,
 * deleted customers, needed vehicles, the trade-in alert), and it is small: the box scrolls with
 * `scrollHintStyles` alone, and the signs (their styles, the hint line and the code that sets the
 * marks) load after the first render that has a box (`scroll-hint.marks.ts`, one chunk a page).
 *
 * Markup: `<div class="fc-scroll" role="region" aria-label=…>${table}</div>`, or the scroller of
 * a grid with `fc-scroll fc-scroll--grid` (the SMS history); the widget adds `scrollHintStyles` to
 * its styles and creates one `ScrollHintController`.
 */
import { css } from 'lit';
import type { ReactiveController } from 'lit';
import type { FcElement } from '../fc-element.js';
import { defineMessages } from '../messages.js';
import type { ScrollMarks } from './scroll-hint.marks.js';

/** The box scrolls and clips what is positioned inside it (visually hidden text) from the first paint. */
export const scrollHintStyles = css`
  .fc-scroll {
    position: relative;
    overflow-x: auto;
  }
`;

/** Loads the signs once its widget renders a `.fc-scroll` box, then marks the boxes after every render. */
export class ScrollHintController implements ReactiveController {
  readonly #host: FcElement;
  #marks?: Promise<ScrollMarks>;
  #ready = false;

  constructor(host: FcElement) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdated(): void {
    const host = this.#host;
    if (!this.#marks && !host.renderRoot.querySelector('.fc-scroll')) return;
    if (!this.#ready) {
      // Until the signs have loaded, a box that scrolls is still a Tab stop, so it is never out of a keyboard's reach.
      for (const box of host.renderRoot.querySelectorAll<HTMLElement>('.fc-scroll:not(.fc-scroll--grid)')) if (box.scrollWidth > box.clientWidth) box.tabIndex = 0;
    }
    this.#marks ??= import('./scroll-hint.marks.js').then((m) => new m.ScrollMarks(host, defineMessages));
    void this.#marks.then((marks) => {
      this.#ready = true;
      if (host.isConnected) marks.update();
    });
  }

  hostDisconnected(): void {
    void this.#marks?.then((marks) => marks.stop());
  }
}
