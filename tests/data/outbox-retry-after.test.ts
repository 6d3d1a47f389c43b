/**
 * The outbox and the server's `Retry-After`: a write answered 429 or 503 with a wait is not sent
 * again before it, also by the next page (the time is stored with the entry) or when the browser
 * comes back online; "Send now" (`flush()`) sends it at once.
 *
 * The queue runs on a clock the test sets, over the real REST adapter (its MSW handlers answer in
 * the page) and real IndexedDB. A pass of the queue is run with `start()`, the step a page opening
 * takes, so whether a write was sent is read after the pass has finished, never after a delay.
 */
import { expect } from '@open-wc/testing';
import { getResponse, http, HttpResponse } from 'msw';
import type { RequestHandler } from 'msw';
import { deleteDB } from 'idb';
import { OutboxQueue } from '../../src/data/cache/outbox.js';
import type { OutboxEntry } from '../../src/data/cache/outbox.js';
import { CacheStorage } from '../../src/data/cache/storage.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import type { SourceUpdate } from '../../src/data/adapter.js';
import type { PosSource } from '../../src/data/model.js';

const BASE = '/api-retry-after';
const T0 = Date.parse('2026-12-07T10:00:00Z');

const source: PosSource = {
  id: 'src-goog',
  code: 'GOOG',
  categoryId: null,
  name: 'Google',
  origin: 'pos',
  deleted: false,
  customerCount: 3,
  version: 4,
  updatedAt: '2026-12-01T09:00:00Z',
};
const change: SourceUpdate = { id: source.id, expectedVersion: source.version, categoryId: 'internet', name: 'Google Ads' };

/** A server that answers writes 429 with `Retry-After` while `busy`, and counts what it was sent. */
function busyServer(retryAfter: string | (() => string)) {
  const server = { busy: true, sends: 0 };
  const handlers: RequestHandler[] = [
    http.patch(`${BASE}/sources/:id`, async ({ request }) => {
      server.sends += 1;
      if (server.busy) {
        const wait = typeof retryAfter === 'function' ? retryAfter() : retryAfter;
        return HttpResponse.json({ message: 'Too many requests.' }, { status: 429, headers: { 'Retry-After': wait } });
      }
      const body = (await request.json()) as SourceUpdate;
      return HttpResponse.json({ ...source, categoryId: body.categoryId, name: body.name, version: source.version + 1 });
    }),
  ];
  const rest = createRestAdapter({
    baseUrl: BASE,
    fetch: async (input, init) => (await getResponse(handlers, new Request(new URL(String(input), location.href), init)))!,
  });
  return { server, rest };
}

const opened: { queue: OutboxQueue; storage: CacheStorage }[] = [];
const names: string[] = [];

/** A page's outbox over database `name`, on the test's clock. */
function page(name: string, rest: ReturnType<typeof createRestAdapter>, clock: { now: number }) {
  const listeners = new Set<(entries: OutboxEntry[]) => void>();
  const storage = new CacheStorage(name, { onFallback: () => undefined });
  const queue = new OutboxQueue({
    storage,
    inner: rest,
    lockName: `${name}:outbox`,
    now: () => clock.now,
    retry: { baseMs: 1000, maxMs: 60_000 },
    optionsOnly: () => false,
    post: () => undefined,
    onConfirmed: () => undefined,
    onChange: (entries) => listeners.forEach((listener) => listener(entries)),
  });
  opened.push({ queue, storage });
  /** The first change of the queue whose entries pass `test`. */
  const change = (test: (entries: OutboxEntry[]) => boolean) =>
    new Promise<OutboxEntry[]>((resolve) => {
      const listener = (entries: OutboxEntry[]) => {
        if (!test(entries)) return;
        listeners.delete(listener);
        resolve(entries);
      };
      listeners.add(listener);
    });
  return { queue, storage, change };
}

const waitingForServer = (entries: OutboxEntry[]) => entries.some((e) => e.status === 'pending' && e.error?.kind === 'rate-limited');

function database(): string {
  const name = `forecourt-test-retry-after-${crypto.randomUUID()}`;
  names.push(name);
  return name;
}

afterEach(async () => {
  for (const { queue, storage } of opened.splice(0)) {
    queue.close();
    storage.close();
  }
  await Promise.all(names.splice(0).map((name) => deleteDB(name)));
});

