/**
 * npm run bench -- territory-assign: the territory engine on instances from
 * fixed seeds, against the perfect-balance lower bound, a plain LPT greedy,
 * the optimum of an exact MIP solver on the small instances (HiGHS, the
 * `highs` package, a development dependency of this bench only) and
 * unconstrained k-means, all measured in the same run.
 */
import loadHighs from 'highs';
import { createRandom } from '../core/random';
import { type TerritoryProblem, assignTerritories } from '../core/territory';

type Kind = 'uniform' | 'pareto' | 'clustered';

function instance(kind: Kind, n: number, k: number, seed: number, extra: { locks?: boolean; owners?: boolean } = {}): TerritoryProblem {
  const random = createRandom(seed);
  const weights = Float64Array.from({ length: n }, () => (kind === 'pareto' ? 100 / Math.pow(1 - random.next(), 1 / 1.5) : 100 + random.int(0, 900)));
  const hubs = Array.from({ length: 12 }, () => [30 + random.next() * 15, -120 + random.next() * 45]);
  const latitudes = new Float64Array(n);
  const longitudes = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [a, b] = random.pick(hubs);
    latitudes[i] = a + (random.next() + random.next() - 1) * 2;
    longitudes[i] = b + (random.next() + random.next() - 1) * 2;
  }
  return {
    accounts: n,
    territories: k,
    weights,
    measures: 1,
    importance: [1],
    ...(kind === 'clustered' ? { latitudes, longitudes } : {}),
    ...(extra.locks ? { locked: Int32Array.from({ length: n }, () => (random.next() < 0.05 ? random.int(0, k - 1) : -1)) } : {}),
    ...(extra.owners ? { owners: Int32Array.from({ length: n }, () => random.int(0, k - 1)) } : {}),
  };
}

function deviation(p: TerritoryProblem, territory: Int32Array): number {
  const totals = new Float64Array(p.territories);
  let sum = 0;
  for (let i = 0; i < p.accounts; i++) {
    totals[territory[i]] += p.weights[i];
    sum += p.weights[i];
  }
  const target = sum / p.territories;
  return Math.max(...Array.from(totals, (t) => Math.abs(t - target) / target));
}

/** The perfect-balance lower bound: no split beats the heaviest account alone over its target (0 when none exceeds it). */
function lowerBound(p: TerritoryProblem): number {
  let sum = 0;
  let max = 0;
  for (let i = 0; i < p.accounts; i++) {
    sum += p.weights[i];
    max = Math.max(max, p.weights[i]);
  }
  return Math.max(0, max / (sum / p.territories) - 1);
}

/** Plain LPT: heaviest first to the lightest territory, locks and owners ignored. */
function lpt(p: TerritoryProblem): Int32Array {
  const order = Array.from({ length: p.accounts }, (_, i) => i).sort((a, b) => p.weights[b] - p.weights[a] || a - b);
  const totals = new Float64Array(p.territories);
  const out = new Int32Array(p.accounts);
  for (const i of order) {
    let best = 0;
    for (let t = 1; t < p.territories; t++) if (totals[t] < totals[best]) best = t;
    out[i] = best;
    totals[best] += p.weights[i];
  }
  return out;
}

/**
 * Unconstrained k-means (Lloyd, seeded with random accounts, 30 rounds) on the same projection as
 * the engine; with `keepLocks`, locked accounts stay in their territory, the least any answer that
 * keeps them can do.
 */
