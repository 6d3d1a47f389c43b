import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import { DateTime } from 'luxon';
import { DEFAULT_OEM_RULES, evaluateLead, evaluateLeads, summarizeLeadEvaluations, summarizeLeadResponses } from '../../src/data/logic/leads.js';
import { LeadClockStateSchema, LeadResponseSummarySchema } from '../../src/data/schemas.js';
import type { ActivityKind, DealerProfile, Lead, LeadActivity } from '../../src/data/model.js';

// Kia: 60 business minutes, stopped by an email, an e-brochure or a completed call; no target,
// so green up to half the limit (30 min, inclusive), yellow to 60, red past it.
const dealer: DealerProfile = {
  name: 'Prairie Motors',
  zone: 'America/Chicago',
  hours: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']] },
  holidays: [],
};
/** Monday 2026-03-16 at a wall time in Chicago (CDT), as ISO. */
const mon = (hhmm: string) => DateTime.fromISO(`2026-03-16T${hhmm}`, { zone: dealer.zone }).toUTC().toISO()!;
const nowIso = mon('12:00');
const range = { from: '2026-03-01', to: '2026-03-31' };

let seq = 0;
function lead(
  received: string,
  provider: string,
  assigned: string | null,
  activities: Array<[ActivityKind, string, string | null]>,
): Lead {
  seq++;
  return {
    id: `L${seq}`,
    receivedAt: mon(received),
    make: 'Kia',
    model: null,
    year: null,
    provider,
    customerName: 'Pat Doe',
    email: 'pat@example.com',
    phone: null,
    salespersonId: assigned && `sp-${assigned}`,
    salespersonName: assigned,
    activities: activities.map(([kind, at, by], i): LeadActivity => ({ id: `L${seq}a${i}`, kind, at: mon(at), by })),
  };
}

const ANA = 'Ana Ruiz';
const BO = 'Bo Li';
const CY = 'Cy Park'; // the BDC: assigned nothing, answers for everyone
const leads = [
  lead('10:00', 'Kia.com', ANA, [['email-sent', '10:20', ANA]]), // Ana, 20 min, green
  lead('10:00', ' Kia.com ', BO, [['email-sent', '10:10', CY]]), // Cy for Bo, 10 min, green
  lead('10:00', 'Cars.com', ANA, [['call-completed', '11:30', ` ${CY} `]]), // Cy for Ana, 90 min, missed
  lead('10:00', '', null, [['email-sent', '10:40', CY]]), // Cy, unassigned: nobody else's; 40 min, yellow
  lead('10:00', '   ', BO, [['ebrochure-sent', '10:05', null]]), // the system, 5 min, green
  lead('10:00', 'Cars.com', BO, [['auto-response', '10:01', null]]), // no response: overdue at 120 min, red
  lead('10:00', 'Kia.com', BO, [['email-sent', '10:30', BO]]), // Bo, 30 min, green (inclusive)
  lead('11:50', 'Kia.com', ANA, []), // no response: running, 10 min, green
];

