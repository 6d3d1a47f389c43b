/**
 * Provider SMS logs into the SMS history: a Twilio Console CSV export or Message resource JSON, and
 * Bandwidth message callbacks. The history's own CSV export is in `sms-export.ts` (re-exported here).
 *
 * Twilio's Console export names its columns `From, To, Body, Status, SentDate, ApiVersion,
 * NumSegments, ErrorCode, AccountSid, Sid, Direction, Price, PriceUnit`; their order is not
 * promised, so columns are found by header name. The Message resource (REST API, list pages
 * `{ messages: [...] }`) has `sid, from, to, body, status, direction, num_segments, error_code,
 * date_sent` (RFC 2822). Bandwidth posts callbacks as an array of events `{ type, time,
 * description, to, errorCode?, message: { id, time, direction: 'in' | 'out', from, to[], text,
 * segmentCount } }`.
 *
 * Parsing never throws and never drops a row silently: every row it cannot use is reported with
 * its position (CSV: the physical line its record starts on; JSON: its index in the array;
 * -1: the file as a whole), and when a quote that is never closed ends the reading of a CSV file,
 * the result says where and how many rows were read before it. A message quotes at most a short
 * excerpt of the file. A file given as bytes is decoded by its byte-order mark, as UTF-8, or else
 * as Windows-1252, and the result names the encoding used.
 */
import Papa from 'papaparse';
import { DateTime } from 'luxon';
import type { IsoDateTime, SmsDirection, SmsMessage, SmsStatus } from '../model.js';
import { decodeText, excerpt, isBytes } from './file-text.js';
import type { FileEncoding } from './file-text.js';

/** A row that could not be imported. */
export interface SmsImportIssue {
  /** CSV: physical line (1-based) where the record starts; JSON: index in the array; -1: the whole file. */
  line: number;
  message: string;
}

/** Where the reading of a CSV file stopped before its end: lines `line` to `lastLine` were not read. */
export interface SmsReadStop {
  /** Physical line (1-based) of the record where reading stopped. */
  line: number;
  /** The file's last line. */
  lastLine: number;
  /** Rows read before it (the header and blank lines not counted). */
  rows: number;
}

/** What a parser found: the messages it could read and the rows it could not. */
export interface SmsParseResult {
  messages: SmsMessage[];
  errors: SmsImportIssue[];
  /** Set when reading stopped before the end of the file (a quote never closed). */
  stopped?: SmsReadStop;
}

/** The file formats the import understands. */
export const SMS_IMPORT_FORMATS = ['twilio-csv', 'twilio-json', 'bandwidth-json'] as const;
export type SmsImportFormat = (typeof SMS_IMPORT_FORMATS)[number];

const FILE = -1;
const fileError = (message: string): SmsParseResult => ({ messages: [], errors: [{ line: FILE, message }] });

/** How far a parse is: `done` of `total` rows (or events) turned into messages. */
export interface SmsParseProgress {
  done: number;
  total: number;
}

/** Rows turned into messages between two progress reports of the `…Steps` parsers. */
const STEP_ROWS = 250;

