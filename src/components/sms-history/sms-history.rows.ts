/**
 * The window's rows of the SMS grid: a pool of plain row elements filled by position outside the
 * element's template, so a scroll frame writes only the text and attributes that changed.
 */
import type { SmsMessage } from '../../data/model.js';
import { formatCount, getLocale, msg } from '../shared/messages.js';
import { COLUMNS } from './sms-history.columns.js';
import { t } from './sms-history.messages.js';
import { customerPhone, directionName, errorInfo, errorTitles, formatSentAt, statusName } from './sms-history.view.js';

/** Texts per message, so a row recycled onto a message seen before formats nothing again. */
const textCache = new WeakMap<SmsMessage, { key: string; texts: string[] }>();

/** The text of each column for one message. */
export function cellTexts(m: SmsMessage, zone: string, named: boolean): string[] {
  const key = `${getLocale()}|${zone}|${named}|${!!errorTitles.value}`;
  const cached = textCache.get(m);
  if (cached?.key === key) return cached.texts;
  const texts = computeTexts(m, zone, named);
  textCache.set(m, { key, texts });
  return texts;
}

function computeTexts(m: SmsMessage, zone: string, named: boolean): string[] {
  const error = errorInfo(m);
  return [
    formatSentAt(m.sentAt, zone, named),
    directionName(m.direction),
    m.customerName ?? t('noCustomer'),
    customerPhone(m) ?? '',
    m.employeeName ?? '',
    m.body ?? '',
    statusName(m.status),
    error ? `${error.code} ${error.title}`.trim() : '',
    Number.isFinite(m.segments) ? formatCount(m.segments) : '',
  ];
}

/** What a row of the window shows. */
export type RowState =
  | { kind: 'data'; index: number; message: SmsMessage }
  | { kind: 'busy'; index: number }
  | { kind: 'error'; index: number; error: unknown; first: number; last: number; lead: boolean };

/** A pooled row element and what it shows now, so a frame writes only what changed. */
interface PooledRow extends HTMLElement {
  _kind?: 'data' | 'error';
  _locale?: string;
  _index?: number;
  _message?: SmsMessage | null;
  _textKey?: string;
  _tab?: number;
  _errorKey?: string;
}

const CELL_CLASSES = COLUMNS.map((c) => `cell c-${c.key}`);

function createDataRow(doc: Document): PooledRow {
  const row = doc.createElement('div') as PooledRow;
  row.setAttribute('role', 'row');
  row.setAttribute('part', 'row');
  COLUMNS.forEach((c, col) => {
    const cell = doc.createElement('div');
    cell.setAttribute('role', 'gridcell');
    cell.className = CELL_CLASSES[col]!;
    cell.dataset['col'] = String(col);
    cell.dataset['label'] = t(c.label);
    cell.setAttribute('aria-colindex', String(col + 1));
    cell.tabIndex = -1;
    // One text node per cell for the row's life: a new row's text is written into it, not a new node.
    cell.append(doc.createTextNode(''));
    row.append(cell);
  });
  row._kind = 'data';
  row._locale = getLocale();
  row._tab = -1;
  return row;
}

/**
 * Shows one data row (or its placeholder while loading) in a pooled row element: the same
 * elements serve whatever index the window puts there, and only changed text and attributes are
 * written. Text goes into each cell's one text node (`data`), never as markup.
 */
function updateDataRow(row: PooledRow, state: Exclude<RowState, { kind: 'error' }>, zone: string, named: boolean, tabCell: number): void {
  if (row._index !== state.index) {
    row.setAttribute('aria-rowindex', String(state.index + 2));
    row.dataset['index'] = String(state.index);
    row._index = state.index;
  }
  const message = state.kind === 'data' ? state.message : null;
  const textKey = `${getLocale()}|${zone}|${named}|${!!errorTitles.value}`;
  if (row._message !== message || row._textKey !== textKey) {
    const texts = message ? cellTexts(message, zone, named) : null;
    const error = message ? errorInfo(message) : null;
    const cells = row.children;
    for (let col = 0; col < cells.length; col++) {
      const cell = cells[col] as HTMLElement;
      const text = cell.firstChild as Text;
      const value = texts ? texts[col]! : '';
      if (text.data !== value) text.data = value;
      const key = COLUMNS[col]!.key;
      if (key === 'status') cell.className = `${CELL_CLASSES[col]} status-${message ? String(message.status) : ''}`;
      else if (key === 'error') cell.className = `${CELL_CLASSES[col]}${error ? ` error-${error.category}` : ''}`;
    }
    if (message) row.removeAttribute('aria-busy');
    else row.setAttribute('aria-busy', 'true');
    row._message = message;
    row._textKey = textKey;
  }
  const className = `row${state.index % 2 ? ' row--odd' : ''}${message ? '' : ' row--busy'}${message?.direction === 'inbound' ? ' row--in' : ' row--out'}`;
  if (row.className !== className) row.className = className;
  if (row._tab !== tabCell) {
    if (row._tab! >= 0) (row.children[row._tab!] as HTMLElement).tabIndex = -1;
    if (tabCell >= 0) (row.children[tabCell] as HTMLElement).tabIndex = 0;
    row._tab = tabCell;
  }
}

