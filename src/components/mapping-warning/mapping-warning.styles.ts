import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--fc-mapping-warning-accent, var(--fc-color-warn));
    --_inline-size: var(--fc-mapping-warning-inline-size, 34rem);
    --_backdrop: var(--fc-mapping-warning-backdrop, rgb(0 0 0 / 0.45));
  }

  dialog {
    box-sizing: border-box;
    inline-size: min(var(--_inline-size), calc(100vw - 2 * var(--fc-space-m)));
    max-block-size: calc(100dvh - 2 * var(--fc-space-m));
    padding: var(--fc-space-l);
    border: var(--fc-border-width) solid var(--fc-color-border);
    border-block-start: 4px solid var(--_accent);
    border-radius: var(--fc-radius-m);
    background: var(--fc-color-surface);
    color: var(--fc-color-text);
    box-shadow: var(--fc-shadow);
    font-family: var(--fc-font-family);
    font-size: var(--fc-font-size-m);
    line-height: var(--fc-line-height);
  }
  dialog::backdrop {
    background: var(--_backdrop);
  }

  .heading {
    display: flex;
    align-items: baseline;
    gap: var(--fc-space-s);
    margin: 0 0 var(--fc-space-s);
    font-size: var(--fc-font-size-l);
    font-weight: var(--fc-font-weight-strong);
  }
  /* The icon repeats what the heading says, so colour is never the only signal. */
  .icon {
    color: var(--_accent);
  }
  .message {
    margin: 0 0 var(--fc-space-m);
  }
  .remember {
    display: inline-flex;
    align-items: center;
    gap: var(--fc-space-s);
    margin-block-end: var(--fc-space-m);
    cursor: pointer;
  }
  .remember input {
    inline-size: 1rem;
    block-size: 1rem;
    margin: 0;
    accent-color: var(--fc-color-accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--fc-space-s);
  }
`;
