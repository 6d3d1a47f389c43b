/**
 * The data contract every widget talks to. One interface split by domain; each part is optional,
 * so a host implements only what it supports and a widget whose part is missing says so.
 *
 * Lists are paged with an opaque cursor and a total. Reports are aggregate queries (range,
 * filters, `groupBy`) so a server can answer them with SQL `GROUP BY` over millions of rows.
 * Every method takes an optional `AbortSignal`; writes also take an idempotency key, and carry
 * the version they were based on so a concurrent change is a conflict, never an overwrite.
 */
import type {
  BoardEntry,
  Customer,
  DateRange,
  DealerProfile,
  DeletedRecord,
  IsoDate,
  Lead,
  LeadFlagChange,
  LeadResponseSummary,
  MappingStatus,
  MarketingSpend,
  StoredOemRule,
  PosSource,
  RestoreLogEntry,
  RestoreRequest,
  RestoreResult,
  SmsFilter,
  SmsMessage,
  SmsSummary,
  SourceCategory,
  SourceReport,
  TradeInVehicle,
  TrafficAggregate,
  TrafficDimension,
  TrafficEvent,
  TrafficHeatmap,
  TrafficQuery,
  VehicleWant,
  WantMatch,
  DeleteReason,
  IsoMonth,
  LeadQuery,
  Page,
  PageQuery,
} from './model.js';

/** Options every read takes. */
export interface ReadOptions {
  signal?: AbortSignal;
  /**
   * Asks the server now (a user's Retry): a cache answers neither from what it keeps nor by
   * joining a request for the same read already on its way (one sent while the server was
   * failing), and falls back to what it keeps only when the server cannot be reached. An adapter
   * without a cache has nothing to skip and ignores it; it is never sent to the server.
   */
  fresh?: boolean;
}

/** Options every write takes. */
export interface WriteOptions extends ReadOptions {
  /** Client-generated key: the same key applied twice has the effect of once. */
  idempotencyKey?: string;
}

// Page, PageQuery and LeadQuery live in model.ts (the domain logic uses them); re-exported here for
// code that imports them from the adapter contract.
export type { Page, PageQuery, LeadQuery } from './model.js';

// ───────────────────────────── sources ─────────────────────────────

/** A change to one source: its mapping, name, or deletion. */
export interface SourceUpdate {
  id: string;
  /** The version this change was based on; a mismatch is a conflict. */
  expectedVersion: number;
  categoryId?: string | null;
  name?: string;
  deleted?: boolean;
}

/** A source the shop defines itself (PoS without sources). */
export interface SourceCreate {
  id?: string;
  categoryId: string;
  name: string;
}

export interface CategoryUpsert {
  id: string;
  name: string;
  order?: number;
  /** Absent for a new category. */
  expectedVersion?: number;
  deleted?: boolean;
}

export interface SpendUpsert {
  month: IsoMonth;
  categoryId: string;
  sourceId: string | null;
  amount: number;
  /** Absent when there is no spend row yet for this month/category/source. */
  expectedVersion?: number;
}

export interface SourcesApi {
  categories(opts?: ReadOptions): Promise<SourceCategory[]>;
  /** Every source, with customer counts; deleted ones too (flagged). */
  list(opts?: ReadOptions): Promise<PosSource[]>;
  mappingStatus(opts?: ReadOptions): Promise<MappingStatus>;
  report(range: DateRange, opts?: ReadOptions): Promise<SourceReport>;
  spend(range: DateRange, opts?: ReadOptions): Promise<MarketingSpend[]>;
  update(change: SourceUpdate, opts?: WriteOptions): Promise<PosSource>;
  create(source: SourceCreate, opts?: WriteOptions): Promise<PosSource>;
  /** Maps every remaining unmapped source to "Other New Customers". */
  completeMapping(opts?: WriteOptions): Promise<{ mapped: number }>;
  saveCategory(category: CategoryUpsert, opts?: WriteOptions): Promise<SourceCategory>;
  saveSpend(spend: SpendUpsert, opts?: WriteOptions): Promise<MarketingSpend>;
}

