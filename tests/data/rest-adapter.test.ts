import { expect } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { delay, getResponse, http, HttpResponse } from 'msw';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { AdapterError, FULL_MESSAGE_CHARS, isAdapterError, MESSAGE_EXCERPT_CHARS } from '../../src/data/errors.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import type { SmsMessage } from '../../src/data/model.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createApiFaults, createApiHandlers } from '../../demo/api/handlers.js';
import type { ApiFaults } from '../../demo/api/handlers.js';

const BASE = '/api';
const worker = setupWorker();

before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
after(() => worker.stop());
afterEach(() => worker.resetHandlers());

/** The AdapterError a promise rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (isAdapterError(error)) return error;
    throw new Error(`expected an AdapterError, got ${String(error)}`);
  }
  throw new Error('expected the call to fail');
}

const sms = (n: number): SmsMessage => ({
  id: `sms-${n}`,
  provider: 'twilio',
  direction: 'outbound',
  from: '+15125550100',
  to: '+15125550111',
  body: `Your car is ready (${n})`,
  status: 'delivered',
  errorCode: null,
  sentAt: `2026-03-0${n + 1}T15:00:00.000Z`,
  segments: 1,
  employeeId: 'emp-1',
  employeeName: 'Dana',
  customerId: null,
  customerName: null,
});

describe('createRestAdapter against a scripted server', () => {
  it('sends the query, bearer token and host headers, and returns the validated page', async () => {
    let seen: Request | undefined;
    worker.use(
      http.get(`${BASE}/sms`, ({ request }) => {
        seen = request;
        return HttpResponse.json({ items: [sms(1), sms(2)], total: 7, nextCursor: 'c2' });
      }),
    );
    const rest = createRestAdapter({ baseUrl: `${BASE}/`, getToken: async () => 'tok-123', headers: () => ({ 'X-Tenant': 'shop-9' }) });
    const page = await rest.sms!.list({ from: '2026-03-01', to: '2026-03-31', direction: 'outbound', text: 'ready now', cursor: null, limit: 2 });

    expect(page).to.deep.equal({ items: [sms(1), sms(2)], total: 7, nextCursor: 'c2' });
    const url = new URL(seen!.url);
    expect(url.pathname).to.equal('/api/sms');
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({
      from: '2026-03-01',
      to: '2026-03-31',
      direction: 'outbound',
      text: 'ready now',
      limit: '2',
    });
    expect(seen!.headers.get('Authorization')).to.equal('Bearer tok-123');
    expect(seen!.headers.get('X-Tenant')).to.equal('shop-9');
    expect(seen!.headers.get('Idempotency-Key'), 'reads carry no idempotency key').to.equal(null);
  });

  it('ignores a read\'s fresh option: nothing of it reaches the server', async () => {
    let seen: Request | undefined;
    worker.use(
      http.get(`${BASE}/sms`, ({ request }) => {
        seen = request;
        return HttpResponse.json({ items: [sms(1)], total: 1, nextCursor: null });
      }),
    );
    const rest = createRestAdapter({ baseUrl: BASE });
    const page = await rest.sms!.list({ from: '2026-03-01', to: '2026-03-31', limit: 1 }, { fresh: true });

    expect(page.items).to.have.length(1);
    const url = new URL(seen!.url);
    expect(Object.fromEntries(url.searchParams)).to.deep.equal({ from: '2026-03-01', to: '2026-03-31', limit: '1' });
    expect([...seen!.headers.keys()].filter((name) => name.includes('fresh'))).to.deep.equal([]);
  });

  it('encodes traffic drill-down filters as filter.<dimension>', async () => {
    let params: Record<string, string> = {};
    worker.use(
      http.get(`${BASE}/traffic/heatmap`, ({ request }) => {
        params = Object.fromEntries(new URL(request.url).searchParams);
        return HttpResponse.json({ cells: [{ weekday: 0, hour: 9, ups: 4, sold: 1 }], max: 4 });
      }),
    );
    const heatmap = await createRestAdapter({ baseUrl: BASE }).traffic!.heatmap({
      from: '2026-01-01',
      to: '2026-03-31',
      zone: 'America/Chicago',
      filters: { salesperson: 'sp-2', upType: 'walk-in' },
    });
    expect(heatmap.max).to.equal(4);
    expect(params).to.deep.equal({
      from: '2026-01-01',
      to: '2026-03-31',
      zone: 'America/Chicago',
      'filter.salesperson': 'sp-2',
      'filter.upType': 'walk-in',
    });
  });

  it('sends the caller idempotency key on writes, or a fresh UUID when none is given', async () => {
    const keys: (string | null)[] = [];
    const bodies: unknown[] = [];
    worker.use(
      http.patch(`${BASE}/sources/:id`, async ({ request, params }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        bodies.push({ id: params.id, ...((await request.json()) as object) });
        return HttpResponse.json({
          id: String(params.id),
          code: 'GOOG',
          categoryId: 'internet',
          name: 'Google',
          origin: 'pos',
          deleted: false,
          customerCount: 12,
          version: 4,
          updatedAt: '2026-03-31T12:00:00Z',
        });
      }),
    );
    const rest = createRestAdapter({ baseUrl: BASE });
    const saved = await rest.sources!.update({ id: 'src 1', expectedVersion: 3, categoryId: 'internet' }, { idempotencyKey: 'key-1' });
    await rest.sources!.update({ id: 'src 1', expectedVersion: 4, name: 'Google' });

    expect(saved.version).to.equal(4);
    expect(keys[0]).to.equal('key-1');
    expect(keys[1]).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bodies).to.deep.equal([
      { id: 'src 1', expectedVersion: 3, categoryId: 'internet' },
      { id: 'src 1', expectedVersion: 4, name: 'Google' },
    ]);
  });

  it('turns 404 and 422 into rejected errors carrying the server message and body', async () => {
    worker.use(
      http.get(`${BASE}/leads/:id`, () => HttpResponse.json({ message: 'Lead L-9 does not exist.' }, { status: 404 })),
      http.put(`${BASE}/sources/spend`, () =>
        HttpResponse.json({ message: 'Invalid request body: amount: expected number', field: 'amount' }, { status: 422 }),
      ),
    );
    const rest = createRestAdapter({ baseUrl: BASE });
    const notFound = await rejection(rest.leads!.get('L-9'));
    expect([notFound.kind, notFound.status, notFound.retryable, notFound.message]).to.deep.equal([
      'not-found',
      404,
      false,
      'Lead L-9 does not exist.',
    ]);
    const invalid = await rejection(rest.sources!.saveSpend({ month: '2026-03', categoryId: 'internet', sourceId: null, amount: 5 }));
    expect([invalid.kind, invalid.status, invalid.retryable]).to.deep.equal(['rejected', 422, false]);
    expect(invalid.message).to.equal('Invalid request body: amount: expected number');
    expect(invalid.body).to.deep.equal({ message: 'Invalid request body: amount: expected number', field: 'amount' });
  });

  it('marks 5xx as retryable, with a message even when the body is not JSON', async () => {
    worker.use(
      http.get(`${BASE}/sources`, () => new HttpResponse('<h1>Bad gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } })),
      http.get(`${BASE}/dealer`, () => HttpResponse.json({ message: 'Database is restarting.' }, { status: 503 })),
    );
    const rest = createRestAdapter({ baseUrl: BASE });
    const gateway = await rejection(rest.sources!.list());
    expect([gateway.kind, gateway.status, gateway.retryable]).to.deep.equal(['server', 502, true]);
    expect(gateway.message).to.match(/^GET \/sources failed with HTTP 502/);
    expect(gateway.body).to.equal('<h1>Bad gateway</h1>');
    const unavailable = await rejection(rest.leads!.dealer());
    expect([unavailable.kind, unavailable.retryable, unavailable.message]).to.deep.equal(['server', true, 'Database is restarting.']);
  });

  it('surfaces a 409 as a conflict with the current version in the body', async () => {
    const current = {
      id: 'cust-1',
      firstName: 'Ana',
      lastName: 'Ruiz',
      phone: null,
      email: null,
      sourceId: 'src-2',
      status: 'active',
      firstVisit: '2026-01-04',
      version: 8,
      updatedAt: '2026-03-30T10:00:00Z',
    };
    worker.use(
      http.put(`${BASE}/customers/:id/source`, () =>
        HttpResponse.json({ message: 'Customer cust-1 changed since version 7.', current }, { status: 409 }),
      ),
    );
    const error = await rejection(
      createRestAdapter({ baseUrl: BASE }).customers!.setSource({ customerId: 'cust-1', sourceId: 'src-5', expectedVersion: 7 }),
    );
    expect([error.kind, error.status, error.retryable]).to.deep.equal(['conflict', 409, false]);
    expect((error.body as { current: { version: number } }).current.version).to.equal(8);
  });

  it('reports a body that is not JSON as malformed', async () => {
    worker.use(
      http.get(`${BASE}/sources/mapping-status`, () =>
        new HttpResponse('{"total": 4, "mapped":', { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    const error = await rejection(createRestAdapter({ baseUrl: BASE }).sources!.mappingStatus());
    expect([error.kind, error.retryable]).to.deep.equal(['malformed', false]);
    expect(error.message).to.match(/^Malformed response from GET \/sources\/mapping-status: not JSON \(/);
  });

  it('names the field of the wrong type', async () => {
    const bad = { ...sms(3), sentAt: 5 };
    worker.use(http.get(`${BASE}/sms`, () => HttpResponse.json({ items: [sms(0), sms(1), sms(2), bad], total: 4, nextCursor: null })));
    const error = await rejection(createRestAdapter({ baseUrl: BASE }).sms!.list({ from: '2026-03-01', to: '2026-03-31' }));
    expect(error.kind).to.equal('malformed');
    expect(error.message).to.equal('Malformed response from GET /sms: items[3].sentAt: expected string, received 5');
  });

  it('rejects a value outside the contract (unknown status, impossible date)', async () => {
    worker.use(
      http.get(`${BASE}/sms`, () => HttpResponse.json({ items: [{ ...sms(0), status: 'teleported' }], total: 1, nextCursor: null })),
      http.get(`${BASE}/customers/board`, () =>
        HttpResponse.json([
          {
            id: 'b-1',
            date: '2026-02-30',
            customerId: 'c-1',
            customerName: 'Ana Ruiz',
            vehicle: '2019 Honda Civic',
            advisor: 'Lee',
            promisedAt: null,
            sourceId: null,
            sourceUnknown: true,
            customerVersion: 1,
          },
        ]),
      ),
    );
    const rest = createRestAdapter({ baseUrl: BASE });
    const status = await rejection(rest.sms!.list({ from: '2026-03-01', to: '2026-03-31' }));
    expect(status.message).to.contain('items[0].status: expected ("queued" | "sent"');
    expect(status.message).to.contain('received "teleported"');
    const board = await rejection(rest.customers!.board({ date: '2026-03-31' }));
    expect(board.message).to.equal(
      'Malformed response from GET /customers/board: [0].date: expected a calendar day that exists, received "2026-02-30"',
    );
  });

  it('times out with kind timeout when the server is slower than timeoutMs', async () => {
    worker.use(http.get(`${BASE}/oem-rules`, async () => {
      await delay(1500);
      return HttpResponse.json([]);
    }));
    const error = await rejection(createRestAdapter({ baseUrl: BASE, timeoutMs: 100 }).leads!.rules());
    expect([error.kind, error.retryable]).to.deep.equal(['timeout', true]);
    expect(error.message).to.equal('GET /oem-rules got no answer within 0.1 s.');
  });

  it("stops with kind aborted when the caller's signal aborts, before or during the request", async () => {
    let requests = 0;
    worker.use(http.get(`${BASE}/sources/categories`, async () => {
      requests += 1;
      await delay(1500);
      return HttpResponse.json([]);
    }));
    const rest = createRestAdapter({ baseUrl: BASE });
    const controller = new AbortController();
    const pending = rejection(rest.sources!.categories({ signal: controller.signal }));
    await delay(50);
    controller.abort();
    const error = await pending;
    expect([error.kind, error.retryable, error.message]).to.deep.equal(['aborted', false, 'GET /sources/categories was cancelled.']);

    const early = await rejection(rest.sources!.categories({ signal: AbortSignal.abort() }));
    expect(early.kind).to.equal('aborted');
    expect(requests, 'an already-aborted call sends nothing').to.equal(1);
  });

  it('reports a failed connection as a retryable network error', async () => {
    worker.use(http.post(`${BASE}/sources/complete-mapping`, () => HttpResponse.error()));
    const error = await rejection(createRestAdapter({ baseUrl: BASE }).sources!.completeMapping());
    expect([error.kind, error.status, error.retryable]).to.deep.equal(['network', 0, true]);
    expect(error.message).to.match(/^Could not reach the server for POST \/sources\/complete-mapping/);
  });

  it('reports a failing token provider as an auth error without sending the request', async () => {
    let sent = false;
    worker.use(http.get(`${BASE}/sources`, () => ((sent = true), HttpResponse.json([]))));
    const rest = createRestAdapter({ baseUrl: BASE, getToken: () => Promise.reject(new Error('session expired')) });
    const error = await rejection(rest.sources!.list());
    expect([error.kind, error.message]).to.deep.equal(['auth', 'Could not get an access token for GET /sources.']);
    expect(sent).to.equal(false);
  });

  it('carries the wait of Retry-After, in seconds (429) or as an HTTP date (503)', async () => {
    const inNinety = new Date(Date.now() + 90_000).toUTCString();
    worker.use(
      http.get(`${BASE}/sources`, () => HttpResponse.json({ message: 'Slow down.' }, { status: 429, headers: { 'Retry-After': '120' } })),
      http.get(`${BASE}/dealer`, () => HttpResponse.json({ message: 'Maintenance.' }, { status: 503, headers: { 'Retry-After': inNinety } })),
      http.get(`${BASE}/sources/categories`, () => HttpResponse.json({ message: 'Busy.' }, { status: 429, headers: { 'Retry-After': 'later' } })),
    );
    const rest = createRestAdapter({ baseUrl: BASE });
    const before = Date.now();
    const limited = await rejection(rest.sources!.list());
    const after = Date.now();
    expect([limited.kind, limited.retryable, limited.retryAfterMs]).to.deep.equal(['rate-limited', true, 120_000]);
    expect(limited.retryAt).to.be.within(before + 120_000, after + 120_000);

    const down = await rejection(rest.leads!.dealer());
    expect(down.kind).to.equal('server');
    // The date has whole seconds: up to a second less than 90 s is left when it arrives.
    expect(down.retryAfterMs).to.be.within(88_000, 90_000);
    expect(down.retryAt).to.equal(Date.parse(inNinety));

    const unreadable = await rejection(rest.sources!.categories());
    expect([unreadable.retryAfterMs, unreadable.retryAt]).to.deep.equal([null, null]);
  });

  it("keeps a short excerpt of a 1 MB message from the server, its first FULL_MESSAGE_CHARS in fullMessage, and the whole answer in body", async () => {
    const huge = `Refused: ${'very long reason '.repeat(62_500)}`;
    worker.use(http.put(`${BASE}/sources/spend`, () => HttpResponse.json({ message: huge }, { status: 422 })));
    const error = await rejection(
      createRestAdapter({ baseUrl: BASE }).sources!.saveSpend({ month: '2026-03', categoryId: 'internet', sourceId: null, amount: 5 }),
    );
    expect(error.message).to.have.length(MESSAGE_EXCERPT_CHARS);
    expect(error.message.startsWith('Refused: very long reason')).to.equal(true);
    expect(error.message.endsWith('…')).to.equal(true);
    expect(error.fullMessage).to.equal(`${huge.slice(0, FULL_MESSAGE_CHARS - 1)}…`);
    expect(error.body).to.deep.equal({ message: huge });
  });

  it('refuses an answer larger than maxResponseBytes with a clear error, and still reports a refusal with a large body', async () => {
    const categories = Array.from({ length: 100 }, (_, i) => ({ id: `cat-${i}`, name: `Category ${i}`, order: i, builtIn: false, version: 1 }));
    worker.use(
      http.get(`${BASE}/sources/categories`, () => HttpResponse.json(categories)),
      http.get(`${BASE}/sources`, () => new HttpResponse('<p>down</p>'.repeat(1000), { status: 503, headers: { 'Retry-After': '30' } })),
    );
    const small = createRestAdapter({ baseUrl: BASE, maxResponseBytes: 1024 });
    const error = await rejection(small.sources!.categories());
    expect([error.kind, error.status, error.retryable]).to.deep.equal(['malformed', 200, false]);
    expect(error.message).to.equal("The server's answer to GET /sources/categories is larger than the 1 kB this page accepts, so it was not read.");
    expect(await createRestAdapter({ baseUrl: BASE }).sources!.categories(), 'within the default limit').to.have.length(100);

    const refused = await rejection(small.sources!.list());
    expect([refused.kind, refused.status, refused.retryable, refused.retryAfterMs]).to.deep.equal(['server', 503, true, 30_000]);
    expect(refused.message).to.match(/^GET \/sources failed with HTTP 503/);
    expect(refused.body).to.equal(undefined);
  });

  describe('reading no more than maxResponseBytes', () => {
    /** An endless body, counting the chunks read from it and whether it was cancelled. */
    function endless(headers: Record<string, string> = {}) {
      const seen = { pulls: 0, cancelled: false };
      const chunk = new TextEncoder().encode(`[${'"x",'.repeat(255)}`);
      const handlers = [
        http.get(`${BASE}/sources/categories`, () => {
          const body = new ReadableStream<Uint8Array>(
            {
              pull(controller) {
                seen.pulls += 1;
                controller.enqueue(chunk);
              },
              cancel() {
                seen.cancelled = true;
              },
            },
            { highWaterMark: 0 },
          );
          return new HttpResponse(body, { headers: { 'Content-Type': 'application/json', ...headers } });
        }),
      ];
      // Answered in the page, so the stream the handler makes is the one the adapter reads.
      const inPage = async (input: RequestInfo | URL, init?: RequestInit) =>
        (await getResponse(handlers, new Request(new URL(String(input), location.href), init)))!;
      return { seen, rest: createRestAdapter({ baseUrl: BASE, maxResponseBytes: 64 * 1024, fetch: inPage }) };
    }

    it('stops reading a streamed answer once it passes the limit', async () => {
      const { seen, rest } = endless();
      const error = await rejection(rest.sources!.categories());
      expect(error.kind).to.equal('malformed');
      expect(error.message).to.equal("The server's answer to GET /sources/categories is larger than the 64 kB this page accepts, so it was not read.");
      expect(seen.cancelled, 'the stream is cancelled').to.equal(true);
      // 1 kB chunks: the 65th passes 64 kB.
      expect(seen.pulls).to.equal(65);
    });

    it('refuses an answer whose Content-Length is past the limit without reading it', async () => {
      const { seen, rest } = endless({ 'Content-Length': String(10 ** 9) });
      const error = await rejection(rest.sources!.categories());
      expect(error.message).to.equal("The server's answer to GET /sources/categories is larger than the 64 kB this page accepts, so it was not read.");
      expect([seen.pulls, seen.cancelled]).to.deep.equal([0, true]);
    });
  });
});

