/**
 * OEM lead response ("stop the clock"): business time in a dealer's zone, one lead's clock, and
 * the contact-time summary per OEM and per salesperson. The rulebook, the rule covering a make and
 * the grade bands, which need no luxon, are `leads-rules.ts`, re-exported here.
 *
 * Business time is real elapsed time inside open hours in the calendar's zone, so an open hour
 * that contains a DST change counts its real length (a 9-18 Sunday of a spring-forward counts
 * 9 hours, of a fall-back 9 hours too, while 1:00-3:00 counts 1 or 3). Each calendar is compiled
 * once into open intervals (epoch milliseconds) per local day, cached by day number, and the
 * clock walks days, never minutes. Calendars and rules are treated as immutable values: edit a
 * copy (as the adapters hand out) rather than changing one in place after it has been used.
 */
import type {
  ActivityKind,
  BusinessCalendar,
  DateRange,
  Lead,
  LeadClockState,
  LeadConsequence,
  LeadGrade,
  LeadQuery,
  LeadResponseRow,
  LeadResponseSummary,
  OemRule,
  WeeklyHours,
} from '../model.js';
import { WEEKDAYS } from '../model.js';
import { AdapterError } from '../errors.js';
import { DAY_MS, checkZone, daysFromCivil, parseInstant } from './calendar.js';
import { calendarRangeBounds, localDayNumber, localTimeToInstant } from './calendar-zones.js';
import { makeKey } from './makes.js';
import { DEFAULT_OEM_RULES, NO_OEM_RULE, gradeBands } from './leads-rules.js';
import type { GradeBands } from './leads-rules.js';

export {
  ACTIVITY_WORDS,
  DEFAULT_OEM_RULES,
  NO_OEM_RULE,
  gradeBands,
  makeOverlap,
  ruleForMake,
  unstoppableMessage,
  unstoppableReason,
} from './leads-rules.js';
export type { GradeBandBasis, GradeBandSource, GradeBands, MakeOverlap, UnstoppableReason } from './leads-rules.js';

const MINUTE_MS = 60_000;
/** How far ahead a business clock looks for open hours before giving up (ten years of days). */
const MAX_LOOKAHEAD_DAYS = 3660;

const rejected = (message: string) => new AdapterError({ kind: 'rejected', status: 400, message });
const malformed = (message: string) => new AdapterError({ kind: 'malformed', message });


/** A make → rule lookup for many leads: each distinct make string is normalised once (first rule wins, as in {@link ruleForMake}). */
function makeLookup<R extends OemRule>(rules: readonly R[]): (make: string) => R | undefined {
  const byKey = new Map<string, R>();
  for (const r of rules) for (const m of r.makes) if (!byKey.has(makeKey(m))) byKey.set(makeKey(m), r);
  const byMake = new Map<string, R | null>();
  return (make) => {
    let found = byMake.get(make);
    if (found === undefined) byMake.set(make, (found = byKey.get(makeKey(make ?? '')) ?? null));
    return found ?? undefined;
  };
}

// ───────────────────────────── business calendars ─────────────────────────────

const NONE: readonly number[] = [];

interface Compiled {
  zone: string;
  /** Per weekday (Monday = 0): flat [open, close, open, close, ...] local minutes, sorted, merged. */
  weekly: number[][];
  holidays: ReadonlySet<number>;
  /** Per local day number: flat [start, end, ...] epoch ms of its open intervals. */
  days: Map<number, readonly number[]>;
  /** Prefix sums: `cum[i]` = open ms of the local days [cumBase, cumBase + i). */
  cumBase: number;
  cum: number[];
}

const HHMM = /^(?:([01]\d|2[0-3]):([0-5]\d)|24:00)$/;

function minutesOf(value: unknown, where: string): number {
  const m = typeof value === 'string' ? HHMM.exec(value) : null;
  if (!m) throw rejected(`Opening hours for ${where}: expected a time HH:mm (00:00-24:00), got ${JSON.stringify(value)}.`);
  return m[1] === undefined ? 1440 : Number(m[1]) * 60 + Number(m[2]);
}

