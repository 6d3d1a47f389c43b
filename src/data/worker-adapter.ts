/**
 * The memory adapter in a Web Worker, behind the same async contract: index building, summaries,
 * lead evaluation and imports over a large dataset run off the page's main thread. The dataset is
 * built in the worker (the demo generator, or a JSON file it fetches), or cloned into it once; the
 * worker's adapter adopts it without copying, and answers come back by structured clone.
 */
import type { AdapterDomain, ForecourtAdapter, PreferencesApi, ReadOptions } from './adapter.js';
import { anyOriginWorker } from './any-origin-worker.js';
import { CONTRACT_ENTRIES, takesOptionsOnly } from './contract.js';
import type { GenerateOptions } from './demo-data.js';
import { AdapterError, cancelled } from './errors.js';
import type { MemoryFeed } from './memory-adapter.js';
import type { Dataset } from './model.js';
import { fromWire, type DatasetList, type WorkerReply, type WorkerRequest, type WorkerSourceMessage } from './worker-protocol.js';

export type { DatasetList } from './worker-protocol.js';

/**
 * Where the worker's data comes from: a dataset (cloned into the worker once), the URL of a
 * dataset's JSON (fetched and parsed in the worker; relative to the page), or the demo generator's
 * options (`{ generate: { size: 'bench' } }`: built in the worker).
 */
export type WorkerAdapterSource = Dataset | string | URL | { generate: GenerateOptions };

export interface WorkerAdapterOptions {
  /** Who makes the changes, where a record keeps it (a restored record's `restoredBy`). Default: unknown. */
  user?: string;
  /**
   * A worker already running memory-worker.js, for a host that serves that file itself. Default: one
   * started from the file beside this module (from another origin, such as a CDN, through a
   * same-origin module that imports it).
   */
  worker?: Worker;
}

/** The memory adapter's feed, across the worker: each call resolves once the record is in the store. */
export type WorkerFeed = { [K in keyof MemoryFeed]: (...args: Parameters<MemoryFeed[K]>) => Promise<void> };

/** A memory adapter in a worker: every domain of the contract, `preferences`, and the worker's own controls. */
export type WorkerAdapter = { [D in AdapterDomain]-?: Required<NonNullable<ForecourtAdapter[D]>> } & {
  readonly preferences: PreferencesApi;
  /** Resolves once the worker holds the dataset; rejects with why it could not (every call then rejects the same way). */
  readonly ready: Promise<void>;
  /** Adds the records the contract has no write for (see `MemoryAdapterOptions.feed`). */
  readonly feed: WorkerFeed;
  /**
   * A copy of the store as it is now, with the lists in `omit` left empty: the small parts a page
   * needs beside the widgets (the dealer, today, the board), without cloning the big ones back.
   */
  dataset(options?: { omit?: readonly DatasetList[] }): Promise<Dataset>;
  /** Ends the worker: calls on their way and every later call reject (kind `aborted`). */
  terminate(): void;
};

/** The worker beside this module. */
function startMemoryWorker(): Worker {
  // Bundlers find the worker by the `new Worker(new URL('…', import.meta.url))` form below and
  // build it as a file of its own; this `Worker` also starts it when this module came from another origin.
  const Worker = anyOriginWorker();
  return new Worker(new URL('./memory-worker.ts', import.meta.url), { type: 'module' });
}

