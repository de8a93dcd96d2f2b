/**
 * The one place a sheet plan becomes typed cells and is checked. Every host's
 * writer (Sheets, Excel, the playground) takes a NormalisedPlan and maps it to
 * its own calls, so a plan is read, padded and validated the same way
 * everywhere, and a bad plan is refused before any host creates a sheet.
 */
import { type CellRef, type RangeRef, columnName, parseCell, parseRange, rangeName } from '../a1';
import { type PlanChart, type PlanCell, type SheetPlan, isFormulaCell } from './plan';

/** A cell as every host writes it. Formulas are kept without their leading "=". */
export type TypedCell =
  | { readonly kind: 'blank' }
  | { readonly kind: 'formula'; readonly formula: string }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  /** A day serial (1 = 1900-01-01 as Excel counts) in a cell the plan formats as a date. */
  | { readonly kind: 'date'; readonly serial: number }
  | { readonly kind: 'boolean'; readonly value: boolean };

export interface NormalisedChart {
  readonly kind: PlanChart['kind'];
  readonly title: string;
  readonly categories: RangeRef;
  readonly series: readonly { readonly name: string; readonly values: RangeRef }[];
  readonly anchor: CellRef;
  readonly xTitle?: string;
  readonly yTitle?: string;
}

export interface NormalisedPlan {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  /** rows × cols, every row the same length. */
  readonly cells: readonly (readonly TypedCell[])[];
  readonly formats: readonly { readonly range: RangeRef; readonly format: string }[];
  /** Whole pixels, one per column from A, at most `cols`. */
  readonly columnWidths: readonly number[];
  /** 1-based, ascending, each inside the plan. */
  readonly boldRows: readonly number[];
  readonly frozenRows: number;
  readonly charts: readonly NormalisedChart[];
}

/** A plan no host should write: a bug in the template that built it, named precisely. */
export class PlanError extends Error {
  constructor(message: string) {
    super(`the template's sheet plan ${message}`);
    this.name = 'PlanError';
  }
}

/** Sheets holds 10 million cells, Excel a million rows; a template's sheet is far smaller, and inserts in one call. */
export const MAX_PLAN_ROWS = 20_000;
export const MAX_PLAN_COLUMNS = 200;
export const MAX_PLAN_CELLS = 500_000;
/** Excel's limits: a cell holds 32,767 characters, a formula 8,192. */
export const MAX_TEXT_LENGTH = 32_767;
export const MAX_FORMULA_LENGTH = 8_192;
const MAX_SHEET_NAME = 31;
const MAX_COLUMN_WIDTH = 2_000;
const MAX_CHARTS = 10;
const MAX_SERIES = 10;
const MAX_CHART_TEXT = 255;
/** 9999-12-31, the last day Excel and Sheets show as a date. */
const LAST_DATE_SERIAL = 2_958_465;

/** Number formats a plan may use, and whether a number under one is a date. Every host and LibreOffice read them alike. */
export const PLAN_FORMATS: ReadonlyMap<string, 'number' | 'date'> = new Map(
  Object.entries({
  General: 'number',
  '0': 'number',
  '0.0': 'number',
  '0.00': 'number',
  '#,##0': 'number',
  '#,##0.0': 'number',
  '#,##0.00': 'number',
  '$#,##0': 'number',
  '$#,##0.00': 'number',
  '0%': 'number',
  '0.0%': 'number',
  '0.00%': 'number',
  'yyyy-mm-dd': 'date',
    'mmm yyyy': 'date',
  } as const),
);

const CHART_KINDS: readonly PlanChart['kind'][] = ['line', 'column', 'scatter'];

const BLANK: TypedCell = Object.freeze({ kind: 'blank' });

/**
 * Text a spreadsheet would not keep as typed when it is written as input: a
 * formula or a sign (= + - @), a leading quote or error literal (' #), a
 * leading space, tab or line break, anything with a digit in it (numbers,
 * dates, times, percentages, currencies, in any script's digits), and TRUE or
 * FALSE. Sheets and Excel mark such text so it stays text (see their writers).
 * Generous on purpose: marking plain text costs nothing, missing one writes a formula.
 */
