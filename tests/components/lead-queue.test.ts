import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/lead-queue/fc-lead-queue.js';
import type { FcLeadQueue } from '../../src/components/lead-queue/fc-lead-queue.js';
import { setLeadClockTime, tickLeadClocks } from '../../src/components/lead-queue/fc-lead-queue.js';
import { setLocale } from '../../src/components/shared/messages.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { DEFAULT_OEM_RULES } from '../../src/data/logic/leads.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { ActivityKind, Dataset, Lead } from '../../src/data/model.js';
import { closeClients, startDemoServer } from './rig.js';

const XSS = '<img src=x onerror=alert(1)>';
const base = generateDataset({ size: 'small', today: '2026-03-09' });

/** Chicago: Mon-Fri 9-18, Sat 9-13, Sunday closed. DST started Sun 2026-03-08 (CDT = UTC-5). */
function dataset(leads: Lead[]): Dataset {
  return {
    ...base,
    leads,
    rules: DEFAULT_OEM_RULES.map((r) => ({ ...structuredClone(r), version: 1 })),
    dealer: {
      name: 'Lakeside Motors',
      zone: 'America/Chicago',
      hours: {
        mon: [['09:00', '18:00']],
        tue: [['09:00', '18:00']],
        wed: [['09:00', '18:00']],
        thu: [['09:00', '18:00']],
        fri: [['09:00', '18:00']],
        sat: [['09:00', '13:00']],
      },
      holidays: [],
    },
  };
}

function lead(id: string, make: string, receivedAt: string, more: Partial<Lead> = {}, activities: Array<[ActivityKind, string]> = []): Lead {
  return {
    id,
    receivedAt,
    make,
    model: null,
    year: null,
    provider: 'OEM website',
    customerName: `Customer ${id}`,
    email: 'customer@example.com',
    phone: '+1 312 555 0100',
    salespersonId: 'sp-1',
    salespersonName: 'Sam Ortiz',
    activities: activities.map(([kind, at], i) => ({ id: `${id}-${i}`, kind, at, by: 'Sam Ortiz' })),
    ...more,
  };
}

let now = '2026-03-09T15:20:00.000Z';
async function at(el: FcLeadQueue, iso: string): Promise<void> {
  now = iso;
  tickLeadClocks();
  await el.updateComplete;
}

const root = (el: FcLeadQueue) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: FcLeadQueue, name: string) => text(root(el).querySelector(`[part~="${name}"]`));
const has = (el: FcLeadQueue, name: string) => !!root(el).querySelector(`[part~="${name}"]`);
const rows = (el: FcLeadQueue) => [...root(el).querySelectorAll<HTMLElement>('[part~="row"]')];
const rowOf = (el: FcLeadQueue, id: string) => rows(el).find((r) => r.dataset.lead === id)!;
const inRow = (row: Element, name: string) => text(row.querySelector(`[part~="${name}"]`));
const announced = (el: FcLeadQueue) => text(root(el).querySelector('.queue > [role="status"]'));

async function mount(leads: Lead[], attrs: { dueSoon?: number; urgent?: number } = {}): Promise<FcLeadQueue> {
  const adapter = createMemoryAdapter(dataset(leads));
  const el = await fixture<FcLeadQueue>(
    html`<fc-lead-queue .adapter=${adapter} due-soon-minutes=${attrs.dueSoon ?? 15} urgent-minutes=${attrs.urgent ?? 5}></fc-lead-queue>`,
  );
  await waitUntil(() => has(el, 'list') || has(el, 'empty') || has(el, 'error'), 'the queue did not load', { timeout: 5000 });
  return el;
}

