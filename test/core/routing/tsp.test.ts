import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRandom } from '../../../src/core/routing/random.js';
import { defaultMaxKicks, solveTour, tourLength, type Tour } from '../../../src/core/routing/tsp.js';
import { parseTsplibProblem, tsplibDistance } from '../../../src/core/routing/tsplib.js';

type Dist = (i: number, j: number) => number;

function euclidean(points: readonly (readonly [number, number])[]): Dist {
  return (i, j) => Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]);
}

function randomPoints(n: number, seed: number, scale = 1000): [number, number][] {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => [random.next() * scale, random.next() * scale] as [number, number]);
}

/** Held–Karp dynamic programme: the exact optimum, for the small n the tests use. */
function heldKarp(n: number, dist: Dist): number {
  if (n <= 1) return 0;
  const subsets = 1 << (n - 1);
  const best = new Float64Array(subsets * n).fill(Infinity);
  for (let j = 1; j < n; j++) best[(1 << (j - 1)) * n + j] = dist(0, j);
  for (let mask = 1; mask < subsets; mask++) {
    for (let j = 1; j < n; j++) {
      const here = best[mask * n + j]!;
      if (here === Infinity) continue;
      for (let k = 1; k < n; k++) {
        const bit = 1 << (k - 1);
        if (mask & bit) continue;
        const slot = (mask | bit) * n + k;
        const via = here + dist(j, k);
        if (via < best[slot]!) best[slot] = via;
      }
    }
  }
  let optimum = Infinity;
  for (let j = 1; j < n; j++) optimum = Math.min(optimum, best[(subsets - 1) * n + j]! + dist(j, 0));
  return optimum;
}

function expectValidTour(tour: Tour, n: number, dist: Dist): void {
  expect(tour.order).toHaveLength(n);
  if (n > 0) expect(tour.order[0]).toBe(0);
  expect([...tour.order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  expect(tour.length).toBe(tourLength(tour.order, dist));
}

describe('tourLength', () => {
  it('sums a closed tour, returning to the first stop', () => {
    const dist = euclidean([
      [0, 0],
      [3, 0],
      [3, 4],
    ]);
    expect(tourLength([0, 1, 2], dist)).toBe(12);
    expect(tourLength([0, 1], dist)).toBe(6);
    expect(tourLength([2], dist)).toBe(0);
    expect(tourLength([], dist)).toBe(0);
  });
});

describe('solveTour edge cases', () => {
  const square = euclidean([
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
    [0.5, 3],
  ]);

  it('solves n = 0, 1, 2, 3 trivially', () => {
    expect(solveTour(0, square, { seed: 1 })).toEqual({ order: [], length: 0 });
    expect(solveTour(1, square, { seed: 1 })).toEqual({ order: [0], length: 0 });
    expect(solveTour(2, square, { seed: 1 })).toEqual({ order: [0, 1], length: 2 });
    expect(solveTour(3, square, { seed: 1 })).toEqual({ order: [0, 1, 2], length: 2 + Math.SQRT2 });
  });

  it('uncrosses four points (n = 4)', () => {
    // 0-3 and 1-2 are the diagonals; the optimum is the square's perimeter.
    const tour = solveTour(4, square, { seed: 1 });
    expectValidTour(tour, 4, square);
    expect(tour.length).toBe(4);
  });

  it('handles all stops at one point (every distance zero)', () => {
    const same = euclidean(Array.from({ length: 30 }, () => [5, 5] as [number, number]));
    const tour = solveTour(30, same, { seed: 3 });
    expectValidTour(tour, 30, same);
    expect(tour.length).toBe(0);
  });

  it('handles duplicated stops: visits each copy next to its twin', () => {
    const base = randomPoints(12, 11);
    const points = [...base, ...base.map(([x, y]) => [x, y] as [number, number])];
    const dist = euclidean(points);
    const tour = solveTour(points.length, dist, { seed: 1 });
    expectValidTour(tour, points.length, dist);
    expect(tour.length).toBeCloseTo(heldKarp(12, euclidean(base)), 9);
  });

  it('rejects a bad n and distances that are not finite non-negative numbers', () => {
    const ok = euclidean(randomPoints(5, 1));
    expect(() => solveTour(-1, ok, { seed: 1 })).toThrow(RangeError);
    expect(() => solveTour(2.5, ok, { seed: 1 })).toThrow(RangeError);
    expect(() => solveTour(5, () => Number.NaN, { seed: 1 })).toThrow(/not a finite/);
    expect(() => solveTour(5, () => -1, { seed: 1 })).toThrow(/not a finite/);
    expect(() => solveTour(5, ok, { seed: 1, maxKicks: -1 })).toThrow(RangeError);
  });

  it('returns the shorter direction when distances are asymmetric (one-way streets)', () => {
    const points = randomPoints(9, 5);
    const plain = euclidean(points);
    // Going to a higher index costs 100 extra, so the better direction mostly runs downhill.
    const oneWay: Dist = (i, j) => plain(i, j) + (j > i ? 100 : 0);
    const tour = solveTour(9, oneWay, { seed: 2 });
    expectValidTour(tour, 9, oneWay);
    const reversed = [0, ...tour.order.slice(1).reverse()];
    expect(tour.length).toBeLessThan(tourLength(reversed, oneWay));
  });
});

describe('solveTour determinism', () => {
  const points = randomPoints(200, 42);
  const dist = euclidean(points);

  it('gives the identical order for the same seed, with no state carried between calls', () => {
    const first = solveTour(200, dist, { seed: 7, maxKicks: 3000 });
    solveTour(200, dist, { seed: 8, maxKicks: 3000 });
    const again = solveTour(200, dist, { seed: 7, maxKicks: 3000 });
    expect(again.order).toEqual(first.order);
    expect(again.length).toBe(first.length);
    expectValidTour(first, 200, dist);
  });

  it('stops when shouldStop says so, leaving the tour after the first local search', () => {
    let asked = 0;
    const stopped = solveTour(200, dist, {
      seed: 7,
      shouldStop: () => {
        asked++;
        return true;
      },
    });
    expect(asked).toBe(1);
    expect(stopped).toEqual(solveTour(200, dist, { seed: 7, maxKicks: 0 }));
    // The kicks improve on the plain local optimum.
    expect(solveTour(200, dist, { seed: 7, maxKicks: 3000 }).length).toBeLessThan(stopped.length);
  });

  it('returns a 2-opt and Or-opt local optimum even with no kicks (full neighbour lists at n = 11)', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const d = euclidean(randomPoints(11, 100 + seed));
      const { order } = solveTour(11, d, { seed, maxKicks: 0 });
      const n = order.length;
      const at = (p: number): number => order[((p % n) + n) % n]!;
      for (let i = 0; i < n; i++) {
        for (let j = i + 2; j < n; j++) {
          if (i === 0 && j === n - 1) continue;
          const gain = d(at(i), at(i + 1)) + d(at(j), at(j + 1)) - d(at(i), at(j)) - d(at(i + 1), at(j + 1));
          expect(gain).toBeLessThanOrEqual(1e-9);
        }
        // Moving the single stop at i between any other pair of neighbours does not help either.
        const removed = d(at(i - 1), at(i)) + d(at(i), at(i + 1)) - d(at(i - 1), at(i + 1));
        for (let j = 0; j < n; j++) {
          if (j === i || j === i - 1 || (i === 0 && j === n - 1)) continue;
          const added = d(at(j), at(i)) + d(at(i), at(j + 1)) - d(at(j), at(j + 1));
          expect(removed - added).toBeLessThanOrEqual(1e-9);
        }
      }
    }
  });
});

