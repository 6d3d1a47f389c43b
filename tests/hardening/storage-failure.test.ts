/**
 * When the browser's storage fails, widgets keep working from the network: IndexedDB missing,
 * an open that never completes, a full disk on a write, the connection lost in the middle of a
 * transaction. Each time `<fc-data-provider>` says once, politely, that offline support is off,
 * and a change that could not be stored is shown as waiting until the server has it, never as
 * saved before.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/customer-list/fc-customer-list.js';
import '../../src/components/data-provider/fc-data-provider.js';
import type { FcCustomerList } from '../../src/components/customer-list/customer-list.element.js';
import type { FcDataProvider } from '../../src/components/data-provider/data-provider.element.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import { CACHE_DATABASE_PREFIX } from '../../src/data/cache/storage.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import type { BoardEntry } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { shadowText, startDemoServer } from '../components/rig.js';
import type { DemoServer } from '../components/rig.js';
import { cacheDbName, deleteForecourtDatabases, holdOpen, storesOf, tapApi, warningsDuring } from './storage-rig.js';
import type { ApiTap } from './storage-rig.js';

const EFFECT = 'Data comes from the server, and changes not sent yet are lost if this page is closed.';
const NOTICE = {
  unavailable: `Offline support is off: this browser does not let the page store data. ${EFFECT}`,
  blocked: `Offline support is off: the browser storage did not open (another tab may be holding it). ${EFFECT}`,
  full: `Offline support is off: the browser storage for this site is full. ${EFFECT}`,
  failed: `Offline support is off: the browser storage for this site could not be used. ${EFFECT}`,
};

const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 10_000 });
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const id = () => crypto.randomUUID().slice(0, 8);

let server: DemoServer;
let tap: ApiTap;
let who: { tenant: string; user: string };
/** The cache database of `who`. */
let whoDb = '';
const restore: (() => void)[] = [];
const held: IDBDatabase[] = [];

const listOf = (el: FcDataProvider) => el.querySelector<FcCustomerList>('fc-customer-list')!;
const rowsOf = (list: FcCustomerList) => [...list.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const rowFor = (list: FcCustomerList, name: string) => rowsOf(list).find((r) => text(r.querySelector('.name-text')) === name)!;
const noticeOf = (el: FcDataProvider) => el.shadowRoot!.querySelector<HTMLElement>('[part~="storage-notice"]')!;

async function mount(locale = 'en', adapter?: CachedAdapter): Promise<FcDataProvider> {
  const el = await fixture<FcDataProvider>(html`<fc-data-provider
    locale=${locale}
    api-base=${server.baseUrl}
    tenant=${who.tenant}
    user=${who.user}
    .adapter=${adapter}
  >
    <fc-customer-list date=${server.dataset.today} refresh-interval="0"></fc-customer-list>
  </fc-data-provider>`);
  await until(() => rowsOf(listOf(el)).length > 0, 'the board did not render');
  return el;
}

/** The board's rows are the server's: every customer on it is listed. */
async function showsServerData(el: FcDataProvider): Promise<void> {
  const board = await server.backend.customers!.board({ date: server.dataset.today });
  expect(rowsOf(listOf(el)).map((r) => text(r.querySelector('.name-text')))).to.deep.equal(board.map((b) => b.customerName));
}

/** One polite, visible notice with `expected`, and no other copy of it anywhere in the widgets. */
async function saysOnce(el: FcDataProvider, expected: string): Promise<void> {
  await until(() => text(noticeOf(el)) === expected, `the notice says "${text(noticeOf(el))}"`);
  const notice = noticeOf(el);
  expect(notice.getAttribute('role')).to.equal('status');
  expect(notice.getAttribute('aria-live') ?? 'polite').to.equal('polite');
  expect(notice.getBoundingClientRect().height).to.be.greaterThan(0);
  const everywhere = [el.shadowRoot!, ...[...el.querySelectorAll('*')].map((w) => w.shadowRoot).filter((r) => r !== null)];
  const copies = everywhere.flatMap((root) => [...root.querySelectorAll('*')]).filter((n) => n.children.length === 0 && /Offline support is off|modo sin conexión/.test(n.textContent ?? ''));
  expect(copies.length).to.equal(1);
  await expect(el).to.be.accessible();
}

/**
 * Saves a customer's source through the widget while writes cannot reach the server: the row
 * says it is waiting, all along, until the server has the change; then it says nothing more.
 */
async function saveIsWaitingUntilConfirmed(el: FcDataProvider): Promise<void> {
  const list = listOf(el);
  const adapter = el.provided as CachedAdapter;
  const board = await server.backend.customers!.board({ date: server.dataset.today });
  const target = board.find((e: BoardEntry) => e.sourceUnknown)!;
  const [sources, categories] = [await server.backend.sources!.list(), await server.backend.sources!.categories()];
  const source = sources.find((s) => s.categoryId && !s.deleted && categories.some((c) => c.id === s.categoryId))!;
  const serverSource = async () => (await server.backend.customers!.board({ date: server.dataset.today })).find((e) => e.customerId === target.customerId)!.sourceId;

  tap.writesDown = true;
  const row = rowFor(list, target.customerName);
  row.querySelector<HTMLButtonElement>('button.name')!.click();
  await until(() => list.shadowRoot!.querySelector('dialog select'), 'the picker did not open');
  const dialog = list.shadowRoot!.querySelector('dialog')!;
  dialog.querySelector('select')!.value = source.id;
  dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await until(() => text(row).includes('Saving… waiting for the connection'), `not shown as waiting: ${text(row)}`);

  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(text(row), 'shown as saved before the server had it').to.contain('Saving…');
  }
  expect(await serverSource()).to.equal(target.sourceId);
  const [entry] = await adapter.outbox.list();
  expect(entry).to.include({ domain: 'customers', method: 'setSource' });
  expect(['pending', 'sending']).to.include(entry!.status);

  tap.writesDown = false;
  await adapter.outbox.flush();
  await until(() => !text(row).includes('Saving'), 'still shown as saving');
  expect(await serverSource()).to.equal(source.id);
  expect(await adapter.outbox.list()).to.deep.equal([]);
}