/** The row standing for a page that failed to load: the first one carries the message and Retry. */
function createErrorRow(doc: Document, state: Extract<RowState, { kind: 'error' }>, message: string): PooledRow {
  const row = doc.createElement('div') as PooledRow;
  row.setAttribute('role', 'row');
  row.setAttribute('part', 'row error-row');
  row.className = 'row row--error';
  row.setAttribute('aria-rowindex', String(state.index + 2));
  row.dataset['index'] = String(state.index);
  const cell = doc.createElement('div');
  cell.setAttribute('role', 'gridcell');
  cell.className = 'cell c-failed';
  cell.dataset['col'] = '0';
  cell.setAttribute('aria-colindex', '1');
  cell.setAttribute('aria-colspan', String(COLUMNS.length));
  cell.tabIndex = -1;
  const first = formatCount(state.first + 1);
  const last = formatCount(state.last + 1);
  if (state.lead) {
    cell.textContent = `${t('pageError', first, last)} ${message}`;
    const retry = doc.createElement('button');
    retry.type = 'button';
    retry.className = 'fc-button retry';
    retry.setAttribute('part', 'retry-button');
    retry.dataset['retry'] = String(state.index);
    retry.setAttribute('aria-label', t('retryRows', first, last));
    retry.textContent = msg('retry');
    cell.append(retry);
  } else cell.textContent = t('notLoaded');
  row.append(cell);
  row._kind = 'error';
  row._locale = getLocale();
  row._index = state.index;
  row._errorKey = `${state.index}|${state.lead}|${message}`;
  row._tab = -1;
  return row;
}

/**
 * Brings the window's rows in `container` up to date, reusing its row elements by position.
 * @param states What each row of the window shows, in order.
 * @param zone The zone of the times, `named` when it is not the viewer's (the times then carry its name).
 * @param errorText The message for a failed page's rows.
 * @param tab The row index and column that take `tabindex="0"`.
 */
export function syncRows(
  container: HTMLElement,
  states: readonly RowState[],
  zone: string,
  named: boolean,
  errorText: (error: unknown) => string,
  tab: { row: number; col: number },
): void {
  const doc = container.ownerDocument;
  const locale = getLocale();
  // A row keeps showing the same data row while it stays in the window: a scroll of k rows rewrites
  // and moves only the k rows that enter, not the whole pool.
  const wanted = new Set<number>();
  for (const state of states) if (state.kind !== 'error') wanted.add(state.index);
  const kept = new Map<number, PooledRow>();
  const spare: PooledRow[] = [];
  for (const child of container.children as unknown as Iterable<PooledRow>) {
    if (child._kind === 'data' && child._locale === locale && child._index !== undefined && wanted.has(child._index) && !kept.has(child._index)) {
      kept.set(child._index, child);
    } else spare.push(child);
  }
  // Out of the way first, so the kept rows stay where they are and only entering rows are inserted.
  for (const row of spare) row.remove();
  for (let i = 0; i < states.length; i++) {
    const state = states[i]!;
    let row: PooledRow | undefined;
    if (state.kind === 'error') {
      const message = errorText(state.error);
      const key = `${state.index}|${state.lead}|${message}`;
      const at = spare.findIndex((r) => r._kind === 'error' && r._errorKey === key && r._locale === locale);
      row = at >= 0 ? spare.splice(at, 1)[0]! : createErrorRow(doc, state, message);
      place(container, row, i);
      const tabIndex = state.index === tab.row ? 0 : -1;
      const cell = row.firstElementChild as HTMLElement;
      if (cell.tabIndex !== tabIndex) cell.tabIndex = tabIndex;
      continue;
    }
    row = kept.get(state.index);
    if (!row) {
      const at = spare.findIndex((r) => r._kind === 'data' && r._locale === locale);
      row = at >= 0 ? spare.splice(at, 1)[0]! : createDataRow(doc);
    }
    place(container, row, i);
    updateDataRow(row, state, zone, named, state.index === tab.row ? tab.col : -1);
  }
  while (container.children.length > states.length) container.lastElementChild!.remove();
}

/** Puts `row` at position `i` of the container, moving it only when it is elsewhere. */
function place(container: HTMLElement, row: PooledRow, i: number): void {
  if (container.children[i] !== row) container.insertBefore(row, container.children[i] ?? null);
}
