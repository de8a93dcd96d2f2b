/**
 * The playground's formula engine: every SalesOps function registered with
 * HyperFormula, arguments in the core's cell model, results (and errors) back
 * as cells, spilling like Sheets and Excel.
 */
import { DetailedCellError, HyperFormula } from 'hyperformula';
import { badNumber } from '../core/errors';
import { FUNCTIONS } from '../core/registry';
import { defineFunction, numbers } from '../core/spec';
import type { Matrix } from '../core/values';
import { parseRange } from '../core/a1';
import { createSalesOpsPlugin, registerSalesOpsFunctions } from '../playground/engine';
import { Workbook } from '../playground/workbook';

/** A function for these tests only: a column of `n` copies of `value`, so its size depends on data. */
const TEST_REPEAT = defineFunction({
  name: 'TEST_REPEAT',
  category: 'quota',
  summary: 'Test only.',
  params: [numbers('n', 'How many rows.'), numbers('value', 'What to repeat.')],
  result: 'table',
  examples: [],
  impl(n, value) {
    const count = n.at(0);
    if (!(count >= 1)) throw badNumber('n must be at least 1');
    return Array.from({ length: count }, () => [value.at(0)]);
  },
});
HyperFormula.registerFunctionPlugin(createSalesOpsPlugin([TEST_REPEAT]), { enGB: { TEST_REPEAT: 'TEST_REPEAT' } });

/** A workbook with one sheet "S" holding `rows`; cells are read and written by A1 name. */
function sheet(rows: (string | number | boolean | null)[][]) {
  const workbook = new Workbook();
  const id = workbook.sheetId(workbook.addSheet('S', rows));
  const ref = (name: string) => parseRange(name)!;
  return {
    workbook,
    set: (name: string, input: string) => workbook.setCell(id, { row: ref(name).top, col: ref(name).left }, input),
    clear: (name: string) => workbook.clear(id, ref(name)),
    /** Values as a user reads them: numbers, text, '' for blank, error codes. */
    read: (name: string): Matrix => workbook.values(id, ref(name)).map((row) => row.map((cell) => cell ?? '')),
    raw: (name: string) => workbook.hf.getCellValue({ sheet: id, row: ref(name).top, col: ref(name).left }),
    view: (name: string) => workbook.view(id, { row: ref(name).top, col: ref(name).left }),
  };
}

describe('registration', () => {
  it('registers every function in FUNCTIONS, by its bare name', () => {
    registerSalesOpsFunctions();
    const registered = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
    const missing = FUNCTIONS.map((spec) => spec.name).filter((name) => !registered.has(name));
    expect(missing).toEqual([]);
  });

  it('an unknown function is #NAME?, not a crash', () => {
    const s = sheet([['=NOT_A_SALESOPS_FUNCTION(1)']]);
    expect(s.read('A1')).toEqual([['#NAME?']]);
  });
});

