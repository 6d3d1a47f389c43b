import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter, SpendUpsert } from '../../data/adapter.js';
import type { DateRange, IsoMonth, MarketingSpend, SourceReport, SourceReportCategory } from '../../data/model.js';
import { UNKNOWN_CATEGORY_ID } from '../../data/model.js';
import {
  monthOf,
  monthsOfRange,
  parseMoney,
  spendCellKey,
  spendEditorRows,
  spendVersionAfter,
} from '../../data/logic/spend.js';
import type { MoneyProblem, SpendEditorRow } from '../../data/logic/spend.js';
import { currentMonthRange, rangeProblem } from '../../data/logic/calendar.js';
import { adapterContext } from '../shared/adapter-context.js';
import { PendingWritesController, currentOf } from '../shared/controllers/pending-writes.js';
import { QueryController } from '../shared/controllers/query.js';
import { FcElement } from '../shared/fc-element.js';
import { getLocale } from '../shared/messages.js';
import { stateStyles } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { ChartController, chartStyles } from '../shared/charts/chart-controller.js';
import { ScrollHintController, scrollHintStyles } from '../shared/controllers/scroll-hint.js';
import { DateRangeEditor } from '../shared/date-range.js';
import { FC_REQUEST_MAPPING, FC_SOURCE_SELECT } from './source-report.events.js';
import { hostHref } from '../shared/safe-href.js';
import { t } from './source-report.messages.js';
import { styles } from './source-report.styles.js';
import { makeFormats } from '../shared/formats.js';
import { cents, dateName, monthName, reportTable, rowName } from './source-report.view.js';
import type { CategoryActions } from './source-report.view.js';
import { spendTable } from './source-report.spend.js';
import type { SpendActions, SpendCells, SpendSheet } from './source-report.spend.js';
import { chartLabel, heightClass, sourceChartConfig } from './source-report.chart.js';
import type { SourceChartView } from './source-report.chart.js';
import type { Formats } from './source-report.view.js';

/**
 * Customer source report: new customers, share, marketing spend, cost per new customer, revenue
 * and ROI per main category, each expandable to its sources; customers with an unknown source
 * called out; a date range; a bar chart of the categories (or of one category's sources), of new
 * customers or of spend against revenue; spend entered per month.
 *
 * @customElement fc-source-report
 * @fires fc-source-select - A category was activated in the table or the chart. detail: {categoryId, expanded}
 * @fires fc-request-mapping - "Fix source mapping" was activated. Cancelable (cancels the `editor-href` navigation). detail: {unknownCustomers}
 * @fires fc-range-change - The user picked a new valid date range. detail: {from, to}
 * @csspart toolbar - The date range and the Edit spend button.
 * @csspart notice - The unknown-source notice.
 * @csspart chart - The chart's box.
 * @csspart table - The report table.
 * @csspart spend-editor - The spend editor section.
 * @csspart state - Loading, empty, error and unsupported states (also `loading`, `empty`, `error`, `unsupported`).
 * @csspart retry-button - Retry of a failed load.
 * @cssproperty --fc-source-report-bar - Colour of the category bars. Default `--fc-color-accent`.
 * @cssproperty --fc-source-report-unknown-bar - Colour of the Unknown bar and row mark. Default `--fc-color-warn`.
 * @cssproperty --fc-source-report-spend-bar - Colour of the spend bars. Default `--fc-color-text-muted`.
 * @cssproperty --fc-source-report-revenue-bar - Colour of the revenue bars. Default `--fc-color-accent`.
 * @cssproperty --fc-source-report-chart-text - The chart's axis figures and values. Default `--fc-color-text-muted`.
 * @cssproperty --fc-source-report-chart-grid - The chart's grid lines. Default `--fc-color-border`.
 * @cssproperty --fc-source-report-chart-block-size - Height of the chart. Default: 16rem, taller for more than 10 bars.
 */
export class FcSourceReport extends FcElement {
  static override styles = [tokens, shared, stateStyles, chartStyles, scrollHintStyles, styles];

  /** The data adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** First day of the range, ISO date (inclusive); default the first day of `today`'s month. */
  @property() from = '';

  /** Last day of the range, ISO date (inclusive); default the last day of `today`'s month. */
  @property() to = '';

