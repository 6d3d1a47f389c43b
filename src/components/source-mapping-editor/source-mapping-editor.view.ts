import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { SourceUpdate } from '../../data/adapter.js';
import { AdapterError } from '../../data/errors.js';
import type { AdapterErrorKind } from '../../data/errors.js';
import type { SourceFilter } from '../../data/logic/source-mapping.js';
import type { PosSource, SourceCategory } from '../../data/model.js';
import type { PendingWrite, PendingWriteStatus, WriteFailure } from '../shared/controllers/pending-writes.js';
import { formatCount } from '../shared/messages.js';
import { describeError, serverWaitText } from '../shared/states.js';
import { t } from './source-mapping-editor.messages.js';

export type BadgeKind = 'muted' | 'warn' | 'bad' | 'pending' | 'accent';

/** A small text badge; the text carries the meaning, the colour only repeats it. */
export function badge(text: string, kind: BadgeKind): TemplateResult {
  return html`<span class="badge badge--${kind}" part="badge">${text}</span>`;
}

/** How a source is called in labels: its PoS code, or its name when it has no code. */
export function sourceLabel(source: Pick<PosSource, 'code' | 'name'>): string {
  return source.code?.trim() ? source.code : source.name;
}

/** "Internet / Google", "Not mapped / Google", or the category id when the category is gone. */
export function mappingText(
  source: Pick<PosSource, 'categoryId' | 'name'>,
  categoryNames: ReadonlyMap<string, string>,
): string {
  return `${categoryText(source.categoryId, categoryNames)} / ${source.name}`;
}

/** A category's name, "Not mapped" for none, or "Unknown category (id)" for one that no longer exists. */
export function categoryText(categoryId: string | null, categoryNames: ReadonlyMap<string, string>): string {
  if (!categoryId) return t('notMapped');
  return categoryNames.get(categoryId) ?? t('unknownCategory', categoryId);
}

/** The progress line: "n of m mapped" with a labelled progress bar. */
export function progressView(mapped: number, total: number, waiting: number): TemplateResult {
  return html`<div class="progress" part="progress">
    <span id="progress-label" class="progress__label">${t('progressLabel')}</span>
    <progress
      aria-labelledby="progress-label"
      aria-describedby="progress-text"
      value=${mapped}
      max=${Math.max(total, 1)}
    ></progress>
    <span id="progress-text" class="progress__text">${t('progress', formatCount(mapped), formatCount(total))}</span>
    ${waiting ? badge(t('waiting', formatCount(waiting)), 'pending') : nothing}
  </div>`;
}

/** The options of a category picker, in display order, with a first "choose" option. */
export function categoryOptions(categories: readonly SourceCategory[], selected: string): TemplateResult {
  return html`<option value="" ?selected=${selected === ''}>${t('chooseCategory')}</option>
    ${categories.map((c) => html`<option value=${c.id} ?selected=${c.id === selected}>${c.name}</option>`)}`;
}

/** A source being edited in its row: the picked category, the name typed and what is wrong with them. */
export interface Draft {
  id: string;
  categoryId: string;
  name: string;
  error: string;
}

/** A `sources.update` not confirmed yet: the change as sent and, in a conflict, the server's source. */
export type SourceWrite = PendingWrite<SourceUpdate, PosSource>;

/** What a failed write says: the shared error text for the server's answer. */
export function failureText(failure: WriteFailure | null): ReturnType<typeof describeError> {
  return describeError(
    new AdapterError({
      kind: (failure?.kind ?? 'unknown') as AdapterErrorKind,
      status: failure?.status ?? 0,
      message: failure?.message ?? '',
      body: failure?.body,
    }),
  );
}

/** A write on its way, e.g. "Adding “Car shows”… Waiting to send". */
export function pendingPanel(text: unknown, status: PendingWriteStatus): TemplateResult {
  return html`<div class="mark" part="conflict">${text} ${badge(status === 'sending' ? t('sending') : t('pending'), 'pending')}</div>`;
}

