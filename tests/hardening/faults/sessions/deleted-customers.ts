/**
 * `<fc-deleted-customers>` under chaos: the manager compiles date ranges (valid and not),
 * searches, checks records (one by one, all, ranges), shows more, restores what is checked
 * (choosing merge leftovers' fields) or cancels, and restores again what failed. In the end every
 * record the user restored is restored on the server.
 */
import { expect } from '@open-wc/testing';
import '../../../../src/components/deleted-customers/fc-deleted-customers.js';
import type { RestoreRequest } from '../../../../src/data/model.js';
import type { Action, Session, SessionRun } from '../harness.js';
import { deepQueryAll, explore, isEnabled, isVisible, keyboard, retryLoad, revisit, showsError, showsLoading } from '../harness.js';

const TAG = 'fc-deleted-customers';
const WORDS = ['a', 'son', 'mar', 'zz', 'lee', ''];

/** Ids the user asked to restore (confirmed in the dialog). */
function requested(s: SessionRun): Set<string> {
  let ids = s.notes.get('restore') as Set<string> | undefined;
  if (!ids) s.notes.set('restore', (ids = new Set()));
  return ids;
}

/** Checks some records, then restores them through the dialog. */
const restore: Action = {
  name: 'restore',
  weight: 5,
  async run(s) {
    const dialog = s.root.querySelector<HTMLDialogElement>('dialog[open]');
    if (dialog) {
      const [confirm, cancel] = [...dialog.querySelectorAll<HTMLButtonElement>('.actions button')];
      (s.rng.chance(0.85) ? confirm : cancel)?.click();
      return true;
    }
    const boxes = deepQueryAll<HTMLInputElement>(s.root, 'tbody input.check').filter((b) => isVisible(b) && isEnabled(b));
    const checked = boxes.filter((b) => b.checked).length;
    if (boxes.length && (checked === 0 || s.rng.chance(0.4))) {
      s.rng.pick(boxes)!.click();
      return true;
    }
    const button = s.root.querySelector<HTMLButtonElement>('button.restore');
    if (!button || !checked) return false;
    button.click();
    return true;
  },
};

/**
 * What shows as failed: the user checks it again and restores it, once per record (a record the
 * server refused for a reason of its own, e.g. its survivor is gone, fails the same way again).
 */
async function restoreFailed(s: SessionRun): Promise<boolean> {
  const dialog = s.root.querySelector<HTMLDialogElement>('dialog[open]');
  if (dialog) {
    // Confirm; when the dialog says nothing was chosen to restore (a leftover with no field ticked), cancel.
    const [confirm, cancel] = [...dialog.querySelectorAll<HTMLButtonElement>('.actions button')];
    (dialog.querySelector('.nothing')?.textContent?.trim() ? cancel : confirm)?.click();
    return true;
  }
  let tried = s.notes.get('tried') as Set<string> | undefined;
  if (!tried) s.notes.set('tried', (tried = new Set()));
  let checked = 0;
  for (const row of deepQueryAll<HTMLElement>(s.root, 'tbody tr')) {
    const box = row.querySelector<HTMLInputElement>('input.check');
    const label = box?.getAttribute('aria-label') ?? '';
    if (!box || !row.querySelector('[part~="failed"]') || tried.has(label) || !isEnabled(box)) continue;
    tried.add(label);
    if (!box.checked) box.click();
    checked++;
  }
  if (checked) s.root.querySelector<HTMLButtonElement>('button.restore')?.click();
  return checked > 0;
}

/**
 * Every record the user restored reached the server in a restore that was applied, and is
 * restored there unless the server refused it for a reason of its own (told to the user).
 */
async function verify(s: SessionRun): Promise<void> {
  const ids = requested(s);
  expect(ids.size, 'records the user restored').to.be.greaterThan(0);
  const all = await s.server.backend.deleted!.list({ from: '2000-01-01', to: '2100-12-31', includeRestored: true, limit: 1000 });
  const reached = new Set(
    s.ledger.records
      .filter((r) => r.request === 'POST /deleted/restore' && r.outcome === 'applied')
      .flatMap((r) => (JSON.parse(r.body) as RestoreRequest).ids),
  );
  let restored = 0;
  for (const id of ids) {
    expect(reached.has(id), `the restore of ${id} reached the server`).to.equal(true);
    if (all.items.find((r) => r.id === id)?.restoredAt) restored++;
  }
  expect(restored, 'records restored').to.be.greaterThan(0);
}

export const deletedCustomersSession: Session = {
  tag: TAG,
  writes: true,
  mount(s, adapter) {
    const el = document.createElement(TAG) as HTMLElement & { adapter?: unknown; from: string; to: string };
    el.adapter = adapter;
    const today = s.server.dataset.today;
    el.from = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
    el.to = today;
    el.addEventListener('fc-request-restore', (e) => {
      for (const id of (e as CustomEvent<{ request: RestoreRequest }>).detail.request.ids) requested(s).add(id);
    });
    document.body.append(el);
    return el;
  },
  actions: [
    restore,
    { name: 'restore-failed', weight: 1, run: restoreFailed },
    explore({ avoid: 'dialog *', words: WORDS }, 10),
    keyboard({ avoid: 'dialog *' }, 2, ['Tab', 'Shift+Tab', ' ', 'Enter', 'Escape', 'ArrowDown']),
    retryLoad(3),
    revisit(1),
  ],
  settle: restoreFailed,
  showsData: (s) =>
    !showsLoading(s.root) &&
    !showsError(s.root) &&
    !!s.root.querySelector('table, [part~="empty"]') &&
    !deepQueryAll(s.root, '[part~="status"][part~="pending"]').some(isVisible),
  verify,
};
