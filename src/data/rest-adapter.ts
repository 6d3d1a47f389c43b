/**
 * The ForecourtAdapter contract over HTTP, as documented in `docs/rest-api.md`.
 *
 * One route table maps every method of the contract to an endpoint; one request function sends
 * it, applies the timeout, the caller's abort signal, the bearer token and the idempotency key,
 * and validates the response against the method's schema. Every failure is an `AdapterError`.
 */
import * as v from 'valibot';
import { ADAPTER_DOMAINS, WRITE_METHODS } from './adapter.js';
import type { AdapterDomain, ForecourtAdapter, ReadOptions, WriteOptions } from './adapter.js';
import { AdapterError } from './errors.js';
import {
  BoardEntrySchema,
  CustomerSchema,
  DealerProfileSchema,
  DeletedRecordSchema,
  LeadResponseSummarySchema,
  LeadSchema,
  MappingStatusSchema,
  MarketingSpendSchema,
  PosSourceSchema,
  RestoreResultSchema,
  SmsImportResultSchema,
  SmsMessageSchema,
  SmsSummarySchema,
  SourceCategorySchema,
  SourceReportSchema,
  StoredOemRuleSchema,
  TrafficAggregateSchema,
  TrafficEventSchema,
  TrafficHeatmapSchema,
  VehicleWantSchema,
  WantMatchSchema,
  describeIssue,
  pageSchema,
} from './schemas.js';

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
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH';
type QueryValue = string | number | boolean | null | undefined | Record<string, string | undefined>;

/** How one contract method travels: method, path, query, body, and the schema of the answer. */
interface Route<A, R> {
  http: HttpMethod;
  path: string | ((arg: A) => string);
  query?: (arg: A) => object;
  body?: (arg: A) => unknown;
  schema: v.GenericSchema<unknown, R>;
}

/** Methods whose first parameter is optional take only options, no argument. */
type RouteFor<F> = F extends (...args: infer P) => Promise<infer R> ? Route<undefined extends P[0] ? void : P[0], R> : never;
type RouteTable = {
  [D in AdapterDomain]-?: { [M in keyof NonNullable<ForecourtAdapter[D]>]-?: RouteFor<NonNullable<ForecourtAdapter[D]>[M]> };
};

const id = encodeURIComponent;
const same = <T extends object>(arg: T) => arg;
function without<K extends string>(key: K) {
  return <T extends Record<K, unknown>>(arg: T): Omit<T, K> => {
    const { [key]: _omitted, ...rest } = arg;
    return rest;
  };
}

