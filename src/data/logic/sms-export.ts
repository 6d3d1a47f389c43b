/**
 * The SMS history's CSV export, apart from the import parsers so a widget can load it only when
 * the user exports.
 */
import { DateTime } from 'luxon';
import type { SmsMessage } from '../model.js';
import { formatCsv } from './csv.js';
import type { CsvRow } from './csv.js';
import { classifySmsError } from './sms.js';

export interface SmsCsvOptions {
  /** IANA zone the time column is written in (the dealer's). */
  zone: string;
  /** Start with the header row (the first chunk of a streamed export). Default true. */
  header?: boolean;
}

/**
 * The SMS history's CSV export: one row per message, times in the dealer's zone, the error's
 * title next to its code. Every text cell goes through the shared writer ({@link formatCsv}): one
 * that a spreadsheet would run as a formula starts with `'`, a valid E.164 number stays as it is.
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
  const data = messages.map((m): CsvRow => {
    const time = DateTime.fromISO(m.sentAt, { zone: 'UTC' }).setZone(zone);
    const error = m.errorCode ? classifySmsError(m.provider, m.errorCode).title : '';
    return [
      time.isValid ? time.toFormat('yyyy-MM-dd HH:mm:ss') : m.sentAt,
      m.direction,
      m.customerName,
      m.direction === 'inbound' ? m.from : m.to,
      m.employeeName,
      m.body,
      m.status,
      m.errorCode,
      error,
      m.segments,
      m.provider,
      m.from,
      m.to,
      m.id,
    ];
  });
  return formatCsv(options.header === false ? data : [fields, ...data]);
}
