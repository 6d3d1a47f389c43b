import { expect } from '@open-wc/testing';
import { DEFAULT_OEM_RULES, filterLeads, leadClock, ruleForLead, summarizeLeadResponses } from '../../src/data/logic/leads.js';
import { isAdapterError } from '../../src/data/errors.js';
import type { DealerProfile, Lead, LeadActivity, OemRule, WeeklyHours } from '../../src/data/model.js';

// America/Chicago: CST is UTC-6, CDT (from 2026-03-08 02:00 to 2026-11-01 02:00) is UTC-5.
const dealer: DealerProfile = {
  name: 'Prairie Motors',
  zone: 'America/Chicago',
  hours: {
    mon: ['09:00', '18:00'],
    tue: ['09:00', '18:00'],
    wed: ['09:00', '18:00'],
    thu: ['09:00', '18:00'],
    fri: ['09:00', '18:00'],
    sat: ['09:00', '17:00'],
    sun: null,
  },
  holidays: ['2026-07-03'],
};

const rule = (id: string): OemRule => {
  const found = DEFAULT_OEM_RULES.find((r) => r.id === id);
  if (!found) throw new Error(`no rule ${id}`);
  return found;
};

let seq = 0;
function lead(make: string, receivedAt: string, activities: [LeadActivity['kind'], string][] = [], extra: Partial<Lead> = {}): Lead {
  seq++;
  return {
    id: `L${seq}`,
    receivedAt,
    make,
    model: null,
    year: null,
    provider: 'OEM site',
    customerName: 'Pat Doe',
    email: 'pat@example.com',
    phone: null,
    salespersonId: null,
    salespersonName: null,
    activities: activities.map(([kind, at], i) => ({ id: `L${seq}a${i}`, kind, at, by: null })),
    ...extra,
  };
}

const clockOf = (l: Lead, now: Date | string, d: DealerProfile = dealer, rules: OemRule[] = DEFAULT_OEM_RULES) =>
  leadClock(l, ruleForLead(l, rules), d, now);

describe('DEFAULT_OEM_RULES', () => {
  it('holds every OEM of the deck as version-1 data', () => {
    expect(DEFAULT_OEM_RULES.map((r) => r.id)).to.deep.equal([
      'hyundai', 'nissan', 'ford', 'toyota', 'vw', 'mitsubishi', 'chrysler', 'volvo', 'honda', 'subaru', 'mazda', 'gm', 'kia',
    ]);
    for (const r of DEFAULT_OEM_RULES) {
      expect(r.version, r.id).to.equal(1);
      expect(r.stoppers, r.id).to.not.include('auto-response');
    }
    const limits = Object.fromEntries(DEFAULT_OEM_RULES.map((r) => [r.id, r.limitMinutes]));
    expect(limits).to.deep.equal({
      hyundai: 360, nissan: 1440, ford: 60, toyota: 180, vw: 180, mitsubishi: 1440, chrysler: 1440, volvo: 1440,
      honda: 120, subaru: 1440, mazda: 60, gm: 300, kia: 60,
    });
  });

  it('carries the deck specifics', () => {
    expect(rule('ford').stoppers).to.deep.equal(['email-sent', 'ebrochure-sent']);
    expect(rule('kia').stoppers).to.deep.equal(['email-sent', 'ebrochure-sent', 'call-completed']);
    for (const id of ['mitsubishi', 'honda', 'subaru', 'nissan']) expect(rule(id).stoppers, id).to.not.include('text');
    for (const id of ['hyundai', 'toyota', 'vw', 'chrysler', 'volvo']) expect(rule(id).stoppers, id).to.include('text');
    expect(rule('toyota')).to.deep.include({ holidaysExcluded: true, grades: { greenUnder: 60, yellowUnder: 180 } });
    const hyundai = rule('hyundai').hours as WeeklyHours;
    expect([hyundai.mon, hyundai.sat, hyundai.sun]).to.deep.equal([['10:00', '20:00'], ['10:00', '20:00'], null]);
    const mazda = rule('mazda');
    expect(mazda.hours).to.deep.include({ fri: ['09:00', '18:00'], sat: ['10:00', '18:00'], sun: null });
    expect(mazda).to.deep.include({ holidaysExcluded: true, targets: [{ withinMinutes: 60, share: 0.9 }] });
    expect(rule('gm')).to.deep.include({ clock: 'real', averageTargetMinutes: 60, targets: [{ withinMinutes: 300, share: 0.99 }] });
    expect(rule('vw').consequences.map((c) => [c.underMinutes, c.overMinutes])).to.deep.equal([[30, undefined], [undefined, 180]]);
  });
});

