import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { SmsErrorTitle } from '../../data/logic/sms-error-titles.js';
import type { SmsErrorTexts, smsErrorTexts } from '../../data/logic/sms-error-texts.js';
import type { SmsErrorInfo } from '../../data/logic/sms-errors.js';
import type { SmsErrorCategory, SmsMessage } from '../../data/model.js';
import type { WindowedGridController } from '../shared/controllers/windowed-grid.js';
import { makeFormats } from '../shared/formats.js';
import { lazyModule } from '../shared/lazy.js';
import { formatCount, getLocale } from '../shared/messages.js';
import { COLUMNS, MAX_COLUMN_WIDTH } from './sms-history.columns.js';
import type { ExportProgress } from './sms-history.export.js';
import { t } from './sms-history.messages.js';

/**
 * An instant in the dealer's zone (`Nov 23, 2026, 2:05 PM`), with the zone's name when `named`
 * (`Nov 23, 2026, 2:05 PM CST`: the zone is not the viewer's), or the text as sent when it is not an instant.
 */
export function formatSentAt(at: string, zone: string, named: boolean): string {
  const ms = Date.parse(at);
  const formats = makeFormats(getLocale(), { zone });
  return Number.isNaN(ms) ? String(at ?? '') : (named ? formats.instant : formats.time).format(ms);
}

/** The customer's number of a message: the sender of an incoming text, the recipient of an outgoing one. */
export function customerPhone(m: SmsMessage): string {
  return m.direction === 'inbound' ? m.from : m.to;
}

/**
 * The errors' categories and titles (`sms-error-titles.ts`): not in the first load, fetched as the
 * first rows are (the element starts it). Until they arrive, or if they cannot be fetched, the
 * error column shows the code alone; the tooltip and the details dialog load them with the errors'
 * texts, and say so if that fails (the next error shown tries again).
 */
export const errorTitles = lazyModule(() => import('../../data/logic/sms-error-titles.js'));

