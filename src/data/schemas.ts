/**
 * valibot schemas for every model type that crosses the wire, and for the request bodies of the
 * REST contract. The REST adapter validates each response with them, the demo server each request
 * body, so a malformed payload fails at the boundary with the path of the bad field.
 *
 * Objects are `v.object`: unknown keys are dropped, so a server may add fields without breaking
 * older clients. Each schema's output type is checked against its model type at the end of the
 * file, so the two cannot drift apart.
 */
import * as v from 'valibot';
import {
  ACTIVITY_KINDS,
  CRITERION_OUTCOMES,
  CUSTOMER_STATUSES,
  DELETE_REASONS,
  DEPARTMENTS,
  MATCH_HOWS,
  RELATED_KINDS,
  RESTORE_FAILURE_CODES,
  RESTORE_SKIP_CODES,
  SMS_DIRECTIONS,
  SMS_ERROR_CATEGORIES,
  SMS_PROVIDERS,
  SMS_STATUSES,
  TRAFFIC_DIMENSIONS,
  TRAFFIC_OUTCOMES,
  TRAFFIC_STEPS,
  TRAFFIC_TIME_GRAINS,
  UP_TYPES,
} from './model.js';
import type * as M from './model.js';
import type * as A from './adapter.js';
import { SMS_IMPORT_MAX_BATCH } from './model.js';
import { FOLLOW_UP_NOTE_MAX } from './model.js';

// ───────────────────────────── scalars ─────────────────────────────

/** True when a `YYYY-MM-DD` string names a day that exists (Date rolls 02-30 over to March). */
const dayExists = (s: string) => {
  const time = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s);
};
/** `YYYY-MM-DD`, and a day that exists (no 2026-02-30). */
export const IsoDateSchema = v.pipe(
  v.string(),
  v.isoDate('expected an ISO date (YYYY-MM-DD)'),
  v.check(dayExists, 'expected a calendar day that exists'),
);
/** An ISO 8601 instant with `Z` or an offset. */
export const IsoDateTimeSchema = v.pipe(v.string(), v.isoTimestamp('expected an ISO 8601 timestamp'));
/** `YYYY-MM`. */
export const IsoMonthSchema = v.pipe(v.string(), v.regex(/^\d{4}-(?:0[1-9]|1[0-2])$/, 'expected an ISO month (YYYY-MM)'));
/** Integer cents. */
export const CentsSchema = v.pipe(v.number(), v.integer('expected integer cents'));
const count = v.pipe(v.number(), v.integer('expected a whole number'), v.minValue(0, 'expected a count of 0 or more'));
const intIn = (min: number, max: number, what: string) =>
  v.pipe(v.number(), v.integer(what), v.minValue(min, what), v.maxValue(max, what));
const nullableString = v.nullable(v.string());

export const DateRangeSchema = v.object({ from: IsoDateSchema, to: IsoDateSchema });

/** A page of `item`s with an opaque cursor. */
export function pageSchema<T>(item: v.GenericSchema<unknown, T>) {
  return v.object({ items: v.array(item), total: count, nextCursor: nullableString });
}

// ───────────────────────────── sources ─────────────────────────────

export const SourceCategorySchema = v.object({
  id: v.string(),
  name: v.string(),
  order: v.number(),
  builtIn: v.boolean(),
  version: v.number(),
});

export const PosSourceSchema = v.object({
  id: v.string(),
  code: v.string(),
  categoryId: nullableString,
  name: v.string(),
  origin: v.picklist(['pos', 'shop']),
  deleted: v.boolean(),
  customerCount: count,
  version: v.number(),
  updatedAt: IsoDateTimeSchema,
});

export const MappingStatusSchema = v.object({ total: count, mapped: count, unknownCustomers: count, customers: count });

export const MarketingSpendSchema = v.object({
  id: v.string(),
  month: IsoMonthSchema,
  categoryId: v.string(),
  sourceId: nullableString,
  amount: CentsSchema,
  version: v.number(),
});

