/**
 * The longest main-thread task (issue 20: ≤ 50 ms), from mounting a widget to 2 s after its first
 * content, with the data in the memory adapter in a Web Worker (`createWorkerAdapter`), made there
 * before the widget is mounted (`bench/lib/worker-fixtures.ts`): what the page's main thread does
 * is the widget's own work and the answers' structured clones.
 *
 * - `longtask-sms-1m`: `<fc-sms-history>` (its `<fc-sms-summary>` included) over 1,000,000 texts;
 *   peer vaadin-grid over the same rows on the page, as in the SMS history cases.
 * - `longtask-traffic-1m`: `<fc-store-traffic>` over a year of 1,000,000 events, its first query
 *   (the index build) included; peer the same widget over the in-thread memory adapter.
 * - `longtask-lead-report-100k`: `<fc-lead-response-report>` over lead-evaluate's 100,000 leads;
 *   peer the same widget over the in-thread memory adapter.
 *
 * `ms` is mount to the first content painted (two frames more for the SMS table, the issue's
 * first-render clock); figures: `longest task` (0: none over 50 ms), `long tasks` (how many) and,
 * for SMS, `summary` (mount to the summary's figures shown, inside the window). Every side runs on
 * a fresh page; the peer's rows or in-thread adapter are made before mounting, outside the window.
 */
import '../../src/components/store-traffic/fc-store-traffic.js';
import type { FcStoreTraffic } from '../../src/components/store-traffic/fc-store-traffic.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { BenchCase, SideResult } from '../lib/case.js';
import { watchLongTasks, until, waitUntil } from '../lib/longtask.js';
import { painted } from '../lib/render.js';
import { smsRowNames, smsRows } from '../lib/sms-fixture.js';
import { checkOurs, checkVaadin, createOurs, createVaadin, defineOurs, defineVaadin, summaryShown, vaadinShown } from '../lib/sms-sides.js';
import { fixtureDataset, fixtureInWorker, type BenchFixture } from '../lib/worker-fixtures.js';
import { LEAD_NOW } from './lead-evaluate.js';

const MILLION = 1_000_000;
/** How long after the first content the window stays open. */
const AFTER_MS = 2_000;
const figures = { 'long tasks': { unit: '' } };
const budgets = [{ figure: 'longest task', max: 50 }];

/** A few idle frames and a full collection, so the fixture's garbage is not collected inside the window. */
async function settle(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  for (let i = 0; i < 5; i++) await painted();
}

/**
 * Mounts `el` and measures: `ms` from mounting to `shown()` (then `frames` painted frames), then
 * `more()` (content that comes later, inside the window), then the window's end; the long tasks of all of it.
 */
async function measureWindow(el: HTMLElement, shown: () => Promise<void>, frames = 1, more?: () => Promise<void>): Promise<SideResult & { extra: Record<string, number> }> {
  await settle();
  const tasks = watchLongTasks();
  const start = performance.now();
  document.body.append(el);
  await shown();
  for (let i = 0; i < frames; i++) await painted();
  const first = performance.now();
  await more?.();
  const later = performance.now();
  await waitUntil(first, AFTER_MS);
  const { longest, count } = tasks.stop();
  return { ms: first - start, extra: { 'longest task': longest, 'long tasks': count, ...(more && { later: later - start }) } };
}

// ───────────────────────────── SMS ─────────────────────────────

