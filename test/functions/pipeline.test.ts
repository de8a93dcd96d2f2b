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
    expect(error.message).toBe('stage "Negotiation" in row 2 of probabilities is not in stage_table');
  });

  it('refuses a probability above 100% and suggests the fix', () => {
    const error = callError('WEIGHTED_PIPELINE', column(1000, 2000), column(0.2, 60));
    expect(error.code).toBe('#NUM!');
    expect(error.message).toBe('probability 60 in row 2 of probabilities is above 100%: enter 60% or 0.6');
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
      'close_dates "next week" in row 2 of close_dates is not a date: use a date cell or text like 2026-03-31',
    );
  });

  it('names both arguments on a shape mismatch', () => {
    const error = callError('WEIGHTED_PIPELINE', column(1, 2, 3), column(0.1, 0.2));
    expect(error.message).toMatch(/amounts is 3 rows × 1 column but probabilities is 2 rows × 1 column/);
  });
});

describe('PIPELINE_COVERAGE', () => {
  it('treats a left-out closed_won as 0', () => {
    expect(call('PIPELINE_COVERAGE', 900, 300)).toBe(3);
  });

  it('says the quota is already met with #N/A', () => {
    const error = callError('PIPELINE_COVERAGE', 100, 500, 600);
    expect(error.code).toBe('#N/A');
    expect(error.message).toContain('quota already met');
  });
});

describe('WIN_RATE', () => {
  it('recognises raw Salesforce and HubSpot labels in any case with spaces', () => {
    expect(call('WIN_RATE', column(' CLOSED WON', 'Closed Lost', 'closedwon', 'closedlost', 'Qualification'))).toBe(0.5);
  });

  it('uses custom labels instead of the defaults', () => {
    expect(call('WIN_RATE', column('Signed', 'Dropped', 'Won', 'Signed'), 'signed', 'dropped')).toBeCloseTo(2 / 3, 12);
  });

  it('is #DIV/0! when no deal has closed', () => {
    expect(callError('WIN_RATE', column('Open', 'Open')).code).toBe('#DIV/0!');
  });
});

describe('STAGE_CONVERSION', () => {
  it('names a stage that is not in the order', () => {
    const error = callError('STAGE_CONVERSION', column('Lead', 'Lost'), column('Lead', 'Won'));
    expect(error.code).toBe('#N/A');
    expect(error.message).toBe('stage "Lost" in row 2 of furthest_stages is not in stage_order');
  });

  it('shows #DIV/0! for the conversion out of a stage nobody reached', () => {
    expect(call('STAGE_CONVERSION', column('lead'), [['Lead', 'Demo', 'Won']])).toEqual([
      ['Stage', 'Reached', 'Conversion to next'],
      ['Lead', 1, 0],
      ['Demo', 0, '#DIV/0!'],
      ['Won', 0, ''],
      ['Overall', '', 0],
    ]);
  });
});

describe('SALES_CYCLE', () => {
  it('names a deal that closed before it started', () => {
    const error = callError('SALES_CYCLE', column('2026-02-01', '2026-03-01'), column('2026-02-10', '2026-02-01'));
    expect(error.code).toBe('#NUM!');
    expect(error.message).toContain('row 2');
  });

  it('leaves out open deals with no close date', () => {
    expect(call('SALES_CYCLE', column('2026-01-01', '2026-01-05'), column('2026-01-11', null))).toBe(10);
  });
});

describe('AVG_DEAL_SIZE', () => {
  it('averages HubSpot closedwon deals', () => {
    expect(call('AVG_DEAL_SIZE', column(100, 300, 1000), column('closedwon', 'closedwon', 'closedlost'))).toBe(200);
  });
});

describe('SALES_VELOCITY and CAC', () => {
  it('refuses a win rate above 100%', () => {
    expect(call('SALES_VELOCITY', 40, 25, 20000, 50)).toBe('#NUM!');
  });

  it('gives #DIV/0! for zero new customers', () => {
    expect(call('CAC', 1000, 0)).toBe('#DIV/0!');
  });
});