function compile(zone: string, hours: WeeklyHours, holidays: readonly string[] | undefined): Compiled {
  checkZone(zone);
  const weekly: [number, number][][] = WEEKDAYS.map(() => []);
  WEEKDAYS.forEach((day, w) => {
    const intervals = hours?.[day] ?? [];
    if (!Array.isArray(intervals)) throw rejected(`Opening hours for ${day}: expected a list of [open, close] times.`);
    for (const interval of intervals) {
      if (!Array.isArray(interval) || interval.length !== 2) {
        throw rejected(`Opening hours for ${day}: expected [open, close], got ${JSON.stringify(interval)}.`);
      }
      const open = minutesOf(interval[0], day);
      const close = minutesOf(interval[1], day);
      if (open === 1440) throw rejected(`Opening hours for ${day}: a day cannot open at 24:00.`);
      if (close > open) weekly[w]!.push([open, close]);
      else {
        // Closes before it opens: runs into the next day.
        weekly[w]!.push([open, 1440]);
        if (close > 0) weekly[(w + 1) % 7]!.push([0, close]);
      }
    }
  });
  const merged = weekly.map((list) => {
    list.sort((a, b) => a[0] - b[0]);
    const flat: number[] = [];
    for (const [open, close] of list) {
      const n = flat.length;
      if (n && open <= flat[n - 1]!) flat[n - 1] = Math.max(flat[n - 1]!, close);
      else flat.push(open, close);
    }
    return flat;
  });
  const closed = new Set<number>();
  for (const date of holidays ?? []) {
    const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
    if (!m) throw rejected(`Holiday ${JSON.stringify(date)}: expected a date like 2026-12-25.`);
    closed.add(daysFromCivil(Number(m[1]), Number(m[2]), Number(m[3])));
  }
  if (!merged.some((flat) => flat.length)) throw rejected('The business hours are closed every day: no business time can pass.');
  return { zone, weekly: merged, holidays: closed, days: new Map(), cumBase: 0, cum: [] };
}

/** Compiled calendars by content, shared by equal calendars that are different objects. */
const byContent = new Map<string, Compiled>();
/** Calendar object → hours object → [without holidays, with holidays]. */
const byIdentity = new WeakMap<BusinessCalendar, WeakMap<WeeklyHours, [Compiled?, Compiled?]>>();

function compiledFor(calendar: BusinessCalendar, hours: WeeklyHours, withHolidays: boolean): Compiled {
  if (!calendar || typeof calendar !== 'object') throw rejected('A business calendar is needed: { zone, hours, holidays? }.');
  if (!hours || typeof hours !== 'object') throw rejected('Opening hours are needed: { mon: [["09:00", "18:00"]], ... }.');
  let perHours = byIdentity.get(calendar);
  if (!perHours) byIdentity.set(calendar, (perHours = new WeakMap()));
  let pair = perHours.get(hours);
  if (!pair) perHours.set(hours, (pair = [undefined, undefined]));
  const slot = withHolidays ? 1 : 0;
  let compiled = pair[slot];
  if (!compiled) {
    const holidays = withHolidays ? (calendar.holidays ?? []) : [];
    const key = `${calendar.zone}\n${JSON.stringify(hours)}\n${holidays.join(',')}`;
    compiled = byContent.get(key);
    if (!compiled) {
      compiled = compile(calendar.zone, hours, holidays);
      if (byContent.size >= 256) byContent.clear();
      byContent.set(key, compiled);
    }
    pair[slot] = compiled;
  }
  return compiled;
}

/** A local day's open intervals as epoch ms, computed once per calendar and day. */
function openIntervals(c: Compiled, day: number): readonly number[] {
  const cached = c.days.get(day);
  if (cached) return cached;
  let result: readonly number[] = NONE;
  const flat = c.weekly[(((day + 3) % 7) + 7) % 7]!;
  if (flat.length && !c.holidays.has(day)) {
    const midnight = day * DAY_MS;
    const list: number[] = [];
    for (let i = 0; i < flat.length; i += 2) {
      const start = localTimeToInstant(c.zone, midnight + flat[i]! * MINUTE_MS);
      const end = localTimeToInstant(c.zone, midnight + flat[i + 1]! * MINUTE_MS);
      // An interval inside a spring-forward gap has no real time.
      if (end > start) list.push(start, end);
    }
    if (list.length) result = list;
  }
  c.days.set(day, result);
  return result;
}

/** Open ms of one local day's intervals that fall inside [from, to). */
function openWithin(c: Compiled, day: number, from: number, to: number): number {
  const list = openIntervals(c, day);
  let total = 0;
  for (let i = 0; i < list.length; i += 2) {
    const start = list[i]! > from ? list[i]! : from;
    const end = list[i + 1]! < to ? list[i + 1]! : to;
    if (end > start) total += end - start;
  }
  return total;
}

