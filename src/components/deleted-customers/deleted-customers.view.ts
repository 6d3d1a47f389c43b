import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TemplateResult } from 'lit';
import type { DeletedRecord } from '../../data/model.js';
import { formatCount } from '../shared/messages.js';
import { isolateIn } from '../shared/bidi.js';
import { errorView } from '../shared/states.js';
import type { Formats } from '../shared/formats.js';
import { t } from './deleted-customers.messages.js';

/** How a row's restore stands, from this page's restores, the outbox, or the server's record. */
export type RowStatus =
  | { state: 'pending'; waiting: boolean; serverWait?: string | null }
  | { state: 'restored'; at: string | null; by: string | null; detail?: string; /** "Not restored: …" */ skipped?: string }
  | { state: 'already'; at: string | null; by: string | null }
  | { state: 'failed'; reason: string };

/** A record can be checked and restored: it has no restore state, or its restore failed. */
export const canRestore = (status: RowStatus | null): boolean => !status || status.state === 'failed';

/** The shared formats (`makeFormats(locale, { zone })` of `../shared/formats.ts`): `instant` in the zone, `date` for days. */
export type { Formats };

/** An ISO instant in words, or the text as given when it is not one. */
export function formatInstant(f: Formats, iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : f.instant.format(ms);
}

/** An inclusive range of ISO days in words (`Nov 1 – 30, 2026`). */
export function formatRange(f: Formats, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return `${from} – ${to}`;
  return f.date.formatRange(a, b);
}

const FIELD_KEYS = {
  firstName: 'fieldFirstName',
  lastName: 'fieldLastName',
  phone: 'fieldPhone',
  email: 'fieldEmail',
  sourceId: 'fieldSourceId',
  status: 'fieldStatus',
  firstVisit: 'fieldFirstVisit',
  address: 'fieldAddress',
  city: 'fieldCity',
  postalCode: 'fieldPostalCode',
  notes: 'fieldNotes',
} as const;

/** A field of a deleted record in words; a field this widget does not know shows its own name. */
export function fieldLabel(field: string): string {
  const key = (FIELD_KEYS as Record<string, (typeof FIELD_KEYS)[keyof typeof FIELD_KEYS]>)[field];
  return key ? t(key) : field;
}

/** A field's value, or "(none)". */
export function fieldValue(value: string | undefined | null): string {
  return value ? value : t('none');
}

/** Why the record was deleted, with whom it was merged into. */
export function whyText(r: DeletedRecord): string {
  if (r.reason === 'manual') return t('whyManual');
  const into = r.mergedIntoName;
  if (r.reason === 'auto-merge') return into ? t('whyAutoInto', into) : t('whyAuto');
  return into ? t('whyMergeInto', into) : t('whyMerge');
}

/** Who the record is: the name, and for a whole customer the phone and email it had. */
export function whoView(r: DeletedRecord): TemplateResult {
  const phone = r.kind === 'customer' ? r.fields.phone : '';
  const email = r.kind === 'customer' ? r.fields.email : '';
  return html`<span class="name">${r.customerName}</span>
    ${phone ? html`<span class="contact"><span class="fc-visually-hidden">${t('fieldPhone')}: </span>${phone}</span>` : nothing}
    ${email ? html`<span class="contact"><span class="fc-visually-hidden">${t('fieldEmail')}: </span>${email}</span>` : nothing}`;
}

/** What the record holds: the whole customer, or the fields a merge did not keep, with their values. */
export function removedView(r: DeletedRecord): TemplateResult {
  if (r.kind === 'customer') return html`${t('wholeCustomer')}`;
  const fields = Object.entries(r.fields);
  return html`<span class="muted">${t('notKept')}</span>
    <ul class="fields">
      ${fields.map(([field, value]) => html`<li><span class="field-name"><bdi>${fieldLabel(field)}</bdi>:</span> <bdi>${fieldValue(value)}</bdi></li>`)}
    </ul>`;
}