describe('ranges in, arrays out', () => {
  it('a per-row function spills one value per row of its range', () => {
    const s = sheet([
      [90000, 100000, '=QUOTA_ATTAINMENT(A1:A3,B1:B3)'],
      [120000, 100000],
      [30000, 60000],
    ]);
    expect(s.read('C1:C4')).toEqual([[0.9], [1.2], [0.5], ['']]);
    expect(s.view('C1').array).toBe('anchor');
    expect(s.view('C2').array).toBe('spill');
  });

  it('one bad row shows as an error in that row, with its message, while the others compute', () => {
    const s = sheet([
      [80000, 100000, '=QUOTA_ATTAINMENT(A1:A3,B1:B3)'],
      [30000, 0],
      [50000, 100000],
    ]);
    expect(s.read('C1:C3')).toEqual([[0.8], ['#DIV/0!'], [0.5]]);
    const error = s.raw('C2') as DetailedCellError;
    expect(error).toBeInstanceOf(DetailedCellError);
    expect(error.type).toBe('DIV_BY_ZERO');
    expect(error.message).toBe('quota is 0 in B2');
    expect(s.view('C2')).toMatchObject({ text: '#DIV/0!', kind: 'error', message: 'quota is 0 in B2' });
  });

  it('a single cell broadcasts against a range', () => {
    const s = sheet([[45000, '=QUOTA_ATTAINMENT(A1:A2,50000)'], [60000]]);
    expect(s.read('B1:B2')).toEqual([[0.9], [1.2]]);
  });

  it('blank rows give blank results and trailing blank rows are left off an open range', () => {
    const s = sheet([[100, '=QUOTA_ATTAINMENT(A:A,200)'], [null], [50]]);
    expect(s.read('B1:B4')).toEqual([[0.5], [''], [0.25], ['']]);
    s.set('A6', '300');
    expect(s.read('B1:B7')).toEqual([[0.5], [''], [0.25], [''], [''], [1.5], ['']]);
  });

  it('the arguments of an aggregate are read whole, and its answer is one cell', () => {
    const s = sheet([
      [100000, 0.2, '=WEIGHTED_PIPELINE(A1:A3,B1:B3)'],
      [50000, 0.5, 'below'],
      [20000, 0.9],
    ]);
    expect(s.read('C1:C2')).toEqual([[100000 * 0.2 + 50000 * 0.5 + 20000 * 0.9], ['below']]);
  });

  it('a function inside a native formula works on its array', () => {
    const s = sheet([[90, 100, '=SUM(QUOTA_ATTAINMENT(A1:A2,B1:B2))', '=QUOTA_ATTAINMENT(A1:A2,B1:B2)*100'], [120, 100]]);
    expect(s.read('C1')[0][0]).toBeCloseTo(0.9 + 1.2, 12);
    expect(s.read('D1:D2')).toEqual([[90], [120]]);
  });
});

describe('argument conversion', () => {
  it('typed dates, DATE() and date text all arrive as day serials', () => {
    const s = sheet([
      [100000, 0.2, '2026-01-15', '=WEIGHTED_PIPELINE(A1:A3,B1:B3,,C1:C3,DATE(2026,1,1),"2026-03-31")'],
      [50000, 0.5, '2026-04-02'],
      [20000, 0.9, '2026-03-31'],
    ]);
    expect(s.read('D1')).toEqual([[100000 * 0.2 + 20000 * 0.9]]);
  });

  it('percentages typed with % arrive as fractions', () => {
    const s = sheet([[100000, '20%', '=WEIGHTED_PIPELINE(A1,B1)']]);
    expect(s.read('C1')).toEqual([[20000]]);
  });

  it('an optional argument left empty takes its default, like one left out', () => {
    // measure left empty (default "pe"), denominator "forecast": (90000 − 100000) / 100000.
    const s = sheet([[90000, 100000, '=FORECAST_ERROR(A1,B1,,"forecast")', '=FORECAST_ERROR(A1,B1)']]);
    expect(s.read('C1')[0][0]).toBeCloseTo(-10000 / 100000, 12);
    expect(s.read('D1')[0][0]).toBeCloseTo(-10000 / 90000, 12);
  });

  it('an error in an input cell is the answer (as Excel does), not a wrong number', () => {
    const s = sheet([[100, '=QUOTA_ATTAINMENT(A1:A2,100)', '=QUOTA_ATTAINMENT(A1,1/0)'], ['=1/0']]);
    expect(s.read('B1:C1')).toEqual([['#DIV/0!', '#DIV/0!']]);
    s.set('A2', '200');
    expect(s.read('B1:C2')).toEqual([[1, '#DIV/0!'], [2, '']]);
  });
});

