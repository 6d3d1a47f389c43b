/**
 * The conformance suite: contract checks against any server of the REST API (docs/rest-api.md),
 * over plain `fetch`. Per endpoint (a row of the contract table, `sms.list`) each check passes,
 * fails (with the request, the answer and what was expected) or finds the endpoint not provided
 * (it answers 501, as the contract lets a server answer for a method it lacks).
 *
 * It covers answer shapes (the schemas the REST adapter validates with), paging (every row once,
 * the total kept, the last page without a cursor), errors (a 400 or 422 that names the field, 401
 * without a token, 404), idempotency (a write resent with its key is applied once and answered
 * with the first answer), 409 on a stale version with the current record, and, given a second
 * tenant's token, tenant isolation (ids, cursors, filters and idempotency keys of one tenant do
 * nothing for the other).
 *
 * The write checks add a few SMS messages (ids `conformance-…`), bump the versions of a customer, a
 * source, a category, a spend row and a want by saving each as it is (the want's follow-up time
 * becomes now), save an OEM rule unchanged (its version goes up), and flag a lead and clear the flag
 * again; they restore no record (only ids that are not there) and map no source. `readOnly` leaves
 * them out.
 */
import * as v from 'valibot';
import { CONTRACT, CONTRACT_ENTRIES, requestBody, requestPath } from '../data/contract.js';
import type { AnyContractRow } from '../data/contract.js';
import { stableJson } from '../data/logic/stable-json.js';
import { encodeQuery } from '../data/rest-adapter.js';
import { CustomerSchema, StoredOemRuleSchema, describeIssue } from '../data/schemas.js';
import type { Customer, DeletedRecord, Lead, MarketingSpend, PosSource, SmsMessage, SourceCategory, StoredOemRule, VehicleWant } from '../data/model.js';

export interface ConformanceOptions {
  /** The API's base URL, e.g. `http://127.0.0.1:8787/api`. */
  baseUrl: string;
  /** A bearer token of one tenant. */
  token?: string;
  /** A bearer token of another tenant: the isolation checks run only with it. */
  otherToken?: string;
  /** The date range the reads ask for. Default: the 365 days up to today (UTC). */
  from?: string;
  to?: string;
  /** Leave out every check that writes. */
  readOnly?: boolean;
  fetch?: typeof fetch;
}

export type CheckResult = 'pass' | 'fail' | 'not-provided';

export interface CheckOutcome {
  /** The contract row, `sms.list`. */
  endpoint: string;
  /** What was checked. */
  check: string;
  result: CheckResult;
  /** For a failure: the request, the answer, what was expected. */
  request?: string;
  answer?: string;
  expected?: string;
}

interface Exchange {
  request: string;
  status: number;
  body: unknown;
  text: string;
}

class CheckFailure extends Error {
  constructor(
    readonly expected: string,
    readonly exchange?: Exchange,
  ) {
    super(expected);
  }
}

/** No answer at all (the server is down, the URL wrong): the run stops. */
export class ServerUnreachable extends Error {}

class NotProvided extends Error {
  constructor(readonly label: string) {
    super(`${label} is not provided`);
  }
}

const ROW = (label: string): AnyContractRow => CONTRACT_ENTRIES.find((e) => e.label === label)!.row;

