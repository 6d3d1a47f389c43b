/**
 * The report's frame: the tab list (Detail, Summary, OEM rules) with its panels, and the frame of
 * the Detail and Summary panels (the reading progress, the capped-range notice, the busy state).
 * Pure templates: the element passes the state and the callbacks.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { ForecourtAdapter } from '../../data/adapter.js';
import type { StoredOemRule, WeeklyHours } from '../../data/model.js';
import type { Formats } from '../shared/formats.js';
import type { RuleSaveDetail } from './lead-response-report.events.js';
import { t } from './lead-response-report.messages.js';

export type LeadReportView = 'detail' | 'summary' | 'rules';
export const VIEWS: readonly LeadReportView[] = ['detail', 'summary', 'rules'];
const VIEW_LABEL = { detail: 'tabDetail', summary: 'tabSummary', rules: 'tabRules' } as const;

/**
 * The tab a key on the tab list moves to (arrows wrap around, Home and End), or null for another key.
 * @example nextTab('detail', 'ArrowLeft') // 'rules'
 */
export function nextTab(view: LeadReportView, key: string): LeadReportView | null {
  const i = VIEWS.indexOf(view);
  const n = VIEWS.length;
  const next = key === 'ArrowRight' ? (i + 1) % n : key === 'ArrowLeft' ? (i + n - 1) % n : key === 'Home' ? 0 : key === 'End' ? n - 1 : -1;
  return next < 0 ? null : VIEWS[next]!;
}

/** What the tab list shows and what its tabs do. */
export interface TabsInput {
  view: LeadReportView;
  onSelect: (view: LeadReportView) => void;
  onKey: (event: KeyboardEvent) => void;
  /** A tab's panel content. */
  panel: (view: LeadReportView) => unknown;
}

/** The tab list and one panel per tab (only the selected one shown). */
export function tabsView(v: TabsInput): TemplateResult {
  return html`<div class="tabs" role="tablist" aria-label=${t('tabs')} part="tabs" @keydown=${v.onKey}>
      ${VIEWS.map(
        (view) => html`<button
          type="button"
          role="tab"
          id="tab-${view}"
          aria-selected=${v.view === view ? 'true' : 'false'}
          aria-controls="panel-${view}"
          tabindex=${v.view === view ? '0' : '-1'}
          @click=${() => v.onSelect(view)}
        >
          ${t(VIEW_LABEL[view])}
        </button>`,
      )}
    </div>
    ${VIEWS.map(
      (view) => html`<div class="panel" role="tabpanel" id="panel-${view}" aria-labelledby="tab-${view}" ?hidden=${v.view !== view}>
        ${v.panel(view)}
      </div>`,
    )}`;
}

/** What frames the Detail or Summary content. */
export interface PanelInput {
  f: Formats;
  /** The line saying what is under way (reading the leads, working out their clocks), or null. */
  progress: string | null;
  /** Leads read and leads in the range, when the range holds more than were read; else null. */
  capped: { read: number; total: number } | null;
  /** A new range is being read or worked out (the content shown is the last one's). */
  busy: boolean;
  content: unknown;
}

/** The progress line, the capped-range notice and the content, dimmed while busy. */
export function panelView(v: PanelInput): TemplateResult {
  const { f } = v;
  return html`${v.progress ? html`<p class="progress" role="status">${v.progress}</p>` : nothing}
    ${v.capped
      ? html`<div class="notice" part="notice"><p>${t('capped', f.count.format(v.capped.read), f.count.format(v.capped.total))}</p></div>`
      : nothing}
    <div class=${v.busy ? 'busy' : ''} aria-busy=${v.busy ? 'true' : 'false'}>${v.content}</div>`;
}

/** What the OEM rules tab passes to its editor. */
export interface RulesPanelInput {
  adapter: ForecourtAdapter | undefined;
  rules: readonly StoredOemRule[];
  /** The dealer's opening hours. */
  hours: WeeklyHours;
  f: Formats;
  locale: string | undefined;
  onSave: (event: CustomEvent<RuleSaveDetail>) => void;
  onTake: (event: CustomEvent<{ rule: StoredOemRule | undefined }>) => void;
}

/**
 * The OEM rules tab: the rule editor. It stays rendered while another tab is open (its panel
 * hidden), so an edit in progress and a save on its way survive a look at the report.
 */
export const rulesPanelView = (v: RulesPanelInput): TemplateResult =>
  html`<forecourt-lead-rule-editor
    class="rule-editor"
    .adapter=${v.adapter}
    .rules=${v.rules}
    .dealerHours=${v.hours}
    .formats=${v.f}
    .locale=${v.locale}
    @fc-rule-save=${v.onSave}
    @lead-rule-take=${v.onTake}
  ></forecourt-lead-rule-editor>`;
