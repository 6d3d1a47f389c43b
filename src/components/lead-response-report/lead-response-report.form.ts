/**
 * The rule editor's form: an OEM rule as the fields show it, and back. Reading the form refuses
 * what the clock would misread (a close before an open the user did not mean as overnight, a
 * limit of 0) with a sentence per problem, before anything is sent.
 */
import type { ActivityKind, StoredOemRule, Weekday, WeeklyHours } from '../../data/model.js';
import { ACTIVITY_KINDS, WEEKDAYS } from '../../data/model.js';
import { t } from './lead-response-report.messages.js';

/** The activities a dealer may pick: every kind but the auto-response, which never stops a clock. */
export const STOP_KINDS = ACTIVITY_KINDS.filter((k) => k !== 'auto-response') as Exclude<ActivityKind, 'auto-response'>[];

export interface DayForm {
  open: boolean;
  /** 'HH:mm'. */
  opens: string;
  /** 'HH:mm'; '00:00' closes at midnight. */
  closes: string;
  /** The close is on the next day. */
  overnight: boolean;
  /** Further intervals of the day, kept as they are (the form edits the first). */
  extra: Array<[string, string]>;
}

export interface RuleForm {
  limit: string;
  clock: 'business' | 'real';
  ownHours: boolean;
  days: Record<Weekday, DayForm>;
  excludeHolidays: boolean;
  stops: ActivityKind[];
  customGrades: boolean;
  /** Where green ends (minutes, exclusive); yellow runs from there to the limit. */
  greenUnder: string;
}

/** A problem with the form: the field it is about (for `aria-describedby`) and what to say. */
export interface FormProblem {
  field: 'limit' | `day-${Weekday}` | 'hours' | 'stops' | 'grades';
  message: string;
}

const toMinutes = (hhmm: string) => {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
};

function dayForm(intervals: Array<[string, string]> | undefined): DayForm {
  const [first, ...extra] = intervals ?? [];
  if (!first) return { open: false, opens: '09:00', closes: '18:00', overnight: false, extra: [] };
  const [opens, close] = first;
  const closes = close === '24:00' ? '00:00' : close;
  const overnight = close !== '24:00' && toMinutes(close) <= toMinutes(opens) && close !== '00:00';
  return { open: true, opens, closes, overnight, extra: extra.map(([a, b]) => [a, b]) };
}

/**
 * The form of a rule. A rule on the dealer's hours starts its own-hours fields from the dealer's,
 * so choosing "own hours" starts from something sensible.
 */
export function formOf(rule: StoredOemRule, dealerHours: WeeklyHours): RuleForm {
  const hours = rule.hours ?? dealerHours;
  return {
    limit: String(rule.limitMinutes),
    clock: rule.clock,
    ownHours: !!rule.hours,
    days: Object.fromEntries(WEEKDAYS.map((d) => [d, dayForm(hours[d])])) as Record<Weekday, DayForm>,
    excludeHolidays: rule.excludeHolidays,
    stops: rule.stopsClock.filter((k) => k !== 'auto-response'),
    customGrades: !!rule.grades,
    // A rule's `yellowUnder` is not read: yellow always ends at the limit.
    greenUnder: rule.grades ? String(rule.grades.greenUnder) : '',
  };
}

const DAY_LONG = {
  mon: 'monLong',
  tue: 'tueLong',
  wed: 'wedLong',
  thu: 'thuLong',
  fri: 'friLong',
  sat: 'satLong',
  sun: 'sunLong',
} as const;

/** A weekday's full name in the current locale. */
export const dayName = (day: Weekday): string => t(DAY_LONG[day]);

const wholeMinutes = (text: string): number | null => {
  const s = text.trim();
  return /^\d+$/.test(s) ? Number(s) : null;
};

/**
 * The rule a form describes, or what is wrong with it. Fields the form does not show (name,
 * makes, compliance target, consequences) are the rule's own; `version` is the one the edit
 * started from, so a change made meanwhile is a conflict.
 */
export function ruleOf(form: RuleForm, rule: StoredOemRule): { rule: StoredOemRule; problems: [] } | { rule: null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const limitText = form.limit.trim();
  const limit = Number(limitText);
  if (limitText !== '' && Number.isFinite(limit) && limit <= 0) problems.push({ field: 'limit', message: t('limitNotPositive') });
  else if (wholeMinutes(limitText) === null) problems.push({ field: 'limit', message: t('limitInvalid') });

  let hours: WeeklyHours | undefined;
  if (form.clock === 'business' && form.ownHours) {
    hours = {};
    for (const day of WEEKDAYS) {
      const d = form.days[day];
      if (!d.open) continue;
      const field = `day-${day}` as const;
      const name = dayName(day);
      const open = toMinutes(d.opens);
      const close = toMinutes(d.closes);
      if (Number.isNaN(open) || Number.isNaN(close)) {
        problems.push({ field, message: t('timeMissing', name) });
        continue;
      }
      // '00:00' as a close is midnight at the end of the day.
      const closeAt = close === 0 && !d.overnight ? 1440 : close;
      if (!d.overnight && closeAt < open) {
        problems.push({ field, message: t('closeBeforeOpen', name, d.closes, d.opens) });
        continue;
      }
      if (!d.overnight && closeAt === open) {
        problems.push({ field, message: t('sameOpenClose', name) });
        continue;
      }
      if (d.overnight && close > open) {
        problems.push({ field, message: t('overnightNotNeeded', name, d.closes, d.opens) });
        continue;
      }
      hours[day] = [[d.opens, closeAt === 1440 ? '24:00' : d.closes], ...d.extra];
    }
    if (!WEEKDAYS.some((d) => form.days[d].open)) problems.push({ field: 'hours', message: t('noOpenDay') });
  } else if (form.clock === 'real' && form.ownHours && rule.hours) {
    // A real-time clock reads no hours; the rule's own stay for when it counts business time again.
    hours = rule.hours;
  }

  const stops = STOP_KINDS.filter((k) => form.stops.includes(k));
  if (!stops.length) problems.push({ field: 'stops', message: t('noStops') });

  let grades: StoredOemRule['grades'];
  if (form.customGrades) {
    // Green ends where the dealer says, within the limit; yellow runs to the limit, which
    // `yellowUnder` repeats so the stored rule keeps the contract's shape.
    const green = wholeMinutes(form.greenUnder);
    const limitOk = wholeMinutes(limitText) !== null && limit > 0;
    if (green === null) problems.push({ field: 'grades', message: t('gradesInvalid') });
    else if (green === 0) problems.push({ field: 'grades', message: t('greenZero') });
    else if (limitOk && green > limit) problems.push({ field: 'grades', message: t('greenPastLimit', String(limit)) });
    else grades = { greenUnder: green, yellowUnder: limit };
  }

  if (problems.length) return { rule: null, problems };
  const { hours: _hours, grades: _grades, ...rest } = rule;
  return {
    rule: {
      ...structuredClone(rest),
      limitMinutes: limit,
      clock: form.clock,
      ...(hours && { hours }),
      excludeHolidays: form.excludeHolidays,
      stopsClock: stops,
      ...(grades && { grades }),
    },
    problems: [],
  };
}
