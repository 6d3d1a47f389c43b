/**
 * `<fc-needed-vehicles>` under chaos: the sales manager filters the list by make, model or
 * customer, marks wants followed up (with or without a note; a write through the outbox), exports
 * the list, retries a failed load and comes back to the page. No change of user: as in the other
 * sessions that write, signing out drops the outbox with the cache, so a write would be lost by
 * design rather than by a fault.
 */
import '../../../../src/components/needed-vehicles/fc-needed-vehicles.js';
import type { Session } from '../harness.js';
import { explore, keyboard, retryLoad, revisit, showsError, showsLoading } from '../harness.js';

const TAG = 'fc-needed-vehicles';
/** Print opens the browser's print dialog, which a test cannot close. */
const PRINT = /^Print$/;

export const neededVehiclesSession: Session = {
  tag: TAG,
  writes: true,
  mount(_s, adapter) {
    const el = document.createElement(TAG) as HTMLElement & { adapter?: unknown };
    el.adapter = adapter;
    // The export is a download; the test keeps the file from being saved.
    el.addEventListener('fc-wants-export', (e) => e.preventDefault());
    document.body.append(el);
    return el;
  },
  actions: [
    explore({ avoidNames: PRINT, words: ['Ford', 'f-150', 'Camry', 'toy', 'zz', 'Silverado', ' a '] }, 10),
    keyboard({ avoidNames: PRINT }, 2, ['Tab', 'Shift+Tab', 'Escape', 'ArrowDown', 'End']),
    retryLoad(4),
    revisit(2),
  ],
  showsData: (s) => !showsLoading(s.root) && !showsError(s.root) && !!s.root.querySelector('.summary, [part~="empty"]'),
};
