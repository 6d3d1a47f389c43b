/**
 * The SMS summary's two Chart.js charts, as configurations built from the figures the table shows:
 * errors by category (horizontal bars) and the daily trend (lines on a time axis, the previous
 * period dashed over this one). Only types come from `chart.js` here: the engine itself is the
 * shared lazy chunk the chart controller loads.
 *
 * The element loads this module with the first figures, not with the widget, and hands it the
 * message and label functions ({@link ChartTexts}) rather than this module importing them: it then
 * imports nothing at run time and shares no chunk with the first load.
 */
import type { ChartConfiguration, ChartDataset, PointStyle, TooltipItem } from 'chart.js';
import type { SmsTrend, SmsTrendDay } from '../../data/logic/sms-trend.js';
import type { ChartKit, wrapLabel } from '../shared/charts/chart-controller.js';
import type { t } from './sms-summary.messages.js';
import type { CategoryRow, Formats } from './sms-summary.view.js';

// The template-risk panel rides in this lazy module: a summary with templates has figures, so it is here by then.
export { templatesView } from './sms-summary.templates.js';

/** The summary's messages and the shared axis-label wrapper, handed in by the element. */
export interface ChartTexts {
  t: typeof t;
  wrapLabel: typeof wrapLabel;
}

/** A line of the trend: which figure of a day it draws, its name, knob and point mark. */
export interface TrendSeries {
  key: 'inbound' | 'outbound' | 'delivered' | 'failed';
  label: 'inbound' | 'outbound' | 'delivered' | 'failed';
  knob: `--_${string}`;
  tone: 'muted' | 'accent' | 'good' | 'bad';
  /** Each line has its own point mark too, so lines are told apart without colour. */
  point: PointStyle;
}

/** The trend's four lines, in the order of the figures above them. */
export const TREND_SERIES: readonly TrendSeries[] = [
  { key: 'inbound', label: 'inbound', knob: '--_trend-in', tone: 'muted', point: 'circle' },
  { key: 'outbound', label: 'outbound', knob: '--_trend-out', tone: 'accent', point: 'rect' },
  { key: 'delivered', label: 'delivered', knob: '--_trend-delivered', tone: 'good', point: 'triangle' },
  { key: 'failed', label: 'failed', knob: '--_trend-failed', tone: 'bad', point: 'rectRot' },
];

/** Errors now per category, in the table's order and names, as horizontal bars. */
export function barsConfig(f: Formats, rows: readonly CategoryRow[], { palette }: ChartKit, { t, wrapLabel }: ChartTexts): ChartConfiguration<'bar'> {
  const bar = palette.read('--_bar', palette.accent);
  return {
    type: 'bar',
    data: {
      labels: rows.map((r) => wrapLabel(r.name)),
      datasets: [
        {
          label: t('colNow'),
          data: rows.map((r) => r.now),
          backgroundColor: bar,
          // In forced colours the bar is an outline and a fill of the same system colour.
          borderColor: bar,
          borderWidth: palette.forced ? 1 : 0,
          maxBarThickness: 28,
        },
      ],
    },
    options: {
      indexAxis: 'y',
      scales: {
        x: {
          beginAtZero: true,
          ticks: { precision: 0, color: palette.read('--_chart-text', palette.muted), callback: (v) => f.count.format(Number(v)) },
          grid: { color: palette.read('--_chart-grid', palette.grid) },
        },
        y: { ticks: { color: palette.text, autoSkip: false }, grid: { display: false } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => rows[items[0]?.dataIndex ?? 0]?.name ?? '',
            label: (item) => `${t('colNow')}: ${f.count.format(item.parsed.x ?? 0)}`,
          },
        },
      },
    },
  };
}

/** A point of the trend: the day on this period's axis, its figure, and the day it is (a previous period's own date). */
export interface TrendPoint {
  x: number;
  y: number;
  date: string;
}

const points = (days: readonly SmsTrendDay[], key: TrendSeries['key']): TrendPoint[] => days.map((d) => ({ x: d.x, y: d[key], date: d.date }));
const dayOf = (f: Formats, date: string) => f.day.format(new Date(`${date}T00:00:00Z`));

/**
 * The daily trend: this period's four lines, then the previous period's four, dashed, on the same
 * days. Days carrier blocking marks are a large ✕ on the failed line.
 */
export function trendConfig(f: Formats, trend: SmsTrend, locale: string, { palette }: ChartKit, { t }: ChartTexts): ChartConfiguration<'line', TrendPoint[]> {
  const blocked = new Set(trend.blockedDays);
  const colour = (s: TrendSeries) => palette.read(s.knob, palette[s.tone]);
  const current: ChartDataset<'line', TrendPoint[]>[] = TREND_SERIES.map((s) => {
    const marks = s.key === 'failed' && blocked.size > 0;
    return {
      type: 'line',
      label: t(s.label),
      data: points(trend.current, s.key),
      parsing: false,
      normalized: true,
      borderColor: colour(s),
      backgroundColor: colour(s),
      borderWidth: 2,
      pointStyle: marks ? trend.current.map((d) => (blocked.has(d.date) ? 'crossRot' : s.point)) : s.point,
      pointRadius: marks ? trend.current.map((d) => (blocked.has(d.date) ? 9 : 3)) : 3,
      pointBorderWidth: marks ? trend.current.map((d) => (blocked.has(d.date) ? 3 : 1)) : 1,
      pointHoverRadius: marks ? trend.current.map((d) => (blocked.has(d.date) ? 10 : 5)) : 5,
    };
  });
  const previous: ChartDataset<'line', TrendPoint[]>[] = TREND_SERIES.map((s) => ({
    type: 'line',
    label: t('previousSeries', t(s.label)),
    data: points(trend.previous, s.key),
    parsing: false,
    normalized: true,
    borderColor: colour(s),
    backgroundColor: colour(s),
    borderWidth: 1.5,
    borderDash: [6, 4],
    pointStyle: s.point,
    pointRadius: 0,
    pointHoverRadius: 4,
  }));
  const muted = palette.read('--_chart-text', palette.muted);
  return {
    type: 'line',
    data: { datasets: [...current, ...previous] },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          type: 'time',
          // The axis is calendar days as UTC midnights (see smsTrend): read in UTC, in the widget's language.
          adapters: { date: { zone: 'UTC', locale } },
          time: { unit: 'day' },
          ticks: { color: muted, maxRotation: 0, autoSkipPadding: 12, callback: (v) => dayOf(f, new Date(Number(v)).toISOString().slice(0, 10)) },
          grid: { color: palette.read('--_chart-grid', palette.grid) },
        },
        y: {
          beginAtZero: true,
          ticks: { precision: 0, color: muted, callback: (v) => f.count.format(Number(v)) },
          grid: { color: palette.read('--_chart-grid', palette.grid) },
        },
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => {
              const day = items[0] ? trend.current[items[0].dataIndex] : undefined;
              return day ? f.dayYear.format(new Date(`${day.date}T00:00:00Z`)) : '';
            },
            label: (item: TooltipItem<'line'>) => {
              const point = item.raw as TrendPoint;
              const value = f.count.format(point.y);
              if (item.datasetIndex >= TREND_SERIES.length) return `${item.dataset.label} (${dayOf(f, point.date)}): ${value}`;
              const series = TREND_SERIES[item.datasetIndex]!;
              return series.key === 'failed' && blocked.has(point.date) ? `${item.dataset.label}: ${value} (${t('blockedMark')})` : `${item.dataset.label}: ${value}`;
            },
          },
        },
      },
    },
  };
}
