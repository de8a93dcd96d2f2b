/**
 * A first assignment for the local search to improve, without coordinates:
 * LPT (heaviest first, each to the territory furthest below its target).
 * With coordinates the start is a balanced k-means (compact.ts).
 */
import type { Budget } from './budget';
import type { Loads } from './loads';
import type { Members } from './members';

/** Accounts by size, heaviest first; equal sizes keep their order. */
export function heaviestFirst(accounts: readonly number[], loads: Loads): number[] {
  const sizes = new Float64Array(loads.shares.length / loads.m);
  for (const i of accounts) sizes[i] = loads.size(i);
  return [...accounts].sort((a, b) => sizes[b] - sizes[a] || a - b);
}

export function place(members: Members, loads: Loads, i: number, t: number): void {
  const from = members.territory[i];
  if (from === t) return;
  if (from >= 0) loads.move(i, from, t);
  else loads.add(i, t);
  members.place(i, t);
}

/** LPT: each account, heaviest first, to the territory furthest below its target. */
export function greedyStart(accounts: readonly number[], loads: Loads, members: Members, budget: Budget): void {
  const { k, surplus } = loads;
  for (const i of heaviestFirst(accounts, loads)) {
    let best = 0;
    for (let t = 1; t < k; t++) if (surplus[t] < surplus[best]) best = t;
    place(members, loads, i, best);
    budget.spend(k);
  }
}
