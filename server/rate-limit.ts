/**
 * A request budget per tenant (a token bucket): `perSecond` requests a second on average, up to
 * `burst` at once. Past it a request is refused with 429 and `Retry-After`, the seconds until the
 * budget has room again, which the client's outbox waits before it sends again.
 */
import { AdapterError } from '../src/data/errors.js';

export interface RateLimit {
  /** Requests a second per tenant, on average. */
  perSecond: number;
  /** Requests at once before the average applies. Default: `perSecond`. */
  burst?: number;
}

/** A check per tenant that throws a 429 with `retryAfterMs` when the tenant is over its budget. */
export function createRateLimiter(limit: RateLimit, now: () => number = Date.now): (tenant: string) => void {
  const burst = limit.burst ?? limit.perSecond;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return (tenant) => {
    const t = now();
    const bucket = buckets.get(tenant) ?? { tokens: burst, at: t };
    bucket.tokens = Math.min(burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond);
    bucket.at = t;
    buckets.set(tenant, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return;
    }
    // Whole seconds, as Retry-After is sent: at least one.
    const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
    throw new AdapterError({
      kind: 'rate-limited',
      status: 429,
      message: `Too many requests: try again in ${seconds} s.`,
      retryAfterMs: seconds * 1000,
    });
  };
}
