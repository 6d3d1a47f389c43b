/**
 * The scale bench's dealer group, made up row by row and streamed: 50 tenants of varying sizes,
 * their customers and two years of their SMS log, as lines of PostgreSQL's COPY text format. No
 * row is kept once written, so 10M messages need no more memory than one chunk of lines.
 *
 * The log is written in time order across the group (each day's messages of every tenant
 * together), as a live log grows, so one tenant's rows are spread over the table's pages as they
 * would be in production; a per-tenant order would cluster them and flatter every query.
 */
import type { SmsDirection, SmsMessage, SmsProvider, SmsStatus } from '../../src/data/model.js';
import { zoneOffsetMs } from '../../src/data/logic/calendar-zones.js';
import { smsErrorCategoryOf } from '../../src/data/logic/sms.js';
import { trafficFlags } from '../../src/data/logic/traffic.js';
import { mulberry32 } from '../../src/data/demo-random.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The bench's sizes at scale 1 (`--scale` multiplies each). */
export const FULL_SIZE = { tenants: 50, sms: 10_000_000, customers: 1_000_000, traffic: 10_000_000, leads: 1_000_000 } as const;

/** The log's two years: [start, end) in UTC, ending on the bench's "today". */
export const SPAN = { start: Date.UTC(2024, 11, 1), end: Date.UTC(2026, 11, 1) } as const;
export const SPAN_DAYS = (SPAN.end - SPAN.start) / DAY_MS;


export interface BenchTenant {
  id: string;
  zone: string;
  /** Its share of the group's rows (the shares sum to 1). */
  share: number;
  /** Area code of its numbers. */
  area: number;
  customers: number;
}

const ZONES = ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Phoenix'];

/**
 * The group's tenants: `bench-01` … , each with a share of the rows between 1 and 6 parts (a
 * large store is six times a small one), in a fixed shuffled order.
 */
export function benchTenants(count: number, customers: number): BenchTenant[] {
  const rng = mulberry32(7);
  const weights = Array.from({ length: count }, (_, i) => 1 + (5 * ((i * 37) % count)) / Math.max(1, count - 1) + rng() * 0.2);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w, i) => ({
    id: `bench-${String(i + 1).padStart(2, '0')}`,
    zone: ZONES[i % ZONES.length]!,
    share: w / total,
    area: 201 + i * 7,
    customers: Math.max(1, Math.round((customers * w) / total)),
  }));
}

/** COPY text format: backslash, tab, newline and carriage return escaped. */
function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}
const copyNullable = (value: string | null) => (value === null ? '\\N' : copyText(value));

const FIRST = ['James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Carlos', 'Maria', 'Wei', 'Aisha', 'Dmitri', 'Priya'];
const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', "O'Brien", 'Nguyen'];
const STATUSES = ['active', 'active', 'active', 'prospect', 'sold', 'inactive', 'need-car-locate'] as const;
const EMPLOYEES = ['Alex Rivera', 'Sam Carter', 'Jordan Lee', 'Taylor Brooks', 'Morgan Diaz', 'Casey Patel', 'Riley Chen', 'Jamie Fox'];
const OUTBOUND = [
  'Hi {first}, your vehicle is ready for pickup. We are open until 6pm.',
  'Hi {first}, this is {employee} from the service desk: your appointment is confirmed for tomorrow at 9:00.',
  'Hi {first}, the technician found worn front brake pads. Reply YES to approve the quote of $289.',
  '{first}, thanks for visiting! How did we do? Reply 1-5.',
  'Reminder: your {vehicle} is due for its 30,000-mile service. Book online or reply to this text.',
];
const INBOUND = ['Yes please go ahead', 'What time do you close today?', 'Can I pick it up tomorrow instead?', 'Thanks!', 'STOP', 'How much will that be?'];
const VEHICLES = ['Camry', 'F-150', 'Civic', 'Silverado', 'RAV4', 'CR-V', 'Equinox', 'Tacoma'];
const ERRORS: Record<SmsProvider, [string, SmsStatus][]> = {
  twilio: [['30003', 'undelivered'], ['30005', 'undelivered'], ['30006', 'undelivered'], ['30007', 'undelivered'], ['21610', 'failed'], ['21211', 'failed'], ['30034', 'undelivered']],
  bandwidth: [['4406', 'failed'], ['4720', 'failed'], ['4750', 'undelivered'], ['9902', 'undelivered'], ['4470', 'undelivered'], ['4770', 'undelivered']],
};

