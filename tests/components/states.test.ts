import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import { consume } from '@lit/context';
import { property } from 'lit/decorators.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { AdapterError, FULL_MESSAGE_CHARS } from '../../src/data/errors.js';
import type { MappingStatus } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { adapterContext } from '../../src/components/shared/adapter-context.js';
import { defineElement } from '../../src/components/shared/define-element.js';
import { FcElement } from '../../src/components/shared/fc-element.js';
import { setLocale } from '../../src/components/shared/messages.js';
import { QueryController } from '../../src/components/shared/controllers/query.js';
import { describeError, errorView, serverWaitText, stateStyles } from '../../src/components/shared/states.js';
import { shared } from '../../src/styles/shared.js';
import { tokens } from '../../src/styles/tokens.js';

const BASE = '/states-api';
const STATUS_URL = `${BASE}/sources/mapping-status`;
const GOOD: MappingStatus = { total: 5, mapped: 3, unknownCustomers: 7, customers: 40 };

/** A widget of the usual shape: adapter from context, one QueryController, the shared states. */
class StatesProbe extends FcElement {
  static override styles = [tokens, shared, stateStyles];
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;
  readonly task = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['sources'],
    read: (adapter, _args, { signal }): Promise<MappingStatus> => adapter.sources.mappingStatus({ signal }),
  });
  protected override render() {
    return this.task.render({
      complete: (s) => html`<p class="result">${s.mapped} of ${s.total} sources mapped</p>`,
      isEmpty: (s) => s.total === 0,
    });
  }
}
const TAG = 'states-probe-element';
defineElement(TAG, StatesProbe);

const worker = setupWorker();
const rest = () => createRestAdapter({ baseUrl: BASE, timeoutMs: 5000 });

async function mount(adapter: ForecourtAdapter): Promise<StatesProbe> {
  const el = await fixture<StatesProbe>(html`<states-probe-element .adapter=${adapter}></states-probe-element>`);
  expect(el.localName).to.equal(TAG);
  return el;
}
const root = (el: StatesProbe) => el.shadowRoot!;
const text = (el: StatesProbe) => root(el).textContent!.replace(/\s+/g, ' ').trim();
const settled = (el: StatesProbe) => waitUntil(() => !root(el).querySelector('.fc-state--loading'), 'still loading');