/** A parse run to its end at once (the `…Steps` parsers' progress reports ignored). */
function drain<T>(steps: Generator<SmsParseProgress, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

// ───────────────────────────── shared field rules ─────────────────────────────

const TWILIO_STATUS: Readonly<Record<string, SmsStatus>> = {
  accepted: 'queued',
  scheduled: 'queued',
  queued: 'queued',
  sending: 'queued',
  sent: 'sent',
  delivered: 'delivered',
  read: 'delivered',
  partially_delivered: 'delivered',
  undelivered: 'undelivered',
  failed: 'failed',
  receiving: 'received',
  received: 'received',
};

const TWILIO_DIRECTION: Readonly<Record<string, SmsDirection>> = {
  inbound: 'inbound',
  'outbound-api': 'outbound',
  'outbound-reply': 'outbound',
  'outbound-call': 'outbound',
  outbound: 'outbound',
};

/** A value as trimmed text ('' for null, undefined, objects). */
function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

/** A provider error code, or null for none (Twilio writes an empty cell, null or 0). */
function errorCodeOf(value: unknown): string | null {
  const code = text(value);
  return code === '' || code === '0' || code.toLowerCase() === 'null' ? null : code;
}

/**
 * An instant in any form the providers write: ISO 8601 (with an offset, or UTC without one),
 * RFC 2822 (`Mon, 16 Mar 2026 14:02:11 +0000`), `2026-03-16 14:02:11` (UTC).
 */
function instantOf(value: unknown): IsoDateTime | null {
  const raw = text(value);
  if (!raw) return null;
  const options = { zone: 'UTC', setZone: true } as const;
  const parsers = [
    () => DateTime.fromISO(raw, options),
    () => DateTime.fromRFC2822(raw, options),
    () => DateTime.fromSQL(raw, options),
    () => DateTime.fromHTTP(raw, options),
  ];
  for (const parse of parsers) {
    const parsed = parse();
    if (parsed.isValid) return parsed.toUTC().toISO() as IsoDateTime;
  }
  return null;
}

function segmentsOf(value: unknown): number | null {
  const raw = text(value);
  if (raw === '') return 1;
  return /^\d{1,4}$/.test(raw) ? Number(raw) : null;
}

/** Fields of a Twilio message, named by the Message resource; the CSV's columns map onto them. */
interface TwilioFields {
  sid: unknown;
  from: unknown;
  to: unknown;
  body: unknown;
  status: unknown;
  direction: unknown;
  num_segments: unknown;
  error_code: unknown;
  date_sent: unknown;
  date_created?: unknown;
}

/** One Twilio message, or why it cannot be imported. */
function twilioMessage(fields: TwilioFields): SmsMessage | string {
  const id = text(fields.sid);
  if (!id) return 'No message SID.';
  const directionText = text(fields.direction).toLowerCase();
  const direction = TWILIO_DIRECTION[directionText];
  if (!direction) return `Unknown direction "${excerpt(text(fields.direction))}" (expected inbound, outbound-api, outbound-reply or outbound-call).`;
  const statusText = text(fields.status).toLowerCase();
  if (statusText === 'canceled') return 'The message was canceled before it was sent; there is nothing to import.';
  const status = TWILIO_STATUS[statusText];
  if (!status) return `Unknown status "${excerpt(text(fields.status))}".`;
  const sentRaw = text(fields.date_sent) || text(fields.date_created);
  const sentAt = instantOf(sentRaw);
  if (!sentAt) return sentRaw ? `Invalid date "${excerpt(sentRaw)}".` : 'No date sent.';
  const segments = segmentsOf(fields.num_segments);
  if (segments === null) return `Invalid segment count "${excerpt(text(fields.num_segments))}".`;
  const from = text(fields.from);
  const to = text(fields.to);
  if (!from || !to) return 'The sender or the recipient number is missing.';
  return {
    id,
    provider: 'twilio',
    direction,
    from,
    to,
    body: typeof fields.body === 'string' ? fields.body : '',
    status,
    errorCode: errorCodeOf(fields.error_code),
    sentAt,
    segments,
    employeeId: null,
    employeeName: null,
    customerId: null,
    customerName: null,
  };
}

// ───────────────────────────── Twilio CSV ─────────────────────────────

/** Column header (any case, spaces or underscores) → Message resource field. */
const CSV_COLUMNS: Readonly<Record<string, keyof TwilioFields>> = {
  sid: 'sid',
  messagesid: 'sid',
  from: 'from',
  to: 'to',
  body: 'body',
  status: 'status',
  direction: 'direction',
  numsegments: 'num_segments',
  segments: 'num_segments',
  errorcode: 'error_code',
  sentdate: 'date_sent',
  datesent: 'date_sent',
  datecreated: 'date_created',
};
const REQUIRED_COLUMNS: readonly [keyof TwilioFields, string][] = [
  ['sid', 'Sid'],
  ['from', 'From'],
  ['to', 'To'],
  ['status', 'Status'],
  ['date_sent', 'SentDate'],
  ['direction', 'Direction'],
];

const headerKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/** A CSV record read: a row to turn into a message, or why it cannot be (in the file's order). */
type CsvItem = { line: number; fields: TwilioFields } | SmsImportIssue;

function* parseTwilioCsv(source: string): Generator<SmsParseProgress, SmsParseResult> {
  // One kind of line break, so papaparse cannot guess \r\n and then miss a bare \n further down.
  const csv = source.replace(/\r\n?/g, '\n');
  const messages: SmsMessage[] = [];
  const errors: SmsImportIssue[] = [];
  // Papaparse reads the records at once; turning them into messages (dates, the slow part) is done after, in steps.
  const items: CsvItem[] = [];
  let columns: Map<keyof TwilioFields, number> | null = null;
  let headerWidth = 0;
  let start = 0; // offset where the current record starts
  let line = 1; // its physical line
  let rows = 0; // records read after the header, blank lines not counted
  let fatal: string | null = null;
  let stopped: SmsReadStop | undefined;

  Papa.parse<string[]>(csv, {
    delimiter: ',',
    newline: '\n',
    skipEmptyLines: false,
    step: (row, parser) => {
      const end = row.meta.cursor;
      const recordLine = line;
      for (let i = start; i < end; i++) if (csv.charCodeAt(i) === 10) line++;
      start = end;
      const cells = row.data;
      if (cells.length === 1 && cells[0]!.trim() === '') return; // a blank line
      if (!columns) {
        const found = new Map<keyof TwilioFields, number>();
        cells.forEach((name, i) => {
          const field = CSV_COLUMNS[headerKey(name)];
          if (field && !found.has(field)) found.set(field, i);
        });
        columns = found;
        const missing = REQUIRED_COLUMNS.filter(([field]) => !found.has(field)).map(([, name]) => name);
        if (missing.length) {
          fatal = `This is not a Twilio message log: the header on line ${recordLine} has no ${missing.join(', ')} column${missing.length > 1 ? 's' : ''}.`;
          parser.abort();
        }
        headerWidth = cells.length;
        return;
      }
      rows++;
      if (row.errors.some((e) => e.code === 'MissingQuotes')) {
        // The quote that opens here is never closed: papaparse read the rest of the file as this one field.
        const lastLine = csv.endsWith('\n') ? line - 1 : line;
        stopped = { line: recordLine, lastLine, rows: rows - 1 };
        const lost = lastLine - recordLine + 1;
        items.push({
          line: recordLine,
          message: `Unreadable CSV record: a quote opened on line ${recordLine} is never closed, so reading stopped there. ${rows - 1} rows before it were read; lines ${recordLine}–${lastLine} (${lost} line${lost === 1 ? '' : 's'}) were not.`,
        });
        parser.abort();
        return;
      }
      if (row.errors.length) {
        const endLine = csv.charCodeAt(end - 1) === 10 ? line - 1 : line;
        const where = endLine > recordLine ? ` (lines ${recordLine}–${endLine} read as one record)` : '';
        items.push({ line: recordLine, message: `Unreadable CSV record${where}: ${row.errors[0]!.message}.` });
        return;
      }
      if (cells.length !== headerWidth) {
        items.push({ line: recordLine, message: `Expected ${headerWidth} fields, found ${cells.length}.` });
        return;
      }
      const cell = (field: keyof TwilioFields) => {
        const i = columns!.get(field);
        return i === undefined ? undefined : cells[i];
      };
      items.push({
        line: recordLine,
        fields: {
          sid: cell('sid'),
          from: cell('from'),
          to: cell('to'),
          body: cell('body'),
          status: cell('status'),
          direction: cell('direction'),
          num_segments: cell('num_segments'),
          error_code: cell('error_code'),
          date_sent: cell('date_sent'),
          date_created: cell('date_created'),
        },
      });
    },
  });
  if (fatal) return fileError(fatal);
  if (!columns) return fileError('The file is empty.');
  for (let i = 0; i < items.length; i++) {
    if (i % STEP_ROWS === 0) yield { done: i, total: items.length };
    const item = items[i]!;
    if (!('fields' in item)) {
      errors.push(item);
      continue;
    }
    const message = twilioMessage(item.fields);
    if (typeof message === 'string') errors.push({ line: item.line, message });
    else messages.push(message);
  }
  return stopped ? { messages, errors, stopped } : { messages, errors };
}

// ───────────────────────────── JSON ─────────────────────────────

function parseJson(source: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(source) };
  } catch (error) {
    return { ok: false, error: excerpt(error instanceof Error ? error.message : String(error)) };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function* parseTwilioJson(value: unknown): Generator<SmsParseProgress, SmsParseResult> {
  const list = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.messages) ? value.messages : null;
  if (!list) return fileError('This JSON is not a list of Twilio messages: expected an array or a page with "messages".');
  const messages: SmsMessage[] = [];
  const errors: SmsImportIssue[] = [];
  for (let index = 0; index < list.length; index++) {
    if (index % STEP_ROWS === 0) yield { done: index, total: list.length };
    const item: unknown = list[index];
    if (!isRecord(item)) {
      errors.push({ line: index, message: 'Not a message object.' });
      continue;
    }
    const message = twilioMessage(item as unknown as TwilioFields);
    if (typeof message === 'string') errors.push({ line: index, message });
    else messages.push(message);
  }
  return { messages, errors };
}

