/**
 * Every method of the adapter contract as the fuzz tests see it: the HTTP route the REST adapter
 * calls, the schema its answer must meet (the contract of docs/rest-api.md), and a call with a
 * fixed, valid argument. The table's type lists every method of `ForecourtAdapter`, so a method
 * added to the contract does not compile here until it is fuzzed too.
 */
import * as v from 'valibot';
import type { AdapterDomain, ForecourtAdapter } from '../../src/data/adapter.js';
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
  pageSchema,
} from '../../src/data/schemas.js';

/** One adapter method under fuzz. */
export interface FuzzRoute {
  http: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** The request path (after the base URL). */
  path: RegExp;
  /** What a response must be. */
  schema: v.GenericSchema;
  /** Calls the method with a valid argument. */
  call: (adapter: ForecourtAdapter) => Promise<unknown>;
}

type RouteTable = { [D in AdapterDomain]-?: { [M in keyof NonNullable<ForecourtAdapter[D]>]-?: FuzzRoute } };

const RANGE = { from: '2026-03-01', to: '2026-03-31' };
const route = (http: FuzzRoute['http'], path: RegExp, schema: v.GenericSchema, call: FuzzRoute['call']): FuzzRoute => ({ http, path, schema, call });

/** The contract, method by method. */
export const FUZZ_ROUTES: RouteTable = {
  sources: {
    categories: route('GET', /^\/sources\/categories$/, v.array(SourceCategorySchema), (a) => a.sources!.categories()),
    list: route('GET', /^\/sources$/, v.array(PosSourceSchema), (a) => a.sources!.list()),
    mappingStatus: route('GET', /^\/sources\/mapping-status$/, MappingStatusSchema, (a) => a.sources!.mappingStatus()),
    report: route('GET', /^\/sources\/report$/, SourceReportSchema, (a) => a.sources!.report(RANGE)),
    spend: route('GET', /^\/sources\/spend$/, v.array(MarketingSpendSchema), (a) => a.sources!.spend(RANGE)),
    update: route('PATCH', /^\/sources\/[^/]+$/, PosSourceSchema, (a) => a.sources!.update({ id: 'src-1', expectedVersion: 2, categoryId: 'internet' })),
    create: route('POST', /^\/sources$/, PosSourceSchema, (a) => a.sources!.create({ categoryId: 'internet', name: 'Google' })),
    completeMapping: route('POST', /^\/sources\/complete-mapping$/, v.object({ mapped: v.number() }), (a) => a.sources!.completeMapping()),
    saveCategory: route('PUT', /^\/sources\/categories\/[^/]+$/, SourceCategorySchema, (a) => a.sources!.saveCategory({ id: 'internet', name: 'Internet' })),
    saveSpend: route('PUT', /^\/sources\/spend$/, MarketingSpendSchema, (a) =>
      a.sources!.saveSpend({ month: '2026-03', categoryId: 'internet', sourceId: null, amount: 12_000 }),
    ),
  },
  customers: {
    board: route('GET', /^\/customers\/board$/, v.array(BoardEntrySchema), (a) => a.customers!.board({ date: '2026-03-31' })),
    list: route('GET', /^\/customers$/, pageSchema(CustomerSchema), (a) => a.customers!.list({ limit: 50 })),
    setSource: route('PUT', /^\/customers\/[^/]+\/source$/, CustomerSchema, (a) =>
      a.customers!.setSource({ customerId: 'cust-1', sourceId: 'src-1', expectedVersion: 1 }),
    ),
  },
  sms: {
    list: route('GET', /^\/sms$/, pageSchema(SmsMessageSchema), (a) => a.sms!.list({ ...RANGE, limit: 100 })),
    summary: route('GET', /^\/sms\/summary$/, SmsSummarySchema, (a) => a.sms!.summary(RANGE)),
    import: route('POST', /^\/sms\/import$/, SmsImportResultSchema, (a) => a.sms!.import!([])),
  },
  leads: {
    list: route('GET', /^\/leads$/, pageSchema(LeadSchema), (a) => a.leads!.list({ ...RANGE, limit: 100 })),
    get: route('GET', /^\/leads\/(?!response-summary$)[^/]+$/, LeadSchema, (a) => a.leads!.get('lead-1')),
    rules: route('GET', /^\/oem-rules$/, v.array(StoredOemRuleSchema), (a) => a.leads!.rules()),
    saveRule: route('PUT', /^\/oem-rules\/[^/]+$/, StoredOemRuleSchema, (a) =>
      a.leads!.saveRule({
        id: 'honda',
        name: 'Honda',
        makes: ['Honda'],
        limitMinutes: 60,
        clock: 'business',
        excludeHolidays: true,
        stopsClock: ['email-sent'],
        version: 1,
      }),
    ),
    dealer: route('GET', /^\/dealer$/, DealerProfileSchema, (a) => a.leads!.dealer()),
    responseSummary: route('GET', /^\/leads\/response-summary$/, LeadResponseSummarySchema, (a) => a.leads!.responseSummary(RANGE)),
  },
  traffic: {
    aggregate: route('GET', /^\/traffic\/aggregate$/, TrafficAggregateSchema, (a) => a.traffic!.aggregate({ ...RANGE, groupBy: 'upType' })),
    heatmap: route('GET', /^\/traffic\/heatmap$/, TrafficHeatmapSchema, (a) => a.traffic!.heatmap(RANGE)),
    list: route('GET', /^\/traffic$/, pageSchema(TrafficEventSchema), (a) => a.traffic!.list({ ...RANGE, limit: 100 })),
  },
  deleted: {
    list: route('GET', /^\/deleted$/, pageSchema(DeletedRecordSchema), (a) => a.deleted!.list({ ...RANGE, limit: 50 })),
    restore: route('POST', /^\/deleted\/restore$/, RestoreResultSchema, (a) => a.deleted!.restore({ ids: ['del-1'] })),
  },
  vehicles: {
    wants: route('GET', /^\/vehicles\/wants$/, pageSchema(VehicleWantSchema), (a) => a.vehicles!.wants({ limit: 50 })),
    matchTradeIn: route('POST', /^\/vehicles\/trade-in-matches$/, v.array(WantMatchSchema), (a) =>
      a.vehicles!.matchTradeIn({ make: 'Honda', model: 'CR-V', year: 2019 }),
    ),
  },
};

/** `[label, route]` for every method, `sources.categories` first. */
export function allRoutes(): [string, FuzzRoute][] {
  return Object.entries(FUZZ_ROUTES).flatMap(([domain, methods]) =>
    Object.entries(methods as Record<string, FuzzRoute>).map(([name, r]): [string, FuzzRoute] => [`${domain}.${name}`, r]),
  );
}

/**
 * The method a request is for, by HTTP method and path (after `base`); the most specific
 * pattern wins (`/sources/categories` over `/sources/{id}`).
 */
export function routeFor(method: string, pathname: string, base: string): [string, FuzzRoute] | undefined {
  const path = pathname.slice(base.length);
  return allRoutes()
    .filter(([, r]) => r.http === method && r.path.test(path))
    .sort(([, a], [, b]) => b.path.source.length - a.path.source.length)[0];
}
