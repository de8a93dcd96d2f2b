/** Commission: tiered commission, pay curves, draws, clawbacks and split credit. */
import { readCurve, payoutAt } from '../commission/curve';
import { drawSchedule } from '../commission/draw';
import { commissionOn, readTiers } from '../commission/tiers';
import { percentTypedAsNumber } from '../commission/table';
import { badNumber } from '../errors';
import { noPlace } from '../fractions';
import { inRow } from '../ranges';
import { Rows } from '../rows';
import { boolean, choice, dates, defineFunction, number, numbers, optional, table, text } from '../spec';
import type { FunctionSpec } from '../spec';
import { formatNumber, formatPercent, isoFromSerial } from '../values';

const PLAN_TIERS = [
  [0, 0.08],
  [1, 0.12],
  [1.25, 0.15],
];
const AMOUNT_TIERS = [
  [0, 0.04],
  [150000, 0.06],
];

export const COMMISSION = defineFunction({
  name: 'COMMISSION',
  category: 'commission',
  summary: 'Tiered commission on an amount: marginal (each slice earns its tier\'s rate) or retroactive (all of it earns the top tier reached).',
  params: [
    numbers('amount', 'Amount credited this time (bookings, revenue); a cell or a column, one rep per row. A negative amount (a refund) takes commission back; a total below 0 earns the first tier\'s rate.'),
    table('tiers', 'Two columns: lower bound, rate (8% or 0.08); bounds ascending from 0. With quota, bounds are shares of quota (0, 100%, 125%). A header row is allowed.'),
    choice(text('method', 'marginal (each slice of the amount earns its own tier\'s rate, like tax brackets) or retroactive (the whole amount earns the rate of the highest tier reached).'), 'marginal', ['marginal', 'retroactive']),
    optional(numbers('prior', 'Amount already credited this period; the result is C(prior + amount) − C(prior). A cell or a column; blank means 0.', { blank: 'optional' }), 0),
    optional(numbers('quota', 'Quota, to read the tier bounds as attainment (1 or 100% is quota); a cell or a column.', { limit: 'positive' })),
  ],
  result: 'per-row',
  format: 'currency',
  examples: [
    { args: [650000, PLAN_TIERS, null, null, 500000], expect: 58750 },
    { args: [650000, PLAN_TIERS, 'retroactive', null, 500000], expect: 97500 },
    { args: [20000, AMOUNT_TIERS, 'marginal', 145000], expect: 1100 },
    { args: [20000, AMOUNT_TIERS, 'retroactive', 145000], expect: 4100 },
    // One tier table for a column of reps; a blank row stays blank, a refund takes back commission at the base rate.
    // 100000 × 4% = 4000; 150000 × 4% + 50000 × 6% = 9000; −5000 × 4% = −200.
    { args: [[[100000], [200000], [null], [-5000]], AMOUNT_TIERS], expect: [[4000], [9000], [''], [-200]] },
    // Per-rep quotas, with a header row on the tier table; quota 0 marks only its row.
    // 400000 of 500000 is 80%: 400000 × 8% = 32000; 900000 of 600000 is 150%: 600000 × 8% + 150000 × 12% + 150000 × 15% = 88500.
    {
      args: [[[400000], [900000], [100000]], [['Attainment', 'Rate'], ...PLAN_TIERS], null, null, [[500000], [600000], [0]]],
      expect: [[32000], [88500], ['#DIV/0!']],
    },
  ],
  impl(amount, tiersTable, method, prior, quota) {
    const tiers = readTiers(tiersTable, quota !== undefined);
    const retroactive = method === 'retroactive';
    return new Rows([amount, prior, quota]).map((i) => {
      const q = quota ? quota.at(i) : 1;
      const x = amount.at(i);
      const p = prior ? prior.valueOr(i, 0) : 0;
      const earned =
        p === 0
          ? commissionOn(tiers, retroactive, x / q)
          : commissionOn(tiers, retroactive, (p + x) / q) - commissionOn(tiers, retroactive, p / q);
      const result = earned * q;
      if (!Number.isFinite(result)) return badNumber(`commission on amount ${formatNumber(x)}${inRow(amount, i)} is too large to compute`);
      return result;
    });
  },
});

