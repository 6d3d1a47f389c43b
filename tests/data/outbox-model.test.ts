/**
 * Model-based test of the outbox: random sequences of writes (right and stale versions), offline
 * spells, 5xx spells, responses lost after the server applied the write, reloads and flushes,
 * against the real REST adapter over MSW and real IndexedDB. At the end, with the server healthy
 * and the queue flushed, every write is applied exactly once or surfaced as a conflict.
 *
 * Each run starts a server of its own, so the set-up is kept light: the server holds only what
 * the writes touch (sources and customers), and its MSW handlers answer in the page rather than
 * through the service worker (the worker path is covered by cache.test.ts and rest-adapter.test.ts).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../seed.js';
import { deleteDB } from 'idb';
import type { AdapterError } from '../../src/data/errors.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import type { OutboxChangeDetail } from '../../src/data/cache/with-cache.js';
import { dataset, dbName, nextEvent, startServer, uniqueUser } from './cache-rig.js';
import type { Dataset } from '../../src/data/model.js';
import type { Server } from './cache-rig.js';

const RUNS = 200;
const RETRY = { baseMs: 2, maxMs: 20 };

/** The server's data: the records writes go to, and none of the reports' (a run copies it afresh). */
const data: Dataset = { ...dataset, invoices: [], spend: [], board: [], sms: [], leads: [], traffic: [], deleted: [], wants: [] };

const liveSources = data.sources.filter((s) => !s.deleted);
/** The records writes go to: two sources (renamed) and two customers (source set). */
const TARGETS = [
  { kind: 'source', id: liveSources[0]!.id, version: liveSources[0]!.version },
  { kind: 'source', id: liveSources[1]!.id, version: liveSources[1]!.version },
  { kind: 'customer', id: data.customers[0]!.id, version: data.customers[0]!.version },
  { kind: 'customer', id: data.customers[1]!.id, version: data.customers[1]!.version },
] as const;

interface Model {
  /** Per target, its version once every write made so far with the right version is applied. */
  versions: number[];
}

interface Write {
  key: string;
  target: number;
  stale: boolean;
  /** The page (adapter) the write was made on; only the last page's callers are still waiting. */
  page: CachedAdapter;
  outcome: Promise<'ok' | string>;
}

interface Real {
  server: Server;
  who: { tenant: string; user: string };
  adapter: CachedAdapter;
  pages: CachedAdapter[];
  writes: Write[];
  seen: Set<string>;
}

type Cmd = fc.AsyncCommand<Model, Real>;

class WriteCmd implements Cmd {
  constructor(
    readonly target: number,
    readonly stale: boolean,
  ) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const target = TARGETS[this.target]!;
    const expectedVersion = this.stale ? m.versions[this.target]! - 1 : m.versions[this.target]!;
    if (!this.stale) m.versions[this.target]!++;
    const queued = nextEvent<OutboxChangeDetail>(r.adapter, 'fc-outbox-change', ({ entries }) => entries.some((e) => !r.seen.has(e.key)));
    const n = r.writes.length;
    const result: Promise<unknown> =
      target.kind === 'source'
        ? r.adapter.sources!.update({ id: target.id, expectedVersion, name: `Write ${n}` })
        : r.adapter.customers!.setSource({ customerId: target.id, expectedVersion, sourceId: n % 2 ? liveSources[2]!.id : null });
    const outcome = result.then(
      () => 'ok',
      (e: AdapterError) => e.kind,
    );
    const key = (await queued).entries.find((e) => !r.seen.has(e.key))!.key;
    r.seen.add(key);
    r.writes.push({ key, target: this.target, stale: this.stale, page: r.adapter, outcome });
  }
  toString = () => `write(${this.target}${this.stale ? ', stale' : ''})`;
}

