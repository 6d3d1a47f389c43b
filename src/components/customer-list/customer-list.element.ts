import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { OutboxEntry } from '../../data/cache/outbox.js';
import { AdapterError, isAdapterError } from '../../data/errors.js';
import type { BoardEntry, Customer, PosSource, SourceCategory } from '../../data/model.js';
import { isoDateIn } from '../../data/logic/calendar.js';
import { groupSourcesForPicker, sourceDescriber } from '../../data/logic/source-picker.js';
import { isSourceUnknown } from '../../data/logic/sources.js';
import { adapterContext } from '../shared/adapter-context.js';
import { AdapterEventsController, isCachedAdapter } from '../shared/controllers/adapter-events.js';
import { FcElement } from '../shared/fc-element.js';
import { describeError, emptyView, errorView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { FC_SOURCE_CHANGE } from './customer-list.events.js';
import { t } from './customer-list.messages.js';
import { styles } from './customer-list.styles.js';
import { formatDay, formatTime, pickerOptions, unknownBadge } from './customer-list.view.js';

/** Longest a name blinks, whatever `--fc-customer-list-blink-duration` says (WCAG 2.2.2 allows 5 s). */
const BLINK_CAP_MS = 4500;

interface SourceData {
  sources: PosSource[];
  categories: SourceCategory[];
}

interface BoardData {
  adapter: ForecourtAdapter;
  date: string;
  entries: BoardEntry[];
}

/** What went wrong with a save, from the caller's error or the outbox entry. */
interface SaveFailure {
  kind: string;
  message: string;
  status: number;
  body?: unknown;
}

/** A source change made in this page and not yet confirmed. */
interface LocalSave {
  key: string;
  sourceId: string;
  expectedVersion: number;
  failure: SaveFailure | null;
}

/** How one board row shows right now: the server's data with the user's unconfirmed change over it. */
interface RowView {
  entry: BoardEntry;
  sourceId: string | null;
  unknown: boolean;
  saving: 'saving' | 'waiting' | null;
  failure: SaveFailure | null;
  /** The outbox entry behind the change, when there is one. */
  key: string | null;
  /** The change's arguments, for Retry. */
  change: { sourceId: string; expectedVersion: number } | null;
}

const failureOf = (error: unknown): SaveFailure =>
  isAdapterError(error)
    ? { kind: error.kind, message: error.message, status: error.status, body: error.body }
    : { kind: 'unknown', message: error instanceof Error ? error.message : String(error), status: 0 };

const currentOf = (failure: SaveFailure): Customer | null => {
  const current = (failure.body as { current?: unknown } | undefined)?.current;
  return current && typeof current === 'object' && 'version' in current ? (current as Customer) : null;
};

const setSourceArgs = (entry: OutboxEntry): { customerId: string; sourceId: string; expectedVersion: number } | null => {
  const args = entry.args as { customerId?: unknown; sourceId?: unknown; expectedVersion?: unknown } | undefined;
  return entry.method === 'setSource' && args && typeof args.customerId === 'string' && typeof args.sourceId === 'string'
    ? { customerId: args.customerId, sourceId: args.sourceId, expectedVersion: Number(args.expectedVersion) }
    : null;
};

/**
 * Today's vehicles board: every vehicle in the shop today with its customer, advisor, promised
 * time and customer source. A customer whose source is unknown is marked with a "Source unknown"
 * badge, and the name blinks once (at most 4.5 s, never under `prefers-reduced-motion`) when it
 * first shows. Activating a name opens the source picker; a saved source goes through the
 * adapter's outbox, shows at once as "Saving…", and comes back marked with the reason if the
 * server finally refuses it. The board is read again when customers change (here, in another tab,
 * or on the server, found by a periodic refresh).
 *
 * @customElement fc-customer-list
 * @fires fc-source-change - The user saved a customer's source in the picker. Detail: `{ customerId, sourceId }`.
 * @csspart table - The board's table.
 * @csspart name - A customer's name: the button that opens the source picker.
 * @csspart badge - The "Source unknown" mark beside a name.
 * @csspart picker - The source picker dialog.
 * @csspart state - Loading, empty, unsupported and error states (with `loading`, `empty`, `unsupported`, `error`).
 * @csspart retry-button - Retry in the error state.
 * @cssproperty --fc-customer-list-blink-duration - One half-cycle of the blink (6 of them; default 750ms). The blink is cut off after 4.5 s regardless.
 * @cssproperty --fc-customer-list-badge-color - Text and border of the "Source unknown" badge.
 * @cssproperty --fc-customer-list-badge-background - Background of the badge and of the blink.
 * @cssproperty --fc-customer-list-pending-color - "Saving…" text.
 * @cssproperty --fc-customer-list-error-color - A failed save's message.
 */
export class FcCustomerList extends FcElement {
  static override styles = [tokens, shared, stateStyles, styles];

  /** The adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The board's day, ISO `YYYY-MM-DD`; empty for the local today. */
  @property() date = '';

  /** Seconds between re-reads of the board (arrivals the server knows of); 0 turns it off. Paused while the page is hidden. */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 60;

  /** Customers whose name is blinking now. */
  @state() private blinking = new Set<string>();
  /** The customer whose source picker is open. */
  @state() private editing: BoardEntry | null = null;

  /** The last board read, kept on screen while it is read again. */
  #board: BoardData | null = null;
  readonly #saves = new Map<string, LocalSave>();
  /** Sources this page saw confirmed (or the server reported) ahead of the board it holds. */
  readonly #known = new Map<string, { sourceId: string | null; version: number }>();
  /** Customers whose blink has been shown: a name blinks once, when it first shows as unknown. */
  readonly #blinked = new Set<string>();
  readonly #blinkTimers = new Set<ReturnType<typeof setTimeout>>();
  #poll: ReturnType<typeof setInterval> | undefined;
  #lastRead = 0;

  readonly #boardTask = new Task(this, {
    task: async ([adapter, date], { signal }): Promise<BoardData | typeof initialState> => {
      if (!adapter?.customers) return initialState;
      const entries = await adapter.customers.board({ date }, { signal });
      return { adapter, date, entries: Array.isArray(entries) ? entries : [] };
    },
    args: () => [this.adapter, this.#date] as const,
    onComplete: (value) => {
      this.#board = value;
      this.#lastRead = Date.now();
    },
    onError: () => {
      this.#lastRead = Date.now();
    },
  });

  readonly #sourcesTask = new Task(this, {
    task: async ([adapter], { signal }): Promise<SourceData | typeof initialState> => {
      // Source names only label the board: no board, nothing to label.
      if (!adapter?.sources || !adapter.customers) return initialState;
      const [sources, categories] = await Promise.all([adapter.sources.list({ signal }), adapter.sources.categories({ signal })]);
      return { sources, categories };
    },
    args: () => [this.adapter] as const,
  });

  readonly #events = new AdapterEventsController(this, {
    adapter: () => this.adapter,
    domains: ['customers', 'sources'],
    onChange: (domains) => {
      if (domains.includes('sources')) void this.#sourcesTask.run();
      void this.#boardTask.run();
    },
  });

  get #date(): string {
    return this.date || isoDateIn(Date.now());
  }

  get #reducedMotion(): boolean {
    return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#startPolling();
    document.addEventListener('visibilitychange', this.#onVisibility);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopPolling();
    document.removeEventListener('visibilitychange', this.#onVisibility);
    for (const timer of this.#blinkTimers) clearTimeout(timer);
    this.#blinkTimers.clear();
    this.blinking = new Set();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('refreshInterval') && this.isConnected) this.#startPolling();
    this.#startBlinks();
  }

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    if (this.editing && dialog && !dialog.open) {
      dialog.showModal();
      (dialog.querySelector<HTMLElement>('select') ?? dialog.querySelector<HTMLElement>('button'))?.focus();
    }
  }

  // ───────────── refresh ─────────────

  readonly #onVisibility = () => {
    if (!document.hidden && this.refreshInterval > 0 && Date.now() - this.#lastRead >= this.refreshInterval * 1000) this.#refresh();
  };

  #startPolling(): void {
    this.#stopPolling();
    if (!(this.refreshInterval > 0)) return;
    this.#poll = setInterval(() => this.#refresh(), this.refreshInterval * 1000);
  }

  #stopPolling(): void {
    clearInterval(this.#poll);
    this.#poll = undefined;
  }

  #refresh(): void {
    if (!this.isConnected || document.hidden || this.#boardTask.status === TaskStatus.PENDING) return;
    void this.#boardTask.run();
  }

  // ───────────── rows ─────────────

  #rows(): RowView[] {
    const board = this.#board;
    if (!board || board.adapter !== this.adapter || board.date !== this.#date) return [];
    const outbox = new Map<string, OutboxEntry>();
    for (const e of this.#events.entries) {
      const args = setSourceArgs(e);
      if (args) outbox.set(args.customerId, e); // oldest first: the latest change wins
    }
    return board.entries.map((served) => {
      const entry = this.#withKnown(served);
      const local = this.#saves.get(entry.customerId);
      const queued = outbox.get(entry.customerId);
      const base: RowView = { entry, sourceId: entry.sourceId, unknown: entry.sourceUnknown, saving: null, failure: null, key: null, change: null };
      if (local) {
        const change = { sourceId: local.sourceId, expectedVersion: local.expectedVersion };
        if (local.failure) return { ...base, failure: local.failure, key: local.key, change };
        const own = queued?.key === local.key ? queued : undefined;
        return { ...base, sourceId: local.sourceId, unknown: false, saving: own?.error ? 'waiting' : 'saving', key: local.key, change };
      }
      const args = queued && setSourceArgs(queued);
      if (!queued || !args) return base;
      const change = { sourceId: args.sourceId, expectedVersion: args.expectedVersion };
      if (queued.status === 'failed' || queued.status === 'conflict') {
        return { ...base, failure: queued.error ?? { kind: queued.status, message: '', status: 0 }, key: queued.key, change };
      }
      return { ...base, sourceId: args.sourceId, unknown: false, saving: queued.error ? 'waiting' : 'saving', key: queued.key, change };
    });
  }

  #startBlinks(): void {
    const fresh = this.#rows()
      .filter((r) => r.unknown && !this.#blinked.has(r.entry.customerId))
      .map((r) => r.entry.customerId);
    if (!fresh.length || !this.isConnected) return;
    for (const id of fresh) this.#blinked.add(id);
    if (this.#reducedMotion) return;
    this.blinking = new Set([...this.blinking, ...fresh]);
    const timer = setTimeout(() => {
      this.#blinkTimers.delete(timer);
      this.#stopBlink(...fresh);
    }, BLINK_CAP_MS);
    this.#blinkTimers.add(timer);
  }

  #stopBlink(...ids: string[]): void {
    if (!ids.some((id) => this.blinking.has(id))) return;
    const next = new Set(this.blinking);
    for (const id of ids) next.delete(id);
    this.blinking = next;
  }

  // ───────────── picker ─────────────

  #open(entry: BoardEntry): void {
    this.editing = entry;
  }

  async #close(): Promise<void> {
    const customerId = this.editing?.customerId;
    this.renderRoot.querySelector('dialog')?.close();
    this.editing = null;
    await this.updateComplete;
    const name = [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button.name')].find((b) => b.dataset['customerId'] === customerId);
    name?.focus();
  }

  #onCancel(event: Event): void {
    event.preventDefault();
    void this.#close();
  }

  #onSelectKey(event: KeyboardEvent): void {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    (event.target as HTMLSelectElement).form?.requestSubmit();
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const editing = this.editing;
    const select = (event.target as HTMLFormElement).querySelector('select');
    if (!editing || !select?.value) return;
    const row = this.#rows().find((r) => r.entry.customerId === editing.customerId);
    const entry = row?.entry ?? editing;
    const sourceId = select.value;
    if (row && !row.failure && !row.unknown && row.sourceId === sourceId) {
      void this.#close();
      return;
    }
    // A change still on its way will be applied first: this one is based on the version it makes.
    const pending = this.#saves.get(entry.customerId);
    const expectedVersion = pending && !pending.failure ? pending.expectedVersion + 1 : entry.customerVersion;
    this.emit(FC_SOURCE_CHANGE, { customerId: entry.customerId, sourceId });
    void this.#close();
    void this.#save(entry.customerId, sourceId, expectedVersion);
  }

  /** Discards the queued entry behind a failed change, so a new attempt or "keep theirs" leaves nothing behind. */
  async #discard(key: string | null): Promise<void> {
    const adapter = this.adapter;
    if (key && isCachedAdapter(adapter)) await adapter.outbox.discard(key).catch(() => undefined);
  }

  async #save(customerId: string, sourceId: string, expectedVersion: number, key: string = crypto.randomUUID()): Promise<void> {
    const api = this.adapter?.customers;
    if (!api) return;
    const save: LocalSave = { key, sourceId, expectedVersion, failure: null };
    this.#saves.set(customerId, save);
    this.requestUpdate();
    try {
      const customer = await api.setSource({ customerId, sourceId, expectedVersion }, { idempotencyKey: key });
      if (this.#saves.get(customerId) !== save) return;
      this.#saves.delete(customerId);
      this.#patch(customerId, customer?.sourceId ?? sourceId, customer?.version ?? expectedVersion + 1);
    } catch (error) {
      if (this.#saves.get(customerId) !== save) return;
      if (isAdapterError(error) && error.kind === 'aborted') this.#saves.delete(customerId);
      else save.failure = failureOf(error);
      // The row shows the server's current source beside the conflict, not the stale one.
      const current = save.failure && save.failure.kind === 'conflict' ? currentOf(save.failure) : null;
      if (current) this.#patch(customerId, current.sourceId, current.version);
      this.requestUpdate();
    }
  }

  /**
   * Puts a confirmed (or the server's current) source on the row. It holds until a board read
   * carries that version of the customer or a newer one: a cached read may still be older.
   */
  #patch(customerId: string, sourceId: string | null, version: number): void {
    this.#known.set(customerId, { sourceId, version });
    this.requestUpdate();
  }

  #withKnown(entry: BoardEntry): BoardEntry {
    const known = this.#known.get(entry.customerId);
    if (!known) return entry;
    if (known.version <= entry.customerVersion) {
      this.#known.delete(entry.customerId);
      return entry;
    }
    const sources = this.#sourcesTask.value;
    const byId = sources ? new Map(sources.sources.map((s) => [s.id, s])) : null;
    const sourceUnknown = byId ? isSourceUnknown(known.sourceId, byId) : !known.sourceId;
    return { ...entry, sourceId: known.sourceId, customerVersion: known.version, sourceUnknown };
  }

  async #retry(row: RowView): Promise<void> {
    if (!row.change) return;
    const customerId = row.entry.customerId;
    const current = row.failure && currentOf(row.failure);
    await this.#discard(row.key);
    if (row.failure?.kind === 'conflict' && current) {
      this.#patch(customerId, current.sourceId, current.version);
      await this.#save(customerId, row.change.sourceId, current.version);
    } else {
      // Same key: if the server did apply it before the answer was lost, it is not applied twice.
      await this.#save(customerId, row.change.sourceId, row.change.expectedVersion, row.key ?? undefined);
    }
  }

  async #dismiss(row: RowView): Promise<void> {
    const current = row.failure && currentOf(row.failure);
    this.#saves.delete(row.entry.customerId);
    if (current) this.#patch(row.entry.customerId, current.sourceId, current.version);
    this.requestUpdate();
    await this.#discard(row.key);
  }

  // ───────────── render ─────────────

  protected override render() {
    const adapter = this.adapter;
    if (!adapter?.customers) return unsupportedView('customers');
    const board = this.#board;
    const shown = board && board.adapter === adapter && board.date === this.#date;
    const status = this.#boardTask.status;
    if (!shown) {
      if (status === TaskStatus.ERROR) return errorView(this.#boardTask.error, () => this.#boardTask.run());
      return loadingView(5);
    }
    const rows = this.#rows();
    const reloadError =
      status === TaskStatus.ERROR ? errorView(this.#boardTask.error, () => this.#boardTask.run()) : nothing;
    if (!rows.length) return html`${reloadError}${emptyView(t('empty', formatDay(this.#date, 'medium')))}`;
    return html`${reloadError}
      <div class="wrap">
        <table class="fc-table" part="table">
          <caption>${t('caption', formatDay(this.#date))}</caption>
          <colgroup>
            <col class="col-customer" />
            <col class="col-vehicle" />
            <col class="col-advisor" />
            <col class="col-promised" />
            <col class="col-source" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">${t('colCustomer')}</th>
              <th scope="col">${t('colVehicle')}</th>
              <th scope="col">${t('colAdvisor')}</th>
              <th scope="col">${t('colPromised')}</th>
              <th scope="col">${t('colSource')}</th>
            </tr>
          </thead>
          <tbody>
            ${repeat(rows, (r) => r.entry.id, (r) => this.#rowView(r))}
          </tbody>
        </table>
      </div>
      ${this.editing ? this.#pickerView(this.editing) : nothing}`;
  }

  #rowView(row: RowView): TemplateResult {
    const { entry } = row;
    const blinking = row.unknown && this.blinking.has(entry.customerId);
    const promised = formatTime(entry.promisedAt);
    return html`<tr>
      <th scope="row">
        <button
          type="button"
          class="name"
          part="name"
          aria-haspopup="dialog"
          data-customer-id=${entry.customerId}
          @click=${() => this.#open(entry)}
        >
          <span
            class="name-text ${blinking ? 'name-text--blink' : ''}"
            @animationend=${() => this.#stopBlink(entry.customerId)}
            @animationcancel=${() => this.#stopBlink(entry.customerId)}
          >${entry.customerName}</span>${row.unknown ? unknownBadge() : nothing}
        </button>
      </th>
      <td>${entry.vehicle}</td>
      <td>${entry.advisor}</td>
      <td>${promised ?? html`<span class="muted">${t('notPromised')}</span>`}</td>
      <td>${this.#sourceCell(row)}</td>
    </tr>`;
  }

  /** The lookups naming sources, built once per read of the sources. */
  #describer: { data: SourceData; describe: ReturnType<typeof sourceDescriber> } | null = null;

  #sourceName(sourceId: string | null): string | null {
    const data = this.#sourcesTask.value;
    if (!data) return null;
    if (this.#describer?.data !== data) this.#describer = { data, describe: sourceDescriber(data.sources, data.categories) };
    const described = this.#describer.describe(sourceId);
    return described ? `${described.categoryName} › ${described.sourceName}` : null;
  }

  #sourceCell(row: RowView): TemplateResult {
    const name = row.entry.customerName;
    const shown = row.unknown ? t('unknown') : (this.#sourceName(row.sourceId) ?? t('sourceSetNoName'));
    const saving = row.saving
      ? html` <span class="pending" role="status">${t(row.saving === 'waiting' ? 'waiting' : 'saving')}</span>`
      : nothing;
    return html`<span class=${row.unknown ? 'muted' : ''}>${shown}</span>${saving}${row.failure ? this.#failureView(row, name) : nothing}`;
  }

  #failureView(row: RowView, name: string): TemplateResult {
    const failure = row.failure!;
    if (failure.kind === 'conflict') {
      const current = currentOf(failure);
      const now = current ? (this.#sourceName(current.sourceId) ?? t('currentUnknown')) : t('currentUnknown');
      return html`<div class="failure">
        <p role="alert">${t('conflict', name, now)}</p>
        <div class="actions">
          ${current
            ? html`<button type="button" class="fc-button" aria-label=${t('useMineLabel', name)} @click=${() => void this.#retry(row)}>
                ${t('useMine')}
              </button>`
            : nothing}
          <button type="button" class="fc-button" aria-label=${t('keepTheirsLabel', name)} @click=${() => void this.#dismiss(row)}>
            ${t('keepTheirs')}
          </button>
        </div>
      </div>`;
    }
    const { message, detail } = describeError(new AdapterError({ kind: failure.kind as AdapterError['kind'], status: failure.status, message: failure.message }));
    return html`<div class="failure">
      <div role="alert">
        <p>${t('saveFailed', name)} ${message}</p>
        ${detail && detail !== message ? html`<p class="detail">${detail}</p>` : nothing}
      </div>
      <div class="actions">
        <button type="button" class="fc-button" aria-label=${t('retryLabel', name)} @click=${() => void this.#retry(row)}>
          ${t('retrySave')}
        </button>
        <button type="button" class="fc-button" aria-label=${t('dismissLabel', name)} @click=${() => void this.#dismiss(row)}>
          ${t('dismiss')}
        </button>
      </div>
    </div>`;
  }

  #pickerView(entry: BoardEntry): TemplateResult {
    const row = this.#rows().find((r) => r.entry.customerId === entry.customerId);
    const sourceId = row ? row.sourceId : entry.sourceId;
    const unknown = row ? row.unknown : entry.sourceUnknown;
    const currentName = unknown ? null : this.#sourceName(sourceId);
    const sources = this.#sourcesTask;
    let body: TemplateResult;
    let canSave = false;
    if (!this.adapter?.sources) body = unsupportedView('sources');
    else if (sources.status === TaskStatus.ERROR) body = errorView(sources.error, () => sources.run());
    else if (sources.status !== TaskStatus.COMPLETE || !sources.value) body = loadingView(1, t('pickerLoading'));
    else {
      const groups = groupSourcesForPicker(sources.value.sources, sources.value.categories);
      if (!groups.length) body = html`<p role="status">${t('pickerNoSources')}</p>`;
      else {
        canSave = true;
        body = html`<div class="field">
          <label for="picker-source">${t('pickerLabel')}</label>
          <select id="picker-source" name="source" required @keydown=${this.#onSelectKey}>
            ${pickerOptions(groups, unknown ? null : sourceId)}
          </select>
        </div>`;
      }
    }
    return html`<dialog part="picker" aria-labelledby="picker-title" @cancel=${this.#onCancel}>
      <form @submit=${this.#onSubmit}>
        <h2 id="picker-title">${t('pickerTitle', entry.customerName)}</h2>
        <p class="muted">${currentName ? t('pickerCurrent', currentName) : t('pickerCurrentUnknown')}</p>
        ${body}
        <div class="actions">
          ${canSave ? html`<button type="submit" class="fc-button fc-button--primary">${t('save')}</button>` : nothing}
          <button type="button" class="fc-button" @click=${() => void this.#close()}>${t('cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
