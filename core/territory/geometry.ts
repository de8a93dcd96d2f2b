/**
 * Accounts as points on a flat map: longitude scaled by the cosine of the
 * mean latitude (an equirectangular projection), so distances within a
 * country read as kilometres do, up to one factor. Centres are mean positions.
 */
import type { Budget } from './budget';

/** The degrees a latitude and a longitude reach either way; beyond them a coordinate is off the globe. */
export const LATITUDE_LIMIT = 90;
export const LONGITUDE_LIMIT = 180;

export interface Points {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export function project(latitudes: Float64Array, longitudes: Float64Array): Points {
  const n = latitudes.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += latitudes[i];
  const scale = Math.cos(((n ? mean / n : 0) * Math.PI) / 180);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = longitudes[i] * scale;
    y[i] = latitudes[i];
  }
  return { x, y };
}

/** Squared distance from account i to centre t. */
export function gap(points: Points, i: number, centres: Points, t: number): number {
  const dx = points.x[i] - centres.x[t];
  const dy = points.y[i] - centres.y[t];
  return dx * dx + dy * dy;
}

/**
 * Each territory's centre: the mean position of `accounts` in it (a territory
 * with none of them keeps its old centre).
 */
export function centresOf(points: Points, accounts: readonly number[], territory: Int32Array, centres: Points): void {
  const k = centres.x.length;
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  const count = new Float64Array(k);
  for (const i of accounts) {
    const t = territory[i];
    sx[t] += points.x[i];
    sy[t] += points.y[i];
    count[t]++;
  }
  for (let t = 0; t < k; t++) {
    if (count[t] === 0) continue;
    centres.x[t] = sx[t] / count[t];
    centres.y[t] = sy[t] / count[t];
  }
}

/** Each territory's `width` nearest other centres, nearest first, in one flat array (territory t's at t * width …). */
export function nearestCentres(centres: Points, width: number, budget: Budget): Int32Array {
  const k = centres.x.length;
  const out = new Int32Array(k * width);
  const order = Array.from({ length: k }, (_, u) => u);
  for (let t = 0; t < k; t++) {
    const far = (u: number) => (centres.x[u] - centres.x[t]) ** 2 + (centres.y[u] - centres.y[t]) ** 2;
    const near = order.filter((u) => u !== t).sort((u, v) => far(u) - far(v) || u - v);
    for (let c = 0; c < width; c++) out[t * width + c] = near[c];
  }
  budget.spend(k * k);
  return out;
}

/**
 * Recursive bisection: the accounts split across the wider side of their
 * box at the point where the share of the weight on each side matches the
 * share of the territories' targets on it, down to one territory each; a
 * balanced start whose parts are compact blocks. `room[t]` is what territory t
 * still takes (its target less its locked accounts). Returns each account's
 * territory in `label`.
 */
export function bisect(points: Points, accounts: readonly number[], size: Float64Array, room: Float64Array, label: Int32Array): void {
  const split = (part: number[], first: number, count: number): void => {
    if (count === 1 || part.length === 0) {
      for (const i of part) label[i] = first;
      return;
    }
    const left = Math.floor(count / 2);
    let want = 0;
    let all = 0;
    for (let t = first; t < first + count; t++) {
      all += room[t];
      if (t < first + left) want += room[t];
    }
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (const i of part) {
      minX = Math.min(minX, points.x[i]);
      maxX = Math.max(maxX, points.x[i]);
      minY = Math.min(minY, points.y[i]);
      maxY = Math.max(maxY, points.y[i]);
    }
    const axis = maxX - minX >= maxY - minY ? points.x : points.y;
    const sorted = [...part].sort((a, b) => axis[a] - axis[b] || a - b);
    let total = 0;
    for (const i of sorted) total += size[i];
    const goal = all > 0 ? (total * want) / all : total / 2;
    let cut = 0;
    let sum = 0;
    while (cut < sorted.length && Math.abs(sum + size[sorted[cut]] - goal) <= Math.abs(sum - goal)) sum += size[sorted[cut++]];
    split(sorted.slice(0, cut), first, left);
    split(sorted.slice(cut), first + left, count - left);
  };
  split([...accounts], 0, room.length);
}
