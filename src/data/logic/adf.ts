/**
 * ADF 1.0 ("Auto-lead Data Format") import: the XML internet-lead format OEM sites and lead
 * providers send (`adf > prospect > requestdate, vehicle, customer, vendor, provider`). Parsed
 * with fast-xml-parser, so it runs the same in Node and the browser.
 *
 * Errors are data, never exceptions: `parseAdf` returns the prospects it could read and one
 * problem per thing it could not, each naming what is wrong (a malformed document gives no leads
 * and one problem with the line and column). An importer shows the problems beside what it got.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DateTime } from 'luxon';
import type { IsoDateTime, Lead, OemRule } from '../model.js';
import { isValidZone } from './calendar.js';
import { DEFAULT_OEM_RULES, NO_OEM_RULE, ruleForMake, unstoppableMessage, unstoppableReason } from './leads.js';
import type { UnstoppableReason } from './leads.js';
import { EXCERPT_MAX, decodeText, excerpt, isBytes } from './file-text.js';

/** A person's name by the ADF `part` attribute. */
export interface AdfName {
  first: string | null;
  middle: string | null;
  last: string | null;
  suffix: string | null;
  /** `part="full"`, or a `<name>` without a part. */
  full: string | null;
}

export interface AdfPhone {
  number: string;
  /** `voice`, `fax`, `cellphone`, `pager`, or null. */
  type: string | null;
  /** Preferred time: `morning`, `afternoon`, `evening`, `nopreference`, `day`, or null. */
  time: string | null;
}

export interface AdfContact {
  name: AdfName;
  /** The first `<email>`. */
  email: string | null;
  phones: AdfPhone[];
}

export interface AdfVehicle {
  /** `buy`, `lease`, `sell`, `trade-in`, `test-drive` (the ADF default is `buy`). */
  interest: string;
  /** `new` or `used` (the ADF default is `new`). */
  status: string;
  year: number | null;
  make: string | null;
  model: string | null;
  trim: string | null;
  vin: string | null;
  stock: string | null;
}

export interface AdfId {
  /** The `source` attribute: whose id it is. */
  source: string | null;
  value: string;
}

export interface AdfLead {
  /** The prospect's `<id>`s. */
  ids: AdfId[];
  /** `<requestdate>` as a UTC instant. */
  requestDate: IsoDateTime;
  vehicles: AdfVehicle[];
  customer: AdfContact & { comments: string | null };
  vendor: { name: string | null; contact: AdfContact | null } | null;
  provider: { name: string | null; service: string | null; url: string | null; email: string | null; phone: string | null } | null;
  /**
   * Set on arrival when no activity that stops the clock of the rule its make selects can reach
   * the customer (a Ford lead without an email address: only an email or an e-brochure stops
   * Ford's clock); null when the dealer can stop it.
   */
  unstoppable: AdfUnstoppable | null;
}

/** Why an arriving lead's clock cannot be stopped, under which rule. */
export interface AdfUnstoppable {
  /** The rule its make selects (`none`: no OEM rule covers it). */
  ruleId: string;
  ruleName: string;
  reason: UnstoppableReason;
  /** In plain English: "No email address: this OEM's clock stops only on email sent or e-brochure sent". */
  message: string;
}

export interface AdfProblem {
  /** 1-based position of the `<prospect>` in the document, null for the document as a whole. */
  prospect: number | null;
  message: string;
}

export interface AdfParseResult {
  /** The prospects that could be read, in document order. */
  leads: AdfLead[];
  /** What could not be read; empty when everything was. */
  errors: AdfProblem[];
}

export interface AdfParseOptions {
  /** IANA zone for request dates written without an offset (default `UTC`). */
  zone?: string;
  /** The dealer's OEM rules, to flag each lead its rule cannot stop (default the OEM rulebook). */
  rules?: readonly OemRule[];
}

type Node = Record<string, unknown>;

const ARRAY_TAGS = new Set(['prospect', 'vehicle', 'name', 'email', 'phone', 'id', 'contact']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (tagName: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute && ARRAY_TAGS.has(tagName),
});

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An element's text (trimmed), null when absent or empty. */
function text(value: unknown): string | null {
  if (Array.isArray(value)) return text(value[0]);
  const raw = isNode(value) ? value['#text'] : value;
  if (raw === undefined || raw === null) return null;
  const s = String(raw).trim();
  return s ? s : null;
}

function attr(value: unknown, name: string): string | null {
  const raw = isNode(value) ? value[`@_${name}`] : undefined;
  return typeof raw === 'string' && raw.trim() ? raw.trim().toLowerCase() : null;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
}

