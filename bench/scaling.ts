// The scaling gate's arithmetic (no timing here, so it can be tested): fit how a cost grows with size.

/** One measurement: a size (notes' characters, names, entries) and the median time it took. */
export interface Point {
  readonly size: number;
  readonly ms: number;
}

/**
 * The growth exponent k of time ~ size^k: the least-squares slope of log(time) against log(size). 1 is linear,
 * 2 quadratic; n log n between 1,000 and 4,000 items fits about 1.15.
 */
export function growthExponent(points: readonly Point[]): number {
  const usable = points.filter((p) => p.size > 0 && p.ms > 0);
  if (usable.length < 2) throw new Error('a growth exponent needs two sizes with positive times');
  const xs = usable.map((p) => Math.log(p.size));
  const ys = usable.map((p) => Math.log(p.ms));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  if (den === 0) throw new Error('a growth exponent needs two different sizes');
  return num / den;
}

/**
 * Fails above this exponent. On the shared 2-core machine a median time is off by up to about ±20 % from run to
 * run; over a 4× range of sizes that moves the fitted exponent by up to log(1.2 / 0.8) / log(4) ≈ 0.29. Linear
 * growth with that noise stays below 1.3, n log n (≈ 1.15) passes, and quadratic growth (2) or even n^1.5 fails.
 */
export const MAX_EXPONENT = 1.3;

/** A series' verdict: its exponent, and whether it grows clearly worse than linearly. */
export function verdict(name: string, points: readonly Point[], max = MAX_EXPONENT): { name: string; exponent: number; pass: boolean } {
  const exponent = growthExponent(points);
  return { name, exponent: Number(exponent.toFixed(3)), pass: exponent <= max };
}
