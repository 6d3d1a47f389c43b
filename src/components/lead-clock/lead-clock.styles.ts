import { css } from 'lit';

export const styles = css`
  :host {
    --_green: var(--fc-lead-clock-green, var(--_fc-color-good));
    --_yellow: var(--fc-lead-clock-yellow, var(--_fc-color-warn));
    --_red: var(--fc-lead-clock-red, var(--_fc-color-bad));
    --_grade: var(--_green);
    display: block;
    /* A page of many clocks renders only those near the viewport; the others keep their text
       current (for screen readers and find-in-page) without being laid out every second. */
    content-visibility: auto;
    contain-intrinsic-size: auto 20rem;
  }
  .clock {
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-inline-start: 4px solid var(--_grade);
    border-radius: var(--_fc-radius-m);
    background: var(--_fc-color-surface);
    padding-block: var(--_fc-space-s);
    padding-inline: var(--_fc-space-m);
    display: grid;
    /* Never wider than the host: a long name breaks rather than pushing the clock out of its box. */
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_fc-space-xs);
  }
  .clock--yellow {
    --_grade: var(--_yellow);
  }
  .clock--red {
    --_grade: var(--_red);
  }
  p,
  ul {
    margin: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs) var(--_fc-space-s);
    align-items: baseline;
  }
  .oem {
    font-weight: var(--_fc-font-weight-strong);
  }
  .oem,
  .customer {
    overflow-wrap: anywhere;
  }
  .customer,
  .due,
  .note,
  .paused {
    color: var(--_fc-color-text-muted);
  }
  .live > * + * {
    margin-inline-start: var(--_fc-space-s);
  }
  .countdown {
    /* A box of fixed size whose contents nothing outside depends on, in block flow (a flex or
       grid item would not be): the digits changing every second lay out this box alone, not the
       clock or the page around it. */
    display: inline-block;
    vertical-align: middle;
    contain: strict;
    inline-size: 9ch;
    block-size: 1.5em;
    line-height: 1.5;
    font-size: var(--_fc-font-size-l);
    font-variant-numeric: tabular-nums;
    font-weight: var(--_fc-font-weight-strong);
  }
  .clock--overdue .countdown,
  .clock--overdue .label {
    color: var(--_red);
  }
  .grade {
    display: inline-flex;
    align-items: center;
    gap: var(--_fc-space-xs);
    justify-self: start;
    padding-inline: var(--_fc-space-s);
    border: var(--_fc-border-width) solid var(--_grade);
    border-radius: var(--_fc-radius-pill);
    font-size: var(--_fc-font-size-s);
  }
  .grade__icon {
    display: inline-grid;
    place-items: center;
    inline-size: 1.1em;
    block-size: 1.1em;
    border-radius: 50%;
    background: var(--_grade);
    color: var(--_fc-color-surface);
    font-weight: var(--_fc-font-weight-strong);
    line-height: 1;
  }
  .consequences {
    padding-inline-start: var(--_fc-space-m);
  }
  .consequence--reassigned {
    color: var(--_red);
  }
  .rule {
    font-size: var(--_fc-font-size-s);
  }
  .rule summary {
    cursor: pointer;
    color: var(--_fc-color-text-muted);
    inline-size: fit-content;
  }
  .rule ul {
    padding-inline-start: var(--_fc-space-m);
  }
`;
