import { defineElement } from '../shared/define-element.js';
import { FcLeadQueue } from './lead-queue.element.js';

export { FcLeadQueue };
export * from './lead-queue.events.js';
export { leadClockTickerRunning, setLeadClockTime, tickLeadClocks } from '../shared/lead-ticker.js';

defineElement('fc-lead-queue', FcLeadQueue);

declare global {
  interface HTMLElementTagNameMap {
    'fc-lead-queue': FcLeadQueue;
  }
}
