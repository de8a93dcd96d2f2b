import { call, callError, cellError, column } from '../support/call';

/** Tiers {0, 4%; 150000, 6%}: C(x) = 4% of x up to 150000, then 6000 + 6% of the rest. */
const TIERS = [
  [0, 0.04],
  [150000, 0.06],
];
/** Tiers as shares of quota: 8% to quota, 12% to 125%, 15% beyond. */
const PLAN = [
  [0, 0.08],
  [1, 0.12],
  [1.25, 0.15],
];
const CURVE = [
  [0.5, 0],
  [1, 1],
  [1.5, 2],
];

describe('COMMISSION', () => {
  it('reads the method whatever its case and spacing', () => {
    // 200000: 150000 × 4% + 50000 × 6% = 9000 marginal; 200000 × 6% = 12000 retroactive.
    expect(call('COMMISSION', 200000, TIERS, '  Marginal ')).toBe(9000);
    expect(call('COMMISSION', 200000, TIERS, 'RETROACTIVE')).toBe(12000);
    expect(call('COMMISSION', 200000, TIERS, '')).toBe(9000);
  });

  it('refuses an unknown method, listing the choices', () => {
    const error = callError('COMMISSION', 200000, TIERS, 'tiered');
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('method "tiered" is not one of: marginal, retroactive');
  });

  it('gives blank rows blanks and leaves trailing blank rows off an open range', () => {
    // 0 → 0; 100000 × 4% = 4000.
    expect(call('COMMISSION', column(0, null, 100000, null, null), TIERS)).toEqual([[0], [''], [4000]]);
    expect(call('COMMISSION', column(null, null), TIERS)).toEqual([['']]);
  });

  it('works along a row of amounts', () => {
    // 50000 × 4% = 2000; 150000 × 4% = 6000 (a bound is reached exactly).
    expect(call('COMMISSION', [[50000, 150000]], TIERS)).toEqual([[2000, 6000]]);
  });

  it('treats a refund as negative commission at the base rate, never NaN', () => {
    // −5000 × 4% = −200, by either method.
    expect(call('COMMISSION', -5000, TIERS)).toBe(-200);
    expect(call('COMMISSION', -5000, TIERS, 'retroactive')).toBe(-200);
  });

  it('takes back a refund from what was credited: C(prior + amount) − C(prior)', () => {
    // prior 160000, refund 20000: C(140000) − C(160000) = 5600 − (6000 + 600) = −1000.
    expect(call('COMMISSION', -20000, TIERS, null, 160000)).toBeCloseTo(-1000, 9);
    // Retroactive: 140000 × 4% − 160000 × 6% = 5600 − 9600 = −4000 (the uplift is lost too).
    expect(call('COMMISSION', -20000, TIERS, 'retroactive', 160000)).toBeCloseTo(-4000, 9);
    // A refund larger than everything credited keeps the base rate below 0: C(−5000) − C(10000) = −200 − 400.
    expect(call('COMMISSION', -15000, TIERS, null, 10000)).toBeCloseTo(-600, 9);
  });

  it('reads prior per row, a blank prior meaning nothing credited yet', () => {
    // Row 1: C(165000) − C(145000) = 6900 − 5800 = 1100. Row 2: blank prior, C(20000) = 800.
    // Row 3: prior past the top bound: 10000 × 6% = 600.
    expect(call('COMMISSION', column(20000, 20000, 10000), TIERS, null, column(145000, null, 200000))).toEqual([
      [expect.closeTo(1100, 9)],
      [800],
      [expect.closeTo(600, 9)],
    ]);
  });

  it('marks an unreadable prior in its row only, and refuses an unreadable single prior once', () => {
    const result = call('COMMISSION', column(1000, 1000), TIERS, null, column(0, 'lots'));
    expect(result).toEqual([[40], ['#VALUE!']]);
    expect(cellError('COMMISSION', 1, 0, column(1000, 1000), TIERS, null, column(0, 'lots')).message).toBe(
      'prior "lots" in row 2 of prior is not a number',
    );
    expect(callError('COMMISSION', column(1000, 1000), TIERS, null, 'lots').message).toBe('prior "lots" is not a number');
  });

  it('reads bounds as shares of quota, a bound reached exactly counting as reached', () => {
    // 500000 of 500000 is 100%: marginal 500000 × 8% = 40000; retroactive 500000 × 12% = 60000.
    expect(call('COMMISSION', 500000, PLAN, null, null, 500000)).toBe(40000);
    expect(call('COMMISSION', 500000, PLAN, 'retroactive', null, 500000)).toBe(60000);
    // With prior 400000 (80%), 250000 more reaches 130%: C(650000) − C(400000) = 58750 − 32000.
    expect(call('COMMISSION', 250000, PLAN, null, 400000, 500000)).toBeCloseTo(26750, 6);
  });

  it('marks a zero or negative quota in its row only', () => {
    expect(call('COMMISSION', column(100, 100, 100), PLAN, null, null, column(1000, 0, -5))).toEqual([
      [8],
      ['#DIV/0!'],
      ['#NUM!'],
    ]);
    expect(cellError('COMMISSION', 1, 0, column(100, 100, 100), PLAN, null, null, column(1000, 0, -5)).message).toBe(
      'quota is 0 in row 2 of quota',
    );
    expect(cellError('COMMISSION', 2, 0, column(100, 100, 100), PLAN, null, null, column(1000, 0, -5)).message).toBe(
      'quota -5 in row 3 of quota is negative',
    );
  });

  it('flags a half-filled row: an amount without its quota', () => {
    expect(cellError('COMMISSION', 1, 0, column(100, 200), PLAN, null, null, column(1000, null)).message).toBe(
      'quota is blank in row 2 of quota while the row has other values',
    );
  });

  it('marks one unreadable amount without spoiling the column', () => {
    expect(call('COMMISSION', column(1000, 'n/a', '2000'), TIERS)).toEqual([[40], ['#VALUE!'], [80]]);
    expect(cellError('COMMISSION', 1, 0, column(1000, 'n/a'), TIERS).message).toBe('amount "n/a" in row 2 of amount is not a number');
  });

  it('names both arguments and their sizes on a shape mismatch', () => {
    const error = callError('COMMISSION', column(1, 2, 3), PLAN, null, null, column(1, 2));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('amount is 3 rows × 1 column');
    expect(error.message).toContain('quota is 2 rows × 1 column');
  });

  it('reads a tier table with a header row, blank rows and percentages as text', () => {
    const table = [['Lower bound', 'Rate'], [0, '4%'], [null, null], ['150000', ' 6% '], [null, null]];
    expect(call('COMMISSION', 200000, table)).toBeCloseTo(9000, 9);
  });

  it('finds the tier in a long table', () => {
    // Bounds 0, 10, …, 90 at 1%, 2%, …, 10%; 55 earns 10 × (1% + 2% + 3% + 4% + 5%) + 5 × 6% = 1.8.
    const table = Array.from({ length: 10 }, (_, k) => [10 * k, (k + 1) / 100]);
    expect(call('COMMISSION', 55, table)).toBeCloseTo(1.8, 12);
    expect(call('COMMISSION', 55, table, 'retroactive')).toBeCloseTo(3.3, 12);
  });

  describe('refuses a tier table it cannot trust, naming the row', () => {
    const cases: [string, unknown[][], string, string][] = [
      ['a rate typed as a percentage', [[0, 0.1], [100, 12]], '#NUM!', 'rate 12 in row 2, column 2 of tiers is above 100%: enter 12% or 0.12'],
      ['a negative rate', [[0, -0.1]], '#NUM!', 'rate -0.1 in column 2 of tiers is negative'],
      [
        'a first bound above 0',
        [['From', 'Rate'], [100, 0.1]],
        '#VALUE!',
        'tiers must start at 0, but the first lower bound in row 2, column 1 of tiers is 100: add a first tier with lower bound 0 for the base rate',
      ],
      [
        'bounds out of order',
        [[0, 0.04], [150000, 0.06], [100000, 0.08]],
        '#VALUE!',
        'lower bound 100000 in row 3, column 1 of tiers is not above the bound before it (150000 in row 2, column 1 of tiers): list tiers from the lowest bound up',
      ],
      ['a repeated bound', [[0, 0.04], [0, 0.06]], '#VALUE!', 'lower bound 0 in row 2, column 1 of tiers is not above the bound before it (0 in row 1, column 1 of tiers): list tiers from the lowest bound up'],
      ['a rate left blank', [[0, 0.04], [150000, null]], '#VALUE!', 'rate is blank in row 2, column 2 of tiers'],
      ['a bound that is not a number', [[0, 0.04], ['lots', 0.06]], '#VALUE!', 'lower bound "lots" in row 2, column 1 of tiers is not a number'],
      ['a single column', [[0], [100]], '#VALUE!', 'tiers needs two columns: lower bound, then rate'],
      ['a third column', [[0, 0.04, 'x']], '#VALUE!', 'tiers has a value in column 3 of tiers; it takes two columns: lower bound, then rate'],
      ['only a header', [['From', 'Rate']], '#VALUE!', 'tiers has no rows: give lower bound and rate in two columns'],
    ];
    it.each(cases)('%s', (_what, table, code, message) => {
      const error = callError('COMMISSION', 1000, table as never);
      expect([error.code, error.message]).toEqual([code, message]);
    });

    it('bounds given as amounts while a quota is given', () => {
      const error = callError('COMMISSION', 1000, TIERS, null, null, 500000);
      expect(error.code).toBe('#NUM!');
      expect(error.message).toBe(
        'lower bound 150000 in row 2, column 1 of tiers would be 15000000% of quota: with quota, give bounds as shares of quota (100% or 1), ' +
          'or leave quota out to give them as amounts',
      );
    });
  });

  it('turns an overflow into #NUM! in that row, never Infinity or NaN', () => {
    // 1e308 × 4% is fine; prior 1e308 + 1e308 overflows; a tiny quota makes attainment overflow.
    expect(call('COMMISSION', 1e308, [[0, 0.04]])).toBeCloseTo(4e306, -300);
    expect(call('COMMISSION', column(1e308, 1), TIERS, null, column(1e308, 0))).toEqual([['#NUM!'], [0.04]]);
    expect(cellError('COMMISSION', 0, 0, column(1e308, 1), TIERS, null, column(1e308, 0)).message).toBe(
      'commission on amount 1e+308 in row 1 of amount is too large to compute',
    );
    expect(callError('COMMISSION', 1e308, [[0, 0]], null, null, 1e-300).code).toBe('#NUM!');
  });
});

