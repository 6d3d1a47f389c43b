/**
 * The demo page opened at pinned moments (`demo/page.ts` over the demo server, the dataset
 * anchored on that day, the page's clock set to that moment): every widget shows data, none an
 * empty state or an error, on the 1st of a month, a DST change, New Year's Eve and Day, and a
 * Sunday the shop is closed.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { DateTime } from 'luxon';
import { buildDemoPage } from '../../demo/page.js';
import type { CachedAdapter } from '../../src/data/cache/with-cache.js';
import { DEMO_ZONE, generateDataset } from '../../src/data/demo-data.js';
import { adfLeadToLead, parseAdf } from '../../src/data/logic/adf.js';
import { closeClients, startDemoServer } from '../components/rig.js';

/** [the moment, in the dealer's zone (America/Chicago)]. */
const MOMENTS: [string, string][] = [
  ['the 1st of a month', '2026-12-01T10:05'],
  ['the spring DST change, a Sunday the shop is closed', '2026-03-08T11:30'],
  ["New Year's Eve", '2026-12-31T16:40'],
  ["New Year's Day, a holiday", '2027-01-01T09:15'],
  ['a Sunday the shop is closed', '2026-12-06T13:00'],
];

/** Every element under `root`, through shadow roots. */
function* deep(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

const widgets = (root: Element) => [...deep(root)].filter((el) => el.localName.startsWith('fc-') && el.localName !== 'fc-data-provider');
const text = (el: Element) => (el.shadowRoot?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
/** A widget's own states (not those of the widgets inside it). */
const states = (el: Element, part: string) => [...(el.shadowRoot ? el.shadowRoot.querySelectorAll(`[part~="${part}"]`) : [])];

const realNow = Date.now;

describe('the demo at pinned dates', () => {
  afterEach(async () => {
    Date.now = realNow;
    await closeClients();
  });

  for (const [why, local] of MOMENTS) {
    it(`shows data in every widget on ${why} (${local})`, async () => {
      const moment = DateTime.fromISO(local, { zone: DEMO_ZONE });
      // The page's clock at the moment, running on from it: the default ranges, "today" and the lead clocks read it.
      const offset = moment.toMillis() - realNow.call(Date);
      Date.now = () => realNow.call(Date) + offset;
      const dataset = generateDataset({ size: 'demo', today: moment.toISODate()!, now: moment.toMillis() });
      const server = await startDemoServer(dataset);
      const id = crypto.randomUUID().slice(0, 8);
      const { provider } = buildDemoPage(dataset, { apiBase: server.baseUrl, tenant: `smoke-${id}`, user: `u-${id}` });
      const report = provider.querySelector('fc-lead-response-report')!;
      report.now = moment.toUTC().toISO()!;
      const page = await fixture<HTMLElement>(provider);
      try {
        // The warning is a modal over the board; it asks to map, and "Later" puts it away.
        await waitUntil(
          () => widgets(page).every((el) => states(el, 'loading').length === 0) && widgets(page).length >= 15,
          'the widgets did not load',
          { timeout: 30_000 },
        );
        const blank = widgets(page)
          .filter((el) => states(el, 'empty').length > 0 || states(el, 'error').length > 0)
          .map((el) => `${el.localName}: ${text(states(el, 'empty')[0] ?? states(el, 'error')[0]!)}`);
        expect(blank, 'widgets with an empty state or an error').to.deep.equal([]);

        const board = page.querySelector('fc-customer-list')!;
        expect(board.shadowRoot!.querySelectorAll('tbody tr').length, "today's vehicles").to.be.at.least(15);
        const overview = text(page.querySelector('fc-demo-overview')!);
        for (const label of ['Texts this month', 'Internet leads this month', 'Store traffic this month']) {
          const figure = new RegExp(`${label}\\s*(\\d[\\d,]*)`).exec(overview)?.[1];
          expect(Number(figure?.replace(/,/g, '')), `${label}: ${overview}`).to.be.greaterThan(0);
        }
        const clocks = [...page.querySelectorAll('fc-lead-clock')];
        expect(clocks.length).to.equal(6);
        // The newest leads' clocks run: one of them (GM's real time) is due within minutes.
        expect(clocks.some((clock) => /\bleft\b|Due|Paused/i.test(text(clock))), clocks.map(text).join(' | ')).to.equal(true);
      } finally {
        await (provider.provided as CachedAdapter | undefined)?.clearCache().catch(() => undefined);
      }
    });
  }
});

describe('the demo page', () => {
  it('says above the lead clocks which imported ADF leads the rules cannot stop', async () => {
    const dataset = generateDataset({ size: 'small', today: '2026-11-23' });
    const { leads } = parseAdf(await (await fetch('/demo/data/leads.adf.xml')).text(), { zone: DEMO_ZONE, rules: dataset.rules });
    const arrivals = leads.flatMap((adf, i) => (adf.unstoppable ? [{ lead: adfLeadToLead(adf, `adf-${i + 1}`), message: adf.unstoppable.message }] : []));
    const { provider } = buildDemoPage(dataset, { apiBase: '/nowhere', tenant: 't', user: 'u', arrivals });
    const list = provider.querySelector('#leads ul[aria-label="Flagged on ADF arrival"]')!;
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
      "ADF lead Dana Whitfield (Ford, Ford.com): No email address: this OEM's clock stops only on email sent or e-brochure sent.",
    ]);
    expect(list.nextElementSibling?.className).to.equal('demo-clocks');
    expect(buildDemoPage(dataset, { apiBase: '/nowhere', tenant: 't', user: 'u' }).provider.querySelector('#leads ul')).to.equal(null);
  });
});
