import type { Lead } from '../../data/model.js';

/** A running lead came within a warning threshold (`due-soon-minutes`, `urgent-minutes`). */
export const FC_LEAD_DUE_SOON = 'fc-lead-due-soon';
/** A lead's clock ran out without a response that stops it. */
export const FC_LEAD_OVERDUE = 'fc-lead-overdue';
/** The server confirmed a manager flag set (or cleared) in the queue. */
export const FC_LEAD_FLAG = 'fc-lead-flag';

export interface LeadDueSoonDetail {
  leadId: string;
  /** Minutes left under the lead's rule, rounded up (business minutes for a business-hours rule). */
  minutesLeft: number;
  /** The threshold crossed, in minutes. */
  threshold: number;
  /** The OEM rule's id (`none` when no rule covers the make). */
  ruleId: string;
  /** When the response is due (ISO instant). */
  dueAt: string;
}

export interface LeadOverdueDetail {
  leadId: string;
  ruleId: string;
  /** When the response was due (ISO instant). */
  dueAt: string;
}

export interface LeadFlagDetail {
  leadId: string;
  /** True when the lead was flagged, false when its flag was cleared. */
  flagged: boolean;
  /** The lead as the server stored it (with its `managerFlag`). */
  lead: Lead;
}

declare global {
  interface HTMLElementEventMap {
    'fc-lead-due-soon': CustomEvent<LeadDueSoonDetail>;
    'fc-lead-overdue': CustomEvent<LeadOverdueDetail>;
    'fc-lead-flag': CustomEvent<LeadFlagDetail>;
  }
}
