/** Capacity and ramp: headcount for a target, ramped team capacity, time to ramp. */
import { badNumber, divZero } from '../errors';
import { inRow } from '../ranges';
import { Rows } from '../rows';
import { rampFactor, readRamp } from '../ramp';
import { choice, dates, defineFunction, numbers, optional, table, text } from '../spec';
import { mean, median } from '../statistics';
import { formatNumber, isoFromSerial } from '../values';

/**
 * ceil(x), forgiving the rounding error of the division that produced x:
 * 2400000 / (1000000 × 0.8) must need 3 reps even if it comes out as 3.0000000000000004.
 */
function ceilAfterDivision(x: number): number {
  const up = Math.ceil(x);
  const down = up - 1;
  return down > 0 && x - down <= 1e-12 * x ? down : up;
}

export const REPS_NEEDED = defineFunction({
  name: 'REPS_NEEDED',
  category: 'capacity',
  summary: 'Fully ramped reps needed to hit a target: ceil(target / (quota per rep × expected attainment)).',
  params: [
    numbers('target', 'The bookings target for the team (or per segment, one per row).', { limit: 'nonNegative' }),
    numbers('quota_per_rep', 'The quota one fully ramped rep carries over the same period.', { limit: 'positive' }),
    optional(
      numbers('expected_attainment', 'The share of quota a rep is expected to reach, such as 80%; 100% when left out.', {
        limit: 'positiveFraction',
        zeroHint: 'no number of reps reaches the target',
      }),
      1,
    ),
  ],
  result: 'per-row',
  format: 'count',
  examples: [
    { args: [10000000, 1000000, 0.8], expect: 13 },
    { args: [10000000, 1000000], expect: 10 },
    { args: [[[10000000], [2400000], [0]], 1000000, 0.8], expect: [[13], [3], [0]] },
  ],
  impl(target, quotaPerRep, expectedAttainment) {
    return new Rows([target, quotaPerRep, expectedAttainment]).map((i) => {
      const goal = target.at(i);
      const quota = quotaPerRep.at(i);
      const attainment = expectedAttainment ? expectedAttainment.at(i) : 1;
      if (goal === 0) return 0;
      const reps = ceilAfterDivision(goal / quota / attainment);
      if (!Number.isFinite(reps)) {
        return badNumber(`quota_per_rep ${formatNumber(quota)}${inRow(quotaPerRep, i)} is too small for target ${formatNumber(goal)}${inRow(target, i)}: no spreadsheet number counts the reps`);
      }
      return reps;
    });
  },
});

export const TEAM_CAPACITY = defineFunction({
  name: 'TEAM_CAPACITY',
  category: 'capacity',
  summary: 'What the team can be expected to book: the sum of quota × ramp for each rep\'s month in seat × expected attainment.',
  params: [
    numbers('quotas', 'Each rep\'s full (fully ramped) quota for the period.', { limit: 'nonNegative', label: 'quota' }),
    numbers('months_in_seat', 'Each rep\'s month in seat: 1 is the first month.'),
    table('ramp', 'The ramp schedule: fractions of full quota for months 1, 2, … as one row or column; 100% after it ends.'),
    optional(
      numbers('expected_attainment', 'The share of quota reps are expected to reach, such as 80%, for the team or per rep; 100% when left out.', {
        limit: 'fraction',
      }),
      1,
    ),
  ],
  result: 'aggregate',
  format: 'currency',
  examples: [
    { args: [[[1000000], [1000000], [1000000]], [[1], [3], [12]], [[0.25, 0.5, 0.75]], 0.8], expect: 1600000 },
    { args: [[[1000000], [1000000], [1000000]], [[1], [3], [12]], [[0.25, 0.5, 0.75]]], expect: 2000000 },
  ],
  impl(quotas, monthsInSeat, ramp, expectedAttainment) {
    const schedule = readRamp(ramp);
    const rows = new Rows([quotas, monthsInSeat, expectedAttainment]);
    let capacity = 0;
    for (let i = 0; i < rows.size; i++) {
      const quota = quotas.at(i);
      const month = monthsInSeat.at(i);
      const attainment = expectedAttainment ? expectedAttainment.at(i) : 1;
      if (!rows.counts(i, quota + month + attainment)) continue;
      const factor = rampFactor(schedule, month, monthsInSeat, i);
      if (typeof factor !== 'number') throw factor;
      capacity += quota * factor * attainment;
    }
    if (!Number.isFinite(capacity)) throw badNumber('the quotas add up to more than a spreadsheet can hold: scale them down (thousands, millions)');
    return capacity;
  },
});

export const RAMP_TIME = defineFunction({
  name: 'RAMP_TIME',
  category: 'capacity',
  summary: 'Mean (or median) days from hire to full productivity.',
  params: [
    dates('hire_dates', 'Each rep\'s hire or start date.'),
    dates('ramped_dates', 'The date each rep reached full productivity (first month at quota).'),
    choice(text('statistic', 'mean (the default) or median.'), 'mean', ['mean', 'median']),
  ],
  result: 'aggregate',
  format: 'number',
  examples: [
    { args: [[['2026-01-01'], ['2026-02-01']], [['2026-04-01'], ['2026-06-01']]], expect: 105 },
    // 90, 120 and 31 days.
    { args: [[['2026-01-01'], ['2026-02-01'], ['2026-03-01']], [['2026-04-01'], ['2026-06-01'], ['2026-04-01']], 'median'], expect: 90 },
  ],
  impl(hireDates, rampedDates, statistic) {
    const rows = new Rows([hireDates, rampedDates]);
    const days = new Float64Array(rows.size);
    let count = 0;
    for (let i = 0; i < rows.size; i++) {
      const hireDate = hireDates.at(i);
      const rampedDate = rampedDates.at(i);
      if (!rows.counts(i, hireDate + rampedDate)) continue;
      const hired = Math.floor(hireDate);
      const ramped = Math.floor(rampedDate);
      if (ramped < hired) {
        throw badNumber(`ramped date ${isoFromSerial(ramped)}${inRow(rampedDates, i)} is before the hire date ${isoFromSerial(hired)}${inRow(hireDates, i)}`);
      }
      days[count++] = ramped - hired;
    }
    if (count === 0) throw divZero('RAMP_TIME needs at least one rep with a hire date and a ramped date');
    return statistic === 'median' ? median(days, count) : mean(days, count);
  },
});

export const CAPACITY_FUNCTIONS = [REPS_NEEDED, TEAM_CAPACITY, RAMP_TIME];
