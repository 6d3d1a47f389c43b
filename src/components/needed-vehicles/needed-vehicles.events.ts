/** The user exported the needed-vehicles report as CSV. */
export const FC_WANTS_EXPORT = 'fc-wants-export';

export interface WantsExportDetail {
  /** Wants in the file (one row each). */
  rows: number;
  /** The file name offered for the download. */
  fileName: string;
}

declare global {
  interface HTMLElementEventMap {
    'fc-wants-export': CustomEvent<WantsExportDetail>;
  }
}