describe('ruleForLead', () => {
  it('matches makes without case, spacing or punctuation', () => {
    expect(ruleForLead({ make: ' lexus ' }, DEFAULT_OEM_RULES)?.id).to.equal('toyota');
    expect(ruleForLead({ make: 'VOLKS-WAGEN' }, DEFAULT_OEM_RULES)?.id).to.equal('vw');
    expect(ruleForLead({ make: 'Jeep' }, DEFAULT_OEM_RULES)?.id).to.equal('chrysler');
    expect(ruleForLead({ make: 'chevrolet' }, DEFAULT_OEM_RULES)?.id).to.equal('gm');
    expect(ruleForLead({ make: 'INFINITI' }, DEFAULT_OEM_RULES)?.id).to.equal('nissan');
    expect(ruleForLead({ make: 'Acura' }, DEFAULT_OEM_RULES)).to.equal(null);
    expect(ruleForLead({ make: '' }, DEFAULT_OEM_RULES)).to.equal(null);
    const edited = [{ ...rule('kia'), id: 'kia-edited' }, rule('kia')];
    expect(ruleForLead({ make: 'Kia' }, edited)?.id).to.equal('kia-edited');
  });
});

describe('leadClock', () => {
  it('starts an after-hours lead at the next opening', () => {
    // Tue Mar 10 20:30 CDT; Ford counts the dealer's hours, so Wed 09:00 CDT.
    const l = lead('Ford', '2026-03-11T01:30:00Z');
    const clock = clockOf(l, '2026-03-11T14:20:00Z');
    expect(clock).to.deep.include({
      ruleId: 'ford',
      startedAt: '2026-03-11T14:00:00.000Z',
      dueAt: '2026-03-11T15:00:00.000Z',
      elapsedMinutes: 20,
      remainingMinutes: 40,
      grade: 'green',
      met: null,
      stoppedBy: null,
    });
  });

  it('lets only an email or e-brochure stop a Ford lead, not a call', () => {
    const l = lead('Ford', '2026-03-11T15:00:00Z', [
      ['call-completed', '2026-03-11T15:10:00Z'],
      ['text', '2026-03-11T15:20:00Z'],
      ['email-sent', '2026-03-11T16:30:00Z'],
    ]);
    const clock = clockOf(l, '2026-03-11T20:00:00Z');
    expect(clock.stoppedBy?.kind).to.equal('email-sent');
    expect(clock).to.deep.include({ elapsedMinutes: 90, remainingMinutes: null, met: false, grade: 'red' });
    const calledOnly = lead('Ford', '2026-03-11T15:00:00Z', [['call-completed', '2026-03-11T15:05:00Z']]);
    expect(clockOf(calledOnly, '2026-03-11T15:30:00Z')).to.deep.include({ stoppedBy: null, elapsedMinutes: 30, met: null });
  });

  it('never stops on an auto-response, a note or an activity before receipt', () => {
    const l = lead('Toyota', '2026-03-11T15:00:00Z', [
      ['email-sent', '2026-03-11T14:00:00Z'],
      ['auto-response', '2026-03-11T15:01:00Z'],
      ['note', '2026-03-11T15:05:00Z'],
      ['text', '2026-03-11T15:45:00Z'],
    ]);
    const clock = clockOf(l, '2026-03-12T15:00:00Z');
    expect(clock.stoppedBy?.id).to.equal(l.activities[3].id);
    expect(clock).to.deep.include({ elapsedMinutes: 45, met: true, grade: 'green' });
    const autoOnly = lead('Toyota', '2026-03-11T15:00:00Z', [['auto-response', '2026-03-11T15:03:00Z']]);
    expect(clockOf(autoOnly, '2026-03-11T16:30:00Z')).to.deep.include({ stoppedBy: null, elapsedMinutes: 90, remainingMinutes: 90, grade: 'yellow' });
  });

  it('excludes the dealer holiday for Toyota but not for Honda', () => {
    // Thu Jul 2 17:00 CDT; Fri Jul 3 is a holiday.
    const toyota = clockOf(lead('Toyota', '2026-07-02T22:00:00Z'), '2026-07-03T17:00:00Z');
    expect(toyota).to.deep.include({ dueAt: '2026-07-04T16:00:00.000Z', elapsedMinutes: 60, remainingMinutes: 120, met: null });
    const honda = clockOf(lead('Honda', '2026-07-02T22:00:00Z'), '2026-07-03T17:00:00Z');
    expect(honda).to.deep.include({ dueAt: '2026-07-03T15:00:00.000Z', elapsedMinutes: 60 + 180, met: false, grade: 'red' });
  });

  it('uses Mazda set hours: closed on Sunday even when the dealer is open', () => {
    const openSunday: DealerProfile = { ...dealer, hours: { ...dealer.hours, sat: ['08:00', '20:00'], sun: ['12:00', '17:00'] } };
    // Sat Mar 14 17:30 CDT: 30 minutes until Mazda's 18:00 close, then Monday 09:00.
    const saturday = clockOf(lead('Mazda', '2026-03-14T22:30:00Z'), '2026-03-15T20:00:00Z', openSunday);
    expect(saturday).to.deep.include({ dueAt: '2026-03-16T14:30:00.000Z', elapsedMinutes: 30, remainingMinutes: 30, met: null });
    // Sun Mar 15 13:00 CDT: the dealer is open, Mazda is not.
    const sunday = clockOf(lead('Mazda', '2026-03-15T18:00:00Z'), '2026-03-15T21:00:00Z', openSunday);
    expect(sunday).to.deep.include({ startedAt: '2026-03-16T14:00:00.000Z', elapsedMinutes: 0 });
    // The same lead under Kia (dealer hours) counts Sunday.
    const kia = clockOf(lead('Kia', '2026-03-15T18:00:00Z'), '2026-03-15T21:00:00Z', openSunday);
    expect(kia).to.deep.include({ startedAt: '2026-03-15T18:00:00.000Z', elapsedMinutes: 180, met: false });
  });

  it('counts business time across the spring DST change (2026-03-08, America/Chicago)', () => {
    // Hyundai, Sat Mar 7 19:00 CST: 60 min to its 20:00 close, Sunday closed, Mon 10:00 CDT + 300 min.
    const hyundai = clockOf(lead('Hyundai', '2026-03-08T01:00:00Z'), '2026-03-09T16:00:00Z');
    expect(hyundai).to.deep.include({
      startedAt: '2026-03-08T01:00:00.000Z',
      dueAt: '2026-03-09T20:00:00.000Z',
      elapsedMinutes: 60 + 60,
    });
    // Open around the clock, the DST day has 23 counted hours.
    const allDay: [string, string] = ['00:00', '24:00'];
    const always: OemRule = {
      ...rule('toyota'),
      id: 'always',
      makes: ['Always'],
      limitMinutes: 1440,
      hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    };
    const l = lead('Always', '2026-03-08T06:00:00Z', [['email-sent', '2026-03-09T05:00:00Z']]);
    expect(leadClock(l, always, dealer, '2026-03-10T00:00:00Z')).to.deep.include({
      dueAt: '2026-03-09T06:00:00.000Z',
      elapsedMinutes: 23 * 60,
      met: true,
    });
  });

  it('counts business time across the autumn DST change (2026-11-01, America/Chicago)', () => {
    // Toyota, Sat Oct 31 16:00 CDT: 60 min to 17:00, Sunday closed, Mon Nov 2 09:00 CST + 120 min.
    const toyota = clockOf(lead('Toyota', '2026-10-31T21:00:00Z'), '2026-11-02T16:00:00Z');
    expect(toyota).to.deep.include({ dueAt: '2026-11-02T17:00:00.000Z', elapsedMinutes: 60 + 60, remainingMinutes: 60 });
    const allDay: [string, string] = ['00:00', '24:00'];
    const always: OemRule = {
      ...rule('toyota'),
      id: 'always',
      limitMinutes: 1440,
      hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
    };
    // Nov 1 has 25 hours: midnight CDT to midnight CST.
    const l = lead('Always', '2026-11-01T05:00:00Z', [['email-sent', '2026-11-02T06:00:00Z']]);
    expect(leadClock(l, always, dealer, '2026-11-03T00:00:00Z')).to.deep.include({
      dueAt: '2026-11-02T05:00:00.000Z',
      elapsedMinutes: 25 * 60,
      met: false,
    });
  });

  it('counts real time for GM across DST and for leads without a rule', () => {
    // Sat Mar 7 23:00 CST to Sun Mar 8 03:00 CDT is 3 real hours.
    const gm = clockOf(lead('Chevrolet', '2026-03-08T05:00:00Z', [['email-sent', '2026-03-08T08:00:00Z']]), '2026-03-09T00:00:00Z');
    expect(gm).to.deep.include({ ruleId: 'gm', dueAt: '2026-03-08T10:00:00.000Z', elapsedMinutes: 180, met: true, grade: 'yellow' });
    const tesla = lead('Tesla', '2026-03-15T15:00:00Z');
    expect(clockOf(tesla, '2026-03-15T15:45:00Z')).to.deep.include({
      ruleId: null,
      startedAt: '2026-03-15T15:00:00.000Z',
      dueAt: '2026-03-15T16:00:00.000Z',
      elapsedMinutes: 45,
      remainingMinutes: 15,
      met: null,
    });
    expect(clockOf(tesla, new Date('2026-03-15T16:30:00Z'))).to.deep.include({ remainingMinutes: -30, met: false, grade: 'red' });
  });

  it('rejects a lead with an invalid receipt time', () => {
    let error: unknown;
    try {
      clockOf(lead('Ford', 'yesterday'), '2026-03-11T15:00:00Z');
    } catch (e) {
      error = e;
    }
    expect(isAdapterError(error) && (error as Error).message).to.contain('invalid receivedAt');
  });
});

