import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../../src/components/deleted-customers/fc-deleted-customers.js';
import type { FcDeletedCustomers } from '../../src/components/deleted-customers/deleted-customers.element.js';
import type { DeletedQuery, ForecourtAdapter } from '../../src/data/adapter.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import { AdapterError } from '../../src/data/errors.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { Customer, Dataset, DeletedRecord } from '../../src/data/model.js';
import { closeClients, shadowText, startDemoServer, useHandlers } from './rig.js';
import type { DemoServer } from './rig.js';

const XSS = '<img src=x onerror=alert(1)>';
const ZONE = 'America/Chicago';
const FROM = '2026-11-01';
const TO = '2026-11-23';

const until = (predicate: () => unknown, message?: string, timeout = 8000) => waitUntil(predicate, message, { timeout });
const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

const record = (over: Partial<DeletedRecord>): DeletedRecord => ({
  id: 'del-x',
  kind: 'customer',
  customerId: 'c-x',
  customerName: 'Someone',
  deletedAt: '2026-11-10T15:00:00.000Z',
  deletedBy: 'Dana Ruiz',
  reason: 'manual',
  mergedIntoId: null,
  mergedIntoName: null,
  fields: {},
  restoredAt: null,
  restoredBy: null,
  version: 1,
  ...over,
});

