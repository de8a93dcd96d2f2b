/** A large account table for the territory designer, as a CSV export: the browser test and the bench open it. */
import { createRandom } from '../../core/random';

/** Accounts around twelve hubs, a heavy-tailed potential and a count of 1 each. */
export function accountsCsv(n: number, seed = 250): string {
  const random = createRandom(seed);
  const hubs = Array.from({ length: 12 }, () => [30 + random.next() * 15, -120 + random.next() * 45]);
  const lines = ['Account,Potential,Accounts,Latitude,Longitude'];
  for (let i = 0; i < n; i++) {
    const [lat, lon] = random.pick(hubs);
    const potential = Math.round(1000 / Math.pow(1 - random.next(), 1 / 1.5));
    const at = (centre: number) => (centre + (random.next() + random.next() - 1) * 2).toFixed(4);
    lines.push(`Account ${i + 1},${potential},1,${at(lat)},${at(lon)}`);
  }
  return lines.join('\n');
}
