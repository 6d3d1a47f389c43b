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

/**
 * The user exported a file (every widget's Export button). Cancelable: cancelling skips the
 * widget's own download, so a host can save, send or transform the file itself.
 */
export const FC_EXPORT = 'fc-export';

export interface ExportDetail {
  /** The file's format. */
  format: 'csv';
  /** The file name the download gets. */
  filename: string;
  /** The file's text (for CSV: header row first, CRLF line ends). */
  content: string;
  /** Data rows in the file, the header not counted. */
  rows: number;
}

/**
 * The user picked a new, valid date range (every widget with the shared date-range part). Not
 * fired for an invalid range: the inputs then show what is wrong.
 */
export const FC_RANGE_CHANGE = 'fc-range-change';

export interface RangeChangeDetail {
  /** First day, ISO `YYYY-MM-DD` (inclusive). */
  from: string;
  /** Last day, ISO `YYYY-MM-DD` (inclusive). */
  to: string;
}

declare global {
  interface HTMLElementEventMap {
    'fc-range-change': CustomEvent<RangeChangeDetail>;
    'fc-request-mapping': CustomEvent<RequestMappingDetail>;
    'fc-export': CustomEvent<ExportDetail>;
  }
}
