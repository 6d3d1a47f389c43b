import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { CriterionOutcome, TradeInCriterion, TradeInVehicle, VehicleWant, WantMatch } from '../../data/model.js';
import { TRADE_IN_CRITERIA } from '../../data/model.js';
import type { ResolvedTradeIn } from '../../data/logic/vehicles.js';
import { formatCount, getLocale } from '../shared/messages.js';
import { t } from './trade-in-alert.messages.js';

const CRITERION_TEXT: Record<TradeInCriterion, Parameters<typeof t>[0]> = {
  model: 'criterionModel',
  year: 'criterionYear',
  trim: 'criterionTrim',
  color: 'criterionColor',
  mileage: 'criterionMileage',
  price: 'criterionPrice',
};

const OUTCOME_TEXT: Record<CriterionOutcome, Parameters<typeof t>[0]> = {
  met: 'outcomeMet',
  'not-met': 'outcomeNotMet',
  'not-stated': 'outcomeNotStated',
  unknown: 'outcomeUnknown',
};

/** Marks beside an outcome; the word after it carries the meaning, the mark only helps the eye. */
const OUTCOME_MARK: Record<CriterionOutcome, string> = { met: '✓', 'not-met': '✗', 'not-stated': '–', unknown: '?' };

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Cents as whole dollars in the current locale. */
export function formatMoney(cents: number): string {
  const locale = getLocale();
  let money = moneyFormats.get(locale);
  if (!money) moneyFormats.set(locale, (money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })));
  return money.format(cents / 100);
}

/** A date-time as a medium date, the day it is in the shop's `zone`; or the text as given when it is not one. */
export function formatDate(at: string, zone: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeZone: zone }).format(ms);
}

/** Items with ", " between them, in one template. */
const list = (items: readonly unknown[]): TemplateResult => html`${items.map((item, i) => (i ? html`, ${item}` : item))}`;

/**
 * Words in one isolate (empty ones left out), so a bidi control in them stops before the text that follows. The
 * year goes in with the make and model: a line split into fewer runs keeps its glyphs where they were.
 */
const bdi = (...words: string[]): TemplateResult | null => {
  const text = words.filter(Boolean).join(' ');
  return text ? html`<bdi>${text}</bdi>` : null;
};

/** "2017–2021 Honda CR-V EX-L, Silver, up to 60,000 mi, up to $25,000"; the vehicle, and the colour, each in a `<bdi>`. */
export function describeWant(w: VehicleWant): TemplateResult {
  const years = w.yearFrom === w.yearTo ? String(w.yearFrom) : `${w.yearFrom}–${w.yearTo}`;
  const parts: unknown[] = [bdi(years, w.make, w.model, w.trim ?? '')];
  if (w.color) parts.push(bdi(w.color));
  if (w.maxMileage !== null) parts.push(t('maxMileage', formatCount(w.maxMileage)));
  if (w.maxPrice !== null) parts.push(t('maxPrice', formatMoney(w.maxPrice)));
  return list(parts);
}

/** The trade-in in one line: typed values, with the VIN's year and make where they were not typed; the vehicle, and the colour, each in a `<bdi>`. */
export function describeVehicle(vehicle: TradeInVehicle, resolved: ResolvedTradeIn): TemplateResult | '' {
  const name = bdi(resolved.year === null ? '' : String(resolved.year), resolved.makes.join(` ${t('or')} `), resolved.model ?? '', vehicle.trim?.trim() ?? '');
  const parts: unknown[] = name ? [name] : [];
  if (vehicle.color?.trim()) parts.push(bdi(vehicle.color.trim()));
  if (typeof vehicle.mileage === 'number') parts.push(t('miles', formatCount(vehicle.mileage)));
  if (typeof vehicle.price === 'number') parts.push(formatMoney(vehicle.price));
  return parts.length ? list(parts) : '';
}

/** What the VIN told, what it could not, and its check digit. */
export function vinView(resolved: ResolvedTradeIn): TemplateResult | typeof nothing {
  const vin = resolved.vin;
  if (!vin) return nothing;
  const read: string[] = [];
  if (resolved.yearSource === 'vin' && resolved.year !== null) read.push(t('vinYear', String(resolved.year)));
  if (resolved.makeSource === 'vin') read.push(t('vinMake', resolved.makes.join(` ${t('or')} `)));
  const problems = vin.problems.map((p) => {
    switch (p) {
      case 'empty':
        return t('vinEmpty');
      case 'length':
        return t('vinLength', formatCount(vin.vin.length));
      case 'characters':
        return t('vinCharacters');
      case 'year-code':
        return t('vinYearCode');
      case 'unknown-maker':
        return t('vinUnknownMaker', vin.wmi ?? '');
    }
  });
  const check =
    vin.checkDigit === 'valid'
      ? t('vinCheckValid')
      : vin.checkDigit === 'invalid'
        ? t('vinCheckInvalid', vin.expectedCheckDigit ?? '', vin.vin[8] ?? '')
        : null;
  return html`<div class="vin" part="vin">
    <p class="vin__number"><span class="vin__label">${t('vinLabel')}</span> <span class="mono">${vin.vin}</span></p>
    ${read.length ? html`<p>${t('vinRead', read.join(', '))}</p>` : nothing}
    ${problems.map((p) => html`<p class="vin__problem">${p}</p>`)}
    ${check ? html`<p class=${vin.checkDigit === 'invalid' ? 'vin__problem' : 'vin__ok'}>${check}</p>` : nothing}
  </div>`;
}

/** The criteria of one match, each with its outcome in words. */
export function criteriaView(match: WantMatch): TemplateResult {
  return html`<p class="score">${t('criteriaMet', formatCount(match.criteriaMet), formatCount(match.criteriaSet))}</p>
    <ul class="criteria" part="criteria">
      ${TRADE_IN_CRITERIA.map((c) => {
        const outcome = match.criteria[c];
        return html`<li class="criterion criterion--${outcome}">
          <span class="criterion__mark" aria-hidden="true">${OUTCOME_MARK[outcome]}</span>
          ${t(CRITERION_TEXT[c] as 'criterionModel')}: ${t(OUTCOME_TEXT[outcome] as 'outcomeMet')}
        </li>`;
      })}
    </ul>`;
}
