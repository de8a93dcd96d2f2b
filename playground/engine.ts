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
 * cell. When a formula's answer turns out to have another size, the plugin
 * records it; `settleSpills` then re-enters those formulas so they reserve the
 * size they really need (the same answer Sheets and Excel spill).
 */
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  type ImplementedFunctions,
  SimpleRangeValue,
} from 'hyperformula';
import { type ErrorCode, type FormulaError, isFormulaError } from '../core/errors';
import { invoke } from '../core/invoke';
import { FUNCTIONS } from '../core/registry';
import type { FunctionSpec, ParamKind } from '../core/spec';
import type { CellValue, HostArg, Result, ResultCell } from '../core/values';

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

const ERROR_TYPES: Record<ErrorCode, ErrorType> = {
  '#DIV/0!': ErrorType.DIV_BY_ZERO,
  '#NUM!': ErrorType.NUM,
  '#N/A': ErrorType.NA,
  '#VALUE!': ErrorType.VALUE,
};

const PER_ROW_KINDS: ReadonlySet<ParamKind> = new Set(['numbers', 'dates', 'labels', 'values']);

/** Biggest spill reserved before the answer is known; an answer that needs more grows into it on settling. */
const MAX_PREDICTED_CELLS = 200_000;

/** Per engine: the sizes formulas turned out to need. Keyed by HyperFormula's dependency graph. */
interface SpillState {
  /** Size each spilling formula reserves, by cell; only for formulas whose own call is a SalesOps function. */
  readonly reserved: Map<string, Size & { readonly name: string }>;
  /** Formulas whose answer did not fit the size they reserved, waiting for settleSpills. */
  readonly pending: Map<string, Address & Size & { readonly name: string }>;
}
const spillStates = new WeakMap<object, SpillState>();

