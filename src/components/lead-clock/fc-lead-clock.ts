import { defineElement } from '../shared/define-element.js';
import { FcLeadClock } from './lead-clock.element.js';

export { FcLeadClock };
export { leadClockTickerRunning, setLeadClockTime, tickLeadClocks } from './lead-clock.ticker.js';

defineElement('fc-lead-clock', FcLeadClock);

declare global {
  interface HTMLElementTagNameMap {
    'fc-lead-clock': FcLeadClock;
  }
}