// ───────────────────────────── customers ─────────────────────────────

export interface CustomerQuery extends PageQuery {
  search?: string;
  /** Only customers whose source is unknown. */
  sourceUnknown?: boolean;
}

export interface CustomerSourceChange {
  customerId: string;
  sourceId: string | null;
  expectedVersion: number;
}

export interface CustomersApi {
  /** Today's vehicles board for a day. */
  board(query: { date: IsoDate }, opts?: ReadOptions): Promise<BoardEntry[]>;
  list(query: CustomerQuery, opts?: ReadOptions): Promise<Page<Customer>>;
  setSource(change: CustomerSourceChange, opts?: WriteOptions): Promise<Customer>;
}

// ───────────────────────────── sms ─────────────────────────────

export interface SmsListQuery extends SmsFilter, PageQuery {
  /**
   * Start at this 0-based position instead of at `cursor`: random access, for a windowed table
   * whose scrollbar can land anywhere in a million rows. A server answers it with `OFFSET` (or a
   * position index); the cursor stays the way to walk the list page by page.
   */
  offset?: number;
  /** Newest first (default) or oldest first. */
  order?: 'asc' | 'desc';
}

export interface SmsApi {
  list(query: SmsListQuery, opts?: ReadOptions): Promise<Page<SmsMessage>>;
  /** Counts for the range and the same range one month earlier, with carrier-blocking flags. */
  summary(filter: SmsFilter, opts?: ReadOptions): Promise<SmsSummary>;
  /**
   * Adds or updates messages (a provider's export or delivery events), matched by `id`. Optional:
   * a host whose SMS log is read-only leaves it out. Send at most {@link SMS_IMPORT_MAX_BATCH} per call.
   * @returns `imported`: messages new to the store; `updated`: messages already there, replaced.
   */
  import?(messages: SmsMessage[], opts?: WriteOptions): Promise<SmsImportResult>;
}

/** What an SMS import did. */
export interface SmsImportResult {
  /** Messages the store did not have. */
  imported: number;
  /** Messages it had (same id), now updated. */
  updated: number;
}

export { SMS_IMPORT_MAX_BATCH } from './model.js';

// ───────────────────────────── leads ─────────────────────────────

export interface LeadsApi {
  list(query: LeadQuery, opts?: ReadOptions): Promise<Page<Lead>>;
  get(id: string, opts?: ReadOptions): Promise<Lead>;
  rules(opts?: ReadOptions): Promise<StoredOemRule[]>;
  /** Creates or replaces a rule; `version` is the one the edit was based on (a mismatch is a conflict). */
  saveRule(rule: StoredOemRule, opts?: WriteOptions): Promise<StoredOemRule>;
  dealer(opts?: ReadOptions): Promise<DealerProfile>;
  /** Contact-time summary of the leads received in the range, per OEM and per salesperson. */
  responseSummary(query: DateRange, opts?: ReadOptions): Promise<LeadResponseSummary>;
  /**
   * Flags a lead for a manager (or clears its flag); answers the updated lead. Optional: a host
   * without manager flags leaves it out, and the lead queue offers no flag button.
   */
  flag?(change: LeadFlagChange, opts?: WriteOptions): Promise<Lead>;
}

// ───────────────────────────── traffic ─────────────────────────────

export interface TrafficListQuery extends DateRange, PageQuery {
  filters?: Partial<Record<TrafficDimension, string>>;
  zone?: string;
}

export interface TrafficApi {
  aggregate(query: TrafficQuery, opts?: ReadOptions): Promise<TrafficAggregate>;
  heatmap(query: Omit<TrafficQuery, 'groupBy'>, opts?: ReadOptions): Promise<TrafficHeatmap>;
  list(query: TrafficListQuery, opts?: ReadOptions): Promise<Page<TrafficEvent>>;
}

