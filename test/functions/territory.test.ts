import { call, callError, cellError, column } from '../support/call';

const HEADER = ['Territory', 'Accounts', 'Total weight', 'Share of mean'];

describe('TERRITORY_BALANCE', () => {
  it('groups names ignoring case and spaces, and numbers with the same number as text', () => {
    // Totals: east 30, west 30 → even.
    expect(call('TERRITORY_BALANCE', column('East', ' EAST ', 'west', 'West'), column(10, 20, 15, 15))).toBe(0);
    expect(call('TERRITORY_BALANCE', column(1, '1', 2), column(10, 20, 30))).toBe(0);
  });

  it('skips blank rows of an open range', () => {
    expect(call('TERRITORY_BALANCE', column('A', null, 'B', null, null), column(10, null, 30, null, null))).toBeCloseTo(0.5, 12);
  });

  it('counts accounts when the weight is a single cell', () => {
    // A has 3 accounts, B 1: mean 2, max deviation 1/2.
    expect(call('TERRITORY_BALANCE', column('A', 'A', 'B', 'A'), 1)).toBeCloseTo(0.5, 12);
    expect(call('TERRITORY_BALANCE', column('A', 'A', 'B', 'A'), 1, 'max_min_ratio')).toBe(3);
  });

  it('computes each measure by hand', () => {
    // Totals 10, 20, 30, 40: mean 25; deviations −15, −5, 5, 15.
    const a = column('A', 'B', 'C', 'D');
    const w = column(10, 20, 30, 40);
    expect(call('TERRITORY_BALANCE', a, w)).toBeCloseTo(0.6, 12);
    // Population variance (225 + 25 + 25 + 225) / 4 = 125; cv = √125 / 25.
    expect(call('TERRITORY_BALANCE', a, w, 'CV')).toBeCloseTo(Math.sqrt(125) / 25, 12);
    // Σ|xi − xj| over ordered pairs = 2 × (10+20+30+10+20+10) = 200; gini = 200 / (2 × 16 × 25) = 0.25.
    expect(call('TERRITORY_BALANCE', a, w, ' gini ')).toBeCloseTo(0.25, 12);
    expect(call('TERRITORY_BALANCE', a, w, 'max_min_ratio')).toBe(4);
  });

  it('is 0 (ratio 1) for a single territory', () => {
    expect(call('TERRITORY_BALANCE', column('A', 'a'), column(5, 7), 'gini')).toBe(0);
    expect(call('TERRITORY_BALANCE', 'A', 5, 'max_min_ratio')).toBe(1);
  });

  it('allows zero weights but not a zero smallest territory for max_min_ratio', () => {
    expect(call('TERRITORY_BALANCE', column('A', 'B'), column(10, 0))).toBe(1);
    const error = callError('TERRITORY_BALANCE', column('A', 'b'), column(10, 0), 'max_min_ratio');
    expect(error.code).toBe('#DIV/0!');
    expect(error.message).toContain('territory "b" has total weight 0');
  });

  it('is #DIV/0! when all weights are 0 or no row has data', () => {
    expect(callError('TERRITORY_BALANCE', column('A', 'B'), column(0, 0)).code).toBe('#DIV/0!');
    expect(callError('TERRITORY_BALANCE', column(null, null), column(null, null)).code).toBe('#DIV/0!');
  });

  it('refuses a negative weight, naming the row', () => {
    const error = callError('TERRITORY_BALANCE', column('A', 'B', 'C'), column(10, -5, 3));
    expect(error.code).toBe('#NUM!');
    expect(error.message).toBe('weight -5 in row 2 of weights is negative');
  });

  it('refuses text weights and half-blank rows, naming the row', () => {
    expect(callError('TERRITORY_BALANCE', column('A', 'B'), column(10, 'lots')).message).toBe('weights "lots" in row 2 of weights is not a number');
    expect(callError('TERRITORY_BALANCE', column('A', 'B'), column(10, null)).message).toBe(
      'weights is blank in row 2 of weights while the row has other values',
    );
    expect(callError('TERRITORY_BALANCE', column('A', null), column(10, 4)).message).toBe(
      'assignments is blank in row 2 of assignments while the row has other values',
    );
  });

  it('refuses a TRUE/FALSE assignment', () => {
    const error = callError('TERRITORY_BALANCE', column('A', true), column(1, 2));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('assignments TRUE in row 2 of assignments is not a territory');
  });

  it('names both arguments on a shape mismatch, and an unknown measure', () => {
    expect(callError('TERRITORY_BALANCE', column('A', 'B', 'C'), column(1, 2)).message).toMatch(
      /assignments is 3 rows × 1 column but weights is 2 rows × 1 column/,
    );
    expect(callError('TERRITORY_BALANCE', column('A'), column(1), 'spread').message).toContain(
      'max_deviation, cv, gini, max_min_ratio',
    );
  });

  it('refuses weights too large to add up instead of returning Infinity', () => {
    const error = callError('TERRITORY_BALANCE', column('A', 'A', 'B'), column(1e308, 1e308, 1));
    expect(error.code).toBe('#NUM!');
  });

  it('handles weights near the largest number without overflow', () => {
    expect(call('TERRITORY_BALANCE', column('A', 'B'), column(1e308, 1e308), 'cv')).toBe(0);
    expect(call('TERRITORY_BALANCE', column('A', 'B'), column(1e308, 5e307), 'cv')).toBeCloseTo(1 / 3, 12);
  });
});

