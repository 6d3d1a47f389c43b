import { expect } from '@open-wc/testing';
import { DateTime } from 'luxon';
import { buildSmsIndex, filterSmsIndex, smsAtRow, summarizeSmsCounts, summarizeSmsIndex, summarizeSmsPeriodIndex, updateSmsIndex, type SmsDayCount } from '../../src/data/logic/sms-index.js';
import { filterSms, summarizeSms } from '../../src/data/logic/sms.js';
import { previousPeriod } from '../../src/data/logic/calendar-zones.js';
import { smsErrorCategoryOf } from '../../src/data/logic/sms-errors.js';
import { detectTemplateRisk } from '../../src/data/logic/sms-templates.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { generateDataset, mulberry32 } from '../../src/data/demo-data.js';
import type { DateRange, SmsFilter, SmsMessage, SmsSummary } from '../../src/data/model.js';

// ───────────── the reference: every message read, its local date from luxon ─────────────

/** Each message's calendar date in a zone, straight from luxon (null for a time that is not one). */
function localDates(log: readonly SmsMessage[], zone: string): Map<SmsMessage, string | null> {
  return new Map(log.map((m) => [m, DateTime.fromISO(m.sentAt, { setZone: true }).setZone(zone).toISODate()]));
}

function referenceMatches(m: SmsMessage, f: SmsFilter): boolean {
  const text = f.text?.trim().toLowerCase() ?? '';
  const has = (v: string | null) => v !== null && v.toLowerCase().includes(text);
  return (
    (!f.direction || m.direction === f.direction) &&
    (!f.status || m.status === f.status) &&
    (!f.errorCode?.trim() || (m.errorCode ?? '').trim() === f.errorCode.trim()) &&
    (!f.employeeId || m.employeeId === f.employeeId) &&
    (!f.customerId || m.customerId === f.customerId) &&
    (!f.errorCategory || smsErrorCategoryOf(m) === f.errorCategory) &&
    (!text || has(m.body) || has(m.from) || has(m.to) || has(m.customerName) || has(m.employeeName))
  );
}

/** The messages of a filter, oldest first (equal times in log order). */
function referenceFilter(log: readonly SmsMessage[], f: SmsFilter, dates: Map<SmsMessage, string | null>): SmsMessage[] {
  return log
    .map((m, i) => ({ m, i, date: dates.get(m) }))
    .filter(({ m, date }) => date != null && date >= f.from && date <= f.to && referenceMatches(m, f))
    .sort((a, b) => Date.parse(a.m.sentAt) - Date.parse(b.m.sentAt) || a.i - b.i)
    .map(({ m }) => m);
}

function referencePeriod(messages: SmsMessage[], range: DateRange, dates: Map<SmsMessage, string | null>) {
  const perDay: SmsSummary['current']['perDay'] = [];
  for (let d = DateTime.fromISO(range.from, { zone: 'UTC' }); d.toISODate()! <= range.to; d = d.plus({ days: 1 })) {
    perDay.push({ date: d.toISODate()!, inbound: 0, outbound: 0, delivered: 0, failed: 0, filtered: 0 });
  }
  const errorsByCategory: Record<string, number> = {};
  for (const m of messages) {
    const day = perDay.find((p) => p.date === dates.get(m))!;
    if (m.direction === 'inbound') day.inbound++;
    else {
      day.outbound++;
      if (m.status === 'delivered') day.delivered++;
      if (m.status === 'failed' || m.status === 'undelivered') day.failed++;
    }
    const category = smsErrorCategoryOf(m);
    if (category === 'carrier-filtered' && m.direction === 'outbound') day.filtered++;
    if (category) errorsByCategory[category] = (errorsByCategory[category] ?? 0) + 1;
  }
  const total = (key: 'inbound' | 'outbound' | 'delivered' | 'failed') => perDay.reduce((n, p) => n + p[key], 0);
  const delivered = total('delivered');
  const failed = total('failed');
  return {
    range: { from: range.from, to: range.to },
    inbound: total('inbound'),
    outbound: total('outbound'),
    delivered,
    failed,
    deliveryRate: delivered + failed ? delivered / (delivered + failed) : null,
    errorsByCategory,
    perDay,
  };
}

