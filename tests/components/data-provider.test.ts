import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker } from 'msw/browser';
import { consume } from '@lit/context';
import { property } from 'lit/decorators.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import { cacheDatabaseName } from '../../src/data/cache/storage.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { MappingStatus } from '../../src/data/model.js';
import '../../src/components/data-provider/fc-data-provider.js';
import { FcDataProvider } from '../../src/components/data-provider/data-provider.element.js';
import { adapterContext } from '../../src/components/shared/adapter-context.js';
import { defineElement } from '../../src/components/shared/define-element.js';
import { FcElement } from '../../src/components/shared/fc-element.js';
import { QueryController } from '../../src/components/shared/controllers/query.js';
import { stateStyles } from '../../src/components/shared/states.js';
import { createApiHandlers } from '../../demo/api/handlers.js';

/** A consumer of the usual shape: adapter from context, one QueryController, the shared states. */
class ProviderProbe extends FcElement {
  static override styles = stateStyles;
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;
  readonly task = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['sources'],
    read: (adapter, _args, { signal }): Promise<MappingStatus> => adapter.sources.mappingStatus({ signal }),
  });
  protected override render() {
    return this.task.render({
      complete: (s) => html`<p class="result">${s.mapped} of ${s.total} sources mapped</p>`,
    });
  }
}
defineElement('provider-probe', ProviderProbe);
declare global {
  interface HTMLElementTagNameMap {
    'provider-probe': ProviderProbe;
  }
}

const BASE = '/provider-api';
const dataset = generateDataset({ seed: 11, size: 'small' });
const backend = createMemoryAdapter(dataset);
const worker = setupWorker(...createApiHandlers(backend, { baseUrl: BASE }));
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const resultOf = async (probe: ProviderProbe) => {
  await waitUntil(() => probe.shadowRoot!.querySelector('.result, .fc-state--error'), 'no result');
  return text(probe);
};
let expected = '';
let tenantSeq = 0;
const tenant = () => `provider-test-${Date.now()}-${++tenantSeq}`;

describe('<fc-data-provider>', () => {
  before(async () => {
    await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
    const status = await backend.sources!.mappingStatus();
    expected = `${status.mapped} of ${status.total} sources mapped`;
  });
  after(() => worker.stop());

  it('is registered as fc-data-provider and lays out as its children', async () => {
    const el = await fixture<FcDataProvider>(html`<fc-data-provider></fc-data-provider>`);
    expect(el).to.be.instanceOf(FcDataProvider);
    expect(getComputedStyle(el).display).to.equal('contents');
  });

  it('with markup alone, gives its subtree the REST adapter behind the IndexedDB cache', async () => {
    const t = tenant();
    const el = await fixture<FcDataProvider>(
      html`<fc-data-provider api-base=${BASE} tenant=${t} user="advisor-1"><provider-probe></provider-probe></fc-data-provider>`,
    );
    const probe = el.querySelector('provider-probe')!;
    expect(await resultOf(probe)).to.equal(expected);
    const cached = el.provided as CachedAdapter;
    expect(probe.adapter).to.equal(cached);
    expect(cached.storage).to.equal('indexeddb');
    expect(await cached.outbox.list()).to.deep.equal([]);
    const names = (await indexedDB.databases()).map((db) => db.name);
    expect(names).to.include(await cacheDatabaseName(t, 'advisor-1'));
    await cached.clearCache();
  });

  it('builds a new adapter when the user changes, and none without an identity', async () => {
    const t = tenant();
    const el = await fixture<FcDataProvider>(
      html`<fc-data-provider api-base=${BASE} tenant=${t} user="advisor-1"><provider-probe></provider-probe></fc-data-provider>`,
    );
    const probe = el.querySelector('provider-probe')!;
    await resultOf(probe);
    const first = el.provided as CachedAdapter;
    el.user = 'advisor-2';
    await el.updateComplete;
    const second = el.provided as CachedAdapter;
    expect(second).to.not.equal(first);
    expect(probe.adapter).to.equal(second);
    await waitUntil(() => probe.shadowRoot!.querySelector('.result'));
    expect(text(probe)).to.equal(expected);
    await second.clearCache();
    await first.clearCache().catch(() => undefined);

    const warned: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warned.push(args.map(String).join(' '));
    try {
      el.user = '';
      await el.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(el.provided).to.equal(undefined);
    expect(warned.join('\n')).to.contain('needs "tenant" and "user"');
    await waitUntil(() => text(probe) === 'This host does not provide customer sources.', text(probe));
  });

  it('provides an adapter the host sets as a property, ahead of the attributes', async () => {
    const adapter = createMemoryAdapter(dataset);
    const el = await fixture<FcDataProvider>(
      html`<fc-data-provider api-base=${BASE} .adapter=${adapter}><provider-probe></provider-probe></fc-data-provider>`,
    );
    const probe = el.querySelector('provider-probe')!;
    expect(await resultOf(probe)).to.equal(expected);
    expect(el.provided).to.equal(adapter);
    expect(probe.adapter).to.equal(adapter);
  });

  it('reaches widgets that upgraded before it', async () => {
    const tag = `late-provider-${Date.now()}`;
    const wrapper = await fixture<HTMLElement>(`<div><${tag}><provider-probe></provider-probe></${tag}></div>`);
    const probe = wrapper.querySelector('provider-probe')!;
    await probe.updateComplete;
    expect(text(probe)).to.equal('This host does not provide customer sources.');
    const late = wrapper.firstElementChild as FcDataProvider;
    late.adapter = createMemoryAdapter(dataset);
    defineElement(tag, FcDataProvider);
    expect(await resultOf(probe)).to.equal(expected);
  });

  it('without a provider, the widget says the host does not provide the data', async () => {
    const probe = await fixture<ProviderProbe>(html`<provider-probe></provider-probe>`);
    expect(probe.adapter).to.equal(undefined);
    expect(probe.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(
      'This host does not provide customer sources.',
    );
  });

  it('stops providing once removed from the page', async () => {
    const el = await fixture<FcDataProvider>(html`<fc-data-provider api-base=${BASE} tenant=${tenant()} user="u"></fc-data-provider>`);
    const cached = el.provided as CachedAdapter;
    expect(cached).to.exist;
    await cached.clearCache();
    el.remove();
    await Promise.resolve();
    expect(el.provided).to.equal(undefined);
  });
});
