/**
 * .xlsx out and in. The download is read back with ExcelJS itself: values,
 * native formulas, our functions stored as Excel stores an add-in's custom
 * function (_xldudf_SALESOPS_NAME) with their values cached, number formats,
 * column widths, bold and frozen rows, and spilled answers. Files made the
 * way Excel makes them (shared formulas, array formulas, _xlfn. names, merged
 * cells, report exports) open as new sheets in one step that undo takes back.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serialFromYmd } from '../core/values';
import { bookData } from '../playground/io/book-data';
import { decodeText, readCsv } from '../playground/io/csv';
import { insertImported } from '../playground/io/insert-imported';
import { demoWorkbook } from '../playground/io/session';
import { readXlsx, writeXlsx } from '../playground/io/xlsx';
import { Workbook } from '../playground/workbook';
import { parseCell, parseRange } from '../core/a1';

const DEMO = demoWorkbook().map((sheet) => sheet.name);

const salesforce = () =>
  readCsv(decodeText(readFileSync(path.join(__dirname, 'fixtures', 'exports', 'salesforce-opportunities.csv'))).text, 'Opportunities.csv');

/** The demo, an imported Salesforce report, and formulas over it of both kinds. */
function workOnDemo(): Workbook {
  const workbook = new Workbook();
  workbook.replaceAll(demoWorkbook());
  insertImported(workbook, salesforce());
  const sheet = workbook.sheetId('Opportunities');
  // Native: a total and a spilled weighting; ours: weighted pipeline over the import, and attainment with a zero quota.
  workbook.setCell(sheet, { row: 0, col: 8 }, '=SUM(C2:C9)');
  workbook.setCell(sheet, { row: 1, col: 8 }, '=C2:C4*F2:F4');
  workbook.setCell(sheet, { row: 0, col: 9 }, '=WEIGHTED_PIPELINE(C2:C6,F2:F6)');
  workbook.setCell(sheet, { row: 1, col: 9 }, '=QUOTA_ATTAINMENT(C2:C3,{100000;0})');
  return workbook;
}

async function exported(workbook: Workbook): Promise<ExcelJS.Workbook> {
  const file = new ExcelJS.Workbook();
  await file.xlsx.load((await writeXlsx(bookData(workbook))).buffer);
  return file;
}

const value = (workbook: Workbook, sheet: string, ref: string) => {
  const range = parseRange(ref)!;
  return workbook.values(workbook.sheetId(sheet), range)[0][0];
};

