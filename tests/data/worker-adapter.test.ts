/**
 * The memory adapter in a worker answers the contract as the in-thread one does: the same reads,
 * writes applied once per idempotency key, errors of the same kind, status, message and body,
 * aborted calls refused, preferences, the feed, a dataset from a URL or built in the worker, and
 * an end with `terminate()`.
 */
import { expect } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { AdapterError } from '../../src/data/errors.js';
import { failure } from './failure.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { createWorkerAdapter, type WorkerAdapter } from '../../src/data/worker-adapter.js';
import type { Dataset } from '../../src/data/model.js';

const dataset = generateDataset({ seed: 5, size: 'small', smsCount: 4_000 });
const MONTH = { from: '2026-11-01', to: '2026-11-23' };
const YEAR = { from: '2025-11-24', to: '2026-11-23' };

/** The same reads, asked of either adapter. */
function reads(adapter: ForecourtAdapter): Promise<unknown>[] {
  return [
    adapter.sources!.categories(),
    adapter.sources!.list(),
    adapter.sources!.mappingStatus(),
    adapter.sources!.report(MONTH),
    adapter.sources!.spend(YEAR),
    adapter.customers!.board({ date: dataset.today }),
    adapter.customers!.list({ search: 'a', limit: 50 }),
    adapter.sms!.list({ ...MONTH, limit: 200 }),
    adapter.sms!.list({ ...MONTH, order: 'asc', offset: 40, limit: 20, direction: 'outbound' }),
    adapter.sms!.summary(MONTH),
    adapter.leads!.list({ ...YEAR, limit: 100 }),
    adapter.leads!.rules(),
    adapter.leads!.dealer(),
    adapter.traffic!.aggregate({ ...MONTH, groupBy: 'upType' }),
    adapter.traffic!.heatmap(MONTH),
    adapter.traffic!.list({ ...MONTH, limit: 30 }),
    adapter.deleted!.list({ ...YEAR, limit: 20 }),
    adapter.deleted!.log({}),
    adapter.vehicles!.wants({ limit: 20 }),
  ];
}

describe('createWorkerAdapter', () => {
  let worker: WorkerAdapter;
  let memory: ForecourtAdapter;
  beforeEach(() => {
    worker = createWorkerAdapter(dataset, { user: 'Dana Ruiz' });
    memory = createMemoryAdapter(dataset, { user: 'Dana Ruiz' });
  });
  afterEach(() => worker.terminate());

  it('answers the reads of the contract as the memory adapter does', async () => {
    await worker.ready;
    expect(await Promise.all(reads(worker))).to.deep.equal(await Promise.all(reads(memory)));
    const [lead] = (await memory.leads!.list({ ...YEAR, limit: 1 })).items;
    expect(await worker.leads.get(lead!.id)).to.deep.equal(lead);
    const summary = await worker.leads.responseSummary(YEAR);
    expect(summary.total.count).to.equal((await memory.leads!.responseSummary(YEAR)).total.count);
  });

  it('applies a write once per idempotency key, and the next read sees it', async () => {
    const [source] = (await worker.sources.list()).filter((s) => !s.deleted);
    const change = { id: source!.id, expectedVersion: source!.version, name: 'Renamed in the worker' };
    const first = await worker.sources.update(change, { idempotencyKey: 'k-1' });
    const again = await worker.sources.update(change, { idempotencyKey: 'k-1' });
    expect(first).to.include({ name: 'Renamed in the worker', version: source!.version + 1 });
    expect(again).to.deep.equal(first);
    expect((await worker.sources.list()).find((s) => s.id === source!.id)).to.deep.equal(first);
    const imported = await worker.sms.import([{ ...dataset.sms[0]!, id: 'sms-new', sentAt: '2026-11-22T15:00:00.000Z' }], { idempotencyKey: 'i-1' });
    expect(imported).to.deep.equal({ imported: 1, updated: 0 });
    expect((await worker.sms.list({ ...MONTH, limit: 1000 })).items.map((m) => m.id)).to.include('sms-new');
  });

  it('rejects with the same kind, status, message and body as the memory adapter', async () => {
    const [source] = await worker.sources.list();
    const stale = { id: source!.id, expectedVersion: source!.version + 5, name: 'x' };
    const here = await failure(memory.sources!.update(stale));
    const there = await failure(worker.sources.update(stale));
    expect(there).to.be.instanceOf(AdapterError);
    for (const error of [here, there]) expect(error.kind).to.equal('conflict');
    expect([there.status, there.message, there.body, there.retryable]).to.deep.equal([here.status, here.message, here.body, here.retryable]);
    const notFound = await failure(worker.leads.get('nope'));
    expect([notFound.kind, notFound.status, notFound.message]).to.deep.equal(['not-found', 404, 'No lead "nope".']);
    const range = await failure(worker.sms.list({ from: 'yesterday', to: '2026-03-01' }));
    expect([range.kind, range.status]).to.deep.equal(['rejected', 400]);
    expect(range.message).to.match(/^Invalid date range/);
  });

  it('refuses an aborted call, before or while it is on its way, and answers the next one', async () => {
    const before = new AbortController();
    before.abort();
    expect((await failure(worker.sources.list({ signal: before.signal }))).kind).to.equal('aborted');
    const during = new AbortController();
    const call = worker.sms.summary(MONTH, { signal: during.signal });
    during.abort();
    const error = await failure(call);
    expect([error.kind, error.message]).to.deep.equal(['aborted', 'The request was cancelled.']);
    expect((await worker.sms.summary(MONTH)).current).to.deep.equal((await memory.sms!.summary(MONTH)).current);
  });

  it('keeps preferences, and keeps a value that cannot be cloned for the page', async () => {
    await worker.preferences.set('mapping-warning.dismissed', { at: '2026-11-23' });
    expect(await worker.preferences.get('mapping-warning.dismissed')).to.deep.equal({ at: '2026-11-23' });
    const fn = () => 1;
    await worker.preferences.set('odd', fn);
    expect(await worker.preferences.get('odd')).to.equal(fn);
    await worker.preferences.delete('mapping-warning.dismissed');
    expect(await worker.preferences.get('mapping-warning.dismissed')).to.equal(undefined);
  });

  it('adds records through the feed, and a missing lead is an error of the feed', async () => {
    const [lead] = (await worker.leads.list({ ...YEAR, limit: 1 })).items;
    await worker.feed.addLead({ ...lead!, id: 'lead-fed', receivedAt: '2026-11-23T17:00:00.000Z', activities: [] });
    await worker.feed.addLeadActivity('lead-fed', { id: 'act-fed', at: '2026-11-23T17:05:00.000Z', kind: 'email-sent', by: 'Nadia Brooks' });
    expect((await worker.leads.get('lead-fed')).activities.map((a) => a.id)).to.deep.equal(['act-fed']);
    const entry = { ...dataset.board[0]!, id: 'board-fed' };
    await worker.feed.addBoardEntry(entry);
    expect((await worker.customers.board({ date: entry.date })).map((b) => b.id)).to.include('board-fed');
    expect((await failure(worker.feed.addLeadActivity('nope', { id: 'a', at: '2026-11-23T17:05:00.000Z', kind: 'call-completed', by: null }))).kind).to.equal('not-found');
  });

  it('hands back the small parts of the store as they are now', async () => {
    await worker.feed.addBoardEntry({ ...dataset.board[0]!, id: 'board-now' });
    const small = await worker.dataset({ omit: ['sms', 'traffic'] });
    expect([small.sms, small.traffic]).to.deep.equal([[], []]);
    expect(small.today).to.equal(dataset.today);
    expect(small.board.map((b) => b.id)).to.include('board-now');
    expect(small.customers.length).to.equal(dataset.customers.length);
  });

  it('ends with terminate(): what is on its way and what comes later is refused', async () => {
    const call = worker.sms.summary(YEAR);
    worker.terminate();
    expect((await failure(call)).kind).to.equal('aborted');
    const later = await failure(worker.sources.list());
    expect([later.kind, later.message]).to.deep.equal(['aborted', 'The data worker was terminated.']);
  });
});

