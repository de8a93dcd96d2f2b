/** Forecast quality and projection. */
import { divZero } from '../errors';
import { type NumberRange, at, commonShape, forEachFilledRow, perRow } from '../ranges';
import { choice, defineFunction, numbers, text } from '../spec';
import type { Result } from '../values';

const PER_ROW_MEASURES = ['pe', 'ape'];
const MEASURES = [...PER_ROW_MEASURES, 'mape', 'wape', 'bias', 'tracking_signal'];

export const FORECAST_ERROR = defineFunction({
  name: 'FORECAST_ERROR',
  category: 'forecast',
  summary: 'Forecast error, actual − forecast: per row as a percentage (pe, ape) or summed up (mape, wape, bias, tracking_signal).',
  params: [
    numbers('actuals', 'What actually closed.'),
    numbers('forecasts', 'What was forecast for the same rows.'),
    choice(text('measure', 'pe, ape (per row), mape, wape, bias or tracking_signal (one value).'), 'pe', MEASURES),
    choice(text('denominator', 'Divide by the actual (default) or the forecast.'), 'actual', ['actual', 'forecast']),
  ],
  result: 'per-row or aggregate',
  examples: [
    { args: [90000, 100000], expect: -0.1111111111111111 },
    { args: [90000, 100000, null, 'forecast'], expect: -0.1 },
    { args: [[[100], [200], [400]], [[110], [180], [400]], 'mape'], expect: 0.06666666666666667 },
    { args: [[[100], [200], [400]], [[110], [180], [400]], 'wape'], expect: 0.04285714285714286 },
    { args: [[[100], [200], [400]], [[110], [180], [400]], 'bias'], expect: 3.3333333333333335 },
    { args: [[[100], [200], [400]], [[110], [180], [400]], 'tracking_signal'], expect: 1 },
    { args: [[[100], [0]], [[110], [20]], 'ape'], expect: [[0.1], ['#DIV/0!']] },
  ],
  impl(actuals, forecasts, measure, denominator) {
    const divisor = denominator === 'forecast' ? forecasts : actuals;
    if (PER_ROW_MEASURES.includes(measure)) {
      const shape = commonShape([actuals, forecasts]);
      return perRow(shape, [actuals, forecasts], (i) => {
        const d = divisor.at(i);
        if (d === 0) return divZero(`${divisor.name === 'actuals' ? 'actual' : 'forecast'} is 0${at(i, shape)}`);
        const error = actuals.at(i) - forecasts.at(i);
        return measure === 'ape' ? Math.abs(error) / Math.abs(d) : error / d;
      });
    }
    return aggregateError(actuals, forecasts, divisor, measure);
  },
});

function aggregateError(actuals: NumberRange, forecasts: NumberRange, divisor: NumberRange, measure: string): Result {
  let rows = 0;
  let sumError = 0;
  let sumAbsError = 0;
  let sumAbsDivisor = 0;
  let sumApe = 0;
  forEachFilledRow([actuals, forecasts], (i, shape) => {
    const error = actuals.at(i) - forecasts.at(i);
    const d = divisor.at(i);
    if (measure === 'mape' && d === 0) {
      throw divZero(`${divisor === actuals ? 'actual' : 'forecast'} is 0${at(i, shape)}, so its percentage error is undefined`);
    }
    rows++;
    sumError += error;
    sumAbsError += Math.abs(error);
    sumAbsDivisor += Math.abs(d);
    if (measure === 'mape') sumApe += Math.abs(error) / Math.abs(d);
  });
  if (rows === 0) throw divZero(`${measure} needs at least one row with an actual and a forecast`);
  switch (measure) {
    case 'mape':
      return sumApe / rows;
    case 'wape':
      if (sumAbsDivisor === 0) throw divZero(`the ${divisor === actuals ? 'actuals' : 'forecasts'} add up to 0`);
      return sumAbsError / sumAbsDivisor;
    case 'bias':
      return sumError / rows;
    default: {
      const meanAbsoluteDeviation = sumAbsError / rows;
      if (meanAbsoluteDeviation === 0) throw divZero('every forecast was exact, so the tracking signal is undefined (MAD is 0)');
      return sumError / meanAbsoluteDeviation;
    }
  }
}

export const FORECAST_FUNCTIONS = [FORECAST_ERROR];
