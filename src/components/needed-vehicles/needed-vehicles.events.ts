import type { VehicleWant } from '../../data/model.js';
export { FC_EXPORT, type ExportDetail } from '../shared/events.js';

/**
 * The user exported the needed-vehicles report as CSV; fired after `fc-export`, with the old detail.
 * @deprecated Since 0.2: listen for `fc-export` (`FC_EXPORT`). Fired until 0.3.
 */
export const FC_WANTS_EXPORT = 'fc-wants-export';

/** @deprecated Since 0.2: `fc-export` carries `ExportDetail` (`filename`, `content`, `rows`). */
export interface WantsExportDetail {
  /** Wants in the file (one row each). */
  rows: number;
  /** The file name offered for the download. */
  fileName: string;
}

/**
 * The server confirmed a follow-up made here ("Mark followed up"): the host can create the task or
 * activity in its CRM from it.
 */
export const FC_WANT_FOLLOW_UP = 'fc-want-follow-up';

export interface WantFollowUpDetail {
  wantId: string;
  customerId: string;
  customerName: string;
  /** The note as typed (may be empty). */
  note: string;
  /** When the server recorded the contact (ISO 8601). */
  followedUpAt: string;
  /** The want as the server now has it. */
  want: VehicleWant;
}

declare global {
  interface HTMLElementEventMap {
    'fc-want-follow-up': CustomEvent<WantFollowUpDetail>;
    /** @deprecated Since 0.2: use `fc-export`. */
    'fc-wants-export': CustomEvent<WantsExportDetail>;
  }
}
