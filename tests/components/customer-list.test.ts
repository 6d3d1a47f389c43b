import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/components/customer-list/fc-customer-list.js';
import type { FcCustomerList } from '../../src/components/customer-list/customer-list.element.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import type { BoardEntry, PosSource, SourceCategory } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { closeClients, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';

const XSS = '<img src=x onerror=alert(1)>';

/** `waitUntil` with room for a busy machine (open-wc's default is one second). */
const until = (predicate: () => unknown, message?: string, options: { timeout?: number; interval?: number } = {}) =>
  waitUntil(predicate, message, { timeout: 8000, ...options });

let server: DemoServer;
let today: string;
const own: CachedAdapter[] = [];

/** A cached REST client with options the rig does not set (retry limit, revalidation, a shared tenant). */
function ownClient(options: { tenant?: string; user?: string; maxAttempts?: number; revalidateAfterMs?: number } = {}): CachedAdapter {
  const id = crypto.randomUUID().slice(0, 8);
  const client = withCache(createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 }), {
    tenant: options.tenant ?? `cl-${id}`,
    user: options.user ?? `u-${id}`,
    revalidateAfterMs: options.revalidateAfterMs,
    retry: { baseMs: 10, maxMs: 40, maxAttempts: options.maxAttempts },
  });
  own.push(client);
  return client;
}

async function mount(adapter: ForecourtAdapter | undefined, opts: { date?: string; blink?: string; refresh?: number } = {}) {
  const el = await fixture<FcCustomerList>(html`<fc-customer-list
    .adapter=${adapter}
    date=${opts.date ?? today}
    refresh-interval=${opts.refresh ?? 0}
    style=${opts.blink ? `--fc-customer-list-blink-duration: ${opts.blink}` : ''}
  ></fc-customer-list>`);
  return el;
}

const rowsOf = (el: FcCustomerList) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const loaded = (el: FcCustomerList) => until(() => rowsOf(el).length > 0, 'the board did not render');
const nameButton = (row: Element) => row.querySelector<HTMLButtonElement>('button.name')!;
const nameText = (row: Element) => row.querySelector<HTMLElement>('.name-text')!;
const rowFor = (el: FcCustomerList, customerName: string) =>
  rowsOf(el).find((r) => nameText(r).textContent === customerName) ?? null;
const badge = (row: Element) => row.querySelector<HTMLElement>('.badge');
const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

async function serverBoard(): Promise<BoardEntry[]> {
  return server.backend.customers!.board({ date: today });
}
async function serverSources(): Promise<{ sources: PosSource[]; categories: SourceCategory[] }> {
  return { sources: await server.backend.sources!.list(), categories: await server.backend.sources!.categories() };
}
/** A mapped, live source other than `not`, with its "Category › Source" label. */
async function mappedSource(not?: string | null): Promise<{ id: string; label: string }> {
  const { sources, categories } = await serverSources();
  const s = sources.find((x) => x.categoryId && !x.deleted && x.id !== not && categories.some((c) => c.id === x.categoryId))!;
  return { id: s.id, label: `${categories.find((c) => c.id === s.categoryId)!.name} › ${s.name}` };
}
async function firstUnknown(): Promise<BoardEntry> {
  const entry = (await serverBoard()).find((e) => e.sourceUnknown);
  if (!entry) throw new Error('the dataset has no unknown customer left on the board');
  return entry;
}

async function openPicker(el: FcCustomerList, row: Element): Promise<HTMLDialogElement> {
  nameButton(row).click();
  await until(() => el.shadowRoot!.querySelector('dialog')?.open, 'the picker did not open');
  const dialog = el.shadowRoot!.querySelector('dialog')!;
  await until(() => dialog.querySelector('select, [part~="unsupported"]'), 'the picker has no content');
  return dialog;
}
async function pickAndSave(el: FcCustomerList, row: Element, sourceId: string): Promise<void> {
  const dialog = await openPicker(el, row);
  const select = dialog.querySelector('select')!;
  select.value = sourceId;
  dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
}

