/**
 * Every plan kind with every option (pay periods, gate, draw recoverable or
 * not) inserted from the same request in the three hosts: the built Code.js on
 * a fake Sheets, the task pane's host on a fake Excel, and the playground's
 * workbook. Each gets the sheet with its formulas and its payout chart, and the
 * playground computes every cell without an error.
 */
import { planTemplate } from '../core/templates';
import { isFormulaCell } from '../core/templates/plan';
import { createExcelHost } from '../office-addin/taskpane';
import { Workbook } from '../playground/workbook';
import { fakeAppsScript, spreadsheetZones } from './support/apps-script-fakes';
import { loadCode } from './support/apps-script-load';
import { planCases } from './support/commission-plans';
import { FakeExcel } from './support/excel-workbook';
import { sheetWords } from '../ui/sheet-words';

// 72 cases: each of the 4 kinds × 3 pay periods × gate or not × no draw, recoverable or not.
const CASES = planCases(2027, 72).map(({ plan, reps }, i) => [i, plan.kind, plan.periods, plan.gate !== null, plan.draw ? (plan.draw.recoverable ? 'recoverable' : 'non-recoverable') : 'no draw', { ...plan, reps, template: 'commission' }] as const);

describe.each(CASES)('plan %i: %s, periods %s, gate %s, %s', (_i, _kind, _periods, _gate, _draw, request) => {
  const plan = planTemplate(request, sheetWords);
  const formulas = plan.cells.flat().filter(isFormulaCell).length;

  it('Google Sheets writes it, formulas and chart', () => {
    const fake = fakeAppsScript({ timeZone: spreadsheetZones()[0], sheetNames: ['Sheet1'] });
    const name = loadCode(fake).run('salesopsInsertTemplate', request) as string;
    const sheet = fake.spreadsheet.sheet(name);
    let written = 0;
    plan.cells.forEach((row, r) => row.forEach((_cell, c) => (written += sheet.shown(r + 1, c + 1)?.formula ? 1 : 0)));
    expect(written).toBe(formulas);
    expect(sheet.charts).toHaveLength(1);
  });

  it('Excel writes it, formulas and chart', async () => {
    const excel = new FakeExcel({ sheets: { Sheet1: [] }, selection: { sheet: 'Sheet1', address: 'A1' } });
    const name = await createExcelHost(excel).insertTemplate(request);
    const written = excel.grid(name).flat().filter((cell) => typeof cell === 'string' && cell.startsWith('=')).length;
    expect(written).toBe(formulas);
    expect(excel.sheet(name)!.charts).toHaveLength(1);
  });

  it('the playground computes every cell without an error', () => {
    const workbook = new Workbook();
    const sheet = workbook.sheetId(workbook.insertPlan(plan));
    const errors = workbook.hf.getSheetValues(sheet).flat().filter((value) => typeof value === 'object' && value !== null);
    expect(errors).toEqual([]);
  });
});
