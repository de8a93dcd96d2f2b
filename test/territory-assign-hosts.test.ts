/**
 * TERRITORY_ASSIGN gives the same assignment for the same accounts in every
 * host: the core, Sheets (the built Code.js), Excel (the built functions.js)
 * and the playground's formula engine, on realistic books of accounts (two
 * weight columns with importance, coordinates, locks, current owners, named
 * reps with target sizes) made from fixed seeds.
 */
import { FUNCTIONS, type HostArg, invoke } from '../core';
import { createRandom } from '../core/random';
import type { Matrix } from '../core/values';
import { Workbook } from '../playground/workbook';
import { fakeAppsScript } from './support/apps-script-fakes';
import { loadCode, plain } from './support/apps-script-load';
import { fakeInvocation, loadFunctionsJs } from './support/excel-custom-functions';

const SPEC = FUNCTIONS.find((spec) => spec.name === 'TERRITORY_ASSIGN')!;
const REPS: Matrix = [
  ['Ann', 1.5],
  ['Bob', 1],
  ['Cy', 1],
  ['Dee', 1],
];

interface Book {
  readonly weights: Matrix;
  readonly latitudes: Matrix;
  readonly longitudes: Matrix;
  readonly locked: Matrix;
  readonly owners: Matrix;
}

/** `n` accounts around four cities, heavy-tailed potential, a few locked, most with an owner today. */
function book(seed: number, n: number): Book {
  const random = createRandom(seed);
  const cities = [
    [52.2, 21.0],
    [50.1, 8.7],
    [48.1, 11.6],
    [53.6, 10.0],
  ];
  const rows = Array.from({ length: n }, () => {
    const [lat, lon] = random.pick(cities);
    return {
      potential: Math.round(1000 / (1 - random.next()) ** 0.7),
      lat: lat + (random.next() - 0.5),
      lon: lon + (random.next() - 0.5),
      locked: random.next() < 0.03 ? (random.pick(REPS)[0] as string) : null,
      owner: random.next() < 0.8 ? (random.pick(REPS)[0] as string) : null,
    };
  });
  return {
    weights: rows.map((row) => [row.potential, 1]),
    latitudes: rows.map((row) => [row.lat]),
    longitudes: rows.map((row) => [row.lon]),
    locked: rows.map((row) => [row.locked]),
    owners: rows.map((row) => [row.owner]),
  };
}

const IMPORTANCE: Matrix = [[0.6, 0.4]];
const TOLERANCE = 0.05;

const argsOf = (b: Book): HostArg[] => [b.weights, REPS, b.latitudes, b.longitudes, b.locked, b.owners, TOLERANCE, IMPORTANCE];

/** Blank cells as each host passes them: '' in Sheets, null in Excel. */
const withBlanks = (args: readonly HostArg[], blank: '' | null) =>
  args.map((arg) => (Array.isArray(arg) ? (arg as Matrix).map((row) => row.map((cell) => cell ?? blank)) : arg));

function inPlayground(b: Book): unknown[] {
  const n = b.weights.length;
  const rows = b.weights.map((weight, i) => [
    ...weight,
    b.latitudes[i][0],
    b.longitudes[i][0],
    b.locked[i][0],
    b.owners[i][0],
    ...(i < REPS.length ? REPS[i] : [null, null]),
    ...(i === 0 ? IMPORTANCE[0] : [null, null]),
  ]);
  const workbook = new Workbook();
  const id = workbook.sheetId(workbook.addSheet('Accounts', rows));
  const formula = `=TERRITORY_ASSIGN(A1:B${n}, G1:H${REPS.length}, C1:C${n}, D1:D${n}, E1:E${n}, F1:F${n}, ${TOLERANCE}, I1:J1)`;
  workbook.setCell(id, { row: 0, col: 11 }, formula);
  return workbook.values(id, { top: 0, left: 11, bottom: n - 1, right: 11 }).map((row) => row[0]);
}

describe('TERRITORY_ASSIGN in every host', () => {
  const sheets = loadCode(fakeAppsScript({ timeZone: 'Europe/Warsaw' }));
  const excel = loadFunctionsJs();

  it.each([
    [1, 300],
    [2, 400],
  ])('seed %i, %i accounts: the core, Sheets, Excel and the playground give the same territories', (seed, n) => {
    const b = book(seed, n);
    const core = (invoke(SPEC, argsOf(b)) as Matrix).map((row) => row[0]);
    // Every account has a rep, and every locked account its lock.
    expect(core).toHaveLength(n);
    expect(core.every((rep) => REPS.some(([name]) => name === rep))).toBe(true);
    b.locked.forEach(([lock], i) => lock !== null && expect(core[i]).toBe(lock));

    const inSheets = (plain(sheets.run('TERRITORY_ASSIGN', ...withBlanks(argsOf(b), ''))) as unknown[][]).map((row) => row[0]);
    const inExcel = (excel.associated.get('TERRITORY_ASSIGN')!(...withBlanks(argsOf(b), null), fakeInvocation('TERRITORY_ASSIGN')) as unknown[][]).map(
      (row) => row[0],
    );
    expect(inSheets).toEqual(core);
    expect(inExcel).toEqual(core);
    expect(inPlayground(b)).toEqual(core);
  });
});
