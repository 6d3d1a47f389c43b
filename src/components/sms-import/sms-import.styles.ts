import { css } from 'lit';

export const styles = css`
  :host {
    --_drop-border: var(--fc-sms-import-drop-border, var(--fc-color-border));
    --_drop-active: var(--fc-sms-import-drop-active, var(--fc-color-accent));
    --_drop-background: var(--fc-sms-import-drop-background, var(--fc-color-surface));
    --_progress: var(--fc-sms-import-progress, var(--fc-color-accent));
    background: var(--fc-color-surface);
    border: var(--fc-border-width) solid var(--fc-color-border);
    border-radius: var(--fc-radius-m);
    padding: var(--fc-space-m);
  }
  h2,
  h3 {
    margin-block: 0 var(--fc-space-s);
    font-size: var(--fc-font-size-l);
  }
  h3 {
    font-size: var(--fc-font-size-m);
  }
  p {
    margin-block: 0 var(--fc-space-s);
  }
  .drop {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--fc-space-s) var(--fc-space-m);
    padding: var(--fc-space-l);
    border: 2px dashed var(--_drop-border);
    border-radius: var(--fc-radius-m);
    background: var(--_drop-background);
  }
  .drop p {
    margin: 0;
  }
  /* Solid border and tint as well as colour, so the change does not rest on colour alone. */
  .drop--active {
    border-style: solid;
    border-color: var(--_drop-active);
    background: var(--fc-color-accent-subtle);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fc-space-s);
    margin-block: var(--fc-space-m) 0;
  }
  .progress {
    display: grid;
    gap: var(--fc-space-xs);
    margin-block: var(--fc-space-s);
  }
  progress {
    inline-size: 100%;
    block-size: 0.75rem;
    accent-color: var(--_progress);
  }
  .result {
    font-weight: var(--fc-font-weight-strong);
  }
  .preview {
    overflow-x: auto;
    margin-block: var(--fc-space-s);
  }
  .preview caption {
    font-size: var(--fc-font-size-s);
    color: var(--fc-color-text-muted);
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
    margin-block-start: var(--fc-space-m);
    padding-inline-start: var(--fc-space-m);
    border-inline-start: 4px solid var(--fc-color-warn);
  }
  .errors ul {
    margin: 0;
    padding-inline-start: var(--fc-space-l);
    max-block-size: 16rem;
    overflow-y: auto;
  }
  .errors .where {
    font-weight: var(--fc-font-weight-strong);
  }
  .errors .why {
    overflow-wrap: anywhere;
  }
  .file-error {
    color: var(--fc-color-bad);
    font-weight: var(--fc-font-weight-strong);
  }
`;
