import { css } from 'lit';

/**
 * The frame every text field and drop-down of the suite shares: the widget's type and colours, the
 * border (`--fc-color-border-control`, 3:1 on the surfaces as WCAG 1.4.11 asks of a control's
 * edge), the corner and the inline padding. Declarations, not a rule: a widget puts them in its own
 * rule, which keeps the selector (which controls) and adds its own size after them, e.g.
 * `input, select { ${formControl} padding-block: var(--_fc-space-xs); }`.
 */
export const formControl = css`
  font: inherit;
  color: var(--_fc-color-text);
  background: var(--_fc-color-surface);
  border: var(--_fc-border-width) solid var(--_fc-color-border-control);
  border-radius: var(--_fc-radius-s);
  padding-inline: var(--_fc-space-s);
`;

/** A field whose value was refused (`aria-invalid="true"`): a red border, thicker at its start. */
export const formControlInvalid = css`
  border-color: var(--_fc-color-bad);
  border-inline-start-width: 4px;
`;

/**
 * Base styles every widget adopts after `tokens`: the host's type and colour, the focus ring,
 * a visually hidden utility, buttons and tables. Class names are `fc-` prefixed and live in
 * shadow roots, so they never meet a host page's CSS. Notes kept out of the CSS text (it ships as
 * written):
 * - Visually hidden text is positioned against its nearest positioned box; a widget's sideways
 *   scroll box is one (`.fc-scroll`), so text hidden in a wide table stays inside the box. It has
 *   no negative margin, so it never sticks out of its container.
 * - Tables have separate borders (each cell draws only its bottom edge, so nothing doubles): they
 *   lay out faster than collapsed ones.
 * - `box-sizing` is inherited by elements only: a universal `*::before, *::after` rule would make
 *   the browser resolve two pseudo-element styles for every element of a widget (a board's
 *   thousands), so a widget's own pseudo-element that has a size says `box-sizing: inherit` itself.
 * - A modal dialog's frame: each widget sets its size and accent; it never outgrows the viewport
 *   (max inline and block sizes) and scrolls inside (a modal dialog's own \`overflow: auto\`).
 */
export const shared = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_fc-font-family);
    font-size: var(--_fc-font-size-m);
    line-height: var(--_fc-line-height);
    color: var(--_fc-color-text);
  }
  :host([hidden]) {
    display: none !important;
  }
  * {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--_fc-focus-ring);
    outline-offset: var(--_fc-focus-ring-offset);
  }

  .fc-visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  .fc-button {
    display: inline-flex;
    align-items: center;
    gap: var(--_fc-space-xs);
    min-block-size: 2rem;
    padding-block: var(--_fc-space-xs);
    padding-inline: var(--_fc-space-m);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-s);
    background: var(--_fc-color-surface);
    color: var(--_fc-color-text);
    font: inherit;
    cursor: pointer;
    transition: background-color var(--_fc-duration-fast) ease-out;
  }
  .fc-button:hover:not(:disabled) {
    background: var(--_fc-color-surface-raised);
  }
  .fc-button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .fc-button--primary {
    border-color: var(--_fc-color-accent);
    background: var(--_fc-color-accent);
    color: var(--_fc-color-accent-text);
  }
  .fc-button--primary:hover:not(:disabled) {
    background: var(--_fc-color-accent);
    filter: brightness(1.1);
  }

  .fc-table {
    inline-size: 100%;
    border-collapse: separate;
    border-spacing: 0;
  }
  .fc-table caption {
    text-align: start;
    font-weight: var(--_fc-font-weight-strong);
    padding-block-end: var(--_fc-space-s);
  }
  .fc-table th,
  .fc-table td {
    padding-block: var(--_fc-space-xs);
    padding-inline: var(--_fc-space-s);
    border-block-end: var(--_fc-border-width) solid var(--_fc-color-border);
    text-align: start;
    vertical-align: baseline;
  }
  .fc-table thead th {
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
    font-weight: var(--_fc-font-weight-strong);
  }
  .fc-table .fc-num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  dialog {
    box-sizing: border-box;
    max-inline-size: calc(100vw - 2 * var(--_fc-space-m));
    max-block-size: calc(100dvh - 2 * var(--_fc-space-m));
    padding: var(--_fc-space-l);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-m);
    background: var(--_fc-color-surface);
    color: var(--_fc-color-text);
    box-shadow: var(--_fc-shadow);
    font-family: var(--_fc-font-family);
    font-size: var(--_fc-font-size-m);
    line-height: var(--_fc-line-height);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.4);
  }
`;
