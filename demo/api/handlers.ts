/**
 * MSW handlers that serve the REST contract of docs/rest-api.md from any ForecourtAdapter
 * (the demo and the tests use the memory adapter over a seeded dataset). One route table;
 * every route parses and validates its request, calls the backend and maps AdapterErrors
 * to HTTP statuses with a `{ message, ... }` JSON body.
 */
import { delay, http, HttpResponse } from 'msw';
import type { RequestHandler } from 'msw';
import * as v from 'valibot';
import type { AdapterDomain, ForecourtAdapter, ReadOptions, WriteOptions } from '../../src/data/adapter.js';
import { AdapterError, isAdapterError } from '../../src/data/errors.js';
import { mulberry32 } from '../../src/data/demo-data.js';
import { TRAFFIC_TIME_GRAINS } from '../../src/data/model.js';
import type { AdapterErrorKind } from '../../src/data/errors.js';
import {
  DELETE_REASONS,
  SMS_DIRECTIONS,
  SMS_ERROR_CATEGORIES,
  SMS_STATUSES,
} from '../../src/data/model.js';
import {
  CategoryUpsertBodySchema,
  CustomerSourceBodySchema,
  IsoDateSchema,
  RestoreRequestSchema,
  SmsImportBodySchema,
  SourceCreateBodySchema,
  SourceUpdateBodySchema,
  SpendUpsertBodySchema,
  StoredOemRuleSchema,
  TradeInVehicleSchema,
  TrafficDimensionSchema,
  TrafficFiltersSchema,
  issuePath,
  issueText,
} from '../../src/data/schemas.js';

/** Switches the demo page flips to simulate trouble. Read on every request. */
export interface ApiFaults {
  /** Every request fails as a network error. */
  offline: boolean;
  /** Every request answers 503. */
  failing: boolean;
  /** Added to every response, in milliseconds. */
  latencyMs: number;
  /** Random trouble per request (see `createChaos`); null for none. */
  chaos: Chaos | null;
  /** Where every write the server gets is written down (see `createWriteLedger`); null for nowhere. */
  ledger: WriteLedger | null;
}

/** Faults all switched off. */
export function createApiFaults(): ApiFaults {
  return { offline: false, failing: false, latencyMs: 0, chaos: null, ledger: null };
}

// ───────────────────────────── chaos ─────────────────────────────

/**
 * What chaos can do to one request. Before the route runs (nothing is applied): `server-error`
 * (500, 502 or 503), `rate-limited` (429 with `Retry-After`), `network` (no response). After the
 * route ran (a write is applied, its answer is spoiled): `lost-response` (no response),
 * `truncated` (the 200's JSON cut off mid-way), `wrong-shape` (a 200 whose body is not what the
 * contract says: an object where a list belongs, a list where an object does). `latency` and
 * `hold` delay the request before anything else happens.
 */
export const CHAOS_FAULTS = ['latency', 'hold', 'server-error', 'rate-limited', 'network', 'lost-response', 'truncated', 'wrong-shape'] as const;
export type ChaosFault = (typeof CHAOS_FAULTS)[number];

export interface ChaosOptions {
  /** Seed of the random choices; the same seed gives the same sequence of choices. */
  seed: number;
  /**
   * Chance per request (0 to 1) of each fault. A request is slowed by latency or held (not both)
   * besides at most one of the other faults.
   */
  rates?: Partial<Record<ChaosFault, number>>;
  /** Longest random latency in ms. Default 10000. */
  latencyMaxMs?: number;
  /** How long a held request waits, in ms: longer than a client's timeout. Default 20000. */
  holdMs?: number;
  /** The `Retry-After` of a 429, in seconds. Default 1. */
  retryAfterSeconds?: number;
}

/** Chaos switched on: its settings, its random stream and how many faults of each kind it injected. */
export interface Chaos extends Required<ChaosOptions> {
  rates: Record<ChaosFault, number>;
  random: () => number;
  injected: Record<ChaosFault, number>;
}

