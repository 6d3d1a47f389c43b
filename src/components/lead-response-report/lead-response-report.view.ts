/**
 * Formatters and templates of the lead response report: durations, times in the dealer's zone,
 * grades (colour, shape and word), makes and grade bands, and the Detail and Summary views. Figures
 * come from the domain functions as they are; these only turn them into text and markup. State
 * and handlers come in as arguments.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { NO_OEM_RULE_ID } from '../../data/model.js';
import type { ActivityKind, DateRange, LeadGrade, LeadResponseRow, LeadResponseSummary, OemRule } from '../../data/model.js';
import type { UnstoppableReason } from '../../data/logic/leads.js';
import { unstoppableText } from '../shared/lead-rule-text.js';
import type { LeadResponseBucket } from '../../data/logic/lead-buckets.js';
import type { Formats } from '../shared/formats.js';
import type { ReportFigures, TrendTarget } from './lead-response-report.charts.js';
import { COLUMNS, GRADES } from './lead-response-report.rows.js';
import type { FilterOptions, Filters, Row, Sort, SortKey } from './lead-response-report.rows.js';
import { t } from './lead-response-report.messages.js';
import type { TextKey } from './lead-response-report.messages.js';
import { scrollHint } from './lead-response-report.scroll.js';

export const timeText = (f: Formats, iso: string): string => f.time.format(new Date(iso));
export const dateText = (f: Formats, isoDate: string): string => f.date.format(new Date(`${isoDate}T00:00:00Z`));

interface ShortFormats {
  day: Intl.DateTimeFormat;
  dayYear: Intl.DateTimeFormat;
  clock: Intl.DateTimeFormat;
  /** The calendar day in the zone, for comparing two instants. */
  key: Intl.DateTimeFormat;
}
const shortFormats = new Map<string, ShortFormats>();

/** The detail table's day and clock formats in the dealer's zone, built once per locale and zone. */
function shortOf(f: Formats): ShortFormats {
  let s = shortFormats.get(f.key);
  if (!s) {
    const make = (options: Intl.DateTimeFormatOptions, locale = f.locale) => new Intl.DateTimeFormat(locale, { ...options, timeZone: f.zone });
    s = {
      day: make({ month: 'short', day: 'numeric' }),
      dayYear: make({ month: 'short', day: 'numeric', year: 'numeric' }),
      clock: make({ hour: 'numeric', minute: '2-digit' }),
      key: make({ year: 'numeric', month: '2-digit', day: '2-digit' }, 'en-CA'),
    };
    shortFormats.set(f.key, s);
  }
  return s;
}

const unbroken = (text: string): string => text.replace(/ /g, '\u00a0');

/**
 * An instant in a detail row, as short as it stays clear: the clock alone on the day of `sameDayAs`
 * (the lead's arrival), else the day and the clock; the year only when the range spans two. The
 * day and the clock each stay on one line, so a narrow column breaks between them.
 * @example shortTime(f, '2026-03-10T16:30:00Z', { sameDayAs: '2026-03-10T15:00:00Z' }) // "10:30 AM" (Chicago)
 */
export function shortTime(f: Formats, iso: string, options: { sameDayAs?: string; year?: boolean } = {}): string {
  const s = shortOf(f);
  const at = new Date(iso);
  const clock = unbroken(s.clock.format(at));
  if (options.sameDayAs && s.key.format(at) === s.key.format(new Date(options.sameDayAs))) return clock;
  return `${unbroken((options.year ? s.dayYear : s.day).format(at))}, ${clock}`;
}

/**
 * Minutes as "45 min", "6 h", "1 h 15 min" (rounded to the minute; whole hours beyond a day stay hours,
 * since a business day is no fixed number of hours).
 */
