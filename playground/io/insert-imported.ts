/**
 * A file's sheets into the workbook, as one step of its history (one Undo takes them all back).
 *
 * Two things are mended on the way in. Sheets get names no other sheet has, so
 * the file's formulas are told their sheets' new names. And an answer of one
 * of our functions that an .xlsx holds as a formula plus the values it spilled
 * (see book-data.ts) would find those values in its way: where the cells
 * below or beside such a formula hold exactly its answer, they are emptied so
 * it spills again. Finding that out takes computing the formulas, which is
 * done first in a scratch workbook, only for files that have such a formula.
 */
import { DetailedCellError } from 'hyperformula';
import { renameInFormula } from '../../core/formula-text';
import { type PlanCell, isFormulaCell } from '../../core/templates';
import { FUNCTIONS } from '../../core/registry';
import { Workbook } from '../workbook';
import type { ImportedFile, ImportedSheet } from './imported';

const NAMES: ReadonlySet<string> = new Set(FUNCTIONS.map((spec) => spec.name));

function callsOurs(formula: string): boolean {
  let found = false;
  renameInFormula(formula, {
    functions: (name) => {
      found ||= NAMES.has(name.toUpperCase());
      return undefined;
    },
  });
  return found;
}

function withSheetNames(sheet: ImportedSheet, name: string, renamed: ReadonlyMap<string, string>): ImportedSheet {
  if (renamed.size === 0) return { ...sheet, name };
  const sheets = (old: string) => renamed.get(old.toLowerCase());
  const cells = sheet.cells.map((row) => row.map((cell) => (isFormulaCell(cell) ? { formula: renameInFormula(cell.formula, { sheets }) } : cell)));
  return { ...sheet, name, cells };
}

/** Formulas of ours with a plain value right below or beside them: answers a file may have cached. */
function candidates(sheet: ImportedSheet): { row: number; col: number; formula: string }[] {
  const found: { row: number; col: number; formula: string }[] = [];
  const plain = (cell: PlanCell | undefined) => cell !== null && cell !== undefined && !isFormulaCell(cell);
  sheet.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isFormulaCell(cell) && callsOurs(cell.formula) && (plain(sheet.cells[r + 1]?.[c]) || plain(row[c + 1]))) {
        found.push({ row: r, col: c, formula: cell.formula });
      }
    }),
  );
  return found;
}

const same = (a: unknown, b: PlanCell | undefined) =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)) : a === (b ?? null);

/** The sheets with the cached answers of our spilling functions emptied. */
function releaseCachedSpills(sheets: readonly ImportedSheet[]): readonly ImportedSheet[] {
  const found = sheets.map(candidates);
  if (found.every((list) => list.length === 0)) return sheets;
  const scratch = new Workbook();
  const names = scratch.insertPlans(sheets);
  const cleared = sheets.map((sheet) => sheet.cells.map((row) => [...row]));
  found.forEach((list, s) => {
    const id = scratch.sheetId(names[s]);
    for (const { row, col, formula } of list) {
      const value = scratch.hf.getCellValue({ sheet: id, row, col });
      if (!(value instanceof DetailedCellError) || value.type !== 'SPILL') continue;
      const answer = scratch.hf.calculateFormula(`=${formula}`, id);
      if (!Array.isArray(answer)) continue;
      const cells = answer.flatMap((line, r) => line.map((v, c) => ({ r: row + r, c: col + c, v })));
      const cached = cells.filter(({ r, c }) => r !== row || c !== col);
      if (cached.every(({ r, c, v }) => same(v instanceof DetailedCellError ? v.value : v, sheets[s].cells[r]?.[c]))) {
        for (const { r, c } of cached) if (cleared[s][r]) cleared[s][r][c] = null;
      }
    }
  });
  scratch.hf.destroy();
  return sheets.map((sheet, s) => ({ ...sheet, cells: cleared[s] }));
}

/** Adds the file's sheets to the workbook as one step. Returns their names there, in the file's order. */
export function insertImported(workbook: Workbook, file: ImportedFile): string[] {
  const names = workbook.freeNames(file.sheets.map((sheet) => sheet.name));
  const renamed = new Map<string, string>();
  file.sheets.forEach((sheet, i) => {
    if (sheet.name !== names[i]) renamed.set(sheet.name.toLowerCase(), names[i]);
  });
  const sheets = releaseCachedSpills(file.sheets.map((sheet, i) => withSheetNames(sheet, names[i], renamed)));
  return workbook.insertPlans(sheets);
}