describe('TERRITORY_SUMMARY', () => {
  it('lists territories in order of first appearance with their first spelling', () => {
    expect(call('TERRITORY_SUMMARY', column(' north ', 2, 'NORTH', '2', 'South'), column(10, 20, 30, 40, 20))).toEqual([
      HEADER,
      ['north', 2, 40, 1],
      [2, 2, 60, 1.5],
      ['South', 1, 20, 0.5],
    ]);
  });

  it('skips blank rows and counts accounts with a single-cell weight', () => {
    expect(call('TERRITORY_SUMMARY', column('A', null, 'B', 'A', null), 1)).toEqual([
      HEADER,
      ['A', 2, 2, 4 / 3],
      ['B', 1, 1, 2 / 3],
    ]);
  });

  it('shows just the header when no row has data', () => {
    expect(call('TERRITORY_SUMMARY', column(null, null), column(null, null))).toEqual([HEADER]);
  });

  it('marks the share column #DIV/0! when every total is 0, keeping the counts', () => {
    expect(call('TERRITORY_SUMMARY', column('A', 'B'), column(0, 0))).toEqual([
      HEADER,
      ['A', 1, 0, '#DIV/0!'],
      ['B', 1, 0, '#DIV/0!'],
    ]);
  });

  it('refuses a negative weight naming the row', () => {
    expect(callError('TERRITORY_SUMMARY', column('A', 'B'), column(1, -1)).message).toBe('weight -1 in row 2 of weights is negative');
  });
});

const ACCOUNTS = [
  ['Region', 'Employees', 'Industry', 'Since'],
  ['West', 1500, 'Tech', 46023],
  [' east ', 40, 'retail', '2025-06-01'],
  ['West', -20, 'Retail', 45000],
  [null, null, null, null],
  ['North', '250', 'Tech', null],
];