/** A row's restore state: an icon (hidden from screen readers) and the words, so colour is never the only sign. */
export function statusView(status: RowStatus | null, f: Formats): TemplateResult | typeof nothing {
  if (!status) return nothing;
  switch (status.state) {
    case 'pending':
      return html`<span class="status status--pending" part="status pending"><span class="icon" aria-hidden="true">⏳</span><span>${status.serverWait ??
        t(status.waiting ? 'statusWaiting' : 'statusPending')}</span></span>`;
    case 'restored': {
      const when = status.at ? formatInstant(f, status.at) : '';
      const text = !when ? t('statusRestoredNow') : status.by ? isolateIn((by) => t('statusRestoredBy', by, when), status.by) : t('statusRestored', when);
      return html`<span class="status status--restored" part="status restored"><span class="icon" aria-hidden="true">✓</span><span>${text}${status.detail
        ? `: ${status.detail}`
        : ''}</span></span>${status.skipped ? html`<span class="skipped">${status.skipped}</span>` : nothing}`;
    }
    case 'already': {
      const when = status.at ? formatInstant(f, status.at) : '';
      const text = status.by && when ? isolateIn((by) => t('statusAlreadyBy', by, when), status.by) : when ? t('statusAlreadyAt', when) : t('statusAlready');
      return html`<span class="status status--already" part="status already"><span class="icon" aria-hidden="true">ℹ</span><span>${text}</span></span>`;
    }
    case 'failed':
      return html`<span class="status status--failed" part="status failed"><span class="icon" aria-hidden="true">✕</span><span>${t('statusFailed', status.reason)}</span></span>`;
  }
}

/** The confirmation being shown: the records, and per merge leftover the fields checked. */
export interface Confirming {
  records: DeletedRecord[];
  chosen: Record<string, Set<string>>;
  /** Per merge leftover, the ids of the related records checked. */
  related: Record<string, Set<string>>;
  nothing: boolean;
}

/** "Already restored" details from a 409's body: `{ restoredAt, restoredBy }` or `{ current: DeletedRecord }`. */
const alreadyFrom = (body: unknown): { at: string | null; by: string | null } => {
  const b = (body ?? {}) as { restoredAt?: unknown; restoredBy?: unknown; current?: { restoredAt?: unknown; restoredBy?: unknown } };
  const src = typeof b.restoredAt === 'string' ? b : (b.current ?? {});
  return {
    at: typeof src.restoredAt === 'string' ? src.restoredAt : null,
    by: typeof src.restoredBy === 'string' ? src.restoredBy : null,
  };
};

/**
 * A row's state after a 409: "already restored" only when the answer says when or by whom; any
 * other conflict is shown as such, with the server's words, and the record can be checked again.
 */
export const conflictStatus = (error: { message?: string; body?: unknown } | null | undefined): RowStatus & { state: 'already' | 'failed' } => {
  const already = alreadyFrom(error?.body);
  return already.at || already.by ? { state: 'already', ...already } : { state: 'failed', reason: error?.message ?? '' };
};

/** One record's row: its check box (disabled unless it can be restored), who, when, by whom, why, what, and its restore state. */
export function recordRow(
  r: DeletedRecord,
  f: Formats,
  status: RowStatus | null,
  selected: boolean,
  on: { keydown: (event: KeyboardEvent) => void; click: (event: MouseEvent) => void },
): TemplateResult {
  const when = formatInstant(f, r.deletedAt);
  const restorable = canRestore(status);
  return html`<tr class=${selected ? 'checked' : ''}>
      <td>
        <input
          type="checkbox"
          class="check"
          aria-label=${t('selectRow', r.customerName, when)}
          .checked=${live(selected)}
          ?disabled=${!restorable}
          @keydown=${on.keydown}
          @click=${on.click}
        />
      </td>
      <th scope="row">${whoView(r)}</th>
      <td>${when}</td>
      <td>${r.deletedBy}</td>
      <td>${whyText(r)}</td>
      <td>${removedView(r)}</td>
      <td>${statusView(status, f)}</td>
    </tr>`;
}

