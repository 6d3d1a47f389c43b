import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../seed.js';
import { DEFAULT_OEM_RULES, NO_OEM_RULE, evaluateLead, gradeBands } from '../../src/data/logic/leads.js';
import type { BusinessCalendar, LeadGrade, OemRule } from '../../src/data/model.js';

const utc: BusinessCalendar = { zone: 'UTC', hours: {} };
const RECEIVED = Date.parse('2026-03-09T15:00:00.000Z');

/** The grade of a lead answered after `ms` of real time, as `evaluateLead` gives it. */
function graded(rule: OemRule, ms: number): LeadGrade {
  const real = { ...rule, clock: 'real' as const, stopsClock: ['email-sent' as const] };
  const at = new Date(RECEIVED + ms).toISOString();
  return evaluateLead({ receivedAt: new Date(RECEIVED).toISOString() }, [{ kind: 'email-sent', at }], real, utc, at).grade;
}

/** The grade the bands give for `minutes`. */
function banded(rule: OemRule, minutes: number): LeadGrade {
  const b = gradeBands(rule);
  const below = (bound: number) => (b.inclusive ? minutes <= bound : minutes < bound);
  return below(b.greenUntil) ? 'green' : below(b.yellowUntil) ? 'yellow' : 'red';
}

describe('gradeBands', () => {
  it('gives Toyota the deck’s bands, and other rules half the limit and the limit', () => {
    const toyota = DEFAULT_OEM_RULES.find((r) => r.id === 'toyota')!;
    const ford = DEFAULT_OEM_RULES.find((r) => r.id === 'ford')!;
    expect(gradeBands(toyota)).to.deep.equal({ greenUntil: 60, yellowUntil: 180, inclusive: false });
    expect(gradeBands(ford)).to.deep.equal({ greenUntil: 30, yellowUntil: 60, inclusive: true });
    expect(gradeBands(NO_OEM_RULE)).to.deep.equal({ greenUntil: 30, yellowUntil: 60, inclusive: true });
  });

  it('agrees with evaluateLead’s grade at every time, boundaries included', () => {
    const rules = [...DEFAULT_OEM_RULES, NO_OEM_RULE, { ...NO_OEM_RULE, id: 'own', grades: { greenUnder: 15, yellowUnder: 45 } }];
    for (const rule of rules) {
      const b = gradeBands(rule);
      for (const minutes of [0, b.greenUntil, b.yellowUntil]) {
        for (const ms of [minutes * 60_000 - 1, minutes * 60_000, minutes * 60_000 + 1].filter((x) => x >= 0)) {
          expect(banded(rule, ms / 60_000), `${rule.id} at ${ms} ms`).to.equal(graded(rule, ms));
        }
      }
    }
    fc.assert(
      fc.property(fc.constantFrom(...rules), fc.integer({ min: 0, max: 3 * 24 * 3600_000 }), (rule, ms) => banded(rule, ms / 60_000) === graded(rule, ms)),
    );
  });
});
