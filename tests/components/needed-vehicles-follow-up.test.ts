import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/needed-vehicles/fc-needed-vehicles.js';
import type { FcNeededVehicles } from '../../src/components/needed-vehicles/fc-needed-vehicles.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import type { Dataset, VehicleWant } from '../../src/data/model.js';
import { closeClients, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';
import { want as baseWant } from '../data/want-rig.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const NOW = Date.now();
const ago = (ms: number) => new Date(NOW - ms).toISOString();

/** A want made 40 days ago, never followed up. */
const want = (id: string, over: Partial<VehicleWant> = {}): VehicleWant =>
  baseWant(id, { createdAt: ago(40 * DAY), lastContactAt: null, followUpNote: null, version: 1, ...over });

function dataset(): Dataset {
  return {
    ...generateDataset({ size: 'small' }),
    wants: [
      // 9 days and an hour since the last call: 9 whole days.
      want('d1', { customerName: 'Ana Ruiz', lastContactAt: ago(9 * DAY + HOUR) }),
      // Never called, wanted 12 days and an hour ago.
      want('d2', { customerName: 'Bo Chen', model: 'Pilot', createdAt: ago(12 * DAY + HOUR) }),
      // Called two days ago: not due.
      want('n1', { customerName: 'Cy Diaz', lastContactAt: ago(2 * DAY), followUpNote: 'Wants it before spring.' }),
    ],
  };
}

const own: CachedAdapter[] = [];
function ownClient(server: DemoServer, maxAttempts: number): CachedAdapter {
  const id = crypto.randomUUID().slice(0, 8);
  const client = withCache(createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 }), {
    tenant: `nv-${id}`,
    user: `u-${id}`,
    retry: { baseMs: 10, maxMs: 40, maxAttempts },
  });
  own.push(client);
  return client;
}

async function mount(adapter: ForecourtAdapter, days?: number | string) {
  const el = await fixture<FcNeededVehicles>(html`<fc-needed-vehicles .adapter=${adapter} follow-up-days=${days ?? 7}></fc-needed-vehicles>`);
  await waitUntil(() => el.shadowRoot!.querySelector('.group, [part~="empty"], [part~="error"]'), 'never loaded', { timeout: 8000 });
  // The follow-up part loads apart from the list.
  await waitUntil(() => el.shadowRoot!.querySelector('.follow-up'), 'follow-up part never loaded', { timeout: 8000 });
  return el;
}

