/**
 * Customers from PostgreSQL: the day's board, the list (keyset paging on last name, first name and id) and the
 * change of a customer's source under optimistic concurrency: a stale `expectedVersion` is a 409
 * whose body carries the current record.
 */
import type { CustomerQuery, CustomerSourceChange } from '../../src/data/adapter.js';
import type { BoardEntry, Customer, IsoDate } from '../../src/data/model.js';
import { AdapterError } from '../../src/data/errors.js';
import { pageLimit } from '../../src/data/logic/paging.js';
import type { RouteContext, RouteHandler } from '../app.js';
import { decodeKeyCursor, encodeKeyCursor } from './keyset.js';
import countSql from '../sql/customers/count.sql';
import forUpdateSql from '../sql/customers/for-update.sql';
import boardSql from '../sql/customers/board.sql';
import pageSql from '../sql/customers/page.sql';
import saveSql from '../sql/customers/save.sql';
import sourceSql from '../sql/customers/source.sql';

const customerName = (c: Pick<Customer, 'firstName' | 'lastName'>) => `${c.firstName} ${c.lastName}`.trim();

async function list(query: CustomerQuery, { query: sql }: RouteContext) {
  const limit = pageLimit(query.limit);
  const after = query.cursor ? decodeKeyCursor(query.cursor, 3) : [];
  const filter = [query.search?.trim().toLowerCase() || null, query.sourceUnknown ?? null];
  const rows = await sql<{ doc: Customer; last_name: string; first_name: string; id: string }>(pageSql, [
    ...filter,
    after[0] ?? null,
    after[1] ?? null,
    after[2] ?? null,
    limit + 1,
  ]);
  const [{ total }] = (await sql<{ total: number }>(countSql, filter)) as [{ total: number }];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => r.doc),
    total,
    nextCursor: rows.length > limit && last ? encodeKeyCursor([last.last_name, last.first_name, last.id]) : null,
  };
}

async function setSource(change: CustomerSourceChange, { query: sql }: RouteContext): Promise<Customer> {
  const [row] = await sql<{ doc: Customer }>(forUpdateSql, [change.customerId]);
  if (!row) throw new AdapterError({ kind: 'not-found', status: 404, message: `No customer "${change.customerId}".` });
  const customer = row.doc;
  if (customer.version !== change.expectedVersion) {
    throw new AdapterError({ kind: 'conflict', status: 409, message: `Customer "${customerName(customer)}" was changed by someone else.`, body: { current: customer } });
  }
  if (change.sourceId !== null) {
    const [source] = await sql<{ name: string; deleted: boolean }>(sourceSql, [change.sourceId]);
    if (!source) throw new AdapterError({ kind: 'not-found', status: 404, message: `No source "${change.sourceId}".` });
    if (source.deleted) throw new AdapterError({ kind: 'rejected', status: 400, message: `Source "${source.name}" is deleted; pick another.` });
  }
  const next: Customer = { ...customer, sourceId: change.sourceId, version: customer.version + 1, updatedAt: new Date().toISOString() };
  await sql(saveSql, [customer.id, JSON.stringify(next)]);
  return next;
}

export const CUSTOMER_ROUTES: Record<string, RouteHandler> = {
  'customers.board': async (arg, { query }) => (await query<{ doc: BoardEntry }>(boardSql, [(arg as { date: IsoDate }).date])).map((r) => r.doc),
  'customers.list': (arg, ctx) => list(arg as CustomerQuery, ctx),
  'customers.setSource': (arg, ctx) => setSource(arg as CustomerSourceChange, ctx),
};