/** A refused write: the server's message, Retry (same write, same key) and Discard. */
export function failedPanel(label: string, failure: WriteFailure | null, retry: () => void, discard: () => void): TemplateResult {
  const { message, detail } = failureText(failure);
  return html`<div class="mark mark--failed" part="conflict" role="alert">
      <p>${label ? html`<strong>${label}:</strong> ` : nothing}${t('failed', message)}${detail && detail !== message ? html` <span class="detail">${detail}</span>` : nothing}</p>
      <div class="mark__actions">
        <button type="button" class="fc-button fc-button--small" data-action="retry-write" @click=${retry}>${t('retry')}</button>
        <button
          type="button"
          class="fc-button fc-button--small"
          data-action="discard"
          @click=${discard}
        >
          ${t('discard')}
        </button>
      </div>
    </div>`;
}

/** A change to a source that the server refused as a conflict: theirs beside mine, and the choice. */
export function conflictPanel(
  write: SourceWrite,
  source: PosSource,
  names: ReadonlyMap<string, string>,
  choose: (choice: 'theirs' | 'mine') => void,
): TemplateResult {
  const label = sourceLabel(source);
  const current = write.theirs;
  const mine = write.args;
  const base = current ?? source;
  const mineText =
    mine.deleted === true
      ? t('conflictMineDeleted')
      : mine.deleted === false && mine.categoryId === undefined
        ? t('conflictMineRestored')
        : t('conflictMine', mappingText({ categoryId: mine.categoryId ?? base?.categoryId ?? null, name: mine.name ?? base?.name ?? '' }, names));
  const theirs = current
    ? current.deleted
      ? t('conflictDeleted', mappingText(current, names))
      : t('conflictTheirs', mappingText(current, names))
    : failureText(write.error).message;
  return html`<div class="mark mark--conflict" part="conflict" role="alert">
        <p><strong>${label}:</strong> ${theirs} ${mineText}</p>
        <div class="mark__actions">
          <button type="button" class="fc-button fc-button--small" data-action="theirs" data-id=${mine.id} aria-label=${`${t('useTheirs')} ${label}`} @click=${() => choose('theirs')}>
            ${t('useTheirs')}
          </button>
          <button type="button" class="fc-button fc-button--small" data-action="mine" data-id=${mine.id} aria-label=${`${t('applyMine')} ${label}`} @click=${() => choose('mine')}>
            ${t('applyMine')}
          </button>
        </div>
      </div>`;
}

/** What a source's row does when the user acts on it. */
export interface RowActions {
  edit(source: PosSource, shown: PosSource): void;
  save(source: PosSource): void;
  cancel(): void;
  remove(source: PosSource): void;
  restore(source: PosSource): void;
  accept(source: PosSource): void;
  /** The user typed a name or picked a category in the row being edited. */
  draft(change: Partial<Pick<Draft, 'name' | 'categoryId'>>): void;
  /** Enter saves, Escape cancels, in the row being edited. */
  editKey(event: KeyboardEvent, source: PosSource): void;
  /** Conflict and failure panel choices for the source's write. */
  resolve(write: SourceWrite, choice: 'theirs' | 'mine'): void;
  retry(write: SourceWrite): void;
  discard(write: SourceWrite): void;
}

/** What one source's row shows. */
export interface RowView {
  /** The source as the server holds it. */
  source: PosSource;
  /** The source as it will be once its queued change lands. */
  shown: PosSource;
  /** Its change not confirmed yet, if any. */
  write: SourceWrite | undefined;
  suggestion: { categoryId: string; name: string } | undefined;
  /** The draft when this row is being edited. */
  editing: Draft | null;
  categories: readonly SourceCategory[];
  names: ReadonlyMap<string, string>;
}

/** The words every row repeats, looked up once per render rather than once per row. */
export interface RowWords {
  accept: string;
  edit: string;
  delete: string;
  restore: string;
  save: string;
  cancel: string;
  notMapped: string;
  deleted: string;
  originShop: string;
}

