/** Calls a function spec with host arguments: shape and size checks, argument conversion, result checks. */
import type { SheetCellRef } from './a1';
import { type FormulaError, badNumber, badValue, isFormulaError } from './errors';
import { type CellReader, coreCell, hostRow, locate } from './ranges';
import { type FunctionSpec, type ParamSpec, convertArg } from './spec';
import type { CellValue, HostArg, Result } from './values';

/** Where argument `index`'s range starts on the sheet, if the host can tell; asked only when a message needs it. */
export type ArgumentStarts = (index: number) => SheetCellRef | undefined;

const NO_STARTS: ArgumentStarts = () => undefined;

/**
 * Checks an argument is a range the core can read (rows that are arrays, all as
 * long as the first) and counts its cells. Anything else arrives only from a
 * forged call, and gets a clear error instead of a crash.
 */
function countCells(param: ParamSpec, arg: readonly unknown[]): number {
  const cols = (arg[0] as unknown[] | undefined)?.length ?? 0;
  for (let r = 0; r < arg.length; r++) hostRow(param.name, arg, r, cols);
  return arg.length * cols;
}

/**
 * The cells a call will read from an argument. A table is read whole, so each of
 * its rows is checked and counted; a per-row range is read `rows × columns of its
 * first row` and checked as its rows are read (a pass over 100,000 rows first
 * would cost as much as the function itself).
 */
function cellsRead(param: ParamSpec, arg: HostArg): number {
  if (!Array.isArray(arg)) return 1;
  if (param.kind === 'table') return countCells(param, arg);
  const cols = arg.length > 0 ? hostRow(param.name, arg, 0, (arg[0] as unknown[] | null)?.length ?? 0).length : 0;
  return arg.length * cols;
}

/** An empty range (no rows or no columns) reads as one blank cell, as hosts pass an empty argument. */
function emptyAsBlank(arg: HostArg): HostArg {
  return Array.isArray(arg) && (arg.length === 0 || (arg[0] as unknown[]).length === 0) ? null : arg;
}


function checkSize(spec: FunctionSpec, args: readonly HostArg[]): void {
  spec.params.forEach((param, i) => {
    const cells = cellsRead(param, args[i]);
    if (cells > spec.maxCells) {
      throw badValue(
        `${param.name} has ${cells.toLocaleString('en-US')} cells; ${spec.name} takes at most ` +
          `${spec.maxCells.toLocaleString('en-US')} in one call: split the range into smaller blocks`,
      );
    }
  });
}

/**
 * The host's reader, made safe for untrusted cells: a cell whose reading throws,
 * or that is not a value (an object, a function), is an error naming the argument.
 * A date is the exception: reading one asks the host (the spreadsheet's time
 * zone), and the host failing is not the cell's fault.
 */
function guardedReader(param: ParamSpec, readCell: CellReader): CellReader {
  return (cell) => {
    let value: CellValue;
    try {
      value = readCell(cell);
    } catch (error) {
      if (isFormulaError(error) || Object.prototype.toString.call(cell) === '[object Date]') throw error;
      throw unreadable(param);
    }
    if (value !== null && typeof value !== 'number' && typeof value !== 'string' && typeof value !== 'boolean') {
      throw unreadable(param);
    }
    return value;
  };
}

function unreadable(param: ParamSpec, where = ''): FormulaError {
  return badValue(`${param.name} holds a cell that cannot be read${where}: it is not a number, text, a date or TRUE/FALSE`);
}

/**
 * After an unexpected failure: the argument a forged call made unreadable (a row
 * that is not an array, ragged rows, getters that throw), or undefined when the
 * arguments are sound and the failure is a bug of ours.
 */
function unreadableArgument(spec: FunctionSpec, args: readonly HostArg[]): FormulaError | undefined {
  for (let i = 0; i < args.length && i < spec.params.length; i++) {
    const arg = args[i];
    if (!Array.isArray(arg)) continue;
    const param = spec.params[i];
    try {
      countCells(param, arg);
    } catch (error) {
      if (isFormulaError(error)) return error;
    }
    for (let r = 0; r < arg.length; r++) {
      try {
        const row = arg[r] as unknown[];
        for (let c = 0; c < row.length; c++) void row[c];
      } catch {
        return unreadable(param, ` in its row ${r + 1}`);
      }
    }
  }
  return undefined;
}

/** NaN or Infinity never reaches the sheet: it becomes #NUM! saying where and what to check. */
function notFinite(spec: FunctionSpec, where: string): FormulaError {
  const inputs = spec.params.filter((param) => !param.optional).map((param) => param.name);
  return badNumber(`the result${where} is beyond the numbers a spreadsheet can hold: check ${inputs.join(', ')}`);
}

/** Checks the result in place: the common all-good case copies nothing and builds no text. */
function checkResult(result: Result, spec: FunctionSpec): Result {
  if (!Array.isArray(result)) {
    if (result === undefined) return null;
    return typeof result === 'number' && !Number.isFinite(result) ? notFinite(spec, '') : result;
  }
  const shape = { rows: result.length, cols: result[0]?.length ?? 0 };
  for (let r = 0; r < result.length; r++) {
    const row = result[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'number' ? !Number.isFinite(cell) : cell === undefined) {
        row[c] = cell === undefined ? null : notFinite(spec, ` in ${locate(r * shape.cols + c, shape)}`);
      }
    }
  }
  return result;
}

/**
 * Runs `spec` on a host's arguments: single values in the core's cell model,
 * ranges as the host passed them, their cells read with `readCell`; `starts`
 * says where each argument's range starts, for messages that name a cell.
 * Whole-call problems are thrown as FormulaError; per-row problems come back as
 * FormulaError cells.
 */
export function invoke(
  spec: FunctionSpec,
  hostArgs: readonly HostArg[],
  readCell: CellReader = coreCell,
  starts: ArgumentStarts = NO_STARTS,
): Result {
  const used = trimOmitted(hostArgs);
  if (used.length > spec.params.length) {
    throw badValue(`${spec.name} takes at most ${spec.params.length} arguments, got ${used.length}`);
  }
  checkSize(spec, used);
  const args = used.map(emptyAsBlank);
  let result: Result;
  try {
    const converted = spec.params.map((param, i) => convertArg(param, args[i], guardedReader(param, readCell), () => starts(i)));
    const impl = spec.impl as (...a: unknown[]) => Result;
    result = checkResult(impl(...converted), spec);
  } catch (error) {
    if (isFormulaError(error)) throw error;
    if (error instanceof RangeError) throw badNumber(`${spec.name} cannot handle inputs this large`);
    throw unreadableArgument(spec, args) ?? error;
  }
  // A single-cell answer that is an error reads best as the formula's own error, with its tooltip.
  if (isFormulaError(result)) throw result;
  return result;
}

function trimOmitted(args: readonly HostArg[]): readonly HostArg[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}