function kMeans(p: TerritoryProblem, keepLocks = false): Int32Array {
  const { x, y } = projected(p);
  const random = createRandom(99);
  const cx = new Float64Array(p.territories);
  const cy = new Float64Array(p.territories);
  for (let t = 0; t < p.territories; t++) {
    const i = random.int(0, p.accounts - 1);
    cx[t] = x[i];
    cy[t] = y[i];
  }
  const out = new Int32Array(p.accounts);
  for (let round = 0; round < 30; round++) {
    for (let i = 0; i < p.accounts; i++) {
      let best = 0;
      let bestGap = Infinity;
      for (let t = 0; t < p.territories; t++) {
        const gap = (x[i] - cx[t]) ** 2 + (y[i] - cy[t]) ** 2;
        if (gap < bestGap) [best, bestGap] = [t, gap];
      }
      out[i] = keepLocks && p.locked && p.locked[i] >= 0 ? p.locked[i] : best;
    }
    const sx = new Float64Array(p.territories);
    const sy = new Float64Array(p.territories);
    const count = new Float64Array(p.territories);
    for (let i = 0; i < p.accounts; i++) [sx[out[i]], sy[out[i]], count[out[i]]] = [sx[out[i]] + x[i], sy[out[i]] + y[i], count[out[i]] + 1];
    for (let t = 0; t < p.territories; t++) if (count[t]) [cx[t], cy[t]] = [sx[t] / count[t], sy[t] / count[t]];
  }
  return out;
}

function projected(p: TerritoryProblem): { x: Float64Array; y: Float64Array } {
  const lat = p.latitudes as Float64Array;
  const lon = p.longitudes as Float64Array;
  const scale = Math.cos(((lat.reduce((a, b) => a + b, 0) / p.accounts) * Math.PI) / 180);
  return { x: Float64Array.from(lon, (v) => v * scale), y: lat };
}

/** Mean distance (degrees of latitude) from each account to its territory's centre. */
function meanDistance(p: TerritoryProblem, territory: Int32Array): number {
  const { x, y } = projected(p);
  const k = p.territories;
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  const count = new Float64Array(k);
  for (let i = 0; i < p.accounts; i++) [sx[territory[i]], sy[territory[i]], count[territory[i]]] = [sx[territory[i]] + x[i], sy[territory[i]] + y[i], count[territory[i]] + 1];
  let sum = 0;
  for (let i = 0; i < p.accounts; i++) {
    const t = territory[i];
    sum += Math.hypot(x[i] - sx[t] / count[t], y[i] - sy[t] / count[t]);
  }
  return sum / p.accounts;
}

const pct = (v: number) => `${(v * 100).toFixed(3)}%`;

function ms(run: () => unknown): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Seconds HiGHS may spend on one instance; a run cut short reports the best assignment it found. */
const MIP_SECONDS = 20;

type Highs = Awaited<ReturnType<typeof loadHighs>>;

/**
 * The least max deviation any assignment reaches, as a MIP: x_it binary (account i in territory t),
 * Σ_t x_it = 1, −z ≤ (Σ_i w_i x_it − target) / target ≤ z, locked accounts fixed, minimise z.
 */
function mipOptimum(highs: Highs, p: TerritoryProblem): string {
  const { accounts: n, territories: k } = p;
  const target = p.weights.reduce((a, b) => a + b, 0) / k;
  const x = (i: number, t: number) => `x${i}_${t}`;
  const rows: string[] = [];
  for (let i = 0; i < n; i++) {
    const lock = p.locked ? p.locked[i] : -1;
    rows.push(` a${i}: ${Array.from({ length: k }, (_, t) => x(i, t)).join(' + ')} = 1`);
    if (lock >= 0) rows.push(` l${i}: ${x(i, lock)} = 1`);
  }
  for (let t = 0; t < k; t++) {
    const load = Array.from({ length: n }, (_, i) => `${p.weights[i] / target} ${x(i, t)}`).join(' + ');
    rows.push(` over${t}: ${load} - z <= 1`, ` under${t}: ${load} + z >= 1`);
  }
  const binaries = Array.from({ length: n * k }, (_, c) => x(Math.floor(c / k), c % k)).join(' ');
  const model = `Minimize\n obj: z\nSubject To\n${rows.join('\n')}\nBounds\n z >= 0\nBinaries\n ${binaries}\nEnd`;
  const solution = highs.solve(model, { output_flag: false, time_limit: MIP_SECONDS });
  if (solution.Status !== 'Optimal' && solution.Status !== 'Time limit reached') return `(${solution.Status})`;
  return `${pct(solution.ObjectiveValue)}${solution.Status === 'Optimal' ? '' : ` (best in ${MIP_SECONDS} s)`}`;
}

