/**
 * The task pane's Host: the sidebar talks to the workbook through Excel.run.
 * Templates go to a new, uniquely named sheet, written in one batch; if that
 * batch fails the new sheet is deleted, so nothing is left half-written.
 */
import { FUNCTIONS } from '../core/registry';
import { type SheetPlan, type TemplateRequest, formulaForHost, isFormulaCell, planTemplate, uniqueSheetName } from '../core/templates';
import type { PlanCell } from '../core/templates';
import type { CellValue } from '../core/values';
import type { Host } from '../sidebar/host';
import { mountSidebar } from '../sidebar/mount';
import { FUNCTION_NAMESPACE } from './namespace';

/*
 * The slice of the Excel JavaScript API this file uses, so tests can hand in a
 * fake workbook. The real `Excel` namespace satisfies it (tsc checks that below).
 */
export interface RangeLike {
  formulas: unknown[][];
  numberFormat: unknown[][];
  values: unknown[][];
  rowCount: number;
  columnCount: number;
  readonly address: string;
  readonly isNullObject: boolean;
  readonly format: { columnWidth: number; readonly font: { bold: boolean } };
  load(propertyNames?: string): unknown;
  getIntersectionOrNullObject(anotherRange: string): RangeLike;
}

export interface WorksheetLike {
  readonly name: string;
  activate(): void;
  delete(): void;
  getRange(address?: string): RangeLike;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeLike;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeLike;
}

export interface ContextLike {
  readonly workbook: {
    readonly worksheets: {
      readonly items: readonly WorksheetLike[];
      load(propertyNames?: string): unknown;
      add(name?: string): WorksheetLike;
    };
    getSelectedRange(): RangeLike & { readonly worksheet: WorksheetLike };
  };
  sync(): Promise<unknown>;
}

export interface ExcelLike {
  run<T>(batch: (context: ContextLike) => Promise<T>): Promise<T>;
}

export interface ExcelHostOptions {
  /** Builds a sheet plan from a request; the core's planTemplate unless a test hands in another. */
  readonly planTemplate?: (request: unknown) => SheetPlan;
  /** Excel's display language (Office.context.displayLanguage), for the sidebar's text. */
  readonly locale?: string;
}

/** A selection larger than this is clipped to the sheet's used range before it is read. */
export const MAX_SELECTION_CELLS = 200_000;

const FUNCTION_NAMES = FUNCTIONS.map((spec) => spec.name);

/** Excel column widths are in points; plans give pixels (96 per inch, 72 points per inch). */
const POINTS_PER_PIXEL = 0.75;

/**
 * What to write into a cell through range.formulas: formulas get the SALESOPS
 * namespace; text that Excel would read as a formula or a number sign (= + - @)
 * or that starts with an apostrophe gets a leading apostrophe so it stays text.
 */