describe('who answered and the lead source in the contact-time summary', () => {
  it('records who performed the stopping activity in the clock', () => {
    const [first, , third, , fifth, sixth] = leads.map((l) => evaluateLead(l, l.activities, DEFAULT_OEM_RULES.find((r) => r.id === 'kia')!, dealer, nowIso));
    expect(first!.stoppedBy).to.deep.equal({ kind: 'email-sent', at: mon('10:20'), by: ANA });
    expect(third!.stoppedBy).to.deep.equal({ kind: 'call-completed', at: mon('11:30'), by: ` ${CY} ` });
    expect(fifth!.stoppedBy).to.deep.equal({ kind: 'ebrochure-sent', at: mon('10:05'), by: null });
    expect(sixth!.stoppedBy).to.equal(undefined);
    // An activity that does not say who did it: null.
    const unsaid = evaluateLead(leads[0]!, [{ kind: 'email-sent', at: mon('10:20') }], DEFAULT_OEM_RULES.find((r) => r.id === 'kia')!, dealer, nowIso);
    expect(unsaid.stoppedBy).to.deep.equal({ kind: 'email-sent', at: mon('10:20'), by: null });
  });

  it('groups by responder: people first, with the answers they gave on leads assigned to someone else', () => {
    const summary = summarizeLeadResponses(leads, { range, calendar: dealer, nowIso });
    expect(summary.byResponder.map((r) => [r.key, r.label, r.count, r.forOthers])).to.deep.equal([
      [`by:${CY}`, CY, 3, 2],
      [`by:${ANA}`, ANA, 1, 0],
      [`by:${BO}`, BO, 1, 0],
      ['customer', 'Customer / system', 1, undefined],
      ['no-response', 'No response yet', 2, undefined],
    ]);
    expect(summary.byResponder[0]).to.deep.equal({
      key: `by:${CY}`,
      label: CY,
      count: 3,
      responded: 3,
      averageMinutes: (10 + 90 + 40) / 3,
      medianMinutes: 40,
      percentWithinLimit: (2 / 3) * 100,
      grades: { green: 1, yellow: 1, red: 1 },
      complianceMet: null,
      forOthers: 2,
    });
    expect(summary.byResponder[3]).to.not.have.property('forOthers');
    // The overdue lead counts in the figures (120 min, missed); the running one only in its grade.
    expect(summary.byResponder[4]).to.deep.include({
      responded: 0,
      averageMinutes: 120,
      medianMinutes: 120,
      percentWithinLimit: 0,
      grades: { green: 1, yellow: 0, red: 1 },
    });
    expect(summary.byResponder.reduce((n, r) => n + r.count, 0)).to.equal(summary.total.count);
  });

  it('groups by lead source: trimmed, blank as an unknown provider', () => {
    const summary = summarizeLeadResponses(leads, { range, calendar: dealer, nowIso });
    expect(summary.byProvider).to.deep.equal([
      {
        key: 'provider:Kia.com',
        label: 'Kia.com',
        count: 4,
        responded: 3,
        averageMinutes: 20,
        medianMinutes: 20,
        percentWithinLimit: 100,
        grades: { green: 4, yellow: 0, red: 0 },
        complianceMet: null,
      },
      {
        key: 'provider:Cars.com',
        label: 'Cars.com',
        count: 2,
        responded: 1,
        averageMinutes: 105,
        medianMinutes: 105,
        percentWithinLimit: 0,
        grades: { green: 0, yellow: 0, red: 2 },
        complianceMet: null,
      },
      {
        key: 'unknown',
        label: 'Unknown provider',
        count: 2,
        responded: 2,
        averageMinutes: 22.5,
        medianMinutes: 22.5,
        percentWithinLimit: 100,
        grades: { green: 1, yellow: 1, red: 0 },
        complianceMet: null,
      },
    ]);
    expect(summary.total).to.deep.include({ count: 8, responded: 6 });
  });

  it('gives the same tables from the evaluations a report kept (here: the leads assigned to Bo)', () => {
    const kept = evaluateLeads(leads, DEFAULT_OEM_RULES, dealer, nowIso).filter((e) => e.lead.salespersonName === BO);
    const summary = summarizeLeadEvaluations(kept, range);
    expect(summary.byResponder.map((r) => [r.label, r.count, r.forOthers])).to.deep.equal([
      [BO, 1, 0],
      [CY, 1, 1],
      ['Customer / system', 1, undefined],
      ['No response yet', 1, undefined],
    ]);
    expect(summary.byProvider.map((r) => [r.label, r.count])).to.deep.equal([
      ['Kia.com', 2],
      ['Cars.com', 1],
      ['Unknown provider', 1],
    ]);
  });

  it('reads a summary without the new tables (an older server) as empty ones, and checks them when present', () => {
    const summary = summarizeLeadResponses(leads, { range, calendar: dealer, nowIso });
    const { byResponder, byProvider, ...older } = summary;
    const read = v.parse(LeadResponseSummarySchema, JSON.parse(JSON.stringify(older)));
    expect([read.byResponder, read.byProvider]).to.deep.equal([[], []]);
    expect(v.parse(LeadResponseSummarySchema, JSON.parse(JSON.stringify(summary)))).to.deep.equal(summary);
    const bad = v.safeParse(LeadResponseSummarySchema, { ...summary, byResponder: [{ ...byResponder[0], forOthers: -1 }], byProvider });
    expect(bad.success).to.equal(false);
    const state = evaluateLead(leads[0]!, leads[0]!.activities, DEFAULT_OEM_RULES.find((r) => r.id === 'kia')!, dealer, nowIso);
    expect(v.parse(LeadClockStateSchema, state).stoppedBy?.by).to.equal(ANA);
  });
});
