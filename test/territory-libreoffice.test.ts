/**
 * Cross-engine truth for the territory sheet: seeded scenarios are inserted in
 * the playground, downloaded as .xlsx, recalculated by LibreOffice (forced on
 * load) and read back: every territory's account count, totals and targets
 * equal the core's, and one formula's cached answer, overwritten with a wrong
 * value, comes back right.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parseCell } from '../core/a1';
import { createRandom } from '../core/random';
import { type TerritorySheetCells, buildTerritorySheet, runScenario } from '../core/templates/territory';
import { bookData } from '../playground/io/book-data';
import { writeXlsx } from '../playground/io/xlsx';
import { Workbook } from '../playground/workbook';
import { libreOfficeSaves } from './support/libreoffice';
import { sheetWords } from '../ui/sheet-words';

jest.setTimeout(120_000);

const SCENARIOS = 12;
const TOLERANCE = 1e-6;
const WRONG = 987654321;

const dir = mkdtempSync(path.join(os.tmpdir(), 'salesops-territory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Scenario s: 50 to 400 accounts with one to three balance columns, by count or by reps with shares, owners on some. */
function scenarioRequest(s: number) {
  const random = createRandom(7000 + s);
  const m = 1 + (s % 3);
  const byReps = s % 2 === 1;
  const names = Array.from({ length: 2 + random.int(0, 6) }, (_, t) => (byReps ? `Rep ${t + 1}` : String(t + 1)));
  const accounts = Array.from({ length: 50 + random.int(0, 350) }, (_, i) => ({
    account: `Account ${i + 1}`,
    balances: Array.from({ length: m }, () => Math.round(100 / (1 - random.next() * 0.9)) / 4),
    owner: random.next() < 0.3 ? random.pick(names) : '',
  }));
  return {
    accounts,
    measures: Array.from({ length: m }, (_, j) => ({ name: `Balance ${j + 1}`, importance: 1 + j })),
    by: byReps ? 'reps' : 'count',
    count: names.length,
    reps: names.map((rep, t) => ({ rep, share: t === 0 ? 1.5 : null })),
    tolerance: 0.05,
  } as const;
}

const numberIn = (cell: ExcelJS.Cell): number | string => {
  const value = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  return typeof value === 'number' ? value : JSON.stringify(value);
};

describe('territory sheets recalculated by LibreOffice equal the core’s totals', () => {
  const sheets: { name: string; cells: TerritorySheetCells; scenario: ReturnType<typeof runScenario> }[] = [];
  let input = '';

  beforeAll(async () => {
    const workbook = new Workbook();
    const built = Array.from({ length: SCENARIOS }, (_, s) => {
      const request = scenarioRequest(s);
      const scenario = runScenario(request);
      const { sheet, cells } = buildTerritorySheet(request, scenario, sheetWords);
      const name = `Scenario ${s + 1}`;
      sheets.push({ name, cells, scenario });
      return { ...sheet, name };
    });
    workbook.insertPlans(built);
    const book = bookData(workbook);
    // The first scenario's first total is cached wrong: only a recalculation puts it right.
    const at = parseCell(sheets[0].cells.territories[0].measures[0].total)!;
    const wrong = {
      sheets: book.sheets.map((sheet) =>
        sheet.name !== sheets[0].name ? sheet : { ...sheet, rows: sheet.rows.map((row, r) => (r !== at.row ? row : row.map((cell, c) => (c === at.col && cell ? { ...cell, value: WRONG } : cell)))) },
      ),
    };
    input = path.join(dir, 'territories.xlsx');
    writeFileSync(input, await writeXlsx(wrong));
  });

  it(`${SCENARIOS} scenarios: every count, total and target within ${TOLERANCE}`, async () => {
    const [saved] = await libreOfficeSaves(dir, 'recalculated', true, [input]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(saved);
    const failures: string[] = [];
    let compared = 0;
    for (const { name, cells, scenario } of sheets) {
      const worksheet = book.getWorksheet(name)!;
      const compare = (ref: string, expected: number, what: string) => {
        const got = numberIn(worksheet.getCell(ref));
        compared++;
        if (typeof got !== 'number' || Math.abs(got - expected) > TOLERANCE * Math.max(1, Math.abs(expected))) failures.push(`${name} ${ref} ${what}: ${got}, core ${expected}`);
      };
      cells.territories.forEach((territory, t) => {
        compare(territory.accounts, scenario.accountCounts[t], 'accounts');
        territory.measures.forEach((measure, j) => {
          compare(measure.total, scenario.totals[t][j], 'total');
          compare(measure.target, scenario.targets[t][j], 'target');
          const deviation = (scenario.totals[t][j] - scenario.targets[t][j]) / scenario.targets[t][j];
          compare(measure.deviation, deviation, 'deviation');
        });
      });
    }
    console.log(`Territory sheets in LibreOffice: ${compared} figures compared over ${SCENARIOS} scenarios, ${failures.length} differ`);
    expect(failures).toEqual([]);
    expect(compared).toBeGreaterThan(SCENARIOS * 2 * 3);
  });
});
