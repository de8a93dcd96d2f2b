/**
 * A fake Apps Script global for loading the built Code.js in a Node `vm`
 * context: SpreadsheetApp (spreadsheet, sheets, ranges, UI), HtmlService,
 * Utilities.formatDate (via Intl, honouring the requested time zone),
 * ScriptApp.AuthMode, PropertiesService and Session. Every service call is
 * logged ("Spreadsheet.insertSheet"), so tests can check what code touched.
 */
import { columnName } from '../../core/a1';

// ---- time zones ----------------------------------------------------------------

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function wallClock(time: number, timeZone: string) {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      era: 'short',
    });
    partsFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(time))) parts[part.type] = part.value;
  const yearInEra = Number(parts.year);
  const year = parts.era === 'BC' || parts.era === 'B' ? 1 - yearInEra : yearInEra;
  const ms = ((time % 1000) + 1000) % 1000;
  return {
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    ms,
  };
}

function utcOf(w: { year: number; month: number; day: number; hour: number; minute: number; second: number; ms: number }): number {
  const date = new Date(Date.UTC(2000, w.month - 1, w.day, w.hour, w.minute, w.second, w.ms));
  date.setUTCFullYear(w.year);
  return date.getTime();
}

/** Milliseconds the zone is ahead of UTC at instant `time`. */
export function zoneOffset(time: number, timeZone: string): number {
  return utcOf(wallClock(time, timeZone)) - time;
}

/** The instant at which the wall clock in `timeZone` shows `iso` ("2026-03-31" or "2026-03-31T18:00"). */
export function instantIn(timeZone: string, iso: string): number {
  const match = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(iso);
  if (!match) throw new Error(`not an ISO date: ${iso}`);
  const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1).map((part) => (part === undefined ? 0 : Number(part)));
  const wall = utcOf({ year, month, day, hour, minute, second, ms: 0 });
  let guess = wall - zoneOffset(wall, timeZone);
  for (let i = 0; i < 3; i++) {
    const next = wall - zoneOffset(guess, timeZone);
    if (next === guess) break;
    guess = next;
  }
  return guess;
}

/** The zone Node (and so the script in the vm) runs in: the "script time zone" of these tests. */
export const SCRIPT_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** True when two zones show different wall-clock times at some point of 2026. */
export function zonesDiffer(a: string, b: string): boolean {
  return [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)].some((t) => zoneOffset(t, a) !== zoneOffset(t, b));
}

/**
 * Spreadsheet zones for tests, each different from the script's zone (so reading
 * a date in the script's zone would show): one far east of UTC with DST in the
 * southern summer, one west of UTC with DST in the northern summer, or stand-ins.
 */
export function spreadsheetZones(): [string, string] {
  const east = ['Pacific/Auckland', 'Australia/Sydney'].find((zone) => zonesDiffer(zone, SCRIPT_ZONE))!;
  const west = ['America/Los_Angeles', 'America/Chicago'].find((zone) => zonesDiffer(zone, SCRIPT_ZONE))!;
  return [east, west];
}

const pad = (value: number, width: number) => String(Math.abs(value)).padStart(width, '0');

/** Utilities.formatDate: Java SimpleDateFormat letters y M d H m s S Z and 'quoted' text. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new Error('Invalid argument: date');
  const w = wallClock(time, timeZone);
  const offsetMinutes = Math.trunc(zoneOffset(time, timeZone) / 60_000);
  return pattern.replace(/'([^']*)'|y+|M+|d+|H+|m+|s+|S+|Z+/g, (token, quoted?: string) => {
    if (quoted !== undefined) return quoted === '' ? "'" : quoted;
    switch (token[0]) {
      case 'y':
        return token.length === 2 ? pad(w.year % 100, 2) : pad(w.year, token.length);
      case 'M':
        return pad(w.month, token.length);
      case 'd':
        return pad(w.day, token.length);
      case 'H':
        return pad(w.hour, token.length);
      case 'm':
        return pad(w.minute, token.length);
      case 's':
        return pad(w.second, token.length);
      case 'S':
        return pad(w.ms, token.length);
      default:
        return `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60), 2)}${pad(Math.abs(offsetMinutes) % 60, 2)}`;
    }
  });
}

// ---- spreadsheet model -----------------------------------------------------------

export interface StoredCell {
  /** What the cell holds after Sheets parsed the input (text, number, boolean). */
  value: string | number | boolean;
  /** The formula, when the input started with '='. */
  formula?: string;
}