export function readsAsInput(text: string): boolean {
  return /^[=+\-@'#\s]|\p{Nd}|^(?:true|false)\s*$/iu.test(text);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return String(value);
  return Array.isArray(value) ? 'a list' : `a ${typeof value}`;
}

function cellAt(row: number, col: number): string {
  return rangeName({ top: row, left: col, bottom: row, right: col });
}

/** One plan cell as a typed cell; `where` names it in errors ("C7"). */
export function typedCell(cell: PlanCell | undefined, where: string, format?: string): TypedCell {
  if (cell === null || cell === undefined || cell === '') return BLANK;
  switch (typeof cell) {
    case 'string':
      if (cell.length > MAX_TEXT_LENGTH) throw new PlanError(`has ${cell.length} characters of text in ${where}; a cell holds ${MAX_TEXT_LENGTH}`);
      return { kind: 'text', text: cell };
    case 'number':
      if (!Number.isFinite(cell)) throw new PlanError(`has ${cell} in ${where}: a cell holds only finite numbers`);
      if (format !== undefined && PLAN_FORMATS.get(format) === 'date') {
        if (cell < 1 || cell > LAST_DATE_SERIAL) throw new PlanError(`formats ${where} as a date, but ${cell} is no day between 1900 and 9999`);
        return { kind: 'date', serial: cell };
      }
      return { kind: 'number', value: cell };
    case 'boolean':
      return { kind: 'boolean', value: cell };
  }
  if (isFormulaCell(cell)) return { kind: 'formula', formula: formulaText(cell.formula, where) };
  throw new PlanError(`has ${describe(cell)} in ${where}, which is no cell value`);
}

/** A formula without its "=": one leading "=" is allowed and dropped, two are a mistake. */
function formulaText(formula: unknown, where: string): string {
  if (typeof formula !== 'string') throw new PlanError(`has a formula in ${where} that is ${describe(formula)}, not text`);
  let text = formula.trim();
  if (text.startsWith('=')) text = text.slice(1).trimStart();
  if (text.startsWith('=')) throw new PlanError(`has a formula in ${where} that starts with "=" twice: ${describe(formula)}`);
  if (text === '') throw new PlanError(`has an empty formula in ${where}`);
  if (text.length > MAX_FORMULA_LENGTH) throw new PlanError(`has a formula of ${text.length} characters in ${where}; a cell holds ${MAX_FORMULA_LENGTH}`);
  return text;
}

function sheetName(name: unknown): string {
  if (typeof name !== 'string' || name.trim() === '') throw new PlanError(`needs a sheet name, not ${describe(name)}`);
  const trimmed = name.trim();
  if (trimmed.length > MAX_SHEET_NAME) throw new PlanError(`names its sheet ${describe(name)}: a sheet name has at most ${MAX_SHEET_NAME} characters`);
  const bad = /[:\\/?*[\]]/.exec(trimmed);
  if (bad) throw new PlanError(`names its sheet ${describe(name)}: sheet names cannot hold ${bad[0]}`);
  if (trimmed.startsWith("'") || trimmed.endsWith("'")) throw new PlanError(`names its sheet ${describe(name)}: a sheet name cannot start or end with '`);
  return trimmed;
}

function list<T>(value: readonly T[] | undefined, what: string): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new PlanError(`has ${what} that are ${describe(value)}, not a list`);
  return value;
}

/** A range written as text ("B2:D9"), checked to lie inside the plan's rows × cols. */
function rangeInside(text: unknown, rows: number, cols: number, what: string): RangeRef {
  const range = typeof text === 'string' ? parseRange(text) : undefined;
  if (!range) throw new PlanError(`has ${what} ${describe(text)}, which is not an A1 range like "B2:D9"`);
  if (range.bottom >= rows || range.right >= cols) {
    throw new PlanError(`has ${what} ${describe(text)} outside its cells (A1:${cellAt(rows - 1, cols - 1)})`);
  }
  return range;
}

function chartText(value: unknown, what: string, optional: boolean): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_CHART_TEXT) {
    throw new PlanError(`needs ${what} of 1 to ${MAX_CHART_TEXT} characters, not ${describe(value)}`);
  }
  return value;
}

const isLine = (range: RangeRef) => range.left === range.right || range.top === range.bottom;
const length = (range: RangeRef) => Math.max(range.bottom - range.top, range.right - range.left) + 1;

