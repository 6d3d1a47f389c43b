import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { TradeInVehicle, WantMatch } from '../../data/model.js';
import { resolveTradeIn } from '../../data/logic/vehicles.js';
import type { ResolvedTradeIn } from '../../data/logic/vehicles.js';
import { stableJson } from '../../data/logic/stable-json.js';
import { adapterContext } from '../shared/adapter-context.js';
import { QueryController } from '../shared/controllers/query.js';
import { ScrollHintController, scrollHintStyles } from '../shared/controllers/scroll-hint.js';
import { ShopZoneController } from '../shared/controllers/shop-zone.js';
import { FcElement } from '../shared/fc-element.js';
import { formatCount } from '../shared/messages.js';
import { emptyView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { FC_TRADE_IN_MATCH } from './trade-in-alert.events.js';
import { t } from './trade-in-alert.messages.js';
import { styles } from './trade-in-alert.styles.js';
import { criteriaView, describeVehicle, describeWant, formatDate, vinView } from './trade-in-alert.view.js';

type Result =
  | { kind: 'none' }
  | { kind: 'no-make'; resolved: ResolvedTradeIn }
  | { kind: 'matches'; key: string; vehicle: TradeInVehicle; matches: WantMatch[] };

/**
 * The trade-in alert: given the vehicle being taken in on trade, the customers with status
 * "Need Car Locate" who want it, ranked as the adapter sends them (exact matches first, then more
 * criteria met, newest want first), each with how close it is ("Exact match", "Close match,
 * 81%"), why its make, model and trim matched ("'Chevy' is another name for Chevrolet", "'Silverado'
 * ≈ 'Silverado 1500'") when the adapter says, and how every criterion matched. A VIN alone is enough when its maker is a common North-American
 * one: the model year and make are read from it and shown; otherwise the widget says why it
 * cannot read them. The number of matches is announced in a polite live region, and
 * `fc-trade-in-match` lets the host raise its own alert. The list is read again when wants or
 * customers change.
 *
 * `fc-trade-in-match` is the one event that follows data rather than a click: it fires once per
 * trade-in (by value) when customers are found, so a host can alert whoever is appraising it.
 *
 * @customElement fc-trade-in-alert
 * @fires fc-trade-in-match - Customers were found who want a new trade-in. Detail: `{ vehicle, matches }`.
 * @csspart title - The heading.
 * @csspart vehicle - The trade-in in one line.
 * @csspart vin - What the VIN tells (year, make, check digit) or why it cannot be read.
 * @csspart table - The matching customers.
 * @csspart closeness - How close one match is, in words ("Exact match", "Close match, 81%").
 * @csspart reasons - One match's list of why its make, model and trim matched.
 * @csspart criteria - One match's list of criteria and outcomes.
 * @csspart state - Loading, empty, unsupported and error states (with `loading`, `empty`, `unsupported`, `error`).
 * @csspart retry-button - Retry in the error state.
 * @cssproperty --fc-trade-in-alert-met-color - Mark and text of a met criterion.
 * @cssproperty --fc-trade-in-alert-not-met-color - Mark and text of a criterion not met.
 * @cssproperty --fc-trade-in-alert-accent - The edge that flags a trade-in customers want.
 */
export class FcTradeInAlert extends FcElement {
  static override styles = [tokens, shared, stateStyles, scrollHintStyles, styles];

  /** The adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The vehicle being taken in on trade: `vin`, `year`, `make`, `model`, `trim`, `color`, `mileage` (and `price`, in cents). */
  @property({ attribute: false }) vehicle: TradeInVehicle | null = null;

  /** IANA zone of the dates shown; empty for the dealer's (`leads.dealer()`), else the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** What the live region says now. */
  @state() private announcement = '';

  /** The trade-in (by value) whose matches were last sent in `fc-trade-in-match`. */
  #announced = '';

  constructor() {
    super();
    // Marks the table's scroll box while columns are hidden past the edge.
    new ScrollHintController(this);
  }

  readonly #zone = new ShopZoneController(this, { adapter: () => this.adapter, zone: () => this.timeZone });

  /** The matches of the vehicle; read again when wants or customers change. */
  readonly #matches = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['vehicles'],
    domains: ['vehicles', 'customers'],
    args: () => [this.vehicle] as const,
    read: async (adapter, [vehicle], { signal }): Promise<Result> => {
      if (!vehicle || typeof vehicle !== 'object') return { kind: 'none' };
      const resolved = resolveTradeIn(vehicle);
      if (!resolved.makes.length) return { kind: 'no-make', resolved };
      // Send what the VIN told too, so a server that does not read VINs still gets a year and (unambiguous) make.
      const request: TradeInVehicle = {
        ...vehicle,
        year: resolved.year,
        make: resolved.makes.length === 1 ? resolved.makes[0] : vehicle.make,
      };
      const matches = await adapter.vehicles.matchTradeIn(request, { signal });
      return { kind: 'matches', key: stableJson(vehicle), vehicle, matches: Array.isArray(matches) ? matches : [] };
    },
    onValue: (result) => this.#completed(result),
    onError: () => {
      this.announcement = '';
    },
  });

  #completed(result: Result): void {
    if (result.kind === 'none') {
      this.announcement = '';
      return;
    }
    if (result.kind === 'no-make') {
      this.announcement = this.inLocale(() => t('announceUndecodable'));
      return;
    }
    const n = result.matches.length;
    this.announcement = this.inLocale(() => n ? t('announceMatches', n, formatCount(n)) : t('announceNone'));
    if (n && result.key !== this.#announced) {
      this.#announced = result.key;
      this.emit(FC_TRADE_IN_MATCH, { vehicle: result.vehicle, matches: result.matches });
    }
  }

  protected override render() {
    if (!this.adapter?.vehicles) return unsupportedView('vehicles');
    const vehicle = this.vehicle && typeof this.vehicle === 'object' ? this.vehicle : null;
    const resolved = vehicle ? resolveTradeIn(vehicle) : null;
    const line = vehicle && resolved ? describeVehicle(vehicle, resolved) : '';
    return html`<section class="alert" aria-labelledby="title">
      <h2 id="title" part="title">${t('title')}</h2>
      ${line ? html`<p class="vehicle" part="vehicle">${line}</p>` : nothing}
      ${resolved ? vinView(resolved) : nothing}
      ${this.#zone.zone ? this.#matches.render({ complete: (result) => this.#resultView(result), lines: 3 }) : loadingView(3)}
      <p class="fc-visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</p>
    </section>`;
  }

  #resultView(result: Result) {
    if (result.kind === 'none') return emptyView(t('noVehicle'));
    if (result.kind === 'no-make') return emptyView(result.resolved.vin ? t('undecodable') : t('noMake'));
    if (!result.matches.length) return emptyView(t('noMatches'));
    // The make read from the VIN goes to the server as if typed; say where it came from.
    const makeFromVin = !result.vehicle.make?.trim();
    // A group, not a region: the alert's section is already the region of that name.
    return html`<div class="fc-scroll fc-scroll--two" role="group" aria-label=${t('title')}><table class="fc-table" part="table">
      <caption class="fc-visually-hidden">${t('title')}</caption>
      <thead>
        <tr>
          <th scope="col" class="fc-num">${t('colRank')}</th>
          <th scope="col">${t('colCustomer')}</th>
          <th scope="col">${t('colWants')}</th>
          <th scope="col">${t('colMatch')}</th>
          <th scope="col">${t('colSince')}</th>
        </tr>
      </thead>
      <tbody>
        ${result.matches.map(
          (m, i) => html`<tr>
            <td class="fc-num">${t('rank', formatCount(i + 1))}</td>
            <th scope="row" class="customer">
              ${m.want.customerName}
              ${m.want.salespersonName ? html`<span class="muted">${t('salesperson', m.want.salespersonName)}</span>` : nothing}
            </th>
            <td>${describeWant(m.want)}</td>
            <td>${criteriaView(m, makeFromVin)}</td>
            <td>${formatDate(m.want.createdAt, this.#zone.zone)}</td>
          </tr>`,
        )}
      </tbody>
    </table></div>`;
  }
}
