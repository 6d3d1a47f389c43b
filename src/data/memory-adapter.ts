/**
 * The whole adapter contract answered in memory with the domain logic: for tests, the demo server
 * and hosts that already hold their data. It works on its own deep copy of the dataset and hands
 * out structured clones, so no caller can change its state except through the contract.
 */
import type {
  CustomerQuery,
  DeletedQuery,
  ForecourtAdapter,
  PreferencesApi,
  ReadOptions,
  RestoreLogQuery,
  SmsImportResult,
  SmsListQuery,
  WantQuery,
  WriteOptions,
} from './adapter.js';
import { AdapterError, cancelled } from './errors.js';
import type { BoardEntry, Customer, Dataset, Lead, LeadActivity, LeadQuery, MarketingSpend, PosSource, SmsFilter, SmsMessage, SmsSummary, SourceCategory, StoredOemRule, VehicleWant } from './model.js';
import { stableJson } from './logic/stable-json.js';
import { filterDeletedRecords, restoreRecords, survivorValues } from './logic/deleted.js';
import { flagLead } from './logic/lead-queue.js';
import { checkOemRule, filterLeads, makeOverlap, summarizeLeadResponses } from './logic/leads.js';
import { paginate, paginateBy } from './logic/paging.js';
import { checkDateRange } from './logic/calendar.js';
import { mergeImportedSms } from './logic/sms.js';
import { buildSmsIndex, filterSmsIndex, smsAtRow, summarizeSmsIndex, updateSmsIndex, type SmsIndex } from './logic/sms-index.js';
import { detectTemplateRisk, messageTemplate } from './logic/sms-templates.js';
import { previousPeriodDetail } from './logic/calendar-zones.js';
import {
  applySourceUpdate,
  buildSourceReport,
  completeMapping,
  countCustomersBySource,
  isSourceUnknown,
  mappingStatus,
  requireName,
} from './logic/sources.js';
import { aggregateTrafficIndex, buildTrafficIndex, filterTrafficIndex, trafficHeatmapIndex, type TrafficIndex } from './logic/traffic.js';
import { checkTradeIn, compareWants, matchTradeIn, wantListed } from './logic/vehicles.js';
import { applyFollowUp } from './logic/vehicles-follow-up.js';

export interface MemoryAdapterOptions {
  /** The clock, for `updatedAt` stamps and open lead clocks. Default: the system clock. */
  now?: () => Date;
  /** Who makes the changes, where a record keeps it (a restored record's `restoredBy`). Default: unknown. */
  user?: string;
  /**
   * Called once with what adds the records the contract has no write for (a vehicle arriving on
   * the board, an internet lead, an activity on a lead), for a server whose day goes on by itself
   * (the demo's live day). Each record is copied in, as the dataset is.
   */
  feed?: (feed: MemoryFeed) => void;
  /**
   * Takes the dataset as it is instead of copying it: the adapter owns it from then on, and the
   * caller must not read or change it. For a dataset made only for the adapter (built in a worker,
   * or just received from one), where a deep copy would hold the rows twice. Default false.
   */
  adopt?: boolean;
}

/** What adds records to a memory adapter behind its contract (see `MemoryAdapterOptions.feed`). */
export interface MemoryFeed {
  /** A vehicle on a day's board (its customer must exist). */
  addBoardEntry(entry: BoardEntry): void;
  /** A new internet lead. */
  addLead(lead: Lead): void;
  /** An activity on a lead (an email sent, a call): it may stop the lead's clock. */
  addLeadActivity(leadId: string, activity: LeadActivity): void;
}

const rejected = (message: string) => new AdapterError({ kind: 'rejected', status: 400, message });
const notFound = (message: string) => new AdapterError({ kind: 'not-found', status: 404, message });
const conflict = (message: string, current: unknown) =>
  new AdapterError({ kind: 'conflict', status: 409, message, body: { current } });

function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled(signal);
}

/** How many SMS filters keep their match list (the history's current filter, its previous one, the export's...). */
const SMS_MEMO_SIZE = 4;
/** How many lead queries keep their match list (the report's range, the queue's...). */
const LEADS_MEMO_SIZE = 4;

