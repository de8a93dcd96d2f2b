/** Forecast quality and projection. */
import { badNumber, divZero, notFound } from '../errors';
import { type NumberRange, inRow } from '../ranges';
import { Rows } from '../rows';
import { choice, defineFunction, labels, numbers, text } from '../spec';
import { type Matrix, describeValue, formatNumber } from '../values';

const PER_ROW_MEASURES = ['pe', 'ape'];

/** Forecast sheets carry forecasts for months whose actuals have not come in: such a row is left out. */
const ACTUALS = numbers('actuals', 'What actually closed; a blank actual is a period not closed yet, left out.', { blank: 'skips-row' });
const MEASURES = [...PER_ROW_MEASURES, 'mape', 'wape', 'bias', 'tracking_signal'];

export const FORECAST_ERROR = defineFunction({
  name: 'FORECAST_ERROR',
  category: 'forecast',
  summary: 'Forecast error, actual − forecast: per row as a percentage (pe, ape) or summed up (mape, wape, bias, tracking_signal).',
  params: [
    ACTUALS,
    numbers('forecasts', 'What was forecast for the same rows.'),
    choice(text('measure', 'pe, ape (per row), mape, wape, bias or tracking_signal (one value).'), 'pe', MEASURES),
    choice(text('denominator', 'Divide by the actual (default) or the forecast.'), 'actual', ['actual', 'forecast']),
  ],
  result: 'per-row or aggregate',
  format: { param: 'measure', formats: { pe: 'percent', ape: 'percent', mape: 'percent', wape: 'percent', bias: 'currency', tracking_signal: 'decimal' } },
  examples: [
    { args: [90000, 100000], expect: -0.1111111111111111 },
    { args: [90000, 100000, null, 'forecast'], expect: -0.1 },
    { args: [[[100], [200], [400]], [[110], [180], [400]], 'mape'], expect: 0.06666666666666667 },
    { args: [[[100], [200], [400]], [[110], [180], [400]], 'wape'], expect: 0.04285714285714286 },
    { args: [[[100], [200], [400]], [[110], [180], [400]], 'bias'], expect: 3.3333333333333335 },
    { args: [[[100], [200], [400]], [[110], [180], [400]], 'tracking_signal'], expect: 1 },
    { args: [[[100], [0]], [[110], [20]], 'ape'], expect: [[0.1], ['#DIV/0!']] },
    // Forecasts run ahead of the actuals: months not closed yet are blank per row and left out of every measure.
    { args: [[[100], [200], [null]], [[110], [180], [500]], 'ape'], expect: [[0.1], [0.1]] },
    { args: [[[100], [200], [400], [null]], [[110], [180], [400], [900]], 'wape'], expect: 0.04285714285714286 },
  ],
  impl(actuals, forecasts, measure, denominator) {
    const divisor = denominator === 'forecast' ? forecasts : actuals;
    if (PER_ROW_MEASURES.includes(measure)) {
      return new Rows([actuals, forecasts]).map((i) => {
        const d = divisor.at(i);
        if (d === 0) return divZero(`${divisor === actuals ? 'actual' : 'forecast'} is 0${inRow(divisor, i)}`);
        const error = actuals.at(i) - forecasts.at(i);
        return measure === 'ape' ? Math.abs(error) / Math.abs(d) : error / d;
      });
    }
    return aggregateError(actuals, forecasts, divisor, measure);
  },
});

interface ErrorSums {
  rows: number;
  error: number;
  absError: number;
  absDivisor: number;
  /** Sum of absolute percentage errors; only added up for mape, which needs every divisor non-zero. */
  ape: number;
}

/** One pass over the rows; kept apart from the measures so the loop is compiled on its own. */
function sumErrors(actuals: NumberRange, forecasts: NumberRange, byActual: boolean, mape: boolean): ErrorSums {
  let counted = 0;
  let error = 0;
  let absError = 0;
  let absDivisor = 0;
  let ape = 0;
  const rows = new Rows([actuals, forecasts]);
  for (let i = 0; i < rows.size; i++) {
    const actual = actuals.at(i);
    const forecast = forecasts.at(i);
    if (!rows.counts(i, actual + forecast)) continue;
    const rowError = actual - forecast;
    const d = byActual ? actual : forecast;
    if (mape && d === 0) {
      throw divZero(`${byActual ? 'actual' : 'forecast'} is 0${inRow(byActual ? actuals : forecasts, i)}, so its percentage error is undefined`);
    }
    counted++;
    error += rowError;
    absError += Math.abs(rowError);
    absDivisor += Math.abs(d);
    if (mape) ape += Math.abs(rowError) / Math.abs(d);
  }
  return { rows: counted, error, absError, absDivisor, ape };
}

