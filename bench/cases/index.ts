/** Every bench case, in the order they run. A new case is one file in this folder plus one entry here. */
import type { BenchCase } from '../lib/case.js';
import { cacheWarmStart } from './cache-warm-start.js';
import { outboxThroughput } from './outbox-throughput.js';
import { customerListRender, customerPickerOpen } from './customer-list-render.js';
import { sourceMappingEditorRender } from './source-mapping-editor-render.js';
import { sourceReportRender } from './source-report-render.js';

export const CASES: BenchCase[] = [
  cacheWarmStart,
  outboxThroughput,
  sourceReportRender,
  customerListRender,
  customerPickerOpen,
  sourceMappingEditorRender,
];
