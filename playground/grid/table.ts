/**
 * The grid's table on screen: column letters, row numbers, frozen rows and
 * the cells, drawn only for the rows in view (and some either side), so a
 * sheet of 100,000 rows scrolls as lightly as one of 50. It paints what the
 * workbook says each cell shows, marks the selection, and lets a column border
 * be dragged to resize.
 */
import { type CellRef, type RangeRef, cellName, columnName } from '../../core/a1';
import { text } from '../../ui/messages';
import { DEFAULT_COLUMN_WIDTH, MIN_COLUMN_WIDTH } from '../layout';
import type { CellView, Workbook } from '../workbook';

export const ROW_HEIGHT = 25;
export const ROW_HEADER_WIDTH = 48;
/** Rows drawn above and below the ones in view. */
const OVERSCAN = 30;
const SPARE_ROWS = 30;
const SPARE_COLS = 4;
const MIN_ROWS = 50;
const MIN_COLS = 12;
const CELL_PADDING = 12;

export interface TableEvents {
  /** A column border was dragged to a new width. */
  resizeColumn(col: number, width: number): void;
}

export class GridTable {
  private sheet = 0;
  private colElements: HTMLTableColElement[] = [];
  private colHeaders: HTMLElement[] = [];
  private headerRows = new Map<number, HTMLElement>();
  private rows = new Map<number, HTMLTableCellElement[]>();
  private body?: HTMLTableSectionElement;
  private topSpacer?: HTMLTableRowElement;
  private bottomSpacer?: HTMLTableRowElement;
  /** Rows and columns the table has room for; rows are drawn only where in view. */
  size = { rows: 0, cols: 0 };
  private window = { first: 0, last: -1 };
  private marked: Element[] = [];
  private measure?: CanvasRenderingContext2D | null;
  private fonts?: { regular: string; bold: string };

  constructor(
    private readonly workbook: Workbook,
    readonly viewport: HTMLElement,
    private readonly events: TableEvents,
  ) {
    viewport.addEventListener('scroll', () => this.onScroll(), { passive: true });
    // A taller view (a turned phone, a folded sidebar, a resized window) needs more rows drawn.
    if (typeof ResizeObserver !== 'undefined') new ResizeObserver(() => this.onScroll()).observe(viewport);
  }

  get frozenRows(): number {
    return Math.min(this.workbook.layout(this.sheet).frozenRows, this.size.rows);
  }

  columnWidth(col: number): number {
    return this.workbook.layout(this.sheet).columnWidths[col] ?? DEFAULT_COLUMN_WIDTH;
  }

  /** The rows and columns worth having: the data, some spare, and the active cell. */
  private needed(focus: CellRef): { rows: number; cols: number } {
    const extent = this.workbook.extent(this.sheet);
    const widths = this.workbook.layout(this.sheet).columnWidths.length;
    const { maxRows, maxColumns } = this.workbook.hf.getConfig();
    const step = (n: number, by: number) => Math.ceil(n / by) * by;
    return {
      rows: Math.min(maxRows, step(Math.max(MIN_ROWS, extent.rows + SPARE_ROWS, focus.row + SPARE_ROWS), 50)),
      cols: Math.min(maxColumns, step(Math.max(MIN_COLS, extent.cols + SPARE_COLS, widths + 1, focus.col + SPARE_COLS), 4)),
    };
  }

