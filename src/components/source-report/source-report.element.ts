import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { DateTime } from 'luxon';
import type { ForecourtAdapter, SpendUpsert } from '../../data/adapter.js';
import type { OutboxEntry } from '../../data/cache/outbox.js';
import { AdapterError, isAdapterError } from '../../data/errors.js';
import type { AdapterErrorKind } from '../../data/errors.js';
import type { Cents, DateRange, IsoMonth, MarketingSpend, SourceReport, SourceReportCategory } from '../../data/model.js';
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
import { rangeProblem } from '../../data/logic/calendar.js';
import type { RangeProblem } from '../../data/logic/calendar.js';
import { adapterContext } from '../shared/adapter-context.js';
import { AdapterEventsController, isCachedAdapter } from '../shared/controllers/adapter-events.js';
import { FcElement } from '../shared/fc-element.js';
import { getLocale } from '../shared/messages.js';
import { describeError, errorView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { categoryBars, categoryBarsStyles } from '../shared/charts/category-bars.js';
import { FC_RANGE_CHANGE, FC_REQUEST_MAPPING, FC_SOURCE_SELECT } from './source-report.events.js';
import { safeHref } from '../shared/safe-href.js';
import { t } from './source-report.messages.js';
import { styles } from './source-report.styles.js';
import { cents, dateName, figureCells, figures, makeFormats, monthName, rowName, sourceRow } from './source-report.view.js';
import type { Formats } from './source-report.view.js';

const RANGE_TEXT: Record<RangeProblem, 'rangeFrom' | 'rangeTo' | 'rangeReversed'> = {
  from: 'rangeFrom',
  to: 'rangeTo',
  reversed: 'rangeReversed',
};

const MONEY_TEXT: Record<MoneyProblem, 'moneyEmpty' | 'moneyInvalid' | 'moneyNegative' | 'moneyPrecision' | 'moneyTooLarge'> = {
  empty: 'moneyEmpty',
  invalid: 'moneyInvalid',
  negative: 'moneyNegative',
  precision: 'moneyPrecision',
  'too-large': 'moneyTooLarge',
};

/** A spend write not yet confirmed, as the editor shows it. */
interface CellWrite {
  status: 'pending' | 'sending' | 'failed' | 'conflict';
  amount: Cents;
  expectedVersion: number | undefined;
  error?: { kind: string; message: string; status: number; body?: unknown };
  /** The outbox entry, for a cached adapter. */
  entryKey?: string;
}

interface SpendSheet {
  months: IsoMonth[];
  rows: SpendEditorRow[];
}

const isSpendUpsert = (args: unknown): args is SpendUpsert =>
  !!args && typeof args === 'object' && typeof (args as SpendUpsert).month === 'string' && typeof (args as SpendUpsert).categoryId === 'string';

/**
 * Customer source report: new customers, share, marketing spend, cost per new customer, revenue
 * and ROI per main category, each expandable to its sources; customers with an unknown source
 * called out; a date range; a bar chart of the categories; spend entered per month.
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
 * @cssproperty --fc-source-report-chart-text - Chart labels. Default `--fc-color-text-muted`.
 * @cssproperty --fc-source-report-chart-grid - The chart's baseline. Default `--fc-color-border`.
 * @cssproperty --fc-source-report-chart-block-size - Height of the chart. Default: at least 2rem per category.
 */
export class FcSourceReport extends FcElement {
  static override styles = [tokens, shared, stateStyles, categoryBarsStyles, styles];

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

  /** Where "Fix source mapping" leads when the `fc-request-mapping` event is not cancelled. */
  @property({ attribute: 'editor-href' }) editorHref = '';

  @state() private expanded: ReadonlySet<string> = new Set();
  @state() private editing = false;
  /** What the date inputs hold while it is not a valid range. */
  @state() private typedRange: { from: string; to: string; problem: RangeProblem } | null = null;
  /** Text typed into spend cells and not yet confirmed (kept through failures). */
  @state() private drafts: ReadonlyMap<string, string> = new Map();
  @state() private invalid: ReadonlyMap<string, MoneyProblem> = new Map();
  /** Writes to an adapter without an outbox. */
  @state() private local: ReadonlyMap<string, CellWrite> = new Map();
  /** Confirmed writes, shown until the next read of the spend brings them. */
  @state() private saved: ReadonlyMap<string, MarketingSpend> = new Map();
  @state() private announcement = '';

  #formats: Formats = makeFormats('en', 'USD');
  #formatsKey = 'en|USD';

  readonly #report = new Task(this, {
    task: async ([adapter, from, to], { signal }) => {
      if (!adapter?.sources || rangeProblem({ from, to })) return initialState;
      const [report, mapping] = await Promise.all([
        adapter.sources.report({ from, to }, { signal }),
        adapter.sources.mappingStatus({ signal }),
      ]);
      return { report, mapping };
    },
    args: () => [this.adapter, this.#range.from, this.#range.to] as const,
  });

  readonly #spend = new Task(this, {
    task: async ([adapter, from, to, editing], { signal }): Promise<SpendSheet> => {
      const sources = adapter?.sources;
      if (!editing || !sources || rangeProblem({ from, to })) return initialState as never;
      const [spend, categories, list] = await Promise.all([
        sources.spend({ from, to }, { signal }),
        sources.categories({ signal }),
        sources.list({ signal }),
      ]);
      const months = monthsOfRange({ from, to });
      return { months, rows: spendEditorRows(categories, list, spend, months) };
    },
    args: () => [this.adapter, this.#range.from, this.#range.to, this.editing] as const,
    onComplete: () => {
      if (this.saved.size) this.saved = new Map();
    },
  });

  readonly #events = new AdapterEventsController(this, {
    adapter: () => this.adapter,
    domains: ['sources', 'customers'],
    onChange: () => {
      void this.#report.run();
      if (this.editing) void this.#spend.run();
    },
  });

  /** The range shown: the properties, or `today`'s month. */
  get #range(): DateRange {
    const month = monthOf(this.today || DateTime.local().toISODate()!) ?? { from: '', to: '' };
    return { from: this.from || month.from, to: this.to || month.to };
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The locale can change without a property change (setLocale, the page's lang), so it is checked each time.
    const key = `${getLocale()}|${this.currency}`;
    if (key !== this.#formatsKey) {
      this.#formats = makeFormats(getLocale(), this.currency);
      this.#formatsKey = key;
    }
    if ((changed.has('from') || changed.has('to')) && this.hasUpdated) this.typedRange = null;
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
    const range = this.#range;
    const problem = this.typedRange?.problem ?? rangeProblem(range);
    const shown = this.typedRange ?? range;
    const bad = (end: 'from' | 'to') => problem === end || problem === 'reversed';
    return html`<div class="toolbar" part="toolbar">
        <label
          >${t('from')}
          <input
            type="date"
            name="from"
            .value=${shown.from}
            aria-invalid=${bad('from') ? 'true' : 'false'}
            aria-describedby=${problem ? 'range-problem' : nothing}
            @change=${this.#onRangeInput}
        /></label>
        <label
          >${t('to')}
          <input
            type="date"
            name="to"
            .value=${shown.to}
            aria-invalid=${bad('to') ? 'true' : 'false'}
            aria-describedby=${problem ? 'range-problem' : nothing}
            @change=${this.#onRangeInput}
        /></label>
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
      ${problem ? html`<p id="range-problem" class="problem" role="alert">${t(RANGE_TEXT[problem])}</p>` : nothing}`;
  }

  #body(f: Formats): unknown {
    if (!this.adapter?.sources) return unsupportedView('sources');
    const task = this.#report;
    switch (task.status) {
      case TaskStatus.ERROR:
        return errorView(task.error, () => task.run());
      case TaskStatus.COMPLETE:
        return this.#reportView(f, task.value!.report, false);
      default:
        // A refresh (or an invalid range typed meanwhile) keeps the last report on screen.
        if (task.value) return this.#reportView(f, task.value.report, task.status === TaskStatus.PENDING);
        return rangeProblem(this.#range) ? nothing : loadingView(6);
    }
  }

  #reportView(f: Formats, report: SourceReport, busy: boolean): TemplateResult {
    const unknown = report.categories.find((c) => c.id === UNKNOWN_CATEGORY_ID);
    const empty = report.totals.newCustomers === 0;
    return html`<div class=${busy ? 'busy' : ''} aria-busy=${busy ? 'true' : 'false'}>
      ${unknown && unknown.newCustomers > 0 ? this.#unknownNotice(f, unknown.newCustomers) : nothing}
      ${empty
        ? html`<div class="fc-state fc-state--empty" part="state empty"><p class="fc-state__message" role="status">${t('empty')}</p></div>`
        : html`<div class="chart" part="chart">${this.#chart(f, report)}</div>`}
      <div class="table-wrap">${this.#table(f, report)}</div>
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

  #warnedHref = '';

  /** `editor-href` when it is an http(s) or relative address; anything else (`javascript:`) is not linked. */
  #editorUrl(): string {
    if (!this.editorHref) return '';
    const url = safeHref(this.editorHref, document.baseURI);
    if (url) return url;
    if (this.#warnedHref !== this.editorHref) console.warn(`<${this.localName}> editor-href is not an http(s) address; not linked.`);
    this.#warnedHref = this.editorHref;
    return '';
  }

  /** New customers per category, in the table's order and names; a bar clicked opens its category. */
  #chart(f: Formats, report: SourceReport): TemplateResult {
    const { categories } = report;
    return categoryBars({
      ids: categories.map((c) => c.id),
      labels: categories.map((c) => rowName(c)),
      values: categories.map((c) => c.newCustomers),
      label: t('chartLabel', categories.map((c) => t('chartPart', rowName(c), f.count.format(c.newCustomers))).join(', ')),
      format: (v) => f.count.format(v),
      special: [UNKNOWN_CATEGORY_ID],
      onSelect: (id) => void this.#drill(id),
    });
  }

  #table(f: Formats, report: SourceReport): TemplateResult {
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
      ${report.categories.map((c, i) => this.#categoryRows(f, c, i))}
      <tfoot>
        <tr>
          <th scope="row">${t('total')}</th>
          ${figureCells(f, report.totals)}
        </tr>
      </tfoot>
    </table>`;
  }

  #categoryRows(f: Formats, c: SourceReportCategory, i: number): TemplateResult {
    const open = this.expanded.has(c.id);
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
            @click=${() => this.#toggle(c.id)}
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

  // ───────────── spend editor ─────────────

  #spendEditor(f: Formats): TemplateResult {
    const task = this.#spend;
    let body: unknown;
    if (rangeProblem(this.#range)) body = nothing;
    else if (task.status === TaskStatus.ERROR) body = errorView(task.error, () => task.run());
    else if (task.value && task.status !== TaskStatus.INITIAL) body = this.#spendTable(f, task.value);
    else body = loadingView(4);
    return html`<section class="spend" id="spend-editor" part="spend-editor" aria-labelledby="spend-heading">
      <h3 id="spend-heading">${t('spendHeading')}</h3>
      <p class="hint">${t('spendHint')}</p>
      ${body}
    </section>`;
  }

  #spendTable(f: Formats, sheet: SpendSheet): TemplateResult {
    const writes = this.#writes();
    return html`<div class="table-wrap">
      <table class="fc-table">
        <caption>
          ${t('spendCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('colSource')}</th>
            ${sheet.months.map((m) => html`<th scope="col" class="fc-num">${monthName(f, m)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${sheet.rows.map(
            (row, r) => html`<tr class=${row.sourceId ? 'sub' : 'category'}>
              <th scope="row">
                ${row.sourceId
                  ? html`${row.name}${row.code ? html` <span class="muted">[${row.code}]</span>` : nothing}`
                  : html`${row.name} <span class="muted">(${t('wholeCategory')})</span>`}
              </th>
              ${sheet.months.map((m, c) => html`<td class="fc-num">${this.#spendCell(f, row, m, `${r}-${c}`, writes)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** Unconfirmed spend writes by cell: the outbox's (they survive a reload) or this page's own. */
  #writes(): Map<string, CellWrite> {
    const writes = new Map(this.local);
    for (const entry of this.#events.entries) {
      if (entry.method !== 'saveSpend' || !isSpendUpsert(entry.args)) continue;
      const a = entry.args;
      writes.set(spendCellKey(a.month, a.categoryId, a.sourceId), this.#fromEntry(entry, a));
    }
    return writes;
  }

  #fromEntry(entry: OutboxEntry, a: SpendUpsert): CellWrite {
    return {
      status: entry.status === 'confirmed' ? 'sending' : entry.status,
      amount: a.amount,
      expectedVersion: a.expectedVersion,
      ...(entry.error && { error: entry.error }),
      entryKey: entry.key,
    };
  }

  #spendCell(f: Formats, row: SpendEditorRow, month: IsoMonth, id: string, writes: Map<string, CellWrite>): TemplateResult {
    const key = spendCellKey(month, row.categoryId, row.sourceId);
    const write = writes.get(key);
    const saved = this.saved.get(key);
    const amount = write?.amount ?? saved?.amount ?? row.cells[month]!.amount;
    const value = this.drafts.get(key) ?? f.input.format(amount / 100);
    const problem = this.invalid.get(key);
    const name = row.sourceId ? t('sourceOf', row.code ? `${row.name} [${row.code}]` : row.name, row.categoryName) : `${row.name}, ${t('wholeCategory')}`;
    const label = t('spendLabel', name, monthName(f, month));
    const status = problem ? html`<span class="cell-status bad" id=${`st-${id}`}>${t(MONEY_TEXT[problem])}</span>` : this.#writeStatus(f, key, label, write, row, month, id);
    return html`<input
        type="text"
        inputmode="decimal"
        autocomplete="off"
        aria-label=${label}
        aria-invalid=${problem ? 'true' : 'false'}
        aria-describedby=${problem || write ? `st-${id}` : nothing}
        .value=${value}
        @change=${(e: Event) => this.#onSpendInput(row, month, (e.target as HTMLInputElement).value)}
      />${status}`;
  }

  #writeStatus(f: Formats, key: string, label: string, write: CellWrite | undefined, row: SpendEditorRow, month: IsoMonth, id: string): unknown {
    if (!write) return nothing;
    const cached = isCachedAdapter(this.adapter) ? this.adapter : null;
    const button = (text: string, action: () => unknown) =>
      html`<button type="button" class="fc-button" aria-label=${t('actionFor', text, label)} @click=${() => void action()}>${text}</button>`;
    const why = write.error ? describeError(new AdapterError({ ...write.error, kind: write.error.kind as AdapterErrorKind })).message : '';
    if (write.status === 'pending' || write.status === 'sending') {
      if (!write.error) return html`<span class="cell-status pending" id=${`st-${id}`}>${write.status === 'sending' ? t('sending') : t('pending')}</span>`;
      return html`<span class="cell-status pending" id=${`st-${id}`}>${t('notSentYet', why)}</span>
        <span class="cell-actions">${cached ? button(t('sendNow'), () => cached.outbox.flush()) : nothing}</span>`;
    }
    const discard = () => this.#discard(key, write);
    if (write.status === 'conflict') {
      const current = (write.error?.body as { current?: MarketingSpend } | undefined)?.current;
      const theirs = current?.amount ?? 0;
      return html`<span class="cell-status bad" id=${`st-${id}`}>${t('conflict', cents(f, theirs))}</span>
        <span class="cell-actions">
          ${button(t('keepMine'), async () => {
            await this.#discardEntry(write);
            return this.#save(row, month, write.amount, current?.version);
          })}
          ${button(t('useTheirs'), discard)}
        </span>`;
    }
    return html`<span class="cell-status bad" id=${`st-${id}`}>${t('failed', why)}</span>
      <span class="cell-actions">
        ${button(t('retry'), () => (cached && write.entryKey ? cached.outbox.retry(write.entryKey) : this.#save(row, month, write.amount, write.expectedVersion)))}
        ${button(t('discard'), discard)}
      </span>`;
  }

  // ───────────── actions ─────────────

  #onRangeInput = (): void => {
    const read = (name: string) => (this.renderRoot.querySelector<HTMLInputElement>(`input[name=${name}]`)?.value ?? '').trim();
    const typed = { from: read('from'), to: read('to') };
    const problem = rangeProblem(typed);
    if (problem) {
      this.typedRange = { ...typed, problem };
      return;
    }
    this.typedRange = null;
    if (typed.from === this.#range.from && typed.to === this.#range.to) return;
    this.from = typed.from;
    this.to = typed.to;
    this.emit(FC_RANGE_CHANGE, { from: typed.from, to: typed.to });
  };

  #toggleEditing = (): void => {
    this.editing = !this.editing;
  };

  #toggle(categoryId: string): void {
    const next = new Set(this.expanded);
    const open = !next.has(categoryId);
    if (open) next.add(categoryId);
    else next.delete(categoryId);
    this.expanded = next;
    this.emit(FC_SOURCE_SELECT, { categoryId, expanded: open });
  }

  /** Opens a category picked in the chart and brings its row into view with focus. */
  async #drill(categoryId: string): Promise<void> {
    if (!this.isConnected) return;
    if (!this.expanded.has(categoryId)) this.expanded = new Set([...this.expanded, categoryId]);
    this.emit(FC_SOURCE_SELECT, { categoryId, expanded: true });
    await this.updateComplete;
    const index = this.#report.value?.report.categories.findIndex((c) => c.id === categoryId) ?? -1;
    const button = this.renderRoot.querySelector<HTMLButtonElement>(`button.toggle[data-category="${index}"]`);
    button?.scrollIntoView({ block: 'nearest' });
    button?.focus();
  }

  #onSpendInput(row: SpendEditorRow, month: IsoMonth, text: string): void {
    const key = spendCellKey(month, row.categoryId, row.sourceId);
    const parsed = parseMoney(text, { decimal: this.#formats.decimal });
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
    const write = this.#writes().get(key);
    const current = this.saved.get(key) ?? { amount: row.cells[month]!.amount, version: row.cells[month]!.version };
    if (!write && amount === current.amount) {
      this.#dropDraft(key);
      return;
    }
    // A write still on its way will have bumped the version by the time this one arrives.
    const unsent = write && (write.status === 'pending' || write.status === 'sending');
    // After a conflict the user has seen the server's amount: a new value replaces that one.
    const theirs = write?.status === 'conflict' ? (write.error?.body as { current?: MarketingSpend } | undefined)?.current : undefined;
    const expected = unsent ? spendVersionAfter(write.expectedVersion) : (theirs?.version ?? current.version);
    if (write && write.status !== 'pending' && write.status !== 'sending') void this.#discardEntry(write);
    void this.#save(row, month, amount, expected);
  }

  async #save(row: SpendEditorRow, month: IsoMonth, amount: Cents, expectedVersion: number | undefined): Promise<void> {
    const sources = this.adapter?.sources;
    if (!sources || !this.isConnected) return;
    const key = spendCellKey(month, row.categoryId, row.sourceId);
    const upsert: SpendUpsert = { month, categoryId: row.categoryId, sourceId: row.sourceId, amount, ...(expectedVersion !== undefined && { expectedVersion }) };
    const cached = isCachedAdapter(this.adapter);
    if (!cached) this.#setLocal(key, { status: 'sending', amount, expectedVersion });
    try {
      const result = await sources.saveSpend(upsert);
      this.saved = new Map(this.saved).set(key, result);
      this.#setLocal(key, null);
      // Only the draft this save came from: a newer one typed meanwhile stays.
      const draft = this.drafts.get(key);
      const parsed = draft === undefined ? null : parseMoney(draft, { decimal: this.#formats.decimal });
      if (draft !== undefined && (parsed?.ok ? parsed.cents : 0) === amount) this.#dropDraft(key);
      this.announcement = this.inLocale(() => `${t('spendLabel', row.name, monthName(this.#formats, month))}: ${cents(this.#formats, amount)}`);
    } catch (error) {
      if (isAdapterError(error) && error.kind === 'aborted') return;
      if (!cached) {
        const e = isAdapterError(error)
          ? { kind: error.kind, message: error.message, status: error.status, body: error.body }
          : { kind: 'rejected', message: String(error), status: 0 };
        this.#setLocal(key, { status: e.kind === 'conflict' ? 'conflict' : 'failed', amount, expectedVersion, error: e });
      }
      // A cached adapter keeps the failed or conflicting write in its outbox, where the cell finds it.
    }
  }

  async #discard(key: string, write: CellWrite): Promise<void> {
    await this.#discardEntry(write);
    this.#setLocal(key, null);
    this.#dropDraft(key);
    const invalid = new Map(this.invalid);
    invalid.delete(key);
    this.invalid = invalid;
  }

  async #discardEntry(write: CellWrite): Promise<void> {
    if (write.entryKey && isCachedAdapter(this.adapter)) await this.adapter.outbox.discard(write.entryKey);
  }

  #setLocal(key: string, write: CellWrite | null): void {
    if (!write && !this.local.has(key)) return;
    const local = new Map(this.local);
    if (write) local.set(key, write);
    else local.delete(key);
    this.local = local;
  }

  #dropDraft(key: string): void {
    if (!this.drafts.has(key)) return;
    const drafts = new Map(this.drafts);
    drafts.delete(key);
    this.drafts = drafts;
  }
}