describe('PAYOUT_CURVE', () => {
  it('pays each point exactly, the first point being the threshold', () => {
    expect(call('PAYOUT_CURVE', column(0.4999, 0.5, 1, 1.5), CURVE)).toEqual([[0], [0], [1], [2]]);
  });

  it('jumps at a threshold whose first point pays', () => {
    // {50%, 50%; 100%, 100%}: 49% pays 0, 50% pays 50%, 75% pays 75%.
    expect(call('PAYOUT_CURVE', column(0.49, 0.5, 0.75), [[0.5, 0.5], [1, 1]])).toEqual([[0], [0.5], [0.75]]);
  });

  it('pays 0 for negative attainment and keeps blank rows blank', () => {
    expect(call('PAYOUT_CURVE', column(-0.2, null, 0.8, null), CURVE)).toEqual([[0], [''], [expect.closeTo(0.6, 12)]]);
  });

  it('never pays below 0 past a falling last segment', () => {
    // {50%, 100%; 100%, 50%}: slope −1 beyond 100%, so 150% pays 0 and 300% still 0.
    expect(call('PAYOUT_CURVE', column(1.2, 1.5, 3), [[0.5, 1], [1, 0.5]])).toEqual([[expect.closeTo(0.3, 12)], [0], [0]]);
  });

  it('applies the cap everywhere, given as text or a fraction', () => {
    expect(call('PAYOUT_CURVE', column(0.8, 1.2, 3), CURVE, '50%')).toEqual([[0.5], [0.5], [0.5]]);
    expect(call('PAYOUT_CURVE', 1e308, CURVE, 2.25)).toBe(2.25);
  });

  it('reads a curve with a header row and blank rows', () => {
    const curve = [['Attainment', 'Payout'], ['50%', '0%'], [null, null], ['100%', '100%']];
    expect(call('PAYOUT_CURVE', 0.75, curve)).toBeCloseTo(0.5, 12);
  });

  it('marks an unreadable attainment in its row only', () => {
    expect(call('PAYOUT_CURVE', column(1, 'high'), CURVE)).toEqual([[1], ['#VALUE!']]);
  });

  it('turns an uncapped overflow into #NUM! asking for a cap', () => {
    const error = cellError('PAYOUT_CURVE', 1, 0, column(1, 1e308), CURVE);
    expect(error.code).toBe('#NUM!');
    expect(error.message).toBe('payout for attainment 1e+308 in row 2 of attainment is too large to compute: give a cap');
  });

  describe('refuses a curve or cap it cannot trust', () => {
    const cases: [string, unknown[][], unknown, string, string][] = [
      ['a single point', [[0.5, 1]], null, '#VALUE!', 'curve needs at least two points (attainment, payout) to draw a line; for a flat payout above a threshold, add a second point with the same payout'],
      ['attainment not ascending', [[0.5, 0], [0.5, 1]], null, '#VALUE!', 'attainment 0.5 in row 2, column 1 of curve is not above the point before it (0.5 in row 1, column 1 of curve): list points from the lowest attainment up'],
      ['percentages typed as numbers', [[50, 0], [100, 100]], null, '#NUM!', 'attainment 50 in row 1, column 1 of curve reads as 5000%: enter 50% or 0.5'],
      ['a payout typed as a number', [[0.5, 0], [1, 100]], null, '#NUM!', 'payout 100 in row 2, column 2 of curve reads as 10000%: enter 100% or 1'],
      ['a negative payout', [[0.5, -0.1], [1, 1]], null, '#NUM!', 'payout -0.1 in row 1, column 2 of curve is negative'],
      ['a negative attainment point', [[-0.5, 0], [1, 1]], null, '#NUM!', 'attainment -0.5 in row 1, column 1 of curve is negative'],
      ['a negative cap', CURVE, -1, '#NUM!', 'cap -1 is negative'],
      ['a cap typed as a number', CURVE, 225, '#NUM!', 'cap 225 reads as 22500%: enter 225% or 2.25'],
    ];
    it.each(cases)('%s', (_what, curve, cap, code, message) => {
      const error = callError('PAYOUT_CURVE', 1, curve as never, cap as never);
      expect([error.code, error.message]).toEqual([code, message]);
    });
  });
});

