/** Quota and attainment. */
import { badNumber, divZero } from '../errors';
import { at, commonShape, perRow } from '../ranges';
import { defineFunction, numbers } from '../spec';
import { formatNumber } from '../values';

export const QUOTA_ATTAINMENT = defineFunction({
  name: 'QUOTA_ATTAINMENT',
  category: 'quota',
  summary: 'Attainment per rep: actual bookings divided by quota (1.2 means 120% of quota).',
  params: [
    numbers('actual', 'Bookings or revenue credited to each rep; a cell or a column.'),
    numbers('quota', 'Each rep\'s quota for the same period; one cell applies to every row.'),
  ],
  result: 'per-row',
  examples: [
    { args: [[[90000], [120000], ['']], 100000], expect: [[0.9], [1.2], ['']] },
    { args: [45000, 50000], expect: 0.9 },
    { args: [[[80000], [30000]], [[100000], [0]]], expect: [[0.8], ['#DIV/0!']] },
  ],
  impl(actual, quota) {
    const shape = commonShape([actual, quota]);
    return perRow(shape, [actual, quota], (i) => {
      const q = quota.at(i);
      if (q === 0) return divZero(`quota is 0${at(i, shape)}`);
      if (q < 0) return badNumber(`quota ${formatNumber(q)}${at(i, shape)} is negative`);
      return actual.at(i) / q;
    });
  },
});

export const QUOTA_FUNCTIONS = [QUOTA_ATTAINMENT];
