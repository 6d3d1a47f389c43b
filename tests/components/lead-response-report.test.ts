import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import { HttpResponse, http } from 'msw';
import { Chart } from '../../src/components/shared/charts/chart-engine.js';
import '../../src/components/lead-response-report/fc-lead-response-report.js';
import type { FcLeadResponseReport } from '../../src/components/lead-response-report/fc-lead-response-report.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { DEFAULT_OEM_RULES } from '../../src/data/logic/leads.js';
import type { ActivityKind, Dataset, DealerProfile, Lead, StoredOemRule } from '../../src/data/model.js';
import { drawnChart } from './chart-rig.js';
import { closeClients, shadowText, startDemoServer, useHandlers } from './rig.js';
import type { DemoServer } from './rig.js';

const XSS = '<img src=x onerror=alert(1)>';
const JS = 'javascript:alert(1)';
/** Tuesday 10 March 2026, 10:00 in Chicago (CDT, UTC-5; DST began on Sunday 8 March). */
const NOW = '2026-03-10T15:00:00.000Z';

const dealer: DealerProfile = {
  name: 'Prairie Motors',
  zone: 'America/Chicago',
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['09:00', '18:00']]])),
  holidays: [],
};

let ids = 0;
function lead(
  id: string,
  make: string,
  receivedAt: string,
  who: [string, string] | null,
  provider: string,
  customerName: string,
  acts: Array<[ActivityKind, string, by?: string]> = [],
): Lead {
  return {
    id,
    receivedAt,
    make,
    model: null,
    year: null,
    provider,
    customerName,
    // Reachable: a lead without an email address or a phone number is flagged (tests below).
    email: 'customer@example.com',
    phone: '+1 312 555 0100',
    salespersonId: who?.[0] ?? null,
    salespersonName: who?.[1] ?? null,
    activities: acts.map(([kind, at, by]) => ({ id: `a${++ids}`, kind, at, by: by ?? null })),
  };
}

const ANA: [string, string] = ['sp-ana', 'Ana Ruiz'];
const BEN: [string, string] = ['sp-ben', 'Ben Ode'];
const CY: [string, string] = ['sp-cy', 'Cy Park'];

/**
 * Nine leads of March 2026 (and one of 28 February) at a dealer open Mon-Sat 9:00-18:00 in
 * Chicago, evaluated at NOW. Elapsed time by hand:
 *   L1 Ford, Mon 2 Mar 8:30 (before opening); auto-response and a call do not stop Ford's clock;
 *      email 9:40 → 40 min of 60: met; default grades (green ≤ 30, yellow ≤ 60) → yellow.
 *   L2 Ford, Mon 17:30; email Tue 9:45 → 30 + 45 = 75 min: missed, red.
 *   L3 Toyota, Sat 7 Mar 17:00 CST; text Mon 9 Mar 9:30 CDT (Sunday closed, DST in between) →
 *      60 + 30 = 90 min of 180: met; Toyota grades (green < 60, yellow < 180) → yellow.
 *   L4 VW, Tue 3 Mar 10:00; email received 10:20 → 20 min: met, green, discount (under 30).
 *   L5 VW, Wed 4 Mar 10:00, unanswered → Wed 480 + Thu-Sat 3 × 540 + Mon 540 + Tue 60 = 2,700 min
 *      = 45 h: overdue, red, reassigned (over 180).
 *   L6 Ford, Tue 10 Mar 9:30 CDT, unanswered → 30 min at NOW: running, due 10:30, green.
 *   L7 Chevrolet (GM, real time), Sun 1 Mar 20:00 (closed: real time counts); call 21:00 → 60 min:
 *      met, green; GM's target 99% within 5 h and average ≤ 1 h → met.
 *   L8 Honda, Mon 10:00; a text (Honda does not stop on texts) at 10:05, incoming call 13:00 →
 *      180 min of 120: missed, red.
 *   L10 Mazda (own hours Mon-Fri 9-18), Mon 9:30; email 11:00 → 90 min of 60: missed, red;
 *      target 90% within 1 h → not met.
 *   L9 Ford, Sat 28 Feb 23:30 in Chicago (1 March in UTC): outside the March range.
 * Who answered: Ana her own L1 and L3; Cy Park, the BDC, L2 for Ben, L7 (unassigned) and his own
 * L10; the customer L4 and L8 (no `by`); L5 and L6 are not answered yet.
 */
function leadsDataset(extra: Partial<Dataset> = {}): Dataset {
  const base = generateDataset({ size: 'small', today: '2026-03-10' });
  return {
    ...base,
    today: '2026-03-10',
    dealer,
    rules: DEFAULT_OEM_RULES.map((r) => ({ ...structuredClone(r), version: 1 })),
    leads: [
      lead('L1', 'Ford', '2026-03-02T14:30:00.000Z', ANA, 'OEM website', 'Pat Doe', [
        ['auto-response', '2026-03-02T14:31:00.000Z'],
        ['call-completed', '2026-03-02T15:10:00.000Z'],
        ['email-sent', '2026-03-02T15:40:00.000Z', 'Ana Ruiz'],
      ]),
      lead('L2', 'Ford', '2026-03-02T23:30:00.000Z', BEN, 'Cars.com', 'Lou Kim', [['email-sent', '2026-03-03T15:45:00.000Z', 'Cy Park']]),
      lead('L3', 'Toyota', '2026-03-07T23:00:00.000Z', ANA, 'Autotrader', XSS, [['text-sent', '2026-03-09T14:30:00.000Z', 'Ana Ruiz']]),
      lead('L4', 'Volkswagen', '2026-03-03T16:00:00.000Z', BEN, 'OEM website', 'Dee Fox', [['email-received', '2026-03-03T16:20:00.000Z']]),
      lead('L5', 'Volkswagen', '2026-03-04T16:00:00.000Z', BEN, 'OEM website', 'Max Roe'),
      lead('L6', 'Ford', '2026-03-10T14:30:00.000Z', CY, 'Cars.com', 'Sam Lee'),
      lead('L7', 'Chevrolet', '2026-03-02T02:00:00.000Z', null, 'TrueCar', 'Ada Ng', [['call-completed', '2026-03-02T03:00:00.000Z', 'Cy Park']]),
      lead('L8', 'Honda', '2026-03-02T16:00:00.000Z', CY, JS, 'Bo Yu', [
        ['text-sent', '2026-03-02T16:05:00.000Z'],
        ['call-incoming', '2026-03-02T19:00:00.000Z'],
      ]),
      lead('L9', 'Ford', '2026-03-01T05:30:00.000Z', ANA, 'Cars.com', 'Out Range', [['email-sent', '2026-03-01T15:00:00.000Z']]),
      lead('L10', 'Mazda', '2026-03-02T15:30:00.000Z', CY, 'Autotrader', 'Kim Park', [['email-sent', '2026-03-02T17:00:00.000Z', 'Cy Park']]),
    ],
    ...extra,
  };
}

const root = (el: FcLeadResponseReport) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const cellsOf = (row: Element) => [...row.querySelectorAll('th, td')].map((c) => text(c));
const detailRows = (el: FcLeadResponseReport) => [...root(el).querySelectorAll('table.detail tbody tr')].map(cellsOf);
const column = (el: FcLeadResponseReport, i: number) => detailRows(el).map((r) => r[i]);
const customers = (el: FcLeadResponseReport) => column(el, 1);
const buttonNamed = (el: FcLeadResponseReport, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('button')].find((b) => text(b) === name || b.getAttribute('aria-label') === name);
const tab = (el: FcLeadResponseReport, name: string) =>
  [...root(el).querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => text(b) === name)!;
const sortButton = (el: FcLeadResponseReport, key: string) => root(el).querySelector<HTMLButtonElement>(`button[data-sort="${key}"]`)!;
type SummaryKind = 'oem' | 'people' | 'responder' | 'provider';
const summaryRow = (el: FcLeadResponseReport, kind: SummaryKind, name: string) => {
  const row = [...root(el).querySelectorAll(`table.summary-${kind} tbody tr`)].find((tr) => text(tr.querySelector('th')) === name);
  return row ? cellsOf(row).slice(1) : undefined;
};
const summaryTotal = (el: FcLeadResponseReport, kind: SummaryKind) => cellsOf(root(el).querySelector(`table.summary-${kind} tfoot tr`)!).slice(1);
const input = (el: FcLeadResponseReport, name: string) => root(el).querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const loaded = (el: FcLeadResponseReport) => waitUntil(() => root(el).querySelector('table.detail'), 'the report did not load', { timeout: 8000 });

function choose(select: HTMLSelectElement, label: string): Promise<void> {
  const option = [...select.options].find((o) => text(o) === label);
  if (!option) throw new Error(`no option ${label} in ${[...select.options].map((o) => o.text).join('|')}`);
  select.value = option.value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return Promise.resolve();
}

async function typeInto(field: HTMLInputElement, value: string): Promise<void> {
  field.focus();
  field.select();
  await sendKeys({ type: value });
}

async function openRules(el: FcLeadResponseReport): Promise<void> {
  tab(el, 'OEM rules').click();
  await waitUntil(() => root(el).querySelector('table.rules'), 'no rules table');
}

