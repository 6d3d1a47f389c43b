/**
 * docs/openapi.yaml, built from the contract table (src/data/contract.ts): one operation per row,
 * its parameters and body from the row's request schema, its answer from the row's answer schema,
 * the valibot schemas converted to JSON Schema (the kinds schemas.ts uses). The prose (summaries,
 * parameter and field notes) is kept here, beside the generator, so it does not weigh on the
 * bundles that import the contract. `npm run openapi` writes the file, `npm run check:openapi`
 * fails when it is stale, and tests/data/contract.test.ts checks the same.
 */
import { Document, isCollection, visit } from 'yaml';
import type { AdapterDomain } from '../src/data/adapter.js';
import { CONTRACT_ENTRIES, bodySchema } from '../src/data/contract.js';
import type { AdapterMethod, AnyContractRow } from '../src/data/contract.js';
import * as schemas from '../src/data/schemas.js';

/** The file the generator writes, from the repository root. */
export const OPENAPI_FILE = 'docs/openapi.yaml';

// ───────────────────────────── prose ─────────────────────────────

interface OperationNotes {
  /** What a successful answer is. */
  answer: string;
  /** More about the operation, when there is more to say. */
  description?: string;
}

/** One entry per method of the contract: a method added to the table needs its prose here too. */
const OPERATIONS: { [D in AdapterDomain]: { [M in AdapterMethod<D>]-?: OperationNotes } } = {
  sources: {
    categories: { answer: 'Categories' },
    list: { answer: 'Every source, deleted ones flagged' },
    mappingStatus: { answer: 'Completeness' },
    report: { answer: 'The source report' },
    spend: { answer: 'Spend rows of the months overlapping the range' },
    update: { answer: 'Updated' },
    create: { answer: 'Created' },
    completeMapping: { answer: 'How many sources were mapped', description: 'Maps every remaining unmapped source to "Other New Customers".' },
    saveCategory: { answer: 'Saved' },
    saveSpend: { answer: 'Saved', description: 'Upsert on (month, categoryId, sourceId).' },
  },
  customers: {
    board: { answer: "Today's vehicles" },
    list: { answer: 'A page' },
    setSource: { answer: 'Updated customer' },
  },
  sms: {
    list: { answer: 'A page' },
    summary: { answer: 'This period, the same range a month earlier, blocking flags' },
    import: {
      answer: 'imported: messages new to the store; updated: messages it had',
      description:
        'Optional. Adds or updates messages matched by id. An update keeps the stored body when the imported one is empty, and stored employee/customer fields when the imported ones are null.',
    },
  },
  leads: {
    list: { answer: 'A page' },
    get: { answer: 'The lead' },
    rules: { answer: "The dealer's rule set" },
    saveRule: { answer: 'Saved with its new version', description: "The body's `version` is the version the edit was based on; its `id` must equal the path's." },
    dealer: { answer: 'Name, zone, hours, holidays' },
    responseSummary: { answer: 'Rows per OEM and per salesperson and the total' },
    flag: { answer: 'The lead with its managerFlag', description: 'Flags the lead for a manager (`flagged: true`, optional `note`) or clears the flag (`flagged: false`).' },
  },
  traffic: {
    aggregate: { answer: 'One row per key, and the total' },
    heatmap: { answer: 'Weekday × hour cells' },
    list: { answer: 'A page of events' },
  },
  deleted: {
    list: { answer: 'A page, newest first; merge leftovers carry mergedIntoCurrent' },
    restore: { answer: 'Restored ids, per-record failures (not thrown), and per restored record what came back and what did not' },
    log: { answer: 'A page of restores, newest first: who, when, which record, what came back, where to' },
  },
  vehicles: {
    wants: { answer: 'A page of "need-car-locate" customers\' wants, by make and model, newest first' },
    matchTradeIn: { answer: 'Wants the vehicle satisfies, best first', description: 'A read with a body; no side effect, no idempotency key.' },
    followUp: {
      answer: 'The want with its new version, `lastContactAt` (the server\'s time) and `followUpNote`',
      description: "Records that the customer was followed up about the want. `expectedVersion` is the want's version the follow-up was based on (409 with `current` when it differs). Optional: 501 from a server that does not record follow-ups.",
    },
  },
};

