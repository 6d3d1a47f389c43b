import { defineElement } from '../shared/define-element.js';
import { FcSmsHistory } from './sms-history.element.js';
import { setSummaryLoader } from './sms-history.summary.js';

export { FcSmsHistory };
export * from './sms-history.events.js';

// The history renders the summary above its table: it defines it too, so one import is enough,
// from a chunk loaded when the history first renders (not with the grid's first load).
setSummaryLoader(() => import('../sms-summary/sms-summary.element.js').then((m) => defineElement('fc-sms-summary', m.FcSmsSummary)));
defineElement('fc-sms-history', FcSmsHistory);

declare global {
  interface HTMLElementTagNameMap {
    'fc-sms-history': FcSmsHistory;
  }
}
