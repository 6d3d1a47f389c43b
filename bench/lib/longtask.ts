/**
 * The main thread's long tasks (PerformanceObserver `longtask`: every task over 50 ms) while a side
 * runs, for the budget "no task over 50 ms from mounting to 2 s after the first rows".
 */
import { nextFrame } from './render.js';

export interface LongTasks {
  /** Stops watching: the longest task in ms (0 when none was over 50 ms), how many and their sum. */
  stop(): { longest: number; count: number; total: number };
}

/** Starts recording the page's long tasks from now. */
export function watchLongTasks(): LongTasks {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    stop() {
      for (const entry of observer.takeRecords()) durations.push(entry.duration);
      observer.disconnect();
      return { longest: Math.max(0, ...durations), count: durations.length, total: durations.reduce((a, b) => a + b, 0) };
    },
  };
}

/** Resolves in the first frame where `ready()` holds; rejects after `timeoutMs`, saying what (and what is shown instead). */
export async function until(ready: () => boolean, what: string | (() => string), timeoutMs = 60_000): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!ready()) {
    if (performance.now() > end) throw new Error(`${typeof what === 'string' ? what : what()}: not shown after ${timeoutMs} ms`);
    await nextFrame();
  }
}

/** Waits until `ms` after the instant `from` (performance.now() time). */
export const waitUntil = (from: number, ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, from + ms - performance.now())));
