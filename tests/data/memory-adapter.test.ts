import { expect } from '@open-wc/testing';
import type { ForecourtAdapter } from '../../src/data/adapter.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { failure } from './failure.js';
import { createMemoryAdapter, type MemoryFeed } from '../../src/data/memory-adapter.js';
import { buildSourceReport } from '../../src/data/logic/sources.js';
import type { Dataset } from '../../src/data/model.js';

const NOW = new Date('2026-11-23T16:30:00.000Z');
const dataset = generateDataset({ seed: 5, size: 'small' });

describe('createMemoryAdapter', () => {
  let adapter: ForecourtAdapter;
  let data: Dataset;
  beforeEach(() => {
    data = structuredClone(dataset);
    adapter = createMemoryAdapter(data, { now: () => NOW });
  });

  describe('sources', () => {
    it('derives customer counts from customers and answers the report with the domain logic', async () => {
      const sources = await adapter.sources!.list();
      const goog = sources.find((s) => s.code === 'GOOG')!;
      expect(goog.customerCount).to.equal(data.customers.filter((c) => c.sourceId === goog.id).length);
      expect(goog.customerCount).to.be.greaterThan(0);
      const range = { from: '2026-01-01', to: '2026-06-30' };
      expect(await adapter.sources!.report(range)).to.deep.equal(buildSourceReport(data, range));
      expect((await adapter.sources!.categories()).map((c) => c.id)).to.deep.equal([
        'internet', 'referral', 'drive-by', 'advertising', 'fleet', 'repeat', 'other-new',
      ]);
    });

    it('keeps its own copy and hands out clones', async () => {
      data.sources[0]!.name = 'changed outside';
      const [first] = await adapter.sources!.list();
      expect(first!.name).to.equal('Google');
      first!.name = 'changed by a caller';
      expect((await adapter.sources!.list())[0]!.name).to.equal('Google');
    });

    it('maps a source, bumping version and updatedAt; a stale version is a conflict with the current source', async () => {
      const yelp = (await adapter.sources!.list()).find((s) => s.code === 'YELP')!;
      expect(yelp.categoryId).to.equal(null);
      const updated = await adapter.sources!.update({ id: yelp.id, expectedVersion: yelp.version, categoryId: 'internet' });
      expect(updated).to.include({ categoryId: 'internet', version: yelp.version + 1, updatedAt: NOW.toISOString() });
      const error = await failure(adapter.sources!.update({ id: yelp.id, expectedVersion: yelp.version, name: 'Yelp (old)' }));
      expect([error.kind, error.status, error.message]).to.deep.equal(['conflict', 409, 'Source "Yelp" was changed by someone else.']);
      expect(error.body).to.deep.equal({ current: updated });
      expect((await failure(adapter.sources!.update({ id: 'nope', expectedVersion: 1 }))).kind).to.equal('not-found');
      expect((await failure(adapter.sources!.update({ id: yelp.id, expectedVersion: 2, categoryId: 'zzz' }))).message).to.equal('No category "zzz".');
    });

    it('completes the mapping, then nothing is left unmapped', async () => {
      const before = await adapter.sources!.mappingStatus();
      expect(before.mapped).to.be.lessThan(before.total);
      expect(await adapter.sources!.completeMapping()).to.deep.equal({ mapped: before.total - before.mapped });
      const after = await adapter.sources!.mappingStatus();
      expect(after.mapped).to.equal(after.total);
      expect(after.unknownCustomers).to.equal(
        data.customers.filter((c) => !c.sourceId || data.sources.find((s) => s.id === c.sourceId)?.deleted).length,
      );
    });

    it('applies a write once per idempotency key and returns the first result again', async () => {
      const created = await adapter.sources!.create({ categoryId: 'referral', name: 'Church bulletin' }, { idempotencyKey: 'k1' });
      const again = await adapter.sources!.create({ categoryId: 'referral', name: 'Church bulletin' }, { idempotencyKey: 'k1' });
      expect(again).to.deep.equal(created);
      expect((await adapter.sources!.list()).filter((s) => s.name === 'Church bulletin')).to.have.length(1);
      expect(created).to.include({ origin: 'shop', code: '', categoryId: 'referral', version: 1 });
    });

    it('saves categories and spend with versions, and refuses to delete a default category', async () => {
      const custom = await adapter.sources!.saveCategory({ id: 'events', name: 'Events' });
      expect(custom).to.include({ order: 8, builtIn: false, version: 1 });
      const source = await adapter.sources!.create({ categoryId: 'events', name: 'Car show' });
      await adapter.sources!.saveCategory({ id: 'events', name: 'Events', expectedVersion: 1, deleted: true });
      expect((await adapter.sources!.list()).find((s) => s.id === source.id)!.categoryId, 'unmapped with its category').to.equal(null);
      const error = await failure(adapter.sources!.saveCategory({ id: 'internet', name: 'Internet', expectedVersion: 1, deleted: true }));
      expect([error.kind, error.message]).to.deep.equal(['rejected', '"Internet" is a default category and cannot be deleted.']);

      const range = { from: '2027-01-01', to: '2027-01-31' };
      const first = await adapter.sources!.saveSpend({ month: '2027-01', categoryId: 'fleet', sourceId: null, amount: 31_000 });
      const second = await adapter.sources!.saveSpend({ month: '2027-01', categoryId: 'fleet', sourceId: null, amount: 62_000, expectedVersion: 1 });
      expect([first.version, second.version, second.id]).to.deep.equal([1, 2, first.id]);
      expect((await failure(adapter.sources!.saveSpend({ month: '2027-01', categoryId: 'fleet', sourceId: null, amount: 1, expectedVersion: 1 }))).kind).to.equal('conflict');
      expect(await adapter.sources!.spend(range)).to.deep.equal([second]);
      const report = await adapter.sources!.report({ from: '2027-01-01', to: '2027-01-15' });
      expect(report.categories.find((c) => c.id === 'fleet')!.spend).to.equal(30_000);
      expect((await failure(adapter.sources!.saveSpend({ month: '2027-13', categoryId: 'fleet', sourceId: null, amount: 1 }))).message).to.match(/^Invalid month/);
      expect((await failure(adapter.sources!.saveSpend({ month: '2027-02', categoryId: 'fleet', sourceId: null, amount: 9.99 }))).kind).to.equal('rejected');
    });
  });

  describe('customers', () => {
    it('setting a source stops the board from marking the customer unknown', async () => {
      const board = await adapter.customers!.board({ date: '2026-11-23' });
      expect(board).to.have.length(15);
      const entry = board.find((b) => b.sourceUnknown)!;
      const goog = data.sources.find((s) => s.code === 'GOOG')!;
      const saved = await adapter.customers!.setSource({ customerId: entry.customerId, sourceId: goog.id, expectedVersion: entry.customerVersion });
      expect(saved).to.include({ sourceId: goog.id, version: entry.customerVersion + 1 });
      const after = (await adapter.customers!.board({ date: '2026-11-23' })).find((b) => b.id === entry.id)!;
      expect(after).to.include({ sourceUnknown: false, sourceId: goog.id, customerVersion: saved.version });
      const stale = await failure(adapter.customers!.setSource({ customerId: entry.customerId, sourceId: null, expectedVersion: entry.customerVersion }));
      expect(stale.message).to.equal(`Customer "${entry.customerName}" was changed by someone else.`);
      expect(await adapter.customers!.board({ date: '2026-11-22' })).to.deep.equal([]);
    });

    it('sets a source once for a repeated idempotency key', async () => {
      const c = data.customers[0]!;
      const change = { customerId: c.id, sourceId: data.sources[1]!.id, expectedVersion: c.version };
      const a = await adapter.customers!.setSource(change, { idempotencyKey: 'same' });
      const b = await adapter.customers!.setSource(change, { idempotencyKey: 'same' });
      expect(b).to.deep.equal(a);
      expect(a.version).to.equal(c.version + 1);
    });

    it('pages the customer list and filters unknown sources', async () => {
      let cursor: string | null = null;
      const ids: string[] = [];
      do {
        const page: Awaited<ReturnType<NonNullable<ForecourtAdapter['customers']>['list']>> = await adapter.customers!.list({ cursor, limit: 120 });
        ids.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(ids).size).to.equal(300);
      const unknown = await adapter.customers!.list({ sourceUnknown: true, limit: 1000 });
      expect(unknown.total).to.equal((await adapter.sources!.mappingStatus()).unknownCustomers);
      const bad = await failure(adapter.customers!.list({ cursor: 'garbage' }));
      expect(bad.kind).to.equal('rejected');
    });
  });

  describe('sms, leads, traffic', () => {
    it('lists texts newest first by default, oldest first on request', async () => {
      // Texts spread over the year: a month of the small dataset's 500 is too few for a blocking warning.
      const adapter = createMemoryAdapter(generateDataset({ seed: 5, size: 'small', smsCount: 4_000 }), { now: () => NOW });
      const range = { from: '2026-11-01', to: '2026-11-23' };
      const desc = await adapter.sms!.list({ ...range, limit: 1000 });
      expect(desc.total).to.be.greaterThan(50);
      expect(desc.items.every((m, i) => i === 0 || desc.items[i - 1]!.sentAt >= m.sentAt)).to.equal(true);
      const asc = await adapter.sms!.list({ ...range, order: 'asc', limit: 1000 });
      expect(asc.items.map((m) => m.id)).to.deep.equal(desc.items.map((m) => m.id).reverse());
      const summary = await adapter.sms!.summary(range);
      expect(summary.current.inbound + summary.current.outbound).to.equal(desc.total);
      expect(summary.blocking.map((f) => f.number)).to.include('+15125550177');
    });

    it('answers the summary with the templates at risk and how the previous period was chosen', async () => {
      // 22 texts of one template from one number, one every 2 minutes on Nov 10; 2 carrier-filtered (4770).
      const data = generateDataset({ size: 'small', today: '2026-11-23', smsCount: 0 });
      data.sms = Array.from({ length: 22 }, (_, i) => ({
        id: `t${i}`,
        provider: 'bandwidth' as const,
        direction: 'outbound' as const,
        from: '+15125550100',
        to: `+1555555${1000 + i}`,
        body: `Hi Pat${i}, your car is ready for pickup at 5pm.`,
        status: i < 2 ? ('failed' as const) : ('delivered' as const),
        errorCode: i < 2 ? '4770' : null,
        sentAt: new Date(Date.parse('2026-11-10T15:00:00Z') + i * 120_000).toISOString(),
        segments: 1,
        employeeId: null,
        employeeName: null,
        customerId: null,
        customerName: `Pat${i} Lee`,
      }));
      const adapter = createMemoryAdapter(data, { now: () => NOW });
      const summary = await adapter.sms!.summary({ from: '2026-11-01', to: '2026-11-23' });
      expect(summary.compared).to.deep.equal({ basis: 'days', clamped: false });
      expect(summary.templates).to.deep.equal([
        {
          template: 'Hi {name}, your car is ready for pickup at {time}.',
          from: '+15125550100',
          messages: 22,
          recipients: 22,
          peakRecipients: 22,
          peakStart: '2026-11-10T15:00:00.000Z',
          peakEnd: '2026-11-10T15:42:00.000Z',
          failed: 2,
          filtered: 2,
          examples: data.sms.slice(0, 3).map((m) => m.body),
        },
      ]);
      // The same filters as the figures: texts in only, no templates; October alone, none either.
      expect((await adapter.sms!.summary({ from: '2026-11-01', to: '2026-11-23', direction: 'inbound' })).templates).to.deep.equal([]);
      const october = await adapter.sms!.summary({ from: '2026-10-01', to: '2026-10-31' });
      expect([october.templates, october.compared, october.previous.range]).to.deep.equal([
        [],
        { basis: 'months', clamped: false },
        { from: '2026-09-01', to: '2026-09-30' },
      ]);
      expect((await adapter.sms!.summary({ from: '2026-03-29', to: '2026-03-31' })).compared).to.deep.equal({ basis: 'days', clamped: true });
    });

    it('filters by one provider error code', async () => {
      const range = { from: '2025-11-24', to: '2026-11-23' };
      const code = data.sms.find((m) => m.errorCode)!.errorCode!;
      const page = await adapter.sms!.list({ ...range, errorCode: code, limit: 1000 });
      expect(page.total).to.equal(data.sms.filter((m) => m.errorCode === code && m.sentAt >= '2025-11-24').length);
      expect(page.items.every((m) => m.errorCode === code)).to.equal(true);
      expect((await adapter.sms!.list({ ...range, errorCode: 'no-such-code' })).total).to.equal(0);
    });

    it('imports messages by id (new and updated), keeping what the import does not carry', async () => {
      const stored = data.sms.find((m) => m.body && m.employeeName && m.direction === 'outbound')!;
      const fresh = { ...stored, id: 'import-1', sentAt: '2026-11-20T10:00:00.000Z', body: 'New one' };
      const receipt = { ...stored, body: '', employeeId: null, employeeName: null, status: 'failed' as const, errorCode: '4720' };
      const result = await adapter.sms!.import!([fresh, receipt], { idempotencyKey: 'imp-1' });
      expect(result).to.deep.equal({ imported: 1, updated: 1 });
      expect(await adapter.sms!.import!([fresh, receipt], { idempotencyKey: 'imp-1' })).to.deep.equal(result);

      const day = (iso: string) => ({ from: iso.slice(0, 10), to: iso.slice(0, 10) });
      const added = await adapter.sms!.list({ ...day('2026-11-20T10:00:00Z'), text: 'New one' });
      expect(added.items.map((m) => m.id)).to.include('import-1');
      const updated = await adapter.sms!.list({ from: '2025-11-24', to: '2026-11-23', errorCode: '4720', limit: 1000 });
      const after = updated.items.find((m) => m.id === stored.id)!;
      expect([after.status, after.body, after.employeeName]).to.deep.equal(['failed', stored.body, stored.employeeName]);
    });

    it('refuses an import without ids or times', async () => {
      const bad = await failure(adapter.sms!.import!([{ id: '' } as never]));
      expect([bad.kind, bad.message]).to.deep.equal(['rejected', 'Message 1 of the import has no id.']);
      const time = await failure(adapter.sms!.import!([{ ...data.sms[0]!, sentAt: 'yesterday' }]));
      expect(time.message).to.contain('no valid sentAt');
    });

    it('pages deep into a memoized filter and sees an import at once', async () => {
      const many = generateDataset({ seed: 9, size: 'small', smsCount: 20_000 });
      const sms = createMemoryAdapter(many).sms!;
      const range = { from: '2025-01-01', to: '2026-12-31' };
      const query = { ...range, direction: 'outbound' as const, limit: 100 };
      const first = await sms.list(query);
      const expected = many.sms.filter((m) => m.direction === 'outbound').reverse();
      expect(first.total).to.equal(expected.length);
      const offset = Math.floor((expected.length - 1) / 100) * 100;
      const cursor = btoa(`o:${offset}`);
      const last = await sms.list({ ...query, cursor });
      expect(last.items.map((m) => m.id)).to.deep.equal(expected.slice(offset).map((m) => m.id));
      // An asc query is its own entry, not the desc list reused.
      expect((await sms.list({ ...query, order: 'asc' })).items[0]!.id).to.equal(expected[expected.length - 1]!.id);

      const newest = { ...expected[0]!, id: 'import-newest', sentAt: new Date(Date.parse(expected[0]!.sentAt) + 1000).toISOString() };
      const oldest = { ...expected[0]!, id: 'import-oldest', sentAt: '2025-01-01T12:00:00.000Z' };
      const flipped = { ...expected[5]!, direction: 'inbound' as const };
      expect(await sms.import!([oldest, newest, flipped])).to.deep.equal({ imported: 2, updated: 1 });
      const again = await sms.list(query);
      expect(again.total).to.equal(expected.length + 1);
      expect(again.items[0]!.id).to.equal('import-newest');
      expect(again.items.map((m) => m.id)).to.not.include(flipped.id);
      const tail = await sms.list({ ...query, cursor: btoa(`o:${again.total - 1}`) });
      expect(tail.items.map((m) => m.id)).to.deep.equal(['import-oldest']);
    });

    it('answers leads, rules and the response summary', async () => {
      const range = { from: '2025-11-24', to: '2026-11-23' };
      const page = await adapter.leads!.list({ ...range, limit: 1000 });
      expect(page.total).to.equal(data.leads.length);
      expect(await adapter.leads!.get(page.items[0]!.id)).to.deep.equal(page.items[0]);
      expect((await failure(adapter.leads!.get('nope'))).kind).to.equal('not-found');
      const summary = await adapter.leads!.responseSummary(range);
      expect(summary.total.count).to.equal(data.leads.length);
      expect(summary.byOem.reduce((n, r) => n + r.count, 0)).to.equal(data.leads.length);
      expect(summary.bySalesperson.reduce((n, r) => n + r.count, 0)).to.equal(data.leads.length);
      expect(summary.byOem.find((r) => r.key === 'gm')?.complianceMet).to.be.a('boolean');
      // Who answered and the lead sources: every lead in one row of each.
      expect(summary.byResponder.reduce((n, r) => n + r.count, 0)).to.equal(data.leads.length);
      expect(summary.byProvider.reduce((n, r) => n + r.count, 0)).to.equal(data.leads.length);
      expect(summary.byResponder.find((r) => r.label === 'Nadia Brooks')?.forOthers).to.be.greaterThan(0);
      const [rule] = await adapter.leads!.rules();
      const saved = await adapter.leads!.saveRule({ ...rule!, limitMinutes: 45 });
      expect(saved).to.include({ limitMinutes: 45, version: rule!.version + 1 });
      expect((await failure(adapter.leads!.saveRule({ ...rule!, limitMinutes: 30 }))).kind).to.equal('conflict');
      const bad = await failure(adapter.leads!.saveRule({ ...saved, stopsClock: ['auto-response'] }));
      expect([bad.kind, bad.message]).to.deep.equal(['rejected', `Rule "${rule!.name}": an auto-response never stops the clock.`]);
      const badHours = await failure(adapter.leads!.saveRule({ ...saved, hours: { mon: [['25:00', '26:00']] } }));
      expect(badHours.message).to.equal('Opening hours for mon: expected a time HH:mm (00:00-24:00), got "25:00".');
      expect((await adapter.leads!.dealer()).zone).to.equal('America/Chicago');
    });

    it('aggregates traffic consistently with its list', async () => {
      const range = { from: '2026-10-01', to: '2026-10-31' };
      const aggregate = await adapter.traffic!.aggregate({ ...range, groupBy: 'upType' });
      const list = await adapter.traffic!.list({ ...range, limit: 1 });
      expect(aggregate.total.ups).to.equal(list.total);
      expect(aggregate.rows.reduce((n, r) => n + r.ups, 0)).to.equal(list.total);
      const heatmap = await adapter.traffic!.heatmap(range);
      expect(heatmap.cells.reduce((n, c) => n + c.ups, 0)).to.equal(list.total);
    });
  });

  describe('deleted and vehicles', () => {
    it('restores a deleted customer once', async () => {
      const range = { from: '2025-11-24', to: '2026-11-23' };
      const page = await adapter.deleted!.list({ ...range, limit: 1000 });
      expect(page.items.every((r) => r.restoredAt === null)).to.equal(true);
      const withRestored = await adapter.deleted!.list({ ...range, includeRestored: true, limit: 1000 });
      expect(withRestored.total).to.equal(data.deleted.length);
      const record = page.items.find((r) => r.kind === 'customer')!;
      const first = await adapter.deleted!.restore({ ids: [record.id] });
      expect([first.restored, first.failed, first.details?.map((d) => d.id)]).to.deep.equal([[record.id], [], [record.id]]);
      const found = await adapter.customers!.list({ search: record.customerName, limit: 1000 });
      expect(found.items.map((c) => c.id)).to.include(record.customerId);
      const again = await adapter.deleted!.restore({ ids: [record.id] });
      expect(again.failed).to.deep.equal([
        {
          id: record.id,
          code: 'already-restored',
          reason: `${record.customerName} was already restored on 2026-11-23.`,
          restoredAt: again.failed[0]!.restoredAt,
          restoredBy: null,
        },
      ]);
      expect(again.failed[0]!.restoredAt?.slice(0, 10)).to.equal('2026-11-23');
      expect((await adapter.deleted!.list({ ...range, limit: 1000 })).total).to.equal(page.total - 1);
      expect((await failure(adapter.deleted!.restore({ ids: [] }))).message).to.equal('Choose at least one record to restore.');
    });

    it('stores a restored customer whole, adds no new customer without a first visit, and logs the restore', async () => {
      const mary = {
        id: 'del-mary',
        kind: 'customer' as const,
        customerId: 'c-mary',
        customerName: 'Mary Ann Smith',
        deletedAt: '2026-11-02T16:00:00.000Z',
        deletedBy: 'Dana Ruiz',
        reason: 'manual' as const,
        mergedIntoId: null,
        mergedIntoName: null,
        fields: { firstName: 'Mary Ann', lastName: 'Smith', phone: '+15125550123', email: '', sourceId: data.sources[0]!.id, status: 'active', firstVisit: '', version: '1', address: '12 Elm St', notes: 'VIP' },
        related: {
          vehicles: [{ id: 'v-mary-1', year: 2016, make: 'Honda', model: 'Civic', vin: null }],
          notes: [{ id: 'n-mary-1', at: '2026-10-01T10:00:00.000Z', by: 'Dana Ruiz', text: 'Prefers text.' }],
        },
        restoredAt: null,
        restoredBy: null,
        version: 1,
      };
      const withMary = createMemoryAdapter({ ...structuredClone(dataset), deleted: [mary], restoreLog: [] }, { now: () => NOW, user: 'Tom Becker' });
      const month = { from: '2026-11-01', to: '2026-11-30' };
      const before = (await withMary.sources!.report(month)).totals.newCustomers;
      const result = await withMary.deleted!.restore({ ids: ['del-mary'] }, { idempotencyKey: 'k1' });
      expect(result.details).to.deep.equal([
        {
          id: 'del-mary',
          kind: 'customer',
          fromName: 'Mary Ann Smith',
          customerId: 'c-mary',
          customerName: 'Mary Ann Smith',
          fields: ['firstName', 'lastName', 'phone', 'email', 'sourceId', 'status', 'firstVisit', 'address', 'notes'],
          related: { vehicles: ['v-mary-1'], notes: ['n-mary-1'], wants: [] },
          skipped: [],
        },
      ]);
      const found = await withMary.customers!.list({ search: 'Mary Ann', limit: 10 });
      expect(found.items).to.deep.equal([
        {
          id: 'c-mary',
          firstName: 'Mary Ann',
          lastName: 'Smith',
          phone: '+15125550123',
          email: null,
          sourceId: data.sources[0]!.id,
          status: 'active',
          firstVisit: null,
          version: 2,
          updatedAt: NOW.toISOString(),
          extra: { address: '12 Elm St', notes: 'VIP' },
          vehicles: mary.related.vehicles,
          notes: mary.related.notes,
        },
      ]);
      // No first visit: not a new customer in any month (no phantom from the deletion day).
      expect((await withMary.sources!.report(month)).totals.newCustomers).to.equal(before);
      // The same idempotency key does not restore (or log) twice.
      await withMary.deleted!.restore({ ids: ['del-mary'] }, { idempotencyKey: 'k1' });
      const log = await withMary.deleted!.log({ limit: 10 });
      expect(log.total).to.equal(1);
      expect(log.items[0]).to.deep.include({
        recordId: 'del-mary',
        fromCustomerId: 'c-mary',
        customerId: 'c-mary',
        at: NOW.toISOString(),
        by: 'Tom Becker',
        fields: result.details![0]!.fields,
      });
      expect((await withMary.deleted!.log({ recordId: 'del-other' })).total).to.equal(0);
      expect((await withMary.deleted!.log({ customerId: 'c-mary' })).total).to.equal(1);
    });

    it('lists wants of customers who need a car located, and matches a trade-in', async () => {
      const wants = await adapter.vehicles!.wants({ limit: 1000 });
      expect(wants.total).to.be.greaterThan(0);
      expect(wants.items.every((w) => w.customerStatus === 'need-car-locate')).to.equal(true);
      const want = wants.items[0]!;
      const matches = await adapter.vehicles!.matchTradeIn({ year: want.yearTo, make: want.make.toUpperCase(), model: want.model });
      expect(matches.map((m) => m.want.id)).to.include(want.id);
      const bad = await failure(adapter.vehicles!.matchTradeIn({ year: Number.NaN, make: 'Honda', model: 'Civic' }));
      expect([bad.kind, bad.message]).to.deep.equal(['rejected', 'Invalid trade-in year null.']);
    });

    it('records a follow-up with its note and a new version; a stale version is a conflict, a key applies once', async () => {
      const want = (await adapter.vehicles!.wants({ limit: 1000 })).items[0]!;
      expect(want.version).to.equal(1);
      const saved = await adapter.vehicles!.followUp!({ wantId: want.id, note: '  Called: still looking.  ', expectedVersion: 1 }, { idempotencyKey: 'k-1' });
      expect([saved.lastContactAt, saved.followUpNote, saved.version]).to.deep.equal([NOW.toISOString(), 'Called: still looking.', 2]);
      const listed = (await adapter.vehicles!.wants({ limit: 1000 })).items.find((w) => w.id === want.id)!;
      expect([listed.lastContactAt, listed.followUpNote, listed.version]).to.deep.equal([NOW.toISOString(), 'Called: still looking.', 2]);
      // The same key again: the first answer, not a second follow-up.
      const again = await adapter.vehicles!.followUp!({ wantId: want.id, note: 'Called: still looking.', expectedVersion: 1 }, { idempotencyKey: 'k-1' });
      expect(again.version).to.equal(2);
      const stale = await failure(adapter.vehicles!.followUp!({ wantId: want.id, note: 'Mine.', expectedVersion: 1 }));
      expect([stale.kind, stale.status, stale.message]).to.deep.equal(['conflict', 409, `The want of ${want.customerName} was changed by someone else.`]);
      expect((stale.body as { current: { version: number; followUpNote: string } }).current).to.include({ version: 2, followUpNote: 'Called: still looking.' });
      // An empty note is a follow-up without one.
      expect((await adapter.vehicles!.followUp!({ wantId: want.id, note: '', expectedVersion: 2 })).followUpNote).to.equal(null);
      const missing = await failure(adapter.vehicles!.followUp!({ wantId: 'nope', note: '', expectedVersion: 1 }));
      expect([missing.kind, missing.status]).to.deep.equal(['not-found', 404]);
      const long = await failure(adapter.vehicles!.followUp!({ wantId: want.id, note: 'x'.repeat(2001), expectedVersion: 3 }));
      expect([long.kind, long.message]).to.deep.equal(['rejected', 'A follow-up note has at most 2000 characters.']);
    });
  });

  it('refuses an aborted call and an invalid range with specific errors', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborted = await failure(adapter.sources!.list({ signal: controller.signal }));
    expect(aborted.kind).to.equal('aborted');
    const write = await failure(adapter.sources!.completeMapping({ signal: controller.signal }));
    expect(write.kind).to.equal('aborted');
    expect((await adapter.sources!.mappingStatus()).mapped, 'aborted write not applied').to.be.lessThan((await adapter.sources!.mappingStatus()).total);
    for (const call of [
      adapter.sources!.report({ from: '2026-02-30', to: '2026-03-01' }),
      adapter.sms!.list({ from: 'yesterday', to: '2026-03-01' }),
      adapter.traffic!.aggregate({ from: '2026-03-02', to: '2026-03-01', groupBy: 'day' }),
      adapter.deleted!.list({ from: '', to: '2026-03-01' }),
    ]) {
      const error = await failure(call);
      expect([error.kind, error.status]).to.deep.equal(['rejected', 400]);
      expect(error.message).to.match(/^Invalid date range/);
    }
  });
});

