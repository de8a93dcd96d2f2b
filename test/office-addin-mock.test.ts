/**
 * The task pane's Host against office-addin-mock, Microsoft's mock of the
 * Office.js object model: a property read before it was loaded and synced
 * reads as the mock's error text, so these tests fail if the host reads what
 * it did not load. The mock has no batch model and cannot load a collection's
 * items (`worksheets.load('items/name')`), so the name-taken path and failed
 * batches are tested on FakeExcel (office-addin-taskpane.test.ts).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { type ContextLike, type ExcelLike, createExcelHost } from '../office-addin/taskpane';

type MockData = ConstructorParameters<typeof OfficeMockObject>[0];

/** A workbook context made of office-addin-mock objects; `sync` is counted. */
function mockExcel(data: MockData): { excel: ExcelLike; context: OfficeMockObject; syncs: () => number } {
  const context = new OfficeMockObject(data);
  const sync = context.sync.bind(context);
  let syncs = 0;
  context.sync = () => {
    syncs++;
    return sync();
  };
  const excel: ExcelLike = { run: (batch) => batch(context as unknown as ContextLike) };
  return { excel, context, syncs: () => syncs };
}

/** A range as the mock holds it, with the properties the task pane writes. */
const mockRange = () => new OfficeMockObject({ formulas: [], numberFormat: [], format: { columnWidth: 0, font: { bold: false } } });

describe('Excel host on office-addin-mock', () => {
  it('reads the selection only after loading and syncing it', async () => {
    const { excel, syncs } = mockExcel({
      workbook: {
        selected: {
          rowCount: 3,
          columnCount: 2,
          values: [
            ['Rep', 'Quota'],
            ['Ann', 100000],
            ['', ''],
          ],
        },
        getSelectedRange(this: { selected: unknown }) {
          return this.selected;
        },
      },
    });
    await expect(createExcelHost(excel).readSelection()).resolves.toEqual([
      ['Rep', 'Quota'],
      ['Ann', 100000],
      [null, null],
    ]);
    expect(syncs()).toBe(2);
  });

  it('inserts a commission plan in one Excel.run and one sync: the sheet, every cell, format and width, the chart', async () => {
    const ranges: { at: string; range: OfficeMockObject }[] = [];
    const added: string[] = [];
    const charts: string[] = [];
    const rangeAt = (at: string) => {
      const range = mockRange();
      ranges.push({ at, range });
      return range;
    };
    const worksheet = (name: string) =>
      new OfficeMockObject({
        name,
        getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => rangeAt(`${row},${col} ${rows}x${cols}`),
        getRange: (address: string) => rangeAt(address),
        freezePanes: { freezeRows: () => undefined },
        charts: {
          add: (type: string) => {
            charts.push(type);
            const series = { setValues: () => undefined, setXAxisValues: () => undefined, name: '' };
            return {
              title: { text: '' },
              series: { getItemAt: () => series, add: () => series },
              axes: { categoryAxis: { title: { text: '' } }, valueAxis: { title: { text: '' } } },
              setPosition: () => undefined,
            };
          },
        },
        activate: () => undefined,
        delete: () => undefined,
      });
    const { excel, syncs } = mockExcel({
      workbook: {
        worksheets: {
          add: (name: string) => {
            added.push(name);
            return worksheet(name);
          },
        },
      },
    });
    const reps = [
      { rep: 'Ann', quota: 100000, bookings: [150000] },
      { rep: '=HYPERLINK("http://x","y")', quota: 100000, bookings: [80000] },
    ];
    const tiers = [
      { from: 0, rate: 0.08 },
      { from: 1, rate: 0.12 },
    ];
    const name = await createExcelHost(excel).insertTemplate({ template: 'commission', kind: 'marginal', tiers, reps });

    expect(name).toBe('Commission plan');
    expect(added).toEqual(['Commission plan']);
    expect(syncs()).toBe(1);
    const block = ranges.find(({ at }) => at.startsWith('0,0 '))!.range as unknown as { formulas: unknown[][] };
    const cells = block.formulas.flat();
    expect(cells).toContain('Ann');
    expect(cells).toContain('\'=HYPERLINK("http://x","y")');
    const formulas = cells.filter((cell): cell is string => typeof cell === 'string' && cell.startsWith('='));
    expect(formulas.length).toBeGreaterThan(10);
    expect(formulas.filter((formula) => formula.includes('SALESOPS.'))).toEqual([]);
    expect(ranges.filter(({ range }) => (range as unknown as { numberFormat: unknown[][] }).numberFormat.length > 0).length).toBeGreaterThan(0);
    expect(charts).toEqual(['Line']);
  });
});
