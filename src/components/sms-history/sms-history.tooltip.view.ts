/**
 * The error tooltip's content, styles and placement, loaded with `import()` the first time an
 * error is shown (with the errors' definitions and advice), not with the widget. It is handed what
 * it formats with, so it imports nothing of the widget.
 */
import { css, html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { SmsErrorTexts } from '../../data/logic/sms-error-texts.js';
import type { SmsErrorTitle } from '../../data/logic/sms-error-titles.js';

/** The tooltip's box: in the top layer, placed in the viewport by {@link placeTip}. */
export const tipStyles = css`
  .tip {
    position: fixed;
    inset: auto;
    margin: 0;
    max-inline-size: min(24rem, 90vw);
    color: var(--_fc-color-text);
    padding: var(--_fc-space-s) var(--_fc-space-m);
    border: var(--_fc-border-width) solid var(--_fc-color-border);
    border-radius: var(--_fc-radius-s);
    background: var(--_fc-color-surface);
    box-shadow: var(--_fc-shadow);
    font-size: var(--_fc-font-size-s);
  }
  .tip[hidden] {
    display: none;
  }
  .tip p {
    margin: 0 0 var(--_fc-space-xs);
  }
  .tip p:last-child {
    margin: 0;
  }
  .tip strong {
    display: block;
  }
`;

/** What the tooltip shows: an error's code, title and category, and its texts (or why they are missing). */
export function tipView(
  info: SmsErrorTitle | null,
  texts: SmsErrorTexts | null,
  words: { category: (info: SmsErrorTitle) => string; missing: string },
): TemplateResult {
  return html`<div class="tip" part="tooltip" id="error-tip" role="tooltip" popover="manual" ?hidden=${!info}>
    ${info
      ? html`<strong>${info.code} · ${info.title} (${words.category(info)})</strong>
          ${texts
            ? html`<p>${texts.definition}</p>
                <p>${texts.advice}</p>`
            : html`<p>${words.missing}</p>`}`
      : nothing}
  </div>`;
}

/**
 * Shows the tooltip under its error cell, or above it when the viewport has no room below (a
 * layout read, only while the tooltip shows); hides it without a cell.
 * @returns Whether the tooltip shows.
 */
export function placeTip(tipEl: HTMLElement, cell: HTMLElement | null): boolean {
  if (!cell) {
    if (tipEl.matches(':popover-open')) tipEl.hidePopover();
    return false;
  }
  cell.setAttribute('aria-describedby', 'error-tip');
  if (!tipEl.matches(':popover-open')) tipEl.showPopover();
  const at = cell.getBoundingClientRect();
  const view = document.documentElement;
  const below = at.bottom + 2;
  const top = below + tipEl.offsetHeight <= view.clientHeight ? below : Math.max(0, at.top - 2 - tipEl.offsetHeight);
  tipEl.style.setProperty('top', `${top}px`);
  tipEl.style.setProperty('left', `${Math.max(0, Math.min(at.left, view.clientWidth - tipEl.offsetWidth))}px`);
  return true;
}
