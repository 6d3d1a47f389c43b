import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { DateTime } from 'luxon';
import type { ForecourtAdapter } from '../../data/adapter.js';
import { AdapterError, isAdapterError } from '../../data/errors.js';
import type { AdapterErrorKind } from '../../data/errors.js';
import type { DateRange, DealerProfile, Lead, LeadGrade, LeadResponseRow, LeadResponseSummary, OemRule, StoredOemRule, Weekday } from '../../data/model.js';
import { WEEKDAYS } from '../../data/model.js';
import { NO_OEM_RULE, evaluateLeads, summarizeLeadEvaluations } from '../../data/logic/leads.js';
import type { LeadEvaluation } from '../../data/logic/leads.js';
import { bucketLeadResponses } from '../../data/logic/lead-buckets.js';
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
import { FC_RANGE_CHANGE, FC_RULE_SAVE } from './lead-response-report.events.js';
import { STOP_KINDS, dayName, formOf, ruleOf } from './lead-response-report.form.js';
import type { DayForm, FormProblem, RuleForm } from './lead-response-report.form.js';
import { t } from './lead-response-report.messages.js';
import { styles } from './lead-response-report.styles.js';
import {
  activityName,
  bucketLabels,
  clockText,
  dateText,
  duration,
  gradeBadge,
  gradesText,
  holidaysText,
  makeFormats,
  none,
  ruleLine,
  stopsText,
  targetText,
  timeText,
} from './lead-response-report.view.js';
import type { Formats } from './lead-response-report.view.js';

export type LeadReportView = 'detail' | 'summary' | 'rules';
const VIEWS: readonly LeadReportView[] = ['detail', 'summary', 'rules'];
const VIEW_LABEL = { detail: 'tabDetail', summary: 'tabSummary', rules: 'tabRules' } as const;

type SortKey = 'received' | 'customer' | 'make' | 'source' | 'salesperson' | 'response' | 'elapsed' | 'limit' | 'grade' | 'status' | 'consequences';
type SortDir = 'ascending' | 'descending';
const COLUMNS: ReadonlyArray<{ key: SortKey; label: Parameters<typeof t>[0]; num?: boolean }> = [
  { key: 'received', label: 'colReceived' },
  { key: 'customer', label: 'colCustomer' },
  { key: 'make', label: 'colMake' },
  { key: 'source', label: 'colSource' },
  { key: 'salesperson', label: 'colSalesperson' },
  { key: 'response', label: 'colResponse' },
  { key: 'elapsed', label: 'colElapsed', num: true },
  { key: 'limit', label: 'colLimit', num: true },
  { key: 'grade', label: 'colGrade' },
  { key: 'status', label: 'colStatus' },
  { key: 'consequences', label: 'colConsequences' },
];

const RANGE_TEXT: Record<RangeProblem, 'rangeFrom' | 'rangeTo' | 'rangeReversed'> = {
  from: 'rangeFrom',
  to: 'rangeTo',
  reversed: 'rangeReversed',
};
const GRADES: readonly LeadGrade[] = ['green', 'yellow', 'red'];
const GRADE_RANK: Record<LeadGrade, number> = { green: 0, yellow: 1, red: 2 };
const STATUS_RANK = { met: 0, running: 1, missed: 2, overdue: 3 } as const;

/** Most leads one page request asks for (the REST server's cap). */
const PAGE_LIMIT = 1000;
/** Detail rows added per "Show more". */
const ROWS_STEP = 100;

interface Filters {
  oem: string;
  salesperson: string;
  source: string;
  grade: string;
}
const NO_FILTERS: Filters = { oem: '', salesperson: '', source: '', grade: '' };

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

/** A detail row: the evaluation and its sort keys, worked out once. */
interface Row {
  e: LeadEvaluation;
  received: number;
  salespersonKey: string;
  salesperson: string;
  response: number;
  consequences: string;
}

interface RuleWrite {
  status: 'pending' | 'sending' | 'failed' | 'conflict';
  rule: StoredOemRule;
  error?: { kind: string; message: string; status: number; body?: unknown };
  entryKey?: string;
}

const isRule = (args: unknown): args is StoredOemRule =>
  !!args && typeof args === 'object' && typeof (args as StoredOemRule).id === 'string' && Array.isArray((args as StoredOemRule).stopsClock);

/**
 * Internet lead response report: every lead of a date range against its OEM's "stop the clock"
 * rule ("Internet > Detail"), the contact-time summary per OEM and per salesperson with the
 * OEM's compliance target ("Internet > Summary"), a chart of response times, and an editor of
 * the dealer's OEM rules.
 *
 * @customElement fc-lead-response-report
 * @fires fc-range-change - The user picked a new valid date range. detail: {from, to}
 * @fires fc-rule-save - The server confirmed a rule the user edited. detail: {rule}
 * @csspart toolbar - The date range.
 * @csspart tabs - The tab list (Detail, Summary, OEM rules).
 * @csspart filters - The detail filters.
 * @csspart table - Each report table.
 * @csspart grade - A grade badge (also `grade-green`, `grade-yellow`, `grade-red`).
 * @csspart chart - The response-time chart's box.
 * @csspart editor - The rule editor.
 * @csspart notice - A notice: capped range, a rule change that conflicts or failed.
 * @csspart state - Loading, empty, error and unsupported states (also `loading`, `empty`, `error`, `unsupported`).
 * @csspart retry-button - Retry of a failed load.
 * @cssproperty --fc-lead-response-report-green - Green grade colour. Default `--fc-color-good`.
 * @cssproperty --fc-lead-response-report-yellow - Yellow grade colour. Default `--fc-color-warn`.
 * @cssproperty --fc-lead-response-report-red - Red grade colour. Default `--fc-color-bad`.
 * @cssproperty --fc-lead-response-report-bar - Colour of the answered buckets. Default `--fc-color-accent`.
 * @cssproperty --fc-lead-response-report-no-response-bar - Colour of the "no response yet" bar. Default `--fc-color-warn`.
 * @cssproperty --fc-lead-response-report-chart-text - Chart labels. Default `--fc-color-text-muted`.
 * @cssproperty --fc-lead-response-report-chart-grid - The chart's baseline. Default `--fc-color-border`.
 * @cssproperty --fc-lead-response-report-chart-block-size - Height of the chart. Default `16rem`.
 */
