/**
 * The spend editor's table: a row per category and source, a column per month, an input per cell
 * with what is wrong with the amount typed or what became of its write (waiting, not sent yet,
 * refused, in conflict, with the buttons that settle it). The element keeps the drafts and the
 * writes and does what the buttons ask.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { SpendUpsert } from '../../data/adapter.js';
import { AdapterError } from '../../data/errors.js';
import type { AdapterErrorKind } from '../../data/errors.js';
import type { IsoMonth, MarketingSpend } from '../../data/model.js';
import { spendCellKey } from '../../data/logic/spend.js';
import type { MoneyProblem, SpendEditorRow } from '../../data/logic/spend.js';
import type { PendingWrite } from '../shared/controllers/pending-writes.js';
import { describeError } from '../shared/states.js';
import { t } from './source-report.messages.js';
import { cents, moneyProblemText, monthName } from './source-report.view.js';
import type { Formats } from './source-report.view.js';

/** A spend write not yet confirmed, as the editor shows it. */
export type CellWrite = PendingWrite<SpendUpsert, MarketingSpend>;

/** The spend sheet: its months and its rows (categories, each followed by its sources). */
export interface SpendSheet {
  months: IsoMonth[];
  rows: SpendEditorRow[];
}

/** What the cells show beyond the sheet, by cell key (`spendCellKey`). */
export interface SpendCells {
  /** Writes not confirmed yet. */
  writes: Map<string, CellWrite>;
  /** Text typed and not yet confirmed. */
  drafts: ReadonlyMap<string, string>;
  /** Why a typed amount was refused. */
  invalid: ReadonlyMap<string, MoneyProblem>;
  /** Confirmed writes, until the next read of the spend brings them. */
  saved: ReadonlyMap<string, MarketingSpend>;
  /** Whether writes wait in an outbox (then "Send now" can flush it). */
  queued: boolean;
}

/** What the cells' inputs and buttons ask the element to do. */
export interface SpendActions {
  /** An amount was typed into a cell (on change). */
  input(row: SpendEditorRow, month: IsoMonth, text: string): void;
  /** "Send now": the outbox's writes, at once. */
  flush(): unknown;
  /** "Keep mine" in a conflict: the write again, over the server's version. */
  keepMine(key: string, write: CellWrite): unknown;
  /** "Retry" of a refused write. */
  retry(key: string, write: CellWrite): unknown;
  /** "Use theirs" or "Discard": the write goes. */
  discard(key: string): unknown;
}

/** The spend table of `sheet`, in a labelled scroll box. */
export function spendTable(f: Formats, sheet: SpendSheet, cells: SpendCells, on: SpendActions): TemplateResult {
  return html`<div class="table-wrap fc-scroll" role="region" aria-label=${t('spendCaption')}>
      <table class="fc-table">
        <caption>
          ${t('spendCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('colSource')}</th>
            ${sheet.months.map((m) => html`<th scope="col" class="fc-num">${monthName(f, m)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${sheet.rows.map(
            (row, r) => html`<tr class=${row.sourceId ? 'sub' : 'category'}>
              <th scope="row">
                ${row.sourceId
                  ? html`<bdi>${row.name}</bdi>${row.code ? html` <span class="muted">[<bdi>${row.code}</bdi>]</span>` : nothing}`
                  : html`<bdi>${row.name}</bdi> <span class="muted">(${t('wholeCategory')})</span>`}
              </th>
              ${sheet.months.map((m, c) => html`<td class="fc-num">${spendCell(f, row, m, `${r}-${c}`, cells, on)}</td>`)}
            </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
}

function spendCell(f: Formats, row: SpendEditorRow, month: IsoMonth, id: string, cells: SpendCells, on: SpendActions): TemplateResult {
  const key = spendCellKey(month, row.categoryId, row.sourceId);
  const write = cells.writes.get(key);
  const saved = cells.saved.get(key);
  const amount = write?.args.amount ?? saved?.amount ?? row.cells[month]!.amount;
  const value = cells.drafts.get(key) ?? f.amount.format(amount / 100);
  const problem = cells.invalid.get(key);
  const name = row.sourceId ? t('sourceOf', row.code ? `${row.name} [${row.code}]` : row.name, row.categoryName) : `${row.name}, ${t('wholeCategory')}`;
  const label = t('spendLabel', name, monthName(f, month));
  const status = problem
    ? html`<span class="cell-status bad" id=${`st-${id}`}>${moneyProblemText(problem)}</span>`
    : writeStatus(f, key, label, write, id, cells.queued, on);
  return html`<input
      type="text"
      inputmode="decimal"
      autocomplete="off"
      aria-label=${label}
      aria-invalid=${problem ? 'true' : 'false'}
      aria-describedby=${problem || write ? `st-${id}` : nothing}
      .value=${value}
      @change=${(e: Event) => on.input(row, month, (e.target as HTMLInputElement).value)}
    />${status}`;
}

function writeStatus(f: Formats, key: string, label: string, write: CellWrite | undefined, id: string, queued: boolean, on: SpendActions): unknown {
  if (!write) return nothing;
  const button = (text: string, action: () => unknown) =>
    html`<button type="button" class="fc-button" aria-label=${t('actionFor', text, label)} @click=${() => void action()}>${text}</button>`;
  const why = write.error ? describeError(new AdapterError({ ...write.error, kind: write.error.kind as AdapterErrorKind })).message : '';
  if (write.status === 'pending' || write.status === 'sending') {
    if (!write.error) return html`<span class="cell-status pending" id=${`st-${id}`}>${write.status === 'sending' ? t('sending') : t('pending')}</span>`;
    return html`<span class="cell-status pending" id=${`st-${id}`}>${t('notSentYet', why)}</span>
      <span class="cell-actions">${queued ? button(t('sendNow'), () => on.flush()) : nothing}</span>`;
  }
  const discard = () => on.discard(key);
  if (write.status === 'conflict') {
    return html`<span class="cell-status bad" id=${`st-${id}`}>${t('conflict', cents(f, write.theirs?.amount ?? 0))}</span>
      <span class="cell-actions">
        ${button(t('keepMine'), () => on.keepMine(key, write))}
        ${button(t('useTheirs'), discard)}
      </span>`;
  }
  return html`<span class="cell-status bad" id=${`st-${id}`}>${t('failed', why)}</span>
    <span class="cell-actions">
      ${button(t('retry'), () => on.retry(key, write))}
      ${button(t('discard'), discard)}
    </span>`;
}
