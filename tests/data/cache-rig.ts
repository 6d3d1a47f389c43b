/**
 * Shared set-up for the cache and outbox tests: the real REST adapter, over MSW handlers that
 * serve a memory backend, with switches for faults, and a wrapper around the backend that counts
 * how many times each write was applied per idempotency key.
 */
import { getResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { ForecourtAdapter, WriteOptions } from '../../src/data/adapter.js';
import { createApiFaults, createApiHandlers } from '../../demo/api/handlers.js';
import type { ApiFaults } from '../../demo/api/handlers.js';
import { cacheDatabaseName } from '../../src/data/cache/storage.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { Dataset } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';

export const worker = setupWorker();
export const dataset: Dataset = generateDataset({ size: 'small' });

let servers = 0;

export interface Server {
  baseUrl: string;
  faults: ApiFaults;
  /** The backend itself, for reading the server's state and changing it behind the client's back. */
  backend: ForecourtAdapter;
  /** Per idempotency key, how many times a write changed the server (a replay does not). */
  applied: Map<string, number>;
  /** Requests seen, as `METHOD /path`. */
  requests: string[];
  /** The REST adapter a client uses. */
  rest: ForecourtAdapter;
  /** When set, the next successful write response is dropped after the server applied it. */
  loseNextWriteResponse: boolean;
}

/** Where a server starts from, and how its client reaches it. */
export interface ServerOptions {
  /** The backend's data; the small seeded dataset by default. */
  data?: Dataset;
  /**
   * `worker` (default): requests go through the service worker, as in the demo. `page`: the same
   * handlers answer in the page (MSW's `getResponse`), without the worker's round trip; a network
   * error (`HttpResponse.error()`, offline) still makes `fetch` reject.
   */
  transport?: 'worker' | 'page';
}

/** A fresh server under its own base URL, installed as the worker's only handlers (or answering in the page). */
export function startServer(options: ServerOptions = {}): Server {
  const data = options.data ?? dataset;
  const baseUrl = `/api-${++servers}-${Math.random().toString(36).slice(2, 8)}`;
  const backend = createMemoryAdapter(data);
  const applied = new Map<string, number>();
  // A write applied for real bumps the record's version past every version seen before.
  const seen = new Map<string, number>();
  const countIfApplied = (id: string, version: number, opts?: WriteOptions) => {
    if (version > (seen.get(id) ?? Number.NEGATIVE_INFINITY)) {
      seen.set(id, version);
      const key = opts?.idempotencyKey ?? '(none)';
      applied.set(key, (applied.get(key) ?? 0) + 1);
    }
  };
  for (const s of data.sources) seen.set(s.id, s.version);
  for (const c of data.customers) seen.set(c.id, c.version);
  const counted: ForecourtAdapter = {
    ...backend,
    sources: {
      ...backend.sources!,
      update: async (change, opts) => {
        const result = await backend.sources!.update(change, opts);
        countIfApplied(result.id, result.version, opts);
        return result;
      },
    },
    customers: {
      ...backend.customers!,
      setSource: async (change, opts) => {
        const result = await backend.customers!.setSource(change, opts);
        countIfApplied(result.id, result.version, opts);
        return result;
      },
    },
  };
  const faults = createApiFaults();
  const handlers = createApiHandlers(counted, { baseUrl, faults });
  const inPage = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await getResponse(handlers, new Request(new URL(String(input), location.href), init));
    if (!response || response.type === 'error') throw new TypeError('Failed to fetch');
    return response;
  };
  const requests: string[] = [];
  const server: Server = {
    baseUrl,
    faults,
    backend,
    applied,
    requests,
    loseNextWriteResponse: false,
    rest: createRestAdapter({
      baseUrl,
      timeoutMs: 5000,
      fetch: async (input, init) => {
        const method = init?.method ?? 'GET';
        requests.push(`${method} ${new URL(String(input), location.href).pathname.slice(baseUrl.length)}`);
        const response = await (options.transport === 'page' ? inPage(input, init) : fetch(input, init));
        if (method !== 'GET' && response.ok && server.loseNextWriteResponse) {
          server.loseNextWriteResponse = false;
          throw new TypeError('Failed to fetch');
        }
        return response;
      },
    }),
  };
  if (options.transport !== 'page') worker.resetHandlers(...handlers);
  return server;
}

/** Resolves with the first `type` event on `target` whose detail satisfies `test`. */
export function nextEvent<T>(target: EventTarget, type: string, test: (detail: T) => boolean = () => true): Promise<T> {
  return new Promise((resolve) => {
    const listener = (event: Event) => {
      const detail = (event as CustomEvent<T>).detail;
      if (test(detail)) {
        target.removeEventListener(type, listener);
        resolve(detail);
      }
    };
    target.addEventListener(type, listener);
  });
}

export function uniqueUser(): { tenant: string; user: string } {
  return { tenant: `shop-${crypto.randomUUID().slice(0, 8)}`, user: `user-${crypto.randomUUID().slice(0, 8)}` };
}

/** The database `withCache` uses for a tenant and user (a hash of both). */
export const dbName = ({ tenant, user }: { tenant: string; user: string }) => cacheDatabaseName(tenant, user);