  /** The day the default range is built around, ISO date; default the local today. */
  @property() today = '';

  /** ISO 4217 currency of the amounts (which are in cents). */
  @property() currency = 'USD';

  /**
   * Where "Fix source mapping" leads when the `fc-request-mapping` event is not cancelled: an http(s) or relative URL on
   * the page's origin, or on one listed in `editor-origins`. Any other address is not linked (the button still fires the event).
   */
  @property({ attribute: 'editor-href' }) editorHref = '';

  /** Origins besides the page's own that `editor-href` may lead to, space-separated (`https://crm.example.com https://other.example`). */
  @property({ attribute: 'editor-origins' }) editorOrigins = '';

  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private editing = false;
  /** Text typed into spend cells and not yet confirmed (kept through failures). */
  @state() private drafts: ReadonlyMap<string, string> = new Map();
  @state() private invalid: ReadonlyMap<string, MoneyProblem> = new Map();
  /** Confirmed writes, shown until the next read of the spend brings them. */
  @state() private saved: ReadonlyMap<string, MarketingSpend> = new Map();
  @state() private announcement = '';
  /** The category whose sources the chart shows (the one last opened), or null for the categories. */
  @state() private drilled: string | null = null;
  /** The chart shows spend and revenue instead of new customers. */
  @state() private money = false;

  #formats: Formats = makeFormats('en', { currency: 'USD' });

  constructor() {
    super();
    // Marks the tables' scroll boxes while columns are hidden past the edge.
    new ScrollHintController(this);
  }

