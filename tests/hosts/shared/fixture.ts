/**
 * What every host page stands on: the small seeded dataset, a memory adapter over it (handed to
 * the widgets as a property, no server), and for each widget the attributes and properties that
 * point it at days holding data, with a text from the data it must show once loaded
 * (`data-expect`, read by `scripts/check-hosts.mjs`).
 */
import { DateTime } from 'luxon';
import type { ForecourtAdapter } from '../../../src/data/adapter.js';
import { generateDataset } from '../../../src/data/demo-data.js';
import { buildLeadQueue } from '../../../src/data/logic/lead-queue.js';
import { WANT_STATUS } from '../../../src/data/logic/vehicles.js';
import { createMemoryAdapter } from '../../../src/data/memory-adapter.js';
import type { Dataset } from '../../../src/data/model.js';

/** Every tag a host page can render with data, `fc-data-provider` aside (it renders only its slot). */
export const WIDGET_TAGS = [
  'fc-customer-list',
  'fc-deleted-customers',
  'fc-lead-clock',
  'fc-lead-queue',
  'fc-lead-response-report',
  'fc-mapping-warning',
  'fc-needed-vehicles',
  'fc-sms-history',
  'fc-sms-import',
  'fc-sms-summary',
  'fc-source-mapping-editor',
  'fc-source-report',
  'fc-store-traffic',
  'fc-trade-in-alert',
] as const;

export type WidgetTag = (typeof WIDGET_TAGS)[number];

/** How a page sets up one widget: attributes (strings, as markup would) and properties (objects). */
export interface WidgetSetup {
  attributes: Record<string, string>;
  properties: Record<string, unknown>;
}

export interface HostFixture {
  dataset: Dataset;
  /** The memory adapter every widget on the page shares. */
  adapter: ForecourtAdapter;
  /** The setup of each widget, `data-expect` among its attributes. */
  setups: Record<WidgetTag, WidgetSetup>;
}

/** The dealer's tenant and user, for the widgets that remember a choice per shop and person. */
export const TENANT = 'host-shop';
export const USER = 'host-advisor';

/**
 * The dataset, its adapter and every widget's setup.
 * @returns A fresh fixture; each call has its own adapter (its own copy of the data).
 */
