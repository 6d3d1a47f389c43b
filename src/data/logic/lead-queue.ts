/**
 * The due-next lead queue: every lead whose OEM clock has not been stopped (running or overdue),
 * across all OEMs, most urgent first. When a lead newly comes within a warning threshold or
 * becomes overdue (so each is announced once), the range of leads to read for it and a manager's
 * flag on a lead need no clock: they are `lead-queue-levels.ts`, re-exported here.
 *
 * Every clock question is answered by `evaluateLeads` and `unstoppableReason` (leads.ts), so the
 * queue holds no rule of its own.
 */
import type { BusinessCalendar, Lead, OemRule } from '../model.js';
import { parseInstant } from './calendar.js';
import { evaluateLeads, unstoppableReason } from './leads.js';
import type { LeadQueueRow } from './lead-queue-levels.js';

export {
  DEFAULT_QUEUE_LOOKBACK_DAYS,
  DEFAULT_QUEUE_THRESHOLDS,
  MANAGER_NOTE_MAX,
  flagLead,
  queueCrossings,
  queueLevel,
  queueRange,
  queueThresholds,
} from './lead-queue-levels.js';
export type { LeadQueueRow, QueueCrossing } from './lead-queue-levels.js';

/**
 * The queue at an instant: the leads whose clock runs or is overdue (not met, not missed), most
 * urgent first: fewest minutes left under their rule (so the most overdue leads lead), then the
 * earlier due time, then the earlier arrival, then the id.
 * @param leads The leads (any order; stopped ones are left out).
 * @param rules The dealer's rule set.
 * @param calendar The dealer's zone, hours and holidays.
 * @param nowIso The instant.
 * @returns The rows, most urgent first.
 * @throws As `evaluateLeads` (a malformed lead, an invalid `nowIso`).
 * @example buildLeadQueue(leads, DEFAULT_OEM_RULES, dealer, '2026-03-09T15:20:00Z')[0].state.remainingMinutes // 40
 */
export function buildLeadQueue(
  leads: readonly Lead[],
  rules: readonly OemRule[],
  calendar: BusinessCalendar,
  nowIso: string,
): LeadQueueRow[] {
  const rows: LeadQueueRow[] = [];
  for (const { lead, rule, state } of evaluateLeads(leads, rules, calendar, nowIso)) {
    if (state.status !== 'running' && state.status !== 'overdue') continue;
    rows.push({
      lead,
      rule,
      state,
      stopKinds: rule.stopsClock.filter((k) => k !== 'auto-response'),
      unstoppable: unstoppableReason(lead, rule),
      flagged: !!lead.managerFlag,
    });
  }
  return rows.sort(
    (a, b) =>
      a.state.remainingMinutes - b.state.remainingMinutes ||
      compare(a.state.dueAt, b.state.dueAt) ||
      parseInstant(a.lead.receivedAt) - parseInstant(b.lead.receivedAt) ||
      compare(a.lead.id, b.lead.id),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
