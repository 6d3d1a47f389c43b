import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { CustomerSourceChange } from '../../data/adapter.js';
import { AdapterError } from '../../data/errors.js';
import type { BoardEntry, Customer, PosSource, SourceCategory } from '../../data/model.js';
import { isoDateIn } from '../../data/logic/calendar.js';
import { groupSourcesForPicker, pickerEntryOf, sourceDescriber } from '../../data/logic/source-picker.js';
import type { PickerGroup } from '../../data/logic/source-picker.js';
import { isSourceUnknown } from '../../data/logic/sources.js';
import { adapterContext } from '../shared/adapter-context.js';
import { QueryController } from '../shared/controllers/query.js';
import { ScrollHintController, scrollHintStyles } from '../shared/controllers/scroll-hint.js';
import { ShopZoneController, isForeignZone } from '../shared/controllers/shop-zone.js';
import { PendingWritesController, currentOf } from '../shared/controllers/pending-writes.js';
import type { PendingWrite, WriteFailure } from '../shared/controllers/pending-writes.js';
import { isolateIn } from '../shared/bidi.js';
import { FcElement } from '../shared/fc-element.js';
import { getLocale } from '../shared/messages.js';
import { preferencesOf } from '../shared/preferences.js';
import { describeError, loadingView, serverWaitText, stateStyles } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { BlinkGate } from './blink-gate.js';
import { FC_SOURCE_CHANGE } from './customer-list.events.js';
import { t } from './customer-list.messages.js';
import { styles } from './customer-list.styles.js';
import { choosePickerEntry, formatDay, formatTime, pickerOptions, rowsRenderAlike, tableHead, unknownBadge } from './customer-list.view.js';

/** The preference that holds the user's "Pause blinking" choice (`true` when paused). */
export const BLINK_PAUSED_PREFERENCE = 'customer-list.blink-paused';

interface SourceData {
  sources: PosSource[];
  categories: SourceCategory[];
}

/** How one board row shows right now: the server's data with the user's unconfirmed change over it. */
interface RowView {
  entry: BoardEntry;
  sourceId: string | null;
  unknown: boolean;
  saving: 'saving' | 'waiting' | null;
  failure: WriteFailure | null;
  /** The unconfirmed change behind `saving` or `failure`. */
  write: PendingWrite<CustomerSourceChange, Customer> | null;
}

/**
 * Today's vehicles board: every vehicle in the shop today with its customer, advisor, promised
 * time and customer source. A customer whose source is unknown is marked with a "Source unknown"
 * badge, and the name keeps blinking (one slow flash a second) until the source is set. The blink
 * runs only while someone can see it: not in a hidden tab, not while the board is scrolled out of
 * view, not under a modal dialog (such as `<fc-mapping-warning>`'s), and never under
 * `prefers-reduced-motion`, where the badge alone marks the name. A "Pause blinking" toggle stops
 * it (WCAG 2.2.2); the choice is remembered for the signed-in user in the adapter's `preferences`
 * (`customer-list.blink-paused`), or for the page with an adapter that has none.
 * Activating a name opens the source picker, which lists each subcategory once (codes mapped to
 * the same category and name are one entry); a saved source goes through the adapter's outbox,
 * shows at once as "Saving…", and comes back marked with the reason if the server finally refuses
 * it. The board is read again when customers change (here, in another tab, or on the server,
 * found by a periodic refresh).
 *
 * @customElement fc-customer-list
 * @fires fc-source-change - The user saved a customer's source in the picker. Detail: `{ customerId, sourceId }`.
 * @csspart table - The board's table.
 * @csspart toolbar - The row above the table holding the "Pause blinking" toggle (shown while a name is marked unknown).
 * @csspart blink-toggle - The "Pause blinking" toggle button (`aria-pressed="true"` while paused).
 * @csspart name - A customer's name: the button that opens the source picker.
 * @csspart badge - The "Source unknown" mark beside a name.
 * @csspart picker - The source picker dialog.
 * @csspart state - Loading, empty, unsupported and error states (with `loading`, `empty`, `unsupported`, `error`).
 * @csspart retry-button - Retry in the error state.
 * @cssstate blink-held - Set while the blink waits because nobody can see it (hidden tab, scrolled away, under a modal dialog) or the user's choice is still being read.
 * @cssproperty --fc-customer-list-blink-duration - One half-cycle of the blink (default 500ms; never shorter than 500ms, so at most one flash a second).
 * @cssproperty --fc-customer-list-badge-color - Text and border of the "Source unknown" badge.
 * @cssproperty --fc-customer-list-badge-background - Background of the badge and of the blink.
 * @cssproperty --fc-customer-list-pending-color - "Saving…" text.
 * @cssproperty --fc-customer-list-error-color - A failed save's message.
 */
