/**
 * Forecourt's domain types: plain data, shared by adapters, the cache, the domain logic and the
 * widgets. Dates are ISO 8601 strings: a calendar date is `YYYY-MM-DD`, an instant is a full
 * timestamp with offset (`2026-03-31T14:05:00.000Z`), a month is `YYYY-MM`. Money is an integer
 * number of cents so sums are exact.
 */

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 8601 instant with offset or `Z`. */
export type IsoDateTime = string;
/** ISO month, `YYYY-MM`. */
export type IsoMonth = string;
/** Integer amount of cents. */
export type Cents = number;

/** An inclusive range of calendar dates. */
export interface DateRange {
  /** First day, inclusive. */
  from: IsoDate;
  /** Last day, inclusive. */
  to: IsoDate;
}

// ───────────────────────────── Customer sources ─────────────────────────────

/** Ids of the default main categories; a shop may add its own. */
export const DEFAULT_CATEGORY_IDS = [
  'internet',
  'referral',
  'drive-by',
  'advertising',
  'fleet',
  'repeat',
  'other-new',
] as const;
export type DefaultCategoryId = (typeof DEFAULT_CATEGORY_IDS)[number];

/** The synthetic bucket for customers with no source or an unmapped source. */
export const UNKNOWN_CATEGORY_ID = 'unknown';

/** A main reporting category (Internet, Referral, ...). */
export interface SourceCategory {
  id: string;
  name: string;
  /** Display order, ascending. */
  order: number;
  /** One of the default categories (cannot be deleted). */
  builtIn: boolean;
  version: number;
}

/** A customer source: a PoS code mapped (or not yet) to a main category. */
export interface PosSource {
  id: string;
  /** The code as the PoS holds it (`GOOG`, `Yelp!`, `REF-FRIEND`). Empty for shop-defined sources. */
  code: string;
  /** Main category id, or null while unmapped. */
  categoryId: string | null;
  /** Subcategory name shown under the category (defaults to a clean form of the code). */
  name: string;
  /** Where the source comes from: imported from the PoS, or defined by the shop. */
  origin: 'pos' | 'shop';
  /** Soft-deleted as irrelevant; restorable. */
  deleted: boolean;
  /** Number of customers carrying this source. */
  customerCount: number;
  version: number;
  updatedAt: IsoDateTime;
}

/** Mapping completeness, for the board's warning and the editor's progress. */
export interface MappingStatus {
  /** Sources that count (not deleted). */
  total: number;
  /** Of those, mapped to a category. */
  mapped: number;
  /** Customers whose source is empty or unmapped. */
  unknownCustomers: number;
  /** Customers in all. */
  customers: number;
}

/** Marketing spend for one month, on a category or one of its sources. */
export interface MarketingSpend {
  id: string;
  month: IsoMonth;
  categoryId: string;
  /** The subcategory (source) the spend is for, or null for the category as a whole. */
  sourceId: string | null;
  amount: Cents;
  version: number;
}

/** One row of the source report: a category, or a source within a category. */
export interface SourceReportRow {
  /** Category id, or source id for a subcategory row. */
  id: string;
  name: string;
  newCustomers: number;
  /** newCustomers / all new customers in the range, 0..1. */
  share: number;
  spend: Cents;
  /** spend / newCustomers, null when there are no new customers. */
  costPerNewCustomer: Cents | null;
  revenue: Cents;
  /** (revenue − spend) / spend, null when spend is 0. */
  roi: number | null;
}

export interface SourceReportCategory extends SourceReportRow {
  /** The category's sources, largest first. */
  subcategories: SourceReportRow[];
}

/** The source report for a date range. */
export interface SourceReport {
  range: DateRange;
  categories: SourceReportCategory[];
  totals: SourceReportRow;
}

// ───────────────────────────── Customers ─────────────────────────────

