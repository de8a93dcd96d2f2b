/** core/ramp.ts: reading a ramp schedule and the factor for a month in seat. */
import { FormulaError } from '../../core';
import { rampFactor, readRamp as readRampTable } from '../../core/ramp';
import { Table } from '../../core/ranges';
import type { Matrix } from '../../core/values';

const readRamp = (cells: Matrix, name = 'ramp') => readRampTable(new Table(name, cells));
const schedule = (cells: Matrix) => Array.from(readRamp(cells));

function thrown(run: () => unknown): FormulaError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

describe('readRamp', () => {
  it('reads a row or a column of fractions for months 1, 2, …', () => {
    expect(schedule([[0.25, 0.5, 0.75]])).toEqual([0.25, 0.5, 0.75]);
    expect(schedule([[0.25], [0.5], [0.75]])).toEqual([0.25, 0.5, 0.75]);
    expect(schedule([[0.4]])).toEqual([0.4]);
  });

  it('accepts percent text and skips blanks at the end of an open range', () => {
    expect(schedule([['25%'], [' 50 % '], [null], [''], ['  ']])).toEqual([0.25, 0.5]);
    expect(schedule([[0.1, 1, null, '']])).toEqual([0.1, 1]);
  });

  it('treats an all-blank range as an empty schedule (fully ramped from month 1)', () => {
    expect(schedule([[null], ['']])).toEqual([]);
    expect(schedule([])).toEqual([]);
  });

  it('refuses a blank inside the schedule, naming the month', () => {
    const error = thrown(() => readRamp([[0.25], [null], [0.75]]));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^ramp is blank for month 2/);
  });

  it('refuses a value above 100% with the fix, and a negative value, naming the month', () => {
    const above = thrown(() => readRamp([[0.25, 50, 0.75]]));
    expect(above.code).toBe('#NUM!');
    expect(above.message).toBe('ramp 50 for month 2 is above 100%: enter 50% or 0.5');
    const negative = thrown(() => readRamp([[0.25, 0.5, -0.1]], 'ramp_schedule'));
    expect(negative.code).toBe('#NUM!');
    expect(negative.message).toBe('ramp_schedule -0.1 for month 3 is negative');
  });

  it('refuses text and booleans, naming the month', () => {
    expect(thrown(() => readRamp([['a lot']])).message).toBe('ramp "a lot" for month 1 is not a number');
    expect(thrown(() => readRamp([[0.5, true]])).message).toBe('ramp TRUE for month 2 is not a number');
  });

  it('names the cell too when the host tells where the schedule is', () => {
    const error = thrown(() => readRampTable(new Table('ramp', [[0.25, 50, 0.75]], () => ({ sheet: 'Ramp', row: 1, col: 1 }))));
    expect(error.message).toBe('ramp 50 for month 2 in Ramp!C2 is above 100%: enter 50% or 0.5');
  });

  it('refuses a block of several rows and columns', () => {
    const error = thrown(() => readRamp([[0.25, 0.5], [0.75, 1]]));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('one row or one column');
  });
});

describe('rampFactor', () => {
  const ramp = readRamp([[0.25, 0.5, 0.75]]);

  it('is the schedule entry for months 1..n and 1 after the schedule ends', () => {
    expect([1, 2, 3, 4, 12, 1e308].map((m) => rampFactor(ramp, m))).toEqual([0.25, 0.5, 0.75, 1, 1, 1]);
  });

  it('counts a fractional month as the month it falls in', () => {
    expect(rampFactor(ramp, 1.99)).toBe(0.25);
    expect(rampFactor(ramp, 3.5)).toBe(0.75);
  });

  it('is 1 for every month of an empty schedule', () => {
    expect(rampFactor(new Float64Array(0), 1)).toBe(1);
  });

  it('returns #NUM! for a month below 1, naming the row when given', () => {
    const zero = rampFactor(ramp, 0);
    expect(zero).toBeInstanceOf(FormulaError);
    expect((zero as FormulaError).code).toBe('#NUM!');
    expect((zero as FormulaError).message).toBe('month in seat 0 is below 1: the first month in seat is month 1');
    const months = { name: 'months', rows: 5, cols: 1, start: () => undefined };
    const inRow = rampFactor(ramp, 0.5, months, 2) as FormulaError;
    expect(inRow.message).toBe('months 0.5 in row 3 of months is below 1: the first month in seat is month 1');
    const onSheet = rampFactor(ramp, 0.5, { ...months, start: () => ({ row: 1, col: 3 }) }, 2) as FormulaError;
    expect(onSheet.message).toBe('months 0.5 in D4 is below 1: the first month in seat is month 1');
    expect((rampFactor(ramp, -3) as FormulaError).code).toBe('#NUM!');
  });

  it('never returns NaN', () => {
    expect((rampFactor(ramp, NaN) as FormulaError).code).toBe('#VALUE!');
  });
});
