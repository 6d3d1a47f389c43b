import { css } from 'lit';

/**
 * The summary's styles. Notes live here rather than as CSS comments, which would ship in the first
 * load of this widget and of the SMS history around it:
 * - `.metric.good`/`.bad`: the words say better or worse; the colour and the edge only repeat it.
 * - `.bars`: the errors chart grows with its categories (at most eight), a fixed height per count,
 *   as a strict-CSP host allows no style attribute.
 */
export const styles = css`
  :host {
    --_bar: var(--fc-sms-summary-bar, var(--_fc-color-accent));
    --_better: var(--fc-sms-summary-better, var(--_fc-color-good));
    --_worse: var(--fc-sms-summary-worse, var(--_fc-color-bad));
    --_warning: var(--fc-sms-summary-warning, var(--_fc-color-warn));
    --_chart-text: var(--fc-sms-summary-chart-text, var(--_fc-color-text-muted));
    --_chart-grid: var(--fc-sms-summary-chart-grid, var(--_fc-color-border));
    --_trend-in: var(--fc-sms-summary-trend-in, var(--_fc-color-text-muted));
    --_trend-out: var(--fc-sms-summary-trend-out, var(--_fc-color-accent));
    --_trend-delivered: var(--fc-sms-summary-trend-delivered, var(--_fc-color-good));
    --_trend-failed: var(--fc-sms-summary-trend-failed, var(--_fc-color-bad));
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
  .range {
    margin-block: 0 var(--_fc-space-m);
    color: var(--_fc-color-text-muted);
  }
  .busy {
    opacity: 0.7;
  }
  .metrics {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr));
    gap: var(--_fc-space-s);
    margin: 0 0 var(--_fc-space-m);
    padding: 0;
    list-style: none;
  }
  .metric {
    position: relative;
    padding-block: var(--_fc-space-s);
    padding-inline: var(--_fc-space-m);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-s);
    background: var(--_fc-color-surface-raised);
  }
  .metric > div {
    display: grid;
    gap: var(--_fc-space-xs);
  }
  .metric .label {
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
  }
  .metric .value {
    font-size: var(--_fc-font-size-l);
    font-weight: var(--_fc-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .metric .change,
  .metric .previous {
    font-size: var(--_fc-font-size-s);
  }
  .metric .previous {
    color: var(--_fc-color-text-muted);
  }
  .metric.good {
    border-inline-start: 4px solid var(--_better);
  }
  .metric.bad {
    border-inline-start: 4px solid var(--_worse);
  }
  .good .change,
  span.good {
    color: var(--_better);
  }
  .bad .change,
  span.bad {
    color: var(--_worse);
  }
  .verdict {
    font-weight: var(--_fc-font-weight-strong);
  }
  .blocking {
    margin-block-end: var(--_fc-space-m);
    padding-block: var(--_fc-space-s);
    padding-inline: var(--_fc-space-m);
    border-inline-start: 4px solid var(--_warning);
    background: var(--_fc-color-warn-subtle);
    overflow-wrap: anywhere;
  }
  .blocking h3 {
    display: flex;
    align-items: center;
    gap: var(--_fc-space-s);
  }
  .blocking .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    color: var(--_warning);
  }
  .blocking ul {
    margin-block: 0 var(--_fc-space-s);
    padding-inline-start: var(--_fc-space-l);
  }
  .blocking p {
    margin: 0;
  }
  .number {
    font-family: var(--_fc-font-family-mono);
    overflow-wrap: anywhere;
  }
  .bars {
    --_chart-height: var(--fc-sms-summary-chart-block-size, var(--_bars-height, 16rem));
    margin-block-end: var(--_fc-space-m);
  }
  .bars[data-rows='1'] {
    --_bars-height: 5.5rem;
  }
  .bars[data-rows='2'] {
    --_bars-height: 8.0rem;
  }
  .bars[data-rows='3'] {
    --_bars-height: 10.5rem;
  }
  .bars[data-rows='4'] {
    --_bars-height: 13.0rem;
  }
  .bars[data-rows='5'] {
    --_bars-height: 15.5rem;
  }
  .bars[data-rows='6'] {
    --_bars-height: 18.0rem;
  }
  .bars[data-rows='7'] {
    --_bars-height: 20.5rem;
  }
  .bars[data-rows='8'] {
    --_bars-height: 23.0rem;
  }
  .trend {
    margin-block-start: var(--_fc-space-l);
  }
  .trend-box {
    --_chart-height: var(--fc-sms-summary-trend-block-size, 16rem);
    margin-block-end: var(--_fc-space-s);
  }
  .trend-details > summary {
    cursor: pointer;
    color: var(--_fc-color-accent);
  }
  .trend-details > summary:focus-visible,
  .trend-details tbody tr:focus-visible {
    outline: var(--_fc-focus-ring);
    outline-offset: var(--_fc-focus-ring-offset);
  }
  .trend-details table {
    margin-block-start: var(--_fc-space-s);
  }
  .trend-details th[scope='colgroup'] {
    text-align: center;
  }
  .blocked-mark {
    font-weight: var(--_fc-font-weight-strong);
    color: var(--_worse);
    white-space: nowrap;
  }
  .blocking .blocked-days {
    margin-block-end: var(--_fc-space-s);
  }
  .table-wrap {
    overflow-x: auto;
  }
  .hint {
    margin-block: var(--_fc-space-xs) 0;
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
  }
  .fc-table th[scope='row'] {
    font-weight: normal;
  }
  .pick {
    padding: 0;
    border: 0;
    background: none;
    color: var(--_fc-color-accent);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .no-errors {
    margin: 0;
    color: var(--_fc-color-text-muted);
  }
`;
