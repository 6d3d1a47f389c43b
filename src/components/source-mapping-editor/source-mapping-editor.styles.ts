import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--fc-source-mapping-editor-accent, var(--fc-color-accent));
    --_row-highlight: var(--fc-source-mapping-editor-row-highlight, var(--fc-color-accent-subtle));
    background: var(--fc-color-surface);
  }
  .editor {
    display: grid;
    gap: var(--fc-space-m);
    padding: var(--fc-space-m);
  }
  h2,
  h3 {
    margin: 0;
  }
  h2 {
    font-size: var(--fc-font-size-l);
  }
  h3 {
    font-size: var(--fc-font-size-m);
  }
  p {
    margin: 0;
  }
  .intro,
  .count,
  .hint,
  .muted,
  .label {
    color: var(--fc-color-text-muted);
    font-size: var(--fc-font-size-s);
  }

  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fc-space-s) var(--fc-space-m);
  }
  .progress__label {
    font-weight: var(--fc-font-weight-strong);
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
    gap: var(--fc-space-s) var(--fc-space-m);
  }
  .toolbar {
    justify-content: space-between;
  }
  .field {
    display: grid;
    gap: var(--fc-space-xs);
    font-size: var(--fc-font-size-s);
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: var(--fc-space-xs);
    min-block-size: 2rem;
  }
  .input,
  input[type='search'] {
    min-block-size: 2rem;
    padding-block: var(--fc-space-xs);
    padding-inline: var(--fc-space-s);
    border: var(--fc-border-width) solid var(--fc-color-border);
    border-radius: var(--fc-radius-s);
    background: var(--fc-color-surface);
    color: var(--fc-color-text);
    font: inherit;
    max-inline-size: 100%;
  }
  .input[aria-invalid='true'] {
    border-color: var(--fc-color-bad);
  }
  .field-error {
    color: var(--fc-color-bad);
    font-size: var(--fc-font-size-s);
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
    padding-inline: var(--fc-space-s);
    font-size: var(--fc-font-size-s);
  }
  /* Kept in the accessibility tree while empty, so the first notice is announced, but out of the layout. */
  .notice:empty {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }

  .table-wrap {
    overflow-x: auto;
  }
  /* Fixed layout: column widths come from the colgroup, not from measuring every cell of 400 rows. */
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
    font-family: var(--fc-font-family-mono);
    font-weight: normal;
    overflow-wrap: anywhere;
  }
  tbody th {
    font-weight: normal;
  }
  .row--editing {
    background: var(--_row-highlight);
  }
  .row--deleted .name,
  .row--deleted .code {
    text-decoration: line-through;
    color: var(--fc-color-text-muted);
  }
  .row--problem td {
    padding-block-start: 0;
  }
  .actions {
    white-space: nowrap;
  }
  /* One text child each: a block of buttons costs less to lay out than a flex box each. */
  tbody .fc-button {
    display: inline-block;
  }
  .actions .fc-button + .fc-button {
    margin-inline-start: var(--fc-space-xs);
  }
  .suggestion {
    display: inline-block;
    margin-inline-end: var(--fc-space-s);
    color: var(--fc-color-text);
  }

  .badge {
    display: inline-block;
    margin-inline-start: var(--fc-space-xs);
    padding-inline: var(--fc-space-s);
    border: var(--fc-border-width) solid currentColor;
    border-radius: var(--fc-radius-pill);
    font-size: var(--fc-font-size-s);
    white-space: nowrap;
  }
  .badge--muted {
    color: var(--fc-color-text-muted);
  }
  .badge--warn {
    color: var(--fc-color-warn);
    background: var(--fc-color-warn-subtle);
  }
  .badge--bad {
    color: var(--fc-color-bad);
    background: var(--fc-color-bad-subtle);
  }
  .badge--pending {
    color: var(--fc-color-text);
    border-style: dashed;
  }
  .badge--accent {
    color: var(--fc-color-accent);
    background: var(--fc-color-accent-subtle);
  }

  .mark {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fc-space-s) var(--fc-space-m);
    padding-block: var(--fc-space-s);
    padding-inline: var(--fc-space-m);
    border-inline-start: 4px solid var(--fc-color-border);
  }
  .mark--conflict {
    border-inline-start-color: var(--fc-color-warn);
    background: var(--fc-color-warn-subtle);
  }
  .mark--failed {
    border-inline-start-color: var(--fc-color-bad);
    background: var(--fc-color-bad-subtle);
  }
  .mark .detail {
    font-size: var(--fc-font-size-s);
    overflow-wrap: anywhere;
  }

  .own {
    display: grid;
    gap: var(--fc-space-s);
    padding-block-start: var(--fc-space-m);
    border-block-start: var(--fc-border-width) solid var(--fc-color-border);
  }
  .categories {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fc-space-xs) var(--fc-space-m);
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
    max-inline-size: min(32rem, calc(100vw - 2 * var(--fc-space-m)));
  }
  dialog[open] {
    display: grid;
    gap: var(--fc-space-m);
  }
`;
