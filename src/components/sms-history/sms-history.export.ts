import type { ReactiveController } from 'lit';
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { SmsFilter } from '../../data/model.js';
import { downloadBlob } from '../shared/download.js';
import { FC_EXPORT } from '../shared/events.js';
import type { FcElement } from '../shared/fc-element.js';
import { formatCount } from '../shared/messages.js';
import { describeError } from '../shared/states.js';
import { t } from './sms-history.messages.js';

/** Rows per request of the CSV export (the servers' page cap). */
export const EXPORT_PAGE = 1000;

/** What the export's walk (`sms-history.export.run.ts`) works with, handed to it rather than imported. */
const HELPERS = { t, formatCount, downloadBlob, FC_EXPORT, EXPORT_PAGE } as const;
export type ExportHelpers = typeof HELPERS;

/** An export under way: rows written so far, of how many. */
export interface ExportProgress {
  done: number;
  total: number;
}

/** What the export writes: the list as the history shows it now. */
export interface SmsExportQuery {
  filter: SmsFilter;
  order: 'asc' | 'desc';
  /** The zone the times are written in. */
  zone: string;
  /** Rows the history counts, for the progress bar until the first page says. */
  total: number;
}

export interface SmsCsvExportOptions {
  /** The host's SMS API, if its adapter has one. */
  sms: () => ForecourtAdapter['sms'];
  /** The filter, order and zone at the moment the user asks for the export. */
  query: () => SmsExportQuery;
}

/**
 * The SMS history's CSV export: walks `sms.list` from the start by `nextCursor` in pages of
 * {@link EXPORT_PAGE}, shows progress, can be cancelled, and saves one file unless a listener cancels
 * the `fc-export` event fired before the download. The walk (`sms-history.export.run.ts`) and the CSV
 * writer (the shared one, which neutralises every text cell a spreadsheet would run as a formula)
 * are loaded on the first export, not with the widget; if they cannot be, the status line says so
 * and the export button tries again.
 * @internal
 */
export class SmsCsvExport implements ReactiveController {
  /** The export under way, or null. */
  progress: ExportProgress | null = null;
  /** The last export's outcome (done, cancelled or failed), for a polite status line. */
  message = '';

  readonly #host: FcElement;
  readonly #options: SmsCsvExportOptions;
  #controller: AbortController | null = null;

  constructor(host: FcElement, options: SmsCsvExportOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.cancelExport();
  }

  /** Exports the rows of the current filter to a CSV download. Does nothing while one is under way. */
  async exportCsv(): Promise<void> {
    const api = this.#options.sms();
    if (!api || this.#controller) return;
    const controller = new AbortController();
    this.#controller = controller;
    const query = this.#options.query();
    this.#set({ done: 0, total: Math.max(0, query.total) }, '');
    try {
      // The walk and the CSV writer load on the first export, not with the widget.
      const { runExport } = await import('./sms-history.export.run.js');
      const outcome = await runExport(api, query, controller.signal, HELPERS, {
        host: this.#host,
        progress: (done, total) => this.#set({ done, total }),
      });
      this.#set(null, outcome);
    } catch (error) {
      this.#set(null, this.#host.inLocale(() => (controller.signal.aborted ? t('exportCancelled') : `${t('exportFailed')} ${describeError(error).message}`)));
    } finally {
      if (this.#controller === controller) this.#controller = null;
    }
  }

  /** Stops the export under way; no file is saved. */
  cancelExport(): void {
    this.#controller?.abort();
  }

  #set(progress: ExportProgress | null, message = this.message): void {
    this.progress = progress;
    this.message = message;
    this.#host.requestUpdate();
  }
}
