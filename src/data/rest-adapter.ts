/**
 * The ForecourtAdapter contract over HTTP, as documented in `docs/rest-api.md`.
 *
 * Every method is built from its row of the contract table (`CONTRACT.<domain>.<method>` in
 * contract.ts): verb, path, where the argument goes and the schema of the answer. One request
 * function sends it, applies the timeout, the caller's abort signal, the bearer token and the
 * idempotency key, and validates the response against the row's schema. Every failure is an
 * `AdapterError`; one of an answer with `Retry-After` carries the wait the server asked for.
 *
 * Answers are read as a stream and given up past `maxResponseBytes`, so a broken or hostile server
 * cannot fill the page's memory.
 */
import * as v from 'valibot';
import { CONTRACT_ENTRIES, requestBody, requestPath } from './contract.js';
import type { AnyContractRow } from './contract.js';
import type { AdapterDomain, ForecourtAdapter, ReadOptions, WriteOptions } from './adapter.js';
import { AdapterError, kindForStatus, parseRetryAfter } from './errors.js';
import { describeIssue } from './schemas.js';

export interface RestAdapterOptions {
  /** Where the API lives, e.g. `https://pos.example.com/forecourt/v1` or `/api`. */
  baseUrl: string;
  /** The fetch to use; defaults to the global one. */
  fetch?: typeof fetch;
  /** Extra headers on every request (a function is called per request). */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Sent as `Authorization: Bearer <token>`; called per request so a host can refresh it. */
  getToken?: () => string | Promise<string>;
  /** Milliseconds before a request fails with kind `timeout`. Default 15000. */
  timeoutMs?: number;
  /**
   * The largest answer read, in bytes (of the body as sent, before decoding). A larger answer fails
   * with kind `malformed` as soon as it is known to be larger (from `Content-Length`, or while it
   * streams in), and its reading stops. Default `DEFAULT_MAX_RESPONSE_BYTES` (32 MB).
   */
  maxResponseBytes?: number;
}

/** The default `maxResponseBytes`: 32 MB, far above the largest page of the contract (1000 rows). */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/** The REST adapter: a ForecourtAdapter with every domain of the contract and every method (`sms.import` included). */
export type RestAdapter = ForecourtAdapter & { [D in AdapterDomain]-?: Required<NonNullable<ForecourtAdapter[D]>> };

type QueryValue = string | number | boolean | null | undefined | Record<string, string | undefined>;

/**
 * Query string of a query object: absent and null values are left out; the `filters` map becomes
 * one `filter.<dimension>` parameter per entry.
 */