export function createHostFixture(): HostFixture {
  const dataset = generateDataset({ size: 'small' });
  const adapter = createMemoryAdapter(dataset, { user: USER });
  const zone = dataset.dealer.zone;
  const today = DateTime.fromISO(dataset.today, { zone });
  const monthStart = today.startOf('month').toISODate()!;
  const lastMonth = today.minus({ months: 1 });
  const day = (iso: string) => DateTime.fromISO(iso, { zone }).toISODate()!;

  const board = dataset.board.find((b) => b.date === dataset.today);
  const want = dataset.wants.find((w) => w.customerStatus === WANT_STATUS && w.model);
  const lead = dataset.leads.at(-1);
  const reportNow = `${dataset.today}T17:00:00Z`;
  const reportLead = dataset.leads.filter((l) => day(l.receivedAt) >= monthStart && l.receivedAt <= reportNow).at(-1);
  const deletedFrom = today.minus({ days: 89 }).toISODate()!;
  const deleted = dataset.deleted.filter((d) => !d.restoredAt && day(d.deletedAt) >= deletedFrom).at(-1);
  const source = dataset.sources.find((s) => !s.deleted);
  const category = dataset.categories.find((c) => dataset.sources.some((s) => s.categoryId === c.id && !s.deleted));
  const smsFrom = lastMonth.startOf('month').toISODate()!;
  // A text with an error code, and the history filtered to its status, so the first rows carry codes (the overflow page opens an error's tooltip).
  const sms = dataset.sms.filter((m) => m.errorCode && day(m.sentAt) >= smsFrom && day(m.sentAt) <= dataset.today).at(-1);
  const traffic = dataset.traffic.find((e) => day(e.at) >= monthStart);
  // The queue runs on the real time: it reads back from today to 90 days before the dataset's day,
  // where leads never answered are overdue (now, as on that day).
  const queueFrom = today.minus({ days: 90 }).toISODate()!;
  const queueDays = Math.max(0, Math.ceil((Date.now() - today.toMillis()) / 86_400_000)) + 90;
  const queued = buildLeadQueue(
    dataset.leads.filter((l) => day(l.receivedAt) >= queueFrom && day(l.receivedAt) <= dataset.today),
    dataset.rules,
    dataset.dealer,
    reportNow,
  ).find((r) => r.state.status === 'overdue');
  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the host dataset has no ${what}`);
    return value;
  };

  const setup = (attributes: Record<string, string>, properties: Record<string, unknown> = {}): WidgetSetup => ({ attributes, properties });
  const setups: Record<WidgetTag, WidgetSetup> = {
    'fc-customer-list': setup({ date: dataset.today, 'refresh-interval': '0', 'data-expect': required(board, "today's board").customerName }),
    'fc-deleted-customers': setup({ from: deletedFrom, to: dataset.today, 'data-expect': required(deleted, 'deleted customer').customerName }),
    'fc-lead-clock': setup({ 'data-expect': required(lead, 'lead').customerName }, { lead }),
    'fc-lead-queue': setup({ 'lookback-days': String(queueDays), 'refresh-interval': '0', 'data-expect': required(queued, 'overdue lead').lead.customerName }),
    // The Summary view, where the charts are: its salesperson table names the lead's salesperson.
    'fc-lead-response-report': setup({
      from: monthStart,
      to: dataset.today,
      now: reportNow,
      view: 'summary',
      'data-expect': required(reportLead, "this month's lead").salespersonName ?? 'Unassigned',
    }),
    'fc-mapping-warning': setup({ tenant: TENANT, user: USER, 'data-expect': 'mapped' }),
    'fc-needed-vehicles': setup({ 'data-expect': required(want, 'wanted vehicle').customerName }),
    'fc-sms-history': setup({
      filter: `from=${smsFrom}&to=${dataset.today}&status=${required(sms, 'text message with an error code').status}`,
      'data-expect': required(sms, 'text message').customerName ?? required(sms, 'text message').to,
    }),
    'fc-sms-import': setup({ 'data-expect': 'CSV' }),
    'fc-sms-summary': setup({ from: smsFrom, to: dataset.today, 'data-expect': 'Delivered' }),
    'fc-source-mapping-editor': setup({ 'data-expect': required(source, 'PoS source').name }),
    'fc-source-report': setup({ today: dataset.today, from: monthStart, to: dataset.today, 'data-expect': required(category, 'source category').name }),
    'fc-store-traffic': setup({
      from: monthStart,
      to: dataset.today,
      path: 'groupBy=department',
      'data-expect': required(traffic, 'store visit').department,
    }),
    'fc-trade-in-alert': setup(
      { 'data-expect': required(want, 'wanted vehicle').customerName },
      { vehicle: want ? { year: want.yearTo, make: want.make, model: want.model, trim: want.trim, color: want.color, mileage: 30_000 } : null },
    ),
  };
  return { dataset, adapter, setups };
}

/**
 * A widget built with plain DOM calls, the way a page without a framework embeds it.
 * @param tag The widget's tag.
 * @param fixture The page's fixture.
 * @param options `adapter: false` leaves the adapter to an enclosing `<fc-data-provider>`.
 */
export function createWidget(tag: WidgetTag, fixture: HostFixture, options: { adapter?: boolean } = {}): HTMLElement {
  const el = document.createElement(tag);
  const { attributes, properties } = fixture.setups[tag];
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  Object.assign(el, properties);
  if (options.adapter !== false) Object.assign(el, { adapter: fixture.adapter });
  return el;
}
