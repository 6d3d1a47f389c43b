import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { consume } from '@lit/context';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { ForecourtAdapter, SourceUpdate, SourcesApi } from '../../data/adapter.js';
import { AdapterError, isAdapterError } from '../../data/errors.js';
import type { PosSource, SourceCategory } from '../../data/model.js';
import { COMPLETE_MAPPING_CATEGORY_ID, DEFAULT_CATEGORIES, mappingStatus } from '../../data/logic/sources.js';
import { editableName, filterSources, mappingSuggestions, newCategoryId, posSourceOf, uniqueById } from '../../data/logic/source-mapping.js';
import { adapterContext } from '../shared/adapter-context.js';
import { AdapterEventsController } from '../shared/controllers/adapter-events.js';
import { FcElement } from '../shared/fc-element.js';
import { formatCount } from '../shared/messages.js';
import { describeError, errorView, loadingView, stateStyles, unsupportedView } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { FC_MAPPING_COMPLETE, FC_SOURCE_MAPPING_CHANGE } from './source-mapping-editor.events.js';
import { t } from './source-mapping-editor.messages.js';
import { styles } from './source-mapping-editor.styles.js';
import { badge, categoryOptions, categoryText, mappingText, progressView, sourceLabel } from './source-mapping-editor.view.js';

type WriteMethod = 'update' | 'create' | 'saveCategory' | 'completeMapping';

/** A write of this editor (or found in the outbox) that is not confirmed yet. */
interface Mark {
  key: string;
  method: string;
  args: unknown;
  status: 'pending' | 'sending' | 'failed' | 'conflict';
  error?: { kind: string; message: string; status: number; body?: unknown };
}

interface Draft {
  id: string;
  categoryId: string;
  name: string;
  error: string;
}

interface Loaded {
  sources: PosSource[];
  categories: SourceCategory[];
}

const isUpdate = (mark: Mark): mark is Mark & { args: SourceUpdate } =>
  mark.method === 'update' && typeof mark.args === 'object' && mark.args !== null && 'id' in mark.args;

/** The server's current source in a conflict's body, if it is one. */
function currentOf(mark: Mark): PosSource | null {
  const body = mark.error?.body;
  const current = typeof body === 'object' && body !== null && 'current' in body ? (body as { current: unknown }).current : undefined;
  return posSourceOf(current);
}

/**
 * Maps every customer source imported from the PoS to a main category: edit (category and
 * subcategory name), delete as irrelevant and restore, suggestions from the code's text accepted
 * one by one or all at once, "Customer source mapping done" for the rest, and a shop's own
 * categories and sources. Writes go through the adapter (the cache's outbox when it has one);
 * unsent ones are marked pending and a conflicting one is shown with both values and a choice.
 *
 * @customElement fc-source-mapping-editor
 * @fires fc-mapping-complete - "Customer source mapping done" was confirmed. detail: {mapped}
 * @fires fc-source-mapping-change - A change the user made to a source was confirmed. detail: {source}
 * @csspart heading - The widget's heading.
 * @csspart progress - The "n of m mapped" line with its progress bar.
 * @csspart toolbar - Search, filters and the bulk buttons.
 * @csspart table - The table of sources.
 * @csspart row - One source's row.
 * @csspart badge - A status badge (not mapped, deleted, waiting to send ...).
 * @csspart conflict - The panel of a conflicting or failed change.
 * @csspart own - The section to add the shop's own categories and sources.
 * @csspart dialog - The confirmation of "Customer source mapping done".
 * @csspart state - A loading, empty, unsupported or error state.
 * @csspart retry-button - Retry in an error state.
 * @cssproperty --fc-source-mapping-editor-accent - Progress bar, primary buttons and suggestions.
 * @cssproperty --fc-source-mapping-editor-row-highlight - Background of the row being edited.
 */
export class FcSourceMappingEditor extends FcElement {
  static override styles = [tokens, shared, stateStyles, styles];

  /** The data adapter; provided by `<fc-data-provider>` or set by the host. */
  @consume({ context: adapterContext, subscribe: true })
  @property({ attribute: false })
  adapter?: ForecourtAdapter;

  @state() private sources: PosSource[] | null = null;
  @state() private categories: SourceCategory[] = [];
  @state() private filterText = '';
  @state() private unmappedOnly = false;
  @state() private showDeleted = false;
  @state() private draft: Draft | null = null;
  @state() private notice = '';
  @state() private confirmCount = 0;
  @state() private newCategoryName = '';
  @state() private newCategoryError = '';
  @state() private newSourceName = '';
  @state() private newSourceCategory = '';
  @state() private newSourceError = '';

