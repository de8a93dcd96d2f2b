/**
 * The spreadsheet grid: selection with mouse and keyboard, editing, the
 * clipboard, formats, rows, columns and sheets. It shows what the Workbook
 * computes and asks the Workbook for every change; the parts live beside it:
 * table.ts draws, editor.ts edits, autocomplete.ts helps with formulas,
 * keyboard.ts and navigation.ts read keys and moves, clipboard.ts,
 * toolbar.ts, context-menu.ts (with cell-menu.ts) and sheet-tabs.ts do what
 * their names say.
 */
import { HyperFormula } from 'hyperformula';
import { type CellRef, type RangeRef, cellName, normalize, rangeName, sheetRangeName } from '../../core/a1';
import { formatNumber as formatForLocale, text } from '../../ui/messages';
import { type Place, type Workbook, WorkbookError } from '../workbook';
import { Autocomplete } from './autocomplete';
import { cellMenuItems } from './cell-menu';
import { bindClipboard, type ClipboardHost } from './clipboard';
import { ContextMenu } from './context-menu';
import { CellEditor } from './editor';
import { type GridCommand, gridCommand } from './keyboard';
import { type Bounds, clamp, jump, step } from './navigation';
import { SheetTabs } from './sheet-tabs';
import { GridTable } from './table';
import { TOOLBAR_FORMATS, Toolbar, type ToolbarAction } from './toolbar';

export interface GridElements {
  /** Scrolling container the table goes in. */
  readonly viewport: HTMLElement;
  readonly nameBox: HTMLInputElement;
  readonly formulaInput: HTMLInputElement;
  /** Under the formula bar: what an error means, where a spilled value comes from, a number's full value. */
  readonly cellNote: HTMLElement;
  /** Where the sheet tabs and the add-sheet button go. */
  readonly tabs: HTMLElement;
  readonly status: HTMLElement;
  /** Where the toolbar goes. */
  readonly toolbar: HTMLElement;
  /** Where pop-ups (suggestions, menus) go. */
  readonly overlays: HTMLElement;
}

export class Grid {
  sheet: number;
  private anchor: CellRef = { row: 0, col: 0 };
  private focus: CellRef = { row: 0, col: 0 };
  private readonly table: GridTable;
  private readonly editor: CellEditor;
  private readonly suggestions: Autocomplete;
  private readonly menu: ContextMenu;
  private readonly tabs: SheetTabs;
  private readonly toolbar: Toolbar;
  private dragging: 'cells' | 'rows' | 'columns' | 'reference' | null = null;
  private pointAnchor?: CellRef;
  private pointed?: RangeRef;
  private message = '';
  /** The sheet of the cell being edited: a formula can point at cells on other sheets while it is written. */
  private editSheet?: number;

  constructor(
    private readonly workbook: Workbook,
    private readonly ui: GridElements,
  ) {
    this.sheet = workbook.sheetId(workbook.sheetNames()[0]);
    this.table = new GridTable(workbook, ui.viewport, { resizeColumn: (col, width) => this.attempt(() => workbook.setColumnWidth(this.sheet, col, width)) });
    this.table.onDrawn = () => this.table.mark(this.selection, this.focus, this.pointed);
    const registered = new Set(HyperFormula.getRegisteredFunctionNames('enGB'));
    this.suggestions = new Autocomplete(ui.overlays, registered);
    this.menu = new ContextMenu(ui.overlays);
    this.editor = new CellEditor(ui.viewport, ui.formulaInput, {
      commit: (ref, value) => this.attempt(() => workbook.setCell(this.editSheet ?? this.sheet, ref, value)),
      cancelled: () => {
        this.suggestions.close();
        this.showSelection();
        this.ui.viewport.focus({ preventScroll: true });
      },
      moveAfter: (direction) => {
        this.suggestions.close();
        this.ui.viewport.focus({ preventScroll: true });
        this.select(step(this.focus, direction, this.bounds()));
      },
      undoWorkbook: () => this.undo(),
      changed: (input) => this.suggestions.update(input),
      suggestionKey: (event) => this.suggestions.handleKey(event),
      pointed: (range) => {
        this.pointed = range;
        this.table.mark(this.selection, this.focus, range);
      },
      referenceName: (range) => sheetRangeName(range, this.sheet === this.editSheet ? undefined : workbook.sheetName(this.sheet)),
      ended: (ref) => this.endEdit(ref),
      box: (ref) => this.table.box(ref),
      step: (from, direction) => step(from, direction, this.bounds()),
    });
    this.toolbar = new Toolbar((action) => this.runTool(action));
    ui.toolbar.replaceChildren(this.toolbar.element);
    this.tabs = new SheetTabs(ui.tabs, workbook, {
      currentSheet: () => this.sheet,
      showSheet: (sheet) => (this.pointing() ? this.pointOnSheet(sheet) : this.showSheet(sheet)),
      pointing: () => this.pointing(),
      attempt: (change) => this.attempt(change),
      menu: (items, x, y) => this.menu.show(items, x, y),
    });
    bindClipboard(this.clipboardHost());
    this.bindMouse();
    this.bindKeys();
    workbook.onChange(() => this.refresh());
    this.tabs.render();
    this.table.build(this.sheet, this.focus);
    this.showSelection();
  }

