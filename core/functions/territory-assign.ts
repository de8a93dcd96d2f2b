/** TERRITORY_ASSIGN: the formula face of the territory engine (core/territory). */
import { badNumber, badValue, divZero, notFound } from '../errors';
import { type NumberRange, type Table, type ValueRange, inCell, inRow, readNumber } from '../ranges';
import { Rows } from '../rows';
import { defineFunction, measures, numbers, optional, table, territories, values, number } from '../spec';
import { DEFAULT_TOLERANCE, assignTerritories } from '../territory';
import { LATITUDE_LIMIT, LONGITUDE_LIMIT } from '../territory/geometry';
import type { TerritoryList } from '../territory/list';
import { type ResultCell, describeValue, formatNumber, isBlank } from '../values';

export const TERRITORY_ASSIGN = defineFunction({
  name: 'TERRITORY_ASSIGN',
  category: 'territory',
  summary:
    'The territory each account goes to, balancing one or more weights against each territory\'s target; compact with coordinates, ' +
    'keeping locked accounts and (within a tolerance) current owners. The same input always gives the same answer.',
  params: [
    measures('weights', 'Each account\'s weight: one column, or several (potential, workload…) each balanced; a single cell such as 1 balances account counts.', {
      limit: 'nonNegative',
      label: 'weight',
    }),
    territories('territories', 'A number of territories (1, 2, …), or their names in one column, optionally with relative target sizes in a second (1.5 carries half as much again).'),
    optional(numbers('latitudes', 'Each account\'s latitude in degrees; with longitudes, territories are kept compact.')),
    optional(numbers('longitudes', 'Each account\'s longitude in degrees.')),
    optional(values('locked', 'A territory the account must keep; blank leaves it free to move.', { blank: 'optional' })),
    optional(
      values('current_owners', 'The territory each account is in today: it stays there unless a move is needed to bring every territory within tolerance.', {
        blank: 'optional',
      }),
    ),
    optional(number('tolerance', 'With current_owners: how far from its target (a fraction) a territory may be before accounts move.'), DEFAULT_TOLERANCE),
    optional(table('importance', 'One value per weight column: how much each counts (60%, 40%). Equal when left out.')),
  ],
  result: 'per-row',
  examples: [
    // Heaviest first to the territory furthest below target: 40 → 1, 30 → 2, 20 → 2, 10 → 1; both end at 50.
    { args: [[[10], [20], [30], [40]], 2], expect: [[1], [2], [2], [1]] },
    // Ann's target is twice Bob's: 60 and 30.
    { args: [[[30], [30], [30]], [['Ann', 2], ['Bob', 1]]], expect: [['Ann'], ['Bob'], ['Ann']] },
    // Two accounts locked to territory 2; the free ones go to 1, and a blank row stays blank.
    { args: [[[10], [10], [10], [null], [10]], 2, null, null, [[2], [2], [null], [null], [null]]], expect: [[2], [2], [1], [null], [1]] },
    // Ann 19, Bob 21 against 20 each: within 5%, so nobody moves.
    {
      args: [[[10], [10], [11], [9]], [['Ann'], ['Bob']], null, null, null, [['Ann'], ['Bob'], ['Bob'], ['Ann']]],
      expect: [['Ann'], ['Bob'], ['Bob'], ['Ann']],
    },
    // Ann 30, Bob 10: 50% off, so the 10 moves from Ann to Bob. 10 and 10 for each.
    {
      args: [[[20], [10], [10]], [['Ann'], ['Bob']], null, null, null, [['Ann'], ['Ann'], ['Bob']]],
      expect: [['Ann'], ['Bob'], ['Bob']],
    },
    { args: [[[10], [20]], 2, null, null, [['Cy'], [null]]], expect: [['#N/A'], [1]] },
  ],
  impl(weights, territoryList, latitudes, longitudes, locked, owners, tolerance, importance) {
    if (tolerance < 0 || tolerance > 1) {
      throw badNumber(`tolerance ${formatNumber(tolerance)} is not a fraction from 0 to 100%: enter 5% or 0.05`);
    }
    if ((latitudes === undefined) !== (longitudes === undefined)) {
      throw badValue(`${latitudes ? 'latitudes' : 'longitudes'} needs ${latitudes ? 'longitudes' : 'latitudes'} too: give both, or neither`);
    }
    const m = weights.length;
    const rows = new Rows([...weights, latitudes, longitudes, locked, owners]);
    const cells: ResultCell[] = new Array(rows.size).fill(null);
    const accounts: number[] = [];
    const lockedTo: number[] = [];
    const ownedBy: number[] = [];
    for (let i = 0; i < rows.size; i++) {
      const state = rows.state(i);
      if (state !== 'ok') {
        cells[i] = state === 'blank' ? null : state;
        continue;
      }
      const problem = coordinateProblem(latitudes, longitudes, i);
      const lock = territoryIn(locked, territoryList, i);
      const owner = territoryIn(owners, territoryList, i);
      const bad = problem ?? (typeof lock === 'number' ? undefined : lock) ?? (typeof owner === 'number' ? undefined : owner);
      if (bad) {
        cells[i] = bad;
        continue;
      }
      accounts.push(i);
      lockedTo.push(lock as number);
      ownedBy.push(owner as number);
    }
    if (accounts.length > 0) {
      const n = accounts.length;
      const flat = new Float64Array(n * m);
      const totals = new Float64Array(m);
      accounts.forEach((i, a) => {
        for (let j = 0; j < m; j++) totals[j] += flat[a * m + j] = weights[j].at(i);
      });
      if (totals.every((total) => total === 0)) throw divZero('the weights add up to 0: give at least one account a weight above 0');
      if (!totals.every(Number.isFinite)) throw badNumber('the weights add up to more than a spreadsheet can hold: scale them down');
      const pick = (range: NumberRange | undefined) => range && Float64Array.from(accounts, (i) => range.at(i));
      const result = assignTerritories({
        accounts: n,
        territories: territoryList.names.length,
        weights: flat,
        measures: m,
        importance: importanceOf(importance, m),
        targetSizes: territoryList.sizes,
        latitudes: pick(latitudes),
        longitudes: pick(longitudes),
        locked: locked && Int32Array.from(lockedTo),
        owners: owners && Int32Array.from(ownedBy),
        tolerance,
      });
      accounts.forEach((i, a) => (cells[i] = territoryList.names[result.territory[a]]));
    }
    return rows.map((i) => cells[i]);
  },
});