const sourceReportRowEntries = {
  id: v.string(),
  name: v.string(),
  newCustomers: count,
  share: v.number(),
  spend: CentsSchema,
  costPerNewCustomer: v.nullable(CentsSchema),
  revenue: CentsSchema,
  roi: v.nullable(v.number()),
};
export const SourceReportRowSchema = v.object(sourceReportRowEntries);
export const SourceReportCategorySchema = v.object({ ...sourceReportRowEntries, subcategories: v.array(SourceReportRowSchema) });
export const SourceReportSchema = v.object({
  range: DateRangeSchema,
  categories: v.array(SourceReportCategorySchema),
  totals: SourceReportRowSchema,
});

// ───────────────────────────── customers ─────────────────────────────

export const CustomerVehicleSchema = v.object({
  id: v.string(),
  year: v.nullable(v.number()),
  make: v.string(),
  model: v.string(),
  vin: nullableString,
});

export const CustomerNoteSchema = v.object({ id: v.string(), at: IsoDateTimeSchema, by: v.string(), text: v.string() });

export const CustomerSchema = v.object({
  id: v.string(),
  firstName: v.string(),
  lastName: v.string(),
  phone: nullableString,
  email: nullableString,
  sourceId: nullableString,
  status: v.picklist(CUSTOMER_STATUSES),
  firstVisit: v.nullable(IsoDateSchema),
  version: v.number(),
  updatedAt: IsoDateTimeSchema,
  extra: v.optional(v.record(v.string(), v.string())),
  vehicles: v.optional(v.array(CustomerVehicleSchema)),
  notes: v.optional(v.array(CustomerNoteSchema)),
});

export const InvoiceSchema = v.object({ id: v.string(), customerId: v.string(), date: IsoDateSchema, amount: CentsSchema });

export const BoardEntrySchema = v.object({
  id: v.string(),
  date: IsoDateSchema,
  customerId: v.string(),
  customerName: v.string(),
  vehicle: v.string(),
  advisor: v.string(),
  promisedAt: v.nullable(IsoDateTimeSchema),
  sourceId: nullableString,
  sourceUnknown: v.boolean(),
  customerVersion: v.number(),
});

// ───────────────────────────── sms ─────────────────────────────

export const SmsMessageSchema = v.object({
  id: v.string(),
  provider: v.picklist(SMS_PROVIDERS),
  direction: v.picklist(SMS_DIRECTIONS),
  from: v.string(),
  to: v.string(),
  body: v.string(),
  status: v.picklist(SMS_STATUSES),
  errorCode: nullableString,
  sentAt: IsoDateTimeSchema,
  segments: count,
  employeeId: nullableString,
  employeeName: nullableString,
  customerId: nullableString,
  customerName: nullableString,
});

export const SmsPeriodSummarySchema = v.object({
  range: DateRangeSchema,
  inbound: count,
  outbound: count,
  delivered: count,
  failed: count,
  deliveryRate: v.nullable(v.number()),
  errorsByCategory: v.record(v.picklist(SMS_ERROR_CATEGORIES), v.optional(count)),
  perDay: v.array(v.object({ date: IsoDateSchema, inbound: count, outbound: count, delivered: count, failed: count, filtered: count })),
});

export const CarrierBlockingFlagSchema = v.object({
  number: v.string(),
  share: v.number(),
  previousShare: v.number(),
  filtered: count,
  sent: count,
});

export const TemplateRiskSchema = v.object({
  template: v.string(),
  from: v.string(),
  messages: count,
  recipients: count,
  peakRecipients: count,
  peakStart: IsoDateTimeSchema,
  peakEnd: IsoDateTimeSchema,
  failed: count,
  filtered: count,
  examples: v.array(v.string()),
});

export const SmsSummarySchema = v.object({
  current: SmsPeriodSummarySchema,
  previous: SmsPeriodSummarySchema,
  blocking: v.array(CarrierBlockingFlagSchema),
  // Optional: a server that does not check templates, or does not say how it chose the previous
  // period, still answers the contract; the widget then says nothing about either.
  templates: v.optional(v.array(TemplateRiskSchema)),
  compared: v.optional(v.object({ basis: v.picklist(['months', 'days']), clamped: v.boolean() })),
});

/** The answer of POST /sms/import. */
export const SmsImportResultSchema = v.object({ imported: count, updated: count });

// ───────────────────────────── leads ─────────────────────────────

const ActivityKindSchema = v.picklist(ACTIVITY_KINDS);

export const LeadActivitySchema = v.object({
  id: v.string(),
  at: IsoDateTimeSchema,
  kind: ActivityKindSchema,
  by: nullableString,
});

