/**
 * The shared per-row loop takes a fast path for clean input; whatever path it
 * takes, it must answer what the rule says, cell by cell: blank rows blank,
 * half-blank rows an error naming the blank argument and row, unreadable cells
 * their error, trailing blank rows left off.
 */
import fc from 'fast-check';
import { FormulaError } from '../../core/errors';
import { type AnyRange, type BlankRule, LabelRange, type Limit, NumberRange, numberRange, readNumber } from '../../core/ranges';
import { Rows } from '../../core/rows';
import type { CellValue, Matrix } from '../../core/values';

const cell = fc.oneof<fc.Arbitrary<CellValue>[]>(
  fc.integer({ min: -100, max: 100 }),
  fc.constantFrom<CellValue>(null, '', ' ', '7', 'x', true),
);

function block(rows: number, cols: number): fc.Arbitrary<Matrix> {
  return fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
}

const cases = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), cols: fc.integer({ min: 1, max: 3 }), count: fc.integer({ min: 1, max: 3 }) })
  .chain(({ rows, cols, count }) =>
    fc.record({
      rows: fc.constant(rows),
      cols: fc.constant(cols),
      matrices: fc.array(fc.oneof(block(rows, cols), block(1, 1)), { minLength: count, maxLength: count }),
      labels: fc.array(fc.boolean(), { minLength: count, maxLength: count }),
    }),
  );

const isBlankCell = (v: CellValue) => v === null || (typeof v === 'string' && v.trim() === '');

/** The rule, written out plainly for one cell. */
function expectedCell(matrices: Matrix[], names: string[], asLabel: boolean[], r: number, c: number, where: (k: number) => string): unknown {
  const values = matrices.map((m) => (m.length === 1 && m[0].length === 1 ? m[0][0] : m[r][c]));
  const perRowArgs = matrices.map((m) => !(m.length === 1 && m[0].length === 1));
  const counted = perRowArgs.some(Boolean) ? perRowArgs : perRowArgs.map(() => true);
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!asLabel[k] && !isBlankCell(v) && typeof readNumber(v) === 'string') return 'error';
  }
  const blank = values.map(isBlankCell);
  if (blank.every((b, k) => b || !counted[k]) && blank.some((b, k) => b && counted[k])) return null;
  const firstBlank = blank.findIndex(Boolean);
  if (firstBlank >= 0) return `#VALUE! ${names[firstBlank]} is blank${where(firstBlank)} while the row has other values`;
  return `value ${r},${c}`;
}

describe('Rows.map', () => {
  it('answers what the blank-row rule says for every cell, on the fast path or not', () => {
    fc.assert(
      fc.property(cases, ({ rows, cols, matrices, labels }) => {
        const names = matrices.map((_m, k) => `arg${k + 1}`);
        const required: AnyRange[] = matrices.map((m, k) =>
          labels[k] ? new LabelRange(names[k], m) : new NumberRange(names[k], m, readNumber),
        );
        const wide = required.find((range) => !range.isSingle);
        const shape = wide ? { rows: wide.rows, cols: wide.cols } : { rows: 1, cols: 1 };
        // A single cell that cannot be read spoils every row alike: the whole call fails, once.
        const badSingle = matrices.findIndex(
          (m, k) => m.length === 1 && m[0].length === 1 && !labels[k] && !isBlankCell(m[0][0]) && typeof readNumber(m[0][0]) === 'string',
        );
        if (badSingle >= 0) {
          expect(() => new Rows(required)).toThrow(`${names[badSingle]} `);
          return;
        }
        const result = new Rows(required).map((i) => `value ${Math.floor(i / shape.cols)},${i % shape.cols}`);
        const grid = Array.isArray(result) ? result : [[result]];
        const seen = (v: unknown) => (v instanceof FormulaError ? (/is not a number/.test(v.message) ? 'error' : `${v.code} ${v.message}`) : v);
        // A blank argument is named by its row within it; a single cell needs no row.
        const where = (r: number, c: number) => (k: number) =>
          required[k].isSingle
            ? ''
            : shape.cols === 1
              ? ` in row ${r + 1} of ${names[k]}`
              : shape.rows === 1
                ? ` in column ${c + 1} of ${names[k]}`
                : ` in row ${r + 1}, column ${c + 1} of ${names[k]}`;
        const expected: unknown[][] = [];
        for (let r = 0; r < shape.rows; r++) {
          expected.push([]);
          for (let c = 0; c < shape.cols; c++) expected[r].push(expectedCell(matrices, names, labels, r, c, where(r, c)));
        }
        // Trailing all-blank rows are left off (but a result keeps at least one row).
        while (expected.length > 1 && expected[expected.length - 1].every((v) => v === null)) expected.pop();
        expect(grid.map((row) => row.map(seen))).toEqual(expected);
        void rows;
        void cols;
      }),
      { numRuns: 1000 },
    );
  });
});

describe('Rows.counts and countsWith', () => {
  const blankRule = fc.constantFrom<BlankRule>('required', 'zero', 'skips-row', 'optional');
  const limit = fc.constantFrom<Limit | undefined>(undefined, 'nonNegative', 'positive', 'fraction', 'positiveFraction');
  const aggregateCases = cases.chain((c) => {
    const count = { minLength: c.matrices.length, maxLength: c.matrices.length };
    return fc.record({ blanks: fc.array(blankRule, count), limits: fc.array(limit, count) }).map((more) => ({ ...c, ...more }));
  });

  /** What an aggregate makes of row `i` when it asks `ask`: counted, skipped, or the error it throws. */
  function outcome(ask: () => boolean): unknown {
    try {
      return ask();
    } catch (error) {
      return error instanceof FormulaError ? `${error.code} ${error.message}` : error;
    }
  }

  it('count, skip or refuse each row as its state says, whatever the function hands in: blanks read as 0, values outside a limit', () => {
    fc.assert(
      fc.property(aggregateCases, ({ matrices, labels, blanks, limits }) => {
        const inputs: AnyRange[] = matrices.map((m, k) => {
          const name = `arg${k + 1}`;
          const kept = limits[k];
          return labels[k] ? new LabelRange(name, m) : numberRange(name, m, readNumber, { blank: blanks[k], limit: kept && { limit: kept } });
        });
        let rows: Rows;
        try {
          rows = new Rows(inputs);
        } catch {
          return; // a bad single cell: the whole call fails, as Rows.map's property checks
        }
        for (let i = 0; i < rows.size; i++) {
          const state = rows.state(i);
          const expected = state === 'ok' ? true : state === 'blank' ? false : `${state.code} ${state.message}`;
          let numbers = 0;
          let othersFilled = true;
          for (const input of inputs) {
            if (input instanceof NumberRange) numbers += input.at(i);
            else othersFilled &&= input.at(i) !== null;
          }
          expect(outcome(() => rows.counts(i))).toEqual(expected);
          expect(outcome(() => rows.counts(i, numbers))).toEqual(expected);
          expect(outcome(() => rows.countsWith(i, numbers, othersFilled))).toEqual(expected);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
