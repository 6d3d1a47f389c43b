/**
 * The contract between a bench case (runs in the page) and `bench/run.mjs` (drives Chromium).
 * A side returns the milliseconds it measured with `performance.now()`, so page loads, module
 * evaluation and fixture building never count.
 */

export interface SideContext {
  /** 0-based iteration; warm-up iterations are negative. */
  iteration: number;
}

/** One measured thing: resolves to elapsed milliseconds. */
export type Side = (ctx: SideContext) => Promise<number>;

export interface BenchCase {
  /** Kebab-case id, used by `--case`. */
  name: string;
  /** What `ours` measures, one line for the table's notes. */
  description: string;
  /**
   * `side` (default): every measurement gets a fresh page load, so nothing survives in JS memory
   * and whatever is cached must come from storage. `case`: one page for setup and every
   * measurement, for cases whose fixtures are costly and hold no state between sides.
   */
  reload?: 'side' | 'case';
  /** Runs once in a fresh browser context before any measurement (fill caches, write peer stores). */
  setup?: () => Promise<void>;
  /** Forecourt's side. */
  ours: Side;
  /** Named peers, label → side; each becomes a table row with the ratio ours / peer. */
  peers: Record<string, Side>;
}

/** Times `work`, from the call to the settled result. */
export async function elapsed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** A failed expectation inside a side: the run stops instead of reporting a number for the wrong work. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}
