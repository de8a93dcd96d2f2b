/** Commission plans: the checks on a plan, what it pays (worked by hand), the preview, and the sheet in the playground's engine. */
import { parseRange } from '../core/a1';
import { isFormulaCell } from '../core/templates';
import {
  type CommissionPlan,
  PLAN_PROBLEM_CODES,
  PlanProblemsError,
  type RepRow,
  buildCommissionSheet,
  commissionSheet,
  previewCurve,
  referencePayouts,
  validatePlan,
  validateReps,
} from '../core/templates/commission';
import { planCases } from './support/commission-plans';
import { figures, insertedSheet } from './support/commission-sheet';
import { sheetWords } from '../ui/sheet-words';

const FUNCTIONS_MD_TIERS = [
  { from: 0, rate: 0.08 },
  { from: 1, rate: 0.12 },
  { from: 1.25, rate: 0.15 },
];
const FUNCTIONS_MD_CURVE = [
  { attainment: 0.5, payout: 0 },
  { attainment: 1, payout: 1 },
  { attainment: 1.5, payout: 2 },
];
const rep = (quota: number, ...bookings: number[]): RepRow => ({ rep: 'Ana Silva', quota, bookings });
/** Equal to the cent and far beyond: floating-point noise aside. */
const near = (values: number[]) => values.map((v) => expect.closeTo(v, 6));
const payouts = (plan: CommissionPlan, reps: RepRow[]) => referencePayouts(plan, reps);
const monthly = (plan: CommissionPlan, reps: RepRow[], key: 'earnedThisPeriod' | 'payout' | 'drawPaid' | 'balance') =>
  payouts(plan, reps).map((r) => r.periods.map((p) => p[key]));