describe('solveTour quality (fixed seeds, deterministic budgets)', () => {
  it('matches the Held–Karp optimum on 45 random instances with 4–12 stops', () => {
    for (let instance = 0; instance < 45; instance++) {
      const n = 4 + (instance % 9);
      // Every third instance on a small integer grid: many equal distances and ties.
      const points =
        instance % 3 === 2
          ? randomPoints(n, 500 + instance, 4).map(([x, y]) => [Math.floor(x), Math.floor(y)] as [number, number])
          : randomPoints(n, 500 + instance);
      const dist = euclidean(points);
      const tour = solveTour(n, dist, { seed: instance });
      expectValidTour(tour, n, dist);
      expect(tour.length).toBeCloseTo(heldKarp(n, dist), 6);
    }
  });

  it('finds the same length for every seed on random 50-stop instances (the optimum, near certainly)', () => {
    for (let instance = 0; instance < 4; instance++) {
      const dist = euclidean(randomPoints(50, 900 + instance));
      const lengths = [1, 2, 3].map((seed) => solveTour(50, dist, { seed }).length);
      expect(lengths[1]).toBeCloseTo(lengths[0]!, 6);
      expect(lengths[2]).toBeCloseTo(lengths[0]!, 6);
    }
  });

  const TSPLIB = path.resolve(process.cwd(), 'bench/data/tsplib');
  // Upper bounds as measured with seed 1 and the default budget (1000 + 50·n kicks): all optimal.
  it.each([
    ['eil51', 426],
    ['berlin52', 7542],
    ['st70', 675],
    ['gr96', 55209],
    ['kroA100', 21282],
  ])('%s reaches %d with seed 1 and the default budget', (name, expected) => {
    const problem = parseTsplibProblem(readFileSync(path.join(TSPLIB, `${name}.tsp`), 'utf8'));
    const dist = tsplibDistance(problem);
    const tour = solveTour(problem.dimension, dist, { seed: 1 });
    expectValidTour(tour, problem.dimension, dist);
    expect(tour.length).toBeLessThanOrEqual(expected);
  });

  it('scales the default budget with n', () => {
    expect(defaultMaxKicks(50)).toBe(3500);
    expect(defaultMaxKicks(1000)).toBeGreaterThan(defaultMaxKicks(100));
  });
});

describe('createRandom', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number): number[] => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(0)).not.toEqual(draw(1));
  });

  it('draws integers in range, roughly uniformly', () => {
    const random = createRandom(12345);
    const counts = new Array<number>(10).fill(0);
    let outOfRange = 0;
    for (let t = 0; t < 20000; t++) {
      const value = random.int(10);
      if (Number.isInteger(value) && value >= 0 && value < 10) counts[value]!++;
      else outOfRange++;
    }
    expect(outOfRange).toBe(0);
    for (const count of counts) expect(Math.abs(count - 2000)).toBeLessThan(200);
  });
});
