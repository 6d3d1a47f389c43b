/**
 * What widget tests stand on: the demo server (MSW handlers over a memory backend with the
 * seeded data, or a hand-built dataset) under its own base URL, and a fresh cached REST adapter
 * over it, the way `<fc-data-provider api-base tenant user>` builds one.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import type { RequestHandler } from 'msw';
import { setupWorker } from 'msw/browser';
import { createApiFaults, createApiHandlers } from '../../demo/api/handlers.js';
import type { ApiFaults } from '../../demo/api/handlers.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { Dataset } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';

const worker = setupWorker();
let started: Promise<unknown> | null = null;
let servers = 0;
const opened: CachedAdapter[] = [];

export interface DemoServer {
  baseUrl: string;
  /** Switches for offline, a failing server and latency. */
  faults: ApiFaults;
  /** The server's data store: read it to check what was saved, write it to change data behind the widget's back. */
  backend: ForecourtAdapter;
  dataset: Dataset;
  /** A new cached REST adapter over this server, with its own tenant and user (its own IndexedDB). */
  client(options?: { parts?: (keyof ForecourtAdapter)[] }): CachedAdapter;
}

/**
 * Starts a demo server as the worker's only handlers.
 * @param dataset The data to serve; the small seeded dataset by default.
 */
export async function startDemoServer(dataset: Dataset = generateDataset({ size: 'small' })): Promise<DemoServer> {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  const baseUrl = `/rig-api-${++servers}`;
  const backend = createMemoryAdapter(dataset);
  const faults = createApiFaults();
  worker.resetHandlers(...createApiHandlers(backend, { baseUrl, faults }));
  return {
    baseUrl,
    faults,
    backend,
    dataset,
    client({ parts } = {}) {
      const rest = createRestAdapter({ baseUrl, timeoutMs: 5000 });
      const inner = parts ? Object.fromEntries(parts.map((p) => [p, rest[p]])) : rest;
      const id = crypto.randomUUID().slice(0, 8);
      const cached = withCache(inner, { tenant: `test-${id}`, user: `u-${id}`, retry: { baseMs: 20, maxMs: 200 } });
      opened.push(cached);
      return cached;
    },
  };
}

/**
 * Puts handlers in front of the demo server's until the next `startDemoServer`: any request of
 * the page, e.g. a module that a widget loads with `import()`, to make its download fail.
 */
export function useHandlers(...handlers: RequestHandler[]): void {
  worker.use(...handlers);
}

/** Closes and deletes every client the tests made; call in `afterEach` or `after`. */
export async function closeClients(): Promise<void> {
  await Promise.all(opened.splice(0).map((c) => c.clearCache().finally(() => c.close())));
}

/** The visible text of an element's shadow root, whitespace collapsed. */
export function shadowText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Runs `body` with the page's clock in `zone`, then puts back the zone the page had. */
export async function inViewerZone(zone: string, body: () => Promise<void>): Promise<void> {
  const before = Intl.DateTimeFormat().resolvedOptions().timeZone;
  await executeServerCommand('emulate-timezone', { timezoneId: zone });
  try {
    await body();
  } finally {
    await executeServerCommand('emulate-timezone', { timezoneId: before });
  }
}
