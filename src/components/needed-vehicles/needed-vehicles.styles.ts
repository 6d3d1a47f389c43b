import { css } from 'lit';
import { formControl } from '../../styles/shared.js';

export const styles = css`
  :host {
    --_buyers-bg: var(--fc-needed-vehicles-buyers-background, var(--_fc-color-accent-subtle));
    --_buyers-fg: var(--fc-needed-vehicles-buyers-color, var(--_fc-color-text));
    background: var(--_fc-color-surface);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-m);
    box-shadow: var(--_fc-shadow);
    padding: var(--_fc-space-m);
  }
  h2 {
    margin-block: 0 var(--_fc-space-xs);
    font-size: var(--_fc-font-size-l);
  }
  p {
    margin-block: 0 var(--_fc-space-s);
  }
  .intro,
  .partial {
    color: var(--_fc-color-text-muted);
  }
  .summary {
    font-weight: var(--_fc-font-weight-strong);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: var(--_fc-space-s) var(--_fc-space-m);
    margin-block-end: var(--_fc-space-m);
  }
  .toolbar label {
    display: grid;
    gap: var(--_fc-space-xs);
    font-size: var(--_fc-font-size-s);
    color: var(--_fc-color-text-muted);
  }
  input[type='search'] {
    ${formControl}
    padding-block: var(--_fc-space-xs);
    min-inline-size: 16rem;
  }
  .group {
    margin-block-end: var(--_fc-space-l);
  }
  .group h3 {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_fc-space-s);
    margin-block: 0 var(--_fc-space-xs);
    font-size: var(--_fc-font-size-m);
  }
  .group__buyers {
    padding-inline: var(--_fc-space-s);
    border-radius: var(--_fc-radius-pill);
    background: var(--_buyers-bg);
    color: var(--_buyers-fg);
    font-size: var(--_fc-font-size-s);
  }
  /* On a phone the columns scroll sideways inside the widget instead of running off the page
     (scrollHintStyles: the customer stays in view, a hint says more columns follow); the box
     takes focus while it scrolls, so the keyboard can scroll it too. */
  .table-wrap:focus-visible {
    outline: var(--_fc-focus-ring);
  }
  .group th[scope='row'] {
    font-weight: normal;
    /* A name breaks between words; only a single over-long word is broken. */
    overflow-wrap: break-word;
  }
  /* A date is one unit: "Aug 31, 2026" never splits over two lines. */
  .group td.since {
    white-space: nowrap;
  }
  /* A follow-up mark is one run ("Follow-up due (no contact in 9 days)"), its actions under it:
     rows stay two lines high and the list short. */
  .group td.follow {
    font-size: var(--_fc-font-size-s);
  }
  .follow > :first-child {
    display: block;
    white-space: nowrap;
  }
  .toolbar .check {
    display: flex;
    align-items: center;
    gap: var(--_fc-space-xs);
    color: inherit;
    font-size: var(--_fc-font-size-m);
  }
  .print-only {
    display: none;
  }

  @media print {
    :host {
      border: none;
      box-shadow: none;
      padding: 0;
      background: none;
      color: #000;
    }
    .toolbar,
    button,
    .fc-button,
    .intro {
      display: none !important;
    }
    /* The auction list: who follows up whom stays on the screen. */
    .follow,
    .follow > * {
      display: none !important;
    }
    .print-only {
      display: block;
      font-size: var(--_fc-font-size-s);
    }
    .table-wrap {
      overflow: visible;
      mask-image: none;
    }
    .fc-scroll-hint {
      display: none;
    }
    .group {
      break-inside: avoid;
      page-break-inside: avoid;
      margin-block-end: var(--_fc-space-m);
    }
    .group h3 {
      break-after: avoid;
      page-break-after: avoid;
    }
    .group__buyers {
      background: none;
      border: 1px solid currentColor;
      color: inherit;
    }
    thead {
      display: table-header-group;
    }
    tr {
      break-inside: avoid;
    }
    * {
      box-shadow: none !important;
    }
  }
`;
