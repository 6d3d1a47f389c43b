import { css } from 'lit';

export const styles = css`
  :host {
    --_met: var(--fc-trade-in-alert-met-color, var(--_fc-color-good));
    --_not-met: var(--fc-trade-in-alert-not-met-color, var(--_fc-color-bad));
    --_accent: var(--fc-trade-in-alert-accent, var(--_fc-color-accent));
    background: var(--_fc-color-surface);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--_fc-radius-m);
    padding: var(--_fc-space-m);
  }
  h2 {
    margin-block: 0 var(--_fc-space-s);
    font-size: var(--_fc-font-size-l);
  }
  p {
    margin-block: 0 var(--_fc-space-xs);
  }
  .vehicle {
    font-weight: var(--_fc-font-weight-strong);
  }
  .vin {
    margin-block-end: var(--_fc-space-s);
    font-size: var(--_fc-font-size-s);
  }
  .vin__label,
  .muted {
    color: var(--_fc-color-text-muted);
  }
  .mono {
    font-family: var(--_fc-font-family-mono);
    overflow-wrap: anywhere;
  }
  .vin__problem {
    color: var(--_fc-color-bad);
  }
  .customer {
    font-weight: var(--_fc-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .customer .muted {
    display: block;
    font-weight: normal;
    font-size: var(--_fc-font-size-s);
  }
  .score,
  .closeness {
    font-weight: var(--_fc-font-weight-strong);
  }
  .reasons {
    margin: 0 0 var(--_fc-space-xs);
    padding-inline-start: var(--_fc-space-m);
    font-size: var(--_fc-font-size-s);
    /* Long model names wrap inside the cell without shrinking the column below its words. */
    overflow-wrap: break-word;
  }
  .criteria {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs) var(--_fc-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--_fc-font-size-s);
  }
  .criterion__mark {
    display: inline-block;
    inline-size: 1em;
    text-align: center;
  }
  .criterion--met {
    color: var(--_met);
  }
  .criterion--not-met {
    color: var(--_not-met);
    font-weight: var(--_fc-font-weight-strong);
  }
  .criterion--not-stated,
  .criterion--unknown {
    color: var(--_fc-color-text-muted);
  }
  /* On a narrow card the customer stays in view and the rank scrolls under it. */
  .fc-scroll > table > * > tr > :first-child {
    position: static;
  }
`;
