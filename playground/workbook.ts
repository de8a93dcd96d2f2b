/**
 * The playground's workbook: a HyperFormula engine with every SalesOps function,
 * plus what the engine does not keep (number formats, column widths, bold and
 * frozen rows), and the operations the grid and the sidebar call: typed input,
 * clearing, pasting, formats, rows, columns and sheets (a file's sheets
 * included), each one step of an undo history; and putting a whole workbook in
 * place of this one (a new one, the demo, the one kept in the browser), which
 * starts the history afresh. HyperFormula stays inside this module and
 * engine*.ts. No DOM here.
 */
import { type CellValue as HfCellValue, DetailedCellError, type HyperFormula, type RawCellContent } from 'hyperformula';
import { type PlanCell, type SheetPlan, isFormulaCell, uniqueSheetName } from '../core/templates';
import { type NormalisedPlan, type TypedCell, normalisePlan } from '../core/templates/normalise-plan';
import type { CellValue, Matrix } from '../core/values';
import { type CellRef, type RangeRef, cellName, rangeName } from '../core/a1';
import { findFunction } from '../core/registry';
import { NUMBER_FORMAT_CODES, resultFormatAt } from '../core/spec';
import { text } from '../ui/messages';
import { createEngine, forgetSpill, formulaSource, settleSpills, spillBlocker } from './engine';
import { asOneStep, outsideHistory } from './engine-history';
import { type NumberKind, formatNumber, isDateFormat, isPercentFormat, withDecimals } from './format';
import {
  EMPTY_LAYOUT,
  GENERAL,
  type ParsedLayout,
  type SheetLayout,
  formatAt,
  parseLayout,
  shiftColumns,
  shiftRows,
  withColumnWidth,
  withFormat,
  withFrozenRows,
} from './layout';
import { type TypedValue, parseTypedInput } from './typed-input';
import { parseTsv, toTsv } from './clipboard-text';

export type { SheetLayout } from './layout';

/** What a cell shows in the grid. */
export interface CellView {
  readonly text: string;
  readonly kind: 'empty' | 'number' | 'text' | 'boolean' | 'error';
  /** For errors: the explanation, shown as a tooltip and in the status line. */
  readonly message?: string;
  /** 'anchor' for the cell holding an array formula, 'spill' for the cells its answer fills. */
  readonly array?: 'anchor' | 'spill';
  readonly bold?: boolean;
}

/** Where a change happened: the sheet and range to show when it is undone or redone. */
export interface Place {
  readonly sheet: number;
  readonly range: RangeRef;
}

/** A range as it goes to the system clipboard. */
export interface ClipboardText {
  readonly text: string;
  readonly cells: string[][];
}

/** A sheet to add: its preferred name, its content as HyperFormula takes it, and its layout. */
export interface NewSheet {
  readonly name: string;
  readonly content: RawCellContent[][];
  readonly layout?: SheetLayout;
}

/** A user-facing refusal: the grid shows its message and nothing changed. */
export class WorkbookError extends Error {}

const NUMBER_KINDS: Record<string, NumberKind> = {
  NUMBER_PERCENT: 'percent',
  NUMBER_DATE: 'date',
  NUMBER_DATETIME: 'datetime',
  NUMBER_TIME: 'time',
  NUMBER_CURRENCY: 'currency',
};

/** How many steps can be undone. HyperFormula keeps as many (ENGINE_CONFIG.undoLimit). */
export const HISTORY_LIMIT = 100;

/**
 * How HyperFormula is made to keep text as text: it reads every string as
 * typed input ("=..." a formula, "0012" a number, "TRUE" a boolean), except one
 * that starts with an apostrophe, which it keeps as the text after it. So all
 * text written as data gets one, whatever it looks like.
 */
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

/** A sheet plan read from a file or built for the demo as a sheet to add (files bring their own number formats). */
export function planSheet(plan: SheetPlan): NewSheet {
  const { formats, columnWidths, boldRows, frozenRows } = plan;
  return { name: plan.name, content: plan.cells.map((row) => row.map(planCellContent)), layout: { formats, columnWidths, boldRows, frozenRows } };
}

/** A typed cell of a checked plan as HyperFormula content. */
function cellContent(cell: TypedCell): RawCellContent {
  switch (cell.kind) {
    case 'blank':
      return null;
    case 'formula':
      return `=${cell.formula}`;
    case 'text':
      return asText(cell.text);
    case 'number':
    case 'boolean':
      return cell.value;
    case 'date':
      return cell.serial;
  }
}