export const longtaskSms: BenchCase = {
  name: 'longtask-sms-1m',
  description:
    'longest main-thread task from mounting <fc-sms-history> (with its <fc-sms-summary>) over a worker adapter of 1,000,000 texts to 2 s after the first rows; ms = mount to rows painted and two more frames; summary = mount to its figures shown; peer vaadin-grid over the same rows on the page (budget: no task over 50 ms)',
  figures: { ...figures, summary: {} },
  budgets,
  async ours() {
    await defineOurs();
    const adapter = await fixtureInWorker({ fixture: 'sms', count: MILLION });
    const el = createOurs(adapter);
    const summary = () => el.shadowRoot?.querySelector('fc-sms-summary');
    const result = await measureWindow(el, () => el.rowsReady(), 3, () =>
      until(() => summaryShown(el), () => `the SMS summary (${summary() ? (summary()!.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').slice(0, 200) : 'absent'})`),
    );
    checkOurs(el, smsRowNames(MILLION), 0);
    adapter.terminate();
    const { later, ...extra } = result.extra;
    return { ms: result.ms, extra: { ...extra, summary: later! } };
  },
  peers: {
    async ['vaadin-grid 25, dataProvider over the same array']() {
      const rows = smsRows(MILLION);
      await defineVaadin();
      const { grid } = createVaadin(rows);
      const result = await measureWindow(grid, () => vaadinShown(grid, rows, 0), 3);
      checkVaadin(grid, rows, 0);
      return result;
    },
  },
};

// ───────────────────────────── traffic ─────────────────────────────

const TRAFFIC: BenchFixture = { fixture: 'traffic', count: MILLION };

async function trafficSide(adapter: ForecourtAdapter): Promise<SideResult> {
  const el = document.createElement('fc-store-traffic') as FcStoreTraffic;
  el.adapter = adapter;
  el.path = 'groupBy=department';
  el.from = '2025-11-24';
  el.to = '2026-11-23';
  el.timeZone = 'America/Chicago';
  // The level's table and the previous period read: both queries answered and shown.
  return measureWindow(el, () => until(() => !!el.renderRoot.querySelector('[part=summary] .previous') && !!el.renderRoot.querySelector('table tbody tr'), 'the traffic table'));
}

export const longtaskTraffic: BenchCase = {
  name: 'longtask-traffic-1m',
  description:
    'longest main-thread task from mounting <fc-store-traffic> (by department, a year) over a worker adapter of 1,000,000 events, first query and index build included, to 2 s after its table and previous period are shown (ms); peer the same widget over the in-thread memory adapter (budget: no task over 50 ms)',
  figures,
  budgets,
  async ours() {
    const adapter = await fixtureInWorker(TRAFFIC);
    const result = await trafficSide(adapter);
    adapter.terminate();
    return result;
  },
  peers: {
    async ['the same widget, in-thread createMemoryAdapter']() {
      return trafficSide(createMemoryAdapter(fixtureDataset(TRAFFIC), { adopt: true }));
    },
  },
};

// ───────────────────────────── leads ─────────────────────────────

async function leadSide(adapter: ForecourtAdapter): Promise<SideResult> {
  await import('../../src/components/lead-response-report/fc-lead-response-report.js');
  const el = document.createElement('fc-lead-response-report');
  el.adapter = adapter;
  el.from = '2026-10-22';
  el.to = '2026-11-12';
  el.now = LEAD_NOW;
  return measureWindow(el, () => until(() => !!el.renderRoot.querySelector('table.detail tbody tr'), 'the lead report'));
}

export const longtaskLeadReport: BenchCase = {
  name: 'longtask-lead-report-100k',
  description:
    'longest main-thread task from mounting <fc-lead-response-report> (detail view, default max-leads) over a worker adapter of 100,000 leads to 2 s after its first rows (ms); peer the same widget over the in-thread memory adapter (budget: no task over 50 ms)',
  figures,
  budgets,
  async ours() {
    const adapter = await fixtureInWorker({ fixture: 'leads' });
    const result = await leadSide(adapter);
    adapter.terminate();
    return result;
  },
  peers: {
    async ['the same widget, in-thread createMemoryAdapter']() {
      return leadSide(createMemoryAdapter(fixtureDataset({ fixture: 'leads' }), { adopt: true }));
    },
  },
};

export const LONGTASK_CASES: BenchCase[] = [longtaskSms, longtaskTraffic, longtaskLeadReport];
