import { css } from 'lit';
import { formControl } from '../../styles/shared.js';

export const styles = css`
  :host {
    --_blink-duration: var(--fc-customer-list-blink-duration, 750ms);
    --_badge-color: var(--fc-customer-list-badge-color, var(--_fc-color-warn));
    --_badge-background: var(--fc-customer-list-badge-background, var(--_fc-color-warn-subtle));
    --_pending-color: var(--fc-customer-list-pending-color, var(--_fc-color-text-muted));
    --_error-color: var(--fc-customer-list-error-color, var(--_fc-color-bad));
    background: var(--_fc-color-surface);
  }
  .wrap {
    overflow-x: auto;
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
  /* Six half-cycles of 750 ms: 4.5 s, inside WCAG 2.2.2's five seconds; a timer removes the class by then whatever the knob says. */
  .name-text--blink {
    animation: fc-customer-blink var(--_blink-duration) ease-in-out 6 alternate;
  }
  /* Background and ring only: the text keeps its contrast at every frame. */
  @keyframes fc-customer-blink {
    to {
      background: var(--_badge-background);
      box-shadow: 0 0 0 3px var(--_badge-color);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .name-text--blink {
      animation: none;
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
