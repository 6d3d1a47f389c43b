import { expect } from '@open-wc/testing';
import { AdapterError } from '../../src/data/errors.js';
import {
  DEFAULT_QUEUE_THRESHOLDS,
  buildLeadQueue,
  flagLead,
  queueCrossings,
  queueLevel,
  queueRange,
  queueThresholds,
} from '../../src/data/logic/lead-queue.js';
import type { LeadQueueRow } from '../../src/data/logic/lead-queue.js';
import { DEFAULT_OEM_RULES } from '../../src/data/logic/leads.js';
import type { ActivityKind, BusinessCalendar, Lead } from '../../src/data/model.js';

/** Chicago: Mon-Fri 9-18, Sat 9-13, Sunday closed. DST starts Sun 2026-03-08 (CDT = UTC-5 from then). */
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
};

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
    salespersonId: null,
    salespersonName: null,
    activities: activities.map(([kind, at], i) => ({ id: `${id}-${i}`, kind, at, by: 'Sam' })),
    ...more,
  };
}

const ids = (rows: readonly LeadQueueRow[]) => rows.map((r) => r.lead.id);
const at = (iso: string, leads: Lead[]) => buildLeadQueue(leads, DEFAULT_OEM_RULES, chicago, iso);

describe('buildLeadQueue', () => {
  // Now: Mon 2026-03-09 10:20 CDT.
  const now = '2026-03-09T15:20:00.000Z';
  const leads = [
    // Toyota (3 business hours), received 8:00, counts from the 9:00 opening: 80 min used, 100 left.
    lead('toyota', 'Toyota', '2026-03-09T13:00:00.000Z'),
    // Ford (1 business hour), received 10:00: 20 min used, 40 left.
    lead('ford-b', 'Ford', '2026-03-09T15:00:00.000Z'),
    lead('ford-a', 'Ford', '2026-03-09T15:00:00.000Z'),
    // Ford received 9:00: 80 min used, overdue by 20.
    lead('ford-late', 'Ford', '2026-03-09T14:00:00.000Z', { managerFlag: { at: '2026-03-09T15:10:00.000Z', by: 'Kim', note: null } }),
    // Ford received Sat 9:00 CST: Saturday's 4 hours and 80 min of Monday, overdue by 260.
    lead('ford-saturday', 'Ford', '2026-03-07T15:00:00.000Z'),
    // Ford answered by email at 10:15: met, not in the queue.
    lead('ford-met', 'Ford', '2026-03-09T15:10:00.000Z', {}, [['email-sent', '2026-03-09T15:15:00.000Z']]),
    // An auto-response never stops the clock: still in the queue, 15 min used, 45 left; no email address.
    lead('ford-no-email', 'Ford', '2026-03-09T15:05:00.000Z', { email: null }, [['auto-response', '2026-03-09T15:05:10.000Z']]),
  ];

  it('lists running and overdue leads across OEMs, the most overdue first, then by time left', () => {
    const rows = at(now, leads);
    expect(ids(rows)).to.deep.equal(['ford-saturday', 'ford-late', 'ford-a', 'ford-b', 'ford-no-email', 'toyota']);
    expect(rows.map((r) => Math.round(r.state.remainingMinutes))).to.deep.equal([-260, -20, 40, 40, 45, 100]);
    expect(rows.map((r) => r.state.status)).to.deep.equal(['overdue', 'overdue', 'running', 'running', 'running', 'running']);
    expect(rows.map((r) => r.state.dueAt)).to.deep.equal([
      '2026-03-07T16:00:00.000Z',
      '2026-03-09T15:00:00.000Z',
      '2026-03-09T16:00:00.000Z',
      '2026-03-09T16:00:00.000Z',
      '2026-03-09T16:05:00.000Z',
      '2026-03-09T17:00:00.000Z',
    ]);
  });

  it('gives each row its rule, the kinds that stop it, why it cannot be stopped and its flag', () => {
    const rows = at(now, leads);
    const byId = new Map(rows.map((r) => [r.lead.id, r]));
    expect(byId.get('toyota')!.rule.id).to.equal('toyota');
    expect(byId.get('ford-a')!.stopKinds).to.deep.equal(['email-sent', 'ebrochure-sent']);
    expect(byId.get('ford-no-email')!.unstoppable).to.equal('no-email');
    expect(byId.get('ford-a')!.unstoppable).to.equal(null);
    expect(byId.get('ford-late')!.flagged).to.equal(true);
    expect(byId.get('ford-a')!.flagged).to.equal(false);
    expect(byId.get('toyota')!.stopKinds).to.not.include('auto-response');
  });

  it('puts a lead of a make no rule covers under the dealer default of 1 business hour', () => {
    const rows = at(now, [lead('lada', 'Lada', '2026-03-09T15:00:00.000Z')]);
    expect(rows[0]!.rule.id).to.equal('none');
    expect(rows[0]!.state.remainingMinutes).to.equal(40);
  });

  it('is empty when every clock has stopped', () => {
    expect(at(now, [leads[5]!])).to.deep.equal([]);
  });
});