describe('the downloaded .xlsx, read back with ExcelJS', () => {
  const workbook = workOnDemo();
  let file: ExcelJS.Workbook;
  beforeAll(async () => {
    file = await exported(workbook);
  });
  const cell = (sheet: string, ref: string) => file.getWorksheet(sheet)!.getCell(ref);

  it('has every sheet, in the workbook’s order', () => {
    expect(file.worksheets.map((sheet) => sheet.name)).toEqual([...DEMO, 'Opportunities']);
  });

  it('stores our functions as Excel stores an add-in’s custom function, with the value cached', () => {
    const attainment = cell('Summary', 'F4');
    expect(attainment.formula).toBe('_xldudf_SALESOPS_QUOTA_ATTAINMENT(E4:E13,C4:C13)');
    expect(attainment.result).toBeCloseTo(value(workbook, 'Summary', 'F4') as number, 12);
    // Σ amount × probability over the first five deals, worked out by hand:
    // 12000×1 + 48500×1 + 135000×0 + 8750.5×0.1 + 22000×0.5 = 72375.05
    expect(cell('Opportunities', 'J1').formula).toBe('_xldudf_SALESOPS_WEIGHTED_PIPELINE(C2:C6,F2:F6)');
    expect(cell('Opportunities', 'J1').result).toBeCloseTo(72375.05, 6);
    for (const sheet of file.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((c) => {
          if (c.formula) expect(c.formula).not.toMatch(/(?<![_A-Z])(?:QUOTA_ATTAINMENT|WEIGHTED_PIPELINE|WIN_RATE)\(/);
        }),
      );
    }
  });

  it('writes the rest of a spilled answer of ours as values, so programs without the add-in show them', () => {
    for (const ref of ['F5', 'F13']) {
      expect(cell('Summary', ref).formula).toBeUndefined();
      expect(cell('Summary', ref).value).toBeCloseTo(value(workbook, 'Summary', ref) as number, 12);
    }
    // A row's own error is cached as that error: quota 0 for 48500 is #DIV/0!.
    expect(cell('Opportunities', 'J2').result).toBe(12000 / 100000);
    expect(cell('Opportunities', 'J3').value).toEqual({ error: '#DIV/0!' });
  });

  it('keeps native formulas, and writes a native spill as an array formula over the cells it fills', () => {
    expect(cell('Summary', 'E4').formula).toBe('SUMIFS(Deals!$E$2:$E$394,Deals!$C$2:$C$394,A4,Deals!$F$2:$F$394,"Closed Won")');
    expect(cell('Opportunities', 'I1')).toMatchObject({ formula: 'SUM(C2:C9)', result: 477250.5 });
    const anchor = cell('Opportunities', 'I2');
    expect(anchor.model).toMatchObject({ formula: 'C2:C4*F2:F4', shareType: 'array', ref: 'I2:I4', result: 12000 });
    // 48500 × 100% and 135000 × 0%.
    expect([cell('Opportunities', 'I3').value, cell('Opportunities', 'I4').value]).toEqual([48500, 0]);
  });

  it('keeps number formats, column widths, bold headers and frozen rows', () => {
    expect(cell('Summary', 'F4').numFmt).toBe('0%');
    expect(cell('Summary', 'C4').numFmt).toBe('$#,##0');
    expect(cell('Deals', 'H2').numFmt).toBe('yyyy-mm-dd');
    expect(cell('Opportunities', 'C2').numFmt).toBe('"USD "#,##0.00');
    expect(cell('Opportunities', 'D2').numFmt).toBe('m/d/yyyy');
    expect(cell('Opportunities', 'D2').value).toEqual(new Date(Date.UTC(2026, 2, 31)));
    // 110 px in the playground is (110 − 5) / 7 characters of Calibri 11.
    expect(file.getWorksheet('Summary')!.getColumn(1).width).toBeCloseTo(105 / 7, 2);
    expect(cell('Summary', 'A3').font?.bold).toBe(true);
    expect(cell('Summary', 'A4').font?.bold).toBeFalsy();
    expect(file.getWorksheet('Opportunities')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(file.getWorksheet('Summary')!.views ?? []).toEqual([]);
  });

  it('writes a result of ours in the format its function declares, as the grid shows it', () => {
    // No format was given to J1 or J2: weighted pipeline is money, attainment a percentage.
    const sheet = workbook.sheetId('Opportunities');
    expect(workbook.view(sheet, parseCell('J1')!).text).toBe('$72,375');
    expect(cell('Opportunities', 'J1').numFmt).toBe('$#,##0');
    expect(workbook.view(sheet, parseCell('J2')!).text).toBe('12.0%');
    expect(cell('Opportunities', 'J2').numFmt).toBe('0.0%');
  });
});

describe('an .xlsx downloaded from the playground and opened again', () => {
  it('comes back with the same values, its spills spilling again, and its layout', async () => {
    const original = workOnDemo();
    const file = await readXlsx(await writeXlsx(bookData(original)), 'work.xlsx');
    const reopened = new Workbook();
    reopened.replaceAll([{ name: 'Scratch', content: [] }]);
    const names = insertImported(reopened, file);
    expect(names).toEqual(original.sheetNames());
    for (const name of names) {
      expect({ name, values: reopened.hf.getSheetValues(reopened.sheetId(name)) }).toEqual({
        name,
        values: original.hf.getSheetValues(original.sheetId(name)),
      });
    }
    const summary = reopened.sheetId('Summary');
    expect(reopened.view(summary, { row: 4, col: 5 }).array).toBe('spill');
    expect(reopened.inputText(summary, { row: 3, col: 5 })).toBe('=QUOTA_ATTAINMENT(E4:E13,C4:C13)');
    const opportunities = reopened.sheetId('Opportunities');
    expect(reopened.view(opportunities, { row: 2, col: 8 }).array).toBe('spill');
    expect(reopened.layout(opportunities)).toMatchObject({ frozenRows: 1, boldRows: new Set([1]) });
    expect(reopened.layout(summary).columnWidths.slice(0, 3)).toEqual([110, 80, 90]);
  });
});

/** A workbook as Excel writes one, built with ExcelJS. */
async function excelMadeFile(): Promise<Uint8Array> {
  const file = new ExcelJS.Workbook();
  const data = file.addWorksheet('Data');
  data.addRows([
    ['Rep', 'Won', 'Quota'],
    ['Ann', 90000, 100000],
    ['Bob', 120000, 100000],
    ['Cy', 45000, 50000],
  ]);
  data.getCell('D2').value = { formula: 'B2/C2', result: 0.9 };
  data.getCell('D3').value = { sharedFormula: 'D2', result: 1.2 } as ExcelJS.CellValue;
  data.getCell('D4').value = { sharedFormula: 'D2', result: 0.9 } as ExcelJS.CellValue;
  data.getCell('D2').value = { formula: 'B2/C2', result: 0.9, shareType: 'shared', ref: 'D2:D4' } as unknown as ExcelJS.CellValue;
  data.getCell('E2').value = { formula: 'B2:B4*2', result: 180000, shareType: 'array', ref: 'E2:E4' } as unknown as ExcelJS.CellValue;
  data.getCell('E3').value = 240000;
  data.getCell('E4').value = 90000;
  data.getCell('F2').value = { formula: '_xlfn.STDEV.S(B2:B4)', result: 37749.172 };
  data.getCell('F3').value = { formula: '_xldudf_SALESOPS_QUOTA_ATTAINMENT_RATE(B2:B4,C2:C4)', result: 1 / 3 };
  data.getCell('F4').value = { formula: 'SALESOPS.AVG_DEAL_SIZE(B2:B4)', result: 85000 };
  data.views = [{ state: 'frozen', ySplit: 1 }];
  const report = file.addWorksheet('Report');
  report.addRows([
    ['Opportunity Pipeline'],
    ['Filtered By: Close Date equals THIS QUARTER'],
    [],
    ['Opportunity Name', 'Amount', 'Close Date'],
    ['Acme', 1200.5, new Date(Date.UTC(2026, 2, 31))],
    ['Globex', 800, new Date(Date.UTC(2026, 3, 1))],
    [],
    ['Grand Totals (2 records)', 2000.5],
  ]);
  report.getColumn(2).numFmt = '"$"#,##0.00';
  report.getCell('C5').numFmt = 'm/d/yyyy';
  report.getCell('C6').numFmt = 'm/d/yyyy';
  report.mergeCells('A1:C1');
  return new Uint8Array(await file.xlsx.writeBuffer());
}

describe('an .xlsx made by Excel, opened', () => {
  let workbook: Workbook;
  let names: string[];
  beforeAll(async () => {
    workbook = new Workbook();
    workbook.replaceAll(demoWorkbook());
    names = insertImported(workbook, await readXlsx(await excelMadeFile(), 'Q1.xlsx'));
  });
  const at = (sheet: string, ref: string) => value(workbook, sheet, ref);
  const formula = (sheet: string, ref: string) => workbook.inputText(workbook.sheetId(sheet), parseCell(ref)!);

  it('adds its sheets after the others', () => {
    expect(names).toEqual(['Data', 'Report']);
    expect(workbook.sheetNames()).toEqual([...DEMO, 'Data', 'Report']);
  });

  it('shared formulas, array formulas, _xlfn. names and both spellings of ours all compute', () => {
    expect([at('Data', 'D2'), at('Data', 'D3'), at('Data', 'D4')]).toEqual([0.9, 1.2, 0.9]);
    expect(formula('Data', 'D3')).toBe('=B3/C3');
    expect([at('Data', 'E2'), at('Data', 'E3'), at('Data', 'E4')]).toEqual([180000, 240000, 90000]);
    expect(formula('Data', 'F2')).toBe('=STDEV.S(B2:B4)');
    expect(at('Data', 'F2')).toBeCloseTo(Math.sqrt(((90000 - 85000) ** 2 + (120000 - 85000) ** 2 + (45000 - 85000) ** 2) / 2), 6);
    expect(formula('Data', 'F3')).toBe('=QUOTA_ATTAINMENT_RATE(B2:B4,C2:C4)');
    expect(at('Data', 'F3')).toBeCloseTo(1 / 3, 12);
    expect(formula('Data', 'F4')).toBe('=AVG_DEAL_SIZE(B2:B4)');
    expect(at('Data', 'F4')).toBe(85000);
    expect(workbook.layout(workbook.sheetId('Data')).frozenRows).toBe(1);
  });

  it('a report of plain values opens as a table: title and totals left out, its formats kept', () => {
    const report = workbook.sheetId('Report');
    expect(workbook.hf.getSheetValues(report)).toEqual([
      ['Opportunity Name', 'Amount', 'Close Date'],
      ['Acme', 1200.5, serialFromYmd(2026, 3, 31)],
      ['Globex', 800, serialFromYmd(2026, 4, 1)],
    ]);
    expect(workbook.view(report, { row: 1, col: 1 }).text).toBe('$1,200.50');
    expect(workbook.view(report, { row: 1, col: 2 }).text).toBe('3/31/2026');
    expect(workbook.layout(report)).toMatchObject({ frozenRows: 1, boldRows: new Set([1]) });
  });

  it('is one step to undo, and one to redo', () => {
    workbook.undo();
    expect(workbook.sheetNames()).toEqual(DEMO);
    expect(workbook.canUndo()).toBe(false);
    workbook.redo();
    expect(workbook.sheetNames()).toEqual([...DEMO, 'Data', 'Report']);
    expect([at('Data', 'E2'), at('Data', 'E4'), at('Data', 'F4')]).toEqual([180000, 90000, 85000]);
    expect(workbook.layout(workbook.sheetId('Report'))).toMatchObject({ frozenRows: 1, boldRows: new Set([1]) });
    workbook.undo();
    expect(workbook.sheetNames()).toEqual(DEMO);
  });

  it('is one step to undo even when an answer of ours had to grow to spill (FORECAST_ROLLUP’s table)', () => {
    const demo = new Workbook();
    demo.replaceAll(demoWorkbook());
    const [sheet] = insertImported(demo, {
      sheets: [{ name: 'Rollup', cells: [[1000, 'Closed'], [2000, 'Commit'], [{ formula: 'FORECAST_ROLLUP(A1:A2,B1:B2)' }]] }],
      notes: [],
    });
    // Closed 1000; Commit adds 2000 to it; nothing in Best Case or Pipeline.
    expect(demo.values(demo.sheetId(sheet), parseRange('A4:B7')!)).toEqual([
      ['Closed', 1000],
      ['Commit', 3000],
      ['Best Case', 3000],
      ['Pipeline', 3000],
    ]);
    demo.undo();
    expect(demo.sheetNames()).toEqual(DEMO);
    expect(demo.canUndo()).toBe(false);
    demo.redo();
    expect(demo.values(demo.sheetId(sheet), parseRange('B4:B7')!)).toEqual([[1000], [3000], [3000], [3000]]);
  });
});

describe('sheet names on the way in', () => {
  it('a sheet renamed to stay unique takes the file’s formulas with it', async () => {
    const file = new ExcelJS.Workbook();
    file.addWorksheet('Summary').getCell('A1').value = 7;
    file.addWorksheet('Notes').getCell('A1').value = { formula: 'Summary!A1*2', result: 14 };
    const workbook = new Workbook();
    workbook.replaceAll(demoWorkbook());
    const names = insertImported(workbook, await readXlsx(new Uint8Array(await file.xlsx.writeBuffer()), 'f.xlsx'));
    expect(names).toEqual(['Summary (2)', 'Notes']);
    expect(workbook.inputText(workbook.sheetId('Notes'), { row: 0, col: 0 })).toBe("='Summary (2)'!A1*2");
    expect(value(workbook, 'Notes', 'A1')).toBe(14);
  });
});