/** Open ms of the whole local days before `day`, counted from the calendar's prefix-sum base. */
function openBefore(c: Compiled, day: number): number {
  if (!c.cum.length || day < c.cumBase) {
    // (Re)start the prefix sums a year before the earliest day asked for.
    const top = c.cum.length ? c.cumBase + c.cum.length - 1 : day;
    c.cumBase = day - 366;
    c.cum = [0];
    for (let d = c.cumBase; d < top; d++) c.cum.push(c.cum[c.cum.length - 1]! + openWithin(c, d, -Infinity, Infinity));
  }
  for (let d = c.cumBase + c.cum.length - 1; d < day; d++) c.cum.push(c.cum[c.cum.length - 1]! + openWithin(c, d, -Infinity, Infinity));
  return c.cum[day - c.cumBase]!;
}

/** Open milliseconds in [from, to): the two end days walked, the days between from prefix sums. */
function businessMs(c: Compiled, from: number, to: number): number {
  if (!(to > from)) return 0;
  const first = localDayNumber(c.zone, from);
  const last = localDayNumber(c.zone, to);
  if (last - first < 3) {
    let total = 0;
    for (let day = first; day <= last; day++) total += openWithin(c, day, from, to);
    return total;
  }
  // The earlier day first: it may move the prefix sums' base, the later one only extends them.
  const before = openBefore(c, first + 1);
  return openWithin(c, first, from, to) + (openBefore(c, last) - before) + openWithin(c, last, from, to);
}

/**
 * The earliest open instant at which `ms` open milliseconds have passed since `from`: the next
 * opening for 0 while closed; when the count runs out exactly at a close, the next opening.
 */
function addBusinessMs(c: Compiled, from: number, ms: number): number {
  let remaining = ms;
  const first = localDayNumber(c.zone, from);
  for (let day = first; day <= first + MAX_LOOKAHEAD_DAYS; day++) {
    const list = openIntervals(c, day);
    for (let i = 0; i < list.length; i += 2) {
      const end = list[i + 1]!;
      if (end <= from) continue;
      const start = list[i]! > from ? list[i]! : from;
      if (end - start > remaining) return start + remaining;
      remaining -= end - start;
    }
  }
  throw rejected(`No open hours within ${MAX_LOOKAHEAD_DAYS} days of ${new Date(from).toISOString()}.`);
}

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const HOURS = TWO.slice(0, 24).map((hh) => `${hh}:`);
const MINUTES = TWO.map((mm) => `${mm}:`);
const SECONDS = TWO.map((ss) => `${ss}.`);
const MILLIS_Z = Array.from({ length: 1000 }, (_, i) => `${String(i).padStart(3, '0')}Z`);
/** `YYYY-MM-DDT` per epoch day. */
const dayPrefixes = new Map<number, string>();

/** `Date#toISOString()` for years 1000-9999, several times faster (it runs once per lead). */
function isoString(ms: number): string {
  if (!(ms >= -30610224000000 && ms < 253402300800000)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size > 100_000) dayPrefixes.clear();
    dayPrefixes.set(day, (prefix = new Date(day * DAY_MS).toISOString().slice(0, 11)));
  }
  let rest = ms - day * DAY_MS;
  const hour = Math.floor(rest / 3_600_000);
  rest -= hour * 3_600_000;
  const minute = Math.floor(rest / MINUTE_MS);
  rest -= minute * MINUTE_MS;
  const sec = Math.floor(rest / 1000);
  return prefix + HOURS[hour] + MINUTES[minute] + SECONDS[sec] + MILLIS_Z[rest - sec * 1000];
}

function instant(value: string, what: string): number {
  const ms = parseInstant(value);
  if (!Number.isFinite(ms)) throw rejected(`${what}: expected an ISO 8601 instant, got ${JSON.stringify(value)}.`);
  return ms;
}

/**
 * Business minutes between two instants: real elapsed minutes inside the calendar's open hours
 * in its zone, holidays closed. Fractions of a minute are kept.
 * @param startIso Start instant (ISO 8601 with offset).
 * @param endIso End instant; 0 when it is not after the start.
 * @param calendar Zone, weekly hours, holidays.
 * @returns Minutes.
 * @throws AdapterError kind `rejected` for an invalid instant, zone, hours or holiday.
 * @example businessMinutesBetween('2026-03-06T22:00:00Z', '2026-03-09T15:00:00Z', dealer) // Fri 16:00 CST → Mon 10:00 CDT
 */
