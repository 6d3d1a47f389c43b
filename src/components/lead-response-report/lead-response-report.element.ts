import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { TaskStatus } from '@lit/task';
import type { ForecourtAdapter, LeadsApi } from '../../data/adapter.js';
import type { DateRange, DealerProfile, Lead, LeadResponseSummary, OemRule, StoredOemRule } from '../../data/model.js';
import { currentMonthRange, isValidZone, rangeProblem } from '../../data/logic/calendar.js';
import { adapterContext } from '../shared/adapter-context.js';
import { isCachedAdapter } from '../shared/controllers/adapter-events.js';
import { QueryController } from '../shared/controllers/query.js';
import { defineElement } from '../shared/define-element.js';
import { FcElement } from '../shared/fc-element.js';
import { lazyModule } from '../shared/lazy.js';
import { getLocale } from '../shared/messages.js';
import { loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { ChartController, chartStyles } from '../shared/charts/chart-controller.js';
import { DateRangeEditor } from '../shared/date-range.js';
import type { RuleSaveDetail } from './lead-response-report.events.js';
import { t } from './lead-response-report.messages.js';
import { NO_FILTERS, anyFilter, nextSort } from './lead-response-report.rows.js';
import type { Filters, Row, Sort, SortKey } from './lead-response-report.rows.js';
import { styles } from './lead-response-report.styles.js';
import { ScrollBoxes, scrollStyles } from './lead-response-report.scroll.js';
import { bucketLabels, detailView, evaluatingText, evaluationErrorView, progressText, summaryView, timeText, trendTargets } from './lead-response-report.view.js';
import { LeadRows, TableFill } from './lead-response-report.evaluation.js';
import { bucketChartConfig, trendChartConfig } from './lead-response-report.charts.js';
import type { ReportFigures } from './lead-response-report.charts.js';
import { makeFormats } from '../shared/formats.js';
import type { Formats } from '../shared/formats.js';
import { VIEWS, nextTab, panelView, rulesPanelView, tabsView } from './lead-response-report.tabs.js';
import type { LeadReportView } from './lead-response-report.tabs.js';

export type { LeadReportView };

/** Most leads one page request asks for (the REST server's cap). */
const PAGE_LIMIT = 1000;
/** Detail rows added per "Show more". */
const ROWS_STEP = 100;

interface Setup {
  dealer: DealerProfile;
  rules: StoredOemRule[];
}

interface Loaded {
  range: DateRange;
  leads: Lead[];
  /** Leads in the range on the server (more than `leads.length` when capped). */
  total: number;
}

/** The rule engine (`lead-response-report.engine.ts`), loaded once for every report; a failed load is tried again on the next read. */
const engineModule = lazyModule(() => import('./lead-response-report.engine.js'));

/**
 * Internet lead response report: every lead of a date range against its OEM's "stop the clock"
 * rule ("Internet > Detail"), the contact-time summary per OEM and per salesperson with the
 * OEM's compliance target, per responder (who answered, and how often for someone else's lead)
 * and per lead source ("Internet > Summary"), a chart of response times, a daily trend of the
 * median response and the share within the limit against each OEM's target, and an editor of the
 * dealer's OEM rules.
 *
 * @customElement fc-lead-response-report
 * @fires fc-range-change - The user picked a new valid date range. detail: {from, to}
 * @fires fc-rule-save - The server confirmed a rule the user edited. detail: {rule}
 * @csspart toolbar - The date range.
 * @csspart tabs - The tab list (Detail, Summary, OEM rules).
 * @csspart filters - The detail filters.
 * @csspart table - Each report table.
 * @csspart grade - A grade badge (also `grade-green`, `grade-yellow`, `grade-red`).
 * @csspart chart - The box of a chart (response times, the daily trend).
 * @csspart editor - The rule editor.
 * @csspart notice - A notice: capped range, a rule change that conflicts or failed.
 * @csspart state - Loading, empty, error and unsupported states (also `loading`, `empty`, `error`, `unsupported`).
 * @csspart retry-button - Retry of a failed load.
 * @cssproperty --fc-lead-response-report-green - Green grade colour. Default `--fc-color-good`.
 * @cssproperty --fc-lead-response-report-yellow - Yellow grade colour. Default `--fc-color-warn`.
 * @cssproperty --fc-lead-response-report-red - Red grade colour. Default `--fc-color-bad`.
 * @cssproperty --fc-lead-response-report-bar - Colour of the answered buckets. Default `--fc-color-accent`.
 * @cssproperty --fc-lead-response-report-no-response-bar - Colour of the "no response yet" bar (drawn hatched). Default `--fc-color-warn`.
 * @cssproperty --fc-lead-response-report-median-line - The trend's median response line. Default `--fc-color-accent`.
 * @cssproperty --fc-lead-response-report-within-line - The trend's "answered within the limit" line. Default `--fc-color-good`.
 * @cssproperty --fc-lead-response-report-target-line - The trend's dashed OEM target lines. Default `--fc-color-text-muted`.
 * @cssproperty --fc-lead-response-report-chart-text - Chart labels. Default `--fc-color-text-muted`.
 * @cssproperty --fc-lead-response-report-chart-grid - The charts' grid lines. Default `--fc-color-border`.
 * @cssproperty --fc-lead-response-report-chart-block-size - Height of each chart. Default `16rem`.
 */
export class FcLeadResponseReport extends FcElement {
  static override styles = [tokens, shared, stateStyles, chartStyles, scrollStyles, styles];

  /**
   * Elements this one renders in its shadow root, loaded once it has one (not part of the first
   * load: the OEM rules tab's editor) and defined into the registry of that root (the page's, or a
   * host's scoped one). Not public tags.
   * @internal
   */
  static dependencies: Record<string, () => Promise<typeof FcElement>> = {
    'forecourt-lead-rule-editor': () => import('./lead-rule-editor.element.js').then((m) => m.FcLeadRuleEditor),
  };

  /** The data adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** First day of the range, ISO date (inclusive); default the first day of this month in the dealer's zone. */
  @property() from = '';

  /** Last day of the range, ISO date (inclusive); default the last day of this month in the dealer's zone. */
  @property() to = '';

  /** The instant clocks are evaluated at, ISO; default the clock when the leads are worked out. */
  @property() now = '';

  /** The view shown: `detail`, `summary` or `rules`. */
  @property() view: LeadReportView = 'detail';

  /** Most leads read for one range; a larger range says so and shows the first ones. */
  @property({ type: Number, attribute: 'max-leads' }) maxLeads = 20_000;

  @state() private filters: Filters = NO_FILTERS;
  @state() private sort: Sort = { key: 'received', dir: 'descending' };
  @state() private shownRows = ROWS_STEP;
  @state() private progress: { loaded: number; total: number | null } | null = null;
  /** Rules confirmed (or taken from a conflict) since the rules were last read. */
  @state() private savedRules: ReadonlyMap<string, StoredOemRule> = new Map();
  @state() private announcement = '';
  /** The server's summary is read once the Summary view has been opened (then kept current). */
  @state() private summaryWanted = false;

  #formats: Formats = makeFormats('en');
  #run = 0;

  readonly #setup = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['leads'],
    read: async (adapter, _args, { signal }): Promise<Setup> => {
      const [dealer, rules] = await Promise.all([adapter.leads.dealer({ signal }), adapter.leads.rules({ signal })]);
      return { dealer, rules };
    },
    onValue: () => {
      if (this.savedRules.size) this.savedRules = new Map();
    },
  });

  /**
   * The leads of the range (null without a valid range), read while the rule engine loads (its
   * failure is the read's, with Retry); a new range keeps the last ones on screen, busy, until it is read.
   */
  readonly #leads = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['leads'],
    args: () => [this.#range?.from ?? '', this.#range?.to ?? '', this.#cap] as const,
    read: async (adapter, [from, to, cap], { signal }) => (await Promise.all([this.#readLeads(adapter.leads, from, to, cap, signal), engineModule.load()]))[0],
    keepAcrossArgs: true,
  });

  /** The server's summary of the range, once the Summary view has been opened (null before). */
  readonly #summary = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['leads'],
    args: () => [this.#range?.from ?? '', this.#range?.to ?? '', this.summaryWanted] as const,
    read: async (adapter, [from, to, wanted], { signal }): Promise<LeadResponseSummary | null> =>
      wanted && from && to && !rangeProblem({ from, to }) ? adapter.leads.responseSummary({ from, to }, { signal }) : null,
    keepAcrossArgs: true,
  });

  /** Leads per response-time bucket: the Summary view's bar chart. */
  readonly #bucketChart = new ChartController(this, {
    canvas: () => this.renderRoot.querySelector<HTMLCanvasElement>('canvas.buckets-chart'),
    key: () => this.#shownFigures,
    config: (kit) => (this.#shownFigures ? bucketChartConfig(this.#shownFigures, this.#formats, kit) : null),
  });

  /** The daily trend: the Summary view's line chart. */
  readonly #trendChart = new ChartController(this, {
    canvas: () => this.renderRoot.querySelector<HTMLCanvasElement>('canvas.trend-chart'),
    key: () => this.#shownFigures,
    config: (kit) => (this.#shownFigures ? trendChartConfig(this.#shownFigures, this.#formats, kit) : null),
  });

  constructor() {
    super();
    // The tables scroll sideways in a narrow report, with signs that they do.
    new ScrollBoxes(this);
  }

  /** The date inputs: a valid range typed becomes `from`/`to` and fires `fc-range-change`. */
  readonly #rangeEditor = new DateRangeEditor(this, {
    range: () => this.#range,
    commit: ({ from, to }) => {
      this.from = from;
      this.to = to;
    },
  });

  /** Reads the range page by page up to the cap, with a progress line. */
  async #readLeads(api: LeadsApi, from: string, to: string, cap: number, signal: AbortSignal): Promise<Loaded | null> {
    if (!from || !to || rangeProblem({ from, to })) return null;
    const run = ++this.#run;
    const leads: Lead[] = [];
    let cursor: string | null = null;
    let total = 0;
    this.progress = { loaded: 0, total: null };
    try {
      do {
        const page = await api.list({ from, to, limit: Math.min(PAGE_LIMIT, cap - leads.length), ...(cursor && { cursor }) }, { signal });
        total = page.total;
        for (const lead of page.items) if (leads.length < cap) leads.push(lead);
        cursor = page.nextCursor;
        if (run === this.#run) this.progress = { loaded: leads.length, total };
        // An empty page with a cursor would never end: stop there.
        if (!page.items.length) break;
      } while (cursor && leads.length < cap);
    } finally {
      if (run === this.#run) this.progress = null;
    }
    return { range: { from, to }, leads, total };
  }

  get #cap(): number {
    return Math.max(1, Math.floor(Number(this.maxLeads)) || 20_000);
  }

  /** The range shown: the properties, else this month in the dealer's zone; null until the dealer is known. */
  get #range(): DateRange | null {
    const zone = this.#setup.value?.dealer.zone;
    if (this.from && this.to) return { from: this.from, to: this.to };
    if (!zone) return null;
    const at = this.now ? Date.parse(this.now) : Date.now();
    const month = currentMonthRange(Number.isNaN(at) ? Date.now() : at, isValidZone(zone) ? zone : 'UTC');
    return { from: this.from || month.from, to: this.to || month.to };
  }

  // ───────────── derived data ─────────────

  #rulesKey: [Setup | undefined, ReadonlyMap<string, StoredOemRule>] | null = null;
  #rules: StoredOemRule[] = [];

  /** The dealer's rules: as read, with the ones confirmed since. */
  get #rulesInEffect(): StoredOemRule[] {
    const setup = this.#setup.value;
    if (!this.#rulesKey || this.#rulesKey[0] !== setup || this.#rulesKey[1] !== this.savedRules) {
      const read = setup?.rules ?? [];
      const saved = this.savedRules;
      this.#rules = [...read.map((r) => saved.get(r.id) ?? r), ...[...saved.values()].filter((s) => !read.some((r) => r.id === s.id))];
      this.#rulesKey = [setup, saved];
    }
    return this.#rules;
  }

  /** The leads read, worked out a slice at a time; the filtered and sorted rows. */
  readonly #rows = new LeadRows(this, () => ({ filters: this.filters, sort: this.sort, locale: getLocale() }));
  readonly #fill = new TableFill(this);
  /** The rows last worked out, with the read they came from: shown, busy, while newer ones are worked out. */
  #evaluated: { loaded: Loaded; rows: Row[] } | null = null;

  #figuresKey: unknown[] = [];
  #figures: ReportFigures | null = null;
  /** The figures the Summary view rendered last (the charts draw these). */
  #shownFigures: ReportFigures | null = null;

  /**
   * The buckets, days and targets of the rows in view, worked out once per (rows, range, zone,
   * locale): the same object while they are the same, so the charts redraw only on a change.
   */
  #figuresOf(rows: Row[], range: DateRange, zone: string, f: Formats): ReportFigures {
    const key = [rows, range.from, range.to, zone, f.locale];
    if (!this.#figures || key.some((k, i) => k !== this.#figuresKey[i])) {
      this.#figuresKey = key;
      const buckets = engineModule.value!.bucketLeadResponses(rows.map((r) => r.e.state));
      this.#figures = {
        labels: bucketLabels(f, engineModule.value!.LEAD_RESPONSE_BUCKETS),
        values: [...buckets.answered, buckets.noResponse],
        buckets,
        days: engineModule.value!.dailyLeadResponses(rows.map((r) => r.e), range, zone),
        targets: trendTargets(f, rows),
        range,
        zone,
        locale: f.locale,
      };
    }
    return this.#figures;
  }

  // ───────────── lifecycle ─────────────

  /** Loads the `dependencies` into the new root's registry; until then the editor keeps its properties for its upgrade. */
  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    const registry = (root as { customElementRegistry?: CustomElementRegistry | null }).customElementRegistry ?? customElements;
    const { dependencies } = this.constructor as typeof FcLeadResponseReport;
    for (const [tag, load] of Object.entries(dependencies)) load().then((ctor) => defineElement(tag, ctor, registry), console.warn);
    return root;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#formats = makeFormats(getLocale(), { zone: this.#setup.value?.dealer.zone ?? 'UTC' });
    if ((changed.has('from') || changed.has('to')) && this.hasUpdated) this.shownRows = ROWS_STEP;
    if (changed.has('view') && !VIEWS.includes(this.view)) this.view = 'detail';
    if (this.view === 'summary') this.summaryWanted = true;
  }

  // ───────────── rendering ─────────────

  protected override render() {
    // Set again by the Summary view when it renders: without it, the charts have nothing to draw.
    this.#shownFigures = null;
    const leads = this.adapter?.leads;
    return html`
      <h2>${t('heading')}</h2>
      ${leads ? this.#toolbar() : nothing}
      ${leads ? this.#body() : unsupportedView('leads')}
      <div class="fc-visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  /** The date range: two date inputs, the problem with what was typed, and the dealer's zone. */
  #toolbar(): TemplateResult {
    const setup = this.#setup.value;
    const nowIso = this.now || new Date().toISOString();
    return html`<div class="toolbar" part="toolbar">${this.#rangeEditor.fields()}</div>
      ${this.#rangeEditor.problemView()}
      ${setup ? html`<p class="hint">${t('zoneNote', setup.dealer.zone, timeText(this.#formats, nowIso))}</p>` : nothing}`;
  }

  #body(): unknown {
    const setup = this.#setup;
    const failure = setup.errorView();
    if (!setup.value) return failure ?? loadingView(6);
    const f = this.#formats;
    return html`${failure ?? nothing}
    ${tabsView({
      view: this.view,
      onSelect: this.#select,
      onKey: this.#onTabKey,
      panel: (v) => (v === 'rules' ? rulesPanelView({
            adapter: this.adapter,
            rules: this.#rulesInEffect,
            hours: setup.value!.dealer.hours,
            f,
            locale: this.locale,
            onSave: this.#onRuleSave,
            onTake: this.#onRuleTake,
          }) : this.view === v ? this.#panel(v, f, setup.value!) : nothing),
    })}`;
  }

  #panel(view: 'detail' | 'summary', f: Formats, setup: Setup): unknown {
    const task = this.#leads;
    const failure = task.errorView();
    if (failure) return failure;
    const loaded = task.value;
    if (!loaded) {
      return this.#range && !rangeProblem(this.#range) ? loadingView(6, this.progress ? progressText(f, this.progress) : undefined) : nothing;
    }
    let busy = task.status === TaskStatus.PENDING;
    let progress = this.progress && progressText(f, this.progress);
    let shown = loaded;
    let content: unknown;
    const evaluation = loaded.leads.length ? this.#rows.rows(engineModule.value!.leadEvaluator, loaded.leads, this.#rulesInEffect, setup.dealer, this.now) : null;
    if (!evaluation) {
      content = html`<div class="fc-state fc-state--empty" part="state empty"><p class="fc-state__message" role="status">${t('empty')}</p></div>`;
    } else if (evaluation.status === 'error') {
      content = evaluationErrorView(evaluation.error, () => void this.#leads.run());
    } else if (evaluation.status === 'running') {
      // The rows last worked out stay, busy, until these are; before any, the busy state says how far it is.
      progress ??= evaluatingText(f, evaluation);
      const last = this.#evaluated;
      if (last) [shown, busy, content] = [last.loaded, true, this.#content(view, f, last.loaded, last.rows)];
      else content = loadingView(6, progress);
    } else {
      this.#evaluated = { loaded, rows: evaluation.rows };
      content = this.#content(view, f, loaded, evaluation.rows);
    }
    const capped = shown.total > shown.leads.length;
    return panelView({ f, progress, capped: capped ? { read: shown.leads.length, total: shown.total } : null, busy, content });
  }

  #content(view: 'detail' | 'summary', f: Formats, loaded: Loaded, rows: Row[]): TemplateResult {
    return view === 'detail' ? this.#detail(f, loaded, rows) : this.#summaryOf(f, loaded, rows);
  }

  #detail(f: Formats, loaded: Loaded, rows: Row[]): TemplateResult {
    const shown = this.#rows.filtered(rows, this.filters, this.sort, getLocale());
    return detailView({
      f,
      range: loaded.range,
      options: this.#rows.options(rows, getLocale()),
      shown,
      shownRows: this.shownRows,
      filled: this.#fill.rows(Math.min(this.shownRows, shown.length)),
      step: ROWS_STEP,
      sort: this.sort,
      filters: this.filters,
      filtered: anyFilter(this.filters),
      onSort: this.#toggleSort,
      onFilter: this.#setFilter,
      onClearFilters: this.#clearFilters,
      onMore: this.#showMore,
      unstoppable: engineModule.value!.unstoppableReason,
    });
  }

  /** The server's summary of the range, or (with a filter set) one worked out over the filtered rows. */
  #summaryOf(f: Formats, loaded: Loaded, rows: Row[]): TemplateResult {
    const filtered = anyFilter(this.filters);
    const capped = loaded.total > loaded.leads.length;
    const kept = filtered ? this.#rows.filtered(rows, this.filters, this.sort, getLocale()) : rows;
    let summary: LeadResponseSummary | null = null;
    let instead: unknown = nothing;
    if (filtered) summary = engineModule.value!.summarizeLeadEvaluations(kept.map((r) => r.e), loaded.range);
    else if (this.#summary.error !== undefined) instead = this.#summary.errorView();
    else if (this.#summary.value) summary = this.#summary.value;
    else instead = loadingView(4);
    const figures = this.#figuresOf(kept, loaded.range, this.#formats.zone, f);
    this.#shownFigures = figures;
    const rules = new Map<string, OemRule>(filtered ? kept.map((r) => [r.e.rule.id, r.e.rule]) : this.#rulesInEffect.map((r) => [r.id, r]));
    return summaryView({
      f,
      note: filtered ? t('summaryFiltered', f.count.format(kept.length), f.count.format(rows.length)) : t('summaryServer'),
      cappedAt: capped && !filtered ? loaded.leads.length : null,
      summary,
      instead,
      rules,
      figures,
      trendLegend: this.#trendChart.legend(),
      onBucketFocus: this.#onBucketFocus,
      onDayFocus: this.#onDayFocus,
    });
  }

  // ───────────── actions ─────────────

  #select = (view: LeadReportView): void => {
    this.view = view;
  };

  #onTabKey = async (event: KeyboardEvent): Promise<void> => {
    const next = nextTab(this.view, event.key);
    if (!next) return;
    event.preventDefault();
    this.view = next;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`#tab-${this.view}`)?.focus();
  };

  /** The table rows are the keyboard path to the charts' tooltips. */
  #onBucketFocus = (index: number | null): void => this.#bucketChart.highlight(index);

  #onDayFocus = (index: number | null): void => this.#trendChart.highlight(index);

  #toggleSort = (key: SortKey): void => {
    this.sort = nextSort(this.sort, key);
  };

  #setFilter = (name: keyof Filters, value: string): void => {
    this.filters = { ...this.filters, [name]: value };
    this.shownRows = ROWS_STEP;
  };

  #clearFilters = (): void => {
    this.filters = NO_FILTERS;
    this.shownRows = ROWS_STEP;
  };

  #showMore = (): void => {
    this.shownRows += ROWS_STEP;
  };

  /** The server confirmed a rule (the event goes on out to the page): the report works out again. */
  #onRuleSave = (event: CustomEvent<RuleSaveDetail>): void => {
    const saved = event.detail.rule;
    this.savedRules = new Map(this.savedRules).set(saved.id, saved);
    this.announcement = this.inLocale(() => t('saved', saved.name));
    // A cached adapter announces the change itself (fc-cache-change re-reads everything).
    if (!isCachedAdapter(this.adapter)) void this.#summary.run();
  };

  /** The user took the server's version of a conflicting rule. */
  #onRuleTake = (event: CustomEvent<{ rule: StoredOemRule | undefined }>): void => {
    const current = event.detail.rule;
    if (current) this.savedRules = new Map(this.savedRules).set(current.id, current);
    void this.#summary.run();
  };
}
