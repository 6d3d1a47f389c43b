/**
 * The lead clock's timer: the one shared with the lead queue (`shared/lead-ticker.ts`), so one
 * `setLeadClockTime` runs every clock and queue of the page on the same time.
 */
export {
  leadClockNow,
  leadClockSubscribers,
  leadClockTickerRunning,
  setLeadClockTime,
  subscribeLeadClock,
  tickLeadClocks,
  unsubscribeLeadClock,
} from '../shared/lead-ticker.js';
export type { LeadClockTick } from '../shared/lead-ticker.js';
