import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { property } from 'lit/decorators.js';
import type { AdapterDomain, ForecourtAdapter } from '../../src/data/adapter.js';
import { AdapterEventsController } from '../../src/components/shared/controllers/adapter-events.js';
import { defineElement } from '../../src/components/shared/define-element.js';
import { FcElement } from '../../src/components/shared/fc-element.js';
import { closeClients, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';

class EventsProbe extends FcElement {
  @property({ attribute: false }) adapter?: ForecourtAdapter;
  changes: AdapterDomain[][] = [];
  readonly events = new AdapterEventsController(this, {
    adapter: () => this.adapter,
    domains: ['customers'],
    onChange: (domains) => this.changes.push(domains),
  });
  protected override render() {
    return html`<p>${this.events.entries.map((e) => `${e.method}:${e.status}`).join(', ') || 'nothing pending'}</p>`;
  }
}
defineElement('events-probe', EventsProbe);
declare global {
  interface HTMLElementTagNameMap {
    'events-probe': EventsProbe;
  }
}

describe('AdapterEventsController', () => {
  let server: DemoServer;
  before(async () => {
    server = await startDemoServer();
  });
  afterEach(() => closeClients());

  it('shows a write of its domain as pending while offline and re-reads once it is confirmed', async () => {
    const adapter = server.client();
    const el = await fixture<EventsProbe>(html`<events-probe .adapter=${adapter}></events-probe>`);
    expect(shadowText(el)).to.equal('nothing pending');

    const customer = server.dataset.customers.find((c) => c.sourceId === null)!;
    const source = server.dataset.sources.find((s) => s.categoryId && !s.deleted)!;
    server.faults.offline = true;
    const saved = adapter.customers!.setSource({ customerId: customer.id, sourceId: source.id, expectedVersion: customer.version });
    await waitUntil(() => /setSource:(pending|sending)/.test(shadowText(el)), 'the write is not shown as pending');

    server.faults.offline = false;
    await adapter.outbox.flush();
    const result = await saved;
    expect(result.sourceId).to.equal(source.id);
    await waitUntil(() => shadowText(el) === 'nothing pending', 'the confirmed write is still listed');
    expect(el.changes.some((d) => d.includes('customers'))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('ignores writes of other domains and plain adapters', async () => {
    const adapter = server.client();
    const el = await fixture<EventsProbe>(html`<events-probe .adapter=${adapter}></events-probe>`);
    const rule = (await adapter.leads!.rules())[0]!;
    await adapter.leads!.saveRule({ ...rule, limitMinutes: rule.limitMinutes + 1 });
    expect(el.changes).to.deep.equal([]);

    el.adapter = server.backend;
    await el.updateComplete;
    expect(el.events.cached).to.equal(null);
    expect(shadowText(el)).to.equal('nothing pending');
  });
});
