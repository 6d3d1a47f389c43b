import type { TradeInVehicle, WantMatch } from '../../data/model.js';

/** Customers were found who want a trade-in the widget had not announced yet. */
export const FC_TRADE_IN_MATCH = 'fc-trade-in-match';

export interface TradeInMatchDetail {
  /** The trade-in as set on the widget. */
  vehicle: TradeInVehicle;
  /** The matching wants, best first (never empty). */
  matches: WantMatch[];
}

declare global {
  interface HTMLElementEventMap {
    'fc-trade-in-match': CustomEvent<TradeInMatchDetail>;
  }
}
