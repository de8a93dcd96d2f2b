/**
 * Each territory's load on each measure against its target. Weights are kept
 * as shares of their measure's total, so every measure totals 1 and a
 * territory's target on every measure is its share of the targets.
 */
import type { TerritoryProblem } from './problem';

export class Loads {
  readonly k: number;
  readonly m: number;
  /** Account i's share of measure j's total, at i * m + j. */
  readonly shares: Float64Array;
  /** Territory t's target share (the targets add up to 1). */
  readonly target: Float64Array;
  /** Importance per measure, adding up to 1. */
  readonly importance: Float64Array;
  /** Territory t's load on measure j, at t * m + j. */
  readonly load: Float64Array;
  /** Territory t's weighted deviation Σ importance × |load − target| / target. */
  readonly deviation: Float64Array;
  /** The same without the absolute value: above 0 means over target on balance. */
  readonly surplus: Float64Array;

  constructor(problem: TerritoryProblem) {
    const { accounts: n, measures: m, territories: k, weights } = problem;
    this.k = k;
    this.m = m;
    const totals = new Float64Array(m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) totals[j] += weights[i * m + j];
    this.shares = new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) this.shares[i * m + j] = totals[j] > 0 ? weights[i * m + j] / totals[j] : 0;
    // A measure every account has at 0 is balanced whatever the split: it does not count.
    const importance = problem.importance.map((value, j) => (totals[j] > 0 ? value : 0));
    const sum = importance.reduce((a, b) => a + b, 0);
    this.importance = Float64Array.from(importance, (value) => (sum > 0 ? value / sum : 0));
    const sizes = problem.targetSizes ?? new Array<number>(k).fill(1);
    const sizeSum = sizes.reduce((a, b) => a + b, 0);
    this.target = Float64Array.from(sizes, (size) => size / sizeSum);
    this.load = new Float64Array(k * m);
    this.deviation = new Float64Array(k);
    this.surplus = new Float64Array(k);
    for (let t = 0; t < k; t++) this.refresh(t);
  }

  /** Adds account i to territory t (a negative sign takes it out). */
  add(i: number, t: number, sign = 1): void {
    const { m, shares, load } = this;
    for (let j = 0; j < m; j++) load[t * m + j] += sign * shares[i * m + j];
    this.refresh(t);
  }

  move(i: number, from: number, to: number): void {
    this.add(i, from, -1);
    this.add(i, to);
  }

  private refresh(t: number): void {
    const { m, load, importance } = this;
    const target = this.target[t];
    let deviation = 0;
    let surplus = 0;
    for (let j = 0; j < m; j++) {
      const off = (importance[j] * (load[t * m + j] - target)) / target;
      deviation += Math.abs(off);
      surplus += off;
    }
    this.deviation[t] = deviation;
    this.surplus[t] = surplus;
  }

  /** Territory t's weighted deviation after `sign` × account i's shares, without changing anything (`delta` may hold a second account). */
  deviationWith(t: number, i: number, sign: number, other = -1, otherSign = 0): number {
    const { m, shares, load, importance } = this;
    const target = this.target[t];
    let deviation = 0;
    for (let j = 0; j < m; j++) {
      let value = load[t * m + j] + sign * shares[i * m + j];
      if (other >= 0) value += otherSign * shares[other * m + j];
      deviation += Math.abs((importance[j] * (value - target)) / target);
    }
    return deviation;
  }

  /** Whether every territory is within `goal` of its target on every measure that counts. */
  within(goal: number): boolean {
    const { k, m, load, target, importance } = this;
    for (let t = 0; t < k; t++) {
      for (let j = 0; j < m; j++) if (importance[j] > 0 && Math.abs(load[t * m + j] - target[t]) > goal * target[t] + 1e-12) return false;
    }
    return true;
  }

  /** The territory furthest from its target. */
  worst(): number {
    let worst = 0;
    for (let t = 1; t < this.k; t++) if (this.deviation[t] > this.deviation[worst]) worst = t;
    return worst;
  }

  maxDeviation(): number {
    return this.deviation[this.worst()];
  }

  /** Per measure, the largest |load − target| / target. */
  maxDeviationByMeasure(): number[] {
    const out = new Array<number>(this.m).fill(0);
    for (let t = 0; t < this.k; t++) {
      for (let j = 0; j < this.m; j++) out[j] = Math.max(out[j], Math.abs(this.load[t * this.m + j] - this.target[t]) / this.target[t]);
    }
    return out;
  }

  /** Account i's importance-weighted size, for ordering accounts heaviest first. */
  size(i: number): number {
    let size = 0;
    for (let j = 0; j < this.m; j++) size += this.importance[j] * this.shares[i * this.m + j];
    return size;
  }
}
