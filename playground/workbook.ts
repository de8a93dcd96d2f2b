/**
 * The playground's workbook: a HyperFormula engine with every SalesOps function,
 * plus what the engine does not keep (number formats, column widths, bold rows),
 * and the operations the grid and the sidebar need. No DOM here.
 */
import { type CellValue as HfCellValue, DetailedCellError, type HyperFormula, type RawCellContent } from 'hyperformula';
import { type PlanCell, type SheetPlan, isFormulaCell, uniqueSheetName } from '../core/templates';
import type { CellValue, Matrix } from '../core/values';
import { type CellRef, type RangeRef, parseRange, rangeName } from '../core/a1';
import { createEngine, forgetSpill, settleSpills } from './engine';
import { type NumberKind, formatForKind, formatNumber } from './format';

export interface SheetLayout {
  /** Number formats by A1 range; a later entry wins where ranges overlap. */
  readonly formats?: readonly { readonly range: string; readonly format: string }[];
  /** Column widths in pixels, from column A. */
  readonly columnWidths?: readonly number[];
  /** Bold rows, 1-based. */
  readonly boldRows?: readonly number[];
  /** Rows kept in view while scrolling, from the top (a header). */
  readonly frozenRows?: number;
}

/** A sheet to add: its preferred name, its content as HyperFormula takes it, and its layout. */
export interface NewSheet {
  readonly name: string;
  readonly content: RawCellContent[][];
  readonly layout?: SheetLayout;
}

/** What a cell shows in the grid. */
export interface CellView {
  readonly text: string;
  readonly kind: 'empty' | 'number' | 'text' | 'boolean' | 'error';
  /** For errors: the explanation, shown as a tooltip. */
  readonly message?: string;
  /** 'anchor' for the cell holding an array formula, 'spill' for the cells its answer fills. */
  readonly array?: 'anchor' | 'spill';
  readonly bold?: boolean;
}

export interface ParsedLayout {
  readonly formats: readonly (RangeRef & { readonly format: string })[];
  readonly columnWidths: readonly number[];
  readonly boldRows: ReadonlySet<number>;
  readonly frozenRows: number;
}

const NUMBER_KINDS: Record<string, NumberKind> = {
  NUMBER_PERCENT: 'percent',
  NUMBER_DATE: 'date',
  NUMBER_DATETIME: 'datetime',
  NUMBER_TIME: 'time',
  NUMBER_CURRENCY: 'currency',
};

/** Text written as data stays text even when it looks like a number, a date or a formula. */
function asText(text: string): string {
  return `'${text}`;
}

/** A plan cell as HyperFormula content: formulas get their "=", text is kept as text. */
export function planCellContent(cell: PlanCell): RawCellContent {
  if (cell === null || cell === undefined) return null;
  if (isFormulaCell(cell)) return `=${cell.formula}`;
  if (typeof cell === 'string') return cell === '' ? null : asText(cell);
  return cell;
}

/** A sheet plan (a template's, the demo's, a file's) as a sheet to add. */
export function planSheet(plan: SheetPlan & { readonly frozenRows?: number }): NewSheet {
  return { name: plan.name, content: plan.cells.map((row) => row.map(planCellContent)), layout: plan };
}

export class Workbook {
  readonly hf: HyperFormula;
  private readonly layouts = new Map<number, ParsedLayout>();
  private readonly listeners = new Set<() => void>();

  constructor(hf: HyperFormula = createEngine()) {
    this.hf = hf;
  }

  /** Called after every change, to redraw. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new Error(`There is no sheet named ${name}`);
    return id;
  }

  /**
   * Adds a sheet with its content in one batch, under a name no other sheet
   * has; if anything fails, the workbook is left as it was. Returns the name.
   */
  addSheet(preferredName: string, content: RawCellContent[][], layout: SheetLayout = {}): string {
    return this.addSheets([{ name: preferredName, content, layout }])[0];
  }