describe('createWorkerAdapter: where the dataset comes from', () => {
  const msw = setupWorker(
    http.get('/fixtures/dataset.json', () => HttpResponse.json(dataset)),
    http.get('/fixtures/missing.json', () => new HttpResponse('gone', { status: 404 })),
    http.get('/fixtures/broken.json', () => new HttpResponse('{"dealer":', { headers: { 'Content-Type': 'application/json' } })),
    http.get('/fixtures/partial.json', () => HttpResponse.json({ ...dataset, traffic: undefined } as unknown as Dataset)),
  );
  before(() => msw.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  after(() => msw.stop());

  it('fetches and reads a dataset from a URL in the worker', async () => {
    const adapter = createWorkerAdapter('/fixtures/dataset.json');
    try {
      await adapter.ready;
      expect((await adapter.sms.summary(MONTH)).current).to.deep.equal((await createMemoryAdapter(dataset).sms!.summary(MONTH)).current);
    } finally {
      adapter.terminate();
    }
  });

  it('says why a URL gave no dataset, in ready and in every call', async () => {
    for (const [url, kind, status, message] of [
      ['/fixtures/missing.json', 'not-found', 404, /could not be loaded \(HTTP 404\)/],
      ['/fixtures/broken.json', 'malformed', 0, /is not JSON/],
      ['/fixtures/partial.json', 'malformed', 0, /has no list of traffic/],
    ] as const) {
      const adapter = createWorkerAdapter(url);
      try {
        const error = await failure(adapter.ready);
        expect([error.kind, error.status], url).to.deep.equal([kind, status]);
        expect(error.message).to.match(message);
        expect((await failure(adapter.sources.list())).kind).to.equal(kind);
      } finally {
        adapter.terminate();
      }
    }
  });

  it('builds the demo dataset in the worker from the generator options', async () => {
    const adapter = createWorkerAdapter({ generate: { seed: 5, size: 'small', smsCount: 4_000 } });
    try {
      expect(await adapter.sms.summary(MONTH)).to.deep.equal(await createMemoryAdapter(dataset).sms!.summary(MONTH));
    } finally {
      adapter.terminate();
    }
  });
});
