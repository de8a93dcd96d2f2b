/**
 * Local search on the assignment: take the territory furthest from its
 * target and move one account between it and a partner (or swap two) so that
 * the larger of the two deviations falls. The largest deviation never rises,
 * so the search ends; it stops sooner once every territory is within `goal`,
 * when no move helps, or when the budget is spent. With coordinates, a move
 * that takes an account far from its new territory's centre counts for less,
 * and partners are the nearest territories first.
 */
import type { Budget } from './budget';
import { type Points, gap } from './geometry';
import type { Loads } from './loads';
import type { Members } from './members';
import { place } from './start';

export interface Search {
  readonly loads: Loads;
  readonly members: Members;
  /** Accounts that may not move (locked). */
  readonly fixed: Uint8Array;
  readonly budget: Budget;
  /** Stop once every territory is within this deviation. */
  readonly goal: number;
  readonly geography?: { readonly points: Points; readonly centres: Points };
}

/** Partners tried for the worst territory before the search gives up on it. */
const PARTNERS = 6;
/** Pairs of accounts a swap may look at in one try. */
const MAX_SWAP_PAIRS = 250_000;
/** A fall in deviation smaller than this is rounding, not progress. */
const EPSILON = 1e-12;

export function improve(search: Search): void {
  const { loads, budget, goal } = search;
  while (!budget.exhausted) {
    if (loads.within(goal)) return;
    const worst = loads.worst();
    // Single moves with every partner first: a swap looks at many more pairs.
    const partners = partnersOf(search, worst);
    if (!partners.some((partner) => tryMove(search, worst, partner)) && !partners.some((partner) => trySwap(search, worst, partner))) return;
  }
}

/** The territories to trade with: those on the other side of their target first, the nearest first with coordinates. */
function partnersOf(search: Search, worst: number): number[] {
  const { loads, geography } = search;
  const { k, surplus } = loads;
  const over = surplus[worst] > 0;
  const others: number[] = [];
  for (let t = 0; t < k; t++) if (t !== worst && (over ? surplus[t] < surplus[worst] : surplus[t] > surplus[worst])) others.push(t);
  search.budget.spend(k);
  if (geography) {
    const { centres } = geography;
    const gap = (t: number) => (centres.x[t] - centres.x[worst]) ** 2 + (centres.y[t] - centres.y[worst]) ** 2;
    const near = others.sort((a, b) => gap(a) - gap(b) || a - b).slice(0, PARTNERS);
    // And the one furthest on the other side, wherever it is, so a stuck neighbourhood still drains.
    const far = others.reduce((best, t) => (best < 0 || (over ? surplus[t] < surplus[best] : surplus[t] > surplus[best]) ? t : best), -1);
    if (far >= 0 && !near.includes(far)) near.push(far);
    return near;
  }
  return others.sort((a, b) => (over ? surplus[a] - surplus[b] : surplus[b] - surplus[a]) || a - b).slice(0, PARTNERS);
}

/** How much further from its new centre than its old one an account would be, in units of the typical distance. */
function detour(search: Search, i: number, from: number, to: number, typical: number): number {
  const geography = search.geography;
  if (!geography) return 0;
  const { points, centres } = geography;
  const extra = Math.sqrt(gap(points, i, centres, to)) - Math.sqrt(gap(points, i, centres, from));
  return Math.max(0, extra) / typical;
}

function typicalDistance(search: Search, t: number, u: number): number {
  const geography = search.geography;
  if (!geography) return 1;
  const { centres } = geography;
  return Math.hypot(centres.x[t] - centres.x[u], centres.y[t] - centres.y[u]) || 1;
}

/** The best single account to move between `worst` and `partner`, from the one over its target to the other; false when none helps. */
function tryMove(search: Search, worst: number, partner: number): boolean {
  const { loads, members, fixed, budget } = search;
  const donor = loads.surplus[worst] > 0 ? worst : partner;
  const receiver = donor === worst ? partner : worst;
  const before = Math.max(loads.deviation[worst], loads.deviation[partner]);
  const typical = typicalDistance(search, donor, receiver);
  const list = members.of(donor);
  let best = -1;
  let bestScore = 0;
  for (let p = 0; p < list.length; p++) {
    const i = list[p];
    if (fixed[i]) continue;
    const after = Math.max(loads.deviationWith(donor, i, -1), loads.deviationWith(receiver, i, 1));
    const gain = before - after;
    if (gain <= EPSILON) continue;
    const score = gain / (1 + detour(search, i, donor, receiver, typical));
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  budget.spend(list.length * loads.m);
  if (best < 0) return false;
  place(members, loads, best, receiver);
  return true;
}

/** The best swap of one account of `worst` for one of `partner`; false when none helps or the pairs are too many to look at. */
function trySwap(search: Search, worst: number, partner: number): boolean {
  const { loads, members, fixed, budget } = search;
  const a = members.of(worst);
  const b = members.of(partner);
  const pairs = a.length * b.length;
  if (pairs > MAX_SWAP_PAIRS || !budget.allows(pairs * loads.m)) return false;
  const before = Math.max(loads.deviation[worst], loads.deviation[partner]);
  const typical = typicalDistance(search, worst, partner);
  let best: [number, number] | undefined;
  let bestScore = 0;
  for (const i of a) {
    if (fixed[i]) continue;
    for (const j of b) {
      if (fixed[j]) continue;
      const after = Math.max(loads.deviationWith(worst, i, -1, j, 1), loads.deviationWith(partner, j, -1, i, 1));
      const gain = before - after;
      if (gain <= EPSILON) continue;
      const score = gain / (1 + detour(search, i, worst, partner, typical) + detour(search, j, partner, worst, typical));
      if (score > bestScore) {
        bestScore = score;
        best = [i, j];
      }
    }
  }
  budget.spend(pairs * loads.m);
  if (!best) return false;
  place(members, loads, best[0], partner);
  place(members, loads, best[1], worst);
  return true;
}