class FaultCmd implements Cmd {
  constructor(readonly fault: 'offline' | 'online' | 'failing' | 'healthy' | 'lose-response') {}
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    const faults = r.server.faults;
    if (this.fault === 'offline') faults.offline = true;
    if (this.fault === 'failing') faults.failing = true;
    if (this.fault === 'healthy') faults.failing = false;
    if (this.fault === 'lose-response') r.server.loseNextWriteResponse = true;
    if (this.fault === 'online') {
      faults.offline = false;
      window.dispatchEvent(new Event('online'));
    }
  }
  toString = () => this.fault;
}

class ReloadCmd implements Cmd {
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    r.adapter.close();
    r.adapter = withCache(r.server.rest, { ...r.who, retry: RETRY });
    r.pages.push(r.adapter);
  }
  toString = () => 'reload';
}

class FlushCmd implements Cmd {
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    await r.adapter.outbox.flush();
  }
  toString = () => 'flush';
}

const write = fc.tuple(fc.integer({ min: 0, max: TARGETS.length - 1 }), fc.boolean()).map(([t, stale]) => new WriteCmd(t, stale));
const commands = fc.commands(
  [
    // Listed three times: writes are what the test is about.
    write,
    write,
    write,
    fc.constantFrom('offline', 'online', 'failing', 'healthy', 'lose-response').map((f) => new FaultCmd(f as FaultCmd['fault'])),
    fc.constant(new ReloadCmd()),
    fc.constant(new FlushCmd()),
  ],
  { maxCommands: 14, size: 'medium' },
);

describe('outbox (model-based)', function () {
  this.timeout(10 * 60 * 1000);

  it(`never loses a write nor applies one twice (${RUNS} runs)`, async () => {
    let runs = 0;
    let writes = 0;
    const started = performance.now();
    await fc.assert(
      fc.asyncProperty(commands, async (cmds) => {
        runs++;
        const server = startServer({ data, transport: 'page' });
        const who = uniqueUser();
        const adapter = withCache(server.rest, { ...who, retry: RETRY });
        const real: Real = { server, who, adapter, pages: [adapter], writes: [], seen: new Set() };
        try {
          await fc.asyncModelRun(() => ({ model: { versions: TARGETS.map((t) => t.version) }, real }), cmds);

          server.faults.offline = false;
          server.faults.failing = false;
          server.loseNextWriteResponse = false;
          await real.adapter.outbox.flush();

          const left = new Map((await real.adapter.outbox.list()).map((e) => [e.key, e]));
          const rightPerTarget = TARGETS.map(() => 0);
          for (const write of real.writes) {
            if (write.stale) {
              expect(server.applied.get(write.key), `stale ${write.key} applied`).to.equal(undefined);
              expect(left.get(write.key)?.status, `stale ${write.key} not surfaced`).to.equal('conflict');
            } else {
              rightPerTarget[write.target]!++;
              expect(server.applied.get(write.key), `write ${write.key} applications`).to.equal(1);
              expect(left.has(write.key), `write ${write.key} still queued`).to.equal(false);
            }
            // Callers on the open page hear the outcome; those on closed pages are gone.
            if (write.page === real.adapter) expect(await write.outcome).to.equal(write.stale ? 'conflict' : 'ok');
          }
          expect([...server.applied.values()].every((n) => n === 1), 'a write applied twice').to.equal(true);
          expect(server.applied.size).to.equal(rightPerTarget.reduce((a, b) => a + b, 0));
          const sources = await server.backend.sources!.list();
          const customers = (await server.backend.customers!.list({ limit: 1000 })).items;
          TARGETS.forEach((target, i) => {
            const now = (target.kind === 'source' ? sources : customers).find((x) => x.id === target.id)!;
            expect(now.version, `version of ${target.id}`).to.equal(target.version + rightPerTarget[i]!);
          });
          writes += real.writes.length;
        } finally {
          for (const page of real.pages) page.close();
          await deleteDB(await dbName(who));
        }
      }),
      { numRuns: RUNS },
    );
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`outbox model: ${runs} runs, ${writes} writes, ${seconds} s`);
    expect(runs).to.be.at.least(RUNS);
  });
});
