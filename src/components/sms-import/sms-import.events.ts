import type { SmsImportIssue } from '../../data/logic/sms-import.js';

/** Every batch of an import the user started has been written. */
export const FC_SMS_IMPORT_COMPLETE = 'fc-sms-import-complete';
/**
 * Same moment and detail as `fc-sms-import-complete`, fired after it.
 * @deprecated Since 0.2: listen for `fc-sms-import-complete` (`FC_SMS_IMPORT_COMPLETE`). Fired until 0.3.
 */
export const FC_SMS_IMPORT_DONE = 'fc-sms-import-done';

export interface SmsImportCompleteDetail {
  /** Messages new to the history. */
  imported: number;
  /** Messages the history had (same id), now updated. */
  updated: number;
  /** Rows of the file that could not be read, with their line (CSV) or index (JSON). */
  errors: SmsImportIssue[];
}

/** @deprecated Since 0.2: renamed `SmsImportCompleteDetail` (same shape). */
export type SmsImportDoneDetail = SmsImportCompleteDetail;

declare global {
  interface HTMLElementEventMap {
    'fc-sms-import-complete': CustomEvent<SmsImportCompleteDetail>;
    /** @deprecated Since 0.2: use `fc-sms-import-complete`. */
    'fc-sms-import-done': CustomEvent<SmsImportCompleteDetail>;
  }
}