/** What the confirmation dialog's controls do. */
export interface DialogHandlers {
  cancel: (event: Event) => void;
  submit: (event: SubmitEvent) => void;
  close: () => void;
  toggle: (event: Event, id: string, field: string) => void;
  /** A related record's box of a merge leftover. */
  toggleRelated: (event: Event, id: string, relatedId: string) => void;
}

/**
 * The checked count ("3 checked (1 not shown by the search)"), Clear, and "Restore checked
 * customers", which stays focusable with `aria-disabled` when nothing is checked.
 */
export function toolbarView(checked: number, hidden: number, on: { clear: () => void; restore: () => void }): TemplateResult {
  const text = !checked ? t('noneChecked') : hidden ? t('checkedHidden', formatCount(checked), formatCount(hidden)) : t('checked', formatCount(checked));
  return html`<div class="toolbar" part="toolbar">
    <p class="checked-count">${text}</p>
    ${checked ? html`<button type="button" class="fc-button" @click=${on.clear}>${t('clear')}</button>` : nothing}
    <button
      type="button"
      class="fc-button fc-button--primary restore"
      part="restore-button"
      aria-haspopup="dialog"
      aria-disabled=${checked ? 'false' : 'true'}
      @click=${on.restore}
    >
      ${t('restoreChecked')}
    </button>
  </div>`;
}

/** What the records table needs per row, and what its boxes do. */
export interface TableHandlers {
  status: (r: DeletedRecord) => RowStatus | null;
  checked: (r: DeletedRecord) => boolean;
  keydown: (event: KeyboardEvent) => void;
  click: (event: MouseEvent, r: DeletedRecord) => void;
  all: () => void;
}

/** The records table: a box to check every restorable row, then one row per record. */
export function recordsTable(items: readonly DeletedRecord[], rangeText: string, f: Formats, on: TableHandlers): TemplateResult {
  const statuses = new Map(items.map((r) => [r.id, on.status(r)]));
  const restorable = items.filter((r) => canRestore(statuses.get(r.id) ?? null));
  const checked = restorable.filter((r) => on.checked(r)).length;
  const all = restorable.length > 0 && checked === restorable.length;
  return html`<div class="wrap fc-scroll fc-scroll--two" role="region" aria-label=${t('caption', rangeText)}>
    <table class="fc-table" part="table">
      <caption>${t('caption', rangeText)}</caption>
      <colgroup>
        <col class="col-check" />
        <col class="col-customer" />
        <col class="col-deleted" />
        <col class="col-by" />
        <col class="col-why" />
        <col class="col-removed" />
        <col class="col-status" />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">
            <span class="fc-visually-hidden">${t('colSelect')}</span>
            <input
              type="checkbox"
              class="all"
              aria-label=${t('selectAll', formatCount(restorable.length))}
              .checked=${live(all)}
              .indeterminate=${checked > 0 && !all}
              ?disabled=${!restorable.length}
              @click=${on.all}
            />
          </th>
          <th scope="col">${t('colCustomer')}</th>
          <th scope="col">${t('colDeleted')}</th>
          <th scope="col">${t('colBy')}</th>
          <th scope="col">${t('colWhy')}</th>
          <th scope="col">${t('colRemoved')}</th>
          <th scope="col">${t('colStatus')}</th>
        </tr>
      </thead>
      <tbody>
        ${repeat(items, (r) => r.id, (r) => {
          const status = statuses.get(r.id) ?? null;
          return recordRow(r, f, status, canRestore(status) && on.checked(r), { keydown: on.keydown, click: (e) => on.click(e, r) });
        })}
      </tbody>
    </table>
  </div>`;
}

/** "Show N more" under the table (N the next page, at most what is left), "Loading…", or the error with Retry. */
export function moreView(next: number, more: { loading: boolean; error: unknown }, load: () => void): TemplateResult {
  return html`<div class="more" part="more">
    ${more.error
      ? errorView(more.error, load, { retryLabel: t('retryMore') })
      : html`<button type="button" class="fc-button" ?disabled=${more.loading} @click=${load}>
          ${more.loading ? t('loadingMore') : t('loadMore', formatCount(next))}
        </button>`}
  </div>`;
}
