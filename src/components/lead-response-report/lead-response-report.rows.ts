/**
 * The detail table's rows: each lead's evaluation with its sort keys worked out once, the
 * filters and the column orders. Plain data in, plain data out; the element memoises the calls.
 */
import type { LeadGrade } from '../../data/model.js';
import type { LeadEvaluation } from '../../data/logic/leads.js';
import { t } from './lead-response-report.messages.js';

export type SortKey = 'received' | 'customer' | 'make' | 'source' | 'salesperson' | 'response' | 'elapsed' | 'limit' | 'grade' | 'status' | 'consequences';
export type SortDir = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  dir: SortDir;
}

export const COLUMNS: ReadonlyArray<{ key: SortKey; label: Parameters<typeof t>[0]; num?: boolean }> = [
  { key: 'received', label: 'colReceived' },
  { key: 'customer', label: 'colCustomer' },
  { key: 'make', label: 'colMake' },
  { key: 'source', label: 'colSource' },
  { key: 'salesperson', label: 'colSalesperson' },
  { key: 'response', label: 'colResponse' },
  { key: 'elapsed', label: 'colElapsed', num: true },
  { key: 'limit', label: 'colLimit', num: true },
  { key: 'grade', label: 'colGrade' },
  { key: 'status', label: 'colStatus' },
  { key: 'consequences', label: 'colConsequences' },
];

export const GRADES: readonly LeadGrade[] = ['green', 'yellow', 'red'];
const GRADE_RANK: Record<LeadGrade, number> = { green: 0, yellow: 1, red: 2 };
const STATUS_RANK = { met: 0, running: 1, missed: 2, overdue: 3 } as const;

export interface Filters {
  oem: string;
  salesperson: string;
  source: string;
  grade: string;
}
export const NO_FILTERS: Filters = { oem: '', salesperson: '', source: '', grade: '' };

export const anyFilter = (f: Filters): boolean => !!(f.oem || f.salesperson || f.source || f.grade);

/** A detail row: the evaluation and its sort keys, worked out once. */
export interface Row {
  e: LeadEvaluation;
  received: number;
  salespersonKey: string;
  salesperson: string;
  response: number;
  consequences: string;
}

export function rowOf(e: LeadEvaluation): Row {
  const stop = e.state.stoppedBy;
  return {
    e,
    received: Date.parse(e.lead.receivedAt),
    salespersonKey: e.lead.salespersonId ?? 'unassigned',
    salesperson: e.lead.salespersonName ?? (e.lead.salespersonId ? e.lead.salespersonId : t('unassigned')),
    response: stop ? Date.parse(stop.at) : Infinity,
    consequences: e.state.consequences.join(','),
  };
}

/** The sort after activating a column's header: the other direction, or the column's default. */
export function nextSort(sort: Sort, key: SortKey): Sort {
  if (sort.key === key) return { key, dir: sort.dir === 'ascending' ? 'descending' : 'ascending' };
  return { key, dir: key === 'received' ? 'descending' : 'ascending' };
}

/** The rows the filters keep, in the sort's order; ties stay oldest first. */
export function filterAndSort(rows: readonly Row[], filters: Filters, sort: Sort, locale: string): Row[] {
  const { oem, salesperson, source, grade } = filters;
  const kept = rows.filter(
    (r) =>
      (!oem || r.e.rule.id === oem) &&
      (!salesperson || r.salespersonKey === salesperson) &&
      (!source || r.e.lead.provider === source) &&
      (!grade || r.e.state.grade === grade),
  );
  const compare = comparator(sort.key, new Intl.Collator(locale, { sensitivity: 'base', numeric: true }));
  const sign = sort.dir === 'ascending' ? 1 : -1;
  return kept.sort((a, b) => sign * compare(a, b) || a.received - b.received);
}

function comparator(key: SortKey, collator: Intl.Collator): (a: Row, b: Row) => number {
  const text = (get: (r: Row) => string) => (a: Row, b: Row) => collator.compare(get(a), get(b));
  const num = (get: (r: Row) => number) => (a: Row, b: Row) => {
    const x = get(a);
    const y = get(b);
    return x === y ? 0 : x < y ? -1 : 1;
  };
  switch (key) {
    case 'received':
      return num((r) => r.received);
    case 'customer':
      return text((r) => r.e.lead.customerName);
    case 'make':
      return text((r) => r.e.lead.make);
    case 'source':
      return text((r) => r.e.lead.provider);
    case 'salesperson':
      return text((r) => r.salesperson);
    case 'response':
      return num((r) => r.response);
    case 'elapsed':
      return num((r) => r.e.state.elapsedMinutes);
    case 'limit':
      return num((r) => r.e.rule.limitMinutes);
    case 'grade':
      return num((r) => GRADE_RANK[r.e.state.grade]);
    case 'status':
      return num((r) => STATUS_RANK[r.e.state.status]);
    case 'consequences':
      return text((r) => r.consequences);
  }
}
