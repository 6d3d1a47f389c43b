import { defineElement } from '../shared/define-element.js';
import { FcSourceMappingEditor } from './source-mapping-editor.element.js';

export { FcSourceMappingEditor };
export * from './source-mapping-editor.events.js';

defineElement('fc-source-mapping-editor', FcSourceMappingEditor);

declare global {
  interface HTMLElementTagNameMap {
    'fc-source-mapping-editor': FcSourceMappingEditor;
  }
}