  /** Builds the table for a sheet. */
  build(sheet: number, focus: CellRef): void {
    this.sheet = sheet;
    this.size = this.needed(focus);
    const { cols } = this.size;
    const table = document.createElement('table');
    table.className = 'pg-grid';
    table.setAttribute('role', 'grid');
    table.setAttribute('aria-label', text('playground.sheet', { name: this.workbook.sheetName(sheet) }));
    table.dataset.sheet = this.workbook.sheetName(sheet);

    const colgroup = document.createElement('colgroup');
    const corner = document.createElement('col');
    corner.style.width = `${ROW_HEADER_WIDTH}px`;
    colgroup.append(corner);
    this.colElements = [];
    for (let c = 0; c < cols; c++) {
      const col = document.createElement('col');
      col.style.width = `${this.columnWidth(c)}px`;
      colgroup.append(col);
      this.colElements.push(col);
    }
    table.append(colgroup);
    this.setTableWidth(table);

    const thead = document.createElement('thead');
    const headRow = document.createElement('tr');
    headRow.className = 'pg-header-row';
    const cornerCell = document.createElement('th');
    cornerCell.className = 'pg-corner';
    headRow.append(cornerCell);
    this.colHeaders = [];
    for (let c = 0; c < cols; c++) {
      const th = document.createElement('th');
      th.className = 'pg-col-header';
      th.scope = 'col';
      th.dataset.col = String(c);
      th.textContent = columnName(c);
      const handle = document.createElement('span');
      handle.className = 'pg-col-resize';
      handle.dataset.col = String(c);
      handle.setAttribute('aria-hidden', 'true');
      th.append(handle);
      headRow.append(th);
      this.colHeaders.push(th);
    }
    thead.append(headRow);
    table.append(thead);

    const tbody = document.createElement('tbody');
    this.topSpacer = spacerRow(cols + 1);
    this.bottomSpacer = spacerRow(cols + 1);
    tbody.append(this.topSpacer, this.bottomSpacer);
    table.append(tbody);
    this.body = tbody;

    this.rows = new Map();
    this.headerRows = new Map();
    this.window = { first: 0, last: -1 };
    this.marked = [];
    // Only the table is replaced: an open cell editor beside it keeps its place (and the focus).
    const old = this.viewport.querySelector(':scope > table.pg-grid');
    if (old) old.replaceWith(table);
    else this.viewport.prepend(table);
    for (let r = 0; r < this.frozenRows; r++) {
      const tr = this.rowElement(r);
      tr.classList.add('is-frozen');
      thead.append(tr);
    }
    this.bindResize(headRow);
    this.drawWindow(true);
  }

  private setTableWidth(table: HTMLTableElement): void {
    let total = ROW_HEADER_WIDTH;
    for (let c = 0; c < this.size.cols; c++) total += this.columnWidth(c);
    table.style.width = `${total}px`;
  }

  /** Grows the table when the data or the active cell has gone past it; true if it was rebuilt. */
  grow(focus: CellRef): boolean {
    const needed = this.needed(focus);
    if (needed.rows <= this.size.rows && needed.cols <= this.size.cols) return false;
    const { scrollLeft, scrollTop } = this.viewport;
    this.build(this.sheet, focus);
    this.viewport.scrollTo(scrollLeft, scrollTop);
    this.drawWindow(true);
    return true;
  }

  private rowElement(r: number): HTMLTableRowElement {
    const tr = document.createElement('tr');
    tr.dataset.row = String(r);
    const th = document.createElement('th');
    th.className = 'pg-row-header';
    th.scope = 'row';
    th.dataset.row = String(r);
    th.textContent = String(r + 1);
    tr.append(th);
    const cells: HTMLTableCellElement[] = [];
    for (let c = 0; c < this.size.cols; c++) {
      const td = document.createElement('td');
      td.dataset.ref = cellName({ row: r, col: c });
      td.dataset.row = String(r);
      td.dataset.col = String(c);
      tr.append(td);
      cells.push(td);
    }
    this.rows.set(r, cells);
    this.headerRows.set(r, th);
    this.paintRow(r);
    return tr;
  }

  /** The rows in view, plus OVERSCAN either side. */
  private wantedWindow(): { first: number; last: number } {
    const frozen = this.frozenRows;
    const top = Math.floor(this.viewport.scrollTop / ROW_HEIGHT) + frozen;
    const visible = Math.ceil(this.viewport.clientHeight / ROW_HEIGHT) + 1;
    return {
      first: Math.max(frozen, top - OVERSCAN),
      last: Math.min(this.size.rows - 1, top + visible + OVERSCAN),
    };
  }

  private onScroll(): void {
    const wanted = this.wantedWindow();
    // The drawn rows reach OVERSCAN past the view: drawn again once the view has moved half of that.
    const drift = Math.max(Math.abs(wanted.first - this.window.first), Math.abs(wanted.last - this.window.last));
    if (drift > OVERSCAN / 2) this.drawWindow(false);
  }

