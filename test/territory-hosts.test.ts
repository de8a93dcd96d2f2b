/**
 * The same territory request inserted in the three hosts: the built Code.js
 * on a fake Sheets, the task pane's host on a fake Excel, and the playground's
 * workbook. Each re-runs the engine on the request and writes the same
 * assignment the sidebar's Run showed; the playground's summary formulas then
 * compute the core's totals, and follow an account reassigned by hand.
 */
import { planTemplate } from '../core/templates';
import { buildTerritorySheet, runScenario } from '../core/templates/territory';
import { isFormulaCell } from '../core/templates/plan';
import { parseCell } from '../core/a1';
import { createExcelHost } from '../office-addin/taskpane';
import { Workbook } from '../playground/workbook';
import { fakeAppsScript, spreadsheetZones } from './support/apps-script-fakes';
import { loadCode } from './support/apps-script-load';
import { FakeExcel } from './support/excel-workbook';
import { sheetWords } from '../ui/sheet-words';
import { createRandom } from '../core/random';

/** 300 accounts with two balances, coordinates, and owners for some: by count and by named reps with shares. */
function accounts(seed: number, owners: readonly string[]) {
  const random = createRandom(seed);
  return Array.from({ length: 300 }, (_, i) => ({
    account: `Account ${i + 1}`,
    balances: [Math.round(1000 / (1 - random.next() * 0.95)), 1 + random.int(0, 4)],
    latitude: 30 + random.next() * 15,
    longitude: -120 + random.next() * 40,
    owner: i % 3 === 0 ? random.pick(owners) : '',
    locked: i === 7 ? owners[0] : '',
  }));
}

const REQUESTS = [
  ['five territories', { template: 'territory', accounts: accounts(1, ['1', '2', '3', '4', '5']), measures: [{ name: 'Potential', importance: 0.6 }, { name: 'Workload', importance: 0.4 }], by: 'count', count: 5, tolerance: 0.05 }],
  [
    'three named reps',
    {
      template: 'territory',
      accounts: accounts(2, ['Ann', 'Bob', 'Cy']),
      measures: null,
      by: 'reps',
      reps: [{ rep: 'Ann', share: 1.5 }, { rep: 'Bob', share: null }, { rep: 'Cy', share: null }],
      tolerance: 0.1,
    },
  ],
] as const;

describe.each(REQUESTS)('%s', (_name, request) => {
  const scenario = runScenario(request);
  const { sheet: plan, cells } = buildTerritorySheet(request as never, scenario, sheetWords);
  const territoryOf = (t: number) => (request.by === 'count' ? t + 1 : scenario.territories[t]);
  const expected = scenario.assignment.map(territoryOf);
  const column = (read: (row: number) => unknown) => cells.assignment.map((ref) => read(parseCell(ref)!.row));

  it('the plan the host builds from the request is the sheet the sidebar previewed', () => {
    expect(planTemplate(request, sheetWords)).toEqual(plan);
  });

  it('Google Sheets writes the same assignment, the summary formulas and a chart per balance column', () => {
    const fake = fakeAppsScript({ timeZone: spreadsheetZones()[0], sheetNames: ['Sheet1'] });
    const name = loadCode(fake).run('salesopsInsertTemplate', request) as string;
    const sheet = fake.spreadsheet.sheet(name);
    expect(column((row) => sheet.shown(row + 1, 2)?.value)).toEqual(expected);
    const formulas = plan.cells.flat().filter(isFormulaCell).length;
    let written = 0;
    plan.cells.forEach((row, r) => row.forEach((_cell, c) => (written += sheet.shown(r + 1, c + 1)?.formula ? 1 : 0)));
    expect(written).toBe(formulas);
    expect(sheet.charts).toHaveLength(2);
  });

  it('Excel writes the same assignment, the summary formulas and a chart per balance column', async () => {
    const excel = new FakeExcel({ sheets: { Sheet1: [] }, selection: { sheet: 'Sheet1', address: 'A1' } });
    const name = await createExcelHost(excel).insertTemplate(request);
    const grid = excel.grid(name);
    expect(column((row) => grid[row][1])).toEqual(expected);
    expect(grid.flat().filter((cell) => typeof cell === 'string' && cell.startsWith('=SUMIFS(')).length).toBe(2 * scenario.territories.length);
    expect(excel.sheet(name)!.charts).toHaveLength(2);
  });

  it('the playground writes the same assignment, its summary computes the core’s totals, and follows a reassigned account', () => {
    const workbook = new Workbook();
    const sheet = workbook.sheetId(workbook.insertPlan(plan));
    const value = (ref: string) => workbook.hf.getCellValue({ sheet, ...parseCell(ref)! });
    expect(cells.assignment.map(value)).toEqual(expected);
    cells.territories.forEach((territory, t) => {
      expect(value(territory.accounts)).toBe(scenario.accountCounts[t]);
      territory.measures.forEach((measure, j) => {
        expect(value(measure.total)).toBeCloseTo(scenario.totals[t][j], 6);
        expect(value(measure.target)).toBeCloseTo(scenario.targets[t][j], 6);
      });
    });
    // Account 1 moves by hand to another territory: both territories' counts follow.
    const from = scenario.assignment[0];
    const to = (from + 1) % scenario.territories.length;
    workbook.setCell(sheet, parseCell(cells.assignment[0])!, String(territoryOf(to)));
    expect(value(cells.territories[from].accounts)).toBe(scenario.accountCounts[from] - 1);
    expect(value(cells.territories[to].accounts)).toBe(scenario.accountCounts[to] + 1);
    expect(value(cells.territories[to].measures[0].total)).toBeCloseTo(scenario.totals[to][0] + request.accounts[0].balances[0], 6);
  });
});