const SURVIVOR: Customer = {
  id: 'c-ana',
  firstName: 'Ana',
  lastName: 'López',
  phone: '+15125550001',
  email: null,
  sourceId: null,
  status: 'active',
  firstVisit: '2024-05-01',
  version: 3,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

/** Newest first: José, Ana's merge leftover, the markup name, a leftover whose survivor is gone, one restored already. */
const RECORDS: DeletedRecord[] = [
  record({
    id: 'del-jose',
    customerId: 'c-jose',
    customerName: 'José Muñoz',
    deletedAt: '2026-11-20T16:00:00.000Z',
    fields: { firstName: 'José', lastName: 'Muñoz', phone: '+15125550009', email: 'jose@example.com', status: 'active', version: '2' },
  }),
  record({
    id: 'del-ana',
    kind: 'merge-leftover',
    customerId: 'c-ana',
    customerName: 'Ana Lopez',
    deletedAt: '2026-11-18T16:00:00.000Z',
    reason: 'merge',
    mergedIntoId: 'c-ana',
    mergedIntoName: 'Ana López',
    fields: { phone: '+15125550077', email: 'ana.old@example.com' },
  }),
  record({
    id: 'del-xss',
    customerId: 'c-xss',
    customerName: XSS,
    deletedAt: '2026-11-15T16:00:00.000Z',
    reason: 'auto-merge',
    deletedBy: 'Automatic merge',
    fields: { firstName: '<img', lastName: 'src=x onerror=alert(1)>', email: 'javascript:alert(1)' },
  }),
  record({
    id: 'del-gone',
    kind: 'merge-leftover',
    customerId: 'c-gone',
    customerName: 'Bo Smith',
    deletedAt: '2026-11-12T16:00:00.000Z',
    reason: 'merge',
    mergedIntoId: 'c-gone',
    mergedIntoName: 'Bo Smith',
    fields: { email: 'bo@example.com' },
  }),
  record({
    id: 'del-done',
    customerId: 'c-done',
    customerName: 'Cy Young',
    deletedAt: '2026-11-05T16:00:00.000Z',
    restoredAt: '2026-11-06T15:30:00.000Z',
    restoredBy: 'Mike Chen',
  }),
];

function dataset(records: DeletedRecord[] = RECORDS): Dataset {
  const data = generateDataset({ size: 'small' });
  return { ...data, customers: [SURVIVOR, ...data.customers], deleted: records };
}

let server: DemoServer;

async function mount(adapter: ForecourtAdapter | undefined, opts: { from?: string; to?: string; pageSize?: number } = {}) {
  return fixture<FcDeletedCustomers>(html`<fc-deleted-customers
    .adapter=${adapter}
    from=${opts.from ?? FROM}
    to=${opts.to ?? TO}
    time-zone=${ZONE}
    page-size=${opts.pageSize ?? 50}
  ></fc-deleted-customers>`);
}

const root = (el: FcDeletedCustomers) => el.shadowRoot!;
const rowsOf = (el: FcDeletedCustomers) => [...root(el).querySelectorAll<HTMLTableRowElement>('tbody tr')];
const loaded = (el: FcDeletedCustomers) => until(() => rowsOf(el).length > 0, 'the list did not render');
const nameOf = (row: Element) => text(row.querySelector('th[scope="row"] .name')!);
const rowFor = (el: FcDeletedCustomers, name: string) => rowsOf(el).find((r) => nameOf(r) === name)!;
const boxOf = (row: Element) => row.querySelector<HTMLInputElement>('input.check')!;
const statusOf = (row: Element) => text(row.querySelector('td:last-child')!);
const restoreButton = (el: FcDeletedCustomers) => root(el).querySelector<HTMLButtonElement>('[part~="restore-button"]')!;
const dialogOf = (el: FcDeletedCustomers) => root(el).querySelector('dialog');
const checkedNames = (el: FcDeletedCustomers) => rowsOf(el).filter((r) => boxOf(r).checked).map(nameOf);

async function serverRecord(id: string): Promise<DeletedRecord> {
  const page = await server.backend.deleted!.list({ from: FROM, to: TO, includeRestored: true, limit: 1000 });
  return page.items.find((r) => r.id === id)!;
}
async function serverCustomer(id: string): Promise<Customer | undefined> {
  return (await server.backend.customers!.list({ limit: 1000 })).items.find((c) => c.id === id);
}

async function openConfirm(el: FcDeletedCustomers): Promise<HTMLDialogElement> {
  restoreButton(el).click();
  await until(() => dialogOf(el)?.open, 'the confirmation did not open');
  return dialogOf(el)!;
}

describe('<fc-deleted-customers>', () => {
  beforeEach(async () => {
    server = await startDemoServer(dataset());
  });
  afterEach(async () => {
    server.faults.offline = false;
    server.faults.failing = false;
    server.faults.latencyMs = 0;
    await closeClients();
  });

  it("lists who, when in the dealer's zone, by whom, why, into whom and what was not kept", async () => {
    const el = await mount(server.client());
    await loaded(el);
    expect(rowsOf(el).map(nameOf)).to.deep.equal(['José Muñoz', 'Ana Lopez', XSS, 'Bo Smith', 'Cy Young']);
    expect([...root(el).querySelectorAll('thead th[scope="col"]')].map(text).slice(1)).to.deep.equal([
      'Customer',
      'Deleted',
      'By',
      'Why',
      'What was removed',
      'Status',
    ]);
    const cells = (name: string) => [...rowFor(el, name).querySelectorAll('th, td')].map(text);
    const jose = cells('José Muñoz');
    expect(jose[1]).to.equal('José Muñoz Phone: +15125550009 Email: jose@example.com');
    expect(jose[2]).to.equal('Nov 20, 2026, 10:00 AM CST');
    expect(jose.slice(3, 6)).to.deep.equal(['Dana Ruiz', 'Deleted by hand', 'The whole customer']);
    expect(jose[6]).to.equal('');
    const ana = cells('Ana Lopez');
    expect(ana[4]).to.equal('Merged into Ana López');
    expect([...rowFor(el, 'Ana Lopez').querySelectorAll('td li')].map(text)).to.deep.equal([
      'Phone: +15125550077',
      'Email: ana.old@example.com',
    ]);
    expect(ana[5]).to.match(/^Not kept in the merge:/);
    expect(cells(XSS).slice(3, 5)).to.deep.equal(['Automatic merge', 'Automatic merge']);
    const done = rowFor(el, 'Cy Young');
    expect(statusOf(done)).to.equal('✓Restored by Mike Chen, Nov 6, 2026, 9:30 AM CST');
    // The status reads as one run of text beside its mark: its words are not broken into letters in a column of their own.
    const restored = done.querySelector('[part~="restored"]')!;
    const said = [...restored.querySelectorAll('*')].flatMap((e) => [...e.childNodes]).find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.startsWith('Restored'))!;
    const word = document.createRange();
    word.setStart(said, 0);
    word.setEnd(said, 'Restored'.length);
    expect(word.getClientRects().length, '"Restored" on one line').to.equal(1);
    expect(boxOf(done).disabled).to.equal(true);
    expect(text(root(el).querySelector('caption')!)).to.equal('Deleted customers, Nov 1 – 23, 2026');
    expect(shadowText(el)).to.contain('5 deleted records in the range; 5 shown.');
    await expect(el).to.be.accessible();
  });

  it("reads the 30 days up to today in the dealer's zone when no range is set, or up to the end given", async () => {
    // Kiritimati is UTC+14 and Pago Pago UTC-11 all year, so at any hour one of them is on another
    // date than UTC; their dates are worked out here without any zone library.
    const el = await fixture<FcDeletedCustomers>(html`<fc-deleted-customers .adapter=${server.client()} time-zone="Pacific/Kiritimati"></fc-deleted-customers>`);
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const field = (name: string) => root(el).querySelector<HTMLInputElement>(`[name="${name}"]`)!.value;
    const last30 = (offsetHours: number) => {
      const now = Date.now() + offsetHours * 3_600_000;
      return [day(now - 29 * 86_400_000), day(now)];
    };
    expect([field('from'), field('to')]).to.deep.equal(last30(14));
    el.timeZone = 'Pacific/Pago_Pago';
    await el.updateComplete;
    expect([field('from'), field('to')]).to.deep.equal(last30(-11));
    el.to = '2026-03-01';
    await el.updateComplete;
    expect([field('from'), field('to')]).to.deep.equal(['2026-01-31', '2026-03-01']);
    await until(() => !shadowText(el).includes('Loading'), 'the list did not load');
    await expect(el).to.be.accessible();
  });

  it("takes today in the dealer profile's zone, not the viewer's, when no time-zone is set", async () => {
    expect(server.dataset.dealer.zone).to.equal('America/Chicago');
    const before = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const realNow = Date.now;
    await executeServerCommand('emulate-timezone', { timezoneId: 'Asia/Tokyo' });
    // Noon of Nov 24 in Tokyo is 9 PM of Nov 23 in Chicago: the dealer's today is the 23rd.
    Date.now = () => Date.parse('2026-11-24T03:00:00Z');
    try {
      const el = await fixture<FcDeletedCustomers>(html`<fc-deleted-customers .adapter=${server.client()}></fc-deleted-customers>`);
      const field = (name: string) => root(el).querySelector<HTMLInputElement>(`[name="${name}"]`)!.value;
      await until(() => !shadowText(el).includes('Loading'), 'the list did not load');
      expect([field('from'), field('to')]).to.deep.equal(['2026-10-25', '2026-11-23']);
      expect(text(root(el).querySelector('caption')!)).to.equal('Deleted customers, Oct 25 – Nov 23, 2026');
      await expect(el).to.be.accessible();
    } finally {
      Date.now = realNow;
      await executeServerCommand('emulate-timezone', { timezoneId: before });
    }
  });

  it('renders names and values with markup as text', async () => {
    const el = await mount(server.client());
    await loaded(el);
    expect(root(el).querySelectorAll('img, a').length).to.equal(0);
    expect(nameOf(rowFor(el, XSS))).to.equal(XSS);
    expect(text(rowFor(el, XSS).querySelector('th')!)).to.contain('javascript:alert(1)');
  });

  it('checks all, a Shift+click range, and shows the header as mixed', async () => {
    const el = await mount(server.client());
    await loaded(el);
    const all = root(el).querySelector<HTMLInputElement>('input.all')!;
    expect(all.getAttribute('aria-label')).to.equal('Check all 4 restorable records shown');
    all.click();
    await el.updateComplete;
    expect(checkedNames(el)).to.deep.equal(['José Muñoz', 'Ana Lopez', XSS, 'Bo Smith']);
    expect(shadowText(el)).to.contain('4 checked');
    all.click();
    await el.updateComplete;
    expect(checkedNames(el)).to.deep.equal([]);
    expect(restoreButton(el).getAttribute('aria-disabled')).to.equal('true');

    boxOf(rowFor(el, 'José Muñoz')).click();
    boxOf(rowFor(el, XSS)).dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(checkedNames(el)).to.deep.equal(['José Muñoz', 'Ana Lopez', XSS]);
    expect(all.indeterminate).to.equal(true);
    expect(all.checked).to.equal(false);
    // Shift+click back up from the anchor unchecks the range.
    boxOf(rowFor(el, 'Ana Lopez')).dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(checkedNames(el)).to.deep.equal(['José Muñoz']);
    await expect(el).to.be.accessible();
  });

  it('restores by keyboard alone: Space, Shift+Space range, confirm with the fields chosen', async () => {
    const el = await mount(server.client());
    await loaded(el);
    const requested = oneEvent(el, 'fc-request-restore');
    boxOf(rowFor(el, 'José Muñoz')).focus();
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(checkedNames(el)).to.deep.equal(['José Muñoz', 'Ana Lopez', XSS]);
    // Back past two rows' boxes, "select all" and the table's scroll box (a Tab stop while the
    // table is wider than the page, so the keyboard can scroll it) to Restore.
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement === restoreButton(el)).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => dialogOf(el)?.open, 'the confirmation did not open');
    const dialog = dialogOf(el)!;
    expect(text(dialog.querySelector('h2')!)).to.equal('Restore 3 checked customers?');
    expect(text(dialog)).to.contain('2 come back whole:');
    const legend = text(dialog.querySelector('fieldset.leftover legend')!);
    expect(legend).to.equal('Ana Lopez, merged into Ana López');
    const choices = [...dialog.querySelectorAll<HTMLLabelElement>('label.choice')];
    expect(choices.map(text)).to.deep.equal([
      'Phone: +15125550077 (now +15125550001; replaces it)',
      'Email: ana.old@example.com (now (none))',
    ]);
    // The survivor's phone is not overwritten unless asked; the missing email is suggested.
    expect(choices.map((c) => c.querySelector('input')!.checked)).to.deep.equal([false, true]);
    expect(el.shadowRoot!.activeElement === choices[0]!.querySelector('input')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Enter' });
    const event = await requested;
    expect(event.detail.request).to.deep.equal({ ids: ['del-jose', 'del-xss', 'del-ana'], fields: { 'del-ana': ['email'] } });
    await until(() => statusOf(rowFor(el, 'José Muñoz')).includes('Restored'), 'José was not restored');
    await until(() => statusOf(rowFor(el, 'Ana Lopez')).includes('Restored'));
    expect(el.shadowRoot!.activeElement === restoreButton(el)).to.equal(true);
    expect((await serverRecord('del-jose')).restoredAt).to.be.a('string');
    expect(await serverCustomer('c-jose')).to.include({ id: 'c-jose', phone: '+15125550009', email: 'jose@example.com' });
    expect(await serverCustomer('c-ana')).to.include({ id: 'c-ana', phone: '+15125550001', email: 'ana.old@example.com' });
    expect(boxOf(rowFor(el, 'José Muñoz')).disabled).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says why a record could not be restored, and it can be checked again', async () => {
    const el = await mount(server.client());
    await loaded(el);
    boxOf(rowFor(el, 'Bo Smith')).click();
    await el.updateComplete;
    const dialog = await openConfirm(el);
    expect(text(dialog)).to.contain('The surviving customer no longer exists: restore that customer first.');
    await expect(el).to.be.accessible();
    const complete = oneEvent(el, 'fc-restore-complete');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    const { detail } = await complete;
    expect(detail.result.failed.map((f: { code: string }) => f.code)).to.deep.equal(['target-missing']);
    await until(() => statusOf(rowFor(el, 'Bo Smith')).includes('Not restored'));
    expect(statusOf(rowFor(el, 'Bo Smith'))).to.equal('✕Not restored: Bo Smith no longer exists; restore that customer first.');
    expect(boxOf(rowFor(el, 'Bo Smith')).disabled).to.equal(false);
  });

  it('asks for at least one field of a merge leftover, and Cancel sends nothing', async () => {
    const el = await mount(server.client());
    await loaded(el);
    boxOf(rowFor(el, 'Ana Lopez')).click();
    await el.updateComplete;
    const dialog = await openConfirm(el);
    expect(text(dialog.querySelector('h2')!)).to.equal('Restore 1 checked customer?');
    const email = dialog.querySelectorAll<HTMLInputElement>('label.choice input')[1]!;
    email.click();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await el.updateComplete;
    expect(text(dialog.querySelector('.nothing')!)).to.equal('Nothing to restore: check at least one field or related record, or cancel.');
    expect(dialog.open).to.equal(true);
    [...dialog.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === 'Cancel')!.click();
    await until(() => !dialogOf(el));
    expect((await serverRecord('del-ana')).restoredAt).to.equal(null);
    expect(statusOf(rowFor(el, 'Ana Lopez'))).to.equal('');
  });

  it('keeps a restore made offline pending in the outbox and completes it when the server is back', async () => {
    const adapter = server.client();
    const el = await mount(adapter);
    await loaded(el);
    server.faults.offline = true;
    boxOf(rowFor(el, 'José Muñoz')).click();
    await el.updateComplete;
    const dialog = await openConfirm(el);
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => statusOf(rowFor(el, 'José Muñoz')).includes('waiting for the connection'), 'no waiting mark');
    expect(statusOf(rowFor(el, 'José Muñoz'))).to.equal('⏳Restoring… waiting for the connection');
    const queued = await adapter.outbox.list();
    expect(queued.map((e) => [e.domain, e.method, (e.args as { ids: string[] }).ids])).to.deep.equal([['deleted', 'restore', ['del-jose']]]);
    expect((await serverRecord('del-jose')).restoredAt).to.equal(null);
    await expect(el).to.be.accessible();

    // Another view of the report (a reload, another widget) sees the queued restore as pending too.
    const again = await mount(adapter);
    await loaded(again);
    await until(() => statusOf(rowFor(again, 'José Muñoz')).includes('Restoring'), 'the queued restore is not shown');
    expect(boxOf(rowFor(again, 'José Muñoz')).disabled).to.equal(true);

    server.faults.offline = false;
    await adapter.outbox.flush();
    await until(() => statusOf(rowFor(el, 'José Muñoz')).startsWith('✓Restored'), 'not restored after the connection came back');
    await until(() => statusOf(rowFor(again, 'José Muñoz')).startsWith('✓Restored'), 'the other view did not refresh');
    expect((await serverRecord('del-jose')).restoredAt).to.be.a('string');
    expect((await serverCustomer('c-jose'))?.email).to.equal('jose@example.com');
    expect(await adapter.outbox.list()).to.deep.equal([]);
  });

  it('says a record restored elsewhere meanwhile was already restored, not an error to retry', async () => {
    const el = await mount(server.client());
    await loaded(el);
    // Someone else restores José after this list was compiled.
    await server.backend.deleted!.restore({ ids: ['del-jose'] });
    const at = (await serverRecord('del-jose')).restoredAt!;
    boxOf(rowFor(el, 'José Muñoz')).click();
    await el.updateComplete;
    const dialog = await openConfirm(el);
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => statusOf(rowFor(el, 'José Muñoz')).includes('Already'), 'no "already restored"');
    const when = new Intl.DateTimeFormat('en', {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZone: ZONE,
      timeZoneName: 'short',
    })
      .format(Date.parse(at))
      .replace(/\s+/g, ' ');
    expect(statusOf(rowFor(el, 'José Muñoz'))).to.equal(`ℹAlready restored elsewhere, ${when}`);
    expect(boxOf(rowFor(el, 'José Muñoz')).disabled).to.equal(true);
    expect(shadowText(el)).to.contain('Restore finished: 0 restored, 1 already restored elsewhere, 0 not restored.');
  });

  it('shows who restored it when the server answers 409 with the details', async () => {
    const jose = RECORDS[0]!;
    const adapter: ForecourtAdapter = {
      deleted: {
        list: async () => ({ items: [jose], total: 1, nextCursor: null }),
        restore: async () => {
          throw new AdapterError({
            kind: 'conflict',
            status: 409,
            message: 'Already restored.',
            body: { restoredAt: '2026-11-20T16:02:11.000Z', restoredBy: 'Dana Ruiz' },
          });
        },
        log: async () => ({ items: [], total: 0, nextCursor: null }),
      },
    };
    const el = await mount(adapter);
    await loaded(el);
    boxOf(rowsOf(el)[0]!).click();
    await el.updateComplete;
    const dialog = await openConfirm(el);
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => statusOf(rowsOf(el)[0]!).includes('Already'));
    expect(statusOf(rowsOf(el)[0]!)).to.equal('ℹAlready restored by Dana Ruiz at Nov 20, 2026, 10:02 AM CST');
    expect(root(el).querySelector('[part~="retry-button"]')).to.equal(null);
  });

  it('finds by name, phone or email as the user types, waiting for a pause', async () => {
    const server2 = server;
    const client = server2.client();
    const searches: (string | undefined)[] = [];
    const adapter: ForecourtAdapter = {
      deleted: {
        list: (q: DeletedQuery, o) => {
          searches.push(q.search);
          return client.deleted!.list(q, o);
        },
        restore: (r, o) => client.deleted!.restore(r, o),
        log: (q, o) => client.deleted!.log(q, o),
      },
    };
    const el = await mount(adapter);
    await loaded(el);
    const input = root(el).querySelector<HTMLInputElement>('input[type="search"]')!;
    input.focus();
    const typed = '(512) 555-0009';
    await sendKeys({ type: typed });
    await until(() => rowsOf(el).length === 1 && nameOf(rowsOf(el)[0]!) === 'José Muñoz', 'the search did not apply');
    expect(searches.at(-1)).to.equal(typed);
    expect(searches.filter((s) => s !== undefined).length).to.be.below(typed.length);
    expect(shadowText(el)).to.contain('1 deleted records match "(512) 555-0009"; 1 shown.');

    input.value = 'nobody-like-this';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await until(() => shadowText(el).includes('No deleted customers match "nobody-like-this" from Nov 1 – 23, 2026.'));
    await expect(el).to.be.accessible();
  });

  it('compiles a new range, refuses a reversed one, and says when a range has nothing', async () => {
    const el = await mount(server.client());
    await loaded(el);
    const form = root(el).querySelector<HTMLFormElement>('form.range')!;
    const [from, to] = [form.querySelector<HTMLInputElement>('[name="from"]')!, form.querySelector<HTMLInputElement>('[name="to"]')!];
    from.value = '2026-11-20';
    to.value = '2026-11-02';
    form.requestSubmit();
    await el.updateComplete;
    expect(text(root(el).querySelector('.range-error')!)).to.equal('The start date is after the end date.');
    expect(from.getAttribute('aria-invalid')).to.equal('true');
    expect(rowsOf(el).length).to.equal(5);

    from.value = '2026-10-01';
    to.value = '2026-10-31';
    const changed = oneEvent(el, 'fc-range-change');
    // The deprecated name still fires, with the same detail, for one minor version.
    const deprecated = oneEvent(el, 'fc-deleted-range-change');
    form.requestSubmit();
    expect((await changed).detail).to.deep.equal({ from: '2026-10-01', to: '2026-10-31' });
    expect((await deprecated).detail).to.deep.equal({ from: '2026-10-01', to: '2026-10-31' });
    await until(() => root(el).querySelector('[part~="empty"]'), 'no empty state');
    expect(shadowText(el)).to.contain('No customers were deleted from Oct 1 – 31, 2026.');
    await expect(el).to.be.accessible();
  });

  it('shows loading, then an error with Retry that works', async () => {
    server.faults.latencyMs = 400;
    const el = await mount(server.client());
    expect(root(el).querySelector('[part~="loading"]')).to.not.equal(null);
    await expect(el).to.be.accessible();
    await loaded(el);

    server.faults.latencyMs = 0;
    server.faults.failing = true;
    const failing = await mount(server.client(), { from: '2026-11-02' });
    await until(() => failing.shadowRoot!.querySelector('[part~="error"]'), 'no error state');
    expect(shadowText(failing)).to.contain('The server had a problem (HTTP 503).');
    await expect(failing).to.be.accessible();
    server.faults.failing = false;
    failing.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await loaded(failing);
    expect(rowsOf(failing).length).to.equal(5);
  });

  it('says so when the host provides no deleted customers', async () => {
    const el = await mount(server.client({ parts: ['customers'] }));
    expect(shadowText(el)).to.equal('This host does not provide deleted customers.');
    await expect(el).to.be.accessible();
    const none = await mount(undefined);
    expect(shadowText(none)).to.equal('This host does not provide deleted customers.');
  });
});

