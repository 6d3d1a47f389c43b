/**
 * The reads of sources and their categories from PostgreSQL: the categories in order, the sources
 * with their customer counts, and the mapping status.
 */
import type { MappingStatus, PosSource, SourceCategory } from '../../src/data/model.js';
import type { RouteHandler } from '../app.js';
import categoriesSql from '../sql/sources/categories.sql';
import listSql from '../sql/sources/list.sql';
import mappingStatusSql from '../sql/sources/mapping-status.sql';

export const SOURCE_ROUTES: Record<string, RouteHandler> = {
  'sources.categories': async (_arg, { query }) => (await query<{ doc: SourceCategory }>(categoriesSql)).map((r) => r.doc),
  'sources.list': async (_arg, { query }) => (await query<{ doc: PosSource }>(listSql)).map((r) => r.doc),
  'sources.mappingStatus': async (_arg, { query }) => (await query<MappingStatus>(mappingStatusSql))[0],
};

/** The dealer's profile (its name, zone, hours and holidays), kept with the tenant. */
export const DEALER_ROUTES: Record<string, RouteHandler> = {
  'leads.dealer': async (_arg, { query }) => (await query<{ dealer: unknown }>(`SELECT dealer FROM tenants`))[0]?.dealer,
};