  @query('dialog') private dialog?: HTMLDialogElement;

  /** This editor's own unconfirmed writes, by idempotency key. */
  readonly #local = new Map<string, Mark>();
  #reloadQueued = false;
  /** Where focus goes after the next render: a selector inside the shadow root. */
  #focusAfter: (() => HTMLElement | null | undefined) | null = null;
  #suggestionsFor: readonly PosSource[] | null = null;
  #suggestions = new Map<string, { categoryId: string; name: string }>();

  readonly #events = new AdapterEventsController(this, {
    adapter: () => this.adapter,
    domains: ['sources'],
    onChange: () => this.#reload(),
  });

  readonly #load = new Task(this, {
    task: async ([adapter], { signal }): Promise<Loaded | typeof initialState> => {
      const api = adapter?.sources;
      if (!api) return initialState;
      const [sources, categories] = await Promise.all([api.list({ signal }), api.categories({ signal })]);
      if (!Array.isArray(sources) || !Array.isArray(categories)) {
        throw new AdapterError({ kind: 'malformed', message: 'The list of sources or categories is not a list.' });
      }
      // A list that repeats an id would show one source as many rows, all opened by one Edit.
      return { sources: uniqueById(sources), categories: uniqueById(categories).sort((a, b) => a.order - b.order) };
    },
    args: () => [this.adapter] as const,
    onComplete: (value: Loaded) => {
      this.sources = value.sources;
      this.categories = value.categories;
    },
  });

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') && changed.get('adapter') !== undefined) {
      // Another host adapter: what was shown belongs to the old one.
      this.sources = null;
      this.categories = [];
      this.draft = null;
      this.#local.clear();
    }
  }

  protected override updated(): void {
    if (!this.#focusAfter) return;
    const target = this.#focusAfter();
    this.#focusAfter = null;
    target?.focus();
  }

  // ───────────── derived ─────────────

  /** Unconfirmed writes: the outbox's (they survive reloads and come from other tabs too), then ours not in it. */
  #marks(): Mark[] {
    const marks = new Map<string, Mark>();
    for (const entry of this.#events.entries) {
      if (entry.status === 'confirmed') continue;
      marks.set(entry.key, { key: entry.key, method: entry.method, args: entry.args, status: entry.status, error: entry.error });
    }
    for (const [key, mark] of this.#local) if (!marks.has(key)) marks.set(key, mark);
    return [...marks.values()];
  }

  #suggestionMap(sources: readonly PosSource[]): Map<string, { categoryId: string; name: string }> {
    if (this.#suggestionsFor !== sources) {
      this.#suggestionsFor = sources;
      this.#suggestions = mappingSuggestions(sources);
    }
    return this.#suggestions;
  }

  get #categoryNames(): Map<string, string> {
    return new Map(this.categories.map((c) => [c.id, c.name]));
  }

  get #otherNewName(): string {
    return (
      this.categories.find((c) => c.id === COMPLETE_MAPPING_CATEGORY_ID)?.name ??
      DEFAULT_CATEGORIES.find((c) => c.id === COMPLETE_MAPPING_CATEGORY_ID)!.name
    );
  }

  // ───────────── loading ─────────────

  /** Re-reads once for a burst of changes (e.g. "Accept all" confirming many writes). */
  #reload(): void {
    if (this.#reloadQueued) return;
    this.#reloadQueued = true;
    setTimeout(() => {
      this.#reloadQueued = false;
      if (this.isConnected && this.adapter?.sources) void this.#load.run();
    });
  }

  #patch(source: PosSource): void {
    if (!this.sources) return;
    this.#keepFocus(source);
    const i = this.sources.findIndex((s) => s.id === source.id);
    const next = [...this.sources];
    if (i === -1) next.push(source);
    else next[i] = { ...source, customerCount: source.customerCount ?? next[i]!.customerCount };
    this.sources = next;
  }

  /** When a change hides the row holding focus (a filter no longer keeps it), focus moves to the next row. */
  #keepFocus(source: PosSource): void {
    const filter = { text: this.filterText, unmappedOnly: this.unmappedOnly, showDeleted: this.showDeleted };
    if (filterSources([source], filter).length) return;
    const active = this.shadowRoot?.activeElement;
    let row = active?.closest('tr');
    // A source's conflict panel is the row after its own.
    if (row?.classList.contains('row--problem')) row = row.previousElementSibling as HTMLTableRowElement | null;
    if (!row || row.dataset['id'] !== source.id) return;
    const id = (siblingRow(row, 'nextElementSibling') ?? siblingRow(row, 'previousElementSibling'))?.dataset['id'];
    this.#focusAfter = () =>
      (id ? (this.#rowButton(id, 'edit') ?? this.#rowButton(id, 'restore')) : undefined) ??
      this.renderRoot.querySelector<HTMLElement>('input[type=search]');
  }

  // ───────────── writes ─────────────

  async #write<R>(method: WriteMethod, args: unknown, key: string = crypto.randomUUID()): Promise<R | undefined> {
    const api = this.adapter?.sources as (SourcesApi & Record<string, unknown>) | undefined;
    if (!api || !this.isConnected) return undefined;
    const mark: Mark = { key, method, args, status: 'pending' };
    this.#local.set(key, mark);
    this.requestUpdate();
    try {
      const fn = api[method] as (...a: unknown[]) => Promise<R>;
      if (typeof fn !== 'function') throw new AdapterError({ kind: 'unsupported', message: `This host does not provide sources.${method}.` });
      const result = await (method === 'completeMapping' ? fn.call(api, { idempotencyKey: key }) : fn.call(api, args, { idempotencyKey: key }));
      this.#local.delete(key);
      this.requestUpdate();
      this.#reload();
      return result;
    } catch (error) {
      // Discarded meanwhile (Use theirs, Retry): that outcome is already handled.
      if (this.#local.get(key) !== mark) return undefined;
      const e = isAdapterError(error)
        ? { kind: error.kind, message: error.message, status: error.status, body: error.body }
        : { kind: 'unknown', message: error instanceof Error ? error.message : String(error), status: 0 };
      if (e.kind === 'aborted') this.#local.delete(key);
      else this.#local.set(key, { ...mark, status: e.kind === 'conflict' ? 'conflict' : 'failed', error: e });
      this.requestUpdate();
      return undefined;
    }
  }

  /** Drops an unconfirmed write here and from the outbox. */
  async #forget(mark: Mark): Promise<void> {
    this.#local.delete(mark.key);
    this.requestUpdate();
    await this.#events.cached?.outbox.discard(mark.key);
  }

  /** The version a new change to `source` is based on: the server's, plus the changes still on their way. */
  #expectedVersion(source: PosSource, marks: readonly Mark[]): number {
    const queued = marks.filter((m) => isUpdate(m) && m.args.id === source.id && (m.status === 'pending' || m.status === 'sending'));
    return source.version + queued.length;
  }

  #update(source: PosSource, change: Omit<SourceUpdate, 'id' | 'expectedVersion'>, done: (s: PosSource) => string): Promise<boolean> {
    return this.#sendUpdate({ id: source.id, expectedVersion: this.#expectedVersion(source, this.#marks()), ...change }, done);
  }

  async #sendUpdate(update: SourceUpdate, done: (s: PosSource) => string, key?: string): Promise<boolean> {
    const result = await this.#write<PosSource>('update', update, key);
    if (!result) return false;
    this.#patch(result);
    this.notice = done(result);
    this.emit(FC_SOURCE_MAPPING_CHANGE, { source: result });
    return true;
  }

  #startEdit(source: PosSource, shown: PosSource): void {
    const suggestion = this.#suggestionMap(this.sources ?? []).get(source.id);
    this.draft = {
      id: source.id,
      categoryId: shown.categoryId ?? suggestion?.categoryId ?? '',
      name: editableName(shown),
      error: '',
    };
    this.#focusAfter = () => this.renderRoot.querySelector<HTMLElement>('tr.row--editing select');
  }

  #cancelEdit(): void {
    const id = this.draft?.id;
    this.draft = null;
    if (id) this.#focusAfter = () => this.#rowButton(id, 'edit');
  }

  #saveEdit(source: PosSource): void {
    const draft = this.draft;
    if (!draft || draft.id !== source.id) return;
    const name = draft.name.trim();
    if (!draft.categoryId) {
      this.draft = this.inLocale(() => ({ ...draft, error: t('categoryRequired') }));
      return;
    }
    if (!name) {
      this.draft = this.inLocale(() => ({ ...draft, error: t('nameRequired') }));
      return;
    }
    this.draft = null;
    this.#focusAfter = () => this.#rowButton(source.id, 'edit') ?? this.renderRoot.querySelector<HTMLElement>('input[type=search]');
    void this.#update(source, { categoryId: draft.categoryId, name }, (s) => t('savedSource', sourceLabel(s)));
  }

  #rowButton(id: string, action: string): HTMLElement | undefined {
    return [...this.renderRoot.querySelectorAll<HTMLElement>(`button[data-action="${action}"]`)].find((b) => b.dataset['id'] === id);
  }

  #accept(source: PosSource): void {
    const suggestion = this.#suggestionMap(this.sources ?? []).get(source.id);
    if (!suggestion) return;
    const name = source.name?.trim() ? source.name : suggestion.name;
    this.#focusAfter = () => this.#rowButton(source.id, 'edit');
    void this.#update(source, { categoryId: suggestion.categoryId, name }, (s) => t('savedSource', sourceLabel(s)));
  }

  async #acceptAll(ids: readonly string[]): Promise<void> {
    const byId = new Map((this.sources ?? []).map((s) => [s.id, s]));
    const suggestions = this.#suggestionMap(this.sources ?? []);
    const results = await Promise.all(
      ids.map((id) => {
        const source = byId.get(id)!;
        const suggestion = suggestions.get(id)!;
        const name = source.name?.trim() ? source.name : suggestion.name;
        return this.#update(source, { categoryId: suggestion.categoryId, name }, (s) => t('savedSource', sourceLabel(s)));
      }),
    );
    const accepted = results.filter(Boolean).length;
    if (accepted) this.notice = this.inLocale(() => t('acceptedAll', formatCount(accepted)));
  }

  async #resolveConflict(mark: Mark, choice: 'theirs' | 'mine'): Promise<void> {
    if (!isUpdate(mark)) return;
    let current = currentOf(mark);
    const id = mark.args.id;
    // Not awaited before the new write is queued, so leaving the page right after the click loses nothing.
    const forgotten = this.#forget(mark);
    if (!current) {
      // No current record in the answer: read it.
      const list = await this.adapter?.sources?.list().catch(() => null);
      current = list?.find((s) => s.id === id) ?? null;
    }
    this.#focusAfter = () => this.#rowButton(id, 'edit');
    if (current) this.#patch(current);
    if (choice === 'theirs' || !current) {
      this.#reload();
      await forgotten;
      return;
    }
    const { id: _id, expectedVersion: _v, ...change } = mark.args;
    await Promise.all([forgotten, this.#update(current, change, (s) => t('savedSource', sourceLabel(s)))]);
  }

  /**
   * Sends a failed write again as it was, under its own key: if the server applied it before its
   * answer was lost, it is not applied twice (a source or category is not added twice).
   */
  async #resend(mark: Mark): Promise<void> {
    // Queued again at once (the outbox lets the discard of the same key finish first), so leaving
    // the page right after Retry loses nothing.
    const forgotten = this.#forget(mark);
    let sent: Promise<unknown> | undefined;
    if (isUpdate(mark)) {
      sent = this.#sendUpdate(mark.args, (s) => t('savedSource', sourceLabel(s)), mark.key);
    } else if (mark.method === 'create') {
      sent = this.#createSource(mark.args as { categoryId: string; name: string }, mark.key);
    } else if (mark.method === 'saveCategory') {
      sent = this.#createCategory(mark.args as { id: string; name: string }, mark.key);
    } else if (mark.method === 'completeMapping') {
      sent = this.#completeMapping(mark.key);
    }
    await Promise.all([forgotten, sent]);
  }

  // ───────────── mapping done ─────────────

  #openConfirm(count: number): void {
    this.confirmCount = count;
    if (this.dialog && !this.dialog.open) this.dialog.showModal();
  }

  #closeConfirm(): void {
    if (this.dialog?.open) this.dialog.close();
  }

  #onDialogClose(): void {
    this.#focusAfter = () => this.renderRoot.querySelector<HTMLElement>('button[data-action="done"]');
    this.requestUpdate();
  }

  async #confirmDone(): Promise<void> {
    this.#closeConfirm();
    await this.#completeMapping();
  }

  async #completeMapping(key?: string): Promise<void> {
    this.notice = this.inLocale(() => t('completing'));
    const result = await this.#write<{ mapped: number }>('completeMapping', undefined, key);
    if (!result) {
      this.notice = '';
      return;
    }
    const mapped = Number(result.mapped) || 0;
    this.notice = this.inLocale(() => t('completed', formatCount(mapped), this.#otherNewName));
    this.emit(FC_MAPPING_COMPLETE, { mapped });
  }

  // ───────────── own categories and sources ─────────────

  #onAddCategory(event: Event): void {
    event.preventDefault();
    const name = this.newCategoryName.trim();
    if (!name) {
      this.newCategoryError = this.inLocale(() => t('nameRequired'));
      return;
    }
    this.newCategoryError = '';
    void this.#createCategory({ id: newCategoryId(name, this.categories), name });
  }

  async #createCategory(input: { id: string; name: string }, key?: string): Promise<void> {
    this.notice = this.inLocale(() => t('adding', input.name));
    const category = await this.#write<SourceCategory>('saveCategory', input, key);
    if (!category) return;
    if (this.newCategoryName.trim() === input.name) this.newCategoryName = '';
    if (!this.categories.some((c) => c.id === category.id)) this.categories = [...this.categories, category];
    this.notice = this.inLocale(() => t('addedCategory', category.name));
  }

  #onAddSource(event: Event): void {
    event.preventDefault();
    const name = this.newSourceName.trim();
    if (!name) {
      this.newSourceError = this.inLocale(() => t('nameRequired'));
      return;
    }
    if (!this.newSourceCategory) {
      this.newSourceError = this.inLocale(() => t('categoryRequired'));
      return;
    }
    this.newSourceError = '';
    void this.#createSource({ categoryId: this.newSourceCategory, name });
  }

  async #createSource(input: { categoryId: string; name: string }, key?: string): Promise<void> {
    this.notice = this.inLocale(() => t('adding', input.name));
    const source = await this.#write<PosSource>('create', input, key);
    if (!source) return;
    if (this.newSourceName.trim() === input.name) this.newSourceName = '';
    this.#patch(source);
    this.notice = this.inLocale(() => t('addedSource', source.name));
    this.emit(FC_SOURCE_MAPPING_CHANGE, { source });
  }

  // ───────────── render ─────────────

  protected override render(): TemplateResult {
    if (!this.adapter?.sources) return unsupportedView('sources');
    if (!this.sources) {
      return this.#load.status === TaskStatus.ERROR
        ? errorView(this.#load.error, () => this.#load.run())
        : loadingView(6);
    }
    return this.#editor(this.sources);
  }

  #editor(sources: PosSource[]): TemplateResult {
    const marks = this.#marks();
    const names = this.#categoryNames;
    const status = mappingStatus(sources, []);
    const suggestions = this.#suggestionMap(sources);
    const updatesById = new Map<string, Mark[]>();
    for (const m of marks) {
      if (!isUpdate(m)) continue;
      const list = updatesById.get(m.args.id) ?? [];
      list.push(m);
      updatesById.set(m.args.id, list);
    }
    const waiting = marks.filter((m) => m.status === 'pending' || m.status === 'sending').length;
    const unmapped = status.total - status.mapped;
    const acceptable = [...suggestions.keys()].filter((id) => !updatesById.has(id));
    const shown = filterSources(sources, { text: this.filterText, unmappedOnly: this.unmappedOnly, showDeleted: this.showDeleted });
    const completing = marks.find((m) => m.method === 'completeMapping');
    const reloadFailed = this.#load.status === TaskStatus.ERROR;

    return html`<section class="editor" aria-labelledby="heading">
      <h2 id="heading" part="heading">${t('heading')}</h2>
      <p class="intro">${t('intro')}</p>
      ${progressView(status.mapped, status.total, waiting)}
      ${reloadFailed
        ? html`<div class="reload-error">${errorView(this.#load.error, () => this.#load.run(), { retryLabel: `${t('retry')}: ${t('reloadFailed')}` })}</div>`
        : nothing}

      <div class="toolbar" part="toolbar">
        <div class="toolbar__filters">
          <label class="field">
            <span>${t('search')}</span>
            <input
              type="search"
              placeholder=${t('searchHint')}
              .value=${this.filterText}
              @input=${(e: Event) => (this.filterText = (e.target as HTMLInputElement).value)}
            />
          </label>
          <label class="check">
            <input type="checkbox" .checked=${this.unmappedOnly} @change=${(e: Event) => (this.unmappedOnly = (e.target as HTMLInputElement).checked)} />
            ${t('unmappedOnly')}
          </label>
          <label class="check">
            <input type="checkbox" .checked=${this.showDeleted} @change=${(e: Event) => (this.showDeleted = (e.target as HTMLInputElement).checked)} />
            ${t('showDeleted')}
          </label>
        </div>
        <div class="toolbar__actions">
          ${acceptable.length
            ? html`<button type="button" class="fc-button" data-action="accept-all" @click=${() => {
                this.#focusAfter = () => this.renderRoot.querySelector<HTMLElement>('button[data-action="done"]:not(:disabled), input[type=search]');
                void this.#acceptAll(acceptable);
              }}>
                ${t('acceptAll', formatCount(acceptable.length))}
              </button>`
            : nothing}
          <button
            type="button"
            class="fc-button fc-button--primary"
            data-action="done"
            aria-describedby=${unmapped === 0 ? 'done-hint' : nothing}
            ?disabled=${unmapped === 0 || !!completing}
            @click=${() => this.#openConfirm(unmapped)}
          >
            ${t('done')}
          </button>
          ${unmapped === 0 ? html`<span id="done-hint" class="hint">${t('doneNothing')}</span>` : nothing}
        </div>
      </div>
      ${completing ? this.#markPanel(completing, names, html`${t('completing')}`) : nothing}

      <p class="notice" role="status">${this.notice}</p>
      ${sources.length === 0
        ? html`<div class="fc-state fc-state--empty" part="state empty"><p class="fc-state__message">${t('noSources')}</p></div>`
        : html`<p class="count">${t('showing', formatCount(shown.length), formatCount(sources.filter((s) => !s.deleted || this.showDeleted).length))}</p>
            ${shown.length === 0 ? html`<p class="fc-state" part="state empty">${t('noMatches')}</p>` : this.#table(shown, updatesById, suggestions, names)}`}
      ${this.#own(marks, names)} ${this.#confirmDialog()}
    </section>`;
  }

  #table(
    shown: PosSource[],
    updatesById: Map<string, Mark[]>,
    suggestions: Map<string, { categoryId: string; name: string }>,
    names: Map<string, string>,
  ): TemplateResult {
    return html`<div class="table-wrap">
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
        <tbody>
          ${repeat(
            shown,
            (s) => s.id,
            (s) => this.#row(s, updatesById.get(s.id) ?? [], suggestions.get(s.id), names),
          )}
        </tbody>
      </table>
    </div>`;
  }

  #row(
    source: PosSource,
    marks: Mark[],
    suggestion: { categoryId: string; name: string } | undefined,
    names: Map<string, string>,
  ): TemplateResult {
    const label = sourceLabel(source);
    const queued = marks.filter((m) => m.status === 'pending' || m.status === 'sending');
    const problem = marks.find((m) => m.status === 'conflict' || m.status === 'failed');
    // What the user will see once their queued changes land.
    const shown: PosSource = queued.reduce<PosSource>((s, m) => {
      const { id: _id, expectedVersion: _v, ...change } = m.args as SourceUpdate;
      return { ...s, ...(change as Partial<PosSource>) };
    }, source);
    const editing = this.draft?.id === source.id ? this.draft : null;
    const busy = queued.length > 0 || !!problem;
    const last = queued[queued.length - 1];
    const coded = source.origin !== 'shop' && !!source.code.trim();

    const stateBadge = last
      ? badge(
          last.status === 'sending' ? t('sending') : last.error ? t('retrying') : t('pending'),
          'pending',
        )
      : nothing;

    return html`<tr part="row" class="row ${editing ? 'row--editing' : ''} ${shown.deleted ? 'row--deleted' : ''}" data-id=${source.id}>
        <th scope="row">
          <span class=${coded ? 'code' : 'code code--none'}>${coded ? source.code : source.origin === 'shop' ? badge(t('originShop'), 'accent') : '—'}</span>
          ${shown.deleted ? badge(t('deleted'), 'muted') : nothing}
        </th>
        <td>
          ${editing
            ? html`<input
                class="input"
                .value=${editing.name}
                aria-label=${t('editName', label)}
                aria-invalid=${editing.error === t('nameRequired') ? 'true' : 'false'}
                aria-describedby=${editing.error ? 'edit-error' : nothing}
                @input=${(e: Event) => (this.draft = { ...this.draft!, name: (e.target as HTMLInputElement).value })}
                @keydown=${(e: KeyboardEvent) => this.#editKey(e, source)}
              />`
            : html`<span class="name">${shown.name}</span>`}
        </td>
        <td>
          ${editing
            ? html`<select
                  class="input"
                  aria-label=${t('editCategory', label)}
                  aria-describedby=${editing.error ? 'edit-error' : nothing}
                  @change=${(e: Event) => (this.draft = { ...this.draft!, categoryId: (e.target as HTMLSelectElement).value })}
                  @keydown=${(e: KeyboardEvent) => this.#editKey(e, source)}
                >
                  ${categoryOptions(this.categories, editing.categoryId)}
                </select>
                ${editing.error ? html`<p id="edit-error" class="field-error" role="alert">${editing.error}</p>` : nothing}`
            : shown.categoryId
              ? html`<span>${categoryText(shown.categoryId, names)}</span>`
              : badge(t('notMapped'), 'warn')}
          ${stateBadge}
        </td>
        <td class="fc-num">${formatCount(Number(source.customerCount) || 0)}</td>
        <td>
          ${suggestion && !shown.categoryId && !shown.deleted
            ? html`<span class="suggestion">${categoryText(suggestion.categoryId, names)} / ${suggestion.name}</span>
                ${busy
                  ? nothing
                  : html`<button
                      type="button"
                      class="fc-button fc-button--small"
                      data-action="accept"
                      data-id=${source.id}
                      aria-label=${`${t('accept')} ${label}`}
                      @click=${() => this.#accept(source)}
                    >
                      ${t('accept')}
                    </button>`}`
            : nothing}
        </td>
        <td class="actions">
          ${editing
            ? html`<button type="button" class="fc-button fc-button--primary fc-button--small" data-action="save" data-id=${source.id} aria-label=${`${t('save')} ${label}`} @click=${() => this.#saveEdit(source)}>
                  ${t('save')}
                </button>
                <button type="button" class="fc-button fc-button--small" data-action="cancel" data-id=${source.id} @click=${() => this.#cancelEdit()}>
                  ${t('cancel')}
                </button>`
            : shown.deleted
              ? html`<button
                  type="button"
                  class="fc-button fc-button--small"
                  data-action="restore"
                  data-id=${source.id}
                  aria-label=${`${t('restore')} ${label}`}
                  ?disabled=${!!problem}
                  @click=${() => {
                    this.#focusAfter = () => this.#rowButton(source.id, 'edit') ?? this.#rowButton(source.id, 'restore');
                    void this.#update(source, { deleted: false }, (s) => t('restoredSource', sourceLabel(s)));
                  }}
                >
                  ${t('restore')}
                </button>`
              : html`<button
                    type="button"
                    class="fc-button fc-button--small"
                    data-action="edit"
                    data-id=${source.id}
                    aria-label=${`${t('edit')} ${label}`}
                    ?disabled=${!!problem}
                    @click=${() => this.#startEdit(source, shown)}
                  >
                    ${t('edit')}
                  </button>
                  <button
                    type="button"
                    class="fc-button fc-button--small"
                    data-action="delete"
                    data-id=${source.id}
                    aria-label=${`${t('delete')} ${label}`}
                    ?disabled=${!!problem}
                    @click=${() => {
                      this.#focusAfter = () =>
                        this.#rowButton(source.id, 'restore') ?? this.renderRoot.querySelector<HTMLElement>('input[type=search]');
                      void this.#update(source, { deleted: true }, (s) => t('deletedSource', sourceLabel(s)));
                    }}
                  >
                    ${t('delete')}
                  </button>`}
        </td>
      </tr>
      ${problem
        ? html`<tr class="row--problem">
            <td colspan="6">${this.#markPanel(problem, names, nothing, source)}</td>
          </tr>`
        : nothing}`;
  }

  #editKey(event: KeyboardEvent, source: PosSource): void {
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#saveEdit(source);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.#cancelEdit();
    }
  }

  /** A conflicting, failed or queued write: what happened, and the choices. */
  #markPanel(mark: Mark, names: Map<string, string>, pendingText: unknown, source?: PosSource): TemplateResult {
    if (mark.status === 'pending' || mark.status === 'sending') {
      return html`<div class="mark" part="conflict">${pendingText} ${badge(mark.status === 'sending' ? t('sending') : t('pending'), 'pending')}</div>`;
    }
    const label = source ? sourceLabel(source) : '';
    if (mark.status === 'conflict' && isUpdate(mark)) {
      const current = currentOf(mark);
      const mine = mark.args;
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
        : describeError(errorOf(mark)).message;
      return html`<div class="mark mark--conflict" part="conflict" role="alert">
        <p><strong>${label}:</strong> ${theirs} ${mineText}</p>
        <div class="mark__actions">
          <button type="button" class="fc-button fc-button--small" data-action="theirs" data-id=${mine.id} aria-label=${`${t('useTheirs')} ${label}`} @click=${() => void this.#resolveConflict(mark, 'theirs')}>
            ${t('useTheirs')}
          </button>
          <button type="button" class="fc-button fc-button--small" data-action="mine" data-id=${mine.id} aria-label=${`${t('applyMine')} ${label}`} @click=${() => void this.#resolveConflict(mark, 'mine')}>
            ${t('applyMine')}
          </button>
        </div>
      </div>`;
    }
    const { message, detail } = describeError(errorOf(mark));
    return html`<div class="mark mark--failed" part="conflict" role="alert">
      <p>${label ? html`<strong>${label}:</strong> ` : nothing}${t('failed', message)}${detail && detail !== message ? html` <span class="detail">${detail}</span>` : nothing}</p>
      <div class="mark__actions">
        <button type="button" class="fc-button fc-button--small" data-action="retry-write" @click=${() => void this.#resend(mark)}>${t('retry')}</button>
        <button
          type="button"
          class="fc-button fc-button--small"
          data-action="discard"
          @click=${() => {
            void this.#forget(mark);
            this.#reload();
          }}
        >
          ${t('discard')}
        </button>
      </div>
    </div>`;
  }

  #own(marks: Mark[], names: Map<string, string>): TemplateResult {
    const creating = marks.filter((m) => m.method === 'create' || m.method === 'saveCategory');
    return html`<section class="own" part="own" aria-labelledby="own-heading">
      <h3 id="own-heading">${t('ownHeading')}</h3>
      <p class="intro">${t('ownIntro')}</p>
      <p id="categories-label" class="label">${t('categories')}</p>
      <ul class="categories" aria-labelledby="categories-label">
        ${this.categories.map((c) => html`<li>${c.name}${c.builtIn ? nothing : html` <span class="muted">(${t('yours')})</span>`}</li>`)}
      </ul>
      <div class="own__forms">
        <form class="own__form" novalidate @submit=${(e: Event) => this.#onAddCategory(e)}>
          <label class="field">
            <span>${t('newCategory')}</span>
            <input
              class="input"
              name="category-name"
              .value=${this.newCategoryName}
              aria-invalid=${this.newCategoryError ? 'true' : 'false'}
              aria-describedby="new-category-error"
              @input=${(e: Event) => (this.newCategoryName = (e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" class="fc-button" data-action="add-category">${t('addCategory')}</button>
          <p id="new-category-error" class="field-error">${this.newCategoryError}</p>
        </form>
        <form class="own__form" novalidate @submit=${(e: Event) => this.#onAddSource(e)}>
          <label class="field">
            <span>${t('newSource')}</span>
            <input
              class="input"
              name="source-name"
              .value=${this.newSourceName}
              aria-invalid=${this.newSourceError === t('nameRequired') ? 'true' : 'false'}
              aria-describedby="new-source-error"
              @input=${(e: Event) => (this.newSourceName = (e.target as HTMLInputElement).value)}
            />
          </label>
          <label class="field">
            <span>${t('newSourceCategory')}</span>
            <select
              class="input"
              name="source-category"
              aria-describedby="new-source-error"
              @change=${(e: Event) => (this.newSourceCategory = (e.target as HTMLSelectElement).value)}
            >
              ${categoryOptions(this.categories, this.newSourceCategory)}
            </select>
          </label>
          <button type="submit" class="fc-button" data-action="add-source">${t('addSource')}</button>
          <p id="new-source-error" class="field-error">${this.newSourceError}</p>
        </form>
      </div>
      ${creating.length
        ? html`<ul class="creating">
            ${creating.map((m) => {
              const name = String((m.args as { name?: unknown } | undefined)?.name ?? '');
              return html`<li>${this.#markPanel(m, names, t('adding', name))}</li>`;
            })}
          </ul>`
        : nothing}
    </section>`;
  }

  #confirmDialog(): TemplateResult {
    const count = formatCount(this.confirmCount);
    return html`<dialog part="dialog" aria-labelledby="confirm-title" aria-describedby="confirm-text" @close=${() => this.#onDialogClose()}>
      <h3 id="confirm-title">${t('confirmTitle')}</h3>
      <p id="confirm-text">${t('confirmText', count, this.#otherNewName)}</p>
      <div class="dialog__actions">
        <button type="button" class="fc-button fc-button--primary" data-action="confirm-done" @click=${() => void this.#confirmDone()}>
          ${t('confirmOk', count)}
        </button>
        <button type="button" class="fc-button" data-action="cancel-done" autofocus @click=${() => this.#closeConfirm()}>${t('cancel')}</button>
      </div>
    </dialog>`;
  }
}

/** The nearest source row before or after `row`, skipping conflict panels. */
function siblingRow(row: Element, direction: 'nextElementSibling' | 'previousElementSibling'): HTMLElement | null {
  let next = row[direction];
  while (next && !next.classList.contains('row')) next = next[direction];
  return next as HTMLElement | null;
}

function errorOf(mark: Mark): AdapterError {
  const e = mark.error;
  return new AdapterError({
    kind: (e?.kind ?? 'unknown') as AdapterError['kind'],
    status: e?.status ?? 0,
    message: e?.message ?? '',
    body: e?.body,
  });
}
