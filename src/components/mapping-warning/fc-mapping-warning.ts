import { defineElement } from '../shared/define-element.js';
import { FcMappingWarning } from './mapping-warning.element.js';

export { FcMappingWarning };
export * from './mapping-warning.events.js';

defineElement('fc-mapping-warning', FcMappingWarning);

declare global {
  interface HTMLElementTagNameMap {
    'fc-mapping-warning': FcMappingWarning;
  }
}
