import type { MappingStatus } from '../model.js';

/**
 * Which prompt the board shows on entry: `missing` when no source is mapped yet (the "100%
 * missing" prompt), `incomplete` when some are not, `none` when every source is mapped or there
 * are no sources at all.
 */
export type MappingPromptKind = 'missing' | 'incomplete' | 'none';

/** The prompt to show and the counts it quotes. */
export interface MappingPrompt {
  kind: MappingPromptKind;
  /** Sources not mapped yet. */
  unmapped: number;
  /** Sources that count (not deleted). */
  total: number;
  /** Customers whose source is empty or unmapped. */
  unknownCustomers: number;
}

const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/**
 * Decides the mapping prompt from the mapping status.
 * @param status Counts from `sources.mappingStatus()`.
 * @returns The prompt kind with its counts, or null when the counts cannot be true (negative,
 *   fractional, not numbers, or more mapped sources than sources).
 * @example mappingPrompt({ total: 40, mapped: 28, unknownCustomers: 230, customers: 900 });
 *   // { kind: 'incomplete', unmapped: 12, total: 40, unknownCustomers: 230 }
 */
export function mappingPrompt(status: MappingStatus): MappingPrompt | null {
  const { total, mapped, unknownCustomers } = status ?? ({} as MappingStatus);
  if (!isCount(total) || !isCount(mapped) || !isCount(unknownCustomers) || mapped > total) return null;
  const unmapped = total - mapped;
  const kind: MappingPromptKind = total === 0 || unmapped === 0 ? 'none' : mapped === 0 ? 'missing' : 'incomplete';
  return { kind, unmapped, total, unknownCustomers };
}
