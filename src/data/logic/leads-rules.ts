/**
 * OEM lead response rules without business time: the default rulebook from the dealership CRM
 * deck (slides 14-16), the rule covering a make, whether a lead's clock can be stopped at all, and
 * a rule's grade bands. Plain data and `Intl`, without luxon, so a widget's first view (a clock's
 * rule, its gauge's bands) does not load the business-time engine; the clock itself is
 * `leads.ts`, which re-exports all of this.
 */
import type { ActivityKind, Lead, OemRule, WeeklyHours } from '../model.js';
import { ACTIVITY_KINDS, NO_OEM_RULE_ID, WEEKDAYS } from '../model.js';
import { makeKey } from './makes.js';

/** Every contact, the dealer's and the customer's: every activity but an auto-response. */
const ALL_CONTACTS: ActivityKind[] = ACTIVITY_KINDS.filter((k) => k !== 'auto-response');
const NO_TEXTS: ActivityKind[] = ['email-sent', 'ebrochure-sent', 'email-received', 'call-completed', 'call-incoming'];

const days = (list: readonly (typeof WEEKDAYS)[number][], open: string, close: string): WeeklyHours =>
  Object.fromEntries(list.map((d) => [d, [[open, close]]]));

/**
 * Every OEM of the CRM deck (slides 14-16), in the deck's order. Decisions the deck leaves open:
 * - The zone is always the dealer's ("time zone specific"; VW: "their native time zone").
 * - "Business hours" are the dealer's (VW: "as provided by Cobalt", i.e. the dealer's profile).
 * - Holidays count nothing only where the deck says so (Toyota; Mazda: "holidays are considered closed").
 * - "Text recorded/completed" is `text-sent` and `text-received`; rules whose deck entry names no
 *   texts do not stop on them.
 * - Chrysler/Fiat also covers Jeep, Dodge and Ram, the other FCA brands sharing its dealer program;
 *   Nissan/"Infinity" is Infiniti; GM covers Chevrolet, Buick, GMC and Cadillac.
 * - Grades the deck gives only for Toyota; {@link gradeBands} derives the others' from the OEM's own
 *   target where the deck states one (GM, Mazda, VW) and gives the rest a documented default.
 * - Mazda's "90% within 1 hour" is its compliance target and its limit; GM's limit is its 5 hours.
 * @example DEFAULT_OEM_RULES.find((r) => r.id === 'ford')?.stopsClock // ['email-sent', 'ebrochure-sent']
 */
export const DEFAULT_OEM_RULES: OemRule[] = [
  {
    id: 'hyundai',
    name: 'Hyundai',
    makes: ['Hyundai'],
    limitMinutes: 6 * 60,
    clock: 'business',
    hours: days(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], '10:00', '20:00'),
    excludeHolidays: false,
    stopsClock: ALL_CONTACTS,
  },
  {
    id: 'nissan',
    name: 'Nissan / Infiniti',
    makes: ['Nissan', 'Infiniti'],
    limitMinutes: 24 * 60,
    clock: 'business',
    excludeHolidays: false,
    stopsClock: NO_TEXTS,
  },
  {
    id: 'ford',
    name: 'Ford',
    makes: ['Ford'],
    limitMinutes: 60,
    clock: 'business',
    excludeHolidays: false,
    stopsClock: ['email-sent', 'ebrochure-sent'],
  },
  {
    id: 'toyota',
    name: 'Toyota / Scion / Lexus',
    makes: ['Toyota', 'Scion', 'Lexus'],
    limitMinutes: 3 * 60,
    clock: 'business',
    excludeHolidays: true,
    stopsClock: ALL_CONTACTS,
    grades: { greenUnder: 60, yellowUnder: 180 },
  },
  {
    id: 'vw',
    name: 'Volkswagen',
    makes: ['Volkswagen', 'VW'],
    limitMinutes: 3 * 60,
    clock: 'business',
    excludeHolidays: false,
    stopsClock: ALL_CONTACTS,
    discountUnder: 30,
    reassignOver: 180,
  },
  {
    id: 'mitsubishi',
    name: 'Mitsubishi',
    makes: ['Mitsubishi'],
    limitMinutes: 24 * 60,
    clock: 'business',
    excludeHolidays: false,
    stopsClock: NO_TEXTS,
  },
  {
    id: 'chrysler',
    name: 'Chrysler / Fiat',
    makes: ['Chrysler', 'Fiat', 'Jeep', 'Dodge', 'Ram'],
    limitMinutes: 24 * 60,
    clock: 'business',
    excludeHolidays: false,
    stopsClock: ALL_CONTACTS,
  },
  {
    id: 'volvo',
    name: 'Volvo',
    makes: ['Volvo'],
    limitMinutes: 24 * 60,
    clock: 'business',
    excludeHolidays: false,
    stopsClock: ALL_CONTACTS,
  },
  {
    id: 'honda',
    name: 'Honda',
    makes: ['Honda'],
    limitMinutes: 2 * 60,
    clock: 'business',
    excludeHolidays: false,
    stopsClock: NO_TEXTS,
  },
  {
    id: 'subaru',
    name: 'Subaru',
    makes: ['Subaru'],
    limitMinutes: 24 * 60,
    clock: 'business',
    excludeHolidays: false,
    stopsClock: NO_TEXTS,
  },
  {
    id: 'mazda',
    name: 'Mazda',
    makes: ['Mazda'],
    limitMinutes: 60,
    clock: 'business',
    hours: { ...days(['mon', 'tue', 'wed', 'thu', 'fri'], '09:00', '18:00'), sat: [['10:00', '18:00']] },
    excludeHolidays: true,
    stopsClock: ['email-sent', 'ebrochure-sent', 'call-completed'],
    compliance: { percentWithin: 90, withinMinutes: 60 },
  },
  {
    id: 'gm',
    name: 'GM',
    makes: ['Chevrolet', 'Chevy', 'Buick', 'GMC', 'Cadillac', 'GM'],
    limitMinutes: 5 * 60,
    clock: 'real',
    excludeHolidays: false,
    stopsClock: ['email-sent', 'ebrochure-sent', 'email-received', 'call-completed'],
    compliance: { percentWithin: 99, withinMinutes: 5 * 60, averageAtMost: 60 },
  },
  {
    id: 'kia',
    name: 'Kia',
    makes: ['Kia'],
    limitMinutes: 60,
    clock: 'business',
    excludeHolidays: false,
    stopsClock: ['email-sent', 'ebrochure-sent', 'call-completed'],
  },
];

