/** The territory engine's invariants on generated instances (core/territory). */
import fc from 'fast-check';
import { createRandom } from '../../core/random';
import { type TerritoryProblem, assignTerritories } from '../../core/territory';

interface Shape {
  seed: number;
  n: number;
  k: number;
  weights: 'uniform' | 'pareto';
  geography: boolean;
  locks: boolean;
  owners: boolean;
}

/** A generated instance; every value comes from the seed. */
function instance({ seed, n, k, weights, geography, locks, owners }: Shape): TerritoryProblem {
  const random = createRandom(seed);
  const w = Float64Array.from({ length: n }, () => (weights === 'pareto' ? 100 / Math.pow(1 - random.next(), 1 / 1.5) : 100 + random.int(0, 900)));
  const hubs = Array.from({ length: 4 }, () => [30 + random.next() * 15, -120 + random.next() * 45]);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b] = random.pick(hubs);
    lat[i] = a + (random.next() - 0.5) * 3;
    lon[i] = b + (random.next() - 0.5) * 3;
  }
  return {
    accounts: n,
    territories: k,
    weights: w,
    measures: 1,
    importance: [1],
    ...(geography ? { latitudes: lat, longitudes: lon } : {}),
    ...(locks ? { locked: Int32Array.from({ length: n }, () => (random.next() < 0.1 ? random.int(0, k - 1) : -1)) } : {}),
    ...(owners ? { owners: Int32Array.from({ length: n }, () => random.int(0, k - 1)) } : {}),
  };
}

const shapes = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
  n: fc.integer({ min: 1, max: 400 }),
  k: fc.integer({ min: 1, max: 12 }),
  weights: fc.constantFrom<'uniform' | 'pareto'>('uniform', 'pareto'),
  geography: fc.boolean(),
  locks: fc.boolean(),
  owners: fc.boolean(),
});

/** Largest |total − target| / target, computed here from the assignment alone. */
function maxDeviation(problem: TerritoryProblem, territory: Int32Array): number {
  const totals = new Array<number>(problem.territories).fill(0);
  let sum = 0;
  for (let i = 0; i < problem.accounts; i++) {
    totals[territory[i]] += problem.weights[i];
    sum += problem.weights[i];
  }
  const target = sum / problem.territories;
  return Math.max(...totals.map((total) => Math.abs(total - target) / target));
}

/** Mean distance (in degrees, longitude scaled by the cosine of latitude) from each account to its territory's mean position. */
function meanDistance(problem: TerritoryProblem, territory: Int32Array): number {
  const lat = problem.latitudes as Float64Array;
  const lon = problem.longitudes as Float64Array;
  const scale = Math.cos((lat.reduce((a, b) => a + b, 0) / problem.accounts) * (Math.PI / 180));
  const k = problem.territories;
  const [sx, sy, count] = [new Array<number>(k).fill(0), new Array<number>(k).fill(0), new Array<number>(k).fill(0)];
  for (let i = 0; i < problem.accounts; i++) {
    sx[territory[i]] += lon[i] * scale;
    sy[territory[i]] += lat[i];
    count[territory[i]]++;
  }
  let sum = 0;
  for (let i = 0; i < problem.accounts; i++) {
    const t = territory[i];
    sum += Math.hypot(lon[i] * scale - sx[t] / count[t], lat[i] - sy[t] / count[t]);
  }
  return sum / problem.accounts;
}

