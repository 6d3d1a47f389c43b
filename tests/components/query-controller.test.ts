import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { HttpResponse, http } from 'msw';
import { property } from 'lit/decorators.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import type { AdapterError } from '../../src/data/errors.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import type { BoardEntry } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { QueryController } from '../../src/components/shared/controllers/query.js';
import { defineElement } from '../../src/components/shared/define-element.js';
import { FcElement } from '../../src/components/shared/fc-element.js';
import { stateStyles } from '../../src/components/shared/states.js';
import { tokens } from '../../src/styles/tokens.js';
import { shared } from '../../src/styles/shared.js';
import { closeClients, shadowText, startDemoServer, useHandlers } from './rig.js';
import type { DemoServer } from './rig.js';

const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 8000 });

class QueryProbe extends FcElement {
  static override styles = [tokens, shared, stateStyles];
  @property({ attribute: false }) adapter?: ForecourtAdapter;
  @property() date = '';
  /** Seconds between polls. */
  @property({ type: Number }) poll = 0;
  /** Times the board was read. */
  reads = 0;
  readonly board = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['customers'],
    args: () => [this.date] as const,
    read: (adapter, [date], { signal }) => {
      this.reads++;
      return adapter.customers.board({ date }, { signal });
    },
    poll: () => this.poll,
  });
  protected override render() {
    return this.board.render({
      complete: (entries: BoardEntry[]) => html`<ul>${entries.map((e) => html`<li>${e.customerName}</li>`)}</ul>`,
      isEmpty: (entries) => !entries.length,
      empty: 'No vehicles that day.',
      lines: 4,
    });
  }
}
defineElement('query-probe', QueryProbe);
declare global {
  interface HTMLElementTagNameMap {
    'query-probe': QueryProbe;
  }
}