/** How Sheets stores typed input (setValues parses text as if the user typed it). */
function parseInput(input: unknown): StoredCell {
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  if (input === '' || input === null || input === undefined) return { value: '' };
  if (typeof input !== 'string') throw new Error(`Exception: The parameters (${typeof input}) don't match the method signature`);
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=') || /^[+-]\s*[a-z(]/i.test(input)) return { value: '', formula: input.startsWith('=') ? input : `=${input}` };
  const trimmed = input.trim();
  if (/^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?%?$/i.test(trimmed)) {
    const number = Number(trimmed.replace('%', ''));
    return { value: trimmed.endsWith('%') ? number / 100 : number };
  }
  if (/^(?:true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const date = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (date) return { value: Date.UTC(Number(date[1]), Number(date[2]) - 1, Number(date[3])) / 86_400_000 + 25_569 };
  if (/^#(?:N\/A|DIV\/0!|VALUE!|NUM!|REF!|NAME\?)$/i.test(trimmed)) return { value: trimmed.toUpperCase(), formula: `=${trimmed}` };
  return { value: input };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 notation → 1-based bounds; whole rows ("3:3") and columns ("B:B") span the sheet. */
export function parseA1(a1: string, maxRows: number, maxCols: number) {
  const cell = '([a-z]{1,3})(\\d+)';
  let m = new RegExp(`^${cell}(?::${cell})?$`, 'i').exec(a1);
  if (m) {
    const row = Number(m[2]);
    const col = columnNumber(m[1]);
    const lastRow = m[4] ? Number(m[4]) : row;
    const lastCol = m[3] ? columnNumber(m[3]) : col;
    return { row, col, numRows: lastRow - row + 1, numCols: lastCol - col + 1 };
  }
  m = /^(\d+):(\d+)$/.exec(a1);
  if (m) return { row: Number(m[1]), col: 1, numRows: Number(m[2]) - Number(m[1]) + 1, numCols: maxCols };
  m = /^([a-z]{1,3}):([a-z]{1,3})$/i.exec(a1);
  if (m) return { row: 1, col: columnNumber(m[1]), numRows: maxRows, numCols: columnNumber(m[2]) - columnNumber(m[1]) + 1 };
  throw new Error(`Exception: Range not found (${a1})`);
}

export interface Failures {
  /** Method names ("Range.setNumberFormat") that throw, to simulate a failure half-way. */
  readonly throwOn: Set<string>;
}

export class FakeRange {
  readonly kind = 'Range';
  constructor(
    private readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
  ) {
    if (row < 1 || col < 1 || numRows < 1 || numCols < 1 || row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numCols;
  }
  setValues(values: unknown[][]) {
    this.sheet.failIfAsked('Range.setValues');
    if (!Array.isArray(values) || values.length !== this.numRows || values.some((row) => !Array.isArray(row) || row.length !== this.numCols)) {
      throw new Error(`Exception: The number of rows or columns in the data does not match the range (${this.numRows} × ${this.numCols}).`);
    }
    values.forEach((row, r) => row.forEach((input, c) => this.sheet.cells.set(key(this.row + r, this.col + c), parseInput(input))));
    return this;
  }
  /** Values as Sheets reads them back: the raw cells when the test set them (dates included). */
  getValues(): unknown[][] {
    const out: unknown[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < this.numCols; c++) {
        const raw = this.sheet.raw.get(key(this.row + r, this.col + c));
        line.push(raw !== undefined ? raw : (this.sheet.cells.get(key(this.row + r, this.col + c))?.value ?? ''));
      }
      out.push(line);
    }
    return out;
  }
  /** The formula of the range's first cell, as Sheets gives it ('' for a plain value). */
  getFormula(): string {
    this.sheet.failIfAsked('Range.getFormula');
    return this.sheet.cells.get(key(this.row, this.col))?.formula ?? '';
  }
  getSheet(): FakeSheet {
    return this.sheet;
  }
  /** "B2:B9" (or "B2" for one cell). */
  a1(): string {
    const name = (row: number, col: number) => `${columnName(col - 1)}${row}`;
    const start = name(this.row, this.col);
    return this.numRows === 1 && this.numCols === 1 ? start : `${start}:${name(this.row + this.numRows - 1, this.col + this.numCols - 1)}`;
  }
  setNumberFormat(format: string) {
    this.sheet.failIfAsked('Range.setNumberFormat');
    this.forEachCell((k) => this.sheet.formats.set(k, format));
    return this;
  }
  setFontWeight(weight: string) {
    this.sheet.failIfAsked('Range.setFontWeight');
    this.forEachCell((k) => (weight === 'bold' ? this.sheet.bold.add(k) : this.sheet.bold.delete(k)));
    return this;
  }
  private forEachCell(visit: (k: string) => void) {
    for (let r = 0; r < this.numRows; r++) for (let c = 0; c < this.numCols; c++) visit(key(this.row + r, this.col + c));
  }
}

const key = (row: number, col: number) => `${row},${col}`;

export class FakeSheet {
  readonly kind = 'Sheet';
  maxRows = 1000;
  maxColumns = 26;
  readonly cells = new Map<string, StoredCell>();
  /** Values a test put in the sheet directly (as Sheets would hand them to a script: Dates, '', numbers). */
  readonly raw = new Map<string, unknown>();
  readonly formats = new Map<string, string>();
  readonly bold = new Set<string>();
  readonly widths = new Map<number, number>();
  frozenRows = 0;
  /** Charts inserted, as the builder calls made them. */
  readonly charts: FakeChart[] = [];
  /** setValues calls, to check a plan is written in one batch. */
  constructor(
    private name: string,
    private readonly failures: Failures,
    private readonly log: string[],
  ) {}
  failIfAsked(method: string) {
    if (this.failures.throwOn.has(method)) throw new Error(`Exception: Service Spreadsheets failed while accessing document (${method}).`);
  }
  getName() {
    return this.name;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  insertRowsAfter(after: number, howMany: number) {
    if (after !== this.maxRows) throw new Error('fake: rows are only appended at the end');
    this.maxRows += howMany;
    return this;
  }
  insertColumnsAfter(after: number, howMany: number) {
    if (after !== this.maxColumns) throw new Error('fake: columns are only appended at the end');
    this.maxColumns += howMany;
    return this;
  }
  getRange(rowOrA1: number | string, col?: number, numRows = 1, numCols = 1) {
    if (typeof rowOrA1 === 'string') {
      const b = parseA1(rowOrA1, this.maxRows, this.maxColumns);
      return new FakeRange(this, b.row, b.col, b.numRows, b.numCols);
    }
    return new FakeRange(this, rowOrA1, col ?? 1, numRows, numCols);
  }
  getRangeList(a1s: string[]) {
    const ranges = a1s.map((a1) => this.getRange(a1));
    const list = {
      kind: 'RangeList',
      setNumberFormat: (format: string) => {
        this.log.push('RangeList.setNumberFormat');
        ranges.forEach((range) => range.setNumberFormat(format));
        return list;
      },
      setFontWeight: (weight: string) => {
        this.log.push('RangeList.setFontWeight');
        ranges.forEach((range) => range.setFontWeight(weight));
        return list;
      },
    };
    return list;
  }
  setFrozenRows(rows: number) {
    this.failIfAsked('Sheet.setFrozenRows');
    this.frozenRows = rows;
    return this;
  }
  newChart() {
    return new FakeChartBuilder();
  }
  insertChart(chart: FakeChart) {
    this.failIfAsked('Sheet.insertChart');
    if (!chart || chart.kind !== 'EmbeddedChart') throw new Error('Exception: The parameters (object) don\'t match the method signature for SpreadsheetApp.Sheet.insertChart.');
    this.charts.push(chart);
  }
  setColumnWidth(column: number, width: number) {
    this.failIfAsked('Sheet.setColumnWidth');
    this.widths.set(column, width);
    return this;
  }
  /** The cell at A1-style row/col: what a user sees (the formula if any, else the value). */
  shown(row: number, col: number): StoredCell | undefined {
    return this.cells.get(key(row, col));
  }
  /** Puts values into the sheet as a user would have them (for reading back through the script). */
  put(row: number, col: number, values: unknown[][]) {
    values.forEach((line, r) => line.forEach((value, c) => this.raw.set(key(row + r, col + c), value)));
  }
}

/** A chart as EmbeddedChartBuilder.build() leaves it: its type, ranges (A1), options and position. */
export interface FakeChart {
  readonly kind: 'EmbeddedChart';
  readonly type: string;
  readonly ranges: readonly string[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly position?: { row: number; col: number; offsetX: number; offsetY: number };
}

/** Sheet.newChart(): the builder records what it is told; as*Chart() picks the type, the title setters are options. */
export class FakeChartBuilder {
  private type = 'unset';
  private readonly ranges: string[] = [];
  private readonly options: Record<string, unknown> = {};
  private position?: FakeChart['position'];
  asLineChart() {
    this.type = 'LINE';
    return this;
  }
  asColumnChart() {
    this.type = 'COLUMN';
    return this;
  }
  asScatterChart() {
    this.type = 'SCATTER';
    return this;
  }
  addRange(range: FakeRange) {
    this.ranges.push(range.a1());
    return this;
  }
  setOption(option: string, value: unknown) {
    this.options[option] = value;
    return this;
  }
  setTitle(title: string) {
    return this.setOption('title', title);
  }
  setXAxisTitle(title: string) {
    return this.setOption('hAxis.title', title);
  }
  setYAxisTitle(title: string) {
    return this.setOption('vAxis.title', title);
  }
  setPosition(row: number, col: number, offsetX: number, offsetY: number) {
    this.position = { row, col, offsetX, offsetY };
    return this;
  }
  build(): FakeChart {
    return { kind: 'EmbeddedChart', type: this.type, ranges: [...this.ranges], options: { ...this.options }, position: this.position };
  }
}

export class FakeSpreadsheet {
  readonly kind = 'Spreadsheet';
  readonly sheets: FakeSheet[];
  active: FakeSheet;
  activeRange: FakeRange | null = null;
  readonly toasts: { message: string; title?: string }[] = [];
  constructor(
    readonly timeZone: string,
    sheetNames: readonly string[],
    readonly failures: Failures,
    private readonly log: string[],
  ) {
    this.sheets = sheetNames.map((name) => new FakeSheet(name, failures, log));
    this.active = this.sheets[0];
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  getSheets() {
    return [...this.sheets];
  }
  getSheetByName(name: string) {
    return this.sheets.find((sheet) => sheet.getName() === name) ?? null;
  }
  insertSheet(name: string, index?: number) {
    if (typeof name !== 'string' || !name.trim()) throw new Error('Exception: Invalid argument: sheetName');
    if (this.sheets.some((sheet) => sheet.getName().toLowerCase() === name.toLowerCase())) {
      throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const sheet = new FakeSheet(name, this.failures, this.log);
    this.sheets.splice(index ?? this.sheets.length, 0, sheet);
    this.active = sheet;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet) {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) throw new Error('Exception: sheet not found');
    this.sheets.splice(i, 1);
    if (this.active === sheet) this.active = this.sheets[0];
  }
  setActiveSheet(sheet: FakeSheet) {
    this.active = sheet;
    return sheet;
  }
  getActiveSheet() {
    return this.active;
  }
  getActiveRange() {
    return this.activeRange;
  }
  toast(message: string, title?: string) {
    this.toasts.push({ message, title });
  }
  sheet(name: string): FakeSheet {
    const found = this.getSheetByName(name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }
}

export class FakeHtmlOutput {
  readonly kind = 'HtmlOutput';
  title = '';
  width = 0;
  height = 0;
  constructor(
    readonly content: string,
    readonly fromFile?: string,
  ) {}
  setTitle(title: string) {
    this.title = title;
    return this;
  }
  setWidth(width: number) {
    this.width = width;
    return this;
  }
  setHeight(height: number) {
    this.height = height;
    return this;
  }
  getContent() {
    return this.content;
  }
}

export interface MenuItem {
  readonly caption: string;
  readonly functionName: string;
}

export class FakeMenu {
  readonly kind = 'Menu';
  readonly items: (MenuItem | 'separator')[] = [];
  constructor(
    readonly addon: boolean,
    private readonly ui: FakeUi,
  ) {}
  addItem(caption: string, functionName: string) {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator() {
    this.items.push('separator');
    return this;
  }
  addToUi() {
    this.ui.menus.push(this);
  }
}

export class FakeUi {
  readonly kind = 'Ui';
  readonly menus: FakeMenu[] = [];
  readonly sidebars: FakeHtmlOutput[] = [];
  readonly dialogs: { html: FakeHtmlOutput; title: string }[] = [];
  readonly alerts: string[] = [];
  readonly ButtonSet = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' };
  createAddonMenu() {
    return new FakeMenu(true, this);
  }
  createMenu(_caption: string) {
    return new FakeMenu(false, this);
  }
  showSidebar(html: FakeHtmlOutput) {
    this.sidebars.push(html);
  }
  showModalDialog(html: FakeHtmlOutput, title: string) {
    this.dialogs.push({ html, title });
  }
  showModelessDialog(html: FakeHtmlOutput, title: string) {
    this.dialogs.push({ html, title });
  }
  alert(...args: unknown[]) {
    this.alerts.push(args.map(String).join(' | '));
    return 'OK';
  }
}

// ---- tracking ----------------------------------------------------------------------

const targets = new WeakMap<object, object>();

/** Logs each method call as "Kind.method" and wraps returned fakes the same way. */
function tracked<T extends object>(target: T, label: string, log: string[]): T {
  const proxy = new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (typeof prop === 'symbol') return value;
      if (typeof value !== 'function') {
        if (value && typeof value === 'object' && !Array.isArray(value)) log.push(`${label}.${prop}`);
        return value;
      }
      return (...args: unknown[]) => {
        log.push(`${label}.${prop}`);
        const unwrapped = args.map((arg) => (arg && typeof arg === 'object' && targets.has(arg) ? targets.get(arg) : arg));
        const result = value.apply(obj, unwrapped);
        return wrap(result, log);
      };
    },
  });
  targets.set(proxy, target);
  return proxy;
}

function wrap(value: unknown, log: string[]): unknown {
  if (Array.isArray(value)) return value.map((item) => wrap(item, log));
  if (value && typeof value === 'object' && 'kind' in value && typeof (value as { kind: unknown }).kind === 'string') {
    return tracked(value as object, (value as { kind: string }).kind, log);
  }
  return value;
}

export type AuthMode = 'NONE' | 'LIMITED' | 'FULL' | 'CUSTOM_FUNCTION';

export interface FakeAppsScriptOptions {
  /** The spreadsheet's time zone (File → Settings), not the script's. */
  readonly timeZone: string;
  readonly sheetNames?: readonly string[];
  /** Files of the project by name without extension, for HtmlService.createHtmlOutputFromFile. */
  readonly files?: Readonly<Record<string, string>>;
  /** In AuthMode.NONE (onOpen before the add-on is used in this document) only menus may be built. */
  readonly authMode?: AuthMode;
}

export interface FakeAppsScript {
  readonly globals: Record<string, unknown>;
  readonly spreadsheet: FakeSpreadsheet;
  readonly ui: FakeUi;
  /** Every service call in order, e.g. "SpreadsheetApp.getActive", "Spreadsheet.insertSheet". */
  readonly log: string[];
  /** Errors written with console.error (the execution log). */
  readonly errorLog: unknown[][];
  readonly failures: Failures;
  /** How often formatDate and getSpreadsheetTimeZone ran. */
  readonly counts: { formatDate: number; timeZone: number };
  authMode: AuthMode;
}

export function fakeAppsScript(options: FakeAppsScriptOptions): FakeAppsScript {
  const log: string[] = [];
  const errorLog: unknown[][] = [];
  const failures: Failures = { throwOn: new Set() };
  const counts = { formatDate: 0, timeZone: 0 };
  const spreadsheet = new FakeSpreadsheet(options.timeZone, options.sheetNames ?? ['Sheet1'], failures, log);
  const originalZone = spreadsheet.getSpreadsheetTimeZone.bind(spreadsheet);
  spreadsheet.getSpreadsheetTimeZone = () => {
    counts.timeZone++;
    return originalZone();
  };
  const ui = new FakeUi();
  const state: FakeAppsScript = {
    globals: {},
    spreadsheet,
    ui,
    log,
    errorLog,
    failures,
    counts,
    authMode: options.authMode ?? 'FULL',
  };
  const denyInNone = (what: string) => {
    if (state.authMode === 'NONE') {
      throw new Error(`Exception: You do not have permission to call ${what} in AuthMode.NONE.`);
    }
  };
  const SpreadsheetApp = {
    kind: 'SpreadsheetApp',
    getActive() {
      denyInNone('SpreadsheetApp.getActive');
      return spreadsheet;
    },
    getActiveSpreadsheet() {
      denyInNone('SpreadsheetApp.getActiveSpreadsheet');
      return spreadsheet;
    },
    getUi() {
      return ui;
    },
    /** In a custom function, the calling cell. */
    getActiveRange() {
      return spreadsheet.activeRange;
    },
    flush() {},
  };
  const HtmlService = {
    kind: 'HtmlService',
    createHtmlOutputFromFile(name: string) {
      const content = options.files?.[name];
      if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
      return new FakeHtmlOutput(content, name);
    },
    createHtmlOutput(html = '') {
      return new FakeHtmlOutput(String(html));
    },
  };
  const Utilities = {
    kind: 'Utilities',
    formatDate(date: Date, timeZone: string, pattern: string) {
      counts.formatDate++;
      return formatDate(date, timeZone, pattern);
    },
  };
  const ScriptApp = {
    kind: 'ScriptApp',
    AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
  };
  const store = {
    kind: 'Properties',
    getProperty: () => null,
    setProperty() {
      return store;
    },
  };
  const PropertiesService = {
    kind: 'PropertiesService',
    getDocumentProperties() {
      denyInNone('PropertiesService.getDocumentProperties');
      return store;
    },
    getUserProperties() {
      denyInNone('PropertiesService.getUserProperties');
      return store;
    },
    getScriptProperties() {
      return store;
    },
  };
  const Session = { kind: 'Session', getScriptTimeZone: () => SCRIPT_ZONE, getActiveUser: () => ({ getEmail: () => '' }) };
  const fakeConsole = {
    log() {},
    info() {},
    warn() {},
    error(...data: unknown[]) {
      errorLog.push(data);
    },
  };
  Object.assign(state.globals, {
    SpreadsheetApp: tracked(SpreadsheetApp, 'SpreadsheetApp', log),
    HtmlService: tracked(HtmlService, 'HtmlService', log),
    Utilities: tracked(Utilities, 'Utilities', log),
    ScriptApp: tracked(ScriptApp, 'ScriptApp', log),
    PropertiesService: tracked(PropertiesService, 'PropertiesService', log),
    Session: tracked(Session, 'Session', log),
    console: fakeConsole,
    Logger: { log() {} },
  });
  return state;
}

/** The fake sheet behind a value a script got from the fakes (tracked proxies hide it). */
export function unwrapFake<T>(value: T): T {
  return (value && typeof value === 'object' && targets.has(value as object) ? targets.get(value as object) : value) as T;
}
