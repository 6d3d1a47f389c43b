import { css } from 'lit';
import { formControl } from '../../styles/shared.js';

export const styles = css`
  :host {
    --_restored-color: var(--fc-deleted-customers-restored-color, var(--_fc-color-good));
    --_pending-color: var(--fc-deleted-customers-pending-color, var(--_fc-color-text-muted));
    --_error-color: var(--fc-deleted-customers-error-color, var(--_fc-color-bad));
    --_checked-background: var(--fc-deleted-customers-checked-background, var(--_fc-color-accent-subtle));
    background: var(--_fc-color-surface);
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--_fc-space-s) var(--_fc-space-l);
    margin-block-end: var(--_fc-space-s);
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  .range fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_fc-space-s);
  }
  label > span:first-child {
    display: block;
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-text-muted);
  }
  input[type='date'],
  input[type='search'] {
    ${formControl}
    min-block-size: 2rem;
  }
  input[type='search'] {
    inline-size: min(20rem, 100%);
  }
  input[aria-invalid='true'] {
    border-color: var(--_error-color);
  }
  input[type='checkbox'] {
    inline-size: 1.125rem;
    block-size: 1.125rem;
    margin: 0;
    accent-color: var(--_fc-color-accent);
  }
  .range-error:empty,
  .nothing:empty {
    display: none;
  }
  .range-error,
  .nothing {
    margin: var(--_fc-space-xs) 0 0;
    color: var(--_error-color);
    font-weight: var(--_fc-font-weight-strong);
  }
  .search {
    flex: 0 1 20rem;
  }
  .toolbar {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fc-space-s);
    padding-block: var(--_fc-space-s);
    background: var(--_fc-color-surface);
  }
  /* Focusable while there is nothing to restore (focus comes back here after a restore), but inert. */
  .restore[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  .checked-count {
    flex: 1 1 12rem;
    margin: 0;
  }
  .counts {
    margin: 0 0 var(--_fc-space-s);
    color: var(--_fc-color-text-muted);
    font-size: var(--_fc-font-size-s);
  }
  .wrap {
    --_sticky-start: 3rem;
  }
  /* Fixed layout: widths from the colgroup, not from measuring a few hundred rows. */
  .fc-table {
    table-layout: fixed;
    min-inline-size: 58rem;
  }
  .fc-table th,
  .fc-table td {
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  .col-check {
    inline-size: 3rem;
  }
  .col-customer {
    inline-size: 19%;
  }
  .col-deleted {
    inline-size: 15%;
  }
  .col-by {
    inline-size: 11%;
  }
  .col-why {
    inline-size: 15%;
  }
  .col-removed {
    inline-size: 20%;
  }
  .col-status {
    inline-size: 20%;
  }
  tr.checked > * {
    background: var(--_checked-background);
  }
  .name {
    display: block;
    font-weight: var(--_fc-font-weight-strong);
  }
  .contact {
    display: block;
    font-weight: normal;
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-text-muted);
  }
  .muted {
    color: var(--_fc-color-text-muted);
  }
  .fields {
    margin: 0;
    padding-inline-start: var(--_fc-space-m);
    font-size: var(--_fc-font-size-s);
  }
  .field-name {
    color: var(--_fc-color-text-muted);
  }
  .status {
    display: inline-flex;
    gap: var(--_fc-space-xs);
    align-items: baseline;
    font-weight: var(--_fc-font-weight-strong);
  }
  .status--restored {
    color: var(--_restored-color);
  }
  .status--already {
    color: var(--_fc-color-text);
  }
  .status--pending {
    color: var(--_pending-color);
    font-style: italic;
  }
  .status--failed {
    color: var(--_error-color);
  }
  .more {
    display: flex;
    justify-content: center;
    padding-block: var(--_fc-space-m);
  }
  dialog {
    inline-size: min(36rem, calc(100vw - 2 * var(--_fc-space-m)));
    max-block-size: calc(100vh - 2 * var(--_fc-space-l));
    padding: var(--_fc-space-m);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-m);
    background: var(--_fc-color-surface);
    color: var(--_fc-color-text);
  }
  dialog h2 {
    margin-block: 0 var(--_fc-space-s);
    font-size: var(--_fc-font-size-l);
  }
  dialog p {
    margin-block: 0 var(--_fc-space-s);
  }
  .names {
    margin-block: 0 var(--_fc-space-m);
  }
  .leftover {
    margin-block-end: var(--_fc-space-m);
    padding: var(--_fc-space-s);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-s);
  }
  .leftover legend {
    padding-inline: var(--_fc-space-xs);
    font-weight: var(--_fc-font-weight-strong);
  }
  .choice {
    display: flex;
    gap: var(--_fc-space-s);
    align-items: baseline;
    padding-block: var(--_fc-space-xs);
  }
  .warn {
    color: var(--_error-color);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-s);
  }
  .related {
    margin-block: 0 var(--_fc-space-xs);
    font-size: var(--_fc-font-size-s);
  }
  .skipped {
    display: block;
    font-size: var(--_fc-font-size-s);
    color: var(--_error-color);
  }
  .outcome,
  .log {
    margin-block: var(--_fc-space-s);
    padding: var(--_fc-space-s);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-s);
  }
  .outcome h2,
  .log h2 {
    margin-block: 0 var(--_fc-space-s);
    font-size: var(--_fc-font-size-m);
  }
  .outcome ul {
    margin-block: 0 var(--_fc-space-s);
    padding-inline-start: 0;
    list-style: none;
  }
  .outcome .icon {
    color: var(--_restored-color);
  }
  .outcome .skipped .icon {
    color: var(--_error-color);
  }
  .log-fields {
    display: block;
    font-size: var(--_fc-font-size-s);
  }
`;
