/**
 * The territory designer's rules across fields, once every field reads against
 * its declaration: balances that are not negative and add up to something,
 * coordinates on the globe and given for every account or none, owners and
 * locks that name a territory, one importance per balance column, a whole
 * number of territories and reps with distinct names.
 */
import { LATITUDE_LIMIT, LONGITUDE_LIMIT } from '../../territory/geometry';
import { normalizeLabel } from '../../values';
import type { FieldProblem } from '../fields';
import { TERRITORY_LIMITS } from './fields';
import { type TerritoryValues, accountsOf, balanceCount, importanceOf, territoryFinder } from './scenario';

export const TERRITORY_PROBLEM_CODES = [
  /** No balance column that counts adds up to more than 0: there is nothing to balance. */
  'weights-zero',
  'latitude-range',
  'longitude-range',
  /** Coordinates for some accounts but not this one, or a latitude without a longitude. */
  'coordinates-missing',
  /** An owner or lock that is not one of the territories. */
  'unknown-territory',
  /** Not one importance per balance column. */
  'measures-count',
  'importance-zero',
  'not-whole',
  'territories-range',
  'duplicate',
  /** A rep name the summary's COUNTIFS/SUMIFS would read as a condition (<, >, = first) or a pattern (*, ?, ~). */
  'reads-as-condition',
] as const;

/** What makes COUNTIFS and SUMIFS read a criterion as something else than the text itself. */
function readsAsCondition(name: string): boolean {
  return ['<', '>', '='].includes(name.charAt(0)) || ['*', '?', '~'].some((mark) => name.includes(mark));
}

type Problem = FieldProblem<string>;

export function territoryRules(values: TerritoryValues): Problem[] {
  return [...territoryCountRules(values), ...accountRules(values), ...measureRules(values)];
}

function territoryCountRules(values: TerritoryValues): Problem[] {
  if (values.by === 'count') {
    const count = values.count ?? 0;
    if (!Number.isInteger(count)) return [{ field: 'count', code: 'not-whole' }];
    if (count < 1 || count > TERRITORY_LIMITS.maxTerritories) return [{ field: 'count', code: 'territories-range' }];
    return [];
  }
  if (!values.reps) return [];
  const seen = new Set<string>();
  const problems: Problem[] = [];
  values.reps.forEach((row, i) => {
    const name = normalizeLabel(row.rep);
    if (name === '') problems.push({ field: `reps[${i}].rep`, code: 'missing' });
    else if (seen.has(name)) problems.push({ field: `reps[${i}].rep`, code: 'duplicate' });
    else if (readsAsCondition(String(row.rep).trim())) problems.push({ field: `reps[${i}].rep`, code: 'reads-as-condition' });
    seen.add(name);
  });
  return problems;
}

function accountRules(values: TerritoryValues): Problem[] {
  if (!values.accounts) return [];
  const problems: Problem[] = [];
  const find = territoryFinder(values);
  const located = values.accounts.some((row) => typeof row.latitude === 'number' || typeof row.longitude === 'number');
  values.accounts.forEach((row, i) => {
    const at = `accounts[${i}]`;
    row.balances.forEach((value, j) => {
      if (value < 0) problems.push({ field: `${at}.balances[${j}]`, code: 'negative' });
    });
    const { latitude, longitude } = row;
    if (located && (typeof latitude !== 'number' || typeof longitude !== 'number')) {
      problems.push({ field: `${at}.${typeof latitude === 'number' ? 'longitude' : 'latitude'}`, code: 'coordinates-missing' });
    }
    if (typeof latitude === 'number' && Math.abs(latitude) > LATITUDE_LIMIT) problems.push({ field: `${at}.latitude`, code: 'latitude-range' });
    if (typeof longitude === 'number' && Math.abs(longitude) > LONGITUDE_LIMIT) problems.push({ field: `${at}.longitude`, code: 'longitude-range' });
    if (find(row.owner) === undefined) problems.push({ field: `${at}.owner`, code: 'unknown-territory' });
    if (find(row.locked) === undefined) problems.push({ field: `${at}.locked`, code: 'unknown-territory' });
  });
  return problems;
}

function measureRules(values: TerritoryValues): Problem[] {
  const m = balanceCount(values);
  if (values.measures && values.measures.length !== m) return [{ field: 'measures', code: 'measures-count' }];
  const importance = importanceOf(values);
  const problems: Problem[] = [];
  importance.forEach((value, j) => {
    if (value < 0) problems.push({ field: `measures[${j}].importance`, code: 'negative' });
  });
  if (problems.length > 0) return problems;
  if (!importance.some((value) => value > 0)) return [{ field: 'measures', code: 'importance-zero' }];
  const accounts = accountsOf(values);
  const counted = importance.some((value, j) => value > 0 && accounts.some((row) => row.balances[j] > 0));
  return counted ? [] : [{ field: 'accounts', code: 'weights-zero' }];
}
