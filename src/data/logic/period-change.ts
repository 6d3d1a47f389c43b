/**
 * How a figure changed from the previous period to this one (the arrows of the SMS summary and of
 * the store traffic's totals). Plain arithmetic, apart from the SMS logic so that a widget that only
 * compares figures loads nothing else.
 */

/** The direction and size of a change between two periods, for the summary's arrows. */
export interface PeriodChange {
  direction: 'up' | 'down' | 'same';
  /** current − previous. */
  difference: number;
  /** Relative change (0.25 = +25%), null when the previous value is 0 or missing. */
  ratio: number | null;
}

/**
 * The arrow for one figure of the summary.
 * @param current The figure now (null when it cannot be computed, e.g. a rate with no messages).
 * @param previous The figure in the previous period.
 * @returns Direction, difference and relative change.
 * @example compareToPrevious(120, 100) // { direction: 'up', difference: 20, ratio: 0.2 }
 */
export function compareToPrevious(current: number | null, previous: number | null): PeriodChange {
  const now = current ?? 0;
  const before = previous ?? 0;
  const difference = now - before;
  return {
    direction: difference > 0 ? 'up' : difference < 0 ? 'down' : 'same',
    difference,
    ratio: before !== 0 && current !== null ? difference / before : null,
  };
}
