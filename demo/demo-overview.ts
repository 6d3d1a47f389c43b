/**
 * The demo page's view of what `<fc-data-provider>` holds, until the widgets exist: counts per
 * domain read through the provided adapter (REST → cache → MSW), the cache's storage, the outbox
 * with Retry/Discard, and one write so offline → pending → online → confirmed can be watched.
 */
import { css, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { Task, initialState } from '@lit/task';
import { DateTime } from 'luxon';
import { ADAPTER_DOMAINS } from '../src/data/adapter.js';
import type { AdapterDomain, ForecourtAdapter } from '../src/data/adapter.js';
import type { CachedAdapter } from '../src/data/cache/with-cache.js';
import { isEntryOf } from '../src/data/cache/outbox.js';
import type { OutboxEntry } from '../src/data/cache/outbox.js';
import { AdapterError } from '../src/data/errors.js';
import type { AdapterErrorKind } from '../src/data/errors.js';
import { COMPLETE_MAPPING_CATEGORY_ID, cleanSourceName, suggestCategory } from '../src/data/logic/sources.js';
import { adapterContext } from '../src/components/shared/adapter-context.js';
import { AdapterEventsController, isCachedAdapter } from '../src/components/shared/controllers/adapter-events.js';
import { defineElement } from '../src/components/shared/define-element.js';
import { FcElement } from '../src/components/shared/fc-element.js';
import { formatCount } from '../src/components/shared/messages.js';
import { describeError, errorView, loadingView, stateStyles, unsupportedView } from '../src/components/shared/states.js';
import { shared } from '../src/styles/shared.js';
import { tokens } from '../src/styles/tokens.js';

interface Period {
  today: string;
  monthStart: string;
  yearAgo: string;
}

interface Count {
  label: string;
  domain: AdapterDomain;
  read(adapter: Required<ForecourtAdapter>, period: Period, signal: AbortSignal): Promise<string>;
}

const n = formatCount;

const COUNTS: Count[] = [
  {
    label: 'Customer sources mapped',
    domain: 'sources',
    read: async (a, _p, signal) => {
      // The list and the categories too, so they are cached and the write below also works offline.
      const [s] = await Promise.all([a.sources.mappingStatus({ signal }), a.sources.list({ signal }), a.sources.categories({ signal })]);
      return `${n(s.mapped)} of ${n(s.total)} (${n(s.unknownCustomers)} customers with an unknown source)`;
    },
  },
  {
    label: 'Customers',
    domain: 'customers',
    read: async (a, _p, signal) => n((await a.customers.list({ limit: 1 }, { signal })).total),
  },
  {
    label: "Vehicles on today's board",
    domain: 'customers',
    read: async (a, p, signal) => {
      const board = await a.customers.board({ date: p.today }, { signal });
      return `${n(board.length)} (${n(board.filter((entry) => entry.sourceUnknown).length)} with an unknown source)`;
    },
  },
  {
    label: 'Texts this month',
    domain: 'sms',
    read: async (a, p, signal) => n((await a.sms.list({ from: p.monthStart, to: p.today, limit: 1 }, { signal })).total),
  },
  {
    label: 'Internet leads this month',
    domain: 'leads',
    read: async (a, p, signal) => n((await a.leads.list({ from: p.monthStart, to: p.today, limit: 1 }, { signal })).total),
  },
  {
    label: 'Store traffic this month',
    domain: 'traffic',
    read: async (a, p, signal) => {
      const { total } = await a.traffic.aggregate({ from: p.monthStart, to: p.today, groupBy: 'outcome' }, { signal });
      return `${n(total.ups)} ups, ${n(total.sold)} sold`;
    },
  },
  {
    label: 'Deleted and merged records (last 12 months)',
    domain: 'deleted',
    read: async (a, p, signal) => n((await a.deleted.list({ from: p.yearAgo, to: p.today, limit: 1 }, { signal })).total),
  },
  {
    label: 'Vehicles customers are waiting for',
    domain: 'vehicles',
    read: async (a, _p, signal) => n((await a.vehicles.wants({ limit: 1 }, { signal })).total),
  },
];

const STATUS_TEXT: Record<OutboxEntry['status'], string> = {
  pending: 'Waiting to send',
  sending: 'Sending',
  failed: 'Failed',
  conflict: 'Conflict: changed elsewhere',
  confirmed: 'Confirmed',
};

function describeEntry(entry: OutboxEntry): string {
  const args = entry.args as Record<string, unknown> | undefined;
  const target = args && typeof args === 'object' ? (args['id'] ?? args['customerId'] ?? '') : '';
  return `${entry.domain}.${entry.method}${target ? ` ${String(target)}` : ''}`;
}

/**
 * @customElement fc-demo-overview
 */
export class FcDemoOverview extends FcElement {
  static override styles = [
    tokens,
    shared,
    stateStyles,
    css`
      :host {
        background: var(--fc-color-surface);
        border: var(--fc-border-width) solid var(--fc-color-border);
        border-radius: var(--fc-radius-m);
        padding: var(--fc-space-m);
      }
      h2 {
        font-size: var(--fc-font-size-l);
        margin-block: 0 var(--fc-space-s);
      }
      section + section {
        margin-block-start: var(--fc-space-l);
      }
      .fc-table th[scope='row'] {
        font-weight: normal;
        inline-size: 40%;
      }
      .fc-table td .fc-state {
        padding-block: 0;
        padding-inline: var(--fc-space-s);
      }
      .stale {
        color: var(--fc-color-text-muted);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--fc-space-s);
        margin-block: var(--fc-space-s);
      }
      .status-conflict,
      .status-failed {
        color: var(--fc-color-bad);
        font-weight: var(--fc-font-weight-strong);
      }
      .status-pending,
      .status-sending {
        color: var(--fc-color-warn);
      }
      .log {
        margin: 0;
        padding-inline-start: var(--fc-space-l);
        color: var(--fc-color-text-muted);
      }
      .muted {
        color: var(--fc-color-text-muted);
      }
    `,
  ];

  /** The adapter to show, from the nearest `<fc-data-provider>` or set directly. */
  @consume({ context: adapterContext, subscribe: true }) @property({ attribute: false }) adapter?: ForecourtAdapter;

  /** The day the data is "as of", ISO date; defaults to the local today. */
  @property() today = '';

  @state() private log: string[] = [];
  @state() private busy = false;

  readonly #tasks = COUNTS.map(
    (count) =>
      new Task(this, {
        task: async ([adapter, today], { signal }) => {
          if (!adapter?.[count.domain]) return initialState;
          const day = DateTime.fromISO(today || DateTime.now().toISODate()!);
          const period = { today: day.toISODate()!, monthStart: day.startOf('month').toISODate()!, yearAgo: day.minus({ years: 1 }).toISODate()! };
          return count.read(adapter as Required<ForecourtAdapter>, period, signal);
        },
        args: () => [this.adapter, this.today] as const,
      }),
  );
  /** Sources with a mapping on its way, so repeated clicks while offline map different ones. */
  readonly #mapping = new Set<string>();

  readonly #events = new AdapterEventsController(this, {
    adapter: () => this.adapter,
    domains: ADAPTER_DOMAINS,
    onChange: (domains) =>
      COUNTS.forEach((count, i) => {
        if (domains.includes(count.domain)) void this.#tasks[i]!.run();
      }),
  });

  #note(line: string): void {
    this.log = [...this.log.slice(-5), line];
  }

  protected override render() {
    const cached = isCachedAdapter(this.adapter) ? this.adapter : null;
    return html`
      <section aria-labelledby="counts">
        <h2 id="counts">What the provider holds</h2>
        <table class="fc-table">
          <thead>
            <tr><th scope="col">Data</th><th scope="col">Count</th></tr>
          </thead>
          <tbody>
            ${COUNTS.map((count, i) => html`<tr><th scope="row">${count.label}</th><td>${this.#cell(count, this.#tasks[i]!)}</td></tr>`)}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="cache">
        <h2 id="cache">Cache and outbox</h2>
        <p>
          ${!cached
            ? html`<span class="muted">This adapter has no offline cache.</span>`
            : cached.storage === 'indexeddb'
              ? 'Cached in IndexedDB, one database for this shop and user.'
              : html`Memory only, nothing is kept after a reload${this.#events.fallback ? html`: ${this.#events.fallback}` : nothing}.`}
        </p>
        <div class="actions">
          <button type="button" class="fc-button fc-button--primary" ?disabled=${!this.adapter?.sources || this.busy} @click=${this.#mapNext}>
            Map the next unmapped source to its suggested category
          </button>
          ${cached
            ? html`<button type="button" class="fc-button" ?disabled=${this.#events.entries.length === 0} @click=${() => void cached.outbox.flush()}>Send now</button>
                <button type="button" class="fc-button" @click=${() => void this.#clear(cached)}>Clear cached data</button>`
            : nothing}
        </div>
        ${cached ? this.#outbox(cached) : nothing}
        <div role="log" aria-label="Activity">
          <ul class="log">
            ${this.log.map((line) => html`<li>${line}</li>`)}
          </ul>
        </div>
      </section>
    `;
  }

  #cell(count: Count, task: Task<readonly [ForecourtAdapter | undefined, string], string>) {
    return task.render({
      initial: () => unsupportedView(count.domain),
      // A refresh keeps the last value on screen instead of flashing a skeleton.
      pending: () => (task.value === undefined ? loadingView(1) : html`<span class="stale" aria-busy="true">${task.value}</span>`),
      complete: (value) => value,
      error: (error) => errorView(error, () => task.run(), { retryLabel: `Retry: ${count.label}` }),
    });
  }

  #outbox(cached: CachedAdapter) {
    if (this.#events.entries.length === 0) return html`<p class="muted">No changes waiting to be sent.</p>`;
    return html`<table class="fc-table">
      <caption>Changes waiting to be sent</caption>
      <thead>
        <tr><th scope="col">Change</th><th scope="col">Status</th><th scope="col" class="fc-num">Attempts</th><th scope="col">Last error</th><th scope="col">Actions</th></tr>
      </thead>
      <tbody>
        ${this.#events.entries.map(
          (entry) => html`<tr>
            <td>${describeEntry(entry)}</td>
            <td class="status-${entry.status}">${STATUS_TEXT[entry.status]}</td>
            <td class="fc-num">${n(entry.attempts)}</td>
            <td>${entry.error ? describeError(new AdapterError({ ...entry.error, kind: entry.error.kind as AdapterErrorKind })).message : ''}</td>
            <td>
              ${entry.status === 'failed' || entry.status === 'conflict'
                ? html`<button type="button" class="fc-button" aria-label=${`Retry ${describeEntry(entry)}`} @click=${() => void cached.outbox.retry(entry.key)}>Retry</button>`
                : nothing}
              <button type="button" class="fc-button" aria-label=${`Discard ${describeEntry(entry)}`} @click=${() => void cached.outbox.discard(entry.key)}>Discard</button>
            </td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  async #mapNext(): Promise<void> {
    const sources = this.adapter?.sources;
    if (!sources) return;
    this.busy = true;
    let label = '';
    let saved: Promise<unknown>;
    try {
      const [list, categories, queued] = await Promise.all([sources.list(), sources.categories(), this.#queuedMappings()]);
      // A source the editor (or an earlier press, before a reload) already has a change on its way for is
      // passed over: a second change based on the same version would be refused as a conflict.
      const next = queued === 'all' ? undefined : list.find((s) => !s.deleted && s.categoryId === null && !this.#mapping.has(s.id) && !queued.has(s.id));
      if (!next) {
        this.#note('Every source is mapped (or on its way).');
        return;
      }
      const suggestion = suggestCategory(next.code) ?? { categoryId: COMPLETE_MAPPING_CATEGORY_ID, name: cleanSourceName(next.code) };
      const category = categories.find((c) => c.id === suggestion.categoryId)?.name ?? suggestion.categoryId;
      label = `“${next.code || next.name}” → ${category}`;
      this.#mapping.add(next.id);
      saved = sources
        .update({ id: next.id, expectedVersion: next.version, categoryId: suggestion.categoryId, name: suggestion.name })
        .finally(() => this.#mapping.delete(next.id));
      this.#note(`Queued: ${label}`);
    } catch (error) {
      this.#note(`Could not read the sources: ${describeError(error).message}`);
      return;
    } finally {
      this.busy = false;
    }
    saved.then(
      () => this.#note(`Confirmed: ${label}`),
      (error: unknown) => this.#note(`Not saved: ${label}. ${describeError(error).message}`),
    );
  }

  /**
   * The sources with a change in the outbox not confirmed yet (waiting, sending, failed or in conflict), or
   * `'all'` while "Mapping done" is on its way; none without an outbox.
   */
  async #queuedMappings(): Promise<Set<string> | 'all'> {
    if (!isCachedAdapter(this.adapter)) return new Set();
    const entries = (await this.adapter.outbox.list()).filter((e) => e.status !== 'confirmed');
    if (entries.some((e) => isEntryOf(e, 'sources', 'completeMapping'))) return 'all';
    return new Set(entries.flatMap((e) => (isEntryOf(e, 'sources', 'update') ? [e.args.id] : [])));
  }

  async #clear(cached: CachedAdapter): Promise<void> {
    try {
      // clearCache() drops the unsent changes with the rest (the next request may be someone else's): say so.
      const unsent = (await cached.outbox.list().catch(() => [])).filter((e) => e.status !== 'confirmed').length;
      await cached.clearCache();
      this.#note(
        unsent === 0
          ? 'Cached data cleared from this device (cached reads and preferences); no change was waiting to be sent.'
          : `Cached data cleared from this device (cached reads and preferences), and ${unsent === 1 ? '1 change not yet sent was' : `${n(unsent)} changes not yet sent were`} dropped: they will not be sent.`,
      );
      for (const task of this.#tasks) void task.run();
    } catch (error) {
      this.#note(`Could not clear the cache: ${describeError(error).message}`);
    }
  }
}

defineElement('fc-demo-overview', FcDemoOverview);

declare global {
  interface HTMLElementTagNameMap {
    'fc-demo-overview': FcDemoOverview;
  }
}
