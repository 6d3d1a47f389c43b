import { css } from 'lit';

export const styles = css`
  :host {
    --_met: var(--fc-trade-in-alert-met-color, var(--fc-color-good));
    --_not-met: var(--fc-trade-in-alert-not-met-color, var(--fc-color-bad));
    --_accent: var(--fc-trade-in-alert-accent, var(--fc-color-accent));
    background: var(--fc-color-surface);
    border: var(--fc-border-width) solid var(--fc-color-border);
    border-inline-start: 4px solid var(--_accent);
    border-radius: var(--fc-radius-m);
    padding: var(--fc-space-m);
  }
  h2 {
    margin-block: 0 var(--fc-space-s);
    font-size: var(--fc-font-size-l);
  }
  p {
    margin-block: 0 var(--fc-space-xs);
  }
  .vehicle {
    font-weight: var(--fc-font-weight-strong);
  }
  .vin {
    margin-block-end: var(--fc-space-s);
    font-size: var(--fc-font-size-s);
  }
  .vin__label,
  .muted {
    color: var(--fc-color-text-muted);
  }
  .mono {
    font-family: var(--fc-font-family-mono);
    overflow-wrap: anywhere;
  }
  .vin__problem {
    color: var(--fc-color-bad);
  }
  .customer {
    font-weight: var(--fc-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .customer .muted {
    display: block;
    font-weight: normal;
    font-size: var(--fc-font-size-s);
  }
  .score {
    font-weight: var(--fc-font-weight-strong);
  }
  .criteria {
    display: flex;
    flex-wrap: wrap;
    gap: var(--fc-space-xs) var(--fc-space-s);
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: var(--fc-font-size-s);
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
    font-weight: var(--fc-font-weight-strong);
  }
  .criterion--not-stated,
  .criterion--unknown {
    color: var(--fc-color-text-muted);
  }
`;
