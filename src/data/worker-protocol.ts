/**
 * The messages between `createWorkerAdapter` (the page) and the memory worker (memory-worker.ts),
 * and how an error crosses between them: an `AdapterError` is sent as its fields and made again on
 * the page with the same kind, status, message and body.
 */
import { AdapterError, isAdapterError, type AdapterErrorKind } from './errors.js';
import type { GenerateOptions } from './demo-data.js';
import type { Dataset } from './model.js';

/** The lists of a dataset: what `WorkerAdapter.dataset({ omit })` can leave out. */
export type DatasetList = { [K in keyof Dataset]-?: NonNullable<Dataset[K]> extends unknown[] ? K : never }[keyof Dataset];

/** Where the worker gets its dataset: the rows themselves (cloned once), a URL of a dataset's JSON, or the demo generator's options. */
export type WorkerSourceMessage = { dataset: Dataset } | { url: string } | { generate: GenerateOptions };

/** Page → worker. */
export type WorkerRequest =
  /** First, once: where the dataset comes from; answered once the worker holds it. */
  | { type: 'init'; id: number; source: WorkerSourceMessage; user?: string }
  /**
   * `domain.method(...args)` on the worker's adapter, `preferences.<method>` or `feed.<method>`.
   * With `abortable`, the options at `args[optionsAt]` get a signal that an `abort` message fires.
   */
  | { type: 'call'; id: number; target: string; method: string; args: unknown[]; optionsAt?: number; abortable?: boolean }
  | { type: 'dataset'; id: number; omit: DatasetList[] }
  | { type: 'abort'; id: number };

/** An error as it crosses: an `AdapterError`'s fields, or another error's name and message. */
export interface WireError {
  adapter: boolean;
  name: string;
  kind?: AdapterErrorKind;
  status?: number;
  message: string;
  body?: unknown;
  retryAt?: number | null;
  retryAfterMs?: number | null;
}

/** Worker → page: the answer to the request with `id`. */
export type WorkerReply = { id: number; value: unknown } | { id: number; error: WireError };

/** What of an error crosses to the page (a body that cannot be cloned is left out). */
export function toWire(error: unknown): WireError {
  if (isAdapterError(error)) {
    let body = error.body;
    try {
      structuredClone(body);
    } catch {
      body = undefined;
    }
    const { kind, status, fullMessage, retryAt, retryAfterMs } = error;
    return { adapter: true, name: error.name, kind, status, message: fullMessage, body, retryAt, retryAfterMs };
  }
  if (error instanceof Error) return { adapter: false, name: error.name, message: error.message };
  return { adapter: false, name: 'Error', message: String(error) };
}

/** The error again, on the page: an `AdapterError` with the same fields, or an `Error` of the same name and message. */
export function fromWire(wire: WireError): Error {
  if (wire.adapter) {
    const { kind = 'server', status, message, body, retryAt, retryAfterMs } = wire;
    return new AdapterError({ kind, status, message, body, retryAt, retryAfterMs });
  }
  const error = new Error(wire.message);
  error.name = wire.name;
  return error;
}
