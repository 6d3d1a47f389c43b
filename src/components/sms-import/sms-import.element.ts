import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter, SmsImportResult } from '../../data/adapter.js';
import type { CachedAdapterEventMap } from '../../data/cache/with-cache.js';
import { AdapterError } from '../../data/errors.js';
import type { AdapterErrorKind } from '../../data/errors.js';
import type { FileEncoding } from '../../data/logic/file-text.js';
import type { SmsImportFormat, SmsImportIssue, SmsImportParseResult, SmsParseProgress, SmsReadStop } from '../../data/logic/sms-import.js';
import type { SmsMessage } from '../../data/model.js';
import { adapterContext } from '../shared/adapter-context.js';
import { isCachedAdapter } from '../shared/controllers/adapter-events.js';
import { FcElement } from '../shared/fc-element.js';
import { lazyModule } from '../shared/lazy.js';
import { formatCount } from '../shared/messages.js';
import { errorView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { isolate, isolateIn } from '../shared/bidi.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { FC_SMS_IMPORT_COMPLETE, FC_SMS_IMPORT_DONE } from './sms-import.events.js';
import { t } from './sms-import.messages.js';
import { styles } from './sms-import.styles.js';
import { errorListView, fileNotesView, formatName, previewView } from './sms-import.view.js';

/** Messages per `sms.import` call. */
export const SMS_IMPORT_BATCH = 500;

/** A file read and parsed. */
interface Parsed {
  name: string;
  format: SmsImportFormat | null;
  messages: SmsMessage[];
  errors: SmsImportIssue[];
  /** Where reading stopped before the end of the file, if it did. */
  stopped?: SmsReadStop;
  /** The encoding the file was read in. */
  encoding: FileEncoding | null;
  /** Some bytes were not valid in that encoding. */
  lossy: boolean;
}

/** An import under way (or stopped by a failed batch): the parsed rows stay here until it is done. */
interface Run extends Parsed {
  /** Idempotency keys of its batches start with this, so a resent batch is applied once. */
  key: string;
  /** Messages written so far. */
  done: number;
  imported: number;
  updated: number;
}

type Phase =
  | { kind: 'idle' }
  /** `progress`: rows turned into messages so far, once the parse has reported. */
  | { kind: 'reading'; name: string; progress?: SmsParseProgress }
  | { kind: 'unreadable'; name: string; error: unknown }
  /** The file was read but no parser could be loaded, in a worker or on the page (offline, a failed download): Retry reads it again. */
  | { kind: 'unavailable'; file: File; error: unknown }
  | { kind: 'parsed'; file: Parsed }
  | { kind: 'importing'; run: Run }
  | { kind: 'failed'; run: Run; error: unknown }
  | { kind: 'done'; run: Run };

const ACCEPT = '.csv,.json,text/csv,application/json';

/**
 * How a file is parsed (the worker, and the parser on the page where no worker may start), loaded the
 * first time a user gives a file rather than with the widget; a failed load is tried again on Retry.
 */
const parser = lazyModule(() => import('./sms-import.parse.js'));

/** Why a file was read but not parsed: the parser could not be downloaded, in a worker or on the page. */
function readerUnavailable(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  return new AdapterError({ kind: 'network', message: `The file reader could not be loaded (${error instanceof Error ? error.message : String(error)}).` });
}

/**
 * Imports a provider's SMS log into the SMS history: a Twilio Console CSV export or Message
 * JSON, or Bandwidth message events. The user drops a file or picks one; the widget reads it off the
 * page's main thread, in a worker (on the page in short slices where no worker may start), with a
 * progress line, in its encoding (UTF-8; UTF-16 by its byte-order mark; else Windows-1252, with a note saying so),
 * detects the format, shows the first messages and the rows it cannot read (line and reason), says
 * where and after how many rows reading stopped if a quote that is never closed ends it, and on
 * "Import" writes the messages through `adapter.sms.import` in batches of 500 with a progress bar. A failed
 * batch stops the import with the reason and Retry, which continues from that batch with the same
 * idempotency key; the file stays loaded. Hosts without `sms.import` get a "does not provide" note.
 *
 * @customElement fc-sms-import
 * @fires fc-sms-import-complete - Every batch was written. Detail: `{ imported, updated, errors }` (errors: rows not read, with their line).
 * @fires fc-sms-import-done - Deprecated: use fc-sms-import-complete (fired until 0.3). Fired after it, with the same detail.
 * @csspart drop-zone - Where a file can be dropped, with the "Choose file" button.
 * @csspart choose-button - The "Choose file" button.
 * @csspart preview - The table of the file's first messages.
 * @csspart import-button - Starts writing the messages.
 * @csspart progress - The progress bar and its text (reading the file, then writing the messages).
 * @csspart result - The "… imported, … updated" line.
 * @csspart errors - The list of rows that could not be read.
 * @csspart stopped - The warning that reading stopped before the end of the file (where, and how many rows were read).
 * @csspart encoding - The note that a file not in UTF-8 was read as Windows-1252 (or that some of its characters are damaged).
 * @csspart state - Loading, unsupported and error states (with `loading`, `unsupported`, `error`).
 * @csspart retry-button - Retry after a failed batch.
 * @cssproperty --fc-sms-import-drop-border - Border colour of the drop zone.
 * @cssproperty --fc-sms-import-drop-active - Border colour of the drop zone while a file is dragged over it.
 * @cssproperty --fc-sms-import-drop-background - Background of the drop zone.
 * @cssproperty --fc-sms-import-progress - Colour of the progress bar.
 */
export class FcSmsImport extends FcElement {
  static override styles = [tokens, shared, stateStyles, styles];

  /** The adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  @state() private phase: Phase = { kind: 'idle' };
  @state() private dragging = false;

  /** Bumped when a run is abandoned (a new file, the element removed), so its late answers are ignored. */
  #generation = 0;
  /** Focus the new phase's main control after the next render (the one the user used is gone). */
  #focusAfter = false;
  /** Stops the parse under way (a new file, Cancel, the element removed). */
  #parse: AbortController | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#generation++;
    this.#parse?.abort();
    if (this.phase.kind === 'importing') this.phase = { kind: 'failed', run: this.phase.run, error: new AdapterError({ kind: 'aborted', message: 'The import was interrupted.' }) };
  }

  protected override updated(): void {
    if (!this.#focusAfter) return;
    this.#focusAfter = false;
    this.renderRoot.querySelector<HTMLElement>('[data-focus], [part~="retry-button"]')?.focus();
  }

  // ───────────── reading the file ─────────────

  #choose(): void {
    // The user is about to give a file: fetch what parses it while they pick it.
    void parser.load().catch(() => undefined);
    this.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click();
  }

  #onChange(event: Event): void {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (file) void this.#read(file);
  }

  #onDragOver(event: DragEvent): void {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!this.dragging) void parser.load().catch(() => undefined);
    this.dragging = true;
  }

  #onDragLeave(event: DragEvent): void {
    const to = event.relatedTarget as Node | null;
    if (!to || !(event.currentTarget as HTMLElement).contains(to)) this.dragging = false;
  }

  #onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    const file = event.dataTransfer?.files[0];
    if (file) void this.#read(file);
  }

  async #read(file: File): Promise<void> {
    if (!this.#canImport || this.phase.kind === 'importing') return;
    const generation = ++this.#generation;
    const name = file.name || 'file';
    this.phase = { kind: 'reading', name };
    let bytes: ArrayBuffer;
    try {
      // Bytes, not file.text(): that reads everything as UTF-8 and turns other encodings' letters into �.
      bytes = await file.arrayBuffer();
    } catch (error) {
      if (generation === this.#generation) this.#show({ kind: 'unreadable', name, error });
      return;
    }
    if (generation !== this.#generation) return;
    this.#parse?.abort();
    const parse = (this.#parse = new AbortController());
    // Parsed in a worker (or on the page in slices when none can start): the page stays responsive, with progress.
    const progress = (at: SmsParseProgress) => {
      if (generation === this.#generation) this.phase = { kind: 'reading', name, progress: at };
    };
    let parsed: SmsImportParseResult;
    try {
      parsed = await (await parser.load()).parseSmsFile(bytes, progress, parse.signal);
    } catch (error) {
      if (generation === this.#generation) this.#show({ kind: 'unavailable', file, error: readerUnavailable(error) });
      return;
    }
    if (generation !== this.#generation) return;
    this.#show({ kind: 'parsed', file: { name, ...parsed } });
  }

  #show(phase: Phase): void {
    this.phase = phase;
    this.#focusAfter = true;
  }

  #reset(): void {
    this.#generation++;
    this.#parse?.abort();
    this.#show({ kind: 'idle' });
  }

  // ───────────── writing ─────────────

  get #canImport(): boolean {
    return typeof this.adapter?.sms?.import === 'function';
  }

  #start(file: Parsed): void {
    if (!file.messages.length) return;
    const run: Run = { ...file, key: crypto.randomUUID(), done: 0, imported: 0, updated: 0 };
    void this.#run(run, ++this.#generation);
  }

  #retry(run: Run): void {
    void this.#run(run, ++this.#generation);
  }

  async #run(run: Run, generation: number): Promise<void> {
    this.#show({ kind: 'importing', run });
    while (run.done < run.messages.length) {
      const batch = run.messages.slice(run.done, run.done + SMS_IMPORT_BATCH);
      let result: SmsImportResult;
      try {
        result = await this.#send(batch, `${run.key}:${run.done}`);
      } catch (error) {
        if (generation === this.#generation) this.#show({ kind: 'failed', run, error });
        return;
      }
      if (generation !== this.#generation) return;
      run.done += batch.length;
      run.imported += Number(result?.imported) || 0;
      run.updated += Number(result?.updated) || 0;
      this.phase = { kind: 'importing', run };
    }
    this.#show({ kind: 'done', run });
    const detail = { imported: run.imported, updated: run.updated, errors: run.errors };
    this.emit(FC_SMS_IMPORT_COMPLETE, detail);
    this.emit(FC_SMS_IMPORT_DONE, { ...detail, errors: [...detail.errors] });
  }

  /**
   * Writes one batch. Through a cached adapter the write waits in the outbox and is retried
   * quietly while the failure is temporary; an import is something the user is watching, so the
   * first failed attempt stops it here with the reason, and the entry is dropped from the outbox
   * (Retry sends it again under the same key, applied once even if the server had it).
   */
  #send(batch: SmsMessage[], key: string): Promise<SmsImportResult> {
    const adapter = this.adapter;
    const api = adapter?.sms;
    if (!api?.import) return Promise.reject(new AdapterError({ kind: 'unsupported', message: this.inLocale(() => t('unsupported')) }));
    const write = api.import(batch, { idempotencyKey: key });
    if (!isCachedAdapter(adapter)) return write;
    return new Promise((resolve, reject) => {
      const onOutbox = (event: CachedAdapterEventMap['fc-outbox-change']) => {
        const entry = event.detail.entries.find((e) => e.key === key);
        if (!entry?.error || entry.status === 'sending') return;
        adapter.removeEventListener('fc-outbox-change', onOutbox);
        const { kind, status, message, body } = entry.error;
        reject(new AdapterError({ kind: kind as AdapterErrorKind, status, message, body }));
        void adapter.outbox.discard(key).catch(() => undefined);
      };
      adapter.addEventListener('fc-outbox-change', onOutbox);
      write.then(resolve, reject).finally(() => adapter.removeEventListener('fc-outbox-change', onOutbox));
    });
  }

  // ───────────── render ─────────────

  protected override render() {
    if (!this.#canImport) return unsupportedView(t('unsupported'));
    const phase = this.phase;
    return html`<h2>${t('title')}</h2>
      <input type="file" accept=${ACCEPT} hidden @change=${this.#onChange} />
      ${this.#body(phase)}`;
  }

  #body(phase: Phase): TemplateResult {
    switch (phase.kind) {
      case 'idle':
        return this.#dropZone(t('choose'));
      case 'reading':
        return html`${loadingView(2, t('reading', isolate(phase.name)))} ${phase.progress ? this.#readProgress(phase.progress) : nothing}`;
      case 'unreadable':
        return html`${errorView(phase.error, undefined, { urgent: true })}
          <p class="file-error" role="alert">${isolateIn((name) => t('unreadable', name), phase.name)}</p>
          ${this.#dropZone(t('chooseAnother'))}`;
      case 'unavailable':
        return html`${errorView(phase.error, () => this.#read(phase.file), { urgent: true })}
          ${this.#dropZone(t('chooseAnother'))}`;
      case 'parsed':
        return this.#parsedView(phase.file);
      case 'importing':
        return this.#progressView(phase.run);
      case 'failed':
        return this.#failedView(phase.run, phase.error);
      case 'done':
        return this.#doneView(phase.run);
    }
  }

  #dropZone(label: string): TemplateResult {
    return html`<div
      class="drop ${this.dragging ? 'drop--active' : ''}"
      part="drop-zone"
      role="group"
      aria-label=${t('dropZone')}
      @dragenter=${this.#onDragOver}
      @dragover=${this.#onDragOver}
      @dragleave=${this.#onDragLeave}
      @drop=${this.#onDrop}
    >
      <p>${t('dropHint')}</p>
      <button type="button" class="fc-button fc-button--primary" part="choose-button" data-focus @click=${this.#choose}>${label}</button>
    </div>`;
  }

  #summary(file: Parsed): TemplateResult {
    const format = file.format;
    const found = format ? isolateIn((name) => t('found', formatCount(file.messages.length), name, formatName(format)), file.name) : '';
    return html`<p role="status">${file.messages.length ? found : isolateIn((name) => t('nothingFound', name), file.name)}</p>`;
  }

  #parsedView(file: Parsed): TemplateResult {
    const count = file.messages.length;
    return html`${this.#summary(file)} ${fileNotesView(file, true)}
      ${count ? previewView(file.messages) : nothing}
      ${errorListView(file.errors, file.format)}
      <div class="actions">
        ${count
          ? html`<button type="button" class="fc-button fc-button--primary" part="import-button" data-focus @click=${() => this.#start(file)}>
              ${t('importButton', formatCount(count))}
            </button>`
          : nothing}
        <button type="button" class="fc-button" ?data-focus=${!count} @click=${this.#reset}>
          ${count ? t('cancel') : t('chooseAnother')}
        </button>
      </div>`;
  }

  #readProgress({ done, total }: SmsParseProgress): TemplateResult {
    return html`<div class="progress" part="progress">
      <label for="read-progress">${t('readProgressLabel')}</label>
      <progress id="read-progress" max=${Math.max(1, total)} .value=${done}></progress>
      <p>${t('readProgress', formatCount(done), formatCount(total))}</p>
    </div>`;
  }

  #progressBar(run: Run): TemplateResult {
    const total = run.messages.length;
    return html`<div class="progress" part="progress">
      <label for="progress">${t('progressLabel')}</label>
      <progress id="progress" max=${total} .value=${run.done}></progress>
      <p role="status">${t('progress', formatCount(run.done), formatCount(total))}</p>
    </div>`;
  }

  #progressView(run: Run): TemplateResult {
    return html`${this.#progressBar(run)} ${errorListView(run.errors, run.format)}`;
  }

  #failedView(run: Run, error: unknown): TemplateResult {
    const total = run.messages.length;
    const last = Math.min(run.done + SMS_IMPORT_BATCH, total);
    return html`${this.#progressBar(run)}
      <p class="file-error">${t('batchFailed', formatCount(run.done + 1), formatCount(last), formatCount(total))}</p>
      ${errorView(error, () => this.#retry(run), { urgent: true, retryLabel: t('retryLabel') })}
      <p>${t('kept')}</p>
      <div class="actions">
        <button type="button" class="fc-button" @click=${this.#reset}>${t('cancel')}</button>
      </div>
      ${errorListView(run.errors, run.format)}`;
  }

  #doneView(run: Run): TemplateResult {
    return html`<p class="result" part="result" role="status">
        ${t('result', formatCount(run.imported), formatCount(run.updated))}
        ${run.errors.length ? t('skipped', formatCount(run.errors.length)) : t('skippedNone')}
      </p>
      ${fileNotesView(run)}
      ${errorListView(run.errors, run.format)}
      <div class="actions">
        <button type="button" class="fc-button" data-focus @click=${this.#reset}>${t('importAnother')}</button>
      </div>`;
  }
}
