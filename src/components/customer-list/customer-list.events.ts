/** Fired when the user saves a customer's source in the picker (before the server confirms it). */
export const FC_SOURCE_CHANGE = 'fc-source-change';

export interface SourceChangeDetail {
  customerId: string;
  sourceId: string;
}

declare global {
  interface HTMLElementEventMap {
    'fc-source-change': CustomEvent<SourceChangeDetail>;
  }
}
