/**
 * The adapter contract in one table: a row per method of `ForecourtAdapter` (row
 * `CONTRACT.<domain>.<method>`) with read or write, the HTTP verb and path, the schema of its
 * argument (query or body), the schema of its answer, and for a write the domains it may change.
 *
 * Everything else derives from it: `ADAPTER_DOMAINS`, `WRITE_METHODS` and `WRITE_AFFECTS`, the
 * REST adapter's requests (rest-adapter.ts), the cache's reads, writes and invalidations
 * (cache/with-cache.ts), the check of a stored outbox entry (cache/outbox.ts), the demo server's
 * routes (demo/api/handlers.ts), the fuzz routes (tests/hardening/routes.ts) and
 * docs/openapi.yaml (`npm run openapi`).
 *
 * The table's type is built from the interface, so a method added to `ForecourtAdapter` does not
 * compile until it has a row, and a row's `kind`, argument and answer must agree with the method.
 */
import * as v from 'valibot';
import type { AdapterDomain, ForecourtAdapter } from './adapter.js';
import {
  BoardEntrySchema,
  BoardQuerySchema,
  CategoryUpsertSchema,
  CustomerQuerySchema,
  CustomerSchema,
  CustomerSourceChangeSchema,
  DateRangeSchema,
  DealerProfileSchema,
  DeletedQuerySchema,
  DeletedRecordSchema,
  LeadQuerySchema,
  LeadFlagChangeSchema,
  LeadResponseSummarySchema,
  LeadSchema,
  MappingStatusSchema,
  MarketingSpendSchema,
  PosSourceSchema,
  RestoreLogEntrySchema,
  RestoreLogQuerySchema,
  RestoreRequestSchema,
  RestoreResultSchema,
  SmsFilterSchema,
  SmsImportBatchSchema,
  SmsImportResultSchema,
  SmsListQuerySchema,
  SmsMessageSchema,
  SmsSummarySchema,
  SourceCategorySchema,
  SourceCreateBodySchema,
  SourceReportSchema,
  SourceUpdateSchema,
  SpendUpsertBodySchema,
  StoredOemRuleSchema,
  TradeInVehicleSchema,
  TrafficAggregateSchema,
  TrafficEventSchema,
  TrafficHeatmapQuerySchema,
  TrafficHeatmapSchema,
  TrafficListQuerySchema,
  TrafficQuerySchema,
  VehicleWantSchema,
  WantFollowUpSchema,
  WantMatchSchema,
  WantQuerySchema,
  pageSchema,
} from './schemas.js';

export type HttpVerb = 'GET' | 'POST' | 'PUT' | 'PATCH';

type Api<D extends AdapterDomain> = NonNullable<ForecourtAdapter[D]>;
/** The method names of a domain. */
export type AdapterMethod<D extends AdapterDomain> = keyof Api<D> & string;
type Fn<D extends AdapterDomain, M extends AdapterMethod<D>> = NonNullable<Api<D>[M]>;
type Params<F> = F extends (...args: infer P) => unknown ? P : never;
type OptionsOf<F> = undefined extends Params<F>[0] ? Params<F>[0] : Params<F>[1];

/** The argument a method takes before its options; `undefined` for a method that takes only options. */
export type MethodArg<D extends AdapterDomain, M extends AdapterMethod<D>> =
  undefined extends Params<Fn<D, M>>[0] ? undefined : Params<Fn<D, M>>[0];
/** What a method resolves with. */
export type MethodResult<D extends AdapterDomain, M extends AdapterMethod<D>> = Fn<D, M> extends (...args: never[]) => Promise<infer R> ? R : never;
/** A method is a write when its options take an idempotency key. */
export type MethodKind<D extends AdapterDomain, M extends AdapterMethod<D>> =
  'idempotencyKey' extends keyof NonNullable<OptionsOf<Fn<D, M>>> ? 'write' : 'read';
/** The write methods of a domain. */
export type WriteMethod<D extends AdapterDomain> = { [M in AdapterMethod<D>]: MethodKind<D, M> extends 'write' ? M : never }[AdapterMethod<D>];

type StringKey<A> = { [K in keyof A]-?: A[K] extends string ? K : never }[keyof A] & string;

/**
 * Where the argument travels. `query`: the argument is the query (absent and null values left
 * out, the `filters` map as `filter.<dim>`); `path`: the argument is the path's `{id}`; `body`:
 * the argument is the JSON body, except that `id` names the field that travels as the path's
 * `{id}` (and leaves the body unless `idInBody`), and `wrap` puts the argument under that key.
 * A method that takes only options has neither `in` nor `request`.
 */