export class FcLeadResponseReport extends FcElement {
  static override styles = [tokens, shared, stateStyles, categoryBarsStyles, styles];

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
  @state() private sort: { key: SortKey; dir: SortDir } = { key: 'received', dir: 'descending' };
  @state() private shownRows = ROWS_STEP;
  @state() private typedRange: { from: string; to: string; problem: RangeProblem } | null = null;
  @state() private progress: { loaded: number; total: number | null } | null = null;
  /** The rule being edited and its form. */
  @state() private editing: { rule: StoredOemRule; form: RuleForm; problems: FormProblem[] } | null = null;
  /** Rule writes to an adapter without an outbox. */
  @state() private localWrites: ReadonlyMap<string, RuleWrite> = new Map();
  /** Rules confirmed (or taken from a conflict) since the rules were last read. */
  @state() private savedRules: ReadonlyMap<string, StoredOemRule> = new Map();
  @state() private announcement = '';
  /** The server's summary is read once the Summary view has been opened (then kept current). */
  @state() private summaryWanted = false;

  #formats: Formats = makeFormats('en', 'UTC');
  #formatsKey = '';
  #run = 0;

  readonly #setup = new Task(this, {
    task: async ([adapter], { signal }): Promise<Setup> => {
      const leads = adapter?.leads;
      if (!leads) return initialState as never;
      const [dealer, rules] = await Promise.all([leads.dealer({ signal }), leads.rules({ signal })]);
      return { dealer, rules };
    },
    args: () => [this.adapter] as const,
    onComplete: () => {
      if (this.savedRules.size) this.savedRules = new Map();
    },
  });

  readonly #leads = new Task(this, {
    task: async ([adapter, from, to, cap], { signal }): Promise<Loaded> => {
      const api = adapter?.leads;
      if (!api || !from || !to || rangeProblem({ from, to })) return initialState as never;
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
    },
    args: () => [this.adapter, this.#range?.from ?? '', this.#range?.to ?? '', this.#cap] as const,
  });

  readonly #summary = new Task(this, {
    task: async ([adapter, from, to, wanted], { signal }): Promise<LeadResponseSummary> => {
      const api = adapter?.leads;
      if (!wanted || !api || !from || !to || rangeProblem({ from, to })) return initialState as never;
      return api.responseSummary({ from, to }, { signal });
    },
    args: () => [this.adapter, this.#range?.from ?? '', this.#range?.to ?? '', this.summaryWanted] as const,
  });

  readonly #events = new AdapterEventsController(this, {
    adapter: () => this.adapter,
    domains: ['leads'],
    onChange: () => {
      void this.#setup.run();
      void this.#leads.run();
      void this.#summary.run();
    },
  });

  get #cap(): number {
    return Math.max(1, Math.floor(Number(this.maxLeads)) || 20_000);
  }

  /** The range shown: the properties, else this month in the dealer's zone; null until the dealer is known. */
  get #range(): DateRange | null {
    const zone = this.#setup.value?.dealer.zone;
    if (this.from && this.to) return { from: this.from, to: this.to };
    if (!zone) return null;
    let now = DateTime.fromISO(this.now || new Date().toISOString(), { setZone: true }).setZone(zone);
    if (!now.isValid) now = DateTime.utc();
    return { from: this.from || now.startOf('month').toISODate()!, to: this.to || now.endOf('month').toISODate()! };
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

  #evalKey: unknown[] = [];
  #evaluated: { rows: Row[]; nowIso: string } | { error: unknown } = { rows: [], nowIso: '' };

  /** Every lead read, evaluated against the rules in effect (once per leads, rules, dealer and `now`). */
  #evaluation(loaded: Loaded, dealer: DealerProfile): { rows: Row[]; nowIso: string } | { error: unknown } {
    const rules = this.#rulesInEffect;
    const key = [loaded, rules, dealer, this.now];
    if (key.some((k, i) => k !== this.#evalKey[i])) {
      this.#evalKey = key;
      const nowIso = this.now || new Date().toISOString();
      try {
        const evaluations = evaluateLeads(loaded.leads, rules, dealer, nowIso);
        this.#evaluated = { rows: evaluations.map(rowOf), nowIso };
      } catch (error) {
        this.#evaluated = { error };
      }
    }
    return this.#evaluated;
  }

  #viewKey: unknown[] = [];
  #viewRows: Row[] = [];

  /** The rows after the filters, in the chosen order. */
  #filteredRows(rows: Row[]): Row[] {
    const key = [rows, this.filters, this.sort];
    if (key.some((k, i) => k !== this.#viewKey[i])) {
      this.#viewKey = key;
      const { oem, salesperson, source, grade } = this.filters;
      const kept = rows.filter(
        (r) =>
          (!oem || r.e.rule.id === oem) &&
          (!salesperson || r.salespersonKey === salesperson) &&
          (!source || r.e.lead.provider === source) &&
          (!grade || r.e.state.grade === grade),
      );
      const compare = comparator(this.sort.key, new Intl.Collator(getLocale(), { sensitivity: 'base', numeric: true }));
      const sign = this.sort.dir === 'ascending' ? 1 : -1;
      this.#viewRows = kept.sort((a, b) => sign * compare(a, b) || a.received - b.received);
    }
    return this.#viewRows;
  }

  get #filtered(): boolean {
    const f = this.filters;
    return !!(f.oem || f.salesperson || f.source || f.grade);
  }

  // ───────────── lifecycle ─────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    const zone = this.#setup.value?.dealer.zone ?? 'UTC';
    const key = `${getLocale()}|${zone}`;
    if (key !== this.#formatsKey) {
      this.#formats = makeFormats(getLocale(), zone);
      this.#formatsKey = key;
    }
    if ((changed.has('from') || changed.has('to')) && this.hasUpdated) {
      this.typedRange = null;
      this.shownRows = ROWS_STEP;
    }
    if (changed.has('view') && !VIEWS.includes(this.view)) this.view = 'detail';
    if (this.view === 'summary') this.summaryWanted = true;
  }

  // ───────────── rendering ─────────────

  protected override render() {
    const leads = this.adapter?.leads;
    return html`
      <h2>${t('heading')}</h2>
      ${leads ? this.#toolbar() : nothing}
      ${leads ? this.#body() : unsupportedView('leads')}
      <div class="fc-visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  #toolbar(): TemplateResult {
    const range = this.#range ?? { from: this.from, to: this.to };
    const problem = this.typedRange?.problem ?? (this.#range ? rangeProblem(range) : null);
    const shown = this.typedRange ?? range;
    const bad = (end: 'from' | 'to') => problem === end || problem === 'reversed';
    const input = (name: 'from' | 'to') => html`<label
      >${t(name)}
      <input
        type="date"
        name=${name}
        .value=${shown[name]}
        aria-invalid=${bad(name) ? 'true' : 'false'}
        aria-describedby=${problem ? 'range-problem' : nothing}
        @change=${this.#onRangeInput}
    /></label>`;
    const setup = this.#setup.value;
    const nowIso = this.now || new Date().toISOString();
    return html`<div class="toolbar" part="toolbar">${input('from')} ${input('to')}</div>
      ${problem ? html`<p id="range-problem" class="problem" role="alert">${t(RANGE_TEXT[problem])}</p>` : nothing}
      ${setup ? html`<p class="hint">${t('zoneNote', setup.dealer.zone, timeText(this.#formats, nowIso))}</p>` : nothing}`;
  }

  #body(): unknown {
    const setup = this.#setup;
    if (setup.status === TaskStatus.ERROR && !setup.value) return errorView(setup.error, () => setup.run());
    if (!setup.value) return loadingView(6);
    const f = this.#formats;
    return html`
      ${setup.status === TaskStatus.ERROR ? errorView(setup.error, () => setup.run()) : nothing}
      <div class="tabs" role="tablist" aria-label=${t('tabs')} part="tabs" @keydown=${this.#onTabKey}>
        ${VIEWS.map(
          (v) => html`<button
            type="button"
            role="tab"
            id="tab-${v}"
            aria-selected=${this.view === v ? 'true' : 'false'}
            aria-controls="panel-${v}"
            tabindex=${this.view === v ? '0' : '-1'}
            @click=${() => this.#select(v)}
          >
            ${t(VIEW_LABEL[v])}
          </button>`,
        )}
      </div>
      ${VIEWS.map(
        (v) => html`<div class="panel" role="tabpanel" id="panel-${v}" aria-labelledby="tab-${v}" ?hidden=${this.view !== v}>
          ${this.view === v ? this.#panel(v, f, setup.value!) : nothing}
        </div>`,
      )}
    `;
  }

  #panel(view: LeadReportView, f: Formats, setup: Setup): unknown {
    if (view === 'rules') return this.#rulesView(f, setup);
    const task = this.#leads;
    const progress = this.progress ? this.#progressLine(this.progress) : nothing;
    if (task.status === TaskStatus.ERROR) return errorView(task.error, () => task.run());
    const loaded = task.value;
    if (!loaded) {
      return this.#range && !rangeProblem(this.#range) ? loadingView(6, this.progress ? progressText(f, this.progress) : undefined) : nothing;
    }
    const busy = task.status === TaskStatus.PENDING;
    const capped = loaded.total > loaded.leads.length;
    let content: unknown;
    if (!loaded.leads.length) {
      content = html`<div class="fc-state fc-state--empty" part="state empty"><p class="fc-state__message" role="status">${t('empty')}</p></div>`;
    } else {
      const evaluation = this.#evaluation(loaded, setup.dealer);
      if ('error' in evaluation) content = this.#evaluationError(evaluation.error);
      else content = view === 'detail' ? this.#detailView(f, loaded, evaluation.rows) : this.#summaryView(f, loaded, evaluation.rows);
    }
    return html`${progress}
      ${capped
        ? html`<div class="notice" part="notice"><p>${t('capped', f.count.format(loaded.leads.length), f.count.format(loaded.total))}</p></div>`
        : nothing}
      <div class=${busy ? 'busy' : ''} aria-busy=${busy ? 'true' : 'false'}>${content}</div>`;
  }

  #progressLine(p: { loaded: number; total: number | null }): TemplateResult {
    return html`<p class="progress" role="status">${progressText(this.#formats, p)}</p>`;
  }

  #evaluationError(error: unknown): TemplateResult {
    const detail = error instanceof Error ? error.message : String(error);
    return html`<div class="fc-state fc-state--error" part="state error">
      <div role="status">
        <p class="fc-state__message">${t('evaluateFailed')}</p>
        <p class="fc-state__detail">${detail}</p>
      </div>
      <button type="button" class="fc-button" part="retry-button" @click=${() => void this.#leads.run()}>${t('retry')}</button>
    </div>`;
  }

  // ───────────── detail ─────────────

  #detailView(f: Formats, loaded: Loaded, rows: Row[]): TemplateResult {
    const shown = this.#filteredRows(rows);
    const visible = shown.slice(0, this.shownRows);
    return html`${this.#filtersView(rows)}
      <p class="hint" role="status">${t('showing', f.count.format(visible.length), f.count.format(shown.length))}</p>
      ${shown.length
        ? html`<div class="table-wrap">
            <table class="fc-table detail" part="table">
              <caption>
                ${t('detailCaption', dateText(f, loaded.range.from), dateText(f, loaded.range.to))}
              </caption>
              <thead>
                <tr>
                  ${COLUMNS.map((c) => this.#sortHeader(c.key, t(c.label), c.num))}
                </tr>
              </thead>
              <tbody>
                ${visible.map((r) => this.#detailRow(f, r))}
              </tbody>
            </table>
          </div>
          ${shown.length > visible.length
            ? html`<button type="button" class="fc-button more" @click=${() => (this.shownRows += ROWS_STEP)}>
                ${t('showMore', f.count.format(Math.min(ROWS_STEP, shown.length - visible.length)))}
              </button>`
            : nothing}`
        : html`<div class="fc-state fc-state--empty" part="state empty"><p class="fc-state__message">${t('noMatch')}</p></div>`}`;
  }

  #sortHeader(key: SortKey, label: string, num = false): TemplateResult {
    const sorted = this.sort.key === key ? this.sort.dir : null;
    return html`<th scope="col" class=${num ? 'fc-num' : ''} aria-sort=${sorted ?? 'none'}>
      <button type="button" class="sort" data-sort=${key} @click=${() => this.#toggleSort(key)}>
        ${label}<span class="sort__mark" aria-hidden="true">${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}</span>
      </button>
    </th>`;
  }

  #detailRow(f: Formats, r: Row): TemplateResult {
    const { lead, rule, state } = r.e;
    const stop = state.stoppedBy;
    const status =
      state.status === 'met' ? t('met') : state.status === 'missed' ? t('missed') : t(state.status, timeText(f, state.dueAt));
    return html`<tr class="status-${state.status}">
      <td>${timeText(f, lead.receivedAt)}</td>
      <td>${lead.customerName}</td>
      <td>${lead.make} <span class="sub">${rule.id === NO_OEM_RULE.id ? t('noRule') : rule.name}</span></td>
      <td>${lead.provider}</td>
      <td>${r.salesperson}</td>
      <td>${stop ? t('responseAt', activityName(stop.kind), timeText(f, stop.at)) : t('noResponse')}</td>
      <td class="fc-num">${duration(f, state.elapsedMinutes)}</td>
      <td class="fc-num">${duration(f, rule.limitMinutes)} <span class="sub">${rule.clock === 'real' ? t('realTime') : t('businessTime')}</span></td>
      <td>${gradeBadge(state.grade)}</td>
      <td class="status">${status}</td>
      <td>${state.consequences.length ? state.consequences.map((c) => t(c)).join(', ') : t('noConsequence')}</td>
    </tr>`;
  }

  #filtersView(rows: Row[]): TemplateResult {
    const unique = (pairs: Array<[string, string]>) =>
      [...new Map(pairs).entries()].sort((a, b) => a[1].localeCompare(b[1], getLocale()));
    const oems = unique(rows.map((r) => [r.e.rule.id, r.e.rule.id === NO_OEM_RULE.id ? t('noRule') : r.e.rule.name]));
    const people = unique(rows.map((r) => [r.salespersonKey, r.salesperson]));
    const sources = unique(rows.map((r) => [r.e.lead.provider, r.e.lead.provider]));
    const grades = GRADES.map((g) => [g, t(g)] as [string, string]);
    const select = (name: keyof Filters, label: string, options: Array<[string, string]>) => {
      const value = this.filters[name];
      const list = value && !options.some(([v]) => v === value) ? [...options, [value, value] as [string, string]] : options;
      return html`<label
        >${label}
        <select name=${name} @change=${(e: Event) => this.#setFilter(name, (e.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!value}>${t('all')}</option>
          ${list.map(([v, text]) => html`<option .value=${v} ?selected=${v === value}>${text}</option>`)}
        </select></label
      >`;
    };
    return html`<div class="filters" part="filters" role="group" aria-label=${t('filters')}>
      ${select('oem', t('filterOem'), oems)} ${select('salesperson', t('filterSalesperson'), people)}
      ${select('source', t('filterSource'), sources)} ${select('grade', t('filterGrade'), grades)}
      ${this.#filtered ? html`<button type="button" class="fc-button" @click=${this.#clearFilters}>${t('clearFilters')}</button>` : nothing}
    </div>`;
  }

  // ───────────── summary ─────────────

  #summaryView(f: Formats, loaded: Loaded, rows: Row[]): TemplateResult {
    const filtered = this.#filtered;
    const capped = loaded.total > loaded.leads.length;
    const kept = filtered ? this.#filteredRows(rows) : rows;
    let summary: LeadResponseSummary | null = null;
    let tables: unknown;
    let note: string;
    if (filtered) {
      summary = summarizeLeadEvaluations(kept.map((r) => r.e), loaded.range);
      note = t('summaryFiltered', f.count.format(kept.length), f.count.format(rows.length));
    } else {
      const task = this.#summary;
      note = t('summaryServer');
      if (task.status === TaskStatus.ERROR) tables = errorView(task.error, () => task.run());
      else if (task.value) summary = task.value;
      else tables = loadingView(4);
    }
    if (summary) {
      const rules = filtered ? new Map(kept.map((r) => [r.e.rule.id, r.e.rule as OemRule])) : new Map(this.#rulesInEffect.map((r) => [r.id, r as OemRule]));
      tables = html`${this.#summaryTable(f, t('byOem'), 'oem', summary.byOem, summary.total, rules)}
      ${this.#summaryTable(f, t('bySalesperson'), 'people', summary.bySalesperson, summary.total, rules)}`;
    }
    const buckets = bucketLeadResponses(kept.map((r) => r.e.state));
    const values = [...buckets.answered, buckets.noResponse];
    const labels = bucketLabels(f);
    return html`<p class="hint">${note}${capped && !filtered ? html` ${t('summaryCapped', f.count.format(loaded.leads.length))}` : nothing}</p>
      ${tables}
      <section class="buckets" aria-labelledby="buckets-heading">
        <h3 id="buckets-heading">${t('bucketsHeading')}</h3>
        ${capped && !filtered ? html`<p class="hint">${t('summaryCapped', f.count.format(loaded.leads.length))}</p>` : nothing}
        <div class="chart" part="chart">${this.#chart(f, labels, values)}</div>
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby="caption-buckets">
          <table class="fc-table buckets-table" part="table">
            <caption id="caption-buckets">
              ${t('bucketsCaption')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t('colBucket')}</th>
                <th scope="col" class="fc-num">${t('colLeads')}</th>
              </tr>
            </thead>
            <tbody>
              ${labels.map((l, i) => html`<tr><th scope="row">${l}</th><td class="fc-num">${f.count.format(values[i]!)}</td></tr>`)}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">${t('total')}</th>
                <td class="fc-num">${f.count.format(buckets.total)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>`;
  }

  #summaryTable(
    f: Formats,
    caption: string,
    kind: 'oem' | 'people',
    rows: LeadResponseRow[],
    total: LeadResponseRow,
    rules: Map<string, OemRule>,
  ): TemplateResult {
    const name = (row: LeadResponseRow) =>
      kind === 'oem' ? (row.key === NO_OEM_RULE.id ? t('noRule') : row.label) : row.key === 'unassigned' ? t('unassigned') : row.label;
    const cells = (row: LeadResponseRow, compliance: unknown) => html`<td class="fc-num">${f.count.format(row.count)}</td>
      <td class="fc-num">${f.count.format(row.responded)}</td>
      <td class="fc-num">${row.averageMinutes === null ? none(t('noFigure')) : duration(f, row.averageMinutes)}</td>
      <td class="fc-num">${row.medianMinutes === null ? none(t('noFigure')) : duration(f, row.medianMinutes)}</td>
      <td class="fc-num">${row.percentWithinLimit === null ? none(t('noFigure')) : f.percent.format(row.percentWithinLimit / 100)}</td>
      ${GRADES.map((g) => html`<td class="fc-num">${f.count.format(row.grades[g])}</td>`)}
      <td>${compliance}</td>`;
    return html`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="caption-${kind}">
      <table class="fc-table summary summary-${kind}" part="table">
        <caption id="caption-${kind}">
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${kind === 'oem' ? t('colRule') : t('colSalesperson')}</th>
            <th scope="col" class="fc-num">${t('colLeads')}</th>
            <th scope="col" class="fc-num">${t('colResponded')}</th>
            <th scope="col" class="fc-num">${t('colAverage')}</th>
            <th scope="col" class="fc-num">${t('colMedian')}</th>
            <th scope="col" class="fc-num">${t('colWithin')}</th>
            ${GRADES.map((g) => html`<th scope="col" class="fc-num">${gradeBadge(g)}</th>`)}
            <th scope="col">${t('colCompliance')}</th>
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) => html`<tr>
              <th scope="row">${name(row)}</th>
              ${cells(row, kind === 'oem' ? this.#oemCompliance(f, row, rules.get(row.key)) : this.#overallCompliance(row))}
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${t('total')}</th>
            ${cells(total, this.#overallCompliance(total))}
          </tr>
        </tfoot>
      </table>
    </div>`;
  }

  #oemCompliance(f: Formats, row: LeadResponseRow, rule: OemRule | undefined): unknown {
    const target = targetText(f, rule);
    if (!target) return t('noTarget');
    const verdict =
      row.complianceMet === null ? t('complianceUndecided') : row.complianceMet ? t('complianceMet') : t('complianceNotMet');
    const cls = row.complianceMet === null ? '' : row.complianceMet ? 'good' : 'bad';
    return html`${target} — <strong class=${cls}>${verdict}</strong>`;
  }

  #overallCompliance(row: LeadResponseRow): unknown {
    if (row.complianceMet === null) return none(t('noTarget'));
    return row.complianceMet
      ? html`<strong class="good">${t('allTargetsMet')}</strong>`
      : html`<strong class="bad">${t('someTargetMissed')}</strong>`;
  }

  // ───────────── rules ─────────────

  #rulesView(f: Formats, setup: Setup): TemplateResult {
    const rules = this.#rulesInEffect;
    const writes = this.#writes();
    return html`${[...writes.values()].filter((w) => w.status === 'conflict' || w.status === 'failed').map((w) => this.#writeNotice(f, w))}
      <div class="table-wrap">
        <table class="fc-table rules" part="table">
          <caption>
            ${t('rulesCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('colRule')}</th>
              <th scope="col">${t('colMakes')}</th>
              <th scope="col" class="fc-num">${t('colLimit')}</th>
              <th scope="col">${t('colClock')}</th>
              <th scope="col">${t('colHolidays')}</th>
              <th scope="col">${t('colStops')}</th>
              <th scope="col">${t('colGrades')}</th>
              <th scope="col">${t('colChange')}</th>
            </tr>
          </thead>
          <tbody>
            ${rules.map((rule) => {
              const write = writes.get(rule.id);
              return html`<tr data-rule=${rule.id}>
                <th scope="row">${rule.name}</th>
                <td>${rule.makes.join(', ')}</td>
                <td class="fc-num">${duration(f, rule.limitMinutes)}</td>
                <td>${clockText(rule)}</td>
                <td>${holidaysText(rule)}</td>
                <td>${stopsText(rule)}</td>
                <td>${gradesText(f, rule)}</td>
                <td>
                  ${write ? html`<span class="write write--${write.status}">${this.#writeText(write)}</span>` : nothing}
                  <button
                    type="button"
                    class="fc-button"
                    aria-label=${t('editRule', rule.name)}
                    aria-expanded=${this.editing?.rule.id === rule.id ? 'true' : 'false'}
                    aria-controls=${this.editing?.rule.id === rule.id ? 'rule-editor' : nothing}
                    @click=${() => this.#edit(rule, setup)}
                  >
                    ${t('edit')}
                  </button>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${this.editing ? this.#editor(this.editing.rule, this.editing.form, this.editing.problems) : nothing}`;
  }

  #writeText(write: RuleWrite): string {
    if (write.status === 'conflict') return t('conflict', write.rule.name);
    if (write.status === 'failed') return t('failed', this.#why(write));
    if (write.error) return t('notSentYet', this.#why(write));
    return write.status === 'sending' ? t('sending') : t('pending');
  }

  #why(write: RuleWrite): string {
    return write.error ? describeError(new AdapterError({ ...write.error, kind: write.error.kind as AdapterErrorKind })).message : '';
  }

  #writeNotice(f: Formats, write: RuleWrite): TemplateResult {
    const name = write.rule.name;
    const button = (text: string, action: () => unknown) =>
      html`<button type="button" class="fc-button" aria-label=${t('actionFor', text, name)} @click=${() => void action()}>${text}</button>`;
    if (write.status === 'conflict') {
      const current = (write.error?.body as { current?: StoredOemRule } | undefined)?.current;
      return html`<div class="notice bad" part="notice" role="alert">
        <p><strong>${t('conflict', name)}</strong></p>
        <dl>
          ${current ? html`<dt>${t('theirs')}</dt> <dd>${ruleLine(f, current)}</dd>` : nothing}
          <dt>${t('yours')}</dt>
          <dd>${ruleLine(f, write.rule)}</dd>
        </dl>
        <div class="actions">
          ${button(t('keepMine'), () => this.#keepMine(write, current))} ${button(t('useTheirs'), () => this.#useTheirs(write, current))}
        </div>
      </div>`;
    }
    const cached = isCachedAdapter(this.adapter) ? this.adapter : null;
    return html`<div class="notice bad" part="notice" role="alert">
      <p>${name}: ${t('failed', this.#why(write))}</p>
      ${write.error?.message ? html`<p class="detail">${write.error.message}</p>` : nothing}
      <div class="actions">
        ${button(t('retry'), () => (cached && write.entryKey ? cached.outbox.retry(write.entryKey) : this.#save(write.rule)))}
        ${button(t('discard'), () => this.#discard(write))}
      </div>
    </div>`;
  }

  /** Unconfirmed rule writes by rule id: the outbox's (they survive a reload) or this page's own. */
  #writes(): Map<string, RuleWrite> {
    const writes = new Map(this.localWrites);
    for (const entry of this.#events.entries) {
      if (entry.method !== 'saveRule' || !isRule(entry.args)) continue;
      writes.set(entry.args.id, {
        status: entry.status === 'confirmed' ? 'sending' : entry.status,
        rule: entry.args,
        ...(entry.error && { error: entry.error }),
        entryKey: entry.key,
      });
    }
    return writes;
  }

  #editor(rule: StoredOemRule, form: RuleForm, problems: FormProblem[]): TemplateResult {
    const problemFor = (field: FormProblem['field']) => problems.find((p) => p.field === field);
    const describe = (field: FormProblem['field']) => (problemFor(field) ? `problem-${field}` : nothing);
    const invalid = (field: FormProblem['field']) => (problemFor(field) ? 'true' : 'false');
    const problemText = (field: FormProblem['field']) => {
      const p = problemFor(field);
      return p ? html`<p class="field-problem" id="problem-${field}">${p.message}</p>` : nothing;
    };
    const radio = (name: string, value: string, checked: boolean, label: string, onChange: () => void) =>
      html`<label class="choice"><input type="radio" name=${name} .value=${value} .checked=${checked} @change=${onChange} /> ${label}</label>`;
    const business = form.clock === 'business';
    return html`<section class="editor" id="rule-editor" part="editor" aria-labelledby="editor-heading">
      <h3 id="editor-heading" tabindex="-1">${t('editorHeading', rule.name)}</h3>
      ${problems.length
        ? html`<div class="problems" role="alert">
            <p>${t('problemsHeading')}</p>
            <ul>
              ${problems.map((p) => html`<li>${p.message}</li>`)}
            </ul>
          </div>`
        : nothing}
      <form novalidate @submit=${this.#onSubmit}>
        <label class="field"
          >${t('limitLabel')}
          <input
            name="limit"
            type="text"
            inputmode="numeric"
            autocomplete="off"
            .value=${form.limit}
            aria-invalid=${invalid('limit')}
            aria-describedby=${describe('limit')}
            @input=${(e: Event) => this.#patch({ limit: (e.target as HTMLInputElement).value })}
        /></label>
        ${problemText('limit')}
        <fieldset>
          <legend>${t('clockLegend')}</legend>
          ${radio('clock', 'business', business, t('clockBusiness'), () => this.#patch({ clock: 'business' }))}
          ${radio('clock', 'real', !business, t('clockRealLabel'), () => this.#patch({ clock: 'real' }))}
        </fieldset>
        ${business
          ? html`<fieldset aria-describedby=${describe('hours')}>
              <legend>${t('hoursLegend')}</legend>
              ${radio('hours', 'dealer', !form.ownHours, t('hoursDealer'), () => this.#patch({ ownHours: false }))}
              ${radio('hours', 'own', form.ownHours, t('hoursOwn'), () => this.#patch({ ownHours: true }))}
              ${problemText('hours')}
              ${form.ownHours ? html`<div class="days">${WEEKDAYS.map((d) => this.#dayFields(d, form.days[d], problemFor(`day-${d}`)))}</div>` : nothing}
            </fieldset>`
          : nothing}
        <label class="choice"
          ><input
            type="checkbox"
            name="holidays"
            .checked=${form.excludeHolidays}
            @change=${(e: Event) => this.#patch({ excludeHolidays: (e.target as HTMLInputElement).checked })}
          />
          ${t('holidaysLabel')}</label
        >
        <fieldset aria-describedby=${describe('stops')}>
          <legend>${t('stopsLegend')}</legend>
          ${STOP_KINDS.map(
            (k) => html`<label class="choice"
              ><input
                type="checkbox"
                name="stops"
                .value=${k}
                .checked=${form.stops.includes(k)}
                @change=${(e: Event) =>
                  this.#patch({ stops: (e.target as HTMLInputElement).checked ? [...form.stops, k] : form.stops.filter((s) => s !== k) })}
              />
              ${activityName(k)}</label
            >`,
          )}
          <p class="hint">${t('autoResponseNote')}</p>
          ${problemText('stops')}
        </fieldset>
        <fieldset aria-describedby=${describe('grades')}>
          <legend>${t('gradesLegend')}</legend>
          ${radio('grades', 'default', !form.customGrades, t('gradesDefaultLabel'), () => this.#patch({ customGrades: false }))}
          ${radio('grades', 'custom', form.customGrades, t('gradesCustomLabel'), () => this.#patch({ customGrades: true }))}
          ${form.customGrades
            ? html`<div class="grade-fields">
                <label class="field"
                  >${t('greenUnder')}
                  <input
                    name="green"
                    type="text"
                    inputmode="numeric"
                    .value=${form.greenUnder}
                    aria-invalid=${invalid('grades')}
                    @input=${(e: Event) => this.#patch({ greenUnder: (e.target as HTMLInputElement).value })}
                /></label>
                <label class="field"
                  >${t('yellowUnder')}
                  <input
                    name="yellow"
                    type="text"
                    inputmode="numeric"
                    .value=${form.yellowUnder}
                    aria-invalid=${invalid('grades')}
                    @input=${(e: Event) => this.#patch({ yellowUnder: (e.target as HTMLInputElement).value })}
                /></label>
              </div>`
            : nothing}
          ${problemText('grades')}
        </fieldset>
        <div class="actions">
          <button type="submit" class="fc-button fc-button--primary">${t('save')}</button>
          <button type="button" class="fc-button" @click=${this.#cancelEdit}>${t('cancel')}</button>
        </div>
      </form>
    </section>`;
  }

  #dayFields(day: Weekday, d: DayForm, problem: FormProblem | undefined): TemplateResult {
    const name = dayName(day);
    const id = `problem-day-${day}`;
    const describedBy = problem ? id : nothing;
    const invalid = problem ? 'true' : 'false';
    const set = (patch: Partial<DayForm>) => this.#patchDay(day, patch);
    return html`<div class="day" role="group" aria-label=${name}>
      <label class="choice"
        ><input type="checkbox" name="${day}-open" .checked=${d.open} @change=${(e: Event) => set({ open: (e.target as HTMLInputElement).checked })} />
        ${name}</label
      >
      ${d.open
        ? html`<label class="field"
              >${t('opens', name)}
              <input
                type="time"
                name="${day}-opens"
                .value=${d.opens}
                aria-invalid=${invalid}
                aria-describedby=${describedBy}
                @change=${(e: Event) => set({ opens: (e.target as HTMLInputElement).value })}
            /></label>
            <label class="field"
              >${t('closes', name)}
              <input
                type="time"
                name="${day}-closes"
                .value=${d.closes}
                aria-invalid=${invalid}
                aria-describedby=${describedBy}
                @change=${(e: Event) => set({ closes: (e.target as HTMLInputElement).value })}
            /></label>
            <label class="choice"
              ><input
                type="checkbox"
                name="${day}-overnight"
                .checked=${d.overnight}
                @change=${(e: Event) => set({ overnight: (e.target as HTMLInputElement).checked })}
              />
              ${t('overnightShort')}</label
            >`
        : nothing}
      ${problem ? html`<p class="field-problem" id=${id}>${problem.message}</p>` : nothing}
    </div>`;
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
    const range = this.#range;
    if (range && typed.from === range.from && typed.to === range.to) return;
    this.from = typed.from;
    this.to = typed.to;
    this.emit(FC_RANGE_CHANGE, { from: typed.from, to: typed.to });
  };

  #select(view: LeadReportView): void {
    this.view = view;
  }

  #onTabKey = async (event: KeyboardEvent): Promise<void> => {
    const i = VIEWS.indexOf(this.view);
    const next =
      event.key === 'ArrowRight' ? (i + 1) % VIEWS.length
      : event.key === 'ArrowLeft' ? (i + VIEWS.length - 1) % VIEWS.length
      : event.key === 'Home' ? 0
      : event.key === 'End' ? VIEWS.length - 1
      : -1;
    if (next < 0) return;
    event.preventDefault();
    this.view = VIEWS[next]!;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>(`#tab-${this.view}`)?.focus();
  };

  #toggleSort(key: SortKey): void {
    const defaultDir: SortDir = key === 'received' ? 'descending' : 'ascending';
    this.sort =
      this.sort.key === key ? { key, dir: this.sort.dir === 'ascending' ? 'descending' : 'ascending' } : { key, dir: defaultDir };
  }

  #setFilter(name: keyof Filters, value: string): void {
    this.filters = { ...this.filters, [name]: value };
    this.shownRows = ROWS_STEP;
  }

  #clearFilters = (): void => {
    this.filters = NO_FILTERS;
    this.shownRows = ROWS_STEP;
  };

  async #edit(rule: StoredOemRule, setup: Setup): Promise<void> {
    this.editing = { rule, form: formOf(rule, setup.dealer.hours), problems: [] };
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#editor-heading')?.focus();
  }

  #cancelEdit = (): void => {
    const id = this.editing?.rule.id;
    this.editing = null;
    if (id) void this.updateComplete.then(() => this.#focusEditButton(id));
  };

  #focusEditButton(id: string): void {
    this.renderRoot.querySelector<HTMLButtonElement>(`tr[data-rule="${CSS.escape(id)}"] button`)?.focus();
  }

  #patch(patch: Partial<RuleForm>): void {
    if (!this.editing) return;
    this.editing = { ...this.editing, form: { ...this.editing.form, ...patch } };
  }

  #patchDay(day: Weekday, patch: Partial<DayForm>): void {
    if (!this.editing) return;
    const form = this.editing.form;
    this.#patch({ days: { ...form.days, [day]: { ...form.days[day], ...patch } } });
  }

  #onSubmit = async (event: Event): Promise<void> => {
    event.preventDefault();
    if (!this.editing) return;
    const { rule: base, form } = this.editing;
    const result = this.inLocale(() => ruleOf(form, base));
    if (!result.rule) {
      this.editing = { ...this.editing, problems: result.problems };
      return;
    }
    this.editing = null;
    await this.updateComplete;
    this.#focusEditButton(base.id);
    await this.#save(result.rule);
  };

  async #save(rule: StoredOemRule): Promise<void> {
    const api = this.adapter?.leads;
    if (!api || !this.isConnected) return;
    const cached = isCachedAdapter(this.adapter);
    if (!cached) this.#setLocal(rule.id, { status: 'sending', rule });
    try {
      const saved = await api.saveRule(rule);
      this.#setLocal(rule.id, null);
      this.savedRules = new Map(this.savedRules).set(saved.id, saved);
      this.announcement = this.inLocale(() => t('saved', saved.name));
      this.emit(FC_RULE_SAVE, { rule: saved });
      // A cached adapter announces the change itself (fc-cache-change re-reads everything).
      if (!cached) void this.#summary.run();
    } catch (error) {
      if (isAdapterError(error) && error.kind === 'aborted') return;
      if (!cached) {
        const e = isAdapterError(error)
          ? { kind: error.kind, message: error.message, status: error.status, body: error.body }
          : { kind: 'rejected', message: String(error), status: 0 };
        this.#setLocal(rule.id, { status: e.kind === 'conflict' ? 'conflict' : 'failed', rule, error: e });
      }
      // A cached adapter parks a failed or conflicting write in its outbox, where the rules view finds it.
    }
  }

  async #keepMine(write: RuleWrite, current: StoredOemRule | undefined): Promise<void> {
    await this.#discardEntry(write);
    this.#setLocal(write.rule.id, null);
    await this.#save({ ...write.rule, version: current?.version ?? write.rule.version });
  }

  async #useTheirs(write: RuleWrite, current: StoredOemRule | undefined): Promise<void> {
    await this.#discardEntry(write);
    this.#setLocal(write.rule.id, null);
    if (current) this.savedRules = new Map(this.savedRules).set(current.id, current);
    void this.#summary.run();
  }

  async #discard(write: RuleWrite): Promise<void> {
    await this.#discardEntry(write);
    this.#setLocal(write.rule.id, null);
  }

  async #discardEntry(write: RuleWrite): Promise<void> {
    if (write.entryKey && isCachedAdapter(this.adapter)) await this.adapter.outbox.discard(write.entryKey);
  }

  #setLocal(id: string, write: RuleWrite | null): void {
    if (!write && !this.localWrites.has(id)) return;
    const local = new Map(this.localWrites);
    if (write) local.set(id, write);
    else local.delete(id);
    this.localWrites = local;
  }

  // ───────────── chart ─────────────

  /** Leads per response-time bucket as upright bars, the table's figures; the last bucket (no response yet) set apart. */
  #chart(f: Formats, labels: string[], values: number[]): TemplateResult {
    return categoryBars({
      ids: labels,
      labels,
      values,
      label: t('chartLabel', labels.map((l, i) => t('chartPart', l, f.count.format(values[i]!))).join(', ')),
      format: (v) => f.count.format(v),
      special: labels.slice(-1),
      vertical: true,
    });
  }

}

function progressText(f: Formats, p: { loaded: number; total: number | null }): string {
  return p.total === null ? t('readingStart') : t('reading', f.count.format(p.loaded), f.count.format(p.total));
}

function rowOf(e: LeadEvaluation): Row {
  const stop = e.state.stoppedBy;
  return {
    e,
    received: Date.parse(e.lead.receivedAt),
    salespersonKey: e.lead.salespersonId ?? 'unassigned',
    salesperson: e.lead.salespersonName ?? (e.lead.salespersonId ? e.lead.salespersonId : t('unassigned')),
    response: stop ? Date.parse(stop.at) : Infinity,
    consequences: e.state.consequences.join(','),
  };
}

function comparator(key: SortKey, collator: Intl.Collator): (a: Row, b: Row) => number {
  const text = (get: (r: Row) => string) => (a: Row, b: Row) => collator.compare(get(a), get(b));
  const num = (get: (r: Row) => number) => (a: Row, b: Row) => {
    const x = get(a);
    const y = get(b);
    return x === y ? 0 : x < y ? -1 : 1;
  };
  switch (key) {
    case 'received':
      return num((r) => r.received);
    case 'customer':
      return text((r) => r.e.lead.customerName);
    case 'make':
      return text((r) => r.e.lead.make);
    case 'source':
      return text((r) => r.e.lead.provider);
    case 'salesperson':
      return text((r) => r.salesperson);
    case 'response':
      return num((r) => r.response);
    case 'elapsed':
      return num((r) => r.e.state.elapsedMinutes);
    case 'limit':
      return num((r) => r.e.rule.limitMinutes);
    case 'grade':
      return num((r) => GRADE_RANK[r.e.state.grade]);
    case 'status':
      return num((r) => STATUS_RANK[r.e.state.status]);
    case 'consequences':
      return text((r) => r.consequences);
  }
}
