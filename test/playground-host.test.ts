/** The sidebar's Host in the playground: sheets, the selection, and inserting templates safely. */
import { FormulaError } from '../core/errors';
import { parseRange } from '../core/a1';
import { createPlaygroundHost } from '../playground/host';
import { Workbook } from '../playground/workbook';

function setup() {
  const workbook = new Workbook();
  workbook.addSheet('Deals', [
    [100, 'Won', null],
    ['=1/0', 0.25, true],
  ]);
  workbook.addSheet('SalesOps Examples', [['my own notes']]);
  const shown: string[] = [];
  let selection = { sheet: workbook.sheetId('Deals'), range: parseRange('A1:C2')! };
  const host = createPlaygroundHost(workbook, {
    selection: () => selection,
    showSheet: (sheet) => shown.push(workbook.hf.getSheetName(sheet)!),
  });
  return { workbook, host, shown, select: (sheet: string, range: string) => (selection = { sheet: workbook.sheetId(sheet), range: parseRange(range)! }) };
}

describe('the playground Host', () => {
  it('is named Playground and lists sheets in tab order', async () => {
    const { host } = setup();
    expect(host.name).toBe('Playground');
    await expect(host.listSheets()).resolves.toEqual(['Deals', 'SalesOps Examples']);
  });

  it('reads the selection in the cell model: blanks as null, errors as their code', async () => {
    const { host, select } = setup();
    await expect(host.readSelection()).resolves.toEqual([
      [100, 'Won', null],
      ['#DIV/0!', 0.25, true],
    ]);
    select('Deals', 'B2');
    await expect(host.readSelection()).resolves.toEqual([[0.25]]);
  });

  it('inserts a template into a new, uniquely named sheet, brings it to the front, and leaves the others alone', async () => {
    const { host, workbook, shown } = setup();
    await expect(host.insertTemplate({ template: 'examples' })).resolves.toBe('SalesOps Examples (2)');
    await expect(host.insertTemplate({ template: 'examples' })).resolves.toBe('SalesOps Examples (3)');
    expect(shown).toEqual(['SalesOps Examples (2)', 'SalesOps Examples (3)']);
    expect(workbook.values(workbook.sheetId('SalesOps Examples'), parseRange('A1:B2')!)).toEqual([
      ['my own notes', null],
      [null, null],
    ]);
    const inserted = workbook.sheetId('SalesOps Examples (3)');
    expect(workbook.inputText(inserted, { row: 5, col: 3 })).toBe('=QUOTA_ATTAINMENT(B6:B9,C6:C9)');
  });

  it('checks the request again and adds nothing when it is refused', async () => {
    const { host, workbook, shown } = setup();
    const forged = { template: 'examples', target: 'Deals!A1' } as unknown as Parameters<typeof host.insertTemplate>[0];
    await expect(host.insertTemplate(forged)).rejects.toBeInstanceOf(FormulaError);
    await expect(host.insertTemplate(forged)).rejects.toThrow(/unexpected field "target"/);
    expect(workbook.sheetNames()).toEqual(['Deals', 'SalesOps Examples']);
    expect(shown).toEqual([]);
  });
});