/** Query parameters, by name. */
const PARAMETERS: Record<string, { description?: string; schema?: Record<string, unknown> }> = {
  from: { description: 'First day, inclusive.' },
  to: { description: 'Last day, inclusive; not before from.' },
  cursor: { description: "Opaque; the previous page's nextCursor." },
  offset: { description: 'A 0-based position to start at, in place of cursor (random access for a windowed table).', schema: { type: 'integer', minimum: 0 } },
  limit: { description: 'Capped at 1000.', schema: { type: 'integer', minimum: 1, default: 100 } },
  zone: { description: "IANA zone for time buckets; default the dealer's." },
  errorCode: { description: 'One provider error code as the provider sent it (30007, 4770).' },
  text: { description: 'Search over body, numbers and names.' },
  timeGrain: { description: 'Bucket size when groupBy is time (default day).' },
  order: { schema: { enum: ['asc', 'desc'], default: 'desc' } },
  includeRestored: { schema: { type: 'boolean', default: false } },
  make: { description: 'Other names of the make (Chevy, VW) match too.' },
  'filter.time': {
    description:
      'Drill-down: only events in this time bucket, a key of any grain (YYYY-MM, YYYY-Www, YYYY-MM-DD or YYYY-MM-DDTHH:00±HH:MM). A key that is no bucket of the zone selects nothing.',
  },
  'filter.month': { description: 'Drill-down: only events whose month key is this (YYYY-MM).' },
  'filter.day': { description: 'Drill-down: only events whose day key is this (YYYY-MM-DD).' },
  'filter.hour': { description: 'Drill-down: only events whose hour key is this (00-23).' },
  'filter.weekday': { description: 'Drill-down: only events whose weekday key is this (ISO: 1 = Monday … 7).' },
  'filter.salesperson': { description: 'Drill-down: only events whose salesperson key is this (salesperson id).' },
};

/** Fields, by `<schema or operation>.<field>`. */
const FIELDS: Record<string, string> = {
  'sources.saveCategory.expectedVersion': 'Absent for a new category.',
  'sources.saveSpend.amount': 'cents',
  'SpendUpsertBody.amount': 'cents',
  'SpendUpsertBody.expectedVersion': 'Absent when there is no row yet.',
  'RestoreRequest.fields': 'Per merge-leftover record id: the fields to put back (all when absent).',
  'SmsMessage.from': 'E.164',
  'SmsMessage.to': 'E.164',
  'SmsMessage.errorCode': "The provider's own code.",
  'DealerProfile.zone': 'IANA zone',
  'StoredOemRule.hours': "The OEM's own set hours; absent = the dealer's. The zone is always the dealer's.",
  'StoredOemRule.stopsClock': 'Never auto-response.',
  'LeadResponseRow.key': 'Rule id (`none`), salesperson id (`unassigned`), or `total`',
  'LeadResponseRow.percentWithinLimit': '0-100',
  'TrafficRow.closingRatio': 'sold / ups, null with no ups',
  'TrafficRow.beBack': 'Ups whose up type is be-back',
  'TrafficRow.beBackShare': 'beBack / ups, null with no ups',
  'DeletedRecord.mergedIntoCurrent':
    "Merge leftovers only: the surviving customer's current values of the same fields ('' for none); null when the survivor is gone.",
  'RestoreResult.failed.code': 'already-restored is the per-record form of a 409',
  'RestoreResult.failed.restoredAt': 'For already-restored',
  'RestoreResult.failed.restoredBy': 'For already-restored, when known',
  'TradeInVehicle.model': 'absent matches any model of the make',
  'TradeInVehicle.price': 'cents',
  'TrafficHeatmap.cells.weekday': '0 = Monday',
  'TrafficQuery.filters': 'Drill-down path so far: dimension → value key (sent as filter.<dimension>).',
  'TrafficQuery.zone': 'IANA zone of the time buckets',
  'MarketingSpend.amount': 'cents',
  'VehicleWant.maxPrice': 'cents',
};