/** The row words in the language of the render calling it. */
export function rowWords(): RowWords {
  return {
    accept: t('accept'),
    edit: t('edit'),
    delete: t('delete'),
    restore: t('restore'),
    save: t('save'),
    cancel: t('cancel'),
    notMapped: t('notMapped'),
    deleted: t('deleted'),
    originShop: t('originShop'),
  };
}

/**
 * One source's row, and the row of its conflict or failure panel right after it. The row's buttons
 * carry `data-action` and `data-id` and have no listener of their own: the table has one for all
 * (see `tableView`), so 400 rows do not add a thousand listeners.
 */
export function rowView(row: RowView, on: RowActions, w: RowWords): TemplateResult {
  const { source, shown, write, suggestion, editing, names } = row;
  const label = sourceLabel(source);
  const queued = write && (write.status === 'pending' || write.status === 'sending') ? write : undefined;
  const problem = write && (write.status === 'conflict' || write.status === 'failed') ? write : undefined;
  const busy = !!queued || !!problem;
  const coded = source.origin !== 'shop' && !!source.code.trim();
  const id = source.id;

  // A space before it: it follows the category on the same line.
  const stateBadge = queued
    ? html` ${badge(
        queued.status === 'sending' ? t('sending') : queued.error ? (serverWaitText(queued.error) ?? t('retrying')) : t('pending'),
        'pending',
      )}`
    : nothing;

  // Rows are the bulk of the editor (400 sources): their templates carry no whitespace that does
  // not show (each such text node is a layout object), only the spaces between inline boxes; a
  // plain text needs no element of its own (a cell's or a button's only text is bound as its
  // `textContent`: no marker, no inserted node), and the common row (not edited, not deleted) is
  // one template with few bindings.
  const rowClass = shown.deleted ? 'row row--editing row--deleted' : 'row row--editing';
  // The row header is the code (in the code's type, see the styles): a shop's own source has a badge instead, one without a code a dash.
  const codeCell = coded ? source.code : source.origin === 'shop' ? badge(w.originShop, 'accent') : '—';
  const category = shown.categoryId ? categoryText(shown.categoryId, names) : badge(w.notMapped, 'warn');
  // The category and, while a change is on its way, its badge: one part.
  const categoryCell = queued ? html`${category}${stateBadge}` : category;
  const suggested =
    suggestion && !shown.categoryId && !shown.deleted
      ? busy
        ? html`<span class="suggestion">${categoryText(suggestion.categoryId, names)} / ${suggestion.name}</span>`
        : html`<span class="suggestion">${categoryText(suggestion.categoryId, names)} / ${suggestion.name}</span> <button type="button" class="fc-button fc-button--small" data-action="accept" data-id=${id} aria-label=${`${w.accept} ${label}`}>${w.accept}</button>`
      : nothing;
  const tr = editing
    ? editingRow(row, on, w, label, rowClass, codeCell, stateBadge, suggested)
    : shown.deleted
      ? html`<tr part="row" class="row row--deleted" data-id=${id}><th scope="row" class="code">${codeCell} ${badge(w.deleted, 'muted')}</th><td class="name" .textContent=${shown.name}></td><td>${categoryCell}</td><td class="fc-num" .textContent=${formatCount(Number(source.customerCount) || 0)}></td><td>${suggested}</td><td class="actions"><button type="button" class="fc-button fc-button--small" data-action="restore" data-id=${id} aria-label=${`${w.restore} ${label}`} .disabled=${!!problem} .textContent=${w.restore}></button></td></tr>`
      : html`<tr part="row" class="row" data-id=${id}><th scope="row" class="code">${codeCell}</th><td class="name" .textContent=${shown.name}></td><td>${categoryCell}</td><td class="fc-num" .textContent=${formatCount(Number(source.customerCount) || 0)}></td><td>${suggested}</td><td class="actions"><button type="button" class="fc-button fc-button--small" data-action="edit" data-id=${id} aria-label=${`${w.edit} ${label}`} .disabled=${!!problem} .textContent=${w.edit}></button> <button type="button" class="fc-button fc-button--small" data-action="delete" data-id=${id} aria-label=${`${w.delete} ${label}`} .disabled=${!!problem} .textContent=${w.delete}></button></td></tr>`;
  return problem
    ? html`${tr}<tr class="row--problem">
          <td colspan="6">${problemPanel(problem, source, names, on)}</td>
        </tr>`
    : tr;
}