describe('QueryController', () => {
  let server: DemoServer;
  let today: string;
  const own: CachedAdapter[] = [];
  before(async () => {
    server = await startDemoServer();
    today = server.dataset.today;
  });
  afterEach(async () => {
    server.faults.failing = false;
    server.faults.latencyMs = 0;
    await closeClients();
    await Promise.all(own.splice(0).map((c) => c.clearCache().finally(() => c.close())));
  });

  const mount = (adapter: ForecourtAdapter | undefined, date = today, poll = 0) =>
    fixture<QueryProbe>(html`<query-probe .adapter=${adapter} date=${date} poll=${poll}></query-probe>`);
  const names = (el: QueryProbe) => [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent);

  it('shows a skeleton announced as loading while the first read runs, then the data', async () => {
    server.faults.latencyMs = 400;
    const el = await mount(server.client());
    expect(el.shadowRoot!.querySelector('[part~="loading"]')).to.exist;
    expect(el.shadowRoot!.querySelectorAll('.fc-skeleton__bar').length).to.equal(4);
    expect(shadowText(el)).to.contain('Loading');
    await until(() => names(el).length > 0, 'the board did not render');
    const expected = (await server.backend.customers!.board({ date: today })).map((e) => e.customerName);
    expect(names(el)).to.deep.equal(expected);
    expect(el.board.status).to.equal(2);
    await expect(el).to.be.accessible();
  });

  it('shows the error with Retry, and Retry reads again', async () => {
    server.faults.failing = true;
    const el = await mount(server.client());
    await until(() => el.shadowRoot!.querySelector('[part~="error"]'), 'no error state');
    expect(shadowText(el)).to.contain('The server had a problem (HTTP 503).');
    expect(el.board.error).to.exist;
    await expect(el).to.be.accessible();

    server.faults.failing = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => names(el).length > 0, 'Retry did not read the board');
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
  });

  it('Retry asks the server again rather than awaiting a read sent while it was failing', async () => {
    server.faults.failing = true;
    const adapter = server.client();
    const el = await mount(adapter);
    await until(() => el.shadowRoot!.querySelector('[part~="error"]'), 'no error state');

    // Another read of the same board (another widget's) reaches the failing server and hangs there.
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => (arrived = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    useHandlers(
      http.get(
        `${server.baseUrl}/customers/board`,
        async () => {
          arrived();
          await held;
          return HttpResponse.json({ message: 'Service unavailable' }, { status: 503 });
        },
        { once: true },
      ),
    );
    const other = adapter.customers!.board({ date: today }).then(
      () => null,
      (e: AdapterError) => e,
    );
    await reached;

    server.faults.failing = false;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await until(() => names(el).length > 0, 'Retry awaited the read on its way');
    expect(el.shadowRoot!.querySelector('[part~="error"]')).to.equal(null);
    release();
    expect((await other)?.kind).to.equal('server');
  });

  it('shows the empty state for a day with nothing', async () => {
    const el = await mount(server.client(), '1990-01-01');
    await until(() => el.shadowRoot!.querySelector('[part~="empty"]'), 'no empty state');
    expect(shadowText(el)).to.equal('No vehicles that day.');
    await expect(el).to.be.accessible();
  });

  it('says the host does not provide the domain and reads nothing', async () => {
    const el = await mount(server.client({ parts: ['sources'] }));
    expect(el.shadowRoot!.querySelector('[part~="unsupported"]')).to.exist;
    expect(shadowText(el)).to.contain('customers');
    expect(el.board.missing).to.equal('customers');
    expect(el.reads).to.equal(0);
    await expect(el).to.be.accessible();

    const none = await mount(undefined);
    expect(none.shadowRoot!.querySelector('[part~="unsupported"]')).to.exist;
  });

  it('keeps the last value on screen while reading again, and drops it for new args', async () => {
    let gate: Promise<void> | null = null;
    const backend = server.backend.customers!;
    const adapter: ForecourtAdapter = {
      ...server.backend,
      customers: { ...backend, board: async (query, opts) => (await gate, backend.board(query, opts)) },
    };
    const el = await mount(adapter);
    await until(() => names(el).length > 0, 'the board did not render');
    const before = names(el);

    let release!: () => void;
    gate = new Promise<void>((resolve) => (release = resolve));
    const rerun = el.board.run();
    await el.updateComplete;
    expect(el.board.refreshing).to.equal(true);
    expect(names(el)).to.deep.equal(before);
    expect(el.shadowRoot!.querySelector('[part~="loading"]')).to.equal(null);
    release();
    await rerun;
    expect(el.board.refreshing).to.equal(false);
    expect(names(el)).to.deep.equal(before);

    gate = new Promise<void>((resolve) => (release = resolve));
    el.date = '1990-01-01';
    await el.updateComplete;
    expect(names(el)).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('[part~="loading"]')).to.exist;
    release();
    await until(() => el.shadowRoot!.querySelector('[part~="empty"]'), 'no empty state');
  });

  it('reads again on a cache change of its domain, not of another domain', async () => {
    const adapter = server.client();
    const el = await mount(adapter);
    await until(() => names(el).length > 0, 'the board did not render');
    const reads = el.reads;

    const rule = (await adapter.leads!.rules())[0]!;
    await adapter.leads!.saveRule({ ...rule, limitMinutes: rule.limitMinutes + 1 });
    await el.updateComplete;
    expect(el.reads).to.equal(reads);

    const entry = (await adapter.customers!.board({ date: today }))[0]!;
    const source = server.dataset.sources.find((s) => s.categoryId && !s.deleted && s.id !== entry.sourceId)!;
    await adapter.customers!.setSource({ customerId: entry.customerId, sourceId: source.id, expectedVersion: entry.customerVersion });
    await until(() => el.reads > reads, 'a customers change did not read the board again');
  });

  it('reads again when another tab changes its domain', async () => {
    const id = crypto.randomUUID().slice(0, 8);
    const open = () => {
      const client = withCache(createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 }), { tenant: `q-${id}`, user: `u-${id}` });
      own.push(client);
      return client;
    };
    const here = open();
    const there = open();
    const el = await mount(here);
    await until(() => names(el).length > 0, 'the board did not render');
    const reads = el.reads;

    const entry = (await there.customers!.board({ date: today }))[0]!;
    const source = server.dataset.sources.find((s) => s.categoryId && !s.deleted && s.id !== entry.sourceId)!;
    await there.customers!.setSource({ customerId: entry.customerId, sourceId: source.id, expectedVersion: entry.customerVersion });
    await until(() => el.reads > reads, "another tab's change did not read the board again");
  });

  it('polls while the page is visible', async () => {
    const el = await mount(server.backend, today, 0.05);
    await until(() => names(el).length > 0, 'the board did not render');
    const reads = el.reads;
    await until(() => el.reads >= reads + 2, 'the board was not polled');
    expect(names(el).length).to.be.greaterThan(0);
  });
});
