/**
 * How each widget is put on the page for its screenshots: the same seeded data for all, every
 * date, range and zone pinned (nothing reads the real clock), and what to photograph when it is
 * not the widget's frame. A widget added to the suite needs a case here: the visual test fails
 * for every `fc-*` tag the package defines that has none.
 */
import '../../src/components/customer-list/fc-customer-list.js';
import '../../src/components/deleted-customers/fc-deleted-customers.js';
import '../../src/components/lead-clock/fc-lead-clock.js';
import '../../src/components/lead-queue/fc-lead-queue.js';
import '../../src/components/lead-response-report/fc-lead-response-report.js';
import '../../src/components/mapping-warning/fc-mapping-warning.js';
import '../../src/components/needed-vehicles/fc-needed-vehicles.js';
import '../../src/components/sms-history/fc-sms-history.js';
import '../../src/components/sms-import/fc-sms-import.js';
import '../../src/components/sms-summary/fc-sms-summary.js';
import '../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import '../../src/components/source-report/fc-source-report.js';
import '../../src/components/store-traffic/fc-store-traffic.js';
import '../../src/components/trade-in-alert/fc-trade-in-alert.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { Dataset, TradeInVehicle } from '../../src/data/model.js';

/** The day the data is "as of", and the instant every clock shows (11:00 in the dealer's zone). */
export const TODAY = '2026-11-23';
export const NOW = '2026-11-23T17:00:00Z';

/** The seeded data behind every screenshot. */
export const dataset: Dataset = generateDataset({ size: 'small', today: TODAY, seed: 1 });

/** The dealer's zone: the widgets' `time-zone` and the zone the test page runs in. */
export const ZONE = dataset.dealer.zone;

const MONTH = { from: '2026-11-01', to: '2026-11-30' };

/** One widget's screenshot setup. */
export interface VisualCase<K extends keyof HTMLElementTagNameMap> {
  /** Gives the unconnected widget its data and pins what would follow the clock or the browser. */
  setup(el: HTMLElementTagNameMap[K], adapter: ForecourtAdapter): void;
  /** What to photograph instead of the widget's frame (a modal dialog sits in the top layer). */
  target?(el: HTMLElementTagNameMap[K]): Element | null | undefined;
}

/** The widgets the screenshots cover: every `fc-*` tag that renders something of its own. */
export type VisualTag =
  | 'fc-customer-list'
  | 'fc-deleted-customers'
  | 'fc-lead-clock'
  | 'fc-lead-queue'
  | 'fc-lead-response-report'
  | 'fc-mapping-warning'
  | 'fc-needed-vehicles'
  | 'fc-sms-history'
  | 'fc-sms-import'
  | 'fc-sms-summary'
  | 'fc-source-mapping-editor'
  | 'fc-source-report'
  | 'fc-store-traffic'
  | 'fc-trade-in-alert';

/** Tags the package defines that draw nothing themselves, so have no screenshots. */
export const NOT_DRAWN = ['fc-data-provider'];

/** A trade-in some waiting buyer wants, so the alert shows its matches. */
function wantedTradeIn(): TradeInVehicle {
  const want = dataset.wants.find((w) => w.model);
  if (!want) throw new Error('the seeded data has no vehicle wants');
  return { year: want.yearTo, make: want.make, model: want.model, trim: want.trim, color: want.color, mileage: 30_000 };
}

/** Every case by tag. */
export const VISUAL_CASES: { [K in VisualTag]: VisualCase<K> } = {
  'fc-customer-list': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.date = TODAY;
      el.refreshInterval = 0;
    },
  },
  'fc-deleted-customers': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.from = '2026-10-25';
      el.to = TODAY;
      el.timeZone = ZONE;
    },
  },
  'fc-lead-clock': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.leadId = dataset.leads[0]!.id;
    },
  },
  // Its time is the lead clocks' (`setLeadClockTime(() => NOW)` in the tests). The small dataset's
  // last week holds only answered leads: 90 days back, the leads never answered are overdue.
  'fc-lead-queue': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.lookbackDays = 90;
      el.refreshInterval = 0;
    },
  },
  'fc-lead-response-report': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.now = NOW;
      el.from = MONTH.from;
      el.to = MONTH.to;
    },
  },
  'fc-mapping-warning': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.tenant = 'visual';
      el.user = 'visual';
    },
    target: (el) => el.shadowRoot?.querySelector('dialog'),
  },
  'fc-needed-vehicles': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.now = NOW;
    },
  },
  'fc-sms-history': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.filter = `from=${MONTH.from}&to=${MONTH.to}`;
      el.timeZone = ZONE;
    },
  },
  'fc-sms-import': {
    setup(el, adapter) {
      el.adapter = adapter;
    },
  },
  'fc-sms-summary': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.from = MONTH.from;
      el.to = MONTH.to;
      el.timeZone = ZONE;
    },
  },
  'fc-source-mapping-editor': {
    setup(el, adapter) {
      el.adapter = adapter;
    },
  },
  'fc-source-report': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.today = TODAY;
      el.from = MONTH.from;
      el.to = MONTH.to;
    },
  },
  'fc-store-traffic': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.from = MONTH.from;
      el.to = MONTH.to;
      el.timeZone = ZONE;
    },
  },
  'fc-trade-in-alert': {
    setup(el, adapter) {
      el.adapter = adapter;
      el.vehicle = wantedTradeIn();
    },
  },
};