function chart(plan: PlanChart, index: number, rows: number, cols: number): NormalisedChart {
  const which = `chart ${index + 1}`;
  if (!CHART_KINDS.includes(plan.kind)) throw new PlanError(`has ${which} of kind ${describe(plan.kind)}; choose ${CHART_KINDS.join(', ')}`);
  const title = chartText(plan.title, `a title for ${which}`, false)!;
  const categories = rangeInside(plan.categories, rows, cols, `${which}'s categories`);
  if (!isLine(categories)) throw new PlanError(`has ${which}'s categories ${plan.categories} over more than one row or column`);
  const series = list(plan.series, `${which}'s series`);
  if (series.length === 0 || series.length > MAX_SERIES) throw new PlanError(`gives ${which} ${series.length} series; a chart has 1 to ${MAX_SERIES}`);
  const anchor = typeof plan.anchor === 'string' ? parseCell(plan.anchor) : undefined;
  if (!anchor || anchor.row >= MAX_PLAN_ROWS || anchor.col >= MAX_PLAN_COLUMNS) {
    throw new PlanError(`anchors ${which} at ${describe(plan.anchor)}, which is not a cell like "H2" inside ${MAX_PLAN_ROWS} rows and ${MAX_PLAN_COLUMNS} columns`);
  }
  return {
    kind: plan.kind,
    title,
    categories,
    series: series.map((one, s) => {
      const values = rangeInside(one?.values, rows, cols, `${which}'s series ${s + 1}`);
      if (!isLine(values) || length(values) !== length(categories)) {
        throw new PlanError(`has ${which}'s series ${s + 1} (${one.values}) not one row or column as long as its categories (${plan.categories})`);
      }
      return { name: chartText(one.name, `a name for ${which}'s series ${s + 1}`, false)!, values };
    }),
    anchor,
    ...(plan.xTitle !== undefined ? { xTitle: chartText(plan.xTitle, `an x-axis title for ${which}`, true) } : {}),
    ...(plan.yTitle !== undefined ? { yTitle: chartText(plan.yTitle, `a y-axis title for ${which}`, true) } : {}),
  };
}

/** Checks a plan and turns it into typed cells; throws a PlanError naming the first thing wrong. */
export function normalisePlan(plan: SheetPlan): NormalisedPlan {
  if (typeof plan !== 'object' || plan === null) throw new PlanError(`is ${describe(plan)}, not a plan`);
  const name = sheetName(plan.name);
  const source = list(plan.cells, 'cells');
  const rows = source.length;
  let cols = 0;
  source.forEach((row, r) => {
    if (!Array.isArray(row)) throw new PlanError(`has row ${r + 1} that is ${describe(row)}, not a list of cells`);
    cols = Math.max(cols, row.length);
  });
  if (rows === 0 || cols === 0) throw new PlanError('has no cells');
  if (rows > MAX_PLAN_ROWS || cols > MAX_PLAN_COLUMNS || rows * cols > MAX_PLAN_CELLS) {
    throw new PlanError(
      `is ${rows} rows by ${cols} columns; a template's sheet has at most ${MAX_PLAN_ROWS} rows, ${MAX_PLAN_COLUMNS} columns and ${MAX_PLAN_CELLS} cells`,
    );
  }

  const formats = list(plan.formats, 'formats').map(({ range, format }, i) => {
    if (typeof format !== 'string' || !PLAN_FORMATS.has(format)) {
      throw new PlanError(`has format ${i + 1} ${describe(format)}, which is not one of ${[...PLAN_FORMATS.keys()].join(', ')}`);
    }
    return { range: rangeInside(range, rows, cols, `format ${i + 1}'s range`), format };
  });
  // A later format wins where ranges overlap; a number under a date format is a date.
  const formatGrid: (string | undefined)[][] = Array.from({ length: rows }, () => new Array<string | undefined>(cols));
  for (const { range, format } of formats) {
    for (let r = range.top; r <= range.bottom; r++) for (let c = range.left; c <= range.right; c++) formatGrid[r][c] = format;
  }
  const cells = source.map((row, r) => {
    const out = new Array<TypedCell>(cols);
    for (let c = 0; c < cols; c++) out[c] = typedCell(row[c], cellAt(r, c), formatGrid[r][c]);
    return out;
  });

  const widths = list(plan.columnWidths, 'column widths');
  if (widths.length > cols) throw new PlanError(`gives ${widths.length} column widths for ${cols} columns`);
  const columnWidths = widths.map((width, c) => {
    if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0 || width > MAX_COLUMN_WIDTH) {
      throw new PlanError(`gives column ${columnName(c)} an impossible width (${describe(width)} pixels)`);
    }
    return Math.round(width);
  });

  const boldRows = [...new Set(list(plan.boldRows, 'bold rows'))].map((row) => {
    if (typeof row !== 'number' || !Number.isInteger(row) || row < 1 || row > rows) {
      throw new PlanError(`asks for bold row ${describe(row)}; its rows are 1 to ${rows}`);
    }
    return row;
  });
  boldRows.sort((a, b) => a - b);

  const frozenRows = plan.frozenRows ?? 0;
  if (typeof frozenRows !== 'number' || !Number.isInteger(frozenRows) || frozenRows < 0 || frozenRows > rows) {
    throw new PlanError(`freezes ${describe(frozenRows)} rows; it has ${rows}`);
  }

  const charts = list(plan.charts, 'charts');
  if (charts.length > MAX_CHARTS) throw new PlanError(`has ${charts.length} charts; a sheet has at most ${MAX_CHARTS}`);

  return {
    name,
    rows,
    cols,
    cells,
    formats,
    columnWidths,
    boldRows,
    frozenRows,
    charts: charts.map((one, i) => chart(one, i, rows, cols)),
  };
}
