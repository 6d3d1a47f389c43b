import { css } from 'lit';

/**
 * The gauge's box, readout and drawing, and the compact layout: loaded with the gauge
 * (`lead-clock.gauge.ts`) and adopted into each clock's shadow root before its first render
 * (clocks render once the gauge has loaded). Should the module fail to load, the clocks are text:
 * the card's own styles, with the readout as plain lines.
 */
export const gaugeStyles = css`
  :host {
    --_gauge-size: var(--fc-lead-clock-gauge-size, 15rem);
    --_digits-size: calc(var(--_fc-font-size-l) * 1.4);
    --_track: var(--fc-lead-clock-track, var(--_fc-color-border));
    --_tick: var(--fc-lead-clock-tick, var(--_fc-color-text));
  }
  :host([size='compact']) {
    --_gauge-size: var(--fc-lead-clock-gauge-size, 8.5rem);
    --_digits-size: var(--_fc-font-size-s);
    contain-intrinsic-size: auto 7rem;
  }
  /* A box of fixed size whose drawing sits behind the readout, which stays in block flow, so the
     digits' box inside it remains a relayout boundary. */
  .gauge {
    position: relative;
    contain: strict;
    /* Narrower than its size in a narrow clock (a phone), never wider than the card. */
    container-type: inline-size;
    inline-size: min(var(--_gauge-size), 100%);
    aspect-ratio: 160 / 108;
    text-align: center;
    justify-self: center;
  }
  .readout {
    position: relative;
    padding-block-start: calc(100cqi * 0.28);
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
    padding-block-start: calc(100cqi * 0.3);
  }
  :host([size='compact']) .readout .label {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .overdue-note {
    display: none;
    color: var(--_red);
    font-weight: var(--_fc-font-weight-strong);
  }
  :host([size='compact']) .overdue-note {
    display: block;
  }
  .readout .countdown {
    margin: 0;
    font-size: var(--_digits-size);
  }
  :host([size='compact']) .clock {
    grid-template-columns: auto minmax(0, 1fr);
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
  .glyph--paused {
    fill: var(--_fc-color-text-muted);
    stroke: none;
  }
  .glyph--overdue {
    stroke: var(--_red);
  }
  .glyph--overdue circle {
    fill: var(--_red);
    stroke: none;
  }
  :host([size='compact']) .tick-label {
    display: none;
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
  .state-icon--paused,
  .state-icon circle {
    fill: currentColor;
    stroke: none;
  }
  .state-icon--met {
    color: var(--_green);
  }
  .state-icon--missed {
    color: var(--_red);
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
    .glyph--paused,
    .glyph--overdue circle {
      fill: CanvasText;
    }
    .state-icon {
      color: CanvasText;
    }
  }
`;
