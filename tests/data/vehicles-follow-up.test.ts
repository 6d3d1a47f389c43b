import { expect } from '@open-wc/testing';
import type { VehicleWant } from '../../src/data/model.js';
import { FOLLOW_UP_DAYS, dueForFollowUp, followUpDue, followUpState } from '../../src/data/logic/vehicles-follow-up.js';

type Dates = Pick<VehicleWant, 'id' | 'createdAt' | 'lastContactAt'>;
const want = (id: string, createdAt: string, lastContactAt?: string | null): Dates => ({ id, createdAt, lastContactAt });
const NOW = Date.parse('2026-11-29T16:00:00Z');

describe('follow-up of "Need Car Locate" wants', () => {
  it('counts whole days since the last contact', () => {
    // Nov 20 15:00 → Nov 29 16:00 is 9 days and 1 hour: 9 whole days.
    expect(followUpState(want('a', '2026-11-01T15:00:00Z', '2026-11-20T15:00:00Z'), NOW, 7)).to.deep.equal({ days: 9, never: false, due: true });
    // Nov 22 17:00 → Nov 29 16:00 is 6 days and 23 hours: 6 whole days, not due at 7.
    expect(followUpState(want('b', '2026-11-01T15:00:00Z', '2026-11-22T17:00:00Z'), NOW, 7)).to.deep.equal({ days: 6, never: false, due: false });
  });

  it('counts from the want when the customer was never contacted', () => {
    // Nov 22 16:00 → Nov 29 16:00 is exactly 7 days: due at 7.
    expect(followUpState(want('c', '2026-11-22T16:00:00Z', null), NOW, 7)).to.deep.equal({ days: 7, never: true, due: true });
    expect(followUpState(want('d', '2026-11-22T16:00:00Z'), NOW, 7)).to.deep.equal({ days: 7, never: true, due: true });
    // One second less than 7 days.
    expect(followUpDue(want('e', '2026-11-22T16:00:01Z', null), NOW, 7)).to.equal(false);
  });

  it('counts plain elapsed days across a DST change', () => {
    // US clocks fell back on Nov 1 2026: Oct 31 16:00Z → Nov 7 16:00Z is 7 × 24 hours, so 7 days.
    expect(followUpState(want('f', '2026-10-01T00:00:00Z', '2026-10-31T16:00:00Z'), Date.parse('2026-11-07T16:00:00Z'), 7)!.days).to.equal(7);
  });

  it('takes the limit as given: 0 makes every want due, a bad limit none, 7 by default', () => {
    expect(FOLLOW_UP_DAYS).to.equal(7);
    const fresh = want('g', '2026-11-29T15:59:00Z', null);
    expect(followUpDue(fresh, NOW, 0)).to.equal(true);
    expect(followUpDue(fresh, NOW, Number.NaN)).to.equal(false);
    expect(followUpDue(want('h', '2020-01-01T00:00:00Z'), NOW, -1)).to.equal(false);
  });

  it('never marks a want whose dates cannot be read, and counts a contact after now as now', () => {
    expect(followUpState(want('i', 'not a date', null), NOW, 7)).to.equal(null);
    expect(followUpDue(want('j', '2026-01-01T00:00:00Z', 'garbage'), NOW, 7)).to.equal(false);
    expect(followUpState(want('k', '2026-01-01T00:00:00Z', '2026-12-01T00:00:00Z'), NOW, 7)).to.deep.equal({ days: 0, never: false, due: false });
  });

  it('lists the due wants, longest without contact first', () => {
    const wants = [
      want('w1', '2026-11-01T12:00:00Z', '2026-11-25T12:00:00Z'), // 4 days: not due
      want('w2', '2026-11-10T12:00:00Z', null), // 19 days
      want('w3', '2026-10-01T12:00:00Z', '2026-11-19T12:00:00Z'), // 10 days
      want('w4', '2026-09-01T12:00:00Z', '2026-11-10T12:00:00Z'), // 19 days, older want than w2
    ];
    const due = dueForFollowUp(wants, NOW, 7);
    expect(due.map((d) => [d.want.id, d.state.days])).to.deep.equal([
      ['w4', 19],
      ['w2', 19],
      ['w3', 10],
    ]);
  });
});
