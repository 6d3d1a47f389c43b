/**
 * The big fixtures of the long-task cases, made where a host would make them: in the data worker
 * (`bench/lib/data-worker.ts`, the memory worker with these as its generator) for ours, on the page
 * for a peer that needs them there.
 */
import { generateDataset, type GenerateOptions } from '../../src/data/demo-data.js';
import type { Dataset } from '../../src/data/model.js';
import { createWorkerAdapter, type WorkerAdapter } from '../../src/data/worker-adapter.js';
import { generateLeads, LEAD_DEALER } from '../cases/lead-evaluate.js';
import { smsDataset, smsRows } from './sms-fixture.js';

/** Which fixture: `smsRows(count)`, a year of `count` traffic events, or lead-evaluate's 100,000 leads. */
export type BenchFixture = { fixture: 'sms'; count: number } | { fixture: 'traffic'; count: number } | { fixture: 'leads' };

export function fixtureDataset(fixture: BenchFixture): Dataset {
  switch (fixture.fixture) {
    case 'sms':
      return smsDataset(smsRows(fixture.count));
    case 'traffic':
      return generateDataset({ size: 'small', trafficCount: fixture.count });
    case 'leads': {
      const base = generateDataset({ size: 'small' });
      return { ...base, dealer: { ...base.dealer, ...LEAD_DEALER }, leads: generateLeads() };
    }
  }
}

/** A worker adapter whose dataset is the fixture, made in the worker; resolves once the worker holds it. */
export async function fixtureInWorker(fixture: BenchFixture): Promise<WorkerAdapter> {
  const worker = new Worker(new URL('./data-worker.ts', import.meta.url), { type: 'module' });
  // The bench worker's generator reads a fixture where the demo's reads its options.
  const adapter = createWorkerAdapter({ generate: fixture as unknown as GenerateOptions }, { worker });
  await adapter.ready;
  return adapter;
}