  /** Draws the rows of the current window (all of them again with `repaint`). */
  drawWindow(repaint: boolean): void {
    if (!this.body || !this.topSpacer || !this.bottomSpacer) return;
    const wanted = this.wantedWindow();
    const frozen = this.frozenRows;
    for (const [r, cells] of this.rows) {
      if (r >= frozen && (r < wanted.first || r > wanted.last)) {
        cells[0]?.parentElement?.remove();
        this.rows.delete(r);
        this.headerRows.delete(r);
      }
    }
    let before: Element = this.bottomSpacer;
    for (let r = wanted.last; r >= wanted.first; r--) {
      const existing = this.rows.get(r);
      if (existing) {
        if (repaint) this.paintRow(r);
        before = existing[0].parentElement ?? before;
        continue;
      }
      const tr = this.rowElement(r);
      this.body.insertBefore(tr, before);
      before = tr;
    }
    if (repaint) for (let r = 0; r < frozen; r++) this.paintRow(r);
    this.topSpacer.style.height = `${(wanted.first - frozen) * ROW_HEIGHT}px`;
    this.bottomSpacer.style.height = `${Math.max(0, this.size.rows - 1 - wanted.last) * ROW_HEIGHT}px`;
    this.window = wanted;
    this.onDrawn?.();
  }

  /** Called after rows are drawn, so the selection can be marked on them. */
  onDrawn?: () => void;

  /** Paints every drawn cell again from the workbook. */
  repaint(): void {
    for (const r of this.rows.keys()) this.paintRow(r);
  }

  cell(ref: CellRef): HTMLTableCellElement | undefined {
    return this.rows.get(ref.row)?.[ref.col];
  }

  private paintRow(r: number): void {
    const cells = this.rows.get(r);
    if (!cells) return;
    const views: CellView[] = [];
    for (let c = 0; c < cells.length; c++) views.push(this.workbook.view(this.sheet, { row: r, col: c }));
    // Text runs on over empty cells to its right, as in any spreadsheet, hiding the grid lines it crosses.
    const overflowing = new Set<number>();
    const joined = new Set<number>();
    for (let c = 0; c < views.length; c++) {
      if (views[c].kind !== 'text' || views[c + 1]?.kind !== 'empty') continue;
      overflowing.add(c);
      let excess = this.textWidth(views[c].text, !!views[c].bold) - (this.columnWidth(c) - CELL_PADDING);
      for (let k = c; excess > 0 && views[k + 1]?.kind === 'empty'; k++) {
        joined.add(k);
        excess -= this.columnWidth(k + 1);
      }
    }
    for (let c = 0; c < cells.length; c++) this.paint(cells[c], views[c], c, overflowing.has(c), joined.has(c));
  }

  private paint(td: HTMLTableCellElement, view: CellView, col: number, overflow: boolean, joined: boolean): void {
    let shown = view.text;
    // A number too wide for its column shows ### (as Sheets and Excel do), never a cut-off number.
    const cut = view.kind === 'number' && this.textWidth(shown, !!view.bold) > this.columnWidth(col) - CELL_PADDING;
    if (cut) shown = '#'.repeat(Math.max(1, Math.floor((this.columnWidth(col) - CELL_PADDING) / this.textWidth('#', !!view.bold))));
    if (td.textContent !== shown) td.textContent = shown;
    const classes = ['pg-cell', `is-${view.kind}`];
    if (view.bold) classes.push('is-bold');
    if (view.array) classes.push(`is-${view.array}`);
    if (overflow) classes.push('is-overflow');
    if (joined) classes.push('is-joined');
    if (cut) classes.push('is-cut');
    const className = classes.join(' ');
    if (td.className !== className) td.className = className;
    const title = view.kind === 'error' && view.message ? `${view.text} ${view.message}` : cut ? view.text : '';
    if (title) td.title = title;
    else if (td.title) td.removeAttribute('title');
  }

  /** How wide `text` draws in a cell, in pixels. */
  private textWidth(value: string, bold: boolean): number {
    if (this.measure === undefined) this.measure = document.createElement('canvas').getContext('2d');
    if (!this.measure) return value.length * 7;
    if (!this.fonts) {
      const style = getComputedStyle(this.viewport);
      const family = style.fontFamily || 'sans-serif';
      this.fonts = { regular: `400 13px ${family}`, bold: `650 13px ${family}` };
    }
    this.measure.font = bold ? this.fonts.bold : this.fonts.regular;
    return this.measure.measureText(value).width;
  }