/** Default chances: about one request in five is spoiled, half are slowed. */
export const DEFAULT_CHAOS_RATES: Readonly<Record<ChaosFault, number>> = {
  latency: 0.5,
  hold: 0.01,
  'server-error': 0.05,
  'rate-limited': 0.03,
  network: 0.03,
  'lost-response': 0.03,
  truncated: 0.03,
  'wrong-shape': 0.03,
};

/**
 * Random faults per request, from a seeded stream.
 * @param options The seed, the chance of each fault, the longest latency (default 10 s).
 * @returns The chaos to put in `ApiFaults.chaos`; its `injected` counts what it did.
 * @example faults.chaos = createChaos({ seed: 42, latencyMaxMs: 300 });
 */
export function createChaos(options: ChaosOptions): Chaos {
  return {
    seed: options.seed,
    rates: { ...DEFAULT_CHAOS_RATES, ...options.rates },
    latencyMaxMs: options.latencyMaxMs ?? 10_000,
    holdMs: options.holdMs ?? 20_000,
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    random: mulberry32(options.seed),
    injected: Object.fromEntries(CHAOS_FAULTS.map((k) => [k, 0])) as Record<ChaosFault, number>,
  };
}

/** What chaos does to one request. */
interface ChaosPlan {
  delayMs: number;
  fault: Exclude<ChaosFault, 'latency' | 'hold'> | null;
}

function planChaos(chaos: Chaos): ChaosPlan {
  const roll = (fault: ChaosFault) => chaos.random() < chaos.rates[fault];
  let delayMs = 0;
  if (roll('hold')) {
    chaos.injected.hold++;
    delayMs = chaos.holdMs;
  } else if (roll('latency')) {
    chaos.injected.latency++;
    delayMs = Math.round(chaos.random() * chaos.latencyMaxMs);
  }
  // One draw shared out among the faults, so their rates add up rather than shadow each other.
  const draw = chaos.random();
  let floor = 0;
  for (const fault of ['server-error', 'rate-limited', 'network', 'lost-response', 'truncated', 'wrong-shape'] as const) {
    floor += chaos.rates[fault];
    if (draw < floor) {
      chaos.injected[fault]++;
      return { delayMs, fault };
    }
  }
  return { delayMs, fault: null };
}

function chaosBefore(chaos: Chaos, fault: ChaosPlan['fault']): Response | null {
  switch (fault) {
    case 'network':
      return HttpResponse.error();
    case 'rate-limited':
      return HttpResponse.json(
        { message: 'Too many requests (429). Try again shortly.' },
        { status: 429, headers: { 'Retry-After': String(chaos.retryAfterSeconds) } },
      );
    case 'server-error': {
      const status = [500, 502, 503][Math.floor(chaos.random() * 3)]!;
      return HttpResponse.json({ message: `The server failed (${status}).` }, { status });
    }
    default:
      return null;
  }
}

/** The route's answer spoiled after it was made: lost, cut off, or the wrong shape. */
function chaosAfter(chaos: Chaos, fault: ChaosPlan['fault'], body: unknown, status: number): Response | null {
  switch (fault) {
    case 'lost-response':
      return HttpResponse.error();
    case 'truncated': {
      const text = JSON.stringify(body) ?? 'null';
      const cut = 1 + Math.floor(chaos.random() * Math.max(1, text.length - 1));
      return new HttpResponse(text.slice(0, cut), { status, headers: { 'Content-Type': 'application/json' } });
    }
    case 'wrong-shape':
      return HttpResponse.json((Array.isArray(body) ? { items: 'not a list' } : [body]) as never, { status });
    default:
      return null;
  }
}

// ───────────────────────────── write ledger ─────────────────────────────

/** One write request as the server saw it. */
export interface WriteRecord {
  /** The request's `Idempotency-Key`. */
  key: string;
  /** `PUT /customers/c-1/source`, without the base URL. */
  request: string;
  /** The request's JSON body, as sent. */
  body: string;
  /** `applied`: the first success under its key; `replayed`: a success already applied under it; `refused`: the route failed. */
  outcome: 'applied' | 'replayed' | 'refused';
  /** The status the route answered (before chaos spoiled it). */
  status: number;
}

/** Every write the server got, in arrival order, and how many times each key was applied. */
export interface WriteLedger {
  records: WriteRecord[];
  applied: Map<string, number>;
}