async function editRule(el: FcLeadResponseReport, name: string): Promise<void> {
  buttonNamed(el, `Edit ${name}`)!.focus();
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => root(el).querySelector('#rule-editor'), 'the editor did not open');
}

async function serverRule(server: DemoServer, id: string): Promise<StoredOemRule> {
  return (await server.backend.leads!.rules()).find((r) => r.id === id)!;
}

describe('fc-lead-response-report', () => {
  let server: DemoServer;

  beforeEach(async () => {
    server = await startDemoServer(leadsDataset());
  });
  afterEach(async () => {
    await executeServerCommand('emulate-forced-colors', { active: false });
    server.faults.offline = false;
    server.faults.failing = false;
    server.faults.latencyMs = 0;
    await closeClients();
  });

  async function report(adapter: ForecourtAdapter = server.client()): Promise<FcLeadResponseReport> {
    const el = await fixture<FcLeadResponseReport>(html`<fc-lead-response-report .adapter=${adapter} now=${NOW}></fc-lead-response-report>`);
    await loaded(el);
    return el;
  }

  /** The report on its Summary tab, with the server's summary read. */
  async function summary(): Promise<FcLeadResponseReport> {
    const el = await report();
    tab(el, 'Summary').click();
    await waitUntil(() => root(el).querySelector('table.summary-oem'), 'no summary');
    return el;
  }

  it("shows each lead of this month in the dealer's zone against its OEM rule, newest first", async () => {
    const el = await report();
    expect(input(el, 'from').value).to.equal('2026-03-01');
    expect(input(el, 'to').value).to.equal('2026-03-31');
    expect(text(root(el).querySelector('table.detail caption'))).to.equal('Leads received Mar 1, 2026 – Mar 31, 2026');
    expect(detailRows(el)).to.deep.equal([
      ['Mar 10, 9:30 AM', 'Sam Lee', 'Ford Ford', 'Cars.com', 'Cy Park', 'No response yet', '30 min', '1 h business time', '● Green', 'Running, due 10:30 AM', 'None'],
      ['Mar 7, 5:00 PM', XSS, 'Toyota Toyota / Scion / Lexus', 'Autotrader', 'Ana Ruiz', 'Text sent, Mar 9, 9:30 AM', '1 h 30 min', '3 h business time', '▲ Yellow', 'Met', 'None'],
      ['Mar 4, 10:00 AM', 'Max Roe', 'Volkswagen Volkswagen', 'OEM website', 'Ben Ode', 'No response yet', '45 h', '3 h business time', '■ Red', 'Overdue since Mar 4, 1:00 PM', 'Sent to another dealer'],
      ['Mar 3, 10:00 AM', 'Dee Fox', 'Volkswagen Volkswagen', 'OEM website', 'Ben Ode', 'Email received, 10:20 AM', '20 min', '3 h business time', '● Green', 'Met', 'Lead price discount'],
      ['Mar 2, 5:30 PM', 'Lou Kim', 'Ford Ford', 'Cars.com', 'Ben Ode', 'Email sent, Mar 3, 9:45 AM', '1 h 15 min', '1 h business time', '■ Red', 'Missed', 'None'],
      ['Mar 2, 10:00 AM', 'Bo Yu', 'Honda Honda', JS, 'Cy Park', 'Incoming call, 1:00 PM', '3 h', '2 h business time', '■ Red', 'Missed', 'None'],
      ['Mar 2, 9:30 AM', 'Kim Park', 'Mazda Mazda', 'Autotrader', 'Cy Park', 'Email sent, 11:00 AM', '1 h 30 min', '1 h business time', '■ Red', 'Missed', 'None'],
      ['Mar 2, 8:30 AM', 'Pat Doe', 'Ford Ford', 'OEM website', 'Ana Ruiz', 'Email sent, 9:40 AM', '40 min', '1 h business time', '▲ Yellow', 'Met', 'None'],
      ['Mar 1, 8:00 PM', 'Ada Ng', 'Chevrolet GM', 'TrueCar', 'Unassigned', 'Call completed, 9:00 PM', '1 h', '5 h real time', '● Green', 'Met', 'None'],
    ]);
    expect(shadowText(el)).to.include('Showing 9 of 9 leads.');
    expect(shadowText(el)).to.include('Times in America/Chicago.');
    // Markup in the data is text: no element was made from it.
    expect(root(el).querySelectorAll('table img, table a').length).to.equal(0);
    expect(shadowText(el)).not.to.match(/NaN|undefined|Infinity/);
    await expect(el).to.be.accessible();
  });

  it('sorts by each column with a header button that says its order, from the keyboard', async () => {
    const el = await report();
    const th = (key: string) => sortButton(el, key).closest('th')!;
    expect(th('received').getAttribute('aria-sort')).to.equal('descending');
    sortButton(el, 'elapsed').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(th('elapsed').getAttribute('aria-sort')).to.equal('ascending');
    expect(th('received').getAttribute('aria-sort')).to.equal('none');
    expect(column(el, 6)).to.deep.equal(['20 min', '30 min', '40 min', '1 h', '1 h 15 min', '1 h 30 min', '1 h 30 min', '3 h', '45 h']);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(th('elapsed').getAttribute('aria-sort')).to.equal('descending');
    expect(column(el, 6)[0]).to.equal('45 h');

    // First customer ascending and descending; ties stay oldest first.
    const firsts: Record<string, [string, string]> = {
      received: ['Ada Ng', 'Sam Lee'],
      customer: [XSS, 'Sam Lee'],
      make: ['Ada Ng', 'Dee Fox'],
      source: ['Kim Park', 'Ada Ng'],
      salesperson: ['Pat Doe', 'Ada Ng'],
      response: ['Ada Ng', 'Max Roe'],
      limit: ['Pat Doe', 'Ada Ng'],
      grade: ['Ada Ng', 'Kim Park'],
      status: ['Ada Ng', 'Max Roe'],
      consequences: ['Ada Ng', 'Max Roe'],
    };
    for (const [key, [asc, desc]] of Object.entries(firsts)) {
      sortButton(el, key).click();
      await el.updateComplete;
      // Received starts newest first, the others ascending.
      const first = key === 'received' ? 'descending' : 'ascending';
      expect(th(key).getAttribute('aria-sort'), key).to.equal(first);
      expect([...root(el).querySelectorAll('th[aria-sort="ascending"], th[aria-sort="descending"]')].length, key).to.equal(1);
      expect(customers(el)[0], `${key} ${first}`).to.equal(first === 'ascending' ? asc : desc);
      sortButton(el, key).click();
      await el.updateComplete;
      expect(customers(el)[0], `${key} reversed`).to.equal(first === 'ascending' ? desc : asc);
    }
    await expect(el).to.be.accessible();
  });

  it('filters by OEM, salesperson, source and grade', async () => {
    const el = await report();
    const select = (name: string) => root(el).querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
    expect([...select('oem').options].map((o) => text(o))).to.deep.equal([
      'All',
      'Ford',
      'GM',
      'Honda',
      'Mazda',
      'Toyota / Scion / Lexus',
      'Volkswagen',
    ]);
    expect([...select('source').options].map((o) => text(o))).to.deep.equal(['All', 'Autotrader', 'Cars.com', JS, 'OEM website', 'TrueCar']);

    await choose(select('oem'), 'Ford');
    await el.updateComplete;
    expect(customers(el)).to.deep.equal(['Sam Lee', 'Lou Kim', 'Pat Doe']);
    await choose(select('salesperson'), 'Ben Ode');
    await el.updateComplete;
    expect(customers(el)).to.deep.equal(['Lou Kim']);
    buttonNamed(el, 'Clear filters')!.click();
    await el.updateComplete;
    expect(customers(el).length).to.equal(9);

    // The grade filter from the keyboard: All → Green.
    select('grade').focus();
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(select('grade').value).to.equal('green');
    expect(customers(el)).to.deep.equal(['Sam Lee', 'Dee Fox', 'Ada Ng']);

    await choose(select('source'), 'Cars.com');
    await el.updateComplete;
    expect(customers(el)).to.deep.equal(['Sam Lee']);
    await choose(select('grade'), 'Yellow');
    await el.updateComplete;
    expect(shadowText(el)).to.include('No leads match these filters.');
    await expect(el).to.be.accessible();
  });

  it("summarizes per OEM and salesperson with each OEM's compliance target", async () => {
    const el = await report();
    tab(el, 'Summary').click();
    await waitUntil(() => root(el).querySelector('table.summary-oem'), 'no summary');
    expect(shadowText(el)).to.include('Figures for every lead received in the range.');
    // Rows whose leads are all answered (the server evaluates open leads at its own clock).
    expect(summaryRow(el, 'oem', 'Toyota / Scion / Lexus')).to.deep.equal(['1', '1', '1 h 30 min', '1 h 30 min', '100%', '0', '1', '0', 'No target']);
    expect(summaryRow(el, 'oem', 'Honda')).to.deep.equal(['1', '1', '3 h', '3 h', '0%', '0', '0', '1', 'No target']);
    expect(summaryRow(el, 'oem', 'GM')).to.deep.equal(['1', '1', '1 h', '1 h', '100%', '1', '0', '0', '99% within 5 h, average at most 1 h — met']);
    expect(summaryRow(el, 'oem', 'Mazda')).to.deep.equal(['1', '1', '1 h 30 min', '1 h 30 min', '0%', '0', '0', '1', '90% within 1 h — not met']);
    expect(summaryRow(el, 'people', 'Unassigned')).to.deep.equal(['1', '1', '1 h', '1 h', '100%', '1', '0', '0', 'Every OEM target met']);
    expect(summaryRow(el, 'people', 'Cy Park')!.slice(0, 2)).to.deep.equal(['3', '2']);
    expect(summaryRow(el, 'people', 'Cy Park')![8]).to.equal('An OEM target not met');
    expect(summaryTotal(el, 'oem').slice(0, 2)).to.deep.equal(['9', '7']);
    await expect(el).to.be.accessible();
  });

  it('works the summary out over the filtered leads when filters are set', async () => {
    const el = await report();
    await choose(root(el).querySelector<HTMLSelectElement>('select[name="source"]')!, 'OEM website');
    await el.updateComplete;
    tab(el, 'Summary').click();
    await el.updateComplete;
    expect(shadowText(el)).to.include('Figures for the 3 filtered leads (of 9 read).');
    // L1 40 min; L4 20 min; L5 overdue, 2,700 min so far: average (20 + 2,700) / 2 = 1,360 min = 22 h 40 min.
    expect(summaryRow(el, 'oem', 'Ford')).to.deep.equal(['1', '1', '40 min', '40 min', '100%', '0', '1', '0', 'No target']);
    expect(summaryRow(el, 'oem', 'Volkswagen')).to.deep.equal(['2', '1', '22 h 40 min', '22 h 40 min', '50%', '1', '0', '1', 'No target']);
    expect(summaryRow(el, 'people', 'Ben Ode')).to.deep.equal(['2', '1', '22 h 40 min', '22 h 40 min', '50%', '1', '0', '1', '—No target']);
    expect(summaryRow(el, 'people', 'Ana Ruiz')).to.deep.equal(['1', '1', '40 min', '40 min', '100%', '0', '1', '0', '—No target']);
    // (40 + 20 + 2,700) / 3 = 920 min; median 40; 2 of 3 within.
    expect(summaryTotal(el, 'oem')).to.deep.equal(['3', '2', '15 h 20 min', '40 min', '66.7%', '1', '1', '1', '—No target']);
    const buckets = [...root(el).querySelectorAll('table.buckets-table tbody tr')].map(cellsOf);
    expect(buckets[0]).to.deep.equal(['0–30 min', '1']);
    expect(buckets[1]).to.deep.equal(['30–60 min', '1']);
    expect(buckets.at(-1)).to.deep.equal(['No response yet', '1']);
    await expect(el).to.be.accessible();
  });

  it('summarizes by responder, saying who answered for others, and by lead source', async () => {
    const el = await summary();
    await waitUntil(() => root(el).querySelector('table.summary-provider'), 'no responder and source tables');
    const responders = [...root(el).querySelectorAll('table.summary-responder tbody th')].map((th) => text(th));
    expect(responders).to.deep.equal(['Cy Park answered 1 for others', 'Ana Ruiz', 'Customer / system', 'No response yet']);
    // Cy: L2 75 min (missed), L7 60 min (GM, met), L10 90 min (Mazda, missed): GM's target met, Mazda's not.
    expect(summaryRow(el, 'responder', 'Cy Park answered 1 for others')).to.deep.equal([
      '3', '3', '1 h 15 min', '1 h 15 min', '33.3%', '1', '0', '2', 'An OEM target not met',
    ]);
    // Ana: L1 40 min, L3 90 min of Toyota's 180: both met, both yellow.
    expect(summaryRow(el, 'responder', 'Ana Ruiz')).to.deep.equal(['2', '2', '1 h 5 min', '1 h 5 min', '100%', '0', '2', '0', '—No target']);
    // The customer: L4 20 min (met), L8 180 min (missed).
    expect(summaryRow(el, 'responder', 'Customer / system')).to.deep.equal(['2', '2', '1 h 40 min', '1 h 40 min', '50%', '1', '0', '1', '—No target']);
    expect(summaryRow(el, 'responder', 'No response yet')!.slice(0, 2)).to.deep.equal(['2', '0']);
    expect(summaryTotal(el, 'responder').slice(0, 2)).to.deep.equal(['9', '7']);
    const columns = [...root(el).querySelectorAll('table.summary-responder thead th')].map((th) => text(th));
    expect(columns.slice(0, 3)).to.deep.equal(['Answered by', 'Leads', 'Responded']);
    expect(text(root(el).querySelector('table.summary-responder caption'))).to.equal('By responder');

    expect(text(root(el).querySelector('table.summary-provider caption'))).to.equal('By lead source');
    const sources = [...root(el).querySelectorAll('table.summary-provider tbody th')].map((th) => text(th));
    expect(sources).to.deep.equal(['OEM website', 'Autotrader', 'Cars.com', JS, 'TrueCar']);
    // Autotrader: L3 90 min of 180 (met, yellow), L10 90 min of Mazda's 60 (missed, red).
    expect(summaryRow(el, 'provider', 'Autotrader')).to.deep.equal(['2', '2', '1 h 30 min', '1 h 30 min', '50%', '0', '1', '1', 'An OEM target not met']);
    expect(summaryRow(el, 'provider', 'TrueCar')).to.deep.equal(['1', '1', '1 h', '1 h', '100%', '1', '0', '0', 'Every OEM target met']);
    expect(root(el).querySelector('table.summary-provider')!.closest('[role="region"]')!.getAttribute('aria-labelledby')).to.equal('caption-provider');
    await expect(el).to.be.accessible();
  });

  it('works the responder and source tables out over the filtered leads', async () => {
    const el = await report();
    await choose(root(el).querySelector<HTMLSelectElement>('select[name="salesperson"]')!, 'Ben Ode');
    await el.updateComplete;
    tab(el, 'Summary').click();
    await waitUntil(() => root(el).querySelector('table.summary-responder'), 'no responder table');
    // Ben's leads: L2 answered by Cy (75 min), L4 by the customer (20 min), L5 not answered (2,700 min so far).
    expect(summaryRow(el, 'responder', 'Cy Park answered 1 for others')).to.deep.equal(['1', '1', '1 h 15 min', '1 h 15 min', '0%', '0', '0', '1', '—No target']);
    expect(summaryRow(el, 'responder', 'Customer / system')!.slice(0, 5)).to.deep.equal(['1', '1', '20 min', '20 min', '100%']);
    expect(summaryRow(el, 'responder', 'No response yet')!.slice(0, 5)).to.deep.equal(['1', '0', '45 h', '45 h', '0%']);
    expect([...root(el).querySelectorAll('table.summary-provider tbody th')].map((th) => text(th))).to.deep.equal(['OEM website', 'Cars.com']);
  });

  it("says so when the server's summary has no responder or source tables (an older server)", async () => {
    useHandlers(
      http.get(`${server.baseUrl}/leads/response-summary`, async ({ request }) => {
        const url = new URL(request.url);
        const { byResponder, byProvider, ...older } = await server.backend.leads!.responseSummary({ from: url.searchParams.get('from')!, to: url.searchParams.get('to')! });
        return HttpResponse.json(older);
      }),
    );
    const el = await summary();
    await waitUntil(() => shadowText(el).includes('This server does not report who answered the leads or their sources.'), 'no note');
    expect(summaryRow(el, 'people', 'Unassigned')).to.deep.equal(['1', '1', '1 h', '1 h', '100%', '1', '0', '0', 'Every OEM target met']);
    expect(root(el).querySelector('table.summary-responder')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('charts the response times with the same figures as the table beside it, the unanswered hatched', async () => {
    const el = await summary();
    const chart = await drawnChart(root(el), 'canvas.buckets-chart');
    const rows = [...root(el).querySelectorAll('table.buckets-table tbody tr')].map(cellsOf);
    expect(rows.map((r) => r[0])).to.deep.equal([
      '0–30 min',
      '30–60 min',
      '1–1.5 h',
      '1.5–2 h',
      '2–2.5 h',
      '2.5–3 h',
      '3–3.5 h',
      '3.5–4 h',
      '4–8 h',
      '8–24 h',
      '24 h or more',
      'No response yet',
    ]);
    // L4 20 | L1 40 | L2 75, L7 60 | L3 90, L10 90 | L8 180 | L5, L6 unanswered.
    expect(rows.map((r) => Number(r[1]))).to.deep.equal([1, 1, 2, 2, 0, 0, 1, 0, 0, 0, 0, 2]);
    expect(text(root(el).querySelector('table.buckets-table tfoot tr'))).to.equal('All leads 9');
    // The bars: the table's buckets in its order, with its counts.
    expect(chart.data.labels).to.deep.equal(rows.map((r) => r[0]));
    expect(chart.data.datasets).to.have.length(1);
    expect(chart.data.datasets[0]!.data).to.deep.equal([1, 1, 2, 2, 0, 0, 1, 0, 0, 0, 0, 2]);
    // "No response yet" stands apart by a hatch in its own colour, the others in the bar colour.
    const fills = chart.data.datasets[0]!.backgroundColor as unknown[];
    expect(fills.slice(0, 11)).to.deep.equal(Array(11).fill('#0b5cad'));
    expect(fills[11]).to.be.instanceOf(CanvasPattern);
    const canvas = root(el).querySelector('[part="chart"] canvas.buckets-chart')!;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.include('0–30 min 1, 30–60 min 1, 1–1.5 h 2');
    expect(canvas.getAttribute('aria-label')).to.include('No response yet 2');
    expect(canvas.getAttribute('aria-label')).to.include('The table “Leads by time to first response” below has the same figures.');
    // One bar: no legend to toggle.
    expect(root(el).querySelector('.buckets .fc-chart-legend')).to.equal(null);
    await expect(el).to.be.accessible();

    tab(el, 'Detail').click();
    await el.updateComplete;
    expect(root(el).querySelector('canvas')).to.equal(null);
    expect(Chart.getChart(chart.canvas)).to.equal(undefined);
  });

  it("shows a bar's tooltip while its table row has the keyboard focus", async () => {
    const el = await summary();
    const chart = await drawnChart(root(el), 'canvas.buckets-chart');
    const rows = [...root(el).querySelectorAll<HTMLTableRowElement>('table.buckets-table tbody tr')];
    rows[0]!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement).to.equal(rows[2]);
    expect(chart.tooltip!.getActiveElements().map((a) => a.index)).to.deep.equal([2]);
    expect(chart.tooltip!.title).to.deep.equal(['1–1.5 h']);
    expect(chart.tooltip!.body.flatMap((b) => b.lines)).to.deep.equal(['Leads: 2']);
    await sendKeys({ press: 'Tab' });
    expect(chart.tooltip!.getActiveElements().map((a) => a.index)).to.deep.equal([3]);
    rows[3]!.blur();
    expect(chart.tooltip!.getActiveElements()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('draws the daily trend: median response and share within the limit per day, with each OEM target dashed', async () => {
    const el = await summary();
    const chart = await drawnChart(root(el), 'canvas.trend-chart');
    // By hand, each lead on its day in Chicago (see leadsDataset):
    //   1 Mar: L7 60 met | 2 Mar: L1 40 met, L2 75, L10 90, L8 180 missed → median 82.5, 1 of 4 |
    //   3 Mar: L4 20 met | 4 Mar: L5 overdue, 2,700 so far | 7 Mar: L3 90 met | 10 Mar: L6 still running (no figure).
    const median: Array<number | null> = Array(31).fill(null);
    const within: Array<number | null> = Array(31).fill(null);
    [median[0], median[1], median[2], median[3], median[6]] = [60, 82.5, 20, 2700, 90];
    [within[0], within[1], within[2], within[3], within[6]] = [100, 25, 100, 0, 100];
    const ys = (i: number) => (chart.data.datasets[i]!.data as Array<{ x: number; y: number | null }>).map((p) => p.y);
    const xs = (i: number) => (chart.data.datasets[i]!.data as Array<{ x: number; y: number | null }>).map((p) => p.x);
    expect(chart.data.datasets.map((d) => d.label)).to.deep.equal([
      'Median response',
      'Answered within the limit',
      'Target 99% within 5 h, average at most 1 h: GM',
      'Target 90% within 1 h: Mazda',
    ]);
    expect(ys(0)).to.deep.equal(median);
    expect(ys(1)).to.deep.equal(within);
    // Every day of March at its midnight in Chicago: CST to 8 March, CDT from then on.
    expect(xs(0)).to.have.length(31);
    expect([xs(0)[0], xs(0)[7], xs(0)[8], xs(0)[30]]).to.deep.equal(
      ['2026-03-01T06:00:00Z', '2026-03-08T06:00:00Z', '2026-03-09T05:00:00Z', '2026-03-31T05:00:00Z'].map((iso) => Date.parse(iso)),
    );
    // The targets: flat at their minutes on the minutes axis, dashed; the figures solid on their own axes.
    expect(ys(2)).to.deep.equal(Array(31).fill(300));
    expect(ys(3)).to.deep.equal(Array(31).fill(60));
    const sets = chart.data.datasets as Array<{ yAxisID?: string; borderDash?: number[] }>;
    expect(sets.map((d) => d.yAxisID)).to.deep.equal(['y', 'y1', 'y', 'y']);
    expect(sets.map((d) => (d.borderDash ?? []).length > 0)).to.deep.equal([false, false, true, true]);
    const x = chart.options.scales!.x as { type?: string; time?: { unit?: string }; adapters?: { date?: { zone?: string } } };
    expect([x.type, x.time?.unit, x.adapters?.date?.zone]).to.deep.equal(['time', 'day', 'America/Chicago']);
    expect([chart.options.parsing, chart.options.normalized]).to.deep.equal([false, true]);
    expect([chart.scales.y1!.min, chart.scales.y1!.max]).to.deep.equal([0, 100]);
    const canvas = root(el).querySelector('canvas.trend-chart')!;
    expect(canvas.getAttribute('role')).to.equal('img');
    expect(canvas.getAttribute('aria-label')).to.equal(
      'Line chart per day from Mar 1, 2026 to Mar 31, 2026: the median response (left axis) and the share of leads answered within the limit (right axis), with the targets of GM and Mazda as dashed lines. The table “Responses per day” under “Figures per day” below has the same figures.',
    );

    // The accessible twin: the days with leads, in a disclosure.
    const details = root(el).querySelector<HTMLDetailsElement>('details.trend-figures')!;
    expect(details.open).to.equal(false);
    details.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(details.open).to.equal(true);
    expect([...details.querySelectorAll('tbody tr')].map(cellsOf)).to.deep.equal([
      ['Mar 1, 2026', '1', '1', '1 h', '100%'],
      ['Mar 2, 2026', '4', '4', '1 h 23 min', '25%'],
      ['Mar 3, 2026', '1', '1', '20 min', '100%'],
      ['Mar 4, 2026', '1', '1', '45 h', '0%'],
      ['Mar 7, 2026', '1', '1', '1 h 30 min', '100%'],
      ['Mar 10, 2026', '1', '0', '—no leads with a known outcome', '—no leads with a known outcome'],
    ]);
    await expect(el).to.be.accessible();

    // A day's row shows that day's tooltip: its figures and the targets.
    const dayRows = [...details.querySelectorAll<HTMLTableRowElement>('tbody tr')];
    dayRows[1]!.focus();
    expect(chart.tooltip!.getActiveElements().map((a) => [a.datasetIndex, a.index])).to.deep.equal([
      [0, 1],
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    expect(chart.tooltip!.title).to.deep.equal(['Mar 2, 2026']);
    expect(chart.tooltip!.body.flatMap((b) => b.lines)).to.deep.equal([
      'Median response: 1 h 23 min',
      'Answered within the limit: 25%',
      'Target 99% within 5 h, average at most 1 h: GM',
      'Target 90% within 1 h: Mazda',
    ]);
    // A day whose leads are all still running has no point to show.
    dayRows[5]!.focus();
    expect(chart.tooltip!.getActiveElements()).to.deep.equal([]);
  });

  it('draws only the targets of the OEMs in view, and the days of the filtered leads', async () => {
    const el = await report();
    const oem = root(el).querySelector<HTMLSelectElement>('select[name="oem"]')!;
    await choose(oem, 'Mazda');
    await el.updateComplete;
    tab(el, 'Summary').click();
    const chart = await drawnChart(root(el), 'canvas.trend-chart');
    expect(chart.data.datasets.map((d) => d.label)).to.deep.equal(['Median response', 'Answered within the limit', 'Target 90% within 1 h: Mazda']);
    // L10 alone: 2 March, 90 min, missed.
    const ys = (i: number) => (chart.data.datasets[i]!.data as Array<{ y: number | null }>).map((p) => p.y);
    expect(ys(0).flatMap((y, i) => (y === null ? [] : [[i, y]]))).to.deep.equal([[1, 90]]);
    expect(ys(1).flatMap((y, i) => (y === null ? [] : [[i, y]]))).to.deep.equal([[1, 0]]);

    // Ford sets no target: no target line, and no legend entry for one.
    tab(el, 'Detail').click();
    await el.updateComplete;
    await choose(root(el).querySelector<HTMLSelectElement>('select[name="oem"]')!, 'Ford');
    await el.updateComplete;
    tab(el, 'Summary').click();
    const ford = await drawnChart(root(el), 'canvas.trend-chart', (c) => c.data.datasets.length === 2);
    // L1 40 met and L2 75 missed on 2 March; L6 still running on 10 March.
    expect((ford.data.datasets[0]!.data as Array<{ y: number | null }>)[1]!.y).to.equal(57.5);
    expect((ford.data.datasets[1]!.data as Array<{ y: number | null }>)[1]!.y).to.equal(50);
    expect(root(el).querySelector('canvas.trend-chart')!.getAttribute('aria-label')).not.to.include('targets');
    await expect(el).to.be.accessible();
  });

  it("has a legend whose buttons hide and show the trend's lines", async () => {
    const el = await summary();
    const chart = await drawnChart(root(el), 'canvas.trend-chart');
    await el.updateComplete;
    const buttons = () => [...root(el).querySelectorAll<HTMLButtonElement>('.trend .fc-chart-legend button')];
    expect(buttons().map((b) => text(b))).to.deep.equal([
      'Median response',
      'Answered within the limit',
      'Target 99% within 5 h, average at most 1 h: GM',
      'Target 90% within 1 h: Mazda',
    ]);
    expect(buttons().map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'true', 'true', 'true']);
    // The targets' swatches are dashed lines, the figures' solid.
    expect(buttons().map((b) => b.querySelector('line')?.getAttribute('stroke-dasharray') ?? null)).to.deep.equal([null, null, '5 3', '5 3']);
    buttons()[1]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(chart.isDatasetVisible(1)).to.equal(false);
    expect(buttons().map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false', 'true', 'true']);
    await expect(el).to.be.accessible();
    buttons()[3]!.click();
    await el.updateComplete;
    expect(chart.isDatasetVisible(3)).to.equal(false);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(chart.isDatasetVisible(1)).to.equal(true);
    expect(buttons().map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'true', 'true', 'false']);
  });

  it('draws both charts in the dark theme’s colours, and in system colours under forced colours', async () => {
    const el = await summary();
    el.setAttribute('theme', 'dark');
    const bars = await drawnChart(root(el), 'canvas.buckets-chart', (c) => c.options.color === '#e6edf3');
    const trend = await drawnChart(root(el), 'canvas.trend-chart', (c) => c.options.color === '#e6edf3');
    expect((bars.data.datasets[0]!.backgroundColor as unknown[])[0]).to.equal('#4493f8');
    expect((bars.data.datasets[0]!.backgroundColor as unknown[])[11]).to.be.instanceOf(CanvasPattern);
    expect(trend.data.datasets.map((d) => d.borderColor)).to.deep.equal(['#4493f8', '#3fb950', '#9198a1', '#9198a1']);
    await expect(el).to.be.accessible();

    el.removeAttribute('theme');
    await executeServerCommand('emulate-forced-colors', { active: true });
    const forcedBars = await drawnChart(root(el), 'canvas.buckets-chart', (c) => c.options.color === 'CanvasText');
    const forcedTrend = await drawnChart(root(el), 'canvas.trend-chart', (c) => c.options.color === 'CanvasText');
    const fills = forcedBars.data.datasets[0]!.backgroundColor as unknown[];
    expect(fills[0]).to.equal('Highlight');
    expect(fills[11]).to.be.instanceOf(CanvasPattern);
    expect(forcedBars.data.datasets[0]!.borderColor).to.equal('CanvasText');
    expect(forcedTrend.data.datasets.map((d) => d.borderColor)).to.deep.equal(['Highlight', 'CanvasText', 'CanvasText', 'CanvasText']);
    await expect(el).to.be.accessible();
  });

  it('moves between the tabs with the arrow keys, Home and End', async () => {
    const el = await report();
    const selected = () => text(root(el).querySelector('[role="tab"][aria-selected="true"]'));
    const focused = () => text(root(el).activeElement);
    const visiblePanel = () => [...root(el).querySelectorAll('[role="tabpanel"]')].filter((p) => !(p as HTMLElement).hidden).map((p) => p.id);
    tab(el, 'Detail').focus();
    await sendKeys({ press: 'ArrowRight' });
    expect([selected(), focused()]).to.deep.equal(['Summary', 'Summary']);
    expect(visiblePanel()).to.deep.equal(['panel-summary']);
    await sendKeys({ press: 'End' });
    expect([selected(), focused()]).to.deep.equal(['OEM rules', 'OEM rules']);
    await sendKeys({ press: 'ArrowRight' });
    expect([selected(), focused()]).to.deep.equal(['Detail', 'Detail']);
    await sendKeys({ press: 'ArrowLeft' });
    expect(selected()).to.equal('OEM rules');
    await sendKeys({ press: 'Home' });
    expect(selected()).to.equal('Detail');
    expect(tab(el, 'Detail').tabIndex).to.equal(0);
    expect(tab(el, 'Summary').tabIndex).to.equal(-1);
    expect(tab(el, 'Detail').getAttribute('aria-controls')).to.equal('panel-detail');
    await expect(el).to.be.accessible();
  });

  it('shows loading, then an error with Retry, an empty range, and a host without leads', async () => {
    server.faults.latencyMs = 400;
    const slow = await fixture<FcLeadResponseReport>(html`<fc-lead-response-report .adapter=${server.client()} now=${NOW}></fc-lead-response-report>`);
    expect(root(slow).querySelector('[part~="loading"]')).to.exist;
    await expect(slow).to.be.accessible();
    await loaded(slow);
    server.faults.latencyMs = 0;

    server.faults.failing = true;
    const failing = await fixture<FcLeadResponseReport>(html`<fc-lead-response-report .adapter=${server.client()} now=${NOW}></fc-lead-response-report>`);
    await waitUntil(() => root(failing).querySelector('[part~="error"]'), 'no error shown');
    expect(shadowText(failing)).to.include('The server had a problem (HTTP 503).');
    await expect(failing).to.be.accessible();
    server.faults.failing = false;
    buttonNamed(failing, 'Retry')!.click();
    await loaded(failing);

    const empty = await fixture<FcLeadResponseReport>(
      html`<fc-lead-response-report .adapter=${server.client()} now=${NOW} from="2026-04-01" to="2026-04-30"></fc-lead-response-report>`,
    );
    await waitUntil(() => root(empty).querySelector('[part~="empty"]'), 'no empty state');
    expect(shadowText(empty)).to.include('No internet leads were received in this range.');
    await expect(empty).to.be.accessible();

    const none = await fixture<FcLeadResponseReport>(html`<fc-lead-response-report .adapter=${server.client({ parts: ['sources'] })}></fc-lead-response-report>`);
    expect(shadowText(none)).to.include('This host does not provide internet leads.');
    await expect(none).to.be.accessible();
    const bare = await fixture<FcLeadResponseReport>(html`<fc-lead-response-report></fc-lead-response-report>`);
    expect(shadowText(bare)).to.include('This host does not provide internet leads.');
  });

  it('changes the range from the date inputs, refuses a reversed one, and says which', async () => {
    const el = await report();
    const changes: unknown[] = [];
    el.addEventListener('fc-range-change', (e) => changes.push(e.detail));
    input(el, 'from').value = '2026-03-05';
    input(el, 'from').dispatchEvent(new Event('change'));
    await waitUntil(() => customers(el).length === 2, 'the range was not applied');
    expect(customers(el)).to.deep.equal(['Sam Lee', XSS]);
    expect(changes).to.deep.equal([{ from: '2026-03-05', to: '2026-03-31' }]);
    input(el, 'to').value = '2026-03-01';
    input(el, 'to').dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(root(el).querySelector('#range-problem'))).to.equal('The start date is after the end date.');
    expect(changes.length).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('reads every page of a large range with a progress line, up to its cap, and says when capped', async () => {
    const many = Array.from({ length: 1205 }, (_, i) =>
      lead(`M${i}`, 'Kia', new Date(Date.parse('2026-03-02T15:00:00.000Z') + i * 60_000).toISOString(), ANA, 'OEM website', `Customer ${i}`, [
        ['email-sent', new Date(Date.parse('2026-03-02T15:10:00.000Z') + i * 60_000).toISOString()],
      ]),
    );
    server = await startDemoServer(leadsDataset({ leads: many }));
    server.faults.latencyMs = 300;
    const all = await fixture<FcLeadResponseReport>(html`<fc-lead-response-report .adapter=${server.client()} now=${NOW}></fc-lead-response-report>`);
    await waitUntil(() => shadowText(all).includes('Reading leads… 1,000 of 1,205'), 'no progress line', { timeout: 8000 });
    await expect(all).to.be.accessible();
    await loaded(all);
    expect(shadowText(all)).to.include('Showing 100 of 1,205 leads.');
    expect(shadowText(all)).not.to.include('reads the first');
    buttonNamed(all, 'Show 100 more')!.click();
    await all.updateComplete;
    expect(detailRows(all).length).to.equal(200);
    server.faults.latencyMs = 0;

    const capped = await fixture<FcLeadResponseReport>(
      html`<fc-lead-response-report .adapter=${server.client()} now=${NOW} max-leads="1100"></fc-lead-response-report>`,
    );
    await loaded(capped);
    expect(shadowText(capped)).to.include('This range has 1,205 leads; the report reads the first 1,100. Pick a shorter range to see them all.');
    expect(shadowText(capped)).to.include('Showing 100 of 1,100 leads.');
  });

  it("edits an OEM's limit from the keyboard, saves it, and works the report out again", async () => {
    const el = await report();
    const saves: StoredOemRule[] = [];
    el.addEventListener('fc-rule-save', (e) => saves.push(e.detail.rule));
    expect(detailRows(el)[4]!.slice(8, 10)).to.deep.equal(['■ Red', 'Missed']);
    await openRules(el);
    const ford = [...root(el).querySelectorAll('table.rules tbody tr')].find((tr) => text(tr.querySelector('th')) === 'Ford')!;
    expect(cellsOf(ford).slice(0, 7)).to.deep.equal([
      'Ford',
      'Ford',
      '1 h',
      "Business hours (the dealer's)",
      'Counted as ordinary days',
      'Email sent, E-brochure sent',
      'Green up to 30 min, half the limit; yellow up to the 1 h limit (default)',
    ]);
    const ruleRow = (name: string) => cellsOf([...root(el).querySelectorAll('table.rules tbody tr')].find((tr) => text(tr.querySelector('th')) === name)!);
    expect(ruleRow('Mazda')[3]).to.equal('Business hours: Mon–Fri 09:00–18:00; Sat 10:00–18:00');
    // Which bands are the OEM's own and which are derived from its target.
    expect(ruleRow('Toyota / Scion / Lexus')[6]).to.equal("Green under 1 h; yellow up to the 3 h limit (the OEM's own bands)");
    expect(ruleRow('GM')[6]).to.equal("Green up to 1 h, the OEM's average target; yellow up to the 5 h limit (derived from the target)");
    expect(ruleRow('Mazda')[6]).to.equal("Green up to 1 h, the OEM's compliance target; red past the 1 h limit (derived from the target)");
    expect(ruleRow('Volkswagen')[6]).to.equal("Green under 30 min, the OEM's discount threshold; yellow up to the 3 h limit (derived from the target)");
    await editRule(el, 'Ford');
    expect(root(el).activeElement?.id).to.equal('editor-heading');
    expect(root(el).querySelector('input[value="auto-response"]')).to.equal(null);
    expect(text(root(el).querySelector('#rule-editor'))).to.include('An auto-response never stops the clock.');
    await expect(el).to.be.accessible();

    await typeInto(input(el, 'limit'), '90');
    await sendKeys({ press: 'Enter' });
    await waitUntil(async () => (await serverRule(server, 'ford')).limitMinutes === 90, 'the rule was not saved');
    expect((await serverRule(server, 'ford')).version).to.equal(2);
    await waitUntil(() => saves.length === 1, 'no fc-rule-save');
    expect(saves[0]!.limitMinutes).to.equal(90);
    await waitUntil(() => cellsOf(ford)[2] === '1 h 30 min', 'the rules list did not change');
    expect(cellsOf(ford)[6]).to.equal('Green up to 45 min, half the limit; yellow up to the 1 h 30 min limit (default)');

    tab(el, 'Detail').click();
    await el.updateComplete;
    // L2's 75 minutes are now within 90; half the limit is 45, so yellow. L1's 40 turns green.
    await waitUntil(() => detailRows(el)[4]?.[9] === 'Met', 'the report was not worked out again');
    expect(detailRows(el)[4]!.slice(7, 10)).to.deep.equal(['1 h 30 min business time', '▲ Yellow', 'Met']);
    expect(detailRows(el)[7]!.slice(8, 10)).to.deep.equal(['● Green', 'Met']);
  });

  it('edits hours, holidays, activities and grades, and refuses what the clock would misread before sending', async () => {
    const el = await report();
    await openRules(el);
    await editRule(el, 'Mazda');
    expect(input(el, 'mon-opens').value).to.equal('09:00');
    expect(input(el, 'sun-open').checked).to.equal(false);
    const set = async (name: string, value: string) => {
      input(el, name).value = value;
      input(el, name).dispatchEvent(new Event('change'));
      await el.updateComplete;
    };
    await set('mon-closes', '08:00');
    await typeInto(input(el, 'limit'), '0');
    input(el, 'stops').click(); // email sent off
    await el.updateComplete;
    buttonNamed(el, 'Save rule')!.click();
    await el.updateComplete;
    const alert = root(el).querySelector('.problems[role="alert"]')!;
    expect([...alert.querySelectorAll('li')].map((li) => text(li))).to.deep.equal([
      'The limit must be more than 0 minutes.',
      'Monday closes at 08:00, before it opens at 09:00. Tick “Closes after midnight” if it does.',
    ]);
    expect(input(el, 'limit').getAttribute('aria-invalid')).to.equal('true');
    expect(text(root(el).getElementById(input(el, 'limit').getAttribute('aria-describedby')!))).to.equal('The limit must be more than 0 minutes.');
    expect(input(el, 'mon-closes').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    expect((await serverRule(server, 'mazda')).version).to.equal(1, 'nothing was sent');

    // Monday runs past midnight on purpose; Sunday opens; holidays count; texts stop the clock; own grades.
    input(el, 'mon-overnight').click();
    await el.updateComplete;
    await set('mon-closes', '01:00');
    input(el, 'sun-open').click();
    await el.updateComplete;
    await set('sun-opens', '11:00');
    await set('sun-closes', '16:00');
    input(el, 'holidays').click();
    [...root(el).querySelectorAll<HTMLInputElement>('input[name="stops"]')].find((i) => i.value === 'text-sent')!.click();
    // Without its own bands, Mazda's green ends at its target, which a shorter limit cuts.
    const gradesLabel = (value: string) => text(input(el, 'grades').closest('fieldset')!.querySelector(`input[value="${value}"]`)!.closest('label'));
    expect(gradesLabel('default')).to.equal("Green up to 1 h, the OEM's compliance target; red past the 1 h limit (derived from the target)");
    await typeInto(input(el, 'limit'), '45');
    expect(gradesLabel('default')).to.equal("Green up to 45 min, the OEM's compliance target; red past the 45 min limit (derived from the target)");
    root(el).querySelector<HTMLInputElement>('input[name="grades"][value="custom"]')!.click();
    await el.updateComplete;
    expect(gradesLabel('custom')).to.equal('Set where green ends');
    // Only where green ends is asked; yellow runs to the limit.
    expect(input(el, 'yellow')).to.equal(null);
    expect(text(root(el).querySelector('.grade-fields'))).to.include('Yellow runs from there up to the limit; past the limit is red.');
    const refused = async (green: string) => {
      if (green) await typeInto(input(el, 'green'), green);
      buttonNamed(el, 'Save rule')!.click();
      await el.updateComplete;
      expect(input(el, 'green').getAttribute('aria-invalid')).to.equal('true');
      return [...root(el).querySelectorAll('.problems li')].map((li) => text(li));
    };
    expect(await refused('')).to.deep.equal(['Enter where green ends as a whole number of minutes, e.g. 30.']);
    expect(await refused('12.5')).to.deep.equal(['Enter where green ends as a whole number of minutes, e.g. 30.']);
    expect(await refused('0')).to.deep.equal(['Green must end after 0 minutes.']);
    expect(await refused('46')).to.deep.equal(['Green must end within the limit, at 45 minutes or less.']);
    await expect(el).to.be.accessible();
    expect((await serverRule(server, 'mazda')).version).to.equal(1, 'nothing was sent');
    await typeInto(input(el, 'green'), '20');
    buttonNamed(el, 'Save rule')!.click();
    await waitUntil(async () => (await serverRule(server, 'mazda')).version === 2, 'the rule was not saved');
    const saved = await serverRule(server, 'mazda');
    expect(saved.limitMinutes).to.equal(45);
    expect(saved.hours!.mon).to.deep.equal([['09:00', '01:00']]);
    expect(saved.hours!.sun).to.deep.equal([['11:00', '16:00']]);
    expect(saved.hours!.sat).to.deep.equal([['10:00', '18:00']]);
    expect(saved.excludeHolidays).to.equal(false);
    expect(saved.stopsClock).to.deep.equal(['ebrochure-sent', 'call-completed', 'text-sent']);
    // yellowUnder repeats the limit: the contract's shape, and where yellow ends.
    expect(saved.grades).to.deep.equal({ greenUnder: 20, yellowUnder: 45 });
    expect(saved.compliance).to.deep.equal({ percentWithin: 90, withinMinutes: 60 });

    // "Use the dealer's hours" drops the rule's own.
    await editRule(el, 'Hyundai');
    root(el).querySelector<HTMLInputElement>('input[name="hours"][value="dealer"]')!.click();
    await el.updateComplete;
    buttonNamed(el, 'Save rule')!.click();
    await waitUntil(async () => (await serverRule(server, 'hyundai')).version === 2, 'Hyundai was not saved');
    expect((await serverRule(server, 'hyundai')).hours).to.equal(undefined);
  });

  it('shows a rule changed by someone else with both versions and never overwrites it unasked', async () => {
    const el = await report();
    const ford = await serverRule(server, 'ford');
    await server.backend.leads!.saveRule({ ...ford, limitMinutes: 120 });
    await openRules(el);
    await editRule(el, 'Ford');
    await typeInto(input(el, 'limit'), '90');
    buttonNamed(el, 'Save rule')!.click();
    await waitUntil(() => root(el).querySelector('.notice[role="alert"]'), 'the conflict is not shown');
    const notice = text(root(el).querySelector('.notice[role="alert"]'));
    expect(notice).to.include('Someone else changed the Ford rule in the meantime. Your change was not saved.');
    expect(notice).to.include('Theirs limit 2 h; Business hours');
    expect(notice).to.include('Yours limit 1 h 30 min; Business hours');
    expect((await serverRule(server, 'ford')).limitMinutes).to.equal(120);
    await expect(el).to.be.accessible();

    buttonNamed(el, 'Save mine over theirs: Ford')!.click();
    await waitUntil(async () => (await serverRule(server, 'ford')).limitMinutes === 90, 'mine was not saved');
    expect((await serverRule(server, 'ford')).version).to.equal(3);
    await waitUntil(() => !root(el).querySelector('.notice[role="alert"]'), 'the conflict stayed');
  });

  it('takes the other version when asked', async () => {
    const el = await report();
    const ford = await serverRule(server, 'ford');
    await server.backend.leads!.saveRule({ ...ford, limitMinutes: 120 });
    await openRules(el);
    await editRule(el, 'Ford');
    await typeInto(input(el, 'limit'), '90');
    buttonNamed(el, 'Save rule')!.click();
    await waitUntil(() => root(el).querySelector('.notice[role="alert"]'), 'the conflict is not shown');
    buttonNamed(el, 'Use theirs: Ford')!.click();
    await waitUntil(() => !root(el).querySelector('.notice[role="alert"]'), 'the conflict stayed');
    const row = [...root(el).querySelectorAll('table.rules tbody tr')].find((tr) => text(tr.querySelector('th')) === 'Ford')!;
    expect(cellsOf(row)[2]).to.equal('2 h');
    const stored = await serverRule(server, 'ford');
    expect([stored.limitMinutes, stored.version]).to.deep.equal([120, 2]);
    // The report follows their rule: L2's 75 minutes are within 2 h.
    tab(el, 'Detail').click();
    await waitUntil(() => detailRows(el)[4]?.[9] === 'Met', 'the report did not follow their rule');
  });

  it('shows a rule saved offline as waiting, and sends it once online', async () => {
    const adapter = server.client();
    const el = await report(adapter);
    await openRules(el);
    server.faults.offline = true;
    await editRule(el, 'Ford');
    await typeInto(input(el, 'limit'), '90');
    buttonNamed(el, 'Save rule')!.click();
    await waitUntil(() => /Change waiting to send|Saving…|Not sent yet/.test(shadowText(el)), 'the change is not shown as pending');
    await expect(el).to.be.accessible();
    expect((await serverRule(server, 'ford')).limitMinutes).to.equal(60);
    server.faults.offline = false;
    await adapter.outbox.flush();
    await waitUntil(async () => (await serverRule(server, 'ford')).limitMinutes === 90, 'not sent once online');
    await waitUntil(() => !/Change waiting to send|Saving…|Not sent yet/.test(shadowText(el)), 'still shown as pending');
  });
  it('over an adapter without an outbox: shows the conflict from the answer, and a save failure with Retry', async () => {
    const adapter = createRestAdapter({ baseUrl: server.baseUrl, timeoutMs: 5000 });
    const el = await report(adapter);
    const ford = await serverRule(server, 'ford');
    await server.backend.leads!.saveRule({ ...ford, limitMinutes: 120 });
    await openRules(el);
    await editRule(el, 'Ford');
    await typeInto(input(el, 'limit'), '90');
    buttonNamed(el, 'Save rule')!.click();
    await waitUntil(() => text(root(el).querySelector('.notice[role="alert"]')).includes('Theirs limit 2 h'), 'the conflict is not shown');
    expect((await serverRule(server, 'ford')).limitMinutes).to.equal(120);
    buttonNamed(el, 'Save mine over theirs: Ford')!.click();
    await waitUntil(async () => (await serverRule(server, 'ford')).limitMinutes === 90, 'mine was not saved');
    await waitUntil(() => !root(el).querySelector('.notice[role="alert"]'), 'the conflict stayed');

    server.faults.failing = true;
    await editRule(el, 'Honda');
    await typeInto(input(el, 'limit'), '150');
    buttonNamed(el, 'Save rule')!.click();
    await waitUntil(() => shadowText(el).includes('Honda: Not saved: The server had a problem (HTTP 503).'), 'the failure is not shown');
    await expect(el).to.be.accessible();
    server.faults.failing = false;
    buttonNamed(el, 'Retry: Honda')!.click();
    await waitUntil(async () => (await serverRule(server, 'honda')).limitMinutes === 150, 'not sent again');
    await waitUntil(() => !root(el).querySelector('.notice[role="alert"]'), 'the failure stayed');
  });

  it('says so when a stored rule cannot be worked out, with Retry', async () => {
    const rules = DEFAULT_OEM_RULES.map((r) => ({ ...structuredClone(r), version: 1 }));
    rules.find((r) => r.id === 'ford')!.hours = {};
    server = await startDemoServer(leadsDataset({ rules }));
    const el = await fixture<FcLeadResponseReport>(html`<fc-lead-response-report .adapter=${server.client()} now=${NOW}></fc-lead-response-report>`);
    await waitUntil(() => root(el).querySelector('[part~="error"]'), 'no error shown', { timeout: 8000 });
    expect(shadowText(el)).to.include('The leads could not be evaluated against the OEM rules.');
    expect(shadowText(el)).to.include('closed every day');
    expect(buttonNamed(el, 'Retry')).to.exist;
    await expect(el).to.be.accessible();
    // The rules stay reachable, so the broken one can be fixed.
    await openRules(el);
    await editRule(el, 'Ford');
    root(el).querySelector<HTMLInputElement>('input[name="hours"][value="dealer"]')!.click();
    await el.updateComplete;
    buttonNamed(el, 'Save rule')!.click();
    tab(el, 'Detail').click();
    await loaded(el);
    expect(customers(el).length).to.equal(9);
  });

  it('keeps a rule edit in progress while another tab is open', async () => {
    const el = await report();
    await openRules(el);
    await editRule(el, 'Ford');
    await typeInto(input(el, 'limit'), '90');
    tab(el, 'Detail').click();
    await el.updateComplete;
    expect(root(el).querySelector<HTMLElement>('#panel-rules')!.hidden).to.equal(true);
    await loaded(el);
    tab(el, 'OEM rules').click();
    await el.updateComplete;
    expect(text(root(el).querySelector('#editor-heading'))).to.equal('Edit the Ford rule');
    expect(input(el, 'limit').value).to.equal('90');
    expect(buttonNamed(el, 'Edit Ford')!.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });
});

describe('fc-lead-response-report: rules as stored before issue 19, leads the rule cannot stop', () => {
  afterEach(() => closeClients());

  it('loads a rule whose yellowUnder is not its limit, and saves it with yellow ending at the limit', async () => {
    const rules = DEFAULT_OEM_RULES.map((r) => ({ ...structuredClone(r), version: 1 }));
    const honda = rules.find((r) => r.id === 'honda')!;
    honda.grades = { greenUnder: 30, yellowUnder: 90 };
    const server = await startDemoServer(leadsDataset({ rules }));
    const el = await fixture<FcLeadResponseReport>(html`<fc-lead-response-report .adapter=${server.client()} now=${NOW}></fc-lead-response-report>`);
    await loaded(el);
    // L8, Honda: 180 min of 120 is missed and red whatever the stored yellowUnder says.
    expect(detailRows(el)[5]!.slice(8, 10)).to.deep.equal(['■ Red', 'Missed']);
    await openRules(el);
    const row = [...root(el).querySelectorAll('table.rules tbody tr')].find((tr) => text(tr.querySelector('th')) === 'Honda')!;
    expect(cellsOf(row)[6]).to.equal("Green under 30 min; yellow up to the 2 h limit (the dealer's bands)");
    await editRule(el, 'Honda');
    expect(input(el, 'grades').closest('fieldset')!.querySelector<HTMLInputElement>('input[value="custom"]')!.checked).to.equal(true);
    expect(input(el, 'green').value).to.equal('30');
    buttonNamed(el, 'Save rule')!.click();
    await waitUntil(async () => (await serverRule(server, 'honda')).version === 2, 'the rule was not saved');
    expect((await serverRule(server, 'honda')).grades).to.deep.equal({ greenUnder: 30, yellowUnder: 120 });
  });

  it('says in the detail row when no activity that stops the clock can reach the lead', async () => {
    const base = leadsDataset();
    const without = (id: string, fields: Partial<Lead>) => ({ ...base.leads.find((l) => l.id === id)!, ...fields });
    const server = await startDemoServer({
      ...base,
      leads: [
        // Ford running, no email address (a phone does not stop Ford's clock).
        without('L6', { email: null }),
        // VW overdue, neither an email address nor a phone number.
        without('L5', { email: '', phone: null }),
        // Ford met, no email address on file: the flag is moot.
        without('L1', { email: null }),
        // Mazda missed, no email address but a phone: a completed call would have stopped it.
        without('L10', { email: null }),
      ],
    });
    const el = await fixture<FcLeadResponseReport>(html`<fc-lead-response-report .adapter=${server.client()} now=${NOW}></fc-lead-response-report>`);
    await loaded(el);
    expect(column(el, 9)).to.deep.equal([
      "Running, due 10:30 AM No email address: this OEM's clock stops only on email sent or e-brochure sent",
      'Overdue since Mar 4, 1:00 PM No email address or phone number: this OEM\'s clock stops only on email sent, e-brochure sent, email received, call completed, incoming call, text sent, or text received',
      'Missed',
      'Met',
    ]);
    await expect(el).to.be.accessible();
  });
});

describe('fc-lead-response-report: a make two rules name', () => {
  afterEach(() => closeClients());

  it('shows the refusal of a rule whose make another rule covers, as text, and keeps the stored rule', async () => {
    // Stored before saving refused overlaps: "Lexus only" names Lexus, which Toyota's rule (first in order) covers.
    const rules = DEFAULT_OEM_RULES.map((r) => ({ ...structuredClone(r), version: 1 }));
    const toyota = rules.find((r) => r.id === 'toyota')!;
    rules.push({ ...structuredClone(toyota), id: 'lexus-only', name: 'Lexus only', makes: ['Lexus'], limitMinutes: 90 });
    const server = await startDemoServer(leadsDataset({ rules }));
    const el = await fixture<FcLeadResponseReport>(html`<fc-lead-response-report .adapter=${server.client()} now=${NOW}></fc-lead-response-report>`);
    await loaded(el);
    await openRules(el);
    await editRule(el, 'Lexus only');
    await typeInto(input(el, 'limit'), '120');
    buttonNamed(el, 'Save rule')!.click();
    const refusal = `Rule "Lexus only": Lexus is already covered by the rule "${toyota.name}". A make can belong to one rule only.`;
    await waitUntil(() => shadowText(el).includes(refusal), 'the refusal is not shown', { timeout: 8000 });
    expect(shadowText(el)).to.include(`Lexus only: Not saved: The server refused the request. ${refusal}`);
    expect(await serverRule(server, 'lexus-only')).to.include({ limitMinutes: 90, version: 1 });
    await expect(el).to.be.accessible();
  });
});

/** Elements of the report's shadow root that stick out of its box sideways, outside the table boxes that scroll. */
function stickingOut(el: FcLeadResponseReport): string[] {
  const box = el.getBoundingClientRect();
  return [...root(el).querySelectorAll('*')]
    .filter((child) => !child.closest('.scroll'))
    .filter((child) => {
      const r = child.getBoundingClientRect();
      return (r.width || r.height) && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
    })
    .map((child) => `${child.localName}.${child.className} ${Math.round(child.getBoundingClientRect().right)} > ${Math.round(box.right)}`);
}

/** Waits for a scroll event of `box` to be handled (the signs are set on scroll). */
async function scrollBox(box: HTMLElement, to: { left?: number; top?: number }): Promise<void> {
  const scrolled = new Promise((resolve) => box.addEventListener('scroll', resolve, { once: true }));
  box.scrollTo(to);
  await scrolled;
  await new Promise(requestAnimationFrame);
}

/** Whether a user sees `node`: laid out, not hidden, not `visibility: hidden`. */
const seen = (node: Element | null | undefined) => !!node && node.checkVisibility({ visibilityProperty: true });

describe('fc-lead-response-report: wide reports and phones (issue 18)', function () {
  this.timeout(30_000);
  // A month of the seeded shop's leads, as in the demo: its makes, sources, names and outcomes.
  const NOW_DEMO = '2026-03-10T15:00:00.000Z';
  let server: DemoServer;

  beforeEach(async () => {
    server = await startDemoServer(generateDataset({ size: 'small', today: '2026-03-10' }));
  });
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await closeClients();
  });

  async function mounted(frame: string): Promise<FcLeadResponseReport> {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style=${frame}><fc-lead-response-report .adapter=${server.client()} now=${NOW_DEMO} from="2026-02-01" to="2026-03-10"></fc-lead-response-report></div>`,
    );
    const el = wrapper.querySelector('fc-lead-response-report')!;
    await loaded(el);
    await new Promise(requestAnimationFrame);
    return el;
  }

  it('shows every detail column, Status and Consequences too, in a report 60rem wide (the demo at 1280 px), with no sign of scrolling', async () => {
    await setViewport({ width: 1280, height: 900 });
    const el = await mounted('inline-size: 60rem');
    const table = root(el).querySelector<HTMLTableElement>('table.detail')!;
    const box = table.parentElement!;
    expect(detailRows(el).length).to.be.greaterThan(10);
    expect(box.scrollWidth, 'the table is no wider than its box').to.be.at.most(box.clientWidth);
    const edge = box.getBoundingClientRect().right + 0.5;
    const headers = [...table.querySelectorAll('thead th')];
    expect(headers.map((th) => text(th).replace(/\u00ad/g, ''))).to.include.members(['Status ↕', 'Consequences ↕']);
    for (const th of headers) expect(th.getBoundingClientRect().right, text(th)).to.be.at.most(edge);
    expect(seen(box.previousElementSibling), 'no "More columns" line').to.equal(false);
    expect(box.hasAttribute('tabindex'), 'not a Tab stop when nothing scrolls').to.equal(false);
  });

  for (const width of [320, 390]) {
    it(`fits a ${width} px phone: the page does not scroll sideways, the detail table scrolls in a bounded box with a sticky header and first column and says "More columns"`, async () => {
      await setViewport({ width, height: 844 });
      const el = await mounted('padding-inline: 1rem');
      expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(innerWidth);
      expect(el.getBoundingClientRect().right).to.be.at.most(innerWidth);
      expect(stickingOut(el)).to.deep.equal([]);

      const table = root(el).querySelector<HTMLTableElement>('table.detail')!;
      const box = table.parentElement!;
      const hint = box.previousElementSibling!;
      expect(box.scrollWidth).to.be.greaterThan(box.clientWidth);
      expect(seen(hint)).to.equal(true);
      expect(text(hint)).to.equal('More columns →');
      // The box fits the screen: its own sideways scrollbar is in view without scrolling every row.
      expect(box.getBoundingClientRect().height).to.be.at.most(innerHeight);
      expect(box.scrollHeight).to.be.greaterThan(box.clientHeight);
      expect(box.tabIndex, 'the box takes focus, so the arrow keys scroll it').to.equal(0);
      expect(box.getAttribute('role')).to.equal('region');
      expect(text(root(el).getElementById(box.getAttribute('aria-labelledby')!))).to.equal('Leads received Feb 1, 2026 – Mar 10, 2026');

      await scrollBox(box, { top: 300, left: 120 });
      const top = box.getBoundingClientRect().top;
      const left = box.getBoundingClientRect().left;
      const header = table.querySelector('thead th:nth-child(3)')!;
      expect(Math.round(header.getBoundingClientRect().top), 'the header row stays at the top').to.equal(Math.round(top));
      const firstCells = [...table.querySelectorAll('tbody tr > :first-child')].filter((c) => {
        const r = c.getBoundingClientRect();
        return r.bottom > top && r.top < box.getBoundingClientRect().bottom;
      });
      expect(firstCells.length).to.be.greaterThan(0);
      for (const cell of firstCells) expect(Math.round(cell.getBoundingClientRect().left), 'the first column stays in view').to.equal(Math.round(left));
      expect(seen(hint), 'columns still hidden past the edge').to.equal(true);

      await scrollBox(box, { left: box.scrollWidth });
      const last = table.querySelector('thead th:last-child')!;
      expect(last.getBoundingClientRect().right).to.be.at.most(box.getBoundingClientRect().right + 0.5);
      expect(seen(hint), 'no more columns at the end').to.equal(false);
      expect(hint.getBoundingClientRect().height, 'the line keeps its place, so the table does not jump').to.be.greaterThan(0);
      await expect(el).to.be.accessible();
    });

    it(`fits a ${width} px phone on the Summary and OEM rules tabs and in the rule editor`, async () => {
      await setViewport({ width, height: 844 });
      const el = await mounted('padding-inline: 1rem');
      tab(el, 'Summary').click();
      await waitUntil(() => root(el).querySelector('table.summary-oem'), 'no summary');
      await new Promise(requestAnimationFrame);
      expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
      expect(stickingOut(el)).to.deep.equal([]);
      const oem = root(el).querySelector('table.summary-oem')!.parentElement!;
      expect(oem.scrollWidth).to.be.greaterThan(oem.clientWidth);
      expect(text(oem.previousElementSibling)).to.equal('More columns →');
      expect(seen(oem.previousElementSibling)).to.equal(true);
      // The responder and source tables scroll in their own boxes too, the responder's note under its name.
      await waitUntil(() => root(el).querySelector('table.summary-provider'), 'no responder and source tables');
      await new Promise(requestAnimationFrame);
      for (const kind of ['responder', 'provider']) {
        const box = root(el).querySelector(`table.summary-${kind}`)!.parentElement!;
        expect(box.scrollWidth, kind).to.be.greaterThan(box.clientWidth);
        expect(text(box.previousElementSibling), kind).to.equal('More columns →');
      }
      await expect(el).to.be.accessible();

      await openRules(el);
      const rules = root(el).querySelector('table.rules')!.parentElement!;
      await waitUntil(() => rules.hasAttribute('data-overflow'), 'the rules box did not say it scrolls');
      expect(seen(rules.previousElementSibling)).to.equal(true);
      await editRule(el, 'Ford');
      await new Promise(requestAnimationFrame);
      expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
      expect(stickingOut(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  }
});
