import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { openDB } from 'idb';
import '../../src/components/mapping-warning/fc-mapping-warning.js';
import { DISMISSED_PREFERENCE, FcMappingWarning } from '../../src/components/mapping-warning/mapping-warning.element.js';
import { setLocale } from '../../src/components/shared/messages.js';
import { defineElement } from '../../src/components/shared/define-element.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { cacheDatabaseName } from '../../src/data/cache/storage.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { Customer, Dataset, MappingStatus, PosSource } from '../../src/data/model.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { closeClients, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';

/** Records navigations instead of leaving the test page. */
class NavigationProbe extends FcMappingWarning {
  navigations: string[] = [];
  protected override navigate(url: string): void {
    this.navigations.push(url);
  }
}
defineElement('navigation-probe', NavigationProbe);

/** A stand-in for the board the prompt sits in front of: its controls are in its shadow root. */
class FocusBoard extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const heading = document.createElement('h3');
    heading.textContent = "Today's vehicles";
    const disabled = document.createElement('button');
    disabled.textContent = 'Pause';
    disabled.disabled = true;
    const name = document.createElement('button');
    name.textContent = 'Ann Lee';
    root.append(heading, disabled, name);
  }
}
if (!customElements.get('focus-board')) customElements.define('focus-board', FocusBoard);
declare global {
  interface HTMLElementTagNameMap {
    'navigation-probe': NavigationProbe;
  }
}

const base = generateDataset({ size: 'small', seed: 3 });
const template = base.customers[0]!;