export const CUSTOMER_STATUSES = ['active', 'prospect', 'need-car-locate', 'sold', 'inactive'] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export interface Customer {
  id: string;
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
  /** PosSource id, or null when the PoS holds no source. */
  sourceId: string | null;
  status: CustomerStatus;
  /** First visit (when the customer became a new customer). */
  firstVisit: IsoDate;
  version: number;
  updatedAt: IsoDateTime;
}

/** A repair order / deal: revenue attributed to a customer on a day. */
export interface Invoice {
  id: string;
  customerId: string;
  date: IsoDate;
  amount: Cents;
}

/** A vehicle on today's board (the TVP), with its customer. */
export interface BoardEntry {
  id: string;
  date: IsoDate;
  customerId: string;
  customerName: string;
  vehicle: string;
  advisor: string;
  /** Promised time, if any. */
  promisedAt: IsoDateTime | null;
  sourceId: string | null;
  /** True when the customer's source is empty, unmapped or deleted. */
  sourceUnknown: boolean;
  customerVersion: number;
}

// ───────────────────────────── SMS ─────────────────────────────

export const SMS_PROVIDERS = ['twilio', 'bandwidth'] as const;
export type SmsProvider = (typeof SMS_PROVIDERS)[number];

export const SMS_DIRECTIONS = ['inbound', 'outbound'] as const;
export type SmsDirection = (typeof SMS_DIRECTIONS)[number];

export const SMS_STATUSES = ['queued', 'sent', 'delivered', 'undelivered', 'failed', 'received'] as const;
export type SmsStatus = (typeof SMS_STATUSES)[number];

export const SMS_ERROR_CATEGORIES = [
  'invalid-number',
  'landline-or-unreachable',
  'opted-out',
  'carrier-filtered',
  'volume-limited',
  'carrier-failure',
  'receipt-expired',
  'unknown',
] as const;
export type SmsErrorCategory = (typeof SMS_ERROR_CATEGORIES)[number];

export interface SmsMessage {
  id: string;
  provider: SmsProvider;
  direction: SmsDirection;
  /** E.164 numbers. */
  from: string;
  to: string;
  body: string;
  status: SmsStatus;
  /** Provider error code as sent by the provider, or null. */
  errorCode: string | null;
  sentAt: IsoDateTime;
  segments: number;
  employeeId: string | null;
  employeeName: string | null;
  customerId: string | null;
  customerName: string | null;
}

/** Filters of the SMS history's advanced filter. */
export interface SmsFilter extends DateRange {
  direction?: SmsDirection;
  status?: SmsStatus;
  errorCategory?: SmsErrorCategory;
  employeeId?: string;
  customerId?: string;
  /** Free-text search over body, numbers and names. */
  text?: string;
}

export interface SmsPeriodSummary {
  range: DateRange;
  inbound: number;
  outbound: number;
  delivered: number;
  failed: number;
  /** delivered / (delivered + failed) over outbound messages, null with none. */
  deliveryRate: number | null;
  errorsByCategory: Partial<Record<SmsErrorCategory, number>>;
  /** Per day, every day of the range. */
  perDay: { date: IsoDate; inbound: number; outbound: number; failed: number }[];
}

/** A sending number whose filtered/blocked share rose sharply against the previous period. */
export interface CarrierBlockingFlag {
  number: string;
  share: number;
  previousShare: number;
  filtered: number;
  sent: number;
}

export interface SmsSummary {
  current: SmsPeriodSummary;
  /** The same range one month earlier. */
  previous: SmsPeriodSummary;
  blocking: CarrierBlockingFlag[];
}

// ───────────────────────────── Leads and OEM rules ─────────────────────────────

export const LEAD_ACTIVITY_KINDS = [
  'email-sent',
  'ebrochure-sent',
  'email-received',
  'call-completed',
  'call-incoming',
  'text',
  'auto-response',
  'note',
] as const;
export type LeadActivityKind = (typeof LEAD_ACTIVITY_KINDS)[number];

export interface LeadActivity {
  id: string;
  at: IsoDateTime;
  kind: LeadActivityKind;
  by: string | null;
}

