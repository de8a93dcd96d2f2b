/** Sheet plans from the sidebar's templates: request validation, the examples sheet, unique names. */
import { templateRefusal as refusal } from './support/call';
import { FUNCTIONS } from '../core/registry';
import {
  type PlanCell,
  type SheetPlan,
  TEMPLATES,
  formulaForHost,
  isFormulaCell,
  planTemplate,
  uniqueSheetName,
} from '../core/templates';
import { parseRange } from '../core/a1';
import { defaultValues } from '../core/templates/fields';
import { Workbook } from '../playground/workbook';
import { sheetWords } from '../ui/sheet-words';

describe('planTemplate refuses requests that are not a known template', () => {
  it.each([
    ['null', null, /not null/],
    ['a string', 'examples', /not string/],
    ['a list', [{ template: 'examples' }], /not a list/],
    ['a number', 42, /not number/],
    ['undefined', undefined, /not undefined/],
  ])('%s', (_what, request, message) => {
    const error = refusal(request);
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/template request must be an object/);
    expect(error.message).toMatch(message);
  });

  it('a request without a template field', () => {
    expect(refusal({}).message).toMatch(/needs a "template" field/);
  });

  it('a template field that is not a name', () => {
    expect(refusal({ template: 7 }).message).toMatch(/"template" must be a template name, not number/);
    expect(refusal({ template: null }).message).toMatch(/not null/);
  });

  it('an unknown template, naming the ones there are', () => {
    const error = refusal({ template: 'bonus' });
    expect(error.message).toMatch(/there is no template "bonus": choose one of "commission", "territory", "examples"/);
  });

  it('an unknown name is quoted shortened, however long it is', () => {
    const error = refusal({ template: 'x'.repeat(10_000) });
    expect(error.message.length).toBeLessThan(200);
  });

  it('fields the template does not take', () => {
    expect(refusal({ template: 'examples', overwrite: true }).message).toMatch(
      /examples template takes no options, but the request has an unexpected field "overwrite"/,
    );
  });

  it('objects that are not plain JSON (a class instance, a Date)', () => {
    class Request {
      template = 'examples';
    }
    expect(refusal(new Request()).message).toMatch(/must be an object/);
    expect(refusal(new Date()).message).toMatch(/must be an object/);
  });

  it('a request with a huge number of fields', () => {
    const request: Record<string, unknown> = { template: 'examples' };
    for (let i = 0; i < 1000; i++) request[`f${i}`] = i;
    expect(refusal(request).message).toMatch(/at most 50 fields/);
  });

  it('accepts a request without a prototype, as JSON.parse or structured clone may give', () => {
    const request = Object.assign(Object.create(null), { template: 'examples' });
    expect(planTemplate(request, sheetWords).name).toBe('SalesOps Examples');
  });
});