const CURVE = [
  [0.5, 0],
  [1, 1],
  [1.5, 2],
];

export const PAYOUT_CURVE = defineFunction({
  name: 'PAYOUT_CURVE',
  category: 'commission',
  summary: 'Payout as a share of target incentive, read off a pay curve: 0 below the threshold, linear between points, accelerating beyond the last.',
  params: [
    numbers('attainment', 'Attainment per rep (1.2 or 120% is 20% over quota); a cell or a column.'),
    table('curve', 'Two columns: attainment, payout (shares of target incentive), attainment strictly ascending. The first point is the threshold; a header row is allowed.'),
    optional(number('cap', 'The most the curve pays, as a share of target incentive (225% or 2.25). Blank means no cap.')),
  ],
  result: 'per-row',
  format: 'percent',
  examples: [
    { args: [0.8, CURVE], expect: 0.6 },
    { args: [0.4, CURVE], expect: 0 },
    { args: [1.2, CURVE], expect: 1.4 },
    { args: [1.75, CURVE], expect: 2.5 },
    { args: [1.75, CURVE, 2.25], expect: 2.25 },
    // A column of reps against one curve; the cap holds the 200% rep at 225%.
    { args: [[[0.8], [0.4], [null], [1.2], [2]], CURVE, '225%'], expect: [[0.6], [0], [''], [1.4], [2.25]] },
  ],
  impl(attainment, curveTable, cap) {
    const curve = readCurve(curveTable);
    if (cap !== undefined) {
      if (cap < 0) throw badNumber(`cap ${formatNumber(cap)} is negative`);
      const slip = percentTypedAsNumber(cap, 'cap', noPlace);
      if (slip) throw slip;
    }
    return new Rows([attainment]).map((i) => {
      const x = attainment.at(i);
      let payout = payoutAt(curve, x);
      if (cap !== undefined && payout > cap) payout = cap;
      if (!Number.isFinite(payout)) {
        return badNumber(`payout for attainment ${formatNumber(x)}${inRow(attainment, i)} is too large to compute: give a cap`);
      }
      return payout;
    });
  },
});

export const DRAW_SCHEDULE = defineFunction({
  name: 'DRAW_SCHEDULE',
  category: 'commission',
  summary: 'What a rep on a draw is paid each period, and (for a recoverable draw) the balance still owed, as a table.',
  params: [
    numbers('earned', 'Commission earned per period, in order; one column (or row). A blank period is left out and carries the balance over; enter 0 for a period with nothing earned.'),
    numbers('draw', 'The draw guaranteed each period; one cell, or a column matching earned when it changes.'),
    optional(boolean('recoverable', 'TRUE (default): earnings above the draw first repay what the draw advanced. FALSE: the draw is a floor and nothing is owed.'), true),
  ],
  result: 'table',
  format: { columns: ['currency', 'currency'] },
  examples: [
    {
      args: [[[1500], [500], [3000]], 2000],
      expect: [['Paid', 'Balance'], [2000, 500], [2000, 2000], [2000, 1000]],
    },
    {
      args: [[[1500], [500], [3000]], 2000, false],
      expect: [['Paid', 'Balance'], [2000, 0], [2000, 0], [3000, 0]],
    },
    // The draw ends after two months of ramp: all of month 3's 1000 goes to the 1500 owed, and month 4 repays the last 500.
    {
      args: [[[500], [0], [1000], [4000]], [[1000], [1000], [0], [0]]],
      expect: [['Paid', 'Balance'], [1000, 500], [1000, 1500], [0, 500], [3500, 0]],
    },
  ],
  impl(earned, draw, recoverable) {
    return drawSchedule(earned, draw, recoverable);
  },
});

/** A date for messages; a serial far outside the calendar reads as the number. */
function describeDate(serial: number): string {
  return serial >= 1 && serial < 2958466 ? isoFromSerial(serial) : formatNumber(serial);
}

