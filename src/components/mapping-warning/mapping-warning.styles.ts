import { css } from 'lit';

export const styles = css`
  :host {
    --_accent: var(--fc-mapping-warning-accent, var(--fc-color-warn));
    --_inline-size: var(--fc-mapping-warning-inline-size, 34rem);
    --_backdrop: var(--fc-mapping-warning-backdrop, rgb(0 0 0 / 0.45));
  }

  dialog {
    inline-size: min(var(--_inline-size), calc(100vw - 2 * var(--fc-space-m)));
    border-block-start: 4px solid var(--_accent);
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
