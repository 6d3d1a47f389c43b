import { css } from 'lit';
import { formControl, formControlInvalid } from '../../styles/shared.js';

export const styles = css`
  :host {
    --_green: var(--fc-lead-response-report-green, var(--_fc-color-good));
    --_yellow: var(--fc-lead-response-report-yellow, var(--_fc-color-warn));
    --_red: var(--fc-lead-response-report-red, var(--_fc-color-bad));
    --_bar: var(--fc-lead-response-report-bar, var(--_fc-color-accent));
    --_no-response-bar: var(--fc-lead-response-report-no-response-bar, var(--_fc-color-warn));
    --_median-line: var(--fc-lead-response-report-median-line, var(--_fc-color-accent));
    --_within-line: var(--fc-lead-response-report-within-line, var(--_fc-color-good));
    --_target-line: var(--fc-lead-response-report-target-line, var(--_fc-color-text-muted));
    --_chart-height: var(--fc-lead-response-report-chart-block-size, 16rem);
    --_chart-text: var(--fc-lead-response-report-chart-text, var(--_fc-color-text-muted));
    --_chart-grid: var(--fc-lead-response-report-chart-grid, var(--_fc-color-border));
    background: var(--_fc-color-surface);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-m);
    padding: var(--_fc-space-m);
  }
  h2,
  h3 {
    margin-block: 0 var(--_fc-space-s);
    font-size: var(--_fc-font-size-l);
  }
  h3 {
    font-size: var(--_fc-font-size-m);
  }
  .toolbar,
  .filters {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_fc-space-s) var(--_fc-space-m);
    margin-block-end: var(--_fc-space-s);
  }
  .toolbar label,
  .filters label,
  .field {
    display: grid;
    gap: var(--_fc-space-xs);
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-text-muted);
  }
  input,
  select {
    ${formControl}
    padding-block: var(--_fc-space-xs);
  }
  input[type='checkbox'],
  input[type='radio'] {
    padding: 0;
  }
  input[aria-invalid='true'] {
    ${formControlInvalid}
  }
  .problem,
  .field-problem {
    color: var(--_fc-color-bad);
    font-weight: var(--_fc-font-weight-strong);
    margin: 0;
  }
  .hint,
  .progress {
    margin-block: 0 var(--_fc-space-s);
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs);
    border-block-end: var(--_fc-border-width) solid var(--_fc-color-border);
    margin-block-end: var(--_fc-space-m);
  }
  [role='tab'] {
    font: inherit;
    color: var(--_fc-color-text-muted);
    background: none;
    border: 0;
    border-block-end: 3px solid transparent;
    padding-block: var(--_fc-space-s);
    padding-inline: var(--_fc-space-m);
    cursor: pointer;
  }
  [role='tab'][aria-selected='true'] {
    color: var(--_fc-color-text);
    font-weight: var(--_fc-font-weight-strong);
    border-block-end-color: var(--_fc-color-accent);
  }
  /* The detail and summary tables fit a report of about 56rem (the demo's at 1280 px): cells wrap
     between words, times break between day and clock, and a header's sort mark goes under its word. */
  .detail th,
  .detail td,
  .summary th,
  .summary td {
    padding-inline: var(--_fc-space-xs);
  }
  .detail .grade {
    padding-inline: var(--_fc-space-xs);
  }
  .sort {
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .sort__mark {
    font-size: 0.75em;
  }
  .sub {
    display: block;
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
  }
  .fc-table th[scope='row'] {
    font-weight: normal;
  }
  tfoot th,
  tfoot td {
    font-weight: var(--_fc-font-weight-strong);
  }
  .grade {
    display: inline-flex;
    align-items: center;
    gap: var(--_fc-space-xs);
    padding-inline: var(--_fc-space-s);
    border-radius: var(--_fc-radius-pill);
    border: var(--_fc-border-width) solid currentColor;
    font-weight: var(--_fc-font-weight-strong);
    white-space: nowrap;
  }
  .grade--green {
    color: var(--_green);
  }
  .grade--yellow {
    color: var(--_yellow);
  }
  .grade--red {
    color: var(--_red);
  }
  .status-overdue .status,
  .status-missed .status,
  .bad {
    color: var(--_fc-color-bad);
  }
  .good {
    color: var(--_fc-color-good);
  }
  .busy {
    opacity: 0.7;
  }
  .notice {
    margin-block-end: var(--_fc-space-m);
    padding-block: var(--_fc-space-s);
    padding-inline: var(--_fc-space-m);
    border-inline-start: 4px solid var(--_fc-color-warn);
    background: var(--_fc-color-warn-subtle);
    color: var(--_fc-color-text);
  }
  .notice.bad {
    border-inline-start-color: var(--_fc-color-bad);
    background: var(--_fc-color-bad-subtle);
  }
  .notice p,
  .notice dl {
    margin-block: 0 var(--_fc-space-xs);
  }
  .notice dt {
    font-weight: var(--_fc-font-weight-strong);
  }
  .notice dd {
    margin-inline-start: var(--_fc-space-m);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-s);
    margin-block-start: var(--_fc-space-s);
  }
  .fc-chart {
    margin-block-end: var(--_fc-space-m);
  }
  /* A table row is the keyboard path to its bar's or day's tooltip. */
  tr[tabindex]:focus-visible {
    outline: var(--_fc-focus-ring);
    outline-offset: -2px;
  }
  .trend {
    margin-block-start: var(--_fc-space-m);
  }
  .trend-figures > summary {
    cursor: pointer;
    margin-block-end: var(--_fc-space-s);
  }
  .trend-figures > summary:focus-visible {
    outline: var(--_fc-focus-ring);
    outline-offset: var(--_fc-focus-ring-offset);
  }
  .write {
    display: block;
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-warn);
    margin-block-end: var(--_fc-space-xs);
  }
  .write--conflict,
  .write--failed {
    color: var(--_fc-color-bad);
  }
  .rule-editor {
    display: block;
  }
  .editor {
    margin-block-start: var(--_fc-space-m);
    padding: var(--_fc-space-m);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-m);
  }
  .editor form {
    display: grid;
    gap: var(--_fc-space-m);
    justify-items: start;
  }
  fieldset {
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-s);
    display: grid;
    gap: var(--_fc-space-xs);
    margin: 0;
    padding: var(--_fc-space-s) var(--_fc-space-m);
  }
  legend {
    font-weight: var(--_fc-font-weight-strong);
    padding-inline: var(--_fc-space-xs);
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: var(--_fc-space-xs);
  }
  .days {
    display: grid;
    gap: var(--_fc-space-s);
    margin-block-start: var(--_fc-space-s);
  }
  .day,
  .grade-fields {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_fc-space-s) var(--_fc-space-m);
  }
  .day > .choice:first-child {
    min-inline-size: 8em;
  }
  .day .field-problem {
    flex-basis: 100%;
  }
  .problems {
    padding-block: var(--_fc-space-s);
    padding-inline: var(--_fc-space-m);
    border-inline-start: 4px solid var(--_fc-color-bad);
    background: var(--_fc-color-bad-subtle);
  }
  .problems p,
  .problems ul {
    margin: 0;
  }
  .more {
    margin-block-end: var(--_fc-space-m);
  }
`;
