/**
 * A widget's change that the server answered 429 with `Retry-After`: it shows as not sent yet with
 * the time the server asked us to wait until (in the user's language, as a time, not a countdown),
 * it is not sent again before that time, and "Send now" sends it at once.
 */
import { expect, fixture, html, waitUntil as waitFor } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../../src/components/source-report/fc-source-report.js';
import '../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import '../../src/components/customer-list/fc-customer-list.js';
import '../../src/components/deleted-customers/fc-deleted-customers.js';
import type { FcCustomerList } from '../../src/components/customer-list/fc-customer-list.js';
import type { FcDeletedCustomers } from '../../src/components/deleted-customers/fc-deleted-customers.js';
import type { FcSourceMappingEditor } from '../../src/components/source-mapping-editor/fc-source-mapping-editor.js';
import type { FcSourceReport } from '../../src/components/source-report/fc-source-report.js';
import { closeClients, inViewerZone, shadowText, startDemoServer, useHandlers } from './rig.js';
import type { DemoServer } from './rig.js';

const waitUntil = (predicate: () => unknown, message: string) => waitFor(predicate, message, { timeout: 10_000 });
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const buttonNamed = (el: FcSourceReport, name: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name);
/** The times a wait of two minutes from any instant in [from, to] is shown as. */
const shownTimes = (from: number, to: number) =>
  new Set([from, to].map((at) => new Intl.DateTimeFormat('en', { timeStyle: 'short' }).format(at + 120_000)));
/** The times a wait of two minutes from `from` or now is shown as by a widget whose times are the shop's (`zone`, named when not the viewer's). */
const shopTimes = (from: number, zone: string) => {
  const named = zone !== Intl.DateTimeFormat().resolvedOptions().timeZone;
  const format = new Intl.DateTimeFormat('en', { timeZone: zone, hour: 'numeric', minute: '2-digit', ...(named ? { timeZoneName: 'short' } : {}) });
  return new Set([from, Date.now()].map((at) => format.format(at + 120_000)));
};
/** True when `said` is the wait sentence for a two-minute wait asked for between `from` and now, in the shop's `zone`. */
const saysWait = (said: string, from: number, zone: string) => [...shopTimes(from, zone)].some((t) => said.includes(`The server asked us to wait until ${t}.`));
/** Answers every `method` request to `path` of the server 429 with `Retry-After: 120` until the returned function is called. */
function holdWrites(server: DemoServer, method: 'put' | 'post', path: string): () => void {
  let busy = true;
  useHandlers(
    http[method](`${server.baseUrl}${path}`, () => {
      // Not busy: the demo server's own handler answers.
      if (busy) return HttpResponse.json({ message: 'Too many requests.' }, { status: 429, headers: { 'Retry-After': '120' } });
      return undefined;
    }),
  );
  return () => (busy = false);
}

