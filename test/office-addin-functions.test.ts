/**
 * The built functions.js, run the way Excel runs it: loaded in a bare `vm`
 * context with a fake CustomFunctions global, then called with arguments shaped
 * the way Excel passes them (ranges as 2D arrays, dates as serials, empty cells
 * and omitted optionals as null, an invocation object appended).
 */
import { readFileSync } from 'node:fs';
import { FUNCTIONS, FormulaError, invoke } from '../core';
import { PARAM_KINDS } from '../core/kinds';
import type { CellValue, Example, FunctionSpec, Matrix, ParamSpec } from '../core';
import {
  type FakeCustomFunctions,
  FakeCustomFunctionsError,
  distFile,
  fakeInvocation,
  loadFunctionsJs,
} from './support/excel-custom-functions';
import { seen, showsExpected } from './support/results';

const isRangeKind = (param: ParamSpec) => PARAM_KINDS[param.kind].excel === 'matrix';
const isDateKind = (param: ParamSpec) => param.kind === 'date' || param.kind === 'dates';

/** Excel's day serial for ISO date text, computed here independently of the core. */
function serialOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** One cell as Excel passes it: an empty cell is null, a date cell is a serial. */
function excelCell(param: ParamSpec, cell: CellValue): unknown {
  if (cell === '' || cell === null) return null;
  if (isDateKind(param) && typeof cell === 'string' && ISO_DATE.test(cell)) return serialOf(cell);
  return cell;
}

/** One argument as Excel passes it for this parameter. */
function excelArg(param: ParamSpec, value: CellValue | Matrix | undefined): unknown {
  if (value === undefined || value === null) return param.optional ? null : isRangeKind(param) ? [[null]] : null;
  if (isRangeKind(param)) {
    const matrix = Array.isArray(value) ? value : [[value]];
    return matrix.map((row) => row.map((cell) => excelCell(param, cell)));
  }
  const single = Array.isArray(value) && value.length === 1 && value[0].length === 1 ? value[0][0] : value;
  return Array.isArray(single) ? single : excelCell(param, single);
}

function excelArgs(spec: FunctionSpec, example: Example): unknown[] {
  return [...spec.params.map((param, i) => excelArg(param, example.args[i])), fakeInvocation(spec.name)];
}

type Outcome = { kind: 'value'; value: unknown } | { kind: 'thrown'; error: unknown };

function run(fn: (...args: unknown[]) => unknown, args: unknown[]): Outcome {
  try {
    return { kind: 'value', value: fn(...args) };
  } catch (error) {
    return { kind: 'thrown', error };
  }
}

function coreOutcome(spec: FunctionSpec, example: Example): Outcome {
  try {
    return { kind: 'value', value: invoke(spec, example.args) };
  } catch (error) {
    return { kind: 'thrown', error };
  }
}

let excel: FakeCustomFunctions;
beforeAll(() => {
  excel = loadFunctionsJs();
});

describe('functions.js registration', () => {
  it('associates exactly the ids in functions.json, each once', () => {
    const metadata = JSON.parse(readFileSync(distFile('functions.json'), 'utf8')) as { functions: { id: string }[] };
    const ids = metadata.functions.map((f) => f.id);
    expect([...excel.associated.keys()].sort()).toEqual([...ids].sort());
  });

  it('registers every function in the core registry', () => {
    expect([...excel.associated.keys()].sort()).toEqual(FUNCTIONS.map((spec) => spec.name).sort());
  });
});

const cases = FUNCTIONS.flatMap((spec) => spec.examples.map((example, i) => [`${spec.name} example ${i + 1}`, spec, example] as const));

