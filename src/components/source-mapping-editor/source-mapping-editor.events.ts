import type { PosSource } from '../../data/model.js';

/** "Customer source mapping done" finished: the remaining sources were mapped to Other New Customers. */
export const FC_MAPPING_COMPLETE = 'fc-mapping-complete';
export interface MappingCompleteDetail {
  /** How many sources the server mapped. */
  mapped: number;
}

/** A change the user made to one source (edit, accepted suggestion, delete, restore, new source) was confirmed. */
export const FC_SOURCE_MAPPING_CHANGE = 'fc-source-mapping-change';
export interface SourceMappingChangeDetail {
  /** The source as the server now holds it. */
  source: PosSource;
}

declare global {
  interface HTMLElementEventMap {
    'fc-mapping-complete': CustomEvent<MappingCompleteDetail>;
    'fc-source-mapping-change': CustomEvent<SourceMappingChangeDetail>;
  }
}