export class FcCustomerList extends FcElement {
  static override styles = [tokens, shared, stateStyles, scrollHintStyles, styles];

  /** The adapter, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The board's day, ISO `YYYY-MM-DD`; empty for today in the shop's zone. */
  @property() date = '';

  /** IANA zone of the promised times and of today; empty for the dealer's (`leads.dealer()`), else the browser's. */
  @property({ attribute: 'time-zone' }) timeZone = '';

  /** Seconds between re-reads of the board (arrivals the server knows of); 0 turns it off. Paused while the page is hidden. */
  @property({ type: Number, attribute: 'refresh-interval' }) refreshInterval = 60;

  /** The user pressed "Pause blinking" (read from, and stored in, the adapter's preferences). */
  @state() private blinkPaused = false;
  /** The customer whose source picker is open. */
  @state() private editing: BoardEntry | null = null;

  constructor() {
    super();
    // Marks the table's scroll box while columns are hidden past the edge.
    new ScrollHintController(this);
  }

  /** Sources this page saw confirmed (or the server reported) ahead of the board it holds. */
  readonly #known = new Map<string, { sourceId: string | null; version: number }>();
  /** Whether `blinkPaused` holds the user's stored choice yet; it counts the reads, so only the latest one lands. */
  #choiceKnown = false;
  #choiceRead = 0;

  /** The custom state `blink-held` lives here. */
  readonly #internals = typeof this.attachInternals === 'function' ? this.attachInternals() : null;

  /** Holds the blink while nobody can see the board. */
  readonly #blinkGate = new BlinkGate(this, this.#internals, {
    choice: () => ({ paused: this.blinkPaused, known: this.#choiceKnown }),
  });

  /** The shop's zone; the board waits for it when it takes today. */
  readonly #zone = new ShopZoneController(this, { adapter: () => this.adapter, zone: () => this.timeZone });