function referenceSummary(log: readonly SmsMessage[], f: SmsFilter, dates: Map<SmsMessage, string | null>): SmsSummary {
  const prev = previousPeriod(f);
  const current = referenceFilter(log, f, dates);
  const previous = referenceFilter(log, { ...f, ...prev }, dates);
  const shares = (list: SmsMessage[]) => {
    const byNumber = new Map<string, { sent: number; filtered: number }>();
    for (const m of list.filter((x) => x.direction === 'outbound')) {
      const s = byNumber.get(m.from) ?? { sent: 0, filtered: 0 };
      s.sent++;
      if (smsErrorCategoryOf(m) === 'carrier-filtered') s.filtered++;
      byNumber.set(m.from, s);
    }
    return byNumber;
  };
  const before = shares(previous);
  const blocking = [...shares(current)]
    .map(([number, { sent, filtered }]) => {
      const p = before.get(number);
      return { number, share: filtered / sent, previousShare: p ? p.filtered / p.sent : 0, filtered, sent };
    })
    .filter((x) => x.sent >= 20 && x.share >= 0.05 && x.share >= 2 * x.previousShare)
    .sort((a, b) => b.share - a.share || a.number.localeCompare(b.number));
  return { current: referencePeriod(current, f, dates), previous: referencePeriod(previous, prev, dates), blocking };
}

// ───────────── varied logs ─────────────

const SENDERS = ['+13125550100', '+13125550101', '+13125550102'];
const CODES: [SmsMessage['provider'], string, SmsMessage['status']][] = [
  ['twilio', '30007', 'undelivered'],
  ['twilio', ' 30007 ', 'undelivered'],
  ['twilio', '30006', 'undelivered'],
  ['bandwidth', '4720', 'failed'],
  ['bandwidth', '4470', 'failed'],
  ['twilio', '99999', 'failed'],
];
const BODIES = ['Your car is ready for pickup', 'Reminder: oil change tomorrow', 'Thanks!', 'Is my truck done?'];

/** Texts over February-April and October-November 2026, some on zone midnights, some sharing an instant, a few with no valid time. */
function makeLog(seed: number, count: number, zone: string): SmsMessage[] {
  const rng = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
  const spans = [
    [Date.parse('2026-01-25T00:00:00Z'), Date.parse('2026-04-10T00:00:00Z')],
    [Date.parse('2026-09-25T00:00:00Z'), Date.parse('2026-11-20T00:00:00Z')],
  ];
  const log: SmsMessage[] = [];
  let previous = NaN;
  for (let i = 0; i < count; i++) {
    const [a, b] = pick(spans);
    let t = a! + Math.floor(rng() * (b! - a!));
    const edge = rng();
    // Exactly a local midnight, or the millisecond before it.
    if (edge < 0.05) t = DateTime.fromMillis(t, { zone }).startOf('day').toMillis() - (edge < 0.025 ? 1 : 0);
    if (edge > 0.97 && previous === previous) t = previous;
    previous = t;
    const inbound = rng() < 0.3;
    const from = pick(SENDERS);
    // Carriers filter more of the second number's texts in March and November.
    const month = new Date(t).getUTCMonth();
    const errorRate = from === SENDERS[1] && (month === 2 || month === 10) ? 0.4 : 0.06;
    const error = !inbound && rng() < errorRate ? pick(CODES) : null;
    const employee = inbound ? null : pick(['e1', 'e2', 'e3', null]);
    const customer = pick(['c1', 'c2', 'c3', 'c4', null]);
    log.push({
      id: `m${seed}-${i}`,
      provider: error ? error[0] : pick(['twilio', 'bandwidth']),
      direction: inbound ? 'inbound' : 'outbound',
      from: inbound ? `+1773555${1000 + Math.floor(rng() * 40)}` : from,
      to: inbound ? from : `+1773555${1000 + Math.floor(rng() * 40)}`,
      body: pick(BODIES),
      status: inbound ? 'received' : error ? error[2] : pick(['delivered', 'delivered', 'sent', 'queued']),
      errorCode: error ? error[1] : null,
      sentAt: rng() < 0.003 ? 'not a time' : new Date(t).toISOString(),
      segments: 1,
      employeeId: employee,
      employeeName: employee ? `Employee ${employee}` : null,
      customerId: customer,
      customerName: customer ? `Customer ${customer.toUpperCase()}` : null,
    });
  }
  return log;
}