/** A lead's flag for a manager. */
export const LeadManagerFlagSchema = v.object({ at: IsoDateTimeSchema, by: nullableString, note: nullableString });

export const LeadSchema = v.object({
  id: v.string(),
  receivedAt: IsoDateTimeSchema,
  make: v.string(),
  model: nullableString,
  year: v.nullable(v.number()),
  provider: v.string(),
  customerName: v.string(),
  email: nullableString,
  phone: nullableString,
  salespersonId: nullableString,
  salespersonName: nullableString,
  activities: v.array(LeadActivitySchema),
  // Optional: a server without manager flags still answers the contract.
  managerFlag: v.optional(v.nullable(LeadManagerFlagSchema)),
});

const hhmm = v.pipe(v.string(), v.regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, 'expected a time HH:mm (00:00-24:00)'));
const dayHours = v.optional(v.array(v.tuple([hhmm, hhmm])));
export const WeeklyHoursSchema = v.object({
  mon: dayHours,
  tue: dayHours,
  wed: dayHours,
  thu: dayHours,
  fri: dayHours,
  sat: dayHours,
  sun: dayHours,
});

export const BusinessCalendarSchema = v.object({
  zone: v.string(),
  hours: WeeklyHoursSchema,
  holidays: v.optional(v.array(IsoDateSchema)),
});

export const DealerProfileSchema = v.object({
  name: v.string(),
  zone: v.string(),
  hours: WeeklyHoursSchema,
  holidays: v.array(IsoDateSchema),
});

const minutes = v.pipe(v.number(), v.minValue(0, 'expected minutes, 0 or more'));
const oemRuleEntries = {
  id: v.string(),
  name: v.string(),
  makes: v.array(v.string()),
  limitMinutes: v.pipe(v.number(), v.gtValue(0, 'expected a limit of more than 0 minutes')),
  clock: v.picklist(['business', 'real']),
  hours: v.optional(WeeklyHoursSchema),
  excludeHolidays: v.boolean(),
  stopsClock: v.array(ActivityKindSchema),
  grades: v.optional(v.object({ greenUnder: minutes, yellowUnder: minutes })),
  compliance: v.optional(
    v.object({
      percentWithin: v.pipe(v.number(), v.minValue(0, 'expected a percentage 0-100'), v.maxValue(100, 'expected a percentage 0-100')),
      withinMinutes: minutes,
      averageAtMost: v.optional(minutes),
    }),
  ),
  discountUnder: v.optional(minutes),
  reassignOver: v.optional(minutes),
};
export const OemRuleSchema = v.object(oemRuleEntries);
/** A rule as adapters store it, and the body of `PUT /oem-rules/{id}`. */
export const StoredOemRuleSchema = v.object({ ...oemRuleEntries, version: v.pipe(v.number(), v.integer('expected a whole version number')) });

const gradeCounts = v.object({ green: count, yellow: count, red: count });
const LeadGradeSchema = v.picklist(['green', 'yellow', 'red']);

export const LeadClockStateSchema = v.object({
  status: v.picklist(['running', 'overdue', 'met', 'missed']),
  dueAt: IsoDateTimeSchema,
  elapsedMinutes: v.number(),
  remainingMinutes: v.number(),
  stoppedBy: v.optional(v.object({ kind: ActivityKindSchema, at: IsoDateTimeSchema, by: nullableString })),
  grade: LeadGradeSchema,
  consequences: v.array(v.picklist(['discount', 'reassigned'])),
});

export const LeadResponseRowSchema = v.object({
  key: v.string(),
  label: v.string(),
  count,
  responded: count,
  averageMinutes: v.nullable(v.number()),
  medianMinutes: v.nullable(v.number()),
  percentWithinLimit: v.nullable(v.number()),
  grades: gradeCounts,
  complianceMet: v.nullable(v.boolean()),
  forOthers: v.optional(count),
});

export const LeadResponseSummarySchema = v.object({
  range: DateRangeSchema,
  byOem: v.array(LeadResponseRowSchema),
  bySalesperson: v.array(LeadResponseRowSchema),
  // Absent from a server older than these tables: read as empty, and the widget says the server does not report them.
  byResponder: v.optional(v.array(LeadResponseRowSchema), () => []),
  byProvider: v.optional(v.array(LeadResponseRowSchema), () => []),
  total: LeadResponseRowSchema,
});

