/**
 * What the territory engine is asked and what it answers, in plain arrays:
 * accounts are 0 … n − 1, territories 0 … k − 1, measures (weight columns) 0 … m − 1.
 */

export interface TerritoryProblem {
  /** Accounts. */
  readonly accounts: number;
  /** Territories. */
  readonly territories: number;
  /** Weight of account i on measure j at `weights[i * measures + j]`; every value ≥ 0. */
  readonly weights: Float64Array;
  readonly measures: number;
  /** How much each measure counts (≥ 0, not all 0); one per measure. */
  readonly importance: readonly number[];
  /** Each territory's relative target size (> 0); equal when left out. */
  readonly targetSizes?: readonly number[];
  /** Degrees, one per account; with both, territories are kept compact. */
  readonly latitudes?: Float64Array;
  readonly longitudes?: Float64Array;
  /** The territory an account must keep, or −1 when it is free. */
  readonly locked?: Int32Array;
  /** The territory an account is in today, or −1 when it has no owner. */
  readonly owners?: Int32Array;
  /** With owners: how far (as a fraction of its target) a territory may be off before accounts move. Default 0.05. */
  readonly tolerance?: number;
  /** Seed for choices made by chance; the engine makes none today (kept so callers need not change). */
  readonly seed?: number;
  /** Elementary operations the engine may spend; it stops with the best answer so far. */
  readonly budget?: number;
  /**
   * Hears how far the run is, from 0 to 1 (the share of the budget spent; a run that
   * reaches its goal early jumps to 1 at the end), at most about a hundred times.
   */
  readonly onProgress?: (done: number) => void;
}

export interface TerritoryResult {
  /** The territory of each account. */
  readonly territory: Int32Array;
  /** Largest weighted deviation of any territory from its target: Σ importance × |total − target| / target. */
  readonly maxDeviation: number;
  /** Per measure, the largest |total − target| / target over the territories. */
  readonly maxDeviationByMeasure: readonly number[];
  /** Accounts given another territory than their owner's (0 without owners). */
  readonly moved: number;
  /** Per measure, the weight those accounts carry. */
  readonly movedWeight: readonly number[];
  /** Operations spent, and whether the budget ran out before the search finished. */
  readonly operations: number;
  readonly budgetReached: boolean;
}

/** Enough for 250,000 accounts × 100 territories in a few seconds of Node, well inside Sheets' 30 s in Apps Script. */
export const DEFAULT_BUDGET = 400_000_000;
export const DEFAULT_TOLERANCE = 0.05;
