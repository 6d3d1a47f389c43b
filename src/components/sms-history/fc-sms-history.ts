import { defineElement } from '../shared/define-element.js';
import { FcSmsSummary } from '../sms-summary/sms-summary.element.js';
import { FcSmsHistory } from './sms-history.element.js';

export { FcSmsHistory };
export * from './sms-history.events.js';

// The history renders the summary above its table: define it too, so one import is enough.
defineElement('fc-sms-summary', FcSmsSummary);
defineElement('fc-sms-history', FcSmsHistory);

declare global {
  interface HTMLElementTagNameMap {
    'fc-sms-history': FcSmsHistory;
  }
}