  /** Marks the selected range, its headers and the active cell on the drawn rows. */
  mark(range: RangeRef, active: CellRef, extra?: RangeRef): void {
    for (const node of this.marked) node.classList.remove('is-selected', 'is-active', 'is-highlighted', 'is-referenced');
    this.marked = [];
    const single = range.top === range.bottom && range.left === range.right;
    const add = (node: Element | undefined, name: string) => {
      if (!node) return;
      node.classList.add(name);
      this.marked.push(node);
    };
    for (const [r, cells] of this.rows) {
      if (r < range.top || r > range.bottom) continue;
      add(this.headerRows.get(r), 'is-highlighted');
      if (single) continue;
      for (let c = range.left; c <= Math.min(range.right, cells.length - 1); c++) add(cells[c], 'is-selected');
    }
    for (let c = range.left; c <= Math.min(range.right, this.colHeaders.length - 1); c++) add(this.colHeaders[c], 'is-highlighted');
    add(this.cell(active), 'is-active');
    if (extra) {
      for (const [r, cells] of this.rows) {
        if (r < extra.top || r > extra.bottom) continue;
        for (let c = extra.left; c <= Math.min(extra.right, cells.length - 1); c++) add(cells[c], 'is-referenced');
      }
    }
  }

  /** Scrolls so that a cell is in view (under the frozen rows), drawing its row. */
  reveal(ref: CellRef): void {
    const { viewport } = this;
    const frozen = this.frozenRows;
    if (ref.row >= frozen) {
      const top = (ref.row - frozen) * ROW_HEIGHT;
      const room = viewport.clientHeight - ROW_HEIGHT * (frozen + 1);
      if (top < viewport.scrollTop) viewport.scrollTop = top;
      else if (top + ROW_HEIGHT > viewport.scrollTop + room) viewport.scrollTop = top + ROW_HEIGHT - room;
    }
    let left = ROW_HEADER_WIDTH;
    for (let c = 0; c < ref.col; c++) left += this.columnWidth(c);
    const width = this.columnWidth(ref.col);
    if (left - ROW_HEADER_WIDTH < viewport.scrollLeft) viewport.scrollLeft = left - ROW_HEADER_WIDTH;
    else if (left + width > viewport.scrollLeft + viewport.clientWidth) viewport.scrollLeft = left + width - viewport.clientWidth;
    this.onScroll();
    if (!this.rows.has(ref.row)) this.drawWindow(false);
  }

  /** How many rows one page (PageDown) moves. */
  pageRows(): number {
    return Math.max(1, Math.floor(this.viewport.clientHeight / ROW_HEIGHT) - this.frozenRows - 2);
  }

  /** A cell's box in the viewport's scrolled content, for the editor drawn over it. */
  box(ref: CellRef): { left: number; top: number; width: number; height: number } | undefined {
    const td = this.cell(ref);
    if (!td) return undefined;
    const cell = td.getBoundingClientRect();
    const view = this.viewport.getBoundingClientRect();
    return {
      left: cell.left - view.left + this.viewport.scrollLeft,
      top: cell.top - view.top + this.viewport.scrollTop,
      width: cell.width,
      height: cell.height,
    };
  }

  /** Column borders can be dragged; the new width is one step of the history. */
  private bindResize(headRow: HTMLElement): void {
    headRow.addEventListener('mousedown', (event) => {
      const handle = (event.target as HTMLElement).closest?.('.pg-col-resize') as HTMLElement | null;
      if (!handle || event.button !== 0) return;
      event.preventDefault();
      event.stopPropagation();
      const col = Number(handle.dataset.col);
      const startX = event.clientX;
      const startWidth = this.columnWidth(col);
      let width = startWidth;
      document.body.classList.add('is-resizing');
      const move = (e: MouseEvent) => {
        width = Math.max(MIN_COLUMN_WIDTH, startWidth + e.clientX - startX);
        this.colElements[col].style.width = `${width}px`;
      };
      const up = () => {
        window.removeEventListener('mousemove', move);
        window.removeEventListener('mouseup', up);
        document.body.classList.remove('is-resizing');
        if (width !== startWidth) this.events.resizeColumn(col, width);
      };
      window.addEventListener('mousemove', move);
      window.addEventListener('mouseup', up);
    });
  }
}

function spacerRow(span: number): HTMLTableRowElement {
  const tr = document.createElement('tr');
  tr.className = 'pg-spacer';
  tr.setAttribute('aria-hidden', 'true');
  const td = document.createElement('td');
  td.colSpan = span;
  tr.append(td);
  return tr;
}
