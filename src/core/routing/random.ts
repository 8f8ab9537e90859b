/**
 * A small seeded pseudo-random generator (mulberry32). The routing core never uses Math.random:
 * the same seed must give the same plan, byte for byte (GUIDE §3.10). Not for cryptography.
 */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, bound); bound must be a positive integer below 2^32. */
  int(bound: number): number;
}

/** Any number is a valid seed: it is truncated to an integer and taken modulo 2^32 (NaN → 0). */
export function createRandom(seed: number): Random {
  let state = (Number.isFinite(seed) ? Math.trunc(seed) : 0) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (bound: number): number => Math.floor(next() * bound),
  };
}