/** A template's checked plan as a sheet to add, charts and all. */
export function normalisedSheet(plan: NormalisedPlan): NewSheet {
  return {
    name: plan.name,
    content: plan.cells.map((row) => row.map(cellContent)),
    layout: {
      formats: plan.formats.map(({ range, format }) => ({ range: rangeName(range), format })),
      columnWidths: plan.columnWidths,
      boldRows: plan.boldRows,
      frozenRows: plan.frozenRows,
      charts: plan.charts,
    },
  };
}

/** Typed input as HyperFormula content: numbers as numbers, text always marked as text. */
function typedContent(typed: TypedValue): RawCellContent {
  switch (typed.kind) {
    case 'blank':
      return null;
    case 'formula':
      return typed.formula;
    case 'text':
      return asText(typed.text);
    case 'boolean':
      return typed.value;
    case 'error':
      return typed.code;
    case 'number':
      return typed.value;
  }
}

interface Step {
  readonly engine: boolean;
  readonly before: ReadonlyMap<number, ParsedLayout>;
  readonly after: ReadonlyMap<number, ParsedLayout>;
  /** The order of the sheet tabs before and after (HyperFormula puts a sheet brought back by undo last). */
  readonly orderBefore: readonly number[];
  readonly orderAfter: readonly number[];
  readonly place: Place;
}

interface InternalClip {
  readonly text: string;
  readonly sheet: number;
  readonly range: RangeRef;
  readonly cut: boolean;
}

export class Workbook {
  readonly hf: HyperFormula;
  private layouts = new Map<number, ParsedLayout>();
  /** Sheet ids in tab order. */
  private order: number[] = [];
  private readonly listeners = new Set<() => void>();
  private undoSteps: Step[] = [];
  private redoSteps: Step[] = [];
  private clip?: InternalClip;

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

  /** Sheet names in tab order. */
  sheetNames(): string[] {
    return this.sheetOrder().map((id) => this.hf.getSheetName(id) ?? '');
  }

  /** Sheet ids in tab order: the order they were added in, kept through undo and redo. */
  private sheetOrder(): number[] {
    const ids = this.hf.getSheetNames().map((name) => this.hf.getSheetId(name) as number);
    const existing = new Set(ids);
    const order = this.order.filter((id) => existing.has(id));
    for (const id of ids) if (!order.includes(id)) order.push(id);
    this.order = order;
    return order;
  }

  sheetId(name: string): number {
    const id = this.hf.getSheetId(name);
    if (id === undefined) throw new WorkbookError(text('playground.error.noSheet', { name }));
    return id;
  }

  sheetName(sheet: number): string {
    return this.hf.getSheetName(sheet) ?? '';
  }

  // ---- history -------------------------------------------------------------

  /**
   * Runs `apply` as one step of the history: its engine changes (through
   * HyperFormula's undo stack) and its layout changes undo together. When it
   * throws, nothing it did stays.
   */
  private record(place: Place, apply: () => void): void {
    const before = new Map(this.layouts);
    const orderBefore = [...this.sheetOrder()];
    let engine: boolean;
    try {
      engine = asOneStep(this.hf, apply);
    } catch (error) {
      this.layouts = before;
      this.order = orderBefore;
      this.settle();
      throw error;
    }
    const after = new Map(this.layouts);
    const orderAfter = [...this.sheetOrder()];
    const layoutChanged = [...new Set([...before.keys(), ...after.keys()])].some((id) => before.get(id) !== after.get(id));
    if (engine || layoutChanged) {
      this.undoSteps.push({ engine, before, after, orderBefore, orderAfter, place });
      if (this.undoSteps.length > HISTORY_LIMIT) this.undoSteps.shift();
      this.redoSteps = [];
    }
    this.settle();
    this.changed();
  }

  /** Spilled answers find their size again; upkeep, not a step of the history. */
  private settle(): void {
    outsideHistory(this.hf, () => settleSpills(this.hf));
  }

  canUndo(): boolean {
    return this.undoSteps.length > 0;
  }

  canRedo(): boolean {
    return this.redoSteps.length > 0;
  }