export interface Lead {
  id: string;
  receivedAt: IsoDateTime;
  /** Vehicle make the lead is for; selects the OEM rule. */
  make: string;
  model: string | null;
  year: number | null;
  /** Lead provider (OEM site, third party). */
  provider: string;
  customerName: string;
  email: string | null;
  phone: string | null;
  salespersonId: string | null;
  salespersonName: string | null;
  activities: LeadActivity[];
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening hours per weekday as `["HH:mm", "HH:mm"]`, or null when closed. */
export type WeeklyHours = Record<Weekday, [string, string] | null>;

export interface DealerProfile {
  name: string;
  /** IANA time zone, e.g. `America/Chicago`. */
  zone: string;
  hours: WeeklyHours;
  /** Holidays (closed), ISO dates. */
  holidays: IsoDate[];
}

/** One OEM's "stop the clock" rule. Rules are data: the dealer may edit them. */
export interface OemRule {
  id: string;
  name: string;
  /** Makes covered, case-insensitive. */
  makes: string[];
  limitMinutes: number;
  clock: 'business' | 'real';
  /** The dealer's hours, or the OEM's own set hours. */
  hours: 'dealer' | WeeklyHours;
  holidaysExcluded: boolean;
  /** `dealer` for the dealer's zone, or an IANA zone. */
  zone: string;
  /** Activities that stop the clock. An auto-response never does. */
  stoppers: LeadActivityKind[];
  /** Grade thresholds in minutes: green below the first, yellow below the second, red after. */
  grades: { greenUnder: number; yellowUnder: number };
  /** Compliance targets, e.g. 90% within 60 minutes. */
  targets: { withinMinutes: number; share: number }[];
  /** Average response target in minutes, if the OEM sets one. */
  averageTargetMinutes: number | null;
  /** Consequences, e.g. under 30 min earns a discount; over 180 min the lead is reassigned. */
  consequences: { underMinutes?: number; overMinutes?: number; text: string }[];
  version: number;
}

export type LeadGrade = 'green' | 'yellow' | 'red';

/** One lead's response clock, as computed under its rule. */
export interface LeadClock {
  leadId: string;
  ruleId: string | null;
  /** When the clock started counting (next opening for after-hours leads). */
  startedAt: IsoDateTime;
  dueAt: IsoDateTime;
  /** The activity that stopped the clock, if any. */
  stoppedBy: LeadActivity | null;
  /** Counted minutes until stop (or until `now`). */
  elapsedMinutes: number;
  /** Minutes left before due (negative when overdue); null once stopped. */
  remainingMinutes: number | null;
  grade: LeadGrade;
  met: boolean | null;
}

export type LeadGroupBy = 'oem' | 'salesperson';

export interface LeadResponseRow {
  key: string;
  label: string;
  leads: number;
  responded: number;
  averageMinutes: number | null;
  withinLimitShare: number | null;
  grades: Record<LeadGrade, number>;
}

export interface LeadResponseSummary {
  range: DateRange;
  groupBy: LeadGroupBy;
  rows: LeadResponseRow[];
  total: LeadResponseRow;
}

// ───────────────────────────── Store traffic ─────────────────────────────

export const UP_TYPES = ['walk-in', 'phone-up', 'internet', 'be-back', 'appointment', 'service-drive'] as const;
export type UpType = (typeof UP_TYPES)[number];

export const DEPARTMENTS = ['new', 'used', 'service'] as const;
export type Department = (typeof DEPARTMENTS)[number];

export const TRAFFIC_STEPS = ['demo', 'write-up', 'trade-appraisal', 'desk', 'finance'] as const;
export type TrafficStep = (typeof TRAFFIC_STEPS)[number];

export const TRAFFIC_OUTCOMES = ['sold', 'not-sold', 'pending'] as const;
export type TrafficOutcome = (typeof TRAFFIC_OUTCOMES)[number];

export interface TrafficEvent {
  id: string;
  at: IsoDateTime;
  upType: UpType;
  department: Department;
  salespersonId: string;
  salespersonName: string;
  sourceCategory: string;
  source: string;
  steps: TrafficStep[];
  outcome: TrafficOutcome;
}

export const TRAFFIC_DIMENSIONS = [
  'month',
  'day',
  'hour',
  'weekday',
  'upType',
  'department',
  'salesperson',
  'sourceCategory',
  'source',
  'outcome',
] as const;
export type TrafficDimension = (typeof TRAFFIC_DIMENSIONS)[number];

export interface TrafficQuery extends DateRange {
  groupBy: TrafficDimension;
  /** Drill-down path so far: dimension → value key. */
  filters?: Partial<Record<TrafficDimension, string>>;
  /** IANA zone used for month/day/hour/weekday buckets. */
  zone?: string;
}

export interface TrafficRow {
  key: string;
  label: string;
  ups: number;
  sold: number;
  /** sold / ups, null with no ups. */
  closingRatio: number | null;
  /** How many ups reached each step. */
  steps: Record<TrafficStep, number>;
}

export interface TrafficAggregate {
  query: TrafficQuery;
  rows: TrafficRow[];
  total: TrafficRow;
}

/** Ups per weekday (0 = Monday) and hour (0..23). */
export interface TrafficHeatmap {
  cells: { weekday: number; hour: number; ups: number; sold: number }[];
  max: number;
}

// ───────────────────────────── Deleted customers ─────────────────────────────

export const DELETE_REASONS = ['manual', 'merge', 'auto-merge'] as const;
export type DeleteReason = (typeof DELETE_REASONS)[number];

export interface DeletedRecord {
  id: string;
  /** A whole deleted customer, or the fields a merge did not keep. */
  kind: 'customer' | 'merge-leftover';
  customerId: string;
  customerName: string;
  deletedAt: IsoDateTime;
  deletedBy: string;
  reason: DeleteReason;
  /** For merges: the surviving customer. */
  mergedIntoId: string | null;
  mergedIntoName: string | null;
  /** The data that was removed, field → value. */
  fields: Record<string, string>;
  restoredAt: IsoDateTime | null;
  version: number;
}

export interface RestoreRequest {
  /** Deleted records to restore. */
  ids: string[];
  /** For merge leftovers: which fields to put back, per record id (all when absent). */
  fields?: Record<string, string[]>;
}

export interface RestoreResult {
  restored: string[];
  /** Records that could not be restored, with why. */
  failed: { id: string; reason: string }[];
}

// ───────────────────────────── Needed vehicles ─────────────────────────────

export interface VehicleWant {
  id: string;
  customerId: string;
  customerName: string;
  customerStatus: CustomerStatus;
  yearFrom: number;
  yearTo: number;
  make: string;
  model: string;
  trim: string | null;
  color: string | null;
  maxMileage: number | null;
  maxPrice: Cents | null;
  createdAt: IsoDateTime;
  salespersonName: string | null;
}

/** A vehicle being taken in on trade. */
export interface TradeInVehicle {
  year: number;
  make: string;
  model: string;
  trim?: string | null;
  color?: string | null;
  mileage?: number | null;
  /** Expected retail price. */
  price?: Cents | null;
}

export interface WantMatch {
  want: VehicleWant;
  /** Optional criteria (trim, colour, mileage, price) met, out of those the want sets. */
  criteriaMet: number;
  criteriaSet: number;
}

// ───────────────────────────── Dataset ─────────────────────────────

/** Everything a memory adapter (or the demo server) holds. */
export interface Dataset {
  /** The day the data is "as of"; reports default to its month. */
  today: IsoDate;
  dealer: DealerProfile;
  categories: SourceCategory[];
  sources: PosSource[];
  customers: Customer[];
  invoices: Invoice[];
  spend: MarketingSpend[];
  board: BoardEntry[];
  sms: SmsMessage[];
  leads: Lead[];
  rules: OemRule[];
  traffic: TrafficEvent[];
  deleted: DeletedRecord[];
  wants: VehicleWant[];
}
