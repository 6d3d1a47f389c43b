import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../seed.js';
import { DateTime } from 'luxon';
import {
  DEFAULT_OEM_RULES,
  NO_OEM_RULE,
  addBusinessMinutes,
  businessMinutesBetween,
  evaluateLead,
  evaluateLeads,
  filterLeads,
  checkOemRule,
  makeKeysByRule,
  leadEvaluator,
  makeOverlap,
  ruleForMake,
  summarizeLeadResponses,
} from '../../src/data/logic/leads.js';
import { makeKey } from '../../src/data/logic/makes.js';
import { isAdapterError } from '../../src/data/errors.js';
import type { ActivityKind, BusinessCalendar, DealerProfile, Lead, OemRule, Weekday, WeeklyHours } from '../../src/data/model.js';

const weekdays = (open: string, close: string, sat?: [string, string], sun?: [string, string]): WeeklyHours => ({
  mon: [[open, close]],
  tue: [[open, close]],
  wed: [[open, close]],
  thu: [[open, close]],
  fri: [[open, close]],
  ...(sat ? { sat: [sat] } : {}),
  ...(sun ? { sun: [sun] } : {}),
});

// America/Chicago: CST (UTC-6) until 2026-03-08 02:00, CDT (UTC-5) until 2026-11-01 02:00.
const chicago: DealerProfile = {
  name: 'Prairie Motors',
  zone: 'America/Chicago',
  hours: weekdays('09:00', '18:00', ['09:00', '17:00']),
  holidays: ['2026-07-03', '2026-11-26', '2026-12-25'],
};
// A New York dealer open Sunday afternoons too, and a Los Angeles one open 9-19 and Sunday 10-18.
const newYork: BusinessCalendar = { zone: 'America/New_York', hours: weekdays('09:00', '18:00', ['09:00', '18:00'], ['12:00', '17:00']) };
const losAngeles: BusinessCalendar = { zone: 'America/Los_Angeles', hours: weekdays('09:00', '19:00', ['09:00', '19:00'], ['10:00', '18:00']) };

/** The instant of a wall time in a zone, as ISO (`2026-03-14 19:00`). */
const at = (local: string, zone = chicago.zone) => {
  const dt = DateTime.fromFormat(local, 'yyyy-MM-dd HH:mm', { zone });
  if (!dt.isValid) throw new Error(`bad local time ${local}`);
  return dt.toUTC().toISO()!;
};