describe('createRestAdapter over the demo API handlers and the memory adapter', () => {
  const dataset = generateDataset({ size: 'small' });
  const range = { from: `${dataset.today.slice(0, 4)}-01-01`, to: dataset.today };
  const now = new Date(`${dataset.today}T18:00:00Z`);
  let backend: ForecourtAdapter;
  let faults: ApiFaults;
  let rest: ForecourtAdapter;

  beforeEach(() => {
    backend = createMemoryAdapter(dataset, { now: () => now });
    faults = createApiFaults();
    worker.use(...createApiHandlers(backend, { baseUrl: BASE, faults }));
    rest = createRestAdapter({ baseUrl: BASE });
  });

  it('answers every read of every domain exactly as the backend does', async () => {
    const want = dataset.wants[0]!;
    const reads: [string, (a: ForecourtAdapter) => Promise<unknown>][] = [
      ['sources.categories', (a) => a.sources!.categories()],
      ['sources.list', (a) => a.sources!.list()],
      ['sources.mappingStatus', (a) => a.sources!.mappingStatus()],
      ['sources.report', (a) => a.sources!.report(range)],
      ['sources.spend', (a) => a.sources!.spend(range)],
      ['customers.board', (a) => a.customers!.board({ date: dataset.today })],
      ['customers.list', (a) => a.customers!.list({ sourceUnknown: true, limit: 7 })],
      ['customers.list search', (a) => a.customers!.list({ search: dataset.customers[0]!.lastName })],
      ['sms.list', (a) => a.sms!.list({ ...range, direction: 'outbound', limit: 25 })],
      ['sms.list asc failed', (a) => a.sms!.list({ ...range, status: 'failed', order: 'asc', limit: 10 })],
      ['sms.list at a position', (a) => a.sms!.list({ ...range, offset: 37, limit: 5 })],
      ['sms.summary', (a) => a.sms!.summary({ from: dataset.today.slice(0, 8) + '01', to: dataset.today })],
      ['leads.list', (a) => a.leads!.list({ ...range, limit: 10 })],
      ['leads.get', (a) => a.leads!.get(dataset.leads[0]!.id)],
      ['leads.rules', (a) => a.leads!.rules()],
      ['leads.dealer', (a) => a.leads!.dealer()],
      ['leads.responseSummary', (a) => a.leads!.responseSummary(range)],
      ['traffic.aggregate month', (a) => a.traffic!.aggregate({ ...range, groupBy: 'month' })],
      ['traffic.heatmap', (a) => a.traffic!.heatmap({ ...range, filters: { department: 'used' } })],
      ['traffic.list', (a) => a.traffic!.list({ ...range, filters: { upType: 'walk-in' }, limit: 15 })],
      ['deleted.list', (a) => a.deleted!.list({ ...range, includeRestored: true, limit: 10 })],
      ['vehicles.wants', (a) => a.vehicles!.wants({ limit: 5 })],
      ['vehicles.matchTradeIn', (a) => a.vehicles!.matchTradeIn({ year: want.yearTo, make: ` ${want.make.toUpperCase()} `, model: want.model })],
    ];
    for (const [label, call] of reads) {
      const direct = await call(backend);
      expect(await call(rest), label).to.deep.equal(direct);
    }
    const sms = await rest.sms!.list({ ...range, direction: 'outbound', limit: 25 });
    expect(sms.items).to.have.length(25);
    expect(sms.items.every((m) => m.direction === 'outbound')).to.equal(true);
    const matches = await rest.vehicles!.matchTradeIn({ year: want.yearTo, make: want.make, model: want.model });
    expect(matches.map((m) => m.want.id)).to.include(want.id);
  });

  it('drills traffic down through filter.<dimension> and pages with the opaque cursor', async () => {
    const byMonth = await rest.traffic!.aggregate({ ...range, groupBy: 'month' });
    const busiest = [...byMonth.rows].sort((a, b) => b.ups - a.ups)[0]!;
    const drill = { ...range, groupBy: 'salesperson' as const, filters: { month: busiest.key } };
    const bySalesperson = await rest.traffic!.aggregate(drill);
    expect(bySalesperson).to.deep.equal(await backend.traffic!.aggregate(drill));
    expect(bySalesperson.total.ups).to.equal(busiest.ups);

    const first = await rest.sms!.list({ ...range, limit: 50 });
    expect(first.nextCursor).to.be.a('string');
    const second = await rest.sms!.list({ ...range, limit: 50, cursor: first.nextCursor });
    expect(second).to.deep.equal(await backend.sms!.list({ ...range, limit: 50, cursor: first.nextCursor }));
    expect(second.items[0]!.id).not.to.equal(first.items[0]!.id);
  });

  it('applies writes, and answers a stale version with 409 and the current record', async () => {
    const source = dataset.sources.find((s) => !s.deleted && s.categoryId === null)!;
    const saved = await rest.sources!.update({ id: source.id, expectedVersion: source.version, categoryId: 'internet' });
    expect([saved.categoryId, saved.version]).to.deep.equal(['internet', source.version + 1]);
    expect((await backend.sources!.list()).find((s) => s.id === source.id)!.categoryId).to.equal('internet');

    const stale = await rejection(rest.sources!.update({ id: source.id, expectedVersion: source.version, categoryId: 'referral' }));
    expect([stale.kind, stale.status, stale.retryable]).to.deep.equal(['conflict', 409, false]);
    expect(stale.message).to.equal(`Source "${source.name}" was changed by someone else.`);
    const current = (stale.body as { current: { version: number; categoryId: string } }).current;
    expect([current.version, current.categoryId]).to.deep.equal([source.version + 1, 'internet']);

    const created = await rest.sources!.create({ categoryId: 'advertising', name: 'Radio KXYZ' });
    expect([created.origin, created.name, created.version]).to.deep.equal(['shop', 'Radio KXYZ', 1]);

    const customer = dataset.customers[0]!;
    const moved = await rest.customers!.setSource({ customerId: customer.id, sourceId: created.id, expectedVersion: customer.version });
    expect([moved.sourceId, moved.version]).to.deep.equal([created.id, customer.version + 1]);

    const spend = await rest.sources!.saveSpend({ month: dataset.today.slice(0, 7), categoryId: 'advertising', sourceId: created.id, amount: 25_000 });
    expect([spend.amount, spend.version]).to.deep.equal([25_000, 1]);

    const rule = dataset.rules[0]!;
    const ruleSaved = await rest.leads!.saveRule({ ...rule, limitMinutes: 45 });
    expect([ruleSaved.limitMinutes, ruleSaved.version]).to.deep.equal([45, rule.version + 1]);

    const record = dataset.deleted.find((d) => d.restoredAt === null)!;
    const restored = await rest.deleted!.restore({ ids: [record.id] });
    expect(restored.restored).to.deep.equal([record.id]);
  });

  it('passes the Idempotency-Key through: a repeated key returns the first result without applying twice', async () => {
    const source = dataset.sources.find((s) => !s.deleted && s.categoryId === null)!;
    const change = { id: source.id, expectedVersion: source.version, categoryId: 'referral' };
    const first = await rest.sources!.update(change, { idempotencyKey: 'retry-1' });
    const again = await rest.sources!.update(change, { idempotencyKey: 'retry-1' });
    expect(again).to.deep.equal(first);
    expect((await rest.sources!.list()).find((s) => s.id === source.id)!.version).to.equal(source.version + 1);

    const mapped = await rest.sources!.completeMapping({ idempotencyKey: 'map-all' });
    expect(mapped.mapped).to.be.greaterThan(0);
    expect(await rest.sources!.completeMapping({ idempotencyKey: 'map-all' })).to.deep.equal(mapped);
    expect(await rest.sources!.completeMapping(), 'a new key applies again').to.deep.equal({ mapped: 0 });
  });

  it('imports SMS with POST /sms/import, filters by error code, and refuses a bad or oversized batch', async () => {
    const message = { ...dataset.sms[0]!, id: 'imported-1', errorCode: '30007', status: 'undelivered' as const, sentAt: `${dataset.today}T12:00:00.000Z` };
    let seen: { method: string; key: string | null; body: unknown } | undefined;
    worker.events.on('request:start', async ({ request }) => {
      if (new URL(request.url).pathname === `${BASE}/sms/import`) {
        seen = { method: request.method, key: request.headers.get('Idempotency-Key'), body: await request.clone().json() };
      }
    });
    const result = await rest.sms!.import!([message, dataset.sms[1]!], { idempotencyKey: 'batch-1' });
    worker.events.removeAllListeners();
    expect(result).to.deep.equal({ imported: 1, updated: 1 });
    expect(seen).to.deep.equal({ method: 'POST', key: 'batch-1', body: { messages: [message, dataset.sms[1]] } });
    expect(await rest.sms!.import!([message], { idempotencyKey: 'batch-1' }), 'same key, same answer').to.deep.equal(result);

    const day = { from: dataset.today, to: dataset.today };
    const page = await rest.sms!.list({ ...day, errorCode: '30007' });
    expect(page.items.map((m) => m.id)).to.include('imported-1');
    expect(page).to.deep.equal(await backend.sms!.list({ ...day, errorCode: '30007' }));

    const bad = await rejection(rest.sms!.import!([{ ...message, status: 'lost' as never }]));
    expect([bad.kind, bad.status]).to.deep.equal(['rejected', 422]);
    expect(bad.message).to.contain('Invalid request body: messages[0].status');
    const big = await rejection(rest.sms!.import!(Array.from({ length: 1001 }, (_, i) => ({ ...message, id: `m${i}` }))));
    expect(big.message).to.contain('expected at most 1000 messages per request');
  });

  it('answers 501 for an SMS import the backend does not provide', async () => {
    const { import: _import, ...readOnly } = backend.sms!;
    worker.resetHandlers(...createApiHandlers({ sms: readOnly }, { baseUrl: BASE }));
    const error = await rejection(rest.sms!.import!([dataset.sms[0]!]));
    expect([error.kind, error.status, error.message]).to.deep.equal(['unsupported', 501, 'This server does not import SMS messages.']);
  });

  it('answers an unknown id with 404 and the backend message', async () => {
    const error = await rejection(rest.leads!.get('no-such-lead'));
    expect([error.kind, error.status, error.message]).to.deep.equal(['not-found', 404, 'No lead "no-such-lead".']);
  });

  it('answers bad query parameters with 400 naming the parameter', async () => {
    const cases: [() => Promise<unknown>, string][] = [
      [
        () => rest.traffic!.aggregate({ ...range, groupBy: 'colour' as never }),
        'Invalid query parameter groupBy: expected ("time" | "month" | "day" | "hour" | "weekday" | "upType" | "department" | "salesperson" | "sourceCategory" | "source" | "outcome"), received "colour".',
      ],
      [() => rest.traffic!.heatmap({ ...range, filters: { colour: 'red' } as never }), 'Invalid query parameter filter.colour: expected ('],
      [() => rest.sms!.summary({ from: '2026-02-30', to: '2026-03-31' }), 'Invalid query parameter from: expected a calendar day that exists, received "2026-02-30".'],
      [() => rest.sources!.report({ from: '31/03/2026', to: '2026-03-31' }), 'Invalid query parameter from: expected an ISO date (YYYY-MM-DD), received "31/03/2026".'],
      [() => rest.sms!.list({ ...range, status: 'lost' as never }), 'Invalid query parameter status: expected ('],
      [() => rest.sms!.list({ ...range, limit: 'ten' as never }), 'Invalid query parameter limit: expected a whole number, received "ten".'],
      [() => rest.sources!.report({ from: '2026-03-31', to: '2026-03-01' }), 'Invalid date range: 2026-03-31 is after 2026-03-01.'],
    ];
    for (const [call, message] of cases) {
      const error = await rejection(call());
      expect([error.kind, error.status], message).to.deep.equal(['rejected', 400]);
      expect(error.message).to.contain(message);
    }
  });

  it('answers an invalid body field with 422 naming the field', async () => {
    const error = await rejection(
      rest.sources!.saveSpend({ month: '2026-03', categoryId: 'internet', sourceId: null, amount: 'lots' as never }),
    );
    expect([error.kind, error.status]).to.deep.equal(['rejected', 422]);
    expect(error.message).to.equal('Invalid request body: amount: expected number, received "lots".');
  });

  it('simulates offline, a failing server and latency with the faults switches', async () => {
    faults.offline = true;
    const offline = await rejection(rest.sources!.list());
    expect([offline.kind, offline.retryable]).to.deep.equal(['network', true]);

    faults.offline = false;
    faults.failing = true;
    const failing = await rejection(rest.sources!.list());
    expect([failing.kind, failing.status, failing.retryable]).to.deep.equal(['server', 503, true]);
    expect(failing.message).to.equal('The server is unavailable right now (503). Try again shortly.');

    faults.failing = false;
    faults.latencyMs = 1000;
    const slow = await rejection(createRestAdapter({ baseUrl: BASE, timeoutMs: 100 }).sources!.mappingStatus());
    expect(slow.kind).to.equal('timeout');

    faults.latencyMs = 0;
    expect((await rest.sources!.mappingStatus()).total).to.be.greaterThan(0);
  });

  it('answers 501 for a domain the backend does not provide', async () => {
    worker.resetHandlers(...createApiHandlers({ sources: backend.sources }, { baseUrl: BASE }));
    const error = await rejection(rest.sms!.list(range));
    expect([error.kind, error.status, error.message]).to.deep.equal(['unsupported', 501, 'This server does not provide sms.']);
  });
});

