/**
 * The demo server's chaos, fault by fault (each at a rate of 1), and the write ledger: what a
 * client gets for each kind of trouble, and that a write is applied once per idempotency key
 * even when its answer is lost, cut off or the wrong shape.
 */
import { expect } from '@open-wc/testing';
import { CHAOS_FAULTS, createChaos, createWriteLedger } from '../../../demo/api/handlers.js';
import type { ChaosFault } from '../../../demo/api/handlers.js';
import { createRestAdapter } from '../../../src/data/rest-adapter.js';
import { isAdapterError } from '../../../src/data/errors.js';
import { startDemoServer } from '../../components/rig.js';
import type { DemoServer } from '../../components/rig.js';

/** Chaos doing only `fault`, every time. */
function only(fault: ChaosFault, extra: { latencyMaxMs?: number; holdMs?: number } = {}) {
  const rates = Object.fromEntries(CHAOS_FAULTS.map((k) => [k, k === fault ? 1 : 0])) as Record<ChaosFault, number>;
  return createChaos({ seed: 7, rates, latencyMaxMs: 50, holdMs: 600, ...extra });
}

async function raw(server: DemoServer, path: string, init?: RequestInit): Promise<{ status: number; text: string; retryAfter: string | null } | 'network error'> {
  try {
    const response = await fetch(server.baseUrl + path, init);
    return { status: response.status, text: await response.text(), retryAfter: response.headers.get('Retry-After') };
  } catch {
    return 'network error';
  }
}

async function failure(promise: Promise<unknown>): Promise<{ kind: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    if (isAdapterError(error)) return { kind: error.kind, status: error.status };
    throw error;
  }
  throw new Error('the call did not fail');
}

describe('demo server chaos', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await startDemoServer();
  });
  afterEach(() => {
    server.faults.chaos = null;
    server.faults.ledger = null;
  });

  it('answers each kind of fault the way a real server or network would', async () => {
    const results: Record<string, unknown> = {};
    for (const fault of ['server-error', 'rate-limited', 'network', 'lost-response'] as const) {
      server.faults.chaos = only(fault);
      const answer = await raw(server, '/sources/categories');
      results[fault] = answer === 'network error' ? answer : { status: answer.status, retryAfter: answer.retryAfter };
    }
    expect((results['server-error'] as { status: number }).status).to.be.oneOf([500, 502, 503]);
    expect(results['rate-limited']).to.deep.equal({ status: 429, retryAfter: '1' });
    expect(results['network']).to.equal('network error');
    expect(results['lost-response']).to.equal('network error');

    server.faults.chaos = only('truncated');
    const cut = await raw(server, '/sources/categories');
    const whole = JSON.stringify(await server.backend.sources!.categories());
    expect(cut !== 'network error' && cut.status).to.equal(200);
    if (cut === 'network error') return;
    expect(cut.text.length).to.be.lessThan(whole.length);
    expect(whole.startsWith(cut.text), 'a prefix of the real answer').to.equal(true);

    server.faults.chaos = only('wrong-shape');
    const list = await raw(server, '/sources/categories');
    const page = await raw(server, '/customers?limit=5');
    expect(list !== 'network error' && Array.isArray(JSON.parse(list.text))).to.equal(false);
    expect(page !== 'network error' && Array.isArray(JSON.parse(page.text))).to.equal(true);
  });

  it('counts what it injected, and delays up to its maximum (holds longer)', async () => {
    server.faults.chaos = only('latency', { latencyMaxMs: 200 });
    let started = performance.now();
    await raw(server, '/dealer');
    expect(performance.now() - started).to.be.below(1000);
    expect(server.faults.chaos.injected.latency).to.equal(1);

    server.faults.chaos = only('hold', { holdMs: 600 });
    started = performance.now();
    await raw(server, '/dealer');
    expect(performance.now() - started).to.be.at.least(550);
    expect(server.faults.chaos.injected.hold).to.equal(1);
  });

  it('gives the same faults for the same seed', () => {
    const draw = (seed: number) => {
      const chaos = createChaos({ seed });
      return Array.from({ length: 50 }, () => chaos.random());
    };
    expect(draw(42)).to.deep.equal(draw(42));
    expect(draw(42)).not.to.deep.equal(draw(43));
  });

  it('applies a write once per key when its answer is lost, cut off or the wrong shape, and the rest adapter says why', async () => {
    const ledger = (server.faults.ledger = createWriteLedger());
    const rest = createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 2000 });
    const customer = (await server.backend.customers!.list({ limit: 1 })).items[0]!;
    const source = (await server.backend.sources!.list()).find((s) => s.categoryId && !s.deleted && s.id !== customer.sourceId)!;
    const change = { customerId: customer.id, sourceId: source.id, expectedVersion: customer.version };
    const kinds: Record<string, string> = {};
    for (const fault of ['lost-response', 'truncated', 'wrong-shape'] as const) {
      server.faults.chaos = only(fault);
      kinds[fault] = (await failure(rest.customers!.setSource(change, { idempotencyKey: 'same-key' }))).kind;
    }
    expect(kinds).to.deep.equal({ 'lost-response': 'network', truncated: 'malformed', 'wrong-shape': 'malformed' });
    server.faults.chaos = null;
    const saved = await rest.customers!.setSource(change, { idempotencyKey: 'same-key' });
    expect(saved.version).to.equal(customer.version + 1);
    expect(ledger.records.map((r) => r.outcome)).to.deep.equal(['applied', 'replayed', 'replayed', 'replayed']);
    expect(ledger.applied.get('same-key')).to.equal(1);
    const after = (await server.backend.customers!.list({ limit: 1 })).items[0]!;
    expect({ sourceId: after.sourceId, version: after.version }).to.deep.equal({ sourceId: source.id, version: customer.version + 1 });
  });

  it('does not apply a write it fails before the route (5xx, 429, network error)', async () => {
    const ledger = (server.faults.ledger = createWriteLedger());
    const rest = createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 2000 });
    for (const fault of ['server-error', 'rate-limited', 'network'] as const) {
      server.faults.chaos = only(fault);
      const kind = (await failure(rest.sources!.create({ categoryId: 'internet', name: `Never ${fault}` }))).kind;
      expect(kind, fault).to.be.oneOf(['server', 'rate-limited', 'network']);
    }
    expect(ledger.records).to.deep.equal([]);
    expect((await server.backend.sources!.list()).filter((s) => s.name.startsWith('Never ')).length).to.equal(0);
  });
});
