/**
 * .xlsx files, read and written with ExcelJS (MIT), in the page and in Node alike.
 *
 * Writing takes plain data (book-data.ts builds it from the workbook): values,
 * formulas already in the form a file stores them, number formats, column
 * widths, bold rows, frozen rows and charts (xlsx-charts.ts adds those to the
 * package). It uses ExcelJS's streaming writer, which turns each row into XML
 * as it is committed: the in-memory writer keeps an
 * object for every cell and a string for every piece of XML until the end,
 * and a 100,000-row export spent most of its time collecting that garbage
 * (5 s of CPU, against 2.3 s streaming). Reading gives sheet plans: formulas in the
 * playground's own syntax, values typed, and sheets of plain exported values
 * read like a CSV (types by column, report footer left out).
 */
import ExcelJS from 'exceljs';
import WorkbookWriter from 'exceljs/lib/stream/xlsx/workbook-writer';
import { parseRange } from '../../core/a1';
import type { PlanCell } from '../../core/templates';
import type { NormalisedChart } from '../../core/templates/normalise-plan';
import type { CellValue } from '../../core/values';
import { fromFileFormula } from './file-formulas';
import { ImportError, type ImportNote, type ImportedFile, type ImportedSheet } from './imported';
import { checkSize, formatRanges, tableSheet } from './sheet-from-table';
import { baseName } from './csv';
import { withCharts } from './xlsx-charts';

/** Excel's error values; HyperFormula's own (#CYCLE!, #SPILL!, #ERROR!) are written as #VALUE!. */
const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

export interface BookCell {
  /** The value the cell shows (a formula's cached result); errors as their code. */
  readonly value: number | string | boolean | null | { readonly error: string };
  /** A formula as files store it, without "=". */
  readonly formula?: string;
  /** For an array formula: the range its answer fills ("F2:F9"). */
  readonly arrayRef?: string;
  readonly format?: string;
  readonly bold?: boolean;
}

export interface BookSheet {
  readonly name: string;
  /** Rows from row 1; undefined or null for an empty cell. */
  readonly rows: readonly (readonly (BookCell | null | undefined)[])[];
  /** Column widths in pixels, from column A. */
  readonly columnWidths: readonly number[];
  readonly frozenRows: number;
  /** Charts over the sheet's cells (xlsx-charts.ts adds them to the package). */
  readonly charts?: readonly NormalisedChart[];
}

export interface BookData {
  readonly sheets: readonly BookSheet[];
}

/** Excel's default column, 8.43 characters of Calibri 11, is 64 pixels; a character is 7. */
const pixelsToWidth = (px: number) => Math.max(0, Math.round(((px - 5) / 7) * 100) / 100);
const widthToPixels = (width: number) => Math.round(width * 7 + 5);
const DEFAULT_WIDTH_PX = 64;

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

function cellValue(cell: BookCell): ExcelJS.CellValue {
  const value = typeof cell.value === 'object' && cell.value !== null ? { error: EXCEL_ERRORS.has(cell.value.error) ? cell.value.error : '#VALUE!' } : cell.value;
  if (cell.formula === undefined) return value as ExcelJS.CellValue;
  const formula: Record<string, unknown> = { formula: cell.formula, result: value ?? undefined };
  if (cell.arrayRef) Object.assign(formula, { shareType: 'array', ref: cell.arrayRef });
  return formula as unknown as ExcelJS.CellValue;
}

/** The workbook as .xlsx bytes. */
export async function writeXlsx(book: BookData): Promise<Uint8Array<ArrayBuffer>> {
  // Shared strings and one styles table, as Excel writes them. The fastest deflate level (ExcelJS passes `zip`
  // on to the zip archiver): a 100,000-row sheet compresses in a third of the time, for a file about a third larger.
  // The writer never asks for a full calculation on load: Excel shows the values cached here and recalculates
  // only what changes, so a reader without the add-in keeps our functions' numbers.
  const workbook = new WorkbookWriter({ useSharedStrings: true, useStyles: true, zip: { zlib: { level: 1 } } });
  workbook.creator = 'SalesOps Formulas';
  // One style object per look, the plain look included: ExcelJS recognises a style object it has seen by
  // identity, and otherwise renders each cell's style as XML to look it up (over a second of a 100,000-row export).
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (format: string | undefined, bold: boolean | undefined) => {
    const key = `${bold ? 'b' : ''}|${format ?? ''}`;
    let style = styles.get(key);
    if (!style) {
      style = {};
      if (format) style.numFmt = format;
      if (bold) style.font = { bold: true };
      styles.set(key, style);
    }
    return style;
  };
  for (const sheet of book.sheets) {
    const frozen = sheet.frozenRows > 0 ? [{ state: 'frozen' as const, xSplit: 0, ySplit: sheet.frozenRows, topLeftCell: `A${sheet.frozenRows + 1}`, activeCell: 'A1' }] : [];
    const worksheet = workbook.addWorksheet(sheet.name, { views: frozen });
    sheet.columnWidths.forEach((px, c) => {
      worksheet.getColumn(c + 1).width = pixelsToWidth(px);
    });
    sheet.rows.forEach((cells, r) => {
      const row = worksheet.getRow(r + 1);
      cells.forEach((cell, c) => {
        if (!cell || (cell.value === null && cell.formula === undefined && !cell.format && !cell.bold)) return;
        const target = row.getCell(c + 1);
        target.value = cellValue(cell);
        target.style = styleFor(cell.format, cell.bold);
      });
      row.commit();
    });
    worksheet.commit();
  }
  await workbook.commit();
  const bytes = (workbook as unknown as { stream: { toBuffer(): Uint8Array | null } }).stream.toBuffer();
  if (!bytes) throw new Error('ExcelJS wrote no .xlsx bytes');
  return withCharts(new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer), book.sheets);
}