type RequestPart<A> = [A] extends [undefined]
  ? { in?: undefined; request?: undefined }
  :
      | { in: 'query' | 'path'; request: v.GenericSchema<unknown, A> }
      | { in: 'body'; request: v.GenericSchema<unknown, A>; id?: StringKey<A>; idInBody?: true; wrap?: string };

type WritePart<K> = K extends 'write'
  ? {
      /** Domains whose cached reads this write may change (its own domain is always one). */
      affects: readonly AdapterDomain[];
    }
  : { affects?: undefined };

/** How one method of the contract travels, and what it changes. */
export type ContractRow<D extends AdapterDomain, M extends AdapterMethod<D>> = {
  kind: MethodKind<D, M>;
  http: HttpVerb;
  /** The path after the base URL, with at most one parameter, `{id}`. */
  path: string;
  /** What a 2xx answer must be. */
  answer: v.GenericSchema<unknown, MethodResult<D, M>>;
  /** The success status when it is not 200. */
  status?: 201;
  /** What a server that lacks this optional method answers (501). */
  ifMissing?: string;
} & RequestPart<MethodArg<D, M>> &
  WritePart<MethodKind<D, M>>;

/** The table's type: every method of every domain of `ForecourtAdapter`, nothing else. */
export type Contract = { [D in AdapterDomain]: { [M in AdapterMethod<D>]-?: ContractRow<D, M> } };

/** A row with its types erased, for code that walks the table. */
export interface AnyContractRow {
  kind: 'read' | 'write';
  http: HttpVerb;
  path: string;
  answer: v.GenericSchema;
  status?: 201;
  ifMissing?: string;
  in?: 'query' | 'path' | 'body';
  request?: v.GenericSchema;
  id?: string;
  idInBody?: true;
  wrap?: string;
  affects?: readonly AdapterDomain[];
}

const SOURCES_AND_CUSTOMERS = ['sources', 'customers'] as const;

