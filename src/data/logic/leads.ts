/**
 * OEM lead response ("stop the clock"): the default rulebook from the dealership CRM deck
 * (slides 14-16), rule selection by make, one lead's clock in business or real time, and the
 * contact-time summary per OEM or salesperson.
 *
 * Business time is real elapsed time inside open hours in the rule's zone, so an open day that
 * contains a DST change counts its real length. Open intervals are computed with luxon once per
 * calendar and local day, then reused across leads.
 */
import { DateTime, IANAZone } from 'luxon';
import type {
  DateRange,
  DealerProfile,
  IsoDateTime,
  Lead,
  LeadActivity,
  LeadActivityKind,
  LeadClock,
  LeadGrade,
  LeadGroupBy,
  LeadResponseRow,
  LeadResponseSummary,
  OemRule,
  WeeklyHours,
} from '../model.js';
import { WEEKDAYS } from '../model.js';
import type { LeadQuery } from '../adapter.js';
import { AdapterError } from '../errors.js';
import { DAY_MS, calendarRangeBounds, localDayNumber, parseInstant } from './time.js';

const ALL_CONTACTS: LeadActivityKind[] = ['email-sent', 'ebrochure-sent', 'email-received', 'call-completed', 'call-incoming', 'text'];
const NO_TEXT: LeadActivityKind[] = ['email-sent', 'ebrochure-sent', 'email-received', 'call-completed', 'call-incoming'];

/** Grades where the OEM sets none: green up to half the limit, yellow up to the limit, red beyond. */
function defaultGrades(limitMinutes: number): OemRule['grades'] {
  return { greenUnder: limitMinutes / 2, yellowUnder: limitMinutes };
}

function rule(
  id: string,
  name: string,
  makes: string[],
  limitMinutes: number,
  stoppers: LeadActivityKind[],
  extra: Partial<OemRule> = {},
): OemRule {
  return {
    id,
    name,
    makes,
    limitMinutes,
    clock: 'business',
    hours: 'dealer',
    holidaysExcluded: false,
    zone: 'dealer',
    stoppers,
    grades: defaultGrades(limitMinutes),
    targets: [],
    averageTargetMinutes: null,
    consequences: [],
    version: 1,
    ...extra,
  };
}

const closedSunday = (weekday: [string, string], saturday: [string, string]): WeeklyHours => ({
  mon: weekday,
  tue: weekday,
  wed: weekday,
  thu: weekday,
  fri: weekday,
  sat: saturday,
  sun: null,
});

/**
 * Every OEM's rule from the CRM deck (slides 14-16). Decisions the deck leaves open:
 * - Every rule counts in the dealer's zone ("time zone specific"; VW: "their native time zone").
 * - Holidays are excluded only where the deck says so (Toyota; Mazda: "holidays are considered closed").
 * - "Text recorded/completed" is the `text` activity; rules whose deck entry omits texts do not stop on them.
 * - Chrysler/Fiat also covers the other Stellantis (FCA) US brands Jeep, Dodge and Ram, which share its
 *   dealer program; the deck names only Chrysler/Fiat. Honda covers Honda only (the deck does not name Acura).
 * - Grades the deck gives only for Toyota; the others get green up to half the limit, yellow up to it.
 * @example DEFAULT_OEM_RULES.find((r) => r.id === 'ford')?.stoppers // ['email-sent', 'ebrochure-sent']
 */
