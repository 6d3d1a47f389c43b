import type { SmsImportIssue } from '../../data/logic/sms-import.js';

/** Every batch of an import the user started has been written. */
export const FC_SMS_IMPORT_DONE = 'fc-sms-import-done';

export interface SmsImportDoneDetail {
  /** Messages new to the history. */
  imported: number;
  /** Messages the history had (same id), now updated. */
  updated: number;
  /** Rows of the file that could not be read, with their line (CSV) or index (JSON). */
  errors: SmsImportIssue[];
}

declare global {
  interface HTMLElementEventMap {
    'fc-sms-import-done': CustomEvent<SmsImportDoneDetail>;
  }
}