  /** The selected range. */
  get selection(): RangeRef {
    return normalize(this.anchor, this.focus);
  }

  private bounds(): Bounds {
    const { maxRows, maxColumns } = this.workbook.hf.getConfig();
    return { maxRows, maxColumns };
  }

  showSheet(sheet: number, range?: RangeRef): void {
    this.editor.commit();
    this.suggestions.close();
    const changed = sheet !== this.sheet;
    this.sheet = sheet;
    this.anchor = range ? { row: range.top, col: range.left } : { row: 0, col: 0 };
    this.focus = range ? { row: range.bottom, col: range.right } : { row: 0, col: 0 };
    this.tabs.render();
    this.table.build(sheet, this.focus);
    if (changed || !range) this.ui.viewport.scrollTo(0, 0);
    this.table.reveal(this.focus);
    this.showSelection();
  }

  /** Runs a workbook change; a refusal is shown in the status line instead of thrown. */
  attempt(change: () => void): boolean {
    try {
      change();
      return true;
    } catch (error) {
      this.status(error instanceof WorkbookError || error instanceof Error ? error.message : String(error));
      return false;
    }
  }

  private status(message: string): void {
    this.message = message;
    this.ui.status.textContent = message;
  }

  // ---- drawing -------------------------------------------------------------

  /** Redraws values after a change, growing the table when answers spill past it. */
  refresh(): void {
    if (this.workbook.hf.getSheetName(this.sheet) === undefined) {
      this.sheet = this.workbook.sheetId(this.workbook.sheetNames()[0]);
      this.anchor = this.focus = { row: 0, col: 0 };
      this.table.build(this.sheet, this.focus);
    } else if (!this.table.grow(this.focus)) {
      const frozen = this.workbook.layout(this.sheet).frozenRows;
      const widths = this.workbook.layout(this.sheet).columnWidths;
      if (frozen !== this.table.frozenRows || widths !== this.lastWidths) {
        const { scrollLeft, scrollTop } = this.ui.viewport;
        this.table.build(this.sheet, this.focus);
        this.ui.viewport.scrollTo(scrollLeft, scrollTop);
      } else {
        this.table.repaint();
      }
    }
    this.lastWidths = this.workbook.layout(this.sheet).columnWidths;
    this.tabs.render();
    this.showSelection();
  }

  private lastWidths?: readonly number[];

  private showSelection(): void {
    const range = this.selection;
    this.table.mark(range, this.focus, this.pointed);
    const single = range.top === range.bottom && range.left === range.right;
    this.ui.nameBox.value = single ? cellName(this.focus) : rangeName(this.clipToSheet(range));
    if (!this.editor.active) {
      const bar = this.workbook.barText(this.sheet, this.focus);
      this.ui.formulaInput.value = bar.text;
      this.ui.formulaInput.classList.toggle('is-spilled', bar.spilled);
    }
    this.showNote();
    this.showSummary();
    this.toolbar.update(this.workbook.canUndo(), this.workbook.canRedo());
  }

  /** What the selected cell needs said: an error's explanation, where a spilled value comes from, a cut number in full. */
  private showNote(): void {
    const view = this.workbook.view(this.sheet, this.focus);
    let note = '';
    let kind = '';
    if (view.kind === 'error' && view.message) {
      note = `${view.text} ${view.message}`;
      kind = 'error';
    } else if (view.array === 'spill') {
      const { anchor } = this.workbook.barText(this.sheet, this.focus);
      if (anchor) note = text('playground.status.spilled', { cell: cellName(anchor) });
    } else if (this.table.cell(this.focus)?.classList.contains('is-cut')) {
      note = text('playground.status.fullValue', { cell: cellName(this.focus), value: this.workbook.fullValue(this.sheet, this.focus) });
    }
    this.ui.cellNote.textContent = note;
    this.ui.cellNote.title = note;
    this.ui.cellNote.dataset.kind = kind;
  }

