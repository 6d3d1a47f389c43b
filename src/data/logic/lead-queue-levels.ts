/**
 * The due-next lead queue's parts that need no clock: its row, the warning thresholds and how far
 * a row has come, the crossings to announce, the range of leads to read, and a manager's flag on a
 * lead. Plain data, without luxon, so the queue's first view does not load the business-time
 * engine; the rows themselves come from `buildLeadQueue` (`lead-queue.ts`, which re-exports all of
 * this).
 */
import type { ActivityKind, DateRange, Lead, LeadClockState, LeadFlagChange, LeadManagerFlag, OemRule } from '../model.js';
import { AdapterError } from '../errors.js';
import { addDays, isoDateIn } from './calendar.js';
import type { UnstoppableReason } from './leads-rules.js';

/** The warning thresholds when none are given: 15 minutes, then 5 minutes left. */
export const DEFAULT_QUEUE_THRESHOLDS: readonly number[] = [15, 5];

/**
 * Calendar days a queue reads back by default: a week in the dealer's zone, which covers the
 * longest limit of the default rules (GM's 5 business hours; 24 business hours of any rule) over
 * a weekend and a holiday.
 */
export const DEFAULT_QUEUE_LOOKBACK_DAYS = 7;

/** Longest note a manager flag keeps. */
export const MANAGER_NOTE_MAX = 500;

/** One lead in the queue. */
export interface LeadQueueRow {
  lead: Lead;
  /** The rule covering the lead's make, or `NO_OEM_RULE`. */
  rule: OemRule;
  /** Its clock now: `running` or `overdue`. */
  state: LeadClockState;
  /** What the dealer can do that stops this rule's clock (the rule's stops, never an auto-response). */
  stopKinds: ActivityKind[];
  /** Why the dealer cannot stop this lead's clock (no email address for an email-only rule), or null. */
  unstoppable: UnstoppableReason | null;
  /** Whether the lead is flagged for a manager. */
  flagged: boolean;
}

/**
 * The warning thresholds as a queue uses them: whole positive minutes, largest first, each once;
 * anything else dropped.
 * @example queueThresholds([5, 15, 5, -1, NaN]) // [15, 5]
 */
export function queueThresholds(thresholds: readonly number[]): number[] {
  const whole = thresholds.filter((m) => Number.isFinite(m) && m > 0).map((m) => Math.round(m));
  return [...new Set(whole)].sort((a, b) => b - a);
}

/**
 * How far a row has come: 0 with more time left than every threshold, `i + 1` within the `i`-th
 * threshold (largest first; at exactly the threshold counts as within it), `thresholds.length + 1`
 * once overdue.
 * @param row The row's clock.
 * @param thresholds From {@link queueThresholds}.
 * @example queueLevel({ state: { status: 'running', remainingMinutes: 12 } }, [15, 5]) // 1
 */
export function queueLevel(row: { state: Pick<LeadClockState, 'status' | 'remainingMinutes'> }, thresholds: readonly number[]): number {
  if (row.state.status === 'overdue') return thresholds.length + 1;
  let level = 0;
  for (let i = 0; i < thresholds.length; i++) if (row.state.remainingMinutes <= thresholds[i]!) level = i + 1;
  return level;
}

/** A lead that newly came within a threshold, or became overdue. */
export interface QueueCrossing {
  row: LeadQueueRow;
  kind: 'due-soon' | 'overdue';
  /** The threshold crossed (minutes); null when overdue. */
  threshold: number | null;
  /** Whole minutes left, rounded up (0 when overdue). */
  minutesLeft: number;
}

