import { call, callError, column } from '../support/call';

const stageTable = [
  ['Stage', 'Probability'],
  ['Discovery', 0.2],
  ['Proposal', 0.5],
  [null, null],
];

describe('WEIGHTED_PIPELINE', () => {
  it('skips blank rows of an open range', () => {
    expect(call('WEIGHTED_PIPELINE', column(1000, null, 3000, null), column(0.5, null, 0.1, null))).toBe(800);
  });

  it('matches stage names ignoring case and spaces, skipping the table header and blank rows', () => {
    expect(call('WEIGHTED_PIPELINE', column(1000, 3000), column('  discovery', 'PROPOSAL '), stageTable)).toBe(1700);
  });

  it('names an unknown stage with #N/A', () => {
    const error = callError('WEIGHTED_PIPELINE', column(1000, 2000), column('Discovery', 'Negotiation'), stageTable);
    expect(error.code).toBe('#N/A');
    expect(error.message).toBe('stage "Negotiation" in row 2 is not in stage_table');
  });

  it('refuses a probability above 100% and suggests the fix', () => {
    const error = callError('WEIGHTED_PIPELINE', column(1000, 2000), column(0.2, 60));
    expect(error.code).toBe('#NUM!');
    expect(error.message).toBe('probability 60 in row 2 is above 100%: enter 60% or 0.6');
  });

  it('refuses a stage table probability above 100%', () => {
    const error = callError('WEIGHTED_PIPELINE', 1000, 'Won', [['Won', 100]]);
    expect(error.message).toContain('above 100%');
  });

  it('says to give the stage table when probabilities are stage names', () => {
    expect(callError('WEIGHTED_PIPELINE', 1000, 'Proposal').message).toContain('give the stage table');
  });

  it('counts only deals closing inside the period, inclusive at both ends, with dates as serials or text', () => {
    // 2026-01-01 = 46023, 2026-03-31 = 46112
    const amounts = column(100, 200, 400, 800);
    const closes = column(46022, '2026-01-01', 46112, '2026-04-01');
    expect(call('WEIGHTED_PIPELINE', amounts, 1, null, closes, '2026-01-01', 46112)).toBe(600);
  });

  it('refuses a period without close dates, and close dates that are not dates', () => {
    expect(callError('WEIGHTED_PIPELINE', 100, 1, null, null, 46023).message).toContain('needs close_dates');
    expect(callError('WEIGHTED_PIPELINE', column(100, 50), 1, null, column(46023, 'next week'), 46023).message).toBe(
      'close_dates "next week" in row 2 is not a date: use a date cell or text like 2026-03-31',
    );
  });

  it('names both arguments on a shape mismatch', () => {
    const error = callError('WEIGHTED_PIPELINE', column(1, 2, 3), column(0.1, 0.2));
    expect(error.message).toMatch(/amounts is 3 rows × 1 column but probabilities is 2 rows × 1 column/);
  });
});
