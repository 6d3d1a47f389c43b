/**
 * The lead report over many leads (issue 20, "never block the page"): 20,000 leads are worked out
 * a slice at a time, with a busy line while they are, and the rows that arrive are the ones the
 * synchronous evaluation gives, in the order the table's comparison gives.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/components/lead-response-report/fc-lead-response-report.js';
import type { FcLeadResponseReport } from '../../src/components/lead-response-report/fc-lead-response-report.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { DEFAULT_OEM_RULES, evaluateLeads } from '../../src/data/logic/leads.js';
import type { LeadEvaluation } from '../../src/data/logic/leads.js';
import type { ActivityKind, Dataset, DealerProfile, Lead } from '../../src/data/model.js';
import { closeClients, startDemoServer } from './rig.js';

/** Tuesday 10 March 2026, 10:00 in Chicago. */
const NOW = '2026-03-10T15:00:00.000Z';
const COUNT = 20_000;

const dealer: DealerProfile = {
  name: 'Prairie Motors',
  zone: 'America/Chicago',
  hours: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((d) => [d, [['09:00', '18:00']]])),
  holidays: [],
};

const MAKES = ['Ford', 'Toyota', 'Honda', 'Chevrolet', 'Mazda', 'Volkswagen', 'Kia', 'Tesla'];
const PROVIDERS = ['Cars.com', 'Autotrader', 'OEM website', 'TrueCar'];
/** Names the collator holds equal (case, accents) and numbers it orders as numbers. */
const NAMES = ['Émile Roy', 'emile roy', 'Zoë Park', 'zoe park', 'Ana Ruiz', 'ana ruiz', 'Customer 2', 'Customer 10', 'Ölaf', 'Olaf'];
const STOPS: ActivityKind[] = ['email-sent', 'call-completed', 'text-sent', 'email-received', 'auto-response'];

/** 20,000 leads of 1-10 March 2026 (distinct times), a third unanswered. */
function manyLeads(): Lead[] {
  const start = Date.parse('2026-03-01T12:00:00.000Z');
  const span = Date.parse('2026-03-10T14:00:00.000Z') - start;
  return Array.from({ length: COUNT }, (_, i) => {
    const at = start + Math.floor((i * span) / COUNT) + (i % 7);
    const answered = i % 3 !== 0;
    return {
      id: `N${i}`,
      receivedAt: new Date(at).toISOString(),
      make: MAKES[i % MAKES.length]!,
      model: null,
      year: null,
      provider: PROVIDERS[(i >> 2) % PROVIDERS.length]!,
      customerName: `${NAMES[i % NAMES.length]!}${i % 11 ? '' : ` ${i}`}`,
      email: 'customer@example.com',
      phone: '+1 312 555 0100',
      salespersonId: i % 5 ? `sp-${i % 5}` : null,
      salespersonName: i % 5 ? `Salesperson ${i % 5}` : null,
      activities: answered ? [{ id: `a${i}`, kind: STOPS[i % STOPS.length]!, at: new Date(at + ((i * 7919) % 600) * 60_000).toISOString(), by: null }] : [],
    };
  });
}

function largeDataset(leads: Lead[]): Dataset {
  const base = generateDataset({ size: 'small', today: '2026-03-10' });
  return { ...base, today: '2026-03-10', dealer, rules: DEFAULT_OEM_RULES.map((r) => ({ ...structuredClone(r), version: 1 })), leads };
}

