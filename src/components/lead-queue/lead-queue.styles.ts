import { css } from 'lit';

export const styles = css`
  :host {
    --_overdue: var(--fc-lead-queue-overdue, var(--_fc-color-bad));
    --_soon: var(--fc-lead-queue-soon, var(--_fc-color-warn));
    --_row-border: var(--_fc-color-border);
    display: block;
  }
  .queue {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_fc-space-s);
  }
  p,
  ol,
  h2 {
    margin: 0;
  }
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fc-space-xs) var(--_fc-space-m);
  }
  .title {
    font-size: var(--_fc-font-size-l);
    font-weight: var(--_fc-font-weight-strong);
  }
  .count,
  .due,
  .paused,
  .rule,
  .vehicle,
  .salesperson,
  .flag-note {
    color: var(--_fc-color-text-muted);
  }
  .bar .fc-button {
    margin-inline-start: auto;
  }
  .rows {
    list-style: none;
    padding: 0;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_fc-space-s);
  }
  .row {
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-inline-start: 4px solid var(--_row-border);
    border-radius: var(--_fc-radius-m);
    background: var(--_fc-color-surface);
    padding-block: var(--_fc-space-s);
    padding-inline: var(--_fc-space-m);
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.125rem;
    overflow-wrap: anywhere;
  }
  .row--soon,
  .row--urgent {
    --_row-border: var(--_soon);
  }
  .row--overdue {
    --_row-border: var(--_overdue);
    /* Besides the colour: a thicker edge and the word "Overdue" with its icon. */
    border-inline-start-width: 8px;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs) var(--_fc-space-s);
    align-items: baseline;
  }
  .customer {
    font-weight: var(--_fc-font-weight-strong);
  }
  .urgency {
    display: inline-flex;
    gap: var(--_fc-space-xs);
    align-items: baseline;
    font-weight: var(--_fc-font-weight-strong);
  }
  .row--overdue .urgency {
    color: var(--_overdue);
  }
  .time {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_fc-space-s);
  }
  .left {
    font-variant-numeric: tabular-nums;
    font-weight: var(--_fc-font-weight-strong);
  }
  .unstoppable {
    display: flex;
    gap: var(--_fc-space-xs);
  }
  .flag {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs) var(--_fc-space-s);
    align-items: center;
    margin-block-start: var(--_fc-space-xs);
  }
  .flag-form {
    display: grid;
    gap: var(--_fc-space-xs);
    inline-size: 100%;
  }
  .flag-form textarea {
    font: inherit;
    color: inherit;
    background: var(--_fc-color-surface);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-s);
    padding: var(--_fc-space-xs);
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 3.5rem;
    resize: vertical;
  }
  .flag-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs);
  }
  .flag-state:focus-visible,
  textarea:focus-visible {
    outline: var(--_fc-focus-ring);
    outline-offset: var(--_fc-focus-ring-offset);
  }
  .write--failed {
    color: var(--_overdue);
  }
  @media (forced-colors: active) {
    .row {
      border-inline-start-color: CanvasText;
    }
  }
`;
