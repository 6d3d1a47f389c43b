// First: it wraps requestAnimationFrame before anything (the chart engine) can keep the original.
import '../lib/chart-paint.js';
import { CASES } from '../cases/index.js';
import type { BenchCase, Budget, Figure, SideContext, SideResult } from '../lib/case.js';

/** What `bench/run.mjs` calls through `page.evaluate`. */
export interface BenchPage {
  cases: {
    name: string;
    description: string;
    reload: 'side' | 'case';
    peers: string[];
    setup: boolean;
    figures: Record<string, Figure>;
    budgets: Budget[];
  }[];
  setup(name: string): Promise<void>;
  /** `side` is `ours` or a peer label. Always `{ ms, extra }`, whichever form the side returned. */
  run(name: string, side: string, ctx: SideContext): Promise<Required<SideResult>>;
}

declare global {
  interface Window {
    bench: BenchPage;
  }
}

function find(name: string): BenchCase {
  const found = CASES.find((c) => c.name === name);
  if (!found) throw new Error(`No bench case named "${name}"`);
  return found;
}

window.bench = {
  cases: CASES.map((c) => ({
    name: c.name,
    description: c.description,
    reload: c.reload ?? 'side',
    peers: Object.keys(c.peers),
    setup: Boolean(c.setup),
    figures: c.figures ?? {},
    budgets: c.budgets ?? [],
  })),
  async setup(name) {
    await find(name).setup?.();
  },
  async run(name, side, ctx) {
    const c = find(name);
    const fn = side === 'ours' ? c.ours : c.peers[side];
    if (!fn) throw new Error(`Bench case "${name}" has no side "${side}"`);
    const result = await fn(ctx);
    const { ms, extra = {} } = typeof result === 'number' ? { ms: result } : result;
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`${name}/${side} measured ${ms}`);
    for (const [figure, value] of Object.entries(extra)) {
      if (!Number.isFinite(value)) throw new Error(`${name}/${side} measured ${figure} = ${value}`);
    }
    return { ms, extra };
  },
};