export function businessMinutesBetween(startIso: string, endIso: string, calendar: BusinessCalendar): number {
  const start = instant(startIso, 'Start');
  const end = instant(endIso, 'End');
  return businessMs(compiledFor(calendar, calendar?.hours, true), start, end) / MINUTE_MS;
}

/**
 * The instant at which `minutes` business minutes have passed since `startIso`. The result is
 * always inside open hours: 0 minutes from a closed time is the next opening, and a count that
 * runs out exactly at a close lands on the next opening (the same business minute).
 * @param startIso Start instant.
 * @param minutes Business minutes, 0 or more (fractions are rounded to the millisecond).
 * @param calendar Zone, weekly hours, holidays.
 * @returns The instant as `Date#toISOString()`.
 * @throws AdapterError kind `rejected` for an invalid instant, negative minutes, or a calendar
 *   with no open hours.
 * @example addBusinessMinutes('2026-03-06T23:30:00Z', 60, dealer) // Fri 17:30 CST + 1 h, closing 18:00 → Sat 09:30 CST
 */
export function addBusinessMinutes(startIso: string, minutes: number, calendar: BusinessCalendar): string {
  const start = instant(startIso, 'Start');
  if (!(minutes >= 0) || !Number.isFinite(minutes)) throw rejected(`Business minutes must be 0 or more, got ${minutes}.`);
  return isoString(addBusinessMs(compiledFor(calendar, calendar?.hours, true), start, Math.round(minutes * MINUTE_MS)));
}

// ───────────────────────────── the clock ─────────────────────────────

/** Shared by every state without consequences (most of them): frozen, so it cannot be changed through one state. */
const NO_CONSEQUENCES = Object.freeze([]) as unknown as LeadConsequence[];

/** Bands per rule object, computed once (rules are immutable values, see the module note). */
const bandsByRule = new WeakMap<OemRule, GradeBands>();

function bandsOf(rule: OemRule): GradeBands {
  let b = bandsByRule.get(rule);
  if (!b) bandsByRule.set(rule, (b = gradeBands(rule)));
  return b;
}

/** The grade of a clock: red past the limit (`over`), else green or yellow by the bands. */
function gradeOf(b: GradeBands, elapsedMs: number, over: boolean): LeadGrade {
  if (over) return 'red';
  const minutes = elapsedMs / MINUTE_MS;
  return (b.inclusive ? minutes <= b.greenUntil : minutes < b.greenUntil) ? 'green' : 'yellow';
}

/** An activity as the clock reads it: `by` is who performed it (absent or null: the customer or the system). */
type ClockActivity = { kind: ActivityKind; at: string; by?: string | null };

function clock(
  received: number,
  activities: ReadonlyArray<ClockActivity>,
  rule: OemRule,
  c: Compiled | null,
  now: number,
): LeadClockState {
  const stops = rule.stopsClock;
  let stopAt = Infinity;
  let stop: ClockActivity | undefined;
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i]!;
    if (a.kind === 'auto-response' || !stops.includes(a.kind)) continue;
    const t = parseInstant(a.at);
    if (t !== t) throw malformed(`Activity ${i + 1} (${a.kind}) has an invalid time ${JSON.stringify(a.at)}.`);
    if (t >= received && t < stopAt) {
      stopAt = t;
      stop = a;
    }
  }
  const limitMs = Math.round(rule.limitMinutes * MINUTE_MS);
  const dueAt = c ? addBusinessMs(c, received, limitMs) : received + limitMs;
  const end = stop ? stopAt : now;
  const elapsedMs = c ? businessMs(c, received, end) : end > received ? end - received : 0;
  const elapsedMinutes = elapsedMs / MINUTE_MS;
  let consequences = NO_CONSEQUENCES;
  if (rule.discountUnder !== undefined || rule.reassignOver !== undefined) {
    consequences = [];
    if (stop && rule.discountUnder !== undefined && elapsedMs < rule.discountUnder * MINUTE_MS) consequences.push('discount');
    if (rule.reassignOver !== undefined && elapsedMs > rule.reassignOver * MINUTE_MS) consequences.push('reassigned');
  }
  const over = stop ? elapsedMs > limitMs : now >= dueAt;
  const grade = gradeOf(bandsOf(rule), elapsedMs, over);
  const remainingMinutes = rule.limitMinutes - elapsedMinutes;
  // Two literals, two stable object shapes (no property added later).
  return stop
    ? {
        status: over ? 'missed' : 'met',
        dueAt: isoString(dueAt),
        elapsedMinutes,
        remainingMinutes,
        stoppedBy: { kind: stop.kind, at: stop.at, by: stop.by ?? null },
        grade,
        consequences,
      }
    : { status: over ? 'overdue' : 'running', dueAt: isoString(dueAt), elapsedMinutes, remainingMinutes, grade, consequences };
}

