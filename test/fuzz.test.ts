/**
 * Every function, fed thousands of random host-shaped argument lists: it either
 * answers with clean cells or fails with a FormulaError that says which argument
 * (and, for per-row problems, which row) is wrong. Never a crash, NaN, Infinity
 * or undefined.
 */
import fc from 'fast-check';
import { FUNCTIONS, FormulaError, type FunctionSpec, type HostArg, invoke } from '../core';
import { argsFor, mutatedExample } from './support/arbitraries';

/** The words a message may use for a parameter: its name, with spaces, or singular. */
function namesFor(spec: FunctionSpec): string[] {
  return spec.params.flatMap((param) => {
    const spaced = param.name.replace(/_/g, ' ');
    const singular = (word: string) => word.replace(/ies$/, 'y').replace(/s$/, '');
    return [param.name, spaced, singular(param.name), singular(spaced)];
  });
}

function fail(spec: FunctionSpec, problem: string): never {
  throw new Error(`${spec.name}: ${problem}`);
}

function checkCell(cell: unknown, spec: FunctionSpec): void {
  if (cell instanceof FormulaError) return checkMessage(cell, spec);
  if (!(cell === null || ['number', 'string', 'boolean'].includes(typeof cell))) fail(spec, `result cell ${String(cell)}`);
  if (typeof cell === 'number' && !Number.isFinite(cell)) fail(spec, `result cell ${cell}`);
}

/**
 * An error that marks some rows of a spilled result must say which row, unless
 * it is about an argument given as a single cell (which every row shares).
 */
function checkRowsNamed(cells: unknown[], spec: FunctionSpec, args: readonly HostArg[]): void {
  const singles = spec.params.filter((_param, i) => !Array.isArray(args[i]) || (args[i] as unknown[][]).length * (args[i] as unknown[][])[0].length === 1);
  const singleNames = namesFor({ ...spec, params: singles });
  for (const cell of cells) {
    if (!(cell instanceof FormulaError) || /\b(?:row|column) \d+/.test(cell.message)) continue;
    const message = cell.message.toLowerCase();
    if (!singleNames.some((name) => message.includes(name.toLowerCase()))) fail(spec, `per-row error without its row: "${cell.message}"`);
  }
}

function checkMessage(error: FormulaError, spec: FunctionSpec): void {
  const names = namesFor(spec);
  const message = error.message.toLowerCase();
  if (!names.some((name) => message.includes(name.toLowerCase()))) fail(spec, `message names no argument: "${error.message}"`);
}

function exercise(spec: FunctionSpec, args: HostArg[]): 'answer' | 'error' {
  let result;
  try {
    result = invoke(spec, args);
  } catch (error) {
    if (!(error instanceof FormulaError)) fail(spec, `crashed with ${String(error)}`);
    checkMessage(error, spec);
    return 'error';
  }
  if (Array.isArray(result)) {
    if (result.length === 0 || result.some((row) => row.length !== result[0].length)) fail(spec, 'ragged or empty result');
    const cells = result.flat();
    cells.forEach((cell) => checkCell(cell, spec));
    if (spec.result !== 'table') checkRowsNamed(cells, spec, args);
  } else checkCell(result, spec);
  return 'answer';
}

const RUNS = 2000;
const LONG_RUNS = 40;

/** Runs a property and reports a failure with a short counterexample, not megabytes of it. */
function holds(property: fc.IProperty<[HostArg[]]>, numRuns: number, seed: number): void {
  const details = fc.check(property, { numRuns, seed, endOnFailure: true });
  if (details.failed) {
    const example = JSON.stringify(details.counterexample?.[0]).slice(0, 400);
    throw new Error(`${String(details.errorInstance)}\n  on arguments ${example}`);
  }
}

describe.each(FUNCTIONS.map((spec) => [spec.name, spec] as const))('%s under fuzzing', (_name, spec) => {
  it(`survives ${RUNS} random argument lists and answers some of them`, () => {
    const outcomes = { answer: 0, error: 0 };
    holds(
      fc.property(fc.oneof(argsFor(spec.params), mutatedExample(spec)), (args) => {
        outcomes[exercise(spec, args)]++;
      }),
      RUNS,
      20261123,
    );
    // The generators aim at plausible input: a function that only ever errors is not being exercised.
    expect(outcomes.answer).toBeGreaterThan(RUNS / 50);
  });

  it(`survives ${LONG_RUNS} long ranges`, () => {
    holds(
      fc.property(argsFor(spec.params, true), (args) => {
        exercise(spec, args);
      }),
      LONG_RUNS,
      7,
    );
  });

  it('refuses an argument larger than it can finish inside the Sheets time limit, saying so', () => {
    const tooBig: HostArg = [new Array(spec.maxCells + 1).fill(1)];
    const args = spec.params.map((_p, i) => (i === 0 ? tooBig : 1));
    expect(() => invoke(spec, args)).toThrow(/takes at most [\d,]+ in one call/);
  });
});
