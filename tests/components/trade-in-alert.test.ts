import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { http, HttpResponse } from 'msw';
import '../../src/components/trade-in-alert/fc-trade-in-alert.js';
import type { FcTradeInAlert } from '../../src/components/trade-in-alert/fc-trade-in-alert.js';
import type { TradeInMatchDetail } from '../../src/components/trade-in-alert/trade-in-alert.events.js';
import { generateDataset } from '../../src/data/demo-data.js';
import type { Dataset, TradeInVehicle } from '../../src/data/model.js';
import { closeClients, shadowText, startDemoServer, useHandlers } from './rig.js';
import type { DemoServer } from './rig.js';
import { want } from '../data/want-rig.js';

const XSS = '<img src=x onerror=alert(1)>';

function lotDataset(): Dataset {
  const base = generateDataset({ size: 'small' });
  return {
    ...base,
    wants: [
      want('old', { customerName: 'Ana Old', createdAt: '2026-01-01T12:00:00.000Z' }),
      want('new', { customerName: 'Bo New', make: 'honda', model: 'crv', createdAt: '2026-09-01T12:00:00.000Z' }),
      want('best', { customerName: 'Cy Best', trim: 'EX-L', color: 'Silver', maxMileage: 60_000, salespersonName: 'Dana Ruiz' }),
      want('red', { customerName: 'Di Red', color: 'Red' }),
      want('far', { customerName: 'Ed Far', maxMileage: 30_000 }),
      want('sold', { customerName: 'Flo Sold', customerStatus: 'sold' }),
      want('accord', { customerName: 'Gus Accord', model: 'Accord', yearFrom: 2001, yearTo: 2005 }),
      want('xss', { customerName: XSS, make: 'Chevrolet', model: 'Tahoe', trim: 'javascript:alert(1)' }),
      // Newer, and meets more criteria, but only loosely: ranked after the exact one.
      want('loose', { customerName: 'Hal Loose', make: 'Chevrolet', model: 'Silverado', trim: 'LT', createdAt: '2026-09-01T12:00:00.000Z' }),
      want('exact', { customerName: 'Ivy Exact', make: 'Chevrolet', model: 'Silverado 1500 LT', createdAt: '2026-02-01T12:00:00.000Z' }),
    ],
  };
}

/** Matches 'exact' as written (the make by another name) and 'loose' loosely. */
const silverado: TradeInVehicle = { year: 2018, make: 'Chevy', model: 'Silverado 1500 LT' };

const crv: TradeInVehicle = { vin: null, year: 2019, make: 'HONDA', model: 'CR-V', trim: 'ex-l', color: 'silver', mileage: 42_000 };

async function mount(server: DemoServer, vehicle: TradeInVehicle | null, parts?: Parameters<DemoServer['client']>[0]) {
  const adapter = server.client(parts);
  const el = await fixture<FcTradeInAlert>(html`<fc-trade-in-alert .adapter=${adapter} .vehicle=${vehicle}></fc-trade-in-alert>`);
  return el;
}

const rows = (el: FcTradeInAlert) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('th')!.textContent!.replace(/\s+/g, ' ').trim());
/** Each match row's "How it matches" cell as it reads, line by line, without the marks beside the criteria. */
const howCells = (el: FcTradeInAlert) =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) =>
    (tr.querySelectorAll('td')[2] as HTMLElement).innerText
      .replace(/[✓✗–?] /g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );
const live = (el: FcTradeInAlert) => el.shadowRoot!.querySelector('[aria-live="polite"]')!.textContent!.trim();
const settled = (el: FcTradeInAlert) => waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]') && live(el) !== '', 'never settled', { timeout: 5000 });