export function createWriteLedger(): WriteLedger {
  return { records: [], applied: new Map() };
}

function noteWrite(ledger: WriteLedger, record: Omit<WriteRecord, 'outcome'>): void {
  const ok = record.status >= 200 && record.status < 300;
  const before = ledger.applied.get(record.key) ?? 0;
  if (ok && before === 0) ledger.applied.set(record.key, 1);
  ledger.records.push({ ...record, outcome: !ok ? 'refused' : before === 0 ? 'applied' : 'replayed' });
}

export interface ApiHandlersOptions {
  /** Where the API is served, e.g. `/api`. */
  baseUrl: string;
  faults?: ApiFaults;
}

// ───────────────────────────── query schemas ─────────────────────────────
// They turn query strings into typed values; the rules on the values themselves (range order,
// page size, cursor) are the backend's, so they live in one place.

const range = { from: IsoDateSchema, to: IsoDateSchema };
const paging = {
  cursor: v.optional(v.string()),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'expected a whole number'), v.toNumber())),
};
const flag = v.optional(v.pipe(v.picklist(['true', 'false']), v.transform((s) => s === 'true')));
const text = v.optional(v.string());
const trafficFilters = { filters: v.optional(TrafficFiltersSchema), zone: text };

const RangeQuery = v.object(range);
const SmsFilterQuery = v.object({
  ...range,
  direction: v.optional(v.picklist(SMS_DIRECTIONS)),
  status: v.optional(v.picklist(SMS_STATUSES)),
  errorCategory: v.optional(v.picklist(SMS_ERROR_CATEGORIES)),
  errorCode: text,
  employeeId: text,
  customerId: text,
  text,
});
const SmsListQuery = v.object({
  ...SmsFilterQuery.entries,
  ...paging,
  offset: v.optional(v.pipe(v.string(), v.regex(/^\d+$/, 'expected a whole number'), v.toNumber())),
  order: v.optional(v.picklist(['asc', 'desc'])),
});
const TrafficAggregateQuery = v.object({ ...range, groupBy: TrafficDimensionSchema, timeGrain: v.optional(v.picklist(TRAFFIC_TIME_GRAINS)), ...trafficFilters });
const TrafficRangeQuery = v.object({ ...range, ...trafficFilters });
const TrafficListQuery = v.object({ ...range, ...trafficFilters, ...paging });
const DeletedQuery = v.object({
  ...range,
  reason: v.optional(v.picklist(DELETE_REASONS)),
  search: text,
  includeRestored: flag,
  ...paging,
});

// ───────────────────────────── routes ─────────────────────────────

interface Ctx {
  params: Record<string, string>;
  /** The query string parsed with `schema`; a bad parameter is a 400 naming it. */
  query<T>(schema: v.GenericSchema<unknown, T>): T;
  /** The JSON body parsed with `schema`; bad JSON is a 400, a bad field a 422 naming it. */
  body<T>(schema: v.GenericSchema<unknown, T>): Promise<T>;
  read: ReadOptions;
  write: WriteOptions;
}

type Method = 'get' | 'post' | 'put' | 'patch';
interface Route {
  domain: AdapterDomain;
  method: Method;
  path: string;
  status: number;
  handle(api: unknown, ctx: Ctx): Promise<unknown>;
}

function route<D extends AdapterDomain>(
  domain: D,
  method: Method,
  path: string,
  handle: (api: NonNullable<ForecourtAdapter[D]>, ctx: Ctx) => Promise<unknown>,
  status = 200,
): Route {
  return { domain, method, path, status, handle: handle as Route['handle'] };
}

