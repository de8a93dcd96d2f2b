/**
 * Summary statistics over plain number lists. Pure and allocation-light: they
 * take any array-like of numbers (a Float64Array filled by a hot loop, or a
 * number[]) and an optional `length` so a caller can fill a buffer sized for
 * every row and pass how many entries it actually used.
 *
 * An empty list has no mean or median: both return NaN, and the caller turns
 * that into the error its function documents (usually #DIV/0!).
 */

/** The arithmetic mean of `values[0 .. length)`; NaN when `length` is 0. */
export function mean(values: ArrayLike<number>, length = values.length): number {
  if (length <= 0) return NaN;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += values[i];
  if (Number.isFinite(sum)) return sum / length;
  // The running sum overflowed (values near 1e308): average the scaled values instead.
  let scaled = 0;
  for (let i = 0; i < length; i++) scaled += values[i] / length;
  return scaled;
}

/**
 * The median of `values[0 .. length)`: the middle value, or the mean of the two
 * middle values when the count is even; NaN when `length` is 0. The input is
 * not modified. Runs in linear expected time (quickselect on a copy).
 */
export function median(values: ArrayLike<number>, length = values.length): number {
  if (length <= 0) return NaN;
  const work = new Float64Array(length);
  for (let i = 0; i < length; i++) work[i] = values[i];
  const upper = length >> 1;
  const high = select(work, upper);
  if (length % 2 === 1) return high;
  // After selecting `upper`, everything before it is ≤ it: the lower middle is their maximum.
  let low = work[0];
  for (let i = 1; i < upper; i++) if (work[i] > low) low = work[i];
  return low / 2 + high / 2;
}

/** The population variance (divide by n, not n − 1) of `values[0 .. length)`; NaN when empty. */
export function populationVariance(values: ArrayLike<number>, length = values.length): number {
  const average = mean(values, length);
  if (Number.isNaN(average)) return NaN;
  let sumSquares = 0;
  for (let i = 0; i < length; i++) {
    const d = values[i] - average;
    sumSquares += d * d;
  }
  return sumSquares / length;
}

/**
 * Rearranges `work` so that `work[k]` holds the k-th smallest value, everything
 * before it is ≤ it and everything after it is ≥ it (Hoare's quickselect with a
 * median-of-three pivot). Returns `work[k]`.
 */
function select(work: Float64Array, k: number): number {
  let left = 0;
  let right = work.length - 1;
  while (right > left) {
    const mid = (left + right) >> 1;
    // Median of three as the pivot keeps sorted and reversed input linear.
    if (work[mid] < work[left]) swap(work, mid, left);
    if (work[right] < work[left]) swap(work, right, left);
    if (work[right] < work[mid]) swap(work, right, mid);
    const pivot = work[mid];
    let i = left;
    let j = right;
    while (i <= j) {
      while (work[i] < pivot) i++;
      while (work[j] > pivot) j--;
      if (i <= j) {
        swap(work, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return work[k];
}

function swap(work: Float64Array, a: number, b: number): void {
  const t = work[a];
  work[a] = work[b];
  work[b] = t;
}

/**
 * The Gini coefficient of non-negative values: 0 when all are equal, up to
 * (n − 1)/n when one holds everything; 0 for fewer than two or a zero sum.
 * Σ (2i − n + 1) x_(i) / (n Σ x), with x sorted ascending and i from 0.
 */
export function gini(values: ArrayLike<number>): number {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  let weighted = 0;
  for (let i = 0; i < n; i++) {
    sum += sorted[i];
    weighted += (2 * i - n + 1) * sorted[i];
  }
  return n < 2 || !(sum > 0) ? 0 : Math.max(0, weighted / (n * sum));
}