const root = (el: FcLeadResponseReport) => el.shadowRoot!;
const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const rows = (el: FcLeadResponseReport) => [...root(el).querySelectorAll('table.detail tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((c) => text(c)));
const GRADE_WORD = { green: 'Green', yellow: 'Yellow', red: 'Red' } as const;
const STATUS_WORD = { met: 'Met', missed: 'Missed', running: 'Running', overdue: 'Overdue' } as const;
/** What a detail row says of an evaluation: customer, grade word, the status's first word. */
const expectedRow = (e: LeadEvaluation) => [e.lead.customerName, GRADE_WORD[e.state.grade], STATUS_WORD[e.state.status]];
const shownRow = (cells: string[]) => [cells[1], cells[8]!.replace(/^\W+\s*/, ''), cells[9]!.split(/[ ,]/)[0]];

/** Every text the report's progress line (and its loading state's status) showed from now on (a record, since the line changes between frames). */
function recordProgress(el: FcLeadResponseReport): string[] {
  const seen: string[] = [];
  const look = () => {
    for (const p of root(el).querySelectorAll('.progress, [part~="loading"] [role="status"]')) if (!seen.includes(text(p))) seen.push(text(p));
  };
  new MutationObserver(look).observe(root(el), { subtree: true, childList: true, characterData: true });
  return seen;
}

/** Mounts the report and records its progress lines from the first render (its shadow root is made on connecting). */
async function mount(adapter: FcLeadResponseReport['adapter']): Promise<{ el: FcLeadResponseReport; progress: string[] }> {
  const el = document.createElement('fc-lead-response-report');
  el.adapter = adapter;
  el.now = NOW;
  const box = await fixture(html`<div></div>`);
  box.append(el);
  return { el, progress: recordProgress(el) };
}

const finished = (el: FcLeadResponseReport) =>
  waitUntil(() => root(el).querySelector('table.detail tbody[aria-busy="false"]') && !root(el).querySelector('.progress'), 'the rows did not arrive', { timeout: 60_000 });

describe('fc-lead-response-report over 20,000 leads', function () {
  this.timeout(120_000);
  const leads = manyLeads();
  const expected = evaluateLeads(leads, DEFAULT_OEM_RULES, dealer, NOW);

  afterEach(async () => {
    await closeClients();
  });

  it('over the REST API: reads every page, says it is working the clocks out, then shows the rows the synchronous evaluation gives, newest first', async () => {
    const server = await startDemoServer(largeDataset(leads));
    const { el, progress } = await mount(server.client());
    await waitUntil(() => progress.some((p) => /^Working out response clocks… [\d,]+ of 20,000 leads$/.test(p)), 'no busy line while the leads were worked out', { timeout: 60_000 });
    // Busy, never blank: the loading state is on screen while the clocks are worked out.
    expect(root(el).querySelector('[part~="loading"][aria-busy="true"]') ?? root(el).querySelector('table.detail')).to.exist;
    await finished(el);
    expect(progress.some((p) => p.startsWith('Reading leads…'))).to.be.true;
    const worked = progress.filter((p) => p.startsWith('Working out')).map((p) => Number(p.match(/… ([\d,]+) of/)![1]!.replace(/,/g, '')));
    expect(worked.every((n, i) => i === 0 || n > worked[i - 1]!), `progress goes up: ${worked.join(' ')}`).to.be.true;
    expect(text(root(el).querySelector('.hint[role="status"]'))).to.equal('Showing 100 of 20,000 leads.');
    const newest = [...expected].sort((a, b) => Date.parse(b.lead.receivedAt) - Date.parse(a.lead.receivedAt)).slice(0, 100);
    expect(rows(el).map(shownRow)).to.deep.equal(newest.map(expectedRow));
    await expect(el).to.be.accessible();
  });

  it('sorts 20,000 rows by customer in the collator’s order (case, accents and numbers), ties oldest first', async () => {
    const { el } = await mount(createMemoryAdapter(largeDataset(leads)));
    await finished(el);
    root(el).querySelector<HTMLButtonElement>('button[data-sort="customer"]')!.click();
    await waitUntil(() => rows(el).length === 100 && root(el).querySelector('th[aria-sort="ascending"]'), 'not sorted');
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const byCustomer = [...expected].sort((a, b) => collator.compare(a.lead.customerName, b.lead.customerName) || Date.parse(a.lead.receivedAt) - Date.parse(b.lead.receivedAt));
    expect(rows(el).map(shownRow)).to.deep.equal(byCustomer.slice(0, 100).map(expectedRow));
    root(el).querySelector<HTMLButtonElement>('button[data-sort="customer"]')!.click();
    await waitUntil(() => root(el).querySelector('th[aria-sort="descending"]'), 'not reversed');
    const reversed = [...expected].sort((a, b) => -collator.compare(a.lead.customerName, b.lead.customerName) || Date.parse(a.lead.receivedAt) - Date.parse(b.lead.receivedAt));
    expect(rows(el).map(shownRow)).to.deep.equal(reversed.slice(0, 100).map(expectedRow));
  });

  it('drops the clocks it was working out when `now` changes, and shows the ones of the new `now`', async () => {
    const later = '2026-03-20T15:00:00.000Z';
    const { el, progress } = await mount(createMemoryAdapter(largeDataset(leads)));
    await waitUntil(() => progress.some((p) => p.startsWith('Working out')), 'no busy line', { timeout: 60_000 });
    el.now = later;
    await finished(el);
    const atLater = evaluateLeads(leads, DEFAULT_OEM_RULES, dealer, later);
    const newest = [...atLater].sort((a, b) => Date.parse(b.lead.receivedAt) - Date.parse(a.lead.receivedAt)).slice(0, 100);
    expect(rows(el).map(shownRow)).to.deep.equal(newest.map(expectedRow));
    // Ten days on, no lead is still running.
    expect(rows(el).map(shownRow).some((r) => r[2] === 'Running')).to.be.false;
  });

  it('shows a lead that cannot be worked out, found after the first slices, as an error with Retry', async () => {
    const broken = leads.map((l, i) => (i === COUNT / 2 ? { ...l, activities: [{ id: 'bad', kind: 'email-sent' as const, at: 'soon', by: null }] } : l));
    const { el, progress } = await mount(createMemoryAdapter(largeDataset(broken)));
    await waitUntil(() => root(el).querySelector('[part~="error"]'), 'no error shown', { timeout: 60_000 });
    expect(progress.some((p) => p.startsWith('Working out'))).to.be.true;
    expect(text(root(el).querySelector('[part~="error"]'))).to.include('The leads could not be evaluated against the OEM rules.');
    expect(text(root(el).querySelector('[part~="error"]'))).to.include(`Lead N${COUNT / 2}: Activity 1 (email-sent) has an invalid time "soon".`);
    expect(root(el).querySelector('[part~="retry-button"]')).to.exist;
    expect(root(el).querySelector('.progress')).to.equal(null);
  });
});
