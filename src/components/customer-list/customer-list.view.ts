import { html } from 'lit';
import type { TemplateResult } from 'lit';
import { DateTime } from 'luxon';
import { getLocale } from '../shared/messages.js';
import type { PickerGroup } from '../../data/logic/source-picker.js';
import { t } from './customer-list.messages.js';

/** A calendar date in words (`Monday, November 23, 2026`), or the text as given when it is not a date. */
export function formatDay(date: string, style: 'long' | 'medium' = 'long'): string {
  const day = DateTime.fromISO(date, { locale: getLocale() });
  if (!day.isValid) return date;
  return day.toLocaleString(style === 'long' ? DateTime.DATE_HUGE : DateTime.DATE_MED);
}

/** A promised time in the viewer's zone, or null when there is none or it is not a time. */
export function formatTime(at: string | null): string | null {
  if (!at) return null;
  // An ISO date-time with its time zone (what the adapter sends) parses natively; anything else goes through luxon.
  const ms = ISO_DATE_TIME.test(at) ? Date.parse(at) : NaN;
  if (!Number.isNaN(ms)) return timeFormat().format(ms);
  const time = DateTime.fromISO(at, { locale: getLocale() });
  return time.isValid ? time.toLocaleString(DateTime.TIME_SIMPLE) : null;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One formatter per locale: building an Intl formatter costs far more than using one. */
let cachedTime: { locale: string; format: Intl.DateTimeFormat } | null = null;
function timeFormat(): Intl.DateTimeFormat {
  const locale = getLocale();
  if (cachedTime?.locale !== locale) cachedTime = { locale, format: new Intl.DateTimeFormat(locale, DateTime.TIME_SIMPLE) };
  return cachedTime.format;
}

/** The mark an unknown source leaves beside the name once the blink is over (and during it). */
export function unknownBadge(): TemplateResult {
  return html`<span class="badge" part="badge"><span class="fc-visually-hidden">, </span>${t('sourceUnknownBadge')}</span>`;
}

/** The picker's options: a placeholder, then one `<optgroup>` per main category. */
export function pickerOptions(groups: readonly PickerGroup[], selected: string | null): TemplateResult {
  return html`<option value="">${t('pickerChoose')}</option>
    ${groups.map(
      (g) => html`<optgroup label=${g.categoryName}>
        ${g.sources.map((s) => html`<option value=${s.id} ?selected=${s.id === selected}>${s.name}</option>`)}
      </optgroup>`,
    )}`;
}
