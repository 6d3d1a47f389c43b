import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/sms-history/fc-sms-history.js';
import type { FcSmsHistory } from '../../src/components/sms-history/fc-sms-history.js';
import type { ForecourtAdapter, SmsListQuery } from '../../src/data/adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { Dataset, SmsMessage } from '../../src/data/model.js';
import { closeClients, inViewerZone, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';

const XSS = '<img src=x onerror=alert(1)>';
const JS = 'javascript:alert(1)';
/** Wide enough to hold every message of the generated datasets (today 2026-11-23, a year back). */
const ALL = 'from=2025-01-01&to=2026-12-31';
const ZONE = 'America/Chicago';

const root = (el: FcSmsHistory) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const grid = (el: FcSmsHistory) => root(el).querySelector<HTMLElement>('[role="grid"]');
const dataRows = (el: FcSmsHistory) => [...root(el).querySelectorAll<HTMLElement>('.rows [role="row"]')];
const scroller = (el: FcSmsHistory) => root(el).querySelector<HTMLElement>('[part~="scroller"]')!;
const rowByIndex = (el: FcSmsHistory, ariaRowIndex: number) =>
  root(el).querySelector<HTMLElement>(`.rows [role="row"][aria-rowindex="${ariaRowIndex}"]`);
const cellTexts = (row: Element | null) => [...(row?.querySelectorAll('[role="gridcell"]') ?? [])].map((c) => text(c));
const focusedRowIndex = (el: FcSmsHistory) => root(el).activeElement?.closest('[role="row"]')?.getAttribute('aria-rowindex') ?? null;
const focusedColIndex = (el: FcSmsHistory) => root(el).activeElement?.getAttribute('aria-colindex') ?? null;
const button = (el: FcSmsHistory, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name || b.getAttribute('aria-label') === name);

/** Waits for the details dialog and its content (loaded on the first open; a skeleton meanwhile). */
const detailsOpen = (el: FcSmsHistory) =>
  waitUntil(() => root(el).querySelector('dialog')?.open && !root(el).querySelector('dialog [part~="loading"]'), 'the details did not open');

/** Lets the resize observers deliver (they run after layout, one frame later). */
const nextFrames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

async function ctrl(key: string): Promise<void> {
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Control' });
}

async function shift(key: string): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: key });
  await sendKeys({ up: 'Shift' });
}

/**
 * The most elements the widget may hold at any scroll position, whatever the row count: the
 * window's rows and the header, plus the summary above the grid (its figures, tables and at most
 * three templates of its bulk-text warning).
 */
const MAX_ELEMENTS = 450;

/** Every element inside the widget, its nested shadow roots included. */
function countElements(node: ShadowRoot | Element): number {
  let n = 0;
  for (const child of node.querySelectorAll('*')) {
    n++;
    if (child.shadowRoot) n += countElements(child.shadowRoot);
  }
  return n;
}

function message(i: number, patch: Partial<SmsMessage> = {}): SmsMessage {
  return {
    id: `m-${i}`,
    provider: 'bandwidth',
    direction: 'outbound',
    from: '+13125550100',
    to: `+1312555${String(1000 + i).slice(-4)}`,
    body: `Hello number ${i}`,
    status: 'delivered',
    errorCode: null,
    sentAt: new Date(Date.UTC(2026, 10, 2, 12) + i * 60_000).toISOString(),
    segments: 1,
    employeeId: 'emp-1',
    employeeName: 'Dana Cruz',
    customerId: `c-${i}`,
    customerName: `Customer ${i}`,
    ...patch,
  };
}

function smsDataset(sms: SmsMessage[]): Dataset {
  return { ...generateDataset({ size: 'small', today: '2026-11-23' }), sms };
}

/** A memory adapter that records every `sms.list` query. */
function recording(dataset: Dataset): { adapter: ForecourtAdapter; queries: SmsListQuery[] } {
  const memory = createMemoryAdapter(dataset);
  const queries: SmsListQuery[] = [];
  return {
    queries,
    adapter: {
      sms: {
        list: (query, opts) => {
          queries.push(query);
          return memory.sms!.list(query, opts);
        },
        summary: (filter, opts) => memory.sms!.summary(filter, opts),
      },
    },
  };
}

let big: ForecourtAdapter | null = null;
/** ~200k messages over a memory adapter, built once. */
function bigAdapter(): ForecourtAdapter {
  big ??= createMemoryAdapter(generateDataset({ size: 'small', today: '2026-11-23', smsCount: 200_000 }));
  return big;
}