/** The row being edited: the name and the category as fields, Save and Cancel. */
function editingRow(row: RowView, on: RowActions, w: RowWords, label: string, rowClass: string, codeCell: unknown, stateBadge: unknown, suggested: unknown): TemplateResult {
  const { source, shown } = row;
  const editing = row.editing!;
  const id = source.id;
  return html`<tr part="row" class=${rowClass} data-id=${id}><th scope="row" class="code">${codeCell}${shown.deleted ? html` ${badge(w.deleted, 'muted')}` : nothing}</th><td class="name"><input
            class="input"
            .value=${editing.name}
            aria-label=${t('editName', label)}
            aria-invalid=${editing.error === t('nameRequired') ? 'true' : 'false'}
            aria-describedby=${editing.error ? 'edit-error' : nothing}
            @input=${(e: Event) => on.draft({ name: (e.target as HTMLInputElement).value })}
            @keydown=${(e: KeyboardEvent) => on.editKey(e, source)}
          /></td><td><select
              class="input"
              aria-label=${t('editCategory', label)}
              aria-describedby=${editing.error ? 'edit-error' : nothing}
              @change=${(e: Event) => on.draft({ categoryId: (e.target as HTMLSelectElement).value })}
              @keydown=${(e: KeyboardEvent) => on.editKey(e, source)}
            >
              ${categoryOptions(row.categories, editing.categoryId)}
            </select>
            ${editing.error ? html`<p id="edit-error" class="field-error" role="alert">${editing.error}</p>` : nothing}${stateBadge}</td><td class="fc-num">${formatCount(Number(source.customerCount) || 0)}</td><td>${suggested}</td><td class="actions"><button type="button" class="fc-button fc-button--primary fc-button--small" data-action="save" data-id=${id} aria-label=${`${w.save} ${label}`}>${w.save}</button> <button type="button" class="fc-button fc-button--small" data-action="cancel" data-id=${id}>${w.cancel}</button></td></tr>`;
}

/** What a click on a row's button (`data-action`, `data-id`) does: the table's one listener. */
function rowClick(event: Event, rows: readonly RowView[], on: RowActions): void {
  const button = (event.target as Element | null)?.closest?.<HTMLButtonElement>('button[data-action][data-id]');
  if (!button || button.disabled) return;
  const action = button.dataset['action'];
  if (action !== 'edit' && action !== 'delete' && action !== 'restore' && action !== 'accept' && action !== 'save' && action !== 'cancel') return;
  const row = rows.find((r) => r.source.id === button.dataset['id']);
  if (!row) return;
  if (action === 'edit') on.edit(row.source, row.shown);
  else if (action === 'delete') on.remove(row.source);
  else if (action === 'restore') on.restore(row.source);
  else if (action === 'accept') on.accept(row.source);
  else if (action === 'save') on.save(row.source);
  else on.cancel();
}

function problemPanel(write: SourceWrite, source: PosSource, names: ReadonlyMap<string, string>, on: RowActions): TemplateResult {
  return write.status === 'conflict'
    ? conflictPanel(write, source, names, (choice) => on.resolve(write, choice))
    : failedPanel(sourceLabel(source), write.error, () => on.retry(write), () => on.discard(write));
}