function spillState(owner: object): SpillState {
  let state = spillStates.get(owner);
  if (!state) {
    state = { reserved: new Map(), pending: new Map() };
    spillStates.set(owner, state);
  }
  return state;
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

/** One argument as HyperFormula evaluated it → HostArg, or the first error cell it holds. */
function toHostArg(value: unknown): HostArg | CellError {
  if (value === undefined) return undefined;
  if (value instanceof SimpleRangeValue) {
    const matrix: CellValue[][] = [];
    for (const row of value.data) {
      const out: CellValue[] = new Array(row.length);
      for (let c = 0; c < row.length; c++) {
        const cell = toCell(row[c]);
        if (cell instanceof CellError) return cell;
        out[c] = cell;
      }
      matrix.push(out);
    }
    return matrix;
  }
  return toCell(value);
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

/** A formula's cell reserves the size its array vertex was built with; a plain formula holds one value. */
function reservedSize(vertex: object): Size {
  const { width, height } = vertex as { width?: unknown; height?: unknown };
  return typeof width === 'number' && typeof height === 'number' ? { width, height } : { width: 1, height: 1 };
}

function isRootCall(ast: CallAst, state: State): boolean {
  return state.formulaVertex !== undefined && (state.formulaVertex as { formula?: unknown }).formula === ast;
}

function evaluate(plugin: PluginInstance, spec: FunctionSpec, ast: CallAst, state: State, rawArgs: unknown[]): unknown {
  const args: HostArg[] = [];
  for (const raw of rawArgs) {
    const arg = toHostArg(raw);
    if (arg instanceof CellError) return arg;
    args.push(arg);
  }
  let result: Result;
  try {
    result = invoke(spec, args);
  } catch (error) {
    if (isFormulaError(error)) return toCellError(error);
    const message = error instanceof Error ? error.message : String(error);
    return new CellError(ErrorType.VALUE, `${spec.name} failed: ${message}`);
  }
  const size = sizeOf(result);
  if (isRootCall(ast, state)) {
    const reserved = reservedSize(state.formulaVertex!);
    if (reserved.width !== size.width || reserved.height !== size.height) {
      const address = state.formulaAddress;
      spillState(plugin['dependencyGraph']).pending.set(cellKey(address), { ...address, ...size, name: spec.name });
    }
    return toInterpreterValue(result, fitWithin(size, reserved));
  }
  // Inside a bigger formula: never hand back more than the size predicted for this call.
  const predicted = plugin.arraySizeForAst(ast, state);
  if (predicted.isScalar()) return toInterpreterValue(result, size);
  return toInterpreterValue(result, fitWithin(size, { width: predicted.width, height: predicted.height }));
}

function fitWithin(size: Size, limit: Size): Size {
  return { width: Math.min(size.width, limit.width), height: Math.min(size.height, limit.height) };
}

/** The size a call reserves before its answer is known. */
function predictSize(plugin: PluginInstance, spec: FunctionSpec, ast: CallAst, state: State): ArraySize {
  if (isRootCallAt(plugin, ast, state)) {
    const known = spillState(plugin['dependencyGraph']).reserved.get(cellKey(state.formulaAddress));
    if (known && known.name === spec.name) return new ArraySize(known.width, known.height);
  }
  if (spec.result !== 'per-row') return ArraySize.scalar();
  let width = 1;
  let height = 1;
  spec.params.forEach((param, i) => {
    if (!PER_ROW_KINDS.has(param.kind) || i >= ast.args.length) return;
    const size = plugin.arraySizeForAst(ast.args[i], state);
    width = Math.max(width, size.width);
    height = Math.max(height, size.height);
  });
  if (!Number.isFinite(width) || !Number.isFinite(height) || width * height > MAX_PREDICTED_CELLS) return ArraySize.scalar();
  return width === 1 && height === 1 ? ArraySize.scalar() : new ArraySize(width, height);
}

/**
 * While a formula is being parsed there is no vertex yet; its size request is for
 * the whole formula exactly when the formula is this one call.
 */
function isRootCallAt(plugin: PluginInstance, ast: CallAst, state: State): boolean {
  void plugin;
  return state.formulaVertex === undefined || isRootCall(ast, state);
}

const methodName = (spec: FunctionSpec) => `salesops_${spec.name}`;
const sizeMethodName = (spec: FunctionSpec) => `salesops_${spec.name}_size`;

/** A HyperFormula plugin class implementing `functions`. */
export function createSalesOpsPlugin(functions: readonly FunctionSpec[] = FUNCTIONS) {
  class SalesOpsPlugin extends FunctionPlugin {
    static implementedFunctions: ImplementedFunctions = {};
  }
  const prototype = SalesOpsPlugin.prototype as unknown as Record<string, unknown>;
  for (const spec of functions) {
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
  thousandSeparator: '' as const,
  currencySymbol: ['$'],
  maxRows: 100_000,
  maxColumns: 200,
};

export function createEngine(): HyperFormula {
  registerSalesOpsFunctions();
  return HyperFormula.buildEmpty(ENGINE_CONFIG);
}

/**
 * Re-enters formulas whose answer did not fit the size they reserved, so each
 * reserves exactly what it needs. Returns how many formulas changed size.
 */
export function settleSpills(hf: HyperFormula): number {
  const state = spillState(hf.dependencyGraph);
  let changed = 0;
  for (let pass = 0; pass < 8 && state.pending.size > 0; pass++) {
    const pending = [...state.pending.values()];
    state.pending.clear();
    const redo: { address: Address; formula: string }[] = [];
    for (const item of pending) {
      const address = { sheet: item.sheet, row: item.row, col: item.col };
      const formula = hf.doesSheetExist(hf.getSheetName(item.sheet) ?? '') ? hf.getCellFormula(address) : undefined;
      if (formula === undefined) continue;
      state.reserved.set(cellKey(address), { width: item.width, height: item.height, name: item.name });
      redo.push({ address, formula });
    }
    if (redo.length === 0) break;
    hf.batch(() => {
      for (const { address, formula } of redo) hf.setCellContents(address, formula);
    });
    changed += redo.length;
  }
  state.pending.clear();
  return changed;
}

/** Forgets the size a cell's formula reserved (its content is being replaced). */
export function forgetSpill(hf: HyperFormula, address: Address): void {
  spillState(hf.dependencyGraph).reserved.delete(cellKey(address));
}
