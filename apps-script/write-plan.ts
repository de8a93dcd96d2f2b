/**
 * Writes a template's sheet plan to a NEW sheet of the active spreadsheet: the
 * plan is checked and typed by the core's normaliser first, then every cell
 * goes in one setValues call, formats in one call per format, widths, bold
 * rows in one call, frozen rows and charts. If anything fails once the sheet
 * exists, the sheet is deleted again, so the user never finds a half-written
 * template.
 */
import { type RangeRef, rangeName } from '../core/a1';
import { type NormalisedChart, type TypedCell, normalisePlan, readsAsInput } from '../core/templates/normalise-plan';
import { type SheetPlan, uniqueSheetName } from '../core/templates/plan';

/** The parts of SpreadsheetApp's Spreadsheet, Sheet, Range and chart builders the writer uses. */
export interface RangeLike {
  setValues(values: unknown[][]): unknown;
}
export interface RangeListLike {
  setNumberFormat(format: string): unknown;
  setFontWeight(weight: 'bold'): unknown;
}
/** EmbeddedChartBuilder: what every chart builder's ranges, options and position methods return. */
export interface ChartBuilderLike {
  addRange(range: RangeLike): ChartBuilderLike;
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): ChartBuilderLike;
  setOption(option: string, value: unknown): ChartBuilderLike;
  build(): unknown;
}
/** What EmbeddedLineChartBuilder, EmbeddedColumnChartBuilder and EmbeddedScatterChartBuilder share: titles first, as they return themselves. */
export interface TypedChartBuilderLike extends ChartBuilderLike {
  setTitle(title: string): TypedChartBuilderLike;
  setXAxisTitle(title: string): TypedChartBuilderLike;
  setYAxisTitle(title: string): TypedChartBuilderLike;
}
export interface NewChartLike {
  asLineChart(): TypedChartBuilderLike;
  asColumnChart(): TypedChartBuilderLike;
  asScatterChart(): TypedChartBuilderLike;
}
export interface SheetLike {
  getName(): string;
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
  getRange(row: number, column: number, numRows: number, numColumns: number): RangeLike;
  getRange(a1Notation: string): RangeLike;
  getRangeList(a1Notations: string[]): RangeListLike;
  setColumnWidth(columnPosition: number, width: number): unknown;
  setFrozenRows(rows: number): unknown;
  newChart(): NewChartLike;
  insertChart(chart: unknown): unknown;
}
export interface SpreadsheetLike {
  getSheets(): SheetLike[];
  insertSheet(sheetName: string, sheetIndex: number): SheetLike;
  deleteSheet(sheet: SheetLike): unknown;
  setActiveSheet(sheet: SheetLike): unknown;
}

/** The real Spreadsheet as the slice above (tsc checks that it fits). */
export const asSpreadsheetLike = (spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): SpreadsheetLike => spreadsheet;

/**
 * How Sheets is made to keep text as text. Range.setValues reads a string the
 * way a user's typing is read (the Sheets API's USER_ENTERED): "=..." becomes a
 * formula, "0012" the number 12, "2026-03-31" a date, "TRUE" a boolean. A
 * leading apostrophe makes Sheets store the rest as plain text, as when a user
 * types it, and the apostrophe is no part of the value (getValues and formulas
 * see the text alone). setNumberFormat('@') would keep numbers as text too, but
 * it stays on the cell, so a number typed there later would stay text.
 */
function sheetsText(text: string): string {
  return readsAsInput(text) ? `'${text}` : text;
}

/** A typed cell as setValues takes it; formulas in Excel syntax read the same in Sheets. */
function sheetsValue(cell: TypedCell): string | number | boolean {
  switch (cell.kind) {
    case 'blank':
      return '';
    case 'formula':
      return `=${cell.formula}`;
    case 'text':
      return sheetsText(cell.text);
    case 'number':
    case 'boolean':
      return cell.value;
    // Sheets counts days from 1899-12-30 like Excel does after February 1900: the serial under a date format is the date.
    case 'date':
      return cell.serial;
  }
}

const a1 = (range: RangeRef) => rangeName(range);

function addChart(sheet: SheetLike, chart: NormalisedChart): void {
  const start = sheet.newChart();
  let typed = chart.kind === 'line' ? start.asLineChart() : chart.kind === 'column' ? start.asColumnChart() : start.asScatterChart();
  typed = typed.setTitle(chart.title);
  if (chart.xTitle !== undefined) typed = typed.setXAxisTitle(chart.xTitle);
  if (chart.yTitle !== undefined) typed = typed.setYAxisTitle(chart.yTitle);
  // The first range is the x axis (the domain); each further range one series, named from the plan.
  let builder = typed.addRange(sheet.getRange(a1(chart.categories))).setOption('useFirstColumnAsDomain', true);
  for (const series of chart.series) builder = builder.addRange(sheet.getRange(a1(series.values)));
  builder = builder
    .setOption('series', Object.fromEntries(chart.series.map((series, i) => [i, { labelInLegend: series.name }])))
    .setPosition(chart.anchor.row + 1, chart.anchor.col + 1, 0, 0);
  sheet.insertChart(builder.build());
}

/** Writes `plan` to a new sheet and returns the name it got ("Examples (2)" when "Examples" exists). */
export function writePlan(spreadsheet: SpreadsheetLike, plan: SheetPlan): string {
  // Everything is checked before the sheet exists.
  const normal = normalisePlan(plan);
  const values = normal.cells.map((row) => row.map(sheetsValue));
  const byFormat = new Map<string, string[]>();
  for (const { range, format } of normal.formats) byFormat.set(format, [...(byFormat.get(format) ?? []), a1(range)]);
  const lastColumn = normal.cols - 1;
  const boldRows = normal.boldRows.map((row) => a1({ top: row - 1, left: 0, bottom: row - 1, right: lastColumn }));

  const existing = spreadsheet.getSheets();
  const name = uniqueSheetName(normal.name, existing.map((sheet) => sheet.getName()));
  const sheet = spreadsheet.insertSheet(name, existing.length);
  try {
    const needRows = Math.max(normal.rows, ...normal.charts.map((chart) => chart.anchor.row + 1));
    const needCols = Math.max(normal.cols, ...normal.charts.map((chart) => chart.anchor.col + 1));
    if (needRows > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), needRows - sheet.getMaxRows());
    if (needCols > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), needCols - sheet.getMaxColumns());
    sheet.getRange(1, 1, normal.rows, normal.cols).setValues(values);
    for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);
    normal.columnWidths.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
    if (boldRows.length > 0) sheet.getRangeList(boldRows).setFontWeight('bold');
    if (normal.frozenRows > 0) sheet.setFrozenRows(normal.frozenRows);
    for (const chart of normal.charts) addChart(sheet, chart);
    spreadsheet.setActiveSheet(sheet);
  } catch (error) {
    try {
      spreadsheet.deleteSheet(sheet);
    } catch {
      // The original failure is what the user needs to hear about.
    }
    throw error;
  }
  return name;
}
