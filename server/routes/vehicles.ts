/**
 * The wants of "Need Car Locate" customers from PostgreSQL: the needed-vehicles list (keyset on
 * make, model, newest first, id), trade-in matching and follow-ups. Which wants a list or a
 * trade-in takes, their order and the matching itself are the shared rules of
 * src/data/logic/vehicles.ts: the key, sort and search columns are written from them.
 */
import type { WantFollowUp, WantQuery } from '../../src/data/adapter.js';
import type { TradeInVehicle, VehicleWant, WantMatch } from '../../src/data/model.js';
import { AdapterError } from '../../src/data/errors.js';
import { makeKey } from '../../src/data/logic/makes.js';
import { pageLimit } from '../../src/data/logic/paging.js';
import { checkTradeIn, matchTradeIn, resolveTradeIn, wantSearchText, wantSortKey } from '../../src/data/logic/vehicles.js';
import { applyFollowUp } from '../../src/data/logic/vehicles-follow-up.js';
import type { Query } from '../db.js';
import type { RouteContext, RouteHandler } from '../app.js';
import { decodeKeyCursor, encodeKeyCursor } from './keyset.js';
import byMakeSql from '../sql/vehicles/by-make.sql';
import countSql from '../sql/vehicles/count.sql';
import forUpdateSql from '../sql/vehicles/for-update.sql';
import insertSql from '../sql/vehicles/insert.sql';
import pageSql from '../sql/vehicles/page.sql';
import saveSql from '../sql/vehicles/save.sql';

const BATCH = 1000;

/** Adds wants to the tenant (the demo load, a restore), with the columns of the shared rules. */
export async function insertWants(sql: Query, wants: readonly VehicleWant[]): Promise<void> {
  for (let i = 0; i < wants.length; i += BATCH) {
    const rows = wants.slice(i, i + BATCH).map((doc) => ({
      doc,
      make_key: makeKey(doc.make),
      sort_make: wantSortKey(doc.make),
      sort_model: wantSortKey(doc.model),
      search_text: wantSearchText(doc),
    }));
    await sql(insertSql, [JSON.stringify(rows)]);
  }
}

async function wants(query: WantQuery, { query: sql }: RouteContext) {
  const limit = pageLimit(query.limit);
  const after = query.cursor ? decodeKeyCursor(query.cursor, 4) : [];
  const filter = [query.make ? makeKey(query.make) : null, query.search?.trim().toLowerCase() || null];
  const rows = await sql<{ doc: VehicleWant; sort_make: string; sort_model: string; created_at: string; id: string }>(pageSql, [
    ...filter,
    after[0] ?? null,
    after[1] ?? null,
    after[2] ?? null,
    after[3] ?? null,
    limit + 1,
  ]);
  const [{ total }] = (await sql<{ total: number }>(countSql, filter)) as [{ total: number }];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => r.doc),
    total,
    nextCursor: rows.length > limit && last ? encodeKeyCursor([last.sort_make, last.sort_model, last.created_at, last.id]) : null,
  };
}

async function tradeIn(vehicle: TradeInVehicle, { query: sql }: RouteContext): Promise<WantMatch[]> {
  checkTradeIn(vehicle);
  const keys = [...new Set(resolveTradeIn(vehicle).makes.map(makeKey))];
  const candidates = (await sql<{ doc: VehicleWant }>(byMakeSql, [JSON.stringify(keys)])).map((r) => r.doc);
  return matchTradeIn(vehicle, candidates);
}

async function followUp(change: WantFollowUp, { query: sql }: RouteContext): Promise<VehicleWant> {
  const [row] = await sql<{ doc: VehicleWant }>(forUpdateSql, [change.wantId]);
  if (!row) throw new AdapterError({ kind: 'not-found', status: 404, message: `No want "${change.wantId}".` });
  const next = applyFollowUp(row.doc, change, new Date().toISOString());
  await sql(saveSql, [next.id, JSON.stringify(next)]);
  return next;
}

export const VEHICLE_ROUTES: Record<string, RouteHandler> = {
  'vehicles.wants': (arg, ctx) => wants(arg as WantQuery, ctx),
  'vehicles.matchTradeIn': (arg, ctx) => tradeIn(arg as TradeInVehicle, ctx),
  'vehicles.followUp': (arg, ctx) => followUp(arg as WantFollowUp, ctx),
};
