/**
 * The store-traffic chart as Chart.js draws it (through the shared `ChartController`): what one
 * level plots (`levelPlot`, plain data, built once per level and locale) and the chart
 * configuration of it in the theme's colours (`plotConfig`).
 *
 * - Grouped by anything but time: one bar per bucket, in the table's order and with its names;
 *   stacked by a second dimension on demand (one dataset per stack value, `stacked` scales).
 * - Grouped by month, day or hour of the day: a line on a time axis with every bucket of the range
 *   (none left out for having no ups), `{x, y}` points unparsed, and the previous period dashed over
 *   it (`alignTrafficPeriods`: its n-th bucket over this period's n-th); stacked, a line per stack
 *   value beside the total.
 *
 * Only types come from chart.js here: the engine is loaded lazily by the controller. This module is
 * loaded lazily too, once the first figures show (the element's `loadPlots`): its time axis is zone
 * arithmetic (luxon), which the table and the heatmap do not need.
 */
import type { ChartConfiguration, ChartDataset, TooltipItem } from 'chart.js';
import { dayNumberOf } from '../../data/logic/calendar.js';
import { zoneDayStart } from '../../data/logic/calendar-zones.js';
import { alignTrafficPeriods } from '../../data/logic/traffic.js';
import type { TrafficTimeGrouping } from '../../data/logic/traffic.js';
import type { TrafficAggregate } from '../../data/model.js';
import type { ChartKit } from '../shared/charts/chart-controller.js';
import type { Formats } from '../shared/formats.js';
import { bucketLabel } from './store-traffic.labels.js';
import { isTimeGrouping } from './store-traffic.model.js';
import type { LevelModel } from './store-traffic.model.js';


/** A time axis: where each point stands and how the axis counts. */
export interface PlotTime {
  /** Epoch milliseconds of each point: the start of its day or month in the zone; hours of the day on one UTC day. */
  x: number[];
  unit: TrafficTimeGrouping;
  /** The zone the axis is drawn in. */
  zone: string;
}

/** What one level plots, point by point along the axis. */
export interface LevelPlot {
  kind: 'bar' | 'line';
  /** Each point's bucket name (the table's row name). */
  names: string[];
  /** The table row (index in the model's rows) of each point, or null for a time bucket without ups. */
  rows: (number | null)[];
  /** The point of each table row. */
  points: number[];
  ups: number[];
  /** Ups per stack value, point by point. */
  series: { name: string; values: number[] }[];
  /** Closing ratio of each point, null without ups. */
  closing: (number | null)[];
  /** The time axis of a line; null for bars. */
  time: PlotTime | null;
  /** The previous period's ups at each point, up to its end (a line only, once read). */
  previous: number[] | null;
}

/** Hours of the day stand on this UTC day: an axis of hours in a day with no clock change. */
const HOUR_DAY = Date.UTC(2000, 0, 3);

/** Where the bucket `key` of a time grouping stands on the axis. */
function instantOf(unit: TrafficTimeGrouping, key: string, zone: string): number {
  if (unit === 'hour') return HOUR_DAY + Number(key) * 3_600_000;
  return zoneDayStart(zone, dayNumberOf(unit === 'month' ? `${key}-01` : key));
}

/**
 * What a level plots.
 * @param model The level as the table shows it.
 * @param previous The same level in the previous period (`model.previousRange`), once read.
 * @param zone The zone of the level's buckets.
 */
export function levelPlot(model: LevelModel, previous: TrafficAggregate | null, zone: string): LevelPlot {
  const rows = model.rows;
  const grouping = model.dimension;
  if (!isTimeGrouping(grouping)) {
    return {
      kind: 'bar',
      names: rows.map((r) => r.label),
      rows: rows.map((_, i) => i),
      points: rows.map((_, i) => i),
      ups: rows.map((r) => r.ups),
      series: model.seriesNames.map((name, s) => ({ name, values: rows.map((r) => r.series[s] ?? 0) })),
      closing: rows.map((r) => r.closingRatio),
      time: null,
      previous: null,
    };
  }
  const axis = alignTrafficPeriods(grouping, model.range, model.previousRange);
  const rowOf = new Map(rows.map((r, i) => [r.key, i]));
  const at = axis.map((b) => rowOf.get(b.key) ?? null);
  const before = previous ? new Map(previous.rows.map((r) => [r.key, r.ups])) : null;
  const points = new Array<number>(rows.length).fill(-1);
  at.forEach((row, point) => {
    if (row !== null) points[row] = point;
  });
  const zoneOfAxis = grouping === 'hour' ? 'UTC' : zone;
  return {
    kind: 'line',
    names: axis.map((b, i) => (at[i] !== null ? rows[at[i]!]!.label : bucketLabel(grouping, b.key, b.key))),
    rows: at,
    points,
    ups: at.map((row) => (row === null ? 0 : rows[row]!.ups)),
    series: model.seriesNames.map((name, s) => ({ name, values: at.map((row) => (row === null ? 0 : (rows[row]!.series[s] ?? 0))) })),
    closing: at.map((row) => (row === null ? null : rows[row]!.closingRatio)),
    time: { x: axis.map((b) => instantOf(grouping, b.key, zone)), unit: grouping, zone: zoneOfAxis },
    previous: before
      ? axis.flatMap((b) => (b.previous === null ? [] : [before.get(b.previous) ?? 0]))
      : null,
  };
}

