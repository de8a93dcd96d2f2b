/**
 * The workbook as plain data, to keep in the browser and to put back: each
 * sheet's content as it was entered (formulas, numbers, text, the typed form
 * of dates and percentages) and its layout. Cells an answer spilled into are
 * left out: the formula fills them again. It is taken a slice of rows at a
 * time, so saving a 100,000-row sheet never holds up typing.
 *
 * Stored data is read back as untrusted: another version of the page, a
 * browser extension or a half-written record can leave anything there, so it
 * is checked field by field and refused with the reason.
 */
import type { RawCellContent } from 'hyperformula';
import { type CellRef, type RangeRef, contains } from '../../core/a1';
import type { NormalisedChart } from '../../core/templates/normalise-plan';
import { MAX_COLUMNS, MAX_ROWS } from '../limits';
import { type SheetLayout, layoutData } from '../layout';
import type { NewSheet, Workbook } from '../workbook';

export const SNAPSHOT_FORMAT = 'salesops-playground-workbook';
/**
 * Version 3 keeps each sheet's charts (a template's payout chart) in its layout;
 * version 2 (still read, as sheets without charts) kept each sheet's rows as JSON
 * text in slices, as version 3 does; version 1 (still read) kept them as lists.
 */
export const SNAPSHOT_VERSION = 3;

/** The workbook as it is put back: each sheet's content as HyperFormula takes it. */
export interface WorkbookSnapshot {
  readonly sheets: readonly NewSheet[];
}

/**
 * The workbook as it is stored. Rows go as JSON text, ROWS_PER_SLICE rows a
 * piece: the browser copies a string when storing it far faster than a
 * million small values, and each piece is written between keystrokes.
 */
export interface StoredWorkbook {
  readonly format: typeof SNAPSHOT_FORMAT;
  readonly version: typeof SNAPSHOT_VERSION;
  readonly sheets: readonly StoredSheet[];
}

export interface StoredSheet {
  readonly name: string;
  readonly rows: readonly string[];
  readonly layout: SheetLayout;
}

/** Why stored data is not a workbook this page can open. */
export class SnapshotError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SnapshotError';
  }
}

/** Rows written in one piece of work: a few milliseconds, so a save never holds up typing. */
export const ROWS_PER_SLICE = 500;

/**
 * The stored workbook, a slice of rows at a time: yields after each slice.
 * Cells an answer spilled into are left out (the formula fills them again);
 * an answer's cells always come after its formula, row by row.
 */
function* storedSlices(workbook: Workbook): Generator<void, StoredWorkbook> {
  const sheets: StoredSheet[] = [];
  for (const name of workbook.sheetNames()) {
    const sheet = workbook.sheetId(name);
    const { height, width } = workbook.hf.getSheetDimensions(sheet);
    const spilled: RangeRef[] = [];
    const rows: string[] = [];
    for (let top = 0; top < height; top += ROWS_PER_SLICE) {
      const bottom = Math.min(height, top + ROWS_PER_SLICE) - 1;
      const reaching = spilled.filter((range) => range.bottom >= top);
      spilled.length = 0;
      spilled.push(...reaching);
      const content = workbook.hf.getRangeSerialized({ start: { sheet, row: top, col: 0 }, end: { sheet, row: bottom, col: width - 1 } });
      content.forEach((row, i) =>
        row.forEach((cell, col) => {
          const ref = { row: top + i, col };
          if (typeof cell === 'string' && cell.startsWith('=')) {
            const array = workbook.arraySize(sheet, ref);
            if (array && (array.height > 1 || array.width > 1)) {
              spilled.push({ top: ref.row, left: col, bottom: ref.row + array.height - 1, right: col + array.width - 1 });
            }
          } else if (cell !== null && spilled.some((range) => contains(range, ref))) {
            row[col] = null;
          }
        }),
      );
      rows.push(JSON.stringify(content));
      yield;
    }
    sheets.push({ name, rows, layout: layoutData(workbook.layout(sheet)) });
  }
  return { format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, sheets };
}

/** The workbook as stored, all at once (when the page is being left, say). */
export function takeSnapshot(workbook: Workbook): StoredWorkbook {
  const slices = storedSlices(workbook);
  for (;;) {
    const next = slices.next();
    if (next.done) return next.value;
  }
}

/**
 * The workbook as stored, a slice at a time with `pause` between, so typing
 * goes on meanwhile. Undefined when `stale` says the workbook changed during
 * it: the save is to start again from the change.
 */
