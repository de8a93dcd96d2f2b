/**
 * Excel's side of a custom-function call: what Excel passes and how the core reads it.
 *
 * - Dates arrive as day serials, which is already the core's model.
 * - Empty cells arrive as `null` on Excel on the web; they become the core's blank.
 *   Excel desktop passes an empty cell inside a range as `0`, and a 0 cannot be told
 *   from a real 0, so on desktop an empty cell counts as 0 (a blank quota row reads
 *   as "quota is 0"). Typing the range to the end of the data avoids it.
 * - An omitted optional argument arrives as `null` (or `undefined`): it is treated as
 *   left out, so the core uses the default.
 * - A single cell passed to a matrix parameter arrives as `[[value]]`; the core
 *   broadcasts a 1×1 range like a single value.
 * - Excel appends an invocation object after the declared arguments, with the address
 *   of the calling cell and of each argument (functions.json asks for both): messages
 *   name the cell at fault from them (`quota is 0 in C6`).
 * - A data-type cell (allowed because functions.json sets allowCustomDataForDataTypeAny)
 *   arrives as an object; its plain value is used.
 *
 * Results: blanks become '' (Excel shows an empty cell), per-row FormulaError cells
 * become CustomFunctions.Error in that cell, and a thrown FormulaError becomes a thrown
 * CustomFunctions.Error with the same explanation. Excel shows custom messages only
 * for #VALUE! and #N/A; for #DIV/0! and #NUM! it keeps its generic text.
 */
import { referenceStart } from '../core/a1';
import { type ErrorCode, FormulaError, isFormulaError } from '../core/errors';
import { type ArgumentStarts, invoke } from '../core/invoke';
import type { FunctionSpec } from '../core/spec';
import type { CellValue, HostArg, Result, ResultCell } from '../core/values';
import { PARAM_KINDS, RESULT_KINDS } from '../core/kinds';

/** The parts of the CustomFunctions namespace the adapter uses (the real one, or a test fake). */
export interface CustomFunctionsApi<Code = CustomFunctions.ErrorCode> {
  readonly Error: new (code: Code, message?: string) => unknown;
  readonly ErrorCode: {
    readonly invalidValue: Code;
    readonly notAvailable: Code;
    readonly divisionByZero: Code;
    readonly invalidNumber: Code;
  };
}

/** A value for a result cell: a number, text, boolean or a CustomFunctions.Error. */
export type ExcelCell = unknown;

const ERROR_CODE_NAMES: Record<ErrorCode, keyof CustomFunctionsApi<unknown>['ErrorCode']> = {
  '#DIV/0!': 'divisionByZero',
  '#NUM!': 'invalidNumber',
  '#N/A': 'notAvailable',
  '#VALUE!': 'invalidValue',
};

export function toExcelError<Code>(api: CustomFunctionsApi<Code>, error: FormulaError): unknown {
  const name = ERROR_CODE_NAMES[error.code] ?? 'invalidValue';
  return new api.Error(api.ErrorCode[name], error.message);
}

/** One cell as Excel hands it over, in the core's cell model. */
export function fromExcelCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'object') return fromCellValueObject(value as Record<string, unknown>);
  return String(value);
}

/** Excel.CellValue objects (entities, formatted numbers...): their plain value, or their display text. */
function fromCellValueObject(value: Record<string, unknown>): CellValue {
  const basic = value.basicValue;
  if (value.type !== 'Error' && (typeof basic === 'number' || typeof basic === 'string' || typeof basic === 'boolean')) {
    return basic;
  }
  if (typeof value.text === 'string') return value.text;
  return typeof basic === 'string' ? basic : null;
}

/**
 * A range as the core takes it: Excel's own array, not copied or walked here.
 * The core reads its cells with fromExcelCell as it uses them.
 */
function fromExcelMatrix(value: unknown[]): HostArg {
  if (value.length === 0) return null;
  return Array.isArray(value[0]) ? (value as unknown[][]) : [value];
}

/** One argument, converted by what its parameter declares. */
export function fromExcelArg(spec: FunctionSpec, index: number, value: unknown): HostArg {
  const param = spec.params[index];
  if (value === null || value === undefined) return param.optional ? undefined : null;
  if (PARAM_KINDS[param.kind].excel === 'matrix') {
    return Array.isArray(value) ? fromExcelMatrix(value) : [[fromExcelCell(value)]];
  }
  if (Array.isArray(value)) return fromExcelMatrix(value);
  return fromExcelCell(value);
}

function toExcelCell<Code>(api: CustomFunctionsApi<Code>, cell: ResultCell): ExcelCell {
  if (cell === null || cell === undefined) return '';
  if (isFormulaError(cell)) return toExcelError(api, cell);
  return cell;
}

function toExcelResult<Code>(api: CustomFunctionsApi<Code>, spec: FunctionSpec, result: Result): ExcelCell | ExcelCell[][] {
  if (RESULT_KINDS[spec.result].excel === 'matrix') {
    if (!Array.isArray(result)) return [[toExcelCell(api, result)]];
    if (result.length === 0 || result[0].length === 0) return [['']];
    // The result is this call's own array: convert its cells in place rather than copy 100k rows.
    const cells = result as ExcelCell[][];
    for (const row of result) {
      for (let c = 0; c < row.length; c++) {
        const cell = row[c];
        if (cell === null || cell === undefined || isFormulaError(cell)) (row as ExcelCell[])[c] = toExcelCell(api, cell);
      }
    }
    return cells;
  }
  if (!Array.isArray(result)) return toExcelCell(api, result);
  if (result.length === 1 && result[0].length === 1) return toExcelCell(api, result[0][0]);
  throw new FormulaError(
    '#VALUE!',
    `${spec.name} returned ${result.length} rows × ${result[0]?.length ?? 0} columns where one value was expected`,
  );
}

/** The parts of CustomFunctions.Invocation the adapter reads. */
interface InvocationLike {
  readonly address?: unknown;
  readonly parameterAddresses?: unknown;
}

/**
 * Where each argument starts, from the addresses Excel passes ("Sheet1!C2:C50");
 * the sheet is left out when it is the calling cell's own. Read only when a message needs it.
 */
export function excelArgumentStarts(invocation: unknown): ArgumentStarts {
  const { address, parameterAddresses } = (typeof invocation === 'object' && invocation !== null ? invocation : {}) as InvocationLike;
  if (!Array.isArray(parameterAddresses)) return () => undefined;
  const own = typeof address === 'string' ? referenceStart(address)?.sheet : undefined;
  return (index) => {
    const text: unknown = parameterAddresses[index];
    return typeof text === 'string' ? referenceStart(text, own) : undefined;
  };
}

/** The function Excel calls for `spec`: converts the arguments, runs the core, converts the result. */
export function excelFunction<Code>(spec: FunctionSpec, api: CustomFunctionsApi<Code>): (...args: unknown[]) => unknown {
  return (...excelArgs: unknown[]) => {
    try {
      const args = spec.params.map((_param, i) => fromExcelArg(spec, i, excelArgs[i]));
      const starts = excelArgumentStarts(excelArgs[spec.params.length]);
      return toExcelResult(api, spec, invoke(spec, args, fromExcelCell, starts));
    } catch (error) {
      if (isFormulaError(error)) throw toExcelError(api, error);
      const reason = error instanceof Error ? error.message : String(error);
      throw new api.Error(api.ErrorCode.invalidValue, `${spec.name} failed unexpectedly: ${reason}`);
    }
  };
}
