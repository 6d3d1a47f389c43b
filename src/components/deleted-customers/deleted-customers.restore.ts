import type { ForecourtAdapter } from '../../data/adapter.js';
import { AdapterError } from '../../data/errors.js';
import type { AdapterErrorKind } from '../../data/errors.js';
import type { DeletedRecord, RestoreDetail, RestoreRequest, RestoreResult } from '../../data/model.js';
import { PendingWritesController } from '../shared/controllers/pending-writes.js';
import type { WriteFailure } from '../shared/controllers/pending-writes.js';
import type { FcElement } from '../shared/fc-element.js';
import { formatCount } from '../shared/messages.js';
import { describeError, serverWaitText } from '../shared/states.js';
import { FC_RESTORE_COMPLETE } from './deleted-customers.events.js';
import { t } from './deleted-customers.messages.js';
import { canRestore, conflictStatus } from './deleted-customers.view.js';
import type { Formats, RowStatus } from './deleted-customers.view.js';
import type { OutcomeLine, RestoreViews } from './deleted-customers.restore-view.js';

/** Restored records whose outcome the live region reads out one by one (more are only counted). */
const ANNOUNCED_DETAILS = 3;

/** The element the restores are made for: its adapter, its locale, its events. */
export type RestoreHost = FcElement & { adapter?: ForecourtAdapter };

/** How a restore this page made ended, per record. */
type LocalOutcome = RowStatus & { state: 'restored' | 'already' | 'failed' };

/**
 * The checked records and their restores: the selection (Shift ranges included), the writes
 * through the shared `PendingWritesController` (this page's and the outbox's), how each ended,
 * and the live announcement of what happened. The host renders; this says what to show.
 */
export class DeletedRestores {
  readonly #host: RestoreHost;
  readonly #selected = new Map<string, DeletedRecord>();
  /** The last row checked or unchecked one at a time: the other end of a Shift range. */
  #anchor: string | null = null;
  /** Shift was down when Space went down on a row's box (the click that follows may not carry it). */
  #shiftSpace = false;
  readonly #outcomes = new Map<string, LocalOutcome>();
  /** What the server said each restored record brought back (a server that says so), and the record as sent. */
  readonly #details = new Map<string, { detail: RestoreDetail; record: DeletedRecord | undefined }>();
  /** The records of the last answered restore, in the request's order. */
  #last: string[] = [];
  #announcement = '';

  /** Restores not yet answered: this page's, and an earlier page's from the outbox. */
  readonly #writes: PendingWritesController<'deleted', RestoreRequest, RestoreResult>;

  /** The host's formats (for the dates of notes named in the announcement). */
  readonly #formats: () => Formats;
  /** The restore views (`deleted-customers.restore-view.ts`) once loaded: they word what came back. */
  readonly #views: () => RestoreViews | null;

