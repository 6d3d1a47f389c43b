import type { StoredOemRule } from '../../data/model.js';
export { FC_RANGE_CHANGE, type RangeChangeDetail } from '../shared/events.js';

/** The server confirmed a rule the user edited. */
export const FC_RULE_SAVE = 'fc-rule-save';

export interface RuleSaveDetail {
  /** The rule as stored, with its new version. */
  rule: StoredOemRule;
}

declare global {
  interface HTMLElementEventMap {
    'fc-rule-save': CustomEvent<RuleSaveDetail>;
  }
}
