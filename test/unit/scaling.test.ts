import * as assert from 'node:assert/strict';
import { growthExponent, MAX_EXPONENT, verdict } from '../../bench/scaling';

describe('scaling gate (the slope and its verdict, no timing)', () => {
  const series = (f: (n: number) => number, sizes = [1000, 2000, 4000]) => sizes.map((size) => ({ size, ms: f(size) }));

  it('fits the exponent of power laws exactly', () => {
    assert.ok(Math.abs(growthExponent(series((n) => 3 * n)) - 1) < 1e-9);
    assert.ok(Math.abs(growthExponent(series((n) => n * n)) - 2) < 1e-9);
    assert.ok(Math.abs(growthExponent(series((n) => 5 * n ** 1.5, [10, 20, 40, 80])) - 1.5) < 1e-9);
    assert.ok(Math.abs(growthExponent(series(() => 7))) < 1e-9);
  });

  it('passes linear growth with the noise of a shared machine, and n log n; fails quadratic and n^1.5', () => {
    assert.equal(verdict('linear, noisy', [{ size: 1, ms: 120 }, { size: 2, ms: 180 }, { size: 4, ms: 400 }]).pass, true);
    assert.equal(verdict('linear, noisy the other way', [{ size: 1, ms: 85 }, { size: 2, ms: 220 }, { size: 4, ms: 480 }]).pass, true);
    assert.equal(verdict('n log n', series((n) => n * Math.log(n))).pass, true);
    assert.equal(verdict('n^1.5', series((n) => n ** 1.5)).pass, false);
    assert.equal(verdict('quadratic', series((n) => n * n / 1000)).pass, false);
    assert.equal(verdict('quadratic with noise', [{ size: 1, ms: 120 }, { size: 2, ms: 330 }, { size: 4, ms: 1500 }]).pass, false);
    assert.ok(MAX_EXPONENT > 1.15 && MAX_EXPONENT < 1.5);
  });

  it('refuses what cannot be fitted', () => {
    assert.throws(() => growthExponent([{ size: 1, ms: 1 }]));
    assert.throws(() => growthExponent([{ size: 2, ms: 1 }, { size: 2, ms: 3 }]));
  });
});
