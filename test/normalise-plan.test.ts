/**
 * The plan normaliser: every host writes what it returns, so what it refuses
 * no host writes, and what it types every host writes the same way.
 */
import fc from 'fast-check';
import { TEMPLATES, planTemplate, type SheetPlan } from '../core/templates';
import { PlanError, normalisePlan, readsAsInput } from '../core/templates/normalise-plan';
import { defaultValues } from '../core/templates/fields';
import { CHART_PLAN, HOSTILE_TEXT } from './support/plan-fixtures';
import { sheetWords } from '../ui/sheet-words';

const plan = (extra: Partial<SheetPlan>): SheetPlan => ({ name: 'Plan', cells: [['a', 1], [2, 3]], ...extra });

describe('normalisePlan: typed cells', () => {
  it('types each cell: formula without its "=", text, number, date under a date format, boolean, blank', () => {
    const normal = normalisePlan({
      name: ' Plan ',
      cells: [
        [{ formula: '=SUM(B2:B3)' }, { formula: ' A1*2 ' }, 'text', 0.5],
        [45382, true, null, ''],
      ],
      formats: [{ range: 'A2', format: 'yyyy-mm-dd' }],
    });
    expect(normal.name).toBe('Plan');
    expect(normal.cells).toEqual([
      [
        { kind: 'formula', formula: 'SUM(B2:B3)' },
        { kind: 'formula', formula: 'A1*2' },
        { kind: 'text', text: 'text' },
        { kind: 'number', value: 0.5 },
      ],
      [{ kind: 'date', serial: 45382 }, { kind: 'boolean', value: true }, { kind: 'blank' }, { kind: 'blank' }],
    ]);
  });

  it('pads short rows with blanks to one rectangle', () => {
    const normal = normalisePlan({ name: 'P', cells: [['a', 'b', 'c'], ['d']] });
    expect([normal.rows, normal.cols]).toEqual([2, 3]);
    expect(normal.cells[1]).toEqual([{ kind: 'text', text: 'd' }, { kind: 'blank' }, { kind: 'blank' }]);
  });

  it('keeps hostile text as text, never a formula or a number', () => {
    const normal = normalisePlan({ name: 'P', cells: HOSTILE_TEXT.map((text) => [text]) });
    expect(normal.cells.map(([cell]) => cell)).toEqual(HOSTILE_TEXT.map((text) => ({ kind: 'text', text })));
  });

  it('reads the chart: ranges, anchor, titles', () => {
    expect(normalisePlan(CHART_PLAN).charts).toEqual([
      {
        kind: 'line',
        title: 'Payout by attainment',
        categories: { top: 1, left: 0, bottom: 3, right: 0 },
        series: [{ name: 'Payout', values: { top: 1, left: 1, bottom: 3, right: 1 } }],
        anchor: { row: 1, col: 4 },
        xTitle: 'Attainment',
        yTitle: 'Payout ($)',
      },
    ]);
  });

  it('accepts every template the sidebar offers', () => {
    for (const template of TEMPLATES) expect(() => normalisePlan(planTemplate({ ...defaultValues(template.fields), template: template.id }, sheetWords))).not.toThrow();
  });
});

