/**
 * Formatting and small render helpers of the SMS summary. The figures are the adapter's
 * (`summarizeSms`); these only compare them (`compareToPrevious`) and turn them into text.
 */
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { compareToPrevious } from '../../data/logic/period-change.js';
import type { CarrierBlockingFlag, DateRange, SmsErrorCategory, SmsSummary } from '../../data/model.js';
import { SMS_ERROR_CATEGORIES } from '../../data/model.js';
import { isolateIn } from '../shared/bidi.js';
import type { Formats } from '../shared/formats.js';
import { t } from './sms-summary.messages.js';

/** The shared formats (`makeFormats(locale)` of `../shared/formats.ts`). */
export type { Formats };

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "Oct 1–Oct 30"; with the years when the range spans two. */
export function rangeName(f: Formats, range: DateRange): string {
  const sameYear = range.from.slice(0, 4) === range.to.slice(0, 4);
  const day = sameYear ? f.day : f.dayYear;
  return `${day.format(utc(range.from))}–${day.format(utc(range.to))}`;
}

/** "Nov 1–Nov 30, 2026": the range with its year. */
export function longRangeName(f: Formats, range: DateRange): string {
  const sameYear = range.from.slice(0, 4) === range.to.slice(0, 4);
  return `${(sameYear ? f.day : f.dayYear).format(utc(range.from))}–${f.dayYear.format(utc(range.to))}`;
}

/**
 * The summary's header line: the range and what it was compared with, saying so when that is not
 * simply the same days a month earlier: "Oct 1–Oct 31, 2026, compared with all of September 2026",
 * "Mar 29–Mar 31, 2026, compared with Feb 28, 2026, the days that exist in February 2026".
 */
export function comparedLine(f: Formats, summary: SmsSummary, range: string): string {
  const { from, to } = summary.previous.range;
  const how = summary.compared;
  return (
    t('compared', range, how?.basis === 'months' ? t('allOf', f.month.formatRange(utc(from), utc(to))) : from === to ? f.dayYear.format(utc(from)) : longRangeName(f, summary.previous.range)) +
    (how?.clamped ? t('daysThatExist', f.month.format(utc(to))) : '')
  );
}

/** Which way a rise goes for the store. */
export type Polarity = 'neutral' | 'up-good' | 'up-bad';
export type Tone = 'good' | 'bad' | 'neutral';

/** One figure of the summary as shown: the value, its arrow and words, and the sentence a screen reader hears. */
export interface MetricView {
  key: string;
  label: string;
  value: string;
  /** ▲, ▼ or nothing. */
  glyph: '▲' | '▼' | '';
  /** "16.7%", "20 pts", "from 0", "no change", "no data last period". */
  change: string;
  /** "better", "worse" or nothing (a rise in texts is neither). */
  verdict: string;
  tone: Tone;
  /** "Oct 1–Oct 30: 36", or nothing without data then. */
  previous: string;
  sentence: string;
}

function verdictOf(polarity: Polarity, direction: 'up' | 'down' | 'same'): { verdict: string; tone: Tone } {
  if (polarity === 'neutral' || direction === 'same') return { verdict: '', tone: 'neutral' };
  const better = (direction === 'up') === (polarity === 'up-good');
  return { verdict: better ? t('better') : t('worse'), tone: better ? 'good' : 'bad' };
}

/**
 * The view of one figure against the previous period.
 * @param now The figure now (null: a rate without messages).
 * @param before The figure then (null: no data then).
 * @param kind `count` compares relatively (16.7%), `rate` in percentage points.
 */
export function metricView(
  f: Formats,
  key: string,
  label: string,
  now: number | null,
  before: number | null,
  kind: 'count' | 'rate',
  polarity: Polarity,
  previousRange: string,
): MetricView {
  const show = (v: number | null) => (v === null ? '—' : kind === 'rate' ? f.percent.format(v) : f.count.format(v));
  const base = { key, label, value: show(now), glyph: '' as const, verdict: '', tone: 'neutral' as Tone };
  if (now === null) {
    const previous = before === null ? t('none') : show(before);
    return { ...base, change: '', previous: before === null ? '' : t('previousValue', previousRange, previous), sentence: t('srEnd', t('srNoValue', label, previous, previousRange), '') };
  }
  if (before === null) {
    return { ...base, change: t('noDataLast'), previous: '', sentence: t('srEnd', t('srNoData', label, base.value, previousRange), '') };
  }
  const previous = t('previousValue', previousRange, show(before));
  const diff = compareToPrevious(now, before);
  if (diff.direction === 'same') {
    return { ...base, change: t('noChange'), previous, sentence: t('srEnd', t('srSame', label, base.value, previousRange), '') };
  }
  const up = diff.direction === 'up';
  let shown: string;
  let spoken: string;
  if (kind === 'rate') {
    const n = f.points.format(Math.abs(diff.difference) * 100);
    shown = t('points', n);
    spoken = t('pointsLong', n);
  } else if (diff.ratio === null) {
    shown = t('fromZero');
    spoken = '';
  } else {
    shown = spoken = f.percent.format(Math.abs(diff.ratio));
  }
  const { verdict, tone } = verdictOf(polarity, diff.direction);
  return {
    ...base,
    glyph: up ? '▲' : '▼',
    change: shown,
    verdict,
    tone,
    previous,
    sentence: t('srEnd', t('srChange', label, base.value, up, spoken, show(before), previousRange), verdict),
  };
}

