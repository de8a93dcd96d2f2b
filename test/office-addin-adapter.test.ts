/**
 * Excel argument and result conversion (office-addin/adapter.ts) on small
 * test-only specs whose messages are known, so each Excel quirk is pinned down.
 */
import { badNumber, badValue, divZero, notFound } from '../core/errors';
import { inRow } from '../core/ranges';
import { Rows } from '../core/rows';
import { boolean, date, defineFunction, labels, number, numbers, optional, choice, text } from '../core/spec';
import { excelFunction } from '../office-addin/adapter';
import { FakeCustomFunctionsError, fakeCustomFunctions, fakeInvocation } from './support/excel-custom-functions';

const CF = fakeCustomFunctions();

/** Per row: top / bottom × scale, with one error per code. */
const RATIO = defineFunction({
  name: 'TEST_RATIO',
  category: 'quota',
  summary: 'top / bottom × scale per row.',
  params: [
    numbers('top', 'Numerators.'),
    numbers('bottom', 'Denominators.'),
    optional(number('scale', 'Multiplier.'), 1),
  ],
  result: 'per-row',
  examples: [],
  impl(top, bottom, scale) {
    return new Rows([top, bottom]).map((i) => {
      const b = bottom.at(i);
      if (b === 0) return divZero(`bottom is 0${inRow(bottom, i)}`);
      if (b < 0) return badNumber(`bottom is negative${inRow(bottom, i)}`);
      if (b === 13) return notFound(`bottom 13 is unlucky${inRow(bottom, i)}`);
      if (b === 7) return badValue(`bottom 7 is not allowed${inRow(bottom, i)}`);
      return (top.at(i) / b) * scale;
    });
  },
});

/** An aggregate with every scalar kind, echoing what it received. */
const ECHO = defineFunction({
  name: 'TEST_ECHO',
  category: 'quota',
  summary: 'Describes its arguments.',
  params: [
    labels('names', 'Some labels.'),
    optional(date('when', 'A date.')),
    optional(boolean('flag', 'A flag.'), true),
    choice(text('mode', 'short or long.'), 'short', ['short', 'long']),
  ],
  result: 'aggregate',
  examples: [],
  impl(names, when, flag, mode) {
    if (mode === 'long' && when === undefined) throw notFound('long mode needs a date');
    const list = names.keys.map((key) => key ?? '(blank)').join(',');
    return `${list}|${when ?? 'none'}|${flag}|${mode}`;
  },
});

const NOTHING = defineFunction({
  name: 'TEST_NOTHING',
  category: 'quota',
  summary: 'Returns a blank, or breaks.',
  params: [number('n', 'What to do.')],
  result: 'aggregate',
  examples: [],
  impl(n) {
    if (n === 1) throw new TypeError('cannot read properties of undefined');
    return null;
  },
});

const ratio = excelFunction(RATIO, CF);
const echo = excelFunction(ECHO, CF);
const nothing = excelFunction(NOTHING, CF);

function thrown(fn: () => unknown): FakeCustomFunctionsError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(FakeCustomFunctionsError);
    return error as FakeCustomFunctionsError;
  }
  throw new Error('expected a CustomFunctions.Error to be thrown');
}

describe('Excel arguments', () => {
  it('reads ranges as 2D arrays and ignores the invocation object Excel appends', () => {
    expect(ratio([[10], [30]], [[4], [5]], null, fakeInvocation('TEST_RATIO'))).toEqual([[2.5], [6]]);
  });

  it('broadcasts a single cell, which Excel passes to a matrix parameter as [[value]]', () => {
    expect(ratio([[10], [30]], [[10]], null, fakeInvocation('TEST_RATIO'))).toEqual([[1], [3]]);
  });

  it('treats an omitted optional argument (null) as left out, so the default applies', () => {
    expect(ratio([[10]], [[4]], null)).toEqual([[2.5]]);
    expect(ratio([[10]], [[4]], 2)).toEqual([[5]]);
    expect(echo([['a']], null, null, null)).toBe('a|none|true|short');
  });

  it('treats an empty cell (null, as Excel on the web passes it) as blank: a blank row gives a blank result', () => {
    expect(ratio([[10], [null], [30]], [[4], [null], [5]], null)).toEqual([[2.5], [''], [6]]);
    expect(echo([['a'], [null], ['b']], null, null, null)).toBe('a,(blank),b|none|true|short');
  });

  it('cannot tell an empty cell that Excel desktop passes as 0 from a real 0 (documented limitation)', () => {
    const cell = ratio([[10], [20]], [[4], [0]], null) as unknown[][];
    expect(cell[1][0]).toEqual(new FakeCustomFunctionsError('#DIV/0!', 'bottom is 0 in row 2 of bottom'));
  });

  it('passes date serials through unchanged, and scalar kinds as Excel gives them', () => {
    expect(echo([['Won']], 46112, false, 'LONG')).toBe('won|46112|false|long');
  });

  it('leaves Excel\'s argument arrays as they were (ranges are read without copying)', () => {
    const top = [[10], [null], [30]];
    const bottom = [[4], [null], [0]];
    const before = JSON.stringify([top, bottom]);
    ratio(top, bottom, null);
    expect(JSON.stringify([top, bottom])).toBe(before);
  });

  it('reads a data-type cell by its plain value', () => {
    const entity = { type: 'Entity', text: 'Acme Corp', properties: {} };
    const formatted = { type: 'FormattedNumber', basicValue: 4, numberFormat: '0.0' };
    expect(echo([[entity]], null, null, null)).toBe('acme corp|none|true|short');
    expect(ratio([[formatted]], [[2]], null)).toEqual([[2]]);
  });
});

