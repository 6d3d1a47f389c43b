/**
 * The detail table's rows: each lead's evaluation with its sort keys worked out once, the
 * filters, their choices and the column orders. Plain data in, plain data out; the element memoises the calls.
 */
import type { LeadGrade } from '../../data/model.js';
import { NO_OEM_RULE_ID } from '../../data/model.js';
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

/** One collator per locale: building one costs more than many comparisons. */
const collators = new Map<string, Intl.Collator>();
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })));
  return collator;
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
  // Each row's key worked out once, not in every comparison.
  const { key, compare } = sortKey(sort.key, kept, collatorFor(locale));
  const keyed = kept.map((r) => ({ r, k: key(r) }));
  const sign = sort.dir === 'ascending' ? 1 : -1;
  keyed.sort((a, b) => sign * compare(a.k, b.k) || a.r.received - b.r.received);
  return keyed.map((x) => x.r);
}

/** A row's sort key and how two keys compare (numbers as numbers, texts with the collator). */
interface SortKeyOf {
  key: (r: Row) => number | string;
  compare: (x: number | string, y: number | string) => number;
}

const compareNumbers = (x: number | string, y: number | string): number => (x === y ? 0 : x < y ? -1 : 1);

/**
 * Each distinct text's place in the collator's order: texts the collator holds equal share one,
 * so comparing places compares as the collator does.
 */
function placesOf(distinct: Iterable<string>, collator: Intl.Collator): Map<string, number> {
  const places = new Map<string, number>();
  let place = -1;
  let previous = '';
  for (const text of [...distinct].sort(collator.compare)) {
    if (place < 0 || collator.compare(previous, text) !== 0) place++;
    places.set(text, place);
    previous = text;
  }
  return places;
}

function sortKey(key: SortKey, rows: readonly Row[], collator: Intl.Collator): SortKeyOf {
  const num = (get: (r: Row) => number): SortKeyOf => ({ key: get, compare: compareNumbers });
  /**
   * A text column: with few distinct texts (makes, sources, salespeople), each text's place in the
   * collator's order, so the rows sort on numbers; with many (customers), the text itself, each
   * comparison one collator call (sorting the distinct texts first would cost as much again).
   */
  const text = (get: (r: Row) => string): SortKeyOf => {
    const distinct = new Set(rows.map(get));
    if (distinct.size * 4 > rows.length) return { key: get, compare: (x, y) => collator.compare(x as string, y as string) };
    const places = placesOf(distinct, collator);
    return { key: (r) => places.get(get(r))!, compare: compareNumbers };
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

/** The choices of the OEM, salesperson and source filters: each value the rows hold once, by its label in the locale's order. */
export interface FilterOptions {
  oems: Array<[string, string]>;
  people: Array<[string, string]>;
  sources: Array<[string, string]>;
}

export function filterOptions(rows: readonly Row[], locale: string): FilterOptions {
  const oems = new Map<string, string>();
  const people = new Map<string, string>();
  const sources = new Map<string, string>();
  // The last label of a value wins, as \`new Map(pairs)\` would have it.
  for (const r of rows) {
    oems.set(r.e.rule.id, r.e.rule.id === NO_OEM_RULE_ID ? t('noRule') : r.e.rule.name);
    people.set(r.salespersonKey, r.salesperson);
    sources.set(r.e.lead.provider, r.e.lead.provider);
  }
  const sorted = (pairs: Map<string, string>) => [...pairs.entries()].sort((a, b) => a[1].localeCompare(b[1], locale));
  return { oems: sorted(oems), people: sorted(people), sources: sorted(sources) };
}