  /** Count and sum of the selected numbers, like a spreadsheet's status bar. */
  private showSummary(): void {
    const range = this.clipToSheet(this.selection);
    if (range.top === range.bottom && range.left === range.right) {
      this.ui.status.textContent = this.message;
      return;
    }
    let count = 0;
    let sum = 0;
    for (const row of this.workbook.values(this.sheet, range)) {
      for (const cell of row) {
        if (typeof cell === 'number') {
          count++;
          sum += cell;
        }
      }
    }
    this.ui.status.textContent =
      count > 0 ? text('playground.summary', { count, sum: formatForLocale(Number(sum.toPrecision(12))) }) : this.message;
  }

  /** The part of a range inside the sheet's data (a whole column holds 200,000 rows, most empty). */
  private clipToSheet(range: RangeRef): RangeRef {
    const extent = this.workbook.extent(this.sheet);
    return {
      top: range.top,
      left: range.left,
      bottom: Math.max(range.top, Math.min(range.bottom, extent.rows - 1)),
      right: Math.max(range.left, Math.min(range.right, extent.cols - 1)),
    };
  }

  // ---- selection -----------------------------------------------------------

  select(focus: CellRef, extend = false): void {
    const bounded = clamp(focus, this.bounds());
    this.message = '';
    this.focus = bounded;
    if (!extend) this.anchor = bounded;
    this.table.grow(bounded);
    this.table.reveal(bounded);
    this.showSelection();
  }

  private selectRange(anchor: CellRef, focus: CellRef): void {
    this.anchor = anchor;
    this.focus = focus;
    this.table.reveal({ row: Math.min(focus.row, this.table.size.rows - 1), col: Math.min(focus.col, this.table.size.cols - 1) });
    this.showSelection();
  }

  /** Whole columns; the active cell is at the top of the last one clicked. */
  private selectColumns(from: number, to: number): void {
    this.anchor = { row: this.bounds().maxRows - 1, col: from };
    this.focus = { row: 0, col: to };
    this.showSelection();
  }

  private selectRows(from: number, to: number): void {
    const { maxColumns } = this.bounds();
    this.anchor = { row: from, col: maxColumns - 1 };
    this.focus = { row: to, col: 0 };
    this.showSelection();
  }

  private isFilled = (ref: CellRef) => !this.workbook.isEmpty(this.sheet, ref);

  private run(command: GridCommand): void {
    const bounds = this.bounds();
    const extent = this.workbook.extent(this.sheet);
    switch (command.type) {
      case 'move': {
        const target = command.jump ? jump(this.focus, command.direction, this.isFilled, extent, bounds) : step(this.focus, command.direction, bounds);
        this.select(target, command.extend);
        return;
      }
      case 'rowStart':
        this.select({ row: this.focus.row, col: 0 }, command.extend);
        return;
      case 'rowEnd':
        this.select({ row: this.focus.row, col: Math.max(0, extent.cols - 1) }, command.extend);
        return;
      case 'sheetStart':
        this.select({ row: 0, col: 0 }, command.extend);
        return;
      case 'sheetEnd':
        this.select({ row: Math.max(0, extent.rows - 1), col: Math.max(0, extent.cols - 1) }, command.extend);
        return;
      case 'page': {
        const rows = this.table.pageRows();
        this.ui.viewport.scrollTop += (command.direction === 'down' ? 1 : -1) * rows * 25;
        this.select(step(this.focus, command.direction, bounds, rows), command.extend);
        return;
      }
      case 'next':
        this.select(step(this.focus, command.direction, bounds));
        return;
      case 'edit':
        this.startEdit();
        return;
      case 'clear':
        this.attempt(() => this.workbook.clear(this.sheet, this.selection));
        return;
      case 'undo':
        this.undo();
        return;
      case 'redo':
        this.redo();
        return;
      case 'selectAll':
        this.selectRange({ row: 0, col: 0 }, { row: Math.max(0, extent.rows - 1), col: Math.max(0, extent.cols - 1) });
        return;
      case 'menu': {
        const box = this.table.cell(this.focus)?.getBoundingClientRect();
        this.openCellMenu(box ? box.left + box.width / 2 : 100, box ? box.bottom : 100);
        return;
      }
      case 'type':
        this.startEdit(command.text);
        return;
    }
  }

  undo(): void {
    const place = this.workbook.undo();
    if (place) this.goTo(place);
    else this.status(text('playground.status.nothingToUndo'));
  }

