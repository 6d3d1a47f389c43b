import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../seed.js';
import { DEFAULT_OEM_RULES, NO_OEM_RULE, addBusinessMinutes, evaluateLead, gradeBands } from '../../src/data/logic/leads.js';
import type { BusinessCalendar, LeadGrade, OemRule } from '../../src/data/model.js';

const utc: BusinessCalendar = { zone: 'UTC', hours: {} };
const RECEIVED = Date.parse('2026-03-09T15:00:00.000Z');
const rule = (id: string): OemRule => DEFAULT_OEM_RULES.find((r) => r.id === id)!;

/** The grade of a lead answered after `ms` of real time, as `evaluateLead` gives it. */
function graded(r: OemRule, ms: number): LeadGrade {
  const real = { ...r, clock: 'real' as const, stopsClock: ['email-sent' as const] };
  const at = new Date(RECEIVED + ms).toISOString();
  return evaluateLead({ receivedAt: new Date(RECEIVED).toISOString() }, [{ kind: 'email-sent', at }], real, utc, at).grade;
}

/** The grade the bands give for `minutes`. */
function banded(r: OemRule, minutes: number): LeadGrade {
  const b = gradeBands(r);
  if (minutes > b.yellowUntil) return 'red';
  return (b.inclusive ? minutes <= b.greenUntil : minutes < b.greenUntil) ? 'green' : 'yellow';
}

describe('gradeBands', () => {
  it('gives Toyota the deck’s own bands, the limit counting as yellow', () => {
    expect(gradeBands(rule('toyota'))).to.deep.equal({ greenUntil: 60, yellowUntil: 180, inclusive: false, source: 'oem', basis: 'grades' });
  });

  it('derives the bands from the OEM’s own target where the deck gives one', () => {
    // GM: "99% of leads within 5 hours, overall of 1 hour or less in real time".
    expect(gradeBands(rule('gm'))).to.deep.equal({ greenUntil: 60, yellowUntil: 300, inclusive: true, source: 'derived-from-target', basis: 'average-target' });
    // Mazda: "90% responded to within 1 hour", which is its limit too: green or red.
    expect(gradeBands(rule('mazda'))).to.deep.equal({ greenUntil: 60, yellowUntil: 60, inclusive: true, source: 'derived-from-target', basis: 'compliance-target' });
    // VW: "Under a 30 minute response time will result in a discount".
    expect(gradeBands(rule('vw'))).to.deep.equal({ greenUntil: 30, yellowUntil: 180, inclusive: false, source: 'derived-from-target', basis: 'discount' });
  });

  it('gives the OEMs with neither bands nor a target the default: green up to half the limit', () => {
    const defaults = DEFAULT_OEM_RULES.filter((r) => gradeBands(r).source === 'default').map((r) => r.id);
    expect(defaults).to.deep.equal(['hyundai', 'nissan', 'ford', 'mitsubishi', 'chrysler', 'volvo', 'honda', 'subaru', 'kia']);
    expect(gradeBands(rule('ford'))).to.deep.equal({ greenUntil: 30, yellowUntil: 60, inclusive: true, source: 'default', basis: 'half-limit' });
    expect(gradeBands(rule('hyundai'))).to.deep.include({ greenUntil: 180, yellowUntil: 360 });
    expect(gradeBands(NO_OEM_RULE)).to.deep.equal({ greenUntil: 30, yellowUntil: 60, inclusive: true, source: 'default', basis: 'half-limit' });
  });

  it('calls a dealer’s own thresholds the dealer’s, and ends yellow at the limit whatever they say', () => {
    expect(gradeBands({ ...NO_OEM_RULE, id: 'own', grades: { greenUnder: 15, yellowUnder: 45 } })).to.deep.equal({
      greenUntil: 15, yellowUntil: 60, inclusive: false, source: 'dealer', basis: 'grades',
    });
    // Toyota's id with other thresholds is an edited rule, no longer the OEM's bands.
    expect(gradeBands({ ...rule('toyota'), grades: { greenUnder: 30, yellowUnder: 180 } }).source).to.equal('dealer');
    // A target beyond the limit does not stretch green past it.
    expect(gradeBands({ ...rule('gm'), limitMinutes: 45 })).to.deep.include({ greenUntil: 45, yellowUntil: 45 });
  });

  it('agrees with evaluateLead’s grade at every time, boundaries included', () => {
    const rules = [...DEFAULT_OEM_RULES, NO_OEM_RULE, { ...NO_OEM_RULE, id: 'own', grades: { greenUnder: 15, yellowUnder: 45 } }];
    for (const r of rules) {
      const b = gradeBands(r);
      for (const minutes of [0, b.greenUntil, b.yellowUntil]) {
        for (const ms of [minutes * 60_000 - 1, minutes * 60_000, minutes * 60_000 + 1].filter((x) => x >= 0)) {
          expect(banded(r, ms / 60_000), `${r.id} at ${ms} ms`).to.equal(graded(r, ms));
        }
      }
    }
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.integer({ min: 0, max: 3 * 24 * 3600_000 }), (r, ms) => banded(r, ms / 60_000) === graded(r, ms)),
    );
  });
});