/** Loads the errors' titles; settles either way (a failure leaves the codes alone in the column). */
export function loadErrorTitles(): Promise<void> {
  return errorTitles.load().then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Classification of a message's error (category and title: what the column shows), memoized per
 * provider and code (the column asks per rendered row). Until the titles are loaded: the code
 * alone, in category `unknown` with no title.
 */
const errorInfos = new Map<string, SmsErrorTitle>();
export function errorInfo(m: SmsMessage): SmsErrorTitle | null {
  if (m.errorCode === null || m.errorCode === undefined || String(m.errorCode).trim() === '') return null;
  const titles = errorTitles.value;
  if (!titles) return { code: String(m.errorCode).trim(), provider: m.provider, category: 'unknown', title: '' };
  const key = `${m.provider}|${m.errorCode}`;
  let info = errorInfos.get(key);
  if (!info) {
    info = titles.smsErrorTitle(m.provider, m.errorCode);
    if (errorInfos.size > 500) errorInfos.clear();
    errorInfos.set(key, info);
  }
  return info;
}

let textsOf: typeof smsErrorTexts | null = null;
let textsLoad: Promise<void> | null = null;
/**
 * Loads the errors' definitions and advice (`sms-error-texts.ts`, not in the first load) once for
 * every instance, with their titles; a failed load is tried again on the next call.
 */
export function loadErrorTexts(): Promise<void> {
  textsLoad ??= Promise.all([import('../../data/logic/sms-error-texts.js'), errorTitles.load()]).then(
    ([module]) => void (textsOf = module.smsErrorTexts),
    (error: unknown) => {
      textsLoad = null;
      throw error;
    },
  );
  return textsLoad;
}

/** The texts explaining an error, or null until {@link loadErrorTexts} has loaded them. */
export function errorTexts(info: SmsErrorTitle): SmsErrorTexts | null {
  return textsOf ? textsOf(info.provider, info.code) : null;
}

/** A message's error in full (title and texts), null without one or until the texts are loaded. */
export function errorDetails(m: SmsMessage): SmsErrorInfo | null {
  const info = errorInfo(m);
  const texts = info && errorTexts(info);
  return info && texts ? { ...info, ...texts } : null;
}

export function categoryName(category: SmsErrorCategory): string {
  return t(category);
}

export function statusName(status: string): string {
  return ['queued', 'sent', 'delivered', 'undelivered', 'failed', 'received'].includes(status)
    ? t(status as 'queued')
    : String(status ?? '');
}

export function directionName(direction: string): string {
  return direction === 'inbound' || direction === 'outbound' ? t(direction) : String(direction ?? '');
}

// ───────────── templates ─────────────

export interface ToolbarProps {
  /** Rows of the filter; -1 while counting. */
  total: number;
  /** The export under way, or null. */
  exporting: ExportProgress | null;
  /** The last export's outcome. */
  exportMessage: string;
  exportCsv: () => void;
  cancelExport: () => void;
}

/** The row count and the export button (or the export's progress and Cancel). */
export function toolbarView({ total, exporting, exportMessage, exportCsv, cancelExport }: ToolbarProps): TemplateResult {
  const count = total < 0 ? t('counting') : total === 1 ? t('countOne') : t('count', formatCount(total));
  return html`<div class="toolbar">
    <p class="count" role="status">${count}</p>
    <span class="spacer"></span>
    <div class="export" part="export">
      ${exporting
        ? html`<label for="export-progress">${t('exporting', formatCount(exporting.done), formatCount(exporting.total))}</label>
            <progress id="export-progress" max=${Math.max(1, exporting.total)} .value=${exporting.done}></progress>
            <button type="button" class="fc-button" @click=${cancelExport}>${t('cancelExport')}</button>`
        : html`<button type="button" class="fc-button" ?disabled=${!(total > 0)} @click=${exportCsv}>
            ${t('exportCsv')}
          </button>`}
      <p class="export-status" role="status">${exportMessage}</p>
    </div>
  </div>`;
}

/** Listeners on the rows' container (delegated: the pool's rows are plain elements). */
export interface RowListeners {
  keydown: (event: KeyboardEvent) => void;
  click: (event: MouseEvent) => void;
  pointerover: (event: PointerEvent) => void;
  pointerout: (event: PointerEvent) => void;
  focusout: (event: FocusEvent) => void;
}

export interface GridProps {
  /** Rows of the filter (more than 0). */
  total: number;
  order: 'asc' | 'desc';
  /** The grid's accessible name. */
  label: string;
  /** The windowing engine: the scroll, focus, and the header row's widths and handlers. */
  grid: WindowedGridController;
  rows: RowListeners;
  toggleOrder: () => void;
  /** The error tooltip (`ErrorTooltip.render`). */
  tooltip: unknown;
}

/**
 * The grid's shell: the header row with the sort button and column separators, the body the
 * window's rows are pooled in (filled outside this template), and the error tooltip.
 */
export function gridView({ total, order, label, grid, rows, toggleOrder, tooltip }: GridProps): TemplateResult {
  const sorted = order === 'asc' ? t('sortedOldest') : t('sortedNewest');
  const head = grid.header;
  return html`<div class="wrap">
    <div class="grid" part="grid" role="grid" aria-label=${label} aria-rowcount=${total + 1} aria-colcount=${COLUMNS.length}>
      <div class="scroller fc-scroll fc-scroll--grid" part="scroller" @scroll=${grid.onScroll}>
        <div class="head" role="rowgroup">
          <div
            class="row header"
            part="row header-row"
            role="row"
            aria-rowindex="1"
            @keydown=${head.onKeyDown}
            @focusin=${head.onFocusIn}
            @pointerdown=${head.onPointerDown}
            @pointermove=${head.onPointerMove}
            @pointerup=${head.onPointerUp}
            @pointercancel=${head.onPointerUp}
          >
            ${COLUMNS.map(
              (c, col) => html`<div
                class="cell c-${c.key}"
                role="columnheader"
                aria-colindex=${col + 1}
                aria-sort=${c.key === 'time' ? (order === 'asc' ? 'ascending' : 'descending') : nothing}
              >
                ${c.key === 'time'
                  ? html`<button type="button" class="sort" tabindex="-1" title=${t('sortHint', sorted)} @click=${toggleOrder}>
                      ${t('colTime')}<span aria-hidden="true">${order === 'asc' ? '▲' : '▼'}</span>
                    </button>`
                  : t(c.label)}
                <div
                  class="resizer"
                  role="separator"
                  aria-orientation="vertical"
                  aria-label=${t('resize', t(c.label))}
                  aria-valuenow=${head.widths[col]!}
                  aria-valuemin=${c.min}
                  aria-valuemax=${MAX_COLUMN_WIDTH}
                  tabindex="-1"
                  data-col=${col}
                ></div>
              </div>`,
            )}
          </div>
        </div>
        <div
          class="body"
          role="rowgroup"
          @keydown=${rows.keydown}
          @focusin=${grid.onFocusIn}
          @focusout=${rows.focusout}
          @click=${rows.click}
          @pointerover=${rows.pointerover}
          @pointerout=${rows.pointerout}
        >
          <div class="rows"></div>
        </div>
      </div>
    </div>
    ${tooltip}
  </div>`;
}
