/**
 * The balanced assignment for fixed centres, solved through its dual: each
 * territory carries a price per measure, and an account goes to the candidate
 * territory where its squared distance plus the prices of what it carries is
 * least. A territory over its target raises its price just enough that its
 * cheapest-to-lose accounts leave for their next best territory; one under its
 * target lowers its price just enough to draw the cheapest-to-win ones in.
 * Every price change moves accounts at every border of the territory at once,
 * so balance spreads across the whole map rather than one neighbour at a time.
 * This is coordinate ascent on the dual of the transportation problem: at its
 * end the assignment is the least total squared distance for the loads it
 * reaches, up to the few accounts at the margins.
 */
import type { Budget } from './budget';
import { type Points, gap } from './geometry';
import type { Loads } from './loads';
import type { Members } from './members';
import { place } from './start';

/** Work one call may spend: this much per account it settles, at least FLOOR, at most a share of the whole budget. */
const WORK_PER_ACCOUNT = 1000;
const FLOOR = 4_000_000;
const BUDGET_SHARE = 1 / 16;
/**
 * How far past an account's point of indifference a price moves, in units of
 * the typical squared distance per typical share: a clear step, so accounts do
 * not bounce between two territories a hair's breadth of price apart.
 */
const STEP = 0.3;

export interface Market {
  readonly points: Points;
  readonly centres: Points;
  /** Territory t's candidates besides itself at t * width …, nearest first. */
  readonly neighbours: Int32Array;
  readonly width: number;
  /** Price of territory t's measure j at t * m + j, kept between calls. */
  readonly prices: Float64Array;
  readonly loads: Loads;
  readonly members: Members;
  readonly fixed: Uint8Array;
  readonly budget: Budget;
}

/** What account i pays in territory t: its squared distance to the centre plus the prices of its shares. */
function cost(market: Market, i: number, t: number): number {
  const { loads, prices } = market;
  const { m, shares } = loads;
  let c = gap(market.points, i, market.centres, t);
  for (let j = 0; j < m; j++) c += prices[t * m + j] * shares[i * m + j];
  return c;
}

/** The cheapest of i's candidates other than `but` (its territory's neighbours, and that territory itself), and its cost. */
function bestOther(market: Market, i: number, but: number): [number, number] {
  const { neighbours, width } = market;
  const home = market.members.territory[i];
  let best = home === but ? -1 : home;
  let bestCost = best >= 0 ? cost(market, i, best) : Infinity;
  for (let c = 0; c < width; c++) {
    const u = neighbours[home * width + c];
    if (u === but) continue;
    const value = cost(market, i, u);
    if (value < bestCost) [best, bestCost] = [u, value];
  }
  return [best, bestCost];
}

/** Offers found one at a time before the rest are sorted: most price changes take only a few accounts. */
const PICKS = 8;

/**
 * Puts the cheapest of offers[q …] (ties by account) at q. The first few are
 * found by scanning, then the rest is sorted once: the same order as sorting
 * all, without sorting a thousand offers to take three.
 */
function cheapestAt(offers: number[], price: Float64Array, q: number): void {
  if (q === PICKS) {
    const rest = offers.slice(q).sort((a, b) => price[a] - price[b] || a - b);
    for (let r = 0; r < rest.length; r++) offers[q + r] = rest[r];
  }
  if (q >= PICKS) return;
  let best = q;
  for (let r = q + 1; r < offers.length; r++) {
    const a = offers[r];
    const b = offers[best];
    if (price[a] < price[b] || (price[a] === price[b] && a < b)) best = r;
  }
  [offers[q], offers[best]] = [offers[best], offers[q]];
}

/**
 * Moves accounts between territories by price until every territory is within
 * `band` of its target on every measure that counts. Returns the number of
 * accounts moved, or −1 when its share of the work ran out first (the caller
 * then goes back to the assignment it had).
 */
export function settle(market: Market, accounts: readonly number[], band: number): number {
  const { loads, members, fixed, budget, width } = market;
  const { k, m, shares, load, target, importance } = loads;
  let moved = 0;
  let typicalGap = 0;
  const meanShare = new Float64Array(m);
  // Each account to its cheapest candidate at today's prices.
  for (const i of accounts) {
    const t = members.territory[i];
    typicalGap += gap(market.points, i, market.centres, t) / accounts.length;
    for (let q = 0; q < m; q++) meanShare[q] += shares[i * m + q] / accounts.length;
    const [u, c] = bestOther(market, i, t);
    if (u >= 0 && c < cost(market, i, t)) {
      place(members, loads, i, u);
      moved++;
    }
  }
  budget.spend(accounts.length * (width + 1) * (m + 2));
  // Which territories count t among their candidates: the ones an account may come from.
  const comesFrom: number[][] = Array.from({ length: k }, () => []);
  for (let u = 0; u < k; u++) for (let c = 0; c < width; c++) comesFrom[market.neighbours[u * width + c]].push(u);
  const offers: number[] = [];
  const price = new Float64Array(market.points.x.length);
  const to = new Int32Array(market.points.x.length);
  const stop = budget.operations + Math.min(Math.max(FLOOR, WORK_PER_ACCOUNT * accounts.length), budget.limit * BUDGET_SHARE);
  while (budget.operations < stop) {
    // The territory and measure furthest from target.
    let t = -1;
    let j = -1;
    let worst = band;
    for (let u = 0; u < k; u++) {
      for (let q = 0; q < m; q++) {
        if (importance[q] === 0) continue;
        const off = Math.abs(load[u * m + q] - target[u]) / target[u];
        if (off > worst) [t, j, worst] = [u, q, off];
      }
    }
    if (t < 0) return moved;
    const over = load[t * m + j] > target[t];
    offers.length = 0;
    let looked = 0;
    if (over) {
      // What each member would need the price to rise by before it leaves.
      for (const i of members.of(t)) {
        if (fixed[i] || shares[i * m + j] <= 0) continue;
        const [u, c] = bestOther(market, i, t);
        if (u < 0) continue;
        price[i] = Math.max(0, c - cost(market, i, t)) / shares[i * m + j];
        to[i] = u;
        offers.push(i);
      }
      looked = members.of(t).length;
    } else {
      // What each account next door would need the price to fall by before it comes.
      for (const u of comesFrom[t]) {
        for (const i of members.of(u)) {
          if (fixed[i] || shares[i * m + j] <= 0) continue;
          const [, c] = bestOther(market, i, t);
          price[i] = Math.max(0, cost(market, i, t) - c) / shares[i * m + j];
          to[i] = t;
          offers.push(i);
        }
        looked += members.of(u).length;
      }
    }
    budget.spend(looked * (width + 1) * (m + 2));
    if (offers.length === 0) break;
    let change = 0;
    for (let q = 0; q < offers.length; q++) {
      if (over ? load[t * m + j] <= target[t] : load[t * m + j] >= target[t]) break;
      cheapestAt(offers, price, q);
      const i = offers[q];
      change = price[i];
      place(members, loads, i, to[i]);
      moved++;
    }
    // Just past the last account's indifference, so it does not come straight back.
    const nudge = (STEP * typicalGap) / meanShare[j];
    market.prices[t * m + j] += over ? change + nudge : -(change + nudge);
  }
  return -1;
}
