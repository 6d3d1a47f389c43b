import { defineElement } from '../shared/define-element.js';
import { FcSmsSummary } from './sms-summary.element.js';

export { FcSmsSummary };
export * from './sms-summary.events.js';

defineElement('fc-sms-summary', FcSmsSummary);

declare global {
  interface HTMLElementTagNameMap {
    'fc-sms-summary': FcSmsSummary;
  }
}