describe('errors the core throws become the formula\'s error', () => {
  it('a shape mismatch is #VALUE! naming both arguments', () => {
    const s = sheet([[1, 1, '=QUOTA_ATTAINMENT(A1:A3,B1:B2)'], [2, 2], [3, 3]]);
    const error = s.raw('C1') as DetailedCellError;
    expect(error.value).toBe('#VALUE!');
    expect(error.message).toMatch(/actual is 3 rows × 1 column but quota is 2 rows × 1 column/);
  });

  it('a message names the cell the user sees: on another sheet, in an open column, or by its row in a literal', () => {
    const workbook = new Workbook();
    const data = workbook.sheetId(workbook.addSheet('Q1 plan', [['Actual', 'Quota'], [50, 100], [20, 0]]));
    const calc = workbook.sheetId(
      workbook.addSheet('Calc', [
        ["=QUOTA_ATTAINMENT('Q1 plan'!A2:A3,'Q1 plan'!B2:B3)", '=QUOTA_ATTAINMENT({5;7},{10;0})', '=QUOTA_ATTAINMENT(E:E,F:F)', null, 4, 2],
        [null, null, null, null, 3, -1],
      ]),
    );
    const message = (row: number, col: number) => (workbook.hf.getCellValue({ sheet: calc, row, col }) as DetailedCellError).message;
    expect(message(1, 0)).toBe("quota is 0 in 'Q1 plan'!B3");
    expect(message(1, 1)).toBe('quota is 0 in row 2 of quota');
    expect(message(1, 2)).toBe('quota -1 in F2 is negative');
    void data;
  });

  it('a message about a table names its cell: a tier rate typed as a whole number', () => {
    const s = sheet([[1000, '=COMMISSION(A1,C1:D2)', 0, 0.1], [null, null, 500, 12]]);
    expect((s.raw('B1') as DetailedCellError).message).toBe('rate 12 in D2 is above 100%: enter 12% or 0.12');
  });

  it('a bad choice is #VALUE! listing the choices', () => {
    const s = sheet([[1, 1, '=FORECAST_ERROR(A1,B1,"rmse")']]);
    expect((s.raw('C1') as DetailedCellError).message).toMatch(/measure "rmse" is not one of/);
  });

  it('an unknown stage is #N/A naming it', () => {
    const s = sheet([
      [100, 'Discovery', 'Discovery', 0.2, '=WEIGHTED_PIPELINE(A1:A2,B1:B2,C1:D1)'],
      [200, 'Closing'],
    ]);
    const error = s.raw('E1') as DetailedCellError;
    expect(error.value).toBe('#N/A');
    expect(error.message).toMatch(/stage "Closing" in B2 is not in stage_table/);
  });

  it('too many arguments is an error, not a crash', () => {
    const s = sheet([['=QUOTA_ATTAINMENT(1,2,3)']]);
    expect(s.view('A1').kind).toBe('error');
  });
});

