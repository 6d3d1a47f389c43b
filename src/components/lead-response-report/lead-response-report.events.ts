import type { DateRange, StoredOemRule } from '../../data/model.js';

/** The user picked a new, valid date range (same shape as every range-picking widget's). */
export const FC_RANGE_CHANGE = 'fc-range-change';
/** The server confirmed a rule the user edited. */
export const FC_RULE_SAVE = 'fc-rule-save';

export type RangeChangeDetail = DateRange;

export interface RuleSaveDetail {
  /** The rule as stored, with its new version. */
  rule: StoredOemRule;
}

declare global {
  interface HTMLElementEventMap {
    'fc-range-change': CustomEvent<DateRange>;
    'fc-rule-save': CustomEvent<RuleSaveDetail>;
  }
}