  /** Takes back the last change; returns where it was, or undefined when there is nothing to undo. */
  undo(): Place | undefined {
    const step = this.undoSteps.pop();
    if (!step) return undefined;
    if (step.engine) this.hf.undo();
    this.layouts = new Map(step.before);
    this.order = [...step.orderBefore];
    this.redoSteps.push(step);
    this.settle();
    this.changed();
    return this.visiblePlace(step.place);
  }

  /** Makes the last undone change again; returns where it was. */
  redo(): Place | undefined {
    const step = this.redoSteps.pop();
    if (!step) return undefined;
    if (step.engine) this.hf.redo();
    this.layouts = new Map(step.after);
    this.order = [...step.orderAfter];
    this.undoSteps.push(step);
    this.settle();
    this.changed();
    return this.visiblePlace(step.place);
  }

  /** A place on a sheet that still exists (undoing "add sheet" removes the sheet it happened on). */
  private visiblePlace(place: Place): Place {
    if (this.hf.getSheetName(place.sheet) !== undefined) return place;
    return { sheet: this.sheetId(this.sheetNames()[0]), range: { top: 0, left: 0, bottom: 0, right: 0 } };
  }

  /** Forgets every step (a freshly opened workbook has nothing to undo). */
  clearHistory(): void {
    this.undoSteps = [];
    this.redoSteps = [];
    this.hf.clearUndoStack();
    this.hf.clearRedoStack();
  }

  // ---- sheets ----------------------------------------------------------------

  /**
   * Adds a sheet with its content in one step, under a name no other sheet
   * has; if anything fails, the workbook is left as it was. Returns the name.
   */
  addSheet(preferredName: string, content: RawCellContent[][], layout: SheetLayout = {}): string {
    return this.addSheets([{ name: preferredName, content, layout }])[0];
  }

  /**
   * Adds sheets (a file's, say) as one step, each under a name no other sheet
   * has; if any fails, none is added. Returns their names, in order.
   */
  addSheets(sheets: readonly NewSheet[]): string[] {
    const names = this.freeNames(sheets.map((sheet) => sheet.name));
    const steps = this.undoSteps.length;
    this.record({ sheet: 0, range: origin() }, () => this.suspended(() => this.writeSheets(names, sheets)));
    const place = { sheet: this.sheetId(names[0]), range: origin() };
    const last = this.undoSteps[this.undoSteps.length - 1];
    if (last && this.undoSteps.length !== steps) this.undoSteps[this.undoSteps.length - 1] = { ...last, place };
    return names;
  }

  /** The names sheets added under these preferred names would get: unique in the workbook and among themselves. */
  freeNames(preferred: readonly string[]): string[] {
    const names: string[] = [];
    for (const name of preferred) names.push(uniqueSheetName(name, [...this.sheetNames(), ...names]));
    return names;
  }

  /** Adds sheets under names already free (evaluation suspended, so formulas are computed once all are in). */
  private writeSheets(names: readonly string[], sheets: readonly NewSheet[]): void {
    names.forEach((name, i) => {
      this.hf.addSheet(name);
      const id = this.sheetId(name);
      this.hf.setSheetContent(id, sheets[i].content);
      this.layouts.set(id, parseLayout(sheets[i].layout ?? {}));
    });
  }

  /** Runs engine changes with evaluation suspended: formulas are computed once, at the end. */
  private suspended(change: () => void): void {
    this.hf.suspendEvaluation();
    try {
      change();
    } finally {
      this.hf.resumeEvaluation();
    }
  }

  /**
   * Writes a template's plan to a new sheet (never over existing cells), as one
   * step, once the plan normaliser has checked it. Returns the sheet's name.
   */
  insertPlan(plan: SheetPlan): string {
    return this.addSheets([normalisedSheet(normalisePlan(plan))])[0];
  }

  /** Writes a file's sheets (plans with the file's own formats) to new sheets, as one step. Returns their names. */
  insertPlans(plans: readonly SheetPlan[]): string[] {
    return this.addSheets(plans.map(planSheet));
  }

  /**
   * Puts `sheets` in place of every sheet (a new workbook, the demo) as one
   * step of the history: Undo brings back every sheet it replaced, and the
   * steps before it stay. Checked before anything is removed, so a refusal
   * leaves the workbook as it was. Returns the new sheets' names.
   */
  replaceSheets(sheets: readonly NewSheet[]): string[] {
    const names = this.replacementNames(sheets);
    this.record({ sheet: 0, range: origin() }, () => this.putInPlace(names, sheets));
    const place = { sheet: this.sheetId(names[0]), range: origin() };
    const last = this.undoSteps[this.undoSteps.length - 1];
    if (last) this.undoSteps[this.undoSteps.length - 1] = { ...last, place };
    return names;
  }