function coordinateProblem(latitudes: NumberRange | undefined, longitudes: NumberRange | undefined, i: number) {
  if (!latitudes || !longitudes) return undefined;
  const latitude = latitudes.at(i);
  const longitude = longitudes.at(i);
  if (Math.abs(latitude) > LATITUDE_LIMIT) {
    return badNumber(`latitude ${formatNumber(latitude)}${inRow(latitudes, i)} is outside −${LATITUDE_LIMIT} to ${LATITUDE_LIMIT} degrees`);
  }
  if (Math.abs(longitude) > LONGITUDE_LIMIT) {
    return badNumber(`longitude ${formatNumber(longitude)}${inRow(longitudes, i)} is outside −${LONGITUDE_LIMIT} to ${LONGITUDE_LIMIT} degrees`);
  }
  return undefined;
}

/** The territory a lock or owner cell names: its index, −1 when blank or left out, or why it names none. */
function territoryIn(range: ValueRange | undefined, list: TerritoryList, i: number) {
  if (!range || range.isBlankAt(i)) return -1;
  const cell = range.at(i);
  const t = list.indexOf(cell);
  if (t !== undefined) return t;
  return notFound(`${range.name} ${describeValue(cell)}${inRow(range, i)} is not one of the territories: use one of their names, or leave it blank`);
}

function importanceOf(importance: Table | undefined, m: number): number[] {
  if (!importance) return new Array<number>(m).fill(1);
  const cells = importance.cells.flat();
  if (cells.length !== m) {
    throw badValue(`importance has ${cells.length} values but weights has ${m} columns: give one importance per weight column`);
  }
  const out = cells.map((cell, c) => {
    const value = isBlank(cell) ? 0 : readNumber(cell);
    const where = inCell(importance, importance.rows === 1 ? 0 : c, importance.rows === 1 ? c : 0);
    if (typeof value === 'string') throw badValue(`importance ${describeValue(cell)}${where} ${value}`);
    if (value < 0) throw badNumber(`importance ${formatNumber(value)}${where} is negative`);
    return value;
  });
  if (!out.some((value) => value > 0)) throw divZero('importance is 0 for every weight column: give at least one a value above 0');
  return out;
}
