/**
 * The task pane's Host over a fake Excel workbook: templates land in a new,
 * uniquely named sheet in one sync, and a failed write leaves nothing behind.
 */
import { FUNCTIONS } from '../core';
import type { SheetPlan } from '../core/templates';
import { createExcelHost } from '../office-addin/taskpane';
import fc from 'fast-check';
import { FakeExcel, type Op } from './support/excel-workbook';
import { CHART_PLAN, HOSTILE_TEXT } from './support/plan-fixtures';

const PLAN: SheetPlan = {
  name: 'Examples',
  cells: [
    ['Rep', 'Actual', 'Quota', 'Attainment'],
    ['Ann', 90000, 100000, { formula: '=QUOTA_ATTAINMENT(B2:B3,C2:C3)' }],
    ['Bob', 120000, 100000],
    ['Total', { formula: '=SUM(B2:B3)' }, { formula: 'SUM(C2:C3)' }, null],
    ['=not a formula', '-5% discount', '+1 555 0100', '@handle'],
    ["'quoted", true, null, 'Plain'],
  ],
  formats: [
    { range: 'D2:D3', format: '0%' },
    { range: 'B2:C4', format: '#,##0' },
  ],
  columnWidths: [120, 80],
  boldRows: [1, 4],
};

const workbook = () =>
  new FakeExcel({
    sheets: {
      Sheet1: [
        ['Stage', 'Probability'],
        ['Discovery', 0.2],
        ['', ''],
        ['Commit', 0.9],
      ],
      Examples: [['already here']],
    },
    selection: { sheet: 'Sheet1', address: 'A1:B4' },
  });

const hostFor = (excel: FakeExcel) => createExcelHost(excel, { planTemplate: () => PLAN });
const writes = (batch: Op[]) => batch.filter((op) => op.kind !== 'load');

describe('Excel host: reading', () => {
  it('lists the sheets in tab order', async () => {
    await expect(hostFor(workbook()).listSheets()).resolves.toEqual(['Sheet1', 'Examples']);
  });

  it('reads the selection with empty cells as null', async () => {
    await expect(hostFor(workbook()).readSelection()).resolves.toEqual([
      ['Stage', 'Probability'],
      ['Discovery', 0.2],
      [null, null],
      ['Commit', 0.9],
    ]);
  });

  it('reads a whole-column selection only as far as the data goes', async () => {
    const excel = workbook();
    excel.selection = { sheet: 'Sheet1', address: 'A:A' };
    await expect(hostFor(excel).readSelection()).resolves.toEqual([['Stage'], ['Discovery'], [null], ['Commit']]);
  });

  it('reads an empty whole-column selection as no rows', async () => {
    const excel = new FakeExcel({ sheets: { Empty: [] }, selection: { sheet: 'Empty', address: 'C:D' } });
    await expect(hostFor(excel).readSelection()).resolves.toEqual([]);
  });
});