  /**
   * Puts `sheets` in place of every sheet with the history starting afresh
   * (the workbook kept in the browser, opened on start, has nothing to undo).
   * Returns the new sheets' names.
   */
  replaceAll(sheets: readonly NewSheet[]): string[] {
    const names = this.replacementNames(sheets);
    const layouts = this.layouts;
    const order = this.sheetOrder();
    try {
      // One step only so that a failure halfway takes back what was done; the history is then cleared.
      asOneStep(this.hf, () => this.putInPlace(names, sheets));
    } catch (error) {
      this.layouts = layouts;
      this.order = order;
      this.settle();
      throw error;
    }
    this.settle();
    this.clearHistory();
    this.changed();
    return names;
  }

  /** The names a whole workbook of `sheets` gets, once it is checked to fit the engine. */
  private replacementNames(sheets: readonly NewSheet[]): string[] {
    if (sheets.length === 0) throw new Error('A workbook needs at least one sheet');
    const { maxRows, maxColumns } = this.hf.getConfig();
    for (const sheet of sheets) {
      if (sheet.content.length > maxRows || sheet.content.some((row) => row.length > maxColumns)) {
        throw new Error(`Sheet ${sheet.name} is larger than ${maxRows} rows by ${maxColumns} columns`);
      }
    }
    const names: string[] = [];
    for (const sheet of sheets) names.push(uniqueSheetName(sheet.name, names));
    return names;
  }

  /** Removes every sheet and adds `sheets` under `names`; the copy on the clipboard goes with the sheets. */
  private putInPlace(names: readonly string[], sheets: readonly NewSheet[]): void {
    this.suspended(() => {
      const ids = this.sheetOrder();
      // Emptied before any is removed, so that Undo brings every sheet back before the formulas that refer across them.
      for (const id of ids) this.hf.clearSheet(id);
      for (const id of ids) this.hf.removeSheet(id);
      this.layouts = new Map();
      this.writeSheets(names, sheets);
    });
    this.order = names.map((name) => this.sheetId(name));
    this.clip = undefined;
    this.hf.clearClipboard();
  }

  /** A new empty sheet after the others ("Sheet4"). Returns its id. */
  addBlankSheet(): number {
    let n = this.sheetNames().length + 1;
    const taken = new Set(this.sheetNames().map((name) => name.toLowerCase()));
    while (taken.has(text('playground.sheet.defaultName', { n }).toLowerCase())) n++;
    return this.sheetId(this.addSheet(text('playground.sheet.defaultName', { n }), []));
  }

  renameSheet(sheet: number, newName: string): void {
    const name = newName.trim();
    const old = this.sheetName(sheet);
    if (name === old) return;
    if (name === '') throw new WorkbookError(text('playground.error.sheetNameBlank'));
    if (name.length > 31) throw new WorkbookError(text('playground.error.sheetNameLong'));
    for (const ch of name) {
      if ('[]*?/\\:'.includes(ch)) throw new WorkbookError(text('playground.error.sheetNameCharacter', { character: ch }));
    }
    if (name.startsWith("'") || name.endsWith("'")) throw new WorkbookError(text('playground.error.sheetNameCharacter', { character: "'" }));
    if (this.sheetNames().some((other) => other !== old && other.toLowerCase() === name.toLowerCase())) {
      throw new WorkbookError(text('playground.error.sheetNameTaken', { name }));
    }
    this.record({ sheet, range: origin() }, () => this.hf.renameSheet(sheet, name));
  }

  /** Removes a sheet (one step, so Undo brings it back); the last sheet stays. */
  removeSheet(sheet: number): void {
    if (this.sheetNames().length <= 1) throw new WorkbookError(text('playground.error.lastSheet'));
    this.record({ sheet, range: origin() }, () => {
      this.hf.removeSheet(sheet);
      this.layouts.delete(sheet);
    });
  }

  // ---- cells -----------------------------------------------------------------

