/**
 * Issue 19's make spellings, grade bands and loose trade-in matching through the data layer's
 * public face in plain Node: the same answers as the browser tests in tests/data.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as data from '../../src/data/index.ts';

const { DEFAULT_OEM_RULES, evaluateLead, gradeBands, makeKey, makeName, matchTradeIn, ruleForMake } = data;

describe('makes, grades and trade-ins in Node', () => {
  it('finds Nissan / Infiniti for "Infinity" and Volkswagen for "Volkswagon"', () => {
    assert.equal(ruleForMake('Infinity')?.limitMinutes, 24 * 60);
    assert.equal(ruleForMake('Volkswagon')?.id, 'vw');
    assert.equal(makeKey('Range Rover'), makeKey('Land-Rover'));
    assert.equal(makeName('chevy'), 'Chevrolet');
  });

  it('grades a Toyota lead answered at exactly its limit met and yellow, GM’s from its 1-hour average', () => {
    const toyota = DEFAULT_OEM_RULES.find((r) => r.id === 'toyota');
    const real = { ...toyota, clock: 'real' };
    const at = '2026-03-09T18:00:00.000Z';
    const state = evaluateLead({ receivedAt: '2026-03-09T15:00:00.000Z' }, [{ kind: 'email-sent', at }], real, { zone: 'UTC', hours: {} }, at);
    assert.deepEqual([state.status, state.grade], ['met', 'yellow']);
    assert.deepEqual(gradeBands(ruleForMake('GMC')), { greenUntil: 60, yellowUntil: 300, inclusive: true, source: 'derived-from-target', basis: 'average-target' });
  });

  it('matches a Silverado 1500 trade-in to a want for a Silverado, saying why', () => {
    const want = {
      id: 'w1', customerId: 'c1', customerName: 'Ann', customerStatus: 'need-car-locate', yearFrom: 2016, yearTo: 2020,
      make: 'Chevrolet', model: 'Silverado', trim: null, color: null, maxMileage: null, maxPrice: null,
      createdAt: '2026-06-01T00:00:00.000Z', salespersonName: null,
    };
    const [match] = matchTradeIn({ year: 2018, make: 'Chevy', model: 'Silverado 1500' }, [want]);
    assert.deepEqual(match.reasons.map((r) => [r.criterion, r.how, r.closeness]), [['make', 'other-name', 1], ['model', 'words', 0.75]]);
    assert.equal(match.score, 0.875);
  });
});