/**
 * The rule for leads whose make no OEM rule covers: one hour of the dealer's business time, any
 * contact stops it. Its id `none` is never a real rule's.
 */
export const NO_OEM_RULE: OemRule = {
  id: NO_OEM_RULE_ID,
  name: 'No OEM rule',
  makes: [],
  limitMinutes: 60,
  clock: 'business',
  excludeHolidays: false,
  stopsClock: ALL_CONTACTS,
};

/**
 * The rule covering a make: makes compare by {@link makeKey}, so case, spacing, punctuation,
 * diacritics, other names and common misspellings do not matter ("Infinity" is Nissan/Infiniti's,
 * "Volkswagon" and "VW" are Volkswagen's, "Chevy" is GM's). Saving refuses a rule whose make another rule already covers
 * ({@link makeOverlap}); where stored rules overlap anyway (data from before that check, or
 * edited outside the app), the first rule in rule order naming the make wins, here and in
 * every evaluation of leads.
 * @param make The vehicle make, any case or spacing.
 * @param rules The rule set (default: {@link DEFAULT_OEM_RULES}).
 * @returns The rule, or undefined when no rule covers the make.
 * @example ruleForMake(' lexus ')?.id // 'toyota'
 */
export function ruleForMake<R extends OemRule = OemRule>(
  make: string,
  rules: readonly R[] = DEFAULT_OEM_RULES as unknown as readonly R[],
): R | undefined {
  const key = makeKey(make ?? '');
  if (!key) return undefined;
  return rules.find((r) => r.makes.some((m) => makeKey(m) === key));
}

/** A make that a rule shares with another rule of a set, and that other rule. */
export interface MakeOverlap<R extends OemRule = OemRule> {
  /** The make as the rule being checked writes it. */
  make: string;
  /** The first other rule covering it. */
  rule: R;
}

/**
 * The first make of a rule that another rule of the set already covers (makes compared by
 * {@link makeKey}, so "VW" in one rule overlaps "Volkswagen" in another). A rule of the set with
 * the same id is the rule itself, in an earlier version, and is skipped.
 * @param rule The rule about to be saved.
 * @param rules The stored rules.
 * @returns The make and the other rule covering it, or null when no other rule covers its makes.
 * @example makeOverlap({ ...rule, id: 'lexus-only', makes: ['LEXUS'] }, DEFAULT_OEM_RULES)?.rule.id // 'toyota'
 */