const row = (el: FcNeededVehicles, id: string) => el.shadowRoot!.querySelector<HTMLTableRowElement>(`tr[data-want="${id}"]`)!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const click = (scope: Element, name: string) => {
  const button = [...scope.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
  if (!button) throw new Error(`no button "${name}" in ${text(scope)}`);
  button.click();
};
const stored = async (server: DemoServer, id: string) => (await server.backend.vehicles!.wants({ limit: 100 })).items.find((w) => w.id === id)!;

/** Waits until `find` finds something, and returns it. */
async function found<T>(find: () => T | null | undefined, message: string, timeout = 5000): Promise<T> {
  await waitUntil(() => find(), message, { timeout });
  return find()!;
}

async function writeNote(el: FcNeededVehicles, id: string, note: string) {
  click(row(el, id), 'Mark followed up');
  const dialog = await found(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 'no form');
  const textarea = dialog.querySelector('textarea')!;
  await waitUntil(() => el.shadowRoot!.activeElement === textarea, 'the note does not take focus');
  textarea.value = note;
  textarea.dispatchEvent(new Event('input', { bubbles: true }));
  return dialog;
}

describe('<fc-needed-vehicles> follow-up', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await startDemoServer(dataset());
  });
  afterEach(async () => {
    server.faults.failing = false;
    server.faults.offline = false;
    await Promise.all(own.splice(0).map((c) => c.clearCache().finally(() => c.close())));
    await closeClients();
  });

  it('marks the wants due for follow-up in words, counts them and shows them alone', async () => {
    const el = await mount(server.client());
    expect(text(row(el, 'd1').querySelector('.follow'))).to.contain('Follow-up due (no contact in 9 days)');
    expect(text(row(el, 'd2').querySelector('.follow'))).to.contain('Follow-up due (never contacted, waiting 12 days)');
    const calm = text(row(el, 'n1').querySelector('.follow'));
    expect(calm).to.match(/^Last contact \w{3} \d{1,2}, \d{4}/);
    expect(calm).to.contain('Note: “Wants it before spring.”');
    expect(calm).not.to.contain('due');
    expect(shadowText(el)).to.contain('2 due for follow-up.');
    await expect(el).to.be.accessible();

    const only = [...el.shadowRoot!.querySelectorAll('label')].find((l) => text(l) === 'Only those due for follow-up')!.querySelector('input')!;
    only.click();
    await waitUntil(() => !row(el, 'n1'), 'the want not due still shows');
    expect(!!row(el, 'd1') && !!row(el, 'd2')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('takes the number of days from follow-up-days, and the instant from now', async () => {
    const el = await mount(server.client(), 10);
    // 9 days without contact is not yet due at 10; 12 days since the want is.
    expect(text(row(el, 'd1').querySelector('.follow'))).not.to.contain('due');
    expect(shadowText(el)).to.contain('1 due for follow-up.');
    // Judged two days later (\`now\`): 11 days without contact is due at 10.
    el.now = new Date(NOW + 2 * DAY).toISOString();
    await el.updateComplete;
    expect(text(row(el, 'd1').querySelector('.follow'))).to.contain('Follow-up due (no contact in 11 days)');
    expect(shadowText(el)).to.contain('2 due for follow-up.');
  });

  it('warns once and counts 7 days when follow-up-days is not a number', async () => {
    const warnings: unknown[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args[0]);
    try {
      const el = await mount(server.client(), 'soon');
      expect(shadowText(el)).to.contain('2 due for follow-up.');
      el.requestUpdate();
      await el.updateComplete;
      expect(warnings).to.deep.equal(['<fc-needed-vehicles>: follow-up-days "soon" is not a number of days; 7 is used.']);
    } finally {
      console.warn = original;
    }
  });

  it('saves "Mark followed up" with its note and fires fc-want-follow-up for the CRM task', async () => {
    const el = await mount(server.client());
    const dialog = await writeNote(el, 'd1', 'Called: budget up to $28k.');
    await expect(el).to.be.accessible();
    const event = oneEvent(el, 'fc-want-follow-up');
    click(dialog, 'Save follow-up');
    const { detail } = await event;
    expect(detail.wantId).to.equal('d1');
    expect(detail.customerId).to.equal('x-d1');
    expect(detail.customerName).to.equal('Ana Ruiz');
    expect(detail.note).to.equal('Called: budget up to $28k.');
    expect(detail.want.version).to.equal(2);
    const saved = await stored(server, 'd1');
    expect(saved.followUpNote).to.equal('Called: budget up to $28k.');
    expect(saved.version).to.equal(2);
    expect(Date.parse(saved.lastContactAt!)).to.be.at.least(NOW);
    expect(detail.followedUpAt).to.equal(saved.lastContactAt);
    await waitUntil(() => !text(row(el, 'd1')).includes('Follow-up due'), 'still due');
    expect(text(row(el, 'd1').querySelector('.follow'))).to.contain('Note: “Called: budget up to $28k.”');
    expect(shadowText(el)).to.contain('1 due for follow-up.');
    expect(shadowText(el)).to.contain('Follow-up with Ana Ruiz saved.');
  });

  it('works from the keyboard: Escape closes the form, keeps the draft and returns focus', async () => {
    const el = await mount(server.client());
    const mark = row(el, 'd2').querySelector<HTMLButtonElement>('.follow-up button')!;
    expect(mark.getAttribute('aria-label')).to.equal('Mark followed up: Bo Chen');
    mark.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'follow-up-note', 'the note does not take focus');
    await sendKeys({ type: 'No answer' });
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog[open]') && el.shadowRoot!.activeElement === row(el, 'd2').querySelector('.follow-up button'), 'focus not back');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => el.shadowRoot!.activeElement?.id === 'follow-up-note', 'the note does not take focus');
    expect(el.shadowRoot!.querySelector('textarea')!.value).to.equal('No answer');
    const event = oneEvent(el, 'fc-want-follow-up');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    expect((await event).detail.note).to.equal('No answer');
  });

  it('keeps a note typed and not sent through a reload', async () => {
    const adapter = server.client();
    const first = await mount(adapter);
    const dialog = await writeNote(first, 'd2', 'Call back Friday.');
    click(dialog, 'Cancel');
    await waitUntil(() => text(row(first, 'd2')).includes('Unsent note: “Call back Friday.”'), 'no draft shown');
    await waitUntil(async () => (await adapter.preferences!.get<Record<string, string>>('needed-vehicles.follow-up-drafts'))?.d2 === 'Call back Friday.', 'draft not kept');
    first.remove();

    const again = await mount(adapter);
    await waitUntil(() => text(row(again, 'd2')).includes('Unsent note: “Call back Friday.”'), 'draft lost on reload');
    click(row(again, 'd2'), 'Mark followed up');
    await waitUntil(() => again.shadowRoot!.querySelector('dialog[open] textarea'), 'no form');
    expect(again.shadowRoot!.querySelector('textarea')!.value).to.equal('Call back Friday.');
    await expect(again).to.be.accessible();
  });

  it('keeps the note through a failure and saves it on Retry', async () => {
    const el = await mount(ownClient(server, 2));
    const dialog = await writeNote(el, 'd2', 'Left a voicemail.');
    server.faults.failing = true;
    click(dialog, 'Save follow-up');
    const alert = await found(() => row(el, 'd2').querySelector('[role="alert"]'), 'no failure shown', 8000);
    expect(text(alert)).to.contain('The follow-up was not saved. The server had a problem (HTTP 503).');
    expect(text(alert)).to.contain('Your note: “Left a voicemail.”');
    await expect(el).to.be.accessible();

    // "Edit note" opens the form with the note as typed.
    click(row(el, 'd2'), 'Edit note');
    const again = await found(() => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog[open]'), 'no form');
    expect(again.querySelector('textarea')!.value).to.equal('Left a voicemail.');
    click(again, 'Cancel');
    await waitUntil(() => !el.shadowRoot!.querySelector('dialog[open]'), 'the form stays open');

    server.faults.failing = false;
    const event = oneEvent(el, 'fc-want-follow-up');
    click(row(el, 'd2'), 'Retry');
    expect((await event).detail.note).to.equal('Left a voicemail.');
    expect((await stored(server, 'd2')).followUpNote).to.equal('Left a voicemail.');
    await waitUntil(() => !row(el, 'd2').querySelector('[role="alert"]') && !text(row(el, 'd2')).includes('Follow-up due'), 'the failure still shows');
  });

  it('keeps a follow-up made offline in the outbox and sends it when the server is back', async () => {
    const adapter = ownClient(server, 10);
    const el = await mount(adapter);
    const dialog = await writeNote(el, 'd1', 'Met at the lot.');
    server.faults.offline = true;
    click(dialog, 'Save follow-up');
    await waitUntil(() => text(row(el, 'd1')).includes('Not sent yet'), 'not shown as waiting', { timeout: 8000 });
    expect(text(row(el, 'd1'))).to.contain('Your note: “Met at the lot.”');
    expect((await adapter.outbox.list()).map((e) => [e.domain, e.method])).to.deep.equal([['vehicles', 'followUp']]);
    expect((await stored(server, 'd1')).followUpNote).to.equal(null);
    await expect(el).to.be.accessible();

    server.faults.offline = false;
    const event = oneEvent(el, 'fc-want-follow-up');
    await adapter.outbox.flush();
    expect((await event).detail.note).to.equal('Met at the lot.');
    expect((await stored(server, 'd1')).followUpNote).to.equal('Met at the lot.');
    await waitUntil(() => !text(row(el, 'd1')).includes('Follow-up due'), 'still due');
  });

  it('shows a follow-up made elsewhere as a conflict and saves mine on request', async () => {
    const el = await mount(server.client());
    await server.backend.vehicles!.followUp!({ wantId: 'd1', note: 'Texted by Dana.', expectedVersion: 1 });
    const dialog = await writeNote(el, 'd1', 'Called again.');
    click(dialog, 'Save follow-up');
    const alert = await found(() => row(el, 'd1').querySelector('[role="alert"]'), 'no conflict shown', 8000);
    expect(text(alert)).to.match(/Someone else followed up with this customer since \(last contact \w{3} \d{1,2}, \d{4}\)\./);
    expect(text(alert)).to.contain('Your note: “Called again.”');
    await expect(el).to.be.accessible();
    click(row(el, 'd1'), 'Save mine anyway');
    await waitUntil(async () => (await stored(server, 'd1')).followUpNote === 'Called again.', 'mine not saved');
    expect((await stored(server, 'd1')).version).to.equal(3);
  });

  it('has no follow-up column when the host does not record follow-ups', async () => {
    const memory = createMemoryAdapter(dataset());
    const { followUp: _none, ...vehicles } = memory.vehicles!;
    const el = await fixture<FcNeededVehicles>(html`<fc-needed-vehicles .adapter=${{ ...memory, vehicles }}></fc-needed-vehicles>`);
    await waitUntil(() => el.shadowRoot!.querySelector('.group'), 'never loaded');
    expect(el.shadowRoot!.querySelector('.follow')).to.equal(null);
    expect(shadowText(el)).not.to.contain('due for follow-up');
  });
});
