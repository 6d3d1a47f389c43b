import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { property } from 'lit/decorators.js';
import { http, HttpResponse } from 'msw';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import type { Customer } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { PendingWritesController, currentOf } from '../../src/components/shared/controllers/pending-writes.js';
import { defineElement } from '../../src/components/shared/define-element.js';
import { FcElement } from '../../src/components/shared/fc-element.js';
import { closeClients, shadowText, startDemoServer, useHandlers } from './rig.js';
import type { DemoServer } from './rig.js';

const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 8000 });

class WritesProbe extends FcElement {
  @property({ attribute: false }) adapter?: ForecourtAdapter;
  /** The customers shown, one line each. */
  @property({ attribute: false }) ids: string[] = [];
  /** Idempotency keys sent, in order. */
  sent: string[] = [];
  confirmed: Customer[] = [];
  readonly writes = new PendingWritesController(this, {
    adapter: () => this.adapter,
    domain: 'customers',
    match: (entry) => (entry.domain === 'customers' && entry.method === 'setSource' ? entry.args : null),
    about: (change) => change.customerId,
    send: (customers, change, opts) => {
      this.sent.push(opts.idempotencyKey);
      return customers.setSource(change, opts);
    },
    theirs: (body) => currentOf<Customer>(body),
    onConfirmed: (_change, customer) => this.confirmed.push(customer),
  });
  protected override render() {
    return html`<ul>
      ${this.ids.map((id) => {
        const w = this.writes.get(id);
        if (!w) return html`<li>${id}: saved</li>`;
        const theirs = w.theirs ? ` theirs ${w.theirs.sourceId} v${w.theirs.version}` : '';
        const from = w.inherited ? ' (earlier)' : '';
        return html`<li>${id}: ${w.status}${from} mine ${w.args.sourceId}${theirs}${w.error?.message ? ` – ${w.error.message}` : ''}</li>`;
      })}
    </ul>`;
  }
}
defineElement('writes-probe', WritesProbe);
declare global {
  interface HTMLElementTagNameMap {
    'writes-probe': WritesProbe;
  }
}