// ───────────────────────────── traffic ─────────────────────────────

export const TrafficDimensionSchema = v.picklist(TRAFFIC_DIMENSIONS);
export const TrafficFiltersSchema = v.record(TrafficDimensionSchema, v.optional(v.string()));

export const TrafficEventSchema = v.object({
  id: v.string(),
  at: IsoDateTimeSchema,
  upType: v.picklist(UP_TYPES),
  department: v.picklist(DEPARTMENTS),
  salespersonId: v.string(),
  salespersonName: v.string(),
  sourceCategory: v.string(),
  source: v.string(),
  steps: v.array(v.picklist(TRAFFIC_STEPS)),
  outcome: v.picklist(TRAFFIC_OUTCOMES),
});

export const TrafficQuerySchema = v.object({
  from: IsoDateSchema,
  to: IsoDateSchema,
  groupBy: TrafficDimensionSchema,
  timeGrain: v.optional(v.picklist(TRAFFIC_TIME_GRAINS)),
  filters: v.optional(TrafficFiltersSchema),
  zone: v.optional(v.string()),
});

const stepCounts = v.object({ demo: count, 'write-up': count, 'trade-appraisal': count, desk: count, finance: count });

export const TrafficRowSchema = v.object({
  key: v.string(),
  label: v.string(),
  ups: count,
  sold: count,
  closingRatio: v.nullable(v.number()),
  beBack: count,
  beBackShare: v.nullable(v.number()),
  steps: stepCounts,
});

export const TrafficAggregateSchema = v.object({
  query: TrafficQuerySchema,
  rows: v.array(TrafficRowSchema),
  total: TrafficRowSchema,
});

export const TrafficHeatmapSchema = v.object({
  cells: v.array(
    v.object({
      weekday: intIn(0, 6, 'expected a weekday 0-6'),
      hour: intIn(0, 23, 'expected an hour 0-23'),
      ups: count,
      sold: count,
    }),
  ),
  max: count,
});

// ───────────────────────────── deleted ─────────────────────────────

export const DeletedRecordSchema = v.object({
  id: v.string(),
  kind: v.picklist(['customer', 'merge-leftover']),
  customerId: v.string(),
  customerName: v.string(),
  deletedAt: IsoDateTimeSchema,
  deletedBy: v.string(),
  reason: v.picklist(DELETE_REASONS),
  mergedIntoId: nullableString,
  mergedIntoName: nullableString,
  fields: v.record(v.string(), v.string()),
  related: v.optional(
    v.object({
      vehicles: v.optional(v.array(CustomerVehicleSchema)),
      notes: v.optional(v.array(CustomerNoteSchema)),
      // Defined further down (with the vehicles).
      wants: v.optional(v.array(v.lazy(() => VehicleWantSchema))),
    }),
  ),
  restoredAt: v.nullable(IsoDateTimeSchema),
  restoredBy: nullableString,
  version: v.number(),
  mergedIntoCurrent: v.optional(v.nullable(v.record(v.string(), v.string()))),
});

export const RestoreRequestSchema = v.object({
  ids: v.array(v.string()),
  fields: v.optional(v.record(v.string(), v.array(v.string()))),
  related: v.optional(v.record(v.string(), v.array(v.string()))),
});

/** Ids per kind of related record; a kind left out means none. */
const relatedIds = () => v.optional(v.array(v.string()), () => []);

export const RestoreDetailSchema = v.object({
  id: v.string(),
  kind: v.picklist(['customer', 'merge-leftover']),
  fromName: v.string(),
  customerId: v.string(),
  customerName: v.string(),
  fields: v.array(v.string()),
  related: v.object({ vehicles: relatedIds(), notes: relatedIds(), wants: relatedIds() }),
  skipped: v.array(
    v.object({
      kind: v.picklist(['field', ...RELATED_KINDS]),
      name: v.string(),
      // A code this client does not know yet still reads as something not put back.
      code: v.fallback(v.picklist(RESTORE_SKIP_CODES), 'other'),
      reason: v.string(),
    }),
  ),
});