function receivedOf(lead: { receivedAt: string }): number {
  const ms = parseInstant(lead?.receivedAt);
  if (!Number.isFinite(ms)) throw malformed(`The lead has an invalid receivedAt ${JSON.stringify(lead?.receivedAt)}.`);
  return ms;
}

function compiledForRule(rule: OemRule, calendar: BusinessCalendar): Compiled | null {
  return rule.clock === 'business' ? compiledFor(calendar, rule.hours ?? calendar?.hours, rule.excludeHolidays) : null;
}

/**
 * One lead's response clock under its OEM rule.
 *
 * Business rules count real minutes inside open hours in `calendar.zone`: the rule's own `hours`
 * when it has them, else the calendar's; the calendar's holidays count nothing when the rule
 * excludes holidays, and count as ordinary days when it does not. A lead arriving while closed
 * starts counting at the next opening. `clock: 'real'` counts every minute. The clock stops at
 * the first activity at or after `receivedAt` whose kind the rule lists (never an auto-response).
 *
 * `met` when the stop's elapsed time is at most the limit, `missed` when more; with no stop,
 * `running` before `dueAt` and `overdue` from it. `dueAt` is the last instant a response still
 * meets the limit: when the limit runs out exactly at a close, that is the next opening.
 * `remainingMinutes` is limit − elapsed. `stoppedBy` is the stopping activity's kind, time and
 * `by` (who performed it; null for the customer or the system, and when the activity does not
 * say); an empty `consequences` is a shared frozen array. The grade
 * agrees with the status: red when missed or overdue, else green or yellow by the rule's
 * {@link gradeBands} (a Toyota lead answered at exactly 180 minutes is met and yellow). Consequences: `discount` when stopped under `discountUnder`; `reassigned` once the
 * elapsed time (to the stop, or so far) is over `reassignOver`.
 * @param lead The lead (`receivedAt`; `make` is not read: pick the rule with {@link ruleForMake}).
 * @param activities The lead's activities, any order (`by`: who performed one, for `stoppedBy`).
 * @param rule The OEM rule.
 * @param calendar The dealer's zone, hours and holidays.
 * @param nowIso The current instant.
 * @returns The clock state.
 * @throws AdapterError kind `malformed` for an invalid `receivedAt` or activity time, `rejected`
 *   for an invalid `nowIso`, zone, hours or holiday.
 * @example evaluateLead(lead, lead.activities, ruleForMake(lead.make)!, dealer, new Date().toISOString()).status
 */
export function evaluateLead(
  lead: { receivedAt: string; make?: string },
  activities: ReadonlyArray<{ kind: ActivityKind; at: string; by?: string | null }>,
  rule: OemRule,
  calendar: BusinessCalendar,
  nowIso: string,
): LeadClockState {
  const received = receivedOf(lead);
  const now = instant(nowIso, 'Now');
  return clock(received, activities ?? [], rule, compiledForRule(rule, calendar), now);
}

/** A lead with its rule and its clock. */
export interface LeadEvaluation {
  lead: Lead;
  /** The rule covering the lead's make, or {@link NO_OEM_RULE}. */
  rule: OemRule;
  state: LeadClockState;
}

/**
 * Every lead's clock under the rule covering its make ({@link NO_OEM_RULE} when none does): the
 * "Internet > Detail" rows. Rules are matched and calendars compiled once per call.
 * @param leads The leads.
 * @param rules The dealer's rule set.
 * @param calendar The dealer's zone, hours and holidays.
 * @param nowIso The current instant.
 * @returns One evaluation per lead, in the leads' order.
 * @throws As {@link evaluateLead}.
 * @example evaluateLeads(leads, DEFAULT_OEM_RULES, dealer, now).filter((e) => e.state.status === 'overdue')
 */
export function evaluateLeads(
  leads: readonly Lead[],
  rules: readonly OemRule[],
  calendar: BusinessCalendar,
  nowIso: string,
): LeadEvaluation[] {
  const evaluate = leadEvaluator(rules, calendar, nowIso);
  const out: LeadEvaluation[] = new Array(leads.length);
  for (let i = 0; i < leads.length; i++) out[i] = evaluate(leads[i]!);
  return out;
}

