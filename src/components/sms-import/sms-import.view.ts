import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { parseInstant } from '../../data/logic/calendar.js';
import type { FileEncoding } from '../../data/logic/file-text.js';
import type { SmsImportFormat, SmsImportIssue, SmsReadStop } from '../../data/logic/sms-import.js';
import type { SmsMessage } from '../../data/model.js';
import { formatCount } from '../shared/messages.js';
import { t } from './sms-import.messages.js';

/** Rows of the file shown before importing. */
export const PREVIEW_ROWS = 5;
/** Bad rows listed; the rest are counted. */
export const LISTED_ERRORS = 100;

/** What a format is called. */
export function formatName(format: SmsImportFormat): string {
  return t(format === 'twilio-csv' ? 'formatTwilioCsv' : format === 'twilio-json' ? 'formatTwilioJson' : 'formatBandwidthJson');
}

/**
 * What the user should know about how the file was read: that reading stopped before its end
 * (where, and how many rows were read); that it was not UTF-8 and was read as Windows-1252; that
 * some characters were damaged. A UTF-16 file, read by its byte-order mark, needs no note.
 */
export function fileNotesView(file: { stopped?: SmsReadStop; encoding: FileEncoding | null; lossy: boolean }, announce = false): TemplateResult {
  const { stopped } = file;
  const note = file.encoding === 'windows-1252' ? t('readAsLatin1') : file.lossy ? t('lossy') : '';
  return html`${stopped
    ? html`<p class="file-error" part="stopped" role=${announce ? 'alert' : nothing}>${t('stopped', formatCount(stopped.line), formatCount(stopped.lastLine), formatCount(stopped.rows))}</p>`
    : nothing}${note ? html`<p part="encoding">${note}</p>` : nothing}`;
}

/** Where a bad row is: its line in a CSV file, its position in a JSON list, or the whole file. */
function where(issue: SmsImportIssue, format: SmsImportFormat | null): string {
  if (issue.line < 0) return t('wholeFile');
  return format === 'twilio-csv' ? t('line', formatCount(issue.line)) : t('item', formatCount(issue.line));
}

/** The rows that could not be read, line (or item) and reason, as text. */
export function errorListView(errors: readonly SmsImportIssue[], format: SmsImportFormat | null): TemplateResult | typeof nothing {
  if (!errors.length) return nothing;
  const listed = errors.slice(0, LISTED_ERRORS);
  return html`<section class="errors" part="errors" aria-labelledby="errors-title">
    <h3 id="errors-title">${t('errorsTitle')}</h3>
    <ul tabindex="0" aria-labelledby="errors-title">
      ${listed.map((e) => html`<li><span class="where">${where(e, format)}</span> <span class="why">${e.message}</span></li>`)}
    </ul>
    ${errors.length > listed.length ? html`<p>${t('more', formatCount(errors.length - listed.length))}</p>` : nothing}
  </section>`;
}

/** An instant as the history lists it, `2026-03-16 14:02` in UTC; the text as given when it is not one. */
function time(iso: string): string {
  const ms = parseInstant(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
}

/** The first messages of the file, as the history will show them. */
export function previewView(messages: readonly SmsMessage[]): TemplateResult {
  return html`<div class="preview" part="preview" role="region" tabindex="0" aria-label=${t('previewCaption')}>
    <table class="fc-table">
      <caption>${t('previewCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('colTime')}</th>
          <th scope="col">${t('colDirection')}</th>
          <th scope="col">${t('colFrom')}</th>
          <th scope="col">${t('colTo')}</th>
          <th scope="col">${t('colBody')}</th>
          <th scope="col">${t('colStatus')}</th>
          <th scope="col">${t('colError')}</th>
        </tr>
      </thead>
      <tbody>
        ${messages.slice(0, PREVIEW_ROWS).map(
          (m) => html`<tr>
            <td class="nowrap">${time(m.sentAt)}</td>
            <td>${t(m.direction === 'inbound' ? 'inbound' : 'outbound')}</td>
            <td class="nowrap">${m.from}</td>
            <td class="nowrap">${m.to}</td>
            <td class="body">${m.body}</td>
            <td>${m.status}</td>
            <td>${m.errorCode ?? ''}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
