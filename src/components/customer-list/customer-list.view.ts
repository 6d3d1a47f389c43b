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
  const time = DateTime.fromISO(at, { locale: getLocale() });
  return time.isValid ? time.toLocaleString(DateTime.TIME_SIMPLE) : null;
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
