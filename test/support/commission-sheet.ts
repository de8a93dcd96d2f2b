/** A commission sheet inserted in the playground's HyperFormula workbook, read back cell by cell. */
import { parseCell } from '../../core/a1';
import {
  CHART_ATTAINMENTS,
  type CommissionPlan,
  type CommissionSheetCells,
  type CommissionSheetOptions,
  DEFAULT_EXAMPLE,
  type ExampleRep,
  type RepRow,
  buildCommissionSheet,
  payoutsAt,
  referencePayouts,
} from '../../core/templates/commission';
import { Workbook } from '../../playground/workbook';
import { sheetWords } from '../../ui/sheet-words';

export function insertedSheet(plan: CommissionPlan, reps: readonly RepRow[], options: CommissionSheetOptions = {}) {
  const built = buildCommissionSheet(plan, reps, sheetWords, options);
  const workbook = new Workbook();
  const sheet = workbook.sheetId(workbook.insertPlan(built.sheet));
  const ref = (name: string) => {
    const cell = parseCell(name.replace(/\$/g, ''));
    if (!cell) throw new Error(`not a cell: ${name}`);
    return cell;
  };
  return {
    ...built,
    workbook,
    /** The value HyperFormula computed in a cell. */
    value: (name: string) => workbook.hf.getCellValue({ sheet, ...ref(name) }),
    /** Types into a cell, as a user would. */
    type: (name: string, input: string) => workbook.setCell(sheet, ref(name), input),
  };
}

/** One figure of a sheet and what the core says it should be. */
export interface Figure {
  readonly what: string;
  readonly cell: string;
  readonly expected: number;
}

const PERIOD_FIGURES = ['attainment', 'payoutShare', 'earnedToDate', 'earned', 'drawPaid', 'balance', 'payout'] as const;

/**
 * Every computed figure of a commission sheet with the core's value for it:
 * per rep and pay period (referencePayouts), each rep's total, and the payout
 * table (payoutsAt for the sheet's example rep).
 */
export function figures(plan: CommissionPlan, reps: readonly RepRow[], cells: CommissionSheetCells, example: ExampleRep = DEFAULT_EXAMPLE): Figure[] {
  const out: Figure[] = [];
  const reference = referencePayouts(plan, reps);
  reference.forEach((payout, i) => {
    const sheetRep = cells.reps[i];
    payout.periods.forEach((period, m) => {
      const names = sheetRep.periods[m];
      const expected: Record<(typeof PERIOD_FIGURES)[number], number | undefined> = {
        attainment: period.attainment,
        payoutShare: period.payoutShare,
        earnedToDate: period.earned,
        earned: period.earnedThisPeriod,
        drawPaid: period.drawPaid,
        balance: period.balance,
        payout: period.payout,
      };
      for (const key of PERIOD_FIGURES) {
        const cell = names[key];
        const value = expected[key];
        if (cell === undefined) continue;
        if (value === undefined) throw new Error(`the sheet has ${key} for ${payout.rep}, the reference does not`);
        out.push({ what: `${payout.rep} period ${m + 1} ${key}`, cell, expected: value });
      }
    });
    if (sheetRep.totalPaid) out.push({ what: `${payout.rep} total paid`, cell: sheetRep.totalPaid, expected: payout.payout });
  });
  const team = (pick: (rep: (typeof reference)[number]) => number) => reference.reduce((sum, rep) => sum + pick(rep), 0);
  cells.totals.payout.forEach((cell, m) => out.push({ what: `total payout period ${m + 1}`, cell, expected: team((rep) => rep.periods[m].payout) }));
  if (cells.totals.totalPaid) out.push({ what: 'total paid', cell: cells.totals.totalPaid, expected: team((rep) => rep.payout) });
  payoutsAt(plan, CHART_ATTAINMENTS, example).forEach((point, k) =>
    out.push({ what: `payout table at ${point.attainment}`, cell: cells.chart[k], expected: point.payout }),
  );
  return out;
}
