/**
 * The spreadsheet grid: column letters and row numbers, a formula bar, cell
 * selection with mouse and keyboard, in-cell editing, and sheet tabs. It shows
 * what the Workbook computes; every cell's content goes in as text.
 */
import { type CellRef, type RangeRef, cellName, columnName, normalize, rangeName } from '../core/a1';
import type { CellView, Workbook } from './workbook';

const DEFAULT_WIDTH = 100;
/** Height of the column letters and of each row, as playground.css draws them. */
const FROZEN_ROW_HEIGHT = 24;
const ROW_HEADER_WIDTH = 48;
const SPARE_ROWS = 30;
const SPARE_COLS = 4;
const MIN_ROWS = 50;
const MIN_COLS = 12;

export interface GridElements {
  /** Scrolling container the table goes in. */
  readonly viewport: HTMLElement;
  readonly nameBox: HTMLInputElement;
  readonly formulaInput: HTMLInputElement;
  readonly tabs: HTMLElement;
  readonly status: HTMLElement;
}

export class Grid {
  sheet: number;
  private anchor: CellRef = { row: 0, col: 0 };
  private focus: CellRef = { row: 0, col: 0 };
  private cells: HTMLTableCellElement[][] = [];
  private colHeaders: HTMLElement[] = [];
  private rowHeaders: HTMLElement[] = [];
  private rendered = { rows: 0, cols: 0 };
  private readonly editor: HTMLInputElement;
  private editing: 'cell' | 'bar' | null = null;
  private dragging = false;
  private marked: HTMLElement[] = [];

  constructor(
    private readonly workbook: Workbook,
    private readonly ui: GridElements,
  ) {
    this.sheet = workbook.sheetId(workbook.sheetNames()[0]);
    this.editor = document.createElement('input');
    this.editor.className = 'pg-cell-editor';
    this.editor.setAttribute('aria-label', 'Cell content');
    this.editor.spellcheck = false;
    this.editor.autocomplete = 'off';
    this.editor.hidden = true;
    this.bindEvents();
    workbook.onChange(() => this.refresh());
    this.renderTabs();
    this.render();
  }

  /** The selected range. */
  get selection(): RangeRef {
    return normalize(this.anchor, this.focus);
  }

  showSheet(sheet: number): void {
    this.commitEdit();
    this.sheet = sheet;
    this.anchor = { row: 0, col: 0 };
    this.focus = { row: 0, col: 0 };
    this.renderTabs();
    this.render();
    this.ui.viewport.scrollTo(0, 0);
  }

  private sheetName(): string {
    return this.workbook.hf.getSheetName(this.sheet) ?? '';
  }

  // ---- rendering -------------------------------------------------------