describe('shared states', () => {
  before(() => worker.start({ quiet: true, onUnhandledRequest: 'bypass' }));
  afterEach(() => {
    worker.resetHandlers();
    setLocale(null);
  });
  after(() => worker.stop());

  it('shows a skeleton with a polite "Loading…" status while the adapter answers', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    worker.use(http.get(STATUS_URL, async () => (await gate, HttpResponse.json(GOOD))));
    const el = await mount(rest());
    await waitUntil(() => root(el).querySelector('.fc-state--loading'));
    const status = root(el).querySelector('[role="status"]')!;
    expect(status.textContent).to.equal('Loading…');
    expect(root(el).querySelectorAll('.fc-skeleton__bar').length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => root(el).querySelector('.result'));
    expect(text(el)).to.equal('3 of 5 sources mapped');
  });

  it('says which error happened, offers Retry, and Retry runs the request again', async () => {
    let calls = 0;
    worker.use(
      http.get(STATUS_URL, () => {
        calls++;
        return calls === 1 ? HttpResponse.json({ message: 'down for maintenance' }, { status: 503 }) : HttpResponse.json(GOOD);
      }),
    );
    const el = await mount(rest());
    await settled(el);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('The server had a problem (HTTP 503).');
    const retry = root(el).querySelector<HTMLButtonElement>('button[part="retry-button"]')!;
    expect(retry.textContent).to.equal('Retry');
    await expect(el).to.be.accessible();
    retry.click();
    await waitUntil(() => root(el).querySelector('.result'));
    expect(calls).to.equal(2);
    expect(text(el)).to.equal('3 of 5 sources mapped');
  });

  it('names the bad field when the server sends malformed data', async () => {
    worker.use(http.get(STATUS_URL, () => HttpResponse.json({ ...GOOD, mapped: 'three' })));
    const el = await mount(rest());
    await settled(el);
    expect(root(el).querySelector('.fc-state__message')!.textContent).to.equal('The server sent data that could not be read.');
    expect(root(el).querySelector('.fc-state__detail')!.textContent).to.contain('mapped');
    expect(root(el).querySelector('button[part="retry-button"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('tells a network failure apart from a server failure', async () => {
    worker.use(http.get(STATUS_URL, () => HttpResponse.error()));
    const el = await mount(rest());
    await settled(el);
    expect(root(el).querySelector('.fc-state__message')!.textContent).to.equal(
      'The server could not be reached. Check the connection and retry.',
    );
    expect(root(el).querySelector('.fc-state__detail')).to.equal(null);
  });

  it('shows the empty state when there is nothing to show', async () => {
    worker.use(http.get(STATUS_URL, () => HttpResponse.json({ total: 0, mapped: 0, unknownCustomers: 0, customers: 0 })));
    const el = await mount(rest());
    await settled(el);
    expect(root(el).querySelector('.fc-state--empty [role="status"]')!.textContent).to.equal('Nothing to show yet.');
    await expect(el).to.be.accessible();
  });

  it('says the host does not provide a domain its adapter lacks, without a Retry', async () => {
    const el = await mount({});
    expect(root(el).querySelector('.fc-state--unsupported [role="status"]')!.textContent).to.equal(
      'This host does not provide customer sources.',
    );
    expect(root(el).querySelector('button')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks Spanish when the locale is Spanish', async () => {
    setLocale('es');
    const el = await mount({});
    expect(text(el)).to.equal('Este sistema no proporciona orígenes de clientes.');
  });

  it('puts the failure of a user action in an alert and keeps unknown errors specific', async () => {
    const el = await fixture(html`<div>${errorView(new AdapterError({ kind: 'conflict', status: 409, message: 'Source GOOG changed (version 4).' }), () => undefined, { urgent: true })}</div>`);
    const alert = el.querySelector('[role="alert"]')!;
    expect(alert.textContent).to.contain('Someone else changed this in the meantime.');
    expect(alert.textContent).to.contain('Source GOOG changed (version 4).');
    expect(describeError(new TypeError('x is undefined'))).to.deep.equal({
      message: 'Something went wrong.',
      detail: 'x is undefined',
      more: null,
      retryable: true,
    });
  });

  it('shows a 1 MB message from the server as a short excerpt, the whole of it behind "Show more" in a box that scrolls', async () => {
    const huge = `Amount refused: ${'the figure is not allowed here '.repeat(35_000)}`;
    worker.use(http.get(STATUS_URL, () => HttpResponse.json({ message: huge }, { status: 400 })));
    const el = await mount(rest());
    await settled(el);
    const state = root(el).querySelector<HTMLElement>('.fc-state--error')!;
    const detail = root(el).querySelector('.fc-state__detail')!.textContent!;
    expect(detail).to.have.length(300);
    expect(detail.startsWith('Amount refused: the figure')).to.equal(true);
    const more = root(el).querySelector('details')!;
    expect(more.open).to.equal(false);
    expect(more.querySelector('summary')!.textContent).to.equal('Show more');
    // The live region holds the excerpt only: opening the disclosure is not announced.
    expect(root(el).querySelector('[role="status"]')!.contains(more)).to.equal(false);
    expect(state.getBoundingClientRect().height, 'closed').to.be.below(300);
    await expect(el).to.be.accessible();

    // The keyboard reaches the disclosure and opens it.
    root(el).querySelector<HTMLButtonElement>('button[part="retry-button"]')!.focus();
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(root(el).activeElement).to.equal(more.querySelector('summary'));
    await sendKeys({ press: 'Enter' });
    expect(more.open).to.equal(true);
    const full = more.querySelector<HTMLElement>('[role="region"]')!;
    expect(full.getAttribute('aria-label')).to.equal('The whole message');
    expect(full.textContent).to.equal(`${huge.slice(0, FULL_MESSAGE_CHARS - 1)}…`);
    expect(full.scrollHeight, 'the box scrolls').to.be.above(full.clientHeight);
    expect(state.getBoundingClientRect().height, 'open').to.be.below(600);
    await expect(el).to.be.accessible();
  });

  it('offers no "Show more" when the message is whole', async () => {
    worker.use(http.get(STATUS_URL, () => HttpResponse.json({ message: 'Amount refused: use whole cents.' }, { status: 400 })));
    const el = await mount(rest());
    await settled(el);
    expect(root(el).querySelector('.fc-state__detail')!.textContent).to.equal('Amount refused: use whole cents.');
    expect(root(el).querySelector('details')).to.equal(null);
  });

  it('says until when the server asked to wait, in the user\'s language, and nothing once that time has passed', () => {
    const now = Date.parse('2026-12-07T10:40:00');
    const retryAt = Date.parse('2026-12-07T10:42:00');
    const busy = new AdapterError({ kind: 'rate-limited', status: 429, message: 'Slow down', retryAfterMs: 120_000, retryAt });
    const time = (locale: string) => new Intl.DateTimeFormat(locale, { timeStyle: 'short' }).format(retryAt);
    expect(describeError(busy, now).message).to.equal(`The server asked us to wait until ${time('en')}.`);
    expect(serverWaitText({ retryAt }, now)).to.equal(`The server asked us to wait until ${time('en')}.`);
    const down = new AdapterError({ kind: 'server', status: 503, message: 'Maintenance', retryAt });
    expect(describeError(down, now).message).to.equal(`The server had a problem (HTTP 503). The server asked us to wait until ${time('en')}.`);
    // Another day: the date is said too.
    const tomorrow = Date.parse('2026-12-08T09:00:00');
    const dated = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(tomorrow);
    expect(serverWaitText({ retryAt: tomorrow }, now)).to.equal(`The server asked us to wait until ${dated}.`);

    setLocale('es');
    expect(describeError(busy, now).message).to.equal(`El servidor pidió esperar hasta ${time('es')}.`);
    setLocale(null);

    expect(describeError(busy, retryAt + 1).message).to.equal('The server is busy. Wait a moment and retry.');
    expect(serverWaitText({ retryAt }, retryAt)).to.equal(null);
    expect(serverWaitText({ retryAt: null }, now)).to.equal(null);
    expect(serverWaitText(null, now)).to.equal(null);
  });
});