/**
 * What {@link evaluateLeads} does to each lead, as a function of one lead, for a caller that
 * works a long list out a slice at a time (a page that yields between slices): rules are matched
 * and calendars compiled once per evaluator, as once per `evaluateLeads` call. Evaluating every
 * lead with one evaluator gives what `evaluateLeads` gives.
 * @param rules The dealer's rule set.
 * @param calendar The dealer's zone, hours and holidays.
 * @param nowIso The current instant.
 * @returns A function from a lead to its evaluation.
 * @throws As {@link evaluateLead}: `rejected` for an invalid `nowIso` at once; the returned
 *   function `malformed` for a lead with an invalid time (naming the lead), `rejected` for the
 *   calendar.
 * @example const evaluate = leadEvaluator(rules, dealer, now); const first = leads.slice(0, 500).map(evaluate);
 */
export function leadEvaluator(
  rules: readonly OemRule[],
  calendar: BusinessCalendar,
  nowIso: string,
): (lead: Lead) => LeadEvaluation {
  const now = instant(nowIso, 'Now');
  const lookup = makeLookup(rules);
  const calendars = new Map<OemRule, Compiled | null>();
  return (lead) => {
    const rule = lookup(lead.make) ?? NO_OEM_RULE;
    let c = calendars.get(rule);
    if (c === undefined) calendars.set(rule, (c = compiledForRule(rule, calendar)));
    let state: LeadClockState;
    try {
      state = clock(receivedOf(lead), lead.activities ?? [], rule, c, now);
    } catch (error) {
      if (error instanceof AdapterError && error.kind === 'malformed') {
        throw malformed(`Lead ${lead.id}: ${error.message.replace(/^The lead has/, 'it has')}`);
      }
      throw error;
    }
    return { lead, rule, state };
  };
}

/**
 * Checks an OEM rule a user saves, before its version and its makes are compared with the stored
 * rules ({@link makeOverlap}): it has an id and a name, a positive limit, no auto-response among
 * the activities that stop its clock, and set hours (when it has its own) the clock can read.
 * @param rule The rule as saved.
 * @param calendar The dealer's zone (its hours are not read).
 * @param nowIso The current instant (the hours are checked by counting from it).
 * @returns The rule's name, trimmed.
 * @throws AdapterError kind `rejected` naming what is wrong.
 * @example checkOemRule({ ...rule, limitMinutes: 0 }, dealer, now) // throws: the limit must be a positive number of minutes
 */
export function checkOemRule(rule: OemRule, calendar: Pick<BusinessCalendar, 'zone'>, nowIso: string): string {
  if (!rule?.id) throw rejected('A rule needs an id.');
  if (typeof rule.name !== 'string' || !rule.name.trim()) throw rejected('A rule needs a name.');
  const name = rule.name.trim();
  if (!(rule.limitMinutes > 0) || !Number.isFinite(rule.limitMinutes)) {
    throw rejected(`Rule "${name}": the limit must be a positive number of minutes.`);
  }
  if (rule.stopsClock?.includes('auto-response')) {
    throw rejected(`Rule "${name}": an auto-response never stops the clock.`);
  }
  // Checks the hours (format, at least one open day) the way the clock will read them.
  if (rule.hours) businessMinutesBetween(nowIso, nowIso, { zone: calendar.zone, hours: rule.hours });
  return name;
}

/**
 * The make keys ({@link makeKey}) each rule of a set covers: where two rules name one make, the
 * first in rule order has it, as in every evaluation. A server matches a lead's stored make key
 * against them to list one rule's leads, or (all keys) the leads no rule covers.
 * @param rules The dealer's rule set, in rule order.
 * @returns Rule id → its make keys.
 * @example makeKeysByRule(DEFAULT_OEM_RULES).get('toyota') // ['toyota', 'lexus', …]
 */
export function makeKeysByRule(rules: readonly OemRule[]): Map<string, string[]> {
  const owner = new Map<string, string>();
  for (const r of rules) for (const m of r.makes) if (!owner.has(makeKey(m))) owner.set(makeKey(m), r.id);
  const keys = new Map<string, string[]>(rules.map((r) => [r.id, []]));
  for (const [key, id] of owner) keys.get(id)!.push(key);
  return keys;
}

// ───────────────────────────── lists and summaries ─────────────────────────────