describe('assignTerritories', () => {
  it('assigns every account exactly one territory, keeps locked ones, and answers the same twice', () => {
    fc.assert(
      fc.property(shapes, (shape) => {
        const problem = instance(shape);
        const a = assignTerritories(problem);
        const b = assignTerritories(instance(shape));
        expect(Array.from(a.territory)).toEqual(Array.from(b.territory));
        expect(a.territory.length).toBe(shape.n);
        for (let i = 0; i < shape.n; i++) {
          expect(a.territory[i]).toBeGreaterThanOrEqual(0);
          expect(a.territory[i]).toBeLessThan(shape.k);
          if (problem.locked && problem.locked[i] >= 0) expect(a.territory[i]).toBe(problem.locked[i]);
        }
      }),
      { numRuns: 150, seed: 20260501 },
    );
  });

  it('is within 1% of target (5% with coordinates) when no account exceeds a territory\'s target and accounts are many', () => {
    fc.assert(
      fc.property(shapes, ({ seed, k, weights, geography }) => {
        const shape = { seed, n: 60 * k, k, weights, geography, locks: false, owners: false };
        const problem = instance(shape);
        const total = problem.weights.reduce((a, b) => a + b, 0);
        fc.pre(Math.max(...problem.weights) <= total / k);
        const result = assignTerritories(problem);
        expect(maxDeviation(problem, result.territory)).toBeLessThanOrEqual(geography ? 0.05 : 0.01);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('balances several weight columns with their importance, each within 5% of target when accounts are many', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 3 }), (seed, k, m) => {
        const random = createRandom(seed);
        const n = 60 * k;
        // An account count, a potential, and (with three) a workload that varies more.
        const weights = new Float64Array(n * m);
        for (let i = 0; i < n; i++) {
          for (let j = 0; j < m; j++) weights[i * m + j] = j === 0 ? 1 : (100 + random.int(0, 900)) * (j === 2 ? random.next() : 1);
        }
        const importance = Array.from({ length: m }, () => 0.2 + random.next());
        const result = assignTerritories({ accounts: n, territories: k, weights, measures: m, importance });
        for (let j = 0; j < m; j++) {
          const totals = new Array<number>(k).fill(0);
          let sum = 0;
          for (let i = 0; i < n; i++) {
            totals[result.territory[i]] += weights[i * m + j];
            sum += weights[i * m + j];
          }
          for (const total of totals) expect(Math.abs(total - sum / k) / (sum / k)).toBeLessThanOrEqual(0.05);
        }
      }),
      { numRuns: 40, seed: 13 },
    );
  });

  it('with coordinates, keeps territories compact: accounts markedly nearer their centre (under three quarters the distance) than when coordinates are left out', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2, max: 12 }), (seed, k) => {
        const problem = instance({ seed, n: 60 * k, k, weights: 'uniform', geography: true, locks: false, owners: false });
        const compact = assignTerritories(problem).territory;
        const blind = assignTerritories({ ...problem, latitudes: undefined, longitudes: undefined }).territory;
        expect(meanDistance(problem, compact)).toBeLessThanOrEqual(0.75 * meanDistance(problem, blind));
      }),
      { numRuns: 40, seed: 17 },
    );
  });

  it('with coordinates, gives each territory the free accounts around its locked ones', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2, max: 8 }), (seed, k) => {
        // k regions far apart with 40 accounts each; territory t has three locked accounts in region home[t], a shuffle of the regions.
        const random = createRandom(seed);
        const home = Array.from({ length: k }, (_, t) => t);
        for (let t = k - 1; t > 0; t--) {
          const u = random.int(0, t);
          [home[t], home[u]] = [home[u], home[t]];
        }
        const n = 40 * k;
        const region = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 40));
        const locked = Int32Array.from({ length: n }, (_, i) => (i % 40 < 3 ? home.indexOf(region[i]) : -1));
        const problem: TerritoryProblem = {
          accounts: n,
          territories: k,
          weights: new Float64Array(n).fill(1),
          measures: 1,
          importance: [1],
          latitudes: Float64Array.from(region, () => 35 + (random.next() - 0.5)),
          longitudes: Float64Array.from(region, (r) => -120 + 5 * r + (random.next() - 0.5)),
          locked,
        };
        const { territory } = assignTerritories(problem);
        let atHome = 0;
        for (let i = 0; i < n; i++) if (locked[i] < 0 && home[territory[i]] === region[i]) atHome++;
        expect(atHome).toBeGreaterThanOrEqual(0.9 * 37 * k);
      }),
      { numRuns: 30, seed: 23 },
    );
  });

  it('moves no account from its owner when the owners\' split is already within tolerance', () => {
    fc.assert(
      fc.property(shapes, ({ seed, n, k, geography }) => {
        const base = instance({ seed, n: Math.max(n, 2 * k), k, weights: 'uniform', geography, locks: false, owners: false });
        // The owners' split is a balanced answer of the engine itself.
        const owners = assignTerritories(base).territory;
        const deviation = maxDeviation(base, owners);
        const result = assignTerritories({ ...base, owners, tolerance: Math.max(0.05, deviation) });
        expect(result.moved).toBe(0);
        expect(Array.from(result.territory)).toEqual(Array.from(owners));
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  it('with owners far out of balance, moves accounts until every territory is within tolerance, and reports them', () => {
    const problem = instance({ seed: 3, n: 1000, k: 5, weights: 'uniform', geography: false, locks: false, owners: false });
    const owners = new Int32Array(1000); // everybody with territory 0
    const result = assignTerritories({ ...problem, owners, tolerance: 0.05 });
    expect(maxDeviation(problem, result.territory)).toBeLessThanOrEqual(0.05);
    const moved = Array.from(result.territory).filter((t) => t !== 0).length;
    expect(result.moved).toBe(moved);
    // Four fifths of the weight has to leave territory 0; moving much more than that would be needless.
    expect(moved).toBeLessThan(0.85 * 1000);
  });

  it('stops a huge instance within its work budget, with every account assigned', () => {
    const problem = instance({ seed: 5, n: 200_000, k: 200, weights: 'pareto', geography: true, locks: false, owners: false });
    const result = assignTerritories({ ...problem, budget: 5_000_000 });
    expect(result.budgetReached).toBe(true);
    // A step may finish past the line, but never by more than one scan of the accounts × territories.
    expect(result.operations).toBeLessThanOrEqual(5_000_000 + 200_000 * 200);
    expect(Array.from(result.territory).every((t) => t >= 0 && t < 200)).toBe(true);
  });
});
