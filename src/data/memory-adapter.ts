/**
 * The whole adapter contract answered in memory with the domain logic: for tests, the demo server
 * and hosts that already hold their data. It works on its own deep copy of the dataset and hands
 * out structured clones, so no caller can change its state except through the contract.
 */
import { DateTime } from 'luxon';
import type {
  CustomerQuery,
  DeletedQuery,
  ForecourtAdapter,
  ReadOptions,
  SmsListQuery,
  WantQuery,
  WriteOptions,
} from './adapter.js';
import { AdapterError } from './errors.js';
import type { Customer, Dataset, MarketingSpend, OemRule, PosSource, SourceCategory, VehicleWant } from './model.js';
import { restoreRecords } from './logic/deleted.js';
import { filterLeads, summarizeLeadResponses } from './logic/leads.js';
import { paginate } from './logic/paging.js';
import { checkDateRange } from './logic/time.js';
import { filterSms, summarizeSms } from './logic/sms.js';
import {
  buildSourceReport,
  completeMapping,
  countCustomersBySource,
  isSourceUnknown,
  mappingStatus,
} from './logic/sources.js';
import { aggregateTraffic, filterTraffic, trafficHeatmap } from './logic/traffic.js';
import { matchTradeIn, vehicleKey, WANT_STATUS } from './logic/vehicles.js';

export interface MemoryAdapterOptions {
  /** The clock, for `updatedAt` stamps and open lead clocks. Default: the system clock. */
  now?: () => Date;
}

const rejected = (message: string) => new AdapterError({ kind: 'rejected', status: 400, message });
const notFound = (message: string) => new AdapterError({ kind: 'not-found', status: 404, message });
const conflict = (message: string, current: unknown) =>
  new AdapterError({ kind: 'conflict', status: 409, message, body: { current } });

function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new AdapterError({ kind: 'aborted', message: 'The request was cancelled.', cause: signal.reason });
  }
}

function requireName(name: unknown, what: string): string {
  if (typeof name !== 'string' || !name.trim()) throw rejected(`${what} needs a name.`);
  return name.trim();
}

/**
 * An adapter over an in-memory dataset.
 * @param dataset The data to serve; it is copied, later changes to it have no effect.
 * @param options The clock.
 * @returns An adapter implementing every domain of the contract.
 * @example
 * const adapter = createMemoryAdapter(generateDataset({ size: 'small' }));
 * await adapter.sources!.report({ from: '2026-11-01', to: '2026-11-23' });
 */
