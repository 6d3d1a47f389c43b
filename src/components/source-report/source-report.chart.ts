/**
 * The source report's chart, as a Chart.js configuration: horizontal bars in the table's order
 * and names, either new customers (the unknown bucket hatched) or marketing spend against revenue
 * (grouped bars, named by the HTML legend), for the categories or for one category's sources.
 */
import type { ChartConfiguration, Plugin } from 'chart.js';
import type { SourceReport, SourceReportCategory, SourceReportRow } from '../../data/model.js';
import { UNKNOWN_CATEGORY_ID } from '../../data/model.js';
import { wrapLabel } from '../shared/charts/chart-controller.js';
import type { ChartKit } from '../shared/charts/chart-controller.js';
import { isolate } from '../shared/bidi.js';
import type { Formats } from '../shared/formats.js';
import { t } from './source-report.messages.js';
import { cents, rowName } from './source-report.view.js';

/** What the chart shows: the figures, the level (one category's sources, or all categories) and the measure. */
export interface SourceChartView {
  report: SourceReport;
  /** The category whose sources are shown; undefined for the categories. */
  category: SourceReportCategory | undefined;
  /** Spend and revenue instead of new customers. */
  money: boolean;
  /** The locale the names and figures are written in. */
  locale: string;
}

/** The rows drawn: the category's sources when drilled into, else the categories. */
export const chartRows = (view: SourceChartView): readonly SourceReportRow[] => view.category?.subcategories ?? view.report.categories;

/** Row names as the canvas draws them: in lines, each line in its own bidi isolate, so a name's override stays inside it. */
const names = (rows: readonly SourceReportRow[]) => rows.map((row) => wrapLabel(rowName(row)).map(isolate));

/**
 * The canvas's accessible name: what it shows, every figure, and where the table is.
 * @param view What the chart shows.
 * @param f The widget's formats.
 */
export function chartLabel(view: SourceChartView, f: Formats): string {
  const rows = chartRows(view);
  const parts = rows
    .map((row) => {
      const name = isolate(rowName(row));
      return view.money ? t('moneyPart', name, cents(f, row.spend), cents(f, row.revenue)) : t('chartPart', name, f.count.format(row.newCustomers));
    })
    .join(view.money ? '; ' : ', ');
  const category = view.category && isolate(rowName(view.category));
  if (view.money) return category ? t('moneyLabelIn', category, parts) : t('moneyLabel', parts);
  return category ? t('chartLabelIn', category, parts) : t('chartLabel', parts);
}

/** A dataset that says how its values are written at the bars' ends. */
type Written = { fcFormat?: (value: number) => string };

/**
 * Writes each bar's value at its end, so no figure needs a hover (the table has them all too), in
 * the colour of the axis figures. It reads the format from each dataset and the colour from the
 * axis each time it draws: the controller updates data and options in place, not plugins.
 */
const valuesAtEnds: Plugin<'bar'> = {
  id: 'fcValues',
  afterDatasetsDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = String((chart.scales['x']?.options as { ticks?: { color?: unknown } } | undefined)?.ticks?.color ?? chart.options.color);
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    chart.data.datasets.forEach((dataset, d) => {
      const format = (dataset as Written).fcFormat;
      if (!format || !chart.isDatasetVisible(d)) return;
      chart.getDatasetMeta(d).data.forEach((bar, i) => {
        const { x, y } = bar.getProps(['x', 'y']) as { x: number; y: number };
        ctx.fillText(format(Number(dataset.data[i] ?? 0)), x + 4, y);
      });
    });
    ctx.restore();
  },
};

/**
 * The chart for `view`: bars of new customers (the unknown bucket, or every source of the unknown
 * category, hatched), or grouped bars of spend and revenue in dollars. Null when there is nothing to draw.
 * @param view What the chart shows.
 * @param f The widget's formats.
 * @param kit The palette and hatch of the chart controller.
 */
export function sourceChartConfig(view: SourceChartView, f: Formats, { palette, hatch }: ChartKit): ChartConfiguration<'bar'> | null {
  const rows = chartRows(view);
  if (!rows.length) return null;
  const text = palette.read('--_chart-text', palette.muted);
  const grid = palette.read('--_chart-grid', palette.grid);
  const allUnknown = view.category?.id === UNKNOWN_CATEGORY_ID;
  const isUnknown = (row: SourceReportRow) => allUnknown || row.id === UNKNOWN_CATEGORY_ID;
  const compactMoney = new Intl.NumberFormat(f.locale, { style: 'currency', currency: f.money.resolvedOptions().currency, notation: 'compact', maximumFractionDigits: 1 });
  const format = view.money ? (dollars: number) => compactMoney.format(dollars) : (count: number) => f.count.format(count);
  const bar = palette.read('--_bar', palette.accent);
  const unknown = hatch(palette.read('--_unknown-bar', palette.warn));
  const datasets: ChartConfiguration<'bar'>['data']['datasets'] = view.money
    ? [
        { label: t('colSpend'), data: rows.map((r) => r.spend / 100), backgroundColor: palette.read('--_spend-bar', palette.muted) },
        { label: t('colRevenue'), data: rows.map((r) => r.revenue / 100), backgroundColor: palette.read('--_revenue-bar', palette.accent) },
      ]
    : [{ label: t('colNew'), data: rows.map((r) => r.newCustomers), backgroundColor: rows.map((r) => (isUnknown(r) ? unknown : bar)) }];
  for (const dataset of datasets) {
    dataset.maxBarThickness = 28;
    dataset.borderRadius = 3;
    (dataset as Written).fcFormat = format;
  }
  return {
    type: 'bar',
    data: { labels: names(rows), datasets },
    options: {
      indexAxis: 'y',
      locale: f.locale,
      // A click or hover anywhere in a row's band picks it, so a category with no bar is reachable too.
      interaction: { mode: 'index', axis: 'y', intersect: false },
      // Room for the value written after the longest bar.
      layout: { padding: { right: view.money ? 56 : 32 } },
      scales: {
        x: {
          beginAtZero: true,
          grid: { color: grid },
          border: { color: grid },
          ticks: { color: text, precision: 0, callback: (value) => format(Number(value)) },
        },
        // Every name is drawn, however narrow the chart (long names are in lines).
        y: { grid: { display: false }, border: { color: grid }, ticks: { color: palette.text, autoSkip: false } },
      },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => `${item.dataset.label ?? ''}: ${view.money ? f.money.format(item.parsed.x ?? 0) : f.count.format(item.parsed.x ?? 0)}`,
          },
        },
      },
    },
    plugins: [valuesAtEnds],
  };
}

/** The chart box's height class: room for about 2rem a bar. */
export function heightClass(view: SourceChartView): string {
  const bars = chartRows(view).length * (view.money ? 2 : 1);
  return bars <= 10 ? '' : bars <= 20 ? 'rows-m' : bars <= 40 ? 'rows-l' : 'rows-xl';
}
