import { defineElement } from '../shared/define-element.js';
import { FcSmsImport } from './sms-import.element.js';

export { FcSmsImport };
export * from './sms-import.events.js';

defineElement('fc-sms-import', FcSmsImport);

declare global {
  interface HTMLElementTagNameMap {
    'fc-sms-import': FcSmsImport;
  }
}