/**
 * Messages from a Twilio log: the Console's CSV export (columns found by header name, in any
 * order; quoted bodies with commas and line breaks) or Message resource JSON (an array, or a list
 * page `{ messages: [...] }`, `date_sent` in RFC 2822). Directions become `inbound`/`outbound`;
 * statuses map to the history's (`accepted`/`scheduled`/`sending` → `queued`, `read` →
 * `delivered`, `receiving` → `received`); `error_code` is kept as sent.
 * @param source The file's text.
 * @returns The messages read, and every row that could not be (with its line or index).
 * @example parseTwilioMessages('Sid,From,To,Body,Status,SentDate,Direction\nSM1,+1312…').messages[0].direction // 'outbound'
 */
export function parseTwilioMessages(source: string): SmsParseResult {
  return drain(twilioMessageSteps(source));
}

function* twilioMessageSteps(source: string): Generator<SmsParseProgress, SmsParseResult> {
  const trimmed = typeof source === 'string' ? source.replace(/^\uFEFF/, '').trim() : '';
  if (!trimmed) return fileError('The file is empty.');
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const json = parseJson(trimmed);
    if (!json.ok) return fileError(`The file is not valid JSON: ${json.error}`);
    return yield* parseTwilioJson(json.value);
  }
  return yield* parseTwilioCsv(source.replace(/^\uFEFF/, ''));
}

