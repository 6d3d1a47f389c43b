import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../seed.js';
import { DateTime } from 'luxon';
import { DAY_MS, civilFromDays, currentMonthRange, dayNumberOf, daysFromCivil, isoDateOfDay, isoWeekKey, isoWeekMonday, monthRangeOf, rangeSoFar, weekdayOfDay } from '../../src/data/logic/calendar.js';
import { calendarRangeBounds, comparedPeriods, localDayNumber, localTimeToInstant, previousPeriod, zoneDayStart, zoneOffsetMinutes, zoneOffsetMs } from '../../src/data/logic/calendar-zones.js';

const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso);
/** A wall time read as UTC, the form `localTimeToInstant` takes. */
const wall = (local: string) => Date.parse(`${local}Z`);

/** Days from 1600 to 2400. */
const anyDayNumber = fc.integer({ min: -135_140, max: 157_046 });
/** Instants from 1990 to 2040. */
const anyInstant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) });
const ZONES = ['America/New_York', 'America/Chicago', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Santiago', 'UTC'];

describe('civil dates', () => {
  it('turns epoch-day numbers into dates and back', () => {
    expect(daysFromCivil(1970, 1, 1)).to.equal(0);
    expect(daysFromCivil(2026, 3, 1)).to.equal(20513);
    expect(civilFromDays(20513)).to.deep.equal([2026, 3, 1]);
    // 2028-02-29 is the day after 2028-02-28, and 2028-03-01 the day after it.
    expect(civilFromDays(daysFromCivil(2028, 2, 28) + 1)).to.deep.equal([2028, 2, 29]);
    expect(civilFromDays(daysFromCivil(2028, 2, 28) + 2)).to.deep.equal([2028, 3, 1]);
    fc.assert(
      fc.property(anyDayNumber, (day) => {
        const [y, m, d] = civilFromDays(day);
        return daysFromCivil(y, m, d) === day && isoDateOfDay(day) === new Date(day * DAY_MS).toISOString().slice(0, 10);
      }),
    );
  });

  it('reads a date as a day number, NaN for anything else', () => {
    expect(dayNumberOf('2026-03-01')).to.equal(20513);
    expect([dayNumberOf('2026-02-29'), dayNumberOf('2026-3-01'), dayNumberOf(null), dayNumberOf(20513)].every(Number.isNaN)).to.equal(true);
  });

  it('names weekdays from Monday = 0', () => {
    // 1970-01-01 was a Thursday; 2026-03-01 a Sunday; 2026-03-02 a Monday.
    expect([weekdayOfDay(0), weekdayOfDay(20513), weekdayOfDay(20514), weekdayOfDay(-1)]).to.deep.equal([3, 6, 0, 2]);
  });

  it('keys ISO weeks by the year of their Thursday', () => {
    // Monday 2026-03-02 starts week 10 of 2026; Monday 2024-12-30 starts week 1 of 2025.
    expect(isoWeekKey(dayNumberOf('2026-03-02'))).to.equal('2026-W10');
    expect(isoWeekKey(dayNumberOf('2024-12-30'))).to.equal('2025-W01');
    expect(isoWeekMonday(2025, 1)).to.equal(dayNumberOf('2024-12-30'));
    // 2026 has 53 weeks (it starts on a Thursday): the last Monday is 2026-12-28.
    expect(isoWeekKey(isoWeekMonday(2026, 53))).to.equal('2026-W53');
    fc.assert(
      fc.property(anyDayNumber, (day) => {
        const monday = day - weekdayOfDay(day);
        const dt = DateTime.fromMillis(monday * DAY_MS, { zone: 'UTC' });
        const key = isoWeekKey(monday);
        return key === `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}` && isoWeekMonday(dt.weekYear, dt.weekNumber) === monday;
      }),
    );
  });
});

describe('zone offsets', () => {
  it('changes at the instant of each DST switch in New York', () => {
    // Spring forward: 2026-03-08 02:00 EST (07:00Z) becomes 03:00 EDT.
    expect(zoneOffsetMinutes(NY, at('2026-03-08T06:59:59.999Z'))).to.equal(-300);
    expect(zoneOffsetMinutes(NY, at('2026-03-08T07:00:00Z'))).to.equal(-240);
    // Fall back: 2026-11-01 02:00 EDT (06:00Z) becomes 01:00 EST.
    expect(zoneOffsetMs(NY, at('2026-11-01T05:59:59.999Z'))).to.equal(-240 * 60_000);
    expect(zoneOffsetMs(NY, at('2026-11-01T06:00:00Z'))).to.equal(-300 * 60_000);
  });

  it('agrees with luxon in zones with half-hour, half-hour DST and midnight switches', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), anyInstant, (zone, ms) => zoneOffsetMinutes(zone, ms) === DateTime.fromMillis(ms, { zone }).offset),
      { numRuns: 2000 },
    );
    // Lord Howe moves by 30 minutes: +11:00 in summer, +10:30 in winter.
    expect(zoneOffsetMinutes('Australia/Lord_Howe', at('2026-01-15T00:00:00Z'))).to.equal(660);
    expect(zoneOffsetMinutes('Australia/Lord_Howe', at('2026-07-15T00:00:00Z'))).to.equal(630);
  });

  it('reads the local day of an instant', () => {
    // 2026-03-02 03:00Z is 2026-03-01 22:00 in New York (EST, −5).
    expect(localDayNumber(NY, at('2026-03-02T03:00:00Z'))).to.equal(dayNumberOf('2026-03-01'));
    expect(localDayNumber(NY, at('2026-03-02T05:00:00Z'))).to.equal(dayNumberOf('2026-03-02'));
  });
});

