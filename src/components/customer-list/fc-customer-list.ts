import { defineElement } from '../shared/define-element.js';
import { FcCustomerList } from './customer-list.element.js';

export { FcCustomerList };

defineElement('fc-customer-list', FcCustomerList);

declare global {
  interface HTMLElementTagNameMap {
    'fc-customer-list': FcCustomerList;
  }
}
