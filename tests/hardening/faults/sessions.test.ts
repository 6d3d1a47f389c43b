/**
 * Fault injection: every widget through a seeded session of at least 200 user actions (reads,
 * and writes where the widget writes) with two reloads, while the demo server's chaos delays,
 * fails, drops and spoils requests at random. Each session ends with the faults off, every write
 * the user made applied exactly once on the server, the widget showing data, and no uncaught
 * error or unhandled rejection.
 *
 * Time scale (see harness.ts): latency up to 300 ms instead of the demo's 10 s, one request in a
 * hundred held 2.5 s against a client timeout of 1.5 s. The sessions' seeds follow from the run's
 * seed (tests/seed.ts: `FC_SEED` replays the file); to replay one failing session, put the seed its
 * message names in `SEED_OF` below.
 */
import { expect } from '@open-wc/testing';
import { CHAOS_FAULTS } from '../../../demo/api/handlers.js';
import { SEED } from '../../seed.js';
import { widgetTags } from '../widgets.js';
import type { FcTag } from '../widgets.js';
import { runSession } from './harness.js';
import type { SessionReport } from './harness.js';
import { SESSIONS } from './sessions.js';

/** A session's own seed, to replay a failure: e.g. `'fc-customer-list': 20261123`. */
const SEED_OF: Partial<Record<FcTag, number>> = {};
const ACTIONS = 200;
const reports: SessionReport[] = [];

describe('fault injection sessions', function () {
  this.timeout(120_000);

  it('has a session for every widget', () => {
    const tags = widgetTags();
    expect(tags.length, 'widgets found').to.be.greaterThan(10);
    expect(tags.filter((tag) => !SESSIONS[tag]), 'widgets without a fault session').to.deep.equal([]);
    for (const [tag, session] of Object.entries(SESSIONS)) if (session) expect(session.tag).to.equal(tag);
  });

  Object.values(SESSIONS).forEach((session, i) => {
    if (!session) return;
    it(`${session.tag}: ${session.writes ? 'reads and writes' : 'reads'} under chaos, ${ACTIONS} actions, two reloads`, async () => {
      const report = await runSession(session, { seed: SEED_OF[session.tag as FcTag] ?? SEED + i * 7919, actions: ACTIONS });
      reports.push(report);
      expect(report.actions).to.be.at.least(ACTIONS);
      expect(report.reloads).to.equal(2);
      expect(report.errors).to.equal(0);
      if (session.writes) expect(report.writes, 'writes the user made').to.be.greaterThan(0);
    });
  });

  after(() => {
    if (!reports.length) return;
    const total = (pick: (r: SessionReport) => number) => reports.reduce((n, r) => n + pick(r), 0);
    const lines = reports.map(
      (r) =>
        `${r.tag.padEnd(26)} seed ${r.seed} actions ${r.actions} writes ${r.writes} replays ${r.replays} discarded ${r.discarded} ` +
        `faults ${CHAOS_FAULTS.map((k) => `${k}=${r.faults[k]}`).join(' ')} errors ${r.errors} ${(r.ms / 1000).toFixed(1)} s`,
    );
    lines.push(
      `total: actions ${total((r) => r.actions)}, writes ${total((r) => r.writes)}, ` +
        `faults ${CHAOS_FAULTS.map((k) => `${k}=${total((r) => r.faults[k])}`).join(' ')}, errors ${total((r) => r.errors)}`,
    );
    console.log(`Fault sessions:\n${lines.join('\n')}`);
  });
});
