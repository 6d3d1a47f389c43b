/**
 * Sources and their categories from PostgreSQL: the reads (categories in order, sources with their
 * customer counts, the mapping status, the source report, the spend of a range) and the writes
 * (a source changed or added, "mapping done", a category saved, a month's spend saved). A write
 * to a record with a version is refused with 409 and the current record when the version it was
 * based on is stale. The report's figures come from `buildSourceReport`, the memory adapter's rule.
 */
import type { CategoryUpsert, SourceCreate, SourceUpdate, SpendUpsert } from '../../src/data/adapter.js';
import type { Customer, DateRange, Invoice, MappingStatus, MarketingSpend, PosSource, SourceCategory, SourceReport } from '../../src/data/model.js';
import { AdapterError } from '../../src/data/errors.js';
import { checkDateRange } from '../../src/data/logic/calendar.js';
import { applySourceUpdate, buildSourceReport, completeMapping, requireName } from '../../src/data/logic/sources.js';
import type { Query } from '../db.js';
import type { RouteContext, RouteHandler } from '../app.js';
import allSql from '../sql/sources/all.sql';
import categoriesSql from '../sql/sources/categories.sql';
import categoryDeleteSql from '../sql/sources/category-delete.sql';
import categoryForUpdateSql from '../sql/sources/category-for-update.sql';
import categorySaveSql from '../sql/sources/category-save.sql';
import forUpdateSql from '../sql/sources/for-update.sql';
import insertSql from '../sql/sources/insert.sql';
import listSql from '../sql/sources/list.sql';
import mappingStatusSql from '../sql/sources/mapping-status.sql';
import reportCustomersSql from '../sql/sources/report-customers.sql';
import reportInvoicesSql from '../sql/sources/report-invoices.sql';
import saveSql from '../sql/sources/save.sql';
import spendSql from '../sql/sources/spend.sql';
import spendIdsSql from '../sql/sources/spend-ids.sql';
import spendForUpdateSql from '../sql/sources/spend-for-update.sql';
import spendInsertSql from '../sql/sources/spend-insert.sql';
import spendSaveSql from '../sql/sources/spend-save.sql';

const rejected = (message: string) => new AdapterError({ kind: 'rejected', status: 400, message });
const notFound = (message: string) => new AdapterError({ kind: 'not-found', status: 404, message });
const conflict = (message: string, current: unknown) => new AdapterError({ kind: 'conflict', status: 409, message, body: { current } });

const categories = async (sql: Query) => (await sql<{ doc: SourceCategory }>(categoriesSql)).map((r) => r.doc);

async function checkCategory(sql: Query, id: string): Promise<void> {
  if (!(await sql(categoryForUpdateSql, [id])).length) throw rejected(`No category "${id}".`);
}

/** A source with its customer count, locked; 404 when there is none. */
async function findSource(sql: Query, id: string): Promise<PosSource> {
  const [row] = await sql<{ doc: PosSource }>(forUpdateSql, [id]);
  if (!row) throw notFound(`No source "${id}".`);
  return row.doc;
}

/** The months a range covers, first and last (`YYYY-MM`). */
const monthsOf = (range: DateRange) => [range.from.slice(0, 7), range.to.slice(0, 7)];

async function report(range: DateRange, { query: sql }: RouteContext): Promise<SourceReport> {
  const { from, to } = checkDateRange(range);
  return buildSourceReport(
    {
      categories: await categories(sql),
      sources: (await sql<{ doc: PosSource }>(listSql)).map((r) => r.doc),
      customers: (await sql<{ doc: Customer }>(reportCustomersSql, [from, to])).map((r) => r.doc),
      invoices: await sql<Invoice>(reportInvoicesSql, [from, to]),
      spend: (await sql<{ doc: MarketingSpend }>(spendSql, monthsOf({ from, to }))).map((r) => r.doc),
    },
    { from, to },
  );
}

async function update(change: SourceUpdate, { query: sql }: RouteContext): Promise<PosSource> {
  const source = await findSource(sql, change.id);
  if (source.version !== change.expectedVersion) throw conflict(`Source "${source.name}" was changed by someone else.`, source);
  if (change.categoryId) await checkCategory(sql, change.categoryId);
  const next = applySourceUpdate(source, change, new Date().toISOString());
  await sql(saveSql, [JSON.stringify([next])]);
  return next;
}

async function create(input: SourceCreate, { query: sql }: RouteContext): Promise<PosSource> {
  await checkCategory(sql, input.categoryId);
  const name = requireName(input.name, 'A source');
  const taken = new Set((await sql<{ doc: PosSource }>(allSql)).map((r) => r.doc.id));
  if (input.id && taken.has(input.id)) {
    const current = await findSource(sql, input.id);
    throw conflict(`Source "${current.name}" already exists.`, current);
  }
  let id = input.id;
  for (let n = taken.size + 1; !id || taken.has(id); n++) id = `shop-${n}`;
  const source: PosSource = { id, code: '', categoryId: input.categoryId, name, origin: 'shop', deleted: false, customerCount: 0, version: 1, updatedAt: new Date().toISOString() };
  await sql(insertSql, [JSON.stringify([source])]);
  return source;
}

