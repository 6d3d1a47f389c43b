/** "Map sources now" was chosen; cancel it to stop the navigation to `editor-href`. */
export const FC_REQUEST_MAPPING = 'fc-request-mapping';
/** The prompt was closed by the user. */
export const FC_WARNING_DISMISS = 'fc-warning-dismiss';

/** The counts the prompt showed. */
export interface RequestMappingDetail {
  /** Sources not mapped yet. */
  unmapped: number;
  /** Sources that count (not deleted). */
  total: number;
  /** Customers whose source is empty or unmapped. */
  unknownCustomers: number;
}

export interface WarningDismissDetail {
  /** "Don't show again" was checked: the prompt stays away for this tenant and user. */
  remember: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'fc-request-mapping': CustomEvent<RequestMappingDetail>;
    'fc-warning-dismiss': CustomEvent<WarningDismissDetail>;
  }
}