/** Schemas, by name: what a field note cannot say. */
const SCHEMAS: Record<string, Record<string, unknown>> = {
  TradeInVehicle: {
    description: 'A make is required, typed or readable from the VIN (its WMI); a missing year is read from the VIN.',
    anyOf: [{ required: ['make'] }, { required: ['vin'] }],
  },
  Cents: { description: 'Integer cents.' },
  HHmm: { description: 'Local time, 24:00 = midnight at the end of the day' },
  WeeklyHours: { description: 'Open intervals per weekday; a close before the open runs into the next day. Missing or empty = closed.' },
};

// ───────────────────────────── valibot → JSON Schema ─────────────────────────────

type Json = Record<string, unknown>;
/** What the converter reads of a valibot schema or pipe action. */
interface Node {
  kind: string;
  type: string;
  pipe?: Node[];
  wrapped?: Node;
  item?: Node;
  items?: Node[];
  entries?: Record<string, Node>;
  key?: Node;
  value?: Node;
  options?: unknown[];
  literal?: unknown;
  requirement?: unknown;
  description?: string;
  /** `lazy`: the schema it stands for (a schema defined further down its file). */
  getter?: (input: unknown) => Node;
}

/** The exported schemas of schemas.ts, by object: each becomes a named component. */
const NAMES = new Map<Node, string>();
for (const [name, value] of Object.entries(schemas)) {
  if (name.endsWith('Schema') && typeof value === 'object' && value !== null && (value as Node).kind === 'schema') {
    if (!NAMES.has(value as Node)) NAMES.set(value as Node, name.slice(0, -'Schema'.length));
  }
}
// The hours of a day are written inline in schemas.ts; their form gets a name here.
const hoursOfDay = (schemas.WeeklyHoursSchema as unknown as Node).entries!.mon!.wrapped!;
NAMES.set(hoursOfDay.item!.items![0]!, 'HHmm');

class Converter {
  readonly components = new Map<string, Json>();
  readonly #queue: [string, Node][] = [];

  /** A reference to a named schema (converted once), else the schema inline. */
  ref(node: Node, where: string): Json {
    const name = NAMES.get(node) ?? this.#pageName(node);
    if (name === undefined) return this.inline(node, where);
    if (!this.components.has(name)) {
      this.components.set(name, {});
      this.#queue.push([name, node]);
    }
    return { $ref: `#/components/schemas/${name}` };
  }

  /** Converts every named schema referenced so far (and those they reference). */
  drain(): void {
    for (let next = this.#queue.shift(); next; next = this.#queue.shift()) {
      const [name, node] = next;
      this.components.set(name, { ...this.inline(node, name), ...SCHEMAS[name] });
    }
  }

