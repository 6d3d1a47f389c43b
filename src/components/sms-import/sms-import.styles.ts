import { css } from 'lit';

export const styles = css`
  :host {
    --_drop-border: var(--fc-sms-import-drop-border, var(--_fc-color-border));
    --_drop-active: var(--fc-sms-import-drop-active, var(--_fc-color-accent));
    --_drop-background: var(--fc-sms-import-drop-background, var(--_fc-color-surface));
    --_progress: var(--fc-sms-import-progress, var(--_fc-color-accent));
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
  p {
    margin-block: 0 var(--_fc-space-s);
  }
  .drop {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_fc-space-s) var(--_fc-space-m);
    padding: var(--_fc-space-l);
    border: 2px dashed var(--_drop-border);
    border-radius: var(--_fc-radius-m);
    background: var(--_drop-background);
  }
  .drop p {
    margin: 0;
  }
  /* Solid border and tint as well as colour, so the change does not rest on colour alone. */
  .drop--active {
    border-style: solid;
    border-color: var(--_drop-active);
    background: var(--_fc-color-accent-subtle);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-s);
    margin-block: var(--_fc-space-m) 0;
  }
  .progress {
    display: grid;
    gap: var(--_fc-space-xs);
    margin-block: var(--_fc-space-s);
  }
  progress {
    inline-size: 100%;
    block-size: 0.75rem;
    accent-color: var(--_progress);
  }
  .result {
    font-weight: var(--_fc-font-weight-strong);
  }
  .preview {
    overflow-x: auto;
    margin-block: var(--_fc-space-s);
  }
  .preview caption {
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-text-muted);
  }
  .nowrap {
    white-space: nowrap;
  }
  .body {
    min-inline-size: 12rem;
    white-space: pre-line;
    overflow-wrap: anywhere;
  }
  .errors {
    margin-block-start: var(--_fc-space-m);
    padding-inline-start: var(--_fc-space-m);
    border-inline-start: 4px solid var(--_fc-color-warn);
  }
  .errors ul {
    margin: 0;
    padding-inline-start: var(--_fc-space-l);
    max-block-size: 16rem;
    overflow-y: auto;
  }
  .errors .where {
    font-weight: var(--_fc-font-weight-strong);
  }
  .errors .why {
    overflow-wrap: anywhere;
  }
  .file-error {
    color: var(--_fc-color-bad);
    font-weight: var(--_fc-font-weight-strong);
  }
`;
