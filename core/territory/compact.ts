/**
 * Compact, balanced territories from coordinates. The start is a recursive
 * bisection by weight (balanced blocks); then rounds of a balanced k-means:
 * the centres move to the mean of their accounts, and accounts that are
 * nearer another territory's centre move there, or swap with an account
 * coming the other way, but only while both territories stay within the
 * balance band. Those trades only reach neighbouring territories, so two
 * rounds of territory prices (prices.ts) then rebalance the whole map at
 * once, and a last set of trades tidies the borders. A price round that does
 * not settle within its share of the work is undone.
 */
import type { Budget } from './budget';
import { type Points, bisect, centresOf, gap, nearestCentres } from './geometry';
import type { Loads } from './loads';
import type { Members } from './members';
import { settle } from './prices';
import { place } from './start';

/** Rounds of moving the centres and settling the prices at most. */
const PRICE_ROUNDS = 2;
/** Above this many accounts a price round does not settle within its share of the work: it is skipped. */
const PRICE_ACCOUNTS = 50_000;
/** Rounds of moving the centres and trading accounts across borders at most. */
const ROUNDS = 30;
/** A round of trades that moves at most this share of the accounts ends them: the long tail of rounds moving a handful each gains almost nothing. */
const SETTLED = 1 / 500;
/** Territories an account may move to: the few whose centres are nearest its own territory's. */
const NEIGHBOURS = 6;
/** Accounts waiting to cross a border that a swap looks through. */
const SWAP_LOOK = 32;

/** Assigns `accounts` compactly, every territory within `band` of its target where the bisection got it there; returns the centres. */
export function compactStart(
  accounts: readonly number[],
  points: Points,
  loads: Loads,
  members: Members,
  fixed: Uint8Array,
  band: number,
  budget: Budget,
): Points {
  const { k, m } = loads;
  const size = new Float64Array(points.x.length);
  for (const i of accounts) size[i] = loads.size(i);
  // What each territory still takes once its locked accounts are in.
  const room = new Float64Array(k);
  for (let t = 0; t < k; t++) {
    let locked = 0;
    for (let j = 0; j < m; j++) locked += loads.importance[j] * loads.load[t * m + j];
    room[t] = Math.max(0, loads.target[t] - locked);
  }
  const label = new Int32Array(points.x.length);
  bisect(points, accounts, size, room, label);
  budget.spend(accounts.length * Math.ceil(Math.log2(k + 1)) * 8);
  const owner = lockedOwners(points, accounts, label, fixed, members.territory, k, budget);
  if (owner) {
    // Each block goes to the territory whose locked accounts lie nearest it; cut again with each block sized for the territory that takes it.
    bisect(points, accounts, size, Float64Array.from(owner, (t) => room[t]), label);
    for (const i of accounts) label[i] = owner[label[i]];
    budget.spend(accounts.length * Math.ceil(Math.log2(k + 1)) * 8);
  }
  for (const i of accounts) place(members, loads, i, label[i]);
  // Centres are means of every account a territory holds, locked ones too: that is where its accounts are measured from.
  const placed: number[] = [];
  for (let i = 0; i < points.x.length; i++) if (members.territory[i] >= 0) placed.push(i);
  const centres: Points = { x: new Float64Array(k), y: new Float64Array(k) };
  const width = Math.min(k - 1, NEIGHBOURS);
  const prices = new Float64Array(k * m);
  // Prices move whole accounts: they settle no closer than about one account to target (improve() finishes the balance).
  let largest = 0;
  for (const i of accounts) largest = Math.max(largest, size[i]);
  const settleBand = Math.max(band, largest / Math.min(...loads.target));
  const trades = () => {
    for (let round = 0; round < ROUNDS && budget.allows(accounts.length * width * 4); round++) {
      centresOf(points, placed, members.territory, centres);
      const neighbours = nearestCentres(centres, width, budget);
      const moved = trade(accounts, points, centres, neighbours, width, loads, members, Math.max(band, loads.maxDeviation()), budget);
      if (moved <= accounts.length * SETTLED) break;
    }
  };
  trades();
  for (let round = 0; round < PRICE_ROUNDS && accounts.length <= PRICE_ACCOUNTS && budget.allows(accounts.length * width * 4); round++) {
    centresOf(points, placed, members.territory, centres);
    const neighbours = nearestCentres(centres, width, budget);
    const before = Int32Array.from(members.territory);
    const moved = settle({ points, centres, neighbours, width, prices, loads, members, fixed, budget }, accounts, settleBand);
    if (moved < 0) {
      for (const i of accounts) place(members, loads, i, before[i]);
      break;
    }
    if (moved <= accounts.length / 1000) break;
  }
  trades();
  centresOf(points, placed, members.territory, centres);
  return centres;
}

/** Passes of pairwise exchanges that improve the matching of blocks to territories at most. */
const MATCH_PASSES = 10;

/**
 * Which territory takes each block of the bisection when some accounts are
 * locked: the one whose locked accounts lie nearest the block (least sum of
 * squared distances to its centre), greedily by pair then improved by
 * exchanging two blocks' territories. Undefined when nothing is locked, or
 * the budget has no room for it.
 */