/** Makes `put` and `add` on the cache's database fail as on a full disk. */
function fillDisk(): void {
  const name = whoDb;
  const { put, add } = IDBObjectStore.prototype;
  const full = (original: typeof put) =>
    function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.transaction.db.name === name) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return original.apply(this, args);
    };
  IDBObjectStore.prototype.put = full(put);
  IDBObjectStore.prototype.add = full(add);
  restore.push(() => Object.assign(IDBObjectStore.prototype, { put, add }));
}

/**
 * Loses the cache's connection in the middle of its next `times` writing transactions on the
 * outbox: the request is made, then the transaction aborts and the connection closes, as when
 * the browser drops the database.
 */
function loseConnection(times: number): { lost: () => number } {
  const name = whoDb;
  const original = IDBDatabase.prototype.transaction;
  let lost = 0;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<typeof original>) {
    const tx = original.apply(this, args);
    const [stores, mode] = args;
    if (this.name === name && mode === 'readwrite' && [stores].flat().includes('outbox') && lost < times) {
      lost++;
      queueMicrotask(() => {
        tx.abort();
        this.close();
        this.dispatchEvent(new Event('close'));
      });
    }
    return tx;
  } as typeof original;
  restore.push(() => (IDBDatabase.prototype.transaction = original));
  return { lost: () => lost };
}