export const DEFAULT_OEM_RULES: OemRule[] = [
  rule('hyundai', 'Hyundai', ['Hyundai'], 6 * 60, ALL_CONTACTS, {
    hours: closedSunday(['10:00', '20:00'], ['10:00', '20:00']),
  }),
  rule('nissan', 'Nissan / Infiniti', ['Nissan', 'Infiniti'], 24 * 60, NO_TEXT),
  rule('ford', 'Ford', ['Ford'], 60, ['email-sent', 'ebrochure-sent']),
  rule('toyota', 'Toyota / Scion / Lexus', ['Toyota', 'Scion', 'Lexus'], 3 * 60, ALL_CONTACTS, {
    holidaysExcluded: true,
    grades: { greenUnder: 60, yellowUnder: 180 },
  }),
  rule('vw', 'Volkswagen', ['Volkswagen', 'VW'], 3 * 60, ALL_CONTACTS, {
    consequences: [
      { underMinutes: 30, text: 'A response under 30 minutes earns a discount on the lead price.' },
      { overMinutes: 180, text: 'Contact time over 3 hours sends the lead to a different dealership.' },
    ],
  }),
  rule('mitsubishi', 'Mitsubishi', ['Mitsubishi'], 24 * 60, NO_TEXT),
  rule('chrysler', 'Chrysler / Fiat (also Jeep, Dodge, Ram)', ['Chrysler', 'Fiat', 'Jeep', 'Dodge', 'Ram'], 24 * 60, ALL_CONTACTS),
  rule('volvo', 'Volvo', ['Volvo'], 24 * 60, ALL_CONTACTS),
  rule('honda', 'Honda', ['Honda'], 2 * 60, NO_TEXT),
  rule('subaru', 'Subaru', ['Subaru'], 24 * 60, NO_TEXT),
  rule('mazda', 'Mazda', ['Mazda'], 60, ['email-sent', 'ebrochure-sent', 'call-completed'], {
    hours: closedSunday(['09:00', '18:00'], ['10:00', '18:00']),
    holidaysExcluded: true,
    targets: [{ withinMinutes: 60, share: 0.9 }],
  }),
  rule('gm', 'GM', ['Chevrolet', 'Chevy', 'Buick', 'GMC', 'Cadillac', 'GM'], 5 * 60, ['email-sent', 'ebrochure-sent', 'email-received', 'call-completed'], {
    clock: 'real',
    targets: [{ withinMinutes: 300, share: 0.99 }],
    averageTargetMinutes: 60,
  }),
  rule('kia', 'Kia', ['Kia'], 60, ['email-sent', 'ebrochure-sent', 'call-completed']),
];