export async function benchTerritoryAssign(): Promise<string[]> {
  const highs = await loadHighs();
  const lines = [
    '| instance (accounts × territories) | max deviation | lower bound | LPT baseline | MIP optimum | mean distance ÷ k-means | moved (owners run) | moved (balance-only run) | ms |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  const cases: [string, TerritoryProblem][] = [
    ['uniform 300 × 8', instance('uniform', 300, 8, 1)],
    ['Pareto 300 × 8', instance('pareto', 300, 8, 2)],
    ['clustered 300 × 8', instance('clustered', 300, 8, 14)],
    ['uniform 300 × 8, 5% locked', instance('uniform', 300, 8, 15, { locks: true })],
    ['Pareto 300 × 8, owners', instance('pareto', 300, 8, 16, { owners: true })],
    ['uniform 10,000 × 50', instance('uniform', 10_000, 50, 3)],
    ['Pareto 10,000 × 50', instance('pareto', 10_000, 50, 4)],
    ['uniform 10,000 × 50, 5% locked', instance('uniform', 10_000, 50, 5, { locks: true })],
    ['clustered 10,000 × 50', instance('clustered', 10_000, 50, 6)],
    ['clustered 10,000 × 50, 5% locked', instance('clustered', 10_000, 50, 7, { locks: true })],
    ['uniform 10,000 × 50, owners', instance('uniform', 10_000, 50, 8, { owners: true })],
    ['Pareto 10,000 × 50, owners', instance('pareto', 10_000, 50, 9, { owners: true })],
    ['clustered 10,000 × 50, owners', instance('clustered', 10_000, 50, 17, { owners: true })],
  ];
  for (const [label, p] of cases) {
    console.error(`  territory-assign: ${label}`);
    let result = assignTerritories(p);
    const time = ms(() => (result = assignTerritories(p)));
    let compact = '';
    if (p.latitudes) {
      const distance = meanDistance(p, result.territory);
      compact = (distance / meanDistance(p, kMeans(p))).toFixed(2);
      if (p.locked) compact += ` (${(distance / meanDistance(p, kMeans(p, true))).toFixed(2)} against k-means keeping the locks)`;
    }
    const mip = p.accounts <= 300 && p.territories <= 8 ? mipOptimum(highs, p) : '';
    let moves = ['', ''];
    if (p.owners) {
      const balanceOnly = assignTerritories({ ...p, owners: undefined });
      const owners = p.owners;
      moves = [String(result.moved), String(balanceOnly.territory.filter((t, i) => t !== owners[i]).length)];
    }
    const cells = [pct(deviation(p, result.territory)), pct(lowerBound(p)), pct(deviation(p, lpt(p))), mip, compact, ...moves, time.toFixed(0)];
    lines.push(`| ${label} | ${cells.join(' | ')} |`);
  }
  lines.push('', '| timing | engine ms | LPT baseline ms | target ms |', '|---|---|---|---|');
  for (const [label, p, target] of [
    ['uniform 10,000 × 50', instance('uniform', 10_000, 50, 10), '≤ 300'],
    ['clustered 10,000 × 50', instance('clustered', 10_000, 50, 11), '≤ 300'],
    ['uniform 250,000 × 100', instance('uniform', 250_000, 100, 12), '≤ 10,000'],
    ['clustered 250,000 × 100', instance('clustered', 250_000, 100, 13), '≤ 10,000'],
  ] as const) {
    console.error(`  territory-assign: timing ${label}`);
    lines.push(`| ${label} | ${ms(() => assignTerritories(p)).toFixed(0)} | ${ms(() => lpt(p)).toFixed(0)} | ${target} |`);
  }
  lines.push(
    '',
    'Max deviation: largest |total − target| / target of any territory. Lower bound: the heaviest account alone over its target. ' +
      'MIP optimum: HiGHS on the same instance (locks kept, owners ignored: the least deviation any assignment reaches). ' +
      'Mean distance ÷ k-means: mean distance from each account to its territory\'s centre, over the same for unconstrained k-means ' +
      '(the bench locks 5% of accounts to random territories anywhere on the map, so a locked row also shows k-means that keeps the same locks). ' +
      'Moved: accounts taken from their current owner with the 5% tolerance, against a run that ignores owners.',
  );
  return lines;
}