describe('validatePlan names each problem by field, with a stable code', () => {
  const problems = (plan: unknown) => validatePlan(plan as CommissionPlan);

  it('a sound plan of each kind has none', () => {
    expect(problems({ kind: 'flat', rate: 0.1 })).toEqual([]);
    expect(problems({ kind: 'marginal', tiers: FUNCTIONS_MD_TIERS, gate: 0.5, draw: { amount: 2000, recoverable: true }, periods: 'annual' })).toEqual([]);
    expect(problems({ kind: 'curve', curve: FUNCTIONS_MD_CURVE, cap: 2.25, targetIncentive: 20000, periods: 'quarterly', gate: null, draw: null })).toEqual([]);
  });

  it.each([
    ['a rate above 100%', { kind: 'flat', rate: 1.2 }, 'rate', 'rate-above-100'],
    ['a negative rate', { kind: 'flat', rate: -0.1 }, 'rate', 'negative'],
    ['a missing rate', { kind: 'flat', rate: Number.NaN }, 'rate', 'missing'],
    ['a rate typed as text', { kind: 'flat', rate: '10%' }, 'rate', 'missing'],
    ['descending tiers', { kind: 'marginal', tiers: [{ from: 0, rate: 0.05 }, { from: 1, rate: 0.1 }, { from: 0.8, rate: 0.12 }] }, 'tiers[2].from', 'not-ascending'],
    ['two tiers from the same bound', { kind: 'retroactive', tiers: [{ from: 0, rate: 0.05 }, { from: 0, rate: 0.1 }] }, 'tiers[1].from', 'not-ascending'],
    ['tiers not starting at 0', { kind: 'marginal', tiers: [{ from: 0.5, rate: 0.1 }] }, 'tiers[0].from', 'tiers-not-from-zero'],
    ['no tiers', { kind: 'marginal', tiers: [] }, 'tiers', 'too-few'],
    ['a tier rate above 100%', { kind: 'retroactive', tiers: [{ from: 0, rate: 12 }] }, 'tiers[0].rate', 'rate-above-100'],
    ['a bound typed as a percentage', { kind: 'marginal', tiers: [{ from: 0, rate: 0.1 }, { from: 150, rate: 0.2 }] }, 'tiers[1].from', 'above-1000'],
    ['a retroactive rate that falls', { kind: 'retroactive', tiers: [{ from: 0, rate: 0.1 }, { from: 1, rate: 0.05 }] }, 'tiers[1].rate', 'payout-falls'],
    ['a curve of one point', { kind: 'curve', curve: [{ attainment: 1, payout: 1 }] }, 'curve', 'too-few'],
    ['curve points out of order', { kind: 'curve', curve: [{ attainment: 1, payout: 0 }, { attainment: 0.5, payout: 1 }] }, 'curve[1].attainment', 'not-ascending'],
    ['a curve that pays less for more', { kind: 'curve', curve: [{ attainment: 0.5, payout: 1 }, { attainment: 1, payout: 0.5 }] }, 'curve[1].payout', 'payout-falls'],
    ['a cap below target', { kind: 'curve', curve: FUNCTIONS_MD_CURVE, cap: 0.9 }, 'cap', 'cap-below-target'],
    ['a missing target incentive figure', { kind: 'curve', curve: FUNCTIONS_MD_CURVE, targetIncentive: Number.NaN }, 'targetIncentive', 'missing'],
    ['a gate above 250%', { kind: 'flat', rate: 0.1, gate: 3 }, 'gate', 'gate-above-250'],
    ['a negative gate', { kind: 'flat', rate: 0.1, gate: -0.5 }, 'gate', 'negative'],
    ['a draw without an amount', { kind: 'flat', rate: 0.1, draw: { recoverable: true } }, 'draw.amount', 'missing'],
    ['a draw neither recoverable nor not', { kind: 'flat', rate: 0.1, draw: { amount: 100 } }, 'draw.recoverable', 'missing'],
    ['an unknown kind', { kind: 'bonus' }, 'kind', 'unknown-choice'],
    ['unknown pay periods', { kind: 'flat', rate: 0.1, periods: 'weekly' }, 'periods', 'unknown-choice'],
    ['too many tiers', { kind: 'marginal', tiers: Array.from({ length: 21 }, (_, k) => ({ from: k / 10, rate: 0.1 })) }, 'tiers', 'too-many'],
  ])('%s', (_what, plan, field, code) => {
    expect(problems(plan)).toEqual([{ field, code }]);
  });

  it('the codes the sidebar attaches messages to stay as they are', () => {
    expect(PLAN_PROBLEM_CODES).toEqual([
      'missing', 'negative', 'rate-above-100', 'above-1000', 'unknown-choice', 'too-few', 'too-many', 'too-long',
      'not-positive', 'list-length', 'tiers-not-from-zero', 'not-ascending', 'payout-falls', 'cap-below-target', 'gate-above-250',
    ]);
  });

  it('reps: a zero quota, a missing booking, uneven periods, a missing target incentive, too many months', () => {
    const curve: CommissionPlan = { kind: 'curve', curve: FUNCTIONS_MD_CURVE };
    expect(validateReps(curve, [{ rep: 'A', quota: 0, bookings: [1, Number.NaN], targetIncentive: 5 }, { rep: 'B', quota: 10, bookings: [1] }])).toEqual([
      { field: 'reps[0].quota', code: 'not-positive' },
      { field: 'reps[0].bookings[1]', code: 'missing' },
      { field: 'reps[1].bookings', code: 'list-length' },
      { field: 'reps[1].targetIncentive', code: 'missing' },
    ]);
    expect(validateReps({ kind: 'flat', rate: 0.1 }, [rep(10, ...new Array(13).fill(1))])).toEqual([{ field: 'reps[0].bookings', code: 'too-many' }]);
    expect(validateReps({ kind: 'flat', rate: 0.1 }, [])).toEqual([{ field: 'reps', code: 'too-few' }]);
  });

  it('payouts, the preview and the sheet refuse an unsound plan with its problems, and write nothing', () => {
    const plan = { kind: 'flat', rate: 1.5 } as CommissionPlan;
    for (const make of [() => payouts(plan, [rep(10, 5)]), () => previewCurve(plan), () => commissionSheet(plan, [rep(10, 5)], sheetWords)]) {
      expect(make).toThrow(PlanProblemsError);
      expect(make).toThrow(/rate \(rate-above-100\)/);
    }
  });
});