describe('fc-lead-queue', () => {
  beforeEach(() => {
    setLeadClockTime(() => now);
  });
  afterEach(() => {
    setLeadClockTime(null);
    setLocale(null);
  });

  describe('rows', () => {
    // Now: Mon 10:20 CDT.
    const leads = () => [
      // Toyota, 3 business hours, from the 9:00 opening: 100 min left.
      lead('toyota', 'Toyota', '2026-03-09T13:00:00.000Z', { customerName: 'Ana Ruiz', model: 'Camry', year: 2026 }),
      // Ford, 1 business hour, received 10:00: 40 min left.
      lead('ford', 'Ford', '2026-03-09T15:00:00.000Z', { customerName: 'Ben Cho' }),
      // Ford received 9:00: overdue by 20 min.
      lead('late', 'Ford', '2026-03-09T14:00:00.000Z', { customerName: 'Cal Diaz', salespersonId: null, salespersonName: null }),
      // Ford, no email address: only an email or an e-brochure stops Ford's clock; 45 min left.
      lead('no-email', 'Ford', '2026-03-09T15:05:00.000Z', { customerName: XSS, email: null }),
      // Answered within the limit: not in the queue.
      lead('met', 'Ford', '2026-03-09T15:10:00.000Z', { customerName: 'Dee Eng' }, [['email-sent', '2026-03-09T15:15:00.000Z']]),
    ];

    it('lists every running lead across OEMs, the most overdue first, then by time left', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const el = await mount(leads());
      expect(rows(el).map((r) => r.dataset.lead)).to.deep.equal(['late', 'ford', 'no-email', 'toyota']);
      expect(part(el, 'count')).to.equal('4 running');
      expect(rows(el).map((r) => inRow(r, 'time'))).to.deep.equal([
        'Overdue by 20 min Was due Mon, Mar 9, 10:00 AM CDT',
        '40 min left Due Mon, Mar 9, 11:00 AM CDT',
        '45 min left Due Mon, Mar 9, 11:05 AM CDT',
        '1 h 40 min left Due Mon, Mar 9, 12:00 PM CDT',
      ]);
      await expect(el).to.be.accessible();
    });

    it('shows the rule, the salesperson, how to respond, and flags a lead the rule cannot stop, as text', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const el = await mount(leads());
      const late = rowOf(el, 'late');
      expect(inRow(late, 'customer')).to.equal('Cal Diaz');
      expect(inRow(late, 'urgency')).to.equal('!Overdue');
      expect(late.getAttribute('part')).to.equal('row overdue');
      expect(inRow(late, 'rule')).to.equal('Ford: 1 h of business time');
      expect(inRow(late, 'salesperson')).to.equal('Salesperson: unassigned');
      expect(inRow(late, 'respond')).to.equal('To stop the clock: send an email or send an e-brochure');
      expect(late.querySelector('[part~="unstoppable"]')).to.equal(null);
      const toyota = rowOf(el, 'toyota');
      expect(inRow(toyota, 'salesperson')).to.equal('Salesperson: Sam Ortiz');
      expect(text(toyota.querySelector('.vehicle'))).to.equal('Vehicle: 2026 Toyota Camry');
      expect(toyota.querySelector('[part~="urgency"]'), 'no urgency with time to spare').to.equal(null);
      const noEmail = rowOf(el, 'no-email');
      expect(inRow(noEmail, 'customer'), 'names are text, never markup').to.equal(XSS);
      expect(root(el).querySelector('img')).to.equal(null);
      expect(inRow(noEmail, 'unstoppable')).to.equal("⚠No email address: this OEM's clock stops only on email sent or e-brochure sent");
    });

    it('says when a business clock is paused outside open hours', async () => {
      // Mon 18:30 CDT, closed since 18:00: a Ford lead received at 17:30 used 30 min; the other 30 count from Tue 9:00.
      now = '2026-03-09T23:30:00.000Z';
      const el = await mount([lead('evening', 'Ford', '2026-03-09T22:30:00.000Z')]);
      expect(inRow(rowOf(el, 'evening'), 'time')).to.equal('30 min left Due Tue, Mar 10, 9:30 AM CDT Paused until the next opening');
    });

    it('shows what is wrong with a lead it cannot clock, with Retry, rather than a shorter queue', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const backend = createMemoryAdapter(dataset(leads()));
      let bad = true;
      const adapter = {
        leads: {
          ...backend.leads!,
          list: async () => ({
            items: [leads()[1]!, ...(bad ? [lead('broken', 'Ford', '2026-03-09T15:00:00.000Z', {}, [['email-sent', 'yesterday']])] : [])],
            total: bad ? 2 : 1,
            nextCursor: null,
          }),
        },
      };
      const el = await fixture<FcLeadQueue>(html`<fc-lead-queue .adapter=${adapter}></fc-lead-queue>`);
      await waitUntil(() => has(el, 'error'), 'no error shown');
      expect(part(el, 'error')).to.contain('broken');
      expect(has(el, 'list')).to.equal(false);
      await expect(el).to.be.accessible();
      bad = false;
      root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => has(el, 'list'), 'not loaded on Retry');
      expect(rows(el).map((r) => r.dataset.lead)).to.deep.equal(['ford']);
    });

    it('shows "No running leads" when every clock has stopped', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const el = await mount([leads()[4]!]);
      expect(part(el, 'empty')).to.equal('No running leads');
      expect(part(el, 'count')).to.equal('0 running');
      await expect(el).to.be.accessible();
    });
  });

  describe('thresholds', () => {
    const ford = () => lead('ford', 'Ford', '2026-03-09T15:00:00.000Z', { customerName: 'Dana Reyes' });

    it('announces each threshold and overdue once, and fires fc-lead-due-soon and fc-lead-overdue once each', async () => {
      now = '2026-03-09T15:40:00.000Z'; // 20 min left
      const el = await mount([ford()]);
      const events: string[] = [];
      el.addEventListener('fc-lead-due-soon', (e) => events.push(`soon ${JSON.stringify(e.detail)}`));
      el.addEventListener('fc-lead-overdue', (e) => events.push(`overdue ${JSON.stringify(e.detail)}`));
      const said: string[] = [];
      for (const t of ['15:44:00', '15:45:00', '15:45:30', '15:46:00', '15:56:00', '15:57:00', '16:00:00', '16:01:00', '16:10:00']) {
        await at(el, `2026-03-09T${t}.000Z`);
        said.push(announced(el));
      }
      expect(events).to.deep.equal([
        'soon {"leadId":"ford","minutesLeft":15,"threshold":15,"ruleId":"ford","dueAt":"2026-03-09T16:00:00.000Z"}',
        'soon {"leadId":"ford","minutesLeft":4,"threshold":5,"ruleId":"ford","dueAt":"2026-03-09T16:00:00.000Z"}',
        'overdue {"leadId":"ford","ruleId":"ford","dueAt":"2026-03-09T16:00:00.000Z"}',
      ]);
      expect(said).to.deep.equal([
        '',
        'Ford lead for Dana Reyes: 15 min left.',
        'Ford lead for Dana Reyes: 15 min left.',
        'Ford lead for Dana Reyes: 15 min left.',
        'Ford lead for Dana Reyes: 4 min left.',
        'Ford lead for Dana Reyes: 4 min left.',
        'Ford lead for Dana Reyes is overdue.',
        'Ford lead for Dana Reyes is overdue.',
        'Ford lead for Dana Reyes is overdue.',
      ]);
      const row = rowOf(el, 'ford');
      expect(inRow(row, 'time')).to.equal('Overdue by 10 min Was due Mon, Mar 9, 11:00 AM CDT');
      await expect(el).to.be.accessible();
    });

    it('marks the row at each threshold in words and icon, not colour alone', async () => {
      now = '2026-03-09T15:40:00.000Z';
      const el = await mount([ford()]);
      const urgencies: string[] = [];
      for (const t of ['15:44:00', '15:45:00', '15:55:00', '16:00:00']) {
        await at(el, `2026-03-09T${t}.000Z`);
        urgencies.push(`${rowOf(el, 'ford').getAttribute('part')} ${inRow(rowOf(el, 'ford'), 'urgency')}`);
      }
      expect(urgencies).to.deep.equal(['row none ', 'row soon ◇Due soon', 'row urgent ◆Due very soon', 'row overdue !Overdue']);
    });

    it('does not announce what it shows when it opens, and takes its thresholds from attributes', async () => {
      now = '2026-03-09T15:55:00.000Z'; // 5 min left: within both default thresholds already
      const el = await mount([ford(), lead('late', 'Ford', '2026-03-09T14:00:00.000Z')], { dueSoon: 30, urgent: 10 });
      let fired = 0;
      el.addEventListener('fc-lead-due-soon', () => fired++);
      el.addEventListener('fc-lead-overdue', () => fired++);
      await at(el, '2026-03-09T15:55:30.000Z');
      expect(fired).to.equal(0);
      expect(announced(el)).to.equal('');
      // With 30 and 10: a lead at 20 min left announces the 10-minute threshold at 10.
      now = '2026-03-09T15:40:00.000Z';
      const other = await mount([ford()], { dueSoon: 30, urgent: 10 });
      const seen: number[] = [];
      other.addEventListener('fc-lead-due-soon', (e) => seen.push(e.detail.threshold));
      await at(other, '2026-03-09T15:50:00.000Z');
      expect(seen).to.deep.equal([10]);
    });
  });

  describe('desktop alerts', () => {
    // A stand-in for the browser's Notification API: its permission prompt cannot be answered in a test.
    const original = window.Notification;
    let asked = 0;
    let answer: NotificationPermission = 'denied';
    let shown: string[] = [];
    class FakeNotification {
      static permission: NotificationPermission = 'default';
      static async requestPermission(): Promise<NotificationPermission> {
        asked++;
        FakeNotification.permission = answer;
        return answer;
      }
      constructor(title: string, options: NotificationOptions = {}) {
        shown.push(`${title} | ${options.body} | ${options.tag}`);
      }
    }
    beforeEach(() => {
      asked = 0;
      shown = [];
      FakeNotification.permission = 'default';
      (window as unknown as { Notification: unknown }).Notification = FakeNotification;
    });
    afterEach(() => {
      window.Notification = original;
    });

    it('asks for permission only on a click, and says when the browser denies it', async () => {
      now = '2026-03-09T15:40:00.000Z';
      const el = await mount([lead('ford', 'Ford', '2026-03-09T15:00:00.000Z')]);
      await at(el, '2026-03-09T15:45:00.000Z');
      await at(el, '2026-03-09T16:00:00.000Z');
      expect(asked, 'crossings without a click ask nothing').to.equal(0);
      expect(shown).to.deep.equal([]);
      const button = root(el).querySelector<HTMLButtonElement>('[part~="alerts-button"]')!;
      expect(text(button)).to.equal('Desktop alerts: off');
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      answer = 'denied';
      button.click();
      await waitUntil(() => has(el, 'alerts-note'), 'no note after the denial');
      expect(asked).to.equal(1);
      expect(part(el, 'alerts-note')).to.equal(
        'The browser blocks desktop alerts for this page: allow notifications in its site settings to get them.',
      );
      expect(button.getAttribute('aria-pressed')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('shows a desktop alert per crossing once the user turned them on and the browser allowed them', async () => {
      now = '2026-03-09T15:40:00.000Z';
      const el = await mount([lead('ford', 'Ford', '2026-03-09T15:00:00.000Z', { customerName: 'Dana Reyes' })]);
      answer = 'granted';
      const button = root(el).querySelector<HTMLButtonElement>('[part~="alerts-button"]')!;
      button.click();
      await waitUntil(() => button.getAttribute('aria-pressed') === 'true', 'alerts not turned on');
      expect(text(button)).to.equal('Desktop alerts: on');
      for (const t of ['15:45:00', '15:46:00', '16:00:00', '16:01:00']) await at(el, `2026-03-09T${t}.000Z`);
      expect(shown).to.deep.equal([
        'Lead due in 15 min | Dana Reyes · Ford · Due Mon, Mar 9, 11:00 AM CDT | ford:due-soon',
        'Lead overdue | Dana Reyes · Ford · Due Mon, Mar 9, 11:00 AM CDT | ford:overdue',
      ]);
      expect(asked).to.equal(1);
      // Off again: no more alerts, no new question.
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-pressed')).to.equal('false');
    });
  });

  describe('through the adapter', () => {
    const overdue = () => [
      lead('late', 'Ford', '2026-03-09T14:00:00.000Z', { customerName: 'Cal Diaz' }),
      lead('ford', 'Ford', '2026-03-09T15:00:00.000Z', { customerName: 'Ben Cho' }),
    ];
    afterEach(async () => {
      await closeClients();
    });

    it('flags an overdue lead for a manager with a note, by keyboard, through the outbox to the server', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const server = await startDemoServer(dataset(overdue()));
      const el = await fixture<FcLeadQueue>(html`<fc-lead-queue .adapter=${server.client()}></fc-lead-queue>`);
      await waitUntil(() => has(el, 'list'), 'the queue did not load', { timeout: 5000 });
      expect(rowOf(el, 'ford').querySelector('[part~="flag-button"]'), 'a running lead has no flag button').to.equal(null);
      const button = rowOf(el, 'late').querySelector<HTMLButtonElement>('[part~="flag-button"]')!;
      expect(button.getAttribute('aria-label')).to.equal('Flag for a manager: Cal Diaz');
      button.focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      const textarea = root(el).querySelector('textarea')!;
      expect(root(el).activeElement).to.equal(textarea);
      await expect(el).to.be.accessible();
      await sendKeys({ type: 'Customer called twice' });
      const flagged = new Promise<CustomEvent>((resolve) => el.addEventListener('fc-lead-flag', (e) => resolve(e), { once: true }));
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Enter' });
      const event = await flagged;
      expect(event.detail.leadId).to.equal('late');
      expect(event.detail.flagged).to.equal(true);
      expect(event.detail.lead.managerFlag.note).to.equal('Customer called twice');
      const stored = await server.backend.leads!.get('late');
      expect(stored.managerFlag?.note).to.equal('Customer called twice');
      await waitUntil(() => inRow(rowOf(el, 'late'), 'flag').startsWith('Flagged for a manager Mon'), 'the flag is not shown', { timeout: 5000 });
      expect(inRow(rowOf(el, 'late'), 'flag')).to.contain('Note: Customer called twice');
      // Clearing it is a write too.
      const cleared = new Promise<CustomEvent>((resolve) => el.addEventListener('fc-lead-flag', (e) => resolve(e), { once: true }));
      [...rowOf(el, 'late').querySelectorAll<HTMLButtonElement>('[part~="flag"] button')].find((b) => text(b) === 'Clear flag')!.click();
      expect((await cleared).detail.flagged).to.equal(false);
      expect((await server.backend.leads!.get('late')).managerFlag).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('cancels the flag form with Escape and gives focus back to its button', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const el = await mount(overdue());
      rowOf(el, 'late').querySelector<HTMLButtonElement>('[part~="flag-button"]')!.click();
      await el.updateComplete;
      root(el).querySelector('textarea')!.focus();
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(root(el).querySelector('textarea')).to.equal(null);
      expect(root(el).activeElement).to.equal(rowOf(el, 'late').querySelector('[part~="flag-button"]'));
    });

    it('shows an error with Retry when the server fails, and loads on Retry', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const server = await startDemoServer(dataset(overdue()));
      server.faults.failing = true;
      const el = await fixture<FcLeadQueue>(html`<fc-lead-queue .adapter=${server.client()}></fc-lead-queue>`);
      await waitUntil(() => has(el, 'error'), 'no error shown', { timeout: 8000 });
      expect(part(el, 'error')).to.contain('The server had a problem (HTTP 503).');
      await expect(el).to.be.accessible();
      server.faults.failing = false;
      root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => has(el, 'list'), 'not loaded on Retry', { timeout: 8000 });
      expect(rows(el).map((r) => r.dataset.lead)).to.deep.equal(['late', 'ford']);
    });

    it('says when the host provides no leads', async () => {
      const server = await startDemoServer(dataset([]));
      const el = await fixture<FcLeadQueue>(html`<fc-lead-queue .adapter=${server.client({ parts: ['sms'] })}></fc-lead-queue>`);
      expect(part(el, 'unsupported')).to.equal('This host does not provide internet leads.');
      await expect(el).to.be.accessible();
    });
  });
});