describe('a change the server asked us to hold (Retry-After)', () => {
  let server: DemoServer;
  before(async () => {
    server = await startDemoServer();
  });
  after(() => closeClients());

  it('says until when the server asked us to wait, does not send it before, and Send now sends it', async () => {
    let busy = true;
    let puts = 0;
    useHandlers(
      http.put(`${server.baseUrl}/sources/spend`, () => {
        puts += 1;
        // Not busy: the demo server's own handler answers.
        if (busy) return HttpResponse.json({ message: 'Too many requests.' }, { status: 429, headers: { 'Retry-After': '120' } });
        return undefined;
      }),
    );
    try {
      const adapter = server.client();
      const el = await fixture<FcSourceReport>(html`<fc-source-report .adapter=${adapter} today=${server.dataset.today}></fc-source-report>`);
      await waitUntil(() => buttonNamed(el, 'Edit spend'), 'the report did not load');
      buttonNamed(el, 'Edit spend')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('input[inputmode="decimal"]'), 'no spend editor');
      const field = el.shadowRoot!.querySelector<HTMLInputElement>('input[inputmode="decimal"]')!;
      field.focus();
      field.select();
      const before = Date.now();
      await sendKeys({ type: '321' });
      await sendKeys({ press: 'Tab' });

      await waitUntil(() => shadowText(el).includes('The server asked us to wait until'), 'the wait is not shown');
      const after = Date.now();
      const status = el.shadowRoot!.getElementById(field.getAttribute('aria-describedby')!)!;
      const said = text(status);
      const time = [...shownTimes(before, after)].find((t) => said === `Not sent yet: The server asked us to wait until ${t}. It will be sent again.`);
      expect(time, said).to.be.a('string');
      expect(puts, 'sent again before the time the server asked for').to.equal(1);
      await expect(el).to.be.accessible();

      busy = false;
      buttonNamed(el, 'Send now')!.click();
      await waitUntil(() => !shadowText(el).includes('Not sent yet'), 'not sent on Send now');
      expect(puts).to.equal(2);
    } finally {
      busy = false;
    }
  });

  it('shows the wait in the source mapping editor row of the change', async () => {
    let busy = true;
    useHandlers(
      http.patch(`${server.baseUrl}/sources/:id`, () => {
        if (busy) return HttpResponse.json({ message: 'Too many requests.' }, { status: 503, headers: { 'Retry-After': '120' } });
        return undefined;
      }),
    );
    try {
      const adapter = server.client();
      const el = await fixture<FcSourceMappingEditor>(html`<fc-source-mapping-editor .adapter=${adapter}></fc-source-mapping-editor>`);
      const bing = server.dataset.sources.find((s) => s.code === 'BING')!;
      const accept = () => el.shadowRoot!.querySelector<HTMLButtonElement>(`button[data-action="accept"][data-id="${bing.id}"]`);
      await waitUntil(accept, 'the editor did not load');
      const before = Date.now();
      accept()!.click();
      const row = () => text(el.shadowRoot!.querySelector(`tr[data-id="${bing.id}"]`));
      await waitUntil(() => row().includes('The server asked us to wait until'), 'the wait is not shown');
      const times = [...shownTimes(before, Date.now())];
      expect(times.some((t) => row().includes(`The server asked us to wait until ${t}.`)), row()).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      busy = false;
    }
  });

  /**
   * Sets the source of the board's `pick`-th unknown-source customer while the server holds writes.
   * @returns The board, the customer's row once it shows the wait, and when the change was sent.
   */
  async function setSourceHeld(pick: (unknown: { customerName: string }[]) => { customerName: string }) {
    const el = await fixture<FcCustomerList>(html`<fc-customer-list .adapter=${server.client()} date=${server.dataset.today} refresh-interval="0"></fc-customer-list>`);
    const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    await waitUntil(() => rows().length > 0, 'the board did not render');
    const board = await server.backend.customers!.board({ date: server.dataset.today });
    const target = pick(board.filter((e) => e.sourceUnknown));
    const source = (await server.backend.sources!.list()).find((x) => x.categoryId && !x.deleted)!;
    const row = rows().find((r) => text(r.querySelector('.name-text')) === target.customerName)!;
    row.querySelector<HTMLButtonElement>('button.name')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('dialog select'), 'the picker did not open');
    const dialog = el.shadowRoot!.querySelector('dialog')!;
    dialog.querySelector('select')!.value = source.id;
    const before = Date.now();
    dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => text(row).includes('The server asked us to wait until'), 'the wait is not shown');
    return { el, row, before };
  }

  it("shows the wait beside the customer list's chosen source", async () => {
    const release = holdWrites(server, 'put', '/customers/:id/source');
    try {
      const { el, row, before } = await setSourceHeld((unknown) => unknown[0]!);
      expect(saysWait(text(row.querySelector('.pending')), before, server.dataset.dealer.zone), text(row)).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      release();
    }
  });

  it("shows the board's wait in the shop's zone, named, to a viewer in another zone", async () => {
    await inViewerZone('Asia/Tokyo', async () => {
      const release = holdWrites(server, 'put', '/customers/:id/source');
      try {
        const { row, before } = await setSourceHeld((unknown) => unknown.at(-1)!);
        const said = text(row.querySelector('.pending'));
        expect(saysWait(said, before, server.dataset.dealer.zone), said).to.equal(true);
        // The shop is in Chicago: the viewer in Tokyo is told whose clock the time is on.
        expect(said).to.match(/ (CST|CDT)\.$/);
      } finally {
        release();
      }
    });
  });

  it('shows the wait as the status of a restore of a deleted customer', async () => {
    const release = holdWrites(server, 'post', '/deleted/restore');
    try {
      const days = server.dataset.deleted.filter((r) => !r.restoredAt).map((r) => r.deletedAt.slice(0, 10)).sort();
      const el = await fixture<FcDeletedCustomers>(html`<fc-deleted-customers
        .adapter=${server.client()}
        from=${days[0]!}
        to=${days.at(-1)!}
        page-size="50"
      ></fc-deleted-customers>`);
      const rows = () => [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tbody tr')];
      await waitUntil(() => rows().some((r) => r.querySelector('input.check:not(:disabled)')), 'the list did not render');
      const row = rows().find((r) => r.querySelector('input.check:not(:disabled)'))!;
      row.querySelector<HTMLInputElement>('input.check')!.click();
      await el.updateComplete;
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="restore-button"]')!.click();
      await waitUntil(() => el.shadowRoot!.querySelector('dialog')?.open, 'the confirmation did not open');
      const before = Date.now();
      el.shadowRoot!.querySelector<HTMLButtonElement>('dialog button[type="submit"]')!.click();
      const status = () => text(row.querySelector('td:last-child'));
      await waitUntil(() => status().includes('The server asked us to wait until'), 'the wait is not shown');
      expect(saysWait(status(), before, server.dataset.dealer.zone), status()).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      release();
    }
  });
});