function lockedOwners(
  points: Points,
  accounts: readonly number[],
  label: Int32Array,
  fixed: Uint8Array,
  territory: Int32Array,
  k: number,
  budget: Budget,
): Int32Array | undefined {
  if (!fixed.includes(1) || !budget.allows(k * k * (MATCH_PASSES + 4))) return undefined;
  const block: Points = { x: new Float64Array(k), y: new Float64Array(k) };
  centresOf(points, accounts, label, block);
  // Per territory, its locked accounts' count, coordinate sums and squared norms: Σ |p − c|² = n|c|² − 2c·Σp + Σ|p|².
  const count = new Float64Array(k);
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  const sq = new Float64Array(k);
  for (let i = 0; i < fixed.length; i++) {
    if (!fixed[i]) continue;
    const t = territory[i];
    const x = points.x[i];
    const y = points.y[i];
    count[t]++;
    sx[t] += x;
    sy[t] += y;
    sq[t] += x * x + y * y;
  }
  const cost = new Float64Array(k * k);
  for (let b = 0; b < k; b++) {
    const cx = block.x[b];
    const cy = block.y[b];
    for (let t = 0; t < k; t++) cost[b * k + t] = count[t] * (cx * cx + cy * cy) - 2 * (cx * sx[t] + cy * sy[t]) + sq[t];
  }
  const owner = new Int32Array(k).fill(-1);
  const taken = new Uint8Array(k);
  const pairs = Array.from({ length: k * k }, (_, p) => p).sort((p, q) => cost[p] - cost[q] || p - q);
  for (const p of pairs) {
    const b = Math.floor(p / k);
    const t = p % k;
    if (owner[b] >= 0 || taken[t]) continue;
    owner[b] = t;
    taken[t] = 1;
  }
  for (let pass = 0; pass < MATCH_PASSES; pass++) {
    let better = false;
    for (let a = 0; a < k; a++) {
      for (let b = a + 1; b < k; b++) {
        const [s, t] = [owner[a], owner[b]];
        if (cost[a * k + t] + cost[b * k + s] < cost[a * k + s] + cost[b * k + t] - 1e-12) {
          [owner[a], owner[b]] = [t, s];
          better = true;
        }
      }
    }
    if (!better) break;
  }
  budget.spend(k * k * (MATCH_PASSES + 4));
  return owner;
}

/**
 * One round of trades: each account nearer another candidate centre than its
 * own wants to move there, the largest saving in squared distance first; a
 * move that would take either territory outside `band` is made as a swap
 * with an account waiting to come the other way, or as a chain that passes
 * one of the receiver's border accounts on to a third territory for less
 * than the move saves. Returns the number of accounts moved.
 */
function trade(
  accounts: readonly number[],
  points: Points,
  centres: Points,
  neighbours: Int32Array,
  width: number,
  loads: Loads,
  members: Members,
  band: number,
  budget: Budget,
): number {
  const { k } = loads;
  const wants: number[] = [];
  // Each account's best other candidate and what going there changes its squared distance by (below 0: it wants to go).
  const to = new Int32Array(points.x.length);
  const change = new Float64Array(points.x.length);
  for (let a = 0; a < accounts.length; a++) {
    const i = accounts[a];
    const t = members.territory[i];
    const here = gap(points, i, centres, t);
    let best = -1;
    let bestGap = Infinity;
    for (let c = 0; c < width; c++) {
      const u = neighbours[t * width + c];
      const d = gap(points, i, centres, u);
      if (d < bestGap) [best, bestGap] = [u, d];
    }
    to[i] = best;
    change[i] = bestGap - here;
    if (best >= 0 && bestGap < here) wants.push(i);
  }
  // Per territory, the members cheapest to send to a neighbour, for chains of two moves.
  const cheapest: number[][] = Array.from({ length: k }, () => []);
  for (const i of accounts) if (to[i] >= 0) cheapest[members.territory[i]].push(i);
  for (const list of cheapest) {
    list.sort((a, b) => change[a] - change[b] || a - b);
    list.length = Math.min(list.length, SWAP_LOOK);
  }
  const saving = change.map((v) => -v);
  wants.sort((a, b) => saving[b] - saving[a] || a - b);
  const waiting = new Map<number, number[]>();
  let moved = 0;
  const fits = (t: number) => loads.deviation[t] <= band + 1e-12;
  for (const i of wants) {
    const from = members.territory[i];
    const into = to[i];
    place(members, loads, i, into);
    if (fits(from) && fits(into)) {
      moved++;
      continue;
    }
    // Swap with an account waiting to come the other way, if that brings both back within the band.
    const queue = waiting.get(into * k + from);
    let partner = -1;
    for (let q = queue ? queue.length - 1 : -1; q >= 0 && q >= (queue as number[]).length - SWAP_LOOK; q--) {
      const j = (queue as number[])[q];
      place(members, loads, j, from);
      if (fits(from) && fits(into)) {
        partner = q;
        break;
      }
      place(members, loads, j, into);
    }
    if (partner >= 0) {
      (queue as number[]).splice(partner, 1);
      moved += 2;
      continue;
    }
    // Or pass one of the receiver's border accounts on to a third territory, if that costs less than the move saves.
    let chained = false;
    for (const j of cheapest[into]) {
      if (change[j] >= saving[i]) break;
      const onward = to[j];
      if (members.territory[j] !== into || onward === from) continue;
      place(members, loads, j, onward);
      if (fits(from) && fits(into) && fits(onward)) {
        chained = true;
        break;
      }
      place(members, loads, j, into);
    }
    if (chained) {
      moved += 2;
      continue;
    }
    place(members, loads, i, from);
    const key = from * k + into;
    const list = waiting.get(key);
    if (list) list.push(i);
    else waiting.set(key, [i]);
  }
  budget.spend(accounts.length * width + wants.length * (SWAP_LOOK + 2) * loads.m);
  return moved;
}