describe('DRAW_SCHEDULE', () => {
  it('reads a row of periods and still answers one row per period', () => {
    expect(call('DRAW_SCHEDULE', [[1500, 500, 3000]], 2000)).toEqual([
      ['Paid', 'Balance'],
      [2000, 500],
      [2000, 2000],
      [2000, 1000],
    ]);
  });

  it('leaves a blank period blank, carries the balance over and drops trailing blank periods', () => {
    // 1500 → owes 500; blank; 3000 → repays 500, paid 2500.
    expect(call('DRAW_SCHEDULE', column(1500, null, 3000, null, null), 2000)).toEqual([
      ['Paid', 'Balance'],
      [2000, 500],
      ['', ''],
      [2500, 0],
    ]);
  });

  it('answers just the header when there are no periods yet', () => {
    expect(call('DRAW_SCHEDULE', column(null, null), 2000)).toEqual([['Paid', 'Balance']]);
  });

  it('takes recoverable as TRUE/FALSE, text or 1/0', () => {
    const nonRecoverable = [['Paid', 'Balance'], [2000, 0], [3000, 0]];
    expect(call('DRAW_SCHEDULE', column(1500, 3000), 2000, 'false')).toEqual(nonRecoverable);
    expect(call('DRAW_SCHEDULE', column(1500, 3000), 2000, 0)).toEqual(nonRecoverable);
    // Recoverable: 3000 repays the 500 owed, paid 2500.
    expect(call('DRAW_SCHEDULE', column(1500, 3000), 2000, 'TRUE')).toEqual([['Paid', 'Balance'], [2000, 500], [2500, 0]]);
  });

  it('adds negative earnings (chargebacks) to what is owed', () => {
    // −500 earned against a 1000 draw: paid 1000, owes 1500. Then 0 earned: owes 2500.
    expect(call('DRAW_SCHEDULE', column(-500, 0), 1000)).toEqual([['Paid', 'Balance'], [1000, 1500], [1000, 2500]]);
  });

  it('marks a negative draw in its row; later recoverable balances depend on it', () => {
    const result = call('DRAW_SCHEDULE', column(1500, 500, 3000), column(2000, -1, 2000));
    expect(result).toEqual([['Paid', 'Balance'], [2000, 500], ['#NUM!', '#NUM!'], ['#VALUE!', '#VALUE!']]);
    const spec = column(1500, 500, 3000);
    expect(cellError('DRAW_SCHEDULE', 2, 0, spec, column(2000, -1, 2000)).message).toBe('draw -1 in row 2 of draw is negative');
    expect(cellError('DRAW_SCHEDULE', 3, 1, spec, column(2000, -1, 2000)).message).toBe(
      'the draw balance in row 3 depends on row 2, which has an error',
    );
    // Non-recoverable periods stand alone.
    expect(call('DRAW_SCHEDULE', spec, column(2000, -1, 2000), false)).toEqual([
      ['Paid', 'Balance'],
      [2000, 0],
      ['#NUM!', '#NUM!'],
      [3000, 0],
    ]);
  });

  it('refuses a block of several columns, a mismatched draw column and an unreadable draw', () => {
    expect(callError('DRAW_SCHEDULE', [[1, 2], [3, 4]], 2000).message).toBe(
      'earned is 2 rows × 2 columns: give one column (or one row) of periods, in order',
    );
    const mismatch = callError('DRAW_SCHEDULE', column(1, 2, 3), column(1, 2));
    expect(mismatch.message).toContain('earned is 3 rows × 1 column but draw is 2 rows × 1 column');
    expect(callError('DRAW_SCHEDULE', column(1, 2), 'lots').message).toBe('draw "lots" is not a number');
  });

  it('turns an overflowing balance into #NUM!, never Infinity', () => {
    const result = call('DRAW_SCHEDULE', column(-1e308, -1e308), 1e308);
    expect(result).toEqual([['Paid', 'Balance'], ['#NUM!', '#NUM!'], ['#VALUE!', '#VALUE!']]);
  });
});

