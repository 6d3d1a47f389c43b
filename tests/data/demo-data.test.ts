import { expect } from '@open-wc/testing';
import { followUpDue } from '../../src/data/logic/vehicles-follow-up.js';
import { DateTime } from 'luxon';
import { BLOCKED_SENDER, DEMO_ZONE, generateDataset, mulberry32, usHolidays } from '../../src/data/demo-data.js';
import { evaluateLead, ruleForMake, summarizeLeadResponses } from '../../src/data/logic/leads.js';
import { summarizeSms } from '../../src/data/logic/sms.js';
import { buildSourceReport, isSourceUnknown, mappingStatus } from '../../src/data/logic/sources.js';

describe('generateDataset', () => {
  const data = generateDataset({ seed: 11, size: 'small' });

  it('is deterministic: the same seed gives the same data, another seed other data', () => {
    expect(generateDataset({ seed: 11, size: 'small' })).to.deep.equal(data);
    const other = generateDataset({ seed: 12, size: 'small' });
    expect(other.customers.map((c) => c.firstName)).not.to.deep.equal(data.customers.map((c) => c.firstName));
    expect(mulberry32(1)()).to.equal(mulberry32(1)());
  });

  it('sizes the data, and lets counts be overridden', () => {
    expect([data.customers.length, data.sms.length, data.traffic.length, data.board.length]).to.deep.equal([300, 500, 2000, 15]);
    const bench = generateDataset({ size: 'bench', smsCount: 1200, trafficCount: 3000 });
    expect([bench.customers.length, bench.sms.length, bench.traffic.length]).to.deep.equal([20_000, 1200, 3000]);
  });

  it('describes a dealer in Chicago with real hours and the year’s US holidays', () => {
    expect(data.today).to.equal('2026-11-23');
    expect(data.dealer.zone).to.equal('America/Chicago');
    expect(data.dealer.hours).to.deep.equal({ ...Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:00', '19:00']]])), sat: [['09:00', '17:00']] });
    expect(data.dealer.holidays).to.include.members(['2026-11-26', '2026-09-07', '2026-05-25', '2026-07-04', '2026-12-25']);
    expect(usHolidays(2025)).to.deep.equal(['2025-01-01', '2025-05-26', '2025-07-04', '2025-09-01', '2025-11-27', '2025-12-25']);
  });

  it('references only records that exist', () => {
    const sources = new Set(data.sources.map((s) => s.id));
    const customers = new Set(data.customers.map((c) => c.id));
    const categories = new Set(data.categories.map((c) => c.id));
    const missing = [
      ...data.customers.filter((c) => c.sourceId && !sources.has(c.sourceId)).map((c) => `customer ${c.id}`),
      ...data.sources.filter((s) => s.categoryId && !categories.has(s.categoryId)).map((s) => `source ${s.id}`),
      ...data.invoices.filter((i) => !customers.has(i.customerId)).map((i) => `invoice ${i.id}`),
      ...data.spend.filter((s) => !categories.has(s.categoryId) || (s.sourceId && !sources.has(s.sourceId))).map((s) => `spend ${s.id}`),
      ...data.board.filter((b) => !customers.has(b.customerId)).map((b) => `board ${b.id}`),
      ...data.sms.filter((m) => m.customerId && !customers.has(m.customerId)).map((m) => `sms ${m.id}`),
      ...data.wants.filter((w) => !customers.has(w.customerId)).map((w) => `want ${w.id}`),
      ...data.deleted.filter((d) => d.mergedIntoId && !customers.has(d.mergedIntoId)).map((d) => `deleted ${d.id}`),
      ...data.deleted.filter((d) => d.kind === 'customer' && customers.has(d.customerId)).map((d) => `deleted ${d.id} still exists`),
    ];
    expect(missing).to.deep.equal([]);
    const ids = [data.customers, data.sms, data.traffic, data.leads, data.invoices, data.deleted, data.wants].map(
      (list) => new Set(list.map((x) => x.id)).size === list.length,
    );
    expect(ids).to.deep.equal([true, true, true, true, true, true, true]);
  });

  it('has messy source codes, about a third unmapped, so the report has an unknown bucket', () => {
    const codes = data.sources.map((s) => s.code);
    expect(codes).to.include.members(['GOOG', 'Yelp!', 'DRIVEBY', 'REF-FRIEND', '', '<b>WALK</b>']);
    expect(data.sources.length).to.be.within(55, 70);
    const status = mappingStatus(data.sources, data.customers);
    expect(status.mapped / status.total).to.be.within(0.55, 0.75);
    expect(data.customers.some((c) => c.sourceId === null)).to.equal(true);
    const report = buildSourceReport(data, { from: '2025-11-24', to: '2026-11-23' });
    expect(report.categories.at(-1)!.id).to.equal('unknown');
    expect(report.categories.at(-1)!.newCustomers).to.be.greaterThan(0);
    expect(report.totals.spend).to.be.greaterThan(0);
    expect(report.totals.revenue).to.be.greaterThan(0);
  });

  it('puts today’s vehicles on the board, some with an unknown source', () => {
    const byId = new Map(data.sources.map((s) => [s.id, s]));
    expect(data.board.every((b) => b.date === data.today && b.sourceUnknown === isSourceUnknown(b.sourceId, byId))).to.equal(true);
    expect(data.board.filter((b) => b.sourceUnknown).length).to.be.within(1, 14);
  });

  it('has texts from both providers with their error codes, and a sender carriers start blocking this month', () => {
    expect(new Set(data.sms.map((m) => m.provider))).to.deep.equal(new Set(['twilio', 'bandwidth']));
    const codes = new Set(data.sms.map((m) => m.errorCode).filter(Boolean));
    expect([...codes].some((c) => c!.startsWith('30'))).to.equal(true);
    expect([...codes].some((c) => /^[459]\d{3}$/.test(c!))).to.equal(true);
    expect(data.sms.every((m, i) => i === 0 || data.sms[i - 1]!.sentAt <= m.sentAt)).to.equal(true);
    // The demo's size: the small dataset has too few texts a month for a warning (20 sent from one number).
    const demo = generateDataset({ seed: 11, size: 'demo' });
    const summary = summarizeSms(demo.sms, { from: '2026-11-01', to: '2026-11-23' }, demo.dealer.zone);
    expect(summary.blocking[0]?.number).to.equal(BLOCKED_SENDER);
    expect(summarizeSms(demo.sms, { from: '2026-10-01', to: '2026-10-23' }, demo.dealer.zone).blocking.map((f) => f.number)).not.to.include(
      BLOCKED_SENDER,
    );
  });

  it('spreads texts over the whole year, every day with its share, closed days quieter', () => {
    const perDay = new Map<string, number>();
    for (const m of data.sms) {
      const day = DateTime.fromISO(m.sentAt, { zone: data.dealer.zone }).toISODate()!;
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const first = DateTime.fromISO(data.today, { zone: data.dealer.zone }).minus({ years: 1 }).plus({ days: 1 });
    const days = Array.from({ length: 365 }, (_, i) => first.plus({ days: i }));
    // 500 texts over 365 days: one or two each open day, at least one each closed day.
    expect(days.filter((d) => !perDay.get(d.toISODate()!)).map((d) => d.toISODate())).to.deep.equal([]);
    expect(Math.max(...perDay.values())).to.be.at.most(3);
    const months = new Map<string, number>();
    for (const [day, n] of perDay) months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + n);
    // Whole months between 38 and 47 texts (500 / 12 = 42): no month is crowded.
    for (const [month, n] of months) if (month > days[0]!.toFormat('yyyy-MM') && month < data.today.slice(0, 7)) expect(n, month).to.be.within(38, 47);
  });

  it('has leads across the OEMs, with auto-responses and after-hours arrivals', () => {
    const makes = new Set(data.leads.map((l) => l.make));
    expect(makes.size).to.be.at.least(8);
    expect(data.leads.filter((l) => ruleForMake(l.make, data.rules)).length / data.leads.length).to.be.above(0.9);
    expect(data.leads.some((l) => l.activities.some((a) => a.kind === 'auto-response'))).to.equal(true);
    const afterHours = data.leads.filter((l) => {
      const t = DateTime.fromISO(l.receivedAt, { zone: data.dealer.zone });
      return t.weekday === 7 || t.hour < 8 || t.hour >= 19;
    });
    expect(afterHours.length).to.be.greaterThan(5);
  });

  it('has leads answered by the BDC and by colleagues, and the customer’s own contact by no one', () => {
    const CUSTOMER = ['email-received', 'call-incoming', 'text-received'];
    const all = data.leads.flatMap((l) => l.activities);
    expect(all.filter((a) => CUSTOMER.includes(a.kind)).every((a) => a.by === null)).to.equal(true);
    expect(all.filter((a) => !CUSTOMER.includes(a.kind) && a.kind !== 'auto-response').every((a) => a.by)).to.equal(true);
    const range = { from: data.leads[0]!.receivedAt.slice(0, 10), to: data.today };
    const summary = summarizeLeadResponses(data.leads, { range, rules: data.rules, calendar: data.dealer, nowIso: `${data.today}T23:59:59.000Z` });
    const people = new Set(data.leads.map((l) => l.salespersonName));
    const bdc = summary.byResponder.filter((r) => r.key.startsWith('by:') && !people.has(r.label));
    expect(bdc.map((r) => r.label)).to.deep.equal(['Nadia Brooks']);
    expect(bdc[0]!.forOthers).to.be.greaterThan(10);
    // Colleagues answer for each other too.
    expect(summary.byResponder.filter((r) => people.has(r.label) && r.forOthers! > 0).length).to.be.at.least(3);
    expect(summary.byResponder.find((r) => r.key === 'customer')?.count).to.be.greaterThan(0);
    expect(summary.byResponder.reduce((n, r) => n + r.count, 0)).to.equal(summary.total.count);
    expect(summary.byProvider.length).to.be.at.least(3);
  });

  it('puts store traffic inside opening hours, in time order', () => {
    const outside = data.traffic.filter((e) => {
      const t = DateTime.fromISO(e.at, { zone: data.dealer.zone });
      const close = t.weekday === 6 ? 17 : 19;
      const open = t.weekday === 6 ? 9 : 8;
      return t.weekday === 7 || t.hour < open || t.hour >= close || data.dealer.holidays.includes(t.toISODate()!);
    });
    expect(outside.map((e) => e.at)).to.deep.equal([]);
    expect(data.traffic.every((e, i) => i === 0 || data.traffic[i - 1]!.at <= e.at)).to.equal(true);
    expect(new Set(data.traffic.map((e) => e.outcome))).to.deep.equal(new Set(['sold', 'not-sold', 'pending']));
  });

  it('has wants for customers who need a car located, and deleted and merged customers', () => {
    const customers = new Map(data.customers.map((c) => [c.id, c]));
    expect(data.wants.every((w) => customers.get(w.customerId)!.status === w.customerStatus)).to.equal(true);
    expect(data.wants.filter((w) => w.customerStatus === 'need-car-locate').length).to.be.at.least(10);
    // Follow-ups: a third never contacted, the rest called 2 days ago or 9 to 13 days ago (due at 7), never before the want.
    const contact = (w: (typeof data.wants)[number]) => (w.lastContactAt ? Date.parse(w.lastContactAt) : null);
    expect(data.wants.every((w) => w.version === 1 && (contact(w) ?? Infinity) >= Date.parse(w.createdAt))).to.equal(true);
    expect(data.wants.filter((_w, i) => (i + 1) % 3 === 0).every((w) => w.lastContactAt === null && w.followUpNote === null)).to.equal(true);
    const due = data.wants.filter((w) => w.customerStatus === 'need-car-locate' && followUpDue(w, Date.parse(`${data.today}T18:00:00Z`), 7));
    expect(due.length).to.be.at.least(5);
    expect(due.some((w) => w.lastContactAt !== null)).to.equal(true);
    expect(new Set(data.deleted.map((d) => d.kind))).to.deep.equal(new Set(['customer', 'merge-leftover']));
  });

  it('gives deleted customers whole snapshots: every field, related records, a two-word first name, one with no first visit', () => {
    const whole = data.deleted.filter((d) => d.kind === 'customer');
    expect(whole[0]!.fields).to.include({ firstName: 'Mary Ann' });
    expect(whole[0]!.customerName).to.equal(`Mary Ann ${whole[0]!.fields.lastName}`);
    expect(whole[1]!.fields.firstVisit).to.equal('');
    expect(whole.every((d) => d.fields.address && d.fields.city && d.fields.postalCode)).to.equal(true);
    const related = (kind: 'vehicles' | 'notes' | 'wants') => data.deleted.filter((d) => d.related?.[kind]?.length).length;
    expect([related('vehicles'), related('notes'), related('wants')].every((n) => n > 0)).to.equal(true);
    // Every restored record is in the restore log once.
    expect(data.restoreLog!.map((e) => e.recordId).sort()).to.deep.equal(data.deleted.filter((d) => d.restoredAt).map((d) => d.id).sort());
  });
});

describe('generateDataset as of a moment of the day (the demo on the real today)', () => {
  /** [why, the instant in Chicago]: the 1st of a month, a DST change on a closed Sunday, New Year's Eve, a holiday on the 1st, before opening. */
  const MOMENTS: [string, string][] = [
    ['the 1st of a month', '2026-12-01T10:05'],
    ['the DST change, a Sunday the shop is closed', '2026-03-08T11:30'],
    ["New Year's Eve", '2026-12-31T16:40'],
    ["New Year's Day, a holiday on the 1st", '2027-01-01T09:15'],
    ['a Monday before opening', '2026-12-07T06:50'],
  ];

  for (const [why, local] of MOMENTS) {
    it(`shows a live shop up to now on ${why}`, () => {
      const nowDt = DateTime.fromISO(local, { zone: DEMO_ZONE });
      const now = nowDt.toMillis();
      const today = nowDt.toISODate()!;
      const data = generateDataset({ seed: 3, size: 'small', today, now });
      const monthStart = nowDt.startOf('month').toMillis();
      const midnight = nowDt.startOf('day').toMillis();
      const at = (iso: string) => Date.parse(iso);
      const after = [
        ...data.sms.filter((m) => at(m.sentAt) > now).map((m) => m.id),
        ...data.traffic.filter((e) => at(e.at) > now).map((e) => e.id),
        ...data.leads.filter((l) => at(l.receivedAt) > now || l.activities.some((a) => at(a.at) > now)).map((l) => l.id),
        ...data.deleted.filter((d) => at(d.deletedAt) > now).map((d) => d.id),
      ];
      expect(after, 'nothing after now').to.deep.equal([]);
      expect(data.traffic.filter((e) => at(e.at) >= monthStart).length, 'ups this month').to.be.at.least(5);
      expect(data.traffic.filter((e) => at(e.at) >= midnight).length, 'ups today').to.be.at.least(5);
      expect(data.traffic.every((e, i) => i === 0 || data.traffic[i - 1]!.at <= e.at), 'ups in time order').to.equal(true);
      expect(data.leads.filter((l) => at(l.receivedAt) >= midnight).length, 'leads today').to.be.at.least(6);
      expect(data.sms.filter((m) => at(m.sentAt) >= monthStart).length, 'texts this month').to.be.at.least(1);
      expect(data.board.length, 'vehicles today').to.equal(18);
      expect(data.board.every((b) => b.date === today)).to.equal(true);
      expect(data.customers.filter((c) => c.firstVisit === today).length, 'new customers today').to.be.at.least(3);
      // Clocks still running, one of them (GM's real-time five hours) due within minutes of now.
      const nowIso = new Date(now).toISOString();
      const clocks = data.leads.map((l) => evaluateLead(l, l.activities, ruleForMake(l.make, data.rules)!, data.dealer, nowIso));
      const running = clocks.filter((c) => c.status === 'running');
      expect(running.length, 'running clocks').to.be.at.least(why.includes('closed') || why.includes('holiday') || why.includes('before') ? 1 : 3);
      expect(running.some((c) => at(c.dueAt) - now <= 15 * 60_000), 'a clock due within 15 minutes').to.equal(true);
      expect(generateDataset({ seed: 3, size: 'small', today, now }), 'deterministic').to.deep.equal(data);
    });
  }

  /** The demo on an early day of a month: the summary compares the month so far with the same days of the month before. */
  for (const local of ['2026-12-07T10:00', '2026-12-07T18:30', '2027-01-02T09:30', '2026-12-01T10:05']) {
    it(`compares the texts of the month so far with the same days a month earlier like with like (${local})`, () => {
      const nowDt = DateTime.fromISO(local, { zone: DEMO_ZONE });
      const data = generateDataset({ size: 'demo', today: nowDt.toISODate()!, now: nowDt.toMillis() });
      const { current, previous } = summarizeSms(data.sms, { from: nowDt.startOf('month').toISODate()!, to: nowDt.toISODate()! }, DEMO_ZONE);
      const change = (now: number, before: number) => now / before - 1;
      // Days differ (a Sunday or a holiday against a weekday is a quarter quieter), never by +146%.
      expect(change(current.inbound + current.outbound, previous.inbound + previous.outbound), 'all texts').to.be.within(-0.35, 0.35);
      expect(change(current.outbound, previous.outbound), 'texts out').to.be.within(-0.35, 0.35);
      expect(current.inbound + current.outbound, 'texts so far').to.be.at.least(40);
    });
  }

  it('keeps every record when the same day is read later, and leaves the tests’ data (no now) as it was', () => {
    const morning = generateDataset({ seed: 3, size: 'small', today: '2026-12-07', now: DateTime.fromISO('2026-12-07T09:00', { zone: DEMO_ZONE }).toMillis() });
    const evening = generateDataset({ seed: 3, size: 'small', today: '2026-12-07', now: DateTime.fromISO('2026-12-07T18:00', { zone: DEMO_ZONE }).toMillis() });
    const ids = (d: typeof morning) => [d.customers, d.sms, d.leads, d.traffic, d.board].map((list) => list.map((x) => x.id).sort());
    expect(ids(evening)).to.deep.equal(ids(morning));
    // Not only the same ids: the same records (a text entering the last two days as the day went on
    // once shifted every later draw, so the deleted list read 11 records in the morning, 9 at night).
    expect(evening.deleted).to.deep.equal(morning.deleted);
    expect(evening.wants).to.deep.equal(morning.wants);
    const yearLeads = (d: typeof morning) => d.leads.filter((l) => l.receivedAt < '2026-12-06').map((l) => [l.customerName, l.receivedAt, l.make]);
    expect(yearLeads(evening)).to.deep.equal(yearLeads(morning));
    const plain = generateDataset({ seed: 3, size: 'small', today: '2026-12-07' });
    expect([plain.customers.length, plain.leads.length, plain.traffic.length, plain.board.length]).to.deep.equal([300, 120, 2000, 15]);
  });
});
