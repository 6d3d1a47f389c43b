import { css } from 'lit';
import { formControl } from '../../styles/shared.js';

/**
 * Row heights are fixed (the windowing computes positions from them): keep `ROW_HEIGHT`,
 * `HEADER_HEIGHT` and `CARD_HEIGHT` in the element in step with the pixel values here.
 *
 * In order: the filter form, the grid, the details dialog's box (its fields' layout loads with its
 * content, `sms-history.details.view.ts`; the error tooltip's styles with the tooltip,
 * `sms-history.tooltip.view.ts`), and the stacked cards on a narrow container. The notes live here rather than as CSS comments, which would ship
 * in the widget's first load (its budget is tight):
 * - `.scroller` has `contain: strict`: scrolling repaints only the rows, the rest of the page is
 *   not invalidated.
 * - Rows are flex lines of fixed-width cells (the body cell takes what is left): cheaper to lay
 *   out than a grid per row when a fast scroll rewrites every row in a frame.
 * - The direction arrow is decoration (alt text `''`): the word says the direction.
 * - On cards only the sort control of the header shows; the other headers stay for screen readers.
 */
export const styles = css`
  :host {
    --_height: var(--fc-sms-history-height, 30rem);
    --_bad: var(--fc-sms-history-error-color, var(--_fc-color-bad));
    --_good: var(--fc-sms-history-delivered-color, var(--_fc-color-good));
    --_stripe: var(--fc-sms-history-stripe, var(--_fc-color-surface-raised));
    --_row-h: 40px;
    --_card-h: 168px;
    background: var(--_fc-color-surface);
  }

  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fc-space-s) var(--_fc-space-m);
    margin-block: var(--_fc-space-s);
  }
  .count {
    margin: 0;
    font-weight: var(--_fc-font-weight-strong);
  }
  .toolbar .spacer {
    flex: 1;
  }
  .export {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fc-space-s);
  }
  .export progress {
    inline-size: 10rem;
  }
  .export-status {
    margin: 0;
  }

  .filter {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_fc-space-s) var(--_fc-space-m);
    margin: 0 0 var(--_fc-space-m);
    padding: var(--_fc-space-s) var(--_fc-space-m);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-m);
  }
  .filter legend {
    padding-inline: var(--_fc-space-xs);
    font-weight: var(--_fc-font-weight-strong);
  }
  .field {
    display: grid;
    gap: var(--_fc-space-xs);
    min-inline-size: 8rem;
  }
  .field--wide {
    flex: 1 1 14rem;
  }
  .field label {
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-text-muted);
  }
  input,
  select {
    ${formControl}
    min-block-size: 2rem;
  }
  input[aria-invalid='true'] {
    border-color: var(--_bad);
  }
  .range-error {
    flex-basis: 100%;
    margin: 0;
    color: var(--_bad);
    font-weight: var(--_fc-font-weight-strong);
  }
  .filter-actions {
    display: flex;
    gap: var(--_fc-space-s);
  }

  fc-sms-summary {
    margin-block-end: var(--_fc-space-m);
  }

  .wrap {
    position: relative;
    container: sms-history / inline-size;
  }
  .grid {
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-m);
    font-variant-numeric: tabular-nums;
  }
  .scroller {
    position: relative;
    block-size: var(--_height);
    overflow: auto;
    overscroll-behavior: contain;
    contain: strict;
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 2;
    min-inline-size: var(--_total-w, 100%);
    background: var(--_fc-color-surface-raised);
  }
  .body {
    position: relative;
    min-inline-size: var(--_total-w, 100%);
    overflow: clip;
  }
  .rows {
    position: absolute;
    inset-block-start: 0;
    inset-inline: 0;
    will-change: transform;
  }
  .row {
    display: flex;
    block-size: var(--_row-h);
    border-block-end: 1px solid var(--_fc-color-border);
    background: var(--_fc-color-surface);
    cursor: pointer;
  }
  .row--odd {
    background: var(--_stripe);
  }
  .row:hover {
    background: var(--_fc-color-accent-subtle);
  }
  .cell {
    flex: none;
    box-sizing: border-box;
    overflow: hidden;
    padding-inline: var(--_fc-space-s);
    line-height: calc(var(--_row-h) - 1px);
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .c-time {
    inline-size: var(--_w-time);
  }
  .c-direction {
    inline-size: var(--_w-direction);
  }
  .c-customer {
    inline-size: var(--_w-customer);
  }
  .c-phone {
    inline-size: var(--_w-phone);
  }
  .c-employee {
    inline-size: var(--_w-employee);
  }
  .c-body {
    flex: 1 0 var(--_w-body);
  }
  .c-status {
    inline-size: var(--_w-status);
  }
  .c-error {
    inline-size: var(--_w-error);
  }
  .c-segments {
    inline-size: var(--_w-segments);
  }
  .c-failed {
    flex: 1 1 auto;
  }
  .cell:focus-visible {
    outline: var(--_fc-focus-ring);
    outline-offset: -3px;
  }
  .header {
    cursor: default;
  }
  .header .cell {
    position: relative;
    font-weight: var(--_fc-font-weight-strong);
    text-align: start;
  }
  .sort {
    display: inline-flex;
    gap: var(--_fc-space-xs);
    align-items: center;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_fc-color-accent);
    font: inherit;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
  .resizer {
    position: absolute;
    inset-block: 0;
    inset-inline-end: 0;
    inline-size: 9px;
    cursor: col-resize;
    touch-action: none;
  }
  .resizer::after {
    box-sizing: inherit;
    content: '';
    position: absolute;
    inset-block: 25%;
    inset-inline-end: 4px;
    border-inline-end: 1px solid var(--_fc-color-border);
  }
  .resizer:hover::after,
  .resizer:focus-visible::after {
    border-inline-end: 3px solid var(--_fc-color-accent);
  }
  .resizer:focus-visible {
    outline-offset: -2px;
  }

  .row--busy .cell:not(:empty),
  .row--busy .cell {
    color: transparent;
  }
  .row--busy .cell::after {
    box-sizing: inherit;
    content: '';
    display: inline-block;
    inline-size: 70%;
    block-size: 0.75rem;
    border-radius: var(--_fc-radius-s);
    background: var(--_fc-color-skeleton);
    vertical-align: middle;
  }
  .row--error {
    background: var(--_fc-color-bad-subtle);
    cursor: default;
  }
  .row--error .cell {
    display: flex;
    align-items: center;
    gap: var(--_fc-space-m);
    color: var(--_fc-color-text);
  }
  .row--error .retry {
    min-block-size: 1.75rem;
  }
  .rows .c-direction::before {
    content: '↙\\00a0' / '';
    color: var(--_fc-color-text-muted);
  }
  .row--out .c-direction::before {
    content: '↗\\00a0' / '';
  }
  .row--busy .c-direction::before {
    content: none;
  }
  .status-failed,
  .status-undelivered,
  .c-error {
    color: var(--_bad);
  }
  .status-delivered {
    color: var(--_good);
  }
  .c-error {
    font-weight: var(--_fc-font-weight-strong);
  }
  .c-segments {
    text-align: end;
  }

  dialog {
    inline-size: min(36rem, calc(100vw - 2 * var(--_fc-space-m)));
    padding: var(--_fc-space-m);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-m);
    background: var(--_fc-color-surface);
    color: var(--_fc-color-text);
  }
  dialog h2 {
    margin-block: 0 var(--_fc-space-s);
    font-size: var(--_fc-font-size-l);
    overflow-wrap: anywhere;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-s);
  }

  @container sms-history (width < 600px) {
    .head {
      min-inline-size: 0;
    }
    .header {
      display: grid;
      grid-template-columns: 1fr;
    }
    .cell,
    .c-body {
      flex: none;
      inline-size: auto;
    }
    .header .cell:not(.c-time) {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    .resizer {
      display: none;
    }
    .body {
      min-inline-size: 0;
    }
    .row:not(.header) {
      display: grid;
      grid-template-columns: 1fr 1fr;
      grid-template-rows: repeat(7, 20px);
      grid-template-areas:
        'time time'
        'direction status'
        'customer phone'
        'employee segments'
        'error error'
        'body body'
        'body body';
      block-size: var(--_card-h);
      padding-block: 13px;
      padding-inline: var(--_fc-space-xs);
    }
    .row--error:not(.header) {
      grid-template-areas: none;
      grid-template-rows: 1fr;
      grid-template-columns: 1fr;
    }
    .cell {
      line-height: 20px;
    }
    .row:not(.row--error):not(.header) .cell::before {
      content: attr(data-label) ': ' / '';
      color: var(--_fc-color-text-muted);
      font-weight: normal;
    }
    .row:not(.header) .c-direction::before {
      content: attr(data-label) ': ' / '';
    }
    .c-time {
      grid-area: time;
    }
    .c-direction {
      grid-area: direction;
    }
    .c-customer {
      grid-area: customer;
    }
    .c-phone {
      grid-area: phone;
    }
    .c-employee {
      grid-area: employee;
    }
    .c-body {
      grid-area: body;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 2;
      white-space: normal;
      overflow-wrap: anywhere;
    }
    .c-status {
      grid-area: status;
    }
    .c-error {
      grid-area: error;
    }
    .c-segments {
      grid-area: segments;
      text-align: start;
    }
    .row--busy .cell::after {
      inline-size: 40%;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    .fc-button {
      transition: none;
    }
  }
`;