export const RestoreLogEntrySchema = v.object({
  ...RestoreDetailSchema.entries,
  recordId: v.string(),
  fromCustomerId: v.string(),
  at: IsoDateTimeSchema,
  by: nullableString,
});

export const RestoreResultSchema = v.object({
  restored: v.array(v.string()),
  failed: v.array(
    v.object({
      id: v.string(),
      // A code this client does not know yet (or none) still reads as a failure.
      code: v.fallback(v.picklist(RESTORE_FAILURE_CODES), 'other'),
      reason: v.string(),
      restoredAt: v.optional(v.nullable(IsoDateTimeSchema)),
      restoredBy: v.optional(nullableString),
    }),
  ),
  details: v.optional(v.array(RestoreDetailSchema)),
});

// ───────────────────────────── vehicles ─────────────────────────────

export const VehicleWantSchema = v.object({
  id: v.string(),
  customerId: v.string(),
  customerName: v.string(),
  customerStatus: v.picklist(CUSTOMER_STATUSES),
  yearFrom: v.number(),
  yearTo: v.number(),
  make: v.string(),
  model: v.string(),
  trim: nullableString,
  color: nullableString,
  maxMileage: v.nullable(v.number()),
  maxPrice: v.nullable(CentsSchema),
  createdAt: IsoDateTimeSchema,
  salespersonName: nullableString,
  lastContactAt: v.optional(v.nullable(IsoDateTimeSchema)),
  followUpNote: v.optional(nullableString),
  version: v.optional(v.pipe(v.number(), v.integer('expected a whole version number'))),
});

export const TradeInVehicleSchema = v.pipe(
  v.object({
    vin: v.nullish(v.pipe(v.string(), v.maxLength(40, 'expected a VIN of 17 characters'))),
    year: v.nullish(v.pipe(v.number(), v.integer('expected a whole year'))),
    make: v.nullish(v.string()),
    model: v.nullish(v.string()),
    trim: v.nullish(v.string()),
    color: v.nullish(v.string()),
    mileage: v.nullish(v.pipe(v.number(), v.minValue(0, 'expected a mileage of 0 or more'))),
    price: v.nullish(CentsSchema),
  }),
  v.check((t) => !!t.make?.trim() || !!t.vin?.trim(), 'expected a make or a VIN'),
);

const outcome = v.picklist(CRITERION_OUTCOMES);
const share = v.pipe(v.number(), v.minValue(0), v.maxValue(1));
export const MatchReasonSchema = v.object({
  criterion: v.picklist(['make', 'model', 'trim']),
  how: v.picklist(MATCH_HOWS),
  wanted: v.string(),
  given: v.string(),
  closeness: share,
});
export const WantMatchSchema = v.object({
  want: VehicleWantSchema,
  criteriaMet: count,
  criteriaSet: count,
  criteria: v.object({ model: outcome, year: outcome, trim: outcome, color: outcome, mileage: outcome, price: outcome }),
  score: v.optional(share),
  reasons: v.optional(v.array(MatchReasonSchema)),
});

// ───────────────────────────── dataset ─────────────────────────────

export const DatasetSchema = v.object({
  today: IsoDateSchema,
  dealer: DealerProfileSchema,
  categories: v.array(SourceCategorySchema),
  sources: v.array(PosSourceSchema),
  customers: v.array(CustomerSchema),
  invoices: v.array(InvoiceSchema),
  spend: v.array(MarketingSpendSchema),
  board: v.array(BoardEntrySchema),
  sms: v.array(SmsMessageSchema),
  leads: v.array(LeadSchema),
  rules: v.array(StoredOemRuleSchema),
  traffic: v.array(TrafficEventSchema),
  deleted: v.array(DeletedRecordSchema),
  wants: v.array(VehicleWantSchema),
  restoreLog: v.optional(v.array(RestoreLogEntrySchema)),
});

// ───────────────────────────── request bodies ─────────────────────────────
// The id of the thing written travels in the path, so it is not part of these bodies.

const version = v.pipe(v.number(), v.integer('expected a whole version number'));

/** PATCH /sources/{id} */
export const SourceUpdateBodySchema = v.object({
  expectedVersion: version,
  categoryId: v.optional(nullableString),
  name: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('expected a non-empty name'))),
  deleted: v.optional(v.boolean()),
});

