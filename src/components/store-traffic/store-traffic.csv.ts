/**
 * The CSV export of what the widget shows: the table's columns with ratios as percent numbers,
 * through the shared writer (`formatCsv`, CRLF), which neutralises every text cell a spreadsheet
 * would run as a formula. The writer (with papaparse) is loaded on the first export, not with the
 * widget ({@link loadCsvWriter}), and handed to the functions that write.
 */
import { TRAFFIC_STEPS } from '../../data/model.js';
import type { DateRange, TrafficHeatmap } from '../../data/model.js';
import type { CsvRow, formatCsv } from '../../data/logic/csv.js';
import { lazyModule } from '../shared/lazy.js';
import { HOURS, heatmapGrid } from './store-traffic.model.js';
import type { LevelModel, ModelRow } from './store-traffic.model.js';
import { t } from './store-traffic.messages.js';
import { dimensionName, rangeName, stepName, weekdayName } from './store-traffic.view.js';
import type { Formats } from './store-traffic.view.js';

/** The shared CSV writer. */
export type CsvWriter = typeof formatCsv;

const writer = lazyModule(() => import('../../data/logic/csv.js'));
/** Loads the CSV writer once for every instance; a failed load is tried again on the next call. */
export const loadCsvWriter = (): Promise<CsvWriter> => writer.load().then((module) => module.formatCsv);

const percentCell = (ratio: number | null) => (ratio === null ? null : Number((ratio * 100).toFixed(1)));

/** The bars view as CSV: the table's columns, rows and total; ratios in percent. */
export function levelCsv(model: LevelModel, f: Formats, formatCsv: CsvWriter): string {
  const header = [
    dimensionName(model.dimension),
    t('colUps'),
    ...model.seriesNames.map((name) => t('colSeries', name)),
    t('colSold'),
    `${t('colClosing')} (%)`,
    `${t('colBeBack')} (%)`,
    ...TRAFFIC_STEPS.map((s) => t('stepsReached', stepName(s))),
    ...(model.compared ? [t('colPrevious', rangeName(f, model.previousRange))] : []),
  ];
  const line = (row: ModelRow, name: string): CsvRow => [
    name,
    row.ups,
    ...row.series,
    row.sold,
    percentCell(row.closingRatio),
    percentCell(row.beBackShare),
    ...TRAFFIC_STEPS.map((s) => row.steps[s]),
    ...(model.compared ? [row.previousUps ?? 0] : []),
  ];
  const data = [...model.rows.map((row) => line(row, row.label)), line(model.total, t('total'))];
  return formatCsv([header, ...data], { finalLineBreak: false });
}

/** The heatmap as CSV: a weekday per line, an hour per column. */
export function heatmapCsv(heatmap: TrafficHeatmap, formatCsv: CsvWriter): string {
  const grid = heatmapGrid(heatmap);
  const header = [t('dimWeekday'), ...HOURS.map((h) => t('hourName', h))];
  return formatCsv([header, ...grid.map((hours, day): CsvRow => [weekdayName(day), ...hours])], { finalLineBreak: false });
}

/** A file Export writes: its text, name, and data rows (the header not counted). */
export interface ExportFile {
  csv: string;
  filename: string;
  rows: number;
}

/** The heatmap view's file: a line per weekday. */
export function heatmapFile(heatmap: TrafficHeatmap, range: DateRange, write: CsvWriter): ExportFile {
  return { csv: heatmapCsv(heatmap, write), filename: `store-traffic-heatmap-${range.from}-to-${range.to}.csv`, rows: 7 };
}

/** The bars view's file, of the level grouped by `groupBy`: a line per bucket and the total. */
export function levelFile(model: LevelModel, f: Formats, groupBy: string, range: DateRange, write: CsvWriter): ExportFile {
  return { csv: levelCsv(model, f, write), filename: `store-traffic-${groupBy}-${range.from}-to-${range.to}.csv`, rows: model.rows.length + 1 };
}
