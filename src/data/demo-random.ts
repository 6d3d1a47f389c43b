/** The demo data's seeded random numbers: the same seed, the same data, in any browser or in Node. */

/**
 * mulberry32: a tiny, fast, well-distributed 32-bit PRNG.
 * @param seed Any integer.
 * @returns A function giving numbers in [0, 1).
 * @example mulberry32(1)(); // 0.6270739405881613
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