// ---- reading ------------------------------------------------------------

interface ReadSheet {
  readonly rows: (PlanCell | undefined)[][];
  readonly formats: (string | undefined)[][];
  readonly hasFormulas: boolean;
}

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
    if ('result' in value) return plainValue(value.result as ExcelJS.CellValue);
  }
  return String(value);
}

function readSheet(worksheet: ExcelJS.Worksheet): ReadSheet {
  checkSize(worksheet.rowCount, worksheet.columnCount);
  const rows: (PlanCell | undefined)[][] = [];
  const formats: (string | undefined)[][] = [];
  // Cells an array formula's answer fills hold cached values: the formula fills them again.
  const filled = new Set<string>();
  let hasFormulas = false;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const out: (PlanCell | undefined)[] = (rows[r] = []);
    const outFormats: (string | undefined)[] = (formats[r] = []);
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const c = colNumber - 1;
      if (cell.type === ExcelJS.ValueType.Merge || filled.has(`${r},${c}`)) return;
      if (cell.numFmt && cell.numFmt !== 'General') outFormats[c] = cell.numFmt;
      if (cell.type === ExcelJS.ValueType.Formula) {
        const model = cell.model as { shareType?: string; ref?: string };
        if (model.shareType === 'array' && model.ref) {
          const range = parseRange(model.ref);
          if (range) {
            for (let y = range.top; y <= range.bottom; y++) for (let x = range.left; x <= range.right; x++) if (y !== r || x !== c) filled.add(`${y},${x}`);
          }
        }
        hasFormulas = true;
        out[c] = { formula: fromFileFormula(cell.formula) };
        return;
      }
      out[c] = plainValue(cell.value);
    });
  });
  return { rows, formats, hasFormulas };
}

const dense = <T>(rows: readonly (readonly (T | undefined)[] | undefined)[]): (T | null)[][] =>
  Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? null));

/** The sheets of an .xlsx file as sheet plans, in the file's order. */
export async function readXlsx(bytes: ArrayBuffer | Uint8Array, fileName: string): Promise<ImportedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as ArrayBuffer);
  } catch {
    throw new ImportError('unreadable', { file: fileName });
  }
  const sheets: ImportedSheet[] = [];
  const notes: ImportNote[] = [];
  for (const worksheet of workbook.worksheets) {
    const read = readSheet(worksheet);
    const index = sheets.length;
    const name = worksheet.name || baseName(fileName);
    const view = worksheet.views?.[0];
    const frozenRows = view?.state === 'frozen' ? (view.ySplit ?? 0) : 0;
    if (!read.hasFormulas && frozenRows === 0) {
      // A sheet of plain values is an export: read it as a table, keeping the formats the file gave its numbers.
      const table = tableSheet(name, dense(read.rows) as CellValue[][], index, dense(read.formats) as (string | null)[][]);
      sheets.push(table.sheet);
      notes.push(...table.notes);
      continue;
    }
    const columnWidths: number[] = [];
    for (let c = 1; c <= worksheet.columnCount; c++) {
      const width = worksheet.getColumn(c).width;
      columnWidths.push(width ? widthToPixels(width) : DEFAULT_WIDTH_PX);
    }
    const firstRow = worksheet.getRow(1);
    let bold = firstRow.cellCount > 0;
    firstRow.eachCell({ includeEmpty: false }, (cell) => {
      bold &&= cell.font?.bold === true;
    });
    sheets.push({
      name,
      cells: dense(read.rows),
      formats: formatRanges(read.formats),
      columnWidths,
      boldRows: bold ? [1] : [],
      frozenRows,
    });
  }
  if (sheets.length === 0) throw new ImportError('empty', { file: fileName });
  return { sheets, notes };
}