export function duration(f: Formats, minutes: number): string {
  const total = Math.max(0, Math.round(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (!h) return t('minutes', f.count.format(m));
  if (!m) return t('hours', f.count.format(h));
  return t('hoursMinutes', f.count.format(h), f.count.format(m));
}

/** Hours as the bucket labels say them: "1.5 h". */
const hoursLabel = (f: Formats, minutes: number) => t('hours', f.points.format(minutes / 60));

/** A bucket's label: "0–30 min", "1–1.5 h", "4–8 h", "24 h or more". */
export function bucketLabel(f: Formats, bucket: LeadResponseBucket): string {
  const { fromMinutes: a, toMinutes: b } = bucket;
  if (b === null) return t('orMore', hoursLabel(f, a));
  if (b <= 60) return t('minutes', t('range', f.count.format(a), f.count.format(b)));
  return t('hours', t('range', f.points.format(a / 60), f.points.format(b / 60)));
}

/** The bar chart's labels: `buckets` (`LEAD_RESPONSE_BUCKETS`, from the report's engine), then no response. */
export const bucketLabels = (f: Formats, buckets: readonly LeadResponseBucket[]): string[] => [...buckets.map((b) => bucketLabel(f, b)), t('bucketNone')];

const GRADE_MARK: Record<LeadGrade, string> = { green: '●', yellow: '▲', red: '■' };

/** A grade as a coloured badge with a shape and its word, so colour is never the only signal. */
export const gradeBadge = (grade: LeadGrade): TemplateResult =>
  html`<span class="grade grade--${grade}" part="grade grade-${grade}"><span class="grade__mark" aria-hidden="true">${GRADE_MARK[grade]}</span> ${t(grade)}</span>`;

export const activityName = (kind: ActivityKind): string => t(kind);

/** The makes a rule covers, comma-separated, each in a `<bdi>` (names from the data). */
export const makesView = (rule: OemRule): TemplateResult => html`${rule.makes.map((make, i) => html`${i ? ', ' : ''}<bdi>${make}</bdi>`)}`;


/** The OEM's compliance target in words: "90% within 1 h", with its average when it sets one. */
export function targetText(f: Formats, rule: OemRule | undefined): string | null {
  const c = rule?.compliance;
  if (!c) return null;
  const base = t('targetText', f.percent.format(c.percentWithin / 100), duration(f, c.withinMinutes));
  return c.averageAtMost === undefined ? base : `${base}, ${t('targetAverage', duration(f, c.averageAtMost))}`;
}

/** The compliance target of every rule the rows fall under, once each, by name: the trend chart's lines. */
export function trendTargets(f: Formats, rows: readonly Row[]): TrendTarget[] {
  const targets = new Map<string, TrendTarget>();
  for (const { e } of rows) {
    const c = e.rule.compliance;
    if (c && !targets.has(e.rule.id)) targets.set(e.rule.id, { id: e.rule.id, name: e.rule.name, minutes: c.withinMinutes, text: targetText(f, e.rule)! });
  }
  return [...targets.values()].sort((a, b) => a.name.localeCompare(b.name, f.locale) || a.id.localeCompare(b.id));
}

/** A figure that does not exist: a dash for the eye, words for a screen reader. */
export const none = (why: string): TemplateResult =>
  html`<span aria-hidden="true">—</span><span class="fc-visually-hidden">${why}</span>`;

// ───────────── Detail ─────────────

/** What the Detail view shows and what its controls do. */
export interface DetailViewInput {
  f: Formats;
  range: DateRange;
  /** The filters' choices: the values of every row read. */
  options: FilterOptions;
  /** The rows the filters keep, in order. */
  shown: readonly Row[];
  /** How many of `shown` the table holds ("Showing n of m"). */
  shownRows: number;
  /** How many of those are in the table yet (they are added a few per frame); the rest come in the next frames. */
  filled: number;
  /** Rows added per "Show more". */
  step: number;
  sort: Sort;
  filters: Filters;
  filtered: boolean;
  onSort: (key: SortKey) => void;
  onFilter: (name: keyof Filters, value: string) => void;
  onClearFilters: () => void;
  onMore: () => void;
  /** Why a lead's contact details cannot take any activity that stops its rule's clock (`unstoppableReason`, from the report's engine). */
  unstoppable: (lead: Row['e']['lead'], rule: OemRule) => UnstoppableReason | null;
}

/** The Detail view: filters, "Showing n of m", the sortable table of leads and "Show more". */
export function detailView(v: DetailViewInput): TemplateResult {
  const { f, shown } = v;
  const visible = shown.slice(0, v.shownRows);
  const year = v.range.from.slice(0, 4) !== v.range.to.slice(0, 4);
  return html`${filtersView(v)}
    <p class="hint" role="status">${t('showing', f.count.format(visible.length), f.count.format(shown.length))}</p>
    ${shown.length
      ? html`${scrollHint()}
          <div class="scroll" role="region" aria-labelledby="caption-detail">
            <table class="fc-table detail" part="table">
              <caption id="caption-detail">
                <span class="caption-text">${t('detailCaption', dateText(f, v.range.from), dateText(f, v.range.to))}</span>
              </caption>
              <thead>
                <tr>
                  ${COLUMNS.map((c) => sortHeader(v, c.key, t(c.label), c.num))}
                </tr>
              </thead>
              <tbody aria-busy=${v.filled < visible.length ? 'true' : 'false'}>
                ${visible.slice(0, v.filled).map((r) => detailRow(f, r, year, v.unstoppable))}
              </tbody>
            </table>
          </div>
          ${shown.length > visible.length
            ? html`<button type="button" class="fc-button more" @click=${v.onMore}>
                ${t('showMore', f.count.format(Math.min(v.step, shown.length - visible.length)))}
              </button>`
            : nothing}`
      : html`<div class="fc-state fc-state--empty" part="state empty"><p class="fc-state__message">${t('noMatch')}</p></div>`}`;
}

function sortHeader(v: DetailViewInput, key: SortKey, label: string, num = false): TemplateResult {
  const sorted = v.sort.key === key ? v.sort.dir : null;
  return html`<th scope="col" class=${num ? 'fc-num' : ''} aria-sort=${sorted ?? 'none'}>
    <button type="button" class="sort" data-sort=${key} @click=${() => v.onSort(key)}>
      ${label} <span class="sort__mark" aria-hidden="true">${sorted === 'ascending' ? '▲' : sorted === 'descending' ? '▼' : '↕'}</span>
    </button>
  </th>`;
}

function detailRow(f: Formats, r: Row, year: boolean, unstoppable: DetailViewInput['unstoppable']): TemplateResult {
  const { lead, rule, state } = r.e;
  const stop = state.stoppedBy;
  const received = lead.receivedAt;
  // An overdue clock names its day: "since 1:00 PM" would read as today.
  const status =
    state.status === 'met' ? t('met')
    : state.status === 'missed' ? t('missed')
    : t(state.status, shortTime(f, state.dueAt, { year, sameDayAs: state.status === 'running' ? received : undefined }));
  return html`<tr class="status-${state.status}">
    <td>${shortTime(f, received, { year })}</td>
    <td>${lead.customerName}</td>
    <td><bdi>${lead.make}</bdi> <span class="sub">${rule.id === NO_OEM_RULE_ID ? t('noRule') : rule.name}</span></td>
    <td>${lead.provider}</td>
    <td>${r.salesperson}</td>
    <td>${stop ? t('responseAt', activityName(stop.kind), shortTime(f, stop.at, { year, sameDayAs: received })) : t('noResponse')}</td>
    <td class="fc-num">${duration(f, state.elapsedMinutes)}</td>
    <td class="fc-num">${duration(f, rule.limitMinutes)} <span class="sub">${rule.clock === 'real' ? t('realTime') : t('businessTime')}</span></td>
    <td>${gradeBadge(state.grade)}</td>
    <td class="status">${status} ${unstoppableView(lead, rule, state.status, unstoppable)}</td>
    <td>${state.consequences.length ? state.consequences.map((c) => t(c)).join(', ') : t('noConsequence')}</td>
  </tr>`;
}

/** A lead whose contact details no stopping activity of its rule can reach (moot once met), in words. */
function unstoppableView(lead: Row['e']['lead'], rule: OemRule, status: string, unstoppableReason: DetailViewInput['unstoppable']): unknown {
  const reason = status === 'met' ? null : unstoppableReason(lead, rule);
  return reason
    ? html`<span class="sub unstoppable">${unstoppableText(reason, rule.stopsClock.filter((k) => k !== 'auto-response').map((k) => activityName(k).toLowerCase()))}</span>`
    : nothing;
}

function filtersView(v: DetailViewInput): TemplateResult {
  const { oems, people, sources } = v.options;
  const grades = GRADES.map((g) => [g, t(g)] as [string, string]);
  const select = (name: keyof Filters, label: string, options: Array<[string, string]>) => {
    const value = v.filters[name];
    const list = value && !options.some(([o]) => o === value) ? [...options, [value, value] as [string, string]] : options;
    return html`<label
      >${label}
      <select name=${name} @change=${(e: Event) => v.onFilter(name, (e.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!value}>${t('all')}</option>
        ${list.map(([o, text]) => html`<option .value=${o} ?selected=${o === value}>${text}</option>`)}
      </select></label
    >`;
  };
  return html`<div class="filters" part="filters" role="group" aria-label=${t('filters')}>
    ${select('oem', t('filterOem'), oems)} ${select('salesperson', t('filterSalesperson'), people)}
    ${select('source', t('filterSource'), sources)} ${select('grade', t('filterGrade'), grades)}
    ${v.filtered ? html`<button type="button" class="fc-button" @click=${v.onClearFilters}>${t('clearFilters')}</button>` : nothing}
  </div>`;
}

// ───────────── Summary ─────────────

/** What the Summary view shows. */
export interface SummaryViewInput {
  f: Formats;
  /** The note above the tables: whose figures these are. */
  note: string;
  /** Leads read when the range holds more than the cap (the figures then say so), else null. */
  cappedAt: number | null;
  /** The summary (per OEM, salesperson, responder and lead source), or null while it is loading or failed. */
  summary: LeadResponseSummary | null;
  /** What stands in for the tables without a summary (loading or an error with Retry). */
  instead: unknown;
  /** The rules by id, for each OEM's compliance target. */
  rules: ReadonlyMap<string, OemRule>;
  /** Response-time buckets and days of the rows in view. */
  figures: ReportFigures;
  /** The trend's legend (toggle buttons), once its chart is drawn. */
  trendLegend: unknown;
  /** A bucket's table row got (index) or lost (null) the focus: its bar's tooltip shows. */
  onBucketFocus: (index: number | null) => void;
  /** A day's table row got (index of the day in the range) or lost (null) the focus. */
  onDayFocus: (index: number | null) => void;
}

/** The Summary view: per-OEM, per-salesperson, per-responder and per-source tables, the response-time chart and its table. */
export function summaryView(v: SummaryViewInput): TemplateResult {
  const { f, summary } = v;
  const { labels, values, buckets } = v.figures;
  const capped = v.cappedAt === null ? nothing : t('summaryCapped', f.count.format(v.cappedAt));
  // An older server leaves the responder and source lists out (read as empty); any lead has a source row.
  const reported = !!summary?.byProvider?.length || !summary?.total.count;
  const tables = summary
    ? html`${summaryTable(f, t('byOem'), 'oem', summary.byOem, summary.total, v.rules)}
      ${summaryTable(f, t('bySalesperson'), 'people', summary.bySalesperson, summary.total, v.rules)}
      ${reported
        ? html`${summaryTable(f, t('byResponder'), 'responder', summary.byResponder, summary.total, v.rules)}
          ${summaryTable(f, t('byProvider'), 'provider', summary.byProvider, summary.total, v.rules)}`
        : html`<p class="hint">${t('notReported')}</p>`}`
    : v.instead;
  return html`<p class="hint">${v.note}${v.cappedAt === null ? nothing : html` ${capped}`}</p>
    ${tables}
    <section class="buckets" aria-labelledby="buckets-heading">
      <h3 id="buckets-heading">${t('bucketsHeading')}</h3>
      ${v.cappedAt === null ? nothing : html`<p class="hint">${capped}</p>`}
      <div class="fc-chart" part="chart">
        <canvas class="buckets-chart" role="img" aria-label=${bucketChartLabel(f, labels, values)}></canvas>
      </div>
      ${scrollHint()}
      <div class="scroll" role="region" aria-labelledby="caption-buckets">
        <table class="fc-table buckets-table" part="table">
          <caption id="caption-buckets">
            <span class="caption-text">${t('bucketsCaption')}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('colBucket')}</th>
              <th scope="col" class="fc-num">${t('colLeads')}</th>
            </tr>
          </thead>
          <tbody>
            ${labels.map(
              (l, i) =>
                html`<tr tabindex="0" @focus=${() => v.onBucketFocus(i)} @blur=${() => v.onBucketFocus(null)}>
                  <th scope="row">${l}</th>
                  <td class="fc-num">${f.count.format(values[i]!)}</td>
                </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${t('total')}</th>
              <td class="fc-num">${f.count.format(buckets.total)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
    ${trendView(v)}`;
}

/** The daily trend: its legend, the chart, and the figures per day in a disclosure. */
function trendView(v: SummaryViewInput): TemplateResult {
  const { f, figures } = v;
  const { range, days, targets } = figures;
  const names = targets.map((tg) => tg.name);
  const label = t(
    'trendLabel',
    dateText(f, range.from),
    dateText(f, range.to),
    names.length ? t('trendLabelTargets', new Intl.ListFormat(f.locale, { type: 'conjunction' }).format(names)) : '',
  );
  const figure = (value: number | null, text: (n: number) => string) => (value === null ? none(t('noFigure')) : text(value));
  return html`<section class="trend" aria-labelledby="trend-heading">
    <h3 id="trend-heading">${t('trendHeading')}</h3>
    ${v.trendLegend}
    <div class="fc-chart" part="chart">
      <canvas class="trend-chart" role="img" aria-label=${label}></canvas>
    </div>
    <details class="trend-figures">
      <summary>${t('trendFigures')}</summary>
      <p class="hint">${t('trendNote')}</p>
      ${scrollHint()}
      <div class="scroll" role="region" aria-labelledby="caption-trend">
        <table class="fc-table trend-table" part="table">
          <caption id="caption-trend">
            <span class="caption-text">${t('trendCaption')}</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">${t('colDay')}</th>
              <th scope="col" class="fc-num">${t('colLeads')}</th>
              <th scope="col" class="fc-num">${t('colKnown')}</th>
              <th scope="col" class="fc-num">${t('colMedian')}</th>
              <th scope="col" class="fc-num">${t('colWithin')}</th>
            </tr>
          </thead>
          <tbody>
            ${days.map((d, i) =>
              d.count
                ? html`<tr tabindex="0" @focus=${() => v.onDayFocus(d.known ? i : null)} @blur=${() => v.onDayFocus(null)}>
                    <th scope="row">${dateText(f, d.date)}</th>
                    <td class="fc-num">${f.count.format(d.count)}</td>
                    <td class="fc-num">${f.count.format(d.known)}</td>
                    <td class="fc-num">${figure(d.medianMinutes, (m) => duration(f, m))}</td>
                    <td class="fc-num">${figure(d.percentWithinLimit, (p) => f.percent.format(p / 100))}</td>
                  </tr>`
                : nothing,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </section>`;
}

/** A summary table's first column: its header, and the row keys the widget names in its own words. */
const KINDS = {
  oem: ['colRule', { [NO_OEM_RULE_ID]: 'noRule' }],
  people: ['colSalesperson', { unassigned: 'unassigned' }],
  responder: ['colResponder', { customer: 'responderCustomer', 'no-response': 'bucketNone' }],
  provider: ['colProvider', { unknown: 'providerUnknown' }],
} as const satisfies Record<string, [TextKey, Record<string, TextKey>]>;

function summaryTable(
  f: Formats,
  caption: string,
  kind: keyof typeof KINDS,
  rows: LeadResponseRow[],
  total: LeadResponseRow,
  rules: ReadonlyMap<string, OemRule>,
): TemplateResult {
  const [col, own]: readonly [TextKey, Partial<Record<string, TextKey>>] = KINDS[kind];
  // A responder's answers on leads assigned to someone else: what a BDC or a colleague did.
  const others = (n?: number) => (n ? html` <span class="sub">${t('forOthers', f.count.format(n))}</span>` : nothing);
  const name = (row: LeadResponseRow) => html`${own[row.key] ? t(own[row.key]!) : row.label}${others(row.forOthers)}`;
  const cells = (row: LeadResponseRow, compliance: unknown) => html`<td class="fc-num">${f.count.format(row.count)}</td>
    <td class="fc-num">${f.count.format(row.responded)}</td>
    <td class="fc-num">${row.averageMinutes === null ? none(t('noFigure')) : duration(f, row.averageMinutes)}</td>
    <td class="fc-num">${row.medianMinutes === null ? none(t('noFigure')) : duration(f, row.medianMinutes)}</td>
    <td class="fc-num">${row.percentWithinLimit === null ? none(t('noFigure')) : f.percent.format(row.percentWithinLimit / 100)}</td>
    ${GRADES.map((g) => html`<td class="fc-num">${f.count.format(row.grades[g])}</td>`)}
    <td>${compliance}</td>`;
  return html`${scrollHint()}
    <div class="scroll" role="region" aria-labelledby="caption-${kind}">
    <table class="fc-table summary summary-${kind}" part="table">
      <caption id="caption-${kind}">
        <span class="caption-text">${caption}</span>
      </caption>
      <thead>
        <tr>
          <th scope="col">${t(col)}</th>
          <th scope="col" class="fc-num">${t('colLeads')}</th>
          <th scope="col" class="fc-num">${t('colResponded')}</th>
          <th scope="col" class="fc-num">${t('colAverage')}</th>
          <th scope="col" class="fc-num">${t('colMedian')}</th>
          <th scope="col" class="fc-num">${t('colWithin')}</th>
          ${GRADES.map((g) => html`<th scope="col" class="fc-num">${gradeBadge(g)}</th>`)}
          <th scope="col">${t('colCompliance')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (row) => html`<tr>
            <th scope="row">${name(row)}</th>
            ${cells(row, kind === 'oem' ? oemCompliance(f, row, rules.get(row.key)) : overallCompliance(row))}
          </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${t('total')}</th>
          ${cells(total, overallCompliance(total))}
        </tr>
      </tfoot>
    </table>
  </div>`;
}

function oemCompliance(f: Formats, row: LeadResponseRow, rule: OemRule | undefined): unknown {
  const target = targetText(f, rule);
  if (!target) return t('noTarget');
  const verdict = row.complianceMet === null ? t('complianceUndecided') : row.complianceMet ? t('complianceMet') : t('complianceNotMet');
  const cls = row.complianceMet === null ? '' : row.complianceMet ? 'good' : 'bad';
  return html`${target} — <strong class=${cls}>${verdict}</strong>`;
}

function overallCompliance(row: LeadResponseRow): unknown {
  if (row.complianceMet === null) return none(t('noTarget'));
  return row.complianceMet ? html`<strong class="good">${t('allTargetsMet')}</strong>` : html`<strong class="bad">${t('someTargetMissed')}</strong>`;
}

/** The bucket chart's label: every bucket's count, and where the table with the same figures is. */
const bucketChartLabel = (f: Formats, labels: string[], values: number[]): string =>
  t('chartLabel', labels.map((l, i) => t('chartPart', l, f.count.format(values[i]!))).join(', '));

// ───────────── state lines ─────────────

export function progressText(f: Formats, p: { loaded: number; total: number | null }): string {
  return p.total === null ? t('readingStart') : t('reading', f.count.format(p.loaded), f.count.format(p.total));
}

/** The progress line while the leads read are worked out against the rules. */
export function evaluatingText(f: Formats, p: { done: number; total: number }): string {
  return t('evaluating', f.count.format(p.done), f.count.format(p.total));
}

/** Leads worked out against the rules threw: the reason, with Retry. */
export function evaluationErrorView(error: unknown, retry: () => void): TemplateResult {
  const detail = error instanceof Error ? error.message : String(error);
  return html`<div class="fc-state fc-state--error" part="state error">
    <div role="status">
      <p class="fc-state__message">${t('evaluateFailed')}</p>
      <p class="fc-state__detail">${detail}</p>
    </div>
    <button type="button" class="fc-button" part="retry-button" @click=${retry}>${t('retry')}</button>
  </div>`;
}