/** The contract, method by method. */
export const CONTRACT: Contract = {
  sources: {
    categories: { kind: 'read', http: 'GET', path: '/sources/categories', answer: v.array(SourceCategorySchema) },
    list: { kind: 'read', http: 'GET', path: '/sources', answer: v.array(PosSourceSchema) },
    mappingStatus: { kind: 'read', http: 'GET', path: '/sources/mapping-status', answer: MappingStatusSchema },
    report: { kind: 'read', http: 'GET', path: '/sources/report', in: 'query', request: DateRangeSchema, answer: SourceReportSchema },
    spend: { kind: 'read', http: 'GET', path: '/sources/spend', in: 'query', request: DateRangeSchema, answer: v.array(MarketingSpendSchema) },
    update: {
      kind: 'write',
      http: 'PATCH',
      path: '/sources/{id}',
      in: 'body',
      id: 'id',
      request: SourceUpdateSchema,
      answer: PosSourceSchema,
      affects: SOURCES_AND_CUSTOMERS,
    },
    create: {
      kind: 'write',
      http: 'POST',
      path: '/sources',
      in: 'body',
      request: SourceCreateBodySchema,
      answer: PosSourceSchema,
      status: 201,
      affects: SOURCES_AND_CUSTOMERS,
    },
    completeMapping: {
      kind: 'write',
      http: 'POST',
      path: '/sources/complete-mapping',
      answer: v.object({ mapped: v.number() }),
      affects: SOURCES_AND_CUSTOMERS,
    },
    saveCategory: {
      kind: 'write',
      http: 'PUT',
      path: '/sources/categories/{id}',
      in: 'body',
      id: 'id',
      request: CategoryUpsertSchema,
      answer: SourceCategorySchema,
      affects: SOURCES_AND_CUSTOMERS,
    },
    saveSpend: {
      kind: 'write',
      http: 'PUT',
      path: '/sources/spend',
      in: 'body',
      request: SpendUpsertBodySchema,
      answer: MarketingSpendSchema,
      affects: SOURCES_AND_CUSTOMERS,
    },
  },
  customers: {
    board: { kind: 'read', http: 'GET', path: '/customers/board', in: 'query', request: BoardQuerySchema, answer: v.array(BoardEntrySchema) },
    list: { kind: 'read', http: 'GET', path: '/customers', in: 'query', request: CustomerQuerySchema, answer: pageSchema(CustomerSchema) },
    setSource: {
      kind: 'write',
      http: 'PUT',
      path: '/customers/{id}/source',
      in: 'body',
      id: 'customerId',
      request: CustomerSourceChangeSchema,
      answer: CustomerSchema,
      affects: ['customers', 'sources'],
    },
  },
  sms: {
    list: { kind: 'read', http: 'GET', path: '/sms', in: 'query', request: SmsListQuerySchema, answer: pageSchema(SmsMessageSchema) },
    summary: { kind: 'read', http: 'GET', path: '/sms/summary', in: 'query', request: SmsFilterSchema, answer: SmsSummarySchema },
    import: {
      kind: 'write',
      http: 'POST',
      path: '/sms/import',
      in: 'body',
      wrap: 'messages',
      request: SmsImportBatchSchema,
      answer: SmsImportResultSchema,
      ifMissing: 'This server does not import SMS messages.',
      affects: ['sms'],
    },
  },
  leads: {
    list: { kind: 'read', http: 'GET', path: '/leads', in: 'query', request: LeadQuerySchema, answer: pageSchema(LeadSchema) },
    get: { kind: 'read', http: 'GET', path: '/leads/{id}', in: 'path', request: v.string(), answer: LeadSchema },
    rules: { kind: 'read', http: 'GET', path: '/oem-rules', answer: v.array(StoredOemRuleSchema) },
    saveRule: {
      kind: 'write',
      http: 'PUT',
      path: '/oem-rules/{id}',
      in: 'body',
      id: 'id',
      idInBody: true,
      request: StoredOemRuleSchema,
      answer: StoredOemRuleSchema,
      affects: ['leads'],
    },
    dealer: { kind: 'read', http: 'GET', path: '/dealer', answer: DealerProfileSchema },
    responseSummary: {
      kind: 'read',
      http: 'GET',
      path: '/leads/response-summary',
      in: 'query',
      request: DateRangeSchema,
      answer: LeadResponseSummarySchema,
    },
    flag: {
      kind: 'write',
      http: 'POST',
      path: '/leads/{id}/flag',
      in: 'body',
      id: 'leadId',
      request: LeadFlagChangeSchema,
      answer: LeadSchema,
      ifMissing: 'This server does not flag leads for a manager.',
      affects: ['leads'],
    },
  },
  traffic: {
    aggregate: { kind: 'read', http: 'GET', path: '/traffic/aggregate', in: 'query', request: TrafficQuerySchema, answer: TrafficAggregateSchema },
    heatmap: { kind: 'read', http: 'GET', path: '/traffic/heatmap', in: 'query', request: TrafficHeatmapQuerySchema, answer: TrafficHeatmapSchema },
    list: { kind: 'read', http: 'GET', path: '/traffic', in: 'query', request: TrafficListQuerySchema, answer: pageSchema(TrafficEventSchema) },
  },
  deleted: {
    list: { kind: 'read', http: 'GET', path: '/deleted', in: 'query', request: DeletedQuerySchema, answer: pageSchema(DeletedRecordSchema) },
    restore: {
      kind: 'write',
      http: 'POST',
      path: '/deleted/restore',
      in: 'body',
      request: RestoreRequestSchema,
      answer: RestoreResultSchema,
      // Open wants come back with a customer: the needed-vehicles list changes too.
      affects: ['deleted', 'customers', 'sources', 'vehicles'],
    },
    log: { kind: 'read', http: 'GET', path: '/deleted/restores', in: 'query', request: RestoreLogQuerySchema, answer: pageSchema(RestoreLogEntrySchema) },
  },
  vehicles: {
    wants: { kind: 'read', http: 'GET', path: '/vehicles/wants', in: 'query', request: WantQuerySchema, answer: pageSchema(VehicleWantSchema) },
    // A read with a body: the vehicle is a whole object, not a query.
    matchTradeIn: {
      kind: 'read',
      http: 'POST',
      path: '/vehicles/trade-in-matches',
      in: 'body',
      request: TradeInVehicleSchema,
      answer: v.array(WantMatchSchema),
    },
    followUp: {
      kind: 'write',
      http: 'POST',
      path: '/vehicles/wants/{id}/follow-up',
      in: 'body',
      id: 'wantId',
      request: WantFollowUpSchema,
      answer: VehicleWantSchema,
      ifMissing: 'This server does not record follow-ups.',
      affects: ['vehicles'],
    },
  },
};

// ───────────────────────────── derived ─────────────────────────────

/** One row of the table with its place in it. */
export interface ContractEntry {
  domain: AdapterDomain;
  method: string;
  /** `sources.update`. */
  label: string;
  row: AnyContractRow;
}