  /** `{ items: X[], total, nextCursor }` of a named X is `XPage`. */
  #pageName(node: Node): string | undefined {
    const entries = node.type === 'object' ? node.entries : undefined;
    if (!entries || Object.keys(entries).join() !== 'items,total,nextCursor' || entries.items!.type !== 'array') return undefined;
    const item = NAMES.get(entries.items!.item!);
    if (item === undefined) return undefined;
    NAMES.set(node, `${item}Page`);
    return `${item}Page`;
  }

  inline(node: Node, where: string): Json {
    if (node.pipe) {
      const [base, ...actions] = node.pipe;
      const out = this.inline(base!, where);
      for (const action of actions) applyAction(out, action);
      return out;
    }
    switch (node.type) {
      case 'string':
      case 'number':
      case 'boolean':
        return { type: node.type };
      case 'unknown':
        return {};
      case 'picklist':
        return { enum: [...node.options!] };
      case 'literal':
        return { const: node.literal };
      case 'optional':
        return this.ref(node.wrapped!, where);
      case 'lazy':
        return this.ref(node.getter!(undefined), where);
      case 'nullable':
      case 'nullish':
        return withNull(this.ref(node.wrapped!, where));
      case 'array':
        return { type: 'array', items: this.ref(node.item!, where) };
      case 'tuple':
        return { type: 'array', prefixItems: node.items!.map((item) => this.ref(item, where)), minItems: node.items!.length, maxItems: node.items!.length };
      case 'record': {
        const value = node.value!.type === 'optional' ? node.value!.wrapped! : node.value!;
        const keys = node.key!.type === 'picklist' ? { propertyNames: this.inline(node.key!, where) } : {};
        return { type: 'object', ...keys, additionalProperties: this.ref(value, where) };
      }
      case 'object': {
        const entries = Object.entries(node.entries!);
        const required = entries.filter(([, entry]) => entry.type !== 'optional' && entry.type !== 'nullish').map(([key]) => key);
        const properties = Object.fromEntries(
          entries.map(([key, entry]) => {
            const note = FIELDS[`${where}.${key}`];
            const schema = this.ref(entry, `${where}.${key}`);
            return [key, note ? describe(schema, note) : schema];
          }),
        );
        return { type: 'object', ...(required.length > 0 && { required }), properties };
      }
      default:
        throw new Error(`openapi: no JSON Schema for valibot schema type "${node.type}" (at ${where})`);
    }
  }
}

function describe(schema: Json, description: string): Json {
  return schema.$ref ? { allOf: [schema], description } : { ...schema, description };
}

function withNull(schema: Json): Json {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.enum)) return { ...schema, enum: [...schema.enum, null] };
  return { oneOf: [schema, { type: 'null' }] };
}

function applyAction(out: Json, action: Node): void {
  const isArray = out.type === 'array';
  switch (action.type) {
    case 'integer':
      out.type = Array.isArray(out.type) ? out.type.map((t) => (t === 'number' ? 'integer' : t)) : 'integer';
      break;
    case 'min_value':
      out.minimum = action.requirement;
      break;
    case 'max_value':
      out.maximum = action.requirement;
      break;
    case 'gt_value':
      out.exclusiveMinimum = action.requirement;
      break;
    case 'max_length':
      out[isArray ? 'maxItems' : 'maxLength'] = action.requirement;
      break;
    case 'non_empty':
      out[isArray ? 'minItems' : 'minLength'] = 1;
      break;
    case 'iso_date':
      out.format = 'date';
      break;
    case 'iso_timestamp':
      out.format = 'date-time';
      break;
    case 'regex':
      out.pattern = (action.requirement as RegExp).source;
      break;
    case 'description':
      out.description = action.description;
      break;
    default:
    // Checks, trims and transforms say nothing a JSON Schema can.
  }
}

// ───────────────────────────── the document ─────────────────────────────

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });

/** The parameters of a query row: one per field of its argument, the `filters` map as `filter.<dim>`. */
function queryParameters(row: AnyContractRow, label: string, converter: Converter): Json[] {
  const entries = Object.entries((row.request as unknown as Node).entries!);
  return entries.flatMap(([name, entry]): Json[] => {
    const optional = entry.type === 'optional';
    if (name === 'filters') {
      const record = optional ? entry.wrapped! : entry;
      return (record.key!.options as string[]).map((dim) => {
        const notes = PARAMETERS[`filter.${dim}`];
        return { name: `filter.${dim}`, in: 'query', schema: { type: 'string' }, description: notes?.description ?? `Drill-down: only events whose ${dim} key is this.` };
      });
    }
    const notes = PARAMETERS[name];
    const schema = notes?.schema ?? converter.ref(entry, `${label}.${name}`);
    return [{ name, in: 'query', ...(!optional && { required: true }), schema, ...(notes?.description && { description: notes.description }) }];
  });
}