const rule = (id: string): OemRule => {
  const found = DEFAULT_OEM_RULES.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

const acts = (list: [ActivityKind, string][], zone = chicago.zone) => list.map(([kind, local]) => ({ kind, at: at(local, zone) }));

function check(
  id: string,
  received: string,
  activities: [ActivityKind, string][],
  now: string,
  expected: { status: string; dueAt: string; elapsed: number; grade: string; stoppedBy?: ActivityKind; consequences?: string[] },
  calendar: BusinessCalendar = chicago,
) {
  const state = evaluateLead({ receivedAt: at(received, calendar.zone) }, acts(activities, calendar.zone), rule(id), calendar, at(now, calendar.zone));
  expect([state.status, state.dueAt, state.elapsedMinutes, state.grade], id).to.deep.equal([
    expected.status,
    at(expected.dueAt, calendar.zone),
    expected.elapsed,
    expected.grade,
  ]);
  expect(state.remainingMinutes, id).to.equal(rule(id).limitMinutes - expected.elapsed);
  expect(state.stoppedBy?.kind, id).to.equal(expected.stoppedBy);
  expect(state.consequences, id).to.deep.equal(expected.consequences ?? []);
  return state;
}

describe('DEFAULT_OEM_RULES', () => {
  it('holds every OEM of the deck with its limit, clock and stopping activities', () => {
    expect(DEFAULT_OEM_RULES.map((r) => r.id)).to.deep.equal([
      'hyundai', 'nissan', 'ford', 'toyota', 'vw', 'mitsubishi', 'chrysler', 'volvo', 'honda', 'subaru', 'mazda', 'gm', 'kia',
    ]);
    const limits = Object.fromEntries(DEFAULT_OEM_RULES.map((r) => [r.id, [r.limitMinutes, r.clock]]));
    expect(limits).to.deep.equal({
      hyundai: [360, 'business'], nissan: [1440, 'business'], ford: [60, 'business'], toyota: [180, 'business'],
      vw: [180, 'business'], mitsubishi: [1440, 'business'], chrysler: [1440, 'business'], volvo: [1440, 'business'],
      honda: [120, 'business'], subaru: [1440, 'business'], mazda: [60, 'business'], gm: [300, 'real'], kia: [60, 'business'],
    });
    for (const r of DEFAULT_OEM_RULES) expect(r.stopsClock, r.id).to.not.include('auto-response');
    expect(rule('ford').stopsClock).to.deep.equal(['email-sent', 'ebrochure-sent']);
    expect(rule('kia').stopsClock).to.deep.equal(['email-sent', 'ebrochure-sent', 'call-completed']);
    expect(rule('mazda').stopsClock).to.deep.equal(['email-sent', 'ebrochure-sent', 'call-completed']);
    expect(rule('gm').stopsClock).to.deep.equal(['email-sent', 'ebrochure-sent', 'email-received', 'call-completed']);
    for (const id of ['nissan', 'mitsubishi', 'honda', 'subaru']) {
      expect(rule(id).stopsClock, id).to.deep.equal(['email-sent', 'ebrochure-sent', 'email-received', 'call-completed', 'call-incoming']);
    }
    for (const id of ['hyundai', 'toyota', 'vw', 'chrysler', 'volvo']) expect(rule(id).stopsClock, id).to.include.members(['text-sent', 'text-received']);
  });

  it('carries the deck specifics: set hours, holidays, grades, compliance and consequences', () => {
    expect(rule('hyundai').hours).to.deep.equal({
      mon: [['10:00', '20:00']], tue: [['10:00', '20:00']], wed: [['10:00', '20:00']], thu: [['10:00', '20:00']],
      fri: [['10:00', '20:00']], sat: [['10:00', '20:00']],
    });
    expect(rule('mazda').hours).to.deep.equal({ ...weekdays('09:00', '18:00'), sat: [['10:00', '18:00']] });
    expect(DEFAULT_OEM_RULES.filter((r) => r.excludeHolidays).map((r) => r.id)).to.deep.equal(['toyota', 'mazda']);
    expect(DEFAULT_OEM_RULES.filter((r) => r.hours).map((r) => r.id)).to.deep.equal(['hyundai', 'mazda']);
    expect(rule('toyota').grades).to.deep.equal({ greenUnder: 60, yellowUnder: 180 });
    expect(rule('mazda').compliance).to.deep.equal({ percentWithin: 90, withinMinutes: 60 });
    expect(rule('gm').compliance).to.deep.equal({ percentWithin: 99, withinMinutes: 300, averageAtMost: 60 });
    expect([rule('vw').discountUnder, rule('vw').reassignOver]).to.deep.equal([30, 180]);
  });

  it('finds the rule of a make regardless of case, spacing and punctuation', () => {
    expect(ruleForMake(' lexus ')?.id).to.equal('toyota');
    expect(ruleForMake('INFINITI')?.id).to.equal('nissan');
    expect(ruleForMake('Volks-wagen')?.id).to.equal('vw');
    expect(ruleForMake('Chevrolet')?.id).to.equal('gm');
    expect(ruleForMake('Jeep')?.id).to.equal('chrysler');
    expect(ruleForMake('Tesla')).to.equal(undefined);
    expect(ruleForMake('')).to.equal(undefined);
    const edited = [{ ...rule('kia'), id: 'kia-custom', makes: ['Kia'] }];
    expect(ruleForMake('kia', edited)?.id).to.equal('kia-custom');
  });
});

describe('evaluateLead: hand-computed cases for every OEM', () => {
  it('Hyundai: a Saturday-evening lead counts the OEM hours 10-20 (past the dealer closing at 17), skips Sunday', () => {
    // Sat 19:00-20:00 = 60; Sun closed; Mon 10:00 + 300 = 15:00. Stopped by an inbound text Mon 11:00: 120.
    check('hyundai', '2026-03-14 19:00', [['auto-response', '2026-03-14 19:01'], ['text-received', '2026-03-16 11:00']], '2026-03-16 12:00', {
      status: 'met', dueAt: '2026-03-16 15:00', elapsed: 120, grade: 'green', stoppedBy: 'text-received',
    });
  });

  it('Hyundai: holidays count as ordinary days when the rule does not exclude them', () => {
    // Thu 07-02 19:00-20:00 = 60; Fri 07-03 (dealer holiday) 10:00 + 300 = 15:00. Overdue, so red.
    check('hyundai', '2026-07-02 19:00', [], '2026-07-03 15:00', { status: 'overdue', dueAt: '2026-07-03 15:00', elapsed: 360, grade: 'red' });
  });

  it('Nissan: 24 business hours across the spring DST change; a text does not stop it', () => {
    // Fri 17:00 CST: Fri 60, Sat 480 (540), Sun closed, Mon CDT 540 (1080), Tue 9:00 + 360 = 15:00 CDT.
    const state = check('nissan', '2026-03-06 17:00', [['text-sent', '2026-03-09 10:00'], ['email-sent', '2026-03-10 16:00']], '2026-03-11 09:00', {
      status: 'missed', dueAt: '2026-03-10 15:00', elapsed: 1500, grade: 'red', stoppedBy: 'email-sent',
    });
    expect(state.dueAt).to.equal('2026-03-10T20:00:00.000Z');
  });

  it('Ford: an after-hours lead starts at the next opening; only an email or e-brochure stops it', () => {
    // Tue 21:30 → Wed 9:00, due 10:00; the call at 9:05 does not stop Ford's clock, the email at 9:40 does.
    check('ford', '2026-03-10 21:30', [['auto-response', '2026-03-10 21:31'], ['call-completed', '2026-03-11 09:05'], ['email-sent', '2026-03-11 09:40']], '2026-03-11 12:00', {
      status: 'met', dueAt: '2026-03-11 10:00', elapsed: 40, grade: 'yellow', stoppedBy: 'email-sent',
    });
  });

  it('Toyota: a lead the evening before a holiday skips the holiday; grades 60/180', () => {
    // Thu 07-02 17:00: Thu 60, Fri 07-03 holiday 0, Sat 9:00 + 120 = 11:00. Incoming call Sat 9:30: 90, yellow.
    check('toyota', '2026-07-02 17:00', [['call-incoming', '2026-07-04 09:30']], '2026-07-04 12:00', {
      status: 'met', dueAt: '2026-07-04 11:00', elapsed: 90, grade: 'yellow', stoppedBy: 'call-incoming',
    });
    // Exactly at the limit: met and yellow ("1-3 hours is yellow", the limit counting as met).
    check('toyota', '2026-03-16 09:00', [['email-sent', '2026-03-16 12:00']], '2026-03-16 13:00', {
      status: 'met', dueAt: '2026-03-16 12:00', elapsed: 180, grade: 'yellow', stoppedBy: 'email-sent',
    });
  });

  it('VW: under 30 minutes earns a discount; over 3 hours without contact reassigns the lead', () => {
    check('vw', '2026-03-11 10:00', [['text-sent', '2026-03-11 10:20']], '2026-03-11 11:00', {
      status: 'met', dueAt: '2026-03-11 13:00', elapsed: 20, grade: 'green', stoppedBy: 'text-sent', consequences: ['discount'],
    });
    check('vw', '2026-03-11 10:00', [], '2026-03-11 13:30', {
      status: 'overdue', dueAt: '2026-03-11 13:00', elapsed: 210, grade: 'red', consequences: ['reassigned'],
    });
    // Exactly 3 hours is not "over 3 hours".
    check('vw', '2026-03-11 10:00', [['call-completed', '2026-03-11 13:00']], '2026-03-11 14:00', {
      status: 'met', dueAt: '2026-03-11 13:00', elapsed: 180, grade: 'yellow', stoppedBy: 'call-completed',
    });
  });

  it('Mitsubishi: a Saturday-evening lead after the dealer closed waits for Monday; running', () => {
    // Sat 18:30 (closed at 17) → Mon 9:00: Mon 540, Tue 540, Wed 9:00 + 360 = 15:00. Now Tue 12:00: 540 + 180.
    check('mitsubishi', '2026-03-14 18:30', [['text-received', '2026-03-16 09:10']], '2026-03-17 12:00', {
      status: 'running', dueAt: '2026-03-18 15:00', elapsed: 720, grade: 'green',
    });
  });

  it('Chrysler: across the fall DST change in Chicago, stopped by an inbound text', () => {
    // Fri 10-30 17:30 CDT: 30, Sat 480 (510), Sun closed, Mon CST 540 (1050), Tue 9:00 + 390 = 15:30 CST.
    const state = check('chrysler', '2026-10-30 17:30', [['text-received', '2026-11-02 09:30']], '2026-11-02 10:00', {
      status: 'met', dueAt: '2026-11-03 15:30', elapsed: 540, grade: 'green', stoppedBy: 'text-received',
    });
    expect(state.dueAt).to.equal('2026-11-03T21:30:00.000Z');
  });

  it('Volvo: a New York dealer open Sunday afternoon, across the spring DST change', () => {
    // Sat 03-07 16:00 EST: Sat 120, Sun 12-17 EDT 300 (420), Mon 540 (960), Tue 9:00 + 480 = 17:00 EDT.
    check('volvo', '2026-03-07 16:00', [['email-received', '2026-03-10 17:00']], '2026-03-11 09:00', {
      status: 'met', dueAt: '2026-03-10 17:00', elapsed: 1440, grade: 'yellow', stoppedBy: 'email-received',
    }, newYork);
  });

  it('Honda: a Los Angeles Saturday-evening lead across the fall DST change; texts do not stop it', () => {
    // Sat 10-31 18:30 PDT: 30; Sun 11-01 10:00 PST + 90 = 11:30 PST. The call at 11:00 PST stops it at 90.
    const state = check('honda', '2026-10-31 18:30', [['text-sent', '2026-11-01 10:05'], ['call-completed', '2026-11-01 11:00']], '2026-11-01 12:00', {
      status: 'met', dueAt: '2026-11-01 11:30', elapsed: 90, grade: 'yellow', stoppedBy: 'call-completed',
    }, losAngeles);
    expect(state.dueAt).to.equal('2026-11-01T19:30:00.000Z');
  });

  it('Subaru: a Los Angeles lead across the spring DST change becomes overdue exactly at its due time', () => {
    // Sat 03-07 18:00 PST: 60; Sun 10-18 PDT 480 (540); Mon 600 (1140); Tue 9:00 + 300 = 14:00 PDT.
    check('subaru', '2026-03-07 18:00', [], '2026-03-10 14:00', { status: 'overdue', dueAt: '2026-03-10 14:00', elapsed: 1440, grade: 'red' }, losAngeles);
    check('subaru', '2026-03-07 18:00', [], '2026-03-10 13:59', { status: 'running', dueAt: '2026-03-10 14:00', elapsed: 1439, grade: 'yellow' }, losAngeles);
  });

  it('Mazda: its own hours (Sat until 18) and holidays closed: the evening before Thanksgiving', () => {
    // Wed 11-25 17:30 CST: 30; Thu 11-26 holiday; Fri 9:00 + 30 = 9:30. The incoming call does not stop Mazda's clock.
    // 50 minutes is within Mazda's 1-hour target: green.
    check('mazda', '2026-11-25 17:30', [['call-incoming', '2026-11-27 09:10'], ['email-sent', '2026-11-27 09:20']], '2026-11-27 10:00', {
      status: 'met', dueAt: '2026-11-27 09:30', elapsed: 50, grade: 'green', stoppedBy: 'email-sent',
    });
    // Sat 17:30: Mazda counts until 18:00 though the dealer closed at 17; Mon 9:00 + 30.
    check('mazda', '2026-03-14 17:30', [], '2026-03-16 09:00', { status: 'running', dueAt: '2026-03-16 09:30', elapsed: 30, grade: 'green' });
  });

  it('GM: real time across the spring change in New York and the fall change in Los Angeles', () => {
    // Sat 03-07 23:00 EST + 5 real hours = Sun 05:00 EDT (six hours on the wall clock).
    check('gm', '2026-03-07 23:00', [['text-sent', '2026-03-08 00:30'], ['call-completed', '2026-03-08 04:30']], '2026-03-08 12:00', {
      status: 'met', dueAt: '2026-03-08 05:00', elapsed: 270, grade: 'yellow', stoppedBy: 'call-completed',
    }, newYork);
    // Sat 10-31 23:00 PDT + 5 real hours = Sun 03:00 PST (four hours on the wall clock); no answer by 04:00 PST.
    check('gm', '2026-10-31 23:00', [], '2026-11-01 04:00', { status: 'overdue', dueAt: '2026-11-01 03:00', elapsed: 360, grade: 'red' }, losAngeles);
  });

  it('Kia: a Sunday lead answered while closed counts no business time', () => {
    check('kia', '2026-03-15 11:00', [['email-sent', '2026-03-15 12:00']], '2026-03-16 09:00', {
      status: 'met', dueAt: '2026-03-16 10:00', elapsed: 0, grade: 'green', stoppedBy: 'email-sent',
    });
  });

  it('ignores activities before the lead arrived and never stops on an auto-response', () => {
    const ford = { ...rule('ford'), stopsClock: [...rule('ford').stopsClock, 'auto-response' as const] };
    const state = evaluateLead(
      { receivedAt: at('2026-03-11 10:00') },
      acts([['email-sent', '2026-03-11 09:00'], ['auto-response', '2026-03-11 10:01'], ['ebrochure-sent', '2026-03-11 10:30']]),
      ford,
      chicago,
      at('2026-03-11 12:00'),
    );
    expect(state.stoppedBy).to.deep.equal({ kind: 'ebrochure-sent', at: at('2026-03-11 10:30'), by: null });
  });

  it('a limit running out exactly at closing is due at the next opening', () => {
    check('ford', '2026-03-11 17:00', [['email-sent', '2026-03-11 20:00']], '2026-03-12 08:00', {
      status: 'met', dueAt: '2026-03-12 09:00', elapsed: 60, grade: 'yellow', stoppedBy: 'email-sent',
    });
  });

  it('names what is wrong with its input', () => {
    const fails = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        if (!isAdapterError(e)) throw e;
        return [e.kind, e.message];
      }
      throw new Error('expected a failure');
    };
    expect(fails(() => evaluateLead({ receivedAt: 'soon' }, [], rule('ford'), chicago, at('2026-03-11 12:00')))).to.deep.equal([
      'malformed', 'The lead has an invalid receivedAt "soon".',
    ]);
    expect(fails(() => evaluateLead({ receivedAt: at('2026-03-11 12:00') }, [], rule('ford'), { ...chicago, zone: 'Mars/Olympus' }, at('2026-03-11 12:00')))[1]).to.contain('Mars/Olympus');
    expect(fails(() => businessMinutesBetween(at('2026-03-11 12:00'), at('2026-03-12 12:00'), { zone: 'UTC', hours: { mon: [['9:00', '18:00']] } }))[1]).to.equal(
      'Opening hours for mon: expected a time HH:mm (00:00-24:00), got "9:00".',
    );
    expect(fails(() => addBusinessMinutes(at('2026-03-11 12:00'), 10, { zone: 'UTC', hours: {} }))[1]).to.contain('closed every day');
    expect(fails(() => addBusinessMinutes(at('2026-03-11 12:00'), -1, chicago))[1]).to.contain('0 or more');
  });
});

