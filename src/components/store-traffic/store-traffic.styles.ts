import { css } from 'lit';
import { formControl, formControlInvalid } from '../../styles/shared.js';

export const styles = css`
  :host {
    --_bar: var(--fc-store-traffic-bar, var(--_fc-color-accent));
    --_heat: var(--fc-store-traffic-heat, var(--_fc-color-accent));
    --_up: var(--fc-store-traffic-up, var(--_fc-color-good));
    --_down: var(--fc-store-traffic-down, var(--_fc-color-bad));
    --_chart-text: var(--fc-store-traffic-chart-text, var(--_fc-color-text-muted));
    --_chart-grid: var(--fc-store-traffic-chart-grid, var(--_fc-color-border));
    --_chart-height: var(--fc-store-traffic-chart-block-size, 18rem);
    /* Stack colours (read by the chart): the bar colour first, then the status colours and fixed hues. */
    --_series-1: var(--_bar);
    --_series-2: #d4770b;
    --_series-3: var(--_fc-color-good);
    --_series-4: #8250df;
    --_series-5: var(--_fc-color-bad);
    --_series-6: #1b9aaa;
    --_series-7: var(--_fc-color-text-muted);
    background: var(--_fc-color-surface);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-m);
    padding: var(--_fc-space-m);
  }
  h2 {
    margin-block: 0 var(--_fc-space-s);
    font-size: var(--_fc-font-size-l);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_fc-space-s) var(--_fc-space-m);
    margin-block-end: var(--_fc-space-s);
  }
  .toolbar label {
    display: grid;
    gap: var(--_fc-space-xs);
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-text-muted);
  }
  input,
  select {
    ${formControl}
    font-size: var(--_fc-font-size-m);
    padding-block: var(--_fc-space-xs);
  }
  input[aria-invalid='true'] {
    ${formControlInvalid}
  }
  .views {
    display: inline-flex;
    gap: var(--_fc-space-xs);
  }
  .views [aria-pressed='true'] {
    border-color: var(--_fc-color-accent);
    background: var(--_fc-color-accent-subtle);
    font-weight: var(--_fc-font-weight-strong);
  }
  .problem {
    color: var(--_fc-color-bad);
    font-weight: var(--_fc-font-weight-strong);
    margin: 0 0 var(--_fc-space-s);
  }
  nav ol {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs);
    margin: 0 0 var(--_fc-space-m);
    padding: 0;
    list-style: none;
  }
  nav li {
    display: inline-flex;
    align-items: center;
    gap: var(--_fc-space-xs);
  }
  nav li + li::before {
    content: '›';
    color: var(--_fc-color-text-muted);
  }
  nav [aria-current] {
    font-weight: var(--_fc-font-weight-strong);
  }
  .crumb,
  .drill {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_fc-color-accent);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .summary dl {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-s) var(--_fc-space-l);
    margin: 0;
  }
  .metric dt {
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-text-muted);
  }
  .metric dd {
    margin: 0;
  }
  .metric .value {
    font-size: var(--_fc-font-size-l);
    font-weight: var(--_fc-font-weight-strong);
  }
  .previous,
  .hint {
    margin-block: var(--_fc-space-xs) var(--_fc-space-s);
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-text-muted);
  }
  .change {
    font-size: var(--_fc-font-size-s);
    white-space: nowrap;
  }
  .change.up .glyph {
    color: var(--_up);
  }
  .change.down .glyph {
    color: var(--_down);
  }
  .chart {
    margin-block: var(--_fc-space-m);
  }
  .table-wrap {
    overflow-x: auto;
  }
  .fc-table th[scope='row'] {
    font-weight: normal;
  }
  tfoot th,
  tfoot td {
    font-weight: var(--_fc-font-weight-strong);
    border-block-end: 0;
  }
  .heatmap td,
  .heatmap th[scope='col'] {
    padding-inline: var(--_fc-space-xs);
    min-inline-size: 2.5em;
  }
  /* The caption and the weekday stay in view while the hours scroll (the heatmap opens on the opening hours). */
  .heatmap-wrap {
    container-type: inline-size;
  }
  .heatmap .caption-text {
    display: inline-block;
    position: sticky;
    inset-inline-start: 0;
    max-inline-size: 100cqi;
  }
  .heatmap th:first-child {
    position: sticky;
    inset-inline-start: 0;
    z-index: 1;
    background: var(--_fc-color-surface);
  }
  /* Shade is the second signal: every cell also shows its count. */
  .shade-1 {
    background: color-mix(in srgb, var(--_heat) 10%, var(--_fc-color-surface));
  }
  .shade-2 {
    background: color-mix(in srgb, var(--_heat) 25%, var(--_fc-color-surface));
  }
  .shade-3 {
    background: color-mix(in srgb, var(--_heat) 45%, var(--_fc-color-surface));
  }
  .shade-4 {
    background: color-mix(in srgb, var(--_heat) 85%, var(--_fc-color-surface));
    color: var(--_fc-color-accent-text);
  }
  .shade-5 {
    background: var(--_heat);
    color: var(--_fc-color-accent-text);
    font-weight: var(--_fc-font-weight-strong);
  }
`;
