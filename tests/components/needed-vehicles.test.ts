import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/components/needed-vehicles/fc-needed-vehicles.js';
import type { FcNeededVehicles } from '../../src/components/needed-vehicles/fc-needed-vehicles.js';
import type { WantsExportDetail } from '../../src/components/needed-vehicles/needed-vehicles.events.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { Dataset, VehicleWant } from '../../src/data/model.js';
import { closeClients, shadowText, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';
import { want } from '../data/want-rig.js';

const XSS = '<img src=x onerror=alert(1)>';

function lotDataset(wants?: VehicleWant[]): Dataset {
  const base = generateDataset({ size: 'small' });
  return {
    ...base,
    wants: wants ?? [
      want('t1', { customerId: 'x-ana', customerName: 'Ana Ruiz', make: 'Chevy', model: 'Tahoe', trim: 'LT', color: 'Black', maxMileage: 80_000, maxPrice: 3_500_000, salespersonName: 'Dana Ruiz' }),
      want('t2', { customerId: 'x-bo', customerName: 'Bo Chen', make: 'Chevrolet', model: 'tahoe', yearFrom: 2019, yearTo: 2019, createdAt: '2026-08-01T12:00:00.000Z' }),
      want('t3', { customerId: 'x-bo', customerName: 'Bo Chen', make: 'CHEVROLET', model: 'Tahoe', color: 'White' }),
      want('c1', { customerId: 'x-cy', customerName: 'Cy Diaz' }),
      want('a1', { customerId: 'x-di', customerName: XSS, make: 'Audi', model: 'Q5', trim: 'javascript:alert(1)' }),
      want('a2', { customerId: 'x-ed', customerName: '=HYPERLINK("http://x")', make: 'Audi', model: 'Q5', createdAt: '2026-09-01T00:00:00.000Z' }),
      want('s1', { customerId: 'x-flo', customerName: 'Flo Sold', customerStatus: 'sold', make: 'Ford', model: 'F-150' }),
    ],
  };
}

async function mount(server: DemoServer, parts?: Parameters<DemoServer['client']>[0]) {
  const adapter = server.client(parts);
  return fixture<FcNeededVehicles>(html`<fc-needed-vehicles .adapter=${adapter}></fc-needed-vehicles>`);
}

const loaded = (el: FcNeededVehicles) => waitUntil(() => el.shadowRoot!.querySelector('.group, [part~="empty"], [part~="error"]'), 'never loaded', { timeout: 8000 });
const headings = (el: FcNeededVehicles) => [...el.shadowRoot!.querySelectorAll('.group h3')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim());
const button = (el: FcNeededVehicles, name: string) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === name);