const rowsOf = (domain: AdapterDomain) => Object.entries(CONTRACT[domain]) as [string, AnyContractRow][];

/** The domains of the contract, in table order. */
export const ADAPTER_DOMAINS = Object.keys(CONTRACT) as readonly AdapterDomain[];

/** Every row of the table, in table order. */
export const CONTRACT_ENTRIES: readonly ContractEntry[] = ADAPTER_DOMAINS.flatMap((domain) =>
  rowsOf(domain).map(([method, row]) => ({ domain, method, label: `${domain}.${method}`, row })),
);

function perDomain<T>(pick: (domain: AdapterDomain) => T): Record<AdapterDomain, T> {
  return Object.fromEntries(ADAPTER_DOMAINS.map((domain) => [domain, pick(domain)])) as Record<AdapterDomain, T>;
}

/**
 * The write methods of each domain: what the cache's outbox sends and what invalidates reads.
 * Everything else is a read.
 */
export const WRITE_METHODS = perDomain((domain) => rowsOf(domain).filter(([, row]) => row.kind === 'write').map(([method]) => method)) as unknown as {
  readonly [D in AdapterDomain]: readonly WriteMethod<D>[];
};

/** Which domains a write in `domain` may change (the union over its writes), so their cached reads are refreshed. */
export const WRITE_AFFECTS: Record<AdapterDomain, readonly AdapterDomain[]> = perDomain((domain) => [
  ...new Set(rowsOf(domain).flatMap(([, row]) => row.affects ?? [])),
]);

/** The row of `domain.method`; undefined for a method the contract does not have. */
export function contractRow(domain: AdapterDomain, method: string): AnyContractRow | undefined {
  const rows = CONTRACT[domain] as Record<string, AnyContractRow> | undefined;
  return rows && Object.hasOwn(rows, method) ? rows[method] : undefined;
}

/** True for a method that takes only options, no argument (`sources.list(opts)`). */
export function takesOptionsOnly(domain: AdapterDomain, method: string): boolean {
  const row = contractRow(domain, method);
  return row !== undefined && row.in === undefined;
}

/** The domains whose cached reads a confirmed `domain.method` write may change, its own first. */
export function affectedBy(domain: AdapterDomain, method: string): AdapterDomain[] {
  return [...new Set([domain, ...(contractRow(domain, method)?.affects ?? WRITE_AFFECTS[domain])])];
}

// ───────────────────────────── the wire ─────────────────────────────

/** The value of the path's `{id}` for `arg`. */
function pathId(row: AnyContractRow, arg: unknown): string | undefined {
  if (row.in === 'path') return String(arg);
  if (row.id !== undefined) return String((arg as Record<string, unknown>)[row.id]);
  return undefined;
}

/** The request path of a call: `/sources/src%2F1` for `sources.update({ id: 'src/1', … })`. */
export function requestPath(row: AnyContractRow, arg: unknown): string {
  const id = pathId(row, arg);
  return id === undefined ? row.path : row.path.replace('{id}', encodeURIComponent(id));
}

/** The JSON body of a call; undefined when the method sends none. */
export function requestBody(row: AnyContractRow, arg: unknown): unknown {
  if (row.in !== 'body') return undefined;
  if (row.wrap !== undefined) return { [row.wrap]: arg };
  if (row.id !== undefined && !row.idInBody) {
    const { [row.id]: _inPath, ...rest } = arg as Record<string, unknown>;
    return rest;
  }
  return arg;
}

/** The path with its parameter in MSW's form: `/sources/:id`. */
export function mswPath(row: AnyContractRow): string {
  return row.path.replace('{id}', ':id');
}

/** A regular expression matching the request paths of the row (after the base URL). */
export function pathPattern(row: AnyContractRow): RegExp {
  const [head = '', tail = ''] = row.path.split('{id}');
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  return new RegExp(row.path.includes('{id}') ? `^${escape(head)}[^/]+${escape(tail)}$` : `^${escape(row.path)}$`);
}

/** The schema of the JSON body a server receives; undefined when the method sends none. */
export function bodySchema(row: AnyContractRow): v.GenericSchema | undefined {
  if (row.in !== 'body' || !row.request) return undefined;
  if (row.wrap !== undefined) return v.object({ [row.wrap]: row.request });
  if (row.id !== undefined && !row.idInBody) {
    return v.omit(row.request as v.ObjectSchema<v.ObjectEntries, undefined>, [row.id]) as unknown as v.GenericSchema;
  }
  return row.request;
}