describe('ASSIGN_BY_RULES', () => {
  it('returns the first matching owner per account, blank rows blank', () => {
    const rules = [
      ['REGION', ' employees ', 'Owner'],
      ['west', '>=1000', 'Ann'],
      ['*', '100-999', 'Bob'],
      ['East', '', ' Cy '],
      [null, null, null],
      ['*', '*', 'Dee'],
    ];
    expect(call('ASSIGN_BY_RULES', ACCOUNTS, rules)).toEqual([['Ann'], ['Cy'], ['Dee'], [''], ['Bob']]);
  });

  it('marks only the unmatched rows #N/A, naming the attributes row', () => {
    const rules = [['Region', 'Owner'], ['West', 'Ann']];
    expect(call('ASSIGN_BY_RULES', ACCOUNTS, rules)).toEqual([['Ann'], ['#N/A'], ['Ann'], [''], ['#N/A']]);
    const error = cellError('ASSIGN_BY_RULES', 1, 0, ACCOUNTS, rules);
    expect(error.code).toBe('#N/A');
    expect(error.message).toMatch(/^no rule matches the account in row 3, column 1 of attributes/);
  });

  it('compares with every operator, numbers written as text included', () => {
    const owner = (pattern: string | number) => call('ASSIGN_BY_RULES', ACCOUNTS, [['Employees', 'Owner'], [pattern, 'X'], ['*', '-']]);
    expect(owner('>40')).toEqual([['X'], ['-'], ['-'], [''], ['X']]);
    expect(owner('> = 40'.replace(/ /g, ''))).toEqual([['X'], ['X'], ['-'], [''], ['X']]);
    expect(owner('<40')).toEqual([['-'], ['-'], ['X'], [''], ['-']]);
    expect(owner('<= 40')).toEqual([['-'], ['X'], ['X'], [''], ['-']]);
    expect(owner('=250')).toEqual([['-'], ['-'], ['-'], [''], ['X']]);
    expect(owner(250)).toEqual([['-'], ['-'], ['-'], [''], ['X']]);
    expect(owner('<>250')).toEqual([['X'], ['X'], ['X'], [''], ['-']]);
  });

  it('reads ranges inclusively, with negative bounds', () => {
    const owner = (pattern: string) => call('ASSIGN_BY_RULES', ACCOUNTS, [['Employees', 'Owner'], [pattern, 'X'], ['*', '-']]);
    expect(owner('40-1500')).toEqual([['X'], ['X'], ['-'], [''], ['X']]);
    expect(owner('-20-40')).toEqual([['-'], ['X'], ['X'], [''], ['-']]);
    expect(owner('-50 - -20')).toEqual([['-'], ['-'], ['X'], [''], ['-']]);
  });

  it('compares dates given as serials or text with date rules', () => {
    // Since: 2026-01-01, 2025-06-01, 45000 (2023-03-15), blank.
    const rules = [['Since', 'Owner'], ['>=2025-01-01', 'Recent'], ['=', 'Unknown'], ['*', 'Old']];
    expect(call('ASSIGN_BY_RULES', ACCOUNTS, rules)).toEqual([['Recent'], ['Recent'], ['Old'], [''], ['Unknown']]);
  });

  it('matches text exactly, ignoring case and spaces; <> and bare <> work on text', () => {
    const rules = [['Industry', 'Region', 'Owner'], ['<>tech', '<>', 'NotTech'], ['TECH', 'north', 'NorthTech'], ['*', '*', 'Rest']];
    expect(call('ASSIGN_BY_RULES', ACCOUNTS, rules)).toEqual([['Rest'], ['NotTech'], ['NotTech'], [''], ['NorthTech']]);
  });

  it('never matches a comparison against text', () => {
    const attributes = [['Size'], ['big'], [10]];
    expect(call('ASSIGN_BY_RULES', attributes, [['Size', 'Owner'], ['>5', 'X'], ['*', '-']])).toEqual([['-'], ['X']]);
  });

  it('returns one value for one account and blank for none', () => {
    expect(call('ASSIGN_BY_RULES', [['Region'], ['West']], [['Region', 'Owner'], ['West', 'Ann']])).toBe('Ann');
    expect(call('ASSIGN_BY_RULES', [['Region']], [['Region', 'Owner'], ['West', 'Ann']])).toBe('');
  });

  it('names a rule column that names no attribute column', () => {
    const error = callError('ASSIGN_BY_RULES', ACCOUNTS, [['Region', 'Segment', 'Owner'], ['West', 'SMB', 'Ann']]);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toBe('rules column "Segment" names no column of attributes (its columns are Region, Employees, Industry, Since)');
  });

  it('refuses rules without an Owner column, with two, or with a blank owner', () => {
    expect(callError('ASSIGN_BY_RULES', ACCOUNTS, [['Region'], ['West']]).message).toContain('needs an Owner column');
    expect(callError('ASSIGN_BY_RULES', ACCOUNTS, [['Owner', 'owner'], ['A', 'B']]).message).toContain('two Owner columns');
    expect(callError('ASSIGN_BY_RULES', ACCOUNTS, [['Region', 'Owner'], ['West', 'A'], ['East', '']]).message).toBe(
      'Owner is blank in row 3, column 2 of rules: every rule needs an owner',
    );
    expect(callError('ASSIGN_BY_RULES', ACCOUNTS, [['Region', 'Owner']]).message).toContain('no rules');
  });

  it('refuses a bad rule cell, naming its row and column', () => {
    const backwards = callError('ASSIGN_BY_RULES', ACCOUNTS, [['Employees', 'Owner'], ['*', 'A'], ['999-100', 'B']]);
    expect(backwards.code).toBe('#VALUE!');
    expect(backwards.message).toBe('the rule in row 3, column 1 of rules for "Employees": "999-100" is a range that runs backwards: write the lower bound first, 100-999');
    const textComparison = callError('ASSIGN_BY_RULES', ACCOUNTS, [['Employees', 'Owner'], ['>=many', 'A']]);
    expect(textComparison.message).toContain('the rule in row 2, column 1 of rules for "Employees": ">=many" compares with text');
    expect(callError('ASSIGN_BY_RULES', ACCOUNTS, [['Employees', 'Owner'], ['<', 'A']]).message).toContain('needs a number or date after <');
  });

  it('refuses an ambiguous attribute header and a headless rule column with rules in it', () => {
    const twice = [['Region', 'region'], ['West', 'East']];
    expect(callError('ASSIGN_BY_RULES', twice, [['Region', 'Owner'], ['West', 'A']]).message).toContain('two columns named "Region"');
    expect(callError('ASSIGN_BY_RULES', ACCOUNTS, [['Region', null, 'Owner'], ['West', '>5', 'A']]).message).toContain(
      'rules column 2 has rules but no header',
    );
    // A headless column with nothing in it (an open range) is fine.
    expect(call('ASSIGN_BY_RULES', [['Region'], ['West']], [['Region', 'Owner', null], ['West', 'Ann', null]])).toBe('Ann');
  });

  it('refuses more work than fits in one call', () => {
    const attributes = [['Region'], ...Array.from({ length: 200_001 }, () => ['West'])];
    const rules = [['Region', 'Owner'], ...Array.from({ length: 100 }, (_, i) => [`R${i}`, 'A'])];
    const error = callError('ASSIGN_BY_RULES', attributes, rules);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toContain('split the accounts into smaller blocks');
  });
});

