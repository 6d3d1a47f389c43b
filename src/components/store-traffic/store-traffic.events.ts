export { FC_EXPORT, FC_RANGE_CHANGE, type ExportDetail, type RangeChangeDetail } from '../shared/events.js';

/** The user drilled down, went back up, or picked another dimension: the drill path changed. */
export const FC_TRAFFIC_DRILL = 'fc-traffic-drill';
/**
 * The user exported the current view as CSV; fired after `fc-export`, with the old detail.
 * Cancelable: cancelling skips the browser download.
 * @deprecated Since 0.2: listen for `fc-export` (`FC_EXPORT`). Fired until 0.3.
 */
export const FC_TRAFFIC_EXPORT = 'fc-traffic-export';

export interface TrafficDrillDetail {
  /** The new drill path, in the `path` attribute's form. */
  path: string;
}

/** @deprecated Since 0.2: `fc-export` carries `ExportDetail` (`content` instead of `csv`). */
export interface TrafficExportDetail {
  /** The CSV text (header row first, CRLF line ends). */
  csv: string;
  /** The file name the download gets. */
  filename: string;
}

declare global {
  interface HTMLElementEventMap {
    'fc-traffic-drill': CustomEvent<TrafficDrillDetail>;
    /** @deprecated Since 0.2: use `fc-export`. */
    'fc-traffic-export': CustomEvent<TrafficExportDetail>;
  }
}