  /**
   * Adds sheets in one batch (one step to undo), each under a name no other
   * sheet has; if any fails, none is added. Returns their names, in order.
   */
  addSheets(sheets: readonly NewSheet[]): string[] {
    const names = this.freeNames(sheets.map((sheet) => sheet.name));
    const parsed = sheets.map((sheet) => parseLayout(sheet.layout ?? {}));
    const insert = () =>
      this.hf.batch(() => {
        names.forEach((name, i) => {
          this.hf.addSheet(name);
          this.hf.setSheetContent(this.sheetId(name), sheets[i].content);
        });
      });
    try {
      insert();
    } catch (error) {
      for (const name of names) {
        const id = this.hf.getSheetId(name);
        if (id !== undefined) this.hf.removeSheet(id);
      }
      throw error;
    }
    const settled = settleSpills(this.hf);
    if (settled > 0) {
      // Answers that needed another size took more batches. Now that their sizes are known, the
      // sheets go in again in one batch, so that one undo takes the whole insert back.
      for (let step = 0; step <= settled; step++) this.hf.undo();
      insert();
      settleSpills(this.hf);
    }
    names.forEach((name, i) => this.layouts.set(this.sheetId(name), parsed[i]));
    this.changed();
    return names;
  }

  /** The names sheets added under these preferred names would get: unique in the workbook and among themselves. */
  freeNames(preferred: readonly string[]): string[] {
    const names: string[] = [];
    for (const name of preferred) names.push(uniqueSheetName(name, [...this.sheetNames(), ...names]));
    return names;
  }

  /** Writes a template's plan to a new sheet (never over existing cells). Returns the sheet's name. */
  insertPlan(plan: SheetPlan): string {
    return this.insertPlans([plan])[0];
  }

  /** Writes plans (a template's, or a file's sheets) to new sheets in one batch. Returns their names. */
  insertPlans(plans: readonly (SheetPlan & { readonly frozenRows?: number })[]): string[] {
    return this.addSheets(plans.map(planSheet));
  }

  /**
   * Replaces every sheet with `sheets` (a new workbook, the demo, or a saved
   * one). It clears the undo history: what was replaced is the caller's to
   * keep (see io/snapshot.ts). Returns the new sheets' names.
   */
  replaceAll(sheets: readonly NewSheet[]): string[] {
    if (sheets.length === 0) throw new Error('A workbook needs at least one sheet');
    const { maxRows, maxColumns } = this.hf.getConfig();
    for (const sheet of sheets) {
      // Checked before anything is removed: HyperFormula would refuse it halfway through.
      if (sheet.content.length > maxRows || sheet.content.some((row) => row.length > maxColumns)) {
        throw new Error(`Sheet ${sheet.name} is larger than ${maxRows} rows by ${maxColumns} columns`);
      }
    }
    const names: string[] = [];
    for (const sheet of sheets) names.push(uniqueSheetName(sheet.name, names));
    const parsed = sheets.map((sheet) => parseLayout(sheet.layout ?? {}));
    this.hf.batch(() => {
      for (const name of this.sheetNames()) this.hf.removeSheet(this.sheetId(name));
      names.forEach((name, i) => {
        this.hf.addSheet(name);
        this.hf.setSheetContent(this.sheetId(name), sheets[i].content);
      });
    });
    settleSpills(this.hf);
    this.hf.clearUndoStack();
    this.hf.clearRedoStack();
    this.layouts.clear();
    names.forEach((name, i) => this.layouts.set(this.sheetId(name), parsed[i]));
    this.changed();
    return names;
  }

  /** Sets one cell from what the user typed: a value, or a formula starting with "=". */
  setCell(sheet: number, ref: CellRef, input: string): void {
    const address = { sheet, ...ref };
    forgetSpill(this.hf, address);
    const content = input.trim() === '' ? null : input;
    this.hf.setCellContents(address, content);
    this.afterEdit(sheet);
  }

  /** Empties every cell of a range. */
  clear(sheet: number, range: RangeRef): void {
    const rows = range.bottom - range.top + 1;
    const cols = range.right - range.left + 1;
    for (let r = range.top; r <= range.bottom; r++) {
      for (let c = range.left; c <= range.right; c++) forgetSpill(this.hf, { sheet, row: r, col: c });
    }
    const empty: RawCellContent[][] = Array.from({ length: rows }, () => new Array<RawCellContent>(cols).fill(null));
    this.hf.setCellContents({ sheet, row: range.top, col: range.left }, empty);
    this.afterEdit(sheet);
  }