export function createMemoryAdapter(dataset: Dataset, options: MemoryAdapterOptions = {}): ForecourtAdapter {
  const data: Dataset = structuredClone(dataset);
  const now = options.now ?? (() => new Date());
  const zone = data.dealer.zone;
  // Kept in time order once, so lists only reverse for "newest first".
  if (data.sms.some((m, i) => i > 0 && Date.parse(m.sentAt) < Date.parse(data.sms[i - 1]!.sentAt))) {
    data.sms.sort((a, b) => Date.parse(a.sentAt) - Date.parse(b.sentAt));
  }
  const applied = new Map<string, unknown>();
  let nextShopSource = data.sources.length + 1;
  let nextSpend = data.spend.length + 1;

  async function read<T>(opts: ReadOptions | undefined, answer: () => T): Promise<T> {
    checkSignal(opts?.signal);
    return structuredClone(answer());
  }

  async function write<T>(method: string, opts: WriteOptions | undefined, apply: () => T): Promise<T> {
    checkSignal(opts?.signal);
    const key = opts?.idempotencyKey ? `${method}\u0000${opts.idempotencyKey}` : null;
    if (key && applied.has(key)) return structuredClone(applied.get(key) as T);
    const result = structuredClone(apply());
    if (key) applied.set(key, result);
    return structuredClone(result);
  }

  const stamp = () => now().toISOString();
  const sourcesById = () => new Map(data.sources.map((s) => [s.id, s]));
  const withCounts = (sources: readonly PosSource[]): PosSource[] => {
    const counts = countCustomersBySource(data.customers);
    return sources.map((s) => ({ ...s, customerCount: counts.get(s.id) ?? 0 }));
  };
  const findSource = (id: string) => {
    const source = data.sources.find((s) => s.id === id);
    if (!source) throw notFound(`No source "${id}".`);
    return source;
  };
  const checkCategory = (id: string) => {
    if (!data.categories.some((c) => c.id === id)) throw rejected(`No category "${id}".`);
  };
  const customerName = (c: Pick<Customer, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`.trim();
  const currentWants = (): VehicleWant[] => {
    const customers = new Map(data.customers.map((c) => [c.id, c]));
    return data.wants.map((w) => ({ ...w, customerStatus: customers.get(w.customerId)?.status ?? w.customerStatus }));
  };
  const replace = <T extends { id: string }>(list: T[], item: T) => {
    const i = list.findIndex((x) => x.id === item.id);
    if (i === -1) list.push(item);
    else list[i] = item;
    return item;
  };

  return {
    sources: {
      categories: (opts) => read(opts, () => [...data.categories].sort((a, b) => a.order - b.order)),
      list: (opts) => read(opts, () => withCounts(data.sources)),
      mappingStatus: (opts) => read(opts, () => mappingStatus(data.sources, data.customers)),
      report: (range, opts) => read(opts, () => buildSourceReport(data, range)),
      spend: (range, opts) =>
        read(opts, () => {
          checkDateRange(range);
          const [first, last] = [range.from.slice(0, 7), range.to.slice(0, 7)];
          return data.spend.filter((s) => s.month >= first && s.month <= last);
        }),
      update: (change, opts) =>
        write('sources.update', opts, () => {
          const source = findSource(change.id);
          if (source.version !== change.expectedVersion) {
            throw conflict(`Source "${source.name}" was changed by someone else.`, withCounts([source])[0]);
          }
          if (change.categoryId) checkCategory(change.categoryId);
          const next: PosSource = {
            ...source,
            ...(change.categoryId !== undefined && { categoryId: change.categoryId }),
            ...(change.name !== undefined && { name: requireName(change.name, 'A source') }),
            ...(change.deleted !== undefined && { deleted: Boolean(change.deleted) }),
            version: source.version + 1,
            updatedAt: stamp(),
          };
          return withCounts([replace(data.sources, next)])[0]!;
        }),
      create: (input, opts) =>
        write('sources.create', opts, () => {
          checkCategory(input.categoryId);
          const name = requireName(input.name, 'A source');
          if (input.id && data.sources.some((s) => s.id === input.id)) {
            const current = findSource(input.id);
            throw conflict(`Source "${current.name}" already exists.`, withCounts([current])[0]);
          }
          let id = input.id;
          while (!id || data.sources.some((s) => s.id === id)) id = `shop-${nextShopSource++}`;
          const source: PosSource = {
            id,
            code: '',
            categoryId: input.categoryId,
            name,
            origin: 'shop',
            deleted: false,
            customerCount: 0,
            version: 1,
            updatedAt: stamp(),
          };
          data.sources.push(source);
          return source;
        }),
      completeMapping: (opts) =>
        write('sources.completeMapping', opts, () => {
          const next = completeMapping(data.sources, stamp());
          const mapped = next.filter((s, i) => s !== data.sources[i]).length;
          data.sources = next;
          return { mapped };
        }),
      saveCategory: (input, opts) =>
        write('sources.saveCategory', opts, () => {
          const existing = data.categories.find((c) => c.id === input.id);
          if (!existing) {
            if (input.expectedVersion !== undefined || input.deleted) throw notFound(`No category "${input.id}".`);
            if (!input.id?.trim()) throw rejected('A category needs an id.');
            const order = input.order ?? Math.max(0, ...data.categories.map((c) => c.order)) + 1;
            const category: SourceCategory = { id: input.id, name: requireName(input.name, 'A category'), order, builtIn: false, version: 1 };
            data.categories.push(category);
            return category;
          }
          if (existing.version !== input.expectedVersion) {
            throw conflict(`Category "${existing.name}" was changed by someone else.`, existing);
          }
          const next: SourceCategory = {
            ...existing,
            name: requireName(input.name, 'A category'),
            order: input.order ?? existing.order,
            version: existing.version + 1,
          };
          if (input.deleted) {
            if (existing.builtIn) throw rejected(`"${existing.name}" is a default category and cannot be deleted.`);
            data.categories = data.categories.filter((c) => c.id !== existing.id);
            // Its sources go back to unmapped, so their customers show as unknown rather than vanish.
            const at = stamp();
            data.sources = data.sources.map((s) =>
              s.categoryId === existing.id ? { ...s, categoryId: null, version: s.version + 1, updatedAt: at } : s,
            );
            return next;
          }
          return replace(data.categories, next);
        }),
      saveSpend: (input, opts) =>
        write('sources.saveSpend', opts, () => {
          if (typeof input.month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month)) {
            throw rejected(`Invalid month ${JSON.stringify(input.month)}: use a month like 2026-03.`);
          }
          if (!Number.isInteger(input.amount) || input.amount < 0) {
            throw rejected(`Invalid amount ${JSON.stringify(input.amount)}: spend is a whole, non-negative number of cents.`);
          }
          checkCategory(input.categoryId);
          if (input.sourceId !== null) findSource(input.sourceId);
          const sourceId = input.sourceId ?? null;
          const existing = data.spend.find(
            (s) => s.month === input.month && s.categoryId === input.categoryId && s.sourceId === sourceId,
          );
          if (existing && existing.version !== input.expectedVersion) {
            throw conflict(`Spend for ${input.month} was changed by someone else.`, existing);
          }
          const row: MarketingSpend = existing
            ? { ...existing, amount: input.amount, version: existing.version + 1 }
            : { id: `spend-${nextSpend++}`, month: input.month, categoryId: input.categoryId, sourceId, amount: input.amount, version: 1 };
          return replace(data.spend, row);
        }),
    },

    customers: {
      board: ({ date }, opts) =>
        read(opts, () => {
          checkDateRange({ from: date, to: date });
          const customers = new Map(data.customers.map((c) => [c.id, c]));
          const sources = sourcesById();
          return data.board
            .filter((b) => b.date === date)
            .map((b) => {
              const c = customers.get(b.customerId);
              if (!c) return b;
              return {
                ...b,
                customerName: customerName(c),
                sourceId: c.sourceId,
                sourceUnknown: isSourceUnknown(c.sourceId, sources),
                customerVersion: c.version,
              };
            });
        }),
      list: (query: CustomerQuery, opts) =>
        read(opts, () => {
          const text = query.search?.trim().toLowerCase();
          const sources = sourcesById();
          const items = data.customers.filter(
            (c) =>
              (!text || [customerName(c), c.phone ?? '', c.email ?? ''].some((f) => f.toLowerCase().includes(text))) &&
              (query.sourceUnknown === undefined || isSourceUnknown(c.sourceId, sources) === query.sourceUnknown),
          );
          items.sort((a, b) => a.lastName.localeCompare(b.lastName) || a.firstName.localeCompare(b.firstName) || a.id.localeCompare(b.id));
          return paginate(items, query);
        }),
      setSource: (change, opts) =>
        write('customers.setSource', opts, () => {
          const customer = data.customers.find((c) => c.id === change.customerId);
          if (!customer) throw notFound(`No customer "${change.customerId}".`);
          if (customer.version !== change.expectedVersion) {
            throw conflict(`Customer "${customerName(customer)}" was changed by someone else.`, customer);
          }
          if (change.sourceId !== null) {
            const source = findSource(change.sourceId);
            if (source.deleted) throw rejected(`Source "${source.name}" is deleted; pick another.`);
          }
          return replace(data.customers, { ...customer, sourceId: change.sourceId, version: customer.version + 1, updatedAt: stamp() });
        }),
    },

    sms: {
      list: (query: SmsListQuery, opts) =>
        read(opts, () => {
          checkDateRange(query);
          const matching = filterSms(data.sms, query, zone);
          const items = query.order === 'asc' ? matching : [...matching].reverse();
          return paginate(items, query);
        }),
      summary: (filter, opts) => read(opts, () => summarizeSms(data.sms, checkDateRange(filter), zone)),
    },

    leads: {
      list: (query, opts) =>
        read(opts, () => {
          checkDateRange(query);
          const items = [...filterLeads(data.leads, query, zone, data.rules)].sort((a, b) =>
            a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0,
          );
          return paginate(items, query);
        }),
      get: (id, opts) =>
        read(opts, () => {
          const lead = data.leads.find((l) => l.id === id);
          if (!lead) throw notFound(`No lead "${id}".`);
          return lead;
        }),
      rules: (opts) => read(opts, () => data.rules),
      saveRule: (rule: OemRule, opts) =>
        write('leads.saveRule', opts, () => {
          if (!rule?.id) throw rejected('A rule needs an id.');
          requireName(rule.name, 'A rule');
          if (!Number.isFinite(rule.limitMinutes) || rule.limitMinutes <= 0) {
            throw rejected(`Rule "${rule.name}": the limit must be a positive number of minutes.`);
          }
          const existing = data.rules.find((r) => r.id === rule.id);
          if (existing && existing.version !== rule.version) {
            throw conflict(`Rule "${existing.name}" was changed by someone else.`, existing);
          }
          return replace(data.rules, { ...structuredClone(rule), version: existing ? existing.version + 1 : 1 });
        }),
      dealer: (opts) => read(opts, () => data.dealer),
      responseSummary: (query, opts) =>
        read(opts, () => summarizeLeadResponses(data.leads, data.rules, data.dealer, checkDateRange(query), now())),
    },

    traffic: {
      aggregate: (query, opts) => read(opts, () => aggregateTraffic(data.traffic, { ...checkDateRange(query), zone: query.zone ?? zone })),
      heatmap: (query, opts) => read(opts, () => trafficHeatmap(data.traffic, { ...checkDateRange(query), zone: query.zone ?? zone })),
      list: (query, opts) =>
        read(opts, () => {
          checkDateRange(query);
          const items = filterTraffic(data.traffic, { from: query.from, to: query.to, filters: query.filters, zone: query.zone ?? zone });
          return paginate(items, query);
        }),
    },

    deleted: {
      list: (query: DeletedQuery, opts) =>
        read(opts, () => {
          checkDateRange(query);
          const text = query.search?.trim().toLowerCase();
          const items = data.deleted.filter((r) => {
            const day = DateTime.fromISO(r.deletedAt, { zone }).toISODate() ?? '';
            return (
              day >= query.from &&
              day <= query.to &&
              (!query.reason || r.reason === query.reason) &&
              (query.includeRestored || !r.restoredAt) &&
              (!text ||
                [r.customerName, r.mergedIntoName ?? '', r.deletedBy, ...Object.values(r.fields)].some((f) =>
                  f.toLowerCase().includes(text),
                ))
            );
          });
          items.sort((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : a.id.localeCompare(b.id)));
          return paginate(items, query);
        }),
      restore: (request, opts) =>
        write('deleted.restore', opts, () => {
          if (!Array.isArray(request?.ids) || request.ids.length === 0) throw rejected('Choose at least one record to restore.');
          const { deleted, customers, result } = restoreRecords(data.deleted, data.customers, request, now());
          data.deleted = deleted;
          data.customers = customers;
          return result;
        }),
    },

    vehicles: {
      wants: (query: WantQuery, opts) =>
        read(opts, () => {
          const make = query.make ? vehicleKey(query.make) : null;
          const text = query.search?.trim().toLowerCase();
          const items = currentWants().filter(
            (w) =>
              w.customerStatus === WANT_STATUS &&
              (!make || vehicleKey(w.make) === make) &&
              (!text ||
                [w.customerName, w.make, w.model, w.trim ?? '', w.color ?? ''].some((f) => f.toLowerCase().includes(text))),
          );
          // Grouped by make and model for the auction run; newest want first within a group.
          items.sort(
            (a, b) =>
              a.make.localeCompare(b.make) || a.model.localeCompare(b.model) || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0),
          );
          return paginate(items, query);
        }),
      matchTradeIn: (vehicle, opts) =>
        read(opts, () => {
          if (!Number.isInteger(vehicle?.year) || vehicle.year < 1900 || vehicle.year > 2100) {
            throw rejected(`Invalid trade-in year ${JSON.stringify(vehicle?.year ?? null)}.`);
          }
          if (!vehicle.make?.trim() || !vehicle.model?.trim()) throw rejected('A trade-in needs a make and a model.');
          return matchTradeIn(currentWants(), vehicle);
        }),
    },
  };
}
