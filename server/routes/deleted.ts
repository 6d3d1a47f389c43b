/**
 * Deleted customers and merge leftovers from PostgreSQL: the report (keyset paging on
 * (deleted_at, id), newest first), the restore and the restore log (keyset on (at, seq)).
 * A restore runs the memory adapter's rule (`restoreRecords` of src/data/logic/deleted.ts) on the
 * records, customers and wants it touches, locked for the transaction, and writes back what changed.
 */
import type { DeletedQuery, RestoreLogQuery } from '../../src/data/adapter.js';
import type { Customer, DeletedRecord, RestoreLogEntry, RestoreRequest, RestoreResult, VehicleWant } from '../../src/data/model.js';
import { AdapterError } from '../../src/data/errors.js';
import { checkDateRange } from '../../src/data/logic/calendar.js';
import { calendarRangeBounds } from '../../src/data/logic/calendar-zones.js';
import { deletedSearchIndex, deletedSearchTerms, restoreRecords, survivorValues } from '../../src/data/logic/deleted.js';
import { pageLimit } from '../../src/data/logic/paging.js';
import type { Query } from '../db.js';
import type { RouteContext, RouteHandler } from '../app.js';
import { decodeKeyCursor, encodeKeyCursor, invalidCursor } from './keyset.js';
import { insertWants } from './vehicles.js';
import customersByIdsSql from '../sql/customers/by-ids.sql';
import customersForUpdateSql from '../sql/customers/by-ids-for-update.sql';
import customersUpsertSql from '../sql/customers/upsert.sql';
import countSql from '../sql/deleted/count.sql';
import forUpdateSql from '../sql/deleted/for-update.sql';
import insertSql from '../sql/deleted/insert.sql';
import logCountSql from '../sql/deleted/log-count.sql';
import logInsertSql from '../sql/deleted/log-insert.sql';
import logPageSql from '../sql/deleted/log-page.sql';
import pageSql from '../sql/deleted/page.sql';
import saveSql from '../sql/deleted/save.sql';
import wantsByIdsSql from '../sql/vehicles/by-ids.sql';

/** A cursor's key time, as the page queries write it. */
const KEY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** The key of a keyset cursor over (time, second key), checked. */
function timeCursor(cursor: string | null | undefined, second?: RegExp): string[] {
  if (!cursor) return [];
  const key = decodeKeyCursor(cursor, 2);
  if (!KEY_TIME.test(key[0]!) || Number.isNaN(Date.parse(key[0]!)) || (second && !second.test(key[1]!))) throw invalidCursor(cursor);
  return key;
}

const BATCH = 1000;

/** Adds deleted records to the tenant (the demo load), with the search columns of the shared rule. */
export async function insertDeleted(sql: Query, records: readonly DeletedRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += BATCH) {
    const rows = records.slice(i, i + BATCH).map((doc) => {
      const index = deletedSearchIndex(doc);
      return { doc, search_text: index.text, phone_digits: index.phoneDigits };
    });
    await sql(insertSql, [JSON.stringify(rows)]);
  }
}

/** Adds restore-log entries, oldest first. */
export async function insertRestoreLog(sql: Query, entries: readonly RestoreLogEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += BATCH) await sql(logInsertSql, [JSON.stringify(entries.slice(i, i + BATCH))]);
}

async function list(query: DeletedQuery, { query: sql, zone }: RouteContext) {
  const range = checkDateRange(query);
  const limit = pageLimit(query.limit);
  const after = timeCursor(query.cursor);
  const [start, end] = calendarRangeBounds(range, zone);
  const terms = deletedSearchTerms(query.search);
  const filter = [new Date(start).toISOString(), new Date(end).toISOString(), query.reason ?? null, query.includeRestored ?? false, terms.text, terms.digits];
  const rows = await sql<{ doc: DeletedRecord; key_time: string; id: string }>(pageSql, [...filter, after[0] ?? null, after[1] ?? null, limit + 1]);
  const [{ total }] = (await sql<{ total: number }>(countSql, filter)) as [{ total: number }];
  const items = rows.slice(0, limit).map((r) => r.doc);
  const last = rows[Math.min(rows.length, limit) - 1];
  const survivors = [...new Set(items.flatMap((r) => (r.kind === 'merge-leftover' && r.mergedIntoId ? [r.mergedIntoId] : [])))];
  const people = new Map<string, Customer>();
  if (survivors.length) {
    for (const { doc } of await sql<{ doc: Customer }>(customersByIdsSql, [JSON.stringify(survivors)])) people.set(doc.id, doc);
  }
  return {
    items: items.map((r) => (r.kind === 'merge-leftover' ? { ...r, mergedIntoCurrent: survivorValues(r, people) ?? null } : r)),
    total,
    nextCursor: rows.length > limit && last ? encodeKeyCursor([last.key_time, last.id]) : null,
  };
}

async function restore(request: RestoreRequest, { query: sql, caller }: RouteContext): Promise<RestoreResult> {
  if (!Array.isArray(request?.ids) || request.ids.length === 0) {
    throw new AdapterError({ kind: 'rejected', status: 400, message: 'Choose at least one record to restore.' });
  }
  const records = (await sql<{ doc: DeletedRecord }>(forUpdateSql, [JSON.stringify([...new Set(request.ids)])])).map((r) => r.doc);
  const customerIds = records.flatMap((r) => (r.kind === 'customer' ? [r.customerId] : r.mergedIntoId ? [r.mergedIntoId] : []));
  const customers = customerIds.length ? (await sql<{ doc: Customer }>(customersForUpdateSql, [JSON.stringify([...new Set(customerIds)])])).map((r) => r.doc) : [];
  const wantIds = records.flatMap((r) => (r.related?.wants ?? []).map((w) => w.id));
  const wants = wantIds.length ? (await sql<{ doc: VehicleWant }>(wantsByIdsSql, [JSON.stringify(wantIds)])).map((r) => r.doc) : [];
  const out = restoreRecords(records, customers, request, new Date(), caller.user, wants);
  const restored = new Set(out.result.restored);
  const touched = new Set((out.result.details ?? []).map((d) => d.customerId));
  const had = new Set(wants.map((w) => w.id));
  if (restored.size) {
    await sql(saveSql, [JSON.stringify(out.deleted.filter((r) => restored.has(r.id)))]);
    await sql(customersUpsertSql, [JSON.stringify(out.customers.filter((c) => touched.has(c.id)))]);
    await insertWants(sql, out.wants.filter((w) => !had.has(w.id)));
    await insertRestoreLog(sql, out.log);
  }
  return out.result;
}

async function log(query: RestoreLogQuery, { query: sql }: RouteContext) {
  const limit = pageLimit(query?.limit);
  const after = timeCursor(query?.cursor, /^\d{1,18}$/);
  const filter = [query?.recordId || null, query?.customerId || null];
  const rows = await sql<{ doc: RestoreLogEntry; key_time: string; seq: string }>(logPageSql, [...filter, after[0] ?? null, after[1] ?? null, limit + 1]);
  const [{ total }] = (await sql<{ total: number }>(logCountSql, filter)) as [{ total: number }];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map((r) => r.doc), total, nextCursor: rows.length > limit && last ? encodeKeyCursor([last.key_time, last.seq]) : null };
}

export const DELETED_ROUTES: Record<string, RouteHandler> = {
  'deleted.list': (arg, ctx) => list(arg as DeletedQuery, ctx),
  'deleted.restore': (arg, ctx) => restore(arg as RestoreRequest, ctx),
  'deleted.log': (arg, ctx) => log(arg as RestoreLogQuery, ctx),
};
