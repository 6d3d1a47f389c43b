import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../seed.js';
import { DateTime } from 'luxon';
import { isAdapterError } from '../../src/data/errors.js';
import { addDays, checkZone, isIsoDate, isoDateIn, isValidZone, rangeProblem } from '../../src/data/logic/calendar.js';
import * as calendar from '../../src/data/logic/calendar.js';
import * as data from '../../src/data/index.js';

/** Calendar days from 1600 to 2400, as `YYYY-MM-DD`. */
const anyDay = fc.integer({ min: -135_140, max: 157_046 }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('isIsoDate', () => {
  it('takes real days written YYYY-MM-DD only', () => {
    expect(['2026-03-31', '2028-02-29', '2000-02-29', '0001-01-01'].map(isIsoDate)).to.deep.equal([true, true, true, true]);
    const wrong = ['2026-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-1-01', ' 2026-01-01', '2026-01-01T00:00', '', null, 20260101];
    expect(wrong.map(isIsoDate)).to.deep.equal(wrong.map(() => false));
  });

  it('agrees with luxon on every day of four centuries and their near misses', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 0, max: 3 }), (day, push) => {
        // The day itself, or the same month with a day number that may not exist (29 to 32).
        const text = push ? `${day.slice(0, 8)}${28 + push}` : day;
        expect(isIsoDate(text)).to.equal(DateTime.fromISO(text).isValid);
      }),
    );
  });
});

describe('addDays', () => {
  it('moves across month, year and leap-day ends', () => {
    expect(addDays('2026-03-01', -1)).to.equal('2026-02-28');
    expect(addDays('2028-02-28', 1)).to.equal('2028-02-29');
    expect(addDays('2026-12-31', 1)).to.equal('2027-01-01');
    expect(addDays('2026-03-31', -29)).to.equal('2026-03-02');
    expect(addDays('2026-03-08', 0)).to.equal('2026-03-08');
  });

  it('agrees with luxon', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -1000, max: 1000 }), (day, days) => {
        expect(addDays(day, days)).to.equal(DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate());
      }),
    );
  });

  it('rejects a text that is not a date', () => {
    let error: unknown;
    try {
      addDays('2026-02-30', 1);
    } catch (e) {
      error = e;
    }
    expect(isAdapterError(error) && error.kind).to.equal('rejected');
  });
});

describe('rangeProblem without luxon', () => {
  it('names the bad end, or a reversed range', () => {
    expect(rangeProblem({ from: '2026-02-29', to: '2026-03-01' })).to.equal('from');
    expect(rangeProblem({ from: '2026-03-01', to: '' })).to.equal('to');
    expect(rangeProblem({ from: '2026-03-20', to: '2026-03-10' })).to.equal('reversed');
    expect(rangeProblem({ from: '2026-03-10', to: '2026-03-10' })).to.equal(null);
  });
});

describe('zones through Intl', () => {
  it('knows IANA zones and UTC, and nothing else', () => {
    expect(['America/Chicago', 'Europe/Madrid', 'UTC'].map(isValidZone)).to.deep.equal([true, true, true]);
    const wrong = ['Mars/Olympus', '', null, 42, 'America/Chicago '];
    expect(wrong.map(isValidZone)).to.deep.equal(wrong.map(() => false));
    expect(wrong.map(isValidZone)).to.deep.equal(wrong.map((z) => (typeof z === 'string' ? DateTime.local().setZone(z).isValid : false)));
  });

  it('rejects an unknown zone with a message that names it', () => {
    let error: unknown;
    try {
      checkZone('Mars/Olympus');
    } catch (e) {
      error = e;
    }
    expect(isAdapterError(error) ? [error.kind, error.message] : null).to.deep.equal([
      'rejected',
      'Unknown time zone "Mars/Olympus": use an IANA zone such as America/Chicago.',
    ]);
  });

  it("gives an instant's date in a zone, on both sides of midnight and of DST changes", () => {
    const at = (iso: string) => Date.parse(iso);
    expect(isoDateIn(at('2026-03-02T03:00:00Z'), 'America/Chicago')).to.equal('2026-03-01');
    expect(isoDateIn(at('2026-03-02T06:00:00Z'), 'America/Chicago')).to.equal('2026-03-02');
    expect(isoDateIn(at('2026-03-02T03:00:00Z'), 'UTC')).to.equal('2026-03-02');
    expect(isoDateIn(at('2026-03-01T23:30:00Z'), 'Asia/Kolkata')).to.equal('2026-03-02');
    const zones = ['America/Chicago', 'Europe/Madrid', 'Australia/Lord_Howe', 'Pacific/Kiritimati', 'UTC'];
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('1990-01-01'), max: Date.parse('2060-01-01') }), fc.constantFrom(...zones), (ms, zone) => {
        expect(isoDateIn(ms, zone)).to.equal(DateTime.fromMillis(ms, { zone }).toISODate());
      }),
    );
  });

  it("uses the runtime's zone when none is given", () => {
    const ms = Date.parse('2026-07-01T12:00:00Z');
    expect(isoDateIn(ms)).to.equal(DateTime.fromMillis(ms).toISODate());
  });
});

describe('calendar.ts through the data index', () => {
  it('is re-exported from the package entry', () => {
    const names = ['isIsoDate', 'addDays', 'rangeProblem', 'checkDateRange', 'parseInstant', 'daysFromCivil', 'isValidZone', 'checkZone', 'isoDateIn'] as const;
    expect(names.map((n) => typeof calendar[n] === 'function' && calendar[n] === data[n])).to.deep.equal(names.map(() => true));
  });
});