/**
 * The leads matching a list query.
 * @param leads All leads.
 * @param query Range (calendar days of `receivedAt` in `zone`, inclusive), OEM rule id (`none`
 *   for leads no rule covers), salesperson id.
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
  const lookup = query.ruleId ? makeLookup(rules) : null;
  return leads.filter((lead) => {
    const t = parseInstant(lead.receivedAt);
    return (
      t >= start &&
      t < end &&
      (!query.salespersonId || lead.salespersonId === query.salespersonId) &&
      (!lookup || (lookup(lead.make)?.id ?? NO_OEM_RULE.id) === query.ruleId)
    );
  });
}

interface ComplianceAcc {
  rule: OemRule;
  within: number;
  decided: number;
  knownSum: number;
  known: number;
}

interface RowAcc {
  key: string;
  label: string;
  /** A responder's row: answers on leads assigned to another salesperson (undefined on other rows). */
  forOthers?: number;
  count: number;
  responded: number;
  known: number[];
  within: number;
  grades: Record<LeadGrade, number>;
  compliance: Map<OemRule, ComplianceAcc>;
}

function rowAcc(key: string, label: string): RowAcc {
  return { key, label, forOthers: undefined, count: 0, responded: 0, known: [], within: 0, grades: { green: 0, yellow: 0, red: 0 }, compliance: new Map() };
}

function addTo(acc: RowAcc, { rule, state }: LeadEvaluation): void {
  acc.count++;
  acc.grades[state.grade]++;
  const known = state.status !== 'running';
  if (state.stoppedBy) acc.responded++;
  if (known) {
    acc.known.push(state.elapsedMinutes);
    if (state.status === 'met') acc.within++;
  }
  const target = rule.compliance;
  if (!target) return;
  let c = acc.compliance.get(rule);
  if (!c) acc.compliance.set(rule, (c = { rule, within: 0, decided: 0, knownSum: 0, known: 0 }));
  if (state.stoppedBy) {
    c.decided++;
    if (state.elapsedMinutes <= target.withinMinutes) c.within++;
  } else if (state.elapsedMinutes > target.withinMinutes) c.decided++;
  if (known) {
    c.known++;
    c.knownSum += state.elapsedMinutes;
  }
}

function complianceOf(acc: RowAcc): boolean | null {
  let result: boolean | null = null;
  for (const c of acc.compliance.values()) {
    const target = c.rule.compliance!;
    if (!c.decided) continue;
    const percentOk = (c.within / c.decided) * 100 >= target.percentWithin;
    const averageOk = target.averageAtMost === undefined || !c.known || c.knownSum / c.known <= target.averageAtMost;
    if (!(percentOk && averageOk)) return false;
    result = true;
  }
  return result;
}

function finish(acc: RowAcc): LeadResponseRow {
  const known = acc.known.sort((a, b) => a - b);
  const n = known.length;
  const mid = n >> 1;
  return {
    key: acc.key,
    label: acc.label,
    count: acc.count,
    responded: acc.responded,
    averageMinutes: n ? known.reduce((s, x) => s + x, 0) / n : null,
    medianMinutes: n ? (n % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2) : null,
    percentWithinLimit: n ? (acc.within / n) * 100 : null,
    grades: acc.grades,
    complianceMet: complianceOf(acc),
    ...(acc.forOthers === undefined ? {} : { forOthers: acc.forOthers }),
  };
}

const byCount = (a: LeadResponseRow, b: LeadResponseRow) => b.count - a.count || a.label.localeCompare(b.label);

/**
 * The contact-time summary of evaluated leads (see {@link evaluateLeads}), e.g. of the detail rows
 * a report kept after its own filters.
 *
 * Average, median and % within limit are over leads whose outcome is known: stopped (met or
 * missed) and overdue (counted up to now), so leads still running count against no one; grades
 * count every lead as of now. Compliance per OEM row is the OEM's target: the share of decided
 * leads (stopped, or unanswered past the target's minutes) answered within its minutes, and the
 * average when the OEM sets one; a salesperson's (and the total) is met when every OEM target
 * among its leads is met. Null where no target applies or nothing is decided yet.
 *
 * Besides the assigned salesperson, leads are grouped by who answered them and by their source:
 * a responder row (`by:<name>`) holds the leads whose stopping activity that person performed
 * (`stoppedBy.by`, trimmed), with `forOthers` counting those assigned to another salesperson (a BDC
 * answering for the floor); `customer` holds the leads the customer or the system stopped (`by`
 * null or blank), `no-response` those not stopped yet; people come first, most answers first. A
 * provider row (`provider:<name>`) holds the leads of one `provider` (trimmed; blank: `unknown`).
 * @param evaluations Evaluated leads.
 * @param range The range the leads were taken from (echoed).
 * @returns Rows per OEM rule, per salesperson, per responder and per provider (most leads first),
 *   and the total.
 * @example summarizeLeadEvaluations(evaluateLeads(leads, rules, dealer, now), range).byOem[0]?.complianceMet
 */
