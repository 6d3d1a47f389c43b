/**
 * `<fc-source-report>` under chaos: the owner changes the date range (valid and not), opens
 * categories from the table and the chart, opens the spend editor and types spend (amounts,
 * empty cells, text that is not money), sends waiting spend now, retries failed saves and keeps
 * their amount over a conflict. In the end every cell on the server holds the amount the user
 * last entered, each spend row's version moved once per write applied.
 */
import { expect } from '@open-wc/testing';
import '../../../../src/components/source-report/fc-source-report.js';
import type { SpendUpsert } from '../../../../src/data/adapter.js';
import type { Action, Session, SessionRun } from '../harness.js';
import { deepQueryAll, explore, isEnabled, isVisible, keyboard, retryLoad, revisit, setValue, showsError, showsLoading } from '../harness.js';

const TAG = 'fc-source-report';
/** The spend cells and what a failed or conflicting cell offers: the script's. */
const SCRIPTED = '#spend-editor input, .cell-actions button';

const cellKey = (a: Pick<SpendUpsert, 'month' | 'categoryId' | 'sourceId'>) => `${a.month}|${a.categoryId}|${a.sourceId ?? ''}`;

/** Types an amount into a spend cell (opening the editor first). */
const enterSpend: Action = {
  name: 'enter-spend',
  weight: 7,
  async run(s) {
    const inputs = deepQueryAll<HTMLInputElement>(s.root, '#spend-editor input[type="text"]').filter(isVisible);
    if (!inputs.length) {
      const open = deepQueryAll<HTMLButtonElement>(s.root, 'button[aria-controls="spend-editor"][aria-expanded="false"]').find(isVisible);
      open?.click();
      return !!open;
    }
    const cell = s.rng.pick(inputs)!;
    const roll = s.rng.int(20);
    const text = roll === 0 ? 'twelve' : roll === 1 ? '' : roll === 2 ? '-5' : `${1 + s.rng.int(5000)}${s.rng.chance(0.5) ? `.${String(s.rng.int(100)).padStart(2, '0')}` : ''}`;
    setValue(cell, text);
    return true;
  },
};

/** A failed cell: Retry; a conflict: keep the user's amount; waiting: send now. */
async function resolveCells(s: SessionRun): Promise<boolean> {
  const buttons = deepQueryAll<HTMLButtonElement>(s.root, '.cell-actions button').filter(
    (b) => isVisible(b) && isEnabled(b) && /^(Retry|Keep mine|Send now)$/.test((b.textContent ?? '').trim()),
  );
  for (const b of buttons) b.click();
  return buttons.length > 0;
}

async function verify(s: SessionRun): Promise<void> {
  const last = new Map<string, SpendUpsert>();
  for (const w of s.enqueued) if (w.method === 'saveSpend') last.set(cellKey(w.args as SpendUpsert), w.args as SpendUpsert);
  expect(last.size, 'spend cells the user changed').to.be.greaterThan(0);
  const applied = new Map<string, number>();
  for (const r of s.ledger.records) {
    if (r.request !== 'PUT /sources/spend' || r.outcome !== 'applied') continue;
    const key = cellKey(JSON.parse(r.body) as SpendUpsert);
    applied.set(key, (applied.get(key) ?? 0) + 1);
  }
  const initial = new Map(s.server.dataset.spend.map((row) => [cellKey(row), row.version]));
  for (const [key, upsert] of last) {
    const month = upsert.month;
    const rows = await s.server.backend.sources!.spend({ from: `${month}-01`, to: `${month}-28` });
    const row = rows.find((r) => cellKey(r) === key);
    expect(row?.amount, `spend ${key}`).to.equal(upsert.amount);
    expect(row!.version - (initial.get(key) ?? 0), `writes applied to spend ${key}`).to.equal(applied.get(key) ?? 0);
  }
}

export const sourceReportSession: Session = {
  tag: TAG,
  writes: true,
  mount(s, adapter) {
    const el = document.createElement(TAG) as HTMLElement & { adapter?: unknown; today: string };
    el.adapter = adapter;
    el.today = s.server.dataset.today;
    document.body.append(el);
    return el;
  },
  actions: [
    enterSpend,
    { name: 'resolve-failure', weight: 2, run: resolveCells },
    explore({ avoid: SCRIPTED }, 8),
    keyboard({ avoid: SCRIPTED }, 2),
    retryLoad(3),
    revisit(1),
  ],
  settle: resolveCells,
  showsData: (s) =>
    !showsLoading(s.root) &&
    !showsError(s.root) &&
    !!s.root.querySelector('table[part~="table"]') &&
    !deepQueryAll(s.root, '.cell-status.pending').some(isVisible),
  verify,
};