  /** The board: read again on a change of customers or sources, and every `refresh-interval` seconds. */
  readonly #board = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['customers'],
    domains: ['customers', 'sources'],
    // The zone too: the promised times are not shown before it is known.
    args: () => [this.#date, this.#zone.zone] as const,
    idle: ([date, zone]) => !date || !zone,
    read: async (adapter, [date], { signal }) => {
      const entries = await adapter.customers.board({ date }, { signal });
      return Array.isArray(entries) ? entries : [];
    },
    poll: () => this.refreshInterval,
  });

  /** Source names: they only label the board, so nothing is read without a board. */
  readonly #sources = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['sources', 'customers'],
    domains: ['sources'],
    read: async (adapter, _args, { signal }): Promise<SourceData> => {
      const [sources, categories] = await Promise.all([adapter.sources.list({ signal }), adapter.sources.categories({ signal })]);
      return { sources, categories };
    },
  });

  /** Source changes not yet confirmed: this page's, and an earlier page's from the outbox. */
  readonly #writes = new PendingWritesController(this, {
    adapter: () => this.adapter,
    domain: 'customers',
    // The outbox checks each entry against the contract's request schema: narrowing types `args`.
    match: (entry) => (entry.domain === 'customers' && entry.method === 'setSource' ? entry.args : null),
    about: (change) => change.customerId,
    send: (customers, change, options) => customers.setSource(change, options),
    theirs: (body) => currentOf<Customer>(body),
    onConfirmed: (change, customer) =>
      this.#patch(change.customerId, customer?.sourceId ?? change.sourceId, customer?.version ?? change.expectedVersion + 1),
    onRefused: (change, failure) => {
      // The row shows the server's current source beside the conflict, not the stale one.
      const current = failure.kind === 'conflict' ? currentOf<Customer>(failure.body) : null;
      if (current) this.#patch(change.customerId, current.sourceId, current.version);
    },
  });

  /** The board's day; '' while the shop's zone is being read. */
  get #date(): string {
    const zone = this.#zone.zone;
    return this.date || (zone && isoDateIn(Date.now(), zone));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') || !this.hasUpdated) void this.#readBlinkChoice();
  }

  // ───────────── blink ─────────────

  /** Reads the user's "Pause blinking" choice for this adapter's user; the blink waits until it is known. */
  async #readBlinkChoice(): Promise<void> {
    const read = ++this.#choiceRead;
    const adapter = this.adapter;
    this.#choiceKnown = !adapter;
    this.#blinkGate.decide();
    if (!adapter) return;
    // Preferences that fail count as "not paused": the blink is the reminder the board exists for.
    const stored = await preferencesOf(adapter).get<boolean>(BLINK_PAUSED_PREFERENCE).catch(() => undefined);
    if (read !== this.#choiceRead) return;
    this.blinkPaused = stored === true;
    this.#choiceKnown = true;
    this.#blinkGate.decide();
  }

  #toggleBlink(): void {
    this.blinkPaused = !this.blinkPaused;
    this.#choiceKnown = true;
    // A later read of the stored choice must not undo what the user just did.
    this.#choiceRead++;
    this.#blinkGate.decide();
    if (this.adapter) void preferencesOf(this.adapter).set(BLINK_PAUSED_PREFERENCE, this.blinkPaused).catch(() => undefined);
  }

  /** Chooses the current entry in the picker's select (its options are nodes made once, see `pickerOptions`). */
  #choose: (select: HTMLSelectElement) => void = () => {};

  protected override updated(): void {
    const dialog = this.renderRoot.querySelector('dialog');
    const select = dialog?.querySelector('select');
    if (this.editing && select) this.#choose(select);
    // A read that lands after the element left the page still updates it; a modal needs a document.
    if (this.editing && dialog && !dialog.open && this.isConnected) {
      this.#blinkGate.opening(dialog);
      dialog.showModal();
      (select ?? dialog.querySelector<HTMLElement>('button'))?.focus();
    }
  }

  // ───────────── rows ─────────────

  #rows(): RowView[] {
    const board = this.#board.value;
    if (!board) return [];
    const writes = this.#writes.all();
    return board.map((served) => {
      const entry = this.#withKnown(served);
      const write = writes.get(entry.customerId) ?? null;
      const base: RowView = { entry, sourceId: entry.sourceId, unknown: entry.sourceUnknown, saving: null, failure: null, write };
      if (!write) return base;
      if (write.status === 'failed' || write.status === 'conflict') return { ...base, failure: write.error };
      return { ...base, sourceId: write.args.sourceId, unknown: false, saving: write.error ? 'waiting' : 'saving' };
    });
  }

  // ───────────── picker ─────────────

  /** One listener for every name: a click on a name opens the picker for the row as it shows. */
  #onBoardClick(event: Event): void {
    const name = (event.target as Element).closest?.<HTMLButtonElement>('button.name');
    const row = name && this.#shown.rows.find((r) => r.entry.customerId === name.dataset['customerId']);
    if (row) this.editing = row.entry;
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
    // An entry may stand for several codes: a customer on any of them already has it.
    const data = this.#sources.value;
    const picked = data ? pickerEntryOf(this.#groups(data), sourceId) : null;
    const same = row?.sourceId === sourceId || (!!row?.sourceId && !!picked?.ids.includes(row.sourceId));
    if (row && !row.failure && !row.unknown && same) {
      void this.#close();
      return;
    }
    // A change still on its way will be applied first: this one is based on the version it makes.
    const pending = row?.write && !row.failure ? row.write : null;
    const expectedVersion = pending ? pending.args.expectedVersion + 1 : entry.customerVersion;
    this.emit(FC_SOURCE_CHANGE, { customerId: entry.customerId, sourceId });
    void this.#close();
    // A failed change is replaced: its outbox entry goes, so nothing is left behind.
    const change = { customerId: entry.customerId, sourceId, expectedVersion };
    void (row?.failure ? this.#writes.replace(entry.customerId, change) : this.#writes.save(change));
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
    const sources = this.#sources.value;
    const byId = sources ? new Map(sources.sources.map((s) => [s.id, s])) : null;
    const sourceUnknown = byId ? isSourceUnknown(known.sourceId, byId) : !known.sourceId;
    return { ...entry, sourceId: known.sourceId, customerVersion: known.version, sourceUnknown };
  }

  async #retry(row: RowView): Promise<void> {
    const write = row.write;
    if (!write) return;
    if (write.status === 'conflict' && write.theirs) {
      this.#patch(write.id, write.theirs.sourceId, write.theirs.version);
      await this.#writes.replace(write.id, { ...write.args, expectedVersion: write.theirs.version });
    } else {
      // Same key: if the server did apply it before the answer was lost, it is not applied twice.
      await this.#writes.retry(write.id);
    }
  }

  async #dismiss(row: RowView): Promise<void> {
    const write = row.write;
    if (!write) return;
    if (write.theirs) this.#patch(write.id, write.theirs.sourceId, write.theirs.version);
    await this.#writes.discard(write.id);
  }

  // ───────────── render ─────────────

  protected override render() {
    if (!this.#zone.zone && !this.#board.missing) return loadingView(5);
    return this.#board.render({
      complete: () => this.#table(this.#rows()),
      isEmpty: (board) => !board.length,
      empty: () => t('empty', formatDay(this.#date, 'medium')),
      lines: 5,
    });
  }

  /** The rows last rendered, and a key that changes only when a row would render differently (opening the picker does not). */
  #shown: { rows: RowView[]; key: object } = { rows: [], key: {} };

  #rowsKey(rows: RowView[]): object {
    this.#shown = { rows, key: rowsRenderAlike(rows, this.#shown.rows) ? this.#shown.key : {} };
    return this.#shown.key;
  }

  #table(rows: RowView[]): TemplateResult {
    const zone = this.#zone.zone;
    const named = isForeignZone(zone);
    const caption = t('caption', formatDay(this.#date));
    const key = this.#rowsKey(rows);
    return html`
      ${rows.some((r) => r.unknown) ? this.#toolbarView() : nothing}
      <div class="fc-scroll" role="region" aria-label=${caption}>
        <table class="fc-table" part="table">
          <caption>${caption}</caption>
          ${tableHead()}
          <tbody @click=${this.#onBoardClick}>${guard([key, this.blinkPaused, zone, getLocale(), this.#sources.value], () => repeat(rows, (r) => r.entry.id, (r) => this.#rowView(r, zone, named)))}</tbody>
        </table>
      </div>
      ${this.editing ? this.#pickerView(this.editing, rows) : nothing}`;
  }

  /** The "Pause blinking" toggle: one label, its state in `aria-pressed` (and a check mark when pressed). */
  #toolbarView(): TemplateResult {
    return html`<div class="toolbar" part="toolbar">
      <button
        type="button"
        class="fc-button blink-toggle"
        part="blink-toggle"
        aria-pressed=${this.blinkPaused ? 'true' : 'false'}
        @click=${this.#toggleBlink}
      >${t('pauseBlinking')}</button>
    </div>`;
  }

  #rowView(row: RowView, zone: string, named: boolean): TemplateResult {
    const { entry } = row;
    const blinking = row.unknown && !this.blinkPaused;
    const promised = formatTime(entry.promisedAt, zone, named);
    // One flat template a row, its source cell inline (a nested template a row costs a clone and a walk of its own),
    // with no whitespace that does not show (each such text node is a layout object).
    return html`<tr><th scope="row"><button type="button" class="name" part="name" aria-haspopup="dialog" data-customer-id=${entry.customerId}><span class=${blinking ? 'name-text name-text--blink' : 'name-text'}>${entry.customerName}</span>${row.unknown ? unknownBadge() : nothing}</button></th><td>${entry.vehicle}</td><td>${entry.advisor}</td><td>${promised ?? html`<span class="muted">${t('notPromised')}</span>`}</td><td><span class=${row.unknown ? 'muted' : ''}>${this.#sourceShown(row)}</span>${row.saving ? this.#savingView(row) : nothing}${row.failure ? this.#failureView(row, entry.customerName) : nothing}</td></tr>`;
  }

  /** The lookups naming sources, built once per read of the sources. */
  #describer: { data: SourceData; describe: ReturnType<typeof sourceDescriber> } | null = null;
  /** The picker's groups, built once per read of the sources. */
  #grouped: { data: SourceData; groups: PickerGroup[] } | null = null;

  #groups(data: SourceData): PickerGroup[] {
    if (this.#grouped?.data !== data) this.#grouped = { data, groups: groupSourcesForPicker(data.sources, data.categories) };
    return this.#grouped.groups;
  }

  #sourceName(sourceId: string | null): string | null {
    const data = this.#sources.value;
    if (!data) return null;
    if (this.#describer?.data !== data) this.#describer = { data, describe: sourceDescriber(data.sources, data.categories) };
    const described = this.#describer.describe(sourceId);
    return described ? `${described.categoryName} › ${described.sourceName}` : null;
  }

  /** The same as `#sourceName`, the category's and the source's names each in a `<bdi>` (one flat template a row). */
  #sourceNameView(sourceId: string | null): TemplateResult | null {
    // `#sourceName` builds the describer of the sources read.
    if (this.#sourceName(sourceId) === null) return null;
    const { categoryName, sourceName } = this.#describer!.describe(sourceId)!;
    return html`<bdi>${categoryName}</bdi> › <bdi>${sourceName}</bdi>`;
  }

  /** What the source cell names: the source, "Unknown", or that one is set whose name is not known. */
  #sourceShown(row: RowView): TemplateResult | string {
    return row.unknown ? t('unknown') : (this.#sourceNameView(row.sourceId) ?? t('sourceSetNoName'));
  }

  #savingView(row: RowView): TemplateResult {
    return html` <span class="pending" role="status">${row.saving === 'waiting' ? (serverWaitText(row.write?.error, Date.now(), this.#zone.zone) ?? t('waiting')) : t('saving')}</span>`;
  }

  #failureView(row: RowView, name: string): TemplateResult {
    const failure = row.failure!;
    if (failure.kind === 'conflict') {
      const current = row.write?.theirs ?? null;
      const now = current ? (this.#sourceName(current.sourceId) ?? t('currentUnknown')) : t('currentUnknown');
      return html`<div class="failure">
        <p role="alert">${isolateIn((customer, current) => t('conflict', customer, current), name, now)}</p>
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
        <p>${isolateIn((customer) => t('saveFailed', customer), name)} ${message}</p>
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

  #pickerView(entry: BoardEntry, rows: readonly RowView[]): TemplateResult {
    const row = rows.find((r) => r.entry.customerId === entry.customerId);
    const sourceId = row ? row.sourceId : entry.sourceId;
    const unknown = row ? row.unknown : entry.sourceUnknown;
    const currentName = unknown ? null : this.#sourceName(sourceId);
    let canSave = false;
    const body = this.#sources.render({
      complete: (data) => {
        const groups = this.#groups(data);
        if (!groups.length) return html`<p role="status">${t('pickerNoSources')}</p>`;
        canSave = true;
        this.#choose = (select) => choosePickerEntry(select, groups, unknown ? null : sourceId);
        return html`<div class="field">
          <label for="picker-source">${t('pickerLabel')}</label>
          <select id="picker-source" name="source" required @keydown=${this.#onSelectKey}>
            ${pickerOptions(groups)}
          </select>
        </div>`;
      },
      lines: 1,
      loading: t('pickerLoading'),
    });
    return html`<dialog part="picker" aria-labelledby="picker-title" @cancel=${this.#onCancel}>
      <form @submit=${this.#onSubmit}>
        <h2 id="picker-title">${isolateIn((customer) => t('pickerTitle', customer), entry.customerName)}</h2>
        <p class="muted">${currentName ? isolateIn((name) => t('pickerCurrent', name), currentName) : t('pickerCurrentUnknown')}</p>
        ${body}
        <div class="actions">
          ${canSave ? html`<button type="submit" class="fc-button fc-button--primary">${t('save')}</button>` : nothing}
          <button type="button" class="fc-button" @click=${() => void this.#close()}>${t('cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }
}
