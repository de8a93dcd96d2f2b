/** Compares a function's result with a documented answer, the way a user reads the sheet. */
import { type CellValue, type Matrix, isFormulaError } from '../../core';

const ERROR_CODE = /^#(?:DIV\/0!|NUM!|N\/A|VALUE!)$/;

/** A result cell as a user sees it: blanks as '', errors as their code, numbers as numbers. */
export type Seen = number | string | boolean;

function seenCell(cell: unknown): Seen {
  if (cell === null || cell === undefined) return '';
  if (isFormulaError(cell)) return cell.code;
  if (typeof cell === 'object' && cell && 'code' in cell) return String((cell as { code: unknown }).code);
  return cell as Seen;
}

export function seen(result: unknown): Seen | Seen[][] {
  return Array.isArray(result) ? result.map((row: unknown[]) => row.map(seenCell)) : seenCell(result);
}

function sameCell(actual: Seen, expected: CellValue): boolean {
  const want: Seen = expected === null ? '' : expected;
  if (typeof want === 'number' && typeof actual === 'number') {
    return Math.abs(actual - want) <= 1e-9 * Math.max(1, Math.abs(want));
  }
  return actual === want;
}

/**
 * True when `actual` shows what `expected` documents. Trailing rows the example
 * shows as blank may be left off: a shorter spill looks the same on the sheet.
 */
export function showsExpected(actual: Seen | Seen[][], expected: CellValue | Matrix): boolean {
  if (!Array.isArray(expected)) {
    const cell = Array.isArray(actual) ? (actual.length === 1 && actual[0].length === 1 ? actual[0][0] : undefined) : actual;
    return cell !== undefined && sameCell(cell, expected);
  }
  const rows = Array.isArray(actual) ? actual : [[actual]];
  if (rows.length > expected.length) return false;
  return expected.every((row, r) =>
    row.every((cell, c) => {
      const got = rows[r]?.[c];
      if (got === undefined) return cell === null || cell === '';
      return sameCell(got, cell) || (typeof cell === 'string' && ERROR_CODE.test(cell) && got === cell);
    }) && (rows[r] === undefined || rows[r].length === row.length),
  );
}
