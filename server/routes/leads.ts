/**
 * Leads and their OEM rules from PostgreSQL: the list (keyset paging on received_at, newest
 * first, and the order rows were added in), one lead, the rules in rule order, a rule's save under
 * optimistic concurrency (a stale `version` is a 409 whose body carries the current rule), the
 * manager's flag, and the response summary.
 *
 * The summary reads the range's leads in one indexed range query (leads_by_time) and evaluates
 * them with the memory adapter's own rule (summarizeLeadResponses in src/data/logic/leads.ts):
 * the response clock counts business minutes over each rule's hours, the dealer's holidays and
 * zone, which SQL would have to copy; one rule, in one place.
 */
import type { DealerProfile, Lead, LeadFlagChange, LeadQuery, StoredOemRule } from '../../src/data/model.js';
import { NO_OEM_RULE_ID } from '../../src/data/model.js';
import { AdapterError } from '../../src/data/errors.js';
import { checkDateRange } from '../../src/data/logic/calendar.js';
import { calendarRangeBounds } from '../../src/data/logic/calendar-zones.js';
import { flagLead } from '../../src/data/logic/lead-queue.js';
import { checkOemRule, makeKeysByRule, makeOverlap, summarizeLeadResponses } from '../../src/data/logic/leads.js';
import { makeKey } from '../../src/data/logic/makes.js';
import { pageLimit } from '../../src/data/logic/paging.js';
import type { Query } from '../db.js';
import type { RouteContext, RouteHandler } from '../app.js';
import { decodeKeyCursor, encodeKeyCursor, invalidCursor } from './keyset.js';
import countSql from '../sql/leads/count.sql';
import forUpdateSql from '../sql/leads/for-update.sql';
import getSql from '../sql/leads/get.sql';
import insertSql from '../sql/leads/insert.sql';
import pageSql from '../sql/leads/page.sql';
import rangeSql from '../sql/leads/range.sql';
import ruleSaveSql from '../sql/leads/rule-save.sql';
import rulesSql from '../sql/leads/rules.sql';
import rulesInsertSql from '../sql/leads/rules-insert.sql';
import saveSql from '../sql/leads/save.sql';

/** The cursor's key time, as page.sql writes it, and its sequence number. */
const KEY_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const KEY_SEQ = /^\d{1,18}$/;

const notFound = (message: string) => new AdapterError({ kind: 'not-found', status: 404, message });

const rulesOf = async (sql: Query) => (await sql<{ doc: StoredOemRule }>(rulesSql)).map((r) => r.doc);

/** The make-key filter of a rule id: its makes (`in`), every rule's makes (`not-in`, for `none`). */
async function ruleFilter(sql: Query, ruleId: string | undefined): Promise<[string | null, string | null]> {
  if (!ruleId) return [null, null];
  const keys = makeKeysByRule(await rulesOf(sql));
  if (ruleId === NO_OEM_RULE_ID) return [JSON.stringify([...keys.values()].flat()), 'not-in'];
  return [JSON.stringify(keys.get(ruleId) ?? []), 'in'];
}

async function list(query: LeadQuery, { query: sql, zone }: RouteContext) {
  checkDateRange(query);
  const limit = pageLimit(query.limit);
  let after: string[] = [];
  if (query.cursor) {
    after = decodeKeyCursor(query.cursor, 2);
    if (!KEY_TIME.test(after[0]!) || Number.isNaN(Date.parse(after[0]!)) || !KEY_SEQ.test(after[1]!)) throw invalidCursor(query.cursor);
  }
  const [start, end] = calendarRangeBounds(query, zone);
  const params = [new Date(start).toISOString(), new Date(end).toISOString(), query.salespersonId || null, ...(await ruleFilter(sql, query.ruleId))];
  const rows = await sql<{ doc: Lead; key_time: string; seq: string }>(pageSql, [...params, after[0] ?? null, after[1] ?? null, limit + 1]);
  const [{ total }] = (await sql<{ total: number }>(countSql, params)) as [{ total: number }];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map((r) => r.doc), total, nextCursor: rows.length > limit && last ? encodeKeyCursor([last.key_time, last.seq]) : null };
}