describe('localTimeToInstant', () => {
  it('reads an ordinary wall time with its offset', () => {
    // 12:00 EDT (−4) is 16:00Z; 12:00 EST (−5) is 17:00Z.
    expect(localTimeToInstant(NY, wall('2026-07-01T12:00:00'))).to.equal(at('2026-07-01T16:00:00Z'));
    expect(localTimeToInstant(NY, wall('2026-01-15T12:00:00'))).to.equal(at('2026-01-15T17:00:00Z'));
  });

  it('moves a time inside the spring-forward gap to the end of the gap', () => {
    // 02:30 does not exist on 2026-03-08: the clock jumps from 02:00 EST to 03:00 EDT (07:00Z).
    expect(localTimeToInstant(NY, wall('2026-03-08T02:30:00'))).to.equal(at('2026-03-08T07:00:00Z'));
    // 03:00 exists, as EDT.
    expect(localTimeToInstant(NY, wall('2026-03-08T03:00:00'))).to.equal(at('2026-03-08T07:00:00Z'));
  });

  it('takes the first of the two fall-back times', () => {
    // 01:30 happens twice on 2026-11-01: first as EDT (05:30Z), then as EST (06:30Z).
    expect(localTimeToInstant(NY, wall('2026-11-01T01:30:00'))).to.equal(at('2026-11-01T05:30:00Z'));
    expect(localTimeToInstant(NY, wall('2026-11-01T02:30:00'))).to.equal(at('2026-11-01T07:30:00Z'));
  });
});

describe('days and ranges in a zone', () => {
  it('starts a local day at its midnight, DST days being 23 and 25 hours long', () => {
    const spring = dayNumberOf('2026-03-08');
    expect(zoneDayStart(NY, spring)).to.equal(at('2026-03-08T05:00:00Z'));
    expect(zoneDayStart(NY, spring + 1) - zoneDayStart(NY, spring)).to.equal(23 * 3_600_000);
    const fall = dayNumberOf('2026-11-01');
    expect(zoneDayStart(NY, fall + 1) - zoneDayStart(NY, fall)).to.equal(25 * 3_600_000);
  });

  it('starts a day without a midnight at its first local time', () => {
    // Santiago springs forward at 24:00 on 2026-09-05: 2026-09-06 begins at 01:00 −03 (04:00Z).
    expect(zoneDayStart('America/Santiago', dayNumberOf('2026-09-06'))).to.equal(at('2026-09-06T04:00:00Z'));
  });

  it('starts a day whose midnight happens twice at the first of them, as its range does', () => {
    // Havana falls back from 1:00 −04 to 0:00 −05 on 2026-11-01: midnight is 04:00Z and again 05:00Z.
    const day = dayNumberOf('2026-11-01');
    expect(zoneDayStart('America/Havana', day)).to.equal(at('2026-11-01T04:00:00Z'));
    expect(zoneDayStart('America/Havana', day)).to.equal(calendarRangeBounds({ from: '2026-11-01', to: '2026-11-01' }, 'America/Havana')[0]);
    expect(zoneDayStart('America/Havana', day + 1) - zoneDayStart('America/Havana', day)).to.equal(25 * 3_600_000);
  });

  it('bounds a date range by the starts of its first day and of the day after its last', () => {
    expect(calendarRangeBounds({ from: '2026-03-08', to: '2026-03-08' }, NY)).to.deep.equal([at('2026-03-08T05:00:00Z'), at('2026-03-09T04:00:00Z')]);
    expect(calendarRangeBounds({ from: '2026-11-01', to: '2026-11-30' }, NY)).to.deep.equal([at('2026-11-01T04:00:00Z'), at('2026-12-01T05:00:00Z')]);
  });
});