describe('answers whose size depends on the data', () => {
  it('spill exactly as far as the answer goes, and follow the data', () => {
    const s = sheet([[3, '=TEST_REPEAT(A1,7)']]);
    expect(s.read('B1:B4')).toEqual([[7], [7], [7], ['']]);
    s.set('A1', '5');
    expect(s.read('B1:B6')).toEqual([[7], [7], [7], [7], [7], ['']]);
    s.set('A1', '2');
    expect(s.read('B1:B3')).toEqual([[7], [7], ['']]);
    s.set('B3', 'free');
    expect(s.read('B3')).toEqual([['free']]);
  });

  it('an answer that would cover a filled cell is #SPILL!, and spills once the cell is emptied', () => {
    const s = sheet([[3, '=TEST_REPEAT(A1,7)'], [null, null], [null, 'in the way']]);
    expect(s.read('B1')).toEqual([['#SPILL!']]);
    expect(s.view('B1').message).toBe('The answer needs more room: B3 is in the way. Empty it, or move the formula.');
    s.clear('B3');
    expect(s.read('B1:B3')).toEqual([[7], [7], [7]]);
  });

  it('typing into a cell a spill covers blocks that spill', () => {
    const s = sheet([[1, 100, '=QUOTA_ATTAINMENT(A1:A2,B1:B2)'], [2, 100]]);
    s.set('C2', 'mine');
    expect(s.read('C1:C2')).toEqual([['#SPILL!'], ['mine']]);
    s.set('C2', '');
    expect(s.read('C1:C2')).toEqual([[0.01], [0.02]]);
  });

  it('inside a bigger formula too: summed, indexed, or spilled through arithmetic as Excel does', () => {
    const s = sheet([[3, '=SUM(TEST_REPEAT(A1,2))', '=INDEX(TEST_REPEAT(A1,5),2,1)', '=TEST_REPEAT(A1,1)*10', '=TEST_REPEAT(A1,1)+{1;2}']]);
    expect(s.read('B1:E4')).toEqual([
      [3 * 2, 5, 10, 1 + 1],
      ['', '', 10, 1 + 2],
      ['', '', 10, '#N/A'],
      ['', '', '', ''],
    ]);
    s.set('A1', '1');
    expect(s.read('B1:E3')).toEqual([
      [2, expect.stringMatching(/^#/), 10, 2],
      ['', '', '', 3],
      ['', '', '', ''],
    ]);
  });

  it('a table-shaped core function spills whole (FORECAST_ROLLUP)', () => {
    const s = sheet([
      [100, 'Closed', '=FORECAST_ROLLUP(A1:A5,B1:B5)'],
      [50, 'Commit'],
      [30, 'Best Case'],
      [20, 'Pipeline'],
      [10, 'Omitted'],
    ]);
    const rows = s.read('C1:D6');
    const amounts = rows.map((row) => row[1]).filter((cell) => typeof cell === 'number');
    expect(amounts).toEqual([100, 100 + 50, 100 + 50 + 30, 100 + 50 + 30 + 20]);
    expect(rows.flat()).not.toContain('#SPILL!');
  });
});

describe('the workbook', () => {
  it('writes text from a plan as text, even when it looks like a formula or a number', () => {
    const workbook = new Workbook();
    const name = workbook.insertPlan({ name: 'T', cells: [['=1+1', '0042', 'TRUE', '#N/A', { formula: '1+1' }]] });
    const id = workbook.sheetId(name);
    expect(workbook.values(id, parseRange('A1:E1')!)).toEqual([['=1+1', '0042', 'TRUE', '#N/A', 2]]);
  });

  it('inserting a plan twice gives two sheets with distinct names and leaves the others alone', () => {
    const workbook = new Workbook();
    workbook.addSheet('Plan', [['mine']]);
    const first = workbook.insertPlan({ name: 'Plan', cells: [['new']] });
    const second = workbook.insertPlan({ name: 'Plan', cells: [['new']] });
    expect([first, second]).toEqual(['Plan (2)', 'Plan (3)']);
    expect(workbook.values(workbook.sheetId('Plan'), parseRange('A1')!)).toEqual([['mine']]);
  });

  it('a plan that cannot be written leaves no half-written sheet behind', () => {
    const workbook = new Workbook();
    workbook.addSheet('Deals', [[1]]);
    const tooWide = [new Array(workbook.hf.getConfig().maxColumns + 5).fill(1)];
    expect(() => workbook.insertPlan({ name: 'Wide', cells: tooWide })).toThrow();
    expect(workbook.sheetNames()).toEqual(['Deals']);
  });

  it('applies number formats, and shows typed dates and percentages as typed', () => {
    const workbook = new Workbook();
    const id = workbook.sheetId(
      workbook.insertPlan({
        name: 'F',
        cells: [[1234567.5, 0.256, 46112, 46112, null, null]],
        formats: [
          { range: 'A1', format: '#,##0' },
          { range: 'B1', format: '0.0%' },
          { range: 'C1', format: 'yyyy-mm-dd' },
        ],
      }),
    );
    workbook.setCell(id, { row: 0, col: 4 }, '2026-03-31');
    workbook.setCell(id, { row: 0, col: 5 }, '12.5%');
    const texts = [0, 1, 2, 3, 4, 5].map((col) => workbook.view(id, { row: 0, col }).text);
    expect(texts).toEqual(['1,234,568', '25.6%', '2026-03-31', '46112', '2026-03-31', '12.5%']);
  });
});

describe('what the grid shows for formulas HyperFormula cannot run', () => {
  it('explains an unreadable formula and names an unknown function', () => {
    const s = sheet([['=SUM(', '=NOPE(1)']]);
    expect(s.view('A1')).toMatchObject({ text: '#ERROR!', kind: 'error', message: expect.stringMatching(/check its brackets/) });
    expect(s.view('B1')).toMatchObject({ text: '#NAME?', kind: 'error', message: expect.stringMatching(/NOPE/) });
  });
});
