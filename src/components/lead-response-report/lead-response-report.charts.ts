/**
 * The report's two Chart.js charts as configurations: leads per response-time bucket (bars, the
 * "no response yet" bucket hatched), and the daily trend (median response and share within the
 * limit as lines on a time axis, each OEM's target a dashed flat line). Built from the figures the
 * tables show; no Chart.js code is loaded here (types only), the engine comes with the controller.
 */
import type { ChartConfiguration, TooltipItem } from 'chart.js';
import type { DateRange } from '../../data/model.js';
import type { LeadBucketCounts, LeadResponseDay } from '../../data/logic/lead-buckets.js';
import type { ChartKit } from '../shared/charts/chart-controller.js';
import type { Formats } from '../shared/formats.js';
import { t } from './lead-response-report.messages.js';
import { duration } from './lead-response-report.view.js';

/** An OEM's compliance target, drawn on the trend at its minutes. */
export interface TrendTarget {
  /** The rule's id. */
  id: string;
  /** The OEM (the rule's name). */
  name: string;
  /** The target's "within" minutes: where its line stands. */
  minutes: number;
  /** The target in words: "90% within 1 h". */
  text: string;
}

/** Everything both charts and their tables show, worked out once per rows in view. */
export interface ReportFigures {
  /** The bucket names, answered buckets in order, then "No response yet". */
  labels: string[];
  /** Leads per bucket, in the order of `labels`. */
  values: number[];
  buckets: LeadBucketCounts;
  /** Every day of the range. */
  days: LeadResponseDay[];
  /** The targets of the OEMs among the rows, by name. */
  targets: TrendTarget[];
  range: DateRange;
  /** The dealer's zone: the trend's days begin and end in it. */
  zone: string;
  locale: string;
}

/** A target line's dash per OEM, so two targets at the same minutes still read apart (with the legend's names). */
const TARGET_DASHES = [
  [6, 4],
  [2, 3],
  [10, 4, 2, 4],
  [12, 6],
];

/** The dash of the `i`th target line. */
export const targetDash = (i: number): number[] => TARGET_DASHES[i % TARGET_DASHES.length]!;

/** Steps of the minutes axis: whole minutes, hours and days, so its ticks read "30 min", "2 h", "24 h". */
const MINUTE_STEPS = [5, 10, 15, 30, 60, 120, 180, 240, 360, 480, 720, 1440];

/**
 * The step of a minutes axis up to `max`: the smallest of {@link MINUTE_STEPS} that needs at most
 * six ticks, else whole days.
 */
export function minuteStep(max: number): number {
  const most = 6;
  return MINUTE_STEPS.find((step) => max / step <= most) ?? Math.ceil(max / most / 1440) * 1440;
}

/** The text and grid colours of both charts: the widget's chart knobs. */
function ink({ palette }: ChartKit) {
  return { text: palette.read('--_chart-text', palette.muted), grid: palette.read('--_chart-grid', palette.grid) };
}

/** Leads per bucket as upright bars; "no response yet" hatched in its own colour. */
export function bucketChartConfig(fig: ReportFigures, f: Formats, kit: ChartKit): ChartConfiguration<'bar'> {
  const { palette, hatch } = kit;
  const { text, grid } = ink(kit);
  const bar = palette.read('--_bar', palette.accent);
  const none = palette.read('--_no-response-bar', palette.warn);
  const last = fig.values.length - 1;
  return {
    type: 'bar',
    data: {
      labels: fig.labels,
      datasets: [
        {
          label: t('colLeads'),
          data: fig.values,
          backgroundColor: fig.values.map((_, i) => (i === last ? hatch(none) : bar)),
          // In forced colours the bars have an outline too, so the hatched one keeps its edge.
          borderColor: palette.forced ? palette.text : 'transparent',
          borderWidth: palette.forced ? 1 : 0,
        },
      ],
    },
    options: {
      scales: {
        x: { ticks: { color: text, autoSkip: false }, grid: { display: false } },
        y: {
          beginAtZero: true,
          title: { display: true, text: t('colLeads'), color: text },
          ticks: { color: text, precision: 0, callback: (value) => f.count.format(Number(value)) },
          grid: { color: grid },
        },
      },
      plugins: {
        tooltip: { callbacks: { label: (item: TooltipItem<'bar'>) => `${t('colLeads')}: ${f.count.format(Number(item.raw))}` } },
      },
    },
  };
}