describe('what a plan pays: FUNCTIONS.md’s examples as plans', () => {
  it('COMMISSION: quota 500000, tiers 0/8%, 100%/12%, 125%/15%, bookings 650000', () => {
    expect(payouts({ kind: 'marginal', tiers: FUNCTIONS_MD_TIERS }, [rep(500000, 650000)])[0].payout).toBeCloseTo(58750, 6);
    expect(payouts({ kind: 'retroactive', tiers: FUNCTIONS_MD_TIERS }, [rep(500000, 650000)])[0].payout).toBeCloseTo(97500, 6);
  });

  it('COMMISSION with prior: 145000 credited, then 20000, against a 150000 tier edge, as two months of an annual plan', () => {
    const tiers = [{ from: 0, rate: 0.04 }, { from: 1, rate: 0.06 }];
    expect(monthly({ kind: 'marginal', tiers, periods: 'annual' }, [rep(150000, 145000, 20000)], 'earnedThisPeriod')[0][1]).toBeCloseTo(1100, 6);
    expect(monthly({ kind: 'retroactive', tiers, periods: 'annual' }, [rep(150000, 145000, 20000)], 'earnedThisPeriod')[0][1]).toBeCloseTo(4100, 6);
  });

  it('PAYOUT_CURVE: curve 50%/0, 100%/100%, 150%/200% on a 10000 target incentive; with a 225% cap', () => {
    const reps = [80000, 40000, 120000, 175000].map((b) => rep(100000, b));
    const plan: CommissionPlan = { kind: 'curve', curve: FUNCTIONS_MD_CURVE, targetIncentive: 10000 };
    expect(payouts(plan, reps).map((r) => r.payout)).toEqual(near([6000, 0, 14000, 25000]));
    expect(payouts({ ...plan, cap: 2.25 }, reps)[3].payout).toBeCloseTo(22500, 6);
  });

  it('DRAW_SCHEDULE: earned 1500, 500, 3000 against a 2000 draw, recoverable and not', () => {
    const reps = [rep(100000, 15000, 5000, 30000)];
    const recoverable: CommissionPlan = { kind: 'flat', rate: 0.1, draw: { amount: 2000, recoverable: true } };
    expect(monthly(recoverable, reps, 'drawPaid')).toEqual([[2000, 2000, 2000]]);
    expect(monthly(recoverable, reps, 'balance')).toEqual([[500, 2000, 1000]]);
    expect(monthly({ ...recoverable, draw: { amount: 2000, recoverable: false } }, reps, 'drawPaid')).toEqual([[2000, 2000, 3000]]);
  });
});

describe('what a plan pays: options worked by hand', () => {
  const tiers = [{ from: 0, rate: 0.05 }, { from: 1, rate: 0.1 }];

  it('an annual plan paid monthly trues up: the big third month is paid at the rate the year reached', () => {
    // Quota 120000. To date: 30000 → 1500; 60000 → 3000; 150000 → 120000 × 5% + 30000 × 10% = 9000.
    expect(monthly({ kind: 'marginal', tiers, periods: 'annual' }, [rep(120000, 30000, 30000, 90000)], 'earnedThisPeriod')[0]).toEqual(near([1500, 1500, 6000]));
    // Retroactive: 150000 × 10% = 15000 at 125%, less the 3000 paid.
    expect(monthly({ kind: 'retroactive', tiers, periods: 'annual' }, [rep(120000, 30000, 30000, 90000)], 'earnedThisPeriod')[0]).toEqual(near([1500, 1500, 12000]));
  });

  it('a quarterly plan starts again each quarter', () => {
    // Quota 30000 a quarter. Q1: 20000 → 1000; 40000 → 1500 + 1000 = 2500; nothing more. Q2: 10000 → 500.
    expect(monthly({ kind: 'marginal', tiers, periods: 'quarterly' }, [rep(30000, 20000, 20000, 0, 10000)], 'earnedThisPeriod')[0]).toEqual(near([1000, 1500, 0, 500]));
  });

  it('a gate pays nothing below it and everything from it; held commission comes back when the year crosses it', () => {
    const plan: CommissionPlan = { kind: 'flat', rate: 0.1, gate: 0.5 };
    expect(payouts(plan, [rep(100000, 49999), rep(100000, 50000)]).map((r) => r.payout)).toEqual([0, 5000]);
    const year = payouts({ ...plan, periods: 'annual' }, [rep(100000, 20000, 20000, 20000)])[0].periods;
    expect(year.map((p) => p.heldByGate)).toEqual(near([2000, 4000, 0]));
    expect(year.map((p) => p.earnedThisPeriod)).toEqual([0, 0, 6000]);
  });

  it('a draw on a monthly true-up: advanced, repaid, advanced again', () => {
    // Earned 1000, 3000, 0 a month against 2000: paid 2000 (owes 1000), 2000 (repays 1000), 2000 (owes 2000).
    const plan: CommissionPlan = { kind: 'flat', rate: 0.1, periods: 'annual', draw: { amount: 2000, recoverable: true } };
    const reps = [rep(100000, 10000, 30000, 0)];
    expect(monthly(plan, reps, 'payout')).toEqual([near([2000, 2000, 2000])]);
    expect(monthly(plan, reps, 'balance')).toEqual([near([1000, 0, 2000])]);
    expect(monthly({ ...plan, draw: { amount: 2000, recoverable: false } }, reps, 'payout')).toEqual([near([2000, 3000, 2000])]);
  });
});

