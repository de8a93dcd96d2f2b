/**
 * A first assignment for the local search to improve: locked accounts in
 * their territory, owned accounts with their owner, and the rest either by
 * LPT (heaviest first, each to the territory furthest below its target) or,
 * with coordinates, by a balanced k-means (nearest centre, with a price on
 * each territory that rises while it is over its target).
 */
import type { Random } from '../random';
import type { Budget } from './budget';
import { type Points, centresOf, seedCentres } from './geometry';
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

const LLOYD_ROUNDS = 4;
const PRICE_ROUNDS = 80;
/** Centres each account may go to while the prices settle. */
const CANDIDATES = 8;
const NO_PRICE = new Float64Array(0);

/**
 * Balanced k-means: centres seeded by k-means++ and moved by a few Lloyd
 * rounds, then rounds of assigning each account to the centre with the least
 * squared distance plus that territory's price, raising the price of a
 * territory over its target and lowering it under, and moving the centres.
 * Returns the centres.
 */
export function compactStart(
  accounts: readonly number[],
  points: Points,
  loads: Loads,
  members: Members,
  random: Random,
  budget: Budget,
): Points {
  const { k } = loads;
  const centres = seedCentres(points, k, random, budget);
  const all = Array.from({ length: k }, (_, t) => t);
  const scan = accounts.length * k;
  for (let round = 0; round < LLOYD_ROUNDS && budget.allows(scan); round++) {
    for (const i of accounts) place(members, loads, i, nearestOf(points, i, centres, all, NO_PRICE));
    budget.spend(scan);
    centresOf(points, members.territory, centres);
  }
  // With the centres fixed, each account only ever goes to one of its few nearest centres.
  const width = Math.min(k, CANDIDATES);
  if (!budget.allows(scan)) return withEveryAccountPlaced(accounts, loads, members, budget, centres);
  const candidates = nearestCentres(points, accounts, centres, width);
  budget.spend(scan);
  const price = new Float64Array(k);
  const cost = accounts.length * width;
  for (let round = 0; round < PRICE_ROUNDS && budget.allows(cost); round++) {
    let squares = 0;
    for (let a = 0; a < accounts.length; a++) {
      const i = accounts[a];
      const t = nearestOf(points, i, centres, candidates.subarray(a * width, (a + 1) * width), price);
      squares += (points.x[i] - centres.x[t]) ** 2 + (points.y[i] - centres.y[t]) ** 2;
      place(members, loads, i, t);
    }
    budget.spend(cost);
    // The price moves by the territory's surplus times the typical squared distance: a territory
    // 10% over pays a tenth of it, which moves its border inward.
    const scale = accounts.length ? squares / accounts.length : 0;
    const step = 2 * (1 - round / (PRICE_ROUNDS + 1));
    for (let t = 0; t < k; t++) price[t] += step * loads.surplus[t] * scale;
  }
  return withEveryAccountPlaced(accounts, loads, members, budget, centres);
}

/** Of `candidates`, the centre with the least squared distance to account i plus its price. */
function nearestOf(points: Points, i: number, centres: Points, candidates: ArrayLike<number>, price: Float64Array): number {
  const px = points.x[i];
  const py = points.y[i];
  let best = candidates[0];
  let bestCost = Infinity;
  for (let c = 0; c < candidates.length; c++) {
    const t = candidates[c];
    const cost = (px - centres.x[t]) ** 2 + (py - centres.y[t]) ** 2 + (price.length ? price[t] : 0);
    if (cost < bestCost) {
      bestCost = cost;
      best = t;
    }
  }
  return best;
}

/** Each account's `width` nearest centres, nearest first, in one flat array. */
function nearestCentres(points: Points, accounts: readonly number[], centres: Points, width: number): Int32Array {
  const k = centres.x.length;
  const out = new Int32Array(accounts.length * width);
  const gaps = new Float64Array(k);
  const order = new Int32Array(k);
  for (let a = 0; a < accounts.length; a++) {
    const i = accounts[a];
    for (let t = 0; t < k; t++) {
      gaps[t] = (points.x[i] - centres.x[t]) ** 2 + (points.y[i] - centres.y[t]) ** 2;
      order[t] = t;
    }
    // Partial selection: the `width` smallest gaps to the front.
    for (let c = 0; c < width; c++) {
      let min = c;
      for (let t = c + 1; t < k; t++) if (gaps[order[t]] < gaps[order[min]]) min = t;
      const swap = order[c];
      order[c] = order[min];
      order[min] = swap;
      out[a * width + c] = order[c];
    }
  }
  return out;
}

/** When the budget ran out before the first round, the accounts still without a territory get one by LPT. */
function withEveryAccountPlaced(accounts: readonly number[], loads: Loads, members: Members, budget: Budget, centres: Points): Points {
  const unplaced = accounts.filter((i) => members.territory[i] < 0);
  if (unplaced.length) greedyStart(unplaced, loads, members, budget);
  return centres;
}
