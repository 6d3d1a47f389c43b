/**
 * `<fc-mapping-warning>` under chaos: the advisor enters the board again and again (each entry
 * checks the mapping), closes the prompt with Later or Escape, ticks "Don't show again", takes
 * "Map sources now", retries a failed check, and the host resets the "don't show again". In the
 * end the prompt shows on entering exactly when the user has not asked to stop it.
 */
import { expect, waitUntil } from '@open-wc/testing';
import '../../../../src/components/mapping-warning/fc-mapping-warning.js';
import { mappingPrompt } from '../../../../src/data/logic/mapping-prompt.js';
import type { Session, SessionRun } from '../harness.js';
import { explore, keyboard, retryLoad, revisit, showsError } from '../harness.js';

const TAG = 'fc-mapping-warning';
type Warning = HTMLElement & { adapter?: unknown; tenant: string; user: string; reset(): Promise<void> };

const remembered = (s: SessionRun) => s.notes.get('remembered') === true;
/** "Checking…": the status is being read. */
const checking = (s: SessionRun) => !!s.root.querySelector('.fc-visually-hidden[role="status"]');
/** Whether the prompt should show on entering: the user did not stop it, and the mapping is not done. */
async function promptDue(s: SessionRun): Promise<boolean> {
  return !remembered(s) && mappingPrompt(await s.server.backend.sources!.mappingStatus())?.kind !== 'none';
}

export const mappingWarningSession: Session = {
  tag: TAG,
  writes: false,
  mount(s, adapter) {
    const el = document.createElement(TAG) as Warning;
    el.adapter = adapter;
    el.tenant = s.tenant;
    el.user = s.user;
    el.addEventListener('fc-request-mapping', (e) => e.preventDefault());
    el.addEventListener('fc-warning-dismiss', (e) => {
      if ((e as CustomEvent<{ remember: boolean }>).detail.remember) s.notes.set('remembered', true);
    });
    document.body.append(el);
    return el;
  },
  actions: [
    explore({}, 6),
    keyboard({}, 2, ['Escape', 'Tab', ' ', 'Enter']),
    retryLoad(3),
    revisit(5),
    {
      // Another user signs in: their own "don't show again", not yet set.
      name: 'sign-in',
      weight: 1,
      async run(s) {
        s.notes.set('remembered', false);
        await s.signIn();
        return true;
      },
    },
    {
      name: 'host-reset',
      weight: 1,
      async run(s) {
        s.notes.set('remembered', false);
        await (s.el as Warning).reset().catch(() => undefined);
        return true;
      },
    },
  ],
  // The prompt closed with Later leaves nothing on screen until the next entry: settled is checked and not failing.
  showsData: (s) => !showsError(s.root) && !checking(s),
  async verify(s) {
    // Entering the board once more: the prompt shows unless the user asked not to see it again.
    const due = await promptDue(s);
    await s.revisit();
    await waitUntil(() => !checking(s), 'the check did not end', { timeout: 5000 });
    await s.rendered();
    expect(!!s.root.querySelector('dialog[open]'), 'the prompt shows').to.equal(due);
    await (s.el as Warning).reset();
  },
};