describe('periods', () => {
  it('gives the month of a date', () => {
    expect(monthRangeOf('2028-02-14')).to.deep.equal({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthRangeOf('2026-02-14')).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthRangeOf('2026-12-31')).to.deep.equal({ from: '2026-12-01', to: '2026-12-31' });
    expect([monthRangeOf('2026-02-30'), monthRangeOf('')]).to.deep.equal([null, null]);
  });

  it("gives this month on the shop's calendar, not UTC's", () => {
    // 2026-03-01 04:30Z is 2026-02-28 23:30 EST: still February in New York.
    expect(currentMonthRange(at('2026-03-01T04:30:00Z'), NY)).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
    expect(currentMonthRange(at('2026-03-01T05:00:00Z'), NY)).to.deep.equal({ from: '2026-03-01', to: '2026-03-31' });
    // 2026-11-01 03:59Z is 2026-10-31 23:59 EDT; the fall-back that night does not move the month.
    expect(currentMonthRange(at('2026-11-01T03:59:00Z'), NY)).to.deep.equal({ from: '2026-10-01', to: '2026-10-31' });
    expect(currentMonthRange(at('2026-11-01T04:00:00Z'), NY)).to.deep.equal({ from: '2026-11-01', to: '2026-11-30' });
    // The same instant is already March in Tokyo.
    expect(currentMonthRange(at('2026-02-28T15:00:00Z'), 'Asia/Tokyo')).to.deep.equal({ from: '2026-03-01', to: '2026-03-31' });
  });

  it("uses the runtime's zone when none is given", () => {
    const ms = at('2026-07-31T23:30:00Z');
    const local = DateTime.fromMillis(ms);
    expect(currentMonthRange(ms)).to.deep.equal({ from: local.startOf('month').toISODate(), to: local.endOf('month').toISODate() });
  });

  it('agrees with luxon on the month of any instant in any zone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), anyInstant, (zone, ms) => {
        const local = DateTime.fromMillis(ms, { zone });
        const range = currentMonthRange(ms, zone);
        return range.from === local.startOf('month').toISODate() && range.to === local.endOf('month').toISODate();
      }),
      { numRuns: 500 },
    );
  });

  it('compares a whole month with the whole month before, other ranges with the same days a month earlier', () => {
    expect(previousPeriod({ from: '2026-03-01', to: '2026-03-31' })).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
    expect(previousPeriod({ from: '2026-04-01', to: '2026-04-30' })).to.deep.equal({ from: '2026-03-01', to: '2026-03-31' });
    expect(previousPeriod({ from: '2026-04-01', to: '2026-04-29' })).to.deep.equal({ from: '2026-03-01', to: '2026-03-29' });
  });
});

describe('the days compared', () => {
  it('ends a range that runs past today on today', () => {
    expect(rangeSoFar({ from: '2026-12-01', to: '2026-12-31' }, '2026-12-07')).to.deep.equal({ from: '2026-12-01', to: '2026-12-07' });
    expect(rangeSoFar({ from: '2026-12-07', to: '2026-12-31' }, '2026-12-07')).to.deep.equal({ from: '2026-12-07', to: '2026-12-07' });
  });

  it('leaves a range that has happened, or has not begun, as it is', () => {
    expect(rangeSoFar({ from: '2026-11-01', to: '2026-11-30' }, '2026-12-07')).to.deep.equal({ from: '2026-11-01', to: '2026-11-30' });
    expect(rangeSoFar({ from: '2026-11-01', to: '2026-12-07' }, '2026-12-07')).to.deep.equal({ from: '2026-11-01', to: '2026-12-07' });
    expect(rangeSoFar({ from: '2027-01-01', to: '2027-01-31' }, '2026-12-07')).to.deep.equal({ from: '2027-01-01', to: '2027-01-31' });
    expect(rangeSoFar({ from: '2026-12-01', to: '2026-12-31' }, ''), 'no today').to.deep.equal({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('compares the days that have happened with the same days a month earlier', () => {
    // Today December 7: December 1–31 is December 1–7 against November 1–7.
    expect(comparedPeriods({ from: '2026-12-01', to: '2026-12-31' }, '2026-12-07')).to.deep.equal({
      current: { from: '2026-12-01', to: '2026-12-07' },
      previous: { from: '2026-11-01', to: '2026-11-07' },
    });
    // Today November 23: 23 days of November against 23 days of October, not the whole of October.
    expect(comparedPeriods({ from: '2026-11-01', to: '2026-11-30' }, '2026-11-23').previous).to.deep.equal({ from: '2026-10-01', to: '2026-10-23' });
    // New Year's Day: one day against December 1.
    expect(comparedPeriods({ from: '2027-01-01', to: '2027-01-31' }, '2027-01-01')).to.deep.equal({
      current: { from: '2027-01-01', to: '2027-01-01' },
      previous: { from: '2026-12-01', to: '2026-12-01' },
    });
    // A whole month that has happened is compared whole; March 31 is February 28.
    expect(comparedPeriods({ from: '2026-03-01', to: '2026-03-31' }, '2026-12-07').previous).to.deep.equal({ from: '2026-02-01', to: '2026-02-28' });
    // Across a month end: March 30–31 so far, both a month earlier fall on February 28.
    expect(comparedPeriods({ from: '2026-03-30', to: '2026-04-05' }, '2026-03-31')).to.deep.equal({
      current: { from: '2026-03-30', to: '2026-03-31' },
      previous: { from: '2026-02-28', to: '2026-02-28' },
    });
    // On the last day of November the whole month has happened: all of October, October 31 included.
    expect(comparedPeriods({ from: '2026-11-01', to: '2026-11-30' }, '2026-11-30').previous).to.deep.equal({ from: '2026-10-01', to: '2026-10-31' });
  });

  it('refuses a range that is not one', () => {
    expect(() => comparedPeriods({ from: '2026-12-31', to: '2026-12-01' }, '2026-12-07')).to.throw(/after/);
  });
});
