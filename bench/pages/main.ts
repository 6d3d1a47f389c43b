import { CASES } from '../cases/index.js';
import type { BenchCase, SideContext } from '../lib/case.js';

/** What `bench/run.mjs` calls through `page.evaluate`. */
export interface BenchPage {
  cases: { name: string; description: string; reload: 'side' | 'case'; peers: string[]; setup: boolean }[];
  setup(name: string): Promise<void>;
  /** `side` is `ours` or a peer label. */
  run(name: string, side: string, ctx: SideContext): Promise<number>;
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
  })),
  async setup(name) {
    await find(name).setup?.();
  },
  async run(name, side, ctx) {
    const c = find(name);
    const fn = side === 'ours' ? c.ours : c.peers[side];
    if (!fn) throw new Error(`Bench case "${name}" has no side "${side}"`);
    const ms = await fn(ctx);
    if (!Number.isFinite(ms) || ms < 0) throw new Error(`${name}/${side} measured ${ms}`);
    return ms;
  },
};
