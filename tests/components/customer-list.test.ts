import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { openDB } from 'idb';
import '../../src/components/customer-list/fc-customer-list.js';
import '../../src/components/data-provider/fc-data-provider.js';
import '../../src/components/mapping-warning/fc-mapping-warning.js';
import { blinkDecision } from '../../src/components/customer-list/blink-gate.js';
import { BLINK_PAUSED_PREFERENCE } from '../../src/components/customer-list/customer-list.element.js';
import type { FcCustomerList } from '../../src/components/customer-list/customer-list.element.js';
import { cacheDatabaseName } from '../../src/data/cache/storage.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import type { BoardEntry, PosSource, SourceCategory } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { closeClients, inViewerZone, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';

const XSS = '<img src=x onerror=alert(1)>';

/** `waitUntil` with room for a busy machine (open-wc's default is one second). */
const until = (predicate: () => unknown, message?: string, options: { timeout?: number; interval?: number } = {}) =>
  waitUntil(predicate, message, { timeout: 8000, ...options });

let server: DemoServer;
let today: string;
const own: CachedAdapter[] = [];

/** A cached REST client with options the rig does not set (retry limit, revalidation, a shared tenant). */
function ownClient(options: { tenant?: string; user?: string; maxAttempts?: number; revalidateAfterMs?: number } = {}): CachedAdapter {
  const id = crypto.randomUUID().slice(0, 8);
  const client = withCache(createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 }), {
    tenant: options.tenant ?? `cl-${id}`,
    user: options.user ?? `u-${id}`,
    revalidateAfterMs: options.revalidateAfterMs,
    retry: { baseMs: 10, maxMs: 40, maxAttempts: options.maxAttempts },
  });
  own.push(client);
  return client;
}

async function mount(adapter: ForecourtAdapter | undefined, opts: { date?: string; blink?: string; refresh?: number } = {}) {
  const el = await fixture<FcCustomerList>(html`<fc-customer-list
    .adapter=${adapter}
    date=${opts.date ?? today}
    refresh-interval=${opts.refresh ?? 0}
    style=${opts.blink ? `--fc-customer-list-blink-duration: ${opts.blink}` : ''}
  ></fc-customer-list>`);
  return el;
}

const rowsOf = (el: FcCustomerList) => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
const loaded = (el: FcCustomerList) => until(() => rowsOf(el).length > 0, 'the board did not render');
const nameButton = (row: Element) => row.querySelector<HTMLButtonElement>('button.name')!;
const nameText = (row: Element) => row.querySelector<HTMLElement>('.name-text')!;
const rowFor = (el: FcCustomerList, customerName: string) =>
  rowsOf(el).find((r) => nameText(r).textContent === customerName) ?? null;
const badge = (row: Element) => row.querySelector<HTMLElement>('.badge');
const text = (node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The running blink animations of a row's name. */
const blinkOf = (row: Element) => nameText(row).getAnimations().filter((a) => a instanceof CSSAnimation && a.animationName === 'fc-customer-blink');
/** The distinct play states of every blinking name. */
const playStates = (el: FcCustomerList) => [...new Set(rowsOf(el).flatMap((r) => blinkOf(r).map((a) => a.playState)))];
/** Waits until every unknown name blinks and the blink runs. */
const blinkRunning = (el: FcCustomerList) =>
  until(
    () => !el.matches(':state(blink-held)') && rowsOf(el).filter((r) => badge(r)).every((r) => blinkOf(r).length === 1) && playStates(el).join() === 'running',
    'the blink is not running',
  );
const pauseToggle = (el: FcCustomerList) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="blink-toggle"]');
/** A CSS time in seconds. */
const seconds = (time: string) => parseFloat(time) * (time.endsWith('ms') ? 0.001 : 1);

/** "Pause blinking" as stored in the cache database of that tenant and user. */
async function storedPreference(tenant: string, user: string): Promise<unknown> {
  const db = await openDB(await cacheDatabaseName(tenant, user));
  try {
    return db.objectStoreNames.contains('prefs') ? await db.get('prefs', BLINK_PAUSED_PREFERENCE) : undefined;
  } finally {
    db.close();
  }
}

/** A promised time as the shop's clock reads it (the dealer's zone), e.g. "3:30 PM" or "3:30 PM CST". */
const shopTime = (at: string, named: boolean) =>
  new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit', timeZone: server.dataset.dealer.zone, ...(named && { timeZoneName: 'short' }) }).format(Date.parse(at));

