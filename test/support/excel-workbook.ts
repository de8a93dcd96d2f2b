/**
 * A fake of the Excel JavaScript API's batching model, enough for the task
 * pane's Host: proxies queue operations, `context.sync()` applies the queue in
 * order. Like Excel, a failing operation aborts the rest of its batch but leaves
 * the operations before it applied, and a write whose array does not match the
 * range's size fails.
 */
import type { ChartLike, ChartSeriesLike, ContextLike, ExcelLike, RangeLike, WorksheetLike } from '../../office-addin/taskpane';

export interface FakeSheet {
  name: string;
  /** Cell contents as written through range.formulas / values, by "row,col" (0-based). */
  cells: Map<string, unknown>;
  numberFormats: Map<string, unknown>;
  /** Column widths in points, by column index. */
  columnWidths: Map<number, number>;
  bold: Set<string>;
  frozenRows: number;
  charts: FakeChart[];
}

/** A worksheet chart as the task pane built it. */
export interface FakeChart {
  type: string;
  /** The range charts.add was given, and how it reads series from it. */
  source: string;
  seriesBy?: string;
  title?: string;
  series: { name?: string; values?: string; xValues?: string }[];
  categoryTitle?: string;
  valueTitle?: string;
  position?: string;
}

export type Op =
  | { kind: 'addSheet'; sheet: string }
  | { kind: 'deleteSheet'; sheet: string }
  | { kind: 'activate'; sheet: string }
  | { kind: 'formulas' | 'values' | 'numberFormat'; sheet: string; address: string; value: unknown[][] }
  | { kind: 'columnWidth'; sheet: string; address: string; value: number }
  | { kind: 'bold'; sheet: string; address: string; value: boolean }
  | { kind: 'freezeRows'; sheet: string; value: number }
  | { kind: 'addChart'; sheet: string; type: string; source: string; seriesBy?: string }
  /** A change to the sheet's chart number `chart` (0-based, in the order added). */
  | { kind: 'chart'; sheet: string; chart: number; change: (chart: FakeChart) => void }
  | { kind: 'load'; what: string };

interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

const MAX_ROWS = 1_048_576;

/** The address a fake range was made for, readable without load (charts take ranges, not addresses). */
const ADDRESS = Symbol('address');
const addressOf = (range: RangeLike): string => (range as unknown as Record<typeof ADDRESS, string>)[ADDRESS];

/** What a formula cell reads as here: the fake computes nothing, and a test that sees this knows text became a formula. */
export const FORMULA_RESULT = '#FORMULA';

function emptySheet(name: string): FakeSheet {
  return { name, cells: new Map(), numberFormats: new Map(), columnWidths: new Map(), bold: new Set(), frozenRows: 0, charts: [] };
}

/**
 * What Excel makes of a string written through range.formulas or values, as
 * typing would: a leading apostrophe marks text (and is not shown); "=", "+",
 * "-" or "@" start a formula; numbers (also with leading zeros, spaces, a
 * percent sign or another script's digits), TRUE/FALSE, ISO dates and error
 * literals are read as what they look like. Anything else stays text.
 */