  redo(): void {
    const place = this.workbook.redo();
    if (place) this.goTo(place);
    else this.status(text('playground.status.nothingToRedo'));
  }

  /** Shows where an undone or redone change was. */
  private goTo(place: Place): void {
    if (place.sheet !== this.sheet || this.workbook.hf.getSheetName(this.sheet) === undefined) {
      this.showSheet(place.sheet, place.range);
      return;
    }
    this.selectRange({ row: place.range.top, col: place.range.left }, { row: place.range.bottom, col: place.range.right });
  }

  // ---- editing ---------------------------------------------------------------

  private startEdit(initial?: string): void {
    this.anchor = this.focus;
    this.table.reveal(this.focus);
    this.showSelection();
    this.editor.start(this.focus, this.workbook.inputText(this.sheet, this.focus), { initial, where: 'cell' });
    this.editSheet = this.sheet;
  }

  /** Whether a formula is being written where a reference fits. */
  private pointing(): boolean {
    return this.editor.active && this.editor.canPoint;
  }

  /** Shows another sheet while a formula is written, to point at its cells; the edit stays open. */
  private pointOnSheet(sheet: number): void {
    if (sheet === this.sheet) return;
    this.sheet = sheet;
    this.tabs.render();
    this.table.build(sheet, this.focus);
    this.ui.viewport.scrollTo(0, 0);
    this.showSelection();
  }

  /** An edit is over: the grid goes back to the edited cell's sheet if a formula pointed elsewhere. */
  private endEdit(ref: CellRef): void {
    const home = this.editSheet;
    this.editSheet = undefined;
    if (home !== undefined && home !== this.sheet && this.workbook.hf.getSheetName(home) !== undefined) {
      this.showSheet(home, { top: ref.row, left: ref.col, bottom: ref.row, right: ref.col });
    }
  }

  // ---- the clipboard ---------------------------------------------------------

  private clipboardHost(): ClipboardHost {
    return {
      owns: () => document.activeElement === this.ui.viewport && !this.editor.active,
      copyRange: () => this.clipToSheet(this.selection),
      copy: (range, cut) => this.workbook.copy(this.sheet, range, cut).cells,
      paste: (data) => {
        let target: RangeRef | undefined;
        if (this.attempt(() => (target = this.workbook.paste(this.sheet, this.selection, data))) && target) {
          this.selectRange({ row: target.top, col: target.left }, { row: target.bottom, col: target.right });
        }
      },
      status: (message) => this.status(message),
    };
  }

  // ---- formats ---------------------------------------------------------------

  private runTool(action: ToolbarAction): void {
    if (action === 'undo') return this.undo();
    if (action === 'redo') return this.redo();
    this.editor.commit();
    const range = this.selection;
    if (action === 'moreDecimals' || action === 'fewerDecimals') {
      this.attempt(() => this.workbook.changeDecimals(this.sheet, range, this.focus, action === 'moreDecimals' ? 1 : -1));
    } else {
      this.attempt(() => this.workbook.setFormat(this.sheet, range, TOOLBAR_FORMATS[action]));
    }
  }

  // ---- the context menu ------------------------------------------------------

  private openCellMenu(x: number, y: number): void {
    const context = { workbook: this.workbook, sheet: this.sheet, selection: this.selection, clipboard: this.clipboardHost() };
    this.menu.show(cellMenuItems({ ...context, attempt: (change) => this.attempt(change) }), x, y);
  }

  // ---- events ----------------------------------------------------------------

  /** The cell under the pointer. */
  private cellAt(event: MouseEvent): CellRef | undefined {
    let td = (event.target as HTMLElement | null)?.closest?.('td[data-row]') as HTMLElement | null;
    if (!td) return undefined;
    // Text running over into the empty cells to its right is drawn above them, so it takes the
    // click: the cell under the pointer is the one whose box holds the pointer.
    while (event.clientX >= td.getBoundingClientRect().right) {
      const next = td.nextElementSibling as HTMLElement | null;
      if (!next?.matches('td[data-row]')) break;
      td = next;
    }
    return { row: Number(td.dataset.row), col: Number(td.dataset.col) };
  }

  private headerAt(target: EventTarget | null): { row?: number; col?: number } | undefined {
    const th = (target as HTMLElement | null)?.closest?.('th.pg-col-header, th.pg-row-header') as HTMLElement | null;
    if (!th) return undefined;
    return th.dataset.col !== undefined ? { col: Number(th.dataset.col) } : { row: Number(th.dataset.row) };
  }