async function mappingDone(_arg: unknown, { query: sql }: RouteContext): Promise<{ mapped: number }> {
  const sources = (await sql<{ doc: PosSource }>(allSql)).map((r) => r.doc);
  const next = completeMapping(sources, new Date().toISOString());
  const changed = next.filter((s, i) => s !== sources[i]);
  if (changed.length) await sql(saveSql, [JSON.stringify(changed)]);
  return { mapped: changed.length };
}

async function saveCategory(input: CategoryUpsert, { query: sql }: RouteContext): Promise<SourceCategory> {
  const [row] = await sql<{ doc: SourceCategory }>(categoryForUpdateSql, [input.id]);
  const existing = row?.doc;
  if (!existing) {
    if (input.expectedVersion !== undefined || input.deleted) throw notFound(`No category "${input.id}".`);
    if (!input.id?.trim()) throw rejected('A category needs an id.');
    const order = input.order ?? Math.max(0, ...(await categories(sql)).map((c) => c.order)) + 1;
    const category: SourceCategory = { id: input.id, name: requireName(input.name, 'A category'), order, builtIn: false, version: 1 };
    await sql(categorySaveSql, [JSON.stringify(category)]);
    return category;
  }
  if (existing.version !== input.expectedVersion) throw conflict(`Category "${existing.name}" was changed by someone else.`, existing);
  const next: SourceCategory = { ...existing, name: requireName(input.name, 'A category'), order: input.order ?? existing.order, version: existing.version + 1 };
  if (input.deleted) {
    if (existing.builtIn) throw rejected(`"${existing.name}" is a default category and cannot be deleted.`);
    // Its sources go back to unmapped, so their customers show as unknown rather than vanish.
    await sql(categoryDeleteSql, [existing.id, new Date().toISOString()]);
    return next;
  }
  await sql(categorySaveSql, [JSON.stringify(next)]);
  return next;
}

async function saveSpend(input: SpendUpsert, { query: sql }: RouteContext): Promise<MarketingSpend> {
  if (typeof input.month !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(input.month)) {
    throw rejected(`Invalid month ${JSON.stringify(input.month)}: use a month like 2026-03.`);
  }
  if (!Number.isInteger(input.amount) || input.amount < 0) {
    throw rejected(`Invalid amount ${JSON.stringify(input.amount)}: spend is a whole, non-negative number of cents.`);
  }
  await checkCategory(sql, input.categoryId);
  if (input.sourceId !== null) await findSource(sql, input.sourceId);
  const sourceId = input.sourceId ?? null;
  // One writer of a cell at a time, so two first saves of one cell do not both add a row.
  await sql(`SELECT pg_advisory_xact_lock(hashtext(current_setting('app.tenant') || '/spend/' || $1))`, [`${input.month}|${input.categoryId}|${sourceId ?? ''}`]);
  const [row] = await sql<{ doc: MarketingSpend }>(spendForUpdateSql, [input.month, input.categoryId, sourceId ?? '']);
  const existing = row?.doc;
  if (existing && existing.version !== input.expectedVersion) throw conflict(`Spend for ${input.month} was changed by someone else.`, existing);
  if (existing) {
    const next: MarketingSpend = { ...existing, amount: input.amount, version: existing.version + 1 };
    await sql(spendSaveSql, [JSON.stringify(next)]);
    return next;
  }
  const ids = new Set((await sql<{ id: string }>(spendIdsSql)).map((r) => r.id));
  let id = '';
  for (let k = ids.size + 1; !id || ids.has(id); k++) id = `spend-${k}`;
  const created: MarketingSpend = { id, month: input.month, categoryId: input.categoryId, sourceId, amount: input.amount, version: 1 };
  await insertSpend(sql, [created]);
  return created;
}

/** Adds spend rows to the tenant, in their order (the demo load, a first save). */
export async function insertSpend(sql: Query, rows: readonly MarketingSpend[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) await sql(spendInsertSql, [JSON.stringify(rows.slice(i, i + 1000))]);
}

export const SOURCE_ROUTES: Record<string, RouteHandler> = {
  'sources.categories': async (_arg, { query }) => categories(query),
  'sources.list': async (_arg, { query }) => (await query<{ doc: PosSource }>(listSql)).map((r) => r.doc),
  'sources.mappingStatus': async (_arg, { query }) => (await query<MappingStatus>(mappingStatusSql))[0],
  'sources.report': (arg, ctx) => report(arg as DateRange, ctx),
  'sources.spend': async (arg, { query }) => {
    const range = checkDateRange(arg as DateRange);
    return (await query<{ doc: MarketingSpend }>(spendSql, monthsOf(range))).map((r) => r.doc);
  },
  'sources.update': (arg, ctx) => update(arg as SourceUpdate, ctx),
  'sources.create': (arg, ctx) => create(arg as SourceCreate, ctx),
  'sources.completeMapping': (arg, ctx) => mappingDone(arg, ctx),
  'sources.saveCategory': (arg, ctx) => saveCategory(arg as CategoryUpsert, ctx),
  'sources.saveSpend': (arg, ctx) => saveSpend(arg as SpendUpsert, ctx),
};

/** The dealer's profile (its name, zone, hours and holidays), kept with the tenant. */
export const DEALER_ROUTES: Record<string, RouteHandler> = {
  'leads.dealer': async (_arg, { query }) => (await query<{ dealer: unknown }>(`SELECT dealer FROM tenants`))[0]?.dealer,
};
