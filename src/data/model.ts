/**
 * Forecourt's domain types: plain data, shared by adapters, the cache, the domain logic and the
 * widgets. Dates are ISO 8601 strings: a calendar date is `YYYY-MM-DD`, an instant is a full
 * timestamp with offset (`2026-03-31T14:05:00.000Z`), a month is `YYYY-MM`. Money is an integer
 * number of cents so sums are exact.
 */

import type { TemplateRisk } from './logic/sms-templates.js';

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

/** A page request: an opaque cursor from the previous page (absent for the first) and a size. */
export interface PageQuery {
  cursor?: string | null;
  /** Page size; servers may cap it. Default 100. */
  limit?: number;
}

/** One page of a list. */
export interface Page<T> {
  items: T[];
  /** Rows matching the query in all. */
  total: number;
  /** Cursor of the next page, null on the last. */
  nextCursor: string | null;
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
  /**
   * First visit (when the customer became a new customer); null when the CRM holds none (such a
   * customer is never counted as new in any range).
   */
  firstVisit: IsoDate | null;
  version: number;
  updatedAt: IsoDateTime;
  /**
   * Fields the CRM holds that this model has no column for (address, city, notes text, …), field →
   * value as text. A restore puts a deleted customer's such fields back here, so nothing the
   * deletion snapshot held is lost. Absent when there are none.
   */
  extra?: Record<string, string>;
  /** The customer's vehicles as the CRM lists them. Absent when the store does not keep them. */
  vehicles?: CustomerVehicle[];
  /** Notes on the customer, oldest first. Absent when the store does not keep them. */
  notes?: CustomerNote[];
}

/** A vehicle a customer owns (a related record of the customer, kept in a deletion snapshot). */
export interface CustomerVehicle {
  id: string;
  year: number | null;
  make: string;
  model: string;
  /** Vehicle Identification Number, when known. */
  vin: string | null;
}

/** A note on a customer (a related record of the customer, kept in a deletion snapshot). */
export interface CustomerNote {
  id: string;
  /** When it was written. */
  at: IsoDateTime;
  /** Who wrote it. */
  by: string;
  text: string;
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
  /** One provider error code, as the provider sent it (`30007`, `4770`). */
  errorCode?: string;
  employeeId?: string;
  customerId?: string;
  /** Free-text search over body, numbers and names. */
  text?: string;
}

/** Most messages one `sms.import` call may carry; the REST server refuses larger batches. */
export const SMS_IMPORT_MAX_BATCH = 1000;

export interface SmsPeriodSummary {
  range: DateRange;
  inbound: number;
  outbound: number;
  delivered: number;
  failed: number;
  /** delivered / (delivered + failed) over outbound messages, null with none. */
  deliveryRate: number | null;
  errorsByCategory: Partial<Record<SmsErrorCategory, number>>;
  /**
   * Per day, every day of the range: texts in and out, outbound delivered and failed, and how many
   * outbound texts carriers filtered or blocked (the carrier-blocking detector's count).
   */
  perDay: { date: IsoDate; inbound: number; outbound: number; delivered: number; failed: number; filtered: number }[];
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
  /**
   * The period compared with: the whole previous month(s) for a range of whole months, else the
   * same days one month earlier (see `compared`).
   */
  previous: SmsPeriodSummary;
  blocking: CarrierBlockingFlag[];
  /**
   * Templates carriers may filter as bulk in the current period, under the same filters
   * (`detectTemplateRisk`). Optional in the REST answer: a server that leaves it out has not
   * checked, and the widget says nothing about templates.
   */
  templates?: TemplateRisk[];
  /**
   * How `previous` was chosen (`previousPeriodDetail`): `months` for whole months before whole
   * months, `days` for the same days a month earlier, `clamped` when some of those days do not
   * exist (March 29–31 against February 28). Optional in the REST answer.
   */
  compared?: { basis: 'months' | 'days'; clamped: boolean };
}

// ───────────────────────────── Leads and OEM rules ─────────────────────────────

