import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import { currentMonthRange, isValidZone, rangeProblem } from '../../data/logic/calendar.js';
import { openingHourSpan } from '../../data/logic/opening-hours.js';
import type { DateRange, TrafficHeatmap } from '../../data/model.js';
import { adapterContext } from '../shared/adapter-context.js';
import { afterPaint } from '../shared/after-paint.js';
import { isolateIn } from '../shared/bidi.js';
import { QueryController } from '../shared/controllers/query.js';
import { DateRangeEditor } from '../shared/date-range.js';
import { downloadBlob } from '../shared/download.js';
import { FcElement } from '../shared/fc-element.js';
import { lazyModule } from '../shared/lazy.js';
import { makeFormats } from '../shared/formats.js';
import { getLocale } from '../shared/messages.js';
import { loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { ChartController, chartStyles } from '../shared/charts/chart-controller.js';
import { heatmapFile, levelFile, loadCsvWriter } from './store-traffic.csv.js';
import { DEFAULT_CATEGORY_NAMES, bucketLabel } from './store-traffic.labels.js';
import type { CategoryNames } from './store-traffic.labels.js';
import { FC_EXPORT, FC_TRAFFIC_DRILL, FC_TRAFFIC_EXPORT } from './store-traffic.events.js';
import { t } from './store-traffic.messages.js';
import { heatmapGrid, levelInputs, levelModel } from './store-traffic.model.js';
import type { Level, LevelExtras, LevelModel, ModelRow } from './store-traffic.model.js';
import { ROOT_DIMENSION, backTo, drillInto, filterRecord, formatPath, isDimension, nextDimension, parsePath, stackFor } from './store-traffic.path.js';
import type { DrillPath } from './store-traffic.path.js';
import type { LevelPlot } from './store-traffic.plot.js';
import { browserZone, labelKey, readCategoryNames, readDealer, readExtras, readLevel } from './store-traffic.reads.js';
import type { BucketLabels } from './store-traffic.reads.js';
import { styles } from './store-traffic.styles.js';
import { breadcrumbView, dimensionName, exportLoadView, heatmapCaption, heatmapView, levelCaption, levelView, ratioText, scrollToHour, toolbarView } from './store-traffic.view.js';
import type { Formats } from './store-traffic.view.js';

type View = 'chart' | 'heatmap';

/**
 * What the chart plots (`store-traffic.plot.ts`), loaded once for every instance when the first
 * figures show, not with the widget: its time axis is zone arithmetic (luxon), which the table,
 * the summary and the heatmap do not need.
 */
const plotModule = lazyModule(() => import('./store-traffic.plot.js'));

/**
 * Store traffic: ups, sales, closing ratio, be-back share and steps reached per bucket of any
 * dimension, as a chart (Chart.js: bars, stacked by a second dimension on demand; a line over
 * time for month, day and hour, the previous period dashed) and a table that says the same,
 * drilled down any way: a bar, a point or a row's name becomes a filter and the next level is
 * grouped by any dimension left. Focusing a row shows its bucket's tooltip in the chart. Totals are compared with the same range one month earlier. A weekday ×
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
 * @csspart chart - The chart's box: the legend (toggle buttons, with two series or more) and the canvas.
 * @csspart table - The figures table.
 * @csspart drill-button - A bucket's name in the table, which drills into it.
 * @csspart heatmap - The weekday × hour table.
 * @csspart state - Loading, empty, error and unsupported states (also `loading`, `empty`, `error`, `unsupported`).
 * @csspart retry-button - Retry of a failed load.
 * @cssproperty --fc-store-traffic-bar - Colour of the bars (unstacked), the first stack and the ups line. Default `--fc-color-accent`.
 * @cssproperty --fc-store-traffic-heat - Colour of the busiest heatmap cells. Default `--fc-color-accent`.
 * @cssproperty --fc-store-traffic-up - A rise against the previous period. Default `--fc-color-good`.
 * @cssproperty --fc-store-traffic-down - A fall against the previous period. Default `--fc-color-bad`.
 * @cssproperty --fc-store-traffic-chart-text - The chart's axis labels. Default `--fc-color-text-muted`.
 * @cssproperty --fc-store-traffic-chart-grid - The chart's grid lines. Default `--fc-color-border`.
 * @cssproperty --fc-store-traffic-chart-block-size - Height of the chart. Default `18rem`.
 */
export class FcStoreTraffic extends FcElement {
  static override styles = [tokens, shared, stateStyles, chartStyles, styles];

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

  @state() private announcement = '';
  /** The CSV writer is being loaded for an export (the first one), or failed to load: why. */
  @state() private exportLoad: { failure: unknown } | null = null;

  #formats: Formats = makeFormats('en');
  #drill: DrillPath = { filters: [], groupBy: ROOT_DIMENSION };
  #warnedPath = '';
  #warnedZone = '';
  /** Names of buckets seen, by dimension and key, for the breadcrumb. */
  readonly #labels: BucketLabels = new Map();
  #model: { level: Level; extras: LevelExtras | undefined; locale: string; categories: CategoryNames; model: LevelModel; plot: LevelPlot | null } | null = null;
  /** The level on screen and what its chart plots (its identity changes only with the figures; null until the plot is loaded). */
  #shown: { model: LevelModel; plot: LevelPlot | null } | null = null;
  /** Why the chart's plot (see `loadPlots`) could not be loaded, until Retry. */
  @state() private plotFailure: { error: unknown } | null = null;
  #plotLoading = false;

  /** The chart (Chart.js, fetched after the table has painted), updated in place on a drill or a new range. */
  readonly #chart = new ChartController(this, {
    canvas: () => (this.view === 'chart' ? this.renderRoot.querySelector<HTMLCanvasElement>('canvas.traffic-chart') : null),
    key: () => this.#shown?.plot,
    config: (kit) => {
      const plot = this.#shown?.plot;
      const plots = plotModule.value;
      if (!plot || !plots) return null;
      const f = this.#formats;
      // Drawn after the render: the words are taken in the widget's language here, not when a tooltip shows.
      return this.inLocale(() =>
        plots.plotConfig(plot, kit, { ups: t('colUps'), previous: t('previousSeries'), closing: (r) => t('tooltipClosing', ratioText(f, r)) }, f, getLocale()),
      );
    },
    onSelect: ({ index }) => {
      const shown = this.#shown;
      const row = shown?.plot?.rows[index];
      if (shown && row !== null && row !== undefined && this.#canDrill) this.#drillRow(shown.model.rows[row]!);
    },
  });

  /**
   * The dealer's business calendar: its zone, used when `time-zone` is not a zone (the browser's
   * when the dealer's cannot be had), and its opening hours, which the heatmap opens on.
   */
  readonly #dealer = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['leads'],
    domains: [],
    args: () => [this.timeZone] as const,
    read: (adapter, [zone], { signal }) => {
      this.#validZone(zone);
      return readDealer(adapter.leads, signal);
    },
  });

  /** The heatmap's scroll box last brought to the opening hours (each new one is, once). */
  #openedHeatmap: Element | null = null;

  /**
   * The shop's source categories, for their names (traffic rows carry the ids). Optional: a host
   * without customer sources gets the default names, and a failed read is not the widget's error.
   */
  readonly #categories = new QueryController(this, {
    adapter: () => this.adapter,
    requires: [],
    domains: ['sources'],
    read: (adapter, _args, { signal }) => readCategoryNames(adapter.sources, signal),
  });

  /** Source category names by id: the shop's once read, the default ones until then. */
  get #categoryNames(): CategoryNames {
    return this.#categories.value ?? DEFAULT_CATEGORY_NAMES;
  }

  /** The level shown; a drill, a new range or a re-read keeps the last figures on screen, busy, until it is read. */
  readonly #level = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['traffic'],
    args: () => [this.#zone, this.#range.from, this.#range.to, formatPath(this.#drill), this.stackBy] as const,
    idle: ([zone, from, to]) => !zone || !!rangeProblem({ from, to }),
    keepAcrossArgs: true,
    read: (adapter, args, { signal }): Promise<Level> => readLevel(adapter.traffic, args, this.#labels, signal),
  });

  /** The previous period and missing breadcrumb names: after the level is drawn. */
  readonly #extras = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['traffic'],
    args: () => [this.#level.value?.key ?? ''] as const,
    idle: ([key]) => !key,
    read: async (adapter, [key], { signal }): Promise<LevelExtras> => {
      // Let the level paint first: these reads are secondary.
      await afterPaint();
      signal.throwIfAborted();
      return readExtras(adapter.traffic, key, this.#labels, signal);
    },
  });

  /** The weekday × hour table, read only in the heatmap view. */
  readonly #heatmap = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['traffic'],
    args: () => [this.#zone, this.#range.from, this.#range.to, formatPath(this.#drill), this.view] as const,
    idle: ([zone, from, to, , view]) => view !== 'heatmap' || !zone || !!rangeProblem({ from, to }),
    keepAcrossArgs: true,
    read: (adapter, [zone, from, to, path], { signal }): Promise<TrafficHeatmap> =>
      adapter.traffic.heatmap({ from, to, zone, filters: filterRecord(parsePath(path)!.filters) }, { signal }),
  });

  /** The date inputs: a valid range typed becomes `from`/`to` and fires `fc-range-change`. */
  readonly #rangeEditor = new DateRangeEditor(this, {
    range: () => this.#range,
    commit: ({ from, to }) => {
      this.from = from;
      this.to = to;
    },
  });

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
    return this.#dealer.value?.zone ?? '';
  }

  #zoneChecked: string | null = null;
  #zoneValid = false;

  /** The range shown: the properties, or this month in the zone. */
  get #range(): DateRange {
    if (this.from && this.to) return { from: this.from, to: this.to };
    const month = currentMonthRange(Date.now(), this.#zone || browserZone());
    return { from: this.from || month.from, to: this.to || month.to };
  }

  #crumbName(index: number): string {
    const f = this.#drill.filters[index]!;
    return t('crumb', dimensionName(f.dimension), bucketLabel(f.dimension, f.key, this.#labels.get(labelKey(f.dimension, f.key)) ?? f.key, this.#categoryNames));
  }

  /** The drilled-into buckets, ["Department: New", "Salesperson: Ann Lee"], for a trail in which each is isolated (`isolateIn`). */
  #crumbNames(): string[] {
    return this.#drill.filters.map((_, i) => this.#crumbName(i));
  }

  /** The previous period of the level shown, unless its read failed. */
  get #extrasRead(): LevelExtras | undefined {
    return this.#extras.error === undefined ? this.#extras.value : undefined;
  }

  /** The shown level's model and plot, rebuilt only when its data or the locale changed. */
  #shownOf(level: Level): { model: LevelModel; plot: LevelPlot | null } {
    const extras = this.#extrasRead;
    const locale = getLocale();
    const categories = this.#categoryNames;
    const cached = this.#model;
    // Loaded with the first figures; after a failure, only Retry loads it again.
    const plots = plotModule.value;
    if (!plots && !this.plotFailure) this.#loadPlots();
    if (cached && cached.level === level && cached.extras === extras && cached.locale === locale && cached.categories === categories && (cached.plot || !plots)) return cached;
    const { from, to, zone } = levelInputs(level.key);
    const same = cached && cached.level === level && cached.locale === locale && cached.categories === categories;
    // The plot arriving keeps the model (the table's rows keep their identity).
    const model = same && cached.extras === extras ? cached.model : levelModel(level.aggregate, level.stack, extras ?? null, { from, to }, categories);
    // Bars do not show the previous period: its arrival leaves them as they are (no redraw).
    const plot = !plots ? null : same && cached.plot?.kind === 'bar' ? cached.plot : plots.levelPlot(model, extras?.previous ?? null, zone);
    this.#model = { level, extras, locale, categories, model, plot };
    return this.#model;
  }

  /** Loads the chart's plot (once per page), then draws; a failure shows in place of the chart, with Retry. */
  #loadPlots(): void {
    if (this.#plotLoading) return;
    this.#plotLoading = true;
    // Asked while rendering: the state changes after this update.
    queueMicrotask(() => {
      this.plotFailure = null;
      plotModule
        .load()
        .then(
          () => this.requestUpdate(),
          (error: unknown) => (this.plotFailure = { error }),
        )
        .finally(() => (this.#plotLoading = false));
    });
  }

  #modelOf(level: Level): LevelModel {
    return this.#shownOf(level).model;
  }

  /** Whether the shown level's buckets can be drilled into (a dimension is left to group by). */
  get #canDrill(): boolean {
    return !!nextDimension([...this.#drill.filters, { dimension: this.#drill.groupBy, key: '' }]);
  }

  /** The view's figures answer the current inputs (read, not being read again, not failed): what Export writes. */
  get #exportable(): boolean {
    const query = this.view === 'heatmap' ? this.#heatmap : this.#level;
    return !!this.#zone && !rangeProblem(this.#range) && query.value !== undefined && !query.refreshing && query.error === undefined;
  }

  // ───────────── lifecycle ─────────────

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#formats = makeFormats(getLocale());
    if (changed.has('path')) {
      const parsed = parsePath(this.path);
      if (!parsed && this.#warnedPath !== this.path) {
        console.warn(`<${this.localName}> path "${this.path}" is not a drill path; showing all traffic.`);
        this.#warnedPath = this.path;
      }
      this.#drill = parsed ?? { filters: [], groupBy: ROOT_DIMENSION };
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#openOnOpeningHours();
  }

  /**
   * A new heatmap opens scrolled to the dealer's opening hours, not to midnight: its first open
   * hour right after the sticky weekday column. Once per heatmap shown, so the user's own scrolling
   * stays; with no hours to go by (a host without leads, a calendar that cannot be read) it opens
   * at midnight.
   */
  #openOnOpeningHours(): void {
    const wrap = this.view === 'heatmap' ? this.renderRoot.querySelector<HTMLElement>('.heatmap-wrap') : null;
    if (!wrap || wrap === this.#openedHeatmap) return;
    const dealer = this.#dealer;
    if (this.adapter?.leads && dealer.value === undefined && dealer.error === undefined) return; // not read yet
    this.#openedHeatmap = wrap;
    const span = openingHourSpan(dealer.value?.hours);
    if (!span || span.first === 0) return;
    scrollToHour(wrap, span.first);
  }

  // ───────────── rendering ─────────────

  protected override render() {
    return html`<h2>${t('heading')}</h2>
      ${this.adapter?.traffic
        ? html`${this.#toolbar()} ${breadcrumbView([t('allTraffic'), ...this.#drill.filters.map((_, i) => this.#crumbName(i))], (depth) => this.#back(depth))}
            <div class="body">${this.#body()}</div>`
        : unsupportedView('traffic')}
      <div class="fc-visually-hidden" role="status">${this.announcement}</div>`;
  }

  #toolbar(): TemplateResult {
    const drill = this.#drill;
    const last = drill.filters.at(-1);
    const lastName = last ? bucketLabel(last.dimension, last.key, this.#labels.get(labelKey(last.dimension, last.key)) ?? last.key, this.#categoryNames) : '';
    return toolbarView({
      fields: this.#rangeEditor.fields(),
      problem: html`${this.#rangeEditor.problemView()}${exportLoadView(this.exportLoad, () => this.#export())}`,
      view: this.view,
      drill,
      stack: stackFor(drill, this.stackBy) ?? '',
      groupLabel: last ? isolateIn((name) => t('breakDown', name), lastName) : t('groupBy'),
      exportable: this.#exportable,
      setView: (view) => (this.view = view),
      groupBy: this.#onGroupBy,
      stackBy: this.#onStackBy,
      export: this.#export,
    });
  }

  #body(): unknown {
    if (rangeProblem(this.#range)) return nothing;
    if (!this.#zone) return this.#dealer.errorView() ?? loadingView(6);
    if (this.view === 'heatmap') {
      return this.#heatmap.render({
        complete: (heatmap) => this.#heatmapView(heatmap),
        isEmpty: (heatmap) => !heatmapGrid(heatmap).some((hours) => hours.some((ups) => ups > 0)),
        empty: t('empty'),
        lines: 7,
      });
    }
    return this.#level.render({
      complete: (level) => this.#levelView(level),
      isEmpty: (level) => level.aggregate.total.ups === 0,
      empty: t('empty'),
      lines: 6,
    });
  }

  #levelView(level: Level): TemplateResult {
    const { model, plot } = (this.#shown = this.#shownOf(level));
    const extras = this.#extras;
    return levelView(this.#formats, model, {
      // A re-read keeps the last figures on screen rather than flashing a skeleton.
      busy: this.#level.refreshing,
      previous: this.#extrasRead?.previous?.total,
      extrasFailure: extras.error !== undefined ? { error: extras.error, retry: () => extras.run() } : null,
      legend: this.#chart.legend(),
      plotShown: plot !== null,
      plotFailure: this.plotFailure ? { error: this.plotFailure.error, retry: () => this.#loadPlots() } : null,
      caption: levelCaption(this.#formats, model, this.#crumbNames()),
      canDrill: this.#canDrill,
      drill: (row) => this.#drillRow(row),
      focus: (index) => this.#highlight(index),
    });
  }

  #heatmapView(heatmap: TrafficHeatmap): TemplateResult {
    return heatmapView(this.#formats, heatmapGrid(heatmap), heatmapCaption(this.#formats, this.#range, this.#crumbNames()), this.#heatmap.refreshing);
  }

  // ───────────── chart ─────────────

  /** Shows the tooltip of table row `index` in the chart (null hides it): the keyboard's way to the chart's figures. */
  #highlight(index: number | null): void {
    const point = index === null ? null : this.#shown?.plot?.points[index];
    this.#chart.highlight(point === undefined || point === null || point < 0 ? null : point);
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

  #export = async (): Promise<void> => {
    if (!this.#exportable || (this.exportLoad && !this.exportLoad.failure)) return;
    // The CSV writer (papaparse) loads with the first export, not with the widget.
    this.exportLoad = { failure: null };
    let write;
    try {
      write = await loadCsvWriter();
      this.exportLoad = null;
    } catch (failure) {
      this.exportLoad = { failure };
      return;
    }
    // The figures may have changed while the writer loaded.
    if (!this.#exportable) return;
    const range = this.#range;
    const { csv, filename, rows } =
      this.view === 'heatmap'
        ? heatmapFile(this.#heatmap.value!, range, write)
        : levelFile(this.#modelOf(this.#level.value!), this.#formats, this.#drill.groupBy, range, write);
    if (!this.emit(FC_EXPORT, { format: 'csv', filename, content: csv, rows }, { cancelable: true })) return;
    if (!this.emit(FC_TRAFFIC_EXPORT, { csv, filename }, { cancelable: true })) return;
    downloadBlob(this.renderRoot, new Blob([csv], { type: 'text/csv;charset=utf-8' }), filename);
    this.announcement = this.inLocale(() => t('exportDone', filename));
  };
}
