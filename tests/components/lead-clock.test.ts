import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/components/lead-clock/fc-lead-clock.js';
import type { FcLeadClock } from '../../src/components/lead-clock/fc-lead-clock.js';
import { leadClockTickerRunning, setLeadClockTime, tickLeadClocks } from '../../src/components/lead-clock/fc-lead-clock.js';
import { leadClockSubscribers } from '../../src/components/lead-clock/lead-clock.ticker.js';
import { setLocale } from '../../src/components/shared/messages.js';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { DEFAULT_OEM_RULES, evaluateLead } from '../../src/data/logic/leads.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import type { ActivityKind, BusinessCalendar, Lead, OemRule } from '../../src/data/model.js';
import { closeClients, startDemoServer } from './rig.js';
import type { DemoServer } from './rig.js';

const XSS = '<img src=x onerror=alert(1)>';

/** Chicago: Mon-Fri 9-18, Sat 9-13, Sunday closed; Monday 2026-03-16 a holiday. DST starts Sun 2026-03-08. */
const chicago: BusinessCalendar = {
  zone: 'America/Chicago',
  hours: {
    mon: [['09:00', '18:00']],
    tue: [['09:00', '18:00']],
    wed: [['09:00', '18:00']],
    thu: [['09:00', '18:00']],
    fri: [['09:00', '18:00']],
    sat: [['09:00', '13:00']],
  },
  holidays: ['2026-03-16'],
};

const rule = (id: string) => DEFAULT_OEM_RULES.find((r) => r.id === id)!;

let n = 0;
function lead(make: string, receivedAt: string, activities: Array<[ActivityKind, string]> = [], customerName = 'Dana Reyes'): Lead {
  n++;
  return {
    id: `lead-${n}`,
    receivedAt,
    make,
    model: null,
    year: null,
    provider: 'OEM website',
    customerName,
    // Reachable: a lead without an email address or a phone number is flagged (tests below).
    email: 'customer@example.com',
    phone: '+1 312 555 0100',
    salespersonId: null,
    salespersonName: null,
    activities: activities.map(([kind, at], i) => ({ id: `a${n}-${i}`, kind, at, by: 'Sam' })),
  };
}

let now = '2026-03-09T15:00:00.000Z';
/** Moves the fake clock and runs one tick of the shared timer. */
async function at(el: FcLeadClock, iso: string): Promise<void> {
  now = iso;
  tickLeadClocks();
  await el.updateComplete;
}

/** A clock given everything directly, once it shows more than its loading state (the engine loads on demand). */
async function mount(l: Lead, options: { rules?: readonly OemRule[]; calendar?: BusinessCalendar } = {}): Promise<FcLeadClock> {
  const el = await fixture<FcLeadClock>(
    html`<fc-lead-clock .lead=${l} .rules=${options.rules ?? DEFAULT_OEM_RULES} .calendar=${options.calendar ?? chicago}></fc-lead-clock>`,
  );
  await waitUntil(() => !el.shadowRoot!.querySelector('[part~="loading"]'), 'the clock shows', { timeout: 5000 });
  return el;
}

const root = (el: FcLeadClock) => el.shadowRoot!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const part = (el: FcLeadClock, name: string) => text(root(el).querySelector(`[part~="${name}"]`));
const has = (el: FcLeadClock, name: string) => !!root(el).querySelector(`[part~="${name}"]`);
const countdown = (el: FcLeadClock) => part(el, 'countdown');
const label = (el: FcLeadClock) => text(root(el).querySelector('.live .label'));
const announced = (el: FcLeadClock) => text(root(el).querySelector('[role="status"]'));