/** Static segments come before `:id` routes on the same prefix: MSW takes the first match. */
const ROUTES: Route[] = [
  route('sources', 'get', '/sources/categories', (api, r) => api.categories(r.read)),
  route('sources', 'put', '/sources/categories/:id', async (api, r) =>
    api.saveCategory({ ...(await r.body(CategoryUpsertBodySchema)), id: r.params.id! }, r.write),
  ),
  route('sources', 'get', '/sources/mapping-status', (api, r) => api.mappingStatus(r.read)),
  route('sources', 'get', '/sources/report', (api, r) => api.report(r.query(RangeQuery), r.read)),
  route('sources', 'get', '/sources/spend', (api, r) => api.spend(r.query(RangeQuery), r.read)),
  route('sources', 'put', '/sources/spend', async (api, r) => api.saveSpend(await r.body(SpendUpsertBodySchema), r.write)),
  route('sources', 'post', '/sources/complete-mapping', (api, r) => api.completeMapping(r.write)),
  route('sources', 'get', '/sources', (api, r) => api.list(r.read)),
  route('sources', 'post', '/sources', async (api, r) => api.create(await r.body(SourceCreateBodySchema), r.write), 201),
  route('sources', 'patch', '/sources/:id', async (api, r) =>
    api.update({ ...(await r.body(SourceUpdateBodySchema)), id: r.params.id! }, r.write),
  ),

  route('customers', 'get', '/customers/board', (api, r) => api.board(r.query(v.object({ date: IsoDateSchema })), r.read)),
  route('customers', 'get', '/customers', (api, r) =>
    api.list(r.query(v.object({ search: text, sourceUnknown: flag, ...paging })), r.read),
  ),
  route('customers', 'put', '/customers/:id/source', async (api, r) =>
    api.setSource({ ...(await r.body(CustomerSourceBodySchema)), customerId: r.params.id! }, r.write),
  ),

  route('sms', 'get', '/sms/summary', (api, r) => api.summary(r.query(SmsFilterQuery), r.read)),
  route('sms', 'get', '/sms', (api, r) => api.list(r.query(SmsListQuery), r.read)),
  route('sms', 'post', '/sms/import', async (api, r) => {
    if (!api.import) throw new AdapterError({ kind: 'unsupported', status: 501, message: 'This server does not import SMS messages.' });
    return api.import((await r.body(SmsImportBodySchema)).messages, r.write);
  }),

  route('leads', 'get', '/leads/response-summary', (api, r) =>
    api.responseSummary(r.query(RangeQuery), r.read),
  ),
  route('leads', 'get', '/leads', (api, r) =>
    api.list(r.query(v.object({ ...range, ruleId: text, salespersonId: text, ...paging })), r.read),
  ),
  route('leads', 'get', '/leads/:id', (api, r) => api.get(r.params.id!, r.read)),
  route('leads', 'get', '/oem-rules', (api, r) => api.rules(r.read)),
  route('leads', 'put', '/oem-rules/:id', async (api, r) => {
    const rule = await r.body(StoredOemRuleSchema);
    if (rule.id !== r.params.id) throw badRequest(`Rule id ${rule.id} in the body does not match ${r.params.id} in the path.`);
    return api.saveRule(rule, r.write);
  }),
  route('leads', 'get', '/dealer', (api, r) => api.dealer(r.read)),

  route('traffic', 'get', '/traffic/aggregate', (api, r) => api.aggregate(r.query(TrafficAggregateQuery), r.read)),
  route('traffic', 'get', '/traffic/heatmap', (api, r) => api.heatmap(r.query(TrafficRangeQuery), r.read)),
  route('traffic', 'get', '/traffic', (api, r) => api.list(r.query(TrafficListQuery), r.read)),

  route('deleted', 'get', '/deleted', (api, r) =>
    api.list(r.query(DeletedQuery), r.read),
  ),
  route('deleted', 'post', '/deleted/restore', async (api, r) => api.restore(await r.body(RestoreRequestSchema), r.write)),

  route('vehicles', 'get', '/vehicles/wants', (api, r) =>
    api.wants(r.query(v.object({ make: text, search: text, ...paging })), r.read),
  ),
  route('vehicles', 'post', '/vehicles/trade-in-matches', async (api, r) =>
    api.matchTradeIn(await r.body(TradeInVehicleSchema), r.read),
  ),
];

// ───────────────────────────── plumbing ─────────────────────────────

function badRequest(message: string, status = 400): AdapterError {
  return new AdapterError({ kind: 'rejected', status, message });
}

