import { defineElement } from '../shared/define-element.js';
import { FcTradeInAlert } from './trade-in-alert.element.js';

export { FcTradeInAlert };

defineElement('fc-trade-in-alert', FcTradeInAlert);

declare global {
  interface HTMLElementTagNameMap {
    'fc-trade-in-alert': FcTradeInAlert;
  }
}
