import { defineElement } from '../shared/define-element.js';
import { FcDataProvider } from './data-provider.element.js';

export { FcDataProvider };

defineElement('fc-data-provider', FcDataProvider);

declare global {
  interface HTMLElementTagNameMap {
    'fc-data-provider': FcDataProvider;
  }
}
