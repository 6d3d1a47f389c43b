import { css } from 'lit';
import { formControl, formControlInvalid } from '../../styles/shared.js';

export const styles = css`
  :host {
    --_bar: var(--fc-source-report-bar, var(--_fc-color-accent));
    --_unknown-bar: var(--fc-source-report-unknown-bar, var(--_fc-color-warn));
    --_chart-text: var(--fc-source-report-chart-text, var(--_fc-color-text-muted));
    --_chart-grid: var(--fc-source-report-chart-grid, var(--_fc-color-border));
    --_spend-bar: var(--fc-source-report-spend-bar, var(--_fc-color-text-muted));
    --_revenue-bar: var(--fc-source-report-revenue-bar, var(--_fc-color-accent));
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
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_fc-space-s) var(--_fc-space-m);
    margin-block-end: var(--_fc-space-m);
  }
  .toolbar label {
    display: grid;
    gap: var(--_fc-space-xs);
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-text-muted);
  }
  input {
    ${formControl}
    padding-block: var(--_fc-space-xs);
  }
  input[aria-invalid='true'] {
    ${formControlInvalid}
  }
  .problem {
    color: var(--_fc-color-bad);
    font-weight: var(--_fc-font-weight-strong);
    margin: 0;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fc-space-s) var(--_fc-space-m);
    margin-block-end: var(--_fc-space-m);
    padding-block: var(--_fc-space-s);
    padding-inline: var(--_fc-space-m);
    border-inline-start: 4px solid var(--_fc-color-warn);
    background: var(--_fc-color-warn-subtle);
  }
  .notice p {
    margin: 0;
  }
  .chart {
    margin-block-end: var(--_fc-space-m);
  }
  .chart-bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_fc-space-s) var(--_fc-space-m);
    margin-block-end: var(--_fc-space-s);
  }
  .chart-bar > .fc-button {
    margin-inline-start: auto;
  }
  .fc-button[aria-pressed='true'] {
    background: var(--_fc-color-accent-subtle, var(--_fc-color-surface-raised));
    border-color: var(--_fc-color-accent);
    box-shadow: inset 0 0 0 1px var(--_fc-color-accent);
  }
  /* Pressed is also a mark, not only a colour (and in forced colours the only difference). */
  .fc-button[aria-pressed='true']::before {
    content: '✓' / '';
    margin-inline-end: var(--_fc-space-xs);
  }
  .crumbs ol {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fc-space-xs);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .crumbs li + li::before {
    content: '›';
    margin-inline-end: var(--_fc-space-xs);
    color: var(--_fc-color-text-muted);
  }
  .crumb {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_fc-color-accent);
    font: inherit;
    text-decoration: underline;
    cursor: pointer;
  }
  .crumb:focus-visible {
    outline: var(--_fc-focus-ring);
    outline-offset: var(--_fc-focus-ring-offset);
  }
  [aria-current] {
    font-weight: var(--_fc-font-weight-strong);
  }
  .fc-chart {
    --_chart-height: var(--fc-source-report-chart-block-size, 16rem);
  }
  .fc-chart.rows-m {
    --_chart-height: var(--fc-source-report-chart-block-size, 26rem);
  }
  .fc-chart.rows-l {
    --_chart-height: var(--fc-source-report-chart-block-size, 40rem);
  }
  .fc-chart.rows-xl {
    --_chart-height: var(--fc-source-report-chart-block-size, 60rem);
  }
  .chart-empty {
    margin: 0;
    color: var(--_fc-color-text-muted);
  }
  .muted {
    color: var(--_fc-color-text-muted);
    font-weight: normal;
  }
  .busy {
    opacity: 0.7;
  }
  .fc-table th[scope='row'] {
    font-weight: normal;
  }
  .category th[scope='row'] {
    font-weight: var(--_fc-font-weight-strong);
  }
  .category.unknown th[scope='row'] {
    border-inline-start: 4px solid var(--_unknown-bar);
  }
  .sub th[scope='row'] {
    padding-inline-start: var(--_fc-space-xl);
  }
  .sub td,
  .sub th {
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: var(--_fc-space-xs);
    padding: 0;
    border: 0;
    background: none;
    color: inherit;
    font: inherit;
    text-align: start;
    cursor: pointer;
  }
  .toggle::before {
    box-sizing: inherit;
    content: '';
    display: inline-block;
    inline-size: 0.5em;
    block-size: 0.5em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(-45deg);
    transition: transform var(--_fc-duration-fast) ease-out;
  }
  :host(:dir(rtl)) .toggle::before {
    transform: rotate(135deg);
  }
  .toggle[aria-expanded='true']::before {
    transform: rotate(45deg);
  }
  tfoot th,
  tfoot td {
    font-weight: var(--_fc-font-weight-strong);
    border-block-end: 0;
  }
  .negative {
    color: var(--_fc-color-bad);
  }
  .spend {
    margin-block-start: var(--_fc-space-l);
  }
  .spend .hint {
    margin-block: 0 var(--_fc-space-s);
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
  }
  .spend input {
    inline-size: 9em;
    text-align: end;
  }
  .cell-status {
    display: block;
    margin-block-start: var(--_fc-space-xs);
    font-size: var(--_fc-font-size-s);
    max-inline-size: 16em;
  }
  .cell-status.pending {
    color: var(--_fc-color-warn);
  }
  .cell-status.bad {
    color: var(--_fc-color-bad);
  }
  .cell-actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs);
    margin-block-start: var(--_fc-space-xs);
  }
  .cell-actions .fc-button {
    min-block-size: 1.75rem;
    padding-inline: var(--_fc-space-s);
    font-size: var(--_fc-font-size-s);
  }
`;
