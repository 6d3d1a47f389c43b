/**
 * The restore log of `<fc-deleted-customers>`: every restore (who, when, which record, what came
 * back, where to, what did not), newest first, a page at a time, with the shared loading, empty
 * and error-with-Retry states. Loaded the first time the user opens it, not with the widget; it is
 * handed what it formats with (see `LogHelpers`) rather than importing the widget's modules, so
 * the widget's first load stays one file.
 */
import { html, nothing } from 'lit';
import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { Page, RestoreLogEntry } from '../../data/model.js';
import type { QueryController } from '../shared/controllers/query.js';
import type { defineMessages } from '../shared/messages.js';
import type { isolateIn } from '../shared/bidi.js';
import type { unsupportedView } from '../shared/states.js';
import type { fieldLabel, formatInstant, Formats } from './deleted-customers.view.js';
import type { RestoreViews } from './deleted-customers.restore-view.js';

/** What the log formats with, handed in by the element. */
export interface LogHelpers {
  QueryController: typeof QueryController;
  defineMessages: typeof defineMessages;
  isolateIn: typeof isolateIn;
  unsupportedView: typeof unsupportedView;
  formatCount: (n: number) => string;
  formatInstant: typeof formatInstant;
  /** The restore views' words for what came back and what did not. */
  views: Pick<RestoreViews, 'detailCounts' | 'skippedText'>;
  fieldLabel: typeof fieldLabel;
  maxLimit: number;
}

export interface LogOptions {
  adapter: () => ForecourtAdapter | undefined;
  /** True while the log is shown: it is read only then (and again on a restore while shown). */
  open: () => boolean;
  /** Entries per page. */
  pageSize: () => number;
}

/** The log's view: render it where it goes. */
export interface RestoreLog {
  render(f: Formats): TemplateResult;
  /** Reads the log again (after a restore made here, with an adapter that does not announce its changes). */
  reload(): void;
}

const en = {
  title: 'Restore log',
  caption: 'Restores, newest first',
  empty: 'No customer has been restored yet.',
  loading: 'Loading the restore log…',
  colWhen: 'When',
  colWho: 'Restored by',
  colRecord: 'Record',
  colWhat: 'What came back',
  colSkipped: 'Not restored',
  unknownWho: 'Not known',
  whole: 'Whole customer',
  onto: (into: string) => `Merge leftover, onto ${into}`,
  nothingSkipped: 'Nothing left out',
  counts: (total: string, shown: string) => `${total} restores; ${shown} shown.`,
  more: (n: string) => `Show ${n} more`,
  unsupported: 'the restore log',
};

/**
 * Builds the log on a host: a query of `deleted.log` that reads while the log is open and again
 * when the `deleted` data changes (a restore here or in another tab), keeping what was paged in.
 * @param host The element.
 * @param h The helpers it formats with.
 * @param options The adapter, whether the log is open, the page size.
 * @returns The log's view.
 */
export function createRestoreLog(host: ReactiveControllerHost, h: LogHelpers, options: LogOptions): RestoreLog {
  const t = h.defineMessages(en, {
    title: 'Registro de restauraciones',
    caption: 'Restauraciones, la más reciente primero',
    empty: 'Todavía no se ha restaurado ningún cliente.',
    loading: 'Cargando el registro de restauraciones…',
    colWhen: 'Cuándo',
    colWho: 'Restaurado por',
    colRecord: 'Registro',
    colWhat: 'Qué volvió',
    colSkipped: 'No restaurado',
    unknownWho: 'No se sabe',
    whole: 'Cliente completo',
    onto: (into) => `Resto de fusión, en ${into}`,
    nothingSkipped: 'No se dejó nada',
    counts: (total, shown) => `${total} restauraciones; se muestran ${shown}.`,
    more: (n) => `Mostrar ${n} más`,
    unsupported: 'el registro de restauraciones',
  });
  let pages = 1;
  const limit = () => Math.min(h.maxLimit, Math.max(1, options.pageSize()) * pages);
  const query = new h.QueryController(host, {
    adapter: options.adapter,
    requires: ['deleted'],
    args: () => [limit()] as const,
    idle: () => !options.open() || typeof options.adapter()?.deleted?.log !== 'function',
    keepAcrossArgs: true,
    read: (adapter, [n], { signal }) => adapter.deleted.log({ limit: n }, { signal }),
  });

  const row = (e: RestoreLogEntry, f: Formats) => {
    const skipped = h.views.skippedText(e.skipped ?? [], undefined, f);
    const fields = (e.fields ?? []).map((name) => h.fieldLabel(name)).join(', ');
    return html`<tr>
      <td>${h.formatInstant(f, e.at)}</td>
      <td>${e.by ?? t('unknownWho')}</td>
      <th scope="row">
        <span class="name">${e.fromName}</span>
        <span class="muted">${e.kind === 'merge-leftover' ? h.isolateIn((into) => t('onto', into), e.customerName) : t('whole')}</span>
      </th>
      <td>${h.views.detailCounts(e)}${fields ? html`<span class="muted log-fields">${fields}</span>` : nothing}</td>
      <td>${skipped || t('nothingSkipped')}</td>
    </tr>`;
  };

  const table = (page: Page<RestoreLogEntry>, f: Formats) => {
    const items = Array.isArray(page.items) ? page.items : [];
    const total = Number(page.total) || items.length;
    const left = Math.min(options.pageSize(), total - items.length);
    return html`<p class="counts">${t('counts', h.formatCount(total), h.formatCount(items.length))}</p>
      <div class="wrap fc-scroll" role="region" aria-label=${t('caption')} tabindex="0">
        <table class="fc-table log-table">
          <caption class="fc-visually-hidden">${t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">${t('colWhen')}</th>
              <th scope="col">${t('colWho')}</th>
              <th scope="col">${t('colRecord')}</th>
              <th scope="col">${t('colWhat')}</th>
              <th scope="col">${t('colSkipped')}</th>
            </tr>
          </thead>
          <tbody>
            ${items.map((e) => row(e, f))}
          </tbody>
        </table>
      </div>
      ${left > 0 && limit() < h.maxLimit
        ? html`<div class="more">
            <button
              type="button"
              class="fc-button"
              ?disabled=${query.refreshing}
              @click=${() => {
                pages++;
                host.requestUpdate();
              }}
            >
              ${t('more', h.formatCount(left))}
            </button>
          </div>`
        : nothing}`;
  };

  return {
    reload: () => {
      if (options.open()) void query.run();
    },
    render: (f) => html`<section class="log" part="log" aria-labelledby="log-title">
      <h2 id="log-title">${t('title')}</h2>
      ${typeof options.adapter()?.deleted?.log !== 'function'
        ? h.unsupportedView(t('unsupported'))
        : query.render({
            complete: (page) => table(page, f),
            isEmpty: (page) => !page?.items?.length,
            empty: t('empty'),
            loading: t('loading'),
            lines: 3,
          })}
    </section>`,
  };
}
