/**
 * The demo's live day (`demo/api/live-day.ts`): the demo server adds a lead whose clock runs and
 * is answered within a minute, vehicles and texts, and the page's cached adapter hears of it the
 * way it hears of another tab's write. The live day's clock and the lead clocks' time are set by
 * the test; nothing waits on a timer.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { DateTime } from 'luxon';
import '../../src/components/lead-clock/fc-lead-clock.js';
import type { FcLeadClock } from '../../src/components/lead-clock/fc-lead-clock.js';
import { setLeadClockTime, tickLeadClocks } from '../../src/components/lead-clock/fc-lead-clock.js';
import { createApiHandlers } from '../../demo/api/handlers.js';
import { createLiveDay } from '../../demo/api/live-day.js';
import type { AdapterDomain } from '../../src/data/adapter.js';
import { legacyDatabaseName } from '../../src/data/cache/storage.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import { DEMO_ZONE, generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { MemoryFeed } from '../../src/data/memory-adapter.js';
import type { Lead } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { startDemoServer, useHandlers } from '../components/rig.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: FcLeadClock, name: string) => text(el.shadowRoot!.querySelector(`[part~="${name}"]`));

describe('the demo’s live day', () => {
  // A Monday at 3:10 AM in Chicago: the shop is closed, GM's real-time clock runs all the same.
  const opened = DateTime.fromISO('2026-12-07T03:10', { zone: DEMO_ZONE }).toMillis();
  let t = opened;
  let client: CachedAdapter;
  let channel: BroadcastChannel;

  afterEach(async () => {
    setLeadClockTime(null);
    channel?.close();
    await client?.clearCache().finally(() => client.close());
  });

  it('brings a lead whose clock ticks and stops within a minute, then vehicles and texts, and the page hears of each', async () => {
    const dataset = generateDataset({ size: 'small', today: '2026-12-07', now: opened });
    let feed: MemoryFeed | undefined;
    const backend = createMemoryAdapter(dataset, { feed: (f) => (feed = f) });
    const server = await startDemoServer(dataset);
    useHandlers(...createApiHandlers(backend, { baseUrl: server.baseUrl }));
    const id = crypto.randomUUID().slice(0, 8);
    const [tenant, user] = [`live-${id}`, `u-${id}`];
    client = withCache(createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 }), { tenant, user });
    channel = new BroadcastChannel(legacyDatabaseName(tenant, user));
    const told: AdapterDomain[][] = [];
    const arrived: Lead[] = [];
    t = opened;
    const live = createLiveDay({
      dataset,
      backend,
      feed: feed!,
      announce: (domains) => {
        told.push(domains);
        channel.postMessage({ type: 'change', domains, at: Date.now() });
      },
      onLead: (lead) => arrived.push(lead),
      now: () => t,
    });
    setLeadClockTime(() => t);

    await live.start();
    live.stop();
    expect(arrived.map((l) => [l.make, l.receivedAt])).to.deep.equal([['Chevrolet', new Date(opened).toISOString()]]);
    expect(told).to.deep.equal([['leads']]);

    const el = await fixture<FcLeadClock>(html`<fc-lead-clock .adapter=${client} lead-id=${arrived[0]!.id}></fc-lead-clock>`);
    await waitUntil(() => part(el, 'countdown') === '5:00:00', `the clock did not start: ${text(el.shadowRoot)}`, { timeout: 5000 });
    t += 9_000;
    tickLeadClocks();
    expect(part(el, 'countdown'), 'it ticks').to.equal('4:59:51');
    await expect(el).to.be.accessible();

    // Ten seconds in a vehicle arrives; 35 seconds after the lead, an email is sent: the clock stops, green.
    const board = async () => (await backend.customers!.board({ date: '2026-12-07' })).length;
    const texts = async () => (await backend.sms!.list({ from: '2026-12-07', to: '2026-12-07', limit: 1 })).total;
    const [boardBefore, textsBefore] = [await board(), await texts()];
    t = opened + 35_000;
    await live.runDue();
    expect(told.slice(1), 'the vehicle, the auto-response, the email').to.deep.equal([['customers'], ['leads'], ['leads']]);
    await waitUntil(() => /Stopped by email sent/.test(text(el.shadowRoot)), `the clock did not stop: ${text(el.shadowRoot)}`);
    expect(part(el, 'grade')).to.match(/green, quick/);
    await expect(el).to.be.accessible();
    expect(await board(), 'a vehicle arrived').to.equal(boardBefore + 1);

    // Then every 20 seconds: texts, another lead.
    t = opened + 55_000;
    await live.runDue();
    expect(await texts(), 'texts came and went').to.be.above(textsBefore);
    t = opened + 75_000;
    await live.runDue();
    expect(arrived.length, 'another lead').to.equal(2);
    expect(told.slice(4)).to.deep.equal([['sms'], ['leads']]);
  });
});
