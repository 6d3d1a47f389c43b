import { downloadBlob } from '../shared/download.js';
import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import { DateTime } from 'luxon';
import type { ForecourtAdapter, TrafficApi } from '../../data/adapter.js';
import { isValidZone, previousPeriod, rangeProblem } from '../../data/logic/calendar.js';
import type { RangeProblem } from '../../data/logic/calendar.js';
import { TRAFFIC_STEPS } from '../../data/model.js';
import type { DateRange, TrafficAggregate, TrafficDimension, TrafficHeatmap } from '../../data/model.js';
import { adapterContext } from '../shared/adapter-context.js';
import { makeFormats } from '../shared/formats.js';
import { afterPaint } from '../shared/after-paint.js';
import { AdapterEventsController } from '../shared/controllers/adapter-events.js';
import { FcElement } from '../shared/fc-element.js';
import { getLocale, msg } from '../shared/messages.js';
import { emptyView, errorView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { categoryBarsStyles } from '../shared/charts/category-bars.js';
import { trafficChart } from './store-traffic.chart.js';
import { bucketLabel } from './store-traffic.labels.js';
import { FC_EXPORT, FC_RANGE_CHANGE, FC_TRAFFIC_DRILL, FC_TRAFFIC_EXPORT } from './store-traffic.events.js';
import { t } from './store-traffic.messages.js';
import { ROOT_DIMENSION, backTo, drillInto, filterRecord, formatPath, freeDimensions, isDimension, nextDimension, parsePath } from './store-traffic.path.js';
import type { DrillPath } from './store-traffic.path.js';
import { styles } from './store-traffic.styles.js';
import {
  HOURS,
  changeText,
  changeView,
  dimensionName,
  heatmapCsv,
  heatmapGrid,
  levelCsv,
  levelModel,
  pointsText,
  rangeName,
  ratioText,
  shadeOf,
  stepName,
  weekdayName,
} from './store-traffic.view.js';
import type { Formats, LevelExtras, LevelModel, ModelRow, StackData } from './store-traffic.view.js';

const RANGE_TEXT: Record<RangeProblem, 'rangeFrom' | 'rangeTo' | 'rangeReversed'> = {
  from: 'rangeFrom',
  to: 'rangeTo',
  reversed: 'rangeReversed',
};

/** Most stack values drawn by name; the rest are summed as "Other". */
const MAX_SERIES = 6;
/** Bars × series above which an update is drawn without animation. */
const ANIMATION_LIMIT = 120;

const browserZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const labelKey = (dimension: string, key: string) => `${dimension}\u0000${key}`;

interface Level {
  aggregate: TrafficAggregate;
  stack: StackData | null;
  /** The task key it answers (path, range, zone, stack). */
  key: string;
}

type View = 'chart' | 'heatmap';

/**
 * Store traffic: ups, sales, closing ratio, be-back share and steps reached per bucket of any
 * dimension, as a bar chart (stacked by a second dimension on demand) and a table that says the
 * same, drilled down any way: a bar or a row's name becomes a filter and the next level is grouped
 * by any dimension left. Totals are compared with the same range one month earlier. A weekday ×
 * hour view, a date range and a CSV export of what is shown.
 *
 * The drill path is the `path` attribute (reflected), e.g.
 * `groupBy=department;department=new;groupBy=salesperson`: `groupBy=<dimension>` names a level's
 * grouping, `<dimension>=<key>` the bucket drilled into (keys percent-encoded), the last `groupBy`
 * the level shown. Empty is all traffic by day.
 *
 * @customElement fc-store-traffic
 * @fires fc-traffic-drill - The user drilled down, went back up the breadcrumb or picked another grouping. detail: {path}
 * @fires fc-export - The user exported the current view, before the download. Cancelable (cancels the download). detail: {format, filename, content, rows}
 * @fires fc-traffic-export - Deprecated: use fc-export (fired until 0.3). Fired after it; cancelable (cancels the download). detail: {csv, filename}
 * @fires fc-range-change - The user picked a new valid date range. detail: {from, to}
 * @csspart toolbar - Date range, view switch, grouping and stacking, export.
 * @csspart breadcrumb - The drill-down path.
 * @csspart summary - The totals with their change against the previous period.
 * @csspart chart - The chart's box (the legend, when stacked, and the bars).
 * @csspart table - The figures table.
 * @csspart drill-button - A bucket's name in the table, which drills into it.
 * @csspart heatmap - The weekday × hour table.
 * @csspart state - Loading, empty, error and unsupported states (also `loading`, `empty`, `error`, `unsupported`).
 * @csspart retry-button - Retry of a failed load.
 * @cssproperty --fc-store-traffic-bar - Colour of the bars (unstacked) and the first stack. Default `--fc-color-accent`.
 * @cssproperty --fc-store-traffic-heat - Colour of the busiest heatmap cells. Default `--fc-color-accent`.
 * @cssproperty --fc-store-traffic-up - A rise against the previous period. Default `--fc-color-good`.
 * @cssproperty --fc-store-traffic-down - A fall against the previous period. Default `--fc-color-bad`.
 * @cssproperty --fc-store-traffic-chart-text - Chart labels. Default `--fc-color-text-muted`.
 * @cssproperty --fc-store-traffic-chart-grid - The chart's baseline. Default `--fc-color-border`.
 * @cssproperty --fc-store-traffic-chart-block-size - Height of the chart. Default `18rem`.
 */
export class FcStoreTraffic extends FcElement {
  static override styles = [tokens, shared, stateStyles, categoryBarsStyles, styles];

  /** The data adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The drill path (see the class docs); reflected so a reload or a copied address keeps it. */
  @property({ reflect: true }) path = '';

  /** First day of the range, ISO date (inclusive); default the first day of this month in the zone. */
  @property() from = '';

  /** Last day of the range, ISO date (inclusive); default the last day of this month in the zone. */
  @property() to = '';

  /** IANA zone of the buckets and of "this month"; default the dealer's (`leads.dealer()`), else the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** `chart` (bars and table) or `heatmap` (weekday × hour). */
  @property() view: View = 'chart';

  /** A dimension to stack the bars by (any not grouped or drilled into), or empty for one bar per bucket. */
  @property({ attribute: 'stack-by' }) stackBy = '';

  @state() private typedRange: { from: string; to: string; problem: RangeProblem } | null = null;
  @state() private announcement = '';

  #formats: Formats = makeFormats('en');
  #formatsLocale = 'en';
  #drill: DrillPath = { filters: [], groupBy: ROOT_DIMENSION };
  #warnedPath = '';
  #warnedZone = '';
  /** Names of buckets seen, by dimension and key, for the breadcrumb. */
  readonly #labels = new Map<string, string>();
  /** The level the chart last showed, and whether it moves to new figures. */
  #charted: { key: string; animate: boolean } | null = null;
  #model: { level: Level; extras: LevelExtras | undefined; locale: string; model: LevelModel } | null = null;

  readonly #dealerZone = new Task(this, {
    task: async ([adapter, timeZone], { signal }) => {
      const leads = adapter?.leads;
      if (this.#validZone(timeZone) || !leads) return initialState;
      try {
        const zone = (await leads.dealer({ signal })).zone;
        return isValidZone(zone) ? zone : browserZone();
      } catch (error) {
        if (signal.aborted) throw error;
        return browserZone();
      }
    },
    args: () => [this.adapter, this.timeZone] as const,
  });

  readonly #level = new Task(this, {
    task: async ([traffic, zone, from, to, path, stackBy], { signal }): Promise<Level> => {
      if (!traffic || !zone || rangeProblem({ from, to })) return initialState as never;
      const drill = parsePath(path)!;
      const filters = filterRecord(drill.filters);
      const base = { from, to, zone, filters };
      const stackDimension = this.#stackFor(drill, stackBy);
      const [aggregate, stack] = await Promise.all([
        traffic.aggregate({ ...base, groupBy: drill.groupBy }, { signal }),
        stackDimension ? this.#stack(traffic, base, drill.groupBy, stackDimension, signal) : null,
      ]);
      for (const row of aggregate.rows) this.#labels.set(labelKey(drill.groupBy, row.key), row.label);
      return { aggregate, stack, key: JSON.stringify([zone, from, to, path, stackBy]) };
    },
    args: () => [this.adapter?.traffic, this.#zone, this.#range.from, this.#range.to, formatPath(this.#drill), this.stackBy] as const,
  });

  /** The previous period and missing breadcrumb names: after the level is drawn. */
  readonly #extras = new Task(this, {
    task: async ([traffic, level], { signal }): Promise<LevelExtras> => {
      if (!traffic || !level) return initialState as never;
      // Let the level paint first: these reads are secondary.
      await afterPaint();
      signal.throwIfAborted();
      const [zone, from, to, path] = JSON.parse(level.key) as [string, string, string, string];
      const drill = parsePath(path)!;
      const filters = filterRecord(drill.filters);
      const previousRange = previousPeriod({ from, to });
      const [previous] = await Promise.all([
        traffic.aggregate({ ...previousRange, zone, filters, groupBy: drill.groupBy }, { signal }),
        this.#fetchCrumbLabels(traffic, { from, to }, zone, drill, signal),
      ]);
      return { previous, previousRange };
    },
    args: () => [this.adapter?.traffic, this.#level.value] as const,
  });

  readonly #heatmap = new Task(this, {
    task: async ([traffic, zone, from, to, path, view], { signal }): Promise<TrafficHeatmap> => {
      if (!traffic || !zone || view !== 'heatmap' || rangeProblem({ from, to })) return initialState as never;
      const filters = filterRecord(parsePath(path)!.filters);
      return traffic.heatmap({ from, to, zone, filters }, { signal });
    },
    args: () => [this.adapter?.traffic, this.#zone, this.#range.from, this.#range.to, formatPath(this.#drill), this.view] as const,
  });

  constructor() {
    super();
    new AdapterEventsController(this, {
      adapter: () => this.adapter,
      domains: ['traffic'],
      onChange: () => {
        void this.#level.run();
        if (this.view === 'heatmap') void this.#heatmap.run();
      },
    });
  }

  // ───────────── derived values ─────────────

  #validZone(zone: string): boolean {
    if (!zone) return false;
    if (isValidZone(zone)) return true;
    if (this.#warnedZone !== zone) console.warn(`<${this.localName}> time-zone "${zone}" is not an IANA zone; using the dealer's.`);
    this.#warnedZone = zone;
    return false;
  }

  /** The zone of the buckets, or '' while the dealer's is being read. */
  get #zone(): string {
    // Checked once per `time-zone` value: every update asks.
    if (this.#zoneChecked !== this.timeZone) this.#zoneValid = !!(this.#zoneChecked = this.timeZone) && isValidZone(this.timeZone);
    if (this.#zoneValid) return this.timeZone;
    if (!this.adapter?.leads) return browserZone();
    const task = this.#dealerZone;
    return task.status === TaskStatus.COMPLETE && typeof task.value === 'string' ? task.value : '';
  }

  #zoneChecked: string | null = null;
  #zoneValid = false;

  /** The range shown: the properties, or this month in the zone. */
  get #range(): DateRange {
    if (this.from && this.to) return { from: this.from, to: this.to };
    const zone = this.#zone || browserZone();
    const now = DateTime.now().setZone(zone);
    return { from: this.from || now.startOf('month').toISODate()!, to: this.to || now.endOf('month').toISODate()! };
  }

  /** The stacking dimension when it can apply at this level. */
  #stackFor(drill: DrillPath, stackBy: string): TrafficDimension | null {
    if (!isDimension(stackBy) || stackBy === drill.groupBy || drill.filters.some((f) => f.dimension === stackBy)) return null;
    return stackBy;
  }

  async #stack(
    traffic: TrafficApi,
    base: { from: string; to: string; zone: string; filters: Partial<Record<TrafficDimension, string>> },
    groupBy: TrafficDimension,
    dimension: TrafficDimension,
    signal: AbortSignal,
  ): Promise<StackData> {
    // The aggregate answers one dimension at a time: the stack values first, then one read per value.
    const values = await traffic.aggregate({ ...base, groupBy: dimension }, { signal });
    const top = [...values.rows].sort((a, b) => b.ups - a.ups).slice(0, MAX_SERIES);
    const keep = new Set(top.map((r) => r.key));
    const named = values.rows.filter((r) => keep.has(r.key));
    const series = await Promise.all(
      named.map(async (value) => {
        const part = await traffic.aggregate({ ...base, filters: { ...base.filters, [dimension]: value.key }, groupBy }, { signal });
        return { key: value.key, label: value.label, ups: new Map(part.rows.map((r) => [r.key, r.ups])) };
      }),
    );
    return { dimension, series };
  }

  /** Reads the names of drilled-into buckets this page has not seen (after a reload with a path). */
  async #fetchCrumbLabels(traffic: TrafficApi, range: DateRange, zone: string, drill: DrillPath, signal: AbortSignal): Promise<void> {
    await Promise.all(
      drill.filters.map(async (f, i) => {
        if (this.#labels.has(labelKey(f.dimension, f.key))) return;
        const level = await traffic.aggregate(
          { ...range, zone, filters: filterRecord(drill.filters.slice(0, i)), groupBy: f.dimension },
          { signal },
        );
        for (const row of level.rows) this.#labels.set(labelKey(f.dimension, row.key), row.label);
      }),
    );
  }

  #crumbName(index: number): string {
    const f = this.#drill.filters[index]!;
    return t('crumb', dimensionName(f.dimension), bucketLabel(f.dimension, f.key, this.#labels.get(labelKey(f.dimension, f.key)) ?? f.key));
  }

  /** The shown level's model, rebuilt only when its data or the locale changed. */
  #modelOf(level: Level): LevelModel {
    const extras = this.#extras.status === TaskStatus.COMPLETE && this.#extras.value ? this.#extras.value : undefined;
    const locale = getLocale();
    const cached = this.#model;
    if (cached && cached.level === level && cached.extras === extras && cached.locale === locale) return cached.model;
    const range = JSON.parse(level.key) as [string, string, string];
    const model = levelModel(level.aggregate, level.stack, extras ?? null, { from: range[1], to: range[2] });
    this.#model = { level, extras, locale, model };
    return model;
  }

  // ───────────── lifecycle ─────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    const locale = getLocale();
    if (locale !== this.#formatsLocale) {
      this.#formats = makeFormats(locale);
      this.#formatsLocale = locale;
    }
    if (changed.has('path')) {
      const parsed = parsePath(this.path);
      if (!parsed && this.#warnedPath !== this.path) {
        console.warn(`<${this.localName}> path "${this.path}" is not a drill path; showing all traffic.`);
        this.#warnedPath = this.path;
      }
      this.#drill = parsed ?? { filters: [], groupBy: ROOT_DIMENSION };
    }
    if ((changed.has('from') || changed.has('to')) && this.hasUpdated) this.typedRange = null;
  }

  // ───────────── rendering ─────────────

  protected override render() {
    return html`<h2>${t('heading')}</h2>
      ${this.adapter?.traffic
        ? html`${this.#toolbar()} ${this.#breadcrumb()}
            <div class="body">${this.#body()}</div>`
        : unsupportedView('traffic')}
      <div class="fc-visually-hidden" role="status">${this.announcement}</div>`;
  }

  #toolbar(): TemplateResult {
    const range = this.#range;
    const problem = this.typedRange?.problem ?? rangeProblem(range);
    const shown = this.typedRange ?? range;
    const bad = (end: 'from' | 'to') => problem === end || problem === 'reversed';
    const drill = this.#drill;
    const free = freeDimensions(drill.filters);
    const stackable = free.filter((d) => d !== drill.groupBy);
    const stack = this.#stackFor(drill, this.stackBy) ?? '';
    const last = drill.filters.length ? this.#labels.get(labelKey(drill.filters.at(-1)!.dimension, drill.filters.at(-1)!.key)) ?? drill.filters.at(-1)!.key : '';
    const canExport = this.view === 'heatmap' ? this.#heatmap.status === TaskStatus.COMPLETE : this.#level.status === TaskStatus.COMPLETE;
    return html`<div class="toolbar" part="toolbar">
        <label
          >${t('from')}
          <input type="date" name="from" .value=${shown.from} aria-invalid=${bad('from') ? 'true' : 'false'}
            aria-describedby=${problem ? 'range-problem' : nothing} @change=${this.#onRangeInput}
        /></label>
        <label
          >${t('to')}
          <input type="date" name="to" .value=${shown.to} aria-invalid=${bad('to') ? 'true' : 'false'}
            aria-describedby=${problem ? 'range-problem' : nothing} @change=${this.#onRangeInput}
        /></label>
        <div class="views" role="group" aria-label=${t('view')}>
          ${(['chart', 'heatmap'] as const).map(
            (view) => html`<button type="button" class="fc-button" name=${`view-${view}`} aria-pressed=${this.view === view ? 'true' : 'false'}
              @click=${() => this.#setView(view)}>${view === 'chart' ? t('viewChart') : t('viewHeatmap')}</button>`,
          )}
        </div>
        <label
          >${drill.filters.length ? t('breakDown', last) : t('groupBy')}
          <select name="group-by" @change=${this.#onGroupBy}>
            ${free.map((d) => html`<option value=${d} ?selected=${d === drill.groupBy}>${dimensionName(d)}</option>`)}
          </select></label
        >
        ${this.view === 'chart'
          ? html`<label
              >${t('stackBy')}
              <select name="stack-by" @change=${this.#onStackBy}>
                <option value="" ?selected=${!stack}>${t('stackNone')}</option>
                ${stackable.map((d) => html`<option value=${d} ?selected=${d === stack}>${dimensionName(d)}</option>`)}
              </select></label
            >`
          : nothing}
        <button type="button" class="fc-button" name="export" ?disabled=${!canExport} @click=${this.#export}>${t('exportCsv')}</button>
      </div>
      ${problem ? html`<p id="range-problem" class="problem" role="alert">${t(RANGE_TEXT[problem])}</p>` : nothing}`;
  }

  #breadcrumb(): TemplateResult {
    const filters = this.#drill.filters;
    const names = [t('allTraffic'), ...filters.map((_, i) => this.#crumbName(i))];
    return html`<nav aria-label=${t('breadcrumb')} part="breadcrumb">
      <ol>
        ${names.map((name, depth) =>
          depth === names.length - 1
            ? html`<li><span aria-current="location">${name}</span></li>`
            : html`<li><button type="button" class="crumb" data-depth=${depth} @click=${() => this.#back(depth)}>${name}</button></li>`,
        )}
      </ol>
    </nav>`;
  }

  #body(): unknown {
    const range = this.#range;
    if (rangeProblem(range)) return nothing;
    if (!this.#zone) return this.#dealerZone.status === TaskStatus.ERROR ? errorView(this.#dealerZone.error, () => this.#dealerZone.run()) : loadingView(6);
    if (this.view === 'heatmap') return this.#heatmapBody();
    const task = this.#level;
    switch (task.status) {
      case TaskStatus.ERROR:
        return errorView(task.error, () => task.run());
      case TaskStatus.COMPLETE:
        return this.#levelView(task.value!, false);
      default:
        // A refresh keeps the last figures on screen rather than flashing a skeleton.
        return task.value ? this.#levelView(task.value, true) : loadingView(6);
    }
  }

  #levelView(level: Level, busy: boolean): TemplateResult {
    if (level.aggregate.total.ups === 0) return emptyView(t('empty'));
    const f = this.#formats;
    const model = this.#modelOf(level);
    return html`<div aria-busy=${busy ? 'true' : 'false'}>
      ${busy ? this.#updating() : nothing} ${this.#summary(f, model)}
      <div class="chart" part="chart">${this.#chart(f, level, model)}</div>
      ${this.#table(f, model)}
    </div>`;
  }

  #summary(f: Formats, model: LevelModel): TemplateResult {
    const extras = this.#extras;
    const previous = extras.status === TaskStatus.COMPLETE ? extras.value?.previous?.total : undefined;
    const total = model.total;
    const prevRatio = previous ? (previous.ups ? previous.sold / previous.ups : null) : null;
    const item = (label: string, value: string, change: TemplateResult | typeof nothing) =>
      html`<div class="metric"><dt>${label}</dt><dd><span class="value">${value}</span> ${change}</dd></div>`;
    const range = rangeName(f, previousPeriod(model.range));
    return html`<section class="summary" part="summary" aria-label=${t('summary', range)}>
      <dl>
        ${item(t('colUps'), f.count.format(total.ups), previous ? changeView(changeText(f, total.ups, previous.ups)) : nothing)}
        ${item(t('colSold'), f.count.format(total.sold), previous ? changeView(changeText(f, total.sold, previous.sold)) : nothing)}
        ${item(t('colClosing'), ratioText(f, total.closingRatio), previous ? changeView(pointsText(f, total.closingRatio, prevRatio)) : nothing)}
        ${item(t('colBeBack'), ratioText(f, total.beBackShare), nothing)}
      </dl>
      ${extras.status === TaskStatus.ERROR
        ? errorView(extras.error, () => extras.run(), { retryLabel: t('summary', range) })
        : previous
          ? html`<p class="previous">${t('previousWas', range, f.count.format(previous.ups))}</p>`
          : nothing}
    </section>`;
  }

  #caption(f: Formats, model: LevelModel): string {
    const range = rangeName(f, model.range);
    const filters = this.#drill.filters;
    if (!filters.length) return t('caption', dimensionName(model.dimension), range);
    const path = filters.map((_, i) => this.#crumbName(i)).join(' › ');
    return t('captionUnder', path, dimensionName(model.dimension), range);
  }

  #table(f: Formats, model: LevelModel): TemplateResult {
    const canDrill = !!nextDimension([...this.#drill.filters, { dimension: this.#drill.groupBy, key: '' }]);
    const prevRange = rangeName(f, model.previousRange);
    const cells = (row: ModelRow) => html`<td class="fc-num">${f.count.format(row.ups)}</td>
      ${row.series.map((n) => html`<td class="fc-num">${f.count.format(n)}</td>`)}
      <td class="fc-num">${f.count.format(row.sold)}</td>
      <td class="fc-num">${ratioText(f, row.closingRatio)}</td>
      <td class="fc-num">${ratioText(f, row.beBackShare)}</td>
      ${TRAFFIC_STEPS.map((s) => html`<td class="fc-num">${f.count.format(row.steps[s])}</td>`)}
      ${model.compared ? html`<td>${changeView(changeText(f, row.ups, row.previousUps))}</td>` : nothing}`;
    // Without buttons to tab to, the scrolling box itself takes focus so a keyboard can scroll it.
    return html`<div class="table-wrap" role=${canDrill ? nothing : 'region'} tabindex=${canDrill ? nothing : '0'}
        aria-labelledby=${canDrill ? nothing : 'traffic-caption'}>
      <table class="fc-table" part="table" id="traffic-table" aria-describedby=${canDrill ? 'drill-hint' : nothing}>
        <caption id="traffic-caption">
          ${this.#caption(f, model)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${dimensionName(model.dimension)}</th>
            <th scope="col" class="fc-num">${t('colUps')}</th>
            ${model.seriesNames.map((name) => html`<th scope="col" class="fc-num">${t('colSeries', name)}</th>`)}
            <th scope="col" class="fc-num">${t('colSold')}</th>
            <th scope="col" class="fc-num">${t('colClosing')}</th>
            <th scope="col" class="fc-num">${t('colBeBack')}</th>
            ${TRAFFIC_STEPS.map((s) => html`<th scope="col" class="fc-num">${t('stepsReached', stepName(s))}</th>`)}
            ${model.compared ? html`<th scope="col">${t('colChange', prevRange)}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${model.rows.map(
            (row, i) => html`<tr>
              <th scope="row">
                ${canDrill
                  ? html`<button type="button" class="drill" part="drill-button" data-index=${i} @click=${() => this.#drillRow(row)}>${row.label}</button>`
                  : row.label}
              </th>
              ${cells(row)}
            </tr>`,
          )}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">${t('total')}</th>
            ${cells(model.total)}
          </tr>
        </tfoot>
      </table></div>
      ${canDrill ? html`<p id="drill-hint" class="hint">${t('drillHint')}</p>` : nothing}`;
  }

  #heatmapBody(): unknown {
    const task = this.#heatmap;
    switch (task.status) {
      case TaskStatus.ERROR:
        return errorView(task.error, () => task.run());
      case TaskStatus.COMPLETE:
        return this.#heatmapView(task.value!, false);
      default:
        return task.value ? this.#heatmapView(task.value, true) : loadingView(7);
    }
  }

  #heatmapView(heatmap: TrafficHeatmap, busy: boolean): TemplateResult {
    const grid = heatmapGrid(heatmap);
    const max = Math.max(0, ...grid.flat());
    if (max === 0) return emptyView(t('empty'));
    const f = this.#formats;
    const filters = this.#drill.filters;
    const range = rangeName(f, this.#range);
    const caption = filters.length ? `${filters.map((_, i) => this.#crumbName(i)).join(' › ')}: ${t('heatmapCaption', range)}` : t('heatmapCaption', range);
    return html`${busy ? this.#updating() : nothing}
      <div class="table-wrap" role="region" tabindex="0" aria-labelledby="heatmap-caption" aria-busy=${busy ? 'true' : 'false'}>
      <table class="fc-table heatmap" part="heatmap" aria-describedby="heatmap-hint">
        <caption id="heatmap-caption">
          ${caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('dimWeekday')}</th>
            ${HOURS.map((h) => html`<th scope="col" class="fc-num">${t('hourName', h)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${grid.map(
            (hours, day) => html`<tr>
              <th scope="row">${weekdayName(day)}</th>
              ${hours.map((ups) => html`<td class="fc-num shade-${shadeOf(ups, max)}">${f.count.format(ups)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
      </div>
      <p id="heatmap-hint" class="hint">${t('heatmapHint')}</p>`;
  }

  /** Shown above the last figures while new ones load (they stay readable rather than dimmed). */
  #updating(): TemplateResult {
    return html`<p class="hint updating">${msg('loading')}</p>`;
  }

  // ───────────── chart ─────────────

  /** The level's bars, stacked when a stack applies; a bar clicked drills into its bucket. */
  #chart(f: Formats, level: Level, model: LevelModel): TemplateResult {
    const series = model.seriesNames.map((name, i) => ({ name, values: model.rows.map((r) => r.series[i] ?? 0) }));
    return trafficChart({
      labels: model.rows.map((r) => r.label),
      ups: model.rows.map((r) => r.ups),
      series,
      closing: model.rows.map((r) => ratioText(f, r.closingRatio)),
      label: t('chartLabel', dimensionName(model.dimension)),
      details: 'traffic-table',
      text: { ups: (n) => t('tooltipUps', n), series: (name, n) => t('tooltipSeries', name, n), closing: (r) => t('tooltipClosing', r), legend: t('legend') },
      formatCount: (n) => f.count.format(n),
      animate: this.#animates(level, model.rows.length * Math.max(1, series.length)),
      onSelect: (index) => {
        const row = model.rows[index];
        if (row) this.#drillRow(row);
      },
    });
  }

  /** Only a refresh of the same level moves its bars; a drill (nothing to move from) or a large update draws at once. */
  #animates(level: Level, bars: number): boolean {
    const last = this.#charted;
    if (last?.key === level.key) return last.animate;
    const animate = !!last && samePath(last.key, level.key) && bars <= ANIMATION_LIMIT;
    this.#charted = { key: level.key, animate };
    return animate;
  }

  // ───────────── actions ─────────────

  #drillRow(row: ModelRow): void {
    if (!this.isConnected) return;
    const next = drillInto(this.#drill, row.key);
    if (!next) return;
    this.#labels.set(labelKey(this.#drill.groupBy, row.key), row.label);
    void this.#go(next, t('announceDrill', row.label, dimensionName(next.groupBy)));
  }

  #back(depth: number): void {
    const next = backTo(this.#drill, depth);
    const name = depth === 0 ? t('allTraffic') : this.#crumbName(depth - 1);
    void this.#go(next, t('announceLevel', name, dimensionName(next.groupBy)));
  }

  #onGroupBy = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    if (!isDimension(value) || value === this.#drill.groupBy) return;
    const name = this.#drill.filters.length ? this.#crumbName(this.#drill.filters.length - 1) : t('allTraffic');
    void this.#go({ filters: this.#drill.filters, groupBy: value }, t('announceLevel', name, dimensionName(value)), false);
  };

  #onStackBy = (event: Event): void => {
    this.stackBy = (event.target as HTMLSelectElement).value;
  };

  /** Shows another level, tells the host, and puts focus on the grouping list (where the next choice is made). */
  async #go(next: DrillPath, announcement: string, focus = true): Promise<void> {
    this.path = formatPath(next);
    this.#drill = next;
    this.announcement = announcement;
    this.emit(FC_TRAFFIC_DRILL, { path: this.path });
    if (!focus) return;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLSelectElement>('select[name=group-by]')?.focus();
  }

  #setView(view: View): void {
    this.view = view;
  }

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
    if (typed.from === range.from && typed.to === range.to) return;
    this.from = typed.from;
    this.to = typed.to;
    this.emit(FC_RANGE_CHANGE, { from: typed.from, to: typed.to });
  };

  #export = (): void => {
    const range = this.#range;
    let csv: string;
    let filename: string;
    let rows: number;
    if (this.view === 'heatmap') {
      const heatmap = this.#heatmap.value;
      if (this.#heatmap.status !== TaskStatus.COMPLETE || !heatmap) return;
      csv = heatmapCsv(heatmap);
      rows = 7; // a line per weekday
      filename = `store-traffic-heatmap-${range.from}-to-${range.to}.csv`;
    } else {
      const level = this.#level.value;
      if (this.#level.status !== TaskStatus.COMPLETE || !level) return;
      const model = this.#modelOf(level);
      csv = levelCsv(model, this.#formats);
      rows = model.rows.length + 1; // and the total
      filename = `store-traffic-${this.#drill.groupBy}-${range.from}-to-${range.to}.csv`;
    }
    if (!this.emit(FC_EXPORT, { format: 'csv', filename, content: csv, rows }, { cancelable: true })) return;
    if (!this.emit(FC_TRAFFIC_EXPORT, { csv, filename }, { cancelable: true })) return;
    downloadBlob(this.renderRoot, new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
    this.announcement = this.inLocale(() => t('exportDone', filename));
  };
}

/** Whether two level keys show the same path (a refresh of the range or the data, not a drill). */
function samePath(a: string, b: string): boolean {
  return (JSON.parse(a) as string[])[3] === (JSON.parse(b) as string[])[3];
}
