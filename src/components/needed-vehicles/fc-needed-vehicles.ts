import { defineElement } from '../shared/define-element.js';
import { FcNeededVehicles } from './needed-vehicles.element.js';

export { FcNeededVehicles };
export * from './needed-vehicles.events.js';

defineElement('fc-needed-vehicles', FcNeededVehicles);

declare global {
  interface HTMLElementTagNameMap {
    'fc-needed-vehicles': FcNeededVehicles;
  }
}
