/**
 * The widgets that only read, under chaos. Each session ends showing data, or an error whose
 * Retry works once the faults stop (the driver clicks it).
 *
 * - `<fc-sms-history>`: filters (dates, direction, status, category, text, employee, customer),
 *   the advanced filter, sort, scrolling the virtual table (pages load as they come into view),
 *   keyboard in the grid, a message's details and its "only this" filters, CSV export.
 * - `<fc-sms-summary>`: the host's filter and period change, categories picked in the table.
 * - `<fc-store-traffic>`: drill-downs from the table and the chart, the breadcrumb back up,
 *   group-by and stack-by, the heatmap, the range, CSV export.
 * - `<fc-trade-in-alert>`: the vehicle being taken in (by make and model, by VIN, undecodable),
 *   as the host's trade-in form sets it.
 * - `<fc-lead-clock>`: the lead shown changes (given whole, or by id for the widget to read).
 */
import '../../../../src/components/sms-history/fc-sms-history.js';
import '../../../../src/components/sms-summary/fc-sms-summary.js';
import '../../../../src/components/store-traffic/fc-store-traffic.js';
import '../../../../src/components/trade-in-alert/fc-trade-in-alert.js';
import '../../../../src/components/lead-clock/fc-lead-clock.js';
import '../../../../src/components/lead-queue/fc-lead-queue.js';
import type { Lead, SmsFilter, TradeInVehicle } from '../../../../src/data/model.js';
import type { Action, Session, SessionRun } from '../harness.js';
import { deepQueryAll, explore, isVisible, keyboard, monthDates, retryLoad, revisit, showsError, showsLoading, signIn } from '../harness.js';

function create(tag: string, adapter: unknown, props: Record<string, unknown> = {}): HTMLElement {
  const el = document.createElement(tag);
  Object.assign(el, { adapter, ...props });
  document.body.append(el);
  return el;
}

/** A host's change of the widget: a property set from outside, as a page's own controls would. */
function hostChange(name: string, weight: number, change: (s: SessionRun) => void): Action {
  return {
    name,
    weight,
    async run(s) {
      change(s);
      return true;
    },
  };
}

/** Settled: nothing loading, no error, and `content` on screen. */
const settledWith = (content: string) => (s: SessionRun) =>
  !showsLoading(s.root) && !showsError(s.root) && deepQueryAll(s.root, content).some(isVisible);

// ───────────────────────────── SMS history ─────────────────────────────

/** Scrolls the virtual table somewhere: rows load as they come into view. */
const scrollTable: Action = {
  name: 'scroll',
  weight: 3,
  async run(s) {
    const scroller = s.root.querySelector<HTMLElement>('[part~="scroller"]');
    if (!scroller || scroller.scrollHeight <= scroller.clientHeight) return false;
    scroller.scrollTop = s.rng.int(scroller.scrollHeight);
    scroller.dispatchEvent(new Event('scroll'));
    return true;
  },
};

export const smsHistorySession: Session = {
  tag: 'fc-sms-history',
  writes: false,
  mount(s, adapter) {
    const today = s.server.dataset.today;
    const el = create('fc-sms-history', adapter, { pageSize: 40 });
    el.setAttribute('filter', `from=${monthDates(today, 3)[4]}&to=${today}`);
    return el;
  },
  actions: [
    explore({ words: ['late', 'ready', 'Hi', '555', 'zz', ''] }, 10),
    keyboard({}, 3, ['ArrowDown', 'ArrowUp', 'PageDown', 'Home', 'End', 'Enter', 'Escape', 'Tab']),
    scrollTable,
    retryLoad(4),
    revisit(1),
    signIn(1),
  ],
  showsData: settledWith('[role="grid"], [part~="empty"]'),
};

// ───────────────────────────── SMS summary ─────────────────────────────

const SMS_FIELDS = ['direction', 'status', 'errorCategory'] as const;

