/**
 * Every method of the adapter contract as the fuzz tests see it: the HTTP route the REST adapter
 * calls and the schema its answer must meet, both read from the contract table
 * (src/data/contract.ts), and a call with a fixed, valid argument. The table of calls lists every
 * method of `ForecourtAdapter`, so a method added to the contract does not compile here until it
 * is fuzzed too.
 */
import type * as v from 'valibot';
import type { AdapterDomain, ForecourtAdapter } from '../../src/data/adapter.js';
import { CONTRACT, pathPattern } from '../../src/data/contract.js';
import type { AdapterMethod, AnyContractRow, HttpVerb } from '../../src/data/contract.js';

/** One adapter method under fuzz. */
export interface FuzzRoute {
  http: HttpVerb;
  /** The request path (after the base URL). */
  path: RegExp;
  /** Whether the path has a parameter (`/sources/{id}`): a static path is the more specific. */
  parameterized: boolean;
  /** What a response must be. */
  schema: v.GenericSchema;
  /** Calls the method with a valid argument. */
  call: (adapter: ForecourtAdapter) => Promise<unknown>;
}

type Call = (adapter: ForecourtAdapter) => Promise<unknown>;
type CallTable = { [D in AdapterDomain]: { [M in AdapterMethod<D>]-?: Call } };

const RANGE = { from: '2026-03-01', to: '2026-03-31' };

/** A valid call of each method. */
const CALLS: CallTable = {
  sources: {
    categories: (a) => a.sources!.categories(),
    list: (a) => a.sources!.list(),
    mappingStatus: (a) => a.sources!.mappingStatus(),
    report: (a) => a.sources!.report(RANGE),
    spend: (a) => a.sources!.spend(RANGE),
    update: (a) => a.sources!.update({ id: 'src-1', expectedVersion: 2, categoryId: 'internet' }),
    create: (a) => a.sources!.create({ categoryId: 'internet', name: 'Google' }),
    completeMapping: (a) => a.sources!.completeMapping(),
    saveCategory: (a) => a.sources!.saveCategory({ id: 'internet', name: 'Internet' }),
    saveSpend: (a) => a.sources!.saveSpend({ month: '2026-03', categoryId: 'internet', sourceId: null, amount: 12_000 }),
  },
  customers: {
    board: (a) => a.customers!.board({ date: '2026-03-31' }),
    list: (a) => a.customers!.list({ limit: 50 }),
    setSource: (a) => a.customers!.setSource({ customerId: 'cust-1', sourceId: 'src-1', expectedVersion: 1 }),
  },
  sms: {
    list: (a) => a.sms!.list({ ...RANGE, limit: 100 }),
    summary: (a) => a.sms!.summary(RANGE),
    import: (a) => a.sms!.import!([]),
  },
  leads: {
    list: (a) => a.leads!.list({ ...RANGE, limit: 100 }),
    get: (a) => a.leads!.get('lead-1'),
    rules: (a) => a.leads!.rules(),
    saveRule: (a) =>
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
    dealer: (a) => a.leads!.dealer(),
    responseSummary: (a) => a.leads!.responseSummary(RANGE),
    flag: (a) => a.leads!.flag!({ leadId: 'lead-1', flagged: true, note: 'Customer waiting' }),
  },
  traffic: {
    aggregate: (a) => a.traffic!.aggregate({ ...RANGE, groupBy: 'upType' }),
    heatmap: (a) => a.traffic!.heatmap(RANGE),
    list: (a) => a.traffic!.list({ ...RANGE, limit: 100 }),
  },
  deleted: {
    list: (a) => a.deleted!.list({ ...RANGE, limit: 50 }),
    restore: (a) => a.deleted!.restore({ ids: ['del-1'] }),
    log: (a) => a.deleted!.log({ limit: 50 }),
  },
  vehicles: {
    wants: (a) => a.vehicles!.wants({ limit: 50 }),
    matchTradeIn: (a) => a.vehicles!.matchTradeIn({ make: 'Honda', model: 'CR-V', year: 2019 }),
    followUp: (a) => a.vehicles!.followUp!({ wantId: 'want-0001', note: 'Called; still looking.', expectedVersion: 1 }),
  },
};

/** The contract, method by method: the route and answer schema from its row, the call from {@link CALLS}. */
export const FUZZ_ROUTES = Object.fromEntries(
  Object.entries(CONTRACT).map(([domain, rows]) => [
    domain,
    Object.fromEntries(
      Object.entries(rows as Record<string, AnyContractRow>).map(([method, row]): [string, FuzzRoute] => [
        method,
        {
          http: row.http,
          path: pathPattern(row),
          parameterized: row.path.includes('{id}'),
          schema: row.answer,
          call: (CALLS as Record<string, Record<string, Call>>)[domain]![method]!,
        },
      ]),
    ),
  ]),
) as { [D in AdapterDomain]: { [M in AdapterMethod<D>]-?: FuzzRoute } };

/** `[label, route]` for every method, `sources.categories` first. */
export function allRoutes(): [string, FuzzRoute][] {
  return Object.entries(FUZZ_ROUTES).flatMap(([domain, methods]) =>
    Object.entries(methods as Record<string, FuzzRoute>).map(([name, r]): [string, FuzzRoute] => [`${domain}.${name}`, r]),
  );
}

/**
 * The method a request is for, by HTTP method and path (after `base`); a static path wins over
 * one with a parameter (`/leads/response-summary` over `/leads/{id}`).
 */
export function routeFor(method: string, pathname: string, base: string): [string, FuzzRoute] | undefined {
  const path = pathname.slice(base.length);
  return allRoutes()
    .filter(([, r]) => r.http === method && r.path.test(path))
    .sort(([, a], [, b]) => Number(a.parameterized) - Number(b.parameterized))[0];
}