describe('fc-lead-clock', () => {
  before(async () => {
    // The clock's engine loads with the first clock; the tests that build clocks by hand count on it.
    setLeadClockTime(() => now);
    const first = await fixture<FcLeadClock>(html`<fc-lead-clock .lead=${lead('Ford', now)} .rules=${DEFAULT_OEM_RULES} .calendar=${chicago}></fc-lead-clock>`);
    expect(first.shadowRoot!.querySelector('[part~="loading"]'), 'the loading state while the engine loads').not.to.equal(null);
    await waitUntil(() => first.shadowRoot!.querySelector('[part~="countdown"]'), 'the clock shows once its engine has loaded', { timeout: 5000 });
    setLeadClockTime(null);
  });
  beforeEach(() => {
    setLeadClockTime(() => now);
  });
  afterEach(() => {
    setLeadClockTime(null);
    setLocale(null);
  });

  describe('counting', () => {
    it('counts down business time once a second, with the OEM, the due time in the dealer’s zone and the grade so far', async () => {
      // Ford: 1 business hour. Received Mon 10:00 CDT.
      now = '2026-03-09T15:20:00.000Z';
      const el = await mount(lead('Ford', '2026-03-09T15:00:00.000Z'));
      expect(part(el, 'oem')).to.equal('Ford');
      expect(part(el, 'customer')).to.equal('Dana Reyes');
      expect(label(el)).to.equal('Time left');
      expect(countdown(el)).to.equal('0:40:00');
      expect(part(el, 'due')).to.equal('Due Mon, Mar 9, 11:00 AM CDT');
      expect(part(el, 'grade')).to.equal('✓ Grade so far: green, quick');
      expect(has(el, 'paused')).to.equal(false);
      await at(el, '2026-03-09T15:20:01.000Z');
      expect(countdown(el)).to.equal('0:39:59');
      await at(el, '2026-03-09T15:20:01.400Z');
      expect(countdown(el), 'a part of a second still left counts as a second').to.equal('0:39:59');
      await at(el, '2026-03-09T15:21:00.000Z');
      expect(countdown(el)).to.equal('0:39:00');
      await expect(el).to.be.accessible();
    });

    it('turns yellow the second the elapsed time passes half the limit, tick by tick', async () => {
      now = '2026-03-09T15:29:58.000Z';
      const el = await mount(lead('Ford', '2026-03-09T15:00:00.000Z'));
      const grades: string[] = [];
      for (const t of ['15:29:58', '15:29:59', '15:30:00', '15:30:01', '15:30:02']) {
        await at(el, `2026-03-09T${t}.000Z`);
        grades.push(`${countdown(el)} ${el.shadowRoot!.querySelector('.clock')!.classList.contains('clock--yellow') ? 'yellow' : 'green'}`);
      }
      // Green up to half the limit (30 min) inclusive, yellow from the next instant.
      expect(grades).to.deep.equal(['0:30:02 green', '0:30:01 green', '0:30:00 green', '0:29:59 yellow', '0:29:58 yellow']);
      expect(part(el, 'grade')).to.equal('! Grade so far: yellow, slow');
    });

    it('pauses outside open hours and resumes at the opening, across the spring DST change', async () => {
      // Ford, received Sat 12:30 CST: 30 min counted before the 13:00 close, the rest from Mon 9:00 CDT.
      now = '2026-03-07T18:50:00.000Z'; // Sat 12:50 CST
      const el = await mount(lead('Ford', '2026-03-07T18:30:00.000Z'));
      expect(countdown(el)).to.equal('0:40:00');
      expect(part(el, 'due')).to.equal('Due Mon, Mar 9, 9:30 AM CDT');
      await at(el, '2026-03-07T19:00:00.000Z'); // Sat 13:00: closed
      expect(countdown(el)).to.equal('0:30:00');
      expect(part(el, 'paused')).to.equal('Paused — opens Mon 9:00 AM');
      for (const t of ['2026-03-07T19:00:01.000Z', '2026-03-08T09:00:00.000Z', '2026-03-09T13:59:59.000Z']) {
        await at(el, t);
        expect(countdown(el), t).to.equal('0:30:00');
        expect(part(el, 'paused'), t).to.equal('Paused — opens Mon 9:00 AM');
      }
      await at(el, '2026-03-09T14:00:00.000Z'); // Mon 9:00 CDT
      expect(has(el, 'paused')).to.equal(false);
      expect(countdown(el)).to.equal('0:30:00');
      await at(el, '2026-03-09T14:10:00.000Z');
      expect(countdown(el)).to.equal('0:20:00');
      expect(announced(el), 'pausing is not announced').to.equal('');
      await expect(el).to.be.accessible();
    });

    it('a lead arriving after hours waits for the opening, and holidays count nothing where the rule says so', async () => {
      // Toyota excludes holidays: received Sun 3/15 20:00 CDT, Mon 3/16 is the dealer's holiday, so Tue 9:00 opens.
      now = '2026-03-16T14:30:00.000Z'; // Mon 9:30 CDT
      const el = await mount(lead('Lexus', '2026-03-16T01:00:00.000Z'));
      expect(part(el, 'oem')).to.equal('Toyota / Scion / Lexus');
      expect(countdown(el)).to.equal('3:00:00');
      expect(part(el, 'paused')).to.equal('Paused — opens Tue 9:00 AM');
      expect(part(el, 'due')).to.equal('Due Tue, Mar 17, 12:00 PM CDT');
      // Ford counts holidays as ordinary days: the same lead runs from Monday 9:00.
      const ford = await mount(lead('Ford', '2026-03-16T01:00:00.000Z'));
      expect(countdown(ford)).to.equal('0:30:00');
      expect(has(ford, 'paused')).to.equal(false);
      expect(part(ford, 'due')).to.equal('Due Mon, Mar 16, 10:00 AM CDT');
    });

    it('becomes overdue at the due time, says so once in the live region, and counts the overdue business time', async () => {
      now = '2026-03-09T15:59:58.000Z';
      const el = await mount(lead('Ford', '2026-03-09T15:00:00.000Z'));
      expect(countdown(el)).to.equal('0:00:02');
      await at(el, '2026-03-09T15:59:59.000Z');
      expect(countdown(el)).to.equal('0:00:01');
      expect(announced(el)).to.equal('');
      await at(el, '2026-03-09T16:00:00.000Z');
      expect(label(el)).to.equal('Overdue by');
      expect(countdown(el)).to.equal('0:00:00');
      expect(announced(el)).to.equal('Ford lead for Dana Reyes is overdue.');
      expect(el.shadowRoot!.querySelector('[part~="clock"]')!.getAttribute('part')).to.equal('clock overdue');
      await at(el, '2026-03-09T16:01:05.000Z');
      expect(countdown(el)).to.equal('0:01:05');
      expect(part(el, 'grade')).to.equal('✕ Grade so far: red, late');
      expect(announced(el), 'announced once, not again on later ticks').to.equal('Ford lead for Dana Reyes is overdue.');
      // After the 18:00 close the overdue count stops too: 11:00 to 18:00.
      await at(el, '2026-03-09T23:30:00.000Z'); // 18:30 CDT
      expect(countdown(el)).to.equal('7:00:00');
      expect(part(el, 'paused')).to.equal('Paused — opens Tue 9:00 AM');
      await expect(el).to.be.accessible();
    });

    it('hides the ticking digits from screen readers and gives them the time left in minutes instead', async () => {
      now = '2026-03-09T15:20:30.000Z';
      const el = await mount(lead('Ford', '2026-03-09T15:00:00.000Z'));
      const digits = root(el).querySelector('[part~="countdown"]')!;
      expect(digits.getAttribute('aria-hidden')).to.equal('true');
      expect(digits.closest('[aria-live], [role="status"], [role="timer"]')).to.equal(null);
      expect(text(root(el).querySelector('.countdown-words'))).to.equal('40 min of business time');
      await at(el, '2026-03-09T15:21:31.000Z');
      expect(text(root(el).querySelector('.countdown-words'))).to.equal('39 min of business time');
      expect(announced(el)).to.equal('');
      expect(el.shadowRoot!.querySelector('[role="group"]')!.getAttribute('aria-label')).to.equal('Response clock, Ford, Dana Reyes');
    });

    it('counts the real length of the repeated hour on the fall DST day', async () => {
      // A 6-hour business rule over Sunday 00:00-06:00 in New York on 2026-11-01, when 1:00-2:00 happens twice.
      const rules: OemRule[] = [{ ...rule('hyundai'), id: 'acme', name: 'Acme', makes: ['Acme'], hours: { sun: [['00:00', '06:00']], mon: [['09:00', '17:00']] } }];
      const ny: BusinessCalendar = { zone: 'America/New_York', hours: {} };
      now = '2026-11-01T05:30:00.000Z'; // 1:30 EDT
      const el = await mount(lead('Acme', '2026-11-01T04:00:00.000Z'), { rules, calendar: ny });
      expect(countdown(el)).to.equal('4:30:00');
      expect(part(el, 'due')).to.equal('Due Sun, Nov 1, 5:00 AM EST');
      await at(el, '2026-11-01T06:30:00.000Z'); // 1:30 EST, the same wall time an hour later
      expect(countdown(el)).to.equal('3:30:00');
      await at(el, '2026-11-01T09:59:59.000Z'); // 4:59:59 EST
      expect(countdown(el)).to.equal('0:00:01');
      await at(el, '2026-11-01T10:00:00.000Z');
      expect(label(el)).to.equal('Overdue by');
      await at(el, '2026-11-01T11:30:00.000Z'); // 6:30 EST: closed since 6:00
      expect(countdown(el)).to.equal('1:00:00');
      expect(part(el, 'paused')).to.equal('Paused — opens Mon 9:00 AM');
    });

    it('shows what evaluateLead says at every step of an irregular walk across closes, openings and a weekend', async () => {
      // Hyundai counts its own hours, 10-20 Mon-Sat. Received Sat 19:40 CST before the spring change.
      const l = lead('Hyundai', '2026-03-08T01:40:17.000Z');
      const hyundai = rule('hyundai');
      let t = Date.parse('2026-03-08T01:41:00.000Z');
      now = new Date(t).toISOString();
      const el = await mount(l);
      let seed = 7;
      const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
      const seen = new Set<string>();
      for (let step = 0; step < 250; step++) {
        t += rand() < 0.7 ? 1000 * (1 + Math.floor(rand() * 20)) : 60_000 * Math.floor(rand() * 240);
        await at(el, new Date(t).toISOString());
        const state = evaluateLead(l, l.activities, hyundai, chicago, now);
        const ms = Math.round(state.remainingMinutes * 60_000);
        const seconds = ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000);
        const h = Math.floor(seconds / 3600);
        const expected = `${h}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
        expect(`${now} ${label(el)} ${countdown(el)}`).to.equal(`${now} ${state.status === 'overdue' ? 'Overdue by' : 'Time left'} ${expected}`);
        expect(el.shadowRoot!.querySelector('.clock')!.classList.contains(`clock--${state.grade}`), `${now} grade ${state.grade}`).to.equal(true);
        seen.add(`${state.status} ${has(el, 'paused') ? 'paused' : 'counting'}`).add(state.grade);
      }
      expect([...seen].sort(), 'the walk went through every phase').to.deep.equal(
        ['green', 'overdue counting', 'overdue paused', 'red', 'running counting', 'running paused', 'yellow'],
      );
    });
  });

  describe('stopped, grades and consequences', () => {
    it('says what stopped the clock, when, and after how long, with the final grade', async () => {
      now = '2026-03-09T18:00:00.000Z';
      const el = await mount(lead('Toyota', '2026-03-09T15:04:00.000Z', [['auto-response', '2026-03-09T15:05:00.000Z'], ['call-completed', '2026-03-09T15:42:00.000Z']]));
      expect(part(el, 'stopped')).to.equal('Stopped by call completed at 10:42 AM, 38 min. Answered within the limit');
      expect(part(el, 'grade')).to.equal('✓ Grade: green, quick');
      expect(part(el, 'due')).to.equal('Was due Mon, Mar 9, 1:04 PM CDT');
      expect(has(el, 'countdown')).to.equal(false);
      expect(leadClockTickerRunning(), 'a stopped clock does not tick').to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('grades Toyota leads by the deck: green under 1 h, yellow 1-3 h, red from 3 h', async () => {
      now = '2026-03-10T23:00:00.000Z';
      const received = '2026-03-09T14:00:00.000Z'; // Mon 9:00 CDT
      const stoppedAfter = async (minutes: number) =>
        mount(lead('Scion', received, [['email-sent', new Date(Date.parse(received) + minutes * 60_000).toISOString()]]));
      const green = await stoppedAfter(59);
      const yellow = await stoppedAfter(61);
      const red = await stoppedAfter(181);
      expect(part(green, 'grade')).to.equal('✓ Grade: green, quick');
      expect(part(yellow, 'grade')).to.equal('! Grade: yellow, slow');
      expect(part(yellow, 'stopped')).to.contain('Answered within the limit');
      expect(part(red, 'grade')).to.equal('✕ Grade: red, late');
      expect(part(red, 'stopped')).to.equal('Stopped by email sent at 12:01 PM, 3 h 1 min. Answered after the limit');
      for (const el of [green, yellow, red]) await expect(el).to.be.accessible();
    });

    it('names the stop’s day when it was not the day the lead arrived', async () => {
      now = '2026-03-10T23:00:00.000Z';
      const el = await mount(lead('Honda', '2026-03-09T22:30:00.000Z', [['call-incoming', '2026-03-10T14:15:00.000Z']]));
      expect(part(el, 'stopped')).to.equal('Stopped by incoming call at Tue 9:15 AM, 45 min. Answered within the limit');
    });

    it('VW: a response under 30 minutes earns the discount; none within 3 hours sends the lead to another dealer', async () => {
      now = '2026-03-09T20:00:00.000Z';
      const quick = await mount(lead('Volkswagen', '2026-03-09T15:00:00.000Z', [['text-sent', '2026-03-09T15:20:00.000Z']]));
      expect(part(quick, 'consequences')).to.equal('Discount on the lead price earned: answered in under 30 min.');
      now = '2026-03-09T17:59:59.000Z';
      const slow = await mount(lead('VW', '2026-03-09T15:00:00.000Z'));
      expect(has(slow, 'consequences')).to.equal(false);
      expect(label(slow)).to.equal('Time left');
      await at(slow, '2026-03-09T18:00:01.000Z');
      expect(label(slow)).to.equal('Overdue by');
      expect(part(slow, 'consequences')).to.equal('Lead sent to another dealer: not answered within 3 h.');
      await expect(slow).to.be.accessible();
      await expect(quick).to.be.accessible();
    });

    it('does not stop on an activity the rule does not list (Ford stops on email only)', async () => {
      now = '2026-03-09T15:30:00.000Z';
      const el = await mount(lead('Ford', '2026-03-09T15:00:00.000Z', [['call-completed', '2026-03-09T15:10:00.000Z'], ['auto-response', '2026-03-09T15:01:00.000Z']]));
      expect(countdown(el)).to.equal('0:30:00');
      expect(has(el, 'stopped')).to.equal(false);
    });

    it('announces the stop when the lead gets a stopping activity, and leaves the shared timer', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const l = lead('Kia', '2026-03-09T15:00:00.000Z');
      const el = await mount(l);
      expect(leadClockTickerRunning()).to.equal(true);
      el.lead = { ...l, activities: [{ id: 'x', kind: 'ebrochure-sent', at: '2026-03-09T15:12:00.000Z', by: 'Sam' }] };
      await el.updateComplete;
      expect(part(el, 'stopped')).to.equal('Stopped by e-brochure sent at 10:12 AM, 12 min. Answered within the limit');
      expect(announced(el)).to.equal('Kia lead for Dana Reyes answered within the limit.');
      expect(leadClockTickerRunning()).to.equal(false);
    });

    it('GM counts real time, nights included', async () => {
      now = '2026-03-10T03:00:00.000Z'; // Mon 22:00 CDT
      const el = await mount(lead('Chevrolet', '2026-03-10T01:00:00.000Z'));
      expect(countdown(el)).to.equal('3:00:00');
      expect(has(el, 'paused')).to.equal(false);
      await at(el, '2026-03-10T03:00:01.000Z');
      expect(countdown(el)).to.equal('2:59:59');
      expect(text(root(el).querySelector('.countdown-words'))).to.equal('3 h');
      expect(text(root(el).querySelector('[part~="rule"] summary'))).to.equal('Rule: 5 h in real time');
    });
  });

  describe('gauge', () => {
    const meter = (el: FcLeadClock) => root(el).querySelector('[role="meter"]')!;
    const values = (el: FcLeadClock) => {
      const m = meter(el);
      return ['aria-valuemin', 'aria-valuemax', 'aria-valuenow', 'aria-valuetext'].map((a) => m.getAttribute(a)).join(' | ');
    };
    const fill = (el: FcLeadClock) => root(el).querySelector('.fill')!;
    /** The share of the arc the fill covers, from its dash offset (path length 1000). */
    const filled = (el: FcLeadClock) => 1 - Number(fill(el).getAttribute('stroke-dashoffset')) / 1000;
    const marks = (el: FcLeadClock) =>
      ['glyph--paused', 'glyph--met', 'glyph--missed', 'glyph--overdue', 'overflow', 'stop-mark'].filter((c) => root(el).querySelector(`.dial .${c}`));
    const tickLabels = (el: FcLeadClock) => [...root(el).querySelectorAll('.dial .tick-label')].map(text);

    it('is a meter of the business minutes used, out of the limit, updated as the clock counts', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const el = await mount(lead('Ford', '2026-03-09T15:00:00.000Z'));
      expect(meter(el).getAttribute('aria-label')).to.equal('Response time used');
      expect(values(el)).to.equal('0 | 60 | 20 | 20 of 60 business minutes used, 40 left, green so far');
      expect(filled(el)).to.be.closeTo(20 / 60, 0.001);
      expect(marks(el), 'running: no state mark').to.deep.equal([]);
      await at(el, '2026-03-09T15:42:00.000Z');
      expect(values(el)).to.equal('0 | 60 | 42 | 42 of 60 business minutes used, 18 left, yellow so far');
      expect(filled(el)).to.be.closeTo(42 / 60, 0.001);
      await expect(el).to.be.accessible();
    });

    it('says paused, with a pause mark, while business time does not pass (a holiday the rule skips)', async () => {
      // Toyota skips holidays: 40 min counted on Saturday, nothing on Monday the 16th.
      now = '2026-03-16T15:00:00.000Z';
      const el = await mount(lead('Toyota', '2026-03-14T17:20:00.000Z'));
      expect(values(el)).to.equal('0 | 180 | 40 | 40 of 180 business minutes used, 140 left, green so far, paused');
      expect(marks(el)).to.deep.equal(['glyph--paused']);
      expect(root(el).querySelector('[part~="paused"] svg')?.getAttribute('aria-hidden')).to.equal('true');
      expect(part(el, 'paused')).to.equal('Paused — opens Tue 9:00 AM');
      await expect(el).to.be.accessible();
    });

    it('shows where the clock stopped and by what, with a check within the limit and a cross after it', async () => {
      now = '2026-03-10T23:00:00.000Z';
      const received = '2026-03-09T14:00:00.000Z'; // Mon 9:00 CDT
      const stoppedAfter = (minutes: number) => mount(lead('Toyota', received, [['email-sent', new Date(Date.parse(received) + minutes * 60_000).toISOString()]]));
      const green = await stoppedAfter(38);
      const yellow = await stoppedAfter(130);
      const red = await stoppedAfter(200);
      expect(values(green)).to.equal('0 | 180 | 38 | 38 of 180 business minutes used, stopped by email sent, green');
      expect(values(yellow)).to.equal('0 | 180 | 130 | 130 of 180 business minutes used, stopped by email sent, yellow');
      expect(values(red), 'the meter stays within its range').to.equal('0 | 180 | 180 | 200 of 180 business minutes used, stopped by email sent, red');
      expect(marks(green)).to.deep.equal(['glyph--met', 'stop-mark']);
      expect(marks(yellow)).to.deep.equal(['glyph--met', 'stop-mark']);
      expect(marks(red)).to.deep.equal(['glyph--missed', 'overflow', 'stop-mark']);
      expect(filled(green)).to.be.closeTo(38 / 180, 0.001);
      expect(filled(red)).to.equal(1);
      expect(text(root(green).querySelector('.readout'))).to.equal('Answered in 0:38:00');
      for (const el of [green, yellow, red]) await expect(el).to.be.accessible();
    });

    it('overdue: the arc full, a mark past its end, the minutes over in words', async () => {
      now = '2026-03-09T16:15:00.000Z';
      const el = await mount(lead('Ford', '2026-03-09T15:00:00.000Z'));
      expect(values(el)).to.equal('0 | 60 | 60 | 75 of 60 business minutes used, 15 over, red so far');
      expect(marks(el)).to.deep.equal(['glyph--overdue', 'overflow']);
      expect(filled(el)).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('says minutes, not business minutes, for a real-time rule, and speaks Spanish', async () => {
      now = '2026-03-10T03:00:00.000Z';
      const gm = await mount(lead('Chevrolet', '2026-03-10T01:00:00.000Z'));
      // GM's green ends at its 1-hour average target (60 min, inclusive): 120 real minutes are yellow.
      expect(meter(gm).getAttribute('aria-valuetext')).to.equal('120 of 300 minutes used, 180 left, yellow so far');
      setLocale('es');
      now = '2026-03-09T15:42:00.000Z';
      const ford = await mount(lead('Ford', '2026-03-09T15:00:00.000Z'));
      expect(meter(ford).getAttribute('aria-label')).to.equal('Tiempo de respuesta usado');
      expect(meter(ford).getAttribute('aria-valuetext')).to.equal('42 de 60 minutos hábiles usados, quedan 18, amarillo hasta ahora');
    });

    it('marks each grade boundary of the rule with a tick: Toyota at 1 h and 3 h, Ford at half the limit', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const toyota = await mount(lead('Toyota', '2026-03-09T15:00:00.000Z'));
      expect(tickLabels(toyota)).to.deep.equal(['0 min', '1 h', '3 h']);
      expect(root(toyota).querySelectorAll('.dial .tick').length).to.equal(3);
      expect([...root(toyota).querySelectorAll('.dial .band')].map((b) => b.getAttribute('class'))).to.deep.equal(['band band--green', 'band band--yellow']);
      const ford = await mount(lead('Ford', '2026-03-09T15:00:00.000Z'));
      expect(tickLabels(ford)).to.deep.equal(['0 min', '30 min', '1 h']);
      // A stored yellowUnder inside the limit (120 of 360) no longer ends yellow: yellow runs from
      // green's end (60) to the 6-hour limit, and red starts only past it.
      const rules: OemRule[] = [{ ...rule('hyundai'), id: 'acme', name: 'Acme', makes: ['Acme'], grades: { greenUnder: 60, yellowUnder: 120 } }];
      const acme = await mount(lead('Acme', '2026-03-09T15:00:00.000Z'), { rules });
      expect(tickLabels(acme)).to.deep.equal(['0 min', '1 h', '6 h']);
      expect([...root(acme).querySelectorAll('.dial .band')].map((b) => b.getAttribute('class'))).to.deep.equal(['band band--green', 'band band--yellow']);
    });

    it('a tick writes the digits and one attribute of the fill path, nothing else; a new minute the words and the meter', async () => {
      now = '2026-03-09T15:20:10.000Z';
      const el = await mount(lead('Hyundai', '2026-03-09T15:00:00.000Z'));
      const changes: string[] = [];
      const observer = new MutationObserver((records) => {
        for (const r of records) {
          const target = r.target instanceof Element ? r.target : r.target.parentElement!;
          changes.push(`${r.type} ${target.getAttribute('class') ?? target.localName}${r.attributeName ? ` ${r.attributeName}` : ''}`);
        }
      });
      observer.observe(root(el), { subtree: true, attributes: true, childList: true, characterData: true });
      // Hyundai: 6 h, so 1000 steps of the fill are 21.6 s apart; 25 s cross one.
      await at(el, '2026-03-09T15:20:35.000Z');
      await Promise.resolve();
      expect(el.isUpdatePending).to.equal(false);
      expect(changes.splice(0)).to.deep.equal(['characterData countdown', 'attributes fill stroke-dashoffset']);
      await at(el, '2026-03-09T15:20:36.000Z');
      await Promise.resolve();
      expect(changes.splice(0), 'within a fill step only the digits').to.deep.equal(['characterData countdown']);
      await at(el, '2026-03-09T15:21:01.000Z');
      await Promise.resolve();
      expect(changes.splice(0)).to.deep.equal([
        'characterData countdown',
        'attributes fill stroke-dashoffset',
        'characterData countdown-words fc-visually-hidden',
        'attributes meter aria-valuenow',
        'attributes meter aria-valuetext',
      ]);
      observer.disconnect();
    });

    it('steps without a transition under reduced motion', async () => {
      now = '2026-03-09T15:20:00.000Z';
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await mount(lead('Ford', '2026-03-09T15:00:00.000Z'));
        expect(getComputedStyle(fill(el)).transitionDuration).to.equal('0s');
        await emulateMedia({ reducedMotion: 'no-preference' });
        expect(getComputedStyle(fill(el)).transitionDuration).not.to.equal('0s');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });

    it('comes large by default and compact for lists: a smaller gauge, no tick labels or rule terms, “Overdue” beside it', async () => {
      now = '2026-03-09T16:15:00.000Z';
      const large = await mount(lead('Ford', '2026-03-09T15:00:00.000Z'));
      expect(large.getAttribute('size')).to.equal('large');
      expect(getComputedStyle(root(large).querySelector('.tick-label')!).display).not.to.equal('none');
      expect(has(large, 'overdue-note') && getComputedStyle(root(large).querySelector('[part~="overdue-note"]')!).display).to.equal('none');
      const compact = await fixture<FcLeadClock>(
        html`<fc-lead-clock size="compact" .lead=${lead('Ford', '2026-03-09T15:00:00.000Z')} .rules=${DEFAULT_OEM_RULES} .calendar=${chicago}></fc-lead-clock>`,
      );
      expect(compact.size).to.equal('compact');
      const width = (el: FcLeadClock) => root(el).querySelector('[part~="gauge"]')!.getBoundingClientRect().width;
      expect(width(compact)).to.be.lessThan(width(large) * 0.7);
      expect(getComputedStyle(root(compact).querySelector('.tick-label')!).display).to.equal('none');
      expect(getComputedStyle(root(compact).querySelector('[part~="rule"]')!).display).to.equal('none');
      expect(part(compact, 'overdue-note')).to.equal('Overdue');
      expect(getComputedStyle(root(compact).querySelector('[part~="overdue-note"]')!).display).to.equal('block');
      expect(countdown(compact)).to.equal('0:15:00');
      expect(values(compact)).to.equal(values(large));
      await expect(compact).to.be.accessible();
    });
  });

  describe('one shared timer', () => {
    it('subscribes running clocks while connected and stops when none is left', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const box = await fixture<HTMLDivElement>(html`<div></div>`);
      const clocks = [0, 1, 2].map(() => {
        const el = document.createElement('fc-lead-clock');
        el.lead = lead('Ford', '2026-03-09T15:00:00.000Z');
        el.rules = DEFAULT_OEM_RULES;
        el.calendar = chicago;
        return el;
      });
      box.append(...clocks);
      await Promise.all(clocks.map((c) => c.updateComplete));
      expect(leadClockSubscribers()).to.equal(3);
      expect(leadClockTickerRunning()).to.equal(true);
      now = '2026-03-09T15:20:09.000Z';
      tickLeadClocks();
      expect(clocks.map(countdown), 'one tick moves every clock, without waiting for a render').to.deep.equal(['0:39:51', '0:39:51', '0:39:51']);
      clocks[0]!.remove();
      expect(leadClockSubscribers()).to.equal(2);
      box.remove();
      expect(leadClockSubscribers()).to.equal(0);
      expect(leadClockTickerRunning()).to.equal(false);
      // Back on the page after a while: the clock catches up at once.
      now = '2026-03-09T15:30:00.000Z';
      document.body.append(clocks[1]!);
      await clocks[1]!.updateComplete;
      expect(countdown(clocks[1]!)).to.equal('0:30:00');
      expect(leadClockTickerRunning()).to.equal(true);
      clocks[1]!.remove();
    });
  });

  describe('text, rules and states', () => {
    it('renders markup in names as text', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const rules: OemRule[] = [{ ...rule('ford'), name: XSS, makes: ['Ford'] }];
      const el = await mount(lead('Ford', '2026-03-09T15:00:00.000Z', [], XSS), { rules });
      expect(part(el, 'oem')).to.equal(XSS);
      expect(part(el, 'customer')).to.equal(XSS);
      expect(root(el).querySelector('img')).to.equal(null);
      await at(el, '2026-03-09T16:00:00.000Z');
      expect(announced(el)).to.equal(`${XSS} lead for ${XSS} is overdue.`);
      expect(root(el).querySelector('img')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('falls back to the dealer’s default hour when no OEM rule covers the make, and says so', async () => {
      now = '2026-03-09T15:10:00.000Z';
      const el = await mount(lead(XSS, '2026-03-09T15:00:00.000Z'));
      expect(part(el, 'oem')).to.equal('No OEM rule');
      expect(part(el, 'no-rule')).to.equal(`No OEM rule covers “${XSS}”: the dealer’s default of 1 business hour applies.`);
      expect(countdown(el)).to.equal('0:50:00');
      expect(root(el).querySelector('img')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('lists the rule’s terms in a disclosure reached with the keyboard', async () => {
      now = '2026-03-09T15:10:00.000Z';
      const box = await fixture<HTMLDivElement>(
        html`<div><button>before</button><fc-lead-clock .lead=${lead('Hyundai', '2026-03-09T15:00:00.000Z')} .rules=${DEFAULT_OEM_RULES} .calendar=${chicago}></fc-lead-clock></div>`,
      );
      const el = box.querySelector('fc-lead-clock')!;
      await el.updateComplete;
      const focusable = root(el).querySelectorAll('a[href], button, input, select, textarea, [tabindex], summary');
      expect(focusable.length, 'only the disclosure takes focus').to.equal(1);
      const details = root(el).querySelector<HTMLDetailsElement>('[part~="rule"]')!;
      expect(details.open).to.equal(false);
      box.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.localName).to.equal('summary');
      await sendKeys({ press: 'Enter' });
      expect(details.open).to.equal(true);
      expect([...details.querySelectorAll('li')].map(text)).to.deep.equal([
        'Counts during set hours: Mon–Sat 10:00–20:00; Sun closed',
        'Holidays count as ordinary days',
        'Stops the clock: email sent, e-brochure sent, email received, call completed, incoming call, text sent, and text received',
        'Green up to 3 h, half the limit; yellow up to the 6 h limit (default)',
      ]);
      expect(text(details.querySelector('summary'))).to.equal('Rule: 6 h of business time');
      await sendKeys({ press: 'Space' });
      expect(details.open).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('speaks Spanish', async () => {
      setLocale('es');
      now = '2026-03-07T19:30:00.000Z';
      const el = await mount(lead('Ford', '2026-03-07T18:30:00.000Z'));
      expect(label(el)).to.equal('Tiempo restante');
      expect(part(el, 'paused')).to.match(/^En pausa — abre lun/);
    });

    it('says where each rule’s grade bands come from: the OEM’s own, derived from its target, the dealer’s, the default', async () => {
      now = '2026-03-09T15:10:00.000Z';
      const bands = async (make: string, rules: readonly OemRule[] = DEFAULT_OEM_RULES) => {
        const el = await mount(lead(make, '2026-03-09T15:00:00.000Z'), { rules });
        return [...root(el).querySelectorAll('[part~="rule"] li')].map(text).find((li) => /^(Green|Verde) /.test(li));
      };
      expect(await bands('Toyota')).to.equal("Green under 1 h; yellow up to the 3 h limit (the OEM's own bands)");
      expect(await bands('Chevrolet')).to.equal("Green up to 1 h, the OEM's average target; yellow up to the 5 h limit (derived from the target)");
      // Mazda's target is its limit: green within the hour, red after, no yellow.
      expect(await bands('Mazda')).to.equal("Green up to 1 h, the OEM's compliance target; red past the 1 h limit (derived from the target)");
      expect(await bands('Volkswagen')).to.equal("Green under 30 min, the OEM's discount threshold; yellow up to the 3 h limit (derived from the target)");
      expect(await bands('Ford')).to.equal('Green up to 30 min, half the limit; yellow up to the 1 h limit (default)');
      // A dealer's own green end, its stale yellowUnder ignored.
      const rules: OemRule[] = [{ ...rule('hyundai'), id: 'acme', name: 'Acme', makes: ['Acme'], grades: { greenUnder: 45, yellowUnder: 120 } }];
      expect(await bands('Acme', rules)).to.equal("Green under 45 min; yellow up to the 6 h limit (the dealer's bands)");
      setLocale('es');
      expect(await bands('Chevrolet')).to.equal('Verde hasta 1 h, la meta de promedio del fabricante; amarillo hasta el límite de 5 h (derivadas de la meta)');
      expect(await bands('Toyota')).to.equal('Verde por debajo de 1 h; amarillo hasta el límite de 3 h (bandas propias del fabricante)');
    });

    it('flags a lead its rule cannot be stopped for: a Ford lead with no email address', async () => {
      now = '2026-03-09T15:20:00.000Z';
      const noEmail = await mount({ ...lead('Ford', '2026-03-09T15:00:00.000Z'), email: null });
      expect(part(noEmail, 'unstoppable')).to.equal("No email address: this OEM's clock stops only on email sent or e-brochure sent");
      await expect(noEmail).to.be.accessible();
      // A phone number does not help Ford's clock; an address does.
      expect(has(await mount({ ...lead('Ford', '2026-03-09T15:00:00.000Z'), email: ' n/a ' }), 'unstoppable')).to.equal(true);
      expect(has(await mount(lead('Ford', '2026-03-09T15:00:00.000Z')), 'unstoppable')).to.equal(false);
      // Mazda stops on a completed call too: only a lead with neither is flagged.
      expect(has(await mount({ ...lead('Mazda', '2026-03-09T15:00:00.000Z'), email: null }), 'unstoppable')).to.equal(false);
      const neither = await mount({ ...lead('Mazda', '2026-03-09T15:00:00.000Z'), email: null, phone: '' });
      expect(part(neither, 'unstoppable')).to.equal(
        "No email address or phone number: this OEM's clock stops only on email sent, e-brochure sent, or call completed",
      );
      // Overdue, still flagged; answered within the limit, the flag is moot.
      now = '2026-03-09T16:30:00.000Z';
      const overdue = await mount({ ...lead('Ford', '2026-03-09T15:00:00.000Z'), email: null });
      expect(part(overdue, 'clock').startsWith('Ford')).to.equal(true);
      expect(has(overdue, 'overdue-note') && has(overdue, 'unstoppable')).to.equal(true);
      const met = await mount({ ...lead('Ford', '2026-03-09T15:00:00.000Z', [['email-sent', '2026-03-09T15:30:00.000Z']]), email: null });
      expect(has(met, 'met') && !has(met, 'unstoppable')).to.equal(true);
      setLocale('es');
      const es = await mount({ ...lead('Ford', '2026-03-09T15:00:00.000Z'), email: null });
      expect(part(es, 'unstoppable')).to.equal('Sin correo electrónico: el reloj de este fabricante solo se detiene con correo enviado o folleto electrónico enviado');
    });

    it('shows the empty state without a lead, and an error for a lead it cannot read', async () => {
      const empty = await fixture<FcLeadClock>(html`<fc-lead-clock .rules=${DEFAULT_OEM_RULES} .calendar=${chicago}></fc-lead-clock>`);
      expect(part(empty, 'empty')).to.equal('No lead to show.');
      await expect(empty).to.be.accessible();
      const broken = await mount({ ...lead('Ford', 'yesterday') });
      expect(part(broken, 'error')).to.contain('The server sent data that could not be read.');
      expect(part(broken, 'error')).to.contain('invalid receivedAt');
      expect(has(broken, 'retry-button'), 'nothing to retry for data given directly').to.equal(false);
      await expect(broken).to.be.accessible();
    });
  });

  describe('through the adapter', () => {
    let server: DemoServer;
    before(async () => {
      server = await startDemoServer(generateDataset({ size: 'small', today: '2026-03-20' }));
    });
    afterEach(async () => {
      server.faults.failing = false;
      server.faults.latencyMs = 0;
      await closeClients();
    });

    /** A lead whose make an OEM rule covers. */
    /** A Ford lead: Ford's rule (named "Ford") covers it. */
    const firstLead = () => server.dataset.leads.find((l) => l.make === 'Ford')!;

    it('reads the lead by id, and the rules and calendar once for every clock of the adapter', async () => {
      const backend = createMemoryAdapter(server.dataset);
      const calls = { rules: 0, dealer: 0, get: 0 };
      const adapter: ForecourtAdapter = {
        leads: {
          ...backend.leads!,
          rules: (o) => (calls.rules++, backend.leads!.rules(o)),
          dealer: (o) => (calls.dealer++, backend.leads!.dealer(o)),
          get: (id, o) => (calls.get++, backend.leads!.get(id, o)),
        },
      };
      const target = firstLead();
      now = new Date(Date.parse(target.receivedAt) + 60_000).toISOString();
      const ids = server.dataset.leads.slice(0, 5).map((l) => l.id);
      const box = await fixture<HTMLDivElement>(html`<div>${ids.map((id) => html`<fc-lead-clock .adapter=${adapter} lead-id=${id}></fc-lead-clock>`)}</div>`);
      const clocks = [...box.querySelectorAll('fc-lead-clock')];
      await waitUntil(() => clocks.every((c) => has(c, 'clock')), 'the clocks did not load');
      expect(calls).to.deep.equal({ rules: 1, dealer: 1, get: 5 });
      // A clock given its lead as an object reads no lead.
      const more = await fixture<FcLeadClock>(html`<fc-lead-clock .adapter=${adapter} .lead=${target}></fc-lead-clock>`);
      await waitUntil(() => has(more, 'clock'), 'the clock did not load');
      expect(calls).to.deep.equal({ rules: 1, dealer: 1, get: 5 });
      expect(part(more, 'customer')).to.equal(target.customerName);
      // Given rules and calendar: no reads at all, no loading state.
      const direct = await fixture<FcLeadClock>(html`<fc-lead-clock .adapter=${adapter} .lead=${target} .rules=${DEFAULT_OEM_RULES} .calendar=${server.dataset.dealer}></fc-lead-clock>`);
      expect(has(direct, 'clock')).to.equal(true);
      expect(calls).to.deep.equal({ rules: 1, dealer: 1, get: 5 });
    });

    it('shows loading, then the clock from the REST adapter, in the dealer’s zone', async () => {
      const target = firstLead();
      now = new Date(Date.parse(target.receivedAt) + 60_000).toISOString();
      server.faults.latencyMs = 400;
      const el = await fixture<FcLeadClock>(html`<fc-lead-clock .adapter=${server.client()} lead-id=${target.id}></fc-lead-clock>`);
      expect(part(el, 'loading')).to.equal('Loading…');
      await expect(el).to.be.accessible();
      await waitUntil(() => has(el, 'clock'), 'the clock did not load', { timeout: 5000 });
      expect(part(el, 'customer')).to.equal(target.customerName);
      expect(part(el, 'due')).to.match(/ C[SD]T$/);
      await expect(el).to.be.accessible();
    });

    it('shows an error with Retry when the server fails, and loads on Retry', async () => {
      const target = firstLead();
      now = new Date(Date.parse(target.receivedAt) + 60_000).toISOString();
      server.faults.failing = true;
      const el = await fixture<FcLeadClock>(html`<fc-lead-clock .adapter=${server.client()} lead-id=${target.id}></fc-lead-clock>`);
      await waitUntil(() => has(el, 'error'), 'no error shown', { timeout: 8000 });
      expect(part(el, 'error')).to.contain('The server had a problem (HTTP 503).');
      await expect(el).to.be.accessible();
      server.faults.failing = false;
      // The clock's other reads, sent while the server failed, have had their answer: a Retry joins a read still on its way.
      await new Promise((resolve) => setTimeout(resolve, 500));
      root(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => has(el, 'clock'), 'not loaded on Retry', { timeout: 8000 });
      expect(part(el, 'oem').length).to.be.greaterThan(0);
    });

    it('says when the host provides no leads', async () => {
      const el = await fixture<FcLeadClock>(html`<fc-lead-clock .adapter=${server.client({ parts: ['sms'] })} lead-id="lead-00001"></fc-lead-clock>`);
      expect(part(el, 'unsupported')).to.equal('This host does not provide internet leads.');
      await expect(el).to.be.accessible();
    });

    it('reads the lead again when it changes through the cached adapter', async () => {
      const target = firstLead();
      now = new Date(Date.parse(target.receivedAt) + 60_000).toISOString();
      const client = server.client();
      const el = await fixture<FcLeadClock>(html`<fc-lead-clock .adapter=${client} lead-id=${target.id}></fc-lead-clock>`);
      await waitUntil(() => has(el, 'clock'), 'the clock did not load');
      const ruleOf = (await client.leads!.rules()).find((r) => r.id === 'ford')!;
      expect(part(el, 'oem')).to.equal('Ford');
      await client.leads!.saveRule({ ...ruleOf, name: 'Renamed rule' });
      await waitUntil(() => part(el, 'oem') === 'Renamed rule', 'the edited rule was not read again', { timeout: 5000 });
    });
  });
});

describe('fc-lead-clock on phones (issue 18)', () => {
  beforeEach(() => {
    setLeadClockTime(() => now);
  });
  afterEach(async () => {
    setLeadClockTime(null);
    await setViewport({ width: 800, height: 600 });
  });

  /** What sticks out of the clock's box sideways, with the rule's terms open. */
  function stickingOut(el: FcLeadClock): string[] {
    for (const details of root(el).querySelectorAll('details')) details.open = true;
    const box = el.getBoundingClientRect();
    return [...root(el).querySelectorAll('*')]
      .filter((child) => {
        const r = child.getBoundingClientRect();
        return (r.width || r.height) && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
      })
      .map((child) => `${child.localName}.${child.getAttribute('class')} ${Math.round(child.getBoundingClientRect().right)} > ${Math.round(box.right)}`);
  }

  for (const width of [320, 390]) {
    for (const size of ['large', 'compact'] as const) {
      it(`fits a ${width} px phone, ${size}: overdue, with its consequences, its rule's terms and a long name`, async () => {
        await setViewport({ width, height: 844 });
        // VW: 3 business hours, reassigned after 3 h; received Mon 10:00 CDT, unanswered two days later.
        now = '2026-03-11T20:00:00.000Z';
        const el = await fixture<FcLeadClock>(
          html`<div style="padding-inline: 1rem">
            <fc-lead-clock
              size=${size}
              .lead=${lead('Volkswagen', '2026-03-09T15:00:00.000Z', [], 'Maximiliana Wolfeschlegelsteinhausen-Bergdorff')}
              .rules=${DEFAULT_OEM_RULES}
              .calendar=${chicago}
            ></fc-lead-clock>
          </div>`,
        ).then((frame) => frame.querySelector('fc-lead-clock')!);
        await el.updateComplete;
        expect(text(root(el).querySelector('[part~="clock"]'))).to.include('Lead sent to another dealer');
        expect(stickingOut(el)).to.deep.equal([]);
        expect(el.getBoundingClientRect().right).to.be.at.most(innerWidth - 16 + 0.5);
        expect(document.documentElement.scrollWidth, 'the page scrolls sideways').to.be.at.most(innerWidth);
        await expect(el).to.be.accessible();
      });
    }
  }
});