/** Oldest first, messages without a valid time last. */
const byTime = (log: SmsMessage[]) => log.map((m, i) => ({ m, i, t: Date.parse(m.sentAt) || Infinity })).sort((a, b) => a.t - b.t || a.i - b.i).map((x) => x.m);

const RANGES: DateRange[] = [
  { from: '2026-03-01', to: '2026-03-31' }, // whole month, compared with February
  { from: '2026-03-08', to: '2026-03-08' }, // US spring-forward day (Havana: midnight does not exist)
  { from: '2026-03-29', to: '2026-03-31' }, // EU spring-forward; February 28 before it (clamped)
  { from: '2026-04-05', to: '2026-04-05' }, // Lord Howe's fall-back
  { from: '2026-10-15', to: '2026-11-14' }, // across the fall-back days
  { from: '2026-11-01', to: '2026-11-01' }, // US fall-back day
  { from: '2026-06-01', to: '2026-06-30' }, // no texts at all
  { from: '2026-01-01', to: '2026-04-30' }, // several months
];
const FILTERS: Omit<SmsFilter, 'from' | 'to'>[] = [
  {},
  { direction: 'outbound' },
  { direction: 'inbound' },
  { status: 'undelivered' },
  { errorCategory: 'carrier-filtered' },
  { errorCategory: 'landline-or-unreachable' },
  { errorCode: ' 30007' },
  { errorCode: '12345' },
  { employeeId: 'e2' },
  { customerId: 'c3', direction: 'outbound' },
  { text: 'READY' },
  { direction: 'outbound', employeeId: 'e1', text: '3125550101' },
  { employeeId: 'nobody' },
];
const ZONES = ['America/Chicago', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Havana', 'Asia/Kolkata', 'UTC'];

describe('SMS index', () => {
  ZONES.forEach((zone, z) => {
    // Half the logs in time order (as the adapter keeps them), half shuffled.
    const raw = makeLog(z + 1, 2500, zone);
    const log = z % 2 ? raw : byTime(raw);
    const dates = localDates(log, zone);

    it(`summarizes every range and filter as reading every message does (${zone}, ${z % 2 ? 'any order' : 'time order'})`, () => {
      const index = buildSmsIndex(log, zone);
      let flagged = 0;
      for (const range of RANGES) {
        for (const filter of FILTERS) {
          const f = { ...filter, ...range };
          const expected = referenceSummary(log, f, dates);
          const summary = summarizeSmsIndex(index, f);
          expect(summary, `${JSON.stringify(f)} in ${zone}`).to.deep.equal(expected);
          expect(summarizeSmsPeriodIndex(index, range, filter)).to.deep.equal(expected.current);
          flagged += summary.blocking.length;
        }
      }
      // The fixture does make some numbers look blocked.
      expect(flagged).to.be.greaterThan(0);
      expect(summarizeSms(log, { from: '2026-03-01', to: '2026-03-31' }, zone)).to.deep.equal(referenceSummary(log, { from: '2026-03-01', to: '2026-03-31' }, dates));
    });

    it(`summarizes a daily rollup of the texts as reading every message does (${zone})`, () => {
      // What a server's rollup holds: the texts of a filter grouped by local day, sender, direction, status and category.
      const rollup = (texts: readonly SmsMessage[]): SmsDayCount[] => {
        const groups = new Map<string, SmsDayCount>();
        for (const m of texts) {
          const group = { date: dates.get(m)!, from: m.from, direction: m.direction, status: m.status, category: smsErrorCategoryOf(m), messages: 0 };
          const key = JSON.stringify({ ...group, messages: undefined });
          (groups.get(key) ?? groups.set(key, group).get(key)!).messages++;
        }
        return [...groups.values()];
      };
      let flagged = 0;
      for (const range of RANGES) {
        for (const filter of FILTERS.filter((f) => !f.text && !f.customerId && !f.employeeId)) {
          const f = { ...filter, ...range };
          const expected = referenceSummary(log, f, dates);
          const counts = summarizeSmsCounts(rollup(referenceFilter(log, f, dates)), rollup(referenceFilter(log, { ...f, ...previousPeriod(f) }, dates)), f);
          expect(counts, `${JSON.stringify(f)} in ${zone}`).to.deep.equal(expected);
          flagged += counts.blocking.length;
        }
      }
      expect(flagged).to.be.greaterThan(0);
    });

    it(`filters every range and filter as reading every message does (${zone})`, () => {
      const index = buildSmsIndex(log, zone);
      for (const range of RANGES) {
        for (const filter of FILTERS) {
          const f = { ...filter, ...range };
          const rows = filterSmsIndex(index, f);
          expect(Array.from(rows, (r) => smsAtRow(index, r).id), JSON.stringify(f)).to.deep.equal(referenceFilter(log, f, dates).map((m) => m.id));
        }
      }
      // The plain-list filter keeps the log's own order.
      const march = { from: '2026-03-01', to: '2026-03-31', direction: 'outbound' as const };
      const ids = new Set(referenceFilter(log, march, dates).map((m) => m.id));
      expect(filterSms(log, march, zone).map((m) => m.id)).to.deep.equal(log.filter((m) => ids.has(m.id)).map((m) => m.id));
    });
  });

  it('takes the edges of the range in the zone to the millisecond', () => {
    const at = (sentAt: string) => ({ ...makeLog(99, 1, 'UTC')[0]!, id: sentAt, sentAt });
    const log = [
      '2026-02-28T23:59:59.999Z',
      '2026-03-01T05:59:59.999Z', // Feb 28 in Chicago
      '2026-03-01T06:00:00.000Z', // Mar 1, 00:00 in Chicago
      '2026-03-15T12:00:00.000Z',
      '2026-04-01T04:59:59.999Z', // Mar 31 in Chicago
      '2026-04-01T05:00:00.000Z', // Apr 1 in Chicago
    ].map(at);
    const index = buildSmsIndex(log, 'America/Chicago');
    expect(Array.from(filterSmsIndex(index, { from: '2026-03-01', to: '2026-03-31' }))).to.deep.equal([2, 3, 4]);
    expect(filterSmsIndex(index, { from: '2026-05-01', to: '2026-05-31' }).length).to.equal(0);
    expect(buildSmsIndex([], 'UTC').size).to.equal(0);
  });

  it('is kept current by appends in time order and by changes that keep their time, and says when it cannot be', () => {
    const zone = 'America/Chicago';
    const all = byTime(makeLog(42, 3000, zone)).filter((m) => m.sentAt !== 'not a time');
    const log = all.slice(0, 2000);
    const index = buildSmsIndex(log, zone);
    const march = { from: '2026-03-01', to: '2026-03-31' };
    summarizeSmsIndex(index, march);
    // Receipts for stored texts (a new status, an error), then newer texts.
    const changed = [5, 700, 1500, 1999];
    for (const i of changed) log[i] = { ...log[i]!, status: 'undelivered', errorCode: '30007', direction: 'outbound' };
    log.push(...all.slice(2000));
    expect(updateSmsIndex(index, changed)).to.equal(true);
    expect(index.size).to.equal(all.length);
    const dates = localDates(log, zone);
    for (const range of RANGES) {
      for (const filter of [{}, { errorCategory: 'carrier-filtered' as const }, { customerId: 'c2' }]) {
        expect(summarizeSmsIndex(index, { ...filter, ...range })).to.deep.equal(referenceSummary(log, { ...filter, ...range }, dates));
      }
    }
    // An older text, or a receipt that moves a text in time, needs a rebuild.
    const older = { ...log[0]!, id: 'older' };
    expect(updateSmsIndex(buildSmsIndex(log, zone), [])).to.equal(true);
    expect(updateSmsIndex({ ...buildSmsIndex(log, zone), messages: [...log, older] }, [])).to.equal(false);
    const moved = [...log];
    const movedIndex = buildSmsIndex(moved, zone);
    moved[10] = { ...moved[10]!, sentAt: '2026-12-01T00:00:00.000Z' };
    expect(updateSmsIndex(movedIndex, [10])).to.equal(false);
  });
});

describe('memory adapter SMS over its index', () => {
  it('answers summaries and lists as reading every message does, before and after imports that append, update and insert older texts', async () => {
    const zone = 'America/Chicago';
    const all = byTime(makeLog(7, 3000, zone)).filter((m) => m.sentAt !== 'not a time');
    const data = generateDataset({ size: 'small', smsCount: 0 });
    data.dealer = { ...data.dealer, zone };
    data.sms = all.slice(0, 2000);
    const adapter = createMemoryAdapter(data);
    const merged = [...data.sms];
    const check = async (label: string) => {
      const dates = localDates(merged, zone);
      for (const range of [RANGES[0]!, RANGES[4]!, RANGES[7]!]) {
        for (const filter of [{}, { direction: 'outbound' as const }, { errorCategory: 'carrier-filtered' as const, text: 'ready' }]) {
          const f = { ...filter, ...range };
          const { templates, compared: _c, ...summary } = await adapter.sms!.summary(f);
          expect(summary, `${label}: ${JSON.stringify(f)}`).to.deep.equal(referenceSummary(merged, f, dates));
          const expected = referenceFilter(merged, f, dates);
          expect(templates).to.deep.equal(detectTemplateRisk(expected));
          const page = await adapter.sms!.list({ ...f, limit: 50, offset: 10 });
          expect(page.total).to.equal(expected.length);
          expect(page.items.map((m) => m.id)).to.deep.equal(expected.reverse().slice(10, 60).map((m) => m.id));
        }
      }
    };
    await check('as built');
    // A burst of one template from one number to 25 customers, then a changed body: its template is made again.
    const lastAt = Date.parse(all[2499]!.sentAt);
    const burst = Array.from({ length: 25 }, (_, i) => ({
      ...all[0]!,
      id: `burst-${i}`,
      direction: 'outbound' as const,
      from: SENDERS[0]!,
      to: `+1630555${1000 + i}`,
      body: `Hi Customer C${i}, your service appointment is due. Book now!`,
      customerName: `Customer C${i}`,
      sentAt: new Date(lastAt + (i + 1) * 60_000).toISOString(),
    }));
    // Newer texts, and receipts (no body) for stored ones: kept in place.
    const receipts = [3, 400, 1999].map((i) => ({ ...merged[i]!, body: '', status: 'undelivered' as const, errorCode: '30007' }));
    await adapter.sms!.import!([...all.slice(2000, 2500), ...receipts]);
    merged.push(...all.slice(2000, 2500));
    for (const [k, i] of [3, 400, 1999].entries()) merged[i] = { ...receipts[k]!, body: merged[i]!.body };
    await check('after appending');
    // Texts older than the newest stored one.
    const older = all.slice(2500).map((m) => ({ ...m, id: `${m.id}-late`, sentAt: new Date(Date.parse(m.sentAt) - 200 * 86_400_000).toISOString() }));
    await adapter.sms!.import!(older);
    merged.push(...older);
    await check('after older texts');
    await adapter.sms!.import!(burst);
    merged.push(...burst);
    const wide = { from: '2026-01-01', to: '2026-12-31' };
    expect((await adapter.sms!.summary(wide)).templates).to.have.length(1);
    const reworded = burst.slice(0, 10).map((m) => ({ ...m, body: `Dear ${m.customerName}, thanks for visiting us today.` }));
    await adapter.sms!.import!(reworded);
    expect((await adapter.sms!.summary(wide)).templates).to.deep.equal(detectTemplateRisk(referenceFilter([...merged.slice(0, -25), ...reworded, ...burst.slice(10)], wide, localDates([...merged, ...reworded], zone))));
    // 15 customers got the template: under the threshold once the reworded texts count as their own.
    expect((await adapter.sms!.summary(wide)).templates).to.deep.equal([]);
  });
});
