import { defineElement } from '../shared/define-element.js';
import { FcDeletedCustomers } from './deleted-customers.element.js';

export { FcDeletedCustomers };
export * from './deleted-customers.events.js';

defineElement('fc-deleted-customers', FcDeletedCustomers);

declare global {
  interface HTMLElementTagNameMap {
    'fc-deleted-customers': FcDeletedCustomers;
  }
}