  renderTabs(): void {
    const { tabs } = this.ui;
    tabs.replaceChildren();
    for (const name of this.workbook.sheetNames()) {
      const id = this.workbook.sheetId(name);
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.className = 'pg-tab';
      tab.textContent = name;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-selected', String(id === this.sheet));
      tab.dataset.sheet = name;
      tab.addEventListener('click', () => this.showSheet(id));
      tabs.append(tab);
    }
    tabs.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  private needed(): { rows: number; cols: number } {
    const extent = this.workbook.extent(this.sheet);
    const widths = this.workbook.layout(this.sheet).columnWidths.length;
    const { maxRows, maxColumns } = this.workbook.hf.getConfig();
    // Grown in steps, so moving down a long sheet redraws it now and then, not on every key.
    const step = (n: number, by: number) => Math.ceil(n / by) * by;
    return {
      rows: Math.min(maxRows, step(Math.max(MIN_ROWS, extent.rows + SPARE_ROWS, this.focus.row + SPARE_ROWS), 50)),
      cols: Math.min(maxColumns, step(Math.max(MIN_COLS, extent.cols + SPARE_COLS, widths + 1, this.focus.col + SPARE_COLS), 4)),
    };
  }

  /** Builds the table for the current sheet. */
  render(): void {
    const { rows, cols } = this.needed();
    const layout = this.workbook.layout(this.sheet);
    const table = document.createElement('table');
    table.className = 'pg-grid';
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-label', `Sheet ${this.sheetName()}`);
    table.dataset.sheet = this.sheetName();

    const colgroup = document.createElement('colgroup');
    const corner = document.createElement('col');
    corner.style.width = `${ROW_HEADER_WIDTH}px`;
    colgroup.append(corner);
    let totalWidth = ROW_HEADER_WIDTH;
    for (let c = 0; c < cols; c++) {
      const col = document.createElement('col');
      const width = layout.columnWidths[c] ?? DEFAULT_WIDTH;
      col.style.width = `${width}px`;
      totalWidth += width;
      colgroup.append(col);
    }
    table.style.width = `${totalWidth}px`;
    table.append(colgroup);

    const thead = document.createElement('thead');
    const headRow = document.createElement('tr');
    const cornerCell = document.createElement('th');
    cornerCell.className = 'pg-corner';
    headRow.append(cornerCell);
    this.colHeaders = [];
    for (let c = 0; c < cols; c++) {
      const th = document.createElement('th');
      th.className = 'pg-col-header';
      th.scope = 'col';
      th.textContent = columnName(c);
      headRow.append(th);
      this.colHeaders.push(th);
    }
    thead.append(headRow);
    table.append(thead);

    const tbody = document.createElement('tbody');
    this.cells = [];
    this.rowHeaders = [];
    for (let r = 0; r < rows; r++) {
      const tr = document.createElement('tr');
      // Frozen rows (a data sheet's header) stay under the column letters while the sheet scrolls.
      if (r < layout.frozenRows) {
        tr.className = 'is-frozen';
        tr.style.setProperty('--pg-frozen-top', `${FROZEN_ROW_HEIGHT * (r + 1)}px`);
        if (r === layout.frozenRows - 1) tr.classList.add('is-frozen-last');
      }
      const th = document.createElement('th');
      th.className = 'pg-row-header';
      th.scope = 'row';
      th.textContent = String(r + 1);
      tr.append(th);
      this.rowHeaders.push(th);
      const rowCells: HTMLTableCellElement[] = [];
      for (let c = 0; c < cols; c++) {
        const td = document.createElement('td');
        td.dataset.ref = cellName({ row: r, col: c });
        td.dataset.row = String(r);
        td.dataset.col = String(c);
        tr.append(td);
        rowCells.push(td);
      }
      tbody.append(tr);
      this.cells.push(rowCells);
    }
    table.append(tbody);
    this.rendered = { rows, cols };
    this.marked = [];
    this.ui.viewport.replaceChildren(table, this.editor);
    this.editor.hidden = true;
    this.editing = null;
    this.fill();
    this.showSelection();
  }

  /** Redraws values after a change, growing the table when answers spill past it. */
  refresh(): void {
    // The sheet on screen may be gone (an undo, a replaced workbook): show the first one.
    if (this.workbook.hf.getSheetName(this.sheet) === undefined) this.sheet = this.workbook.sheetId(this.workbook.sheetNames()[0]);
    const { rows, cols } = this.needed();
    if (this.ui.tabs.childElementCount !== this.workbook.sheetNames().length) this.renderTabs();
    if (rows > this.rendered.rows || cols > this.rendered.cols) {
      const scroll = { left: this.ui.viewport.scrollLeft, top: this.ui.viewport.scrollTop };
      this.render();
      this.ui.viewport.scrollTo(scroll.left, scroll.top);
      return;
    }
    this.fill();
    this.showSelection();
  }

  private fill(): void {
    const widths = this.columnWidths();
    for (let r = 0; r < this.rendered.rows; r++) {
      const views: CellView[] = [];
      for (let c = 0; c < this.rendered.cols; c++) views.push(this.workbook.view(this.sheet, { row: r, col: c }));
      // Text runs on over empty cells to its right, as in any spreadsheet, hiding the grid lines it crosses.
      const overflowing = new Set<number>();
      const joined = new Set<number>();
      for (let c = 0; c < views.length; c++) {
        if (views[c].kind !== 'text' || views[c + 1]?.kind !== 'empty') continue;
        overflowing.add(c);
        let excess = this.textWidth(views[c].text, !!views[c].bold) - (widths[c] - 12);
        for (let k = c; excess > 0 && views[k + 1]?.kind === 'empty'; k++) {
          joined.add(k);
          excess -= widths[k + 1];
        }
      }
      for (let c = 0; c < this.rendered.cols; c++) {
        this.paint(this.cells[r][c], views[c], overflowing.has(c), joined.has(c));
      }
    }
  }

  private columnWidths(): number[] {
    const layout = this.workbook.layout(this.sheet);
    return Array.from({ length: this.rendered.cols }, (_, c) => layout.columnWidths[c] ?? DEFAULT_WIDTH);
  }

  private measure?: CanvasRenderingContext2D | null;
  private fonts?: { regular: string; bold: string };

  /** How wide `text` draws in a cell, in pixels. */
  private textWidth(text: string, bold: boolean): number {
    if (this.measure === undefined) this.measure = document.createElement('canvas').getContext('2d');
    if (!this.measure) return text.length * 7;
    if (!this.fonts) {
      const style = getComputedStyle(this.ui.viewport);
      const family = style.fontFamily || 'sans-serif';
      this.fonts = { regular: `400 13px ${family}`, bold: `650 13px ${family}` };
    }
    this.measure.font = bold ? this.fonts.bold : this.fonts.regular;
    return this.measure.measureText(text).width;
  }

  private paint(td: HTMLTableCellElement, view: CellView, overflow: boolean, joined: boolean): void {
    if (td.textContent !== view.text) td.textContent = view.text;
    const classes = ['pg-cell', `is-${view.kind}`];
    if (view.bold) classes.push('is-bold');
    if (view.array) classes.push(`is-${view.array}`);
    if (overflow) classes.push('is-overflow');
    if (joined) classes.push('is-joined');
    const className = classes.join(' ');
    if (td.className !== className) td.className = className;
    if (view.kind === 'error' && view.message) td.title = `${view.text} ${view.message}`;
    else if (td.title) td.removeAttribute('title');
  }

  // ---- selection ---------------------------------------------------------

  private showSelection(): void {
    for (const node of this.marked) node.classList.remove('is-selected', 'is-active', 'is-highlighted');
    this.marked = [];
    const range = this.selection;
    const single = range.top === range.bottom && range.left === range.right;
    for (let r = range.top; r <= Math.min(range.bottom, this.rendered.rows - 1); r++) {
      this.rowHeaders[r].classList.add('is-highlighted');
      this.marked.push(this.rowHeaders[r]);
      for (let c = range.left; c <= Math.min(range.right, this.rendered.cols - 1); c++) {
        const td = this.cells[r][c];
        if (!single) {
          td.classList.add('is-selected');
          this.marked.push(td);
        }
      }
    }
    for (let c = range.left; c <= Math.min(range.right, this.rendered.cols - 1); c++) {
      this.colHeaders[c].classList.add('is-highlighted');
      this.marked.push(this.colHeaders[c]);
    }
    const active = this.cells[this.focus.row]?.[this.focus.col];
    if (active) {
      active.classList.add('is-active');
      this.marked.push(active);
    }
    this.ui.nameBox.value = single ? cellName(this.focus) : rangeName(range);
    if (this.editing !== 'bar') this.ui.formulaInput.value = this.workbook.inputText(this.sheet, this.focus);
    this.showSummary();
  }

  /** Count and sum of the selected numbers, like a spreadsheet's status bar. */
  private showSummary(): void {
    const range = this.selection;
    if (range.top === range.bottom && range.left === range.right) {
      this.ui.status.textContent = '';
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
    this.ui.status.textContent = count > 0 ? `Count ${count} · Sum ${Number(sum.toPrecision(12)).toLocaleString('en-US')}` : '';
  }

  select(focus: CellRef, extend = false): void {
    const { maxRows, maxColumns } = this.workbook.hf.getConfig();
    const bounded = {
      row: Math.max(0, Math.min(focus.row, maxRows - 1)),
      col: Math.max(0, Math.min(focus.col, maxColumns - 1)),
    };
    this.focus = bounded;
    if (!extend) this.anchor = bounded;
    // Moving to the edge of the drawn grid draws more of it.
    const { rows, cols } = this.needed();
    if (rows > this.rendered.rows || cols > this.rendered.cols) this.refresh();
    else this.showSelection();
    this.cells[bounded.row][bounded.col].scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  // ---- editing -----------------------------------------------------------

  private startEdit(initial?: string): void {
    const td = this.cells[this.focus.row][this.focus.col];
    this.anchor = this.focus;
    this.showSelection();
    this.editing = 'cell';
    const editor = this.editor;
    editor.value = initial ?? this.workbook.inputText(this.sheet, this.focus);
    editor.style.left = `${td.offsetLeft}px`;
    editor.style.top = `${td.offsetTop}px`;
    editor.style.minWidth = `${td.offsetWidth}px`;
    editor.style.height = `${td.offsetHeight}px`;
    editor.hidden = false;
    editor.focus();
    editor.setSelectionRange(editor.value.length, editor.value.length);
    this.ui.formulaInput.value = editor.value;
  }

  private commitEdit(): boolean {
    if (!this.editing) return false;
    const text = this.editing === 'cell' ? this.editor.value : this.ui.formulaInput.value;
    this.editing = null;
    this.editor.hidden = true;
    const before = this.workbook.inputText(this.sheet, this.focus);
    if (text !== before) {
      try {
        this.workbook.setCell(this.sheet, this.focus, text);
      } catch (error) {
        this.ui.status.textContent = error instanceof Error ? error.message : String(error);
      }
    }
    return true;
  }

  private cancelEdit(): void {
    this.editing = null;
    this.editor.hidden = true;
    this.ui.formulaInput.value = this.workbook.inputText(this.sheet, this.focus);
    this.ui.viewport.focus({ preventScroll: true });
  }

  private move(rows: number, cols: number, extend = false): void {
    this.select({ row: this.focus.row + rows, col: this.focus.col + cols }, extend);
  }

  // ---- events ------------------------------------------------------------

  private cellAt(target: EventTarget | null): CellRef | undefined {
    const td = (target as HTMLElement | null)?.closest?.('td[data-row]') as HTMLElement | null;
    if (!td) return undefined;
    return { row: Number(td.dataset.row), col: Number(td.dataset.col) };
  }

  private bindEvents(): void {
    const { viewport, formulaInput } = this.ui;

    viewport.addEventListener('mousedown', (event) => {
      const ref = this.cellAt(event.target);
      if (!ref || event.button !== 0 || event.target === this.editor) return;
      event.preventDefault();
      this.commitEdit();
      this.select(ref, event.shiftKey);
      this.dragging = true;
      viewport.focus({ preventScroll: true });
    });
    viewport.addEventListener('mouseover', (event) => {
      if (!this.dragging) return;
      const ref = this.cellAt(event.target);
      if (ref) {
        this.focus = ref;
        this.showSelection();
      }
    });
    window.addEventListener('mouseup', () => {
      this.dragging = false;
    });
    viewport.addEventListener('dblclick', (event) => {
      const ref = this.cellAt(event.target);
      if (!ref) return;
      this.select(ref);
      this.startEdit();
    });

    viewport.addEventListener('keydown', (event) => {
      if (event.target === this.editor) return;
      const { key } = event;
      const moves: Record<string, [number, number]> = {
        ArrowUp: [-1, 0],
        ArrowDown: [1, 0],
        ArrowLeft: [0, -1],
        ArrowRight: [0, 1],
      };
      if (key in moves) {
        event.preventDefault();
        this.move(moves[key][0], moves[key][1], event.shiftKey);
      } else if (key === 'Enter') {
        event.preventDefault();
        this.move(event.shiftKey ? -1 : 1, 0);
      } else if (key === 'Tab') {
        event.preventDefault();
        this.move(0, event.shiftKey ? -1 : 1);
      } else if (key === 'F2') {
        event.preventDefault();
        this.startEdit();
      } else if (key === 'Delete' || key === 'Backspace') {
        event.preventDefault();
        this.workbook.clear(this.sheet, this.selection);
      } else if (key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        this.startEdit(key);
      }
    });

    this.editor.addEventListener('input', () => {
      formulaInput.value = this.editor.value;
    });
    this.editor.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        this.commitEdit();
        viewport.focus({ preventScroll: true });
        if (event.key === 'Enter') this.move(event.shiftKey ? -1 : 1, 0);
        else this.move(0, event.shiftKey ? -1 : 1);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.cancelEdit();
      }
    });
    this.editor.addEventListener('blur', () => {
      if (this.editing === 'cell') this.commitEdit();
    });

    formulaInput.addEventListener('focus', () => {
      if (this.editing === 'cell') this.commitEdit();
      this.editing = 'bar';
    });
    formulaInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') {
        event.preventDefault();
        this.commitEdit();
        viewport.focus({ preventScroll: true });
        this.move(1, 0);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        this.cancelEdit();
      }
    });
    formulaInput.addEventListener('blur', () => {
      if (this.editing === 'bar') this.commitEdit();
    });
  }
}
