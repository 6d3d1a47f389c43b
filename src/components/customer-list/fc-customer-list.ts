import { defineElement } from '../shared/define-element.js';
import { FcCustomerList } from './customer-list.element.js';

export { FcCustomerList };
export * from './customer-list.events.js';

defineElement('fc-customer-list', FcCustomerList);

declare global {
  interface HTMLElementTagNameMap {
    'fc-customer-list': FcCustomerList;
  }
}
