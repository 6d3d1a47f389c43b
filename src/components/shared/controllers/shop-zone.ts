/**
 * The shop's IANA zone for a widget that shows times of day or takes "today": the widget's
 * `time-zone` when that is a zone, else the dealer profile's (`leads.dealer().zone`, read once per
 * adapter), else the viewer's (no `leads` part, a failed read, no zone in the profile).
 */
import type { ReactiveControllerHost } from 'lit';
import type { ForecourtAdapter } from '../../../data/adapter.js';
import { isValidZone } from '../../../data/logic/calendar.js';
import { QueryController } from './query.js';
import { viewerZone } from '../zone.js';

export { isForeignZone, viewerZone } from '../zone.js';

export class ShopZoneController {
  readonly #adapter: () => ForecourtAdapter | undefined;
  readonly #given: () => string;
  readonly #dealer: QueryController<'leads', readonly [string], string>;

  /**
   * @param host The widget.
   * @param options `adapter`: the widget's adapter; `zone`: its `time-zone` property.
   */
  constructor(host: ReactiveControllerHost, options: { adapter: () => ForecourtAdapter | undefined; zone: () => string }) {
    this.#adapter = options.adapter;
    this.#given = options.zone;
    this.#dealer = new QueryController(host, {
      adapter: options.adapter,
      requires: ['leads'],
      domains: [],
      args: () => [options.zone()] as const,
      idle: ([zone]) => isValidZone(zone),
      read: async (adapter, _args, { signal }) => {
        const dealer = await adapter.leads.dealer({ signal });
        return isValidZone(dealer?.zone) ? dealer.zone : viewerZone();
      },
    });
  }

  /** The zone in use; '' while the dealer's is being read. */
  get zone(): string {
    const given = this.#given();
    if (isValidZone(given)) return given;
    if (!this.#adapter()?.leads) return viewerZone();
    return this.#dealer.value ?? (this.#dealer.error === undefined ? '' : viewerZone());
  }
}