describe('CLAWBACK', () => {
  // 46023 is 2026-01-01; 2026-03-02 is 60 days later.
  it('reads dates as serials or text', () => {
    expect(call('CLAWBACK', 1000, 46023, '2026-03-02', 90, 'prorated')).toBeCloseTo(333.333333333, 6);
    expect(call('CLAWBACK', 1000, '2026/01/01', 46083, 90, 'prorated')).toBeCloseTo(333.333333333, 6);
  });

  it('counts whole days, ignoring the time of day', () => {
    // Closed late on day 0, cancelled early next day: 1 day active of 10 → recovers 90%.
    expect(call('CLAWBACK', 1000, 46023.9, 46024.1, 10, 'prorated')).toBeCloseTo(900, 9);
  });

  it('recovers up to and including the last day of the window', () => {
    // Same-day cancel: all of it either way; day 90 of 90: full 1000, prorated 0; day 91: nothing.
    const cancels = column('2026-01-01', '2026-04-01', '2026-04-02');
    expect(call('CLAWBACK', 1000, '2026-01-01', cancels, 90)).toEqual([[1000], [1000], [0]]);
    expect(call('CLAWBACK', 1000, '2026-01-01', cancels, 90, '  Prorated ')).toEqual([[1000], [0], [0]]);
  });

  it('recovers 0 without a cancel date and keeps blank rows blank', () => {
    const result = call('CLAWBACK', column(1000, 500, null), column(46023, 46023, null), column(null, 46030, null), 90);
    expect(result).toEqual([[0], [500]]);
  });

  it('marks a cancel before the close in its row only, naming it', () => {
    const args = [column(1000, 500), column('2026-01-01', '2026-02-01'), column('2026-01-15', '2026-01-15'), 90] as const;
    expect(call('CLAWBACK', ...args)).toEqual([[1000], ['#NUM!']]);
    expect(cellError('CLAWBACK', 1, 0, ...args).message).toBe('cancel date 2026-01-15 in row 2 of cancel_dates is before the close date 2026-02-01 in row 2 of close_dates');
  });

  it('marks text that is not a date in its row', () => {
    const args = [column(1000, 500), 46023, column(46030, 'soon'), 90] as const;
    expect(call('CLAWBACK', ...args)).toEqual([[1000], ['#VALUE!']]);
    expect(cellError('CLAWBACK', 1, 0, ...args).message).toBe(
      'cancel_dates "soon" in row 2 of cancel_dates is not a date: use a date cell or text like 2026-03-31',
    );
  });

  it('refuses a window of 0 or fewer days', () => {
    const error = callError('CLAWBACK', 1000, 46023, 46030, 0);
    expect(error.code).toBe('#NUM!');
    expect(error.message).toBe('window_days 0 must be above 0: give the days after closing during which a cancellation claws back');
    expect(call('CLAWBACK', column(1000, 1000), 46023, 46030, column(90, -5))).toEqual([[1000], ['#NUM!']]);
  });

  it('names both arguments on a shape mismatch', () => {
    const error = callError('CLAWBACK', column(1, 2, 3), column(46023, 46023), null, 90);
    expect(error.message).toContain('commission is 3 rows × 1 column but close_dates is 2 rows × 1 column');
  });
});