describe('<fc-customer-list>', () => {
  beforeEach(async () => {
    server = await startDemoServer();
    today = server.dataset.today;
  });
  afterEach(async () => {
    server.faults.offline = false;
    server.faults.failing = false;
    server.faults.latencyMs = 0;
    await emulateMedia({ reducedMotion: 'no-preference' });
    await Promise.all(own.splice(0).map((c) => c.clearCache().finally(() => c.close())));
    await closeClients();
  });

  it('shows the board as a table: names, vehicles, advisors, promised times and source names', async () => {
    const el = await mount(server.client(), { blink: '10ms' });
    await loaded(el);
    const board = await serverBoard();
    const { sources, categories } = await serverSources();
    const table = el.shadowRoot!.querySelector('table')!;
    expect(text(table.querySelector('caption')!)).to.equal('Vehicles on the board, Monday, November 23, 2026');
    expect([...table.querySelectorAll('thead th[scope="col"]')].map(text)).to.deep.equal(['Customer', 'Vehicle', 'Advisor', 'Promised', 'Source']);
    expect(rowsOf(el).length).to.equal(board.length);
    for (const entry of board) {
      const row = rowFor(el, entry.customerName)!;
      expect(!!(row), entry.customerName).to.equal(true);
      expect(!!(row.querySelector('th[scope="row"] button.name'))).to.equal(true);
      const cells = [...row.querySelectorAll('td')].map(text);
      expect(cells[0]).to.equal(entry.vehicle);
      expect(cells[1]).to.equal(entry.advisor);
      // A time of day in the viewer's clock, e.g. "3:30 PM".
      if (entry.promisedAt) expect(cells[2]).to.match(/^\d{1,2}:\d{2} [AP]M$/);
      else expect(cells[2]).to.equal('Not set');
      if (entry.sourceUnknown) {
        await until(() => cells[3] === 'Unknown' || text(row.querySelectorAll('td')[3]!) === 'Unknown');
        expect(badge(row)!.textContent).to.contain('Source unknown');
      } else {
        const s = sources.find((x) => x.id === entry.sourceId)!;
        const label = `${categories.find((c) => c.id === s.categoryId)!.name} › ${s.name}`;
        await until(() => text(row.querySelectorAll('td')[3]!) === label, `${entry.customerName}: no "${label}"`);
        expect(!!(badge(row))).to.equal(false);
      }
    }
    expect(board.some((e) => e.sourceUnknown) && board.some((e) => !e.sourceUnknown)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('names a day with nothing on the board in words', async () => {
    expect((await server.backend.customers!.board({ date: '2026-11-22' })).length).to.equal(0);
    const el = await mount(server.client(), { date: '2026-11-22' });
    await until(() => shadowText(el).includes('No vehicles on the board for Nov 22, 2026.'), 'the empty day was not named');
    await expect(el).to.be.accessible();
  });

  it('blinks unknown names for at most 4.5 s by default, then leaves a badge and an accessible label', async () => {
    const el = await mount(server.client());
    await loaded(el);
    const unknownRows = rowsOf(el).filter((r) => badge(r));
    expect(unknownRows.length).to.be.greaterThan(0);
    for (const row of unknownRows) {
      const name = nameText(row);
      expect(name.getAnimations().length, 'a blinking name').to.equal(1);
      const style = getComputedStyle(name);
      const seconds = parseFloat(style.animationDuration) * (style.animationDuration.endsWith('ms') ? 0.001 : 1);
      const total = seconds * Number(style.animationIterationCount);
      expect(total).to.be.greaterThan(0);
      expect(total).to.be.at.most(5);
    }
    for (const row of rowsOf(el).filter((r) => !badge(r))) expect(nameText(row).getAnimations().length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('stops the blink when it ends, keeping the badge and "source unknown" in the name', async () => {
    // Six half-cycles of 300 ms: long enough to be seen running after the first read, even on a busy machine.
    const el = await mount(server.client(), { blink: '300ms' });
    await loaded(el);
    const unknownRows = rowsOf(el).filter((r) => badge(r));
    expect(unknownRows.some((r) => nameText(r).getAnimations().length > 0)).to.equal(true);
    await until(() => unknownRows.every((r) => nameText(r).getAnimations().length === 0), 'a name is still blinking');
    await until(() => !el.shadowRoot!.querySelector('.name-text--blink'), 'a name still has the blinking class');
    for (const row of unknownRows) {
      expect(badge(row)!.checkVisibility()).to.equal(true);
      expect(text(badge(row)!)).to.contain('Source unknown');
      expect(text(nameButton(row)).toLowerCase()).to.contain('source unknown');
      expect(el.shadowRoot!.querySelectorAll('*').length).to.be.greaterThan(0);
    }
    await expect(el).to.be.accessible();
  });

  it('cuts off a blink a host made longer before five seconds', async () => {
    const el = await mount(server.client(), { blink: '20s' });
    await loaded(el);
    const name = nameText(rowsOf(el).find((r) => badge(r))!);
    expect(name.getAnimations().length).to.equal(1);
    await until(() => name.getAnimations().length === 0, 'still blinking after 5 s', { timeout: 5000, interval: 100 });
  });

  it('never blinks under prefers-reduced-motion, and still marks the names', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount(server.client());
    await loaded(el);
    const unknownRows = rowsOf(el).filter((r) => badge(r));
    expect(unknownRows.length).to.be.greaterThan(0);
    expect(!!(el.shadowRoot!.querySelector('.name-text--blink'))).to.equal(false);
    expect(el.shadowRoot!.getAnimations().filter((a) => a instanceof CSSAnimation && a.animationName.includes('blink')).length).to.equal(0);
    for (const row of unknownRows) {
      expect(nameText(row).getAnimations().length).to.equal(0);
      expect(text(nameButton(row))).to.contain('Source unknown');
    }
    await expect(el).to.be.accessible();
  });

  it('sets a source with the keyboard alone: Tab, Enter, arrows, Enter', async () => {
    const el = await mount(server.client(), { blink: '10ms' });
    await loaded(el);
    const target = await firstUnknown();
    const index = rowsOf(el).findIndex((r) => nameText(r).textContent === target.customerName);
    const changes: CustomEvent[] = [];
    el.addEventListener('fc-source-change', (e) => changes.push(e));

    for (let i = 0; i <= index; i++) await sendKeys({ press: 'Tab' });
    const button = nameButton(rowsOf(el)[index]!);
    expect(el.shadowRoot!.activeElement === button, 'focus moved').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('dialog')?.open, 'Enter did not open the picker');
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog.querySelector('select'), 'no source list');
    const select = dialog.querySelector('select')!;
    expect(el.shadowRoot!.activeElement === select, 'focus moved').to.equal(true);
    expect(select.labels[0]!.textContent).to.equal('Source');
    expect(select.querySelectorAll('optgroup').length).to.be.greaterThan(1);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    const chosen = select.value;
    expect(chosen).to.not.equal('');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog.isConnected && dialog.open).to.equal(false);
    expect(!!(badge(rowFor(el, target.customerName)!)), 'the mark is gone at once').to.equal(false);
    expect(changes.map((e) => e.detail)).to.deep.equal([{ customerId: target.customerId, sourceId: chosen }]);

    await until(async () => (await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId === chosen, 'not saved');
    const row = rowFor(el, target.customerName)!;
    await until(() => !text(row).includes('Saving'), 'still saving');
    expect(!!(badge(row))).to.equal(false);
    expect(text(row.querySelectorAll('td')[3]!)).to.contain('›');
    expect(el.shadowRoot!.activeElement === nameButton(row), 'focus moved').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('cancels the picker with Escape and returns focus to the name, saving nothing', async () => {
    const el = await mount(server.client(), { blink: '10ms' });
    await loaded(el);
    const target = await firstUnknown();
    const row = rowFor(el, target.customerName)!;
    nameButton(row).focus();
    await sendKeys({ press: ' ' });
    await until(() => el.shadowRoot!.querySelector('dialog')?.open, 'Space did not open the picker');
    await until(() => el.shadowRoot!.querySelector('dialog select'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await until(() => !el.shadowRoot!.querySelector('dialog'), 'the picker is still open');
    expect(el.shadowRoot!.activeElement === nameButton(row), 'focus moved').to.equal(true);
    expect(!!(badge(row))).to.equal(true);
    expect((await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId).to.equal(target.sourceId);
  });

  it('shows a save as pending while offline, then confirms it when the connection is back', async () => {
    const adapter = server.client();
    const el = await mount(adapter, { blink: '10ms' });
    await loaded(el);
    const target = await firstUnknown();
    const source = await mappedSource();
    await until(() => text(rowsOf(el)[0]!.querySelectorAll('td')[3]!) !== 'Set', 'sources not loaded');
    server.faults.offline = true;
    const row = rowFor(el, target.customerName)!;
    await pickAndSave(el, row, source.id);
    expect(!!(badge(row))).to.equal(false);
    await until(() => text(row).includes('Saving… waiting for the connection'), 'not shown as waiting');
    expect(text(row.querySelectorAll('td')[3]!)).to.contain(source.label);
    expect((await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId).to.equal(target.sourceId);
    await expect(el).to.be.accessible();

    server.faults.offline = false;
    await adapter.outbox.flush();
    await until(() => !text(row).includes('Saving'), 'still pending');
    expect((await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId).to.equal(source.id);
    expect(!!(badge(row))).to.equal(false);
  });

  it('brings the mark back with the reason when a save finally fails, and saves on Retry', async () => {
    const adapter = ownClient({ maxAttempts: 2 });
    const el = await mount(adapter, { blink: '10ms' });
    await loaded(el);
    const target = await firstUnknown();
    const source = await mappedSource();
    server.faults.failing = true;
    const row = rowFor(el, target.customerName)!;
    await pickAndSave(el, row, source.id);
    expect(!!(badge(row)), 'optimistic: the mark is gone').to.equal(false);
    await until(() => row.querySelector('[role="alert"]'), 'no failure shown');
    expect(text(row.querySelector('[role="alert"]')!)).to.contain(`The source of ${target.customerName} could not be saved. The server had a problem (HTTP 503).`);
    expect(!!(badge(row)), 'the mark is back').to.equal(true);
    expect(text(row.querySelectorAll('td')[3]!)).to.match(/^Unknown/);
    await expect(el).to.be.accessible();

    server.faults.failing = false;
    row.querySelector<HTMLButtonElement>(`button[aria-label="Retry saving the source of ${target.customerName}"]`)!.click();
    await until(async () => (await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId === source.id, 'not saved on retry');
    await until(() => !row.querySelector('[role="alert"]') && !badge(row) && !text(row).includes('Saving'), 'the failure is still shown');
    expect((await adapter.outbox.list()).length).to.equal(0);
  });

  it('shows a conflict with the current source and lets the user keep theirs or save anyway', async () => {
    const el = await mount(server.client(), { blink: '10ms' });
    await loaded(el);
    const target = await firstUnknown();
    const theirs = await mappedSource();
    const mine = await mappedSource(theirs.id);
    await server.backend.customers!.setSource({ customerId: target.customerId, sourceId: theirs.id, expectedVersion: target.customerVersion });
    const row = rowFor(el, target.customerName)!;
    expect(!!(badge(row)), 'the widget still has the stale board').to.equal(true);

    await pickAndSave(el, row, mine.id);
    await until(() => row.querySelector('[role="alert"]'), 'no conflict shown');
    expect(text(row.querySelector('[role="alert"]')!)).to.equal(`The source of ${target.customerName} was changed elsewhere: it is now ${theirs.label}.`);
    expect(text(row.querySelectorAll('td')[3]!)).to.match(new RegExp(`^${theirs.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect((await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId, 'not overwritten').to.equal(theirs.id);
    await expect(el).to.be.accessible();

    row.querySelector<HTMLButtonElement>(`button[aria-label="Save mine anyway: source of ${target.customerName}"]`)!.click();
    await until(async () => (await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId === mine.id, 'mine not saved');
    await until(() => !row.querySelector('[role="alert"]') && text(row.querySelectorAll('td')[3]!) === mine.label, 'row not updated');
  });

  it('keeps the other source with "Keep theirs"', async () => {
    const adapter = server.client();
    const el = await mount(adapter, { blink: '10ms' });
    await loaded(el);
    const target = await firstUnknown();
    const theirs = await mappedSource();
    const mine = await mappedSource(theirs.id);
    await server.backend.customers!.setSource({ customerId: target.customerId, sourceId: theirs.id, expectedVersion: target.customerVersion });
    const row = rowFor(el, target.customerName)!;
    await pickAndSave(el, row, mine.id);
    await until(() => row.querySelector('[role="alert"]'), 'no conflict shown');
    row.querySelector<HTMLButtonElement>(`button[aria-label="Keep theirs: source of ${target.customerName}"]`)!.click();
    await until(() => !row.querySelector('[role="alert"]'), 'conflict still shown');
    expect(text(row.querySelectorAll('td')[3]!)).to.equal(theirs.label);
    expect(!!(badge(row))).to.equal(false);
    await until(async () => (await adapter.outbox.list()).length === 0, 'the conflicting write is still queued');
    expect((await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId).to.equal(theirs.id);
  });

  it('re-reads the board periodically: a new arrival appears, focus and table stay, markup is text', async () => {
    const backend = server.backend;
    const extra: BoardEntry[] = [];
    const adapter: ForecourtAdapter = {
      sources: backend.sources,
      customers: { ...backend.customers!, board: async (q, o) => [...(await backend.customers!.board(q, o)), ...extra] },
    };
    const el = await mount(adapter, { blink: '10ms', refresh: 0.1 });
    await loaded(el);
    const count = rowsOf(el).length;
    const table = el.shadowRoot!.querySelector('table');
    const focused = nameButton(rowsOf(el)[0]!);
    focused.focus();
    extra.push({
      id: 'tvp-new',
      date: today,
      customerId: 'c-new',
      customerName: XSS,
      vehicle: 'javascript:alert(1)',
      advisor: '<b>Ann</b>',
      promisedAt: null,
      sourceId: null,
      sourceUnknown: true,
      customerVersion: 1,
    });
    await until(() => rowsOf(el).length === count + 1, 'the new arrival did not appear');
    expect(el.shadowRoot!.querySelector('table') === table, 'the table was replaced (skeleton in between)').to.equal(true);
    expect(el.shadowRoot!.activeElement === focused, 'focus moved').to.equal(true);
    const row = rowFor(el, XSS)!;
    expect(!!(row)).to.equal(true);
    expect(!!(el.shadowRoot!.querySelector('img, b, a'))).to.equal(false);
    expect(shadowText(el)).to.contain(XSS).and.contain('javascript:alert(1)').and.contain('<b>Ann</b>');
    expect(!!(badge(row))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('picks up a change made on the server at the next refresh (REST, cache revalidation)', async () => {
    const el = await mount(ownClient({ revalidateAfterMs: 0 }), { blink: '10ms', refresh: 0.2 });
    await loaded(el);
    const target = await firstUnknown();
    const source = await mappedSource();
    const row = rowFor(el, target.customerName)!;
    expect(!!(badge(row))).to.equal(true);
    await server.backend.customers!.setSource({ customerId: target.customerId, sourceId: source.id, expectedVersion: target.customerVersion });
    await until(() => !badge(row) && text(row.querySelectorAll('td')[3]!) === source.label, 'the change did not show');
  });

  it('follows a change made in another tab at once', async () => {
    const tenant = `tabs-${crypto.randomUUID().slice(0, 8)}`;
    const tabA = ownClient({ tenant, user: 'ann' });
    const tabB = ownClient({ tenant, user: 'ann' });
    const el = await mount(tabA, { blink: '10ms' });
    await loaded(el);
    const target = await firstUnknown();
    const source = await mappedSource();
    const row = rowFor(el, target.customerName)!;
    expect(!!(badge(row))).to.equal(true);
    await tabB.customers!.setSource({ customerId: target.customerId, sourceId: source.id, expectedVersion: target.customerVersion });
    await until(() => !badge(row) && text(row.querySelectorAll('td')[3]!) === source.label, 'the other tab\'s change did not show');
  });

  it('shows loading, then the error with Retry, and recovers', async () => {
    server.faults.latencyMs = 300;
    server.faults.failing = true;
    const el = await mount(server.client());
    expect(shadowText(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
    await until(() => el.shadowRoot!.querySelector('[part~="error"]'), 'no error state');
    expect(shadowText(el)).to.contain('The server had a problem (HTTP 503).');
    await expect(el).to.be.accessible();
    server.faults.failing = false;
    server.faults.latencyMs = 0;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await loaded(el);
  });

  it('says when the board is empty for the day', async () => {
    const el = await mount(server.client(), { date: '2026-01-05' });
    await until(() => el.shadowRoot!.querySelector('[part~="empty"]'), 'no empty state');
    expect(shadowText(el)).to.equal('No vehicles on the board for Jan 5, 2026.');
    await expect(el).to.be.accessible();
  });

  it('says when the host does not provide customers', async () => {
    for (const adapter of [server.client({ parts: ['sources'] }), undefined]) {
      const el = await mount(adapter);
      await until(() => el.shadowRoot!.querySelector('[part~="unsupported"]'), 'no unsupported state');
      expect(shadowText(el)).to.equal('This host does not provide customers.');
      await expect(el).to.be.accessible();
    }
  });

  it('still shows the board without sources; the picker says sources are not provided', async () => {
    const el = await mount(server.client({ parts: ['customers'] }), { blink: '10ms' });
    await loaded(el);
    const row = rowsOf(el).find((r) => badge(r))!;
    const dialog = await openPicker(el, row);
    expect(text(dialog)).to.contain('This host does not provide customer sources.');
    expect(!!(dialog.querySelector('select, button[type="submit"]'))).to.equal(false);
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => !el.shadowRoot!.querySelector('dialog'));
    expect(el.shadowRoot!.activeElement === nameButton(row), 'focus moved').to.equal(true);
  });

  it('fires nothing without a user action', async () => {
    let fired = 0;
    const listener = () => fired++;
    document.addEventListener('fc-source-change', listener);
    try {
      const el = await mount(server.client(), { blink: '10ms' });
      await loaded(el);
      el.date = '2026-11-22';
      await el.updateComplete;
      expect(fired).to.equal(0);
      // The event is the public signal of a user's save.
      const target = await firstUnknown();
      el.date = today;
      await loaded(el);
      await until(() => rowFor(el, target.customerName));
      const source = await mappedSource();
      setTimeout(() => void pickAndSave(el, rowFor(el, target.customerName)!, source.id));
      const event = await oneEvent(el, 'fc-source-change');
      expect(event.detail).to.deep.equal({ customerId: target.customerId, sourceId: source.id });
      expect(event.bubbles && event.composed).to.equal(true);
    } finally {
      document.removeEventListener('fc-source-change', listener);
    }
  });
});