describe('outbox and Retry-After', () => {
  it('holds a write answered 429 "Retry-After: 120" for 120 s, across a reload and a return online', async () => {
    const { server, rest } = busyServer('120');
    const clock = { now: T0 };
    const name = database();
    const first = page(name, rest, clock);
    const refused = first.change(waitingForServer);
    void first.queue.enqueue('sources', 'update', change);
    await refused;

    expect(server.sends).to.equal(1);
    clock.now = T0 + 60_000;
    await first.queue.start();
    expect(server.sends, 'sent again after 60 s').to.equal(1);
    const [entry] = await first.queue.list();
    expect(entry).to.include({ status: 'pending', attempts: 1, retryAt: T0 + 120_000 });
    expect(entry!.nextAttemptAt).to.be.at.least(T0 + 120_000);

    // The next page reads the time from the stored entry.
    first.queue.close();
    first.storage.close();
    clock.now = T0 + 119_999;
    const second = page(name, rest, clock);
    await second.queue.start();
    expect(server.sends, 'sent again by the next page before 120 s').to.equal(1);
    await second.queue.resume();
    expect(server.sends, 'sent again on coming back online before 120 s').to.equal(1);
    expect((await second.queue.list())[0]).to.include({ retryAt: T0 + 120_000 });

    server.busy = false;
    clock.now = T0 + 120_000;
    const sent = second.change((entries) => entries.length === 0);
    await second.queue.start();
    await sent;
    expect(server.sends).to.equal(2);
    expect(await second.queue.list()).to.deep.equal([]);
  });

  it('sends at once on "Send now" (flush), whatever the server asked', async () => {
    const { server, rest } = busyServer('120');
    const clock = { now: T0 };
    const { queue, change: next } = page(database(), rest, clock);
    const refused = next(waitingForServer);
    const saved = queue.enqueue('sources', 'update', change);
    await refused;

    server.busy = false;
    await queue.flush();
    expect(server.sends).to.equal(2);
    expect(await saved).to.include({ id: source.id, name: 'Google Ads', version: source.version + 1 });
    expect(await queue.list()).to.deep.equal([]);
  });

  it('reads an HTTP-date Retry-After as the time to wait until', async () => {
    // The date is written when the server answers: five minutes from then.
    const { server, rest } = busyServer(() => new Date(Date.now() + 300_000).toUTCString());
    const clock = { now: T0 };
    const { queue, change: next } = page(database(), rest, clock);
    const refused = next(waitingForServer);
    void queue.enqueue('sources', 'update', change);
    await refused;

    clock.now = T0 + 290_000;
    await queue.start();
    expect(server.sends, 'sent again before the date').to.equal(1);
    const [entry] = await queue.list();
    // Whole seconds in the date: up to a second (and the time of the answer) less than five minutes.
    expect(entry!.retryAt).to.be.within(T0 + 298_000, T0 + 300_000);

    server.busy = false;
    clock.now = T0 + 300_000;
    const sent = next((entries) => entries.length === 0);
    await queue.start();
    await sent;
    expect(server.sends).to.equal(2);
  });

  it('waits for its own backoff when it is longer than what the server asked', async () => {
    const { server, rest } = busyServer('1');
    const clock = { now: T0 };
    const storage = new CacheStorage(database(), { onFallback: () => undefined });
    let changed: (entries: OutboxEntry[]) => void = () => undefined;
    const queue = new OutboxQueue({
      storage,
      inner: rest,
      lockName: `${names.at(-1)!}:outbox`,
      now: () => clock.now,
      retry: { baseMs: 20_000, maxMs: 20_000 },
      optionsOnly: () => false,
      post: () => undefined,
      onConfirmed: () => undefined,
      onChange: (entries) => changed(entries),
    });
    opened.push({ queue, storage });
    const refused = new Promise<void>((resolve) => (changed = (entries) => waitingForServer(entries) && resolve()));
    void queue.enqueue('sources', 'update', change);
    await refused;

    const [entry] = await queue.list();
    expect(entry!.retryAt).to.equal(T0 + 1000);
    // Equal jitter: between half the backoff and all of it.
    expect(entry!.nextAttemptAt).to.be.within(T0 + 10_000, T0 + 20_000);
    clock.now = T0 + 5_000;
    await queue.start();
    expect(server.sends).to.equal(1);
  });
});
