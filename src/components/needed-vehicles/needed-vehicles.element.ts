import { downloadBlob } from '../shared/download.js';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { VehicleWant } from '../../data/model.js';
import { WANT_STATUS, formatWantsCsv, groupWants } from '../../data/logic/vehicles.js';
import type { WantGroup } from '../../data/logic/vehicles.js';
import { adapterContext } from '../shared/adapter-context.js';
import { QueryController } from '../shared/controllers/query.js';
import { ScrollHintController, scrollHintStyles } from '../shared/controllers/scroll-hint.js';
import { ShopZoneController } from '../shared/controllers/shop-zone.js';
import { FcElement } from '../shared/fc-element.js';
import { formatCount } from '../shared/messages.js';
import { emptyView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { FC_EXPORT, FC_WANTS_EXPORT } from './needed-vehicles.events.js';
import { t } from './needed-vehicles.messages.js';
import { styles } from './needed-vehicles.styles.js';
import { formatDate, groupMatches, groupView } from './needed-vehicles.view.js';

/** Wants per request (the server's largest page). */
const PAGE = 1000;
/** Most wants read: far more than any lot waits for; the report says when it stops short. */
const MAX_WANTS = 10_000;

interface Report {
  groups: WantGroup[];
  /** Wants read. */
  loaded: number;
  /** Wants the server has. */
  total: number;
}

/**
 * The needed-vehicles report: what customers with status "Need Car Locate" are waiting for (year
 * range, make, model, trim, colour, max mileage, max price), grouped by make and model with the
 * number of waiting buyers, most wanted first, for the auction run. Prints as a clean list (no
 * buttons or shadows, a group kept on one page where it fits) and exports as CSV. A filter
 * narrows the list by make, model or customer. Read again when wants or customers change.
 *
 * @customElement fc-needed-vehicles
 * @fires fc-export - The user exported the report as CSV, before the download. Cancelable (cancels the download). detail: {format, filename, content, rows}
 * @fires fc-wants-export - Deprecated: use fc-export (fired until 0.3). The user exported the report as CSV; fired after it. Detail: `{ rows, fileName }`.
 * @csspart title - The heading.
 * @csspart toolbar - Filter, Print and Export CSV (hidden in print).
 * @csspart group - One make and model.
 * @csspart buyers - The number of waiting buyers in a group's heading.
 * @csspart table - A group's wants.
 * @csspart state - Loading, empty, unsupported and error states (with `loading`, `empty`, `unsupported`, `error`).
 * @csspart retry-button - Retry in the error state.
 * @cssproperty --fc-needed-vehicles-buyers-background - Background of the waiting-buyers count.
 * @cssproperty --fc-needed-vehicles-buyers-color - Text of the waiting-buyers count.
 */
export class FcNeededVehicles extends FcElement {
  static override styles = [tokens, shared, stateStyles, scrollHintStyles, styles];

  /** The adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** Filter text: shows the makes and models (or customers) that contain it. */
  @property() filter = '';

  /** IANA zone of the dates shown; empty for the dealer's (`leads.dealer()`), else the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** What the export last did, for the live region. */
  @state() private exportMessage = '';

  constructor() {
    super();
    // Marks the tables' scroll boxes while columns are hidden past the edge.
    new ScrollHintController(this);
  }

  readonly #zone = new ShopZoneController(this, { adapter: () => this.adapter, zone: () => this.timeZone });

  /** The wants, every page; read again when wants or customers change. */
  readonly #report = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['vehicles'],
    domains: ['vehicles', 'customers'],
    read: async (adapter, _args, { signal }): Promise<Report> => {
      const wants: VehicleWant[] = [];
      let cursor: string | null = null;
      let total = 0;
      do {
        const page = await adapter.vehicles.wants({ limit: PAGE, cursor }, { signal });
        const items = Array.isArray(page?.items) ? page.items : [];
        wants.push(...items);
        total = Math.max(Number(page?.total) || 0, wants.length);
        cursor = items.length ? (page.nextCursor ?? null) : null;
      } while (cursor && wants.length < MAX_WANTS);
      // A host's server may send every status: only customers still looking count.
      const groups = groupWants(wants.filter((w) => w.customerStatus === WANT_STATUS));
      return { groups, loaded: wants.length, total };
    },
  });

  #onFilter(event: Event): void {
    this.filter = (event.target as HTMLInputElement).value;
  }

  #visible(report: Report): WantGroup[] {
    const text = this.filter.trim();
    return text ? report.groups.filter((g) => groupMatches(g, text)) : report.groups;
  }

  #print(): void {
    window.print();
  }

  #export(report: Report): void {
    const groups = this.#visible(report);
    const rows = groups.reduce((n, g) => n + g.wants.length, 0);
    const fileName = `needed-vehicles-${new Date().toISOString().slice(0, 10)}.csv`;
    const content = formatWantsCsv(groups);
    if (this.emit(FC_EXPORT, { format: 'csv', filename: fileName, content, rows }, { cancelable: true })) {
      downloadBlob(this.renderRoot, new Blob([content], { type: 'text/csv;charset=utf-8' }), fileName);
      this.exportMessage = this.inLocale(() => t('exported', formatCount(rows)));
    }
    this.emit(FC_WANTS_EXPORT, { rows, fileName });
  }

  protected override render() {
    if (!this.adapter?.vehicles) return unsupportedView('vehicles');
    const zone = this.#zone.zone;
    return html`<h2 part="title">${t('title')}</h2>
      <p class="intro">${t('intro')}</p>
      <p class="print-only">${zone ? t('printedOn', formatDate(Date.now(), zone)) : ''}</p>
      ${zone ? this.#report.render({
        complete: (report) => this.#reportView(report, zone),
        isEmpty: (report) => !report.groups.length,
        empty: t('empty'),
        lines: 5,
      }) : loadingView(5)}`;
  }

  #reportView(report: Report, zone: string) {
    const groups = this.#visible(report);
    const buyers = new Set(report.groups.flatMap((g) => g.wants.map((w) => w.customerId))).size;
    return html`<div class="toolbar" part="toolbar">
        <label>
          ${t('filterLabel')}
          <input type="search" .value=${this.filter} @input=${this.#onFilter} autocomplete="off" />
        </label>
        <button type="button" class="fc-button" @click=${this.#print}>${t('print')}</button>
        <button type="button" class="fc-button" @click=${() => this.#export(report)}>${t('exportCsv')}</button>
        <p class="fc-visually-hidden" role="status">${this.exportMessage}</p>
      </div>
      <p class="summary">${t('summary', formatCount(buyers), formatCount(report.groups.length))}</p>
      ${report.loaded < report.total ? html`<p class="partial">${t('partial', formatCount(report.loaded), formatCount(report.total))}</p>` : nothing}
      ${groups.length ? groups.map((g, i) => groupView(g, i, zone)) : emptyView(t('filterEmpty', this.filter.trim()))}`;
  }
}
