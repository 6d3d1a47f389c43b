/**
 * A clock's precomputed state between two evaluations: the lead's clock as of one instant, and
 * until when the countdown can be derived from it by subtraction alone (business time passes
 * 1:1 while open and not at all while closed). Nothing here decides a rule: every answer comes
 * from `evaluateLead`.
 */
import { evaluateLead } from '../../data/logic/leads.js';
import type { BusinessCalendar, Lead, LeadClockState, OemRule } from '../../data/model.js';

const MINUTE = 60_000;
/** How far ahead the next close is looked for; a calendar open for longer is checked again then. */
const CLOSE_HORIZON_MINUTES = 8 * 1440;

export interface ClockPlan {
  state: LeadClockState;
  /** The instant `state` is of (epoch ms). */
  evaluatedAt: number;
  /** Limit minus counted time at `evaluatedAt`, in ms (negative when overdue). */
  remainingMs: number;
  /** Not stopped: the countdown (or the overdue count) moves. */
  live: boolean;
  /** Business time passes at `evaluatedAt` (open hours, or a real-time rule). */
  counting: boolean;
  /** While not counting: when counting starts again (the next opening, or the lead's arrival). */
  resumesAt: number | null;
  /** The lead has not arrived yet at `evaluatedAt`. */
  early: boolean;
  /** `state.dueAt` as epoch ms. */
  dueAt: number;
  /** While counting: the next close (Infinity for real time; the look-ahead's end when open past it). */
  closesAt: number;
  /** Evaluate again at or after this instant: a close, an opening, the due time, or a whole counted minute. */
  nextCheck: number;
}

const zeroRules = new WeakMap<OemRule, OemRule>();

/** The rule with no limit: its due time from an instant is the next instant that counts. */
function zeroRule(rule: OemRule): OemRule {
  let zero = zeroRules.get(rule);
  if (!zero) zeroRules.set(rule, (zero = { ...rule, limitMinutes: 0, grades: undefined, discountUnder: undefined, reassignOver: undefined }));
  return zero;
}

const NO_ACTIVITIES: never[] = [];
const iso = (ms: number) => new Date(ms).toISOString();

/** The first instant at or after `from` at which the rule's business time counts. */
export function nextCounting(rule: OemRule, calendar: BusinessCalendar, from: number): number {
  const at = iso(from);
  return Date.parse(evaluateLead({ receivedAt: at }, NO_ACTIVITIES, zeroRule(rule), calendar, at).dueAt);
}

/**
 * The next close after `now` (which counts), to the minute: closes fall on whole minutes of local
 * time. Binary search on "every real ms since `now` counted"; Infinity for a real-time rule.
 */
export function nextClose(rule: OemRule, calendar: BusinessCalendar, now: number): number {
  if (rule.clock === 'real') return Infinity;
  const probe = { receivedAt: iso(now) };
  const zero = zeroRule(rule);
  const first = Math.floor(now / MINUTE) * MINUTE + MINUTE;
  const allCounted = (k: number) => {
    const t = first + k * MINUTE;
    return Math.round(evaluateLead(probe, NO_ACTIVITIES, zero, calendar, iso(t)).elapsedMinutes * MINUTE) === t - now;
  };
  // Open past the horizon: treat its end as a close, to look again from there.
  if (allCounted(CLOSE_HORIZON_MINUTES)) return first + CLOSE_HORIZON_MINUTES * MINUTE;
  if (!allCounted(0)) return first;
  let lo = 0; // counted through
  let hi = CLOSE_HORIZON_MINUTES; // not counted through
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (allCounted(mid)) lo = mid;
    else hi = mid;
  }
  return first + lo * MINUTE;
}

/**
 * The lead's clock at `now` and how long it holds.
 * @param previous The plan this one follows for the same lead, rule and calendar: its close is
 *   kept while still ahead, so the close is searched once per open period, not once a minute.
 * @throws What `evaluateLead` throws (a malformed lead, an invalid calendar).
 */
export function planClock(lead: Lead, rule: OemRule, calendar: BusinessCalendar, now: number, previous?: ClockPlan): ClockPlan {
  const state = evaluateLead(lead, lead.activities ?? NO_ACTIVITIES, rule, calendar, iso(now));
  const dueAt = Date.parse(state.dueAt);
  const remainingMs = Math.round(state.remainingMinutes * MINUTE);
  const base = { state, evaluatedAt: now, remainingMs, dueAt, early: false };
  if (state.stoppedBy) return { ...base, live: false, counting: false, resumesAt: null, closesAt: Infinity, nextCheck: Infinity };
  const received = Date.parse(lead.receivedAt);
  const from = Math.max(now, received);
  const resumesAt = nextCounting(rule, calendar, from);
  if (resumesAt > now) {
    return { ...base, early: now < received, live: true, counting: false, resumesAt, closesAt: Infinity, nextCheck: resumesAt };
  }
  const elapsedMs = Math.round(state.elapsedMinutes * MINUTE);
  const intoMinute = elapsedMs % MINUTE;
  // Grades, consequences and the due time change at whole counted minutes; at exactly one, a
  // threshold may be crossed the next millisecond, so look again at the next tick.
  const wholeMinute = now + (intoMinute === 0 ? 1 : MINUTE - intoMinute);
  const due = state.status === 'running' ? dueAt : Infinity;
  const closesAt =
    previous?.counting && previous.closesAt > now && previous.evaluatedAt <= now ? previous.closesAt : nextClose(rule, calendar, now);
  return { ...base, live: true, counting: true, resumesAt: null, closesAt, nextCheck: Math.min(closesAt, wholeMinute, due) };
}

/**
 * Limit minus counted time at `now`, from the plan alone.
 * @example remainingAt(plan, plan.evaluatedAt + 1000) // plan.remainingMs - 1000 while counting
 */
export function remainingAt(plan: ClockPlan, now: number): number {
  return plan.counting ? plan.remainingMs - (now - plan.evaluatedAt) : plan.remainingMs;
}
