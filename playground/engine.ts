/**
 * Every function spec in FUNCTIONS as a HyperFormula function plugin.
 *
 * Arguments are converted to the core's cell model (ranges → 2D arrays, empty
 * cells → null, omitted arguments → undefined) and results back (null → empty,
 * FormulaError → CellError with its message).
 *
 * Spilling: HyperFormula fixes the size of an array formula when it parses it,
 * before any value is known. Per-row functions get an upper bound from their
 * arguments' shapes; tables and "per-row or aggregate" results start as one
 * cell. When a call's answer turns out to have another size, the plugin
 * records it; `settleSpills` then re-enters those formulas so they reserve the
 * size they really need (the same answer Sheets and Excel spill). Until then an
 * answer is cut to the space reserved, so HyperFormula never gets more than it
 * made room for.
 *
 * Blocked answers: HyperFormula refuses an array formula whose reserved cells
 * are not free (#SPILL!) before running it, so a call that would have answered
 * with one error cell (#VALUE! for ranges of different sizes, say) showed
 * #SPILL! instead of its real error. `settleSpills` therefore works out what a
 * blocked formula would answer, on the side: an answer of one cell gets one
 * cell (and shows its real error), an answer that now fits is entered again,
 * and for the rest it records the first cell in the way, for the message.
 */