describe('<fc-deleted-customers> paging', () => {
  const many = Array.from({ length: 130 }, (_, i) =>
    record({
      id: `del-${String(i).padStart(3, '0')}`,
      customerId: `c-many-${i}`,
      customerName: `Customer ${String(i).padStart(3, '0')}`,
      deletedAt: new Date(Date.parse('2026-11-22T12:00:00.000Z') - i * 3_600_000).toISOString(),
    }),
  );
  beforeEach(async () => {
    server = await startDemoServer(dataset(many));
  });
  afterEach(() => closeClients());

  it('loads more on demand, and keeps the checks across pages', async () => {
    const el = await mount(server.client(), { pageSize: 50 });
    await loaded(el);
    expect(rowsOf(el).length).to.equal(50);
    expect(shadowText(el)).to.contain('130 deleted records in the range; 50 shown.');
    const more = () => root(el).querySelector<HTMLButtonElement>('[part~="more"] button')!;
    expect(text(more())).to.equal('Show 50 more');

    const all = root(el).querySelector<HTMLInputElement>('input.all')!;
    all.click();
    await el.updateComplete;
    expect(shadowText(el)).to.contain('50 checked');
    more().click();
    await until(() => rowsOf(el).length === 100, 'the second page did not load');
    expect(checkedNames(el).length).to.equal(50);
    expect(all.indeterminate).to.equal(true);
    expect(text(more())).to.equal('Show 30 more');
    await expect(el).to.be.accessible();

    more().focus();
    more().click();
    await until(() => rowsOf(el).length === 130, 'the last page did not load');
    expect(root(el).querySelector('[part~="more"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement === boxOf(rowsOf(el)[100]!)).to.equal(true);
    // A Shift range reaches across pages.
    boxOf(rowsOf(el)[129]!).click();
    await el.updateComplete;
    expect(checkedNames(el).length).to.equal(51);
    boxOf(rowsOf(el)[50]!).dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(checkedNames(el).length).to.equal(130);
    expect(all.checked).to.equal(true);
  });

  it('shows an error with Retry when a further page fails, keeping what was loaded', async () => {
    const el = await mount(server.client(), { pageSize: 50 });
    await loaded(el);
    server.faults.failing = true;
    root(el).querySelector<HTMLButtonElement>('[part~="more"] button')!.click();
    await until(() => root(el).querySelector('[part~="more"] [part~="error"]'), 'no error for the page');
    expect(rowsOf(el).length).to.equal(50);
    const retry = root(el).querySelector<HTMLButtonElement>('[part~="more"] [part~="retry-button"]')!;
    expect(retry.getAttribute('aria-label')).to.equal('Retry loading more records');
    server.faults.failing = false;
    retry.click();
    await until(() => rowsOf(el).length === 100);
  });
});

describe('<fc-deleted-customers> after a reload', () => {
  const opened: CachedAdapter[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((c) => c.clearCache().finally(() => c.close())));
    await closeClients();
  });

  it('shows a restore that conflicted on an earlier page as the conflict, not as already restored', async () => {
    server = await startDemoServer(dataset());
    // The server refuses José's restore with a 409 that is not "already restored": José is still deleted.
    const refusal = 'José Muñoz was changed while the restore was on its way; check the record and restore it again.';
    useHandlers(http.post(`${server.baseUrl}/deleted/restore`, () => HttpResponse.json({ message: refusal }, { status: 409 })));
    const id = crypto.randomUUID().slice(0, 8);
    // One page's adapter, as <fc-data-provider> builds it: the real REST adapter under the IndexedDB cache.
    const page = () => {
      const cached = withCache(createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 }), { tenant: `reload-${id}`, user: `u-${id}`, retry: { baseMs: 20, maxMs: 200 } });
      opened.push(cached);
      return cached;
    };

    // The earlier page: its restore conflicts and stays parked in the outbox; then the page goes away.
    const earlier = page();
    const refused = await earlier.deleted!.restore({ ids: ['del-jose'] }).then(
      () => null,
      (error: unknown) => error as AdapterError,
    );
    expect([refused?.kind, refused?.message]).to.deep.equal(['conflict', refusal]);
    expect((await earlier.outbox.list()).map((e) => [e.method, e.status])).to.deep.equal([['restore', 'conflict']]);
    earlier.close();
    opened.splice(opened.indexOf(earlier), 1);

    // The reloaded page opens the same database and finds the parked 409.
    const later = page();
    expect((await later.outbox.list()).map((e) => [e.method, e.status])).to.deep.equal([['restore', 'conflict']]);
    const el = await mount(later);
    await loaded(el);
    await until(() => statusOf(rowFor(el, 'José Muñoz')) !== '', 'no state for the parked restore');
    expect(statusOf(rowFor(el, 'José Muñoz'))).to.equal(`✕Not restored: ${refusal}`);
    expect(statusOf(rowFor(el, 'José Muñoz'))).not.to.contain('Already restored');
    // Nothing was restored, so the record can be checked and restored again.
    expect(boxOf(rowFor(el, 'José Muñoz')).disabled).to.equal(false);
    expect((await serverRecord('del-jose')).restoredAt).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
