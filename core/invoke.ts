/** Calls a function spec with host arguments: size guard, argument conversion, result checks. */
import { type FormulaError, badNumber, badValue, isFormulaError } from './errors';
import { type CellReader, at, coreCell } from './ranges';
import { type FunctionSpec, convertArg } from './spec';
import type { HostArg, Result } from './values';

function cellCount(arg: HostArg): number {
  if (!Array.isArray(arg)) return 1;
  return arg.length * (arg[0]?.length ?? 0);
}

function checkSize(spec: FunctionSpec, args: readonly HostArg[]): void {
  spec.params.forEach((param, i) => {
    const cells = cellCount(args[i]);
    if (cells > spec.maxCells) {
      throw badValue(
        `${param.name} has ${cells.toLocaleString('en-US')} cells; ${spec.name} takes at most ` +
          `${spec.maxCells.toLocaleString('en-US')} in one call: split the range into smaller blocks`,
      );
    }
  });
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
        row[c] = cell === undefined ? null : notFinite(spec, at(r * shape.cols + c, shape));
      }
    }
  }
  return result;
}

/**
 * Runs `spec` on a host's arguments: single values in the core's cell model,
 * ranges as the host passed them, their cells read with `readCell`. Whole-call
 * problems are thrown as FormulaError; per-row problems come back as FormulaError cells.
 */
export function invoke(spec: FunctionSpec, args: readonly HostArg[], readCell: CellReader = coreCell): Result {
  const used = trimOmitted(args);
  if (used.length > spec.params.length) {
    throw badValue(`${spec.name} takes at most ${spec.params.length} arguments, got ${used.length}`);
  }
  checkSize(spec, used);
  const converted = spec.params.map((param, i) => convertArg(param, used[i], readCell));
  const impl = spec.impl as (...a: unknown[]) => Result;
  let result: Result;
  try {
    result = checkResult(impl(...converted), spec);
  } catch (error) {
    if (isFormulaError(error)) throw error;
    if (error instanceof RangeError) throw badNumber(`${spec.name} cannot handle inputs this large`);
    throw error;
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