async function serverBoard(): Promise<BoardEntry[]> {
  return server.backend.customers!.board({ date: today });
}
async function serverSources(): Promise<{ sources: PosSource[]; categories: SourceCategory[] }> {
  return { sources: await server.backend.sources!.list(), categories: await server.backend.sources!.categories() };
}
/** A mapped, live source other than `not`, with its "Category › Source" label. */
async function mappedSource(not?: string | null): Promise<{ id: string; label: string }> {
  const { sources, categories } = await serverSources();
  const s = sources.find((x) => x.categoryId && !x.deleted && x.id !== not && categories.some((c) => c.id === x.categoryId))!;
  return { id: s.id, label: `${categories.find((c) => c.id === s.categoryId)!.name} › ${s.name}` };
}
async function firstUnknown(): Promise<BoardEntry> {
  const entry = (await serverBoard()).find((e) => e.sourceUnknown);
  if (!entry) throw new Error('the dataset has no unknown customer left on the board');
  return entry;
}

async function openPicker(el: FcCustomerList, row: Element): Promise<HTMLDialogElement> {
  nameButton(row).click();
  await until(() => el.shadowRoot!.querySelector('dialog')?.open, 'the picker did not open');
  const dialog = el.shadowRoot!.querySelector('dialog')!;
  await until(() => dialog.querySelector('select, [part~="unsupported"]'), 'the picker has no content');
  return dialog;
}
async function pickAndSave(el: FcCustomerList, row: Element, sourceId: string): Promise<void> {
  const dialog = await openPicker(el, row);
  const select = dialog.querySelector('select')!;
  select.value = sourceId;
  dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await el.updateComplete;
}