export function summarizeLeadEvaluations(evaluations: readonly LeadEvaluation[], range: DateRange): LeadResponseSummary {
  const oem = new Map<string, RowAcc>();
  const people = new Map<string, RowAcc>();
  const responders = new Map<string, RowAcc>();
  const providers = new Map<string, RowAcc>();
  const total = rowAcc('total', 'All leads');
  const row = (rows: Map<string, RowAcc>, key: string, label: string) => {
    let acc = rows.get(key);
    if (!acc) rows.set(key, (acc = rowAcc(key, label)));
    return acc;
  };
  for (const e of evaluations) {
    addTo(row(oem, e.rule.id, e.rule.name), e);
    addTo(row(people, e.lead.salespersonId ?? 'unassigned', e.lead.salespersonName ?? 'Unassigned'), e);
    const stop = e.state.stoppedBy;
    const by = stop ? nameOf(stop.by) : null;
    if (by === null) addTo(stop ? row(responders, 'customer', 'Customer / system') : row(responders, 'no-response', 'No response yet'), e);
    else {
      const r = row(responders, `by:${by}`, by);
      r.forOthers = (r.forOthers ?? 0) + (forOther(e.lead, by) ? 1 : 0);
      addTo(r, e);
    }
    const provider = nameOf(e.lead.provider);
    addTo(provider === null ? row(providers, 'unknown', 'Unknown provider') : row(providers, `provider:${provider}`, provider), e);
    addTo(total, e);
  }
  return {
    range: { from: range.from, to: range.to },
    byOem: [...oem.values()].map(finish).sort(byCount),
    bySalesperson: [...people.values()].map(finish).sort(byCount),
    byResponder: [...responders.values()].map(finish).sort(byResponderOrder),
    byProvider: [...providers.values()].map(finish).sort(byCount),
    total: finish(total),
  };
}

/** A name as the summary groups it: trimmed, and null when blank or absent. */
const nameOf = (name: string | null | undefined): string | null => (typeof name === 'string' && name.trim() ? name.trim() : null);

/** Whether the lead is assigned to a salesperson other than `by` (an unassigned lead is nobody's). */
function forOther(lead: Lead, by: string): boolean {
  const assigned = nameOf(lead.salespersonName);
  return assigned !== null && assigned !== by;
}

/** People first (most answers first), then the customer or system, then the leads not answered yet. */
const LAST_RESPONDER_ROWS = ['customer', 'no-response'];
const byResponderOrder = (a: LeadResponseRow, b: LeadResponseRow) =>
  LAST_RESPONDER_ROWS.indexOf(a.key) - LAST_RESPONDER_ROWS.indexOf(b.key) || byCount(a, b);

/**
 * The contact-time summary ("Internet > Summary") of the leads received in a range: per OEM,
 * per salesperson, per responder and per lead source, count, average and median elapsed minutes,
 * % within the limit, grade counts and compliance with the OEM's target (see
 * {@link summarizeLeadEvaluations}).
 * @param leads All leads (filtered here to the range, by `receivedAt` in the calendar's zone).
 * @param options `range`; `rules` (default {@link DEFAULT_OEM_RULES}); the dealer's `calendar`; `nowIso`.
 * @returns The summary.
 * @throws As {@link evaluateLead}; `rejected` for an invalid range.
 * @example summarizeLeadResponses(leads, { range, rules, calendar: dealer, nowIso }).total.medianMinutes
 */
export function summarizeLeadResponses(
  leads: readonly Lead[],
  options: { range: DateRange; rules?: readonly OemRule[]; calendar: BusinessCalendar; nowIso: string },
): LeadResponseSummary {
  const rules = options.rules ?? DEFAULT_OEM_RULES;
  const inRange = filterLeads(leads, options.range, options.calendar.zone, rules);
  return summarizeLeadEvaluations(evaluateLeads(inRange, rules, options.calendar, options.nowIso), options.range);
}