describe('SPLIT_CREDIT', () => {
  it('answers in the shape of the splits', () => {
    expect(call('SPLIT_CREDIT', 100000, column(0.6, 0.4))).toEqual([[60000], [40000]]);
    expect(call('SPLIT_CREDIT', 100000, [['60%', '40%']])).toEqual([[60000, 40000]]);
  });

  it('leaves blank splits blank and counts them as 0', () => {
    expect(call('SPLIT_CREDIT', 1000, [[0.5, null, 0.5]])).toEqual([[500, '', 500]]);
    expect(call('SPLIT_CREDIT', 1000, column(0.5, 0.5, null, null))).toEqual([[500], [500]]);
  });

  it('accepts splits that add up to 100% up to rounding', () => {
    // 0.1 + 0.2 + 0.3 + 0.4 is 1.0000000000000002 in floating point.
    expect(call('SPLIT_CREDIT', 100, column(0.1, 0.2, 0.3, 0.4))).toEqual([
      [expect.closeTo(10, 9)],
      [expect.closeTo(20, 9)],
      [expect.closeTo(30, 9)],
      [expect.closeTo(40, 9)],
    ]);
  });

  it('says what the splits add up to when it is not 100%', () => {
    const short = callError('SPLIT_CREDIT', 100000, [[0.6, 0.3]]);
    expect([short.code, short.message]).toEqual(['#NUM!', 'splits add up to 90%, not 100%: correct the splits']);
    const over = callError('SPLIT_CREDIT', 100000, [[0.6, 0.5]]);
    expect(over.message).toBe(
      'splits add up to 110%, not 100%: correct the splits, or set allow_overlay to TRUE if the extra is overlay credit',
    );
  });

  it('lets overlay credit exceed 100% but not fall short', () => {
    expect(call('SPLIT_CREDIT', 1000, [[1, 0.5]], 'TRUE')).toEqual([[1000, 500]]);
    expect(callError('SPLIT_CREDIT', 1000, [[0.5, 0.3]], true).message).toBe(
      'splits add up to 80%: overlay credit may add up to more than 100%, but not less',
    );
  });

  it('refuses a split above 100% or below 0, naming it', () => {
    expect(callError('SPLIT_CREDIT', 1000, [[60, 40]]).message).toBe('split 60 in column 1 of splits is above 100%: enter 60% or 0.6');
    expect(callError('SPLIT_CREDIT', 1000, column(1.2, -0.2)).message).toMatch(/^split 1\.2 in row 1 of splits is above 100%/);
    expect(callError('SPLIT_CREDIT', 1000, column(0.5, -0.2, 0.7)).message).toBe('split -0.2 in row 2 of splits is negative');
    expect(callError('SPLIT_CREDIT', 1000, column(0.5, 'half')).message).toBe('splits "half" in row 2 of splits is not a number');
  });

  it('takes one amount and splits a refund the same way', () => {
    expect(call('SPLIT_CREDIT', -1000, [[0.6, 0.4]])).toEqual([[-600, -400]]);
    expect(callError('SPLIT_CREDIT', column(1, 2), [[0.6, 0.4]]).message).toBe('amount takes a single value, not a range of 2 × 1');
  });
});