describe('PendingWritesController', () => {
  let server: DemoServer;
  const own: CachedAdapter[] = [];
  before(async () => {
    server = await startDemoServer();
  });
  afterEach(async () => {
    server.faults.offline = false;
    server.faults.failing = false;
    await closeClients();
    await Promise.all(own.splice(0).map((c) => c.clearCache().finally(() => c.close())));
  });

  /** A customer as the server has it now, and a live source other than its own. */
  async function pick(index: number): Promise<{ customer: Customer; sourceId: string }> {
    const customer = server.dataset.customers[index]!;
    const now = (await server.backend.customers!.list({ limit: 500 })).items.find((c) => c.id === customer.id) ?? customer;
    const source = server.dataset.sources.find((s) => s.categoryId && !s.deleted && s.id !== now.sourceId)!;
    return { customer: now, sourceId: source.id };
  }
  const mount = (adapter: ForecourtAdapter, ids: string[]) =>
    fixture<WritesProbe>(html`<writes-probe .adapter=${adapter} .ids=${ids}></writes-probe>`);
  const plainRest = () => createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 });

  it('shows a write as pending at once and drops it once the server confirms it', async () => {
    const adapter = server.client();
    const { customer, sourceId } = await pick(0);
    const el = await mount(adapter, [customer.id]);
    server.faults.offline = true;
    const saved = el.writes.save({ customerId: customer.id, sourceId, expectedVersion: customer.version });
    await el.updateComplete;
    expect(shadowText(el)).to.match(new RegExp(`${customer.id}: (pending|sending) mine ${sourceId}`));

    server.faults.offline = false;
    await adapter.outbox.flush();
    const result = await saved;
    expect(result?.sourceId).to.equal(sourceId);
    await until(() => shadowText(el) === `${customer.id}: saved`, 'the confirmed write is still shown');
    expect(el.confirmed.map((c) => c.id)).to.deep.equal([customer.id]);
    await expect(el).to.be.accessible();
  });

  it("shows a failed write with the server's message, and Retry sends it under the same key", async () => {
    const { customer, sourceId } = await pick(1);
    const el = await mount(plainRest(), [customer.id]);
    server.faults.failing = true;
    expect(await el.writes.save({ customerId: customer.id, sourceId, expectedVersion: customer.version })).to.equal(undefined);
    await el.updateComplete;
    expect(shadowText(el)).to.match(new RegExp(`${customer.id}: failed mine ${sourceId} – .+`));

    server.faults.failing = false;
    const result = await el.writes.retry(customer.id);
    expect(result?.sourceId).to.equal(sourceId);
    expect(el.sent).to.have.length(2);
    expect(el.sent[1]).to.equal(el.sent[0]);
    await el.updateComplete;
    expect(shadowText(el)).to.equal(`${customer.id}: saved`);
    const stored = (await server.backend.customers!.list({ limit: 500 })).items.find((c) => c.id === customer.id)!;
    expect(stored.sourceId).to.equal(sourceId);
  });

  it("shows a conflict with theirs and mine; keeping mine is a new write over the server's version", async () => {
    const { customer, sourceId } = await pick(2);
    const el = await mount(plainRest(), [customer.id]);
    await el.writes.save({ customerId: customer.id, sourceId, expectedVersion: customer.version - 1 });
    await el.updateComplete;
    expect(shadowText(el)).to.contain(`${customer.id}: conflict mine ${sourceId} theirs ${customer.sourceId} v${customer.version}`);

    const write = el.writes.get(customer.id)!;
    const result = await el.writes.replace(customer.id, { ...write.args, expectedVersion: write.theirs!.version });
    expect(result?.sourceId).to.equal(sourceId);
    expect(el.sent[1]).not.to.equal(el.sent[0]);
    await el.updateComplete;
    expect(shadowText(el)).to.equal(`${customer.id}: saved`);
  });

  it('carries the time the server asked to wait until on a write not sent yet, and Send now sends it at once', async () => {
    let busy = true;
    let puts = 0;
    useHandlers(
      http.put(`${server.baseUrl}/customers/:id/source`, () => {
        puts += 1;
        // Not busy: the demo server's own handler answers.
        if (busy) return HttpResponse.json({ message: 'Too many requests.' }, { status: 429, headers: { 'Retry-After': '120' } });
        return undefined;
      }),
    );
    try {
      const adapter = server.client();
      const { customer, sourceId } = await pick(5);
      const el = await mount(adapter, [customer.id]);
      const before = Date.now();
      const saved = el.writes.save({ customerId: customer.id, sourceId, expectedVersion: customer.version });
      await until(() => el.writes.get(customer.id)?.error?.kind === 'rate-limited', 'the refusal is not shown');
      const write = el.writes.get(customer.id)!;
      expect(write.status).to.equal('pending');
      expect(write.error!.retryAt).to.be.within(before + 120_000, Date.now() + 120_000);
      expect(puts, 'sent again before the time the server asked for').to.equal(1);

      busy = false;
      await el.writes.flush();
      expect((await saved)?.sourceId).to.equal(sourceId);
      expect(puts).to.equal(2);
    } finally {
      // The handler stays in front of the server for the next tests.
      busy = false;
    }
  });

  it("shows an earlier page's unsent and refused writes from the outbox, and discards them there", async () => {
    const id = crypto.randomUUID().slice(0, 8);
    const open = () => {
      const client = withCache(createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 }), {
        tenant: `pw-${id}`,
        user: `u-${id}`,
        retry: { baseMs: 20, maxMs: 200 },
      });
      own.push(client);
      return client;
    };
    const earlier = open();
    const a = await pick(3);
    const b = await pick(4);
    // Refused: a stale version parks a conflict.
    await earlier.customers!.setSource({ customerId: b.customer.id, sourceId: b.sourceId, expectedVersion: b.customer.version - 1 }).catch(() => undefined);
    server.faults.offline = true;
    void earlier.customers!.setSource({ customerId: a.customer.id, sourceId: a.sourceId, expectedVersion: a.customer.version }).catch(() => undefined);
    await until(async () => (await earlier.outbox.list()).length === 2, 'the writes are not in the outbox');

    const later = open();
    const el = await mount(later, [a.customer.id, b.customer.id]);
    await until(() => /\(earlier\)[^]*\(earlier\)/.test(shadowText(el)), "the earlier page's writes are not shown");
    expect(shadowText(el)).to.match(new RegExp(`${a.customer.id}: (pending|sending) \\(earlier\\) mine ${a.sourceId}`));
    expect(shadowText(el)).to.contain(`${b.customer.id}: conflict (earlier) mine ${b.sourceId} theirs ${b.customer.sourceId} v${b.customer.version}`);
    await expect(el).to.be.accessible();

    await el.writes.discard(a.customer.id);
    await el.writes.discard(b.customer.id);
    const lines = () => [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);
    await until(() => lines().join('|') === `${a.customer.id}: saved|${b.customer.id}: saved`, 'the discarded writes are still shown');
    expect(await later.outbox.list()).to.deep.equal([]);
  });
});
