import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { DateTime } from 'luxon';
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { DateRange, SmsErrorCategory, SmsFilter, SmsSummary } from '../../data/model.js';
import { currentMonthRange, isValidZone, rangeProblem } from '../../data/logic/calendar.js';
import { adapterContext } from '../shared/adapter-context.js';
import { makeFormats } from '../shared/formats.js';
import { afterPaint } from '../shared/after-paint.js';
import { QueryController } from '../shared/controllers/query.js';
import { rangeProblemText } from '../shared/date-range.js';
import { FcElement } from '../shared/fc-element.js';
import { getLocale } from '../shared/messages.js';
import { emptyView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { categoryBars, categoryBarsStyles } from '../shared/charts/category-bars.js';
import { FC_SMS_CATEGORY_SELECT } from './sms-summary.events.js';
import { t } from './sms-summary.messages.js';
import { styles } from './sms-summary.styles.js';
import {
  blockingLine,
  categoryChange,
  categoryRows,
  longRangeName,
  metricTile,
  metricViews,
  rangeName,
  warningIcon,
} from './sms-summary.view.js';
import type { CategoryRow, Formats } from './sms-summary.view.js';


/** The filter as a stable string (sorted keys, empty parts dropped): the task's argument and the cache's key. */
function filterKey(filter: SmsFilter): string {
  const entries = Object.entries(filter)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(Object.fromEntries(entries));
}

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/**
 * SMS summary: texts in and out, delivered, failed and the delivery rate against the same range
 * one month earlier (arrows, percentages and whether that is better or worse, in words), errors by
 * category as a chart and a table, and a warning when carriers may be blocking a sending number.
 *
 * @customElement fc-sms-summary
 * @fires fc-sms-category-select - An error category was chosen in the chart or the table. detail: {category}
 * @csspart metrics - The list of figures.
 * @csspart metric - One figure's tile.
 * @csspart blocking - The carrier-blocking warning.
 * @csspart errors - The errors-by-category section.
 * @csspart chart - The chart's box.
 * @csspart table - The errors-by-category table.
 * @csspart category-button - A category's button in the table.
 * @csspart state - Loading, empty, error and unsupported states (also `loading`, `empty`, `error`, `unsupported`).
 * @csspart retry-button - Retry of a failed load.
 * @cssproperty --fc-sms-summary-bar - Colour of the chart's bars. Default `--fc-color-accent`.
 * @cssproperty --fc-sms-summary-better - Change for the better. Default `--fc-color-good`.
 * @cssproperty --fc-sms-summary-worse - Change for the worse. Default `--fc-color-bad`.
 * @cssproperty --fc-sms-summary-warning - The blocking warning's edge and icon. Default `--fc-color-warn`.
 * @cssproperty --fc-sms-summary-chart-text - Chart labels. Default `--fc-color-text-muted`.
 * @cssproperty --fc-sms-summary-chart-grid - The chart's baseline. Default `--fc-color-border`.
 * @cssproperty --fc-sms-summary-chart-block-size - Height of the chart. Default: at least 2rem per category.
 */
export class FcSmsSummary extends FcElement {
  static override styles = [tokens, shared, stateStyles, categoryBarsStyles, styles];

  /** The data adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The advanced filter; its range is the period shown (default: this month in `time-zone`). */
  @property({ attribute: false }) filter?: SmsFilter;

  /**
   * What the summary waits for before each read (default: the next painted frame), so a host
   * showing the texts themselves beside it puts them on screen first.
   */
  @property({ attribute: false }) readyWhen?: () => Promise<unknown>;

  /** First day of the period, ISO date, when `filter` gives none. */
  @property() from = '';

  /** Last day of the period, ISO date, when `filter` gives none. */
  @property() to = '';

  /** IANA zone whose "this month" is the default period; default the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  #formats: Formats = makeFormats('en');
  #warnedZone = '';

  /** The summary; read again when SMS data changes here, in another tab or on the server. */
  readonly #summary = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['sms'],
    args: () => [this.#query()] as const,
    idle: ([key]) => !key,
    // A new filter keeps the last summary on screen (marked busy) until its own arrives.
    keepAcrossArgs: true,
    read: async (adapter, [key], { signal }) => {
      // Secondary to the texts themselves: a host with a table (fc-sms-history) has it shown first.
      await (this.readyWhen ? this.readyWhen().catch(() => undefined) : afterPaint());
      signal.throwIfAborted();
      return adapter.sms.summary(JSON.parse(key) as SmsFilter, { signal });
    },
  });

  /** The filter sent: `filter`, its range filled from `from`/`to` or this month in the zone. */
  get #filter(): SmsFilter {
    const base = this.filter ?? ({} as Partial<SmsFilter>);
    let month: DateRange | null = null;
    const monthOf = () => (month ??= this.#thisMonth());
    return { ...base, from: base.from || this.from || monthOf().from, to: base.to || this.to || monthOf().to };
  }

  /** The task's key, or '' for a range that must not be sent. */
  #query(): string {
    const filter = this.#filter;
    return rangeProblem(filter) ? '' : filterKey(filter);
  }

  #thisMonth(): DateRange {
    let zone = this.timeZone || browserZone();
    if (!isValidZone(zone)) {
      if (this.#warnedZone !== zone) console.warn(`<${this.localName}> time-zone "${zone}" is not an IANA zone; using the browser's.`);
      this.#warnedZone = zone;
      zone = browserZone();
    }
    // Luxon's clock (`Settings.now`), so a page or a test can set the day the default month is built around.
    return currentMonthRange(DateTime.now().toMillis(), zone);
  }

  protected override willUpdate(): void {
    // The locale can change without a property change (setLocale, the page's lang); makeFormats keeps one set per key.
    this.#formats = makeFormats(getLocale());
  }

  // ───────────── rendering ─────────────

  protected override render() {
    return html`<h2>${t('heading')}</h2>
      ${this.#body()}`;
  }

  #body(): unknown {
    if (!this.adapter?.sms) return unsupportedView('sms');
    const problem = rangeProblem(this.#filter);
    if (problem) {
      return html`<div class="fc-state fc-state--error" part="state error">
        <p class="fc-state__message" role="status">${rangeProblemText(problem)}</p>
      </div>`;
    }
    // A refresh keeps the last summary on screen rather than flashing a skeleton.
    return this.#summary.render({ complete: (summary) => this.#summaryView(summary, this.#summary.refreshing), lines: 5 });
  }

  #summaryView(summary: SmsSummary, busy: boolean): TemplateResult {
    const f = this.#formats;
    const { current, previous } = summary;
    const range = longRangeName(f, current.range);
    const before = rangeName(f, previous.range);
    const empty = current.inbound + current.outbound === 0;
    return html`<div class=${busy ? 'busy' : ''} aria-busy=${busy ? 'true' : 'false'}>
      <p class="range">${t('compared', range, longRangeName(f, previous.range))}</p>
      ${empty
        ? emptyView(t('empty', range))
        : html`${summary.blocking.length ? this.#blocking(summary, before) : nothing}
            <ul class="metrics" part="metrics">
              ${metricViews(f, summary).map(metricTile)}
            </ul>
            ${this.#errors(summary, range, before)}`}
    </div>`;
  }

  #blocking(summary: SmsSummary, before: string): TemplateResult {
    const f = this.#formats;
    // Static text under a heading, not an alert: it describes the period, it is not something that just happened.
    return html`<section class="blocking" part="blocking" aria-labelledby="blocking-heading">
      <h3 id="blocking-heading">${warningIcon}<span>${t('blockingHeading')}</span></h3>
      <ul>
        ${summary.blocking.map((flag) => html`<li>${blockingLine(f, flag, before)}</li>`)}
      </ul>
      <p>${t('blockingAdvice')}</p>
    </section>`;
  }

  #errors(summary: SmsSummary, range: string, before: string): TemplateResult {
    const f = this.#formats;
    const rows = categoryRows(summary);
    return html`<section part="errors" aria-labelledby="errors-heading">
      <h3 id="errors-heading">${t('errorsHeading')}</h3>
      ${rows.length
        ? html`<div class="chart" part="chart">${this.#chart(f, rows)}</div>
            <div class="table-wrap">
              <table class="fc-table" part="table">
                <caption class="fc-visually-hidden">
                  ${t('caption', range, before)}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t('colCategory')}</th>
                    <th scope="col" class="fc-num">${t('colNow')}</th>
                    <th scope="col" class="fc-num">${t('colBefore')}</th>
                    <th scope="col">${t('colChange')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map((row) => this.#row(f, row))}
                </tbody>
              </table>
            </div>
            <p class="hint">${t('chooseHint')}</p>`
        : html`<p class="no-errors">${t('noErrors', range)}</p>`}
    </section>`;
  }

  #row(f: Formats, row: CategoryRow): TemplateResult {
    return html`<tr>
      <th scope="row">
        <button type="button" class="pick" part="category-button" data-category=${row.category} @click=${() => this.#select(row.category)}>
          ${row.name}
        </button>
      </th>
      <td class="fc-num">${f.count.format(row.now)}</td>
      <td class="fc-num">${row.before === null ? t('none') : f.count.format(row.before)}</td>
      <td>${categoryChange(f, row)}</td>
    </tr>`;
  }

  // ───────────── actions ─────────────

  #select(category: SmsErrorCategory): void {
    if (!this.isConnected) return;
    this.emit(FC_SMS_CATEGORY_SELECT, { category });
  }

  // ───────────── chart ─────────────

  /** Errors now per category, in the table's order and names; a bar clicked chooses its category. */
  #chart(f: Formats, rows: CategoryRow[]): TemplateResult {
    return categoryBars({
      ids: rows.map((r) => r.category),
      labels: rows.map((r) => r.name),
      values: rows.map((r) => r.now),
      label: t('chartLabel', rows.map((r) => t('chartPart', r.name, f.count.format(r.now))).join(', ')),
      format: (v) => f.count.format(v),
      wrapLabelsAt: 16,
      onSelect: (category) => this.#select(category as SmsErrorCategory),
    });
  }
}
