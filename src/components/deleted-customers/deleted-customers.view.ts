import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import type { TemplateResult } from 'lit';
import type { CustomerNote, CustomerVehicle, DeletedRecord, RelatedKind, RestoreDetail, RestoreSkip, VehicleWant } from '../../data/model.js';
import { isRestorableField, relatedEntries } from '../../data/logic/deleted.js';
import { formatCount } from '../shared/messages.js';
import { isolateIn } from '../shared/bidi.js';
import { errorView } from '../shared/states.js';
import type { Formats } from '../shared/formats.js';
import { t } from './deleted-customers.messages.js';

/** How a row's restore stands, from this page's restores, the outbox, or the server's record. */
export type RowStatus =
  | { state: 'pending'; waiting: boolean; serverWait?: string | null }
  | { state: 'restored'; at: string | null; by: string | null; detail?: string; skipped?: string }
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

type RelatedItem = CustomerVehicle | CustomerNote | VehicleWant;

/** A related record in words: "Vehicle: 2016 Honda Civic", "Note by Dana Ruiz, Jan 2, 2026: …", "Wants a 2018–2020 Toyota RAV4". */
export function relatedText(kind: RelatedKind, item: RelatedItem, f: Formats): string {
  if (kind === 'vehicles') {
    const v = item as CustomerVehicle;
    return t('vehicleLabel', [v.year, v.make, v.model].filter((x) => x !== null && x !== '').join(' ') + (v.vin ? ` · VIN ${v.vin}` : ''));
  }
  if (kind === 'notes') {
    const n = item as CustomerNote;
    const ms = Date.parse(n.at);
    return t('noteLabel', n.by, Number.isNaN(ms) ? n.at : f.date.format(ms), n.text);
  }
  const w = item as VehicleWant;
  return t('wantLabel', w.yearFrom === w.yearTo ? String(w.yearFrom) : `${w.yearFrom}–${w.yearTo}`, `${w.make} ${w.model}`);
}

/** A record's related records, each with its kind, in kind order. */
export function relatedItems(r: DeletedRecord): { kind: RelatedKind; item: RelatedItem }[] {
  return relatedEntries(r).map(([kind, id]) => ({ kind, item: (r.related![kind] as RelatedItem[]).find((x) => x.id === id)! }));
}

/** "9 fields, 2 vehicles, 3 notes" (the kinds with none left out; "nothing" when all are). */
export function countsText(fields: number, related: Partial<Record<RelatedKind, number>>): string {
  const parts: string[] = [];
  if (fields) parts.push(t('nFields', fields, formatCount(fields)));
  const keys = { vehicles: 'nVehicles', notes: 'nNotes', wants: 'nWants' } as const;
  for (const kind of ['vehicles', 'notes', 'wants'] as const) {
    const n = related[kind] ?? 0;
    if (n) parts.push(t(keys[kind], n, formatCount(n)));
  }
  return parts.length ? parts.join(', ') : t('nothingBack');
}

/** What a whole customer's snapshot brings back, counted. */
export function snapshotCounts(r: DeletedRecord): string {
  const fields = Object.keys(r.fields).filter(isRestorableField).length;
  return countsText(fields, { vehicles: r.related?.vehicles?.length, notes: r.related?.notes?.length, wants: r.related?.wants?.length });
}

/** What a restore put back for a record, counted ("9 fields, 2 vehicles, 3 notes"). */
export function detailCounts(d: RestoreDetail): string {
  return countsText(d.fields.length, { vehicles: d.related.vehicles.length, notes: d.related.notes.length, wants: d.related.wants.length });
}

