import type { DateRange } from '../../data/model.js';
export { FC_REQUEST_MAPPING, type RequestMappingDetail } from '../shared/events.js';

/** A category was activated in the table or the chart (expanded, or collapsed in the table). */
export const FC_SOURCE_SELECT = 'fc-source-select';
/** The user picked a new, valid date range. */
export const FC_RANGE_CHANGE = 'fc-range-change';

export interface SourceSelectDetail {
  categoryId: string;
  /** Whether the category's subcategories are now shown. */
  expanded: boolean;
}

/** Same shape as every range-picking widget's, so their map entries agree. */
export type RangeChangeDetail = DateRange;

declare global {
  interface HTMLElementEventMap {
    'fc-source-select': CustomEvent<SourceSelectDetail>;
    'fc-range-change': CustomEvent<DateRange>;
  }
}
