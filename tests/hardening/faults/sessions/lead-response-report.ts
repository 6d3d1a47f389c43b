/**
 * `<fc-lead-response-report>` under chaos: the internet manager switches tabs (mouse and arrow
 * keys), filters and sorts the detail, shows more rows, changes the range, opens the summary,
 * and edits OEM rules (limit, clock, holidays, what stops the clock), retrying failed saves and
 * keeping their rule over a conflict. In the end each rule on the server is the one the user
 * saved last, its version moved once per write applied.
 */
import { expect } from '@open-wc/testing';
import '../../../../src/components/lead-response-report/fc-lead-response-report.js';
import type { StoredOemRule } from '../../../../src/data/model.js';
import type { Action, Session, SessionRun } from '../harness.js';
import { deepQueryAll, explore, isEnabled, isVisible, keyboard, retryLoad, revisit, setValue, showsError, showsLoading } from '../harness.js';

const TAG = 'fc-lead-response-report';
/** The rule editor and what a failed or conflicting rule offers: the script's. */
const SCRIPTED = '#rule-editor *, .notice button';

/** Opens the rules tab, a rule's editor, changes it and saves (or leaves it with Cancel). */
const editRule: Action = {
  name: 'edit-rule',
  weight: 5,
  async run(s) {
    const editor = s.root.querySelector<HTMLElement>('#rule-editor');
    if (editor && isVisible(editor)) {
      const limit = editor.querySelector<HTMLInputElement>('input[name="limit"]')!;
      const roll = s.rng.int(12);
      setValue(limit, roll === 0 ? 'soon' : roll === 1 ? '0' : String(15 * (1 + s.rng.int(24))));
      if (s.rng.chance(0.3)) editor.querySelector<HTMLInputElement>('input[name="holidays"]')?.click();
      if (s.rng.chance(0.2)) s.rng.pick([...editor.querySelectorAll<HTMLInputElement>('input[name="clock"]')])?.click();
      await s.rendered();
      const save = [...editor.querySelectorAll<HTMLButtonElement>('.actions button')];
      (s.rng.chance(0.9) ? save[0] : save[1])?.click();
      return true;
    }
    const rulesTab = s.root.querySelector<HTMLButtonElement>('#tab-rules');
    if (!rulesTab) return false;
    if (rulesTab.getAttribute('aria-selected') !== 'true') {
      rulesTab.click();
      return true;
    }
    const edit = s.rng.pick(deepQueryAll<HTMLButtonElement>(s.root, 'tr[data-rule] button').filter((b) => isVisible(b) && isEnabled(b)));
    edit?.click();
    return !!edit;
  },
};

async function resolveRules(s: SessionRun): Promise<boolean> {
  const buttons = deepQueryAll<HTMLButtonElement>(s.root, '.notice button').filter(
    (b) => isVisible(b) && /^(Retry|Save mine over theirs)$/.test((b.textContent ?? '').trim()),
  );
  for (const b of buttons) b.click();
  return buttons.length > 0;
}

async function verify(s: SessionRun): Promise<void> {
  const last = new Map<string, StoredOemRule>();
  for (const w of s.enqueued) if (w.method === 'saveRule') last.set((w.args as StoredOemRule).id, w.args as StoredOemRule);
  expect(last.size, 'rules the user saved').to.be.greaterThan(0);
  const rules = new Map((await s.server.backend.leads!.rules()).map((r) => [r.id, r]));
  const applied = new Map<string, number>();
  for (const r of s.ledger.records) {
    const id = /^PUT \/oem-rules\/([^/]+)$/.exec(r.request)?.[1];
    if (id && r.outcome === 'applied') applied.set(decodeURIComponent(id), (applied.get(decodeURIComponent(id)) ?? 0) + 1);
  }
  for (const [id, saved] of last) {
    const { version: _v, ...mine } = saved;
    const { version, ...theirs } = rules.get(id)!;
    expect(JSON.stringify(theirs), `rule ${id}`).to.equal(JSON.stringify({ ...theirs, ...mine }));
    const before = s.server.dataset.rules.find((r) => r.id === id)?.version ?? 0;
    expect(version - before, `writes applied to rule ${id}`).to.equal(applied.get(id) ?? 0);
  }
}

export const leadResponseReportSession: Session = {
  tag: TAG,
  writes: true,
  mount(s, adapter) {
    const el = document.createElement(TAG) as HTMLElement & { adapter?: unknown; from: string; to: string; now: string };
    el.adapter = adapter;
    const today = s.server.dataset.today;
    el.from = `${today.slice(0, 8)}01`;
    el.to = today;
    el.now = `${today}T18:00:00Z`;
    document.body.append(el);
    return el;
  },
  actions: [
    editRule,
    { name: 'resolve-failure', weight: 2, run: resolveRules },
    explore({ avoid: SCRIPTED }, 10),
    keyboard({ avoid: SCRIPTED }, 3, ['ArrowLeft', 'ArrowRight', 'Home', 'End', 'Tab', 'Enter', ' ']),
    retryLoad(3),
    revisit(1),
  ],
  async settle(s) {
    const cancel = deepQueryAll<HTMLButtonElement>(s.root, '#rule-editor .actions button').filter(isVisible)[1];
    cancel?.click();
    // A rule change in trouble shows in the OEM rules tab: the user goes there to see.
    const rulesTab = s.root.querySelector<HTMLButtonElement>('#tab-rules[aria-selected="false"]');
    const parked = (await s.outbox()).some((e) => e.status === 'failed' || e.status === 'conflict');
    if (parked) rulesTab?.click();
    return (await resolveRules(s)) || !!cancel || (parked && !!rulesTab);
  },
  showsData: (s) =>
    !showsLoading(s.root) &&
    !showsError(s.root) &&
    !!s.root.querySelector('[role="tablist"]') &&
    !deepQueryAll(s.root, '.write--pending, .write--sending').some(isVisible),
  verify,
};
