import { downloadBlob } from '../shared/download.js';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import { AdapterError } from '../../data/errors.js';
import type { AdapterErrorKind } from '../../data/errors.js';
import type { VehicleWant } from '../../data/model.js';
import { WANT_STATUS, groupWants } from '../../data/logic/vehicles.js';
import type { WantGroup } from '../../data/logic/vehicles.js';
import { FOLLOW_UP_DAYS, followUpState } from '../../data/logic/vehicles-follow-up.js';
import { adapterContext } from '../shared/adapter-context.js';
import type { WriteFailure } from '../shared/controllers/pending-writes.js';
import { QueryController } from '../shared/controllers/query.js';
import { ScrollHintController, scrollHintStyles } from '../shared/controllers/scroll-hint.js';
import { ShopZoneController } from '../shared/controllers/shop-zone.js';
import { FcElement } from '../shared/fc-element.js';
import { defineMessages, formatCount } from '../shared/messages.js';
import { describeError, emptyView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { FC_EXPORT, FC_WANT_FOLLOW_UP, FC_WANTS_EXPORT } from './needed-vehicles.events.js';
import type { FollowUps } from './needed-vehicles.follow-up.js';
import { t } from './needed-vehicles.messages.js';
import type { StockMatcher } from './needed-vehicles.stock.js';
import { styles } from './needed-vehicles.styles.js';
import { formatDate, formatMoney, groupMatches, groupView } from './needed-vehicles.view.js';

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

/** A failure of a write as the suite's error text. */
function failureText(failure: WriteFailure | null): string {
  const { message, detail } = describeError(
    new AdapterError({ kind: (failure?.kind ?? 'unknown') as AdapterErrorKind, status: failure?.status ?? 0, message: failure?.message ?? '', body: failure?.body }),
  );
  return detail && detail !== message ? `${message} ${detail}` : message;
}

/**
 * The needed-vehicles report: what customers with status "Need Car Locate" are waiting for (year
 * range, make, model, trim, colour, max mileage, max price), grouped by make and model with the
 * number of waiting buyers, most wanted first, for the auction run. Prints as a clean list (no
 * buttons or shadows, a group kept on one page where it fits) and exports as CSV. A filter
 * narrows the list by make, model or customer. Read again when wants or customers change.
 *
 * Follow-up (when the adapter has `vehicles.followUp`): a want nobody has contacted the customer
 * about for `follow-up-days` days (counted from the want when never) is marked "Follow-up due (no
 * contact in 9 days)", counted, and can be shown alone; "Mark followed up" takes a note and saves
 * it through the adapter (the outbox, offline), shows a refused one with Retry and keeps its note,
 * and fires `fc-want-follow-up` once the server confirms, for the host to create the CRM task.
 *
 * "Match a stock list" reads a stock or auction list (CSV; the user confirms which column holds
 * what) and shows the vehicles on it that waiting buyers want, with why and how close, by the same
 * matching as a trade-in; rows it cannot read are listed with why. At most 5,000 rows are read.
 *
 * @customElement fc-needed-vehicles
 * @fires fc-export - The user exported the report as CSV, before the download. Cancelable (cancels the download). detail: {format, filename, content, rows}
 * @fires fc-wants-export - Deprecated: use fc-export (fired until 0.3). The user exported the report as CSV; fired after it. Detail: `{ rows, fileName }`.
 * @fires fc-want-follow-up - The server confirmed a follow-up made here ("Mark followed up"): create the CRM task from it. detail: {wantId, customerId, customerName, note, followedUpAt, want}
 * @csspart title - The heading.
 * @csspart toolbar - Filter, Print and Export CSV (hidden in print).
 * @csspart group - One make and model.
 * @csspart buyers - The number of waiting buyers in a group's heading.
 * @csspart table - A group's wants.
 * @csspart due - A want's "Follow-up due" mark.
 * @csspart follow-up-dialog - The follow-up note form.
 * @csspart stock - The stock-list matching panel.
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

  /** Days without contact after which a want is due for follow-up (whole elapsed days; 7 when unset or not a number of 0 or more). */
  @property({ attribute: 'follow-up-days', type: Number }) followUpDays = FOLLOW_UP_DAYS;

  /** The instant follow-ups are judged at, ISO 8601; empty for the clock at each render. */
  @property() now = '';

  /** What the export last did, for the live region. */
  @state() private exportMessage = '';

  /** Only the wants due for follow-up. */
  @state() private dueOnly = false;

  /** The follow-up writes and form, loaded apart from the first load. */
  @state() private followUps: FollowUps | null = null;

  /** The stock-list panel, loaded when first opened. */
  @state() private stock: StockMatcher | null = null;

  @state() private stockOpen = false;

  constructor() {
    super();
    // Marks the tables' scroll boxes while columns are hidden past the edge.
    new ScrollHintController(this);
    void import('./needed-vehicles.follow-up.js').then((m) => {
      this.followUps = new m.FollowUps(this, {
        defineMessages,
        failureText,
        formatDate: (at) => formatDate(at, this.#zone.zone ?? 'UTC'),
        followedUp: (detail) => this.emit(FC_WANT_FOLLOW_UP, detail),
      });
    });
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

  /** The follow-up limit in days; the default for a value that is not a number of 0 or more. */
  get #days(): number {
    const days = Number(this.followUpDays);
    if (Number.isFinite(days) && days >= 0) return days;
    if (!this.#warned) console.warn(`<${this.localName}>: follow-up-days "${this.getAttribute('follow-up-days') ?? String(this.followUpDays)}" is not a number of days; ${FOLLOW_UP_DAYS} is used.`);
    this.#warned = true;
    return FOLLOW_UP_DAYS;
  }

  #warned = false;

  /** True when the adapter records follow-ups. */
  get #followsUp(): boolean {
    return typeof this.adapter?.vehicles?.followUp === 'function';
  }

  #want(w: VehicleWant): VehicleWant {
    return this.followUps?.current(w) ?? w;
  }

  #due(w: VehicleWant, now: number): boolean {
    return !!followUpState(this.#want(w), now, this.#days)?.due;
  }

  #onFilter(event: Event): void {
    this.filter = (event.target as HTMLInputElement).value;
  }

  #visible(report: Report, now: number): WantGroup[] {
    const text = this.filter.trim();
    const groups = text ? report.groups.filter((g) => groupMatches(g, text)) : report.groups;
    if (!this.dueOnly || !this.#followsUp) return groups;
    return groups
      .map((g) => {
        const wants = g.wants.filter((w) => this.#due(w, now));
        return { ...g, wants, buyers: new Set(wants.map((w) => w.customerId)).size };
      })
      .filter((g) => g.wants.length);
  }

  #print(): void {
    window.print();
  }

  async #export(report: Report): Promise<void> {
    const groups = this.#visible(report, this.#instant());
    const rows = groups.reduce((n, g) => n + g.wants.length, 0);
    const fileName = `needed-vehicles-${new Date().toISOString().slice(0, 10)}.csv`;
    // The CSV writer (papaparse) loads with the first export, not with the list.
    const { formatWantsCsv } = await import('../../data/logic/vehicles-export.js');
    const content = formatWantsCsv(groups);
    if (this.emit(FC_EXPORT, { format: 'csv', filename: fileName, content, rows }, { cancelable: true })) {
      downloadBlob(this.renderRoot, new Blob([content], { type: 'text/csv;charset=utf-8' }), fileName);
      this.exportMessage = this.inLocale(() => t('exported', formatCount(rows)));
    }
    this.emit(FC_WANTS_EXPORT, { rows, fileName });
  }

  #toggleStock(): void {
    this.stockOpen = !this.stockOpen;
    if (this.stockOpen && !this.stock) {
      void import('./needed-vehicles.stock.js').then((m) => {
        this.stock = new m.StockMatcher(this, { defineMessages, formatCount, formatMoney });
      });
    }
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
      }) : loadingView(5)}
      ${this.followUps?.dialog() ?? nothing}`;
  }

  /** A want's follow-up cell: the due mark (text, not colour alone), then the lazy part's note, state and actions. */
  #followCell(w: VehicleWant, zone: string, now: number) {
    const want = this.#want(w);
    const state = followUpState(want, now, this.#days);
    const days = state ? formatCount(state.days) : '';
    const mark = !state
      ? nothing
      : state.due
        ? html`<strong class="due" part="due">${t(state.never ? 'dueNever' : 'due', state.days, days)}</strong>`
        : html`<span>${want.lastContactAt ? t('contacted', formatDate(want.lastContactAt, zone)) : t('notContacted')}</span>`;
    return html`${mark}${this.followUps?.cell(want, this.#followsUp) ?? nothing}`;
  }

  #instant(): number {
    const at = this.now ? Date.parse(this.now) : Number.NaN;
    return Number.isNaN(at) ? Date.now() : at;
  }

  #reportView(report: Report, zone: string) {
    const now = this.#instant();
    const groups = this.#visible(report, now);
    const buyers = new Set(report.groups.flatMap((g) => g.wants.map((w) => w.customerId))).size;
    const follows = this.#followsUp;
    const due = follows ? report.groups.reduce((n, g) => n + g.wants.filter((w) => this.#due(w, now)).length, 0) : 0;
    return html`<div class="toolbar" part="toolbar">
        <label>
          ${t('filterLabel')}
          <input type="search" .value=${this.filter} @input=${this.#onFilter} autocomplete="off" />
        </label>
        ${follows
          ? html`<label class="check"><input type="checkbox" .checked=${this.dueOnly} @change=${(e: Event) => (this.dueOnly = (e.target as HTMLInputElement).checked)} />
              ${t('dueOnly')}</label>`
          : nothing}
        <button type="button" class="fc-button" @click=${this.#print}>${t('print')}</button>
        <button type="button" class="fc-button" @click=${() => void this.#export(report)}>${t('exportCsv')}</button>
        <button type="button" class="fc-button" aria-expanded=${this.stockOpen ? 'true' : 'false'} @click=${this.#toggleStock}>${t('matchStock')}</button>
        <p class="fc-visually-hidden" role="status">${this.exportMessage} ${this.followUps?.announcement ?? ''}</p>
      </div>
      ${this.stockOpen ? (this.stock?.view(report.groups.flatMap((g) => g.wants)) ?? loadingView(3)) : nothing}
      <p class="summary">${t('summary', formatCount(buyers), formatCount(report.groups.length))}${follows ? html` <span class="due-count">${t('dueCount', due, formatCount(due))}</span>` : nothing}</p>
      ${report.loaded < report.total ? html`<p class="partial">${t('partial', formatCount(report.loaded), formatCount(report.total))}</p>` : nothing}
      ${groups.length
        ? groups.map((g, i) => groupView(g, i, zone, follows ? (w) => this.#followCell(w, zone, now) : null))
        : emptyView(this.dueOnly && follows && !this.filter.trim() ? t('dueEmpty') : t('filterEmpty', this.filter.trim()))}`;
  }
}
