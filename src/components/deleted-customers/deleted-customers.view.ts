import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { DeletedRecord } from '../../data/model.js';
import type { Formats } from '../shared/formats.js';
import { t } from './deleted-customers.messages.js';

/** How a row's restore stands, from this page's restores, the outbox, or the server's record. */
export type RowStatus =
  | { state: 'pending'; waiting: boolean }
  | { state: 'restored'; at: string | null; by: string | null }
  | { state: 'already'; at: string | null; by: string | null }
  | { state: 'failed'; reason: string };

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
      ${fields.map(([field, value]) => html`<li><span class="field-name">${fieldLabel(field)}:</span> ${fieldValue(value)}</li>`)}
    </ul>`;
}

/** A row's restore state: an icon (hidden from screen readers) and the words, so colour is never the only sign. */
export function statusView(status: RowStatus | null, f: Formats): TemplateResult | typeof nothing {
  if (!status) return nothing;
  switch (status.state) {
    case 'pending':
      return html`<span class="status status--pending" part="status pending"><span class="icon" aria-hidden="true">⏳</span>${t(
          status.waiting ? 'statusWaiting' : 'statusPending',
        )}</span>`;
    case 'restored': {
      const when = status.at ? formatInstant(f, status.at) : '';
      const text = !when ? t('statusRestoredNow') : status.by ? t('statusRestoredBy', status.by, when) : t('statusRestored', when);
      return html`<span class="status status--restored" part="status restored"><span class="icon" aria-hidden="true">✓</span>${text}</span>`;
    }
    case 'already': {
      const when = status.at ? formatInstant(f, status.at) : '';
      const text = status.by && when ? t('statusAlreadyBy', status.by, when) : when ? t('statusAlreadyAt', when) : t('statusAlready');
      return html`<span class="status status--already" part="status already"><span class="icon" aria-hidden="true">ℹ</span>${text}</span>`;
    }
    case 'failed':
      return html`<span class="status status--failed" part="status failed"><span class="icon" aria-hidden="true">✕</span>${t(
          'statusFailed',
          status.reason,
        )}</span>`;
  }
}
