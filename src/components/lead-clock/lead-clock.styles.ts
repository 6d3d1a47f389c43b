import { css } from 'lit';

export const styles = css`
  :host {
    --_green: var(--fc-lead-clock-green, var(--_fc-color-good));
    --_yellow: var(--fc-lead-clock-yellow, var(--_fc-color-warn));
    --_red: var(--fc-lead-clock-red, var(--_fc-color-bad));
    --_grade: var(--_green);
    --_track: var(--fc-lead-clock-track, var(--_fc-color-border));
    --_tick: var(--fc-lead-clock-tick, var(--_fc-color-text));
    --_gauge-size: var(--fc-lead-clock-gauge-size, 15rem);
    --_digits-size: calc(var(--_fc-font-size-l) * 1.4);
    display: block;
    /* A page of many clocks renders only those near the viewport; the others keep their text
       current (for screen readers and find-in-page) without being laid out every second. */
    content-visibility: auto;
    contain-intrinsic-size: auto 20rem;
  }
  :host([size='compact']) {
    --_gauge-size: var(--fc-lead-clock-gauge-size, 8.5rem);
    --_digits-size: var(--_fc-font-size-s);
    contain-intrinsic-size: auto 7rem;
  }
  .clock {
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-inline-start: 4px solid var(--_grade);
    border-radius: var(--_fc-radius-m);
    background: var(--_fc-color-surface);
    padding-block: var(--_fc-space-s);
    padding-inline: var(--_fc-space-m);
    display: grid;
    gap: var(--_fc-space-xs);
  }
  .clock--yellow {
    --_grade: var(--_yellow);
  }
  .clock--red {
    --_grade: var(--_red);
  }
  p,
  ul {
    margin: 0;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_fc-space-xs) var(--_fc-space-s);
    align-items: baseline;
  }
  .oem {
    font-weight: var(--_fc-font-weight-strong);
  }
  .customer,
  .due,
  .note,
  .paused {
    color: var(--_fc-color-text-muted);
  }
  /* The gauge: a box of fixed size whose drawing sits behind the readout, which stays in block
     flow so the digits' box below remains a relayout boundary. */
  .gauge {
    position: relative;
    contain: strict;
    inline-size: var(--_gauge-size);
    block-size: calc(var(--_gauge-size) * 108 / 160);
    text-align: center;
  }
  .meter,
  .dial {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
  }
  .dial {
    overflow: visible;
    fill: none;
    stroke-linecap: butt;
  }
  .track {
    stroke: var(--_track);
    stroke-width: 9;
  }
  .band {
    stroke-width: 3;
  }
  .band--green {
    stroke: var(--_green);
  }
  .band--yellow {
    stroke: var(--_yellow);
  }
  .band--red {
    stroke: var(--_red);
  }
  .fill {
    stroke: var(--_grade);
    stroke-width: 9;
  }
  @media (prefers-reduced-motion: no-preference) {
    .fill {
      transition: stroke-dashoffset var(--_fc-duration-fast) linear;
    }
  }
  .clock--paused .fill {
    opacity: 0.55;
  }
  .tick,
  .stop-mark {
    stroke: var(--_tick);
    stroke-width: 1.5;
  }
  .stop-mark {
    stroke-width: 3;
  }
  .tick-label {
    fill: var(--_fc-color-text-muted);
    stroke: none;
    font-size: 9px;
  }
  .overflow {
    fill: var(--_red);
    stroke: none;
  }
  .glyph {
    stroke: var(--_grade);
    stroke-width: 3;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .glyph--paused,
  .glyph--overdue circle {
    fill: var(--_fc-color-text-muted);
    stroke: none;
  }
  .glyph--paused {
    fill: var(--_fc-color-text-muted);
  }
  .glyph--overdue circle {
    fill: var(--_red);
  }
  .glyph--overdue {
    stroke: var(--_red);
  }
  .gauge {
    justify-self: center;
  }
  .readout {
    position: relative;
    padding-block-start: calc(var(--_gauge-size) * 0.28);
  }
  .readout .label {
    display: block;
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-text-muted);
  }
  .elapsed {
    display: inline-block;
    font-size: var(--_digits-size);
    font-variant-numeric: tabular-nums;
    font-weight: var(--_fc-font-weight-strong);
    line-height: 1.5;
  }
  :host([size='compact']) .readout {
    padding-block-start: calc(var(--_gauge-size) * 0.3);
  }
  /* The compact gauge has no room for its label: screen readers still read it, and the
     "Overdue" note beside the gauge says it for the eye. */
  :host([size='compact']) .readout .label {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  :host([size='compact']) .tick-label {
    display: none;
  }
  .overdue-note {
    display: none;
    color: var(--_red);
    font-weight: var(--_fc-font-weight-strong);
  }
  :host([size='compact']) .overdue-note {
    display: block;
  }
  .state-icon {
    inline-size: 1em;
    block-size: 1em;
    vertical-align: -0.125em;
    margin-inline-end: var(--_fc-space-xs);
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .state-icon--paused {
    fill: currentColor;
    stroke: none;
  }
  .state-icon--met {
    color: var(--_green);
  }
  .state-icon--missed {
    color: var(--_red);
  }
  .state-icon--overdue circle {
    fill: currentColor;
    stroke: none;
  }
  .countdown {
    /* A box of fixed size whose contents nothing outside depends on, in block flow (a flex or
       grid item would not be): the digits changing every second lay out this box alone, not the
       clock or the page around it. */
    display: inline-block;
    vertical-align: middle;
    contain: strict;
    inline-size: 9ch;
    block-size: 1.5em;
    line-height: 1.5;
    font-size: var(--_digits-size);
    font-variant-numeric: tabular-nums;
    font-weight: var(--_fc-font-weight-strong);
  }
  .clock--overdue .countdown,
  .clock--overdue .label {
    color: var(--_red);
  }
  .grade {
    display: inline-flex;
    align-items: center;
    gap: var(--_fc-space-xs);
    justify-self: start;
    padding-inline: var(--_fc-space-s);
    border: var(--_fc-border-width) solid var(--_grade);
    border-radius: var(--_fc-radius-pill);
    font-size: var(--_fc-font-size-s);
  }
  .grade__icon {
    display: inline-grid;
    place-items: center;
    inline-size: 1.1em;
    block-size: 1.1em;
    border-radius: 50%;
    background: var(--_grade);
    color: var(--_fc-color-surface);
    font-weight: var(--_fc-font-weight-strong);
    line-height: 1;
  }
  .consequences {
    padding-inline-start: var(--_fc-space-m);
  }
  .consequence--reassigned {
    color: var(--_red);
  }
  .rule {
    font-size: var(--_fc-font-size-s);
  }
  .rule summary {
    cursor: pointer;
    color: var(--_fc-color-text-muted);
    inline-size: fit-content;
  }
  .rule ul {
    padding-inline-start: var(--_fc-space-m);
  }
  :host([size='compact']) .clock {
    grid-template-columns: auto 1fr;
    column-gap: var(--_fc-space-m);
    align-items: start;
  }
  :host([size='compact']) .clock > * {
    grid-column: 2;
  }
  :host([size='compact']) .gauge {
    justify-self: start;
    grid-column: 1;
    grid-row: 1 / span 6;
  }
  :host([size='compact']) .rule {
    display: none;
  }
  @media (forced-colors: active) {
    .dial,
    .state-icon {
      forced-color-adjust: none;
    }
    .track {
      stroke: GrayText;
    }
    .fill,
    .band {
      stroke: Highlight;
    }
    .tick,
    .stop-mark,
    .glyph,
    .glyph--overdue {
      stroke: CanvasText;
    }
    .tick-label,
    .overflow,
    .state-icon--overdue circle,
    .glyph--paused,
    .glyph--overdue circle,
    .state-icon--paused {
      fill: CanvasText;
    }
    .state-icon {
      stroke: CanvasText;
      color: CanvasText;
    }
  }
`;