describe('<fc-needed-vehicles>', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await startDemoServer(lotDataset());
  });
  afterEach(async () => {
    await emulateMedia({ media: 'screen' });
    await closeClients();
  });

  it('groups wanted vehicles by make and model with the number of waiting buyers', async () => {
    const el = await mount(server);
    await loaded(el);
    expect(headings(el)).to.deep.equal(['Audi Q5 2 waiting buyers', 'Chevrolet Tahoe 2 waiting buyers', 'Honda CR-V 1 waiting buyer']);
    const tahoe = el.shadowRoot!.querySelectorAll('.group')[1]!;
    const cells = [...tahoe.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent!.trim()));
    expect(cells.map((c) => c[0])).to.deep.equal(['Bo Chen', 'Ana Ruiz', 'Bo Chen']);
    expect(cells[0]!.slice(0, 6)).to.deep.equal(['Bo Chen', '2019', 'Any', 'Any', '—', '—']);
    expect(cells[1]!.slice(0, 7)).to.deep.equal(['Ana Ruiz', '2017–2021', 'LT', 'Black', '80,000', '$35,000', 'Dana Ruiz']);
    expect(shadowText(el)).to.contain('5 waiting buyers, 3 makes and models.');
    expect(shadowText(el)).to.not.contain('Flo Sold');
    await expect(el).to.be.accessible();
  });

  it("dates each want on the day it was at the shop, not in the viewer's zone", async () => {
    expect(server.dataset.dealer.zone).to.equal('America/Chicago');
    const before = Intl.DateTimeFormat().resolvedOptions().timeZone;
    await executeServerCommand('emulate-timezone', { timezoneId: 'Asia/Tokyo' });
    try {
      const el = await mount(server);
      await loaded(el);
      const audi = el.shadowRoot!.querySelectorAll('.group')[0]!;
      const since = Object.fromEntries([...audi.querySelectorAll('tbody tr')].map((tr) => [tr.children[0]!.textContent!.trim(), tr.lastElementChild!.textContent!.trim()]));
      // Midnight of Sep 1 UTC is the evening of Aug 31 in Chicago (and 9 AM of Sep 1 in Tokyo).
      expect(since['=HYPERLINK("http://x")']).to.equal('Aug 31, 2026');
      expect(since[XSS]).to.equal('Jun 1, 2026');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-timezone', { timezoneId: before });
    }
  });

  it('fits a phone: the columns scroll inside the widget, from the keyboard too, and names break only between words', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="inline-size: 360px"><fc-needed-vehicles .adapter=${server.client()}></fc-needed-vehicles></div>`);
    const el = wrapper.firstElementChild as FcNeededVehicles;
    await loaded(el);
    expect(el.scrollWidth <= el.clientWidth + 1, 'the widget runs wider than its box').to.equal(true);
    const wrap = el.shadowRoot!.querySelector<HTMLElement>('.table-wrap')!;
    expect(wrap.scrollWidth > wrap.clientWidth, 'the table does not scroll inside the widget').to.equal(true);
    expect(wrap.tabIndex).to.equal(0);
    const name = el.shadowRoot!.querySelector<HTMLElement>('tbody th')!;
    // Two lines at most for a two-word name: a mid-word break would make three. Counted from the
    // text's own line boxes (the row is as tall as its follow-up cell).
    const range = document.createRange();
    range.selectNodeContents(name);
    const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    expect(lines <= 2, `"${name.textContent}" takes ${lines} lines`).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('renders names and trims with markup as text', async () => {
    const el = await mount(server);
    await loaded(el);
    expect(el.shadowRoot!.querySelector('.group img, .group a[href]') === null).to.equal(true);
    expect(shadowText(el)).to.contain(XSS);
    expect(shadowText(el)).to.contain('javascript:alert(1)');
  });

  it('filters by make, model or customer from the keyboard', async () => {
    const el = await mount(server);
    await loaded(el);
    const input = el.shadowRoot!.querySelector('input')!;
    input.focus();
    await sendKeys({ type: 'tahoe' });
    await el.updateComplete;
    expect(headings(el)).to.deep.equal(['Chevrolet Tahoe 2 waiting buyers']);
    for (let i = 0; i < 5; i++) await sendKeys({ press: 'Backspace' });
    await sendKeys({ type: 'cy d' });
    await el.updateComplete;
    expect(headings(el)).to.deep.equal(['Honda CR-V 1 waiting buyer']);
    await sendKeys({ type: 'zzz' });
    await el.updateComplete;
    expect(shadowText(el)).to.contain('No needed vehicle matches "cy dzzz".');
    await expect(el).to.be.accessible();
  });

  it('exports the list as CSV with formula-looking cells made text', async () => {
    const el = await mount(server);
    await loaded(el);
    const created: Blob[] = [];
    let downloaded = '';
    const original = { create: URL.createObjectURL, click: HTMLAnchorElement.prototype.click };
    URL.createObjectURL = (blob: Blob) => (created.push(blob), `blob:test-${created.length}`);
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloaded = `${this.download} ${this.getAttribute('href')}`;
    };
    try {
      const event = oneEvent(el, 'fc-export');
      const alias = oneEvent(el, 'fc-wants-export');
      button(el, 'Export CSV')!.click();
      const exported = await event;
      expect(exported.cancelable, 'fc-export is cancelable').to.equal(true);
      const { detail } = exported;
      expect(detail.format).to.equal('csv');
      expect(detail.rows).to.equal(6);
      expect(detail.filename).to.match(/^needed-vehicles-\d{4}-\d{2}-\d{2}\.csv$/);
      // The deprecated alias still fires, with its old detail.
      expect((await alias).detail as WantsExportDetail).to.deep.equal({ rows: 6, fileName: detail.filename });
      expect(downloaded).to.match(/^needed-vehicles-\d{4}-\d{2}-\d{2}\.csv blob:test-1$/);
      expect(await created[0]!.text(), 'the file is the event\'s content').to.equal(detail.content);
      const lines = (await created[0]!.text()).trimEnd().split('\r\n');
      expect(lines[0]).to.equal('Make,Model,Waiting buyers,Customer,Year from,Year to,Trim,Colour,Max mileage,Max price,Salesperson,Wanted since');
      expect(lines[1]).to.equal(`Audi,Q5,2,"'=HYPERLINK(""http://x"")",2017,2021,,,,,,2026-09-01`);
      expect(lines[4]).to.equal('Chevrolet,Tahoe,2,Ana Ruiz,2017,2021,LT,Black,80000,35000.00,Dana Ruiz,2026-06-01');
      expect(lines).to.have.length(7);
      await waitUntil(() => shadowText(el).includes('Exported 6 wants.'), 'export announced');
    } finally {
      URL.createObjectURL = original.create;
      HTMLAnchorElement.prototype.click = original.click;
    }
  });

  it('leaves the file to a host that cancels fc-export', async () => {
    const el = await mount(server);
    await loaded(el);
    let clicks = 0;
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = () => void clicks++;
    try {
      el.addEventListener('fc-export', (e) => e.preventDefault(), { once: true });
      const event = oneEvent(el, 'fc-export');
      const alias = oneEvent(el, 'fc-wants-export');
      button(el, 'Export CSV')!.click();
      expect((await event).detail.content.split('\r\n')[0]).to.equal('Make,Model,Waiting buyers,Customer,Year from,Year to,Trim,Colour,Max mileage,Max price,Salesperson,Wanted since');
      expect((await alias).detail.rows, 'the deprecated alias still fires').to.equal(6);
      expect(clicks, 'nothing downloaded').to.equal(0);
      expect(shadowText(el)).not.to.include('Exported 6 wants.');
      await expect(el).to.be.accessible();
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
  });

  it('prints a clean list: no buttons, no shadow, groups kept whole', async () => {
    const el = await mount(server);
    await loaded(el);
    const root = el.shadowRoot!;
    const toolbar = root.querySelector<HTMLElement>('[part="toolbar"]')!;
    const group = root.querySelector<HTMLElement>('.group')!;
    expect(getComputedStyle(toolbar).display).to.equal('flex');
    expect(getComputedStyle(el).boxShadow).to.not.equal('none');
    expect(getComputedStyle(root.querySelector('.print-only')!).display).to.equal('none');

    await emulateMedia({ media: 'print' });
    expect(getComputedStyle(toolbar).display).to.equal('none');
    expect([...root.querySelectorAll('button')].every((b) => getComputedStyle(b).display === 'none')).to.equal(true);
    expect(getComputedStyle(el).boxShadow).to.equal('none');
    expect(getComputedStyle(group).breakInside).to.equal('avoid');
    expect(getComputedStyle(group.querySelector('h3')!).breakAfter).to.equal('avoid');
    expect(getComputedStyle(group.querySelector('thead')!).display).to.equal('table-header-group');
    expect(getComputedStyle(root.querySelector('.print-only')!).display).to.equal('block');
    // What is printed still carries every group and customer.
    expect(headings(el)).to.have.length(3);
    expect(group.querySelectorAll('tbody tr')).to.have.length(2);
  });

  it('print button opens the browser print dialog', async () => {
    const el = await mount(server);
    await loaded(el);
    const original = window.print;
    let printed = 0;
    window.print = () => void printed++;
    try {
      button(el, 'Print')!.focus();
      await sendKeys({ press: 'Enter' });
      expect(printed).to.equal(1);
    } finally {
      window.print = original;
    }
  });

  it('prints to PDF with Chromium: a short list on one page, a long auction run over several', async () => {
    const print = () => executeServerCommand<{ header: string; bytes: number; pages: number }, undefined>('print-to-pdf');
    const el = await mount(server);
    await loaded(el);
    const short = await print();
    expect(short.header).to.equal('%PDF-');
    expect(short.pages).to.equal(1);
    el.remove();

    // 40 makes and models of 3 buyers each: more than a page, each group kept whole by the print stylesheet.
    const models = Array.from({ length: 40 }, (_, i) => `Model ${i + 1}`);
    const long = models.flatMap((model, i) => [0, 1, 2].map((j) => want(`p${i}-${j}`, { customerId: `x-p${i}-${j}`, model })));
    server = await startDemoServer(lotDataset(long));
    const big = await mount(server);
    await loaded(big);
    expect(headings(big)).to.have.length(40);
    const printed = await print();
    expect(printed.pages).to.be.greaterThan(1);
    expect(printed.bytes).to.be.greaterThan(short.bytes);
  });

  it('reads every page of a long list', async () => {
    const many = Array.from({ length: 2_300 }, (_, i) => want(`m${i}`, { customerId: `x-m${i}`, model: i % 2 ? 'CR-V' : 'Pilot' }));
    server = await startDemoServer(lotDataset(many));
    const el = await mount(server);
    await loaded(el);
    expect(headings(el)).to.deep.equal(['Honda CR-V 1,150 waiting buyers', 'Honda Pilot 1,150 waiting buyers']);
    expect(shadowText(el)).to.contain('2,300 waiting buyers, 2 makes and models.');
  });

  it('shows loading, the empty state, and an error with Retry', async () => {
    server.faults.latencyMs = 300;
    server.faults.failing = true;
    const el = await mount(server);
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="true"]'), 'loading');
    await expect(el).to.be.accessible();
    await loaded(el);
    expect(shadowText(el)).to.contain('The server had a problem (HTTP 503).');
    await expect(el).to.be.accessible();
    server.faults.failing = false;
    server.faults.latencyMs = 0;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!.click();
    await waitUntil(() => headings(el).length === 3, 'report after retry', { timeout: 8000 });

    server = await startDemoServer(lotDataset([want('s', { customerStatus: 'sold' })]));
    const empty = await mount(server);
    await loaded(empty);
    expect(shadowText(empty)).to.contain('No customer with status "Need Car Locate" is waiting for a vehicle.');
    await expect(empty).to.be.accessible();
  });

  it('says when the host does not provide vehicle wants', async () => {
    const el = await mount(server, { parts: ['customers'] });
    expect(shadowText(el)).to.equal('This host does not provide vehicle wants.');
    await expect(el).to.be.accessible();
  });
});