export function makeOverlap<R extends OemRule>(rule: Pick<OemRule, 'id' | 'makes'>, rules: readonly R[]): MakeOverlap<R> | null {
  for (const make of rule.makes ?? []) {
    const key = makeKey(make ?? '');
    if (!key) continue;
    const other = rules.find((r) => r.id !== rule.id && r.makes.some((m) => makeKey(m) === key));
    if (other) return { make, rule: other };
  }
  return null;
}

/**
 * Why the dealer cannot stop a lead's clock: `no-email` when every stopping activity the dealer
 * can perform under the rule goes by email and the lead has no email address (a Ford lead without
 * one: only an email or an e-brochure stops Ford's clock), `no-phone` when they all go by phone
 * (a call, a text) and it has no phone number, `no-contact` when they need one or the other and it
 * has neither.
 */
export type UnstoppableReason = 'no-email' | 'no-phone' | 'no-contact';

/**
 * What each stopping activity the dealer performs needs: `email-sent` and `ebrochure-sent` an
 * email address, `call-completed` and `text-sent` a phone number. The customer's own contact
 * (`email-received`, `call-incoming`, `text-received`) is not the dealer's to make.
 */
const DEALER_STOPS: Partial<Record<ActivityKind, 'email' | 'phone'>> = {
  'email-sent': 'email',
  'ebrochure-sent': 'email',
  'call-completed': 'phone',
  'text-sent': 'phone',
};

/** An address with something on each side of one `@`; "n/a", "none" or blank are no address. */
const hasEmail = (email: string | null | undefined) => typeof email === 'string' && /^[^\s@]+@[^\s@]+$/.test(email.trim());
/** At least seven digits; "n/a" or blank are no number. */
const hasPhone = (phone: string | null | undefined) => typeof phone === 'string' && phone.replace(/\D/g, '').length >= 7;

/**
 * Whether the dealer can stop a lead's clock at all: null when some stopping activity the dealer
 * performs (an email or e-brochure sent, a call completed, a text sent) can reach the lead, else
 * why not ({@link UnstoppableReason}). A rule whose only stops are the customer's own contact
 * (an email received, an incoming call or text) needs nothing of the lead: null.
 * @param lead The lead's `email` and `phone` (blank or without an `@`, fewer than 7 digits: none).
 * @param rule The rule covering the lead (its `stopsClock`).
 * @returns The reason, or null when the dealer can stop the clock.
 * @example unstoppableReason({ email: null, phone: '+1 312 555 0100' }, ruleForMake('Ford')!) // 'no-email'
 */
export function unstoppableReason(
  lead: Pick<Lead, 'email' | 'phone'>,
  rule: Pick<OemRule, 'stopsClock'>,
): UnstoppableReason | null {
  let email = false;
  let phone = false;
  for (const kind of rule.stopsClock ?? []) {
    const needs = DEALER_STOPS[kind];
    if (needs === 'email') email = true;
    else if (needs === 'phone') phone = true;
  }
  if ((email && hasEmail(lead?.email)) || (phone && hasPhone(lead?.phone)) || !(email || phone)) return null;
  return email && phone ? 'no-contact' : email ? 'no-email' : 'no-phone';
}

/** Each activity in plain English: the widgets' English names of them (`shared/activity-words.ts`) and this layer's own text. */
export const ACTIVITY_WORDS: Record<ActivityKind, string> = {
  'email-sent': 'email sent',
  'ebrochure-sent': 'e-brochure sent',
  'email-received': 'email received',
  'call-completed': 'call completed',
  'call-incoming': 'incoming call',
  'text-sent': 'text sent',
  'text-received': 'text received',
  'auto-response': 'auto-response',
};
const MISSING_WORDS: Record<UnstoppableReason, string> = {
  'no-email': 'No email address',
  'no-phone': 'No phone number',
  'no-contact': 'No email address or phone number',
};

/**
 * Why a lead's clock cannot be stopped, in plain English, for what has no widget to word it (an
 * import's report, a log): the widgets' English text ("No email address: this OEM's clock stops
 * only on …", `unstoppableText` of the shared lead rule text), with the rule's stopping activities.
 * @param reason From {@link unstoppableReason}.
 * @param rule The rule covering the lead (its `stopsClock`; an auto-response is never listed).
 * @returns The sentence.
 * @example unstoppableMessage('no-email', ruleForMake('Ford')!) // "No email address: this OEM's clock stops only on email sent or e-brochure sent"
 */
export function unstoppableMessage(reason: UnstoppableReason, rule: Pick<OemRule, 'stopsClock'>): string {
  const kinds = (rule.stopsClock ?? []).filter((k) => k !== 'auto-response').map((k) => ACTIVITY_WORDS[k] ?? k);
  return `${MISSING_WORDS[reason]}: this OEM's clock stops only on ${new Intl.ListFormat('en', { type: 'disjunction' }).format(kinds)}`;
}

