/** Custom-function dispatch: a call from a cell, exactly as Sheets makes it, through the core. */
import { type ArgumentStarts, invoke } from '../core/invoke';
import { FUNCTIONS } from '../core/registry';
import type { FunctionSpec } from '../core/spec';
import { type SheetsResult, fromSheetsArg, sheetsCellReader, toSheetsError, toSheetsResult } from './convert';
import { argumentStarts } from './formula-arguments';
import { log, spreadsheetDates } from './spreadsheet';

function specNamed(name: string): FunctionSpec | undefined {
  for (const spec of FUNCTIONS) if (spec.name === name) return spec;
  return undefined;
}

/**
 * Where the arguments of the call to `name` start, read from the calling cell's
 * formula: a service call, so made only when a message needs it, and at most once.
 */
function formulaArgumentStarts(name: string): ArgumentStarts {
  let starts: ReturnType<typeof argumentStarts> | undefined;
  return (index) => {
    if (!starts) {
      try {
        const cell = SpreadsheetApp.getActiveRange();
        starts = cell ? argumentStarts(cell.getFormula(), name, cell.getSheet().getName()) : [];
      } catch (error) {
        log('SalesOps could not read the calling formula:', error);
        starts = [];
      }
    }
    return starts[index];
  };
}

/** A custom function call, exactly as Sheets makes it: `args` are the arguments as Sheets passed them. */
export function call(name: string, args: ArrayLike<unknown>): SheetsResult {
  let result;
  try {
    const spec = specNamed(name);
    if (!spec) throw new Error(`no function named ${name} in this build`);
    const reader = spreadsheetDates();
    const hostArgs = Array.prototype.map.call(args, (arg: unknown) => fromSheetsArg(arg, reader));
    result = invoke(spec, hostArgs as Parameters<typeof invoke>[1], sheetsCellReader(reader), formulaArgumentStarts(name));
  } catch (error) {
    throw toSheetsError(name, error, log);
  }
  return toSheetsResult(result);
}