describe('the examples sheet plan', () => {
  const plan = planTemplate({ template: 'examples' }, sheetWords);
  const at = (ref: string): PlanCell => {
    const range = parseRange(ref)!;
    return plan.cells[range.top]?.[range.left] ?? null;
  };
  /** The A1 name of every formula cell whose formula contains `text`. */
  const formulaCells = (text: string): string[] => {
    const found: string[] = [];
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (isFormulaCell(cell) && cell.formula.includes(text)) found.push(`${String.fromCharCode(65 + c)}${r + 1}`);
      }),
    );
    return found;
  };

  it('asks for a sheet named "SalesOps Examples"', () => {
    expect(plan.name).toBe('SalesOps Examples');
  });

  it('is one rectangle of cells, as hosts write it in one call', () => {
    const widths = new Set(plan.cells.map((row) => row.length));
    expect(widths.size).toBe(1);
  });

  it('uses each of the three functions, spilling attainment over the reps', () => {
    expect(formulaCells('QUOTA_ATTAINMENT(')).toEqual(['D6']);
    expect(at('D6')).toEqual({ formula: 'QUOTA_ATTAINMENT(B6:B9,C6:C9)' });
    expect(formulaCells('WEIGHTED_PIPELINE(')).toHaveLength(3);
    expect(formulaCells('FORECAST_ERROR(')).toHaveLength(3);
  });

  it('writes formulas in Excel syntax with custom functions bare, no empty arguments, and only native functions every spreadsheet has', () => {
    const custom = new Set(FUNCTIONS.map((spec) => spec.name));
    const native = new Set<string>();
    for (const row of plan.cells) {
      for (const cell of row) {
        if (!isFormulaCell(cell)) continue;
        expect(cell.formula.startsWith('=')).toBe(false);
        expect(cell.formula).not.toMatch(/SALESOPS\./);
        expect(cell.formula).not.toMatch(/\(\s*,|,\s*,|,\s*\)/);
        for (const [, name] of cell.formula.matchAll(/(?<![A-Z0-9_.])([A-Z][A-Z0-9_.]*)\(/g)) if (!custom.has(name)) native.add(name);
      }
    }
    expect([...native]).toEqual(['DATE']);
  });

  it('puts a label beside every formula', () => {
    plan.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!isFormulaCell(cell)) return;
        const left = row[c - 1];
        const right = row[c + 1];
        const labelled = [left, right].some((side) => typeof side === 'string' && side.trim().length > 0);
        expect({ cell: `${r + 1}:${c + 1}`, labelled }).toEqual({
          cell: `${r + 1}:${c + 1}`,
          labelled: true,
        });
      }),
    );
  });

  it('formats money, percentages and dates, and every format range is a valid A1 range', () => {
    const formatOf = (ref: string) => {
      const cell = parseRange(ref)!;
      const hit = [...(plan.formats ?? [])].reverse().find(({ range }) => {
        const r = parseRange(range)!;
        return cell.top >= r.top && cell.top <= r.bottom && cell.left >= r.left && cell.left <= r.right;
      });
      return hit?.format;
    };
    for (const { range } of plan.formats ?? []) expect(parseRange(range)).toBeDefined();
    expect(formatOf('B6')).toBe('#,##0');
    expect(formatOf('D6')).toBe('0%');
    expect(formatOf('D9')).toBe('0%');
    expect(formatOf('E13')).toBe('yyyy-mm-dd');
    expect(formatOf('B19')).toBe('#,##0');
  });

  it('makes titles and header rows bold and sets column widths', () => {
    const bold = new Set(plan.boldRows);
    for (const header of ['Rep', 'Deal', 'Month', 'Quota attainment', 'Weighted pipeline', 'Forecast accuracy']) {
      const row = plan.cells.findIndex((cells) => cells[0] === header) + 1;
      expect({ header, bold: bold.has(row) }).toEqual({ header, bold: true });
    }
    expect(plan.columnWidths?.length).toBeGreaterThanOrEqual(plan.cells[0].length);
    for (const width of plan.columnWidths ?? []) expect(width).toBeGreaterThan(0);
  });

  it('reads the same in Excel once its namespace is added', () => {
    const excel = formulaForHost(
      (at('B21') as { formula: string }).formula,
      FUNCTIONS.map((spec) => spec.name),
      'SALESOPS',
    );
    expect(excel).toBe('SALESOPS.WEIGHTED_PIPELINE(B13:B17,C13:C17,G13:H17,E13:E17,DATE(2026,1,1),DATE(2026,3,31))');
  });

  describe('its formulas compute what a sales-ops analyst works out by hand', () => {
    const workbook = new Workbook();
    const sheet = workbook.sheetId(workbook.insertPlan(plan));
    const value = (ref: string) => {
      const range = parseRange(ref)!;
      return workbook.values(sheet, range)[0][0];
    };
    const near = (ref: string, expected: number) => expect({ ref, value: value(ref) }).toEqual({ ref, value: expect.closeTo(expected, 9) });

    it('attainment spills one value per rep: actual ÷ quota', () => {
      near('D6', 90000 / 100000);
      near('D7', 132000 / 120000);
      near('D8', 45000 / 60000);
      near('D9', 150000 / 150000);
      expect(value('D10')).toBeNull();
    });

    it('weighted pipeline from probabilities and from stage names agree', () => {
      const byHand = 120000 * 0.1 + 80000 * 0.5 + 50000 * 0.75 + 200000 * 0.25 + 30000 * 0.75;
      near('B19', byHand);
      near('B20', byHand);
    });

    it('only deals closing in Q1 2026 count in the period version (31 March included, 10 April not)', () => {
      near('B21', 120000 * 0.1 + 80000 * 0.5 + 200000 * 0.25 + 30000 * 0.75);
    });

    it('forecast error spills per month, and WAPE and bias sum it up', () => {
      near('D25', (180000 - 200000) / 180000);
      near('D26', (165000 - 150000) / 165000);
      near('D27', 0);
      near('B29', (20000 + 15000 + 0) / (180000 + 165000 + 220000));
      near('B30', (-20000 + 15000 + 0) / 3);
    });

    it('labels stay text and dates stay dates', () => {
      expect(workbook.view(sheet, { row: 5, col: 0 }).text).toBe('Ana Silva');
      expect(workbook.view(sheet, { row: 12, col: 4 }).text).toBe('2026-02-20');
      expect(workbook.view(sheet, { row: 24, col: 0 }).text).toBe('Jan 2026');
    });
  });
});

describe('TEMPLATES, the list the sidebar shows', () => {
  it('gives every template a title, a description and a plan that builds from { template: id }', () => {
    for (const definition of TEMPLATES) {
      expect(definition.title.length).toBeGreaterThan(0);
      expect(definition.description.length).toBeGreaterThan(20);
      const plan: SheetPlan = planTemplate({ ...defaultValues(definition.fields), template: definition.id }, sheetWords);
      expect(plan.name).toBe(sheetWords(definition.sheetName));
    }
  });
});

describe('uniqueSheetName', () => {
  it('keeps a free name, then numbers the copies', () => {
    expect(uniqueSheetName('SalesOps Examples', ['Deals'])).toBe('SalesOps Examples');
    expect(uniqueSheetName('SalesOps Examples', ['SalesOps Examples'])).toBe('SalesOps Examples (2)');
    expect(uniqueSheetName('SalesOps Examples', ['SalesOps Examples', 'SalesOps Examples (2)'])).toBe(
      'SalesOps Examples (3)',
    );
  });

  it('compares names case-insensitively, as Sheets and Excel do', () => {
    expect(uniqueSheetName('SalesOps Examples', ['salesops examples'])).toBe('SalesOps Examples (2)');
  });

  it('keeps within 31 characters and drops characters sheet names cannot hold', () => {
    const long = 'Commission plan for the EMEA enterprise team';
    const first = uniqueSheetName(long, []);
    expect(first).toBe('Commission plan for the EMEA en');
    const second = uniqueSheetName(long, [first]);
    expect(second).toBe('Commission plan for the EME (2)');
    expect(second.length).toBeLessThanOrEqual(31);
    expect(uniqueSheetName('Q1/Q2: plan [draft]?', [])).toBe('Q1 Q2  plan  draft');
  });
});
