/**
 * The workbook as the data an .xlsx file holds: every sheet's values as the
 * grid shows them (formulas with their computed value cached), formulas as a
 * file stores them, number formats, column widths, bold and frozen rows, and
 * charts.
 *
 * An answer that spills is written one of two ways, so that Excel and
 * LibreOffice both open the file showing its numbers:
 * - from native functions only (=E2:E9/C2:C9), as an array formula over the
 *   cells it fills; both programs compute those themselves;
 * - from one of our functions, as the formula in its first cell and the
 *   computed values in the others. LibreOffice computes every array formula
 *   again when it opens a file, and cannot compute ours: written as an array
 *   formula the whole range would read #NAME? there. Excel with the add-in
 *   recomputes the first cell; the values below stay as exported. Reading the
 *   file back into the playground makes it spill again (io/insert-imported.ts).
 */
import { DetailedCellError, type CellValue as HfCellValue } from 'hyperformula';
import { type CellRef, rangeName } from '../../core/a1';
import { formatForKind } from '../format';
import type { Workbook } from '../workbook';
import { toFileFormula } from './file-formulas';
import type { BookCell, BookData, BookSheet } from './xlsx';

function cachedValue(value: HfCellValue): BookCell['value'] {
  if (value instanceof DetailedCellError) return { error: value.value };
  if (value === undefined || value === '') return null;
  return value;
}

/**
 * The number format a number is written with: the one the grid shows it with
 * (its own, or the one its function's spec declares), else one that shows the
 * kind of number typed (a percentage, a date, dollars) the way the grid does.
 */
function fileFormat(workbook: Workbook, sheet: number, ref: CellRef, value: number): string | undefined {
  const format = workbook.numberFormat(sheet, ref);
  if (format) return format;
  const kind = workbook.numberKind(sheet, ref);
  return kind ? formatForKind(kind, value) : undefined;
}

function sheetData(workbook: Workbook, name: string): BookSheet {
  const { hf } = workbook;
  const sheet = workbook.sheetId(name);
  const layout = workbook.layout(sheet);
  const serialized = hf.getSheetSerialized(sheet);
  const values = hf.getSheetValues(sheet);
  const height = Math.max(serialized.length, values.length);
  const spilled = new Set<string>();
  const rows: (BookCell | null)[][] = [];
  for (let row = 0; row < height; row++) {
    const raw = serialized[row] ?? [];
    const shown = values[row] ?? [];
    const out: (BookCell | null)[] = [];
    const bold = layout.boldRows.has(row + 1) || undefined;
    for (let col = 0; col < Math.max(raw.length, shown.length); col++) {
      const value = cachedValue(shown[col] ?? null);
      const format = typeof value === 'number' ? fileFormat(workbook, sheet, { row, col }, value) : undefined;
      const content = raw[col];
      if (typeof content === 'string' && content.startsWith('=') && !spilled.has(`${row},${col}`)) {
        const { formula, custom } = toFileFormula(content.slice(1));
        const array = workbook.arraySize(sheet, { row, col });
        let arrayRef: string | undefined;
        if (array && array.width * array.height > 1) {
          for (let r = row; r < row + array.height; r++) for (let c = col; c < col + array.width; c++) spilled.add(`${r},${c}`);
          if (!custom) arrayRef = rangeName({ top: row, left: col, bottom: row + array.height - 1, right: col + array.width - 1 });
        }
        out.push({ value, formula, arrayRef, format, bold });
      } else {
        out.push(value === null && !bold ? null : { value, format, bold });
      }
    }
    rows.push(out);
  }
  return { name, rows, columnWidths: layout.columnWidths, frozenRows: layout.frozenRows, charts: layout.charts };
}

export function bookData(workbook: Workbook): BookData {
  return { sheets: workbook.sheetNames().map((name) => sheetData(workbook, name)) };
}
