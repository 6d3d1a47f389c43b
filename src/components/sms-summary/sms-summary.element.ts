import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { DateRange, SmsErrorCategory, SmsFilter, SmsSummary } from '../../data/model.js';
import { currentMonthRange, isValidZone, isoDateIn, rangeProblem, rangeSoFar } from '../../data/logic/calendar.js';
import { adapterContext } from '../shared/adapter-context.js';
import { makeFormats } from '../shared/formats.js';
import { afterPaint } from '../shared/after-paint.js';
import { QueryController } from '../shared/controllers/query.js';
import { ShopZoneController, viewerZone } from '../shared/controllers/shop-zone.js';
import { rangeProblemText } from '../shared/date-range.js';
import { FcElement } from '../shared/fc-element.js';
import { getLocale } from '../shared/messages.js';
import { emptyView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { ChartController, chartStyles, wrapLabel } from '../shared/charts/chart-controller.js';
import { smsTrend } from '../../data/logic/sms-trend.js';
import type { SmsTrend } from '../../data/logic/sms-trend.js';
import { FC_SMS_CATEGORY_SELECT } from './sms-summary.events.js';
import { t } from './sms-summary.messages.js';
import { styles } from './sms-summary.styles.js';
import {
  blockingLine,
  categoryChange,
  comparedLine,
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

/** What the charts draw, and the table beside each. */
interface Figures {
  summary: SmsSummary;
  locale: string;
  rows: CategoryRow[];
  trend: SmsTrend;
}


/**
 * SMS summary: texts in and out, delivered, failed and the delivery rate against the same range
 * one month earlier (arrows, percentages and whether that is better or worse, in words), errors by
 * category as a chart and a table, a daily trend of both periods as a chart and a table, and a
 * warning when carriers may be blocking a sending number (its days marked on the trend).
 *
 * @customElement fc-sms-summary
 * @fires fc-sms-category-select - An error category was chosen in the chart or the table. detail: {category}
 * @csspart metrics - The list of figures.
 * @csspart metric - One figure's tile.
 * @csspart blocking - The carrier-blocking warning.
 * @csspart templates - The warning about one template sent from one number to many customers within a day.
 * @csspart template - One such template: its number, text, counts and examples.
 * @csspart errors - The errors-by-category section.
 * @csspart chart - The errors chart's box.
 * @csspart table - The errors-by-category table.
 * @csspart trend - The daily trend section.
 * @csspart trend-chart - The daily trend chart's box.
 * @csspart trend-table - The table of figures per day.
 * @csspart category-button - A category's button in the table.
 * @csspart state - Loading, empty, error and unsupported states (also `loading`, `empty`, `error`, `unsupported`).
 * @csspart retry-button - Retry of a failed load.
 * @cssproperty --fc-sms-summary-bar - Colour of the chart's bars. Default `--fc-color-accent`.
 * @cssproperty --fc-sms-summary-better - Change for the better. Default `--fc-color-good`.
 * @cssproperty --fc-sms-summary-worse - Change for the worse. Default `--fc-color-bad`.
 * @cssproperty --fc-sms-summary-warning - The blocking warning's edge and icon. Default `--fc-color-warn`.
 * @cssproperty --fc-sms-summary-chart-text - Chart labels. Default `--fc-color-text-muted`.
 * @cssproperty --fc-sms-summary-chart-grid - The charts' grid lines. Default `--fc-color-border`.
 * @cssproperty --fc-sms-summary-chart-block-size - Height of the errors chart. Default: about 2.5rem per category.
 * @cssproperty --fc-sms-summary-trend-block-size - Height of the daily trend. Default `16rem`.
 * @cssproperty --fc-sms-summary-trend-in - The trend's texts-in line. Default `--fc-color-text-muted`.
 * @cssproperty --fc-sms-summary-trend-out - The trend's texts-out line. Default `--fc-color-accent`.
 * @cssproperty --fc-sms-summary-trend-delivered - The trend's delivered line. Default `--fc-color-good`.
 * @cssproperty --fc-sms-summary-trend-failed - The trend's failed line. Default `--fc-color-bad`.
 */
export class FcSmsSummary extends FcElement {
  static override styles = [tokens, shared, stateStyles, chartStyles, styles];

  /** The data adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The advanced filter; its range is the period shown (default: this month in the shop's zone). */
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

  /** IANA zone whose "this month" and today bound the period; default the dealer's (`leads.dealer()`), else the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** The instant "this month" and today are taken at, ISO; default the clock when the period is worked out. */
  @property() now = '';

  /** Whether the table of figures per day is open: its rows are rendered only then (a long range has hundreds of days). */
  @state() private trendTableOpen = false;

  #formats: Formats = makeFormats('en');
  readonly #shopZone = new ShopZoneController(this, { adapter: () => this.adapter, zone: () => this.timeZone });
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

  /** What the charts draw: one object per summary and language, so an equal render leaves the charts alone. */
  #figures: Figures | undefined;

  /**
   * The charts' configurations (`sms-summary.chart.ts`), loaded with the first figures: the tables
   * come first. The charts' keys include it, so they draw once it is here.
   */
  #charts: typeof import('./sms-summary.chart.js') | undefined;
  #chartsLoading = false;

  /** Errors by category; a bar clicked chooses its category, as the table's buttons do. */
  readonly #bars = new ChartController(this, {
    canvas: () => this.renderRoot.querySelector<HTMLCanvasElement>('canvas.errors-chart'),
    key: () => this.#charts && this.#figures?.rows,
    config: (kit) => (this.#charts && this.#figures?.rows.length ? this.#charts.barsConfig(this.#formats, this.#figures.rows, kit, { t, wrapLabel }) : null),
    onSelect: ({ index }) => {
      const row = this.#figures?.rows[index];
      if (row) this.#select(row.category);
    },
  });

  /** Texts in, out, delivered and failed per day, with the previous period dashed. */
  readonly #trend = new ChartController(this, {
    canvas: () => this.renderRoot.querySelector<HTMLCanvasElement>('canvas.trend-chart'),
    key: () => this.#charts && this.#figures?.trend,
    config: (kit) => (this.#charts && this.#figures ? this.#charts.trendConfig(this.#formats, this.#figures.trend, this.#figures.locale, kit, { t, wrapLabel }) : null),
  });

  /** The charts' figures for `summary`, the same object while the summary and the language are. */
  #figuresOf(summary: SmsSummary): Figures {
    const locale = getLocale();
    if (this.#figures?.summary !== summary || this.#figures.locale !== locale) {
      this.#figures = { summary, locale, rows: categoryRows(summary), trend: smsTrend(summary) };
    }
    if (!this.#charts && !this.#chartsLoading) {
      this.#chartsLoading = true;
      import('./sms-summary.chart.js').then(
        (module) => {
          this.#charts = module;
          this.requestUpdate();
        },
        // Not loaded (offline, a new deploy): the tables carry the figures; a later summary tries again.
        () => (this.#chartsLoading = false),
      );
    }
    return this.#figures;
  }

  /** The filter sent: `filter`, its range filled from `from`/`to` or this month in the zone. */
  get #filter(): SmsFilter {
    const base = this.filter ?? ({} as Partial<SmsFilter>);
    let month: DateRange | null = null;
    const monthOf = () => (month ??= this.#thisMonth());
    return { ...base, from: base.from || this.from || monthOf().from, to: base.to || this.to || monthOf().to };
  }

  /**
   * The task's key, or '' for a range that must not be sent. A range that runs past today is sent
   * up to today, so the server compares the days that have happened with the same days a month
   * earlier (the summary then names the days compared).
   */
  #query(): string {
    const zone = this.#zone();
    const filter = this.#filter;
    if (!zone || rangeProblem(filter)) return '';
    return filterKey({ ...filter, ...rangeSoFar(filter, isoDateIn(this.#nowMs(), zone)) });
  }

  /** The shop's zone (`time-zone` when it is an IANA zone, else the dealer's); '' while the dealer's is being read. */
  #zone(): string {
    const zone = this.timeZone;
    if (zone && !isValidZone(zone) && this.#warnedZone !== zone) {
      console.warn(`<${this.localName}> time-zone "${zone}" is not an IANA zone; using the dealer's.`);
      this.#warnedZone = zone;
    }
    return this.#shopZone.zone;
  }

  #thisMonth(): DateRange {
    return currentMonthRange(this.#nowMs(), this.#zone() || viewerZone());
  }

  /** `now` as epoch ms, or the clock's when it is not set or not an instant. */
  #nowMs(): number {
    const at = this.now ? Date.parse(this.now) : NaN;
    return Number.isNaN(at) ? Date.now() : at;
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
    if (!this.#zone()) return loadingView(5);
    // A refresh keeps the last summary on screen rather than flashing a skeleton.
    return this.#summary.render({ complete: (summary) => this.#summaryView(summary, this.#summary.refreshing), lines: 5 });
  }

  #summaryView(summary: SmsSummary, busy: boolean): TemplateResult {
    const f = this.#formats;
    const { current, previous } = summary;
    const range = longRangeName(f, current.range);
    const before = rangeName(f, previous.range);
    const empty = current.inbound + current.outbound === 0;
    const figures = empty ? undefined : this.#figuresOf(summary);
    if (!figures) this.#figures = undefined;
    return html`<div class=${busy ? 'busy' : ''} aria-busy=${busy ? 'true' : 'false'}>
      <p class="range">${comparedLine(f, summary, range)}</p>
      ${!figures
        ? emptyView(t('empty', range))
        : html`${summary.blocking.length ? this.#blocking(summary, figures.trend, before) : nothing}
            ${summary.templates?.length && this.#charts
              ? // The blocking warning's advice (TEMPLATE_RISK_ADVICE is the same text), in the current language.
                this.#charts.templatesView(summary.templates, html, f, makeFormats(f.locale, { zone: this.#zone() }).time, warningIcon, t('blockingAdvice'))
              : nothing}
            <ul class="metrics" part="metrics">
              ${metricViews(f, summary).map(metricTile)}
            </ul>
            ${this.#errors(figures.rows, range, before)} ${this.#trendView(summary, figures.trend, range, before)}`}
    </div>`;
  }

  #blocking(summary: SmsSummary, trend: SmsTrend, before: string): TemplateResult {
    const f = this.#formats;
    const days = trend.blockedDays.map((d) => dayName(f, d));
    // Static text under a heading, not an alert: it describes the period, it is not something that just happened.
    return html`<section class="blocking" part="blocking" aria-labelledby="blocking-heading">
      <h3 id="blocking-heading">${warningIcon}<span>${t('blockingHeading')}</span></h3>
      <ul>
        ${summary.blocking.map((flag) => html`<li>${blockingLine(f, flag, before)}</li>`)}
      </ul>
      ${days.length ? html`<p class="blocked-days">${t('blockingDays', listOf(days))}</p>` : nothing}
      <p>${t('blockingAdvice')}</p>
    </section>`;
  }

  #errors(rows: CategoryRow[], range: string, before: string): TemplateResult {
    const f = this.#formats;
    const label = t('chartLabel', rows.map((r) => t('chartPart', r.name, f.count.format(r.now))).join(', '));
    return html`<section part="errors" aria-labelledby="errors-heading">
      <h3 id="errors-heading">${t('errorsHeading')}</h3>
      ${rows.length
        ? html`<div class="fc-chart bars" part="chart" data-rows=${rows.length}><canvas class="errors-chart" role="img" aria-label=${label}></canvas></div>
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
                  ${rows.map((row, i) => this.#row(f, row, i))}
                </tbody>
              </table>
            </div>
            <p class="hint">${t('chooseHint')}</p>`
        : html`<p class="no-errors">${t('noErrors', range)}</p>`}
    </section>`;
  }

  /** A row of the errors table; focusing it (its button) shows its bar's tooltip. */
  #row(f: Formats, row: CategoryRow, index: number): TemplateResult {
    return html`<tr @focusin=${() => this.#bars.highlight(index)} @focusout=${() => this.#bars.highlight(null)}>
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

  // ───────────── daily trend ─────────────

  readonly #onTrendToggle = (event: Event): void => {
    this.trendTableOpen = (event.currentTarget as HTMLDetailsElement).open;
  };

  /** The trend's chart and legend, and its table of every day's figures. */
  #trendView(summary: SmsSummary, trend: SmsTrend, range: string, before: string): TemplateResult {
    const f = this.#formats;
    const { current: c } = summary;
    const blocked = new Set(trend.blockedDays);
    const totals = t('trendTotals', f.count.format(c.inbound), f.count.format(c.outbound), f.count.format(c.delivered), f.count.format(c.failed));
    const label = t('trendLabel', range, before, totals, blocked.size ? t('trendBlocked', listOf(trend.blockedDays.map((d) => dayName(f, d)))) : '');
    const n = (v: number | undefined) => (v === undefined ? '—' : f.count.format(v));
    return html`<section class="trend" part="trend" aria-labelledby="trend-heading">
      <h3 id="trend-heading">${t('trendHeading')}</h3>
      ${this.#trend.legend()}
      <div class="fc-chart trend-box" part="trend-chart"><canvas class="trend-chart" role="img" aria-label=${label}></canvas></div>
      <details class="trend-details" ?open=${this.trendTableOpen} @toggle=${this.#onTrendToggle}>
        <summary>${t('trendTable')}</summary>
        <div class="table-wrap">
          <table class="fc-table" part="trend-table">
            <caption class="fc-visually-hidden">
              ${t('trendCaption', range, before)}
            </caption>
            <thead>
              <tr>
                <th scope="col" rowspan="2">${t('colDay')}</th>
                <th scope="colgroup" colspan="4">${t('colNow')}</th>
                <th scope="colgroup" colspan="5">${t('colBefore')}</th>
              </tr>
              <tr>
                <th scope="col" class="fc-num">${t('inbound')}</th>
                <th scope="col" class="fc-num">${t('outbound')}</th>
                <th scope="col" class="fc-num">${t('delivered')}</th>
                <th scope="col" class="fc-num">${t('failed')}</th>
                <th scope="col">${t('colDayThen')}</th>
                <th scope="col" class="fc-num">${t('inbound')}</th>
                <th scope="col" class="fc-num">${t('outbound')}</th>
                <th scope="col" class="fc-num">${t('delivered')}</th>
                <th scope="col" class="fc-num">${t('failed')}</th>
              </tr>
            </thead>
            <tbody>
              ${!this.trendTableOpen ? nothing : trend.current.map((day, i) => {
                const then = trend.previous[i];
                return html`<tr tabindex="0" @focus=${() => this.#trend.highlight(i)} @blur=${() => this.#trend.highlight(null)}>
                  <th scope="row">
                    ${dayName(f, day.date)}${blocked.has(day.date) ? html` <span class="blocked-mark"><span aria-hidden="true">✕</span> ${t('blockedMark')}</span>` : nothing}
                  </th>
                  <td class="fc-num">${n(day.inbound)}</td>
                  <td class="fc-num">${n(day.outbound)}</td>
                  <td class="fc-num">${n(day.delivered)}</td>
                  <td class="fc-num">${n(day.failed)}</td>
                  <td>${then ? dayName(f, then.date) : '—'}</td>
                  <td class="fc-num">${n(then?.inbound)}</td>
                  <td class="fc-num">${n(then?.outbound)}</td>
                  <td class="fc-num">${n(then?.delivered)}</td>
                  <td class="fc-num">${n(then?.failed)}</td>
                </tr>`;
              })}
            </tbody>
          </table>
        </div>
      </details>
    </section>`;
  }
}

/** "Nov 6" for a calendar day. */
const dayName = (f: Formats, date: string) => f.day.format(new Date(`${date}T00:00:00Z`));

/** "Nov 5, Nov 6 and Nov 7", in the current language. */
const listOf = (items: string[]) => new Intl.ListFormat(getLocale(), { type: 'conjunction' }).format(items);