export function encodeQuery(query: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, QueryValue][]) {
    if (value === undefined || value === null) continue;
    if (typeof value === 'object') {
      for (const [sub, subValue] of Object.entries(value)) {
        if (subValue !== undefined) params.append(`filter.${sub}`, subValue);
      }
    } else {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A size in the unit that reads best: `32 MB`, `512 kB`, `100 bytes`. */
function formatBytes(bytes: number): string {
  const round = (n: number) => String(Math.round(n * 10) / 10);
  if (bytes >= 1024 * 1024) return `${round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${round(bytes / 1024)} kB`;
  return `${bytes} bytes`;
}

/**
 * The body as text, or null when it is longer than `limit` bytes: then the rest is not read (the
 * stream is cancelled). `Content-Length`, when given, refuses a large answer before any of it is read.
 */
async function readBody(response: Response, limit: number): Promise<string | null> {
  const declared = Number(response.headers.get('Content-Length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    return null;
  }
  if (!response.body) {
    const text = await response.text();
    return new TextEncoder().encode(text).length > limit ? null : text;
  }
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    if (read > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Creates an adapter that implements the whole contract over HTTP. */
export function createRestAdapter(options: RestAdapterOptions): RestAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  async function headersFor(write: boolean, opts: WriteOptions, hasBody: boolean, label: string): Promise<Headers> {
    const extra = typeof options.headers === 'function' ? options.headers() : options.headers;
    const headers = new Headers(extra);
    headers.set('Accept', 'application/json');
    if (hasBody) headers.set('Content-Type', 'application/json');
    if (write) headers.set('Idempotency-Key', opts.idempotencyKey ?? crypto.randomUUID());
    if (options.getToken) {
      try {
        headers.set('Authorization', `Bearer ${await options.getToken()}`);
      } catch (cause) {
        throw new AdapterError({ kind: 'auth', message: `Could not get an access token for ${label}.`, cause });
      }
    }
    return headers;
  }

  async function send(row: AnyContractRow, arg: unknown, opts: WriteOptions = {}): Promise<unknown> {
    const write = row.kind === 'write';
    const path = requestPath(row, arg);
    const label = `${row.http} ${path}`;
    const body = row.in === 'body' ? JSON.stringify(requestBody(row, arg)) : undefined;
    const url = base + path + (row.in === 'query' ? encodeQuery(arg as object) : '');
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;

    let response: Response;
    let text: string | null;
    try {
      opts.signal?.throwIfAborted();
      const headers = await headersFor(write, opts, body !== undefined, label);
      response = await doFetch(url, { method: row.http, headers, body, signal });
      text = await readBody(response, maxBytes);
    } catch (cause) {
      if (cause instanceof AdapterError) throw cause;
      if (opts.signal?.aborted) throw new AdapterError({ kind: 'aborted', message: `${label} was cancelled.`, cause });
      if (timeout.aborted) {
        throw new AdapterError({ kind: 'timeout', message: `${label} got no answer within ${timeoutMs / 1000} s.`, cause });
      }
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new AdapterError({ kind: 'network', message: `Could not reach the server for ${label} (${reason}).`, cause });
    }

    if (!response.ok) {
      // A body past the limit is left unread: the status alone says what happened.
      const json = text === null ? null : parseJson(text);
      const errorBody = json?.ok ? json.value : text || undefined;
      const serverMessage =
        json?.ok && typeof json.value === 'object' && json.value !== null && 'message' in json.value
          ? String(json.value.message)
          : '';
      // Read on every refusal: RFC 9110 defines it for 429, 503 and redirects, and it costs nothing
      // elsewhere (only retryable kinds are sent again).
      const now = Date.now();
      const wait = parseRetryAfter(response.headers.get('Retry-After'), now);
      throw new AdapterError({
        kind: kindForStatus(response.status),
        status: response.status,
        message: serverMessage || `${label} failed with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        body: errorBody,
        retryAfterMs: wait,
        retryAt: wait === null ? null : now + wait,
      });
    }
    if (text === null) {
      throw new AdapterError({
        kind: 'malformed',
        status: response.status,
        message: `The server's answer to ${label} is larger than the ${formatBytes(maxBytes)} this page accepts, so it was not read.`,
      });
    }
    const json = parseJson(text);
    if (!json.ok) {
      throw new AdapterError({
        kind: 'malformed',
        status: response.status,
        message: `Malformed response from ${label}: not JSON (${json.error}).`,
        body: text,
      });
    }
    // Only the first issue is reported: stop there. Collecting every issue of a broken 10 000-row
    // page builds over 100 000 issue objects and holds the main thread for about half a second.
    const result = v.safeParse(row.answer, json.value, { abortEarly: true });
    if (!result.success) {
      throw new AdapterError({
        kind: 'malformed',
        status: response.status,
        message: `Malformed response from ${label}: ${describeIssue(result.issues[0])}`,
        body: json.value,
      });
    }
    return result.output;
  }

  const adapter: Partial<Record<AdapterDomain, Record<string, unknown>>> = {};
  for (const { domain, method, row } of CONTRACT_ENTRIES) {
    const api = (adapter[domain] ??= {});
    api[method] = row.in
      ? (arg: unknown, opts?: ReadOptions) => send(row, arg, opts)
      : (opts?: ReadOptions) => send(row, undefined, opts);
  }
  return adapter as unknown as RestAdapter;
}