describe('<fc-trade-in-alert>', () => {
  let server: DemoServer;
  beforeEach(async () => {
    server = await startDemoServer(lotDataset());
  });
  afterEach(closeClients);

  it('ranks the customers who want the trade-in and tells how each matches', async () => {
    const el = await mount(server, crv);
    await settled(el);
    expect(rows(el)).to.deep.equal(['Cy Best Salesperson: Dana Ruiz', 'Bo New', 'Di Red', 'Ana Old']);
    const first = el.shadowRoot!.querySelector('tbody tr')!.textContent!.replace(/\s+/g, ' ');
    expect(first).to.contain('5 of 5 criteria met');
    expect(first).to.contain('Colour: met');
    expect(first).to.contain('Price: not stated');
    const red = [...el.shadowRoot!.querySelectorAll('tbody tr')][2]!.textContent!.replace(/\s+/g, ' ');
    expect(red).to.contain('2 of 3 criteria met');
    expect(red).to.contain('Colour: not met');
    expect(shadowText(el)).to.contain('2019 HONDA CR-V ex-l, silver, 42,000 mi');
    expect(live(el)).to.equal('4 customers want this vehicle.');
    await expect(el).to.be.accessible();
  });

  it("dates each want on the day it was at the shop, not in the viewer's zone", async () => {
    // 2 AM of Sep 1 UTC is the evening of Aug 31 in Chicago, the dealer's zone, and 11 AM of Sep 1 in Tokyo.
    server = await startDemoServer({ ...lotDataset(), wants: [want('eve', { customerName: 'Eve Late', createdAt: '2026-09-01T02:00:00.000Z' })] });
    expect(server.dataset.dealer.zone).to.equal('America/Chicago');
    const before = Intl.DateTimeFormat().resolvedOptions().timeZone;
    await executeServerCommand('emulate-timezone', { timezoneId: 'Asia/Tokyo' });
    try {
      const el = await mount(server, crv);
      await settled(el);
      await waitUntil(() => el.shadowRoot!.querySelector('tbody tr'), 'no match shown');
      const cells = [...el.shadowRoot!.querySelector('tbody tr')!.querySelectorAll('td')].map((td) => td.textContent!.trim());
      expect(cells).to.include('Aug 31, 2026');
      expect(cells).to.not.include('Sep 1, 2026');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('emulate-timezone', { timezoneId: before });
    }
  });

  it('tells the host once per trade-in when customers want it', async () => {
    const adapter = server.client();
    const events: TradeInMatchDetail[] = [];
    const el = await fixture<FcTradeInAlert>(html`<fc-trade-in-alert .adapter=${adapter} @fc-trade-in-match=${(e: CustomEvent<TradeInMatchDetail>) => events.push(e.detail)}></fc-trade-in-alert>`);
    expect(events).to.have.length(0);
    const first = oneEvent(el, 'fc-trade-in-match');
    el.vehicle = crv;
    const detail = (await first).detail as TradeInMatchDetail;
    expect(detail.vehicle).to.deep.equal(crv);
    expect(detail.matches.map((m) => m.want.id)).to.deep.equal(['best', 'new', 'red', 'old']);
    expect((await first).bubbles && (await first).composed).to.equal(true);
    // The same trade-in again (a new object) is not news.
    el.vehicle = { ...crv };
    await settled(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(events).to.have.length(1);
    // Nobody wants a Pilot: no event; an Accord is wanted: an event.
    el.vehicle = { year: 2019, make: 'Honda', model: 'Pilot' };
    await waitUntil(() => live(el) === 'No customer is waiting for this vehicle.', 'no-match announcement');
    expect(events).to.have.length(1);
    el.vehicle = { year: 2003, make: 'Honda', model: 'Accord' };
    await waitUntil(() => events.length === 2, 'second event');
    expect(events[1]!.matches.map((m) => m.want.id)).to.deep.equal(['accord']);
  });

  it('reads year and make from a VIN alone', async () => {
    const el = await mount(server, { vin: '1HGCM82633A004352' });
    await settled(el);
    const text = shadowText(el);
    expect(text).to.contain('Read from the VIN: model year 2003, make Honda.');
    expect(text).to.contain('Check digit correct.');
    expect(rows(el)).to.deep.equal(['Gus Accord']);
    expect(text).to.contain('Model: unknown');
    // The model was not compared, so not exact: one of the two criteria stated is met.
    expect(howCells(el)[0]).to.match(/^Close match, 50% Make from the VIN: Honda 1 of 2 criteria met/);
    await expect(el).to.be.accessible();
  });

  it('says why a VIN cannot be read, and asks for the make', async () => {
    const el = await mount(server, { vin: '1M8GDM9AXKP042788' });
    await settled(el);
    const text = shadowText(el);
    expect(text).to.contain('Its maker code 1M8 is not one of the North-American makes known here');
    expect(text).to.contain('Read from the VIN: model year 1989.');
    expect(text).to.contain('The make cannot be read from this VIN, so no customers can be matched. Enter the make.');
    expect(live(el)).to.equal('The make of this vehicle is not known: no customers can be matched.');
    await expect(el).to.be.accessible();

    el.vehicle = { vin: '1HGCM82643A0043' };
    await waitUntil(() => shadowText(el).includes('It has 15 characters; a VIN has 17.'), 'length reason');
    el.vehicle = { vin: '1HGCM82643A004352', model: 'Accord' };
    await waitUntil(() => shadowText(el).includes('Check digit 4 should be 3: the VIN may be mistyped.'), 'check digit reason');
    await settled(el);
    expect(rows(el)).to.deep.equal(['Gus Accord']);
  });

  it('says so when nobody wants it, and when there is no vehicle yet', async () => {
    const el = await mount(server, null);
    await waitUntil(() => shadowText(el).includes('Enter the vehicle being taken in on trade'), 'no vehicle');
    await expect(el).to.be.accessible();
    el.vehicle = { year: 2019, make: 'Toyota', model: 'RAV4' };
    await waitUntil(() => shadowText(el).includes('No customer with status "Need Car Locate" wants this vehicle.'), 'empty');
    expect(live(el)).to.equal('No customer is waiting for this vehicle.');
    await expect(el).to.be.accessible();
  });

  it('shows loading, then an error with Retry that works from the keyboard', async () => {
    server.faults.latencyMs = 300;
    server.faults.failing = true;
    const el = await mount(server, crv);
    await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="true"]'), 'loading');
    expect(shadowText(el)).to.contain('Loading…');
    await expect(el).to.be.accessible();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]'), 'error', { timeout: 8000 });
    expect(shadowText(el)).to.contain('The server had a problem (HTTP 503).');
    await expect(el).to.be.accessible();
    server.faults.failing = false;
    server.faults.latencyMs = 0;
    const retry = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="retry-button"]')!;
    retry.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => rows(el).length === 4, 'matches after retry', { timeout: 8000 });
  });

  it('says when the host does not provide vehicle wants', async () => {
    const el = await mount(server, crv, { parts: ['customers'] });
    expect(shadowText(el)).to.equal('This host does not provide vehicle wants.');
    await expect(el).to.be.accessible();
  });

  it('renders names and trims with markup as text', async () => {
    const el = await mount(server, { year: 2020, make: 'Chevy', model: 'Tahoe', trim: '<b>LT</b>' });
    await settled(el);
    expect(rows(el)).to.deep.equal([XSS]);
    expect(el.shadowRoot!.querySelector('img, b, a[href]') === null).to.equal(true);
    expect(shadowText(el)).to.contain('javascript:alert(1)');
    expect(shadowText(el)).to.contain('2020 Chevy Tahoe <b>LT</b>');
  });

  it('says why each match matched and how close it is, exact matches first', async () => {
    const el = await mount(server, silverado);
    await settled(el);
    expect(rows(el)).to.deep.equal(['Ivy Exact', 'Hal Loose']);
    const [exact, loose] = howCells(el);
    expect(exact).to.match(/^Exact match Make: 'Chevy' is another name for Chevrolet 2 of 2 criteria met /);
    expect(exact).to.not.contain('≈');
    // Model 1 of its 3 words (0.667), year, trim among the model's words (0.75): (0.667 + 1 + 0.75) / 3 = 81%.
    expect(loose).to.match(
      new RegExp(
        "^Close match, 81% Make: 'Chevy' is another name for Chevrolet " +
          "Model: 'Silverado' ≈ 'Silverado 1500 LT' \\(same first word\\) " +
          "Trim 'LT' is in the model 'Silverado 1500 LT' 3 of 3 criteria met ",
      ),
    );
    // The trade-in's text sits in its own isolate, apart from the sentence around it.
    const isolated = [...el.shadowRoot!.querySelectorAll('[part="reasons"] bdi')].map((b) => b.textContent);
    expect(isolated).to.include('Silverado 1500 LT');
    expect(isolated).to.include('Chevy');
    await expect(el).to.be.accessible();
  });

  it('says a model written another way is the same, and reads in Spanish', async () => {
    const el = await mount(server, crv);
    await settled(el);
    // 'Bo New' wants a "honda crv": the same make and model as the trade-in's "HONDA CR-V", written another way.
    expect(howCells(el)[1]).to.match(/^Exact match Model: 'crv' = 'CR-V' \(written another way\) 2 of 2 criteria met/);
    // A make or model that differs only in case says nothing more than "Exact match".
    expect(howCells(el)[0]).to.match(/^Exact match 5 of 5 criteria met/);
    el.vehicle = silverado;
    el.locale = 'es';
    await waitUntil(() => howCells(el)[1]?.startsWith('Coincidencia aproximada'), 'Spanish reasons');
    const loose = howCells(el)[1]!;
    expect(loose).to.contain("Marca: 'Chevy' es otro nombre de Chevrolet");
    expect(loose).to.contain("Modelo: 'Silverado' ≈ 'Silverado 1500 LT' (misma primera palabra)");
    expect(loose).to.contain("La versión 'LT' está en el modelo 'Silverado 1500 LT'");
    expect(loose).to.match(/^Coincidencia aproximada, 81\s%/);
    expect(howCells(el)[0]).to.match(/^Coincidencia exacta /);
  });

  it('works with a server that sends neither reasons nor a score, or a score alone', async () => {
    const matches = await server.backend.vehicles!.matchTradeIn(silverado);
    const [exact, loose] = matches.map(({ reasons: _reasons, score: _score, ...bare }) => bare);
    useHandlers(
      http.post(`${server.baseUrl}/vehicles/trade-in-matches`, () =>
        HttpResponse.json([exact, { ...loose, score: 0.806 }, { ...loose, want: { ...loose!.want, id: 'bare', customerName: 'Jo Bare' } }]),
      ),
    );
    const el = await mount(server, silverado);
    await settled(el);
    expect(rows(el)).to.deep.equal(['Ivy Exact', 'Hal Loose', 'Jo Bare']);
    const [first, second, third] = howCells(el);
    // Neither: no words about closeness or reasons, only the criteria.
    expect(first).to.match(/^2 of 2 criteria met Model: met Year: met/);
    expect(third).to.match(/^3 of 3 criteria met Model: met/);
    // A score alone: how close, without reasons.
    expect(second).to.match(/^Close match, 81% 3 of 3 criteria met/);
    expect(el.shadowRoot!.querySelector('[part="reasons"]')).to.equal(null);
    expect(live(el)).to.equal('3 customers want this vehicle.');
    await expect(el).to.be.accessible();
  });

  it('keeps the reasons inside a 320 px wide page', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await fixture<FcTradeInAlert>(
        html`<div style="inline-size: 100%"><fc-trade-in-alert .adapter=${server.client()} .vehicle=${silverado}></fc-trade-in-alert></div>`,
      ).then((div) => div.querySelector('fc-trade-in-alert')!);
      await settled(el);
      expect(howCells(el)[1]).to.contain('Trim');
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      expect(el.getBoundingClientRect().right).to.be.at.most(320.5);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
