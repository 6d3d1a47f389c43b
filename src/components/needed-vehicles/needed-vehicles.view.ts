import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { VehicleWant } from '../../data/model.js';
import type { WantGroup } from '../../data/logic/vehicles.js';
import { formatCount, getLocale } from '../shared/messages.js';
import { t } from './needed-vehicles.messages.js';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Cents as whole dollars in the current locale. */
export function formatMoney(cents: number): string {
  const locale = getLocale();
  let money = moneyFormats.get(locale);
  if (!money) moneyFormats.set(locale, (money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })));
  return money.format(cents / 100);
}

/** A date-time as a medium date, the day it is in the shop's `zone`; or the text as given when it is not one. */
export function formatDate(at: string | number, zone: string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return Number.isNaN(ms) ? String(at) : new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: zone }).format(ms);
}

/** True when a filter text appears in the group's make, model or one of its customers. */
export function groupMatches(group: WantGroup, text: string): boolean {
  if (!text) return true;
  const needle = text.toLocaleLowerCase();
  const has = (s: string | null) => !!s && s.toLocaleLowerCase().includes(needle);
  return has(`${group.make} ${group.model}`) || group.wants.some((w) => has(w.customerName) || has(w.trim) || has(w.color));
}

/** A want's follow-up cell, or null when the host does not record follow-ups. */
export type FollowCell = ((want: VehicleWant) => unknown) | null;

function wantRow(w: VehicleWant, zone: string, follow: FollowCell): TemplateResult {
  const years = w.yearFrom === w.yearTo ? String(w.yearFrom) : `${w.yearFrom}–${w.yearTo}`;
  return html`<tr data-want=${w.id}>
    <th scope="row">${w.customerName}</th>
    <td>${years}</td>
    <td>${w.trim || t('any')}</td>
    <td>${w.color || t('any')}</td>
    <td class="fc-num">${w.maxMileage === null ? t('none') : formatCount(w.maxMileage)}</td>
    <td class="fc-num">${w.maxPrice === null ? t('none') : formatMoney(w.maxPrice)}</td>
    <td>${w.salespersonName || t('none')}</td>
    ${follow ? html`<td class="follow">${follow(w)}</td>` : nothing}
    <td class="since">${formatDate(w.createdAt, zone)}</td>
  </tr>`;
}

/** One make and model: its heading with the number of waiting buyers, and its wants. */
export function groupView(group: WantGroup, index: number, zone: string, follow: FollowCell = null): TemplateResult {
  const id = `group-${index}`;
  return html`<section class="group" part="group" aria-labelledby=${id}>
    <h3 id=${id}>
      <span class="group__name"><bdi>${group.make}</bdi> <bdi>${group.model}</bdi></span>
      <span class="group__buyers" part="buyers">${t('buyers', group.buyers, formatCount(group.buyers))}</span>
    </h3>
    <div class="table-wrap fc-scroll" role="group" aria-labelledby=${id}>
      <table class="fc-table" part="table" aria-labelledby=${id}>
        <thead>
          <tr>
            <th scope="col">${t('colCustomer')}</th>
            <th scope="col">${t('colYears')}</th>
            <th scope="col">${t('colTrim')}</th>
            <th scope="col">${t('colColor')}</th>
            <th scope="col" class="fc-num">${t('colMaxMileage')}</th>
            <th scope="col" class="fc-num">${t('colMaxPrice')}</th>
            <th scope="col">${t('colSalesperson')}</th>
            ${follow ? html`<th scope="col" class="follow">${t('colFollowUp')}</th>` : nothing}
            <th scope="col">${t('colSince')}</th>
          </tr>
        </thead>
        <tbody>
          ${group.wants.map((w) => wantRow(w, zone, follow))}
        </tbody>
      </table>
    </div>
  </section>`;
}