  /** The report and the mapping status; an invalid range reads nothing and keeps the last report. */
  readonly #report = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['sources'],
    domains: ['sources', 'customers'],
    args: () => [this.#range.from, this.#range.to] as const,
    idle: ([from, to]) => !!rangeProblem({ from, to }),
    read: async (adapter, [from, to], { signal }) => {
      const [report, mapping] = await Promise.all([adapter.sources.report({ from, to }, { signal }), adapter.sources.mappingStatus({ signal })]);
      return { report, mapping };
    },
  });

  /** The spend sheet, read while the editor is open. */
  readonly #spend = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['sources'],
    domains: ['sources', 'customers'],
    args: () => [this.#range.from, this.#range.to, this.editing] as const,
    idle: ([from, to, editing]) => !editing || !!rangeProblem({ from, to }),
    read: async (adapter, [from, to], { signal }): Promise<SpendSheet> => {
      const [spend, categories, list] = await Promise.all([
        adapter.sources.spend({ from, to }, { signal }),
        adapter.sources.categories({ signal }),
        adapter.sources.list({ signal }),
      ]);
      const months = monthsOfRange({ from, to });
      return { months, rows: spendEditorRows(categories, list, spend, months) };
    },
    onValue: () => {
      if (this.saved.size) this.saved = new Map();
    },
  });

  /** Spend writes not yet confirmed, by cell: this page's, and an earlier page's from the outbox. */
  readonly #writes = new PendingWritesController(this, {
    adapter: () => this.adapter,
    domain: 'sources',
    // The outbox checks each entry against the contract's request schema: narrowing types `args`.
    match: (entry) => (entry.domain === 'sources' && entry.method === 'saveSpend' ? entry.args : null),
    about: (a) => spendCellKey(a.month, a.categoryId, a.sourceId),
    send: (sources, upsert, options) => sources.saveSpend(upsert, options),
    theirs: (body) => currentOf<MarketingSpend>(body),
  });

  /** The date inputs: a valid range typed becomes `from`/`to` and fires `fc-range-change`. */
  readonly #rangeEditor = new DateRangeEditor(this, {
    range: () => this.#range,
    commit: ({ from, to }) => {
      this.from = from;
      this.to = to;
    },
  });


  /** The chart: drawn after the table, updated in place on a drill, a range or the measure. */
  readonly #chart = new ChartController(this, {
    canvas: () => this.renderRoot.querySelector<HTMLCanvasElement>('canvas.chart-canvas'),
    key: () => this.#chartView(),
    // Built after the engine loads, outside an update: in this element's language, as its render is.
    config: (kit) =>
      this.inLocale(() => {
        const view = this.#chartView();
        return view ? sourceChartConfig(view, this.#formats, kit) : null;
      }),
    onSelect: ({ index }) => {
      const view = this.#chartView();
      // A category's bar opens it; a source is the last level.
      const category = view && !view.category ? view.report.categories[index] : undefined;
      if (category) void this.#drill(category.id);
    },
  });

  #view: SourceChartView | undefined;

  /** What the chart shows: the same object while the report, level, measure and locale are the same. */
  #chartView(): SourceChartView | undefined {
    const report = this.#report.value?.report;
    if (!report) return undefined;
    const category = this.drilled ? report.categories.find((c) => c.id === this.drilled) : undefined;
    const locale = this.#formats.locale;
    const last = this.#view;
    if (last && last.report === report && last.category === category && last.money === this.money && last.locale === locale) return last;
    return (this.#view = { report, category, money: this.money, locale });
  }

  /** The range shown: the properties, or `today`'s month (the browser's, without `today`). */
  get #range(): DateRange {
    const month = (this.today ? monthOf(this.today) : currentMonthRange(Date.now())) ?? { from: '', to: '' };
    return { from: this.from || month.from, to: this.to || month.to };
  }

  protected override willUpdate(): void {
    // The locale can change without a property change (setLocale, the page's lang); makeFormats keeps one set per key.
    this.#formats = makeFormats(getLocale(), { currency: this.currency });
  }

  // ───────────── rendering ─────────────

  protected override render() {
    const f = this.#formats;
    return html`
      <h2>${t('heading')}</h2>
      ${this.#toolbar()}
      ${this.#body(f)}
      ${this.editing ? this.#spendEditor(f) : nothing}
      <div class="fc-visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  #toolbar(): TemplateResult {
    return html`<div class="toolbar" part="toolbar">
        ${this.#rangeEditor.fields()}
        ${this.adapter?.sources
          ? html`<button
              type="button"
              class="fc-button"
              aria-expanded=${this.editing ? 'true' : 'false'}
              aria-controls="spend-editor"
              @click=${this.#toggleEditing}
            >
              ${t('editSpend')}
            </button>`
          : nothing}
      </div>
      ${this.#rangeEditor.problemView()}`;
  }

  #body(f: Formats): unknown {
    // A refresh (or an invalid range typed meanwhile) keeps the last report on screen.
    return this.#report.render({ complete: ({ report }) => this.#reportView(f, report, this.#report.refreshing), lines: 6 });
  }

  #reportView(f: Formats, report: SourceReport, busy: boolean): TemplateResult {
    const unknown = report.categories.find((c) => c.id === UNKNOWN_CATEGORY_ID);
    const empty = report.totals.newCustomers === 0;
    return html`<div class=${busy ? 'busy' : ''} aria-busy=${busy ? 'true' : 'false'}>
      ${unknown && unknown.newCustomers > 0 ? this.#unknownNotice(f, unknown.newCustomers) : nothing}
      ${empty
        ? html`<div class="fc-state fc-state--empty" part="state empty"><p class="fc-state__message" role="status">${t('empty')}</p></div>`
        : this.#chartBox(f)}
      <div class="table-wrap fc-scroll" role="region" aria-label=${t('caption', dateName(f, report.range.from), dateName(f, report.range.to))}>${reportTable(f, report, this.expanded, this.#rowActions)}</div>
    </div>`;
  }

  #unknownNotice(f: Formats, count: number): TemplateResult {
    const text = t('unknownNotice', f.count.format(count), count === 1);
    const onClick = (event: Event) => {
      const mapping = this.#report.value?.mapping;
      const detail = { unknownCustomers: count, unmapped: mapping ? mapping.total - mapping.mapped : 0, total: mapping?.total ?? 0 };
      const proceed = this.emit(FC_REQUEST_MAPPING, detail, { cancelable: true });
      if (!proceed) event.preventDefault();
    };
    const href = this.#editorUrl();
    return html`<div class="notice" part="notice">
      <p>${text}</p>
      ${href
        ? html`<a class="fc-button" href=${href} @click=${onClick}>${t('fixMapping')}</a>`
        : html`<button type="button" class="fc-button" @click=${onClick}>${t('fixMapping')}</button>`}
    </div>`;
  }

  /** `editor-href` when it is an http(s) address on an allowed origin; anything else (`javascript:`, another site) is not linked. */
  #editorUrl(): string {
    return hostHref(this, 'editor-href', this.editorHref, this.editorOrigins, 'editor-origins');
  }

  /** The chart of the categories or of the drilled category's sources, its level, its measure and its legend. */
  #chartBox(f: Formats): TemplateResult {
    const view = this.#chartView()!;
    const drawn = view.category ? view.category.subcategories.length > 0 : true;
    return html`<div class="chart" part="chart">
      <div class="chart-bar">
        ${view.category ? this.#crumbs(view.category) : nothing}
        <button type="button" class="fc-button" aria-pressed=${this.money ? 'true' : 'false'} @click=${this.#toggleMoney}>${t('spendVsRevenue')}</button>
      </div>
      ${drawn ? this.#chart.legend() : nothing}
      ${drawn
        ? html`<div class="fc-chart ${heightClass(view)}"><canvas class="chart-canvas" role="img" aria-label=${chartLabel(view, f)}></canvas></div>`
        : html`<p class="chart-empty">${t('noSubcategories')}</p>`}
    </div>`;
  }

  /** Where the chart is: all categories (a button that goes back up), then the drilled category. */
  #crumbs(category: SourceReportCategory): TemplateResult {
    return html`<nav class="crumbs" aria-label=${t('chartLevels')}>
      <ol>
        <li><button type="button" class="crumb" @click=${this.#up}>${t('allCategories')}</button></li>
        <li><span aria-current="location"><bdi>${rowName(category)}</bdi></span></li>
      </ol>
    </nav>`;
  }

  readonly #rowActions: CategoryActions = {
    toggle: (categoryId) => this.#toggle(categoryId),
    showBar: (index) => this.#showBar(index),
  };

  // ───────────── spend editor ─────────────

  #spendEditor(f: Formats): TemplateResult {
    const body = this.#spend.render({ complete: (sheet) => spendTable(f, sheet, this.#spendCells(), this.#spendActions), lines: 4 });
    return html`<section class="spend" id="spend-editor" part="spend-editor" aria-labelledby="spend-heading">
      <h3 id="spend-heading">${t('spendHeading')}</h3>
      <p class="hint">${t('spendHint')}</p>
      ${body}
    </section>`;
  }

  #spendCells(): SpendCells {
    return { writes: this.#writes.all(), drafts: this.drafts, invalid: this.invalid, saved: this.saved, queued: this.#writes.queued };
  }

  readonly #spendActions: SpendActions = {
    input: (row, month, text) => this.#onSpendInput(row, month, text),
    flush: () => this.#writes.flush(),
    keepMine: (key, write) => this.#writes.replace(key, this.#upsert(write.args, write.theirs?.version)),
    retry: (key, write) => this.#afterSave(write.args, this.#writes.retry(key)),
    discard: (key) => this.#discard(key),
  };

  // ───────────── actions ─────────────

  #toggleEditing = (): void => {
    this.editing = !this.editing;
  };

  #toggleMoney = (): void => {
    this.money = !this.money;
  };

  /** Opens or closes a category; the chart shows the sources of the one opened, and the categories again when it closes. */
  #toggle(categoryId: string): void {
    const next = new Set(this.expanded);
    const open = !next.has(categoryId);
    if (open) next.add(categoryId);
    else next.delete(categoryId);
    this.expanded = next;
    if (open) this.drilled = categoryId;
    else if (this.drilled === categoryId) this.drilled = null;
    this.emit(FC_SOURCE_SELECT, { categoryId, expanded: open });
  }

  /** Back up to the categories: the drilled category closes, and its row takes the focus. */
  #up = async (): Promise<void> => {
    const categoryId = this.drilled;
    if (!categoryId) return;
    this.#toggle(categoryId);
    await this.updateComplete;
    this.#categoryButton(categoryId)?.focus();
  };

  /** The tooltip of a category's bar while its row has the focus (the table is the keyboard path to the chart). */
  #showBar(index: number | null): void {
    if (index === null || !this.#chartView()?.category) this.#chart.highlight(index);
  }

  #categoryButton(categoryId: string): HTMLButtonElement | null {
    const index = this.#report.value?.report.categories.findIndex((c) => c.id === categoryId) ?? -1;
    return this.renderRoot.querySelector<HTMLButtonElement>(`button.toggle[data-category="${index}"]`);
  }

  /** Opens a category picked in the chart (the chart shows its sources) and brings its row into view with focus. */
  async #drill(categoryId: string): Promise<void> {
    if (!this.isConnected) return;
    if (!this.expanded.has(categoryId)) this.expanded = new Set([...this.expanded, categoryId]);
    this.drilled = categoryId;
    this.emit(FC_SOURCE_SELECT, { categoryId, expanded: true });
    await this.updateComplete;
    const button = this.#categoryButton(categoryId);
    button?.scrollIntoView({ block: 'nearest' });
    button?.focus();
  }

  #onSpendInput(row: SpendEditorRow, month: IsoMonth, text: string): void {
    const key = spendCellKey(month, row.categoryId, row.sourceId);
    const parsed = parseMoney(text, { decimal: this.#formats.decimalSeparator });
    const drafts = new Map(this.drafts);
    drafts.set(key, text);
    this.drafts = drafts;
    const invalid = new Map(this.invalid);
    // An emptied field means no spend.
    const amount = parsed.ok ? parsed.cents : parsed.problem === 'empty' ? 0 : null;
    if (amount === null) {
      invalid.set(key, (parsed as { problem: MoneyProblem }).problem);
      this.invalid = invalid;
      return;
    }
    invalid.delete(key);
    this.invalid = invalid;
    const write = this.#writes.get(key);
    const current = this.saved.get(key) ?? { amount: row.cells[month]!.amount, version: row.cells[month]!.version };
    if (!write && amount === current.amount) {
      this.#dropDraft(key);
      return;
    }
    // A write still on its way will have bumped the version by the time this one arrives.
    const unsent = write && (write.status === 'pending' || write.status === 'sending');
    // After a conflict the user has seen the server's amount: a new value replaces that one.
    const expected = unsent ? spendVersionAfter(write.args.expectedVersion) : (write?.theirs?.version ?? current.version);
    const upsert = this.#upsert({ month, categoryId: row.categoryId, sourceId: row.sourceId, amount }, expected);
    // A refused write is replaced (its outbox entry goes); one on its way stays and this one follows it.
    void this.#afterSave(upsert, write && !unsent ? this.#writes.replace(key, upsert) : this.#writes.save(upsert), row.name);
  }

  /** The write for a cell, with the version it expects when there is one. */
  #upsert(a: SpendUpsert, expectedVersion: number | undefined): SpendUpsert {
    const { expectedVersion: _, ...rest } = a;
    return { ...rest, ...(expectedVersion !== undefined && { expectedVersion }) };
  }

  /** Once a write is confirmed: its amount stays until the next read, its draft goes, and it is announced. */
  async #afterSave(upsert: SpendUpsert, saving: Promise<MarketingSpend | undefined>, name?: string): Promise<void> {
    const result = await saving;
    if (!result || !this.isConnected) return;
    const key = spendCellKey(upsert.month, upsert.categoryId, upsert.sourceId);
    this.saved = new Map(this.saved).set(key, result);
    // Only the draft this save came from: a newer one typed meanwhile stays.
    const draft = this.drafts.get(key);
    const parsed = draft === undefined ? null : parseMoney(draft, { decimal: this.#formats.decimalSeparator });
    if (draft !== undefined && (parsed?.ok ? parsed.cents : 0) === upsert.amount) this.#dropDraft(key);
    const row = this.#spend.value?.rows.find((r) => r.categoryId === upsert.categoryId && r.sourceId === upsert.sourceId);
    const label = name ?? row?.name ?? '';
    this.announcement = this.inLocale(() => `${t('spendLabel', label, monthName(this.#formats, upsert.month))}: ${cents(this.#formats, upsert.amount)}`);
  }

  async #discard(key: string): Promise<void> {
    await this.#writes.discard(key);
    this.#dropDraft(key);
    const invalid = new Map(this.invalid);
    invalid.delete(key);
    this.invalid = invalid;
  }

  #dropDraft(key: string): void {
    if (!this.drafts.has(key)) return;
    const drafts = new Map(this.drafts);
    drafts.delete(key);
    this.drafts = drafts;
  }
}