export function cellForExcel(cell: PlanCell): string | number | boolean {
  if (cell === null || cell === undefined) return '';
  if (isFormulaCell(cell)) {
    const formula = cell.formula.startsWith('=') ? cell.formula : `=${cell.formula}`;
    return formulaForHost(formula, FUNCTION_NAMES, FUNCTION_NAMESPACE);
  }
  if (typeof cell === 'string' && /^[=+\-@']/.test(cell)) return `'${cell}`;
  return cell;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Rows × columns of an A1 address in a plan ("D2:D6", "B3", "D:D" or "2:2"); whole
 * columns or rows count only as far as the plan's own cells go.
 */
export function addressSize(address: string, planRows: number, planCols: number): { rows: number; cols: number } {
  const part = /^\$?([a-z]{1,3})?\$?(\d+)?$/i;
  const [from, to = from] = address.split(':');
  const a = part.exec(from.trim());
  const b = part.exec(to.trim());
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) throw new Error(`"${address}" is not an A1 range`);
  const firstCol = a[1] ? columnNumber(a[1]) : 1;
  const lastCol = b[1] ? columnNumber(b[1]) : Math.max(planCols, firstCol);
  const firstRow = a[2] ? Number(a[2]) : 1;
  const lastRow = b[2] ? Number(b[2]) : Math.max(planRows, firstRow);
  return { rows: Math.abs(lastRow - firstRow) + 1, cols: Math.abs(lastCol - firstCol) + 1 };
}

function fill<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

/** Queues every write of a plan on a new sheet; nothing reaches Excel until the next sync. */
function queuePlan(sheet: WorksheetLike, plan: SheetPlan): void {
  const rows = plan.cells.length;
  const cols = plan.cells.reduce((max, row) => Math.max(max, row.length), 0);
  if (rows > 0 && cols > 0) {
    const formulas = plan.cells.map((row) => Array.from({ length: cols }, (_, c) => cellForExcel(row[c] ?? null)));
    sheet.getRangeByIndexes(0, 0, rows, cols).formulas = formulas;
  }
  for (const { range, format } of plan.formats ?? []) {
    const size = addressSize(range, rows, cols);
    sheet.getRange(range).numberFormat = fill(size.rows, size.cols, format);
  }
  (plan.columnWidths ?? []).forEach((width, c) => {
    if (width > 0) sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width * POINTS_PER_PIXEL;
  });
  for (const row of plan.boldRows ?? []) {
    if (row >= 1 && cols > 0) sheet.getRangeByIndexes(row - 1, 0, 1, cols).format.font.bold = true;
  }
  sheet.activate();
}

function fromExcelValue(value: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function createExcelHost(excel: ExcelLike, options: ExcelHostOptions = {}): Host {
  const plan = options.planTemplate ?? planTemplate;
  return {
    name: 'Excel',
    functionPrefix: `${FUNCTION_NAMESPACE}.`,
    locale: options.locale,

    listSheets: () =>
      excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        return sheets.items.map((sheet) => sheet.name);
      }),

    readSelection: () =>
      excel.run(async (context) => {
        const selected = context.workbook.getSelectedRange();
        selected.load('rowCount,columnCount');
        await context.sync();
        let range: RangeLike = selected;
        if (selected.rowCount * selected.columnCount > MAX_SELECTION_CELLS) {
          // A whole-column selection (A:A) is a million rows: read only the part that holds data.
          const used = selected.worksheet.getUsedRangeOrNullObject(true);
          used.load('address');
          await context.sync();
          if (used.isNullObject) return [];
          range = selected.getIntersectionOrNullObject(used.address);
          range.load('rowCount,columnCount');
          await context.sync();
          if (range.isNullObject) return [];
          const cells = range.rowCount * range.columnCount;
          if (cells > MAX_SELECTION_CELLS) {
            throw new Error(
              `The selection holds ${cells.toLocaleString('en-US')} cells with data; ` +
                `select at most ${MAX_SELECTION_CELLS.toLocaleString('en-US')}.`,
            );
          }
        }
        range.load('values');
        await context.sync();
        return range.values.map((row) => row.map(fromExcelValue));
      }),

    insertTemplate: async (request: TemplateRequest) => {
      // Validate first: a bad request must not touch the workbook.
      const sheetPlan = plan(request);
      return excel.run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        const name = uniqueSheetName(
          sheetPlan.name,
          sheets.items.map((sheet) => sheet.name),
        );
        const sheet = sheets.add(name);
        await context.sync();
        try {
          queuePlan(sheet, sheetPlan);
          await context.sync();
        } catch (error) {
          try {
            sheet.delete();
            await context.sync();
          } catch (cleanup) {
            throw new Error(
              `Could not insert the template: ${messageOf(error)}. The new sheet "${name}" could not be ` +
                `removed (${messageOf(cleanup)}); delete it by hand.`,
            );
          }
          throw new Error(`Could not insert the template: ${messageOf(error)}. Nothing was changed.`);
        }
        return name;
      });
    },
  };
}

/** Boots the task pane: called by taskpane-entry.ts once Office is ready. */
export function startTaskpane(root: HTMLElement, excel: ExcelLike, locale?: string): Host {
  const host = createExcelHost(excel, { locale });
  mountSidebar(root, host);
  return host;
}

/** The real Excel namespace as the slice above (tsc checks that it fits). */
export const asExcelLike = (excel: typeof Excel): ExcelLike => excel;