function aggregateError(actuals: NumberRange, forecasts: NumberRange, divisor: NumberRange, measure: string): number {
  const { rows, ...sums } = sumErrors(actuals, forecasts, divisor === actuals, measure === 'mape');
  if (rows === 0) throw divZero(`${measure} needs at least one row with an actual and a forecast`);
  switch (measure) {
    case 'mape':
      return sums.ape / rows;
    case 'wape':
      if (sums.absDivisor === 0) throw divZero(`the ${divisor === actuals ? 'actuals' : 'forecasts'} add up to 0`);
      return sums.absError / sums.absDivisor;
    case 'bias':
      return sums.error / rows;
    default: {
      const meanAbsoluteDeviation = sums.absError / rows;
      if (meanAbsoluteDeviation === 0) throw divZero('every forecast was exact, so the tracking signal is undefined (MAD is 0)');
      return sums.error / meanAbsoluteDeviation;
    }
  }
}

export const FORECAST_ACCURACY = defineFunction({
  name: 'FORECAST_ACCURACY',
  category: 'forecast',
  summary: 'Forecast accuracy as 1 − WAPE, floored at 0 (1 means every forecast was exact).',
  params: [ACTUALS, numbers('forecasts', 'What was forecast for the same rows.')],
  result: 'aggregate',
  format: 'percent',
  examples: [
    { args: [[[100], [200], [400]], [[110], [180], [400]]], expect: 0.9571428571428572 },
    { args: [[[100], [200], [400], [null], [null]], [[110], [180], [400], [450], [500]]], expect: 0.9571428571428572 },
  ],
  impl(actuals, forecasts) {
    return Math.max(0, 1 - aggregateError(actuals, forecasts, actuals, 'wape'));
  },
});

export const RUN_RATE = defineFunction({
  name: 'RUN_RATE',
  category: 'forecast',
  summary: 'Straight-line projection to the end of the period: actual to date ÷ days elapsed × days in the period.',
  params: [
    numbers('actual_to_date', 'Bookings or revenue so far this period.'),
    numbers('days_elapsed', 'Days of the period gone so far.', { limit: 'positive', zeroHint: 'no days have passed yet' }),
    numbers('days_in_period', 'Days in the whole period.', { limit: 'nonNegative' }),
  ],
  result: 'per-row',
  format: 'currency',
  examples: [{ args: [250000, 30, 90], expect: 750000 }],
  impl(actual, elapsed, period) {
    return new Rows([actual, elapsed, period]).map((i) => {
      const daysElapsed = elapsed.at(i);
      const daysInPeriod = period.at(i);
      if (daysElapsed > daysInPeriod) {
        return badNumber(`days_elapsed ${formatNumber(daysElapsed)}${inRow(elapsed, i)} is more than days_in_period ${formatNumber(daysInPeriod)}${inRow(period, i)}`);
      }
      return (actual.at(i) / daysElapsed) * daysInPeriod;
    });
  },
});

/** Forecast categories in roll-up order, with the spellings CRM exports use. */
const ROLLUP_CATEGORIES: readonly { label: string; aliases: readonly string[] }[] = [
  { label: 'Closed', aliases: ['closed', 'closed won', 'closedwon'] },
  { label: 'Commit', aliases: ['commit'] },
  { label: 'Best Case', aliases: ['best case', 'bestcase', 'best_case'] },
  { label: 'Pipeline', aliases: ['pipeline'] },
];
const EXCLUDED_CATEGORIES = new Set(['omitted', 'omit', 'not forecasted']);
const CATEGORY_POSITION = new Map(ROLLUP_CATEGORIES.flatMap((c, k) => c.aliases.map((alias) => [alias, k] as const)));

export const FORECAST_ROLLUP = defineFunction({
  name: 'FORECAST_ROLLUP',
  category: 'forecast',
  summary: 'Cumulative forecast-category roll-up: Closed, Commit (+ Closed), Best Case (+ Commit), Pipeline (+ Best Case).',
  params: [
    numbers('amounts', 'Deal amounts.'),
    labels('categories', 'Forecast category per deal: Closed, Commit, Best Case, Pipeline or Omitted.'),
  ],
  result: 'table',
  format: { columns: ['general', 'currency'] },
  examples: [
    {
      args: [[[100], [50], [30], [20], [10]], [['Closed'], ['Commit'], ['Best Case'], ['Pipeline'], ['Omitted']]],
      expect: [['Category', 'Amount'], ['Closed', 100], ['Commit', 150], ['Best Case', 180], ['Pipeline', 200]],
    },
  ],
  impl(amounts, categories) {
    const totals = new Float64Array(ROLLUP_CATEGORIES.length);
    new Rows([amounts, categories]).forEach((i) => {
      const key = categories.at(i)!;
      if (EXCLUDED_CATEGORIES.has(key)) return;
      const position = CATEGORY_POSITION.get(key);
      if (position === undefined) {
        throw notFound(`category ${describeValue(categories.rawAt(i))}${inRow(categories, i)} is not Closed, Commit, Best Case, Pipeline or Omitted`);
      }
      totals[position] += amounts.at(i);
    });
    const table: Matrix = [['Category', 'Amount']];
    let running = 0;
    ROLLUP_CATEGORIES.forEach((category, k) => table.push([category.label, (running += totals[k])]));
    return table;
  },
});

export const FORECAST_FUNCTIONS = [FORECAST_ERROR, FORECAST_ACCURACY, RUN_RATE, FORECAST_ROLLUP];
