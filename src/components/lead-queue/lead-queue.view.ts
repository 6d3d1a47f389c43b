/**
 * Text and templates of the queue's rows: time left or overdue, the due time in the dealer's
 * zone, the rule, the salesperson, how to respond, and the note on a lead the rule cannot stop.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { LeadQueueRow } from '../../data/logic/lead-queue.js';
import { unstoppableText } from '../shared/lead-rule-text.js';
import type { Locale } from '../shared/messages.js';
import { activityWords, respondWords, t } from './lead-queue.messages.js';
import { durationText } from '../shared/formats.js';

/** How near a row is: past due, within the smallest threshold, within another, or none. */
export type QueueUrgency = 'overdue' | 'urgent' | 'soon' | 'none';

/**
 * The urgency of a row at level `level` (`queueLevel`) under `count` thresholds.
 * @example urgencyOf(2, 2) // 'urgent'
 */
export function urgencyOf(level: number, count: number): QueueUrgency {
  if (level > count) return 'overdue';
  if (level === 0) return 'none';
  return level === count ? 'urgent' : 'soon';
}

/** Whole minutes left (rounded up) or overdue (rounded down), as the queue shows them. */
export function shownMinutes(row: LeadQueueRow): number {
  const left = row.state.remainingMinutes;
  return row.state.status === 'overdue' ? Math.max(0, Math.floor(-left + 1e-9)) : Math.max(0, Math.ceil(left - 1e-9));
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * An instant in the dealer's zone with its date: "Mon, Mar 9, 11:00 AM CDT" (a lead overdue for
 * weeks must not read as due last Monday); one format per locale and zone for the page.
 */
export function dueText(iso: string, zone: string, locale: Locale): string {
  const key = `${locale}\n${zone}`;
  let format = formats.get(key);
  if (!format) {
    const options: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short', timeZone: zone };
    formats.set(key, (format = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', options)));
  }
  return format.format(Date.parse(iso));
}

const URGENCY_ICONS: Record<Exclude<QueueUrgency, 'none'>, string> = { overdue: '!', urgent: '◆', soon: '◇' };

/** The row's urgency as an icon and a word (colour is never the only sign). */
export function urgencyView(urgency: QueueUrgency): unknown {
  if (urgency === 'none') return nothing;
  return html`<span class="urgency" part="urgency"
    ><span class="urgency__icon" aria-hidden="true">${URGENCY_ICONS[urgency]}</span>${t(`level-${urgency}`)}</span
  >`;
}

/** Time left or overdue, and when the response is (was) due. */
export function timeView(row: LeadQueueRow, zone: string, locale: Locale, paused: boolean): TemplateResult {
  const overdue = row.state.status === 'overdue';
  const minutes = durationText(shownMinutes(row));
  const due = dueText(row.state.dueAt, zone, locale);
  return html`<p class="time" part="time">
    <span class="left">${overdue ? t('overdueBy', minutes) : t('left', minutes)}</span>
    <span class="due" part="due">${t(overdue ? 'wasDue' : 'due', due)}</span>
    ${paused && !overdue ? html`<span class="paused" part="paused">${t('paused')}</span>` : nothing}
  </p>`;
}

/** The rule, the salesperson, how to respond, and why the dealer cannot stop the clock (when so). */
export function detailsView(row: LeadQueueRow): TemplateResult {
  const { lead, rule } = row;
  const limit = durationText(rule.limitMinutes);
  const vehicle = [lead.year, lead.make, lead.model].filter((x) => x !== null && x !== '').join(' ');
  return html`<p class="rule" part="rule">${t('rule', rule.name, rule.clock === 'real' ? t('limitReal', limit) : t('limitBusiness', limit))}</p>
    ${vehicle ? html`<p class="vehicle">${t('vehicle', vehicle)}</p>` : nothing}
    <p class="salesperson" part="salesperson">${lead.salespersonName ? t('salesperson', lead.salespersonName) : t('unassigned')}</p>
    <p class="respond" part="respond">
      ${row.stopKinds.length ? t('respond', t('list', row.stopKinds.map(respondWords))) : t('respondNothing')}
    </p>
    ${row.unstoppable
      ? html`<p class="unstoppable" part="unstoppable">
          <span class="unstoppable__icon" aria-hidden="true">⚠</span>${unstoppableText(row.unstoppable, row.stopKinds.map(activityWords))}
        </p>`
      : nothing}`;
}
