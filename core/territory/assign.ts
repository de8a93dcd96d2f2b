/**
 * The territory engine: a start (owners, LPT, or with coordinates a balanced
 * k-means from a recursive bisection), then local search within the work budget. Pure and deterministic: the same problem
 * gives the same answer on every host.
 */
import { Budget } from './budget';
import { compactStart } from './compact';
import { type Points, centresOf, project } from './geometry';
import { improve } from './improve';
import { Loads } from './loads';
import { Members } from './members';
import { DEFAULT_BUDGET, DEFAULT_TOLERANCE, type TerritoryProblem, type TerritoryResult } from './problem';
import { greedyStart, place } from './start';

/** How close to target a compact territory needs to be before the search stops trading accounts. */
const COMPACT_GOAL = 0.01;

export function assignTerritories(problem: TerritoryProblem): TerritoryResult {
  const { accounts: n, territories: k, locked, owners, latitudes, longitudes } = problem;
  const budget = new Budget(problem.budget ?? DEFAULT_BUDGET, problem.onProgress);
  const loads = new Loads(problem);
  const members = new Members(n, k);
  const fixed = new Uint8Array(n);
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    const lock = locked ? locked[i] : -1;
    const owner = owners ? owners[i] : -1;
    if (lock >= 0) {
      fixed[i] = 1;
      place(members, loads, i, lock);
    } else if (owner >= 0) place(members, loads, i, owner);
    else free.push(i);
  }
  budget.spend(n * loads.m);

  let geography: { points: Points; centres: Points } | undefined;
  if (latitudes && longitudes && k > 1) {
    const points = project(latitudes, longitudes);
    if (owners) {
      // Centres of the owners' territories; accounts without an owner are dealt out by LPT, then the search tidies up.
      greedyStart(free, loads, members, budget);
      const centres: Points = { x: new Float64Array(k), y: new Float64Array(k) };
      centresOf(points, everyAccount(n), members.territory, centres);
      geography = { points, centres };
    } else geography = { points, centres: compactStart(free, points, loads, members, fixed, COMPACT_GOAL, budget) };
  } else greedyStart(free, loads, members, budget);

  // With owners, balance within the tolerance is enough; with coordinates, balance past 1% would
  // cost compactness; otherwise as even as the budget allows.
  const goal = owners ? (problem.tolerance ?? DEFAULT_TOLERANCE) : geography ? COMPACT_GOAL : 0;
  improve({ loads, members, fixed, budget, goal, geography });

  let moved = 0;
  const movedWeight = new Array<number>(loads.m).fill(0);
  if (owners) {
    for (let i = 0; i < n; i++) {
      if (owners[i] < 0 || owners[i] === members.territory[i]) continue;
      moved++;
      for (let j = 0; j < loads.m; j++) movedWeight[j] += problem.weights[i * loads.m + j];
    }
  }
  problem.onProgress?.(1);
  return {
    territory: members.territory,
    maxDeviation: loads.maxDeviation(),
    maxDeviationByMeasure: loads.maxDeviationByMeasure(),
    moved,
    movedWeight,
    operations: budget.operations,
    budgetReached: budget.exhausted,
  };
}

function everyAccount(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