function nameOf(names: unknown): AdfName {
  const name: AdfName = { first: null, middle: null, last: null, suffix: null, full: null };
  for (const n of list(names)) {
    const value = text(n);
    if (!value) continue;
    const part = attr(n, 'part') ?? 'full';
    if (part === 'first' || part === 'middle' || part === 'last' || part === 'suffix' || part === 'full') name[part] ??= value;
  }
  return name;
}

function contactOf(node: unknown): AdfContact {
  const c = isNode(node) ? node : {};
  const phones: AdfPhone[] = [];
  for (const p of list(c['phone'])) {
    const number = text(p);
    if (number) phones.push({ number, type: attr(p, 'type'), time: attr(p, 'time') });
  }
  return { name: nameOf(c['name']), email: text(list(c['email'])[0]), phones };
}

/** The primary contact (`primarycontact="1"`), else the first. */
function primaryContact(contacts: unknown): unknown {
  const all = list(contacts);
  return all.find((c) => attr(c, 'primarycontact') === '1') ?? all[0];
}

function vehicleOf(node: unknown): AdfVehicle {
  const v = isNode(node) ? node : {};
  const year = Number(text(v['year']));
  return {
    interest: attr(v, 'interest') ?? 'buy',
    status: attr(v, 'status') ?? 'new',
    year: Number.isInteger(year) && year > 1885 && year < 3000 ? year : null,
    make: text(v['make']),
    model: text(v['model']),
    trim: text(v['trim']),
    vin: text(v['vin']),
    stock: text(v['stock']),
  };
}

function requestDateOf(raw: string, zone: string): string | null {
  const opts = { zone, setZone: true };
  for (const dt of [
    DateTime.fromISO(raw, opts),
    DateTime.fromSQL(raw, opts),
    DateTime.fromRFC2822(raw, opts),
    DateTime.fromFormat(raw, "yyyy-MM-dd'T'HH:mm:ssZZZ", opts),
  ]) {
    if (dt.isValid) return dt.toUTC().toISO();
  }
  return null;
}

function prospectOf(node: unknown, index: number, zone: string, rules: readonly OemRule[], errors: AdfProblem[]): AdfLead | null {
  const problem = (message: string) => {
    errors.push({ prospect: index, message: `Prospect ${index}: ${message}` });
    return null;
  };
  if (!isNode(node)) return problem('it is empty.');
  const rawDate = text(node['requestdate']);
  if (!rawDate) return problem('it has no <requestdate>.');
  const requestDate = requestDateOf(rawDate, zone);
  if (!requestDate) return problem(`<requestdate> "${excerpt(rawDate)}" is not a date and time (expected ISO 8601, e.g. 2026-03-02T10:15:00-06:00).`);
  const customerNode = isNode(node['customer']) ? node['customer'] : {};
  const customer = contactOf(primaryContact(customerNode['contact']));
  const vendorNode = node['vendor'];
  const providerNode = node['provider'];
  const vehicles = list(node['vehicle']).map(vehicleOf);
  const rule = ruleForMake(wantedVehicle(vehicles)?.make ?? '', rules) ?? NO_OEM_RULE;
  const reason = unstoppableReason(contactOfLead(customer), rule);
  return {
    ids: list(node['id']).flatMap((id) => {
      const value = text(id);
      return value ? [{ source: isNode(id) && typeof id['@_source'] === 'string' ? id['@_source'] : null, value }] : [];
    }),
    requestDate,
    vehicles,
    customer: { ...customer, comments: text(customerNode['comments']) },
    vendor: isNode(vendorNode)
      ? {
          name: text(vendorNode['vendorname']),
          contact: vendorNode['contact'] === undefined ? null : contactOf(primaryContact(vendorNode['contact'])),
        }
      : null,
    provider: isNode(providerNode)
      ? {
          name: adfDisplayName(nameOf(providerNode['name'])),
          service: text(providerNode['service']),
          url: text(providerNode['url']),
          email: text(list(providerNode['email'])[0]),
          phone: text(list(providerNode['phone'])[0]),
        }
      : null,
    unstoppable: reason && { ruleId: rule.id, ruleName: rule.name, reason, message: unstoppableMessage(reason, rule) },
  };
}

/** The vehicle a lead is for: the first the customer wants (not a trade-in or one they sell), else the first. */
const wantedVehicle = (vehicles: readonly AdfVehicle[]): AdfVehicle | undefined =>
  vehicles.find((v) => v.interest !== 'trade-in' && v.interest !== 'sell') ?? vehicles[0];

