/**
 * `<fc-customer-list>` under chaos: the advisor opens names, picks and saves sources (by mouse
 * and by keyboard), cancels, retries failed saves and insists on their own choice after a
 * conflict. In the end each customer's source on the server is the last one the user saved, and
 * each customer's version moved once per write applied.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../../src/components/customer-list/fc-customer-list.js';
import type { CachedAdapter } from '../../../../src/data/cache/with-cache.js';
import type { Action, Session, SessionRun } from '../harness.js';
import { buttons, deepQueryAll, explore, isVisible, keyboard, retryLoad, revisit, setValue, showsLoading } from '../harness.js';

const TAG = 'fc-customer-list';
/** The last source the user saved, by customer. */
const intentOf = (s: SessionRun) => s.intents as Map<string, string>;

/** Failure buttons the script presses itself (the monkey would give up the user's change). */
const FAILURE = '.failure button';

function rows(s: SessionRun): HTMLTableRowElement[] {
  return [...s.root.querySelectorAll<HTMLTableRowElement>('tbody tr')];
}

/** Mounts a board over `adapter`; `fc-source-change` tells the script what the user saved. */
export function mountCustomerList(s: SessionRun, adapter: CachedAdapter | null, parent: HTMLElement = document.body): HTMLElement {
  const el = document.createElement(TAG) as HTMLElement & { adapter?: CachedAdapter; date: string; refreshInterval: number };
  if (adapter) el.adapter = adapter;
  el.date = s.server.dataset.today;
  el.refreshInterval = 0;
  el.addEventListener('fc-source-change', (event) => {
    const { customerId, sourceId } = (event as CustomEvent<{ customerId: string; sourceId: string }>).detail;
    intentOf(s).set(customerId, sourceId);
  });
  parent.append(el);
  return el;
}

/** Opens a random customer's picker, picks a source and saves it (mouse or keyboard). */
const saveSource: Action = {
  name: 'save-source',
  weight: 8,
  async run(s) {
    const dialog = s.root.querySelector<HTMLDialogElement>('dialog[open]');
    if (!dialog) {
      const name = s.rng.pick(rows(s).map((r) => r.querySelector<HTMLButtonElement>('button.name')).filter((b) => !!b));
      if (!name) return false;
      name.click();
      await s.rendered();
      return true;
    }
    const select = dialog.querySelector<HTMLSelectElement>('select');
    if (!select) {
      // The sources did not load: Retry in the picker, else give up.
      const retry = buttons(dialog, 'Retry')[0] ?? buttons(dialog, 'Cancel')[0];
      retry?.click();
      return !!retry;
    }
    const options = [...select.options].filter((o) => o.value);
    const option = s.rng.pick(options);
    if (!option) return false;
    if (s.rng.chance(0.3)) {
      select.focus();
      select.value = option.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await sendKeys({ press: 'Enter' });
    } else {
      setValue(select, option.value);
      dialog.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    }
    return true;
  },
};

/** After a failed save: Retry; after a conflict: keep the user's choice. */
async function resolveFailures(s: SessionRun): Promise<boolean> {
  const mine = deepQueryAll<HTMLButtonElement>(s.root, FAILURE).filter(
    (b) => isVisible(b) && /^(Retry|Save mine anyway)$/.test((b.textContent ?? '').trim()),
  );
  for (const b of mine) b.click();
  return mine.length > 0;
}

const resolve: Action = { name: 'resolve-failure', weight: 3, run: resolveFailures };

/** A picker left open is closed, a failure gets Retry or "Save mine anyway". */
async function settle(s: SessionRun): Promise<boolean> {
  const dialog = s.root.querySelector('dialog[open]');
  const cancel = dialog ? buttons(dialog, 'Cancel')[0] : undefined;
  cancel?.click();
  return (await resolveFailures(s)) || !!cancel;
}

/** The source of each customer the user decided last: the last `setSource` the client queued for them. */
function decisions(s: SessionRun): Map<string, string> {
  const last = new Map<string, string>();
  for (const write of s.enqueued) {
    const args = write.args as { customerId?: string; sourceId?: string } | undefined;
    if (write.method === 'setSource' && args?.customerId && args.sourceId) last.set(args.customerId, args.sourceId);
  }
  return last;
}

/**
 * Verifies the server against what the user saved: each customer's source is the last one the
 * user chose (a save, or Retry / "Save mine anyway" of an earlier one), every save the user made
 * reached the outbox, and each customer's version moved once per write applied.
 */
export async function verifyCustomerSources(s: SessionRun): Promise<void> {
  const customers = new Map((await s.server.backend.customers!.list({ limit: 1000 })).items.map((c) => [c.id, c]));
  const decided = decisions(s);
  for (const customerId of intentOf(s).keys()) expect(decided.has(customerId), `the save of ${customerId} was queued`).to.equal(true);
  for (const [customerId, sourceId] of decided) {
    const history = s.ledger.records
      .filter((r) => r.request === `PUT /customers/${customerId}/source`)
      .map((r) => `${r.key.slice(0, 8)} ${r.body} ${r.status} ${r.outcome} (client: ${s.keys.get(r.key) ?? 'unknown'})`);
    expect(customers.get(customerId)?.sourceId, `the source of ${customerId}; writes: ${history.join('; ')}`).to.equal(sourceId);
  }
  const applied = new Map<string, number>();
  for (const r of s.ledger.records) {
    const id = /^PUT \/customers\/([^/]+)\/source$/.exec(r.request)?.[1];
    if (id && r.outcome === 'applied') applied.set(decodeURIComponent(id), (applied.get(decodeURIComponent(id)) ?? 0) + 1);
  }
  for (const before of s.server.dataset.customers) {
    const after = customers.get(before.id)!;
    expect(after.version - before.version, `writes applied to ${before.id}`).to.equal(applied.get(before.id) ?? 0);
  }
  expect(decided.size, 'customers whose source the user saved').to.be.greaterThan(0);
}

export function customerListShowsData(s: SessionRun): boolean {
  return rows(s).length > 0 && !showsLoading(s.root) && !s.root.querySelector('.pending');
}

export const customerListActions: Action[] = [
  saveSource,
  resolve,
  explore({ avoid: FAILURE }, 6),
  keyboard({ avoid: FAILURE }, 2),
  retryLoad(3),
  revisit(1),
];

export const customerListSession: Session = {
  tag: TAG,
  writes: true,
  mount: (s, adapter) => mountCustomerList(s, adapter),
  actions: customerListActions,
  settle,
  showsData: customerListShowsData,
  verify: verifyCustomerSources,
};