function operation(domain: AdapterDomain, method: string, row: AnyContractRow, converter: Converter): Json {
  const label = `${domain}.${method}`;
  const notes = (OPERATIONS as Record<string, Record<string, OperationNotes>>)[domain]![method]!;
  const parameters: Json[] = [];
  if (row.path.includes('{id}')) parameters.push(ref('parameters', 'id'));
  if (row.in === 'query') parameters.push(...queryParameters(row, label, converter));
  if (row.kind === 'write') parameters.push(ref('parameters', 'IdempotencyKey'));
  const body = bodySchema(row);
  const entries = (row.request as unknown as Node | undefined)?.entries ?? {};
  const versioned = row.kind === 'write' && ('expectedVersion' in entries || (row.idInBody && 'version' in entries));
  const responses: Json = {
    [String(row.status ?? 200)]: { description: notes.answer, content: { 'application/json': { schema: converter.ref(row.answer as unknown as Node, label) } } },
    ...(row.path.includes('{id}') && { '404': ref('responses', 'Error') }),
    ...(versioned && { '409': ref('responses', 'Conflict') }),
    ...(row.ifMissing && { '501': { description: row.ifMissing, content: { 'application/json': { schema: ref('schemas', 'Error') } } } }),
    default: ref('responses', 'Error'),
  };
  return {
    operationId: label,
    ...(notes.description && { description: notes.description }),
    ...(parameters.length > 0 && { parameters }),
    ...(body && { requestBody: { required: true, content: { 'application/json': { schema: converter.ref(body as unknown as Node, label) } } } }),
    responses,
  };
}

/** The OpenAPI document of the contract, as plain data. */
export function openApiDocument(): Json {
  const converter = new Converter();
  const paths: Record<string, Json> = {};
  for (const { domain, method, row } of CONTRACT_ENTRIES) {
    (paths[row.path] ??= {})[row.http.toLowerCase()] = operation(domain, method, row, converter);
  }
  converter.drain();
  const named = [...converter.components].sort(([a], [b]) => a.localeCompare(b));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Forecourt REST API',
      version: '1.0.0',
      description:
        "The HTTP form of the ForecourtAdapter contract, generated from src/data/contract.ts by `npm run openapi`. Prose, semantics and the reference SQL for the aggregate endpoints are in docs/rest-api.md. Dates are `YYYY-MM-DD` (inclusive, in the dealer's zone), instants ISO 8601, money integer cents. Writes carry `Idempotency-Key`; optimistic concurrency travels in the body as `expectedVersion` and a mismatch answers 409 with `current`.\n",
    },
    servers: [{ url: '/api' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      parameters: {
        id: { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description: 'Client-generated (UUID). A key seen before returns the first result without applying again.',
          schema: { type: 'string' },
        },
      },
      responses: {
        Error: {
          description: '`{ message, ...details }`. 400 bad query/JSON, 401/403 auth, 404 unknown id, 422 invalid body field, 429 rate limited, 5xx server.',
          content: { 'application/json': { schema: ref('schemas', 'Error') } },
        },
        Conflict: {
          description: 'The expectedVersion is stale; `current` holds the record as it is now.',
          content: {
            'application/json': {
              schema: { allOf: [ref('schemas', 'Error'), { type: 'object', required: ['current'], properties: { current: { type: 'object' } } }] },
            },
          },
        },
      },
      schemas: {
        Error: { type: 'object', required: ['message'], properties: { message: { type: 'string' } }, additionalProperties: true },
        ...Object.fromEntries(named),
      },
    },
  };
}

/** docs/openapi.yaml as it should read. */
export function renderOpenApi(): string {
  const header = '# Generated from src/data/contract.ts by `npm run openapi`: edit the contract (or scripts/openapi.ts), not this file.\n';
  const doc = new Document(openApiDocument(), { aliasDuplicateObjects: false });
  // Short maps and lists on one line, as a person would write them.
  visit(doc, {
    Collection(_, node) {
      if (isCollection(node) && JSON.stringify(node.toJSON()).length <= 100) node.flow = true;
    },
  });
  return header + doc.toString({ lineWidth: 0 });
}
