/**
 * The registry of fault sessions: one per widget tag. `sessions.test.ts` runs each under chaos
 * and fails when a widget of the hardening registry (`../widgets.ts`, itself checked against the
 * package's define modules) has none, so a new widget is checked as soon as it is added.
 */
import type { FcTag } from '../widgets.js';
import type { Session } from './harness.js';
import { customerListSession } from './sessions/customer-list.js';
import { dataProviderSession } from './sessions/data-provider.js';
import { deletedCustomersSession } from './sessions/deleted-customers.js';
import { leadResponseReportSession } from './sessions/lead-response-report.js';
import { mappingWarningSession } from './sessions/mapping-warning.js';
import { neededVehiclesSession } from './sessions/needed-vehicles.js';
import { leadClockSession, leadQueueSession, smsHistorySession, smsSummarySession, storeTrafficSession, tradeInAlertSession } from './sessions/reads.js';
import { smsImportSession } from './sessions/sms-import.js';
import { sourceMappingEditorSession } from './sessions/source-mapping-editor.js';
import { sourceReportSession } from './sessions/source-report.js';

/**
 * A session per tag of `HTMLElementTagNameMap` (the hardening registry's `FcTag`), writers first:
 * a widget that declares its tag does not compile until it has a session here (`null` only for
 * what is not a widget, as in `WIDGETS`).
 */
export const SESSIONS: Record<FcTag, Session | null> = {
  'fc-customer-list': customerListSession,
  'fc-source-mapping-editor': sourceMappingEditorSession,
  'fc-source-report': sourceReportSession,
  'fc-lead-response-report': leadResponseReportSession,
  'fc-deleted-customers': deletedCustomersSession,
  'fc-sms-import': smsImportSession,
  'fc-data-provider': dataProviderSession,
  'fc-mapping-warning': mappingWarningSession,
  'fc-sms-history': smsHistorySession,
  'fc-sms-summary': smsSummarySession,
  'fc-store-traffic': storeTrafficSession,
  'fc-needed-vehicles': neededVehiclesSession,
  'fc-trade-in-alert': tradeInAlertSession,
  'fc-lead-clock': leadClockSession,
  'fc-lead-queue': leadQueueSession,
  'fc-demo-overview': null,
};
