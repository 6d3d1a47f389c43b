import { defineElement } from '../shared/define-element.js';
import { FcTradeInAlert } from './trade-in-alert.element.js';

export { FcTradeInAlert };
export * from './trade-in-alert.events.js';

defineElement('fc-trade-in-alert', FcTradeInAlert);

declare global {
  interface HTMLElementTagNameMap {
    'fc-trade-in-alert': FcTradeInAlert;
  }
}
