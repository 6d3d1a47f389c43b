/**
 * `<fc-customer-list>` over a cached adapter across pages. A cached board that is not a board is
 * never shown. The version a customer-source change is based on survives the page: after a reload (a new
 * element and a new cached adapter over the same IndexedDB) and in a second tab, a change to a
 * customer changed before is sent over the server's current version and is applied, not refused
 * as "changed elsewhere", also while the board can only be read from the cache.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { http, HttpResponse } from 'msw';
import '../../src/components/customer-list/fc-customer-list.js';
import type { FcCustomerList } from '../../src/components/customer-list/customer-list.element.js';
import { openDB } from 'idb';
import { cacheDatabaseName } from '../../src/data/cache/storage.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import type { BoardEntry, PosSource } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { startDemoServer, useHandlers } from './rig.js';
import type { DemoServer } from './rig.js';

const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 8000 });

let server: DemoServer;
let today: string;
const clients: CachedAdapter[] = [];

/** A cached REST client of `who`: two with the same identity share one database, as two pages do. */
function client(who: { tenant: string; user: string }): CachedAdapter {
  const adapter = withCache(createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 }), { ...who, retry: { baseMs: 10, maxMs: 40 } });
  clients.push(adapter);
  return adapter;
}

async function mount(adapter: CachedAdapter): Promise<FcCustomerList> {
  const el = await fixture<FcCustomerList>(html`<fc-customer-list .adapter=${adapter} date=${today} refresh-interval="0"></fc-customer-list>`);
  await until(() => el.shadowRoot!.querySelectorAll('tbody tr').length > 0, 'the board did not render');
  return el;
}

const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();
const rowFor = (el: FcCustomerList, name: string) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].find((r) => r.querySelector('.name-text')?.textContent === name) ?? null;

async function serverEntry(customerId: string): Promise<BoardEntry> {
  return (await server.backend.customers!.board({ date: today })).find((e) => e.customerId === customerId)!;
}

/** Two mapped, live sources. */
async function twoSources(): Promise<[PosSource, PosSource]> {
  const sources = (await server.backend.sources!.list()).filter((s) => s.categoryId && !s.deleted);
  return [sources[0]!, sources[1]!];
}

/** From now on the board cannot be read (the connection drops for it): it comes from the cache. Writes still go through. */
function boardUnreachable(): void {
  useHandlers(http.get(`${server.baseUrl}/customers/board`, () => HttpResponse.error()));
}

/** "Category › Source" of each source. */
async function labels(...sources: PosSource[]): Promise<string[]> {
  const categories = await server.backend.sources!.categories();
  return sources.map((s) => `${categories.find((c) => c.id === s.categoryId)!.name} › ${s.name}`);
}

/** Picks `sourceId` for the row of `name` and saves. */
async function choose(el: FcCustomerList, name: string, sourceId: string): Promise<void> {
  await until(() => rowFor(el, name), `no row for ${name}`);
  rowFor(el, name)!.querySelector<HTMLButtonElement>('button.name')!.click();
  await until(() => el.shadowRoot!.querySelector('dialog select'), 'the picker did not open');
  const dialog = el.shadowRoot!.querySelector('dialog')!;
  dialog.querySelector('select')!.value = sourceId;
  dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
}

/** Waits until the server holds `sourceId` for the customer and the row shows no saving and no alert. */
async function saved(el: FcCustomerList, entry: BoardEntry, sourceId: string): Promise<void> {
  await until(async () => {
    const row = rowFor(el, entry.customerName);
    if (row?.querySelector('[role="alert"]')) throw new Error(`refused: ${text(row.querySelector('[role="alert"]')!)}`);
    return (await serverEntry(entry.customerId)).sourceId === sourceId && row && !text(row).includes('Saving');
  }, 'the change was not saved');
}

describe('<fc-customer-list> over the cache, across pages', () => {
  beforeEach(async () => {
    server = await startDemoServer();
    today = server.dataset.today;
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.clearCache().finally(() => c.close())));
  });

  it('after a reload, a second change to a customer is based on the server\'s current version and is applied', async () => {
    const who = { tenant: `ver-${crypto.randomUUID().slice(0, 8)}`, user: 'ann' };
    const [first, second] = await twoSources();
    const target = (await server.backend.customers!.board({ date: today }))[0]!;

    const page1 = client(who);
    const before = await mount(page1);
    boardUnreachable();
    await choose(before, target.customerName, first.id);
    await saved(before, target, first.id);
    const applied = (await serverEntry(target.customerId)).customerVersion;
    before.remove();
    page1.close();

    const page2 = client(who);
    const after = await mount(page2);
    // The board comes from the cache: the change goes out over the version the server confirmed.
    await choose(after, target.customerName, second.id);
    await saved(after, target, second.id);
    const [secondName] = await labels(second);
    expect(text(rowFor(after, target.customerName)!.querySelectorAll('td')[3]!)).to.equal(secondName);
    expect((await serverEntry(target.customerId)).customerVersion).to.equal(applied + 1);
    expect(await page2.outbox.list()).to.deep.equal([]);
  });

  it('in a second tab, a change to a customer the first tab changed is applied', async () => {
    const who = { tenant: `ver-${crypto.randomUUID().slice(0, 8)}`, user: 'ann' };
    const [first, second] = await twoSources();
    const target = (await server.backend.customers!.board({ date: today }))[1]!;

    const tabA = await mount(client(who));
    const tabB = await mount(client(who));
    boardUnreachable();
    await choose(tabA, target.customerName, first.id);
    await saved(tabA, target, first.id);
    const [firstName, secondName] = await labels(first, second);
    await until(() => text(rowFor(tabB, target.customerName)!.querySelectorAll('td')[3]!) === firstName, 'the second tab does not show the first change');
    await choose(tabB, target.customerName, second.id);
    await saved(tabB, target, second.id);
    // And back in the first tab once more.
    await until(() => text(rowFor(tabA, target.customerName)!.querySelectorAll('td')[3]!) === secondName, 'the first tab does not show the second change');
    await choose(tabA, target.customerName, first.id);
    await saved(tabA, target, first.id);
  });

  it('shows the server\'s board, not a cached one of the wrong shape, and drops that one', async () => {
    const who = { tenant: `ver-${crypto.randomUUID().slice(0, 8)}`, user: 'ann' };
    const page1 = client(who);
    (await mount(page1)).remove();
    page1.close();
    const name = await cacheDatabaseName(who.tenant, who.user);
    const db = await openDB(name);
    const key = ((await db.getAllKeys('reads')) as string[]).find((k) => k.startsWith('customers.board'))!;
    const record = await db.get('reads', key);
    const later = Date.now() + 60_000;
    const spoiled = record.value.map((e: BoardEntry) => ({ ...e, customerName: 42, vehicle: { make: 'Ford' } }));
    await db.put('reads', { ...record, value: spoiled, asOf: later, accessedAt: later });
    db.close();

    const el = await mount(client(who));
    const board = await server.backend.customers!.board({ date: today });
    for (const entry of board) expect(rowFor(el, entry.customerName), entry.customerName).to.not.equal(null);
    const shown = text(el.shadowRoot!.querySelector('tbody')!);
    expect(shown).to.not.contain('[object Object]');
    expect([...el.shadowRoot!.querySelectorAll('.name-text')].map((n) => n.textContent)).to.not.include('42');
    const after = await openDB(name);
    const stored = await after.get('reads', key);
    after.close();
    expect(stored.value).to.deep.equal(board);
  });
});
