/**
 * The playground workbook's operations, as the grid calls them: typed input,
 * the undo history (HyperFormula's stack, one step per change), pasting,
 * formats, rows, columns and sheets, and what a blocked answer says.
 */
import { DetailedCellError } from 'hyperformula';
import { type RangeRef, parseCell, parseRange } from '../core/a1';
import fc from 'fast-check';
import { Workbook } from '../playground/workbook';
import { CHART_PLAN, HOSTILE_TEXT } from './support/plan-fixtures';

function sheet(rows: (string | number | boolean | null)[][] = [], name = 'S') {
  const workbook = new Workbook();
  const id = workbook.sheetId(workbook.addSheet(name, rows));
  workbook.clearHistory();
  const ref = (a1: string) => parseCell(a1)!;
  const range = (a1: string): RangeRef => parseRange(a1)!;
  return {
    workbook,
    id,
    type: (a1: string, input: string) => workbook.setCell(id, ref(a1), input),
    shown: (a1: string) => workbook.view(id, ref(a1)).text,
    value: (a1: string) => workbook.values(id, range(a1))[0][0],
    input: (a1: string) => workbook.inputText(id, ref(a1)),
    view: (a1: string) => workbook.view(id, ref(a1)),
    range,
    ref,
  };
}

describe('typed input', () => {
  it('becomes the value Sheets makes of it, shown the way it was typed', () => {
    const s = sheet();
    const entries = [['A1', '1,000'], ['A2', '$5,000'], ['A3', '60%'], ['A4', '2026-03-31'], ['A5', '3/31/2026'], ['A6', 'TRUE'], ['A7', "'0042"]];
    for (const [cell, input] of entries) s.type(cell, input);
    expect(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'].map(s.value)).toEqual([1000, 5000, 0.6, 46112, 46112, true, '0042']);
    expect(['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7'].map(s.shown)).toEqual(['1,000', '$5,000', '60%', '2026-03-31', '3/31/2026', 'TRUE', '0042']);
    s.type('B1', '=SUM(A1:A3)');
    expect(s.value('B1')).toBe(6000.6);
  });

  it('edits from the raw value, so editing a number keeps a number (the reported 100 → 150 bug)', () => {
    const s = sheet();
    s.type('A1', '100');
    s.type('B1', '=SUM(A1)');
    expect(s.input('A1')).toBe('100');
    s.type('A1', s.input('A1').replace('100', '150'));
    expect([s.value('A1'), s.value('B1'), s.view('A1').kind]).toEqual([150, 150, 'number']);
    s.type('A2', '12.5%');
    s.type('A3', '$5,000');
    s.type('A4', '3/31/2026');
    s.type('A5', '0.1');
    expect(['A2', 'A3', 'A4', 'A5'].map(s.input)).toEqual(['12.5%', '5000', '3/31/2026', '0.1']);
    // Typing back what editing starts from changes nothing.
    for (const cell of ['A2', 'A3', 'A4']) s.type(cell, s.input(cell));
    expect(['A2', 'A3', 'A4'].map(s.value)).toEqual([0.125, 5000, 46112]);
  });

  it('the grid never adds an apostrophe: text shows bare, unless bare it would read as something else', () => {
    const s = sheet([['Closed Won', "'0042"]]);
    expect(s.input('A1')).toBe('Closed Won');
    expect(s.input('B1')).toBe("'0042");
    s.type('C1', "'=not a formula");
    expect(s.input('C1')).toBe("'=not a formula");
    expect(s.value('C1')).toBe('=not a formula');
  });

  it('a number typed into a percent cell is a percentage', () => {
    const s = sheet();
    s.workbook.setFormat(s.id, s.range('A1:A2'), '0%');
    s.type('A1', '60');
    s.type('A2', '0.25');
    expect([s.value('A1'), s.value('A2'), s.shown('A1'), s.shown('A2')]).toEqual([0.6, 0.25, '60%', '25%']);
  });
});

describe('undo and redo', () => {
  it('every change is one step: typing, clearing, formats, widths; redo makes it again', () => {
    const s = sheet([[1, 2]]);
    const { workbook, id } = s;
    s.type('C1', '=A1+B1');
    workbook.clear(id, s.range('A1:B1'));
    workbook.setFormat(id, s.range('C1'), '$#,##0.00');
    workbook.setColumnWidth(id, 2, 180);
    expect([s.value('C1'), s.shown('C1'), workbook.layout(id).columnWidths[2]]).toEqual([0, '$0.00', 180]);
    workbook.undo();
    expect(workbook.layout(id).columnWidths[2]).toBeUndefined();
    workbook.undo();
    expect(s.shown('C1')).toBe('0');
    workbook.undo();
    expect([s.value('A1'), s.value('B1'), s.value('C1')]).toEqual([1, 2, 3]);
    expect(workbook.undo()).toEqual({ sheet: id, range: s.range('C1') });
    expect(s.value('C1')).toBeNull();
    expect(workbook.canUndo()).toBe(false);
    expect(workbook.undo()).toBeUndefined();
    workbook.redo();
    workbook.redo();
    expect([s.value('A1'), s.value('C1')]).toEqual([null, 0]);
    // A new change after undoing forgets what could be redone.
    workbook.undo();
    s.type('D1', 'new');
    expect(workbook.canRedo()).toBe(false);
  });

  it('a typed $5,000 and the currency format it brings undo together', () => {
    const s = sheet();
    s.type('A1', '$5,000');
    s.workbook.undo();
    s.type('A1', '5000');
    expect(s.shown('A1')).toBe('5000');
  });

  it('a template undoes as one step (the whole sheet goes) and redoes', () => {
    const workbook = new Workbook();
    workbook.addSheet('Mine', [[1]]);
    workbook.clearHistory();
    const name = workbook.insertPlan({ name: 'Plan', cells: [['a', { formula: 'A2*2' }], [21, null]], formats: [{ range: 'B1', format: '0.0' }] });
    workbook.undo();
    expect(workbook.sheetNames()).toEqual(['Mine']);
    workbook.redo();
    expect(workbook.sheetNames()).toEqual(['Mine', name]);
    expect(workbook.view(workbook.sheetId(name), { row: 0, col: 1 }).text).toBe('42.0');
  });

  it('answers that change size settle without costing steps or losing redo', () => {
    const s = sheet([[1, 100, '=QUOTA_ATTAINMENT(A1:A1,B1:B1)']]);
    s.workbook.setCell(s.id, s.ref('C1'), '=QUOTA_ATTAINMENT(A:A,B:B)');
    s.type('A2', '2');
    s.type('B2', '100');
    expect([s.value('C1'), s.value('C2')]).toEqual([0.01, 0.02]);
    s.workbook.undo();
    s.workbook.undo();
    expect([s.value('C1'), s.value('C2')]).toEqual([0.01, null]);
    s.workbook.redo();
    s.workbook.redo();
    expect([s.value('C1'), s.value('C2')]).toEqual([0.01, 0.02]);
    s.workbook.undo();
    s.workbook.undo();
    s.workbook.undo();
    expect(s.input('C1')).toBe('=QUOTA_ATTAINMENT(A1:A1,B1:B1)');
    expect(s.workbook.canUndo()).toBe(false);
  });

  it('a change that fails leaves nothing behind and no step', () => {
    const s = sheet([[1]]);
    const tooLong = Array.from({ length: s.workbook.hf.getConfig().maxRows + 1 }, () => ['x']);
    expect(() => s.workbook.paste(s.id, s.range('A1'), { text: '', cells: tooLong })).toThrow(/at most 300,000 rows/);
    expect(s.value('A1')).toBe(1);
    expect(s.workbook.canUndo()).toBe(false);
  });
});

describe('pasting', () => {
  it('its own copy pastes formulas with relative references shifted, and their formats', () => {
    const s = sheet([[2, '=A1*10'], [3, '=A2*10']]);
    s.workbook.setFormat(s.id, s.range('B1:B2'), '0.0');
    const copied = s.workbook.copy(s.id, s.range('A1:B2'));
    expect(copied.text).toBe('2\t20.0\n3\t30.0');
    const target = s.workbook.paste(s.id, s.range('C4'), { text: copied.text });
    expect(target).toEqual(s.range('C4:D5'));
    expect([s.input('D4'), s.shown('D4'), s.shown('D5')]).toEqual(['=C4*10', '20.0', '30.0']);
    s.workbook.undo();
    expect(s.value('D4')).toBeNull();
  });

  it('cells from elsewhere are read as typed input, as one step', () => {
    const s = sheet();
    s.workbook.paste(s.id, s.range('A1'), { text: 'x', cells: [['Amount', 'Rate'], ['$1,200', '35%'], ['1,000', "'007"]] });
    expect(['A2', 'B2', 'A3', 'B3'].map(s.value)).toEqual([1200, 0.35, 1000, '007']);
    expect(['A2', 'B2', 'A3'].map(s.shown)).toEqual(['$1,200', '35%', '1,000']);
    s.workbook.undo();
    expect(['A1', 'A2', 'B2'].map(s.value)).toEqual([null, null, null]);
  });

  it('fills a selection that is a whole multiple of the copy with copies of it, each shifted, formats along, as one step', () => {
    const s = sheet([[2, '=A1*10'], [3, '=A2*10'], [4, 7], [5, 9]]);
    s.workbook.setFormat(s.id, s.range('B1'), '0.0');
    const copied = s.workbook.copy(s.id, s.range('B1:B2'));
    expect(s.workbook.paste(s.id, s.range('C1:D4'), { text: copied.text })).toEqual(s.range('C1:D4'));
    expect(['C1', 'C3', 'D4'].map(s.input)).toEqual(['=B1*10', '=B3*10', '=C4*10']);
    // C3 = B3×10 = 70 and C4 = B4×10 = 90 in the copied formats; D1 = C1×10 = 200×10.
    expect(['C3', 'C4', 'D1'].map(s.shown)).toEqual(['70.0', '90', '2000.0']);
    s.workbook.undo();
    expect(['C1', 'C3', 'D4'].map(s.value)).toEqual([null, null, null]);
    // Not a whole multiple: the copy goes once, at the corner.
    expect(s.workbook.paste(s.id, s.range('C1:C3'), { text: copied.text })).toEqual(s.range('C1:C2'));
    // Cells from elsewhere repeat the same way; a single cell fills the selection.
    expect(s.workbook.paste(s.id, s.range('E1:F2'), { text: '$7' })).toEqual(s.range('E1:F2'));
    expect(['E1', 'F2'].map(s.shown)).toEqual(['$7', '$7']);
  });

  it('a cut moves the cells once', () => {
    const s = sheet([[7, '=A1*2']]);
    const cut = s.workbook.copy(s.id, s.range('A1'), true);
    s.workbook.paste(s.id, s.range('A5'), { text: cut.text });
    expect([s.value('A1'), s.value('A5'), s.input('B1')]).toEqual([null, 7, '=A5*2']);
    expect(s.workbook.isOwnCopy(cut.text)).toBe(false);
  });
});

describe('rows, columns and sheets', () => {
  it('inserting and removing rows and columns moves formats and widths with their cells', () => {
    const s = sheet([[1, 2], [3, 4]]);
    const { workbook, id } = s;
    workbook.setFormat(id, s.range('B2'), '0.00');
    workbook.setColumnWidth(id, 1, 150);
    workbook.insertRows(id, 0, 2);
    workbook.insertColumns(id, 0, 1);
    expect([s.shown('C4'), workbook.layout(id).columnWidths[2]]).toEqual(['4.00', 150]);
    workbook.removeRows(id, 0, 3);
    workbook.removeColumns(id, 0, 1);
    expect([s.shown('B1'), s.value('A1')]).toEqual(['4.00', 3]);
    for (let i = 0; i < 4; i++) workbook.undo();
    expect([s.shown('B2'), workbook.layout(id).columnWidths[1]]).toEqual(['4.00', 150]);
  });

  it('sheets are added, renamed and removed as steps, with names checked first', () => {
    const s = sheet([[1]], 'Data');
    const { workbook } = s;
    const added = workbook.addBlankSheet();
    expect(workbook.sheetName(added)).toBe('Sheet2');
    expect(() => workbook.renameSheet(added, 'data')).toThrow("There is already a sheet named 'data'.");
    expect(() => workbook.renameSheet(added, 'Q1/Q2')).toThrow('A sheet name cannot contain /');
    expect(() => workbook.renameSheet(added, '  ')).toThrow('A sheet needs a name.');
    workbook.renameSheet(added, 'Q2 plan');
    workbook.setFormat(s.id, s.range('A1'), '0.0');
    workbook.removeSheet(s.id);
    expect(workbook.sheetNames()).toEqual(['Q2 plan']);
    expect(() => workbook.removeSheet(added)).toThrow('A workbook keeps at least one sheet.');
    workbook.undo();
    expect(workbook.sheetNames()).toEqual(['Data', 'Q2 plan']);
    expect(workbook.view(workbook.sheetId('Data'), { row: 0, col: 0 }).text).toBe('1.0');
    workbook.undo();
    workbook.undo();
    expect(workbook.sheetNames()).toEqual(['Data', 'Sheet2']);
  });
});

describe('replacing the whole workbook', () => {
  it('is one step: undo brings back every sheet, formulas across sheets and formats, and the steps before it', () => {
    const s = sheet([[40000], [65000]], 'Won deals');
    const { workbook } = s;
    const summary = workbook.sheetId(workbook.addSheet('Summary', [["=SUM('Won deals'!A1:A3)", '=SEQUENCE(3)']]));
    workbook.setFormat(s.id, s.range('A1:A2'), '$#,##0');
    s.type('A3', '5000');
    workbook.replaceSheets([{ name: 'Sheet1', content: [['fresh']] }]);
    expect(workbook.sheetNames()).toEqual(['Sheet1']);
    workbook.undo();
    expect(workbook.sheetNames()).toEqual(['Won deals', 'Summary']);
    const summaryAt = (a1: string) => workbook.view(summary, s.ref(a1)).text;
    expect([summaryAt('A1'), summaryAt('B3'), s.shown('A1'), s.shown('A3')]).toEqual(['110000', '3', '$40,000', '5000']);
    workbook.redo();
    expect(workbook.sheetNames()).toEqual(['Sheet1']);
    expect(workbook.view(workbook.sheetId('Sheet1'), s.ref('A1')).text).toBe('fresh');
    workbook.undo();
    // The step before it is still there.
    workbook.undo();
    expect([summaryAt('A1'), s.shown('A3')]).toEqual(['105000', '']);
  });
});

describe('blocked answers and real errors', () => {
  it('a real #VALUE! stays #VALUE! with its message when a cell sits where a spill would go', () => {
    const s = sheet([[1, 1, '=QUOTA_ATTAINMENT(A1:A3,B1:B2)'], [2, 2, 'in the way'], [3, 3, null]]);
    expect(s.value('C1')).toBe('#VALUE!');
    expect(s.view('C1').message).toMatch(/^actual is 3 rows × 1 column but quota is 2 rows × 1 column/);
    // Fixed, the answer needs three cells: now it is blocked, and says by which.
    s.type('C1', '=QUOTA_ATTAINMENT(A1:A3,B1:B3)');
    expect(s.value('C1')).toBe('#SPILL!');
    expect(s.view('C1').message).toBe('The answer needs more room: C2 is in the way. Empty it, or move the formula.');
    s.workbook.clear(s.id, s.range('C2'));
    expect([s.value('C1'), s.value('C2'), s.value('C3')]).toEqual([1, 1, 1]);
  });

  it('inside a bigger formula the real error shows too', () => {
    const s = sheet([[1, 1, '=QUOTA_ATTAINMENT(A1:A3,B1:B2)*100'], [2, 2, 'x'], [3, 3, null]]);
    const error = s.workbook.hf.getCellValue({ sheet: s.id, row: 0, col: 2 }) as DetailedCellError;
    expect(error.value).toBe('#VALUE!');
  });
});

describe('formats of fresh results', () => {
  it('come from the function spec: attainment as a percentage, money as currency, by measure for FORECAST_ERROR', () => {
    const s = sheet([
      [90000, 100000, 95000, 0.5],
      [120000, 100000, 110000, 0.25],
    ]);
    s.type('F1', '=QUOTA_ATTAINMENT(A1:A2,B1:B2)');
    s.type('G1', '=WEIGHTED_PIPELINE(A1:A2,D1:D2)');
    s.type('H1', '=FORECAST_ERROR(A1:A2,C1:C2,"bias")');
    s.type('I1', '=FORECAST_ERROR(A1:A2,C1:C2,"wape")');
    s.type('J1', '=FORECAST_ERROR(A1:A2,C1:C2)');
    s.type('K1', '=QUOTA_ATTAINMENT(A1,B1)*100');
    // 90000/100000 and 120000/100000; 45000 + 30000; ((90000-95000) + (120000-110000)) / 2 = 2500;
    // (5000 + 10000) / 210000 = 7.1%; per row (90000 − 95000) / 90000 = −5.6%.
    expect(['F1', 'F2', 'G1', 'H1', 'I1', 'J1', 'J2'].map(s.shown)).toEqual(['90.0%', '120.0%', '$75,000', '$2,500', '7.1%', '-5.6%', '8.3%']);
    // Not a call of ours as a whole: shown as it is.
    expect(s.shown('K1')).toBe('90');
    // A format the user gives wins.
    s.workbook.setFormat(s.id, s.range('F1:F2'), '0.00');
    expect(s.shown('F1')).toBe('0.90');
  });

  it('a table result is formatted column by column (its header row is text)', () => {
    const s = sheet([[100, 'Closed'], [50, 'Commit']]);
    s.type('D1', '=FORECAST_ROLLUP(A1:A2,B1:B2)');
    expect(['D1', 'E1', 'D2', 'E2', 'E3'].map(s.shown)).toEqual(['Category', 'Amount', 'Closed', '$100', '$150']);
  });
});

describe('decimal places on a format with quoted text', () => {
  it('an imported amount in "USD "#,##0.00 gets one more or fewer place and stays an amount', () => {
    const s = sheet([[12000.5]]);
    s.workbook.setFormat(s.id, s.range('A1'), '"USD "#,##0.00');
    expect(s.shown('A1')).toBe('USD 12,000.50');
    s.workbook.changeDecimals(s.id, s.range('A1'), s.ref('A1'), 1);
    expect(s.shown('A1')).toBe('USD 12,000.500');
    s.workbook.changeDecimals(s.id, s.range('A1'), s.ref('A1'), -3);
    expect(s.shown('A1')).toBe('USD 12,001');
    expect(s.workbook.numberFormat(s.id, s.ref('A1'))).toBe('"USD "#,##0');
  });
});

describe('writing a template\'s plan', () => {
  it('writes hostile rep names as the same text, never as a formula or a number', () => {
    const workbook = new Workbook();
    const sheet = workbook.sheetId(workbook.insertPlan({ name: 'Reps', cells: HOSTILE_TEXT.map((text) => [text]) }));
    expect(workbook.values(sheet, { top: 0, left: 0, bottom: HOSTILE_TEXT.length - 1, right: 0 })).toEqual(HOSTILE_TEXT.map((text) => [text]));
    HOSTILE_TEXT.forEach((_, row) => expect(workbook.hf.getCellFormula({ sheet, row, col: 0 })).toBeUndefined());
  });

  it('writes any text back as the identical string (property)', () => {
    const workbook = new Workbook();
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', minLength: 1 }), { minLength: 1, maxLength: 8 }), (texts) => {
        const sheet = workbook.sheetId(workbook.insertPlan({ name: 'Texts', cells: [texts] }));
        expect(workbook.values(sheet, { top: 0, left: 0, bottom: 0, right: texts.length - 1 })).toEqual([texts]);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the plan\'s checked charts in the sheet\'s layout, one step with the sheet', () => {
    const workbook = new Workbook();
    workbook.addSheet('Data', [['Rep']]);
    const sheet = workbook.sheetId(workbook.insertPlan(CHART_PLAN));
    expect(workbook.layout(sheet).charts.map((chart) => [chart.title, chart.anchor])).toEqual([['Payout by attainment', { row: 1, col: 4 }]]);
    expect(workbook.layout(sheet).frozenRows).toBe(1);
    workbook.undo();
    expect(workbook.sheetNames()).toEqual(['Data']);
  });

  it('refuses a plan the normaliser refuses, and adds no sheet', () => {
    const workbook = new Workbook();
    const before = workbook.sheetNames();
    expect(() => workbook.insertPlan({ name: 'Bad', cells: [[NaN]] })).toThrow('has NaN in A1');
    expect(workbook.sheetNames()).toEqual(before);
  });
});