/** The words the chart draws. */
export interface PlotText {
  /** The ups series: "Ups". */
  ups: string;
  /** The previous period's series: "Ups, previous period". */
  previous: string;
  /** "Closing ratio: 50.0%" (or "none" for null). */
  closing: (ratio: number | null) => string;
}

/** Marks of the stack values' lines, so no two are told apart by colour alone. */
const MARKS = ['rect', 'triangle', 'rectRot', 'crossRot', 'star', 'cross', 'line'] as const;

/** Tick labels of a time axis per unit (luxon formats), like the table's names. */
const DISPLAY_FORMATS = { hour: 'HH:mm', day: 'MMM d', month: 'MMM yyyy' } as const;

/**
 * The Chart.js configuration of a plot in the theme's colours: bars, or a line with the previous
 * period dashed, tooltips naming the bucket, each series' figure and the closing ratio.
 */
export function plotConfig(plot: LevelPlot, { palette, hatch }: ChartKit, text: PlotText, f: Formats, locale: string): ChartConfiguration {
  const bar = palette.read('--_bar', palette.accent);
  const tick = palette.read('--_chart-text', palette.muted);
  const grid = palette.read('--_chart-grid', palette.grid);
  // Stack colours: the widget's knobs; in forced colours one system colour, every other part hatched.
  const colour = (i: number): string | CanvasPattern =>
    palette.forced ? (i % 2 ? hatch(palette.accent) : palette.accent) : palette.read(`--_series-${Math.min(i, 6) + 1}`, bar);
  // Every word now, in the widget's language: tooltips show later, outside its render.
  const footers = plot.rows.map((row, i) => (row === null ? '' : text.closing(plot.closing[i] ?? null)));
  const count = (n: unknown) => f.count.format(typeof n === 'number' ? n : Number((n as { y?: number })?.y ?? 0));
  const tooltip = {
    callbacks: {
      title: (items: TooltipItem<'bar' | 'line'>[]) => plot.names[items[0]?.dataIndex ?? -1] ?? '',
      label: (item: TooltipItem<'bar' | 'line'>) => `${item.dataset.label ?? ''}: ${count(item.raw)}`,
      footer: (items: TooltipItem<'bar' | 'line'>[]) => footers[items[0]?.dataIndex ?? -1] ?? '',
    },
  };
  const stacked = plot.series.length > 0;
  const y = { beginAtZero: true, stacked, ticks: { precision: 0, color: tick, callback: (v: string | number) => f.count.format(Number(v)) }, grid: { color: grid } };

  if (plot.kind === 'bar' || !plot.time) {
    const datasets: ChartDataset<'bar'>[] = stacked
      ? plot.series.map((s, i) => ({
          label: s.name,
          data: s.values,
          backgroundColor: colour(i),
          // A thin line in the surface colour between parts, so neighbours never merge.
          borderColor: palette.surface,
          borderWidth: { top: 1 },
          stack: 'ups',
          normalized: true,
        }))
      : [{ label: text.ups, data: plot.ups, backgroundColor: bar, normalized: true }];
    return {
      type: 'bar',
      data: { labels: plot.names, datasets },
      options: {
        interaction: { mode: 'index', intersect: true },
        scales: { x: { stacked, ticks: { color: tick }, grid: { display: false } }, y },
        plugins: { tooltip },
      },
    };
  }

  const { x, unit, zone } = plot.time;
  const many = x.length > 62;
  const points = (values: readonly number[]) => values.map((v, i) => ({ x: x[i]!, y: v }));
  const line = (label: string, data: { x: number; y: number }[], stroke: string | CanvasPattern, extra: Partial<ChartDataset<'line'>> = {}): ChartDataset<'line'> => ({
    type: 'line',
    label,
    data,
    borderColor: stroke,
    pointBackgroundColor: stroke,
    pointBorderColor: stroke,
    pointRadius: many ? 0 : 3,
    pointHoverRadius: 5,
    pointHitRadius: 8,
    borderWidth: 2,
    parsing: false,
    normalized: true,
    ...extra,
  });
  const datasets: ChartDataset<'line'>[] = [
    line(text.ups, points(plot.ups), bar, { borderWidth: 2.5 }),
    ...plot.series.map((s, i) =>
      line(s.name, points(s.values), palette.forced ? palette.text : colour(i + 1), { borderWidth: 1.5, pointStyle: MARKS[i % MARKS.length], pointRadius: many ? 0 : 3 }),
    ),
    ...(plot.previous ? [line(text.previous, points(plot.previous), palette.muted, { borderDash: [6, 4], pointRadius: 0 })] : []),
  ];
  return {
    type: 'line',
    data: { datasets },
    options: {
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          type: 'time',
          adapters: { date: { zone, locale } },
          time: { unit, displayFormats: DISPLAY_FORMATS },
          ticks: { color: tick, maxRotation: 0, autoSkip: true },
          grid: { display: false },
        },
        y: { ...y, stacked: false },
      },
      plugins: { tooltip },
    },
  };
}