async function get(id: string, { query: sql }: RouteContext): Promise<Lead> {
  const [row] = await sql<{ doc: Lead }>(getSql, [id]);
  if (!row) throw notFound(`No lead "${id}".`);
  return row.doc;
}

async function saveRule(rule: StoredOemRule, { query: sql, zone, now }: RouteContext): Promise<StoredOemRule> {
  const name = checkOemRule(rule, { zone }, now().toISOString());
  // One save of the tenant's rules at a time: the overlap check reads them all.
  await sql(`SELECT pg_advisory_xact_lock(hashtext(current_setting('app.tenant') || '/oem_rules'))`);
  const rules = await rulesOf(sql);
  const existing = rules.find((r) => r.id === rule.id);
  if (existing && existing.version !== rule.version) {
    throw new AdapterError({ kind: 'conflict', status: 409, message: `Rule "${existing.name}" was changed by someone else.`, body: { current: existing } });
  }
  const overlap = makeOverlap(rule, rules);
  if (overlap) {
    throw new AdapterError({
      kind: 'rejected',
      status: 400,
      message: `Rule "${name}": ${overlap.make} is already covered by the rule "${overlap.rule.name}". A make can belong to one rule only.`,
    });
  }
  const next: StoredOemRule = { ...rule, version: existing ? existing.version + 1 : 1 };
  await sql(ruleSaveSql, [JSON.stringify(next)]);
  return next;
}

async function responseSummary(range: { from: string; to: string }, { query: sql, zone, now }: RouteContext) {
  const checked = checkDateRange({ from: range.from, to: range.to });
  const [start, end] = calendarRangeBounds(checked, zone);
  const leads = (await sql<{ doc: Lead }>(rangeSql, [new Date(start).toISOString(), new Date(end).toISOString()])).map((r) => r.doc);
  const [{ dealer }] = (await sql<{ dealer: DealerProfile }>(`SELECT dealer FROM tenants`)) as [{ dealer: DealerProfile }];
  return summarizeLeadResponses(leads, { range: checked, rules: await rulesOf(sql), calendar: dealer, nowIso: now().toISOString() });
}

async function flag(change: LeadFlagChange, { query: sql, caller, now }: RouteContext): Promise<Lead> {
  const [row] = await sql<{ doc: Lead }>(forUpdateSql, [change.leadId]);
  if (!row) throw notFound(`No lead "${change.leadId}".`);
  const next = flagLead(row.doc, change, now().toISOString(), caller.user);
  await sql(saveSql, [change.leadId, JSON.stringify(next)]);
  return next;
}

/** Rows per statement when leads are written in bulk. */
const BATCH = 1000;

/** Adds leads to the tenant, in their order, and its rules when it has none (the demo load). */
export async function insertLeads(sql: Query, leads: readonly Lead[], rules: readonly StoredOemRule[]): Promise<void> {
  if (rules.length) await sql(rulesInsertSql, [JSON.stringify(rules)]);
  for (let i = 0; i < leads.length; i += BATCH) {
    await sql(insertSql, [JSON.stringify(leads.slice(i, i + BATCH).map((doc) => ({ make_key: makeKey(doc.make ?? ''), doc })))]);
  }
}

export const LEAD_ROUTES: Record<string, RouteHandler> = {
  'leads.list': (arg, ctx) => list(arg as LeadQuery, ctx),
  'leads.get': (arg, ctx) => get(arg as string, ctx),
  'leads.rules': (_arg, { query }) => rulesOf(query),
  'leads.saveRule': (arg, ctx) => saveRule(arg as StoredOemRule, ctx),
  'leads.responseSummary': (arg, ctx) => responseSummary(arg as { from: string; to: string }, ctx),
  'leads.flag': (arg, ctx) => flag(arg as LeadFlagChange, ctx),
};
