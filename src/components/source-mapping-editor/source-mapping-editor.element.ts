import { html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import type { ForecourtAdapter, SourceUpdate } from '../../data/adapter.js';
// Ahead of the data modules: in this order the first load gzips smallest (it sits at its budget).
import { mappingDone } from './source-mapping-editor.done.js';
import { ownAdds } from './source-mapping-editor.adds.js';
import { AdapterError } from '../../data/errors.js';
import type { PosSource, SourceCategory } from '../../data/model.js';
import { COMPLETE_MAPPING_CATEGORY_ID, DEFAULT_CATEGORIES, mappingStatus } from '../../data/logic/sources.js';
import { completionPlan, editableName, filterSources, mappingSuggestions, uniqueById } from '../../data/logic/source-mapping.js';
import type { SourceFilter } from '../../data/logic/source-mapping.js';
import { adapterContext } from '../shared/adapter-context.js';
import { ScrollHintController, scrollHintStyles } from '../shared/controllers/scroll-hint.js';
import { QueryController } from '../shared/controllers/query.js';
import { FcElement } from '../shared/fc-element.js';
import { formatCount } from '../shared/messages.js';
import { errorView, stateStyles } from '../shared/states.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';
import { FC_SOURCE_MAPPING_CHANGE } from './source-mapping-editor.events.js';
import { FocusAfterRender } from './source-mapping-editor.focus.js';
import { t } from './source-mapping-editor.messages.js';
import { styles } from './source-mapping-editor.styles.js';
import { categoryOptions, progressView, shownOf, sourceLabel, tableView, toolbarView, writePanel } from './source-mapping-editor.view.js';
import type { Draft, OtherWrite, RowActions, RowView, SourceWrite } from './source-mapping-editor.view.js';
import { COMPLETION, sourceWrites } from './source-mapping-editor.writes.js';

interface Loaded {
  sources: PosSource[];
  categories: SourceCategory[];
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
  static override styles = [tokens, shared, stateStyles, scrollHintStyles, styles];

  /** The data adapter; provided by `<fc-data-provider>` or set by the host. */
  @consume({ context: adapterContext, subscribe: true })
  @property({ attribute: false })
  adapter?: ForecourtAdapter;

  /** The last list read, with the sources and categories this page saw confirmed since. */
  @state() private sources: PosSource[] | null = null;
  @state() private categories: SourceCategory[] = [];
  @state() private filter: Required<SourceFilter> = { text: '', unmappedOnly: false, showDeleted: false };
  @state() private draft: Draft | null = null;
  @state() private notice = '';

  #reloadQueued = false;
  #suggestionsFor: readonly PosSource[] | null = null;
  #suggestions = new Map<string, { categoryId: string; name: string }>();

  /** The template of the shop's own categories and sources, loaded on creation apart from the first load (it sits under the table). */
  @state() private own: typeof import('./source-mapping-editor.own.js') | null = null;

  constructor() {
    super();
    // Marks the table's scroll box while columns are hidden past the edge.
    new ScrollHintController(this);
    void import('./source-mapping-editor.own.js').then((own) => (this.own = own));
  }

  /** Sources and categories, read again on a change of `sources` here or in another tab. */
  readonly #load = new QueryController(this, {
    adapter: () => this.adapter,
    requires: ['sources'],
    read: async (adapter, _args, { signal }): Promise<Loaded> => {
      const [sources, categories] = await Promise.all([adapter.sources.list({ signal }), adapter.sources.categories({ signal })]);
      if (!Array.isArray(sources) || !Array.isArray(categories)) {
        throw new AdapterError({ kind: 'malformed', message: 'The list of sources or categories is not a list.' });
      }
      // A list that repeats an id would show one source as many rows, all opened by one Edit.
      return { sources: uniqueById(sources), categories: uniqueById(categories).sort((a, b) => a.order - b.order) };
    },
    onValue: (value) => {
      this.sources = value.sources;
      this.categories = value.categories;
    },
  });

  /** Writes not confirmed yet: this page's, and the outbox's (they survive a reload). */
  readonly #writes = sourceWrites(this, () => this.adapter, () => this.#confirmed());
  readonly #focus = new FocusAfterRender(this);
  readonly #say = (text: string): void => {
    this.notice = text;
  };
  /** "Customer source mapping done": its confirmation and its write. */
  readonly #done = mappingDone(this, this.#focus, this.#writes.completion, (ids) => this.#acceptAll(ids), () => this.#otherNewName, this.#say);
  /** The shop's own categories and sources being added. */
  readonly #adds = ownAdds(
    this,
    this.#writes,
    () => this.categories,
    (list) => (this.categories = list),
    (source) => this.#patch(source),
    (discard) => this.#drop(discard),
    this.#say,
  );

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('adapter') && changed.get('adapter') !== undefined) {
      // Another host adapter: what was shown belongs to the old one.
      this.sources = null;
      this.categories = [];
      this.draft = null;
    }
  }

  // ───────────── derived ─────────────

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

  /** The source's change still on its way (a write not confirmed and not refused), if any. */
  #queued(id: string): SourceUpdate | null {
    const write = this.#writes.updates.get(id);
    return write && (write.status === 'pending' || write.status === 'sending') ? write.args : null;
  }

  // ───────────── loading ─────────────

  /** Reads again once for a burst of writes (e.g. "Accept all" confirming twenty). */
  #reload(): void {
    if (this.#reloadQueued) return;
    this.#reloadQueued = true;
    setTimeout(() => {
      this.#reloadQueued = false;
      if (this.isConnected) void this.#load.run();
    });
  }

  /**
   * A write of this editor was confirmed: read again (a plain adapter says nothing). A cached
   * adapter's `fc-cache-change` starts a read in the same instant; this one, a task later,
   * supersedes it, as a read started right at the confirmation was seen to answer with the list
   * from before the write on a busy machine.
   */
  #confirmed(): void {
    this.#reload();
  }

  #patch(source: PosSource): void {
    if (!this.sources) return;
    // When the change hides the row holding focus (the filter no longer keeps it), focus moves to the next row.
    if (!filterSources([source], this.filter).length) this.#focus.rowLeaving(source.id);
    const i = this.sources.findIndex((s) => s.id === source.id);
    const next = [...this.sources];
    if (i === -1) next.push(source);
    else next[i] = { ...source, customerCount: source.customerCount ?? next[i]!.customerCount };
    this.sources = next;
  }

  // ───────────── changes to a source ─────────────

  /**
   * Sends a change to `source`. With a change of it still on its way, the new one carries that
   * change too and is based on the version it will make, so two edits made offline do not
   * conflict with each other and the row shows both.
   */
  #update(source: PosSource, change: Omit<SourceUpdate, 'id' | 'expectedVersion'>, done: (s: PosSource) => string): Promise<boolean> {
    const queued = this.#queued(source.id);
    const update: SourceUpdate = queued
      ? { ...queued, ...change, expectedVersion: queued.expectedVersion + 1 }
      : { id: source.id, expectedVersion: source.version, ...change };
    return this.#updated(this.#writes.updates.save(update), done);
  }

  /** What follows a confirmed change: the row, the announcement and the event. */
  async #updated(sent: Promise<PosSource | undefined>, done: (s: PosSource) => string): Promise<boolean> {
    const result = await sent;
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
    this.#focus.then(() => this.#focus.find('tr.row--editing select'));
  }

  #cancelEdit(): void {
    const id = this.draft?.id;
    this.draft = null;
    if (id) this.#focus.then(() => this.#focus.rowButton(id, 'edit'));
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
    this.#focus.then(() => this.#focus.rowButton(source.id, 'edit') ?? this.#focus.find('input[type=search]'));
    void this.#update(source, { categoryId: draft.categoryId, name }, (s) => t('savedSource', sourceLabel(s)));
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

  #accept(source: PosSource): void {
    const suggestion = this.#suggestionMap(this.sources ?? []).get(source.id);
    if (!suggestion) return;
    const name = source.name?.trim() ? source.name : suggestion.name;
    this.#focus.then(() => this.#focus.rowButton(source.id, 'edit'));
    void this.#update(source, { categoryId: suggestion.categoryId, name }, (s) => t('savedSource', sourceLabel(s)));
  }

  /** Accepts the suggestions of `ids`; resolves with how many the server confirmed. */
  async #acceptAll(ids: readonly string[]): Promise<number> {
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
    return accepted;
  }

  /**
   * "Use theirs" shows the server's source; "Apply mine again" sends the same change again over
   * the server's version (a new write, with a new key). Both drop the refused write first.
   */
  async #resolveConflict(write: SourceWrite, choice: 'theirs' | 'mine'): Promise<void> {
    const id = write.args.id;
    let current = write.theirs;
    // Not awaited before the new write is queued, so leaving the page right after the click loses nothing.
    const forgotten = this.#writes.updates.discard(id);
    if (!current) {
      // No current record in the answer: read it.
      const list = await this.adapter?.sources?.list().catch(() => null);
      current = list?.find((s) => s.id === id) ?? null;
    }
    this.#focus.then(() => this.#focus.rowButton(id, 'edit'));
    if (current) this.#patch(current);
    if (choice === 'theirs' || !current) {
      this.#reload();
      await forgotten;
      return;
    }
    const { id: _id, expectedVersion: _v, ...change } = write.args;
    const sent = this.#writes.updates.save({ id, expectedVersion: current.version, ...change });
    await Promise.all([forgotten, this.#updated(sent, (s) => t('savedSource', sourceLabel(s)))]);
  }

  readonly #rowActions: RowActions = {
    edit: (source, shown) => this.#startEdit(source, shown),
    save: (source) => this.#saveEdit(source),
    cancel: () => this.#cancelEdit(),
    remove: (source) => {
      this.#focus.then(() => this.#focus.rowButton(source.id, 'restore') ?? this.#focus.find('input[type=search]'));
      void this.#update(source, { deleted: true }, (s) => t('deletedSource', sourceLabel(s)));
    },
    restore: (source) => {
      this.#focus.then(() => this.#focus.rowButton(source.id, 'edit') ?? this.#focus.rowButton(source.id, 'restore'));
      void this.#update(source, { deleted: false }, (s) => t('restoredSource', sourceLabel(s)));
    },
    accept: (source) => this.#accept(source),
    draft: (change) => (this.draft = this.draft && { ...this.draft, ...change }),
    editKey: (event, source) => this.#editKey(event, source),
    resolve: (write, choice) => void this.#resolveConflict(write, choice),
    // The same change under its own key: if the server applied it before its answer was lost, it is not applied twice.
    retry: (write) => void this.#updated(this.#writes.updates.retry(write.id), (s) => t('savedSource', sourceLabel(s))),
    discard: (write) => this.#drop(() => this.#writes.updates.discard(write.id)),
  };

  /** Drops a refused write, and reads the list again to show what the server holds. */
  #drop(discard: () => Promise<void>): void {
    void discard();
    this.#reload();
  }

  // ───────────── render ─────────────

  protected override render(): unknown {
    // The editor draws its list itself (patched by confirmed writes, a failed re-read above the
    // table); the query draws every state before the first list.
    const value = this.#load.value;
    if (!value || this.#load.missing) return this.#load.render({ complete: () => nothing, lines: 6 });
    return this.#editor(this.sources ?? value.sources);
  }

  #editor(sources: PosSource[]): TemplateResult {
    const updates = this.#writes.updates.all();
    const completing = this.#writes.completion.get(COMPLETION);
    const creating = this.#adds.creating();
    const names = this.#categoryNames;
    const status = mappingStatus(sources, []);
    const suggestions = this.#suggestionMap(sources);
    const waiting = [...updates.values(), ...creating, ...(completing ? [completing] : [])].filter(
      (w) => w.status === 'pending' || w.status === 'sending',
    ).length;
    const unmapped = status.total - status.mapped;
    const acceptable = [...suggestions.keys()].filter((id) => !updates.has(id));
    const shown = filterSources(sources, this.filter);
    const rows = shown.map((source): RowView => {
      const write = updates.get(source.id);
      return {
        source,
        shown: shownOf(source, write),
        write,
        suggestion: suggestions.get(source.id),
        editing: this.draft?.id === source.id ? this.draft : null,
        categories: this.categories,
        names,
      };
    });
    const reloadError = this.#load.error;

    return html`<section class="editor" aria-labelledby="heading">
      <h2 id="heading" part="heading">${t('heading')}</h2>
      <p class="intro">${t('intro')}</p>
      ${progressView(status.mapped, status.total, waiting)}
      ${reloadError !== undefined
        ? html`<div class="reload-error">${errorView(reloadError, () => this.#load.run(), { retryLabel: `${t('retry')}: ${t('reloadFailed')}` })}</div>`
        : nothing}

      ${toolbarView(
        { filter: this.filter, acceptable: acceptable.length, unmapped, completing: !!completing },
        {
          filter: (change) => (this.filter = { ...this.filter, ...change }),
          acceptAll: () => {
            this.#focus.then(() => this.#focus.find('button[data-action="done"]:not(:disabled), input[type=search]'));
            void this.#acceptAll(acceptable);
          },
          done: () => {
            // The sources as the user sees them (changes on their way applied); suggestions already being saved are not offered again.
            const seen = sources.map((s) => shownOf(s, updates.get(s.id)));
            void this.#done.open(completionPlan(seen, new Map(acceptable.map((id) => [id, suggestions.get(id)]))));
          },
        },
      )}
      ${completing
        ? writePanel({
            status: completing.status,
            error: completing.error,
            pendingText: html`${t('completing')}`,
            retry: () => void this.#done.send(this.#writes.completion.retry(COMPLETION)),
            discard: () => this.#drop(() => this.#writes.completion.discard(COMPLETION)),
          })
        : nothing}

      <p class="notice" role="status" tabindex="-1">${this.notice}</p>
      ${sources.length === 0
        ? html`<div class="fc-state fc-state--empty" part="state empty"><p class="fc-state__message">${t('noSources')}</p></div>`
        : html`<p class="count">${t('showing', formatCount(shown.length), formatCount(sources.filter((s) => !s.deleted || this.filter.showDeleted).length))}</p>
            ${shown.length === 0 ? html`<p class="fc-state" part="state empty">${t('noMatches')}</p>` : tableView(rows, this.#rowActions)}`}
      ${this.#ownParts(creating)}
    </section>`;
  }

  /** The parts loaded apart from the first load (nothing until they arrive, right after creation). */
  #ownParts(creating: readonly OtherWrite[]): unknown {
    const own = this.own;
    if (!own) return nothing;
    const parts = { t, categoryOptions, writePanel, formatCount };
    const done = this.#done;
    const { unmapped, suggested, rest } = done.plan;
    return html`${own.ownView(this.categories, this.#adds.forms, creating, this.#adds, parts)} ${own.confirmView({ unmapped: unmapped.length, suggested: suggested.length, rest: rest.length }, this.#otherNewName, done, parts)}`;
  }
}