  private bindMouse(): void {
    const { viewport } = this.ui;
    viewport.addEventListener('mousedown', (event) => {
      if (event.button !== 0 || (event.target as HTMLElement).closest('.pg-cell-editor, .pg-col-resize')) return;
      const ref = this.cellAt(event);
      // Writing a formula: a click (or drag) on a cell writes its reference.
      if (ref && this.editor.active && this.editor.canPoint) {
        event.preventDefault();
        this.editor.keepOpen = true;
        this.editor.pointAt(ref);
        this.editor.keepOpen = false;
        this.pointAnchor = ref;
        this.dragging = 'reference';
        return;
      }
      const header = this.headerAt(event.target);
      if (!ref && !header) return;
      event.preventDefault();
      this.editor.commit();
      this.suggestions.close();
      viewport.focus({ preventScroll: true });
      if (header?.col !== undefined) {
        this.selectColumns(event.shiftKey ? this.anchor.col : header.col, header.col);
        this.dragging = 'columns';
        return;
      }
      if (header?.row !== undefined) {
        const from = event.shiftKey ? this.anchor.row : header.row;
        this.selectRows(from, header.row);
        this.dragging = 'rows';
        return;
      }
      if (ref) {
        this.select(ref, event.shiftKey);
        this.dragging = 'cells';
      }
    });
    viewport.addEventListener('mouseover', (event) => {
      if (this.dragging === 'reference' && this.pointAnchor) {
        const ref = this.cellAt(event);
        if (ref) this.editor.pointAt(this.pointAnchor, ref);
      } else if (this.dragging) {
        if ((event.buttons & 1) === 0) {
          this.dragging = null;
          return;
        }
        const ref = this.cellAt(event);
        const header = this.headerAt(event.target);
        if (this.dragging === 'cells' && ref) {
          this.focus = ref;
          this.showSelection();
        } else if (this.dragging === 'columns' && header?.col !== undefined) {
          this.selectColumns(this.anchor.col, header.col);
        } else if (this.dragging === 'rows' && header?.row !== undefined) {
          this.selectRows(this.anchor.row, header.row);
        }
      }
    });
    window.addEventListener('mouseup', () => {
      this.dragging = null;
    });
    viewport.addEventListener('dblclick', (event) => {
      const ref = this.cellAt(event);
      if (!ref || this.editor.active) return;
      this.select(ref);
      this.startEdit();
    });
    viewport.addEventListener('contextmenu', (event) => {
      const ref = this.cellAt(event);
      const header = this.headerAt(event.target);
      if (!ref && !header) return;
      event.preventDefault();
      this.editor.commit();
      const range = this.selection;
      if (ref && !(ref.row >= range.top && ref.row <= range.bottom && ref.col >= range.left && ref.col <= range.right)) this.select(ref);
      if (header?.col !== undefined && !(header.col >= range.left && header.col <= range.right && range.bottom - range.top + 1 === this.bounds().maxRows)) {
        this.selectColumns(header.col, header.col);
      }
      if (header?.row !== undefined && !(header.row >= range.top && header.row <= range.bottom && range.right - range.left + 1 === this.bounds().maxColumns)) {
        this.selectRows(header.row, header.row);
      }
      this.openCellMenu(event.clientX, event.clientY);
    });
  }

  private bindKeys(): void {
    const { viewport, formulaInput } = this.ui;
    viewport.addEventListener('keydown', (event) => {
      if (event.target !== viewport) return;
      const command = gridCommand(event);
      if (!command) return;
      event.preventDefault();
      this.run(command);
    });
    // Undo and redo work wherever the focus is (a sidebar button, the page), except in a field of text.
    document.addEventListener('keydown', (event) => {
      const target = event.target as HTMLElement | null;
      if (event.defaultPrevented || !target || viewport.contains(target) || target === formulaInput) return;
      if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
      const command = gridCommand(event);
      if (command?.type !== 'undo' && command?.type !== 'redo') return;
      event.preventDefault();
      this.run(command);
    });
    formulaInput.addEventListener('focus', () => {
      if (this.editor.where === 'bar') return;
      if (this.editor.active) this.editor.commit();
      const bar = this.workbook.barText(this.sheet, this.focus);
      if (bar.spilled) {
        // A spilled value is edited in its formula's cell.
        formulaInput.blur();
        return;
      }
      this.editor.start(this.focus, this.workbook.inputText(this.sheet, this.focus), { where: 'bar' });
      this.editSheet = this.sheet;
    });
  }
}