describe('<fc-customer-list>', () => {
  beforeEach(async () => {
    server = await startDemoServer();
    today = server.dataset.today;
  });
  afterEach(async () => {
    server.faults.offline = false;
    server.faults.failing = false;
    server.faults.latencyMs = 0;
    await emulateMedia({ reducedMotion: 'no-preference' });
    await Promise.all(own.splice(0).map((c) => c.clearCache().finally(() => c.close())));
    await closeClients();
  });

  it('shows the board as a table: names, vehicles, advisors, promised times and source names', async () => {
    const el = await mount(server.client());
    await loaded(el);
    const board = await serverBoard();
    const { sources, categories } = await serverSources();
    const table = el.shadowRoot!.querySelector('table')!;
    expect(text(table.querySelector('caption')!)).to.equal('Vehicles on the board, Monday, November 23, 2026');
    expect([...table.querySelectorAll('thead th[scope="col"]')].map(text)).to.deep.equal(['Customer', 'Vehicle', 'Advisor', 'Promised', 'Source']);
    expect(rowsOf(el).length).to.equal(board.length);
    for (const entry of board) {
      const row = rowFor(el, entry.customerName)!;
      expect(!!(row), entry.customerName).to.equal(true);
      expect(!!(row.querySelector('th[scope="row"] button.name'))).to.equal(true);
      const cells = [...row.querySelectorAll('td')].map(text);
      expect(cells[0]).to.equal(entry.vehicle);
      expect(cells[1]).to.equal(entry.advisor);
      // A time of day in the shop's clock, named when the viewer's is another, e.g. "3:30 PM CST".
      if (entry.promisedAt) expect(cells[2]).to.equal(shopTime(entry.promisedAt, Intl.DateTimeFormat().resolvedOptions().timeZone !== server.dataset.dealer.zone));
      else expect(cells[2]).to.equal('Not set');
      if (entry.sourceUnknown) {
        await until(() => cells[3] === 'Unknown' || text(row.querySelectorAll('td')[3]!) === 'Unknown');
        expect(badge(row)!.textContent).to.contain('Source unknown');
      } else {
        const s = sources.find((x) => x.id === entry.sourceId)!;
        const label = `${categories.find((c) => c.id === s.categoryId)!.name} › ${s.name}`;
        await until(() => text(row.querySelectorAll('td')[3]!) === label, `${entry.customerName}: no "${label}"`);
        expect(!!(badge(row))).to.equal(false);
      }
    }
    expect(board.some((e) => e.sourceUnknown) && board.some((e) => !e.sourceUnknown)).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("shows promised times and today in the shop's zone, named only to a viewer in another zone", async () => {
    expect(server.dataset.dealer.zone).to.equal('America/Chicago');
    const realNow = Date.now;
    await inViewerZone('Asia/Tokyo', async () => {
      // Noon of Nov 24 in Tokyo is 9 PM of Nov 23 at the shop: the shop's today is the 23rd.
      Date.now = () => Date.parse('2026-11-24T03:00:00Z');
      try {
        const el = await fixture<FcCustomerList>(html`<fc-customer-list .adapter=${server.client()} refresh-interval="0"></fc-customer-list>`);
        await loaded(el);
        expect(text(el.shadowRoot!.querySelector('caption')!)).to.equal('Vehicles on the board, Monday, November 23, 2026');
        const board = await serverBoard();
        const promised = board.filter((e) => e.promisedAt);
        expect(promised.length).to.be.greaterThan(0);
        for (const entry of promised) {
          const cell = text(rowFor(el, entry.customerName)!.querySelectorAll('td')[2]!);
          // The shop promises in the afternoon (3 to 6 PM); Tokyo's clock would read the next morning.
          expect(cell, entry.customerName).to.equal(shopTime(entry.promisedAt!, true));
          expect(cell, entry.customerName).to.match(/^[3-6]:[03]0 PM CST$/);
        }
        await expect(el).to.be.accessible();
      } finally {
        Date.now = realNow;
      }
    });
    // The same times to a viewer at the shop: no zone name.
    await inViewerZone('America/Chicago', async () => {
      const el = await mount(server.client());
      await loaded(el);
      const promised = (await serverBoard()).filter((e) => e.promisedAt);
      for (const entry of promised) {
        const cell = text(rowFor(el, entry.customerName)!.querySelectorAll('td')[2]!);
        expect(cell, entry.customerName).to.equal(shopTime(entry.promisedAt!, false));
        expect(cell, entry.customerName).to.match(/^[3-6]:[03]0 PM$/);
      }
      await expect(el).to.be.accessible();
    });
  });

  it('names a day with nothing on the board in words', async () => {
    expect((await server.backend.customers!.board({ date: '2026-11-22' })).length).to.equal(0);
    const el = await mount(server.client(), { date: '2026-11-22' });
    await until(() => shadowText(el).includes('No vehicles on the board for Nov 22, 2026.'), 'the empty day was not named');
    await expect(el).to.be.accessible();
  });

  it('keeps an unknown name blinking past five seconds, one slow flash a second, with the badge and "source unknown" in the name', async () => {
    // A host asking for a frantic blink still gets one flash a second.
    const el = await mount(server.client(), { blink: '10ms' });
    await loaded(el);
    await blinkRunning(el);
    const unknownRows = rowsOf(el).filter((r) => badge(r));
    expect(unknownRows.length).to.be.greaterThan(0);
    for (const row of unknownRows) {
      const [animation] = blinkOf(row);
      expect(animation!.effect!.getComputedTiming().iterations, 'it never ends by itself').to.equal(Infinity);
      const style = getComputedStyle(nameText(row));
      expect(seconds(style.animationDuration), 'half a period').to.be.at.least(0.5);
      expect(style.animationDirection).to.equal('alternate');
      expect(badge(row)!.checkVisibility()).to.equal(true);
      expect(text(nameButton(row))).to.contain('Source unknown');
    }
    for (const row of rowsOf(el).filter((r) => !badge(r))) expect(nameText(row).getAnimations().length).to.equal(0);
    await expect(el).to.be.accessible();

    // No timer takes it away: past WCAG's five seconds it still runs, because it can be paused.
    await aTimeout(5500);
    for (const row of unknownRows) expect(blinkOf(row).map((a) => a.playState), text(nameButton(row))).to.deep.equal(['running']);
    expect(!!el.shadowRoot!.querySelector('.name-text--blink')).to.equal(true);
  });

  it('stops blinking a name once its source is set, and only that one', async () => {
    const el = await mount(server.client());
    await loaded(el);
    await blinkRunning(el);
    const target = await firstUnknown();
    const source = await mappedSource();
    const row = rowFor(el, target.customerName)!;
    expect(blinkOf(row).length).to.equal(1);
    await pickAndSave(el, row, source.id);
    await until(() => !text(row).includes('Saving'), 'still saving');
    expect(nameText(row).getAnimations().length, 'the set name').to.equal(0);
    expect(!!badge(row)).to.equal(false);
    const others = rowsOf(el).filter((r) => badge(r));
    expect(others.length).to.be.greaterThan(0);
    for (const other of others) expect(blinkOf(other).map((a) => a.playState)).to.deep.equal(['running']);
    await expect(el).to.be.accessible();
  });

  it('"Pause blinking" is a toggle that stops every blink and keeps the badges', async () => {
    const el = await mount(server.client());
    await loaded(el);
    await blinkRunning(el);
    const toggle = pauseToggle(el)!;
    expect(toggle.checkVisibility()).to.equal(true);
    expect(text(toggle)).to.equal('Pause blinking');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    expect(text(toggle), 'one label; the state is aria-pressed').to.equal('Pause blinking');
    expect(el.shadowRoot!.getAnimations().length, 'nothing blinks').to.equal(0);
    for (const row of rowsOf(el).filter((r) => badge(r))) expect(text(nameButton(row))).to.contain('Source unknown');
    await expect(el).to.be.accessible();
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    await blinkRunning(el);
  });

  it('remembers "Pause blinking" for the signed-in user through the provider, across a remount', async () => {
    const tenant = `blink-${crypto.randomUUID().slice(0, 8)}`;
    const mountIn = (user: string) =>
      fixture<HTMLElement>(html`<fc-data-provider api-base=${server.baseUrl} tenant=${tenant} user=${user}>
        <fc-customer-list date=${today} refresh-interval="0"></fc-customer-list>
      </fc-data-provider>`);
    const boardIn = (provider: HTMLElement) => provider.querySelector<FcCustomerList>('fc-customer-list')!;
    try {
      const first = await mountIn('ann');
      await loaded(boardIn(first));
      await blinkRunning(boardIn(first));
      pauseToggle(boardIn(first))!.click();
      await until(async () => (await storedPreference(tenant, 'ann')) === true, 'the choice was not stored for the user');
      first.remove();

      const again = await mountIn('ann');
      const board = boardIn(again);
      await loaded(board);
      await until(() => pauseToggle(board)?.getAttribute('aria-pressed') === 'true', 'the choice was not read back');
      expect(board.shadowRoot!.getAnimations().length).to.equal(0);
      await expect(board).to.be.accessible();
      again.remove();

      const otherUser = await mountIn('bob');
      await loaded(boardIn(otherUser));
      await blinkRunning(boardIn(otherUser));
      expect(pauseToggle(boardIn(otherUser))!.getAttribute('aria-pressed')).to.equal('false');
      otherUser.remove();
    } finally {
      for (const user of ['ann', 'bob']) indexedDB.deleteDatabase(await cacheDatabaseName(tenant, user));
    }
  });

  it('remembers "Pause blinking" for the page, per adapter, when the adapter has no preferences', async () => {
    const adapter: ForecourtAdapter = { customers: server.backend.customers, sources: server.backend.sources };
    const first = await mount(adapter);
    await loaded(first);
    await blinkRunning(first);
    pauseToggle(first)!.click();
    await first.updateComplete;
    first.remove();
    const again = await mount(adapter);
    await loaded(again);
    await until(() => pauseToggle(again)?.getAttribute('aria-pressed') === 'true', 'not remembered for the page');
    expect(again.shadowRoot!.getAnimations().length).to.equal(0);
    again.remove();
    const other = await mount({ customers: server.backend.customers, sources: server.backend.sources });
    await loaded(other);
    await blinkRunning(other);
  });

  it('never blinks under prefers-reduced-motion; the badge marks the names and there is nothing to pause', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const el = await mount(server.client());
    await loaded(el);
    await until(() => !el.matches(':state(blink-held)'), 'the stored choice was not read');
    const unknownRows = rowsOf(el).filter((r) => badge(r));
    expect(unknownRows.length).to.be.greaterThan(0);
    expect(el.shadowRoot!.getAnimations().length).to.equal(0);
    for (const row of unknownRows) {
      expect(nameText(row).getAnimations().length).to.equal(0);
      expect(badge(row)!.checkVisibility()).to.equal(true);
      expect(text(nameButton(row))).to.contain('Source unknown');
    }
    expect(pauseToggle(el)?.checkVisibility() ?? false, 'no toggle for a blink that is not there').to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('holds the blink while a modal dialog is open on the page, also one opened before the board', async () => {
    const dialog = document.createElement('dialog');
    const close = document.createElement('button');
    close.textContent = 'Close';
    dialog.append(close);
    document.body.append(dialog);
    try {
      dialog.showModal();
      const el = await mount(server.client());
      await loaded(el);
      await until(() => el.matches(':state(blink-held)') && blinkOf(rowsOf(el).find((r) => badge(r))!).length === 1);
      expect(playStates(el)).to.deep.equal(['paused']);
      dialog.close();
      await blinkRunning(el);

      dialog.showModal();
      await until(() => el.matches(':state(blink-held)'), 'not held under the dialog');
      expect(playStates(el)).to.deep.equal(['paused']);
      await expect(el).to.be.accessible();
      close.click();
      dialog.close();
      await blinkRunning(el);
    } finally {
      dialog.remove();
    }
  });

  it('holds the blink while the mapping warning (a modal in a widget\'s shadow root) covers the board, and runs it after "Later"', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <fc-mapping-warning .adapter=${server.client()}></fc-mapping-warning>
      <fc-customer-list .adapter=${server.client()} date=${today} refresh-interval="0"></fc-customer-list>
    </div>`);
    const warning = page.querySelector('fc-mapping-warning')!;
    const el = page.querySelector<FcCustomerList>('fc-customer-list')!;
    try {
      await until(() => warning.shadowRoot!.querySelector('dialog')?.matches(':modal'), 'the warning did not open');
      await loaded(el);
      await until(() => el.shadowRoot!.querySelector('.name-text--blink'));
      expect(el.matches(':state(blink-held)')).to.equal(true);
      expect(playStates(el)).to.deep.equal(['paused']);
      warning.shadowRoot!.querySelector<HTMLButtonElement>('[part~="close-button"]')!.click();
      await blinkRunning(el);
    } finally {
      warning.remove();
    }
  });

  it('holds the blink while the board is scrolled out of view', async () => {
    const page = await fixture<HTMLElement>(html`<div>
      <fc-customer-list .adapter=${server.client()} date=${today} refresh-interval="0"></fc-customer-list>
      <div class="spacer"></div>
    </div>`);
    const el = page.querySelector<FcCustomerList>('fc-customer-list')!;
    page.querySelector<HTMLElement>('.spacer')!.style.blockSize = '300vh';
    await loaded(el);
    await blinkRunning(el);
    try {
      window.scrollTo(0, el.getBoundingClientRect().bottom + window.scrollY + 50);
      await until(() => el.matches(':state(blink-held)'), 'still running out of view');
      expect(playStates(el)).to.deep.equal(['paused']);
      window.scrollTo(0, 0);
      await blinkRunning(el);
    } finally {
      window.scrollTo(0, 0);
    }
  });

  it('holds the blink while the page is hidden (another tab)', async () => {
    const el = await mount(server.client());
    await loaded(el);
    await blinkRunning(el);
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
      expect(el.matches(':state(blink-held)')).to.equal(true);
      await el.updateComplete;
      expect(playStates(el)).to.deep.equal(['paused']);
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      document.dispatchEvent(new Event('visibilitychange'));
    }
    await blinkRunning(el);
  });

  it('decides: paused is off; hidden, out of view, covered or a choice not yet read hold; else it runs', () => {
    const visible = { paused: false, choiceKnown: true, pageHidden: false, inView: true, covered: false };
    expect(blinkDecision(visible)).to.equal('run');
    expect(blinkDecision({ ...visible, paused: true })).to.equal('off');
    expect(blinkDecision({ ...visible, paused: true, covered: true })).to.equal('off');
    expect(blinkDecision({ ...visible, pageHidden: true })).to.equal('hold');
    expect(blinkDecision({ ...visible, inView: false })).to.equal('hold');
    expect(blinkDecision({ ...visible, covered: true })).to.equal('hold');
    expect(blinkDecision({ ...visible, choiceKnown: false })).to.equal('hold');
  });

  it('lists each subcategory once in the picker, and keeps a customer on a merged code when saved unchanged', async () => {
    const el = await mount(server.client());
    await loaded(el);
    const { sources } = await serverSources();
    const row = rowsOf(el).find((r) => badge(r))!;
    const dialog = await openPicker(el, row);
    const groups = [...dialog.querySelectorAll('optgroup')];
    expect(groups.length).to.be.greaterThan(1);
    for (const group of groups) {
      const names = [...group.querySelectorAll('option')].map((o) => text(o));
      expect(names, group.label).to.deep.equal([...new Set(names)]);
    }
    const internet = groups.find((g) => g.label === 'Internet')!;
    const internetNames = [...internet.querySelectorAll('option')].map((o) => text(o));
    for (const name of ['Google', 'Facebook', 'Website']) expect(internetNames.filter((n) => n === name), name).to.have.length(1);
    const driveBy = [...dialog.querySelectorAll('option')].filter((o) => text(o) === 'Drive-by');
    expect(driveBy).to.have.length(1);
    // The demo shop maps GOOG and GOOGLE both to Internet › Google: one entry, saving the code more customers carry.
    const googles = sources.filter((s) => s.categoryId === 'internet' && !s.deleted && s.name === 'Google');
    expect(googles.length, 'codes named Google').to.be.greaterThan(1);
    const entry = internet.querySelector<HTMLOptionElement>('option:not([value=""])' + `[value="${[...googles].sort((a, b) => b.customerCount - a.customerCount || (a.id < b.id ? -1 : 1))[0]!.id}"]`);
    expect(text(entry!)).to.equal('Google');
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button:not([type="submit"])')!.click();
    await until(() => !el.shadowRoot!.querySelector('dialog'));

    // A customer on the other Google code: the picker shows "Google" chosen, and Save changes nothing.
    const other = googles.find((s) => s.id !== entry!.value)!;
    const target = await firstUnknown();
    await server.backend.customers!.setSource({ customerId: target.customerId, sourceId: other.id, expectedVersion: target.customerVersion });
    el.adapter = server.client();
    await until(() => rowFor(el, target.customerName) && text(rowFor(el, target.customerName)!.querySelectorAll('td')[3]!) === 'Internet › Google', 'not re-read');
    const changes: CustomEvent[] = [];
    el.addEventListener('fc-source-change', (e) => changes.push(e));
    const picker = await openPicker(el, rowFor(el, target.customerName)!);
    const select = picker.querySelector('select')!;
    expect(select.value).to.equal(entry!.value);
    expect(text(select.selectedOptions[0]!)).to.equal('Google');
    picker.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await until(() => !el.shadowRoot!.querySelector('dialog'));
    expect(changes.length, 'no change fired').to.equal(0);
    expect((await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId).to.equal(other.id);
  });

  it('sets a source with the keyboard alone: Tab, Enter, arrows, Enter', async () => {
    const el = await mount(server.client());
    await loaded(el);
    const target = await firstUnknown();
    const index = rowsOf(el).findIndex((r) => nameText(r).textContent === target.customerName);
    const changes: CustomEvent[] = [];
    el.addEventListener('fc-source-change', (e) => changes.push(e));

    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement === pauseToggle(el), '"Pause blinking" comes first').to.equal(true);
    for (let i = 0; i <= index; i++) await sendKeys({ press: 'Tab' });
    const button = nameButton(rowsOf(el)[index]!);
    expect(el.shadowRoot!.activeElement === button, 'focus moved').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('dialog')?.open, 'Enter did not open the picker');
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    await until(() => dialog.querySelector('select'), 'no source list');
    const select = dialog.querySelector('select')!;
    expect(el.shadowRoot!.activeElement === select, 'focus moved').to.equal(true);
    expect(select.labels[0]!.textContent).to.equal('Source');
    expect(select.querySelectorAll('optgroup').length).to.be.greaterThan(1);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    const chosen = select.value;
    expect(chosen).to.not.equal('');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(dialog.isConnected && dialog.open).to.equal(false);
    expect(!!(badge(rowFor(el, target.customerName)!)), 'the mark is gone at once').to.equal(false);
    expect(changes.map((e) => e.detail)).to.deep.equal([{ customerId: target.customerId, sourceId: chosen }]);

    await until(async () => (await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId === chosen, 'not saved');
    const row = rowFor(el, target.customerName)!;
    await until(() => !text(row).includes('Saving'), 'still saving');
    expect(!!(badge(row))).to.equal(false);
    expect(text(row.querySelectorAll('td')[3]!)).to.contain('›');
    expect(el.shadowRoot!.activeElement === nameButton(row), 'focus moved').to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('cancels the picker with Escape and returns focus to the name, saving nothing', async () => {
    const el = await mount(server.client());
    await loaded(el);
    const target = await firstUnknown();
    const row = rowFor(el, target.customerName)!;
    nameButton(row).focus();
    await sendKeys({ press: ' ' });
    await until(() => el.shadowRoot!.querySelector('dialog')?.open, 'Space did not open the picker');
    await until(() => el.shadowRoot!.querySelector('dialog select'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await until(() => !el.shadowRoot!.querySelector('dialog'), 'the picker is still open');
    expect(el.shadowRoot!.activeElement === nameButton(row), 'focus moved').to.equal(true);
    expect(!!(badge(row))).to.equal(true);
    expect((await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId).to.equal(target.sourceId);
  });

  it('shows a save as pending while offline, then confirms it when the connection is back', async () => {
    const adapter = server.client();
    const el = await mount(adapter);
    await loaded(el);
    const target = await firstUnknown();
    const source = await mappedSource();
    await until(() => text(rowsOf(el)[0]!.querySelectorAll('td')[3]!) !== 'Set', 'sources not loaded');
    server.faults.offline = true;
    const row = rowFor(el, target.customerName)!;
    await pickAndSave(el, row, source.id);
    expect(!!(badge(row))).to.equal(false);
    await until(() => text(row).includes('Saving… waiting for the connection'), 'not shown as waiting');
    expect(text(row.querySelectorAll('td')[3]!)).to.contain(source.label);
    expect((await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId).to.equal(target.sourceId);
    await expect(el).to.be.accessible();

    server.faults.offline = false;
    await adapter.outbox.flush();
    await until(() => !text(row).includes('Saving'), 'still pending');
    expect((await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId).to.equal(source.id);
    expect(!!(badge(row))).to.equal(false);
  });

  it('brings the mark back with the reason when a save finally fails, and saves on Retry', async () => {
    const adapter = ownClient({ maxAttempts: 2 });
    const el = await mount(adapter);
    await loaded(el);
    const target = await firstUnknown();
    const source = await mappedSource();
    server.faults.failing = true;
    const row = rowFor(el, target.customerName)!;
    await pickAndSave(el, row, source.id);
    expect(!!(badge(row)), 'optimistic: the mark is gone').to.equal(false);
    await until(() => row.querySelector('[role="alert"]'), 'no failure shown');
    expect(text(row.querySelector('[role="alert"]')!)).to.contain(`The source of ${target.customerName} could not be saved. The server had a problem (HTTP 503).`);
    expect(!!(badge(row)), 'the mark is back').to.equal(true);
    expect(text(row.querySelectorAll('td')[3]!)).to.match(/^Unknown/);
    await expect(el).to.be.accessible();

    server.faults.failing = false;
    row.querySelector<HTMLButtonElement>(`button[aria-label="Retry saving the source of ${target.customerName}"]`)!.click();
    await until(async () => (await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId === source.id, 'not saved on retry');
    await until(() => !row.querySelector('[role="alert"]') && !badge(row) && !text(row).includes('Saving'), 'the failure is still shown');
    expect((await adapter.outbox.list()).length).to.equal(0);
  });

  it('shows a conflict with the current source and lets the user keep theirs or save anyway', async () => {
    const el = await mount(server.client());
    await loaded(el);
    const target = await firstUnknown();
    const theirs = await mappedSource();
    const mine = await mappedSource(theirs.id);
    await server.backend.customers!.setSource({ customerId: target.customerId, sourceId: theirs.id, expectedVersion: target.customerVersion });
    const row = rowFor(el, target.customerName)!;
    expect(!!(badge(row)), 'the widget still has the stale board').to.equal(true);

    await pickAndSave(el, row, mine.id);
    await until(() => row.querySelector('[role="alert"]'), 'no conflict shown');
    expect(text(row.querySelector('[role="alert"]')!)).to.equal(`The source of ${target.customerName} was changed elsewhere: it is now ${theirs.label}.`);
    expect(text(row.querySelectorAll('td')[3]!)).to.match(new RegExp(`^${theirs.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect((await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId, 'not overwritten').to.equal(theirs.id);
    await expect(el).to.be.accessible();

    row.querySelector<HTMLButtonElement>(`button[aria-label="Save mine anyway: source of ${target.customerName}"]`)!.click();
    await until(async () => (await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId === mine.id, 'mine not saved');
    await until(() => !row.querySelector('[role="alert"]') && text(row.querySelectorAll('td')[3]!) === mine.label, 'row not updated');
  });

  it('keeps the other source with "Keep theirs"', async () => {
    const adapter = server.client();
    const el = await mount(adapter);
    await loaded(el);
    const target = await firstUnknown();
    const theirs = await mappedSource();
    const mine = await mappedSource(theirs.id);
    await server.backend.customers!.setSource({ customerId: target.customerId, sourceId: theirs.id, expectedVersion: target.customerVersion });
    const row = rowFor(el, target.customerName)!;
    await pickAndSave(el, row, mine.id);
    await until(() => row.querySelector('[role="alert"]'), 'no conflict shown');
    row.querySelector<HTMLButtonElement>(`button[aria-label="Keep theirs: source of ${target.customerName}"]`)!.click();
    await until(() => !row.querySelector('[role="alert"]'), 'conflict still shown');
    expect(text(row.querySelectorAll('td')[3]!)).to.equal(theirs.label);
    expect(!!(badge(row))).to.equal(false);
    await until(async () => (await adapter.outbox.list()).length === 0, 'the conflicting write is still queued');
    expect((await serverBoard()).find((e) => e.customerId === target.customerId)!.sourceId).to.equal(theirs.id);
  });

  it('re-reads the board periodically: a new arrival appears, focus and table stay, markup is text', async () => {
    const backend = server.backend;
    const extra: BoardEntry[] = [];
    const adapter: ForecourtAdapter = {
      sources: backend.sources,
      customers: { ...backend.customers!, board: async (q, o) => [...(await backend.customers!.board(q, o)), ...extra] },
    };
    const el = await mount(adapter, { refresh: 0.1 });
    await loaded(el);
    const count = rowsOf(el).length;
    const table = el.shadowRoot!.querySelector('table');
    const focused = nameButton(rowsOf(el)[0]!);
    focused.focus();
    extra.push({
      id: 'tvp-new',
      date: today,
      customerId: 'c-new',
      customerName: XSS,
      vehicle: 'javascript:alert(1)',
      advisor: '<b>Ann</b>',
      promisedAt: null,
      sourceId: null,
      sourceUnknown: true,
      customerVersion: 1,
    });
    await until(() => rowsOf(el).length === count + 1, 'the new arrival did not appear');
    expect(el.shadowRoot!.querySelector('table') === table, 'the table was replaced (skeleton in between)').to.equal(true);
    expect(el.shadowRoot!.activeElement === focused, 'focus moved').to.equal(true);
    const row = rowFor(el, XSS)!;
    expect(!!(row)).to.equal(true);
    expect(!!(el.shadowRoot!.querySelector('img, b, a'))).to.equal(false);
    expect(shadowText(el)).to.contain(XSS).and.contain('javascript:alert(1)').and.contain('<b>Ann</b>');
    expect(!!(badge(row))).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('picks up a change made on the server at the next refresh (REST, cache revalidation)', async () => {
    const el = await mount(ownClient({ revalidateAfterMs: 0 }), { refresh: 0.2 });
    await loaded(el);
    const target = await firstUnknown();
    const source = await mappedSource();
    const row = rowFor(el, target.customerName)!;
    expect(!!(badge(row))).to.equal(true);
    await server.backend.customers!.setSource({ customerId: target.customerId, sourceId: source.id, expectedVersion: target.customerVersion });
    await until(() => !badge(row) && text(row.querySelectorAll('td')[3]!) === source.label, 'the change did not show');
  });

  it('follows a change made in another tab at once', async () => {
    const tenant = `tabs-${crypto.randomUUID().slice(0, 8)}`;
    const tabA = ownClient({ tenant, user: 'ann' });
    const tabB = ownClient({ tenant, user: 'ann' });
    const el = await mount(tabA);
    await loaded(el);
    const target = await firstUnknown();
    const source = await mappedSource();
    const row = rowFor(el, target.customerName)!;
    expect(!!(badge(row))).to.equal(true);
    await tabB.customers!.setSource({ customerId: target.customerId, sourceId: source.id, expectedVersion: target.customerVersion });
    await until(() => !badge(row) && text(row.querySelectorAll('td')[3]!) === source.label, 'the other tab\'s change did not show');
  });

  it('shows loading, then the error with Retry, and recovers', async () => {
    server.faults.latencyMs = 300;
    server.faults.failing = true;
    const el = await mount(server.client());
    expect(shadowText(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
    await until(() => el.shadowRoot!.querySelector('[part~="error"]'), 'no error state');
    expect(shadowText(el)).to.contain('The server had a problem (HTTP 503).');
    await expect(el).to.be.accessible();
    server.faults.failing = false;
    server.faults.latencyMs = 0;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await loaded(el);
  });

  it('says when the board is empty for the day', async () => {
    const el = await mount(server.client(), { date: '2026-01-05' });
    await until(() => el.shadowRoot!.querySelector('[part~="empty"]'), 'no empty state');
    expect(shadowText(el)).to.equal('No vehicles on the board for Jan 5, 2026.');
    await expect(el).to.be.accessible();
  });

  it('says when the host does not provide customers', async () => {
    for (const adapter of [server.client({ parts: ['sources'] }), undefined]) {
      const el = await mount(adapter);
      await until(() => el.shadowRoot!.querySelector('[part~="unsupported"]'), 'no unsupported state');
      expect(shadowText(el)).to.equal('This host does not provide customers.');
      await expect(el).to.be.accessible();
    }
  });

  it('still shows the board without sources; the picker says sources are not provided', async () => {
    const el = await mount(server.client({ parts: ['customers'] }));
    await loaded(el);
    const row = rowsOf(el).find((r) => badge(r))!;
    const dialog = await openPicker(el, row);
    expect(text(dialog)).to.contain('This host does not provide customer sources.');
    expect(!!(dialog.querySelector('select, button[type="submit"]'))).to.equal(false);
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => !el.shadowRoot!.querySelector('dialog'));
    expect(el.shadowRoot!.activeElement === nameButton(row), 'focus moved').to.equal(true);
  });

  it('fires nothing without a user action', async () => {
    let fired = 0;
    const listener = () => fired++;
    document.addEventListener('fc-source-change', listener);
    try {
      const el = await mount(server.client());
      await loaded(el);
      el.date = '2026-11-22';
      await el.updateComplete;
      expect(fired).to.equal(0);
      // The event is the public signal of a user's save.
      const target = await firstUnknown();
      el.date = today;
      await loaded(el);
      await until(() => rowFor(el, target.customerName));
      const source = await mappedSource();
      setTimeout(() => void pickAndSave(el, rowFor(el, target.customerName)!, source.id));
      const event = await oneEvent(el, 'fc-source-change');
      expect(event.detail).to.deep.equal({ customerId: target.customerId, sourceId: source.id });
      expect(event.bubbles && event.composed).to.equal(true);
    } finally {
      document.removeEventListener('fc-source-change', listener);
    }
  });
});
