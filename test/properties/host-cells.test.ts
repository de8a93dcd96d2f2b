/**
 * Ranges reach the core as the host passed them and are read cell by cell:
 * plain numbers straight from the array, anything else through the host's
 * CellReader. However a host spells a cell (a Sheets Date, an Excel data-type
 * object), the answer must be the one for the plain value, on every path.
 */
import fc from 'fast-check';
import { type CellValue, FUNCTIONS, type FunctionSpec, type HostArg, type Matrix, invoke } from '../../core';
import type { CellReader } from '../../core/ranges';
import { seen } from '../support/results';

/** A cell as some host wraps it; only `unwrap` knows how to read it. */
class Wrapped {
  constructor(readonly value: CellValue) {}
}

const unwrap: CellReader = (cell) => (cell instanceof Wrapped ? cell.value : ((cell ?? null) as CellValue));

function outcome(spec: FunctionSpec, args: readonly HostArg[], readCell?: CellReader): unknown {
  try {
    return seen(invoke(spec, args, readCell));
  } catch (error) {
    return { thrown: String(error) };
  }
}

/** The example's ranges with the cells `wrapIt` picks wrapped; single values stay as they are. */
function wrapCells(args: readonly (CellValue | Matrix)[], wrapIt: (k: number) => boolean): HostArg[] {
  let k = 0;
  return args.map((arg) =>
    Array.isArray(arg) ? arg.map((row) => row.map((cell) => (wrapIt(k++) ? new Wrapped(cell) : cell))) : arg,
  ) as HostArg[];
}

const examples = FUNCTIONS.flatMap((spec) => spec.examples.map((example, i) => [`${spec.name} example ${i + 1}`, spec, example.args] as const));

describe('cells read through the host\'s reader', () => {
  it.each(examples)('%s answers the same with every range cell wrapped', (_name, spec, args) => {
    expect(outcome(spec, wrapCells(args, () => true), unwrap)).toEqual(outcome(spec, args as HostArg[]));
  });

  it('answers the same with any mix of wrapped and plain cells', () => {
    fc.assert(
      fc.property(fc.constantFrom(...examples), fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }), ([, spec, args], mask) => {
        const mixed = wrapCells(args, (k) => mask[k % mask.length]);
        expect(outcome(spec, mixed, unwrap)).toEqual(outcome(spec, args as HostArg[]));
      }),
      { numRuns: 300, seed: 23 },
    );
  });
});
