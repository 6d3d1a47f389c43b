import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { describeError } from '../shared/states.js';
import { msg } from '../shared/messages.js';
import { t } from './mapping-warning.messages.js';

/** While the status is read: heard by a screen reader, taking no room on the page. */
export function checkingView(): TemplateResult {
  return html`<span class="fc-visually-hidden" role="status">${t('checking')}</span>`;
}

/** The status could not be read: a small inline note (not the modal prompt) with Retry. */
export function checkFailedView(error: unknown, retry: () => unknown): TemplateResult {
  const { message, detail, retryable } = describeError(error);
  return html`<div class="fc-state fc-state--error" part="state error">
    <div role="status">
      <p class="fc-state__message">${t('checkFailed', message)}</p>
      ${detail && detail !== message ? html`<p class="fc-state__detail">${detail}</p>` : nothing}
    </div>
    ${retryable
      ? html`<button type="button" class="fc-button" part="retry-button" @click=${() => void retry()}>${msg('retry')}</button>`
      : nothing}
  </div>`;
}