describe('Excel messages name the cell', () => {
  const top = [[1], [2], [3]];
  const bottom = [[5], [0], [-1]];
  const messages = (invocation: object) => (ratio(top, bottom, null, invocation) as { message: string }[][]).map((row) => row[0].message);

  it('from the argument addresses Excel passes: the sheet only when it is not the calling cell\'s', () => {
    expect(messages(fakeInvocation('TEST_RATIO', ['Sheet1!A2:A4', 'Sheet1!$C$6:$C$8', '']))).toEqual([
      undefined,
      'bottom is 0 in C7',
      'bottom is negative in C8',
    ]);
    expect(messages(fakeInvocation('TEST_RATIO', ['Sheet1!A2:A4', "'Q1 plan'!B10:B12", '']))).toEqual([
      undefined,
      "bottom is 0 in 'Q1 plan'!B11",
      "bottom is negative in 'Q1 plan'!B12",
    ]);
  });

  it('by its row within the argument when Excel gives no address (a literal array)', () => {
    expect(messages(fakeInvocation('TEST_RATIO', ['Sheet1!A2:A4', '', '']))[1]).toBe('bottom is 0 in row 2 of bottom');
    expect(messages({})[2]).toBe('bottom is negative in row 3 of bottom');
  });
});

describe('Excel results', () => {
  it('marks one bad row with a CustomFunctions.Error carrying the code and the explanation', () => {
    const result = ratio([[1], [2], [3], [4], [5]], [[0], [-1], [13], [7], [5]], null);
    expect(result).toEqual([
      [new FakeCustomFunctionsError('#DIV/0!', 'bottom is 0 in row 1 of bottom')],
      [new FakeCustomFunctionsError('#NUM!', 'bottom is negative in row 2 of bottom')],
      [new FakeCustomFunctionsError('#N/A', 'bottom 13 is unlucky in row 3 of bottom')],
      [new FakeCustomFunctionsError('#VALUE!', 'bottom 7 is not allowed in row 4 of bottom')],
      [1],
    ]);
    for (const row of (result as unknown[][]).slice(0, 4)) expect(row[0]).toBeInstanceOf(FakeCustomFunctionsError);
  });

  it('maps each core error code to the matching CustomFunctions.ErrorCode', () => {
    const codes = (ratio([[1], [1], [1], [1]], [[0], [-1], [13], [7]], null) as FakeCustomFunctionsError[][]).map((r) => r[0].code);
    expect(codes).toEqual([CF.ErrorCode.divisionByZero, CF.ErrorCode.invalidNumber, CF.ErrorCode.notAvailable, CF.ErrorCode.invalidValue]);
  });

  it('throws a CustomFunctions.Error with the message when the whole call fails', () => {
    expect(thrown(() => ratio([[1], [2]], [[1], [2], [3]], null))).toEqual(
      new FakeCustomFunctionsError(
        '#VALUE!',
        'top is 2 rows × 1 column but bottom is 3 rows × 1 column: give ranges of the same size, or a single cell to use for every row',
      ),
    );
    expect(thrown(() => echo([['a']], null, null, 'long'))).toEqual(new FakeCustomFunctionsError('#N/A', 'long mode needs a date'));
  });

  it('refuses a wrong scalar with the core\'s own message (scalars are declared "any")', () => {
    expect(thrown(() => ratio([[1]], [[2]], 'double'))).toEqual(new FakeCustomFunctionsError('#VALUE!', 'scale "double" is not a number'));
    expect(thrown(() => echo([['a']], null, 'perhaps', null))).toEqual(
      new FakeCustomFunctionsError('#VALUE!', 'flag "perhaps" is not TRUE or FALSE'),
    );
    expect(thrown(() => echo([['a']], 'soon', null, null))).toEqual(
      new FakeCustomFunctionsError('#VALUE!', 'when "soon" is not a date: use a date cell or text like 2026-03-31'),
    );
  });

  it('raises a single-cell error result as the formula\'s error', () => {
    expect(thrown(() => ratio(5, 0, null))).toEqual(new FakeCustomFunctionsError('#DIV/0!', 'bottom is 0'));
  });

  it('spills a per-row result even for one cell, and shows a blank as an empty string', () => {
    expect(ratio(5, 2, null)).toEqual([[2.5]]);
    expect(nothing(0)).toBe('');
  });

  it('turns an unexpected failure into #VALUE! naming the function instead of a bare exception', () => {
    expect(thrown(() => nothing(1))).toEqual(
      new FakeCustomFunctionsError('#VALUE!', 'TEST_NOTHING failed unexpectedly: cannot read properties of undefined'),
    );
  });
});