describe('createRestAdapter: "mapping done" over the demo API leaves deleted sources alone', () => {
  it('answers the number the server mapped, without a deleted source that was never mapped', async () => {
    const data = generateDataset({ size: 'small' });
    const stamp = '2026-01-01T00:00:00.000Z';
    // Two unmapped sources added by hand: one deleted (stays unmapped), one live (mapped).
    data.sources.push(
      { id: 'gone-unmapped', code: 'GONE', name: 'Closed lot', categoryId: null, origin: 'pos', deleted: true, customerCount: 0, version: 1, updatedAt: stamp },
      { id: 'live-unmapped', code: 'LIVE', name: 'New kiosk', categoryId: null, origin: 'pos', deleted: false, customerCount: 0, version: 1, updatedAt: stamp },
    );
    const live = data.sources.filter((s) => !s.deleted && !s.categoryId).length;
    worker.use(...createApiHandlers(createMemoryAdapter(data), { baseUrl: BASE, faults: createApiFaults() }));
    const rest = createRestAdapter({ baseUrl: BASE });
    expect(await rest.sources!.completeMapping()).to.deep.equal({ mapped: live });
    const after = await rest.sources!.list();
    expect(after.find((s) => s.id === 'gone-unmapped')).to.include({ categoryId: null, version: 1 });
    expect(after.find((s) => s.id === 'live-unmapped')).to.include({ categoryId: 'other-new', version: 2 });
    expect((await rest.sources!.mappingStatus()).mapped).to.equal((await rest.sources!.mappingStatus()).total);
  });
});