function source(i: number, categoryId: string | null): PosSource {
  return {
    id: `src-${i}`,
    code: `CODE-${i}`,
    categoryId,
    name: `Code ${i}`,
    origin: 'pos',
    deleted: false,
    customerCount: 0,
    version: 1,
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

function customers(count: number, sourceId: (i: number) => string | null, prefix: string): Customer[] {
  return Array.from({ length: count }, (_, i) => ({ ...template, id: `${prefix}-${i}`, sourceId: sourceId(i) }));
}

/**
 * A shop with `mapped` mapped sources (3 customers each), `unmapped` unmapped ones (carrying
 * `onUnmapped` customers between them), `noSource` customers without a source, and one deleted
 * unmapped source that must not count.
 */
function shop({ mapped, unmapped, onUnmapped = 0, noSource = 0 }: { mapped: number; unmapped: number; onUnmapped?: number; noSource?: number }): Dataset {
  const sources = [
    ...Array.from({ length: mapped }, (_, i) => source(i, 'internet')),
    ...Array.from({ length: unmapped }, (_, i) => source(mapped + i, null)),
    { ...source(9999, null), deleted: true },
  ];
  return {
    ...base,
    sources,
    customers: [
      ...customers(mapped * 3, (i) => `src-${i % mapped}`, 'known'),
      ...customers(onUnmapped, (i) => `src-${mapped + (i % unmapped)}`, 'unmapped'),
      ...customers(noSource, () => null, 'none'),
    ],
  };
}

const dialogOf = (el: FcMappingWarning) => el.shadowRoot!.querySelector('dialog');
const openDialog = async (el: FcMappingWarning) => {
  await waitUntil(() => dialogOf(el)?.open, 'the prompt did not open');
  return dialogOf(el)!;
};
/** The check finished: no "checking" status left. */
const settled = (el: FcMappingWarning) =>
  waitUntil(() => !/Checking the customer source mapping/.test(shadowText(el)), 'the check did not finish');
const button = (el: FcMappingWarning, part: string) => el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="${part}"]`)!;
const checkbox = (el: FcMappingWarning) => el.shadowRoot!.querySelector<HTMLInputElement>('[part~="remember"] input')!;

let seq = 0;
const identity = () => ({ tenant: `shop-${Date.now()}-${++seq}`, user: 'advisor-1' });

let server: DemoServer;

/** The cache the provider builds for a signed-in tenant and user (a new one per visit). */
const signedIn: CachedAdapter[] = [];
function signIn(tenant: string, user: string): CachedAdapter {
  const adapter = withCache(createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 }), { tenant, user });
  signedIn.push(adapter);
  return adapter;
}

/** "Don't show again" as stored in the cache database of that tenant and user. */
async function storedPreference(tenant: string, user: string): Promise<unknown> {
  const db = await openDB(await cacheDatabaseName(tenant, user));
  try {
    return db.objectStoreNames.contains('prefs') ? await db.get('prefs', DISMISSED_PREFERENCE) : undefined;
  } finally {
    db.close();
  }
}

const databaseNames = async () => (await indexedDB.databases()).map((d) => d.name);

describe('<fc-mapping-warning>', () => {
  afterEach(async () => {
    setLocale(null);
    if (server) server.faults.failing = false;
    await closeClients();
    await Promise.all(signedIn.splice(0).map((c) => c.clearCache().finally(() => c.close())));
    // A modal left open would make the next test's page inert.
    for (const d of document.querySelectorAll('fc-mapping-warning, navigation-probe')) d.remove();
  });

  describe('with no source mapped', () => {
    before(async () => {
      server = await startDemoServer(shop({ mapped: 0, unmapped: 5, onUnmapped: 7, noSource: 2 }));
    });

    it('opens the "mapping missing" prompt as a labelled modal dialog with focus on "Map sources now"', async () => {
      const el = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${server.client()}></fc-mapping-warning>`);
      const dialog = await openDialog(el);
      expect(dialog.matches(':modal')).to.equal(true);
      const heading = el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!;
      const text = el.shadowRoot!.getElementById(dialog.getAttribute('aria-describedby')!)!;
      expect(heading.textContent!.trim()).to.contain('Customer sources are not mapped');
      const sentence = text.textContent!.replace(/\s+/g, ' ').trim();
      expect(sentence).to.contain("Your reports can't tell where customers come from");
      expect(sentence).to.contain('None of your 5 sources are mapped yet; 9 customers show as unknown.');
      expect(el.shadowRoot!.activeElement === button(el, 'map-button'), 'focus').to.equal(true);
      expect(button(el, 'map-button').textContent!.trim()).to.equal('Map sources now');
      expect(checkbox(el).checked).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('"Map sources now" asks for the mapping editor with the counts and closes', async () => {
      const el = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${server.client()}></fc-mapping-warning>`);
      const dialog = await openDialog(el);
      const dismissed = oneEvent(el, 'fc-warning-dismiss');
      const requested = oneEvent(el, 'fc-request-mapping');
      button(el, 'map-button').click();
      const request = await requested;
      expect(request.detail).to.deep.equal({ unmapped: 5, total: 5, unknownCustomers: 9 });
      expect(request.cancelable).to.equal(true);
      expect(request.composed).to.equal(true);
      expect((await dismissed).detail).to.deep.equal({ remember: false });
      expect(dialog.open).to.equal(false);
    });

    it('follows editor-href unless the request is cancelled, and never a javascript: address', async () => {
      const follows = await fixture<NavigationProbe>(
        html`<navigation-probe .adapter=${server.client()} editor-href="/my-shop/sources?tab=sources"></navigation-probe>`,
      );
      await openDialog(follows);
      button(follows, 'map-button').click();
      await waitUntil(() => follows.navigations.length > 0, 'no navigation');
      expect(follows.navigations).to.deep.equal([new URL('/my-shop/sources?tab=sources', document.baseURI).href]);
      follows.remove();

      const cancelled = await fixture<NavigationProbe>(
        html`<navigation-probe .adapter=${server.client()} editor-href="/my-shop/sources"></navigation-probe>`,
      );
      cancelled.addEventListener('fc-request-mapping', (e) => e.preventDefault());
      const dialog = await openDialog(cancelled);
      const dismissed = oneEvent(cancelled, 'fc-warning-dismiss');
      button(cancelled, 'map-button').click();
      await dismissed;
      expect(dialog.open).to.equal(false);
      expect(cancelled.navigations).to.deep.equal([]);
      cancelled.remove();

      const warnings: unknown[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args[0]);
      try {
        for (const href of ['javascript:alert(1)', ' JaVa\nScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
          const refused = await fixture<NavigationProbe>(html`<navigation-probe .adapter=${server.client()} editor-href=${href}></navigation-probe>`);
          await openDialog(refused);
          const requested = oneEvent(refused, 'fc-request-mapping');
          button(refused, 'map-button').click();
          await requested;
          await new Promise((r) => setTimeout(r, 50));
          expect(refused.navigations, href).to.deep.equal([]);
          expect(dialogOf(refused)!.open).to.equal(false);
          refused.remove();
        }
      } finally {
        console.warn = warn;
      }
      expect(warnings.filter((w) => /editor-href/.test(String(w)))).to.have.length(3);
    });

    it('follows editor-href only to the page\'s origin or one listed in editor-origins', async () => {
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(String(args[0]));
      const follow = async (href: string, origins = '') => {
        const el = await fixture<NavigationProbe>(
          html`<navigation-probe .adapter=${server.client()} editor-href=${href} editor-origins=${origins}></navigation-probe>`,
        );
        await openDialog(el);
        const dismissed = oneEvent(el, 'fc-warning-dismiss');
        button(el, 'map-button').click();
        await dismissed;
        // The preference is stored before navigating; wait for that step too.
        await new Promise((r) => setTimeout(r, 50));
        el.remove();
        return el.navigations;
      };
      try {
        expect(await follow('sources')).to.deep.equal([new URL('sources', document.baseURI).href]);
        expect(await follow(`${location.origin}/my-shop`)).to.deep.equal([`${location.origin}/my-shop`]);
        expect(await follow('https://crm.example.com/sources')).to.deep.equal([]);
        expect(await follow('https://crm.example.com/sources', 'https://other.example')).to.deep.equal([]);
        expect(await follow('https://crm.example.com/sources', 'https://other.example https://crm.example.com')).to.deep.equal([
          'https://crm.example.com/sources',
        ]);
        expect(await follow('javascript:alert(1)', 'javascript:alert(1)')).to.deep.equal([]);
      } finally {
        console.warn = warn;
      }
      expect(warnings.filter((w) => /editor-origins/.test(w)), 'the other origins are named').to.have.length(2);
      expect(warnings.filter((w) => /editor-href/.test(w))).to.have.length(3);
    });

    it('closes on Escape and on "Later", and comes back on the next entry', async () => {
      const el = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${server.client()}></fc-mapping-warning>`);
      const dialog = await openDialog(el);
      let dismissed = oneEvent(el, 'fc-warning-dismiss');
      await sendKeys({ press: 'Escape' });
      expect((await dismissed).detail).to.deep.equal({ remember: false });
      expect(dialog.open).to.equal(false);
      expect(dialog.isConnected).to.equal(true);
      await expect(el).to.be.accessible();

      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      const again = await openDialog(el);
      dismissed = oneEvent(el, 'fc-warning-dismiss');
      button(el, 'close-button').click();
      expect((await dismissed).detail).to.deep.equal({ remember: false });
      expect(again.open).to.equal(false);
    });

    it('"Later" gives focus back to what had it before the prompt opened', async () => {
      const host = await fixture<HTMLDivElement>(html`<div>
        <button id="search">Search</button>
        <fc-mapping-warning></fc-mapping-warning>
        <button id="after">After</button>
      </div>`);
      const search = host.querySelector<HTMLButtonElement>('#search')!;
      search.focus();
      const el = host.querySelector('fc-mapping-warning')!;
      el.adapter = server.client();
      await openDialog(el);
      expect(el.shadowRoot!.activeElement === button(el, 'map-button'), 'focus in the prompt').to.equal(true);
      const dismissed = oneEvent(el, 'fc-warning-dismiss');
      button(el, 'close-button').click();
      await dismissed;
      expect(document.activeElement).to.equal(search);
    });

    it('opened on entering the board with nothing focused, "Later" and Escape put focus on the board\'s first control, not the page body', async () => {
      const host = await fixture<HTMLDivElement>(html`<div>
        <fc-mapping-warning .adapter=${server.client()}></fc-mapping-warning>
        <focus-board></focus-board>
      </div>`);
      const el = host.querySelector('fc-mapping-warning')!;
      const board = host.querySelector('focus-board')!;
      await openDialog(el);
      let dismissed = oneEvent(el, 'fc-warning-dismiss');
      button(el, 'close-button').click();
      await dismissed;
      expect(document.activeElement).to.equal(board);
      expect(board.shadowRoot!.activeElement?.textContent).to.equal('Ann Lee');

      (document.activeElement as HTMLElement).blur();
      host.remove();
      const again = await fixture<HTMLDivElement>(html`<div>
        <fc-mapping-warning .adapter=${server.client()}></fc-mapping-warning>
        <focus-board></focus-board>
      </div>`);
      const other = again.querySelector('fc-mapping-warning')!;
      const otherBoard = again.querySelector('focus-board')!;
      await openDialog(other);
      dismissed = oneEvent(other, 'fc-warning-dismiss');
      await sendKeys({ press: 'Escape' });
      await dismissed;
      expect(document.activeElement).to.equal(otherBoard);
      expect(otherBoard.shadowRoot!.activeElement?.textContent).to.equal('Ann Lee');
      await expect(other).to.be.accessible();
    });

    it('is operable with the keyboard alone: Tab to "Don\'t show again", Space, Tab to "Later", Enter', async () => {
      const { tenant, user } = identity();
      const el = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${signIn(tenant, user)}></fc-mapping-warning>`);
      await openDialog(el);
      // Focus starts on "Map sources now"; backwards is the checkbox, forwards is "Later".
      await sendKeys({ down: 'Shift' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ up: 'Shift' });
      expect(el.shadowRoot!.activeElement === checkbox(el), 'focus').to.equal(true);
      await sendKeys({ press: 'Space' });
      expect(checkbox(el).checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement === button(el, 'close-button'), 'focus').to.equal(true);
      const dismissed = oneEvent(el, 'fc-warning-dismiss');
      await sendKeys({ press: 'Enter' });
      expect((await dismissed).detail).to.deep.equal({ remember: true });
      await waitUntil(async () => (await storedPreference(tenant, user)) === true, 'the choice was not stored');
    });

    it('remembers "don\'t show again" in the signed-in user\'s cache, per tenant and user, until reset()', async () => {
      const { tenant, user } = identity();
      const first = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${signIn(tenant, user)}></fc-mapping-warning>`);
      await openDialog(first);
      checkbox(first).click();
      const dismissed = oneEvent(first, 'fc-warning-dismiss');
      button(first, 'close-button').click();
      expect((await dismissed).detail).to.deep.equal({ remember: true });
      await waitUntil(async () => (await storedPreference(tenant, user)) === true, 'the choice was not stored in the user\'s cache');
      first.remove();

      // The next visit: a new adapter for the same tenant and user.
      const sameUser = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${signIn(tenant, user)}></fc-mapping-warning>`);
      await settled(sameUser);
      expect(dialogOf(sameUser)).to.equal(null);
      expect(shadowText(sameUser)).to.equal('');
      await expect(sameUser).to.be.accessible();

      const otherUser = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${signIn(tenant, 'advisor-2')}></fc-mapping-warning>`);
      await openDialog(otherUser);
      otherUser.remove();
      const otherShop = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${signIn(`${tenant}-b`, user)}></fc-mapping-warning>`);
      await openDialog(otherShop);
      otherShop.remove();

      await sameUser.reset();
      await openDialog(sameUser);
      expect(await storedPreference(tenant, user)).to.equal(undefined);
    });

    it('forgets "don\'t show again" when the user\'s cache is cleared (sign-out on a shared computer)', async () => {
      const { tenant, user } = identity();
      const adapter = signIn(tenant, user);
      const first = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${adapter}></fc-mapping-warning>`);
      await openDialog(first);
      checkbox(first).click();
      button(first, 'close-button').click();
      await waitUntil(async () => (await storedPreference(tenant, user)) === true, 'the choice was not stored');
      first.remove();

      await adapter.clearCache();
      adapter.close();
      const next = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${signIn(tenant, user)}></fc-mapping-warning>`);
      await openDialog(next);
      expect(await storedPreference(tenant, user)).to.equal(undefined);
    });

    it('ignores the deprecated tenant and user attributes: the adapter\'s user is the one remembered, and no store of its own is opened', async () => {
      const { tenant, user } = identity();
      const el = await fixture<FcMappingWarning>(
        html`<fc-mapping-warning .adapter=${signIn(tenant, user)} tenant="another-shop" user="another-user"></fc-mapping-warning>`,
      );
      await openDialog(el);
      checkbox(el).click();
      button(el, 'close-button').click();
      await waitUntil(async () => (await storedPreference(tenant, user)) === true, 'the choice was not stored in the adapter\'s cache');
      const names = await databaseNames();
      expect(names.filter((n) => n?.includes('another')), names.join(', ')).to.deep.equal([]);
      expect(names).to.not.include('forecourt-prefs');
    });

    it('with an adapter without preferences, remembers "don\'t show again" for this page only, and warns of nothing', async () => {
      const messages: unknown[] = [];
      const [warn, error] = [console.warn, console.error];
      console.warn = console.error = (...args: unknown[]) => void messages.push(args[0]);
      try {
        const plain = createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 });
        const before = await databaseNames();
        const first = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${plain}></fc-mapping-warning>`);
        await openDialog(first);
        checkbox(first).click();
        const dismissed = oneEvent(first, 'fc-warning-dismiss');
        button(first, 'close-button').click();
        expect((await dismissed).detail).to.deep.equal({ remember: true });
        first.remove();

        const second = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${plain}></fc-mapping-warning>`);
        await settled(second);
        expect(dialogOf(second)).to.equal(null);
        expect(shadowText(second)).to.equal('');
        // Another adapter (someone else signed in) starts afresh.
        const other = await fixture<FcMappingWarning>(
          html`<fc-mapping-warning .adapter=${createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 })}></fc-mapping-warning>`,
        );
        await openDialog(other);
        other.remove();
        await second.reset();
        await openDialog(second);
        expect(await databaseNames()).to.deep.equal(before);
      } finally {
        console.warn = warn;
        console.error = error;
      }
      expect(messages).to.deep.equal([]);
    });

    it('speaks Spanish', async () => {
      setLocale('es');
      const el = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${server.client()}></fc-mapping-warning>`);
      await openDialog(el);
      expect(shadowText(el)).to.contain('Ninguno de sus 5 orígenes está asignado todavía; 9 clientes aparecen como desconocidos.');
      expect(button(el, 'map-button').textContent!.trim()).to.equal('Asignar orígenes ahora');
    });

    it('says what went wrong, inline and without a dialog, and opens the prompt after Retry', async () => {
      server.faults.failing = true;
      const el = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${server.client()}></fc-mapping-warning>`);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="retry-button"]'), 'no error state');
      expect(dialogOf(el)).to.equal(null);
      const status = el.shadowRoot!.querySelector('[role="status"]')!;
      expect(status.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Could not check the source mapping: The server had a problem (HTTP 503).');
      await expect(el).to.be.accessible();

      server.faults.failing = false;
      button(el, 'retry-button').click();
      await openDialog(el);
      expect(shadowText(el)).to.not.contain('Could not check');
    });
  });

  describe('with some sources unmapped', () => {
    before(async () => {
      server = await startDemoServer(shop({ mapped: 28, unmapped: 12, onUnmapped: 200, noSource: 30 }));
    });

    it('opens the "incomplete mapping" prompt with the counts', async () => {
      const el = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${server.client()}></fc-mapping-warning>`);
      const dialog = await openDialog(el);
      expect(dialog.matches(':modal')).to.equal(true);
      expect(shadowText(el)).to.contain('Some customer sources are not mapped');
      expect(shadowText(el)).to.contain('12 of 40 customer sources are not mapped yet; 230 customers show as unknown.');
      expect(shadowText(el)).to.not.contain('None of your');
      const requested = oneEvent(el, 'fc-request-mapping');
      button(el, 'map-button').click();
      expect((await requested).detail).to.deep.equal({ unmapped: 12, total: 40, unknownCustomers: 230 });
      await expect(el).to.be.accessible();
    });

    it('is not clipped by a host that hides its overflow', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="overflow: hidden; inline-size: 10px; block-size: 10px; position: relative">
          <fc-mapping-warning .adapter=${server.client()}></fc-mapping-warning>
        </div>`,
      );
      const el = wrapper.querySelector('fc-mapping-warning')!;
      const box = (await openDialog(el)).getBoundingClientRect();
      expect(box.width).to.be.greaterThan(200);
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const hit = el.shadowRoot!.elementFromPoint(x, y)?.closest('dialog');
      expect(hit === dialogOf(el), 'the dialog is on top at its own centre').to.equal(true);
    });
  });

  describe('with every source mapped, or none at all', () => {
    for (const [label, dataset] of [
      ['all mapped (customers without a source do not count)', shop({ mapped: 4, unmapped: 0, noSource: 6 })],
      ['no sources', shop({ mapped: 0, unmapped: 0, noSource: 3 })],
    ] as const) {
      it(`shows nothing: ${label}`, async () => {
        server = await startDemoServer(dataset);
        const el = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${server.client()}></fc-mapping-warning>`);
        await settled(el);
        expect(dialogOf(el)).to.equal(null);
        expect(shadowText(el)).to.equal('');
        expect(el.getBoundingClientRect().height).to.equal(0);
        await expect(el).to.be.accessible();
      });
    }
  });

  describe('hosts', () => {
    before(async () => {
      server = await startDemoServer(shop({ mapped: 1, unmapped: 1 }));
    });

    it('says so when the host does not provide customer sources', async () => {
      const el = await fixture<FcMappingWarning>(
        html`<fc-mapping-warning .adapter=${server.client({ parts: ['customers'] })}></fc-mapping-warning>`,
      );
      expect(shadowText(el)).to.equal('This host does not provide customer sources.');
      expect(el.shadowRoot!.querySelector('[role="status"]')).to.not.equal(null);
      expect(dialogOf(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('reports counts that cannot be true as unreadable data, not as a prompt', async () => {
      const status: MappingStatus = { total: 3, mapped: 5, unknownCustomers: 1, customers: 4 };
      const adapter = { sources: { mappingStatus: async () => status } } as unknown as ForecourtAdapter;
      const el = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${adapter}></fc-mapping-warning>`);
      await waitUntil(() => /Could not check/.test(shadowText(el)), 'no error state');
      expect(shadowText(el)).to.contain('Could not check the source mapping: The server sent data that could not be read.');
      expect(shadowText(el)).to.contain('The mapping status has counts that cannot be right.');
      expect(dialogOf(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows a thrown message as text, never as markup', async () => {
      const adapter = {
        sources: { mappingStatus: async () => Promise.reject(new Error('<img src=x onerror=alert(1)> javascript:alert(1)')) },
      } as unknown as ForecourtAdapter;
      const el = await fixture<FcMappingWarning>(html`<fc-mapping-warning .adapter=${adapter}></fc-mapping-warning>`);
      await waitUntil(() => /Could not check/.test(shadowText(el)), 'no error state');
      expect(shadowText(el)).to.contain('<img src=x onerror=alert(1)> javascript:alert(1)');
      expect(el.shadowRoot!.querySelector('img, a')).to.equal(null);
    });

    it('checks when an adapter arrives after it connected', async () => {
      const el = await fixture<FcMappingWarning>(html`<fc-mapping-warning></fc-mapping-warning>`);
      expect(shadowText(el)).to.equal('This host does not provide customer sources.');
      el.adapter = server.client();
      const dialog = await openDialog(el);
      expect(shadowText(el)).to.contain('1 of 2 customer sources is not mapped yet; 0 customers show as unknown.');
      dialog.close();
    });

    it('is defined once and tolerates a second definition', async () => {
      expect(customElements.get('fc-mapping-warning') === FcMappingWarning).to.equal(true);
      await import('../../src/components/mapping-warning/fc-mapping-warning.js');
      expect(customElements.get('fc-mapping-warning') === FcMappingWarning).to.equal(true);
    });
  });
});