/** The REST contract, method by method. Keep in step with docs/rest-api.md and docs/openapi.yaml. */
const ROUTES: RouteTable = {
  sources: {
    categories: { http: 'GET', path: '/sources/categories', schema: v.array(SourceCategorySchema) },
    list: { http: 'GET', path: '/sources', schema: v.array(PosSourceSchema) },
    mappingStatus: { http: 'GET', path: '/sources/mapping-status', schema: MappingStatusSchema },
    report: { http: 'GET', path: '/sources/report', query: same, schema: SourceReportSchema },
    spend: { http: 'GET', path: '/sources/spend', query: same, schema: v.array(MarketingSpendSchema) },
    update: { http: 'PATCH', path: (c) => `/sources/${id(c.id)}`, body: without('id'), schema: PosSourceSchema },
    create: { http: 'POST', path: '/sources', body: same, schema: PosSourceSchema },
    completeMapping: { http: 'POST', path: '/sources/complete-mapping', schema: v.object({ mapped: v.number() }) },
    saveCategory: { http: 'PUT', path: (c) => `/sources/categories/${id(c.id)}`, body: without('id'), schema: SourceCategorySchema },
    saveSpend: { http: 'PUT', path: '/sources/spend', body: same, schema: MarketingSpendSchema },
  },
  customers: {
    board: { http: 'GET', path: '/customers/board', query: same, schema: v.array(BoardEntrySchema) },
    list: { http: 'GET', path: '/customers', query: same, schema: pageSchema(CustomerSchema) },
    setSource: {
      http: 'PUT',
      path: (c) => `/customers/${id(c.customerId)}/source`,
      body: without('customerId'),
      schema: CustomerSchema,
    },
  },
  sms: {
    list: { http: 'GET', path: '/sms', query: same, schema: pageSchema(SmsMessageSchema) },
    summary: { http: 'GET', path: '/sms/summary', query: same, schema: SmsSummarySchema },
    import: { http: 'POST', path: '/sms/import', body: (messages) => ({ messages }), schema: SmsImportResultSchema },
  },
  leads: {
    list: { http: 'GET', path: '/leads', query: same, schema: pageSchema(LeadSchema) },
    get: { http: 'GET', path: (leadId) => `/leads/${id(leadId)}`, schema: LeadSchema },
    rules: { http: 'GET', path: '/oem-rules', schema: v.array(StoredOemRuleSchema) },
    saveRule: { http: 'PUT', path: (rule) => `/oem-rules/${id(rule.id)}`, body: same, schema: StoredOemRuleSchema },
    dealer: { http: 'GET', path: '/dealer', schema: DealerProfileSchema },
    responseSummary: { http: 'GET', path: '/leads/response-summary', query: same, schema: LeadResponseSummarySchema },
  },
  traffic: {
    aggregate: { http: 'GET', path: '/traffic/aggregate', query: same, schema: TrafficAggregateSchema },
    heatmap: { http: 'GET', path: '/traffic/heatmap', query: same, schema: TrafficHeatmapSchema },
    list: { http: 'GET', path: '/traffic', query: same, schema: pageSchema(TrafficEventSchema) },
  },
  deleted: {
    list: { http: 'GET', path: '/deleted', query: same, schema: pageSchema(DeletedRecordSchema) },
    restore: { http: 'POST', path: '/deleted/restore', body: same, schema: RestoreResultSchema },
  },
  vehicles: {
    wants: { http: 'GET', path: '/vehicles/wants', query: same, schema: pageSchema(VehicleWantSchema) },
    matchTradeIn: { http: 'POST', path: '/vehicles/trade-in-matches', body: same, schema: v.array(WantMatchSchema) },
  },
};

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

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/** Creates an adapter that implements the whole contract over HTTP. */
export function createRestAdapter(options: RestAdapterOptions): ForecourtAdapter {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
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

  async function send<A, R>(route: Route<A, R>, arg: A, opts: WriteOptions = {}, write: boolean): Promise<R> {
    const path = typeof route.path === 'function' ? route.path(arg) : route.path;
    const label = `${route.http} ${path}`;
    const body = route.body ? JSON.stringify(route.body(arg)) : undefined;
    const url = base + path + (route.query ? encodeQuery(route.query(arg)) : '');
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;

    let response: Response;
    let text: string;
    try {
      opts.signal?.throwIfAborted();
      const headers = await headersFor(write, opts, body !== undefined, label);
      response = await doFetch(url, { method: route.http, headers, body, signal });
      text = await response.text();
    } catch (cause) {
      if (cause instanceof AdapterError) throw cause;
      if (opts.signal?.aborted) throw new AdapterError({ kind: 'aborted', message: `${label} was cancelled.`, cause });
      if (timeout.aborted) {
        throw new AdapterError({ kind: 'timeout', message: `${label} got no answer within ${timeoutMs / 1000} s.`, cause });
      }
      const reason = cause instanceof Error ? cause.message : String(cause);
      throw new AdapterError({ kind: 'network', message: `Could not reach the server for ${label} (${reason}).`, cause });
    }

    const json = parseJson(text);
    if (!response.ok) {
      const errorBody = json.ok ? json.value : text || undefined;
      const serverMessage =
        json.ok && typeof json.value === 'object' && json.value !== null && 'message' in json.value
          ? String(json.value.message)
          : '';
      throw new AdapterError({
        kind: AdapterError.kindForStatus(response.status),
        status: response.status,
        message: serverMessage || `${label} failed with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
        body: errorBody,
      });
    }
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
    const result = v.safeParse(route.schema, json.value, { abortEarly: true });
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

  const adapter: Record<string, Record<string, unknown>> = {};
  for (const domain of ADAPTER_DOMAINS) {
    const writes: readonly string[] = WRITE_METHODS[domain];
    const routes = ROUTES[domain] as Record<string, Route<unknown, unknown>>;
    adapter[domain] = Object.fromEntries(
      Object.entries(routes).map(([name, route]) => {
        const write = writes.includes(name);
        const takesArg = typeof route.path === 'function' || route.query !== undefined || route.body !== undefined;
        const method = takesArg
          ? (arg: unknown, opts?: ReadOptions) => send(route, arg, opts, write)
          : (opts?: ReadOptions) => send(route, undefined, opts, write);
        return [name, method];
      }),
    );
  }
  return adapter as ForecourtAdapter;
}