// ───────────────────────────── deleted ─────────────────────────────

export interface DeletedQuery extends DateRange, PageQuery {
  reason?: DeleteReason;
  search?: string;
  includeRestored?: boolean;
}

/** `deleted.log`: the restore log, newest first; both filters optional. */
export interface RestoreLogQuery extends PageQuery {
  /** Only the restores of this deleted record. */
  recordId?: string;
  /** Only the restores that came from or went to this customer. */
  customerId?: string;
}

export interface DeletedApi {
  list(query: DeletedQuery, opts?: ReadOptions): Promise<Page<DeletedRecord>>;
  restore(request: RestoreRequest, opts?: WriteOptions): Promise<RestoreResult>;
  /** Every restore made (who, when, which record, what came back, where to), newest first. */
  log(query: RestoreLogQuery, opts?: ReadOptions): Promise<Page<RestoreLogEntry>>;
}

// ───────────────────────────── vehicles ─────────────────────────────

export interface WantQuery extends PageQuery {
  make?: string;
  search?: string;
}

/** A follow-up with a customer about one want ("Need Car Locate"). */
export interface WantFollowUp {
  wantId: string;
  /** What was said or agreed; may be empty. */
  note: string;
  /** The want's version this follow-up was based on; a mismatch is a conflict. */
  expectedVersion: number;
}

export interface VehiclesApi {
  wants(query: WantQuery, opts?: ReadOptions): Promise<Page<VehicleWant>>;
  /** Wants the trade-in vehicle satisfies, best match first. */
  matchTradeIn(vehicle: TradeInVehicle, opts?: ReadOptions): Promise<WantMatch[]>;
  /**
   * Records that the customer was followed up now: the want's `lastContactAt` becomes the server's
   * time and `followUpNote` the note; answers the want with its new version. Optional: a host that
   * does not record follow-ups leaves it out.
   */
  followUp?(followUp: WantFollowUp, opts?: WriteOptions): Promise<VehicleWant>;
}

// ───────────────────────────── preferences ─────────────────────────────

/**
 * Small settings a widget remembers for the signed-in user between visits ("don't show again"),
 * by name (`<widget>.<setting>`, e.g. `mapping-warning.dismissed`). They belong to the adapter's
 * tenant and user: `withCache()` keeps them in that user's database, so `clearCache()` removes
 * them with the rest; the memory adapter keeps them as long as it lives; the REST adapter has
 * none (the contract has no route for them). A widget given an adapter without `preferences`
 * remembers for the page only. Values are structured-cloneable; no method rejects: a value that
 * cannot be stored is kept for the page.
 */
export interface PreferencesApi {
  /** The value stored under `name`, or undefined. */
  get<T = unknown>(name: string): Promise<T | undefined>;
  set(name: string, value: unknown): Promise<void>;
  delete(name: string): Promise<void>;
}

// ───────────────────────────── the adapter ─────────────────────────────

/**
 * The whole contract. How each method travels over HTTP (verb, path, query or body, answer
 * schema) and what a write changes is its row in the contract table: `CONTRACT.<domain>.<method>`
 * in contract.ts (e.g. `CONTRACT.sources.report`).
 */
export interface ForecourtAdapter {
  sources?: SourcesApi;
  customers?: CustomersApi;
  sms?: SmsApi;
  leads?: LeadsApi;
  traffic?: TrafficApi;
  deleted?: DeletedApi;
  vehicles?: VehiclesApi;
  /** The user's preferences: not a data domain (no route, no outbox), but read and written through the adapter all the same. */
  preferences?: PreferencesApi;
}

/** The data domains: every part of the adapter but `preferences`. */
export type AdapterDomain = Exclude<keyof ForecourtAdapter, 'preferences'>;

// The domains, the write methods and what each write affects are read from the contract table
// (contract.ts), with each method's HTTP route and schemas.
export { ADAPTER_DOMAINS, WRITE_METHODS, WRITE_AFFECTS } from './contract.js';
