/**
 * A scenario's request as it crosses to the worker. Structured-cloning 250,000
 * account objects holds the sidebar's UI thread for a quarter of a second, so
 * the accounts travel as columns of typed arrays, transferred rather than
 * copied, and the worker rebuilds the rows runScenario reads. Names (owners,
 * locks) travel once each, with an index per account.
 */
import type { FieldValues } from '../../core/templates/fields';
import type { AccountRow, TerritoryValues } from '../../core/templates/territory/scenario';

/** A text column: each distinct name once, and per account its index into them (−1 for a blank). */
interface NameColumn {
  readonly names: readonly string[];
  readonly index: Int32Array;
}

/** The accounts, column by column. Their own names are left behind: runScenario does not read them. */
interface AccountColumns {
  readonly count: number;
  /** Account i's balance j at [i × m + j]. */
  readonly balances: Float64Array;
  readonly measures: number;
  /** NaN for a blank coordinate; absent when no account has one. */
  readonly latitude?: Float64Array;
  readonly longitude?: Float64Array;
  readonly owner?: NameColumn;
  readonly locked?: NameColumn;
}

export interface WorkerRequest {
  /** The form's checked values, its accounts left out when they travel as columns. */
  readonly values: FieldValues;
  readonly accounts?: AccountColumns;
}

function coordinates(rows: readonly AccountRow[], key: 'latitude' | 'longitude'): Float64Array | undefined {
  if (!rows.some((row) => typeof row[key] === 'number')) return undefined;
  return Float64Array.from(rows, (row) => (typeof row[key] === 'number' ? row[key] : NaN));
}

function names(rows: readonly AccountRow[], key: 'owner' | 'locked'): NameColumn | undefined {
  if (!rows.some((row) => typeof row[key] === 'string')) return undefined;
  const seen = new Map<string, number>();
  const index = Int32Array.from(rows, (row) => {
    const name = row[key];
    if (typeof name !== 'string') return -1;
    if (!seen.has(name)) seen.set(name, seen.size);
    return seen.get(name)!;
  });
  return { names: [...seen.keys()], index };
}

/** The request for checked `values`, and the buffers to transfer with it. */
export function workerRequest(values: FieldValues): { request: WorkerRequest; transfer: ArrayBuffer[] } {
  const rows = (values as unknown as TerritoryValues).accounts;
  if (!rows) return { request: { values }, transfer: [] };
  const m = rows[0]?.balances.length ?? 0;
  const balances = new Float64Array(rows.length * m);
  rows.forEach((row, i) => row.balances.forEach((value, j) => (balances[i * m + j] = value)));
  const accounts: AccountColumns = {
    count: rows.length,
    balances,
    measures: m,
    latitude: coordinates(rows, 'latitude'),
    longitude: coordinates(rows, 'longitude'),
    owner: names(rows, 'owner'),
    locked: names(rows, 'locked'),
  };
  const transfer = [accounts.balances, accounts.latitude, accounts.longitude, accounts.owner?.index, accounts.locked?.index]
    .filter((column) => column !== undefined)
    .map((column) => column.buffer as ArrayBuffer);
  return { request: { values: { ...values, accounts: null }, accounts }, transfer };
}

/** The values the request was made from, as runScenario reads them (account names blank). */
export function requestValues({ values, accounts }: WorkerRequest): FieldValues {
  if (!accounts) return values;
  const { count, measures: m, balances, latitude, longitude, owner, locked } = accounts;
  const coordinate = (column: Float64Array | undefined, i: number) => (column ? (Number.isNaN(column[i]) ? null : column[i]) : undefined);
  const name = (column: NameColumn | undefined, i: number) => (column ? (column.index[i] < 0 ? null : column.names[column.index[i]]) : undefined);
  const rows: AccountRow[] = Array.from({ length: count }, (_, i) => ({
    account: '',
    balances: Array.from(balances.subarray(i * m, (i + 1) * m)),
    latitude: coordinate(latitude, i),
    longitude: coordinate(longitude, i),
    owner: name(owner, i),
    locked: name(locked, i),
  }));
  return { ...values, accounts: rows as unknown as FieldValues[] };
}
