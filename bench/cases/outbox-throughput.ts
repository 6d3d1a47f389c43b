/**
 * Outbox throughput: 1,000 customer-source changes (each on its own customer, with the version
 * the server holds) made at once through the cache's outbox, timed until every one is confirmed
 * by the server. The peer sends the same 1,000 changes with the bare REST adapter, one after
 * another: no IndexedDB, no idempotency key, nothing survives a reload. The ratio is the price of
 * durability.
 *
 * Every measurement is a fresh page with a fresh server (the versions start over) and, for ours,
 * a database of its own, opened before the clock starts. After the clock stops, the server is
 * read back: each customer must hold the new source at exactly one version more.
 */
import { withCache } from '../../src/data/cache/with-cache.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { CustomerSourceChange, ForecourtAdapter } from '../../src/data/adapter.js';
import { API_BASE, startApi } from '../lib/api.js';
import { check, elapsed } from '../lib/case.js';
import type { BenchCase, Side } from '../lib/case.js';

const WRITES = 1000;

interface Fixture {
  rest: ForecourtAdapter;
  changes: CustomerSourceChange[];
}

/** A fresh server with 3,000 customers, and a change of source for the first 1,000 of them. */
async function fixture(): Promise<Fixture> {
  const data = generateDataset({ size: 'demo', today: '2026-06-30', smsCount: 100, trafficCount: 100 });
  await startApi(data);
  const rest = createRestAdapter({ baseUrl: API_BASE });
  const { items } = await rest.customers!.list({ limit: WRITES });
  check(items.length === WRITES, `the server listed ${items.length} customers, expected ${WRITES}`);
  const sources = data.sources.filter((s) => !s.deleted);
  const changes = items.map((c, i) => {
    const next = sources[i % sources.length]!.id;
    const sourceId = next === c.sourceId ? sources[(i + 1) % sources.length]!.id : next;
    return { customerId: c.id, sourceId, expectedVersion: c.version };
  });
  return { rest, changes };
}

/** Reads the server back: every change applied, once. */
async function verify({ rest, changes }: Fixture): Promise<void> {
  const { items } = await rest.customers!.list({ limit: WRITES });
  const byId = new Map(items.map((c) => [c.id, c]));
  for (const change of changes) {
    const c = byId.get(change.customerId);
    check(c?.sourceId === change.sourceId, `customer ${change.customerId} holds source ${c?.sourceId}, expected ${change.sourceId}`);
    check(c.version === change.expectedVersion + 1, `customer ${c.id} is at version ${c.version}, expected ${change.expectedVersion + 1}`);
  }
}

const ours: Side = async ({ iteration }) => {
  const f = await fixture();
  const cached = withCache(f.rest, { tenant: 'bench', user: `outbox-${iteration}` });
  // Opens (and creates) the database before the clock starts.
  check((await cached.outbox.list()).length === 0, 'the outbox was not empty before the run');
  check(cached.storage === 'indexeddb', 'the cache fell back to memory');
  const ms = await elapsed(async () => {
    await Promise.all(f.changes.map((change) => cached.customers!.setSource(change)));
  });
  check((await cached.outbox.list()).length === 0, 'writes were left in the outbox');
  cached.close();
  await verify(f);
  return ms;
};

const peer: Side = async () => {
  const f = await fixture();
  const ms = await elapsed(async () => {
    for (const change of f.changes) await f.rest.customers!.setSource(change);
  });
  await verify(f);
  return ms;
};

export const outboxThroughput: BenchCase = {
  name: 'outbox-throughput',
  description: `${WRITES.toLocaleString('en')} customers.setSource made at once through the outbox (stored in IndexedDB, sent in order with idempotency keys) until all are confirmed by MSW`,
  ours,
  peers: { [`createRestAdapter, ${WRITES.toLocaleString('en')} sequential awaits`]: peer },
};
