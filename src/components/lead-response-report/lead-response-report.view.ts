/**
 * Formatting and small render helpers of the lead response report: durations, times in the
 * dealer's zone, grades (colour, shape and word), rule descriptions. Figures come from the domain
 * functions as they are; these only turn them into text.
 */
import { html } from 'lit';
import type { TemplateResult } from 'lit';
import type { ActivityKind, LeadGrade, OemRule, Weekday, WeeklyHours } from '../../data/model.js';
import { WEEKDAYS } from '../../data/model.js';
import { LEAD_RESPONSE_BUCKETS } from '../../data/logic/lead-buckets.js';
import type { LeadResponseBucket } from '../../data/logic/lead-buckets.js';
import { t } from './lead-response-report.messages.js';

/** Intl formatters for one locale and the dealer's zone. */
export interface Formats {
  locale: string;
  zone: string;
  count: Intl.NumberFormat;
  percent: Intl.NumberFormat;
  decimal: Intl.NumberFormat;
  /** A lead's time, in the dealer's zone. */
  time: Intl.DateTimeFormat;
  /** A range end (an ISO date, read as UTC midnight). */
  date: Intl.DateTimeFormat;
}

export function makeFormats(locale: string, zone: string): Formats {
  let time: Intl.DateTimeFormat;
  try {
    time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone });
  } catch {
    time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  }
  return {
    locale,
    zone,
    count: new Intl.NumberFormat(locale),
    percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }),
    decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }),
    time,
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  };
}

export const timeText = (f: Formats, iso: string): string => f.time.format(new Date(iso));
export const dateText = (f: Formats, isoDate: string): string => f.date.format(new Date(`${isoDate}T00:00:00Z`));

/**
 * Minutes as "45 min", "6 h", "1 h 15 min" (rounded to the minute; whole hours beyond a day stay hours,
 * since a business day is no fixed number of hours).
 */
export function duration(f: Formats, minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (!h) return t('minutes', f.count.format(m));
  if (!m) return t('hours', f.count.format(h));
  return t('hoursMinutes', f.count.format(h), f.count.format(m));
}

/** Hours as the bucket labels say them: "1.5 h". */
const hoursLabel = (f: Formats, minutes: number) => t('hours', f.decimal.format(minutes / 60));

/** A bucket's label: "0–30 min", "1–1.5 h", "4–8 h", "24 h or more". */
export function bucketLabel(f: Formats, bucket: LeadResponseBucket): string {
  const { fromMinutes: a, toMinutes: b } = bucket;
  if (b === null) return t('orMore', hoursLabel(f, a));
  if (b <= 60) return t('minutes', t('range', f.count.format(a), f.count.format(b)));
  return t('hours', t('range', f.decimal.format(a / 60), f.decimal.format(b / 60)));
}

export const bucketLabels = (f: Formats): string[] => [...LEAD_RESPONSE_BUCKETS.map((b) => bucketLabel(f, b)), t('bucketNone')];

const GRADE_MARK: Record<LeadGrade, string> = { green: '●', yellow: '▲', red: '■' };

/** A grade as a coloured badge with a shape and its word, so colour is never the only signal. */
export const gradeBadge = (grade: LeadGrade): TemplateResult =>
  html`<span class="grade grade--${grade}" part="grade grade-${grade}"><span class="grade__mark" aria-hidden="true">${GRADE_MARK[grade]}</span> ${t(grade)}</span>`;

export const activityName = (kind: ActivityKind): string => t(kind);

const dayShort = (day: Weekday): string => t(day);

/** Weekly hours as "Mon–Sat 10:00–20:00", runs of days with the same hours grouped. */
export function hoursText(hours: WeeklyHours): string {
  const spans = WEEKDAYS.map((d) => (hours[d] ?? []).map(([a, b]) => `${a}–${b}`).join(', '));
  const parts: string[] = [];
  for (let i = 0; i < WEEKDAYS.length; ) {
    let j = i;
    while (j + 1 < WEEKDAYS.length && spans[j + 1] === spans[i]) j++;
    if (spans[i]) {
      const days = i === j ? dayShort(WEEKDAYS[i]!) : `${dayShort(WEEKDAYS[i]!)}–${dayShort(WEEKDAYS[j]!)}`;
      parts.push(`${days} ${spans[i]}`);
    }
    i = j + 1;
  }
  return parts.join('; ') || t('closedAllWeek');
}

export function clockText(rule: OemRule): string {
  if (rule.clock === 'real') return t('clockReal');
  return rule.hours ? t('clockBusinessOwn', hoursText(rule.hours)) : t('clockBusinessDealer');
}

export const holidaysText = (rule: OemRule): string => (rule.excludeHolidays ? t('holidaysExcluded') : t('holidaysCounted'));

export const stopsText = (rule: OemRule): string => rule.stopsClock.map(activityName).join(', ');

export function gradesText(f: Formats, rule: OemRule): string {
  return rule.grades ? t('gradesCustom', duration(f, rule.grades.greenUnder), duration(f, rule.grades.yellowUnder)) : t('gradesDefault');
}

/** A rule in one line, for comparing two versions of it. */
export const ruleLine = (f: Formats, rule: OemRule): string =>
  t('ruleSummary', duration(f, rule.limitMinutes), clockText(rule), holidaysText(rule), stopsText(rule));

/** The OEM's compliance target in words: "90% within 1 h", with its average when it sets one. */
export function targetText(f: Formats, rule: OemRule | undefined): string | null {
  const c = rule?.compliance;
  if (!c) return null;
  const base = t('targetText', f.percent.format(c.percentWithin / 100), duration(f, c.withinMinutes));
  return c.averageAtMost === undefined ? base : `${base}, ${t('targetAverage', duration(f, c.averageAtMost))}`;
}

/** A figure that does not exist: a dash for the eye, words for a screen reader. */
export const none = (why: string): TemplateResult =>
  html`<span aria-hidden="true">—</span><span class="fc-visually-hidden">${why}</span>`;