import {
  ArraySize,
  CellError,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import type { SheetCellRef } from '../core/a1';
import { type ErrorCode, type FormulaError, badValue, isFormulaError } from '../core/errors';
import { type ArgumentStarts, invoke } from '../core/invoke';
import { FUNCTIONS } from '../core/registry';
import { PARAM_KINDS, RESULT_KINDS } from '../core/kinds';
import type { FunctionSpec } from '../core/spec';
import type { CellReader } from '../core/ranges';
import type { CellValue, HostArg, HostMatrix, Result, ResultCell } from '../core/values';
import { MAX_COLUMNS, MAX_ROWS } from './limits';

/** The parts of HyperFormula's AST and interpreter state the plugin reads. */
interface CallAst {
  readonly procedureName: string;
  readonly args: readonly unknown[];
}
interface Address {
  readonly sheet: number;
  readonly col: number;
  readonly row: number;
}
interface State {
  readonly formulaAddress: Address;
  readonly formulaVertex?: object;
}
interface Size {
  readonly width: number;
  readonly height: number;
}
/** A reference in HyperFormula's AST: relative parts resolve against the formula's own cell. */
interface ReferenceAst {
  readonly type: string;
  readonly reference?: { toSimpleCellAddress(base: Address): Address };
  readonly start?: ReferenceEnd;
  readonly end?: ReferenceEnd;
}
interface ReferenceEnd {
  toSimpleCellAddress?(base: Address): Address;
  toSimpleColumnAddress?(base: Address): { sheet: number; col: number };
  toSimpleRowAddress?(base: Address): { sheet: number; row: number };
}

const ERROR_TYPES: Record<ErrorCode, ErrorType> = {
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NUM!': ErrorType.NUM,
  '#N/A': ErrorType.NA,
  '#VALUE!': ErrorType.VALUE,
};

/** Biggest spill reserved before the answer is known; an answer that needs more grows into it on settling. */
const MAX_PREDICTED_CELLS = 200_000;

/** Per engine (keyed by HyperFormula's dependency graph): the sizes calls turned out to need. */
interface SpillState {
  /** By cell, then by function name: the size that function's call in that cell answered with. */
  readonly known: Map<string, Map<string, Size>>;
  /** Calls whose answer had another size than reserved for it, waiting for settleSpills. */
  readonly pending: Map<string, { readonly address: Address; readonly sizes: Map<string, Size> }>;
  /** By formula cell: the first cell in the way of its answer (as of the last settleSpills). */
  readonly blockers: Map<string, Address>;
}

/** True while a formula is worked out on the side (probeAnswer): its calls record nothing. */
let probing = false;
const spillStates = new WeakMap<object, SpillState>();

function spillState(owner: object): SpillState {
  let state = spillStates.get(owner);
  if (!state) {
    state = { known: new Map(), pending: new Map(), blockers: new Map() };
    spillStates.set(owner, state);
  }
  return state;
}

function recordSize(plugin: PluginInstance, address: Address, name: string, size: Size): void {
  const { pending } = spillState(plugin['dependencyGraph']);
  const key = cellKey(address);
  let entry = pending.get(key);
  if (!entry) pending.set(key, (entry = { address: { sheet: address.sheet, row: address.row, col: address.col }, sizes: new Map() }));
  entry.sizes.set(name, size);
}

const cellKey = (address: Address) => `${address.sheet}:${address.row}:${address.col}`;

/** HyperFormula's cell value → the core's cell model. Error cells are returned as they are. */
function toCell(value: unknown): CellValue | CellError {
  if (value === EmptyValue || value === undefined || value === null) return null;
  if (value instanceof CellError) return value;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  // Dates, percentages and currencies arrive as rich numbers that carry their display type.
  if (typeof value === 'object' && typeof (value as { val?: unknown }).val === 'number') return (value as { val: number }).val;
  return String(value);
}

/**
 * One argument as HyperFormula evaluated it: a range is handed to the core as
 * HyperFormula's own array, not copied (its cells are read with the call's
 * CellReader as rows are used); a single error cell ends the call at once.
 */
function toHostArg(value: unknown): HostArg | CellError {
  if (value === undefined) return undefined;
  if (value instanceof SimpleRangeValue) return value.data as unknown as HostMatrix;
  return toCell(value);
}

/**
 * How the core reads a cell of a range: HyperFormula's empty value is a blank,
 * a date, percent or currency is its number. An error cell ends the call with
 * that very error, as spreadsheets pass an error on: the reader keeps it, and
 * stops the core with a FormulaError that `evaluate` swaps for it.
 */
class RangeCells {
  error: CellError | undefined;
  readonly read: CellReader = (cell) => {
    const value = toCell(cell);
    if (!(value instanceof CellError)) return value;
    this.error = value;
    throw badValue(value.message || value.type);
  };
}

export function toCellError(error: FormulaError): CellError {
  return new CellError(ERROR_TYPES[error.code] ?? ErrorType.VALUE, error.message);
}

function toInterpreterCell(cell: ResultCell): unknown {
  if (cell === null || cell === undefined) return EmptyValue;
  if (isFormulaError(cell)) return toCellError(cell);
  return cell;
}

function sizeOf(result: Result): Size {
  return Array.isArray(result) ? { height: result.length, width: result[0]?.length ?? 0 } : { width: 1, height: 1 };
}

/** The answer cut or padded to `size`, as HyperFormula takes it. */
function toInterpreterValue(result: Result, size: Size): unknown {
  if (size.width === 1 && size.height === 1) {
    return toInterpreterCell(Array.isArray(result) ? (result[0]?.[0] ?? null) : result);
  }
  const rows = Array.isArray(result) ? result : [[result]];
  const data: unknown[][] = [];
  for (let r = 0; r < size.height; r++) {
    const row = rows[r];
    const out: unknown[] = new Array(size.width);
    for (let c = 0; c < size.width; c++) out[c] = row && c < row.length ? toInterpreterCell(row[c]) : EmptyValue;
    data.push(out);
  }
  return SimpleRangeValue.onlyValues(data as never);
}

type PluginInstance = FunctionPlugin & {
  arraySizeForAst(ast: unknown, state: unknown): ArraySize;
  runFunction(args: unknown, state: unknown, metadata: unknown, fn: (...args: unknown[]) => unknown): unknown;
  metadata(name: string): unknown;
};

/** The space a formula's cell reserved: its array's size, or one cell for a plain formula. */
function reservedSize(vertex: object | undefined): Size | undefined {
  if (!vertex) return undefined;
  const { width, height } = vertex as { width?: unknown; height?: unknown };
  return typeof width === 'number' && typeof height === 'number' ? { width, height } : undefined;
}

function isRootCall(ast: CallAst, state: State): boolean {
  return state.formulaVertex !== undefined && (state.formulaVertex as { formula?: unknown }).formula === ast;
}

const sameSize = (a: Size, b: Size) => a.width === b.width && a.height === b.height;

/** The sheet cell where a reference argument starts; undefined for anything that is not a reference. */
function referenceStart(plugin: PluginInstance, arg: ReferenceAst | undefined, base: Address): SheetCellRef | undefined {
  let start: { sheet: number; row: number; col: number } | undefined;
  if (arg?.type === 'CELL_REFERENCE' && arg.reference) start = arg.reference.toSimpleCellAddress(base);
  else if (arg?.type === 'CELL_RANGE' && arg.start?.toSimpleCellAddress && arg.end?.toSimpleCellAddress) {
    const a = arg.start.toSimpleCellAddress(base);
    const b = arg.end.toSimpleCellAddress(base);
    start = { sheet: a.sheet, row: Math.min(a.row, b.row), col: Math.min(a.col, b.col) };
  } else if (arg?.type === 'COLUMN_RANGE' && arg.start?.toSimpleColumnAddress && arg.end?.toSimpleColumnAddress) {
    const a = arg.start.toSimpleColumnAddress(base);
    start = { sheet: a.sheet, row: 0, col: Math.min(a.col, arg.end.toSimpleColumnAddress(base).col) };
  } else if (arg?.type === 'ROW_RANGE' && arg.start?.toSimpleRowAddress && arg.end?.toSimpleRowAddress) {
    const a = arg.start.toSimpleRowAddress(base);
    start = { sheet: a.sheet, row: Math.min(a.row, arg.end.toSimpleRowAddress(base).row), col: 0 };
  }
  if (!start) return undefined;
  if (start.sheet === base.sheet) return { row: start.row, col: start.col };
  const sheet = (plugin['dependencyGraph'] as unknown as { sheetMapping: { getSheetName(id: number): string | undefined } }).sheetMapping.getSheetName(
    start.sheet,
  );
  return sheet === undefined ? undefined : { sheet, row: start.row, col: start.col };
}

function evaluate(plugin: PluginInstance, spec: FunctionSpec, ast: CallAst, state: State, rawArgs: unknown[]): unknown {
  const args: HostArg[] = [];
  for (const raw of rawArgs) {
    const arg = toHostArg(raw);
    if (arg instanceof CellError) return arg;
    args.push(arg);
  }
  const starts: ArgumentStarts = (index) => referenceStart(plugin, ast.args[index] as ReferenceAst | undefined, state.formulaAddress);
  const cells = new RangeCells();
  let result: Result;
  try {
    result = invoke(spec, args, cells.read, starts);
  } catch (error) {
    if (cells.error) return cells.error;
    if (isFormulaError(error)) return toCellError(error);
    const message = error instanceof Error ? error.message : String(error);
    return new CellError(ErrorType.VALUE, `${spec.name} failed: ${message}`);
  }
  const size = sizeOf(result);
  if (probing) return toInterpreterValue(result, size);
  const array = reservedSize(state.formulaVertex);
  if (isRootCall(ast, state)) {
    // The whole formula is this call: it must fit the cells its array reserved.
    const reserved = array ?? { width: 1, height: 1 };
    if (!sameSize(size, reserved)) recordSize(plugin, state.formulaAddress, spec.name, size);
    return toInterpreterValue(result, fitWithin(size, reserved));
  }
  // Inside a bigger formula: the formula's size was worked out from this call's predicted size.
  const predicted = plugin.arraySizeForAst(ast, state);
  const expected = { width: predicted.width, height: predicted.height };
  if (!sameSize(size, expected)) {
    const known = knownSize(plugin, state.formulaAddress, spec.name);
    const grown = { width: Math.max(size.width, known?.width ?? 1), height: Math.max(size.height, known?.height ?? 1) };
    if (!known || !sameSize(grown, known)) recordSize(plugin, state.formulaAddress, spec.name, grown);
  }
  // In a formula that spills, an answer bigger than predicted would overflow what the formula reserved.
  return toInterpreterValue(result, array ? fitWithin(size, expected) : size);
}

function fitWithin(size: Size, limit: Size): Size {
  return { width: Math.min(size.width, limit.width), height: Math.min(size.height, limit.height) };
}

function knownSize(plugin: PluginInstance, address: Address, name: string): Size | undefined {
  return spillState(plugin['dependencyGraph']).known.get(cellKey(address))?.get(name);
}

/** The size a call reserves before its answer is known. */
function predictSize(plugin: PluginInstance, spec: FunctionSpec, ast: CallAst, state: State): ArraySize {
  const known = probing ? undefined : knownSize(plugin, state.formulaAddress, spec.name);
  if (known) return known.width === 1 && known.height === 1 ? ArraySize.scalar() : new ArraySize(known.width, known.height);
  if (RESULT_KINDS[spec.result].spill !== 'inputs') return ArraySize.scalar();
  let width = 1;
  let height = 1;
  spec.params.forEach((param, i) => {
    if (!PARAM_KINDS[param.kind].perRow || i >= ast.args.length) return;
    const size = plugin.arraySizeForAst(ast.args[i], state);
    width = Math.max(width, size.width);
    height = Math.max(height, size.height);
  });
  if (!Number.isFinite(width) || !Number.isFinite(height) || width * height > MAX_PREDICTED_CELLS) return ArraySize.scalar();
  return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
}

/** The names of every function a plugin made here implements. */
const pluginFunctions = new Set<string>();

const methodName = (spec: FunctionSpec) => `salesops_${spec.name}`;
const sizeMethodName = (spec: FunctionSpec) => `salesops_${spec.name}_size`;

/** A HyperFormula plugin class implementing `functions`. */
export function createSalesOpsPlugin(functions: readonly FunctionSpec[] = FUNCTIONS) {
  class SalesOpsPlugin extends FunctionPlugin {
    static implementedFunctions: ImplementedFunctions = {};
  }
  const prototype = SalesOpsPlugin.prototype as unknown as Record<string, unknown>;
  for (const spec of functions) {
    pluginFunctions.add(spec.name);
    SalesOpsPlugin.implementedFunctions[spec.name] = {
      method: methodName(spec),
      sizeOfResultArrayMethod: sizeMethodName(spec),
      parameters: spec.params.map((param) => ({ argumentType: FunctionArgumentType.ANY, optionalArg: param.optional })),
      vectorizationForbidden: true,
    };
    prototype[methodName(spec)] = function (this: PluginInstance, ast: CallAst, state: State) {
      return this.runFunction(ast.args, state, this.metadata(spec.name), (...args: unknown[]) =>
        evaluate(this, spec, ast, state, args),
      );
    };
    prototype[sizeMethodName(spec)] = function (this: PluginInstance, ast: CallAst, state: State) {
      return predictSize(this, spec, ast, state);
    };
  }
  return SalesOpsPlugin;
}

let registered: readonly string[] | undefined;

/** Registers every spec in FUNCTIONS with HyperFormula (once per page or process). */
export function registerSalesOpsFunctions(): readonly string[] {
  if (registered) return registered;
  const names = FUNCTIONS.map((spec) => spec.name);
  const translations = { enGB: Object.fromEntries(names.map((name) => [name, name])) };
  HyperFormula.registerFunctionPlugin(createSalesOpsPlugin(FUNCTIONS), translations);
  registered = names;
  return names;
}

/** The engine settings the playground uses: Excel-like arrays and dates on the 1899-12-30 epoch. */
export const ENGINE_CONFIG = {
  licenseKey: 'gpl-v3',
  useArrayArithmetic: true,
  // Values keep full precision; the grid rounds only what it displays.
  smartRounding: false,
  nullDate: { year: 1899, month: 12, day: 30 },
  dateFormats: ['YYYY-MM-DD', 'YYYY/MM/DD'],
  timeFormats: ['hh:mm', 'hh:mm:ss.sss'],
  leapYear1900: false,
  functionArgSeparator: ',',
  decimalSeparator: '.' as const,
  // HyperFormula refuses ',' here while it separates arguments: typed "1,000" is read by typed-input.ts instead.
  thousandSeparator: '' as const,
  currencySymbol: ['$'],
  maxRows: MAX_ROWS,
  maxColumns: MAX_COLUMNS,
  // As many steps as the workbook's history keeps (HISTORY_LIMIT in workbook.ts).
  undoLimit: 100,
};

export function createEngine(): HyperFormula {
  registerSalesOpsFunctions();
  return HyperFormula.buildEmpty(ENGINE_CONFIG);
}

/**
 * Re-enters formulas with a call whose answer did not fit the size reserved for
 * it, so each reserves exactly what it needs; then deals with formulas blocked
 * at #SPILL! (see the top of this file). Returns how many formulas it re-entered.
 * It changes no content: run it outside the undo history (engine-history.ts).
 */
export function settleSpills(hf: HyperFormula): number {
  const state = spillState(hf.dependencyGraph);
  let changed = 0;
  for (let round = 0; round < 4; round++) {
    changed += settlePending(hf, state);
    const retried = retryBlocked(hf, state);
    changed += retried;
    if (retried === 0 && state.pending.size === 0) break;
  }
  state.pending.clear();
  return changed;
}

function settlePending(hf: HyperFormula, state: SpillState): number {
  let changed = 0;
  for (let pass = 0; pass < 8 && state.pending.size > 0; pass++) {
    const pending = [...state.pending.entries()];
    state.pending.clear();
    const redo: { address: Address; formula: string }[] = [];
    for (const [key, { address, sizes }] of pending) {
      const formula = hf.getSheetName(address.sheet) === undefined ? undefined : hf.getCellFormula(address);
      if (formula === undefined) continue;
      const known = state.known.get(key) ?? new Map<string, Size>();
      for (const [name, size] of sizes) known.set(name, size);
      state.known.set(key, known);
      redo.push({ address, formula });
    }
    if (redo.length === 0) break;
    reenter(hf, redo);
    changed += redo.length;
  }
  return changed;
}

function reenter(hf: HyperFormula, formulas: readonly { address: Address; formula: string }[]): void {
  hf.batch(() => {
    for (const { address, formula } of formulas) hf.setCellContents(address, formula);
  });
}

interface ArrayVertex {
  getAddress(service: unknown): Address;
}

/** Every array formula HyperFormula holds at #SPILL!. */
function blockedFormulas(hf: HyperFormula): Address[] {
  const graph = hf.dependencyGraph as unknown as { arrayMapping?: { arrayMapping?: Map<string, ArrayVertex> } };
  const service = (hf as unknown as { lazilyTransformingAstService: unknown }).lazilyTransformingAstService;
  const blocked: Address[] = [];
  for (const vertex of graph.arrayMapping?.arrayMapping?.values() ?? []) {
    const address = vertex.getAddress(service);
    const value = hf.getCellValue(address);
    if (value instanceof DetailedCellError && value.type === 'SPILL') blocked.push(address);
  }
  return blocked;
}

/**
 * Blocked formulas: one whose answer is a single cell takes one cell; one whose
 * answer fits now (the cell in the way was emptied; HyperFormula leaves it at
 * #SPILL! until it is entered again) is entered again; for the others, the
 * first cell in the way is recorded. Returns how many formulas it re-entered.
 */
function retryBlocked(hf: HyperFormula, state: SpillState): number {
  state.blockers.clear();
  const redo: { address: Address; formula: string }[] = [];
  for (const address of blockedFormulas(hf)) {
    const formula = hf.getCellFormula(address);
    if (formula === undefined) continue;
    const answer = probeAnswer(hf, address, formula);
    const height = Array.isArray(answer) ? answer.length : 1;
    const width = Array.isArray(answer) ? (answer[0]?.length ?? 1) : 1;
    if (height === 1 && width === 1) {
      const key = cellKey(address);
      const known = state.known.get(key) ?? new Map<string, Size>();
      for (const name of calledFunctions(formula)) known.set(name, { width: 1, height: 1 });
      state.known.set(key, known);
      if (known.size > 0) redo.push({ address, formula });
      continue;
    }
    const blocker = firstFilled(hf, address, width, height);
    if (blocker) state.blockers.set(cellKey(address), blocker);
    else redo.push({ address, formula });
  }
  if (redo.length > 0) reenter(hf, redo);
  return redo.length;
}

/** What the formula in `address` answers when given room, worked out on the side. */
function probeAnswer(hf: HyperFormula, address: Address, formula: string): unknown {
  probing = true;
  try {
    return hf.calculateFormula(formula, address.sheet);
  } catch {
    return undefined;
  } finally {
    probing = false;
  }
}

/** The first cell, row by row, that is not free in the block an answer would fill (its own cell aside). */
function firstFilled(hf: HyperFormula, anchor: Address, width: number, height: number): Address | undefined {
  const { maxRows, maxColumns } = hf.getConfig();
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      if (r === 0 && c === 0) continue;
      const address = { sheet: anchor.sheet, row: anchor.row + r, col: anchor.col + c };
      if (address.row >= maxRows || address.col >= maxColumns) return address;
      if (!hf.isCellEmpty(address)) return address;
    }
  }
  return undefined;
}