/** What a restore did not put back, in words ("Phone (not chosen), Vehicle: 2019 Ford F-150 (already there)"); '' when nothing. */
export function skippedText(skipped: readonly RestoreSkip[], record: DeletedRecord | undefined, f: Formats): string {
  return skipped
    .map((s) => {
      let what = s.kind === 'field' ? fieldLabel(s.name) : s.name;
      const item = s.kind !== 'field' ? (record?.related?.[s.kind] as RelatedItem[] | undefined)?.find((x) => x.id === s.name) : undefined;
      if (item) what = relatedText(s.kind as RelatedKind, item, f);
      const why = s.code === 'not-chosen' ? t('skipNotChosen') : s.code === 'duplicate' ? t('skipDuplicate') : s.reason;
      return t('skipItem', what, why);
    })
    .join('; ');
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
  if (r.kind === 'customer') return html`${t('wholeCustomer')}${r.related ? html` <span class="muted">(${snapshotCounts(r)})</span>` : nothing}`;
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
        : ''}</span></span>${status.skipped ? html`<span class="skipped">${t('notRestored', status.skipped)}</span>` : nothing}`;
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
 * The restore confirmation: the whole customers (the first `names`, then "and N more"), and per
 * merge leftover one checkbox per field with the survivor's current value.
 */
export function confirmDialog(c: Confirming, names: number, on: DialogHandlers, f: Formats): TemplateResult {
  const whole = c.records.filter((r) => r.kind === 'customer');
  const leftovers = c.records.filter((r) => r.kind === 'merge-leftover');
  const n = c.records.length;
  const shown = whole.slice(0, names);
  return html`<dialog part="dialog" aria-labelledby="confirm-title" @cancel=${on.cancel}>
    <form @submit=${on.submit}>
      <h2 id="confirm-title">${n === 1 ? t('dialogTitleOne') : t('dialogTitle', formatCount(n))}</h2>
      ${whole.length
        ? html`<p>${whole.length === 1 ? t('dialogWholeOne') : t('dialogWhole', formatCount(whole.length))}</p>
            <ul class="names">
              ${shown.map((r) => wholeItem(r, f))}
              ${whole.length > shown.length ? html`<li>${t('dialogMore', formatCount(whole.length - shown.length))}</li>` : nothing}
            </ul>`
        : nothing}
      ${leftovers.length ? html`<p>${t('dialogLeftovers')}</p>${leftovers.map((r) => leftoverChoice(r, c, on, f))}` : nothing}
      <p class="nothing" role="alert">${c.nothing ? t('dialogNothing') : ''}</p>
      <div class="actions">
        <button type="submit" class="fc-button fc-button--primary">${t('confirm')}</button>
        <button type="button" class="fc-button" @click=${on.close}>${t('cancel')}</button>
      </div>
    </form>
  </dialog>`;
}

/** A whole customer in the confirmation: the name, what comes back counted, and its related records. */
function wholeItem(r: DeletedRecord, f: Formats): TemplateResult {
  const items = relatedItems(r);
  return html`<li>
    <span class="name">${r.customerName}</span> <span class="muted">(${snapshotCounts(r)})</span>
    ${items.length
      ? html`<ul class="related" aria-label=${`${r.customerName}. ${t('relatedBack')}`}>
          ${items.map(({ kind, item }) => html`<li><bdi>${relatedText(kind, item, f)}</bdi></li>`)}
        </ul>`
      : nothing}
  </li>`;
}

function leftoverChoice(r: DeletedRecord, c: Confirming, on: DialogHandlers, f: Formats): TemplateResult {
  const current = r.mergedIntoCurrent;
  const chosen = c.chosen[r.id] ?? new Set<string>();
  return html`<fieldset class="leftover">
    <legend>
      ${r.mergedIntoName
        ? isolateIn((name, into) => t('leftoverLegend', name, into), r.customerName, r.mergedIntoName)
        : isolateIn((name) => t('leftoverLegendNoInto', name), r.customerName)}
    </legend>
    ${current === null ? html`<p class="warn">${t('survivorGone')}</p>` : nothing}
    ${Object.entries(r.fields).map(([field, value]) => {
      const now = current?.[field];
      const replaces = !!now && now !== value;
      return html`<label class="choice">
        <input
          type="checkbox"
          .checked=${live(chosen.has(field))}
          ?disabled=${!isRestorableField(field)}
          @change=${(e: Event) => on.toggle(e, r.id, field)}
        />
        <span>
          ${isolateIn((label, was) => t('fieldChoice', label, was), fieldLabel(field), fieldValue(value))}
          ${current
            ? html`<span class="muted">(${isolateIn((value) => t('nowOnSurvivor', value), fieldValue(now))}${replaces ? html`; <strong>${t('replaces')}</strong>` : nothing})</span>`
            : nothing}
        </span>
      </label>`;
    })}
    ${relatedItems(r).map(
      ({ kind, item }) => html`<label class="choice">
        <input type="checkbox" .checked=${live(c.related[r.id]?.has(item.id) ?? false)} @change=${(e: Event) => on.toggleRelated(e, r.id, item.id)} />
        <span><bdi>${relatedText(kind, item, f)}</bdi></span>
      </label>`,
    )}
  </fieldset>`;
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

/** What the last restore brought back per record ("Restored Mary Ann Smith: 9 fields, 2 vehicles, 3 notes") and what it did not; nothing when there is none to tell. */
export function outcomeView(lines: readonly { id: string; text: TemplateResult; skipped: string }[], dismiss: () => void): TemplateResult | typeof nothing {
  if (!lines.length) return nothing;
  return html`<section class="outcome" part="outcome" aria-labelledby="outcome-title">
    <h2 id="outcome-title">${t('outcomeTitle')}</h2>
    <ul>
      ${lines.map(
        (l) => html`<li>
          <span class="icon" aria-hidden="true">✓</span> ${l.text}${l.skipped
            ? html`<br /><span class="skipped"><span class="icon" aria-hidden="true">✕</span> ${t('notRestored', l.skipped)}</span>`
            : nothing}
        </li>`,
      )}
    </ul>
    <button type="button" class="fc-button" @click=${dismiss}>${t('dismiss')}</button>
  </section>`;
}