/** The minimum an imported message needs to be stored and listed; the REST server validates the rest. */
function checkImported(message: SmsMessage, index: number): void {
  if (!message || typeof message !== 'object' || typeof message.id !== 'string' || !message.id) {
    throw rejected(`Message ${index + 1} of the import has no id.`);
  }
  if (typeof message.sentAt !== 'string' || Number.isNaN(Date.parse(message.sentAt))) {
    throw rejected(`Message "${message.id}" of the import has no valid sentAt time.`);
  }
}

/** Preferences kept for as long as the adapter lives, cloned in and out like everything else here. */
function memoryPreferences(): PreferencesApi {
  const values = new Map<string, unknown>();
  const clone = (value: unknown) => {
    try {
      return structuredClone(value);
    } catch {
      return value; // not cloneable: kept as given, as a cache keeps it for the page
    }
  };
  return {
    get: async <T>(name: string) => clone(values.get(name)) as T | undefined,
    set: async (name, value) => void values.set(name, clone(value)),
    delete: async (name) => void values.delete(name),
  };
}

/**
 * An adapter over an in-memory dataset.
 * @param dataset The data to serve; it is copied (unless `options.adopt`), later changes to it have no effect.
 * @param options The clock, the user, the feed, and whether to adopt the dataset rather than copy it.
 * @returns An adapter implementing every domain of the contract, and `preferences` kept in memory.
 * @example
 * const adapter = createMemoryAdapter(generateDataset({ size: 'small' }));
 * await adapter.sources!.report({ from: '2026-11-01', to: '2026-11-23' });
 */
