import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { CriterionOutcome, MatchReason, TradeInCriterion, TradeInVehicle, VehicleWant, WantMatch } from '../../data/model.js';
import { TRADE_IN_CRITERIA } from '../../data/model.js';
import type { ResolvedTradeIn } from '../../data/logic/vehicles.js';
import { isolateIn } from '../shared/bidi.js';
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

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number in the current locale as a whole `style` (currency in USD). */
function formatWhole(value: number, style: 'currency' | 'percent'): string {
  const key = `${getLocale()}|${style}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(getLocale(), { style, currency: 'USD', maximumFractionDigits: 0 })));
  return format.format(value);
}

/** Cents as whole dollars in the current locale. */
export const formatMoney = (cents: number): string => formatWhole(cents / 100, 'currency');

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

const REASON_CRITERION_TEXT: Record<MatchReason['criterion'], Parameters<typeof t>[0]> = {
  make: 'criterionMake',
  model: 'criterionModel',
  trim: 'criterionTrim',
};

/** The reasons a server sent that can be read; null when it sent none. */
function readableReasons(match: WantMatch): MatchReason[] | null {
  return Array.isArray(match.reasons)
    ? match.reasons.filter((r) => typeof r?.wanted === 'string' && typeof r.given === 'string' && Object.hasOwn(REASON_CRITERION_TEXT, r.criterion))
    : null;
}

/**
 * How close a match is, in words: "Exact match" when the make, model and trim matched as written
 * (another name of a make counts) and the model was compared; else "Close match, 81%", by the
 * match's score. Without reasons, only a score of 1 is exact. Without either, nothing: the
 * criteria say the rest.
 */
function closenessText(match: WantMatch): string | null {
  const reasons = readableReasons(match);
  const score = typeof match.score === 'number' && match.score >= 0 && match.score <= 1 ? match.score : null;
  if (!reasons && score === null) return null;
  if (reasons ? match.criteria.model === 'met' && reasons.every((r) => r.closeness === 1) : score === 1) return t('matchExact');
  // A close match is never shown as 100%.
  return score === null ? t('matchClose') : t('matchCloseBy', formatWhole(Math.min(Math.round(score * 100), 99) / 100, 'percent'));
}

/**
 * One reason in words, the make, model and trim from the adapter each in a `<bdi>`; null for one
 * that says nothing a user would not see in the row (the same text but for case).
 * @param makeFromVin Whether the make sent was read from the VIN (the server then compares it as typed).
 */
function reasonView(r: MatchReason, makeFromVin: boolean): TemplateResult | null {
  const what = t(REASON_CRITERION_TEXT[r.criterion] as 'criterionMake');
  const wanted = r.wanted.trim();
  const given = r.given.trim();
  const pair = (sign: string, why: string) => isolateIn((w, g) => t('reasonPair', what, w, sign, g, why), wanted, given);
  switch (makeFromVin && r.criterion === 'make' && r.how === 'same' ? 'vin' : r.how) {
    case 'same':
      return wanted.toLowerCase() === given.toLowerCase() ? null : pair('=', t('whySpelling'));
    case 'other-name':
      return isolateIn((g, w) => t('reasonOtherName', what, g, w), given, wanted);
    case 'vin':
      return isolateIn((g) => t('reasonVin', g), given);
    case 'words':
      // For a model, the shorter of the two is what both begin with: one word or more.
      return pair('≈', t(r.criterion !== 'model' ? 'whyWords' : /\s/.test(wanted.length < given.length ? wanted : given) ? 'whyFirstWords' : 'whyFirstWord'));
    case 'in-model':
      return isolateIn((w, g) => t('reasonInModel', w, g), wanted, given);
  }
  return null;
}

/**
 * The criteria of one match, each with its outcome in words, after how close it is and why it matched.
 * @param makeFromVin Whether the trade-in's make was read from its VIN rather than typed.
 */
export function criteriaView(match: WantMatch, makeFromVin = false): TemplateResult {
  const closeness = closenessText(match);
  const reasons = (readableReasons(match) ?? []).map((r) => reasonView(r, makeFromVin)).filter((r) => r !== null);
  return html`${closeness ? html`<p class="closeness" part="closeness">${closeness}</p>` : nothing}
    ${reasons.length ? html`<ul class="reasons" part="reasons">${reasons.map((r) => html`<li>${r}</li>`)}</ul>` : nothing}
    <p class="score">${t('criteriaMet', formatCount(match.criteriaMet), formatCount(match.criteriaSet))}</p>
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
