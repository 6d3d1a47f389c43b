/**
 * MSW handlers that serve the REST contract of docs/rest-api.md from any ForecourtAdapter
 * (the demo and the tests use the memory adapter over a seeded dataset). One route per row of
 * the contract table (src/data/contract.ts); every route parses and validates its request
 * with the row's schema, calls the backend and maps AdapterErrors to HTTP statuses with a
 * `{ message, ... }` JSON body.
 */
import { delay, http, HttpResponse } from 'msw';
import type { RequestHandler } from 'msw';
import type { AdapterDomain, ForecourtAdapter, ReadOptions, WriteOptions } from '../../src/data/adapter.js';
import { CONTRACT_ENTRIES, mswPath } from '../../src/data/contract.js';
import type { HttpVerb } from '../../src/data/contract.js';
import { AdapterError } from '../../src/data/errors.js';
import { mulberry32 } from '../../src/data/demo-data.js';
import { callArgument, errorAnswer, parseBodyText, wireRoute } from '../../src/data/wire.js';
import type { WireRoute } from '../../src/data/wire.js';

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

// ───────────────────────────── routes ─────────────────────────────
// One route per row of the contract table (src/data/contract.ts): its verb and path, where its
// argument comes from, and the schema that checks it.

interface Route extends WireRoute {
  domain: AdapterDomain;
  method: string;
}

/** Static segments come before `{id}` routes on the same prefix: MSW takes the first match. */
const ROUTES: Route[] = [...CONTRACT_ENTRIES]
  .sort((a, b) => Number(a.row.path.includes('{id}')) - Number(b.row.path.includes('{id}')))
  .map(({ domain, method, row }) => ({ domain, method, ...wireRoute(row) }));

/** The argument of the call a request stands for, checked: a bad query is a 400, a bad body a 422. */
async function argumentOf(r: Route, request: Request, url: URL, id: string | undefined): Promise<unknown> {
  const body = r.row.in === 'body' ? parseBodyText(r.body!, await request.text()) : undefined;
  return callArgument(r, url.searchParams, id, body);
}

// ───────────────────────────── plumbing ─────────────────────────────

const VERB = { GET: 'get', POST: 'post', PUT: 'put', PATCH: 'patch' } as const satisfies Record<HttpVerb, keyof typeof http>;

function errorResponse(error: unknown): Response {
  const { status, body } = errorAnswer(error);
  return HttpResponse.json(body, { status });
}

/** MSW handlers serving the whole REST contract from `backend`. */
export function createApiHandlers(backend: ForecourtAdapter, options: ApiHandlersOptions): RequestHandler[] {
  const base = options.baseUrl.replace(/\/+$/, '');
  const faults = options.faults ?? createApiFaults();
  return ROUTES.map((r) =>
    http[VERB[r.row.http]](base + mswPath(r.row), async ({ request, params }) => {
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
      const options: WriteOptions = r.row.kind === 'write' ? { ...read, idempotencyKey: key } : read;
      const ledger = key ? faults.ledger : null;
      const path = url.pathname.slice(new URL(base || '/', url).pathname.replace(/\/+$/, '').length);
      const note = ledger && key ? { key, request: `${request.method} ${path}`, body: await request.clone().text() } : null;
      let body: unknown;
      const status = r.row.status ?? 200;
      try {
        const call = (api as unknown as Record<string, ((...args: unknown[]) => Promise<unknown>) | undefined>)[r.method];
        if (typeof call !== 'function') {
          throw new AdapterError({ kind: 'unsupported', status: 501, message: r.row.ifMissing ?? `This server does not provide ${r.domain}.${r.method}.` });
        }
        const id = (params as Record<string, string | undefined>).id;
        body = r.row.in ? await call.call(api, await argumentOf(r, request, url, id), options) : await call.call(api, options);
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
