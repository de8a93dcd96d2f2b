/** A commission sheet inserted in the playground's HyperFormula workbook, read back cell by cell. */
import { parseCell } from '../../core/a1';
import type { CommissionPlan, CommissionSheetOptions, RepRow } from '../../core/templates/commission';
import { buildCommissionSheet } from '../../core/templates/commission';
import { Workbook } from '../../playground/workbook';

export function insertedSheet(plan: CommissionPlan, reps: readonly RepRow[], options: CommissionSheetOptions = {}) {
  const built = buildCommissionSheet(plan, reps, options);
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
