/**
 * A rule in words for the rule editor (loaded on demand, with it): its clock and hours, its
 * holidays, what stops it, its grade bands, and the whole rule in one line. Not in the report's
 * first load.
 */
import type { OemRule, Weekday, WeeklyHours } from '../../data/model.js';
import { WEEKDAYS } from '../../data/model.js';
import { gradeBands } from '../../data/logic/leads-rules.js';
import { gradeBandsText } from '../shared/lead-rule-text.js';
import type { Formats } from '../shared/formats.js';
import { t } from './lead-response-report.messages.js';
import { activityName, duration } from './lead-response-report.view.js';

const dayShort = (day: Weekday): string => t(day);

/** A rule's grade bands and where they come from (the OEM's own, derived from its target, the dealer's, the default). */
export const gradesText = (f: Formats, rule: Parameters<typeof gradeBands>[0]): string => gradeBandsText(gradeBands(rule), (m) => duration(f, m));

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

/** A rule in one line, for comparing two versions of it. */
export const ruleLine = (f: Formats, rule: OemRule): string =>
  t('ruleSummary', duration(f, rule.limitMinutes), clockText(rule), holidaysText(rule), stopsText(rule));
