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

declare global {
  interface HTMLElementEventMap {
    /** @deprecated Since 0.2: use `fc-export`. */
    'fc-wants-export': CustomEvent<WantsExportDetail>;
  }
}
