/**
 * The demo page's overview (`demo/demo-overview.ts`): its one write, "Map the next unmapped
 * source", against what the source-mapping editor or an earlier press already queued, and what
 * "Clear cached data" says it did.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../demo/demo-overview.js';
import type { FcDemoOverview } from '../../demo/demo-overview.js';
import { isEntryOf } from '../../src/data/cache/outbox.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { PosSource } from '../../src/data/model.js';
import { closeClients, startDemoServer } from '../components/rig.js';
import type { DemoServer } from '../components/rig.js';

const TODAY = '2026-03-17';

let server: DemoServer;

const button = (el: FcDemoOverview, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').trim() === name)!;
const logLines = (el: FcDemoOverview) => [...el.shadowRoot!.querySelectorAll('[role="log"] li')].map((li) => li.textContent!.trim());

/** The sources the server holds that are not deleted and not mapped, in list order. */
async function unmapped(): Promise<PosSource[]> {
  return (await server.backend.sources!.list()).filter((s) => !s.deleted && s.categoryId === null);
}

async function overview(adapter: CachedAdapter): Promise<FcDemoOverview> {
  const el = await fixture<FcDemoOverview>(html`<fc-demo-overview .adapter=${adapter} today=${TODAY}></fc-demo-overview>`);
  await waitUntil(() => !button(el, 'Map the next unmapped source to its suggested category').disabled, 'the overview did not load');
  // Its first reads cache the sources and categories, so the writes below work offline.
  await waitUntil(() => /of \d+ \(/.test(el.shadowRoot!.textContent!), 'the counts did not load');
  return el;
}

async function press(el: FcDemoOverview): Promise<void> {
  const before = logLines(el).length;
  button(el, 'Map the next unmapped source to its suggested category').click();
  await waitUntil(() => logLines(el).length > before, 'nothing was logged');
}

describe('<fc-demo-overview>', () => {
  before(async () => {
    server = await startDemoServer(generateDataset({ size: 'small', today: TODAY }));
  });
  afterEach(async () => {
    server.faults.offline = false;
    await closeClients();
  });

  it('"Map the next unmapped source" passes over a source whose change the editor already queued', async () => {
    const adapter = server.client();
    const el = await overview(adapter);
    const [first, second] = await unmapped();
    server.faults.offline = true;
    // What the source-mapping editor sends for a mapping: the change, based on the version it read.
    const edited = adapter.sources!.update({ id: first!.id, expectedVersion: first!.version, categoryId: 'internet', name: 'By the editor' });
    await waitUntil(async () => (await adapter.outbox.list()).length === 1, 'the editor’s change was not queued');

    await press(el);
    const queued = (await adapter.outbox.list()).filter((e) => isEntryOf(e, 'sources', 'update')).map((e) => (e.args as { id: string }).id);
    expect(queued, 'one change per source').to.deep.equal([first!.id, second!.id]);

    server.faults.offline = false;
    await adapter.outbox.flush();
    await edited;
    await waitUntil(() => logLines(el).some((line) => line.startsWith('Confirmed')), `log: ${logLines(el).join(' | ')}`);
    expect(await adapter.outbox.list(), 'nothing left, no conflict').to.deep.equal([]);
    const held = await server.backend.sources!.list();
    expect(held.find((s) => s.id === first!.id)!.name).to.equal('By the editor');
    expect(held.find((s) => s.id === second!.id)!.categoryId).to.not.equal(null);
  });

  it('a second press after a reload does not send the queued change again', async () => {
    const adapter = server.client();
    const el = await overview(adapter);
    const [first, second] = await unmapped();
    server.faults.offline = true;
    await press(el);
    el.remove();
    // The page again, with the change still in the outbox.
    const again = await overview(adapter);
    await press(again);
    const queued = (await adapter.outbox.list()).filter((e) => isEntryOf(e, 'sources', 'update')).map((e) => (e.args as { id: string }).id);
    expect(queued).to.deep.equal([first!.id, second!.id]);
    server.faults.offline = false;
    await adapter.outbox.flush();
    await waitUntil(async () => (await adapter.outbox.list()).length === 0, 'the changes were not sent');
    expect(logLines(again).filter((line) => line.startsWith('Not saved')), 'no conflict').to.deep.equal([]);
  });

  it('"Clear cached data" says that the changes not yet sent are dropped, and how many', async () => {
    const adapter = server.client();
    const el = await overview(adapter);
    server.faults.offline = true;
    await press(el);
    await press(el);
    await waitUntil(async () => (await adapter.outbox.list()).length === 2);
    const before = logLines(el).length;
    button(el, 'Clear cached data').click();
    await waitUntil(() => logLines(el).slice(before).some((line) => line.startsWith('Cached data cleared')), 'nothing was logged');
    const line = logLines(el).find((l) => l.startsWith('Cached data cleared'))!;
    expect(line).to.match(/2 changes not yet sent were dropped/);
    expect(line).not.to.match(/kept/);
    expect(await adapter.outbox.list()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });
});