describe('normalisePlan: refusals name what is wrong', () => {
  it.each<[string, SheetPlan, string]>([
    ['NaN', plan({ cells: [[1, NaN]] }), 'has NaN in B1: a cell holds only finite numbers'],
    ['Infinity', plan({ cells: [[1], [-Infinity]] }), 'has -Infinity in A2'],
    ['a formula with "=" twice', plan({ cells: [[{ formula: '==A1' }]] }), 'starts with "=" twice'],
    ['an empty formula', plan({ cells: [[{ formula: '= ' }]] }), 'has an empty formula in A1'],
    ['an object cell', plan({ cells: [[{ value: 1 } as never]] }), 'has a object in A1, which is no cell value'],
    ['no cells', plan({ cells: [] }), 'has no cells'],
    ['too many columns', plan({ cells: [new Array(201).fill(1)] }), 'is 1 rows by 201 columns'],
    ['a bad sheet name', plan({ name: 'Q1/Q2' }), 'sheet names cannot hold /'],
    ['a long sheet name', plan({ name: 'x'.repeat(32) }), 'at most 31 characters'],
    ['a format outside the cells', plan({ formats: [{ range: 'B2:B3', format: '0%' }] }), 'outside its cells (A1:B2)'],
    ['a format not on the list', plan({ formats: [{ range: 'B2', format: '[Red]0' }] }), 'format 1 "[Red]0", which is not one of'],
    ['a range that is not A1', plan({ formats: [{ range: 'B:B', format: '0%' }] }), 'not an A1 range'],
    ['a date that is no day', plan({ cells: [[-5]], formats: [{ range: 'A1', format: 'yyyy-mm-dd' }] }), 'formats A1 as a date, but -5'],
    ['a zero width', plan({ columnWidths: [0] }), 'gives column A an impossible width (0 pixels)'],
    ['more widths than columns', plan({ columnWidths: [10, 10, 10] }), 'gives 3 column widths for 2 columns'],
    ['a bold row below the cells', plan({ boldRows: [3] }), 'asks for bold row 3; its rows are 1 to 2'],
    ['a fractional bold row', plan({ boldRows: [1.5] }), 'asks for bold row 1.5'],
    ['too many frozen rows', plan({ frozenRows: 3 }), 'freezes 3 rows; it has 2'],
    ['a chart of an unknown kind', { ...CHART_PLAN, charts: [{ ...CHART_PLAN.charts![0], kind: 'pie' as never }] }, 'chart 1 of kind "pie"'],
    [
      'a chart series longer than its categories',
      { ...CHART_PLAN, charts: [{ ...CHART_PLAN.charts![0], series: [{ name: 'P', values: 'B1:B4' }] }] },
      "chart 1's series 1 (B1:B4) not one row or column as long as its categories (A2:A4)",
    ],
    ['a chart over a block', { ...CHART_PLAN, charts: [{ ...CHART_PLAN.charts![0], categories: 'A2:B4' }] }, 'over more than one row or column'],
    ['a chart without series', { ...CHART_PLAN, charts: [{ ...CHART_PLAN.charts![0], series: [] }] }, 'gives chart 1 0 series'],
    ['a chart anchored nowhere', { ...CHART_PLAN, charts: [{ ...CHART_PLAN.charts![0], anchor: 'here' }] }, 'anchors chart 1 at "here"'],
    ['a chart without a title', { ...CHART_PLAN, charts: [{ ...CHART_PLAN.charts![0], title: ' ' }] }, 'needs a title for chart 1'],
  ])('refuses %s', (_what, bad, message) => {
    expect(() => normalisePlan(bad)).toThrow(PlanError);
    expect(() => normalisePlan(bad)).toThrow(message);
  });
});

describe('readsAsInput: text a spreadsheet would not keep as typed', () => {
  it.each(HOSTILE_TEXT)('marks %j', (text) => {
    expect(readsAsInput(text)).toBe(true);
  });

  it.each(['Ana Silva', 'Plain words', 'Σ amount × probability', '<img src=x onerror=alert()>', 'TRUE story'])('leaves %j plain', (text) => {
    expect(readsAsInput(text)).toBe(false);
  });

  it('marks every number as JavaScript writes it, with or without a sign, spaces or a percent sign (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom('', ' ', '+', '-'), fc.constantFrom('', '%'), (n, before, after) => {
        expect(readsAsInput(`${before}${n}${after}`)).toBe(true);
      }),
    );
  });

  it('reads a 50,000-character cell once, without backtracking', () => {
    expect(readsAsInput(`${'x '.repeat(25_000)}true`)).toBe(false);
  });
});
