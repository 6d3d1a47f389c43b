import type { TemplateResult } from 'lit';
import { lazyModule } from '../shared/lazy.js';
import { defineMessages } from '../shared/messages.js';
import type { Locale } from '../shared/messages.js';
import { errorView, loadingView } from '../shared/states.js';

const en = {
  gridLabel: (from: string, to: string) => `Text messages, ${from} to ${to}`,
  colTime: 'Time',
  colDirection: 'Direction',
  colCustomer: 'Customer',
  colPhone: 'Phone',
  colEmployee: 'Employee',
  colBody: 'Message',
  colStatus: 'Status',
  colError: 'Error',
  colSegments: 'Segments',
  inbound: 'Incoming',
  outbound: 'Outgoing',
  queued: 'Queued',
  sent: 'Sent',
  delivered: 'Delivered',
  undelivered: 'Undelivered',
  failed: 'Failed',
  received: 'Received',
  'invalid-number': 'Invalid number',
  'landline-or-unreachable': 'Landline or unreachable',
  'opted-out': 'Opted out',
  'carrier-filtered': 'Filtered or blocked by carrier',
  'volume-limited': 'Volume limited',
  'carrier-failure': 'Carrier failure',
  'receipt-expired': 'Receipt expired',
  unknown: 'Unknown error',
  filterTitle: 'Filter texts',
  from: 'From',
  to: 'To',
  direction: 'Direction',
  status: 'Status',
  errorCategory: 'Error category',
  errorCode: 'Error code',
  errorCodeHint: 'e.g. 4470 or 30007',
  employeeId: 'Employee ID',
  customerId: 'Customer ID',
  text: 'Search',
  textHint: 'Message text, numbers or names',
  any: 'Any',
  moreFilters: 'More filters',
  clearFilters: 'Clear filters',
  count: (n: string) => `${n} texts`,
  countOne: '1 text',
  counting: 'Counting texts…',
  empty: 'No texts match this filter.',
  sortByTime: 'Time',
  sortedNewest: 'newest first',
  sortedOldest: 'oldest first',
  sortHint: (now: string) => `Sorted ${now}. Activate to reverse.`,
  resize: (column: string) => `Width of the ${column} column`,
  sortable: 'Only time is sortable: the server orders texts by time.',
  pageError: (first: string, last: string) => `Texts ${first} to ${last} could not be loaded.`,
  retryRows: (first: string, last: string) => `Retry loading texts ${first} to ${last}`,
  notLoaded: 'Not loaded',
  loadingRow: 'Loading',
  noCustomer: 'Unknown customer',
  noEmployee: 'None',
  details: 'Text details',
  close: 'Close',
  exportCsv: 'Export CSV',
  exporting: (done: string, total: string) => `Exporting ${done} of ${total} texts…`,
  exportProgress: 'Export progress',
  cancelExport: 'Cancel export',
  exportDone: (n: string) => `Exported ${n} texts.`,
  exportCancelled: 'Export cancelled.',
  exportFailed: 'The export stopped.',
  errorTipLabel: 'Error details',
};

export type SmsHistoryWords = typeof en;

/** The Spanish table: English until `sms-history.messages.es.ts` has loaded into it. */
const es: SmsHistoryWords = { ...en };

export const t = defineMessages(en, es);

const spanish = lazyModule(() => import('./sms-history.messages.es.js').then((m) => Object.assign(es, m.es)));
let spanishFailure: unknown = null;

/**
 * The history in Spanish waits for its words, which are not in the first load: while they load,
 * the loading state (the load is started here); if they cannot be fetched, the error with Retry.
 * Null when the host speaks English or the words are there: render as usual.
 */
export function spanishGate(host: { readonly resolvedLocale: Locale; requestUpdate(): void }): TemplateResult | null {
  if (host.resolvedLocale !== 'es' || spanish.value) return null;
  if (spanishFailure)
    return errorView(spanishFailure, () => {
      spanishFailure = null;
      host.requestUpdate();
    });
  spanish.load().then(
    () => host.requestUpdate(),
    (error: unknown) => {
      spanishFailure = error;
      host.requestUpdate();
    },
  );
  return loadingView(6);
}
