/**
 * The contract table (src/data/contract.ts) against what derives from it: every method of an
 * adapter has a row and every row a method; a call's request path leads back to its row; the
 * outbox keeps only writes the contract accepts and types them per method; docs/openapi.yaml is
 * what the table generates.
 */
import { expect } from '@open-wc/testing';
import { deleteDB, openDB } from 'idb';
import * as v from 'valibot';
import { ADAPTER_DOMAINS, WRITE_AFFECTS, WRITE_METHODS } from '../../src/data/adapter.js';
import type { AdapterDomain } from '../../src/data/adapter.js';
import { CONTRACT, CONTRACT_ENTRIES, mswPath, pathPattern, requestBody, requestPath, takesOptionsOnly } from '../../src/data/contract.js';
import { withCache } from '../../src/data/cache/with-cache.js';
import { cacheDatabaseName } from '../../src/data/cache/storage.js';
import { isEntryOf, outboxEntryProblem } from '../../src/data/cache/outbox.js';
import type { OutboxEntry } from '../../src/data/cache/outbox.js';
import { generateDataset } from '../../src/data/demo-data.js';
import { isAdapterError } from '../../src/data/errors.js';
import { createMemoryAdapter } from '../../src/data/memory-adapter.js';
import { createRestAdapter } from '../../src/data/rest-adapter.js';
import { OPENAPI_FILE, renderOpenApi } from '../../scripts/openapi.js';
import { allRoutes, routeFor } from '../hardening/routes.js';

const dataset = generateDataset({ size: 'small' });

/** The names of a domain object's methods, own or on its prototype chain. */
function methodsOf(api: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = api; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name !== 'constructor' && typeof (api as Record<string, unknown>)[name] === 'function') names.add(name);
    }
  }
  return [...names].sort();
}

describe('the contract table', () => {
  it('has a row for every method of a whole adapter, and no other', () => {
    const memory = createMemoryAdapter(dataset);
    for (const domain of ADAPTER_DOMAINS) {
      expect(Object.keys(CONTRACT[domain]).sort(), domain).to.deep.equal(methodsOf(memory[domain]!));
    }
    expect(Object.keys(CONTRACT)).to.deep.equal(['sources', 'customers', 'sms', 'leads', 'traffic', 'deleted', 'vehicles']);
  });

  it('keeps ADAPTER_DOMAINS, WRITE_METHODS and WRITE_AFFECTS as they were', () => {
    expect(ADAPTER_DOMAINS).to.deep.equal(['sources', 'customers', 'sms', 'leads', 'traffic', 'deleted', 'vehicles']);
    expect(WRITE_METHODS).to.deep.equal({
      sources: ['update', 'create', 'completeMapping', 'saveCategory', 'saveSpend'],
      customers: ['setSource'],
      sms: ['import'],
      leads: ['saveRule', 'flag'],
      traffic: [],
      deleted: ['restore'],
      vehicles: ['followUp'],
    });
    expect(WRITE_AFFECTS).to.deep.equal({
      sources: ['sources', 'customers'],
      customers: ['customers', 'sources'],
      sms: ['sms'],
      leads: ['leads'],
      traffic: [],
      deleted: ['deleted', 'customers', 'sources', 'vehicles'],
      vehicles: ['vehicles'],
    });
    const optionsOnly = CONTRACT_ENTRIES.filter((e) => takesOptionsOnly(e.domain, e.method)).map((e) => e.label);
    expect(optionsOnly).to.deep.equal(['sources.categories', 'sources.list', 'sources.mappingStatus', 'sources.completeMapping', 'leads.rules', 'leads.dealer']);
  });

  it('builds paths that lead back to their row, with the id encoded', () => {
    const update = CONTRACT.sources.update;
    const path = requestPath(update, { id: 'src/1 ä', expectedVersion: 1 });
    expect(path).to.equal('/sources/src%2F1%20%C3%A4');
    expect(pathPattern(update).test(path)).to.equal(true);
    expect(pathPattern(update).test('/sources/categories/x')).to.equal(false);
    expect(mswPath(CONTRACT.customers.setSource)).to.equal('/customers/:id/source');
    expect(requestBody(CONTRACT.customers.setSource, { customerId: 'c-1', sourceId: null, expectedVersion: 3 })).to.deep.equal({
      sourceId: null,
      expectedVersion: 3,
    });
    expect(requestBody(CONTRACT.sms.import, [])).to.deep.equal({ messages: [] });
    const rule = { ...dataset.rules[0]! };
    expect(requestBody(CONTRACT.leads.saveRule, rule), 'the rule keeps its id in the body').to.equal(rule);
    expect(requestPath(CONTRACT.leads.get, 'response-summary')).to.equal('/leads/response-summary');
  });

  it("sends every method's request to the route that resolves back to it", async () => {
    const seen: string[] = [];
    const rest = createRestAdapter({
      baseUrl: '/contract-api',
      fetch: async (input, init) => {
        seen.push(`${init?.method ?? 'GET'} ${new URL(String(input), location.href).pathname}`);
        return new Response('{"message":"no"}', { status: 500 });
      },
    });
    for (const [label, route] of allRoutes()) {
      seen.length = 0;
      await route.call(rest).catch(() => undefined);
      expect(seen.length, label).to.equal(1);
      const [method = '', pathname = ''] = seen[0]!.split(' ');
      expect(routeFor(method, pathname, '/contract-api')?.[0], `${label}: ${seen[0]}`).to.equal(label);
    }
  });
});

