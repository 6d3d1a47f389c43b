/**
 * Defects the fault sessions found, each replayed on purpose:
 * - the outbox parked a write as failed when the server applied it but its answer came back cut
 *   off or the wrong shape (the widget then offered Retry for a change already made);
 * - a write queued again under its key (a Retry) while the discard of its earlier entry was still
 *   running was settled by that discard: its caller got the old failure, as an unhandled
 *   rejection when it came before the caller listened;
 * - the mapping editor's Retry of a failed change sent it under a new key, so a source or
 *   category the server had already added was added twice (or the category came back as a
 *   conflict, for ever);
 * - the mapping editor's Retry dropped the failed change before queuing it again, and queued
 *   nothing if the user had left the page in between: the change was lost.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { CHAOS_FAULTS, createChaos, createWriteLedger } from '../../../demo/api/handlers.js';
import type { ChaosFault } from '../../../demo/api/handlers.js';
import '../../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import { withCache } from '../../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../../src/data/cache/with-cache.js';
import { createRestAdapter } from '../../../src/data/rest-adapter.js';
import { http, HttpResponse } from 'msw';
import { startDemoServer, useHandlers } from '../../components/rig.js';
import type { DemoServer } from '../../components/rig.js';
import { Tripwire } from './harness.js';

const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 10_000, interval: 20 });

function only(fault: ChaosFault) {
  const rates = Object.fromEntries(CHAOS_FAULTS.map((k) => [k, k === fault ? 1 : 0])) as Record<ChaosFault, number>;
  return createChaos({ seed: 1, rates });
}

describe('defects found under chaos', () => {
  let server: DemoServer;
  let client: CachedAdapter;
  let tripwire: Tripwire;
  beforeEach(async () => {
    tripwire = new Tripwire();
    server = await startDemoServer();
    server.faults.ledger = createWriteLedger();
    const id = crypto.randomUUID().slice(0, 8);
    client = withCache(createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 2000 }), {
      tenant: `regress-${id}`,
      user: `u-${id}`,
      retry: { baseMs: 10, maxMs: 40 },
    });
  });
  afterEach(async () => {
    server.faults.chaos = null;
    server.faults.ledger = null;
    server.faults.failing = false;
    await client.clearCache().finally(() => client.close());
    tripwire.remove();
  });

  it('sends a write whose answer was cut off again under its key, and confirms it applied once', async () => {
    const customer = (await server.backend.customers!.list({ limit: 1 })).items[0]!;
    const source = (await server.backend.sources!.list()).find((s) => s.categoryId && !s.deleted && s.id !== customer.sourceId)!;
    server.faults.chaos = only('truncated');
    const saved = client.customers!.setSource({ customerId: customer.id, sourceId: source.id, expectedVersion: customer.version });
    await until(() => server.faults.ledger!.records.length >= 2, 'the write was not sent again');
    server.faults.chaos = null;
    const result = await saved;
    expect({ sourceId: result.sourceId, version: result.version }).to.deep.equal({ sourceId: source.id, version: customer.version + 1 });
    expect([...server.faults.ledger!.applied.values()]).to.deep.equal([1]);
    expect(await client.outbox.list()).to.deep.equal([]);
    tripwire.check('after the write');
  });

  it('settles a write queued again under its key by its own entry, not by the discard of the one before', async () => {
    const category = (await server.backend.sources!.categories()).find((c) => c.id === 'internet')!;
    server.faults.failing = true;
    const first = client.sources!.saveCategory({ id: 'internet', name: 'Web', expectedVersion: category.version }, { idempotencyKey: 'cat-1' });
    first.catch(() => undefined);
    await until(async () => (await client.outbox.list())[0]?.error, 'the write did not fail once');
    // Retry: the earlier entry is dropped and the same change queued again under the same key, at once.
    const discarded = client.outbox.discard('cat-1');
    const again = client.sources!.saveCategory({ id: 'internet', name: 'Web', expectedVersion: category.version }, { idempotencyKey: 'cat-1' });
    await discarded;
    server.faults.failing = false;
    await client.outbox.flush();
    expect((await again).name).to.equal('Web');
    expect(server.faults.ledger!.applied.get('cat-1')).to.equal(1);
    tripwire.check('after the retry');
  });

  it("adds a source once when the editor's Retry resends a create the server had applied", async () => {
    const el = await fixture<HTMLElement & { adapter?: CachedAdapter }>(html`<fc-source-mapping-editor .adapter=${client}></fc-source-mapping-editor>`);
    const root = el.shadowRoot!;
    await until(() => root.querySelector('form.own__form [name="source-name"]'), 'the editor did not load');
    // Every answer to the create comes back the wrong shape: the outbox gives up after a few and parks it.
    server.faults.chaos = only('wrong-shape');
    const form = [...root.querySelectorAll<HTMLFormElement>('form.own__form')].find((f) => f.querySelector('[name="source-name"]'))!;
    const select = form.querySelector<HTMLSelectElement>('select')!;
    select.value = 'internet';
    select.dispatchEvent(new Event('change'));
    const name = form.querySelector<HTMLInputElement>('[name="source-name"]')!;
    name.value = 'Church bulletin';
    name.dispatchEvent(new Event('input'));
    form.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root.querySelector('.mark--failed button[data-action="retry-write"]'), 'the create was not shown as failed');
    server.faults.chaos = null;
    root.querySelector<HTMLButtonElement>('.mark--failed button[data-action="retry-write"]')!.click();
    await until(() => /Church bulletin/.test(root.querySelector('.notice')?.textContent ?? '') && !root.querySelector('.mark'), 'the retry did not end');
    const sources = await server.backend.sources!.list();
    expect(sources.filter((s) => s.name === 'Church bulletin').length).to.equal(1);
    el.remove();
    tripwire.check('after the retry');
  });

  it("sends the editor's Retry even when the user leaves the page right after it", async () => {
    const el = await fixture<HTMLElement & { adapter?: CachedAdapter }>(html`<fc-source-mapping-editor .adapter=${client}></fc-source-mapping-editor>`);
    const root = el.shadowRoot!;
    await until(() => root.querySelector('button[data-action="edit"]'), 'the editor did not load');
    // The server refuses the first try, without applying it.
    useHandlers(http.patch(`${server.baseUrl}/sources/:id`, () => HttpResponse.json({ message: 'Not now.' }, { status: 400 }), { once: true }));
    const edit = root.querySelector<HTMLButtonElement>('button[data-action="edit"]')!;
    const id = edit.dataset['id']!;
    edit.click();
    await until(() => root.querySelector('tr.row--editing input'), 'the row did not open');
    const name = root.querySelector<HTMLInputElement>('tr.row--editing input')!;
    name.value = 'Renamed once';
    name.dispatchEvent(new Event('input'));
    const select = root.querySelector<HTMLSelectElement>('tr.row--editing select')!;
    select.value = 'internet';
    select.dispatchEvent(new Event('change'));
    root.querySelector<HTMLButtonElement>('tr.row--editing button[data-action="save"]')!.click();
    await until(() => root.querySelector('.mark--failed button[data-action="retry-write"]'), 'the refusal was not shown');
    root.querySelector<HTMLButtonElement>('.mark--failed button[data-action="retry-write"]')!.click();
    el.remove();
    await until(async () => (await server.backend.sources!.list()).find((s) => s.id === id)?.name === 'Renamed once', 'the retried change never reached the server');
    await until(async () => (await client.outbox.list()).length === 0, 'the change is still queued');
    tripwire.check('after the retry');
  });
});
