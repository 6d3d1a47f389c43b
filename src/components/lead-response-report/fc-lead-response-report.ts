import { defineElement } from '../shared/define-element.js';
import { FcLeadResponseReport } from './lead-response-report.element.js';

export { FcLeadResponseReport };
export * from './lead-response-report.events.js';

defineElement('fc-lead-response-report', FcLeadResponseReport);

declare global {
  interface HTMLElementTagNameMap {
    'fc-lead-response-report': FcLeadResponseReport;
  }
}