  /**
   * Sets one cell from what the user typed, read as Sheets reads it (see
   * typed-input.ts): a typed `$5,000` is the number 5000 shown as currency.
   */
  setCell(sheet: number, ref: CellRef, input: string): void {
    const layout = this.layout(sheet);
    const typed = parseTypedInput(input, { percentCell: isPercentFormat(formatAt(layout, ref)) });
    const address = { sheet, ...ref };
    this.record({ sheet, range: single(ref) }, () => {
      forgetSpill(this.hf, address);
      this.hf.setCellContents(address, typedContent(typed));
      if (typed.kind === 'number' && typed.format) this.layouts.set(sheet, withFormat(layout, single(ref), typed.format));
    });
  }

  /** Empties every cell of a range (their formats stay), as one step. */
  clear(sheet: number, range: RangeRef): void {
    const { height, width } = this.hf.getSheetDimensions(sheet);
    const bottom = Math.min(range.bottom, height - 1);
    const right = Math.min(range.right, width - 1);
    if (bottom < range.top || right < range.left) return;
    this.record({ sheet, range }, () => {
      for (let r = range.top; r <= bottom; r++) {
        for (let c = range.left; c <= right; c++) forgetSpill(this.hf, { sheet, row: r, col: c });
      }
      const empty: RawCellContent[][] = Array.from({ length: bottom - range.top + 1 }, () =>
        new Array<RawCellContent>(right - range.left + 1).fill(null),
      );
      this.hf.setCellContents({ sheet, row: range.top, col: range.left }, empty);
    });
  }

  // ---- clipboard -------------------------------------------------------------