  private afterEdit(sheet: number): void {
    settleSpills(this.hf);
    this.retryBlockedSpills(sheet);
    this.changed();
  }

  /**
   * HyperFormula keeps an array formula at #SPILL! after the cell in its way is
   * emptied; entering it again lets it spill, as Sheets and Excel do.
   */
  private retryBlockedSpills(sheet: number): void {
    const { height, width } = this.hf.getSheetDimensions(sheet);
    const blocked: { address: { sheet: number; row: number; col: number }; formula: string }[] = [];
    for (let row = 0; row < height; row++) {
      for (let col = 0; col < width; col++) {
        const address = { sheet, row, col };
        const value = this.hf.getCellValue(address);
        if (value instanceof DetailedCellError && value.type === 'SPILL') {
          const formula = this.hf.getCellFormula(address);
          if (formula) blocked.push({ address, formula });
        }
      }
    }
    if (blocked.length === 0) return;
    this.hf.batch(() => {
      for (const { address, formula } of blocked) this.hf.setCellContents(address, formula);
    });
    settleSpills(this.hf);
  }

  /** Rows and columns holding anything, spilled answers included. */
  extent(sheet: number): { rows: number; cols: number } {
    const { height, width } = this.hf.getSheetDimensions(sheet);
    return { rows: height, cols: width };
  }

  layout(sheet: number): ParsedLayout {
    return this.layouts.get(sheet) ?? EMPTY_LAYOUT;
  }

  /** What the formula bar shows: the formula, or the value as it would be typed. */
  inputText(sheet: number, ref: CellRef): string {
    const address = { sheet, ...ref };
    const formula = this.hf.getCellFormula(address);
    if (formula !== undefined) return formula;
    if (this.hf.isCellPartOfArray(address)) return '';
    const serialized = this.hf.getCellSerialized(address);
    if (serialized === null || serialized === undefined) return '';
    if (typeof serialized === 'number') {
      const kind = NUMBER_KINDS[this.hf.getCellValueDetailedType(address)];
      return kind === 'date' ? formatNumber(serialized, undefined, 'date') : String(serialized);
    }
    if (typeof serialized === 'boolean') return serialized ? 'TRUE' : 'FALSE';
    if (serialized instanceof Date) return serialized.toISOString().slice(0, 10);
    const text = String(serialized);
    // Text kept as text shows its apostrophe only where typing it bare would read as something else.
    const bare = text.startsWith("'") ? text.slice(1) : text;
    return readsAsValue(bare) ? `'${bare}` : bare;
  }

  /** What a cell shows. */
  view(sheet: number, ref: CellRef): CellView {
    const address = { sheet, ...ref };
    const layout = this.layout(sheet);
    const bold = layout.boldRows.has(ref.row + 1) || undefined;
    const value = this.hf.getCellValue(address);
    const array = this.hf.isCellPartOfArray(address)
      ? this.hf.doesCellHaveFormula(address)
        ? 'anchor'
        : 'spill'
      : undefined;
    const base = { bold, array } as const;
    if (value instanceof DetailedCellError) {
      // HyperFormula's own #SPILL! and parse-error texts do not say what to do; ours do.
      const message =
        value.type === 'SPILL' || value.type === 'ERROR' || !value.message ? describeErrorCode(value.value) : value.message;
      return { ...base, text: value.value, kind: 'error', message };
    }
    if (value === null || value === undefined || value === '') return { ...base, text: '', kind: 'empty' };
    if (typeof value === 'boolean') return { ...base, text: value ? 'TRUE' : 'FALSE', kind: 'boolean' };
    if (typeof value === 'string') return { ...base, text: value, kind: 'text' };
    const format = formatAt(layout, ref);
    const kind = format ? undefined : NUMBER_KINDS[this.hf.getCellValueDetailedType(address)];
    return { ...base, text: formatNumber(value, format, kind), kind: 'number' };
  }