/**
 * The crossings since the last look, so each lead announces each step once: a row whose level
 * ({@link queueLevel}) is above the one recorded for it crosses once, at its new level (a lead that
 * jumps past both thresholds announces only the nearer one; one that goes from 20 minutes left to
 * overdue announces only that it is overdue). A lead not in `seen` starts at 0, so a lead arriving
 * within a threshold announces at once. With `seen` null (the first look) nothing crosses: what
 * the queue shows when it opens is not news. A lead that left the queue (answered) is forgotten; a
 * lead whose level went down (its rule was given a longer limit) is recorded lower, so it can
 * announce again.
 * @param rows The queue now.
 * @param thresholds From {@link queueThresholds}.
 * @param seen The levels recorded at the last look (by lead id), or null for the first look.
 * @returns The crossings, in the rows' order, and the levels to record.
 * @example
 * let seen = queueCrossings(rowsAt0900, [15, 5], null).seen;     // nothing announced
 * const { crossings } = queueCrossings(rowsAt0950, [15, 5], seen); // the leads now within 15 or 5 minutes, or overdue
 */
export function queueCrossings(
  rows: readonly LeadQueueRow[],
  thresholds: readonly number[],
  seen: ReadonlyMap<string, number> | null,
): { crossings: QueueCrossing[]; seen: Map<string, number> } {
  const next = new Map<string, number>();
  const crossings: QueueCrossing[] = [];
  for (const row of rows) {
    const level = queueLevel(row, thresholds);
    next.set(row.lead.id, level);
    if (!seen || level <= (seen.get(row.lead.id) ?? 0)) continue;
    const overdue = level > thresholds.length;
    crossings.push({
      row,
      kind: overdue ? 'overdue' : 'due-soon',
      threshold: overdue ? null : thresholds[level - 1]!,
      minutesLeft: overdue ? 0 : Math.max(0, Math.ceil(row.state.remainingMinutes - 1e-9)),
    });
  }
  return { crossings, seen: next };
}

/**
 * The calendar days of leads a queue reads: `days` days back to today, in the dealer's zone.
 * @param now The instant (epoch ms).
 * @param zone The dealer's IANA zone.
 * @param days How many days back (whole, at least 1; default {@link DEFAULT_QUEUE_LOOKBACK_DAYS}).
 * @example queueRange(Date.parse('2026-03-09T15:00:00Z'), 'America/Chicago', 7) // { from: '2026-03-02', to: '2026-03-09' }
 */
export function queueRange(now: number, zone: string, days: number = DEFAULT_QUEUE_LOOKBACK_DAYS): DateRange {
  const to = isoDateIn(now, zone);
  const back = Number.isFinite(days) && days >= 1 ? Math.round(days) : DEFAULT_QUEUE_LOOKBACK_DAYS;
  return { from: addDays(to, -back), to };
}

/**
 * A lead with a manager's flag set or cleared: what a server stores for `leads.flag`.
 * @param lead The stored lead.
 * @param change `flagged` and an optional note (trimmed; blank is none; at most {@link MANAGER_NOTE_MAX} characters).
 * @param at When (ISO instant).
 * @param by Who flagged it, when known.
 * @returns A new lead; the flag of an already flagged lead is replaced (the new note and time).
 * @throws AdapterError kind `rejected` for a note that is not text or is too long, or a `flagged` that is not true or false.
 * @example flagLead(lead, { leadId: lead.id, flagged: true, note: 'Customer called twice' }, '2026-03-09T17:00:00Z', 'Kim').managerFlag
 * // { at: '2026-03-09T17:00:00Z', by: 'Kim', note: 'Customer called twice' }
 */
export function flagLead(lead: Lead, change: LeadFlagChange, at: string, by: string | null): Lead {
  if (typeof change?.flagged !== 'boolean') throw rejected('A flag change needs flagged: true or false.');
  if (!change.flagged) return { ...lead, managerFlag: null };
  const raw = change.note ?? null;
  if (raw !== null && typeof raw !== 'string') throw rejected('A flag note must be text.');
  const note = raw?.trim() || null;
  if (note && note.length > MANAGER_NOTE_MAX) throw rejected(`A flag note can have at most ${MANAGER_NOTE_MAX} characters.`);
  const flag: LeadManagerFlag = { at, by, note };
  return { ...lead, managerFlag: flag };
}

const rejected = (message: string) => new AdapterError({ kind: 'rejected', status: 400, message });