describe('queue thresholds and crossings', () => {
  // Ford received Mon 10:00 CDT: due 11:00 CDT (16:00Z).
  const ford = lead('ford', 'Ford', '2026-03-09T15:00:00.000Z');
  const look = (iso: string, seen: ReadonlyMap<string, number> | null, leads: Lead[] = [ford]) =>
    queueCrossings(at(iso, leads), DEFAULT_QUEUE_THRESHOLDS, seen);
  const said = (c: ReturnType<typeof look>['crossings']) => c.map((x) => `${x.row.lead.id} ${x.kind} ${x.threshold} ${x.minutesLeft}`);

  it('cleans the thresholds: whole, positive, largest first, once', () => {
    expect(DEFAULT_QUEUE_THRESHOLDS).to.deep.equal([15, 5]);
    expect(queueThresholds([5, 15, 5, -1, 0, NaN, 2.4])).to.deep.equal([15, 5, 2]);
    expect(queueThresholds([])).to.deep.equal([]);
  });

  it('places a clock by the thresholds it is within, at the threshold included', () => {
    const level = (remainingMinutes: number, status: 'running' | 'overdue' = 'running') => queueLevel({ state: { status, remainingMinutes } }, [15, 5]);
    expect([level(15.5), level(15), level(12), level(5), level(0.5), level(-3, 'overdue')]).to.deep.equal([0, 1, 1, 2, 2, 3]);
  });

  it('announces each threshold once, then overdue once, as time passes', () => {
    let seen = look('2026-03-09T15:40:00.000Z', null).seen; // 20 min left: the first look announces nothing
    expect([...seen]).to.deep.equal([['ford', 0]]);
    const steps: string[][] = [];
    for (const t of ['15:44:00', '15:45:00', '15:46:00', '15:55:00', '15:56:00', '16:00:00', '16:05:00']) {
      const result = look(`2026-03-09T${t}.000Z`, seen);
      steps.push(said(result.crossings));
      seen = result.seen;
    }
    expect(steps).to.deep.equal([
      [], // 16 left
      ['ford due-soon 15 15'],
      [], // 14 left
      ['ford due-soon 5 5'],
      [], // 4 left
      ['ford overdue null 0'], // due at 11:00: overdue from that instant
      [],
    ]);
  });

  it('rounds the minutes left up', () => {
    const seen = look('2026-03-09T15:40:00.000Z', null).seen;
    expect(said(look('2026-03-09T15:45:30.000Z', seen).crossings)).to.deep.equal(['ford due-soon 15 15']); // 14.5 left
  });

  it('announces only the furthest step reached since the last look', () => {
    const seen = look('2026-03-09T15:40:00.000Z', null).seen;
    expect(said(look('2026-03-09T15:57:00.000Z', seen).crossings)).to.deep.equal(['ford due-soon 5 3']);
    expect(said(look('2026-03-09T16:30:00.000Z', seen).crossings)).to.deep.equal(['ford overdue null 0']);
  });

  it('does not announce what the queue already shows on its first look', () => {
    const first = look('2026-03-09T16:30:00.000Z', null);
    expect(first.crossings).to.deep.equal([]);
    expect([...first.seen]).to.deep.equal([['ford', 3]]);
  });

  it('announces a lead that arrives after the first look, forgets an answered one and lowers one given more time', () => {
    const seen = look('2026-03-09T15:40:00.000Z', null).seen;
    // A Ford lead received 9:50 has 10 min left at 10:40: not seen before, so it announces at once.
    const late = lead('late', 'Ford', '2026-03-09T14:50:00.000Z');
    const next = look('2026-03-09T15:40:00.000Z', seen, [ford, late]);
    expect(said(next.crossings)).to.deep.equal(['late due-soon 15 10']);
    // Answered: it leaves the queue and the record.
    const answered = { ...late, activities: [{ id: 'x', kind: 'email-sent' as const, at: '2026-03-09T15:41:00.000Z', by: 'Sam' }] };
    expect([...look('2026-03-09T15:42:00.000Z', next.seen, [ford, answered]).seen]).to.deep.equal([['ford', 0]]);
    // Recorded within 5 minutes, now 20 left (a longer limit): recorded at 0, so it can announce again.
    const lowered = look('2026-03-09T15:40:00.000Z', new Map([['ford', 2]]));
    expect(lowered.crossings).to.deep.equal([]);
    expect(lowered.seen.get('ford')).to.equal(0);
  });
});

