/** Every bench case, in the order they run. A new case is one file in this folder plus one entry here. */
import type { BenchCase } from '../lib/case.js';
import { cacheWarmStart } from './cache-warm-start.js';
import { outboxThroughput } from './outbox-throughput.js';
import { customerListRender, customerPickerOpen } from './customer-list-render.js';
import { sourceMappingEditorRender } from './source-mapping-editor-render.js';
import { sourceReportRender } from './source-report-render.js';
import { SMS_HISTORY_CASES } from './sms-history.js';
import { leadEvaluate } from './lead-evaluate.js';
import { leadClockTick } from './lead-clock-tick.js';
import { trafficAggregate, trafficAggregateDrill } from './traffic-aggregate.js';
import { trafficDrill } from './traffic-drill.js';
import { smsTrendRender } from './sms-trend-render.js';
import { chartTableFirst } from './chart-table-first.js';
import { tradeInMatch } from './trade-in-match.js';
import { LONGTASK_CASES } from './longtask.js';

export const CASES: BenchCase[] = [
  cacheWarmStart,
  outboxThroughput,
  sourceReportRender,
  chartTableFirst,
  customerListRender,
  customerPickerOpen,
  sourceMappingEditorRender,
  leadEvaluate,
  leadClockTick,
  trafficAggregate,
  trafficAggregateDrill,
  trafficDrill,
  smsTrendRender,
  tradeInMatch,
  ...SMS_HISTORY_CASES,
  ...LONGTASK_CASES,
];