describe('ROUND_ROBIN', () => {
  it('skips blank items without using a turn, and drops trailing blanks', () => {
    expect(call('ROUND_ROBIN', column('a', null, 'b', '  ', 'c', null, null), column('Ann', 'Bob'))).toEqual([
      ['Ann'],
      [''],
      ['Bob'],
      [''],
      ['Ann'],
    ]);
  });

  it('takes reps as a row, skips blank reps, trims names, keeps numbers', () => {
    expect(call('ROUND_ROBIN', column(1, 2, 3, 4), [[' Ann ', null, 101]])).toEqual([['Ann'], [101], ['Ann'], [101]]);
  });

  it('spills items given as a row in reading order', () => {
    expect(call('ROUND_ROBIN', [['x', 'y', 'z']], column('Ann', 'Bob'))).toEqual([['Ann', 'Bob', 'Ann']]);
  });

  it('returns one rep for one item', () => {
    expect(call('ROUND_ROBIN', 'lead', column('Ann', 'Bob'))).toBe('Ann');
  });

  it('spreads weighted picks (nginx smooth weighted round-robin)', () => {
    // Weights 5, 1, 1 → a a b a c a a (classic nginx example).
    expect(call('ROUND_ROBIN', column(1, 2, 3, 4, 5, 6, 7), column('a', 'b', 'c'), column(5, 1, 1))).toEqual([
      ['a'], ['a'], ['b'], ['a'], ['c'], ['a'], ['a'],
    ]);
  });

  it('never picks a rep with weight 0; fractional weights work', () => {
    expect(call('ROUND_ROBIN', column(1, 2, 3), column('Ann', 'Bob'), column(0, 0.4))).toEqual([['Bob'], ['Bob'], ['Bob']]);
    expect(call('ROUND_ROBIN', column(1, 2, 3, 4), column('Ann', 'Bob'), column('50%', '50%'))).toEqual([['Ann'], ['Bob'], ['Ann'], ['Bob']]);
  });

  it('refuses negative weights naming the rep, and weights adding up to 0', () => {
    const negative = callError('ROUND_ROBIN', column(1, 2), column('Ann', 'Bob'), column(1, -1));
    expect(negative.code).toBe('#NUM!');
    expect(negative.message).toBe('weight -1 for rep "Bob" in row 2 of weights is negative');
    expect(callError('ROUND_ROBIN', column(1, 2), column('Ann', 'Bob'), column(0, 0)).code).toBe('#DIV/0!');
    expect(callError('ROUND_ROBIN', column(1), column('Ann', 'Bob'), column(1e308, 1e308)).code).toBe('#NUM!');
  });

  it('refuses a rep without a weight, and weights shaped unlike reps', () => {
    expect(callError('ROUND_ROBIN', column(1), column('Ann', 'Bob'), column(1, null)).message).toBe(
      'weights is blank in row 2 of weights while the row has other values',
    );
    expect(callError('ROUND_ROBIN', column(1), column('Ann', 'Bob'), column(1, 2, 3)).message).toMatch(
      /reps is 2 rows × 1 column but weights is 3 rows × 1 column/,
    );
  });

  it('refuses no reps and a block of reps', () => {
    expect(callError('ROUND_ROBIN', column(1), column(null, '')).message).toContain('list at least one rep');
    expect(callError('ROUND_ROBIN', column(1), [['Ann', 2], ['Bob', 1]]).message).toContain('one row or one column');
  });
});