/** The names of our functions a formula calls. */
function calledFunctions(formula: string): string[] {
  const names: string[] = [];
  let word = '';
  for (const ch of formula.toUpperCase()) {
    if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_' || ch === '.') {
      word += ch;
      continue;
    }
    if (ch === '(' && pluginFunctions.has(word)) names.push(word);
    word = '';
  }
  return names;
}


/** The cell in the way of a formula's answer, when it is blocked (#SPILL!). */
export function spillBlocker(hf: HyperFormula, address: Address): Address | undefined {
  return spillState(hf.dependencyGraph).blockers.get(cellKey(address));
}

/** Forgets the sizes a cell's formula needed (its content is being replaced). */
export function forgetSpill(hf: HyperFormula, address: Address): void {
  spillState(hf.dependencyGraph).known.delete(cellKey(address));
}

/** A literal argument as written: text, number or boolean; null when left empty, undefined for anything else. */
export type LiteralArg = string | number | boolean | null | undefined;

/** The formula a cell's value comes from: its own, or the one whose answer spills over it. */
export interface FormulaSource {
  /** The cell holding the formula. */
  readonly anchor: Address;
  /** The function the whole formula is a call of, upper case; undefined for any other formula. */
  readonly name?: string;
  /** Its arguments where they are literals. */
  readonly args: readonly LiteralArg[];
}

interface FormulaVertex {
  readonly formula?: { readonly type?: string; readonly procedureName?: string; readonly args?: readonly { type?: string; value?: unknown }[] };
  getAddress?(service: unknown): Address;
}

/** Where the value in `address` comes from, when a formula computes it. */
export function formulaSource(hf: HyperFormula, address: Address): FormulaSource | undefined {
  const graph = hf.dependencyGraph as unknown as { getCell(address: Address): FormulaVertex | undefined };
  const vertex = graph.getCell(address);
  const ast = vertex?.formula;
  if (!vertex || !ast || typeof vertex.getAddress !== 'function') return undefined;
  const anchor = vertex.getAddress((hf as unknown as { lazilyTransformingAstService: unknown }).lazilyTransformingAstService);
  if (ast.type !== 'FUNCTION_CALL' || !ast.procedureName) return { anchor, args: [] };
  const args = (ast.args ?? []).map((arg): LiteralArg => {
    if (arg.type === 'EMPTY') return null;
    if (arg.type === 'STRING' || arg.type === 'NUMBER') return arg.value as string | number;
    return undefined;
  });
  return { anchor, name: ast.procedureName.toUpperCase(), args };
}