/** POST /sources */
export const SourceCreateBodySchema = v.object({
  id: v.optional(v.string()),
  categoryId: v.string(),
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('expected a non-empty name')),
});

/** PUT /sources/categories/{id} */
export const CategoryUpsertBodySchema = v.object({
  name: v.pipe(v.string(), v.trim(), v.nonEmpty('expected a non-empty name')),
  order: v.optional(v.number()),
  expectedVersion: v.optional(version),
  deleted: v.optional(v.boolean()),
});

/** PUT /sources/spend */
export const SpendUpsertBodySchema = v.object({
  month: IsoMonthSchema,
  categoryId: v.string(),
  sourceId: nullableString,
  amount: v.pipe(CentsSchema, v.minValue(0, 'expected a non-negative amount')),
  expectedVersion: v.optional(version),
});

/** PUT /customers/{id}/source */
export const CustomerSourceBodySchema = v.object({ sourceId: nullableString, expectedVersion: version });

/** POST /vehicles/wants/{id}/follow-up */
export const WantFollowUpBodySchema = v.object({
  note: v.pipe(v.string(), v.maxLength(FOLLOW_UP_NOTE_MAX, `expected a note of at most ${FOLLOW_UP_NOTE_MAX} characters`)),
  expectedVersion: version,
});

/** The argument of `sms.import`: one batch of messages, matched by id. */
export const SmsImportBatchSchema = v.pipe(
  v.array(SmsMessageSchema),
  v.maxLength(SMS_IMPORT_MAX_BATCH, `expected at most ${SMS_IMPORT_MAX_BATCH} messages per request`),
);

/** POST /sms/import: one batch of messages, matched by id. */
export const SmsImportBodySchema = v.object({ messages: SmsImportBatchSchema });

// ───────────────────────────── write arguments ─────────────────────────────
// What a write method takes: its body plus the id that travels in the path. The outbox checks a
// stored write against these before it sends it again.

/** The argument of `sources.update`. */
export const SourceUpdateSchema = v.object({ id: v.string(), ...SourceUpdateBodySchema.entries });
/** The argument of `sources.saveCategory`. */
export const CategoryUpsertSchema = v.object({ id: v.string(), ...CategoryUpsertBodySchema.entries });
/** The argument of `customers.setSource`. */
export const CustomerSourceChangeSchema = v.object({ customerId: v.string(), ...CustomerSourceBodySchema.entries });
/** The argument of `vehicles.followUp`. */
export const WantFollowUpSchema = v.object({ wantId: v.string(), ...WantFollowUpBodySchema.entries });

// ───────────────────────────── read queries ─────────────────────────────
// The arguments of the reads, in the adapter's terms (numbers, booleans, the `filters` map). On
// the wire they are query parameters: absent and null values left out, `filters` as `filter.<dim>`.

const pageQueryEntries = {
  cursor: v.optional(nullableString),
  limit: v.optional(v.number()),
};
const optionalText = v.optional(v.string());

/** `customers.board`: one day's board. */
export const BoardQuerySchema = v.object({ date: IsoDateSchema });

/** `customers.list`. */
export const CustomerQuerySchema = v.object({
  search: optionalText,
  sourceUnknown: v.optional(v.boolean()),
  ...pageQueryEntries,
});

const smsFilterEntries = {
  ...DateRangeSchema.entries,
  direction: v.optional(v.picklist(SMS_DIRECTIONS)),
  status: v.optional(v.picklist(SMS_STATUSES)),
  errorCategory: v.optional(v.picklist(SMS_ERROR_CATEGORIES)),
  errorCode: optionalText,
  employeeId: optionalText,
  customerId: optionalText,
  text: optionalText,
};
/** `sms.summary`. */
export const SmsFilterSchema = v.object(smsFilterEntries);
/** `sms.list`. */
export const SmsListQuerySchema = v.object({
  ...smsFilterEntries,
  ...pageQueryEntries,
  offset: v.optional(v.number()),
  order: v.optional(v.picklist(['asc', 'desc'])),
});

/** `leads.list`. */
export const LeadQuerySchema = v.object({
  ...DateRangeSchema.entries,
  ruleId: optionalText,
  salespersonId: optionalText,
  ...pageQueryEntries,
});