describe('the SMS summary answer', () => {
  const period = (from: string, to: string) => ({ range: { from, to }, inbound: 0, outbound: 0, delivered: 0, failed: 0, deliveryRate: null, errorsByCategory: {}, perDay: [] });
  const answer = { current: period('2026-03-29', '2026-03-31'), previous: period('2026-02-28', '2026-02-28'), blocking: [] };
  const risk = {
    template: 'Hi {name}, your car is ready.',
    from: '+15125550100',
    messages: 22,
    recipients: 21,
    peakRecipients: 20,
    peakStart: '2026-03-30T14:00:00.000Z',
    peakEnd: '2026-03-30T15:03:00.000Z',
    failed: 2,
    filtered: 1,
    examples: ['Hi Sam, your car is ready.'],
  };
  const parse = (value: unknown) => v.safeParse(CONTRACT.sms.summary.answer, value);

  it('still takes an answer without templates or compared (another vendor’s server)', () => {
    const result = parse(answer);
    expect(result.success).to.equal(true);
    expect(result.output).not.to.have.property('templates');
    expect(result.output).not.to.have.property('compared');
  });

  it('takes template risks and how the previous period was chosen', () => {
    const result = parse({ ...answer, templates: [risk], compared: { basis: 'days', clamped: true } });
    expect(result.success).to.equal(true);
    expect(result.output).to.deep.include({ templates: [risk], compared: { basis: 'days', clamped: true } });
  });

  it('refuses a malformed risk or basis', () => {
    expect(parse({ ...answer, templates: [{ ...risk, peakRecipients: -1 }] }).success).to.equal(false);
    expect(parse({ ...answer, templates: [{ ...risk, peakStart: 'yesterday' }] }).success).to.equal(false);
    expect(parse({ ...answer, compared: { basis: 'weeks', clamped: false } }).success).to.equal(false);
  });
});

