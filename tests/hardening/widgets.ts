/**
 * Every Forecourt widget, for the hardening tests: one static import per define module
 * (`src/components/<widget>/fc-<widget>.ts`, Vite- and esbuild-friendly), and per tag how to
 * give it data and how to open the parts that show more of it. `WIDGETS` is keyed by every
 * `fc-` tag in `HTMLElementTagNameMap`, so a widget that declares its tag and is missing here
 * does not compile; `widgets.test.ts` also checks this list against the package's define modules.
 */
import { aTimeout, fixture, html } from '@open-wc/testing';
import '../../src/components/customer-list/fc-customer-list.js';
import '../../src/components/data-provider/fc-data-provider.js';
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
import type { SmsMessage, TradeInVehicle } from '../../src/data/model.js';
import { visibleText } from './corpus.js';

/** Every `fc-` tag the program declares. */
export type FcTag = Extract<keyof HTMLElementTagNameMap, `fc-${string}`>;

/** What a widget is given: the adapter, and the inputs some widgets need besides it. */
export interface WidgetInput {
  adapter: ForecourtAdapter;
  /** The day the data is "as of"; ranges are built around it. */
  today: string;
  /** The lead `fc-lead-clock` shows. */
  leadId: string;
  /** The vehicle `fc-trade-in-alert` matches. */
  vehicle: TradeInVehicle;
  /** Messages `fc-sms-import` is given in a Twilio CSV file. */
  sms: readonly SmsMessage[];
  /** The name of that file. */
  fileName: string;
}

/** How one widget is tested. */
export interface WidgetCase {
  /** Sets the element up before it connects. */
  setup(el: HTMLElement, input: WidgetInput): void;
  /**
   * Opens the parts that show more data: details panels, dialogs, drill-downs. `look` checks the
   * widget as it is now, for a state the next step leaves (a preview replaced by its result).
   */
  explore?(el: HTMLElement, input: WidgetInput, look: Look): Promise<void>;
  /** Whether it shows text from the adapter's data, so a run can check the data reached the screen. */
  showsData: boolean;
}

/** Checks what the widget shows at this point of its exploration. */
export type Look = () => Promise<void> | void;