describe('previewCurve', () => {
  it('a pay curve for the example rep (target incentive 20000): the table at 50–150% and the chart to 200%', () => {
    const preview = previewCurve({ kind: 'curve', curve: FUNCTIONS_MD_CURVE });
    expect(preview.table.map((p) => [p.attainment, p.payout])).toEqual([
      [0.5, 0],
      [0.8, expect.closeTo(12000, 6)],
      [1, 20000],
      [1.2, expect.closeTo(28000, 6)],
      [1.5, 40000],
    ]);
    expect(preview.chart).toHaveLength(41);
    expect(preview.chart[0]).toEqual({ attainment: 0, payout: 0 });
    // Beyond 150% the last slope goes on: 200% pays 300% of target.
    expect(preview.chart[40]).toEqual({ attainment: 2, payout: expect.closeTo(60000, 6) });
    expect(previewCurve({ kind: 'curve', curve: FUNCTIONS_MD_CURVE, cap: 2.25 }).chart[40].payout).toBeCloseTo(45000, 6);
  });

  it('a gated flat plan for a stated example quota', () => {
    const preview = previewCurve({ kind: 'flat', rate: 0.1, gate: 0.9 }, { quota: 200000, targetIncentive: 0 });
    expect(preview.table.map((p) => p.payout)).toEqual(near([0, 0, 20000, 24000, 30000]));
  });
});

