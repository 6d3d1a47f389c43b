import { css } from 'lit';
import { formControl } from '../../styles/shared.js';

/**
 * The editor's styles. Notes kept out of the CSS text (it ships as written):
 * - `.notice:empty` stays in the accessibility tree while empty, so the first notice is announced,
 *   but out of the layout.
 * - The table's layout is fixed: column widths come from the colgroup, not from measuring every
 *   cell of 400 rows; it scrolls sideways in its `.fc-scroll` box (shared scroll hint).
 * - Row buttons are inline blocks with one text child each: a block of buttons costs less to lay
 *   out than a flex box each.
 * - A row's code is its header cell's own text (`th.code`), no element around it; a badge in it
 *   (deleted, the shop's own) keeps the widget's type.
 */
export const styles = css`
  :host {
    --_accent: var(--fc-source-mapping-editor-accent, var(--_fc-color-accent));
    --_row-highlight: var(--fc-source-mapping-editor-row-highlight, var(--_fc-color-accent-subtle));
    background: var(--_fc-color-surface);
  }
  .editor {
    display: grid;
    gap: var(--_fc-space-m);
    padding: var(--_fc-space-m);
  }
  h2,
  h3 {
    margin: 0;
  }
  h2 {
    font-size: var(--_fc-font-size-l);
  }
  h3 {
    font-size: var(--_fc-font-size-m);
  }
  p {
    margin: 0;
  }
  .intro,
  .count,
  .hint,
  .muted,
  .label {
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
  }

  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fc-space-s) var(--_fc-space-m);
  }
  .progress__label {
    font-weight: var(--_fc-font-weight-strong);
  }
  .progress__text {
    font-variant-numeric: tabular-nums;
  }
  progress {
    inline-size: min(20rem, 100%);
    block-size: 0.75rem;
    accent-color: var(--_accent);
  }

  .toolbar,
  .toolbar__filters,
  .toolbar__actions,
  .own__forms,
  .own__form,
  .mark__actions,
  .dialog__actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_fc-space-s) var(--_fc-space-m);
  }
  .toolbar {
    justify-content: space-between;
  }
  .field {
    display: grid;
    gap: var(--_fc-space-xs);
    font-size: var(--_fc-font-size-s);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--_fc-space-xs);
    min-block-size: 2rem;
  }
  .input,
  input[type='search'] {
    ${formControl}
    min-block-size: 2rem;
    padding-block: var(--_fc-space-xs);
    max-inline-size: 100%;
  }
  .input[aria-invalid='true'] {
    border-color: var(--_fc-color-bad);
  }
  .field-error {
    color: var(--_fc-color-bad);
    font-size: var(--_fc-font-size-s);
    flex-basis: 100%;
  }
  .field-error:empty {
    display: none;
  }
  .fc-button--primary {
    border-color: var(--_accent);
    background: var(--_accent);
  }
  .fc-button--small {
    min-block-size: 1.75rem;
    padding-inline: var(--_fc-space-s);
    font-size: var(--_fc-font-size-s);
  }
  .notice:empty {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }

  table {
    table-layout: fixed;
    min-inline-size: 52rem;
  }
  .col-code {
    inline-size: 18%;
  }
  .col-name {
    inline-size: 18%;
  }
  .col-category {
    inline-size: 16%;
  }
  .col-customers {
    inline-size: 7rem;
  }
  .col-suggestion {
    inline-size: 22%;
  }
  .col-actions {
    inline-size: 11.5rem;
  }
  .name {
    overflow-wrap: anywhere;
  }
  .code {
    font-family: var(--_fc-font-family-mono);
    font-weight: normal;
    overflow-wrap: anywhere;
  }
  .code .badge {
    font-family: var(--_fc-font-family);
  }
  tbody th {
    font-weight: normal;
  }
  .row--editing > * {
    background: var(--_row-highlight);
  }
  .row--deleted .name,
  .row--deleted .code {
    text-decoration: line-through;
    color: var(--_fc-color-text-muted);
  }
  .row--problem td {
    padding-block-start: 0;
  }
  .actions {
    white-space: nowrap;
  }
  tbody .fc-button {
    display: inline-block;
  }
  .actions .fc-button + .fc-button {
    margin-inline-start: var(--_fc-space-xs);
  }
  .suggestion {
    display: inline-block;
    margin-inline-end: var(--_fc-space-s);
    color: var(--_fc-color-text);
  }

  .badge {
    display: inline-block;
    margin-inline-start: var(--_fc-space-xs);
    padding-inline: var(--_fc-space-s);
    border: var(--_fc-border-width) solid currentColor;
    border-radius: var(--_fc-radius-pill);
    font-size: var(--_fc-font-size-s);
    white-space: nowrap;
  }
  .badge--muted {
    color: var(--_fc-color-text-muted);
  }
  .badge--warn {
    color: var(--_fc-color-warn);
    background: var(--_fc-color-warn-subtle);
  }
  .badge--bad {
    color: var(--_fc-color-bad);
    background: var(--_fc-color-bad-subtle);
  }
  .badge--pending {
    color: var(--_fc-color-text);
    border-style: dashed;
  }
  .badge--accent {
    color: var(--_fc-color-accent);
    background: var(--_fc-color-accent-subtle);
  }

  .mark {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fc-space-s) var(--_fc-space-m);
    padding-block: var(--_fc-space-s);
    padding-inline: var(--_fc-space-m);
    border-inline-start: 4px solid var(--_fc-color-border);
  }
  .mark--conflict {
    border-inline-start-color: var(--_fc-color-warn);
    background: var(--_fc-color-warn-subtle);
  }
  .mark--failed {
    border-inline-start-color: var(--_fc-color-bad);
    background: var(--_fc-color-bad-subtle);
  }
  .mark .detail {
    font-size: var(--_fc-font-size-s);
    overflow-wrap: anywhere;
  }

  .own {
    display: grid;
    gap: var(--_fc-space-s);
    padding-block-start: var(--_fc-space-m);
    border-block-start: var(--_fc-border-width) solid var(--_fc-color-border);
  }
  .categories {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs) var(--_fc-space-m);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .creating {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  dialog {
    max-inline-size: min(32rem, calc(100vw - 2 * var(--_fc-space-m)));
  }
  dialog[open] {
    display: grid;
    gap: var(--_fc-space-m);
  }
`;
