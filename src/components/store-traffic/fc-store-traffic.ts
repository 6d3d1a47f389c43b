import { defineElement } from '../shared/define-element.js';
import { FcStoreTraffic } from './store-traffic.element.js';

export { FcStoreTraffic };
export * from './store-traffic.events.js';

defineElement('fc-store-traffic', FcStoreTraffic);

declare global {
  interface HTMLElementTagNameMap {
    'fc-store-traffic': FcStoreTraffic;
  }
}
