/** Calls a function spec with host arguments: size guard, argument conversion, result checks. */
import { badNumber, badValue, isFormulaError } from './errors';
import { type FunctionSpec, convertArg } from './spec';
import type { HostArg, Result, ResultCell } from './values';

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

/** A result never carries NaN or Infinity to the sheet: they become #NUM! with a reason. */
function checkCell(cell: ResultCell, spec: FunctionSpec): ResultCell {
  if (typeof cell === 'number' && !Number.isFinite(cell)) {
    return badNumber(`${spec.name} could not compute a finite number from these inputs`);
  }
  return cell ?? null;
}

function checkResult(result: Result, spec: FunctionSpec): Result {
  if (!Array.isArray(result)) return checkCell(result, spec);
  return result.map((row) => row.map((cell) => checkCell(cell, spec)));
}

/**
 * Runs `spec` on arguments already converted to the core's cell model. Whole-call
 * problems are thrown as FormulaError; per-row problems come back as FormulaError cells.
 */
export function invoke(spec: FunctionSpec, args: readonly HostArg[]): Result {
  const used = trimOmitted(args);
  if (used.length > spec.params.length) {
    throw badValue(`${spec.name} takes at most ${spec.params.length} arguments, got ${used.length}`);
  }
  checkSize(spec, used);
  const converted = spec.params.map((param, i) => convertArg(param, used[i]));
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

