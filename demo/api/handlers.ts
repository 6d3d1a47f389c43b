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
}

/** Faults all switched off. */
export function createApiFaults(): ApiFaults {
  return { offline: false, failing: false, latencyMs: 0 };
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
      if (faults.failing) {
        return HttpResponse.json({ message: 'The server is unavailable right now (503). Try again shortly.' }, { status: 503 });
      }
      const api = backend[r.domain];
      if (!api) return HttpResponse.json({ message: `This server does not provide ${r.domain}.` }, { status: 501 });
      const url = new URL(request.url);
      const read: ReadOptions = { signal: request.signal };
      const ctx: Ctx = {
        params: params as Record<string, string>,
        query: (schema) => parseQuery(schema, url.searchParams),
        body: (schema) => parseBody(schema, request),
        read,
        write: { ...read, idempotencyKey: request.headers.get('Idempotency-Key') ?? undefined },
      };
      try {
        return HttpResponse.json((await r.handle(api, ctx)) as never, { status: r.status });
      } catch (error) {
        return errorResponse(error);
      }
    }),
  );
}
