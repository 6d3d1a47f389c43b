/**
 * What the memory worker does (memory-worker.ts runs it): it gets its dataset once (received,
 * fetched or generated in the worker), adopts it without copying, and answers each call from
 * `createWorkerAdapter` (worker-adapter.ts) with the memory adapter; answers go back by structured
 * clone. A worker of a host's own can run it with another generator.
 */
import { generateDataset, type GenerateOptions } from './demo-data.js';
import { AdapterError, kindForStatus } from './errors.js';
import { createMemoryAdapter, type MemoryFeed } from './memory-adapter.js';
import type { ForecourtAdapter } from './adapter.js';
import type { Dataset } from './model.js';
import { toWire, type WorkerReply, type WorkerRequest, type WorkerSourceMessage } from './worker-protocol.js';

/** The worker's global scope (the project's types are the page's, so only what is used here). */
const scope = self as unknown as {
  postMessage(message: WorkerReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
};

const LISTS = ['categories', 'sources', 'customers', 'invoices', 'spend', 'board', 'sms', 'leads', 'rules', 'traffic', 'deleted', 'wants'] as const;

const malformed = (message: string) => new AdapterError({ kind: 'malformed', message });

/** A dataset's JSON from a URL: every list an array, the dealer with a zone. */
async function fetchDataset(url: string): Promise<Dataset> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new AdapterError({ kind: 'network', message: `The dataset at ${url} could not be reached.`, cause: error });
  }
  if (!response.ok) {
    throw new AdapterError({
      kind: kindForStatus(response.status),
      status: response.status,
      message: `The dataset at ${url} could not be loaded (HTTP ${response.status}).`,
    });
  }
  let data: unknown;
  try {
    data = await response.json();
  } catch {
    throw malformed(`The dataset at ${url} is not JSON.`);
  }
  const record = data as Record<string, unknown> | null;
  if (!record || typeof record !== 'object' || typeof (record.dealer as { zone?: unknown } | undefined)?.zone !== 'string') {
    throw malformed(`The dataset at ${url} has no dealer with a time zone.`);
  }
  const missing = LISTS.find((list) => !Array.isArray(record[list]));
  if (missing) throw malformed(`The dataset at ${url} has no list of ${missing}.`);
  return data as Dataset;
}

export interface ServeOptions {
  /** What makes the dataset of a `{ generate }` source. Default: `generateDataset`, the demo's generator. */
  generate?: (options: GenerateOptions) => Dataset | Promise<Dataset>;
}

/**
 * Answers `createWorkerAdapter` from this worker.
 * @param options The generator of `{ generate }` sources.
 */
export function serveMemoryAdapter(options: ServeOptions = {}): void {
  const generate = options.generate ?? generateDataset;
  const load = (source: WorkerSourceMessage): Promise<Dataset> | Dataset => {
    if ('dataset' in source) return source.dataset;
    if ('url' in source) return fetchDataset(source.url);
    return generate(source.generate);
  };

  let dataset: Dataset | undefined;
  let feed: MemoryFeed | undefined;
  let ready: Promise<ForecourtAdapter> = Promise.reject(new AdapterError({ kind: 'unsupported', message: 'The data worker has no dataset.' }));
  ready.catch(() => undefined);
  const controllers = new Map<number, AbortController>();

  const reply = (message: WorkerReply) => {
    try {
      scope.postMessage(message);
    } catch (error) {
      // An answer that cannot be cloned (a preference holding a function) is an error, not silence.
      scope.postMessage({ id: message.id, error: toWire(error) });
    }
  };

  async function call(request: Extract<WorkerRequest, { type: 'call' }>): Promise<unknown> {
    const { target, method, args, optionsAt, abortable } = request;
    // The signal is there before the dataset is: a call cancelled while it loads is refused when it runs.
    if (abortable && optionsAt !== undefined) {
      const controller = new AbortController();
      controllers.set(request.id, controller);
      args[optionsAt] = { ...(args[optionsAt] as object | undefined), signal: controller.signal };
    }
    const adapter = await ready;
    const api = (target === 'feed' ? feed : adapter[target as keyof ForecourtAdapter]) as Record<string, unknown> | undefined;
    const fn = api?.[method];
    if (typeof fn !== 'function') throw new AdapterError({ kind: 'unsupported', message: `This adapter does not provide ${target}.${method}.` });
    return await (fn as (...a: unknown[]) => unknown).apply(api, args);
  }

  scope.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
    const request = event.data;
    switch (request.type) {
      case 'init':
        ready = Promise.resolve(request.source).then(load).then((data) => {
          dataset = data;
          return createMemoryAdapter(data, { adopt: true, user: request.user, feed: (f) => (feed = f) });
        });
        ready.then(
          () => reply({ id: request.id, value: undefined }),
          (error: unknown) => reply({ id: request.id, error: toWire(error) }),
        );
        return;
      case 'abort':
        controllers.get(request.id)?.abort();
        return;
      case 'dataset':
        void ready
          .then(() => {
            const omitted = new Set<string>(request.omit);
            // The adapter works on the adopted dataset itself, so this is the store as it is now.
            return Object.fromEntries(Object.entries(dataset!).map(([key, value]) => [key, omitted.has(key) ? [] : value]));
          })
          .then((value) => reply({ id: request.id, value }), (error: unknown) => reply({ id: request.id, error: toWire(error) }));
        return;
      case 'call':
        void call(request)
          .then((value) => reply({ id: request.id, value }), (error: unknown) => reply({ id: request.id, error: toWire(error) }))
          .finally(() => controllers.delete(request.id));
        return;
    }
  });
}