describe.each(cases)('%s, called the way Excel calls it', (_title, spec, example) => {
  it('shows the documented answer, with Excel error objects for errors', () => {
    const outcome = run(excel.associated.get(spec.name)!, excelArgs(spec, example));
    if (outcome.kind === 'thrown') {
      // A whole-call error: Excel shows the thrown CustomFunctions.Error's code.
      expect(outcome.error).toBeInstanceOf(FakeCustomFunctionsError);
      const code = (outcome.error as FakeCustomFunctionsError).code;
      expect(code).toBe(example.error ?? example.expect);
      return;
    }
    expect(example.error).toBeUndefined();
    const shown = seen(outcome.value);
    expect({ shown, ok: showsExpected(shown, example.expect) }).toEqual({ shown, ok: true });
  });

  it('returns the shape functions.json declares (a matrix spills, an aggregate is one value)', () => {
    const outcome = run(excel.associated.get(spec.name)!, excelArgs(spec, example));
    if (outcome.kind === 'thrown') return expect(outcome.error).toBeInstanceOf(FakeCustomFunctionsError);
    const value = outcome.value;
    if (spec.result === 'aggregate') {
      expect(Array.isArray(value)).toBe(false);
    } else {
      expect(Array.isArray(value) && (value as unknown[]).every(Array.isArray)).toBe(true);
      const rows = value as unknown[][];
      expect(rows.length).toBeGreaterThan(0);
      expect(new Set(rows.map((row) => row.length)).size).toBe(1);
    }
    // Excel shows a blank cell for '', never null or undefined.
    const cells = Array.isArray(value) ? (value as unknown[][]).flat() : [value];
    expect(cells.filter((cell) => cell === null || cell === undefined)).toEqual([]);
  });

  it('carries the explanation of every error to Excel (the tooltip text)', () => {
    const outcome = run(excel.associated.get(spec.name)!, excelArgs(spec, example));
    const core = coreOutcome(spec, example);
    if (outcome.kind === 'thrown') {
      expect(core.kind).toBe('thrown');
      const error = outcome.error as FakeCustomFunctionsError;
      const coreError = (core as { error: FormulaError }).error;
      expect({ code: error.code, message: error.message }).toEqual({ code: coreError.code, message: coreError.message });
      return;
    }
    const cells = Array.isArray(outcome.value) ? (outcome.value as unknown[][]).flat() : [outcome.value];
    const coreValue = (core as { value: unknown }).value;
    const coreCells = Array.isArray(coreValue) ? (coreValue as unknown[][]).flat() : [coreValue];
    const errors = cells.flatMap((cell, i) => (cell instanceof FakeCustomFunctionsError ? [[cell, coreCells[i]] as const] : []));
    for (const [cell, coreCell] of errors) {
      expect(coreCell).toBeInstanceOf(FormulaError);
      expect({ code: cell.code, message: cell.message }).toEqual({
        code: (coreCell as FormulaError).code,
        message: (coreCell as FormulaError).message,
      });
      expect(cell.message).toMatch(/\S/);
    }
  });
});

/** An argument that the first parameter refuses as a whole, by its kind, and words the message must contain. */
function refusedArg(spec: FunctionSpec, param: ParamSpec): { value: unknown; mentions: string[] } | undefined {
  if (isRangeKind(param)) {
    // One cell more than the size guard allows: refused before any work, naming the argument.
    return { value: [new Array(spec.maxCells + 1).fill(1)], mentions: [param.name, spec.name] };
  }
  if (param.kind === 'number' || param.kind === 'date') return { value: 'lots', mentions: [param.name, '"lots"'] };
  if (param.kind === 'boolean') return { value: 'maybe', mentions: [param.name, '"maybe"'] };
  if (param.kind === 'text' && param.choices) return { value: 'zzz', mentions: [param.name, '"zzz"'] };
  if (param.kind === 'text' && !param.optional) return { value: null, mentions: [param.name, 'blank'] };
  return undefined;
}

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s whole-call errors', (_name, spec) => {
  it('throws a CustomFunctions.Error #VALUE! whose message names the bad argument', () => {
    const param = spec.params[0];
    const refused = refusedArg(spec, param)!;
    expect(refused).toBeDefined();
    const base = spec.examples[0] ?? { args: [], expect: null };
    const args = excelArgs(spec, base);
    args[0] = refused.value;
    const outcome = run(excel.associated.get(spec.name)!, args);
    expect(outcome.kind).toBe('thrown');
    const error = (outcome as { error: unknown }).error;
    expect(error).toBeInstanceOf(FakeCustomFunctionsError);
    expect((error as FakeCustomFunctionsError).code).toBe('#VALUE!');
    for (const word of refused.mentions) expect((error as FakeCustomFunctionsError).message).toContain(word);
  });
});
