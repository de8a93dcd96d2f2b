/** Calls a catalog function through the core the way a host would, and shows the result as a user sees it. */
import { type HostArg, FormulaError, findFunction, invoke } from '../../core';
import { planTemplate } from '../../core/templates';
import { seen } from './results';
import { sheetWords } from '../../ui/sheet-words';

/** The result as a user sees it; a whole-call error shows as its code, like the cell would. */
export function call(name: string, ...args: HostArg[]) {
  const spec = findFunction(name);
  if (!spec) throw new Error(`no function ${name}`);
  try {
    return seen(invoke(spec, args));
  } catch (error) {
    if (error instanceof FormulaError) return error.code;
    throw error;
  }
}

/** The FormulaError a whole call throws; fails the test when it does not throw one. */
export function callError(name: string, ...args: HostArg[]): FormulaError {
  const spec = findFunction(name);
  if (!spec) throw new Error(`no function ${name}`);
  try {
    invoke(spec, args);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error(`${name} did not fail`);
}

/** The per-row error at [row][col] of a result (0-based). */
export function cellError(name: string, row: number, col: number, ...args: HostArg[]): FormulaError {
  const spec = findFunction(name);
  let result;
  try {
    result = invoke(spec!, args);
  } catch (error) {
    // A single-cell result that is an error is thrown as the formula's error.
    if (error instanceof FormulaError && row === 0 && col === 0) return error;
    throw error;
  }
  const cell = Array.isArray(result) ? result[row][col] : result;
  if (!(cell instanceof FormulaError)) throw new Error(`cell [${row}][${col}] is ${String(cell)}, not an error`);
  return cell;
}

export const column = (...values: HostArg[]) => values.map((v) => [v]) as HostArg;

/** The FormulaError planTemplate refuses a request with; fails the test when it accepts it. */
export function templateRefusal(request: unknown): FormulaError {
  try {
    planTemplate(request, sheetWords);
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
  throw new Error(`planTemplate accepted ${JSON.stringify(request)}`);
}
