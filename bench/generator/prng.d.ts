/**
 * A small seeded PRNG (mulberry32) so every generated cluster and request mix is reproducible
 * byte for byte from its seed. Math.random is never used by the generator.
 */
export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}
export declare function createPrng(seed: number): Prng;
