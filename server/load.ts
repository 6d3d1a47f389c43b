/**
 * Loads a dataset (the demo's, from `generateDataset`) into one tenant: its dealer, source categories, sources,
 * customers, invoices, spend, board, SMS log, deleted records, restore log, wants, leads with their
 * OEM rules, and store traffic, in batched inserts inside one transaction as that tenant.
 */
import type { Dataset } from '../src/data/model.js';
import type { Db } from './db.js';
import { insertDeleted, insertRestoreLog } from './routes/deleted.js';
import { insertLeads } from './routes/leads.js';
import { insertSms } from './routes/sms.js';
import { insertSpend } from './routes/sources.js';
import { insertTraffic } from './routes/traffic.js';
import { insertWants } from './routes/vehicles.js';
import boardInsertSql from './sql/customers/board-insert.sql';
import customersInsertSql from './sql/customers/insert.sql';
import categoriesInsertSql from './sql/sources/categories-insert.sql';
import invoicesInsertSql from './sql/sources/invoices-insert.sql';
import sourcesInsertSql from './sql/sources/insert.sql';

const BATCH = 1000;

/** What a tenant is loaded with; the records the server does not need yet may be left out. */
export type TenantData = Pick<Dataset, 'dealer' | 'categories' | 'sources' | 'customers' | 'board' | 'sms'> &
  Partial<Pick<Dataset, 'invoices' | 'spend' | 'deleted' | 'restoreLog' | 'wants' | 'leads' | 'rules' | 'traffic'>>;

/** Adds `tenant` with the records of `dataset`; a tenant already loaded is left as it is. */
export async function loadTenant(db: Db, tenant: string, dataset: TenantData): Promise<boolean> {
  return db.tenantTransaction(tenant, async (query) => {
    const inserted = await query(`INSERT INTO tenants (tenant_id, zone, dealer) VALUES ($1, $2, $3::text::jsonb) ON CONFLICT DO NOTHING RETURNING tenant_id`, [
      tenant,
      dataset.dealer.zone,
      JSON.stringify(dataset.dealer),
    ]);
    if (!inserted.length) return false;
    const batches = async (sql: string, rows: readonly unknown[]) => {
      for (let i = 0; i < rows.length; i += BATCH) await query(sql, [JSON.stringify(rows.slice(i, i + BATCH))]);
    };
    await batches(categoriesInsertSql, dataset.categories);
    await batches(sourcesInsertSql, dataset.sources);
    await batches(customersInsertSql, dataset.customers);
    // One statement for the whole board, so its positions follow the dataset's order.
    await query(boardInsertSql, [JSON.stringify(dataset.board)]);
    await insertSms(query, dataset.sms);
    await batches(invoicesInsertSql, dataset.invoices ?? []);
    await insertSpend(query, dataset.spend ?? []);
    await insertDeleted(query, dataset.deleted ?? []);
    await insertRestoreLog(query, dataset.restoreLog ?? []);
    await insertWants(query, dataset.wants ?? []);
    await insertLeads(query, dataset.leads ?? [], dataset.rules ?? []);
    await insertTraffic(query, dataset.traffic ?? []);
    return true;
  });
}