export const smsSummarySession: Session = {
  tag: 'fc-sms-summary',
  writes: false,
  mount(s, adapter) {
    const today = s.server.dataset.today;
    return create('fc-sms-summary', adapter, { from: `${today.slice(0, 8)}01`, to: today, timeZone: s.server.dataset.dealer.zone });
  },
  actions: [
    explore({}, 6),
    hostChange('host-period', 3, (s) => {
      const dates = monthDates(s.server.dataset.today);
      const el = s.el as HTMLElement & { from: string; to: string };
      const i = 2 * s.rng.int(dates.length / 2 - 1);
      el.from = dates[i]!;
      el.to = s.rng.chance(0.9) ? dates[i + 1]! : dates[0]!;
    }),
    hostChange('host-filter', 3, (s) => {
      const el = s.el as HTMLElement & { filter?: Partial<SmsFilter> };
      const field = s.rng.pick(SMS_FIELDS)!;
      const values: Record<string, string[]> = {
        direction: ['inbound', 'outbound'],
        status: ['delivered', 'failed', 'undelivered'],
        errorCategory: ['invalid-number', 'carrier-filtered', 'opted-out'],
      };
      el.filter = s.rng.chance(0.3) ? undefined : ({ [field]: s.rng.pick(values[field]!) } as Partial<SmsFilter>);
    }),
    keyboard({}, 1, ['Tab', 'Enter']),
    retryLoad(4),
    revisit(1),
    signIn(1),
  ],
  showsData: settledWith('[part~="metric"], [part~="empty"]'),
};

// ───────────────────────────── store traffic ─────────────────────────────

export const storeTrafficSession: Session = {
  tag: 'fc-store-traffic',
  writes: false,
  mount(s, adapter) {
    const today = s.server.dataset.today;
    const el = create('fc-store-traffic', adapter, { from: monthDates(today)[6]!, to: today, timeZone: s.server.dataset.dealer.zone });
    el.addEventListener('fc-traffic-export', (e) => e.preventDefault());
    return el;
  },
  actions: [
    explore({}, 10),
    keyboard({}, 3, ['Enter', ' ', 'Tab', 'ArrowDown', 'ArrowRight', 'Escape']),
    retryLoad(4),
    revisit(1),
    signIn(1),
  ],
  showsData: settledWith('table, [part~="empty"]'),
};

// ───────────────────────────── trade-in alert ─────────────────────────────

/** A trade-in like one a wanted vehicle, one with only a VIN, or one nobody wants. */
function tradeIn(s: SessionRun): TradeInVehicle | null {
  const want = s.rng.pick(s.server.dataset.wants)!;
  switch (s.rng.int(6)) {
    case 0:
      return null;
    case 1:
      return { vin: s.rng.pick(['1FTFW1E50MFA12345', '2T1BURHE0JC012345', 'JHMCM56557C404453', 'XXXXXXXXXXXXXXXXX'])! };
    case 2:
      return { make: 'Edsel', model: 'Citation', year: 1958 };
    default:
      return { make: want.make, model: want.model, year: want.yearFrom ?? undefined, mileage: 40_000 + s.rng.int(60_000) };
  }
}

export const tradeInAlertSession: Session = {
  tag: 'fc-trade-in-alert',
  writes: false,
  mount(s, adapter) {
    return create('fc-trade-in-alert', adapter, { vehicle: tradeIn(s) ?? { make: 'Ford', model: 'F-150' } });
  },
  actions: [
    hostChange('host-vehicle', 8, (s) => {
      (s.el as HTMLElement & { vehicle: TradeInVehicle | null }).vehicle = tradeIn(s);
    }),
    explore({}, 3),
    keyboard({}, 1, ['Tab', 'Enter']),
    retryLoad(4),
    revisit(1),
    signIn(1),
  ],
  showsData: (s) => !showsLoading(s.root) && !showsError(s.root) && !!s.root.querySelector('section.alert'),
};

// ───────────────────────────── lead clock ─────────────────────────────

function pickLead(s: SessionRun): Lead {
  return s.rng.pick(s.server.dataset.leads)!;
}

export const leadClockSession: Session = {
  tag: 'fc-lead-clock',
  writes: false,
  mount(s, adapter) {
    return create('fc-lead-clock', adapter, { lead: pickLead(s) });
  },
  actions: [
    hostChange('host-lead', 6, (s) => {
      const el = s.el as HTMLElement & { lead?: Lead; leadId: string };
      if (s.rng.chance(0.4)) {
        el.lead = undefined;
        el.leadId = pickLead(s).id;
      } else {
        el.leadId = '';
        el.lead = pickLead(s);
      }
    }),
    explore({}, 2),
    keyboard({}, 1, ['Tab']),
    retryLoad(4),
    revisit(2),
    signIn(1),
  ],
  showsData: (s) => !showsLoading(s.root) && !showsError(s.root) && !!s.root.textContent?.trim(),
};

export const leadQueueSession: Session = {
  tag: 'fc-lead-queue',
  writes: false,
  mount(_s, adapter) {
    return create('fc-lead-queue', adapter, {});
  },
  actions: [explore({}, 2), keyboard({}, 1, ['Tab']), retryLoad(4), revisit(2), signIn(1)],
  showsData: (s) => !showsLoading(s.root) && !showsError(s.root) && !!s.root.textContent?.trim(),
};