describe('fc-sms-history', () => {
  let server: DemoServer;

  afterEach(async () => {
    server && (server.faults.failing = false);
    server && (server.faults.offline = false);
    server && (server.faults.latencyMs = 0);
    await closeClients();
  });

  describe('states', () => {
    before(async () => {
      server = await startDemoServer(generateDataset({ size: 'small', today: '2026-11-23' }));
    });

    it('says so when the host does not provide SMS history', async () => {
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${server.client({ parts: ['customers'] })}></fc-sms-history>`);
      expect(shadowText(el)).to.contain('This host does not provide SMS history.');
      expect(el.rowCount).to.equal(-1);
      await expect(el).to.be.accessible();
    });

    it('shows a loading state, then the rows with aria-rowcount and aria-rowindex', async () => {
      server.faults.latencyMs = 400;
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history .adapter=${server.client()} filter=${ALL} time-zone=${ZONE}></fc-sms-history>`,
      );
      expect(root(el).querySelector('[part~="loading"]')?.getAttribute('aria-busy')).to.equal('true');
      expect(shadowText(el)).to.contain('Counting texts');
      await expect(el).to.be.accessible();
      await el.rowsReady();
      const total = server.dataset.sms.length;
      expect(el.rowCount).to.equal(total);
      expect(grid(el)!.getAttribute('aria-rowcount')).to.equal(String(total + 1));
      expect(root(el).querySelector('[role="row"].header')?.getAttribute('aria-rowindex')).to.equal('1');
      const rows = dataRows(el);
      expect(rows.length).to.be.greaterThan(5);
      expect(rows.map((r) => r.getAttribute('aria-rowindex')).slice(0, 3)).to.deep.equal(['2', '3', '4']);
      expect(rows.some((r) => r.getAttribute('aria-busy') === 'true')).to.equal(false);
      // Newest first by default: the first row is the last message of the dataset.
      const newest = server.dataset.sms[total - 1]!;
      expect(cellTexts(rows[0]!)[5]).to.equal(newest.body);
      expect(shadowText(el)).to.contain(`${total} texts`);
      await expect(el).to.be.accessible();
    });

    it('shows the empty state when nothing matches', async () => {
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history .adapter=${server.client()} filter=${`${ALL}&text=no-such-text-anywhere`}></fc-sms-history>`,
      );
      await el.rowsReady();
      expect(el.rowCount).to.equal(0);
      expect(shadowText(el)).to.contain('No texts match this filter.');
      await expect(el).to.be.accessible();
    });

    it('shows a specific error with Retry, and the rows after a retry', async () => {
      server.faults.failing = true;
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${server.client()} filter=${ALL}></fc-sms-history>`);
      let failure: unknown = null;
      await el.rowsReady().catch((e) => (failure = e));
      expect(failure).to.not.equal(null);
      await waitUntil(() => shadowText(el).includes('The server had a problem (HTTP 503)'), 'error shown', { timeout: 8000 });
      await expect(el).to.be.accessible();
      server.faults.failing = false;
      root(el).querySelector<HTMLButtonElement>('[part~="state"] [part~="retry-button"]')!.click();
      await el.rowsReady();
      expect(el.rowCount).to.equal(server.dataset.sms.length);
      expect(dataRows(el).length).to.be.greaterThan(0);
    });
  });

  describe('rows', () => {
    it('renders markup and javascript: URLs in a body as text', async () => {
      const sms = [
        message(0, { body: XSS, customerName: JS }),
        message(1, { body: `<a href="${JS}">click</a>`, employeeName: XSS }),
      ];
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history .adapter=${createMemoryAdapter(smsDataset(sms))} filter="from=2026-11-01&to=2026-11-30" time-zone="UTC"></fc-sms-history>`,
      );
      await el.rowsReady();
      expect(root(el).querySelector('.rows img, .rows a')).to.equal(null);
      const [second, first] = dataRows(el).map((r) => cellTexts(r));
      expect(first![5]).to.equal(XSS);
      expect(first![2]).to.equal(JS);
      expect(second![5]).to.equal(`<a href="${JS}">click</a>`);
      expect(second![4]).to.equal(XSS);
      await expect(el).to.be.accessible();
    });

    it('shows the time in the given zone, the customer phone, status, error code and title, segments', async () => {
      const sms = [
        message(0, { sentAt: '2026-11-10T15:05:00.000Z', status: 'undelivered', errorCode: '4470', segments: 2, to: '+13125559999' }),
        message(1, { sentAt: '2026-11-10T16:00:00.000Z', direction: 'inbound', status: 'received', from: '+13125551234', to: '+13125550100', employeeId: null, employeeName: null }),
      ];
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history .adapter=${createMemoryAdapter(smsDataset(sms))} filter="from=2026-11-01&to=2026-11-30" time-zone="America/Chicago"></fc-sms-history>`,
      );
      await el.rowsReady();
      const [inbound, outbound] = dataRows(el).map((r) => cellTexts(r));
      // Named when the viewer's zone is another.
      expect(outbound![0]).to.equal(Intl.DateTimeFormat().resolvedOptions().timeZone === ZONE ? 'Nov 10, 2026, 9:05 AM' : 'Nov 10, 2026, 9:05 AM CST');
      expect(outbound!.slice(1)).to.deep.equal(['Outgoing', 'Customer 0', '+13125559999', 'Dana Cruz', 'Hello number 0', 'Undelivered', '4470 Rejected as spam', '2']);
      expect(inbound!.slice(1, 5)).to.deep.equal(['Incoming', 'Customer 1', '+13125551234', '']);
      expect(inbound![7]).to.equal('');
    });

    it("shows times and this month in the dealer's zone, named only to a viewer in another zone", async () => {
      const sms = [
        message(0, { sentAt: '2026-11-10T15:05:00.000Z' }),
        // 8 PM of Nov 30 at the shop, already Dec 1 in Tokyo.
        message(1, { sentAt: '2026-12-01T02:00:00.000Z' }),
      ];
      const realNow = Date.now;
      await inViewerZone('Asia/Tokyo', async () => {
        // Noon of Dec 1 in Tokyo, 9 PM of Nov 30 at the shop (America/Chicago, the dealer profile's zone).
        Date.now = () => Date.parse('2026-12-01T03:00:00Z');
        try {
          const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${createMemoryAdapter(smsDataset(sms))}></fc-sms-history>`);
          await el.rowsReady();
          expect([root(el).querySelector<HTMLInputElement>('#f-from')!.value, root(el).querySelector<HTMLInputElement>('#f-to')!.value]).to.deep.equal(['2026-11-01', '2026-11-30']);
          expect(dataRows(el).map((r) => cellTexts(r)[0])).to.deep.equal(['Nov 30, 2026, 8:00 PM CST', 'Nov 10, 2026, 9:05 AM CST']);
          await expect(el).to.be.accessible();
          dataRows(el)[1]!.querySelector<HTMLElement>('[aria-colindex="6"]')!.click();
          await detailsOpen(el);
          expect(text(root(el).querySelector('dialog h2'))).to.equal('Text with Customer 0, Nov 10, 2026, 9:05 AM CST');
          await expect(el).to.be.accessible();
        } finally {
          Date.now = realNow;
        }
      });
      // The same texts to a viewer at the shop: no zone name.
      await inViewerZone(ZONE, async () => {
        const el = await fixture<FcSmsHistory>(
          html`<fc-sms-history .adapter=${createMemoryAdapter(smsDataset(sms))} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>`,
        );
        await el.rowsReady();
        expect(dataRows(el).map((r) => cellTexts(r)[0])).to.deep.equal(['Nov 30, 2026, 8:00 PM', 'Nov 10, 2026, 9:05 AM']);
        dataRows(el)[1]!.querySelector<HTMLElement>('[aria-colindex="6"]')!.click();
        await detailsOpen(el);
        expect(text(root(el).querySelector('dialog h2'))).to.equal('Text with Customer 0, Nov 10, 2026, 9:05 AM');
        await expect(el).to.be.accessible();
      });
    });

    it('explains an error code in a tooltip on focus and in the details panel on Enter', async () => {
      const sms = [message(0, { status: 'undelivered', errorCode: '4720' })];
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history .adapter=${createMemoryAdapter(smsDataset(sms))} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>`,
      );
      await el.rowsReady();
      const errorCell = dataRows(el)[0]!.querySelector<HTMLElement>('[aria-colindex="8"]')!;
      // Without scrolling the grid: a scroll closes the tooltip.
      errorCell.focus({ preventScroll: true });
      // The tooltip's part loads with the first error shown.
      await waitUntil(() => root(el).querySelector('[role="tooltip"]:not([hidden])'), 'no tooltip', { timeout: 5000 });
      const tip = root(el).querySelector<HTMLElement>('[role="tooltip"]')!;
      expect(tip.hidden).to.equal(false);
      expect(errorCell.getAttribute('aria-describedby')).to.equal(tip.id);
      expect(text(tip)).to.contain('4720');
      // The definitions and advice come with the first error shown.
      await waitUntil(() => /prepaid account/.test(text(tip)), text(tip));
      expect(text(tip).length).to.be.greaterThan(60);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(tip.hidden).to.equal(true);

      await sendKeys({ press: 'Enter' });
      await detailsOpen(el);
      const dialog = root(el).querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      expect(text(dialog)).to.contain('What to do');
      expect(text(dialog)).to.contain('Hello number 0');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelector('dialog')).to.equal(null);
      expect(focusedColIndex(el)).to.equal('8');
    });

    it('shows the error tooltip in full out of a host container that clips and transforms it', async () => {
      const sms = [message(0, { status: 'undelivered', errorCode: '4720' })];
      const card = await fixture<HTMLDivElement>(
        html`<div style="overflow: hidden; transform: translateX(0)">
          <fc-sms-history .adapter=${createMemoryAdapter(smsDataset(sms))} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>
        </div>`,
      );
      const el = card.querySelector<FcSmsHistory>('fc-sms-history')!;
      await el.rowsReady();
      const errorCell = dataRows(el)[0]!.querySelector<HTMLElement>('[aria-colindex="8"]')!;
      // The host's panel ends at the cell's bottom edge: the tooltip cannot show inside it.
      card.style.height = `${errorCell.getBoundingClientRect().bottom - card.getBoundingClientRect().top}px`;
      errorCell.focus({ preventScroll: true });
      // The tooltip's part loads with the first error shown; then it is placed with its texts.
      await waitUntil(() => /prepaid account/.test(text(root(el).querySelector('[role="tooltip"]:popover-open'))), 'no tooltip', { timeout: 5000 });
      await el.updateComplete;
      const tip = root(el).querySelector<HTMLElement>('[role="tooltip"]')!;
      const box = tip.getBoundingClientRect();
      expect(box.height).to.be.greaterThan(20);
      expect(box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth).to.equal(true);
      for (const [x, y] of [[box.left + 4, box.top + 4], [box.right - 4, box.bottom - 4]] as const) {
        expect(tip.contains(root(el).elementFromPoint(x, y))).to.equal(true);
      }
    });

    it('opens the details on a click, and "Only this customer" filters by that customer', async () => {
      const sms = [message(0), message(1, { customerId: 'c-other', customerName: 'Other' })];
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history .adapter=${createMemoryAdapter(smsDataset(sms))} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>`,
      );
      await el.rowsReady();
      dataRows(el)[0]!.querySelector<HTMLElement>('[aria-colindex="6"]')!.click();
      await detailsOpen(el);
      expect(text(root(el).querySelector('dialog h2'))).to.contain('Text with Other');
      setTimeout(() => button(el, 'Only this customer')!.click());
      const event = await oneEvent(el, 'fc-sms-filter-change');
      expect(event.detail.value.customerId).to.equal('c-other');
      expect(el.getAttribute('filter')).to.equal('from=2026-11-01&to=2026-11-30&customerId=c-other');
      await el.rowsReady();
      expect(el.rowCount).to.equal(1);
    });
  });

  describe('sorting and columns', () => {
    it('reverses the time order from the time header (the only sortable column)', async () => {
      const { adapter, queries } = recording(smsDataset([message(0), message(1), message(2)]));
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${adapter} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>`);
      await el.rowsReady();
      const header = root(el).querySelector('[role="columnheader"][aria-sort]')!;
      expect(header.getAttribute('aria-sort')).to.equal('descending');
      expect(root(el).querySelectorAll('[role="columnheader"][aria-sort]').length).to.equal(1);
      expect(cellTexts(dataRows(el)[0]!)[2]).to.equal('Customer 2');
      header.querySelector('button')!.click();
      await el.rowsReady();
      expect(queries.at(-1)!.order).to.equal('asc');
      expect(root(el).querySelector('[role="columnheader"][aria-sort]')!.getAttribute('aria-sort')).to.equal('ascending');
      expect(cellTexts(dataRows(el)[0]!)[2]).to.equal('Customer 0');
    });

    it('resizes a column with the keyboard on its separator', async () => {
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history .adapter=${createMemoryAdapter(smsDataset([message(0)]))} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>`,
      );
      await el.rowsReady();
      const separator = root(el).querySelectorAll<HTMLElement>('[role="separator"]')[2]!;
      const before = Number(separator.getAttribute('aria-valuenow'));
      const cell = () => dataRows(el)[0]!.querySelector<HTMLElement>('[aria-colindex="3"]')!;
      const widthBefore = cell().getBoundingClientRect().width;
      separator.focus();
      await shift('ArrowRight');
      await sendKeys({ press: '+' });
      await el.updateComplete;
      expect(Number(separator.getAttribute('aria-valuenow'))).to.equal(before + 32);
      expect(Math.round(cell().getBoundingClientRect().width - widthBefore)).to.equal(32);
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(Number(separator.getAttribute('aria-valuenow'))).to.equal(Number(separator.getAttribute('aria-valuemin')));
    });

    it('puts one header stop between the toolbar and the rows; arrows reach every resize handle', async () => {
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history .adapter=${createMemoryAdapter(smsDataset([message(0), message(1)]))} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>`,
      );
      await el.rowsReady();
      const active = () => root(el).activeElement as HTMLElement | null;
      const separators = [...root(el).querySelectorAll<HTMLElement>('[role="separator"]')];
      expect(separators).to.have.length(9);
      button(el, 'Export CSV')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(active()!.classList.contains('sort'), 'the sort button').to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(active()!.getAttribute('role')).to.equal('gridcell');
      expect(focusedRowIndex(el)).to.equal('2');
      await shift('Tab');
      expect(active()!.classList.contains('sort')).to.equal(true);
      for (const [i, handle] of separators.entries()) {
        await sendKeys({ press: 'ArrowRight' });
        expect(active(), `handle ${i + 1}`).to.equal(handle);
        expect(text(active()?.closest('[role="columnheader"]'))).to.not.equal('');
      }
      expect(active()!.getAttribute('aria-label')).to.equal('Width of the Segments column');
      const width = Number(active()!.getAttribute('aria-valuenow'));
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(Number(active()!.getAttribute('aria-valuenow'))).to.equal(width + 16);
      // Still one stop in the header, the handle last used.
      expect([...root(el).querySelectorAll('.head [tabindex="0"]')]).to.deep.equal([separators[8]]);
      await sendKeys({ press: 'Tab' });
      expect(active()!.getAttribute('role')).to.equal('gridcell');
      await expect(el).to.be.accessible();
    });

    it('gives the summary inside its theme and language, and keeps it in step when they change', async () => {
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history theme="dark" lang="en" locale="es" .adapter=${createMemoryAdapter(smsDataset([message(0)]))} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>`,
      );
      await el.rowsReady();
      const summary = root(el).querySelector<HTMLElement & { updateComplete: Promise<boolean> }>('fc-sms-summary')!;
      const looks = async () => {
        await el.updateComplete;
        await summary.updateComplete;
        const style = (node: Element) => getComputedStyle(node);
        const surface = (node: Element) => style(node).getPropertyValue('--_fc-color-surface');
        expect(surface(summary), 'the same surface colour').to.equal(surface(el));
        return style(summary).colorScheme;
      };
      expect(await looks()).to.equal('dark');
      el.removeAttribute('theme');
      el.classList.add('fc-light');
      expect(await looks()).to.equal('light');
      el.classList.replace('fc-light', 'fc-dark');
      expect(await looks()).to.equal('dark');
      el.classList.remove('fc-dark');
      el.setAttribute('theme', 'light');
      expect(await looks()).to.equal('light');
      el.setAttribute('theme', 'dark');
      expect(await looks()).to.equal('dark');
      // Its language too, even where the host marked the element's language otherwise.
      await waitUntil(() => /Enviados/.test(shadowText(summary)), shadowText(summary));
      el.locale = 'en';
      await waitUntil(() => /Texts out/.test(shadowText(summary)) && !/Enviados/.test(shadowText(summary)), shadowText(summary));
    });

    it('stacks rows as cards in a narrow container, still a grid', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 420px"><fc-sms-history .adapter=${createMemoryAdapter(smsDataset([message(0), message(1)]))} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history></div>`,
      );
      const el = wrapper.querySelector('fc-sms-history')!;
      await waitUntil(() => dataRows(el)[0]?.getBoundingClientRect().height === 168, 'rows become cards');
      await el.rowsReady();
      expect(grid(el)!.getAttribute('role')).to.equal('grid');
      const [first, second] = dataRows(el);
      expect(Math.round(second!.getBoundingClientRect().top - first!.getBoundingClientRect().top)).to.equal(168);
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('moves the focused row with arrows, PageDown, Home/End and Ctrl+Home', async () => {
      const sms = Array.from({ length: 300 }, (_, i) => message(i));
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history .adapter=${createMemoryAdapter(smsDataset(sms))} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>`,
      );
      await el.rowsReady();
      dataRows(el)[0]!.querySelector<HTMLElement>('[role="gridcell"]')!.focus();
      expect(focusedRowIndex(el)).to.equal('2');
      await sendKeys({ press: 'ArrowDown' });
      expect(focusedRowIndex(el)).to.equal('3');
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowUp' });
      expect(focusedRowIndex(el)).to.equal('3');
      await sendKeys({ press: 'ArrowRight' });
      expect(focusedColIndex(el)).to.equal('2');
      await sendKeys({ press: 'End' });
      expect(focusedColIndex(el)).to.equal('9');
      // The grid is wider than the test page: the last column was scrolled into view.
      expect(scroller(el).scrollLeft).to.be.greaterThan(0);
      await sendKeys({ press: 'Home' });
      expect(focusedColIndex(el)).to.equal('1');
      expect(scroller(el).scrollLeft).to.equal(0);
      await sendKeys({ press: 'PageDown' });
      const afterPage = Number(focusedRowIndex(el));
      expect(afterPage).to.be.greaterThan(6);
      // Far below the first window: the row was scrolled into view and rendered.
      for (let i = 0; i < 30; i++) await sendKeys({ press: 'ArrowDown' });
      expect(focusedRowIndex(el)).to.equal(String(afterPage + 30));
      expect(scroller(el).scrollTop).to.be.greaterThan(0);
      await ctrl('Home');
      expect(focusedRowIndex(el)).to.equal('2');
      expect(scroller(el).scrollTop).to.equal(0);
      await ctrl('End');
      expect(focusedRowIndex(el)).to.equal('301');
      await el.rowsReady();
      expect(cellTexts(rowByIndex(el, 301))[2]).to.equal('Customer 0');
    });

    it(`reaches the last of 200k rows with Ctrl+End, with aria-rowcount and at most ${MAX_ELEMENTS} elements`, async () => {
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${bigAdapter()} filter=${ALL}></fc-sms-history>`);
      await el.rowsReady();
      const total = el.rowCount;
      expect(total).to.be.greaterThan(190_000);
      expect(grid(el)!.getAttribute('aria-rowcount')).to.equal(String(total + 1));
      // The scroll body stays under Chromium's element height limit and the scrollbar is honest.
      expect(scroller(el).scrollHeight).to.be.lessThan(33_000_000);
      dataRows(el)[0]!.querySelector<HTMLElement>('[role="gridcell"]')!.focus();
      await ctrl('End');
      expect(focusedRowIndex(el)).to.equal(String(total + 1));
      await el.rowsReady();
      const last = rowByIndex(el, total + 1)!;
      expect(last.getAttribute('aria-busy')).to.equal(null);
      expect(cellTexts(last)[0]).to.not.equal('');
      // The last row is inside the scroller's visible box.
      const box = scroller(el).getBoundingClientRect();
      const rowBox = last.getBoundingClientRect();
      expect(rowBox.bottom <= box.bottom + 1 && rowBox.top >= box.top).to.equal(true);
      expect(countElements(root(el))).to.be.at.most(MAX_ELEMENTS);
      await sendKeys({ press: 'ArrowUp' });
      expect(focusedRowIndex(el)).to.equal(String(total));
    });

    it('scales the scrollbar past the element height limit and still reaches the last row (cards: 168 px × 200k rows)', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        html`<div style="inline-size: 420px"><fc-sms-history .adapter=${bigAdapter()} filter=${ALL}></fc-sms-history></div>`,
      );
      const el = wrapper.querySelector('fc-sms-history')!;
      await el.rowsReady();
      await waitUntil(() => dataRows(el)[0]?.getBoundingClientRect().height === 168, 'rows become cards');
      await nextFrames();
      const total = el.rowCount;
      const s = scroller(el);
      // 200k cards would be 29.6M px: the body is capped and scroll positions map proportionally.
      expect(total * 168).to.be.greaterThan(20_000_000);
      expect(s.scrollHeight).to.be.at.most(15_000_100);
      s.scrollTop = s.scrollHeight / 2;
      await waitUntil(() => dataRows(el).some((r) => Math.abs(Number(r.getAttribute('aria-rowindex')) - total / 2) < 50), 'middle rows');
      dataRows(el)[2]!.querySelector<HTMLElement>('[role="gridcell"]')!.focus();
      await ctrl('End');
      expect(focusedRowIndex(el)).to.equal(String(total + 1));
      await el.rowsReady();
      const rowBox = rowByIndex(el, total + 1)!.getBoundingClientRect();
      expect(rowBox.bottom <= s.getBoundingClientRect().bottom + 1).to.equal(true);
      expect(Math.abs(s.scrollTop + s.clientHeight - s.scrollHeight)).to.be.lessThan(2);
    });

    it('reaches the last row by scrollbar and by scrollToRow', async () => {
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${bigAdapter()} filter=${ALL}></fc-sms-history>`);
      await el.rowsReady();
      const total = el.rowCount;
      const s = scroller(el);
      s.scrollTop = s.scrollHeight;
      await waitUntil(() => rowByIndex(el, total + 1) !== null, 'last row rendered');
      await el.rowsReady();
      expect(countElements(root(el))).to.be.at.most(MAX_ELEMENTS);
      await el.scrollToRow(1000);
      expect(rowByIndex(el, 1002)?.getAttribute('aria-busy')).to.equal(null);
      expect(Math.abs(rowByIndex(el, 1002)!.getBoundingClientRect().top - root(el).querySelector('.header')!.getBoundingClientRect().bottom)).to.be.lessThan(2);
    });
  });

  describe('reading ahead', () => {
    it('reads the next page before its rows scroll into view, and shows them without placeholders', async () => {
      const sms = Array.from({ length: 500 }, (_, i) => message(i));
      const { adapter, queries } = recording(smsDataset(sms));
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${adapter} filter=${ALL} page-size="50"></fc-sms-history>`);
      await el.rowsReady();
      expect(queries.map((q) => q.offset)).to.deep.equal([0]);
      // Rows 30-42 in view: the page of rows 50-99 is less than half a page away.
      await el.scrollToRow(30);
      expect(rowByIndex(el, 52)).to.equal(null);
      await waitUntil(() => queries.some((q) => q.offset === 50), 'rows 50-99 read ahead');
      await el.rowsReady();
      const reads = queries.length;
      await el.scrollToRow(55);
      const row = rowByIndex(el, 57)!;
      expect(row.getAttribute('aria-busy')).to.equal(null);
      expect(queries.slice(reads).some((q) => q.offset === 50)).to.equal(false);
    });
  });

  describe('filter', () => {
    it('sends the filter with every list request and fires fc-sms-filter-change on user changes', async () => {
      const sms = [message(0), message(1, { direction: 'inbound', body: 'oil change please' }), message(2, { body: 'Oil change done' })];
      const { adapter, queries } = recording(smsDataset(sms));
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${adapter} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>`);
      await el.rowsReady();
      expect(queries[0]).to.include({ from: '2026-11-01', to: '2026-11-30', order: 'desc', limit: 100 });

      const direction = root(el).querySelector<HTMLSelectElement>('#f-direction')!;
      direction.value = 'outbound';
      setTimeout(() => direction.dispatchEvent(new Event('change', { bubbles: true })));
      const change = await oneEvent(el, 'fc-sms-filter-change');
      expect(change.detail.filter).to.equal('from=2026-11-01&to=2026-11-30&direction=outbound');
      expect(change.detail.value).to.deep.equal({ from: '2026-11-01', to: '2026-11-30', direction: 'outbound' });
      expect(el.getAttribute('filter')).to.equal(change.detail.filter);
      await el.rowsReady();
      expect(queries.at(-1)).to.include({ direction: 'outbound' });
      expect(el.rowCount).to.equal(2);

      // Typing searches once, after a pause (debounced).
      const search = root(el).querySelector<HTMLInputElement>('#f-text')!;
      search.focus();
      const sent = queries.length;
      await sendKeys({ type: 'oil' });
      const typed = await oneEvent(el, 'fc-sms-filter-change');
      expect(typed.detail.value.text).to.equal('oil');
      await el.rowsReady();
      expect(queries.slice(sent).every((q) => q.text === 'oil')).to.equal(true);
      expect(el.rowCount).to.equal(1);
    });

    it('restores the form from the attribute (a reload with the same URL)', async () => {
      const filter = 'from=2026-11-01&to=2026-11-15&direction=inbound&status=received&errorCategory=opted-out&errorCode=21610&employeeId=emp-9&customerId=c-3&text=hello%20there';
      const { adapter, queries } = recording(smsDataset([message(0)]));
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${adapter} filter=${filter}></fc-sms-history>`);
      await el.rowsReady();
      // The fields behind "More filters" load on demand: at once when the filter uses them.
      await waitUntil(() => root(el).querySelector('#f-status'), 'the fields behind "More filters"');
      await el.updateComplete;
      const value = (id: string) => root(el).querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`)!.value;
      expect([value('f-from'), value('f-to'), value('f-direction'), value('f-status'), value('f-category')]).to.deep.equal([
        '2026-11-01',
        '2026-11-15',
        'inbound',
        'received',
        'opted-out',
      ]);
      expect([value('f-errorCode'), value('f-employeeId'), value('f-customerId'), value('f-text')]).to.deep.equal(['21610', 'emp-9', 'c-3', 'hello there']);
      expect(queries[0]).to.include({ direction: 'inbound', status: 'received', errorCategory: 'opted-out', errorCode: '21610', employeeId: 'emp-9', customerId: 'c-3', text: 'hello there' });
      await expect(el).to.be.accessible();
    });

    it('refuses a reversed date range with a message and keeps the filter', async () => {
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history .adapter=${createMemoryAdapter(smsDataset([message(0)]))} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>`,
      );
      await el.rowsReady();
      let fired = false;
      el.addEventListener('fc-sms-filter-change', () => (fired = true));
      const from = root(el).querySelector<HTMLInputElement>('#f-from')!;
      from.value = '2026-12-05';
      from.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect(text(root(el).querySelector('[role="alert"]'))).to.equal('The start date is after the end date.');
      expect(fired).to.equal(false);
      expect(el.getAttribute('filter')).to.equal('from=2026-11-01&to=2026-11-30');
    });

    it('filters by the error category chosen in the summary', async () => {
      const el = await fixture<FcSmsHistory>(
        html`<fc-sms-history .adapter=${createMemoryAdapter(smsDataset([message(0, { status: 'failed', errorCode: '4720' }), message(1)]))} filter="from=2026-11-01&to=2026-11-30"></fc-sms-history>`,
      );
      await el.rowsReady();
      const summary = root(el).querySelector('fc-sms-summary')!;
      expect(summary.filter).to.deep.equal({ from: '2026-11-01', to: '2026-11-30' });
      setTimeout(() => summary.dispatchEvent(new CustomEvent('fc-sms-category-select', { bubbles: true, composed: true, detail: { category: 'landline-or-unreachable' } })));
      const change = await oneEvent(el, 'fc-sms-filter-change');
      expect(change.detail.value.errorCategory).to.equal('landline-or-unreachable');
      await el.rowsReady();
      expect(el.rowCount).to.equal(1);
    });
  });

  describe('server errors while scrolling', () => {
    before(async () => {
      server = await startDemoServer(generateDataset({ size: 'small', today: '2026-11-23', smsCount: 2_000 }));
    });

    it('shows Retry in place of the rows that failed, and loads them on Retry', async () => {
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${server.client()} filter=${ALL} page-size="50"></fc-sms-history>`);
      await el.rowsReady();
      server.faults.failing = true;
      scroller(el).scrollTop = 40 * 700;
      await waitUntil(() => root(el).querySelector('[part~="error-row"] [part~="retry-button"]') !== null, 'retry shown in place', { timeout: 8000 });
      // Every page of the window has answered (a second page may fail a moment after the first).
      await waitUntil(() => root(el).querySelector('[role="row"][aria-busy="true"]') === null, 'no row still loading', { timeout: 8000 });
      const retry = root(el).querySelector<HTMLButtonElement>('[part~="error-row"] [part~="retry-button"]')!;
      expect(retry.getAttribute('aria-label')).to.match(/^Retry loading texts 701 to 750$|^Retry loading texts 651 to 700$/);
      expect(text(retry.closest('[role="row"]'))).to.contain('The server had a problem (HTTP 503).');
      // The rows above the failure (already loaded) stay.
      expect(root(el).querySelector('[role="grid"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
      server.faults.failing = false;
      for (const b of root(el).querySelectorAll<HTMLButtonElement>('[part~="error-row"] [part~="retry-button"]')) b.click();
      await el.rowsReady();
      expect(root(el).querySelector('[part~="error-row"]')).to.equal(null);
      expect(rowByIndex(el, 702)?.getAttribute('aria-busy')).to.equal(null);
    });
  });

  describe('export', () => {
    it('streams the filtered rows to a CSV download with progress', async () => {
      const sms = Array.from({ length: 2_345 }, (_, i) => message(i, { body: i === 7 ? 'Hi, "there"\nsecond line' : `Hello number ${i}` }));
      const { adapter, queries } = recording(smsDataset(sms));
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${adapter} filter="from=2026-11-01&to=2026-11-30" time-zone="UTC"></fc-sms-history>`);
      await el.rowsReady();
      const created: Blob[] = [];
      const revoked: string[] = [];
      let downloaded = '';
      const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL, click: HTMLAnchorElement.prototype.click };
      URL.createObjectURL = (blob: Blob) => (created.push(blob), `blob:test-${created.length}`);
      URL.revokeObjectURL = (url: string) => void revoked.push(url);
      HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
        downloaded = `${this.download} ${this.getAttribute('href')}`;
      };
      try {
        const sent = queries.length;
        const exported = oneEvent(el, 'fc-export');
        button(el, 'Export CSV')!.click();
        await el.updateComplete;
        expect(root(el).querySelector('progress')).to.not.equal(null);
        expect(root(el).querySelector('label[for="export-progress"]')).to.not.equal(null);
        const event = await exported;
        expect(event.cancelable, 'fc-export is cancelable').to.equal(true);
        expect(event.detail.format).to.equal('csv');
        expect(event.detail.filename).to.equal('sms-history-2026-11-01-to-2026-11-30.csv');
        expect(event.detail.rows).to.equal(2_345);
        await waitUntil(() => shadowText(el).includes('Exported 2,345 texts.'), 'export done');
        await waitUntil(() => revoked.length === 1, 'object URL revoked');
        expect(downloaded).to.equal('sms-history-2026-11-01-to-2026-11-30.csv blob:test-1');
        expect(revoked).to.deep.equal(['blob:test-1']);
        const exportQueries = queries.slice(sent);
        expect(exportQueries.map((q) => q.limit)).to.deep.equal([1000, 1000, 1000]);
        const csv = await created[0]!.text();
        const lines = csv.trimEnd().split('\r\n');
        // Header + 2,345 rows (the quoted line break inside a body is a bare \n, not a row break).
        expect(lines.length).to.equal(2_345 + 1);
        expect(lines[0]).to.contain('Body');
        expect(csv).to.contain('"Hi, ""there""\nsecond line"');
        expect(csv, 'the file is the event\'s content').to.equal(event.detail.content);
      } finally {
        URL.createObjectURL = original.create;
        URL.revokeObjectURL = original.revoke;
        HTMLAnchorElement.prototype.click = original.click;
      }
    });

    it('leaves the file to a host that cancels fc-export', async () => {
      const sms = Array.from({ length: 12 }, (_, i) => message(i));
      const { adapter } = recording(smsDataset(sms));
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${adapter} filter="from=2026-11-01&to=2026-11-30" time-zone="UTC"></fc-sms-history>`);
      await el.rowsReady();
      let clicks = 0;
      const original = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = () => void clicks++;
      try {
        el.addEventListener('fc-export', (e) => e.preventDefault(), { once: true });
        const exported = oneEvent(el, 'fc-export');
        button(el, 'Export CSV')!.click();
        const { detail } = await exported;
        expect(detail.rows).to.equal(12);
        expect(detail.content.trimEnd().split('\r\n')).to.have.length(12 + 1);
        await waitUntil(() => root(el).querySelector('progress') === null, 'export finished');
        expect(clicks, 'nothing downloaded').to.equal(0);
        expect(shadowText(el)).not.to.include('Exported');
        await expect(el).to.be.accessible();
      } finally {
        HTMLAnchorElement.prototype.click = original;
      }
    });

    it('cancels an export', async () => {
      server = await startDemoServer(generateDataset({ size: 'small', today: '2026-11-23', smsCount: 3_000 }));
      const el = await fixture<FcSmsHistory>(html`<fc-sms-history .adapter=${server.client()} filter=${ALL}></fc-sms-history>`);
      await el.rowsReady();
      server.faults.latencyMs = 300;
      button(el, 'Export CSV')!.click();
      await el.updateComplete;
      button(el, 'Cancel export')!.click();
      await waitUntil(() => shadowText(el).includes('Export cancelled.'), 'cancelled');
      expect(root(el).querySelector('progress')).to.equal(null);
    });
  });
});

describe('fc-sms-history wider than its box', () => {
  after(() => closeClients());

  it('says that more columns are hidden past the edge, until the grid is scrolled to its end, without a Tab stop of its own', async () => {
    const server = await startDemoServer();
    const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 760px"><fc-sms-history .adapter=${server.client()} filter=${ALL} time-zone=${ZONE}></fc-sms-history></div>`);
    const el = wrapper.querySelector('fc-sms-history')!;
    const hint = () => el.shadowRoot!.querySelector<HTMLElement>('.fc-scroll-hint');
    await waitUntil(() => hint() && !hint()!.hidden, 'no "More columns" line over a grid wider than its box', { timeout: 10_000 });
    const scroller = el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    expect(scroller.scrollWidth).to.be.greaterThan(scroller.clientWidth);
    expect(hint()!.textContent).to.equal('More columns →');
    // The line sits before the grid, which holds only rows.
    expect(hint()!.nextElementSibling!.getAttribute('role')).to.equal('grid');
    expect(scroller.hasAttribute('tabindex')).to.equal(false);
    scroller.scrollLeft = scroller.scrollWidth;
    await waitUntil(() => hint()!.hasAttribute('data-end'), 'the line still shows at the end of the grid');
    expect(getComputedStyle(hint()!).visibility).to.equal('hidden');
    await expect(el).to.be.accessible();
  });
});
