import { css } from 'lit';
import { formControl } from '../../styles/shared.js';

export const styles = css`
  :host {
    /* One half-cycle; never under 500 ms, so a host's value cannot make it flash more than once a second (WCAG 2.3.1 allows three). */
    --_blink-duration: max(500ms, var(--fc-customer-list-blink-duration, 500ms));
    --_badge-color: var(--fc-customer-list-badge-color, var(--_fc-color-warn));
    --_badge-background: var(--fc-customer-list-badge-background, var(--_fc-color-warn-subtle));
    --_pending-color: var(--fc-customer-list-pending-color, var(--_fc-color-text-muted));
    --_error-color: var(--fc-customer-list-error-color, var(--_fc-color-bad));
    background: var(--_fc-color-surface);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    margin-block-end: var(--_fc-space-s);
  }
  .blink-toggle[aria-pressed='true'] {
    border-color: var(--_fc-color-accent);
    box-shadow: inset 0 0 0 1px var(--_fc-color-accent);
  }
  /* Pressed is also a mark, not only a colour (and in forced colours the only difference). */
  .blink-toggle[aria-pressed='true']::before {
    content: '✓' / '';
  }
  /* Fixed layout: column widths come from the colgroup, not from measuring every cell of a busy day. */
  .fc-table {
    table-layout: fixed;
    min-inline-size: 40rem;
  }
  .fc-table th,
  .fc-table td {
    overflow-wrap: break-word;
  }
  .col-customer {
    inline-size: 28%;
  }
  .col-vehicle {
    inline-size: 20%;
  }
  .col-advisor {
    inline-size: 14%;
  }
  .col-promised {
    inline-size: 12%;
  }
  .col-source {
    inline-size: 26%;
  }
  .name {
    /* Holds the badge's visually hidden text, so it is laid out here rather than against the page. */
    position: relative;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_fc-color-accent);
    font: inherit;
    font-weight: var(--_fc-font-weight-strong);
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .name:hover .name-text {
    text-decoration-thickness: 2px;
  }
  /* The name is the customer's: a bidi control in it stops at its end, before the badge. */
  .name-text {
    border-radius: var(--_fc-radius-s);
    unicode-bidi: isolate;
  }
  /*
   * Blinks for as long as the source is unknown: WCAG 2.2.2 allows it past five seconds because
   * "Pause blinking" stops it. It holds (paused where it is) while nobody can see the board.
   */
  .name-text--blink {
    animation: fc-customer-blink var(--_blink-duration) ease-in-out infinite alternate;
  }
  :host(:state(blink-held)) .name-text--blink {
    animation-play-state: paused;
  }
  /* Background and ring only: the text keeps its contrast at every frame. */
  @keyframes fc-customer-blink {
    to {
      background: var(--_badge-background);
      box-shadow: 0 0 0 3px var(--_badge-color);
    }
  }
  /* Nothing blinks, so there is nothing to pause: the badge marks the names. */
  @media (prefers-reduced-motion: reduce) {
    .name-text--blink {
      animation: none;
    }
    .toolbar {
      display: none;
    }
  }
  /* Inline flow, not flex: 200 names lay out as text, and the badge wraps under a long name by itself. */
  .badge {
    display: inline-block;
    margin-inline-start: var(--_fc-space-s);
    padding-inline: var(--_fc-space-s);
    border: var(--_fc-border-width) solid currentColor;
    border-radius: var(--_fc-radius-pill);
    background: var(--_badge-background);
    color: var(--_badge-color);
    font-size: var(--_fc-font-size-s);
    font-weight: var(--_fc-font-weight-strong);
    text-decoration: none;
    white-space: nowrap;
  }
  .muted {
    color: var(--_fc-color-text-muted);
  }
  .pending {
    color: var(--_pending-color);
    font-style: italic;
  }
  .failure {
    margin-block-start: var(--_fc-space-xs);
    padding-inline-start: var(--_fc-space-s);
    border-inline-start: 3px solid var(--_error-color);
  }
  .failure p {
    margin: 0;
    color: var(--_error-color);
    font-weight: var(--_fc-font-weight-strong);
  }
  .failure .detail {
    color: var(--_fc-color-text);
    font-weight: normal;
    font-size: var(--_fc-font-size-s);
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-s);
    margin-block-start: var(--_fc-space-xs);
  }
  dialog {
    inline-size: min(28rem, calc(100vw - 2 * var(--_fc-space-m)));
    padding: var(--_fc-space-m);
  }
  dialog h2 {
    margin-block: 0 var(--_fc-space-s);
    font-size: var(--_fc-font-size-l);
    overflow-wrap: anywhere;
  }
  dialog p {
    margin-block: 0 var(--_fc-space-s);
  }
  .field {
    display: grid;
    gap: var(--_fc-space-xs);
    margin-block-end: var(--_fc-space-m);
  }
  select {
    ${formControl}
    min-block-size: 2rem;
  }
`;