describe('the commission sheet', () => {
  const ALLOWED = new Set(['SUM', 'SUMPRODUCT', 'INDEX', 'MATCH', 'LOOKUP', 'MIN', 'MAX', 'IF', 'AND', 'OR', 'ROUND', 'ABS']);
  const hostile = ['<img src=x onerror=alert(1)>', '=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0"];
  const reps: RepRow[] = hostile.map((name, i) => ({ rep: name, quota: 100000, bookings: [40000 + i * 30000, 20000, 30000], targetIncentive: 10000 }));
  const everyShape: CommissionPlan[] = planCases(7, 72).map((c) => c.plan);

  it('every computed cell is a native formula from the allowed few, for every kind and option', () => {
    const used = new Set<string>();
    for (const plan of everyShape) {
      const sheet = commissionSheet(plan, reps, sheetWords);
      for (const cell of sheet.cells.flat().filter(isFormulaCell)) {
        for (const name of cell.formula.match(/(?<![A-Z0-9.])[A-Z][A-Z0-9.]*(?=\()/g) ?? []) used.add(name);
      }
    }
    expect([...used].filter((name) => !ALLOWED.has(name))).toEqual([]);
    expect([...used].sort()).toEqual(['IF', 'INDEX', 'MATCH', 'MAX', 'MIN', 'SUM']);
  });

  it('rep names are literal text, hostile ones included', () => {
    const sheet = commissionSheet({ kind: 'flat', rate: 0.1 }, reps, sheetWords);
    const names = sheet.cells.map((row) => row[0]);
    for (const name of hostile) expect(names).toContain(name);
  });

  it('attainment reads as a percentage and money as currency without decimals', () => {
    const { sheet, cells } = buildCommissionSheet({ kind: 'marginal', tiers: FUNCTIONS_MD_TIERS, draw: { amount: 1000, recoverable: true } }, reps, sheetWords);
    const formatOf = (name: string) => {
      const ref = parseRange(name)!;
      return sheet.formats!.filter((f) => {
        const r = parseRange(f.range)!;
        return ref.top >= r.top && ref.bottom <= r.bottom && ref.left >= r.left && ref.right <= r.right;
      }).map((f) => f.format);
    };
    const period = cells.reps[1].periods[0];
    expect(formatOf(period.attainment)).toEqual(['0.0%']);
    for (const money of [period.bookings, period.earned, period.drawPaid!, period.balance!]) expect(formatOf(money)).toEqual(['$#,##0']);
  });

  it('a line chart of payout against attainment, fed by the sheet’s own table', () => {
    const { sheet, cells } = buildCommissionSheet({ kind: 'flat', rate: 0.1 }, reps, sheetWords);
    expect(sheet.charts).toHaveLength(1);
    const [chart] = sheet.charts!;
    expect(chart.kind).toBe('line');
    expect(chart.series[0].values).toBe(`${cells.chart[0]}:${cells.chart[40]}`);
  });

  it('in the playground’s engine it pays FUNCTIONS.md’s tiers, and follows a rate finance changes', () => {
    const s = insertedSheet({ kind: 'marginal', tiers: FUNCTIONS_MD_TIERS }, [rep(500000, 650000), rep(400000, 320000)]);
    const [ana, ben] = s.cells.reps.map((r) => r.periods[0]);
    expect(s.value(ana.attainment)).toBe(1.3);
    expect(s.value(ana.payout)).toBeCloseTo(58750, 6);
    expect(s.value(ben.payout)).toBeCloseTo(25600, 6);
    // The third tier's rate, 15% → 20%: 40000 + 15000 + 25000 × 20%.
    const rateCell = s.sheet.cells.findIndex((row) => row[0] === 'Tier 3');
    s.type(`C${rateCell + 1}`, '20%');
    expect(s.value(ana.payout)).toBeCloseTo(60000, 6);
    expect(s.value(ben.payout)).toBeCloseTo(25600, 6);
  });

  it('in the playground’s engine a pay curve follows its target incentive and cap cells', () => {
    const s = insertedSheet({ kind: 'curve', curve: FUNCTIONS_MD_CURVE, targetIncentive: 10000, cap: 2.25 }, [rep(100000, 175000)]);
    const payout = s.cells.reps[0].periods[0].payout;
    expect(s.value(payout)).toBeCloseTo(22500, 6);
    const row = (label: string) => s.sheet.cells.findIndex((r) => typeof r[0] === 'string' && r[0].startsWith(label)) + 1;
    s.type(`B${row('Cap')}`, '300%');
    expect(s.value(payout)).toBeCloseTo(25000, 6);
    s.type(`B${row('Target incentive')}`, '20000');
    expect(s.value(payout)).toBeCloseTo(50000, 6);
  });

  it('in the playground’s engine 72 seeded plans, one of each kind and option, compute every figure the reference does', () => {
    let largest = 0;
    for (const { plan, reps: rows } of planCases(99, 72)) {
      const s = insertedSheet(plan, rows);
      for (const figure of figures(plan, rows, s.cells)) {
        const got = s.value(figure.cell);
        if (typeof got !== 'number') throw new Error(`${figure.what} in ${figure.cell} is ${String(got)}`);
        largest = Math.max(largest, Math.abs(got - figure.expected));
      }
    }
    expect(largest).toBeLessThanOrEqual(1e-6);
  });
});