/** The table of sources: fixed column widths, one row per source (see ARCHITECTURE.md), in a sideways scroll box. */
export function tableView(rows: readonly RowView[], on: RowActions): TemplateResult {
  const words = rowWords();
  return html`<div class="fc-scroll" role="region" aria-label=${t('caption')}>
      <table class="fc-table" part="table">
        <caption class="fc-visually-hidden">${t('caption')}</caption>
        <colgroup>
          <col class="col-code" />
          <col class="col-name" />
          <col class="col-category" />
          <col class="col-customers" />
          <col class="col-suggestion" />
          <col class="col-actions" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">${t('colCode')}</th>
            <th scope="col">${t('colName')}</th>
            <th scope="col">${t('colCategory')}</th>
            <th scope="col" class="fc-num">${t('colCustomers')}</th>
            <th scope="col">${t('colSuggestion')}</th>
            <th scope="col">${t('colActions')}</th>
          </tr>
        </thead>
        <tbody @click=${(e: Event) => rowClick(e, rows, on)}>
          ${repeat(
            rows,
            (r) => r.source.id,
            (r) => rowView(r, on, words),
          )}
        </tbody>
      </table>
    </div>`;
}

/** A write that is not about a row (a new source or category, "mapping done"): on its way, or refused. */
export interface OtherWrite {
  status: PendingWriteStatus;
  error: WriteFailure | null;
  /** What it says while on its way, e.g. "Adding “Car shows”…". */
  pendingText: unknown;
  retry(): void;
  discard(): void;
}

/** Such a write: its pending text with a badge, or what went wrong with Retry and Discard. */
export function writePanel(write: OtherWrite): TemplateResult {
  return write.status === 'pending' || write.status === 'sending'
    ? pendingPanel(write.pendingText, write.status)
    : failedPanel('', write.error, () => write.retry(), () => write.discard());
}

/**
 * The search, the filters, "Accept all" and "Customer source mapping done". While suggestions wait,
 * "Accept all" is the primary button: "done" would otherwise be the easy way to lose them.
 */
export interface ToolbarView {
  filter: Required<SourceFilter>;
  /** Sources whose suggestion can be accepted. */
  acceptable: number;
  /** Sources not mapped yet: what "done" would map. */
  unmapped: number;
  /** "Mapping done" is on its way or refused. */
  completing: boolean;
}

/** What the toolbar does when the user acts on it. */
export interface ToolbarActions {
  filter(change: SourceFilter): void;
  acceptAll(): void;
  done(): void;
}

/** The toolbar above the table. */
export function toolbarView(v: ToolbarView, on: ToolbarActions): TemplateResult {
  return html`<div class="toolbar" part="toolbar">
        <div class="toolbar__filters">
          <label class="field">
            <span>${t('search')}</span>
            <input
              type="search"
              placeholder=${t('searchHint')}
              .value=${v.filter.text}
              @input=${(e: Event) => on.filter({ text: (e.target as HTMLInputElement).value })}
            />
          </label>
          <label class="check">
            <input type="checkbox" .checked=${v.filter.unmappedOnly} @change=${(e: Event) => on.filter({ unmappedOnly: (e.target as HTMLInputElement).checked })} />
            ${t('unmappedOnly')}
          </label>
          <label class="check">
            <input type="checkbox" .checked=${v.filter.showDeleted} @change=${(e: Event) => on.filter({ showDeleted: (e.target as HTMLInputElement).checked })} />
            ${t('showDeleted')}
          </label>
        </div>
        <div class="toolbar__actions">
          ${v.acceptable
            ? html`<button type="button" class="fc-button fc-button--primary" data-action="accept-all" @click=${() => on.acceptAll()}>
                ${t('acceptAll', formatCount(v.acceptable))}
              </button>`
            : nothing}
          <button
            type="button"
            class=${v.acceptable ? 'fc-button' : 'fc-button fc-button--primary'}
            data-action="done"
            aria-describedby=${v.unmapped === 0 ? 'done-hint' : nothing}
            ?disabled=${v.unmapped === 0 || v.completing}
            @click=${() => on.done()}
          >
            ${t('done')}
          </button>
          ${v.unmapped === 0 ? html`<span id="done-hint" class="hint">${t('doneNothing')}</span>` : nothing}
        </div>
      </div>`;
}

/** The source as it will be once its change on its way lands. */
export function shownOf(source: PosSource, write: SourceWrite | undefined): PosSource {
  if (!write || (write.status !== 'pending' && write.status !== 'sending')) return source;
  const { id: _id, expectedVersion: _v, ...change } = write.args;
  return { ...source, ...change };
}