/** The email address and phone number a lead keeps of its customer. */
const contactOfLead = (customer: AdfContact): Pick<Lead, 'email' | 'phone'> => ({ email: customer.email, phone: customer.phones[0]?.number ?? null });

/**
 * Reads an ADF 1.0 document with one or many `<prospect>`s.
 * @param xml The document: its text, or its bytes (an `ArrayBuffer`, a `Uint8Array`, Node's
 *   `Buffer`), decoded by their byte-order mark, as UTF-8, or else as Windows-1252.
 * @param options `zone` for request dates without an offset (default UTC); the dealer's OEM
 *   `rules` (default {@link DEFAULT_OEM_RULES}): each lead says, on arrival, when the rule its make
 *   selects cannot be stopped by any activity that reaches its customer (`unstoppable`).
 * @returns The leads read, and a problem for each prospect that could not be (no or a bad
 *   `<requestdate>`), or a single document problem (`prospect: null`) when the XML is malformed,
 *   is not ADF, or holds no prospect. Never throws. A message quotes at most a short excerpt of
 *   the document.
 * @example parseAdf(xml).leads[0]?.vehicles[0]?.make // 'Honda'
 */
export function parseAdf(xml: string | ArrayBuffer | ArrayBufferView, options: AdfParseOptions = {}): AdfParseResult {
  const fail = (message: string): AdfParseResult => ({ leads: [], errors: [{ prospect: null, message: excerpt(message, 2 * EXCERPT_MAX) }] });
  const source = typeof xml === 'string' ? xml : isBytes(xml) ? decodeText(xml).text : '';
  if (!source.trim()) return fail('The ADF document is empty.');
  const zone = options.zone ?? 'UTC';
  if (!isValidZone(zone)) return fail(`Unknown time zone "${excerpt(String(zone))}": use an IANA zone such as America/Chicago.`);
  const valid = XMLValidator.validate(source);
  if (valid !== true) {
    return fail(`The ADF document is not well-formed XML (line ${valid.err.line}, column ${valid.err.col}): ${excerpt(valid.err.msg)}`);
  }
  let doc: Node;
  try {
    doc = parser.parse(source) as Node;
  } catch (error) {
    return fail(`The ADF document could not be read: ${excerpt(error instanceof Error ? error.message : String(error))}`);
  }
  const roots = Object.keys(doc).filter((k) => !k.startsWith('?') && !k.startsWith('#'));
  if (!('adf' in doc)) return fail(`Not an ADF document: the root element is <${excerpt(roots[0] ?? '?')}>, expected <adf>.`);
  const adf = doc['adf'];
  const prospects = isNode(adf) ? list(adf['prospect']) : [];
  if (!prospects.length) return fail('The ADF document has no <prospect>.');
  const errors: AdfProblem[] = [];
  const leads: AdfLead[] = [];
  prospects.forEach((p, i) => {
    const lead = prospectOf(p, i + 1, zone, options.rules ?? DEFAULT_OEM_RULES, errors);
    if (lead) leads.push(lead);
  });
  return { leads, errors };
}

/**
 * A name as one line: `full`, else first, middle and last joined.
 * @example adfDisplayName({ first: 'Ana', middle: null, last: 'Ruiz', suffix: null, full: null }) // 'Ana Ruiz'
 */
export function adfDisplayName(name: AdfName): string | null {
  if (name.full) return name.full;
  const joined = [name.first, name.middle, name.last, name.suffix].filter(Boolean).join(' ');
  return joined || null;
}

/**
 * An ADF lead as a Forecourt lead, for import: the first vehicle the customer wants (not a
 * trade-in or one they sell) gives make, model and year; the provider (else the first id's
 * source) is the lead's provider. No salesperson, no activities yet.
 * @param adf A lead from {@link parseAdf}.
 * @param id The new lead's id.
 * @returns The lead.
 * @example adfLeadToLead(parseAdf(xml).leads[0]!, 'lead-adf-1').make
 */
export function adfLeadToLead(adf: AdfLead, id: string): Lead {
  const wanted = wantedVehicle(adf.vehicles);
  return {
    id,
    receivedAt: adf.requestDate,
    make: wanted?.make ?? '',
    model: wanted?.model ?? null,
    year: wanted?.year ?? null,
    provider: adf.provider?.name ?? adf.ids.find((i) => i.source)?.source ?? 'ADF',
    customerName: adfDisplayName(adf.customer.name) ?? adf.customer.email ?? adf.customer.phones[0]?.number ?? 'Unknown',
    ...contactOfLead(adf.customer),
    salespersonId: null,
    salespersonName: null,
    activities: [],
  };
}
