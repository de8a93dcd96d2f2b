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
    expect(cellError('QUOTA_ATTAINMENT', 1, 0, column(10, 20, 30), column(100, 0, 60)).message).toBe('quota is 0 in row 2 of quota');
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
    expect(error.message).toBe('actual "n/a" in row 2 of actual is not a number');
  });

  it('reads a blank actual next to a quota as nothing booked yet (0%), as =B2/C2 does', () => {
    expect(call('QUOTA_ATTAINMENT', column(5, null, null), column(10, 20, null))).toEqual([[0.5], [0]]);
  });

  it('flags a half-filled row instead of guessing: an actual without its quota', () => {
    expect(cellError('QUOTA_ATTAINMENT', 1, 0, column(5, 7), column(10, null)).message).toBe(
      'quota is blank in row 2 of quota while the row has other values',
    );
  });

  it('works along a row as well as down a column', () => {
    expect(call('QUOTA_ATTAINMENT', [[10, 20]], [[20, 40]])).toEqual([[0.5, 0.5]]);
  });
});

describe('QUOTA_ATTAINMENT_RATE', () => {
  it('leaves out reps without a quota and counts a blank actual as 0', () => {
    // reps with a quota: 100/100 (at), blank/100 (0%), 95/100 (below) → 1 of 3
    expect(call('QUOTA_ATTAINMENT_RATE', column(100, null, 95, 500), column(100, 100, 100, null))).toBeCloseTo(1 / 3, 12);
  });

  it('counts exactly-at-threshold reps as at quota', () => {
    expect(call('QUOTA_ATTAINMENT_RATE', column(90, 89.99), column(100, 100), 0.9)).toBe(0.5);
  });

  it('refuses a threshold typed as a whole percentage', () => {
    expect(callError('QUOTA_ATTAINMENT_RATE', column(1), column(1), 90).message).toContain('enter 90% or 0.9');
  });

  it('is #DIV/0! when no rep has a quota', () => {
    expect(callError('QUOTA_ATTAINMENT_RATE', column(1, 2), column(null, null)).code).toBe('#DIV/0!');
  });
});

describe('PRORATED_QUOTA', () => {
  it('counts both ends of the period and of the active dates', () => {
    // active 2026-01-10..2026-01-19 is 10 of 31 January days
    expect(call('PRORATED_QUOTA', 31000, '2026-01-01', '2026-01-31', '2026-01-10', '2026-01-19')).toBe(10000);
  });

  it('works per rep with blank leave dates meaning still active', () => {
    expect(
      call('PRORATED_QUOTA', 90000, '2026-01-01', '2026-03-31', column('2026-01-01', '2026-03-02'), column(null, null)),
    ).toEqual([[90000], [30000]]);
  });

  it('refuses a period that ends before it starts', () => {
    expect(call('PRORATED_QUOTA', 1, '2026-03-31', '2026-01-01', '2026-01-01')).toBe('#NUM!');
  });

  it('refuses text that is not a date', () => {
    expect(call('PRORATED_QUOTA', 1, 'Q1', '2026-03-31', '2026-01-01')).toBe('#VALUE!');
  });
});

describe('RAMPED_QUOTA', () => {
  it('reads the ramp down a column as well as along a row', () => {
    expect(call('RAMPED_QUOTA', 1000, 3, column(0.1, 0.2, 0.3))).toBe(300);
  });

  it('refuses a ramp step above 100%', () => {
    expect(callError('RAMPED_QUOTA', 1000, 1, [[25, 50]]).message).toContain('above 100%');
  });
});

describe('ALLOCATE_QUOTA', () => {
  it('rounds to cents by default and still adds up exactly', () => {
    const shares = call('ALLOCATE_QUOTA', 100, column(1, 1, 1)) as number[][];
    expect(shares).toEqual([[33.34], [33.33], [33.33]]);
  });

  it('gives blank weights a blank share', () => {
    expect(call('ALLOCATE_QUOTA', 90, column(1, null, 2), 1)).toEqual([[30], [''], [60]]);
  });

  it('refuses negative and all-zero weights', () => {
    expect(callError('ALLOCATE_QUOTA', 100, column(1, -1)).code).toBe('#NUM!');
    expect(callError('ALLOCATE_QUOTA', 100, column(0, 0)).code).toBe('#DIV/0!');
  });

  it('refuses a target that is not a whole number of round_to units', () => {
    expect(callError('ALLOCATE_QUOTA', 1050, column(1, 1), 100).message).toContain('not a multiple of round_to 100');
  });
});
