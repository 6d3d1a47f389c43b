import type { RestoreRequest, RestoreResult } from '../../data/model.js';
export { FC_RANGE_CHANGE, type RangeChangeDetail } from '../shared/events.js';

/**
 * The user compiled the report for a date range (the Compile button).
 * @deprecated Use `fc-range-change` (same detail), fired with it; this name goes in the next minor version.
 */
export const FC_DELETED_RANGE_CHANGE = 'fc-deleted-range-change';

/**
 * The user confirmed a restore; the request is about to be sent. Cancelable: cancelling stops
 * the widget's own restore, so a host can run it (or refuse it) itself.
 */
export const FC_REQUEST_RESTORE = 'fc-request-restore';

/** The server answered a restore the user made here (possibly much later, after an offline spell). */
export const FC_RESTORE_COMPLETE = 'fc-restore-complete';

/** @deprecated Use `RangeChangeDetail`. */
export interface DeletedRangeChangeDetail {
  from: string;
  to: string;
}

export interface RequestRestoreDetail {
  request: RestoreRequest;
}

export interface RestoreCompleteDetail {
  request: RestoreRequest;
  result: RestoreResult;
}

declare global {
  interface HTMLElementEventMap {
    'fc-deleted-range-change': CustomEvent<DeletedRangeChangeDetail>;
    'fc-request-restore': CustomEvent<RequestRestoreDetail>;
    'fc-restore-complete': CustomEvent<RestoreCompleteDetail>;
  }
}