describe('storage failure', () => {
  beforeEach(async () => {
    // A fresh server each time: every test changes a customer's source.
    server = await startDemoServer();
    tap = tapApi(server.baseUrl);
    who = { tenant: `shop-${id()}`, user: `advisor-${id()}` };
    whoDb = await cacheDbName(who.tenant, who.user);
  });
  afterEach(async () => {
    tap.writesDown = false;
    for (const undo of restore.splice(0).reverse()) undo();
    for (const db of held.splice(0)) db.close();
    await deleteForecourtDatabases();
  });

  it('IndexedDB missing from the page: the board comes from the server, the notice is shown once', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    restore.push(() => Object.defineProperty(window, 'indexedDB', descriptor));
    const { result: el, warnings } = await warningsDuring('Forecourt:', async () => {
      const mounted = await mount();
      await showsServerData(mounted);
      await saysOnce(mounted, NOTICE.unavailable);
      await saveIsWaitingUntilConfirmed(mounted);
      await saysOnce(mounted, NOTICE.unavailable);
      return mounted;
    });
    expect((el.provided as CachedAdapter).storage).to.equal('memory');
    expect(warnings).to.have.length(1);
  });

  it('no crypto.subtle (a page over plain HTTP): still caches, under a name that spells out no one', async () => {
    const subtle = Object.getOwnPropertyDescriptor(Crypto.prototype, 'subtle')!;
    Object.defineProperty(Crypto.prototype, 'subtle', { configurable: true, get: () => undefined });
    restore.push(() => Object.defineProperty(Crypto.prototype, 'subtle', subtle));
    const adapter = withCache(createRestAdapter({ baseUrl: server.baseUrl }), who);
    restore.push(() => adapter.close());
    const el = await mount('en', adapter);
    await showsServerData(el);
    expect(adapter.storageFallback).to.equal(null);
    await adapter.preferences.set('report.note', 'kept on the device');
    const stored = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith(CACHE_DATABASE_PREFIX));
    expect(stored).to.have.length(1);
    expect(stored[0]).to.match(/^forecourt-cache-[0-9a-f]{32}$/);
    expect(stored[0]).to.not.equal(whoDb);
    await adapter.clearCache();
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    expect(names.filter((n) => n.includes(who.tenant) || n.includes(who.user))).to.deep.equal([]);
    expect(names).to.not.include(stored[0]);
  });

  it('IndexedDB turned off by the host (indexedDB: null), in Spanish', async () => {
    const adapter = withCache(createRestAdapter({ baseUrl: server.baseUrl }), { ...who, indexedDB: null });
    restore.push(() => adapter.close());
    const { result: el } = await warningsDuring('Forecourt:', () => mount('es', adapter));
    await showsServerData(el);
    await saysOnce(
      el,
      'El modo sin conexión está desactivado: este navegador no permite que la página guarde datos. Los datos se cargan del servidor y los cambios aún no enviados se pierden si se cierra esta página.',
    );
    expect(adapter.storageFallback?.cause).to.equal('unavailable');
  });

  it('an open that never completes (a deletion held up by another tab): the board comes after the timeout, the notice once', async () => {
    const name = await cacheDbName(who.tenant, who.user);
    const seed = withCache(createRestAdapter({ baseUrl: server.baseUrl }), who);
    await seed.sources!.list();
    seed.close();
    const stubborn = await holdOpen(name, { yields: false });
    held.push(stubborn.db);
    indexedDB.deleteDatabase(name);
    await until(() => stubborn.asked(), 'the deletion did not ask the other connection to close');

    const { result: el, warnings } = await warningsDuring('Forecourt:', async () => {
      const started = performance.now();
      const mounted = await mount();
      expect(performance.now() - started).to.be.greaterThan(2500);
      await showsServerData(mounted);
      await saysOnce(mounted, NOTICE.blocked);
      await saveIsWaitingUntilConfirmed(mounted);
      return mounted;
    });
    expect((el.provided as CachedAdapter).storageFallback?.cause).to.equal('blocked');
    expect(warnings).to.have.length(1);
  });

  it('a full disk on a write: the change waits in memory, shown as waiting, never as saved; the notice once', async () => {
    const { result: el, warnings } = await warningsDuring('Forecourt:', async () => {
      const mounted = await mount();
      const adapter = mounted.provided as CachedAdapter;
      expect(text(noticeOf(mounted))).to.equal('');
      expect(adapter.storage).to.equal('indexeddb');
      fillDisk();
      await saveIsWaitingUntilConfirmed(mounted);
      expect(adapter.storage).to.equal('memory');
      await saysOnce(mounted, NOTICE.full);
      // More reads and writes on the full disk change nothing: still the one notice, one warning.
      await adapter.customers!.list({ limit: 5 });
      await saveIsWaitingUntilConfirmed(mounted);
      await saysOnce(mounted, NOTICE.full);
      await showsServerData(mounted);
      return mounted;
    });
    expect((el.provided as CachedAdapter).storageFallback?.cause).to.equal('full');
    expect(warnings).to.have.length(1);
  });

  it('the connection lost in the middle of every write: the cache runs from memory, the notice once', async () => {
    const { result: el, warnings } = await warningsDuring('Forecourt:', async () => {
      const mounted = await mount();
      const losing = loseConnection(Number.POSITIVE_INFINITY);
      await saveIsWaitingUntilConfirmed(mounted);
      expect(losing.lost()).to.be.at.least(3);
      await saysOnce(mounted, NOTICE.failed);
      await showsServerData(mounted);
      return mounted;
    });
    expect((el.provided as CachedAdapter).storage).to.equal('memory');
    expect(warnings).to.have.length(1);
  });

  it('the connection lost once in the middle of a write: the cache reconnects, keeps the change in IndexedDB, says nothing', async () => {
    const name = await cacheDbName(who.tenant, who.user);
    const el = await mount();
    const adapter = el.provided as CachedAdapter;
    const losing = loseConnection(1);
    const list = listOf(el);
    const board = await server.backend.customers!.board({ date: server.dataset.today });
    const target = board.find((e) => e.sourceUnknown)!;
    const source = (await server.backend.sources!.list()).find((s) => s.categoryId && !s.deleted)!;
    tap.writesDown = true;
    const saved = adapter.customers!.setSource({ customerId: target.customerId, sourceId: source.id, expectedVersion: target.customerVersion });
    await until(async () => (await adapter.outbox.list()).some((e) => e.error), 'the write was not tried');
    expect(losing.lost()).to.equal(1);
    // Stored durably: another connection reads it from the database.
    const other = await holdOpen(name, { yields: true });
    held.push(other.db);
    const outbox = (await storesOf(other.db)).find((c) => c.where.endsWith('/outbox'))!;
    expect(outbox.text).to.contain(target.customerId);
    other.db.close();
    expect(adapter.storage).to.equal('indexeddb');
    expect(text(noticeOf(el))).to.equal('');
    expect(shadowText(list)).to.not.contain('Offline support');

    tap.writesDown = false;
    await adapter.outbox.flush();
    expect((await saved).sourceId).to.equal(source.id);
    expect(text(noticeOf(el))).to.equal('');
  });
});
