/**
 * The demo REST API inside a bench page: MSW's service worker in front of the handlers over a
 * memory adapter, so Forecourt's REST adapter makes real `fetch` calls.
 */
import { setupWorker } from 'msw/browser';
import { createApiFaults, createApiHandlers } from '../../demo/api/handlers.js';
import type { ApiFaults } from '../../demo/api/handlers.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { Dataset } from '../../src/data/model.js';

export const API_BASE = '/api';

export interface BenchApi {
  /** Mutable: flip `offline` to make every request fail as a network error. */
  faults: ApiFaults;
  stop(): void;
}

/** Starts the API over `dataset`; resolves once the worker intercepts `fetch`. */
export async function startApi(dataset: Dataset, faults: Partial<ApiFaults> = {}): Promise<BenchApi> {
  const state: ApiFaults = { ...createApiFaults(), ...faults };
  const worker = setupWorker(...createApiHandlers(createMemoryAdapter(dataset), { baseUrl: API_BASE, faults: state }));
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass', serviceWorker: { url: '/mockServiceWorker.js' } });
  return { faults: state, stop: () => worker.stop() };
}
