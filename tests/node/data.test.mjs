/**
 * The data layer in plain Node (scripts/node-test.mjs): `src/data` is imported through its public
 * face with no window or document, and the memory adapter answers over the generated dataset. A
 * module of src/data that touched the DOM at import time, or at run time in these paths, fails here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as data from '../../src/data/index.ts';

const { createMemoryAdapter, generateDataset, isAdapterError, mappingPrompt, paginate, decodeVin, cleanSourceName } = data;

const TODAY = '2026-11-23';
const dataset = generateDataset({ size: 'small', today: TODAY, seed: 1 });
const adapter = createMemoryAdapter(dataset, { now: () => new Date(`${TODAY}T17:00:00Z`) });

describe('src/data in Node', () => {
  it('imports with no DOM', () => {
    assert.equal(typeof document, 'undefined');
    assert.equal(typeof window, 'undefined');
    assert.equal(typeof customElements, 'undefined');
    assert.equal(typeof createMemoryAdapter, 'function');
  });

  it('generates the same dataset from the same seed', () => {
    const again = generateDataset({ size: 'small', today: TODAY, seed: 1 });
    assert.equal(JSON.stringify(again), JSON.stringify(dataset));
    assert.equal(dataset.customers.length, 300);
    assert.ok(dataset.sources.length > 0 && dataset.sms.length > 0 && dataset.leads.length > 0);
  });

  it('lists sources and customers through the memory adapter', async () => {
    const sources = await adapter.sources.list();
    assert.deepEqual(
      sources.map((s) => s.id).sort(),
      dataset.sources.map((s) => s.id).sort(),
    );
    const page = await adapter.customers.list({ limit: 10 });
    assert.equal(page.items.length, 10);
    assert.equal(page.total, dataset.customers.length);
    const ids = new Set(dataset.customers.map((c) => c.id));
    assert.equal(new Set(page.items.map((c) => c.id)).size, 10);
    assert.ok(page.items.every((c) => ids.has(c.id)));
  });

  it('counts the mapping as the sources say, and prompts while sources are unmapped', async () => {
    const status = await adapter.sources.mappingStatus();
    const live = dataset.sources.filter((s) => !s.deleted);
    assert.equal(status.total, live.length);
    assert.equal(status.mapped, live.filter((s) => s.categoryId !== null).length);
    assert.equal(status.customers, dataset.customers.length);
    assert.ok(status.mapped < status.total, 'the seeded data leaves sources unmapped');
    assert.notEqual(mappingPrompt(status), null);
  });

  it('writes with versions: a stale write is a conflict, the right one is applied', async () => {
    const [source] = await adapter.sources.list();
    const renamed = await adapter.sources.update({ id: source.id, expectedVersion: source.version, name: 'Renamed in Node' });
    assert.equal(renamed.name, 'Renamed in Node');
    assert.equal(renamed.version, source.version + 1);
    await assert.rejects(adapter.sources.update({ id: source.id, expectedVersion: source.version, name: 'Stale' }), (error) => {
      assert.ok(isAdapterError(error));
      assert.equal(error.kind, 'conflict');
      return true;
    });
    // The adapter works on its own copy: the dataset it was given is untouched.
    assert.equal(dataset.sources.find((s) => s.id === source.id).name, source.name);
  });

  it('runs the logic: pages, source names, VINs', () => {
    const letters = [...'abcdefghij'];
    const second = paginate(letters, { limit: 4, offset: 4 });
    assert.deepEqual(second.items, ['e', 'f', 'g', 'h']);
    assert.equal(second.total, 10);
    assert.equal(cleanSourceName('GOOG'), 'Google');
    assert.equal(cleanSourceName('REF-FRIEND'), 'Referral – Friend');
    // A 2003 Honda Accord's VIN: position 9 is the check digit its other characters call for.
    const vin = decodeVin('1hgcm82633a004352');
    assert.equal(vin.vin, '1HGCM82633A004352');
    assert.equal(vin.checkDigit, 'valid');
    assert.equal(vin.expectedCheckDigit, '3');
    assert.equal(decodeVin('1HGCM82643A004352').checkDigit, 'invalid');
  });
});
