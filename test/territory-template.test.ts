/**
 * The territory designer's template: the scenario the sidebar runs, the checks
 * on every field, the sheet it inserts (native formulas only) and the request
 * size it accepts.
 */
import fc from 'fast-check';
import { INSERT_ROWS, TEMPLATES, maxRequestChars, planTemplate } from '../core/templates';
import { type FieldValues, defaultValues } from '../core/templates/fields';
import { isFormulaCell } from '../core/templates/plan';
import { runScenario } from '../core/templates/territory';
import { gini } from '../core/statistics';
import { renameInFormula } from '../core/formula-text';
import { readSourceTable, rowsFromTable } from '../core/templates/source-table';
import { ACCOUNTS_FIELD } from '../core/templates/territory/fields';
import { sheetWords } from '../ui/sheet-words';

const TERRITORY = TEMPLATES.find((definition) => definition.id === 'territory')!;
const check = (values: FieldValues) => {
  const { readFields } = jest.requireActual('../core/templates/fields') as typeof import('../core/templates/fields');
  const read = readFields(TERRITORY.fields, values);
  return read.problems.length > 0 ? read.problems : TERRITORY.check!(read.values);
};

const accounts = (balances: number[][], extra: (i: number) => object = () => ({})) =>
  balances.map((row, i) => ({ account: `A${i + 1}`, balances: row, ...extra(i) }));
const request = (fields: object) => ({ ...defaultValues(TERRITORY.fields), measures: null, ...fields });