describe('filterLeads and summarizeLeadResponses', () => {
  const ana = { salespersonId: 's1', salespersonName: 'Ana' };
  const ben = { salespersonId: 's2', salespersonName: 'Ben' };
  // Wed Mar 11 2026 (CDT); now = 12:00 CDT.
  const now = new Date('2026-03-11T17:00:00Z');
  const leads = [
    lead('Toyota', '2026-03-11T15:00:00Z', [['text', '2026-03-11T15:45:00Z']], ana), // 45 min, met, green
    lead('Toyota', '2026-03-11T16:00:00Z', [['email-sent', '2026-03-11T16:50:00Z']], ben), // 50 min, met, green
    lead('Ford', '2026-03-11T14:00:00Z', [['call-completed', '2026-03-11T14:05:00Z']], ana), // 180 min, overdue, red
    lead('Ford', '2026-03-11T16:30:00Z', [], ben), // 30 min, running, yellow
    lead('Tesla', '2026-03-11T16:50:00Z', [['auto-response', '2026-03-11T16:51:00Z']]), // 10 min, running, green
    lead('Toyota', '2026-03-12T15:00:00Z', [], ana), // another day
  ];
  const range = { from: '2026-03-11', to: '2026-03-11' };

  it('filters by day in the zone, rule and salesperson', () => {
    const late = lead('Kia', '2026-03-12T04:30:00Z'); // Mar 11 23:30 CDT
    expect(filterLeads([...leads, late], range, 'America/Chicago').map((l) => l.id)).to.deep.equal(
      [...leads.slice(0, 5), late].map((l) => l.id),
    );
    expect(filterLeads([...leads, late], range, 'UTC')).to.have.length(5);
    expect(filterLeads(leads, { ...range, ruleId: 'ford' }, 'America/Chicago', DEFAULT_OEM_RULES)).to.deep.equal([leads[2], leads[3]]);
    expect(filterLeads(leads, { ...range, salespersonId: 's2' }, 'America/Chicago')).to.deep.equal([leads[1], leads[3]]);
  });

  it('summarizes per OEM', () => {
    const summary = summarizeLeadResponses(leads, DEFAULT_OEM_RULES, dealer, { ...range, groupBy: 'oem' }, now);
    expect(summary.rows).to.deep.equal([
      { key: 'ford', label: 'Ford', leads: 2, responded: 0, averageMinutes: null, withinLimitShare: 0, grades: { green: 0, yellow: 1, red: 1 } },
      {
        key: 'toyota',
        label: 'Toyota / Scion / Lexus',
        leads: 2,
        responded: 2,
        averageMinutes: 47.5,
        withinLimitShare: 1,
        grades: { green: 2, yellow: 0, red: 0 },
      },
      { key: 'none', label: 'No OEM rule', leads: 1, responded: 0, averageMinutes: null, withinLimitShare: null, grades: { green: 1, yellow: 0, red: 0 } },
    ]);
    expect(summary.total).to.deep.equal({
      key: 'total',
      label: 'All leads',
      leads: 5,
      responded: 2,
      averageMinutes: 47.5,
      withinLimitShare: 2 / 3,
      grades: { green: 3, yellow: 1, red: 1 },
    });
  });

  it('summarizes per salesperson', () => {
    const summary = summarizeLeadResponses(leads, DEFAULT_OEM_RULES, dealer, { ...range, groupBy: 'salesperson' }, now);
    expect(summary.groupBy).to.equal('salesperson');
    expect(summary.rows.map((r) => [r.key, r.label, r.leads, r.responded, r.averageMinutes, r.withinLimitShare])).to.deep.equal([
      ['s1', 'Ana', 2, 1, 45, 0.5],
      ['s2', 'Ben', 2, 1, 50, 1],
      ['unassigned', 'Unassigned', 1, 0, null, null],
    ]);
  });
});
