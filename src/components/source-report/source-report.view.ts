/**
 * Formatting and small render helpers of the source report. Figures come from the adapter's
 * report as they are; these only turn them into text (Intl) and cells.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Cents, SourceReport, SourceReportCategory, SourceReportRow } from '../../data/model.js';
import { UNKNOWN_CATEGORY_ID } from '../../data/model.js';
import { NO_SOURCE_ROW_ID } from '../../data/logic/sources.js';
import type { MoneyProblem } from '../../data/logic/spend.js';
import type { Formats } from '../shared/formats.js';
import { t } from './source-report.messages.js';

/** The shared formats (`makeFormats(locale, { currency })` of `../shared/formats.ts`). */
export type { Formats };

export const cents = (f: Formats, amount: Cents): string => f.money.format(amount / 100);
export const monthName = (f: Formats, month: string): string => f.month.format(new Date(`${month}-01T00:00:00Z`));
export const dateName = (f: Formats, date: string): string => f.date.format(new Date(`${date}T00:00:00Z`));

const MONEY_TEXT = {
  empty: 'moneyEmpty',
  invalid: 'moneyInvalid',
  negative: 'moneyNegative',
  precision: 'moneyPrecision',
  'too-large': 'moneyTooLarge',
} as const satisfies Record<MoneyProblem, string>;

/** Why a typed spend amount was refused, in words. */
export const moneyProblemText = (problem: MoneyProblem): string => t(MONEY_TEXT[problem]);

/** The display name of a report row: the unknown bucket and its "no source" row speak the user's language. */
export function rowName(row: Pick<SourceReportRow, 'id' | 'name'>): string {
  if (row.id === UNKNOWN_CATEGORY_ID) return t('unknownName');
  if (row.id === NO_SOURCE_ROW_ID) return t('noSourceName');
  return row.name;
}

/** A figure that does not exist (no customers, no spend): a dash for the eye, words for a screen reader. */
function none(why: string): TemplateResult {
  return html`<span aria-hidden="true">—</span><span class="fc-visually-hidden">${why}</span>`;
}

/** A row's figures as cell contents, in column order (see `figureCells`). */
export interface Figures {
  count: string;
  share: string;
  spend: string;
  cost: string | TemplateResult;
  revenue: string;
  roi: string | TemplateResult;
  /** Class of the ROI cell: `negative` for a loss. */
  roiClass: string;
}

/** The figures of a row as text, for templates that lay the cells out inline (one template per row). */
export function figures(f: Formats, row: SourceReportRow): Figures {
  return {
    count: f.count.format(row.newCustomers),
    share: f.percent.format(row.share),
    spend: cents(f, row.spend),
    cost: row.costPerNewCustomer === null ? none(t('noCustomers')) : cents(f, row.costPerNewCustomer),
    revenue: cents(f, row.revenue),
    roi: row.roi === null ? none(t('noSpend')) : f.percentWhole.format(row.roi),
    roiClass: row.roi !== null && row.roi < 0 ? 'negative' : '',
  };
}

/** The figure cells of a row, in column order. */
export function figureCells(f: Formats, row: SourceReportRow): TemplateResult {
  const v = figures(f, row);
  return html`<td class="fc-num">${v.count}</td>
    <td class="fc-num">${v.share}</td>
    <td class="fc-num">${v.spend}</td>
    <td class="fc-num">${v.cost}</td>
    <td class="fc-num">${v.revenue}</td>
    <td class="fc-num ${v.roiClass}">${v.roi}</td>`;
}

/** A source (subcategory) row under its category; `hidden` while the category is collapsed. */
export const sourceRow = (v: Figures, name: string, id: string): TemplateResult =>
  html`<tr class="sub" id=${id}><th scope="row">${name}</th><td class="fc-num">${v.count}</td><td class="fc-num">${v.share}</td><td class="fc-num">${v.spend}</td><td class="fc-num">${v.cost}</td><td class="fc-num">${v.revenue}</td><td class="fc-num ${v.roiClass}">${v.roi}</td></tr>`;

/** What a category row's button asks the element to do. */
export interface CategoryActions {
  /** Opens or closes the category. */
  toggle(categoryId: string): void;
  /** Shows the tooltip of the category's bar (`index`), or hides it (null). */
  showBar(index: number | null): void;
}

/** The report table: a body per category (its sources while it is open), the totals in the foot. */
export function reportTable(f: Formats, report: SourceReport, expanded: ReadonlySet<string>, on: CategoryActions): TemplateResult {
  return html`<table class="fc-table" part="table">
      <caption>
        ${t('caption', dateName(f, report.range.from), dateName(f, report.range.to))}
      </caption>
      <thead>
        <tr>
          <th scope="col">${t('colSource')}</th>
          <th scope="col" class="fc-num">${t('colNew')}</th>
          <th scope="col" class="fc-num">${t('colShare')}</th>
          <th scope="col" class="fc-num">${t('colSpend')}</th>
          <th scope="col" class="fc-num">${t('colCost')}</th>
          <th scope="col" class="fc-num">${t('colRevenue')}</th>
          <th scope="col" class="fc-num">${t('colRoi')}</th>
        </tr>
      </thead>
      ${report.categories.map((c, i) => categoryRows(f, c, i, expanded.has(c.id), on))}
      <tfoot>
        <tr>
          <th scope="row">${t('total')}</th>
          ${figureCells(f, report.totals)}
        </tr>
      </tfoot>
    </table>`;
}

function categoryRows(f: Formats, c: SourceReportCategory, i: number, open: boolean, on: CategoryActions): TemplateResult {
  const subIds = c.subcategories.length ? c.subcategories.map((_, j) => `sub-${i}-${j}`) : [`sub-${i}-none`];
  const v = figures(f, c);
  // Source rows are the bulk of the table (400 sources): they exist only while their category is
  // open, one flat template each (no nested cell template), so a first render builds eight rows.
  return html`<tbody>
      <tr class="category ${c.id === UNKNOWN_CATEGORY_ID ? 'unknown' : ''}">
        <th scope="row">
          <button
            type="button"
            class="toggle"
            data-category=${i}
            aria-expanded=${open ? 'true' : 'false'}
            aria-controls=${open ? subIds.join(' ') : nothing}
            @click=${() => on.toggle(c.id)}
            @focus=${() => on.showBar(i)}
            @blur=${() => on.showBar(null)}
          >
            ${rowName(c)}
          </button>
        </th>
        <td class="fc-num">${v.count}</td><td class="fc-num">${v.share}</td><td class="fc-num">${v.spend}</td><td class="fc-num">${v.cost}</td><td class="fc-num">${v.revenue}</td><td class="fc-num ${v.roiClass}">${v.roi}</td>
      </tr>
      ${!open
        ? nothing
        : c.subcategories.length
          ? c.subcategories.map((s, j) => sourceRow(figures(f, s), rowName(s), subIds[j]!))
          : html`<tr class="sub" id=${subIds[0]!}>
              <td colspan="7">${t('noSubcategories')}</td>
            </tr>`}
    </tbody>`;
}