export function createMemoryAdapter(dataset: Dataset, options: MemoryAdapterOptions = {}): ForecourtAdapter {
  const data: Dataset = options.adopt ? dataset : structuredClone(dataset);
  const now = options.now ?? (() => new Date());
  const zone = data.dealer.zone;
  const applied = new Map<string, unknown>();
  // ── leads: the match lists (newest first) of the last few queries, so reading a range page by
  // page filters and sorts the leads once; any change to the leads or the rules clears them ──
  const leadsMemo = new Map<string, Lead[]>();
  const leadMatches = (query: LeadQuery): Lead[] => {
    const { cursor: _cursor, limit: _limit, ...filter } = query;
    const key = stableJson(filter);
    let items = leadsMemo.get(key);
    if (items) {
      leadsMemo.delete(key); // most recently used goes last
    } else {
      items = [...filterLeads(data.leads, query, zone, data.rules)].sort((a, b) =>
        a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0,
      );
      if (leadsMemo.size >= LEADS_MEMO_SIZE) leadsMemo.delete(leadsMemo.keys().next().value!);
    }
    leadsMemo.set(key, items);
    return items;
  };
  options.feed?.({
    addBoardEntry: (entry) => void data.board.push(structuredClone(entry)),
    addLead: (lead) => {
      data.leads.push(structuredClone(lead));
      leadsMemo.clear();
    },
    addLeadActivity: (leadId, activity) => {
      const lead = data.leads.find((l) => l.id === leadId);
      if (!lead) throw notFound(`No lead "${leadId}".`);
      lead.activities = [...lead.activities, structuredClone(activity)].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      leadsMemo.clear();
    },
  });

  // ── SMS: the log's columnar index (in time order, built on first use and kept current by imports),
  // and the matching rows of the last few filters, so paging deep into a large log does not filter
  // it again, and going back to a filter does not count it again ──
  let smsIndexCache: SmsIndex | null = null;
  const smsIndex = () => (smsIndexCache ??= buildSmsIndex(data.sms, zone));
  // Built with the adapter, as a server keeps its indexes, so that the first page of a large log
  // does not wait for it; a dealer zone it cannot use is reported by the first SMS read instead.
  try {
    smsIndex();
  } catch {
    smsIndexCache = null;
  }
  const smsMemo = new Map<string, Int32Array>();
  const smsSummaries = new Map<string, SmsSummary>();
  // Each text's template (by its place in data.sms, which only grows), made once: the summary of
  // every filter and period reads them again.
  const smsTemplates: (string | undefined)[] = [];
  let smsById: Map<string, number> | null = null;
  /** The filter's rows, oldest first (a list newest first reads them backwards). */
  const smsMatches = (query: SmsFilter & Partial<SmsListQuery>): Int32Array => {
    const { cursor: _cursor, limit: _limit, offset: _offset, order: _order, ...filter } = query;
    const key = stableJson(filter);
    let rows = smsMemo.get(key);
    if (rows) {
      smsMemo.delete(key); // most recently used goes last
    } else {
      rows = filterSmsIndex(smsIndex(), filter);
      if (smsMemo.size >= SMS_MEMO_SIZE) smsMemo.delete(smsMemo.keys().next().value!);
    }
    smsMemo.set(key, rows);
    return rows;
  };
  const importSms = (messages: readonly SmsMessage[]): SmsImportResult => {
    smsById ??= new Map(data.sms.map((m, i) => [m.id, i]));
    let imported = 0;
    let updated = 0;
    const changed: number[] = [];
    for (const incoming of messages) {
      const message = structuredClone(incoming);
      const at = smsById.get(message.id);
      if (at === undefined) {
        smsById.set(message.id, data.sms.length);
        data.sms.push(message);
        imported++;
      } else {
        data.sms[at] = mergeImportedSms(data.sms[at]!, message);
        if (at < smsTemplates.length) smsTemplates[at] = undefined;
        changed.push(at);
        updated++;
      }
    }
    smsMemo.clear();
    smsSummaries.clear();
    // Newer texts appended and receipts that keep their time update the index in place; anything
    // else (an older text, a time corrected) rebuilds it at the next query.
    if (smsIndexCache && !updateSmsIndex(smsIndexCache, changed)) smsIndexCache = null;
    return { imported, updated };
  };
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

  // ── traffic: the columnar index of the events, built on first use per zone (the events never change) ──
  const trafficIndexes = new Map<string, TrafficIndex>();
  const trafficIndex = (queryZone: string | undefined): TrafficIndex => {
    const z = queryZone ?? zone;
    let index = trafficIndexes.get(z);
    if (!index || index.events !== data.traffic) trafficIndexes.set(z, (index = buildTrafficIndex(data.traffic, z)));
    return index;
  };

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
          return withCounts([replace(data.sources, applySourceUpdate(source, change, stamp()))])[0]!;
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
          const rows = smsMatches(query);
          const index = smsIndex();
          const last = rows.length - 1;
          const newestFirst = query.order !== 'asc';
          return paginateBy(rows.length, query, (start, end) => {
            const items: SmsMessage[] = new Array(end - start);
            for (let i = start; i < end; i++) items[i - start] = smsAtRow(index, rows[newestFirst ? last - i : i]!);
            return items;
          });
        }),
      summary: (filter, opts) =>
        read(opts, () => {
          const key = stableJson(filter);
          let summary = smsSummaries.get(key);
          if (!summary) {
            const range = checkDateRange(filter);
            const { basis, clamped } = previousPeriodDetail(range);
            // The templates of the current period under the same filters: the rows the list shows.
            const index = smsIndex();
            const rows = smsMatches(range);
            while (smsTemplates.length < data.sms.length) smsTemplates.push(undefined);
            const at = (i: number) => (index.position ? index.position[rows[i]!]! : rows[i]!);
            const templates = detectTemplateRisk(
              Array.from(rows, (r) => smsAtRow(index, r)),
              {},
              (m, i) => (smsTemplates[at(i)] ??= messageTemplate(m)),
            );
            summary = { ...summarizeSmsIndex(index, range), templates, compared: { basis, clamped } };
            if (smsSummaries.size >= SMS_MEMO_SIZE) smsSummaries.delete(smsSummaries.keys().next().value!);
            smsSummaries.set(key, summary);
          }
          return summary;
        }),
      import: (messages: SmsMessage[], opts) =>
        write('sms.import', opts, () => {
          if (!Array.isArray(messages)) throw rejected('An SMS import needs a list of messages.');
          messages.forEach(checkImported);
          return importSms(messages);
        }),
    },

    leads: {
      list: (query, opts) =>
        read(opts, () => {
          checkDateRange(query);
          return paginate(leadMatches(query), query);
        }),
      get: (id, opts) =>
        read(opts, () => {
          const lead = data.leads.find((l) => l.id === id);
          if (!lead) throw notFound(`No lead "${id}".`);
          return lead;
        }),
      rules: (opts) => read(opts, () => data.rules),
      saveRule: (rule: StoredOemRule, opts) =>
        write('leads.saveRule', opts, () => {
          const name = checkOemRule(rule, { zone }, stamp());
          const existing = data.rules.find((r) => r.id === rule.id);
          if (existing && existing.version !== rule.version) {
            throw conflict(`Rule "${existing.name}" was changed by someone else.`, existing);
          }
          const overlap = makeOverlap(rule, data.rules);
          if (overlap) {
            throw rejected(`Rule "${name}": ${overlap.make} is already covered by the rule "${overlap.rule.name}". A make can belong to one rule only.`);
          }
          leadsMemo.clear();
          return replace(data.rules, { ...structuredClone(rule), version: existing ? existing.version + 1 : 1 });
        }),
      dealer: (opts) => read(opts, () => data.dealer),
      responseSummary: (query, opts) =>
        read(opts, () =>
          summarizeLeadResponses(data.leads, {
            range: checkDateRange({ from: query.from, to: query.to }),
            rules: data.rules,
            calendar: data.dealer,
            nowIso: stamp(),
          }),
        ),
      flag: (change, opts) =>
        write('leads.flag', opts, () => {
          const at = data.leads.findIndex((l) => l.id === change?.leadId);
          if (at < 0) throw notFound(`No lead "${change?.leadId}".`);
          leadsMemo.clear();
          return (data.leads[at] = flagLead(data.leads[at]!, change, stamp(), options.user ?? null));
        }),
    },

    traffic: {
      aggregate: (query, opts) =>
        read(opts, () => aggregateTrafficIndex(trafficIndex(query.zone), { ...checkDateRange(query), zone: query.zone ?? zone })),
      heatmap: (query, opts) =>
        read(opts, () => trafficHeatmapIndex(trafficIndex(query.zone), { ...checkDateRange(query), zone: query.zone ?? zone })),
      list: (query, opts) =>
        read(opts, () => {
          checkDateRange(query);
          const items = filterTrafficIndex(trafficIndex(query.zone), { from: query.from, to: query.to, filters: query.filters, zone: query.zone ?? zone });
          return paginate(items, query);
        }),
    },

    deleted: {
      list: (query: DeletedQuery, opts) =>
        read(opts, () => {
          const page = paginate(filterDeletedRecords(data.deleted, query, zone), query);
          if (!page.items.some((r) => r.kind === 'merge-leftover')) return page;
          const people = new Map(data.customers.map((c) => [c.id, c]));
          return {
            ...page,
            items: page.items.map((r) => (r.kind === 'merge-leftover' ? { ...r, mergedIntoCurrent: survivorValues(r, people) ?? null } : r)),
          };
        }),
      restore: (request, opts) =>
        write('deleted.restore', opts, () => {
          if (!Array.isArray(request?.ids) || request.ids.length === 0) throw rejected('Choose at least one record to restore.');
          const { deleted, customers, wants, result, log } = restoreRecords(data.deleted, data.customers, request, now(), options.user ?? null, data.wants);
          data.deleted = deleted;
          data.customers = customers;
          data.wants = wants;
          (data.restoreLog ??= []).push(...log);
          return result;
        }),
      log: (query: RestoreLogQuery, opts) =>
        read(opts, () => {
          const { recordId, customerId } = query ?? {};
          const entries = (data.restoreLog ?? []).filter(
            (e) => (!recordId || e.recordId === recordId) && (!customerId || e.customerId === customerId || e.fromCustomerId === customerId),
          );
          // Newest first; the log is kept oldest first, so equal times keep their reverse order.
          const items = entries.map((e, i) => ({ e, t: Date.parse(e.at), i })).sort((a, b) => b.t - a.t || b.i - a.i).map((x) => x.e);
          return paginate(items, query ?? {});
        }),
    },

    vehicles: {
      wants: (query: WantQuery, opts) => read(opts, () => paginate(currentWants().filter((w) => wantListed(w, query)).sort(compareWants), query)),
      matchTradeIn: (vehicle, opts) =>
        read(opts, () => {
          checkTradeIn(vehicle);
          return matchTradeIn(vehicle, currentWants());
        }),
      followUp: (change, opts) =>
        write('vehicles.followUp', opts, () => {
          const want = currentWants().find((w) => w.id === change.wantId);
          if (!want) throw notFound(`No want "${change.wantId}".`);
          return replace(data.wants, applyFollowUp(want, change, stamp()));
        }),
    },
    preferences: memoryPreferences(),
  };
}
