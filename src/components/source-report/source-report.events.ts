export { FC_RANGE_CHANGE, FC_REQUEST_MAPPING, type RangeChangeDetail, type RequestMappingDetail } from '../shared/events.js';

/** A category was activated in the table or the chart (expanded, or collapsed in the table). */
export const FC_SOURCE_SELECT = 'fc-source-select';

export interface SourceSelectDetail {
  categoryId: string;
  /** Whether the category's subcategories are now shown. */
  expanded: boolean;
}

declare global {
  interface HTMLElementEventMap {
    'fc-source-select': CustomEvent<SourceSelectDetail>;
  }
}
