/**
 * The task pane's Host: the sidebar talks to the workbook through Excel.run.
 * Templates go to a new, uniquely named sheet, added and written in one sync;
 * if that batch fails the new sheet is deleted, so nothing is left half-written.
 */
import { FUNCTIONS } from '../core/registry';
import { type RangeRef, rangeName } from '../core/a1';
import { INSERT_ROWS, type SheetPlan, type TemplateRequest, formulaForHost, planTemplate, uniqueSheetName } from '../core/templates';
import { type NormalisedChart, type NormalisedPlan, type TypedCell, normalisePlan, readsAsInput } from '../core/templates/normalise-plan';
import type { CellValue } from '../core/values';
import type { Host } from '../sidebar/host';
import { mountSidebar } from '../sidebar/mount';
import { TERRITORY_WORKER, workerRunner } from '../sidebar/territory/runner';
import { sheetWords } from '../ui/sheet-words';
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

/** Chart types a plan's charts become (Excel.ChartType names). */
export type ChartType = 'Line' | 'ColumnClustered' | 'XYScatterLines';

export interface ChartSeriesLike {
  name: string;
  setValues(sourceData: RangeLike): void;
  setXAxisValues(sourceData: RangeLike): void;
}

export interface ChartLike {
  readonly title: { text: string };
  readonly series: { getItemAt(index: number): ChartSeriesLike; add(name?: string): ChartSeriesLike };
  readonly axes: { readonly categoryAxis: { readonly title: { text: string } }; readonly valueAxis: { readonly title: { text: string } } };
  setPosition(startCell: string): void;
}

export interface WorksheetLike {
  readonly name: string;
  readonly freezePanes: { freezeRows(count?: number): void };
  readonly charts: { add(type: ChartType, sourceData: RangeLike, seriesBy?: 'Auto' | 'Columns' | 'Rows'): ChartLike };
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
 * How Excel is made to keep text as text. range.formulas (and range.values)
 * read a string the way typing is read: "=...", "+..." and "-..." become
 * formulas, "0012" the number 12, "2026-03-31" a date, "TRUE" a boolean. A
 * leading apostrophe stores the rest as text, as when a user types it: Excel
 * keeps it as the cell's quote prefix, no part of the value (range.values reads
 * the text alone). A Text number format ('@') would do the same but stays on the
 * cell, so a number typed there later would stay text.
 */
function excelText(text: string): string {
  return readsAsInput(text) ? `'${text}` : text;
}

/** A typed cell as range.formulas takes it: formulas get the SALESOPS namespace on our functions. */
export function cellForExcel(cell: TypedCell): string | number | boolean {
  switch (cell.kind) {
    case 'blank':
      return '';
    case 'formula':
      return formulaForHost(`=${cell.formula}`, FUNCTION_NAMES, FUNCTION_NAMESPACE);
    case 'text':
      return excelText(cell.text);
    case 'number':
    case 'boolean':
      return cell.value;
    case 'date':
      return cell.serial;
  }
}

function fill<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

const CHART_TYPES: Readonly<Record<NormalisedChart['kind'], ChartType>> = {
  line: 'Line',
  column: 'ColumnClustered',
  scatter: 'XYScatterLines',
};

/** A worksheet chart from the plan's ranges: the first series makes it, the categories become its x values. */
function queueChart(sheet: WorksheetLike, chart: NormalisedChart): void {
  const range = (ref: RangeRef) => sheet.getRange(rangeName(ref));
  const [first, ...more] = chart.series;
  const seriesBy = first.values.left === first.values.right ? 'Columns' : 'Rows';
  const added = sheet.charts.add(CHART_TYPES[chart.kind], range(first.values), seriesBy);
  added.title.text = chart.title;
  const series = added.series.getItemAt(0);
  series.name = first.name;
  series.setXAxisValues(range(chart.categories));
  for (const next of more) {
    const another = added.series.add(next.name);
    another.setValues(range(next.values));
    another.setXAxisValues(range(chart.categories));
  }
  if (chart.xTitle !== undefined) added.axes.categoryAxis.title.text = chart.xTitle;
  if (chart.yTitle !== undefined) added.axes.valueAxis.title.text = chart.yTitle;
  added.setPosition(rangeName({ top: chart.anchor.row, left: chart.anchor.col, bottom: chart.anchor.row, right: chart.anchor.col }));
}

/** Queues every write of a checked plan on a new sheet; nothing reaches Excel until the next sync. */
function queuePlan(sheet: WorksheetLike, plan: NormalisedPlan): void {
  const { rows, cols } = plan;
  sheet.getRangeByIndexes(0, 0, rows, cols).formulas = plan.cells.map((row) => row.map(cellForExcel));
  for (const { range, format } of plan.formats) {
    sheet.getRange(rangeName(range)).numberFormat = fill(range.bottom - range.top + 1, range.right - range.left + 1, format);
  }
  plan.columnWidths.forEach((width, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).format.columnWidth = width * POINTS_PER_PIXEL;
  });
  for (const row of plan.boldRows) sheet.getRangeByIndexes(row - 1, 0, 1, cols).format.font.bold = true;
  if (plan.frozenRows > 0) sheet.freezePanes.freezeRows(plan.frozenRows);
  for (const chart of plan.charts) queueChart(sheet, chart);
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
  const insertLimit = { host: 'Excel', rows: INSERT_ROWS.excel };
  const plan = options.planTemplate ?? ((request: unknown) => planTemplate(request, sheetWords, insertLimit));
  return {
    name: insertLimit.host,
    insertLimit,
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
      // Validate first: a bad request or plan must not touch the workbook.
      const sheetPlan = normalisePlan(plan(request));
      return excel.run(async (context) => {
        // The plan's own name is usually free: the sheet and everything on it go in one sync.
        // Only when Excel refuses that name are the sheet names read, for a unique one.
        try {
          return await writeSheet(context, uniqueSheetName(sheetPlan.name, []), sheetPlan);
        } catch (error) {
          if (!isNameTaken(error)) throw error;
        }
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        const name = uniqueSheetName(
          sheetPlan.name,
          sheets.items.map((sheet) => sheet.name),
        );
        return writeSheet(context, name, sheetPlan);
      });
    },
  };
}

/** Excel's code for an add whose name is already taken (Excel.ErrorCodes.itemAlreadyExists). */
const NAME_TAKEN = 'ItemAlreadyExists';

function isNameTaken(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === NAME_TAKEN;
}

/**
 * Adds sheet `name` and writes the plan on it in one sync. If Excel refuses the
 * name, the add was the batch's first operation, so nothing ran: the error goes
 * back as it is. If a later write fails, the new sheet is deleted again.
 */
async function writeSheet(context: ContextLike, name: string, sheetPlan: NormalisedPlan): Promise<string> {
  const sheet = context.workbook.worksheets.add(name);
  try {
    queuePlan(sheet, sheetPlan);
    await context.sync();
  } catch (error) {
    if (isNameTaken(error)) throw error;
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
}

/** Boots the task pane: called by taskpane-entry.ts once Office is ready. */
export function startTaskpane(root: HTMLElement, excel: ExcelLike, locale?: string): Host {
  const host = { ...createExcelHost(excel, { locale }), runTerritories: workerRunner(TERRITORY_WORKER) };
  mountSidebar(root, host);
  return host;
}

/** The real Excel namespace as the slice above (tsc checks that it fits). */
export const asExcelLike = (excel: typeof Excel): ExcelLike => excel;