describe('business time', () => {
  it('counts an open night that contains a DST change at its real length', () => {
    const night = (zone: string): BusinessCalendar => ({ zone, hours: { sun: [['01:00', '04:00']] } });
    for (const zone of ['America/New_York', 'America/Los_Angeles']) {
      const spring = businessMinutesBetween(at('2026-03-07 12:00', zone), at('2026-03-09 00:00', zone), night(zone));
      const fall = businessMinutesBetween(at('2026-10-31 12:00', zone), at('2026-11-02 00:00', zone), night(zone));
      expect([zone, spring, fall]).to.deep.equal([zone, 120, 240]);
    }
    // An opening inside the spring-forward gap opens when the gap ends.
    expect(addBusinessMinutes(at('2026-03-08 00:00', 'America/New_York'), 0, { zone: 'America/New_York', hours: { sun: [['02:30', '04:00']] } })).to.equal(
      '2026-03-08T07:00:00.000Z',
    );
  });

  it('supports several intervals a day, 24:00 and hours running past midnight', () => {
    const split: BusinessCalendar = { zone: 'UTC', hours: { mon: [['13:00', '17:00'], ['08:00', '12:00']], tue: [['22:00', '02:00']], wed: [['00:00', '24:00']] } };
    // Mon 2026-03-09: 8-12 and 13-17 = 480; Tue 22-24 = 120; Wed 00:00-02:00 (Tuesday's night) inside Wed 0-24 = 1440.
    expect(businessMinutesBetween('2026-03-09T00:00:00Z', '2026-03-12T00:00:00Z', split)).to.equal(480 + 120 + 1440);
    expect(addBusinessMinutes('2026-03-09T11:30:00Z', 60, split)).to.equal('2026-03-09T13:30:00.000Z');
  });

  // Zones with DST on other dates (southern hemisphere, Europe), none, half- and quarter-hour offsets.
  const ZONES = [
    'America/New_York', 'America/Chicago', 'America/Denver', 'America/Phoenix', 'America/Los_Angeles', 'America/Anchorage',
    'Pacific/Honolulu', 'America/St_Johns', 'America/Halifax', 'America/Sao_Paulo', 'America/Santiago', 'Europe/London',
    'Europe/Berlin', 'Africa/Cairo', 'Asia/Tehran', 'Asia/Kolkata', 'Asia/Kathmandu', 'Asia/Tokyo', 'Australia/Sydney',
    'Australia/Adelaide', 'Australia/Lord_Howe', 'Pacific/Auckland', 'Pacific/Chatham', 'UTC',
  ];
  const DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const hhmm = (m: number) => (m === 1440 ? '24:00' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  // Openings on any minute, 30 minutes to 20 hours long (some past midnight), so at least half an hour a week.
  const interval = fc
    .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 30, max: 1200 }))
    .map(([a, length]) => [hhmm(a), hhmm(a + length === 1440 ? 1440 : (a + length) % 1440)] as [string, string]);
  const calendarArb = fc
    .record({
      zone: fc.constantFrom(...ZONES),
      days: fc.array(fc.array(interval, { maxLength: 2 }), { minLength: 7, maxLength: 7 }),
      holidays: fc.array(fc.date({ min: new Date('2025-12-01'), max: new Date('2027-06-30'), noInvalidDate: true }), { maxLength: 6 }),
    })
    .filter((c) => c.days.some((d) => d.length > 0))
    .map((c): BusinessCalendar => ({
      zone: c.zone,
      hours: Object.fromEntries(c.days.map((list, i) => [DAYS[i]!, list]).filter(([, list]) => list.length)),
      holidays: c.holidays.map((d) => d.toISOString().slice(0, 10)),
    }));
  const instantArb = fc.integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-01-01T00:00:00Z') }).map((ms) => new Date(ms).toISOString());

  /** Whether an instant is inside the calendar's hours, read on the wall clock with luxon (either offset around a DST change). */
  function openOnWallClock(iso: string, calendar: BusinessCalendar): boolean {
    const t = DateTime.fromISO(iso, { zone: calendar.zone });
    const earlier = DateTime.fromMillis(t.toMillis() - 3 * 3_600_000, { zone: calendar.zone });
    return [t, t.setZone(`UTC${earlier.offset >= 0 ? '+' : '-'}${Math.abs(earlier.offset) / 60}`)].some((wall) => {
      const minute = wall.hour * 60 + wall.minute + wall.second / 60;
      const today = DAYS[wall.weekday - 1]!;
      const yesterday = DAYS[(wall.weekday + 5) % 7]!;
      const inToday = (calendar.hours[today] ?? []).some(([o, c]) => {
        const [open, close] = [Number(o.slice(0, 2)) * 60 + Number(o.slice(3)), Number(c.slice(0, 2)) * 60 + Number(c.slice(3))];
        return close > open ? minute >= open && minute < close : minute >= open;
      });
      const fromYesterday = (calendar.hours[yesterday] ?? []).some(([o, c]) => {
        const [open, close] = [Number(o.slice(0, 2)) * 60 + Number(o.slice(3)), Number(c.slice(0, 2)) * 60 + Number(c.slice(3))];
        return close <= open && minute < close;
      });
      return !(calendar.holidays ?? []).includes(wall.toISODate()!) && (inToday || fromYesterday);
    });
  }

  it('addBusinessMinutes and businessMinutesBetween are inverse, and results are never in closed hours (fast-check)', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 5_000 }), instantArb, (calendar, start, minutes, other) => {
        const end = addBusinessMinutes(start, minutes, calendar);
        expect(businessMinutesBetween(start, end, calendar)).to.equal(minutes);
        expect(openOnWallClock(end, calendar), `${end} in ${calendar.zone}`).to.equal(true);
        // The other way round: from an open instant, the minutes counted up to it lead back to it.
        const later = addBusinessMinutes(other > start ? other : start, 0, calendar);
        expect(addBusinessMinutes(start, businessMinutesBetween(start, later, calendar), calendar)).to.equal(later);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('lists and the contact-time summary', () => {
  let seq = 0;
  function lead(make: string, received: string, activities: [ActivityKind, string][], salesperson: [string, string] | null): Lead {
    seq++;
    return {
      id: `L${seq}`,
      receivedAt: at(received),
      make,
      model: null,
      year: null,
      provider: 'OEM site',
      customerName: 'Pat Doe',
      email: null,
      phone: null,
      salespersonId: salesperson?.[0] ?? null,
      salespersonName: salesperson?.[1] ?? null,
      activities: acts(activities).map((a, i) => ({ ...a, id: `L${seq}a${i}`, by: null })),
    };
  }
  const ana: [string, string] = ['sp-1', 'Ana Ruiz'];
  const bo: [string, string] = ['sp-2', 'Bo Li'];
  // Mazda (60 min, 90% within 60): 10 leads Mon 2026-03-16 10:00; 9 answered in 10..50 min, one after 90.
  const mazda = Array.from({ length: 10 }, (_, i) =>
    lead('Mazda', '2026-03-16 10:00', [['email-sent', i < 9 ? `2026-03-16 10:${String(10 + i * 5)}` : '2026-03-16 11:30']], i < 5 ? ana : bo),
  );
  // GM (real 5 h, 99% within 5 h, average ≤ 60): answered after 30 and 120 minutes.
  const gm = [lead('Chevrolet', '2026-03-17 10:00', [['call-completed', '2026-03-17 10:30']], ana), lead('GMC', '2026-03-17 10:00', [['email-sent', '2026-03-17 12:00']], null)];
  // Ford, running at "now"; a Tesla no rule covers; one lead outside the range.
  const ford = lead('Ford', '2026-03-18 11:30', [], bo);
  const tesla = lead('Tesla', '2026-03-17 10:00', [['call-completed', '2026-03-17 10:20']], bo);
  const outside = lead('Ford', '2026-04-02 10:00', [], ana);
  const all = [...mazda, ...gm, ford, tesla, outside];
  const nowIso = at('2026-03-18 12:00');
  const range = { from: '2026-03-01', to: '2026-03-31' };

  it('evaluates every lead under the rule of its make, or the fallback', () => {
    const evaluated = evaluateLeads(all, DEFAULT_OEM_RULES, chicago, nowIso);
    expect(evaluated.map((e) => e.rule.id)).to.deep.equal([...mazda.map(() => 'mazda'), 'gm', 'gm', 'ford', NO_OEM_RULE.id, 'ford']);
    expect(evaluated[13]!.state.status).to.equal('met');
    expect(filterLeads(all, { ...range, ruleId: 'gm' }, chicago.zone).map((l) => l.id)).to.deep.equal(gm.map((l) => l.id));
    expect(filterLeads(all, { ...range, ruleId: 'none' }, chicago.zone).map((l) => l.id)).to.deep.equal([tesla.id]);
    expect(filterLeads(all, { ...range, salespersonId: 'sp-2' }, chicago.zone)).to.have.length(7);
  });

  it('evaluates a slice at a time with leadEvaluator exactly as evaluateLeads does at once', () => {
    const evaluate = leadEvaluator(DEFAULT_OEM_RULES, chicago, nowIso);
    const sliced = [...all.slice(0, 5).map(evaluate), ...all.slice(5).map(evaluate)];
    expect(sliced).to.deep.equal(evaluateLeads(all, DEFAULT_OEM_RULES, chicago, nowIso));
    // A bad `now` is refused when the evaluator is made; a bad lead when it is evaluated, by its id.
    expect(() => leadEvaluator(DEFAULT_OEM_RULES, chicago, 'later')).to.throw(/Now: expected an ISO 8601 instant/);
    const bad = { ...ford, activities: [{ id: 'x', kind: 'email-sent' as const, at: 'soon', by: null }] };
    expect(() => evaluate(bad)).to.throw(`Lead ${ford.id}: Activity 1 (email-sent) has an invalid time "soon".`);
  });

  it('summarizes per OEM and per salesperson: count, average, median, % within, grades, compliance', () => {
    const summary = summarizeLeadResponses(all, { range, calendar: chicago, nowIso });
    const byId = Object.fromEntries(summary.byOem.map((r) => [r.key, r]));
    expect(byId.mazda).to.deep.equal({
      key: 'mazda', label: 'Mazda', count: 10, responded: 10,
      averageMinutes: (10 + 15 + 20 + 25 + 30 + 35 + 40 + 45 + 50 + 90) / 10, medianMinutes: 32.5,
      // Green within Mazda's target (1 hour, its limit too), red beyond: no yellow.
      percentWithinLimit: 90, grades: { green: 9, yellow: 0, red: 1 }, complianceMet: true,
    });
    // GM: both within 5 h, but the average is 75 > 60.
    expect(byId.gm).to.deep.include({ count: 2, averageMinutes: 75, medianMinutes: 75, percentWithinLimit: 100, complianceMet: false });
    // Ford is still running: counted and graded, not in the averages.
    expect(byId.ford).to.deep.include({ count: 1, responded: 0, averageMinutes: null, medianMinutes: null, percentWithinLimit: null, complianceMet: null });
    expect(byId.none).to.deep.include({ label: 'No OEM rule', count: 1, averageMinutes: 20 });
    expect(summary.byOem.map((r) => r.key)).to.deep.equal(['mazda', 'gm', 'ford', 'none']);
    const people = Object.fromEntries(summary.bySalesperson.map((r) => [r.key, r]));
    expect(people['sp-1']).to.deep.include({ label: 'Ana Ruiz', count: 6, complianceMet: true });
    expect(people['sp-2']).to.deep.include({ label: 'Bo Li', count: 7, percentWithinLimit: (5 / 6) * 100, complianceMet: false });
    expect(people.unassigned).to.deep.include({ label: 'Unassigned', count: 1, complianceMet: false });
    expect(summary.total).to.deep.include({ key: 'total', count: 14, responded: 13, complianceMet: false });
    expect(summary.range).to.deep.equal(range);
  });
});

describe('a make named by two rules', () => {
  // Stored rules that overlap (data from before saving refused it): Toyota names Lexus, and so
  // does a later rule with a 30-minute limit.
  const lexusOnly: OemRule = { ...rule('toyota'), id: 'lexus-only', name: 'Lexus only', makes: [' LEXUS '], limitMinutes: 30 };
  const overlapping = [...DEFAULT_OEM_RULES, lexusOnly];

  it('goes to the first rule in rule order, whichever way round they are', () => {
    expect(ruleForMake('Lexus', overlapping)?.id).to.equal('toyota');
    expect(ruleForMake('lexus', [lexusOnly, ...DEFAULT_OEM_RULES])?.id).to.equal('lexus-only');
  });

  it('evaluates and filters leads under that first rule', () => {
    const lexus: Lead = {
      id: 'lexus-1', receivedAt: at('2026-03-17 10:00'), make: 'Lexus', model: null, year: null, provider: 'OEM site',
      customerName: 'Pat Doe', email: null, phone: null, salespersonId: null, salespersonName: null,
      activities: acts([['email-sent', '2026-03-17 10:45']]).map((a) => ({ ...a, id: 'lexus-1a', by: null })),
    };
    // Toyota's 3-hour limit: 45 minutes meet it (yellow from 60); under "Lexus only" they would miss 30.
    const [evaluated] = evaluateLeads([lexus], overlapping, chicago, at('2026-03-18 12:00'));
    expect([evaluated!.rule.id, evaluated!.state.status]).to.deep.equal(['toyota', 'met']);
    const range = { from: '2026-03-01', to: '2026-03-31' };
    expect(filterLeads([lexus], { ...range, ruleId: 'toyota' }, chicago.zone, overlapping)).to.have.length(1);
    expect(filterLeads([lexus], { ...range, ruleId: 'lexus-only' }, chicago.zone, overlapping)).to.have.length(0);
  });

  it('is found before saving: the make as the new rule writes it and the rule that has it', () => {
    const found = makeOverlap(lexusOnly, DEFAULT_OEM_RULES);
    expect([found?.make, found?.rule.id]).to.deep.equal([' LEXUS ', 'toyota']);
    // A rule is not its own overlap (saving an edit of Toyota), and other makes are free.
    expect(makeOverlap(rule('toyota'), DEFAULT_OEM_RULES)).to.equal(null);
    expect(makeOverlap({ id: 'tesla', makes: ['Tesla', 'Rivian'] }, DEFAULT_OEM_RULES)).to.equal(null);
    expect(makeOverlap({ id: 'gm-2', makes: ['Tesla', 'g.m.c.'] }, DEFAULT_OEM_RULES)).to.deep.equal({ make: 'g.m.c.', rule: rule('gm') });
  });

  it('gives each make key to the first rule naming it, so a stored make key finds the rule ruleForMake finds', () => {
    const keys = makeKeysByRule(overlapping);
    expect(keys.get('toyota')).to.include(makeKey('Lexus'));
    expect(keys.get('lexus-only')).to.deep.equal([]);
    for (const make of ['Lexus', 'chevy', 'VW', 'Tesla', '']) {
      const owner = [...keys].find(([, list]) => list.includes(makeKey(make)))?.[0];
      expect(owner, make).to.equal(ruleForMake(make, overlapping)?.id);
    }
  });

  it('never happens among the default rules', () => {
    expect(DEFAULT_OEM_RULES.map((r) => makeOverlap(r, DEFAULT_OEM_RULES))).to.deep.equal(DEFAULT_OEM_RULES.map(() => null));
  });
});

describe('checkOemRule', () => {
  const now = '2026-03-17T15:00:00Z';
  const refusal = (change: Partial<OemRule>) => {
    change = { name: 'Toyota', ...change };
    try {
      checkOemRule({ ...rule('toyota'), ...change }, chicago, now);
    } catch (error) {
      expect(isAdapterError(error) && error.kind === 'rejected' && error.status === 400, String(error)).to.equal(true);
      return (error as Error).message;
    }
    return null;
  };

  it('answers the trimmed name of a rule that can be saved', () => {
    expect(checkOemRule({ ...rule('toyota'), name: '  Toyota ' }, chicago, now)).to.equal('Toyota');
  });

  it('refuses what the clock cannot count, naming the rule and the fault', () => {
    expect(refusal({ id: '' })).to.equal('A rule needs an id.');
    expect(refusal({ name: '  ' })).to.equal('A rule needs a name.');
    expect(refusal({ limitMinutes: 0 })).to.equal('Rule "Toyota": the limit must be a positive number of minutes.');
    expect(refusal({ limitMinutes: Infinity })).to.match(/positive number of minutes/);
    expect(refusal({ stopsClock: ['email-sent', 'auto-response'] })).to.equal('Rule "Toyota": an auto-response never stops the clock.');
    expect(refusal({ hours: { mon: [['25:00', '26:00']] } as WeeklyHours })).to.be.a('string');
  });
});
