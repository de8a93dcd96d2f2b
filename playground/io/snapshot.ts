/**
 * The workbook as plain data, to keep in the browser and to put back: each
 * sheet's content as it was entered (formulas, numbers, text, the typed form
 * of dates and percentages) and its layout. Cells an answer spilled into are
 * left out: the formula fills them again.
 *
 * Stored data is read back as untrusted: another version of the page, a
 * browser extension or a half-written record can leave anything there, so it
 * is checked field by field and refused with the reason.
 */
import type { RawCellContent } from 'hyperformula';
import { MAX_COLUMNS, MAX_ROWS } from '../limits';
import { type SheetLayout, layoutData } from '../layout';
import type { NewSheet, Workbook } from '../workbook';

export const SNAPSHOT_FORMAT = 'salesops-playground-workbook';
export const SNAPSHOT_VERSION = 1;

export interface WorkbookSnapshot {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof SNAPSHOT_VERSION;
  readonly sheets: readonly NewSheet[];
}

/** Why stored data is not a workbook this page can open. */
export class SnapshotError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SnapshotError';
  }
}

function sheetContent(workbook: Workbook, sheet: number): RawCellContent[][] {
  const content = workbook.hf.getSheetSerialized(sheet) as RawCellContent[][];
  content.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell !== 'string' || !cell.startsWith('=')) return;
      const array = workbook.arraySize(sheet, { row: r, col: c });
      if (!array) return;
      for (let y = r; y < r + array.height; y++) {
        for (let x = c; x < c + array.width; x++) if ((y !== r || x !== c) && content[y]) content[y][x] = null;
      }
    }),
  );
  return content;
}

export function takeSnapshot(workbook: Workbook): WorkbookSnapshot {
  const sheets = workbook.sheetNames().map((name) => {
    const id = workbook.sheetId(name);
    return { name, content: sheetContent(workbook, id), layout: layoutData(workbook.layout(id)) };
  });
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, sheets };
}

/** Puts a snapshot's sheets in place of the workbook's. Returns their names. */
export function restoreSnapshot(workbook: Workbook, snapshot: WorkbookSnapshot): string[] {
  return workbook.replaceAll(snapshot.sheets);
}

// ---- reading stored data --------------------------------------------------

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isInteger = (value: unknown, min = 0): value is number => Number.isInteger(value) && (value as number) >= min;

function readCell(value: unknown, where: string): RawCellContent {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new SnapshotError(`${where} holds ${typeof value === 'number' ? String(value) : `a ${typeof value}`}`);
}

function readLayout(value: unknown, where: string): SheetLayout {
  if (value === undefined) return {};
  if (!isObject(value)) throw new SnapshotError(`${where} has no layout`);
  const { formats = [], columnWidths = [], boldRows = [], frozenRows = 0 } = value;
  if (!Array.isArray(formats) || !formats.every((f) => isObject(f) && typeof f.range === 'string' && typeof f.format === 'string')) {
    throw new SnapshotError(`${where} has unreadable number formats`);
  }
  if (!Array.isArray(columnWidths) || !columnWidths.every((w) => typeof w === 'number' && w >= 0 && w < 10_000)) {
    throw new SnapshotError(`${where} has unreadable column widths`);
  }
  if (!Array.isArray(boldRows) || !boldRows.every((r) => isInteger(r, 1))) throw new SnapshotError(`${where} has unreadable bold rows`);
  if (!isInteger(frozenRows)) throw new SnapshotError(`${where} has an unreadable number of frozen rows`);
  return {
    formats: formats.map((f) => ({ range: String(f.range), format: String(f.format) })),
    columnWidths: columnWidths as number[],
    boldRows: boldRows as number[],
    frozenRows,
  };
}

/** Stored data as a workbook snapshot, or a SnapshotError saying what is wrong with it. */
export function readSnapshot(data: unknown): WorkbookSnapshot {
  if (!isObject(data) || data.format !== SNAPSHOT_FORMAT) throw new SnapshotError('it is not a saved workbook');
  if (data.version !== SNAPSHOT_VERSION) throw new SnapshotError(`it was saved in format version ${String(data.version)}`);
  if (!Array.isArray(data.sheets) || data.sheets.length === 0) throw new SnapshotError('it has no sheets');
  const names = new Set<string>();
  const sheets = data.sheets.map((sheet: unknown, i: number): NewSheet => {
    const where = `sheet ${i + 1}`;
    if (!isObject(sheet) || typeof sheet.name !== 'string' || sheet.name.trim() === '') throw new SnapshotError(`${where} has no name`);
    if (names.has(sheet.name.toLowerCase())) throw new SnapshotError(`two sheets are named ${sheet.name}`);
    names.add(sheet.name.toLowerCase());
    const { content } = sheet;
    if (!Array.isArray(content) || content.length > MAX_ROWS) throw new SnapshotError(`${where} has unreadable cells`);
    const rows = content.map((row: unknown, r: number) => {
      if (!Array.isArray(row) || row.length > MAX_COLUMNS) throw new SnapshotError(`row ${r + 1} of ${where} is unreadable`);
      return Array.from(row, (cell, c) => readCell(cell, `cell ${c + 1} of row ${r + 1} of ${where}`));
    });
    return { name: sheet.name, content: rows, layout: readLayout(sheet.layout, where) };
  });
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, sheets };
}