describe('createMemoryAdapter: overlapping rules and deleted sources', () => {
  let data: Dataset;
  beforeEach(() => {
    data = structuredClone(dataset);
  });

  it('refuses a rule naming a make another rule covers, naming the make and that rule, and keeps nothing', async () => {
    const adapter = createMemoryAdapter(data, { now: () => NOW });
    const toyota = (await adapter.leads!.rules()).find((r) => r.id === 'toyota')!;
    const lexus = { ...toyota, id: 'lexus-only', name: 'Lexus only', makes: ['LEXUS'], version: 0 };
    const error = await failure(adapter.leads!.saveRule(lexus));
    expect([error.kind, error.status, error.message]).to.deep.equal([
      'rejected',
      400,
      'Rule "Lexus only": LEXUS is already covered by the rule "Toyota / Scion / Lexus". A make can belong to one rule only.',
    ]);
    expect((await adapter.leads!.rules()).map((r) => r.id)).not.to.include('lexus-only');
    // Adding a make to an existing rule is refused the same way; a make no rule names is taken.
    const ford = (await adapter.leads!.rules()).find((r) => r.id === 'ford')!;
    expect((await failure(adapter.leads!.saveRule({ ...ford, makes: ['Ford', 'Kia'] }))).message).to.equal(
      'Rule "Ford": Kia is already covered by the rule "Kia". A make can belong to one rule only.',
    );
    expect((await adapter.leads!.saveRule({ ...ford, makes: ['Ford', 'Lincoln'] })).makes).to.deep.equal(['Ford', 'Lincoln']);
  });

  it('flags a lead for a manager once per idempotency key, with its time and user, and clears it', async () => {
    const adapter = createMemoryAdapter(data, { now: () => NOW, user: 'Kim Park' });
    const id = data.leads[0]!.id;
    const flagged = await adapter.leads!.flag!({ leadId: id, flagged: true, note: ' Called twice ' }, { idempotencyKey: 'k1' });
    expect(flagged.managerFlag).to.deep.equal({ at: NOW.toISOString(), by: 'Kim Park', note: 'Called twice' });
    expect((await adapter.leads!.get(id)).managerFlag).to.deep.equal(flagged.managerFlag);
    // The same key again answers the first answer and changes nothing.
    const again = await adapter.leads!.flag!({ leadId: id, flagged: false }, { idempotencyKey: 'k1' });
    expect(again.managerFlag?.note).to.equal('Called twice');
    expect((await adapter.leads!.get(id)).managerFlag?.note).to.equal('Called twice');
    expect((await adapter.leads!.flag!({ leadId: id, flagged: false }, { idempotencyKey: 'k2' })).managerFlag).to.equal(null);
    const missing = await failure(adapter.leads!.flag!({ leadId: 'nope', flagged: true }));
    expect([missing.kind, missing.message]).to.deep.equal(['not-found', 'No lead "nope".']);
    const long = await failure(adapter.leads!.flag!({ leadId: id, flagged: true, note: 'x'.repeat(501) }));
    expect([long.kind, long.status]).to.deep.equal(['rejected', 400]);
  });

  it('pages a lead range from one match list, and a new lead, an activity or a flag shows on the next read', async () => {
    let feed: MemoryFeed | undefined;
    const adapter = createMemoryAdapter(data, { now: () => NOW, feed: (f) => (feed = f) });
    const range = { from: '2025-11-24', to: '2026-11-23' };
    const first = await adapter.leads!.list({ ...range, limit: 10 });
    const second = await adapter.leads!.list({ ...range, limit: 10, cursor: first.nextCursor! });
    expect(second.items[0]!.receivedAt <= first.items.at(-1)!.receivedAt).to.equal(true);
    feed!.addLead({ ...first.items[0]!, id: 'lead-newest', receivedAt: '2026-11-23T17:00:00.000Z', activities: [] });
    const after = await adapter.leads!.list({ ...range, limit: 10 });
    expect([after.total, after.items[0]!.id]).to.deep.equal([first.total + 1, 'lead-newest']);
    feed!.addLeadActivity('lead-newest', { id: 'act-1', at: '2026-11-23T17:05:00.000Z', kind: 'email-sent', by: null });
    expect((await adapter.leads!.list({ ...range, limit: 1 })).items[0]!.activities.map((a) => a.id)).to.deep.equal(['act-1']);
    await adapter.leads!.flag!({ leadId: 'lead-newest', flagged: true });
    expect((await adapter.leads!.list({ ...range, limit: 1 })).items[0]!.managerFlag?.by).to.equal(null);
  });

  it('evaluates leads of a make two stored rules name under the first of them', async () => {
    // Stored data from before the check: a second rule naming Toyota, with a 1-minute limit, after Toyota's own.
    const toyota = data.rules.find((r) => r.id === 'toyota')!;
    data.rules.push({ ...structuredClone(toyota), id: 'toyota-strict', name: 'Toyota strict', makes: ['toyota'], limitMinutes: 1 });
    const adapter = createMemoryAdapter(data, { now: () => NOW });
    const range = { from: '2025-11-24', to: '2026-11-23' };
    const summary = await adapter.leads!.responseSummary(range);
    const toyotaLeads = data.leads.filter((l) => l.make === 'Toyota').length;
    expect(toyotaLeads, 'the dataset has Toyota leads').to.be.greaterThan(0);
    expect(summary.byOem.find((r) => r.key === 'toyota-strict')).to.equal(undefined);
    expect(summary.byOem.find((r) => r.key === 'toyota')?.count).to.equal(toyotaLeads);
    expect((await adapter.leads!.list({ ...range, ruleId: 'toyota-strict', limit: 1000 })).total).to.equal(0);
    expect((await adapter.leads!.list({ ...range, ruleId: 'toyota', limit: 1000 })).total).to.equal(toyotaLeads);
  });

  it('completes the mapping without mapping a deleted source that was never mapped, and counts only what it mapped', async () => {
    const stamp = '2026-01-01T00:00:00.000Z';
    data.sources.push(
      { id: 'gone-unmapped', code: 'GONE', name: 'Closed lot', categoryId: null, origin: 'pos', deleted: true, customerCount: 0, version: 1, updatedAt: stamp },
      { id: 'live-unmapped', code: 'LIVE', name: 'New kiosk', categoryId: null, origin: 'pos', deleted: false, customerCount: 0, version: 1, updatedAt: stamp },
    );
    const unmappedLive = data.sources.filter((s) => !s.deleted && !s.categoryId).length;
    const adapter = createMemoryAdapter(data, { now: () => NOW });
    expect(await adapter.sources!.completeMapping()).to.deep.equal({ mapped: unmappedLive });
    const after = await adapter.sources!.list();
    expect(after.find((s) => s.id === 'gone-unmapped')).to.include({ categoryId: null, version: 1, updatedAt: stamp });
    expect(after.find((s) => s.id === 'live-unmapped')).to.include({ categoryId: 'other-new', version: 2, updatedAt: NOW.toISOString() });
  });
});