export async function takeSnapshotInSlices(workbook: Workbook, pause: () => Promise<void>, stale: () => boolean): Promise<StoredWorkbook | undefined> {
  const slices = storedSlices(workbook);
  for (;;) {
    const next = slices.next();
    if (next.done) return next.value;
    await pause();
    if (stale()) return undefined;
  }
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

/** The chart kinds the chart layer draws; a key missing here fails to compile when a kind is added. */
const CHART_KINDS: Readonly<Record<NormalisedChart['kind'], true>> = { line: true, column: true, scatter: true };
/** As many charts and series as a template's sheet plan may hold, and more: a snapshot only checks they are sane. */
const MAX_STORED_CHARTS = 100;
const MAX_STORED_SERIES = 100;
const MAX_STORED_CHART_TEXT = 1_000;

const isChartText = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= MAX_STORED_CHART_TEXT;
const isCell = (value: unknown): value is CellRef =>
  isObject(value) && isInteger(value.row) && value.row < MAX_ROWS && isInteger(value.col) && value.col < MAX_COLUMNS;

function readRange(value: unknown): RangeRef | undefined {
  if (!isObject(value)) return undefined;
  const { top, left, bottom, right } = value;
  const start = { row: top, col: left };
  const end = { row: bottom, col: right };
  if (!isCell(start) || !isCell(end) || end.row < start.row || end.col < start.col) return undefined;
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

/** A chart as the chart layer and the .xlsx writer take it, or a SnapshotError naming it. */
function readChart(value: unknown, where: string): NormalisedChart {
  const fail = () => new SnapshotError(`${where} is unreadable`);
  if (!isObject(value) || typeof value.kind !== 'string' || !Object.prototype.hasOwnProperty.call(CHART_KINDS, value.kind) || !isChartText(value.title)) throw fail();
  const categories = readRange(value.categories);
  if (!categories || !isCell(value.anchor)) throw fail();
  const { series, xTitle, yTitle } = value;
  if (!Array.isArray(series) || series.length === 0 || series.length > MAX_STORED_SERIES) throw fail();
  if ((xTitle !== undefined && !isChartText(xTitle)) || (yTitle !== undefined && !isChartText(yTitle))) throw fail();
  return {
    kind: value.kind as NormalisedChart['kind'],
    title: value.title,
    categories,
    series: series.map((one: unknown) => {
      const values = isObject(one) && isChartText(one.name) ? readRange(one.values) : undefined;
      if (!values) throw fail();
      return { name: (one as { name: string }).name, values };
    }),
    anchor: { row: value.anchor.row, col: value.anchor.col },
    ...(xTitle !== undefined ? { xTitle } : {}),
    ...(yTitle !== undefined ? { yTitle } : {}),
  };
}

function readLayout(value: unknown, where: string): SheetLayout {
  if (value === undefined) return {};
  if (!isObject(value)) throw new SnapshotError(`${where} has no layout`);
  const { formats = [], columnWidths = [], boldRows = [], frozenRows = 0, charts = [] } = value;
  if (!Array.isArray(formats) || !formats.every((f) => isObject(f) && typeof f.range === 'string' && typeof f.format === 'string')) {
    throw new SnapshotError(`${where} has unreadable number formats`);
  }
  if (!Array.isArray(columnWidths) || !columnWidths.every((w) => typeof w === 'number' && w >= 0 && w < 10_000)) {
    throw new SnapshotError(`${where} has unreadable column widths`);
  }
  if (!Array.isArray(boldRows) || !boldRows.every((r) => isInteger(r, 1))) throw new SnapshotError(`${where} has unreadable bold rows`);
  if (!isInteger(frozenRows)) throw new SnapshotError(`${where} has an unreadable number of frozen rows`);
  if (!Array.isArray(charts) || charts.length > MAX_STORED_CHARTS) throw new SnapshotError(`${where} has unreadable charts`);
  return {
    formats: formats.map((f) => ({ range: String(f.range), format: String(f.format) })),
    columnWidths: columnWidths as number[],
    boldRows: boldRows as number[],
    frozenRows,
    charts: charts.map((chart: unknown, i: number) => readChart(chart, `chart ${i + 1} of ${where}`)),
  };
}

/** A stored sheet's rows: lists of cells (version 1) or JSON text of such lists, a slice a piece (version 2 on). */
function readRows(sheet: Record<string, unknown>, version: number, where: string): unknown[] {
  if (version === 1) {
    if (!Array.isArray(sheet.content)) throw new SnapshotError(`${where} has unreadable cells`);
    return sheet.content;
  }
  const { rows } = sheet;
  if (!Array.isArray(rows) || !rows.every((slice) => typeof slice === 'string')) throw new SnapshotError(`${where} has unreadable cells`);
  const content: unknown[] = [];
  for (const slice of rows as string[]) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(slice);
    } catch {
      throw new SnapshotError(`${where} has unreadable cells`);
    }
    if (!Array.isArray(parsed) || content.length + parsed.length > MAX_ROWS) throw new SnapshotError(`${where} has unreadable cells`);
    for (const row of parsed) content.push(row);
  }
  return content;
}

/** Stored data as a workbook snapshot, or a SnapshotError saying what is wrong with it. */
export function readSnapshot(data: unknown): WorkbookSnapshot {
  if (!isObject(data) || data.format !== SNAPSHOT_FORMAT) throw new SnapshotError('it is not a saved workbook');
  if (data.version !== 1 && data.version !== 2 && data.version !== SNAPSHOT_VERSION) throw new SnapshotError(`it was saved in format version ${String(data.version)}`);
  const version = data.version;
  if (!Array.isArray(data.sheets) || data.sheets.length === 0) throw new SnapshotError('it has no sheets');
  const names = new Set<string>();
  const sheets = data.sheets.map((sheet: unknown, i: number): NewSheet => {
    const where = `sheet ${i + 1}`;
    if (!isObject(sheet) || typeof sheet.name !== 'string' || sheet.name.trim() === '') throw new SnapshotError(`${where} has no name`);
    if (names.has(sheet.name.toLowerCase())) throw new SnapshotError(`two sheets are named ${sheet.name}`);
    names.add(sheet.name.toLowerCase());
    const content = readRows(sheet, version, where);
    if (content.length > MAX_ROWS) throw new SnapshotError(`${where} has unreadable cells`);
    const rows = content.map((row: unknown, r: number) => {
      if (!Array.isArray(row) || row.length > MAX_COLUMNS) throw new SnapshotError(`row ${r + 1} of ${where} is unreadable`);
      return Array.from(row, (cell, c) => readCell(cell, `cell ${c + 1} of row ${r + 1} of ${where}`));
    });
    return { name: sheet.name, content: rows, layout: readLayout(sheet.layout, where) };
  });
  return { sheets };
}
