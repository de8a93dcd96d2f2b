/**
 * Accounts as points on a flat map: longitude scaled by the cosine of the
 * mean latitude (an equirectangular projection), so distances within a
 * country read as kilometres do, up to one factor. Centres are weighted means.
 */
import type { Random } from '../random';
import type { Budget } from './budget';

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

export function distance(points: Points, i: number, cx: number, cy: number): number {
  const dx = points.x[i] - cx;
  const dy = points.y[i] - cy;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Each territory's centre: the mean position of its accounts (a territory with none keeps its old centre). */
export function centresOf(points: Points, territory: Int32Array, centres: Points): void {
  const k = centres.x.length;
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  const count = new Float64Array(k);
  for (let i = 0; i < territory.length; i++) {
    const t = territory[i];
    if (t < 0) continue;
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

/**
 * k-means++ seeding: the first centre at random, each next one at an account
 * drawn with probability growing with its squared distance to the centres so
 * far, so the seeds spread over the map (plain random draws once the budget is spent).
 */
export function seedCentres(points: Points, k: number, random: Random, budget: Budget): Points {
  const n = points.x.length;
  const centres = { x: new Float64Array(k), y: new Float64Array(k) };
  const nearest = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(random.next() * n);
  for (let t = 0; t < k; t++) {
    centres.x[t] = points.x[pick];
    centres.y[t] = points.y[pick];
    // Out of budget: the remaining seeds are accounts drawn at random.
    if (!budget.allows(n)) {
      pick = Math.floor(random.next() * n);
      continue;
    }
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = distance(points, i, centres.x[t], centres.y[t]);
      if (d * d < nearest[i]) nearest[i] = d * d;
      total += nearest[i];
    }
    budget.spend(n);
    if (total === 0) {
      pick = Math.floor(random.next() * n);
      continue;
    }
    let roll = random.next() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      roll -= nearest[i];
      if (roll < 0) {
        pick = i;
        break;
      }
    }
  }
  return centres;
}
