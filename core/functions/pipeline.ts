/** Pipeline: weighted pipeline, coverage, win rates, conversion and cycle times. */
import { badNumber, badValue, divZero, notFound } from '../errors';
import { fractionProblem } from '../fractions';
import { outcomeClassifier } from '../outcomes';
import { type LabelRange, type ValueRange, inRow, readNumber } from '../ranges';
import { Rows } from '../rows';
import { type StageTable, readStageTable } from '../stages';
import { mean, median } from '../statistics';
import { choice, date, dates, defineFunction, labels, numbers, optional, table, text, values } from '../spec';
import { type CellValue, type Matrix, type ResultCell, describeValue, formatNumber, isoFromSerial, normalizeLabel } from '../values';

/** The win probability a row's cell (a fraction, or a stage name) stands for. */
function probabilityOf(cell: CellValue, probabilities: ValueRange, stages: StageTable | undefined, index: number): number {
  if (typeof cell === 'number' && cell >= 0 && cell <= 1) return cell; // the usual row: a probability as a fraction
  let probability: number;
  if (typeof cell === 'string' && stages) {
    const found = stages.probabilityOf.get(normalizeLabel(cell));
    if (found === undefined) throw notFound(`stage ${describeValue(cell)}${inRow(probabilities, index)} is not in stage_table`);
    probability = found;
  } else {
    const read = readNumber(cell);
    if (typeof read === 'string') {
      const hint = typeof cell === 'string' ? ': for stage names, give the stage table as the third argument' : '';
      throw badValue(`probability ${describeValue(cell)}${inRow(probabilities, index)} ${read}${hint}`);
    }
    probability = read;
  }
  const problem = fractionProblem(probability, 'probability', () => inRow(probabilities, index));
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
  format: 'currency',
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
    const stages = stageTable ? readStageTable(stageTable) : undefined;
    const inPeriod = closeDates ? periodFilter(closeDates.name, periodStart, periodEnd) : undefined;
    if (!closeDates && (periodStart !== undefined || periodEnd !== undefined)) {
      throw badValue('a period needs close_dates: give each deal\'s close date as the fourth argument');
    }
    const rows = new Rows([amounts, probabilities, closeDates]);
    let total = 0;
    for (let i = 0; i < rows.size; i++) {
      const amount = amounts.at(i);
      const closeDate = closeDates ? closeDates.at(i) : 0;
      const cell = probabilities.at(i);
      if (!rows.countsWith(i, amount + closeDate, cell !== null)) continue;
      const probability = probabilityOf(cell, probabilities, stages, i);
      if (inPeriod && !inPeriod(closeDate)) continue;
      total += amount * probability;
    }
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

export const PIPELINE_COVERAGE = defineFunction({
  name: 'PIPELINE_COVERAGE',
  category: 'pipeline',
  summary: 'Pipeline coverage: open pipeline divided by the quota still to close (3 means 3× coverage).',
  params: [
    numbers('open_pipeline', 'Open pipeline value.'),
    numbers('quota', 'Quota for the period.', { limit: 'nonNegative' }),
    optional(numbers('closed_won', 'Already closed and won this period; it reduces the quota still to close.', { blank: 'optional' })),
  ],
  result: 'per-row',
  format: 'decimal',
  examples: [
    { args: [900000, 500000, 200000], expect: 3 },
    { args: [[[900000], [400000]], [[500000], [300000]], [[200000], [300000]]], expect: [[3], ['#N/A']] },
  ],
  impl(openPipeline, quota, closedWon) {
    return new Rows([openPipeline, quota, closedWon]).map((i) => {
      const won = closedWon?.valueOr(i, 0) ?? 0;
      const remaining = quota.at(i) - won;
      if (remaining <= 0) return notFound(`quota already met: closed won ${formatNumber(won)}${closedWon ? inRow(closedWon, i) : ''} ≥ quota ${formatNumber(quota.at(i))}${inRow(quota, i)}`);
      return openPipeline.at(i) / remaining;
    });
  },
});

export const WIN_RATE = defineFunction({
  name: 'WIN_RATE',
  category: 'pipeline',
  summary: 'Win rate: won ÷ (won + lost) over closed deals, or won ÷ all deals with basis "all".',
  params: [
    labels('outcomes', 'Outcome per deal: Won, Lost, or anything else for open deals. CRM labels like "Closed Won" work as they are.'),
    optional(text('won_label', 'The label that means won.'), 'Won'),
    optional(text('lost_label', 'The label that means lost.'), 'Lost'),
    choice(text('basis', '"closed" ignores open deals; "all" divides by every deal (close rate).'), 'closed', ['closed', 'all']),
  ],
  result: 'aggregate',
  format: 'percent',
  examples: [
    { args: [[['Won'], ['Lost'], ['Won'], ['Open'], ['Lost']]], expect: 0.5 },
    { args: [[['Won'], ['Lost'], ['Won'], ['Open'], ['Lost']], null, null, 'all'], expect: 0.4 },
    { args: [[['Closed Won'], ['closedlost'], ['closedwon'], ['Negotiation']]], expect: 2 / 3 },
  ],
  impl(outcomes, wonLabel, lostLabel, basis) {
    const classify = outcomeClassifier(wonLabel, lostLabel);
    let won = 0;
    let lost = 0;
    let all = 0;
    new Rows([outcomes]).forEach((i) => {
      all++;
      const outcome = classify(outcomes.at(i)!);
      if (outcome === 'won') won++;
      else if (outcome === 'lost') lost++;
    });
    const denominator = basis === 'all' ? all : won + lost;
    if (denominator === 0) {
      throw divZero(basis === 'all' ? 'outcomes has no deals' : `outcomes has no deal marked ${describeValue(wonLabel)} or ${describeValue(lostLabel)}, so none has closed`);
    }
    return won / denominator;
  },
});

function stageIndex(order: LabelRange): Map<string, number> {
  const index = new Map<string, number>();
  new Rows([order]).forEach((i) => {
    const key = order.at(i)!;
    if (index.has(key)) throw badValue(`stage ${describeValue(order.rawAt(i))}${inRow(order, i)} appears twice in stage_order`);
    index.set(key, index.size);
  });
  if (index.size < 2) throw badValue('stage_order needs at least two stages');
  return index;
}

export const STAGE_CONVERSION = defineFunction({
  name: 'STAGE_CONVERSION',
  category: 'pipeline',
  summary: 'Stage-by-stage funnel from each deal\'s furthest stage: deals reaching each stage and conversion to the next, plus overall.',
  params: [
    labels('furthest_stages', 'The furthest stage each deal reached.'),
    labels('stage_order', 'The stages in funnel order, first to last.'),
  ],
  result: 'table',
  format: { columns: ['general', 'count', 'percent'] },
  examples: [
    {
      args: [
        [['Lead'], ['Lead'], ['Qualified'], ['Proposal'], ['Won'], ['Qualified'], ['Won'], ['Lead'], ['Proposal'], ['Won']],
        [['Lead'], ['Qualified'], ['Proposal'], ['Won']],
      ],
      expect: [
        ['Stage', 'Reached', 'Conversion to next'],
        ['Lead', 10, 0.7],
        ['Qualified', 7, 0.7142857142857143],
        ['Proposal', 5, 0.6],
        ['Won', 3, ''],
        ['Overall', '', 0.3],
      ],
    },
  ],
  impl(furthest, order) {
    const positions = stageIndex(order);
    const atStage = new Float64Array(positions.size);
    new Rows([furthest]).forEach((i) => {
      const position = positions.get(furthest.at(i)!);
      if (position === undefined) throw notFound(`stage ${describeValue(furthest.rawAt(i))}${inRow(furthest, i)} is not in stage_order`);
      atStage[position]++;
    });
    // A deal that got to stage k also reached every stage before it.
    const reached = new Float64Array(positions.size);
    for (let k = positions.size - 1, running = 0; k >= 0; k--) reached[k] = running += atStage[k];
    const names = order.raw.filter((name): name is string => name !== null);
    const ratio = (num: number, den: number, what: string): ResultCell =>
      den === 0 ? divZero(`furthest_stages has no deal that reached ${what}`) : num / den;
    const rows: Matrix<ResultCell> = [['Stage', 'Reached', 'Conversion to next']];
    names.forEach((name, k) => {
      rows.push([name, reached[k], k + 1 < names.length ? ratio(reached[k + 1], reached[k], name) : null]);
    });
    rows.push(['Overall', null, ratio(reached[names.length - 1], reached[0], names[0])]);
    return rows;
  },
});

/** Which rows a won-deal statistic counts: every row, or the won ones when outcomes are given. */
function wonFilter(outcomes: LabelRange | undefined, wonLabel: string): (index: number) => boolean {
  if (!outcomes) return () => true;
  const classify = outcomeClassifier(wonLabel);
  return (index) => {
    const key = outcomes.at(index);
    return key !== null && classify(key) === 'won';
  };
}

function summarise(values: Float64Array, count: number, statistic: string): number {
  return statistic === 'median' ? median(values, count) : mean(values, count);
}

export const SALES_CYCLE = defineFunction({
  name: 'SALES_CYCLE',
  category: 'pipeline',
  summary: 'Average (or median) days from first contact to close, over won deals when outcomes are given.',
  params: [
    dates('start_dates', 'First contact or opportunity created date per deal.', { blank: 'optional' }),
    dates('close_dates', 'Close date per deal; open deals without one are left out.', { blank: 'optional' }),
    optional(labels('outcomes', 'Outcome per deal; only won deals count when given.')),
    optional(text('won_label', 'The label that means won.'), 'Won'),
    choice(text('statistic', '"mean" or "median".'), 'mean', ['mean', 'median']),
  ],
  result: 'aggregate',
  format: 'number',
  examples: [
    {
      args: [
        [['2026-01-01'], ['2026-01-10'], ['2026-02-01']],
        [['2026-01-31'], ['2026-03-11'], ['2026-02-11']],
        [['Won'], ['Won'], ['Lost']],
      ],
      expect: 45,
    },
    {
      args: [
        [['2026-01-01'], ['2026-01-10'], ['2026-02-01']],
        [['2026-01-31'], ['2026-03-11'], ['2026-02-11']],
        null,
        null,
        'median',
      ],
      expect: 30,
    },
  ],
  impl(starts, closes, outcomes, wonLabel, statistic) {
    const rows = new Rows([starts, closes, outcomes]);
    const won = wonFilter(outcomes, wonLabel);
    const days = new Float64Array(rows.size);
    let count = 0;
    for (let i = 0; i < rows.size; i++) {
      if (!won(i) || !rows.counts(i)) continue;
      if (closes.isBlankAt(i)) {
        if (outcomes) throw badValue(`close_dates is blank${inRow(closes, i)} for a won deal`);
        continue; // an open deal has no cycle yet
      }
      if (starts.isBlankAt(i)) throw badValue(`start_dates is blank${inRow(starts, i)} for a closed deal`);
      const start = starts.at(i);
      const close = closes.at(i);
      if (close < start) {
        throw badNumber(`close date ${isoFromSerial(close)}${inRow(closes, i)} is before its start date ${isoFromSerial(start)}${inRow(starts, i)}`);
      }
      days[count++] = Math.floor(close) - Math.floor(start);
    }
    if (count === 0) throw divZero(outcomes ? 'no won deal has a start and close date' : 'no deal has both a start and a close date');
    return summarise(days, count, statistic);
  },
});

export const AVG_DEAL_SIZE = defineFunction({
  name: 'AVG_DEAL_SIZE',
  category: 'pipeline',
  summary: 'Average amount of won deals (of every deal when outcomes are left out).',
  params: [
    numbers('amounts', 'Deal amounts.', { blank: 'optional' }),
    optional(labels('outcomes', 'Outcome per deal; only won deals count when given.')),
    optional(text('won_label', 'The label that means won.'), 'Won'),
  ],
  result: 'aggregate',
  format: 'currency',
  examples: [
    { args: [[[10000], [30000], [50000]], [['Won'], ['Won'], ['Lost']]], expect: 20000 },
    { args: [[[10000], [30000], [50000]]], expect: 30000 },
  ],
  impl(amounts, outcomes, wonLabel) {
    const rows = new Rows([amounts, outcomes]);
    const won = wonFilter(outcomes, wonLabel);
    let total = 0;
    let deals = 0;
    for (let i = 0; i < rows.size; i++) {
      if (!won(i) || !rows.counts(i)) continue;
      if (amounts.isBlankAt(i)) {
        if (outcomes) throw badValue(`amounts is blank${inRow(amounts, i)} for a won deal`);
        continue;
      }
      total += amounts.at(i);
      deals++;
    }
    if (deals === 0) throw divZero(outcomes ? 'outcomes has no won deal with an amount' : 'amounts has no deals');
    return total / deals;
  },
});

export const SALES_VELOCITY = defineFunction({
  name: 'SALES_VELOCITY',
  category: 'pipeline',
  summary: 'Sales velocity, revenue per day: open opportunities × win rate × average deal size ÷ sales cycle days.',
  params: [
    numbers('open_opportunities', 'Number of open opportunities.', { limit: 'nonNegative' }),
    numbers('win_rate', 'Win rate as a fraction (25%).', { limit: 'fraction' }),
    numbers('avg_deal_size', 'Average deal size.'),
    numbers('cycle_days', 'Sales cycle length in days.', { limit: 'positive' }),
  ],
  result: 'per-row',
  format: 'currency',
  examples: [{ args: [40, 0.25, 20000, 50], expect: 4000 }],
  impl(opportunities, winRate, dealSize, cycleDays) {
    return new Rows([opportunities, winRate, dealSize, cycleDays]).map(
      (i) => (opportunities.at(i) * winRate.at(i) * dealSize.at(i)) / cycleDays.at(i),
    );
  },
});

export const CAC = defineFunction({
  name: 'CAC',
  category: 'pipeline',
  summary: 'Customer acquisition cost: sales and marketing cost per new customer.',
  params: [
    numbers('sales_marketing_cost', 'Sales and marketing spend for the period.', { limit: 'nonNegative' }),
    numbers('new_customers', 'New customers won in the period.', { limit: 'positive' }),
  ],
  result: 'per-row',
  format: 'currency',
  examples: [{ args: [500000, 125], expect: 4000 }],
  impl(cost, customers) {
    return new Rows([cost, customers]).map((i) => cost.at(i) / customers.at(i));
  },
});

export const PIPELINE_FUNCTIONS = [
  WEIGHTED_PIPELINE,
  PIPELINE_COVERAGE,
  WIN_RATE,
  STAGE_CONVERSION,
  SALES_CYCLE,
  AVG_DEAL_SIZE,
  SALES_VELOCITY,
  CAC,
];
