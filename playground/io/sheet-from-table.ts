/**
 * A table read from a file (a CSV export, or a sheet of plain values in an
 * .xlsx) as a new sheet: the report's own title and footer lines left out,
 * each column's type read from its values, the header bold and frozen, and
 * columns as wide as what they hold.
 */
import { columnName, rangeName } from '../../core/a1';
import type { CellValue } from '../../core/values';
import { formatNumber } from '../format';
import { MAX_COLUMNS, MAX_ROWS } from '../limits';
import { detectTypes } from './detect-types';
import { ImportError, type ImportNote, type ImportedSheet } from './imported';
import { findTable } from './table-bounds';

const CHAR_WIDTH = 7.5;
const MIN_WIDTH = 64;
const MAX_WIDTH = 320;
/** Rows looked at to size a column: enough to be representative, few enough to be instant. */
const SIZED_ROWS = 200;

function columnWidth(header: CellValue, body: readonly (readonly CellValue[])[], col: number, format: string | undefined): number {
  let longest = String(header ?? '').length + 2;
  for (let r = 0; r < Math.min(body.length, SIZED_ROWS); r++) {
    const cell = body[r][col];
    const length = typeof cell === 'number' ? formatNumber(cell, format).length : String(cell ?? '').length;
    longest = Math.max(longest, length);
  }
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest * CHAR_WIDTH + 16)));
}

/** Runs of one format down each column, as A1 ranges. */
export function formatRanges(formats: readonly (readonly (string | null | undefined)[] | undefined)[]): { range: string; format: string }[] {
  const width = formats.reduce((max, row) => Math.max(max, row?.length ?? 0), 0);
  const ranges: { range: string; format: string }[] = [];
  for (let c = 0; c < width; c++) {
    let start = 0;
    for (let r = 0; r <= formats.length; r++) {
      const here = formats[r]?.[c];
      if (r < formats.length && here === formats[start]?.[c]) continue;
      const format = formats[start]?.[c];
      if (format) ranges.push({ range: rangeName({ top: start, left: c, bottom: r - 1, right: c }), format });
      start = r;
    }
  }
  return ranges;
}

/** Refuses a table the engine could not hold, before anything is written. */
export function checkSize(rows: number, columns: number): void {
  if (rows > MAX_ROWS) throw new ImportError('too-many-rows', { rows, max: MAX_ROWS });
  if (columns > MAX_COLUMNS) throw new ImportError('too-many-columns', { columns, max: MAX_COLUMNS });
}

/**
 * The table in `rows` as the sheet at position `index` of the file being read;
 * `cellFormats`, beside the rows, are number formats the file already gave its cells.
 */
export function tableSheet(
  name: string,
  rows: readonly (readonly CellValue[])[],
  index = 0,
  cellFormats: readonly (readonly (string | null)[])[] = [],
): { sheet: ImportedSheet; notes: ImportNote[] } {
  const bounds = findTable(rows);
  const header = [...(rows[bounds.header] ?? [])].map((cell) => (typeof cell === 'string' && cell.trim() === '' ? null : cell));
  const body = rows.slice(bounds.header + 1, bounds.end);
  let width = header.length;
  for (const row of body) width = Math.max(width, row.length);
  checkSize(body.length + 1, width);
  while (header.length < width) header.push(null);
  const typed = detectTypes(
    header.map((cell) => String(cell ?? '')),
    body,
  );

  const notes: ImportNote[] = [];
  if (bounds.before > 0 || bounds.after > 0) {
    notes.push({ kind: 'left-out', sheet: index, before: bounds.before, after: bounds.after, label: bounds.afterLabel });
  }
  const formats = formatRanges(cellFormats.slice(bounds.header, bounds.end));
  const columnWidths: number[] = [];
  typed.columns.forEach((reading, col) => {
    const column = String(header[col] ?? columnName(col));
    if (reading.format && body.length > 0) {
      formats.push({ range: rangeName({ top: 1, left: col, bottom: body.length, right: col }), format: reading.format });
    }
    if (reading.kind === 'date' && reading.order && (reading.orderFrom === 'file' || reading.orderFrom === 'convention')) {
      notes.push({ kind: 'day-order', sheet: index, column, order: reading.order, from: reading.orderFrom });
    }
    if (reading.currencies) notes.push({ kind: 'mixed-currencies', sheet: index, column, currencies: reading.currencies });
    if (reading.percentFromHeader) notes.push({ kind: 'percent-header', sheet: index, column });
    columnWidths.push(columnWidth(header[col], typed.rows, col, reading.format));
  });
  return {
    sheet: { name, cells: [header, ...typed.rows], formats, columnWidths, boldRows: [1], frozenRows: 1 },
    notes,
  };
}
