/** Pipeline: weighted pipeline, coverage, win rates, conversion and cycle times. */
import { badValue, notFound } from '../errors';
import { fractionProblem } from '../fractions';
import { type ValueRange, at, forEachFilledRow, readNumber } from '../ranges';
import { type StageTable, readStageTable } from '../stages';
import { date, dates, defineFunction, numbers, optional, table, values } from '../spec';
import { describeValue, isoFromSerial, normalizeLabel } from '../values';
import type { Shape } from '../ranges';

function probabilityAt(
  probabilities: ValueRange,
  stages: StageTable | undefined,
  index: number,
  shape: Shape,
): number {
  const cell = probabilities.at(index);
  const where = at(index, shape);
  let probability: number;
  if (typeof cell === 'string' && stages) {
    const found = stages.probabilityOf.get(normalizeLabel(cell));
    if (found === undefined) throw notFound(`stage ${describeValue(cell)}${where} is not in stage_table`);
    probability = found;
  } else {
    const read = readNumber(cell);
    if (typeof read === 'string') {
      const hint = typeof cell === 'string' ? ': for stage names, give the stage table as the third argument' : '';
      throw badValue(`probability ${describeValue(cell)}${where} ${read}${hint}`);
    }
    probability = read;
  }
  const problem = fractionProblem(probability, 'probability', where);
  if (problem) throw problem;
  return probability;
}

export const WEIGHTED_PIPELINE = defineFunction({
  name: 'WEIGHTED_PIPELINE',
  category: 'pipeline',
  summary: 'Pipeline weighted by win probability: the sum of amount × probability, optionally for deals closing in a period.',
  params: [
    numbers('amounts', 'Deal amounts.'),
    values('probabilities', 'Win probability per deal (20% or 0.2), or the stage name when a stage table is given.'),
    optional(table('stage_table', 'Two columns: stage name, probability. Lets probabilities hold stage names.')),
    optional(dates('close_dates', 'Expected close date per deal, to count only deals closing in the period.')),
    optional(date('period_start', 'First day of the period (inclusive).')),
    optional(date('period_end', 'Last day of the period (inclusive).')),
  ],
  result: 'aggregate',
  examples: [
    { args: [[[100000], [50000], [20000]], [[0.2], [0.5], [0.9]]], expect: 63000 },
    {
      args: [
        [[100000], [50000], [20000]],
        [['Discovery'], ['Proposal'], ['Commit']],
        [['Discovery', 0.2], ['Proposal', 0.5], ['Commit', 0.9]],
      ],
      expect: 63000,
    },
    {
      args: [
        [[100000], [50000], [20000]],
        [[0.2], [0.5], [0.9]],
        null,
        [['2026-01-15'], ['2026-04-02'], ['2026-03-31']],
        '2026-01-01',
        '2026-03-31',
      ],
      expect: 38000,
    },
  ],
  impl(amounts, probabilities, stageTable, closeDates, periodStart, periodEnd) {
    const stages = stageTable ? readStageTable(stageTable, 'stage_table') : undefined;
    const inPeriod = closeDates ? periodFilter(closeDates.name, periodStart, periodEnd) : undefined;
    if (!closeDates && (periodStart !== undefined || periodEnd !== undefined)) {
      throw badValue('a period needs close_dates: give each deal\'s close date as the fourth argument');
    }
    const required = closeDates ? [amounts, probabilities, closeDates] : [amounts, probabilities];
    let total = 0;
    forEachFilledRow(required, (i, shape) => {
      const probability = probabilityAt(probabilities, stages, i, shape);
      if (closeDates && inPeriod && !inPeriod(closeDates.at(i))) return;
      total += amounts.at(i) * probability;
    });
    return total;
  },
});

function periodFilter(name: string, start: number | undefined, end: number | undefined) {
  if (start === undefined && end === undefined) {
    throw badValue(`${name} needs a period: give period_start, period_end or both`);
  }
  if (start !== undefined && end !== undefined && end < start) {
    throw badValue(`period_end ${isoFromSerial(end)} is before period_start ${isoFromSerial(start)}`);
  }
  const from = start === undefined ? -Infinity : Math.floor(start);
  const to = end === undefined ? Infinity : Math.floor(end);
  return (closeDate: number) => Math.floor(closeDate) >= from && Math.floor(closeDate) <= to;
}

export const PIPELINE_FUNCTIONS = [WEIGHTED_PIPELINE];