/** Lead and rule makes compare without case, spaces or punctuation ("Land Rover" = "land-rover"). */
function makeKey(make: string): string {
  return make.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Make → first rule covering it. Built per call, so edits to the rule set are always seen. */
function makeIndex(rules: readonly OemRule[]): Map<string, OemRule> {
  const index = new Map<string, OemRule>();
  for (const r of rules) for (const make of r.makes ?? []) if (!index.has(makeKey(make))) index.set(makeKey(make), r);
  return index;
}

/**
 * The rule covering a lead's make; the first matching rule wins.
 * @param lead The lead (only `make` is read).
 * @param rules The rule set.
 * @returns The rule, or null when no rule covers the make.
 * @example ruleForLead({ ...lead, make: ' lexus ' }, DEFAULT_OEM_RULES)?.id // 'toyota'
 */
export function ruleForLead(lead: Pick<Lead, 'make'>, rules: readonly OemRule[]): OemRule | null {
  return makeIndex(rules).get(makeKey(lead.make ?? '')) ?? null;
}

// ───────────────────────────── business calendar ─────────────────────────────

const MINUTE_MS = 60_000;
/** How far ahead a business clock looks for open hours before giving up (ten years of days). */
const MAX_LOOKAHEAD_DAYS = 3660;

interface Calendar {
  zone: string;
  hours: WeeklyHours;
  holidays: ReadonlySet<string>;
  /** Whether any weekday opens at all. */
  opens: boolean;
  /** Open interval [start, end) in epoch ms per local epoch-day number, or null when closed. */
  days: Map<number, readonly [number, number] | null>;
}

/** Calendars by content (zone, hours, holidays): their cached days can never go stale. */
const calendars = new Map<string, Calendar>();
function calendarForRule(rule: OemRule, dealer: DealerProfile): Calendar {
  return calendarOf(
    rule.zone === 'dealer' ? dealer.zone : rule.zone,
    rule.hours === 'dealer' ? dealer.hours : rule.hours,
    rule.holidaysExcluded ? dealer.holidays : [],
  );
}

function calendarOf(zone: string, hours: WeeklyHours, holidays: readonly string[]): Calendar {
  const key = `${zone}|${JSON.stringify(hours)}|${holidays.join(',')}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    if (!IANAZone.isValidZone(zone)) {
      throw new AdapterError({ kind: 'rejected', status: 400, message: `Unknown time zone "${zone}": use an IANA zone such as America/Chicago.` });
    }
    const opens = WEEKDAYS.some((d) => Boolean(hours[d]));
    calendar = { zone, hours, holidays: new Set(holidays), opens, days: new Map() };
    calendars.set(key, calendar);
  }
  return calendar;
}

function isoDateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function localDay(ms: number, zone: string): number {
  return localDayNumber(zone, ms);
}

function openInterval(calendar: Calendar, day: number): readonly [number, number] | null {
  const cached = calendar.days.get(day);
  if (cached !== undefined) return cached;
  const iso = isoDateOf(day);
  const weekday = WEEKDAYS[(((day + 3) % 7) + 7) % 7];
  const hours = calendar.holidays.has(iso) ? null : calendar.hours[weekday];
  let interval: readonly [number, number] | null = null;
  if (hours) {
    const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: calendar.zone }).toMillis();
    const [open, close] = hours;
    const start = at(iso, open);
    // "24:00" and closing times before the opening run into the next day.
    const end = close === '24:00' || close <= open ? at(isoDateOf(day + 1), close === '24:00' ? '00:00' : close) : at(iso, close);
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) interval = [start, end];
  }
  calendar.days.set(day, interval);
  return interval;
}

/** Open milliseconds between two instants. */
function businessMsBetween(calendar: Calendar, from: number, to: number): number {
  if (to <= from) return 0;
  let total = 0;
  const last = localDay(to, calendar.zone);
  // Start a day early: the previous day's hours may run past midnight.
  for (let day = localDay(from, calendar.zone) - 1; day <= last; day++) {
    const interval = openInterval(calendar, day);
    if (!interval) continue;
    const overlap = Math.min(interval[1], to) - Math.max(interval[0], from);
    if (overlap > 0) total += overlap;
  }
  return total;
}

/** The instant at which `ms` open milliseconds have passed since `from` (the next opening for 0). */
function addBusinessMs(calendar: Calendar, from: number, ms: number): number {
  if (!calendar.opens) return from + ms;
  let remaining = ms;
  const first = localDay(from, calendar.zone) - 1;
  for (let day = first; day <= first + MAX_LOOKAHEAD_DAYS; day++) {
    const interval = openInterval(calendar, day);
    if (!interval) continue;
    const start = Math.max(interval[0], from);
    if (interval[1] <= start) continue;
    const span = interval[1] - start;
    if (span >= remaining) return start + remaining;
    remaining -= span;
  }
  return from + ms;
}

// ───────────────────────────── the clock ─────────────────────────────

function toMillis(value: Date | string): number {
  return value instanceof Date ? value.getTime() : parseInstant(value);
}

function iso(ms: number): IsoDateTime {
  return new Date(ms).toISOString();
}

/** Default limit when no rule covers a lead's make: one hour of real time. */
export const NO_RULE_LIMIT_MINUTES = 60;

function gradeOf(rule: Pick<OemRule, 'grades'>, minutes: number): LeadGrade {
  return minutes < rule.grades.greenUnder ? 'green' : minutes < rule.grades.yellowUnder ? 'yellow' : 'red';
}

/** The first activity at or after receipt that stops the clock; an auto-response never does. */
function firstStopper(lead: Lead, stoppers: readonly LeadActivityKind[], received: number): LeadActivity | null {
  let best: LeadActivity | null = null;
  let bestAt = Infinity;
  for (const activity of lead.activities ?? []) {
    if (activity.kind === 'auto-response' || !stoppers.includes(activity.kind)) continue;
    const at = parseInstant(activity.at);
    if (at >= received && at < bestAt) {
      best = activity;
      bestAt = at;
    }
  }
  return best;
}

/**
 * One lead's response clock under its OEM rule. Business rules count only open hours in the
 * rule's zone (`dealer` = the dealer's), on the rule's hours (`dealer` = the dealer's), skipping
 * the dealer's holidays when the rule excludes them; a lead arriving while closed starts counting
 * at the next opening. Real-time rules count every minute. Without a rule: real time, 60 minutes.
 * @param lead The lead with its activities.
 * @param rule The lead's rule (see {@link ruleForLead}), or null.
 * @param dealer Zone, hours and holidays of the dealer.
 * @param now The current instant.
 * @returns Start, due time, what stopped the clock, counted minutes, minutes left, grade, and
 *   whether the limit was met (null while running and not yet overdue).
 * @throws AdapterError kind `malformed` when `receivedAt` is not a valid instant, `rejected` for an
 *   invalid `now` or zone.
 * @example leadClock(lead, ruleForLead(lead, DEFAULT_OEM_RULES), dealer, new Date()).remainingMinutes
 */
export function leadClock(lead: Lead, rule: OemRule | null, dealer: DealerProfile, now: Date | string): LeadClock {
  const nowMs = toMillis(now);
  if (!Number.isFinite(nowMs)) {
    throw new AdapterError({ kind: 'rejected', status: 400, message: `Invalid current time ${JSON.stringify(String(now))}.` });
  }
  return clockOf(lead, rule, rule?.clock === 'business' ? calendarForRule(rule, dealer) : null, nowMs);
}

function clockOf(lead: Lead, rule: OemRule | null, calendar: Calendar | null, nowMs: number): LeadClock {
  const received = parseInstant(lead.receivedAt);
  if (!Number.isFinite(received)) {
    throw new AdapterError({ kind: 'malformed', message: `Lead ${lead.id} has an invalid receivedAt ${JSON.stringify(lead.receivedAt)}.` });
  }
  const limit = rule?.limitMinutes ?? NO_RULE_LIMIT_MINUTES;
  const stoppers = rule?.stoppers ?? ALL_CONTACTS;
  const stoppedBy = firstStopper(lead, stoppers, received);
  const end = stoppedBy ? parseInstant(stoppedBy.at) : Math.max(nowMs, received);

  let startedAt: number;
  let dueAt: number;
  let elapsedMs: number;
  if (calendar) {
    startedAt = addBusinessMs(calendar, received, 0);
    dueAt = addBusinessMs(calendar, received, limit * MINUTE_MS);
    elapsedMs = calendar.opens ? businessMsBetween(calendar, received, end) : end - received;
  } else {
    startedAt = received;
    dueAt = received + limit * MINUTE_MS;
    elapsedMs = end - received;
  }
  const elapsedMinutes = elapsedMs / MINUTE_MS;
  return {
    leadId: lead.id,
    ruleId: rule?.id ?? null,
    startedAt: iso(startedAt),
    dueAt: iso(dueAt),
    stoppedBy,
    elapsedMinutes,
    remainingMinutes: stoppedBy ? null : limit - elapsedMinutes,
    grade: gradeOf(rule ?? { grades: defaultGrades(limit) }, elapsedMinutes),
    met: stoppedBy ? elapsedMinutes <= limit : nowMs >= dueAt ? false : null,
  };
}

// ───────────────────────────── lists and summaries ─────────────────────────────

/**
 * The leads matching a list query.
 * @param leads All leads.
 * @param query Range (calendar days of `receivedAt` in `zone`, inclusive), OEM rule id, salesperson id.
 * @param zone IANA zone the calendar days are taken in (the dealer's).
 * @param rules Rule set used to match `ruleId` (pass the dealer's edited rules).
 * @returns The matching leads, in their original order.
 * @example filterLeads(leads, { from: '2026-03-01', to: '2026-03-31', ruleId: 'toyota' }, 'America/Chicago', rules)
 */
export function filterLeads(
  leads: readonly Lead[],
  query: LeadQuery,
  zone = 'UTC',
  rules: readonly OemRule[] = DEFAULT_OEM_RULES,
): Lead[] {
  const [start, end] = calendarRangeBounds(query, zone);
  const index = query.ruleId ? makeIndex(rules) : null;
  return leads.filter((lead) => {
    const t = parseInstant(lead.receivedAt);
    return (
      t >= start &&
      t < end &&
      (!query.salespersonId || lead.salespersonId === query.salespersonId) &&
      (!index || (index.get(makeKey(lead.make ?? ''))?.id ?? null) === query.ruleId)
    );
  });
}

interface RowAccumulator {
  row: LeadResponseRow;
  respondedMinutes: number;
  decided: number;
  within: number;
}

function accumulator(key: string, label: string): RowAccumulator {
  return {
    row: { key, label, leads: 0, responded: 0, averageMinutes: null, withinLimitShare: null, grades: { green: 0, yellow: 0, red: 0 } },
    respondedMinutes: 0,
    decided: 0,
    within: 0,
  };
}

function add(acc: RowAccumulator, clock: LeadClock): void {
  acc.row.leads++;
  acc.row.grades[clock.grade]++;
  if (clock.stoppedBy) {
    acc.row.responded++;
    acc.respondedMinutes += clock.elapsedMinutes;
  }
  if (clock.met !== null) {
    acc.decided++;
    if (clock.met) acc.within++;
  }
}

function finish(acc: RowAccumulator): LeadResponseRow {
  return {
    ...acc.row,
    averageMinutes: acc.row.responded ? acc.respondedMinutes / acc.row.responded : null,
    withinLimitShare: acc.decided ? acc.within / acc.decided : null,
  };
}

/**
 * The contact-time summary ("Internet > Summary"): one row per OEM rule or per salesperson, and a
 * total. `averageMinutes` is over responded leads; `withinLimitShare` is over leads whose outcome is
 * known (responded, or overdue without a response), so still-running leads do not count against
 * anyone; grades count every lead as of `now`.
 * @param leads All leads (filtered here to the range, by `receivedAt` in the dealer's zone).
 * @param rules The dealer's rule set.
 * @param dealer Zone, hours and holidays of the dealer.
 * @param query Range and grouping.
 * @param now The current instant.
 * @returns Rows (most leads first) and the total.
 * @example summarizeLeadResponses(leads, DEFAULT_OEM_RULES, dealer, { from: '2026-03-01', to: '2026-03-31', groupBy: 'oem' }, new Date()).total.averageMinutes
 */
export function summarizeLeadResponses(
  leads: readonly Lead[],
  rules: readonly OemRule[],
  dealer: DealerProfile,
  query: DateRange & { groupBy: LeadGroupBy },
  now: Date,
): LeadResponseSummary {
  const groups = new Map<string, RowAccumulator>();
  const total = accumulator('total', 'All leads');
  const index = makeIndex(rules);
  const ruleCalendars = new Map<OemRule, Calendar | null>();
  const nowMs = now.getTime();
  for (const lead of filterLeads(leads, query, dealer.zone, rules)) {
    const rule = index.get(makeKey(lead.make ?? '')) ?? null;
    let calendar: Calendar | null = null;
    if (rule) {
      calendar = ruleCalendars.get(rule) ?? null;
      if (!ruleCalendars.has(rule)) ruleCalendars.set(rule, (calendar = rule.clock === 'business' ? calendarForRule(rule, dealer) : null));
    }
    const clock = clockOf(lead, rule, calendar, nowMs);
    const [key, label] =
      query.groupBy === 'salesperson'
        ? [lead.salespersonId ?? 'unassigned', lead.salespersonName ?? 'Unassigned']
        : [rule?.id ?? 'none', rule?.name ?? 'No OEM rule'];
    let acc = groups.get(key);
    if (!acc) groups.set(key, (acc = accumulator(key, label)));
    add(acc, clock);
    add(total, clock);
  }
  const rows = [...groups.values()].map(finish).sort((a, b) => b.leads - a.leads || a.label.localeCompare(b.label));
  return { range: { from: query.from, to: query.to }, groupBy: query.groupBy, rows, total: finish(total) };
}
