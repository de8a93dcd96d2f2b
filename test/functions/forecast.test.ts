import { call, callError, cellError, column } from '../support/call';

describe('FORECAST_ERROR', () => {
  const actuals = column(100, 200, 400);
  const forecasts = column(110, 180, 400);

  it('gives signed and absolute percentage errors per row', () => {
    expect(call('FORECAST_ERROR', actuals, forecasts)).toEqual([[-0.1], [0.1], [0]]);
    expect(call('FORECAST_ERROR', actuals, forecasts, 'ape')).toEqual([[0.1], [0.1], [0]]);
  });

  it('divides by the forecast on request', () => {
    expect(call('FORECAST_ERROR', column(100, 200), column(125, 160), 'pe', 'forecast')).toEqual([[-0.2], [0.25]]);
  });

  it('accepts measure names in any case with spaces', () => {
    expect(call('FORECAST_ERROR', actuals, forecasts, '  BIAS ')).toBeCloseTo(10 / 3, 12);
  });

  it('marks a zero actual as #DIV/0! in that row only', () => {
    expect(call('FORECAST_ERROR', column(0, 100), column(10, 90))).toEqual([['#DIV/0!'], [0.1]]);
    expect(cellError('FORECAST_ERROR', 0, 0, column(0, 100), column(10, 90)).message).toBe('actual is 0 in row 1 of actuals');
  });

  it('refuses mape over a zero actual, naming the row', () => {
    const error = callError('FORECAST_ERROR', column(100, 0), column(90, 5), 'mape');
    expect(error.code).toBe('#DIV/0!');
    expect(error.message).toContain('row 2');
  });

  it('lists the measures when given an unknown one', () => {
    expect(callError('FORECAST_ERROR', 1, 1, 'rmse').message).toBe(
      'measure "rmse" is not one of: pe, ape, mape, wape, bias, tracking_signal',
    );
  });

  it('skips blank rows in aggregates', () => {
    expect(call('FORECAST_ERROR', column(100, null, 200), column(110, null, 180), 'wape')).toBeCloseTo(0.1, 12);
  });

  it('gives #DIV/0! for a tracking signal when every forecast was exact', () => {
    expect(callError('FORECAST_ERROR', column(5, 6), column(5, 6), 'tracking_signal').code).toBe('#DIV/0!');
  });
});

describe('FORECAST_ACCURACY', () => {
  it('never goes below 0', () => {
    expect(call('FORECAST_ACCURACY', column(100), column(500))).toBe(0);
  });
});

describe('RUN_RATE', () => {
  it('refuses more days elapsed than the period has', () => {
    expect(call('RUN_RATE', 100, 91, 90)).toBe('#NUM!');
    expect(call('RUN_RATE', 100, 0, 90)).toBe('#DIV/0!');
  });
});

describe('FORECAST_ROLLUP', () => {
  it('accepts category spellings in any case and names an unknown one', () => {
    expect(call('FORECAST_ROLLUP', column(5, 7), column('best case', ' COMMIT'))).toEqual([
      ['Category', 'Amount'],
      ['Closed', 0],
      ['Commit', 7],
      ['Best Case', 12],
      ['Pipeline', 12],
    ]);
    const error = callError('FORECAST_ROLLUP', column(5, 7), column('Commit', 'Upside'));
    expect(error.code).toBe('#N/A');
    expect(error.message).toContain('"Upside" in row 2');
  });
});