/** `leads.flag`: the body of POST /leads/{id}/flag with its path's `leadId`. */
export const LeadFlagChangeSchema = v.object({ leadId: v.string(), flagged: v.boolean(), note: v.optional(nullableString) });

const trafficScopeEntries = { ...DateRangeSchema.entries, filters: v.optional(TrafficFiltersSchema), zone: optionalText };
/** `traffic.heatmap`. */
export const TrafficHeatmapQuerySchema = v.object(trafficScopeEntries);
/** `traffic.list`. */
export const TrafficListQuerySchema = v.object({ ...trafficScopeEntries, ...pageQueryEntries });

/** `deleted.list`. */
export const DeletedQuerySchema = v.object({
  ...DateRangeSchema.entries,
  reason: v.optional(v.picklist(DELETE_REASONS)),
  search: optionalText,
  includeRestored: v.optional(v.boolean()),
  ...pageQueryEntries,
});

/** `deleted.log`. */
export const RestoreLogQuerySchema = v.object({ recordId: optionalText, customerId: optionalText, ...pageQueryEntries });

/** `vehicles.wants`. */
export const WantQuerySchema = v.object({ make: optionalText, search: optionalText, ...pageQueryEntries });

// ───────────────────────────── issue messages ─────────────────────────────

/** Longest key or received value an issue message repeats; a longer one is cut short with `…`. */
const MAX_QUOTED = 60;

/** `text` cut to {@link MAX_QUOTED} UTF-16 units (never half a surrogate pair), with `…` when cut. */
function clip(text: string): string {
  if (text.length <= MAX_QUOTED) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_QUOTED - 1]!) ? MAX_QUOTED - 1 : MAX_QUOTED;
  return `${text.slice(0, end)}…`;
}

/** Where a valibot issue is, as `items[3].sentAt`; empty at the root. A long key is cut short. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const item of issue.path ?? []) {
    path += typeof item.key === 'number' ? `[${item.key}]` : `${path ? '.' : ''}${clip(String(item.key))}`;
  }
  return path;
}

/** What was received, as valibot quotes it; a long string is cut short inside its quotes. */
function received(issue: v.BaseIssue<unknown>): string {
  const text = issue.received;
  const quoted = typeof issue.input === 'string' && text.length > 1 && text.startsWith('"') && text.endsWith('"');
  return quoted ? `"${clip(text.slice(1, -1))}"` : clip(text);
}

/**
 * What is wrong: `expected string, received 5` for a wrong type, the validation's own message
 * (every one in schemas.ts states what it expects) with what was received for a wrong value.
 * A long received string is cut short, so a 100 kB field does not become a 100 kB message.
 */
export function issueText(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema') return `expected ${issue.expected}, received ${received(issue)}`;
  // A check on a whole object has nothing useful to print as "received".
  return typeof issue.input === 'object' && issue.input !== null ? issue.message : `${issue.message}, received ${received(issue)}`;
}

/** `items[3].sentAt: expected string, received 5` for one valibot issue. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  return `${issuePath(issue) || '(root)'}: ${issueText(issue)}`;
}

// ───────────────────────────── drift checks ─────────────────────────────

type Same<X, Y> = (<G>() => G extends X ? 1 : 2) extends <G>() => G extends Y ? 1 : 2 ? true : false;
/** Fails to compile when a schema's output is not exactly its model type. */
type Pin<S extends v.GenericSchema, T> = Same<v.InferOutput<S>, T> extends true ? true : ['schema drifted from', T];
type Expect<T extends true> = T;