/** What can happen on a lead. An auto-response never stops an OEM clock. */
export const ACTIVITY_KINDS = [
  'email-sent',
  'ebrochure-sent',
  'email-received',
  'call-completed',
  'call-incoming',
  'text-sent',
  'text-received',
  'auto-response',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface LeadActivity {
  id: string;
  at: IsoDateTime;
  kind: ActivityKind;
  /** Who did it (salesperson name), null for the customer or the system. */
  by: string | null;
}

export interface Lead {
  id: string;
  receivedAt: IsoDateTime;
  /** Vehicle make the lead is for; selects the OEM rule. */
  make: string;
  model: string | null;
  year: number | null;
  /** Lead provider (OEM site, third party): the lead's source. */
  provider: string;
  customerName: string;
  email: string | null;
  phone: string | null;
  salespersonId: string | null;
  salespersonName: string | null;
  activities: LeadActivity[];
  /** Flagged for a manager (an overdue lead needing escalation); absent or null when not flagged. */
  managerFlag?: LeadManagerFlag | null;
}

/** A lead flagged for a manager: when, by whom and why. */
export interface LeadManagerFlag {
  at: IsoDateTime;
  /** Who flagged it, when the server knows. */
  by: string | null;
  note: string | null;
}

/** Flags a lead for a manager (`flagged: true`, with an optional note) or clears the flag. */
export interface LeadFlagChange {
  leadId: string;
  flagged: boolean;
  note?: string | null;
}

/** A page of the leads received in a range, optionally of one OEM rule or salesperson. */
export interface LeadQuery extends DateRange, PageQuery {
  ruleId?: string;
  salespersonId?: string;
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Opening hours per weekday: any number of `['HH:mm', 'HH:mm']` intervals in local 24-hour time;
 * a missing or empty day is closed. `'24:00'` closes at midnight; a close before the open runs
 * into the next day.
 */
export type WeeklyHours = Partial<Record<Weekday, Array<[open: string, close: string]>>>;

/** Where business time is counted: a zone, weekly hours and closed days. */
export interface BusinessCalendar {
  /** IANA time zone, e.g. `America/Chicago`. */
  zone: string;
  hours: WeeklyHours;
  /** Closed days, `YYYY-MM-DD` in `zone`. */
  holidays?: IsoDate[];
}

/** The dealership: its name and its business calendar (hours, zone, holidays). */
export interface DealerProfile extends BusinessCalendar {
  name: string;
  holidays: IsoDate[];
}

/** One OEM's "stop the clock" rule. Rules are data: the dealer may edit them. */
export interface OemRule {
  id: string;
  name: string;
  /** Makes covered; compared without case, spaces or punctuation. */
  makes: string[];
  limitMinutes: number;
  clock: 'business' | 'real';
  /** The OEM's own set hours; absent = the dealer's hours. The zone is always the dealer's. */
  hours?: WeeklyHours;
  /** Holidays count nothing when true; when false they count as ordinary days. */
  excludeHolidays: boolean;
  /** Activities that stop the clock. An auto-response never does. */
  stopsClock: ActivityKind[];
  /**
   * Grade thresholds in minutes: green under `greenUnder`; yellow always ends at the limit, so
   * `yellowUnder` is kept for the record only. Absent = derived from the OEM's target, else green up
   * to half the limit (`gradeBands` in logic/leads.ts says which).
   */
  grades?: { greenUnder: number; yellowUnder: number };
  /** Compliance target, e.g. 90% within 60 minutes (and an average of at most N minutes). */
  compliance?: { percentWithin: number; withinMinutes: number; averageAtMost?: number };
  /** A response under this many minutes earns a discount on the lead price. */
  discountUnder?: number;
  /** A lead not answered within this many minutes goes to another dealer. */
  reassignOver?: number;
}

/** The id of the stand-in rule of a lead whose make no OEM rule covers (`NO_OEM_RULE` in logic/leads.ts). */
export const NO_OEM_RULE_ID = 'none';

/** An OEM rule as an adapter stores it: `version` guards concurrent edits. */
export interface StoredOemRule extends OemRule {
  version: number;
}

export type LeadGrade = 'green' | 'yellow' | 'red';
export type LeadConsequence = 'discount' | 'reassigned';

/** One lead's response clock under its OEM rule, as of an instant. */
export interface LeadClockState {
  status: 'running' | 'overdue' | 'met' | 'missed';
  /** The last instant at which a response still meets the limit. */
  dueAt: IsoDateTime;
  /** Counted minutes until the stop (or until now). */
  elapsedMinutes: number;
  /** Limit minus elapsed: negative when overdue or missed. */
  remainingMinutes: number;
  /** The stopping activity: its kind, time, and who performed it (`by`, null for the customer or the system). */
  stoppedBy?: { kind: ActivityKind; at: IsoDateTime; by: string | null };
  grade: LeadGrade;
  consequences: LeadConsequence[];
}

/** One row of the contact-time summary: an OEM rule, a salesperson, or the total. */
export interface LeadResponseRow {
  /** Rule id (`none` without a rule), salesperson id (`unassigned`), or `total`. */
  key: string;
  label: string;
  /** Leads in the range. */
  count: number;
  /** Leads whose clock was stopped. */
  responded: number;
  /** Over leads whose outcome is known (stopped, or overdue counted up to now); null with none. */
  averageMinutes: number | null;
  medianMinutes: number | null;
  /** 0..100 over leads whose outcome is known; null with none. */
  percentWithinLimit: number | null;
  grades: Record<LeadGrade, number>;
  /** Whether the OEM's compliance target is met; null when no target applies or nothing is known yet. */
  complianceMet: boolean | null;
  /** A responder's row only: how many of its answers were on leads assigned to another salesperson. */
  forOthers?: number;
}

export interface LeadResponseSummary {
  range: DateRange;
  byOem: LeadResponseRow[];
  bySalesperson: LeadResponseRow[];
  /**
   * Per who performed the stopping activity (`by:<name>`), then `customer` (the customer or the
   * system stopped it) and `no-response` (not stopped yet). Empty from a server older than it.
   */
  byResponder: LeadResponseRow[];
  /** Per lead source (`provider:<name>`, trimmed; `unknown` when blank). Empty from a server older than it. */
  byProvider: LeadResponseRow[];
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
  'time',
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

/**
 * Bucket size of the `time` dimension. Keys, zone-local: month `2026-03`, ISO week `2026-W10`,
 * day `2026-03-08`, hour `2026-11-01T01:00-05:00` (with its UTC offset, so the two 01:00 hours of
 * a fall-back day are two buckets). `month` and `day` as dimensions are the same buckets.
 */
export const TRAFFIC_TIME_GRAINS = ['month', 'week', 'day', 'hour'] as const;
export type TrafficTimeGrain = (typeof TRAFFIC_TIME_GRAINS)[number];

export interface TrafficQuery extends DateRange {
  groupBy: TrafficDimension;
  /** Bucket size when `groupBy` is `time`; default `day`. */
  timeGrain?: TrafficTimeGrain;
  /**
   * Drill-down path so far: dimension → value key. A `time` filter takes a key of any grain
   * (the grain is read from its form), so drilling from a month into its days and hours works.
   */
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
  /** Ups whose up type is `be-back`. */
  beBack: number;
  /** beBack / ups, null with no ups. */
  beBackShare: number | null;
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
  /**
   * The data that was removed, field → value as text ('' for none). For a whole customer, the
   * deletion snapshot: every field the CRM held, as it held it — the model's columns
   * (`firstName`, `lastName`, `phone`, `email`, `sourceId`, `status`, `firstVisit`, `version`)
   * and any other (`address`, `city`, `notes`, …), which a restore puts in `Customer.extra`.
   * An older server's record may hold only some columns (see `restoreRecords` for the rest).
   * For a merge leftover, the fields the merge did not keep.
   */
  fields: Record<string, string>;
  /**
   * The records related to the customer that went with the deletion (or, for a merge leftover,
   * that the merge did not keep), as lists of plain records with ids. Absent from a server that
   * keeps none; an absent list means none.
   */
  related?: DeletedRelated;
  restoredAt: IsoDateTime | null;
  /** Who restored it; null when not restored, or when the server does not know. */
  restoredBy: string | null;
  version: number;
  /**
   * For a merge leftover, as `deleted.list` reads it: the surviving customer's current values of
   * the same fields (field → value, '' for none), so the user can compare before putting any
   * back; null when the survivor no longer exists. Absent on whole customers.
   */
  mergedIntoCurrent?: Record<string, string> | null;
}

/**
 * Why one record of a restore failed: not a deleted record, already restored (elsewhere: the
 * batch form of a 409), the customer already exists, the surviving customer is gone, fields
 * that cannot be put back; `other` for anything a server adds later.
 */
export const RESTORE_FAILURE_CODES = ['not-found', 'already-restored', 'exists', 'target-missing', 'invalid-fields', 'other'] as const;
export type RestoreFailureCode = (typeof RESTORE_FAILURE_CODES)[number];

export interface RestoreFailure {
  id: string;
  code: RestoreFailureCode;
  /** In words, for the user. */
  reason: string;
  /** For `already-restored`: when, and by whom when the server knows. */
  restoredAt?: IsoDateTime | null;
  restoredBy?: string | null;
}

export interface RestoreRequest {
  /** Deleted records to restore. */
  ids: string[];
  /** For merge leftovers: which fields to put back, per record id (all when absent). */
  fields?: Record<string, string[]>;
  /**
   * For merge leftovers: which related records to put back, per record id, as the related
   * records' ids (all of the record's related records when absent for it).
   */
  related?: Record<string, string[]>;
}

/** The kinds of related records a deletion snapshot keeps. */
export const RELATED_KINDS = ['vehicles', 'notes', 'wants'] as const;
export type RelatedKind = (typeof RELATED_KINDS)[number];

/** A deleted customer's related records: its vehicles, its notes, its open wants. */
export interface DeletedRelated {
  vehicles?: CustomerVehicle[];
  notes?: CustomerNote[];
  /** Open wants ("Need Car Locate"): they come back to the needed-vehicles list. */
  wants?: VehicleWant[];
}

/** Ids of related records, per kind. */
export type RelatedIds = Record<RelatedKind, string[]>;

/**
 * Why part of a record was not put back: `not-chosen` (a merge leftover's field or related
 * record the user left unchecked), `invalid` (a value the customer cannot hold, such as an
 * unknown status), `duplicate` (a related record with the same id is already there), `other`.
 */
export const RESTORE_SKIP_CODES = ['not-chosen', 'invalid', 'duplicate', 'other'] as const;
export type RestoreSkipCode = (typeof RESTORE_SKIP_CODES)[number];

/** Something a restored record held that was not put back, and why. */
export interface RestoreSkip {
  /** A field, or a kind of related record. */
  kind: 'field' | RelatedKind;
  /** The field's name, or the related record's id. */
  name: string;
  code: RestoreSkipCode;
  /** In words, for the user. */
  reason: string;
}

/** What a restore put back for one record. */
export interface RestoreDetail {
  /** The deleted record. */
  id: string;
  kind: DeletedRecord['kind'];
  /** The name the record was deleted under. */
  fromName: string;
  /** The customer that got the data back: the restored customer, or the one a leftover was merged into. */
  customerId: string;
  customerName: string;
  /** Fields put back. */
  fields: string[];
  /** Related records put back, by kind. */
  related: RelatedIds;
  /** What the record held that was not put back, with why. */
  skipped: RestoreSkip[];
}

export interface RestoreResult {
  restored: string[];
  /** Records that could not be restored, with why. */
  failed: RestoreFailure[];
  /** Per restored record, what was put back and what was not. Absent from an older server. */
  details?: RestoreDetail[];
}

/** One restore of one record, as the restore log keeps it: who, when, what, from which record, where to. */
export interface RestoreLogEntry extends RestoreDetail {
  /** The deleted record (`RestoreDetail.id` is the entry's own id here). */
  recordId: string;
  /** The customer the record was deleted as (for a leftover, the merged-away one). */
  fromCustomerId: string;
  at: IsoDateTime;
  /** Who restored it; null when the server does not know. */
  by: string | null;
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
  /**
   * When the customer was last followed up about this want; null when never (the wait then counts
   * from `createdAt`). Absent from a server that does not record follow-ups.
   */
  lastContactAt?: IsoDateTime | null;
  /** The note of the last follow-up; null when none. Absent from a server that does not record follow-ups. */
  followUpNote?: string | null;
  /** The want's version: a follow-up carries the one it was based on (a mismatch is a conflict). */
  version?: number;
}

/** Longest follow-up note (`vehicles.followUp`), in characters. */
export const FOLLOW_UP_NOTE_MAX = 2000;

/**
 * A vehicle being taken in on trade. Year and make may be left out when a VIN is given: they are
 * read from it (see `decodeVin`). A trade-in needs a make, typed or decodable from the VIN.
 */
export interface TradeInVehicle {
  /** Vehicle Identification Number, 17 characters. */
  vin?: string | null;
  year?: number | null;
  make?: string | null;
  model?: string | null;
  trim?: string | null;
  color?: string | null;
  mileage?: number | null;
  /** Expected retail price. */
  price?: Cents | null;
}

/** What a trade-in is compared on beyond its make. */
export const TRADE_IN_CRITERIA = ['model', 'year', 'trim', 'color', 'mileage', 'price'] as const;
export type TradeInCriterion = (typeof TRADE_IN_CRITERIA)[number];

/**
 * How one criterion matched: `met`; `not-met` (trim or colour differ; the other criteria exclude
 * the want instead); `not-stated` (the want does not ask); `unknown` (the trade-in's data does
 * not tell, e.g. no mileage given, or no model for a VIN-only trade-in).
 */
export const CRITERION_OUTCOMES = ['met', 'not-met', 'not-stated', 'unknown'] as const;
export type CriterionOutcome = (typeof CRITERION_OUTCOMES)[number];

/**
 * How a make, model or trim matched: `same` (the same once case, spaces, hyphens and dots are
 * dropped: "F150" = "F-150", "CR-V" = "CRV"); `other-name` (a make's other name or a misspelling:
 * "Chevy" = "Chevrolet"); `vin` (the make the trade-in's VIN gives); `words` (the words of one
 * begin the other: "Silverado" ~ "Silverado 1500"; for a trim, its words are among the other's:
 * "XLT" ~ "XLT Sport"); `in-model` (the wanted trim is a word of the trade-in's model:
 * "Silverado 1500 LT" has the trim "LT").
 */
export const MATCH_HOWS = ['same', 'other-name', 'vin', 'words', 'in-model'] as const;
export type MatchHow = (typeof MATCH_HOWS)[number];

/** Why a want matched a trade-in on one of make, model and trim, and how close it was. */
export interface MatchReason {
  criterion: 'make' | 'model' | 'trim';
  how: MatchHow;
  /** The want's text. */
  wanted: string;
  /** The trade-in's text (for `vin`, the make its VIN gives). */
  given: string;
  /** 1 for the same (or another name of it); between 0.5 and 1 for a loose match, by the share of words in common. */
  closeness: number;
}

export interface WantMatch {
  want: VehicleWant;
  /** Criteria met, out of {@link WantMatch.criteriaSet}. */
  criteriaMet: number;
  /** Criteria the want states (model and year always; trim, colour, max mileage, max price when set). */
  criteriaSet: number;
  /** How each criterion matched. */
  criteria: Record<TradeInCriterion, CriterionOutcome>;
  /**
   * How close the match is, 0 to 1: each stated criterion counts 1 when met exactly, its
   * closeness when met loosely, 0 when not met or unknown, over the criteria stated. Absent from
   * a server that does not score matches.
   */
  score?: number;
  /** Why the make, model and trim matched (those that did). Absent from a server that does not say. */
  reasons?: MatchReason[];
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
  rules: StoredOemRule[];
  traffic: TrafficEvent[];
  deleted: DeletedRecord[];
  wants: VehicleWant[];
  /** Every restore so far, oldest first (absent: none). */
  restoreLog?: RestoreLogEntry[];
}
