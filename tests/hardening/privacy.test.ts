/**
 * Privacy on shared shop computers: the cache's database is named after tenant and user;
 * `clearCache()`, and `<fc-data-provider>` when another user signs in (or none), leave nothing of
 * the previous user on the device (read back from every store of every database and from web
 * storage), even with another tab holding the database open; the previous user's unsent writes
 * are dropped and never sent afterwards; no access token is ever stored.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/customer-list/fc-customer-list.js';
import '../../src/components/data-provider/fc-data-provider.js';
import '../../src/components/sms-history/fc-sms-history.js';
import type { FcCustomerList } from '../../src/components/customer-list/customer-list.element.js';
import type { FcDataProvider } from '../../src/components/data-provider/data-provider.element.js';
import type { FcSmsHistory } from '../../src/components/sms-history/sms-history.element.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter, CacheOptions } from '../../src/data/cache/with-cache.js';
import type { AdapterError } from '../../src/data/errors.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import type { RestAdapterOptions } from '../../src/data/rest-adapter.js';
import { shadowText, startDemoServer } from '../components/rig.js';
import type { DemoServer } from '../components/rig.js';
import {
  PERSONAL,
  cacheDbName,
  deleteForecourtDatabases,
  everythingStored,
  holdOpen,
  holdsData,
  markedDataset,
  occurrences,
  pendingMessage,
  storesOf,
  tapApi,
  warningsDuring,
} from './storage-rig.js';
import type { ApiTap } from './storage-rig.js';

const ALL = 'from=2025-01-01&to=2026-12-31';
const dataset = markedDataset();
const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 10_000 });
const failureOf = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as AdapterError);
const id = () => crypto.randomUUID().slice(0, 8);
/** The next outbox change event of `adapter`. */
const nextChange = (adapter: CachedAdapter) => new Promise<void>((resolve) => adapter.addEventListener('fc-outbox-change', () => resolve(), { once: true }));

let server: DemoServer;
let tap: ApiTap;
const opened: CachedAdapter[] = [];
const held: IDBDatabase[] = [];

function client(tenant: string, user: string, rest: Partial<RestAdapterOptions> = {}, options: Partial<CacheOptions> = {}): CachedAdapter {
  const adapter = withCache(createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000, ...rest }), {
    tenant,
    user,
    retry: { baseMs: 20, maxMs: 100 },
    ...options,
  });
  opened.push(adapter);
  return adapter;
}

/** The provider with two widgets that show names, phone numbers and message bodies. */
async function session(tenant: string, user: string): Promise<FcDataProvider> {
  const el = await fixture<FcDataProvider>(html`<fc-data-provider api-base=${server.baseUrl} tenant=${tenant} user=${user}>
    <fc-customer-list date=${dataset.today} refresh-interval="0"></fc-customer-list>
    <fc-sms-history filter=${ALL}></fc-sms-history>
  </fc-data-provider>`);
  await shows(el);
  return el;
}

/** Waits until both widgets show marked personal data. */
async function shows(el: FcDataProvider): Promise<void> {
  const list = el.querySelector<FcCustomerList>('fc-customer-list')!;
  const sms = el.querySelector<FcSmsHistory>('fc-sms-history')!;
  await until(() => /Zqname\d+a Zqname\d+b/.test(shadowText(list)), 'the board shows no customer names');
  await until(() => shadowText(sms).includes('Zqbody'), 'the SMS history shows no message bodies');
}

/** Queues two writes that cannot reach the server: a customer's source and an SMS import carrying a body and a phone. */
function queueWrites(adapter: CachedAdapter, tag: string): { writes: Promise<AdapterError | null>[]; message: ReturnType<typeof pendingMessage> } {
  const customer = dataset.customers.find((c) => c.sourceId !== null)!;
  const message = pendingMessage(tag, dataset);
  const writes = [
    failureOf(adapter.customers!.setSource({ customerId: customer.id, sourceId: null, expectedVersion: customer.version })),
    failureOf(adapter.sms!.import!([message])),
  ];
  return { writes, message };
}

