import { call, callError, cellError, column } from '../support/call';

describe('REPS_NEEDED', () => {
  it('rounds up to whole reps, and does not add a rep for rounding noise', () => {
    expect(call('REPS_NEEDED', 10000001, 1000000)).toBe(11);
    // 2400000 / (1000000 × 80%) is exactly 3 reps; 0.7 × 3 reps of 100 is 210.
    expect(call('REPS_NEEDED', 2400000, 1000000, 0.8)).toBe(3);
    expect(call('REPS_NEEDED', 210, 100, 0.7)).toBe(3);
    expect(call('REPS_NEEDED', 0.3, 0.1)).toBe(3);
    // A tiny target still needs one rep.
    expect(call('REPS_NEEDED', 1, 1e10)).toBe(1);
  });

  it('accepts attainment as percent text and works per row, blanks blank', () => {
    expect(call('REPS_NEEDED', column(900, null, 1000), 100, '90%')).toEqual([[10], [''], [12]]);
  });

  it('marks only the bad row: zero quota #DIV/0!, negative values #NUM!', () => {
    expect(call('REPS_NEEDED', column(100, 100, -5, 100), column(10, 0, 10, -10))).toEqual([[10], ['#DIV/0!'], ['#NUM!'], ['#NUM!']]);
    expect(cellError('REPS_NEEDED', 1, 0, column(100, 100), column(10, 0)).message).toBe('quota_per_rep is 0 in row 2 of quota_per_rep');
    expect(cellError('REPS_NEEDED', 1, 0, column(100, -5), 10).message).toBe('target -5 in row 2 of target is negative');
  });

  it('refuses attainment above 100% with the fix, and 0% attainment', () => {
    const above = callError('REPS_NEEDED', 1000, 100, 80);
    expect(above.code).toBe('#NUM!');
    expect(above.message).toBe('expected_attainment 80 is above 100%: enter 80% or 0.8');
    expect(callError('REPS_NEEDED', 1000, 100, 0).code).toBe('#DIV/0!');
  });

  it('needs no reps for a zero target', () => {
    expect(call('REPS_NEEDED', 0, 100, 0.5)).toBe(0);
  });

  it('names both arguments on a shape mismatch, and refuses text', () => {
    expect(callError('REPS_NEEDED', column(1, 2, 3), column(1, 2)).message).toMatch(
      /target is 3 rows × 1 column but quota_per_rep is 2 rows × 1 column/,
    );
    expect(callError('REPS_NEEDED', 'ten million', 100).code).toBe('#VALUE!');
  });

  it('never returns Infinity', () => {
    expect(call('REPS_NEEDED', 1e308, 1e-300)).toBe('#NUM!');
  });
});

describe('TEAM_CAPACITY', () => {
  const ramp = [[0.25, 0.5, 0.75]];

  it('sums quota × ramp × attainment, 100% after the ramp ends, skipping blank rows', () => {
    // 100 × 25% + 200 × 100% + 300 × 50%
    expect(call('TEAM_CAPACITY', column(100, null, 200, 300), column(1, null, 7, 2), ramp)).toBe(375);
  });

  it('reads the ramp down a column with blanks at the end, as percent text', () => {
    expect(call('TEAM_CAPACITY', column(100, 100), column(2, 4), column('50%', '75%', null, null), '50%')).toBe(87.5);
  });

  it('takes expected attainment per rep', () => {
    expect(call('TEAM_CAPACITY', column(100, 100), column(3, 3), ramp, column(1, 0.5))).toBe(112.5);
  });

  it('treats a blank ramp as fully ramped', () => {
    expect(call('TEAM_CAPACITY', column(100, 100), column(1, 2), [[null, null]])).toBe(200);
  });

  it('refuses a month below 1, naming the row', () => {
    const error = callError('TEAM_CAPACITY', column(100, 100), column(1, 0), ramp);
    expect(error.code).toBe('#NUM!');
    expect(error.message).toBe('months_in_seat 0 in row 2 of months_in_seat is below 1: the first month in seat is month 1');
  });

  it('refuses a negative quota, a bad ramp and attainment above 100%', () => {
    expect(callError('TEAM_CAPACITY', column(100, -1), column(1, 2), ramp).message).toBe('quota -1 in row 2 of quotas is negative');
    expect(callError('TEAM_CAPACITY', 100, 1, [[0.25, 50]]).message).toBe('ramp 50 for month 2 is above 100%: enter 50% or 0.5');
    expect(callError('TEAM_CAPACITY', 100, 1, ramp, 85).code).toBe('#NUM!');
  });

  it('refuses a rep with a quota but no month in seat, and mismatched ranges', () => {
    expect(callError('TEAM_CAPACITY', column(100, 100), column(1, null), ramp).message).toBe(
      'months_in_seat is blank in row 2 of months_in_seat while the row has other values',
    );
    expect(callError('TEAM_CAPACITY', column(1, 2), column(1, 2, 3), ramp).message).toMatch(
      /quotas is 2 rows × 1 column but months_in_seat is 3 rows × 1 column/,
    );
  });

  it('is 0 for an empty team', () => {
    expect(call('TEAM_CAPACITY', column(null), column(null), ramp)).toBe(0);
  });
});

describe('RAMP_TIME', () => {
  it('accepts dates as serials or text, skipping blank rows', () => {
    // 2026-01-01 is 46023; 90 and 30 days.
    expect(call('RAMP_TIME', column(46023, null, '2026-03-01'), column('2026-04-01', null, 46112))).toBe(60);
  });

  it('takes the median, and counts a same-day ramp as 0 days', () => {
    expect(call('RAMP_TIME', column(46023, 46023, 46023, 46023), column(46023, 46033, 46123, 46523), 'Median')).toBe(55);
  });

  it('counts calendar days even when the dates carry a time of day', () => {
    expect(call('RAMP_TIME', 46023.9, 46024.1)).toBe(1);
  });

  it('refuses a ramped date before the hire date, naming the row', () => {
    const error = callError('RAMP_TIME', column('2026-01-01', '2026-02-01'), column('2026-03-01', '2026-01-15'));
    expect(error.code).toBe('#NUM!');
    expect(error.message).toBe('ramped date 2026-01-15 in row 2 of ramped_dates is before the hire date 2026-02-01 in row 2 of hire_dates');
  });

  it('refuses text that is not a date, and an unknown statistic', () => {
    expect(callError('RAMP_TIME', column(46023, 'last spring'), column(46100, 46200)).message).toBe(
      'hire_dates "last spring" in row 2 of hire_dates is not a date: use a date cell or text like 2026-03-31',
    );
    expect(callError('RAMP_TIME', 46023, 46100, 'mode').message).toContain('mean, median');
  });

  it('is #DIV/0! with no rows', () => {
    expect(callError('RAMP_TIME', column(null), column(null)).code).toBe('#DIV/0!');
  });
});
