/**
 * The SMS domain from PostgreSQL: the history (keyset paging on (sent_at, id)), the summary
 * (from the daily rollup when the filter allows it, else grouped from the log) and the import.
 * The figures themselves come from the same logic as the memory adapter's (src/data/logic/sms.ts).
 */
import type { SmsImportResult, SmsListQuery } from '../../src/data/adapter.js';
import type { SmsFilter, SmsMessage, SmsSummary } from '../../src/data/model.js';
import { checkDateRange } from '../../src/data/logic/calendar.js';
import { calendarRangeBounds, previousPeriodDetail } from '../../src/data/logic/calendar-zones.js';
import { pageLimit, pageOffset } from '../../src/data/logic/paging.js';
import { mergeImportedSms, smsErrorCategoryOf, summarizeSmsCounts } from '../../src/data/logic/sms.js';
import type { SmsDayCount } from '../../src/data/logic/sms.js';
import { normalizeCode } from '../../src/data/logic/sms-error-titles.js';
import type { Query } from '../db.js';
import type { RouteContext, RouteHandler } from '../app.js';
import { decodeKeyCursor, encodeKeyCursor, invalidCursor } from './keyset.js';
import countRollupSql from '../sql/sms/count-rollup.sql';
import countSql from '../sql/sms/count.sql';
import insertSql from '../sql/sms/insert.sql';
import pageAscSql from '../sql/sms/page-asc.sql';
import pageDescSql from '../sql/sms/page-desc.sql';
import storedSql from '../sql/sms/stored.sql';
import summaryLogSql from '../sql/sms/summary-log.sql';
import summaryRollupSql from '../sql/sms/summary-rollup.sql';
import updateSql from '../sql/sms/update.sql';

/** The arguments of `sms_matching` for a filter over [start, end). */
function matchingParams(filter: SmsFilter, start: number, end: number): unknown[] {
  const text = filter.text?.trim().toLowerCase();
  return [
    new Date(start).toISOString(),
    new Date(end).toISOString(),
    filter.direction ?? null,
    filter.status ?? null,
    filter.errorCategory ?? null,
    normalizeCode(filter.errorCode) || null,
    filter.employeeId || null,
    filter.customerId || null,
    text || null,
  ];
}

/** True when the daily rollup keeps every filter of `filter` (direction, status and error category only). */
function inRollup(filter: SmsFilter): boolean {
  return !normalizeCode(filter.errorCode) && !filter.employeeId && !filter.customerId && !filter.text?.trim();
}

/** The cursor's key time: `2026-11-23T17:04:05.123456Z`, as the page queries write it. */
const KEY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

async function list(query: SmsListQuery, { query: sql, zone }: RouteContext) {
  checkDateRange(query);
  const limit = pageLimit(query.limit);
  const offset = query.offset !== undefined && query.offset !== null ? pageOffset(query.offset) : 0;
  let after: string[] = [];
  if (query.cursor && query.offset == null) {
    after = decodeKeyCursor(query.cursor, 2);
    if (!KEY_TIME.test(after[0]!) || Number.isNaN(Date.parse(after[0]!))) throw invalidCursor(query.cursor);
  }
  const [start, end] = calendarRangeBounds(query, zone);
  const params = matchingParams(query, start, end);
  const rows = await sql<{ doc: SmsMessage; key_time: string; id: string }>(query.order === 'asc' ? pageAscSql : pageDescSql, [
    ...params,
    after[0] ?? null,
    after[1] ?? null,
    limit + 1,
    offset,
  ]);
  const [{ total }] = (
    inRollup(query)
      ? await sql<{ total: number }>(countRollupSql, [query.from, query.to, query.direction ?? null, query.status ?? null, query.errorCategory ?? null])
      : await sql<{ total: number }>(countSql, params)
  ) as [{ total: number }];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map((r) => r.doc), total, nextCursor: rows.length > limit && last ? encodeKeyCursor([last.key_time, last.id]) : null };
}

async function summary(filter: SmsFilter, { query: sql, zone }: RouteContext): Promise<SmsSummary> {
  const range = checkDateRange(filter);
  const previous = previousPeriodDetail(range);
  let counts: SmsDayCount[];
  if (inRollup(filter)) {
    const from = previous.from < range.from ? previous.from : range.from;
    const to = previous.to > range.to ? previous.to : range.to;
    counts = await sql<SmsDayCount>(summaryRollupSql, [from, to, filter.direction ?? null, filter.status ?? null, filter.errorCategory ?? null]);
  } else {
    const [curStart, curEnd] = calendarRangeBounds(range, zone);
    const [prevStart, prevEnd] = calendarRangeBounds(previous, zone);
    counts = await sql<SmsDayCount>(summaryLogSql, matchingParams(filter, Math.min(curStart, prevStart), Math.max(curEnd, prevEnd)));
  }
  const within = (from: string, to: string) => counts.filter((c) => c.date >= from && c.date <= to);
  return {
    ...summarizeSmsCounts(within(range.from, range.to), within(previous.from, previous.to), filter),
    compared: { basis: previous.basis, clamped: previous.clamped },
  };
}

/** A message as a row of insert.sql / update.sql. */
function smsRow(m: SmsMessage) {
  return {
    id: m.id,
    sent_at: m.sentAt,
    direction: m.direction,
    status: m.status,
    error_code: normalizeCode(m.errorCode) || null,
    error_category: smsErrorCategoryOf(m),
    from_number: m.from,
    employee_id: m.employeeId,
    customer_id: m.customerId,
    doc: m,
  };
}

/** Rows per statement when messages are written in bulk. */
const BATCH = 1000;

/** Adds new messages to the tenant's log, in batches (the demo load and the import). */
export async function insertSms(sql: Query, messages: readonly SmsMessage[]): Promise<void> {
  for (let i = 0; i < messages.length; i += BATCH) {
    await sql(insertSql, [JSON.stringify(messages.slice(i, i + BATCH).map(smsRow))]);
  }
}

async function importSms(messages: SmsMessage[], { query: sql }: RouteContext): Promise<SmsImportResult> {
  const stored = new Map<string, SmsMessage>();
  for (let i = 0; i < messages.length; i += BATCH) {
    const ids = messages.slice(i, i + BATCH).map((m) => m.id);
    for (const row of await sql<{ id: string; doc: SmsMessage }>(storedSql, [JSON.stringify(ids)])) stored.set(row.id, row.doc);
  }
  // In order, so a message repeated in the batch merges into its first copy.
  const fresh = new Map<string, SmsMessage>();
  const changed = new Map<string, SmsMessage>();
  let imported = 0;
  let updated = 0;
  for (const message of messages) {
    const earlier = fresh.get(message.id) ?? changed.get(message.id) ?? stored.get(message.id);
    if (!earlier) imported++;
    else updated++;
    const next = earlier ? mergeImportedSms(earlier, message) : message;
    (fresh.has(message.id) || !stored.has(message.id) ? fresh : changed).set(message.id, next);
  }
  await insertSms(sql, [...fresh.values()]);
  const rows = [...changed.values()];
  for (let i = 0; i < rows.length; i += BATCH) await sql(updateSql, [JSON.stringify(rows.slice(i, i + BATCH).map(smsRow))]);
  return { imported, updated };
}

export const SMS_ROUTES: Record<string, RouteHandler> = {
  'sms.list': (arg, ctx) => list(arg as SmsListQuery, ctx),
  'sms.summary': (arg, ctx) => summary(arg as SmsFilter, ctx),
  'sms.import': (arg, ctx) => importSms(arg as SmsMessage[], ctx),
};