describe('status and grade agree at the limit', () => {
  // A Chicago dealer open Mon-Fri 9-18 and Sat 9-17; leads arrive at Monday's opening.
  const dealer: BusinessCalendar = {
    zone: 'America/Chicago',
    hours: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']], sat: [['09:00', '17:00']] },
    holidays: ['2026-07-03'],
  };
  const received = '2026-03-09T14:00:00.000Z'; // Mon 09:00 CDT

  /** The lead's clock answered after `minutes` of the rule's own counted time. */
  function answeredAfter(r: OemRule, minutes: number) {
    const counting: BusinessCalendar = { zone: dealer.zone, hours: r.hours ?? dealer.hours, holidays: r.excludeHolidays ? dealer.holidays : [] };
    const at = r.clock === 'real' ? new Date(Date.parse(received) + minutes * 60_000).toISOString() : addBusinessMinutes(received, minutes, counting);
    return evaluateLead({ receivedAt: received }, [{ kind: r.stopsClock[0]!, at }], r, dealer, at);
  }

  it('Toyota answered at exactly 180 business minutes is met and yellow; a minute later missed and red', () => {
    const toyota = rule('toyota');
    expect([answeredAfter(toyota, 179), answeredAfter(toyota, 180), answeredAfter(toyota, 181)].map((s) => [s.elapsedMinutes, s.status, s.grade])).to.deep.equal([
      [179, 'met', 'yellow'],
      [180, 'met', 'yellow'],
      [181, 'missed', 'red'],
    ]);
    expect([answeredAfter(toyota, 59).grade, answeredAfter(toyota, 60).grade]).to.deep.equal(['green', 'yellow']);
  });

  it('GM answered at 90 minutes is yellow (its target is a 1-hour average), at 60 green', () => {
    expect([answeredAfter(rule('gm'), 60).grade, answeredAfter(rule('gm'), 90).grade, answeredAfter(rule('gm'), 300).grade]).to.deep.equal(['green', 'yellow', 'yellow']);
  });

  it('holds for every default rule at limit − 1, limit and limit + 1 minute: met is never red, missed always is', () => {
    for (const r of [...DEFAULT_OEM_RULES, NO_OEM_RULE]) {
      const limit = r.limitMinutes;
      const states = [limit - 1, limit, limit + 1].map((m) => answeredAfter(r, m));
      expect(states.map((s) => s.elapsedMinutes), r.id).to.deep.equal([limit - 1, limit, limit + 1]);
      expect(states.map((s) => s.status), r.id).to.deep.equal(['met', 'met', 'missed']);
      expect(states.map((s) => s.grade === 'red'), r.id).to.deep.equal([false, false, true]);
    }
  });

  it('an unanswered lead is red once overdue, and not before', () => {
    for (const r of [rule('toyota'), rule('hyundai'), rule('gm')]) {
      const running = evaluateLead({ receivedAt: received }, [], r, dealer, answeredAfter(r, r.limitMinutes - 1).stoppedBy!.at);
      const overdue = evaluateLead({ receivedAt: received }, [], r, dealer, running.dueAt);
      expect([running.status, running.grade === 'red', overdue.status, overdue.grade], r.id).to.deep.equal(['running', false, 'overdue', 'red']);
    }
  });
});