function sourceMessage(source: WorkerAdapterSource): WorkerSourceMessage {
  if (typeof source === 'string' || source instanceof URL) return { url: new URL(source, globalThis.location?.href).href };
  if ('generate' in source) return { generate: source.generate };
  return { dataset: source };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * The memory adapter over `source`, in a Web Worker.
 * @param source A dataset, the URL of a dataset's JSON, or `{ generate }` options for the demo dataset.
 * @param options Who makes the changes; a worker to use instead of starting one.
 * @returns An adapter with every domain of the contract and `preferences`, the feed, and `terminate()`.
 * @example
 * const adapter = createWorkerAdapter({ generate: { size: 'bench' } });
 * await adapter.sms.summary({ from: '2026-11-01', to: '2026-11-23' }); // counted in the worker
 */
export function createWorkerAdapter(source: WorkerAdapterSource, options: WorkerAdapterOptions = {}): WorkerAdapter {
  const worker = options.worker ?? startMemoryWorker();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let ended: AdapterError | null = null;

  const end = (error: AdapterError) => {
    ended ??= error;
    for (const call of pending.values()) call.reject(error);
    pending.clear();
  };
  worker.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const call = pending.get(reply.id);
    if (!call) return; // cancelled: its answer is dropped
    pending.delete(reply.id);
    if ('error' in reply) call.reject(fromWire(reply.error));
    else call.resolve(reply.value);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    end(new AdapterError({ kind: 'network', message: `The data worker stopped: ${event.message || 'its script could not be loaded'}.` }));
  });

  /** Sends a request and resolves with its answer; an abort rejects at once and tells the worker. */
  function send<T>(request: WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never, signal?: AbortSignal): Promise<T> {
    if (ended) return Promise.reject(ended);
    if (signal?.aborted) return Promise.reject(cancelled(signal));
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        pending.delete(id);
        worker.postMessage({ type: 'abort', id } satisfies WorkerRequest);
        reject(cancelled(signal));
      };
      const done = () => signal?.removeEventListener('abort', onAbort);
      pending.set(id, {
        resolve: (value) => (done(), resolve(value as T)),
        reject: (error) => (done(), reject(error)),
      });
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        worker.postMessage({ ...request, id } as WorkerRequest);
      } catch (error) {
        pending.get(id)?.reject(new AdapterError({ kind: 'rejected', message: `The request cannot be sent to the data worker: ${String(error)}`, cause: error }));
        pending.delete(id);
      }
    });
  }

  const ready = send<void>({ type: 'init', source: sourceMessage(source), user: options.user });
  ready.catch(() => undefined); // each call rejects with the same error; a caller need not await this

  const adapter: Record<string, Record<string, (...args: unknown[]) => Promise<unknown>>> = {};
  for (const { domain, method } of CONTRACT_ENTRIES) {
    const optionsAt = takesOptionsOnly(domain, method) ? 0 : 1;
    (adapter[domain] ??= {})[method] = (...given) => {
      const args = given.slice(0, optionsAt + 1);
      const { signal, ...opts } = (args[optionsAt] ?? {}) as ReadOptions;
      args[optionsAt] = opts;
      return send({ type: 'call', target: domain, method, args, optionsAt, abortable: signal !== undefined }, signal);
    };
  }

  // Preferences cross like the rest; a value that cannot be cloned stays on the page, as the
  // contract says of a value that cannot be stored.
  const local = new Map<string, unknown>();
  const preference = (method: string, args: unknown[]) => send<unknown>({ type: 'call', target: 'preferences', method, args });
  const preferences: PreferencesApi = {
    get: async <T>(name: string) => (local.has(name) ? (local.get(name) as T) : ((await preference('get', [name])) as T | undefined)),
    set: async (name, value) => {
      local.delete(name);
      try {
        structuredClone(value);
      } catch {
        local.set(name, value);
        return;
      }
      await preference('set', [name, value]);
    },
    delete: async (name) => {
      local.delete(name);
      await preference('delete', [name]);
    },
  };

  const feedCall = (method: keyof MemoryFeed) => (...args: unknown[]) => send<void>({ type: 'call', target: 'feed', method, args });
  return {
    ...(adapter as unknown as { [D in AdapterDomain]-?: Required<NonNullable<ForecourtAdapter[D]>> }),
    preferences,
    ready,
    feed: { addBoardEntry: feedCall('addBoardEntry'), addLead: feedCall('addLead'), addLeadActivity: feedCall('addLeadActivity') },
    dataset: (opts) => send<Dataset>({ type: 'dataset', omit: [...(opts?.omit ?? [])] }),
    terminate() {
      worker.terminate();
      end(new AdapterError({ kind: 'aborted', message: 'The data worker was terminated.' }));
    },
  };
}
