/**
 * The conformance suite against the demo's MSW handlers over the memory adapter (msw/node
 * intercepting fetch), so the mock and the reference server (tests/node/server.test.mjs) answer
 * the same suite and cannot drift apart. The mock has no tokens: the isolation checks need two.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createMemoryAdapter, generateDataset } from '../../src/data/index.ts';
import { formatOutcomes, runConformance } from '../../src/conformance/suite.ts';
import { createApiHandlers } from '../../demo/api/handlers.ts';

const TODAY = '2026-11-23';
const BASE = 'http://mock.forecourt.test/api';

describe("conformance suite against the demo's MSW handlers", () => {
  const adapter = createMemoryAdapter(generateDataset({ size: 'small', today: TODAY, seed: 1 }), { now: () => new Date(`${TODAY}T17:00:00Z`) });
  const server = setupServer(...createApiHandlers(adapter, { baseUrl: BASE }));
  before(() => server.listen({ onUnhandledRequest: 'error' }));
  after(() => server.close());

  it('passes every check it runs, on every endpoint the memory adapter provides', async () => {
    const outcomes = await runConformance({ baseUrl: BASE, from: '2026-01-01', to: TODAY });
    const report = formatOutcomes(outcomes);
    assert.deepEqual(outcomes.filter((o) => o.result !== 'pass'), [], report);
    const endpoints = ['sms.list', 'sms.summary', 'sms.import', 'customers.list', 'customers.setSource', 'leads.list', 'sources.report', 'sources.spend', 'sources.update', 'sources.create', 'sources.saveCategory', 'sources.saveSpend', 'deleted.list', 'deleted.restore', 'deleted.log', 'vehicles.wants', 'vehicles.matchTradeIn', 'vehicles.followUp'];
    endpoints.push('leads.get', 'leads.rules', 'leads.saveRule', 'leads.responseSummary', 'leads.flag', 'traffic.aggregate', 'traffic.heatmap', 'traffic.list');
    for (const endpoint of endpoints) {
      assert.ok(outcomes.some((o) => o.endpoint === endpoint), `${endpoint} checked\n${report}`);
    }
  });

  it('reports what a server lacks as not provided (its 501), not as a failure', async () => {
    const partial = setupServer(...createApiHandlers({ sources: adapter.sources, customers: adapter.customers }, { baseUrl: `${BASE}-partial` }));
    server.close();
    partial.listen({ onUnhandledRequest: 'error' });
    try {
      const outcomes = await runConformance({ baseUrl: `${BASE}-partial`, from: '2026-01-01', to: TODAY });
      const report = formatOutcomes(outcomes);
      assert.deepEqual(outcomes.filter((o) => o.result === 'fail'), [], report);
      for (const endpoint of ['sms.list', 'leads.list', 'traffic.list', 'deleted.list', 'vehicles.wants']) {
        assert.ok(outcomes.some((o) => o.endpoint === endpoint && o.result === 'not-provided'), `${endpoint} not provided\n${report}`);
      }
      assert.ok(outcomes.some((o) => o.endpoint === 'customers.list' && o.result === 'pass'), report);
    } finally {
      partial.close();
      server.listen({ onUnhandledRequest: 'error' });
    }
  });
});