/** Query parameters as an object; `filter.<dimension>` parameters are gathered under `filters`. */
function queryObject(params: URLSearchParams): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  const filters: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key.startsWith('filter.')) filters[key.slice('filter.'.length)] = value;
    else query[key] = value;
  }
  if (Object.keys(filters).length > 0) query.filters = filters;
  return query;
}

function parseQuery<T>(schema: v.GenericSchema<unknown, T>, params: URLSearchParams): T {
  const result = v.safeParse(schema, queryObject(params));
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = issuePath(issue).replace(/^filters\./, 'filter.');
  throw badRequest(path ? `Invalid query parameter ${path}: ${issueText(issue)}.` : `Invalid query: ${issueText(issue)}.`);
}

async function parseBody<T>(schema: v.GenericSchema<unknown, T>, request: Request): Promise<T> {
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    throw badRequest('The request body is not valid JSON.');
  }
  const result = v.safeParse(schema, json);
  if (result.success) return result.output;
  const issue = result.issues[0];
  throw badRequest(`Invalid request body: ${issuePath(issue) || '(root)'}: ${issueText(issue)}.`, 422);
}

const STATUS_FOR_KIND: Record<AdapterErrorKind, number> = {
  network: 502,
  timeout: 504,
  aborted: 499,
  auth: 403,
  'not-found': 404,
  conflict: 409,
  rejected: 422,
  'rate-limited': 429,
  server: 500,
  malformed: 500,
  unsupported: 501,
};

function errorResponse(error: unknown): Response {
  if (isAdapterError(error)) {
    const status = error.status >= 400 && error.status <= 599 ? error.status : STATUS_FOR_KIND[error.kind];
    const body = typeof error.body === 'object' && error.body !== null && !Array.isArray(error.body) ? error.body : {};
    return HttpResponse.json({ ...body, message: error.message }, { status });
  }
  const reason = error instanceof Error ? error.message : String(error);
  return HttpResponse.json({ message: `The server failed: ${reason}` }, { status: 500 });
}

/** MSW handlers serving the whole REST contract from `backend`. */
export function createApiHandlers(backend: ForecourtAdapter, options: ApiHandlersOptions): RequestHandler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const faults = options.faults ?? createApiFaults();
  return ROUTES.map((r) =>
    http[r.method](base + r.path, async ({ request, params }) => {
      if (faults.offline) return HttpResponse.error();
      if (faults.latencyMs > 0) await delay(faults.latencyMs);
      const chaos = faults.chaos;
      const plan = chaos ? planChaos(chaos) : null;
      if (plan && plan.delayMs > 0) await delay(plan.delayMs);
      if (faults.failing) {
        return HttpResponse.json({ message: 'The server is unavailable right now (503). Try again shortly.' }, { status: 503 });
      }
      const spoiled = chaos && plan ? chaosBefore(chaos, plan.fault) : null;
      if (spoiled) return spoiled;
      const api = backend[r.domain];
      if (!api) return HttpResponse.json({ message: `This server does not provide ${r.domain}.` }, { status: 501 });
      const url = new URL(request.url);
      const read: ReadOptions = { signal: request.signal };
      const key = request.headers.get('Idempotency-Key') ?? undefined;
      const ctx: Ctx = {
        params: params as Record<string, string>,
        query: (schema) => parseQuery(schema, url.searchParams),
        body: (schema) => parseBody(schema, request),
        read,
        write: { ...read, idempotencyKey: key },
      };
      const ledger = key ? faults.ledger : null;
      const path = url.pathname.slice(new URL(base || '/', url).pathname.replace(/\/+$/, '').length);
      const note = ledger && key ? { key, request: `${request.method} ${path}`, body: await request.clone().text() } : null;
      let body: unknown;
      const status = r.status;
      try {
        body = await r.handle(api, ctx);
      } catch (error) {
        const response = errorResponse(error);
        if (ledger && note) noteWrite(ledger, { ...note, status: response.status });
        return response;
      }
      if (ledger && note) noteWrite(ledger, { ...note, status });
      return (chaos && plan ? chaosAfter(chaos, plan.fault, body, status) : null) ?? HttpResponse.json(body as never, { status });
    }),
  );
}
