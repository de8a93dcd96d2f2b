/**
 * One scenario of the territory designer: the form's values turned into the
 * engine's problem, the engine run, and the figures the sidebar's preview and
 * the sheet need. Pure and deterministic: the sidebar's Run and the server's
 * Insert compute the same assignment from the same values.
 */
import { createRandom } from '../../random';
import { type TerritoryProblem, type TerritoryResult, assignTerritories } from '../../territory';
import { gini } from '../../statistics';
import { normalizeLabel } from '../../values';
import type { FieldValues } from '../fields';
import { ACCOUNTS_FIELD } from './fields';

export interface AccountRow {
  readonly account: string;
  readonly balances: readonly number[];
  readonly latitude?: number | null;
  readonly longitude?: number | null;
  readonly owner?: string | null;
  readonly locked?: string | null;
}

export interface MeasureRow {
  /** The balance column's name, as the source table's header has it. */
  readonly name: string;
  readonly importance: number;
}

export interface RepRow {
  readonly rep: string;
  /** Relative target size: 1.5 carries half as much again as 1; blank is 1. */
  readonly share?: number | null;
}

/** The designer's values once the checks have passed (null rows: the template's examples). */
export interface TerritoryValues {
  readonly accounts: readonly AccountRow[] | null;
  readonly measures: readonly MeasureRow[] | null;
  readonly by: 'count' | 'reps';
  readonly count?: number;
  readonly reps?: readonly RepRow[] | null;
  readonly tolerance: number;
}

export const valuesOf = (values: FieldValues) => values as unknown as TerritoryValues;

const EXAMPLE_REPS: readonly RepRow[] = [
  { rep: 'Ana Ortiz', share: 1.5 },
  { rep: 'Ben Okafor', share: null },
  { rep: 'Chen Wei', share: null },
  { rep: 'Dana Kowalska', share: null },
];

/** Cities the example accounts cluster around: [latitude, longitude]. */
const EXAMPLE_CITIES: readonly (readonly [number, number])[] = [
  [40.71, -74.01],
  [41.88, -87.63],
  [29.76, -95.37],
  [34.05, -118.24],
  [47.61, -122.33],
];

const COMPANIES = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Adatum', 'Proseware', 'Lucerne', 'Woodgrove', 'Alpine', 'Coho'];
const LINES = ['Labs', 'Foods', 'Freight', 'Health', 'Energy'];
/** The example accounts' names: data, like the commission template's example reps, not words of the catalog. */
export const EXAMPLE_ACCOUNT_NAMES: readonly string[] = LINES.flatMap((line) => COMPANIES.map((company) => `${company} ${line}`));

/**
 * Sixty example accounts around five cities, with a heavy-tailed potential (a
 * few large accounts, many small ones) and a second balance of 1 each, so
 * territories balance potential and account count. Seeded: always the same.
 */
export function exampleAccounts(): AccountRow[] {
  const random = createRandom(2610);
  return Array.from({ length: ACCOUNTS_FIELD.examples }, (_, i) => {
    const [lat, lon] = EXAMPLE_CITIES[i % EXAMPLE_CITIES.length];
    const potential = Math.round(20_000 / (1 - random.next() * 0.9) ** 1.2 / 1000) * 1000;
    return {
      account: EXAMPLE_ACCOUNT_NAMES[i],
      balances: [potential, 1],
      latitude: Math.round((lat + (random.next() - 0.5) * 3) * 1e4) / 1e4,
      longitude: Math.round((lon + (random.next() - 0.5) * 4) * 1e4) / 1e4,
    };
  });
}

/** The example accounts' balance columns: potential counting 60%, account count 40%. */
export const EXAMPLE_IMPORTANCE: readonly number[] = [0.6, 0.4];

export const accountsOf = (values: TerritoryValues): readonly AccountRow[] => values.accounts ?? exampleAccounts();

/** How many balance columns the accounts have. */
export const balanceCount = (values: TerritoryValues): number => accountsOf(values)[0]?.balances.length ?? 0;

/** Each balance column's importance: the form's, the examples', or equal. */
export function importanceOf(values: TerritoryValues): number[] {
  if (values.measures) return values.measures.map((measure) => measure.importance);
  if (values.accounts === null) return [...EXAMPLE_IMPORTANCE];
  return new Array<number>(balanceCount(values)).fill(1);
}

export const repsOf = (values: TerritoryValues): readonly RepRow[] => values.reps ?? EXAMPLE_REPS;

/** The territories' names: "1" … "k", or the reps' names. */
export function territoryNames(values: TerritoryValues): string[] {
  if (values.by === 'reps') return repsOf(values).map((rep) => rep.rep);
  return Array.from({ length: values.count ?? 0 }, (_, t) => String(t + 1));
}

/** The relative target sizes (every one 1 unless a rep has a share). */
export function targetSizes(values: TerritoryValues): number[] {
  if (values.by !== 'reps') return new Array<number>(values.count ?? 0).fill(1);
  return repsOf(values).map((rep) => rep.share ?? 1);
}

/** Finds a territory by the name an owner or lock cell gives it (case and spaces aside): its index, −1 for a blank, undefined for none. */
export function territoryFinder(values: TerritoryValues): (name: string | null | undefined) => number | undefined {
  const index = new Map(territoryNames(values).map((name, t) => [normalizeLabel(name), t]));
  return (name) => (name === null || name === undefined || name.trim() === '' ? -1 : index.get(normalizeLabel(name)));
}

