/**
 * Text of the clock: durations, the countdown, instants in the dealer's zone, a rule's terms.
 * Formats are built once per locale and zone and shared by every clock.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { LeadGrade, OemRule, WeeklyHours } from '../../data/model.js';
import { WEEKDAYS } from '../../data/model.js';
import { gradeBands } from '../../data/logic/leads-rules.js';
import { gradeBandsText } from '../shared/lead-rule-text.js';
import type { Locale } from '../shared/messages.js';
import { activityWords, t } from './lead-clock.messages.js';
import { durationText } from '../shared/formats.js';

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/**
 * A countdown as `h:mm:ss` (hours unbounded).
 * @example countdownText(3723) // "1:02:03"
 */
export function countdownText(seconds: number): string {
  const s = seconds % 60;
  const m = ((seconds - s) / 60) % 60;
  return `${Math.floor(seconds / 3600)}:${TWO[m]}:${TWO[s]}`;
}

type FormatKind = 'due' | 'weekdayTime' | 'time' | 'day';
const FORMAT_OPTIONS: Record<FormatKind, Intl.DateTimeFormatOptions> = {
  due: { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
  weekdayTime: { weekday: 'short', hour: 'numeric', minute: '2-digit' },
  time: { hour: 'numeric', minute: '2-digit' },
  day: { year: 'numeric', month: '2-digit', day: '2-digit' },
};
const formats = new Map<string, Intl.DateTimeFormat>();

/** An instant as text in a zone; one `DateTimeFormat` per locale, zone and kind for the whole page. */
export function formatInstant(ms: number, zone: string, locale: Locale, kind: FormatKind): string {
  const key = `${locale}\n${zone}\n${kind}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { ...FORMAT_OPTIONS[kind], timeZone: zone })));
  return format.format(ms);
}

/** "10:42 AM" on the lead's arrival day, "Tue 10:42 AM" on a later one (in the dealer's zone). */
export function stopTimeText(at: number, received: number, zone: string, locale: Locale): string {
  const sameDay = formatInstant(at, zone, locale, 'day') === formatInstant(received, zone, locale, 'day');
  return formatInstant(at, zone, locale, sameDay ? 'time' : 'weekdayTime');
}

const DAY_NAMES: Record<Locale, string[]> = {
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
  es: ['lun', 'mar', 'mié', 'jue', 'vie', 'sáb', 'dom'],
};

/**
 * Weekly hours in words, runs of days with the same hours together.
 * @example hoursText({ mon: [['10:00', '20:00']], tue: [['10:00', '20:00']] }, 'en') // "Mon–Tue 10:00–20:00; Wed–Sun closed"
 */
export function hoursText(hours: WeeklyHours, locale: Locale): string {
  const per = WEEKDAYS.map((d) => (hours[d]?.length ? hours[d]!.map(([a, b]) => `${a}–${b}`).join(', ') : t('closed')));
  const runs: string[] = [];
  let start = 0;
  for (let i = 1; i <= 7; i++) {
    if (i < 7 && per[i] === per[start]) continue;
    const days = i - 1 === start ? DAY_NAMES[locale][start]! : `${DAY_NAMES[locale][start]}–${DAY_NAMES[locale][i - 1]}`;
    runs.push(`${days} ${per[start]}`);
    start = i;
  }
  return runs.join('; ');
}

const GRADE_ICONS: Record<LeadGrade, string> = { green: '✓', yellow: '!', red: '✕' };

/** The grade: an icon, the word for it and its colour's name (the colour itself is not the only signal). */
export function gradeView(grade: LeadGrade, final: boolean): TemplateResult {
  return html`<span class="grade grade--${grade}" part="grade"
    ><span class="grade__icon" aria-hidden="true">${GRADE_ICONS[grade]}</span>
    <span>${final ? t('grade') : t('gradeSoFar')} ${t(`grade-${grade}`)}</span></span
  >`;
}

/** The rule's terms, inside a disclosure. */
export function ruleView(rule: OemRule, locale: Locale): TemplateResult {
  const limit = durationText(rule.limitMinutes);
  const real = rule.clock === 'real';
  const stops = rule.stopsClock.filter((k) => k !== 'auto-response');
  const c = rule.compliance;
  return html`<details class="rule" part="rule">
    <summary>${t('ruleSummary', real ? t('limitReal', limit) : t('limitBusiness', limit))}</summary>
    <ul>
      <li>${real ? t('hoursReal') : rule.hours ? t('hoursOwn', hoursText(rule.hours, locale)) : t('hoursDealer')}</li>
      ${real ? nothing : html`<li>${rule.excludeHolidays ? t('holidaysClosed') : t('holidaysOpen')}</li>`}
      <li>${stops.length ? t('stopsClock', t('list', stops.map(activityWords))) : t('stopsNothing')}</li>
      <li>${gradeBandsText(gradeBands(rule), durationText)}</li>
      ${c
        ? html`<li>
            ${c.averageAtMost !== undefined
              ? t('complianceAverage', String(c.percentWithin), durationText(c.withinMinutes), durationText(c.averageAtMost))
              : t('compliance', String(c.percentWithin), durationText(c.withinMinutes))}
          </li>`
        : nothing}
      ${rule.discountUnder !== undefined ? html`<li>${t('discountTerm', durationText(rule.discountUnder))}</li>` : nothing}
      ${rule.reassignOver !== undefined ? html`<li>${t('reassignTerm', durationText(rule.reassignOver))}</li>` : nothing}
    </ul>
  </details>`;
}