  constructor(host: RestoreHost, formats: () => Formats, views: () => RestoreViews | null) {
    this.#host = host;
    this.#formats = formats;
    this.#views = views;
    this.#writes = new PendingWritesController(host, {
      adapter: () => host.adapter,
      domain: 'deleted',
      // The outbox checks each entry against the contract's request schema: narrowing types `args`.
      match: (entry) => (entry.domain === 'deleted' && entry.method === 'restore' ? entry.args : null),
      about: (request) => request.ids,
      send: (deleted, request, options) => deleted.restore(request, options),
      onRefused: (request, failure) => this.#onRefused(request, failure),
    });
  }

  /** What the live region says about the last restore. */
  get announcement(): string {
    return this.#announcement;
  }

  #announce(text: string): void {
    this.#announcement = text;
    this.#host.requestUpdate();
  }

  /** The checked records, by id (kept across paging, searches and re-reads). */
  get selected(): ReadonlyMap<string, DeletedRecord> {
    return this.#selected;
  }

  /**
   * How a record's restore stands: this page's restore, then the outbox (an earlier page's), then the server.
   * @param zone The shop's zone, for the time a server asked us to wait until.
   */
  status(record: DeletedRecord, zone?: string, f?: Formats): RowStatus | null {
    const write = this.#writes.get(record.id);
    if (write && !write.inherited) return { state: 'pending', waiting: !!write.error, serverWait: serverWaitText(write.error, Date.now(), zone) };
    const local = this.#outcomes.get(record.id);
    if (local && local.state !== 'restored') return local;
    if (!local && write) {
      if (write.status === 'pending' || write.status === 'sending') return { state: 'pending', waiting: !!write.error, serverWait: serverWaitText(write.error, Date.now(), zone) };
      if (write.status === 'conflict') return conflictStatus(write.error);
      return { state: 'failed', reason: write.error?.message ?? '' };
    }
    const told = this.#details.get(record.id);
    const views = this.#views();
    const detail = told && f && views ? { detail: views.detailCounts(told.detail), skipped: views.notRestoredText(told.detail.skipped, told.record, f) } : {};
    if (record.restoredAt) return { state: 'restored', at: record.restoredAt, by: record.restoredBy ?? null, ...detail };
    return local ? { ...local, ...detail } : null;
  }

  /** The last restore's outcome, a line per restored record the server described (empty when none, dismissed, or the views are not loaded). */
  outcome(f: Formats): OutcomeLine[] {
    const views = this.#views();
    if (!views) return [];
    return this.#last.flatMap((id) => {
      const told = this.#details.get(id);
      return told ? [views.outcomeLine(told.detail, told.record, f)] : [];
    });
  }

  /** Hides the last restore's outcome (the rows keep theirs). */
  dismissOutcome(): void {
    this.#last = [];
    this.#host.requestUpdate();
  }

  restorable(record: DeletedRecord): boolean {
    return canRestore(this.status(record));
  }

  /** The checked records that can still be restored. */
  checkedRecords(): DeletedRecord[] {
    return [...this.#selected.values()].filter((r) => this.restorable(r));
  }

  readonly onBoxKey = (event: KeyboardEvent): void => {
    if (event.key === ' ') this.#shiftSpace = event.shiftKey;
  };

  /** A row's box clicked (or Space): that row, or with Shift every row of `items` from the anchor to it. */
  onBoxClick(event: MouseEvent, record: DeletedRecord, items: readonly DeletedRecord[]): void {
    const box = event.currentTarget as HTMLInputElement;
    const shift = event.shiftKey || this.#shiftSpace;
    this.#shiftSpace = false;
    const check = box.checked;
    const from = shift && this.#anchor ? items.findIndex((r) => r.id === this.#anchor) : -1;
    const to = items.findIndex((r) => r.id === record.id);
    if (from >= 0 && to >= 0) {
      const [a, b] = from < to ? [from, to] : [to, from];
      for (const r of items.slice(a, b + 1)) this.#check(r, check);
    } else {
      this.#check(record, check);
    }
    this.#anchor = record.id;
    this.#host.requestUpdate();
  }

  #check(record: DeletedRecord, on: boolean): void {
    if (on && this.restorable(record)) this.#selected.set(record.id, record);
    else this.#selected.delete(record.id);
  }

  /** The box in the header: checks every restorable row shown, or unchecks them when all are. */
  toggleAll(shown: readonly DeletedRecord[]): void {
    const restorable = shown.filter((r) => this.restorable(r));
    const all = restorable.length > 0 && restorable.every((r) => this.#selected.has(r.id));
    for (const r of restorable) this.#check(r, !all);
    this.#host.requestUpdate();
  }

  clear(): void {
    this.#selected.clear();
    this.#anchor = null;
    this.#host.requestUpdate();
  }

  /** Sends a confirmed restore and records how each record ended; fires `fc-restore-complete` on an answer. */
  async send(request: RestoreRequest): Promise<void> {
    const host = this.#host;
    if (!host.adapter?.deleted) return;
    const sent = new Map(request.ids.map((id) => [id, this.#selected.get(id)]));
    for (const id of request.ids) {
      this.#outcomes.delete(id);
      this.#details.delete(id);
      this.#selected.delete(id);
    }
    this.#announce(host.inLocale(() => t('announceSending', formatCount(request.ids.length))));
    const result = await this.#writes.save(request);
    if (!result) {
      // Discarded: nothing happened, nothing to say. A refusal was recorded by `#onRefused`.
      if (!request.ids.some((id) => this.#outcomes.has(id))) this.#announce('');
      return;
    }
    const ids = new Set(request.ids);
    const restored = Array.isArray(result?.restored) ? result.restored : [];
    const failed = Array.isArray(result?.failed) ? result.failed : [];
    const at = new Date().toISOString();
    for (const id of restored) if (ids.has(id)) this.#outcomes.set(id, { state: 'restored', at, by: null });
    const details = Array.isArray(result?.details) ? result.details : [];
    for (const detail of details) if (ids.has(detail.id)) this.#details.set(detail.id, { detail, record: sent.get(detail.id) });
    this.#last = request.ids.filter((id) => this.#details.has(id));
    let already = 0;
    for (const f of failed) {
      if (!ids.has(f.id)) continue;
      if (f.code === 'already-restored') {
        already++;
        this.#outcomes.set(f.id, { state: 'already', at: f.restoredAt ?? null, by: f.restoredBy ?? null });
      } else {
        this.#outcomes.set(f.id, { state: 'failed', reason: f.reason });
      }
    }
    this.#announce(
      host.inLocale(() => {
        const done = t('announceDone', formatCount(restored.length), formatCount(already), formatCount(failed.length - already));
        // A few records are read out one by one: what came back, and what did not.
        const lines = this.#last.length <= ANNOUNCED_DETAILS ? this.outcome(this.#formats()).map((l) => [l.plain, l.skipped].filter(Boolean).join('. ')) : [];
        return [done, ...lines].join(' ');
      }),
    );
    if (host.isConnected) host.emit(FC_RESTORE_COMPLETE, { request, result: { restored, failed } });
  }

  /** A restore the server refused: each row says why, and the parked write is dropped (nothing is left to decide). */
  #onRefused(request: RestoreRequest, failure: WriteFailure): true {
    const host = this.#host;
    if (failure.kind === 'conflict') {
      // Restored elsewhere, or another conflict shown with the server's words.
      const outcome = conflictStatus(failure);
      for (const id of request.ids) this.#outcomes.set(id, outcome);
      this.#announce(
        host.inLocale(() =>
          outcome.state === 'already'
            ? t('announceDone', formatCount(0), formatCount(request.ids.length), formatCount(0))
            : t('announceFailed', outcome.reason),
        ),
      );
    } else {
      const { message, detail } = describeError(new AdapterError({ ...failure, kind: failure.kind as AdapterErrorKind }));
      const reason = detail && detail !== message ? `${message} ${detail}` : message;
      for (const id of request.ids) this.#outcomes.set(id, { state: 'failed', reason });
      this.#announce(host.inLocale(() => t('announceFailed', reason)));
    }
    return true;
  }
}
