import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/deleted-customers/fc-deleted-customers.js';
import type { FcDeletedCustomers } from '../../src/components/deleted-customers/deleted-customers.element.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { Customer, Dataset, DeletedRecord } from '../../src/data/model.js';
import { closeClients, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';

const ZONE = 'America/Chicago';
const until = (predicate: () => unknown, message?: string, timeout = 8000) => waitUntil(predicate, message, { timeout });
const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

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

const base = {
  deletedBy: 'Dana Ruiz',
  reason: 'manual' as const,
  mergedIntoId: null,
  mergedIntoName: null,
  restoredAt: null,
  restoredBy: null,
  version: 1,
};

/** A whole customer with a two-word first name, no first visit, an address, two vehicles and three notes. */
const MARY: DeletedRecord = {
  ...base,
  id: 'del-mary',
  kind: 'customer',
  customerId: 'c-mary',
  customerName: 'Mary Ann Smith',
  deletedAt: '2026-11-20T16:00:00.000Z',
  fields: {
    firstName: 'Mary Ann',
    lastName: 'Smith',
    phone: '+15125550123',
    email: 'maryann@example.org',
    sourceId: '',
    status: 'active',
    firstVisit: '',
    version: '2',
    address: '12 Elm St',
    city: 'Austin',
    postalCode: '78701',
  },
  related: {
    vehicles: [
      { id: 'v1', year: 2016, make: 'Honda', model: 'Civic', vin: null },
      { id: 'v2', year: 2021, make: 'Kia', model: 'Soul', vin: null },
    ],
    notes: [
      { id: 'n1', at: '2026-01-02T16:00:00.000Z', by: 'Dana Ruiz', text: 'Prefers text.' },
      { id: 'n2', at: '2026-02-02T16:00:00.000Z', by: 'Mike Chen', text: 'Brake quote.' },
      { id: 'n3', at: '2026-03-02T16:00:00.000Z', by: 'Dana Ruiz', text: 'Loaner.' },
    ],
  },
};

/** A merge leftover onto Ana with an address and a vehicle the merge did not keep. */
const LEFTOVER: DeletedRecord = {
  ...base,
  id: 'del-ana',
  kind: 'merge-leftover',
  customerId: 'c-ana',
  customerName: 'Ana Lopez',
  deletedAt: '2026-11-18T16:00:00.000Z',
  reason: 'merge',
  mergedIntoId: 'c-ana',
  mergedIntoName: 'Ana López',
  fields: { address: '9 Oak Ave' },
  related: { vehicles: [{ id: 'v9', year: 2019, make: 'Ford', model: 'F-150', vin: null }] },
};

function dataset(): Dataset {
  const data = generateDataset({ size: 'small' });
  return { ...data, customers: [SURVIVOR, ...data.customers], deleted: [MARY, LEFTOVER], restoreLog: [] };
}

let server: DemoServer;

const mount = (adapter: ForecourtAdapter) =>
  fixture<FcDeletedCustomers>(html`<fc-deleted-customers .adapter=${adapter} from="2026-11-01" to="2026-11-23" time-zone=${ZONE}></fc-deleted-customers>`);
const root = (el: FcDeletedCustomers) => el.shadowRoot!;
const rowsOf = (el: FcDeletedCustomers) => [...root(el).querySelectorAll<HTMLTableRowElement>('table:not(.log-table) tbody tr')];
const rowFor = (el: FcDeletedCustomers, name: string) => rowsOf(el).find((r) => text(r.querySelector('th .name')!) === name)!;
const loaded = (el: FcDeletedCustomers) => until(() => rowsOf(el).length > 0, 'the list did not render');
const dialogOf = (el: FcDeletedCustomers) => root(el).querySelector('dialog');

async function confirmFor(el: FcDeletedCustomers, name: string): Promise<HTMLDialogElement> {
  rowFor(el, name).querySelector<HTMLInputElement>('input.check')!.click();
  await el.updateComplete;
  root(el).querySelector<HTMLButtonElement>('[part~="restore-button"]')!.click();
  await until(() => dialogOf(el)?.open, 'the confirmation did not open');
  return dialogOf(el)!;
}

describe('<fc-deleted-customers>: restoring the whole record', () => {
  beforeEach(async () => {
    server = await startDemoServer(dataset());
  });
  afterEach(async () => {
    server.faults.failing = false;
    await closeClients();
  });

  it('lists what comes back with a whole customer, then says what came back, and the customer is stored whole', async () => {
    const el = await mount(server.client());
    await loaded(el);
    expect(text(rowFor(el, 'Mary Ann Smith').querySelectorAll('td')[4]!)).to.equal('The whole customer');
    const dialog = await confirmFor(el, 'Mary Ann Smith');
    const item = dialog.querySelector('.names > li')!;
    expect(text(item)).to.match(/^Mary Ann Smith \(10 fields, 2 vehicles, 3 notes\)/);
    expect([...item.querySelectorAll('.related li')].map(text)).to.deep.equal([
      'Vehicle: 2016 Honda Civic',
      'Vehicle: 2021 Kia Soul',
      'Note by Dana Ruiz, Jan 2, 2026: Prefers text.',
      'Note by Mike Chen, Feb 2, 2026: Brake quote.',
      'Note by Dana Ruiz, Mar 2, 2026: Loaner.',
    ]);
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    await until(() => root(el).querySelector('[part~="outcome"]'), 'no outcome shown');
    const outcome = root(el).querySelector('[part~="outcome"]')!;
    expect([...outcome.querySelectorAll('li')].map(text)).to.deep.equal(['✓ Restored Mary Ann Smith: 10 fields, 2 vehicles, 3 notes']);
    expect(shadowText(el)).to.contain('Restore finished: 1 restored, 0 already restored elsewhere, 0 not restored. Restored');
    expect(text(rowFor(el, 'Mary Ann Smith').querySelector('td:last-child')!)).to.match(/^✓Restored.*: 10 fields, 2 vehicles, 3 notes$/);
    await expect(el).to.be.accessible();

    const mary = (await server.backend.customers!.list({ search: 'Mary Ann', limit: 10 })).items[0]!;
    expect(mary).to.deep.include({ firstName: 'Mary Ann', lastName: 'Smith', firstVisit: null, extra: { address: '12 Elm St', city: 'Austin', postalCode: '78701' } });
    expect(mary.vehicles!.map((v) => v.id)).to.deep.equal(['v1', 'v2']);
    expect(mary.notes!.map((n) => n.id)).to.deep.equal(['n1', 'n2', 'n3']);

    outcome.querySelector('button')!.click();
    await el.updateComplete;
    expect(root(el).querySelector('[part~="outcome"]')).to.equal(null);
  });

  it("lets the keyboard choose a leftover's fields and related records, and says what was left out", async () => {
    const el = await mount(server.client());
    await loaded(el);
    const dialog = await confirmFor(el, 'Ana Lopez');
    const choices = [...dialog.querySelectorAll<HTMLLabelElement>('.choice')];
    expect(choices.map(text)).to.deep.equal(['Address: 9 Oak Ave (now (none))', 'Vehicle: 2019 Ford F-150']);
    const boxes = choices.map((c) => c.querySelector('input')!);
    expect(boxes.map((b) => b.checked)).to.deep.equal([true, true]);
    // Focus starts on the first choice; Tab moves to the vehicle, Space unchecks it.
    expect(el.shadowRoot!.activeElement).to.equal(boxes[0]);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(boxes[1]);
    await sendKeys({ press: 'Space' });
    expect(boxes[1]!.checked).to.equal(false);
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();

    await until(() => root(el).querySelector('[part~="outcome"]'), 'no outcome shown');
    const line = root(el).querySelector('[part~="outcome"] li')!;
    expect(text(line)).to.match(/^✓ Restored Ana Lopez onto Ana López: 1 field/);
    expect(text(line.querySelector('.skipped')!)).to.equal('✕ Not restored: Vehicle: 2019 Ford F-150 (not chosen)');
    expect(text(rowFor(el, 'Ana Lopez').querySelector('td:last-child')!)).to.contain('Not restored: Vehicle: 2019 Ford F-150 (not chosen)');
    const ana = (await server.backend.customers!.list({ search: 'Ana López', limit: 10 })).items.find((c) => c.id === 'c-ana')!;
    expect(ana.extra).to.deep.equal({ address: '9 Oak Ave' });
    expect(ana.vehicles).to.equal(undefined);
  });

  it('shows the restore log: empty, then each restore with who, when and what, and an error with Retry', async () => {
    const el = await mount(server.client());
    await loaded(el);
    const toggle = root(el).querySelector<HTMLButtonElement>('[part~="log-button"]')!;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await until(() => root(el).querySelector('[part~="log"] [part~="empty"]'), 'no empty log');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(text(root(el).querySelector('[part~="log"]')!)).to.contain('No customer has been restored yet.');
    await expect(el).to.be.accessible();

    const dialog = await confirmFor(el, 'Mary Ann Smith');
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => root(el).querySelector('.log-table tbody tr'), 'the log did not show the restore');
    const cells = [...root(el).querySelectorAll('.log-table tbody tr:first-child > *')].map(text);
    // When in the shop's zone; who (the demo server does not know); the record; what came back; nothing left out.
    expect(cells[0]).to.match(/^[A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M CST$/);
    expect(cells.slice(1)).to.deep.equal([
      'Not known',
      'Mary Ann Smith Whole customer',
      '10 fields, 2 vehicles, 3 notesFirst name, Last name, Phone, Email, Source, Status, First visit, Address, City, Postal code',
      'Nothing left out',
    ]);
    expect(text(root(el).querySelector('[part~="log"] .counts')!)).to.equal('1 restores; 1 shown.');
    await expect(el).to.be.accessible();

    // Closed and opened again while the server fails: the error, then Retry reads it.
    toggle.click();
    await el.updateComplete;
    server.faults.failing = true;
    const other = await mount(server.client());
    await until(() => root(other).querySelector('[part~="error"]'), 'no error for the list');
    root(other).querySelector<HTMLButtonElement>('[part~="log-button"]')!.click();
    await until(() => root(other).querySelector('[part~="log"] [part~="error"]'), 'no error for the log');
    await expect(other).to.be.accessible();
    server.faults.failing = false;
    root(other).querySelector<HTMLButtonElement>('[part~="log"] [part~="retry-button"]')!.click();
    await until(() => root(other).querySelector('.log-table tbody tr'), 'Retry did not read the log');
  });
});
