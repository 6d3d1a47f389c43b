/**
 * The straightforward lead clock, the bench's baseline: a luxon `DateTime` in the dealer's zone
 * stepped one minute at a time, each minute checked against the weekday's hours and the
 * holidays. Exact for leads whose times fall on whole minutes (the bench's), and as slow as it
 * is obvious. Same semantics as `evaluateLead`: counting from arrival, due at the first open
 * minute after the limit is used up, stopped by the first listed activity at or after arrival.
 */
import { DateTime } from 'luxon';
import type { ActivityKind, BusinessCalendar, LeadClockState, OemRule } from '../../src/data/model.js';
import { WEEKDAYS } from '../../src/data/model.js';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function naiveEvaluateLead(
  lead: { receivedAt: string },
  activities: ReadonlyArray<{ kind: ActivityKind; at: string }>,
  rule: OemRule,
  calendar: BusinessCalendar,
  nowIso: string,
): Pick<LeadClockState, 'status' | 'dueAt' | 'elapsedMinutes'> {
  const hours = rule.hours ?? calendar.hours;
  const holidays = rule.excludeHolidays ? (calendar.holidays ?? []) : [];
  const isOpen = (t: DateTime) => {
    if (rule.clock === 'real') return true;
    if (holidays.includes(t.toISODate()!)) return false;
    const minute = t.hour * 60 + t.minute;
    return (hours[WEEKDAYS[t.weekday - 1]!] ?? []).some(([open, close]) => minute >= minutesOf(open) && minute < minutesOf(close));
  };
  const received = DateTime.fromISO(lead.receivedAt, { zone: calendar.zone });
  const stop = activities
    .filter((a) => a.kind !== 'auto-response' && rule.stopsClock.includes(a.kind) && DateTime.fromISO(a.at) >= received)
    .sort((a, b) => DateTime.fromISO(a.at).toMillis() - DateTime.fromISO(b.at).toMillis())[0];
  const now = DateTime.fromISO(nowIso);
  const end = stop ? DateTime.fromISO(stop.at) : now;

  let elapsed = 0;
  for (let t = received; t < end; t = t.plus({ minutes: 1 })) if (isOpen(t)) elapsed++;

  let due = received;
  for (let left = rule.limitMinutes; ; due = due.plus({ minutes: 1 })) {
    if (!isOpen(due)) continue;
    if (left === 0) break;
    left--;
  }
  return {
    status: stop ? (elapsed <= rule.limitMinutes ? 'met' : 'missed') : now < due ? 'running' : 'overdue',
    dueAt: due.toUTC().toISO()!,
    elapsedMinutes: elapsed,
  };
}
