import type { SmsErrorCategory } from '../../data/model.js';

/** An error category was chosen in the summary's chart or table. */
export const FC_SMS_CATEGORY_SELECT = 'fc-sms-category-select';

export interface SmsCategorySelectDetail {
  category: SmsErrorCategory;
}

declare global {
  interface HTMLElementEventMap {
    'fc-sms-category-select': CustomEvent<SmsCategorySelectDetail>;
  }
}