/**
 * Waits until `count` writes are queued and the first was tried and failed: it waits for the
 * network, and the ones after it wait for it.
 */
const queued = (adapter: CachedAdapter, count: number) =>
  until(async () => {
    const pending = (await adapter.outbox.list()).filter((e) => e.status === 'pending');
    return pending.length === count && !!pending[0]!.error;
  }, 'the writes were not queued');

describe('privacy on a shared computer', () => {
  before(async () => {
    server = await startDemoServer(dataset);
  });
  beforeEach(() => {
    tap = tapApi(server.baseUrl);
  });
  afterEach(async () => {
    tap.writesDown = false;
    for (const adapter of opened.splice(0)) adapter.close();
    for (const db of held.splice(0)) db.close();
    await deleteForecourtDatabases();
  });

  it('names each database by a hash of tenant and user: no name spells either, and two identities never share one', async () => {
    const pairs = [
      ['a|b', 'c'],
      ['a', 'b|c'],
      ['a:b', 'c'],
      ['a', 'b:c'],
    ].map(([t, u]): [string, string] => [`${t}-${id()}`, u!]);
    // Same tenant-user text on both sides of each pair but for where the split is.
    const [colonA, colonB] = [`shop:${id()}`, 'maria'];
    pairs.push([colonA, colonB], [colonA.split(':')[0]!, `${colonA.split(':')[1]}:${colonB}`]);
    for (const [tenant, user] of pairs) await client(tenant, user).sources!.list();
    const names = (await indexedDB.databases()).map((d) => d.name ?? '');
    const expected = await Promise.all(pairs.map(([tenant, user]) => cacheDbName(tenant, user)));
    for (const name of expected) expect(name).to.match(/^forecourt-cache-[0-9a-f]{32}$/);
    expect(new Set(expected).size).to.equal(pairs.length);
    expect(names).to.include.members(expected);
    for (const [tenant] of pairs) expect(names.filter((n) => n.includes(tenant) || n.includes(encodeURIComponent(tenant)))).to.deep.equal([]);
    // Every database of the cache is named by a hash alone.
    expect(names.filter((n) => n.startsWith('forecourt') && !/^forecourt-cache-[0-9a-f]{32}$/.test(n))).to.deep.equal([]);
  });

  it('sign-out leaves no database that names the tenant or the user, re-creates none, and the user\'s other tab does not bring one back', async () => {
    const tenant = `shop-${id()}`;
    const user = `advisor-${id()}`;
    const el = await session(tenant, user);
    const otherTab = client(tenant, user);
    await otherTab.customers!.list({ limit: 5 });
    await (el.provided as CachedAdapter).preferences.set('mapping-warning.dismissed', true);
    const name = await cacheDbName(tenant, user);
    const listed = async () => (await indexedDB.databases()).map((d) => d.name ?? '');
    expect(await listed()).to.include(name);

    // The widgets stay on the page and render again without an adapter.
    const outbox = nextChange(otherTab);
    el.user = '';
    await el.updateComplete;
    await until(async () => !(await listed()).includes(name), 'the database is still there');
    await outbox;
    const list = el.querySelector<FcCustomerList>('fc-customer-list')!;
    await until(() => shadowText(list).includes('does not provide'), 'the board did not render without an adapter');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const names = await listed();
    expect(names).to.not.include(name);
    expect(names.filter((n) => n.includes(tenant) || n.includes(user))).to.deep.equal([]);
    expect(occurrences(await everythingStored(), PERSONAL)).to.deep.equal([]);
  });

  it('clearCache() does not create the database to empty it, nor after it', async () => {
    const tenant = `shop-${id()}`;
    const user = `advisor-${id()}`;
    const name = await cacheDbName(tenant, user);
    const adapter = client(tenant, user);
    await adapter.outbox.list();
    expect(await adapter.preferences.get('report.note')).to.equal(undefined);
    expect((await indexedDB.databases()).map((d) => d.name)).to.not.include(name);
    await adapter.clearCache();
    await adapter.outbox.list();
    await adapter.outbox.flush();
    expect((await indexedDB.databases()).map((d) => d.name)).to.not.include(name);
  });

  it('moves the unsent writes and preferences of a database named by earlier versions, sends them, and deletes it', async () => {
    const tenant = `shop-${id()}`;
    const user = `advisor-${id()}`;
    const legacyName = `forecourt:${encodeURIComponent(tenant)}:${encodeURIComponent(user)}`;
    // One no other test here writes.
    const customer = dataset.customers.filter((c) => c.sourceId !== null).at(-1)!;
    const legacy = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(legacyName, 2);
      request.onupgradeneeded = () => {
        const db = request.result;
        db.createObjectStore('reads', { keyPath: 'key' }).createIndex('accessedAt', 'accessedAt');
        db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('key', 'key', { unique: true });
        db.createObjectStore('meta');
        db.createObjectStore('prefs');
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve) => {
      const tx = legacy.transaction(['outbox', 'prefs', 'reads'], 'readwrite');
      const args = { customerId: customer.id, sourceId: null, expectedVersion: customer.version };
      tx.objectStore('outbox').add({ key: `legacy-${id()}`, domain: 'customers', method: 'setSource', args, status: 'pending', attempts: 1, createdAt: 1, nextAttemptAt: 1 });
      tx.objectStore('prefs').put(true, 'mapping-warning.dismissed');
      tx.objectStore('reads').put({ key: 'customers.list:{}', domain: 'customers', value: { items: [], nextCursor: null }, asOf: 1, accessedAt: 1 });
      tx.oncomplete = resolve;
    });
    legacy.close();

    const adapter = client(tenant, user);
    await until(async () => (await server.backend.customers!.list({ search: customer.lastName })).items.find((c) => c.id === customer.id)?.sourceId === null, 'the write left by the earlier version was not sent');
    expect(await adapter.preferences.get('mapping-warning.dismissed')).to.equal(true);
    await until(async () => !(await indexedDB.databases()).some((d) => d.name === legacyName), 'the database of the earlier version is still there');
    await until(async () => (await adapter.outbox.list()).length === 0, 'the moved write is still queued');
  });

  it('clearCache() removes every name, phone number and message body of the user, with another tab holding the database open', async () => {
    const tenant = `shop-${id()}`;
    const user = `advisor-${id()}`;
    const el = await session(tenant, user);
    const adapter = el.provided as CachedAdapter;
    // A second tab of the same user, and a plain connection that closes only when asked.
    const otherTab = client(tenant, user);
    await otherTab.sms!.list({ from: '2025-01-01', to: '2026-12-31', limit: 5 });
    const second = await holdOpen(await cacheDbName(tenant, user), { yields: true });
    held.push(second.db);

    tap.writesDown = true;
    const { writes, message } = queueWrites(adapter, 'clear');
    await queued(adapter, 2);
    const before = occurrences(await everythingStored(), PERSONAL);
    const name = await cacheDbName(tenant, user);
    expect(before.some((w) => w.startsWith(`${name}/reads`)), before.join('\n')).to.equal(true);
    expect(before.some((w) => w.startsWith(`${name}/outbox`)), before.join('\n')).to.equal(true);

    await adapter.clearCache();
    expect(second.asked(), 'the other connection was not asked to close').to.equal(true);
    expect(occurrences(await everythingStored(), PERSONAL)).to.deep.equal([]);

    // The writes were dropped, their callers told, and nothing is sent once the network is back.
    for (const failure of await Promise.all(writes)) expect(failure?.kind).to.equal('aborted');
    expect(await adapter.outbox.list()).to.deep.equal([]);
    expect(await otherTab.outbox.list()).to.deep.equal([]);
    tap.writesDown = false;
    const sentBefore = tap.requests.filter((r) => r.line.startsWith('POST') || r.line.startsWith('PUT')).length;
    await Promise.all([adapter.outbox.flush(), otherTab.outbox.flush()]);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tap.requests.filter((r) => r.line.startsWith('POST') || r.line.startsWith('PUT')).length).to.equal(sentBefore);
    const imported = await server.backend.sms!.list({ from: '2025-01-01', to: '2026-12-31', limit: 1000 });
    expect(imported.items.some((m) => m.id === message.id)).to.equal(false);
  });

  it('clearCache() empties the database even while a connection that ignores versionchange holds its deletion up', async () => {
    const tenant = `shop-${id()}`;
    const user = `advisor-${id()}`;
    const adapter = client(tenant, user);
    await adapter.customers!.list({ limit: 20 });
    tap.writesDown = true;
    queueWrites(adapter, 'stubborn');
    await queued(adapter, 2);
    const stubborn = await holdOpen(await cacheDbName(tenant, user), { yields: false });
    held.push(stubborn.db);
    expect(occurrences(await storesOf(stubborn.db), PERSONAL)).to.not.deep.equal([]);

    await adapter.clearCache();
    expect(stubborn.asked()).to.equal(true);
    // The deletion waits for that connection, but the stores it can still read are empty.
    expect(occurrences(await storesOf(stubborn.db), PERSONAL)).to.deep.equal([]);
    stubborn.db.close();
    await until(async () => !(await holdsData(await cacheDbName(tenant, user))), 'the database still holds data');
  });

  it('clearCache() removes the user\'s preferences, and no preference database of earlier versions survives', async () => {
    const tenant = `shop-${id()}`;
    const user = `advisor-${id()}`;
    const legacy = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('forecourt-prefs', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('prefs');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    await new Promise((resolve) => {
      const tx = legacy.transaction('prefs', 'readwrite');
      tx.objectStore('prefs').put('Zqpref-legacy', `${tenant}:${user}:mapping-warning.dismissed`);
      tx.oncomplete = resolve;
    });
    legacy.close();
    const adapter = client(tenant, user);
    await adapter.preferences.set('report.note', 'Zqpref-current');
    expect(occurrences(await everythingStored(), /Zqpref-current/)).to.have.length(1);

    await adapter.clearCache();
    expect(await adapter.preferences.get('report.note')).to.equal(undefined);
    await until(async () => occurrences(await everythingStored(), /Zqpref/).length === 0, 'a preference is still stored');
    expect((await indexedDB.databases()).map((d) => d.name)).to.not.include('forecourt-prefs');
  });

  it('clearCache() also removes what was cached before storage failed and the cache fell back to memory', async () => {
    const tenant = `shop-${id()}`;
    const user = `advisor-${id()}`;
    const adapter = client(tenant, user);
    await adapter.customers!.list({ limit: 20 });
    const name = await cacheDbName(tenant, user);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof put>) {
      if (this.transaction.db.name === name) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      await adapter.sms!.list({ from: '2025-01-01', to: '2026-12-31', limit: 5 });
      expect(adapter.storage).to.equal('memory');
    } finally {
      IDBObjectStore.prototype.put = put;
      console.warn = warn;
    }
    expect(await holdsData(await cacheDbName(tenant, user))).to.equal(true);

    await adapter.clearCache();
    expect(occurrences(await everythingStored(), PERSONAL)).to.deep.equal([]);
  });

  it('<fc-data-provider> clears the previous user when another signs in, and never sends their unsent writes', async () => {
    const tenant = `shop-${id()}`;
    const [first, next] = [`advisor-${id()}`, `advisor-${id()}`];
    const el = await session(tenant, first);
    const firstAdapter = el.provided as CachedAdapter;
    const otherTab = await holdOpen(await cacheDbName(tenant, first), { yields: true });
    held.push(otherTab.db);
    tap.writesDown = true;
    const { writes, message } = queueWrites(firstAdapter, 'first-user');
    await queued(firstAdapter, 2);
    expect(await holdsData(await cacheDbName(tenant, first))).to.equal(true);

    el.user = next;
    await el.updateComplete;
    expect(el.provided === firstAdapter).to.equal(false);
    for (const failure of await Promise.all(writes)) expect(failure?.kind).to.equal('aborted');
    await until(async () => !(await holdsData(await cacheDbName(tenant, first))), 'the previous user’s database still holds data');

    // The next user works with the same widgets; nothing of the first user's writes leaves the browser.
    tap.writesDown = false;
    const switchedAt = tap.requests.length;
    await shows(el);
    await (el.provided as CachedAdapter).outbox.flush();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(tap.requests.slice(switchedAt).filter((r) => !r.line.startsWith('GET '))).to.deep.equal([]);
    const stored = await everythingStored();
    expect(occurrences(stored, /Zqpending/)).to.deep.equal([]);
    const nextDb = await cacheDbName(tenant, next);
    expect(occurrences(stored.filter((c) => !c.where.startsWith(`${nextDb}/`)), PERSONAL)).to.deep.equal([]);
    const imported = await server.backend.sms!.list({ from: '2025-01-01', to: '2026-12-31', limit: 1000 });
    expect(imported.items.some((m) => m.id === message.id)).to.equal(false);
  });

  it('<fc-data-provider> clears the previous identity when the tenant changes and when the user signs out', async () => {
    const user = `advisor-${id()}`;
    const [shopA, shopB] = [`shop-${id()}`, `shop-${id()}`];
    const el = await session(shopA, user);
    el.tenant = shopB;
    await el.updateComplete;
    await until(async () => !(await holdsData(await cacheDbName(shopA, user))), 'the previous tenant’s database still holds data');
    await shows(el);
    expect(await holdsData(await cacheDbName(shopB, user))).to.equal(true);

    const signedOut = (el.provided as CachedAdapter).outbox;
    const { warnings } = await warningsDuring('<fc-data-provider>', async () => {
      el.user = '';
      await el.updateComplete;
    });
    expect(warnings.join('\n')).to.contain('needs "tenant" and "user"');
    expect(el.provided).to.equal(undefined);
    await until(async () => !(await holdsData(await cacheDbName(shopB, user))), 'the signed-out user’s database still holds data');
    expect(occurrences(await everythingStored(), PERSONAL)).to.deep.equal([]);
    expect(await signedOut.list()).to.deep.equal([]);
  });

  it('never stores the access token, after reads, confirmed, conflicting and unsent writes', async () => {
    const token = `tok-${crypto.randomUUID()}`;
    const tenant = `shop-${id()}`;
    const user = `advisor-${id()}`;
    const adapter = client(tenant, user, { getToken: () => token });
    await adapter.customers!.list({ limit: 20 });
    await adapter.sms!.list({ from: '2025-01-01', to: '2026-12-31', limit: 20 });
    const [customer, other] = dataset.customers.filter((c) => c.sourceId !== null);
    const saved = await adapter.customers!.setSource({ customerId: customer!.id, sourceId: null, expectedVersion: customer!.version });
    expect(saved.sourceId).to.equal(null);
    const conflict = await failureOf(adapter.customers!.setSource({ customerId: other!.id, sourceId: null, expectedVersion: other!.version - 1 }));
    expect(conflict?.kind).to.equal('conflict');
    tap.writesDown = true;
    void failureOf(adapter.sms!.import!([pendingMessage('token', dataset)]));
    await queued(adapter, 1);

    // The token was really in use, and what was stored holds reads and writes.
    const sent = tap.requests.filter((r) => r.line.includes('/customers') || r.line.includes('/sms'));
    expect(sent.length).to.be.at.least(5);
    expect(sent.every((r) => r.authorization === `Bearer ${token}`)).to.equal(true);
    const stored = await everythingStored();
    expect(occurrences(stored, PERSONAL).length).to.be.greaterThan(0);
    const name = await cacheDbName(tenant, user);
    expect(stored.filter((c) => c.where === `${name}/outbox`)[0]!.text).to.contain('conflict');
    expect(occurrences(stored, new RegExp(token.slice(4)))).to.deep.equal([]);
    expect(occurrences(stored, /tok-|Bearer/)).to.deep.equal([]);
  });
});
