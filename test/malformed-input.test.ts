/**
 * Arguments no spreadsheet sends but a forged call can (google.script.run, the
 * Excel runtime's console): each one is a #VALUE! naming the argument, never
 * "failed unexpectedly".
 */
import type { HostArg } from '../core';
import { callError } from './support/call';

const throwing = (what: string) => ({
  toString() {
    throw new Error(`${what} cannot be read`);
  },
  get basicValue(): never {
    throw new Error(`${what} cannot be read`);
  },
});

describe('malformed arguments are a #VALUE! that names the argument', () => {
  it.each<[string, string, HostArg[], RegExp]>([
    ['a row that is null', 'QUOTA_ATTAINMENT', [[[1], null] as unknown as HostArg, 1], /^actual is not a range of cells: its row 2 is not a row$/],
    ['a first row that is null', 'QUOTA_ATTAINMENT', [[null, [1]] as unknown as HostArg, 1], /^actual is not a range of cells: its row 1 is not a row$/],
    ['a row that is a number, read as a label', 'WIN_RATE', [[['Won'], 7] as unknown as HostArg], /^outcomes is not a range of cells: its row 2/],
    ['a row that is a number, read as a probability', 'WEIGHTED_PIPELINE', [[[1], [2]], [[0.5], 7] as unknown as HostArg], /^probabilities is not a range of cells: its row 2/],
    ['a hole for a row', 'QUOTA_ATTAINMENT', [1, [[1], , [2]] as unknown as HostArg], /^quota is not a range of cells: its row 2 is not a row$/],
    ['a row that is a number', 'WEIGHTED_PIPELINE', [[[1], 5] as unknown as HostArg, 0.5], /^amounts is not a range of cells: its row 2/],
    ['a row that is text', 'WIN_RATE', ['Won' as unknown as HostArg].map((x) => [x]) as unknown as HostArg[], /^outcomes is not a range of cells: its row 1/],
    ['ragged rows in a table', 'COMMISSION', [100, [[0, 0.1], [1000]]], /^tiers has rows of different lengths: row 2 has 1 cells, row 1 has 2$/],
    ['ragged rows in a per-row range', 'TERRITORY_BALANCE', [[['A', 'B'], ['C']], 1], /^assignments has rows of different lengths/],
    ['a cell that is an object', 'QUOTA_ATTAINMENT', [[[{ amount: 5 }]] as unknown as HostArg, 10], /^actual holds a cell that cannot be read/],
    ['a cell whose reading throws', 'WIN_RATE', [[['Won'], [throwing('outcome')]] as unknown as HostArg], /^outcomes holds a cell that cannot be read/],
    ['a single value whose reading throws', 'CAC', [throwing('cost') as unknown as HostArg, 5], /^sales_marketing_cost holds a cell that cannot be read/],
    ['a table cell whose reading throws', 'PAYOUT_CURVE', [1, [[0.5, 0], [1, throwing('payout')]] as unknown as HostArg], /^curve holds a cell that cannot be read/],
  ])('%s', (_what, name, args, message) => {
    const error = callError(name, ...args);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(message);
  });

  it('a row whose cells throw when looked at', () => {
    const row: unknown[] = [];
    Object.defineProperty(row, 0, { get: () => { throw new Error('no'); }, enumerable: true });
    Object.defineProperty(row, 'length', { value: 1 });
    const error = callError('QUOTA_ATTAINMENT', [[5], row] as unknown as HostArg, [[10], [10]]);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^actual holds a cell that cannot be read in its row 2/);
  });

  it('counts every row of a ragged argument against the size guard instead of rows × the first row', () => {
    const wide = new Array(3_000_000).fill(1);
    const error = callError('ASSIGN_BY_RULES', [['Region'], wide] as unknown as HostArg, [['Region', 'Owner'], ['*', 'Ann']]);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^attributes has rows of different lengths/);
    const tall = Array.from({ length: 2_000_001 }, () => [1]);
    expect(callError('QUOTA_ATTAINMENT', tall, 1).message).toMatch(/^actual has 2,000,001 cells; QUOTA_ATTAINMENT takes at most 2,000,000/);
  });

  it('reads an empty range as a blank, as the hosts pass an empty argument', () => {
    expect(callError('QUOTA_ATTAINMENT', [[5]], []).message).toBe('quota is blank while the row has other values');
  });
});

describe('messages quote what the user typed at most 40 characters long', () => {
  const long = `${'Negotiation '.repeat(1000)}!`;
  it.each<[string, string, HostArg[]]>([
    ['a stage not in the stage table', 'WEIGHTED_PIPELINE', [[[1]], [[long]], [['Won', 1]]]],
    ['a stage not in the order', 'STAGE_CONVERSION', [[[long]], [['Lead'], ['Won']]]],
    ['a forecast category', 'FORECAST_ROLLUP', [[[1]], [[long]]]],
    ['a won label that matches nothing', 'WIN_RATE', [[['Open']], long, long]],
    ['text where a number belongs', 'QUOTA_ATTAINMENT', [[[long]], 1]],
  ])('%s', (_what, name, args) => {
    const message = callError(name, ...args).message;
    expect(message).toContain('"Negotiation Negotiation Negotiation N..."');
    expect(message.length).toBeLessThan(200);
  });
});