/** @internal */
export type SchemaDriftChecks = [
  Expect<Pin<typeof SourceCategorySchema, M.SourceCategory>>,
  Expect<Pin<typeof PosSourceSchema, M.PosSource>>,
  Expect<Pin<typeof MappingStatusSchema, M.MappingStatus>>,
  Expect<Pin<typeof MarketingSpendSchema, M.MarketingSpend>>,
  Expect<Pin<typeof SourceReportRowSchema, M.SourceReportRow>>,
  Expect<Pin<typeof SourceReportSchema, M.SourceReport>>,
  Expect<Pin<typeof CustomerSchema, M.Customer>>,
  Expect<Pin<typeof InvoiceSchema, M.Invoice>>,
  Expect<Pin<typeof BoardEntrySchema, M.BoardEntry>>,
  Expect<Pin<typeof SmsMessageSchema, M.SmsMessage>>,
  Expect<Pin<typeof SmsSummarySchema, M.SmsSummary>>,
  Expect<Pin<typeof SmsImportResultSchema, A.SmsImportResult>>,
  Expect<Pin<typeof LeadSchema, M.Lead>>,
  Expect<Pin<typeof DealerProfileSchema, M.DealerProfile>>,
  Expect<Pin<typeof BusinessCalendarSchema, M.BusinessCalendar>>,
  Expect<Pin<typeof OemRuleSchema, M.OemRule>>,
  Expect<Pin<typeof StoredOemRuleSchema, M.StoredOemRule>>,
  Expect<Pin<typeof LeadClockStateSchema, M.LeadClockState>>,
  Expect<Pin<typeof LeadResponseSummarySchema, M.LeadResponseSummary>>,
  Expect<Pin<typeof TrafficEventSchema, M.TrafficEvent>>,
  Expect<Pin<typeof TrafficAggregateSchema, M.TrafficAggregate>>,
  Expect<Pin<typeof TrafficHeatmapSchema, M.TrafficHeatmap>>,
  Expect<Pin<typeof DeletedRecordSchema, M.DeletedRecord>>,
  Expect<Pin<typeof RestoreRequestSchema, M.RestoreRequest>>,
  Expect<Pin<typeof RestoreResultSchema, M.RestoreResult>>,
  Expect<Pin<typeof RestoreLogEntrySchema, M.RestoreLogEntry>>,
  Expect<Pin<typeof CustomerVehicleSchema, M.CustomerVehicle>>,
  Expect<Pin<typeof CustomerNoteSchema, M.CustomerNote>>,
  Expect<Pin<typeof VehicleWantSchema, M.VehicleWant>>,
  Expect<Pin<typeof TradeInVehicleSchema, M.TradeInVehicle>>,
  Expect<Pin<typeof WantMatchSchema, M.WantMatch>>,
  Expect<Pin<typeof MatchReasonSchema, M.MatchReason>>,
  Expect<Pin<typeof DatasetSchema, M.Dataset>>,
  Expect<Pin<ReturnType<typeof pageSchema<M.SmsMessage>>, A.Page<M.SmsMessage>>>,
  Expect<Pin<typeof SourceUpdateBodySchema, Omit<A.SourceUpdate, 'id'>>>,
  Expect<Pin<typeof CategoryUpsertBodySchema, Omit<A.CategoryUpsert, 'id'>>>,
  Expect<Pin<typeof SpendUpsertBodySchema, A.SpendUpsert>>,
  Expect<Pin<typeof CustomerSourceBodySchema, Omit<A.CustomerSourceChange, 'customerId'>>>,
  Expect<Pin<typeof SourceUpdateSchema, A.SourceUpdate>>,
  Expect<Pin<typeof CategoryUpsertSchema, A.CategoryUpsert>>,
  Expect<Pin<typeof CustomerSourceChangeSchema, A.CustomerSourceChange>>,
  Expect<Pin<typeof SourceCreateBodySchema, A.SourceCreate>>,
  Expect<Pin<typeof BoardQuerySchema, { date: M.IsoDate }>>,
  Expect<Pin<typeof CustomerQuerySchema, A.CustomerQuery>>,
  Expect<Pin<typeof SmsFilterSchema, M.SmsFilter>>,
  Expect<Pin<typeof SmsListQuerySchema, A.SmsListQuery>>,
  Expect<Pin<typeof LeadQuerySchema, M.LeadQuery>>,
  Expect<Pin<typeof LeadFlagChangeSchema, M.LeadFlagChange>>,
  Expect<Pin<typeof LeadManagerFlagSchema, M.LeadManagerFlag>>,
  Expect<Pin<typeof TrafficQuerySchema, M.TrafficQuery>>,
  Expect<Pin<typeof TrafficListQuerySchema, A.TrafficListQuery>>,
  Expect<Pin<typeof DeletedQuerySchema, A.DeletedQuery>>,
  Expect<Pin<typeof RestoreLogQuerySchema, A.RestoreLogQuery>>,
  Expect<Pin<typeof WantQuerySchema, A.WantQuery>>,
  Expect<Pin<typeof WantFollowUpSchema, A.WantFollowUp>>,
];