// ───────────────────────────── Bandwidth ─────────────────────────────

const BANDWIDTH_STATUS: Readonly<Record<string, SmsStatus>> = {
  'message-sending': 'sent',
  'message-delivered': 'delivered',
  'message-failed': 'failed',
  'message-received': 'received',
};

function bandwidthMessage(event: Record<string, unknown>): SmsMessage | string {
  const type = text(event.type);
  const status = BANDWIDTH_STATUS[type];
  if (!status) return `Unknown event type "${excerpt(type)}" (expected message-delivered, message-failed, message-sending or message-received).`;
  const message = event.message;
  if (!isRecord(message)) return 'The event has no message.';
  const id = text(message.id);
  if (!id) return 'The message has no id.';
  const directionText = text(message.direction).toLowerCase();
  const direction: SmsDirection | undefined =
    directionText === 'out' ? 'outbound' : directionText === 'in' ? 'inbound' : type === 'message-received' ? 'inbound' : undefined;
  if (!direction) return `Unknown direction "${excerpt(text(message.direction))}" (expected in or out).`;
  const timeRaw = text(message.time) || text(event.time);
  const sentAt = instantOf(timeRaw);
  if (!sentAt) return timeRaw ? `Invalid time "${excerpt(timeRaw)}".` : 'The message has no time.';
  const recipients = Array.isArray(message.to) ? message.to : [message.to];
  const to = text(event.to) || text(recipients[0]);
  const from = text(message.from);
  if (!from || !to) return 'The sender or the recipient number is missing.';
  const segments = segmentsOf(message.segmentCount);
  if (segments === null) return `Invalid segment count "${excerpt(text(message.segmentCount))}".`;
  const errorCode = status === 'failed' ? errorCodeOf(event.errorCode) : null;
  return {
    id,
    provider: 'bandwidth',
    direction,
    from,
    to,
    body: typeof message.text === 'string' ? message.text : '',
    status,
    errorCode,
    sentAt,
    segments,
    employeeId: null,
    employeeName: null,
    customerId: null,
    customerName: null,
  };
}

