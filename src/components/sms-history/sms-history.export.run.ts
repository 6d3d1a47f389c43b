/**
 * The SMS history's CSV export walk and its CSV writer, loaded on the first export (`SmsCsvExport` in
 * `sms-history.export.ts`): it is handed the widget's helpers, so its chunk shares nothing with the
 * first load.
 */
import type { ForecourtAdapter } from '../../data/adapter.js';
import { formatSmsCsv } from '../../data/logic/sms-export.js';
import type { FcElement } from '../shared/fc-element.js';
import type { ExportHelpers, SmsExportQuery } from './sms-history.export.js';

/**
 * Walks `sms.list` from the start by `nextCursor`, writes the CSV, fires `fc-export` (cancelable)
 * and saves the file unless a listener took it.
 * @returns The status line's text: '' when the host took the file.
 * @throws What the adapter threw, or the signal's reason once aborted.
 */
export async function runExport(
  api: NonNullable<ForecourtAdapter['sms']>,
  { filter, order, zone }: SmsExportQuery,
  signal: AbortSignal,
  h: ExportHelpers,
  to: { host: FcElement; progress: (done: number, total: number) => void },
): Promise<string> {
  const parts: string[] = [];
  let cursor: string | null = null;
  let first = true;
  let done = 0;
  do {
    const page = await api.list({ ...filter, order, limit: h.EXPORT_PAGE, cursor }, { signal });
    if (signal.aborted) throw signal.reason;
    const items = Array.isArray(page?.items) ? page.items : [];
    // Every chunk ends with a line break: the pages concatenate into one file.
    parts.push(formatSmsCsv(items, { zone, header: first }));
    first = false;
    done += items.length;
    to.progress(done, Math.max(page.total, 0));
    cursor = items.length ? page.nextCursor : null;
  } while (cursor);
  const filename = `sms-history-${filter.from}-to-${filter.to}.csv`;
  const content = parts.join('');
  // The host took the file: nothing was saved here, so there is nothing to announce.
  if (!to.host.emit(h.FC_EXPORT, { format: 'csv', filename, content, rows: done }, { cancelable: true })) return '';
  h.downloadBlob(to.host.renderRoot, new Blob([content], { type: 'text/csv;charset=utf-8' }), filename);
  return to.host.inLocale(() => h.t('exportDone', h.formatCount(done)));
}
