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
  /** 5xx. */
  | 'server'
  /** The response was not what the contract says (bad JSON, a field of the wrong type). */
  | 'malformed'
  /** This adapter does not provide the domain or method. */
  | 'unsupported';

export interface AdapterErrorInit {
  kind: AdapterErrorKind;
  status?: number;
  message: string;
  body?: unknown;
  cause?: unknown;
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

  constructor({ kind, status = 0, message, body, cause }: AdapterErrorInit) {
    super(message, cause === undefined ? undefined : { cause });
    this.kind = kind;
    this.status = status;
    this.body = body;
    this.retryable = kind === 'network' || kind === 'timeout' || kind === 'rate-limited' || kind === 'server';
  }

  /** The kind of error an HTTP status stands for. */
  static kindForStatus(status: number): AdapterErrorKind {
    if (status === 401 || status === 403) return 'auth';
    if (status === 404) return 'not-found';
    if (status === 409 || status === 412) return 'conflict';
    if (status === 429) return 'rate-limited';
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
