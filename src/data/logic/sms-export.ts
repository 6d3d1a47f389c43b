/**
 * The SMS history's CSV export, apart from the import parsers so a widget can load it (with
 * papaparse) only when the user exports.
 */
import Papa from 'papaparse';
import { DateTime } from 'luxon';
import type { SmsMessage } from '../model.js';
import { classifySmsError } from './sms.js';

export interface SmsCsvOptions {
  /** IANA zone the time column is written in (the dealer's). */
  zone: string;
  /** Start with the header row (the first chunk of a streamed export). Default true. */
  header?: boolean;
}

/** Spreadsheet apps run a cell that starts like a formula; a leading apostrophe keeps it text. */
function safeCell(value: string | null): string {
  const cell = value ?? '';
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/**
 * The SMS history's CSV export: one row per message, times in the dealer's zone, the error's
 * title next to its code. Text cells that a spreadsheet would run as a formula start with `'`.
 * Every chunk ends with a line break, so chunks of a streamed export can be concatenated.
 * @param messages The messages of this chunk.
 * @param options Zone of the time column; whether to start with the header row.
 * @returns CSV text (RFC 4180, CRLF line breaks).
 * @example formatSmsCsv(page.items, { zone: 'America/Chicago', header: first })
 */
export function formatSmsCsv(messages: readonly SmsMessage[], options: SmsCsvOptions): string {
  const zone = options.zone || 'UTC';
  const fields = [
    `Time (${zone})`,
    'Direction',
    'Customer',
    'Customer phone',
    'Employee',
    'Body',
    'Status',
    'Error code',
    'Error',
    'Segments',
    'Provider',
    'From',
    'To',
    'Message id',
  ];
  const data = messages.map((m) => {
    const time = DateTime.fromISO(m.sentAt, { zone: 'UTC' }).setZone(zone);
    const error = m.errorCode ? classifySmsError(m.provider, m.errorCode).title : '';
    return [
      time.isValid ? time.toFormat('yyyy-MM-dd HH:mm:ss') : m.sentAt,
      m.direction,
      safeCell(m.customerName),
      m.direction === 'inbound' ? m.from : m.to,
      safeCell(m.employeeName),
      safeCell(m.body),
      m.status,
      m.errorCode ?? '',
      error,
      String(m.segments),
      m.provider,
      m.from,
      m.to,
      m.id,
    ];
  });
  if (options.header === false && data.length === 0) return '';
  const csv = Papa.unparse({ fields, data }, { header: options.header !== false, newline: '\r\n', quotes: false });
  return csv ? `${csv}\r\n` : '';
}