export const hasCoordinates = (accounts: readonly AccountRow[]): boolean =>
  accounts.length > 0 && accounts.every((row) => typeof row.latitude === 'number' && typeof row.longitude === 'number');

/** The engine's problem for sound values (the checks have passed: every owner and lock names a territory). */
export function territoryProblem(values: TerritoryValues, onProgress?: (done: number) => void): TerritoryProblem {
  const accounts = accountsOf(values);
  const m = balanceCount(values);
  const find = territoryFinder(values);
  const weights = new Float64Array(accounts.length * m);
  accounts.forEach((row, i) => row.balances.forEach((value, j) => (weights[i * m + j] = value)));
  const coordinates = hasCoordinates(accounts);
  const owned = accounts.some((row) => (find(row.owner) ?? -1) >= 0);
  const locked = accounts.some((row) => (find(row.locked) ?? -1) >= 0);
  return {
    accounts: accounts.length,
    territories: territoryNames(values).length,
    weights,
    measures: m,
    importance: importanceOf(values),
    targetSizes: targetSizes(values),
    ...(coordinates
      ? { latitudes: Float64Array.from(accounts, (row) => row.latitude!), longitudes: Float64Array.from(accounts, (row) => row.longitude!) }
      : {}),
    ...(owned ? { owners: Int32Array.from(accounts, (row) => find(row.owner) ?? -1) } : {}),
    ...(locked ? { locked: Int32Array.from(accounts, (row) => find(row.locked) ?? -1) } : {}),
    tolerance: values.tolerance,
    onProgress,
  };
}

/** What a scenario gives: plain arrays and numbers, so it crosses a worker's postMessage as it is. */
export interface ScenarioResult {
  readonly territories: readonly string[];
  /** Each territory's share of every total (adding up to 1). */
  readonly targetShares: readonly number[];
  /** Each balance column's importance, as the form gives it. */
  readonly importance: readonly number[];
  /** Territory t's total on balance column j, at [t][j]; its target likewise. */
  readonly totals: readonly (readonly number[])[];
  readonly targets: readonly (readonly number[])[];
  /** Accounts in each territory. */
  readonly accountCounts: readonly number[];
  /** The largest |total − target| / target over every territory and every balance column that counts. */
  readonly maxDeviation: number;
  readonly maxDeviationByMeasure: readonly number[];
  /** How unequal the territories' loads are once each is divided by its target share: 0 is perfectly even. Weighted by importance. */
  readonly gini: number;
  /** Whether the accounts have current owners; if so, how many moved, and how much of each balance column they carry. */
  readonly hasOwners: boolean;
  readonly moved: number;
  readonly movedWeight: readonly number[];
  /** The territory (index into territories) of each account, in the accounts' order. */
  readonly assignment: readonly number[];
  /** With coordinates: each account's longitude (x) and latitude (y), for a scatter coloured by territory. */
  readonly points?: { readonly x: readonly number[]; readonly y: readonly number[] };
  /** The engine stopped at its work budget with its best answer so far. */
  readonly budgetReached: boolean;
}

/** Runs the engine on sound values and measures its answer. `onProgress` hears 0 … 1. */
export function runScenario(input: FieldValues, onProgress?: (done: number) => void): ScenarioResult {
  const values = valuesOf(input);
  const problem = territoryProblem(values, onProgress);
  const result = assignTerritories(problem);
  return measure(values, problem, result);
}

function measure(values: TerritoryValues, problem: TerritoryProblem, result: TerritoryResult): ScenarioResult {
  const { accounts: n, territories: k, measures: m, weights } = problem;
  const sizes = problem.targetSizes!;
  const sizeSum = sizes.reduce((a, b) => a + b, 0);
  const targetShares = sizes.map((size) => size / sizeSum);
  const totals = Array.from({ length: k }, () => new Array<number>(m).fill(0));
  const accountCounts = new Array<number>(k).fill(0);
  const grand = new Array<number>(m).fill(0);
  for (let i = 0; i < n; i++) {
    const t = result.territory[i];
    accountCounts[t]++;
    for (let j = 0; j < m; j++) {
      totals[t][j] += weights[i * m + j];
      grand[j] += weights[i * m + j];
    }
  }
  const targets = targetShares.map((share) => grand.map((total) => total * share));
  const counts = (j: number) => problem.importance[j] > 0 && grand[j] > 0;
  const maxDeviationByMeasure = grand.map((_, j) =>
    grand[j] > 0 ? Math.max(...totals.map((row, t) => Math.abs(row[j] - targets[t][j]) / targets[t][j])) : 0,
  );
  const weightSum = problem.importance.reduce((sum, value, j) => sum + (counts(j) ? value : 0), 0);
  const gin = grand.reduce((sum, _, j) => (counts(j) ? sum + (problem.importance[j] / weightSum) * gini(totals.map((row, t) => row[j] / targetShares[t])) : sum), 0);
  return {
    territories: territoryNames(values),
    targetShares,
    importance: [...problem.importance],
    totals,
    targets,
    accountCounts,
    maxDeviation: Math.max(0, ...maxDeviationByMeasure.filter((_, j) => counts(j))),
    maxDeviationByMeasure,
    gini: gin,
    hasOwners: problem.owners !== undefined,
    moved: result.moved,
    movedWeight: [...result.movedWeight],
    assignment: Array.from(result.territory),
    ...(problem.latitudes && problem.longitudes ? { points: { x: Array.from(problem.longitudes), y: Array.from(problem.latitudes) } } : {}),
    budgetReached: result.budgetReached,
  };
}

