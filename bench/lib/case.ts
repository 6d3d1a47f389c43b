/**
 * The contract between a bench case (runs in the page) and `bench/run.mjs` (drives Chromium).
 * A side returns the milliseconds it measured with `performance.now()`, so page loads, module
 * evaluation and fixture building never count. A side that measures more than one figure (frame
 * times, element counts) returns `{ ms, extra }`; the table prints the extra figures beside the
 * milliseconds and checks them against the case's budgets.
 */

export interface SideContext {
  /** 0-based iteration; warm-up iterations are negative. */
  iteration: number;
}

/** What a side measured: its headline milliseconds and, optionally, more named figures. */
export interface SideResult {
  /** The headline figure, in milliseconds: the table's median and ratio are of this. */
  ms: number;
  /** More figures of the same measurement, name → value (e.g. `{ p95: 16.7, max: 18.1 }`). */
  extra?: Record<string, number>;
}

/** One measured thing: resolves to elapsed milliseconds, or to milliseconds with extra figures. */
export type Side = (ctx: SideContext) => Promise<number | SideResult>;

/** How the runs of an extra figure are summed up in the table. */
export interface Figure {
  /** `median` (default) of the runs, or `max`, the worst run (for "no frame over 25 ms"). */
  over?: 'median' | 'max';
  /** Printed after the value: `ms` (default), `` for counts. */
  unit?: string;
}

/**
 * An upper bound the issue sets for ours. `figure` is `ms` (ours' median), `ratio` (ours / peer,
 * medians, checked on every peer's row) or the name of an extra figure of ours (summed up as its
 * {@link Figure} says). The table prints pass or MISS; a miss does not fail the run.
 */
export interface Budget {
  figure: string;
  max: number;
}

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
  /** How each extra figure is summed up over the runs; figures not named here use the median. */
  figures?: Record<string, Figure>;
  /** The budgets for this case, printed with pass or MISS. */
  budgets?: Budget[];
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