  /** The size of the array answer whose formula is in this cell, or undefined when it holds none. */
  arraySize(sheet: number, ref: CellRef): { width: number; height: number } | undefined {
    const address = { sheet, ...ref };
    if (!this.hf.isCellPartOfArray(address) || !this.hf.doesCellHaveFormula(address)) return undefined;
    // HyperFormula keeps its arrays' sizes in its dependency graph and has no public way to ask for them.
    const arrays = (this.hf as unknown as { arrayMapping: { getArrayByCorner(a: typeof address): { width: number; height: number } | undefined } })
      .arrayMapping;
    const array = arrays.getArrayByCorner(address);
    return array ? { width: array.width, height: array.height } : undefined;
  }

  /** The number format a number in this cell is shown with: the sheet's, else one for the kind of number typed. */
  numberFormat(sheet: number, ref: CellRef, value: number): string | undefined {
    const format = formatAt(this.layout(sheet), ref);
    if (format) return format;
    const kind = NUMBER_KINDS[this.hf.getCellValueDetailedType({ sheet, ...ref })];
    return kind ? formatForKind(kind, value) : undefined;
  }

  /** The values of a range in the core's cell model: blanks as null, errors as their code. */
  values(sheet: number, range: RangeRef): Matrix {
    const values = this.hf.getRangeValues({
      start: { sheet, row: range.top, col: range.left },
      end: { sheet, row: range.bottom, col: range.right },
    });
    return values.map((row) => row.map(toCellValue));
  }
}

/** Whether typing `text` into a cell would give a formula, number, date, boolean or error rather than text. */
function readsAsValue(text: string): boolean {
  const trimmed = text.trim();
  return (
    /^[=']/.test(trimmed) ||
    /^(?:true|false)$/i.test(trimmed) ||
    /^#/.test(trimmed) ||
    /^[-+$]?[\d.]/.test(trimmed) ||
    /%$/.test(trimmed)
  );
}

function toCellValue(value: HfCellValue): CellValue {
  if (value instanceof DetailedCellError) return value.value;
  if (value === undefined) return null;
  return value;
}

const ERROR_EXPLANATIONS: Record<string, string> = {
  '#SPILL!': 'The answer needs more cells than are free: empty the cells below or to the right.',
  '#NAME?': 'Unknown function or name.',
  '#REF!': 'The formula refers to a cell that does not exist.',
  '#CYCLE!': 'The formula depends on its own result.',
  '#ERROR!': 'The formula could not be read: check its brackets, commas and quotes.',
};

function describeErrorCode(code: string): string {
  return ERROR_EXPLANATIONS[code] ?? code;
}

const EMPTY_LAYOUT: ParsedLayout = { formats: [], columnWidths: [], boldRows: new Set(), frozenRows: 0 };

function parseLayout(layout: SheetLayout): ParsedLayout {
  const formats = (layout.formats ?? []).flatMap(({ range, format }) => {
    const parsed = parseRange(range);
    return parsed ? [{ ...parsed, format }] : [];
  });
  return {
    formats,
    columnWidths: layout.columnWidths ?? [],
    boldRows: new Set(layout.boldRows ?? []),
    frozenRows: Math.max(0, Math.floor(layout.frozenRows ?? 0)),
  };
}

/** A parsed layout as plain data again, as a snapshot or an export keeps it. */
export function layoutData(layout: ParsedLayout): SheetLayout {
  return {
    formats: layout.formats.map(({ format, ...range }) => ({ range: rangeName(range), format })),
    columnWidths: [...layout.columnWidths],
    boldRows: [...layout.boldRows],
    frozenRows: layout.frozenRows,
  };
}

function formatAt(layout: ParsedLayout, ref: CellRef): string | undefined {
  for (let i = layout.formats.length - 1; i >= 0; i--) {
    const f = layout.formats[i];
    if (ref.row >= f.top && ref.row <= f.bottom && ref.col >= f.left && ref.col <= f.right) return f.format;
  }
  return undefined;
}
