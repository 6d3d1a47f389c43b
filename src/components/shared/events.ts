/**
 * Events more than one widget fires, declared once so their `HTMLElementEventMap` entries agree.
 */

/**
 * The user asked to fix the customer-source mapping (the board's prompt, the report's unknown
 * notice). Cancelable: cancelling stops the widget's own `editor-href` navigation, so a host can
 * route to its editor instead.
 */
export const FC_REQUEST_MAPPING = 'fc-request-mapping';

export interface RequestMappingDetail {
  /** Sources not mapped yet. */
  unmapped: number;
  /** Sources that count (not deleted). */
  total: number;
  /** Customers whose source is unknown (the report counts the range's new customers). */
  unknownCustomers: number;
}

declare global {
  interface HTMLElementEventMap {
    'fc-request-mapping': CustomEvent<RequestMappingDetail>;
  }
}