/**
 * Where a rule's grade bands come from: `oem`, the OEM's own bands as the deck gives them (Toyota);
 * `dealer`, thresholds the dealer set on the rule; `derived-from-target`, the OEM's own target
 * (an average, a compliance share or a discount threshold) as the end of green; `default`, green up
 * to half the limit, for OEMs whose deck entry gives neither bands nor a target.
 */
export type GradeBandSource = 'oem' | 'dealer' | 'derived-from-target' | 'default';

/**
 * What the end of green is: the rule's own thresholds (`grades`), the OEM's average target
 * (`average-target`, GM's "overall of 1 hour or less"), its compliance target
 * (`compliance-target`, Mazda's "90% within 1 hour"), its discount threshold (`discount`, VW's
 * "under a 30 minute response"), or half the limit (`half-limit`).
 */
export type GradeBandBasis = 'grades' | 'average-target' | 'compliance-target' | 'discount' | 'half-limit';

/**
 * A rule's grade bands in counted minutes: green up to `greenUntil` (the minute itself included
 * when `inclusive`), yellow from there up to and including `yellowUntil`, red beyond. `yellowUntil`
 * is always the rule's limit, so the grade agrees with the status: a response within the limit
 * (met) is never red, one past it (missed, or overdue) always is.
 */
export interface GradeBands {
  greenUntil: number;
  /** The rule's limit: the last minute that is not red. */
  yellowUntil: number;
  /**
   * Whether `greenUntil` itself is green ("1 hour or less", "within 1 hour", half the limit) or
   * already yellow ("under 1 hour", "under a 30 minute response", a dealer's "green under").
   */
  inclusive: boolean;
  source: GradeBandSource;
  basis: GradeBandBasis;
}

const sameGrades = (a: OemRule['grades'], b: OemRule['grades']) =>
  !!a && !!b && a.greenUnder === b.greenUnder && a.yellowUnder === b.yellowUnder;

/**
 * The grade bands of a rule, from the first of these it has:
 * 1. its own thresholds `grades`: green under `greenUnder`; `source` is `oem` when they are the
 *    default rulebook's for the rule's id (Toyota's "under 1 hour is green, 1-3 hours is yellow,
 *    3+ hours is red"), else `dealer`;
 * 2. the OEM's average target `compliance.averageAtMost`: green up to and including it (GM: 60);
 * 3. the OEM's compliance target `compliance.withinMinutes`: green up to and including it (Mazda:
 *    60, its limit too, so a Mazda lead is green or red);
 * 4. the OEM's discount threshold `discountUnder`: green under it (VW: 30);
 * 5. the default: green up to and including half the limit.
 * Green never reaches past the limit. Yellow always ends at the limit, inclusive, whatever a rule's
 * `yellowUnder` says: at the limit itself the lead is met and so yellow (or green), and the next
 * instant missed and red. Every grade of {@link evaluateLead} comes from these bands.
 * @param rule The OEM rule.
 * @returns The boundaries in minutes of counted time, which side of green's a boundary belongs
 *   to, and where the bands come from.
 * @example gradeBands(ruleForMake('Chevrolet')!) // { greenUntil: 60, yellowUntil: 300, inclusive: true, source: 'derived-from-target', basis: 'average-target' }
 */
export function gradeBands(rule: Pick<OemRule, 'limitMinutes' | 'grades' | 'compliance' | 'discountUnder'> & { id?: string }): GradeBands {
  const limit = rule.limitMinutes;
  const band = (green: number, inclusive: boolean, source: GradeBandSource, basis: GradeBandBasis): GradeBands => ({
    greenUntil: Math.min(green, limit),
    yellowUntil: limit,
    inclusive,
    source,
    basis,
  });
  const g = rule.grades;
  if (g) {
    const own = rule.id !== undefined && sameGrades(g, DEFAULT_OEM_RULES.find((r) => r.id === rule.id)?.grades);
    return band(g.greenUnder, false, own ? 'oem' : 'dealer', 'grades');
  }
  const c = rule.compliance;
  if (c?.averageAtMost !== undefined) return band(c.averageAtMost, true, 'derived-from-target', 'average-target');
  if (c) return band(c.withinMinutes, true, 'derived-from-target', 'compliance-target');
  if (rule.discountUnder !== undefined) return band(rule.discountUnder, false, 'derived-from-target', 'discount');
  return band(limit / 2, true, 'default', 'half-limit');
}