export function readInput(input: string): unknown {
  if (input.startsWith("'")) return input.slice(1);
  const trimmed = input.normalize('NFKC').trim();
  if (/^[=+\-@]/.test(trimmed)) {
    const number = Number(trimmed);
    return trimmed !== '' && !trimmed.startsWith('=') && !trimmed.startsWith('@') && Number.isFinite(number) ? number : FORMULA_RESULT;
  }
  if (trimmed !== '' && Number.isFinite(Number(trimmed.replace(/%$/, '')))) return Number(trimmed.replace(/%$/, '')) / (trimmed.endsWith('%') ? 100 : 1);
  if (/^(?:true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (date) return Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 86_400_000 + 25_569;
  if (/^#(?:N\/A|DIV\/0!|VALUE!|NUM!|REF!|NAME\?|NULL!)$/i.test(trimmed)) return trimmed.toUpperCase();
  return input;
}

function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function columnIndex(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

export function a1(box: Box): string {
  const start = `${columnLetters(box.col)}${box.row + 1}`;
  const end = `${columnLetters(box.col + box.cols - 1)}${box.row + box.rows}`;
  return box.rows === 1 && box.cols === 1 ? start : `${start}:${end}`;
}

/** "B2:C5", "B2", "A:A" (optionally "Sheet!"-qualified) as a box. */
export function parseA1(address: string): Box {
  const bare = address.includes('!') ? address.slice(address.lastIndexOf('!') + 1) : address;
  const [from, to = from] = bare.replace(/\$/g, '').split(':');
  const cell = /^([A-Z]+)?(\d+)?$/i;
  const a = cell.exec(from);
  const b = cell.exec(to);
  if (!a || !b || !from || !to) throw new Error(`fake Excel: bad address "${address}"`);
  const col0 = a[1] ? columnIndex(a[1]) : 0;
  const col1 = b[1] ? columnIndex(b[1]) : 16_383;
  const row0 = a[2] ? Number(a[2]) - 1 : 0;
  const row1 = b[2] ? Number(b[2]) - 1 : MAX_ROWS - 1;
  return { row: row0, col: col0, rows: row1 - row0 + 1, cols: col1 - col0 + 1 };
}

export interface FakeExcelOptions {
  /** Sheets in tab order, each with cells given row by row from A1. */
  readonly sheets: Record<string, unknown[][]>;
  /** The selected range, e.g. { sheet: 'Sheet1', address: 'A1:B3' }. */
  readonly selection?: { readonly sheet: string; readonly address: string };
}

export class FakeExcel implements ExcelLike {
  readonly sheets: FakeSheet[];
  selection: { sheet: string; address: string };
  /** Every sync's batch of operations, in order, including those that failed. */
  readonly batches: Op[][] = [];
  /** Makes an operation fail when it is applied, like Excel rejecting a bad write. */
  failWhen: (op: Op) => string | undefined = () => undefined;
  runs = 0;
  private queue: Op[] = [];
  private afterSync: (() => void)[] = [];

  constructor(options: FakeExcelOptions) {
    this.sheets = Object.entries(options.sheets).map(([name, rows]) => {
      const sheet = emptySheet(name);
      rows.forEach((row, r) => row.forEach((value, c) => value !== '' && value !== null && sheet.cells.set(`${r},${c}`, value)));
      return sheet;
    });
    this.selection = options.selection ?? { sheet: this.sheets[0].name, address: 'A1' };
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** The values a user sees in a sheet, row by row from A1 over the used area ('' for empty cells). */
  grid(name: string): unknown[][] {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    const used = this.usedBox(sheet);
    if (!used) return [];
    return Array.from({ length: used.row + used.rows }, (_, r) =>
      Array.from({ length: used.col + used.cols }, (_, c) => sheet.cells.get(`${r},${c}`) ?? ''),
    );
  }

  run<T>(batch: (context: ContextLike) => Promise<T>): Promise<T> {
    this.runs++;
    return batch(this.context());
  }

  private usedBox(sheet: FakeSheet): Box | undefined {
    const keys = [...sheet.cells.keys()].map((k) => k.split(',').map(Number));
    if (keys.length === 0) return undefined;
    const rows = keys.map(([r]) => r);
    const cols = keys.map(([, c]) => c);
    const row = Math.min(...rows);
    const col = Math.min(...cols);
    return { row, col, rows: Math.max(...rows) - row + 1, cols: Math.max(...cols) - col + 1 };
  }

  private context(): ContextLike {
    const worksheets = {
      items: [] as WorksheetLike[],
      load: (what?: string) => {
        this.queue.push({ kind: 'load', what: `worksheets ${what ?? ''}` });
        this.afterSync.push(() => {
          worksheets.items = this.sheets.map((s) => this.worksheet(s.name));
        });
      },
      add: (name?: string) => {
        const sheetName = name ?? `Sheet${this.sheets.length + 1}`;
        this.queue.push({ kind: 'addSheet', sheet: sheetName });
        return this.worksheet(sheetName);
      },
    };
    return {
      workbook: {
        worksheets,
        getSelectedRange: () => {
          const sheet = this.worksheet(this.selection.sheet);
          return Object.assign(this.range(this.selection.sheet, parseA1(this.selection.address)), { worksheet: sheet });
        },
      },
      sync: () => this.sync(),
    };
  }

  private async sync(): Promise<void> {
    const batch = this.queue;
    const after = this.afterSync;
    this.queue = [];
    this.afterSync = [];
    this.batches.push(batch);
    for (const op of batch) {
      const failure = this.failWhen(op);
      if (failure) throw new Error(failure);
      this.apply(op);
    }
    for (const update of after) update();
  }

  private apply(op: Op): void {
    if (op.kind === 'load') return;
    if (op.kind === 'addSheet') {
      if (this.sheets.some((s) => s.name.toLowerCase() === op.sheet.toLowerCase())) {
        // Excel's own words and code for it (Excel.ErrorCodes.itemAlreadyExists).
        throw Object.assign(new Error('A resource with the same name or identifier already exists.'), { code: 'ItemAlreadyExists' });
      }
      if (op.sheet.length > 31 || /[:\\/?*[\]]/.test(op.sheet)) throw new Error(`fake Excel: invalid sheet name "${op.sheet}"`);
      this.sheets.push(emptySheet(op.sheet));
      return;
    }
    const sheet = this.sheet(op.sheet);
    if (!sheet) throw new Error(`fake Excel: no sheet "${op.sheet}"`);
    if (op.kind === 'deleteSheet') {
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
      return;
    }
    if (op.kind === 'activate') return;
    if (op.kind === 'freezeRows') {
      sheet.frozenRows = op.value;
      return;
    }
    if (op.kind === 'addChart') {
      sheet.charts.push({ type: op.type, source: op.source, seriesBy: op.seriesBy, series: [{ values: op.source }] });
      return;
    }
    if (op.kind === 'chart') {
      op.change(sheet.charts[op.chart]);
      return;
    }
    const box = parseA1(op.address);
    if (op.kind === 'columnWidth') {
      for (let c = box.col; c < box.col + box.cols; c++) sheet.columnWidths.set(c, op.value);
      return;
    }
    if (op.kind === 'bold') {
      for (let r = box.row; r < box.row + box.rows; r++) for (let c = box.col; c < box.col + box.cols; c++) sheet.bold.add(`${r},${c}`);
      return;
    }
    const value = op.value;
    if (value.length !== box.rows || value.some((row) => row.length !== box.cols)) {
      throw new Error(`fake Excel: ${op.kind} for ${op.address} must be ${box.rows} × ${box.cols}`);
    }
    value.forEach((row, r) =>
      row.forEach((cell, c) => {
        const key = `${box.row + r},${box.col + c}`;
        if (op.kind === 'numberFormat') sheet.numberFormats.set(key, cell);
        else if (cell === '' || cell === null) sheet.cells.delete(key);
        else sheet.cells.set(key, cell);
      }),
    );
  }

  worksheet(name: string): WorksheetLike {
    return {
      name,
      activate: () => this.queue.push({ kind: 'activate', sheet: name }),
      delete: () => this.queue.push({ kind: 'deleteSheet', sheet: name }),
      getRange: (address?: string) => this.range(name, parseA1(address ?? 'A1')),
      getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => this.range(name, { row, col, rows, cols }),
      freezePanes: { freezeRows: (count = 1) => this.queue.push({ kind: 'freezeRows', sheet: name, value: count }) },
      charts: {
        add: (type: string, source: RangeLike, seriesBy?: string) => {
          this.queue.push({ kind: 'addChart', sheet: name, type, source: addressOf(source), seriesBy });
          return this.chart(name, this.queue.filter((op) => op.kind === 'addChart' && op.sheet === name).length - 1 + this.chartsOn(name));
        },
      },
      getUsedRangeOrNullObject: () => {
        const sheet = this.sheet(name);
        const used = sheet && this.usedBox(sheet);
        return this.range(name, used ?? { row: 0, col: 0, rows: 1, cols: 1 }, !used);
      },
    };
  }

  /** Charts the sheet already has (before the queued ones). */
  private chartsOn(name: string): number {
    return this.sheet(name)?.charts.length ?? 0;
  }

  /** A proxy for a chart: every property set or method call is queued as a change to it. */
  private chart(sheet: string, index: number): ChartLike {
    const change = (apply: (chart: FakeChart) => void) => this.queue.push({ kind: 'chart', sheet, chart: index, change: apply });
    const titled = (set: (chart: FakeChart, text: string) => void) => ({
      set text(value: string) {
        change((chart) => set(chart, value));
      },
      get text(): string {
        throw new Error('fake Excel: chart titles are write-only here');
      },
    });
    const series = (at: number): ChartSeriesLike => ({
      set name(value: string) {
        change((chart) => (chart.series[at].name = value));
      },
      get name(): string {
        throw new Error('fake Excel: series names are write-only here');
      },
      setValues: (range) => change((chart) => (chart.series[at].values = addressOf(range))),
      setXAxisValues: (range) => change((chart) => (chart.series[at].xValues = addressOf(range))),
    });
    let count = 1;
    return {
      title: titled((chart, text) => (chart.title = text)),
      series: {
        getItemAt: (at) => series(at),
        add: (name) => {
          const at = count++;
          change((chart) => (chart.series[at] = { name }));
          return series(at);
        },
      },
      axes: {
        categoryAxis: { title: titled((chart, text) => (chart.categoryTitle = text)) },
        valueAxis: { title: titled((chart, text) => (chart.valueTitle = text)) },
      },
      setPosition: (startCell) => change((chart) => (chart.position = startCell)),
    };
  }

  range(sheetName: string, box: Box, isNull = false): RangeLike {
    const push = (op: Op) => this.queue.push(op);
    const address = a1(box);
    const loaded: Partial<Record<'values' | 'rowCount' | 'columnCount' | 'address', unknown>> = {};
    const setter = (kind: 'formulas' | 'values' | 'numberFormat') => ({
      get: () => {
        throw new Error(`fake Excel: ${kind} is write-only here`);
      },
      set: (value: unknown[][]) => push({ kind, sheet: sheetName, address, value }),
    });
    const loadedProperty = (name: keyof typeof loaded) => ({
      get: () => {
        if (!(name in loaded)) throw new Error(`fake Excel: ${name} was not loaded (call load, then sync)`);
        return loaded[name];
      },
    });
    const range = {
      [ADDRESS]: address,
      get isNullObject() {
        return isNull;
      },
      format: {
        set columnWidth(value: number) {
          push({ kind: 'columnWidth', sheet: sheetName, address, value });
        },
        get columnWidth(): number {
          throw new Error('fake Excel: columnWidth is write-only here');
        },
        font: {
          set bold(value: boolean) {
            push({ kind: 'bold', sheet: sheetName, address, value });
          },
          get bold(): boolean {
            throw new Error('fake Excel: bold is write-only here');
          },
        },
      },
      load: (what?: string) => {
        push({ kind: 'load', what: `${address} ${what ?? ''}` });
        this.afterSync.push(() => {
          const sheet = this.sheet(sheetName);
          loaded.rowCount = box.rows;
          loaded.columnCount = box.cols;
          loaded.address = `${sheetName}!${address}`;
          if ((what ?? '').includes('values')) {
            loaded.values = Array.from({ length: box.rows }, (_, r) =>
              Array.from({ length: box.cols }, (_, c) => {
                const cell = sheet?.cells.get(`${box.row + r},${box.col + c}`) ?? '';
                return typeof cell === 'string' ? readInput(cell) : cell;
              }),
            );
          }
        });
        return range;
      },
      getIntersectionOrNullObject: (other: string) => {
        const b = parseA1(other);
        const row = Math.max(box.row, b.row);
        const col = Math.max(box.col, b.col);
        const rowEnd = Math.min(box.row + box.rows, b.row + b.rows);
        const colEnd = Math.min(box.col + box.cols, b.col + b.cols);
        const empty = rowEnd <= row || colEnd <= col;
        return this.range(sheetName, empty ? box : { row, col, rows: rowEnd - row, cols: colEnd - col }, empty);
      },
    };
    Object.defineProperties(range, {
      formulas: setter('formulas'),
      numberFormat: setter('numberFormat'),
      values: { ...loadedProperty('values'), set: setter('values').set },
      rowCount: loadedProperty('rowCount'),
      columnCount: loadedProperty('columnCount'),
      address: loadedProperty('address'),
    });
    return range as unknown as RangeLike;
  }
}