type Props = Record<string, unknown>;
const set = (el: HTMLElement, props: Props) => Object.assign(el, props);
const monthStart = (day: string) => `${day.slice(0, 8)}01`;
/** The first day of the month three months before `day`'s. */
const quarterStart = (day: string) => {
  const d = new Date(`${monthStart(day)}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - 3);
  return d.toISOString().slice(0, 10);
};

const root = (el: HTMLElement) => el.shadowRoot!;
const first = <E extends Element = HTMLElement>(el: HTMLElement, selector: string) => root(el).querySelector<E & HTMLElement>(selector);

/** Clicks the first element matching `selector` in the widget, then waits for it to settle. */
async function click(el: HTMLElement, selector: string): Promise<void> {
  const target = first(el, selector);
  if (!target) return;
  target.click();
  await settled(el);
}

/** A Twilio Console CSV of `messages` (header names as the Console writes them). */
export function twilioCsv(messages: readonly SmsMessage[]): string {
  const cell = (s: string | number | null) => `"${String(s ?? '').replaceAll('"', '""')}"`;
  const rows = messages.map((m) =>
    [m.id, m.from, m.to, m.body, m.status, m.direction === 'inbound' ? 'inbound' : 'outbound-api', m.segments, m.errorCode, m.sentAt].map(cell).join(','),
  );
  return ['Sid,From,To,Body,Status,Direction,NumSegments,ErrorCode,SentDate', ...rows].join('\n');
}

/** Every widget by tag; `null` for a tag that is not a widget of the library. */
export const WIDGETS: Record<FcTag, WidgetCase | null> = {
  'fc-customer-list': {
    showsData: true,
    setup: (el, { adapter, today }) => set(el, { adapter, date: today, refreshInterval: 0 }),
    // The source picker lists every source.
    explore: (el) => click(el, 'button[part~="name"]'),
  },
  'fc-data-provider': {
    showsData: false,
    setup: (el, { adapter }) => set(el, { adapter }),
  },
  'fc-deleted-customers': {
    showsData: true,
    setup: (el, { adapter, today }) => set(el, { adapter, from: quarterStart(today), to: today }),
    // Check the first records (a whole customer and a merge leftover) and open the restore dialog.
    explore: async (el) => {
      for (const box of [...root(el).querySelectorAll<HTMLInputElement>('input.check:not(:disabled)')].slice(0, 6)) box.click();
      await settled(el);
      await click(el, '[part~="restore-button"]');
    },
  },
  'fc-demo-overview': null,
  'fc-lead-clock': {
    showsData: true,
    setup: (el, { adapter, leadId }) => set(el, { adapter, leadId }),
  },
  // Shows only the leads still running at the real time now: none of a dataset of past days.
  'fc-lead-queue': {
    showsData: false,
    setup: (el, { adapter }) => set(el, { adapter }),
  },
  'fc-lead-response-report': {
    showsData: true,
    setup: (el, { adapter, today }) => set(el, { adapter, from: quarterStart(today), to: today, now: `${today}T18:00:00Z` }),
    explore: async (el, _input, look) => {
      for (const tab of [...root(el).querySelectorAll<HTMLElement>('[role="tab"]')]) {
        tab.click();
        await settled(el);
        await expandAll(el);
        await look();
      }
    },
  },
  'fc-mapping-warning': {
    showsData: false,
    setup: (el, { adapter }) => set(el, { adapter, tenant: `xss-${crypto.randomUUID()}`, user: 'u', editorHref: 'javascript:window.__xss(-1)' }),
  },
  'fc-needed-vehicles': {
    showsData: true,
    setup: (el, { adapter }) => set(el, { adapter }),
  },
  'fc-sms-history': {
    showsData: true,
    setup: (el, { adapter, today }) => set(el, { adapter, filter: `from=${quarterStart(today)}&to=${today}` }),
    // The details panel of the first message, then the advanced filter's lists.
    explore: async (el, _input, look) => {
      await click(el, '[role="row"][data-index] [role="gridcell"]');
      await look();
      const close = first(el, 'dialog[open] button.close');
      close?.click();
      await settled(el);
    },
  },
  'fc-sms-import': {
    showsData: true,
    setup: (el, { adapter }) => set(el, { adapter }),
    // A Twilio export of the messages, then the import itself.
    explore: async (el, { sms, fileName }, look) => {
      const field = first<HTMLInputElement>(el, 'input[type="file"]');
      if (!field) return;
      const transfer = new DataTransfer();
      transfer.items.add(new File([twilioCsv(sms)], fileName, { type: 'text/csv' }));
      field.files = transfer.files;
      field.dispatchEvent(new Event('change', { bubbles: true }));
      await settled(el);
      await look();
      await click(el, '[part~="import-button"]');
    },
  },
  'fc-sms-summary': {
    showsData: true,
    setup: (el, { adapter, today }) => set(el, { adapter, from: monthStart(today), to: today }),
    explore: (el) => click(el, '[part~="category-button"]'),
  },
  'fc-source-mapping-editor': {
    showsData: true,
    setup: (el, { adapter }) => set(el, { adapter }),
    // Edit the first source (its category picker), then open "Mapping done".
    explore: async (el, _input, look) => {
      await click(el, 'button[data-action="edit"]:not(:disabled)');
      await look();
      await click(el, 'button[data-action="cancel"]');
      await click(el, 'button[data-action="done"]:not(:disabled)');
    },
  },
  'fc-source-report': {
    showsData: true,
    setup: (el, { adapter, today }) => set(el, { adapter, today, editorHref: 'javascript:window.__xss(-2)' }),
  },
  'fc-store-traffic': {
    showsData: true,
    // By source category, then drilled into its sources and their salespeople: the levels named by data.
    setup: (el, { adapter, today }) => set(el, { adapter, from: quarterStart(today), to: today, path: 'groupBy=sourceCategory' }),
    explore: async (el, _input, look) => {
      await click(el, '[part~="drill-button"]');
      await look();
      await click(el, '[part~="drill-button"]');
    },
  },
  'fc-trade-in-alert': {
    showsData: true,
    setup: (el, { adapter, vehicle }) => set(el, { adapter, vehicle }),
  },
};

// ───────────────────────────── mounting ─────────────────────────────

/** Whether anything under `el` (through shadow roots) is still loading. */
export function isLoading(el: Element): boolean {
  const look = (node: Element | ShadowRoot): boolean =>
    !!node.querySelector('[aria-busy="true"], .fc-state--loading') ||
    [...node.querySelectorAll('*')].some((child) => child.shadowRoot !== null && look(child.shadowRoot));
  return el.shadowRoot ? look(el.shadowRoot) : false;
}

/**
 * Waits until the widget's text stops changing and nothing under it is loading: its data has
 * arrived and been drawn. Gives up quietly after `maxMs` (the caller checks what is shown).
 */
export async function settled(el: HTMLElement, maxMs = 6_000): Promise<void> {
  let last = '';
  let same = 0;
  const until = performance.now() + maxMs;
  while (performance.now() < until && same < 3) {
    await aTimeout(40);
    const now = visibleText(el);
    same = now === last && !isLoading(el) ? same + 1 : 0;
    last = now;
  }
}

/** Opens every collapsed part of the widget: `aria-expanded="false"` toggles and `<details>`. */
export async function expandAll(el: HTMLElement): Promise<void> {
  for (const toggle of [...root(el).querySelectorAll<HTMLElement>('[aria-expanded="false"]')]) toggle.click();
  for (const details of root(el).querySelectorAll('details')) details.open = true;
  await settled(el);
}

/**
 * Creates `tag`, sets it up with `input`, connects it, and waits until it shows its data.
 * @param maxMs Longest wait for it to settle.
 */
export async function mountWidget(tag: FcTag, input: WidgetInput, maxMs?: number): Promise<HTMLElement> {
  const spec = WIDGETS[tag];
  if (!spec) throw new Error(`<${tag}> is not a widget`);
  const box = await fixture<HTMLDivElement>(html`<div></div>`);
  const el = document.createElement(tag);
  spec.setup(el, input);
  box.append(el);
  await settled(el, maxMs);
  return el;
}

/** The widgets, in tag order. */
export function widgetTags(): FcTag[] {
  return (Object.keys(WIDGETS) as FcTag[]).filter((tag) => WIDGETS[tag] !== null).sort();
}
