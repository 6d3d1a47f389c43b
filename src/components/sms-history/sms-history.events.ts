import type { SmsFilter } from '../../data/model.js';
export { FC_EXPORT, type ExportDetail } from '../shared/events.js';

/** The user changed the history's filter (the form, the summary's categories, a row's "only this" buttons). */
export const FC_SMS_FILTER_CHANGE = 'fc-sms-filter-change';

export interface SmsFilterChangeDetail {
  /** The filter as the `filter` attribute holds it (`encodeSmsFilter`). */
  filter: string;
  /** The same filter, decoded. */
  value: SmsFilter;
}

declare global {
  interface HTMLElementEventMap {
    'fc-sms-filter-change': CustomEvent<SmsFilterChangeDetail>;
  }
}
