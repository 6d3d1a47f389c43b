import { css } from 'lit';

/** The prompt's styles. The icon repeats what the heading says, so colour is never the only signal. */
export const styles = css`
  :host {
    --_accent: var(--fc-mapping-warning-accent, var(--_fc-color-warn));
    --_inline-size: var(--fc-mapping-warning-inline-size, 34rem);
    --_backdrop: var(--fc-mapping-warning-backdrop, rgb(0 0 0 / 0.45));
  }

  dialog {
    inline-size: var(--_inline-size);
    border-block-start: 4px solid var(--_accent);
  }
  dialog::backdrop {
    background: var(--_backdrop);
  }

  .heading {
    display: flex;
    align-items: baseline;
    gap: var(--_fc-space-s);
    margin: 0 0 var(--_fc-space-s);
    font-size: var(--_fc-font-size-l);
    font-weight: var(--_fc-font-weight-strong);
  }
  .icon {
    color: var(--_accent);
  }
  .message {
    margin: 0 0 var(--_fc-space-m);
  }
  .remember {
    display: inline-flex;
    align-items: center;
    gap: var(--_fc-space-s);
    margin-block-end: var(--_fc-space-m);
    cursor: pointer;
  }
  .remember input {
    inline-size: 1rem;
    block-size: 1rem;
    margin: 0;
    accent-color: var(--_fc-color-accent);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: var(--_fc-space-s);
  }
`;