/** The first 600 characters of an answer, for a report. */
const clip = (text: string) => (text.length > 600 ? `${text.slice(0, 600)}…` : text);

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** Runs the suite; never throws for what a server answers, only `ServerUnreachable` when it does not answer. */
export async function runConformance(options: ConformanceOptions): Promise<CheckOutcome[]> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const to = options.to ?? isoDay(Date.now());
  const from = options.from ?? isoDay(Date.parse(`${to}T00:00:00Z`) - 364 * 86_400_000);
  const range = { from, to };
  const outcomes: CheckOutcome[] = [];
  const missing = new Set<string>();
  /** Endpoints whose checks need one the server lacks: their remaining checks are not run. */
  const blocked = new Set<string>();
  const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

  async function raw(method: string, path: string, init: { token?: string | null; body?: string; key?: string } = {}): Promise<Exchange> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = init.token === undefined ? options.token : init.token;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.key) headers['Idempotency-Key'] = init.key;
    const request = `${method} ${path}${init.key ? ` (Idempotency-Key ${init.key})` : ''}${init.body !== undefined ? ` ${clip(init.body)}` : ''}`;
    let response: Response;
    try {
      response = await doFetch(base + path, { method, headers, ...(init.body !== undefined ? { body: init.body } : {}) });
    } catch (error) {
      throw new ServerUnreachable(`no answer to ${method} ${base}${path} (${error instanceof Error ? error.message : String(error)})`);
    }
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Left as text: the checks say what they expected.
    }
    return { request, status: response.status, body, text };
  }

  /** A call of a contract method: its request built as the REST adapter builds it. */
  function call(label: string, arg: unknown, init: { token?: string | null; key?: string } = {}): Promise<Exchange> {
    const row = ROW(label);
    const path = requestPath(row, arg) + (row.in === 'query' ? encodeQuery(arg as object) : '');
    const body = row.in === 'body' ? JSON.stringify(requestBody(row, arg)) : undefined;
    return raw(row.http, path, { ...init, ...(body !== undefined ? { body } : {}) });
  }

  /** The answer of a call that must succeed with the row's shape. */
  function expectOk<T>(label: string, exchange: Exchange): T {
    const row = ROW(label);
    if (exchange.status === 501) throw new NotProvided(label);
    const status = row.status ?? 200;
    if (exchange.status !== status) throw new CheckFailure(`HTTP ${status}`, exchange);
    const parsed = v.safeParse(row.answer, exchange.body, { abortEarly: true });
    if (!parsed.success) throw new CheckFailure(`an answer of the contract's shape; ${describeIssue(parsed.issues[0])}`, exchange);
    return parsed.output as T;
  }

  /** A refusal: one of `statuses`, a JSON `{ message }`, and the message naming `names` when given. */
  function expectRefusal(exchange: Exchange, statuses: number[], names?: string): void {
    if (exchange.status === 501) throw new NotProvided('');
    const message = typeof exchange.body === 'object' && exchange.body !== null ? (exchange.body as { message?: unknown }).message : undefined;
    const wanted = `HTTP ${statuses.join(' or ')} with a JSON { message }${names ? ` naming "${names}"` : ''}`;
    if (!statuses.includes(exchange.status) || typeof message !== 'string') throw new CheckFailure(wanted, exchange);
    if (names && !message.includes(names)) throw new CheckFailure(wanted, exchange);
  }

  function expectThat(ok: boolean, expected: string, exchange?: Exchange): void {
    if (!ok) throw new CheckFailure(expected, exchange);
  }

  async function check(endpoint: string, name: string, body: () => Promise<void>): Promise<void> {
    if (missing.has(endpoint) || blocked.has(endpoint)) return;
    try {
      await body();
      outcomes.push({ endpoint, check: name, result: 'pass' });
    } catch (error) {
      if (error instanceof ServerUnreachable) throw error;
      if (error instanceof NotProvided) {
        // A check of one endpoint that needs another the server lacks says nothing of its own.
        const label = error.label || endpoint;
        if (!missing.has(label)) outcomes.push({ endpoint: label, check: name, result: 'not-provided' });
        missing.add(label);
        // Its next checks build on what this one would have made (a record saved, a lead found): they are left out too.
        if (label !== endpoint) blocked.add(endpoint);
      } else if (error instanceof CheckFailure) {
        outcomes.push({
          endpoint,
          check: name,
          result: 'fail',
          expected: error.expected,
          ...(error.exchange ? { request: error.exchange.request, answer: `HTTP ${error.exchange.status} ${clip(error.exchange.text)}` } : {}),
        });
      } else {
        outcomes.push({ endpoint, check: name, result: 'fail', expected: 'an answer', answer: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  // ── shapes: every read that needs no more than a date range or a day ──
  for (const { label, row } of CONTRACT_ENTRIES) {
    if (row.kind !== 'read' || row.http !== 'GET' || row.in === 'path') continue;
    const keys = row.in === 'query' ? Object.keys((row.request as unknown as v.ObjectSchema<v.ObjectEntries, undefined>).entries) : [];
    if (!keys.filter((key) => isRequired(row, key)).every((key) => ['from', 'to', 'date'].includes(key))) continue;
    const arg =
      row.in === undefined
        ? undefined
        : { ...(keys.includes('from') ? range : {}), ...(keys.includes('date') ? { date: to } : {}), ...(keys.includes('limit') ? { limit: 5 } : {}) };
    await check(label, 'answer shape', async () => {
      expectOk(label, await call(label, arg));
    });
  }

  // ── paging ──
  const pagingArgs: Record<string, object> = {
    'sms.list': range,
    'customers.list': {},
    'deleted.list': { ...range, includeRestored: true },
    'deleted.log': {},
    'vehicles.wants': {},
    'leads.list': range,
    'traffic.list': range,
  };
  for (const [label, arg] of Object.entries(pagingArgs)) {
    await check(label, 'paging: every row once, the total kept, the last page without a cursor', async () => {
      const first = expectOk<{ items: { id: string }[]; total: number; nextCursor: string | null }>(label, await call(label, { ...arg, limit: 1 }));
      const total = first.total;
      const limit = Math.min(1000, Math.max(1, Math.ceil(total / 4)));
      const seen = new Set<string>();
      let cursor: string | null = null;
      let pages = 0;
      do {
        const exchange = await call(label, { ...arg, limit, ...(cursor ? { cursor } : {}) });
        const page = expectOk<{ items: { id: string }[]; total: number; nextCursor: string | null }>(label, exchange);
        expectThat(page.items.length <= limit, `at most ${limit} items a page`, exchange);
        expectThat(page.total === total, `the total ${total} on every page`, exchange);
        for (const item of page.items) {
          expectThat(!seen.has(item.id), `each row on one page only (${item.id} came twice)`, exchange);
          seen.add(item.id);
        }
        expectThat(page.nextCursor === null || page.items.length === limit, 'a full page before a next cursor', exchange);
        cursor = page.nextCursor;
      } while (cursor && ++pages < 8);
      if (!cursor) expectThat(seen.size === total, `${total} rows over the pages, got ${seen.size}`);
    });
    await check(label, 'errors: a cursor the server did not make is a 400', async () => {
      expectRefusal(await call(label, { ...arg, cursor: 'not-a-cursor' }), [400]);
    });
    await check(label, 'errors: a page size that is not a number is a 400 naming it', async () => {
      const query = encodeQuery(arg);
      expectRefusal(await raw('GET', `${ROW(label).path}${query ? `${query}&` : '?'}limit=many`), [400], 'limit');
    });
  }
  await check('sms.list', 'errors: a query without its "to" is a 400 naming it', async () => {
    expectRefusal(await raw('GET', `/sms?from=${from}`), [400], 'to');
  });
  await check('sms.list', 'errors: a range that ends before it starts is a 400', async () => {
    expectRefusal(await call('sms.list', { from: to, to: from }), from === to ? [200, 400] : [400]);
  });
  const token = options.token;
  if (token) {
    await check('sms.list', 'errors: a request without a token is a 401', async () => {
      expectRefusal(await call('sms.list', range, { token: null }), [401]);
    });
    await check('sms.list', 'errors: a token that is not valid is a 401', async () => {
      expectRefusal(await call('sms.list', range, { token: `${token.slice(0, -4)}AAAA` }), [401]);
    });
  }
  await check('sms.summary', 'the summary counts the same messages as the history', async () => {
    const list = await call('sms.list', { ...range, limit: 1 });
    const page = expectOk<{ total: number }>('sms.list', list);
    const summary = expectOk<{ current: { inbound: number; outbound: number } }>('sms.summary', await call('sms.summary', range));
    expectThat(summary.current.inbound + summary.current.outbound === page.total, `inbound + outbound = the history's total ${page.total}`, list);
  });

  await check('sources.mappingStatus', 'the mapping status counts the customers the customer list has, and those it lists as of unknown source', async () => {
    const status = expectOk<{ customers: number; unknownCustomers: number }>('sources.mappingStatus', await call('sources.mappingStatus', undefined));
    const all = await call('customers.list', { limit: 1 });
    expectThat(expectOk<{ total: number }>('customers.list', all).total === status.customers, `customers.list's total = ${status.customers}`, all);
    const unknown = await call('customers.list', { sourceUnknown: true, limit: 1 });
    expectThat(expectOk<{ total: number }>('customers.list', unknown).total === status.unknownCustomers, `customers.list?sourceUnknown=true's total = ${status.unknownCustomers}`, unknown);
  });

  await check('deleted.list', 'errors: a reason the contract does not know is a 400 naming it', async () => {
    expectRefusal(await raw('GET', `/deleted${encodeQuery(range)}&reason=boredom`), [400], 'reason');
  });
  await check('vehicles.matchTradeIn', 'the matches are wants of the make asked for, best first', async () => {
    const wants = expectOk<{ items: VehicleWant[] }>('vehicles.wants', await call('vehicles.wants', { limit: 1 })).items;
    const want = wants[0];
    if (!want) return; // no wants: nothing to match
    const exchange = await call('vehicles.matchTradeIn', { make: want.make, model: want.model, year: want.yearFrom });
    const matches = expectOk<{ want: VehicleWant; score?: number }[]>('vehicles.matchTradeIn', exchange);
    expectThat(matches.some((m) => m.want.id === want.id), `the want ${want.id} among the matches of its own make, model and year`, exchange);
  });
  await check('vehicles.matchTradeIn', 'errors: a trade-in with neither make nor VIN is a 4xx naming the make', async () => {
    expectRefusal(await call('vehicles.matchTradeIn', { model: 'F-150' }), [400, 422], 'make');
  });
  // ── leads and traffic: reads that must agree with each other ──
  let firstLead: Lead | undefined;
  await check('leads.get', 'a lead of the list is answered by its id as listed; an unknown id is a 404', async () => {
    const page = expectOk<{ items: Lead[] }>('leads.list', await call('leads.list', { ...range, limit: 1 }));
    firstLead = page.items[0];
    if (!firstLead) throw new CheckFailure(`a lead received from ${from} to ${to} (leads.list is empty)`);
    const exchange = await call('leads.get', firstLead.id);
    expectThat(stableJson(expectOk<Lead>('leads.get', exchange)) === stableJson(firstLead), 'the lead as leads.list lists it', exchange);
    expectRefusal(await call('leads.get', `conformance-${run}-nobody`), [404]);
  });
  await check('leads.responseSummary', "the summary's total counts the leads the list has", async () => {
    const list = await call('leads.list', { ...range, limit: 1 });
    const total = expectOk<{ total: number }>('leads.list', list).total;
    const exchange = await call('leads.responseSummary', range);
    const summary = expectOk<{ total: { count: number }; byOem: { count: number }[] }>('leads.responseSummary', exchange);
    expectThat(summary.total.count === total, `total.count = the list's total ${total}`, exchange);
    expectThat(summary.byOem.reduce((n, r) => n + r.count, 0) === total, `the OEM rows add up to ${total}`, exchange);
  });
  await check('leads.list', 'a rule filter keeps the leads of that rule only: the rules split the list', async () => {
    const rules = expectOk<{ id: string }[]>('leads.rules', await call('leads.rules', undefined));
    const all = expectOk<{ total: number }>('leads.list', await call('leads.list', { ...range, limit: 1 })).total;
    let sum = 0;
    for (const id of [...rules.map((r) => r.id), 'none']) sum += expectOk<{ total: number }>('leads.list', await call('leads.list', { ...range, ruleId: id, limit: 1 })).total;
    expectThat(sum === all, `the totals per rule (and "none") add up to ${all}, got ${sum}`);
  });
  await check('traffic.aggregate', 'every level adds up to the total, and the total counts the events the list has', async () => {
    const list = await call('traffic.list', { ...range, limit: 1 });
    const events = expectOk<{ total: number }>('traffic.list', list).total;
    for (const groupBy of ['source', 'hour', 'time']) {
      const exchange = await call('traffic.aggregate', { ...range, groupBy, ...(groupBy === 'time' ? { timeGrain: 'week' } : {}) });
      const level = expectOk<{ rows: { ups: number }[]; total: { ups: number } }>('traffic.aggregate', exchange);
      expectThat(level.total.ups === events, `total.ups = the list's total ${events}`, exchange);
      expectThat(level.rows.reduce((n, r) => n + r.ups, 0) === events, `the ${groupBy} rows add up to ${events}`, exchange);
    }
  });
  await check('traffic.heatmap', 'the heatmap has 168 cells that add up to the aggregate total', async () => {
    const total = expectOk<{ total: { ups: number } }>('traffic.aggregate', await call('traffic.aggregate', { ...range, groupBy: 'weekday' })).total.ups;
    const exchange = await call('traffic.heatmap', range);
    const heat = expectOk<{ cells: { ups: number }[]; max: number }>('traffic.heatmap', exchange);
    expectThat(heat.cells.length === 168 && heat.cells.reduce((n, c) => n + c.ups, 0) === total, `168 cells adding up to ${total}`, exchange);
  });
  await check('traffic.list', 'a drill path lists the events of its aggregate row', async () => {
    const level = expectOk<{ rows: { key: string; ups: number }[] }>('traffic.aggregate', await call('traffic.aggregate', { ...range, groupBy: 'upType' }));
    const row = level.rows[0];
    if (!row) return;
    const exchange = await call('traffic.list', { ...range, filters: { upType: row.key }, limit: 1 });
    expectThat(expectOk<{ total: number }>('traffic.list', exchange).total === row.ups, `the ${row.ups} events of up type ${row.key}`, exchange);
  });
  await check('traffic.aggregate', 'errors: a level without its "groupBy" is a 400 naming it', async () => {
    expectRefusal(await raw('GET', `/traffic/aggregate?from=${from}&to=${to}`), [400], 'groupBy');
  });

  if (options.readOnly) return outcomes;

  // ── writes with a version: each is re-saved as it is (its version goes up, nothing else changes) ──
  const versioned = async <T extends { version?: number }>(
    label: string,
    what: string,
    find: () => Promise<T | undefined>,
    write: (record: T, expectedVersion: number) => unknown,
    current: (record: T) => boolean,
  ): Promise<T | undefined> => {
    let saved: T | undefined;
    await check(label, 'idempotency: a change resent with its key is applied once and answered with the first answer', async () => {
      const record = await find();
      if (!record) throw new CheckFailure(`${what} to change`);
      const key = `${marker0}-${label}`;
      const first = await call(label, write(record, record.version ?? 0), { key });
      saved = expectOk<T>(label, first);
      expectThat((saved.version ?? 0) === (record.version ?? 0) + 1, `the version ${(record.version ?? 0) + 1}`, first);
      const again = await call(label, write(record, record.version ?? 0), { key });
      expectThat(sameAnswer(again, first), `the first answer again: HTTP ${first.status} ${first.text}`, again);
    });
    await check(label, '409: a stale version is refused with the current record', async () => {
      if (!saved) throw new CheckFailure(`${what} changed by the idempotency check`);
      const stale = await call(label, write(saved, (saved.version ?? 0) - 1), { key: `${marker0}-${label}-stale` });
      expectRefusal(stale, [409]);
      const body = (stale.body as { current?: T & { version?: number } }).current;
      expectThat(!!body && body.version === saved.version && current(body), `{ current } at version ${saved.version}`, stale);
    });
    return saved;
  };
  const marker0 = `conformance-${run}`;
  const want = await versioned<VehicleWant>(
    'vehicles.followUp',
    'a want',
    async () => expectOk<{ items: VehicleWant[] }>('vehicles.wants', await call('vehicles.wants', { limit: 1 })).items[0],
    (w, expectedVersion) => ({ wantId: w.id, note: w.followUpNote ?? '', expectedVersion }),
    () => true,
  );
  await check('vehicles.followUp', 'errors: an unknown want is a 404', async () => {
    expectRefusal(await call('vehicles.followUp', { wantId: `${marker0}-nowant`, note: '', expectedVersion: 1 }, { key: `${marker0}-nowant` }), [404]);
  });
  await versioned<PosSource>(
    'sources.update',
    'a source',
    async () => expectOk<PosSource[]>('sources.list', await call('sources.list', undefined))[0],
    (s, expectedVersion) => ({ id: s.id, expectedVersion }),
    (s) => typeof s.customerCount === 'number',
  );
  await versioned<SourceCategory>(
    'sources.saveCategory',
    'a category',
    async () => expectOk<SourceCategory[]>('sources.categories', await call('sources.categories', undefined))[0],
    (c, expectedVersion) => ({ id: c.id, name: c.name, order: c.order, expectedVersion }),
    () => true,
  );
  await versioned<MarketingSpend>(
    'sources.saveSpend',
    'a spend row in the range',
    async () => expectOk<MarketingSpend[]>('sources.spend', await call('sources.spend', range))[0],
    (s, expectedVersion) => ({ month: s.month, categoryId: s.categoryId, sourceId: s.sourceId, amount: s.amount, expectedVersion }),
    () => true,
  );
  await check('sources.saveSpend', 'errors: a month that is not YYYY-MM is a 4xx naming it', async () => {
    expectRefusal(await raw('PUT', '/sources/spend', { body: JSON.stringify({ month: '2026-13', categoryId: 'x', sourceId: null, amount: 1 }), key: `${marker0}-month` }), [400, 422], 'month');
  });
  await check('sources.create', 'errors: a source without a name is a 4xx naming it', async () => {
    expectRefusal(await raw('POST', '/sources', { body: JSON.stringify({ categoryId: 'internet', name: '  ' }), key: `${marker0}-noname` }), [400, 422], 'name');
  });
  await check('sources.update', 'errors: an unknown source is a 404', async () => {
    expectRefusal(await call('sources.update', { id: `${marker0}-nosource`, expectedVersion: 1 }, { key: `${marker0}-nosource` }), [404]);
  });

  // ── deleted.restore: ids that are not deleted records fail one by one, and a resend is applied once ──
  const restoreKey = `${marker0}-restore`;
  await check('deleted.restore', 'a record that is not there fails by itself with not-found; resent with its key, the first answer', async () => {
    const ids = [`${marker0}-gone`];
    const first = await call('deleted.restore', { ids }, { key: restoreKey });
    const answer = expectOk<{ restored: string[]; failed: { id: string; code: string }[] }>('deleted.restore', first);
    expectThat(answer.restored.length === 0 && answer.failed[0]?.id === ids[0] && answer.failed[0]?.code === 'not-found', `{ restored: [], failed: [{ id: "${ids[0]}", code: "not-found" }] }`, first);
    const again = await call('deleted.restore', { ids }, { key: restoreKey });
    expectThat(sameAnswer(again, first), `the first answer again: HTTP ${first.status} ${first.text}`, again);
  });
  await check('deleted.restore', 'errors: ids that are not a list are a 4xx naming them', async () => {
    expectRefusal(await raw('POST', '/deleted/restore', { body: JSON.stringify({ ids: 'del-1' }), key: `${marker0}-ids` }), [400, 422], 'ids');
  });
  await check('deleted.restore', 'a record already restored fails with already-restored', async () => {
    const page = expectOk<{ items: DeletedRecord[] }>('deleted.list', await call('deleted.list', { ...range, includeRestored: true, limit: 1000 }));
    const done = page.items.find((r) => r.restoredAt);
    if (!done) return; // none restored in the range: nothing to resend
    const exchange = await call('deleted.restore', { ids: [done.id] }, { key: `${marker0}-again` });
    const answer = expectOk<{ failed: { code: string }[] }>('deleted.restore', exchange);
    expectThat(answer.failed[0]?.code === 'already-restored', 'failed with code already-restored', exchange);
  });

  if (options.otherToken && want) {
    const other = options.otherToken;
    await check('vehicles.followUp', "isolation: another tenant's follow-up of this tenant's want changes nothing here", async () => {
      const exchange = await call('vehicles.followUp', { wantId: want.id, note: 'other tenant', expectedVersion: want.version ?? 0 }, { token: other, key: `${marker0}-cross-want` });
      const mine = expectOk<{ items: VehicleWant[] }>('vehicles.wants', await call('vehicles.wants', { limit: 1000 })).items.find((w) => w.id === want.id);
      expectThat(!!mine && mine.version === want.version && mine.followUpNote === want.followUpNote, `the want still at version ${want.version} (the other tenant got HTTP ${exchange.status})`, exchange);
    });
    await check('deleted.restore', "isolation: another tenant's idempotency key is its own", async () => {
      const exchange = await call('deleted.restore', { ids: [`${marker0}-other`] }, { token: other, key: restoreKey });
      const answer = expectOk<{ failed: { id: string }[] }>('deleted.restore', exchange);
      expectThat(answer.failed[0]?.id === `${marker0}-other`, 'the other tenant\'s own request answered, not this tenant\'s replayed', exchange);
    });
    await check('deleted.list', "isolation: this tenant's cursor shows another tenant none of its records", async () => {
      const mine = expectOk<{ items: DeletedRecord[]; nextCursor: string | null }>('deleted.list', await call('deleted.list', { ...range, includeRestored: true, limit: 1 }));
      if (!mine.nextCursor) return;
      const exchange = await call('deleted.list', { ...range, includeRestored: true, limit: 1000, cursor: mine.nextCursor }, { token: other });
      if (exchange.status === 400) return;
      const theirs = expectOk<{ items: DeletedRecord[] }>('deleted.list', exchange).items;
      const first = mine.items[0]!;
      expectThat(!theirs.some((r) => stableJson(r) === stableJson(first)), "none of this tenant's records", exchange);
    });
  }

  // ── writes: SMS import ──
  const day = Date.parse(`${to}T12:00:00Z`) - 86_400_000;
  const marker = `conformance-${run}`;
  const message = (n: number, body = `Forecourt conformance check ${marker}`): SmsMessage => ({
    id: `${marker}-${n}`,
    provider: 'twilio',
    direction: 'outbound',
    from: '+15125550100',
    to: '+15125550199',
    body,
    status: 'delivered',
    errorCode: null,
    sentAt: new Date(day + n * 60_000).toISOString(),
    segments: 1,
    employeeId: null,
    employeeName: null,
    customerId: null,
    customerName: null,
  });
  const importKey = `${marker}-import`;
  let imported = false;
  await check('sms.import', 'idempotency: a batch resent with its key is applied once and answered with the first answer', async () => {
    const before = expectOk<{ current: { outbound: number } }>('sms.summary', await call('sms.summary', range));
    const first = await call('sms.import', [message(1), message(2)], { key: importKey });
    const answer = expectOk<{ imported: number; updated: number }>('sms.import', first);
    imported = true;
    expectThat(answer.imported === 2 && answer.updated === 0, '{ imported: 2, updated: 0 }', first);
    const again = await call('sms.import', [message(1), message(2)], { key: importKey });
    expectThat(sameAnswer(again, first), `the first answer again: HTTP ${first.status} ${first.text}`, again);
    const listed = await call('sms.list', { ...range, text: marker });
    expectThat(expectOk<{ total: number }>('sms.list', listed).total === 2, 'the 2 messages once each in the history', listed);
    const after = await call('sms.summary', range);
    const outbound = expectOk<{ current: { outbound: number } }>('sms.summary', after).current.outbound;
    expectThat(outbound === before.current.outbound + 2, `the summary's outbound up by 2, from ${before.current.outbound}`, after);
  });
  await check('sms.import', 'errors: a message without its sentAt is a 4xx naming it', async () => {
    const { sentAt: _sentAt, ...broken } = message(3);
    expectRefusal(await raw('POST', '/sms/import', { body: JSON.stringify({ messages: [broken] }), key: `${marker}-broken` }), [400, 422], 'sentAt');
  });
  await check('sms.import', 'errors: a body that is not JSON is a 400', async () => {
    expectRefusal(await raw('POST', '/sms/import', { body: '{"messages": [', key: `${marker}-json` }), [400]);
  });

  // ── writes: a customer's source, with its version ──
  let customer: Customer | undefined;
  await check('customers.setSource', 'idempotency: a change resent with its key is applied once and answered with the first answer', async () => {
    const page = expectOk<{ items: Customer[] }>('customers.list', await call('customers.list', { limit: 1 }));
    customer = page.items[0];
    if (!customer) throw new CheckFailure('a customer to change (customers.list is empty)');
    const change = { customerId: customer.id, sourceId: customer.sourceId, expectedVersion: customer.version };
    const key = `${marker}-source`;
    const first = await call('customers.setSource', change, { key });
    const changed = expectOk<Customer>('customers.setSource', first);
    expectThat(changed.version > customer.version, `a version above ${customer.version}`, first);
    const again = await call('customers.setSource', change, { key });
    expectThat(sameAnswer(again, first), `the first answer again: HTTP ${first.status} ${first.text}`, again);
    customer = changed;
  });
  await check('customers.setSource', '409: a stale version is refused with the current record', async () => {
    if (!customer) throw new CheckFailure('a customer changed by the idempotency check');
    const stale = await call('customers.setSource', { customerId: customer.id, sourceId: customer.sourceId, expectedVersion: customer.version - 1 }, { key: `${marker}-stale` });
    expectRefusal(stale, [409]);
    const current = v.safeParse(CustomerSchema, (stale.body as { current?: unknown }).current);
    expectThat(current.success && current.output.version === customer.version, `{ current } with the customer at version ${customer.version}`, stale);
  });
  await check('customers.setSource', 'errors: an unknown customer is a 404', async () => {
    expectRefusal(await call('customers.setSource', { customerId: `${marker}-nobody`, sourceId: null, expectedVersion: 1 }, { key: `${marker}-nobody` }), [404]);
  });
  await check('customers.setSource', 'errors: a body without expectedVersion is a 4xx naming it', async () => {
    const path = requestPath(CONTRACT.customers.setSource as AnyContractRow, { customerId: customer?.id ?? 'c1' });
    expectRefusal(await raw('PUT', path, { body: JSON.stringify({ sourceId: null }), key: `${marker}-noversion` }), [400, 422], 'expectedVersion');
  });

  // ── writes: an OEM rule under its version, a lead's flag ──
  const other = options.otherToken;
  let otherRules: { id: string; version: number }[] | null = null;
  if (other) {
    const exchange = await call('leads.rules', undefined, { token: other });
    if (exchange.status === 200) otherRules = exchange.body as { id: string; version: number }[];
  }
  let savedRule: StoredOemRule | undefined;
  await check('leads.saveRule', 'idempotency: a rule saved with its key is applied once (its version up by 1) and answered with the first answer', async () => {
    const rules = expectOk<StoredOemRule[]>('leads.rules', await call('leads.rules', undefined));
    const rule = rules[0];
    if (!rule) throw new CheckFailure('a rule to save (leads.rules is empty)');
    const key = `${marker}-rule`;
    const first = await call('leads.saveRule', rule, { key });
    const saved = expectOk<StoredOemRule>('leads.saveRule', first);
    expectThat(saved.version === rule.version + 1, `version ${rule.version + 1}`, first);
    const again = await call('leads.saveRule', rule, { key });
    expectThat(sameAnswer(again, first), `the first answer again: HTTP ${first.status} ${first.text}`, again);
    savedRule = saved;
  });
  await check('leads.saveRule', '409: a stale version is refused with the current rule', async () => {
    if (!savedRule) throw new CheckFailure('a rule saved by the idempotency check');
    const stale = await call('leads.saveRule', { ...savedRule, version: savedRule.version - 1 }, { key: `${marker}-rule-stale` });
    expectRefusal(stale, [409]);
    const current = v.safeParse(StoredOemRuleSchema, (stale.body as { current?: unknown }).current);
    expectThat(current.success && current.output.version === savedRule.version, `{ current } with the rule at version ${savedRule.version}`, stale);
  });
  await check('leads.saveRule', 'errors: a rule without its limitMinutes is a 4xx naming it', async () => {
    expectRefusal(await raw('PUT', '/oem-rules/toyota', { body: JSON.stringify({ id: 'toyota', name: 'Toyota', makes: ['Toyota'], version: 1 }), key: `${marker}-rule-bad` }), [400, 422], 'limitMinutes');
  });
  const flagNote = `Conformance check ${marker}`;
  let flagged = false;
  await check('leads.flag', 'idempotency: a flag sent with its key is applied once and answered with the first answer; clearing it leaves no flag', async () => {
    const lacking = ['leads.list', 'leads.get'].find((label) => missing.has(label));
    if (lacking) throw new NotProvided(lacking);
    if (!firstLead) throw new CheckFailure('a lead to flag (from leads.get)');
    const key = `${marker}-flag`;
    const first = await call('leads.flag', { leadId: firstLead.id, flagged: true, note: flagNote }, { key });
    const lead = expectOk<Lead>('leads.flag', first);
    flagged = true;
    expectThat(lead.id === firstLead.id && lead.managerFlag?.note === flagNote, `the lead with managerFlag.note "${flagNote}"`, first);
    const again = await call('leads.flag', { leadId: firstLead.id, flagged: true, note: flagNote }, { key });
    expectThat(sameAnswer(again, first), `the first answer again: HTTP ${first.status} ${first.text}`, again);
    const read = await call('leads.get', firstLead.id);
    expectThat(expectOk<Lead>('leads.get', read).managerFlag?.note === flagNote, 'leads.get shows the flag', read);
  });
  await check('leads.flag', 'errors: an unknown lead is a 404', async () => {
    expectRefusal(await call('leads.flag', { leadId: `${marker}-nobody`, flagged: true, note: null }, { key: `${marker}-flag-nobody` }), [404]);
  });

  // ── tenant isolation ──
  if (other && imported) {
    await check('sms.list', "isolation: another tenant's filter finds none of this tenant's messages", async () => {
      const exchange = await call('sms.list', { ...range, text: marker }, { token: other });
      expectThat(expectOk<{ total: number }>('sms.list', exchange).total === 0, 'no message of the first tenant', exchange);
    });
    await check('sms.list', "isolation: this tenant's cursor shows another tenant none of its messages", async () => {
      const page = expectOk<{ nextCursor: string | null }>('sms.list', await call('sms.list', { ...range, text: marker, limit: 1 }));
      if (!page.nextCursor) throw new CheckFailure('a next cursor over the 2 imported messages');
      const exchange = await call('sms.list', { ...range, text: marker, limit: 1, cursor: page.nextCursor }, { token: other });
      if (exchange.status === 400) return; // a cursor bound to its tenant is refused: isolated too
      const items = expectOk<{ items: { id: string }[] }>('sms.list', exchange).items;
      expectThat(items.every((m) => !m.id.startsWith(marker)), 'none of the first tenant\'s messages', exchange);
    });
    await check('sms.import', "isolation: another tenant's idempotency key and ids are its own", async () => {
      const exchange = await call('sms.import', [message(1, 'The other tenant')], { token: other, key: importKey });
      const answer = expectOk<{ imported: number; updated: number }>('sms.import', exchange);
      expectThat(answer.imported === 1 && answer.updated === 0, '{ imported: 1, updated: 0 }: applied for the other tenant, not replayed or merged', exchange);
      const mine = await call('sms.list', { ...range, text: 'The other tenant' });
      const items = expectOk<{ items: SmsMessage[] }>('sms.list', mine).items;
      expectThat(!items.some((m) => m.id.startsWith(marker)), "the first tenant's message unchanged", mine);
    });
    await check('sms.summary', "isolation: another tenant's summary does not count this tenant's messages", async () => {
      const exchange = await call('sms.summary', range, { token: other });
      const summary = expectOk<{ current: { inbound: number; outbound: number } }>('sms.summary', exchange);
      const list = await call('sms.list', { ...range, limit: 1 }, { token: other });
      const total = expectOk<{ total: number }>('sms.list', list).total;
      expectThat(summary.current.inbound + summary.current.outbound === total, `the other tenant's own total ${total}`, exchange);
    });
  }
  if (other && customer) {
    const mine = customer;
    await check('customers.setSource', "isolation: another tenant's write to this tenant's customer changes nothing here", async () => {
      const exchange = await call('customers.setSource', { customerId: mine.id, sourceId: mine.sourceId, expectedVersion: mine.version }, { token: other, key: `${marker}-cross` });
      const page = await call('customers.list', { search: mine.email ?? mine.lastName, limit: 1000 });
      const found = expectOk<{ items: Customer[] }>('customers.list', page).items.find((c) => c.id === mine.id);
      expectThat(!!found && found.version === mine.version, `the customer still at version ${mine.version} (the other tenant got HTTP ${exchange.status})`, page);
    });
  }
  if (other && flagged && firstLead) {
    const lead = firstLead;
    await check('leads.flag', "isolation: another tenant never sees this tenant's flag", async () => {
      const exchange = await call('leads.get', lead.id, { token: other });
      if (exchange.status !== 404) expectThat(expectOk<Lead>('leads.get', exchange).managerFlag?.note !== flagNote, 'a 404, or a lead of its own without the flag', exchange);
      const list = await call('leads.list', { ...range, limit: 1000 }, { token: other });
      expectThat(!expectOk<{ items: Lead[] }>('leads.list', list).items.some((l) => l.managerFlag?.note === flagNote), 'no flagged lead of the first tenant in its list', list);
    });
  }
  if (flagged && firstLead) {
    await check('leads.flag', 'a flag cleared leaves the lead without one', async () => {
      const exchange = await call('leads.flag', { leadId: firstLead!.id, flagged: false }, { key: `${marker}-unflag` });
      expectThat(!expectOk<Lead>('leads.flag', exchange).managerFlag, 'managerFlag null or absent', exchange);
    });
  }
  if (otherRules && savedRule) {
    const rule = savedRule;
    const before = otherRules.find((r) => r.id === rule.id);
    await check('leads.saveRule', "isolation: this tenant's save leaves another tenant's rules as they were", async () => {
      const exchange = await call('leads.rules', undefined, { token: other });
      const after = expectOk<StoredOemRule[]>('leads.rules', exchange).find((r) => r.id === rule.id);
      expectThat(after?.version === before?.version, `the other tenant's rule "${rule.id}" at version ${before?.version ?? '(none)'}`, exchange);
    });
  }
  return outcomes;
}

/** The same status and the same JSON (keys in any order). */
function sameAnswer(a: Exchange, b: Exchange): boolean {
  return a.status === b.status && stableJson(a.body) === stableJson(b.body);
}

/** True when the key of a query row's argument must be given. */
function isRequired(row: AnyContractRow, key: string): boolean {
  const entries = (row.request as unknown as v.ObjectSchema<v.ObjectEntries, undefined>).entries;
  return entries[key]?.type !== 'optional';
}

/** The outcomes as the CLI prints them: one block per endpoint, failures with their request and answer. */
export function formatOutcomes(outcomes: readonly CheckOutcome[]): string {
  const lines: string[] = [];
  const endpoints = [...new Set(outcomes.map((o) => o.endpoint))];
  for (const endpoint of endpoints) {
    const mine = outcomes.filter((o) => o.endpoint === endpoint);
    if (mine.some((o) => o.result === 'not-provided')) {
      lines.push(`${endpoint}: not provided`);
      continue;
    }
    lines.push(endpoint);
    for (const o of mine) {
      lines.push(`  ${o.result === 'pass' ? 'pass' : 'FAIL'}  ${o.check}`);
      if (o.result === 'fail') {
        if (o.request) lines.push(`        request:  ${o.request}`);
        if (o.answer) lines.push(`        answer:   ${o.answer}`);
        lines.push(`        expected: ${o.expected}`);
      }
    }
  }
  const count = (r: CheckResult) => outcomes.filter((o) => o.result === r).length;
  lines.push('', `${count('pass')} passed, ${count('fail')} failed, ${new Set(outcomes.filter((o) => o.result === 'not-provided').map((o) => o.endpoint)).size} endpoints not provided.`);
  return lines.join('\n');
}
