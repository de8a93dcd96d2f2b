/**
 * Every function through the built functions.js with random Excel-shaped
 * arguments: ranges as 2D arrays, empty cells and omitted optionals as null,
 * some cells as data-type values (Excel.CellValue objects), an invocation
 * object appended. Excel must show exactly what the core answers for the same
 * cells, or the same error as a CustomFunctions.Error, and never crash.
 */
import fc from 'fast-check';
import { FUNCTIONS, FormulaError, type FunctionSpec, type HostArg, invoke } from '../core';
import { argsFor, mutatedExample } from './support/arbitraries';
import { FakeCustomFunctionsError, fakeInvocation, loadFunctionsJs } from './support/excel-custom-functions';

const RUNS = 150;
const RANGE_KINDS = new Set(['numbers', 'dates', 'labels', 'values', 'table']);

/** A cell as Excel passes it; `asEntity` picks the cells that hold a data-type value. */
function excelCell(value: unknown, asEntity: boolean): unknown {
  if (value === null || value === undefined) return null;
  if (!asEntity) return value;
  const type = typeof value === 'number' ? 'Double' : typeof value === 'boolean' ? 'Boolean' : 'String';
  return { type, basicValue: value, basicType: type };
}

function excelArgs(spec: FunctionSpec, args: readonly HostArg[], asEntity: (k: number) => boolean): unknown[] {
  let k = 0;
  const cell = (value: unknown) => excelCell(value, asEntity(k++));
  const converted = spec.params.map((param, i) => {
    const arg = args[i];
    if (arg === undefined) return null;
    if (Array.isArray(arg)) return arg.map((row: unknown[]) => row.map(cell));
    return RANGE_KINDS.has(param.kind) ? [[cell(arg)]] : cell(arg);
  });
  return [...converted, fakeInvocation(spec.name)];
}

type Shown = unknown;

/** A 1×1 spill and a single value look the same in the sheet. */
function asSeen(value: unknown): Shown {
  const show = (cell: unknown) =>
    cell instanceof FakeCustomFunctionsError ? `${cell.code} ${cell.message}` : cell === null ? '' : cell;
  if (!Array.isArray(value)) return show(value);
  if (value.length === 1 && value[0].length === 1) return show(value[0][0]);
  return value.map((row: unknown[]) => row.map(show));
}

function coreOutcome(spec: FunctionSpec, args: readonly HostArg[]): Shown {
  try {
    const result = invoke(spec, args);
    const show = (cell: unknown) => (cell instanceof FormulaError ? `${cell.code} ${cell.message}` : cell);
    return asSeen(Array.isArray(result) ? result.map((row) => row.map(show)) : show(result));
  } catch (error) {
    if (error instanceof FormulaError) return `thrown ${error.code} ${error.message}`;
    throw error;
  }
}

function excelOutcome(fn: (...args: unknown[]) => unknown, spec: FunctionSpec, args: unknown[]): Shown {
  try {
    return asSeen(fn(...args));
  } catch (error) {
    if (!(error instanceof FakeCustomFunctionsError)) throw new Error(`${spec.name} threw a non-CustomFunctions error: ${String(error)}`);
    if (/failed unexpectedly/.test(error.message ?? '')) throw new Error(`${spec.name} crashed in Excel: ${error.message}`);
    return `thrown ${error.code} ${error.message}`;
  }
}

const excel = loadFunctionsJs();

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s in Excel under fuzzing', (_name, spec) => {
  it(`shows what the core answers for ${RUNS} random Excel-shaped argument lists`, () => {
    const fn = excel.associated.get(spec.name)!;
    fc.assert(
      fc.property(
        fc.oneof(argsFor(spec.params), mutatedExample(spec)),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        (args, mask) => {
          expect(excelOutcome(fn, spec, excelArgs(spec, args, (k) => mask[k % mask.length]))).toEqual(coreOutcome(spec, args));
        },
      ),
      { numRuns: RUNS, seed: 1124 },
    );
  });
});