describe('queueRange', () => {
  it('reads the given days back to today in the dealer’s zone', () => {
    // 03:00Z on Mar 9 is still Sunday Mar 8, 22:00 CDT in Chicago.
    expect(queueRange(Date.parse('2026-03-09T03:00:00Z'), 'America/Chicago', 7)).to.deep.equal({ from: '2026-03-01', to: '2026-03-08' });
    expect(queueRange(Date.parse('2026-03-09T15:00:00Z'), 'America/Chicago', 2)).to.deep.equal({ from: '2026-03-07', to: '2026-03-09' });
    expect(queueRange(Date.parse('2026-03-09T15:00:00Z'), 'America/Chicago', 0), 'a bad count: the default week').to.deep.equal({
      from: '2026-03-02',
      to: '2026-03-09',
    });
  });
});

describe('flagLead', () => {
  const base = lead('l1', 'Ford', '2026-03-09T15:00:00.000Z');

  it('sets the flag with the time, who and the trimmed note; clears it; replaces an earlier one', () => {
    const flagged = flagLead(base, { leadId: 'l1', flagged: true, note: '  Customer called twice ' }, '2026-03-09T17:00:00.000Z', 'Kim');
    expect(flagged.managerFlag).to.deep.equal({ at: '2026-03-09T17:00:00.000Z', by: 'Kim', note: 'Customer called twice' });
    expect(base.managerFlag, 'the stored lead is not changed').to.equal(undefined);
    const again = flagLead(flagged, { leadId: 'l1', flagged: true, note: '   ' }, '2026-03-09T17:05:00.000Z', null);
    expect(again.managerFlag).to.deep.equal({ at: '2026-03-09T17:05:00.000Z', by: null, note: null });
    expect(flagLead(again, { leadId: 'l1', flagged: false }, '2026-03-09T17:10:00.000Z', 'Kim').managerFlag).to.equal(null);
  });

  it('refuses a note too long or not text, and a flag that is not true or false', () => {
    const refused = (change: unknown) => {
      try {
        flagLead(base, change as never, '2026-03-09T17:00:00.000Z', null);
        return null;
      } catch (error) {
        return error instanceof AdapterError ? `${error.kind}: ${error.message}` : String(error);
      }
    };
    expect(refused({ leadId: 'l1', flagged: true, note: 'x'.repeat(501) })).to.equal('rejected: A flag note can have at most 500 characters.');
    expect(refused({ leadId: 'l1', flagged: true, note: 'x'.repeat(500) })).to.equal(null);
    expect(refused({ leadId: 'l1', flagged: true, note: 42 })).to.equal('rejected: A flag note must be text.');
    expect(refused({ leadId: 'l1', flagged: 'yes' })).to.equal('rejected: A flag change needs flagged: true or false.');
  });
});