describe('Excel host: inserting a template', () => {
  it('inserts a commission plan through the core, checked again: native formulas, a line chart, hostile rep names as text', async () => {
    const excel = workbook();
    const host = createExcelHost(excel);
    const reps = [{ rep: '=HYPERLINK("http://x","y")', quota: 100000, bookings: [150000] }, { rep: '+cmd|\' /C calc\'!A0', quota: 100000, bookings: [80000] }];
    const tiers = [{ from: 0, rate: 0.08 }, { from: 1, rate: 0.12 }];
    await expect(host.insertTemplate({ template: 'commission', kind: 'marginal', tiers, reps })).resolves.toBe('Commission plan');
    const grid = excel.grid('Commission plan');
    const names = grid.map((row) => row[0]);
    expect(names).toEqual(expect.arrayContaining(["'=HYPERLINK(\"http://x\",\"y\")", "'+cmd|' /C calc'!A0"]));
    const formulas = grid.flat().filter((cell): cell is string => typeof cell === 'string' && cell.startsWith('='));
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.filter((formula) => formula.includes('SALESOPS.'))).toEqual([]);
    expect(excel.sheet('Commission plan')!.charts.map((chart) => chart.type)).toEqual(['Line']);
    await expect(host.insertTemplate({ template: 'commission', kind: 'flat', rate: 2, reps })).rejects.toThrow(/rate \(rate-above-100\)/);
    expect(excel.sheets.map((sheet) => sheet.name)).toEqual(['Sheet1', 'Examples', 'Commission plan']);
  });

  it('writes the plan to a new sheet with a unique name and returns that name', async () => {
    const excel = workbook();
    await expect(hostFor(excel).insertTemplate({ template: 'examples' })).resolves.toBe('Examples (2)');
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Examples', 'Examples (2)']);
    expect(excel.grid('Examples')).toEqual([['already here']]);
    expect(excel.grid('Sheet1')[1]).toEqual(['Discovery', 0.2]);
  });

  it('writes values and formulas with SALESOPS. on custom functions, and risky text kept as text', async () => {
    const excel = workbook();
    await hostFor(excel).insertTemplate({ template: 'examples' });
    expect(excel.grid('Examples (2)')).toEqual([
      ['Rep', 'Actual', 'Quota', 'Attainment'],
      ['Ann', 90000, 100000, '=SALESOPS.QUOTA_ATTAINMENT(B2:B3,C2:C3)'],
      ['Bob', 120000, 100000, ''],
      ['Total', '=SUM(B2:B3)', '=SUM(C2:C3)', ''],
      ["'=not a formula", "'-5% discount", "'+1 555 0100", "'@handle"],
      ["''quoted", true, '', 'Plain'],
    ]);
  });

  it('applies number formats, column widths (pixels to points) and bold rows', async () => {
    const excel = workbook();
    await hostFor(excel).insertTemplate({ template: 'examples' });
    const sheet = excel.sheet('Examples (2)')!;
    expect(Object.fromEntries(sheet.numberFormats)).toEqual({
      '1,3': '0%',
      '2,3': '0%',
      '1,1': '#,##0',
      '1,2': '#,##0',
      '2,1': '#,##0',
      '2,2': '#,##0',
      '3,1': '#,##0',
      '3,2': '#,##0',
    });
    expect(Object.fromEntries(sheet.columnWidths)).toEqual({ 0: 90, 1: 60 });
    expect([...sheet.bold].sort()).toEqual(['0,0', '0,1', '0,2', '0,3', '3,0', '3,1', '3,2', '3,3']);
  });

  it('adds the sheet and writes every cell, format and width in one sync, and shows the new sheet', async () => {
    const excel = new FakeExcel({ sheets: { Sheet1: [['mine']] } });
    await expect(hostFor(excel).insertTemplate({ template: 'examples' })).resolves.toBe('Examples');
    expect(excel.batches.map((batch) => [...new Set(batch.map((op) => op.kind))])).toEqual([
      ['addSheet', 'formulas', 'numberFormat', 'columnWidth', 'bold', 'activate'],
    ]);
    const cellWrites = excel.batches[0].filter((op) => op.kind === 'formulas');
    expect(cellWrites).toHaveLength(1);
    expect(cellWrites[0]).toMatchObject({ sheet: 'Examples', address: 'A1:D6' });
    expect(excel.batches[0].every((op) => 'sheet' in op && op.sheet === 'Examples')).toBe(true);
    expect(excel.grid('Sheet1')).toEqual([['mine']]);
  });

  it('when the name is taken, Excel refuses the add before any write; the names are read and the sheet goes in one more sync', async () => {
    const excel = workbook();
    await expect(hostFor(excel).insertTemplate({ template: 'examples' })).resolves.toBe('Examples (2)');
    expect(excel.batches.map((batch) => batch[0].kind)).toEqual(['addSheet', 'load', 'addSheet']);
    expect(excel.batches[0][0]).toMatchObject({ sheet: 'Examples' });
    expect(excel.grid('Examples')).toEqual([['already here']]);
    expect(excel.batches[2].every((op) => 'sheet' in op && op.sheet === 'Examples (2)')).toBe(true);
    expect(writes(excel.batches[2]).map((op) => op.kind)).toContain('formulas');
  });

  it('deletes the new sheet when the write fails, so nothing is half-written', async () => {
    const excel = workbook();
    excel.failWhen = (op) => (op.kind === 'numberFormat' ? 'The argument is invalid or missing or has an incorrect format.' : undefined);
    await expect(hostFor(excel).insertTemplate({ template: 'examples' })).rejects.toThrow(
      'Could not insert the template: The argument is invalid or missing or has an incorrect format.. Nothing was changed.',
    );
    // The cells before the failing format had reached the sheet, as in Excel; the sheet is gone with them.
    expect(excel.batches.some((batch) => batch.some((op) => op.kind === 'formulas'))).toBe(true);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Examples']);
    expect(excel.grid('Examples')).toEqual([['already here']]);
  });

  it('says so when even the clean-up fails', async () => {
    const excel = workbook();
    excel.failWhen = (op) => (op.kind === 'formulas' ? 'write refused' : op.kind === 'deleteSheet' ? 'workbook is protected' : undefined);
    await expect(hostFor(excel).insertTemplate({ template: 'examples' })).rejects.toThrow(
      'Could not insert the template: write refused. The new sheet "Examples (2)" could not be removed (workbook is protected); delete it by hand.',
    );
  });

  it('refuses a bad request before touching the workbook (the core validates it)', async () => {
    const excel = workbook();
    await expect(createExcelHost(excel).insertTemplate({ template: 'no such template' } as never)).rejects.toThrow();
    expect(excel.runs).toBe(0);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Examples']);
  });

  it('writes the real Examples template, every custom function called as SALESOPS.NAME', async () => {
    const excel = new FakeExcel({ sheets: { 'SalesOps Examples': [['mine']] } });
    const name = await createExcelHost(excel).insertTemplate({ template: 'examples' });
    expect(name).toBe('SalesOps Examples (2)');
    expect(excel.grid('SalesOps Examples')).toEqual([['mine']]);
    const formulas = excel.grid(name).flat().filter((cell): cell is string => typeof cell === 'string' && cell.startsWith('='));
    expect(formulas.length).toBeGreaterThan(0);
    const custom = new RegExp(`(?<![A-Za-z0-9_.])(${FUNCTIONS.map((s) => s.name).join('|')})\\(`);
    expect(formulas.filter((formula) => custom.test(formula))).toEqual([]);
    expect(formulas.some((formula) => formula.includes('SALESOPS.'))).toBe(true);
  });

  /** Inserts `plan` into an empty workbook and reads the new sheet back through the host, as the sidebar would. */
  async function insertAndRead(plan: SheetPlan): Promise<{ excel: FakeExcel; name: string; read: unknown[][] }> {
    const excel = new FakeExcel({ sheets: { Sheet1: [] } });
    const host = createExcelHost(excel, { planTemplate: () => plan });
    const name = await host.insertTemplate({ template: 'examples' });
    const rows = plan.cells.length;
    const cols = Math.max(...plan.cells.map((row) => row.length));
    excel.selection = { sheet: name, address: `A1:${String.fromCharCode(64 + cols)}${rows}` };
    return { excel, name, read: await host.readSelection() };
  }

  it('writes hostile rep names as the same text, never as a formula or a number', async () => {
    const { read } = await insertAndRead({ name: 'Reps', cells: HOSTILE_TEXT.map((text) => [text]) });
    expect(read).toEqual(HOSTILE_TEXT.map((text) => [text]));
  });

  it('writes any text back as the identical string (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.string({ unit: 'binary', minLength: 1 }), { minLength: 1, maxLength: 8 }), async (texts) => {
        const { read } = await insertAndRead({ name: 'Texts', cells: [texts] });
        expect(read).toEqual([texts]);
      }),
    );
  });

  it('adds the plan\'s line chart at its anchor with its titles, series name and x values, and freezes the header, in the same batch', async () => {
    const { excel, name } = await insertAndRead(CHART_PLAN);
    const sheet = excel.sheet(name)!;
    expect(sheet.charts).toEqual([
      {
        type: 'Line',
        source: 'B2:B4',
        seriesBy: 'Columns',
        title: 'Payout by attainment',
        series: [{ name: 'Payout', values: 'B2:B4', xValues: 'A2:A4' }],
        categoryTitle: 'Attainment',
        valueTitle: 'Payout ($)',
        position: 'E2',
      },
    ]);
    expect(sheet.frozenRows).toBe(1);
    const batches = excel.batches.map(writes).filter((batch) => batch.length > 0);
    expect(batches.map((batch) => [...new Set(batch.map((op) => op.kind))])).toEqual([
      ['addSheet', 'formulas', 'numberFormat', 'columnWidth', 'bold', 'freezeRows', 'addChart', 'chart', 'activate'],
    ]);
    expect(excel.grid(name)[2][1]).toBe('=A3*10000');
  });

  it('refuses a plan with a number that is not finite before touching the workbook', async () => {
    const excel = workbook();
    const host = createExcelHost(excel, { planTemplate: () => ({ name: 'Bad', cells: [[Infinity]] }) });
    await expect(host.insertTemplate({ template: 'examples' })).rejects.toThrow("the template's sheet plan has Infinity in A1");
    expect(excel.runs).toBe(0);
  });

  it('is named Excel for messages', () => {
    expect(hostFor(workbook()).name).toBe('Excel');
  });
});
