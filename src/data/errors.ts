/** Why an adapter call failed, in terms a widget can act on. */
export type AdapterErrorKind =
  /** No response: offline, DNS, connection refused. */
  | 'network'
  /** No response in time. */
  | 'timeout'
  /** The caller aborted. */
  | 'aborted'
  /** 401/403. */
  | 'auth'
  /** 404. */
  | 'not-found'
  /** 409 or a stale version: someone else changed the same thing. */
  | 'conflict'
  /** Other 4xx: the request itself is wrong. */
  | 'rejected'
  /** 429. */
  | 'rate-limited'
  /** Other 5xx. */
  | 'server'
  /** The response was not what the contract says (bad JSON, a field of the wrong type). */
  | 'malformed'
  /** This adapter does not provide the domain or method (a server's 501). */
  | 'unsupported';

export interface AdapterErrorInit {
  kind: AdapterErrorKind;
  status?: number;
  /** What went wrong; past `MESSAGE_EXCERPT_CHARS` characters it is cut, and kept whole in `fullMessage`. */
  message: string;
  body?: unknown;
  cause?: unknown;
  /** When the server asked the client to try again (epoch ms, from `Retry-After`), or null. */
  retryAt?: number | null;
  /** How long after the answer the server asked the client to wait (ms, from `Retry-After`), or null. */
  retryAfterMs?: number | null;
}

/**
 * The longest message an `AdapterError` carries in `message`. A server's message (or one that quotes
 * the server, such as a schema error naming the value it received) can be any length: a 1 MB text
 * in a 4xx answer would make a box taller than any screen. The whole text stays in `fullMessage`.
 */
export const MESSAGE_EXCERPT_CHARS = 300;

/**
 * The longest `fullMessage`: what "Show more" can reveal. Past it the text is cut too (a 32 MB answer
 * is not something to read on screen); the server's whole answer stays in `body`.
 */
export const FULL_MESSAGE_CHARS = 20_000;

/**
 * The longest wait a server's `Retry-After` is honoured for: one day. A longer one is far more often
 * a mistake (milliseconds sent as seconds, a wrong clock, a date from a broken proxy) than meant, and
 * a write held back for days would look lost. Past it, the client waits a day; "Send now" always
 * sends at once.
 */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * The start of a text, at most `max` characters, with an ellipsis when it was cut. It does not split
 * a surrogate pair.
 * @param text Any text.
 * @param max The most characters to keep, the ellipsis included.
 * @returns `text` itself when it fits, else its first characters and "…".
 * @example excerpt('a'.repeat(1000), 10) // "aaaaaaaaa…"
 * @example excerpt('short', 10) // "short"
 */
export function excerpt(text: string, max: number = MESSAGE_EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/**
 * The wait a `Retry-After` header asks for (RFC 9110 §10.2.3): either a number of seconds or an
 * HTTP date. Waits past `MAX_RETRY_AFTER_MS` (a day) are cut to it.
 * @param value The header's value (null when the answer had none).
 * @param now The time the answer arrived, in epoch ms (the date form is measured from it).
 * @returns The wait in ms: 0 for `0` or a date already past, null when absent or unreadable
 *   (not digits and not a date: `soon`, `-5`, `1.5`).
 * @example parseRetryAfter('120', now) // 120000
 * @example parseRetryAfter('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT')) // 60000
 * @example parseRetryAfter('in a while', now) // null
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  const text = (value ?? '').trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  // An HTTP date names a day and a month in words (IMF-fixdate, RFC 850 or asctime form); without a
  // letter it is not one, whatever Date.parse makes of it.
  if (!/[a-z]/i.test(text)) return null;
  // HTTP dates are in GMT; asctime form does not say so, and Date.parse would read it as local time.
  const at = Date.parse(/\b(gmt|utc|z)\b|[+-]\d{4}\b/i.test(text) ? text : `${text} GMT`);
  if (!Number.isFinite(at)) return null;
  return Math.min(Math.max(0, at - now), MAX_RETRY_AFTER_MS);
}

/**
 * The one error type adapters throw. `retryable` says whether the same request may succeed later
 * (network, timeout, 429, 5xx); a conflict or a rejected request never is.
 */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly kind: AdapterErrorKind;
  /** HTTP status, 0 when there was no response. */
  readonly status: number;
  readonly retryable: boolean;
  /** The parsed response body, if any (e.g. the server's current version on a conflict). */
  readonly body: unknown;
  /** The message, up to `FULL_MESSAGE_CHARS` characters; `message` is its first `MESSAGE_EXCERPT_CHARS`. */
  readonly fullMessage: string;
  /** When the server asked to be sent the request again (epoch ms, from `Retry-After`), or null. */
  readonly retryAt: number | null;
  /** How long the server asked the client to wait (ms, from `Retry-After`), or null: the outbox waits at least this long. */
  readonly retryAfterMs: number | null;

  constructor({ kind, status = 0, message, body, cause, retryAt = null, retryAfterMs = null }: AdapterErrorInit) {
    super(excerpt(message), cause === undefined ? undefined : { cause });
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.fullMessage = excerpt(message, FULL_MESSAGE_CHARS);
    this.retryAt = retryAt;
    this.retryAfterMs = retryAfterMs;
    this.retryable = kind === 'network' || kind === 'timeout' || kind === 'rate-limited' || kind === 'server';
  }

  /** The kind of error an HTTP status stands for. */
  static kindForStatus(status: number): AdapterErrorKind {
    if (status === 401 || status === 403) return 'auth';
    if (status === 404) return 'not-found';
    if (status === 409 || status === 412) return 'conflict';
    if (status === 429) return 'rate-limited';
    // Not implemented: the server lacks this part of the contract, as an adapter without the method does.
    if (status === 501) return 'unsupported';
    if (status >= 500) return 'server';
    return 'rejected';
  }
}

/** True for an `AdapterError` (also across bundle copies, which `instanceof` misses). */
export function isAdapterError(error: unknown): error is AdapterError {
  return error instanceof AdapterError || (error instanceof Error && error.name === 'AdapterError' && 'kind' in error);
}

/** The error a widget shows when the host's adapter lacks a domain. */
export function unsupported(domain: string, method?: string): AdapterError {
  return new AdapterError({
    kind: 'unsupported',
    message: method ? `This host does not provide ${domain}.${method}.` : `This host does not provide ${domain}.`,
  });
}

/** The error of a call its caller cancelled with its `AbortSignal` (the signal's reason is the cause). */
export function cancelled(signal?: AbortSignal): AdapterError {
  return new AdapterError({ kind: 'aborted', message: 'The request was cancelled.', cause: signal?.reason });
}
