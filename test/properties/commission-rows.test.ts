/**
 * The commission functions' fast per-row loop must answer exactly what the
 * shared `perRow` answers: same blanks, same half-blank errors, same trimming.
 * The one intended difference: a single broadcast cell that cannot be read is
 * raised once as the formula's error instead of marking every row.
 */
import fc from 'fast-check';
import { perRowOfNumbers } from '../../core/commission/rows';
import { FormulaError } from '../../core/errors';
import { NumberRange, perRow, readNumber } from '../../core/ranges';
import type { CellValue, Matrix } from '../../core/values';

const cell = fc.oneof<fc.Arbitrary<CellValue>[]>(
  fc.integer({ min: -100, max: 100 }),
  fc.constantFrom<CellValue>(null, '', ' ', '7', 'x', true),
);

function block(rows: number, cols: number): fc.Arbitrary<Matrix> {
  return fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
}

/** 1 to 3 ranges, each of the shared shape or a single cell. */
const ranges = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 3 }), count: fc.integer({ min: 1, max: 3 }) })
  .chain(({ rows, cols, count }) =>
    fc.array(fc.oneof(block(rows, cols), block(1, 1)), { minLength: count, maxLength: count }),
  )
  .map((matrices) => matrices.map((matrix, k) => new NumberRange(`arg${k + 1}`, matrix, readNumber)));

/** A result as plain data, errors as their code and message. */
function plain(result: unknown): unknown {
  if (result instanceof FormulaError) return `${result.code} ${result.message}`;
  return Array.isArray(result) ? result.map(plain) : result;
}

describe('perRowOfNumbers', () => {
  it('answers what perRow answers', () => {
    fc.assert(
      fc.property(ranges, (required) => {
        // The shared shape, worked out here: commonShape may itself refuse a bad single cell.
        const wide = required.find((range) => !range.isSingle);
        const shape = wide ? { rows: wide.rows, cols: wide.cols } : { rows: 1, cols: 1 };
        const compute = (i: number) => required.reduce((total, range) => total + range.at(i), i * 1000);
        const single = required.find((range) => range.isSingle && range.errors);
        if (single) {
          // (For a single-cell result, invoke raises perRow's error cell the same way.)
          expect(() => perRowOfNumbers(shape, required, compute)).toThrow(single.errorAt(0)!.message);
          return;
        }
        let expected: unknown;
        try {
          expected = plain(perRow(shape, required, compute));
        } catch (error) {
          expected = `threw ${String(error)}`;
        }
        let actual: unknown;
        try {
          actual = plain(perRowOfNumbers(shape, required, compute));
        } catch (error) {
          actual = `threw ${String(error)}`;
        }
        expect(actual).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