/** A day's point: null figures leave a gap in the line. */
type DayPoint = { x: number; y: number | null };

/**
 * The daily trend: median response (left axis, minutes) and share within the limit (right axis,
 * percent) per day of the range, and one dashed flat line per OEM target on the minutes axis.
 * Every dataset has a point on every day, so index `i` is day `i` in each of them.
 */
export function trendChartConfig(fig: ReportFigures, f: Formats, kit: ChartKit): ChartConfiguration<'line', DayPoint[]> {
  const { palette } = kit;
  const { text, grid } = ink(kit);
  const median = palette.read('--_median-line', palette.accent);
  const within = palette.read('--_within-line', palette.good);
  const target = palette.read('--_target-line', palette.muted);
  const point = (y: (d: LeadResponseDay) => number | null): DayPoint[] => fig.days.map((d) => ({ x: d.start, y: y(d) }));
  const highest = Math.max(0, ...fig.days.map((d) => d.medianMinutes ?? 0), ...fig.targets.map((tg) => tg.minutes));
  return {
    type: 'line',
    data: {
      datasets: [
        {
          type: 'line',
          label: t('trendMedian'),
          data: point((d) => d.medianMinutes),
          yAxisID: 'y',
          borderColor: median,
          backgroundColor: median,
          borderWidth: 2,
          pointStyle: 'circle',
          pointRadius: 3,
        },
        {
          type: 'line',
          label: t('trendWithin'),
          data: point((d) => d.percentWithinLimit),
          yAxisID: 'y1',
          borderColor: within,
          backgroundColor: within,
          borderWidth: 2,
          pointStyle: 'rectRot',
          pointRadius: 4,
        },
        ...fig.targets.map((tg, i) => ({
          type: 'line' as const,
          label: t('trendTarget', tg.text, tg.name),
          data: point(() => tg.minutes),
          yAxisID: 'y',
          borderColor: target,
          borderWidth: 1.5,
          borderDash: targetDash(i),
          pointRadius: 0,
          pointHoverRadius: 0,
        })),
      ],
    },
    options: {
      parsing: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          type: 'time',
          adapters: { date: { zone: fig.zone, locale: fig.locale } },
          time: { unit: 'day', tooltipFormat: 'DD', displayFormats: { day: 'MMM d' } },
          ticks: { color: text, maxRotation: 0, autoSkip: true },
          grid: { color: grid },
        },
        y: {
          position: 'left',
          beginAtZero: true,
          title: { display: true, text: t('trendMinutesAxis'), color: text },
          ticks: { color: text, stepSize: minuteStep(highest), callback: (value) => duration(f, Number(value)) },
          grid: { color: grid },
        },
        y1: {
          position: 'right',
          min: 0,
          max: 100,
          title: { display: true, text: t('trendPercentAxis'), color: text },
          ticks: { color: text, callback: (value) => f.percentWhole.format(Number(value) / 100) },
          grid: { drawOnChartArea: false },
        },
      },
      plugins: {
        tooltip: {
          // A day without a known outcome has no figure to show.
          filter: (item: TooltipItem<'line'>) => (item.raw as DayPoint).y !== null,
          callbacks: {
            label: (item: TooltipItem<'line'>) => {
              const y = (item.raw as DayPoint).y ?? 0;
              if (item.datasetIndex === 1) return `${item.dataset.label}: ${f.percent.format(y / 100)}`;
              if (item.datasetIndex === 0) return `${item.dataset.label}: ${duration(f, y)}`;
              return item.dataset.label ?? '';
            },
          },
        },
      },
    },
  };
}
