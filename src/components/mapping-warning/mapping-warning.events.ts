export { FC_REQUEST_MAPPING, type RequestMappingDetail } from '../shared/events.js';

/** The prompt was closed by the user. */
export const FC_WARNING_DISMISS = 'fc-warning-dismiss';

export interface WarningDismissDetail {
  /** "Don't show again" was checked: the prompt stays away for this tenant and user. */
  remember: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'fc-warning-dismiss': CustomEvent<WarningDismissDetail>;
  }
}