describe('a territory scenario', () => {
  it('balances 40, 30, 20 and 10 into two territories of 50', () => {
    const result = runScenario(request({ accounts: accounts([[10], [20], [30], [40]]), count: 2 }));
    expect(result.totals.map((row) => row[0]).sort()).toEqual([50, 50]);
    expect(result.targets).toEqual([[50], [50]]);
    expect(result.maxDeviation).toBe(0);
    expect(result.gini).toBe(0);
    expect(result.accountCounts).toEqual([2, 2]);
  });

  it('gives a rep with a share of 2 twice the target of one with 1', () => {
    const result = runScenario(request({ accounts: accounts([[30], [30], [30]]), by: 'reps', reps: [{ rep: 'Ann', share: 2 }, { rep: 'Bob', share: null }] }));
    expect(result.territories).toEqual(['Ann', 'Bob']);
    expect(result.targets).toEqual([[60], [30]]);
    expect(result.totals).toEqual([[60], [30]]);
  });

  it('keeps owners within the tolerance: nobody moves when every territory is within 5%', () => {
    const owners = ['Ann', 'Bob', 'Bob', 'Ann'];
    const result = runScenario(
      request({ accounts: accounts([[10], [10], [11], [9]], (i) => ({ owner: owners[i] })), by: 'reps', reps: [{ rep: 'Ann' }, { rep: 'Bob' }] }),
    );
    expect(result.hasOwners).toBe(true);
    expect(result.moved).toBe(0);
    expect(result.assignment).toEqual([0, 1, 1, 0]);
  });

  it('moves what the tolerance requires, and says how much: Ann 30 against Bob 10 gives Bob one account of 10', () => {
    const owners = ['Ann', 'Ann', 'Bob'];
    const result = runScenario(request({ accounts: accounts([[20], [10], [10]], (i) => ({ owner: owners[i] })), by: 'reps', reps: [{ rep: 'Ann' }, { rep: 'Bob' }] }));
    expect(result.moved).toBe(1);
    expect(result.movedWeight).toEqual([10]);
    expect(result.totals).toEqual([[20], [20]]);
  });

  it('keeps locked accounts where they are locked, named case-insensitively', () => {
    const result = runScenario(request({ accounts: accounts([[10], [10], [10], [10]], (i) => ({ locked: i < 2 ? ' 2 ' : '' })), count: 2 }));
    expect(result.assignment.slice(0, 2)).toEqual([1, 1]);
    expect(result.assignment.slice(2)).toEqual([0, 0]);
  });

  it('returns points for a scatter when the accounts have coordinates', () => {
    const result = runScenario(request({ accounts: accounts([[1], [1]], (i) => ({ latitude: 10 + i, longitude: 20 - i })), count: 2 }));
    expect(result.points).toEqual({ x: [20, 19], y: [10, 11] });
    expect(runScenario(request({ accounts: accounts([[1], [1]]), count: 2 })).points).toBeUndefined();
  });

  it('is deterministic, assigns every account once, and its totals add up to the balances (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 8 }),
        (rows, count) => {
          fc.pre(rows.some((row) => row[0] > 0));
          const values = request({ accounts: accounts(rows), count, measures: [{ name: 'P', importance: 3 }, { name: 'W', importance: 1 }] });
          const first = runScenario(values);
          expect(runScenario(values)).toEqual(first);
          expect(first.assignment).toHaveLength(rows.length);
          expect(first.assignment.every((t) => Number.isInteger(t) && t >= 0 && t < count)).toBe(true);
          expect(first.accountCounts.reduce((a, b) => a + b, 0)).toBe(rows.length);
          for (const j of [0, 1]) {
            const sum = rows.reduce((total, row) => total + row[j], 0);
            expect(first.totals.reduce((total, row) => total + row[j], 0)).toBe(sum);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('measures inequality with the Gini coefficient', () => {
    expect(gini([5, 5, 5, 5])).toBe(0);
    expect(gini([0, 0, 0, 4])).toBe(0.75);
    expect(gini([1, 3])).toBe(0.25);
  });

  it('balances the 60 example accounts across 4 territories within 1% on potential and exactly on account count', () => {
    const result = runScenario(defaultValues(TERRITORY.fields));
    expect(result.accountCounts).toEqual([15, 15, 15, 15]);
    expect(result.maxDeviationByMeasure[0]).toBeLessThan(0.01);
    expect(result.points?.x).toHaveLength(60);
  });
});

describe('the territory form refuses', () => {
  const problems = (fields: object) => check(request(fields)).map((p) => `${p.field} ${p.code}`);

  it('names the account whose latitude is blank in the selected table, instead of placing it at 0', () => {
    const table = readSourceTable([
      ['Account', 'Potential', 'Latitude', 'Longitude'],
      ['Acme', 100, 52.2, 21.0],
      ['Bolt', 80, null, 8.7],
    ]);
    const rows = rowsFromTable(table, ACCOUNTS_FIELD.columns, { account: 0, balances: [1], latitude: 2, longitude: 3 });
    expect(problems({ accounts: rows })).toEqual(['accounts[1].latitude coordinates-missing']);
  });

  it.each([
    ['a negative balance', { accounts: accounts([[1], [-1]]) }, 'accounts[1].balances[0] negative'],
    ['balances that add up to 0', { accounts: accounts([[0], [0]]) }, 'accounts weights-zero'],
    ['a latitude off the globe', { accounts: accounts([[1]], () => ({ latitude: 91, longitude: 0 })) }, 'accounts[0].latitude latitude-range'],
    ['a longitude off the globe', { accounts: accounts([[1]], () => ({ latitude: 0, longitude: -181 })) }, 'accounts[0].longitude longitude-range'],
    ['coordinates for some accounts only', { accounts: accounts([[1], [1]], (i) => (i === 0 ? { latitude: 1, longitude: 1 } : {})) }, 'accounts[1].latitude coordinates-missing'],
    ['an owner that is no territory', { accounts: accounts([[1]], () => ({ owner: 'Zed' })) }, 'accounts[0].owner unknown-territory'],
    ['a lock that is no territory', { accounts: accounts([[1]], () => ({ locked: '9' })), count: 4 }, 'accounts[0].locked unknown-territory'],
    ['a fraction of a territory', { count: 2.5 }, 'count not-whole'],
    ['no territories', { count: 0 }, 'count territories-range'],
    ['more than 100 territories', { count: 101 }, 'count territories-range'],
    ['two reps of one name', { by: 'reps', reps: [{ rep: 'Ann' }, { rep: ' ann' }] }, 'reps[1].rep duplicate'],
    ['a rep name COUNTIFS reads as a comparison', { by: 'reps', reps: [{ rep: 'Ann' }, { rep: '>=5' }] }, 'reps[1].rep reads-as-condition'],
    ['a rep name COUNTIFS reads as a pattern', { by: 'reps', reps: [{ rep: 'Ann*' }, { rep: 'Bob' }] }, 'reps[0].rep reads-as-condition'],
    ['a rep name with a question mark', { by: 'reps', reps: [{ rep: 'Ann' }, { rep: 'Who?' }] }, 'reps[1].rep reads-as-condition'],
    ['an importance per balance column missing', { accounts: accounts([[1, 2]]), measures: [{ name: 'P', importance: 1 }] }, 'measures measures-count'],
    ['every importance 0', { accounts: accounts([[1]]), measures: [{ name: 'P', importance: 0 }] }, 'measures importance-zero'],
    ['a negative importance', { accounts: accounts([[1]]), measures: [{ name: 'P', importance: -1 }] }, 'measures[0].importance negative'],
    ['a share of 0', { by: 'reps', reps: [{ rep: 'Ann', share: 0 }] }, 'reps[0].share not-positive'],
    ['rows with different numbers of balances', { accounts: accounts([[1, 2], [1]]) }, 'accounts[1].balances list-length'],
    ['a tolerance above 100%', { tolerance: 2 }, 'tolerance rate-above-100'],
  ])('%s', (_what, fields, expected) => {
    expect(problems(fields)).toContain(expected);
  });

  it('nothing in the form’s defaults', () => {
    expect(problems({})).toEqual([]);
  });
});

describe('the territory sheet', () => {
  const plan = planTemplate({ ...request({ accounts: accounts([[10, 1], [20, 1], [30, 1], [40, 1]]), count: 2 }), template: 'territory' }, sheetWords);
  const formulas = plan.cells.flat().filter(isFormulaCell).map((cell) => cell.formula);

  it('lists every account with its territory as a plain value, and builds the summary from native functions only', () => {
    expect(plan.cells[3].slice(0, 4)).toEqual(['Account', 'Territory', 'Balance 1', 'Balance 2']);
    expect(plan.cells.slice(4, 8).map((row) => row[0])).toEqual(['A1', 'A2', 'A3', 'A4']);
    expect(plan.cells.slice(4, 8).every((row) => row[1] === 1 || row[1] === 2)).toBe(true);
    const functions = new Set<string>();
    for (const formula of formulas) renameInFormula(formula, { functions: (name) => void functions.add(name) });
    expect([...functions].sort()).toEqual(['COUNTIFS', 'IF', 'MAX', 'MIN', 'SUM', 'SUMIFS']);
    expect(formulas).toContain('SUMIFS($C$5:$C$8,$B$5:$B$8,F5)');
    expect(formulas).toContain('COUNTIFS($B$5:$B$8,F6)');
  });

  it('charts each balance column’s totals against its targets', () => {
    expect(plan.charts?.map((chart) => [chart.kind, chart.title, chart.series.map((s) => s.name)])).toEqual([
      ['column', 'Balance 1', ['Total', 'Target']],
      ['column', 'Balance 2', ['Total', 'Target']],
    ]);
  });
});

describe('a territory request', () => {
  const many = (n: number) => ({
    template: 'territory',
    ...request({ accounts: Array.from({ length: n }, (_, i) => ({ account: `A${i}`, balances: [1, 2, 3, 4], latitude: null, longitude: null, owner: null, locked: null })) }),
  });

  it('takes 10,000 accounts with four balance columns and room for coordinates, owner and lock', () => {
    expect(planTemplate(many(10_000), sheetWords).cells.length).toBeGreaterThan(10_000);
  });

  it('runs up to 250,000 accounts and refuses 250,001 by the field’s limit', () => {
    const accounts = (n: number) => ({ ...many(n), template: undefined });
    expect(check(accounts(250_000))).toEqual([]);
    expect(check(accounts(250_001))).toEqual([{ field: 'accounts', code: 'too-many' }]);
  });

  it('is refused by a host that inserts fewer rows, naming the host and both counts', () => {
    expect(() => planTemplate(many(10_001), sheetWords, { host: 'Google Sheets', rows: INSERT_ROWS.sheets })).toThrow(
      'Google Sheets inserts at most 10,000 rows at once, but this territory sheet would list 10,001',
    );
    expect(planTemplate(many(10_000), sheetWords, { host: 'Google Sheets', rows: INSERT_ROWS.sheets }).name).toBe('Territories');
  });

  it('sent to the Sheets server, is held to the size of the 10,000 accounts Sheets inserts', () => {
    expect(maxRequestChars('territory', INSERT_ROWS.sheets)).toBe(40 * 110_320);
    expect(maxRequestChars('territory')).toBeGreaterThan(40 * 2_500_000);
  });

  it('is held to its own template’s size: the commission template refuses a request that large', () => {
    expect(() => planTemplate({ ...many(4_000), template: 'commission' }, sheetWords)).toThrow(/too large/);
  });
});