/** A customer's name and phone from its number within the tenant (the SMS log names the same people). */
function person(tenant: BenchTenant, k: number) {
  const h = Math.imul(k + 1, 2654435761) >>> 0;
  return {
    firstName: FIRST[h % FIRST.length]!,
    lastName: LAST[(h >>> 8) % LAST.length]!,
    phone: `+1${tenant.area}${String(2_000_000 + k).padStart(7, '0')}`,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The columns `customers` is copied with, in order. */
export const CUSTOMER_COLUMNS = ['tenant_id', 'id', 'last_name', 'first_name', 'source_id', 'version', 'doc'] as const;

/** Every tenant's customers, as COPY lines, `chunk` lines at a time. */
export function* customerLines(tenants: readonly BenchTenant[], chunk = 2000): Generator<string> {
  const rng = mulberry32(11);
  let lines: string[] = [];
  for (const tenant of tenants) {
    for (let k = 0; k < tenant.customers; k++) {
      const { firstName, lastName, phone } = person(tenant, k);
      const id = `cus-${k}`;
      const sourceId = rng() < 0.15 ? null : `src-${Math.floor(rng() * 12)}`;
      const firstVisit = rng() < 0.1 ? null : iso(SPAN.start - 3 * 365 * DAY_MS + Math.floor(rng() * 5 * 365) * DAY_MS).slice(0, 10);
      const doc = {
        id,
        firstName,
        lastName,
        phone,
        email: rng() < 0.7 ? `${firstName}.${lastName}${k}@example.com`.toLowerCase().replace(/'/g, '') : null,
        sourceId,
        status: STATUSES[Math.floor(rng() * STATUSES.length)]!,
        firstVisit,
        version: 1,
        updatedAt: iso(SPAN.end - Math.floor(rng() * 700) * DAY_MS),
      };
      lines.push(`${tenant.id}\t${id}\t${copyText(lastName)}\t${copyText(firstName)}\t${copyNullable(sourceId)}\t1\t${copyText(JSON.stringify(doc))}\n`);
      if (lines.length >= chunk) {
        yield lines.join('');
        lines = [];
      }
    }
  }
  if (lines.length) yield lines.join('');
}

/** The columns `sms` is copied with, in order (those insert.sql writes). */
export const SMS_COLUMNS = ['tenant_id', 'id', 'sent_at', 'day', 'direction', 'status', 'error_code', 'error_category', 'from_number', 'employee_id', 'customer_id', 'doc'] as const;

/**
 * The local calendar day of `ms` in `zone`, as insert.sql computes it
 * (`(sent_at AT TIME ZONE zone)::date`), from the zone's offset per UTC hour, looked up once per
 * hour of the span (the group's zones change offset only on the hour).
 */
function localDays(zones: readonly string[]) {
  const local = localTime(zones);
  return (zone: string, ms: number) => iso(Math.floor(local(zone, ms) / DAY_MS) * DAY_MS).slice(0, 10);
}

/** The wall time of `ms` in `zone` as UTC milliseconds (see localDays). */
function localTime(zones: readonly string[]) {
  const hours = (SPAN.end - SPAN.start) / HOUR_MS;
  const offsets = new Map(zones.map((zone) => [zone, Float64Array.from({ length: hours }, (_, h) => zoneOffsetMs(zone, SPAN.start + h * HOUR_MS))]));
  return (zone: string, ms: number) => ms + offsets.get(zone)![Math.min(hours - 1, Math.max(0, Math.floor((ms - SPAN.start) / HOUR_MS)))]!;
}

/**
 * A COPY line of the columns `columns` from a row's values by column name (null: `\N`). The tables
 * of traffic and leads are read from the database's catalog, so the bench fills them as their
 * migration has them; a column it has no value for is refused before anything is copied.
 */
function columnLine(columns: readonly string[], values: Record<string, string | number | null>): string {
  let line = '';
  for (let i = 0; i < columns.length; i++) {
    const v = values[columns[i]!];
    line += (i ? '\t' : '') + (v === null || v === undefined ? '\\N' : typeof v === 'number' ? String(v) : copyText(v));
  }
  return line + '\n';
}

/** The columns of traffic and leads rows the bench can fill (those with a default need not be filled). */
export const TRAFFIC_VALUES: readonly string[] = ['tenant_id', 'id', 'at', 'day', 'hour', 'utc_offset', 'up_type', 'department', 'salesperson_id', 'salesperson_name', 'source_category', 'source', 'outcome', 'steps', 'flags', 'doc'];
export const LEAD_VALUES: readonly string[] = ['tenant_id', 'id', 'received_at', 'day', 'make_key', 'salesperson_id', 'provider', 'doc'];

/**
 * The group's SMS log, `total` messages over the span in time order, each of a tenant picked by
 * its share; as COPY lines, `chunk` lines at a time. A day holds 0.7–1.3 of the average (weekends
 * lower), 90% of a day's messages fall in its working hours (13:00–24:00 UTC, 8–7 in the
 * group's zones), a third of them inbound, 9% of outbound ones failing with a provider's code.
 */
export function* smsLines(tenants: readonly BenchTenant[], total: number, chunk = 2000): Generator<string> {
  const rng = mulberry32(13);
  const cumulative: number[] = [];
  let sum = 0;
  for (const t of tenants) cumulative.push((sum += t.share));
  const pickTenant = () => {
    const r = rng() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const dayOf = localDays([...new Set(tenants.map((t) => t.zone))]);
  const counters = new Int32Array(tenants.length);
  // Messages per day: weekdays 1.1, weekends 0.6, with ±0.15 noise, scaled to `total`.
  const weights = Array.from({ length: SPAN_DAYS }, (_, d) => {
    const weekday = new Date(SPAN.start + d * DAY_MS).getUTCDay();
    return (weekday === 0 || weekday === 6 ? 0.6 : 1.1) * (0.85 + 0.3 * rng());
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let lines: string[] = [];
  let written = 0;
  let carry = 0;
  for (let d = 0; d < SPAN_DAYS; d++) {
    const exact = (total * weights[d]!) / weightSum + carry;
    const count = d === SPAN_DAYS - 1 ? total - written : Math.floor(exact);
    carry = exact - count;
    const midnight = SPAN.start + d * DAY_MS;
    const times = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      times[i] = midnight + (rng() < 0.9 ? 13 * HOUR_MS + rng() * 11 * HOUR_MS : rng() * DAY_MS);
    }
    times.sort();
    for (let i = 0; i < count; i++) {
      const ms = Math.floor(times[i]!);
      const ti = pickTenant();
      const tenant = tenants[ti]!;
      const n = ++counters[ti]!;
      const customerNo = Math.floor(rng() * tenant.customers);
      const customer = person(tenant, customerNo);
      const senderNo = Math.floor(rng() * 4);
      const provider: SmsProvider = senderNo < 2 ? 'twilio' : 'bandwidth';
      const sender = `+1${tenant.area}555010${senderNo}`;
      const inbound = rng() < 0.34;
      const direction: SmsDirection = inbound ? 'inbound' : 'outbound';
      const employeeNo = !inbound && rng() < 0.85 ? Math.floor(rng() * EMPLOYEES.length) : -1;
      const employeeName = employeeNo >= 0 ? EMPLOYEES[employeeNo]! : null;
      const body = inbound
        ? INBOUND[Math.floor(rng() * INBOUND.length)]!
        : OUTBOUND[Math.floor(rng() * OUTBOUND.length)]!.replace('{first}', customer.firstName)
            .replace('{employee}', employeeName ?? 'the service desk')
            .replace('{vehicle}', VEHICLES[customerNo % VEHICLES.length]!);
      let status: SmsStatus = inbound ? 'received' : 'delivered';
      let errorCode: string | null = null;
      if (!inbound && rng() < 0.09) {
        const errors = ERRORS[provider];
        [errorCode, status] = errors[Math.floor(rng() * errors.length)]!;
      } else if (!inbound && SPAN.end - ms < 2 * DAY_MS && rng() < 0.3) status = 'sent';
      const message: SmsMessage = {
        id: `sms-${n}`,
        provider,
        direction,
        from: inbound ? customer.phone : sender,
        to: inbound ? sender : customer.phone,
        body,
        status,
        errorCode,
        sentAt: iso(ms),
        segments: body.length > 160 ? 2 : 1,
        employeeId: employeeNo >= 0 ? `emp-${employeeNo}` : null,
        employeeName,
        customerId: `cus-${customerNo}`,
        customerName: `${customer.firstName} ${customer.lastName}`,
      };
      lines.push(
        `${tenant.id}\t${message.id}\t${message.sentAt}\t${dayOf(tenant.zone, ms)}\t${direction}\t${status}\t${copyNullable(errorCode)}\t${copyNullable(smsErrorCategoryOf(message))}\t${message.from}\t${copyNullable(message.employeeId)}\t${message.customerId}\t${copyText(JSON.stringify(message))}\n`,
      );
      if (lines.length >= chunk) {
        yield lines.join('');
        lines = [];
      }
    }
    written += count;
  }
  if (lines.length) yield lines.join('');
}

/** Time-ordered row times of the group: `total` over the span, each with its tenant's index. */
function* groupTimes(tenants: readonly BenchTenant[], total: number, seed: number, inDay: (rng: () => number) => number): Generator<[number, number]> {
  const rng = mulberry32(seed);
  const cumulative: number[] = [];
  let sum = 0;
  for (const t of tenants) cumulative.push((sum += t.share));
  const weights = Array.from({ length: SPAN_DAYS }, (_, d) => {
    const weekday = new Date(SPAN.start + d * DAY_MS).getUTCDay();
    return (weekday === 0 ? 0.3 : weekday === 6 ? 1.3 : 1) * (0.85 + 0.3 * rng());
  });
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let written = 0;
  let carry = 0;
  for (let d = 0; d < SPAN_DAYS; d++) {
    const exact = (total * weights[d]!) / weightSum + carry;
    const count = d === SPAN_DAYS - 1 ? total - written : Math.floor(exact);
    carry = exact - count;
    const times = new Float64Array(count);
    for (let i = 0; i < count; i++) times[i] = SPAN.start + d * DAY_MS + inDay(rng);
    times.sort();
    for (let i = 0; i < count; i++) {
      const r = rng() * sum;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid]! < r) lo = mid + 1;
        else hi = mid;
      }
      yield [Math.floor(times[i]! / 60_000) * 60_000, lo];
    }
    written += count;
  }
}

const SALESPEOPLE = ['Dana Whitfield', 'Marcus Bell', 'Priya Raman', 'Luis Ortega', 'Hannah Cole', 'Tom Becker', 'Grace Kim', 'Omar Haddad', 'Nina Petrova', 'Eli Turner'];
const UPS = [['walk-in', 30], ['phone-up', 15], ['internet', 25], ['be-back', 10], ['appointment', 12], ['service-drive', 8]] as const;
const DEPARTMENTS = [['new', 55], ['used', 40], ['service', 5]] as const;
const SOURCES = [
  ['internet', 'Google', 10], ['internet', 'Website', 8], ['internet', 'Cars.com', 5], ['internet', 'Autotrader', 4], ['internet', 'Facebook', 3],
  ['referral', 'Referral – Friend', 6], ['referral', 'Referral', 3], ['drive-by', 'Drive-by', 8], ['advertising', 'Radio – KJZ', 4],
  ['advertising', 'TV', 3], ['advertising', 'Mailer', 2], ['fleet', 'Fleet – Acme', 1], ['repeat', 'Repeat', 9], ['other-new', 'Other', 2],
] as const;
const STEP_PATHS = [
  [[], 25], [['demo'], 20], [['demo', 'write-up'], 15], [['demo', 'write-up', 'trade-appraisal'], 10], [['demo', 'write-up', 'desk'], 12],
  [['demo', 'write-up', 'desk', 'finance'], 8], [['demo', 'write-up', 'trade-appraisal', 'desk', 'finance'], 10],
] as const;

/** A weighted pick over `[value…, weight]` rows. */
function weighted<T extends readonly unknown[]>(rows: readonly T[], rng: () => number): () => T {
  const total = rows.reduce((a, r) => a + (r[r.length - 1] as number), 0);
  return () => {
    let r = rng() * total;
    for (const row of rows) if ((r -= row[row.length - 1] as number) < 0) return row;
    return rows[rows.length - 1]!;
  };
}

/** The group's store traffic: `total` ups in opening hours (13–24 UTC, 8–7 in the group's zones), time-ordered. */
export function* trafficLines(tenants: readonly BenchTenant[], total: number, columns: readonly string[], chunk = 2000): Generator<string> {
  const rng = mulberry32(17);
  const pickUp = weighted(UPS, rng);
  const pickDepartment = weighted(DEPARTMENTS, rng);
  const pickSource = weighted(SOURCES, rng);
  const pickInternet = weighted(SOURCES.filter(([c]) => c === 'internet'), rng);
  const pickSteps = weighted(STEP_PATHS, rng);
  const localOf = localTime([...new Set(tenants.map((t) => t.zone))]);
  const counters = new Int32Array(tenants.length);
  let lines: string[] = [];
  for (const [ms, ti] of groupTimes(tenants, total, 19, (r) => 13 * HOUR_MS + ((r() + r()) / 2) * 11 * HOUR_MS)) {
    const tenant = tenants[ti]!;
    const upType = pickUp()[0];
    const [sourceCategory, source] = upType === 'internet' ? pickInternet() : pickSource();
    const steps = pickSteps()[0] as readonly string[];
    const last = steps[steps.length - 1];
    const r = rng();
    const outcome = last === 'finance' ? (r < 0.9 ? 'sold' : 'pending') : last === 'desk' ? (r < 0.3 ? 'sold' : r < 0.45 ? 'pending' : 'not-sold') : 'not-sold';
    const sp = Math.floor(rng() * SALESPEOPLE.length);
    const event = {
      id: `t${(++counters[ti]!).toString(36)}`,
      at: iso(ms),
      upType,
      department: pickDepartment()[0],
      salespersonId: `sp-${sp}`,
      salespersonName: SALESPEOPLE[sp]!,
      sourceCategory,
      source,
      steps,
      outcome,
    };
    const local = localOf(tenant.zone, ms);
    lines.push(
      columnLine(columns, {
        tenant_id: tenant.id,
        id: event.id,
        at: event.at,
        day: iso(Math.floor(local / DAY_MS) * DAY_MS).slice(0, 10),
        hour: Math.floor((local % DAY_MS) / HOUR_MS),
        utc_offset: Math.round((local - ms) / 60_000),
        up_type: upType,
        department: event.department,
        salesperson_id: event.salespersonId,
        salesperson_name: event.salespersonName,
        source_category: sourceCategory,
        source,
        outcome,
        steps: `{${steps.join(',')}}`,
        flags: trafficFlags(event as Parameters<typeof trafficFlags>[0]),
        doc: JSON.stringify(event),
      }),
    );
    if (lines.length >= chunk) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length) yield lines.join('');
}

const LEAD_PROVIDERS = ['OEM website', 'Dealer website', 'Autotrader', 'Cars.com', 'TrueCar', 'CarGurus', 'Edmunds'];
const RESPONSES = [['email-sent', 35], ['call-completed', 25], ['text-sent', 15], ['text-received', 5], ['ebrochure-sent', 8], ['call-incoming', 5], ['email-received', 7]] as const;
const CUSTOMER_KINDS = new Set(['email-received', 'call-incoming', 'text-received']);

/**
 * The group's internet leads: `total` over the span, 70% in the day's hours, each with the
 * activities of a response (an auto-response for 40%, a first answer within minutes to hours for
 * 87%, a follow-up for half of those). `makes` are the makes leads are for, with their make keys.
 */
export function* leadLines(tenants: readonly BenchTenant[], total: number, makes: readonly [string, string][], columns: readonly string[], chunk = 1000): Generator<string> {
  const rng = mulberry32(23);
  const pickResponse = weighted(RESPONSES, rng);
  const dayOf = localDays([...new Set(tenants.map((t) => t.zone))]);
  const counters = new Int32Array(tenants.length);
  let activity = 0;
  let lines: string[] = [];
  for (const [ms, ti] of groupTimes(tenants, total, 29, (r) => (r() < 0.7 ? 13 * HOUR_MS + r() * 11 * HOUR_MS : r() * DAY_MS))) {
    const tenant = tenants[ti]!;
    const n = ++counters[ti]!;
    const [make, key] = makes[Math.floor(rng() * makes.length)]!;
    const sp = rng() < 0.9 ? Math.floor(rng() * SALESPEOPLE.length) : -1;
    const salesperson = sp >= 0 ? SALESPEOPLE[sp]! : null;
    const activities: { id: string; at: string; kind: string; by: string | null }[] = [];
    const act = (at: number, kind: string, by: string | null) => {
      if (at < SPAN.end) activities.push({ id: `act-${++activity}`, at: iso(at), kind, by: CUSTOMER_KINDS.has(kind) ? null : by });
    };
    if (rng() < 0.4) act(ms + (20 + Math.floor(rng() * 100)) * 1000, 'auto-response', null);
    if (rng() < 0.87) {
      const r = rng();
      const delay = r < 0.6 ? 3 + Math.floor(rng() * 57) : r < 0.85 ? 60 + Math.floor(rng() * 120) : 180 + Math.floor(rng() * 720);
      act(ms + delay * 60_000, pickResponse()[0], salesperson ?? 'BDC Desk');
      if (rng() < 0.5) act(ms + (delay + 30 + Math.floor(rng() * 2000)) * 60_000, pickResponse()[0], salesperson ?? 'BDC Desk');
    }
    activities.sort((a, b) => (a.at < b.at ? -1 : 1));
    const { firstName, lastName, phone } = person(tenant, Math.floor(rng() * tenant.customers));
    const lead = {
      id: `lead-${n}`,
      receivedAt: iso(ms),
      make,
      model: null,
      year: rng() < 0.9 ? 2025 + Math.floor(rng() * 3) : null,
      provider: LEAD_PROVIDERS[Math.floor(rng() * LEAD_PROVIDERS.length)]!,
      customerName: `${firstName} ${lastName}`,
      email: rng() < 0.9 ? `lead${n}@example.net` : null,
      phone: rng() < 0.7 ? phone : null,
      salespersonId: sp >= 0 ? `sp-${sp}` : null,
      salespersonName: salesperson,
      activities,
    };
    lines.push(
      columnLine(columns, {
        tenant_id: tenant.id,
        id: lead.id,
        received_at: lead.receivedAt,
        day: dayOf(tenant.zone, ms),
        make_key: key,
        salesperson_id: lead.salespersonId,
        provider: lead.provider,
        doc: JSON.stringify(lead),
      }),
    );
    if (lines.length >= chunk) {
      yield lines.join('');
      lines = [];
    }
  }
  if (lines.length) yield lines.join('');
}