/**
 * Messages from Bandwidth message callbacks (`message-delivered`, `message-failed` with its
 * `errorCode` and `description`, `message-sending`, `message-received`). Several events of one
 * message give one message in the state of its latest event.
 * @param json The callbacks: JSON text, or already parsed (an array of events, or one event).
 * @returns The messages read, and every event that could not be (with its index).
 * @example parseBandwidthEvents('[{"type":"message-failed","errorCode":4720,…}]').messages[0].errorCode // '4720'
 */
export function parseBandwidthEvents(json: unknown): SmsParseResult {
  return drain(bandwidthEventSteps(json));
}

function* bandwidthEventSteps(json: unknown): Generator<SmsParseProgress, SmsParseResult> {
  let value = json;
  if (typeof json === 'string') {
    const trimmed = json.replace(/^\uFEFF/, '').trim();
    if (!trimmed) return fileError('The file is empty.');
    const parsed = parseJson(trimmed);
    if (!parsed.ok) return fileError(`The file is not valid JSON: ${parsed.error}`);
    value = parsed.value;
  }
  const events = Array.isArray(value) ? value : isRecord(value) ? [value] : null;
  if (!events) return fileError('This JSON is not a list of Bandwidth message events.');
  const latest = new Map<string, { message: SmsMessage; at: number }>();
  const errors: SmsImportIssue[] = [];
  for (let index = 0; index < events.length; index++) {
    if (index % STEP_ROWS === 0) yield { done: index, total: events.length };
    const event: unknown = events[index];
    if (!isRecord(event)) {
      errors.push({ line: index, message: 'Not an event object.' });
      continue;
    }
    const message = bandwidthMessage(event);
    if (typeof message === 'string') {
      errors.push({ line: index, message });
      continue;
    }
    const at = Date.parse(instantOf(event.time) ?? message.sentAt);
    const seen = latest.get(message.id);
    // Delivery receipts carry no text: whichever event has it lends it to the latest state.
    if (!seen) latest.set(message.id, { message, at });
    else if (at >= seen.at) latest.set(message.id, { message: { ...message, body: message.body || seen.message.body }, at });
    else if (!seen.message.body) seen.message = { ...seen.message, body: message.body };
  }
  return { messages: [...latest.values()].map((m) => m.message), errors };
}

// ───────────────────────────── any supported file ─────────────────────────────

/**
 * Which provider log a file is, from its content.
 * @param source The file's text.
 * @returns The format, or null when it is none of them (or empty, or broken JSON).
 * @example detectSmsFormat('[{"type":"message-delivered","message":{…}}]') // 'bandwidth-json'
 */