  /**
   * A range as the clipboard takes it: each cell as the grid shows it, rows of
   * cells for HTML and the same as tab-separated text. The workbook remembers
   * the copy, so pasting it back here copies formulas (references shifted) and
   * formats, as a spreadsheet does; `cut` moves the cells on paste.
   */
  copy(sheet: number, range: RangeRef, cut = false): ClipboardText {
    const cells: string[][] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const row: string[] = [];
      for (let c = range.left; c <= range.right; c++) row.push(this.view(sheet, { row: r, col: c }).text);
      cells.push(row);
    }
    const textForm = toTsv(cells);
    const hfRange = { start: { sheet, row: range.top, col: range.left }, end: { sheet, row: range.bottom, col: range.right } };
    if (cut) this.hf.cut(hfRange);
    else this.hf.copy(hfRange);
    this.clip = { text: textForm, sheet, range, cut };
    return { text: textForm, cells };
  }

  /** Whether clipboard text is the workbook's own last copy. */
  isOwnCopy(clipboardText: string): boolean {
    return this.clip !== undefined && normalizeNewlines(clipboardText) === normalizeNewlines(this.clip.text);
  }

  /**
   * Pastes into a selection, as one step: the workbook's own copy (formulas
   * shifted, formats along) or rows of cells from elsewhere (each read as
   * typed input). A selection that is a whole multiple of what was copied is
   * filled with copies of it, as Excel and Sheets do (a single cell fills the
   * selection); any other is pasted into from its top-left corner. Returns the
   * range pasted into.
   */
  paste(sheet: number, into: RangeRef, incoming: { readonly text: string; readonly cells?: string[][] }): RangeRef {
    const clip = this.clip;
    if (clip && this.isOwnCopy(incoming.text) && this.hf.getSheetName(clip.sheet) !== undefined) return this.pasteOwn(sheet, into, clip);
    const cells = incoming.cells ?? parseTsv(incoming.text);
    return this.pasteCells(sheet, into, cells);
  }

  private pasteOwn(sheet: number, into: RangeRef, clip: InternalClip): RangeRef {
    const block = { height: clip.range.bottom - clip.range.top + 1, width: clip.range.right - clip.range.left + 1 };
    // A cut moves its cells once.
    const target = clip.cut ? at(into, block) : this.fill(into, block);
    this.checkFits(target);
    const corners: CellRef[] = [];
    for (let row = target.top; row <= target.bottom; row += block.height) {
      for (let col = target.left; col <= target.right; col += block.width) corners.push({ row, col });
    }
    const formats = this.layout(clip.sheet).formats.flatMap((entry) => {
      const top = Math.max(entry.top, clip.range.top);
      const bottom = Math.min(entry.bottom, clip.range.bottom);
      const left = Math.max(entry.left, clip.range.left);
      const right = Math.min(entry.right, clip.range.right);
      if (top > bottom || left > right) return [];
      return corners.map((corner) => {
        const dr = corner.row - clip.range.top;
        const dc = corner.col - clip.range.left;
        return { top: top + dr, bottom: bottom + dr, left: left + dc, right: right + dc, format: entry.format };
      });
    });
    this.record({ sheet, range: target }, () => {
      for (let r = target.top; r <= target.bottom; r++) {
        for (let c = target.left; c <= target.right; c++) forgetSpill(this.hf, { sheet, row: r, col: c });
      }
      // HyperFormula pastes with evaluation running only: each copy is computed as it lands.
      for (const corner of corners) this.hf.paste({ sheet, ...corner });
      let layout = withFormat(this.layout(sheet), target, GENERAL);
      for (const { format, ...range } of formats) layout = withFormat(layout, range, format);
      this.layouts.set(sheet, layout);
    });
    if (clip.cut) {
      this.clip = undefined;
      this.hf.clearClipboard();
    }
    return target;
  }

  private pasteCells(sheet: number, into: RangeRef, cells: string[][]): RangeRef {
    // Not Math.max(...rows): a paste of 200,000 rows would overflow the call stack.
    const width = cells.reduce((widest, row) => Math.max(widest, row.length), 1);
    const height = Math.max(cells.length, 1);
    const target = this.fill(into, { height, width });
    this.checkFits(target);
    this.record({ sheet, range: target }, () => {
      let layout = this.layout(sheet);
      const content = Array.from({ length: target.bottom - target.top + 1 }, (_, r) =>
        Array.from({ length: target.right - target.left + 1 }, (_, c) => {
          const ref = { row: target.top + r, col: target.left + c };
          forgetSpill(this.hf, { sheet, ...ref });
          const typed = parseTypedInput(cells[r % height]?.[c % width] ?? '', { percentCell: isPercentFormat(formatAt(layout, ref)) });
          if (typed.kind === 'number' && typed.format) layout = withFormat(layout, single(ref), typed.format);
          return typedContent(typed);
        }),
      );
      this.hf.setCellContents({ sheet, row: target.top, col: target.left }, content);
      this.layouts.set(sheet, layout);
    });
    return target;
  }

  /**
   * Where a block pasted into a selection goes: the whole selection when it is
   * a whole multiple of the block, else the block at its top-left corner. Whole
   * rows or columns take the block once (a copy in each of 200,000 rows is
   * rarely what was meant).
   */
  private fill(into: RangeRef, block: { readonly height: number; readonly width: number }): RangeRef {
    const { maxRows, maxColumns } = this.hf.getConfig();
    const height = into.bottom - into.top + 1;
    const width = into.right - into.left + 1;
    const whole = height >= maxRows || width >= maxColumns;
    return !whole && height % block.height === 0 && width % block.width === 0 ? into : at(into, block);
  }

  private checkFits(range: RangeRef): void {
    const { maxRows, maxColumns } = this.hf.getConfig();
    if (range.bottom >= maxRows || range.right >= maxColumns) {
      throw new WorkbookError(text('playground.error.pasteTooBig', { rows: maxRows, columns: maxColumns }));
    }
  }

  // ---- rows and columns ------------------------------------------------------

  insertRows(sheet: number, at: number, count = 1): void {
    this.record({ sheet, range: { top: at, bottom: at + count - 1, left: 0, right: 0 } }, () => {
      this.hf.addRows(sheet, [at, count]);
      this.layouts.set(sheet, shiftRows(this.layout(sheet), at, count));
    });
  }

  removeRows(sheet: number, at: number, count = 1): void {
    this.record({ sheet, range: { top: at, bottom: at, left: 0, right: 0 } }, () => {
      this.hf.removeRows(sheet, [at, count]);
      this.layouts.set(sheet, shiftRows(this.layout(sheet), at, -count));
    });
  }

  insertColumns(sheet: number, at: number, count = 1): void {
    this.record({ sheet, range: { top: 0, bottom: 0, left: at, right: at + count - 1 } }, () => {
      this.hf.addColumns(sheet, [at, count]);
      this.layouts.set(sheet, shiftColumns(this.layout(sheet), at, count));
    });
  }

  removeColumns(sheet: number, at: number, count = 1): void {
    this.record({ sheet, range: { top: 0, bottom: 0, left: at, right: at } }, () => {
      this.hf.removeColumns(sheet, [at, count]);
      this.layouts.set(sheet, shiftColumns(this.layout(sheet), at, -count));
    });
  }

  // ---- layout ----------------------------------------------------------------

  layout(sheet: number): ParsedLayout {
    return this.layouts.get(sheet) ?? EMPTY_LAYOUT;
  }

  /** Gives a range a number format (GENERAL takes it away), as one step. */
  setFormat(sheet: number, range: RangeRef, format: string): void {
    this.record({ sheet, range }, () => this.layouts.set(sheet, withFormat(this.layout(sheet), range, format)));
  }

  /** One more (or fewer) decimal place on a range, starting from the format of `from`. */
  changeDecimals(sheet: number, range: RangeRef, from: CellRef, delta: number): void {
    const value = this.hf.getCellValue({ sheet, ...from });
    const format = withDecimals(this.numberFormat(sheet, from), typeof value === 'number' ? value : 0, delta);
    if (format) this.setFormat(sheet, range, format);
  }

  setColumnWidth(sheet: number, col: number, width: number): void {
    this.record({ sheet, range: { top: 0, bottom: 0, left: col, right: col } }, () =>
      this.layouts.set(sheet, withColumnWidth(this.layout(sheet), col, width)),
    );
  }

  setFrozenRows(sheet: number, rows: number): void {
    this.record({ sheet, range: origin() }, () => this.layouts.set(sheet, withFrozenRows(this.layout(sheet), rows)));
  }

  /**
   * The number format a cell shows with: the one it was given; else, for a
   * result of one of our functions, the one its spec declares (attainment as a
   * percentage, money as currency); else the kind of number typed into it.
   */
  numberFormat(sheet: number, ref: CellRef): string | undefined {
    const explicit = formatAt(this.layout(sheet), ref);
    if (explicit) return explicit;
    return this.resultFormat(sheet, ref);
  }

  /**
   * For a number with no format (numberFormat is undefined), the kind it was
   * typed as: a percentage, a date, an amount in dollars. The grid shows it so.
   */
  numberKind(sheet: number, ref: CellRef): NumberKind | undefined {
    return NUMBER_KINDS[this.hf.getCellValueDetailedType({ sheet, ...ref })];
  }

  private resultFormat(sheet: number, ref: CellRef): string | undefined {
    const address = { sheet, ...ref };
    const source = formulaSource(this.hf, address);
    const spec = source?.name ? findFunction(source.name) : undefined;
    if (!source || !spec?.format) return undefined;
    let word: string | undefined;
    if (typeof spec.format === 'object' && 'param' in spec.format) {
      const index = spec.params.findIndex((param) => param.name === (spec.format as { param: string }).param);
      const arg = source.args[index];
      if (arg !== undefined && arg !== null && typeof arg !== 'string') return undefined;
      // An argument that is not written out (a cell reference, say) could be any word: the number stays as it is.
      if (index < source.args.length && arg === undefined) return undefined;
      word = arg ?? undefined;
    }
    return NUMBER_FORMAT_CODES[resultFormatAt(spec, ref.col - source.anchor.col, word)];
  }

  // ---- reading ---------------------------------------------------------------

  /** Rows and columns holding anything, spilled answers included. */
  extent(sheet: number): { rows: number; cols: number } {
    const { height, width } = this.hf.getSheetDimensions(sheet);
    return { rows: height, cols: width };
  }

  /**
   * What editing a cell starts from: what could be typed to get the cell as it
   * is. A number is its full value (a percentage with its %, a date as a date),
   * never a display string; text that would read as something else keeps the
   * apostrophe that makes it text. A cell a spilled answer covers has none.
   */
  inputText(sheet: number, ref: CellRef): string {
    const address = { sheet, ...ref };
    const formula = this.hf.getCellFormula(address);
    if (formula !== undefined) return formula;
    if (this.hf.isCellPartOfArray(address)) return '';
    const value = this.hf.getCellValue(address);
    if (value === null || value === undefined) return '';
    if (value instanceof DetailedCellError) return value.value;
    if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
    if (typeof value === 'number') return this.numberInput(sheet, ref, value);
    const typed = parseTypedInput(value);
    return typed.kind === 'text' && typed.text === value ? value : `'${value}`;
  }

  private numberInput(sheet: number, ref: CellRef, value: number): string {
    const format = this.numberFormat(sheet, ref);
    const kind = format ? undefined : this.numberKind(sheet, ref);
    if (isPercentFormat(format) || kind === 'percent') return `${Number((value * 100).toPrecision(15))}%`;
    const dateFormat = format && isDateFormat(format) ? format : kind === 'date' ? 'yyyy-mm-dd' : undefined;
    if (dateFormat && Number.isInteger(value) && value > 0) {
      return formatNumber(value, dateFormat.startsWith('y') ? 'yyyy-mm-dd' : dateFormat.startsWith('d') ? 'd/m/yyyy' : 'm/d/yyyy');
    }
    return String(value);
  }

  /**
   * What the formula bar shows: the cell's input, and for a cell a spilled
   * answer covers, the formula it comes from (read-only, as in Sheets).
   */
  barText(sheet: number, ref: CellRef): { text: string; spilled: boolean; anchor?: CellRef } {
    const input = this.inputText(sheet, ref);
    if (input !== '' || !this.hf.isCellPartOfArray({ sheet, ...ref })) return { text: input, spilled: false };
    const source = formulaSource(this.hf, { sheet, ...ref });
    const formula = source ? this.hf.getCellFormula(source.anchor) : undefined;
    if (!source || formula === undefined) return { text: '', spilled: false };
    return { text: formula, spilled: true, anchor: { row: source.anchor.row, col: source.anchor.col } };
  }

  /** The full value of a cell as text, for the status line when its display is cut (###). */
  fullValue(sheet: number, ref: CellRef): string {
    const value = this.hf.getCellValue({ sheet, ...ref });
    return typeof value === 'number' ? String(value) : '';
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
    if (value instanceof DetailedCellError) return { ...base, text: value.value, kind: 'error', message: this.explain(address, value) };
    if (value === null || value === undefined || value === '') return { ...base, text: '', kind: 'empty' };
    if (typeof value === 'boolean') return { ...base, text: value ? 'TRUE' : 'FALSE', kind: 'boolean' };
    if (typeof value === 'string') return { ...base, text: value, kind: 'text' };
    const format = this.numberFormat(sheet, ref);
    const kind = format ? undefined : this.numberKind(sheet, ref);
    return { ...base, text: formatNumber(value, format, kind), kind: 'number' };
  }

  /** An error's explanation: the function's own message, or what to do about the engine's errors. */
  private explain(address: { sheet: number; row: number; col: number }, error: DetailedCellError): string {
    if (error.type === 'SPILL') {
      const blocker = spillBlocker(this.hf, address);
      return blocker ? text('playground.error.spillBlocked', { cell: cellName(blocker) }) : text('playground.error.spill');
    }
    if (error.type === 'ERROR') return text('playground.error.unreadable');
    if (error.message) return error.message;
    switch (error.value) {
      case '#NAME?':
        return text('playground.error.name');
      case '#REF!':
        return text('playground.error.ref');
      case '#CYCLE!':
        return text('playground.error.cycle');
      default:
        return error.value;
    }
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

  /** The values of a range in the core's cell model: blanks as null, errors as their code. */
  values(sheet: number, range: RangeRef): Matrix {
    const values = this.hf.getRangeValues({
      start: { sheet, row: range.top, col: range.left },
      end: { sheet, row: range.bottom, col: range.right },
    });
    return values.map((row) => row.map(toCellValue));
  }

  /** Whether a cell holds nothing (a spilled answer counts as something). */
  isEmpty(sheet: number, ref: CellRef): boolean {
    return this.hf.isCellEmpty({ sheet, ...ref });
  }
}

function toCellValue(value: HfCellValue): CellValue {
  if (value instanceof DetailedCellError) return value.value;
  if (value === undefined) return null;
  return value;
}

const origin = (): RangeRef => ({ top: 0, left: 0, bottom: 0, right: 0 });
/** A block of this size with its top-left corner at the range's. */
const at = (range: RangeRef, block: { readonly height: number; readonly width: number }): RangeRef => ({
  top: range.top,
  left: range.left,
  bottom: range.top + block.height - 1,
  right: range.left + block.width - 1,
});
const single = (ref: CellRef): RangeRef => ({ top: ref.row, left: ref.col, bottom: ref.row, right: ref.col });
const normalizeNewlines = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\n$/, '');
