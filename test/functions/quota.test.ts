import { call, callError, cellError, column } from '../support/call';

describe('QUOTA_ATTAINMENT', () => {
  it('gives a blank for a blank row and leaves trailing blank rows off an open range', () => {
    expect(call('QUOTA_ATTAINMENT', column(50, null, 75, null, null), 100)).toEqual([[0.5], [''], [0.75]]);
  });

  it('is blank when the whole range is blank', () => {
    expect(call('QUOTA_ATTAINMENT', column(null, null), column(null, null))).toEqual([['']]);
  });

  it('marks a zero quota as #DIV/0! in that row only, naming the row', () => {
    expect(call('QUOTA_ATTAINMENT', column(10, 20, 30), column(100, 0, 60))).toEqual([[0.1], ['#DIV/0!'], [0.5]]);
    expect(cellError('QUOTA_ATTAINMENT', 1, 0, column(10, 20, 30), column(100, 0, 60)).message).toBe('quota is 0 in row 2');
  });

  it('refuses a negative quota with #NUM!', () => {
    const error = cellError('QUOTA_ATTAINMENT', 0, 0, column(10), column(-100));
    expect(error.code).toBe('#NUM!');
    expect(error.message).toContain('negative');
  });

  it('names both arguments and their sizes on a shape mismatch', () => {
    const error = callError('QUOTA_ATTAINMENT', column(1, 2, 3), column(1, 2));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('actual is 3 rows × 1 column');
    expect(error.message).toContain('quota is 2 rows × 1 column');
  });

  it('reads numeric text and percentages, and names the row of text that is not a number', () => {
    expect(call('QUOTA_ATTAINMENT', column('90000', ' 50% '), column(100000, 1))).toEqual([[0.9], [0.5]]);
    const error = cellError('QUOTA_ATTAINMENT', 1, 0, column(5, 'n/a'), 10);
    expect(error.message).toBe('actual "n/a" in row 2 is not a number');
  });

  it('flags a half-filled row instead of guessing', () => {
    expect(cellError('QUOTA_ATTAINMENT', 1, 0, column(5, null), column(10, 20)).message).toBe(
      'actual is blank in row 2 while the row has other values',
    );
  });

  it('works along a row as well as down a column', () => {
    expect(call('QUOTA_ATTAINMENT', [[10, 20]], [[20, 40]])).toEqual([[0.5, 0.5]]);
  });
});