export function detectSmsFormat(source: string): SmsImportFormat | null {
  const trimmed = typeof source === 'string' ? source.replace(/^\uFEFF/, '').trim() : '';
  if (!trimmed) return null;
  if (trimmed.startsWith('[') || trimmed.startsWith('{')) {
    const json = parseJson(trimmed);
    if (!json.ok) return null;
    const value = json.value;
    const list: unknown[] = Array.isArray(value) ? value : isRecord(value) && Array.isArray(value.messages) ? value.messages : isRecord(value) ? [value] : [];
    const first = list.find(isRecord);
    if (!first) return isRecord(value) && Array.isArray(value.messages) ? 'twilio-json' : null;
    if (typeof first.type === 'string' && first.type.startsWith('message-') && 'message' in first) return 'bandwidth-json';
    if ('sid' in first || 'date_sent' in first || 'num_segments' in first) return 'twilio-json';
    return null;
  }
  const header = trimmed.slice(0, trimmed.search(/\r?\n|$/));
  const keys = new Set(header.split(',').map((h) => headerKey(h.replace(/"/g, ''))));
  return keys.has('sid') && (keys.has('sentdate') || keys.has('datesent')) ? 'twilio-csv' : null;
}

/** What {@link parseSmsImport} found, and how the file was read. */
export interface SmsImportParseResult extends SmsParseResult {
  /** The detected format (null when unknown). */
  format: SmsImportFormat | null;
  /** The encoding the file's bytes were read in; null when it was given as text. */
  encoding: FileEncoding | null;
  /** True when some bytes were not valid in that encoding and were replaced with U+FFFD. */
  lossy: boolean;
}

function* smsTextSteps(source: string): Generator<SmsParseProgress, SmsParseResult & { format: SmsImportFormat | null }> {
  const format = detectSmsFormat(source);
  if (format === 'bandwidth-json') return { format, ...(yield* bandwidthEventSteps(source)) };
  if (format) return { format, ...(yield* twilioMessageSteps(source)) };
  const empty = typeof source !== 'string' || !source.replace(/^\uFEFF/, '').trim();
  const trimmed = empty ? '' : source.trim();
  if (!empty && (trimmed.startsWith('[') || trimmed.startsWith('{'))) {
    const json = parseJson(trimmed);
    if (!json.ok) return { format, ...fileError(`The file is not valid JSON: ${json.error}`) };
  }
  return {
    format,
    ...fileError(
      empty
        ? 'The file is empty.'
        : 'This file is not a Twilio message log (CSV export or Message JSON) nor Bandwidth message events.',
    ),
  };
}

/**
 * Reads any supported provider log, given as text or as the file's bytes. Bytes are decoded by
 * their byte-order mark (UTF-8, UTF-16 LE or BE), as UTF-8 when they are valid UTF-8, else as
 * Windows-1252 (Latin-1), never silently turning characters into U+FFFD; the result says which.
 * @param source The file's text, or its bytes (`await file.arrayBuffer()`).
 * @returns The detected format (null when unknown), what the matching parser found, and the
 *   encoding the bytes were read in (null for text).
 * @example parseSmsImport(await file.arrayBuffer()).encoding // 'windows-1252' for a Latin-1 export
 */
export function parseSmsImport(source: string | ArrayBuffer | ArrayBufferView): SmsImportParseResult {
  return drain(parseSmsImportSteps(source));
}

/**
 * {@link parseSmsImport} in steps, for a caller that reports progress or lets the page breathe
 * between them (a worker, or the page itself in slices): a generator that yields how many rows have
 * been turned into messages (every few hundred) and returns the same result as `parseSmsImport`.
 * @param source The file's text, or its bytes.
 * @returns The steps; the last `next()` gives the result.
 * @example for (let s = steps.next(); !s.done; s = steps.next()) show(s.value.done, s.value.total);
 */
export function* parseSmsImportSteps(source: string | ArrayBuffer | ArrayBufferView): Generator<SmsParseProgress, SmsImportParseResult> {
  const decoded = typeof source !== 'string' && isBytes(source) ? decodeText(source) : null;
  const result = yield* smsTextSteps(decoded ? decoded.text : (source as string));
  return { ...result, encoding: decoded?.encoding ?? null, lossy: decoded?.lossy ?? false };
}

export { formatSmsCsv } from './sms-export.js';
export type { SmsCsvOptions } from './sms-export.js';