describe('outbox entries typed by the contract', () => {
  const tenant = 'contract-test';
  let user = '';
  const name = () => cacheDatabaseName(tenant, user);

  beforeEach(() => {
    user = `u-${crypto.randomUUID().slice(0, 8)}`;
  });
  afterEach(async () => deleteDB(await name()));

  it("narrows an entry by domain and method to that method's argument, with no cast", () => {
    const entries: OutboxEntry[] = [
      { key: 'k1', domain: 'customers', method: 'setSource', args: { customerId: 'c-1', sourceId: null, expectedVersion: 2 }, status: 'pending', attempts: 0, createdAt: 0, nextAttemptAt: 0 },
      { key: 'k2', domain: 'deleted', method: 'restore', args: { ids: ['d-1', 'd-2'] }, status: 'failed', attempts: 1, createdAt: 0, nextAttemptAt: 0 },
      { key: 'k3', domain: 'sources', method: 'completeMapping', args: undefined, status: 'pending', attempts: 0, createdAt: 0, nextAttemptAt: 0 },
    ];
    const customers = entries.flatMap((e) => (e.domain === 'customers' && e.method === 'setSource' ? [e.args.customerId] : []));
    const restored = entries.filter((e) => isEntryOf(e, 'deleted', 'restore')).flatMap((e) => e.args.ids);
    expect(customers).to.deep.equal(['c-1']);
    expect(restored).to.deep.equal(['d-1', 'd-2']);
    expect(entries.map((e) => outboxEntryProblem(e))).to.deep.equal([null, null, null]);
  });

  it('refuses to queue a write the contract does not accept, naming the field', async () => {
    const adapter = withCache(createMemoryAdapter(dataset), { tenant, user });
    try {
      const error = await adapter.sources!.create({ categoryId: 'internet', name: '   ' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isAdapterError(error) && [error.kind, error.message]).to.deep.equal([
        'rejected',
        'The change to sources.create was not saved: name: expected a non-empty name, received 0.',
      ]);
      expect(await adapter.outbox.list()).to.deep.equal([]);
    } finally {
      adapter.close();
    }
  });

  it('drops stored entries that are no write of the contract or whose argument fails its schema, and sends the rest', async () => {
    const backend = createMemoryAdapter(dataset);
    const first = withCache(backend, { tenant, user });
    // Storing something makes the database (listing the empty outbox does not).
    await first.sources!.list();
    first.close();

    const customer = dataset.customers[0]!;
    const source = dataset.sources.find((s) => !s.deleted)!;
    const stored = (key: string, domain: string, method: string, args: unknown) => ({
      key,
      domain,
      method,
      args,
      status: 'pending',
      attempts: 0,
      createdAt: 0,
      nextAttemptAt: 0,
    });
    const db = await openDB(await name());
    await db.add('outbox', stored('bad-args', 'sources', 'update', { id: 5, expectedVersion: 1 }));
    await db.add('outbox', stored('no-such-write', 'sources', 'report', { from: '2026-03-01', to: '2026-03-31' }));
    await db.add('outbox', stored('good', 'customers', 'setSource', { customerId: customer.id, sourceId: source.id, expectedVersion: customer.version }));
    db.close();

    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    const adapter = withCache(backend, { tenant, user });
    try {
      const listed = await adapter.outbox.list();
      expect(listed.every((e) => e.key === 'good'), listed.map((e) => e.key).join()).to.equal(true);
      await adapter.outbox.flush();
      expect(await adapter.outbox.list()).to.deep.equal([]);
      expect((await backend.customers!.list({ search: customer.lastName })).items.find((c) => c.id === customer.id)?.sourceId).to.equal(source.id);
    } finally {
      console.warn = warn;
      adapter.close();
    }
    expect(warnings.some((w) => w.includes('sources.update is not valid and was dropped: id: expected string, received 5')), warnings.join('\n')).to.equal(true);
    expect(warnings.some((w) => w.includes('sources.report is not a write of the adapter contract')), warnings.join('\n')).to.equal(true);
    const after = await openDB(await name());
    expect((await after.getAll('outbox')).map((e: { key: string }) => e.key)).to.deep.equal([]);
    after.close();
  });
});

describe('docs/openapi.yaml', () => {
  it('is what the contract table generates (npm run openapi)', async () => {
    const committed = await (await fetch(`/${OPENAPI_FILE}`)).text();
    expect(committed === renderOpenApi(), 'docs/openapi.yaml is stale: run `npm run openapi`').to.equal(true);
  });

  it('has one operation per row, named domain.method', () => {
    const text = renderOpenApi();
    for (const { label } of CONTRACT_ENTRIES) expect(text, label).to.contain(`operationId: ${label}\n`);
    const domains: AdapterDomain[] = [...ADAPTER_DOMAINS];
    expect(CONTRACT_ENTRIES.length).to.equal(domains.reduce((n, d) => n + Object.keys(CONTRACT[d]).length, 0));
  });
});
