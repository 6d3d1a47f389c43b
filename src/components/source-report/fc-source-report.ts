import { defineElement } from '../shared/define-element.js';
import { FcSourceReport } from './source-report.element.js';

export { FcSourceReport };
export * from './source-report.events.js';

defineElement('fc-source-report', FcSourceReport);

declare global {
  interface HTMLElementTagNameMap {
    'fc-source-report': FcSourceReport;
  }
}