/** The five figures of the summary, in display order. */
export function metricViews(f: Formats, summary: SmsSummary): MetricView[] {
  const { current: c, previous: p } = summary;
  const range = rangeName(f, p.range);
  const hadData = p.inbound + p.outbound > 0;
  const then = (v: number) => (hadData ? v : null);
  return [
    metricView(f, 'inbound', t('inbound'), c.inbound, then(p.inbound), 'count', 'neutral', range),
    metricView(f, 'outbound', t('outbound'), c.outbound, then(p.outbound), 'count', 'neutral', range),
    metricView(f, 'delivered', t('delivered'), c.delivered, then(p.delivered), 'count', 'up-good', range),
    metricView(f, 'failed', t('failed'), c.failed, then(p.failed), 'count', 'up-bad', range),
    metricView(f, 'delivery-rate', t('deliveryRate'), c.deliveryRate, hadData ? p.deliveryRate : null, 'rate', 'up-good', range),
  ];
}

/** One figure as a tile: the eye reads the parts, a screen reader hears the sentence. */
export function metricTile(m: MetricView): TemplateResult {
  return html`<li class="metric ${m.tone}" part="metric">
    <div aria-hidden="true">
      <span class="label">${m.label}</span>
      <span class="value">${m.value}</span>
      ${m.change
        ? html`<span class="change"
            >${m.glyph ? html`<span class="glyph">${m.glyph}</span> ` : nothing}${m.change}${m.verdict
              ? html` <span class="verdict">${m.verdict}</span>`
              : nothing}</span
          >`
        : nothing}
      ${m.previous ? html`<span class="previous">${m.previous}</span>` : nothing}
    </div>
    <span class="fc-visually-hidden">${m.sentence}</span>
  </li>`;
}

/** A row of the errors table (and a bar of the chart). */
export interface CategoryRow {
  category: SmsErrorCategory;
  name: string;
  now: number;
  before: number | null;
}

/** Categories with errors in either period: most errors now first, then the taxonomy's order. */
export function categoryRows(summary: SmsSummary): CategoryRow[] {
  const hadData = summary.previous.inbound + summary.previous.outbound > 0;
  const rows: CategoryRow[] = [];
  for (const category of SMS_ERROR_CATEGORIES) {
    const now = summary.current.errorsByCategory[category] ?? 0;
    const before = summary.previous.errorsByCategory[category] ?? 0;
    if (now || before) rows.push({ category, name: t(category), now, before: hadData ? before : null });
  }
  return rows.sort((a, b) => b.now - a.now);
}

/** The change cell of an errors row: more errors are worse. */
export function categoryChange(f: Formats, row: CategoryRow): TemplateResult | string {
  if (row.before === null) return t('noDataLast');
  const diff = compareToPrevious(row.now, row.before);
  if (diff.direction === 'same') return t('noChange');
  const amount = diff.ratio === null ? t('fromZero') : f.percent.format(Math.abs(diff.ratio));
  const { verdict, tone } = verdictOf('up-bad', diff.direction);
  const glyph = diff.direction === 'up' ? '▲' : '▼';
  return html`<span class=${tone}><span aria-hidden="true">${glyph}</span> ${diff.direction === 'up' ? t('up', amount) : t('down', amount)}
    <span class="verdict">(${verdict})</span></span>`;
}

/** One flagged sending number, in words; the number in a `<bdi>`. */
export function blockingLine(f: Formats, flag: CarrierBlockingFlag, previousRange: string): TemplateResult {
  const counts = [f.count.format(flag.filtered), f.count.format(flag.sent), f.percent.format(flag.share), f.percent.format(flag.previousShare)] as const;
  return isolateIn((number) => t('blockingLine', number, ...counts, previousRange), flag.number);
}

/** A warning triangle, drawn for the eye only (the heading says "Warning"). */
export const warningIcon = html`<svg class="icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
  <path d="M8 1.5 15 14.5H1L8 1.5Z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
  <path d="M8 6v4" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
  <circle cx="8" cy="12.25" r="0.9" fill="currentColor" />
</svg>`;