export const CLAWBACK = defineFunction({
  name: 'CLAWBACK',
  category: 'commission',
  summary: 'Commission to recover per deal when it cancels within the clawback window after closing.',
  params: [
    numbers('commission', 'Commission paid on each deal; a cell or a column.'),
    dates('close_dates', 'The day each deal closed.'),
    dates('cancel_dates', 'The day each deal cancelled; blank when it did not.', { blank: 'optional' }),
    numbers('window_days', 'Days after closing during which a cancellation claws commission back (90); a cell or a column. A cancellation on the last day still counts.'),
    choice(text('method', 'full (recover all of it) or prorated (recover commission × (1 − days active / window_days)).'), 'full', ['full', 'prorated']),
  ],
  result: 'per-row',
  format: 'currency',
  examples: [
    { args: [1000, '2026-01-01', '2026-03-02', 90], expect: 1000 },
    { args: [1000, '2026-01-01', '2026-03-02', 90, 'prorated'], expect: 333.3333333333333 },
    // Active 60 days: prorated recovers 1000 × 30/90; no cancel and a cancel after 151 days recover 0;
    // a cancel before the close is #NUM! in that row only.
    {
      args: [
        [[1000], [500], [800], [300]],
        [['2026-01-01'], ['2026-01-01'], ['2026-01-01'], ['2026-02-01']],
        [['2026-03-02'], [null], ['2026-06-01'], ['2026-01-15']],
        90,
        'prorated',
      ],
      expect: [[333.3333333333333], [0], [0], ['#NUM!']],
    },
  ],
  impl(commission, closeDates, cancelDates, windowDays, method) {
    const prorated = method === 'prorated';
    return new Rows([commission, closeDates, cancelDates, windowDays]).map((i) => {
      const window = windowDays.at(i);
      if (!(window > 0)) {
        return badNumber(`window_days ${formatNumber(window)}${inRow(windowDays, i)} must be above 0: give the days after closing during which a cancellation claws back`);
      }
      if (cancelDates.isBlankAt(i)) return 0;
      const cancel = cancelDates.at(i);
      const close = closeDates.at(i);
      const daysActive = Math.floor(cancel) - Math.floor(close);
      if (daysActive < 0) {
        return badNumber(`cancel date ${describeDate(cancel)}${inRow(cancelDates, i)} is before the close date ${describeDate(close)}${inRow(closeDates, i)}`);
      }
      if (daysActive > window) return 0;
      const paid = commission.at(i);
      return prorated ? paid * (1 - daysActive / window) : paid;
    });
  },
});

export const SPLIT_CREDIT = defineFunction({
  name: 'SPLIT_CREDIT',
  category: 'commission',
  summary: 'Splits a deal\'s credit between reps: amount × each split, checking the splits add up to 100%.',
  params: [
    number('amount', 'The deal amount (or commission) to split.'),
    numbers('splits', 'Each rep\'s share (60% or 0.6); a row or a column. The result has the same shape.', { limit: 'fraction', label: 'split' }),
    optional(boolean('allow_overlay', 'TRUE lets the splits add up to more than 100% (overlay credit, e.g. a specialist credited on top of the account rep). Default FALSE.'), false),
  ],
  result: 'per-row',
  format: 'currency',
  examples: [
    { args: [100000, [[0.6, 0.4]]], expect: [[60000, 40000]] },
    // Overlay: the account reps split 100% and a specialist gets 20% on top.
    { args: [100000, [[0.6], [0.4], [0.2]], true], expect: [[60000], [40000], [20000]] },
  ],
  impl(amount, splits, allowOverlay) {
    let total = 0;
    const rows = new Rows([splits]);
    rows.forEach((i) => {
      total += splits.at(i);
    });
    if (!allowOverlay && Math.abs(total - 1) > 1e-9) {
      throw badNumber(
        `splits add up to ${formatPercent(total)}, not 100%: correct the splits` +
          (total > 1 ? ', or set allow_overlay to TRUE if the extra is overlay credit' : ''),
      );
    }
    if (allowOverlay && total < 1 - 1e-9) {
      throw badNumber(`splits add up to ${formatPercent(total)}: overlay credit may add up to more than 100%, but not less`);
    }
    return rows.map((i) => amount * splits.at(i));
  },
});

export const COMMISSION_FUNCTIONS: readonly FunctionSpec[] = [COMMISSION, PAYOUT_CURVE, DRAW_SCHEDULE, CLAWBACK, SPLIT_CREDIT];
